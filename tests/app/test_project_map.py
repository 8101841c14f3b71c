"""AppTest of the project map page (pages/project_map.py): values in the tables, URL state, map payload.

Expected numbers are counted by hand from psm_data/projects.csv, not recomputed with the app's functions:
strategy 2.3 has CerTo (zones 1 and 9), and two projects with no zone stated (EnviPark, biomasse forestali).
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import html_table_frame, no_exception, open_page, page_figures

PAGE = "pages/project_map.py"
# On Zona, two tables sit in expanders (their label is the caption) under the list they repeat.
EXPANDER_TABLES = ("Tutte le strategie in tabella, con le citazioni",
                   "Le stesse esigenze in tabella (CSV), con le citazioni dal report")


def open_map(params: Mapping[str, str | list[str]] | None = None, *, interactive: bool = True) -> AppTest:
    """The page with its interactive (Leaflet) map, whose payload most tests here check; `interactive=False`: the
    page as it opens by default, with the server-drawn map."""
    return open_page(PAGE, {**(params or {}), **({"interactive": "1"} if interactive else {})})


def static_map_svg(at: AppTest) -> str:
    """The SVG of the server-drawn map (an <img> with a data URI, see components/svg_map.py)."""
    images = [h.proto.body for h in at.get("html") if "psm-svg-map" in h.proto.body]
    assert len(images) == 1
    return base64.b64decode(re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', images[0]).group(1)).decode()


def _walk(node: Any) -> Iterator[Any]:
    yield node
    for child in (getattr(node, "children", None) or {}).values():
        yield from _walk(child)


def tables_by_heading(at: AppTest) -> dict[str, pd.DataFrame]:
    """Each table on the page (an HTML table, read back as the page shows it, or a dataframe) under the text of
    the (sub)header above it. An HTML table's caption names it for screen readers: it must say the same."""
    out: dict[str, pd.DataFrame] = {}
    heading = ""
    for node in _walk(at.main):
        if node.type in ("header", "subheader"):
            heading = node.value
        elif node.type == "dataframe":
            out[heading] = node.value
        elif node.type == "html" and (frame := html_table_frame(node.proto.body)) is not None:
            assert frame.attrs["caption"] in (heading, *EXPANDER_TABLES), (frame.attrs["caption"], heading)
            out[heading] = frame
    return out


def table(at: AppTest, prefix: str) -> pd.DataFrame:
    found = [frame for heading, frame in tables_by_heading(at).items() if heading.startswith(prefix)]
    assert found, f"no table under a heading starting {prefix!r}: {list(tables_by_heading(at))}"
    return found[0]


def headings(at: AppTest) -> list[str]:
    return [h.value for h in at.header] + [h.value for h in at.subheader]


def map_args(at: AppTest) -> dict[str, Any]:
    maps = at.get("component_instance")
    assert len(maps) == 1
    return json.loads(maps[0].proto.json_args)


def map_state(at: AppTest) -> dict[str, Any]:
    """What the map's overlay applies to the zones: colours, texts, markers (components/maps.py)."""
    overlay = map_args(at)["feature_group"]
    return json.loads(re.search(r"psmShow\((\{.*\})\);", overlay, re.DOTALL).group(1))


def zone_values(at: AppTest, column: str = "Progetti") -> dict[str, float]:
    frame = table(at, "Le stesse cifre")
    return dict(zip(frame["Zona"], frame[column], strict=True))


@pytest.mark.parametrize("params", [{}, {"zone": "5"}, {"zone": ["5", "7"]}, {"zone": [str(z) for z in range(1, 12)]}])
def test_renders_for_zone_selections(params: dict[str, Any]) -> None:
    at = open_map(params)
    no_exception(at)
    assert len(table(at, "Le stesse cifre")) == 11


@pytest.mark.parametrize("axis", ["1", "2", "3", "4", "5", "6"])
def test_renders_for_each_axis(axis: str) -> None:
    at = open_map({"axis": axis})
    no_exception(at)
    assert at.selectbox(key="map_axis").value == axis  # the sidebar axis is the page's default
    assert all(s.startswith(f"{axis}.") for s in at.selectbox(key="strategy").options[1:] if s)


