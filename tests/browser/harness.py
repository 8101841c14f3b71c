"""Helpers for browser tests of the Streamlit app (used by tests/browser/conftest.py and the tests).

Kept out of conftest.py so that test modules can import them: ``from tests.browser.harness import ...``.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, FrameLocator, Locator, Page, Route, expect, sync_playwright

REPO_ROOT: Path = Path(__file__).resolve().parents[2]
# Screenshots and server logs. Under pytest-xdist (`make test`) each worker writes to its own subdirectory
# (tests/artifacts/gw0/, gw1/): both workers start a test server, and their logs must not overwrite each other.
ARTIFACTS_DIR: Path = REPO_ROOT / "tests" / "artifacts" / os.environ.get("PYTEST_XDIST_WORKER", "")
CHROMIUM: str = "/usr/bin/chromium"
CHROMIUM_ARGS: list[str] = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT: dict[str, int] = {"width": 1400, "height": 900}
LOCAL_HOSTS: frozenset[str] = frozenset({"127.0.0.1", "localhost", "::1"})
MAP_IFRAME: str = 'iframe[title="streamlit_folium.st_folium"]'

# Runs in the top document before the app's JS. Counts script runs from the websocket itself: every ForwardMsg
# whose `script_finished` field (6) says the run completed (0 successfully, 1 compile error, 3 fragment run; not 2,
# a run stopped for a rerun) is counted when it arrives, with the animation frame it arrived in.
#
# Why not the stApp element's `data-test-script-state` (what this counted before): Streamlit dispatches the
# websocket messages that are ready in one go, and React 18 batches every state change of one task into one
# render. When the browser is busy (a loaded CI machine), a whole fast run -- session status "running", deltas,
# "finished" -- is dispatched in one task: the attribute goes notRunning -> notRunning, no mutation shows
# "running", and a wait for "a run ended" never ends (the 60 s timeout of test_zone_selection_restyles_without_
# remount). The attribute's mutations are still recorded in `states`, for debugging.
INIT_JS = """
(() => {
  if (window.top !== window) return;
  const S = window.__psm = {runsEnded: 0, finishedFrame: -1, frames: 0, states: []};
  const tick = () => { S.frames += 1; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new MutationObserver((records) => {
    for (const m of records) {
      const t = m.target;
      if (!t.getAttribute || t.getAttribute('data-testid') !== 'stApp') continue;
      if (m.attributeName !== 'data-test-script-state') continue;
      S.states.push([performance.now(), m.oldValue, t.getAttribute(m.attributeName)]);
    }
  }).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                        attributeFilter: ['data-test-script-state']});
  // The top-level fields of a protobuf message: returns the varint value of field 6, or -1.
  const finishedStatus = (bytes) => {
    let i = 0;
    const varint = () => {
      let value = 0, shift = 0, b;
      do { b = bytes[i++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80 && i < bytes.length);
      return value;
    };
    while (i < bytes.length) {
      const key = varint(), field = Math.floor(key / 8), wire = key % 8;
      if (wire === 0) { const v = varint(); if (field === 6) return v; }
      else if (wire === 2) { const length = varint(); i += length; }  // not `i += varint()`: i is read first
      else if (wire === 1) { i += 8; }
      else if (wire === 5) { i += 4; }
      else return -1;
    }
    return -1;
  };
  const Native = window.WebSocket;
  const Counting = function (...args) {
    const socket = new Native(...args);
    socket.addEventListener('message', (event) => {
      if (!(event.data instanceof ArrayBuffer)) return;
      const status = finishedStatus(new Uint8Array(event.data));
      if (status === 0 || status === 1 || status === 3) {
        S.runsEnded += 1;
        S.finishedFrame = S.frames;
      }
    });
    return socket;
  };
  Counting.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Counting[k] = Native[k];
  window.WebSocket = Counting;
})();
"""

_APP_IDLE_JS = """
() => {
  const app = document.querySelector("[data-testid='stApp']");
  return !!document.querySelector("[data-testid='stAppViewContainer']")
    && !!app
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector("[data-testid='stSkeleton']");
}
"""


@dataclass
class PageLog:
    """Everything a page did on the network and console during one test."""

    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)  # attempted, blocked, fail the test
    allowed_external: list[str] = field(default_factory=list)  # attempted, blocked, tolerated
    failed_local: list[str] = field(default_factory=list)  # local requests with status >= 400 or failed
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def is_local_url(url: str) -> bool:
    """True for URLs that never leave this machine (loopback hosts, data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss"):
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def app_script() -> Path:
    """The script to serve: $PSM_APP (absolute or relative to the repo root) or app.py."""
    script = Path(os.environ.get("PSM_APP", "app.py"))
    return script if script.is_absolute() else REPO_ROOT / script


def start_streamlit(
    script: Path,
    port: int,
    log_path: Path,
    *,
    extra_args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """Start `streamlit run` the way Streamlit's own e2e suite does, output to log_path.

    ``extra_args`` are appended to the command line (e.g. ``--server.disconnectedSessionTTL 5``) and
    ``env`` is merged over os.environ (e.g. ``PSM_BENCH_LOG``), so scripts/bench/ starts servers the
    same way the browser tests do.
    """
    # The real app starts through scripts/serve.py (streamlit run plus a start-up fix, see its docstring);
    # other scripts (the benchmark's floor app, a PSM_APP override) through plain `streamlit run`.
    launcher = ([str(REPO_ROOT / "scripts" / "serve.py")] if script.resolve() == (REPO_ROOT / "app.py").resolve()
                else ["-m", "streamlit", "run", str(script)])
    cmd = [
        sys.executable, *launcher,
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
        "--server.enableStaticServing", "true",
        *extra_args,
    ]  # fmt: skip
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        full_env = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"}
        return subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env=full_env)


def wait_for_health(proc: subprocess.Popen[bytes], base_url: str, timeout: float = 60.0) -> None:
    """Poll /_stcore/health until it answers "ok"; raise if the server dies or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode} before becoming healthy")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as resp:
                if resp.read().decode().strip() == "ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{base_url}/_stcore/health not ok after {timeout:.0f} s")


def stop_process(proc: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """Stop only the process we started, by its PID: terminate, then kill."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace)


def wait_for_app_ready(page: Page, timeout: float = 30_000) -> None:
    """Wait as Streamlit's e2e suite does: view container, CONNECTED, script notRunning, no skeleton.

    Use after ``page.goto``: a new document starts at script state "initial", so "notRunning"
    means the first run has finished. After a click in an already loaded page the attribute still
    says "notRunning" until the server answers: use :func:`wait_for_rerun` there instead.
    """
    page.wait_for_selector("[data-testid='stAppViewContainer']", state="attached", timeout=timeout)
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", state="attached", timeout=timeout
    )
    page.wait_for_function(_APP_IDLE_JS, timeout=timeout, polling=20)
    # Debounced widgets and late deltas (Streamlit's e2e waits ~210 ms first): require it to stay idle.
    page.wait_for_timeout(150)
    page.wait_for_function(_APP_IDLE_JS, timeout=timeout, polling=20)


