"""Vector drawing for the printable sheets: a zone map from the boundaries, QR codes, a star. Plain ReportLab.

No browser, no matplotlib: the map is paths on the PDF canvas (a few ms), so it prints sharp at any size and its
labels are text. Coordinates are projected to kilometres around the zone (equirectangular, fine at this scale).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import segno
import shapely
from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfgen.canvas import Canvas
from shapely.geometry.base import BaseGeometry

KM_PER_DEG_LAT = 110.57
FILL_ZONE = HexColor("#fbe9a0")  # a light tint of the app's first viridis step: the zone stands out, prints grey
FILL_NEIGHBOUR = HexColor("#e2e2e2")
LINE_ZONE = HexColor("#d55e00")  # the app's highlight (Okabe–Ito vermillion)
LINE_NEIGHBOUR = HexColor("#8a8a8a")
LINE_COMUNE = HexColor("#555555")
INK = HexColor("#1a1a1a")
INFERRED_DASH = (2.2, 1.6)
# Compressed streams stay binary (valid PDF): ReportLab's pure-Python ASCII85 step cost ~0.06 s per sheet.
rl_config.useA85 = 0


@dataclass(frozen=True)
class MapMarker:
    """A point on the map with a short label (a place a project's zone was deduced from)."""

    lon: float
    lat: float
    label: str


class _Projection:
    """lon/lat → km around a reference latitude, then km → page points inside a box."""

    def __init__(self, lat0: float) -> None:
        self.kx = KM_PER_DEG_LAT * math.cos(math.radians(lat0))

    def km(self, geometry: BaseGeometry) -> BaseGeometry:
        return shapely.transform(geometry, lambda xy: np.column_stack((xy[:, 0] * self.kx, xy[:, 1] * KM_PER_DEG_LAT)))


def _rings(geometry: BaseGeometry) -> Iterable[np.ndarray]:
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        yield np.asarray(polygon.exterior.coords)
        for hole in polygon.interiors:
            yield np.asarray(hole.coords)


def _path(canvas: Canvas, geometry: BaseGeometry, to_page) -> object:
    path = canvas.beginPath()
    for ring in _rings(geometry):
        pts = to_page(ring)
        path.moveTo(*pts[0])
        for x, y in pts[1:]:
            path.lineTo(x, y)
        path.close()
    return path


def _label(canvas: Canvas, x: float, y: float, text: str, *, size: float, bold: bool = False,
           fill: Color = white) -> None:
    """A zone number in a small disc, legible on any fill."""
    font = "Helvetica-Bold" if bold else "Helvetica"
    width = canvas.stringWidth(text, font, size)
    radius = max(width / 2 + size * 0.35, size * 0.72)
    canvas.setFillColor(fill)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.circle(x, y, radius, stroke=1, fill=1)
    canvas.setFillColor(INK)
    canvas.setFont(font, size)
    canvas.drawCentredString(x, y - size * 0.35, text)


def draw_zone_map(canvas: Canvas, box: tuple[float, float, float, float], zone_id: str,
                  zone_shapes: gpd.GeoDataFrame, comune_shapes: gpd.GeoDataFrame,
                  markers: Sequence[MapMarker] = ()) -> None:
    """The zone (filled, outlined), its comuni (inferred assignments dashed), the zones around it (grey) and
    every visible zone's number, a scale bar and the `markers`, clipped to `box` = (x, y, width, height)."""
    x0, y0, width, height = box
    zone = zone_shapes.loc[zone_shapes["zone_id"] == zone_id, "geometry"].iloc[0]
    projection = _Projection(zone.centroid.y)
    zone_km = projection.km(zone)
    minx, miny, maxx, maxy = zone_km.bounds
    pad = 0.08 * max(maxx - minx, maxy - miny)
    minx, miny, maxx, maxy = minx - pad, miny - pad, maxx + pad, maxy + pad
    # Same scale on both axes: widen the shorter side of the view to the box's proportions.
    scale = min(width / (maxx - minx), height / (maxy - miny))
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    view = (cx - width / scale / 2, cy - height / scale / 2, cx + width / scale / 2, cy + height / scale / 2)

    tolerance = 0.35 / scale  # a third of a point on paper: invisible, and far fewer path points to write

    def simple(shape: BaseGeometry) -> BaseGeometry:
        return shapely.simplify(shape, tolerance, preserve_topology=True)

    def to_page(xy: np.ndarray) -> np.ndarray:
        return np.column_stack((x0 + (xy[:, 0] - view[0]) * scale, y0 + (xy[:, 1] - view[1]) * scale))

    canvas.saveState()
    frame = canvas.beginPath()
    frame.rect(x0, y0, width, height)
    canvas.clipPath(frame, stroke=0, fill=0)
    canvas.setFillColor(white)
    canvas.rect(x0, y0, width, height, stroke=0, fill=1)

    labels = []
    margin = 5 / scale  # draw a little beyond the box (the clip hides it) so no clipped edge shows as a line
    drawn = (view[0] - margin, view[1] - margin, view[2] + margin, view[3] + margin)
    for zid, geometry in zip(zone_shapes["zone_id"], zone_shapes.geometry, strict=True):
        shape = projection.km(geometry)
        visible = shapely.clip_by_rect(shape, *view)
        if visible.is_empty:
            continue
        if zid != zone_id:
            canvas.setFillColor(FILL_NEIGHBOUR)
            canvas.setStrokeColor(LINE_NEIGHBOUR)
            canvas.setLineWidth(0.8)
            canvas.drawPath(_path(canvas, simple(shapely.clip_by_rect(shape, *drawn)), to_page), stroke=1,
                            fill=1, fillMode=1)
        if visible.area * scale * scale > 250:  # room for a number (in square points)
            if zid == zone_id:  # keep the zone's own number clear of the place markers and their labels
                for marker in markers:
                    spot = projection.km(shapely.Point(marker.lon, marker.lat))
                    room = shapely.box(spot.x - 14 / scale, spot.y - 12 / scale, spot.x + 120 / scale,
                                       spot.y + 12 / scale)
                    shape = shape.difference(room) if not shape.difference(room).is_empty else shape
            point = visible.representative_point() if zid != zone_id else shape.representative_point()
            labels.append((zid, to_page(np.array([[point.x, point.y]]))[0]))

    zone_km = simple(zone_km)
    canvas.setFillColor(FILL_ZONE)
    canvas.drawPath(_path(canvas, zone_km, to_page), stroke=0, fill=1, fillMode=1)
    mine = comune_shapes[comune_shapes["zone_id"] == zone_id]
    canvas.setStrokeColor(LINE_COMUNE)
    canvas.setLineWidth(0.35)
    for geometry, confidence in zip(mine.geometry, mine["confidence"], strict=True):
        canvas.setDash(*INFERRED_DASH) if confidence == "inferred" else canvas.setDash()
        canvas.drawPath(_path(canvas, simple(projection.km(geometry)), to_page), stroke=1, fill=0)
    canvas.setDash()
    canvas.setStrokeColor(LINE_ZONE)
    canvas.setLineWidth(1.8)
    canvas.drawPath(_path(canvas, zone_km, to_page), stroke=1, fill=0)

    for marker in markers:
        point = projection.km(shapely.Point(marker.lon, marker.lat))
        mx, my = to_page(np.array([[point.x, point.y]]))[0]
        draw_place_marker(canvas, mx, my, 4.2)
        label_width = canvas.stringWidth(marker.label, "Helvetica-Oblique", 6.5)
        canvas.setFillColor(white)
        canvas.rect(mx + 6, my - 3.4, label_width + 3, 8.6, stroke=0, fill=1)
        canvas.setFont("Helvetica-Oblique", 6.5)
        canvas.setFillColor(INK)
        canvas.drawString(mx + 7.5, my - 2.2, marker.label)
    for zid, (lx, ly) in labels:
        mine_label = zid == zone_id
        _label(canvas, lx, ly, zid, size=11 if mine_label else 7.5, bold=mine_label,
               fill=white if mine_label else FILL_NEIGHBOUR)
    _scale_bar(canvas, x0 + 6, y0 + 6, scale)
    canvas.restoreState()
    canvas.setStrokeColor(LINE_NEIGHBOUR)
    canvas.setLineWidth(0.6)
    canvas.rect(x0, y0, width, height, stroke=1, fill=0)


def draw_place_marker(canvas: Canvas, x: float, y: float, r: float) -> None:
    """A diamond with a dashed outline: the style of a zone deduced from a place, on maps and in lists."""
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.9)
    canvas.setDash(1.4, 0.9)
    path = canvas.beginPath()
    path.moveTo(x, y + r)
    path.lineTo(x + r, y)
    path.lineTo(x, y - r)
    path.lineTo(x - r, y)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)
    canvas.restoreState()


