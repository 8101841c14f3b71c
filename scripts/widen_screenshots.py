"""The "Done when" walk-through of issue 17 (widen participation) in real browsers, saved to docs/widen/.

From a fresh throwaway database, in order: the facilitator opens an online window beside the hall and downloads
the poster (its PDF page saved as a PNG, as printed); three phones answer online (one in a 360×740 browser) and
five in the hall; the window ends; *Partecipazione* shows both channels on the zone map; the facilitator publishes
and a phone opens the public page (/percorso). Desktop 1400×1000 and phone 360×740.

The event is titled as an example; the simulated phones answer through the store, the browser phone through the
page. "The window ends" is a date: the script moves the window's dates into the past, as the calendar would.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_HOME = Path(tempfile.mkdtemp(prefix="psm-widen-screens-"))
os.environ["PSM_DB_URL"] = f"sqlite:///{_HOME / 'eventi.sqlite3'}"
os.environ["PSM_DATA_HOME"] = str(_HOME)  # shared with the server: its secret signs the facilitator cookie below
os.environ["PSM_FACILITATOR_PASSWORD"] = "password-per-gli-screenshot"  # noqa: S105 - a throwaway server
os.environ.pop("PSM_PUBLIC_URL", None)

import pypdfium2 as pdfium  # noqa: E402

from psm_data import load_dataset  # noqa: E402
from psm_data.events.db import database_for  # noqa: E402
from psm_data.events.migrate import upgrade  # noqa: E402
from psm_data.events.store import EventStore, today  # noqa: E402
from tests.browser.harness import local_context, served_app, wait_for_app_ready  # noqa: E402
from tests.browser.signin import sign_in  # noqa: E402

OUT = ROOT / "docs" / "widen"
TITLE = "Esempio — Ascolto Zone 5 e 7, in sala e online"
NEEDS = ["N3.1", "N3.3", "N4.1", "N4.2"]
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 360, "height": 740}
ONLINE = [("5", "cittadino", ["agree", "agree", "partly", "agree"]),
          ("7", "comune", ["partly", "agree", "agree", None])]
HALL = [("5", "cittadino", ["agree", "partly", "agree", "agree"]),
        ("5", "ente", ["agree", "agree", "agree", "partly"]),
        ("7", "cittadino", ["disagree", "agree", "agree", "agree"]),
        ("7", None, ["partly", "agree", "unclear", "agree"]),
        ("1", "impresa", ["agree", "disagree", "agree", "agree"])]


def shot(page: Page, name: str) -> None:
    page.wait_for_timeout(500)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)
    print(f"docs/widen/{name}.png  ←  {page.url.split('?')[0].rsplit('/', 1)[-1] or '/'}")


def ready(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app_ready(page, timeout=60_000)


def answer_as(store: EventStore, code: str, token: str, zone: str, role: str | None, answers: list) -> None:
    store.join(code, token, zone_id=zone, role=role)
    for need, answer in zip(NEEDS, answers, strict=True):
        if answer:
            store.submit_answer(code, token, need, answer=answer)


def main() -> int:  # noqa: PLR0915 - one walk-through, step by step
    upgrade(os.environ["PSM_DB_URL"])
    data = load_dataset()
    store = EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                       axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    OUT.mkdir(parents=True, exist_ok=True)
    event = store.create_event(title=TITLE, event_date=(today() + timedelta(days=3)).isoformat(),
                               place="Pinerolo, sala consiliare", zone_ids=["5", "7"], need_ids=NEEDS)
    code = event.code
    coming = store.create_event(title="Esempio — Ascolto Zona 9", event_date=(today() + timedelta(days=30)).isoformat(),
                                place="Chieri, biblioteca civica", zone_ids=["9"], need_ids=NEEDS[:2])
    store.set_online_window(coming.code, today() + timedelta(days=30), today() + timedelta(days=40))
    with served_app("widen_screens_server.log") as (base, browser):
        desk_context = local_context(browser, base, viewport=DESKTOP)
        sign_in(desk_context, base)
        desk = desk_context.new_page()

        # 1. the facilitator opens the online window (two dates) and prints the poster
        ready(desk, f"/facilitatore?evento={code}&vista=diffondi")
        desk.locator(".st-key-w_set button").click()
        expect(desk.get_by_text("Aperta online fino al", exact=False)).to_be_visible(timeout=30_000)
        shot(desk, "wd01_facilitatore_finestra_online")
        with desk.expect_download() as download:
            desk.locator(".st-key-w_poster button").click()
        pdf = pdfium.PdfDocument(io.BytesIO(Path(download.value.path()).read_bytes()))
        pdf[0].render(scale=110 / 72).to_pil().save(OUT / "wd02_locandina.png")
        print("docs/widen/wd02_locandina.png  ←  the downloaded poster, page 1 at 110 dpi")

        # 2. three phones online: one in a browser, from home, before the hall opens; two more through the store
        phone_context = local_context(browser, base, viewport=PHONE, is_mobile=True, has_touch=True)
        phone = phone_context.new_page()
        ready(phone, f"/partecipa?evento={code}")
        expect(phone.get_by_text("Partecipazione online aperta", exact=False)).to_be_visible(timeout=30_000)
        shot(phone, "wd03a_telefono_online_aperta")
        card = phone.locator(".st-key-card_N3-3")
        card.get_by_text("D'accordo", exact=True).click()
        expect(card.get_by_text("salvata", exact=False)).to_be_visible(timeout=30_000)
        shot(phone, "wd03b_telefono_risposta_online")
        for n, (zone, role, answers) in enumerate(ONLINE):
            answer_as(store, code, f"example-online-{n:04d}-{'x' * 12}", zone, role, answers)

        # 3. the evening in the hall: five phones
        store.set_event_status(code, "open")
        store.set_item_status(code, NEEDS, "open")
        for n, (zone, role, answers) in enumerate(HALL):
            answer_as(store, code, f"example-hall-{n:04d}-{'x' * 12}", zone, role, answers)
        ready(desk, f"/facilitatore?evento={code}&vista=diffondi")
        desk.get_by_text("Partecipanti online", exact=False).first.scroll_into_view_if_needed()
        shot(desk, "wd04_facilitatore_online_per_giorno_e_zona")
        store.set_item_status(code, NEEDS, "closed")
        store.set_event_status(code, "closed")
        store.set_outcome(code, "N3.3", "validata", "Corse serali tra le valli e Pinerolo, anche nei festivi")
        store.set_outcome(code, "N3.1", "da_riformulare")

        # 4. the window's last day is past (results are hidden until then): Partecipazione shows both channels
        store.set_online_window(code, today() - timedelta(days=10), today() - timedelta(days=1))
        ready(desk, "/partecipazione")
        shot(desk, "wd05_partecipazione_mappa")
        desk.get_by_text("Accordo", exact=False).first.scroll_into_view_if_needed()
        shot(desk, "wd06_partecipazione_accordo_per_zona")
        phone_planner = phone_context.new_page()
        ready(phone_planner, "/partecipazione")
        shot(phone_planner, "wd07_partecipazione_telefono")

        # 5. the facilitator publishes; a phone opens the public page
        ready(desk, f"/facilitatore?evento={code}&vista=diffondi")
        desk.locator(".st-key-w_publish_toggle button").click()
        expect(desk.get_by_text("Pubblicato.", exact=True)).to_be_visible(timeout=30_000)
        if not store.event(code).published:
            raise SystemExit("publishing did not reach the database")
        desk.locator(".st-key-w_publish_toggle").scroll_into_view_if_needed()
        shot(desk, "wd08_facilitatore_pubblica")
        ready(phone, "/percorso")
        shot(phone, "wd09_percorso_telefono")
        phone.get_by_text(TITLE).last.scroll_into_view_if_needed()
        shot(phone, "wd10_percorso_telefono_esito")
        ready(desk, "/percorso")
        shot(desk, "wd11_percorso_desktop")
    return 0


if __name__ == "__main__":
    sys.exit(main())
