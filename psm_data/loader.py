"""The one loader: reads the curated CSVs and the zone GeoJSON, validates them, returns typed frames.

Validation reports *every* problem in one pass, as a linter does: each names the file, the spreadsheet row and
the column, and they come back grouped by file in one `DataValidationError`, so a planner who edited a CSV in a
spreadsheet fixes everything in one go. A file that cannot be read at all (missing, not UTF-8, not CSV) stops
only the checks that need it; cross-file checks run only on tables whose columns involved are sound, so one
mistake never shows up as a cascade of others.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from psm_data.schema import (
    DATA_DIR,
    EXPECTED_COMUNI,
    EXPECTED_ZONES,
    GEODATA_DIR,
    LIST_SEPARATOR,
    TABLES,
    TRANSVERSAL,
    TableSpec,
)

#: Values longer than this are cut in messages (a pasted paragraph in an id cell stays readable).
_SHOWN_VALUE_CHARS = 60
#: Whole numbers beyond this are refused: int64 holds them exactly, and no population or count comes near.
_MAX_WHOLE = 10**15


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: where (row as a spreadsheet numbers it, header = row 1; column) and what."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    @property
    def where(self) -> str:
        parts = [f"row {self.row}"] if self.row is not None else []
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.file}, {self.where}: {self.message}" if self.where else f"{self.file}: {self.message}"


def format_problems(problems: Sequence[Problem]) -> str:
    """Every problem grouped by file (files in the order first seen, rows in order), then a count, as linters do."""
    by_file: dict[str, list[Problem]] = {}
    for p in problems:
        by_file.setdefault(p.file, []).append(p)
    lines = []
    for file, mine in by_file.items():
        lines.append(f"{file} — {_plural(len(mine), 'problem')}")
        mine = sorted(mine, key=lambda p: (p.row is not None, p.row or 0))
        lines += [f"  {p.where}: {p.message}" if p.where else f"  {p.message}" for p in mine]
    lines.append(f"{_plural(len(problems), 'problem')} in {_plural(len(by_file), 'file')}")
    return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class DataValidationError(ValueError):
    """The curated files break the data contract. `problems` lists every problem found (grouped by file in the
    message); `file`, `problem`, `row` and `column` describe the first one, for callers that want one."""

    def __init__(self, file: str | Sequence[Problem], problem: str = "", row: int | None = None,
                 column: str | None = None) -> None:
        problems = [Problem(file, problem, row, column)] if isinstance(file, str) else list(file)
        if not problems:
            raise ValueError("DataValidationError needs at least one problem")
        self.problems: list[Problem] = problems
        first = problems[0]
        self.file, self.problem, self.row, self.column = first.file, first.message, first.row, first.column
        super().__init__(format_problems(problems))


@dataclass(frozen=True)
class Dataset:
    """Everything the app shows. Frames are shared (cached): treat them as read-only."""

    axes: pd.DataFrame
    strategies: pd.DataFrame
    projects: pd.DataFrame
    needs: pd.DataFrame
    proposals: pd.DataFrame
    themes: pd.DataFrame
    guidance: pd.DataFrame
    method: pd.DataFrame
    zones: pd.DataFrame
    comuni: pd.DataFrame
    place_areas: pd.DataFrame
    zone_shapes: gpd.GeoDataFrame
    comune_shapes: gpd.GeoDataFrame

    @property
    def zone_ids(self) -> tuple[str, ...]:
        return tuple(self.zones["zone_id"])

    @property
    def axis_ids(self) -> tuple[str, ...]:
        return tuple(self.axes["axis_id"])


@dataclass
class TableCheck:
    """One CSV as far as it could be read: its frame (rows that parsed; index = spreadsheet row), the problems
    found in it, whether every data row parsed (`complete`), and the columns that are unusable (missing, or with
    a value of the wrong type), so cross-file checks know what they can rely on."""

    file: str
    frame: pd.DataFrame | None = None
    problems: list[Problem] = field(default_factory=list)
    complete: bool = False
    bad_columns: set[str] = field(default_factory=set)

    def usable(self, *columns: str) -> bool:
        """True when `columns` can be trusted on every row (for counts and sets drawn from this table)."""
        return self.frame is not None and self.complete and not (set(columns) & self.bad_columns)

    def readable(self, *columns: str) -> bool:
        """True when `columns` can be checked on the rows that parsed (for per-row checks of this table)."""
        return self.frame is not None and not (set(columns) & self.bad_columns)

    def add(self, message: str, row: int | None = None, column: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, row, column))


def _spreadsheet_row(index: int) -> int:
    """Row number as a spreadsheet shows it (header is row 1)."""
    return index + 2


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= _SHOWN_VALUE_CHARS else text[:_SHOWN_VALUE_CHARS - 1] + "…"


def split_list(cell: str) -> tuple[str, ...]:
    """`"1;9"` → `("1", "9")`; an empty cell is an empty tuple."""
    return tuple(part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip())


def _parse_rows(check: TableCheck, path: Path, data_dir: Path) -> list[list[str]] | None:
    """The CSV's rows, or None (with the reason recorded) when the file cannot be read as CSV at all."""
    if not path.exists():
        check.add(f"file not found in {data_dir}")
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        check.add(f"cannot be read ({exc.strerror or exc})")
        return None
    return _rows_from_bytes(check, data)


