"""The phone side of a listening event: join, declare (optionally) zone and role, answer each need, propose.

Built to be cheap per tap, because a hall of phones shares one server: each need is an `st.fragment`, so a tap
re-runs that card only; answers are stored in the widget's callback, once, when given; nothing here loads the
explorer's maps or charts. Widget keys are stable (`ans_<need>`, `star_<need>`, `com_<need>`, `save_<need>`):
the load test (scripts/loadtest/) drives them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import logging
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

from components.data_access import get_dataset
from components.events.access import AGENDA_TTL_S, _store, event_agenda, explain, text_allowed
from components.i18n import format_date, format_time, t, tn
from psm_data.events.db import database_url
from psm_data.events.errors import EventError
from psm_data.events.live_state import agenda_version
from psm_data.events.store import AgendaItem, Event, EventStore
from psm_data.events.vocabulary import ANSWERS, MAX_STARS, ROLES, TEXT_MAX

_STORED = "_p_stored"      # need id -> what the database holds for this phone (read back after each write)
_STORED_FOR = "_p_stored_for"  # event code the stored answers were read for
_PENDING = "_p_pending"    # item id -> an answer, comment or proposal not stored yet (also kept on the phone)
_REFUSED = "_p_refused"    # item id -> why the store refused it
_SAVED_AT = "_p_saved_at"  # item id -> when it was read back as stored (HH:MM)
_DONE = "_p_done"          # item ids stored or refused: the phone may forget them
_DIRTY = "_p_dirty"        # the pending items changed in a card's run: a full run hands them to the phone
_ATTEMPTS = "_p_attempts"  # failed retry rounds in a row (the phone waits longer between them)
_AGENDA = "_p_agenda"      # the last agenda this session read (shown while the database does not answer)
_SESSION = "_p_session"    # this session's id, so the phone tells a new session what it holds
ANSWERED_MARK = '<span class="psm-answered" hidden></span>'
MAX_HELD = 60              # items a phone may hand back at once (a reload): more is not a participant
_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class NeedText:
    need_id: str
    axis_id: str
    title: str
    proposals: tuple[tuple[str, str], ...]


@st.cache_resource(show_spinner=False)
def need_texts() -> dict[str, NeedText]:
    """The needs and their lettered proposals, built once per process (no pandas work per tap)."""
    data = get_dataset()
    proposals: dict[str, list[tuple[str, str]]] = {}
    for row in data.proposals.itertuples():
        proposals.setdefault(row.need_id, []).append((row.letter, row.text))
    return {row.need_id: NeedText(row.need_id, row.axis_id, row.title, tuple(proposals.get(row.need_id, ())))
            for row in data.needs.itertuples()}


def md(text: str) -> str:
    """Text shown literally by st.markdown: no markup, links or HTML from the data or from participants."""
    return re.sub(r"([\\`*_~$#<>\[\]()!|{}+\-.])", r"\\\1", text)


def participant_text(text: str) -> str:
    """Participants' words as Markdown: escaped, and marked as theirs, never as the report's. Markdown still turns
    `www.…` and `http://…` into links whatever the escaping: show participants' words with
    `participant_text_html` instead."""
    return f"*{md(t('written_by_participant'))}:* {md(text)}"


def participant_text_html(text: str, *, note: str = "", label: bool = True) -> str:
    """Participants' words for `st.html`, as the projector's wall shows them: escaped, line breaks kept, never a
    link, marked as a participant's (`label`), with an optional `note` (e.g. its moderation status) below."""
    mark = (f'<span style="font-size:0.8em;color:#4a4f5c">{html.escape(t("written_by_participant"))}</span><br>'
            if label else "")
    below = f'<br><span style="font-size:0.85em;font-style:italic">{html.escape(note)}</span>' if note else ""
    return (f'<div style="margin:0.2em 0">{mark}<span style="white-space:pre-wrap;overflow-wrap:anywhere">'
            f"{html.escape(text)}</span>{below}</div>")



def phone_store() -> EventStore:
    """The process's store without the page checks (for callbacks, which run before the page)."""
    return _store(database_url())


