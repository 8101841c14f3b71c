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
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: object) -> str:
    """Text as written; only characters XML cannot hold at all are shown as \\uXXXX (never dropped silently)."""
    return _XML_INVALID.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value))


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
    hypothesis = styles.add_style(HYPOTHESIS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    hypothesis.base_style = styles["Normal"]
    hypothesis.font.color.rgb = RGBColor(0x6A, 0x3D, 0x9A)


def _toc(doc, lang: str) -> None:  # noqa: ANN001
    """A real TOC field over Heading 1–3, marked dirty so Word and LibreOffice offer to fill it on opening."""
    doc.add_paragraph(text("toc", lang), style="TOC Heading" if "TOC Heading" in doc.styles else "Heading 1")
    paragraph = doc.add_paragraph()
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = 'TOC \\o "1-3" \\h \\z \\u'
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = text("toc_hint", lang)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, placeholder, end):
        run._r.append(element)
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _table(doc, table: Table) -> None:  # noqa: ANN001
    doc.add_paragraph(xml_safe(table.title), style="Caption")
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(xml_safe(name)).bold = True
    header = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = xml_safe(value)
    doc.add_paragraph(xml_safe(table.source), style=SOURCE_STYLE)


def write_docx(document: Document, zone_shapes: gpd.GeoDataFrame) -> bytes:
    """The document's bytes (.docx)."""
    doc = docx.Document()
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    doc.core_properties.title = document.title
    doc.core_properties.subject = document.subtitle
    doc.core_properties.language = document.lang
    doc.add_paragraph(document.title, style="Title")
    doc.add_paragraph(document.subtitle, style="Subtitle")
    for block in document.blocks:
        if isinstance(block, Heading):
            doc.add_heading(xml_safe(block.text), level=block.level)
        elif isinstance(block, Para):
            style = {"note": SOURCE_STYLE, "hypothesis": HYPOTHESIS_STYLE}.get(block.style, "Normal")
            doc.add_paragraph(xml_safe(block.text), style=style)
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(xml_safe(item), style="List Bullet")
        elif isinstance(block, Quote):
            doc.add_paragraph(f"«{xml_safe(block.text)}»", style=QUOTE_STYLE)
            doc.add_paragraph(xml_safe(block.source), style=SOURCE_STYLE)
        elif isinstance(block, Voice):
            paragraph = doc.add_paragraph(style=VOICE_STYLE)
            paragraph.add_run(xml_safe(block.meta), style=VOICE_META_STYLE)
            paragraph.add_run().add_break()
            paragraph.add_run(xml_safe(block.text))
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, BarsChart):
            doc.add_paragraph(xml_safe(block.title), style="Caption")
            doc.add_picture(io.BytesIO(to_png(bars_geometry(block))), width=Cm(16))
        elif isinstance(block, MapChart):
            doc.add_paragraph(xml_safe(block.title), style="Caption")
            doc.add_picture(io.BytesIO(to_png(map_geometry(block, zone_shapes))), width=Cm(11))
            doc.add_paragraph(xml_safe(block.legend), style=SOURCE_STYLE)
        elif isinstance(block, TocField):
            _toc(doc, document.lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
