"""Per-client-address counters kept in the server's memory (never in the database: no IP is ever stored).

A hall shares one NAT address, so every cap is generous and configurable through the environment; the numbers are
per server process (several servers behind a balancer each count their own share).
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict, deque
from collections.abc import MutableMapping
from typing import Any

#: Addresses remembered at most (oldest forgotten first): a flood of spoofed addresses cannot grow memory.
MAX_KEYS = 20_000


def address_key(address: str | None) -> str:
    """One key per client: loopback in either spelling is one address (Streamlit reports it as None), and an IPv4
    client of a dual-stack server ("::ffff:10.0.0.7") is its IPv4 address."""
    if address in (None, "", "::1", "-"):
        return "127.0.0.1"
    text = str(address)
    return text[7:] if text.lower().startswith("::ffff:") and "." in text else text


def client_address(scope: MutableMapping[str, Any]) -> str:
    """The client address of an ASGI connection (the proxy's X-Forwarded-For when uvicorn trusts that proxy)."""
    client = scope.get("client")
    return address_key(str(client[0]) if client else None)


def env_int(name: str, default: int) -> int:
    """A positive integer from the environment, else the default (a bad value never stops the server)."""
    try:
        value = int(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


class RateWindow:
    """At most `limit` events per key in any `per_s` seconds (a sliding window of timestamps)."""

    def __init__(self, limit: int, per_s: float = 60.0) -> None:
        self.limit = limit
        self.per_s = per_s
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _window(self, key: str, now: float) -> deque[float]:
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = deque()
            if len(self._hits) > MAX_KEYS:
                self._hits.popitem(last=False)
        else:
            self._hits.move_to_end(key)
        while hits and hits[0] <= now - self.per_s:
            hits.popleft()
        return hits

    def allow(self, key: str, now: float | None = None) -> bool:
        """Count one event for `key` if it is under the limit; False (and not counted) when it is not."""
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._window(key, now)
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True

    def count(self, key: str, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        with self._lock:
            return len(self._window(key, now)) if key in self._hits else 0

    def busiest(self, now: float | None = None, top: int = 5) -> list[tuple[str, int]]:
        """The keys with the most events in the window, most first."""
        now = time.monotonic() if now is None else now
        with self._lock:
            counts = [(key, len(self._window(key, now))) for key in list(self._hits)]
        return sorted(((k, n) for k, n in counts if n), key=lambda kv: -kv[1])[:top]


class Concurrent:
    """How many things (open websockets) each key holds right now, refused above `limit`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._open: dict[str, int] = {}
        self._lock = threading.Lock()

    def acquire(self, key: str) -> bool:
        with self._lock:
            held = self._open.get(key, 0)
            if held >= self.limit:
                return False
            self._open[key] = held + 1
            return True

    def release(self, key: str) -> None:
        with self._lock:
            held = self._open.get(key, 0) - 1
            if held > 0:
                self._open[key] = held
            else:
                self._open.pop(key, None)

    def held(self, key: str) -> int:
        with self._lock:
            return self._open.get(key, 0)


class Every:
    """Allow something (a log line) at most once per `per_s` seconds per key; counts what was held back."""

    def __init__(self, per_s: float) -> None:
        self.per_s = per_s
        self._last: OrderedDict[str, float] = OrderedDict()
        self._skipped: dict[str, int] = {}
        self._lock = threading.Lock()

    def due(self, key: str, now: float | None = None) -> tuple[bool, int]:
        """(True, lines skipped since the last one) when it is time again; (False, 0) otherwise."""
        now = time.monotonic() if now is None else now
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.per_s:
                self._skipped[key] = self._skipped.get(key, 0) + 1
                return False, 0
            self._last[key] = now
            self._last.move_to_end(key)
            if len(self._last) > MAX_KEYS:
                self._last.popitem(last=False)
            return True, self._skipped.pop(key, 0)


# ---------------------------------------------------------------------------------------------- the server's caps
#: Open websocket sessions per client address (a hall of ~100 phones behind one NAT, each maybe with two tabs).
SESSIONS_PER_ADDRESS = env_int("PSM_MAX_SESSIONS_PER_ADDRESS", 250)
#: Page loads (HTML) per client address per minute (the whole hall arriving in the same minute, twice).
PAGE_LOADS_PER_MINUTE = env_int("PSM_MAX_PAGE_LOADS_PER_MINUTE", 300)
#: New device tokens (would-be participants) per client address per minute.
NEW_DEVICES_PER_MINUTE = env_int("PSM_MAX_NEW_DEVICES_PER_MINUTE", 120)
#: Proposals and comments sent per client address per minute.
TEXTS_PER_MINUTE = env_int("PSM_MAX_TEXTS_PER_MINUTE", 120)
#: The facilitator's page flags an address that made more new devices than this in the last minute.
FLAG_NEW_DEVICES_PER_MINUTE = env_int("PSM_FLAG_NEW_DEVICES_PER_MINUTE", 30)

sessions = Concurrent(SESSIONS_PER_ADDRESS)
page_loads = RateWindow(PAGE_LOADS_PER_MINUTE)
new_devices = RateWindow(NEW_DEVICES_PER_MINUTE)
texts = RateWindow(TEXTS_PER_MINUTE)