# ---------------------------------------------------------------------------------------------- what is stored
def load_my_answers(store: EventStore, event: Event, token: str) -> bool:
    """Read this phone's stored answers once per session: the cards are drawn from the database, not from what
    the browser's widgets remember. False when the database does not answer (the page says so)."""
    if st.session_state.get(_STORED_FOR) == event.code:
        return True
    try:
        mine = store.my_answers(event.code, token)
        profile = store.participant(event.code, token)
    except EventError as err:
        st.warning(explain(err), icon=":material/cloud_off:")
        return False
    st.session_state[_STORED] = mine
    if profile:
        st.session_state["p_zone"] = profile["zone_id"] or ""
        st.session_state["p_role"] = profile["role"] or ""
    st.session_state[_STORED_FOR] = event.code
    return True


def stored_answer(need_id: str) -> dict[str, Any]:
    return st.session_state.get(_STORED, {}).get(need_id) or {"answer": None, "star": False, "comment": ""}


def _pending() -> dict[str, dict[str, Any]]:
    return st.session_state.setdefault(_PENDING, {})


def _refused() -> dict[str, str]:
    return st.session_state.setdefault(_REFUSED, {})


def answer_id(need_id: str) -> str:
    return f"ans:{need_id}"


def comment_id(need_id: str) -> str:
    return f"com:{need_id}"


def proposal_id(body: str) -> str:
    return "prop:" + hashlib.blake2s(body.strip().encode("utf-8"), digest_size=8).hexdigest()


def _read_back(store: EventStore, code: str, token: str, need_id: str, fallback: dict[str, Any]) -> None:
    """After a write: what the database now holds for this need becomes what the card shows as saved."""
    try:
        found = store.my_answer(code, token, need_id)
    except EventError:
        found = fallback  # the write committed; the read-back alone failed
    mine = st.session_state.setdefault(_STORED, {})
    if found is None:
        mine.pop(need_id, None)
    else:
        mine[need_id] = found


# ---------------------------------------------------------------------------------------------- writes
def send(store: EventStore, code: str, token: str, item_id: str, item: dict[str, Any]) -> str:
    """Send one answer, comment or proposal; it ends in one of three states: 'saved' (read back from the
    database), 'pending' (kept, retried by itself) or 'refused' (with the reason). Never raises."""
    kind, need_id = item.get("kind"), item.get("need")
    was_pending = item_id in _pending()
    try:
        if kind == "answer":
            if item.get("answer") not in ANSWERS:
                raise EventError("invalid_value", field="answer", value=str(item.get("answer"))[:20])
            store.submit_answer(code, token, need_id, answer=item["answer"], star=bool(item.get("star")))
        elif kind == "comment":
            store.submit_comment(code, token, need_id, item.get("body") or "")
        elif kind == "proposal":
            store.submit_proposal(code, token, item.get("body") or "", axis_id=item.get("axis") or "",
                                  zone_id=item.get("zone") or None, need_id=item.get("need") or None)
        else:
            raise EventError("invalid_value", field="kind", value=str(kind)[:20])
    except EventError as err:
        if err.retryable:
            _pending()[item_id] = item
            _refused().pop(item_id, None)
            st.session_state["_p_last_retry"] = time.monotonic()  # the next full run hands it over, no wait
            st.session_state[_DIRTY] = st.session_state.get(_DIRTY) or not was_pending
            return "pending"
        outcome = "refused"
        _refused()[item_id] = explain(err)
    except Exception:  # noqa: BLE001 - whatever went wrong, the participant's item is kept, not lost
        _LOG.exception("participant write failed; kept to retry")
        _pending()[item_id] = item
        st.session_state[_DIRTY] = st.session_state.get(_DIRTY) or not was_pending
        return "pending"
    else:
        outcome = "saved"
        _refused().pop(item_id, None)
        st.session_state.setdefault(_SAVED_AT, {})[item_id] = format_time(datetime.now())
    _pending().pop(item_id, None)
    done = st.session_state.setdefault(_DONE, [])
    if item_id not in done:
        done.append(item_id)
        del done[:-100]
    st.session_state[_DIRTY] = st.session_state.get(_DIRTY) or was_pending
    before = bool(stored_answer(need_id).get("star")) if need_id else False
    if kind in ("answer", "comment") and need_id:
        _read_back(store, code, token, need_id, {**stored_answer(need_id), **(
            {"answer": item.get("answer"), "star": bool(item.get("star"))} if kind == "answer" and outcome == "saved"
            else {"comment": item.get("body") or ""} if outcome == "saved" else {})})
    if kind == "answer" and bool(stored_answer(need_id).get("star")) != before:
        st.session_state[_DIRTY] = True  # the ★ count changed: every card's limit is redrawn (a full run)
    return outcome


