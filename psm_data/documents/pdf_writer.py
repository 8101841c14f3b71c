"""The paper as PDF (ReportLab platypus), the same blocks as the DOCX: headings with PDF bookmarks, tables that
repeat their header, the charts as vector drawings, quotes and participants' words set apart.

Text is DejaVu Sans (Debian's fonts-dejavu-core, embedded and subset; see `charts.FONT_FILE`), so accents, ★, «»,
Hebrew and Arabic letters print as written: right-to-left words are drawn in visual order (`bidi.visual_order`,
so they read right) and Arabic keeps its unjoined letter forms (no shaping); every text goes through `escape` so
markup typed by a participant stays text.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape as xml_escape

import geopandas as gpd
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from psm_data.documents.bidi import visual_order
from psm_data.documents.charts import (
    FONT_BOLD_FILE,
    FONT_FILE,
    FONT_ITALIC_FILE,
    GeometryFlowable,
    bars_geometry,
    map_geometry,
)
from psm_data.documents.docx_writer import xml_safe
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

FONT, FONT_BOLD, FONT_ITALIC = "PaperSans", "PaperSansBd", "PaperSansIt"
WIDTH = A4[0] - 4 * cm


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_BOLD_FILE)))
    pdfmetrics.registerFont(TTFont(FONT_ITALIC, str(FONT_ITALIC_FILE)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)


def escape(value: object) -> str:
    """Literal text for a Paragraph: markup escaped, line breaks kept as breaks, right-to-left words in the
    order they are drawn (`bidi.visual_order`)."""
    return xml_escape(visual_order(xml_safe(value))).replace("\n", "<br/>")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, spaceAfter=4, alignment=TA_LEFT)
    return {
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=22, leading=27, spaceAfter=8),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=12, leading=15, spaceAfter=14,
                                   textColor=colors.HexColor("#444444")),
        "h1": ParagraphStyle("h1", base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceBefore=10,
                             spaceAfter=6, textColor=colors.HexColor("#005A8C")),
        "h2": ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=4),
        "h3": ParagraphStyle("h3", base, fontName=FONT_BOLD, fontSize=10.5, leading=13.5, spaceBefore=6,
                             spaceAfter=3),
        "body": base,
        "note": ParagraphStyle("note", base, fontSize=7.8, leading=10, textColor=colors.HexColor("#5C5A57"),
                               spaceAfter=6),
        "hypothesis": ParagraphStyle("hypothesis", base, textColor=colors.HexColor("#6A3D9A")),
        "quote": ParagraphStyle("quote", base, fontName=FONT_ITALIC, leftIndent=14, spaceAfter=1),
        "voice": ParagraphStyle("voice", base, leftIndent=14, borderPadding=(2, 0, 2, 6), spaceAfter=5),
        "bullet": ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2),
        "caption": ParagraphStyle("caption", base, fontName=FONT_BOLD, fontSize=9, spaceBefore=4, spaceAfter=3,
                                  keepWithNext=1),
        "cell": ParagraphStyle("cell", base, fontSize=7.8, leading=9.5, spaceAfter=0),
        "head": ParagraphStyle("head", base, fontName=FONT_BOLD, fontSize=7.8, leading=9.5, spaceAfter=0),
    }


class _Heading(Paragraph):
    """A heading that leaves a PDF bookmark (the reader's outline is the table of contents)."""

    def __init__(self, content: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(content, style)
        self.level, self.key, self.plain = level, key, ""

    def draw(self) -> None:
        super().draw()
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.plain, self.key, level=self.level - 1, closed=self.level > 1)


CELL_PAD = 3.0  # left and right padding of a table cell


LONGEST_WORD_PT = 60.0  # a cell's word wider than this may wrap inside (a 276-letter word must not take the page)


def _least_widths(table: Table, size: float) -> list[float]:
    """Each column's longest word, header or cell (up to LONGEST_WORD_PT), plus the cell's padding and a little
    air: no "consens-o" or "Esige-nza" broken inside a word."""
    pad = 2 * CELL_PAD + 2
    out = []
    for i, column in enumerate(table.columns):
        header = max(pdfmetrics.stringWidth(w, FONT_BOLD, size) for w in (column.split() or [""]))
        cells = max([0.0] + [pdfmetrics.stringWidth(w, FONT, size) for row in table.rows for w in row[i].split()])
        out.append(max(header, min(cells, LONGEST_WORD_PT)) + pad)
    return out


def table_font_size(table: Table, size: float = 7.8, smallest: float = 6.0, width: float = WIDTH) -> float:
    """The table's type size: 7.8 pt, smaller (down to 6) when the headers' longest words would not fit."""
    need = sum(_least_widths(table, size))
    return size if need <= width else max(smallest, size * width / need)


def column_widths(table: Table, size: float, width: float = WIDTH) -> list[float]:
    """Every column at least as wide as its header's longest word (no header broken inside a word), the rest
    of the width shared by what each column's longest cell still needs: numbers stay narrow, text wraps."""
    least = _least_widths(table, size)
    pad = 2 * CELL_PAD + 2
    most = [max([least[i]] + [pdfmetrics.stringWidth(r[i], FONT, size) + pad for r in table.rows])
            for i in range(len(table.columns))]
    if sum(most) <= width:
        return [w * width / sum(most) for w in most]
    if sum(least) >= width:
        return [w * width / sum(least) for w in least]
    spare, wanted = width - sum(least), [m - n for m, n in zip(most, least, strict=True)]
    return [n + spare * w / sum(wanted) for n, w in zip(least, wanted, strict=True)]


def _table(table: Table, styles: dict[str, ParagraphStyle]) -> list:
    size = table_font_size(table)
    cell = ParagraphStyle("cell_sized", styles["cell"], fontSize=size, leading=size * 1.22)
    head = ParagraphStyle("head_sized", styles["head"], fontSize=size, leading=size * 1.22)
    widths = column_widths(table, size)
    rows = [[Paragraph(escape(c), head) for c in table.columns]]
    rows += [[Paragraph(escape(v), cell) for v in r] for r in table.rows]
    grid = LongTable(rows, colWidths=widths, repeatRows=1)
    grid.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9a9a9a")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]))
    return [Paragraph(escape(table.title), styles["caption"]), grid,
            Paragraph(escape(table.source), styles["note"])]


def write_pdf(document: Document, zone_shapes: gpd.GeoDataFrame) -> bytes:
    """The document's bytes (.pdf)."""
    _register_fonts()
    styles = _styles()
    lang = document.lang
    story: list = [Paragraph(escape(document.title), styles["title"]),
                   Paragraph(escape(document.subtitle), styles["subtitle"])]
    pending_heading: list = []
    for n, block in enumerate(document.blocks):
        flow: list = []
        if isinstance(block, Heading):
            heading = _Heading(escape(block.text), styles[f"h{min(block.level, 3)}"], block.level, f"h{n}")
            heading.plain = xml_safe(block.text)
            if block.level == 1 and n > 0:
                story.append(PageBreak())
            pending_heading.append(heading)  # kept with what follows it
            continue
        if isinstance(block, Para):
            flow = [Paragraph(escape(block.text), styles.get(block.style, styles["body"]))]
        elif isinstance(block, Bullets):
            flow = [Paragraph(escape(item), styles["bullet"], bulletText="•") for item in block.items]
        elif isinstance(block, Quote):
            flow = [Paragraph(f"«{escape(block.text)}»", styles["quote"]),
                    Paragraph(escape(block.source), styles["note"])]
        elif isinstance(block, Voice):
            flow = [Paragraph(f'<font size="7.5" color="#8A4B00">{escape(block.meta)}</font><br/>'
                              f"{escape(block.text)}", styles["voice"])]
        elif isinstance(block, Table):
            flow = _table(block, styles)
        elif isinstance(block, BarsChart):
            flow = [Paragraph(escape(block.title), styles["caption"]),
                    GeometryFlowable(bars_geometry(block), WIDTH, FONT, FONT_BOLD), Spacer(1, 4)]
        elif isinstance(block, MapChart):
            flow = [Paragraph(escape(block.title), styles["caption"]),
                    GeometryFlowable(map_geometry(block, zone_shapes), WIDTH * 0.62, FONT, FONT_BOLD),
                    Paragraph(escape(block.legend), styles["note"])]
        elif isinstance(block, TocField):
            flow = [Paragraph(escape(text("toc", lang)) + " — " + escape(text("toc_pdf", lang)), styles["note"])]
        if pending_heading:
            story.append(KeepTogether(pending_heading + flow[:2]))
            story.extend(flow[2:])
            pending_heading = []
        else:
            story.extend(flow)
    story.extend(pending_heading)

    def footer(canvas, doc_) -> None:  # noqa: ANN001 - ReportLab callback
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#5C5A57"))
        canvas.drawString(2 * cm, 1.2 * cm, f"{document.title} — {document.subtitle}"[:110])
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, text("page", lang, n=doc_.page))
        canvas.restoreState()

    out = io.BytesIO()
    pdf = SimpleDocTemplate(out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
                            bottomMargin=1.8 * cm, title=document.title, subject=document.subtitle,
                            author="PSM Torino Explorer", lang=lang, invariant=1)
    pdf.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
