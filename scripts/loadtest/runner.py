"""One configuration from scratch: database, event, servers (and proxy, relay), the scenario, the summary."""

from __future__ import annotations

import asyncio
import concurrent.futures
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

from scripts.loadtest.monitor import monitoring
from scripts.loadtest.report import summarise
from scripts.loadtest.scenarios import Config, Run, Scenario, scenario_main
from scripts.loadtest.servers import app_servers, calibrate, database, warm_up
from scripts.loadtest.target import Target, agenda_needs

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
