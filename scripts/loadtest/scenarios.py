"""The listening event as the load test plays it: phones, explorer sessions, the projector, the facilitator."""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from psm_data.events.vocabulary import ANSWERS, MAX_STARS
from scripts.loadtest.target import ANSWER_WEIGHTS, Target
from scripts.stclient import RunResult, StreamlitClient

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
    own_addresses: bool = False  # each phone and explorer from its own 127.x.y.z (a proxy's affinity sees them)
    disrupted_rate: float = 0.0  # bad Wi-Fi: this share of phones has its link frozen or cut in the burst
    disrupt_s: float = 10.0
    retry_until_s: float = 90.0  # a phone whose tap was not confirmed reconnects and sends it again until then


@dataclass
class Config:
    name: str  # "sqlite", "postgres", "hall" or "badwifi"
    servers: int
    server_args: list[str] = field(default_factory=list)
    db: str = ""  # "sqlite" or "postgres"; by default the name
    proxy: bool = False  # nginx in front (deploy/nginx.conf), phones reach the servers through it
    bad_wifi: bool = False  # the link emulator (relay.py) between the phones and the proxy

    @property
    def database(self) -> str:
        return self.db or self.name


def phone_address(i: int) -> str:
    """Phone i's own loopback address (127.77.0.1, …): the proxy's affinity by address tells phones apart."""
    return f"127.77.{i // 250}.{i % 250 + 1}"


def explorer_address(j: int) -> str:
    return f"127.78.{j // 250}.{j % 250 + 1}"


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
        self.presenter_base = servers[0]  # the projector's laptop is wired: straight to the proxy (or the server)
        self.explorer_bases = servers  # explorers too (not behind the phones' Wi-Fi)
        self.relay: Any = None  # relay.Relay when the phones are on bad Wi-Fi
        self.disrupted: dict[int, str] = {}  # phone index → "freeze" / "cut"
        self.retries = 0
        self.link_stats: Any = None
        self.records_failed = 0  # exceptions outside a run (the soak's phones carry on after one)

    @property
    def disrupted_names(self) -> set[str]:
        return {f"p{i}" for i in self.disrupted}

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
            result = await c.click(refresh)
            if not result.ok and run.s.disrupted_rate:
                result = await again_after_reconnect(run, c, lambda: c.click(refresh), result,
                                                     done=lambda: c.has(key))
            run.record(f"{phase}_refresh", result, srv)
    for _ in range(5):  # the page says the database did not answer (its own Aggiorna): a person taps it
        if c.has(key) or not c.has("p_refresh_error"):
            break
        run.errors.append(f"{c.name}: {'; '.join(alert_problems(c, ''))[:160]}")
        await asyncio.sleep(2.0)
        run.record(f"{phase}_refresh", await c.click("p_refresh_error"), srv)
    if not c.has(key):
        shown = "; ".join(alert_problems(c, "")) or ", ".join(c.keys())[:120]
        run.errors.append(f"{c.name}: {key} not on the page ({shown[:160]})")
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
    if not result.ok and run.s.disrupted_rate:
        result = await again_after_reconnect(run, c, lambda: c.choose(key, index=ANSWERS.index(code)), result)
    kind = f"{phase}_stored" if c.name not in run.disrupted_names else f"{phase}_disrupted_stored"
    run.record(kind, result, srv)
    if not confirm(result, (code, star)):
        return
    if stars[0] < MAX_STARS - 1 and rng.random() < run.s.star_rate and c.has(f"star_{need}"):
        await think(rng, run.s.tap_gap_s)
        result = await c.check(f"star_{need}")
        if not result.ok and run.s.disrupted_rate:  # no "saved" on the phone: the person taps again once back
            # the reconnect's run sends the box as ticked: the star's callback runs in it (idempotent)
            result = await again_after_reconnect(run, c, lambda: c.check(f"star_{need}", True), result,
                                                 done=lambda: True)
        run.record(f"{phase}_star", result, srv)
        if confirm(result, (code, True)):
            stars[0] += 1
    if rng.random() < run.s.comment_rate and c.has(f"com_{need}"):
        await think(rng, run.s.tap_gap_s)
        await c.type_text(f"com_{need}", f"commento di prova {c.name}")  # in a form: sent with its button
        await think(rng, run.s.tap_gap_s)
        result = await c.click(f"save_{need}")
        if not result.ok and run.s.disrupted_rate:  # the text is still in the box: the person saves again
            result = await again_after_reconnect(run, c, lambda: c.click(f"save_{need}"), result)
        run.record(f"{phase}_comment", result, srv)
        if result.ok and not alert_problems(c, result.fragment_id):
            run.comments.add((token, need))


