"""Places that lie in one zone: a zone deduced from a project's `places` when the report names no zone.

The rule (shown on *Indicazioni e fonti*): a project the report ties to places only (`scope` = `unspecified`) is
shown on a zone too, marked *zona dedotta dal luogo*, when every place it names resolves to comuni and all those
comuni lie in that one zone according to `comuni.csv`. A place resolves when it is

- a comune, by its name in `comuni.csv` ("Ivrea"; "Città di Torino" is the comune of Torino), or
- an area listed in `place_areas.csv` with its comuni and a cited reference (a valley).

Anything else stays unlocalised and says why: a place that is neither (an area with no cited list of comuni, a
line between two places), or places whose comuni span several zones. The deduced zone is computed here from
`places` + `comuni.csv` + `place_areas.csv` (no hand-copied derived data), never written into `projects.csv`, and
counted apart from the zones the report states (`zone_basis` = `place`).
"""

from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd
import shapely

from psm_data.analysis import fold
from psm_data.schema import LIST_SEPARATOR, PLACE_BASIS

#: Outcome of the rule for one project.
DEDUCED, SPANS_ZONES, UNRESOLVED = "deduced", "spans_zones", "unresolved"
_PREFIXES = ("citta di ", "comune di ")
RESOLUTION_COLUMNS = ["project_id", "name", "strategy_ids", "places", "outcome", "zone_id", "zones", "comuni",
                      "unresolved", "references"]


def place_key(place: str) -> str:
    """The comparable form of a place name: no brackets, accents or case; 'Città di X' is the comune X."""
    key = fold(re.sub(r"[()]", " ", place)).strip()
    key = " ".join(key.split())
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
    return key


def split_places(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split(LIST_SEPARATOR) if p.strip())


def resolve_places(projects: pd.DataFrame, comuni: pd.DataFrame, place_areas: pd.DataFrame) -> pd.DataFrame:
    """One row per unlocalised project that names places: the outcome of the rule and why.

    Columns: project_id, name, strategy_ids, places (tuple), outcome (deduced | spans_zones | unresolved),
    zone_id (the deduced zone, '' otherwise), zones (zones the resolved places touch), comuni (names the places
    resolve to), unresolved (places that are neither a comune nor a listed area), references (the sources cited
    for the areas used)."""
    comune_zone = {place_key(n): (n, z) for n, z in zip(comuni["name"], comuni["zone_id"], strict=True)}
    areas = {place_key(p): (tuple(c), s) for p, c, s in
             zip(place_areas["place"], place_areas["comuni"], place_areas["source"], strict=True)}
    zone_of = dict(zip(comuni["name"], comuni["zone_id"], strict=True))
    order = {z: i for i, z in enumerate(dict.fromkeys(comuni["zone_id"].sort_values(key=lambda s: s.astype(int))))}
    rows = []
    candidates = projects[(projects["scope"] == "unspecified") & (projects["places"].str.strip() != "")]
    for p in candidates.itertuples():
        places = split_places(p.places)
        names: list[str] = []
        unresolved: list[str] = []
        references: list[str] = []
        for place in places:
            key = place_key(place)
            if key in comune_zone:
                names.append(comune_zone[key][0])
            elif key in areas:
                names.extend(areas[key][0])
                references.append(areas[key][1])
            else:
                unresolved.append(place)
        zones = tuple(sorted({zone_of[n] for n in names}, key=lambda z: order.get(z, 99)))
        if unresolved:
            outcome = UNRESOLVED
        elif len(zones) == 1:
            outcome = DEDUCED
        else:
            outcome = SPANS_ZONES
        rows.append((p.project_id, p.name, p.strategy_ids, places, outcome, zones[0] if outcome == DEDUCED else "",
                     zones, tuple(dict.fromkeys(names)), tuple(unresolved), tuple(references)))
    return pd.DataFrame(rows, columns=RESOLUTION_COLUMNS)


def place_localised(projects: pd.DataFrame, resolutions: pd.DataFrame) -> pd.DataFrame:
    """The projects whose zone is deduced from their places, shaped like `projects` with that zone in `zone_ids`
    and `zone_basis` = 'place': the analysis functions work on it, kept apart from the report-stated frame."""
    deduced = resolutions[resolutions["outcome"] == DEDUCED]
    zone = dict(zip(deduced["project_id"], deduced["zone_id"], strict=True))
    out = projects[projects["project_id"].isin(zone)].copy()
    out["zone_ids"] = out["project_id"].map(lambda pid: (zone[pid],))
    out["zone_basis"] = PLACE_BASIS
    return out.reset_index(drop=True)


def place_points(resolutions: pd.DataFrame, comune_shapes: gpd.GeoDataFrame) -> dict[str, tuple[float, float]]:
    """Where to mark each deduced project on a map: a point inside its places' comuni, as (lon, lat)."""
    points = {}
    for r in resolutions[resolutions["outcome"] == DEDUCED].itertuples():
        shapes = comune_shapes[comune_shapes["name"].isin(r.comuni)]
        point = shapely.union_all(shapes.geometry.values).representative_point()
        points[r.project_id] = (round(point.x, 5), round(point.y, 5))
    return points
