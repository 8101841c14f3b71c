"""A page served from another port of the same machine (another dev server, a notebook) cannot drive the app.

Before issue 14 Streamlit accepted any port of localhost as an origin, and the facilitator's SameSite=Strict cookie
went along (same site: same host, another port): in chromium such a page drove a signed-in facilitator session.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.harness import free_port
from tests.browser.signin import sign_in

PAGE = """<!doctype html><title>other</title><script>
const results = window.results = [];
for (const app of APPS) {
  const ws = new WebSocket(app.replace('http', 'ws') + '/_stcore/stream', ['streamlit', 'PLACEHOLDER_AUTH_TOKEN']);
  ws.onopen = () => { results.push(app + ' open'); ws.close(); };
  ws.onerror = () => results.push(app + ' refused');
}
</script>"""


@pytest.fixture
def other_port_page(app_server: str) -> Iterator[str]:
    """A page on another local port that tries to open the app's websocket (as 127.0.0.1 and as localhost)."""
    port = app_server.rsplit(":", 1)[1]
    apps = [f"http://127.0.0.1:{port}", f"http://localhost:{port}"]
    body = PAGE.replace("APPS", repr(apps)).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def test_a_page_on_another_local_port_cannot_open_the_apps_websocket(browser: Browser, app_server: str,
                                                                      other_port_page: str):
    context = browser.new_context()
    sign_in(context, app_server)  # the facilitator's browser: the cookie would go along (same site)
    try:
        page = context.new_page()
        page.goto(other_port_page)
        page.wait_for_function("() => window.results && window.results.length === 2", timeout=20_000)
        results = page.evaluate("() => window.results")
        assert sorted(results) == sorted(f"{app} refused" for app in
                                         (app_server, app_server.replace("127.0.0.1", "localhost"))), results
        # the app itself, from its own origin, still connects
        own = context.new_page()
        own.goto(app_server + "/facilitatore")
        own.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=60_000)
    finally:
        context.close()
