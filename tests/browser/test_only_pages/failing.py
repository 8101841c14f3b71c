"""A page that fails on purpose (served only with PSM_TEST_PAGES=1): the visitor must see the friendly message,
never this exception's type, message or traceback."""

import streamlit as st

st.title("Test")
st.write("Before the failure.")
raise RuntimeError("deliberate failure SECRET-DETAIL-4711 in a test-only page")
