"""What-if scenarios: hypothetical projects a planner adds to see which gaps they would close.

A scenario is a list of hypotheses (name, strategies, zones or the whole metropolitan area, optionally the need or
proposal it answers). It never touches the report's facts: `apply_scenario` returns a new frame where every row
says where it comes from (`source` = `report` / `scenario`), and the diffs compare the report with the scenario.

A scenario travels in the URL (`encode_scenario` / `decode_scenario`: a version prefix and the URL-safe base64 of
a deflated tab-separated text) and as a CSV the planner keeps (`scenario_to_csv` / `scenario_from_csv`, checked
with the loader's checks and messages: file, row, column).
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pandas as pd

from psm_data.analysis import Gap
from psm_data.csvsafe import FORMULA_START, neutralise
from psm_data.loader import DataValidationError, Problem, check_upload, check_upload_refs
from psm_data.schema import LIST_SEPARATOR, TABLES, TableSpec

if TYPE_CHECKING:
    from psm_data.loader import Dataset

VERSION = "1"
#: Hypotheses per scenario: enough for a workshop, small enough for a URL (about 1 KB at 20).
MAX_HYPOTHESES = 30
NAME_MAX = 80
#: Longest `scn=` value accepted, and most text a value may inflate to (a deflate bomb stops here).
URL_VALUE_MAX = 4000
_TEXT_MAX = MAX_HYPOTHESES * (NAME_MAX + 200)
CSV_MAX_BYTES = 100_000
CSV_FILE_NAME = "psm_scenario.csv"
ZONES, METROPOLITAN = "zones", "metropolitan"
SOURCE_REPORT, SOURCE_SCENARIO = "report", "scenario"
#: project_id of the n-th hypothesis (1-based) once applied to the projects.
HYPOTHESIS_ID = "ipotesi-{n}"
_METRO_TOKEN = "M"  # noqa: S105 - a URL code letter (metropolitan scope), not a secret

SCENARIO_CSV = TableSpec(
    CSV_FILE_NAME,
    ("source", "name", "strategy_ids", "scope", "zone_ids", "need_id"),
    required=("name", "strategy_ids", "scope"),
    enums={"scope": (ZONES, METROPOLITAN), "source": (SOURCE_SCENARIO, "")},
    list_columns=("strategy_ids", "zone_ids"),
)


class ScenarioLinkError(ValueError):
    """A `scn=` value that cannot be read at all (not one of ours, or cut short)."""


@dataclass(frozen=True)
class Hypothesis:
    """One hypothetical project. No zones means the whole metropolitan area."""

    name: str
    strategy_ids: tuple[str, ...]
    zone_ids: tuple[str, ...] = ()
    need_id: str = ""  # a need (N3.3) or a proposal (N3.3b) it answers, optional

    @property
    def scope(self) -> str:
        return ZONES if self.zone_ids else METROPOLITAN


@dataclass(frozen=True)
class Scenario:
    hypotheses: tuple[Hypothesis, ...] = ()

    def __len__(self) -> int:
        return len(self.hypotheses)

    def add(self, hypothesis: Hypothesis) -> Scenario:
        return replace(self, hypotheses=self.hypotheses + (hypothesis,))

    def remove(self, index: int) -> Scenario:
        return replace(self, hypotheses=self.hypotheses[:index] + self.hypotheses[index + 1:])


@dataclass(frozen=True)
class ScenarioRefs:
    """The ids a hypothesis may use, in the data's order (the canonical order of a scenario's lists)."""

    strategy_ids: tuple[str, ...]
    zone_ids: tuple[str, ...]
    need_ids: tuple[str, ...] = ()  # needs and proposals
    _strategy_order: dict[str, int] = field(init=False, repr=False, compare=False)
    _zone_order: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_strategy_order", {s: i for i, s in enumerate(self.strategy_ids)})
        object.__setattr__(self, "_zone_order", {z: i for i, z in enumerate(self.zone_ids)})

    @classmethod
    def from_dataset(cls, data: Dataset) -> ScenarioRefs:
        return cls(tuple(data.strategies["strategy_id"]), data.zone_ids,
                   tuple(data.needs["need_id"]) + tuple(data.proposals["proposal_id"]))

    def canonical(self, hypothesis: Hypothesis) -> Hypothesis:
        """Lists deduplicated in the data's order, the name's whitespace tidied: one encoding per scenario."""
        return Hypothesis(
            clean_name(hypothesis.name),
            tuple(sorted(set(hypothesis.strategy_ids), key=lambda s: self._strategy_order.get(s, 999))),
            tuple(sorted(set(hypothesis.zone_ids), key=lambda z: self._zone_order.get(z, 999))),
            hypothesis.need_id.strip(),
        )


def clean_name(name: str) -> str:
    """A name on one line: control and invisible format characters (e.g. a right-to-left override) become
    spaces, runs of spaces one, ends trimmed."""
    visible = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in name)
    return " ".join(visible.split())


def hypothesis_problems(hypothesis: Hypothesis, refs: ScenarioRefs) -> list[tuple[str, str]]:
    """What is wrong with one hypothesis, as (column, problem) pairs; empty when it is valid."""
    problems: list[tuple[str, str]] = []
    name = clean_name(hypothesis.name)
    if not name:
        problems.append(("name", "empty name"))
    elif len(name) > NAME_MAX:
        problems.append(("name", f"name longer than {NAME_MAX} characters"))
    if not hypothesis.strategy_ids:
        problems.append(("strategy_ids", "no strategy"))
    known_strategies, known_zones = set(refs.strategy_ids), set(refs.zone_ids)
    problems += [("strategy_ids", f"unknown strategy '{shown(s)}'") for s in hypothesis.strategy_ids
                 if s not in known_strategies]
    problems += [("zone_ids", f"unknown zone '{shown(z)}'") for z in hypothesis.zone_ids if z not in known_zones]
    if hypothesis.need_id and hypothesis.need_id not in set(refs.need_ids):
        problems.append(("need_id", f"unknown need or proposal '{shown(hypothesis.need_id)}' "
                                    "(ids look like N3.3 or N3.3b)"))
    return problems


def shown(value: str, limit: int = 24) -> str:
    """A value from outside quoted in a message: only plain id characters, capped (never markup or a link)."""
    safe = re.sub(r"[^0-9A-Za-z._-]", "?", value)
    return safe if len(safe) <= limit else safe[:limit - 1] + "…"


# --- the URL form


def encode_scenario(scenario: Scenario) -> str:
    """`1.` + URL-safe base64 (no padding) of the raw-deflated text: one line per hypothesis, tab-separated
    name, strategies (comma-separated), zones (comma-separated, `M` for the metropolitan area), need."""
    lines = ["\t".join((h.name, ",".join(h.strategy_ids), ",".join(h.zone_ids) or _METRO_TOKEN, h.need_id))
             for h in scenario.hypotheses]
    packed = zlib.compress("\n".join(lines).encode("utf-8"), level=9, wbits=-15)
    return f"{VERSION}." + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode_scenario(value: str, refs: ScenarioRefs) -> tuple[Scenario, list[str]]:
    """The scenario in a `scn=` value and the problems of the hypotheses it had to drop (one message each).

    Raises ScenarioLinkError when the value is not a readable scenario at all."""
    value = value.strip()
    if not value:
        return Scenario(), []
    if len(value) > URL_VALUE_MAX:
        raise ScenarioLinkError(f"longer than {URL_VALUE_MAX} characters")
    version, dot, payload = value.partition(".")
    if not dot or version != VERSION:
        raise ScenarioLinkError(f"unknown format '{shown(version)}' (expected version {VERSION})")
    try:
        packed = base64.b64decode(payload + "=" * (-len(payload) % 4), altchars=b"-_", validate=True)
        inflater = zlib.decompressobj(wbits=-15)
        raw = inflater.decompress(packed, _TEXT_MAX)
        complete = inflater.eof and not inflater.unconsumed_tail
        text = raw.decode("utf-8")
    except (binascii.Error, ValueError, zlib.error):
        raise ScenarioLinkError("not a scenario link (damaged or cut short?)") from None
    if not complete:
        raise ScenarioLinkError("not a scenario link (damaged or cut short?)")
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > MAX_HYPOTHESES:
        raise ScenarioLinkError(f"{len(lines)} hypotheses, at most {MAX_HYPOTHESES}")
    hypotheses, problems = [], []
    for n, line in enumerate(lines, start=1):
        fields = line.split("\t")
        if len(fields) != 4:
            problems.append(f"hypothesis {n}: {len(fields)} fields, expected 4")
            continue
        name, strategies, zones, need = fields
        zone_ids = () if zones == _METRO_TOKEN else tuple(z for z in zones.split(",") if z)
        hypothesis = Hypothesis(name, tuple(s for s in strategies.split(",") if s), zone_ids, need)
        wrong = hypothesis_problems(hypothesis, refs)
        if wrong:
            problems.append(f"hypothesis {n}: " + "; ".join(p for _c, p in wrong))
        else:
            hypotheses.append(refs.canonical(hypothesis))
    return Scenario(tuple(hypotheses)), problems


# --- the CSV form


_QUOTED_START = (*FORMULA_START, "'")


def _neutral(text: str) -> str:
    """`csvsafe.neutralise`, plus a name that starts with an apostrophe gets one more: reading back is exact."""
    return "'" + text if text.startswith(_QUOTED_START) else neutralise(text)


def _unneutral(text: str) -> str:
    """Undo `_neutral` on a cell read back (the round trip keeps the name as typed)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_QUOTED_START) else text


