"""The server guard as plain ASGI (no server): exact origins, refused messages, caps, closed metrics."""

from __future__ import annotations

from streamlit.proto.BackMsg_pb2 import BackMsg

from psm_data.server import limits
from psm_data.server.guard import ALLOWED, REFUSED, ServerGuardMiddleware, origin_allowed
from tests.async_helpers import run_async


def ws_scope(origin: str | None, host: str = "192.168.1.10:8501", **extra: object) -> dict:
    headers = [(b"host", host.encode())] + ([(b"origin", origin.encode())] if origin else [])
    return {"type": "websocket", "path": "/_stcore/stream", "scheme": "ws", "headers": headers,
            "client": ("10.0.0.5", 40000), **extra}


def test_only_the_exact_own_origin_is_allowed(monkeypatch):
    monkeypatch.delenv("PSM_PUBLIC_URL", raising=False)
    assert origin_allowed(ws_scope("http://192.168.1.10:8501"))
    assert origin_allowed(ws_scope("HTTP://192.168.1.10:8501"))  # case does not matter
    assert origin_allowed(ws_scope("http://localhost", host="localhost:80"))  # default port written or not
    assert origin_allowed(ws_scope(None))  # no Origin: not a browser
    for foreign in ("http://192.168.1.10:8888", "https://192.168.1.10:8501", "http://localhost:8501",
                    "http://evil.example", "null", "http://192.168.1.10:8501.evil.example", "http://[::1]:8501"):
        assert not origin_allowed(ws_scope(foreign)), foreign
    proxied = ws_scope("https://eventi.example.org", host="eventi.example.org",
                       headers=[(b"host", b"eventi.example.org"), (b"origin", b"https://eventi.example.org"),
                                (b"x-forwarded-proto", b"https")])
    assert origin_allowed(proxied)
    monkeypatch.setenv("PSM_PUBLIC_URL", "https://psm.example.org/")
    assert origin_allowed(ws_scope("https://psm.example.org"))
    assert not origin_allowed(ws_scope("http://psm.example.org"))


def back_msg(kind: str) -> bytes:
    msg = BackMsg()
    if kind == "rerun_script":
        msg.rerun_script.query_string = "a=1"
    else:
        setattr(msg, kind, True)
    return msg.SerializeToString()


def test_refused_messages_never_reach_streamlit():
    seen: list[str] = []

    async def app(scope, receive, send):  # noqa: ANN001 - ASGI
        while True:
            message = await receive()
            if message["type"] != "websocket.receive":
                seen.append(message["type"])
                if message["type"] == "websocket.disconnect":
                    return
                continue
            parsed = BackMsg()
            parsed.ParseFromString(message["bytes"])
            seen.append(parsed.WhichOneof("type"))

    incoming = [{"type": "websocket.connect"}, *({"type": "websocket.receive", "bytes": back_msg(k)}
                                                 for k in ("clear_cache", "rerun_script", "set_run_on_save",
                                                           "load_git_info", "app_heartbeat", "clear_cache")),
                {"type": "websocket.disconnect", "code": 1000}]

    async def receive():  # noqa: ANN202
        return incoming.pop(0)

    async def send(message):  # noqa: ANN001
        pass

    run_async(ServerGuardMiddleware(app)(ws_scope("http://192.168.1.10:8501"), receive, send))
    assert seen == ["websocket.connect", "rerun_script", "app_heartbeat", "websocket.disconnect"]
    assert limits.sessions.held("10.0.0.5") == 0  # the session's place is given back


def test_every_message_type_is_either_allowed_or_refused():
    kinds = {f.name for f in BackMsg.DESCRIPTOR.oneofs_by_name["type"].fields}
    assert kinds == set(ALLOWED) | set(REFUSED)
    assert not set(ALLOWED) & set(REFUSED)
    assert "clear_cache" in REFUSED


def test_metrics_are_closed_and_pages_are_counted():
    sent: list[dict] = []

    async def app(scope, receive, send):  # noqa: ANN001 - ASGI
        await send({"type": "http.response.start", "status": 200, "headers": []})

    async def send(message):  # noqa: ANN001
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/_stcore/metrics", "headers": [], "client": ("10.0.0.6", 1)}
    run_async(ServerGuardMiddleware(app)(scope, None, send))
    assert sent[0]["status"] == 404
    before = limits.page_loads.count("10.0.0.6")
    for path in ("/_stcore/health", "/static/js/index.js", "/app/static/favicon.png"):
        run_async(ServerGuardMiddleware(app)({**scope, "path": path}, None, send))
    assert limits.page_loads.count("10.0.0.6") == before  # assets and health are not page loads
    run_async(ServerGuardMiddleware(app)({**scope, "path": "/partecipa"}, None, send))
    assert limits.page_loads.count("10.0.0.6") == before + 1


def test_addresses_and_windows():
    assert limits.address_key(None) == limits.address_key("::1") == "127.0.0.1"
    assert limits.address_key("::ffff:10.1.2.3") == "10.1.2.3"
    window = limits.RateWindow(2, per_s=60)
    assert [window.allow("a", now=t) for t in (0, 1, 2)] == [True, True, False]
    assert window.allow("a", now=61)  # the first one left the window
    assert window.busiest(now=61) == [("a", 1)]  # the hits at 0 and 1 s are a minute old
    every = limits.Every(60)
    assert every.due("k", now=0) == (True, 0)
    assert every.due("k", now=1) == (False, 0)
    assert every.due("k", now=2) == (False, 0)
    assert every.due("k", now=61) == (True, 2)  # says how many lines it held back
