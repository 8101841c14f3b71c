"""The thematic tables' screens: the facilitator's tables view, the table host's page, the phone's choice of a
table and the projector's report-back slide.

Storage and rules are in psm_data/events/tavoli.py. Everything a person sees as saved is read back from the
database; writes drop the shared aggregates (`refresh_tables`), so every screen shows the change within one
refresh interval. Hosts' and participants' words are shown as text (escaped), never as markup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import streamlit as st

from components import state as url_state
from components.data_access import get_dataset
from components.events.access import LIVE_TTL_S, _store, explain, live_event, refresh_live
from components.events.facilitation import _AUTH as FACILITATOR_SIGNED_IN
from components.events.participation import _STORED_FOR as ANSWERS_LOADED
from components.events.participation import md, need_texts
from components.events.public_url import address_notice, join_url
from components.events.qr import qr_svg
from components.i18n import format_time, t, tn
from psm_data.events import paper
from psm_data.events.db import database_url
from psm_data.events.errors import EventError
from psm_data.events.store import AgendaItem, Event, EventStore
from psm_data.events.tables import NOTE_KINDS
from psm_data.events.tavoli import (
    HOST_MAX,
    NAME_MAX,
    NOTE_MAX,
    PIN_DIGITS,
    Note,
    TableInfo,
    TableStore,
    suggested_needs,
    wants_suggestion,
)
from psm_data.events.tavoli import export_files as table_export_files
from psm_data.events.vocabulary import ANSWERS, MIN_VOTERS
from psm_data.palette import ANSWER_COLORS

TABLE_PARAM = "tavolo"
_PINS = "_t_pins"  # (code, table) -> PIN shown to the facilitator in this session (only its hash is stored)
_HOSTS = "_t_hosts"  # (code, table) signed in as host in this session


@st.cache_resource(show_spinner=False)
def _tables(url: str) -> TableStore:
    data = get_dataset()
    return TableStore(_store(url), dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True)))


def get_tables() -> TableStore:
    """The tables' store (one per process: its PIN limiter is shared by every session)."""
    return _tables(database_url())


@dataclass(frozen=True)
class LiveTables:
    """What every screen of an event's tables shares for one interval."""

    tables: tuple[TableInfo, ...]
    seats: dict[int, int]
    notes: tuple[Note, ...]

    def table(self, table_no: int) -> TableInfo | None:
        return next((t for t in self.tables if t.table_no == table_no), None)

    def of(self, need_id: str) -> TableInfo | None:
        return next((t for t in self.tables if need_id in t.need_ids), None)


@st.cache_data(ttl=LIVE_TTL_S, show_spinner=False, max_entries=64)
def live_tables(code: str) -> LiveTables:
    """One set of queries per event and interval, however many phones, hosts and screens look."""
    tables = get_tables()
    try:
        return LiveTables(tuple(tables.tables(code)), tables.seat_counts(code), tuple(tables.notes(code)))
    except EventError:
        return LiveTables((), {}, ())


def refresh_tables() -> None:
    live_tables.clear()
    refresh_live()


def _act(func, *args, **kwargs) -> None:  # noqa: ANN001 - any store method
    """A button's action: refusals become a message on the next run, never a traceback."""
    try:
        func(*args, **kwargs)
    except EventError as err:
        st.session_state["_t_error"] = explain(err)
    refresh_tables()


def _show_error() -> None:
    if message := st.session_state.pop("_t_error", None):
        st.error(message, icon=":material/error:")


def table_label(table: TableInfo) -> str:
    return t("tv_table_label", n=table.table_no, name=table.name)


def _titles() -> dict[str, str]:
    return {n: v.title for n, v in need_texts().items()}


# ---------------------------------------------------------------------------------------------- facilitator
def tables_view(store: EventStore, event: Event) -> None:
    """The facilitator's tables: make them, give hosts their PIN and link, follow every table live, export."""
    _show_error()
    st.caption(t("tv_intro"))
    address_notice("t_public_address")
    tables_progress(event.code)
    _create_table_form(store, event)
    live = live_tables(event.code)
    for table in live.tables:
        _table_admin(event, table, [n for n in live.notes if n.table_no == table.table_no])
    if live.tables:
        st.header(t("tv_exports"))
        st.caption(t("tv_exports_help"))
        try:
            files = table_export_files(get_tables(), event.code, event)
        except EventError as err:
            st.error(explain(err))
            return
        for name, payload in files.items():
            st.download_button(name, data=payload, file_name=name, mime="text/csv", key=f"t_dl_{name}",
                               icon=":material/download:", on_click="ignore")


