"""Folium maps of the 11 zones: a pure builder (unit-tested without a browser) and a thin renderer.

Maps draw with no tile server (tiles are an opt-in extra) and load Leaflet from the app itself
(`offline_assets`). `st_folium` returns no events, so panning and zooming never rerun the script.

A zone map comes in two parts, so that a rerun that only recolours the zones (a strategy change on /mappa, a
zone selection) neither remounts the map's iframe nor re-sends the shapes:
- the **base** (`ZoneMap.base`): the Leaflet map, the zone and comuni layers, the layer switch, the view. It
  stays the same from one run to the next, so streamlit-folium keeps its iframe (the component key is a hash of
  this script). Neither the shapes nor the layers' code are in it: the iframe fetches them from the app's static
  files once per mount (`static/geo/`, byte-identical copies of `geodata/`; `static/map/psm-zones.js`), so the
  base script is ~1 KB instead of ~50 KB (zones) or ~240 KB (comuni);
- the **overlay** (`ZoneMap.overlay`, passed as `st_folium(feature_group_to_add=...)`): each zone's colour,
  outline and texts, and the place markers. streamlit-folium evaluates it inside the live map (swapping the
  previous overlay out), and it restyles the zone shapes in place.
streamlit-folium re-sends all its arguments whenever one of them changes: keeping the shapes out of the base is
what keeps a recolouring run to a few KB on the websocket.

Every text shown in a tooltip or popup is set with `textContent` in the browser (static/map/psm-zones.js: never
parsed as HTML), and every value embedded in the map's scripts is JSON with `<`, `>`, `&` and `'` escaped (jinja's
`tojson`).
"""

from __future__ import annotations

import functools
import html
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import folium
import streamlit as st
import streamlit_folium
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps
from streamlit_folium import st_folium

from components import state
from components.i18n import t
from components.offline_assets import MAP_SCRIPT, MAP_STYLE, app_file_url, geometry_url, use_local_assets
from components.svg_map import zone_map_svg
from psm_data import geo_export, palette

CENTER = (45.15, 7.55)
ZOOM = 9
MAP_HEIGHT = 560
_BASELINE = os.environ.get("PSM_PERF_BASELINE") == "1"
#: The shipped shapes, as the map's iframe fetches them (None = embed the collection given to build_zone_map).
ZONES_URL, COMUNI_URL = geometry_url("zones"), geometry_url("comuni")
HOVER_STYLE = {"weight": 4, "color": "#000000"}

use_local_assets()
# The style of a zone deduced from a place (as on the printed sheets): a white diamond with a dashed outline.
PLACE_MARKER_HTML = ('<div style="width:11px;height:11px;margin:2px;transform:rotate(45deg);background:#fff;'
                     'border:2px dashed #000" aria-hidden="true"></div>')


@dataclass(frozen=True)
class BaseSpec:
    """Everything a zone map's base depends on: hashable, so its rendered script is computed once per server."""

    zones_source: str  # a URL, or the embedded collection as JSON
    zone_ids: tuple[str, ...]
    zone_label: str
    popups: bool
    comuni_source: str | None = None  # likewise; None = no comuni layer
    comuni_codes: tuple[str, ...] = ()
    comuni_label: str = ""
    inferred_label: str = ""
    tiles: bool = False
    bounds: tuple[tuple[float, float], tuple[float, float]] | None = None


