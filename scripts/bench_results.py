"""What a results view costs as the process grows: the explorer's "Tutti gli eventi" and the presenter's live
aggregates, timed at 0, 30 000 and 300 000 answers on SQLite and PostgreSQL.

`make bench-results` (about 2 minutes). Each size is a fresh, migrated database seeded directly in bulk (not through
the store's one-answer writes): N events × 250 participants × 30 needs, the participants' zones spread over the 11
zones (a tenth undeclared), a mix of answers and ★, a tenth of the answers on paper. Then, each the median of 5:

- `app`: what the app does now (`CountsCache`: per-event GROUP BY counts kept in the process, only the events that
  changed recounted) + `results_table`, when nothing changed and when one answer of one event changed;
- `counted`: every event counted in the database (`answer_counts_frame`, GROUP BY) + `results_table`, no cache;
- `raw`: what it did before, every answer read into pandas (`answers_frame`) + `results_table` (only up to
  30 000 answers on PostgreSQL and 300 000 on SQLite, it takes seconds);
- `presenter`: the live aggregates of one event (250 × 30 answers), counted.

Prints a table and writes JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, update  # noqa: E402

from psm_data import load_dataset  # noqa: E402
from psm_data.events.counts import CountsCache  # noqa: E402
from psm_data.events.db import Database  # noqa: E402
from psm_data.events.migrate import upgrade  # noqa: E402
from psm_data.events.results import results_table, summed  # noqa: E402
from psm_data.events.store import EventStore, now  # noqa: E402
from psm_data.events.tables import answer_log, answers, events, participants  # noqa: E402
from psm_data.events.vocabulary import ANSWERS  # noqa: E402

PARTICIPANTS = 250
SIZES = {0: 0, 30_000: 4, 300_000: 40}  # answers: events
SAMPLES = 5


def seed(store: EventStore, n_events: int, needs: list[str], zones: list[str]) -> list[str]:
    """n_events events, each with every need answered by 250 participants, written in bulk."""
    rng = random.Random(2026)  # noqa: S311 - reproducible bench data
    stamp = now()
    codes = []
    for number in range(n_events):
        code = store.create_event(title=f"Bench {number}", event_date="2026-12-01", need_ids=needs).code
        codes.append(code)
        event_id = store.event(code).event_id
        people = [{"event_id": event_id, "device_hash": f"bench-{number}-{p:04d}",
                   "zone_id": None if p % 10 == 0 else rng.choice(zones), "role": None,
                   "origin": "paper" if p % 10 == 1 else "web", "joined_at": stamp, "updated_at": stamp}
                  for p in range(PARTICIPANTS)]
        rows = [{"event_id": event_id, "device_hash": person["device_hash"], "need_id": need,
                 "answer": rng.choice(ANSWERS), "star": rng.random() < 0.1, "origin": person["origin"],
                 "revision": 1, "updated_at": stamp} for person in people for need in needs]
        with store.db.write() as conn:
            conn.execute(insert(participants), people)
            conn.execute(insert(answers), rows)
            conn.execute(insert(answer_log), [{k: r[k] for k in ("event_id", "device_hash", "need_id", "answer",
                                                                 "star", "origin", "revision")}
                                              | {"recorded_at": stamp} for r in rows])
            conn.execute(update(events).where(events.c.event_id == event_id).values(status="closed"))
    return codes


def answer_one(store: EventStore, code: str, need: str) -> None:
    """One answer changes (written like a phone's tap, with its history row)."""
    store.submit_answer(code, "bench-phone-token-000001", need, answer=random.choice(ANSWERS))  # noqa: S311


def timed(action: Callable[[], object], samples: int = SAMPLES, *, warm_up: bool = True) -> float:
    """Median milliseconds of `action` (after one warm-up call)."""
    if warm_up:
        action()
    runs = []
    for _ in range(samples):
        started = time.perf_counter()
        action()
        runs.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(runs), 1)


def measure(url: str, size: int, *, raw_up_to: int) -> dict[str, float | int]:
    upgrade(url)
    data = load_dataset()
    db = Database(url)
    store = EventStore(db, need_ids=tuple(data.needs["need_id"]), axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    needs = list(data.needs["need_id"])
    stamp_before = now() - timedelta(hours=1)
    started = time.perf_counter()
    codes = seed(store, SIZES[size], needs, list(data.zone_ids))
    seeded_s = time.perf_counter() - started
    every = [e.code for e in store.events()]
    out: dict[str, float | int] = {"answers": size, "events": len(codes), "seed_s": round(seeded_s, 1),
                                   "count_rows": len(store.answer_counts_frame(every))}
    if codes:
        store.set_event_status(codes[0], "open")
        store.set_item_status(codes[0], [needs[0]], "open")
    cache = CountsCache(store)
    cache.counts(every)
    with db.write() as conn:  # a long-running process: the seeded history is older than the cache's look-back
        conn.execute(update(participants).values(updated_at=stamp_before))
    out["app_ms"] = timed(lambda: results_table(summed(cache.counts(every))))
    if codes:
        out["app_one_changed_ms"] = timed(lambda: (answer_one(store, codes[0], needs[0]),
                                                   results_table(summed(cache.counts(every)))))
    out["counted_ms"] = timed(lambda: results_table(store.answer_counts_frame(every)))
    out["query_ms"] = timed(lambda: store.answer_counts_frame(every))
    if size <= raw_up_to:
        out["raw_ms"] = timed(lambda: results_table(store.answers_frame(every)), samples=1, warm_up=False)
    if codes:
        out["presenter_ms"] = timed(lambda: results_table(store.answer_counts_frame([codes[0]]), needs))
    db.dispose()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)
    results: dict[str, list[dict]] = {"sqlite": [], "postgresql": []}
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            results["sqlite"].append(measure(f"sqlite:///{tmp}/bench-{size}.sqlite3", size, raw_up_to=300_000))
            print("sqlite", results["sqlite"][-1], flush=True)
    if not args.no_postgres:
        from scripts.pgserver import PostgresServer
        with PostgresServer() as pg:
            for size in SIZES:
                results["postgresql"].append(measure(pg.create_database(f"bench_{size}"), size, raw_up_to=300_000))
                print("postgresql", results["postgresql"][-1], flush=True)
    print("\n| database | answers | count rows | app: nothing changed | app: one event changed | "
          "GROUP BY of every event, no cache | of which the query | every answer in pandas (before) | "
          "presenter, one event |")
    print("|---|---|---|---|---|---|---|---|---|")
    for backend, rows in results.items():
        for row in rows:
            raw = f"{row['raw_ms']:.0f} ms" if "raw_ms" in row else "—"
            presenter = f"{row['presenter_ms']:.0f} ms" if "presenter_ms" in row else "—"
            changed = f"{row['app_one_changed_ms']:.0f} ms" if "app_one_changed_ms" in row else "—"
            print(f"| {backend} | {row['answers']:,} | {row['count_rows']:,} | {row['app_ms']:.0f} ms | {changed} | "
                  f"{row['counted_ms']:.0f} ms | "
                  f"{row['query_ms']:.0f} ms | {raw} | {presenter} |")
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"results-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps({"when": datetime.now(UTC).isoformat(), "participants_per_event": PARTICIPANTS,
                                "results": results}, indent=2))
    print(f"\nwritten {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
