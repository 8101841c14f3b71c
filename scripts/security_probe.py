"""The README's security table, measured: one hostile laptop against the real server (scripts/serve.py, started as
`make run` starts it, default caps), with the independent websocket client (scripts/stclient.py).

    .venv/bin/python scripts/security_probe.py            # ~1-2 minutes; prints a Markdown table

Every proxy variable of the server points at a local listener that counts connections (a request of the
server's own). Each attack comes from its own loopback address (127.0.0.x), so the caps are counted apart.
The pass/fail checks are in tests/load/test_hostile_clients.py; this script only measures.
"""

from __future__ import annotations

import asyncio
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_HOME = Path(tempfile.mkdtemp(prefix="psm-probe-"))
os.environ["PSM_DATA_HOME"] = str(_HOME)
os.environ["PSM_DB_URL"] = f"sqlite:///{_HOME / 'eventi.sqlite3'}"
os.environ["PSM_FACILITATOR_PASSWORD"] = "password-della-sonda"  # noqa: S105 - a throwaway server's
os.environ.pop("PSM_PUBLIC_URL", None)

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402
from websockets.exceptions import InvalidStatus  # noqa: E402

from psm_data import load_dataset  # noqa: E402
from psm_data.events.db import database_for  # noqa: E402
from psm_data.events.migrate import upgrade  # noqa: E402
from psm_data.events.store import EventStore  # noqa: E402
from psm_data.server import limits  # noqa: E402
from scripts.stclient import NO_XSRF_TOKEN, StreamlitClient  # noqa: E402
from tests.browser.harness import ARTIFACTS_DIR, free_port, stop_process, wait_for_health  # noqa: E402

LOG = ARTIFACTS_DIR / "security_probe_server.log"


class Trap:
    def __init__(self) -> None:
        self.hits = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            conn.close()


