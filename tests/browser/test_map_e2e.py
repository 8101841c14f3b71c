"""Browser e2e of the map and zone pages: the server-drawn map they open with, and the interactive (Leaflet) map
behind the "Mappa interattiva" switch (`?interactive=1`): polygons drawn offline, URL state, re-colouring on a
strategy change without remounting."""

from __future__ import annotations

import time

from playwright.sync_api import Page

from tests.browser.harness import (
    MAP_IFRAME,
    PageLog,
    choose_option,
    count_map_polygons,
    map_frame,
    runs_ended,
    screenshot,
    wait_for_app_ready,
    wait_for_map_polygons,
    wait_for_rerun,
)

TIMEOUT = 60_000


def fills(page: Page) -> list[str]:
    return map_frame(page).locator("path.leaflet-interactive").evaluate_all(
        "paths => paths.map(p => p.getAttribute('fill'))")


def open_ready(page: Page, url: str, polygons: int) -> None:
    page.goto(url)
    wait_for_app_ready(page, timeout=TIMEOUT)
    wait_for_map_polygons(page, polygons, timeout=TIMEOUT)


def test_map_strategy_from_url(page: Page, page_log: PageLog) -> None:
    open_ready(page, "/mappa?strategy=2.3&interactive=1", 11)
    assert count_map_polygons(page) == 11
    assert not page.get_by_test_id("stException").count()
    assert page.get_by_test_id("stMain").get_by_role("heading", name="Strategia 2.3").count() == 1
    # Zones 1 and 9 (CerTo) are coloured; the other nine are the neutral grey of zero.
    colours = fills(page)
    assert colours.count("#ececec") == 9
    assert "strategy=2.3" in page.url
    assert not page_log.page_errors
    assert screenshot(page, "map_strategy_2_3").exists()


def test_map_zone_selection_from_url(page: Page) -> None:
    open_ready(page, "/mappa?zone=5&zone=7&interactive=1", 11)
    sidebar = page.get_by_test_id("stSidebar")
    tags = sidebar.get_by_test_id("stMultiSelectTagsContainer").locator("[data-tag]").evaluate_all(
        "tags => tags.map(t => t.getAttribute('aria-label'))")
    assert len(tags) == 2
    assert tags == ["5 · Pinerolese", "7 · Ciriacese - Valli di Lanzo"]
    # The heading, and the table under it named the same for screen readers (its caption).
    assert page.get_by_role("heading", name="Progetti localizzati nelle zone selezionate").count() == 1
    assert page.get_by_role("table", name="Progetti localizzati nelle zone selezionate").count() == 1


def mark_map_document(page: Page) -> None:
    """Tag the map iframe's document: a remounted iframe (a new document) loses the tag."""
    page.evaluate(f"""() => {{ document.querySelector('{MAP_IFRAME}').contentWindow.__psmMark = 1; }}""")


def map_document_marked(page: Page) -> bool:
    return page.evaluate(f"""() => {{ const f = document.querySelector('{MAP_IFRAME}');
                                      return !!(f && f.contentWindow && f.contentWindow.__psmMark === 1); }}""")


def test_strategy_change_recolours_map(page: Page, page_log: PageLog) -> None:
    open_ready(page, "/mappa?strategy=2.3&interactive=1", 11)
    before = fills(page)
    mark_map_document(page)
    select = page.get_by_test_id("stSelectbox").filter(has_text="Strategia")
    runs = runs_ended(page)
    choose_option(page, select, "2.1 · ")  # 2.1 · Costruire e infrastrutturare la metropoli verde
    wait_for_rerun(page, runs, timeout=TIMEOUT)
    deadline = time.monotonic() + 30
    after = before
    while time.monotonic() < deadline:  # the overlay restyles the zones in place
        try:
            if count_map_polygons(page) == 11:
                after = fills(page)
                if after != before:
                    break
        except Exception:  # noqa: BLE001, S110 - the old iframe may vanish between calls: poll again
            pass
        page.wait_for_timeout(200)
    assert len(after) == 11
    assert after != before
    assert "strategy=2.1" in page.url
    assert map_document_marked(page), "the map iframe was remounted instead of restyled"
    # Hover and popup still read the new state (the tooltip's value is 2.1's count for zone 1).
    zone_1 = map_frame(page).locator("path.leaflet-interactive").first
    zone_1.hover(force=True)
    tooltip = map_frame(page).locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=10_000)
    assert "1 · Torino" in tooltip.inner_text()
    assert not page_log.page_errors
    screenshot(page, "map_strategy_2_1")


