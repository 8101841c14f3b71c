"""The facilitator's side of a listening event: sign in, create, fix and run events, moderate, set outcomes, export;
mark rehearsals, archive, delete.

Everything here writes through the one store and then drops the shared live aggregates (`refresh_live`), so the
presenter and every results view show the change within one refresh interval.
"""

from __future__ import annotations

import functools
import math
import time
from datetime import date

import streamlit as st

from components.data_access import get_dataset
from components.events.access import explain, facilitator_password, live_event, refresh_live
from components.events.hall_watch import hall_watch
from components.events.need_links import NeedLinker
from components.events.participation import md, participant_text_html
from components.events.public_url import address_notice, join_url
from components.events.qr import qr_svg
from components.events.results import results_bars_html, results_frame_for_display
from components.i18n import t, tn
from psm_data.events import export_package, exports, paper
from psm_data.events.auth import FACILITATOR_COOKIE, SIGNIN, facilitator_cookie_valid, password_matches
from psm_data.events.errors import EventError
from psm_data.events.store import Event, EventStore, normalise_code
from psm_data.events.vocabulary import OUTCOMES

_AUTH = "_facilitator_ok"
WRONG_PASSWORD_DELAY_S = 1.0  # each wrong password is answered a second late (the lock-outs grow on top)
_GOTO, _GOTO_VIEW = "_f_goto_event", "_f_goto_view"


# ---------------------------------------------------------------------------------------------- sign in
def signed_in() -> bool:
    """True once this session gave the password, or the browser holds the signed facilitator cookie (set by the
    start-up link's one-time code, psm_data/events/device.py). Wrong passwords count on the server's one failure
    counter, per client address and overall, shared with the link (psm_data/events/auth.py)."""
    # A stale `token` in the address (the link's code is taken out by the server's redirect) never stays there.
    if st.query_params.get("token") is not None:
        del st.query_params["token"]
    if st.session_state.get(_AUTH):
        return True
    expected = facilitator_password()
    remembered = st.context.cookies.get(FACILITATOR_COOKIE)
    if isinstance(remembered, str) and facilitator_cookie_valid(remembered, expected, time.time()):
        st.session_state[_AUTH] = True  # this browser signed in earlier (signed cookie)
        return True
    st.title(t("f_login_title"))
    if expected is None:
        st.error(t("s_no_password"), icon=":material/lock:")
        return False
    address = client_address()
    wait = SIGNIN.wait_s(address)
    with st.form("login"):
        given = st.text_input(t("f_password"), type="password", key="f_password")
        submitted = st.form_submit_button(t("f_login"), type="primary", disabled=wait > 0)
    if submitted and wait == 0:
        if password_matches(given, expected):
            SIGNIN.succeeded(address)
            st.session_state[_AUTH] = True
            st.rerun()
        wait = SIGNIN.failed(address)
        time.sleep(WRONG_PASSWORD_DELAY_S)
        if wait == 0:
            st.error(t("s_wrong_password"), icon=":material/lock:")
    if wait > 0:
        st.warning(t("s_locked", seconds=math.ceil(wait)), icon=":material/timer:")
    st.caption(t("s_password_hint"))
    return False


def client_address() -> str | None:
    """This session's client address (None on localhost, which the guard counts as 127.0.0.1)."""
    address = st.context.ip_address
    return address if isinstance(address, str) else None


# ---------------------------------------------------------------------------------------------- events
def event_label(event: Event) -> str:
    """How an event is named to the facilitator: a rehearsal and an archived event say so."""
    tags = [t("ev_rehearsal_tag")] if event.is_rehearsal else []
    tags += [t("ev_archived_tag")] if event.archived else []
    return (f"{event.code} · {event.event_date} · {event.title} ({t('event_' + event.status)})"
            + "".join(f" · {tag}" for tag in tags))


def event_badges(event: Event) -> None:
    """A rehearsal or an archived event is said so on every facilitator view."""
    if event.is_rehearsal:
        st.warning(t("ev_rehearsal_note"), icon=":material/science:")
    if event.archived:
        st.info(t("ev_archived_note"), icon=":material/inventory_2:")


