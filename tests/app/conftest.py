"""AppTest helpers: run the real app.py (sidebar, navigation, URL state) on one page, no browser."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.strings import STRINGS

APP = Path(__file__).resolve().parents[2] / "app.py"


def open_page(page_file: str | None = None, params: Mapping[str, str | list[str]] | None = None,
              timeout: float = 60) -> AppTest:
    """Start the app with `params` in the URL, switch to `page_file` (e.g. 'pages/coverage.py'), run it."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page_file:
        # The first run lands on the default page, whose URL sync drops other pages' parameters (as a browser
        # does when it opens that page): set them again, as a shared link to `page_file` would carry them.
        for key, value in (params or {}).items():
            at.query_params[key] = value
        at.switch_page(page_file).run()
    return at


@pytest.fixture
def app_page() -> Callable[..., AppTest]:
    return open_page


def no_exception(at: AppTest) -> None:
    """No uncaught exception, and no page failure caught by app.py's friendly error (which hides it from
    `at.exception`)."""
    assert not at.exception, [e.message for e in at.exception]
    titles = {STRINGS["page_error_title"]["it"], STRINGS["page_error_title"]["en"]}
    assert not [e.value for e in at.error if e.value in titles], "the page failed (see the server log above)"


def url_values(at: AppTest, key: str) -> list[str]:
    """The values of one query parameter as a list (AppTest shows a single value as a plain string)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)
