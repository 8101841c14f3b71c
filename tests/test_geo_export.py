"""Maps as GeoJSON: RFC 7946 (WGS84, right-hand rule, no crs member), the page's numbers, sources labelled."""

from __future__ import annotations

import io
import json

import geopandas as gpd
import pandas as pd
import pytest

from psm_data import load_dataset
from psm_data.analysis import filter_projects, split_by_scope, zone_counts_table
from psm_data.geo_export import exterior_rings_counter_clockwise, projects_collection, to_bytes, zones_collection
from psm_data.places import place_localised, resolve_places
from psm_data.schema import GEODATA_DIR


@pytest.fixture(scope="module")
def data():
    return load_dataset()


@pytest.fixture(scope="module")
def zones_geojson() -> dict:
    return json.loads((GEODATA_DIR / "zones.geojson").read_text(encoding="utf-8"))


def _read(collection: dict) -> gpd.GeoDataFrame:
    return gpd.read_file(io.BytesIO(to_bytes(collection)))


def test_zone_figures_read_back_with_geopandas_equal_the_table(data, zones_geojson) -> None:
    chosen = filter_projects(data.projects, strategy_id="2.3")
    table = zone_counts_table(chosen, data.zones, ("5", "7"))
    collection = zones_collection(zones_geojson, table, source="report",
                                  view={"strategy": "2.3", "metric": "count", "zones": "5;7"})
    frame = _read(collection)
    assert frame.crs.to_epsg() == 4326
    assert "crs" not in collection
    merged = frame.merge(table, on="zone_id", suffixes=("_geo", ""))
    assert len(merged) == 11
    assert (merged["n_projects_geo"] == merged["n_projects"]).all()
    assert (merged["per_100k_geo"].round(6) == merged["per_100k"].round(6)).all()
    assert (merged["in_selection_geo"] == merged["in_selection"]).all()
    assert set(frame["source"]) == {"report"}
    assert frame.geometry.is_valid.all()
    assert all(exterior_rings_counter_clockwise(collection))
    minx, miny, maxx, maxy = frame.total_bounds
    assert 6 < minx < maxx < 8.5
    assert 44.5 < miny < maxy < 46


def test_scenario_and_difference_are_labelled_as_such(zones_geojson) -> None:
    table = pd.DataFrame({"zone_id": [str(z) for z in range(1, 12)], "n_projects": [1] * 11})
    for source in ("scenario", "difference"):
        assert set(_read(zones_collection(zones_geojson, table, source=source, view={}))["source"]) == {source}
    with pytest.raises(ValueError, match="unknown source"):
        zones_collection(zones_geojson, table, source="guess", view={})


def test_projects_with_a_deduced_zone_are_marked(data, zones_geojson) -> None:
    localised = split_by_scope(data.projects)["zones"]
    deduced = place_localised(data.projects, resolve_places(data.projects, data.comuni, data.place_areas))
    collection = projects_collection(zones_geojson, localised, deduced)
    frame = _read(collection)
    assert len(frame) == len(localised) + len(deduced)
    marked = frame[frame["zona_dedotta_dal_luogo"]]
    assert set(marked["project_id"]) == set(deduced["project_id"])
    assert set(marked["zone_basis"]) == {"place"}
    assert not frame.loc[~frame["zona_dedotta_dal_luogo"], "zone_basis"].eq("place").any()
    assert all(exterior_rings_counter_clockwise(collection))


def test_every_exported_property_is_documented_in_the_package(data, zones_geojson) -> None:
    from psm_data.datapackage import load_package

    documented = {f["name"] for f in load_package()["psm:mapExportProperties"]["fields"]}
    zones = zones_collection(zones_geojson, zone_counts_table(data.projects, data.zones), source="report", view={})
    projects = projects_collection(zones_geojson, split_by_scope(data.projects)["zones"])
    used = {key for c in (zones, projects) for f in c["features"] for key in f["properties"]}
    assert used <= documented, used - documented
