"""Walk through a listening event in real browsers and save each step's screenshot to docs/ (`make screenshots`).

What a facilitator does on one laptop, in order: sign in with the start-up link, create an event through the form,
open it and its needs; a phone (360×740) joins from the URL, answers, gives a ★ and proposes; the facilitator
moderates, closes a need, sets outcomes and exports; the explorer shows the results (*Esigenze*) and the
convergent view (*Copertura*); the projector (1280×720, and 1920×1080) steps through the slides.

It runs on a throwaway database. Besides the one phone driven by the browser, 23 simulated phones answer through
the store so that the results have enough voters to be read: the event is titled as an example and nothing of it
reaches the curated data.
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_HOME = Path(tempfile.mkdtemp(prefix="psm-screens-"))
os.environ["PSM_DB_URL"] = f"sqlite:///{_HOME / 'eventi.sqlite3'}"
os.environ["PSM_DATA_HOME"] = str(_HOME)  # shared with the server: its secret signs the facilitator cookie below
os.environ["PSM_FACILITATOR_PASSWORD"] = "password-per-gli-screenshot"
os.environ.pop("PSM_PUBLIC_URL", None)

from psm_data import load_dataset  # noqa: E402
from psm_data.events.db import database_for  # noqa: E402
from psm_data.events.migrate import upgrade  # noqa: E402
from psm_data.events.store import EventStore  # noqa: E402
from tests.browser.harness import local_context, served_app, wait_for_app_ready  # noqa: E402
from tests.browser.signin import sign_in  # noqa: E402

DOCS = ROOT / "docs"
PASSWORD = os.environ["PSM_FACILITATOR_PASSWORD"]
TITLE = "Esempio — Ascolto Zone 5 e 7"


def shot(page: Page, name: str) -> None:
    page.wait_for_timeout(400)
    page.screenshot(path=str(DOCS / f"{name}.png"), full_page=False)
    print(f"docs/{name}.png  ←  {page.url.split('?')[0].rsplit('/', 1)[-1] or '/'}")


def ready(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app_ready(page, timeout=60_000)


def simulated_phones(store: EventStore, code: str, need_ids: list[str]) -> None:
    """23 phones answering as a mixed hall would (zones 5 and 7 mostly), so the results can be read."""
    rng = random.Random(7)  # noqa: S311 - example data, not security
    for n in range(23):
        token = f"example-phone-{n:04d}-{'x' * 12}"
        store.join(code, token, zone_id=rng.choice(["5", "5", "7", "7", "1", None]),
                   role=rng.choice(["cittadino", "comune", "ente", None]))
        for need in need_ids:
            weights = (6, 2, 1, 1) if need.startswith("N4") else (3, 3, 3, 1)
            answer = rng.choices(["agree", "partly", "disagree", "unclear"], weights=weights)[0]
            store.submit_answer(code, token, need, answer=answer, star=need == "N4.1" and n % 3 == 0)


def main() -> int:
    upgrade(os.environ["PSM_DB_URL"])
    data = load_dataset()
    store = EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                       axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    DOCS.mkdir(exist_ok=True)
    with served_app("event_screens_server.log") as (base, browser):

        def context(width: int, height: int, phone: bool = False):  # noqa: ANN202
            made = local_context(browser, base, viewport={"width": width, "height": height}, is_mobile=phone,
                                 has_touch=phone)
            if not phone:
                sign_in(made, base)  # the facilitator's browsers (desk, projector): as after the start-up link
            return made

        desk = context(1400, 900).new_page()
        ready(desk, "/facilitatore?vista=nuovo")
        desk.get_by_label("Titolo").fill(TITLE)
        desk.get_by_label("Luogo").fill("Pinerolo, sala consiliare")
        desk.locator(".st-key-f_new_zones input").click()
        for zone in ("5 · ", "7 · "):
            desk.get_by_role("option", name=re.compile("^" + re.escape(zone))).click()
        desk.keyboard.press("Escape")
        desk.locator(".st-key-f_new_axes input").click()
        for axis in ("3 · ", "4 · "):
            desk.get_by_role("option", name=re.compile("^" + re.escape(axis))).click()
        desk.keyboard.press("Escape")
        shot(desk, "ev01_facilitatore_nuovo_evento")
        desk.get_by_role("button", name="Crea l'evento").click()
        expect(desk.get_by_text("Codice per partecipare")).to_be_visible(timeout=30_000)
        code = next(e.code for e in store.events() if e.title == TITLE)
        desk.get_by_role("button", name="Apri l'evento").click()
        desk.get_by_role("button", name="Apri tutte").click()
        expect(desk.get_by_text("aperta ·").first).to_be_visible(timeout=30_000)
        shot(desk, "ev02_facilitatore_conduci_qr")
        agenda = [i.need_id for i in store.agenda(code)]

        phone = context(360, 740, phone=True).new_page()
        ready(phone, f"/partecipa?evento={code}")
        shot(phone, "ev03_telefono_ingresso")
        for need, label in zip(agenda[:3], ("D'accordo", "In parte", "D'accordo"), strict=True):
            card = phone.locator(f".st-key-card_{need.replace('.', '-')}")
            card.get_by_text(label, exact=True).click()
            expect(card.get_by_text(re.compile("salvata"))).to_be_visible(timeout=30_000)
        n41 = phone.locator(".st-key-card_N4-1")
        n41.get_by_text("D'accordo", exact=True).click()
        expect(n41.get_by_text(re.compile("salvata"))).to_be_visible(timeout=30_000)
        n41.get_by_text("★ È una priorità").click()
        expect(n41.get_by_text("★ usate: 1 su 3")).to_be_visible(timeout=30_000)
        n41.scroll_into_view_if_needed()
        shot(phone, "ev04_telefono_risposte")
        phone.get_by_label("Un'esigenza o una proposta che manca").fill(
            "Un servizio di bus a chiamata che colleghi le borgate alla stazione di Pinerolo")
        phone.locator(".st-key-prop_axis").click()
        phone.get_by_role("option", name=re.compile("^3 · ")).click()
        phone.get_by_role("button", name="Invia la proposta").click()
        expect(phone.get_by_text("Proposta ricevuta")).to_be_visible(timeout=30_000)
        shot(phone, "ev05_telefono_proposta")
        phone.reload()
        wait_for_app_ready(phone, timeout=60_000)
        expect(phone.locator(".st-key-card_N4-1").get_by_role("radio", name="D'accordo", exact=True)
               ).to_be_checked()

        simulated_phones(store, code, agenda)
        ready(desk, f"/facilitatore?evento={code}&vista=modera")
        shot(desk, "ev06_facilitatore_moderazione")
        desk.get_by_role("button", name="Approva").first.click()
        expect(desk.get_by_text("Nessun testo in attesa.")).to_be_visible(timeout=30_000)
        ready(desk, f"/facilitatore?evento={code}")
        desk.get_by_role("button", name="Chiudi tutte").click()
        expect(desk.get_by_text("chiusa ·").first).to_be_visible(timeout=30_000)
        ready(desk, f"/facilitatore?evento={code}&vista=esiti")
        for need, outcome in (("N4.1", "Validata"), ("N3.1", "Da riformulare")):
            if need in agenda:
                desk.locator(f".st-key-f_outcome_{code}_{need.replace('.', '-')}").get_by_text(
                    outcome, exact=True).click()
                desk.wait_for_timeout(1200)
        desk.locator(f".st-key-f_outcome_{code}_N4-1").scroll_into_view_if_needed()
        shot(desk, "ev07_facilitatore_esiti")
        ready(desk, f"/facilitatore?evento={code}&vista=esporta")
        shot(desk, "ev08_facilitatore_esportazioni")

        ready(desk, f"/esigenze?axis=4&risultati={code}")
        desk.get_by_text("Risposte dei partecipanti agli eventi di ascolto (non dal report)").first \
            .scroll_into_view_if_needed()
        shot(desk, "ev09_esigenze_risultati")
        ready(desk, "/copertura?zone=5&zone=7")
        desk.get_by_text("Vista convergente").scroll_into_view_if_needed()
        shot(desk, "ev10_copertura_vista_convergente")

        for size in ((1280, 720), (1920, 1080)):
            projector = context(*size).new_page()
            ready(projector, f"/presenta?evento={code}")
            steps = len(agenda) + 4
            names = {1: "apertura_qr", 2: "report_zone", 3: "esigenza_chiusa", steps - 1: "parete_proposte",
                     steps: "chiusura"}
            for step in range(1, steps + 1):
                if step > 1:
                    projector.keyboard.press("ArrowRight")
                    expect(projector.get_by_text(f"{step} / {steps}")).to_be_visible(timeout=30_000)
                    wait_for_app_ready(projector, timeout=60_000)
                if step in names and (size == (1280, 720) or step in (1, 3)):
                    shot(projector, f"pr{step:02d}_{names[step]}_{size[0]}x{size[1]}")
            projector.context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