def _answer_item(need_id: str) -> dict[str, Any]:
    return {"kind": "answer", "need": need_id, "answer": st.session_state.get(f"ans_{need_id}"),
            "star": bool(st.session_state.get(f"star_{need_id}"))}


def _show_stored(need_id: str) -> None:
    """Put the widgets back on what the database holds (inside a callback: allowed before the widgets draw)."""
    mine = stored_answer(need_id)
    st.session_state[f"ans_{need_id}"] = mine.get("answer")
    st.session_state[f"star_{need_id}"] = bool(mine.get("star"))


def card_moved() -> bool:
    """In a fragment's widget callback: True when this run will not redraw the fragment the widget was drawn in.

    The browser names the fragment to run after a tap by the fragment's place on the page it shows. A full run on
    its way to the phone (the room changed: the need opened last now comes first, a notice appeared above the
    cards) may have moved the card, and with it that name: Streamlit then stores the tap (the callback runs) but
    redraws the card now at the old place, or nothing, and the tapped card never says *Salvata*. Reads Streamlit
    1.67's run context (pinned); tests/browser/test_phone_faults_e2e.py fails if that changes."""
    ctx = get_script_run_ctx()
    asked = ctx.fragment_ids_this_run if ctx is not None else None
    return bool(asked) and ThreadState.get().fragment_id not in asked


def shown_where_tapped(callback: Callable[..., None]) -> Callable[..., None]:
    """A card's (or the proposal form's) callback, whose outcome the phone then shows even if the card moved: the
    whole page is drawn again, from the database (rare: only a tap racing a run that moved its card)."""
    @functools.wraps(callback)
    def run(*args: Any) -> None:
        callback(*args)
        if card_moved():
            st.rerun()
    return run


@shown_where_tapped
def _tap(code: str, token: str, need_id: str) -> None:
    """Answer or ★ callback: store them as they are now (an unchanged re-send stores nothing)."""
    item = _answer_item(need_id)
    if item["answer"] is None:  # a ★ before an answer: never an answer row without an answer
        st.session_state[f"star_{need_id}"] = False
        _refused()[answer_id(need_id)] = t("ph_star_after_answer")
        return
    if send(phone_store(), code, token, answer_id(need_id), item) == "refused":
        _show_stored(need_id)
        event_agenda.clear()  # refused: most often the need was just closed; draw its real state


@shown_where_tapped
def _send_comment(code: str, token: str, need_id: str) -> None:
    body = st.session_state.get(f"com_{need_id}") or ""
    send(phone_store(), code, token, comment_id(need_id), {"kind": "comment", "need": need_id, "body": body})


def retry_pending(code: str, token: str, *, min_gap_s: float = 1.5) -> None:
    """Everything this session could not store yet: send it again (idempotent), oldest first. A full run does
    this by itself (the phone's component asks for one, waiting longer each time); not twice within `min_gap_s`
    (a locked database makes each try wait for its busy timeout)."""
    if not _pending():
        return
    last = st.session_state.get("_p_last_retry", 0.0)
    if time.monotonic() - last < min_gap_s:
        return
    st.session_state["_p_last_retry"] = time.monotonic()
    store = phone_store()
    results = [send(store, code, token, item_id, item) for item_id, item in list(_pending().items())]
    if "pending" in results:
        st.session_state[_ATTEMPTS] = st.session_state.get(_ATTEMPTS, 0) + 1
    else:
        st.session_state[_ATTEMPTS] = 0


def absorb_held(code: str, token: str, held: Any, agenda_need_ids: set[str]) -> None:
    """What the phone kept (localStorage) that this session does not know: after a reload or a server restart.
    The items are untrusted: each is checked, then sent like a tap; the store refuses what it must."""
    if not isinstance(held, dict) or not isinstance(held.get("items"), dict):
        return
    store = phone_store()
    for item_id, raw in list(held["items"].items())[:MAX_HELD]:
        item = _clean_item(item_id, raw, agenda_need_ids)
        if item is None:
            done = st.session_state.setdefault(_DONE, [])
            done.append(str(item_id)[:80])  # nothing we can send: the phone forgets it
            continue
        if item_id in _pending():
            continue
        state = send(store, code, token, item_id, item)
        need_id = item.get("need")
        if item["kind"] == "answer" and state != "refused":
            st.session_state[f"ans_{need_id}"] = item["answer"]
            st.session_state[f"star_{need_id}"] = bool(item.get("star"))
        elif item["kind"] == "comment" and state == "pending":
            st.session_state[f"com_{need_id}"] = item["body"]


