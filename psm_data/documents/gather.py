"""What the position paper reads from the participation store, in one pass of plain reads.

Which events count: by default every event that is neither archived nor a rehearsal. The store gains those flags
in its migration 0002; until an `Event` carries them, every event counts (`counts_for_paper` reads them when
present, so the exclusion plugs in without a change here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select

from psm_data.events.store import Event, EventStore
from psm_data.events.tables import events as events_table
from psm_data.events.tables import participants as participants_table

PARTICIPANT_COLUMNS = ["code", "device_hash", "zone_id", "role", "origin"]


def counts_for_paper(event: Event) -> bool:
    """An archived event or a rehearsal is left out of 'all events' (it can still be chosen by code)."""
    return not (getattr(event, "archived", False) or getattr(event, "rehearsal", False)
                or getattr(event, "is_rehearsal", False) or getattr(event, "is_archived", False))


@dataclass(frozen=True)
class EventInputs:
    """The chosen events and everything the document needs from them (frames may be empty)."""

    events: tuple[Event, ...]
    answers: pd.DataFrame
    outcomes: pd.DataFrame
    texts: pd.DataFrame  # approved comments and proposals only: the room never saw the others
    participants: pd.DataFrame

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
        return tuple(e for e in every if counts_for_paper(e))
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
    return EventInputs(chosen, store.answers_frame(wanted), store.outcomes_frame(wanted),
                       store.texts_frame(wanted, status="approved"), participants_frame(store, wanted))
