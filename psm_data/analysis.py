"""Pure analysis over the curated frames: counts per zone, coverage, gaps, search.

Functions take DataFrames and plain values and return DataFrames or plain values, so they are tested on
small hand-made frames. A zone selection is a tuple of zone ids; the empty tuple means "all zones".
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from psm_data.schema import TRANSVERSAL

if TYPE_CHECKING:
    from psm_data.loader import Dataset

PER_CAPITA_BASE = 100_000


def resolve_zones(selection: Sequence[str], all_zone_ids: Sequence[str]) -> tuple[str, ...]:
    """The what-if filter: an empty selection means every zone; order follows `all_zone_ids`."""
    chosen = set(selection)
    return tuple(z for z in all_zone_ids if not chosen or z in chosen)


def strategy_axis(strategy_id: str) -> str:
    return strategy_id.split(".", 1)[0]


def project_links(projects: pd.DataFrame) -> pd.DataFrame:
    """One row per (project, strategy, zone); zone_id is '' for projects the report ties to no zone."""
    rows = [
        (p.project_id, sid, strategy_axis(sid), zid, p.scope)
        for p in projects.itertuples()
        for sid in p.strategy_ids
        for zid in (p.zone_ids or ("",))
    ]
    return pd.DataFrame(rows, columns=["project_id", "strategy_id", "axis_id", "zone_id", "scope"])


def filter_projects(projects: pd.DataFrame, *, axis_id: str | None = None, strategy_id: str | None = None,
                    zones: Sequence[str] | None = None) -> pd.DataFrame:
    """Projects on an axis/strategy; with `zones`, only those localised in at least one of them."""
    mask = pd.Series(True, index=projects.index)
    if strategy_id:
        mask &= projects["strategy_ids"].map(lambda ids: strategy_id in ids)
    elif axis_id:
        mask &= projects["strategy_ids"].map(lambda ids: any(strategy_axis(s) == axis_id for s in ids))
    if zones is not None:
        wanted = set(zones)
        mask &= projects["zone_ids"].map(lambda ids: bool(wanted.intersection(ids)))
    return projects[mask]


def split_by_scope(projects: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Localised, metropolitan-wide and unlocalised projects: shown apart, never silently dropped."""
    return {scope: projects[projects["scope"] == scope] for scope in ("zones", "metropolitan", "unspecified")}


def projects_per_zone(projects: pd.DataFrame, zones: pd.DataFrame) -> pd.DataFrame:
    """Every zone (zeros included) with its count of localised projects and the rate per 100 000."""
    counts = dict.fromkeys(zones["zone_id"], 0)
    for ids in projects["zone_ids"]:
        for z in ids:
            if z in counts:
                counts[z] += 1
    out = zones[["zone_id", "name", "population"]].reset_index(drop=True)
    out["n_projects"] = np.array(list(counts.values()), dtype="int64")
    out["per_100k"] = per_capita(out["n_projects"], out["population"])
    return out


def per_capita(count: pd.Series, population: pd.Series) -> pd.Series:
    """Projects per 100 000 inhabitants, rounded to 2 decimals (0 where population is 0)."""
    rate = count.astype("float64") * PER_CAPITA_BASE / population.where(population > 0)
    return rate.fillna(0.0).round(2)


def zone_axis_matrix(projects: pd.DataFrame, zones: pd.DataFrame, axis_ids: Sequence[str],
                     selection: Sequence[str] = ()) -> pd.DataFrame:
    """Zone × axis project counts (index zone_id, columns axis ids), all cells present, zeros visible.

    A project on two strategies of the same axis counts once for that axis."""
    zone_ids = resolve_zones(selection, tuple(zones["zone_id"]))
    return _count_matrix(projects, zone_ids, axis_ids, "axis_id", strategy_axis)


def zone_strategy_matrix(projects: pd.DataFrame, zones: pd.DataFrame, strategy_ids: Sequence[str],
                         selection: Sequence[str] = ()) -> pd.DataFrame:
    """Zone × strategy project counts, all cells present so empty cells are visible."""
    zone_ids = resolve_zones(selection, tuple(zones["zone_id"]))
    return _count_matrix(projects, zone_ids, strategy_ids, "strategy_id", lambda sid: sid)


