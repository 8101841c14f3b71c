"""Thematic tables on both databases: needs by axis or by hand, one table per need, PINs, seats, the verbale."""

from __future__ import annotations

import pytest

from psm_data.events.errors import EventError
from psm_data.events.store import EventStore
from psm_data.events.tavoli import PinLimiter, TableStore, export_files, table_results
from tests.events.conftest import token
from tests.events.test_store import refused

AGENDA = ["N1.1", "N1.2", "N2.1", "N3.3", "N4.1", "N4.2"]


@pytest.fixture
def tables(store: EventStore, dataset) -> TableStore:
    return TableStore(store, dict(zip(dataset.needs["need_id"], dataset.needs["axis_id"], strict=True)))


def event_with_tables(store: EventStore, tables: TableStore) -> tuple[str, dict[int, str]]:
    event = store.create_event(title="Tavoli", event_date="2026-12-06", need_ids=AGENDA)
    store.set_event_status(event.code, "open")
    pins = {}
    first, pins[1] = tables.create_table(event.code, name="Territorio", host_name="Giulia", axis_id="1")
    second, pins[2] = tables.create_table(event.code, name="Mobilità", need_ids=["N3.3", "N2.1"])
    assert (first.table_no, first.need_ids, first.axis_id) == (1, ("N1.1", "N1.2"), "1")
    assert (second.table_no, second.need_ids) == (2, ("N2.1", "N3.3"))  # in the agenda's order
    return event.code, pins


def test_tables_take_needs_by_axis_or_by_hand_and_each_need_once(store: EventStore, tables: TableStore) -> None:
    code, pins = event_with_tables(store, tables)
    assert all(len(pin) == 6 and pin.isdigit() for pin in pins.values())
    err = refused("need_on_other_table", tables.create_table, code, name="Doppio", need_ids=["N1.2", "N4.1"])
    assert err.params["table"] == "Territorio"
    refused("table_no_needs", tables.create_table, code, name="Vuoto", axis_id="6")  # axis 6 not on the agenda
    refused("item_not_on_agenda", tables.create_table, code, name="Fuori", need_ids=["N6.1"])
    refused("text_empty", tables.create_table, code, name="  ", need_ids=["N4.1"])
    third, _ = tables.create_table(code, name="<b>Lavoro</b>", axis_id="4")
    assert third.name == "<b>Lavoro</b>"
    assert third.need_ids == ("N4.1", "N4.2")
    assert [t.table_no for t in tables.tables(code)] == [1, 2, 3]


def test_pin_is_checked_in_constant_time_and_wrong_tries_are_limited(store: EventStore, dataset) -> None:
    limiter = PinLimiter(attempts=3, window_s=60)
    tables = TableStore(store, dict(zip(dataset.needs["need_id"], dataset.needs["axis_id"], strict=True)), limiter)
    code, pins = event_with_tables(store, tables)
    assert tables.check_pin(code, 1, pins[1])
    assert not tables.check_pin(code, 1, pins[2] if pins[2] != pins[1] else "000000")
    assert not tables.check_pin(code, 2, pins[1] if pins[2] != pins[1] else "000000")  # each table its own PIN
    assert not tables.check_pin(code, 1, "")
    assert not tables.check_pin(code, 1, "12")
    err = refused("pin_locked", tables.check_pin, code, 1, pins[1])  # locked even for the right PIN
    assert 0 < err.params["seconds"] <= 61
    assert tables.check_pin(code, 2, pins[2])  # the other table is not locked
    fresh = tables.reset_pin(code, 1)  # the facilitator gives a new PIN: the lock and the old PIN go
    assert tables.check_pin(code, 1, fresh)
    assert fresh == pins[1] or not tables.check_pin(code, 1, pins[1])


def test_host_opens_and_closes_only_its_needs_and_phones_keep_answers_moving(store: EventStore,
                                                                               tables: TableStore) -> None:
    code, _ = event_with_tables(store, tables)
    tables.set_table_items(code, 1, ["N1.1", "N1.2"], "open")
    refused("need_on_other_table", tables.set_table_items, code, 1, "N3.3", "open")
    status = {i.need_id: i.status for i in store.agenda(code)}
    assert status["N1.1"] == status["N1.2"] == "open"
    assert status["N3.3"] == "pending"
    tables.sit(code, token(1), 1)
    store.submit_answer(code, token(1), "N1.1", answer="agree")
    tables.sit(code, token(1), 2)  # moves to the mobility table
    tables.sit(code, token(1), 2)  # idempotent
    assert tables.seat(code, token(1)) == 2
    assert tables.seat(code, token(2)) is None
    assert store.my_answers(code, token(1))["N1.1"]["answer"] == "agree"  # the answer stayed
    tables.set_table_items(code, 1, "N1.1", "closed")
    refused("item_closed", store.submit_answer, code, token(1), "N1.1", answer="disagree")
    tables.sit(code, token(2), 1)
    assert tables.seat_counts(code) == {1: 1, 2: 1}
    refused("table_not_found", tables.sit, code, token(3), 9)
    result = table_results(store.answers_frame([code]), tables.table(code, 1)).set_index("need_id")
    assert list(result.index) == ["N1.1", "N1.2"]
    assert int(result.loc["N1.1", "n_agree"]) == 1


