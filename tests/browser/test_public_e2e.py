"""The public page on a phone (360×740): a published event's outcome and an event to come, no sideways scroll,
hostile proposal text inert; and it prints on A4 (print media) without losing the outcome."""

from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import Browser, expect

from psm_data.events.store import today
from tests.browser.harness import screenshot, wait_for_app_ready
from tests.browser.test_events_e2e import NEEDS, PHONE, XSS, guarded_page, store

DEVICE = "public-e2e-device-{n:04d}-abcdefgh"


def test_the_public_page_on_a_phone(browser: Browser, app_server: str):
    s = store()
    done = s.create_event(title="Ascolto concluso Zona 5", event_date="2026-11-20", place="Pinerolo",
                          zone_ids=["5"], need_ids=NEEDS)
    s.set_event_status(done.code, "open")
    s.set_item_status(done.code, NEEDS, "open")
    for n in range(3):
        s.join(done.code, DEVICE.format(n=n), zone_id="5")
        s.submit_answer(done.code, DEVICE.format(n=n), "N1.1", answer="agree")
    s.submit_proposal(done.code, DEVICE.format(n=0), XSS, axis_id="1", need_id="N1.1")
    text_id = int(s.texts_frame([done.code])["text_id"].iloc[0])
    s.moderate(done.code, text_id, "approved")
    s.set_event_status(done.code, "closed")
    s.set_outcome(done.code, "N1.1", "validata", "Con più corse serali")
    s.set_published(done.code, True)
    s.create_event(title="Prossimo incontro Ivrea", event_date=today() + timedelta(days=9), place="Ivrea",
                   zone_ids=["9"], need_ids=NEEDS)
    external: list[str] = []
    with guarded_page(browser, app_server, PHONE, external) as (_context, phone):
        phone.goto("/percorso")
        wait_for_app_ready(phone, timeout=60_000)
        public = phone.locator(".psm-public")
        expect(public.get_by_text("Ascolto concluso Zona 5")).to_be_visible()
        expect(public.get_by_text("Prossimo incontro Ivrea")).to_be_visible()
        expect(public.get_by_text("Con più corse serali")).to_be_visible()
        expect(public.get_by_text(XSS)).to_be_visible()  # shown as text, not run
        assert phone.evaluate("() => window.__pwned") is None
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"
        screenshot(phone, "public_page_phone")
        phone.emulate_media(media="print")
        expect(public.get_by_text("Con più corse serali")).to_be_visible()
        pdf = phone.pdf(format="A4") if browser.browser_type.name == "chromium" else b""
        assert pdf.startswith(b"%PDF")
    assert not external, external
