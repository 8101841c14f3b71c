"""The 11 zones as an inline SVG drawn on the server, with each zone's number and name written on it.

For the projector: no Leaflet iframe to load, labels as large as the room needs, nothing to pan, and it draws the
same offline. Coordinates are projected to kilometres (equirectangular around the area's latitude: fine at this
scale) and fitted into the view box. Every text is escaped; the figure has a text alternative.
"""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from shapely.geometry import shape

from components import palette

KM_PER_DEG = 110.57


def _rings(geometry: Mapping[str, Any]) -> Iterable[list[list[float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        yield from polygon


def zone_map_svg(zones_geojson: Mapping[str, Any], values: Mapping[str, float], *, names: Mapping[str, str],
                 focus: Sequence[str] = (), width: int = 900, height: int = 620, label: str,
                 font_px: int = 26) -> str:
    """A choropleth of `values` (palette colours, 0 grey); zones in `focus` outlined, others faded."""
    features = list(zones_geojson["features"])
    lat0 = 45.1
    kx = KM_PER_DEG * math.cos(math.radians(lat0))
    xs, ys = [], []
    for feature in features:
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

    breaks = palette.class_breaks(max(values.values(), default=0))
    chosen = set(focus)
    shapes, labels = [], []
    for feature in features:
        zone_id = str(feature["properties"]["zone_id"])
        fill = palette.color_for(values.get(zone_id, 0), breaks)
        in_focus = not chosen or zone_id in chosen
        d = " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (point(lon, lat) for lon, lat in ring)) + " Z"
                     for ring in _rings(feature["geometry"]))
        stroke = palette.HIGHLIGHT if chosen and zone_id in chosen else palette.OUTLINE
        shapes.append(f'<path d="{d}" fill="{fill}" fill-opacity="{0.9 if in_focus else 0.3}" stroke="{stroke}" '
                      f'stroke-width="{4 if chosen and zone_id in chosen else 1.2}" fill-rule="evenodd"/>')
        anchor = shape(feature["geometry"]).representative_point()
        x, y = point(anchor.x, anchor.y)
        text = f"{zone_id} · {names.get(zone_id, '')}"
        size = font_px if in_focus and chosen else font_px * 0.72
        labels.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.0f}" text-anchor="middle" dominant-baseline="middle" '
            f'font-weight="{700 if in_focus else 400}" fill="#000000" stroke="#ffffff" stroke-width="{size / 5:.1f}" '
            f'paint-order="stroke" font-family="Source Sans, Source Sans Pro, sans-serif">{html.escape(text)}</text>')
    svg = (f'<svg viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
           f'<title>{html.escape(label)}</title>{"".join(shapes)}{"".join(labels)}</svg>')
    # An <img> with a data URI: st.html's sanitiser drops inline SVG; the alt text is the text alternative.
    data_uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'<img src="{data_uri}" alt="{html.escape(label, quote=True)}" '
            f'style="width:100%;max-height:68vh;object-fit:contain;display:block">')
