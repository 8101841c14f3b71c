"""The phones' state endpoint: a small JSON whose version changes exactly when the room does, one database read
per event and second whatever the number of phones, on SQLite and PostgreSQL."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Route

from psm_data.events.db import Database
from psm_data.events.live_state import ROUTE, LiveStateCache, make_endpoint, read_state
from psm_data.events.store import EventStore
from tests.async_helpers import run_async
from tests.events.conftest import token


class _Reply:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status_code, self.headers, self.content = status, headers, body

    def json(self):  # noqa: ANN201 - the decoded body
        import json

        return json.loads(self.content)


class AsgiClient:
    """GET through the ASGI app itself (no HTTP client library needed)."""

    def __init__(self, app) -> None:  # noqa: ANN001 - an ASGI app
        self.app = app

    def get(self, path: str, headers: dict[str, str] | None = None) -> _Reply:
        return run_async(self._get(path, headers or {}))

    async def _get(self, path: str, headers: dict[str, str]) -> _Reply:
        from urllib.parse import unquote

        sent: list[dict] = []
        scope = {"type": "http", "method": "GET", "path": unquote(path), "raw_path": path.encode(),
                 "query_string": b"", "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
                 "http_version": "1.1", "scheme": "http", "server": ("test", 80), "client": ("127.0.0.1", 1),
                 "root_path": ""}

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        await self.app(scope, receive, send)
        start = next(m for m in sent if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        return _Reply(start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body)

NEEDS = ["N1.1", "N1.2", "N3.3"]


def _event(store: EventStore) -> str:
    event = store.create_event(title="Sala", event_date="2026-12-05", need_ids=NEEDS)
    store.set_event_status(event.code, "open")
    return event.code


def test_the_version_changes_when_a_need_opens_or_closes_and_only_then(store: EventStore) -> None:
    code = _event(store)
    first = read_state(store, code)
    assert read_state(store, code).version == first.version
    store.set_item_status(code, "N1.2", "open")
    opened = read_state(store, code)
    assert opened.version != first.version
    assert opened.current == "N1.2"
    store.submit_answer(code, token(1), "N1.2", answer="agree")  # answers do not change the room's state
    assert read_state(store, code).version == opened.version
    store.set_item_status(code, "N1.2", "closed")
    assert read_state(store, code).version not in (first.version, opened.version)
    assert read_state(store, "ZZZZZZ") is None


def test_current_need_is_the_one_opened_last_unless_opened_together(store: EventStore) -> None:
    code = _event(store)
    assert store.current_need(code) is None
    store.set_item_status(code, NEEDS, "open")  # "Apri tutte": nobody is pacing the room
    assert store.current_need(code) is None
    store.set_item_status(code, "N1.1", "closed")
    store.set_item_status(code, "N1.1", "open")
    assert store.current_need(code) == "N1.1"


def test_the_cache_reads_once_per_interval() -> None:
    now = [0.0]
    calls: list[str] = []

    def read(code: str):  # noqa: ANN202 - a stand-in reader
        calls.append(code)

    cache = LiveStateCache(read, ttl=1.0, clock=lambda: now[0])
    for _ in range(100):
        cache.get("ABCDEF")
    assert calls == ["ABCDEF"]
    now[0] = 1.5
    cache.get("ABCDEF")
    cache.get("GHJKLM")
    assert calls == ["ABCDEF", "ABCDEF", "GHJKLM"]


def test_the_endpoint_answers_json_304_404_and_503(store: EventStore) -> None:
    code = _event(store)
    client = AsgiClient(Starlette(routes=[Route(ROUTE, make_endpoint(lambda: store, ttl=0.0))]))
    response = client.get(f"/api/live/{code.lower()}")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == read_state(store, code).version
    assert body["open"] == []
    assert body["total"] == 3
    assert response.headers["cache-control"] == "no-store"
    assert len(response.content) < 200  # what a phone downloads every few seconds
    again = client.get(f"/api/live/{code}", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    assert client.get("/api/live/ZZZZZZ").status_code == 404
    assert client.get("/api/live/%3Cscript%3E").status_code == 404
    down = EventStore(Database("postgresql+psycopg://postgres@127.0.0.1:1/none"))
    client = AsgiClient(Starlette(routes=[Route(ROUTE, make_endpoint(lambda: down, ttl=0.0))]))
    assert client.get(f"/api/live/{code}").status_code == 503


def test_an_answer_row_without_an_answer_is_never_written(store: EventStore) -> None:
    code = _event(store)
    store.set_item_status(code, "N1.1", "open")
    assert not store.submit_answer(code, token(1), "N1.1", answer=None, star=False).changed
    assert store.answers_frame([code]).empty
    store.submit_answer(code, token(1), "N1.1", answer="partly")
    assert store.my_answer(code, token(1), "N1.1") == {"answer": "partly", "star": False, "comment": ""}
    store.submit_comment(code, token(1), "N1.1", "Anche la sera")
    assert store.my_answer(code, token(1), "N1.1")["comment"] == "Anche la sera"
    assert store.my_answer(code, token(2), "N1.1") is None
