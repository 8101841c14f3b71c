"""The position paper read back: DOCX (python-docx) and PDF (pypdfium2) against the results functions."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import docx
import pandas as pd
import pypdfium2 as pdfium
import pytest
from docx.oxml.ns import qn

from psm_data.analysis import strategy_coverage_table, zone_axis_matrix
from psm_data.documents import PaperOptions, build_paper, gather
from psm_data.documents.content import consensus, percent
from psm_data.events.results import convergent_needs, results_table
from psm_data.events.vocabulary import ANSWERS


@pytest.fixture(scope="module")
def paper(seeded, dataset):
    store, codes = seeded
    return build_paper(dataset, store, PaperOptions(event_codes=tuple(codes)), use_matcher=False)


@pytest.fixture(scope="module")
def word(paper):
    return docx.Document(io.BytesIO(paper.docx))


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def docx_tables(document) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def test_docx_has_headings_per_axis_and_zone_and_a_toc_field(word, dataset):
    h1, h2 = headings(word, 1), headings(word, 2)
    assert [p.text for p in word.paragraphs if p.style.name == "TOC Heading"] == ["Indice"]
    for title in ("Il percorso", "Per asse", "Per zona omogenea", "Questioni aperte", "Nota metodologica"):
        assert title in h1
    for axis in dataset.axes.itertuples():
        assert f"Asse {axis.axis_id} — {axis.name}" in h2
    for zone in dataset.zones.itertuples():
        assert f"Zona {zone.zone_id} — {zone.name}" in h2
    need_headings = headings(word, 3)
    assert all(any(h.startswith(f"{n} — ") for h in need_headings) for n in dataset.needs["need_id"])
    xml = word.element.xml
    assert 'TOC \\o "1-3"' in xml
    assert 'w:fldCharType="begin"' in xml


def test_the_toc_field_already_lists_the_headings_and_tables_have_widths(word):
    """LibreOffice shows a DOCX's TOC as stored until updated, and splits width-less tables in equal columns
    (words broken inside narrow cells): the field's result holds every heading, every column has a width, and
    no row breaks across pages. `make check-docx` shows the same in LibreOffice itself."""
    entries = [p.text for p in word.paragraphs if p.style.name.startswith("toc ")]
    wanted = [p.text for p in word.paragraphs if p.style.name in ("Heading 1", "Heading 2", "Heading 3")]
    assert entries == wanted
    body = word.element.body.xml
    assert body.count('w:fldCharType="begin"') == body.count('w:fldCharType="end"') >= 1
    for table in word.tables:
        widths = [column.width for column in table.columns]
        assert all(w and w > 0 for w in widths)
        assert abs(sum(widths) - 17 * 360000) < 360000  # the 17 cm line, EMU
        assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
                   for row in table.rows[1:])


def test_every_docx_table_is_the_documents_table(word, paper):
    tables = paper.document.tables()
    found = docx_tables(word)
    assert len(found) == len(tables)
    for table, rows in zip(tables, found, strict=True):
        assert tuple(rows[0]) == table.columns
        assert [tuple(r) for r in rows[1:]] == list(table.rows), table.key


def _cell_number(cell: str) -> float:
    return float(cell.replace("%", "").replace(" ", "").replace(",", "."))


def test_validation_tables_equal_the_results_functions(word, paper, seeded, dataset):
    store, codes = seeded
    expected = results_table(store.answers_frame(codes), tuple(dataset.needs["need_id"])).set_index("need_id")
    tables = {t.key: rows for t, rows in zip(paper.document.tables(), docx_tables(word), strict=True)}
    checked = 0
    for axis_id in dataset.axis_ids:
        rows = tables[f"asse_{axis_id}_validazione"]
        header = rows[0]
        for row in rows[1:]:
            cells = dict(zip(header, row, strict=True))
            want = expected.loc[cells["Esigenza"]]
            for answer, label in zip(ANSWERS, ("D'accordo", "In parte", "In disaccordo", "Non chiaro"), strict=True):
                assert int(cells[label]) == want[f"n_{answer}"]
            assert int(cells["Votanti"]) == want["voters"]
            assert int(cells["★ Stelle"]) == want["stars"]
            assert cells["Accordo"] == percent(want["agreement"], "it")
            if cells["Accordo"] != "—":
                assert _cell_number(cells["Accordo"]) == round(want["agreement"] * 100)
            assert cells["Consenso tra zone"] == consensus(want["zone_consensus"], "it")
            assert int(cells["Zone"]) == want["n_zones"]
            checked += 1
    assert checked == len(dataset.needs)


def test_report_and_convergent_tables_equal_the_analysis(paper, seeded, dataset):
    store, codes = seeded
    tables = {t.key: t for t in paper.document.tables()}
    for axis_id in dataset.axis_ids:
        coverage = strategy_coverage_table(dataset.strategies, dataset.projects, dataset.zone_ids, (), axis_id)
        frame = tables[f"asse_{axis_id}_strategie"].frame
        assert frame["Progetti"].tolist() == coverage["n_projects"].tolist()
        assert frame["Nelle zone scelte"].tolist() == coverage["n_in_selection"].tolist()
    inputs = gather(store, codes)
    counts = zone_axis_matrix(dataset.projects, dataset.zones, dataset.axis_ids)
    for zone_id in dataset.zone_ids:
        want = convergent_needs(inputs.answers, inputs.outcomes, dataset.needs, counts, [zone_id])
        key = f"zona_{zone_id}_convergente"
        if want.empty:
            assert key not in tables
            continue
        got = tables[key].frame
        assert got["Esigenza"].tolist() == want["need_id"].tolist()
        assert got["★ Stelle dalla zona"].tolist() == want["stars"].tolist()
    people = inputs.participants
    for code in codes:
        by_zone = tables[f"evento_{code}_zone"].frame
        assert by_zone["Partecipanti"].sum() == (people["code"] == code).sum()


def test_pdf_text_holds_the_same_figures(paper):
    """Every validation row, cell after cell, in the PDF's text (whitespace aside: a cell may wrap)."""
    flat = "".join(pdf_text(paper.pdf).split())
    checked = 0
    for table in paper.document.tables():
        if table.key.startswith("asse_") and table.key.endswith("_validazione"):
            for row in table.rows:
                assert "".join("".join(row).split()) in flat, (table.key, row)
                checked += 1
    assert checked == 30
    assert "«Talefasesiconcluderàconl'elaborazionediunpositionpaper" in flat


