"""Where each participant text stands in the paper: under a need, or among an axis's new needs.

A text stands where the facilitator linked it (`links`: a need of the report, or a new need on an axis), else
under its own need (a comment's need, the need a proposal's writer chose), else under the matcher's top
suggestion (marked as suggested), else among its axis's new needs. Near-duplicates under one place are listed
once with their count. The matcher is `psm_data.matching` when it is installed; any callable
`rank_needs(text, k) -> [(need_id, score)]` will do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from psm_data.analysis import fold

RankNeeds = Callable[..., list[tuple[str, float]]]
GroupSimilar = Callable[[Sequence[str]], object]


@dataclass(frozen=True)
class PlacedText:
    need_id: str  # '' = a new need on `axis_id`
    axis_id: str
    link: str  # own | confirmed | suggested | new
    body: str
    kind: str
    codes: tuple[str, ...]  # events it was written at
    zones: tuple[str, ...]  # declared zones of its writers
    count: int


def default_matcher() -> tuple[RankNeeds | None, GroupSimilar | None]:
    """The matching package's functions, or (None, None) when it is not there."""
    try:
        from psm_data import matching  # noqa: PLC0415 - optional: built on another branch
    except ImportError:
        return None, None
    return getattr(matching, "rank_needs", None), getattr(matching, "group_similar", None)


def _plain_key(body: str) -> str:
    return re.sub(r"\W+", " ", fold(body)).strip()


def _groups(bodies: list[str], group_similar: GroupSimilar | None) -> list[list[int]]:
    """Indices of near-duplicates together; falls back to the same words ignoring case, accents, punctuation."""
    if group_similar is not None and len(bodies) > 1:
        found = group_similar(bodies)
        groups = _as_index_groups(found, len(bodies))
        if groups is not None:
            return groups
    by_key: dict[str, list[int]] = {}
    for i, body in enumerate(bodies):
        by_key.setdefault(_plain_key(body), []).append(i)
    return list(by_key.values())


def _as_index_groups(found: object, n: int) -> list[list[int]] | None:
    """Accept the usual shapes of a grouping: a label per text, or lists of indices."""
    if isinstance(found, Mapping):
        found = list(found.values())
    items = list(found) if found is not None else []
    if len(items) == n and all(isinstance(x, int | str) and not isinstance(x, bool) for x in items):
        by_label: dict[object, list[int]] = {}
        for i, label in enumerate(items):
            by_label.setdefault(label, []).append(i)
        return list(by_label.values())
    if all(isinstance(g, list | tuple | set | frozenset) for g in items):
        seen: set[int] = set()
        groups = []
        for g in items:
            idx = [int(i) for i in g if isinstance(i, int) and 0 <= i < n and i not in seen]
            seen.update(idx)
            if idx:
                groups.append(sorted(idx))
        groups.extend([i] for i in range(n) if i not in seen)
        return groups
    return None


def _place_one(own_need: object, own_axis: object, stored: tuple[str, str] | None, body: str,
               need_axis: Mapping[str, str], rank_needs: RankNeeds | None) -> tuple[str, str, str]:
    """(need_id, axis_id, link) of one text or verbale point, by the rule of the module docstring."""
    own = own_need if isinstance(own_need, str) and own_need in need_axis else ""
    axis = own_axis if isinstance(own_axis, str) and own_axis else ""
    need, link = "", ""
    if stored is not None:
        linked_need, linked_axis = stored
        if linked_need in need_axis:
            need, link = linked_need, "confirmed"
        else:
            link, axis = "new", linked_axis or axis
    if not link and own:
        need, link = own, "own"
    if not link and rank_needs is not None:
        ranked = rank_needs(body, k=1)
        if ranked and ranked[0][0] in need_axis:
            need, link = ranked[0][0], "suggested"
    if not link:
        link = "new"
    return need, need_axis[need] if need else axis, link


def place_verbale(verbale: pd.DataFrame, need_axis: Mapping[str, str], *,
                  rank_needs: RankNeeds | None = None) -> pd.DataFrame:
    """The tables' verbale points placed like participants' texts: under the need the point states, else (a new
    need, or none) under the matcher's top need marked suggested, else among its axis's new needs. Adds
    `placed_need` ('' = new need), `placed_axis` and `link`; each point stays one row (a table's record)."""
    placed = [_place_one(r.need_id, r.axis_id, None, str(r.body), need_axis, rank_needs)
              for r in verbale.itertuples()]
    return verbale.assign(placed_need=[p[0] for p in placed], placed_axis=[p[1] for p in placed],
                          link=[p[2] for p in placed])


def place_texts(texts: pd.DataFrame, need_axis: Mapping[str, str], *,
                links: Mapping[int, tuple[str, str]] | None = None,
                rank_needs: RankNeeds | None = None, group_similar: GroupSimilar | None = None) -> list[PlacedText]:
    """Every approved text placed (see module docstring), near-duplicates folded, in the texts' order."""
    links = links or {}
    rows = []
    for r in texts.itertuples():
        need, axis, link = _place_one(r.need_id, r.axis_id, links.get(int(r.text_id)), str(r.body), need_axis,
                                      rank_needs)
        zone = r.declared_zone if isinstance(r.declared_zone, str) and r.declared_zone else ""
        rows.append((need, axis, link, str(r.body), str(r.kind), str(r.code), zone))
    placed: list[PlacedText] = []
    by_place: dict[tuple[str, str, str, str], list[int]] = {}
    for i, (need, axis, link, _body, kind, _code, _zone) in enumerate(rows):
        by_place.setdefault((need, axis, link, kind), []).append(i)
    order: list[tuple[int, PlacedText]] = []
    for (need, axis, link, kind), members in by_place.items():
        for group in _groups([rows[i][3] for i in members], group_similar):
            chosen = [rows[members[j]] for j in group]
            first = members[group[0]]
            order.append((first, PlacedText(
                need, axis, link, chosen[0][3], kind, tuple(dict.fromkeys(c[5] for c in chosen)),
                tuple(dict.fromkeys(c[6] for c in chosen if c[6])), len(chosen))))
    placed = [p for _i, p in sorted(order, key=lambda x: x[0])]
    return placed
