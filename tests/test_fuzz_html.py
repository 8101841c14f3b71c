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
import re
from html.parser import HTMLParser

import folium
import pandas as pd
from hypothesis import assume, given
from hypothesis import strategies as st

from components import state
from components.charts import count_table_html, status_strips_html, strategy_strips_html
from components.maps import build_zone_map, legend_html, skip_link_html
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


def tooltip_html(aliases: list[str], values: list[str]) -> str:
    """What folium's GeoJsonTooltip/GeoJsonPopup template builds in the browser and sets as innerHTML."""
    rows = "".join(f"<tr><th>{a}</th><td>{v}</td></tr>" for a, v in zip(aliases, values, strict=True))
    return f"<table>{rows}</table>"


def child(layer, kind):
    """The layer's tooltip or popup (folium keeps them as child elements)."""
    return next(c for c in layer._children.values() if isinstance(c, kind))


def layers(fmap):
    """The map's GeoJson layers: the zones first, then the comuni (inside their feature group)."""
    found = []

    def walk(element):
        for child in element._children.values():
            if isinstance(child, folium.GeoJson):
                found.append(child)
            walk(child)

    walk(fmap)
    return found


@examples(30)
@given(name=nasty_text(), value=nasty_text(), zone_label=nasty_text(), value_label=nasty_text(),
       inferred=nasty_text(), link_text=nasty_text())
def test_map_tooltips_and_popups(name, value, zone_label, value_label, inferred, link_text):
    assume(zone_label and value_label and link_text)
    zones = {**ZONES, "features": [{**ZONES["features"][0],
                                    "properties": {"zone_id": "1", "name": name}}]}
    comuni = {**COMUNI, "features": [{**COMUNI["features"][0],
                                      "properties": {**COMUNI["features"][0]["properties"], "name": name}}]}
    fmap = build_zone_map(zones, {"1": 3}, value_label=value_label, zone_label=zone_label,
                          format_value=lambda v: value, comuni_geojson=comuni, inferred_label=inferred,
                          link_text=link_text, link_params={"q": name})
    zone_layer, comune_layer = layers(fmap)
    props = zone_layer.data["features"][0]["properties"]
    tooltip = child(zone_layer, folium.GeoJsonTooltip)
    shown = [props[f] for f in tooltip.fields]
    hostile = tooltip_html(list(tooltip.aliases), shown)
    parsed = same_structure(hostile, tooltip_html(["x"] * len(shown), ["x"] * len(shown)))
    for text in (f"1 · {name}", value, zone_label, value_label):
        assert shows(parsed, text)
    popup = child(zone_layer, folium.GeoJsonPopup)
    popup_html = "".join(f"<td>{props[f]}</td>" for f in popup.fields)
    parsed_popup = Parsed(popup_html)
    assert parsed_popup.tags.count("a") == 1  # our own link to the profile, nothing injected
    assert shows(parsed_popup, link_text)
    comune_props = comune_layer.data["features"][0]["properties"]
    comune_tip = child(comune_layer, folium.GeoJsonTooltip)
    parsed_comune = same_structure(tooltip_html(list(comune_tip.aliases), [comune_props[f] for f in comune_tip.fields]),
                                   tooltip_html(["x", "x"], ["x", "x"]))
    assert shows(parsed_comune, name)
    assert shows(parsed_comune, f"1 ({inferred})")


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