def _count_matrix(projects: pd.DataFrame, zone_ids: Sequence[str], column_ids: Sequence[str], columns_name: str,
                  column_of: Callable[[str], str]) -> pd.DataFrame:
    """Zone × column counts of distinct projects (a project counts once per cell), zeros kept.

    Plain counting over the ~100 projects: the pandas crosstab it replaces cost ~7 ms per call, and the coverage
    page makes several per run."""
    rows, cols = {z: i for i, z in enumerate(zone_ids)}, {c: j for j, c in enumerate(column_ids)}
    counts = [[0] * len(cols) for _ in rows]
    for zids, sids in zip(projects["zone_ids"], projects["strategy_ids"], strict=True):
        cells = {(rows[z], cols[c]) for z in zids if z in rows for c in map(column_of, sids) if c in cols}
        for i, j in cells:
            counts[i][j] += 1
    matrix = pd.DataFrame(counts, index=pd.Index(list(zone_ids), name="zone_id"),
                          columns=pd.Index(list(column_ids), name=columns_name), dtype="int64")
    return matrix


def strategy_coverage(strategies: pd.DataFrame, projects: pd.DataFrame, zone_ids: Sequence[str],
                      selection: Sequence[str] = ()) -> pd.DataFrame:
    """Per strategy: the report's status, all its projects, those localised in the selection, the rest.

    Counts distinct projects by plain counting (the groupby version cost ~8 ms per call on ~100 projects)."""
    selected = set(resolve_zones(selection, zone_ids))
    found: dict[str, tuple[set[str], set[str], set[str], set[str]]] = {}
    for pid, sids, zids, scope in zip(projects["project_id"], projects["strategy_ids"], projects["zone_ids"],
                                      projects["scope"], strict=True):
        inside = not selected.isdisjoint(zids)
        for sid in sids:
            every, in_selection, metropolitan, unspecified = found.setdefault(sid, (set(), set(), set(), set()))
            every.add(pid)
            if inside:
                in_selection.add(pid)
            if scope == "metropolitan":
                metropolitan.add(pid)
            elif scope == "unspecified":
                unspecified.add(pid)
    empty: tuple[set[str], ...] = (set(), set(), set(), set())
    sets = [found.get(sid, empty) for sid in strategies["strategy_id"]]
    out = strategies[["strategy_id", "axis_id", "title", "status"]].reset_index(drop=True)
    counts = np.array([[len(s) for s in found_sets] for found_sets in sets], dtype="int64").reshape(len(sets), 4)
    out[["n_projects", "n_in_selection", "n_metropolitan", "n_unspecified"]] = counts
    return out


def status_by_axis(strategies: pd.DataFrame, statuses: Sequence[str]) -> pd.DataFrame:
    """Axis × status counts of strategies, as the report classifies them."""
    table = pd.crosstab(strategies["axis_id"], strategies["status"])
    return table.reindex(columns=list(statuses), fill_value=0).astype("int64")


@dataclass(frozen=True)
class Gap:
    """One plain-language gap; `kind` picks the sentence template in the UI strings."""

    kind: str  # strategy_no_actions | strategy_not_in_selection | zone_axis_empty
    strategy_id: str = ""
    zone_id: str = ""
    axis_id: str = ""
    n_elsewhere: int = 0  # metropolitan or unlocalised projects that may still touch the selection
    zones_elsewhere: tuple[str, ...] = ()  # zones outside the selection with projects localised there for it
    place_zones: tuple[str, ...] = ()  # zones deduced from the places of its unlocalised projects (places rule)


