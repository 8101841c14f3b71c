"""AppTest: the *Documento di sintesi* page chooses events, previews the outline, builds with a progress bar and
offers the three downloads."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

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


def test_done_when_a_rehearsed_events_docx_and_pdf_hold_every_figure_with_its_source():
    """Issue 16's "Done when": after a rehearsed event, the planner downloads the DOCX and the PDF from /sintesi and
    finds every number of Esigenze (the validation per need) and Copertura (the convergent view per zone) with its
    source. (LibreOffice's reading of the same DOCX: `make check-docx`.)"""
    import pypdfium2 as pdfium

    from psm_data import load_dataset
    from psm_data.analysis import zone_axis_matrix
    from psm_data.documents import gather
    from psm_data.events.results import convergent_needs, results_table

    data = load_dataset()
    needs = ["N1.2", "N2.4", "N3.3", "N5.2"]
    code = make_event(title="Prova generale", needs=needs)
    store = test_store()
    for i, (zone, answer) in enumerate([("7", "agree"), ("7", "agree"), ("2", "partly"), ("5", "disagree"),
                                        ("7", "unclear"), ("2", "agree")]):
        device = f"done-when-device-{i:04d}-abcdefgh"
        store.join(code, device, zone_id=zone, role="cittadino" if i % 2 else "comune")
        for need in needs:
            store.submit_answer(code, device, need, answer=answer, star=need == needs[i % 4])
    for need in needs:
        store.set_outcome(code, need, "validata")
    store.set_item_status(code, needs, "closed")
    store.set_event_status(code, "closed")
    store.set_rehearsal(code, True)
    at = open_page("pages/position_paper.py", {"eventi": code})
    at.button[0].click().run()
    no_exception(at)
    files = at.session_state["_paper_files"][1]  # what the Word and PDF download buttons serve
    word = docx.Document(io.BytesIO(files.docx))
    pdf = pdfium.PdfDocument(files.pdf)
    pdf_flat = "".join("".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).split())
    blocks = list(word.element.body.iterchildren())
    tables = {t.key: t for t in files.document.tables()}
    source_of = {}
    for table, docx_table in zip(files.document.tables(), word.tables, strict=True):
        after = blocks[blocks.index(docx_table._tbl) + 1]
        source_of[table.key] = "".join(t.text or "" for t in after.iter(qn("w:t")))
    answers = store.answers_frame([code])
    expected = results_table(answers, tuple(data.needs["need_id"])).set_index("need_id")
    checked = 0
    for key, table in tables.items():
        if key.endswith("_validazione"):
            assert f"evento {code}" in source_of[key]
            for row in table.rows:
                cells = dict(zip(table.columns, row, strict=True))
                want = expected.loc[cells["Esigenza"]]
                assert int(cells["Votanti"]) == want["voters"]
                assert int(cells["★ Stelle"]) == want["stars"]
                assert int(cells["D'accordo"]) == want["n_agree"]
                assert "".join(" ".join(row).split()) in pdf_flat  # the same row, in the PDF
                checked += 1
    assert checked == len(data.needs)
    inputs = gather(store, [code])
    counts = zone_axis_matrix(data.projects, data.zones, data.axis_ids)
    convergent = 0
    for zone_id in data.zone_ids:
        want = convergent_needs(inputs.answers, inputs.outcomes, data.needs, counts, [zone_id])
        key = f"zona_{zone_id}_convergente"
        if want.empty:
            assert key not in tables
            continue
        got = tables[key]
        assert [r[0] for r in got.rows] == want["need_id"].tolist()
        assert f"evento {code}" in source_of[key]
        assert "rapporto" in source_of[key]
        for row in got.rows:
            assert "".join(" ".join(row).split()) in pdf_flat
        convergent += 1
    assert convergent >= 1  # zone 7 starred validated needs on axes without its projects