def _create_table_form(store: EventStore, event: Event) -> None:
    data = get_dataset()
    axes = dict(zip(data.axes["axis_id"], data.axes["name"], strict=True))
    titles = _titles()
    agenda = [i.need_id for i in store.agenda(event.code)]
    taken = {n for table in live_tables(event.code).tables for n in table.need_ids}
    free = [n for n in agenda if n not in taken]
    axis_of = need_axes()
    free_axes = list(dict.fromkeys(axis_of[n] for n in free))
    axis_labels = {a: f"{a} · {axes[a]}" for a in free_axes}
    need_labels = {n: f"{n} · {titles[n][:60]}" for n in free}
    with st.expander(t("tv_create"), expanded=bool(free), icon=":material/add:"):
        if not free:
            st.info(t("tv_all_needs_taken"), icon=":material/done_all:")
            return
        with st.form(f"t_create_{event.code}", clear_on_submit=True):
            name = st.text_input(t("tv_name"), max_chars=NAME_MAX, key="t_new_name")
            host = st.text_input(t("tv_host"), max_chars=HOST_MAX, key="t_new_host", help=t("tv_host_help"))
            axis = st.selectbox(t("tv_by_axis"), tuple(axis_labels), index=None, key="t_new_axis",
                                format_func=axis_labels.__getitem__, placeholder=t("tv_by_axis_none"))
            picked = st.multiselect(t("tv_by_hand"), tuple(need_labels), key="t_new_needs",
                                    format_func=need_labels.__getitem__, placeholder=t("choose_options"),
                                    help=t("tv_by_hand_help"))
            submitted = st.form_submit_button(t("tv_create_button"), type="primary", icon=":material/add:")
    if not submitted:
        return
    try:
        table, pin = get_tables().create_table(event.code, name=name, host_name=host,
                                               axis_id=None if picked else axis, need_ids=picked)
    except EventError as err:
        st.error(explain(err), icon=":material/error:")
        return
    st.session_state.setdefault(_PINS, {})[(event.code, table.table_no)] = pin
    refresh_tables()
    st.toast(tn("tv_created", len(table.need_ids), name=table.name), icon=":material/check:")
    st.rerun()


@st.cache_resource(show_spinner=False)
def need_axes() -> dict[str, str]:
    data = get_dataset()
    return dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True))


def _reset_pin(code: str, table_no: int) -> None:
    try:
        st.session_state.setdefault(_PINS, {})[(code, table_no)] = get_tables().reset_pin(code, table_no)
    except EventError as err:
        st.session_state["_t_error"] = explain(err)


def _table_admin(event: Event, table: TableInfo, notes: list[Note]) -> None:
    """One table for the facilitator: needs, host, PIN (shown in this session only), the host's and phones' links,
    and the verbale's points with no need of the report, each with the matcher's suggestion."""
    with st.container(border=True, key=f"t_admin_{table.table_no}"):
        st.subheader(md(table_label(table)))
        host = t("tv_host_is", name=md(table.host_name)) if table.host_name else t("tv_host_none")
        st.markdown(f"{host} · {t('tv_needs_list', needs=', '.join(table.need_ids))}")
        pin = st.session_state.get(_PINS, {}).get((event.code, table.table_no))
        cols = st.columns([3, 2], vertical_alignment="center")
        with cols[0]:
            if pin:
                st.markdown(t("tv_pin_is", pin=pin))
                st.caption(t("tv_pin_once"))
            st.button(t("tv_new_pin"), key=f"t_pin_{table.table_no}", icon=":material/key:",
                      on_click=_reset_pin, args=(event.code, table.table_no))
            st.page_link("pages/table_host.py", label=t("tv_host_link"), icon=":material/edit_note:",
                         query_params={"evento": event.code, TABLE_PARAM: str(table.table_no)})
            st.caption(t("tv_host_link_help", path=f"/tavolo?evento={event.code}&tavolo={table.table_no}"))
        with cols[1]:
            url = join_url(event.code, table.table_no)
            st.html(qr_svg(url, label=t("tv_qr_label", n=table.table_no, url=url), scale=4))
            st.caption(url)
        paper_template = paper.template(list(table.need_ids), sheets=1)
        st.download_button(t("tv_paper_template"), data=paper_template, key=f"t_paper_{table.table_no}",
                           file_name=f"psm_evento_{event.code}_tavolo_{table.table_no}_modello_cartaceo.csv",
                           mime="text/csv", icon=":material/description:", on_click="ignore")
        unmatched = [n for n in notes if wants_suggestion(n)]
        if unmatched:
            st.markdown(f"**{t('vs_heading')}**")
            suggested = suggested_needs(unmatched)
            for note in unmatched:
                st.markdown(f"{t('note_' + note.kind)}: {md(note.body)}")
                suggestion_caption(suggested.get(note.note_id, ()))


