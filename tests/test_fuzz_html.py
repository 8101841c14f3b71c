"""Property-based fuzzing of every HTML the app writes itself, with random text full of markup.

For each writer (status and strategy strips, count tables, map legend, quote blocks, skip links, map tooltips and
popups, the URL notice's code spans) the output is parsed, and:
- its element structure is the same as with plain text ("x"): the text cannot add, close or reorder an element;
- every attribute is one the writer means to set;
- the random text comes back verbatim when the HTML is read (it is escaped, not dropped or altered).
The browser test tests/browser/test_hardening_e2e.py shows the same in chromium, through Streamlit's renderer.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pandas as pd
from hypothesis import assume, given
from hypothesis import strategies as st

from components import state
from components.charts import count_table_html, status_strips_html, strategy_strips_html
from components.maps import build_zone_map, legend_html, map_component_args, skip_link_html
from components.offline_assets import MAP_SCRIPT, STATIC_DIR
from components.sources import quote_html
from psm_data.schema import STATUSES
from tests.fuzz import examples, nasty_text

ATTRIBUTES = {"style", "class", "title", "aria-hidden", "role", "tabindex", "aria-labelledby", "id", "scope", "href",
              "target"}


class Parsed(HTMLParser):
    """Start tags (with attributes) and text, as a browser's parser would see them (entities decoded)."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_endtag(self, tag: str) -> None:
        self.tags.append("/" + tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    @property
    def attribute_values(self) -> list[str]:
        return [v or "" for _, v in self.attrs]


def same_structure(hostile: str, plain: str) -> Parsed:
    """Parse both; assert the hostile version has exactly the plain one's elements and only known attributes."""
    a, b = Parsed(hostile), Parsed(plain)
    assert a.tags == b.tags
    assert {name for name, _ in a.attrs} <= ATTRIBUTES
    assert [n for n, _ in a.attrs] == [n for n, _ in b.attrs]
    return a


def shows(parsed: Parsed, text: str) -> bool:
    """The text is there verbatim, as text or in an attribute (title)."""
    return text in parsed.all_text or any(text in v for v in parsed.attribute_values)


def no_line_breaks(text: str) -> str:
    return re.sub(r"\r\n|\r|\n", "", text)


@examples(40)
@given(axis=nasty_text(), status=nasty_text())
def test_status_strips(axis, status):
    counts = pd.DataFrame({"most_reported": [2], "reported": [1], "no_actions": [0]}, index=["1"])

    def build(a: str, s: str) -> str:
        return status_strips_html(counts, axis_labels={"1": a},
                                  status_labels={k: f"{s}{i}" for i, k in enumerate(STATUSES)})

    parsed = same_structure(build(axis, status), build("x", "x"))
    assert shows(parsed, axis)
    assert shows(parsed, f"{status}0")


@examples(40)
@given(labels=st.lists(nasty_text(), min_size=1, max_size=3), status=nasty_text())
def test_strategy_strips(labels, status):
    statuses = ["reported"] * len(labels)

    def build(ls: list[str], s: str) -> str:
        return strategy_strips_html(list(range(len(ls))), labels=ls, statuses=statuses, status_labels={"reported": s})

    parsed = same_structure(build(labels, status), build(["x"] * len(labels), "x"))
    assert all(shows(parsed, label) for label in labels)
    assert shows(parsed, status)


@examples(40)
@given(x=nasty_text(), y=nasty_text(), corner=nasty_text(), title=nasty_text(), label=nasty_text())
def test_count_table(x, y, corner, title, label):
    matrix = pd.DataFrame({"a": [0, 3]}, index=["5", "7"])

    def build(xs: str, ys: str, c: str, ti: str, la: str) -> str:
        return count_table_html(matrix, x_labels=[xs], y_labels=[ys, "y"], corner=c, x_titles=[ti], label=la)

    hostile = build(x, y, corner, title, label)
    parsed = same_structure(hostile, build("x", "x", "x", "x", "x"))
    for text in (x, y, corner, title, label or corner):
        assert shows(parsed, text)
    caption_id = dict(parsed.attrs)["aria-labelledby"]
    assert re.fullmatch(r"psm-t-[0-9a-f]{10}", caption_id)


@examples(30)
@given(labels=st.lists(nasty_text(), min_size=1, max_size=4), title=nasty_text())
def test_map_legend(labels, title):
    entries = [("#ececec", label) for label in labels]
    parsed = same_structure(legend_html(entries, title), legend_html([("#ececec", "x")] * len(labels), "x"))
    assert all(shows(parsed, label) for label in labels)
    assert shows(parsed, title)


@examples(40)
@given(quote=nasty_text(120), section=nasty_text())
def test_quote_block(quote, section):
    hostile = quote_html(quote, "Fonte: report", section)
    assert "\n" not in hostile, "one line: markdown never ends the HTML block early"
    assert "\r" not in hostile
    parsed_plain = Parsed(quote_html("x", "Fonte: report", "x"))
    parsed = Parsed(hostile)
    assert [t for t in parsed.tags if t not in ("br", "/br")] == [t for t in parsed_plain.tags if t != "br"]
    assert no_line_breaks(quote) in parsed.all_text
    assert no_line_breaks(section) in parsed.all_text


@examples(20)
@given(text=nasty_text(), target=nasty_text(20))
def test_skip_link(text, target):
    parsed = same_structure(skip_link_html(target, text), skip_link_html("x", "x"))
    assert parsed.all_text == text
    assert dict(parsed.attrs)["href"] == f"#{target}"


ZONES = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"zone_id": "1", "name": "Torino"},
     "geometry": {"type": "Polygon", "coordinates": [[[7.6, 45.0], [7.7, 45.0], [7.7, 45.1], [7.6, 45.0]]]}}]}