def test_strategy_2_3_counts_by_zone() -> None:
    at = open_map({"strategy": "2.3"})
    no_exception(at)
    assert at.selectbox(key="map_axis").value == "2"  # a strategy implies its axis
    values = zone_values(at)
    assert values["1"] == 1
    assert values["9"] == 1
    assert values["5"] == 0
    assert sum(values.values()) == 2
    assert "Strategia 2.3" in headings(at)
    assert any(m.value.startswith("**promozione e diffusione") for m in at.markdown)
    assert any("la più segnalata dell'asse" in m.value for m in at.markdown)  # the report's status
    figures = page_figures(at)
    assert figures["Progetti sulla mappa"].value == "1"
    assert figures["Non localizzabili"].value == "2"
    assert figures["Non localizzabili"].note == ("0 di scala metropolitana, 2 senza zona indicata: elencati sotto "
                                                 "la mappa.")  # what the metric's tooltip hid, written
    assert not at.metric  # one HTML block, not an st.metric each (see components/figures.py)
    localised = table(at, "Progetti localizzati")
    assert list(localised["Progetto"]) == ["CerTo: due Comunità di Energia Rinnovabile"]
    assert "Barriera di Milano (Zona 1)" in localised["Citazione dal report"].iloc[0]
    assert "Progetti di scala metropolitana (0)" in headings(at)
    unspecified = table(at, "Progetti senza zona indicata")
    assert set(unspecified["Progetto"]) == {"Supporto di EnviPark ai comuni per le comunità energetiche",
                                            "Produzione energetica da biomasse forestali"}
    assert "Progetti senza zona indicata (2)" in headings(at)
    assert at.query_params["strategy"] == ["2.3"] or at.query_params["strategy"] == "2.3"


def test_metropolitan_projects_listed_apart() -> None:
    at = open_map({"strategy": "1.3"})
    no_exception(at)
    metropolitan = table(at, "Progetti di scala metropolitana")
    assert set(metropolitan["Progetto"]) == {"Mettersi In Proprio (MIP)", "InnoMetro", "InnoSocialMetro"}
    assert metropolitan["Citazione dal report"].str.len().min() > 20
    # Localised 1.3 projects: Space Park (zone 4) and Innovation Block (zone 1).
    assert set(table(at, "Progetti localizzati")["Progetto"]) == {
        "Space Park (Argotec) nell'ex Cartiere Burgo", "Innovation Block"}


def test_per_100k_changes_values_to_rates() -> None:
    at = open_map({"strategy": "2.3", "metric": "per100k"})
    no_exception(at)
    assert at.radio(key="metric").value == "per100k"
    rates = zone_values(at, "Progetti per 100 000 ab.")
    assert rates["1"] == pytest.approx(100_000 / 841_600, abs=0.01)  # 0.12
    assert rates["9"] == pytest.approx(100_000 / 85_448, abs=0.01)  # 1.17
    assert rates["5"] == 0
    zones = map_state(at)["zones"]
    assert zones["9"]["value"] == "1,17"  # as Italian writes it (Babel)
    assert zones["1"]["value"] == "0,12"


def test_metric_switch_changes_colours_not_the_base_map() -> None:
    at = open_map({"strategy": "2.3"})
    before = map_args(at)
    at.radio(key="metric").set_value("per100k").run()
    no_exception(at)
    after = map_args(at)
    assert after["feature_group"] != before["feature_group"]
    assert (after["script"], after["key"]) == (before["script"], before["key"])  # the same iframe, restyled
    assert at.query_params["metric"] in ("per100k", ["per100k"])


def test_strategy_change_only_sends_the_overlay() -> None:
    """A strategy change keeps the base map (and so the iframe: its key is a hash of the base script) and sends
    the new colours in the overlay; the shapes are fetched from the app's static files, not sent again."""
    at = open_map({"strategy": "2.3"})
    before, colours = map_args(at), {z: v["style"]["fillColor"] for z, v in map_state(at)["zones"].items()}
    at.selectbox(key="strategy").set_value("2.1").run()
    no_exception(at)
    after = map_args(at)
    assert (after["script"], after["key"]) == (before["script"], before["key"])
    assert {z: v["style"]["fillColor"] for z, v in map_state(at)["zones"].items()} != colours
    assert len(after["script"]) + len(after["feature_group"]) < 20_000


