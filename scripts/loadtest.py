"""Load test of a listening event: a hall of phones, a presenter view and explorer sessions on one laptop.

Run: ``make loadtest`` (or ``.venv/bin/python scripts/loadtest.py [--configs sqlite,postgres] [--quick]``).
Prints one table and writes ``bench/results/loadtest-<UTC>.json``. About 5-6 minutes for both configurations.

The scenario (issue 10, items 4 and 5), per configuration:
- N participants (default 100) arrive over 60 s, each a simulated phone speaking Streamlit's websocket protocol
  (scripts/stclient.py: the script really runs per phone): open ``/partecipa?evento=CODE`` (the HTTP GET gives the
  device cookie), optionally declare zone and role, start, then answer the agenda at a human pace (think time
  between taps: choose an answer, sometimes a ★ or a comment, save);
- when everyone has answered the agenda, the facilitator opens one more need and everyone answers it within
  10 s (the burst);
- one presenter view (``/presenta?evento=CODE``) refreshes by itself throughout (its ``st.fragment(run_every)``);
- M explorer sessions (default 50) browse next to them: open /mappa, change the strategy three times, open
  /copertura, back to /mappa, … with think times, until the end.
Measured: tap → stored (save sent → its run finished), presenter refresh latency, ``/_stcore/health`` latency every
0.25 s for the whole run (and during the burst), server CPU and RSS (psutil over each server's process tree; and the
PostgreSQL server's), the load generator's own CPU, errors, explorer run latencies; then every answer the phones
saw stored is looked up in the database (directly, not through the app): none lost, none duplicated, none altered.

Configurations: ``sqlite`` (one server, a SQLite file) and ``postgres`` (two servers sharing a throwaway PostgreSQL,
clients split between them; same cookie secret, as behind a sticky proxy).

The phones drive the real pages/participate.py (through scripts/serve.py, with the device-cookie middleware);
its widget keys (`ans_<need>`, `star_<need>`, `com_<need>`, `save_<need>`, form `profile`, `p_refresh`) are kept
stable for this test. An answer is stored by its tap (the radio's on_change), so "tap → stored" is that run. Until
/presenta exists, the facilitator's live agenda (`st.fragment(run_every=5)`) is the refreshing view.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import json
import math
import multiprocessing as mp
import os
import platform
import random
import secrets
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from psm_data.events.vocabulary import ANSWERS, MAX_STARS  # noqa: E402
from scripts.stclient import RunResult, StreamlitClient, poll_live  # noqa: E402
from tests.browser.harness import ARTIFACTS_DIR, free_port, start_streamlit, stop_process, wait_for_health  # noqa: E402

RESULTS_DIR = REPO_ROOT / "bench" / "results"
ANSWER_WEIGHTS = (0.5, 0.25, 0.15, 0.1)  # agree, partly, disagree, unclear

# Targets of issue 10 (one server on this 2-core machine)
TARGET_HEALTH_S = 1.0
TARGET_BURST_P95_S = 2.0
TARGET_PRESENTER_S = 3.0
TARGET_RSS_MB = 1500


# ----------------------------------------------------------------------------------------------------------------
# What runs on the server: the app (scripts/serve.py) with its participant, facilitator and presenter pages


class Target:
    """The real pages and store: pages/participate.py (widget keys kept stable for this test), the store in
    psm_data/events/store.py. Events are set up and items opened through the store, as the facilitator's buttons do;
    the check reads the database tables directly."""

    participant_page = "partecipa"
    password = "loadtest-" + secrets.token_hex(6)
    server_secret = secrets.token_hex(32)  # PSM_SERVER_SECRET of every server: signs the facilitator cookie

    def __init__(self) -> None:
        from psm_data.events.store import EventStore, device_hash

        self._store_cls, self._hash = EventStore, device_hash
        self._stores: dict[str, Any] = {}
        present = (REPO_ROOT / "pages" / "present.py").read_text(encoding="utf-8")
        # Until the presenter view refreshes by itself, the facilitator's live agenda (run_every) stands in for it.
        self.presenter_page = "presenta" if "need_slide" in present else "facilitatore"
        self.label = ("real pages: /partecipa, projector /" + self.presenter_page
                      + (" (need slides, live part run_every)" if self.presenter_page == "presenta"
                         else " (its live agenda; /presenta not live yet)"))

    def server_script(self) -> Path:
        return REPO_ROOT / "app.py"  # started through scripts/serve.py (st.App with the device cookie)

    def server_env(self) -> dict[str, str]:
        # One machine plays the whole hall from one address: lift the per-address caps (psm_data/limits.py),
        # which a real hall behind one NAT would set to its own size.
        return {"PSM_FACILITATOR_PASSWORD": self.password, "PSM_SERVER_SECRET": self.server_secret,
                "PSM_MAX_SESSIONS_PER_ADDRESS": "100000",
                "PSM_MAX_PAGE_LOADS_PER_MINUTE": "100000", "PSM_MAX_NEW_DEVICES_PER_MINUTE": "100000",
                "PSM_MAX_TEXTS_PER_MINUTE": "100000"}

    def _store(self, url: str) -> Any:
        if url not in self._stores:
            import csv

            from psm_data.events.db import database_for

            def ids(name: str, column: str) -> tuple[str, ...]:
                with open(REPO_ROOT / "psm_data" / name, encoding="utf-8") as f:
                    return tuple(row[column] for row in csv.DictReader(f))

            self._stores[url] = self._store_cls(database_for(url), need_ids=ids("needs.csv", "need_id"),
                                                axis_ids=ids("axes.csv", "axis_id"),
                                                zone_ids=ids("zones.csv", "zone_id"))
        return self._stores[url]

    def prepare(self, url: str, needs: list[str], open_needs: list[str]) -> str:
        from psm_data.events.migrate import upgrade

        upgrade(url)
        store = self._store(url)
        event = store.create_event(title="Load test", event_date=datetime.now(UTC).date(), place="loadtest",
                                   need_ids=needs)
        store.set_event_status(event.code, "open")
        store.set_item_status(event.code, open_needs, "open")
        return event.code

    def open_item(self, url: str, code: str, need: str) -> None:
        self._store(url).set_item_status(code, need, "open")

    def presenter_query(self, code: str) -> str:
        step = "&step=3" if self.presenter_page == "presenta" else ""  # slide 3: the first need of the agenda
        return f"evento={code}{step}"

    def presenter_cookies(self) -> dict[str, str]:
        """The facilitator's signed cookie (as after the start-up link), with the servers' shared secret."""
        from psm_data.events.auth import FACILITATOR_COOKIE, facilitator_cookie

        return {FACILITATOR_COOKIE: facilitator_cookie(self.password, time.time(), secret=self.server_secret.encode())}

    def stored(self, url: str, code: str) -> tuple[list[tuple[str, str, str | None, bool]], list[tuple[str, str]]]:
        """(device, need, answer, star) of every answer row and (device, need) of every comment row."""
        from sqlalchemy import select

        from psm_data.events.tables import answers, events, texts

        engine = self._store(url).db.engine
        with engine.connect() as conn:
            event_id = conn.execute(select(events.c.event_id).where(events.c.code == code)).scalar_one()
            rows = conn.execute(select(answers.c.device_hash, answers.c.need_id, answers.c.answer, answers.c.star)
                                .where(answers.c.event_id == event_id)).all()
            comments = conn.execute(select(texts.c.device_hash, texts.c.need_id).where(
                texts.c.event_id == event_id, texts.c.kind == "comment")).all()
        return [tuple(r) for r in rows], [tuple(r) for r in comments]

    def device_key(self, url: str, code: str, token: str) -> str:
        return self._hash(self._store(url).event(code).salt, token)

    def close(self) -> None:
        for store in self._stores.values():
            store.db.dispose()


def make_target() -> Target:
    return Target()


def agenda_needs(count: int) -> list[str]:
    import csv

    with open(REPO_ROOT / "psm_data" / "needs.csv", encoding="utf-8") as f:
        ids = [row["need_id"] for row in csv.DictReader(f)]
    return ids[:count]


# ----------------------------------------------------------------------------------------------------------------
# Scenario


@dataclass
class Scenario:
    participants: int = 100
    explorers: int = 50
    arrival_s: float = 60.0
    agenda: int = 4  # needs answered at a human pace before the burst
    read_s: tuple[float, float] = (2.0, 5.0)  # reading the first screen
    think_s: tuple[float, float] = (5.0, 12.0)  # between two needs
    tap_gap_s: tuple[float, float] = (0.6, 1.5)  # between taps on one need (choose → save)
    burst_window_s: float = 10.0
    explorer_think_s: tuple[float, float] = (5.0, 15.0)
    star_rate: float = 0.15
    comment_rate: float = 0.1
    zone_rate: float = 0.6
    role_rate: float = 0.5
    client_timeout_s: float = 120.0
    agenda_deadline_s: float = 240.0  # burst opens at the latest this long after the start
    settle_s: float = 3.0  # after the burst: the presenter's last refreshes, the health check after the storm
    seed: int = 20261126


@dataclass
class Config:
    name: str  # "sqlite" or "postgres"
    servers: int
    server_args: list[str] = field(default_factory=list)


@dataclass
class Record:
    kind: str
    t: float  # time.time() when sent
    latency: float | None
    ok: bool
    bytes: int
    server: int
    error: str = ""


class Run:
    """Shared state of one configuration's run."""

    def __init__(self, scenario: Scenario, servers: list[str], target: Target, url: str, code: str,
                 needs: list[str]) -> None:
        self.s = scenario
        self.servers = servers
        self.target = target
        self.db_url = url
        self.code = code
        self.agenda = needs[:-1]
        self.burst_need = needs[-1]
        self.records: list[Record] = []
        self.expected: dict[tuple[str, str], tuple[str, bool]] = {}  # (token, need) → (answer, star)
        self.uncertain: dict[tuple[str, str], tuple[str, bool]] = {}
        self.comments: set[tuple[str, str]] = set()  # (token, need) of comments the phones saw stored
        self.agenda_done = 0
        self.all_agenda_done = asyncio.Event()
        self.burst_open = asyncio.Event()
        self.finished = asyncio.Event()
        self.burst_done = 0
        self.all_burst_done = asyncio.Event()
        self.phases: dict[str, float] = {}
        self.errors: list[str] = []
        self.participants_connected = 0

    def record(self, kind: str, result: RunResult | None, server: int) -> None:
        if result is None:
            return
        err = result.error or ("; ".join(result.exceptions)[:200] if result.exceptions else "")
        self.records.append(Record(kind, time.time() - (time.perf_counter() - result.sent_at), result.latency,
                                   result.ok, result.bytes, server, err))
        if err and len(self.errors) < 50:
            self.errors.append(f"{kind}: {err}")


