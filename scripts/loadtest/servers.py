"""Servers and databases: a SQLite file or a throwaway PostgreSQL, app processes, warm-up and calibration."""

from __future__ import annotations

import contextlib
import secrets
import statistics
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil

from psm_data.events.vocabulary import ANSWERS
from scripts.loadtest.scenarios import Config
from scripts.loadtest.target import Target
from scripts.stclient import RunResult, StreamlitClient
from tests.browser.harness import ARTIFACTS_DIR, free_port, start_streamlit, stop_process, wait_for_health

# ----------------------------------------------------------------------------------------------------------------
# Servers and databases


@contextlib.contextmanager
def database(config: Config, tmp: Path) -> Iterator[tuple[str, int | None]]:
    if config.database == "sqlite":
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


def tree_cpu_seconds(proc: psutil.Process) -> float:
    """User + system CPU seconds of a server process and its children (a child that exited counts nothing)."""
    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            ct = p.cpu_times()
            total += ct.user + ct.system
    return total


async def calibrate(base: str, target: Target, code: str, need: str, server_pid: int, n: int = 20) -> dict[str, Any]:
    """On the idle server, one phone at a time: server CPU and latency of one answer tap, one ★, one 'Aggiorna'
    (a full run of the participant page), one page load, and one explorer strategy change."""
    proc = psutil.Process(server_pid)

    def cpu() -> float:
        return tree_cpu_seconds(proc)

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
