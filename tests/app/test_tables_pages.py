"""Thematic tables in AppTest: the facilitator makes tables and sees their PINs once; a host signs in with the
table's PIN (a wrong one is refused), opens a need and writes the verbale, read back from the database; a phone
at a table sees that table's needs; the projector has a report-back slide per table; the hall's address notice."""

from __future__ import annotations

import re

from psm_data import load_dataset
from psm_data.events.tavoli import TableStore
from tests.app.conftest import no_exception
from tests.app.events_helpers import make_event, open_event_page, signed_in_facilitator, test_store

NEEDS = ["N1.1", "N1.2", "N3.3", "N4.1", "N5.2"]
DEVICE = "tables-test-device-0001-abcdef"


def tables() -> TableStore:
    data = load_dataset()
    return TableStore(test_store(), dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True)))


def event_with_table() -> tuple[str, str]:
    code = make_event(open_items=[])
    _table, pin = tables().create_table(code, name="Mobilità <b>e</b> servizi", host_name="Giulia",
                                        need_ids=["N3.3", "N4.1"])
    return code, pin


def test_facilitator_creates_tables_and_sees_each_pin_once() -> None:
    code = make_event(open_items=[])
    at = signed_in_facilitator({"evento": code, "vista": "tavoli"})
    no_exception(at)
    at.text_input(key="t_new_name").input("Territorio")
    at.text_input(key="t_new_host").input("Marco")
    at.selectbox(key="t_new_axis").set_value("1")
    at.button[[b.label for b in at.button].index("Crea il tavolo")].click().run()
    no_exception(at)
    listed = tables().tables(code)
    assert [(t.name, t.need_ids, t.host_name) for t in listed] == [("Territorio", ("N1.1", "N1.2"), "Marco")]
    shown = " ".join(m.value for m in at.markdown)
    pin = re.search(r"PIN del tavolo: \*\*(\d{6})\*\*", shown).group(1)
    assert tables().check_pin(code, 1, pin)
    assert "I tavoli, dal vivo" in [h.value for h in at.subheader]
    at = signed_in_facilitator({"evento": code, "vista": "tavoli"})  # another session: the PIN is not shown
    assert "PIN del tavolo" not in " ".join(m.value for m in at.markdown)
    # a second table cannot take a need of the first
    at.multiselect(key="t_new_needs").set_value(["N3.3"])
    at.text_input(key="t_new_name").input("Mobilità")
    at.button[[b.label for b in at.button].index("Crea il tavolo")].click().run()
    assert [t.need_ids for t in tables().tables(code)] == [("N1.1", "N1.2"), ("N3.3",)]


def test_host_signs_in_with_the_pin_opens_a_need_and_writes_the_verbale() -> None:
    code, pin = event_with_table()
    at = open_event_page("pages/table_host.py", {"evento": code, "tavolo": "1"})
    no_exception(at)
    assert at.title[0].value == "Tavolo 1 · Mobilità \\<b\\>e\\</b\\> servizi"  # shown as text
    at.text_input(key="t_host_pin").input("000000" if pin != "000000" else "111111")
    at.button[0].click().run()
    assert at.error[0].value == "PIN sbagliato."
    at.text_input(key="t_host_pin").input(pin)
    at.button[0].click().run()
    no_exception(at)
    at.button(key="th_open_N3.3").click().run()
    no_exception(at)
    assert {i.need_id: i.status for i in test_store().agenda(code)}["N3.3"] == "open"
    at.text_area(key="vb_body_new").input("Corse serali tra le valli")
    at.button(key="vb_add").click().run()
    no_exception(at)
    notes = tables().notes(code, 1)
    assert [(n.kind, n.body) for n in notes] == [("key_point", "Corse serali tra le valli")]
    assert at.text_area(key=f"vb_body_{notes[0].note_id}").value == "Corse serali tra le valli"
    assert any("Salvato nel database" in c.value for c in at.caption)
    at.text_area(key=f"vb_body_{notes[0].note_id}").input("Corse serali e coincidenze").run()  # saved as typed
    assert tables().note(code, notes[0].note_id).revision == 2


def test_wrong_table_or_event_is_a_clear_message() -> None:
    code, _ = event_with_table()
    at = open_event_page("pages/table_host.py", {"evento": code, "tavolo": "9"})
    no_exception(at)
    assert at.error[0].value.startswith("Questo tavolo non esiste")
    at = open_event_page("pages/table_host.py", {"evento": "ZZZZZZ", "tavolo": "x<script>"})
    no_exception(at)
    assert at.error


def test_a_phone_at_a_table_sees_its_needs_then_the_plenary() -> None:
    code, _ = event_with_table()
    test_store().set_item_status(code, NEEDS, "open")
    at = open_event_page("pages/participate.py", {"evento": code, "tavolo": "1"},
                         session={"_device_fallback": DEVICE})
    no_exception(at)
    assert at.selectbox(key="p_table").value == "1"
    assert tables().seat(code, DEVICE) == 1  # the table's QR seated the phone
    shown = [m.value.split("**")[1] for m in at.markdown if m.value.startswith("**N")]
    assert shown == ["N3.3", "N4.1", "N1.1", "N1.2", "N5.2"]  # the table's needs, then the plenary's
    at.selectbox(key="p_table").set_value(None).run()
    no_exception(at)


def test_projector_has_a_report_back_slide_per_table() -> None:
    code, _ = event_with_table()
    tables().save_note(code, 1, kind="new_need", axis_id="3", body="<img src=x onerror=alert(1)> navette")
    # opening, report, N1.1, N1.2, N5.2 (plenary), table 1, wall, closing
    at = open_event_page("pages/present.py", {"evento": code, "step": "6"}, session={"_facilitator_ok": True})
    no_exception(at)
    assert at.header[0].value.startswith("Dal tavolo 1")
    body = " ".join(h.proto.body for h in at.get("html"))
    assert "&lt;img src=x onerror=alert(1)&gt; navette" in body
    assert "<img src=x" not in body
    at = open_event_page("pages/present.py", {"evento": code, "step": "8"}, session={"_facilitator_ok": True})
    assert at.header[0].value == "Cosa è emerso"
