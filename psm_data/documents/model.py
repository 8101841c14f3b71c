"""The position paper as plain blocks: one outline, written out by the DOCX, PDF and CSV writers alike.

Keeping the content apart from the formats means the three files say the same thing (the tests read the DOCX
and the PDF back against the same results functions), and the page's preview is the same outline.
Every block says where its words come from: `Quote` is the report's text (never paraphrased), `Voice` is a
participant's (always marked, never a link or a field), `Table` and `Chart` carry a `source` line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = section (Il percorso, Per asse …), 2 = axis / zone / event, 3 = need
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body | note (small, grey) | hypothesis (an *ipotesi*, never a fact)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """The report's own words, with where they stand in it."""

    text: str
    source: str


@dataclass(frozen=True)
class Voice:
    """A participant's words, shown literally and marked as such; `count` near-duplicates listed once."""

    text: str
    meta: str
    count: int = 1


@dataclass(frozen=True)
class Table:
    """A table of figures: `frame` holds the raw values (what the CSV zip gets), `rows` the displayed cells."""

    key: str  # file name in the zip, e.g. 'asse_1_validazione'
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: str
    frame: pd.DataFrame = field(compare=False, repr=False, default_factory=pd.DataFrame)


@dataclass(frozen=True)
class BarsChart:
    """Stacked answer bars, one per need: (label, counts per answer in vocabulary order)."""

    title: str
    bars: tuple[tuple[str, tuple[int, ...]], ...]
    legend: tuple[str, ...]
    table_key: str  # the Table beside it that holds the same numbers


@dataclass(frozen=True)
class MapChart:
    """The 11 zones shaded by a value (participants per 10 000 inhabitants), labelled with the zone id."""

    title: str
    values: dict[str, float]
    labels: dict[str, str]
    legend: str
    table_key: str


@dataclass(frozen=True)
class TocField:
    """Where Word / LibreOffice put the table of contents (a real TOC field in the DOCX)."""


Block = Heading | Para | Bullets | Quote | Voice | Table | BarsChart | MapChart | TocField


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    lang: str
    blocks: tuple[Block, ...]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def outline(self) -> list[tuple[int, str]]:
        """The headings, for the page's preview."""
        return [(b.level, b.text) for b in self.blocks if isinstance(b, Heading)]