async def again_after_reconnect(run: Run, c: StreamlitClient, action: Callable[[], Awaitable[RunResult]],
                                first: RunResult, done: Callable[[], bool] | None = None) -> RunResult:
    """What the phone does when a run is not confirmed (link cut or frozen): Streamlit's frontend reconnects to
    its session by itself, and the phone's component sends what is still pending again (idempotent). The latency
    returned runs from the first try to the confirmation. `done`: after the reconnect's own run, nothing to send."""
    deadline = time.perf_counter() + run.s.retry_until_s
    result = first
    while not result.ok and time.perf_counter() < deadline:
        run.retries += 1
        await asyncio.sleep(1.0)
        with contextlib.suppress(Exception):
            await c.close()
        try:
            reconnected = await c.connect(load_page=False, resume=True)
        except Exception as exc:  # noqa: BLE001 - still cut: try again
            result.error = f"reconnect: {exc!r}"[:200]
            continue
        finished = done is not None and done() and reconnected.ok
        # action() None: nothing left to send (the value went with the reconnect's run)
        result = reconnected if finished else (await action() or reconnected)
    result.sent_at = first.sent_at
    return result


async def participant(run: Run, i: int, start_at: float) -> None:
    s = run.s
    rng = random.Random(s.seed * 1000 + i)
    srv = i % len(run.servers)
    await asyncio.sleep(max(0.0, start_at - time.time()))
    c = StreamlitClient(run.servers[srv], run.target.participant_page, f"evento={run.code}", name=f"p{i}",
                        timeout=s.client_timeout_s, local_addr=phone_address(i) if s.own_addresses else None)
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
    srv = j % len(run.explorer_bases)
    await asyncio.sleep(max(0.0, start_at - time.time()))
    if run.finished.is_set():
        return
    c = StreamlitClient(run.explorer_bases[srv], "mappa", name=f"e{j}", timeout=s.client_timeout_s,
                        local_addr=explorer_address(j) if s.own_addresses else None)
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
    c = StreamlitClient(run.presenter_base, run.target.presenter_page, run.target.presenter_query(run.code),
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
    if run.relay is not None:
        asyncio.create_task(bad_wifi_in_the_burst(run))  # noqa: RUF006 - ends by itself within the window
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(run.all_burst_done.wait(), run.s.burst_window_s + run.s.client_timeout_s)
    run.phases["burst_done"] = time.time()
    await asyncio.sleep(run.s.settle_s)
    run.phases["end"] = time.time()
    run.finished.set()


async def bad_wifi_in_the_burst(run: Run) -> None:
    """The chosen phones' links freeze (half) or are cut (half) for `disrupt_s`, each at a moment of the burst."""
    rng = random.Random(run.s.seed + 5)
    moments = sorted((rng.uniform(0, run.s.burst_window_s), i, mode) for i, mode in run.disrupted.items())
    start = time.monotonic()
    for at, i, mode in moments:
        await asyncio.sleep(max(0.0, start + at - time.monotonic()))
        run.relay.disrupt(phone_address(i), run.s.disrupt_s, mode)


async def scenario_main(run: Run) -> list[RunResult]:
    s = run.s
    t0 = time.time() + 1.0
    run.phases["start"] = t0
    rng = random.Random(s.seed)
    arrivals = sorted(t0 + rng.uniform(0, s.arrival_s) for _ in range(s.participants))
    explorer_starts = [t0 + rng.uniform(0, s.arrival_s) for _ in range(s.explorers)]
    if s.disrupted_rate:
        chosen = rng.sample(range(s.participants), round(s.participants * s.disrupted_rate))
        run.disrupted = {i: ("freeze", "cut")[k % 2] for k, i in enumerate(chosen)}
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
