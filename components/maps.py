"""Folium maps of the 11 zones: a pure builder (unit-tested without a browser) and a thin renderer.

Maps draw with no tile server (tiles are an opt-in extra) and load Leaflet from the app itself
(`offline_assets`). `st_folium` returns no events, so panning and zooming never rerun the script.
"""

from __future__ import annotations

import copy
import html
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import folium
import streamlit as st
from branca.element import MacroElement
from jinja2 import Template
from streamlit_folium import st_folium

from components import palette
from components.i18n import t
from components.offline_assets import LEAFLET_DIR, STATIC_URL_PREFIX, use_local_assets

CENTER = (45.15, 7.55)
ZOOM = 9
MAP_HEIGHT = 560
_BASELINE = os.environ.get("PSM_PERF_BASELINE") == "1"

use_local_assets()
# The style of a zone deduced from a place (as on the printed sheets): a white diamond with a dashed outline.
PLACE_MARKER_HTML = ('<div style="width:11px;height:11px;margin:2px;transform:rotate(45deg);background:#fff;'
                     'border:2px dashed #000" aria-hidden="true"></div>')


def build_zone_map(
    zones_geojson: Mapping[str, Any],
    values: Mapping[str, float],
    *,
    value_label: str,
    zone_label: str,
    format_value: Callable[[float], str] = lambda v: f"{v:g}",
    selected: Sequence[str] = (),
    comuni_geojson: Mapping[str, Any] | None = None,
    comuni_label: str = "Comuni",
    inferred_label: str = "inferred",
    link_text: str | None = None,
    link_params: Mapping[str, str | list[str]] | None = None,
    tiles: bool = False,
    fit_zones: Sequence[str] = (),
    uniform_fill: str | None = None,
    place_markers: Sequence[tuple[float, float, str]] = (),
    dashed_zones: Sequence[str] = (),
) -> folium.Map:
    """A choropleth of `values` by zone_id; zones outside `selected` are faded, selected ones outlined.

    Colours come from `palette` (0 = neutral grey). With `link_text`, each zone's popup links to its profile
    page (`zona?profile=<id>` plus `link_params`), opened in the same tab; the path is relative to the
    component iframe (`<base>/component/streamlit_folium.st_folium/`), so it works under any base URL.
    With `fit_zones`, the map opens zoomed on those zones instead of the whole metropolitan area. With
    `uniform_fill` every zone gets that colour (a locator map: the selection stands out by opacity and outline,
    tooltips still show `values`). `place_markers` = (lon, lat, text) puts a dashed diamond where a project's zone
    was deduced from its place (an HTML marker, not a vector shape: the zones stay the map's only polygons).
    `dashed_zones` get a dashed outline (the zones a scenario changes, on the difference map).

    Every text shown in a tooltip or popup (names, values, labels) is HTML-escaped here: folium inserts them
    into the page with innerHTML, so a name with markup in it would otherwise become markup.
    """
    breaks = palette.class_breaks(max(values.values(), default=0))
    zone_label, value_label, comuni_label = html.escape(zone_label), html.escape(value_label), html.escape(comuni_label)
    chosen, dashed = set(selected), set(dashed_zones)
    features = copy.deepcopy(zones_geojson["features"])
    for feature in features:
        props = feature["properties"]
        value = values.get(props["zone_id"], 0)
        props["label"] = html.escape(f"{props['zone_id']} · {props['name']}")
        props["value_text"] = html.escape(format_value(value))
        props["fill"] = uniform_fill or palette.color_for(value, breaks)
        props["in_selection"] = not chosen or props["zone_id"] in chosen
        if link_text:
            query = urlencode({"profile": props["zone_id"], **(link_params or {})}, doseq=True)
            props["link"] = f'<a href="../../zona?{query}" target="_top">{html.escape(link_text)}</a>'
    collection = {"type": "FeatureCollection", "features": features}

    fmap = folium.Map(location=CENTER, zoom_start=ZOOM, tiles=None, control_scale=True, prefer_canvas=False,
                      zoom_snap=0.5)
    if tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", overlay=False, control=True).add_to(fmap)

    def style(feature: dict[str, Any]) -> dict[str, Any]:
        props = feature["properties"]
        selected_zone = bool(chosen) and props["zone_id"] in chosen
        outline_dashed = props["zone_id"] in dashed
        return {
            "fillColor": props["fill"],
            "fillOpacity": 0.85 if props["in_selection"] else 0.25,
            "color": palette.HIGHLIGHT if selected_zone else palette.OUTLINE,
            "weight": 4 if selected_zone else (3 if outline_dashed else 1.2),
            "dashArray": "8 5" if outline_dashed else None,
        }

    zones_layer = folium.GeoJson(
        collection,
        name=zone_label,
        style_function=style,
        highlight_function=lambda _f: {"weight": 4, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=["label", "value_text"], aliases=[zone_label, value_label],
                                      sticky=True),
        popup=folium.GeoJsonPopup(fields=["label", "value_text", "link"] if link_text else ["label", "value_text"],
                                  labels=False) if link_text else None,
    )
    zones_layer.add_to(fmap)

    if comuni_geojson is not None:
        group = folium.FeatureGroup(name=comuni_label, show=True)
        comuni = {"type": "FeatureCollection", "features": copy.deepcopy(comuni_geojson["features"])}
        for feature in comuni["features"]:
            props = feature["properties"]
            props["name_text"] = html.escape(str(props["name"]))
            props["zone_text"] = html.escape(f"{props['zone_id']}" + (f" ({inferred_label})"
                                                                      if props["confidence"] == "inferred" else ""))
        folium.GeoJson(
            comuni,
            style_function=lambda f: {
                "fill": False, "color": "#555555", "weight": 0.6,
                "dashArray": "3 3" if f["properties"]["confidence"] == "inferred" else None,
            },
            tooltip=folium.GeoJsonTooltip(fields=["name_text", "zone_text"], aliases=["", zone_label]),
        ).add_to(group)
        group.add_to(fmap)
        folium.LayerControl(collapsed=False).add_to(fmap)
    elif tiles:
        folium.LayerControl(collapsed=False).add_to(fmap)
    if place_markers:
        # folium creates each marker with Leaflet's default icon before setting ours, and Leaflet guesses the
        # default icon's folder wrongly from the vendored CSS (404s): point it at the vendored images.
        _DefaultIconPath().add_to(fmap)
    for lon, lat, text in place_markers:
        folium.Marker(
            (lat, lon),
            icon=folium.DivIcon(html=PLACE_MARKER_HTML, icon_size=(16, 16), icon_anchor=(8, 8), class_name="psm-place"),
            tooltip=folium.Tooltip(html.escape(text)),
            title=text, alt=text, keyboard=False,  # an accessible name; not a tab stop (the zones list is the way)
        ).add_to(fmap)
    if fit_zones:
        wanted = set(fit_zones)
        bounds = feature_bounds([f for f in features if f["properties"]["zone_id"] in wanted])
        if bounds:
            fmap.fit_bounds(bounds, padding=(12, 12))
    return fmap


