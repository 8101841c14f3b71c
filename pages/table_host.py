"""Tavolo (`/tavolo?evento=CODE&tavolo=N`): the table host's page, at phone size.

A volunteer hosts a thematic table without the facilitator's password: the table's PIN signs this session in.
Then: open and close the table's needs, and write the table's verbale. Thin: components/events/tavoli.py.
"""

import streamlit as st

from components import state
from components.events.access import explain, get_store
from components.events.participation import md
from components.events.tavoli import TABLE_PARAM, get_tables, host_page, host_signed_in, live_tables
from components.filters import render_language
from components.i18n import t
from psm_data.events.errors import EventError
from psm_data.events.store import normalise_code

render_language(st.container(horizontal_alignment="right"))
code = normalise_code(st.query_params.get("evento", ""))
raw_table = st.query_params.get(TABLE_PARAM, "")
table_no = int(raw_table) if raw_table.isdigit() and len(raw_table) <= 3 else 0
state.page_param("evento", code or None)
state.page_param(TABLE_PARAM, str(table_no) if table_no else None)
store = get_store()
get_tables()
try:
    event = store.find_event(code) if code else None
except EventError as err:
    st.error(explain(err), icon=":material/cloud_off:")
    st.stop()
table = live_tables(code).table(table_no) if event else None
if event is None or table is None:
    st.title(t("nav_table_host"))
    st.error(t("th_table_missing") if event else t("err_event_not_found", event_code=code or "—"),
             icon=":material/search_off:")
    st.stop()

st.title(md(t("th_title", n=table.table_no, name=table.name)))
st.caption(md(event.title))
if not host_signed_in(event.code, table.table_no):
    st.stop()
host_page(event, table)
