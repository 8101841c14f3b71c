"""Maps as GeoJSON (RFC 7946): the zones with the figures a map shows, and the projects behind them.

A planner takes the current view into QGIS: the same numbers as the page's table, in WGS84 (RFC 7946 has no other
CRS and no `crs` member), polygons wound by the right-hand rule (exterior rings counter-clockwise), coordinates
kept to 6 decimals (~0.1 m). Every feature says where its figures come from (`source`: `report`, `scenario`,
`difference`, or `participants` for who took part), so a hypothesis or an answer never passes for a fact of the
report; the properties are documented in `psm_data/datapackage.json` (`psm:mapExportProperties`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

SOURCES = ("report", "scenario", "difference", "participants")
PROJECT_SOURCE = "report"
PLACE_BASIS = "place"
_DECIMALS = 6


def _right_hand(geometry: BaseGeometry) -> BaseGeometry:
    """Exterior rings counter-clockwise, holes clockwise (RFC 7946, section 3.1.6)."""
    if geometry.geom_type == "Polygon":
        return orient(geometry, sign=1.0)
    if geometry.geom_type == "MultiPolygon":
        return type(geometry)([orient(p, sign=1.0) for p in geometry.geoms])
    return geometry


def _rounded(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), _DECIMALS)
    return [_rounded(c) for c in coords]


def _geometry(geometry: BaseGeometry) -> dict[str, Any]:
    geo = mapping(_right_hand(geometry))
    return {"type": geo["type"], "coordinates": _rounded(geo["coordinates"])}


def _plain(value: Any) -> Any:
    """Numpy and pandas scalars as JSON values; NaN as null (JSON has no NaN)."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (tuple, list)):
        return ";".join(map(str, value))
    return value


def zone_shapes(zones_geojson: Mapping[str, Any]) -> dict[str, BaseGeometry]:
    return {str(f["properties"]["zone_id"]): shape(f["geometry"]) for f in zones_geojson["features"]}


def zones_collection(zones_geojson: Mapping[str, Any], table: pd.DataFrame, *, source: str,
                     view: Mapping[str, Any]) -> dict[str, Any]:
    """One feature per row of `table` (keyed by `zone_id`), its columns as properties, plus `source`.

    `view` says what the map shows (strategy, axis, metric, selected zones, scenario link): it goes in the
    collection's `psm:view` member, which GeoJSON readers ignore and a person can read.
    """
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    shapes = zone_shapes(zones_geojson)
    features = []
    for row in table.to_dict(orient="records"):
        zone_id = str(row["zone_id"])
        properties = {key: _plain(value) for key, value in row.items()}
        properties["zone_id"] = zone_id
        properties["source"] = source
        features.append({"type": "Feature", "id": zone_id, "properties": properties,
                         "geometry": _geometry(shapes[zone_id])})
    return {"type": "FeatureCollection", "psm:view": {k: _plain(v) for k, v in view.items()}, "features": features}


def projects_collection(zones_geojson: Mapping[str, Any], projects: pd.DataFrame,
                        deduced: pd.DataFrame | None = None) -> dict[str, Any]:
    """The localised projects of the view, each drawn as the zone(s) it is attributed to (the report gives no
    point): `zone_basis` says how (`number`/`name`: the report states it; `place`: deduced from its place, counted
    apart and marked `zona_dedotta_dal_luogo`)."""
    shapes = zone_shapes(zones_geojson)
    features = []

    def add(frame: pd.DataFrame, deduced_zone: bool) -> None:
        for row in frame.to_dict(orient="records"):
            zones = tuple(str(z) for z in row["zone_ids"])
            if not zones:
                continue
            properties = {
                "project_id": row["project_id"], "name": row["name"],
                "strategy_ids": ";".join(row["strategy_ids"]), "zone_ids": ";".join(zones),
                "zone_basis": PLACE_BASIS if deduced_zone else row.get("zone_basis", ""),
                "zona_dedotta_dal_luogo": deduced_zone,
                "source": PROJECT_SOURCE, "source_quote": row["source_quote"],
            }
            geometry = unary_union([shapes[z] for z in zones])
            features.append({"type": "Feature", "id": row["project_id"], "properties": properties,
                             "geometry": _geometry(geometry)})

    add(projects, False)
    if deduced is not None:
        add(deduced, True)
    return {"type": "FeatureCollection", "features": features}


def boundaries_collection(collection: Mapping[str, Any]) -> dict[str, Any]:
    """Boundary features as they are (e.g. a zone's comuni with their population and confidence), rewound by the
    right-hand rule and rounded like every other export, each marked `source = report` (the geodata's)."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {**f["properties"], "source": PROJECT_SOURCE},
         "geometry": _geometry(shape(f["geometry"]))} for f in collection["features"]]}


def to_bytes(collection: Mapping[str, Any]) -> bytes:
    """UTF-8 JSON, compact: what the download button hands over."""
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def exterior_rings_counter_clockwise(collection: Mapping[str, Any]) -> Iterable[bool]:
    """For tests and checks: whether each polygon's exterior ring follows the right-hand rule."""
    for feature in collection["features"]:
        geometry = shape(feature["geometry"])
        polygons = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
        for polygon in polygons:
            yield polygon.exterior.is_ccw
