"""The printable zone sheet: one A4 page per zone, as PDF bytes, built on the server with ReportLab.

What a meeting in a zona omogenea hands out: the zone map, its figures and comuni, its localised projects by axis,
the strategies without projects there, the needs of its uncovered axes, a QR code to the zone's live page and,
when an event is given (`EventSheetInfo`), the event's QR code and a paper answer grid with the same need ids and
answer labels as the phone screen, so paper answers can be typed into the event's paper import.

Pure (no Streamlit): labels come in as `text` (the `sheet_*` UI strings of one language,
see components/documents/sheet_text.py), so `make sheets`, the Zona page and the tests print the same words.
Fonts are the PDF standard Helvetica (Latin-1 accents, selectable text, nothing to install); a character Helvetica
cannot print is replaced, never dropped silently into a blank box.
"""

from __future__ import annotations

import io
import os
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING
from urllib.parse import urlencode
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Paragraph, Spacer

from psm_data.analysis import (
    fold,
    needs_with_proposals,
    split_by_scope,
    strategy_axis,
    zone_axis_counts,
    zone_comuni,
    zone_summary,
)
from psm_data.documents.sheet_drawing import INK, MapMarker, draw_place_marker, draw_qr, draw_star, draw_zone_map
from psm_data.events.vocabulary import ANSWER_LABELS_IT, ANSWERS, MAX_STARS, ROLE_LABELS_IT, ROLES
from psm_data.i18n import format_date, format_decimal
from psm_data.places import DEDUCED, place_localised, place_points, resolve_places

if TYPE_CHECKING:
    import pandas as pd

    from psm_data.loader import Dataset

PUBLIC_URL_ENV = "PSM_PUBLIC_URL"
DEFAULT_BASE_URL = "http://localhost:8501"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 28.0
GREY = HexColor("#555555")
_SIZES = (8.0, 7.5, 7.0, 6.5, 6.2)
_SIZES_TRUNCATED = (7.0, 6.5, 6.0, 5.6)


@dataclass(frozen=True)
class EventSheetInfo:
    """A listening event to print on the sheet: its QR code and a paper answer grid for `need_ids`.

    `join_url` is the participant page (see `event_join_url`); `date` and `place` are printed as given."""

    code: str
    title: str
    date: str
    place: str
    join_url: str
    need_ids: tuple[str, ...]


def public_base_url(environ: Mapping[str, str] | None = None) -> str:
    """The app's public address for QR codes: $PSM_PUBLIC_URL, else http://localhost:8501."""
    value = (environ if environ is not None else os.environ).get(PUBLIC_URL_ENV, "").strip()
    return value.rstrip("/") if value.startswith(("http://", "https://")) else DEFAULT_BASE_URL


def zone_page_url(base_url: str, zone_id: str) -> str:
    return f"{base_url.rstrip('/')}/zona?{urlencode({'profile': zone_id})}"


def event_join_url(base_url: str, code: str) -> str:
    return f"{base_url.rstrip('/')}/partecipa?{urlencode({'evento': code})}"


# --- what the sheet says (pure data, tested apart from the layout)


@dataclass(frozen=True)
class SheetProject:
    name: str
    strategy_ids: tuple[str, ...]
    deduced_from: tuple[str, ...] = ()  # places, when the zone is deduced from them (zone_basis = place)


@dataclass(frozen=True)
class ZoneSheetContent:
    zone_id: str
    name: str
    population: int
    area_km2: float
    n_comuni: int
    n_inferred: int
    comuni: tuple[tuple[str, bool], ...]  # (name, assignment inferred)
    n_projects: int  # localised in the zone by the report
    n_metropolitan: int
    projects_by_axis: tuple[tuple[str, str, tuple[SheetProject, ...]], ...]  # every axis, possibly empty
    place_projects: tuple[SheetProject, ...]  # zone deduced from the place, counted apart
    uncovered: tuple[tuple[str, str, bool, tuple[str, ...]], ...]  # id, title, no actions, place-deduced names
    needs_by_axis: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]  # uncovered axes and their needs
    markers: tuple[MapMarker, ...]