def _clean_item(item_id: Any, raw: Any, agenda_need_ids: set[str]) -> dict[str, Any] | None:
    if not isinstance(item_id, str) or not isinstance(raw, dict):
        return None
    kind, need_id = raw.get("kind"), raw.get("need")
    text = raw.get("body")
    if kind == "answer" and need_id in agenda_need_ids and item_id == answer_id(need_id) \
            and raw.get("answer") in ANSWERS:
        return {"kind": "answer", "need": need_id, "answer": raw["answer"], "star": raw.get("star") is True}
    if kind == "comment" and need_id in agenda_need_ids and item_id == comment_id(need_id) \
            and isinstance(text, str) and len(text) <= 4 * TEXT_MAX:
        return {"kind": "comment", "need": need_id, "body": text}
    if kind == "proposal" and isinstance(text, str) and len(text) <= 4 * TEXT_MAX and item_id == proposal_id(text):
        fields = {f: raw.get(f) if isinstance(raw.get(f), str) else None for f in ("axis", "zone", "need")}
        return {"kind": "proposal", "body": text, **fields}
    return None


# ---------------------------------------------------------------------------------------------- the phone's sync
def sync_component(code: str, token: str, version: str, agenda_need_ids: set[str], *, follow: bool,
                   answered: int = 0) -> None:
    """Mount the phone's component: hands it what is pending, hears what it held, retries, follows the room.

    The phone hands back what it holds only once this run knows the agenda (`agenda_need_ids`): during an outage
    at the session's start the items stay on the phone, which keeps polling and asks for a run when the room
    answers again. `follow` is False for an unknown event (nothing to poll)."""
    from components.events import phone_sync

    session = st.session_state.setdefault(_SESSION, secrets.token_hex(4))

    def on_held() -> None:
        absorb_held(code, token, phone_sync.trigger_value("held"), agenda_need_ids)

    def on_retry() -> None:
        pass  # the full run it causes retries (retry_pending in the page)

    def on_room() -> None:
        wanted = phone_sync.trigger_value("room")
        try:
            event, agenda = event_agenda(code)
        except EventError:
            return
        if event is not None and wanted and agenda_version(event.status, [(i.need_id, i.status) for i in agenda]) \
                != wanted:
            event_agenda.clear()  # the shared copy is older than what the room says: read it once more
            current_need.clear()

    st.session_state.pop(_DIRTY, None)
    phone_sync.mount(code=code, session=session, pending=dict(_pending()),
                     done=list(st.session_state.get(_DONE, [])), version=version,
                     attempts=st.session_state.get(_ATTEMPTS, 0), ready=bool(agenda_need_ids), follow=follow,
                     answered=answered, total=len(agenda_need_ids),
                     on_held=on_held, on_retry=on_retry, on_room=on_room)


def hand_over_if_changed() -> None:
    """In a card's run: if its items became pending (or stored after waiting), a full run hands the news to the
    phone's component (which lives outside the card). Only on such a change: taps stay card-sized."""
    if st.session_state.pop(_DIRTY, False):
        st.rerun()


@st.cache_data(ttl=AGENDA_TTL_S, show_spinner=False, max_entries=64)
def current_need(code: str) -> str | None:
    """The need the facilitator opened last (still open), shared by the hall's phones for a second."""
    return phone_store().current_need(code)


def page_version(event: Event, agenda: tuple[AgendaItem, ...] | list[AgendaItem]) -> str:
    return agenda_version(event.status, [(i.need_id, i.status) for i in agenda])


def pending_count() -> int:
    return len(_pending())


# ---------------------------------------------------------------------------------------------- the screens
def join_form() -> None:
    """No code in the address: ask for it (typed from the screen in the hall)."""
    with st.form("join"):
        code = st.text_input(t("p_code"), max_chars=12, placeholder="ABC234", key="p_code_input")
        if st.form_submit_button(t("p_join"), type="primary", width="stretch"):
            st.query_params["evento"] = code.strip().upper()
            st.rerun()