def pick_event(store: EventStore) -> Event | None:
    """The event being run, bound to `?evento=` so a link reopens it."""
    events = store.events()
    codes = [e.code for e in events]
    wanted = normalise_code(st.query_params.get("evento", ""))
    if _GOTO in st.session_state:  # set by the last run (a new event): applied before the widget exists
        st.session_state["f_event"] = st.session_state.pop(_GOTO)
    if "f_event" not in st.session_state or st.session_state["f_event"] not in ("", *codes):
        st.session_state["f_event"] = wanted if wanted in codes else (codes[0] if codes else "")
    labels = {"": t("f_no_event"), **{e.code: event_label(e) for e in events}}
    code = st.selectbox(t("f_event"), tuple(labels), key="f_event", format_func=labels.__getitem__)
    return next((e for e in events if e.code == code), None)


def _agenda_from(chosen_axes: list[str], chosen_needs: list[str]) -> list[str]:
    """The agenda the choices make: the hand-picked needs in order, else those of the chosen axes, else all."""
    needs = get_dataset().needs
    if chosen_needs:
        return list(chosen_needs)
    if chosen_axes:
        return list(needs.loc[needs["axis_id"].isin(chosen_axes), "need_id"])
    return list(needs["need_id"])


def agenda_preview(agenda: list[str]) -> None:
    """The agenda as the room will see it, before anything is saved."""
    titles = dict(zip(get_dataset().needs["need_id"], get_dataset().needs["title"], strict=True))
    with st.expander(t("f_agenda_preview"), expanded=True, icon=":material/list:"):
        st.caption(tn("f_agenda_count", len(agenda)))
        st.markdown("\n".join(f"{i}. **{n}** — {md(titles[n])}" for i, n in enumerate(agenda, start=1)))


def _choices() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    data = get_dataset()
    zones = dict(zip(data.zones["zone_id"], data.zones["name"], strict=True))
    axes = dict(zip(data.axes["axis_id"], data.axes["name"], strict=True))
    titles = dict(zip(data.needs["need_id"], data.needs["title"], strict=True))
    return ({z: f"{z} · {zones[z]}" for z in data.zone_ids}, {a: f"{a} · {axes[a]}" for a in data.axis_ids},
            {n: f"{n} · {titles[n][:70]}" for n in data.needs["need_id"]})


def create_event_form(store: EventStore) -> None:
    """Title, date, place, focus zones and the agenda (all needs, those of chosen axes, or a hand-picked list),
    previewed before the event is created; optionally a rehearsal."""
    zone_labels, axis_labels, need_labels = _choices()
    st.header(t("f_create"))
    title = st.text_input(t("f_title"), max_chars=200, key="f_new_title")
    cols = st.columns(2)
    day = cols[0].date_input(t("f_date"), value=date.today(), key="f_new_date", format="DD/MM/YYYY")
    place = cols[1].text_input(t("f_place"), max_chars=200, key="f_new_place")
    focus = st.multiselect(t("f_zones"), tuple(zone_labels), key="f_new_zones", format_func=zone_labels.__getitem__,
                           placeholder=t("choose_options"))
    chosen_axes = st.multiselect(t("f_agenda_axes"), tuple(axis_labels), key="f_new_axes",
                                 format_func=axis_labels.__getitem__, help=t("f_agenda_axes_help"),
                                 placeholder=t("choose_options"))
    chosen_needs = st.multiselect(t("f_agenda_needs"), tuple(need_labels), key="f_new_needs",
                                  format_func=need_labels.__getitem__, help=t("f_agenda_needs_help"),
                                  placeholder=t("choose_options"))
    agenda = _agenda_from(chosen_axes, chosen_needs)
    if not chosen_axes and not chosen_needs:
        st.caption(t("f_agenda_preview_all"))
    agenda_preview(agenda)
    rehearsal = st.checkbox(t("f_rehearsal"), key="f_new_rehearsal", help=t("f_rehearsal_help"))
    if not st.button(t("f_create_button"), type="primary", key="f_create_go", icon=":material/add:"):
        return
    try:
        event = store.create_event(title=title, event_date=day, place=place, zone_ids=focus, need_ids=agenda,
                                   is_rehearsal=rehearsal)
    except EventError as err:
        st.error(explain(err), icon=":material/error:")
        return
    refresh_live()
    st.session_state[_GOTO] = event.code
    st.session_state[_GOTO_VIEW] = "conduci"
    st.toast(tn("f_created", len(agenda), code=event.code), icon=":material/check:")
    st.rerun()