def zone_sheet_content(data: Dataset, zone_id: str, resolutions: pd.DataFrame | None = None) -> ZoneSheetContent:
    """The facts one zone's sheet prints, from the report (and the places rule, kept apart)."""
    if resolutions is None:
        resolutions = resolve_places(data.projects, data.comuni, data.place_areas)
    summary = zone_summary(zone_id, data.zones, data.comuni, data.projects, data.strategies)
    comuni = zone_comuni(data.comuni, zone_id)
    localised = data.projects[data.projects["zone_ids"].map(lambda ids: zone_id in ids)]
    by_place = place_localised(data.projects, resolutions)
    by_place = by_place[by_place["zone_ids"].map(lambda ids: zone_id in ids)]
    mine = resolutions[(resolutions["outcome"] == DEDUCED) & (resolutions["zone_id"] == zone_id)]
    places = {pid: tuple(p.strip("() ") for p in ps) for pid, ps in zip(mine["project_id"], mine["places"],
                                                                           strict=True)}
    place_projects = tuple(SheetProject(p.name, p.strategy_ids, places[p.project_id]) for p in by_place.itertuples())

    rows = list(zip(localised["name"], localised["strategy_ids"], strict=True))
    axes = []
    for axis_id, axis_name in zip(data.axes["axis_id"], data.axes["name"], strict=True):
        items = tuple(SheetProject(name, tuple(s for s in ids if strategy_axis(s) == axis_id))
                      for name, ids in rows if any(strategy_axis(s) == axis_id for s in ids))
        axes.append((axis_id, axis_name, items))
    titles = dict(zip(data.strategies["strategy_id"], data.strategies["title"], strict=True))
    statuses = dict(zip(data.strategies["strategy_id"], data.strategies["status"], strict=True))
    uncovered = tuple(
        (sid, titles[sid], statuses[sid] == "no_actions",
         tuple(p.name for p in place_projects if sid in p.strategy_ids))
        for sid in summary["uncovered_strategies"])
    counts = zone_axis_counts(data.projects, zone_id, data.axes)
    empty_axes = tuple(counts.loc[counts["n_projects"] == 0, "axis_id"])
    needs = needs_with_proposals(data.needs, data.proposals, empty_axes)
    axis_names = dict(zip(data.axes["axis_id"], data.axes["name"], strict=True))
    needs_by_axis = tuple((a, axis_names[a], tuple(zip(needs.loc[needs["axis_id"] == a, "need_id"],
                                                         needs.loc[needs["axis_id"] == a, "title"], strict=True)))
                          for a in empty_axes)
    return ZoneSheetContent(
        zone_id=zone_id, name=str(summary["name"]), population=int(summary["population"]),
        area_km2=float(summary["area_km2"]), n_comuni=int(summary["n_comuni"]),
        n_inferred=int(summary["n_inferred"]),
        comuni=tuple(zip(comuni["name"], comuni["confidence"] == "inferred", strict=True)),
        n_projects=int(summary["n_projects"]), n_metropolitan=len(split_by_scope(data.projects)["metropolitan"]),
        projects_by_axis=tuple(axes), place_projects=place_projects, uncovered=uncovered,
        needs_by_axis=needs_by_axis,
        markers=tuple(_place_marker(data, resolutions, pid) for pid in mine["project_id"]),
    )


def _place_marker(data: Dataset, resolutions: pd.DataFrame, project_id: str) -> MapMarker:
    row = resolutions[resolutions["project_id"] == project_id]
    lon, lat = place_points(row, data.comune_shapes)[project_id]
    name = row["name"].iloc[0]
    return MapMarker(lon, lat, name if len(name) <= 30 else name[:29] + "…")


# --- text for a standard PDF font


def pdf_safe(text: str) -> str:
    """Text Helvetica can print (Windows-1252): accents stay; anything else is decomposed or becomes '?'."""
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", ch).encode("cp1252", "ignore").decode("cp1252")
            out.append(base or "?")
    return "".join(out)


