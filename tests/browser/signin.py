"""Signing a test browser in as the facilitator without a password in any URL.

The server and the tests share $PSM_DATA_HOME (tests/conftest.py), hence the server secret
(psm_data/events/auth.py): a test can sign the facilitator cookie the server itself would set after the start-up
link, and hand it to a browser context. The link's own flow (one-time code, redirect, no referrer) is tested in
test_events_e2e.py and tests/load/test_hostile_clients.py.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

from psm_data.events.auth import FACILITATOR_COOKIE, facilitator_cookie


def facilitator_cookie_value() -> str:
    return facilitator_cookie(os.environ["PSM_FACILITATOR_PASSWORD"], time.time())


def sign_in(context: Any, base_url: str) -> None:  # noqa: ANN401 - a playwright BrowserContext
    """Give the browser context the signed facilitator cookie for the server at base_url."""
    context.add_cookies([{"name": FACILITATOR_COOKIE, "value": facilitator_cookie_value(), "url": base_url,
                          "httpOnly": True, "sameSite": "Strict"}])


def start_up_code(server_log: Path) -> str:
    """The one-time code of the start-up link that scripts/serve.py printed in the server's log."""
    found = re.findall(r"/facilitatore\?token=([A-Za-z0-9_-]+)", server_log.read_text(errors="replace"))
    if not found:
        raise AssertionError(f"no start-up link in {server_log}")
    return found[-1]
