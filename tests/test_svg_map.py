"""The server-drawn map's explorer options (components/svg_map.py): the legend's classes, dashed zones, comuni
outlines, place markers, a view fitted to one zone, a uniform fill; hostile names stay text."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from components.svg_map import zone_map_svg
from psm_data import palette

GEO = Path(__file__).resolve().parents[1] / "geodata"
ZONES = json.loads((GEO / "zones.geojson").read_text("utf-8"))
COMUNI = json.loads((GEO / "comuni.geojson").read_text("utf-8"))
NAMES = {str(f["properties"]["zone_id"]): f"Zona {f['properties']['zone_id']}" for f in ZONES["features"]}


def svg_of(html: str) -> str:
    return base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", html).group(1)).decode()


def zone_fills(svg: str) -> list[str]:
    return re.findall(r'<path d="M[^"]*" fill="(#[0-9a-fA-F]{6})" fill-opacity', svg)


def test_colours_follow_the_breaks_given_and_values_are_written() -> None:
    values = {z: int(z) for z in NAMES}
    breaks = palette.class_breaks(11)
    svg = svg_of(zone_map_svg(ZONES, values, names=NAMES, label="m", breaks=breaks,
                              notes={z: f"{v} prog." for z, v in values.items()}).html)
    assert sorted(zone_fills(svg)) == sorted(palette.color_for(v, breaks) for v in values.values())
    assert svg.count(" prog.</text>") >= 1  # the values are written on the zones (those with room)


def test_dashed_zones_outlines_markers_and_uniform_fill() -> None:
    comuni_7 = [f for f in COMUNI["features"] if f["properties"]["zone_id"] == "7"]
    outlines = [(f["geometry"], f["properties"]["confidence"] == "inferred") for f in comuni_7]
    svg = svg_of(zone_map_svg(ZONES, {}, names=NAMES, label="m", dashed=("3", "9"), outlines=outlines,
                              markers=[(7.87, 45.47)], uniform_fill="#abcdef", focus=("7",), fit=("7",)).html)
    assert svg.count('stroke-dasharray="8 5"') == 2
    assert svg.count('fill="none" stroke="#555555"') == len(comuni_7) == 40
    assert svg.count('stroke-dasharray="3 3"') == sum(inferred for _, inferred in outlines)
    assert svg.count('stroke-dasharray="3 2"') == 1  # the place marker
    assert set(zone_fills(svg)) == {"#abcdef"}
    for x, y in re.findall(r'<text x="([\d.-]+)" y="([\d.-]+)"', svg):  # labels only for zones in the view
        assert 0 <= float(x) <= 900
        assert 0 <= float(y) <= 620


def test_hostile_names_and_label_stay_text() -> None:
    hostile = {z: f'<img src=x onerror="alert({z})">&"' for z in NAMES}
    drawn = zone_map_svg(ZONES, {}, names=hostile, label='<script>alert(1)</script>"',
                         notes=dict.fromkeys(NAMES, "<b>"))
    svg = svg_of(drawn.html)
    assert "<img" not in svg
    assert "<script" not in svg
    assert "<b>" not in svg
    assert "<script" not in drawn.html  # the alt text escaped too
    assert "&lt;img src=x onerror=" in svg  # shown as text