def _markup(text: str) -> str:
    """Untrusted text inside a Paragraph: printable, and never read as markup."""
    return escape(pdf_safe(text))


def _number(value: float, lang: str, decimals: int = 0) -> str:
    return format_decimal(value, decimals, lang, grouping="\u00a0")


def _fit_width(text: str, font: str, size: float, width: float) -> str:
    """`text` cut (with …) so that it is at most `width` points wide in `font` at `size`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = pdf_safe(text)
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with its ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


class _PlaceItem(Flowable):
    """A list item marked with the dashed diamond of a zone deduced from a place (as on the map)."""

    def __init__(self, paragraph: Paragraph, indent: float) -> None:
        super().__init__()
        self.paragraph, self.indent = paragraph, indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _w, h = self.paragraph.wrap(avail_width - self.indent, avail_height)
        self.width, self.height = avail_width, h
        return avail_width, h

    def draw(self) -> None:
        size = self.paragraph.style.fontSize
        draw_place_marker(self.canv, self.indent * 0.45, self.height - size * 0.45, size * 0.42)
        self.paragraph.drawOn(self.canv, self.indent, 0)


class _Block(Flowable):
    """Flowables that stay together in one column (a frame moves the whole block when it does not fit)."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts

    def _gaps(self) -> list[float]:
        return [0.0] + [max(a.getSpaceAfter(), b.getSpaceBefore()) for a, b in pairwise(self.parts)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._heights = [part.wrap(avail_width, avail_height)[1] for part in self.parts]
        self.width, self.height = avail_width, sum(self._heights) + sum(self._gaps())
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for part, height, gap in zip(self.parts, self._heights, self._gaps(), strict=True):
            y -= gap + height
            part.drawOn(self.canv, 0, y)

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's API
        return self.parts[0].getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's API
        return self.parts[-1].getSpaceAfter()


def _styles(size: float) -> dict[str, ParagraphStyle]:
    lead = size * 1.2
    return {
        "h": ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=size + 1.6, leading=(size + 1.6) * 1.2,
                            spaceBefore=size * 0.8, spaceAfter=size * 0.25, textColor=INK),
        "axis": ParagraphStyle("axis", fontName="Helvetica-Bold", fontSize=size, leading=lead,
                               spaceBefore=size * 0.35, textColor=INK),
        "item": ParagraphStyle("item", fontName="Helvetica", fontSize=size, leading=lead, leftIndent=size * 1.1,
                               bulletIndent=size * 0.2, textColor=INK),
        "place": ParagraphStyle("place", fontName="Helvetica-Oblique", fontSize=size, leading=lead, textColor=INK),
        "note": ParagraphStyle("note", fontName="Helvetica-Oblique", fontSize=size * 0.95, leading=lead,
                               textColor=GREY),
    }


