"""What the room said, as pure functions of the answers counted (testable without Streamlit or a database).

Input: the counts `EventStore.answer_counts_frame()` computes in the database (one row per event, need, declared
zone and origin: `n_agree`, `n_partly`, `n_disagree`, `n_unclear`, `stars`), so a results view costs events ×
needs × zones, not answers. The raw `EventStore.answers_frame()` (one row per event, device and need) is accepted
too and counted here first (`as_counts`): the same definitions either way, and the tests check both agree.

Definitions, stated once (the README and the pages repeat them):
- voters: participants who gave an answer (★ alone is not a vote);
- agreement: (D'accordo + ½·In parte) / (D'accordo + In parte + In disaccordo), in 0–1; *Non chiaro* is not an
  opinion on the need, so it is left out of the denominator and counted apart;
- label, only with at least MIN_VOTERS voters (else "pochi voti"): "da riformulare" when UNCLEAR_FLAG or more
  said *Non chiaro*; "consenso" when agreement ≥ 0.7; "divisiva" when both sides weigh at least ⅓
  (agreement between ⅓ and ⅔); otherwise "orientata";
- consensus across zones (Pol.is's group-aware consensus, declared zones as groups): the product over the zones
  whose participants answered the need of (D'accordo + 1) / (answers + 2). Participants without a declared zone
  do not count in it. High only when every zone that took part agrees.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from psm_data.events.vocabulary import ANSWERS, MIN_VOTERS, UNCLEAR_FLAG

CONSENSUS_AGREEMENT = 0.7
DIVISIVE_LOW, DIVISIVE_HIGH = 1 / 3, 2 / 3
LABELS = ("pochi_voti", "da_riformulare", "consenso", "divisiva", "orientata")
SUMMARY_COLUMNS = ["need_id", *(f"n_{a}" for a in ANSWERS), "voters", "agreement", "stars", "label"]
#: The counted columns of a counts frame, and the keys a counts frame may be grouped by.
COUNTED = [*(f"n_{a}" for a in ANSWERS), "stars"]
COUNT_KEYS = ("code", "need_id", "zone_id", "origin")


def as_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """A counts frame as it is; a raw answers frame counted per (event, need, declared zone, origin) the way
    `EventStore.answer_counts_frame` counts in SQL. A missing zone stays None."""
    if "n_agree" in frame.columns:
        return frame
    keys = [k for k in COUNT_KEYS if k in frame.columns]
    if frame.empty:
        return pd.DataFrame(columns=[*keys, *COUNTED])
    flags = pd.DataFrame({f"n_{a}": (frame["answer"] == a).astype("int64") for a in ANSWERS})
    flags["stars"] = frame["star"].astype(bool).astype("int64")
    flags[keys] = frame[keys].astype(object)
    out = flags.groupby(keys, dropna=False, sort=False)[COUNTED].sum().reset_index()
    if "zone_id" in out.columns:
        out["zone_id"] = out["zone_id"].astype(object).where(out["zone_id"].notna(), None)
    return out


def summed(frame: pd.DataFrame, by: Sequence[str] = ("need_id", "zone_id")) -> pd.DataFrame:
    """A counts frame added up over the keys not in `by` (default: over events and origins), a missing zone kept
    as None: the smallest frame every results view of several events needs (needs × zones rows)."""
    counts = as_counts(frame)
    by = list(by)
    if counts.empty:
        return counts[[*by, *COUNTED]]
    out = counts.groupby(by, dropna=False, sort=False)[COUNTED].sum().astype("int64").reset_index()
    if "zone_id" in out.columns:
        out["zone_id"] = out["zone_id"].astype(object).where(out["zone_id"].notna(), None)
    return out


def answer_counts(frame: pd.DataFrame, by: Sequence[str] = ("need_id",)) -> pd.DataFrame:
    """Counts per answer, voters and ★ per group (default: per need); only groups with a vote or a ★."""
    by = list(by)
    counts = as_counts(frame)
    columns = [f"n_{a}" for a in ANSWERS]
    if counts.empty:
        empty = pd.DataFrame(columns=[*columns, "stars", "voters"], dtype="int64")
        empty.index = pd.MultiIndex.from_arrays([[] for _ in by], names=by) if len(by) > 1 else pd.Index([], name=by[0])
        return empty
    out = counts.groupby(by, dropna=False)[COUNTED].sum().astype("int64")
    out["voters"] = out[columns].sum(axis=1)
    return out[(out["voters"] > 0) | (out["stars"] > 0)]


def agreement(n_agree: pd.Series, n_partly: pd.Series, n_disagree: pd.Series) -> pd.Series:
    """(agree + ½ partly) / opinions; NaN where nobody gave an opinion."""
    opinions = (n_agree + n_partly + n_disagree).astype(float)
    return ((n_agree + 0.5 * n_partly) / opinions.replace(0, np.nan)).round(4)


def label(voters: int, n_unclear: int, share: float, *, min_voters: int = MIN_VOTERS) -> str:
    """One need's reading (see module docstring)."""
    if voters < min_voters:
        return "pochi_voti"
    if n_unclear >= UNCLEAR_FLAG:
        return "da_riformulare"
    if pd.isna(share):
        return "pochi_voti"
    if share >= CONSENSUS_AGREEMENT:
        return "consenso"
    if DIVISIVE_LOW <= share <= DIVISIVE_HIGH:
        return "divisiva"
    return "orientata"


