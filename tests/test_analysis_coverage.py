"""Unit tests for the coverage and needs pages' analysis helpers, on small hand-made frames."""

from __future__ import annotations

import pandas as pd
import pytest

from psm_data.analysis import (
    GAP_KINDS,
    Gap,
    empty_axes_by_zone,
    filter_themes,
    find_gaps,
    gaps_frame,
    group_gaps,
    needs_axes,
    needs_table,
    proposals_by_need,
    strategy_coverage_table,
    text_matches,
    theme_link_table,
    zone_axis_matrix,
)

AXES = ("1", "2")


@pytest.fixture
def strategies() -> pd.DataFrame:
    return pd.DataFrame({
        "strategy_id": ["1.1", "1.2", "2.1"],
        "axis_id": ["1", "1", "2"],
        "title": ["Uno", "Due", "Tre"],
        "status": ["reported", "no_actions", "most_reported"],
        "description": ["desc 1.1", "desc 1.2", "desc 2.1"],
        "source_quote": ["q11", "q12", "q21"],
    })


@pytest.fixture
def projects() -> pd.DataFrame:
    return pd.DataFrame({
        "project_id": ["a", "b", "c", "d"],
        "strategy_ids": [("1.1",), ("1.1", "2.1"), ("2.1",), ("1.1",)],
        "zone_ids": [("1",), ("1", "2"), (), ()],
        "scope": ["zones", "zones", "metropolitan", "unspecified"],
    })


@pytest.fixture
def zones() -> pd.DataFrame:
    return pd.DataFrame({"zone_id": ["1", "2", "3"], "name": ["Uno", "Due", "Tre"]})


@pytest.fixture
def themes() -> pd.DataFrame:
    return pd.DataFrame({
        "theme_id": ["T1", "T2", "T3"],
        "title": ["Montagna", "Sport", "Città"],
        "axis_links": [("trasversale",), ("2",), ("1", "2")],
        "description": ["filo rosso", "società sportive", "qualità urbana"],
        "source_quote": ["qt1", "qt2", "qt3"],
    })


def test_find_gaps_on_hand_made_frames(strategies, projects, zones) -> None:
    gaps = find_gaps(strategies, projects, zones, AXES, selection=("2",))
    # zone 2 has project b (1.1 and 2.1): every strategy with actions is covered, no zone × axis hole.
    assert gaps == [Gap("strategy_no_actions", strategy_id="1.2", axis_id="1")]
    gaps3 = find_gaps(strategies, projects, zones, AXES, selection=("3",))
    assert [(g.kind, g.strategy_id, g.zone_id, g.axis_id, g.n_elsewhere) for g in gaps3] == [
        ("strategy_not_in_selection", "1.1", "", "1", 1),  # d is unlocalised
        ("strategy_no_actions", "1.2", "", "1", 0),
        ("strategy_not_in_selection", "2.1", "", "2", 1),  # c is metropolitan
        ("zone_axis_empty", "", "3", "1", 0),
        ("zone_axis_empty", "", "3", "2", 0),
    ]


def test_zone_axis_matrix_counts_a_project_once_per_axis(projects, zones) -> None:
    matrix = zone_axis_matrix(projects, zones, AXES)
    assert matrix.to_dict(orient="index") == {"1": {"1": 2, "2": 1}, "2": {"1": 1, "2": 1}, "3": {"1": 0, "2": 0}}


def test_group_gaps_keeps_every_kind_in_order() -> None:
    gaps = [Gap("zone_axis_empty", zone_id="3", axis_id="1"), Gap("strategy_no_actions", strategy_id="1.2"),
            Gap("zone_axis_empty", zone_id="4", axis_id="1")]
    grouped = group_gaps(gaps)
    assert tuple(grouped) == GAP_KINDS
    assert grouped["strategy_no_actions"] == [gaps[1]]
    assert grouped["strategy_not_in_selection"] == []
    assert [g.zone_id for g in grouped["zone_axis_empty"]] == ["3", "4"]


def test_gaps_frame_one_row_per_gap() -> None:
    frame = gaps_frame([Gap("strategy_not_in_selection", strategy_id="1.1", axis_id="1", n_elsewhere=2),
                        Gap("zone_axis_empty", zone_id="3", axis_id="2")])
    assert list(frame.columns) == ["kind", "strategy_id", "axis_id", "zone_id", "n_elsewhere", "zones_elsewhere",
                                   "place_zones"]
    assert frame["n_elsewhere"].tolist() == [2, 0]
    assert frame["zone_id"].tolist() == ["", "3"]
    assert gaps_frame([]).empty


def test_strategy_coverage_table(strategies, projects) -> None:
    table = strategy_coverage_table(strategies, projects, ("1", "2", "3"), selection=("2",))
    assert table["strategy_id"].tolist() == ["1.1", "1.2", "2.1"]
    assert table["n_projects"].tolist() == [3, 0, 2]
    assert table["n_in_selection"].tolist() == [1, 0, 1]
    assert table["n_metropolitan"].tolist() == [0, 0, 1]
    assert table["n_unspecified"].tolist() == [1, 0, 0]
    assert table["n_outside"].tolist() == [1, 0, 1]
    assert table["description"].tolist() == ["desc 1.1", "desc 1.2", "desc 2.1"]
    assert table["source_quote"].tolist() == ["q11", "q12", "q21"]
    one_axis = strategy_coverage_table(strategies, projects, ("1", "2", "3"), axis_id="2")
    assert one_axis["strategy_id"].tolist() == ["2.1"]
    assert one_axis.index.tolist() == [0]
    everywhere = strategy_coverage_table(strategies, projects, ("1", "2", "3"))
    assert everywhere["n_in_selection"].tolist() == [2, 0, 1]


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("Potenziare la rete ciclabile", "ciclabil", True),
    ("Città della Salute", "citta salute", True),
    ("Città della Salute", "CITTÀ", True),
    ("Città della Salute", "citta sport", False),
    ("qualunque", "", True),
    ("qualunque", "   ", True),
])
def test_text_matches(text: str, query: str, expected: bool) -> None:
    assert text_matches(text, query) is expected


