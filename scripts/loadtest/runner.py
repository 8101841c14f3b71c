"""One configuration from scratch: database, event, servers (and proxy, relay), the scenario, the summary."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

from scripts.loadtest.monitor import monitoring
from scripts.loadtest.proxy import nginx
from scripts.loadtest.relay import LinkProfile, Relay
from scripts.loadtest.report import summarise
from scripts.loadtest.scenarios import Config, Run, Scenario, scenario_main
from scripts.loadtest.servers import app_servers, calibrate, database, warm_up
from scripts.loadtest.target import Target, agenda_needs
from tests.browser.harness import ARTIFACTS_DIR, free_port

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
    """One configuration from scratch: database, event, servers (behind nginx and the relay if asked), warm-up,
    the scenario, the summary."""
    needs = agenda_needs(scenario.agenda + 1)
    with tempfile.TemporaryDirectory(prefix=f"psm-loadtest-{config.name}-") as tmpname:
        tmp = Path(tmpname)
        with database(config, tmp) as (db_url, pg_pid):
            code = target.prepare(db_url, needs, open_needs=needs[:-1])
            calibration_code = target.prepare(db_url, needs, open_needs=needs)  # its own event: not in the check
            with app_servers(config, target, db_url, tmp) as procs, contextlib.ExitStack() as stack:
                servers = [base for base, _ in procs]
                pids = {f"server{k}": proc.pid for k, (_, proc) in enumerate(procs)}
                entry = servers
                if config.proxy:
                    port = free_port()
                    log = ARTIFACTS_DIR / f"loadtest_{config.name}_nginx.log"
                    upstreams = [b.removeprefix("http://") for b in servers]
                    proxy = stack.enter_context(nginx(port, upstreams, tmp / "nginx", log))
                    pids["nginx"] = proxy.pid
                    entry = [f"http://127.0.0.1:{port}"]
                calibration = None
                if warm:
                    run_coroutine(warm_up(servers, target, code))
                    calibration = run_coroutine(calibrate(servers[0], target, calibration_code, needs[0],
                                                      procs[0][1].pid))
                if pg_pid:
                    pids["postgres"] = pg_pid
                run = Run(scenario, entry, target, db_url, code, needs)
                me = psutil.Process()
                cpu0, wall0 = sum(me.cpu_times()[:2]), time.time()
                watched = servers + (entry if config.proxy else [])
                with monitoring(watched, pids) as mon:
                    presenter_runs = run_coroutine(_play(run, config))
                wall = time.time() - wall0
                client_cpu = sum(me.cpu_times()[:2]) - cpu0
                summary = summarise(run, presenter_runs, mon, pids, client_cpu, wall)
                summary["config"] = config.name
                summary["servers"] = config.servers  # app processes (the phones see one address behind a proxy)
                summary["proxy"] = "nginx (hash $remote_addr)" if config.proxy else "none"
                summary["database"] = config.database
                summary["arrival_s"] = scenario.arrival_s
                summary["burst_window_s"] = scenario.burst_window_s
                summary["calibration"] = calibration
                summary["server_args"] = config.server_args
                summary["raw"] = {
                    "tap_stored_burst_s": sorted(r.latency for r in run.records
                                                 if r.kind == "burst_stored" and r.latency is not None),
                    "health": {b: [(round(t - run.phases["start"], 2), v) for t, v in s]
                               for b, s in mon.get("health", {}).items()},
                    "rss": {name: [(round(t - run.phases["start"], 1), round(rss / 1e6)) for t, _, rss in s[::10]]
                            for name, s in mon.get("usage", {}).items()},
                    # when each page load started and how long it took: where in the arrival the queue builds
                    "loads": [(r.kind, round(r.t - run.phases["start"], 2), round(r.latency, 3))
                              for r in run.records if r.kind in ("p_load", "e_load") and r.latency is not None],
                }
                return summary


async def _play(run: Run, config: Config) -> list[Any]:
    """The scenario, with the phones behind the link emulator when the Wi-Fi is bad (the projector and explorers
    reach the proxy directly)."""
    if not config.bad_wifi:
        return await scenario_main(run)
    host, _, port = run.servers[0].removeprefix("http://").rpartition(":")
    async with Relay(host, int(port), LinkProfile()) as relay:
        run.relay = relay
        run.presenter_base, run.explorer_bases = run.servers[0], list(run.servers)
        run.servers = [f"http://127.0.0.1:{relay.port}"]
        try:
            return await scenario_main(run)
        finally:
            run.link_stats = relay.stats
