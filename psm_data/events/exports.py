"""Tidy exports of one event: the answer log, the summary per need, comments and proposals, the outcomes.

Every file says what it is: a `source` column (`participants`: never the report's facts), an `origin` column
(`web` / `paper`), and whether the event was a rehearsal or is archived. Cells are neutralised against spreadsheet
formulas when written (psm_data/csvsafe.py). Device hashes are shortened: enough to group one person's answers,
nothing to identify a phone.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from psm_data.csvsafe import to_csv_bytes
from psm_data.events import need_links
from psm_data.events.results import answer_counts, results_table, zone_summary
from psm_data.events.store import EventStore

SOURCE = "participants"


def respondent_id(device_hash: str) -> str:
    """A short pseudonym per participant and event (paper sheets keep their sheet id)."""
    if device_hash.startswith("paper:"):
        return device_hash
    return "web:" + device_hash[:10]


def answer_log(store: EventStore, code: str) -> pd.DataFrame:
    """Every stored answer and change, oldest first: one row per (respondent, need, revision)."""
    log = store.answer_log_frame(code)
    current = log.groupby(["device_hash", "need_id"])["revision"].transform("max")
    return pd.DataFrame({
        "source": SOURCE, "event_code": code, "recorded_at_utc": log["recorded_at"].astype(str),
        "respondent": log["device_hash"].map(respondent_id), "declared_zone": log["zone_id"].fillna(""),
        "declared_role": log["role"].fillna(""), "need_id": log["need_id"], "answer": log["answer"].fillna(""),
        "star": log["star"].astype(bool), "revision": log["revision"], "is_current": log["revision"] == current,
        "origin": log["origin"],
    })


def summary(store: EventStore, code: str) -> pd.DataFrame:
    """Per need: counts, voters, agreement, ★, label, consensus across zones, outcome; web, paper and online apart."""
    answers = store.answers_frame([code])
    agenda = store.agenda(code)
    table = results_table(answers, [i.need_id for i in agenda])
    by_origin = answer_counts(answers, by=("need_id", "origin"))["voters"].unstack("origin", fill_value=0) \
        if len(answers) else pd.DataFrame()
    outcome = {i.need_id: (i.outcome or "", i.outcome_note, i.status) for i in agenda}
    table.insert(0, "event_code", code)
    table.insert(0, "source", SOURCE)
    table["voters_web"] = table["need_id"].map(by_origin.get("web", {})).fillna(0).astype(int)
    table["voters_paper"] = table["need_id"].map(by_origin.get("paper", {})) \
        .fillna(0).astype(int)
    table["voters_online"] = table["need_id"].map(by_origin.get("online", {})).fillna(0).astype(int)
    table["item_status"] = table["need_id"].map(lambda n: outcome[n][2])
    table["outcome"] = table["need_id"].map(lambda n: outcome[n][0])
    table["outcome_note"] = table["need_id"].map(lambda n: outcome[n][1])
    return table


def summary_by_zone(store: EventStore, code: str) -> pd.DataFrame:
    out = zone_summary(store.answers_frame([code]))
    out.insert(0, "event_code", code)
    out.insert(0, "source", SOURCE)
    # One type per column: an undeclared zone is an empty zone_id with zone_declared = False, never words in a
    # column of numbers (a spreadsheet or BI tool would read the whole column as text).
    out.insert(list(out.columns).index("zone_id") + 1, "zone_declared", out["zone_id"].fillna("") != "")
    return out


def texts(store: EventStore, code: str) -> pd.DataFrame:
    """Comments and proposals with their moderation status (all of them: the planner decides what to use)."""
    frame = store.texts_frame([code])
    out = pd.DataFrame({
        "source": SOURCE, "event_code": code, "text_id": frame["text_id"], "kind": frame["kind"],
        "need_id": frame["need_id"].fillna(""), "axis_id": frame["axis_id"].fillna(""),
        "zone_id": frame["zone_id"].fillna(""), "declared_zone": frame["declared_zone"].fillna(""),
        "text": frame["body"], "moderation": frame["status"], "origin": frame["origin"],
        "created_at_utc": frame["created_at"].astype(str),
    })
    return need_links.export_columns(store, code, out)  # suggested and confirmed needs, near-duplicate groups


EXPORTS: dict[str, Callable[[EventStore, str], pd.DataFrame]] = {
    "risposte_log": answer_log,
    "sintesi_esigenze": summary,
    "sintesi_per_zona": summary_by_zone,
    "commenti_proposte": texts,
}


def export_files(store: EventStore, code: str) -> dict[str, bytes]:
    """File name → CSV bytes for every export of one event; each row says whether the event was a rehearsal
    (`event_is_rehearsal`: never counted in pooled results) and whether it is archived."""
    event = store.event(code)
    return {f"psm_evento_{code}_{name}.csv": to_csv_bytes(labelled(build(store, code), event.is_rehearsal,
                                                                     event.archived))
            for name, build in EXPORTS.items()}


def labelled(frame: pd.DataFrame, rehearsal: bool, archived: bool) -> pd.DataFrame:
    at = list(frame.columns).index("event_code") + 1 if "event_code" in frame.columns else 0
    frame.insert(at, "event_is_archived", archived)
    frame.insert(at, "event_is_rehearsal", rehearsal)
    return frame
