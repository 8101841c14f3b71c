"""Shared set-up for the listening-event AppTests: an event in the test database (tests/conftest.py)."""

from __future__ import annotations

import os

from streamlit.testing.v1 import AppTest

from psm_data import load_dataset
from psm_data.events.db import database_for
from psm_data.events.store import EventStore
from tests.app.conftest import APP

PASSWORD = os.environ["PSM_FACILITATOR_PASSWORD"]
NEEDS = ["N1.1", "N1.2", "N3.3", "N4.1", "N5.2"]


def test_store() -> EventStore:
    data = load_dataset()
    return EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                      axis_ids=data.axis_ids, zone_ids=data.zone_ids)


test_store.__test__ = False  # a helper, not a test


def make_event(*, status: str = "open", open_items: list[str] | None = None, title: str = "Ascolto Zona 7",
               needs: list[str] = NEEDS) -> str:
    store = test_store()
    event = store.create_event(title=title, event_date="2026-12-03", place="Ciriè", zone_ids=["7"], need_ids=needs)
    if status != "draft":
        store.set_event_status(event.code, "open")
    store.set_item_status(event.code, needs if open_items is None else open_items, "open")
    if status == "closed":
        store.set_event_status(event.code, "closed")
    return event.code


def open_event_page(page: str, params: dict[str, str], *, session: dict[str, object] | None = None) -> AppTest:
    """Open an event page as a link would (the first run lands on the default page, as in tests/app/conftest)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    return at


def signed_in_facilitator(params: dict[str, str] | None = None) -> AppTest:
    """The facilitator page in a session that has signed in (the sign-in itself: test_events_facilitator.py and
    tests/events/test_signin.py; the link's one-time code is checked by the server, outside the script)."""
    at = open_event_page("pages/facilitate.py", params or {}, session={"_facilitator_ok": True})
    assert not at.exception, [e.message for e in at.exception]
    return at
