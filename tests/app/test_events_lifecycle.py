"""An event prepared, fixed and rehearsed from the facilitator's page; its results on *Esigenze* (issue 15.3), and
moderation that approves only the version it showed (issue 14.2)."""

from __future__ import annotations

import html
import re

from components.events.access import refresh_live
from components.events.results import origin_split
from tests.app.conftest import no_exception, open_page
from tests.app.events_helpers import make_event, signed_in_facilitator, test_store

DEVICE = "lifecycle-test-device-{n:04d}-abcdefgh"


def button(at, label: str):  # noqa: ANN001, ANN201 - AppTest objects
    return at.button[[b.label for b in at.button].index(label)]


def test_the_agenda_is_previewed_before_creating_and_a_rehearsal_is_marked():
    at = signed_in_facilitator({"vista": "nuovo"})
    at.text_input(key="f_new_title").input("Prova generale Ivrea")
    at.multiselect(key="f_new_needs").set_value(["N3.3", "N1.2"]).run()
    no_exception(at)
    preview = " ".join(m.value for m in at.markdown)
    assert "1. **N3.3**" in preview
    assert "2. **N1.2**" in preview
    assert any("2 esigenze in programma" in c.value for c in at.caption)
    at.checkbox(key="f_new_rehearsal").check()
    button(at, "Crea l'evento").click().run()
    no_exception(at)
    event = next(e for e in test_store().events() if e.title == "Prova generale Ivrea")
    assert event.is_rehearsal
    assert [i.need_id for i in test_store().agenda(event.code)] == ["N3.3", "N1.2"]
    assert "PROVA" in at.selectbox(key="f_event").format_func(event.code)  # labelled wherever it is named


def test_an_event_in_preparation_is_edited_and_a_started_one_is_not():
    code = make_event(status="draft", open_items=[])
    at = signed_in_facilitator({"evento": code, "vista": "gestisci"})
    no_exception(at)
    at.text_input(key=f"f_edit_{code}_title").input("Ascolto Zona 7 — Ciriè")
    at.text_input(key=f"f_edit_{code}_place").input("Lanzo")
    at.multiselect(key=f"f_edit_{code}_needs").set_value(["N5.2", "N1.1"]).run()
    assert "1. **N5.2**" in " ".join(m.value for m in at.markdown)  # the new agenda, previewed
    at.button(key="f_edit_save").click().run()
    no_exception(at)
    event = test_store().event(code)
    assert (event.title, event.place) == ("Ascolto Zona 7 — Ciriè", "Lanzo")
    assert [i.need_id for i in test_store().agenda(code)] == ["N5.2", "N1.1"]
    assert at.success[0].value == "Modifiche salvate."
    started = make_event()
    at = signed_in_facilitator({"evento": started, "vista": "gestisci"})
    no_exception(at)
    assert "solo finché l'evento è in preparazione" in at.info[0].value
    assert f"f_edit_{started}_title" not in [w.key for w in at.text_input]


def test_rehearsal_and_archive_from_the_facilitator_page():
    code = make_event(status="closed")
    at = signed_in_facilitator({"evento": code, "vista": "gestisci"})
    at.button(key="f_rehearsal_toggle").click().run()
    no_exception(at)
    assert test_store().event(code).is_rehearsal
    assert "Evento di prova" in at.warning[0].value
    at.button(key="f_archive_toggle").click().run()
    no_exception(at)
    assert test_store().event(code).archived
    assert any("Evento archiviato" in i.value for i in at.info)
    live = make_event()
    at = signed_in_facilitator({"evento": live, "vista": "gestisci"})
    assert at.button(key="f_archive_toggle").disabled  # an open event is closed before archiving


def test_delete_needs_the_code_and_spares_an_event_with_answers():
    empty = make_event(status="draft", open_items=[])
    at = signed_in_facilitator({"evento": empty, "vista": "gestisci"})
    assert at.button(key="f_delete_go").disabled
    at.text_input(key=f"f_delete_code_{empty}").input("ABCDEF").run()
    assert at.button(key="f_delete_go").disabled
    at.text_input(key=f"f_delete_code_{empty}").input(empty.lower()).run()
    assert not at.button(key="f_delete_go").disabled
    at.button(key="f_delete_go").click().run()
    no_exception(at)
    assert test_store().find_event(empty) is None
    assert at.success[0].value == f"Evento {empty} eliminato."
    answered = make_event()
    test_store().submit_answer(answered, DEVICE.format(n=1), "N1.1", answer="agree")
    at = signed_in_facilitator({"evento": answered, "vista": "gestisci"})
    no_exception(at)
    assert any("non si elimina" in i.value for i in at.info)
    assert "f_delete_go" not in [b.key for b in at.button]
    assert test_store().find_event(answered) is not None