# ---------------------------------------------------------------------------------------------- prepare, manage
def manage(store: EventStore, event: Event) -> None:
    """Fix the event while in preparation; rehearsal or real; archive; delete with the code typed again."""
    show_action_error()
    if notice := st.session_state.pop("_f_notice", None):
        st.success(notice, icon=":material/check:")
    st.header(t("f_edit_header"))
    if event.editable:
        edit_event_form(store, event)
    else:
        st.info(t("f_edit_locked", status=t("event_" + event.status)), icon=":material/lock:")
    st.subheader(t("f_kind_header"))
    st.caption(t("f_rehearsal_help"))
    st.button(t("f_unmark_rehearsal") if event.is_rehearsal else t("f_mark_rehearsal"), key="f_rehearsal_toggle",
              icon=":material/science:", on_click=_act, args=(store.set_rehearsal, event.code, not event.is_rehearsal))
    st.subheader(t("f_archive_header"))
    st.caption(t("f_archive_help"))
    st.button(t("f_unarchive") if event.archived else t("f_archive"), key="f_archive_toggle",
              icon=":material/inventory_2:", disabled=event.is_open and not event.archived,
              on_click=_act, args=(store.set_archived, event.code, not event.archived))
    st.subheader(t("f_delete_header"))
    held = store.contribution_count(event.code)
    if held and not event.is_rehearsal:
        st.info(t("f_delete_blocked", n=held), icon=":material/block:")
        return
    st.caption(t("f_delete_help", code=event.code))
    if held:
        st.warning(tn("f_delete_will_remove", held), icon=":material/warning:")
    key = f"f_delete_code_{event.code}"
    typed = st.text_input(t("f_delete_confirm"), key=key, max_chars=12)
    st.button(t("f_delete_button"), key="f_delete_go", type="primary", icon=":material/delete_forever:",
              disabled=normalise_code(typed) != event.code, on_click=_delete, args=(store, event.code, key))


def _delete(store: EventStore, code: str, key: str) -> None:
    try:
        store.delete_event(code, confirmation=st.session_state.get(key, ""))
    except EventError as err:
        st.session_state["_f_error"] = explain(err)
        return
    finally:
        refresh_live()
    st.session_state.pop(key, None)
    st.session_state[_GOTO] = ""
    st.session_state[_GOTO_VIEW] = "nuovo"
    st.session_state["_f_deleted"] = t("f_deleted", code=code)


def show_deleted() -> None:
    if notice := st.session_state.pop("_f_deleted", None):
        st.success(notice, icon=":material/delete:")


def edit_event_form(store: EventStore, event: Event) -> None:
    """The same fields as creating, filled with what is stored; the agenda previewed as it will be saved."""
    zone_labels, _axis_labels, need_labels = _choices()
    prefix = f"f_edit_{event.code}_"
    stored = {"title": event.title, "date": date.fromisoformat(event.event_date), "place": event.place,
              "zones": [z for z in event.zone_ids if z in zone_labels],
              "needs": [i.need_id for i in store.agenda(event.code)]}
    for name, value in stored.items():
        st.session_state.setdefault(prefix + name, value)
    title = st.text_input(t("f_title"), max_chars=200, key=prefix + "title")
    cols = st.columns(2)
    day = cols[0].date_input(t("f_date"), key=prefix + "date", format="DD/MM/YYYY")
    place = cols[1].text_input(t("f_place"), max_chars=200, key=prefix + "place")
    focus = st.multiselect(t("f_zones"), tuple(zone_labels), key=prefix + "zones",
                           format_func=zone_labels.__getitem__, placeholder=t("choose_options"))
    needs = st.multiselect(t("f_agenda"), tuple(need_labels), key=prefix + "needs",
                           format_func=need_labels.__getitem__, help=t("f_edit_agenda_help"),
                           placeholder=t("choose_options"))
    agenda_preview(list(needs))
    if not st.button(t("f_edit_save"), type="primary", key="f_edit_save", icon=":material/save:"):
        return
    try:
        store.update_event(event.code, title=title, event_date=day, place=place, zone_ids=focus, need_ids=needs)
    except EventError as err:
        st.error(explain(err), icon=":material/error:")
        return
    refresh_live()
    st.session_state["_f_notice"] = t("f_edit_saved")
    st.rerun()


