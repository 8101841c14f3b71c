"""Browser benchmark of PSM Torino Explorer: the app as shipped vs its PSM_PERF_BASELINE=1 variant vs a trivial app.

Run: ``.venv/bin/python scripts/bench.py [--samples 5] [--sessions 1,5,10] [--quick]`` (about 7-9 minutes on 2 cores).

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
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route, WebSocket, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.browser.harness import (  # noqa: E402  (needs REPO_ROOT on sys.path)
    CHROMIUM,
    CHROMIUM_ARGS,
    INIT_JS,
    MAP_IFRAME,
    VIEWPORT,
    free_port,
    is_local_url,
    runs_ended,
    screenshot,
    start_streamlit,
    stop_process,
    wait_for_app_ready,
    wait_for_health,
    wait_for_rerun,
)

RESULTS_DIR = REPO_ROOT / "bench" / "results"
FLOOR_APP = REPO_ROOT / "scripts" / "bench_floor_app.py"
SESSION_TTL_S = 5
MIN_MAP_PATHS = 11  # the 11 zone polygons
STABLE_MS = 300  # readiness must hold this long (late deltas, lazy chunks) before a load sample is taken
INTERACTIVE = "interactive=1"  # the query that opens a map page with its Leaflet map instead of the drawn one
SETTLE_MS = 600  # after an interaction: time for a second (unwanted) run to show up in the run log
SEARCH_TERMS = ("ciclabil", "montagna", "scuol", "turism", "energi", "acqua", "digital", "citta", "lavoro", "sanit")
CURRENT, BASELINE, FLOOR = "current", "baseline", "floor"

# Second init script (the harness's INIT_JS counts runs and logs script-state changes with oldValue).
# Records pointerdown/Enter times, the map signature (count + fills of the first map's paths) on every
# change, and when the page is interactive: script done, every st_folium map drawn, every plotly chart drawn.
BENCH_JS = """
(() => {
  if (window.top !== window) return;
  const B = window.__bench = {clicks: [], enters: [], mapSig: [], firstReady: null, firstCounts: null,
                              readySince: null, counts: null, connected: null, scriptDone: null, mounts: 0};
  document.addEventListener('pointerdown', () => B.clicks.push(performance.now()), true);
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') B.enters.push(performance.now()); }, true);
  B.lastChange = null;  // the last change of the page's content (for runs too fast for the script-state attribute)
  new MutationObserver(() => { B.lastChange = performance.now(); })
    .observe(document, {subtree: true, childList: true, characterData: true});
  let last;
  setInterval(() => {
    const now = performance.now();
    const app = document.querySelector("[data-testid='stApp']");
    const connected = !!app && app.getAttribute('data-test-connection-state') === 'CONNECTED';
    if (connected && B.connected === null) B.connected = now;
    const done = connected && app.getAttribute('data-test-script-state') === 'notRunning'
                 && !document.querySelector("[data-testid='stSkeleton']");
    if (done && B.scriptDone === null) B.scriptDone = now;
    const frames = Array.from(document.querySelectorAll('__IFRAME__'));
    let mapsOk = true, sig = null;
    frames.forEach((f, i) => {
      let ps = [];
      try { ps = f.contentDocument ? f.contentDocument.querySelectorAll('path.leaflet-interactive') : []; }
      catch (e) {}
      if (ps.length < __MIN_PATHS__) mapsOk = false;
      if (i === 0 && ps.length) sig = ps.length + ':' + Array.from(ps).map(p => p.getAttribute('fill')).join(',');
    });
    const plots = Array.from(document.querySelectorAll("[data-testid='stPlotlyChart']"));
    const plotsOk = plots.every(p => !!p.querySelector('.main-svg'));
    const images = Array.from(document.querySelectorAll('img.psm-svg-map'));  // server-drawn maps: decoded
    const imagesOk = images.every(i => i.complete && i.naturalWidth > 0);
    const ready = done && mapsOk && plotsOk && imagesOk;
    const counts = frames.length + '/' + plots.length;
    if (ready) {
      if (B.firstReady === null) { B.firstReady = now; B.firstCounts = counts; }
      if (B.readySince === null || B.counts !== counts) { B.readySince = now; B.counts = counts; }
    } else { B.readySince = null; }
    if (sig !== last) { B.mapSig.push([now, sig]); last = sig; }
    try {  // a new map document (the iframe remounted) gets a new mark
      const w = frames[0] && frames[0].contentWindow;
      if (w && String(w.location.href).includes('streamlit_folium') && !w.__benchMount) w.__benchMount = ++B.mounts;
    } catch (e) {}
  }, 5);
})();
""".replace("__IFRAME__", MAP_IFRAME).replace("__MIN_PATHS__", str(MIN_MAP_PATHS))

_STABLE_JS = f"""() => {{ const B = window.__bench;
  return !!B && B.readySince !== null && performance.now() - B.readySince > {STABLE_MS}; }}"""


# ---------------------------------------------------------------------------------------------- servers
@dataclass
class Server:
    """One `streamlit run` we started: its URL, its run log (one line per script run) and its process."""

    name: str
    proc: subprocess.Popen[bytes]
    url: str
    run_log: Path
    server_log: Path
    variant: str

    def runs(self) -> int:
        """Script runs so far, as logged by the app (PSM_BENCH_LOG)."""
        return len(self.run_log.read_text().splitlines()) if self.run_log.exists() else 0

    def last_run_seconds(self) -> tuple[float, float | None] | None:
        """Python time of the last run, as logged by the app: (wall, CPU of the script thread or None)."""
        lines = self.run_log.read_text().splitlines() if self.run_log.exists() else []
        if not lines:
            return None
        fields = lines[-1].split()  # "<epoch> <page> <wall s> [<cpu s>]"
        return float(fields[2]), float(fields[3]) if len(fields) > 3 else None

    def _procs(self) -> list[psutil.Process]:
        root = psutil.Process(self.proc.pid)
        return [root, *root.children(recursive=True)]

    def rss_mb(self) -> float:
        """Resident memory of the server and its children (MB)."""
        return sum(p.memory_info().rss for p in self._procs()) / 2**20

    def cpu_s(self) -> float:
        """User+system CPU seconds used so far by the server and its children."""
        return sum(sum(p.cpu_times()[:2]) for p in self._procs())


class Servers:
    """Starts servers and guarantees that every one of them is stopped (by PID) whatever happens."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.running: list[Server] = []

    def start(self, name: str, variant: str, script: Path, env: dict[str, str]) -> Server:
        port = free_port()
        run_log = self.workdir / f"{name}-{port}.runs"
        server_log = self.workdir / f"{name}-{port}.log"
        proc = start_streamlit(script, port, server_log, env={**env, "PSM_BENCH_LOG": str(run_log)},
                               extra_args=["--server.disconnectedSessionTTL", str(SESSION_TTL_S)])
        server = Server(name, proc, f"http://127.0.0.1:{port}", run_log, server_log, variant)
        self.running.append(server)
        return server

    def start_many(self, specs: Sequence[tuple[str, str, Path, dict[str, str]]]) -> list[Server]:
        """Start several servers at once and wait until all answer /_stcore/health."""
        servers = [self.start(*spec) for spec in specs]
        for server in servers:
            try:
                wait_for_health(server.proc, server.url, timeout=90)
            except Exception:
                tail = server.server_log.read_text(errors="replace")[-2000:] if server.server_log.exists() else ""
                print(f"--- {server.name} did not start; log tail:\n{tail}", file=sys.stderr)
                raise
        return servers

    def stop(self, server: Server) -> None:
        stop_process(server.proc)
        if server in self.running:
            self.running.remove(server)

    def stop_all(self) -> None:
        for server in list(self.running):
            with contextlib.suppress(Exception):
                self.stop(server)


