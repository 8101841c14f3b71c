"""The participation store against both databases: lifecycle, idempotent writes, limits, moderation, concurrency."""

from __future__ import annotations

import threading
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import func, select, text

from psm_data.events.errors import EventError
from psm_data.events.store import CODE_ALPHABET, EventStore, device_hash, normalise_code
from psm_data.events.tables import answer_log, answers, participants, texts
from psm_data.events.vocabulary import MAX_STARS, PROPOSALS_PER_WINDOW, TEXT_MAX
from tests.events.conftest import token

NEEDS = ["N1.1", "N1.2", "N3.3", "N4.1", "N5.2"]


def open_event(store: EventStore, needs: list[str] = NEEDS) -> str:
    event = store.create_event(title="Ascolto Zona 7", event_date=date(2026, 12, 3), place="Ciriè",
                               zone_ids=["7"], need_ids=needs)
    store.set_event_status(event.code, "open")
    store.set_item_status(event.code, needs, "open")
    return event.code


def refused(code: str, func, *args, **kwargs) -> EventError:
    with pytest.raises(EventError) as info:
        func(*args, **kwargs)
    assert info.value.code == code, info.value
    return info.value


def test_create_event_has_a_short_code_and_its_agenda(store: EventStore) -> None:
    event = store.create_event(title="Evento", event_date="2026-12-03", zone_ids=["5", "7"], need_ids=NEEDS)
    assert len(event.code) == 6
    assert set(event.code) <= set(CODE_ALPHABET)
    assert event.status == "draft"
    assert event.zone_ids == ("5", "7")
    assert [i.need_id for i in store.agenda(event.code)] == NEEDS
    assert all(i.status == "pending" for i in store.agenda(event.code))
    assert store.find_event(event.code.lower()) == event  # typed in lower case on a phone
    assert store.find_event(f" {event.code[:3]}-{event.code[3:]} ") == event


def test_create_event_refuses_unknown_needs_and_zones(store: EventStore) -> None:
    refused("invalid_value", store.create_event, title="E", event_date="2026-12-03", need_ids=["N9.9"])
    refused("invalid_value", store.create_event, title="E", event_date="2026-12-03", zone_ids=["12"],
            need_ids=NEEDS)
    refused("invalid_value", store.create_event, title="E", event_date="3 dicembre", need_ids=NEEDS)
    refused("text_empty", store.create_event, title="  ", event_date="2026-12-03", need_ids=NEEDS)
    assert store.events() == []


def test_unknown_and_not_open_events_are_refused(store: EventStore) -> None:
    refused("event_not_found", store.submit_answer, "ZZZZZZ", token(1), "N1.1", answer="agree")
    assert store.find_event("<script>") is None
    assert normalise_code("'; DROP TABLE") == ""
    draft = store.create_event(title="E", event_date="2026-12-03", need_ids=NEEDS)
    refused("event_not_open", store.submit_answer, draft.code, token(1), "N1.1", answer="agree")
    store.set_event_status(draft.code, "open")
    refused("item_not_open", store.submit_answer, draft.code, token(1), "N1.1", answer="agree")
    refused("item_not_on_agenda", store.submit_answer, draft.code, token(1), "N2.1", answer="agree")
    store.set_event_status(draft.code, "closed")
    refused("event_closed", store.submit_answer, draft.code, token(1), "N1.1", answer="agree")


def test_answers_are_upserts_with_history_and_resends_are_noops(store: EventStore, db) -> None:
    code = open_event(store)
    assert store.submit_answer(code, token(1), "N1.1", answer="agree").status == "stored"
    assert store.submit_answer(code, token(1), "N1.1", answer="agree").status == "unchanged"  # reconnect re-run
    assert store.submit_answer(code, token(1), "N1.1", answer="partly").revision == 2
    assert store.my_answers(code, token(1))["N1.1"]["answer"] == "partly"
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(answers)).scalar_one() == 1
        log = conn.execute(select(answer_log.c.answer, answer_log.c.revision).order_by(answer_log.c.log_id)).all()
    assert [tuple(r) for r in log] == [("agree", 1), ("partly", 2)]