def test_verbale_points_are_saved_as_typed_with_their_history(store: EventStore, tables: TableStore) -> None:
    code, _ = event_with_tables(store, tables)
    point = tables.save_note(code, 1, kind="key_point", need_id="N1.1", body="Servono fondi per le valli")
    assert point.revision == 1
    same = tables.save_note(code, 1, kind="key_point", need_id="N1.1", body="Servono fondi per le valli",
                            note_id=point.note_id)
    assert same.revision == 1  # an unchanged save stores nothing new
    edited = tables.save_note(code, 1, kind="priority", need_id="N1.1", body="Priorità: fondi per le valli",
                              note_id=point.note_id)
    assert (edited.revision, edited.kind) == (2, "priority")
    new_need = tables.save_note(code, 1, kind="new_need", axis_id="5", body="=HYPERLINK(\"x\") casa")
    assert new_need.need_id is None
    assert new_need.axis_id == "5"
    refused("note_axis_needed", tables.save_note, code, 1, kind="new_need", body="senza asse")
    refused("need_on_other_table", tables.save_note, code, 1, kind="disagreement", need_id="N3.3", body="no")
    refused("text_too_long", tables.save_note, code, 1, kind="key_point", body="x" * 1001)
    tables.save_note(code, 2, kind="disagreement", need_id="N3.3", body="Divisi sulla ferrovia")
    assert [n.body for n in tables.notes(code, 1)] == ["Priorità: fondi per le valli", "=HYPERLINK(\"x\") casa"]
    tables.delete_note(code, 1, new_need.note_id)
    assert [n.note_id for n in tables.notes(code, 1)] == [point.note_id]
    history = tables.note_history(code, point.note_id)
    assert list(history["body"]) == ["Servono fondi per le valli", "Priorità: fondi per le valli"]
    assert list(tables.note_history(code, new_need.note_id)["deleted"]) == [False, True]
    files = export_files(tables, code)
    assert set(files) == {f"evento_{code}_{name}.csv" for name in (
        "tavoli", "verbali", "verbali_storia", "tavolo_1_risultati", "tavolo_2_risultati")}
    history_csv = files[f"evento_{code}_verbali_storia.csv"].decode("utf-8-sig")
    assert "'=HYPERLINK" in history_csv
    assert "\n=HYPERLINK" not in history_csv
    assert "table_host" in files[f"evento_{code}_verbali.csv"].decode("utf-8-sig")


def test_unknown_event_or_note(store: EventStore, tables: TableStore) -> None:
    refused("event_not_found", tables.tables, "ZZZZZZ")
    code, _ = event_with_tables(store, tables)
    refused("note_not_found", tables.save_note, code, 1, kind="key_point", body="x", note_id=999)
    with pytest.raises(EventError):
        tables.table(code, 7)


def test_verbale_export_suggests_three_needs_for_every_point(store: EventStore, tables: TableStore) -> None:
    """Issue 16 point 2: a verbale point gets the report's 3 most likely needs, as the comments export does."""
    import csv
    import io

    from psm_data.events.need_links import suggestions
    from psm_data.events.tavoli import suggested_needs, wants_suggestion

    code, _ = event_with_tables(store, tables)
    new = tables.save_note(code, 1, kind="new_need", axis_id="3",
                           body="Servono più piste ciclabili sicure tra Collegno e Torino")
    stated = tables.save_note(code, 2, kind="key_point", need_id="N3.3", body="=1+1 treni più frequenti")
    assert wants_suggestion(new)
    assert not wants_suggestion(stated)
    expected = [";".join(n for n, _ in r) for r in suggestions([new.body, stated.body])]
    assert expected[0].split(";")[0] == "N3.3"
    assert len(expected[0].split(";")) == 3
    assert suggested_needs([new, stated]) == {new.note_id: tuple(expected[0].split(";")),
                                              stated.note_id: tuple(expected[1].split(";"))}
    raw = export_files(tables, code)[f"evento_{code}_verbali.csv"].decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert [r["suggested_needs"] for r in rows] == expected
    assert [r["tipo"] for r in rows] == ["new_need", "key_point"]
    assert rows[1]["testo"].startswith("'=1+1")  # the host's words stay formula-safe beside the new column
