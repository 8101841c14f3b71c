"""Test-wide setup: the participation database is a throwaway SQLite file, never the user's own.

Set before anything imports the app, so AppTest runs, browser-test servers (they inherit the environment) and
store tests all write to a temporary directory. The facilitator password is fixed for the tests.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Once per test process: a second import of this module (it must never be imported by tests; helpers live in
# their own modules) would otherwise point the app at a new, empty database.
_BASE = Path(os.environ.get("PSM_TESTS_HOME") or tempfile.mkdtemp(prefix="psm-test-home-"))
os.environ["PSM_TESTS_HOME"] = str(_BASE)
# `make test` runs two pytest-xdist workers; they inherit the controller's environment, so each takes its own
# subdirectory: its own database and files, and the servers it starts (which inherit PSM_DATA_HOME) use them too.
# A worker is then the same as a serial run over its share of the test files.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
_HOME = _BASE / _WORKER if _WORKER else _BASE
_HOME.mkdir(exist_ok=True)
os.environ["PSM_DATA_HOME"] = str(_HOME)
os.environ["PSM_DB_URL"] = f"sqlite:///{_HOME / 'eventi.sqlite3'}"
os.environ["PSM_FACILITATOR_PASSWORD"] = "password-dei-test"
os.environ.pop("PSM_PUBLIC_URL", None)


def pytest_sessionstart(session) -> None:  # noqa: ANN001 - pytest's Session
    from psm_data.events.migrate import upgrade

    upgrade(os.environ["PSM_DB_URL"])



# Under pytest-xdist `make test` hands out whole test files in collection order (--dist loadfile
# --no-loadscope-reorder). Files that start servers and browsers, and the fuzzers, take 10-60 s each; most other
# files take a few seconds. Handing the long ones out first lets the short ones fill in at the end, so neither
# worker is left running a long file alone while the other has nothing to do.
_LONG_DIRS = frozenset({"browser", "load"})
_LONG_FILES = frozenset({"test_fuzz_loader.py", "test_fuzz_html.py"})


def pytest_collection_modifyitems(config, items) -> None:  # noqa: ANN001 - pytest's Config and Items
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    tests_dir = Path(__file__).resolve().parent

    def long_first(item) -> int:  # noqa: ANN001 - a pytest Item
        path = Path(str(item.path)).resolve()
        top = path.relative_to(tests_dir).parts[0] if tests_dir in path.parents else ""
        return 0 if top in _LONG_DIRS or path.name in _LONG_FILES else 1

    items.sort(key=long_first)  # stable: each file's own order is kept
