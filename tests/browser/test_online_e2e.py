"""An online answer in a real phone-sized browser (360×740): an event that never opened in the hall, its online
window running, a phone opens the link from home, answers a need and finds the answer stored as `online`."""

from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import Browser, expect

from psm_data.events.store import today
from tests.browser.harness import screenshot, wait_for_app_ready
from tests.browser.test_events_e2e import NEEDS, PHONE, card, guarded_page, store, wait_saved


def test_a_phone_answers_during_the_online_window(browser: Browser, app_server: str):
    s = store()
    event = s.create_event(title="Ascolto online Zona 5", event_date=today(), place="Pinerolo", zone_ids=["5"],
                           need_ids=NEEDS)
    s.set_online_window(event.code, today(), today() + timedelta(days=7))
    external: list[str] = []
    with guarded_page(browser, app_server, PHONE, external) as (_context, phone):
        phone.goto(f"/partecipa?evento={event.code}")
        wait_for_app_ready(phone, timeout=60_000)
        expect(phone.get_by_text("Partecipazione online aperta", exact=False)).to_be_visible()
        card(phone, "N3.3").get_by_text("D'accordo", exact=True).click()
        wait_saved(phone, "N3.3", 1)
        screenshot(phone, "online_answer_phone")
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"
    frame = s.answers_frame([event.code])
    assert frame[["need_id", "answer", "origin"]].values.tolist() == [["N3.3", "agree", "online"]]
    assert not external, external