def find_gaps(strategies: pd.DataFrame, projects: pd.DataFrame, zones: pd.DataFrame,
              axis_ids: Sequence[str], selection: Sequence[str] = (), axis_id: str | None = None,
              place_localised: pd.DataFrame | None = None) -> list[Gap]:
    """What is missing for a zone selection: strategies with no action, zones with no project on an axis.

    A strategy counts as a gap for the selection when no project localised in the selected zones
    addresses it; alongside, where its projects are: metropolitan-wide or unlocalised (`n_elsewhere`), the zones
    outside the selection that have projects localised for it (`zones_elsewhere`), and the zones deduced from
    the places of its unlocalised projects (`place_zones`, from `places.place_localised`; never counted as
    localised). A planner deciding where to start something sees where the strategy already runs.
    A strategy the report says had no action stays `strategy_no_actions` while no project at all addresses it
    (a scenario's hypothetical project can change that)."""
    zone_ids = tuple(zones["zone_id"])
    coverage = strategy_coverage(strategies, projects, zone_ids, selection)
    outside = set(zone_ids) - set(resolve_zones(selection, zone_ids))
    zones_of = _zones_by_strategy(projects, outside, zone_ids)
    place_zones_of = {} if place_localised is None else _zones_by_strategy(place_localised, set(zone_ids), zone_ids)
    gaps: list[Gap] = []
    for sid, aid, status, n_projects, n_in, n_metro, n_unspec in zip(
            *(coverage[c].tolist() for c in ("strategy_id", "axis_id", "status", "n_projects", "n_in_selection",
                                             "n_metropolitan", "n_unspecified")), strict=True):
        if axis_id and aid != axis_id:
            continue
        if status == "no_actions" and n_projects == 0:
            gaps.append(Gap("strategy_no_actions", strategy_id=sid, axis_id=aid))
        elif n_in == 0:
            gaps.append(Gap("strategy_not_in_selection", strategy_id=sid, axis_id=aid,
                            n_elsewhere=int(n_metro + n_unspec), zones_elsewhere=zones_of.get(sid, ()),
                            place_zones=place_zones_of.get(sid, ())))
    axes = [axis_id] if axis_id else list(axis_ids)
    matrix = zone_axis_matrix(projects, zones, axes, selection)
    for zid, row in zip(matrix.index, matrix.to_numpy().tolist(), strict=True):
        gaps.extend(Gap("zone_axis_empty", zone_id=zid, axis_id=aid) for aid, n in zip(axes, row, strict=True)
                    if n == 0)
    return gaps


def _zones_by_strategy(projects: pd.DataFrame, among: set[str],
                       zone_order: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Strategy id → the zones of `among` where some project of `projects` is localised for it (in zone order)."""
    found: dict[str, set[str]] = {}
    for zids, sids in zip(projects["zone_ids"], projects["strategy_ids"], strict=True):
        hit = among.intersection(zids)
        if hit:
            for sid in sids:
                found.setdefault(sid, set()).update(hit)
    order = {z: i for i, z in enumerate(zone_order)}
    return {sid: tuple(sorted(zs, key=order.__getitem__)) for sid, zs in found.items()}


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Accent- and case-insensitive form, so 'citta' finds 'Città' and 'CICLABIL' finds 'ciclabili'.

    Remembered: a search folds the same few hundred needs and proposals on every run."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def theme_axes(themes: pd.DataFrame, axis_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Theme id → the axes it links to; a transversal theme links to every axis."""
    return {
        t.theme_id: tuple(axis_ids) if TRANSVERSAL in t.axis_links else tuple(t.axis_links)
        for t in themes.itertuples()
    }


def theme_axis_matrix(themes: pd.DataFrame, axis_ids: Sequence[str]) -> pd.DataFrame:
    """Theme × axis link type: 'link' where the report names the axis, 'trasversale', or ''."""
    rows = {}
    for t in themes.itertuples():
        transversal = TRANSVERSAL in t.axis_links
        rows[t.theme_id] = ["trasversale" if transversal else ("link" if a in t.axis_links else "")
                            for a in axis_ids]
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(axis_ids))


def text_matches(text: str, query: str) -> bool:
    """True when `text` contains every term of `query` (accent- and case-insensitive); an empty query matches."""
    folded = fold(text)
    return all(term in folded for term in (fold(q) for q in query.split()))


