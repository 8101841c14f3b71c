"""Database faults become a retryable refusal; the migrated schema is exactly the code's schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from psm_data.events.db import Database
from psm_data.events.errors import EventError
from psm_data.events.migrate import head_revision, upgrade
from psm_data.events.store import EventStore
from psm_data.events.tables import metadata
from tests.events.conftest import token


def test_unreachable_postgresql_is_store_unavailable() -> None:
    store = EventStore(Database("postgresql+psycopg://postgres@127.0.0.1:1/none"))
    with pytest.raises(EventError) as info:
        store.events()
    assert info.value.code == "store_unavailable"
    assert info.value.retryable


def test_locked_sqlite_is_store_unavailable_and_nothing_is_half_written(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'e.sqlite3'}"
    upgrade(url)
    store = EventStore(Database(url, busy_timeout_ms=200))
    event = store.create_event(title="E", event_date="2026-12-03", need_ids=["N1.1"])
    store.set_event_status(event.code, "open")
    store.set_item_status(event.code, "N1.1", "open")
    blocker = sqlite3.connect(tmp_path / "e.sqlite3", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # another process holding the write lock
    try:
        with pytest.raises(EventError) as info:
            store.submit_answer(event.code, token(1), "N1.1", answer="agree")
        assert info.value.code == "store_unavailable"
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.submit_answer(event.code, token(1), "N1.1", answer="agree").changed  # the retry goes through
    assert len(store.answers_frame()) == 1


def test_migrations_match_the_schema_in_code(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, metadata) == []


def test_upgrade_is_idempotent(db_url: str) -> None:
    assert upgrade(db_url) == head_revision()
    assert upgrade(db_url) == head_revision()