def pending_view(key: str) -> None:
    """Apply a view change asked by the last run (after creating an event: go and run it)."""
    if _GOTO_VIEW in st.session_state:
        st.session_state[key] = st.session_state.pop(_GOTO_VIEW)


# ---------------------------------------------------------------------------------------------- running
def _act(func, *args, **kwargs) -> None:  # noqa: ANN001 - any store method
    """Run a facilitator action from a button callback; refusals become a message, never a traceback."""
    try:
        func(*args, **kwargs)
    except EventError as err:
        st.session_state["_f_error"] = explain(err)
    refresh_live()


def show_action_error() -> None:
    if message := st.session_state.pop("_f_error", None):
        st.error(message, icon=":material/error:")


def join_panel(event: Event) -> None:
    """The join code, the participant URL and its QR code, as the room will see them."""
    address_notice("f_public_address")
    url = join_url(event.code)
    cols = st.columns([1, 2])
    with cols[0]:
        st.html(qr_svg(url, label=t("qr_label", url=url)))
    with cols[1]:
        st.metric(t("f_join_code"), event.code)
        st.markdown(t("f_join_url"))
        st.code(url, language=None)
        st.page_link("pages/present.py", label=t("f_open_presenter"), icon=":material/present_to_all:",
                     query_params={"evento": event.code})


def conduct(store: EventStore, event: Event) -> None:
    """Open and close the event and each need; live counts refresh by themselves."""
    show_action_error()
    status_cols = st.columns(3)
    status_cols[0].metric(t("f_event_status"), t("event_" + event.status))
    if event.status != "open":
        status_cols[1].button(t("f_open_event"), type="primary", icon=":material/play_arrow:", key="f_open_event",
                              on_click=_act, args=(store.set_event_status, event.code, "open"))
    if event.status != "closed":
        status_cols[2].button(t("f_close_event"), icon=":material/stop:", key="f_close_event",
                              on_click=_act, args=(store.set_event_status, event.code, "closed"))
    join_panel(event)
    st.header(t("f_agenda"))
    bulk = st.columns(2)
    agenda_ids = [i.need_id for i in store.agenda(event.code)]
    bulk[0].button(t("f_open_all"), key="f_open_all", icon=":material/lock_open:",
                   on_click=_act, args=(store.set_item_status, event.code, agenda_ids, "open"))
    bulk[1].button(t("f_close_all"), key="f_close_all", icon=":material/lock:",
                   on_click=_act, args=(store.set_item_status, event.code, agenda_ids, "closed"))
    agenda_live(store, event.code)


@st.fragment(run_every=5)
def agenda_live(store: EventStore, code: str) -> None:
    """One row per need: status, live voters, and the button that opens or closes it."""
    live = live_event(code)
    if live is None:
        return
    titles = dict(zip(get_dataset().needs["need_id"], get_dataset().needs["title"], strict=True))
    st.caption(t("f_live", participants=tn("n_participants", live.participants),
                 pending=tn("n_texts_to_moderate", live.pending_texts)))
    hall_watch(store, code)
    voters = dict(zip(live.results["need_id"], live.results["voters"], strict=True))
    for item in live.agenda:
        cols = st.columns([5, 2, 2], vertical_alignment="center")
        cols[0].markdown(f"**{item.need_id}** — {md(titles[item.need_id])}")
        cols[1].markdown(f"{t('item_' + item.status)} · {tn('f_voters', int(voters.get(item.need_id, 0)))}")
        if item.status == "open":
            cols[2].button(t("f_close_item"), key=f"f_close_{item.need_id}", icon=":material/lock:",
                           on_click=_act, args=(store.set_item_status, code, item.need_id, "closed"))
        else:
            cols[2].button(t("f_open_item") if item.status == "pending" else t("f_reopen_item"),
                           key=f"f_open_{item.need_id}", icon=":material/lock_open:",
                           on_click=_act, args=(store.set_item_status, code, item.need_id, "open"))


