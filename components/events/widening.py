"""The facilitator's *Online e pubblico* view: the online window (set, clear, who answered per day and zone) and
the event's publication on the public page. Everything shown is read back from the store."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from components.data_access import get_dataset
from components.events.access import explain, refresh_live
from components.events.public_url import join_url
from components.i18n import format_date, t
from psm_data.documents.invitation import poster_pdf, web_text
from psm_data.events.errors import EventError
from psm_data.events.store import Event, EventStore, today
from psm_data.events.turnout import NO_ZONE, per_day


def _act(func, *args) -> None:  # noqa: ANN001 - a store method
    try:
        func(*args)
    except EventError as err:
        st.session_state["_w_error"] = explain(err)
    refresh_live()


def _set_window(store: EventStore, code: str) -> None:
    _act(store.set_online_window, code, st.session_state.get("w_from"), st.session_state.get("w_until"))


def window_status(event: Event) -> str:
    if not event.online_until:
        return t("w_online_none")
    if event.online_open:
        return t("w_online_running", until=format_date(event.online_until))
    if event.results_hidden:
        return t("w_online_planned", start=format_date(event.online_from), until=format_date(event.online_until))
    return t("w_online_over", until=format_date(event.online_until))


def online_window(store: EventStore, event: Event) -> None:
    st.header(t("w_online_header"))
    st.caption(t("w_online_help"))
    (st.success if event.online_open else st.info)(window_status(event), icon=":material/public:")
    start = date.fromisoformat(event.online_from) if event.online_from else today()
    until = date.fromisoformat(event.online_until) if event.online_until else today() + timedelta(days=14)
    cols = st.columns(2)
    cols[0].date_input(t("w_online_from"), value=start, key="w_from", format="DD/MM/YYYY")
    cols[1].date_input(t("w_online_until"), value=until, key="w_until", format="DD/MM/YYYY")
    buttons = st.columns(2)
    buttons[0].button(t("w_online_set"), key="w_set", type="primary", icon=":material/public:",
                      on_click=_set_window, args=(store, event.code))
    if event.online_until:
        buttons[1].button(t("w_online_clear"), key="w_clear", icon=":material/public_off:",
                          on_click=_act, args=(store.set_online_window, event.code, None, None))
    if event.online_from:
        online_turnout(store, event)


def online_turnout(store: EventStore, event: Event) -> None:
    """Online participants per day and per declared zone, while the window runs (and after)."""
    people = store.participants_frame([event.code])
    online = people[people["origin"] == "online"]
    if online.empty:
        st.caption(t("w_online_nobody"))
        return
    cols = st.columns(2)
    days = per_day(online)[["day", "online"]]
    days["day"] = days["day"].map(format_date)
    cols[0].subheader(t("w_online_days"))
    cols[0].dataframe(days.rename(columns={"day": t("w_day"), "online": t("w_participants")}), hide_index=True)
    names = dict(zip(get_dataset().zones["zone_id"].astype(str), get_dataset().zones["name"], strict=True))
    zones = online["zone_id"].fillna(NO_ZONE).astype(str).value_counts()
    table = pd.DataFrame({t("w_zone"): [f"{z} · {names[z]}" if z in names else t("w_no_zone") for z in zones.index],
                          t("w_participants"): zones.to_numpy()})
    cols[1].subheader(t("w_online_zones"))
    cols[1].dataframe(table, hide_index=True)


def publication(store: EventStore, event: Event) -> None:
    st.header(t("w_publish_header"))
    st.caption(t("w_publish_help"))
    st.caption(t("w_published") if event.published else t("w_not_published"))
    st.button(t("w_unpublish") if event.published else t("w_publish"), key="w_publish_toggle",
              icon=":material/visibility_off:" if event.published else ":material/visibility:",
              on_click=_act, args=(store.set_published, event.code, not event.published))


def invitations(store: EventStore, event: Event) -> None:
    """The poster (A4 PDF) and the text for a comune's website, made on click from the stored event."""
    st.header(t("w_invite_header"))
    data = get_dataset()
    args = {"join_url": join_url(event.code),
            "zone_names": dict(zip(data.zones["zone_id"].astype(str), data.zones["name"], strict=True)),
            "axis_names": dict(zip(data.axes["axis_id"], data.axes["name"], strict=True)),
            "need_ids": [i.need_id for i in store.agenda(event.code)],
            "need_axis": dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True))}
    cols = st.columns(2)
    cols[0].download_button(t("w_invite_poster"), data=lambda: poster_pdf(event, **args),
                            file_name=f"locandina_{event.code}.pdf", mime="application/pdf",
                            icon=":material/picture_as_pdf:", key="w_poster", on_click="ignore")
    text = web_text(event, **args)
    cols[1].download_button(t("w_invite_text"), data=text.encode("utf-8"), file_name=f"invito_{event.code}.txt",
                            mime="text/plain", icon=":material/description:", key="w_text", on_click="ignore")
    st.code(text, language=None, wrap_lines=True)


def widen(store: EventStore, event: Event) -> None:
    """The view: invitations, the online window, then publication."""
    if message := st.session_state.pop("_w_error", None):
        st.error(message, icon=":material/error:")
    invitations(store, event)
    st.divider()
    online_window(store, event)
    st.divider()
    publication(store, event)
