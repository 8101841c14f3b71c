"""AppTest: the Esigenze e nuovi temi page: search, theme filter, axis filter, counts and URL state.

Expected values were counted by hand in psm_data/needs.csv, proposals.csv and themes.csv.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import no_exception, open_page

PAGE = "pages/needs_themes.py"


def open_needs(params: Mapping[str, str | list[str]] | None = None) -> AppTest:
    return open_page(PAGE, params)


def metrics(at: AppTest) -> dict[str, int]:
    return {m.label: int(m.value) for m in at.metric}


def needs_frame(at: AppTest) -> pd.DataFrame:
    found = [df.value for df in at.dataframe if "Lettera" in df.value.columns]
    assert len(found) == 1
    return found[0]


def axis_headers(at: AppTest) -> list[str]:
    return [s.value.split(" · ")[0] for s in at.subheader if s.value.startswith("Asse ")]


@pytest.mark.parametrize("params", [{}, {"zone": "5"}, {"zone": [str(z) for z in range(1, 12)]},
                                    *({"axis": str(a)} for a in range(1, 7)), {"lang": "en"},
                                    {"theme": "T4", "axis": "1"}, {"q": "zzzz"}])
def test_renders_without_exception(params: dict) -> None:
    at = open_needs(params)
    no_exception(at)
    assert at.title[0].value in ("Esigenze e nuovi temi", "Needs and new themes")
    assert not [w for w in at.warning if "ignorati" in w.value or "ignored" in w.value]


def test_all_needs_and_validation_note() -> None:
    at = open_needs()
    assert metrics(at) == {"Esigenze mostrate": 30, "Proposte mostrate": 93, "Temi mostrati": 10}
    assert axis_headers(at) == [f"Asse {a}" for a in range(1, 7)]
    assert any("da validare" in w.value.lower() for w in at.warning)
    assert any("validare durante l'evento di ascolto" in html.unescape(m.value) for m in at.markdown)  # quoted
    themes = [df.value for df in at.dataframe if "Asse 1" in df.value.columns and "Tema" in df.value.columns][0]
    assert len(themes) == 10
    t4 = themes.set_index("Tema").loc["T4"]
    assert t4[["Asse 1", "Asse 4", "Asse 5", "Asse 6"]].tolist() == ["", "", "● collegato", "● collegato"]
    assert themes.set_index("Tema").loc["T1", "Asse 3"] == "○ trasv."


def test_search_ciclabil() -> None:
    at = open_needs({"q": "ciclabil"})
    no_exception(at)
    # N3.3 "…la rete ciclabile" matches, so all its proposals a–d are shown; a) and c) contain the text.
    assert metrics(at) == {"Esigenze mostrate": 1, "Proposte mostrate": 4, "Temi mostrati": 0}
    table = needs_frame(at)
    assert set(table["Esigenza"]) == {"N3.3"}
    assert table["Lettera"].tolist() == ["a", "b", "c", "d"]
    assert any(c.value.startswith("2 proposte contengono il testo cercato") for c in at.caption)
    assert at.text_input(key="q").value == "ciclabil"
    assert at.query_params["q"] == "ciclabil"  # kept in the URL


def test_search_is_accent_insensitive_and_typing_updates() -> None:
    at = open_needs()
    at.text_input(key="q").set_value("citta").run()
    no_exception(at)
    # "città"/"cittadinanza": needs N2.5, N3.7 by their title; proposals N1.4a, N3.4c, N5.3b, N6.1a, N6.2b, N6.2c.
    assert metrics(at)["Esigenze mostrate"] == 7
    assert metrics(at)["Proposte mostrate"] == 6
    assert set(needs_frame(at)["Esigenza"]) == {"N1.4", "N2.5", "N3.4", "N3.7", "N5.3", "N6.1", "N6.2"}
    assert at.query_params["q"] == "citta"
    at.selectbox(key="axis").set_value("6").run()
    assert metrics(at)["Esigenze mostrate"] == 2
    assert axis_headers(at) == ["Asse 6"]


def test_theme_t9_restricts_to_axis_2() -> None:
    at = open_needs({"theme": "T9"})
    no_exception(at)
    assert axis_headers(at) == ["Asse 2"]
    assert set(needs_frame(at)["Asse"]) == {"2"}
    assert metrics(at) == {"Esigenze mostrate": 5, "Proposte mostrate": 19, "Temi mostrati": 1}
    assert any("T9: esigenze degli assi 2" in c.value for c in at.caption)
    assert any("trasversale vale per tutti gli assi" in c.value for c in at.caption)  # the rule, explained


def test_transversal_theme_keeps_all_axes() -> None:
    at = open_needs({"theme": "T1"})
    assert axis_headers(at) == [f"Asse {a}" for a in range(1, 7)]
    assert metrics(at)["Esigenze mostrate"] == 30


def test_invalid_theme_gives_notice_and_renders() -> None:
    at = open_needs({"theme": "T99"})
    no_exception(at)
    assert any("theme=T99" in w.value for w in at.warning)
    assert at.selectbox(key="theme").value == ""
    assert metrics(at)["Esigenze mostrate"] == 30
