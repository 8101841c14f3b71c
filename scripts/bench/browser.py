"""Fresh, instrumented browser contexts and the time-to-interactive of one page load."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Route, WebSocket

from scripts.bench.config import _STABLE_JS, BENCH_JS
from scripts.bench.servers import Server
from tests.browser.harness import INIT_JS, VIEWPORT, is_local_url


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