def test_zip_has_every_table_as_csv_with_its_source(paper):
    archive = zipfile.ZipFile(io.BytesIO(paper.figures_zip))
    names = [n for n in archive.namelist() if n != "indice.csv"]
    assert len(names) == len(paper.document.tables())
    first = paper.document.tables()[0]
    rows = list(csv.reader(io.StringIO(archive.read(names[0]).decode("utf-8-sig"))))
    assert rows[0][:-1] == list(first.columns)
    assert rows[0][-1] == "fonte"
    assert {r[-1] for r in rows[1:]} == {first.source}
    index = archive.read("indice.csv").decode("utf-8-sig")
    assert all(n in index for n in names)


def test_report_only_paper_builds_without_events(dataset):
    files = build_paper(dataset, None, PaperOptions(lang="en"), use_matcher=False)
    word = docx.Document(io.BytesIO(files.docx))
    assert "By axis" in headings(word, 1)
    assert not any(t.key.endswith("_validazione") for t in files.document.tables())
    text = pdf_text(files.pdf)
    assert "No listening event included" in text
    assert re.search(r"34\s", text)  # the survey's interviews, from method.csv


def test_axes_and_zones_narrow_the_paper(dataset, seeded):
    store, codes = seeded
    files = build_paper(dataset, store, PaperOptions(event_codes=(codes[0],), axis_ids=("3",), zone_ids=("5", "7")),
                        use_matcher=False)
    outline = [t for level, t in files.document.outline() if level == 2]
    assert [t for t in outline if t.startswith("Asse ")] == ["Asse 3 — " + dataset.axes.set_index("axis_id").at[
        "3", "name"]]
    assert [t.split(" — ")[0] for t in outline if t.startswith("Zona ")] == ["Zona 5", "Zona 7"]
    assert codes[1] not in " ".join(t for _l, t in files.document.outline())


