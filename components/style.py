"""Page styling: larger type for projectors, the same look on every page, and the accessibility fixes that
Streamlit's defaults need (text contrast, the page's language, skip links, a sidebar that collapses on phones)."""

from __future__ import annotations

import html

import streamlit as st

from components import state
from components.i18n import current_language, t
from components.palette import MUTED_TEXT

PROJECTOR = state.PROJECTOR

_BASE_CSS = f"""
<style>
  /* Legible from the back of a room: bigger base type and metric values. */
  html {{ font-size: 17px; }}
  [data-testid="stMetricValue"] {{ font-size: 2.4rem; }}
  /* Room for the zone names, only while the sidebar is open: as a min-width on the collapsed sidebar it kept a
     ~40 px strip over the left edge of every page on phones (Streamlit collapses it by shifting it left). */
  [data-testid="stSidebar"][data-collapsed="false"] {{ min-width: 20rem; }}
  /* Streamlit fades captions and quotes to 60 % opacity: 3.4–3.9:1, under WCAG AA's 4.5:1. A solid grey instead. */
  [data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"] blockquote {{
    color: {MUTED_TEXT}; opacity: 1; }}
  /* Skip links: out of sight until a keyboard user tabs to them. */
  .psm-skip {{ position: absolute; left: -10000px; }}
  .psm-skip:focus {{ position: static; display: inline-block; padding: 0.2rem 0.5rem; outline: 3px solid;
                    background: #ffffff; }}
  /* A page's subtitle: a paragraph set large (as an h4 it made the heading levels jump from h1 to h4). */
  .psm-subtitle {{ font-size: 1.45rem; font-weight: 600; line-height: 1.35; margin: 0; }}
  /* Elements that only carry a script or an anchor take no room. */
  .stElementContainer:has(.psm-no-room) {{ margin: 0; height: 0; min-height: 0; overflow: hidden; }}
</style>
"""
_PROJECTOR_CSS = """
<style>
  html { font-size: 21px; }
  [data-testid="stMetricValue"] { font-size: 3rem; }
  h1 { font-size: 2.6rem !important; }
</style>
"""
# Streamlit serves <html lang="en"> whatever the content; screen readers pick their voice from it.
_LANG_SCRIPT = '<span class="psm-no-room"></span><script>document.documentElement.lang = "{lang}";</script>'


def apply_style() -> None:
    """Base CSS, plus the projector mode (bigger type) when the sidebar toggle or `?proj=1` asks for it; and
    the page's language declared as the one the interface is in."""
    state.seed_from_url(PROJECTOR, ("1",), default=False)
    st.session_state[PROJECTOR] = st.session_state[PROJECTOR] in (True, "1")
    st.sidebar.toggle(t("projector_mode"), key=PROJECTOR, help=t("projector_help"))
    st.html(_BASE_CSS + (_PROJECTOR_CSS if st.session_state.get(PROJECTOR) else ""))
    # A constant script with one of two fixed values, never user text: safe to run.
    st.sidebar.html(_LANG_SCRIPT.format(lang=current_language()), unsafe_allow_javascript=True)


def subtitle(text: str) -> None:
    """A subtitle under the page title: large type, but a paragraph, so the outline has no h1 → h4 jump."""
    st.html(f'<p class="psm-subtitle">{html.escape(text)}</p>')