# ---------------------------------------------------------------------------------------------- moderation
def moderation(store: EventStore, event: Event) -> None:
    """The queue: every comment and proposal waits here until approved or rejected."""
    show_action_error()
    st.caption(t("p_moderation_rule"))
    texts = store.texts_frame([event.code])
    pending = texts[texts["status"] == "pending"]
    linker = NeedLinker.load(store, event, texts)  # suggested needs, links, near-duplicates (components/events)
    st.header(t("f_queue", n=len(pending)))
    if pending.empty:
        st.info(t("f_queue_empty"), icon=":material/done_all:")
    for row in pending.itertuples():
        with st.container(border=True):
            about = row.need_id if isinstance(row.need_id, str) and row.need_id else t("axis_short", id=row.axis_id)
            st.caption(f"{t('kind_' + row.kind)} · {about}" + (f" · {t('zone_short', id=row.zone_id)}"
                                                               if isinstance(row.zone_id, str) and row.zone_id
                                                               else ""))
            st.html(participant_text_html(str(row.body)))
            cols = st.columns(2)
            # The revision shown here is the one approved: an edit made meanwhile is refused and shown again.
            seen = {"revision": int(row.revision)}
            cols[0].button(t("f_approve"), key=f"f_ok_{row.text_id}", type="primary", icon=":material/check:",
                           on_click=_act, args=(store.moderate, event.code, int(row.text_id), "approved"),
                           kwargs=seen)
            cols[1].button(t("f_reject"), key=f"f_no_{row.text_id}", icon=":material/block:",
                           on_click=_act, args=(store.moderate, event.code, int(row.text_id), "rejected"),
                           kwargs=seen)
            linker.panel(row)
    done = texts[texts["status"] != "pending"]
    if len(done):
        with st.expander(t("f_moderated", n=len(done))):
            for row in done.itertuples():
                cols = st.columns([6, 2])
                cols[0].html(participant_text_html(str(row.body), note=t("moderation_" + row.status)))
                other = "rejected" if row.status == "approved" else "approved"
                cols[1].button(t("f_approve") if other == "approved" else t("f_reject"), key=f"f_flip_{row.text_id}",
                               on_click=_act, args=(store.moderate, event.code, int(row.text_id), other),
                               kwargs={"revision": int(row.revision)})
                linker.panel(row)


# ---------------------------------------------------------------------------------------------- outcomes
def outcomes(store: EventStore, event: Event) -> None:
    """Each need's results beside the facilitator's verdict: validata / da riformulare / respinta / non discussa."""
    show_action_error()
    live = live_event(event.code)
    if live is None:
        return
    titles = dict(zip(get_dataset().needs["need_id"], get_dataset().needs["title"], strict=True))
    results = live.results.set_index("need_id")
    labels = {"": t("outcome_none"), **{o: t("outcome_" + o) for o in OUTCOMES}}
    st.caption(t("participants_data"))
    for item in live.agenda:
        with st.container(border=True):
            st.markdown(f"**{item.need_id}** — {md(titles[item.need_id])}")
            st.html(results_bars_html(results.loc[item.need_id]))
            key = f"f_outcome_{event.code}_{item.need_id}"
            st.session_state.setdefault(key, item.outcome or "")
            st.segmented_control(t("f_outcome"), tuple(labels), key=key, format_func=labels.__getitem__,
                                 on_change=_set_outcome, args=(store, event.code, item.need_id, key))
            outcome_note(store, event.code, item.need_id, item.outcome_note)
    st.header(t("f_results_table"))
    st.dataframe(results_frame_for_display(live.results), hide_index=True)


