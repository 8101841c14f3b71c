"""Scenarios: URL and CSV round trips, validation messages (file, row, column), applying a scenario and diffing
coverages, on small hand-made frames."""

from __future__ import annotations

import base64
import zlib

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as hst

from psm_data import DataValidationError, load_dataset
from psm_data.analysis import Gap, find_gaps, zone_axis_matrix, zone_strategy_matrix
from psm_data.scenario import (
    MAX_HYPOTHESES,
    Hypothesis,
    Scenario,
    ScenarioLinkError,
    ScenarioRefs,
    apply_scenario,
    changed_cells,
    decode_scenario,
    diff_gaps,
    encode_scenario,
    hypothesis_problems,
    scenario_from_csv,
    scenario_to_csv,
    stack_sources,
)
from tests.fuzz import examples, nasty_text

REFS = ScenarioRefs(strategy_ids=("1.1", "1.2", "4.1", "4.2"), zone_ids=("1", "2", "7", "10"),
                    need_ids=("N4.1", "N4.2", "N4.2a"))
TWO = Scenario((Hypothesis("Polo formativo", ("4.1",), ("7",)),
                Hypothesis("Corsi ITS", ("4.2",), ("7",), "N4.2a")))
MIXED = Scenario((Hypothesis("Città dell'ipotesi, «àèìòù»", ("4.2", "4.1"), ("10", "2")),
                  Hypothesis("=SOMMA(A1)", ("1.1",)),
                  Hypothesis("-Meno", ("1.2",), ("1",), "N4.1")))


def csv_text(*rows: str, header: str = "source,name,strategy_ids,scope,zone_ids,need_id") -> bytes:
    return ("\n".join((header, *rows)) + "\n").encode("utf-8")


def csv_error(data: bytes, refs: ScenarioRefs = REFS) -> DataValidationError:
    with pytest.raises(DataValidationError) as info:
        scenario_from_csv(data, refs, "mio.csv")
    return info.value


# --- URL


@pytest.mark.parametrize("scenario", [Scenario(), TWO, MIXED])
def test_url_round_trip(scenario):
    canonical = Scenario(tuple(REFS.canonical(h) for h in scenario.hypotheses))
    value = encode_scenario(canonical)
    assert value.startswith("1.")
    assert all(ch.isalnum() or ch in "._-" for ch in value), "URL-safe without escaping"
    decoded, problems = decode_scenario(value, REFS)
    assert not problems
    assert decoded == canonical
    assert encode_scenario(decoded) == value  # URL → scenario → URL gives the same link


def test_canonical_order_makes_one_link_per_scenario():
    a = Scenario((REFS.canonical(Hypothesis(" Uno  due ", ("4.2", "4.1", "4.2"), ("10", "2"))),))
    b = Scenario((REFS.canonical(Hypothesis("Uno due", ("4.1", "4.2"), ("2", "10"))),))
    assert a == b
    assert a.hypotheses[0].strategy_ids == ("4.1", "4.2")
    assert a.hypotheses[0].zone_ids == ("2", "10")


def test_url_is_short():
    assert len(encode_scenario(TWO)) < 120


def test_url_keeps_valid_hypotheses_and_names_the_dropped_ones():
    text = "Buona\t4.1\t7\t\nCattiva\t9.9\t7\t\nSenza zona nota\t4.2\t12\tN0\n"
    value = "1." + base64.urlsafe_b64encode(zlib.compress(text.encode(), wbits=-15)).decode().rstrip("=")
    scenario, problems = decode_scenario(value, REFS)
    assert [h.name for h in scenario.hypotheses] == ["Buona"]
    assert problems == ["hypothesis 2: unknown strategy '9.9'",
                        "hypothesis 3: unknown zone '12'; unknown need or proposal 'N0' (ids look like N3.3 or N3.3b)"]


