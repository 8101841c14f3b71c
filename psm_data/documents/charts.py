"""The paper's two charts, drawn locally from one geometry: answer bars per need and participation per zone.

The geometry (rectangles, polygons, labels in a unit box) is computed once; the PDF draws it as vector paths with
ReportLab, the DOCX gets a PNG drawn with Pillow (Word and LibreOffice show a picture everywhere). No matplotlib,
no browser, no tile server: the zones come from geodata/zones.geojson, as on the printed zone sheets.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from psm_data import palette
from psm_data.documents.model import BarsChart, MapChart

FONT_FILE = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
FONT_BOLD_FILE = Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf"
# The app's colours (psm_data.palette): the answers' Okabe–Ito bars and the maps' viridis classes.
ANSWER_FILLS = tuple(fill for fill, _ in palette.ANSWER_COLORS.values())
ANSWER_INKS = tuple(ink for _, ink in palette.ANSWER_COLORS.values())
INK = "#1a1a1a"
KM_PER_DEG_LAT = 110.57


@dataclass(frozen=True)
class Shape:
    """Something to draw in a box of `width` × `height` units, y downwards (as on an image)."""

    kind: str  # rect | poly | text
    points: tuple[tuple[float, float], ...]
    fill: str = ""
    stroke: str = ""
    text: str = ""
    size: float = 10.0
    bold: bool = False
    anchor: str = "start"  # start | middle | end


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float
    shapes: tuple[Shape, ...]


def _text_width(text: str, size: float) -> float:
    return ImageFont.truetype(str(FONT_FILE), 100).getlength(text) * size / 100


def bars_geometry(chart: BarsChart, width: float = 480.0) -> Geometry:
    """One row per need: its id, a stacked bar scaled to the largest, each count written in its segment."""
    row, gap, label_w, size = 18.0, 6.0, 48.0, 8.5
    top = 16.0
    shapes: list[Shape] = []
    x = label_w
    for i, name in enumerate(chart.legend):  # legend on top
        shapes.append(Shape("rect", ((x, 3), (x + 9, 12)), fill=ANSWER_FILLS[i]))
        shapes.append(Shape("text", ((x + 12, 11),), fill=INK, text=name, size=size))
        x += 12 + _text_width(name, size) + 14
    most = max([sum(counts) for _n, counts in chart.bars] + [1])
    bar_w = width - label_w - 8
    for i, (label, counts) in enumerate(chart.bars):
        y = top + gap + i * (row + gap)
        shapes.append(Shape("text", ((0, y + row * 0.7),), fill=INK, text=label, size=size, bold=True))
        x = label_w
        total = sum(counts)
        if not total:
            shapes.append(Shape("text", ((x, y + row * 0.7),), fill="#5c5a57", text="0", size=size))
        for j, n in enumerate(counts):
            if not n:
                continue
            w = bar_w * n / most
            shapes.append(Shape("rect", ((x, y), (x + w, y + row)), fill=ANSWER_FILLS[j]))
            if _text_width(str(n), size) + 4 <= w:
                shapes.append(Shape("text", ((x + w / 2, y + row * 0.7),), fill=ANSWER_INKS[j], text=str(n),
                                    size=size, anchor="middle"))
            x += w
    height = top + gap + len(chart.bars) * (row + gap) + 2
    return Geometry(width, height, tuple(shapes))


def map_geometry(chart: MapChart, zone_shapes: gpd.GeoDataFrame, width: float = 300.0) -> Geometry:
    """The zones shaded by value in the app's map classes (`palette.class_breaks`), each with its number."""
    geoms = zone_shapes.set_index("zone_id").geometry
    lat0 = float(np.mean([g.centroid.y for g in geoms]))
    kx = KM_PER_DEG_LAT * math.cos(math.radians(lat0))
    minx, miny, maxx, maxy = geoms.total_bounds
    scale = width / ((maxx - minx) * kx)
    height = (maxy - miny) * KM_PER_DEG_LAT * scale

    def to_box(xy: np.ndarray) -> tuple[tuple[float, float], ...]:
        return tuple(((x - minx) * kx * scale, (maxy - y) * KM_PER_DEG_LAT * scale) for x, y in xy)

    breaks = palette.class_breaks(max(chart.values.values(), default=0.0))

    shapes: list[Shape] = []
    labels: list[Shape] = []
    for zone_id, geom in geoms.items():
        value = float(chart.values.get(str(zone_id), 0.0))
        colour = palette.color_for(value, breaks)
        for polygon in getattr(geom, "geoms", [geom]):
            shapes.append(Shape("poly", to_box(np.asarray(polygon.exterior.coords)), fill=colour, stroke="#555555"))
        point = geom.representative_point()
        (x, y), = to_box(np.array([[point.x, point.y]]))
        labels.append(Shape("text", ((x, y + 3.5),), fill=palette.text_color_on(colour),
                            text=chart.labels.get(str(zone_id), str(zone_id)), size=10, bold=True, anchor="middle"))
    return Geometry(width, height, tuple(shapes + labels))