def runs_ended(page: Page) -> int:
    """How many script runs the page has seen finish (needs the page fixture's init script)."""
    return int(page.evaluate("() => (window.__psm ? window.__psm.runsEnded : -1)"))


def wait_for_rerun(page: Page, runs_before: int, timeout: float = 30_000) -> None:
    """Wait until a run that started after ``runs_before = runs_ended(page)`` has finished and the page shows it.

    Usage: ``n = runs_ended(page); <click/select>; wait_for_rerun(page, n)``. Selecting the option
    that is already selected triggers no run, so this would time out: pick a non-default value.
    "Shows it": the run's `script_finished` message arrived (see INIT_JS), two animation frames have passed
    since (React commits the batched state before painting), and the app is idle.
    """
    page.wait_for_function(
        f"""() => window.__psm && window.__psm.runsEnded > {int(runs_before)}
                  && window.__psm.frames >= window.__psm.finishedFrame + 2 && ({_APP_IDLE_JS})()""",
        timeout=timeout,
        polling=20,
    )


def choose_option(page: Page, widget: Locator, typed: str, option: Locator | None = None) -> None:
    """Pick an option of a Streamlit select list as a person does on a long list: type the start of its label, see
    it come first, click it. ``widget`` holds the list's combobox; ``option`` defaults to the first one shown.

    A Streamlit list is virtualised: it redraws its options whenever it scrolls. Clicking an option further down
    makes Playwright scroll the list and press at once; on a loaded machine the list's scroll event arrives between
    the press and the release, the list redraws, the release lands on the list itself and react-aria drops the
    press: no choice, nothing sent, no run. Recorded with the browser's own events (5 of 25 picks of zone 8 in the
    sidebar under a CPU hog, every one with a scroll between press and release). A list filtered to what was typed
    is short: it has nothing to scroll, so nothing moves under the pointer.
    """
    box = widget.get_by_role("combobox").first
    box.scroll_into_view_if_needed()
    shown = page.get_by_role("option")
    for _attempt in range(3):  # typing into a list that is still opening can be lost: type it again
        box.click()
        box.press_sequentially(typed, delay=30)
        try:
            expect(shown.first).to_contain_text(typed.strip(), timeout=5_000)
            break
        except AssertionError:
            box.press("Escape")
            box.fill("")
    (option or shown.first).click()