def suggestion_caption(needs: tuple[str, ...]) -> None:
    """The matcher's top needs for a verbale point, read-only and labelled as computed (never the host's choice)."""
    if not needs:
        st.caption(t("vs_none"))
        return
    titles = _titles()
    st.caption(t("vs_suggested", needs=" · ".join(f"{n} {md(titles.get(n, ''))}".strip() for n in needs)))


@st.fragment(run_every=5)
def tables_progress(code: str) -> None:
    """Every table at a glance, live: phones seated, needs open and closed, answers, points in the verbale."""
    live = live_tables(code)
    event = live_event(code)
    if not live.tables or event is None:
        return
    status = {i.need_id: i.status for i in event.agenda}
    voters = dict(zip(event.results["need_id"], event.results["voters"], strict=True))
    rows = []
    for table in live.tables:
        states = [status.get(n, "pending") for n in table.need_ids]
        rows.append({
            t("tv_col_table"): table_label(table),
            t("tv_col_phones"): live.seats.get(table.table_no, 0),
            t("tv_col_open"): sum(s == "open" for s in states),
            t("tv_col_closed"): f"{sum(s == 'closed' for s in states)} / {len(states)}",
            t("tv_col_answers"): int(sum(voters.get(n, 0) for n in table.need_ids)),
            t("tv_col_points"): sum(n.table_no == table.table_no for n in live.notes),
        })
    st.subheader(t("tv_progress"))
    st.dataframe(pd.DataFrame(rows), hide_index=True)
    st.caption(t("tv_progress_help"))


# ---------------------------------------------------------------------------------------------- the table host
def host_signed_in(code: str, table_no: int) -> bool:
    """The table's PIN was given in this session (or the facilitator is signed in here)."""
    if (code, table_no) in st.session_state.get(_HOSTS, set()) or st.session_state.get(FACILITATOR_SIGNED_IN):
        return True
    st.caption(t("th_pin_intro"))
    with st.form("t_host_login"):
        pin = st.text_input(t("th_pin"), type="password", max_chars=PIN_DIGITS + 4, key="t_host_pin")
        submitted = st.form_submit_button(t("th_login"), type="primary", width="stretch")
    if submitted:
        try:
            ok = get_tables().check_pin(code, table_no, pin)
        except EventError as err:
            st.warning(explain(err), icon=":material/timer:")
            return False
        if ok:
            st.session_state.setdefault(_HOSTS, set()).add((code, table_no))
            st.rerun()
        st.error(t("th_pin_wrong"), icon=":material/lock:")
    return False


def host_page(event: Event, table: TableInfo) -> None:
    """The host runs the table: open and close its needs, and write the verbale while the table talks."""
    _show_error()
    st.caption(t("th_intro"))
    host_needs(event.code, table.table_no)
    verbale_editor(event.code, table)


@st.fragment(run_every=5)
def host_needs(code: str, table_no: int) -> None:
    live = live_event(code)
    table = live_tables(code).table(table_no)
    if live is None or table is None:
        return
    _show_error()
    status = {i.need_id: i.status for i in live.agenda}
    voters = dict(zip(live.results["need_id"], live.results["voters"], strict=True))
    titles = _titles()
    tables = get_tables()
    st.header(t("th_needs"))
    st.caption(tn("th_phones", live_tables(code).seats.get(table_no, 0)))
    for need_id in table.need_ids:
        with st.container(border=True, key=f"th_need_{need_id.replace('.', '_')}"):
            st.markdown(f"**{need_id}** — {md(titles[need_id])}")
            state = status.get(need_id, "pending")
            cols = st.columns([3, 2], vertical_alignment="center")
            cols[0].markdown(f"{t('item_' + state)} · {tn('f_voters', int(voters.get(need_id, 0)))}")
            if state == "open":
                cols[1].button(t("f_close_item"), key=f"th_close_{need_id}", icon=":material/lock:",
                               on_click=_act, args=(tables.set_table_items, code, table_no, need_id, "closed"),
                               width="stretch")
            else:
                cols[1].button(t("f_open_item") if state == "pending" else t("f_reopen_item"),
                               key=f"th_open_{need_id}", icon=":material/lock_open:", type="primary",
                               on_click=_act, args=(tables.set_table_items, code, table_no, need_id, "open"),
                               width="stretch")


