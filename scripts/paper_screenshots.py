"""Screenshots of the position paper for docs/ (`make screenshots`): pages of the PDF and the page that builds it.

Seeds a throwaway store (3 events, 90 participants, 60 approved texts, one of them hostile markup) in a temporary
PSM_DATA_HOME, builds the paper and renders chosen PDF pages with pypdfium2 to docs/paper/pNN_*.png; then serves
the app on that store and shoots /sintesi at desktop (after building), projector and phone size.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from psm_data import load_dataset  # noqa: E402
from psm_data.documents import PaperOptions, build_paper  # noqa: E402
from psm_data.events.db import Database  # noqa: E402
from psm_data.events.migrate import upgrade  # noqa: E402
from psm_data.events.store import EventStore  # noqa: E402
from scripts.bench_paper import seed_store  # noqa: E402

DOCS = ROOT / "docs" / "paper"
HOSTILE = ("<b>Più bus</b> la sera =SOMMA(A1)", "\u200fטקסט\u200f בעברית ★ e مرحبا بالجميع in arabo")
# PDF pages to keep, by a text they hold (the first page that has it).
PAGES = {"copertina": "Documento di sintesi", "percorso": "Gli eventi di ascolto",
         "mappa": "Partecipanti per 10 000 abitanti", "asse_validazione": "Risposte per esigenza, asse 3",
         "esigenza_e_parole": "Proposte e commenti dei partecipanti", "zona": "Vista convergente",
         "questioni_aperte": "Esigenze divisive", "nota_metodologica": "Definizioni e soglie",
         "parole_rtl": "בעברית"}  # DejaVu Sans: ★, Hebrew and Arabic print (right-to-left words in visual order)
VIEWPORTS = {"desktop": {"width": 1400, "height": 1000}, "projector": {"width": 1280, "height": 720},
             "phone": {"width": 360, "height": 740}}


def render_pages(pdf_bytes: bytes) -> None:
    pdf = pdfium.PdfDocument(pdf_bytes)
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    DOCS.mkdir(parents=True, exist_ok=True)
    for number, (name, marker) in enumerate(PAGES.items(), start=1):
        index = next((i for i, text in enumerate(texts) if marker in text), None)
        if index is None:
            print(f"no page holds {marker!r}", file=sys.stderr)
            continue
        path = DOCS / f"p{number:02d}_{name}.png"
        pdf[index].render(scale=1.4).to_pil().save(path)
        print(f"docs/paper/{path.name}  ←  PDF page {index + 1}")


def shoot_page(home: str) -> None:
    from tests.browser.harness import local_context, served_app, wait_for_app_ready  # noqa: PLC0415

    os.environ["PSM_DATA_HOME"] = home
    with served_app("paper_screenshots_server.log") as (base, browser):
        for name, viewport in VIEWPORTS.items():
            context = local_context(browser, base, viewport=viewport)
            page = context.new_page()
            page.goto("/sintesi" + ("?proj=1" if name == "projector" else ""))
            wait_for_app_ready(page, timeout=60_000)
            if name == "desktop":
                page.get_by_role("button", name="Prepara il documento").click()
                page.get_by_text("Documento pronto").wait_for(timeout=120_000)
                page.get_by_text("Documento pronto").evaluate("e => e.scrollIntoView({block: 'center'})")
            page.wait_for_timeout(1000)
            page.screenshot(path=str(DOCS / f"ui_sintesi_{name}.png"))
            print(f"docs/paper/ui_sintesi_{name}.png")
            context.close()


def main(argv: list[str] | None = None) -> int:
    pdf_only = "--pdf-only" in (sys.argv[1:] if argv is None else argv)  # the PDF pages, no browser
    data = load_dataset()
    with tempfile.TemporaryDirectory() as home:
        url = f"sqlite:///{Path(home) / 'eventi.sqlite3'}"
        upgrade(url)
        store = EventStore(Database(url), need_ids=tuple(data.needs["need_id"]), axis_ids=data.axis_ids,
                           zone_ids=data.zone_ids)
        seed_store(store, data, participants=90, texts=60, extra_texts=HOSTILE)
        files = build_paper(data, store, PaperOptions())
        store.db.dispose()
        render_pages(files.pdf)
        if not pdf_only:
            shoot_page(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
