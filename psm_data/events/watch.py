"""What the facilitator watches to spot one device-maker in the hall: new participants per minute (from the
database, shared by every server). Which address made them is known only in the server's memory
(psm_data/server/limits.py): no IP is ever stored."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import and_, select

from psm_data.events.store import EventStore
from psm_data.events.tables import participants


def joined_per_minute(store: EventStore, code: str, minutes: int = 10, now: datetime | None = None) -> list[int]:
    """New web participants of the event in each of the last `minutes` minutes, oldest first (the last is now)."""
    event = store.event(code)
    now = now or datetime.now(UTC)
    with store.db.read() as conn:
        joined = conn.execute(select(participants.c.joined_at).where(and_(
            participants.c.event_id == event.event_id, participants.c.origin == "web"))).scalars().all()
    counts = [0] * minutes
    for moment in joined:
        if moment.tzinfo is None:  # SQLite gives back naive UTC
            moment = moment.replace(tzinfo=UTC)
        ago = int((now - moment).total_seconds() // 60)
        if 0 <= ago < minutes:
            counts[minutes - 1 - ago] += 1
    return counts
