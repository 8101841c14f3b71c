"""An event you can prepare, fix and rehearse, and moderation that approves what it showed: on both databases."""

from __future__ import annotations

import pytest

from psm_data.events.errors import EventError
from psm_data.events.store import EventStore
from tests.events.conftest import token

NEEDS = ["N1.1", "N1.2", "N3.3", "N4.1"]


def refused(code: str, func, *args, **kwargs) -> EventError:  # noqa: ANN001 - any store method
    with pytest.raises(EventError) as info:
        func(*args, **kwargs)
    assert info.value.code == code, info.value
    return info.value


def new_event(store: EventStore, **extra) -> str:  # noqa: ANN003 - create_event's keywords
    return store.create_event(title="Ascolto Zona 7", event_date="2026-12-03", place="Ciriè", zone_ids=["7"],
                              need_ids=NEEDS, **extra).code


def run_event(store: EventStore, code: str, voters: int = 2) -> None:
    store.set_event_status(code, "open")
    store.set_item_status(code, NEEDS, "open")
    for n in range(voters):
        store.submit_answer(code, token(n), "N1.1", answer="agree")


def test_an_event_in_preparation_is_edited_agenda_included(store: EventStore) -> None:
    code = new_event(store)
    store.set_outcome(code, "N1.2", "validata", "nota")
    edited = store.update_event(code, title="Ascolto Zona 7 — Ciriè", event_date="2026-12-04", place="Lanzo",
                                zone_ids=["7", "8"], need_ids=["N4.1", "N1.2", "N5.2"])
    assert (edited.code, edited.title, edited.event_date, edited.place, edited.zone_ids) == (
        code, "Ascolto Zona 7 — Ciriè", "2026-12-04", "Lanzo", ("7", "8"))
    agenda = store.agenda(code)
    assert [(i.need_id, i.position) for i in agenda] == [("N4.1", 0), ("N1.2", 1), ("N5.2", 2)]
    assert agenda[1].outcome == "validata"  # a kept need keeps what it had
    refused("invalid_value", store.update_event, code, title="T", event_date="domani", need_ids=NEEDS)
    refused("invalid_value", store.update_event, code, title="T", event_date="2026-12-04", need_ids=[])
    refused("text_empty", store.update_event, code, title=" ", event_date="2026-12-04", need_ids=NEEDS)
    assert store.event(code) == edited  # a refused edit changed nothing


def test_only_an_event_in_preparation_is_editable(store: EventStore) -> None:
    code = new_event(store)
    store.set_event_status(code, "open")
    refused("event_not_editable", store.update_event, code, title="Nuovo", event_date="2026-12-03",
            need_ids=NEEDS)
    assert store.event(code).title == "Ascolto Zona 7"


def test_a_need_with_answers_stays_on_the_agenda(store: EventStore) -> None:
    code = new_event(store)
    store.submit_answer(code, "S1", "N1.1", answer="agree", origin="paper")  # paper before the event opens
    refused("event_has_answers", store.update_event, code, title="T", event_date="2026-12-03",
            need_ids=["N1.2"])
    store.update_event(code, title="T", event_date="2026-12-03", need_ids=["N1.1", "N5.2"])
    assert [i.need_id for i in store.agenda(code)] == ["N1.1", "N5.2"]


def test_rehearsals_and_archived_events_do_not_count(store: EventStore) -> None:
    real, rehearsal, archived = new_event(store), new_event(store, is_rehearsal=True), new_event(store)
    for code in (real, rehearsal, archived):
        run_event(store, code)
    store.set_event_status(archived, "closed")
    store.set_archived(archived, True)
    counted = store.counted_codes()
    assert counted == (real,)
    assert set(store.counted_event_ids()) == {store.event(real).event_id}
    assert store.event(rehearsal).is_rehearsal
    assert not store.event(rehearsal).counts
    assert store.event(archived).archived
    assert not store.event(archived).counts
    pooled = store.answers_frame(counted)
    assert set(pooled["code"]) == {real}
    assert len(pooled) == 2
    assert len(store.answers_frame([archived])) == 2  # kept: its exports and backups still have it
    store.set_archived(archived, False)
    store.set_rehearsal(rehearsal, False)
    assert set(store.counted_codes()) == {real, rehearsal, archived}


