"""Il percorso (`/percorso`): the public page of the listening process, no password. Thin: see
components/events/public_view.py."""

import streamlit as st

from components.events.public_view import public_page
from components.filters import render_language

render_language(st.container(horizontal_alignment="right"))
public_page()