@dataclass
class ZoneMap:
    """A zone map: the base (`spec`) stays the same across reruns that only change colours or texts; the
    overlay carries them (`state`: {"zones": {zone_id: {style, label, value, link}}, "labels", "markers"})."""

    spec: BaseSpec
    state: dict[str, Any]

    @property
    def base(self) -> folium.Map:
        return base_map(self.spec)

    @property
    def overlay(self) -> folium.FeatureGroup:
        group = folium.FeatureGroup(name="psm-overlay", control=False)
        _ZoneState(self.state).add_to(group)
        return group


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
    zones_url: str | None = ZONES_URL,
    comuni_url: str | None = COMUNI_URL,
) -> ZoneMap:
    """A choropleth of `values` by zone_id; zones outside `selected` are faded, selected ones outlined.

    Colours come from `palette` (0 = neutral grey). With `link_text`, each zone's popup links to its profile
    page (`zona?profile=<id>` plus `link_params`), opened in the same tab; the path is relative to the
    component iframe (`<base>/component/streamlit_folium.st_folium/`), so it works under any base URL.
    With `fit_zones`, the map opens zoomed on those zones instead of the whole metropolitan area. With
    `uniform_fill` every zone gets that colour (a locator map: the selection stands out by opacity and outline,
    tooltips still show `values`). `place_markers` = (lon, lat, text) puts a dashed diamond where a project's zone
    was deduced from its place (an HTML marker, not a vector shape: the zones stay the map's only polygons).
    `dashed_zones` get a dashed outline (the zones a scenario changes, on the difference map).

    The collections give the zones' (and comuni's) ids, names and extent; the browser draws the features of the
    shipped file at `zones_url`/`comuni_url` whose id is in them (pass None to embed the collections' own shapes).
    """
    breaks = palette.class_breaks(max(values.values(), default=0))
    chosen, dashed = set(selected), set(dashed_zones)
    features = zones_geojson["features"]
    zones: dict[str, dict[str, Any]] = {}
    for feature in features:
        props = feature["properties"]
        zone_id = str(props["zone_id"])
        value = values.get(zone_id, 0)
        in_selection = not chosen or zone_id in chosen
        selected_zone = bool(chosen) and zone_id in chosen
        outline_dashed = zone_id in dashed
        entry: dict[str, Any] = {
            "style": {
                "fillColor": uniform_fill or palette.color_for(value, breaks),
                "fillOpacity": 0.85 if in_selection else 0.25,
                "color": palette.HIGHLIGHT if selected_zone else palette.OUTLINE,
                "weight": 4 if selected_zone else (3 if outline_dashed else 1.2),
                "dashArray": "8 5" if outline_dashed else None,
            },
            "label": f"{zone_id} · {props['name']}",
            "value": format_value(value),
        }
        if link_text:
            entry["link"] = "../../zona?" + urlencode({"profile": zone_id, **(link_params or {})}, doseq=True)
        zones[zone_id] = entry
    state = {"zones": zones, "labels": {"zone": zone_label, "value": value_label, "link": link_text or ""},
             "markers": [[lat, lon, text] for lon, lat, text in place_markers]}

    bounds = None
    if fit_zones:
        wanted = set(fit_zones)
        found = feature_bounds([f for f in features if f["properties"]["zone_id"] in wanted])
        bounds = None if found is None else (tuple(found[0]), tuple(found[1]))
    spec = BaseSpec(
        zones_source=zones_url if zones_url is not None else _as_json(zones_geojson),
        zone_ids=tuple(zones), zone_label=zone_label, popups=bool(link_text),
        comuni_source=None if comuni_geojson is None else (comuni_url if comuni_url is not None
                                                           else _as_json(comuni_geojson)),
        comuni_codes=() if comuni_geojson is None else tuple(str(f["properties"]["istat_code"])
                                                             for f in comuni_geojson["features"]),
        comuni_label=comuni_label, inferred_label=inferred_label, tiles=tiles, bounds=bounds,
    )
    return ZoneMap(spec, state)


def _as_json(collection: Mapping[str, Any]) -> str:
    return json.dumps(collection, sort_keys=True, separators=(",", ":"))


def _source(text: str) -> str | Any:
    """A spec's shapes source as the layer takes it: the URL, or the embedded collection."""
    return json.loads(text) if text.startswith("{") else text


