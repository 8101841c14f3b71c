"""Participants' words are shown literally in every format, and placed under the right need."""

from __future__ import annotations

import csv
import io
import zipfile

import docx
import pandas as pd
import pypdfium2 as pdfium
import pytest

from psm_data.documents import EventInputs, PaperOptions, build_paper
from psm_data.documents.placement import place_texts
from psm_data.events.store import TEXT_COLUMNS, Event

LONG_WORD = "Sovracomunalissimamente" * 12
HOSTILE = (
    "<b>grassetto</b> <img src=x onerror=alert(1)> & <script>x</script>",
    '=HYPERLINK("http://evil.example","clic")',
    "+39 011 1234 @sindaco -meno",
    LONG_WORD,
    "\u200fטקסט\u200f RTL \u202eevil\u202c marks",
    "[link](http://evil.example) **non grassetto** _x_",
    "\u200fمرحبا بالجميع\u200f بدون تنسيق",
)
HEBREW, ARABIC = "טקסט", "مرحبا"


def _inputs(dataset) -> EventInputs:
    """A hand-made event whose approved texts are hostile (bypassing the store's own cleaning on purpose:
    the writers must hold even if a text reached them unclean)."""
    event = Event(1, "HOST23", "Prova <i>ostile</i>", "2026-11-20", "Sala =A1", ("7",), "closed", "salt")
    texts = pd.DataFrame([
        {"code": "HOST23", "text_id": i + 1, "kind": "proposal" if i % 2 else "comment",
         "need_id": "N3.3" if i % 2 == 0 else None, "axis_id": "3", "zone_id": None, "body": body,
         "status": "approved", "origin": "web", "created_at": None, "updated_at": None, "moderated_at": None,
         "declared_zone": "7"} for i, body in enumerate(HOSTILE)], columns=TEXT_COLUMNS)
    empty = EventInputs.empty()
    outcomes = pd.DataFrame([{"code": "HOST23", "title": event.title, "event_date": event.event_date,
                              "need_id": "N3.3", "position": 0, "status": "closed", "outcome": "da_riformulare",
                              "outcome_note": "<u>nota</u> =SUM(A1)"}], columns=empty.outcomes.columns)
    return EventInputs((event,), empty.answers, outcomes, texts,
                       pd.DataFrame([{"code": "HOST23", "device_hash": "d", "zone_id": "7", "role": None,
                                      "origin": "web"}]))


@pytest.fixture(scope="module")
def hostile_paper(dataset):
    return build_paper(dataset, None, PaperOptions(), inputs=_inputs(dataset), use_matcher=False)


def test_docx_shows_hostile_text_literally(hostile_paper):
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(hostile_paper.docx)).paragraphs)
    for body in HOSTILE:
        assert body in text
    assert "<u>nota</u> =SUM(A1)" in text
    assert "Scritto da un partecipante" in text
    assert "Prova <i>ostile</i>" in text


def test_pdf_shows_hostile_text_literally(hostile_paper):
    pdf = pdfium.PdfDocument(hostile_paper.pdf)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    flat = "".join(text.split())
    for body in HOSTILE[:4] + HOSTILE[5:6]:
        assert "".join(body.split()) in flat, body
    assert "RTL" in text
    assert "<u>nota</u>=SUM(A1)" in flat


