"""WCAG 2.1 AA, keyboard and phone size, on every page of components.navigation.PAGES, in a real chromium.

- axe-core (WCAG 2.1 A/AA rules): 0 critical and 0 serious violations on every page at desktop (1400×1000) and
  phone (360×740) size, in Italian and in English with the projector mode (larger type);
- the page's language is declared (`<html lang>`), heading levels never skip;
- at phone size: nothing covers the content, nothing sticks out past the right edge (wide tables scroll inside
  their own box), the page never scrolls sideways, and the sidebar's filters open and close;
- keyboard only: Tab reaches every control of the page and the sidebar, focus is visible on each kind of control,
  and a map can be skipped in one keystroke.

A new page in PAGES joins every test here by itself; a page that needs URL parameters, setup or a password gets an
entry in `tests/browser/a11y.py::VISITS`.
"""

from __future__ import annotations

import pytest

from components.navigation import PAGES
from tests.browser.a11y import (
    DESKTOP,
    PHONE,
    VISITS,
    Visit,
    axe_violations,
    blocking,
    describe,
    focus_is_visible,
    focus_walk,
    heading_problems,
    layout_problems,
    mark_controls,
    open_page,
    wait_for_maps,
)
from tests.browser.harness import screenshot, wait_for_app_ready

# Each page is loaded once per language, then audited at both sizes (Streamlit re-lays out the page and collapses or
# opens the sidebar as the window narrows or widens, as it does on a rotating tablet): every size × language, the
# projector mode in English, with two page loads per page.
LANGUAGES = {"it": (DESKTOP, False), "en-projector": (PHONE, True)}
PAGE_IDS = [p.key for p in PAGES]


def skip_if_not_ready(key: str) -> None:
    reason = VISITS.get(key, Visit()).skip
    if reason:
        pytest.skip(reason)


def audit(page, key: str, lang: str) -> None:
    """axe, declared language and headings at the current size; at phone size the layout too."""
    size = "phone" if page.viewport_size == PHONE else "desktop"
    assert page.evaluate("() => document.documentElement.lang") == lang
    violations = blocking(axe_violations(page))
    assert not violations, f"{size}:\n{describe(violations)}"
    assert not heading_problems(page)
    if size == "phone" and VISITS.get(key, Visit()).phone_layout:
        assert not layout_problems(page)
        screenshot(page, f"phone_{key}_{lang}")


def resize(page, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    page.wait_for_function(f"() => document.documentElement.clientWidth === {viewport['width']}")
    page.wait_for_timeout(500)  # the sidebar's slide and the maps' re-layout
    wait_for_maps(page)


@pytest.mark.parametrize("variant", LANGUAGES)
@pytest.mark.parametrize("info", PAGES, ids=PAGE_IDS)
def test_wcag_aa_language_headings_and_phone_layout(page, app_server, info, variant):
    skip_if_not_ready(info.key)
    first, projector = LANGUAGES[variant]
    lang = variant[:2]
    page.set_viewport_size(first)
    open_page(page, info, base_url=app_server, lang=lang, projector=projector)
    audit(page, info.key, lang)
    resize(page, DESKTOP if first == PHONE else PHONE)
    audit(page, info.key, lang)


def test_phone_sidebar_opens_with_the_filters_and_closes(page, app_server):
    page.set_viewport_size(PHONE)
    open_page(page, PAGES[0], base_url=app_server)
    sidebar = page.get_by_test_id("stSidebar")
    assert sidebar.bounding_box()["x"] + sidebar.bounding_box()["width"] <= 0  # collapsed: fully off screen
    page.get_by_test_id("stExpandSidebarButton").click()
    page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().left >= 0")
    page.wait_for_timeout(400)  # the slide-in transition
    zones = sidebar.get_by_test_id("stMultiSelect").first
    box = zones.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    assert not blocking(axe_violations(page)), "the open sidebar passes axe too"
    page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().right <= 0")
    assert not layout_problems(page)


@pytest.mark.parametrize("info", PAGES, ids=PAGE_IDS)
def test_keyboard_reaches_every_control_with_visible_focus(page, app_server, info):
    skip_if_not_ready(info.key)
    page.set_viewport_size(DESKTOP)
    open_page(page, info, base_url=app_server)
    controls = mark_controls(page)
    checked: dict[tuple[str, str, str], bool] = {}

    def check_focus(stop: dict) -> None:
        kind = (stop["tag"], stop["role"], stop["testid"])
        if kind not in checked and stop["tag"] != "iframe":  # inside a map, Leaflet draws its own focus ring
            checked[kind] = focus_is_visible(page)

    stops = focus_walk(page, max_steps=2 * len(controls) + 40, on_stop=check_focus)
    reached = {s["id"] for s in stops}
    missed = [c for c in controls if c["id"] not in reached]
    assert not missed, f"{len(missed)} of {len(controls)} controls never get keyboard focus: {missed[:8]}"
    invisible = [kind for kind, visible in checked.items() if not visible]
    assert not invisible, f"no visible focus on: {invisible}"
    if page.locator("iframe[title='streamlit_folium.st_folium']").count():
        check_map_skip_link(page)


def test_language_switch_works_from_the_keyboard(page):
    """The IT/EN switch is a radio group: one Tab stop, the arrow keys move to the other language, Space picks it."""
    page.goto("/")
    wait_for_app_ready(page)
    page.get_by_test_id("stSidebar").get_by_role("radio", name="IT").focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "EN"
    page.keyboard.press("Space")
    page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=30_000)
    wait_for_app_ready(page)
    assert "lang=en" in page.url


def check_map_skip_link(page) -> None:
    """Tab reaches a 'skip the map' link, visible while focused; Enter on it and Tab lands past the map."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('psm-skip')"):
            break
    else:
        pytest.fail("Tab never reaches the 'skip the map' link")
    box = page.locator(".psm-skip").first.bounding_box()
    assert box["x"] >= 0, "the skip link is on screen while focused"
    assert box["width"] > 20
    page.keyboard.press("Enter")
    page.wait_for_function("() => (document.activeElement.id || '').startsWith('psm-after-')")
    page.keyboard.press("Tab")
    after_map = page.evaluate("""() => {
      const map = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
      const el = document.activeElement;
      return el !== map && !!(map.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    assert after_map, "after the skip link, Tab lands past the map"


