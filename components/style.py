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
