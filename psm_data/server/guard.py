"""What one client may do to the server: a plain ASGI middleware mounted first on `st.App` by scripts/serve.py.

- **Exact origins.** A websocket is accepted only from the app's own origin: scheme, host and port of the `Host`
  header (the scheme from `X-Forwarded-Proto` behind a proxy), or of `$PSM_PUBLIC_URL`. Streamlit's own check
  accepts any port of `localhost`/the machine's addresses (a page on another local port drove a signed-in
  facilitator session) and, for a foreign origin, looked up the machine's external IP on the internet with a
  blocking request. Refused here, that code is never reached.
- **Caps per client address** (psm_data/server/limits.py): open websocket sessions and page loads per minute.
- **Messages a session may send.** Every `BackMsg` is read here; those that act on the whole server or that the
  app does not use are dropped, for every session (see `REFUSED` and the README's Security section).
- **Not public:** Streamlit's `/_stcore/metrics` (memory and cache internals).
- **Quiet logs:** a refused or malformed message logs one short line with a reference code, at most once a minute
  per client address and kind (a probe wrote 497 tracebacks before); so do widget values Streamlit cannot read
  (`short_error_line`, hooked into Streamlit's logging of script errors by scripts/serve.py).

No Streamlit import at module level: `psm_data` stays importable without it (the protobuf is read lazily).
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from psm_data.server import limits

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_LOG = logging.getLogger("psm.server_guard")

#: BackMsg types refused for every session, and why (the README's table says the same).
REFUSED: dict[str, str] = {
    "clear_cache": "empties every cache of the whole server (all visitors' shared data): 7 s page loads when flooded",
    "set_run_on_save": "a developer setting of the whole app (re-run on source change); the app never uses it",
    "load_git_info": "reads the server's git repository state (branch, uncommitted files); not needed",
    "debug_disconnect_websocket": "Streamlit's test hook; not needed (Streamlit refuses it outside dev mode too)",
    "debug_shutdown_runtime": "stops the whole server in dev mode; not needed (refused outside dev mode too)",
}
#: BackMsg types the app needs (what a browser sends while using it).
ALLOWED: dict[str, str] = {
    "rerun_script": "every interaction: widget values, page, query string",
    "stop_script": "the browser stops its own session's run (navigating away mid-run)",
    "app_heartbeat": "keeps the session's connection alive",
    "file_urls_request": "upload URLs for the session's own file uploader (scenario and paper CSVs)",
    "backend_operation_request": "session-bound requests of newer widgets (checked against the session id)",
}
STREAM_SUFFIX = "/_stcore/stream"
METRICS_SUFFIX = "/_stcore/metrics"
_quiet = limits.Every(60.0)


def log_once(kind: str, address: str, detail: str) -> str | None:
    """One short line with a reference code, at most once a minute per address and kind; the reference or None."""
    due, skipped = _quiet.due(f"{kind}|{address}")
    if not due:
        return None
    ref = secrets.token_hex(4)
    more = f" ({skipped} more since the last line)" if skipped else ""
    _LOG.warning("refused %s from %s: %s, reference %s%s", kind, address, detail[:120], ref, more)
    return ref


def own_origins(scope: Scope) -> set[str]:
    """The app's own origin as the browser sees it (Host header and scheme), and $PSM_PUBLIC_URL's."""
    headers = dict(scope.get("headers") or [])
    host = headers.get(b"host", b"").decode("latin-1").strip().lower()
    proto = headers.get(b"x-forwarded-proto", b"").decode("latin-1").split(",")[0].strip().lower()
    secure = proto == "https" if proto else scope.get("scheme") in ("https", "wss")
    origins = {_normal_origin(f"{'https' if secure else 'http'}://{host}")} if host else set()
    public = os.environ.get("PSM_PUBLIC_URL", "").strip()
    if public:
        origins.add(_normal_origin(public))
    origins.discard("")
    return origins


def _normal_origin(url: str) -> str:
    """scheme://host:port with the default port written out, so 'http://a' and 'http://a:80' are one origin."""
    try:
        parts = urlsplit(url.strip().lower())
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    except ValueError:
        return ""
    if not parts.scheme or not parts.hostname or port is None:
        return ""
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}:{port}"


def origin_allowed(scope: Scope) -> bool:
    """No Origin (not a browser: it could send any) or exactly the app's own origin."""
    origin = dict(scope.get("headers") or []).get(b"origin")
    if origin is None:
        return True
    return _normal_origin(origin.decode("latin-1")) in own_origins(scope)


