"""What one answer costs the database: `EventStore.submit_answer` timed on SQLite and on PostgreSQL.

`make bench-store`. A fresh database of each kind, one open event with 5 needs, then 1000 answers from 200 phones
in one thread (each a full transaction: checks, upsert, history row), and the same re-sent (the idempotent no-op
a reconnect causes). Prints p50/p95/max in ms and writes JSON to bench/results/.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from psm_data import load_dataset  # noqa: E402
from psm_data.events.db import Database  # noqa: E402
from psm_data.events.migrate import upgrade  # noqa: E402
from psm_data.events.store import EventStore  # noqa: E402
from scripts.pgserver import PostgresServer  # noqa: E402

NEEDS = ["N1.1", "N1.2", "N3.3", "N4.1", "N5.2"]


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50": round(statistics.median(ordered), 2), "p95": round(ordered[int(len(ordered) * 0.95) - 1], 2),
            "max": round(ordered[-1], 2)}


def measure(url: str) -> dict[str, dict[str, float]]:
    upgrade(url)
    data = load_dataset()
    db = Database(url)
    store = EventStore(db, need_ids=tuple(data.needs["need_id"]), axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    event = store.create_event(title="bench", event_date="2026-12-01", need_ids=NEEDS)
    store.set_event_status(event.code, "open")
    store.set_item_status(event.code, NEEDS, "open")
    out: dict[str, list[float]] = {"write": [], "resend": []}
    for kind in ("write", "resend"):
        for phone in range(200):
            for need in NEEDS:
                started = time.perf_counter()
                store.submit_answer(event.code, f"bench-phone-{phone:06d}-xxxxxxxx", need, answer="agree")
                out[kind].append((time.perf_counter() - started) * 1000)
    db.dispose()
    return {kind: percentiles(values) for kind, values in out.items()}


def main() -> int:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = measure(f"sqlite:///{tmp}/bench.sqlite3")
    with PostgresServer() as pg:
        results["postgresql"] = measure(pg.create_database("bench"))
    for backend, kinds in results.items():
        for kind, figures in kinds.items():
            print(f"{backend:<11} {kind:<7} p50 {figures['p50']:6.2f} ms  p95 {figures['p95']:6.2f} ms  "
                  f"max {figures['max']:6.2f} ms")
    out = ROOT / "bench" / "results" / f"store-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