# ---------------------------------------------------------------------------------------------- PNG (DOCX)
def to_png(geometry: Geometry, scale: float = 3.0) -> bytes:
    """The geometry as a PNG at `scale` pixels per unit (3: sharp when printed at the chart's size)."""
    image = Image.new("RGB", (math.ceil(geometry.width * scale), math.ceil(geometry.height * scale)), "white")
    draw = ImageDraw.Draw(image)
    fonts: dict[tuple[float, bool], ImageFont.FreeTypeFont] = {}
    for s in geometry.shapes:
        pts = [(x * scale, y * scale) for x, y in s.points]
        if s.kind == "rect":
            draw.rectangle([pts[0], pts[1]], fill=s.fill or None, outline=s.stroke or None)
        elif s.kind == "poly":
            draw.polygon(pts, fill=s.fill or None, outline=s.stroke or None)
        else:
            key = (s.size, s.bold)
            if key not in fonts:
                fonts[key] = ImageFont.truetype(str(FONT_BOLD_FILE if s.bold else FONT_FILE), round(s.size * scale))
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[s.anchor]
            draw.text(pts[0], s.text, fill=s.fill, font=fonts[key], anchor=anchor)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- vector (PDF)
class GeometryFlowable(Flowable):
    """The geometry drawn as vector paths in the PDF, scaled to fit `max_width`."""

    def __init__(self, geometry: Geometry, max_width: float, font: str, bold_font: str) -> None:
        super().__init__()
        self.geometry = geometry
        self.k = min(1.0, max_width / geometry.width)
        self.width, self.height = geometry.width * self.k, geometry.height * self.k
        self.font, self.bold_font = font, bold_font

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, k, h = self.canv, self.k, self.geometry.height
        for s in self.geometry.shapes:
            pts = [(x * k, (h - y) * k) for x, y in s.points]
            if s.kind in ("rect", "poly"):
                path = c.beginPath()
                if s.kind == "rect":
                    (x0, y0), (x1, y1) = pts
                    path.rect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
                else:
                    path.moveTo(*pts[0])
                    for x, y in pts[1:]:
                        path.lineTo(x, y)
                    path.close()
                c.setFillColor(HexColor(s.fill) if s.fill else HexColor("#ffffff"))
                if s.stroke:
                    c.setStrokeColor(HexColor(s.stroke))
                    c.setLineWidth(0.5)
                c.drawPath(path, fill=1 if s.fill else 0, stroke=1 if s.stroke else 0)
            else:
                c.setFillColor(HexColor(s.fill))
                c.setFont(self.bold_font if s.bold else self.font, s.size * k)
                x, y = pts[0]
                {"start": c.drawString, "middle": c.drawCentredString, "end": c.drawRightString}[s.anchor](
                    x, y, s.text)
