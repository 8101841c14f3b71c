"""Upgrading a database that holds an event's answers keeps every row (SQLite rebuilds tables to alter them)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from psm_data.events.migrate import alembic_config, head_revision, upgrade

_counter = itertools.count()
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite3'}"
    server, _template = request.getfixturevalue("postgres")
    return server.create_database(f"psm_old_{next(_counter)}")


def test_an_event_stored_at_the_first_schema_survives_every_migration(empty_url: str) -> None:
    engine = create_engine(empty_url)
    with engine.connect() as conn:
        config = alembic_config(empty_url)
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    device = {"event_id": 1, "device_hash": "d" * 40}
    answer = {**device, "need_id": "N1.1", "answer": "agree", "star": True, "origin": "web", "revision": 1}
    rows = {
        "events": {"event_id": 1, "code": "ABC234", "title": "Prova", "event_date": "2026-12-06", "place": "Torino",
                   "zone_ids": "7", "status": "open", "salt": "s" * 16, "created_at": NOW},
        "agenda_items": {"event_id": 1, "need_id": "N1.1", "position": 1, "status": "open", "outcome_note": ""},
        "participants": {**device, "zone_id": "7", "role": "comune", "origin": "web", "joined_at": NOW,
                         "updated_at": NOW},
        "answers": {**answer, "updated_at": NOW},
        "answer_log": {**answer, "log_id": 1, "recorded_at": NOW},
        "texts": {**device, "text_id": 1, "kind": "proposal", "text_key": "bus", "axis_id": "3",
                  "body": "Più bus serali", "status": "approved", "origin": "web", "created_at": NOW,
                  "updated_at": NOW},
    }
    with engine.begin() as conn:
        for table, row in rows.items():
            conn.execute(text(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"),
                         row)
    engine.dispose()
    assert upgrade(empty_url) == head_revision()
    engine = create_engine(empty_url)
    with engine.connect() as conn:
        counts = {table: conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() for table in rows}
        body = conn.execute(text("SELECT body FROM texts")).scalar_one()
    engine.dispose()
    assert counts == dict.fromkeys(rows, 1)
    assert body == "Più bus serali"
