"""Page styling: larger type for projectors, the same look on every page."""

from __future__ import annotations

import streamlit as st

from components import state
from components.i18n import t

PROJECTOR = state.PROJECTOR

_BASE_CSS = """
<style>
  /* Legible from the back of a room: bigger base type and metric values. */
  html { font-size: 17px; }
  [data-testid="stMetricValue"] { font-size: 2.4rem; }
  /* Wider sidebar on desktops only: on a phone a min-width larger than Streamlit's collapsed offset left a strip of
     the closed sidebar over the page's left edge. */
  @media (min-width: 768px) { [data-testid="stSidebar"] { min-width: 20rem; } }
</style>
"""
_PROJECTOR_CSS = """
<style>
  html { font-size: 21px; }
  [data-testid="stMetricValue"] { font-size: 3rem; }
  h1 { font-size: 2.6rem !important; }
</style>
"""


def apply_style() -> None:
    """Base CSS, plus the projector mode (bigger type) when the sidebar toggle or `?proj=1` asks for it."""
    state.seed_from_url(PROJECTOR, ("1",), default=False)
    st.session_state[PROJECTOR] = st.session_state[PROJECTOR] in (True, "1")
    st.sidebar.toggle(t("projector_mode"), key=PROJECTOR, help=t("projector_help"))
    st.html(_BASE_CSS + (_PROJECTOR_CSS if st.session_state.get(PROJECTOR) else ""))


# The phone page: no sidebar (nothing to filter), roomy touch targets, nothing wider than the screen.
_PARTICIPANT_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] {
    display: none !important; }
  html { font-size: 17px; }
  .block-container, [data-testid="stMainBlockContainer"] { max-width: 44rem; padding: 1rem 0.9rem 4rem; }
  [data-testid="stRadio"] label { padding: 0.35rem 0; min-height: 2.75rem; align-items: center; }
  [data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-primary"],
  [data-testid="stBaseButton-secondaryFormSubmit"], [data-testid="stBaseButton-primaryFormSubmit"] {
    min-height: 2.75rem; }
</style>
"""
# The projector: no sidebar, no header or toolbar; type sized for the back of a hall.
_PRESENTER_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
  /* ≥ 28 px body text at 1280×720, growing with the screen (≈ 38 px at 1920×1080). */
  html { font-size: clamp(28px, 2vw, 44px); }
  .block-container, [data-testid="stMainBlockContainer"] { max-width: 100%; padding: 0.8rem 2rem 0.6rem; }
  [data-testid="stMarkdownContainer"] p, [data-testid="stCaptionContainer"] { font-size: 1rem; }
  h1 { font-size: 1.9rem !important; padding: 0.2rem 0 !important; }
  h2 { font-size: 1.4rem !important; padding: 0.2rem 0 !important; }
  /* Slide controls float bottom-right, so a long slide never pushes them off the screen. */
  .st-key-pr_controls { position: fixed; right: 1rem; bottom: 0.6rem; width: auto !important; z-index: 10;
    background: rgba(255,255,255,0.92); border-radius: 0.5rem; padding: 0.2rem 0.4rem; gap: 0.6rem;
    font-size: 0.7rem; }
  .st-key-pr_controls button { min-height: 2.2rem; }
  .st-key-pr_controls p { font-size: 0.7rem !important; margin: 0; }
  [data-testid="stMainBlockContainer"] { padding-bottom: 3.4rem !important; }
</style>
"""


def apply_event_style(audience: str) -> None:
    """The frame of the event pages that are not the explorer: the phone and the projector."""
    st.html(_PRESENTER_CSS if audience == "presenter" else _PARTICIPANT_CSS)
