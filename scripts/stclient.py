"""A browser tab without the browser: a small asyncio client of Streamlit 1.67's websocket protocol.

Used by the load test (scripts/loadtest/: a hall of phones, explorer sessions) and its smoke test. It does what
the frontend does (read in streamlit/static/.../index.*.js and web/server/starlette/*.py), no more:

1. GET the page URL over HTTP like a browser's first request, keeping the cookies it sets (the app's HttpOnly
   device cookie), then GET ``/_stcore/health`` (sets the ``_streamlit_xsrf`` cookie).
2. Open ``ws://host/_stcore/stream`` with the subprotocols ``["streamlit", <xsrf token or placeholder>,
   <previous session id on a reconnect>]``, the cookies, and an ``Origin`` header of the page's origin.
3. Send ``BackMsg.rerun_script`` (a ``ClientState``) right away: ``query_string`` (no "?"), ``page_name`` (the
   URL path under the base, e.g. "partecipa") and an empty ``page_script_hash`` for the first run, then the
   ``page_script_hash`` of the page being shown; ``widget_states`` of every widget on screen that has a value;
   ``fragment_id`` when the interaction happened inside an ``st.fragment``; ``cached_message_hashes`` of the big
   messages it keeps (the server then sends a ``ref_hash`` instead of the message); ``context_info``.
4. Read ``ForwardMsg``: ``new_session`` opens a run, ``delta`` messages fill the element tree at
   ``metadata.delta_path``, ``page_info_changed`` updates the query string, ``auto_rerun`` asks for a periodic
   fragment rerun (``st.fragment(run_every=…)``), ``script_finished`` closes the run and drops the elements the run
   did not touch (only inside the re-run fragments for a fragment run).

Widget ids end with the user key (``$$ID-<hash>-<key>``), so widgets are found by key. Values are what the server
expects in 1.67: radio and selectbox take the option's *label* (the formatted string) as ``string_value``; text
inputs ``string_value``; checkbox and toggle ``bool_value``; buttons a one-shot ``trigger_value``. A widget inside
an ``st.form`` keeps its value on the client until the form's submit button is clicked, as in a browser.

Every interaction returns a :class:`RunResult` with the latency from the message sent to ``script_finished`` (and to
the first time a predicate on the tree held, if given). One client costs well under 0.5 MB on small pages, so a
few hundred fit in one process.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

STREAM_PATH = "/_stcore/stream"
HEALTH_PATH = "/_stcore/health"
XSRF_COOKIE = "_streamlit_xsrf"
NO_XSRF_TOKEN = "PLACEHOLDER_AUTH_TOKEN"  # what the frontend sends when it has no XSRF cookie
USER_AGENT = "Mozilla/5.0 (psm-loadtest stclient)"
MAX_CACHE_BYTES = 4_000_000  # cap of the per-client cache of big messages (the frontend's ForwardMsgCache)

# script_finished statuses (ForwardMsg.ScriptFinishedStatus)
FINISHED_SUCCESSFULLY = ForwardMsg.FINISHED_SUCCESSFULLY
FINISHED_WITH_COMPILE_ERROR = ForwardMsg.FINISHED_WITH_COMPILE_ERROR
FINISHED_EARLY_FOR_RERUN = ForwardMsg.FINISHED_EARLY_FOR_RERUN
FINISHED_FRAGMENT_RUN_SUCCESSFULLY = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY

# Element types whose proto carries a text body worth reading.
_TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "markdown": ("body",),
    "text": ("body",),
    "heading": ("body",),
    "alert": ("body",),
    "html": ("body",),
    "code": ("code_text",),
    "metric": ("label", "body"),
    "exception": ("type", "message"),
    "toast": ("body",),
}
_TOAST_TRANSIENT = "toast"


class StreamlitClientError(RuntimeError):
    """The server refused, closed, or did not answer in time."""


# --------------------------------------------------------------------------------------------------------------
# HTTP: just enough for the page GET and the health check (stdlib only, asyncio)


@dataclass
class HttpResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header_values(self, name: str) -> list[str]:
        name = name.lower()
        return [v for k, v in self.headers if k.lower() == name]


async def http_get(url: str, *, headers: dict[str, str] | None = None, timeout: float = 30.0,
                   local_addr: str | None = None) -> HttpResponse:
    """One HTTP/1.1 GET with ``Connection: close`` (enough for localhost; no TLS, no redirects).

    ``local_addr`` sends it from another loopback address (e.g. "127.0.0.7"): a second "laptop" for tests of
    per-address limits."""
    parts = urlsplit(url)
    if parts.scheme != "http":
        raise ValueError(f"only http:// URLs are supported, not {url!r}")
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    lines = [f"GET {target} HTTP/1.1", f"Host: {parts.netloc}", f"User-Agent: {USER_AGENT}",
             "Accept: */*", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    async def _do() -> HttpResponse:
        reader, writer = await asyncio.open_connection(host, port,
                                                       local_addr=(local_addr, 0) if local_addr else None)
        try:
            writer.write(request)
            await writer.drain()
            raw = await reader.read()
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
        head, _, body = raw.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        hdrs = [(k.strip(), v.strip()) for k, _, v in (h.partition(":") for h in header_lines)]
        if any(k.lower() == "transfer-encoding" and "chunked" in v.lower() for k, v in hdrs):
            body = _dechunk(body)
        return HttpResponse(status, hdrs, body)

    return await asyncio.wait_for(_do(), timeout)


async def poll_live(base_url: str, code: str, *, cookies: dict[str, str] | None = None,
                    timeout: float = 30.0) -> tuple[str | None, int]:
    """What the phone's component does every few seconds (components/events/phone_sync.js): GET
    ``/api/live/<CODE>`` and read the room's ``version``. Returns (version or None, bytes on the wire both ways,
    request and response with headers; one connection per poll, as ``http_get`` does)."""
    import json

    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
    url = f"{base_url.rstrip('/')}/api/live/{code}"
    response = await http_get(url, headers=headers, timeout=timeout)
    request_bytes = len(f"GET /api/live/{code} HTTP/1.1\r\nHost: {urlsplit(url).netloc}\r\n"
                        f"User-Agent: {USER_AGENT}\r\nAccept: */*\r\nConnection: close\r\n\r\n")
    request_bytes += sum(len(k) + len(v) + 4 for k, v in headers.items())
    response_bytes = 17 + sum(len(k) + len(v) + 4 for k, v in response.headers) + 2 + len(response.body)
    version = None
    if response.status == 200:
        with contextlib.suppress(ValueError, KeyError, TypeError):
            version = json.loads(response.body)["version"]
    return version, request_bytes + response_bytes


def _dechunk(data: bytes) -> bytes:
    out, pos = bytearray(), 0
    while pos < len(data):
        eol = data.index(b"\r\n", pos)
        size = int(data[pos:eol].split(b";")[0], 16)
        if size == 0:
            break
        out += data[eol + 2 : eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)


# --------------------------------------------------------------------------------------------------------------
# The element tree


@dataclass
class Node:
    """One element or block of the page, as the last run left it."""

    path: tuple[int, ...]
    kind: str  # "element" or "block"
    type: str  # element type ("radio", "markdown", …) or block type ("vertical", "form", …)
    proto: Any  # streamlit.proto Element or Block
    fragment_id: str
    run_id: str
    script_hash: str  # metadata.active_script_hash: the page (or main script) that drew it

    @property
    def value(self) -> Any:
        """The element's own proto (e.g. ``Radio``), or the Block for blocks."""
        return getattr(self.proto, self.type) if self.kind == "element" else self.proto

    @property
    def widget_id(self) -> str:
        return getattr(self.value, "id", "") if self.kind == "element" else ""

    @property
    def key(self) -> str | None:
        """The user key of a widget (``$$ID-<hash>-<key>``), None for widgets without a key."""
        return user_key(self.widget_id)

    @property
    def form_id(self) -> str:
        return getattr(self.value, "form_id", "") if self.kind == "element" else ""

    @property
    def text(self) -> str:
        fields = _TEXT_FIELDS.get(self.type, ()) if self.kind == "element" else ()
        return " ".join(str(getattr(self.value, f)) for f in fields if getattr(self.value, f))


