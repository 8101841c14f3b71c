"""Unit tests of the analysis functions behind the map and zone pages, on small hand-made frames."""

from __future__ import annotations

import pandas as pd

from components.maps import build_zone_map, feature_bounds, filter_features
from psm_data.analysis import (
    needs_with_proposals,
    strategies_of_axis,
    zone_axis_counts,
    zone_comuni,
    zone_counts_table,
    zone_strategy_table,
)

ZONES = pd.DataFrame({"zone_id": ["1", "2", "3"], "name": ["A", "B", "C"], "population": [200_000, 50_000, 0]})
AXES = pd.DataFrame({"axis_id": ["1", "2"], "name": ["Uno", "Due"]})
STRATEGIES = pd.DataFrame({
    "strategy_id": ["1.1", "1.2", "2.1"], "axis_id": ["1", "1", "2"], "title": ["s11", "s12", "s21"],
    "status": ["reported", "no_actions", "reported"], "source_quote": ["q11", "q12", "q21"],
})
PROJECTS = pd.DataFrame({
    "project_id": ["p1", "p2", "p3", "p4"],
    "strategy_ids": [("1.1",), ("1.1", "2.1"), ("2.1",), ("1.1",)],
    "zone_ids": [("1", "2"), ("2",), (), ()],
    "scope": ["zones", "zones", "metropolitan", "unspecified"],
})


def test_strategies_of_axis() -> None:
    assert strategies_of_axis(STRATEGIES, "1") == ("1.1", "1.2")
    assert strategies_of_axis(STRATEGIES, None) == ("1.1", "1.2", "2.1")
    assert strategies_of_axis(STRATEGIES, "") == ("1.1", "1.2", "2.1")
    assert strategies_of_axis(STRATEGIES, "9") == ()


def test_zone_counts_table() -> None:
    out = zone_counts_table(PROJECTS, ZONES, ("2",))
    assert list(out["n_projects"]) == [1, 2, 0]
    assert list(out["per_100k"]) == [0.5, 4.0, 0.0]  # zone 3 has no population: 0, not an error
    assert list(out["in_selection"]) == [False, True, False]
    assert list(zone_counts_table(PROJECTS, ZONES)["in_selection"]) == [True, True, True]


def test_zone_comuni_sorted_accent_insensitive() -> None:
    comuni = pd.DataFrame({
        "istat_code": ["001", "002", "003", "004"], "name": ["Zubiena", "Ala", "Àgliè", "Bra"],
        "zone_id": ["7", "7", "7", "1"], "population": [1, 2, 3, 4],
        "confidence": ["sourced", "inferred", "sourced", "sourced"], "source": ["a", "b", "c", "d"],
    })
    out = zone_comuni(comuni, "7")
    assert list(out["name"]) == ["Àgliè", "Ala", "Zubiena"]
    assert list(out.columns) == ["istat_code", "name", "population", "confidence", "source"]
    assert zone_comuni(comuni, "5").empty


def test_zone_axis_counts_counts_a_project_once_per_axis() -> None:
    projects = pd.concat([PROJECTS, pd.DataFrame({"project_id": ["p5"], "strategy_ids": [("1.1", "1.2")],
                                                  "zone_ids": [("2",)], "scope": ["zones"]})])
    out = zone_axis_counts(projects, "2", AXES)
    assert dict(zip(out["axis_id"], out["n_projects"], strict=True)) == {"1": 3, "2": 1}
    assert list(zone_axis_counts(projects, "3", AXES)["n_projects"]) == [0, 0]


def test_zone_strategy_table() -> None:
    out = zone_strategy_table(STRATEGIES, PROJECTS, "1", ("1", "2", "3")).set_index("strategy_id")
    assert out.loc["1.1", "n_in_zone"] == 1
    assert out.loc["1.1", "covered"]
    assert not out.loc["1.2", "covered"]
    assert out.loc["1.2", "status"] == "no_actions"
    assert not out.loc["2.1", "covered"]
    assert out.loc["2.1", "n_metropolitan"] == 1
    assert out.loc["1.1", "n_unspecified"] == 1
    assert out.loc["1.2", "source_quote"] == "q12"


def test_needs_with_proposals() -> None:
    needs = pd.DataFrame({"need_id": ["N1.1", "N1.2", "N2.1"], "axis_id": ["1", "1", "2"],
                          "title": ["n11", "n12", "n21"], "source_quote": ["a", "b", "c"]})
    proposals = pd.DataFrame({"need_id": ["N1.2", "N1.2", "N2.1"], "letter": ["a", "b", "a"],
                              "text": ["x", "y", "z"]})
    out = needs_with_proposals(needs, proposals, ["1"])
    assert list(out["need_id"]) == ["N1.1", "N1.2"]
    assert list(out["proposals"]) == ["", "a) x\nb) y"]
    assert list(out["source_quote"]) == ["a", "b"]


SQUARE = {"type": "Polygon", "coordinates": [[[7.0, 45.0], [7.5, 45.0], [7.5, 45.2], [7.0, 45.2], [7.0, 45.0]]]}
MULTI = {"type": "MultiPolygon", "coordinates": [[[[8.0, 44.9], [8.1, 44.9], [8.1, 45.0], [8.0, 44.9]]]]}
COLLECTION = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"zone_id": "1", "name": "A"}, "geometry": SQUARE},
    {"type": "Feature", "properties": {"zone_id": "2", "name": "B"}, "geometry": MULTI},
]}


def test_feature_bounds_and_filter() -> None:
    assert feature_bounds(COLLECTION["features"]) == [[44.9, 7.0], [45.2, 8.1]]
    assert feature_bounds([]) is None
    only_two = filter_features(COLLECTION, "zone_id", ["2"])
    assert [f["properties"]["name"] for f in only_two["features"]] == ["B"]


def test_build_zone_map_fit_zones() -> None:
    plain = build_zone_map(COLLECTION, {"1": 1}, value_label="n", zone_label="z").base.get_root().render()
    fitted = build_zone_map(COLLECTION, {"1": 1}, value_label="n", zone_label="z",
                            fit_zones=["1"]).base.get_root().render()
    assert "fitBounds" not in plain
    assert "fitBounds" in fitted
    assert "45.2" in fitted