VARIANT_ENV = {CURRENT: {"PSM_PERF_BASELINE": "0"}, BASELINE: {"PSM_PERF_BASELINE": "1"}}


# ---------------------------------------------------------------------------------------------- browser
@dataclass
class Tab:
    """A fresh browser context + page on one server, instrumented (init scripts, ws bytes, blocked requests)."""

    context: BrowserContext
    page: Page
    server: Server
    ws_bytes: list[int] = field(default_factory=lambda: [0])
    ws_max_frame: list[int] = field(default_factory=lambda: [0])
    expect_text: str | None = None  # set by an action whose run is too fast for the script-state attribute

    @property
    def bench(self) -> dict[str, Any]:
        return self.page.evaluate("() => window.__bench")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.context.close()


class Browsing:
    """The one chromium of the run; counts every request that tried to leave localhost."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.external: dict[str, list[str]] = {}  # variant -> URLs

    def open(self, server: Server) -> Tab:
        context = self.browser.new_context(viewport=VIEWPORT, base_url=server.url)
        context.add_init_script(INIT_JS)
        context.add_init_script(BENCH_JS)
        blocked = self.external.setdefault(server.variant, [])

        def block(route: Route) -> None:
            blocked.append(route.request.url)
            route.abort()

        context.route(lambda url: not is_local_url(url), block)
        page = context.new_page()
        tab = Tab(context, page, server)

        def on_ws(ws: WebSocket) -> None:
            if not is_local_url(ws.url):
                blocked.append(ws.url)

            def on_frame(payload: str | bytes) -> None:
                size = len(payload if isinstance(payload, bytes) else payload.encode())
                tab.ws_bytes[0] += size
                tab.ws_max_frame[0] = max(tab.ws_max_frame[0], size)

            ws.on("framereceived", on_frame)

        page.on("websocket", on_ws)
        return tab


def close_dialogs(page: Page) -> None:
    """Dismiss a modal (e.g. Streamlit's "Page not found" on a cold server) that would make the page inert."""
    if page.get_by_role("dialog").count():
        page.keyboard.press("Escape")
        page.get_by_role("dialog").wait_for(state="detached", timeout=5_000)


def wait_interactive(tab: Tab, timeout: float = 60_000) -> dict[str, Any]:
    """Wait until the page is interactive and has stayed so for STABLE_MS; return the in-page record.

    `tti` is the first moment everything was ready, unless what was on the page changed after that
    (then the moment the final set of maps/charts was ready).
    """
    tab.page.wait_for_function(_STABLE_JS, timeout=timeout, polling=25)
    bench = tab.bench
    tti = bench["firstReady"] if bench["firstCounts"] == bench["counts"] else bench["readySince"]
    return {"tti": tti, "connected": bench["connected"], "script_done": bench["scriptDone"],
            "maps_plots": bench["counts"]}


def load(browsing: Browsing, server: Server, path: str) -> tuple[Tab, dict[str, Any]]:
    """Open `path` in a fresh context (cold browser cache) and measure time to interactive."""
    tab = browsing.open(server)
    tab.page.goto(path, wait_until="commit")
    record = wait_interactive(tab)
    record["ws_bytes"] = tab.ws_bytes[0]
    record["ws_max_frame"] = tab.ws_max_frame[0]
    return tab, record


# ---------------------------------------------------------------------------------------------- results
@dataclass
class Metric:
    """One row of the table: samples per variant, a target for the current app, an optional floor ratio."""

    key: str
    label: str
    unit: str
    target: float | None = None
    op: str = "<="  # "<=" or "=="
    floor_ratio_target: float | None = None
    floor_key: str | None = None  # metric whose floor samples this one is compared with
    target_source: str = "DESIGN"
    samples: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, variant: str, value: float | None) -> None:
        if value is not None:
            self.samples.setdefault(variant, []).append(float(value))

    def median(self, variant: str) -> float | None:
        values = self.samples.get(variant)
        return statistics.median(values) if values else None