def _lists_story(content: ZoneSheetContent, text: Mapping[str, str], size: float, truncate: bool,
                 column_width: float) -> list[Flowable]:
    """The two-column part: projects by axis, strategies without projects, needs of the uncovered axes.

    With `truncate`, strategy and need titles are cut to one line of the column."""
    st = _styles(size)
    line_width = column_width - size * 1.1 - size * 3.2  # indent and the id before the title

    def title(text_: str) -> str:
        return _fit_width(text_, "Helvetica", size, line_width) if truncate else text_
    story: list[Flowable] = []
    n_place = len(content.place_projects)
    header = text["sheet_projects_header"].format(n=content.n_projects)
    story.append(Paragraph(_markup(header), st["h"]))
    for axis_id, axis_name, items in content.projects_by_axis:
        places = [p for p in content.place_projects if any(strategy_axis(s) == axis_id for s in p.strategy_ids)]
        label = text["sheet_axis"].format(id=axis_id, name=axis_name)
        if not items and not places:
            story.append(Paragraph(f"{_markup(label)}: <font name='Helvetica-Oblique'>"
                                   f"{_markup(text['sheet_no_projects'])}</font>", st["axis"]))
            continue
        story.append(Paragraph(f"{_markup(label)} ({len(items)})", st["axis"]))
        for p in items:
            story.append(Paragraph(f"{_markup(p.name)} <font color='#555555'>· {_markup(', '.join(p.strategy_ids))}"
                                   "</font>", st["item"], bulletText="•"))
        for p in places:
            note = text["sheet_place_item"].format(places=", ".join(p.deduced_from))
            story.append(_PlaceItem(Paragraph(f"{_markup(p.name)} · {_markup(', '.join(p.strategy_ids))} "
                                              f"({_markup(note)})", st["place"]), size * 1.1))
    if n_place:
        story.append(Paragraph(_markup(text["sheet_place_note"].format(n=n_place)), st["note"]))
    story.append(Paragraph(_markup(text["sheet_metropolitan_note"].format(n=content.n_metropolitan)), st["note"]))

    story.append(Paragraph(_markup(text["sheet_uncovered_header"].format(n=len(content.uncovered))), st["h"]))
    for sid, stitle, no_actions, by_place in content.uncovered:
        line = f"<b>{_markup(sid)}</b> {_markup(title(stitle))}"
        if no_actions:
            line += f" <font name='Helvetica-Oblique'>({_markup(text['sheet_no_actions'])})</font>"
        if by_place:
            note = text["sheet_uncovered_place"].format(names="; ".join(by_place))
            story.append(_PlaceItem(Paragraph(f"{line} <font name='Helvetica-Oblique'>({_markup(note)})</font>",
                                              st["place"]), size * 1.1))
        else:
            story.append(Paragraph(line, st["item"], bulletText="•"))

    n_needs = sum(len(needs) for _a, _n, needs in content.needs_by_axis)
    story.append(Paragraph(_markup(text["sheet_needs_header"].format(n=n_needs)), st["h"]))
    if not content.needs_by_axis:
        story.append(Paragraph(_markup(text["sheet_needs_none"]), st["note"]))
    for axis_id, axis_name, needs in content.needs_by_axis:
        story.append(Paragraph(_markup(text["sheet_axis"].format(id=axis_id, name=axis_name)), st["axis"]))
        for need_id, need_title in needs:
            story.append(Paragraph(f"<b>{_markup(need_id)}</b> {_markup(title(need_title))}", st["item"],
                                   bulletText="•"))
    return _keep_headings_with_next(story, (st["h"], st["axis"]))


def _keep_headings_with_next(story: list[Flowable], heading_styles: Sequence[ParagraphStyle]) -> list[Flowable]:
    """A heading (or a run of them) travels with the line after it: no heading alone at a column's foot.

    Frames do not apply `keepWithNext` themselves (only doc templates do), so the groups are made here."""
    out: list[Flowable] = []
    pending: list[Flowable] = []
    for flowable in story:
        is_heading = isinstance(flowable, Paragraph) and flowable.style in heading_styles
        if is_heading:
            pending.append(flowable)
            continue
        if pending:
            out.append(_Block(pending + [flowable]))
            pending = []
        else:
            out.append(flowable)
    return out + pending


def _fits(story: Sequence[Flowable], frames: Sequence[tuple[float, float, float, float]]) -> bool:
    """Whether `story` fits the frames, measured without drawing. Conservative: a flowable that does not fit
    the rest of a column moves whole to the next (a frame may split a paragraph, so drawing fits at least as much)."""
    items = list(story)
    for _x, _y, width, height in frames:
        room, first = height, True
        while items:
            flowable = items[0]
            _w, h = flowable.wrap(width, room)
            space = (0 if first else flowable.getSpaceBefore()) + flowable.getSpaceAfter()
            if h + space > room + 1e-6:
                break
            room -= h + space
            first = False
            items.pop(0)
    return not items


def _columns(area: tuple[float, float, float, float], n: int, gap: float = 14.0) -> list[tuple[float, ...]]:
    x, y, width, height = area
    column = (width - gap * (n - 1)) / n
    return [(x + i * (column + gap), y, column, height) for i in range(n)]