def test_an_open_event_is_not_archived(store: EventStore) -> None:
    code = new_event(store)
    store.set_event_status(code, "open")
    refused("event_is_open", store.set_archived, code, True)
    assert not store.event(code).archived


def test_delete_needs_the_code_and_spares_events_with_answers(store: EventStore) -> None:
    real, rehearsal, empty = new_event(store), new_event(store, is_rehearsal=True), new_event(store)
    run_event(store, real)
    run_event(store, rehearsal)
    store.submit_comment(rehearsal, token(0), "N1.1", "Una prova")
    refused("confirmation_mismatch", store.delete_event, empty, confirmation="")
    refused("confirmation_mismatch", store.delete_event, empty, confirmation=real)
    refused("event_has_answers", store.delete_event, real, confirmation=real)
    assert store.contribution_count(real) == 2
    store.delete_event(rehearsal, confirmation=rehearsal.lower())
    store.delete_event(empty, confirmation=empty)
    assert [e.code for e in store.events()] == [real]
    assert set(store.answers_frame()["code"]) == {real}
    assert store.texts_frame().empty
    assert store.find_event(rehearsal) is None


def test_outcome_note_is_kept_apart_from_the_verdict(store: EventStore) -> None:
    code = new_event(store)
    store.set_outcome_note(code, "N1.1", "Riformulata: «più corse serali»")
    store.set_outcome(code, "N1.1", "da_riformulare")  # choosing the verdict keeps the note
    item = store.agenda(code)[0]
    assert (item.outcome, item.outcome_note) == ("da_riformulare", "Riformulata: «più corse serali»")
    store.set_outcome_note(code, "N1.1", "")
    assert store.agenda(code)[0].outcome_note == ""
    refused("item_not_on_agenda", store.set_outcome_note, code, "N6.1", "x")


def test_approval_names_the_version_the_moderator_saw(store: EventStore) -> None:
    code = new_event(store)
    run_event(store, code, voters=0)
    store.submit_comment(code, token(1), "N1.1", "Prima versione")
    shown = store.texts_frame([code]).iloc[0]
    assert shown["revision"] == 1
    # The participant edits the comment while the queue is on the facilitator's screen.
    assert store.submit_comment(code, token(1), "N1.1", "Versione cambiata").revision == 2
    refused("text_changed", store.moderate, code, int(shown["text_id"]), "approved", revision=int(shown["revision"]))
    row = store.texts_frame([code]).iloc[0]
    assert (row["status"], row["body"], row["revision"]) == ("pending", "Versione cambiata", 2)
    store.moderate(code, int(row["text_id"]), "approved", revision=int(row["revision"]))
    assert store.texts_frame([code], status="approved")["body"].tolist() == ["Versione cambiata"]
    assert not store.submit_comment(code, token(1), "N1.1", "Versione cambiata").changed  # re-send: same revision
    store.submit_comment(code, token(1), "N1.1", "Terza")  # an edit after approval: back to the queue
    assert store.texts_frame([code], status="approved").empty


def test_exports_carry_the_outcome_note_and_say_rehearsal_and_archive(store: EventStore) -> None:
    import io

    import pandas as pd

    from psm_data.events.exports import export_files

    code = new_event(store, is_rehearsal=True)
    run_event(store, code)
    store.set_outcome(code, "N1.1", "da_riformulare", "Riformulata in sala")
    store.set_event_status(code, "closed")
    store.set_archived(code, True)
    files = export_files(store, code)
    for name, payload in files.items():
        frame = pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig")
        assert frame["event_is_rehearsal"].all(), name
        assert frame["event_is_archived"].all(), name
    summary = pd.read_csv(io.BytesIO(files[f"psm_evento_{code}_sintesi_esigenze.csv"]), encoding="utf-8-sig")
    assert summary.set_index("need_id").loc["N1.1", "outcome_note"] == "Riformulata in sala"