def scenario_to_csv(scenario: Scenario) -> bytes:
    """The scenario as the planner keeps it: UTF-8 with BOM (Excel), the columns of `SCENARIO_CSV`, lists `a;b`,
    every row `source` = scenario."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SCENARIO_CSV.columns)
    for h in scenario.hypotheses:
        writer.writerow((SOURCE_SCENARIO, _neutral(h.name), LIST_SEPARATOR.join(h.strategy_ids), h.scope,
                         LIST_SEPARATOR.join(h.zone_ids), h.need_id))
    return out.getvalue().encode("utf-8-sig")


def scenario_from_csv(data: bytes, refs: ScenarioRefs, file_name: str = CSV_FILE_NAME) -> Scenario:
    """A scenario from an uploaded CSV, or DataValidationError listing every problem in one pass (file, row,
    column), as the loader does for the shipped files: the loader's own checks (columns, empty values, scope,
    unknown strategies and zones), then the scenario's (scope against zones, name length, need, row count). All
    or nothing, so a bad file never half-replaces a scenario."""
    name = shown(file_name.rsplit("/", 1)[-1], 60) or CSV_FILE_NAME
    if len(data) > CSV_MAX_BYTES:
        raise DataValidationError(name, f"file too large ({len(data) // 1000} KB); a scenario CSV is at most "
                                        f"{CSV_MAX_BYTES // 1000} KB")
    table = check_upload(data, replace(SCENARIO_CSV, file=name), name)
    frame = table.frame
    if frame is None:
        raise DataValidationError(table.problems or [Problem(name, "could not be read")])
    if len(frame) > MAX_HYPOTHESES:
        table.add(f"too many rows ({len(frame)}); a scenario holds at most {MAX_HYPOTHESES} hypothetical projects")
    check_upload_refs(table, "strategy_ids", refs.strategy_ids, "strategy")
    check_upload_refs(table, "zone_ids", refs.zone_ids, "zone")
    # A column the loader could not read at all (missing, doubled) is reported once, not again on every row.
    unread = {c for c in table.bad_columns if frame[c].map(lambda v: v == "").all()}
    hypotheses = []
    for line, row in frame.iterrows():
        located = unread | {p.column for p in table.problems if p.row == line}  # one message per cell is enough
        if "scope" not in located and "zone_ids" not in located:
            if row["scope"] == ZONES and not row["zone_ids"]:
                table.add("scope 'zones' needs at least one zone", line, "zone_ids")
            elif row["scope"] == METROPOLITAN and row["zone_ids"]:
                table.add("scope 'metropolitan' takes no zone (leave zone_ids empty)", line, "zone_ids")
        hypothesis = Hypothesis(_unneutral(row["name"]), _items(row["strategy_ids"]), _items(row["zone_ids"]),
                                row["need_id"])
        for column, problem in hypothesis_problems(hypothesis, refs):
            if column not in located:
                table.add(problem, line, column)
                located.add(column)
        hypotheses.append(refs.canonical(hypothesis))
    if table.problems:  # in the file's order: the first problem is the first row's
        raise DataValidationError(sorted(table.problems, key=lambda p: (p.row is not None, p.row or 0)))
    return Scenario(tuple(hypotheses))


def _items(cell: object) -> tuple[str, ...]:
    """A list cell as parsed (a tuple), or () when its column could not be read."""
    return cell if isinstance(cell, tuple) else ()


# --- applying a scenario, and what it changes


def hypothetical_projects(scenario: Scenario, columns: Sequence[str] = TABLES["projects"].columns) -> pd.DataFrame:
    """The hypotheses as project rows (`project_id` ipotesi-1, …; no quote: they are not in the report),
    with `source` = scenario and the `need_id` they answer."""
    rows = []
    for n, h in enumerate(scenario.hypotheses, start=1):
        row = dict.fromkeys(columns, "")
        row.update(project_id=HYPOTHESIS_ID.format(n=n), name=h.name, strategy_ids=h.strategy_ids,
                   zone_ids=h.zone_ids, scope=h.scope)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(columns))
    frame["source"] = SOURCE_SCENARIO
    frame["need_id"] = [h.need_id for h in scenario.hypotheses]
    return frame


def apply_scenario(projects: pd.DataFrame, scenario: Scenario) -> pd.DataFrame:
    """The report's projects (unchanged, `source` = report) followed by the hypotheses (`source` = scenario)."""
    report = projects.assign(source=SOURCE_REPORT, need_id="")
    if not scenario:
        return report.reset_index(drop=True)
    return pd.concat([report, hypothetical_projects(scenario, tuple(projects.columns))], ignore_index=True)


