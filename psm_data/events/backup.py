"""`make backup`: a planner's own copy of everything the events collected, readable without the app.

Writes `backup/<UTC time>/` (or `--out`). First ONE consistent snapshot of the whole database, as a SQLite file
`eventi.sqlite3` (the restore's input, `make restore`): on SQLite with its online backup API (safe while the app is
serving), on PostgreSQL read in one REPEATABLE READ, READ ONLY transaction (every table as of the same instant).
Then, all from that snapshot so every file agrees with every other: for each event the same CSVs as its export page
(answer log, summaries per need and per zone, comments and proposals, outcomes; archived events and rehearsals
included) and every table raw as CSV. Never touches the curated CSVs.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Connection, DateTime, Table, insert, select
from sqlalchemy.engine import make_url

from psm_data.csvsafe import to_csv_bytes
from psm_data.events import exports
from psm_data.events.db import Database, database_for, database_url, describe
from psm_data.events.migrate import current_revision, head_revision, upgrade
from psm_data.events.store import EventStore
from psm_data.events.tables import metadata

DEFAULT_ROOT = Path("backup")
SNAPSHOT = "eventi.sqlite3"
CHUNK = 2000


class BackupError(Exception):
    """A backup or restore that cannot be done, with the sentence that says why."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def snapshot(url: str, target: Path) -> None:
    """One consistent copy of the database at `url` into a new SQLite file `target` (schema at head)."""
    if target.exists():
        raise BackupError(f"{target} already exists: choose an empty folder")
    if current_revision(url) != head_revision():
        raise BackupError(f"the database {describe(url)} is not at the app's schema: run `make migrate` first")
    if make_url(url).get_backend_name() == "sqlite":
        with closing(sqlite3.connect(make_url(url).database)) as live, closing(sqlite3.connect(target)) as copy:
            live.backup(copy)  # page by page, under one read transaction: one instant
    else:
        copy_url = sqlite_url(target)
        upgrade(copy_url)
        database_for(copy_url).dispose()
        source, copy = Database(url), Database(copy_url)
        try:
            with source.engine.connect() as conn:
                conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
                with conn.begin(), copy.write() as out:
                    for table in metadata.sorted_tables:
                        copy_rows(conn, out, table, to_utc_naive)
        finally:
            source.dispose()
            copy.dispose()
    _standalone(target)


def copy_rows(source: Connection, target: Connection, table: Table, convert) -> int:  # noqa: ANN001 - callable
    """Every row of `table` from one connection to the other (in chunks); returns how many."""
    times = [c.name for c in table.columns if isinstance(c.type, DateTime)]
    n = 0
    for chunk in _chunks(source.execute(select(table)).mappings()):
        rows = [{**row, **{c: convert(row[c]) for c in times}} for row in chunk]
        target.execute(insert(table), rows)
        n += len(rows)
    return n


def _chunks(rows: Any) -> Iterator[list[dict[str, Any]]]:  # noqa: ANN401 - a SQLAlchemy result
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(dict(row))
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def to_utc_naive(value: datetime | None) -> datetime | None:
    """PostgreSQL gives aware times; SQLite keeps naive UTC, as the app writes them."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def _standalone(path: Path) -> None:
    """One self-contained file (no -wal beside it), readable by any SQLite tool."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")


def backup(url: str, out: Path) -> dict[str, int]:
    """Write the copy into `out`; returns how many rows each table had."""
    out.mkdir(parents=True, exist_ok=True)
    snapshot_path = out / SNAPSHOT
    snapshot(url, snapshot_path)
    db = Database(sqlite_url(snapshot_path))
    store = EventStore(db)
    counts: dict[str, int] = {}
    try:
        raw = out / "tables"
        raw.mkdir(exist_ok=True)
        with db.read() as conn:
            for table in metadata.sorted_tables:
                frame = pd.DataFrame(conn.execute(select(table)).mappings().all(),
                                     columns=[c.name for c in table.columns])
                frame.to_csv(raw / f"{table.name}.csv", index=False, encoding="utf-8")
                counts[table.name] = len(frame)
        for event in store.events():
            folder = out / "eventi" / event.code
            folder.mkdir(parents=True, exist_ok=True)
            for name, payload in exports.export_files(store, event.code).items():
                (folder / name).write_bytes(payload)
            (folder / f"psm_evento_{event.code}_esiti.csv").write_bytes(
                to_csv_bytes(store.outcomes_frame([event.code]).assign(source=exports.SOURCE)))
    finally:
        db.dispose()
    _standalone(snapshot_path)
    lines = [f"PSM Torino Explorer — backup of {describe(url)} at {datetime.now(UTC).isoformat(timespec='seconds')}",
             "Participants' answers at listening events (source=participants): not data from the report.",
             f"{SNAPSHOT}: the whole database at one instant (schema {head_revision()}); every CSV here is read "
             "from it. Restore into an empty database: make restore BACKUP=<this folder>", ""]
    lines += [f"{name}: {n} rows" for name, n in counts.items()]
    (out / "LEGGIMI.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="database URL (default: $PSM_DB_URL or the SQLite file in the data home)")
    parser.add_argument("--out", type=Path, help="folder to write (default: backup/<UTC time>/)")
    args = parser.parse_args(argv)
    url = args.url or database_url()
    out = args.out or DEFAULT_ROOT / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        counts = backup(url, out)
    except BackupError as err:
        print(f"backup not made: {err}", file=sys.stderr)
        return 2
    print(f"backup of {describe(url)} written to {out}: {counts.get('events', 0)} events, "
          f"{counts.get('answers', 0)} answers, {counts.get('texts', 0)} comments and proposals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