def _note_keys(note_id: int | str) -> tuple[str, str, str, str]:
    return (f"vb_kind_{note_id}", f"vb_need_{note_id}", f"vb_axis_{note_id}", f"vb_body_{note_id}")


def _save_note(code: str, table_no: int, note_id: int | None) -> None:
    """Store the point as it is now in its fields, then read it back: what the host sees saved is the database's."""
    kind_key, need_key, axis_key, body_key = _note_keys(note_id if note_id is not None else "new")
    state = st.session_state
    kind = state.get(kind_key) or "key_point"
    need = state.get(need_key) or None
    try:
        saved = get_tables().save_note(code, table_no, kind=kind, body=state.get(body_key) or "",
                                       need_id=None if need == "new" else need, axis_id=state.get(axis_key),
                                       note_id=note_id)
    except EventError as err:
        state.setdefault("_vb_status", {})[note_id or "new"] = ("error", explain(err))
        return
    stored = get_tables().note(code, saved.note_id)  # read back
    stamp = format_time(stored.updated_at, seconds=True) if isinstance(stored.updated_at, datetime) else ""
    state.setdefault("_vb_status", {})[stored.note_id] = ("ok", t("th_saved", time=stamp, revision=stored.revision))
    if note_id is None:  # the new point's fields start empty again; the point shows in the list
        state[body_key] = ""
        state.setdefault("_vb_status", {}).pop("new", None)
    refresh_tables()


def _delete_note(code: str, table_no: int, note_id: int) -> None:
    _act(get_tables().delete_note, code, table_no, note_id)
    for key in _note_keys(note_id):
        st.session_state.pop(key, None)


def _note_fields(table: TableInfo, note_id: int | str, note: Note | None, code: str) -> None:
    """Kind, need (or new need with its axis) and text of one point; saved on every change and by the button."""
    data = get_dataset()
    axes = dict(zip(data.axes["axis_id"], data.axes["name"], strict=True))
    kind_key, need_key, axis_key, body_key = _note_keys(note_id)
    state = st.session_state
    if note is not None and body_key not in state:  # first look at this point in this session: the database's
        state[kind_key] = note.kind
        state[need_key] = note.need_id or ("new" if note.kind == "new_need" else "")
        state[axis_key] = note.axis_id
        state[body_key] = note.body
    kind_labels = {k: t("note_" + k) for k in NOTE_KINDS}
    need_labels = {"": t("th_need_none"), **{n: n for n in table.need_ids}}
    axis_labels = {a: f"{a} · {axes[a]}" for a in data.axis_ids}
    target = note.note_id if note is not None else None
    args = (code, table.table_no, target)
    on_change = _save_note if note is not None else None
    cols = st.columns(2)
    cols[0].selectbox(t("th_kind"), NOTE_KINDS, key=kind_key, format_func=kind_labels.__getitem__,
                      on_change=on_change, args=args)
    if state.get(kind_key) == "new_need":
        cols[1].selectbox(t("th_axis"), tuple(axis_labels), key=axis_key, index=None,
                          format_func=axis_labels.__getitem__, placeholder=t("choose_option"),
                          on_change=on_change, args=args)
    else:
        cols[1].selectbox(t("th_need"), tuple(need_labels), key=need_key, format_func=need_labels.__getitem__,
                          on_change=on_change, args=args)
    st.text_area(t("th_text"), key=body_key, max_chars=NOTE_MAX, height=90, on_change=on_change, args=args,
                 placeholder=t("th_text_placeholder"))