async def think(rng: random.Random, bounds: tuple[float, float]) -> None:
    await asyncio.sleep(rng.uniform(*bounds))


def alert_problems(client: StreamlitClient, fragment_id: str) -> list[str]:
    """Error or warning boxes the run left in the fragment (or anywhere, for a full run)."""
    return [n.text for n in client.tree.nodes.values()
            if n.kind == "element" and n.type == "alert" and n.value.format in (1, 2)
            and (not fragment_id or n.fragment_id == fragment_id)]


async def answer_need(run: Run, c: StreamlitClient, srv: int, need: str, rng: random.Random, phase: str,
                      stars: list[int]) -> None:
    """One need on the phone: the answer (stored by its tap), sometimes a ★ (stored too), sometimes a comment."""
    key = f"ans_{need}"
    if not c.has(key):  # the item opened after the page was drawn: the card's own "Aggiorna" (a fragment run)
        refresh = f"refresh_{need}" if c.has(f"refresh_{need}") else "p_refresh" if c.has("p_refresh") else None
        if refresh:
            run.record(f"{phase}_refresh", await c.click(refresh), srv)
    if not c.has(key):
        run.errors.append(f"{c.name}: {key} not on the page")
        return
    options = list(c.find(key).value.options)
    if len(options) != len(ANSWERS):
        run.errors.append(f"{key} has {len(options)} options, expected {len(ANSWERS)}")
        return
    token = c.cookies.get("psm_device", "")
    code = rng.choices(ANSWERS, ANSWER_WEIGHTS)[0]
    star = False

    def confirm(result: RunResult, value: tuple[str, bool]) -> bool:
        problems = alert_problems(c, result.fragment_id)
        if result.ok and not problems:
            run.expected[(token, need)] = value
            run.uncertain.pop((token, need), None)
            return True
        run.uncertain[(token, need)] = value
        if problems:
            run.errors.append(f"{phase} {need}: {problems[0][:120]}")
        return False

    result = await c.choose(key, index=ANSWERS.index(code))  # the tap that stores (radio on_change)
    run.record(f"{phase}_stored", result, srv)
    if not confirm(result, (code, star)):
        return
    if stars[0] < MAX_STARS - 1 and rng.random() < run.s.star_rate and c.has(f"star_{need}"):
        await think(rng, run.s.tap_gap_s)
        result = await c.check(f"star_{need}")
        run.record(f"{phase}_star", result, srv)
        if confirm(result, (code, True)):
            stars[0] += 1
    if rng.random() < run.s.comment_rate and c.has(f"com_{need}"):
        await think(rng, run.s.tap_gap_s)
        await c.type_text(f"com_{need}", f"commento di prova {c.name}")  # in a form: sent with its button
        await think(rng, run.s.tap_gap_s)
        result = await c.click(f"save_{need}")
        run.record(f"{phase}_comment", result, srv)
        if result.ok and not alert_problems(c, result.fragment_id):
            run.comments.add((token, need))


