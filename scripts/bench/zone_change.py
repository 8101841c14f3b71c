"""The `/copertura` zone change alone, A/B: two copies of the app side by side plus the trivial floor app.

Run: ``.venv/bin/python -m scripts.bench.zone_change [--samples 15] [--app before=/tmp/psm-before] [--app after=.]``
(each ``--app NAME=DIR`` serves DIR/app.py through DIR/scripts/serve.py; default: this checkout only).

The same interaction, readiness and timing as `make bench`'s interactions phase (scripts/bench/interactions.py:
`pick_zone`, `measure`), without the rest of the benchmark: a few minutes instead of thirteen, so a change to the
page can be measured before and after in the same conditions (samples interleaved app by app, floor included).
Each round opens a fresh page and adds five zones one by one, as the full benchmark does; the choices go on
from round to round (sample k picks the k-th unselected zone), so later rounds make selections the server has
not seen yet, as in the benchmark, whose five samples are all new selections.

Beyond click → done it splits each sample with the websocket's arrival times (an init script): click → first
message of the run (the request's trip and the run's first elements), → `script_finished` (the Python run as the
browser sees it), → done (the browser's own work after the last message), and counts the run's messages.
``--profile N`` also records N samples per app with Chromium's CPU profiler and prints where the page's main
thread spent its time (self time per function and script), so server and browser costs can be told apart.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from scripts.bench.browser import Browsing, Tab, wait_interactive
from scripts.bench.config import FLOOR, FLOOR_APP, REPO_ROOT, RESULTS_DIR, SESSION_TTL_S
from scripts.bench.interactions import measure, pick_floor, pick_zone
from scripts.bench.servers import Server
from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS, free_port, start_streamlit, stop_process, wait_for_health

PICKS_PER_ROUND = 5  # the full benchmark's 5 samples: zones 1 → 5 selected on one page

# Arrival time and size of every websocket message, and of each script_finished (field 6 of a ForwardMsg).
WS_JS = """
(() => {
  if (window.top !== window) return;
  const W = window.__ws = {msgs: []};
  const Native = window.WebSocket;
  const Logging = function (...args) {
    const socket = new Native(...args);
    socket.addEventListener('message', (event) => {
      const size = event.data instanceof ArrayBuffer ? event.data.byteLength : String(event.data).length;
      W.msgs.push([performance.now(), size]);
    });
    return socket;
  };
  Logging.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Logging[k] = Native[k];
  window.WebSocket = Logging;
})();
"""


def start_app(name: str, root: Path, workdir: Path) -> Server:
    """`scripts/serve.py` of the checkout at `root`, with its own run log and data directory."""
    port = free_port()
    run_log, server_log = workdir / f"{name}.runs", workdir / f"{name}.log"
    home = workdir / f"{name}-home"
    home.mkdir()
    cmd = [sys.executable, str(root / "scripts" / "serve.py"), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--server.runOnSave", "false", "--server.enableStaticServing", "true",
           "--server.disconnectedSessionTTL", str(SESSION_TTL_S)]
    env = {**os.environ, "PSM_BENCH_LOG": str(run_log), "PSM_DATA_HOME": str(home), "PSM_PERF_BASELINE": "0",
           "PYTHONUNBUFFERED": "1"}
    with open(server_log, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env)
    return Server(name, proc, f"http://127.0.0.1:{port}", run_log, server_log, name)


def start_floor(workdir: Path) -> Server:
    port = free_port()
    run_log, server_log = workdir / "floor.runs", workdir / "floor.log"
    proc = start_streamlit(FLOOR_APP, port, server_log, env={"PSM_BENCH_LOG": str(run_log)},
                           extra_args=["--server.disconnectedSessionTTL", str(SESSION_TTL_S)])
    return Server(FLOOR, proc, f"http://127.0.0.1:{port}", run_log, server_log, FLOOR)


def open_page(browsing: Browsing, server: Server) -> Tab:
    """A fresh context on the page, instrumented like the benchmark's plus the websocket arrival log."""
    tab = browsing.open(server)
    tab.context.add_init_script(WS_JS)
    tab.page.goto("/" if server.variant == FLOOR else "/copertura", wait_until="commit")
    wait_interactive(tab)
    return tab


def split(tab: Tab, t0: float, done: float | None) -> dict[str, float | None]:
    """The websocket's view of one sample: first and last message after t0, their count and bytes."""
    msgs = [(t, n) for t, n in tab.page.evaluate("() => window.__ws.msgs") if t > t0]
    if not msgs or done is None:
        return {"first_msg": None, "last_msg": None, "after_last": None, "messages": len(msgs)}
    last = max(t for t, _ in msgs if t <= done) if any(t <= done for t, _ in msgs) else msgs[-1][0]
    return {"first_msg": msgs[0][0] - t0, "last_msg": last - t0, "after_last": done - last,
            "messages": sum(1 for t, _ in msgs if t <= done)}