def get(port: int, path: str, source: str) -> tuple[int, dict[str, str], float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    started = time.perf_counter()
    conn.request("GET", path)
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, time.perf_counter() - started


async def ws(port: int, origin: str | None, source: str):  # noqa: ANN201
    return await connect(f"ws://127.0.0.1:{port}/_stcore/stream", origin=origin,  # type: ignore[arg-type]
                         subprotocols=["streamlit", NO_XSRF_TOKEN], proxy=None,  # type: ignore[list-item]
                         local_addr=(source, 0), open_timeout=60)


async def health_during(port: int, work) -> tuple[object, float]:  # noqa: ANN001
    """Run `work` while polling /_stcore/health; (its result, the slowest health answer in s)."""
    worst = 0.0
    done = asyncio.Event()

    async def poll() -> None:
        nonlocal worst
        while not done.is_set():
            worst = max(worst, (await asyncio.to_thread(get, port, "/_stcore/health", "127.0.0.1"))[2])
            await asyncio.sleep(0.05)

    poller = asyncio.create_task(poll())
    result = await work
    done.set()
    await poller
    return result, worst


async def probe(port: int, base: str, trap: Trap, store: EventStore) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []

    async def foreign() -> list[int]:
        async def one(i: int) -> int:
            try:
                (await ws(port, f"http://evil{i}.example", "127.0.0.11")).transport.abort()
                return 101
            except InvalidStatus as exc:
                return exc.response.status_code
        return await asyncio.gather(*(one(i) for i in range(60)))

    statuses, worst = await health_during(port, foreign())
    rows.append(("60 websockets with a foreign Origin (before: external-IP lookup each, health stalled 20 s)",
                 f"{statuses.count(403)}/60 refused (403); health max {worst * 1000:.0f} ms; "
                 f"requests of the server's own: {trap.hits}"))

    other = free_port()
    refused = 0
    for origin in (f"http://127.0.0.1:{other}", f"http://localhost:{other}", f"http://localhost:{port}"):
        try:
            (await ws(port, origin, "127.0.0.12")).transport.abort()
        except InvalidStatus:
            refused += 1
    rows.append(("Websocket from another port of the same machine (before: drove a facilitator session)",
                 f"{refused}/3 origins refused (403)"))

    warm = await StreamlitClient(base, "mappa", local_addr="127.0.0.14").connect()
    async with StreamlitClient(base, "", local_addr="127.0.0.13") as c:
        msg = BackMsg()
        msg.clear_cache = True
        for _ in range(200):
            await c._ws.send(msg.SerializeToString())  # type: ignore[union-attr]
        await asyncio.sleep(0.5)
        load = await StreamlitClient(base, "mappa", local_addr="127.0.0.14").connect()
    rows.append(("200 `clear_cache` messages (before: every cache emptied, page loads 7 s)",
                 f"all dropped, 1 log line; a /mappa load right after: {load.latency:.2f} s "
                 f"(before the flood: {warm.latency:.2f} s)"))

    async def flood() -> list[int]:
        opened, statuses = [], []
        for _ in range(limits.SESSIONS_PER_ADDRESS + 20):
            try:
                opened.append(await ws(port, base, "127.0.0.15"))
                statuses.append(101)
            except InvalidStatus as exc:
                statuses.append(exc.response.status_code)
        for s in opened:
            s.transport.abort()
        return statuses

    statuses, worst = await health_during(port, flood())
    rows.append((f"{limits.SESSIONS_PER_ADDRESS + 20} websocket sessions from one address",
                 f"{statuses.count(101)} accepted, {statuses.count(403)} refused; health max {worst * 1000:.0f} ms"))

    async def loads() -> list[int]:
        return list(await asyncio.gather(*(asyncio.to_thread(get, port, "/partecipa", "127.0.0.16")
                                           for _ in range(limits.PAGE_LOADS_PER_MINUTE + 50))))

    results, worst = await health_during(port, loads())
    codes = [r[0] for r in results]  # type: ignore[union-attr]
    rows.append((f"{limits.PAGE_LOADS_PER_MINUTE + 50} page loads in a burst from one address "
                 "(before: 200 stalled health 19 s)",
                 f"{codes.count(200)} served, {codes.count(429)} refused (429); health max {worst * 1000:.0f} ms"))

    rows.append(("GET /_stcore/metrics", f"HTTP {get(port, '/_stcore/metrics', '127.0.0.17')[0]}"))

    event = store.create_event(title="Sonda", event_date="2026-12-05", place="x", zone_ids=["1"], need_ids=["N1.1"])
    store.set_event_status(event.code, "open")
    store.set_item_status(event.code, ["N1.1"], "open")
    answered = 0
    for i in range(40):
        c = StreamlitClient(base, "partecipa", f"evento={event.code}",
                            cookies={"psm_device": f"{i:03d}".ljust(46, "Z")}, local_addr="127.0.0.18")
        await c.connect(load_page=False)
        if c.tree.find("ans_N1.1") is not None:
            await c.choose("ans_N1.1", index=1)
            answered += 1
        await c.close()
    rows.append(("40 made-up `psm_device` cookies from one address (before: 232 voters from one laptop)",
                 f"{store.participant_count(event.code)} participants (cap {limits.NEW_DEVICES_PER_MINUTE}/min per "
                 f"address), none under a made-up token; facilitator flag above "
                 f"{limits.FLAG_NEW_DEVICES_PER_MINUTE}/min"))

    async def guess(i: int) -> tuple[int, bool]:
        status, headers, _ = await asyncio.to_thread(get, port, f"/facilitatore?token=guess{i}", "127.0.0.19")
        return status, "set-cookie" in headers

    started = time.perf_counter()
    answers = await asyncio.gather(*(guess(i) for i in range(100)))  # 100 guesses at once
    spent = time.perf_counter() - started
    code = re.findall(r"/facilitatore\?token=([A-Za-z0-9_-]+)", LOG.read_text(errors="replace"))[-1]
    _, headers, _ = get(port, f"/facilitatore?token={code}", "127.0.0.19")
    rows.append(("100 guesses at once through the start-up link (before: 616 guesses/s, a right one signed in)",
                 f"{sum(s == 303 for s, _ in answers)} redirected to the clean address in {spent:.1f} s, "
                 f"{sum(c for _, c in answers)} signed in; 5 were checked, the rest refused unchecked (locked "
                 f"30 s, then 60, 120, ...); the right code from that address then: "
                 f"{'refused' if 'set-cookie' not in headers else 'accepted'}; "
                 f"Referrer-Policy: {headers.get('referrer-policy')}"))

    form_tries = 0
    for i in range(8):
        c = StreamlitClient(base, "facilitatore", local_addr="127.0.0.20")
        await c.connect()
        if "Troppi tentativi" not in c.tree.text():
            await c.type_text("f_password", f"tentativo-{i}")
            await c.click("FormSubmitter:login-Entra")
            form_tries += 1
        await c.close()
    rows.append(("The form, a new session per guess, 8 sessions (before: 83 guesses/s with 10 sessions)",
                 f"{form_tries} guesses accepted, then locked for every session of that address"))

    before = len(LOG.read_text(errors="replace"))
    async with StreamlitClient(base, "partecipa", f"evento={event.code}", local_addr="127.0.0.21") as c:
        widgets = c.tree.widgets()
        sent = 0
        while sent < 500:
            for w in widgets:
                bad = WidgetState(id=w.widget_id)
                bad.double_array_value.data.extend([1e308, -1])
                await c._send_rerun("bad", extra=[bad])
                sent += 1
    added = LOG.read_text(errors="replace")[before:]
    rows.append(("500 malformed widget values (before: 497 tracebacks, 918 KB of log)",
                 f"{len([ln for ln in added.splitlines() if ln.strip()])} log lines, {len(added)} bytes, "
                 f"{added.count('Traceback')} tracebacks"))
    rows.append(("Requests the server made of its own during all of the above", str(trap.hits)))
    return rows


def main() -> int:
    upgrade(os.environ["PSM_DB_URL"])
    data = load_dataset()
    store = EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                       axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    trap = Trap()
    proxy = f"http://127.0.0.1:{trap.port}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_PROXY": "", "no_proxy": "",
           **dict.fromkeys(("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"),
                           proxy)}
    port = free_port()
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with open(LOG, "wb") as log:
        command = [sys.executable, str(ROOT / "scripts" / "serve.py"), "--server.port", str(port),
                   "--server.headless", "true"]
        proc = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)  # noqa: S603
    try:
        wait_for_health(proc, f"http://127.0.0.1:{port}", timeout=90)
        time.sleep(1.5)
        rows = asyncio.run(probe(port, f"http://127.0.0.1:{port}", trap, store))
    finally:
        stop_process(proc)
    print("| Attack | Result |\n|---|---|")
    for attack, result in rows:
        print(f"| {attack} | {result} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
