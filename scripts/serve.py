"""Start the app: migrate the participation database, then serve app.py through `st.App` (ASGI) with the
device-cookie middleware. Extra args go to `streamlit run`.

Run as `python scripts/serve.py [--server.port 8501 ...]` (what `make run` does). It:
1. brings the database to the latest schema (once, before serving; never inside a script run);
2. makes sure facilitator pages have a password: $PSM_FACILITATOR_PASSWORD or `facilitator_password` in
   .streamlit/secrets.toml; when neither is set it makes a random one for this run and prints it; and it prints
   the facilitator's start-up link with a one-time sign-in code (never the password; psm_data/events/auth.py);
3. runs `streamlit run` on this file: Streamlit finds the `app` object below (an `st.App`), and serves app.py
   with the middleware that gives each browser its anonymous device cookie (psm_data/events/device.py).

Also fixes a Streamlit start-up bug: Streamlit (1.67) decides once per server process, in the first session,
whether the app is a legacy "pages/ folder" app (`PagesManager.uses_pages_directory`); because `pages/` exists,
the first visitor of a deep link (e.g. /copertura?zone=5) would get a "Page not found" dialog
(streamlit/streamlit#9992). app.py declares its pages with st.navigation, so settle the flag before serving.

And one for latency (`tcp_nodelay`): Streamlit 1.67 binds its listening socket itself
(starlette_server._bind_socket) with `socket.socket(family)`, i.e. protocol 0, and asyncio only sets TCP_NODELAY on
sockets whose protocol is IPPROTO_TCP; so every websocket runs Nagle's algorithm, and each run's second burst of
small messages waits for the phone's delayed ACK (~40 ms per interaction; measured with scripts/stclient.py). On
Linux an accepted socket inherits TCP_NODELAY from the listening socket: set it there.

And one for privacy and availability (`no_outbound_requests`): Streamlit (1.67, streamlit/net_util.py) looks up
the machine's external IP with a blocking HTTP request to checkip.amazonaws.com, at start (for the "External URL"
line) and whenever a websocket arrives with a foreign Origin (never cached while it fails, i.e. always in an
offline hall: 60 such connections stalled the health check for 20 s), and whoever answers it on the hall's network
adds an allowed origin. No configuration turns it off (`browser.serverAddress` only skips it for one matching
host), so the lookup is replaced by "unknown" before serving; the app's own origin check
(psm_data/server/guard.py) refuses foreign origins before Streamlit's is reached anyway.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from streamlit import error_util, net_util
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web.server.starlette import starlette_server

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from psm_data.events.auth import PASSWORD_ENV, configured_password, issue_signin_code  # noqa: E402
from psm_data.events.device import DeviceCookieMiddleware  # noqa: E402
from psm_data.events.live_state import live_route  # noqa: E402
from psm_data.server.guard import ServerGuardMiddleware, is_client_input_error, short_error_line  # noqa: E402
from psm_data.server.headers import SecurityHeadersMiddleware  # noqa: E402

APP = ROOT / "app.py"
PagesManager.uses_pages_directory = False


def quiet_client_errors() -> None:
    """A malformed widget value (a client's doing, failing inside Streamlit before our code) logs one short line
    with a reference code, rate-limited, instead of a full traceback per message; our own errors keep theirs."""
    log_full = error_util._log_uncaught_app_exception
    if getattr(log_full, "psm_quiet", False):
        return

    def log(ex: BaseException) -> None:
        if not is_client_input_error(ex, ROOT):
            log_full(ex)
        else:
            short_error_line(ex)

    log.psm_quiet = True  # type: ignore[attr-defined]
    error_util._log_uncaught_app_exception = log


def no_outbound_requests() -> None:
    """The server never asks the internet for its own address (see the module docstring)."""
    net_util.get_external_ip = lambda: None


no_outbound_requests()
quiet_client_errors()

app = st.App(APP, routes=[live_route()], middleware=[
    Middleware(SecurityHeadersMiddleware),
    Middleware(ServerGuardMiddleware),
    Middleware(DeviceCookieMiddleware, password=lambda: configured_password(ROOT / ".streamlit" / "secrets.toml")),
])


def _port(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--server.port" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--server.port="):
            return arg.split("=", 1)[1]
    return os.environ.get("STREAMLIT_SERVER_PORT", "8501")


def tcp_nodelay() -> None:
    """Make every connection the server accepts send small websocket messages at once (no Nagle delay)."""
    bind = starlette_server._bind_socket
    if getattr(bind, "psm_nodelay", False):
        return

    def bind_nodelay(address: str, port: int, backlog: int) -> socket.socket:
        sock = bind(address, port, backlog)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    bind_nodelay.psm_nodelay = True  # type: ignore[attr-defined]
    starlette_server._bind_socket = bind_nodelay


def main(argv: list[str]) -> int:
    from psm_data.events.db import database_url, describe
    from psm_data.events.migrate import upgrade

    url = database_url()
    revision = upgrade(url)
    print(f"PSM Torino Explorer: database {describe(url)} (schema {revision})", flush=True)
    base = os.environ.get("PSM_PUBLIC_URL", f"http://localhost:{_port(argv)}").rstrip("/")
    link = f"{base}/facilitatore?token={issue_signin_code()}"
    if not configured_password(ROOT / ".streamlit" / "secrets.toml"):
        os.environ[PASSWORD_ENV] = secrets.token_urlsafe(12)
        print("\n  No facilitator password configured: one was made for this run.\n"
              f"  Facilitator page, signed in once: {link}\n"
              f"  (or open {base}/facilitatore and type: {os.environ[PASSWORD_ENV]})\n"
              f"  Set {PASSWORD_ENV} or facilitator_password in .streamlit/secrets.toml to choose it.\n",
              flush=True)
    else:
        print(f"\n  Facilitator page, signed in once (the link works one time): {link}\n", flush=True)
    if not os.environ.get("PSM_PUBLIC_URL", "").strip():
        from psm_data.events.lan import lan_base_urls

        phones = lan_base_urls(_port(argv))
        print("  Phones in the hall (same Wi-Fi): " + (", ".join(f"{u}/partecipa" for u in phones) if phones else
              "no network address found; connect to the hall's Wi-Fi or set PSM_PUBLIC_URL") + "\n", flush=True)
    from streamlit.web import cli

    tcp_nodelay()
    return cli.main(["run", str(Path(__file__).resolve()), *argv], standalone_mode=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