async def participant(run: Run, i: int, start_at: float) -> None:
    s = run.s
    rng = random.Random(s.seed * 1000 + i)
    srv = i % len(run.servers)
    await asyncio.sleep(max(0.0, start_at - time.time()))
    c = StreamlitClient(run.servers[srv], run.target.participant_page, f"evento={run.code}", name=f"p{i}",
                        timeout=s.client_timeout_s)
    try:
        try:
            load = await c.connect()
        except Exception as exc:  # noqa: BLE001 - a refused phone is a result, not a crash
            run.errors.append(f"p{i} connect: {exc!r}"[:200])
            load = None
        run.record("p_load", load, srv)
        if load is None or not load.ok:
            return
        run.participants_connected += 1
        await think(rng, s.read_s)
        declared = False
        for key, rate in (("p_zone", s.zone_rate), ("p_role", s.role_rate)):
            node = c.find(key)
            if node is not None and rng.random() < rate:
                await c.choose(key, index=rng.randrange(1, len(node.value.options)))  # in the profile form
                declared = True
        if declared:
            await think(rng, s.tap_gap_s)
            run.record("p_profile", await c.submit("profile"), srv)
        stars = [0]
        for need in run.agenda:
            await think(rng, s.think_s)
            await answer_need(run, c, srv, need, rng, "agenda", stars)
    finally:
        run.agenda_done += 1
        if run.agenda_done == s.participants:
            run.all_agenda_done.set()
    try:
        if load is None or not load.ok:
            return
        await run.burst_open.wait()
        await asyncio.sleep(rng.uniform(0, s.burst_window_s))
        await answer_need(run, c, srv, run.burst_need, rng, "burst", stars)
    finally:
        run.burst_done += 1
        if run.burst_done == s.participants:
            run.all_burst_done.set()
        await run.finished.wait()  # phones stay connected until the end
        await c.close()


async def explorer(run: Run, j: int, start_at: float) -> None:
    s = run.s
    rng = random.Random(s.seed * 7000 + j)
    srv = j % len(run.servers)
    await asyncio.sleep(max(0.0, start_at - time.time()))
    if run.finished.is_set():
        return
    c = StreamlitClient(run.servers[srv], "mappa", name=f"e{j}", timeout=s.client_timeout_s)
    try:
        try:
            load = await c.connect()
        except Exception as exc:  # noqa: BLE001
            run.errors.append(f"e{j} connect: {exc!r}"[:200])
            return
        run.record("e_load", load, srv)
        while not run.finished.is_set():
            for _ in range(3):
                await think(rng, s.explorer_think_s)
                node = c.find("strategy")
                if node is None or run.finished.is_set():
                    break
                run.record("e_strategy", await c.choose("strategy", index=rng.randrange(1, len(node.value.options))),
                           srv)
            await think(rng, s.explorer_think_s)
            if run.finished.is_set():
                break
            run.record("e_page", await c.switch_page("copertura"), srv)
            await think(rng, s.explorer_think_s)
            if run.finished.is_set():
                break
            run.record("e_page", await c.switch_page("mappa"), srv)
    finally:
        await c.close()


async def presenter(run: Run) -> list[RunResult]:
    """The projector: on the first need's slide, then (when the burst opens) stepped to the burst need's slide;
    its live fragment refreshes by itself (run_every) throughout."""
    c = StreamlitClient(run.servers[0], run.target.presenter_page, run.target.presenter_query(run.code),
                        name="presenter", timeout=run.s.client_timeout_s, cookies=run.target.presenter_cookies())
    try:
        run.record("presenter_load", await c.connect(), 0)
        if run.target.presenter_page == "presenta":
            await run.burst_open.wait()
            for _ in run.agenda:  # Avanti, slide by slide, to the need just opened
                if c.has("pr_next"):
                    run.record("presenter_step", await c.click("pr_next"), 0)
        await run.finished.wait()
        return list(c.auto_reruns)
    finally:
        await c.close()


