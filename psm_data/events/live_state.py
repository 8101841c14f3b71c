"""The room's state in a few bytes, for phones that follow the facilitator without a script run each.

A phone's small component (components/events/phone_sync.js) asks `GET /api/live/<CODE>` every few seconds and
asks Streamlit for a rerun only when the answer's `version` changed: a need opened or closed, the event opened or
closed. The server answers 100 phones from one query per event and second (`LiveStateCache`), outside any
Streamlit session, so following the room costs a few hundred bytes and no script run per phone and interval.

The state is keyed by event and by an optional `scope` (today always "" = the whole agenda): a thematic table's
filter can be added as another scope without changing the phones' protocol. No participant data is in it.
Importable without Streamlit; the HTTP handler needs only Starlette (Streamlit's server).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from psm_data.events.errors import EventError
from psm_data.events.store import AgendaItem, Event, EventStore, normalise_code

#: Seconds one answer is shared by every phone asking about the same event (and scope).
TTL_S = 1.0
ROUTE = "/api/live/{code}"


@dataclass(frozen=True)
class LiveState:
    """What a phone needs to know to decide whether to redraw: the states, and their fingerprint."""

    code: str
    event_status: str
    needs: tuple[tuple[str, str], ...]  # (need id, status) in agenda order
    current: str | None  # the need to show first: the most recently opened one still open

    @property
    def version(self) -> str:
        return agenda_version(self.event_status, self.needs)

    def as_json(self) -> dict[str, object]:
        return {"code": self.code, "status": self.event_status, "version": self.version, "current": self.current,
                "open": [n for n, s in self.needs if s == "open"], "total": len(self.needs)}


def agenda_version(event_status: str, needs: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str:
    """A short fingerprint of the event's and its needs' states: equal iff a phone would show the same cards."""
    text = event_status + "|" + ";".join(f"{n}={s}" for n, s in needs)
    return hashlib.blake2s(text.encode(), digest_size=6).hexdigest()


def state_of(event: Event, agenda: tuple[AgendaItem, ...] | list[AgendaItem],
             current: str | None = None) -> LiveState:
    return LiveState(event.code, event.status, tuple((i.need_id, i.status) for i in agenda), current)


def read_state(store: EventStore, code: str) -> LiveState | None:
    """The event's state now (two indexed reads); None for an unknown code."""
    event = store.find_event(code)
    if event is None:
        return None
    return state_of(event, store.agenda(event.code), store.current_need(event.code))


class LiveStateCache:
    """One read per event, scope and `ttl` seconds, whatever the number of phones asking; thread-safe."""

    def __init__(self, read: Callable[[str], LiveState | None], ttl: float = TTL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._read, self._ttl, self._clock = read, ttl, clock
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, str], tuple[float, LiveState | None]] = {}
        self.reads = 0

    def get(self, code: str, scope: str = "") -> LiveState | None:
        key = (code, scope)
        with self._lock:  # one reader per interval: the others wait for its answer instead of querying too
            found = self._entries.get(key)
            if found is not None and self._clock() - found[0] < self._ttl:
                return found[1]
            state = self._read(code)
            self.reads += 1
            if len(self._entries) > 256:
                self._entries.clear()
            self._entries[key] = (self._clock(), state)
            return state


def make_endpoint(store: Callable[[], EventStore], ttl: float = TTL_S):  # noqa: ANN201 - a Starlette endpoint
    """The `GET /api/live/<CODE>` handler: 200 with the state, 404 for an unknown code, 503 when the database
    does not answer (the phone then keeps what it shows and says the room cannot be reached)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import Response

    cache = LiveStateCache(lambda code: read_state(store(), code), ttl)

    async def live_state(request):  # noqa: ANN001, ANN202 - Starlette request/response
        code = normalise_code(request.path_params.get("code", ""))
        headers = {"Cache-Control": "no-store"}
        if not code:
            return Response('{"error":"event_not_found"}', 404, headers, "application/json")
        try:
            state = await run_in_threadpool(cache.get, code)
        except EventError:
            return Response('{"error":"store_unavailable"}', 503, headers, "application/json")
        if state is None:
            return Response('{"error":"event_not_found"}', 404, headers, "application/json")
        etag = f'"{state.version}"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={**headers, "ETag": etag})
        body = json.dumps(state.as_json(), separators=(",", ":"))
        return Response(body, 200, {**headers, "ETag": etag}, "application/json")

    live_state.cache = cache  # type: ignore[attr-defined] - for tests and the load test's counters
    return live_state


_process_store: EventStore | None = None


def _default_store() -> EventStore:
    """The process's store for the endpoint (same database and vocabulary as the pages'), made on first use."""
    global _process_store  # noqa: PLW0603 - one per process, made lazily outside the server's start-up
    if _process_store is None:
        from psm_data import load_dataset
        from psm_data.events.db import database_for

        data = load_dataset()
        _process_store = EventStore(database_for(), need_ids=tuple(data.needs["need_id"]),
                                    axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    return _process_store


def live_route():  # noqa: ANN201 - a Starlette Route
    """The route scripts/serve.py adds to `st.App`: `GET /api/live/<CODE>`."""
    from starlette.routing import Route

    return Route(ROUTE, make_endpoint(_default_store), methods=["GET"])