def test_rehearsals_and_archived_events_are_left_out_of_all(tmp_path, dataset):
    from sqlalchemy import update

    from psm_data.events.tables import events
    from tests.documents.conftest import make_store

    store = make_store(tmp_path, dataset)
    for title in ("Vero", "Prova", "Archiviato"):
        store.create_event(title=title, event_date="2026-11-01", need_ids=["N1.1"])
    with store.db.write() as conn:
        conn.execute(update(events).where(events.c.title == "Prova").values(is_rehearsal=True))
        conn.execute(update(events).where(events.c.title == "Archiviato").values(
            archived_at=pd.Timestamp("2026-11-02").to_pydatetime()))
    assert [e.title for e in gather(store).events] == ["Vero"]
    chosen = [e.code for e in store.events() if e.title == "Prova"]
    assert [e.title for e in gather(store, chosen).events] == ["Prova"]
    store.db.dispose()


def test_participants_read_on_both_databases(db, dataset):
    from psm_data.events.store import EventStore
    from tests.events.conftest import token

    store = EventStore(db, need_ids=tuple(dataset.needs["need_id"]), axis_ids=dataset.axis_ids,
                       zone_ids=dataset.zone_ids)
    event = store.create_event(title="Ascolto", event_date="2026-11-01", need_ids=["N1.1"])
    store.set_event_status(event.code, "open")
    store.join(event.code, token(1), zone_id="7", role="comune")
    store.join(event.code, token(2))
    store.join(event.code, "sheet-1", zone_id="5", origin="paper")
    people = gather(store).participants
    assert sorted(people["origin"]) == ["paper", "web", "web"]
    assert sorted(people["zone_id"].dropna()) == ["5", "7"]


def test_scenario_hypotheses_only_when_included_and_labelled(dataset):
    from psm_data.documents import EventInputs, build_document
    from psm_data.documents.model import Para
    from psm_data.scenario import Hypothesis, Scenario

    scenario = Scenario((Hypothesis("Polo formativo", ("4.1",), ("7",), "N4.2a"),))
    without = build_document(dataset, EventInputs.empty(), PaperOptions())
    assert not [b for b in without.blocks if isinstance(b, Para) and "Polo formativo" in b.text]
    included = build_document(dataset, EventInputs.empty(), PaperOptions(scenario=scenario, lang="en"))
    lines = [b for b in included.blocks if isinstance(b, Para) and "Polo formativo" in b.text]
    assert [(b.style, b.text.split(" — ")[0]) for b in lines] == [("hypothesis", "HYPOTHESIS")]
    assert "Scenario hypotheses (not facts of the report)" in [t for _level, t in included.outline()]


@pytest.mark.parametrize(("lang", "generated", "event_day", "file_name"), [
    ("it", "Generato il 6 dicembre 2026", "{code} del 10 novembre 2026", "psm_documento_di_sintesi.docx"),
    ("en", "Generated on December 6, 2026", "{code} of November 10, 2026", "psm_synthesis_document.docx"),
])
def test_dates_in_the_papers_language(dataset, seeded, lang, generated, event_day, file_name):
    """The paper's words come from the UI's catalogue, its dates from Babel in the paper's language."""
    from datetime import date

    from psm_data.documents.build import PaperFiles
    from psm_data.documents.content import build_document

    store, codes = seeded
    document = build_document(dataset, gather(store, (codes[0],)),
                              PaperOptions(event_codes=(codes[0],), axis_ids=("1",), zone_ids=("7",), lang=lang,
                                           generated=date(2026, 12, 6)))
    paragraphs = [b.text for b in document.blocks if hasattr(b, "text")]
    assert any(p.startswith(generated) for p in paragraphs)
    assert any(event_day.format(code=codes[0]) in p for p in paragraphs)
    assert not any("2026-11-10" in p for p in paragraphs)
    assert PaperFiles(document, b"", b"", b"").file_name("docx") == file_name