def verbale_editor(code: str, table: TableInfo) -> None:
    """The table's verbale: each point saved as typed (on leaving the field, and with Salva), with its history."""
    st.header(t("th_verbale"))
    st.caption(t("th_verbale_help"))
    tables = get_tables()
    try:
        notes = tables.notes(code, table.table_no)
    except EventError as err:
        st.error(explain(err))
        return
    statuses = st.session_state.get("_vb_status", {})
    suggested = suggested_needs([n for n in notes if wants_suggestion(n)])  # cached per set of texts
    for note in notes:
        with st.container(border=True, key=f"vb_note_{note.note_id}"):
            _note_fields(table, note.note_id, note, code)
            if wants_suggestion(note):
                suggestion_caption(suggested.get(note.note_id, ()))
            cols = st.columns(2)
            cols[0].button(t("th_save"), key=f"vb_save_{note.note_id}", icon=":material/save:", type="primary",
                           on_click=_save_note, args=(code, table.table_no, note.note_id), width="stretch")
            cols[1].button(t("th_delete"), key=f"vb_del_{note.note_id}", icon=":material/delete:",
                           on_click=_delete_note, args=(code, table.table_no, note.note_id), width="stretch")
            kind, text = statuses.get(note.note_id, ("ok", t("th_saved_at", revision=note.revision)))
            (st.caption if kind == "ok" else st.error)(text)
            if note.revision > 1:
                with st.expander(tn("th_history", note.revision)):
                    history = tables.note_history(code, note.note_id)
                    for row in history.itertuples():
                        deleted = f" ({t('th_deleted')})" if row.deleted else ""
                        st.markdown(f"**v{row.revision}** · {t('note_' + row.kind)}{deleted}: {md(row.body)}")
    with st.container(border=True, key="vb_new"):
        st.subheader(t("th_new_point"))
        _note_fields(table, "new", None, code)
        st.button(t("th_add"), key="vb_add", icon=":material/add:", type="primary", width="stretch",
                  on_click=_save_note, args=(code, table.table_no, None))
        kind, text = statuses.get("new", ("", ""))
        if kind == "error":
            st.error(text)


# ---------------------------------------------------------------------------------------------- phones
def _sit(code: str, token: str) -> None:
    """The phone sits at the chosen table. Streamlit forgets the answers of cards it did not draw (the previous
    table's): the next run copies the stored answers into the cards again, so a table visited again shows them."""
    chosen = st.session_state.get("p_table")
    st.session_state.pop(ANSWERS_LOADED, None)
    if chosen:
        try:
            get_tables().sit(code, token, int(chosen))
        except EventError as err:
            st.session_state["_t_error"] = explain(err)
        live_tables.clear()


def table_choice(event: Event, token: str, agenda: tuple[AgendaItem, ...] | list[AgendaItem]) -> list[AgendaItem]:
    """The phone's table: chosen here (or from the table's own QR, `?tavolo=N`), stored, changeable; returns the
    needs this phone sees, its table's first, then the plenary's (needs at no table). No tables: the agenda."""
    live = live_tables(event.code)
    url_state.known_param(TABLE_PARAM)  # a table's QR on an event without tables is no unknown parameter
    if not live.tables:
        return list(agenda)
    state = st.session_state
    asked = st.query_params.get(TABLE_PARAM, "")
    numbers = [str(tb.table_no) for tb in live.tables]
    if "p_table" not in state:
        try:
            seated = get_tables().seat(event.code, token)
        except EventError:
            seated = None
        state["p_table"] = asked if asked in numbers else (str(seated) if seated else None)
        if asked in numbers and str(seated) != asked:
            _sit(event.code, token)
    labels = {str(tb.table_no): table_label(tb) for tb in live.tables}
    _show_error()
    st.selectbox(t("p_table"), numbers, key="p_table", index=None, format_func=labels.__getitem__,
                 placeholder=t("p_table_placeholder"), on_change=_sit, args=(event.code, token),
                 help=t("p_table_help"))
    chosen = live.table(int(state["p_table"])) if state.get("p_table") in numbers else None
    url_state.page_param(TABLE_PARAM, state["p_table"] if chosen else None)  # the address says the table
    plenary = [i for i in agenda if live.of(i.need_id) is None]
    if chosen is None:
        st.info(t("p_table_choose_first"), icon=":material/table_restaurant:")
        return plenary
    mine = [i for i in agenda if i.need_id in chosen.need_ids]
    return mine + plenary


