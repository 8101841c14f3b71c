"""The phone side of a listening event: join, declare (optionally) zone and role, answer each need, propose.

Built to be cheap per tap, because a hall of phones shares one server: each need is an `st.fragment`, so a tap
re-runs that card only; answers are stored in the widget's callback, once, when given; nothing here loads the
explorer's maps or charts. Widget keys are stable (`ans_<need>`, `star_<need>`, `com_<need>`, `save_<need>`):
the load test (scripts/loadtest.py) drives them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from datetime import datetime

import streamlit as st

from components.data_access import get_dataset
from components.events_access import event_agenda, explain, text_allowed
from components.i18n import t, tn
from psm_data.events.errors import EventError
from psm_data.events.store import AgendaItem, Event, EventStore
from psm_data.events.vocabulary import ANSWERS, MAX_STARS, ROLES, TEXT_MAX

_STATUS = "_p_status"    # need id -> (kind, text): what the card says under the answer
_PENDING = "_p_pending"  # need id -> the answer kept to retry when the database was unavailable
_LOADED = "_p_loaded"    # event code whose stored answers were copied into the widgets


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


# ---------------------------------------------------------------------------------------------- loading state
def load_my_answers(store: EventStore, event: Event, token: str) -> None:
    """Copy this phone's stored answers into the widgets once per session: a reload carries on where it was."""
    if st.session_state.get(_LOADED) == event.code:
        return
    try:
        mine = store.my_answers(event.code, token)
        profile = store.participant(event.code, token)
    except EventError as err:
        st.warning(explain(err), icon=":material/cloud_off:")
        return
    for need_id, stored in mine.items():
        st.session_state[f"ans_{need_id}"] = stored.get("answer")
        st.session_state[f"star_{need_id}"] = bool(stored.get("star"))
        if stored.get("comment"):
            st.session_state[f"com_{need_id}"] = stored["comment"]
    if profile:
        st.session_state["p_zone"] = profile["zone_id"] or ""
        st.session_state["p_role"] = profile["role"] or ""
    st.session_state[_LOADED] = event.code


# ---------------------------------------------------------------------------------------------- writes
def _status(need_id: str, kind: str, text: str) -> None:
    st.session_state.setdefault(_STATUS, {})[need_id] = (kind, text)


def _save_answer(store: EventStore, code: str, token: str, need_id: str) -> None:
    """Widget callback: store the answer and ★ as they are now (an unchanged re-send stores nothing)."""
    answer = st.session_state.get(f"ans_{need_id}")
    star = bool(st.session_state.get(f"star_{need_id}"))
    try:
        store.submit_answer(code, token, need_id, answer=answer, star=star)
    except EventError as err:
        if err.retryable:
            st.session_state.setdefault(_PENDING, {})[need_id] = {"answer": answer, "star": star}
            _status(need_id, "pending", explain(err))
            return
        if err.code == "star_limit":
            st.session_state[f"star_{need_id}"] = False
        _status(need_id, "error", explain(err))
        return
    st.session_state.get(_PENDING, {}).pop(need_id, None)
    _status(need_id, "ok", t("p_saved", time=datetime.now().strftime("%H:%M")))


def _save_comment(store: EventStore, code: str, token: str, need_id: str) -> None:
    body = st.session_state.get(f"com_{need_id}") or ""
    try:
        store.submit_comment(code, token, need_id, body)
    except EventError as err:
        _status(need_id, "pending" if err.retryable else "error", explain(err))
        return
    _status(need_id, "ok", t("p_comment_saved"))


def retry_pending(store: EventStore, code: str, token: str) -> None:
    """Answers kept while the database was unavailable: send them again (idempotent)."""
    for need_id in list(st.session_state.get(_PENDING, {})):
        _save_answer(store, code, token, need_id)


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
    details = [event.event_date] + ([event.place] if event.place else [])
    if event.zone_ids:
        details.append(t("p_event_zones", zones=", ".join(event.zone_ids)))
    st.caption(" · ".join(md(d) for d in details))


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