def test_pdf_prints_star_hebrew_and_arabic_with_a_font_that_has_them(hostile_paper):
    """DejaVu Sans (fonts-dejavu-core) is embedded: ★ and right-to-left letters are real glyphs, not boxes.
    Right-to-left words are drawn in visual order (bidi.visual_order), so a reader extracts them as written;
    Arabic letters stay unjoined (no shaping)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from psm_data.documents.charts import FONT_FILE, HAS_DEJAVU

    assert HAS_DEJAVU, "fonts-dejavu-core is not installed (make installs it)"
    glyphs = TTFontFile(str(FONT_FILE)).charToGlyph
    assert all(ord(ch) in glyphs for ch in "★" + HEBREW + ARABIC)
    pdf = pdfium.PdfDocument(hostile_paper.pdf)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "★" in text
    assert HEBREW in text
    assert ARABIC in text
    assert b"DejaVuSans" in hostile_paper.pdf


def test_zip_neutralises_formula_like_cells(hostile_paper):
    archive = zipfile.ZipFile(io.BytesIO(hostile_paper.figures_zip))
    cells = [c for name in archive.namelist()
             for row in csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_outcome_note_is_a_participant_voice_not_a_field(hostile_paper):
    from psm_data.documents.model import Voice

    notes = [b for b in hostile_paper.document.blocks if isinstance(b, Voice) and "nota" in b.text]
    assert notes
    assert notes[0].meta.startswith("Nota del facilitatore")


NEED_AXIS = {"N1.1": "1", "N3.3": "3", "N3.2": "3"}


def _texts(rows: list[dict]) -> pd.DataFrame:
    base = {"code": "EV1", "kind": "proposal", "need_id": None, "axis_id": "3", "zone_id": None, "status": "approved",
            "origin": "web", "created_at": None, "updated_at": None, "moderated_at": None, "declared_zone": None}
    return pd.DataFrame([{**base, "text_id": i + 1, **r} for i, r in enumerate(rows)], columns=TEXT_COLUMNS)


def rank_cycling(text: str, k: int = 3) -> list[tuple[str, float]]:
    """A stand-in matcher with a fixed rule (the real one is psm_data.matching): 'treni' → N3.2, else N3.3."""
    return [("N3.2", 0.9)] if "treni" in text else [("N3.3", 0.4)]


def test_placement_own_confirmed_suggested_and_new():
    texts = _texts([
        {"body": "Un commento", "kind": "comment", "need_id": "N1.1"},
        {"body": "Più treni la sera"},
        {"body": "Una proposta confermata"},
        {"body": "Una nuova esigenza"},
    ])
    placed = place_texts(texts, NEED_AXIS, links={3: ("N1.1", ""), 4: ("", "2")}, rank_needs=rank_cycling)
    assert [(p.need_id, p.link) for p in placed] == [("N1.1", "own"), ("N3.2", "suggested"), ("N1.1", "confirmed"),
                                                    ("", "new")]
    assert placed[3].axis_id == "2"  # the facilitator's new need on axis 2
    relinked = place_texts(texts, NEED_AXIS, links={1: ("N3.3", "")})
    assert (relinked[0].need_id, relinked[0].link) == ("N3.3", "confirmed")  # a stored link wins over the own need
    without_matcher = place_texts(texts, NEED_AXIS)
    assert [(p.need_id, p.link) for p in without_matcher][1] == ("", "new")


def test_near_duplicates_are_listed_once_with_their_count():
    texts = _texts([{"body": "Più piste ciclabili!", "code": "EV1", "declared_zone": "5"},
                    {"body": "piu piste ciclabili", "code": "EV2", "declared_zone": "7"},
                    {"body": "Più PISTE ciclabili.", "code": "EV2"},
                    {"body": "Altro tema"}])
    placed = place_texts(texts, NEED_AXIS)
    assert [(p.body, p.count) for p in placed] == [("Più piste ciclabili!", 3), ("Altro tema", 1)]
    assert placed[0].codes == ("EV1", "EV2")
    assert placed[0].zones == ("5", "7")
    grouped = place_texts(texts, NEED_AXIS, group_similar=lambda bodies: [0, 0, 1, 2])
    assert [p.count for p in grouped] == [2, 1, 1]


def test_cli_writes_three_files_report_only(tmp_path, monkeypatch):
    from psm_data.documents.__main__ import main

    monkeypatch.setenv("PSM_DATA_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PSM_DB_URL", raising=False)
    assert main(["--out", str(tmp_path / "out"), "--axes", "2", "--zones", "3"]) == 0
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".pdf", ".zip"]
    assert main(["--out", str(tmp_path / "out"), "--zones", "12"]) == 2


def test_stored_need_links_and_the_real_matcher_place_texts(tmp_path, dataset):
    """Runs once the `matching` branch's need_links table and matcher are merged (skipped, and named, before)."""
    need_links = pytest.importorskip("psm_data.events.need_links", reason="need_links arrives with branch matching")
    from psm_data.documents import gather
    from psm_data.documents.placement import default_matcher
    from tests.documents.conftest import make_store
    from tests.events.conftest import token

    store = make_store(tmp_path, dataset)
    event = store.create_event(title="Ascolto", event_date="2026-11-01", need_ids=["N3.3", "N1.2"])
    store.set_event_status(event.code, "open")
    for i, body in enumerate(("Più piste ciclabili tra i comuni", "Fibra ottica nelle valli",
                              "Un tema che il rapporto non ha")):
        store.submit_proposal(event.code, token(i), body, axis_id="3")
    texts = store.texts_frame([event.code])
    for text_id in texts["text_id"]:
        store.moderate(event.code, int(text_id), "approved")
    ids = texts["text_id"].tolist()
    need_links.set_link(store, event.code, int(ids[1]), "picked", need_id="N1.2")
    need_links.set_link(store, event.code, int(ids[2]), "new", axis_id="5")
    inputs = gather(store)
    assert inputs.links == {int(ids[1]): ("N1.2", ""), int(ids[2]): ("", "5")}
    rank_needs, group_similar = default_matcher()
    placed = place_texts(inputs.texts, dict(zip(dataset.needs["need_id"], dataset.needs["axis_id"], strict=True)),
                         links=inputs.links, rank_needs=rank_needs, group_similar=group_similar)
    assert [(p.link, p.need_id or p.axis_id) for p in placed] == [("suggested", "N3.3"), ("confirmed", "N1.2"),
                                                                 ("new", "5")]
    store.db.dispose()


