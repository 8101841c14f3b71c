"""`make restore BACKUP=<folder>`: bring a backup (`make backup`) into an EMPTY database, SQLite or PostgreSQL.

Reads the backup's snapshot (`eventi.sqlite3`), migrates a temporary copy of it to the app's schema (so an older
backup restores into a newer app), migrates the target, refuses if the target holds any row, then copies every
table in one transaction (all or nothing) and moves PostgreSQL's id sequences past the restored ids. The backup
folder is never modified.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Integer, func, select

from psm_data.events.backup import SNAPSHOT, BackupError, copy_rows, sqlite_url
from psm_data.events.db import Database, database_for, database_url, describe
from psm_data.events.migrate import upgrade
from psm_data.events.tables import metadata


def restore(folder: Path, url: str) -> dict[str, int]:
    """Copy the backup in `folder` into the empty database at `url`; returns the rows restored per table."""
    source_file = folder / SNAPSHOT
    if not source_file.is_file():
        raise BackupError(f"{source_file} not found: give the folder written by `make backup`")
    with tempfile.TemporaryDirectory(prefix="psm-restore-") as work:
        copy_path = Path(work) / SNAPSHOT
        shutil.copyfile(source_file, copy_path)
        copy_url = sqlite_url(copy_path)
        upgrade(copy_url)
        database_for(copy_url).dispose()
        upgrade(url)
        source, target = Database(copy_url), Database(url)
        try:
            with source.read() as src, target.write() as out:
                filled = {t.name: n for t in metadata.sorted_tables
                          if (n := out.execute(select(func.count()).select_from(t)).scalar_one())}
                if filled:
                    raise BackupError(f"the database {describe(url)} is not empty ("
                                      + ", ".join(f"{name}: {n} rows" for name, n in filled.items())
                                      + "): restore only into an empty database")
                convert = _as_stored if target.is_sqlite else _as_utc
                counts = {t.name: copy_rows(src, out, t, convert) for t in metadata.sorted_tables}
                if not target.is_sqlite:
                    _advance_sequences(out)
        finally:
            source.dispose()
            target.dispose()
            database_for(url).dispose()
    return counts


def _as_stored(value: datetime | None) -> datetime | None:
    return value


def _as_utc(value: datetime | None) -> datetime | None:
    """The snapshot keeps naive UTC; PostgreSQL gets the instant with its zone."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _advance_sequences(conn) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
    """Rows were inserted with their ids: the next id each sequence gives must come after them."""
    for table in metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer) or table.c[keys[0].name].autoincrement is False:
            continue
        key = keys[0]
        sequence = conn.execute(select(func.pg_get_serial_sequence(table.name, key.name))).scalar_one()
        if sequence:
            highest = select(func.max(key)).scalar_subquery()
            conn.execute(select(func.setval(sequence, func.coalesce(highest, 0) + 1, False)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("backup", type=Path, help="the backup folder (it holds eventi.sqlite3)")
    parser.add_argument("--url", help="database URL (default: $PSM_DB_URL or the SQLite file in the data home)")
    args = parser.parse_args(argv)
    url = args.url or database_url()
    try:
        counts = restore(args.backup, url)
    except BackupError as err:
        print(f"nothing restored: {err}", file=sys.stderr)
        return 2
    print(f"restored {args.backup} into {describe(url)}: {counts.get('events', 0)} events, "
          f"{counts.get('answers', 0)} answers, {counts.get('texts', 0)} comments and proposals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
