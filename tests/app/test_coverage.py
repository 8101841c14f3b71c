"""AppTest: the Copertura page renders for every selection, and its gap list and tables hold the right values.

Expected values were worked out by hand from psm_data/projects.csv and psm_data/strategies.csv.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import no_exception, open_page

PAGE = "pages/coverage.py"
NO_ACTIONS = {"1.2", "5.4"}
# Projects localised in zone 5 or 7 address 1.1, 2.1, 2.5, 3.3, 5.2, 5.3, 6.1, 6.2; every other strategy with
# actions has none there.
NOT_IN_5_7 = {"1.3", "1.4", "1.5", "1.6", "1.7", "2.2", "2.3", "2.4", "3.1", "3.2", "3.4", "4.1", "4.2", "5.1"}
# Zone 8: green-community-orco-soana (2.1, 2.5), elettrificazione-ferrovia-canavese (3.2),
# ciclabili-canavese-occidentale (3.3).
NOT_IN_8 = {"1.1", "1.3", "1.4", "1.5", "1.6", "1.7", "2.2", "2.3", "2.4", "3.1", "3.4", "4.1", "4.2", "5.1", "5.2",
            "5.3", "6.1", "6.2"}


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    """The one table on the page (a dataframe, or an HTML count table) that has `column` (by its label)."""
    found = [df.value for df in at.dataframe if column in df.value.columns]
    found += [t for t in (html_table(h.proto.body) for h in at.get("html")) if t is not None and column in t.columns]
    assert len(found) == 1, f"{len(found)} tables with column {column!r}"
    return found[0]


def html_table(body: str) -> pd.DataFrame | None:
    """The counts of an HTML table drawn by components.charts.count_table_html, indexed by row label."""
    if "<table" not in body:
        return None
    columns = [html.unescape(c) for c in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', body)]
    rows = re.findall(r'<tr><th scope="row"[^>]*>(.*?)</th>(.*?)</tr>', body)
    data = {html.unescape(label): [int(v) for v in re.findall(r"<td[^>]*>(\d+)</td>", cells)] for label, cells in rows}
    return pd.DataFrame.from_dict(data, orient="index", columns=columns)


KIND_BY_HEADER = {"Strategie senza azioni": "strategia senza azioni",
                  "Strategie senza progetti": "strategia senza progetti nelle zone",
                  "Zone senza progetti": "zona senza progetti sull'asse"}


def gaps(at: AppTest) -> dict[str, set[str]]:
    """The visible gap list, as {kind: {strategy id or 'zone/axis'}} (one bordered column per kind)."""
    out: dict[str, set[str]] = {}
    for column in at.columns[:3]:
        header = column.subheader[0].value
        kind = next(k for prefix, k in KIND_BY_HEADER.items() if header.startswith(prefix))
        for line in (m.value for m in column.markdown):
            for item in line.splitlines():
                if m := re.match(r"- Strategia (\d\.\d)", item):
                    out.setdefault(kind, set()).add(m.group(1))
                elif m := re.match(r"- Zona (\d+) · .*?: nessun progetto (?:sull'asse|sugli assi) ([\d, ]+)\.", item):
                    for axis in m.group(2).split(","):
                        out.setdefault(kind, set()).add(f"{m.group(1)}/{axis.strip()}")
    return out


@pytest.mark.parametrize("params", [{}, {"zone": "5"}, {"zone": [str(z) for z in range(1, 12)]},
                                    *({"axis": str(a)} for a in range(1, 7)),
                                    {"zone": ["5", "7"], "axis": "4"}, {"lang": "en", "zone": "8"}])
def test_renders_without_exception(params: dict) -> None:
    at = open_page(PAGE, params)
    no_exception(at)
    assert at.title[0].value in ("Copertura delle strategie", "Strategy coverage")
    assert not at.warning  # no URL notice: every parameter above is valid


def test_gap_list_for_zones_5_and_7_then_8() -> None:
    at = open_page(PAGE, {"zone": ["5", "7"]})
    no_exception(at)
    found = gaps_5_7 = gaps(at)
    assert found["strategia senza azioni"] == NO_ACTIONS
    assert found["strategia senza progetti nelle zone"] == NOT_IN_5_7
    assert found["zona senza progetti sull'asse"] == {"5/4", "7/4"}
    sentences = "\n".join(m.value for m in at.markdown)
    assert "Strategia 1.2 — Innovare nella produzione montana e agricola: nessuna azione attivata" in sentences
    assert "Zona 7 · Ciriacese - Valli di Lanzo: nessun progetto sull'asse 4." in sentences
    assert "Strategie senza progetti nelle zone selezionate (14)" in [s.value for s in at.subheader]

    at.multiselect(key="zone").set_value(["8"]).run()
    no_exception(at)
    found = gaps(at)
    assert found["strategia senza azioni"] == NO_ACTIONS
    assert found["strategia senza progetti nelle zone"] == NOT_IN_8
    before = gaps_5_7["strategia senza progetti nelle zone"]
    after = found["strategia senza progetti nelle zone"]
    assert after - before == {"1.1", "5.2", "5.3", "6.1", "6.2"}  # covered only in zones 5 and 7
    assert before - after == {"3.2"}  # covered in zone 8: the Canavese railway electrification
    assert found["zona senza progetti sull'asse"] == {"8/1", "8/4", "8/5", "8/6"}
    sentences = "\n".join(m.value for m in at.markdown)
    assert "Zona 8 · Canavese occidentale: nessun progetto sugli assi 1, 4, 5, 6." in sentences
    assert "Strategia 3.2" not in sentences


def test_gap_list_respects_axis_filter() -> None:
    at = open_page(PAGE, {"zone": ["5", "7"], "axis": "5"})
    found = gaps(at)
    assert found == {"strategia senza azioni": {"5.4"}, "strategia senza progetti nelle zone": {"5.1"}}


def test_zone_axis_and_zone_strategy_tables() -> None:
    at = open_page(PAGE)
    by_axis = table_with(at, "Asse 4")
    assert len(by_axis) == 11
    assert by_axis.loc["Zona 9 · Eporediese", "Asse 2"] == 2  # ciclabile-escursionistico, certo-cer
    assert by_axis.loc["Zona 9 · Eporediese", "Asse 4"] == 3  # three Ivrea courses (4.2)
    assert by_axis.loc["Zona 10 · Chivassese", "Asse 2"] == 3  # da-ponte-a-ponte, cb16-ecocentri, magazzino-riuso
    assert by_axis.loc["Zona 5 · Pinerolese", "Asse 2"] == 1  # green community on 2.1 and 2.5 counts once
    assert by_axis.loc["Zona 6 · Valli di Susa e Sangone"].tolist() == [0, 0, 0, 0, 0, 1]
    by_strategy = table_with(at, "5.4")
    assert by_strategy["5.4"].sum() == 0
    assert by_strategy["1.2"].sum() == 0
    assert by_strategy.loc["Zona 7 · Ciriacese - Valli di Lanzo", "5.2"] == 2

    at.multiselect(key="zone").set_value(["5", "7"]).run()
    by_axis = table_with(at, "Asse 4")
    assert by_axis.index.tolist() == ["Zona 5 · Pinerolese", "Zona 7 · Ciriacese - Valli di Lanzo"]
    assert by_axis.loc["Zona 7 · Ciriacese - Valli di Lanzo"].tolist() == [1, 1, 1, 0, 3, 1]


def test_strategy_table_counts() -> None:
    at = open_page(PAGE, {"zone": ["5", "7"], "axis": "6"})
    table = table_with(at, "Progetti nelle zone selezionate").set_index("Strategia")
    assert table.loc["6.1", "Progetti (tutti)"] == 6
    assert table.loc["6.1", "Progetti nelle zone selezionate"] == 2  # infermieri (7), case della comunità (5)
    assert table.loc["6.1", "Senza zona indicata"] == 2  # ciac-telemedicina, progetto-care
    assert table.loc["6.2", "Progetti nelle zone selezionate"] == 1  # distretto del cibo del Pinerolese
    assert table.loc["6.2", "Stato nel report"] == "azioni segnalate"
    texts = table_with(at, "Citazione dal report").set_index("Strategia")  # the texts table: same strategies
    assert list(texts.index) == list(table.index) == ["6.1", "6.2"]
    assert texts["Citazione dal report"].str.len().min() > 20


def test_strategy_texts_do_not_change_with_the_zones() -> None:
    """The description-and-quote table depends on the axis only, so a zone change can send it by reference."""
    first = table_with(open_page(PAGE, {"zone": ["5"], "axis": "2"}), "Citazione dal report")
    again = table_with(open_page(PAGE, {"zone": ["1", "8", "11"], "axis": "2"}), "Citazione dal report")
    pd.testing.assert_frame_equal(first, again)
    assert "Progetti nelle zone selezionate" not in first.columns


def test_interactive_heatmap_is_opt_in_and_in_the_url() -> None:
    at = open_page(PAGE, {"zone": ["5", "7"]})
    assert not at.get("plotly_chart")
    at = open_page(PAGE, {"zone": ["5", "7"], "chart": "1"})
    no_exception(at)
    assert len(at.get("plotly_chart")) == 1
    assert at.query_params["chart"] == "1"
    at.toggle(key="chart").set_value(False).run()
    assert not at.get("plotly_chart")
    assert "chart" not in at.query_params


def test_a_selection_seen_before_shows_the_same_content() -> None:
    """The page's content is kept per selection (components/coverage_view.py): going back to a selection, or to
    another language, shows exactly what computing it afresh shows."""
    at = open_page(PAGE, {"zone": ["5"]})
    first = [h.proto.body for h in at.get("html")], [m.value for m in at.markdown]
    at.multiselect(key="zone").set_value(["5", "7"]).run()
    assert table_with(at, "Asse 4").index.tolist() == ["Zona 5 · Pinerolese", "Zona 7 · Ciriacese - Valli di Lanzo"]
    at.multiselect(key="zone").set_value(["5"]).run()
    no_exception(at)
    assert ([h.proto.body for h in at.get("html")], [m.value for m in at.markdown]) == first
    english = open_page(PAGE, {"zone": ["5"], "lang": "en"})
    assert "Axis 4" in table_with(english, "Axis 4").columns
