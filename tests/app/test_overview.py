"""Panoramica: headline figures from the data, the axis table follows the zone and axis filters."""

from __future__ import annotations

from tests.app.conftest import no_exception, open_page

PAGE = "pages/overview.py"


def axis_table(at):
    return at.dataframe[0].value.set_index("Asse")


def test_headline_figures():
    at = open_page(PAGE)
    no_exception(at)
    values = {m.label: m.value for m in at.metric}
    assert values["Strategie PSM 2021–23"] == "24"
    assert values["Progetti e iniziative citati"] == "86"
    assert values["Zone omogenee"] == "11"
    assert values["Strategie senza azioni"] == "2"
    assert values["Esigenze 2024–26"] == "30"
    assert values["Proposte"] == "93"
    assert values["Nuovi temi"] == "10"
    assert values["Interviste"] == "34"


def test_axis_table_follows_the_zone_selection():
    everything = axis_table(open_page(PAGE))
    assert everything.loc["1", "Numero di strategie"] == 7
    # Axis 6 in zone 8 (Canavese occidentale): no project is localised there.
    zone8 = axis_table(open_page(PAGE, {"zone": "8"}))
    assert zone8.loc["6", "Progetti nelle zone selezionate"] == 0
    assert zone8.loc["6", "Strategie senza progetti nella selezione"] == 2
    # Axis 3 in zone 8: the Canavese cycle paths and the railway electrification.
    assert zone8.loc["3", "Progetti nelle zone selezionate"] == 2
    assert everything.loc["3", "Progetti nelle zone selezionate"] > zone8.loc["3", "Progetti nelle zone selezionate"]


def test_axis_filter_restricts_the_table():
    at = open_page(PAGE, {"axis": "4"})
    assert list(axis_table(at).index) == ["4"]


def test_method_facts_are_cited():
    at = open_page(PAGE)
    text = " ".join(m.value for m in at.markdown)
    assert "34 interviste in profondità" in text
    assert "107 contributi" in text