def profile_sample(tab: Tab, act: Any) -> Counter[str]:
    """Self time (ms) per 'function @ script', and per script, on the page's main thread between the click and
    the end of the run (the profiler's clock is aligned with the page's at its start, to a few ms)."""
    cdp = tab.context.new_cdp_session(tab.page)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 200})
    page_start = tab.page.evaluate("() => performance.now()")
    cdp.send("Profiler.start")
    t_before = tab.page.evaluate("() => performance.now()")
    sample = measure(tab, act)
    profile = cdp.send("Profiler.stop")["profile"]
    cdp.detach()
    self_ms: Counter[str] = Counter()
    clicks = [t for t in tab.bench["clicks"] if t > t_before]
    if sample is None or sample.to_done is None or not clicks:
        return self_ms
    t0 = clicks[-1]
    t1 = t0 + sample.to_done
    nodes = {n["id"]: n for n in profile["nodes"]}
    deltas = profile.get("timeDeltas", [])
    at = profile["startTime"]
    for node_id, delta, step in zip(profile.get("samples", []), deltas[1:] + [0], deltas, strict=True):
        at += step
        page_time = page_start + (at - profile["startTime"]) / 1000
        if not t0 <= page_time <= t1:
            continue
        frame = nodes[node_id]["callFrame"]
        script = frame["url"].rsplit("/", 1)[-1] or "-"
        self_ms[f"{frame['functionName'] or '(anonymous)'} @ {script}"] += delta / 1000
        self_ms[f"[all of] {script.split('.')[0]}"] += delta / 1000
    self_ms["= click → done (ms)"] = sample.to_done
    return self_ms


