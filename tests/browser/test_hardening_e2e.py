"""The locked-down server, seen from a browser: a failing page shows a friendly message and no traceback, hostile
text is shown literally by every HTML writer (page, map tooltips and popups, URL notice), and the server's
configuration is the reviewed one.

Runs its own server with PSM_TEST_PAGES=1, which adds two test-only pages (components/navigation.py TEST_PAGES):
`/test-failing` raises on purpose, `/test-markup` feeds tests/browser/hostile.py's PAYLOAD to every HTML writer.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page

from components.errors import PAGE_ERROR_KEY
from components.strings import STRINGS
from tests.browser.a11y import wait_for_maps
from tests.browser.harness import (
    ARTIFACTS_DIR,
    MAP_IFRAME,
    free_port,
    is_local_url,
    map_frame,
    screenshot,
    start_streamlit,
    stop_process,
    wait_for_app_ready,
    wait_for_health,
)
from tests.browser.hostile import PAYLOAD, VISIBLE

LOG = ARTIFACTS_DIR / "streamlit_test_pages_server.log"


@pytest.fixture(scope="module")
def test_pages_server() -> Iterator[str]:
    """The app with its test-only pages, on a free port (stopped by PID at the end of the module)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    from tests.browser.harness import REPO_ROOT

    proc = start_streamlit(REPO_ROOT / "app.py", port, LOG, env={"PSM_TEST_PAGES": "1"})
    try:
        wait_for_health(proc, base)
        yield base
    finally:
        stop_process(proc)


@pytest.fixture
def tab(browser: Browser, test_pages_server: str) -> Iterator[Page]:
    """A page on the test-pages server that may only talk to localhost (external requests fail the test)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=test_pages_server)
    external: list[str] = []
    context.route(lambda url: not is_local_url(url), lambda route: (external.append(route.request.url),
                                                                    route.abort()))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
    finally:
        screenshot(page, f"hardening_{len(external)}_{page.url.rsplit('/', 1)[-1][:30]}")
        context.close()
    assert not external, external
    assert not errors, errors


def test_a_failing_page_shows_a_friendly_message_and_no_traceback(tab: Page):
    tab.goto("/test-failing")
    wait_for_app_ready(tab, timeout=60_000)
    box = tab.locator(f".st-key-{PAGE_ERROR_KEY}")
    assert box.count() == 1
    assert STRINGS["page_error_title"]["it"] in box.inner_text()
    ref = re.search(r"\b[0-9a-f]{8}\b", box.inner_text())
    assert ref, "the message carries a reference code"
    text = tab.locator("body").inner_text()
    for leak in ("Traceback", "RuntimeError", "SECRET-DETAIL-4711", "failing.py", 'File "', "line 8"):
        assert leak not in text, f"{leak!r} reached the visitor"
    assert tab.get_by_test_id("stException").count() == 0
    assert "Before the failure." in text  # what the page drew before failing stays
    assert tab.get_by_test_id("stSidebar").get_by_text("Zone omogenee").first.is_visible()  # the frame works
    # The traceback is in the server log, under the same reference.
    tab.wait_for_timeout(200)
    log = LOG.read_text(errors="replace")
    assert f"page failed, reference {ref.group()}" in log
    assert "SECRET-DETAIL-4711" in log


def test_hostile_text_is_shown_literally_everywhere(tab: Page):
    tab.goto(f"/test-markup?{quote('x<b data-pwned=1>')}={quote(PAYLOAD)}&zone={quote('[a](http://pwned.example)')}")
    wait_for_app_ready(tab, timeout=60_000)
    wait_for_maps(tab)
    injected = "[data-pwned], a[href^='http://pwned'], script:not([src])"
    main = tab.get_by_test_id("stMain")
    assert main.locator(injected).count() == 0
    assert tab.evaluate("() => window.__pwned") is None
    text = main.inner_text()
    # strips (axis labels, statuses), count table (labels, corner), legend (title, label), quote
    assert text.count(VISIBLE) >= 8, text[:2000]
    # what a screen reader gets: the strips' summary sentence, the table box named by its caption
    assert main.get_by_text(f"{PAYLOAD}: {PAYLOAD} 2", exact=False).count() >= 1
    assert main.get_by_role("region", name=PAYLOAD).count() == 1
    assert main.locator("blockquote").first.inner_text().count(VISIBLE) == 1  # the blank line did not split it
    # URL notice: the unknown parameter and the invalid zone, literally, cut to a readable length
    notice = tab.get_by_test_id("stAlertContentWarning").first
    assert "[a](http://pwned.example)" in notice.inner_text()
    assert "x<b data-pwned=1>" in notice.inner_text()
    assert notice.locator("a, b, img").count() == 0
    # map: the tooltip (hover) and the popup (click) of a zone
    frame = map_frame(tab)
    zone = frame.locator("path.leaflet-interactive").first
    zone.hover(force=True)
    tooltip = frame.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=10_000)
    assert VISIBLE in tooltip.inner_text()
    zone.click(force=True)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert VISIBLE in popup.inner_text()
    assert frame.locator("[data-pwned], a[href^='http://pwned']").count() == 0  # (the map's own scripts are inline)
    assert popup.locator("a").count() == 1  # our own link to the zone profile, and nothing else
    assert popup.locator("a").get_attribute("href").startswith("../../zona?profile=")
    assert tab.evaluate(f"() => document.querySelector('{MAP_IFRAME}').contentWindow.__pwned") is None


def request(url: str, method: str = "GET", data: bytes | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_server_configuration_is_the_reviewed_one(test_pages_server: str):
    """.streamlit/config.toml keeps the reviewed values, and the running server applies them: an upload without
    the session's XSRF token is refused, and nothing but ./static is served as files."""
    from streamlit import config as st_config

    st_config.get_config_options(force_reparse=True)
    assert st_config.get_option("server.enableXsrfProtection") is True
    assert st_config.get_option("server.maxUploadSize") == 1
    assert st_config.get_option("client.showErrorDetails") == "none"
    assert st_config.get_option("client.showErrorLinks") is False
    assert st_config.get_option("client.toolbarMode") == "minimal"
    assert st_config.get_option("browser.gatherUsageStats") is False
    status, _ = request(f"{test_pages_server}/_stcore/upload_file/any-session/any-file", "PUT", b"x")
    assert status == 403, "an upload without the XSRF token must be refused"
    for path in ("/app/static/../../app.py", "/app/static/%2e%2e/app.py", "/app.py", "/.streamlit/config.toml",
                 "/app/static/../psm_data/projects.csv", "/app/static/%2e%2e/%2e%2e/psm_data/projects.csv"):
        _, body = request(f"{test_pages_server}{path}")
        assert b"st.set_page_config" not in body, path
        assert b"enableXsrfProtection" not in body, path
        assert b"project_id,name" not in body, path
