"""`make backup`: a planner's own copy of everything the events collected, readable without the app.

Writes `backup/<UTC time>/` (or `--out`): for each event the same CSVs as its export page (answer log with every
change, summaries per need and per zone, comments and proposals with moderation status, outcomes), every table
of the database as raw CSV (for a restore), and, on SQLite, a consistent copy of the database file made with
SQLite's online backup (safe while the app is serving). Never touches the curated CSVs.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import make_url

from psm_data.csvsafe import to_csv_bytes
from psm_data.events import exports
from psm_data.events.db import Database, database_url, describe
from psm_data.events.store import EventStore
from psm_data.events.tables import metadata

DEFAULT_ROOT = Path("backup")


def backup(url: str, out: Path) -> dict[str, int]:
    """Write the copy into `out`; returns how many rows each table had."""
    db = Database(url)
    store = EventStore(db)
    out.mkdir(parents=True, exist_ok=True)
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
        if db.is_sqlite:
            source = make_url(url).database
            with sqlite3.connect(source) as live, sqlite3.connect(out / "eventi.sqlite3") as copy:
                live.backup(copy)
    finally:
        db.dispose()
    lines = [f"PSM Torino Explorer — backup of {describe(url)} at {datetime.now(UTC).isoformat(timespec='seconds')}",
             "Participants' answers at listening events (source=participants): not data from the report.", ""]
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
    counts = backup(url, out)
    print(f"backup of {describe(url)} written to {out}: {counts.get('events', 0)} events, "
          f"{counts.get('answers', 0)} answers, {counts.get('texts', 0)} comments and proposals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
