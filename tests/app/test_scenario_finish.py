"""AppTest for issue 20, the what-if finished: every upload problem at once, an editor that resets whole, exports
labelled `source` wherever report and hypotheses mix, strategies found by id, gap lines that say where the projects
are, plurals, the sheet's note and the wide matrix's hint.

Expected values are worked out by hand from psm_data/projects.csv (see tests/test_analysis_coverage.py).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from psm_data.scenario import Hypothesis, Scenario, encode_scenario
from tests.app.conftest import no_exception, open_page, page_figures
from tests.app.test_scenario_pages import SCN, TWO_IN_7, scenario_in_url

ONE = encode_scenario(Scenario((Hypothesis("Polo formativo delle Valli di Lanzo", ("4.1",), ("7",)),)))


# --- the editor


def test_the_editor_resets_whole_after_adding():
    """A zone hypothesis, then a metropolitan one without touching the zones: the form was cleared whole (the zones
    stayed and the second was refused with "not both")."""
    at = open_page("pages/coverage.py", {"zone": "7"}, editor=True)
    at.text_input(key="scn_name").input("Polo formativo")
    at.multiselect(key="scn_strategies").set_value(["4.1"])
    at.multiselect(key="scn_zones").set_value(["7"])
    at.button(key="scn_add").click().run()
    no_exception(at)
    assert at.text_input(key="scn_name").value == ""
    assert at.multiselect(key="scn_strategies").value == []
    assert at.multiselect(key="scn_zones").value == []
    assert at.checkbox(key="scn_metro").value is False
    at.text_input(key="scn_name").input("Rete metropolitana")
    at.multiselect(key="scn_strategies").set_value(["1.2"])
    at.checkbox(key="scn_metro").check()
    at.button(key="scn_add").click().run()
    no_exception(at)
    assert not at.error
    assert scenario_in_url(at) == Scenario((Hypothesis("Polo formativo", ("4.1",), ("7",)),
                                            Hypothesis("Rete metropolitana", ("1.2",), ())))
    assert at.checkbox(key="scn_metro").value is False  # and cleared again


def test_strategies_and_zones_are_matched_by_id_first():
    """Streamlit's default fuzzy match offered 1.1, 1.2, 1.5 and "Select 12 matches" before 4.1 for "4.1": the
    options are labelled id first and matched as a substring, with no bulk option (the browser test types it)."""
    at = open_page("pages/coverage.py", editor=True)
    for key in ("scn_strategies", "scn_zones"):
        proto = at.multiselect(key=key).proto
        mode = proto.DESCRIPTOR.fields_by_name["filter_mode"].enum_type.values_by_number[proto.filter_mode].name
        assert mode == "FILTER_MODE_CONTAINS"
        assert not proto.select_all
    options = at.multiselect(key="scn_strategies").options
    assert options[0].startswith("1.1 · ")
    assert [o for o in options if "4.1" in o] == [o for o in options if o.startswith("4.1 · ")]


def test_an_upload_reports_every_problem_at_once():
    ok = ",Polo,4.1,zones,7,\n"
    content = ("source,name,strategy_ids,scope,zone_ids,need_id\n" + ok * 3 + ",Altro,4.1,zones,12,\n"
               ",Terzo,9.9,zones,7,\n")
    at = open_page("pages/coverage.py", {"scn": SCN})
    at.file_uploader(key="scn_upload").set_value(("mio.csv", content.encode("utf-8"), "text/csv")).run()
    no_exception(at)
    report = at.code[0].value
    assert "mio.csv — 2 problems" in report
    assert "row 5, column 'zone_ids': unknown zone '12'" in report
    assert "row 6, column 'strategy_ids': unknown strategy '9.9'" in report
    assert at.query_params["scn"] == SCN  # all or nothing


# --- plurals


def test_one_hypothesis_is_singular_everywhere():
    at = open_page("pages/coverage.py", {"scn": ONE})
    no_exception(at)
    assert any("Scenario con 1 progetto ipotetico." in i.value for i in at.info)
    assert "Scenario: 1 progetto ipotetico" in [e.proto.label for e in at.sidebar.expander]
    assert "Nello scenario (ipotesi) cambia 1 cella, bordata e scritta «report → scenario»." in [
        c.value for c in at.caption]
    at.switch_page("pages/needs_themes.py").run()
    assert any("Scenario attivo: 1 progetto ipotetico (su Mappa" in c.value for c in at.sidebar.caption)
    zone = open_page("pages/zone_profile.py", {"profile": "7", "scn": ONE})
    assert page_figures(zone)["Progetti localizzati"].delta == "+1 ipotesi"


def test_two_hypotheses_stay_plural():
    at = open_page("pages/coverage.py", {"scn": SCN})
    assert any("Scenario con 2 progetti ipotetici." in i.value for i in at.info)
    assert "Scenario: 2 progetti ipotetici" in [e.proto.label for e in at.sidebar.expander]


# --- gap lines, the sheet, the wide matrix


def test_gap_lines_say_where_the_projects_are():
    at = open_page("pages/coverage.py", {"zone": ["5", "7"]})
    no_exception(at)
    lines = [line for m in at.markdown for line in m.value.splitlines() if line.startswith("- Strategia")]
    line_13 = next(line for line in lines if line.startswith("- Strategia 1.3 "))
    assert line_13.endswith("(9 progetti di scala metropolitana o senza zona indicata; altrove: zone 1, 4; "
                            "zona 1 dedotta dal luogo).")
    line_14 = next(line for line in lines if line.startswith("- Strategia 1.4 "))
    assert line_14.endswith("(1 progetto di scala metropolitana o senza zona indicata; zona 9 dedotta dal luogo).")
    line_31 = next(line for line in lines if line.startswith("- Strategia 3.1 "))
    assert line_31.endswith("nelle zone selezionate (altrove: zona 10).")


def test_the_sheet_says_it_leaves_the_hypotheses_out():
    at = open_page("pages/zone_profile.py", {"profile": "7", "scn": SCN})
    no_exception(at)
    note = "La scheda stampa solo i fatti del report: i progetti ipotetici dello scenario non ci sono."
    assert any(note in c.value for c in at.caption)
    assert not any(note in c.value for c in open_page("pages/zone_profile.py", {"profile": "7"}).caption)


def test_the_wide_matrix_says_it_scrolls():
    hint = "Tabella larga (24 colonne): se non entra nello schermo scorre di lato"
    assert any(hint in c.value for c in open_page("pages/coverage.py").caption)
    narrow = open_page("pages/coverage.py", {"axis": "4"})
    assert not any("Tabella larga" in c.value for c in narrow.caption)


# --- every download of every page, with a scenario active


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Callable[[], bytes | str] | bytes]]:
    """Every file a run offers for download, as (file name, its bytes or the callable Streamlit runs on click):
    the real bytes a browser would get, taken where Streamlit's media file manager receives them."""
    offered: list[tuple[str, Callable[[], bytes | str] | bytes]] = []
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def record(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):  # noqa: ANN001
        offered.append((file_name or "", path_or_data))
        return add(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)

    def record_deferred(self, data_callable, mimetype, coordinates, file_name=None, *, element_id=""):  # noqa: ANN001
        offered.append((file_name or "", data_callable))
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, element_id=element_id)

    monkeypatch.setattr(MediaFileManager, "add", record)
    monkeypatch.setattr(MediaFileManager, "add_deferred", record_deferred)
    return offered


