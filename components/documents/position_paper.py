"""The *Documento di sintesi* page's UI: choose the events, preview the outline, build and download.

Zones and axis come from the sidebar's what-if filter (one zone filter in the app). The build runs in this
session's script thread with a progress bar (about 3 s for 3 events, 300 participants and 200 texts: `make
bench-paper`); it holds no lock, so other sessions are served meanwhile. The files are kept in this session only:
they are a snapshot of the database at the time of the build, rebuilt on request.
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import state
from components.data_access import report
from components.events.access import _schema_current, _store
from components.i18n import format_decimal, t
from components.tables import show_table
from psm_data import Dataset
from psm_data.documents import EventInputs, PaperFiles, PaperOptions, build_document, build_paper, gather
from psm_data.documents.gather import not_counted
from psm_data.events.db import database_url
from psm_data.events.store import Event, EventStore
from psm_data.scenario import Scenario

EVENTS_KEY = "eventi"
_FILES = "_paper_files"


@dataclass(frozen=True)
class PaperChoice:
    events: tuple[Event, ...]
    options: PaperOptions


def paper_store() -> EventStore | None:
    """The app's one store, or None when the database cannot be used (the paper then gives the report only)."""
    url = database_url()
    try:
        return _store(url) if _schema_current(url) else None
    except Exception:  # noqa: BLE001 - any driver error: the report-only paper still works
        _schema_current.clear()
        return None


def choose(data: Dataset, store: EventStore | None, zones: tuple[str, ...], axis_id: str | None, lang: str,
           scenario: Scenario) -> PaperChoice:
    """The event picker (bound to `?eventi=`), the scope line and the scenario checkbox."""
    events = tuple(store.events()) if store is not None else ()
    if store is None:
        st.info(t("pp_no_store"), icon=":material/cloud_off:")
    left_out = not_counted(store) if store is not None else {}
    codes = tuple(e.code for e in events)
    default = [c for c in codes if c not in left_out]
    first = EVENTS_KEY not in st.session_state
    state.seed_from_url(EVENTS_KEY, codes, multi=True)
    if first and not st.query_params.get_all(EVENTS_KEY):
        st.session_state[EVENTS_KEY] = default
    st.session_state[EVENTS_KEY] = [c for c in st.session_state[EVENTS_KEY] if c in codes]  # an event may be gone
    by_code = {e.code: e for e in events}
    flags = {code: t(f"pp_event_{reason}") for code, reason in left_out.items()}

    def label(code: str) -> str:
        event = by_code[code]
        label = f"{code} · {event.event_date} · {event.title}"
        return label + (f" ({flags[code]})" if code in flags else "")

    _events_table(store, events, flags)
    chosen = st.multiselect(t("pp_events"), codes, key=EVENTS_KEY, format_func=label, help=t("pp_events_help"),
                            placeholder=t("pp_events_placeholder"))
    state.page_param(EVENTS_KEY, list(chosen) if list(chosen) != default else None)
    names = dict(zip(data.zones["zone_id"], data.zones["name"], strict=True))
    st.caption(t("pp_scope", zones=", ".join(f"{z} {names[z]}" for z in zones) if zones else t("pp_all_zones"),
                 axis=axis_id or t("pp_all_axes")))
    include = False
    if len(scenario):
        include = st.checkbox(t("pp_scenario", n=len(scenario)), key="pp_scenario")
    options = PaperOptions(event_codes=tuple(chosen), axis_ids=(axis_id,) if axis_id else (), zone_ids=zones,
                           lang=lang, scenario=scenario if include else None)
    return PaperChoice(tuple(by_code[c] for c in chosen), options)


def _events_table(store: EventStore | None, events: tuple[Event, ...], flags: dict[str, str]) -> None:
    """The events in the database, with their participants and whether 'all' counts them (a rehearsal or an
    archived event can still be chosen by hand)."""
    frame = pd.DataFrame({
        "code": [e.code for e in events], "event_date": [e.event_date for e in events],
        "title": [e.title for e in events], "place": [e.place for e in events],
        "participants": [store.participant_count(e.code) if store is not None else 0 for e in events],
        "note": [flags.get(e.code, "") for e in events]},
        columns=["code", "event_date", "title", "place", "participants", "note"])
    st.header(t("pp_events_table"))
    show_table(frame, key="pp_events_table", file_name="psm_eventi_documento.csv", labels={
        "code": t("pp_col_code"), "event_date": t("pp_col_date"), "title": t("pp_col_title"),
        "place": t("pp_col_place"), "participants": t("pp_col_participants"), "note": t("pp_col_note")})


def outline_preview(data: Dataset, store: EventStore | None, choice: PaperChoice) -> None:
    """The headings the document will have (the content without rendering: a few tens of ms)."""
    inputs = gather(store, choice.options.event_codes) if store is not None else EventInputs.empty()
    document = build_document(data, inputs, choice.options, report=report())
    outline = document.outline()
    with st.expander(t("pp_outline")):
        st.caption(t("pp_outline_caption", sections=sum(1 for level, _ in outline if level == 1),
                     tables=len(document.tables())))
        lines = [f"{'  ' * (level - 1)}- {html.escape(text)}" for level, text in outline if level <= 2]
        st.markdown("\n".join(lines).replace("*", "\\*").replace("_", "\\_"))


def build_and_download(data: Dataset, store: EventStore | None, choice: PaperChoice) -> None:
    """The build button with its progress bar, then the three downloads (kept for this session)."""
    signature = repr(choice.options)
    if st.button(t("pp_build"), type="primary", icon=":material/description:"):
        bar = st.progress(0.0, text=t("pp_step_read"))
        started = time.perf_counter()
        files = build_paper(data, store, choice.options, report=report(),
                            progress=lambda step, total, label: bar.progress(step / total, text=t(f"pp_step_{label}")))
        st.session_state[_FILES] = (signature, files, time.perf_counter() - started)
        bar.empty()
    found = st.session_state.get(_FILES)
    if found is None:
        return
    built_for, files, seconds = found
    files: PaperFiles
    if built_for != signature:
        st.warning(t("pp_stale"), icon=":material/update:")
    events = ", ".join(e.code for e in choice.events) if built_for == signature else ""
    st.success(t("pp_ready", seconds=format_decimal(seconds, 1), events=events or t("pp_ready_none")),
               icon=":material/check_circle:")
    columns = st.columns(3)
    columns[0].download_button(t("pp_download_docx"), files.docx, file_name=files.file_name("docx"),
                               mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               on_click="ignore", icon=":material/download:", key="pp_docx")
    columns[1].download_button(t("pp_download_pdf"), files.pdf, file_name=files.file_name("pdf"),
                               mime="application/pdf", on_click="ignore", icon=":material/download:", key="pp_pdf")
    columns[2].download_button(t("pp_download_zip"), files.figures_zip, file_name=files.file_name("zip"),
                               mime="application/zip", on_click="ignore", icon=":material/download:", key="pp_zip")