async def facilitator(run: Run) -> None:
    """Opens the burst item when every phone has answered the agenda (or at the deadline)."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(run.all_agenda_done.wait(), run.s.agenda_deadline_s)
    run.phases["burst_open"] = time.time()
    await asyncio.to_thread(run.target.open_item, run.db_url, run.code, run.burst_need)
    run.burst_open.set()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(run.all_burst_done.wait(), run.s.burst_window_s + run.s.client_timeout_s)
    run.phases["burst_done"] = time.time()
    await asyncio.sleep(run.s.settle_s)
    run.phases["end"] = time.time()
    run.finished.set()


async def scenario_main(run: Run) -> list[RunResult]:
    s = run.s
    t0 = time.time() + 1.0
    run.phases["start"] = t0
    rng = random.Random(s.seed)
    arrivals = sorted(t0 + rng.uniform(0, s.arrival_s) for _ in range(s.participants))
    explorer_starts = [t0 + rng.uniform(0, s.arrival_s) for _ in range(s.explorers)]
    tasks = [asyncio.create_task(participant(run, i, at)) for i, at in enumerate(arrivals)]
    tasks += [asyncio.create_task(explorer(run, j, at)) for j, at in enumerate(explorer_starts)]
    pres = asyncio.create_task(presenter(run))
    fac = asyncio.create_task(facilitator(run))
    run.phases["arrivals_end"] = t0 + s.arrival_s
    await fac
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException):
            run.errors.append(f"task crashed: {r!r}"[:200])
    return await pres


# ----------------------------------------------------------------------------------------------------------------
# Monitor: a separate process, so that the load generator's own CPU does not delay the health samples


def _monitor(servers: list[str], pids: dict[str, int], stop: Any, out: Any) -> None:
    health: dict[str, list[tuple[float, float | None]]] = {s: [] for s in servers}
    usage: dict[str, list[tuple[float, float, float]]] = {name: [] for name in pids}

    def sample_health(base: str) -> None:
        while not stop.is_set():
            t = time.time()
            try:
                with urllib.request.urlopen(base + "/_stcore/health", timeout=10) as resp:
                    resp.read()
                health[base].append((t, time.time() - t))
            except Exception:  # noqa: BLE001 - a failed or late health check is the measurement
                health[base].append((t, None))
            time.sleep(max(0.0, 0.25 - (time.time() - t)))

    def tree(pid: int) -> list[psutil.Process]:
        with contextlib.suppress(psutil.Error):
            p = psutil.Process(pid)
            return [p, *p.children(recursive=True)]
        return []

    threads = [threading.Thread(target=sample_health, args=(b,), daemon=True) for b in servers]
    for th in threads:
        th.start()
    while not stop.is_set():
        t = time.time()
        for name, pid in pids.items():
            cpu = rss = 0.0
            for k, p in enumerate(tree(pid)):
                with contextlib.suppress(psutil.Error):
                    ct = p.cpu_times()
                    cpu += ct.user + ct.system
                    if k == 0:  # children that already exited (PostgreSQL's backends), reaped by the root
                        cpu += ct.children_user + ct.children_system
                    rss += p.memory_info().rss
            usage[name].append((t, cpu, rss))
        time.sleep(max(0.0, 0.5 - (time.time() - t)))
    for th in threads:
        th.join(timeout=11)
    out.put({"health": health, "usage": usage})


@contextlib.contextmanager
def monitoring(servers: list[str], pids: dict[str, int]) -> Iterator[dict[str, Any]]:
    ctx = mp.get_context("fork")
    stop, out = ctx.Event(), ctx.Queue()
    proc = ctx.Process(target=_monitor, args=(servers, pids, stop, out), daemon=True)
    proc.start()
    data: dict[str, Any] = {}
    try:
        yield data
    finally:
        stop.set()
        with contextlib.suppress(Exception):
            data.update(out.get(timeout=30))
        proc.join(timeout=10)


# ----------------------------------------------------------------------------------------------------------------
# Servers and databases


@contextlib.contextmanager
def database(config: Config, tmp: Path) -> Iterator[tuple[str, int | None]]:
    if config.name == "sqlite":
        yield f"sqlite:///{tmp / 'loadtest.sqlite3'}", None
        return
    from scripts.pgserver import PostgresServer

    with PostgresServer(max_connections=100) as pg:
        url = pg.create_database("psm_loadtest")
        pid = None
        with contextlib.suppress(OSError, ValueError, TypeError):
            pid = int((pg.root / "data" / "postmaster.pid").read_text().splitlines()[0])  # type: ignore[operator]
        yield url, pid


@contextlib.contextmanager
def app_servers(config: Config, target: Target, db_url: str, tmp: Path) -> Iterator[list[tuple[str, Any]]]:
    secret = secrets.token_hex(16)  # shared, as several servers behind one sticky proxy must
    env = {"PSM_DB_URL": db_url, "PSM_DATA_HOME": str(tmp / "data"), "STREAMLIT_SERVER_COOKIE_SECRET": secret,
           **target.server_env()}
    procs: list[tuple[str, Any]] = []
    try:
        for k in range(config.servers):
            port = free_port()
            log = ARTIFACTS_DIR / f"loadtest_{config.name}_server{k}.log"
            procs.append((f"http://127.0.0.1:{port}",
                          start_streamlit(target.server_script(), port, log, extra_args=config.server_args,
                                          env=env)))
        for base, proc in procs:
            wait_for_health(proc, base, timeout=90)
        yield procs
    finally:
        for _, proc in procs:
            stop_process(proc)


async def warm_up(servers: list[str], target: Target, code: str) -> None:
    """One visit per server to the explorer and the participant page: caches and imports, as before an event."""
    for base in servers:
        for page, query in (("mappa", ""), ("copertura", ""), (target.participant_page, f"evento={code}"),
                            (target.presenter_page, target.presenter_query(code))):
            c = StreamlitClient(base, page, query, timeout=120, cookies=target.presenter_cookies())
            with contextlib.suppress(Exception):
                await c.connect()
            await c.close()


async def calibrate(base: str, target: Target, code: str, need: str, server_pid: int, n: int = 20) -> dict[str, Any]:
    """On the idle server, one phone at a time: server CPU and latency of one answer tap, one ★, one 'Aggiorna'
    (a full run of the participant page), one page load, and one explorer strategy change."""
    proc = psutil.Process(server_pid)

    def cpu() -> float:
        total = 0.0
        for p in [proc, *proc.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                ct = p.cpu_times()
                total += ct.user + ct.system
        return total

    async def measure(action: Callable[[int], Any]) -> dict[str, float]:
        lat: list[float] = []
        sent: list[int] = []
        c0 = cpu()
        for i in range(n):
            r = await action(i)
            if r is not None and r.latency is not None:
                lat.append(r.latency)
                sent.append(r.bytes)
        return {"server_cpu_ms": (cpu() - c0) / n * 1000, "latency_ms": statistics.median(lat) * 1000,
                "ws_bytes": statistics.median(sent)}

    phone = StreamlitClient(base, target.participant_page, f"evento={code}", name="calibrate", timeout=60)
    await phone.connect()
    out: dict[str, Any] = {}
    key = f"ans_{need}"
    out["answer_tap"] = await measure(lambda i: phone.choose(key, index=i % len(ANSWERS)))
    out["star_tap"] = await measure(lambda i: phone.check(f"star_{need}", i % 2 == 0))
    out["refresh_full_run"] = await measure(lambda i: phone.click("p_refresh"))
    await phone.close()

    async def load(i: int) -> RunResult:
        c = StreamlitClient(base, target.participant_page, f"evento={code}", timeout=60)
        try:
            return await c.connect()
        finally:
            await c.close()

    out["participant_page_load"] = await measure(load)
    explorer = StreamlitClient(base, "mappa", name="calibrate-e", timeout=60)
    await explorer.connect()

    def other_strategy(i: int) -> Any:
        options = list(explorer.find("strategy").value.options)  # the axis follows the strategy: options change
        current = explorer.find("strategy").value.raw_value
        choices = [o for o in options[1:] if o != current] or options[1:]
        return explorer.choose("strategy", choices[i % len(choices)])

    out["explorer_strategy"] = await measure(other_strategy)
    await explorer.close()
    return out


# ----------------------------------------------------------------------------------------------------------------
# Summary


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    vs = sorted(values)
    k = max(0, min(len(vs) - 1, math.ceil(q / 100 * len(vs)) - 1))
    return vs[k]


def dist(values: list[float]) -> dict[str, float | int | None]:
    return {"n": len(values), "p50": pct(values, 50), "p95": pct(values, 95), "max": max(values) if values else None}


def check_database(run: Run) -> dict[str, Any]:
    """Every answer a phone saw stored is in the database once, with the value the phone last gave."""
    rows, comment_rows = run.target.stored(run.db_url, run.code)
    per_key = Counter((dev, need) for dev, need, _, _ in rows)
    stored = {(dev, need): (ans, bool(star)) for dev, need, ans, star in rows}
    tokens = {t for t, _ in [*run.expected, *run.uncertain, *run.comments]}
    salted = {tok: run.target.device_key(run.db_url, run.code, tok) for tok in tokens}
    expected = {(salted[t], n): v for (t, n), v in run.expected.items()}
    uncertain = {(salted[t], n): v for (t, n), v in run.uncertain.items()}
    lost = [k for k in expected if k not in stored]
    wrong = [k for k, v in expected.items() if k in stored and stored[k] != v]
    duplicated = [k for k, n in per_key.items() if n > 1]
    unexpected = [k for k in stored if k not in expected and k not in uncertain]
    comments = Counter(comment_rows)
    wanted_comments = {(salted[t], n) for t, n in run.comments}
    return {"answers_confirmed": len(expected), "rows_in_db": len(rows), "lost": len(lost),
            "duplicated": len(duplicated), "altered": len(wrong), "unexpected": len(unexpected),
            "unconfirmed_saves": len(uncertain), "unconfirmed_but_stored": sum(k in stored for k in uncertain),
            "comments_confirmed": len(wanted_comments),
            "comments_lost": sum(1 for k in wanted_comments if k not in comments),
            "comments_duplicated": sum(1 for n in comments.values() if n > 1)}


def summarise(run: Run, presenter_runs: list[RunResult], mon: dict[str, Any], pids: dict[str, int],
              client_cpu_s: float, wall_s: float) -> dict[str, Any]:
    by_kind: dict[str, list[Record]] = defaultdict(list)
    for r in run.records:
        by_kind[r.kind].append(r)

    def lat(*kinds: str, ok_only: bool = True) -> list[float]:
        return [r.latency for k in kinds for r in by_kind[k] if r.latency is not None and (r.ok or not ok_only)]

    burst_from = run.phases.get("burst_open", math.inf)
    burst_to = run.phases.get("burst_done", math.inf)
    health_all: list[float] = []
    health_burst: list[float] = []
    health_failed = 0
    for samples in mon.get("health", {}).values():
        for t, v in samples:
            if v is None:
                health_failed += 1
                continue
            health_all.append(v)
            if burst_from <= t <= burst_to:
                health_burst.append(v)
    usage: dict[str, Any] = {}
    for name, samples in mon.get("usage", {}).items():
        if len(samples) < 2:
            continue
        (t0, c0, _), (t1, c1, _) = samples[0], samples[-1]
        in_burst = [s for s in samples if burst_from <= s[0] <= burst_to]
        burst_cpu = ((in_burst[-1][1] - in_burst[0][1]) / (in_burst[-1][0] - in_burst[0][0]) * 100
                     if len(in_burst) >= 2 and in_burst[-1][0] > in_burst[0][0] else None)
        peak = max(((b[1] - a[1]) / (b[0] - a[0]) * 100 for a, b in zip(samples, samples[2:], strict=False)
                    if b[0] > a[0]), default=None)
        usage[name] = {"cpu_mean_pct": (c1 - c0) / (t1 - t0) * 100, "cpu_burst_pct": burst_cpu,
                       "cpu_peak_1s_pct": peak, "rss_start_mb": samples[0][2] / 1e6,
                       "rss_max_mb": max(s[2] for s in samples) / 1e6}
    errors_by_kind = {k: sum(1 for r in rs if not r.ok) for k, rs in by_kind.items() if any(not r.ok for r in rs)}
    pres_lat = [r.latency for r in presenter_runs if r.latency is not None and r.ok]
    summary = {
        "participants": run.s.participants, "participants_connected": run.participants_connected,
        "explorers": run.s.explorers, "servers": len(run.servers),
        "phases_s": {k: round(v - run.phases["start"], 1) for k, v in run.phases.items()},
        "wall_s": wall_s,
        "p_load_s": dist(lat("p_load")),
        "profile_s": dist(lat("p_profile")),
        "star_s": dist(lat("agenda_star", "burst_star")),
        "comment_s": dist(lat("agenda_comment", "burst_comment")),
        "tap_stored_agenda_s": dist(lat("agenda_stored")),
        "tap_stored_burst_s": dist(lat("burst_stored")),
        "burst_refresh_s": dist(lat("burst_refresh")),
        "burst_save_bytes_p50": pct([float(r.bytes) for r in by_kind["burst_stored"]], 50),
        "burst_refresh_bytes_p50": pct([float(r.bytes) for r in by_kind["burst_refresh"]], 50),
        "presenter_refresh_s": dist(pres_lat),
        "presenter_refresh_failed": sum(1 for r in presenter_runs if not r.ok),
        "health_s": dist(health_all), "health_burst_s": dist(health_burst), "health_failed": health_failed,
        "explorer_load_s": dist(lat("e_load")),
        "explorer_run_s": dist(lat("e_strategy", "e_page")),
        "explorer_strategy_s": dist(lat("e_strategy")),
        "explorer_page_s": dist(lat("e_page")),
        "explorer_strategy_bytes_p50": pct([float(r.bytes) for r in by_kind["e_strategy"]], 50),
        "usage": usage, "client_cpu_pct": client_cpu_s / wall_s * 100 if wall_s else None,
        "errors": sum(1 for r in run.records if not r.ok) + len([e for e in run.errors if "crashed" in e]),
        "errors_by_kind": errors_by_kind, "error_samples": run.errors[:20],
        "db": check_database(run),
    }
    return summary


# ----------------------------------------------------------------------------------------------------------------
# Driver


def run_coroutine(coroutine):  # noqa: ANN001, ANN201 - any coroutine and its result
    """asyncio.run, or in a fresh thread when this thread already runs a loop (pytest with Playwright's sync API)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def run_config(config: Config, scenario: Scenario, target: Target, *, warm: bool = True) -> dict[str, Any]:
    """One configuration from scratch: database, event, servers, warm-up, the scenario, the summary."""
    needs = agenda_needs(scenario.agenda + 1)
    with tempfile.TemporaryDirectory(prefix=f"psm-loadtest-{config.name}-") as tmpname:
        tmp = Path(tmpname)
        with database(config, tmp) as (db_url, pg_pid):
            code = target.prepare(db_url, needs, open_needs=needs[:-1])
            calibration_code = target.prepare(db_url, needs, open_needs=needs)  # its own event: not in the check
            with app_servers(config, target, db_url, tmp) as procs:
                servers = [base for base, _ in procs]
                calibration = None
                if warm:
                    run_coroutine(warm_up(servers, target, code))
                    calibration = run_coroutine(calibrate(servers[0], target, calibration_code, needs[0],
                                                      procs[0][1].pid))
                pids = {f"server{k}": proc.pid for k, (_, proc) in enumerate(procs)}
                if pg_pid:
                    pids["postgres"] = pg_pid
                run = Run(scenario, servers, target, db_url, code, needs)
                me = psutil.Process()
                cpu0, wall0 = sum(me.cpu_times()[:2]), time.time()
                with monitoring(servers, pids) as mon:
                    presenter_runs = run_coroutine(scenario_main(run))
                wall = time.time() - wall0
                client_cpu = sum(me.cpu_times()[:2]) - cpu0
                summary = summarise(run, presenter_runs, mon, pids, client_cpu, wall)
                summary["config"] = config.name
                summary["calibration"] = calibration
                summary["server_args"] = config.server_args
                summary["raw"] = {
                    "tap_stored_burst_s": sorted(r.latency for r in run.records
                                                 if r.kind == "burst_stored" and r.latency is not None),
                    "health": {b: [(round(t - run.phases["start"], 2), v) for t, v in s]
                               for b, s in mon.get("health", {}).items()},
                }
                return summary


# ----------------------------------------------------------------------------------------------------------------
# Following the room (issue 15): what it costs that every phone polls the state endpoint


@dataclass
class FollowScenario:
    phones: int = 100
    poll_s: float = 3.0  # components/events/phone_sync.py POLL_MS
    connect_s: float = 30.0  # phones arrive over this long
    idle_s: float = 40.0  # connected, not polling: the baseline
    follow_s: float = 40.0  # polling, nothing changes: the cost of following
    after_change_s: float = 15.0  # the facilitator opens a need: every phone redraws once


async def _follow_main(base: str, target: Target, db_url: str, code: str, need: str, server_pid: int,
                       fs: FollowScenario) -> dict[str, Any]:
    proc = psutil.Process(server_pid)

    def cpu() -> float:
        total = 0.0
        for p in [proc, *proc.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                ct = p.cpu_times()
                total += ct.user + ct.system
        return total

    rng = random.Random(20261206)
    phones: list[StreamlitClient] = []

    async def arrive(i: int) -> None:
        await asyncio.sleep(rng.uniform(0, fs.connect_s))
        c = StreamlitClient(base, target.participant_page, f"evento={code}", name=f"f{i}", timeout=120)
        with contextlib.suppress(Exception):
            if (await c.connect()).ok:
                phones.append(c)
                return
        await c.close()

    await asyncio.gather(*(arrive(i) for i in range(fs.phones)))
    await asyncio.sleep(3.0)
    polling = asyncio.Event()
    stop = asyncio.Event()
    opened_at: list[float] = []
    polls = [0]
    poll_bytes = [0]
    poll_errors = [0]
    follow_latency: list[float] = []
    redraw_runs = [0]

    async def follow(c: StreamlitClient) -> None:
        await polling.wait()
        await asyncio.sleep(rng.uniform(0, fs.poll_s))
        seen: str | None = None
        while not stop.is_set():
            try:
                version, size = await poll_live(base, code, cookies=c.cookies)
                polls[0] += 1
                poll_bytes[0] += size
            except Exception:  # noqa: BLE001 - a failed poll is counted, the phone keeps polling
                poll_errors[0] += 1
                version = None
            if version is not None and seen is not None and version != seen:
                # the component's "room" trigger: one full run of the page, which draws the opened need
                result = await c.click("p_refresh")
                redraw_runs[0] += 1
                if result.ok and c.has(f"ans_{need}") and opened_at:
                    follow_latency.append(time.perf_counter() - opened_at[0])
            seen = version or seen
            await asyncio.sleep(fs.poll_s)

    tasks = [asyncio.create_task(follow(c)) for c in phones]
    c0, t0 = cpu(), time.perf_counter()
    await asyncio.sleep(fs.idle_s)
    idle_cpu, idle_wall = cpu() - c0, time.perf_counter() - t0
    polling.set()
    await asyncio.sleep(fs.poll_s)  # every phone has started polling
    c1, t1, p1, b1 = cpu(), time.perf_counter(), polls[0], poll_bytes[0]
    await asyncio.sleep(fs.follow_s)
    follow_cpu, follow_wall = cpu() - c1, time.perf_counter() - t1
    follow_polls, follow_bytes = polls[0] - p1, poll_bytes[0] - b1
    c2 = cpu()
    opened_at.append(time.perf_counter())
    await asyncio.to_thread(target.open_item, db_url, code, need)
    await asyncio.sleep(fs.after_change_s)
    change_cpu = cpu() - c2 - (follow_cpu / follow_wall) * fs.after_change_s  # minus the polling itself
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    for c in phones:
        await c.close()
    n = len(phones)
    extra_cpu_s = follow_cpu / follow_wall - idle_cpu / idle_wall  # CPU seconds per second
    return {
        "phones": n, "poll_s": fs.poll_s,
        "server_cpu_idle_pct": round(100 * idle_cpu / idle_wall, 2),
        "server_cpu_following_pct": round(100 * follow_cpu / follow_wall, 2),
        "extra_cpu_pct": round(100 * extra_cpu_s, 2),
        "extra_cpu_ms_per_phone_per_min": round(1000 * extra_cpu_s * 60 / max(n, 1), 2),
        "polls_per_phone_per_min": round(follow_polls / max(n, 1) / follow_wall * 60, 2),
        "bytes_per_poll": round(follow_bytes / max(follow_polls, 1)),
        "bytes_per_phone_per_min": round(follow_bytes / max(n, 1) / follow_wall * 60),
        "poll_errors": poll_errors[0],
        "change_cpu_s": round(change_cpu, 2),
        "redraw_runs": redraw_runs[0],
        "followed": len(follow_latency),
        "follow_latency_s": dist(follow_latency),
    }


def run_follow(target: Target, fs: FollowScenario) -> dict[str, Any]:
    """One SQLite server, N phones connected; idle, then polling, then one need opened."""
    needs = agenda_needs(3)
    with tempfile.TemporaryDirectory(prefix="psm-loadtest-follow-") as tmpname:
        tmp = Path(tmpname)
        with database(Config("sqlite", 1), tmp) as (db_url, _pid):
            code = target.prepare(db_url, needs, open_needs=needs[:-1])
            with app_servers(Config("sqlite", 1), target, db_url, tmp) as procs:
                base, proc = procs[0]
                run_coroutine(warm_up([base], target, code))
                return run_coroutine(_follow_main(base, target, db_url, code, needs[-1], proc.pid, fs))


def follow_table(r: dict[str, Any]) -> str:
    lat = r["follow_latency_s"]
    return "\n".join([
        f"Following the room: {r['phones']} phones polling /api/live every {r['poll_s']:g} s (one SQLite server)",
        f"  server CPU idle {r['server_cpu_idle_pct']} % · following {r['server_cpu_following_pct']} % "
        f"→ extra {r['extra_cpu_pct']} % of one core ({r['extra_cpu_ms_per_phone_per_min']} ms CPU per phone "
        "per minute)",
        f"  {r['polls_per_phone_per_min']} polls per phone per minute, {r['bytes_per_poll']} B each "
        f"(request + response) → {r['bytes_per_phone_per_min']} B per phone per minute; poll errors "
        f"{r['poll_errors']}",
        f"  a need opened: {r['followed']} of {r['phones']} phones redrew it ({r['redraw_runs']} full runs, one per "
        f"phone) in p50 {fmt(lat['p50'])} / p95 {fmt(lat['p95'])} / max {fmt(lat['max'])}; that change cost "
        f"{r['change_cpu_s']} s of server CPU",
    ])


def fmt(v: Any, unit: str = "s") -> str:
    if v is None:
        return "—"
    if unit == "s":
        return f"{v:.2f} s" if v >= 1 else f"{v * 1000:.0f} ms"
    if unit == "%":
        return f"{v:.0f} %"
    if unit == "MB":
        return f"{v:.0f} MB"
    if unit == "KB":
        return f"{v / 1000:.1f} KB"
    return str(v)


def table(results: list[dict[str, Any]], target_label: str) -> str:
    def d(key: str, stat: str) -> Callable[[dict[str, Any]], Any]:
        return lambda r: r[key][stat]

    def usage(stat: str, unit: str) -> Callable[[dict[str, Any]], str]:
        def get(r: dict[str, Any]) -> str:
            vals = [f"{fmt(u[stat], unit)}" for name, u in sorted(r["usage"].items()) if name.startswith("server")]
            pg = r["usage"].get("postgres")
            return " + ".join(vals) + (f" (pg {fmt(pg[stat], unit)})" if pg else "")
        return get

    rows: list[tuple[str, Callable[[dict[str, Any]], Any], str, str]] = [
        ("participants connected", lambda r: f"{r['participants_connected']}/{r['participants']}", "", "all"),
        ("explorer sessions", lambda r: r["explorers"], "", ""),
        ("answers lost / duplicated / altered",
         lambda r: f"{r['db']['lost']} / {r['db']['duplicated']} / {r['db']['altered']}", "", "0 / 0 / 0"),
        ("answers confirmed = rows in DB",
         lambda r: f"{r['db']['answers_confirmed']} = {r['db']['rows_in_db']}", "", ""),
        ("unconfirmed saves (stored anyway)",
         lambda r: f"{r['db']['unconfirmed_saves']} ({r['db']['unconfirmed_but_stored']})", "", "0"),
        ("errors (runs not ok)", lambda r: r["errors"], "", "0"),
        ("participant page load p50 / p95", lambda r: f"{fmt(r['p_load_s']['p50'])} / {fmt(r['p_load_s']['p95'])}",
         "", ""),
        ("comments lost / duplicated (of confirmed)", lambda r: f"{r['db']['comments_lost']} / "
         f"{r['db']['comments_duplicated']} ({r['db']['comments_confirmed']})", "", "0 / 0"),
        ("profile form, ★, comment p95", lambda r: " / ".join(
            fmt(r[k]["p95"]) for k in ("profile_s", "star_s", "comment_s")), "", ""),
        ("agenda tap→stored p50 / p95 / max", lambda r: " / ".join(
            fmt(r["tap_stored_agenda_s"][k]) for k in ("p50", "p95", "max")), "", ""),
        ("BURST tap→stored p50 / p95 / max", lambda r: " / ".join(
            fmt(r["tap_stored_burst_s"][k]) for k in ("p50", "p95", "max")), "", "p95 ≤ 2 s (goal 1 s)"),
        ("burst 'Aggiorna' (the card's fragment) p50 / p95", lambda r: " / ".join(
            fmt(r["burst_refresh_s"][k]) for k in ("p50", "p95")), "", ""),
        ("presenter refresh p50 / p95 / max", lambda r: " / ".join(
            fmt(r["presenter_refresh_s"][k]) for k in ("p50", "p95", "max")), "", "≤ 3 s"),
        ("health p50 / p95 / max (whole run)", lambda r: " / ".join(
            fmt(r["health_s"][k]) for k in ("p50", "p95", "max")) + f" ({r['health_failed']} failed)", "", "≤ 1 s"),
        ("health p95 / max (burst)", lambda r: " / ".join(
            fmt(r["health_burst_s"][k]) for k in ("p95", "max")), "", "≤ 1 s"),
        ("server CPU mean (of 200 %)", usage("cpu_mean_pct", "%"), "", ""),
        ("server CPU in the burst", usage("cpu_burst_pct", "%"), "", ""),
        ("server RSS max", usage("rss_max_mb", "MB"), "", "≤ 1500 MB"),
        ("load generator CPU", lambda r: fmt(r["client_cpu_pct"], "%"), "", ""),
        ("explorer load p50 / p95", lambda r: f"{fmt(r['explorer_load_s']['p50'])} / "
                                                f"{fmt(r['explorer_load_s']['p95'])}", "", ""),
        ("EXPLORER run p50 / p95 (strategy, page)", lambda r: f"{fmt(r['explorer_run_s']['p50'])} / "
                                                               f"{fmt(r['explorer_run_s']['p95'])}", "", ""),
        ("explorer strategy change p95, ws bytes", lambda r: f"{fmt(r['explorer_strategy_s']['p95'])}, "
                                                              f"{fmt(r['explorer_strategy_bytes_p50'], 'KB')}",
         "", ""),
        ("ws bytes: burst tap, 'Aggiorna'", lambda r: f"{fmt(r['burst_save_bytes_p50'], 'KB')}, "
                                                  f"{fmt(r['burst_refresh_bytes_p50'], 'KB')}", "", ""),
        ("wall time", lambda r: fmt(r["wall_s"]), "", ""),
        ("machine load avg (1 min) before / after", lambda r: " / ".join(
            f"{x[0]:.1f}" for x in r["loadavg_before_after"]), "", "(2 cores; others' work)"),
    ]
    names = [f"{r['config']} ({r['servers']} server{'s' if r['servers'] > 1 else ''})" for r in results]
    width0 = max(len(r[0]) for r in rows) + 2
    cells = [[str(get(r)) for r in results] for _, get, _, _ in rows]
    widths = [max(len(names[i]), *(len(c[i]) for c in cells)) + 2 for i in range(len(results))]
    out = [f"Load test — {target_label}",
           "".ljust(width0) + "".join(n.ljust(w) for n, w in zip(names, widths, strict=True)) + "target"]
    for (label, _, _, target), row in zip(rows, cells, strict=True):
        out.append(label.ljust(width0) + "".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + target)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", default="sqlite,postgres", help="comma list of sqlite, postgres")
    parser.add_argument("--participants", type=int, default=Scenario.participants)
    parser.add_argument("--explorers", type=int, default=Scenario.explorers)
    parser.add_argument("--arrival", type=float, default=Scenario.arrival_s, help="seconds over which phones arrive")
    parser.add_argument("--agenda", type=int, default=Scenario.agenda, help="needs answered before the burst")
    parser.add_argument("--server-arg", action="append", default=[], metavar="OPTION=VALUE",
                        help="extra streamlit option for the servers, e.g. runner.postScriptGC=false (repeatable)")
    parser.add_argument("--quick", action="store_true", help="20 phones, 10 explorers, 20 s arrival (a try-out)")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/results/")
    parser.add_argument("--follow", choices=("also", "only", "no"), default="also",
                        help="the follow-the-room measurement (phones polling /api/live): also, only, or no")
    args = parser.parse_args(argv)
    if args.follow == "only":
        args.configs = ""

    scenario = Scenario(participants=args.participants, explorers=args.explorers, arrival_s=args.arrival,
                        agenda=args.agenda)
    if args.quick:
        scenario = Scenario(participants=20, explorers=10, arrival_s=20, agenda=2, think_s=(2, 5))
    server_args: list[str] = []
    for opt in args.server_arg:
        key, _, value = opt.partition("=")
        server_args += [f"--{key.lstrip('-')}", value]
    target = make_target()
    results = []
    try:
        for name in [c.strip() for c in args.configs.split(",") if c.strip()]:
            config = Config(name, 1 if name == "sqlite" else 2, server_args)
            print(f"[loadtest] {name}: {config.servers} server(s), {scenario.participants} phones, "
                  f"{scenario.explorers} explorers …", flush=True)
            started, load_before = time.time(), os.getloadavg()
            results.append(run_config(config, scenario, target))
            results[-1]["loadavg_before_after"] = [load_before, os.getloadavg()]  # other work on the machine
            print(f"[loadtest] {name} done in {time.time() - started:.0f} s", flush=True)
        follow = None
        if args.follow != "no":
            fs = FollowScenario(phones=20, connect_s=10, idle_s=15, follow_s=15) if args.quick else FollowScenario()
            print(f"[loadtest] follow the room: {fs.phones} phones polling …", flush=True)
            follow = run_follow(target, fs)
    finally:
        target.close()
    report = table(results, target.label) if results else ""
    if follow is not None:
        report += ("\n\n" if report else "") + follow_table(follow)
    print()
    print(report)
    for r in results:
        if r.get("calibration"):
            print(f"\n{r['config']}: one action at a time on the idle server (20 each; server CPU per action, "
                  "median latency, median ws bytes)")
            for name, m in r["calibration"].items():
                print(f"  {name:24s} {m['server_cpu_ms']:6.1f} ms CPU  {m['latency_ms']:6.1f} ms  "
                      f"{m['ws_bytes'] / 1000:6.1f} KB")
    for r in results:
        if r["error_samples"]:
            print(f"\n{r['config']}: first errors:\n  " + "\n  ".join(r["error_samples"][:10]))
    if not args.no_write:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = RESULTS_DIR / f"loadtest-{stamp}.json"
        meta = {"when": stamp, "target": target.label, "scenario": asdict(scenario),
                "python": platform.python_version(),
                "machine": {"cpus": os.cpu_count(), "platform": platform.platform()}}
        path.write_text(json.dumps({"meta": meta, "results": results, "follow": follow, "table": report}, indent=1,
                                   default=str))
        print(f"\nresults: {path.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