class Results:
    def __init__(self) -> None:
        self.metrics: dict[str, Metric] = {}
        self.info: dict[str, Any] = {}

    def metric(self, key: str, label: str, unit: str, **kwargs: Any) -> Metric:
        if key not in self.metrics:
            self.metrics[key] = Metric(key, label, unit, **kwargs)
        return self.metrics[key]

    def ratio(self, m: Metric) -> float | None:
        cur = m.median(CURRENT)
        floor = self.metrics[m.floor_key].median(FLOOR) if m.floor_key in self.metrics else None
        return cur / floor if cur is not None and floor else None

    def met(self, m: Metric) -> bool | None:
        cur = m.median(CURRENT)
        if cur is None or (m.target is None and m.floor_ratio_target is None):
            return None
        ok = True
        if m.target is not None:
            ok = cur == m.target if m.op == "==" else cur <= m.target
        ratio = self.ratio(m)
        if m.floor_ratio_target is not None and ratio is not None:
            ok = ok and ratio <= m.floor_ratio_target
        return ok

    def as_json(self) -> dict[str, Any]:
        rows = []
        for m in self.metrics.values():
            row: dict[str, Any] = {"key": m.key, "label": m.label, "unit": m.unit, "target": m.target, "op": m.op,
                                   "target_source": m.target_source, "floor_ratio_target": m.floor_ratio_target,
                                   "ratio_to_floor": self.ratio(m), "met": self.met(m), "notes": m.notes}
            for variant, values in m.samples.items():
                row[variant] = {"median": statistics.median(values), "min": min(values), "max": max(values),
                                "n": len(values), "samples": values}
            rows.append(row)
        return {"info": self.info, "metrics": rows}

    def table(self) -> str:
        def fmt(v: float | None, unit: str = "") -> str:
            if v is None:
                return "-"
            if unit in ("runs", "req", "count"):
                return f"{v:g}"
            return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.1f}"

        head = ("metric", "unit", "median", "min", "max", "baseline", "floor", "x floor", "target", "met?")
        lines = [head]
        for m in self.metrics.values():
            cur = m.samples.get(CURRENT, [])
            floor_values = m.samples.get(FLOOR) or []
            target = "" if m.target is None else f"{m.op} {m.target:g}"
            if m.floor_ratio_target is not None:
                target += f" (<= {m.floor_ratio_target:g}x floor)"
            if m.target_source != "DESIGN" and target:
                target += f" [{m.target_source}]"
            ratio = self.ratio(m)
            met = self.met(m)
            lines.append((
                m.label, m.unit, fmt(m.median(CURRENT), m.unit), fmt(min(cur) if cur else None, m.unit),
                fmt(max(cur) if cur else None, m.unit), fmt(m.median(BASELINE), m.unit),
                fmt(statistics.median(floor_values) if floor_values else None, m.unit),
                "-" if ratio is None else f"{ratio:.1f}", target or "-",
                "-" if met is None else ("yes" if met else "NO"),
            ))
        widths = [max(len(str(row[i])) for row in lines) for i in range(len(head))]
        out = []
        for n, row in enumerate(lines):
            out.append("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in
                                 enumerate(zip(row, widths, strict=True))))
            if n == 0:
                out.append("-" * len(out[0]))
        return "\n".join(out)


# ---------------------------------------------------------------------------------------------- widgets
def main_area(page: Page) -> Locator:
    return page.get_by_test_id("stMain")