def back_msg_type(data: bytes) -> str | None:
    """The BackMsg's type, or None when the bytes are not a BackMsg (Streamlit then closes the connection)."""
    from google.protobuf.message import DecodeError
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    try:
        msg.ParseFromString(data)
    except (DecodeError, ValueError, RuntimeError):
        return None
    return msg.WhichOneof("type")


def is_client_input_error(exc: BaseException, project_root: Path) -> bool:
    """True when Streamlit failed on what a client sent, not a bug of ours: the error was raised while Streamlit
    read or wrote widget values (its session state, a widget's (de)serializer; e.g. a list where a selectbox
    expects a string), or no frame of the traceback is the app's own code."""
    root = str(project_root.resolve())
    ours = False
    last = None
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        ours = ours or (name.startswith(root) and "/site-packages/" not in name)
        last = tb
        tb = tb.tb_next
    if last is None:
        return False
    code = last.tb_frame.f_code
    in_widget_state = "/streamlit/runtime/state/" in code.co_filename or code.co_name in ("deserialize", "serialize")
    return in_widget_state or not ours


def short_error_line(exc: BaseException, address: str = "client") -> str | None:
    """Log one short line (type, where, message, reference) for a client's malformed input, rate-limited; None
    when the line was held back."""
    last = exc.__traceback__
    while last is not None and last.tb_next is not None:
        last = last.tb_next
    where = f"{Path(last.tb_frame.f_code.co_filename).name}:{last.tb_lineno}" if last else "?"
    return log_once(f"malformed input {type(exc).__name__} at {where}", address,
                    f"{type(exc).__name__} at {where}: {str(exc)[:80]}")


class ServerGuardMiddleware:
    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope.get("type")
        path = str(scope.get("path", ""))
        if kind == "websocket":
            await self._websocket(scope, receive, send, path)
            return
        if kind == "http":
            if path.endswith(METRICS_SUFFIX):
                await _plain(send, 404, b"Not found")
                return
            if scope.get("method") == "GET" and _is_page(path):
                address = limits.client_address(scope)
                if not limits.page_loads.allow(address):
                    log_once("page loads", address, f"over {limits.PAGE_LOADS_PER_MINUTE} per minute")
                    await _plain(send, 429, b"Troppe richieste: riprova tra un minuto. / Too many requests: try again "
                                 b"in a minute.", retry_after=b"60")
                    return
        await self.app(scope, receive, send)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        address = limits.client_address(scope)
        if not origin_allowed(scope):
            origin = dict(scope.get("headers") or []).get(b"origin", b"").decode("latin-1")
            log_once("websocket origin", address, f"origin {origin!r} is not the app's own")
            await _refuse_websocket(receive, send)
            return
        if not path.endswith(STREAM_SUFFIX):
            await self.app(scope, receive, send)
            return
        if not limits.sessions.acquire(address):
            log_once("session", address, f"over {limits.SESSIONS_PER_ADDRESS} open sessions")
            await _refuse_websocket(receive, send)
            return

        async def filtered_receive() -> Message:
            while True:
                message = await receive()
                data = message.get("bytes") if message.get("type") == "websocket.receive" else None
                if not data:
                    return message
                msg_type = back_msg_type(data)
                if msg_type is None:  # the connection ends here (Streamlit would log a traceback for each)
                    log_once("malformed message", address, f"{len(data)} bytes that are not a Streamlit message")
                    return {"type": "websocket.disconnect", "code": 1002}
                if msg_type not in REFUSED:
                    return message
                log_once(f"message {msg_type}", address, REFUSED[msg_type])

        try:
            await self.app(scope, filtered_receive, send)
        finally:
            limits.sessions.release(address)


def _is_page(path: str) -> bool:
    """A page load (Streamlit's index.html), not an asset, the health check, a component file or the phones' state
    polls (/api/live/<CODE>, every 3 s per phone, cached: counted as page loads, 15 phones behind one address
    would use up the whole per-address cap and the next page load of that address would be refused)."""
    return not path.startswith(("/_stcore/", "/static/", "/app/static/", "/component/", "/media/", "/api/")) and \
        "/_stcore/" not in path and "." not in path.rsplit("/", 1)[-1]


async def _refuse_websocket(receive: Receive, send: Send) -> None:
    """Close before accepting: the client gets HTTP 403 to its upgrade request, and no session is made."""
    message = await receive()
    if message.get("type") == "websocket.connect":
        await send({"type": "websocket.close", "code": 1008})


async def _plain(send: Send, status: int, body: bytes, retry_after: bytes | None = None) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    if retry_after:
        headers.append((b"retry-after", retry_after))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
