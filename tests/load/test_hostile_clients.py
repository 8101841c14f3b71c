"""One laptop in the hall against the real server (scripts/serve.py, as `make run` starts it): it cannot make the
server contact the internet, connect from another origin, empty the server's caches, flood it with sessions or
page loads, invent participants, guess the facilitator's password on any path, or fill the log.

The server runs with every proxy variable pointed at a local listener that records any connection: Python's HTTP
clients (Streamlit's external-IP lookup uses `requests`) go through it, so a request of the server's own fails
the test. Each "laptop" is another loopback source address (127.0.0.x), so the per-address caps are counted apart.
Independent websocket client: scripts/stclient.py. Not a browser test: no chromium.
"""

from __future__ import annotations

import asyncio
import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from psm_data import load_dataset
from psm_data.events.auth import FACILITATOR_COOKIE
from psm_data.events.db import database_for
from psm_data.events.store import EventStore
from scripts.stclient import NO_XSRF_TOKEN, StreamlitClient
from tests.async_helpers import run_async
from tests.browser.harness import ARTIFACTS_DIR, REPO_ROOT, free_port, stop_process, wait_for_health

LOG = ARTIFACTS_DIR / "hostile_clients_server.log"
SESSIONS_CAP, DEVICES_CAP, PAGE_LOADS_CAP = 6, 5, 30