def test_verbale_points_stand_under_their_need_or_axis_labelled(dataset):
    inputs = _inputs(dataset)
    verbale = pd.DataFrame([
        {"code": "HOST23", "table_no": 1, "table_name": "Mobilità <i>", "kind": "priority", "need_id": "N3.3",
         "axis_id": None, "body": "Ciclabili prima =delle strade"},
        {"code": "HOST23", "table_no": 1, "table_name": "Mobilità <i>", "kind": "new_need", "need_id": None,
         "axis_id": "5", "body": "Casa per i giovani nelle valli"}])
    tables = pd.DataFrame([{"code": "HOST23", "table_no": 1, "name": "Mobilità <i>"}])
    inputs = EventInputs(inputs.events, inputs.answers, inputs.outcomes, inputs.texts, inputs.participants,
                         verbale=verbale, tables=tables)
    files = build_paper(dataset, None, PaperOptions(), inputs=inputs, use_matcher=False)
    lines = [p.text for p in docx.Document(io.BytesIO(files.docx)).paragraphs]
    text = "\n".join(lines)
    assert "Tavoli: 1 «Mobilità <i>»" in text
    point = ("Verbale del tavolo «Mobilità <i>» (evento HOST23 del 20 novembre 2026) · priorità\n"
             "Ciclabili prima =delle strade")
    assert point in text
    outline = [t for _level, t in files.document.outline()]
    new_heading = outline.index("Nuove esigenze proposte dai partecipanti (asse 5)")
    assert outline[new_heading - 1].startswith("N5.")  # after the axis's needs
    assert "Casa per i giovani nelle valli" in text


def test_verbale_read_from_the_store(tmp_path, dataset):
    """Runs once branch `tables` (schema 0003: event_tables, table_notes) is merged; skipped and named before."""
    from psm_data.events import tables as schema

    if getattr(schema, "table_notes", None) is None:
        pytest.skip("table_notes arrives with branch tables")
    from sqlalchemy import insert

    from psm_data.documents import gather
    from psm_data.events.store import now
    from tests.documents.conftest import make_store

    store = make_store(tmp_path, dataset)
    event = store.create_event(title="Ascolto", event_date="2026-11-01", need_ids=["N3.3"])
    with store.db.write() as conn:
        conn.execute(insert(schema.event_tables).values(event_id=event.event_id, table_no=1, name="Mobilità",
                                                        need_ids="N3.3", host_name="", pin_hash="x" * 64,
                                                        created_at=now(), updated_at=now()))
        for i, deleted in enumerate((False, True)):
            conn.execute(insert(schema.table_notes).values(event_id=event.event_id, table_no=1, kind="key_point",
                                                           need_id="N3.3", body=f"punto {i}", revision=1,
                                                           deleted=deleted, created_at=now(), updated_at=now()))
    inputs = gather(store)
    assert inputs.tables["name"].tolist() == ["Mobilità"]
    assert inputs.verbale["body"].tolist() == ["punto 0"]
    store.db.dispose()


def test_new_need_verbale_point_stands_under_its_suggested_need(dataset):
    """Issue 16 point 2: a table's new-need point is matched like a participant's text (the real matcher) and
    listed under its top need marked «abbinamento suggerito»; a point with a stated need keeps it."""
    from psm_data.documents.placement import default_matcher

    rank_needs, group_similar = default_matcher()
    inputs = _inputs(dataset)
    verbale = pd.DataFrame([
        {"code": "HOST23", "table_no": 1, "table_name": "Mobilità", "kind": "new_need", "need_id": None,
         "axis_id": "5", "body": "Servono più piste ciclabili sicure tra Collegno e Torino"},
        {"code": "HOST23", "table_no": 1, "table_name": "Mobilità", "kind": "key_point", "need_id": "N1.1",
         "axis_id": None, "body": "Più piste ciclabili anche qui"}])
    inputs = EventInputs(inputs.events, inputs.answers, inputs.outcomes, inputs.texts.iloc[:0], inputs.participants,
                         verbale=verbale, tables=pd.DataFrame([{"code": "HOST23", "table_no": 1, "name": "Mobilità"}]))
    assert rank_needs(verbale.at[0, "body"], k=1)[0][0] == "N3.3"
    files = build_paper(dataset, None, PaperOptions(), inputs=inputs, rank_needs=rank_needs,
                        group_similar=group_similar)
    paragraphs = docx.Document(io.BytesIO(files.docx)).paragraphs
    lines = [p.text for p in paragraphs]
    headings = [i for i, p in enumerate(paragraphs) if p.style.name.startswith("Heading")]

    def point(body: str) -> tuple[str, str]:
        """(the heading the point stands under, the point's label line) in the DOCX."""
        at = next(i for i, line in enumerate(lines) if line.endswith("\n" + body))
        return lines[max(h for h in headings if h < at)], lines[at].split("\n")[0]

    heading, meta = point("Servono più piste ciclabili sicure tra Collegno e Torino")
    assert heading.startswith("N3.3 — ")
    assert meta == ("Verbale del tavolo «Mobilità» (evento HOST23 del 20 novembre 2026) · nuova esigenza · "
                    "abbinamento suggerito")
    heading, meta = point("Più piste ciclabili anche qui")
    assert heading.startswith("N1.1 — ")  # its stated need, not the matcher's
    assert "abbinamento suggerito" not in meta
    assert "Nuove esigenze proposte dai partecipanti (asse 5)" not in [t for _l, t in files.document.outline()]
