"""Checks that each `source_quote` stands in the report, and tells which section it comes from.

The normalisation is the same as `shared/tools/check_sources.py`: case, markup, quote style and
whitespace are ignored; a quote may be cut into fragments with "..." that must appear in order.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from psm_data.schema import SOURCE_REPORT

MIN_FRAGMENT = 15
_QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                              "–": "-", "—": "-", "\u00a0": " "})
_HEADING = re.compile(r"^#{2,4}\s+(.+?)\s*$", re.MULTILINE)


def normalize(text: str) -> str:
    """Fold the differences a PDF extraction introduces, so a faithful quote matches."""
    text = html.unescape(text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[*_`\\]", "", text)
    text = text.translate(_QUOTE_CHARS)
    return re.sub(r"\s+", " ", text).strip().lower()


def fragments(quote: str) -> list[str]:
    return [f for f in (normalize(p) for p in re.split(r"\.\.\.|…|\[\.\.\.\]", quote)) if f]


@dataclass(frozen=True)
class Report:
    """The source report, normalised once, with its section headings for citing."""

    normalized: str
    section_starts: tuple[tuple[int, str], ...]

    @classmethod
    def from_file(cls, path: Path = SOURCE_REPORT) -> Report:
        raw = path.read_text(encoding="utf-8")
        sections: list[tuple[int, str]] = []
        normalized_parts: list[str] = []
        offset = 0
        last = 0
        for match in _HEADING.finditer(raw):
            chunk = normalize(raw[last:match.start()])
            normalized_parts.append(chunk)
            offset += len(chunk) + 1
            sections.append((offset, match.group(1).replace("*", "").strip()))
            last = match.start()
        normalized_parts.append(normalize(raw[last:]))
        return cls(" ".join(normalized_parts), tuple(sections))

    def find(self, quote: str) -> int | None:
        """Position of the quote's first fragment, or None when some fragment is missing or out of order."""
        parts = fragments(quote)
        if not parts:
            return None
        pos, first = 0, None
        for part in parts:
            pos = self.normalized.find(part, pos)
            if pos < 0:
                return None
            first = pos if first is None else first
            pos += len(part)
        return first

    def problem(self, quote: str) -> str | None:
        """Why a quote would not count as provenance, or None when it is fine."""
        parts = fragments(quote)
        if not parts:
            return "empty source_quote"
        if any(len(p) < MIN_FRAGMENT for p in parts):
            return f"a fragment is shorter than {MIN_FRAGMENT} characters"
        if self.find(quote) is None:
            return "not found in the source report"
        return None

    def _heading_before(self, quote: str, *, numbered_only: bool) -> str:
        pos = self.find(quote)
        if pos is None:
            return ""
        title = ""
        for start, heading in self.section_starts:
            if start > pos:
                break
            if not numbered_only or re.match(r"\d\.", heading):
                title = heading
        return title

    def section_of(self, quote: str) -> str:
        """The heading under which the quote stands, e.g. 'ASSE 2 | TORINO METROPOLI PIÙ VERDE ED ECOLOGICA'."""
        return self._heading_before(quote, numbered_only=False)

    def chapter_of(self, quote: str) -> str:
        """The numbered chapter (e.g. '3. AGGIORNAMENTO …') under which the quote stands."""
        return self._heading_before(quote, numbered_only=True)