def base_map(spec: BaseSpec) -> folium.Map:
    """The folium map of a base: map, layer switch, view, and the layers that draw the shapes."""
    fmap = folium.Map(location=CENTER, zoom_start=ZOOM, tiles=None, control_scale=True, prefer_canvas=False,
                      zoom_snap=0.5)
    if spec.tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", overlay=False, control=True).add_to(fmap)
    ZoneShapes(_source(spec.zones_source), spec.zone_ids, name=spec.zone_label, popups=spec.popups).add_to(fmap)
    if spec.comuni_source is not None:
        ComuneOutlines(_source(spec.comuni_source), spec.comuni_codes, name=spec.comuni_label,
                       zone_label=spec.zone_label, inferred_label=spec.inferred_label).add_to(fmap)
    if spec.comuni_source is not None or spec.tiles:
        folium.LayerControl(collapsed=False).add_to(fmap)
    if spec.bounds:
        fmap.fit_bounds([list(spec.bounds[0]), list(spec.bounds[1])], padding=(12, 12))
    return fmap


# --- the Leaflet side: two layers in the base (zone shapes, comuni outlines) and the overlay's state.
# Their JavaScript is static/map/psm-zones.js (loaded by the iframe after Leaflet, once per mount); the scripts
# rendered here only call it with JSON options.


class _Shapes(JSCSSMixin, folium.map.Layer):
    """A layer drawn by static/map/psm-zones.js, listed in the layer switch under `name`."""

    default_js = [("psm_zones", app_file_url(MAP_SCRIPT))]
    default_css = [("psm_zones_css", app_file_url(MAP_STYLE))]

    def __init__(self, name: str, options: Mapping[str, Any]) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self.options = dict(options)


class ZoneShapes(_Shapes):
    """The zones (features of `source` whose zone_id is in `zone_ids`): style, tooltip, popup and place markers
    follow the state the overlay last applied (`psmShow`)."""

    _template = Template("{% macro script(this, kwargs) %}var {{ this.get_name() }} = psmZoneShapes("
                         "{{ this._parent.get_name() }}, {{ this.options|tojson }});{% endmacro %}")

    def __init__(self, source: str | Mapping[str, Any], zone_ids: Sequence[str], *, name: str,
                 popups: bool) -> None:
        super().__init__(name, {
            "source": source, "keep": list(zone_ids), "popups": popups, "hover": HOVER_STYLE,
            "fallback": {"fillColor": palette.ZERO_COLOR, "fillOpacity": 0.25, "color": palette.OUTLINE,
                         "weight": 1.2, "dashArray": None},
            "marker": {"html": PLACE_MARKER_HTML, "iconSize": [16, 16], "iconAnchor": [8, 8],
                       "className": "psm-place"},
        })
        self._name = "ZoneShapes"


class ComuneOutlines(_Shapes):
    """The comuni (features of `source` whose istat_code is in `istat_codes`) as outlines, dashed where the zone
    is inferred, with name and zone in the tooltip."""

    _template = Template("{% macro script(this, kwargs) %}var {{ this.get_name() }} = psmComuneOutlines("
                         "{{ this._parent.get_name() }}, {{ this.options|tojson }});{% endmacro %}")

    def __init__(self, source: str | Mapping[str, Any], istat_codes: Sequence[str], *, name: str,
                 zone_label: str, inferred_label: str) -> None:
        super().__init__(name, {"source": source, "keep": list(istat_codes),
                                "labels": {"zone": zone_label, "inferred": inferred_label}})
        self._name = "ComuneOutlines"


class _ZoneState(MacroElement):
    """The overlay's content: hands this run's colours, texts and markers to the zone shapes (None: a slot)."""

    _template = Template("{% macro script(this, kwargs) %}"
                         "window.psmZones.psmShow({{ this.json }});{% endmacro %}")

    def __init__(self, state: Mapping[str, Any] | None) -> None:
        super().__init__()
        self._name = "ZoneState"
        self.json = _STATE_SLOT if state is None else self.state_json(state)

    @staticmethod
    def state_json(state: Mapping[str, Any]) -> str:
        """JSON safe inside a script: jinja's `tojson` (`<`, `>`, `&`, `'` as \\u escapes, sorted keys)."""
        return str(htmlsafe_json_dumps(state, sort_keys=True))


