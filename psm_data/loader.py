"""The one loader: reads the curated CSVs and the zone GeoJSON, validates them, returns typed frames.

Every problem raises a single `DataValidationError` naming the file, the spreadsheet row and the column,
so a planner who edited a CSV in a spreadsheet knows exactly what to fix.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
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


class DataValidationError(ValueError):
    """A curated file breaks the data contract; the message says where and how to fix it."""

    def __init__(self, file: str, problem: str, row: int | None = None, column: str | None = None) -> None:
        self.file, self.problem, self.row, self.column = file, problem, row, column
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {problem}")


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


def _spreadsheet_row(index: int) -> int:
    """Row number as a spreadsheet shows it (header is row 1)."""
    return index + 2


def split_list(cell: str) -> tuple[str, ...]:
    """`"1;9"` → `("1", "9")`; an empty cell is an empty tuple."""
    return tuple(part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip())


def read_table(spec: TableSpec, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Read one CSV as text, check its shape and values; ints, floats and lists are converted."""
    path = data_dir / spec.file
    if not path.exists():
        raise DataValidationError(spec.file, f"file not found in {data_dir}")
    return parse_table(decode_csv(path.read_bytes(), spec.file), spec, spec.file)


def decode_csv(data: bytes, name: str) -> str:
    """CSV bytes as text: UTF-8, with or without the BOM a spreadsheet adds."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataValidationError(
            name, f"not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8 (comma delimited)'") from None


def parse_table(text: str, spec: TableSpec, name: str) -> pd.DataFrame:
    """Check one CSV's text against `spec` (the same checks and messages for a shipped file and an upload)."""
    if not text.strip():
        raise DataValidationError(name, "the file is empty; it needs a header row and data rows")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise DataValidationError(name, f"cannot be parsed as CSV ({exc})") from None
    header, records = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    if len(header) == 1 and ";" in header[0]:
        raise DataValidationError(
            name, "columns are separated by ';' — save it with ',' as separator (CSV UTF-8, comma delimited)")
    missing = [c for c in spec.columns if c not in header]
    if missing:
        raise DataValidationError(
            name, f"missing column(s) {', '.join(repr(c) for c in missing)}; expected: {', '.join(spec.columns)}")
    if not records:
        raise DataValidationError(name, "has a header but no data rows")
    for i, record in enumerate(records):
        if len(record) != len(header):
            raise DataValidationError(
                name, f"{len(record)} values but the header has {len(header)} columns "
                      "(a comma inside a value that is not in quotes?)", _spreadsheet_row(i))
    frame = pd.DataFrame(records, columns=header, dtype=str)
    frame = frame[list(spec.columns)].apply(lambda col: col.str.strip())

    for column in spec.required:
        empty = frame.index[frame[column] == ""]
        if len(empty):
            raise DataValidationError(name, "empty value", _spreadsheet_row(empty[0]), column)
    if spec.id_column:
        dup = frame[spec.id_column].duplicated(keep="first")
        if dup.any():
            i = frame.index[dup][0]
            value = frame.at[i, spec.id_column]
            first = frame.index[(frame[spec.id_column] == value)][0]
            raise DataValidationError(
                name, f"duplicate id '{value}' (already on row {_spreadsheet_row(first)})",
                _spreadsheet_row(i), spec.id_column)
    for column, allowed in spec.enums.items():
        bad = frame.index[~frame[column].isin(allowed)]
        if len(bad):
            value = frame.at[bad[0], column]
            shown = ", ".join(repr(a) for a in allowed if a)
            raise DataValidationError(
                name, f"'{value}' is not allowed; use one of {shown}", _spreadsheet_row(bad[0]), column)
    for column in spec.int_columns:
        parsed = pd.to_numeric(frame[column], errors="coerce")
        bad = frame.index[parsed.isna() | (parsed % 1 != 0)]
        if len(bad):
            raise DataValidationError(
                name, f"'{frame.at[bad[0], column]}' is not a whole number", _spreadsheet_row(bad[0]), column)
        frame[column] = parsed.astype("int64")
    for column in spec.float_columns:
        parsed = pd.to_numeric(frame[column], errors="coerce")
        bad = frame.index[parsed.isna()]
        if len(bad):
            raise DataValidationError(
                name, f"'{frame.at[bad[0], column]}' is not a number (use '.' as decimal separator)",
                _spreadsheet_row(bad[0]), column)
        frame[column] = parsed.astype("float64")
    for column in spec.list_columns:
        frame[column] = frame[column].map(split_list)
    return frame


def _check_refs(file: str, frame: pd.DataFrame, column: str, known: Iterable[str], what: str,
                extra: tuple[str, ...] = ()) -> None:
    known_set = set(known) | set(extra)
    for i, value in frame[column].items():
        values = value if isinstance(value, tuple) else (value,)
        for v in values:
            if v not in known_set:
                raise DataValidationError(
                    file, f"unknown {what} '{v}'; known: {', '.join(sorted(known_set, key=_natural))}",
                    _spreadsheet_row(i), column)