def need_summary(frame: pd.DataFrame, need_ids: Iterable[str] | None = None, *,
                 min_voters: int = MIN_VOTERS) -> pd.DataFrame:
    """Per need: counts per answer, voters, agreement, ★, label. `need_ids` keeps needs nobody answered."""
    counts = answer_counts(frame)
    if need_ids is not None:
        counts = counts.reindex(list(need_ids), fill_value=0)
        counts.index.name = "need_id"
    out = counts.reset_index()
    if out.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    out["agreement"] = agreement(out["n_agree"], out["n_partly"], out["n_disagree"])
    out["label"] = [label(v, u, s, min_voters=min_voters)
                    for v, u, s in zip(out["voters"], out["n_unclear"], out["agreement"], strict=True)]
    return out[SUMMARY_COLUMNS]


def zone_summary(frame: pd.DataFrame, *, min_voters: int = MIN_VOTERS) -> pd.DataFrame:
    """The same per need and declared zone ('' for participants who declared none)."""
    counts = as_counts(frame)
    shown = counts.assign(zone_id=counts["zone_id"].fillna("").astype(str))
    counts = answer_counts(shown, by=("need_id", "zone_id"))
    out = counts.reset_index()
    if out.empty:
        return pd.DataFrame(columns=["need_id", "zone_id", *SUMMARY_COLUMNS[1:]])
    out["agreement"] = agreement(out["n_agree"], out["n_partly"], out["n_disagree"])
    out["label"] = [label(v, u, s, min_voters=min_voters)
                    for v, u, s in zip(out["voters"], out["n_unclear"], out["agreement"], strict=True)]
    return out[["need_id", "zone_id", *SUMMARY_COLUMNS[1:]]]


def zone_consensus(frame: pd.DataFrame) -> pd.DataFrame:
    """Group-aware consensus per need across declared zones: ∏ (agree + 1) / (seen + 2), with the zones counted."""
    counts = as_counts(frame)
    declared = counts[counts["zone_id"].notna() & (counts["zone_id"].astype(str) != "")] if len(counts) else counts
    per_zone = answer_counts(declared, by=("need_id", "zone_id")) if len(declared) else pd.DataFrame()
    per_zone = per_zone[per_zone["voters"] > 0] if len(per_zone) else per_zone
    if per_zone.empty:
        return pd.DataFrame(columns=["need_id", "zone_consensus", "n_zones"])
    per_zone = per_zone.assign(p=(per_zone["n_agree"] + 1) / (per_zone["voters"] + 2))
    out = per_zone.groupby("need_id").agg(zone_consensus=("p", "prod"), n_zones=("p", "size")).reset_index()
    out["zone_consensus"] = out["zone_consensus"].round(4)
    return out