# ---------------------------------------------------------------------------------------------- projector
@st.fragment(run_every=LIVE_TTL_S)
def report_back_slide(code: str, table_no: int) -> None:
    """A table reports back to the plenary: each need's results (closed needs only: no bandwagon) and its verbale."""
    live = live_event(code)
    table = live_tables(code).table(table_no)
    if live is None or table is None:
        return
    st.header(md(t("pr_report_back", n=table.table_no, name=table.name)))
    host = t("pr_report_back_host", name=table.host_name) if table.host_name else ""
    st.caption(md(" · ".join(p for p in (host, t("pr_report_back_sources")) if p)))
    results = live.results.set_index("need_id")
    status = {i.need_id: i.status for i in live.agenda}
    left, right = st.columns([1, 1], gap="medium")
    with left:
        st.html(table_results_html(table, results, status))
    with right:
        notes = [n for n in live_tables(code).notes if n.table_no == table_no]
        st.html(verbale_html(notes))


VERBALE_BUDGET = 520  # characters of the verbale a report-back slide holds at 1280×720 (the rest: the export)
REPORT_BACK_NEEDS = 5  # closed needs a report-back shows (the rest are in the table's results CSV)


def table_results_html(table: TableInfo, results: pd.DataFrame, status: dict[str, str]) -> str:
    """Each closed need of the table in two short lines: a thin bar of its answers, and agreement, answers, ★ and
    the reading; needs not closed yet are named on one line (their results stay hidden: no bandwagon)."""
    closed = [n for n in table.need_ids if status.get(n) == "closed"]
    rows = []
    for need_id in closed[:REPORT_BACK_NEEDS]:
        row = results.loc[need_id]
        voters = int(row["voters"])
        bar = "".join(
            f'<span style="flex:{int(row["n_" + a])};background:{ANSWER_COLORS[a][0]}"></span>'
            for a in ANSWERS if int(row["n_" + a]))
        agreement = "—" if pd.isna(row["agreement"]) else f"{float(row['agreement']) * 100:.0f}%"
        line = t("pr_report_back_line", agreement=agreement, voters=tn("n_answers", voters), stars=int(row["stars"]),
                 label=t("label_" + str(row["label"]), min=MIN_VOTERS))
        rows.append(f'<p style="margin:0.25em 0 0 0"><b>{html.escape(need_id)}</b> {html.escape(line)}</p>'
                    f'<div aria-hidden="true" style="display:flex;gap:2px;height:0.45em;border-radius:3px;'
                    f'overflow:hidden;background:#f0f2f6">{bar}</div>')
    if len(closed) > REPORT_BACK_NEEDS:
        more = tn("pr_report_back_more_needs", len(closed) - REPORT_BACK_NEEDS)
        rows.append(f'<p style="margin:0.25em 0 0 0">{html.escape(more)}</p>')
    waiting = [n for n in table.need_ids if status.get(n) != "closed"]
    if waiting:
        rows.append(f'<p style="margin:0.4em 0 0 0;color:#4a4f5c">'
                    f'{html.escape(t("pr_report_back_not_closed", needs=", ".join(waiting)))}</p>')
    return f'<div class="psm-fit" style="font-size:0.66em">{"".join(rows)}</div>'


def verbale_html(notes: list[Note]) -> str:
    """The verbale grouped by kind, each point with its need (or new need's axis); all text escaped."""
    if not notes:
        return f'<p style="font-size:0.7em">{html.escape(t("pr_report_back_no_notes"))}</p>'
    blocks, budget, left_out = [], VERBALE_BUDGET, 0
    for kind in NOTE_KINDS:
        chosen = []
        for note in (n for n in notes if n.kind == kind):
            cost = min(len(note.body), 110) + 40
            if cost > budget:  # no room left on the slide: counted, and in the exported verbale
                left_out += 1
                continue
            budget -= cost
            chosen.append(note)
        if not chosen:
            continue
        items = "".join(
            f'<li><span style="color:#4a4f5c">{html.escape(_about(n))}</span> {html.escape(_cut(n.body, 110))}</li>'
            for n in chosen)
        blocks.append(f'<p style="font-weight:700;margin:0.2em 0 0 0">{html.escape(t("notes_" + kind))}</p>'
                      f'<ul style="margin:0;padding-left:1em;line-height:1.2">{items}</ul>')
    if left_out:
        blocks.append(f'<p style="color:#4a4f5c;margin:0.2em 0 0 0">'
                      f'{html.escape(tn("pr_report_back_more", left_out))}</p>')
    return f'<div class="psm-fit" style="font-size:0.66em">{"".join(blocks)}</div>'


def _about(note: Note) -> str:
    if note.kind == "new_need":
        return t("axis_short", id=note.axis_id or "")
    return note.need_id or t("pr_report_back_general")


def _cut(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
