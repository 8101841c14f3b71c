"""Test-wide setup: the participation database is a throwaway SQLite file, never the user's own.

Set before anything imports the app, so AppTest runs, browser-test servers (they inherit the environment) and
store tests all write to a temporary directory. The facilitator password is fixed for the tests.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# This file runs twice in one session when a test imports it by name (`from tests.conftest import run_async`: pytest
# itself loads it as the module `conftest`): the second run must reuse the first one's home, or the environment
# would point at a fresh, unmigrated database after pytest_sessionstart migrated the first one.
_HOME = Path(os.environ.get("PSM_TEST_HOME") or tempfile.mkdtemp(prefix="psm-test-home-"))
os.environ["PSM_TEST_HOME"] = str(_HOME)
os.environ["PSM_DATA_HOME"] = str(_HOME)
os.environ["PSM_DB_URL"] = f"sqlite:///{_HOME / 'eventi.sqlite3'}"
os.environ["PSM_FACILITATOR_PASSWORD"] = "password-dei-test"
os.environ.pop("PSM_PUBLIC_URL", None)


def pytest_sessionstart(session) -> None:  # noqa: ANN001 - pytest's Session
    from psm_data.events.migrate import upgrade

    upgrade(os.environ["PSM_DB_URL"])


def run_async(coroutine):  # noqa: ANN001, ANN201 - any awaitable and its result
    """Run a coroutine to completion in a fresh thread with its own event loop.

    Playwright's sync API keeps an event loop running in the main thread for the whole browser session, so a
    plain `asyncio.run` in a later test would fail with "cannot be called from a running event loop"."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