def test_map_payload_has_11_zones_and_no_events() -> None:
    at = open_map({"strategy": "2.3"})
    args = map_args(at)
    assert args["returned_objects"] == []
    assert sorted(map_state(at)["zones"], key=int) == [str(z) for z in range(1, 12)]
    assert "../../app/static/geo/zones.geojson" in args["script"]
    assert "coordinates" not in args["script"]  # the shapes come from the static file
    assert "istat_code" not in args["script"]
    assert len(args["script"]) < 20_000


def test_comuni_layer_from_url() -> None:
    at = open_map({"comuni": "1"})
    no_exception(at)
    assert at.checkbox(key="comuni").value is True
    script = map_args(at)["script"]
    assert "../../app/static/geo/comuni.geojson" in script
    assert len(re.findall(r'"0\d{5}"', script)) == 312  # the comuni drawn, by ISTAT code
    assert any("109 dei 312 comuni" in c.value for c in at.caption)


def test_zone_selection_restricts_project_list_not_map() -> None:
    at = open_map({"zone": ["5", "7"], "axis": "3"})
    no_exception(at)
    assert len(table(at, "Le stesse cifre")) == 11
    localised = table(at, "Progetti localizzati nelle zone selezionate")
    # Axis 3 in zones 5 or 7: only Bike-to-rail (5;7;11).
    assert list(localised["Progetto"]) == ["Programma Bike-to-rail"]
    in_selection = dict(zip(table(at, "Le stesse cifre")["Zona"],
                            table(at, "Le stesse cifre")["Nella selezione"], strict=True))
    assert in_selection["5"] == "sì"
    assert in_selection["7"] == "sì"
    assert in_selection["1"] == "no"


def test_changing_axis_resets_strategy_of_other_axis() -> None:
    at = open_map({"strategy": "2.3"})
    at.selectbox(key="map_axis").set_value("6").run()
    no_exception(at)
    assert at.selectbox(key="strategy").value == ""
    assert "strategy" not in at.query_params


def test_invalid_strategy_gives_notice_and_renders() -> None:
    at = open_map({"strategy": "9.9"})
    no_exception(at)
    assert any("strategy=9.9" in w.value for w in at.warning)
    assert at.selectbox(key="strategy").value == ""
    assert len(table(at, "Le stesse cifre")) == 11


def test_english() -> None:
    at = open_map({"lang": "en", "strategy": "2.3"})
    no_exception(at)
    assert "Projects with no zone stated (2)" in headings(at)


def test_default_map_is_drawn_by_the_server_with_every_value_written() -> None:
    """The page opens with the server-drawn map: no Leaflet component, 11 zones coloured like the legend, each
    zone's value written on it and in the image's text alternative; the switch brings the Leaflet map back."""
    at = open_map({"strategy": "2.3"}, interactive=False)
    no_exception(at)
    assert not at.get("component_instance")
    svg = static_map_svg(at)
    zones = re.findall(r'<path d="M[^"]*" fill="(#[0-9a-fA-F]{6})" fill-opacity', svg)
    assert len(zones) == 11
    assert zones.count("#ececec") == 9  # zones 1 and 9 (CerTo) coloured, the other nine the grey of zero
    image = next(h.proto.body for h in at.get("html") if "psm-svg-map" in h.proto.body)
    alt = html.unescape(re.search(r'alt="([^"]*)"', image).group(1))
    assert "1 · Torino: 1" in alt
    assert "5 · Pinerolese: 0" in alt
    assert not at.toggle(key="interactive").value
    at.toggle(key="interactive").set_value(True).run()
    no_exception(at)
    assert len(at.get("component_instance")) == 1
    assert at.query_params["interactive"] in ("1", ["1"])


def test_static_map_outlines_the_selection_and_dashes_nothing_without_a_scenario() -> None:
    svg = static_map_svg(open_map({"zone": ["5", "7"], "comuni": "1"}, interactive=False))
    assert svg.count('stroke-width="4"') == 2  # the two selected zones outlined
    assert svg.count('fill-opacity="0.3"') == 9  # the others faded
    assert svg.count('fill="none" stroke="#555555"') == 312  # the comuni layer: every comune outlined
    assert "stroke-dasharray=\"8 5\"" not in svg