@st.fragment
def need_card(store: EventStore, code: str, token: str, need_id: str, position: int, total: int) -> None:
    """One need: the answer, the ★ and an optional comment. A tap re-runs this card only, and the card reads the
    need's state (open, closed) from the agenda every phone shares, so it never needs a full page run."""
    need = need_texts()[need_id]
    item = next((i for i in event_agenda(code)[1] if i.need_id == need_id), None)
    if item is not None and st.session_state.pop(f"_fresh_{need_id}", False):
        # The person asked ("Aggiorna" on this card): read this need's state now, not the shared second-old copy.
        try:
            status = store.item_status(code, need_id) or item.status
        except EventError:
            status = item.status
        item = replace(item, status=status)
    with st.container(border=True, key=f"card_{need_id}"):
        st.caption(t("p_need_position", n=position, total=total, axis=need.axis_id))
        st.markdown(f"**{need.need_id}** — {md(need.title)}")
        if need.proposals:
            with st.expander(tn("p_proposals", len(need.proposals))):
                st.markdown("\n".join(f"- {md(letter)}) {md(text)}" for letter, text in need.proposals))
        if item is None or item.status != "open":
            _frozen(item)
            _show_status(store, code, token, need_id)
            return
        labels = {a: t(f"answer_{a}") for a in ANSWERS}
        st.radio(t("p_question"), ANSWERS, key=f"ans_{need_id}", index=None,
                 format_func=labels.__getitem__, on_change=_save_answer,
                 args=(store, code, token, need_id))
        st.toggle(t("p_star"), key=f"star_{need_id}", on_change=_save_answer,
                  args=(store, code, token, need_id), help=t("p_star_help", max=MAX_STARS))
        st.caption(t("p_stars_used", used=stars_used(), max=MAX_STARS))
        with st.form(f"form_com_{need_id}", border=False):
            st.text_area(t("p_comment"), key=f"com_{need_id}", max_chars=TEXT_MAX, height=80,
                         placeholder=t("p_comment_placeholder"))
            st.form_submit_button(t("p_comment_send"), key=f"save_{need_id}", on_click=_save_comment,
                                  args=(store, code, token, need_id))
        _show_status(store, code, token, need_id)


def _show_status(store: EventStore, code: str, token: str, need_id: str) -> None:
    """Under the card: saved, kept to retry (with the retry button), or why it was refused."""
    kind, text = st.session_state.get(_STATUS, {}).get(need_id, ("", ""))
    if kind == "ok":
        st.caption(f":material/check_circle: {text}")
    elif kind == "pending":
        st.warning(text, icon=":material/cloud_off:")
        st.button(t("p_retry"), key=f"retry_{need_id}", on_click=_save_answer, args=(store, code, token, need_id))
    elif kind == "error":
        st.error(text, icon=":material/error:")


def stars_used() -> int:
    """★ given on this phone in this event (the store enforces the limit; this only tells the person)."""
    return sum(1 for key, value in st.session_state.items() if str(key).startswith("star_") and value is True)


def _frozen(item: AgendaItem | None) -> None:
    if item is None:
        return
    if item.status == "pending":
        st.info(t("p_item_pending"), icon=":material/schedule:")
        # Re-runs this card only (cheap): the need appears as soon as the facilitator opens it.
        st.button(t("p_refresh"), key=f"refresh_{item.need_id}", icon=":material/refresh:",
                  on_click=st.session_state.__setitem__, args=(f"_fresh_{item.need_id}", True))
        return
    answer = st.session_state.get(f"ans_{item.need_id}")
    mine = t(f"answer_{answer}") if answer else t("p_no_answer")
    star = " ★" if st.session_state.get(f"star_{item.need_id}") else ""
    st.info(t("p_item_closed", answer=mine) + star, icon=":material/lock:")


def _send_proposal(store: EventStore, code: str, token: str) -> None:
    """Form callback: store the proposal; clear the form only once it is stored (a refusal keeps the text)."""
    state = st.session_state
    if not state.get("prop_axis"):
        state["_p_proposal_status"] = ("error", t("err_proposal_axis"))
        return
    if not text_allowed():  # proposals per client address and minute (psm_data/limits.py)
        state["_p_proposal_status"] = ("error", t("s_too_many_texts"))
        return
    try:
        result = store.submit_proposal(code, token, state.get("prop_text") or "", axis_id=state["prop_axis"],
                                       zone_id=state.get("prop_zone") or None, need_id=state.get("prop_need") or None)
    except EventError as err:
        state["_p_proposal_status"] = ("error", explain(err))
        return
    state["_p_proposal_status"] = ("ok", t("p_propose_saved" if result.changed else "p_propose_again"))
    state["prop_text"] = ""
    state["prop_axis"] = None


@st.fragment
def proposal_form(store: EventStore, event: Event, token: str, agenda_need_ids: list[str]) -> None:
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
                              on_click=_send_proposal, args=(store, event.code, token))
    kind, text = st.session_state.pop("_p_proposal_status", ("", ""))
    if kind == "ok":
        st.success(text, icon=":material/check:")
    elif kind:
        st.error(text, icon=":material/error:")
    try:
        mine = store.my_proposals(event.code, token)
    except EventError:
        return
    if len(mine):
        st.subheader(t("p_my_proposals", n=len(mine)))
        for row in mine.itertuples():
            st.html(participant_text_html(str(row.body), label=False, note=f"{t('moderation_' + row.status)} · "
                                                                          f"{t('axis_short', id=row.axis_id)}"))