def _coordinates(geometry: Mapping[str, Any]) -> list[tuple[float, float]]:
    """All (lon, lat) positions of a Polygon or MultiPolygon."""
    rings = geometry["coordinates"]
    polygons = [rings] if geometry["type"] == "Polygon" else rings
    return [(pt[0], pt[1]) for polygon in polygons for ring in polygon for pt in ring]


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


INTERACTIVE_KEY = "interactive"


def interactive_toggle() -> bool:
    """The "Mappa interattiva" switch (`?interactive=1`). Off by default: the page shows the server-drawn map
    (`show_static_map`), which needs no iframe, no Leaflet and no shapes fetched, so the page is usable as fast as
    a page of tables; on, the Leaflet map below (zoom, hover, click to a zone's profile, comuni, tiles)."""
    state.seed_from_url(INTERACTIVE_KEY, ("1",), default=False)
    st.session_state[INTERACTIVE_KEY] = st.session_state[INTERACTIVE_KEY] in (True, "1")
    chosen = st.toggle(t("map_interactive"), key=INTERACTIVE_KEY, help=t("map_interactive_help"))
    state.page_param(INTERACTIVE_KEY, "1" if chosen else None)
    return chosen


def show_static_map(zones_geojson: Mapping[str, Any], values: Mapping[str, float], *, names: Mapping[str, str],
                    value_label: str, format_value: Callable[[float], str], breaks: Sequence[float],
                    selected: Sequence[str] = (), dashed: Sequence[str] = (),
                    comuni_geojson: Mapping[str, Any] | None = None,
                    markers: Sequence[tuple[float, float]] = (), fit: Sequence[str] = (),
                    uniform_fill: str | None = None) -> None:
    """The choropleth as an image drawn on the server (components/svg_map.py, the projector's map): each zone
    with its number, name and value written on it (colour is never the only cue), the same colour classes as the
    legend, the selection outlined, a scenario's changed zones dashed, comuni outlines and place markers. Its
    text alternative lists every zone's value; the tables below the map hold the same figures."""
    ids = sorted(names, key=int)
    notes = {z: format_value(values.get(z, 0)) for z in ids}
    alt = t("map_svg_alt", value=value_label, zones="; ".join(f"{z} · {names[z]}: {notes[z]}" for z in ids))
    outlines = [(f["geometry"], f["properties"].get("confidence") == "inferred")
                for f in (comuni_geojson or {}).get("features", [])]
    drawn = zone_map_svg(zones_geojson, values, names=names, focus=selected, label=alt, font_px=28, notes=notes,
                         breaks=breaks, dashed=dashed, outlines=outlines, markers=markers, fit=fit,
                         uniform_fill=uniform_fill, max_height="70vh")
    st.html(drawn.html)
    if drawn.numbered_only:
        st.caption(t("map_svg_key", zones=", ".join(f"{z} · {names[z]}" for z in drawn.numbered_only)))


def geojson_download(build: Callable[[], Mapping[str, Any]], *, label: str, key: str, file_name: str) -> None:
    """The map's view as GeoJSON (RFC 7946, psm_data/geo_export.py), built only when clicked: for QGIS and friends."""
    st.download_button(label, data=lambda: geo_export.to_bytes(build()), file_name=file_name,
                       mime="application/geo+json", key=f"{key}_geojson", on_click="ignore",
                       icon=":material/map:", help=t("geo_download_help"))


