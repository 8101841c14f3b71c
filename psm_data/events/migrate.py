"""`python -m psm_data.events.migrate`: bring the participation database to the latest schema.

Run once before serving (`make run` does it through scripts/serve.py), never inside a Streamlit script run: a
migration takes locks and may copy tables, which must not happen while a hall of phones is writing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from psm_data.events.db import database_for, database_url, describe

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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
        command.upgrade(config, "head")
    return head_revision()


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