def user_key(widget_id: str) -> str | None:
    """The user key at the end of a generated widget id, or None."""
    if not widget_id.startswith("$$ID-"):
        return None
    parts = widget_id.split("-", 2)
    if len(parts) < 3 or parts[2] == "None":
        return None
    return parts[2]


class ElementTree:
    """The page as a map delta_path → Node, updated the way the frontend's AppRoot is."""

    def __init__(self) -> None:
        self.nodes: dict[tuple[int, ...], Node] = {}

    def apply(self, msg: ForwardMsg, run_id: str) -> None:
        delta = msg.delta
        path = tuple(msg.metadata.delta_path)
        kind = delta.WhichOneof("type")
        if kind == "new_element":
            el = delta.new_element
            node = Node(path, "element", el.WhichOneof("type") or "", el, delta.fragment_id, run_id,
                        msg.metadata.active_script_hash)
            self._drop_descendants(path)  # an element replacing a block takes its children away
        elif kind == "add_block":
            block = delta.add_block
            btype = block.WhichOneof("type") or "vertical"
            old = self.nodes.get(path)
            if old is None or old.kind != "block" or old.type != btype:
                self._drop_descendants(path)
            node = Node(path, "block", btype, block, delta.fragment_id, run_id, msg.metadata.active_script_hash)
        else:  # new_transient (toasts, spinners): not part of the page
            return
        self.nodes[path] = node

    def _drop_descendants(self, path: tuple[int, ...]) -> None:
        n = len(path)
        for p in [p for p in self.nodes if len(p) > n and p[:n] == path]:
            del self.nodes[p]

    def clear_stale(self, run_id: str, fragment_ids: Iterable[str] = ()) -> None:
        """After a run: drop what it did not redraw (only inside its fragments, for a fragment run)."""
        frags = set(fragment_ids)
        stale = [p for p, node in self.nodes.items()
                 if node.run_id != run_id and (not frags or node.fragment_id in frags)]
        for p in stale:
            self.nodes.pop(p, None)

    def clear_page(self, keep_script_hash: str) -> None:
        """A page change: keep only what the main script drew (sidebar, navigation), as the frontend does."""
        for p in [p for p, n in self.nodes.items() if n.script_hash != keep_script_hash]:
            del self.nodes[p]

    def clear(self) -> None:
        self.nodes.clear()

    def in_order(self) -> list[Node]:
        return [self.nodes[p] for p in sorted(self.nodes)]

    def widgets(self) -> list[Node]:
        return [n for n in self.in_order() if n.widget_id]

    def find(self, key: str) -> Node | None:
        """The widget whose user key is ``key`` (None if not on the page)."""
        for node in self.nodes.values():
            if node.widget_id and node.key == key:
                return node
        return None

    def texts(self, types: Iterable[str] | None = None) -> list[str]:
        wanted = set(types) if types is not None else None
        return [n.text for n in self.in_order() if n.text and (wanted is None or n.type in wanted)]

    def text(self) -> str:
        return "\n".join(self.texts())

    def exceptions(self) -> list[str]:
        return [n.text for n in self.nodes.values() if n.kind == "element" and n.type == "exception"]


