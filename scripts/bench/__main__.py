"""Browser benchmark of PSM Torino Explorer: the app as shipped vs its PSM_PERF_BASELINE=1 variant vs a trivial app.

Run: ``.venv/bin/python -m scripts.bench [--samples 5] [--sessions 1,5,10] [--quick]`` (about 7-9 minutes on 2 cores).

Why this shape (see /work/shared/notes/streamlit_performance.md §2.3, §4, §6):
- three servers run side by side and samples are interleaved current/baseline/floor, so machine drift hits all
  of them alike; every timing is also reported as a ratio to the trivial app (bench_floor_app.py);
- times are taken in the page (performance.now(), from navigation start or from the pointerdown/Enter that
  caused the run) by an init script, so Playwright's own round trips are not measured;
- script runs are counted by the app itself (one line per run in $PSM_BENCH_LOG, with the run's wall and CPU
  time), websocket bytes from Playwright's frame events (payload) and from scripts/stclient.py on the socket
  (compressed), server memory with psutil (server process plus children);
- every request that would leave localhost is aborted and counted (must be 0).
Readiness, rerun detection, server start/stop come from tests/browser/harness.py (shared with the e2e tests).
Results: a table on stdout and bench/results/<UTC timestamp>.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
from playwright.sync_api import sync_playwright

from scripts.bench.browser import Browsing
from scripts.bench.config import BASELINE, CURRENT, FLOOR, FLOOR_APP, REPO_ROOT, RESULTS_DIR
from scripts.bench.phases import (
    Plan,
    app_pages,
    cold_phase,
    interaction_phase,
    pan_zoom_phase,
    payload_phase,
    phase,
    probe_payload,
    sessions_phase,
    warm_phase,
    warm_up,
    wire_phase,
)
from scripts.bench.results import Results
from scripts.bench.servers import VARIANT_ENV, Servers
from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS


def versions() -> dict[str, Any]:
    import importlib.metadata as md

    pkgs = {}
    for name in ("streamlit", "streamlit-folium", "folium", "plotly", "pandas", "playwright", "psutil"):
        with contextlib.suppress(md.PackageNotFoundError):
            pkgs[name] = md.version(name)
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return {"python": platform.python_version(), "packages": pkgs, "chromium": chromium,
            "machine": platform.machine(), "cpus": os.cpu_count(),
            "mem_gb": round(psutil.virtual_memory().total / 2**30, 1)}


PHASES = ("payload", "cold", "warm", "interactions", "wire", "panzoom", "sessions")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=int, default=5, help="samples per metric (default 5)")
    ap.add_argument("--sessions", default="1,5,10", help="concurrent sessions for the RSS steps (default 1,5,10)")
    ap.add_argument("--quick", action="store_true", help="2 samples everywhere: a fast smoke run")
    ap.add_argument("--cold-samples", type=int, default=None, help="cold rounds (default: --samples)")
    ap.add_argument("--cold-pages", default="panoramica,mappa,zona",
                    help="url paths measured cold, or 'all' (default panoramica,mappa,zona: the landing page and the "
                         "map pages; a cold round costs a server start per page and variant)")
    ap.add_argument("--phases", default=",".join(PHASES),
                    help=f"comma-separated phases to run (default all: {','.join(PHASES)}); the warm-up always runs")
    ap.add_argument("--probe-payload", action="store_true", help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.probe_payload:
        probe_payload()
        return 0
    samples = 2 if args.quick else args.samples
    pages = app_pages()
    plan = Plan(pages=pages, samples=samples, cold_samples=args.cold_samples or samples,
                cold_pages=[name for name, _ in pages if args.cold_pages == "all"
                            or name in args.cold_pages.split(",")],
                sessions=sorted({int(n) for n in args.sessions.split(",") if n.strip()}))
    started = time.monotonic()
    res = Results()
    res.info.update(started_utc=datetime.now(UTC).isoformat(timespec="seconds"), argv=sys.argv[1:],
                    samples=plan.samples, cold_samples=plan.cold_samples, sessions=plan.sessions,
                    pages=dict(plan.pages), versions=versions(),
                    payload_method="AppTest: len(json_args['script']) of each st_folium component, in a child "
                                   "process; ws_max_frame per load in the warm samples is the websocket view")
    errors: list[str] = res.info.setdefault("errors", [])
    res.info["loadavg_start"] = os.getloadavg()
    if res.info["loadavg_start"][0] > 1.5:
        print(f"[bench] warning: load average {res.info['loadavg_start'][0]:.1f} before start: other processes "
              "compete for the 2 cores; compare ratios to the floor rather than absolute times", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="psm-bench-"))
    servers = Servers(workdir)

    def on_term(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_term)
    try:
        wanted = set(args.phases.split(","))
        if "payload" in wanted:
            with phase("payload (AppTest)"):
                payload_phase(res)
        with phase("start servers"):
            cur, base, floor = servers.start_many([
                (CURRENT, CURRENT, REPO_ROOT / "app.py", VARIANT_ENV[CURRENT]),
                (BASELINE, BASELINE, REPO_ROOT / "app.py", VARIANT_ENV[BASELINE]),
                (FLOOR, FLOOR, FLOOR_APP, {}),
            ])
            main_servers = {CURRENT: cur, BASELINE: base, FLOOR: floor}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            browsing = Browsing(browser)
            try:
                if "cold" in wanted:
                    with phase(f"cold TTI ({plan.cold_samples} rounds x {len(plan.cold_pages)} pages x 2)", errors):
                        cold_phase(plan, servers, browsing, res)
                with phase("warm-up", errors):
                    warm_up(main_servers, browsing, plan)
                for name, label, run in (
                    ("warm", "warm TTI", lambda: warm_phase(plan, main_servers, browsing, res)),
                    ("interactions", "interactions", lambda: interaction_phase(plan, main_servers, browsing, res)),
                    ("wire", "websocket bytes on the wire", lambda: wire_phase(plan, main_servers, res)),
                    ("panzoom", "pan/zoom", lambda: pan_zoom_phase(plan, main_servers, browsing, res)),
                    ("sessions", "sessions", lambda: sessions_phase(plan, main_servers, browsing, res)),
                ):
                    if name in wanted:
                        with phase(label, errors):
                            run()
            finally:
                browser.close()
        ext = res.metric("external", "requests leaving localhost (aborted)", "req", target=0, op="==")
        for variant, urls in browsing.external.items():
            ext.add(variant, len(urls))
        res.info["external_requests"] = {v: sorted(set(urls)) for v, urls in browsing.external.items() if urls}
    finally:
        servers.stop_all()
    res.info["runtime_s"] = round(time.monotonic() - started, 1)
    res.info["loadavg_end"] = os.getloadavg()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    out.write_text(json.dumps(res.as_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    print()
    print(res.table())
    print(f"\nexternal requests: {res.info['external_requests'] or 'none'}")
    for m in res.metrics.values():
        for note in m.notes:
            print(f"note [{m.key}]: {note}")
    for error in errors:
        print(f"ERROR {error}")
    print(f"\nload average start {res.info['loadavg_start'][0]:.1f}, end {res.info['loadavg_end'][0]:.1f}")
    print(f"run time {res.info['runtime_s']:.0f} s; JSON: {out.relative_to(REPO_ROOT)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