def event_header(event: Event) -> None:
    st.title(md(event.title))
    details = [format_date(event.event_date)] + ([event.place] if event.place else [])
    if event.zone_ids:
        details.append(t("p_event_zones", zones=", ".join(event.zone_ids)))
    st.caption(" · ".join(md(d) for d in details))
    if event.is_rehearsal:  # a phone at a rehearsal knows its answers will not count
        st.warning(t("p_rehearsal_note"), icon=":material/science:")


def answered_count(agenda: tuple[AgendaItem, ...] | list[AgendaItem]) -> int:
    """Needs of the agenda this phone has a stored answer to (the "3 di 8" the phone shows)."""
    mine = st.session_state.get(_STORED, {})
    return sum(1 for i in agenda if (mine.get(i.need_id) or {}).get("answer"))


def progress() -> None:
    """What waits on this phone ("3 di 8" is drawn by the phone's component, current as cards are saved)."""
    if pending_count():
        st.warning(tn("ph_pending_count", pending_count()), icon=":material/cloud_sync:")


def stars_caption() -> None:
    used = stars_used()
    st.caption(t("ph_stars_full" if used >= MAX_STARS else "ph_stars_left", used=used, max=MAX_STARS,
                 left=MAX_STARS - used))


def profile_form(store: EventStore, event: Event, token: str) -> None:
    """Optional: the zone one lives or works in, and one's role. Stored on save, changeable any time."""
    data = get_dataset()
    names = dict(zip(data.zones["zone_id"], data.zones["name"], strict=True))
    st.session_state.setdefault("p_zone", "")
    st.session_state.setdefault("p_role", "")
    declared = bool(st.session_state["p_zone"] or st.session_state["p_role"])
    # Labels resolved now, not inside format_func (AppTest calls it outside the script run).
    zone_labels = {"": t("p_zone_none"), **{z: f"{z} · {names[z]}" for z in data.zone_ids}}
    role_labels = {"": t("p_role_none"), **{r: t(f"role_{r}") for r in ROLES}}
    with st.expander(t("p_profile_title"), expanded=not declared, icon=":material/person:"), st.form("profile"):
        st.caption(t("p_profile_help"))
        st.selectbox(t("p_zone"), tuple(zone_labels), key="p_zone", format_func=zone_labels.__getitem__)
        st.selectbox(t("p_role"), tuple(role_labels), key="p_role", format_func=role_labels.__getitem__)
        if st.form_submit_button(t("p_profile_save"), width="stretch"):
            try:
                store.join(event.code, token, zone_id=st.session_state["p_zone"] or None,
                           role=st.session_state["p_role"] or None)
                st.success(t("p_profile_saved"), icon=":material/check:")
            except EventError as err:
                st.error(explain(err))


def remember_agenda(event: Event | None, agenda: tuple[AgendaItem, ...]) -> None:
    if event is not None:
        st.session_state["_p_event"] = event
        st.session_state[_AGENDA] = agenda


def last_agenda(code: str) -> tuple[Event | None, tuple[AgendaItem, ...]]:
    """The event and agenda this session last read (drawn while the database does not answer)."""
    event = st.session_state.get("_p_event")
    if event is None or event.code != code:
        return None, ()
    return event, st.session_state.get(_AGENDA, ())


def _card_agenda(code: str) -> tuple[AgendaItem, ...]:
    """The agenda for a card's run; while the database does not answer, the last one this session read."""
    try:
        _event, agenda = event_agenda(code)
    except EventError:
        return st.session_state.get(_AGENDA, ())
    st.session_state[_AGENDA] = agenda
    return agenda


@st.fragment
def need_card(code: str, token: str, need_id: str, position: int, total: int, is_current: bool = False) -> None:
    """One need: the answer, the ★ and an optional comment. A tap re-runs this card only, and the card reads the
    need's state (open, closed) from the agenda every phone shares, so it never needs a full page run."""
    need = need_texts()[need_id]
    item = next((i for i in _card_agenda(code) if i.need_id == need_id), None)
    if item is not None and st.session_state.pop(f"_fresh_{need_id}", False):
        with contextlib.suppress(EventError):  # asked for on this card: this need's state now
            item = replace(item, status=phone_store().item_status(code, need_id) or item.status)
    with st.container(border=True, key=f"card_{need_id}"):
        if is_current:
            st.badge(t("ph_current"), icon=":material/campaign:", color="blue")
        st.caption(t("p_need_position", n=position, total=total, axis=need.axis_id))
        st.markdown(f"**{need.need_id}** — {md(need.title)}")
        if need.proposals:
            with st.expander(tn("p_proposals", len(need.proposals))):
                st.markdown("\n".join(f"- {md(letter)}) {md(text)}" for letter, text in need.proposals))
        if item is None or item.status != "open":
            _frozen(item)
            _answer_state(need_id, frozen=True)
            hand_over_if_changed()
            return
        _open_card(code, token, need_id)
    hand_over_if_changed()


