"""A separate process samples health and each process tree's CPU and RSS, so the load generator's own CPU does not
delay the samples."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import threading
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import psutil

# ----------------------------------------------------------------------------------------------------------------
# Monitor: a separate process, so that the load generator's own CPU does not delay the health samples


def _monitor(servers: list[str], pids: dict[str, int], stop: Any, out: Any) -> None:
    health: dict[str, list[tuple[float, float | None]]] = {s: [] for s in servers}
    usage: dict[str, list[tuple[float, float, float]]] = {name: [] for name in pids}
    machine: list[tuple[float, float, float]] = []  # (t, busy CPU s of all cores, of which niced): other work

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
        ct = psutil.cpu_times()
        machine.append((t, sum(ct) - ct.idle - getattr(ct, "iowait", 0.0) - getattr(ct, "guest", 0.0)
                        - getattr(ct, "guest_nice", 0.0), ct.nice))
        time.sleep(max(0.0, 0.5 - (time.time() - t)))
    for th in threads:
        th.join(timeout=11)
    out.put({"health": health, "usage": usage, "machine": machine})


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
