"""STAND-IN participant and presenter pages for the load test, until pages/participate.py lands in main.

The shape the lead's pages will have (see the brief of the load test): `/partecipa?evento=CODE` with a first
screen (selectbox `p_zone`, selectbox `p_role`, button `p_start`), then one `st.fragment` per need on the agenda
with a radio `ans_<NEED>` (the answer codes, shown with their labels), a ★ toggle `star_<NEED>`, a comment
`com_<NEED>` and a save button `save_<NEED>`; storing happens on save. `/presenta?evento=CODE` shows the live
number of people who answered each need in an `st.fragment(run_every=2)` reading one shared aggregate.
The pages are cheap on purpose (nothing loaded per run); they run inside the real app.py (its sidebar, filters and
navigation, next to the explorer pages), as the real participant page will, so the explorer sessions of the load
test and the phones share one server and a full run costs what app.py's frame costs.
"""

import csv
import dataclasses
import os
import runpy
from pathlib import Path

import streamlit as st
from standin_store import Store

import components.navigation as nav
from components import state
from psm_data.events.vocabulary import ANSWER_LABELS_IT, ANSWERS, ROLE_LABELS_IT, ROLES

REPO = Path(__file__).resolve().parents[2]
NEEDS_CSV = REPO / "psm_data" / "needs.csv"
REFRESH_S = float(os.environ.get("PSM_PRESENTER_REFRESH_S", "2"))


@st.cache_resource
def store() -> Store:
    return Store(os.environ["PSM_DB_URL"])


@st.cache_resource
def need_titles() -> dict[str, str]:
    with open(NEEDS_CSV, encoding="utf-8") as f:
        return {row["need_id"]: row["title"] for row in csv.DictReader(f)}


@st.cache_data(ttl=1.0, show_spinner=False)
def event(code: str) -> dict | None:
    return store().event(code)


@st.cache_data(ttl=1.0, show_spinner=False)
def voters(code: str) -> dict[str, int]:
    return store().voters(code)


def participate() -> None:
    code = st.query_params.get("evento", "")
    state.page_param("evento", code)  # app.py rewrites the URL from the declared parameters
    ev = event(code)
    if ev is None:
        st.error("Evento non trovato: controlla il codice.")
        return
    token = st.context.cookies.get("psm_device")
    if not token:
        st.error("Il browser non ha accettato il cookie del dispositivo: ricarica la pagina.")
        return
    ss = st.session_state
    if not ss.get("joined"):
        st.title("Partecipa")
        st.selectbox("Zona (facoltativa)", [""] + [str(z) for z in range(1, 12)], key="p_zone")
        st.selectbox("Ruolo (facoltativo)", ("",) + ROLES, key="p_role",
                     format_func=lambda r: ROLE_LABELS_IT.get(r, "—"))
        if st.button("Inizia", key="p_start", type="primary"):
            ss.joined = True
            st.rerun()
        return
    titles = need_titles()
    for need_id, _status in ev["agenda"]:
        need_item(code, ev["salt"], token, need_id, titles.get(need_id, need_id))


@st.fragment
def need_item(code: str, salt: str, token: str, need_id: str, title: str) -> None:
    st.markdown(f"**{need_id}** {title}")
    answer = st.radio("Risposta", ANSWERS, key=f"ans_{need_id}", index=None, horizontal=True,
                      format_func=ANSWER_LABELS_IT.__getitem__, label_visibility="collapsed")
    star = st.toggle("★ priorità", key=f"star_{need_id}")
    comment = st.text_input("Commento (facoltativo)", key=f"com_{need_id}", max_chars=500)
    if st.button("Salva", key=f"save_{need_id}"):
        outcome = store().save_answer(code, salt, token, need_id, answer, star, comment.strip())
        if outcome == "closed":
            st.warning("Questo punto non è aperto.")
        else:
            st.success("Salvato")


def present() -> None:
    code = st.query_params.get("evento", "")
    state.page_param("evento", code)
    ev = event(code)
    if ev is None:
        st.error("Evento non trovato.")
        return
    st.title(f"Evento {code}")

    @st.fragment(run_every=REFRESH_S)
    def live() -> None:
        counts = voters(code)
        for need_id, status in event(code)["agenda"]:
            st.markdown(f"{need_id} · {status} · risposte: {counts.get(need_id, 0)}")

    live()


# The real app with two more pages. Page files become absolute paths: st.Page and st.page_link resolve relative
# paths against the main script's folder, which is this one.
nav.PAGES = tuple(dataclasses.replace(p, file=str(REPO / p.file)) for p in nav.PAGES)
nav.BY_KEY = {p.key: p for p in nav.PAGES}
_real_build_pages = nav.__dict__.setdefault("_real_build_pages", nav.build_pages)  # once per process


def _build_pages() -> list[st.Page]:
    return [*_real_build_pages(), st.Page(participate, title="Partecipa", url_path="partecipa"),
            st.Page(present, title="Presenta", url_path="presenta")]


nav.build_pages = _build_pages
runpy.run_path(str(REPO / "app.py"), run_name="__main__")
