"""Why a participation request was refused: a code the UI turns into a sentence, never a traceback."""

from __future__ import annotations

from typing import Any

#: Every refusal the store can give; the UI has one message per code (`err_<code>` in components/strings/events.py).
CODES = (
    "event_not_found",   # unknown join code
    "event_not_open",    # the event exists but has not started yet
    "event_closed",      # the event is over: answers are frozen
    "item_not_on_agenda",
    "item_not_open",     # the facilitator has not opened this need yet
    "item_closed",       # the need's voting is closed: answers are frozen
    "star_limit",        # at most MAX_STARS ★ per participant and event
    "text_empty",
    "text_too_long",
    "rate_limited",      # too many proposals too fast from one device
    "invalid_value",     # an answer, zone, role, axis or outcome outside the vocabulary
    "no_device",         # no anonymous device token (cookies off)
    "store_unavailable",  # database unreachable or locked: the answer is kept to retry
    "schema_outdated",   # the database was not migrated: run `make run` or psm_data.events.migrate
    "event_not_editable",  # title, date, place, zones and agenda change only while the event is in preparation
    "event_is_open",     # an open event cannot be archived: close it first
    "event_has_answers",  # delete (or drop a need from the agenda) only where nobody has answered
    "confirmation_mismatch",  # a deletion needs the event's code typed again
    "text_changed",      # the participant edited the text after the moderator saw it: shown again, not approved
    # thematic tables (psm_data/events/tavoli.py)
    "table_not_found",
    "table_no_needs",        # a table needs at least one need of the agenda
    "need_on_other_table",   # a need belongs to one table only
    "pin_locked",            # too many wrong table PINs: wait
    "note_axis_needed",      # a new need in the verbale needs its axis
    "note_not_found",
)


class EventError(Exception):
    """A refused request. `code` is one of CODES; `params` fill the message (e.g. the star limit)."""

    def __init__(self, code: str, **params: Any) -> None:
        if code not in CODES:
            raise ValueError(f"unknown error code {code!r}")
        self.code, self.params = code, params
        super().__init__(f"{code} {params}" if params else code)

    @property
    def retryable(self) -> bool:
        """The request may succeed later unchanged (keep it and offer to retry)."""
        return self.code == "store_unavailable"
