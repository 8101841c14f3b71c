"""`python -m scripts.loadtest` (make loadtest): the command line."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import asdict, replace
from datetime import UTC, datetime
from typing import Any

from scripts.loadtest.follow import FollowScenario, follow_table, run_follow
from scripts.loadtest.hall import BAD_WIFI, HALL, arrival_timeline, hall_table, run_hall, search
from scripts.loadtest.report import table
from scripts.loadtest.runner import run_config
from scripts.loadtest.scenarios import Config, Scenario
from scripts.loadtest.target import REPO_ROOT, RESULTS_DIR, Target, make_target


def quick_hall(quick: bool, *, bad_wifi: bool = False) -> Scenario | None:
    if not quick:
        return None
    return replace(BAD_WIFI if bad_wifi else HALL, explorers=5, agenda=2, think_s=(2, 5))


def run_halls(target: Target, args: argparse.Namespace, server_args: list[str]) -> list[dict[str, Any]]:
    if args.hall == "no":
        return []

    def one(n: int) -> dict[str, Any]:
        return run_hall(target, n, args.hall_servers, server_args=server_args, scenario=quick_hall(args.quick))

    if args.hall == "search":
        return search(one, 20 if args.quick else 300, *(((30,), (10,)) if args.quick else ()))
    return [one(int(n)) for n in args.hall.split(",")]


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
    parser.add_argument("--hall", default="search",
                        help="the hall behind nginx: 'search' (300 phones, then up or down to the largest that "
                             "meets the targets), a comma list of phone counts, or 'no'")
    parser.add_argument("--hall-servers", type=int, default=3, help="app processes behind nginx")
    parser.add_argument("--bad-wifi", default="300", help="phones on bad Wi-Fi (behind the relay), or 'no'")
    args = parser.parse_args(argv)
    if args.follow == "only":
        args.configs = ""
        args.hall = args.bad_wifi = "no"

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
        halls = run_halls(target, args, server_args)
        wifi = []
        if args.bad_wifi != "no":
            wifi = [run_hall(target, int(n), args.hall_servers, bad_wifi=True, server_args=server_args,
                             scenario=quick_hall(args.quick, bad_wifi=True)) for n in args.bad_wifi.split(",")]
    finally:
        target.close()
    report = table(results, target.label) if results else ""
    if halls:
        report += ("\n\n" if report else "") + hall_table(halls, "The hall: app processes behind nginx, PostgreSQL "
                                                                 "shared, phones arriving within the arrival window")
    if wifi:
        report += ("\n\n" if report else "") + hall_table(wifi, "Bad Wi-Fi: the phones behind the link emulator "
                                                                "(80 ± 40 ms each way, 2 % stalls 200-600 ms, 20 % of "
                                                                "phones frozen or cut 10 s in the burst)")
    for r in halls[-2:]:  # the largest that met the targets and the first that did not (or the one run)
        report += "\n\n" + arrival_timeline(r)
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
    for r in [*results, *halls, *wifi]:
        if r["error_samples"]:
            print(f"\n{r['config']}: first errors:\n  " + "\n  ".join(r["error_samples"][:10]))
    if not args.no_write:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = RESULTS_DIR / f"loadtest-{stamp}.json"
        meta = {"when": stamp, "target": target.label, "scenario": asdict(scenario),
                "python": platform.python_version(),
                "machine": {"cpus": os.cpu_count(), "platform": platform.platform()}}
        path.write_text(json.dumps({"meta": meta, "results": results, "follow": follow, "hall": halls,
                                    "bad_wifi": wifi, "table": report}, indent=1,
                                   default=str))
        print(f"\nresults: {path.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
