"""The scenario editor on a phone (360×740, touch): one tap on *Aggiungi ipotesi* adds the hypothesis.

The cause of the lost first tap (issue 20): Streamlit widens a multiselect's search box to 3rem only while it is
focused. In the narrow sidebar a chosen zone's tag plus 3rem no longer fit on one line, so the focused box is ~35 px
taller; the tap's mousedown blurs it, the box shrinks, everything below rises, and the click that follows lands
under the button. A person picks the zone last and taps *Aggiungi*: the zone box still has the focus. The app's
style sheet now gives the search box the same width focused or not (components/style.py), so nothing moves.
The sidebar's zone filter had the same shift (a lone long zone name); the phone pages (/partecipa) have no
multiselect and keep their text fields in forms (no rerun on blur): one tap sends a comment there.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.browser.harness import INIT_JS, local_context, runs_ended, screenshot, wait_for_app_ready, wait_for_rerun
from tests.browser.test_events_e2e import card, open_event

PHONE = {"width": 360, "height": 740}
SIDEBAR_MULTISELECT_HEIGHTS = ("() => [...document.querySelectorAll('[data-testid=stSidebar] "
                               "[data-testid=stMultiSelect]')].map(e => Math.round(e.getBoundingClientRect().height))")


def phone_page(browser: Browser, app_server: str) -> Page:
    context = local_context(browser, app_server, viewport=PHONE, has_touch=True, is_mobile=True,
                            device_scale_factor=2)
    context.add_init_script(INIT_JS)
    return context.new_page()


def tap_option(page: Page, box, typed: str, option: str) -> None:
    """Tap a multiselect, type to filter it, tap the option: as a thumb does (the box keeps the focus)."""
    box.tap()
    page.keyboard.type(typed, delay=30)
    page.get_by_role("option", name=re.compile(rf"^{re.escape(option)} · ")).tap()


def test_one_tap_adds_a_hypothesis_on_a_phone(browser: Browser, app_server: str) -> None:
    page = phone_page(browser, app_server)
    try:
        page.goto("/copertura?zone=7")
        wait_for_app_ready(page, timeout=60_000)
        page.get_by_test_id("stExpandSidebarButton").tap()
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_text("Scenario: aggiungi progetti ipotetici").tap()
        form = sidebar.get_by_test_id("stForm")
        name = form.get_by_label("Nome")
        name.tap()
        page.keyboard.type("Polo formativo delle Valli di Lanzo", delay=10)
        strategies, zones = (form.get_by_test_id("stMultiSelect").nth(i).locator("input") for i in (0, 1))

        # Typing an id offers that strategy first and alone (no "Select N matches" for Enter to take).
        strategies.tap()
        page.keyboard.type("4.1", delay=40)
        expect(page.get_by_role("option").first).to_have_text(re.compile(r"^4\.1 · "))
        expect(page.get_by_role("option")).to_have_count(1)
        page.get_by_role("option").first.tap()
        tap_option(page, zones, "7", "7")
        page.wait_for_timeout(300)  # the list and the sidebar settle (a person's pause before the next tap)
        assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Zone"

        before = runs_ended(page)
        form.locator(".st-key-scn_add button").tap()  # once
        expect(name).to_have_value("", timeout=10_000)
        wait_for_rerun(page, before)
        expect(sidebar.get_by_text("Scenario: 1 progetto ipotetico")).to_be_visible()
        assert "scn=1." in page.url
        assert page.get_by_test_id("stException").count() == 0

        # The sidebar's zone filter: a lone long zone name kept the same height focused and blurred.
        filter_box = sidebar.get_by_test_id("stMultiSelect").nth(0).locator("input")
        filter_box.scroll_into_view_if_needed()
        tap_option(page, filter_box, "6", "6")
        wait_for_app_ready(page)
        focused = page.evaluate(SIDEBAR_MULTISELECT_HEIGHTS)
        page.evaluate("() => document.activeElement.blur()")
        assert page.evaluate(SIDEBAR_MULTISELECT_HEIGHTS) == focused

        page.get_by_test_id("stSidebarCollapseButton").locator("button").tap()
        expect(page.get_by_text(re.compile(r"Tabella larga \(24 colonne\)"))).to_be_visible()
        screenshot(page, "scenario_phone_one_tap")
    finally:
        page.context.close()


def test_one_tap_sends_a_comment_on_the_phone_page(browser: Browser, app_server: str) -> None:
    code = open_event()
    page = phone_page(browser, app_server)
    try:
        page.goto("/partecipa")
        wait_for_app_ready(page, timeout=60_000)
        page.get_by_label("Codice evento").tap()
        page.keyboard.type(code, delay=20)
        page.get_by_role("button", name="Entra").tap()  # once, the code field still focused
        expect(page.get_by_role("heading", name="Ascolto in sala")).to_be_visible(timeout=20_000)
        comment = card(page, "N1.1").get_by_role("textbox")
        comment.tap()
        page.keyboard.type("Servono corsi serali", delay=10)
        card(page, "N1.1").get_by_role("button", name="Invia commento").tap()  # once, the text area focused
        expect(card(page, "N1.1").get_by_text(re.compile("Commento salvato"))).to_be_visible(timeout=20_000)
    finally:
        page.context.close()