def open_and_pick(page: Page, widget: Locator, choose: Callable[[list[str]], int | None]) -> str | None:
    """Open a selectbox/multiselect and click the option `choose` returns (an index into the unselected ones).

    Already-selected options are never offered: re-selecting them causes no rerun.
    """
    box = widget.locator("input").first
    current = box.input_value().strip()  # a selectbox shows its value here (a multiselect shows "")
    page.mouse.click(5, VIEWPORT["height"] - 5)  # blur first: clicking an already focused combobox may not open it
    box.click()
    options = page.get_by_role("option")
    options.first.wait_for(state="visible", timeout=10_000)
    texts, selected = [], []
    for i in range(options.count()):
        option = options.nth(i)
        texts.append(option.inner_text().strip())
        selected.append(option.get_attribute("aria-selected") == "true" or texts[-1] == current)
    free = [i for i, sel in enumerate(selected) if not sel]
    index = choose([texts[i] for i in free])
    if index is None:
        page.keyboard.press("Escape")
        return None
    options.nth(free[index]).click()
    return texts[free[index]]


def after(times: Sequence[float], t0: float) -> float | None:
    return next((t for t in times if t > t0), None)


def run_end_after(page: Page, t0: float) -> float | None:
    """In-page time at which the first script run finishing after t0 ended (harness INIT_JS state log)."""
    states = page.evaluate("() => window.__psm.states")
    return next((t for t, old, _new in states if t > t0 and old == "running"), None)


def map_change_after(tab: Tab, t0: float, sig_before: str | None, timeout_ms: float = 5_000) -> float | None:
    """In-page time the first map was redrawn after t0: a new full signature, or the same after a remount."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        gone = False
        for t, sig in tab.bench["mapSig"]:
            if t <= t0:
                continue
            if sig is None or int(sig.split(":")[0]) < MIN_MAP_PATHS:
                gone = True  # iframe remounting: the next full drawing counts even if it looks the same
            elif sig != sig_before or gone:
                return t
        tab.page.wait_for_timeout(50)
    return None


def current_sig(tab: Tab) -> str | None:
    sigs = tab.bench["mapSig"]
    return sigs[-1][1] if sigs else None


@dataclass
class Interaction:
    """What one interaction sample cost."""

    to_done: float | None
    to_map: float | None
    runs: int
    ws_bytes: int
    cpu_ms: float
    python_s: tuple[float, float | None] | None  # (wall, CPU) of the last run
    exception: bool = False  # an stException on the page: the run died before app.py logged it (runs = 0)
    remounted: bool = False  # the first map's iframe got a new document (a remount, not an in-place update)


class NoRerunError(RuntimeError):
    """The interaction did not start a script run (the sample is skipped, the run goes on)."""


def measure(tab: Tab, act: Callable[[], float | None], *, expect_map: bool = False) -> Interaction | None:
    """Run `act` (returns the in-page time of the triggering event, or None if nothing to do) and measure it."""
    page, server = tab.page, tab.server
    runs_before, ws_before, cpu_before = server.runs(), tab.ws_bytes[0], server.cpu_s()
    n_before, sig_before = runs_ended(page), current_sig(tab)
    mounts_before = tab.bench["mounts"]
    tab.expect_text = None
    t0 = act()
    if t0 is None:
        return None
    try:
        if tab.expect_text is not None:
            # The trivial app's run takes ~3 ms: the frontend may never flip the script-state attribute,
            # so its end is the moment the new text is on screen (notes §3.3 floor: click → new text visible).
            shown = page.wait_for_function(
                """(text) => Array.from(document.querySelectorAll("[data-testid='stMarkdown']"))
                                  .some(e => e.innerText.trim() === text) ? performance.now() : false""",
                arg=tab.expect_text, timeout=15_000, polling=10)
            end_shown: float | None = float(shown.json_value())
        else:
            end_shown = wait_for_run(tab, n_before, runs_before)
    except PlaywrightTimeoutError:
        shot = screenshot(page, f"bench-no-rerun-{server.name}")
        raise NoRerunError(f"no script run after the interaction on {server.name} (screenshot {shot})") from None
    to_map = None
    if expect_map:
        changed = map_change_after(tab, t0, sig_before)
        to_map = None if changed is None else changed - t0
    page.wait_for_timeout(SETTLE_MS)
    wait_for_app_ready(page)
    end = end_shown if end_shown is not None else run_end_after(page, t0)
    return Interaction(None if end is None else end - t0, to_map, server.runs() - runs_before,
                       tab.ws_bytes[0] - ws_before, (server.cpu_s() - cpu_before) * 1000, server.last_run_seconds(),
                       exception=page.get_by_test_id("stException").count() > 0,
                       remounted=tab.bench["mounts"] > mounts_before)


def wait_for_run(tab: Tab, n_before: int, server_runs_before: int, timeout_s: float = 15.0) -> float | None:
    """Wait for the interaction's run; None when the page's script-state attribute showed it (its end is in the
    state log), else the in-page time the page last changed.

    A run of a few tens of ms can reach the browser in one batch, and React then never shows "running": the
    attribute does not flip and the harness's run count stays put. The app's run log (PSM_BENCH_LOG) still shows
    the run, and the page's last DOM change after it is when its result was on screen."""
    page, server = tab.page, tab.server
    deadline = time.monotonic() + timeout_s
    while runs_ended(page) <= n_before:
        if server.runs() > server_runs_before:
            page.wait_for_timeout(300)  # time for the attribute to flip after all, and for late deltas
            if runs_ended(page) > n_before:
                break
            wait_for_app_ready(page)
            return float(page.evaluate("() => window.__bench.lastChange"))
        if time.monotonic() > deadline:
            raise PlaywrightTimeoutError(f"no run within {timeout_s:.0f} s")
        page.wait_for_timeout(20)
    wait_for_rerun(page, n_before, timeout=timeout_s * 1000)
    return None