def _open_card(code: str, token: str, need_id: str) -> None:
    mine = stored_answer(need_id)
    held = _pending().get(answer_id(need_id)) or mine
    labels = {a: t(f"answer_{a}") for a in ANSWERS}
    value = st.radio(t("p_question"), ANSWERS, key=f"ans_{need_id}", format_func=labels.__getitem__,
                     index=ANSWERS.index(held["answer"]) if held.get("answer") in ANSWERS else None,
                     on_change=_tap, args=(code, token, need_id))
    used = stars_used()
    full = used >= MAX_STARS and not mine.get("star")
    star = st.toggle(t("p_star"), key=f"star_{need_id}", value=bool(held.get("star")), on_change=_tap,
                     args=(code, token, need_id), disabled=value is None or (full and not held.get("star")),
                     help=t("ph_star_after_answer") if value is None else t("p_star_help", max=MAX_STARS))
    stars_caption()
    if value is not None and answer_id(need_id) not in _pending() and answer_id(need_id) not in _refused() \
            and (value, bool(star)) != (mine.get("answer"), bool(mine.get("star"))):
        # The browser holds a choice the database lacks (a tap in flight when the server stopped, then an
        # automatic reconnect): send it now rather than show it as if saved.
        send(phone_store(), code, token, answer_id(need_id), {"kind": "answer", "need": need_id,
                                                             "answer": value, "star": bool(star)})
    _answer_state(need_id)
    pending_comment = _pending().get(comment_id(need_id))
    with st.form(f"form_com_{need_id}", border=False):
        st.text_area(t("p_comment"), key=f"com_{need_id}", max_chars=TEXT_MAX, height=80,
                     value=(pending_comment or {}).get("body") or mine.get("comment") or "",
                     placeholder=t("p_comment_placeholder"))
        st.form_submit_button(t("p_comment_send"), key=f"save_{need_id}", on_click=_send_comment,
                              args=(code, token, need_id))
    _comment_state(need_id)


def _answer_state(need_id: str, *, frozen: bool = False) -> None:
    """Under the answer: saved (read back from the database), waiting (kept on the phone) or refused (why)."""
    item_id = answer_id(need_id)
    mine = stored_answer(need_id)
    if item_id in _pending():
        st.warning(t("ph_state_pending"), icon=":material/cloud_sync:")
    elif item_id in _refused():
        st.error(t("ph_state_refused", reason=_refused()[item_id]), icon=":material/error:")
    elif mine.get("answer") and not frozen:
        at = st.session_state.get(_SAVED_AT, {}).get(item_id)
        star = " ★" if mine.get("star") else ""
        text = t("ph_state_saved", time=at) if at else t("ph_state_saved_plain")
        st.caption(f":material/check_circle: {text}: {md(t('answer_' + mine['answer']))}{star}")
    if mine.get("answer"):
        st.html(ANSWERED_MARK)  # counted by the phone's component for "3 di 8"


def _comment_state(need_id: str) -> None:
    item_id = comment_id(need_id)
    if item_id in _pending():
        st.warning(t("ph_comment_pending"), icon=":material/cloud_sync:")
    elif item_id in _refused():
        st.error(t("ph_state_refused", reason=_refused()[item_id]), icon=":material/error:")
    elif stored_answer(need_id).get("comment"):
        st.caption(f":material/check_circle: {t('ph_comment_saved')}")


def stars_used() -> int:
    """★ this phone has stored in this event (the store enforces the limit; this tells the person before)."""
    return sum(1 for stored in st.session_state.get(_STORED, {}).values() if stored.get("star"))


