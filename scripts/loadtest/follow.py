"""Following the room (issue 15): what it costs that every phone polls the state endpoint."""

from __future__ import annotations

import asyncio
import contextlib
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from scripts.loadtest.report import dist, fmt
from scripts.loadtest.runner import run_coroutine
from scripts.loadtest.scenarios import Config
from scripts.loadtest.servers import app_servers, database, tree_cpu_seconds, warm_up
from scripts.loadtest.target import Target, agenda_needs
from scripts.stclient import StreamlitClient, poll_live

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
        return tree_cpu_seconds(proc)

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
