"""The listening event as the report plans it, in real browsers: a facilitator creates an event with three thematic
tables, three table hosts (phone size) sign in with their table's PIN, open and close their needs and write the
verbale; 15 phones at 360×740 join from their table's QR address (or choose a table) and answer; one moves to another
table and keeps its answers; the projector shows the three report-backs and the closing. One server, one browser,
one context per person.

After joining, no phone taps *Aggiorna* or reloads: the needs the hosts and the facilitator open and close appear
by themselves (the phone's component polls /api/live/<CODE> every 3 s and asks for a rerun when the room changed).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.harness import INIT_JS, is_local_url, runs_ended, screenshot, wait_for_app_ready, wait_for_rerun
from tests.browser.signin import sign_in
from tests.browser.test_events_e2e import ANSWER_LABELS, card, store, wait_saved

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1400, "height": 1000}
PROJECTOR = {"width": 1280, "height": 720}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "tavoli"
TABLES = {1: ("Territorio e sviluppo", "Giulia", "1"), 2: ("Ambiente <i>e</i> clima", "Marco", "2"),
          3: ("Mobilità e servizi", "Sara", "3")}
#: The needs each host opens first and second (of its axis; needs N1.x are axis 1 and so on).
FIRST = {1: "N1.1", 2: "N2.1", 3: "N3.1"}
SECOND = {1: "N1.2", 2: "N2.2", 3: "N3.3"}
VERBALE = {1: "Le valli chiedono servizi digitali <script>alert(1)</script>", 2: "Priorità: i fiumi",
           3: "=SOMMA(A1) divisi sulla ferrovia"}


def key(need_id: str) -> str:
    return need_id.replace(".", "-")


def event_code(url: str) -> str | None:
    found = re.search(r"evento=([A-Z0-9]+)", url)
    return found.group(1) if found else None


def new_person(browser: Browser, base: str, viewport: dict[str, int],
               external: list[str]) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport=viewport, base_url=base, is_mobile=viewport["width"] < 500,
                                  has_touch=viewport["width"] < 500)
    context.add_init_script(INIT_JS)

    def block(route):  # noqa: ANN001 - playwright Route
        external.append(route.request.url)
        route.abort()

    context.route(lambda url: not is_local_url(url), block)
    return context, context.new_page()


def docs_shot(page: Page, name: str) -> None:
    """Into tests/artifacts, and into docs/tavoli/ when PSM_DOCS_SCREENSHOTS=1 (how the docs images are re-taken)."""
    path = screenshot(page, f"tavoli_{name}")
    if os.environ.get("PSM_DOCS_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, DOCS / f"{name}.png")


def press(page: Page, widget_key: str) -> None:
    """Click a keyed button and wait until the run it caused has finished and shows: the next click then lands on
    the page that run drew (a click while the previous run still redraws the list can meet a button on its way
    out, and the open/close list is redrawn by every such run)."""
    runs_before = runs_ended(page)
    page.locator(f".st-key-{widget_key} button").click()
    wait_for_rerun(page, runs_before, timeout=60_000)


def choose(page: Page, widget_key: str, option: str | re.Pattern[str], *, many: bool = False) -> None:
    wanted = page.get_by_role("option", name=option).first
    for _attempt in range(5):  # a rerun may close the list as it opens: open it again
        page.locator(f".st-key-{widget_key} input").click()
        try:
            wanted.wait_for(state="visible", timeout=4_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    wanted.click()
    if many:
        page.keyboard.press("Escape")  # a multiselect stays open for the next choice


_PAGE_STATE_JS = """(selector) => {
  const app = document.querySelector("[data-testid='stApp']");
  const card = document.querySelector(selector);
  const phone = window.__psmPhone || {};
  return {url: location.href, visibility: document.visibilityState,
          script: app && app.getAttribute('data-test-script-state'),
          connection: app && app.getAttribute('data-test-connection-state'),
          runs_ended: window.__psm && window.__psm.runsEnded,
          states: window.__psm && window.__psm.states.slice(-6).map(s => s.join(' ')),
          room: phone.room, drawn_version: phone.data && phone.data.version,
          cards: [...document.querySelectorAll("[class*='st-key-card_']")]
                   .map(c => c.className.match(/st-key-card_\\S+/)[0]),
          card: card && card.innerText.slice(0, 500),
          checked: card && [...card.querySelectorAll('input[type=radio]')].map(r => r.checked),
          body_chars: document.body.innerText.length};
}"""


def phone_report(phone: Page, code: str, need_id: str) -> str:
    """What a phone whose card does not say *Salvata* holds: the database's answer for its device (a lost answer, or
    only a card not redrawn?), the page's state, and screenshots (tests/artifacts/tavoli_not_saved_*)."""
    token = next((c["value"] for c in phone.context.cookies() if c["name"] == "psm_device"), "")
    try:
        stored = store().my_answer(code, token, need_id) if token else "no device cookie"
    except Exception as exc:  # noqa: BLE001 - a report, whatever happens
        stored = repr(exc)
    try:
        page = phone.evaluate(_PAGE_STATE_JS, f".st-key-card_{key(need_id)}")
    except Exception as exc:  # noqa: BLE001
        page = repr(exc)
    name = f"tavoli_not_saved_{need_id}_{token[:6]}"
    with contextlib.suppress(Exception):
        phone.screenshot(path=str(screenshot(phone, name).with_name(f"{name}_viewport.png")))
    return f"stored for this device: {stored}; page: {page}"


