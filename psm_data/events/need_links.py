"""Comments and proposals linked to the report's needs: the matcher suggests, the facilitator decides, we store it.

A link is one row per text (`need_links`): `confirmed` (the matcher's first suggestion, one tap), `picked` (another
of the report's needs), or `new` (a new need, with its axis). The matcher's top three at the moment of the decision
are kept beside it, so the export shows how often the suggestion was right. Writes replace the text's row in one
transaction: repeating a decision (a reconnect re-running the callback) leaves one identical row.
Near-duplicate proposals are grouped across every event ("3 proposte simili") with psm_data.matching.group_similar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from sqlalchemy import and_, delete, insert, select

from psm_data.events.errors import EventError
from psm_data.events.store import EventStore, _guard, now
from psm_data.events.tables import LINK_DECISIONS, events, need_links, texts
from psm_data.matching import group_similar, rank_many

LINK_COLUMNS = ["code", "text_id", "decision", "need_id", "axis_id", "suggested", "decided_at"]


def suggestions(bodies: Sequence[str], k: int = 3) -> list[list[tuple[str, float]]]:
    """The matcher's k most likely needs for each text, in order."""
    return list(_ranked(tuple(bodies), k))


@lru_cache(maxsize=16)
def _ranked(bodies: tuple[str, ...], k: int) -> tuple[list[tuple[str, float]], ...]:
    # Every moderation click re-runs the page on the same texts: computed once per set of texts.
    return tuple(rank_many(bodies, k))


@lru_cache(maxsize=16)
def _groups(bodies: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(g) for g in group_similar(bodies) if len(g) > 1)


@_guard
def set_link(store: EventStore, code: str, text_id: int, decision: str, *, need_id: str | None = None,
             axis_id: str | None = None, suggested: Sequence[str] = ()) -> None:
    """Record the facilitator's decision for one text of the event (replacing an earlier one)."""
    if decision not in LINK_DECISIONS:
        raise EventError("invalid_value", field="decision", value=decision)
    if decision == "new":
        if axis_id not in store.axis_ids:
            raise EventError("invalid_value", field="axis", value=str(axis_id))
        need_id = None
    else:
        if need_id not in store.need_ids:
            raise EventError("invalid_value", field="need", value=str(need_id))
        axis_id = None
    suggested = [s for s in suggested if s in store.need_ids][:3]
    event = store.event(code)
    with store.db.write() as conn:
        found = conn.execute(select(texts.c.text_id).where(and_(texts.c.event_id == event.event_id,
                                                                texts.c.text_id == text_id))).first()
        if found is None:
            raise EventError("invalid_value", field="text", value=str(text_id))
        conn.execute(delete(need_links).where(need_links.c.text_id == text_id))
        conn.execute(insert(need_links).values(text_id=text_id, decision=decision, need_id=need_id, axis_id=axis_id,
                                               suggested=";".join(suggested), decided_at=now()))


@_guard
def clear_link(store: EventStore, code: str, text_id: int) -> None:
    """Undo the decision: the text goes back to 'suggested only'."""
    event = store.event(code)
    with store.db.write() as conn:
        mine = select(texts.c.text_id).where(and_(texts.c.event_id == event.event_id, texts.c.text_id == text_id))
        conn.execute(delete(need_links).where(need_links.c.text_id.in_(mine)))


@_guard
def links_frame(store: EventStore, codes: Sequence[str] | None = None) -> pd.DataFrame:
    """Every stored decision, with its event's code; need_id is "" for a new need, axis_id "" otherwise."""
    with store.db.read() as conn:
        query = (select(events.c.code, need_links.c.text_id, need_links.c.decision, need_links.c.need_id,
                        need_links.c.axis_id, need_links.c.suggested, need_links.c.decided_at)
                 .select_from(need_links.join(texts, texts.c.text_id == need_links.c.text_id)
                              .join(events, events.c.event_id == texts.c.event_id))
                 .order_by(need_links.c.text_id))
        if codes is not None:
            query = query.where(events.c.code.in_(list(codes)))
        frame = pd.DataFrame(conn.execute(query).mappings().all(), columns=LINK_COLUMNS)
    for column in ("need_id", "axis_id"):  # the one not set by the decision is "" (not None or NaN)
        frame[column] = frame[column].map(_text)
    return frame


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Similar:
    """The near-duplicates of one text: their ids and the events they come from (this one included)."""

    text_ids: tuple[int, ...]
    codes: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.text_ids) + 1


def similar_texts(store: EventStore, kind: str = "proposal") -> dict[int, Similar]:
    """text_id -> its near-duplicates among every event's texts of that kind (rejected ones left out).

    Only texts that have at least one near-duplicate are keys."""
    frame = store.texts_frame()
    frame = frame[(frame["kind"] == kind) & (frame["status"] != "rejected")].reset_index(drop=True)
    out: dict[int, Similar] = {}
    for group in _groups(tuple(frame["body"])):
        for i in group:
            others = [j for j in group if j != i]
            out[int(frame.at[i, "text_id"])] = Similar(
                tuple(int(frame.at[j, "text_id"]) for j in others),
                tuple(sorted({str(frame.at[j, "code"]) for j in group})))
    return out


def export_columns(store: EventStore, code: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The link columns added to the event's texts export (`frame` has `text_id` and `text`).

    `suggested_needs` is the matcher's top three now (or when decided), `linked_need` / `new_need_axis` the
    facilitator's decision, `similar_group` numbers near-duplicate proposals across events (empty when alone)."""
    out = frame.copy()
    links = links_frame(store, [code]).set_index("text_id")
    ranked = suggestions(out["text"].tolist())
    out["suggested_needs"] = [";".join(n for n, _ in r) for r in ranked]
    out["link_decision"] = out["text_id"].map(links["decision"]).map(_text)
    out["linked_need"] = out["text_id"].map(links["need_id"]).map(_text)
    out["new_need_axis"] = out["text_id"].map(links["axis_id"]).map(_text)
    similar = similar_texts(store)
    group_of: dict[int, int] = {}
    for text_id in sorted(similar):
        if text_id not in group_of:
            number = len(set(group_of.values())) + 1
            for member in (text_id, *similar[text_id].text_ids):
                group_of[member] = number
    out["similar_group"] = out["text_id"].map(lambda i: str(group_of[i]) if i in group_of else "")
    out["similar_count"] = out["text_id"].map(lambda i: similar[i].count if i in similar else 1)
    return out
