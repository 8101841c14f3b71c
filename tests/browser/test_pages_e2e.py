"""Every page in a real browser: becomes ready with no exception, no console error, no external request;
the URL carries the what-if selection both ways; invalid URL values show a notice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components.navigation import PAGES
from tests.browser.harness import (
    choose_option,
    free_port,
    runs_ended,
    screenshot,
    start_streamlit,
    stop_process,
    wait_for_app_ready,
    wait_for_health,
    wait_for_rerun,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("info", PAGES, ids=[p.key for p in PAGES])
def test_each_page_becomes_ready(page, page_log, info):
    page.goto(f"/{info.url_path}" if info.key != "overview" else "/")
    wait_for_app_ready(page, timeout=60_000)
    assert page.get_by_test_id("stException").count() == 0
    assert page.locator("h1").first.is_visible()
    screenshot(page, f"page_{info.key}")
    assert not page_log.page_errors
    # Streamlit's frontend probes <page path>/_stcore/{health,host-config} to find its base URL, and gets a 404
    # on every page but the root before it falls back: that is its normal start-up, not a failure of ours.
    failed = [u for u in page_log.failed_local if not re.search(r"/_stcore/(health|host-config) \(HTTP 404\)$", u)]
    assert not failed, failed


ZONE_CHIPS = "[data-testid='stSidebar'] [data-testid='stMultiSelect'] .react-aria-ComboBox [data-tag]"


def selected_zone_chips(page) -> list[str]:
    tags = page.locator(ZONE_CHIPS)
    return [tags.nth(i).get_attribute("aria-label") or "" for i in range(tags.count())]


def pick_sidebar_zone(page, zone: str) -> None:
    """Pick a zone in the sidebar's filter (typed, see `choose_option`) and see its chip."""
    choose_option(page, page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first, f"{zone} · ")
    page.locator(f"{ZONE_CHIPS}[aria-label^='{zone} ·']").first.wait_for(timeout=10_000)


def test_url_selection_opens_the_view(page):
    page.goto("/copertura?zone=5&zone=7&axis=3")
    wait_for_app_ready(page, timeout=60_000)
    chips = selected_zone_chips(page)
    assert any(c.startswith("5 ·") for c in chips), chips
    assert any(c.startswith("7 ·") for c in chips), chips
    assert len(chips) == 2
    assert re.search(r"[?&]axis=3", page.url)


def test_changing_the_zone_filter_writes_the_url(page):
    page.goto("/")
    wait_for_app_ready(page, timeout=60_000)
    before = runs_ended(page)
    pick_sidebar_zone(page, "8")
    wait_for_rerun(page, before)
    page.keyboard.press("Escape")
    page.wait_for_function("() => /[?&]zone=8/.test(location.search)", timeout=10_000)
    assert "zone=8" in page.url
    # The same address in a fresh tab reproduces the selection.
    page.goto(page.url)
    wait_for_app_ready(page, timeout=60_000)
    assert [c.split(" ")[0] for c in selected_zone_chips(page)] == ["8"]


def test_invalid_url_values_show_a_notice(page):
    page.goto("/?zone=5&zone=42&axis=x")
    wait_for_app_ready(page, timeout=60_000)
    alert = page.get_by_test_id("stAlertContentWarning")
    assert alert.count() >= 1
    text = alert.first.inner_text()
    assert "zone=42" in text
    assert "axis=x" in text
    assert page.get_by_test_id("stException").count() == 0


def test_english_switch(page):
    page.goto("/?lang=en")
    wait_for_app_ready(page, timeout=60_000)
    assert page.get_by_text("Homogeneous zones").first.is_visible()
    assert "lang=en" in page.url


def test_first_visit_to_a_deep_link_on_a_fresh_server(browser, tmp_path):
    """A shared link opened first thing after start must show its page, no "Page not found" dialog."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_streamlit(ROOT / "app.py", port, tmp_path / "server.log")
    try:
        wait_for_health(proc, base)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/copertura?zone=5&zone=7")
        wait_for_app_ready(page, timeout=60_000)
        assert page.get_by_role("dialog").count() == 0
        assert page.get_by_test_id("stSidebar").get_by_text("Copertura").first.is_visible()
        context.close()
    finally:
        stop_process(proc)