def _rows_from_bytes(check: TableCheck, data: bytes) -> list[list[str]] | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        check.add(f"not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8 (comma delimited)'")
        return None
    if not text.strip():
        check.add("the file is empty; it needs a header row and data rows")
        return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        check.add(f"cannot be parsed as CSV ({exc})")
        return None
    if len(rows[0]) == 1 and ";" in rows[0][0]:
        check.add("columns are separated by ';' — save it with ',' as separator (CSV UTF-8, comma delimited)")
        return None
    return rows


def check_table(spec: TableSpec, data_dir: Path = DATA_DIR) -> TableCheck:
    """Read one CSV as text and check everything that needs only this file; ints, floats and lists are
    converted where every value is valid. Never raises for bad content: problems are recorded."""
    check = TableCheck(spec.file)
    rows = _parse_rows(check, data_dir / spec.file, data_dir)
    if rows is None:
        return check
    return _check_rows(check, spec, rows)


def _check_rows(check: TableCheck, spec: TableSpec, rows: list[list[str]]) -> TableCheck:
    header = [h.strip() for h in rows[0]]
    records = [(i, r) for i, r in enumerate(rows[1:]) if any(cell.strip() for cell in r)]
    missing = [c for c in spec.columns if c not in header]
    if missing:
        check.add(f"missing column(s) {', '.join(repr(c) for c in missing)}; expected: {', '.join(spec.columns)}")
        check.bad_columns.update(missing)
    doubled = sorted({c for c in header if c in spec.columns and header.count(c) > 1})
    for column in doubled:
        check.add(f"the column appears {header.count(column)} times in the header; keep one", column=column)
        check.bad_columns.add(column)
    if not records:
        check.add("has a header but no data rows")
        return check
    good: list[tuple[int, list[str]]] = []
    for i, record in records:
        if len(record) != len(header):
            check.add(f"{len(record)} values but the header has {len(header)} columns "
                      "(a comma inside a value that is not in quotes?)", _spreadsheet_row(i))
        else:
            good.append((i, record))
    check.complete = len(good) == len(records)
    present = [c for c in spec.columns if c in header and c not in check.bad_columns]
    positions = [header.index(c) for c in present]
    frame = pd.DataFrame([[record[p].strip() for p in positions] for _, record in good], columns=present,
                         index=[_spreadsheet_row(i) for i, _ in good], dtype=object)
    for column in spec.columns:  # unusable columns stay as empty text, so every column exists
        if column not in frame.columns:
            frame[column] = ""
    frame = frame[list(spec.columns)]
    _check_values(check, spec, frame)
    check.frame = frame
    return check


