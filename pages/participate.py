"""Partecipa (`/partecipa?evento=CODE`): a phone in the hall validates the event's needs and proposes new ones.

No account and no name; an anonymous cookie finds the answers again after a reload. Thin: the event comes from
the URL, everything else from components/participation.py.
"""

import streamlit as st

from components import state
from components.events.tavoli import table_choice
from components.events.widening import format_day
from components.events_access import device_token, event_agenda, explain, get_store
from components.filters import render_language
from components.i18n import t
from components.participation import (
    event_header,
    join_form,
    load_my_answers,
    need_card,
    profile_form,
    proposal_form,
    retry_pending,
)
from psm_data.events.errors import EventError
from psm_data.events.store import normalise_code

EVENT = "evento"

render_language(st.container(horizontal_alignment="right"))
raw_code = st.query_params.get(EVENT, "")
code = normalise_code(raw_code)
state.page_param(EVENT, code or None)
if not code:
    if raw_code:
        st.error(t("err_event_not_found", event_code=raw_code[:12]), icon=":material/search_off:")
    st.title(t("p_welcome"))
    st.markdown(t("p_welcome_text"))
    join_form()
    st.stop()

store = get_store()
try:
    event, agenda = event_agenda(code)  # shared by the hall's phones for a second: no query per page run
except EventError as err:
    st.error(explain(err), icon=":material/cloud_off:")
    st.button(t("p_refresh"), icon=":material/refresh:", key="p_refresh_error")
    st.stop()
if event is None:
    st.error(t("err_event_not_found", event_code=code), icon=":material/search_off:")
    join_form()
    st.stop()

event_header(event)
online = event.online_open and not event.is_open
if online:
    st.info(t("p_online_window", until=format_day(event.online_until)), icon=":material/public:")
elif event.status != "open":
    st.info(t("p_event_closed") if event.status == "closed" else t("p_event_not_started"), icon=":material/info:")
    st.button(t("p_refresh"), icon=":material/refresh:", key="p_refresh_closed")
    st.stop()

token, persistent = device_token()
if not persistent:
    st.warning(t("p_no_cookie"), icon=":material/cookie_off:")
load_my_answers(store, event, token)
retry_pending(store, event.code, token)
st.markdown(t("p_how"))
profile_form(store, event, token)

agenda = table_choice(event, token, agenda)  # with thematic tables: this phone's table's needs, then the plenary's
open_items = sum(item.status == "open" for item in agenda)
st.header(t("p_needs_header", open=open_items, total=len(agenda)))
st.button(t("p_refresh"), icon=":material/refresh:", help=t("p_refresh_help"), key="p_refresh",
          on_click=event_agenda.clear)  # asked for: read the agenda now (the next runs share it again)
for position, item in enumerate(agenda, start=1):
    need_card(store, event.code, token, item.need_id, position, len(agenda))

proposal_form(store, event, token, [item.need_id for item in agenda])
st.divider()
st.caption(t("p_privacy"))
