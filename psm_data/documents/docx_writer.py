"""The paper as an editable Word document (python-docx): real Heading 1–3 styles, a TOC field, tables with a
header row, the charts as pictures with their table beside them, quotes and participants' words in their own
styles. Word and LibreOffice fill the table of contents when the field is updated (they ask on opening).
"""

from __future__ import annotations

import io
import re

import docx
import geopandas as gpd
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from psm_data.documents.charts import bars_geometry, map_geometry, to_png
from psm_data.documents.model import (
    BarsChart,
    Bullets,
    Document,
    Heading,
    MapChart,
    Para,
    Quote,
    Table,
    TocField,
    Voice,
)
from psm_data.documents.strings import text

QUOTE_STYLE = "Citazione dal rapporto"
VOICE_STYLE = "Parole dei partecipanti"
VOICE_META_STYLE = "Parole dei partecipanti — chi"
SOURCE_STYLE = "Fonte"
HYPOTHESIS_STYLE = "Ipotesi"
CELL_STYLE = "Cella di tabella"
TEXT_WIDTH = Cm(17)  # A4 less two 2 cm margins, as the PDF's
CELL_PT = 8.5  # table text: ten columns of figures fit the 17 cm line without breaking a header inside a word
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: object) -> str:
    """Text as written; only characters XML cannot hold at all are shown as \\uXXXX (never dropped silently)."""
    return _XML_INVALID.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value))


def _add(doc, content: str, style: str):  # noqa: ANN001, ANN202 - python-docx Document and Paragraph
    """doc.add_paragraph(content, style) with the style's id looked up once per document: python-docx looks a
    style up by name on every call (~15 ms each, most of the DOCX's build time for a few thousand paragraphs)."""
    ids = doc.__dict__.setdefault("_psm_style_ids", {})
    if style not in ids:
        ids[style] = doc.styles[style].style_id
    paragraph = doc.add_paragraph(content)
    paragraph._p.get_or_add_pPr().style = ids[style]
    return paragraph