#: How long a phone may take to follow the room by itself: a 3 s poll, then a full page run, on a busy machine.
FOLLOW_MS = 30_000


def test_an_event_with_three_tables(browser: Browser, app_server: str) -> None:
    external: list[str] = []
    people: list[BrowserContext] = []

    def person(viewport: dict[str, int]) -> Page:
        context, page = new_person(browser, app_server, viewport, external)
        people.append(context)
        return page

    try:
        # ---------------------------------------------------------------- the facilitator prepares the event
        desk = person(DESK)
        sign_in(desk.context, app_server)  # the facilitator's signed cookie, as the start-up link leaves it
        desk.goto("/facilitatore?vista=nuovo")
        wait_for_app_ready(desk, timeout=60_000)
        desk.get_by_label("Titolo").fill("Evento di ascolto con tavoli tematici")
        for axis in ("1", "2", "3"):
            choose(desk, "f_new_axes", re.compile(f"^{axis} · "), many=True)
        # In a full run the store already holds other tests' events, and the page's address names one of them
        # (the event picker's default) before this one exists: wait for the address to name a new event.
        existing = {event.code for event in store().events()}
        desk.get_by_role("button", name="Crea l'evento").click()
        expect(desk.get_by_role("button", name="Apri l'evento")).to_be_visible(timeout=30_000)
        desk.wait_for_url(lambda url: event_code(url) not in (None, *existing), timeout=30_000)
        code = event_code(desk.url)
        assert len(store().agenda(code)) == 19  # the needs of axes 1, 2 and 3
        desk.get_by_role("button", name="Apri l'evento").click()
        expect(desk.get_by_text("aperto").first).to_be_visible(timeout=30_000)

        desk.goto(f"/facilitatore?evento={code}&vista=tavoli")  # the cookie keeps the facilitator signed in
        wait_for_app_ready(desk, timeout=60_000)
        expect(desk.get_by_text("Nuovo tavolo")).to_be_visible(timeout=30_000)
        pins: dict[int, str] = {}
        for number, (name, host, axis) in TABLES.items():
            desk.get_by_role("textbox", name="Nome del tavolo").fill(name)
            desk.get_by_role("textbox", name="Conduttore (nome, facoltativo)").fill(host)
            choose(desk, "t_new_axis", re.compile(f"^{axis} · "))
            desk.get_by_role("button", name="Crea il tavolo").click()
            admin = desk.locator(f".st-key-t_admin_{number}")
            expect(admin.get_by_text("PIN del tavolo")).to_be_visible(timeout=30_000)
            pins[number] = re.search(r"PIN del tavolo: (\d{6})", admin.inner_text()).group(1)
        expect(desk.get_by_role("heading", name="Tavolo 2 · Ambiente <i>e</i> clima")).to_be_visible()  # text
        docs_shot(desk, "facilitatore_tavoli_1400")

        # ---------------------------------------------------------------- three hosts sign in and open a need
        hosts: dict[int, Page] = {}
        for number in TABLES:
            host = hosts[number] = person(PHONE)
            host.goto(f"/tavolo?evento={code}&tavolo={number}")
            wait_for_app_ready(host, timeout=60_000)
            host.get_by_label("PIN del tavolo").fill("000000" if pins[number] != "000000" else "111111")
            host.get_by_role("button", name="Entra").click()
            expect(host.get_by_text("PIN sbagliato.")).to_be_visible(timeout=20_000)
            host.get_by_label("PIN del tavolo").fill(pins[number])
            host.get_by_role("button", name="Entra").click()
            expect(host.get_by_role("heading", name="Verbale del tavolo")).to_be_visible(timeout=30_000)
            press(host, f"th_open_{key(FIRST[number])}")
        for number, host in hosts.items():
            expect(host.locator(f".st-key-th_close_{key(FIRST[number])}")).to_be_visible(timeout=30_000)
        docs_shot(hosts[1], "conduttore_360")

        # ---------------------------------------------------------------- 15 phones: 12 scan their table's QR, 3 choose
        # Each step is started on every phone, then awaited on every phone: the hall's phones work at once. They
        # arrive five at a time (one chromium boots five apps, not fifteen, per wait: on a loaded 2-core machine
        # fifteen at once took longer than a page load's wait).
        phones: list[tuple[int, Page]] = [(i % 3 + 1, person(PHONE)) for i in range(15)]
        for wave in range(0, len(phones), 5):
            arriving = list(enumerate(phones))[wave:wave + 5]
            for i, (number, phone) in arriving:
                phone.goto(f"/partecipa?evento={code}" + (f"&tavolo={number}" if i < 12 else ""),
                           wait_until="commit")
            for i, (number, phone) in arriving:
                wait_for_app_ready(phone, timeout=90_000)
                if i >= 12:
                    expect(phone.get_by_text("Scegli il tuo tavolo per vederne le esigenze.")).to_be_visible()
                    choose(phone, "p_table", re.compile(f"^Tavolo {number} · "))
        for i, (number, phone) in enumerate(phones):
            expect(card(phone, FIRST[number])).to_be_visible(timeout=60_000)
            expect(card(phone, FIRST[(number % 3) + 1])).to_have_count(0)  # another table's needs are not shown
            answer = ("agree", "partly", "disagree", "unclear", "agree")[i // 3]
            card(phone, FIRST[number]).get_by_text(ANSWER_LABELS[answer], exact=True).click()
        for number, phone in phones:
            wait_saved(phone, FIRST[number], 1)
        assert phones[0][1].evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        docs_shot(phones[0][1], "telefono_tavolo_360")
        assert store().answers_frame([code])["device_hash"].nunique() == 15

        # ------------------------------------------------ the hosts move on: close the first need, open the second
        for number, host in hosts.items():
            press(host, f"th_close_{key(FIRST[number])}")
            expect(host.locator(f".st-key-th_open_{key(FIRST[number])}")).to_be_visible(timeout=30_000)
            press(host, f"th_open_{key(SECOND[number])}")
            expect(host.locator(f".st-key-th_close_{key(SECOND[number])}")).to_be_visible(timeout=30_000)
        for i, (number, phone) in enumerate(phones):  # no tap: each phone follows its table by itself
            closed = card(phone, FIRST[number])
            expect(closed.get_by_text(re.compile("^Chiusa. La tua risposta salvata: "))).to_be_visible(
                timeout=FOLLOW_MS)
            expect(closed.get_by_role("radio")).to_have_count(0)
            second = card(phone, SECOND[number]).get_by_role("radio", name="In parte", exact=True)
            expect(second).to_be_visible(timeout=FOLLOW_MS)
            wait_for_app_ready(phone)  # the run the room asked for has ended (as Streamlit's own e2e waits)
            card(phone, SECOND[number]).get_by_text("D'accordo" if i % 2 else "In parte", exact=True).click()
        for i, (number, phone) in enumerate(phones):
            try:
                wait_saved(phone, SECOND[number], 1)
            except AssertionError as err:
                raise AssertionError(f"phone {i}: {phone_report(phone, code, SECOND[number])}") from err

        # ------------------------------------------------ the facilitator opens, then closes, a need of table 1
        desk.goto(f"/facilitatore?evento={code}")
        wait_for_app_ready(desk, timeout=60_000)
        press(desk, "f_open_N1-3")
        expect(desk.locator(".st-key-f_close_N1-3")).to_be_visible(timeout=30_000)
        table_one = [phone for number, phone in phones if number == 1]
        others = [phone for number, phone in phones if number != 1]
        for phone in table_one:  # it appears on table 1's phones by itself, buttons ready
            expect(card(phone, "N1.3").get_by_role("radio", name="In parte", exact=True)).to_be_visible(
                timeout=FOLLOW_MS)
        for phone in others:
            expect(card(phone, "N1.3")).to_have_count(0)  # not at their table
        press(desk, "f_close_N1-3")
        expect(desk.locator(".st-key-f_open_N1-3")).to_be_visible(timeout=30_000)
        for phone in table_one:
            expect(card(phone, "N1.3").get_by_text("Chiusa. Non hai risposto a questa esigenza.")).to_be_visible(
                timeout=FOLLOW_MS)
            expect(card(phone, "N1.3").get_by_role("radio")).to_have_count(0)

        # one phone moves from table 1 to table 2 and keeps its answers
        mover = phones[0][1]
        choose(mover, "p_table", re.compile("^Tavolo 2 · "))
        expect(card(mover, SECOND[2])).to_be_visible(timeout=30_000)
        expect(card(mover, FIRST[1])).to_have_count(0)
        choose(mover, "p_table", re.compile("^Tavolo 1 · "))
        expect(card(mover, FIRST[1]).get_by_text("Chiusa. La tua risposta salvata: D'accordo")).to_be_visible(
            timeout=30_000)
        for _number, phone in phones:  # the phones' part is done: the hosts' closes below need not redraw 15 pages
            people.remove(phone.context)
            phone.context.close()

        # ---------------------------------------------------------------- each host writes the verbale, saved as typed
        for number, host in hosts.items():
            new = host.locator(".st-key-vb_new")
            new.get_by_label("Testo").fill(VERBALE[number])
            new.get_by_role("button", name="Aggiungi al verbale").click()
            expect(host.get_by_text(re.compile(r"^Salvato nel database alle .* \(versione 1\)"))).to_be_visible(
                timeout=30_000)
            press(host, f"th_close_{key(SECOND[number])}")
            expect(host.locator(f".st-key-th_open_{key(SECOND[number])}")).to_be_visible(timeout=30_000)
        host = hosts[2]  # edit a point: a new version in its history
        point = host.locator("[class*='st-key-vb_note_']").first
        point.get_by_label("Testo").fill("Priorità condivisa: i fiumi e le aree verdi")
        point.get_by_role("button", name="Salva").click()
        expect(host.get_by_text(re.compile(r"\(versione 2\)"))).to_be_visible(timeout=30_000)
        expect(host.get_by_text("Storia (2 versioni)")).to_be_visible()
        docs_shot(host, "conduttore_verbale_360")

        # ---------------------------------------------------------------- the facilitator follows every table
        desk.goto(f"/facilitatore?evento={code}&vista=tavoli")
        wait_for_app_ready(desk, timeout=60_000)
        progress = desk.get_by_test_id("stDataFrame").first
        expect(progress).to_be_visible(timeout=30_000)
        docs_shot(desk, "facilitatore_tavoli_dal_vivo_1400")

        # ------------------------------------------------ the projector: three report-backs, then the closing
        projector = person(PROJECTOR)
        sign_in(projector.context, app_server)
        agenda = 19
        plenary = agenda - 19  # every need is at a table
        first_table = 3 + plenary
        for number in TABLES:
            projector.goto(f"/presenta?evento={code}&step={first_table + number - 1}")
            wait_for_app_ready(projector, timeout=60_000)
            expect(projector.get_by_role("heading", name=re.compile(f"^Dal tavolo {number}"))).to_be_visible(
                timeout=30_000)
            expect(projector.get_by_text(re.compile(re.escape(FIRST[number])))).to_be_visible()
            expect(projector.get_by_text(re.compile("Risposte: 5|5 risposte")).first).to_be_visible()
            docs_shot(projector, f"proiettore_tavolo_{number}_1280")
        expect(projector.get_by_text("<script>alert(1)</script>", exact=False)).to_have_count(0)  # other table
        projector.goto(f"/presenta?evento={code}&step={first_table}")
        wait_for_app_ready(projector, timeout=60_000)
        expect(projector.get_by_text(re.compile(r"<script>alert\(1\)</script>"))).to_be_visible(timeout=30_000)
        assert projector.evaluate("() => window.__pwned") is None
        projector.goto(f"/presenta?evento={code}&step={first_table + 4}")
        wait_for_app_ready(projector, timeout=60_000)
        expect(projector.get_by_role("heading", name="Cosa è emerso")).to_be_visible(timeout=30_000)
        expect(projector.get_by_text("Esiti decisi dal facilitatore")).to_be_visible()
        docs_shot(projector, "proiettore_chiusura_1280")
    finally:
        for context in people:
            context.close()
    answers = store().answers_frame([code])
    assert len(answers) == 30  # 15 phones × 2 needs, each stored once
    assert not external, external
