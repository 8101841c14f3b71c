"""The HTML table of the map pages (components/tables.py): accessible, escaped, numbers as the language writes them.

The figures themselves are checked on the pages (tests/app/test_project_map.py, test_zone_profile.py), read back
from these tables; here, what every table guarantees whatever it holds.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
import streamlit as st

from components import tables
from components.tables import table_html
from tests.app.conftest import html_table_frame

FRAME = pd.DataFrame({
    "zone_id": ["1", "9"],
    "name": ["Torino", "Eporediese"],
    "population": [841_600, 85_448],
    "per_100k": [0.1188, 1.1703],
    "in_selection": [True, False],
    "strategy_ids": [("2.3",), ("2.3", "2.1")],
    "source_quote": ["una riga\nla seconda", None],
})
LABELS = {"zone_id": "Zona", "name": "Nome", "population": "Popolazione 2023", "per_100k": "Per 100 000 ab.",
          "in_selection": "Nella selezione", "strategy_ids": "Strategie", "source_quote": "Citazione dal report"}


@pytest.fixture
def lang():
    """The session's language for `t` and `format_decimal` (bare mode: no script run)."""
    def set_lang(code: str) -> None:
        st.session_state["lang"] = code

    yield set_lang
    st.session_state.pop("lang", None)


def test_structure_is_accessible(lang):
    lang("it")
    body = table_html(FRAME, caption="Le stesse cifre in tabella", key="map_zone_table", labels=LABELS,
                      wide=("source_quote",))
    assert re.search(r'<caption id="psm-table-map-zone-table"[^>]*>Le stesse cifre in tabella</caption>', body)
    # The scroll box takes the keyboard focus and is named by the caption.
    assert '<div class="psm-table-wrap" role="region" tabindex="0" aria-labelledby="psm-table-map-zone-table"' in body
    assert body.count('<th scope="col"') == len(FRAME.columns)
    assert body.count('<th scope="row"') == len(FRAME)  # the first column names each row
    assert '<th scope="col" class="num">Popolazione 2023</th>' in body  # numbers right-aligned, headers too
    assert '<td class="wide">una riga<br>la seconda</td>' in body  # long quotes wrap, line breaks kept
    no_rows = table_html(FRAME, caption="x", key="k", row_header=False)
    assert '<th scope="row"' not in no_rows


def test_numbers_lists_and_booleans_as_the_page_writes_them(lang):
    lang("it")
    body = table_html(FRAME, caption="c", key="k", labels=LABELS)
    assert '<td class="num">841.600</td>' in body
    assert '<td class="num">1,17</td>' in body  # floats: 2 decimals, Italian comma
    assert '<td class="txt">2.3; 2.1</td>' in body
    for word in ("sì", "no"):  # words, not a colour or a tick
        assert f'<td class="txt">{word}</td>' in body
    assert '<td class="txt"></td>' in body  # a missing quote is empty, not "None"
    lang("en")
    english = table_html(FRAME, caption="c", key="k", labels=LABELS, decimals={"per_100k": 1})
    assert '<td class="num">841,600</td>' in english
    assert '<td class="num">1.2</td>' in english
    assert '<td class="txt">yes</td>' in english


def test_reads_back_as_the_frame_it_shows(lang):
    """What the AppTests rely on: the helper reads the numbers back, so a wrong figure fails them."""
    lang("it")
    shown = html_table_frame(table_html(FRAME, caption="Cifre", key="k", labels=LABELS))
    assert shown.attrs["caption"] == "Cifre"
    assert list(shown.columns) == list(LABELS.values())
    assert shown["Popolazione 2023"].tolist() == [841_600, 85_448]
    assert shown["Per 100 000 ab."].tolist() == [0.12, 1.17]
    assert shown["Citazione dal report"].tolist() == ["una riga\nla seconda", ""]


def test_every_cell_and_label_is_escaped(lang):
    lang("it")
    hostile = pd.DataFrame({"<b>name</b>": ['<img src=x onerror="alert(1)">'], "n": [3]})
    body = table_html(hostile, caption="</caption><script>x</script>", key='k"><x', labels={"n": "<i>n</i>"})
    for markup in ("<img", "<script", "<b>", "<i>"):
        assert markup not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body
    assert 'id="psm-table-k---x"' in body  # the key never leaves the attribute


def test_style_sheet_survives_streamlits_sanitiser():
    """DOMPurify drops a <style> whose text looks like markup (see tests/test_components_pure.py)."""
    sheet = re.search(r"<style>(.*?)</style>", tables._TABLE_CSS, flags=re.S).group(1)
    assert not re.search(r"<[/\w!]", sheet)


def test_figures_are_one_named_group_with_every_text_escaped():
    from components.figures import Figure, figures_html
    from tests.app.conftest import _FiguresParser

    body = figures_html([Figure("Comuni", "40"), Figure("<b>Progetti</b>", "7", note="a < b", delta="+2 ipotesi")],
                        label='Le "cifre"')
    assert '<div role="group" aria-label="Le &quot;cifre&quot;">' in body
    assert "<b>" not in body
    parser = _FiguresParser()
    parser.feed(body)
    assert parser.items == [{"label": "Comuni", "v": "40", "d": "", "n": ""},
                            {"label": "<b>Progetti</b>", "v": "7", "d": "+2 ipotesi", "n": "a < b"}]