def _gap_place(gap: Gap) -> tuple[str, str, str]:
    return gap.strategy_id, gap.zone_id, gap.axis_id


@dataclass(frozen=True)
class GapDiff:
    """Report gaps against scenario gaps, matched by place (strategy, or zone × axis)."""

    closed: tuple[Gap, ...]  # a report gap the scenario fills
    changed: tuple[tuple[Gap, Gap], ...]  # same place, another kind (no action at all → none in the selection)
    remaining: tuple[Gap, ...]  # unchanged


def diff_gaps(report: Iterable[Gap], scenario: Iterable[Gap]) -> GapDiff:
    after = {_gap_place(g): g for g in scenario}
    closed, changed, remaining = [], [], []
    for gap in report:
        new = after.get(_gap_place(gap))
        if new is None:
            closed.append(gap)
        elif new.kind != gap.kind:
            changed.append((gap, new))
        else:
            remaining.append(gap)
    return GapDiff(tuple(closed), tuple(changed), tuple(remaining))


def changed_cells(report: pd.DataFrame, scenario: pd.DataFrame) -> pd.DataFrame:
    """The cells of two same-shaped count matrices that differ, long form: row, column, report, scenario, delta
    (in the matrices' order)."""
    if list(report.index) != list(scenario.index) or list(report.columns) != list(scenario.columns):
        raise ValueError("the two matrices must have the same rows and columns")
    rows = [(r, c, int(report.at[r, c]), int(scenario.at[r, c]))
            for r in report.index for c in report.columns if report.at[r, c] != scenario.at[r, c]]
    out = pd.DataFrame(rows, columns=["row", "column", SOURCE_REPORT, SOURCE_SCENARIO])
    out["delta"] = (out[SOURCE_SCENARIO] - out[SOURCE_REPORT]).astype("int64")
    return out


def stack_sources(report: pd.DataFrame, scenario: pd.DataFrame | None) -> pd.DataFrame:
    """Report rows then scenario rows with a leading `source` column: one export that keeps the two apart."""
    parts = [report.assign(source=SOURCE_REPORT)]
    if scenario is not None:
        parts.append(scenario.assign(source=SOURCE_SCENARIO))
    out = pd.concat(parts)
    return out[["source"] + [c for c in out.columns if c != "source"]]
