"""`python -m psm_data.events.migrate`: bring the participation database to the latest schema.

Run once before serving (`make run` does it through scripts/serve.py), never inside a Streamlit script run: a
migration takes locks and may copy tables, which must not happen while a hall of phones is writing.

Several servers may start together on one PostgreSQL: each takes the same advisory lock before reading the schema
version, so the first migrates and the others wait, then find the schema current and do nothing (without it the
second crashed with `UniqueViolation` on `alembic_version`). SQLite needs no lock: DDL runs in `BEGIN IMMEDIATE`.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, func, select

from psm_data.events.db import database_for, database_url, describe

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The PostgreSQL advisory lock key every migrating server takes (any constant bigint; this is "PSM-MIGR").
MIGRATION_LOCK_KEY = 0x50534D2D4D494752


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() or ""


def current_revision(url: str | None = None) -> str | None:
    """The schema version the database is at (None: never migrated)."""
    db = database_for(url)
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_current(url: str | None = None) -> bool:
    return current_revision(url) == head_revision()


def upgrade(url: str | None = None) -> str:
    """Migrate to head; returns the revision reached."""
    url = url or database_url()
    db = database_for(url)
    with db.engine.connect() as conn:
        config = alembic_config(url)
        config.attributes["connection"] = conn
        if db.is_sqlite:
            # SQLite alters a table by copying it, dropping the old one and renaming the copy: with foreign keys
            # on, the drop deletes (cascades to) the rows that point at it. Off for the migration (outside any
            # transaction, where the pragma works), checked after, on again for the pool.
            raw = conn.connection.dbapi_connection  # not through SQLAlchemy: its begin hook would open a transaction
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                command.upgrade(config, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left {len(broken)} rows with a broken foreign key: {broken[:5]}")
            finally:
                conn.rollback()
                raw.execute("PRAGMA foreign_keys=ON")
        else:
            with _advisory_lock(conn):
                command.upgrade(config, "head")
    return head_revision()


@contextlib.contextmanager
def _advisory_lock(conn: Connection) -> Iterator[None]:
    """A session-level PostgreSQL advisory lock held on `conn` for the duration of the block (waits for it)."""
    conn.execute(select(func.pg_advisory_lock(MIGRATION_LOCK_KEY)))
    conn.commit()  # end the implicit transaction: the migration runs its own, the session lock stays
    try:
        yield
    finally:
        try:
            conn.rollback()  # a failed migration leaves an aborted transaction
            conn.execute(select(func.pg_advisory_unlock(MIGRATION_LOCK_KEY)))
            conn.commit()
        except Exception:  # noqa: BLE001 - the connection is unusable: closing it is what releases the lock
            conn.invalidate()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="database URL (default: $PSM_DB_URL or the SQLite file in the data home)")
    args = parser.parse_args(argv)
    url = args.url or database_url()
    revision = upgrade(url)
    print(f"database {describe(url)}: schema at revision {revision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