check_refs = _check_refs  # public: uploads (a scenario CSV) check their references with the same message


def _natural(value: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in value.replace(".", " ").split())


def _read_geojson(path: Path, id_column: str) -> gpd.GeoDataFrame:
    name = f"geodata/{path.name}"
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    except FileNotFoundError:
        raise DataValidationError(name, "file not found; run `make geodata`") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise DataValidationError(name, f"not a valid GeoJSON FeatureCollection ({exc})") from None
    if id_column not in frame.columns:
        raise DataValidationError(name, f"features lack the property '{id_column}'")
    frame[id_column] = frame[id_column].astype(str)
    return frame


def validate(tables: dict[str, pd.DataFrame], zone_shapes: gpd.GeoDataFrame,
             comune_shapes: gpd.GeoDataFrame) -> None:
    """Referential integrity and the counts the whole app relies on."""
    axis_ids = tables["axes"]["axis_id"]
    strategy_ids = tables["strategies"]["strategy_id"]
    zone_ids = tables["zones"]["zone_id"]
    _check_refs("strategies.csv", tables["strategies"], "axis_id", axis_ids, "axis")
    strategies = tables["strategies"]
    wrong_axis = strategies.index[strategies["strategy_id"].str.split(".").str[0] != strategies["axis_id"]]
    if len(wrong_axis):
        i = wrong_axis[0]
        raise DataValidationError("strategies.csv", f"strategy '{strategies.at[i, 'strategy_id']}' is not in axis "
                                  f"'{strategies.at[i, 'axis_id']}'", _spreadsheet_row(i), "axis_id")
    projects = tables["projects"]
    _check_refs("projects.csv", projects, "strategy_ids", strategy_ids, "strategy")
    _check_refs("projects.csv", projects, "zone_ids", zone_ids, "zone")
    localised = projects["zone_ids"].map(bool)
    mismatch = projects.index[localised != (projects["scope"] == "zones")]
    if len(mismatch):
        raise DataValidationError(
            "projects.csv", "scope must be 'zones' exactly when zone_ids lists zones",
            _spreadsheet_row(mismatch[0]), "scope")
    _check_refs("needs.csv", tables["needs"], "axis_id", axis_ids, "axis")
    _check_refs("proposals.csv", tables["proposals"], "need_id", tables["needs"]["need_id"], "need")
    _check_refs("themes.csv", tables["themes"], "axis_links", axis_ids, "axis", (TRANSVERSAL,))
    _check_refs("comuni.csv", tables["comuni"], "zone_id", zone_ids, "zone")
    _check_refs("place_areas.csv", tables["place_areas"], "comuni", tables["comuni"]["name"], "comune")

    zones, comuni = tables["zones"], tables["comuni"]
    if len(zones) != EXPECTED_ZONES:
        raise DataValidationError("zones.csv", f"{len(zones)} zones, expected {EXPECTED_ZONES}")
    if len(comuni) != EXPECTED_COMUNI:
        raise DataValidationError("comuni.csv", f"{len(comuni)} comuni, expected {EXPECTED_COMUNI}")
    per_zone = comuni.groupby("zone_id").agg(n=("istat_code", "size"), pop=("population", "sum"))
    for i, zone in zones.iterrows():
        got = per_zone.loc[zone["zone_id"]] if zone["zone_id"] in per_zone.index else None
        n, pop = (0, 0) if got is None else (int(got["n"]), int(got["pop"]))
        if n != zone["n_comuni"]:
            raise DataValidationError("zones.csv", f"n_comuni is {zone['n_comuni']} but comuni.csv lists {n}",
                                      _spreadsheet_row(i), "n_comuni")
        if pop != zone["population"]:
            raise DataValidationError(
                "zones.csv", f"population is {zone['population']} but its comuni in comuni.csv add up to {pop}",
                _spreadsheet_row(i), "population")
    if set(zone_shapes["zone_id"]) != set(zone_ids):
        raise DataValidationError("geodata/zones.geojson", "its zone_id values differ from zones.csv")
    if set(comune_shapes["istat_code"]) != set(comuni["istat_code"]):
        raise DataValidationError("geodata/comuni.geojson", "its istat_code values differ from comuni.csv")


def load_dataset(data_dir: Path = DATA_DIR, geodata_dir: Path = GEODATA_DIR) -> Dataset:
    """Load and validate everything; raises DataValidationError on the first problem found."""
    tables = {key: read_table(spec, data_dir) for key, spec in TABLES.items()}
    zone_shapes = _read_geojson(geodata_dir / "zones.geojson", "zone_id")
    comune_shapes = _read_geojson(geodata_dir / "comuni.geojson", "istat_code")
    validate(tables, zone_shapes, comune_shapes)
    order = {zid: n for n, zid in enumerate(tables["zones"]["zone_id"])}
    zone_shapes = zone_shapes.sort_values("zone_id", key=lambda s: s.map(order)).reset_index(drop=True)
    return Dataset(zone_shapes=zone_shapes, comune_shapes=comune_shapes, **tables)