def _flow_lists(canvas: Canvas, content: ZoneSheetContent, text: Mapping[str, str],
                area: tuple[float, float, float, float]) -> None:
    """The lists in two columns of the largest type that fits; titles cut to one line only if even small type
    does not fit, then three columns; as a last resort the content is scaled down: always one page."""
    attempts = [(s, False, 2) for s in _SIZES] + [(s, True, 2) for s in _SIZES_TRUNCATED] + \
        [(s, True, 3) for s in _SIZES_TRUNCATED[-2:]]

    def attempt(index: int) -> tuple[list[Flowable], list[tuple[float, ...]]]:
        size, truncate, n = attempts[index]
        frames = _columns(area, n)
        return _lists_story(content, text, size, truncate, frames[0][2]), frames

    # Each attempt fits at least as well as the one before it: the largest type usually fits at once, otherwise
    # binary search for the first attempt that fits.
    best = attempt(0)
    low, high = 1, len(attempts) - 1
    if _fits(*best):
        low = high + 1
    else:
        best = None
    while low <= high:
        middle = (low + high) // 2
        candidate = attempt(middle)
        if _fits(*candidate):
            best, high = candidate, middle - 1
        else:
            low = middle + 1
    if best is not None:
        story, frames = best
    else:
        story, frames = attempt(len(attempts) - 1)
        x, y, w, h = area
        story, frames = [KeepInFrame(w, h, story, mode="shrink")], [area]
    pending = list(story)
    for x, y, w, h in frames:
        Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0).addFromList(pending, canvas)
    if pending:  # cannot happen when `_fits` said yes (it is conservative); never lose content silently
        raise RuntimeError(f"zone sheet: {len(pending)} items did not fit the page")


# --- the page