def render_map(zone_map: ZoneMap, *, key: str, height: int = MAP_HEIGHT) -> None:
    """Show a map without sending events back (0 reruns on pan/zoom; PSM_PERF_BASELINE restores defaults).

    The overlay goes in as streamlit-folium's `feature_group_to_add`: while the base stays the same, a rerun
    restyles the live map instead of remounting its iframe.

    A keyboard user meets a "skip the map" link first (visible when focused), so the map's own stops (the map,
    its zoom buttons and layer switches) can be jumped over in one keystroke."""
    target = f"psm-after-{key}"
    with st.container(gap=None):
        st.html(skip_link_html(target, t("skip_map")))
        if _BASELINE:
            st_folium(zone_map.base, key=key, height=height, use_container_width=True, returned_objects=None,
                      feature_group_to_add=zone_map.overlay)
        else:
            args = map_component_args(zone_map, key=key, height=height)
            hash_key = args["key"]

            def on_change() -> None:  # what st_folium's own callback does (no events are returned anyway)
                st.session_state[key] = st.session_state.get(hash_key, {})

            streamlit_folium._component_func(**args, on_change=on_change)
        st.html(f'<span id="{target}" tabindex="-1" class="psm-no-room"></span>')


def map_component_args(zone_map: ZoneMap, *, key: str, height: int = MAP_HEIGHT) -> dict[str, Any]:
    """The arguments `st_folium(zone_map.base, key=key, height=height, use_container_width=True,
    returned_objects=[], feature_group_to_add=zone_map.overlay)` passes to its component (streamlit-folium
    0.27.4), with the base's part rendered once per server and spec instead of on every run.

    st_folium renders every element of the map through jinja on every call (~10 ms of an explorer run, holding
    the GIL); the base is the same from run to run, so only the overlay is rendered here.
    tests/test_maps.py checks that these are exactly st_folium's own arguments."""
    base = _base_args(zone_map.spec)
    return {
        "script": base["script"], "header": base["header"], "html": base["html"], "id": base["id"],
        "key": streamlit_folium.generate_js_hash(base["script"], key, False), "height": height, "width": None,
        "returned_objects": [], "default": {}, "zoom": None, "center": None,
        "feature_group": _overlay_frame().replace(_STATE_SLOT, _ZoneState.state_json(zone_map.state), 1),
        "return_on_hover": False, "layer_control": None, "pixelated": False, "css_links": base["css_links"],
        "js_links": base["js_links"], "wrap_longitude": False,
    }


_STATE_SLOT = '"__psm_state__"'


@functools.lru_cache(maxsize=1)
def _overlay_frame() -> str:
    """streamlit-folium's overlay script with a slot for the state (rendered once: the rest never changes)."""
    group = folium.FeatureGroup(name="psm-overlay", control=False)
    _ZoneState(None).add_to(group)
    frame = streamlit_folium._get_feature_group_string(group, folium.Map(tiles=None), idx=0)
    if frame.count(_STATE_SLOT) != 1:
        raise RuntimeError("the overlay template changed (streamlit-folium upgrade?): one state slot expected")
    return frame


@functools.lru_cache(maxsize=64)
def _base_args(spec: BaseSpec) -> dict[str, Any]:
    """A base rendered as st_folium does it (same calls, same order), once per spec; shared read-only."""
    fmap = base_map(spec)
    fmap.get_root().render()
    fmap.render()
    html_part = streamlit_folium._get_html(fmap)
    header = streamlit_folium._get_header(fmap)
    script = streamlit_folium._get_map_string(fmap)
    css_links: list[str] = []
    js_links: list[str] = []
    for element in _walk(fmap):
        css_links.extend(href for _, href in getattr(element, "default_css", []))
        js_links.extend(src for _, src in getattr(element, "default_js", []))
    return {"script": script, "header": header, "html": html_part, "id": streamlit_folium.get_full_id(fmap),
            "css_links": list(dict.fromkeys(css_links)), "js_links": list(dict.fromkeys(js_links))}


def _walk(element: Element) -> Iterator[Element]:
    """The elements whose links st_folium loads in the iframe (JSCSSMixin), depth first as st_folium walks."""
    if isinstance(element, JSCSSMixin):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


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
