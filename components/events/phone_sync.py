"""The phone's small browser component: pending items kept in localStorage, retried by themselves, and the room
followed through the cached state endpoint (psm_data/events/live_state.py). The JavaScript is in phone_sync.js
next to this file and is served by the app itself (Streamlit's `components.v2`: no iframe, no CDN).

Protocol (data sent down on every full run, triggers sent up):
- down: `pending` {item id: item} the session could not store yet; `done` ids the session stored or refused
  (the phone forgets them); `version` of the agenda this run drew; `endpoint` to poll; `ready` once the session
  knows the agenda (it may be handed what the phone holds); `follow` when there is an event to poll;
  `session` an id so a new session is told again what the phone holds;
- up: `held` {items: {id: item}} what the phone holds that the session does not know (after a reload or a
  server restart); `retry` a timestamp, while anything is pending; `room` the new version when the room changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from components.i18n import t

KEY = "phone_sync"
_HERE = Path(__file__).resolve().parent
POLL_MS = 3000


@st.cache_resource(show_spinner=False)
def _component() -> Callable[..., Any]:
    return st.components.v2.component(
        "psm_phone_sync",
        js=(_HERE / "phone_sync.js").read_text(encoding="utf-8"),
        css=(_HERE / "phone_sync.css").read_text(encoding="utf-8"),
        isolate_styles=False,
    )


def mount(*, code: str, session: str, pending: dict[str, dict[str, Any]], done: list[str], version: str,
          attempts: int, ready: bool, follow: bool, answered: int, total: int, on_held: Callable[[], None],
          on_retry: Callable[[], None], on_room: Callable[[], None]) -> None:
    """Mount the component (once per full run; it keeps its timers across runs)."""
    _component()(
        key=KEY,
        data={"code": code, "session": session, "pending": pending, "done": done, "version": version,
              "attempts": attempts, "ready": ready, "follow": follow, "endpoint": f"api/live/{code}",
              "poll_ms": POLL_MS,
              "answered": answered, "total": total,
              "texts": {"offline": t("ph_offline"), "offline_title": t("ph_offline_title"),
                        "progress": t("ph_progress", n="{n}", total="{total}")}},
        on_held_change=on_held, on_retry_change=on_retry, on_room_change=on_room,
    )


def trigger_value(name: str) -> Any:
    """The value a trigger carried in this run (inside its callback), or None."""
    value = st.session_state.get(KEY)
    try:
        return value.get(name) if value is not None else None
    except AttributeError:
        return getattr(value, name, None)
