"""The data contract: one spec per CSV (columns, ids, allowed values, list columns)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
GEODATA_DIR = DATA_DIR.parent / "geodata"
SOURCE_REPORT = DATA_DIR / "source" / "report.txt"

LIST_SEPARATOR = ";"
#: Strategy status as the report gives it (see README, "Data dictionary").
STATUSES = ("most_reported", "reported", "partial", "no_actions", "not_mentioned")
SCOPES = ("zones", "metropolitan", "unspecified")
ZONE_BASES = ("number", "name", "")
#: The zone_basis of a zone deduced from a project's places (psm_data/places.py): computed, never in projects.csv,
#: and counted apart from the zones the report states.
PLACE_BASIS = "place"
GUIDANCE_AREAS = ("governance", "construction", "participation")
CONFIDENCES = ("sourced", "inferred")
TRANSVERSAL = "trasversale"

EXPECTED_ZONES = 11
EXPECTED_COMUNI = 312


@dataclass(frozen=True)
class TableSpec:
    """What one CSV must contain, so a planner's edit is checked before the app trusts it."""

    file: str
    columns: tuple[str, ...]
    id_column: str | None = None
    required: tuple[str, ...] = ()
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    list_columns: tuple[str, ...] = ()
    int_columns: tuple[str, ...] = ()
    float_columns: tuple[str, ...] = ()


TABLES: dict[str, TableSpec] = {
    "axes": TableSpec("axes.csv", ("axis_id", "name", "source_quote"), "axis_id", ("axis_id", "name", "source_quote")),
    "strategies": TableSpec(
        "strategies.csv",
        ("strategy_id", "axis_id", "title", "status", "description", "official_title",
         "official_title_source", "note", "source_quote"),
        "strategy_id",
        ("strategy_id", "axis_id", "title", "status", "source_quote"),
        enums={"status": STATUSES},
    ),
    "projects": TableSpec(
        "projects.csv",
        ("project_id", "name", "strategy_ids", "zone_ids", "scope", "promoter", "description", "places",
         "zone_basis", "source_quote"),
        "project_id",
        ("project_id", "name", "strategy_ids", "scope", "source_quote"),
        enums={"scope": SCOPES, "zone_basis": ZONE_BASES},
        list_columns=("strategy_ids", "zone_ids"),
    ),
    "needs": TableSpec(
        "needs.csv", ("need_id", "axis_id", "number", "title", "source_quote"), "need_id",
        ("need_id", "axis_id", "number", "title", "source_quote"), int_columns=("number",),
    ),
    "proposals": TableSpec(
        "proposals.csv", ("proposal_id", "need_id", "letter", "text", "source_quote"), "proposal_id",
        ("proposal_id", "need_id", "letter", "text", "source_quote"),
    ),
    "themes": TableSpec(
        "themes.csv", ("theme_id", "number", "title", "axis_links", "description", "source_quote"), "theme_id",
        ("theme_id", "number", "title", "axis_links", "source_quote"),
        list_columns=("axis_links",), int_columns=("number",),
    ),
    "guidance": TableSpec(
        "cmt_guidance.csv", ("guidance_id", "area", "number", "title", "text", "source_quote"), "guidance_id",
        ("guidance_id", "area", "number", "title", "source_quote"),
        enums={"area": GUIDANCE_AREAS}, int_columns=("number",),
    ),
    "method": TableSpec(
        "method.csv", ("metric_id", "label", "value", "unit", "source_quote"), "metric_id",
        ("metric_id", "label", "value", "source_quote"),
    ),
    "zones": TableSpec(
        "zones.csv", ("zone_id", "name", "n_comuni", "population", "area_km2"), "zone_id",
        ("zone_id", "name", "n_comuni", "population", "area_km2"),
        int_columns=("n_comuni", "population"), float_columns=("area_km2",),
    ),
    "comuni": TableSpec(
        "comuni.csv", ("istat_code", "name", "zone_id", "population", "confidence", "source"), "istat_code",
        ("istat_code", "name", "zone_id", "population", "confidence"),
        enums={"confidence": CONFIDENCES}, int_columns=("population",),
    ),
    # Areas the report names as a project's place (a valley), with their comuni from a cited reference: what lets
    # psm_data/places.py deduce a zone for a place that is not a comune. Not a fact of the report: `source` cites.
    "place_areas": TableSpec(
        "place_areas.csv", ("place", "comuni", "source"), "place", ("place", "comuni", "source"),
        list_columns=("comuni",),
    ),
}