TRACE_CATEGORIES = ["devtools.timeline", "blink.user_timing", "toplevel"]
TRACE_KINDS = ("FunctionCall", "TimerFire", "EventDispatch", "FireAnimationFrame", "RunMicrotasks",
               "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "ParseHTML", "MinorGC", "MajorGC")


def main_thread_work(browser: Any, tab: Tab, t0: float, t1: float) -> dict[str, float]:
    """Stop the trace started before the sample; the page's main-thread work between t0 and t1 (in-page ms).

    `browser_cpu_ms` is the CPU time of the tasks in that window (trace `tdur`, prorated at its edges): unlike the
    wall times it hardly moves with the machine's load, so it compares two versions fairly on a busy machine.
    `browser_busy_ms` is their wall time. Per kind (`cpu <kind>`): the CPU time of events of that kind in the window
    (a kind nested in another is counted in both)."""
    now = tab.page.evaluate("() => { performance.mark('psm-sync'); return performance.now(); }")
    raw = json.loads(browser.stop_tracing())
    events = raw["traceEvents"] if isinstance(raw, dict) else raw
    sync = next((e for e in events if e.get("name") == "psm-sync"), None)
    if sync is None:
        return {}
    offset = sync["ts"] - now * 1000
    lo, hi = t0 * 1000 + offset, t1 * 1000 + offset
    mine = [e for e in events if e.get("pid") == sync["pid"] and e.get("tid") == sync["tid"] and e.get("ph") == "X"
            and e["ts"] < hi and e["ts"] + e.get("dur", 0) > lo]
    out: dict[str, float] = {"browser_cpu_ms": 0.0, "browser_busy_ms": 0.0}
    outer_end = -1.0  # the main thread's outermost events (tasks) give its busy and CPU time
    for e in sorted(mine, key=lambda e: (e["ts"], -e.get("dur", 0))):
        dur = max(e.get("dur", 0), 1)
        overlap = min(hi, e["ts"] + dur) - max(lo, e["ts"])
        cpu = e.get("tdur", dur) * overlap / dur / 1000
        if e["ts"] >= outer_end:
            outer_end = e["ts"] + dur
            out["browser_busy_ms"] += overlap / 1000
            out["browser_cpu_ms"] += cpu
        if e["name"] in TRACE_KINDS:
            out[f"cpu {e['name']}"] = out.get(f"cpu {e['name']}", 0.0) + cpu
    return out


def summarise(values: Sequence[float | None]) -> str:
    vals = [v for v in values if v is not None]
    if not vals:
        return "—"
    return f"{statistics.median(vals):7.1f} (min {min(vals):.0f}, max {max(vals):.0f}, n {len(vals)})"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=int, default=15, help="zone changes per app (default 15: 3 pages × 5)")
    ap.add_argument("--app", action="append", default=[], metavar="NAME=DIR",
                    help="a checkout to serve (repeatable); default: this one, as 'current'")
    ap.add_argument("--profile", type=int, default=0, help="CPU-profiled samples per app, after the timed ones")
    ap.add_argument("--cpu", action="store_true",
                    help="trace every sample: the page's main-thread CPU between click and done (robust to load)")
    args = ap.parse_args(argv)
    apps = [(spec.split("=", 1)[0], Path(spec.split("=", 1)[1]).resolve()) for spec in args.app] or [
        ("current", REPO_ROOT)]
    workdir = Path(tempfile.mkdtemp(prefix="psm-zone-"))
    servers = [start_app(name, root, workdir) for name, root in apps] + [start_floor(workdir)]
    record: dict[str, Any] = {"started_utc": datetime.now(UTC).isoformat(timespec="seconds"),
                              "loadavg_start": os.getloadavg(), "apps": {n: str(r) for n, r in apps},
                              "samples": {}}
    try:
        for server in servers:
            wait_for_health(server.proc, server.url, timeout=90)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            browsing = Browsing(browser)
            for server in servers:  # warm-up: caches filled, modules imported, chunks in the HTTP cache
                open_page(browsing, server).close()
            rows: dict[str, list[dict[str, Any]]] = {s.name: [] for s in servers}
            tabs: dict[str, Tab] = {}
            for i in range(args.samples):
                for server in servers:
                    if i % PICKS_PER_ROUND == 0:
                        if server.name in tabs:
                            tabs[server.name].close()
                        tabs[server.name] = open_page(browsing, server)
                    tab = tabs[server.name]
                    do = pick_floor if server.variant == FLOOR else pick_zone
                    t_before = tab.page.evaluate("() => performance.now()")
                    tracing = args.cpu and server.variant != FLOOR
                    if tracing:
                        browser.start_tracing(page=tab.page, categories=TRACE_CATEGORIES)
                    sample = measure(tab, lambda do=do, tab=tab, k=i: do(tab, k))
                    if sample is None:
                        if tracing:
                            browser.stop_tracing()
                        continue
                    clicks = [t for t in tab.bench["clicks"] if t > t_before]
                    t0 = clicks[-1] if clicks else None
                    row = {"to_done": sample.to_done, "runs": sample.runs, "ws_kb": sample.ws_bytes / 1024,
                           "server_cpu_ms": sample.cpu_ms,
                           "py_wall_ms": None if sample.python_s is None else sample.python_s[0] * 1000,
                           "py_cpu_ms": None if sample.python_s is None or sample.python_s[1] is None
                           else sample.python_s[1] * 1000}
                    if t0 is not None and server.variant != FLOOR:
                        done = None if sample.to_done is None else t0 + sample.to_done
                        row.update(split(tab, t0, done))
                    if tracing and t0 is not None and sample.to_done is not None:
                        row.update(main_thread_work(browser, tab, t0, t0 + sample.to_done))
                    elif tracing:
                        browser.stop_tracing()
                    rows[server.name].append(row)
            profiles: dict[str, Counter[str]] = {}
            for server in servers:
                if server.variant == FLOOR or not args.profile:
                    continue
                total: Counter[str] = Counter()
                for k in range(args.profile):
                    if k % PICKS_PER_ROUND == 0:
                        tabs[server.name].close()
                        tabs[server.name] = open_page(browsing, server)
                    tab = tabs[server.name]
                    total.update(profile_sample(tab, lambda tab=tab, k=k: pick_zone(tab, k % PICKS_PER_ROUND)))
                profiles[server.name] = total
            for tab in tabs.values():
                tab.close()
            browser.close()
    finally:
        for server in servers:
            stop_process(server.proc)
    record["loadavg_end"] = os.getloadavg()
    record["samples"] = rows
    floor = statistics.median([r["to_done"] for r in rows[FLOOR] if r["to_done"] is not None] or [0])
    print(f"load average {record['loadavg_start'][0]:.1f} → {record['loadavg_end'][0]:.1f}; floor click → done "
          f"{floor:.0f} ms")
    for name, _root in apps:
        got = rows[name]
        print(f"\n{name}:")
        for key, label in (("to_done", "click → done (ms)"), ("first_msg", "  click → first message"),
                           ("last_msg", "  click → last message"), ("after_last", "  last message → done"),
                           ("messages", "  messages"), ("py_wall_ms", "Python wall (ms)"),
                           ("py_cpu_ms", "Python CPU (ms)"), ("server_cpu_ms", "server CPU (ms)"),
                           ("ws_kb", "payload (KB)"), ("runs", "runs"),
                           ("browser_cpu_ms", "browser main-thread CPU (ms)"),
                           ("browser_busy_ms", "browser main-thread busy (ms)"),
                           *((f"cpu {k}", f"  CPU in {k}") for k in TRACE_KINDS)):
            values = [r.get(key) for r in got]
            if any(v is not None for v in values):
                print(f"  {label:28s} {summarise(values)}")
        med = statistics.median([r["to_done"] for r in got if r["to_done"] is not None] or [0])
        print(f"  × floor                      {med / floor if floor else float('nan'):.2f}")
        if name in profiles:
            n = args.profile
            print(f"  main thread self time, mean per sample over {n} profiled samples (ms):")
            for key, ms in profiles[name].most_common(40):
                print(f"    {ms / n:7.1f}  {key}")
            record.setdefault("profiles", {})[name] = {k: v / n for k, v in profiles[name].most_common(60)}
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"zone-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    out.write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nJSON: {out.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
