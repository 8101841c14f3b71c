"""Who took part, without who: counts of participants per day, zone, role and channel, per 10 000 inhabitants,
and agreement with every zone weighing the same. Pure pandas on `EventStore.participants_frame` and
`answers_frame`, so the facilitator's view, *Partecipazione*, *Zona* and the public page read one set of numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from psm_data.events.results import agreement, answer_counts
from psm_data.events.vocabulary import ORIGINS, ROLES

NO_ZONE = ""  # a participant who declared no zone
#: A zone with fewer voters on a need than this is left out of the zone-balanced agreement (and named).
MIN_ZONE_VOTERS = 5


def per_day(people: pd.DataFrame) -> pd.DataFrame:
    """Participants per day they first answered, split by channel (columns: day, then one per origin)."""
    if people.empty:
        return pd.DataFrame(columns=["day", *ORIGINS])
    days = pd.to_datetime(people["joined_at"]).dt.strftime("%Y-%m-%d")
    table = (people.assign(day=days).groupby(["day", "origin"]).size().unstack("origin", fill_value=0)
             .reindex(columns=list(ORIGINS), fill_value=0))
    return table.reset_index().rename_axis(columns=None)


def per_zone(people: pd.DataFrame, population: pd.Series) -> pd.DataFrame:
    """Per zone (every zone of `population`, indexed by zone id): participants, per 10 000 inhabitants, share of
    participants who declared a zone, share of the population, and a flag for zones nobody declared."""
    declared = people["zone_id"].dropna().astype(str)
    declared = declared[declared != NO_ZONE]
    counts = declared.value_counts().reindex(population.index.astype(str), fill_value=0)
    pop = population.astype(float).set_axis(population.index.astype(str))
    total = int(counts.sum())
    table = pd.DataFrame({
        "zone_id": counts.index,
        "participants": counts.to_numpy().astype(int),
        "per_10k": (counts / pop * 10_000).round(2).to_numpy(),
        "participants_share": (counts / total).round(4).to_numpy() if total else 0.0,
        "population_share": (pop / pop.sum()).round(4).to_numpy(),
    })
    table["unheard"] = table["participants"] == 0
    return table


def undeclared(people: pd.DataFrame) -> int:
    """Participants who declared no zone (shown apart, never spread over the zones)."""
    zones = people["zone_id"].fillna(NO_ZONE).astype(str)
    return int((zones == NO_ZONE).sum())


def by_role_and_origin(people: pd.DataFrame) -> pd.DataFrame:
    """Participants per declared role (rows, '' for none) and channel (columns web / paper / online)."""
    roles = people["role"].fillna(NO_ZONE).astype(str)
    table = (people.assign(role=roles).groupby(["role", "origin"]).size().unstack("origin", fill_value=0)
             .reindex(index=[*ROLES, NO_ZONE], columns=list(ORIGINS), fill_value=0))
    return table[table.sum(axis=1) > 0].reset_index().rename_axis(columns=None)


def balanced_agreement(answers: pd.DataFrame, need_ids: Iterable[str] | None = None, *,
                       min_zone_voters: int = MIN_ZONE_VOTERS) -> pd.DataFrame:
    """Per need: agreement as answered beside agreement with every zone weighing the same.

    The balanced figure is the plain mean of each declared zone's agreement (the one definition in
    `results.agreement`), over the zones with at least `min_zone_voters` voters on that need; the zones left out
    are named in `zones_left_out`, the zones used in `zones_used`. Answers with no declared zone count in the
    first figure only. A need whose two figures differ much is carried by one zone."""
    counts = answer_counts(answers)
    zoned = answers[answers["zone_id"].notna() & (answers["zone_id"].astype(str) != NO_ZONE)]
    by_zone = answer_counts(zoned.assign(zone_id=zoned["zone_id"].astype(str)), by=("need_id", "zone_id")) \
        if len(zoned) else pd.DataFrame(columns=["n_agree", "n_partly", "n_disagree", "voters"])
    needs = list(need_ids) if need_ids is not None else sorted(counts.index)
    rows = []
    for need in needs:
        row = counts.loc[need] if need in counts.index else None
        as_answered = float(agreement(*(pd.Series([row[c]]) for c in ("n_agree", "n_partly", "n_disagree")))[0]) \
            if row is not None else float("nan")
        if len(by_zone) and need in by_zone.index.get_level_values(0):
            zones = by_zone.xs(need, level="need_id")
        else:
            zones = pd.DataFrame(columns=["n_agree", "n_partly", "n_disagree", "voters"], index=pd.Index([], dtype=str))
        kept = zones[zones["voters"] >= min_zone_voters]
        shares = agreement(kept["n_agree"], kept["n_partly"], kept["n_disagree"]).dropna()
        rows.append({
            "need_id": need,
            "voters": int(row["voters"]) if row is not None else 0,
            "agreement": round(as_answered, 4),
            "agreement_zone_balanced": round(float(shares.mean()), 4) if len(shares) else float("nan"),
            "zones_used": ";".join(sorted(shares.index.astype(str), key=_zone_order)),
            "zones_left_out": ";".join(sorted(zones.index[zones["voters"] < min_zone_voters].astype(str),
                                              key=_zone_order)),
        })
    return pd.DataFrame(rows, columns=["need_id", "voters", "agreement", "agreement_zone_balanced", "zones_used",
                                       "zones_left_out"])


def _zone_order(zone_id: str) -> tuple[int, str]:
    return (int(zone_id), zone_id) if zone_id.isdigit() else (10_000, zone_id)