# --------------------------------------------------------------------------------------------------------------
# Runs and the client


@dataclass
class RunResult:
    """One interaction: from the message sent to the run's end."""

    action: str
    sent_at: float  # time.perf_counter()
    finished_at: float | None = None
    matched_at: float | None = None  # first time `until` held (if given)
    status: int | None = None
    fragment_id: str = ""
    messages: int = 0
    bytes: int = 0
    exceptions: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and not self.exceptions and self.status in (
            FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY)

    @property
    def latency(self) -> float | None:
        """Seconds from send to script_finished."""
        return None if self.finished_at is None else self.finished_at - self.sent_at

    @property
    def match_latency(self) -> float | None:
        return None if self.matched_at is None else self.matched_at - self.sent_at


@dataclass
class _Waiter:
    result: RunResult
    sessions_before: int
    until: Callable[[ElementTree], bool] | None
    done: asyncio.Future[RunResult]
    seen_new_session: bool = False


class StreamlitClient:
    """One simulated browser tab on one page of a Streamlit app.

    >>> async with StreamlitClient("http://127.0.0.1:8501", "partecipa", "evento=AB12") as c:
    ...     await c.click("start")
    ...     await c.choose("ans_N01", index=0)
    """

    def __init__(
        self,
        base_url: str,
        page: str = "",
        query: str = "",
        *,
        cookies: dict[str, str] | None = None,
        timeout: float = 60.0,
        name: str = "",
        follow_auto_rerun: bool = True,
        locale: str = "it-IT",
        compression: str | None = "deflate",
        cache_messages: bool = True,
        local_addr: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.page = page.strip("/")
        self.query = query.lstrip("?")
        self.cookies: dict[str, str] = dict(cookies or {})
        self.timeout = timeout
        self.name = name or uuid.uuid4().hex[:8]
        self.follow_auto_rerun = follow_auto_rerun
        self.locale = locale
        self.compression = compression
        self.cache_messages = cache_messages
        self.local_addr = local_addr  # the client's own address (another loopback address: another "laptop")

        self.tree = ElementTree()
        self.session_id = ""
        self.page_script_hash = ""
        self.main_script_hash = ""
        self.pages: dict[str, str] = {}  # url path → page_script_hash (from the navigation message)
        self.run_id = ""
        self.running = False
        self.bytes_received = 0  # websocket payload, as the page sees it
        self.wire_bytes_received = 0  # what arrived on the socket (less than the payload with compression)
        self.messages_received = 0
        self.runs_finished = 0
        self.auto_reruns: list[RunResult] = []  # fragment runs the client asked for by itself (run_every)
        self.errors: list[str] = []

        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._auto_tasks: dict[str, asyncio.Task[None]] = {}
        self._new_sessions = 0
        self._waiters: list[_Waiter] = []
        self._values: dict[str, WidgetState] = {}  # committed widget values, by widget id
        self._pending_form: dict[str, dict[str, WidgetState]] = {}  # form id → values not yet submitted
        self._cache: dict[str, ForwardMsg] = {}
        self._cache_bytes = 0
        self._closed = asyncio.Event()

    # ---- connection ---------------------------------------------------------------------------------------
    @property
    def origin(self) -> str:
        return self.base_url

    @property
    def page_url(self) -> str:
        url = f"{self.base_url}/{self.page}"
        return f"{url}?{self.query}" if self.query else url

    async def load_page(self) -> HttpResponse:
        """GET the page (HTML) and then the health check, like a browser's first requests; keeps cookies."""
        resp = await http_get(self.page_url, headers=self._cookie_header(), timeout=self.timeout,
                              local_addr=self.local_addr)
        if resp.status >= 400:
            raise StreamlitClientError(f"GET {self.page_url}: HTTP {resp.status}")
        self._keep_cookies(resp)
        health = await http_get(self.base_url + HEALTH_PATH, headers=self._cookie_header(), timeout=self.timeout,
                                local_addr=self.local_addr)
        self._keep_cookies(health)
        return resp

    def _cookie_header(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}

    def _keep_cookies(self, resp: HttpResponse) -> None:
        for raw in resp.header_values("set-cookie"):
            jar: SimpleCookie = SimpleCookie()
            with contextlib.suppress(Exception):
                jar.load(raw)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value

    async def connect(self, *, load_page: bool = True, until: Callable[[ElementTree], bool] | None = None,
                      resume: bool = False) -> RunResult:
        """Open the page: HTTP GET (cookies), websocket, first run. Returns the first run's result.

        ``resume=True`` reconnects to the previous server session (the frontend passes its last session id as
        the third subprotocol), as a phone that lost Wi-Fi does.
        """
        started = time.perf_counter()
        if load_page:
            await self.load_page()
        ws_url = "ws" + self.base_url[len("http"):] + STREAM_PATH
        protocols = ["streamlit", self.cookies.get(XSRF_COOKIE) or NO_XSRF_TOKEN]
        if resume and self.session_id:
            protocols.append(self.session_id)
        try:
            self._ws = await connect(
                ws_url, origin=self.origin, subprotocols=protocols,  # type: ignore[arg-type]
                additional_headers=self._cookie_header(), user_agent_header=USER_AGENT, proxy=None,
                compression=self.compression, open_timeout=self.timeout, max_size=None, max_queue=None,
                ping_interval=None, **({"local_addr": (self.local_addr, 0)} if self.local_addr else {}),
            )
        except Exception as exc:  # noqa: BLE001 - any failure to connect is one kind of error for the caller
            raise StreamlitClientError(f"websocket {ws_url}: {exc!r}") from exc
        self._count_wire_bytes(self._ws)
        self._closed.clear()
        self._reader = asyncio.create_task(self._read_loop(), name=f"stclient-{self.name}")
        # Like the frontend on CONNECTED: request a run with the page name (first time) and current widgets.
        result = await self._send_rerun("load", until=until, first=not resume or not self.page_script_hash)
        result.sent_at = started  # a load is measured from the HTTP GET
        return result

    def _count_wire_bytes(self, ws: ClientConnection) -> None:
        """Count the bytes the socket delivers (the connection is the transport's protocol: wrap its callback)."""
        received = ws.data_received

        def data_received(data: bytes) -> None:
            self.wire_bytes_received += len(data)
            received(data)

        ws.data_received = data_received  # type: ignore[method-assign]

    async def close(self) -> None:
        for task in self._auto_tasks.values():
            task.cancel()
        self._auto_tasks.clear()
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        self._ws = None
        self._reader = None

    async def drop(self) -> None:
        """Lose the connection without a goodbye (a phone going to sleep); the server session is kept for a while."""
        if self._ws is not None:
            self._ws.transport.abort()
        await self.close()

    async def __aenter__(self) -> StreamlitClient:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ---- reading --------------------------------------------------------------------------------------------
    async def _read_loop(self) -> None:
        assert self._ws is not None
        try:
            async for data in self._ws:
                if isinstance(data, str):
                    continue
                self.bytes_received += len(data)
                self.messages_received += 1
                msg = ForwardMsg()
                msg.ParseFromString(data)
                for w in self._waiters:
                    w.result.messages += 1
                    w.result.bytes += len(data)
                self._handle(msg)
        except ConnectionClosed as exc:
            if exc.rcvd is not None and exc.rcvd.code not in (1000, 1001):
                self._fail_waiters(f"connection closed: {exc.rcvd.code} {exc.rcvd.reason}")
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - report instead of dying silently
            self.errors.append(repr(exc))
            self._fail_waiters(repr(exc))
        finally:
            self._closed.set()
            self._fail_waiters("connection closed")

    def _fail_waiters(self, reason: str) -> None:
        for w in self._waiters:
            if not w.done.done():
                w.result.error = reason
                w.done.set_result(w.result)
        self._waiters.clear()

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                self.errors.append(f"ref_hash {msg.ref_hash} not in cache")
                return
            full = ForwardMsg()
            full.CopyFrom(cached)
            full.metadata.CopyFrom(msg.metadata)
            msg, kind = full, full.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash and self.cache_messages:
            self._remember(msg)

        if kind == "new_session":
            self._on_new_session(msg)
        elif kind == "delta":
            self.tree.apply(msg, self.run_id)
        elif kind == "script_finished":
            self._on_script_finished(msg)
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "navigation":
            nav = msg.navigation
            self.pages = {p.url_pathname: p.page_script_hash for p in nav.app_pages}
            if nav.page_script_hash:
                self.page_script_hash = nav.page_script_hash
        elif kind == "auto_rerun":
            self._start_auto_rerun(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fid in msg.stop_auto_rerun.fragment_ids:
                task = self._auto_tasks.pop(fid, None)
                if task:
                    task.cancel()
        elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
            self.errors.append("script compilation exception")
        self._check_waiters()

    def _remember(self, msg: ForwardMsg) -> None:
        if msg.hash in self._cache:
            return
        size = msg.ByteSize()
        if self._cache_bytes + size > MAX_CACHE_BYTES:
            self._cache.clear()
            self._cache_bytes = 0
        copy = ForwardMsg()
        copy.CopyFrom(msg)
        copy.ClearField("metadata")
        self._cache[msg.hash] = copy
        self._cache_bytes += size

    def _on_new_session(self, msg: ForwardMsg) -> None:
        ns = msg.new_session
        self.session_id = ns.initialize.session_id or self.session_id
        self.run_id = msg.metadata.run.script_run_id
        self.running = True
        self._new_sessions += 1
        if not msg.metadata.run.fragment_ids:
            if ns.main_script_hash:
                self.main_script_hash = ns.main_script_hash
            if ns.page_script_hash and ns.page_script_hash != self.page_script_hash:
                if self.page_script_hash:
                    self.tree.clear_page(self.main_script_hash)
                self.page_script_hash = ns.page_script_hash
            # A new run ends any run_every timer; the fragments re-announce themselves (frontend: cleanupAutoReruns).
            for task in self._auto_tasks.values():
                task.cancel()
            self._auto_tasks.clear()
        for w in self._waiters:
            if self._new_sessions > w.sessions_before:
                w.seen_new_session = True

    def _on_script_finished(self, msg: ForwardMsg) -> None:
        status = msg.script_finished
        frags = list(msg.metadata.run.fragment_ids)
        if status == FINISHED_SUCCESSFULLY:
            self.tree.clear_stale(self.run_id)
        elif status == FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
            self.tree.clear_stale(self.run_id, frags)
        if status != FINISHED_EARLY_FOR_RERUN:
            self.running = False
            self.runs_finished += 1
            self._forget_inactive_widgets()
        now = time.perf_counter()
        for w in self._waiters:
            if w.seen_new_session and not w.done.done() and status != FINISHED_EARLY_FOR_RERUN:
                w.result.finished_at = now
                w.result.status = status
                w.result.exceptions = self.tree.exceptions()
                if w.until is None or w.result.matched_at is not None:
                    w.done.set_result(w.result)

    def _check_waiters(self) -> None:
        now = time.perf_counter()
        for w in self._waiters:
            if w.until is not None and w.result.matched_at is None and w.seen_new_session and w.until(self.tree):
                w.result.matched_at = now
                if w.result.finished_at is not None and not w.done.done():
                    w.done.set_result(w.result)
        self._waiters = [w for w in self._waiters if not w.done.done()]

    def _forget_inactive_widgets(self) -> None:
        active = {n.widget_id for n in self.tree.nodes.values() if n.widget_id}
        for wid in [w for w in self._values if w not in active]:
            del self._values[wid]

    # ---- writing --------------------------------------------------------------------------------------------
    def _client_state(self, *, first: bool, fragment_id: str = "", extra: Iterable[WidgetState] = (),
                      auto: bool = False) -> ClientState:
        cs = ClientState(query_string=self.query, fragment_id=fragment_id, is_auto_rerun=auto)
        if first or not self.page_script_hash:
            cs.page_name = self.page
        else:
            cs.page_script_hash = self.page_script_hash
        extra = list(extra)
        extra_ids = {w.id for w in extra}
        cs.widget_states.widgets.extend(w for wid, w in self._values.items() if wid not in extra_ids)
        cs.widget_states.widgets.extend(extra)
        if self.cache_messages:
            cs.cached_message_hashes.extend(self._cache)
        ci = cs.context_info
        ci.timezone, ci.timezone_offset, ci.locale = "Europe/Rome", -60, self.locale
        ci.url, ci.is_embedded, ci.color_scheme = self.page_url, False, "light"
        return cs

    async def _send_rerun(self, action: str, *, fragment_id: str = "", extra: Iterable[WidgetState] = (),
                          until: Callable[[ElementTree], bool] | None = None, first: bool = False,
                          auto: bool = False, wait: bool = True) -> RunResult:
        if self._ws is None:
            raise StreamlitClientError("not connected")
        cs = self._client_state(first=first, fragment_id=fragment_id, extra=extra, auto=auto)
        result = RunResult(action=action, sent_at=time.perf_counter(), fragment_id=fragment_id)
        waiter = _Waiter(result, self._new_sessions, until, asyncio.get_running_loop().create_future())
        self._waiters.append(waiter)
        back = BackMsg(rerun_script=cs)
        try:
            await self._ws.send(back.SerializeToString())
        except ConnectionClosed as exc:
            self._waiters.remove(waiter)
            result.error = f"send failed: {exc!r}"
            return result
        if not wait:
            return result
        try:
            return await asyncio.wait_for(asyncio.shield(waiter.done), self.timeout)
        except TimeoutError:
            result.error = f"no script_finished within {self.timeout:.0f} s"
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)
            return result

    def _widget(self, key: str, types: tuple[str, ...] | None = None) -> Node:
        node = self.tree.find(key)
        if node is None:
            keys = sorted(k for k in (n.key for n in self.tree.widgets()) if k)
            raise KeyError(f"{self.name}: no widget with key {key!r} on the page (keys: {keys})")
        if types and node.type not in types:
            raise TypeError(f"widget {key!r} is a {node.type}, not one of {types}")
        return node

    async def set_value(self, key: str, state: WidgetState, *, action: str = "",
                        until: Callable[[ElementTree], bool] | None = None,
                        fragment_id: str | None = None) -> RunResult | None:
        """Give widget ``key`` a value; runs the script (or its fragment) unless the widget sits in a form.

        ``fragment_id`` names the fragment as an earlier page showed it: a browser sends the one of the page it
        shows, which a run still on its way may have moved (tests of that race)."""
        node = self._widget(key)
        state.id = node.widget_id
        if node.form_id:
            self._pending_form.setdefault(node.form_id, {})[node.widget_id] = state
            return None
        self._values[node.widget_id] = state
        return await self._send_rerun(action or f"set {key}", until=until,
                                      fragment_id=node.fragment_id if fragment_id is None else fragment_id)

    async def choose(self, key: str, option: str | None = None, *, index: int | None = None,
                     until: Callable[[ElementTree], bool] | None = None,
                     fragment_id: str | None = None) -> RunResult | None:
        """Pick an option of a radio or selectbox, by its label as shown or by its position."""
        node = self._widget(key, ("radio", "selectbox"))
        options = list(node.value.options)
        if option is None:
            if index is None:
                raise ValueError("give an option label or an index")
            option = options[index]
        elif option not in options:
            raise ValueError(f"{option!r} is not an option of {key!r}: {options}")
        return await self.set_value(key, WidgetState(string_value=option), action=f"choose {key}", until=until,
                                    fragment_id=fragment_id)

    async def type_text(self, key: str, text: str, *,
                        until: Callable[[ElementTree], bool] | None = None) -> RunResult | None:
        """Type into a text input or text area (and leave the field: the value is sent)."""
        self._widget(key, ("text_input", "text_area"))
        return await self.set_value(key, WidgetState(string_value=text), action=f"type {key}", until=until)

    async def check(self, key: str, on: bool = True, *,
                    until: Callable[[ElementTree], bool] | None = None) -> RunResult | None:
        """Set a checkbox or toggle."""
        self._widget(key, ("checkbox",))
        return await self.set_value(key, WidgetState(bool_value=on), action=f"check {key}", until=until)

    async def click(self, key: str, *, until: Callable[[ElementTree], bool] | None = None) -> RunResult:
        """Click a button; a form's submit button also sends the values typed in the form."""
        node = self._widget(key, ("button",))
        trigger = WidgetState(id=node.widget_id, trigger_value=True)
        extra = [trigger]
        if node.value.is_form_submitter:
            pending = self._pending_form.pop(node.form_id, {})
            self._values.update(pending)
        return await self._send_rerun(f"click {key}", fragment_id=node.fragment_id, extra=extra, until=until)

    async def submit(self, form_id: str, *, until: Callable[[ElementTree], bool] | None = None) -> RunResult:
        """Click the submit button of the form ``form_id`` (the key given to ``st.form``), keyed or not."""
        for node in self.tree.in_order():
            if node.type == "button" and node.value.is_form_submitter and node.form_id == form_id:
                self._values.update(self._pending_form.pop(form_id, {}))
                trigger = WidgetState(id=node.widget_id, trigger_value=True)
                return await self._send_rerun(f"submit {form_id}", fragment_id=node.fragment_id, extra=[trigger],
                                              until=until)
        raise KeyError(f"{self.name}: no submit button of form {form_id!r} on the page")

    async def rerun(self, *, until: Callable[[ElementTree], bool] | None = None) -> RunResult:
        """Rerun the whole script with the current widget values (the "R" key)."""
        return await self._send_rerun("rerun", until=until)

    async def rerun_fragment(self, fragment_id: str, *, auto: bool = False,
                             until: Callable[[ElementTree], bool] | None = None) -> RunResult:
        return await self._send_rerun("fragment" if not auto else "auto_rerun", fragment_id=fragment_id,
                                      auto=auto, until=until)

    async def switch_page(self, url_path: str, query: str = "", *,
                          until: Callable[[ElementTree], bool] | None = None) -> RunResult:
        """Go to another page of an st.navigation app, as a click on a page link does."""
        target = self.pages.get(url_path.strip("/"))
        if target is None:
            raise KeyError(f"no page {url_path!r}; pages: {sorted(self.pages)}")
        self.page, self.query = url_path.strip("/"), query.lstrip("?")
        self.page_script_hash = target
        self.tree.clear_page(self.main_script_hash)
        self._forget_inactive_widgets()
        return await self._send_rerun(f"page {url_path}", until=until)

    def _start_auto_rerun(self, fragment_id: str, interval: float) -> None:
        if not self.follow_auto_rerun or not fragment_id or fragment_id in self._auto_tasks:
            return

        async def tick() -> None:
            while True:
                await asyncio.sleep(interval)
                if self._ws is None:
                    return
                result = await self._send_rerun("auto_rerun", fragment_id=fragment_id, auto=True)
                self.auto_reruns.append(result)

        self._auto_tasks[fragment_id] = asyncio.create_task(tick(), name=f"autorerun-{self.name}")

    # ---- reading the page -----------------------------------------------------------------------------------
    def find(self, key: str) -> Node | None:
        return self.tree.find(key)

    def has(self, key: str) -> bool:
        return self.tree.find(key) is not None

    def text(self) -> str:
        return self.tree.text()

    def keys(self) -> list[str]:
        return [k for k in (n.key for n in self.tree.widgets()) if k]


def text_contains(fragment: str) -> Callable[[ElementTree], bool]:
    """A predicate for ``until=``: the page shows ``fragment`` somewhere."""
    return lambda tree: any(fragment in t for t in tree.texts())


def widget_present(key: str) -> Callable[[ElementTree], bool]:
    return lambda tree: tree.find(key) is not None