def test_closed_items_are_frozen(store: EventStore) -> None:
    code = open_event(store)
    store.submit_answer(code, token(1), "N1.1", answer="agree")
    store.set_item_status(code, "N1.1", "closed")
    refused("item_closed", store.submit_answer, code, token(1), "N1.1", answer="disagree")
    refused("item_closed", store.submit_comment, code, token(1), "N1.1", "ripensamento")
    assert store.my_answers(code, token(1))["N1.1"]["answer"] == "agree"
    store.set_item_status(code, "N1.1", "open")  # reopened by the facilitator
    assert store.submit_answer(code, token(1), "N1.1", answer="disagree").changed


def test_item_status_reads_one_need_now(store: EventStore) -> None:
    code = open_event(store, ["N1.1", "N1.2"])
    store.set_item_status(code, "N1.2", "closed")
    assert store.item_status(code, "N1.1") == "open"
    assert store.item_status(code, "N1.2") == "closed"
    assert store.item_status(code, "N6.1") is None
    assert store.item_status("ZZZZZZ", "N1.1") is None


def test_star_limit_per_participant_and_event(store: EventStore) -> None:
    code = open_event(store)
    for need in NEEDS[:MAX_STARS]:
        store.submit_answer(code, token(1), need, answer="agree", star=True)
    err = refused("star_limit", store.submit_answer, code, token(1), NEEDS[MAX_STARS], answer="agree", star=True)
    assert err.params["max_stars"] == MAX_STARS
    assert store.submit_answer(code, token(1), NEEDS[0], answer="partly", star=True).changed  # same star: fine
    store.submit_answer(code, token(1), NEEDS[0], answer="partly", star=False)  # free one
    assert store.submit_answer(code, token(1), NEEDS[MAX_STARS], answer=None, star=True).changed
    assert store.submit_answer(code, token(2), NEEDS[MAX_STARS], answer="agree", star=True).changed  # other phone


def test_device_tokens_are_hashed_per_event_and_never_stored(store: EventStore, db) -> None:
    code_a, code_b = open_event(store), open_event(store)
    store.join(code_a, token(1), zone_id="7", role="comune")
    store.join(code_b, token(1))
    with db.read() as conn:
        hashes = [r.device_hash for r in conn.execute(select(participants.c.device_hash))]
        dump = " ".join(str(v) for table in ("participants", "answers", "texts", "events")
                        for row in conn.execute(text(f"SELECT * FROM {table}")) for v in row)  # noqa: S608
    assert len(set(hashes)) == 2  # unlinkable across events
    assert token(1) not in dump
    assert hashes[0] in (device_hash(store.event(code_a).salt, token(1)), device_hash(store.event(code_b).salt,
                                                                                      token(1)))
    assert store.participant(code_a, token(1)) == {"zone_id": "7", "role": "comune"}
    refused("no_device", store.submit_answer, code_a, "", "N1.1", answer="agree")
    refused("invalid_value", store.join, code_a, token(1), zone_id="0")
    refused("invalid_value", store.join, code_a, token(1), role="sindaco")


def test_text_is_cleaned_capped_and_comments_are_moderated(store: EventStore) -> None:
    code = open_event(store)
    store.submit_comment(code, token(1), "N1.1", "  Serve\x00 una <b>rete</b>\u202e\n\n\n\nciclabile  ")
    row = store.texts_frame([code]).iloc[0]
    assert row["body"] == "Serve una <b>rete</b>\n\nciclabile"
    assert row["status"] == "pending"
    assert store.texts_frame([code], status="approved").empty  # hidden from the room until approved
    store.moderate(code, int(row["text_id"]), "approved")
    assert len(store.texts_frame([code], status="approved")) == 1
    store.submit_comment(code, token(1), "N1.1", "Serve una rete ciclabile sicura")  # edit → back to moderation
    assert store.texts_frame([code]).iloc[0]["status"] == "pending"
    assert len(store.texts_frame([code])) == 1
    refused("text_too_long", store.submit_comment, code, token(1), "N1.1", "x" * (TEXT_MAX + 1))
    refused("text_empty", store.submit_comment, code, token(1), "N1.1", " \n\t ")
    refused("invalid_value", store.moderate, code, int(row["text_id"]), "hidden")