def last_click(page: Page) -> float:
    return float(page.evaluate("() => window.__bench.clicks.slice(-1)[0]"))


def last_enter(page: Page) -> float:
    return float(page.evaluate("() => window.__bench.enters.slice(-1)[0]"))


def pick_zone(tab: Tab, sample: int) -> float | None:
    """Sidebar zone multiselect: add one more zone (its options list only unselected zones)."""
    page = tab.page
    widget = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(
        has_text=re.compile("Zone omogenee|Homogeneous zones"))
    zones = re.compile(r"^\d+ · ")

    def choose(texts: list[str]) -> int | None:
        idx = [i for i, text in enumerate(texts) if zones.match(text)]
        return idx[sample % len(idx)] if idx else None

    if open_and_pick(page, widget, choose) is None:
        return None
    return last_click(page)


def pick_strategy(tab: Tab, sample: int) -> float | None:
    """Map page: pick another option in the main-area "Strategia" selectbox.

    Even samples pick a strategy (rotating), odd ones "all strategies" of the axis, so that consecutive
    maps usually differ (two strategies without localised projects draw the same all-grey map).
    """
    page = tab.page
    widget = main_area(page).get_by_test_id("stSelectbox").filter(has_text=re.compile("Strategia|Strategy"))
    strategy = re.compile(r"^\d+\.\d+ · ")

    def choose(texts: list[str]) -> int | None:
        specific = [i for i, text in enumerate(texts) if strategy.match(text)]
        other = [i for i in range(len(texts)) if i not in specific]
        pool = other if sample % 2 and other else specific or other
        return pool[(sample // 2 * 3 + 1) % len(pool)] if pool else None

    if open_and_pick(page, widget, choose) is None:
        return None
    return last_click(page)


def search(tab: Tab, sample: int) -> float | None:
    """Needs page: type a new query in the "Cerca" text input and press Enter."""
    page = tab.page
    widget = main_area(page).get_by_test_id("stTextInput").filter(has_text=re.compile("Cerca|Search"))
    box = widget.locator("input").first
    box.fill(SEARCH_TERMS[sample % len(SEARCH_TERMS)])
    box.press("Enter")
    return last_enter(page)


def pick_floor(tab: Tab, sample: int) -> float | None:
    """Trivial app: pick another option of its only selectbox."""
    page = tab.page
    widget = page.get_by_test_id("stSelectbox").first
    choice = open_and_pick(page, widget, lambda texts: (sample % len(texts)) if texts else None)
    if choice is None:
        return None
    tab.expect_text = f"Scelta: {choice}"
    return last_click(page)


def pan_zoom(tab: Tab) -> tuple[int, int, float]:
    """Drag the map and wheel-zoom it; return (script runs, ws bytes, server CPU ms) it caused."""
    page, server = tab.page, tab.server
    frame = page.locator(MAP_IFRAME).first
    frame.wait_for(state="attached", timeout=15_000)
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    assert box is not None, "map iframe not visible"  # noqa: S101 - a benchmark precondition, never run with -O
    runs_before, ws_before, cpu_before = server.runs(), tab.ws_bytes[0], server.cpu_s()
    x, y = box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 140, y + 70, steps=10)
    page.mouse.up()
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -500)
    page.wait_for_timeout(1_500)
    wait_for_app_ready(page)
    return server.runs() - runs_before, tab.ws_bytes[0] - ws_before, (server.cpu_s() - cpu_before) * 1000


# ---------------------------------------------------------------------------------------------- phases
@dataclass
class Plan:
    pages: list[tuple[str, str]]  # (name, url path)
    samples: int
    cold_samples: int
    cold_pages: list[str]  # page names (url_path) measured cold
    sessions: list[int]


def app_pages() -> list[tuple[str, str]]:
    """(url_path name, URL path) of every page, from components/navigation.py (the first is served at /)."""
    from components.navigation import PAGES

    pages = [(p.url_path, "/" if i == 0 else f"/{p.url_path}") for i, p in enumerate(PAGES)]
    # The map pages open with the server-drawn map; the planners' Leaflet map is one switch away: measured too.
    return [*pages, ("mappa_interattiva", f"/mappa?{INTERACTIVE}")]


