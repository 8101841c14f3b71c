"""Fixtures for the load client's tests: the tiny app of tests/load/mini_app.py served by `streamlit run`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.harness import ARTIFACTS_DIR, free_port, start_streamlit, stop_process, wait_for_health

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def mini_server() -> Iterator[str]:
    """Base URL of mini_app.py served through st.App (mini_asgi.py, which sets the psm_device cookie)."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = ARTIFACTS_DIR / "mini_server.log"
    proc = start_streamlit(HERE / "mini_asgi.py", port, log_path, extra_args=["--server.disconnectedSessionTTL", "30"])
    try:
        wait_for_health(proc, base_url, timeout=60)
    except Exception as exc:  # noqa: BLE001 - show the server log whatever went wrong
        stop_process(proc)
        pytest.fail(f"mini app did not start: {exc}\n{log_path.read_text(errors='replace')[-3000:]}")
    try:
        yield base_url
    finally:
        stop_process(proc)