def build_zone_sheet(data: Dataset, zone_id: str, *, text: Mapping[str, str], base_url: str = DEFAULT_BASE_URL,
                     event: EventSheetInfo | None = None, generated: date | None = None,
                     resolutions: pd.DataFrame | None = None, lang: str) -> bytes:
    """One A4 page for `zone_id` as PDF bytes (same input, same bytes: no timestamps inside); `text` is the
    sheet's strings and `lang` their language, for the dates ("6 dicembre 2026" / "December 6, 2026")."""
    content = zone_sheet_content(data, zone_id, resolutions)
    generated = generated or date.today()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    title = text["sheet_title"].format(id=zone_id, name=content.name)
    canvas.setTitle(pdf_safe(title))
    canvas.setAuthor("PSM Torino Explorer")
    canvas.setSubject(pdf_safe(text["sheet_subtitle"]))
    canvas.setCreator("PSM Torino Explorer (ReportLab)")

    top = PAGE_HEIGHT - MARGIN
    right = PAGE_WIDTH - MARGIN
    width = right - MARGIN
    # Header: title, subtitle, figures; the zone page's QR code on the right.
    qr_size = 66.0
    draw_qr(canvas, zone_page_url(base_url, zone_id), right - qr_size, top - qr_size, qr_size)
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica", 6)
    canvas.drawRightString(right, top - qr_size - 6, pdf_safe(text["sheet_qr_zone"]))
    canvas.drawRightString(right, top - qr_size - 13, pdf_safe(zone_page_url(base_url, zone_id)))
    canvas.setFont("Helvetica-Bold", 17)
    canvas.drawString(MARGIN, top - 15, pdf_safe(title))
    canvas.setFont("Helvetica", 8.5)
    canvas.setFillColor(GREY)
    canvas.drawString(MARGIN, top - 28, pdf_safe(text["sheet_subtitle"]))
    figures = [
        (_number(content.population, lang), text["sheet_population"]),
        (f"{_number(content.area_km2, lang, 1)} km²", text["sheet_area"]),
        (str(content.n_comuni), text["sheet_comuni"].format(n=content.n_inferred) if content.n_inferred else
         text["sheet_comuni_plain" if content.n_comuni != 1 else "sheet_comuni_one"]),
        (str(content.n_projects), text["sheet_projects"].format(n=len(content.place_projects))
         if content.place_projects else text["sheet_projects_plain"]),
    ]
    fx = MARGIN
    for value, label in figures:
        canvas.setFillColor(INK)
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(fx, top - 50, pdf_safe(value))
        canvas.setFont("Helvetica", 6.5)
        canvas.setFillColor(GREY)
        canvas.drawString(fx, top - 59, pdf_safe(label))
        fx += 112

    # Map on the left, comuni and legend on the right.
    map_top = top - 88
    # An event's grid takes its room from the map first, then from the lists.
    map_height = 262.0 if event is None else max(196.0 - 6 * max(len(event.need_ids) - 6, 0), 160.0)
    map_box = (MARGIN, map_top - map_height, 300.0 if event is None else 250.0, map_height)
    draw_zone_map(canvas, map_box, zone_id, data.zone_shapes, data.comune_shapes, content.markers)
    side_x = MARGIN + map_box[2] + 12
    side_w = right - side_x
    legend_h = 10.5 * (3 + bool(content.markers) + bool(content.n_inferred)) + 6
    _comuni_block(canvas, content, text, side_x, map_top, side_w, map_box[3] - legend_h)
    _legend(canvas, text, content, side_x, map_box[1], side_w)

    # Footer, then the event box (if any), then the lists in two columns between them.
    footer_y = MARGIN
    _footer(canvas, text, format_date(generated, lang), footer_y)
    bottom = footer_y + 22
    if event is not None:
        bottom = _event_box(canvas, event, data, text, bottom, lang) + 8
    lists_top = map_box[1] - 12
    _flow_lists(canvas, content, text, (MARGIN, bottom, width, lists_top - bottom))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _comuni_block(canvas: Canvas, content: ZoneSheetContent, text: Mapping[str, str], x: float, top: float,
                  width: float, height: float) -> None:
    header = text["sheet_comuni_header"].format(n=content.n_comuni) if content.n_comuni != 1 else \
        text["sheet_comuni_header_one"]
    names = ", ".join(_markup(name) + ("*" if inferred else "") for name, inferred in content.comuni)
    note = text["sheet_inferred_note"] if content.n_inferred else ""
    for size in (7.5, 7.0, 6.5, 6.0, 5.5, 5.0):
        story = [Paragraph(_markup(header), ParagraphStyle("ch", fontName="Helvetica-Bold", fontSize=size + 1.5,
                                                           leading=(size + 1.5) * 1.25, textColor=INK)),
                 Spacer(1, 2),
                 Paragraph(names, ParagraphStyle("cn", fontName="Helvetica", fontSize=size, leading=size * 1.22,
                                                 textColor=INK))]
        if note:
            story.append(Paragraph(_markup(note), ParagraphStyle("cx", fontName="Helvetica-Oblique",
                                                                 fontSize=size * 0.95, leading=size * 1.2,
                                                                 spaceBefore=2, textColor=GREY)))
        if _fits(story, [(x, top - height, width, height)]):
            break
    else:
        story = [KeepInFrame(width, height, story, mode="shrink")]
    Frame(x, top - height, width, height, leftPadding=0, rightPadding=0, topPadding=0,
          bottomPadding=0).addFromList(story, canvas)