def _coordinates(geometry: Mapping[str, Any]) -> list[tuple[float, float]]:
    """All (lon, lat) positions of a Polygon or MultiPolygon."""
    rings = geometry["coordinates"]
    polygons = [rings] if geometry["type"] == "Polygon" else rings
    return [(pt[0], pt[1]) for polygon in polygons for ring in polygon for pt in ring]


class _DefaultIconPath(MacroElement):
    _template = Template(
        "{% macro script(this, kwargs) %}L.Icon.Default.imagePath = "
        f"'{STATIC_URL_PREFIX}{LEAFLET_DIR}/dist/images/';{{% endmacro %}}")


def feature_bounds(features: Sequence[Mapping[str, Any]]) -> list[list[float]] | None:
    """Leaflet bounds [[south, west], [north, east]] of some GeoJSON features (None when there are none)."""
    points = [pt for f in features for pt in _coordinates(f["geometry"])]
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def filter_features(collection: Mapping[str, Any], prop: str, values: Sequence[str]) -> dict[str, Any]:
    """A FeatureCollection with only the features whose property `prop` is in `values` (shared, not copied)."""
    wanted = set(values)
    return {"type": "FeatureCollection",
            "features": [f for f in collection["features"] if f["properties"].get(prop) in wanted]}


def render_map(fmap: folium.Map, *, key: str, height: int = MAP_HEIGHT) -> None:
    """Show a map without sending events back (0 reruns on pan/zoom; PSM_PERF_BASELINE restores defaults).

    A keyboard user meets a "skip the map" link first (visible when focused), so the map's own stops (the map,
    its zoom buttons and layer switches) can be jumped over in one keystroke."""
    target = f"psm-after-{key}"
    with st.container(gap=None):
        st.html(skip_link_html(target, t("skip_map")))
        st_folium(fmap, key=key, height=height, use_container_width=True,
                  returned_objects=None if _BASELINE else [])
        st.html(f'<span id="{target}" tabindex="-1" class="psm-no-room"></span>')


def skip_link_html(target: str, text: str) -> str:
    """A link that moves keyboard focus to the element with id `target` (hidden until focused)."""
    return f'<a class="psm-skip" href="#{html.escape(target)}">{html.escape(text)}</a>'


def legend_html(entries: Sequence[tuple[str, str]], title: str) -> str:
    """The legend as plain HTML (no markdown: a label is shown as written), readable as text too."""
    swatches = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:1.2rem">'
        f'<span style="width:1.4rem;height:1.1rem;background:{html.escape(color)};border:1px solid #555;'
        f'display:inline-block;margin-right:0.4rem"></span>{html.escape(label)}</span>'
        for color, label in entries
    )
    return f'<div class="psm-legend"><b>{html.escape(title)}</b>&nbsp; {swatches}</div>'


def legend(entries: Sequence[tuple[str, str]], title: str) -> None:
    """A legend drawn by Streamlit, readable as text too (no d3/branca needed in the map iframe)."""
    st.html(legend_html(entries, title))
