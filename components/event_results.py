"""How the room's answers are shown: accessible HTML bars (counts written in, a text line beside them) and tables.

Used by the facilitator, the presenter and the explorer's *Esigenze* page, always labelled as participants'
answers, never as the report's facts. All text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from components.i18n import t
from psm_data.events.vocabulary import ANSWERS, MIN_VOTERS

# Okabe–Ito, colour-blind safe; text colour chosen for contrast ≥ 4.5:1 on each fill.
ANSWER_COLORS: dict[str, tuple[str, str]] = {
    "agree": ("#0072B2", "#ffffff"),
    "partly": ("#56B4E9", "#000000"),
    "disagree": ("#D55E00", "#000000"),
    "unclear": ("#BBBBBB", "#000000"),
}


def summary_sentence(row: Mapping[str, object]) -> str:
    """The text alternative of one need's bar: counts, agreement, ★ and the label."""
    voters = int(row["voters"])
    if voters == 0:
        return t("r_no_votes", stars=int(row["stars"]))
    parts = ", ".join(f"{t('answer_' + a)} {int(row['n_' + a])}" for a in ANSWERS)
    agreement = row["agreement"]
    share = "—" if pd.isna(agreement) else f"{float(agreement) * 100:.0f}%"
    return t("r_sentence", voters=voters, parts=parts, agreement=share, stars=int(row["stars"]),
             label=t("label_" + str(row["label"]), min=MIN_VOTERS))


def results_bars_html(row: Mapping[str, object], *, large: bool = False) -> str:
    """One need's answers as a stacked bar with counts written in, and the sentence under it."""
    voters = int(row["voters"])
    size = "1.35em" if large else "1em"
    segments = []
    for answer in ANSWERS:
        n = int(row["n_" + answer])
        if not n:
            continue
        fill, ink = ANSWER_COLORS[answer]
        segments.append(
            f'<span style="flex:{n};background:{fill};color:{ink};padding:0.15em 0.3em;overflow:hidden;'
            f'white-space:nowrap;text-overflow:clip" title="{html.escape(t("answer_" + answer))}: {n}">'
            f'{html.escape(t("answer_" + answer)) if n / max(voters, 1) > 0.18 else ""} {n}</span>')
    bar = ("".join(segments) if segments else
           f'<span style="flex:1;background:#f0f2f6;color:#31333F;padding:0.15em 0.3em">{html.escape(t("r_none"))}'
           "</span>")
    sentence = html.escape(summary_sentence(row))
    return (f'<div style="font-size:{size}"><div aria-hidden="true" style="display:flex;gap:2px;border-radius:4px;'
            f'overflow:hidden;font-weight:600">{bar}</div><p style="margin:0.3em 0 0 0">{sentence}</p></div>')


def results_frame_for_display(results: pd.DataFrame) -> pd.DataFrame:
    """The results table with readable column names and labels (what the CSV download also gets)."""
    out = results.copy()
    out["agreement"] = (out["agreement"] * 100).round(0)
    out["label"] = out["label"].map(lambda v: t("label_" + str(v), min=MIN_VOTERS))
    names = {"need_id": t("col_need"), "voters": t("r_col_voters"), "agreement": t("r_col_agreement"),
             "stars": "★", "label": t("r_col_label"), "zone_consensus": t("r_col_zone_consensus"),
             "n_zones": t("r_col_zones"), **{f"n_{a}": t("answer_" + a) for a in ANSWERS}}
    return out.rename(columns=names)