def csv_files(offered: list[tuple[str, object]]) -> dict[str, str]:
    files = {}
    for name, data in offered:
        if not name.endswith(".csv"):
            continue
        raw = data() if callable(data) else data
        files[name] = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    return files


PAGES = [("pages/overview.py", {}), ("pages/project_map.py", {}), ("pages/project_map.py", {"map_axis": "4"}),
         ("pages/coverage.py", {"zone": "7"}), ("pages/coverage.py", {}), ("pages/needs_themes.py", {}),
         ("pages/zone_profile.py", {"profile": "7"}), ("pages/guidance_sources.py", {})]


@pytest.mark.parametrize(("page", "params"), PAGES)
def test_every_export_that_mixes_report_and_hypotheses_has_source(page, params, downloads):
    """Each page opened without and with the scenario: a CSV the scenario changes (or that names a hypothesis) has
    a `source` column whose values say report or scenario on every row."""
    at = open_page(page, params)
    no_exception(at)
    plain = csv_files(downloads)
    downloads.clear()
    with_scenario = open_page(page, {**params, "scn": SCN})
    no_exception(with_scenario)
    mixed = csv_files(downloads)
    assert mixed, "the page offers no CSV"
    names = [h.name for h in TWO_IN_7.hypotheses]
    changed = {name: text for name, text in mixed.items()
               if text != plain.get(name) or any(n in text for n in names)}
    for name, text in changed.items():
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows, name
        assert "source" in rows[0], f"{page} {name}: mixes report and scenario without a source column"
        assert {r["source"] for r in rows} <= {"report", "scenario"}, (name, {r["source"] for r in rows})
        hypothesis_rows = [r for r in rows if any(n in ",".join(r.values()) for n in names)]
        assert all(r["source"] == "scenario" for r in hypothesis_rows), name
    if page == "pages/coverage.py":  # the strategy status CSV, the one the issue found without `source`
        assert "psm_strategie.csv" in changed
        rows = list(csv.DictReader(io.StringIO(changed["psm_strategie.csv"])))
        by_source = {(r["source"], r["Strategia"]): r for r in rows}
        hyp = "Ipotesi nelle zone selezionate"
        if params.get("zone") == "7":
            assert (by_source[("report", "4.1")]["Progetti nelle zone selezionate"],
                    by_source[("scenario", "4.1")]["Progetti nelle zone selezionate"]) == ("0", "1")
            assert (by_source[("report", "4.1")][hyp], by_source[("scenario", "4.1")][hyp]) == ("", "1")
