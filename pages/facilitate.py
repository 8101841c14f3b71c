"""Facilitatore (`/facilitatore`): create, fix and run listening events, moderate, set outcomes, export, import
paper; rehearsals, archive, delete.

Password-protected (components/events/facilitation.py `signed_in`). Thin: pick the event and the view, call components.
"""

import streamlit as st

from components import state
from components.events.access import get_store
from components.events.facilitation import (
    conduct,
    create_event_form,
    event_badges,
    exports_and_paper,
    manage,
    moderation,
    outcomes,
    pending_view,
    pick_event,
    show_deleted,
    signed_in,
)
from components.events.tavoli import tables_view
from components.events.widening import widen
from components.i18n import t

VIEWS = ("conduci", "tavoli", "modera", "esiti", "esporta", "diffondi", "gestisci", "nuovo")
VIEW = "vista"

if not signed_in():
    st.stop()
store = get_store()
st.title(t("f_title_page"))
st.caption(t("f_intro"))
show_deleted()
event = pick_event(store)
state.seed_from_url(VIEW, VIEWS, default="conduci" if event else "nuovo")
pending_view(VIEW)
labels = {v: t(f"f_view_{v}") for v in VIEWS}
view = st.segmented_control(t("f_view"), VIEWS, key=VIEW, format_func=labels.__getitem__, required=True)
state.page_param("evento", event.code if event else None)
state.page_param(VIEW, view if view != "conduci" else None)

if event is not None and view != "nuovo":
    event_badges(event)
if view == "nuovo" or event is None:
    create_event_form(store)
elif view == "gestisci":
    manage(store, event)
elif view == "conduci":
    conduct(store, event)
elif view == "tavoli":
    tables_view(store, event)
elif view == "modera":
    moderation(store, event)
elif view == "esiti":
    outcomes(store, event)
elif view == "diffondi":
    widen(store, event)
else:
    exports_and_paper(store, event)