@pytest.mark.parametrize(("value", "message"), [
    ("2.abc", "unknown format '2'"),
    ("abc", "unknown format 'abc'"),
    ("1.@@@", "not a scenario link"),
    ("1.AAAA", "not a scenario link"),
    ("1." + encode_scenario(TWO)[2:-6], "not a scenario link"),
    ("1." + "A" * 5000, "longer than"),
    ("<script>alert(1)</script>", "unknown format '?script?alert?1???scrip…'"),
])
def test_broken_links_raise_a_short_safe_message(value, message):
    with pytest.raises(ScenarioLinkError, match=None) as info:
        decode_scenario(value, REFS)
    assert message in str(info.value)
    assert "<" not in str(info.value)


def test_a_deflate_bomb_stops_early():
    bomb = zlib.compress(b"a\t4.1\t7\t\n" * 100_000, level=9, wbits=-15)
    value = "1." + base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    assert len(value) < 4000
    with pytest.raises(ScenarioLinkError):
        decode_scenario(value, REFS)


def test_too_many_hypotheses_in_a_link():
    many = Scenario(tuple(Hypothesis(f"P{i}", ("4.1",), ("7",)) for i in range(MAX_HYPOTHESES + 1)))
    with pytest.raises(ScenarioLinkError, match="at most 30"):
        decode_scenario(encode_scenario(many), REFS)


def test_empty_value_is_an_empty_scenario():
    assert decode_scenario("", REFS) == (Scenario(), [])


# --- CSV


@pytest.mark.parametrize("scenario", [TWO, MIXED])
def test_csv_round_trip(scenario):
    canonical = Scenario(tuple(REFS.canonical(h) for h in scenario.hypotheses))
    data = scenario_to_csv(canonical)
    assert data.startswith("\ufeff".encode())  # Excel reads the accents
    back = scenario_from_csv(data, REFS)
    assert back == canonical
    assert scenario_to_csv(back) == data  # CSV → scenario → CSV gives the same file


def test_csv_is_labelled_and_neutralises_formulas():
    text = scenario_to_csv(MIXED).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "source,name,strategy_ids,scope,zone_ids,need_id"
    assert all(line.startswith("scenario,") for line in lines[1:])
    assert "'=SOMMA(A1)" in text
    assert "'-Meno" in text
    assert "4.2;4.1,zones,10;2" in text  # lists as in the data files (this scenario is not canonicalised)


def test_csv_accepts_a_spreadsheet_export():
    data = "\ufeffsource,name,strategy_ids,scope,zone_ids,need_id\r\n,Nuovo,4.1; 4.2 ,zones,7;2,\r\n\r\n".encode()
    scenario = scenario_from_csv(data, REFS)
    assert scenario.hypotheses == (Hypothesis("Nuovo", ("4.1", "4.2"), ("2", "7")),)


@pytest.mark.parametrize(("rows", "expected"), [
    ((",Nuovo,9.9,zones,7,",), "mio.csv, row 2, column 'strategy_ids': unknown strategy '9.9'"),
    ((",Nuovo,4.1,zones,7,", ",Altro,4.1,zones,12,"), "mio.csv, row 3, column 'zone_ids': unknown zone '12'"),
    ((",Nuovo,4.1,zones,7,N9.9",), "mio.csv, row 2, column 'need_id': unknown need or proposal 'N9.9'"),
    ((", ,4.1,zones,7,",), "mio.csv, row 2, column 'name': empty value"),
    ((",Nuovo,4.1,zones,,",), "mio.csv, row 2, column 'zone_ids': scope 'zones' needs at least one zone"),
    ((",Nuovo,4.1,metropolitan,7,",), "mio.csv, row 2, column 'zone_ids': scope 'metropolitan' takes no zone"),
    ((",Nuovo,4.1,ovunque,7,",), "mio.csv, row 2, column 'scope': 'ovunque' is not allowed"),
    (("report,Nuovo,4.1,zones,7,",), "mio.csv, row 2, column 'source': 'report' is not allowed; use one of 'scenario'"),
    ((f",{'x' * 81},4.1,zones,7,",), "mio.csv, row 2, column 'name': name longer than 80 characters"),
    (tuple(f",P{i},4.1,zones,7," for i in range(31)), "mio.csv: too many rows (31)"),
    ((",Nuovo,4.1,zones,7",), "mio.csv, row 2: 5 values but the header has 6 columns"),
])
def test_csv_errors_name_file_row_and_column(rows, expected):
    assert str(csv_error(csv_text(*rows)).problems[0]).startswith(expected)


