"""The invitation poster read back: one A4 page, its text selectable and present, hostile text printed as text,
and the QR code the one segno builds from the join address; the web text says the same."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

from psm_data import load_dataset
from psm_data.documents.invitation import poster_pdf, web_text
from psm_data.events.store import Event

URL = "http://192.168.43.10:8501/partecipa?evento=K7M2QX"


def poster_args() -> dict:
    data = load_dataset()
    return {"join_url": URL, "zone_names": dict(zip(data.zones["zone_id"], data.zones["name"], strict=True)),
            "axis_names": dict(zip(data.axis_ids, data.axes["name"], strict=True)),
            "need_ids": ["N1.1", "N3.3", "N1.2"],
            "need_axis": dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True))}


EVENT = Event(1, "K7M2QX", "Ascolto <b>Zona 7</b> & dintorni", "2026-12-12", "Ciriè, Sala consiliare", ("7",), "draft",
              "salt", online_from="2026-12-12", online_until="2026-12-20")


def test_the_poster_is_one_page_with_its_text_and_qr() -> None:
    pdf = pdfium.PdfDocument(io.BytesIO(poster_pdf(EVENT, **poster_args())))
    assert len(pdf) == 1
    page = pdf[0]
    assert round(page.get_width()) == 595
    assert round(page.get_height()) == 842
    text = page.get_textpage().get_text_range()
    for expected in ("Ascolto <b>Zona 7</b> & dintorni", "sabato 12 dicembre 2026", "Ciriè, Sala consiliare",
                     "Asse 1", "Asse 3", URL, "K7M2QX", "dal 12 dicembre 2026 al 20 dicembre 2026"):
        assert expected in text.replace("\r\n", " ").replace("\n", " "), expected


def test_the_web_text_is_plain_and_complete() -> None:
    text = web_text(EVENT, **poster_args())
    assert URL in text
    assert "K7M2QX" in text
    assert "Quando e dove: sabato 12 dicembre 2026, Ciriè, Sala consiliare." in text
    assert "Per le zone: 7" in text


def test_the_posters_qr_decodes_to_the_join_address() -> None:
    """The printed page rendered at 200 dpi, as a phone camera would see it, and read by an offline decoder."""
    import zxingcpp

    pdf = pdfium.PdfDocument(io.BytesIO(poster_pdf(EVENT, **poster_args())))
    image = pdf[0].render(scale=200 / 72).to_pil()
    qr_codes = [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    decoded = [r.text for r in qr_codes]
    assert decoded == [URL]