def _frozen(item: AgendaItem | None) -> None:
    if item is None:
        return
    if item.status == "pending":
        st.info(t("ph_waiting_open"), icon=":material/schedule:")
        # Re-runs this card only (cheap); the phone also redraws by itself when the room changes.
        st.button(t("p_refresh"), key=f"refresh_{item.need_id}", icon=":material/refresh:",
                  on_click=st.session_state.__setitem__, args=(f"_fresh_{item.need_id}", True))
        return
    mine = stored_answer(item.need_id)  # what the database holds, never what a widget remembers
    if mine.get("answer"):
        star = " ★" if mine.get("star") else ""
        st.info(t("ph_closed_answer", answer=t(f"answer_{mine['answer']}")) + star, icon=":material/lock:")
    else:
        st.info(t("ph_closed_none"), icon=":material/lock:")


@shown_where_tapped
def _send_proposal(code: str, token: str) -> None:
    """Form callback: store the proposal; clear the form once it is stored or kept (a refusal keeps the text)."""
    state = st.session_state
    if not state.get("prop_axis"):
        state["_p_proposal_status"] = ("error", t("err_proposal_axis"))
        return
    if not text_allowed():  # proposals per client address and minute (psm_data/server/limits.py)
        state["_p_proposal_status"] = ("error", t("s_too_many_texts"))
        return
    body = state.get("prop_text") or ""
    item = {"kind": "proposal", "body": body, "axis": state["prop_axis"], "zone": state.get("prop_zone") or None,
            "need": state.get("prop_need") or None}
    outcome = send(phone_store(), code, token, proposal_id(body), item)
    if outcome == "refused":
        state["_p_proposal_status"] = ("error", _refused().pop(proposal_id(body)))
        return
    state["_p_proposal_status"] = ("ok", t("p_propose_saved")) if outcome == "saved" else \
        ("pending", t("ph_proposal_pending"))
    state["prop_text"] = ""
    state["prop_axis"] = None


@st.fragment
def proposal_form(event: Event, token: str, agenda_need_ids: list[str]) -> None:
    """Proponi: a new need or proposal, with its axis (and zone); hidden from the room until approved."""
    data = get_dataset()
    axes = dict(zip(data.axes["axis_id"], data.axes["name"], strict=True))
    names = dict(zip(data.zones["zone_id"], data.zones["name"], strict=True))
    axis_labels = {a: f"{a} · {axes[a]}" for a in data.axis_ids}
    zone_labels = {"": t("p_zone_none"), **{z: f"{z} · {names[z]}" for z in data.zone_ids}}
    need_labels = {"": t("p_propose_need_none"), **{n: n for n in agenda_need_ids}}
    st.header(t("p_propose_title"))
    st.caption(t("p_moderation_rule"))
    with st.form("propose"):
        st.text_area(t("p_propose_text"), max_chars=TEXT_MAX, key="prop_text", placeholder=t("p_propose_placeholder"))
        st.selectbox(t("p_propose_axis"), tuple(axis_labels), index=None, key="prop_axis",
                     format_func=axis_labels.__getitem__, placeholder=t("p_choose"))
        st.selectbox(t("p_propose_zone"), tuple(zone_labels), key="prop_zone", format_func=zone_labels.__getitem__)
        st.selectbox(t("p_propose_need"), tuple(need_labels), key="prop_need", format_func=need_labels.__getitem__)
        st.form_submit_button(t("p_propose_send"), type="primary", width="stretch", key="prop_send",
                              on_click=_send_proposal, args=(event.code, token))
    kind, text = st.session_state.pop("_p_proposal_status", ("", ""))
    if kind == "ok":
        st.success(text, icon=":material/check:")
    elif kind == "pending":
        st.warning(text, icon=":material/cloud_sync:")
    elif kind:
        st.error(text, icon=":material/error:")
    waiting = [item for item in _pending().values() if item.get("kind") == "proposal"]
    try:
        mine = phone_store().my_proposals(event.code, token)
    except EventError:
        mine = None
    if waiting or (mine is not None and len(mine)):
        st.subheader(t("p_my_proposals", n=len(waiting) + (0 if mine is None else len(mine))))
        for item in waiting:
            st.html(participant_text_html(str(item["body"]), label=False, note=t("ph_proposal_pending")))
        for row in () if mine is None else mine.itertuples():
            st.html(participant_text_html(str(row.body), label=False, note=f"{t('moderation_' + row.status)} · "
                                                                          f"{t('axis_short', id=row.axis_id)}"))
    hand_over_if_changed()
