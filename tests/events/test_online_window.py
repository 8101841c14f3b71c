"""The online window beside the hall, on both databases: it opens every need to any phone, marks answers `online`
everywhere, keeps results hidden until it ends, and closes by itself after its last day."""

from __future__ import annotations

from datetime import timedelta

import pytest

from psm_data.events import exports
from psm_data.events.errors import EventError
from psm_data.events.store import EventStore, today
from tests.events.conftest import token

NEEDS = ["N1.1", "N1.2", "N3.3"]


def new_event(store: EventStore) -> str:
    return store.create_event(title="Ascolto Zona 7", event_date=today(), place="Ciriè", zone_ids=["7"],
                              need_ids=NEEDS).code


def test_an_open_window_takes_every_need_online_and_hides_results(store: EventStore) -> None:
    code = new_event(store)
    event = store.set_online_window(code, today() - timedelta(days=1), today() + timedelta(days=6))
    assert event.online_open
    assert event.results_hidden
    assert event.status == "draft"
    store.join(code, token(1), zone_id="7", role="cittadino")
    # No need was opened in the hall: online, every need on the agenda is open.
    assert store.submit_answer(code, token(1), "N3.3", answer="agree").changed
    store.submit_comment(code, token(1), "N1.2", "Più corse serali")
    store.submit_proposal(code, token(2), "Un bus a chiamata", axis_id="1")
    frame = store.answers_frame([code])
    assert frame["origin"].tolist() == ["online"]
    assert set(store.texts_frame([code])["origin"]) == {"online"}
    people = store.participants_frame([code])
    assert sorted(people["origin"]) == ["online", "online"]
    assert "device_hash" not in people
    # Results hidden from the pooled ("Tutti gli eventi") readers until the window is over.
    assert code not in store.counted_codes()
    assert store.event(code).event_id not in store.counted_event_ids()
    # Exports say where each answer came from.
    summary = exports.summary(store, code).set_index("need_id")
    assert summary.loc["N3.3", ["voters_web", "voters_paper", "voters_online"]].tolist() == [0, 0, 1]
    assert set(exports.answer_log(store, code)["origin"]) == {"online"}


def test_the_hall_stays_web_while_a_window_runs_and_paper_stays_paper(store: EventStore) -> None:
    code = new_event(store)
    store.set_online_window(code, today(), today())
    store.set_event_status(code, "open")
    store.set_item_status(code, "N1.1", "open")
    store.submit_answer(code, token(1), "N1.1", answer="agree")
    store.submit_answer(code, "sheet-1", "N1.1", answer="partly", origin="paper")
    assert sorted(store.answers_frame([code])["origin"]) == ["paper", "web"]
    with pytest.raises(EventError) as refused:
        store.submit_answer(code, token(1), "N1.2", answer="agree")  # the hall's rule: a need not opened
    assert refused.value.code == "item_not_open"


def test_a_window_closes_by_itself_after_its_last_day(store: EventStore) -> None:
    code = new_event(store)
    event = store.set_online_window(code, today() - timedelta(days=7), today() - timedelta(days=1))
    assert not event.online_open
    assert not event.results_hidden
    with pytest.raises(EventError) as refused:
        store.submit_answer(code, token(1), "N1.1", answer="agree")
    assert refused.value.code == "event_not_open"
    assert code in store.counted_codes()
    later = store.set_online_window(code, today() + timedelta(days=1), today() + timedelta(days=3))
    assert not later.online_open
    assert later.results_hidden
    with pytest.raises(EventError):
        store.join(code, token(1), zone_id="7")
    cleared = store.set_online_window(code, None, None)
    assert (cleared.online_from, cleared.online_until, cleared.online_open) == (None, None, False)


@pytest.mark.parametrize(("start", "end"), [("2026-12-10", "2026-12-01"), ("2026-12-10", None), ("giovedì", "x")])
def test_a_wrong_window_is_refused_with_a_reason(store: EventStore, start, end) -> None:  # noqa: ANN001
    code = new_event(store)
    with pytest.raises(EventError) as refused:
        store.set_online_window(code, start, end)
    assert refused.value.code == "invalid_value"
    assert store.event(code).online_from is None


def test_publishing_is_a_reversible_choice(store: EventStore) -> None:
    code = new_event(store)
    assert not store.event(code).published
    assert store.set_published(code, True).published
    assert not store.set_published(code, False).published
