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
  [data-testid="stSidebar"] { min-width: 20rem; }
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
  html { font-size: 28px; }
  .block-container, [data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1.2rem 2.4rem 1rem; }
</style>
"""


def apply_event_style(audience: str) -> None:
    """The frame of the event pages that are not the explorer: the phone and the projector."""
    st.html(_PRESENTER_CSS if audience == "presenter" else _PARTICIPANT_CSS)
