"""The app's pages in one place: file, URL path, title, icon, and who the page is for (app.py builds the frame
around each page from its audience).

Audiences: `explorer` (planners: the shared sidebar with the what-if filters), `participant` (a phone in a hall:
no sidebar, nothing but the event), `facilitator` (password-protected event pages), `presenter` (the projector:
no Streamlit chrome). Hidden pages are reached by URL (QR code, links), not from the menu.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

import streamlit as st

from components.i18n import t
from components.state import current_params

Audience = Literal["explorer", "participant", "facilitator", "presenter"]


@dataclass(frozen=True)
class PageInfo:
    key: str
    file: str
    url_path: str
    title_key: str
    icon: str
    audience: Audience = "explorer"
    visible: bool = True


PAGES: tuple[PageInfo, ...] = (
    PageInfo("overview", "pages/overview.py", "panoramica", "nav_overview", ":material/dashboard:"),
    PageInfo("map", "pages/project_map.py", "mappa", "nav_map", ":material/map:"),
    PageInfo("coverage", "pages/coverage.py", "copertura", "nav_coverage", ":material/grid_on:"),
    PageInfo("needs", "pages/needs_themes.py", "esigenze", "nav_needs", ":material/forum:"),
    PageInfo("zone", "pages/zone_profile.py", "zona", "nav_zone", ":material/location_on:"),
    PageInfo("guidance", "pages/guidance_sources.py", "fonti", "nav_guidance", ":material/menu_book:"),
    PageInfo("participation", "pages/participation.py", "partecipazione", "nav_participation", ":material/groups:"),
    PageInfo("paper", "pages/position_paper.py", "sintesi", "nav_paper", ":material/description:"),
    PageInfo("facilitate", "pages/facilitate.py", "facilitatore", "nav_facilitate", ":material/how_to_vote:",
             audience="facilitator"),
    PageInfo("participate", "pages/participate.py", "partecipa", "nav_participate", ":material/smartphone:",
             audience="participant", visible=False),
    PageInfo("present", "pages/present.py", "presenta", "nav_present", ":material/present_to_all:",
             audience="presenter", visible=False),
    PageInfo("public", "pages/public.py", "percorso", "nav_public", ":material/campaign:", audience="participant",
             visible=False),
    PageInfo("table_host", "pages/table_host.py", "tavolo", "nav_table_host", ":material/table_restaurant:",
             audience="participant", visible=False),
)
BY_KEY = {p.key: p for p in PAGES}

#: Pages that exist only on a test server started with PSM_TEST_PAGES=1 (tests/browser/test_hardening_e2e.py):
#: one fails on purpose (the friendly error, no traceback), one feeds hostile text to every HTML writer.
TEST_PAGES: tuple[PageInfo, ...] = (
    PageInfo("test_failing", "tests/browser/test_only_pages/failing.py", "test-failing", "nav_test_failing",
             ":material/bug_report:"),
    PageInfo("test_markup", "tests/browser/test_only_pages/markup.py", "test-markup", "nav_test_markup",
             ":material/code:"),
)
BY_URL = {p.url_path: p for p in PAGES + TEST_PAGES}


def build_pages() -> list[st.Page]:
    """st.navigation's input: one flat list (sections would put Streamlit's headings inside the menu's <ul>, which
    screen readers and axe reject); hidden pages are reached by URL only. Test-only pages with PSM_TEST_PAGES=1."""
    pages = PAGES + (TEST_PAGES if os.environ.get("PSM_TEST_PAGES") == "1" else ())
    return [st.Page(p.file, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=i == 0,
                    visibility="visible" if p.visible else "hidden")
            for i, p in enumerate(pages)]


def page_info(page: st.Page) -> PageInfo:
    """Which of our pages st.navigation picked (the default page has an empty url_path)."""
    return BY_URL.get(page.url_path) or PAGES[0]


def link_to(page_key: str, label: str, *, icon: str | None = None, **page_params: str) -> None:
    """A link to another page that carries the global filters (and any page parameters) along."""
    info = BY_KEY[page_key]
    params = {**current_params(include_page=False), **page_params}
    st.page_link(info.file, label=label, icon=icon or info.icon, query_params=params)
