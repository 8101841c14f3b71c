"""An event's invitation: a one-page A4 poster (*locandina*: title, date, place, zones, the agenda's axes in plain
words, the QR code and the short address), in the zone sheets' style, with selectable text; and a short text to
paste into a comune's website or newsletter. Pure: the caller passes the names and the join address."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph

from psm_data.documents.sheet_drawing import INK, LINE_ZONE, draw_qr
from psm_data.documents.zone_sheet import _markup
from psm_data.events.store import Event
from psm_data.i18n import format_date

PLAN = "Piano Strategico Metropolitano Torino 2024|2026"


def _day(iso: str, *, weekday: bool = False) -> str:
    """The poster is Italian: "sabato 12 dicembre 2026" (Babel's CLDR names, as everywhere in the app)."""
    return format_date(iso, "it", weekday=weekday)


def axes_of(need_ids: Sequence[str], need_axis: Mapping[str, str]) -> list[str]:
    """The agenda's axes, in the agenda's order, each once."""
    return list(dict.fromkeys(need_axis[n] for n in need_ids if n in need_axis))


def poster_pdf(event: Event, *, join_url: str, zone_names: Mapping[str, str], axis_names: Mapping[str, str],
               need_ids: Sequence[str], need_axis: Mapping[str, str]) -> bytes:
    """One A4 page; every text is escaped and printable (untrusted: the facilitator typed title and place)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Invito: {event.title}")
    width, height = A4
    margin = 18 * mm
    canvas.setFillColor(LINE_ZONE)
    canvas.rect(0, height - 14 * mm, width, 14 * mm, stroke=0, fill=1)
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(margin, height - 24 * mm, f"{PLAN} · evento di ascolto")
    big = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=30, leading=35, textColor=INK, spaceAfter=8)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=15, leading=20, textColor=INK, spaceAfter=6)
    bold = ParagraphStyle("bb", parent=body, fontName="Helvetica-Bold")
    item = ParagraphStyle("i", parent=body, leftIndent=14, bulletIndent=2, spaceAfter=2)
    zones = ", ".join(f"{z} {zone_names.get(z, '')}" for z in event.zone_ids) or "tutte le zone omogenee"
    story = [Paragraph(_markup(event.title), big),
             Paragraph(_markup(_day(event.event_date, weekday=True) + (f" · {event.place}" if event.place else "")),
                       bold),
             Paragraph(_markup(f"Per le zone: {zones}"), body)]
    if event.online_from and event.online_until:
        story.append(Paragraph(_markup(f"Si partecipa anche online dal {_day(event.online_from)} al "
                                       f"{_day(event.online_until)}."), body))
    story.append(Paragraph("Di che cosa parliamo", bold))
    story += [Paragraph(_markup(f"Asse {a}: {axis_names.get(a, '')}"), item, bulletText="•")
              for a in axes_of(need_ids, need_axis)]
    story.append(Paragraph(_markup("Ti chiediamo se le esigenze raccolte dal Piano ti sembrano giuste, quali "
                                   "contano di più e che cosa manca. Serve solo il telefono (o una scheda di "
                                   "carta in sala). Nessun nome, nessuna registrazione."), body))
    top = height - 32 * mm
    qr_size = 62 * mm
    frame = Frame(margin, margin + qr_size + 14 * mm, width - 2 * margin, top - margin - qr_size - 14 * mm,
                  showBoundary=0)
    frame.addFromList([KeepInFrame(width - 2 * margin, top - margin - qr_size - 14 * mm, story, mode="shrink")],
                      canvas)
    draw_qr(canvas, join_url, margin, margin + 8 * mm, qr_size)
    canvas.setFont("Helvetica-Bold", 15)
    text_x = margin + qr_size + 8 * mm
    canvas.drawString(text_x, margin + qr_size - 4 * mm, "Inquadra il codice o apri:")
    canvas.setFont("Helvetica", 13)
    canvas.drawString(text_x, margin + qr_size - 12 * mm, join_url)
    canvas.setFont("Helvetica-Bold", 15)
    canvas.drawString(text_x, margin + qr_size - 22 * mm, f"Codice dell'evento: {event.code}")
    canvas.setFont("Helvetica", 9)
    canvas.drawString(margin, margin, "Le risposte sono anonime e restano separate dai dati del report.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def web_text(event: Event, *, join_url: str, zone_names: Mapping[str, str], axis_names: Mapping[str, str],
             need_ids: Sequence[str], need_axis: Mapping[str, str]) -> str:
    """A short plain text for a comune's website or newsletter (no markup: it is pasted as it is)."""
    zones = ", ".join(f"{z} {zone_names.get(z, '')}" for z in event.zone_ids) or "tutte le zone omogenee"
    axes = "; ".join(axis_names.get(a, a) for a in axes_of(need_ids, need_axis))
    lines = [f"{event.title}: evento di ascolto del {PLAN}.",
             f"Quando e dove: {_day(event.event_date, weekday=True)}" + (f", {event.place}." if event.place else "."),
             f"Per le zone: {zones}.", f"Temi: {axes}."]
    if event.online_from and event.online_until:
        lines.append(f"Si partecipa anche online dal {_day(event.online_from)} al {_day(event.online_until)}.")
    lines.append(f"Per partecipare basta il telefono: {join_url} (codice {event.code}). Nessun nome, nessuna "
                 "registrazione.")
    return "\n".join(lines) + "\n"


def write_all(out_dir: str = "build/invitations") -> list[str]:
    """`make invitations`: a poster and a web text per event to come (no rehearsal, not archived), into out_dir."""
    from pathlib import Path

    from psm_data import load_dataset
    from psm_data.documents.zone_sheet import event_join_url, public_base_url
    from psm_data.events.db import database_for, database_url
    from psm_data.events.migrate import upgrade
    from psm_data.events.store import EventStore, today

    url = database_url()
    upgrade(url)
    data = load_dataset()
    store = EventStore(database_for(url))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for event in store.events():
        if event.is_rehearsal or event.archived or (event.event_date < today().isoformat()
                                                    and not event.online_open):
            continue
        args = {"join_url": event_join_url(public_base_url(), event.code),
                "zone_names": dict(zip(data.zones["zone_id"].astype(str), data.zones["name"], strict=True)),
                "axis_names": dict(zip(data.axes["axis_id"], data.axes["name"], strict=True)),
                "need_ids": [i.need_id for i in store.agenda(event.code)],
                "need_axis": dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True))}
        (out / f"locandina_{event.code}.pdf").write_bytes(poster_pdf(event, **args))
        (out / f"invito_{event.code}.txt").write_text(web_text(event, **args), encoding="utf-8")
        written.append(event.code)
    return written


if __name__ == "__main__":
    codes = write_all()
    print(f"{len(codes)} invitations written to build/invitations/: {', '.join(codes) or '(no event to come)'}")