def test_zone_selection_restyles_without_remount(page: Page) -> None:
    """The sidebar's zone filter fades the other zones and outlines the chosen ones on the same live map."""
    open_ready(page, "/mappa?interactive=1", 11)
    mark_map_document(page)
    before = map_frame(page).locator("path.leaflet-interactive").evaluate_all(
        "paths => paths.map(p => p.getAttribute('fill-opacity'))")
    runs = runs_ended(page)
    sidebar = page.get_by_test_id("stSidebar")
    choose_option(page, sidebar.get_by_test_id("stMultiSelect").filter(has_text="Zone omogenee"), "5 · ")
    wait_for_rerun(page, runs, timeout=TIMEOUT)
    page.wait_for_function(
        f"""() => {{ const d = document.querySelector('{MAP_IFRAME}').contentDocument;
                    return [...d.querySelectorAll('path.leaflet-interactive')]
                      .filter(p => p.getAttribute('fill-opacity') === '0.25').length === 10; }}""",
        timeout=TIMEOUT, polling=50)
    assert before.count("0.85") == 11
    assert map_document_marked(page)


def test_zone_profile_map(page: Page) -> None:
    # 11 zone polygons plus the 40 comuni outlines of zone 7.
    open_ready(page, "/zona?profile=7&interactive=1", 51)
    assert count_map_polygons(page) == 51
    assert page.get_by_role("heading", name="Zona 7 · Ciriacese - Valli di Lanzo").count() == 1
    assert not page.get_by_test_id("stException").count()
    screenshot(page, "zone_profile_7")


def static_map_paths(page: Page) -> int:
    """Zone and comune shapes in the server-drawn map (an <img> of an SVG data URI)."""
    return page.evaluate("""() => { const img = document.querySelector('img.psm-svg-map');
        if (!img) return -1;
        const svg = atob(img.src.split(',')[1]);
        return (svg.match(/<path /g) || []).length; }""")


def test_map_pages_open_with_the_server_drawn_map_and_load_leaflet_when_asked(page: Page, page_log: PageLog) -> None:
    page.goto("/mappa?strategy=2.3")
    wait_for_app_ready(page, timeout=TIMEOUT)
    image = page.locator("img.psm-svg-map")
    assert image.count() == 1
    assert page.locator(MAP_IFRAME).count() == 0  # no Leaflet iframe, no shapes fetched
    assert not [u for u in page_log.requests if "leaflet" in u or "/static/geo/" in u]
    assert static_map_paths(page) == 11
    assert "1 · Torino: 1" in image.get_attribute("alt")  # every value in the text alternative
    assert page.evaluate("() => document.querySelector('img.psm-svg-map').naturalWidth") > 0  # the image decodes
    # The tables are HTML: Streamlit's data grid (and its 1.6 MB of scripts) is not loaded, nor the scenario
    # editor's widgets while it is closed.
    assert page.get_by_test_id("stDataFrame").count() == 0
    assert not [u for u in page_log.requests if "/DataFrame." in u or "/FileUploader." in u or "/TextInput." in u]
    zones = page.get_by_role("region", name="Le stesse cifre in tabella")
    row_9 = zones.get_by_role("row").filter(has_text="Eporediese")
    assert row_9.get_by_role("cell").all_inner_texts()[-2:] == ["1", "1,17"]  # projects, per 100 000 (Italian)
    screenshot(page, "map_static_2_3")
    runs = runs_ended(page)
    page.get_by_test_id("stMain").get_by_text("Mappa interattiva", exact=True).click()
    wait_for_rerun(page, runs, timeout=TIMEOUT)
    wait_for_map_polygons(page, 11, timeout=TIMEOUT)
    assert "interactive=1" in page.url
    assert page.locator("img.psm-svg-map").count() == 0
    page.goto("/zona?profile=7")
    wait_for_app_ready(page, timeout=TIMEOUT)
    assert static_map_paths(page) == 11 + 40  # the zones and the zone's 40 comuni
    assert page.get_by_test_id("stDataFrame").count() == 0
    comuni = page.get_by_role("region", name="40 comuni (17 con zona dedotta)")
    assert comuni.get_by_role("row").count() == 41  # the header and the 40 comuni
    assert not page_log.page_errors
