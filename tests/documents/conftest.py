"""Position paper fixtures: a seeded SQLite store built once per module (the paper only reads it), and the store
fixtures of tests/events for the one read that must hold on PostgreSQL too."""

from __future__ import annotations

from pathlib import Path

import pytest

from psm_data import load_dataset
from psm_data.events.db import Database
from psm_data.events.migrate import upgrade
from psm_data.events.store import EventStore
from scripts.bench_paper import seed_store
from tests.events.conftest import db, db_url, postgres  # noqa: F401 - fixtures shared with the store tests


@pytest.fixture(scope="session")
def dataset():
    return load_dataset()


def make_store(path: Path, dataset) -> EventStore:  # noqa: ANN001
    url = f"sqlite:///{path / 'events.sqlite3'}"
    upgrade(url)
    return EventStore(Database(url), need_ids=tuple(dataset.needs["need_id"]), axis_ids=dataset.axis_ids,
                      zone_ids=dataset.zone_ids)


@pytest.fixture(scope="session")
def seeded(tmp_path_factory, dataset) -> tuple[EventStore, list[str]]:
    """Two closed events, 60 participants (web and paper), 40 approved texts."""
    store = make_store(tmp_path_factory.mktemp("paper_store"), dataset)
    codes = seed_store(store, dataset, events=2, participants=60, texts=40)
    yield store, codes
    store.db.dispose()
