"""The issue's flow in a real browser: add two hypothetical projects in zone 7 for strategies 4.1 and 4.2, see which
gaps close on Copertura, share the link, open it in a fresh browser and get the same scenario; download the
scenario CSV and zone 7's sheet (one A4 page whose QR points to the address the browser used)."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
from playwright.sync_api import Browser, Page, expect

from tests.browser.harness import (
    ARTIFACTS_DIR,
    VIEWPORT,
    choose_option,
    is_local_url,
    runs_ended,
    screenshot,
    wait_for_app_ready,
    wait_for_rerun,
)

HYPOTHESES = (("Polo formativo delle Valli di Lanzo", "4.1"), ("Corsi ITS a Lanzo", "4.2"))


def choose(page: Page, select, typed: str, option: str) -> None:
    """Pick one option of a multiselect (typed, see `choose_option`) and leave the list closed."""
    choose_option(page, select, typed, page.get_by_role("option", name=re.compile(rf"^{re.escape(option)} · ")))
    box = select.get_by_role("combobox")
    box.press("Escape")
    box.blur()
    expect(page.get_by_role("option")).to_have_count(0)  # the list is closed: it cannot take the next click


def add_hypothesis(page: Page, name: str, strategy: str, zone: str | None) -> None:
    form = page.get_by_test_id("stSidebar").get_by_test_id("stForm")
    form.get_by_label("Nome").fill(name)
    selects = form.get_by_test_id("stMultiSelect")
    choose(page, selects.nth(0), strategy, strategy)
    if zone:
        choose(page, selects.nth(1), f"{zone} ·", zone)
    expect(form.get_by_label("Nome")).to_have_value(name)
    submit = form.get_by_role("button", name="Aggiungi ipotesi")
    submit.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # let the sidebar settle after the lists closed (a moving button misses the click)
    before = runs_ended(page)
    submit.click()
    wait_for_rerun(page, before)
    expect(form.get_by_label("Nome")).to_have_value("")  # added: the form is ready for the next one


def closed_gaps(page: Page) -> list[str]:
    return [li.inner_text() for li in page.locator(".st-key-scn_closed_gaps li").all()]


def test_scenario_flow_and_shared_link(page: Page, page_log, browser: Browser, app_server: str) -> None:
    page.goto("/copertura?zone=7")
    wait_for_app_ready(page, timeout=60_000)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Scenario: aggiungi progetti ipotetici").click()
    add_hypothesis(page, *HYPOTHESES[0], zone="7")
    add_hypothesis(page, *HYPOTHESES[1], zone="7")  # the form was cleared whole: the zone is chosen again
    expect(page.get_by_role("heading", name="Lacune che lo scenario chiuderebbe (3)")).to_be_visible()
    gaps = closed_gaps(page)
    assert [g.split(" — ")[0] for g in gaps[:2]] == ["Strategia 4.1", "Strategia 4.2"]
    assert gaps[2].startswith("Zona 7 · Ciriacese - Valli di Lanzo: nessun progetto sull'asse 4")
    assert page.get_by_text("0 → 2").first.is_visible()  # zone 7 × axis 4, outlined
    page.wait_for_function("() => /[?&]scn=1\\./.test(location.search)", timeout=10_000)
    link = page.url
    screenshot(page, "scenario_copertura_zona_7")

    # The scenario CSV, labelled as what it is.
    with page.expect_download() as download:
        sidebar.get_by_role("button", name="Scarica scenario (CSV)").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert csv_text.splitlines() == ["source,name,strategy_ids,scope,zone_ids,need_id",
                                     "scenario,Polo formativo delle Valli di Lanzo,4.1,zones,7,",
                                     "scenario,Corsi ITS a Lanzo,4.2,zones,7,"]

    # A fresh browser (new context: no cookies, no session) opens the shared link and gets the same scenario.
    fresh = browser.new_context(viewport=VIEWPORT, base_url=app_server)
    fresh.route(lambda url: not is_local_url(url), lambda route: route.abort())
    other = fresh.new_page()
    try:
        other.goto(link)
        wait_for_app_ready(other, timeout=60_000)
        expect(other.get_by_role("heading", name="Lacune che lo scenario chiuderebbe (3)")).to_be_visible()
        assert closed_gaps(other) == gaps
        other_sidebar = other.get_by_test_id("stSidebar")
        for name, _strategy in HYPOTHESES:
            assert other_sidebar.get_by_text(name).count() == 1
        assert other.url == link

        # Zone 7's sheet from the Zona page: one A4 page; its QR points where this browser is.
        other_sidebar.get_by_role("link", name="Zona").click()
        wait_for_app_ready(other, timeout=60_000)
        other.get_by_label("Zona omogenea").click()
        other.get_by_role("option", name=re.compile(r"^Zona 7 · ")).click()
        wait_for_app_ready(other, timeout=60_000)
        assert "scn=1." in other.url
        with other.expect_download() as sheet:
            other.get_by_role("button", name="Scheda della zona (PDF)").click()
        assert sheet.value.suggested_filename == "psm_scheda_zona_07_ciriacese-valli-di-lanzo.pdf"
        pdf = Path(sheet.value.path()).read_bytes()
        document = pdfium.PdfDocument(pdf)
        assert len(document) == 1
        text = " ".join(document[0].get_textpage().get_text_range().split())
        assert "Zona 7 · Ciriacese - Valli di Lanzo" in text
        assert f"{app_server}/zona?profile=7" in text
        assert "Polo formativo" not in text  # the sheet prints the report's facts only
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        document[0].render(scale=100 / 72).to_pil().save(ARTIFACTS_DIR / "scenario_flow_sheet_zona_7.png")
        assert other.get_by_test_id("stException").count() == 0
    finally:
        fresh.close()
    assert not page_log.page_errors
    assert page.get_by_test_id("stException").count() == 0


def test_difference_map_draws_the_zones_and_the_place_markers(page: Page, page_log) -> None:
    page.goto("/mappa?strategy=1.4&interactive=1")
    wait_for_app_ready(page, timeout=60_000)
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first
    expect(frame.locator("path.leaflet-interactive")).to_have_count(11)  # the markers are not polygons
    expect(frame.locator(".psm-place")).to_have_count(1)  # Ivrea's paperwork, zone 9 deduced from the place
    assert page.get_by_role("heading", name="Con zona dedotta dal luogo (1)").is_visible()
    assert not page_log.page_errors