def _check_values(check: TableCheck, spec: TableSpec, frame: pd.DataFrame) -> None:
    """Per-value checks of one table (every offending row), converting typed columns that pass."""
    def ok(column: str) -> bool:
        return column not in check.bad_columns

    emptied = set()
    for column in (c for c in spec.required if ok(c)):
        for row in frame.index[frame[column] == ""]:
            check.add("empty value", row, column)
            emptied.add(column)
    if spec.id_column and ok(spec.id_column):
        ids = frame[spec.id_column]
        first_row: dict[str, int] = {}
        for row, value in ids.items():
            if value == "":
                continue
            if value in first_row:
                check.add(f"duplicate id '{_shown(value)}' (already on row {first_row[value]})", row, spec.id_column)
            else:
                first_row[value] = row
    for column, allowed in spec.enums.items():
        if not ok(column):
            continue
        shown = ", ".join(repr(a) for a in allowed if a)
        for row in frame.index[~frame[column].isin(allowed)]:
            if frame.at[row, column] == "" and column in spec.required:
                continue  # already reported as empty
            check.add(f"'{_shown(frame.at[row, column])}' is not allowed; use one of {shown}", row, column)
    for column in spec.int_columns:
        if not ok(column):
            continue
        parsed = pd.to_numeric(frame[column], errors="coerce")
        bad = parsed.isna() | (parsed % 1 != 0) | (parsed.abs() > _MAX_WHOLE)
        for row in frame.index[bad]:
            if frame.at[row, column] != "" or column not in spec.required:
                check.add(f"'{_shown(frame.at[row, column])}' is not a whole number", row, column)
        if bad.any():
            check.bad_columns.add(column)
        else:
            frame[column] = parsed.astype("int64")
    for column in spec.float_columns:
        if not ok(column):
            continue
        parsed = pd.to_numeric(frame[column], errors="coerce")
        bad = parsed.isna() | ~parsed.abs().lt(float("inf"))
        for row in frame.index[bad]:
            if frame.at[row, column] != "" or column not in spec.required:
                check.add(f"'{_shown(frame.at[row, column])}' is not a number (use '.' as decimal separator)",
                          row, column)
        if bad.any():
            check.bad_columns.add(column)
        else:
            frame[column] = parsed.astype("float64")
    for column in spec.list_columns:
        if ok(column):
            frame[column] = frame[column].map(split_list)
    check.bad_columns |= emptied  # a set of ids with a hole in it would make every reference to it look unknown