def test_csv_reports_every_problem_in_one_pass():
    """The issue's file: zone 12 on row 5 and strategy 9.9 on row 6 are both reported (the first check used to
    stop the others), each with file, row and column, as the loader does for the shipped files."""
    ok = ",Polo,4.1,zones,7,"
    error = csv_error(csv_text(ok, ok, ok, ",Altro,4.1,zones,12,", ",Terzo,9.9,zones,7,"))
    assert [str(p).split(";")[0] for p in error.problems] == [
        "mio.csv, row 5, column 'zone_ids': unknown zone '12'",
        "mio.csv, row 6, column 'strategy_ids': unknown strategy '9.9'"]
    assert "2 problems in 1 file" in str(error)
    many = csv_error(csv_text(ok, ",Altro,4.1,zones,12;0;abc,", ",Terzo,9.9,zones,7,", ", ,,metropolitan,7,N9",
                              ",Quinto,1.1,ovunque,,", f",{'x' * 81},4.1,zones,,"))
    assert [(p.row, p.column, p.message.split(";")[0]) for p in many.problems] == [
        (3, "zone_ids", "unknown zone '12'"), (3, "zone_ids", "unknown zone '0'"),
        (3, "zone_ids", "unknown zone 'abc'"),
        (4, "strategy_ids", "unknown strategy '9.9'"),
        (5, "name", "empty value"), (5, "strategy_ids", "empty value"),
        (5, "zone_ids", "scope 'metropolitan' takes no zone (leave zone_ids empty)"),
        (5, "need_id", "unknown need or proposal 'N9' (ids look like N3.3 or N3.3b)"),
        (6, "scope", "'ovunque' is not allowed"),
        (7, "zone_ids", "scope 'zones' needs at least one zone"),
        (7, "name", "name longer than 80 characters")]
    # A missing column is said once, not again on every row.
    assert [str(p) for p in csv_error(csv_text("A,4.1", header="name,strategy_ids")).problems] == [
        "mio.csv: missing column(s) 'source', 'scope', 'zone_ids', 'need_id'; expected: source, name, strategy_ids, "
        "scope, zone_ids, need_id"]


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "mio.csv: the file is empty"),
    (csv_text(), "mio.csv: has a header but no data rows"),
    (csv_text(header="name,strategy_ids"), "mio.csv: missing column(s) 'source', 'scope', 'zone_ids', 'need_id'"),
    (b"source;name\nscenario;x\n", "mio.csv: columns are separated by ';'"),
    ("name\nCittà".encode("latin-1"), "mio.csv: not UTF-8 text"),
    (b"x" * 100_001, "mio.csv: file too large"),
])
def test_csv_file_level_errors(data, expected):
    assert str(csv_error(data).problems[0]).startswith(expected)


def test_upload_file_name_is_neutralised_in_messages():
    with pytest.raises(DataValidationError) as info:
        scenario_from_csv(b"", REFS, "../<b>evil</b>.csv")
    assert "<" not in str(info.value)


def test_hypothesis_problems():
    assert hypothesis_problems(Hypothesis("Ok", ("4.1",), ()), REFS) == []
    assert hypothesis_problems(Hypothesis("  ", (), ()), REFS) == [("name", "empty name"),
                                                                   ("strategy_ids", "no strategy")]


# --- apply and diff on hand-made frames

STRATEGIES = pd.DataFrame({"strategy_id": ["1.1", "1.2", "4.1", "4.2"], "axis_id": ["1", "1", "4", "4"],
                           "title": ["a", "b", "c", "d"],
                           "status": ["reported", "no_actions", "reported", "reported"]})