COMUNI = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"zone_id": "1", "name": "Torino", "istat_code": "001272",
                                       "confidence": "inferred"},
     "geometry": {"type": "Polygon", "coordinates": [[[7.6, 45.0], [7.7, 45.0], [7.7, 45.1], [7.6, 45.0]]]}}]}


def overlay_state(feature_group: str) -> dict:
    """The state the map's overlay script hands to the zone shapes (`psmShow({...});`), decoded."""
    match = re.search(r"psmShow\((\{.*\})\);", feature_group, re.DOTALL)
    assert match, feature_group[:500]
    return json.loads(match.group(1))


@examples(30)
@given(name=nasty_text(), value=nasty_text(), zone_label=nasty_text(), value_label=nasty_text(),
       inferred=nasty_text(), link_text=nasty_text(), comuni_label=nasty_text())
def test_map_tooltips_and_popups(name, value, zone_label, value_label, inferred, link_text, comuni_label):
    """Map texts reach the iframe only as JSON in a script, with no `<`, `>`, `&` or `'` left to end the script or
    start markup, and come back verbatim; the map's scripts show them with textContent (never parsed as HTML).
    Embedded shapes (`*_url=None`) carry the comune's name too."""
    assume(zone_label and value_label and link_text)
    zones = {**ZONES, "features": [{**ZONES["features"][0],
                                    "properties": {"zone_id": "1", "name": name}}]}
    comuni = {**COMUNI, "features": [{**COMUNI["features"][0],
                                      "properties": {**COMUNI["features"][0]["properties"], "name": name}}]}

    def build(n: str, v: str, zl: str, vl: str, inf: str, lt: str, cl: str) -> dict:
        zmap = build_zone_map({**zones, "features": [{**zones["features"][0],
                                                      "properties": {"zone_id": "1", "name": n}}]},
                              {"1": 3}, value_label=vl, zone_label=zl, format_value=lambda _v: v,
                              comuni_geojson={**comuni, "features": [{**comuni["features"][0], "properties": {
                                  **comuni["features"][0]["properties"], "name": n}}]},
                              comuni_label=cl, inferred_label=inf, link_text=lt, link_params={"q": n},
                              place_markers=[(7.65, 45.05, n)], zones_url=None, comuni_url=None)
        return map_component_args(zmap, key="fuzz")

    hostile = build(name, value, zone_label, value_label, inferred, link_text, comuni_label)
    plain = build("x", "x", "x", "x", "x", "x", "x")
    for part in ("script", "feature_group", "header", "html"):
        for char in "<>&'":
            assert hostile[part].count(char) == plain[part].count(char), (part, char)
    assert "innerHTML" not in hostile["script"] + hostile["feature_group"]
    layers_js = (STATIC_DIR / MAP_SCRIPT).read_text(encoding="utf-8")
    assert "textContent" in layers_js
    assert "innerHTML" not in layers_js
    assert "insertAdjacentHTML" not in layers_js
    state = overlay_state(hostile["feature_group"])
    zone = state["zones"]["1"]
    assert zone["label"] == f"1 · {name}"
    assert zone["value"] == value
    assert state["labels"] == {"zone": zone_label, "value": value_label, "link": link_text}
    assert zone["link"].startswith("../../zona?profile=1&q=")  # our own link; the text only in its query
    assert state["markers"] == [[45.05, 7.65, name]]


@examples(60)
@given(key=st.text(min_size=1, max_size=60), value=st.one_of(nasty_text(), st.text(max_size=200)))
def test_url_notice_values_are_code_spans(key, value):
    """CommonMark: a code span is a backtick run, content without line breaks, the same backtick run; a run longer
    than any inside the content cannot be closed early. Inside it nothing is markup."""
    span = state.describe(key, value)
    fence = re.match(r"`+", span).group()
    assert span.endswith(fence)
    inner = span[len(fence):-len(fence)]
    assert "\n" not in inner
    assert "\r" not in inner
    assert max((len(r) for r in re.findall(r"`+", inner)), default=0) < len(fence)
    assert len(inner) <= 2 * 40 + 2 + 6 * 80  # each side cut to 40 characters (control characters shown as \\uXXXX)
    assert not any(c in inner for c in ("\u202e", "\u2066", "\x00"))
    shown = html.unescape(inner.strip())
    assert shown.startswith(state._cut(key).replace("\n", " ")[:10].strip()[:1])


@examples(40)
@given(cell=nasty_text(120), label=nasty_text(), caption=nasty_text(), key=nasty_text(20))
def test_html_table(cell, label, caption, key):
    """The map pages' tables (components/tables.py): report texts and participants' alike come back verbatim,
    never as markup; a line break in a cell is the one element a text may add (<br>)."""
    from components.tables import table_html

    def build(c: str, la: str, ca: str, k: str) -> str:
        frame = pd.DataFrame({"name": [c], "text": [c], "n": [1]})
        return table_html(frame, caption=ca, key=k, labels={"text": la}, wide=("text",))

    hostile, plain = build(cell, label, caption, key), build("x", "x", "x", "x")
    parsed = Parsed(hostile)
    assert [t for t in parsed.tags if t not in ("br", "/br")] == Parsed(plain).tags
    assert {name for name, _ in parsed.attrs} <= ATTRIBUTES
    text = parsed.all_text
    assert no_line_breaks(cell.replace("\r\n", "\n").replace("\r", "\n")) in no_line_breaks(text)
    assert label in text
    assert caption in text
    anchor = dict(parsed.attrs)["aria-labelledby"]
    assert anchor.startswith("psm-table-")
    assert all(c.isalnum() or c == "-" for c in anchor)
