"""AppTest: the *Documento di sintesi* page chooses events, previews the outline, builds with a progress bar and
offers the three downloads."""

from __future__ import annotations

import io

import docx

from tests.app.conftest import no_exception, open_page
from tests.app.events_helpers import make_event, test_store


def test_page_builds_the_paper_from_the_chosen_event():
    code = make_event(title="Ascolto <b>sintesi</b>")
    make_event(title="Un altro evento")  # not chosen: the URL keeps the choice
    store = test_store()
    device = "paper-page-device-0001-abcdefgh"
    store.join(code, device, zone_id="7", role="comune")
    store.submit_answer(code, device, "N3.3", answer="agree", star=True)
    at = open_page("pages/position_paper.py", {"eventi": code, "axis": "3"})
    no_exception(at)
    assert at.title[0].value == "Documento di sintesi"
    picker = at.multiselect(key="eventi")
    assert picker.value == [code]
    outline = at.expander[0]
    assert "Asse 3" in outline.markdown[0].value
    assert "Asse 1 " not in outline.markdown[0].value  # the sidebar's axis narrows the paper
    at.button[0].click().run()
    no_exception(at)
    assert any("Documento pronto" in s.value for s in at.success)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Scarica CSV", "Scarica Word (.docx)", "Scarica PDF", "Scarica le tabelle (CSV, zip)"]
    assert at.query_params.get("eventi") in (code, [code])


def test_page_without_events_offers_the_report_only_paper():
    at = open_page("pages/position_paper.py", {"eventi": "ZZZZZZ"})
    no_exception(at)
    assert at.multiselect(key="eventi").value == []
    at.button[0].click().run()
    no_exception(at)
    assert any("solo il rapporto" in s.value for s in at.success)


def test_built_docx_is_the_chosen_events_paper():
    code = make_event(title="Ascolto per il documento")
    at = open_page("pages/position_paper.py", {"eventi": code, "lang": "en"})
    at.button[0].click().run()
    no_exception(at)
    files = at.session_state["_paper_files"][1]
    word = docx.Document(io.BytesIO(files.docx))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert "By axis" in headings
    assert code in "\n".join(p.text for p in word.paragraphs)
