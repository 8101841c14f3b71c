"""Answer counts per event, kept in the process and recounted only for the events that changed.

Counting in the database (`EventStore.answer_counts_frame`, a GROUP BY) still reads every answer of the events
asked for: 300 000 answers take seconds on SQLite. But an event's counts change only when one of its answers or
participants does, and every answer change appends a row to `answer_log`. So the cache asks the database what
changed since last time (the new history rows, by primary key, and the participants updated since), recounts
those events only, and adds the per-event counts up: a results view costs events × needs × zones, and one GROUP BY
per changed event. Exact across several app servers, because the database says what changed.

Rows committed out of order (PostgreSQL: a transaction that took a lower `log_id` commits after a higher one was
read) are caught by looking back LOOKBACK_ROWS history rows and LOOKBACK on participant times each time.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime, timedelta

import pandas as pd

from psm_data.events.store import COUNT_COLUMNS, EventStore, now

LOOKBACK_ROWS = 1000
LOOKBACK = timedelta(seconds=60)


class CountsCache:
    """Per-event answer counts of one store, shared by every session of a process. Thread-safe."""

    def __init__(self, store: EventStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._frames: dict[str, pd.DataFrame] = {}
        self._log_mark = 0
        self._time_mark: datetime | None = None
        self.recounted = 0  # events recounted so far (for tests and the benchmark)

    def counts(self, codes: Sequence[str]) -> pd.DataFrame:
        """The counts frame (`COUNT_COLUMNS`) of the events `codes`, recounting only what changed."""
        with self._lock:
            started = now()
            since = (self._time_mark - LOOKBACK) if self._time_mark else started - timedelta(days=36500)
            newest, changed = self.store.answer_changes(max(self._log_mark - LOOKBACK_ROWS, 0), since)
            if newest < self._log_mark:
                # History rows were deleted (a rehearsal removed): SQLite hands their ids out again, so new rows
                # could hide below the mark. Recount everything once rather than miss them.
                self._frames.clear()
            self._log_mark, self._time_mark = newest, started
            for code in changed:
                self._frames.pop(code, None)
            stale = [c for c in dict.fromkeys(codes) if c not in self._frames]
            if stale:
                fresh = self.store.answer_counts_frame(stale)
                self.recounted += len(stale)
                for code in stale:
                    self._frames[code] = fresh[fresh["code"] == code].reset_index(drop=True)
            parts = [self._frames[c] for c in dict.fromkeys(codes) if len(self._frames[c])]
        if not parts:
            return pd.DataFrame(columns=COUNT_COLUMNS).astype(dict.fromkeys(COUNT_COLUMNS[4:], "int64"))
        return pd.concat(parts, ignore_index=True)

    def clear(self) -> None:
        with self._lock:
            self._frames.clear()
