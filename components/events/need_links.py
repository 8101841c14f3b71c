"""In moderation: the need each comment or proposal speaks to, suggested by the matcher and decided by the facilitator.

Under each text: the suggested need with a one-tap *Conferma*, a list to pick another of the report's needs, a list
of axes to mark a new need; once decided, the link (read back from the store) with *Cambia*. Near-duplicate
proposals, in this event and in the others, are counted ("≈ 3 proposte simili"). The suggestion is computed and
labelled as such; only the facilitator's decision is stored as the link.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.data_access import get_dataset
from components.events.access import explain, refresh_live
from components.events.participation import md
from components.i18n import t, tn
from psm_data.events import need_links
from psm_data.events.errors import EventError
from psm_data.events.store import Event, EventStore

TITLE_CHARS = 90


def _short(text: str, limit: int = TITLE_CHARS) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _act(func, *args, **kwargs) -> None:  # noqa: ANN001 - a need_links writer
    """Button and list callbacks: a refusal becomes the facilitator page's error message, never a traceback."""
    try:
        func(*args, **kwargs)
    except EventError as err:
        st.session_state["_f_error"] = explain(err)
    refresh_live()


@dataclass
class NeedLinker:
    """What the panels of one moderation view share: suggestions, stored links, near-duplicates (read once)."""

    store: EventStore
    event: Event
    suggested: dict[int, list[tuple[str, float]]]
    links: pd.DataFrame
    similar: dict[int, need_links.Similar]

    @classmethod
    def load(cls, store: EventStore, event: Event, texts: pd.DataFrame) -> NeedLinker:
        ids = [int(i) for i in texts["text_id"]]
        ranked = need_links.suggestions(texts["body"].tolist())
        try:
            links = need_links.links_frame(store, [event.code]).set_index("text_id")
            similar = need_links.similar_texts(store)
        except EventError as err:
            st.error(explain(err), icon=":material/error:")
            links, similar = pd.DataFrame(columns=need_links.LINK_COLUMNS).set_index("text_id"), {}
        return cls(store, event, dict(zip(ids, ranked, strict=True)), links, similar)

    def panel(self, row: object) -> None:
        """The link controls of one text (a row of `store.texts_frame`)."""
        text_id = int(row.text_id)  # type: ignore[attr-defined]
        titles = dict(zip(get_dataset().needs["need_id"], get_dataset().needs["title"], strict=True))
        if text_id in self.similar:
            same = self.similar[text_id]
            others = [c for c in same.codes if c != self.event.code]
            st.caption(tn("nl_similar", same.count)
                       + (f" · {t('nl_similar_events', codes=', '.join(others))}" if others else ""))
        if text_id in self.links.index:
            link = self.links.loc[text_id]
            cols = st.columns([5, 1], vertical_alignment="center")
            if link["decision"] == "new":
                cols[0].markdown(t("nl_linked_new", axis=link["axis_id"]))
            else:
                cols[0].markdown(t("nl_linked", need=link["need_id"], title=md(_short(titles[link["need_id"]])))
                                 + f" · *{t('nl_decision_' + link['decision'])}*")
            cols[1].button(t("nl_change"), key=f"nl_clear_{text_id}", icon=":material/undo:",
                           on_click=_act, args=(need_links.clear_link, self.store, self.event.code, text_id))
            return
        ranked = [need for need, _ in self.suggested.get(text_id, [])]
        if ranked:
            st.caption(t("nl_suggested") + ": " + " · ".join(
                f"{need} {md(_short(titles[need], 40))}" for need in ranked))
        else:
            st.caption(t("nl_no_suggestion"))
        cols = st.columns(3, vertical_alignment="bottom")
        if ranked:
            cols[0].button(t("nl_confirm", need=ranked[0]), key=f"nl_ok_{text_id}", icon=":material/link:",
                           on_click=_act, args=(need_links.set_link, self.store, self.event.code, text_id,
                                                "confirmed"),
                           kwargs={"need_id": ranked[0], "suggested": ranked})
        options = ranked + [n for n in titles if n not in ranked]
        cols[1].selectbox(t("nl_pick"), options, index=None, key=f"nl_pick_{text_id}",
                          placeholder=t("nl_pick_placeholder"),
                          format_func=lambda n: f"{n} — {_short(titles[n], 50)}",
                          on_change=self._picked, args=(text_id, ranked))
        cols[2].selectbox(t("nl_new"), get_dataset().axis_ids, index=None, key=f"nl_new_{text_id}",
                          placeholder=t("nl_new_placeholder"), format_func=lambda a: t("axis_short", id=a),
                          on_change=self._new, args=(text_id, ranked))

    def _picked(self, text_id: int, ranked: list[str]) -> None:
        need = st.session_state.pop(f"nl_pick_{text_id}", None)
        if need:
            decision = "confirmed" if ranked and need == ranked[0] else "picked"
            _act(need_links.set_link, self.store, self.event.code, text_id, decision, need_id=need, suggested=ranked)

    def _new(self, text_id: int, ranked: list[str]) -> None:
        axis = st.session_state.pop(f"nl_new_{text_id}", None)
        if axis:
            _act(need_links.set_link, self.store, self.event.code, text_id, "new", axis_id=axis, suggested=ranked)
