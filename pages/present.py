"""Presentazione (`/presenta?evento=CODE&step=N`): the projector view of a listening event."""

import streamlit as st

from components.i18n import t

st.title(t("nav_present"))
