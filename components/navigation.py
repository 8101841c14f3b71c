"""The app's pages in one place: file, URL path, title, icon, and who the page is for (app.py builds the frame
around each page from its audience).

Audiences: `explorer` (planners: the shared sidebar with the what-if filters), `participant` (a phone in a hall:
no sidebar, nothing but the event), `facilitator` (password-protected event pages), `presenter` (the projector:
no Streamlit chrome). Hidden pages are reached by URL (QR code, links), not from the menu.
"""

from __future__ import annotations

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
    PageInfo("facilitate", "pages/facilitate.py", "facilitatore", "nav_facilitate", ":material/how_to_vote:",
             audience="facilitator"),
    PageInfo("participate", "pages/participate.py", "partecipa", "nav_participate", ":material/smartphone:",
             audience="participant", visible=False),
    PageInfo("present", "pages/present.py", "presenta", "nav_present", ":material/present_to_all:",
             audience="presenter", visible=False),
)
BY_KEY = {p.key: p for p in PAGES}
BY_URL = {p.url_path: p for p in PAGES}
SECTIONS = {"explorer": "nav_section_explore", "facilitator": "nav_section_events",
            "participant": "nav_section_events", "presenter": "nav_section_events"}


def build_pages() -> dict[str, list[st.Page]]:
    """st.navigation's input: the explorer pages, then the listening-event pages, each under its heading."""
    sections: dict[str, list[st.Page]] = {}
    for i, p in enumerate(PAGES):
        page = st.Page(p.file, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=i == 0,
                       visibility="visible" if p.visible else "hidden")
        sections.setdefault(t(SECTIONS[p.audience]), []).append(page)
    return sections


def page_info(page: st.Page) -> PageInfo:
    """Which of our pages st.navigation picked (the default page has an empty url_path)."""
    return BY_URL.get(page.url_path) or PAGES[0]


def link_to(page_key: str, label: str, *, icon: str | None = None, **page_params: str) -> None:
    """A link to another page that carries the global filters (and any page parameters) along."""
    info = BY_KEY[page_key]
    params = {**current_params(include_page=False), **page_params}
    st.page_link(info.file, label=label, icon=icon or info.icon, query_params=params)