def test_needs_axes(themes) -> None:
    assert needs_axes(themes, AXES) == ("1", "2")
    assert needs_axes(themes, AXES, theme_id="T1") == ("1", "2")  # transversal keeps every axis
    assert needs_axes(themes, AXES, theme_id="T2") == ("2",)
    assert needs_axes(themes, AXES, theme_id="T3", axis_id="1") == ("1",)
    assert needs_axes(themes, AXES, theme_id="T2", axis_id="1") == ()  # theme and axis filter disagree
    assert needs_axes(themes, AXES, axis_id="2") == ("2",)


@pytest.fixture
def needs() -> pd.DataFrame:
    return pd.DataFrame({"need_id": ["N1.1", "N1.2", "N2.1"], "axis_id": ["1", "1", "2"],
                         "title": ["Prima", "Seconda", "Terza"], "source_quote": ["n11", "n12", "n21"]})


@pytest.fixture
def proposals() -> pd.DataFrame:
    return pd.DataFrame({"proposal_id": ["N1.2a", "N1.2b", "N2.1a", "N2.1c.1"],
                         "need_id": ["N1.2", "N1.2", "N2.1", "N2.1"], "letter": ["a", "b", "a", "c.1"],
                         "text": ["pa", "pb", "qa", "qc1"], "source_quote": ["a)", "b)", "a) q", "c.1"]})


def test_proposals_by_need(proposals) -> None:
    grouped = proposals_by_need(proposals)
    assert set(grouped) == {"N1.2", "N2.1"}
    assert grouped["N1.2"]["letter"].tolist() == ["a", "b"]
    assert grouped["N2.1"]["letter"].tolist() == ["a", "c.1"]
    assert proposals_by_need(proposals.iloc[:0]) == {}


def test_needs_table(needs, proposals) -> None:
    table = needs_table(needs, proposals)
    assert list(table.columns) == ["need_id", "axis_id", "need_title", "letter", "proposal", "need_quote",
                                   "proposal_quote"]
    assert table["need_id"].tolist() == ["N1.1", "N1.2", "N1.2", "N2.1", "N2.1"]
    assert table.iloc[0].tolist() == ["N1.1", "1", "Prima", "", "", "n11", ""]  # need without proposals kept
    assert table["letter"].tolist() == ["", "a", "b", "a", "c.1"]


def test_theme_link_table(themes) -> None:
    table = theme_link_table(themes, AXES)
    assert table["theme_id"].tolist() == ["T1", "T2", "T3"]
    assert table[["1", "2"]].to_numpy().tolist() == [["trasversale", "trasversale"], ["", "link"], ["link", "link"]]
    assert table["source_quote"].tolist() == ["qt1", "qt2", "qt3"]


def test_filter_themes(themes) -> None:
    assert filter_themes(themes, AXES)["theme_id"].tolist() == ["T1", "T2", "T3"]
    assert filter_themes(themes, AXES, query="citta")["theme_id"].tolist() == ["T3"]
    assert filter_themes(themes, AXES, theme_id="T2")["theme_id"].tolist() == ["T2"]
    assert filter_themes(themes, AXES, axis_id="1")["theme_id"].tolist() == ["T1", "T3"]  # transversal kept
    assert filter_themes(themes, AXES, query="sport", axis_id="1").empty


def test_empty_axes_by_zone() -> None:
    gaps = [Gap("strategy_no_actions", strategy_id="1.2"), Gap("zone_axis_empty", zone_id="8", axis_id="1"),
            Gap("zone_axis_empty", zone_id="8", axis_id="4"), Gap("zone_axis_empty", zone_id="5", axis_id="4")]
    assert empty_axes_by_zone(gaps) == {"8": ("1", "4"), "5": ("4",)}
    assert list(empty_axes_by_zone(gaps)) == ["8", "5"]
    assert empty_axes_by_zone(gaps[:1]) == {}


def test_gap_lines_say_where_the_strategy_has_projects() -> None:
    """Zones 5 + 7 on the report's data (worked out by hand from projects.csv): 1.3 has projects localised in zones 1
    and 4; 1.4 only Ivrea's paperwork, whose place puts it in zone 9 (the places rule), never counted as localised."""
    from psm_data import load_dataset
    from psm_data.places import place_localised, resolve_places

    data = load_dataset()
    by_place = place_localised(data.projects, resolve_places(data.projects, data.comuni, data.place_areas))
    gaps = {g.strategy_id: g for g in find_gaps(data.strategies, data.projects, data.zones, data.axis_ids,
                                                ("5", "7"), place_localised=by_place) if g.strategy_id}
    assert (gaps["1.3"].zones_elsewhere, gaps["1.3"].place_zones) == (("1", "4"), ("1",))
    assert (gaps["1.4"].zones_elsewhere, gaps["1.4"].place_zones) == ((), ("9",))
    assert gaps["3.2"].zones_elsewhere == ("3", "4", "8")  # zone order, not text order
    for gap in gaps.values():  # the selection is never "elsewhere"
        assert not {"5", "7"} & set(gap.zones_elsewhere)
    # without the places frame, nothing is deduced; with every zone selected, nothing is elsewhere
    plain = find_gaps(data.strategies, data.projects, data.zones, data.axis_ids, ("5", "7"))
    assert all(not g.place_zones for g in plain)
    assert all(not g.zones_elsewhere for g in find_gaps(data.strategies, data.projects, data.zones, data.axis_ids))