@dataclass
class Trap:
    """A TCP listener standing in for every proxy: whatever connects to it is a request the server made."""

    port: int = 0
    hits: list[bytes] = field(default_factory=list)
    sock: socket.socket | None = None

    def start(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        assert self.sock is not None
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(1)
            try:
                self.hits.append(conn.recv(200) or b"(connected)")
            except OSError:
                self.hits.append(b"(connected)")
            conn.close()


@dataclass
class Server:
    base: str
    port: int
    trap: Trap
    proc: subprocess.Popen[bytes]

    def log(self) -> str:
        return LOG.read_text(errors="replace")


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    trap = Trap()
    trap.start()
    proxy = f"http://127.0.0.1:{trap.port}"
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1",
           **dict.fromkeys(("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"), proxy),
           "NO_PROXY": "", "no_proxy": "",
           "PSM_MAX_SESSIONS_PER_ADDRESS": str(SESSIONS_CAP), "PSM_MAX_NEW_DEVICES_PER_MINUTE": str(DEVICES_CAP),
           "PSM_MAX_PAGE_LOADS_PER_MINUTE": str(PAGE_LOADS_CAP)}
    # As `make run` starts it: no --server.address (Streamlit then printed an "External URL" found on the internet).
    cmd = [sys.executable, str(REPO_ROOT / "scripts" / "serve.py"), "--server.port", str(port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with open(LOG, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(proc, base, timeout=90)
        time.sleep(1.5)  # the start-up banner (where the external-IP lookup was) is printed after health
        yield Server(base, port, trap, proc)
    finally:
        stop_process(proc)
        assert trap.sock is not None
        trap.sock.close()


def get(server: Server, path: str, *, source: str = "127.0.0.1",
        headers: dict[str, str] | None = None) -> tuple[int, dict[str, list[str]], float]:
    """(status, headers, seconds) of one GET sent from a given loopback address."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30, source_address=(source, 0))
    started = time.perf_counter()
    conn.request("GET", path, headers=headers or {})
    resp = conn.getresponse()
    resp.read()
    elapsed = time.perf_counter() - started
    got: dict[str, list[str]] = {}
    for k, v in resp.getheaders():
        got.setdefault(k.lower(), []).append(v)
    conn.close()
    return resp.status, got, elapsed


async def open_ws(server: Server, origin: str | None, *, source: str = "127.0.0.1"):  # noqa: ANN201
    return await connect(f"ws://127.0.0.1:{server.port}/_stcore/stream", origin=origin,  # type: ignore[arg-type]
                         subprotocols=["streamlit", NO_XSRF_TOKEN], proxy=None,  # type: ignore[list-item]
                         local_addr=(source, 0), open_timeout=30)


async def ws_status(server: Server, origin: str | None, source: str = "127.0.0.1") -> int:
    """101 when the websocket opened (then closed again), else the HTTP status of the refusal."""
    try:
        ws = await open_ws(server, origin, source=source)
    except InvalidStatus as exc:
        return exc.response.status_code
    await ws.close()
    return 101


def store() -> EventStore:
    data = load_dataset()
    return EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                      axis_ids=data.axis_ids, zone_ids=data.zone_ids)


def open_event(needs: tuple[str, ...] = ("N1.1",)) -> str:
    s = store()
    event = s.create_event(title="Sala ostile", event_date="2026-12-05", place="Torino", zone_ids=["1"],
                           need_ids=list(needs))
    s.set_event_status(event.code, "open")
    s.set_item_status(event.code, list(needs), "open")
    return event.code


# ---------------------------------------------------------------------------------------------- origins, outbound
def test_foreign_origins_are_refused_health_stays_fast_and_nothing_leaves_the_machine(server: Server):
    """60 websockets from a foreign origin used to stall health for 20 s (a blocking external-IP lookup each)."""
    health: list[float] = []

    async def burst() -> list[int]:
        stop = asyncio.Event()

        async def poll_health() -> None:
            while not stop.is_set():
                health.append((await asyncio.to_thread(get, server, "/_stcore/health"))[2])
                await asyncio.sleep(0.05)

        poller = asyncio.create_task(poll_health())
        origins = ["http://evil.example", "https://198.51.100.7", f"http://192.0.2.50:{server.port}"]
        statuses = await asyncio.gather(*(ws_status(server, origins[i % 3]) for i in range(60)))
        await asyncio.sleep(0.3)
        stop.set()
        await poller
        return statuses

    statuses = run_async(burst())
    assert set(statuses) == {403}, statuses
    assert health, "health was polled during the burst"
    assert max(health) < 2.0, f"health took up to {max(health):.1f} s during the burst"
    assert "External URL" not in server.log()
    assert server.trap.hits == [], f"the server contacted the network: {server.trap.hits}"


def test_only_the_apps_own_origin_may_open_a_websocket(server: Server):
    """A page on another port of the same machine drove a signed-in facilitator session before."""
    other = free_port()
    assert run_async(ws_status(server, f"http://127.0.0.1:{other}")) == 403  # another local port
    assert run_async(ws_status(server, f"http://localhost:{other}")) == 403
    assert run_async(ws_status(server, f"http://localhost:{server.port}")) == 403  # not the Host the page used
    assert run_async(ws_status(server, f"https://127.0.0.1:{server.port}")) == 403  # another scheme
    assert run_async(ws_status(server, f"http://127.0.0.1:{server.port}")) == 101  # the app's own origin
    assert run_async(ws_status(server, None)) == 101  # no Origin: not a browser (it could send any)


def test_metrics_are_not_public(server: Server):
    status, _, _ = get(server, "/_stcore/metrics")
    assert status == 404


# ---------------------------------------------------------------------------------------------- messages
def test_server_wide_messages_are_refused_for_every_session(server: Server):
    """`clear_cache` emptied every cache of the server for everyone (7 s page loads when flooded)."""
    async def scenario() -> tuple[bool, int]:
        async with StreamlitClient(server.base, "", local_addr="127.0.0.9") as c:
            assert c._ws is not None
            for kind in ("clear_cache", "set_run_on_save", "load_git_info", "debug_shutdown_runtime"):
                msg = BackMsg()
                setattr(msg, kind, True)
                for _ in range(20):
                    await c._ws.send(msg.SerializeToString())
            result = await c._send_rerun("after")  # the session still works
            return result.ok, len(c.tree.exceptions())

    ok, errors = run_async(scenario())
    assert ok
    assert errors == 0
    time.sleep(0.3)
    log = server.log()
    for kind in ("clear_cache", "set_run_on_save", "load_git_info", "debug_shutdown_runtime"):
        lines = [line for line in log.splitlines() if f"refused message {kind} from 127.0.0.9" in line]
        assert len(lines) == 1, (kind, lines)  # one short line for 20 messages
        assert re.search(r"reference [0-9a-f]{8}", lines[0])
    assert get(server, "/_stcore/health")[0] == 200  # debug_shutdown_runtime did not stop anything


def test_malformed_messages_log_one_short_line_each_kind(server: Server):
    """One probe of bad widget values wrote 497 tracebacks (918 KB) before."""
    before = server.log()

    async def scenario() -> None:
        async with StreamlitClient(server.base, "partecipa", f"evento={open_event()}", local_addr="127.0.0.8") as c:
            widgets = c.tree.widgets()
            for _ in range(5):
                for w in widgets:
                    bad = WidgetState(id=w.widget_id)
                    bad.double_array_value.data.extend([1e308, -1])
                    await c._send_rerun("bad", extra=[bad])
        for _ in range(20):  # not a Streamlit message at all (Streamlit closes the connection)
            ws = await open_ws(server, server.base, source="127.0.0.8")
            await ws.send(b"\xff\x00garbage" * 10)
            await ws.wait_closed()

    run_async(scenario())
    time.sleep(0.5)
    added = server.log()[len(before):]
    assert "Traceback" not in added
    assert "─" not in added  # no rich traceback box either
    lines = [line for line in added.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 10, lines
    assert all(len(line) < 400 for line in lines), lines
    assert all(re.search(r"reference [0-9a-f]{8}", line) for line in lines if "refused" in line)


# ---------------------------------------------------------------------------------------------- caps per address
def test_a_session_flood_from_one_address_is_capped(server: Server):
    async def scenario() -> tuple[list[int], int, int, float]:
        sockets, statuses = [], []
        for _ in range(SESSIONS_CAP + 4):
            try:
                sockets.append(await open_ws(server, server.base, source="127.0.0.2"))
                statuses.append(101)
            except InvalidStatus as exc:
                statuses.append(exc.response.status_code)
        other = await ws_status(server, server.base, source="127.0.0.1")  # the rest of the hall is unaffected
        health = (await asyncio.to_thread(get, server, "/_stcore/health"))[2]
        for ws in sockets:
            await ws.close()
        await asyncio.sleep(0.3)
        again = await ws_status(server, server.base, source="127.0.0.2")  # closed sessions free their place
        return statuses, other, again, health

    statuses, other, again, health = run_async(scenario())
    assert statuses == [101] * SESSIONS_CAP + [403] * 4
    assert other == 101
    assert again == 101
    assert health < 2.0


def test_page_loads_from_one_address_are_capped(server: Server):
    statuses = [get(server, "/partecipa", source="127.0.0.3")[0] for _ in range(PAGE_LOADS_CAP + 5)]
    assert statuses[:PAGE_LOADS_CAP] == [200] * PAGE_LOADS_CAP
    assert set(statuses[PAGE_LOADS_CAP:]) == {429}
    status, headers, _ = get(server, "/partecipa", source="127.0.0.3")
    assert headers["retry-after"] == ["60"]
    assert get(server, "/partecipa", source="127.0.0.1")[0] == 200  # another address is not affected


def test_a_made_up_device_cookie_is_not_a_participant(server: Server):
    """Any 22-64 character psm_device value was a participant: one laptop made 232 voters."""
    code = open_event(("N1.1",))
    forged = [f"{i:02d}".ljust(46, "Q") for i in range(DEVICES_CAP + 4)]

    async def phone(token: str) -> str:
        c = StreamlitClient(server.base, "partecipa", f"evento={code}", cookies={"psm_device": token},
                            local_addr="127.0.0.4")
        await c.connect(load_page=False)  # the made-up cookie straight on the websocket, as a script would
        try:
            if c.tree.find("ans_N1.1") is None:
                return c.tree.text()
            await c.choose("ans_N1.1", index=1)
            return "answered"
        finally:
            await c.close()

    async def all_phones() -> list[str]:
        return [await phone(token) for token in forged]

    outcomes = run_async(all_phones())
    s = store()
    for token in forged:
        assert not s.my_answers(code, token), token  # nothing was ever stored under a made-up token
    assert outcomes.count("answered") <= DEVICES_CAP  # only server-issued identities, capped per minute
    assert s.participant_count(code) <= DEVICES_CAP
    assert any("Troppi nuovi telefoni" in o for o in outcomes if o != "answered")


# ---------------------------------------------------------------------------------------------- the facilitator
def start_up_code(server: Server) -> str:
    found = re.findall(r"/facilitatore\?token=([A-Za-z0-9_-]+)", server.log())
    assert found, "serve.py prints the start-up link"
    return found[-1]


async def facilitator_page(server: Server, source: str, cookies: dict[str, str] | None = None) -> StreamlitClient:
    c = StreamlitClient(server.base, "facilitatore", cookies=cookies, local_addr=source)
    await c.connect()
    return c


def test_the_password_cannot_be_guessed_on_any_path(server: Server):
    """Guesses through `?token=` were unlimited (616/s) and the form's lock was per session (83 guesses/s)."""
    password = os.environ["PSM_FACILITATOR_PASSWORD"]
    # 1. The link: wrong codes are answered late, never with a cookie, and redirect to the clean address.
    started = time.perf_counter()
    for guess in ("indovina", password, "x" * 30, "abc", "def"):  # the password itself is not a sign-in code
        status, headers, _ = get(server, f"/facilitatore?token={guess}&evento=ABC234", source="127.0.0.5")
        assert status == 303
        assert headers["location"] == ["/facilitatore?evento=ABC234"]
        assert headers["referrer-policy"] == ["no-referrer"]
        assert "set-cookie" not in headers
    assert time.perf_counter() - started > 4.5  # about a second per wrong code
    # ... and after five, even the right code is refused from that address, and the form there is locked too.
    code = start_up_code(server)
    _, headers, _ = get(server, f"/facilitatore?token={code}", source="127.0.0.5")
    assert "set-cookie" not in headers

    async def form_after_link() -> tuple[str, bool]:
        c = await facilitator_page(server, "127.0.0.5")
        try:
            return c.tree.text(), c.tree.find("FormSubmitter:login-Entra").value.disabled
        finally:
            await c.close()

    text, disabled = run_async(form_after_link())
    assert "Troppi tentativi" in text
    assert disabled

    # 2. The form, one new session per guess (the lock used to be per session): the sixth session is locked.
    async def guesses() -> list[str]:
        seen = []
        for i in range(6):
            c = await facilitator_page(server, "127.0.0.6")
            try:
                if "Troppi tentativi" in c.tree.text():
                    seen.append("locked")
                    continue
                await c.type_text("f_password", f"tentativo-{i}")
                await c.click("FormSubmitter:login-Entra")
                seen.append("locked" if "Troppi tentativi" in c.tree.text() else "wrong")
            finally:
                await c.close()
        return seen

    seen = run_async(guesses())
    assert seen[:4] == ["wrong"] * 4
    assert seen[4:] == ["locked", "locked"]

    # 3. The right code from an address that did not guess: the cookie, the clean address, no referrer; once.
    status, headers, _ = get(server, f"/facilitatore?token={code}&evento=ABC234", source="127.0.0.7")
    assert status == 303
    assert headers["location"] == ["/facilitatore?evento=ABC234"]
    assert headers["referrer-policy"] == ["no-referrer"]
    cookie = next(c for c in headers["set-cookie"] if c.startswith(FACILITATOR_COOKIE + "="))
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    assert password not in value
    assert code not in value
    _, again, _ = get(server, f"/facilitatore?token={code}", source="127.0.0.10")
    assert "set-cookie" not in again  # one time only

    async def signed_in() -> str:
        c = await facilitator_page(server, "127.0.0.7", cookies={FACILITATOR_COOKIE: value})
        try:
            return c.tree.text()
        finally:
            await c.close()

    assert "Eventi di ascolto" in run_async(signed_in())
    assert server.trap.hits == []
