"""Presentazione (`/presenta?evento=CODE&step=N`): the projector view of a listening event.

Full screen (no sidebar or Streamlit chrome), type sized for the back of a hall; the step lives in the URL, so a
reload or a second screen shows the same slide. ← → on the keyboard (or the buttons) move between slides.
Facilitator password required. Thin: the slides are in components/events/presenter.py.
"""

import streamlit as st

from components import state
from components.events.access import get_store, live_event
from components.events.facilitation import signed_in
from components.events.presenter import (
    closing,
    need_slide,
    opening,
    rehearsal_badge,
    report_for_zones,
    slides_for,
    wall,
)
from components.events.tavoli import live_tables, report_back_slide
from components.i18n import t
from psm_data.events.store import normalise_code

STEP = "step"

if not signed_in():
    st.stop()
get_store()  # a clear message if the database is not usable
code = normalise_code(st.query_params.get("evento", ""))
live = live_event(code) if code else None
if live is None:
    st.error(t("err_event_not_found", event_code=code or "—"), icon=":material/search_off:")
    st.page_link("pages/facilitate.py", label=t("nav_facilitate"), icon=":material/how_to_vote:")
    st.stop()
state.page_param("evento", code)
rehearsal_badge(live.event)
slides = slides_for([item.need_id for item in live.agenda],
                    {table.table_no: table.need_ids for table in live_tables(code).tables})
state.seed_from_url(STEP, tuple(str(i) for i in range(1, len(slides) + 1)), default="1")
step = min(max(int(st.session_state[STEP]), 1), len(slides))


def go(delta: int) -> None:
    st.session_state[STEP] = str(min(max(step + delta, 1), len(slides)))


slide = slides[step - 1]
if slide.kind == "opening":
    opening(live.event)
elif slide.kind == "report":
    report_for_zones(live.event)
elif slide.kind == "need":
    plenary = [s.need_id for s in slides if s.kind == "need"]
    need_slide(code, slide.need_id, plenary.index(slide.need_id) + 1, len(plenary))
elif slide.kind == "table":
    report_back_slide(code, slide.table_no)
elif slide.kind == "wall":
    wall(code)
else:
    closing(code)

with st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center",
                  key="pr_controls"):
    st.button(t("pr_back"), icon=":material/arrow_back:", key="pr_back", on_click=go, args=(-1,),
              disabled=step == 1, shortcut="Left")
    st.markdown(t("pr_step", n=step, total=len(slides)))
    st.button(t("pr_next"), icon=":material/arrow_forward:", key="pr_next", on_click=go, args=(1,),
              disabled=step == len(slides), shortcut="Right", type="primary")
state.page_param(STEP, str(step) if step > 1 else None)