def map_frame(page: Page, index: int = 0) -> FrameLocator:
    """Frame locator of the index-th st_folium map iframe."""
    return page.frame_locator(MAP_IFRAME).nth(index)


def count_map_polygons(page: Page, index: int = 0) -> int:
    """Number of drawn Leaflet vector shapes (SVG paths) in the index-th st_folium map."""
    return map_frame(page, index).locator("path.leaflet-interactive").count()


def wait_for_drawn_map(page: Page, timeout: float = 60_000) -> None:
    """Wait until some map on the page has drawn its zones: a server-drawn map image decoded, or an interactive
    map with at least the 11 zones (markers may add more)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.psm-svg-map')].some(i => i.complete && i.naturalWidth > 0) || "
        "[...document.querySelectorAll('iframe')].some(f => f.contentDocument && "
        "f.contentDocument.querySelectorAll('path.leaflet-interactive').length >= 11)",
        timeout=timeout)


def wait_for_map_polygons(page: Page, count: int, index: int = 0, timeout: float = 30_000) -> None:
    """Wait until the index-th map shows exactly ``count`` polygons (Leaflet draws after the run)."""
    page.wait_for_function(
        """([sel, idx, n]) => {
             const f = document.querySelectorAll(sel)[idx];
             const d = f && f.contentDocument;
             return !!d && d.querySelectorAll('path.leaflet-interactive').length === n;
           }""",
        arg=[MAP_IFRAME, index, count],
        timeout=timeout,
        polling=20,
    )


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG to tests/artifacts/<name>.png (git-ignored) and return its path."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "page"
    path = ARTIFACTS_DIR / f"{safe}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@contextmanager
def served_app(log_name: str) -> Iterator[tuple[str, Browser]]:
    """The real app on a free port and one headless chromium, for the scripts that take docs/ screenshots:
    yields (base URL, browser) and stops both. The server log goes to tests/artifacts/<log_name>."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_streamlit(REPO_ROOT / "app.py", port, ARTIFACTS_DIR / log_name)
    try:
        wait_for_health(proc, base)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                yield base, browser
            finally:
                browser.close()
    finally:
        stop_process(proc)


def local_context(browser: Browser, base: str, **options: object) -> BrowserContext:
    """A browser context on `base` that can reach nothing else: any other request is aborted and named."""
    context = browser.new_context(base_url=base, **options)
    context.route(lambda url: not is_local_url(url), _abort_external)
    return context


def _abort_external(route: Route) -> None:
    print(f"blocked external request: {route.request.url}", file=sys.stderr)
    route.abort()