def test_outcome_note_is_typed_saved_and_read_back():
    code = make_event()
    at = signed_in_facilitator({"evento": code, "vista": "esiti"})
    no_exception(at)
    at.text_area(key=f"f_note_{code}_N1.2").input("Riformulata: «più corse serali»").run()
    assert any("non ancora salvata" in c.value for c in at.caption)
    at.button(key=f"f_note_save_{code}_N1.2").click().run()
    no_exception(at)
    assert test_store().outcomes_frame([code]).set_index("need_id").loc["N1.2", "outcome_note"] == \
        "Riformulata: «più corse serali»"
    assert any("Nota salvata" in c.value for c in at.caption)
    at.segmented_control(key=f"f_outcome_{code}_N1.2").set_value("da_riformulare").run()  # the verdict keeps it
    assert test_store().outcomes_frame([code]).set_index("need_id").loc["N1.2", "outcome_note"] != ""


def test_a_text_edited_after_the_queue_was_shown_is_not_approved():
    code = make_event()
    store = test_store()
    store.submit_comment(code, DEVICE.format(n=2), "N1.1", "Versione vista dal facilitatore")
    at = signed_in_facilitator({"evento": code, "vista": "modera"})
    no_exception(at)
    text_id = int(store.texts_frame([code])["text_id"].iloc[0])
    store.submit_comment(code, DEVICE.format(n=2), "N1.1", "Versione cambiata dopo")  # while the queue is shown
    at.button(key=f"f_ok_{text_id}").click().run()
    no_exception(at)
    assert "ha modificato questo testo" in at.error[0].value
    row = store.texts_frame([code]).iloc[0]
    assert (row["status"], row["body"]) == ("pending", "Versione cambiata dopo")
    shown = " ".join([m.value for m in at.markdown] + [h.proto.body for h in at.get("html")])
    assert "Versione cambiata dopo" in shown  # the new version, to be read
    at.button(key=f"f_ok_{text_id}").click().run()  # approving what is now shown works
    assert store.texts_frame([code]).iloc[0]["status"] == "approved"


def _box(at, need_id: str) -> str:  # noqa: ANN001 - AppTest
    return next((h.proto.body for h in at.get("html") if f'data-need="{need_id}"' in h.proto.body), "")


def _web_answers(box: str) -> int:
    found = re.search(r"dal telefono \(web\): (\d+) rispost", box)
    return int(found.group(1)) if found else 0


def test_needs_page_splits_by_origin_shows_notes_and_leaves_rehearsals_out():
    refresh_live()
    before = _web_answers(_box(open_page("pages/needs_themes.py", {}), "N2.3"))
    store = test_store()
    real = make_event(title="Ascolto vero", needs=["N2.3"])
    store.submit_answer(real, DEVICE.format(n=10), "N2.3", answer="agree")
    store.submit_answer(real, "FOGLIO-7", "N2.3", answer="unclear", origin="paper")
    store.set_outcome(real, "N2.3", "da_riformulare", "Riformulata: <b>servizi</b> nelle valli")
    rehearsal = make_event(title="Prova", needs=["N2.3"])
    store.set_rehearsal(rehearsal, True)
    archived = make_event(title="Vecchio", needs=["N2.3"])
    for n in range(5):
        store.submit_answer(rehearsal, DEVICE.format(n=20 + n), "N2.3", answer="disagree")
        store.submit_answer(archived, DEVICE.format(n=30 + n), "N2.3", answer="disagree")
    store.set_event_status(archived, "closed")
    store.set_archived(archived, True)
    refresh_live()
    origin_split.clear()
    at = open_page("pages/needs_themes.py", {})  # "Tutti gli eventi"
    no_exception(at)
    box = _box(at, "N2.3")
    assert _web_answers(box) == before + 1  # neither the rehearsal's nor the archived event's answers
    assert "su carta: " in box
    assert "Riformulata: &lt;b&gt;servizi&lt;/b&gt; nelle valli" in box  # the outcome note, escaped
    options = at.selectbox(key="risultati").options
    assert not any(rehearsal in o for o in options)  # a rehearsal is never offered as results
    assert any(archived in o and "archiviato" in o for o in options)  # an archived one, on request, labelled
    one = open_page("pages/needs_themes.py", {"risultati": real})
    box = _box(one, "N2.3")
    assert html.escape("dal telefono (web): 1 risposta (D'accordo 1") in box
    assert html.escape("su carta: 1 risposta (D'accordo 0, In parte 0, In disaccordo 0, Non chiaro 1)") in box
