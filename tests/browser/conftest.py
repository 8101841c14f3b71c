"""Browser tests: Playwright (python) driving Debian's /usr/bin/chromium against `streamlit run`.

Every test in tests/browser/ is marked ``browser`` automatically; deselect with ``-m "not browser"``.
Needs /usr/bin/chromium (``apt-get install -y chromium``) and the playwright package; never run
``playwright install``. Tests are skipped when chromium is missing.

Fixtures
--------
``app_server`` (session) -> str
    Base URL (``http://127.0.0.1:<port>``) of ``<this python> -m streamlit run app.py`` started from
    the repo root with headless, static serving on, file watcher off. ``PSM_APP=path/to/script.py``
    serves another script (its ``static/`` folder must sit next to it). Server output goes to
    ``tests/artifacts/streamlit_server.log``. The server is stopped by PID at the end of the session.
``browser`` (session) -> playwright.sync_api.Browser
    Headless chromium launched with ``executable_path="/usr/bin/chromium"`` and offline-friendly args.
``page_log`` (function) -> harness.PageLog
    What ``page`` saw: all requests, blocked external ones, failed local ones, console errors and
    uncaught page errors. Assert on it in the test, e.g. ``assert not page_log.console_errors``.
``page`` (function) -> playwright.sync_api.Page
    New context (viewport 1400x900, ``base_url=app_server``, so ``page.goto("/")`` works) with an init
    script counting script runs. Every request whose host is not 127.0.0.1/localhost is aborted and
    recorded; after the test the fixture fails the test if any was attempted ("no external
    requests"). Mark a test ``@pytest.mark.allow_external(r"tile\\.openstreetmap\\.org")`` to tolerate
    (still block) given URL patterns; tolerated images get a 1x1 PNG so Leaflet logs no errors.
    A full-page screenshot is saved to ``tests/artifacts/<test name>.png`` after each test.

Helpers (``from tests.browser.harness import ...``)
---------------------------------------------------
``wait_for_app_ready(page, timeout=30_000)``: after ``page.goto``; Streamlit's own readiness.
``runs_ended(page)`` / ``wait_for_rerun(page, runs_before, timeout=30_000)``: after an interaction.
``map_frame(page, index=0)`` -> FrameLocator of the st_folium iframe.
``count_map_polygons(page, index=0)`` -> int; ``wait_for_map_polygons(page, count, index=0)``.
``screenshot(page, name)`` -> Path in tests/artifacts/.

Example::

    from tests.browser.harness import count_map_polygons, wait_for_app_ready, wait_for_map_polygons

    def test_home_map(page, page_log):
        page.goto("/")
        wait_for_app_ready(page)
        wait_for_map_polygons(page, 11)
        assert count_map_polygons(page) == 11
        assert not page.get_by_test_id("stException").count()
        assert not page_log.console_errors
"""

from __future__ import annotations

import base64
import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, Route, sync_playwright

from components.errors import PAGE_ERROR_KEY
from tests.browser.harness import (  # noqa: F401  (re-exported for convenience)
    ARTIFACTS_DIR,
    CHROMIUM,
    CHROMIUM_ARGS,
    INIT_JS,
    VIEWPORT,
    PageLog,
    app_script,
    count_map_polygons,
    free_port,
    is_local_url,
    map_frame,
    screenshot,
    start_streamlit,
    stop_process,
    wait_for_app_ready,
    wait_for_health,
    wait_for_map_polygons,
    wait_for_rerun,
)

_BROWSER_DIR = Path(__file__).resolve().parent
_PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test collected under tests/browser/ as ``browser``."""
    for item in items:
        if _BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_server() -> Iterator[str]:
    """Start the app once per session and yield its base URL."""
    script = app_script()
    if not script.is_file():
        pytest.fail(f"app script not found: {script} (set PSM_APP to override)")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = ARTIFACTS_DIR / "streamlit_server.log"
    # Every browser of the suite comes from 127.0.0.1, like a whole hall behind one NAT, and closed contexts keep
    # their sessions for disconnectedSessionTTL: over a full run the per-address caps (made for one laptop in a
    # real hall) would refuse the late tests' pages. The caps themselves are tested on their own servers
    # (tests/load/test_hostile_clients.py).
    hall = {"PSM_MAX_SESSIONS_PER_ADDRESS": "100000", "PSM_MAX_PAGE_LOADS_PER_MINUTE": "100000",
            "PSM_MAX_NEW_DEVICES_PER_MINUTE": "100000", "PSM_MAX_TEXTS_PER_MINUTE": "100000"}
    proc = start_streamlit(script, port, log_path, env=hall)
    try:
        wait_for_health(proc, base_url, timeout=60)
    except Exception as exc:  # noqa: BLE001 - report the server log whatever went wrong
        stop_process(proc)
        tail = log_path.read_text(errors="replace")[-3000:] if log_path.exists() else ""
        pytest.fail(f"streamlit did not start: {exc}\n--- {log_path} ---\n{tail}")
    try:
        yield base_url
    finally:
        stop_process(proc)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian chromium for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


@pytest.fixture
def page_log() -> PageLog:
    """Network/console record of the test's page (filled by the ``page`` fixture)."""
    return PageLog()


@pytest.fixture
def page(
    browser: Browser,
    app_server: str,
    page_log: PageLog,
    request: pytest.FixtureRequest,
) -> Iterator[Page]:
    """A fresh context+page that may only talk to localhost; fails the test on external requests."""
    allowed = [re.compile(p) for marker in request.node.iter_markers("allow_external") for p in marker.args]
    context = browser.new_context(viewport=VIEWPORT, base_url=app_server)
    context.add_init_script(INIT_JS)

    def block(route: Route) -> None:
        url = route.request.url
        if any(p.search(url) for p in allowed):
            page_log.allowed_external.append(url)
            if route.request.resource_type == "image":
                route.fulfill(status=200, body=_PNG_1PX, content_type="image/png")
                return
        else:
            page_log.external.append(url)
        route.abort()

    def on_request(req: Request) -> None:
        page_log.requests.append(req.url)

    def on_failed(req: Request) -> None:
        if is_local_url(req.url):
            page_log.failed_local.append(f"{req.url} ({req.failure})")

    def on_response(resp: Response) -> None:
        if resp.status >= 400 and is_local_url(resp.url):
            page_log.failed_local.append(f"{resp.url} (HTTP {resp.status})")

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            page_log.console_errors.append(f"{msg.text} @ {msg.location.get('url', '')}")

    context.route(lambda url: not is_local_url(url), block)
    context.on("request", on_request)
    context.on("requestfailed", on_failed)
    context.on("response", on_response)
    context.on("console", on_console)
    pg = context.new_page()
    pg.on("pageerror", lambda exc: page_log.page_errors.append(str(exc)))
    pg.on("websocket", lambda ws: None if is_local_url(ws.url) else page_log.external.append(ws.url))
    page_failed = False
    try:
        yield pg
    finally:
        with contextlib.suppress(Exception):  # a screenshot must never mask the test's own result
            screenshot(pg, request.node.name)
        with contextlib.suppress(Exception):
            page_failed = pg.locator(f".st-key-{PAGE_ERROR_KEY}").count() > 0
        context.close()
    if page_failed:
        pytest.fail("the page failed: app.py showed its friendly error (traceback in tests/artifacts/"
                    "streamlit_server.log)")
    if page_log.external:
        listed = "\n  ".join(page_log.external)
        pytest.fail(f"{len(page_log.external)} request(s) tried to leave localhost:\n  {listed}")
