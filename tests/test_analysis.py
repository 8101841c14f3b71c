"""Pure analysis functions on small hand-made frames with answers worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from psm_data import analysis as an

ZONES = pd.DataFrame({"zone_id": ["1", "2", "3"], "name": ["A", "B", "C"], "n_comuni": [1, 2, 3],
                      "population": [200_000, 50_000, 0], "area_km2": [10.0, 20.0, 30.0]})
STRATEGIES = pd.DataFrame({
    "strategy_id": ["1.1", "1.2", "2.1", "2.2"],
    "axis_id": ["1", "1", "2", "2"],
    "title": ["uno-uno", "uno-due", "due-uno", "due-due"],
    "status": ["reported", "no_actions", "most_reported", "partial"],
})
PROJECTS = pd.DataFrame({
    "project_id": ["p1", "p2", "p3", "p4", "p5"],
    "strategy_ids": [("1.1",), ("1.1", "2.1"), ("2.1",), ("2.2",), ("2.1", "2.2")],
    "zone_ids": [("1",), ("1", "2"), (), (), ("2",)],
    "scope": ["zones", "zones", "metropolitan", "unspecified", "zones"],
})


def test_resolve_zones_empty_means_all_in_canonical_order():
    assert an.resolve_zones((), ("1", "2", "3")) == ("1", "2", "3")
    assert an.resolve_zones(("3", "1"), ("1", "2", "3")) == ("1", "3")
    assert an.resolve_zones(("9",), ("1", "2", "3")) == ()


def test_project_links_keeps_unlocalised_projects():
    links = an.project_links(PROJECTS)
    assert len(links) == 1 + 4 + 1 + 1 + 2
    assert set(links[links["project_id"] == "p3"]["zone_id"]) == {""}


def test_filter_projects():
    assert list(an.filter_projects(PROJECTS, strategy_id="2.1")["project_id"]) == ["p2", "p3", "p5"]
    assert list(an.filter_projects(PROJECTS, axis_id="1")["project_id"]) == ["p1", "p2"]
    assert list(an.filter_projects(PROJECTS, zones=["2"])["project_id"]) == ["p2", "p5"]
    assert an.filter_projects(PROJECTS, zones=[]).empty


def test_split_by_scope_drops_nothing():
    parts = an.split_by_scope(PROJECTS)
    assert sum(len(p) for p in parts.values()) == len(PROJECTS)
    assert list(parts["metropolitan"]["project_id"]) == ["p3"]


def test_projects_per_zone_and_rate():
    out = an.projects_per_zone(an.filter_projects(PROJECTS, strategy_id="2.1"), ZONES)
    assert out.set_index("zone_id")["n_projects"].to_dict() == {"1": 1, "2": 2, "3": 0}
    assert out.set_index("zone_id")["per_100k"].to_dict() == {"1": 0.5, "2": 4.0, "3": 0.0}


def test_zone_axis_matrix_counts_a_project_once_per_axis_and_shows_zeros():
    m = an.zone_axis_matrix(PROJECTS, ZONES, ["1", "2"])
    assert m.to_dict(orient="index") == {"1": {"1": 2, "2": 1}, "2": {"1": 1, "2": 2}, "3": {"1": 0, "2": 0}}
    assert list(an.zone_axis_matrix(PROJECTS, ZONES, ["1", "2"], ("2",)).index) == ["2"]


def test_zone_strategy_matrix():
    m = an.zone_strategy_matrix(PROJECTS, ZONES, ["1.1", "1.2", "2.1", "2.2"], ("1", "3"))
    assert m.loc["1"].to_dict() == {"1.1": 2, "1.2": 0, "2.1": 1, "2.2": 0}
    assert m.loc["3"].sum() == 0


def test_strategy_coverage_for_a_selection():
    cov = an.strategy_coverage(STRATEGIES, PROJECTS, ("1", "2", "3"), ("2",)).set_index("strategy_id")
    assert cov["n_projects"].to_dict() == {"1.1": 2, "1.2": 0, "2.1": 3, "2.2": 2}
    assert cov["n_in_selection"].to_dict() == {"1.1": 1, "1.2": 0, "2.1": 2, "2.2": 1}
    assert cov.at["2.1", "n_metropolitan"] == 1
    assert cov.at["2.2", "n_unspecified"] == 1


def test_find_gaps_for_zone_3_only():
    gaps = an.find_gaps(STRATEGIES, PROJECTS, ZONES, ["1", "2"], selection=("3",))
    kinds = [(g.kind, g.strategy_id or g.zone_id, g.axis_id) for g in gaps]
    assert kinds == [
        ("strategy_not_in_selection", "1.1", "1"),
        ("strategy_no_actions", "1.2", "1"),
        ("strategy_not_in_selection", "2.1", "2"),
        ("strategy_not_in_selection", "2.2", "2"),
        ("zone_axis_empty", "3", "1"),
        ("zone_axis_empty", "3", "2"),
    ]
    assert [g.n_elsewhere for g in gaps[:4]] == [0, 0, 1, 1]


def test_find_gaps_changes_with_the_selection_and_axis():
    # p5 puts 2.2 in zone 2, so with zones 1 and 2 axis 2 has no strategy gap and no empty zone.
    assert an.find_gaps(STRATEGIES, PROJECTS, ZONES, ["1", "2"], selection=("1", "2"), axis_id="2") == []
    only_1 = an.find_gaps(STRATEGIES, PROJECTS, ZONES, ["1", "2"], selection=("1",), axis_id="2")
    # the line says where 2.2's projects are: one metropolitan or unlocalised, and zone 2 outside the selection
    assert only_1 == [an.Gap("strategy_not_in_selection", strategy_id="2.2", axis_id="2", n_elsewhere=1,
                             zones_elsewhere=("2",))]


def test_status_by_axis():
    table = an.status_by_axis(STRATEGIES, ["most_reported", "reported", "partial", "no_actions"])
    assert table.loc["1"].to_dict() == {"most_reported": 0, "reported": 1, "partial": 0, "no_actions": 1}


@pytest.mark.parametrize(("text", "folded"), [("Città", "citta"), ("PIÙ", "piu"), ("Sabiunè", "sabiune")])
def test_fold(text, folded):
    assert an.fold(text) == folded


def test_search_needs_is_accent_insensitive_and_keeps_context():
    needs = pd.DataFrame({"need_id": ["N1.1", "N1.2", "N2.1"], "axis_id": ["1", "1", "2"],
                          "title": ["Più città", "Rete ciclabile", "Energia"]})
    props = pd.DataFrame({"need_id": ["N1.1", "N1.2", "N2.1", "N2.1"], "letter": ["a", "a", "a", "b"],
                          "text": ["x", "y", "Piste ciclabili sicure", "z"]})
    found_needs, found_props = an.search_needs(needs, props, query="CICLABIL")
    assert list(found_needs["need_id"]) == ["N1.2", "N2.1"]
    # N1.2 matched by its title keeps all its proposals; N2.1 matched by one proposal keeps that one.
    assert list(zip(found_props["need_id"], found_props["letter"], strict=True)) == [("N1.2", "a"), ("N2.1", "a")]
    assert list(an.search_needs(needs, props, query="citta")[0]["need_id"]) == ["N1.1"]
    assert list(an.search_needs(needs, props, axis_ids=["2"])[0]["need_id"]) == ["N2.1"]


def test_theme_axes_and_matrix():
    themes = pd.DataFrame({"theme_id": ["T1", "T2"], "axis_links": [("trasversale",), ("5", "6")]})
    assert an.theme_axes(themes, ["1", "5", "6"]) == {"T1": ("1", "5", "6"), "T2": ("5", "6")}
    m = an.theme_axis_matrix(themes, ["1", "5", "6"])
    assert m.loc["T2"].tolist() == ["", "link", "link"]
    assert set(m.loc["T1"]) == {"trasversale"}


def test_confidence_by_zone():
    comuni = pd.DataFrame({"istat_code": ["a", "b", "c"], "zone_id": ["1", "2", "2"],
                           "confidence": ["sourced", "inferred", "sourced"]})
    out = an.confidence_by_zone(comuni, ZONES).set_index("zone_id")
    assert out.loc["2", ["sourced", "inferred"]].tolist() == [1, 1]
    assert out.loc["3", ["sourced", "inferred"]].tolist() == [0, 0]


def test_axis_summary_counts_distinct_projects():
    out = an.axis_summary(STRATEGIES, PROJECTS, ("1", "2", "3"), ("1",)).set_index("axis_id")
    assert out.loc["1"].to_dict() == {"n_strategies": 2, "n_projects": 2, "n_in_selection": 2,
                                      "n_strategies_without": 1}
    # Axis 2: p2, p3, p4, p5 (p5 once although on 2.1 and 2.2); only p2 is in zone 1 (on 2.1).
    assert out.loc["2"].to_dict() == {"n_strategies": 2, "n_projects": 4, "n_in_selection": 1,
                                      "n_strategies_without": 1}