def _set_outcome(store: EventStore, code: str, need_id: str, key: str) -> None:
    _act(store.set_outcome, code, need_id, st.session_state.get(key) or None)


def outcome_note(store: EventStore, code: str, need_id: str, stored: str) -> None:
    """The reformulation the room agreed, typed by the facilitator; what it says as saved is read back."""
    key = f"f_note_{code}_{need_id}"
    st.session_state.setdefault(key, stored)
    typed = st.text_area(t("f_outcome_note"), key=key, max_chars=500, height=68)
    cols = st.columns([1, 3], vertical_alignment="center")
    cols[0].button(t("f_outcome_note_save"), key=f"f_note_save_{code}_{need_id}", icon=":material/save:",
                   on_click=_save_note, args=(store, code, need_id, key))
    if typed.strip() != stored:
        cols[1].caption(t("f_outcome_note_unsaved"))
    else:
        cols[1].caption(t("f_outcome_note_saved", note=md(stored)) if stored else t("f_outcome_note_none"))


def _save_note(store: EventStore, code: str, need_id: str, key: str) -> None:
    _act(store.set_outcome_note, code, need_id, st.session_state.get(key, ""))


# ---------------------------------------------------------------------------------------------- exports, paper
def paper_problem(problem: paper.Problem) -> str:
    """One problem of a paper file, in the reader's language: where (file, row, column), then what."""
    where = "paper_where" + ("_row" if problem.row is not None else "") + ("_column" if problem.column else "")
    return (t(where, file=problem.file, row=problem.row, column=problem.column) + ": "
            + t("paper_" + problem.code, **problem.params))


def exports_and_paper(store: EventStore, event: Event) -> None:
    """The event's CSVs (UTF-8 with BOM, labelled as participants' data), the paper template and its import."""
    st.header(t("f_exports"))
    st.caption(t("f_exports_help"))
    try:
        files = exports.export_files(store, event.code)
    except EventError as err:
        st.error(explain(err))
        return
    for name, payload in files.items():
        st.download_button(name, data=payload, file_name=name, mime="text/csv", key=f"f_dl_{name}",
                           icon=":material/download:", on_click="ignore")
    st.download_button(t("dp_event_download"), data=functools.partial(export_package.package_zip, store, event.code),
                       file_name=f"psm_evento_{event.code}_datapackage.zip", mime="application/zip",
                       key="f_dl_package", icon=":material/folder_zip:", on_click="ignore",
                       help=t("dp_event_download_help"))
    st.header(t("f_paper"))
    st.markdown(t("f_paper_help"))
    agenda = [i.need_id for i in store.agenda(event.code)]
    st.download_button(t("f_paper_template"), data=paper.template(agenda, sheets=1),
                       file_name=f"psm_evento_{event.code}_modello_cartaceo.csv", mime="text/csv",
                       key="f_dl_template", icon=":material/description:", on_click="ignore")
    upload = st.file_uploader(t("f_paper_upload"), type=["csv"], key=f"f_paper_{event.code}")
    if upload is None:
        return
    report = paper.parse(upload.getvalue(), agenda=agenda, zone_ids=get_dataset().zone_ids, file=upload.name)
    if not report.ok:
        st.error(tn("f_paper_problems", len(report.problems)), icon=":material/error:")
        st.code("\n".join(paper_problem(p) for p in report.problems[:200]), language=None)
        return
    st.info(t("f_paper_ready", rows=tn("n_rows", len(report.rows)),
                                  sheets=tn("n_sheets", report.sheets)), icon=":material/fact_check:")
    if st.button(t("f_paper_import"), type="primary", key="f_paper_go"):
        try:
            paper.import_rows(store, event.code, report)
        except EventError as err:
            st.error(explain(err))
            return
        refresh_live()
        st.success(t("f_paper_done", stored=tn("n_paper_stored", report.stored),
                                     unchanged=report.unchanged), icon=":material/check:")
