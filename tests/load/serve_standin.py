"""Start the STAND-IN participant app (standin_asgi.py) with the same server fixes as scripts/serve.py."""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from streamlit.web import cli  # noqa: E402

from scripts.serve import tcp_nodelay  # noqa: E402

if __name__ == "__main__":
    tcp_nodelay()
    sys.exit(cli.main(["run", str(Path(__file__).with_name("standin_asgi.py")), *sys.argv[1:]], standalone_mode=True))
