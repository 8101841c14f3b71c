"""New participants per minute, as the facilitator's live view shows them (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from psm_data.events.store import EventStore
from psm_data.events.watch import joined_per_minute


def test_new_participants_are_counted_per_minute(store: EventStore) -> None:
    event = store.create_event(title="Sala", event_date="2026-12-05", place="Torino", zone_ids=["1"],
                               need_ids=["N1.1"])
    store.set_event_status(event.code, "open")
    for i in range(3):
        store.join(event.code, f"watch-device-token-{i:04d}-abcdef")
    store.join(event.code, "watch-device-token-0000-abcdef")  # the same phone again: not new
    series = joined_per_minute(store, event.code, minutes=5)
    assert len(series) == 5
    assert series[-1] == 3  # this minute, the most recent last
    assert sum(series) == 3
    later = joined_per_minute(store, event.code, minutes=5, now=datetime.now(UTC) + timedelta(minutes=2, seconds=5))
    assert later[-3] == 3  # two minutes later the same three are two slots back
    assert joined_per_minute(store, event.code, minutes=5, now=datetime.now(UTC) + timedelta(hours=1)) == [0] * 5