def _legend(canvas: Canvas, text: Mapping[str, str], content: ZoneSheetContent, x: float, y: float,
            width: float) -> None:
    from psm_data.documents.sheet_drawing import FILL_NEIGHBOUR, FILL_ZONE, LINE_COMUNE, LINE_NEIGHBOUR, LINE_ZONE

    rows = [("zone", text["sheet_legend_zone"].format(id=content.zone_id)), ("comune", text["sheet_legend_comuni"])]
    if content.n_inferred:
        rows.append(("inferred", text["sheet_legend_inferred"]))
    rows.append(("neighbour", text["sheet_legend_neighbours"]))
    if content.markers:
        rows.append(("place", text["sheet_legend_place"]))
    line_h = 10.5
    cy = y + line_h * (len(rows) - 1) + 3
    for kind, label in rows:
        canvas.saveState()
        if kind in ("zone", "neighbour"):
            canvas.setFillColor(FILL_ZONE if kind == "zone" else FILL_NEIGHBOUR)
            canvas.setStrokeColor(LINE_ZONE if kind == "zone" else LINE_NEIGHBOUR)
            canvas.setLineWidth(1.6 if kind == "zone" else 0.8)
            canvas.rect(x, cy - 3, 16, 8, stroke=1, fill=1)
        elif kind in ("comune", "inferred"):
            canvas.setStrokeColor(LINE_COMUNE)
            canvas.setLineWidth(0.7)
            if kind == "inferred":
                canvas.setDash(2.2, 1.6)
            canvas.line(x, cy + 1, x + 16, cy + 1)
        else:
            draw_place_marker(canvas, x + 8, cy + 1, 4)
        canvas.restoreState()
        canvas.setFillColor(INK)
        canvas.setFont("Helvetica", 6.5)
        canvas.drawString(x + 21, cy - 1.2, pdf_safe(label))
        cy -= line_h


def _footer(canvas: Canvas, text: Mapping[str, str], generated: str, y: float) -> None:
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, y + 14, PAGE_WIDTH - MARGIN, y + 14)
    canvas.setFillColor(GREY)
    canvas.setFont("Helvetica", 6.2)
    canvas.drawString(MARGIN, y + 6, pdf_safe(text["sheet_source"]))
    canvas.drawString(MARGIN, y - 1.5, pdf_safe(text["sheet_generated"].format(date=generated)))


