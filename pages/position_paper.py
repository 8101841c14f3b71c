"""Documento di sintesi (`/sintesi`): the position paper draft from the report and the chosen listening events.

Thin: the what-if filter gives zones and axis; components/documents/position_paper.py draws the choice, the outline
preview, the build with its progress bar and the downloads; psm_data/documents/ writes the files.
"""

import streamlit as st

from components.data_access import get_dataset
from components.documents.position_paper import build_and_download, choose, outline_preview, paper_store
from components.filters import current_filters
from components.i18n import t
from components.scenario import current_scenario

data = get_dataset()
filters = current_filters()
st.title(t("nav_paper"))
st.markdown(t("pp_intro"))
store = paper_store()
choice = choose(data, store, filters.zones, filters.axis_id, filters.lang, current_scenario())
outline_preview(data, store, choice)
build_and_download(data, store, choice)