def read_table(spec: TableSpec, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """One CSV, checked on its own; raises DataValidationError listing every problem in it."""
    check = check_table(spec, data_dir)
    if check.problems or check.frame is None:
        raise DataValidationError(check.problems or [Problem(spec.file, "could not be read")])
    return check.frame.reset_index(drop=True)


def check_upload(data: bytes | str, spec: TableSpec, name: str) -> TableCheck:
    """An uploaded CSV (a scenario) checked against `spec` with the same checks and messages as a shipped file;
    never raises: the problems are recorded, and the rows that parsed are in `frame` (index: spreadsheet row), so
    the caller can run its own checks on them too and report everything in one pass."""
    check = TableCheck(name)
    rows = _rows_from_bytes(check, data.encode("utf-8") if isinstance(data, str) else data)
    if rows is not None:
        _check_rows(check, spec, rows)
    return check


def check_upload_refs(table: TableCheck, column: str, known: Iterable[str], what: str) -> None:
    """Record every reference of an uploaded table's `column` (list cells: every item) that is not in `known`,
    with the loader's message (empty cells, and a missing column's filler, are never references)."""
    if table.frame is not None:
        _check_refs(table, table.frame, column, known, what)


def _check_refs(table: TableCheck, frame: pd.DataFrame, column: str, known: Iterable[str], what: str,
                extra: tuple[str, ...] = ()) -> None:
    """Every value of `column` of `frame` (list cells: every item) must be one of `known`."""
    known_set = (set(known) | set(extra)) - {""}
    listed = ", ".join(sorted(known_set, key=_natural))
    for row, value in frame[column].items():
        for v in value if isinstance(value, tuple) else (value,):
            if v not in known_set and v != "":
                table.add(f"unknown {what} '{_shown(v)}'; known: {listed}", row, column)


def _natural(value: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in value.replace(".", " ").split())


def _read_geojson(path: Path, id_column: str) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    name = f"geodata/{path.name}"
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    except FileNotFoundError:
        return None, [Problem(name, "file not found; run `make geodata`")]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return None, [Problem(name, f"not a valid GeoJSON FeatureCollection ({_shown(exc)})")]
    if id_column not in frame.columns:
        return None, [Problem(name, f"features lack the property '{id_column}'")]
    frame[id_column] = frame[id_column].astype(str)
    return frame, []


def _cross_check(checks: dict[str, TableCheck], zone_shapes: gpd.GeoDataFrame | None,
                 comune_shapes: gpd.GeoDataFrame | None) -> list[Problem]:
    """Referential integrity and the counts the whole app relies on, each where its inputs are sound."""
    axes, strategies, projects = checks["axes"], checks["strategies"], checks["projects"]
    needs, zones, comuni = checks["needs"], checks["zones"], checks["comuni"]
    problems: list[Problem] = []

    def refs(table: TableCheck, column: str, target: TableCheck, target_column: str, what: str,
             extra: tuple[str, ...] = ()) -> None:
        if table.readable(column) and target.usable(target_column):
            _check_refs(table, table.frame, column, target.frame[target_column], what, extra)

    refs(strategies, "axis_id", axes, "axis_id", "axis")
    if strategies.readable("strategy_id", "axis_id"):
        frame = strategies.frame
        for row in frame.index[frame["strategy_id"].str.split(".").str[0] != frame["axis_id"]]:
            if frame.at[row, "strategy_id"] and frame.at[row, "axis_id"]:
                strategies.add(f"strategy '{_shown(frame.at[row, 'strategy_id'])}' is not in axis "
                               f"'{_shown(frame.at[row, 'axis_id'])}'", row, "axis_id")
    refs(projects, "strategy_ids", strategies, "strategy_id", "strategy")
    refs(projects, "zone_ids", zones, "zone_id", "zone")
    if projects.readable("zone_ids", "scope"):
        frame = projects.frame
        localised = frame["zone_ids"].map(bool)
        for row in frame.index[localised != (frame["scope"] == "zones")]:
            projects.add("scope must be 'zones' exactly when zone_ids lists zones", row, "scope")
    refs(needs, "axis_id", axes, "axis_id", "axis")
    refs(checks["proposals"], "need_id", needs, "need_id", "need")
    refs(checks["themes"], "axis_links", axes, "axis_id", "axis", (TRANSVERSAL,))
    refs(comuni, "zone_id", zones, "zone_id", "zone")
    refs(checks["place_areas"], "comuni", comuni, "name", "comune")

    if zones.usable("zone_id") and len(zones.frame) != EXPECTED_ZONES:
        zones.add(f"{len(zones.frame)} zones, expected {EXPECTED_ZONES}")
    if comuni.usable("istat_code") and len(comuni.frame) != EXPECTED_COMUNI:
        comuni.add(f"{len(comuni.frame)} comuni, expected {EXPECTED_COMUNI}")
    if zones.usable("zone_id", "n_comuni", "population") and comuni.usable("zone_id", "istat_code", "population"):
        per_zone = comuni.frame.groupby("zone_id").agg(n=("istat_code", "size"), pop=("population", "sum"))
        for row, zone in zones.frame.iterrows():
            got = per_zone.loc[zone["zone_id"]] if zone["zone_id"] in per_zone.index else None
            n, pop = (0, 0) if got is None else (int(got["n"]), int(got["pop"]))
            if n != zone["n_comuni"]:
                zones.add(f"n_comuni is {zone['n_comuni']} but comuni.csv lists {n}", row, "n_comuni")
            if pop != zone["population"]:
                zones.add(f"population is {zone['population']} but its comuni in comuni.csv add up to {pop}",
                          row, "population")
    if zone_shapes is not None and zones.usable("zone_id") and \
            set(zone_shapes["zone_id"]) != set(zones.frame["zone_id"]):
        problems.append(Problem("geodata/zones.geojson", "its zone_id values differ from zones.csv"))
    if comune_shapes is not None and comuni.usable("istat_code") and \
            set(comune_shapes["istat_code"]) != set(comuni.frame["istat_code"]):
        problems.append(Problem("geodata/comuni.geojson", "its istat_code values differ from comuni.csv"))
    return problems


def find_problems(data_dir: Path = DATA_DIR, geodata_dir: Path = GEODATA_DIR
                  ) -> tuple[dict[str, TableCheck], gpd.GeoDataFrame | None, gpd.GeoDataFrame | None, list[Problem]]:
    """Check every file and every cross-file rule; return the checks, the shapes and all problems, in file order."""
    checks = {key: check_table(spec, data_dir) for key, spec in TABLES.items()}
    zone_shapes, zone_problems = _read_geojson(geodata_dir / "zones.geojson", "zone_id")
    comune_shapes, comune_problems = _read_geojson(geodata_dir / "comuni.geojson", "istat_code")
    geo_problems = _cross_check(checks, zone_shapes, comune_shapes)
    problems = [p for check in checks.values() for p in check.problems]
    return checks, zone_shapes, comune_shapes, problems + zone_problems + comune_problems + geo_problems


def load_dataset(data_dir: Path = DATA_DIR, geodata_dir: Path = GEODATA_DIR) -> Dataset:
    """Load and validate everything; raises one DataValidationError listing every problem found."""
    checks, zone_shapes, comune_shapes, problems = find_problems(data_dir, geodata_dir)
    if problems:
        raise DataValidationError(problems)
    tables = {key: check.frame.reset_index(drop=True) for key, check in checks.items()}
    order = {zid: n for n, zid in enumerate(tables["zones"]["zone_id"])}
    zone_shapes = zone_shapes.sort_values("zone_id", key=lambda s: s.map(order)).reset_index(drop=True)
    return Dataset(zone_shapes=zone_shapes, comune_shapes=comune_shapes, **tables)