def _event_box(canvas: Canvas, event: EventSheetInfo, data: Dataset, text: Mapping[str, str], y: float,
               lang: str) -> float:
    """The event: its QR code, what/when/where, and the paper grid (one row per need, a box per answer as on the
    phone, a star box); blanks for the sheet number, zone, role and a comment. Returns the box's top."""
    titles = dict(zip(data.needs["need_id"], data.needs["title"], strict=True))
    titles.update(zip(data.proposals["proposal_id"], data.proposals["text"], strict=True))
    n_rows = len(event.need_ids)
    row_h = 12.0 if n_rows <= 10 else 10.0
    answer_w, star_w = 50.0, 26.0
    left_w, qr_size = 112.0, 80.0
    grid_x = MARGIN + left_w + 8
    grid_w = PAGE_WIDTH - MARGIN - grid_x
    need_w = grid_w - answer_w * len(ANSWERS) - star_w
    intro_h, blanks_h, comment_h = 11.0, 14.0, 20.0
    height = max(26 + intro_h + 2 + blanks_h + row_h * (n_rows + 1) + comment_h + 6, 22 + qr_size + 34)
    top = y + height
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.roundRect(MARGIN - 4, y, PAGE_WIDTH - 2 * MARGIN + 8, height, 4, stroke=1, fill=0)

    # Left: title across, then the join QR code and the event's details under it.
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica-Bold", 8.5)
    header = text["sheet_event_header"].format(title=event.title)
    canvas.drawString(MARGIN, top - 12, _fit_width(header, "Helvetica-Bold", 8.5, PAGE_WIDTH - 2 * MARGIN))
    draw_qr(canvas, event.join_url, MARGIN - 4, top - 18 - qr_size, qr_size)
    url, _q, query = event.join_url.partition("?")
    details = [(text["sheet_event_join"], "Helvetica"), (url, "Helvetica"), (f"?{query}" if query else "", "Helvetica"),
               (text["sheet_event_when"].format(date=format_date(event.date, lang), place=event.place), "Helvetica"),
               (f"{text['sheet_event_code']} {event.code}", "Helvetica-Bold")]
    ty = top - 24 - qr_size
    for line, font in details:
        if line:
            canvas.setFont(font, 6.2)
            canvas.drawString(MARGIN, ty, _fit_width(line, font, 6.2, left_w))
            ty -= 7.4

    # Right: instructions, blanks, the grid, a comment line.
    gy = top - 26
    canvas.setFont("Helvetica", 6.8)
    canvas.drawString(grid_x, gy, pdf_safe(text["sheet_event_intro"].format(max=MAX_STARS)))
    gy -= intro_h + 2
    canvas.setFont("Helvetica", 7)
    canvas.drawString(grid_x, gy, pdf_safe(text["sheet_event_sheet_no"]))
    canvas.line(grid_x + 38, gy - 1, grid_x + 84, gy - 1)
    canvas.drawString(grid_x + 92, gy, pdf_safe(text["sheet_event_zone"]))
    canvas.line(grid_x + 136, gy - 1, grid_x + 160, gy - 1)
    rx = grid_x + 168
    canvas.drawString(rx, gy, pdf_safe(text["sheet_event_role"]))
    rx += canvas.stringWidth(pdf_safe(text["sheet_event_role"]), "Helvetica", 7) + 4
    canvas.setFont("Helvetica", 6.2)
    for role in ROLES:
        canvas.rect(rx, gy - 0.5, 5.5, 5.5, stroke=1, fill=0)
        label = pdf_safe(ROLE_LABELS_IT[role])
        canvas.drawString(rx + 7, gy, label)
        rx += 7 + canvas.stringWidth(label, "Helvetica", 6.2) + 5
    gy -= blanks_h

    # Header row: the phone's answer labels, then the star.
    canvas.setFont("Helvetica-Bold", 6.5)
    canvas.drawString(grid_x + 2, gy - row_h + 4, pdf_safe(text["sheet_event_need"]))
    for i, answer in enumerate(ANSWERS):
        canvas.drawCentredString(grid_x + need_w + answer_w * (i + 0.5), gy - row_h + 4,
                                 pdf_safe(ANSWER_LABELS_IT[answer]))
    sx = grid_x + need_w + answer_w * len(ANSWERS) + star_w / 2
    draw_star(canvas, sx, gy - row_h + 6.5, 3.6)
    canvas.setLineWidth(0.5)
    canvas.line(grid_x, gy - row_h, grid_x + grid_w, gy - row_h)
    box = min(row_h - 4, 8.0)
    size = 6.5 if row_h >= 12 else 6.0
    for r, need_id in enumerate(event.need_ids):
        ry = gy - row_h * (r + 2)
        canvas.setFillColor(INK)
        canvas.setFont("Helvetica-Bold", size)
        canvas.drawString(grid_x + 2, ry + (row_h - size) / 2 + 1, pdf_safe(need_id))
        canvas.setFont("Helvetica", size)
        canvas.drawString(grid_x + 28, ry + (row_h - size) / 2 + 1,
                          _fit_width(titles.get(need_id, ""), "Helvetica", size, need_w - 34))
        canvas.setStrokeColor(INK)
        for i in range(len(ANSWERS) + 1):
            cx = grid_x + need_w + answer_w * (i + 0.5) if i < len(ANSWERS) else sx
            canvas.rect(cx - box / 2, ry + (row_h - box) / 2, box, box, stroke=1, fill=0)
        canvas.setStrokeColor(HexColor("#bbbbbb"))
        canvas.line(grid_x, ry, grid_x + grid_w, ry)
    canvas.setStrokeColor(INK)
    cy = gy - row_h * (n_rows + 1) - comment_h + 7
    canvas.setFont("Helvetica", 7)
    canvas.drawString(grid_x, cy, pdf_safe(text["sheet_event_comment"]))
    canvas.line(grid_x + 38, cy - 1, grid_x + grid_w, cy - 1)
    return top


def sheet_file_name(zone_id: str, zone_name: str) -> str:
    """psm_scheda_zona_07_ciriacese-valli-di-lanzo.pdf: sortable, ASCII, no spaces."""
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in fold(zone_name)).split())
    return f"psm_scheda_zona_{int(zone_id):02d}_{slug}.pdf"
