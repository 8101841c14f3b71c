"""Start the app: `streamlit run app.py` plus one fix for a Streamlit start-up bug. Extra args go to streamlit.

Streamlit (1.67) decides once per server process, in the first session, whether the app is a legacy
"pages/ folder" app: `PagesManager.uses_pages_directory` starts as None and becomes True because `pages/` exists.
That first session then runs through the legacy navigation, which does not know our `st.navigation` URL paths,
so a first visitor who opens a shared deep link (e.g. /copertura?zone=5) gets a "Page not found" dialog on top of
the right page (streamlit/streamlit#9992). app.py declares its pages with st.navigation, so the legacy mode never
applies: settle the flag before the server starts.

Usage: python scripts/serve.py [--server.port 8501 ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parents[1] / "app.py"


def main(argv: list[str]) -> int:
    PagesManager.uses_pages_directory = False
    return cli.main(["run", str(APP), *argv], standalone_mode=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
