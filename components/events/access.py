"""The cached boundary between Streamlit and the participation store: one store per process, shared read-only
aggregates with a short time-to-live (one query per interval whatever the number of viewers), the device token,
and the sentence for every refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

from components.data_access import get_dataset
from components.i18n import t
from psm_data.events.auth import SECRETS_KEY, configured_password
from psm_data.events.counts import CountsCache
from psm_data.events.db import database_for, database_url, describe
from psm_data.events.device import COOKIE, new_token, valid_token
from psm_data.events.errors import EventError
from psm_data.events.migrate import is_current
from psm_data.events.results import results_table, summed
from psm_data.events.store import AgendaItem, Event, EventStore
from psm_data.schema import DATA_DIR
from psm_data.server import limits

#: Seconds a shared aggregate is reused: the presenter's refresh interval, and the delay before an answer shows.
LIVE_TTL_S = 2.0
#: Seconds the event's agenda states are shared between phones (how long a just-opened need may take to appear).
AGENDA_TTL_S = 1.0
_FALLBACK_TOKEN = "_device_fallback"  # noqa: S105 - a session-state key name, not a secret


@st.cache_resource(show_spinner=False)
def _store(url: str) -> EventStore:
    data = get_dataset()
    return EventStore(database_for(url), need_ids=tuple(data.needs["need_id"]), axis_ids=data.axis_ids,
                      zone_ids=data.zone_ids)


@st.cache_resource(show_spinner=False)
def _counts(url: str) -> CountsCache:
    """Per-event answer counts, recounted only for the events that changed (see psm_data/events/counts.py)."""
    return CountsCache(_store(url))


@st.cache_resource(show_spinner=False, ttl=60)
def _schema_current(url: str) -> bool:
    return is_current(url)


def get_store() -> EventStore:
    """The store, or a clear message and a stopped page when the database is unreachable or not migrated."""
    url = database_url()
    try:
        current = _schema_current(url)
    except Exception:  # noqa: BLE001 - any driver error: the database is not usable right now
        _schema_current.clear()
        st.error(t("err_store_unavailable"), icon=":material/cloud_off:")
        st.caption(t("db_where", url=describe(url)))
        st.stop()
    if not current:
        _schema_current.clear()
        st.error(t("err_schema_outdated"), icon=":material/database:")
        st.code("python -m psm_data.events.migrate", language="bash")
        st.stop()
    return _store(url)


def explain(error: EventError) -> str:
    """The sentence a person reads for a refusal."""
    return t(f"err_{error.code}", **error.params)


def device_token() -> tuple[str, bool]:
    """This browser's anonymous token and whether it survives a reload (the cookie) or only this session.

    Only a cookie signed by this server counts (psm_data/events/device.py). Without one, the session gets its
    own token, counted with the cookies against the cap of new devices per client address and minute: over it,
    the page says so and stops (one laptop cannot make hundreds of participants by dropping its cookie)."""
    cookie = st.context.cookies.get(COOKIE)
    if isinstance(cookie, str) and valid_token(cookie):
        return cookie, True
    if _FALLBACK_TOKEN not in st.session_state:
        address = st.context.ip_address
        if not limits.new_devices.allow(limits.address_key(address if isinstance(address, str) else None)):
            st.warning(t("s_too_many_devices"), icon=":material/timer:")
            st.stop()
        st.session_state[_FALLBACK_TOKEN] = new_token()
    return st.session_state[_FALLBACK_TOKEN], False


def text_allowed() -> bool:
    """One more proposal or comment from this client address this minute (a hall shares one NAT: generous)."""
    address = st.context.ip_address
    return limits.texts.allow(limits.address_key(address if isinstance(address, str) else None))


def facilitator_password() -> str | None:
    """$PSM_FACILITATOR_PASSWORD, else st.secrets / .streamlit/secrets.toml."""
    found = configured_password(DATA_DIR.parent / ".streamlit" / "secrets.toml")
    if found:
        return found
    try:
        value = st.secrets.get(SECRETS_KEY)
    except Exception:  # noqa: BLE001 - no secrets file at all
        return None
    return str(value) if value else None


@dataclass(frozen=True)
class LiveEvent:
    """What every viewer of an event shares: the event, its agenda, its results and its counts (`counts`: the
    answers counted in the database per need, declared zone and origin, see `EventStore.answer_counts_frame`)."""

    event: Event
    agenda: tuple[AgendaItem, ...]
    results: pd.DataFrame
    counts: pd.DataFrame
    approved: pd.DataFrame
    participants: int
    pending_texts: int


@st.cache_data(ttl=LIVE_TTL_S, show_spinner=False, max_entries=64)
def live_event(code: str) -> LiveEvent | None:
    """One set of queries per event and interval, shared by every presenter, facilitator and results view."""
    url = database_url()
    store = _store(url)
    event = store.find_event(code)
    if event is None:
        return None
    agenda = tuple(store.agenda(code))
    counts = _counts(url).counts([code])
    texts = store.texts_frame([code])
    return LiveEvent(
        event=event, agenda=agenda, counts=counts,
        results=results_table(counts, [i.need_id for i in agenda]),
        approved=texts[texts["status"] == "approved"].reset_index(drop=True),
        participants=store.participant_count(code),
        pending_texts=int((texts["status"] == "pending").sum()),
    )


@st.cache_data(ttl=LIVE_TTL_S * 5, show_spinner=False, max_entries=64)
def results_across(codes: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Answer counts, results, outcomes and approved texts of the events `codes`, for the explorer pages. The
    answers are counted in the database, per event, and only the events that changed are recounted: this costs
    events × needs × zones, not answers."""
    url = database_url()
    store = _store(url)
    wanted = list(codes)
    counts = summed(_counts(url).counts(wanted))  # per need and zone: all the explorer's views need
    return (counts, results_table(counts), store.outcomes_frame(wanted),
            store.texts_frame(wanted, status="approved"))


