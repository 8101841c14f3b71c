"""Participants' results fed back into the explorer: *Esigenze* per need, *Copertura*'s convergent view."""

from __future__ import annotations

from components.events.access import refresh_live
from tests.app.conftest import no_exception, open_page
from tests.app.events_helpers import make_event, test_store


def event_with_results() -> str:
    """Zone 5's participants validate and star N4.1 (axis 4: no project in zone 5, per the report)."""
    store = test_store()
    code = make_event(title="Ascolto <script>Zona 5</script>")
    for n in range(3):
        device = f"explorer-test-device-{n:04d}-abcdefgh"
        store.join(code, device, zone_id="5")
        store.submit_answer(code, device, "N4.1", answer="agree", star=True)
    store.set_outcome(code, "N4.1", "validata")
    return code


def test_needs_page_shows_results_apart_and_escaped():
    code = event_with_results()
    at = open_page("pages/needs_themes.py", {"risultati": code})
    no_exception(at)
    boxes = [h.proto.body for h in at.get("html") if "Risposte dei partecipanti" in h.proto.body]
    assert len(boxes) == 30  # one per need, each labelled as participants' answers
    n41 = next(b for b in boxes if "3 risposte" in b)
    assert "Validata" in n41
    assert "&lt;script&gt;Zona 5&lt;/script&gt;" in n41
    assert "<script>" not in n41


def test_needs_page_can_hide_results():
    event_with_results()
    at = open_page("pages/needs_themes.py", {"risultati": "no"})
    no_exception(at)
    assert not [h for h in at.get("html") if "Risposte dei partecipanti" in h.proto.body]


def test_coverage_convergent_view_lists_validated_priorities_without_projects():
    event_with_results()
    at = open_page("pages/coverage.py", {"zone": "5"})
    no_exception(at)
    lines = " ".join(m.value for m in at.markdown)
    assert "Zona 5 · " in lines
    assert "N4.1" in lines
    at = open_page("pages/coverage.py", {"zone": "1"})  # zone 1 did not star it
    no_exception(at)
    assert "N4.1 —" not in " ".join(m.value for m in at.markdown)


def test_approved_texts_show_on_needs_page_as_participants_words_only_when_approved():
    store = test_store()
    code = make_event()
    device = "explorer-test-device-9999-abcdefgh"
    store.submit_proposal(code, device, "<img src=x onerror=alert(1)> bus a chiamata", axis_id="3", zone_id="7")
    store.submit_proposal(code, device, "Testo non approvato", axis_id="3")
    at = open_page("pages/needs_themes.py", {"risultati": code})
    assert not [h for h in at.get("html") if "bus a chiamata" in h.proto.body]  # pending: hidden
    approved = int(store.texts_frame([code]).set_index("body").loc[
        "<img src=x onerror=alert(1)> bus a chiamata", "text_id"])
    store.moderate(code, approved, "approved")
    refresh_live()  # what the facilitator page does after moderating (the explorer caches results briefly)
    at = open_page("pages/needs_themes.py", {"risultati": code})
    no_exception(at)
    shown = [h.proto.body for h in at.get("html") if "bus a chiamata" in h.proto.body]
    assert len(shown) == 1
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown[0]
    assert "Scritto da un partecipante" in shown[0]
    assert "Testo non approvato" not in shown[0]


def test_zone_sheet_offers_an_event_with_its_answer_grid():
    import pypdfium2

    from components.documents.zone_sheet import zone_sheet_pdf
    from psm_data.documents.zone_sheet import EventSheetInfo

    code = make_event(title="Ascolto per la scheda")
    at = open_page("pages/zone_profile.py", {"profile": "7"})
    no_exception(at)
    labels = at.selectbox(key="sheet_event").options
    assert any(code in label for label in labels)
    at.selectbox(key="sheet_event").set_value(code).run()
    no_exception(at)
    event = EventSheetInfo(code, "Ascolto per la scheda", "2026-12-03", "Ciriè",
                           f"http://localhost:8501/partecipa?evento={code}", ("N1.1", "N1.2", "N3.3", "N4.1", "N5.2"))
    pdf = pypdfium2.PdfDocument(zone_sheet_pdf("7", base_url="http://localhost:8501", lang="it", event=event))
    assert len(pdf) == 1
    text = pdf[0].get_textpage().get_text_range()
    for word in (code, "N3.3", "D'accordo", "In parte", "In disaccordo", "Non chiaro"):
        assert word in text
    assert "3 dicembre 2026 · Ciriè" in text  # the event's ISO date written for people, in the sheet's language
