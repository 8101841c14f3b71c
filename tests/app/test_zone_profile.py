"""AppTest of the zone profile page (pages/zone_profile.py).

Expected values counted by hand from psm_data/comuni.csv and projects.csv: zone 7 (Ciriacese - Valli di
Lanzo) has 40 comuni, 17 with an inferred assignment, and 7 localised projects on strategies 1.1, 2.1, 2.5,
3.3, 5.2, 5.3, 6.1 (none on axis 4, whose report lists 3 needs).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import no_exception, open_page, page_figures
from tests.app.test_project_map import headings, table

PAGE = "pages/zone_profile.py"


def open_zone(params: Mapping[str, str | list[str]] | None = None) -> AppTest:
    return open_page(PAGE, params)


def metric(at: AppTest, label: str) -> str:
    return page_figures(at)[label].value


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("params", [{}, {"zone": "5"}, {"zone": ["5", "7"]},
                                    {"zone": [str(z) for z in range(1, 12)]}, {"axis": "4"}, {"axis": "6"},
                                    {"profile": "1"}, {"profile": "11", "lang": "en"}])
def test_renders(params: dict[str, Any]) -> None:
    at = open_zone(params)
    no_exception(at)
    assert not at.get("component_instance")  # the server-drawn map: no Leaflet until asked for
    assert sum("psm-svg-map" in h.proto.body for h in at.get("html")) == 1


def test_default_zone() -> None:
    assert open_zone().selectbox(key="profile").value == "1"
    assert open_zone({"zone": "5"}).selectbox(key="profile").value == "5"  # the single selected zone
    assert open_zone({"zone": ["5", "7"]}).selectbox(key="profile").value == "1"


def test_zone_7_profile() -> None:
    at = open_zone({"profile": "7"})
    no_exception(at)
    assert at.title[0].value == "Zona 7 · Ciriacese - Valli di Lanzo"
    assert metric(at, "Comuni") == "40"
    assert metric(at, "Comuni dedotti") == "17"
    assert metric(at, "Progetti localizzati") == "7"
    comuni = table(at, "40 comuni (17 con zona dedotta)")
    assert len(comuni) == 40
    assert (comuni["Assegnazione"] == "dedotta").sum() == 17
    assert "Ala di Stura" in set(comuni["Nome"])
    assert {"Codice ISTAT", "Popolazione 2023", "Fonte dell'assegnazione"} <= set(comuni.columns)
    assert "Strategie coperte (7)" in headings(at)
    assert "Strategie scoperte (17)" in headings(at)
    text = markdown_text(at)
    for sid in ("1.2", "5.4", "4.1", "4.2"):
        assert f"**{sid}**" in text
    assert "**1.2** · Innovare nella produzione montana e agricola — ⚠" in text
    assert "**5.4** · attivare le nuove generazioni" in text
    assert text.count("⚠ **nessuna azione") == 2
    strategies = table(at, "Strategie scoperte")  # the expander's table follows the two lists
    uncovered = set(strategies.loc[strategies["Progetti nella zona"] == 0, "Strategia"])
    assert {"1.2", "5.4", "4.1", "4.2"} <= uncovered
    assert "1.1" not in uncovered


def test_zone_7_projects_and_needs_of_uncovered_axes() -> None:
    at = open_zone({"profile": "7"})
    projects = table(at, "Progetti nella zona (7)")
    assert "Strategia \"La montagna si avvicina\"" in set(projects["Progetto"])
    axes = {label: figure for label, figure in page_figures(at).items() if label.startswith("Asse ")}
    assert [f.value for f in axes.values()] == ["1", "1", "1", "0", "3", "1"]
    assert axes["Asse 4"].note == "Torino metropoli che impara di più"  # the axis named under its count
    needs = table(at, "Esigenze degli assi scoperti")
    assert set(needs["Asse"]) == {"4"}
    assert len(needs) == 3
    metropolitan = table(at, "Progetti di scala metropolitana")
    assert "Metrodigital" in set(metropolitan["Progetto"])
    assert len(metropolitan) == 9


def test_static_map_highlights_zone_with_its_comuni() -> None:
    at = open_zone({"profile": "7"})
    image = next(h.proto.body for h in at.get("html") if "psm-svg-map" in h.proto.body)
    svg = base64.b64decode(re.search(r'base64,([^"]+)"', image).group(1)).decode()
    assert svg.count('fill="none" stroke="#555555"') == 40  # the zone's 40 comuni
    assert svg.count('stroke-dasharray="3 3"') == 17  # 17 of them with an inferred zone
    assert svg.count('stroke-width="4"') == 1  # the zone itself outlined


def test_map_highlights_zone_with_its_comuni() -> None:
    at = open_zone({"profile": "7", "interactive": "1"})
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    assert args["returned_objects"] == []
    script = args["script"]
    assert "psmShow(" in args["feature_group"]  # colours and texts: in the overlay, not the base
    layers = {name: json.loads(options) for name, options
              in re.findall(r"psm(ZoneShapes|ComuneOutlines)\(\w+, (\{.*\})\);$", script, re.MULTILINE)}
    assert len(layers["ZoneShapes"]["keep"]) == 11  # drawn from the static files: 11 zones, the zone's 40 comuni
    assert len(layers["ComuneOutlines"]["keep"]) == 40
    assert "fitBounds" in script
    assert len(script) < 20_000


def test_switching_zone_updates_url() -> None:
    at = open_zone({"profile": "7"})
    at.selectbox(key="profile").set_value("9").run()
    no_exception(at)
    assert at.query_params["profile"] in ("9", ["9"])
    assert metric(at, "Comuni") == "54"


def test_invalid_profile_notice() -> None:
    at = open_zone({"profile": "12"})
    no_exception(at)
    assert any("profile=12" in w.value for w in at.warning)
    assert at.selectbox(key="profile").value == "1"
