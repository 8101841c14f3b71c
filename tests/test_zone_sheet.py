"""The printable zone sheets: one A4 page each, whose extracted text holds the zone's figures and project names;
the event grid with a hand-made event; PNG renderings kept in tests/artifacts/sheets/ for review."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from components.documents.sheet_text import sheet_text
from psm_data import load_dataset
from psm_data.documents.zone_sheet import (
    DEFAULT_BASE_URL,
    EventSheetInfo,
    build_zone_sheet,
    event_join_url,
    pdf_safe,
    public_base_url,
    sheet_file_name,
    zone_page_url,
    zone_sheet_content,
)
from psm_data.events.vocabulary import ANSWER_LABELS_IT, ROLE_LABELS_IT
from psm_data.places import resolve_places

ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "sheets"
A4_POINTS = (595.2756, 841.8898)
DAY = date(2026, 11, 26)
EVENT = EventSheetInfo(
    code="K7P2", title="Ascolto Valli di Lanzo <b>&</b> dintorni ★", date="12 marzo 2027",
    place="Lanzo Torinese, sala consiliare", join_url=event_join_url("https://psm.example.org", "K7P2"),
    need_ids=("N4.1", "N4.2", "N4.3", "N1.1", "N2.2", "N3.3b"),
)


@pytest.fixture(scope="module")
def data():
    return load_dataset()


@pytest.fixture(scope="module")
def resolutions(data):
    return resolve_places(data.projects, data.comuni, data.place_areas)


def pdf_text(pdf: bytes) -> tuple[int, tuple[float, float], str]:
    """Page count, first page size and its text with whitespace (line breaks, no-break spaces) folded."""
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    text = page.get_textpage().get_text_range()
    return len(document), page.get_size(), " ".join(text.replace("\u00a0", " ").split())


def keep_png(pdf: bytes, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdfium.PdfDocument(pdf)[0].render(scale=100 / 72).to_pil().save(ARTIFACTS / name)


@pytest.mark.parametrize("zone_id", [str(z) for z in range(1, 12)])
def test_each_sheet_is_one_a4_page_with_the_zone_facts(data, resolutions, zone_id):
    pdf = build_zone_sheet(data, zone_id, text=sheet_text("it"), lang="it", generated=DAY, resolutions=resolutions)
    keep_png(pdf, f"zona_{int(zone_id):02d}.png")
    pages, size, text = pdf_text(pdf)
    assert pages == 1
    assert size == pytest.approx(A4_POINTS, abs=0.5)
    content = zone_sheet_content(data, zone_id, resolutions)
    assert f"Zona {zone_id} · {content.name}" in text  # accents and the middle dot stay selectable text
    assert f"{content.population:,}".replace(",", " ") in text
    assert f"{content.area_km2:,.1f}".replace(",", " ").replace(".", ",") + " km²" in text
    assert re.search(rf"\b{content.n_comuni} comun[ei]\b", text)
    for name, _inferred in content.comuni:
        assert name in text
    for _axis, _axis_name, projects in content.projects_by_axis:
        for project in projects:
            assert project.name in text
    for project in content.place_projects:
        assert project.name in text
        assert "zona dedotta dal luogo" in text
    for strategy_id, *_rest in content.uncovered:
        assert f"{strategy_id} " in text
    for _axis, _name, needs in content.needs_by_axis:
        for need_id, _title in needs:
            assert f"{need_id} " in text
    assert zone_page_url(DEFAULT_BASE_URL, zone_id) in text
    assert "ISTAT/openpolis 2023, CC-BY 4.0" in text
    assert "Generata il 26 novembre 2026" in text  # Babel's Italian date


def test_figures_of_zone_7(data, resolutions):
    _pages, _size, text = pdf_text(build_zone_sheet(data, "7", text=sheet_text(), lang="it", generated=DAY,
                                                    resolutions=resolutions))
    assert "99 821 abitanti (ISTAT 2023)" in text
    assert "972,6 km²" in text
    assert "40 comuni (17 con zona dedotta*)" in text
    assert "Ala di Stura*" in text  # inferred assignment marked
    assert "Progetti localizzati nella zona, per asse (7)" in text
    assert "Infermieri e ostetriche di prossimità" in text
    assert "Asse 4 · Torino metropoli che impara di più: nessun progetto" in text
    assert "Strategie senza progetti localizzati nella zona (17)" in text
    assert "N4.1 " in text


def test_place_deduced_projects_are_apart(data, resolutions):
    content = zone_sheet_content(data, "9", resolutions)
    assert [p.name for p in content.place_projects] == ["Digitalizzazione delle pratiche comunali di Ivrea"]
    assert content.place_projects[0].deduced_from == ("Ivrea",)
    assert content.n_projects == 6  # the report's count, without the deduced one
    assert [m.label for m in content.markers] == ["Digitalizzazione delle pratic…"]
    _pages, _size, text = pdf_text(build_zone_sheet(data, "9", text=sheet_text(), lang="it", generated=DAY,
                                                    resolutions=resolutions))
    assert "6 progetti localizzati dal report (+1 dal luogo)" in text
    assert "(zona dedotta dal luogo: Ivrea)" in text
    torino = zone_sheet_content(data, "1", resolutions)
    assert torino.place_projects[0].deduced_from == ("Città di Torino",)  # brackets of the report's cell dropped


def test_event_grid_with_a_hand_made_event(data, resolutions):
    pdf = build_zone_sheet(data, "7", text=sheet_text(), lang="it", event=EVENT, generated=DAY, resolutions=resolutions,
                           base_url="https://psm.example.org")
    keep_png(pdf, "zona_07_evento.png")
    pages, _size, text = pdf_text(pdf)
    assert pages == 1
    for label in ANSWER_LABELS_IT.values():  # the phone's labels, exactly
        assert label in text
    for label in ROLE_LABELS_IT.values():
        assert label in text
    for need_id in EVENT.need_ids:
        assert f"{need_id} " in text
    assert "Evento di ascolto: Ascolto Valli di Lanzo <b>&</b> dintorni ?" in text  # printed, not read as markup
    assert "Codice evento: K7P2" in text
    assert "https://psm.example.org/partecipa" in text
    assert "?evento=K7P2" in text
    assert "Scheda n." in text  # the paper import's `scheda` column
    assert "Zona (1–11)" in text
    assert "al massimo 3" in text
    assert "https://psm.example.org/zona?profile=7" in text


@pytest.mark.parametrize("zone_id", [str(z) for z in range(1, 12)])
def test_one_page_even_with_a_long_agenda(data, resolutions, zone_id):
    agenda = tuple(data.needs["need_id"][:12])
    event = EventSheetInfo("X", "Lunga", "oggi", "qui", event_join_url(DEFAULT_BASE_URL, "X"), agenda)
    pdf = build_zone_sheet(data, zone_id, text=sheet_text(), lang="it", event=event, generated=DAY,
                           resolutions=resolutions)
    pages, _size, text = pdf_text(pdf)
    assert pages == 1
    assert all(f"{n} " in text for n in agenda)
    if zone_id == "6":  # the zone with most content
        keep_png(pdf, "zona_06_evento_12_esigenze.png")


def test_same_input_same_bytes(data, resolutions):
    one = build_zone_sheet(data, "3", text=sheet_text(), lang="it", generated=DAY, resolutions=resolutions)
    assert one == build_zone_sheet(data, "3", text=sheet_text(), lang="it", generated=DAY, resolutions=resolutions)


def test_english_labels(data, resolutions):
    _pages, _size, text = pdf_text(build_zone_sheet(data, "7", text=sheet_text("en"), generated=DAY,
                                                    resolutions=resolutions, lang="en"))
    assert "Zone 7 · Ciriacese - Valli di Lanzo" in text
    assert "November 26, 2026" in text  # the date in the sheet's language
    assert "972.6 km²" in text
    assert "Infermieri e ostetriche di prossimità" in text  # the data stays in Italian


def test_pdf_safe():
    assert pdf_safe("Città d'Ivrea — «sì» € ²") == "Città d'Ivrea — «sì» € ²"
    assert pdf_safe("ﬁne ★ 🙂") == "fine ? ?"


def test_urls():
    assert public_base_url({}) == "http://localhost:8501"
    assert public_base_url({"PSM_PUBLIC_URL": "https://psm.example.org/app/"}) == "https://psm.example.org/app"
    assert public_base_url({"PSM_PUBLIC_URL": "javascript:alert(1)"}) == "http://localhost:8501"
    assert zone_page_url("https://x.org/", "7") == "https://x.org/zona?profile=7"
    assert event_join_url("https://x.org", "A B&") == "https://x.org/partecipa?evento=A+B%26"
    assert sheet_file_name("7", "Ciriacese - Valli di Lanzo") == "psm_scheda_zona_07_ciriacese-valli-di-lanzo.pdf"