ZONES = pd.DataFrame({"zone_id": ["1", "7"], "name": ["Torino", "Lanzo"], "population": [10, 5]})
PROJECTS = pd.DataFrame({
    "project_id": ["p1", "p2", "p3"], "name": ["Uno", "Due", "Tre"],
    "strategy_ids": [("1.1",), ("4.2",), ("4.1",)], "zone_ids": [("1",), ("1",), ()],
    "scope": ["zones", "zones", "metropolitan"], "promoter": ["", "", ""], "description": ["", "", ""],
    "places": ["", "", ""], "zone_basis": ["number", "number", ""], "source_quote": ["q1", "q2", "q3"],
})


def test_apply_scenario_keeps_the_report_and_labels_every_row():
    before = PROJECTS.copy(deep=True)
    out = apply_scenario(PROJECTS, TWO)
    pd.testing.assert_frame_equal(PROJECTS, before)  # the report's frame is never touched
    assert out["source"].tolist() == ["report"] * 3 + ["scenario"] * 2
    hyp = out[out["source"] == "scenario"]
    assert hyp["project_id"].tolist() == ["ipotesi-1", "ipotesi-2"]
    assert hyp["zone_ids"].tolist() == [("7",), ("7",)]
    assert hyp["scope"].tolist() == ["zones", "zones"]
    assert hyp["need_id"].tolist() == ["", "N4.2a"]
    assert (hyp["source_quote"] == "").all()
    assert apply_scenario(PROJECTS, Scenario())["source"].tolist() == ["report"] * 3


def test_metropolitan_hypothesis_has_metropolitan_scope():
    out = apply_scenario(PROJECTS, Scenario((Hypothesis("Rete", ("1.2",)),)))
    assert out.iloc[-1]["scope"] == "metropolitan"
    assert out.iloc[-1]["zone_ids"] == ()


def test_gap_diff_on_hand_made_frames():
    axes = ("1", "4")
    report = find_gaps(STRATEGIES, PROJECTS, ZONES, axes)
    scenario_projects = apply_scenario(PROJECTS, TWO)
    after = find_gaps(STRATEGIES, scenario_projects, ZONES, axes)
    diff = diff_gaps(report, after)
    # 4.1 had only a metropolitan project: now localised in zone 7; zone 7 had nothing on axis 4.
    assert {(g.kind, g.strategy_id, g.zone_id, g.axis_id) for g in diff.closed} == {
        ("strategy_not_in_selection", "4.1", "", "4"), ("zone_axis_empty", "", "7", "4")}
    assert {(g.kind, g.strategy_id, g.zone_id) for g in diff.remaining} == {
        ("strategy_no_actions", "1.2", ""), ("zone_axis_empty", "", "7")}
    assert diff.changed == ()


def test_a_metropolitan_hypothesis_turns_no_action_into_not_in_selection():
    report = find_gaps(STRATEGIES, PROJECTS, ZONES, ("1",))
    after = find_gaps(STRATEGIES, apply_scenario(PROJECTS, Scenario((Hypothesis("Rete", ("1.2",)),))), ZONES, ("1",))
    diff = diff_gaps(report, after)
    assert diff.closed == ()
    (old, new), = diff.changed
    assert (old.kind, new.kind, new.strategy_id, new.n_elsewhere) == (
        "strategy_no_actions", "strategy_not_in_selection", "1.2", 1)


def test_gap_diff_matches_by_place_not_by_count():
    before = [Gap("strategy_not_in_selection", strategy_id="4.1", axis_id="4", n_elsewhere=1)]
    after = [Gap("strategy_not_in_selection", strategy_id="4.1", axis_id="4", n_elsewhere=2)]
    assert diff_gaps(before, after).remaining == tuple(before)


def test_changed_cells_and_counts():
    report = zone_axis_matrix(PROJECTS, ZONES, ("1", "4"))
    scenario = zone_axis_matrix(apply_scenario(PROJECTS, TWO), ZONES, ("1", "4"))
    cells = changed_cells(report, scenario)
    assert cells.to_dict("records") == [{"row": "7", "column": "4", "report": 0, "scenario": 2, "delta": 2}]
    by_strategy = changed_cells(zone_strategy_matrix(PROJECTS, ZONES, ("4.1", "4.2")),
                                zone_strategy_matrix(apply_scenario(PROJECTS, TWO), ZONES, ("4.1", "4.2")))
    assert by_strategy[["row", "column", "delta"]].values.tolist() == [["7", "4.1", 1], ["7", "4.2", 1]]
    with pytest.raises(ValueError, match="same rows"):
        changed_cells(report, scenario.iloc[:1])