@contextlib.contextmanager
def phase(name: str, errors: list[str] | None = None) -> Iterator[None]:
    """Print how long each phase took (the run must stay under 10 minutes).

    With `errors`, a failing phase is recorded there and the run goes on: one broken page must not cost
    the other measurements (servers are stopped at the end either way).
    """
    started = time.monotonic()
    print(f"[bench] {name} ...", flush=True)
    try:
        yield
    except Exception as exc:
        if errors is None:
            raise
        errors.append(f"{name}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        print(f"[bench] {name} FAILED: {traceback.format_exc()}", file=sys.stderr, flush=True)
    print(f"[bench] {name}: {time.monotonic() - started:.0f} s", flush=True)


def cold_phase(plan: Plan, servers: Servers, browsing: Browsing, res: Results) -> None:
    """First session after a server start, per page: every round starts fresh servers for all pages at once."""
    by_path = dict(plan.pages)
    rss_start = res.metric("rss_start", "server RSS after start (idle)", "MB", target_source="info")
    rss_first = res.metric("rss_first", "server RSS after first session", "MB", target=400,
                           target_source="notes M10")
    for r in range(plan.cold_samples):
        specs = [(f"cold-{v}-{name}", v, REPO_ROOT / "app.py", VARIANT_ENV[v])
                 for name in plan.cold_pages for v in (CURRENT, BASELINE)]
        fresh = servers.start_many(specs)
        for server in fresh:
            rss_start.add(server.variant, server.rss_mb())
        for server in fresh:
            variant, name = server.variant, server.name.split("-", 2)[2]
            tab, record = load(browsing, server, by_path[name])
            res.metric(f"cold_tti_{name}", f"cold TTI {by_path[name]}", "ms", target=3500,
                       target_source="notes M2").add(variant, record["tti"])
            if r == 0:
                with contextlib.suppress(Exception):
                    dialog = tab.page.get_by_role("dialog")
                    if dialog.count():
                        res.info.setdefault("cold_dialogs", []).append(
                            f"{variant} {by_path[name]}: {dialog.first.inner_text()[:80]!r}")
            rss_first.add(variant, server.rss_mb())
            tab.close()
            servers.stop(server)


def warm_up(servers: dict[str, Server], browsing: Browsing, plan: Plan) -> None:
    """One context per server visits every page (browser cache reused), so caches fill and modules import."""
    for variant, server in servers.items():
        paths = ["/"] if variant == FLOOR else [path for _, path in plan.pages]
        tab = browsing.open(server)
        try:
            for path in paths:
                tab.page.goto(path, wait_until="commit")
                wait_interactive(tab)
                close_dialogs(tab.page)
        finally:
            tab.close()


def warm_phase(plan: Plan, servers: dict[str, Server], browsing: Browsing, res: Results) -> None:
    """Fresh context per sample on the warmed servers, pages interleaved current/baseline, plus the floor app."""
    floor = res.metric("tti_floor", "warm TTI trivial app", "ms")
    for _ in range(plan.samples):
        for name, path in plan.pages:
            tti = res.metric(f"warm_tti_{name}", f"warm TTI {path}", "ms", target=2500, floor_key="tti_floor")
            ws = res.metric(f"ws_load_{name}", f"ws bytes per load {path}", "KB", target=150,
                            target_source="notes M8")
            for variant in (CURRENT, BASELINE):
                tab, record = load(browsing, servers[variant], path)
                tti.add(variant, record["tti"])
                ws.add(variant, record["ws_bytes"] / 1024)
                if not record["maps_plots"].startswith("0/"):  # the map's script is the largest message
                    res.metric(f"wsmax_{name}", f"  largest ws frame on load {path} (map, websocket view)", "KB",
                               target_source="info").add(variant, record["ws_max_frame"] / 1024)
                res.info.setdefault("elements_maps_plots", {})[path] = record["maps_plots"]
                tab.close()
        tab, record = load(browsing, servers[FLOOR], "/")
        floor.add(FLOOR, record["tti"])
        tab.close()
    for m in res.metrics.values():
        if m.key.startswith("warm_tti_") and FLOOR not in m.samples:
            m.samples[FLOOR] = list(floor.samples.get(FLOOR, []))


def interaction_phase(plan: Plan, servers: dict[str, Server], browsing: Browsing, res: Results) -> None:
    """Rerun latency, runs, bytes and CPU per interaction; the floor app's click → done in the same loop."""
    floor = res.metric("click_floor", "click → done, trivial app", "ms")
    specs: list[tuple[str, str, str, Callable[[Tab, int], float | None], bool, float, float]] = [
        ("zone", "/copertura", "zone filter /copertura: click → done", pick_zone, False, 250, 3),
        ("strategy", f"/mappa?{INTERACTIVE}", "strategy /mappa (interactive map): click → polygons", pick_strategy,
         True, 500, 5),
        ("search", "/esigenze", "search /esigenze: Enter → done", search, False, 250, 3),
    ]
    for key, path, label, act, is_map, target, ratio in specs:
        latency = res.metric(f"lat_{key}", label, "ms", target=target, floor_ratio_target=ratio,
                             floor_key="click_floor")
        done = res.metric(f"done_{key}", f"  {key}: click → script done", "ms", target_source="info",
                          floor_key="click_floor") if is_map else None
        runs = res.metric(f"runs_{key}", f"  {key}: script runs", "runs", target=1, op="==")
        ws = res.metric(f"ws_{key}", f"  {key}: ws payload (page)", "KB", target=20, target_source="notes M8")
        cpu = res.metric(f"cpu_{key}", f"  {key}: server CPU", "ms", target_source="info")
        py = res.metric(f"py_{key}", f"  {key}: Python time of the run", "ms", target=100,
                        target_source="issue 10")
        py_cpu = res.metric(f"pycpu_{key}", f"  {key}: Python CPU of the run (its thread)", "ms",
                            target_source="info")
        remounts = res.metric(f"remount_{key}", f"  {key}: map iframe remounted", "count", target=0, op="==",
                              target_source="issue 10") if is_map else None
        tabs: dict[str, Tab] = {}
        try:
            for variant in (CURRENT, BASELINE):
                tabs[variant], _ = load(browsing, servers[variant], path)
            if key == "zone":
                tabs[FLOOR], _ = load(browsing, servers[FLOOR], "/")
            attempt = dict.fromkeys(tabs, 0)
            for i in range(plan.samples):
                for variant, tab in tabs.items():
                    do = pick_floor if variant == FLOOR else act
                    sample = None
                    for _ in range(3):  # a map interaction that leaves the map as it was is retried
                        k = attempt[variant]
                        attempt[variant] += 1
                        try:
                            sample = measure(tab, lambda do=do, tab=tab, k=k: do(tab, k),
                                             expect_map=is_map and variant != FLOOR)
                        except NoRerunError as exc:
                            latency.notes.append(f"{variant} sample {i}: {exc}")
                            sample = None
                            break
                        if not (is_map and variant != FLOOR and sample is not None and sample.to_map is None):
                            break
                        latency.notes.append(f"{variant} attempt {k}: map unchanged, not counted, retried")
                    if sample is None:
                        continue
                    if sample.exception:
                        latency.notes.append(f"{variant} sample {i}: the page shows an exception (stException)")
                    if variant == FLOOR:
                        floor.add(FLOOR, sample.to_done)
                        continue
                    if is_map and sample.to_map is None:
                        continue
                    latency.add(variant, sample.to_map if is_map else sample.to_done)
                    if done is not None:
                        done.add(variant, sample.to_done)
                    runs.add(variant, sample.runs)
                    ws.add(variant, sample.ws_bytes / 1024)
                    if remounts is not None:
                        remounts.add(variant, int(sample.remounted))
                    cpu.add(variant, sample.cpu_ms)
                    if sample.python_s is not None:
                        wall_s, cpu_s = sample.python_s
                        py.add(variant, wall_s * 1000)
                        if cpu_s is not None:
                            py_cpu.add(variant, cpu_s * 1000)
        finally:
            for tab in tabs.values():
                tab.close()
    for m in res.metrics.values():
        if m.floor_key == "click_floor" and FLOOR not in m.samples and m.unit == "ms":
            m.samples[FLOOR] = list(floor.samples.get(FLOOR, []))
    floor.samples.setdefault(FLOOR, [])


def wire_phase(plan: Plan, servers: dict[str, Server], res: Results) -> None:
    """Websocket bytes per interaction on the wire and as payload, with the load test's client.

    Chromium reports websocket frames decompressed, so the bytes a compressed websocket (permessage-deflate,
    .streamlit/config.toml) really carries are counted on the socket by scripts/stclient.py, which speaks the
    browser's protocol (its message cache included). Same interactions as in the browser, same option choices."""
    import asyncio

    from streamlit.proto.Common_pb2 import StringArray
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    if str(REPO_ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(REPO_ROOT / "scripts"))
    from stclient import StreamlitClient

    specific = re.compile(r"^\d+\.\d+ · ")

    async def zone(client: Any, i: int) -> Any:
        labels = list(client.find("zone").value.options)
        return await client.set_value("zone", WidgetState(string_array_value=StringArray(
            data=labels[: i % len(labels) + 1])))

    async def strategy(client: Any, i: int) -> Any:
        box = client.find("strategy").value
        texts = [o for o in box.options if o != box.raw_value]
        chosen = [t for t in texts if specific.match(t)]
        pool = ([t for t in texts if t not in chosen] if i % 2 else []) or chosen or texts
        return await client.choose("strategy", pool[(i // 2 * 3 + 1) % len(pool)])

    async def search(client: Any, i: int) -> Any:
        return await client.type_text("q", SEARCH_TERMS[i % len(SEARCH_TERMS)])

    async def measure_server(variant: str, server: Server) -> None:
        for key, page, act in (("zone", "copertura", zone), ("strategy", "mappa", strategy),
                               ("search", "esigenze", search)):
            wire = res.metric(f"wire_{key}", f"  {key}: ws on the wire (compressed)", "KB", target=20,
                              target_source="issue 10")
            payload = res.metric(f"wirepayload_{key}", f"  {key}: ws payload (client)", "KB", target_source="info")
            client = StreamlitClient(server.url, page, timeout=120, name=f"bench-{variant}-{key}")
            await client.connect()
            try:
                for i in range(plan.samples):
                    wire_before, payload_before = client.wire_bytes_received, client.bytes_received
                    result = await act(client, i)
                    await asyncio.sleep(SETTLE_MS / 1000)  # a late second run would count too
                    if result is None or not result.ok:
                        wire.notes.append(f"{variant} sample {i}: {getattr(result, 'error', 'no run')}")
                        continue
                    wire.add(variant, (client.wire_bytes_received - wire_before) / 1024)
                    payload.add(variant, (client.bytes_received - payload_before) / 1024)
            finally:
                await client.close()

    for variant in (CURRENT, BASELINE):  # in a thread: Playwright's loop runs in this one
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, measure_server(variant, servers[variant])).result()


def pan_zoom_phase(plan: Plan, servers: dict[str, Server], browsing: Browsing, res: Results) -> None:
    runs = res.metric("runs_panzoom", "map drag + wheel zoom: script runs", "runs", target=0, op="==")
    ws = res.metric("ws_panzoom", "  drag + zoom: ws bytes", "KB", target=0, op="==", target_source="notes M7")
    cpu = res.metric("cpu_panzoom", "  drag + zoom: server CPU", "ms", target_source="info")
    tabs = {variant: load(browsing, servers[variant], f"/mappa?{INTERACTIVE}")[0] for variant in (CURRENT, BASELINE)}
    try:
        for _ in range(plan.samples):
            for variant, tab in tabs.items():
                n, b, c = pan_zoom(tab)
                runs.add(variant, n)
                ws.add(variant, b / 1024)
                cpu.add(variant, c)
    finally:
        for tab in tabs.values():
            tab.close()


def sessions_phase(plan: Plan, servers: dict[str, Server], browsing: Browsing, res: Results) -> None:
    """RSS with N map-page sessions open at once (cumulative), and the growth per extra session."""
    growth = res.metric("rss_per_session", "RSS growth per extra session", "MB", target=5)
    time.sleep(SESSION_TTL_S + 1)  # earlier sessions are gone (disconnectedSessionTTL)
    for variant in (CURRENT, BASELINE):
        server = servers[variant]
        tabs: list[Tab] = []
        rss: dict[int, float] = {}
        try:
            for n in plan.sessions:
                new = [browsing.open(server) for _ in range(n - len(tabs))]
                started = time.monotonic()
                for tab in new:
                    tab.page.goto("/mappa", wait_until="commit")
                for tab in new:  # the server's work is done when the run is: no need to wait for Leaflet
                    wait_for_app_ready(tab.page, timeout=120_000)
                wall = (time.monotonic() - started) * 1000
                tabs += new
                time.sleep(1.0)
                rss[n] = server.rss_mb()
                res.metric(f"rss_{n}", f"server RSS, {n} sessions open", "MB",
                           **({"target": 400} if n == max(plan.sessions) else {"target_source": "info"})
                           ).add(variant, rss[n])
                res.metric(f"all_ready_{n}", f"  {n} new sessions: all ready (wall)", "ms",
                           target_source="info").add(variant, wall)
        finally:
            for tab in tabs:
                tab.close()
        lo, hi = min(rss), max(rss)
        if hi > lo:
            growth.add(variant, (rss[hi] - rss[lo]) / (hi - lo))
    growth.notes.append(f"(RSS[{max(plan.sessions)}] - RSS[{min(plan.sessions)}]) / extra sessions; one value "
                        "per variant (so median = min = max)")


def payload_phase(res: Results) -> None:
    """The st_folium script length per map page, via AppTest (json_args['script']), no browser needed."""
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--probe-payload"], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PSM_PERF_BASELINE": "0", "PSM_BENCH_LOG": ""})
    if out.returncode != 0:
        res.info["payload_error"] = out.stderr[-2000:]
        print(f"[bench] payload probe failed:\n{out.stderr[-2000:]}", file=sys.stderr)
        return
    sizes: dict[str, list[int]] = json.loads(out.stdout.strip().splitlines()[-1])
    res.info["map_script_chars_by_page"] = sizes
    for page, lengths in sizes.items():
        for i, n in enumerate(lengths):
            res.metric(f"payload_{page}_{i}", f"map payload (st_folium script) {page}", "KB", target=100,
                       ).add(CURRENT, n / 1024)


def probe_payload() -> None:
    """Child process: run every page with AppTest and print {page: [script length of each map]} as JSON."""
    from streamlit.testing.v1 import AppTest

    from components.navigation import PAGES

    sizes: dict[str, list[int]] = {}
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120).run()
    for info in PAGES:
        at.query_params["interactive"] = "1"  # the map pages' Leaflet map (the default map sends no script)
        at.switch_page(info.file).run()
        lengths = []
        for element in at.get("component_instance"):
            args = json.loads(element.proto.json_args)
            if "script" in args:
                lengths.append(len(args["script"]))
        if lengths:
            sizes[info.url_path] = lengths
    print(json.dumps(sizes))


# ---------------------------------------------------------------------------------------------- main
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