def _styles(doc) -> None:  # noqa: ANN001 - python-docx Document
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    styles = doc.styles
    quote = styles.add_style(QUOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    quote.base_style = styles["Normal"]
    quote.font.italic = True
    quote.paragraph_format.left_indent = Cm(0.8)
    quote.paragraph_format.space_after = Pt(2)
    source = styles.add_style(SOURCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    source.base_style = styles["Normal"]
    source.font.size = Pt(8.5)
    source.font.color.rgb = RGBColor(0x5C, 0x5A, 0x57)
    source.paragraph_format.space_after = Pt(8)
    voice = styles.add_style(VOICE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    voice.base_style = styles["Normal"]
    voice.paragraph_format.left_indent = Cm(0.8)
    voice.paragraph_format.space_after = Pt(6)
    meta = styles.add_style(VOICE_META_STYLE, WD_STYLE_TYPE.CHARACTER)
    meta.font.size = Pt(8.5)
    meta.font.color.rgb = RGBColor(0x8A, 0x4B, 0x00)
    for level in (1, 2, 3):  # Word's built-in TOC entry styles (LibreOffice reads them as "Contents N")
        entry = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        entry.base_style = styles["Normal"]
        entry.paragraph_format.left_indent = Cm(0.5 * (level - 1))
        entry.paragraph_format.space_after = Pt(2 if level > 1 else 4)
        entry.font.bold = level == 1
    cell = styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = styles["Normal"]
    cell.font.size = Pt(CELL_PT)
    cell.paragraph_format.space_after = Pt(0)
    hypothesis = styles.add_style(HYPOTHESIS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    hypothesis.base_style = styles["Normal"]
    hypothesis.font.color.rgb = RGBColor(0x6A, 0x3D, 0x9A)


def _field_char(kind: str, dirty: bool = False) -> OxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if dirty:
        element.set(qn("w:dirty"), "true")
    return element


def _toc(doc, lang: str, headings: list[Heading]) -> None:  # noqa: ANN001
    """A real TOC field over Heading 1–3, marked dirty so Word fills in the page numbers on opening.

    The field's result is written already, one entry per heading (no page numbers: python-docx cannot paginate),
    because LibreOffice shows a DOCX's TOC as stored until the reader updates it (Strumenti → Aggiorna): an empty
    result would be an empty index there."""
    _add(doc, text("toc", lang), "TOC Heading" if "TOC Heading" in doc.styles else "Heading 1")
    _add(doc, text("toc_hint", lang), SOURCE_STYLE)
    entries = [h for h in headings if h.level <= 3] or [Heading(1, text("toc", lang))]
    style_ids = {level: doc.styles[f"toc {level}"].style_id for level in (1, 2, 3)}
    for i, heading in enumerate(entries):
        paragraph = doc.add_paragraph()
        paragraph._p.get_or_add_pPr().style = style_ids[heading.level]
        if i == 0:
            run = paragraph.add_run()
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = 'TOC \\o "1-3" \\h \\z \\u'
            for element in (_field_char("begin", dirty=True), instr, _field_char("separate")):
                run._r.append(element)
        paragraph.add_run(xml_safe(heading.text))
        if i == len(entries) - 1:
            paragraph.add_run()._r.append(_field_char("end"))
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _table(doc, table: Table) -> None:  # noqa: ANN001
    """A table with explicit column widths (the PDF's: every header's longest word fits, text columns get the
    rest) and rows that do not break across pages: without widths LibreOffice splits the line in equal columns
    and breaks words ("Esige-nza") and figures ("0,001-1") inside narrow cells."""
    from psm_data.documents.pdf_writer import _register_fonts, column_widths  # lazy: pdf_writer imports this

    _register_fonts()
    widths = column_widths(table, CELL_PT, width=TEXT_WIDTH.pt)
    _add(doc, xml_safe(table.title), "Caption")
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.autofit = False
    cell_style = doc.styles[CELL_STYLE].style_id  # looked up once: python-docx's lookup by name costs ~20 ms
    for cell, name in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0]._p.get_or_add_pPr().style = cell_style
        cell.paragraphs[0].add_run(xml_safe(name)).bold = True
    header = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for row in table.rows:
        added = grid.add_row()
        added._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, value in zip(added.cells, row, strict=True):
            cell.text = xml_safe(value)
            cell.paragraphs[0]._p.get_or_add_pPr().style = cell_style
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)
    _add(doc, xml_safe(table.source), SOURCE_STYLE)


def write_docx(document: Document, zone_shapes: gpd.GeoDataFrame) -> bytes:
    """The document's bytes (.docx)."""
    doc = docx.Document()
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)  # a 17 cm line: TEXT_WIDTH
    doc.core_properties.title = document.title
    doc.core_properties.subject = document.subtitle
    doc.core_properties.language = document.lang
    _add(doc, document.title, "Title")
    _add(doc, document.subtitle, "Subtitle")
    for block in document.blocks:
        if isinstance(block, Heading):
            _add(doc, xml_safe(block.text), f"Heading {block.level}")
        elif isinstance(block, Para):
            style = {"note": SOURCE_STYLE, "hypothesis": HYPOTHESIS_STYLE}.get(block.style, "Normal")
            _add(doc, xml_safe(block.text), style)
        elif isinstance(block, Bullets):
            for item in block.items:
                _add(doc, xml_safe(item), "List Bullet")
        elif isinstance(block, Quote):
            _add(doc, f"«{xml_safe(block.text)}»", QUOTE_STYLE)
            _add(doc, xml_safe(block.source), SOURCE_STYLE)
        elif isinstance(block, Voice):
            paragraph = _add(doc, "", VOICE_STYLE)
            paragraph.add_run(xml_safe(block.meta), style=VOICE_META_STYLE)
            paragraph.add_run().add_break()
            paragraph.add_run(xml_safe(block.text))
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, BarsChart):
            _add(doc, xml_safe(block.title), "Caption")
            doc.add_picture(io.BytesIO(to_png(bars_geometry(block))), width=Cm(16))
        elif isinstance(block, MapChart):
            _add(doc, xml_safe(block.title), "Caption")
            doc.add_picture(io.BytesIO(to_png(map_geometry(block, zone_shapes))), width=Cm(11))
            _add(doc, xml_safe(block.legend), SOURCE_STYLE)
        elif isinstance(block, TocField):
            _toc(doc, document.lang, [b for b in document.blocks if isinstance(b, Heading)])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