def test_proposals_are_deduplicated_and_rate_limited(store: EventStore, db) -> None:
    code = open_event(store)
    assert store.submit_proposal(code, token(1), "Più treni  per Ivrea", axis_id="3", zone_id="9").changed
    assert not store.submit_proposal(code, token(1), "più treni per ivrea", axis_id="3", zone_id="9").changed
    for i in range(PROPOSALS_PER_WINDOW - 1):
        store.submit_proposal(code, token(1), f"Proposta numero {i}", axis_id="1")
    refused("rate_limited", store.submit_proposal, code, token(1), "Una di troppo", axis_id="1")
    assert not store.submit_proposal(code, token(1), "Più treni per Ivrea", axis_id="3", zone_id="9").changed
    assert store.submit_proposal(code, token(2), "Una di troppo", axis_id="1").changed  # other phone
    refused("invalid_value", store.submit_proposal, code, token(3), "Asse sbagliato", axis_id="7")
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(texts)).scalar_one() == PROPOSALS_PER_WINDOW + 1


def test_outcomes(store: EventStore) -> None:
    code = open_event(store)
    store.set_outcome(code, "N1.1", "validata", "confermata dalla sala")
    store.set_outcome(code, "N1.2", "da_riformulare")
    refused("invalid_value", store.set_outcome, code, "N1.1", "approvata")
    refused("item_not_on_agenda", store.set_outcome, code, "N6.1", "validata")
    outcomes = store.outcomes_frame([code]).set_index("need_id")
    assert outcomes.loc["N1.1", "outcome"] == "validata"
    assert outcomes.loc["N1.1", "outcome_note"]
    assert outcomes.loc["N1.2", "outcome"] == "da_riformulare"
    assert pd.isna(outcomes.loc["N3.3", "outcome"])


def test_answers_frame_carries_declared_zone_and_role(store: EventStore) -> None:
    code = open_event(store)
    store.join(code, token(1), zone_id="7", role="cittadino")
    store.submit_answer(code, token(1), "N1.1", answer="agree", star=True)
    store.submit_answer(code, token(2), "N1.1", answer="unclear")
    frame = store.answers_frame([code]).sort_values("answer")
    assert list(frame["zone_id"]) == ["7", None]
    assert list(frame["star"]) == [True, False]
    assert list(frame["origin"]) == ["web", "web"]


def test_fifty_threads_answering_at_once_are_each_counted_once(store: EventStore, db) -> None:
    code = open_event(store)
    barrier = threading.Barrier(50)
    errors: list[BaseException] = []

    def participant(n: int) -> None:
        try:
            barrier.wait()
            store.join(code, token(n), zone_id=str(n % 11 + 1))
            for need in NEEDS:
                store.submit_answer(code, token(n), need, answer="agree" if n % 2 else "partly", star=need == "N1.1")
                store.submit_answer(code, token(n), need, answer="agree" if n % 2 else "partly",
                                    star=need == "N1.1")  # the reconnect re-send
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(answers)).scalar_one() == 50 * len(NEEDS)
        assert conn.execute(select(func.count()).select_from(answer_log)).scalar_one() == 50 * len(NEEDS)
        assert conn.execute(select(func.count()).select_from(participants)).scalar_one() == 50
    frame = store.answers_frame([code])
    assert frame.groupby("need_id").size().eq(50).all()
    assert frame["star"].sum() == 50


def test_same_phone_on_two_threads_never_duplicates(store: EventStore, db) -> None:
    code = open_event(store)
    barrier = threading.Barrier(8)

    def tap() -> None:
        barrier.wait()
        store.submit_answer(code, token(1), "N1.1", answer="agree", star=True)

    threads = [threading.Thread(target=tap) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(answers)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(answer_log)).scalar_one() == 1
