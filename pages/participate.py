"""Partecipa (`/partecipa?evento=CODE`): a phone in the hall validates the event's needs and proposes new ones.

No account and no name; an anonymous cookie finds the answers again after a reload. Thin: the event comes from
the URL, everything else from components/events/participation.py. The phone's component (components/events/) keeps
what is not stored yet on the phone and redraws the page when the room changes.
"""

import streamlit as st

from components import state
from components.events.access import device_token, event_agenda, explain, get_store
from components.events.participation import (
    answered_count,
    current_need,
    event_header,
    join_form,
    last_agenda,
    load_my_answers,
    need_card,
    page_version,
    pending_count,
    profile_form,
    progress,
    proposal_form,
    remember_agenda,
    retry_pending,
    sync_component,
)
from components.events.tavoli import table_choice
from components.filters import render_language
from components.i18n import format_date, t, tn
from psm_data.events.errors import EventError
from psm_data.events.store import normalise_code

EVENT = "evento"

render_language(st.container(horizontal_alignment="right"))
phone_slot = st.container()  # the phone's component: "3 di 8", the offline notice; filled at the end of the run
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

token, persistent = device_token()
sync = {"version": "", "needs": set(), "follow": True, "answered": 0}
try:
    store = get_store()
    try:
        event, agenda = event_agenda(code)  # shared by the hall's phones for a second: no query per page run
        remember_agenda(event, agenda)
    except EventError as err:
        event, agenda = last_agenda(code)  # this session's last copy: the cards stay, their items wait
        if event is None:
            st.error(explain(err), icon=":material/cloud_off:")
            if pending_count():
                st.warning(tn("ph_pending_count", pending_count()), icon=":material/cloud_sync:")
            st.button(t("p_refresh"), icon=":material/refresh:", key="p_refresh_error")
            st.stop()
    if event is None:
        sync["follow"] = False
        st.error(t("err_event_not_found", event_code=code), icon=":material/search_off:")
        join_form()
        st.stop()
    sync["version"] = page_version(event, agenda)
    sync["needs"] = {item.need_id for item in agenda}
    event_header(event)
    if event.online_open and not event.is_open:  # the online window: every need open from anywhere
        st.info(t("p_online_window", until=format_date(event.online_until)), icon=":material/public:")
    elif event.status != "open":
        st.info(t("p_event_closed") if event.status == "closed" else t("p_event_not_started"),
                icon=":material/info:")
        st.stop()

    if not persistent:
        st.warning(t("p_no_cookie"), icon=":material/cookie_off:")
    retry_pending(event.code, token)  # what this session kept, while anything waits (the phone asks for runs)
    if not load_my_answers(store, event, token):
        st.button(t("p_refresh"), icon=":material/refresh:", key="p_refresh_error")
        st.stop()
    st.markdown(t("p_how"))
    profile_form(store, event, token)
    agenda = table_choice(event, token, agenda)  # with thematic tables: this table's needs, then the plenary's

    open_items = sum(item.status == "open" for item in agenda)
    st.header(t("p_needs_header", open=open_items, total=len(agenda)))
    st.button(t("p_refresh"), icon=":material/refresh:", help=t("p_refresh_help"), key="p_refresh",
              on_click=event_agenda.clear)  # the phone follows the room by itself; this reads it right now
    progress()
    sync["answered"] = answered_count(agenda)
    try:
        now_on = current_need(event.code)
    except EventError:
        now_on = None
    positions = {item.need_id: n for n, item in enumerate(agenda, start=1)}
    ordered = sorted(agenda, key=lambda item: item.need_id != now_on)  # the room's current need first
    for item in ordered:
        need_card(event.code, token, item.need_id, positions[item.need_id], len(agenda), item.need_id == now_on)

    proposal_form(event, token, [item.need_id for item in agenda])
    st.divider()
    st.caption(t("p_privacy"))
finally:
    with phone_slot:
        sync_component(code, token, str(sync["version"]), set(sync["needs"]), follow=bool(sync["follow"]),
                       answered=int(sync["answered"]))