@st.cache_data(ttl=AGENDA_TTL_S, show_spinner=False, max_entries=64)
def event_agenda(code: str) -> tuple[Event | None, tuple[AgendaItem, ...]]:
    """The event and its agenda's states, shared by every phone of the hall for `AGENDA_TTL_S`: a full page run
    or a card's refresh reads them without a query. The store re-checks an item's state inside every write, so a
    stale second here can only show a need as open a moment longer, never store a frozen answer."""
    store = _store(database_url())
    event = store.find_event(code)
    if event is None:
        return None, ()
    agenda = tuple(store.agenda(code))
    if event.online_open and not event.is_open:  # the online window: every need answerable (the store agrees)
        agenda = tuple(replace(item, status="open") for item in agenda)
    return event, agenda


def refresh_live() -> None:
    """After a facilitator's change: drop the shared aggregates so the next view reads the new state."""
    live_event.clear()
    results_across.clear()
    event_agenda.clear()


@dataclass(frozen=True)
class ExplorerResults:
    """Participants' answers for the explorer pages (always shown apart from the report's facts)."""

    events: tuple[Event, ...]
    counts: pd.DataFrame
    results: pd.DataFrame
    outcomes: pd.DataFrame
    approved: pd.DataFrame


def explorer_results(choice: str | None) -> ExplorerResults | None:
    """Results of all counted events (`choice=None`: no rehearsal, nothing archived) or of one; None when there are
    no events or no usable database.

    Never stops the explorer page: the report's facts must show even when the events database is down."""
    url = database_url()
    try:
        if not _schema_current(url):
            return None
        store = _store(url)
        # A rehearsal is never a result; an online window keeps its event's results hidden until it ends.
        events = tuple(e for e in store.events() if not e.is_rehearsal and not e.results_hidden)
        if not events:
            return None
        # "Tutti gli eventi": only the events that count (no rehearsal, nothing archived), as explicit codes.
        codes = (choice,) if choice else store.counted_codes()
        counts, results, outcomes, approved = results_across(codes)
    except EventError:
        return None
    except Exception:  # noqa: BLE001 - driver errors outside the store's guard (e.g. at connect): results hidden
        _schema_current.clear()
        return None
    return ExplorerResults(events, counts, results, outcomes, approved)
