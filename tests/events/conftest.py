"""Store fixtures: every store test runs against SQLite and against a real PostgreSQL server started here.

The PostgreSQL server is Debian's (installed by `make test` when missing), started once per test session as an
unprivileged user in a temporary directory (scripts/pgserver.py). Each test gets a fresh database cloned from a
migrated template, so tests never see each other's rows. Nothing is skipped: if PostgreSQL cannot start, the
PostgreSQL half of the tests fails with the reason.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from psm_data import load_dataset
from psm_data.events.db import Database, database_for
from psm_data.events.migrate import upgrade
from psm_data.events.store import EventStore
from scripts.pgserver import PostgresServer

_counter = itertools.count()


@pytest.fixture(scope="session")
def dataset():
    return load_dataset()


@pytest.fixture(scope="session")
def postgres() -> Iterator[tuple[PostgresServer, str]]:
    """A running server and the name of a migrated template database."""
    server = PostgresServer().start()
    try:
        url = server.create_database("psm_template")
        upgrade(url)
        database_for(url).dispose()  # a template must have no open connections
        yield server, "psm_template"
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
        upgrade(url)
        return url
    server, template = request.getfixturevalue("postgres")
    return server.create_database(f"psm_test_{next(_counter)}", template=template)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def store(db: Database, dataset) -> EventStore:
    return EventStore(db, need_ids=tuple(dataset.needs["need_id"]), axis_ids=dataset.axis_ids,
                      zone_ids=dataset.zone_ids)


def token(n: int) -> str:
    """A device token like the cookie's (long enough to be accepted)."""
    return f"device-token-{n:08d}-xxxxxxxx"
