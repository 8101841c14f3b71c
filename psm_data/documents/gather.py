"""What the position paper reads from the participation store, in one pass of plain reads.

Which events count: by default every event that is neither archived nor a rehearsal (schema 0002: `is_rehearsal`,
`archived_at`). The flags are read from the events table here, so an `Event` need not carry them; either can still
be chosen by its code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import literal, or_, select

from psm_data.events import tables
from psm_data.events.store import Event, EventStore
from psm_data.events.tables import events as events_table
from psm_data.events.tables import participants as participants_table

PARTICIPANT_COLUMNS = ["code", "device_hash", "zone_id", "role", "origin"]
VERBALE_COLUMNS = ["code", "table_no", "table_name", "kind", "need_id", "axis_id", "body"]
TABLE_COLUMNS = ["code", "table_no", "name"]


def not_counted(store: EventStore) -> dict[str, str]:
    """The rehearsals and archived events, left out of 'all events': code → 'rehearsal' or 'archived'."""
    rehearsal, archived = events_table.c.get("is_rehearsal"), events_table.c.get("archived_at")
    if rehearsal is None and archived is None:
        return {}
    columns = [events_table.c.code,
               rehearsal if rehearsal is not None else literal(False),
               archived.is_not(None) if archived is not None else literal(False)]
    condition = or_(*([rehearsal.is_(True)] if rehearsal is not None else []),
                    *([archived.is_not(None)] if archived is not None else []))
    with store.db.read() as conn:
        rows = conn.execute(select(*columns).where(condition)).all()
    return {code: "rehearsal" if is_rehearsal else "archived" for code, is_rehearsal, _archived in rows}


@dataclass(frozen=True)
class EventInputs:
    """The chosen events and everything the document needs from them (frames may be empty)."""

    events: tuple[Event, ...]
    answers: pd.DataFrame
    outcomes: pd.DataFrame
    texts: pd.DataFrame  # approved comments and proposals only: the room never saw the others
    participants: pd.DataFrame
    #: The facilitator's stored decisions, text_id → (need_id, axis_id): a need of the report ('N3.3', ''), or a
    #: new need on an axis ('', '3'). Empty until the need_links table exists (schema 0004, branch `matching`).
    links: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: The thematic tables' verbali, one row per point (schema 0003, branch `tables`; empty before).
    verbale: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VERBALE_COLUMNS))
    #: The thematic tables of each event: code, table_no, name.
    tables: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TABLE_COLUMNS))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.events)

    @classmethod
    def empty(cls) -> EventInputs:
        from psm_data.events.store import ANSWER_COLUMNS, OUTCOME_COLUMNS, TEXT_COLUMNS

        return cls((), pd.DataFrame(columns=ANSWER_COLUMNS).astype({"star": bool}),
                   pd.DataFrame(columns=OUTCOME_COLUMNS), pd.DataFrame(columns=TEXT_COLUMNS),
                   pd.DataFrame(columns=PARTICIPANT_COLUMNS))


def choose_events(store: EventStore, codes: Sequence[str] | None = None) -> tuple[Event, ...]:
    """The events by code (in date order), or every event that counts when `codes` is None."""
    every = sorted(store.events(), key=lambda e: (e.event_date, e.code))
    if codes is None:
        left_out = not_counted(store)
        return tuple(e for e in every if e.code not in left_out)
    wanted = {c.strip().upper() for c in codes if c.strip()}
    return tuple(e for e in every if e.code in wanted)


def participants_frame(store: EventStore, codes: Sequence[str]) -> pd.DataFrame:
    """Every participant of the events (also those who joined and never answered): declared zone, role, origin."""
    if not codes:
        return pd.DataFrame(columns=PARTICIPANT_COLUMNS)
    with store.db.read() as conn:
        rows = conn.execute(
            select(events_table.c.code, participants_table.c.device_hash, participants_table.c.zone_id,
                   participants_table.c.role, participants_table.c.origin)
            .select_from(participants_table.join(events_table,
                                                 events_table.c.event_id == participants_table.c.event_id))
            .where(events_table.c.code.in_(list(codes)))).mappings().all()
    return pd.DataFrame(rows, columns=PARTICIPANT_COLUMNS)


def gather(store: EventStore | None, codes: Sequence[str] | None = None) -> EventInputs:
    """Read the chosen events (None: all that count) once; no store, or no event, gives a report-only paper."""
    if store is None:
        return EventInputs.empty()
    chosen = choose_events(store, codes)
    if not chosen:
        return EventInputs.empty()
    wanted = [e.code for e in chosen]
    texts = store.texts_frame(wanted, status="approved")
    thematic, verbale = thematic_tables(store, wanted)
    return EventInputs(chosen, store.answers_frame(wanted), store.outcomes_frame(wanted), texts,
                       participants_frame(store, wanted), stored_links(store, [int(i) for i in texts["text_id"]]),
                       verbale, thematic)


def thematic_tables(store: EventStore, codes: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The events' thematic tables and their verbali (points not deleted), when the schema has them."""
    tables_t, notes_t = getattr(tables, "event_tables", None), getattr(tables, "table_notes", None)
    if tables_t is None or notes_t is None or not codes:
        return pd.DataFrame(columns=TABLE_COLUMNS), pd.DataFrame(columns=VERBALE_COLUMNS)
    with store.db.read() as conn:
        found = conn.execute(
            select(events_table.c.code, tables_t.c.table_no, tables_t.c.name)
            .select_from(tables_t.join(events_table, events_table.c.event_id == tables_t.c.event_id))
            .where(events_table.c.code.in_(list(codes))).order_by(events_table.c.code, tables_t.c.table_no)
        ).mappings().all()
        notes = conn.execute(
            select(events_table.c.code, notes_t.c.table_no, tables_t.c.name.label("table_name"), notes_t.c.kind,
                   notes_t.c.need_id, notes_t.c.axis_id, notes_t.c.body)
            .select_from(notes_t.join(events_table, events_table.c.event_id == notes_t.c.event_id)
                         .join(tables_t, (tables_t.c.event_id == notes_t.c.event_id)
                               & (tables_t.c.table_no == notes_t.c.table_no)))
            .where(events_table.c.code.in_(list(codes)) & notes_t.c.deleted.is_(False))
            .order_by(notes_t.c.note_id)).mappings().all()
    return pd.DataFrame(found, columns=TABLE_COLUMNS), pd.DataFrame(notes, columns=VERBALE_COLUMNS)


def stored_links(store: EventStore, text_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """The facilitator's need links for these texts, read from `need_links` when the schema has it."""
    table = getattr(tables, "need_links", None)
    if table is None or not text_ids:
        return {}
    with store.db.read() as conn:
        rows = conn.execute(select(table.c.text_id, table.c.need_id, table.c.axis_id)
                            .where(table.c.text_id.in_(list(text_ids)))).all()
    return {int(text_id): (need_id or "", axis_id or "") for text_id, need_id, axis_id in rows}