def search_needs(needs: pd.DataFrame, proposals: pd.DataFrame, *, query: str = "",
                 axis_ids: Sequence[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Needs and proposals matching a text query (accent-insensitive) on the given axes.

    A need matches when its own text or any of its proposals match; a proposal is kept when it or its
    need matches, so a need is always shown with the proposals that explain the hit."""
    needs_in = needs if axis_ids is None else needs[needs["axis_id"].isin(axis_ids)]
    props_in = proposals[proposals["need_id"].isin(needs_in["need_id"])]
    if not query.split():
        return needs_in, props_in
    need_hit = needs_in["title"].map(lambda text: text_matches(text, query))
    prop_hit = props_in["text"].map(lambda text: text_matches(text, query))
    hit_need_ids = set(needs_in.loc[need_hit, "need_id"]) | set(props_in.loc[prop_hit, "need_id"])
    props_out = props_in[prop_hit | props_in["need_id"].isin(set(needs_in.loc[need_hit, "need_id"]))]
    return needs_in[needs_in["need_id"].isin(hit_need_ids)], props_out


def search_themes(themes: pd.DataFrame, query: str = "") -> pd.DataFrame:
    """Themes whose title or description contains every query term (accent-insensitive)."""
    if not query.split():
        return themes
    text = themes["title"] + " " + themes["description"]
    return themes[text.map(lambda t: text_matches(t, query))]


def zone_summary(zone_id: str, zones: pd.DataFrame, comuni: pd.DataFrame, projects: pd.DataFrame,
                 strategies: pd.DataFrame) -> dict[str, object]:
    """Headline facts for one zone's profile."""
    zone = zones[zones["zone_id"] == zone_id].iloc[0]
    mine = comuni[comuni["zone_id"] == zone_id]
    localised = filter_projects(projects, zones=[zone_id])
    covered = sorted({s for ids in localised["strategy_ids"] for s in ids}, key=lambda s: tuple(map(int, s.split("."))))
    return {
        "zone_id": zone_id,
        "name": zone["name"],
        "population": int(zone["population"]),
        "area_km2": float(zone["area_km2"]),
        "n_comuni": int(zone["n_comuni"]),
        "n_inferred": int((mine["confidence"] == "inferred").sum()),
        "n_projects": len(localised),
        "covered_strategies": covered,
        "uncovered_strategies": [s for s in strategies["strategy_id"] if s not in covered],
    }


def headline_figures(data: Dataset) -> dict[str, int]:
    """The numbers on the overview page, computed from the data (never typed in by hand)."""
    method = data.method.set_index("metric_id")["value"]
    return {
        "axes": len(data.axes),
        "strategies": len(data.strategies),
        "strategies_no_actions": int((data.strategies["status"] == "no_actions").sum()),
        "projects": len(data.projects),
        "projects_localised": int((data.projects["scope"] == "zones").sum()),
        "zones": len(data.zones),
        "comuni": len(data.comuni),
        "comuni_inferred": int((data.comuni["confidence"] == "inferred").sum()),
        "needs": len(data.needs),
        "proposals": len(data.proposals),
        "themes": len(data.themes),
        "guidance": len(data.guidance),
        "interviews": int(method.get("interviews", 0)),
        "questionnaire": int(method.get("questionnaire_contributions", 0)),
    }


def confidence_by_zone(comuni: pd.DataFrame, zones: pd.DataFrame) -> pd.DataFrame:
    """Per zone, how many comuni have a sourced and how many an inferred zone assignment."""
    table = pd.crosstab(comuni["zone_id"], comuni["confidence"])
    table = table.reindex(index=list(zones["zone_id"]), columns=["sourced", "inferred"], fill_value=0)
    out = zones[["zone_id", "name", "n_comuni"]].set_index("zone_id").join(table).reset_index()
    return out.astype({"sourced": "int64", "inferred": "int64"})


# --- map and zone pages


def strategies_of_axis(strategies: pd.DataFrame, axis_id: str | None = None) -> tuple[str, ...]:
    """Strategy ids of one axis in the file's order (every strategy when `axis_id` is None or '')."""
    if not axis_id:
        return tuple(strategies["strategy_id"])
    return tuple(strategies.loc[strategies["axis_id"] == axis_id, "strategy_id"])


def zone_counts_table(projects: pd.DataFrame, zones: pd.DataFrame, selection: Sequence[str] = ()) -> pd.DataFrame:
    """The map's text alternative: every zone with its localised project count, rate per 100 000 and whether it
    is in the what-if selection (all zones are when `selection` is empty)."""
    out = projects_per_zone(projects, zones)
    chosen = set(resolve_zones(selection, tuple(zones["zone_id"])))
    out["in_selection"] = out["zone_id"].isin(chosen)
    return out


def zone_comuni(comuni: pd.DataFrame, zone_id: str) -> pd.DataFrame:
    """One zone's comuni, alphabetical: istat_code, name, population, confidence, source."""
    mine = comuni[comuni["zone_id"] == zone_id]
    columns = ["istat_code", "name", "population", "confidence", "source"]
    return mine[columns].sort_values("name", key=lambda s: s.map(fold)).reset_index(drop=True)


def zone_axis_counts(projects: pd.DataFrame, zone_id: str, axes: pd.DataFrame) -> pd.DataFrame:
    """Per axis (all present, zeros kept): how many projects localised in `zone_id` address it.

    A project on two strategies of the same axis counts once for that axis."""
    wanted = set(axes["axis_id"])
    counts = dict.fromkeys(axes["axis_id"], 0)
    for p in projects.itertuples():
        if zone_id in p.zone_ids:
            for a in {strategy_axis(s) for s in p.strategy_ids} & wanted:
                counts[a] += 1
    out = axes[["axis_id", "name"]].copy()
    out["n_projects"] = out["axis_id"].map(counts).astype("int64")
    return out.reset_index(drop=True)


def zone_strategy_table(strategies: pd.DataFrame, projects: pd.DataFrame, zone_id: str,
                        zone_ids: Sequence[str]) -> pd.DataFrame:
    """Per strategy, for one zone: status, projects localised in the zone, metropolitan-wide and unlocalised
    projects, `covered` (at least one project in the zone) and the strategy's source_quote."""
    coverage = strategy_coverage(strategies, projects, zone_ids, (zone_id,))
    out = coverage.rename(columns={"n_in_selection": "n_in_zone"}).drop(columns=["n_projects"])
    out["covered"] = out["n_in_zone"] > 0
    out["source_quote"] = out["strategy_id"].map(dict(zip(strategies["strategy_id"], strategies["source_quote"],
                                                          strict=True)))
    return out


def needs_with_proposals(needs: pd.DataFrame, proposals: pd.DataFrame, axis_ids: Sequence[str]) -> pd.DataFrame:
    """The needs of the given axes, one row each, with their proposals joined as 'a) …' lines ('' if none)."""
    mine = needs[needs["axis_id"].isin(list(axis_ids))]
    texts: dict[str, list[str]] = {}
    for p in proposals.itertuples():
        texts.setdefault(p.need_id, []).append(f"{p.letter}) {p.text}")
    out = mine[["need_id", "axis_id", "title"]].copy()
    out["proposals"] = out["need_id"].map(lambda n: "\n".join(texts.get(n, [])))
    out["source_quote"] = mine["source_quote"]
    return out.reset_index(drop=True)


# --- coverage page and needs page helpers

GAP_KINDS = ("strategy_no_actions", "strategy_not_in_selection", "zone_axis_empty")


def group_gaps(gaps: Sequence[Gap]) -> dict[str, list[Gap]]:
    """Gaps by kind, every kind of `GAP_KINDS` present (possibly empty), in that order; input order kept."""
    grouped: dict[str, list[Gap]] = {kind: [] for kind in GAP_KINDS}
    for gap in gaps:
        grouped.setdefault(gap.kind, []).append(gap)
    return grouped


def gaps_frame(gaps: Sequence[Gap]) -> pd.DataFrame:
    """The gaps as a table (one row per gap), for display and CSV download."""
    columns = ["kind", "strategy_id", "axis_id", "zone_id", "n_elsewhere", "zones_elsewhere", "place_zones"]
    rows = [(g.kind, g.strategy_id, g.axis_id, g.zone_id, g.n_elsewhere, g.zones_elsewhere, g.place_zones)
            for g in gaps]
    frame = pd.DataFrame(rows, columns=columns)
    frame["n_elsewhere"] = frame["n_elsewhere"].astype("int64")
    return frame


def strategy_coverage_table(strategies: pd.DataFrame, projects: pd.DataFrame, zone_ids: Sequence[str],
                            selection: Sequence[str] = (), axis_id: str | None = None) -> pd.DataFrame:
    """`strategy_coverage` on one axis (or all), with the report's description and source quote.

    Adds `n_outside` = metropolitan-wide + unlocalised projects (they may touch the selection too)."""
    coverage = strategy_coverage(strategies, projects, zone_ids, selection)
    extra = strategies.set_index("strategy_id")[["description", "source_quote"]]
    table = coverage.join(extra, on="strategy_id")
    table["n_outside"] = (table["n_metropolitan"] + table["n_unspecified"]).astype("int64")
    if axis_id:
        table = table[table["axis_id"] == axis_id]
    return table.reset_index(drop=True)


def needs_axes(themes: pd.DataFrame, axis_ids: Sequence[str], theme_id: str | None = None,
               axis_id: str | None = None) -> tuple[str, ...]:
    """The axes whose needs to show: all, or the axes a theme links to (a transversal theme keeps all),
    narrowed to one axis when the axis filter is set (possibly leaving none)."""
    axes = tuple(axis_ids)
    if theme_id:
        axes = theme_axes(themes, axis_ids).get(theme_id, axes)
        axes = tuple(a for a in axis_ids if a in axes)
    if axis_id:
        axes = tuple(a for a in axes if a == axis_id)
    return axes


def proposals_by_need(proposals: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """need_id → its proposals in the report's order (needs without proposals are absent)."""
    return dict(iter(proposals.groupby("need_id", sort=False)))


def needs_table(needs: pd.DataFrame, proposals: pd.DataFrame) -> pd.DataFrame:
    """One row per proposal with its need (a need with no proposal gets one row, empty letter/text).

    Columns: need_id, axis_id, need_title, letter, proposal, need_quote, proposal_quote."""
    left = needs[["need_id", "axis_id", "title", "source_quote"]].rename(
        columns={"title": "need_title", "source_quote": "need_quote"})
    right = proposals[["need_id", "letter", "text", "source_quote"]].rename(
        columns={"text": "proposal", "source_quote": "proposal_quote"})
    table = left.merge(right, on="need_id", how="left").fillna("")
    columns = ["need_id", "axis_id", "need_title", "letter", "proposal", "need_quote", "proposal_quote"]
    return table[columns].reset_index(drop=True)


def theme_link_table(themes: pd.DataFrame, axis_ids: Sequence[str]) -> pd.DataFrame:
    """Per theme: id, title, its axis links as the report gives them ('trasversale' or the axis ids),
    description and quote, plus one column per axis from `theme_axis_matrix` ('link', 'trasversale', '')."""
    matrix = theme_axis_matrix(themes, axis_ids)
    base = themes[["theme_id", "title", "axis_links", "description", "source_quote"]].set_index("theme_id")
    return base.join(matrix).reset_index()


def axis_summary(strategies: pd.DataFrame, projects: pd.DataFrame, zone_ids: Sequence[str],
                 selection: Sequence[str] = ()) -> pd.DataFrame:
    """Per axis: strategies, distinct projects, distinct projects localised in the selection, and strategies
    with no project localised there (a project on two strategies of one axis counts once)."""
    selected = set(resolve_zones(selection, zone_ids))
    links = project_links(projects)
    coverage = strategy_coverage(strategies, projects, zone_ids, selection)
    rows = []
    for axis_id in dict.fromkeys(strategies["axis_id"]):
        on_axis = links[links["axis_id"] == axis_id]
        rows.append({
            "axis_id": axis_id,
            "n_strategies": int((strategies["axis_id"] == axis_id).sum()),
            "n_projects": on_axis["project_id"].nunique(),
            "n_in_selection": on_axis[on_axis["zone_id"].isin(selected)]["project_id"].nunique(),
            "n_strategies_without": int(((coverage["axis_id"] == axis_id) & (coverage["n_in_selection"] == 0)).sum()),
        })
    return pd.DataFrame(rows)


def filter_themes(themes: pd.DataFrame, axis_ids: Sequence[str], *, query: str = "", theme_id: str | None = None,
                  axis_id: str | None = None) -> pd.DataFrame:
    """The themes to show: those matching `query` (as `search_themes`), only `theme_id` when given, and with
    the axis filter only those linked to `axis_id` (a transversal theme links to every axis)."""
    out = search_themes(themes, query)
    if theme_id:
        out = out[out["theme_id"] == theme_id]
    if axis_id:
        links = theme_axes(themes, axis_ids)
        out = out[out["theme_id"].map(lambda tid: axis_id in links[tid])]
    return out


def empty_axes_by_zone(gaps: Sequence[Gap]) -> dict[str, tuple[str, ...]]:
    """The `zone_axis_empty` gaps folded per zone (zone id → its axes without projects), in input order,
    so a long list reads "zone 8: axes 1, 4, 5, 6" instead of four lines."""
    out: dict[str, list[str]] = {}
    for gap in gaps:
        if gap.kind == "zone_axis_empty":
            out.setdefault(gap.zone_id, []).append(gap.axis_id)
    return {zone_id: tuple(axes) for zone_id, axes in out.items()}
