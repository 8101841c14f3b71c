"""The 11 zones as an inline SVG drawn on the server, with each zone's number and name written on it.

The one static map of the app: the projector's slides, and the explorer's default map on /mappa and /zona (the
zoomable, clickable Leaflet map of components/maps.py is loaded only when asked for). No iframe to load, labels as
large as the room needs, nothing to pan, and it draws the same offline. Coordinates are projected to kilometres
(equirectangular around the area's latitude: fine at this
scale) and fitted into the view box. Every text is escaped; the figure has a text alternative.
"""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from shapely.geometry import shape
from shapely.ops import polylabel

from psm_data import palette

KM_PER_DEG = 110.57


class ZoneMap(NamedTuple):
    html: str  # an <img> holding the SVG, with its text alternative
    numbered_only: tuple[str, ...]  # zones whose name had no room (number only, or no label): for a key


def _rings(geometry: Mapping[str, Any]) -> Iterable[list[list[float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        yield from polygon


def zone_map_svg(zones_geojson: Mapping[str, Any], values: Mapping[str, float], *, names: Mapping[str, str],
                 focus: Sequence[str] = (), width: int = 900, height: int = 620, label: str,
                 font_px: int = 26, notes: Mapping[str, str] | None = None, breaks: Sequence[float] | None = None,
                 dashed: Sequence[str] = (), outlines: Sequence[tuple[Mapping[str, Any], bool]] = (),
                 markers: Sequence[tuple[float, float]] = (), fit: Sequence[str] = (),
                 uniform_fill: str | None = None, max_height: str = "62vh") -> ZoneMap:
    """A choropleth of `values` (palette colours, 0 grey); zones in `focus` outlined, others faded.

    `notes` writes a second line under a zone's label (e.g. its count), so the colour is never the only cue.
    Where a name has no room, the zone is listed in `numbered_only` for a key below the map. Explorer extras:
    `breaks` (the page's legend classes, so map and legend agree), `dashed` zones (a scenario's changes),
    `outlines` (comuni geometries, each with "dashed" for an inferred zone), `markers` (lon, lat: a dashed
    diamond, a project placed by its place), `fit` (zones the view is fitted to; default all), `uniform_fill` (one
    colour for every zone: a locator map, the values written only)."""
    features = list(zones_geojson["features"])
    lat0 = 45.1
    kx = KM_PER_DEG * math.cos(math.radians(lat0))
    xs, ys = [], []
    fitted = set(fit)
    for feature in features:
        if fitted and str(feature["properties"]["zone_id"]) not in fitted:
            continue
        for ring in _rings(feature["geometry"]):
            for lon, lat in ring:
                xs.append(lon * kx)
                ys.append(lat * KM_PER_DEG)
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    pad = font_px * 0.6
    scale = min((width - 2 * pad) / (max_x - min_x), (height - 2 * pad) / (max_y - min_y))
    off_x = (width - scale * (max_x - min_x)) / 2
    off_y = (height - scale * (max_y - min_y)) / 2

    def point(lon: float, lat: float) -> tuple[float, float]:
        return (off_x + (lon * kx - min_x) * scale, height - off_y - (lat * KM_PER_DEG - min_y) * scale)

    if breaks is None:
        breaks = palette.class_breaks(max(values.values(), default=0))
    chosen = set(focus)
    dash = set(dashed)
    shapes, placed, labels, numbered = [], [], [], []
    candidates = []  # (not an event zone, -area, zone_id, x, y, in_focus): sorted, the placing order
    for feature in features:
        zone_id = str(feature["properties"]["zone_id"])
        fill = uniform_fill or palette.color_for(values.get(zone_id, 0), breaks)
        in_focus = not chosen or zone_id in chosen
        d = " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (point(lon, lat) for lon, lat in ring)) + " Z"
                     for ring in _rings(feature["geometry"]))
        stroke = palette.HIGHLIGHT if chosen and zone_id in chosen else palette.OUTLINE
        dash_attr = ' stroke-dasharray="8 5"' if zone_id in dash else ""
        shapes.append(f'<path d="{d}" fill="{fill}" fill-opacity="{0.9 if in_focus else 0.3}" stroke="{stroke}" '
                      f'stroke-width="{4 if (chosen and zone_id in chosen) or zone_id in dash else 1.2}" '
                      f'fill-rule="evenodd"{dash_attr}/>')
        polygon = shape(feature["geometry"])
        anchor = _visual_centre(polygon)
        ax, ay = point(anchor.x, anchor.y)
        if fitted and not (0 <= ax <= width and 0 <= ay <= height):
            continue  # outside the fitted view: no label pinned to its edge
        candidates.append((zone_id not in chosen, -polygon.area, zone_id, *point(anchor.x, anchor.y), in_focus))
    # The event's zones are labelled first, then the others from the largest (see _place).
    for _, _, zone_id, x, y, in_focus in sorted(candidates):
        size = font_px if in_focus and chosen else font_px * 0.72
        lines = [(f"{zone_id} · {names.get(zone_id, '')}", size, 700 if in_focus else 400)]
        if notes and notes.get(zone_id):
            lines.append((notes[zone_id], size * 0.85, 400))
        texts, name_dropped = _place(lines, x, y, placed, shrinkable=not (chosen and in_focus), width=width,
                                     height=height)
        labels.extend(texts)
        if name_dropped:
            numbered.append(zone_id)
    for geometry, inferred in outlines:
        d = " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (point(lon, lat) for lon, lat in ring)) + " Z"
                     for ring in _rings(geometry))
        dash_attr = ' stroke-dasharray="3 3"' if inferred else ""
        shapes.append(f'<path d="{d}" fill="none" stroke="#555555" stroke-width="0.8"{dash_attr}/>')
    for lon, lat in markers:
        x, y = point(lon, lat)
        r = font_px * 0.45
        diamond = f"M{x:.1f},{y - r:.1f} L{x + r:.1f},{y:.1f} L{x:.1f},{y + r:.1f} L{x - r:.1f},{y:.1f} Z"
        shapes.append(f'<path d="{diamond}" fill="#ffffff" stroke="#000000" stroke-width="2" stroke-dasharray="3 2"/>')
    svg = (f'<svg viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
           f'<title>{html.escape(label)}</title>{"".join(shapes)}{"".join(labels)}</svg>')
    # An <img> with a data URI: st.html's sanitiser drops inline SVG; the alt text is the text alternative.
    data_uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    image = (f'<img src="{data_uri}" alt="{html.escape(label, quote=True)}" '
             f'style="width:100%;max-height:{max_height};object-fit:contain;display:block" class="psm-svg-map">')
    return ZoneMap(image, tuple(sorted(numbered, key=int)))


def _visual_centre(polygon: Any) -> Any:
    """Where a label reads as "in the middle": the pole of inaccessibility of the zone's largest part (the point
    farthest from its edges), not just any interior point."""
    largest = max(getattr(polygon, "geoms", [polygon]), key=lambda part: part.area)
    return polylabel(largest, tolerance=0.002)


def _text_box(lines: Sequence[tuple[str, float, int]], x: float, y: float) -> tuple[float, float, float, float]:
    """The label's extent, estimated (an average glyph is ~0.57 em wide, bold ~0.62): left, top, right, bottom."""
    width = max(len(text) * size * (0.62 if weight >= 700 else 0.57) for text, size, weight in lines)
    height = sum(size * 1.05 for _, size, _ in lines)
    return x - width / 2, y - height / 2, x + width / 2, y + height / 2


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(lines: list[tuple[str, float, int]], x: float, y: float, placed: list[tuple[float, float, float, float]],
           *, shrinkable: bool, width: float, height: float) -> tuple[list[str], bool]:
    """SVG <text> elements for one label at the first free spot that still covers its anchor (a label never
    wanders off its zone), kept inside the view; `placed` grows by the box it takes. With no free spot an event
    zone's label gets smaller, an other zone's keeps only its number, or nothing if even that would cover another
    label. Also says whether the name was left out (for the key below the map)."""
    number_only = [(lines[0][0].split(" · ")[0], lines[0][1], lines[0][2])]
    smaller = [(text, size * 0.8, weight) for text, size, weight in lines]
    # An event zone too close to another (Torino inside its ring of zones) keeps its number and its note, smaller
    # if need be, rather than a name written over a neighbour's: the name goes to the key below the map.
    number_note = [(number_only[0][0], size * 0.8, weight) for _, size, weight in lines[:1]] + [
        (text, size * 0.8, weight) for text, size, weight in lines[1:]]
    variants = [lines, number_only] if shrinkable else [lines, smaller, number_note]
    tries = []
    for variant in variants:
        box = _text_box(variant, 0, 0)
        half_w, half_h = box[2], box[3]
        dxs, dys = (0, -half_w / 2, half_w / 2), (0, -half_h / 2, half_h / 2, -half_h, half_h)
        if variant is number_only or variant is number_note:  # small: it may move two of its heights
            dxs, dys = (*dxs, -2 * half_h, 2 * half_h), (*dys, -4 * half_h, 4 * half_h)
        for dx in dxs:
            for dy in dys:
                tx = min(max(x + dx, half_w + 2), width - half_w - 2)  # never cut by the edge
                ty = min(max(y + dy, half_h + 2), height - half_h - 2)
                tries.append((variant, tx, ty))
    free = next(((ls, tx, ty) for ls, tx, ty in tries
                 if not any(_overlaps(_text_box(ls, tx, ty), box) for box in placed)), None)
    if free is None and shrinkable:
        return [], True  # not even the number fits: better no label than one written over another
    if free is None:  # an event zone: its number and note at the anchor, even over another
        half_w = _text_box(number_note, 0, 0)[2]
        free = (number_note, min(max(x, half_w + 2), width - half_w - 2), y)
    dropped = free[0] is number_only or free[0] is number_note
    lines, x, y = free
    box = _text_box(lines, x, y)
    placed.append(box)
    top = box[1]
    out = []
    for text, size, weight in lines:
        line_y = top + size * 0.525
        top += size * 1.05
        out.append(
            f'<text x="{x:.1f}" y="{line_y:.1f}" font-size="{size:.0f}" text-anchor="middle" '
            f'dominant-baseline="middle" font-weight="{weight}" fill="#000000" stroke="#ffffff" '
            f'stroke-width="{size / 5:.1f}" paint-order="stroke" '
            f'font-family="Source Sans, Source Sans Pro, sans-serif">{html.escape(text)}</text>')
    return out, dropped
