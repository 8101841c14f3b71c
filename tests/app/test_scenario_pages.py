"""AppTest: scenarios on Mappa, Copertura and Zona (report and scenario side by side), the editor, the `scn=` URL
state (shared links, broken links), CSV upload errors; places that lie in one zone on the pages.

Expected values are worked out by hand from psm_data/projects.csv: zone 7 has no project on axis 4, strategies 4.1
and 4.2 have no project localised in zone 7 (4.2 has three in zone 9, Ivrea's courses).
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from components.scenario import EDITOR, matrix_export
from psm_data import load_dataset
from psm_data.scenario import Hypothesis, Scenario, ScenarioRefs, decode_scenario, encode_scenario, scenario_to_csv
from tests.app.conftest import no_exception, open_page, page_figures, page_tables
from tests.app.test_coverage import html_table

TWO_IN_7 = Scenario((Hypothesis("Polo formativo delle Valli di Lanzo", ("4.1",), ("7",)),
                     Hypothesis("Corsi ITS a Lanzo", ("4.2",), ("7",), "N4.2a")))
SCN = encode_scenario(TWO_IN_7)
REFS = ScenarioRefs.from_dataset(load_dataset())


def scenario_in_url(at: AppTest) -> Scenario:
    scenario, problems = decode_scenario(at.query_params["scn"], REFS)
    assert not problems
    return scenario


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def count_cells(at: AppTest, column: str) -> list[str]:
    """The raw cell texts (e.g. '0 → 2') of the HTML count table that has `column`."""
    for element in at.get("html"):
        body = element.proto.body
        table = html_table(re.sub(r"<td([^>]*)>(\d+) → (\d+)</td>", r"<td\1>\3</td>", body))
        if table is not None and column in table.columns:
            return re.findall(r"<td[^>]*>([^<]+)</td>", body)
    raise AssertionError(f"no count table with column {column}")


# --- Copertura


def test_coverage_shows_the_gaps_the_scenario_closes():
    at = open_page("pages/coverage.py", {"zone": "7", "scn": SCN})
    no_exception(at)
    assert not at.warning
    assert "Lacune che lo scenario chiuderebbe (3)" in [s.value for s in at.subheader]
    box = next(m.value for m in at.markdown if m.value.startswith("- Strategia 4.1"))
    assert "- Strategia 4.2 — creare un ecosistema metropolitano" in box
    assert "- Zona 7 · Ciriacese - Valli di Lanzo: nessun progetto sull'asse 4." in box
    # The report's own gap lists stay as the report has them, each closed gap marked, labelled ipotesi.
    text = markdown_text(at)
    assert re.search(r"- Strategia 4\.1 .*→ :orange-badge\[ipotesi\] chiusa nello scenario", text)
    assert "nessun progetto sull'asse 4. → :orange-badge[ipotesi] nello scenario coperto: asse 4" in text
    assert "**In breve: 2 strategie senza azioni, 15 senza progetti" in text  # the report's count, unchanged
    captions = [c.value for c in at.caption]
    assert "Nello scenario (ipotesi) cambia 1 cella, bordata e scritta «report → scenario»." in captions
    assert "Nello scenario (ipotesi) cambiano 2 celle, bordate e scritte «report → scenario»." in captions
    assert count_cells(at, "Asse 4") == ["1", "1", "1", "0 → 2", "3", "1"]
    assert "0 → 1" in count_cells(at, "4.1")
    strategies = next(df.value for df in at.dataframe if "Ipotesi nelle zone selezionate" in df.value.columns)
    assert strategies.set_index("Strategia").loc[["4.1", "4.2", "5.2"], "Ipotesi nelle zone selezionate"].tolist() \
        == [1, 1, 0]
    assert at.query_params["scn"] == SCN


def test_coverage_without_scenario_has_no_scenario_parts():
    at = open_page("pages/coverage.py", {"zone": "7"})
    no_exception(at)
    assert not any("scenario" in s.value for s in at.subheader)
    assert "0 → " not in "".join(h.proto.body for h in at.get("html"))
    assert "scn" not in at.query_params
    assert all("Ipotesi nelle zone selezionate" not in df.value.columns for df in at.dataframe)


def test_a_metropolitan_hypothesis_changes_the_kind_of_a_no_action_gap():
    scenario = Scenario((Hypothesis("Rete digitale montana", ("1.2",)),))
    at = open_page("pages/coverage.py", {"scn": encode_scenario(scenario)})
    no_exception(at)
    assert "Lacune che lo scenario chiuderebbe (0)" in [s.value for s in at.subheader]
    assert "Cambiano tipo (1):" in markdown_text(at)


def test_matrix_export_keeps_report_and_scenario_apart():
    import pandas as pd

    report = pd.DataFrame({"4": [0]}, index=["7"])
    out = matrix_export(report, report + 2, index={"7": "Zona 7"}, columns=lambda a: f"Asse {a}", index_name="Zona")
    assert out.columns.tolist() == ["source", "Asse 4"]
    assert out.index.tolist() == ["Zona 7", "Zona 7"]
    assert out["source"].tolist() == ["report", "scenario"]
    assert out["Asse 4"].tolist() == [0, 2]
    assert matrix_export(report, None, index={"7": "Zona 7"}).columns.tolist() == ["4"]


# --- Mappa


def test_map_side_by_side_and_difference_view():
    at = open_page("pages/project_map.py", {"scn": SCN, "map_axis": "4"})
    no_exception(at)
    table = next(df for df in page_tables(at) if "Differenza (ipotesi)" in df.columns).set_index("Zona")
    assert table.loc["7", ["Progetti", "Progetti nello scenario (ipotesi)", "Differenza (ipotesi)"]].tolist() == [
        0, 2, 2]
    assert table.loc["9", ["Progetti", "Differenza (ipotesi)"]].tolist() == [3, 0]
    hypotheses = next(df for df in page_tables(at) if "Progetto ipotetico" in df.columns)
    assert hypotheses["Fonte"].tolist() == ["scenario (ipotesi)"] * 2
    assert page_figures(at)["Progetti ipotetici"].value == "2"
    assert "map_view" not in at.query_params  # the report view is the default
    next(b for b in at.get("button_group") if b.key == "map_view").set_value("diff").run()
    no_exception(at)
    assert at.query_params["map_view"] == "diff"
    assert any("Differenza (ipotesi): quanti progetti ipotetici" in c.value for c in at.caption)


def test_map_view_needs_a_scenario():
    at = open_page("pages/project_map.py", {"map_view": "diff"})
    no_exception(at)
    assert all(b.key != "map_view" for b in at.get("button_group"))
    assert "map_view" not in at.query_params
    assert all("Differenza (ipotesi)" not in df.columns for df in page_tables(at))


def test_map_lists_places_that_lie_in_one_zone():
    at = open_page("pages/project_map.py", {"strategy": "1.4"})
    no_exception(at)
    assert "Con zona dedotta dal luogo (1)" in [s.value for s in at.subheader]
    deduced = next(df for df in page_tables(at) if "Zona dedotta dal luogo" in df.columns)
    assert deduced.iloc[0][["Progetto", "Zona dedotta dal luogo", "Base della zona"]].tolist() == [
        "Digitalizzazione delle pratiche comunali di Ivrea", "9", "dedotta dal luogo"]
    # Counted apart: the map's count and the zone table stay the report's.
    assert page_figures(at)["Progetti sulla mappa"].value == "0"


# --- Zona


def test_zone_profile_with_scenario():
    at = open_page("pages/zone_profile.py", {"profile": "7", "scn": SCN})
    no_exception(at)
    metrics = {label: (f.value, f.delta) for label, f in page_figures(at).items()}
    assert metrics["Progetti localizzati"] == ("7", "+2 ipotesi")  # the report's 7, the scenario's +2 beside it
    assert metrics["Asse 4"] == ("0", "+2 ipotesi")
    assert metrics["Asse 5"] == ("3", "")
    assert "Progetti ipotetici dello scenario per la zona (2)" in [s.value for s in at.subheader]
    text = markdown_text(at)
    assert re.search(r"\*\*4\.1\*\* · .*coperta nello scenario", text)
    assert "Nello scenario avrebbero un progetto anche gli assi: 4." in text
    assert "Strategie scoperte (17)" in [s.value for s in at.subheader]  # the report's count


def test_zone_profile_place_deduced_projects_and_sheet_button():
    at = open_page("pages/zone_profile.py", {"profile": "9"})
    no_exception(at)
    assert "Con zona dedotta dal luogo (1)" in [s.value for s in at.subheader]
    assert page_figures(at)["Progetti localizzati"].value == "6"  # the report's count
    sheet = [b for b in at.get("download_button") if b.key == "zone_sheet_download"]
    assert sheet
    assert sheet[0].proto.label == "Scheda della zona (PDF)"


# --- the editor and the URL


def test_the_editor_is_drawn_only_when_open():
    """Closed, the editor sends none of its widgets (a new browser tab would fetch their scripts); opened, the form
    is there; with a scenario (a shared link) it opens by itself, and stays open after "Svuota"."""
    at = open_page("pages/project_map.py")
    no_exception(at)
    assert [e.label for e in at.sidebar.expander] == ["Scenario: aggiungi progetti ipotetici"]
    assert not at.sidebar.text_input
    assert not at.sidebar.get("file_uploader")
    at.session_state[EDITOR] = True  # what a click on the expander does
    at.run()
    assert at.text_input(key="scn_name")
    assert at.sidebar.get("file_uploader")
    shared = open_page("pages/zone_profile.py", {"scn": SCN})
    assert shared.text_input(key="scn_name")
    shared.button(key="scn_clear").click().run()
    assert "scn" not in shared.query_params
    assert shared.text_input(key="scn_name")


def test_add_two_hypotheses_with_the_editor_then_share_the_link():
    at = open_page("pages/coverage.py", {"zone": "7"}, editor=True)
    for name, strategy in (("Polo formativo delle Valli di Lanzo", "4.1"), ("Corsi ITS a Lanzo", "4.2")):
        at.text_input(key="scn_name").input(name)
        at.multiselect(key="scn_strategies").set_value([strategy])
        at.multiselect(key="scn_zones").set_value(["7"])
        at.button(key="scn_add").click().run()
        no_exception(at)
    assert scenario_in_url(at) == Scenario((Hypothesis("Polo formativo delle Valli di Lanzo", ("4.1",), ("7",)),
                                            Hypothesis("Corsi ITS a Lanzo", ("4.2",), ("7",))))
    assert "Lacune che lo scenario chiuderebbe (3)" in [s.value for s in at.subheader]
    assert at.text_input(key="scn_name").value == ""  # the form is ready for the next one, cleared whole
    assert at.multiselect(key="scn_zones").value == []
    shared = open_page("pages/coverage.py", {"zone": "7", "scn": at.query_params["scn"]})  # a fresh session
    assert "Lacune che lo scenario chiuderebbe (3)" in [s.value for s in shared.subheader]
    assert [m.value for m in shared.markdown if "Polo formativo" in m.value]


def test_editor_rejects_an_incomplete_hypothesis():
    at = open_page("pages/coverage.py", {"scn": SCN})
    at.text_input(key="scn_name").input("  ")
    at.button(key="scn_add").click().run()
    no_exception(at)
    errors = " ".join(e.value for e in at.error)
    assert "Dai un nome al progetto" in errors
    assert "Scegli almeno una strategia." in errors
    assert "Scegli almeno una zona, oppure l'intera area metropolitana." in errors
    assert at.query_params["scn"] == SCN  # nothing lost, nothing added
    at.text_input(key="scn_name").input("Rete")
    at.multiselect(key="scn_strategies").set_value(["1.2"])
    at.multiselect(key="scn_zones").set_value(["5"])
    at.checkbox(key="scn_metro").check()
    at.button(key="scn_add").click().run()
    assert "Zone o intera area metropolitana: non entrambe." in " ".join(e.value for e in at.error)
    at.multiselect(key="scn_zones").set_value([])
    at.button(key="scn_add").click().run()
    assert len(scenario_in_url(at)) == 3
    assert scenario_in_url(at).hypotheses[-1] == Hypothesis("Rete", ("1.2",), ())


def test_remove_and_clear():
    at = open_page("pages/zone_profile.py", {"profile": "7", "scn": SCN})
    at.button(key="scn_remove_0").click().run()
    no_exception(at)
    assert [h.name for h in scenario_in_url(at).hypotheses] == ["Corsi ITS a Lanzo"]
    at.button(key="scn_clear").click().run()
    assert "scn" not in at.query_params
    assert not any("ipotesi" in s.value for s in at.subheader)


def test_the_scenario_follows_to_other_pages():
    at = open_page("pages/coverage.py", {"scn": SCN})
    at.switch_page("pages/needs_themes.py").run()
    no_exception(at)
    assert at.query_params["scn"] == SCN
    assert any("Scenario attivo: 2 progetti ipotetici" in c.value for c in at.sidebar.caption)
    at.switch_page("pages/project_map.py").run()
    assert at.query_params["scn"] == SCN
    assert page_figures(at)["Progetti ipotetici"].value == "2"


@pytest.mark.parametrize(("value", "notice"), [
    ("garbage", "scn (unknown format 'garbage' (expected version 1))"),
    ("1.AAAA", "scn (not a scenario link (damaged or cut short?))"),
    ("1.<script>", "scn (not a scenario link"),
])
def test_a_broken_link_shows_a_notice_not_a_traceback(value, notice):
    at = open_page(None, {"scn": value})  # the notice shows on the page the link opens
    no_exception(at)
    assert notice in at.warning[0].value
    assert "<script>" not in at.warning[0].value
    assert "scn" not in at.query_params  # the URL is normalised to the (empty) scenario


def test_a_link_with_one_bad_hypothesis_keeps_the_others():
    import base64
    import zlib

    text = "Buona\t4.1\t7\t\nCattiva\t9.9\t7\t"
    value = "1." + base64.urlsafe_b64encode(zlib.compress(text.encode(), wbits=-15)).decode().rstrip("=")
    at = open_page(None, {"scn": value})
    no_exception(at)
    assert "scn (hypothesis 2: unknown strategy '9.9')" in at.warning[0].value
    assert [h.name for h in scenario_in_url(at).hypotheses] == ["Buona"]


# --- upload


def test_upload_replaces_the_scenario():
    at = open_page("pages/coverage.py", {"zone": "7"}, editor=True)
    at.file_uploader(key="scn_upload").set_value(("mio.csv", scenario_to_csv(TWO_IN_7), "text/csv")).run()
    no_exception(at)
    assert scenario_in_url(at) == TWO_IN_7
    assert "Scenario caricato: 2 ipotesi." in [s.value for s in at.success]


@pytest.mark.parametrize(("content", "message"), [
    ("source,name,strategy_ids,scope,zone_ids,need_id\n,Nuovo,9.9,zones,7,\n",
     "mio.csv, row 2, column 'strategy_ids': unknown strategy '9.9'"),
    ("source,name,strategy_ids,scope,zone_ids,need_id\n,Nuovo,4.1,zones,12,\n",
     "mio.csv, row 2, column 'zone_ids': unknown zone '12'"),
    ("source,name,strategy_ids,scope,zone_ids,need_id\n,Nuovo,4.1,zones,7,N9.9\n",
     "mio.csv, row 2, column 'need_id': unknown need or proposal 'N9.9'"),
    ("source,name,strategy_ids,scope,zone_ids,need_id\n,,4.1,zones,7,\n",
     "mio.csv, row 2, column 'name': empty value"),
    ("source,name,strategy_ids,scope,zone_ids,need_id\n" + "".join(f",P{i},4.1,zones,7,\n" for i in range(31)),
     "mio.csv: too many rows (31)"),
    ("name;strategy_ids\nx;4.1\n", "mio.csv: columns are separated by ';'"),
])
def test_upload_errors_name_file_row_and_column_and_keep_the_scenario(content, message):
    at = open_page("pages/coverage.py", {"scn": SCN})
    at.file_uploader(key="scn_upload").set_value(("mio.csv", content.encode("utf-8"), "text/csv")).run()
    no_exception(at)
    assert "Il file non è uno scenario valido; lo scenario attuale non è cambiato:" in [e.value for e in at.error]
    file, detail = message.split(", ", 1) if ", row" in message else message.split(": ", 1)
    assert file in at.code[0].value  # the loader's grouped format: the file, then each problem with row, column
    assert detail in at.code[0].value
    assert at.query_params["scn"] == SCN


def test_upload_of_a_non_utf8_file():
    at = open_page("pages/coverage.py", editor=True)
    at.file_uploader(key="scn_upload").set_value(("vecchio.csv", "name\nCittà".encode("latin-1"), "text/csv")).run()
    no_exception(at)
    assert "vecchio.csv" in at.code[0].value
    assert "not UTF-8 text" in at.code[0].value
    assert "scn" not in at.query_params


# --- Indicazioni e fonti


def test_guidance_lists_the_places_rule():
    at = open_page("pages/guidance_sources.py")
    no_exception(at)
    assert "Luoghi che stanno in una zona («zona dedotta dal luogo»)" in [s.value for s in at.subheader]
    table = next(df.value for df in at.dataframe if "Esito" in df.value.columns).set_index("Progetto")
    assert table.loc["Digitalizzazione delle pratiche comunali di Ivrea", "Esito"] == "zona 9 dedotta dal luogo"
    assert table.loc["Città dell'Aerospazio", "Esito"] == "zona 1 dedotta dal luogo"
    assert table.loc["Progetto pilota ecoRIS3 eHealth T-lab", "Esito"] == "zona 6 dedotta dal luogo"
    assert table.loc["Riapertura della linea Torino-Ceres", "Esito"] == \
        "resta senza zona: i luoghi sono in più zone (1, 7)"
    assert table.loc["Nuovo Distretto del cibo del Canavese", "Esito"].startswith("resta senza zona: «Canavese»")