def _scale_bar(canvas: Canvas, x: float, y: float, points_per_km: float) -> None:
    target = 70 / points_per_km  # about 70 pt long
    km = next(v for v in (1, 2, 5, 10, 20, 50, 100) if v >= target * 0.6)
    length = km * points_per_km
    canvas.setFillColor(white)
    canvas.rect(x - 2, y - 2, length + 26, 11, stroke=0, fill=1)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(1.2)
    canvas.line(x, y + 2, x + length, y + 2)
    canvas.line(x, y, x, y + 4)
    canvas.line(x + length, y, x + length, y + 4)
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica", 6.5)
    canvas.drawString(x + length + 3, y, f"{km} km")


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """A QR code as vector squares (made locally by segno, no online service), quiet zone included in `size`."""
    qr = segno.make(data, error="m", micro=False)
    matrix = [list(row) for row in qr.matrix]
    modules = len(matrix) + 8  # 4-module quiet zone on each side
    cell = size / modules
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#000000"))
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                canvas.rect(x + (start + 4) * cell, y + size - (r + 5) * cell, (c - start) * cell, cell * 1.02,
                            stroke=0, fill=1)
            else:
                c += 1
    canvas.restoreState()


def draw_star(canvas: Canvas, x: float, y: float, r: float, *, fill: bool = True) -> None:
    """A five-pointed star centred on (x, y): the ★ priority mark (standard PDF fonts have no ★ glyph)."""
    path = canvas.beginPath()
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        px, py = x + radius * math.cos(angle), y + radius * math.sin(angle)
        path.moveTo(px, py) if i == 0 else path.lineTo(px, py)
    path.close()
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.5)
    canvas.drawPath(path, stroke=1, fill=1 if fill else 0)