def results_table(frame: pd.DataFrame, need_ids: Iterable[str] | None = None, *,
                  min_voters: int = MIN_VOTERS) -> pd.DataFrame:
    """need_summary plus the consensus across zones: the one table behind every results view and export."""
    frame = as_counts(frame)
    summary = need_summary(frame, need_ids, min_voters=min_voters)
    consensus = zone_consensus(frame)
    out = summary.merge(consensus, on="need_id", how="left")
    out["n_zones"] = out["n_zones"].fillna(0).astype("int64")
    return out


def ranked(results: pd.DataFrame, kind: str, n: int = 5) -> pd.DataFrame:
    """The closing slide's lists: 'consensus' (highest agreement), 'divisive', 'unclear', 'zones' (consensus
    across zones). Only needs with enough voters are ranked."""
    enough = results[results["label"] != "pochi_voti"]
    if kind == "consensus":
        return enough[enough["label"] == "consenso"].sort_values(["agreement", "voters"], ascending=False).head(n)
    if kind == "divisive":
        chosen = enough[enough["label"] == "divisiva"]
        return chosen.assign(_d=(chosen["agreement"] - 0.5).abs()).sort_values(["_d", "voters"],
                                                                                ascending=[True, False]).drop(
            columns="_d").head(n)
    if kind == "unclear":
        return results[results["n_unclear"] >= UNCLEAR_FLAG].sort_values("n_unclear", ascending=False).head(n)
    if kind == "zones":
        return enough[enough["n_zones"] >= 2].sort_values("zone_consensus", ascending=False).head(n)
    raise ValueError(f"unknown ranking {kind!r}")


def convergent_needs(frame: pd.DataFrame, outcomes: pd.DataFrame, needs: pd.DataFrame,
                     zone_axis_counts: pd.DataFrame, zone_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The convergent view: needs validated by an event and given ★ priority by participants of a zone whose axis
    has no localised project there (per the report).

    `outcomes`: EventStore.outcomes_frame (need_id, outcome); `needs`: the curated needs (need_id, axis_id, title);
    `zone_axis_counts`: analysis.zone_axis_matrix (zones × axes, report projects). One row per (zone, need).
    """
    columns = ["zone_id", "need_id", "axis_id", "title", "stars", "voters", "agreement"]
    validated = set(outcomes.loc[outcomes["outcome"] == "validata", "need_id"])
    counts = as_counts(frame)
    if counts.empty:
        return pd.DataFrame(columns=columns)
    declared = counts[counts["zone_id"].notna()]
    starred = declared[(declared["stars"] > 0) & declared["need_id"].isin(validated)]
    if starred.empty:
        return pd.DataFrame(columns=columns)
    stars = starred.groupby(["zone_id", "need_id"])["stars"].sum().astype("int64").reset_index()
    by_zone = zone_summary(declared)[["need_id", "zone_id", "voters", "agreement"]]
    out = stars.merge(needs[["need_id", "axis_id", "title"]], on="need_id").merge(
        by_zone, on=["need_id", "zone_id"], how="left")
    out["voters"] = out["voters"].fillna(0).astype("int64")
    empty = [zone_axis_counts.at[z, a] == 0 if z in zone_axis_counts.index and a in zone_axis_counts.columns
             else False for z, a in zip(out["zone_id"], out["axis_id"], strict=True)]
    out = out[empty]
    if zone_ids:
        out = out[out["zone_id"].isin(list(zone_ids))]
    order = {z: i for i, z in enumerate(zone_axis_counts.index)}
    out = out.assign(_z=out["zone_id"].map(order)).sort_values(["_z", "stars"], ascending=[True, False])
    return out[columns].reset_index(drop=True)
