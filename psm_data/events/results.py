"""What the room said, as pure functions of the answers frame (testable without Streamlit or a database).

Input: `EventStore.answers_frame()` (one row per event, device and need: `answer`, `star`, `zone_id`, …).

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


def answer_counts(frame: pd.DataFrame, by: Sequence[str] = ("need_id",)) -> pd.DataFrame:
    """Counts per answer, voters and ★ per group (default: per need)."""
    by = list(by)
    voted = frame[frame["answer"].notna()]
    counts = (voted.groupby([*by, "answer"]).size().unstack("answer", fill_value=0)
              .reindex(columns=list(ANSWERS), fill_value=0) if len(voted)
              else pd.DataFrame(columns=list(ANSWERS)))
    counts.columns = [f"n_{a}" for a in ANSWERS]
    stars = frame[frame["star"]].groupby(by).size().rename("stars") if len(frame) else pd.Series(name="stars")
    out = counts.join(stars, how="outer").fillna(0).astype("int64")
    if out.index.nlevels == len(by):
        out.index.names = by
    out["voters"] = out[[f"n_{a}" for a in ANSWERS]].sum(axis=1)
    return out


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
    shown = frame.assign(zone_id=frame["zone_id"].fillna("").astype(str))
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
    voted = frame[frame["answer"].notna() & frame["zone_id"].notna() & (frame["zone_id"].astype(str) != "")]
    if voted.empty:
        return pd.DataFrame(columns=["need_id", "zone_consensus", "n_zones"])
    per_zone = voted.groupby(["need_id", "zone_id"]).agg(
        agree=("answer", lambda s: int((s == "agree").sum())), seen=("answer", "size"))
    per_zone["p"] = (per_zone["agree"] + 1) / (per_zone["seen"] + 2)
    out = per_zone.groupby("need_id").agg(zone_consensus=("p", "prod"), n_zones=("p", "size")).reset_index()
    out["zone_consensus"] = out["zone_consensus"].round(4)
    return out


def results_table(frame: pd.DataFrame, need_ids: Iterable[str] | None = None, *,
                  min_voters: int = MIN_VOTERS) -> pd.DataFrame:
    """need_summary plus the consensus across zones: the one table behind every results view and export."""
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
    starred = frame[frame["star"] & frame["zone_id"].notna() & frame["need_id"].isin(validated)]
    if starred.empty:
        return pd.DataFrame(columns=columns)
    stars = starred.groupby(["zone_id", "need_id"]).size().rename("stars").reset_index()
    by_zone = zone_summary(frame[frame["zone_id"].notna()])[["need_id", "zone_id", "voters", "agreement"]]
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
