"""Start the app: `streamlit run app.py` plus one fix for a Streamlit start-up bug. Extra args go to streamlit.

Streamlit (1.67) decides once per server process, in the first session, whether the app is a legacy
"pages/ folder" app: `PagesManager.uses_pages_directory` starts as None and becomes True because `pages/` exists.
That first session then runs through the legacy navigation, which does not know our `st.navigation` URL paths,
so a first visitor who opens a shared deep link (e.g. /copertura?zone=5) gets a "Page not found" dialog on top of
the right page (streamlit/streamlit#9992). app.py declares its pages with st.navigation, so the legacy mode never
applies: settle the flag before the server starts.

A second fix, for latency: Streamlit 1.67 binds its listening socket itself (starlette_server._bind_socket) with
`socket.socket(family)`, i.e. protocol 0, and asyncio only sets TCP_NODELAY on sockets whose protocol is
IPPROTO_TCP; so every websocket carries Nagle's algorithm, and each run's second burst of small messages waits for
the phone's delayed ACK (~40 ms, twice per interaction; measured by scripts/loadtest.py and its client). On Linux
an accepted socket inherits TCP_NODELAY from the listening socket: set it there.

Usage: python scripts/serve.py [--server.port 8501 ...]
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli
from streamlit.web.server.starlette import starlette_server

APP = Path(__file__).resolve().parents[1] / "app.py"


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
    PagesManager.uses_pages_directory = False
    tcp_nodelay()
    return cli.main(["run", str(APP), *argv], standalone_mode=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
