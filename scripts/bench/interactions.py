"""What a planner does on a page (pick a zone, a strategy, search, pan and zoom) and how its run is timed."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from scripts.bench.browser import Tab
from scripts.bench.config import MIN_MAP_PATHS, SEARCH_TERMS, SETTLE_MS
from tests.browser.harness import MAP_IFRAME, VIEWPORT, runs_ended, screenshot, wait_for_app_ready, wait_for_rerun


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