def test_stack_sources_keeps_the_two_apart():
    report = pd.DataFrame({"a": [1]}, index=["Zona 1"])
    out = stack_sources(report, pd.DataFrame({"a": [2]}, index=["Zona 1"]))
    assert out.columns.tolist() == ["source", "a"]
    assert out["source"].tolist() == ["report", "scenario"]
    assert stack_sources(report, None)["source"].tolist() == ["report"]


def test_real_data_refs_and_the_issue_flow():
    """Two hypotheses in zone 7 for 4.1 and 4.2 close the axis-4 gap of zone 7 and both strategy gaps there."""
    data = load_dataset()
    refs = ScenarioRefs.from_dataset(data)
    assert "N3.3b" in refs.need_ids
    assert "N3.3" in refs.need_ids
    scenario, problems = decode_scenario(encode_scenario(TWO), refs)
    assert not problems
    before = find_gaps(data.strategies, data.projects, data.zones, data.axis_ids, ("7",))
    after = find_gaps(data.strategies, apply_scenario(data.projects, scenario), data.zones, data.axis_ids, ("7",))
    closed = {(g.kind, g.strategy_id or g.zone_id) for g in diff_gaps(before, after).closed}
    assert closed == {("strategy_not_in_selection", "4.1"), ("strategy_not_in_selection", "4.2"),
                      ("zone_axis_empty", "7")}


# --- fuzz: whatever arrives in a link or an upload, a scenario or a clear error, never a crash

LINK_ALPHABET = "1.-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

HYPOTHESES = hst.builds(
    Hypothesis,
    name=nasty_text(80),
    strategy_ids=hst.lists(hst.sampled_from(REFS.strategy_ids), min_size=1, max_size=3).map(tuple),
    zone_ids=hst.lists(hst.sampled_from(REFS.zone_ids), max_size=3).map(tuple),
    need_id=hst.sampled_from(("",) + REFS.need_ids),
)


@examples(150)
@given(hst.lists(HYPOTHESES, max_size=6))
def test_fuzz_round_trips_keep_any_valid_scenario(hypotheses):
    canonical = tuple(REFS.canonical(h) for h in hypotheses)
    scenario = Scenario(tuple(h for h in canonical if not hypothesis_problems(h, REFS)))
    assert decode_scenario(encode_scenario(scenario), REFS) == (scenario, [])
    if scenario:
        assert scenario_from_csv(scenario_to_csv(scenario), REFS) == scenario


@examples(300)
@given(hst.one_of(nasty_text(200), hst.text(alphabet=LINK_ALPHABET, max_size=300).map(lambda s: "1." + s)))
def test_fuzz_any_link_value_gives_a_scenario_or_a_short_safe_error(value):
    try:
        scenario, problems = decode_scenario(value, REFS)
    except ScenarioLinkError as exc:
        message = str(exc)
        assert len(message) < 120
        assert all(ch.isprintable() for ch in message)
        assert "<" not in message
        return
    assert len(scenario) <= MAX_HYPOTHESES
    for problem in problems:
        assert "<" not in problem
        assert len(problem) < 300


@examples(150)
@given(nasty_text(400))
def test_fuzz_any_upload_gives_a_scenario_or_a_located_error(text):
    data = ("source,name,strategy_ids,scope,zone_ids,need_id\n" + text).encode("utf-8", "surrogatepass")
    try:
        scenario = scenario_from_csv(data, REFS, "fuzz.csv")
    except DataValidationError as exc:
        error = str(exc)
    else:
        error = ""
        assert len(scenario) <= MAX_HYPOTHESES
    assert not error or error.startswith("fuzz.csv")
