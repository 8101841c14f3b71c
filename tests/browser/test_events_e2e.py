"""A listening event in real browsers: a phone (360×740) joins from the URL, answers five needs, reloads and finds
them again (the HttpOnly device cookie); a facilitator approves its proposal and the results show it as text."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, BrowserContext, Page, expect

from psm_data import load_dataset
from psm_data.events.db import database_for
from psm_data.events.store import EventStore
from tests.browser.harness import ARTIFACTS_DIR, INIT_JS, is_local_url, screenshot, wait_for_app_ready
from tests.browser.signin import sign_in, start_up_code

PHONE = {"width": 360, "height": 740}
NEEDS = ["N1.1", "N1.2", "N3.3", "N4.1", "N5.2"]
XSS = "<img src=x onerror=window.__pwned=1> navetta serale www.pwned.example http://pwned.example/x"
LINKS = "a[href*='pwned']"  # participant text never becomes a link (Markdown autolinks www.… and http://…)
ANSWER_LABELS = {"agree": "D'accordo", "partly": "In parte", "disagree": "In disaccordo", "unclear": "Non chiaro"}


def store() -> EventStore:
    data = load_dataset()
    return EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                      axis_ids=data.axis_ids, zone_ids=data.zone_ids)


def open_event() -> str:
    s = store()
    event = s.create_event(title="Ascolto in sala", event_date="2026-12-03", place="Pinerolo", zone_ids=["5"],
                           need_ids=NEEDS)
    s.set_event_status(event.code, "open")
    s.set_item_status(event.code, NEEDS, "open")
    return event.code


@contextmanager
def guarded_page(browser: Browser, base_url: str, viewport: dict[str, int],
                 external: list[str]) -> Iterator[tuple[BrowserContext, Page]]:
    """A context that may only talk to the app (any other request is aborted and recorded)."""
    context = browser.new_context(viewport=viewport, base_url=base_url, is_mobile=viewport["width"] < 500,
                                  has_touch=viewport["width"] < 500)
    context.add_init_script(INIT_JS)

    def block(route):  # noqa: ANN001 - playwright Route
        external.append(route.request.url)
        route.abort()

    context.route(lambda url: not is_local_url(url), block)
    try:
        yield context, context.new_page()
    finally:
        context.close()


def card(page: Page, need_id: str):
    return page.locator(f".st-key-card_{need_id.replace('.', '-')}")  # Streamlit turns the key's dot into '-'


def wait_saved(page: Page, need_id: str, count: int) -> None:
    """The card says 'Salvata' (read back from the database) once the fragment's run (and the write) is done."""
    expect(card(page, need_id).get_by_text(re.compile("Salvata"))).to_have_count(count, timeout=20_000)


def test_phone_answers_survive_a_reload_and_a_proposal_reaches_the_results(browser: Browser, app_server: str):
    code = open_event()
    external: list[str] = []
    chosen = dict(zip(NEEDS, ["agree", "partly", "disagree", "unclear", "agree"], strict=True))
    with guarded_page(browser, app_server, PHONE, external) as (context, phone):
        phone.goto(f"/partecipa?evento={code}")
        wait_for_app_ready(phone, timeout=60_000)
        expect(phone.get_by_role("heading", name="Ascolto in sala")).to_be_visible()
        cookie = next(c for c in context.cookies() if c["name"] == "psm_device")
        assert cookie["httpOnly"]
        assert phone.evaluate("() => document.cookie").find("psm_device") == -1  # not readable by scripts
        for need_id, answer in chosen.items():
            card(phone, need_id).get_by_text(ANSWER_LABELS[answer], exact=True).click()
            wait_saved(phone, need_id, 1)
        card(phone, "N3.3").get_by_text("★ È una priorità").click()
        expect(card(phone, "N1.1").get_by_text(re.compile("★ usate: 1 su 3"))).to_be_visible(timeout=20_000)
        expect(phone.get_by_text("Hai risposto a 5 di 5")).to_be_visible()
        # nothing sticks out of a 360 px screen
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        screenshot(phone, "events_phone_answered")

        phone.reload()
        wait_for_app_ready(phone, timeout=60_000)
        for need_id, answer in chosen.items():
            radio = card(phone, need_id).get_by_role("radio", name=ANSWER_LABELS[answer], exact=True)
            expect(radio).to_be_checked()
        expect(card(phone, "N3.3").locator("input[type=checkbox]")).to_be_checked()

        phone.get_by_label("Un'esigenza o una proposta che manca").fill(XSS)
        phone.locator(".st-key-prop_axis").click()
        phone.get_by_role("option", name=re.compile("^3 · ")).click()
        phone.get_by_role("button", name="Invia la proposta").click()
        expect(phone.get_by_text("Proposta ricevuta")).to_be_visible(timeout=20_000)
        # The phone's own proposals, as text (the field may still hold what was typed: the span is the list's)
        expect(phone.locator("span").filter(has_text=XSS).first).to_be_visible()
        assert phone.locator(LINKS).count() == 0
        screenshot(phone, "events_phone_proposed")
    answers = store().answers_frame([code]).set_index("need_id")
    assert answers["answer"].to_dict() == chosen
    # one revision per answer, plus the ★ on N3.3: the reload re-sent nothing
    assert answers["revision"].to_dict() == {n: 2 if n == "N3.3" else 1 for n in NEEDS}
    assert answers["device_hash"].nunique() == 1

    with guarded_page(browser, app_server, {"width": 1400, "height": 900}, external) as (_, desk):
        # The start-up link printed by the server: a one-time code, checked only on /facilitatore, answered with a
        # redirect to the clean address; no later request carries the code in its Referer.
        start_up = start_up_code(ARTIFACTS_DIR / "streamlit_server.log")
        referers: list[str] = []
        desk.on("request", lambda r: referers.append(r.headers.get("referer", "")))
        desk.goto(f"/facilitatore?token={start_up}&evento={code}&vista=modera")
        wait_for_app_ready(desk, timeout=60_000)
        assert "token=" not in desk.url
        assert desk.url.endswith(f"/facilitatore?evento={code}&vista=modera")
        # signed in by the link (and remembered by its cookie) without the code shown back as an ignored value
        expect(desk.get_by_text("Alcuni valori nell'indirizzo")).to_have_count(0)
        assert any(c["name"] == "psm_facilitator" and c["httpOnly"] for c in desk.context.cookies())
        assert len(referers) > 5
        assert not [r for r in referers if start_up in r]
        expect(desk.get_by_text(XSS)).to_be_visible()
        assert desk.locator(LINKS).count() == 0  # the moderation queue
        desk.get_by_role("button", name="Approva").first.click()
        expect(desk.get_by_text("Nessun testo in attesa.")).to_be_visible(timeout=20_000)

        desk.goto(f"/esigenze?risultati={code}")
        wait_for_app_ready(desk, timeout=60_000)
        expect(desk.get_by_text(XSS)).to_be_visible()  # shown as text: the markup did not become an element
        assert desk.locator(LINKS).count() == 0
        assert desk.evaluate("() => window.__pwned") is None
        assert desk.locator("img[src='x']").count() == 0
        n11 = desk.get_by_text(re.compile(r"^1 risposta \(D'accordo 1"))
        expect(n11.first).to_be_visible()
        screenshot(desk, "events_results_on_needs")
    assert not external, external


def test_presenter_and_phone_in_two_contexts(browser: Browser, app_server: str):
    """The projector shows the QR; a phone joins and answers; the facilitator closes the item from another
    device; the projector shows the bars within its refresh interval, with no reload."""
    s = store()
    event = s.create_event(title="Ascolto sul proiettore", event_date="2026-12-04", place="Ivrea", zone_ids=["9"],
                           need_ids=["N3.3", "N4.1"])
    s.set_event_status(event.code, "open")
    s.set_item_status(event.code, ["N3.3", "N4.1"], "open")
    external: list[str] = []
    with guarded_page(browser, app_server, {"width": 1280, "height": 720}, external) as (projecting, projector), \
            guarded_page(browser, app_server, PHONE, external) as (_, phone), \
            guarded_page(browser, app_server, PHONE, external) as (desk, facilitator):
        sign_in(projecting, app_server)  # the facilitator's browsers (signed cookie, as after the start-up link)
        sign_in(desk, app_server)
        projector.goto(f"/presenta?evento={event.code}")
        wait_for_app_ready(projector, timeout=60_000)
        qr = projector.locator("img[alt^='QR code per partecipare']")
        expect(qr).to_be_visible()
        assert qr.bounding_box()["width"] >= 300  # scannable from the hall
        join = projector.get_by_text(re.compile(r"/partecipa\?evento=")).inner_text().replace("\n", "").strip()
        assert join.endswith(f"/partecipa?evento={event.code}")
        screenshot(projector, "presenter_opening_1280x720")

        projector.keyboard.press("ArrowRight")  # the keyboard moves between slides
        expect(projector.get_by_text("2 / 6")).to_be_visible(timeout=20_000)
        projector.keyboard.press("ArrowRight")
        expect(projector.get_by_text("3 / 6")).to_be_visible(timeout=20_000)
        assert projector.url.endswith("step=3")

        phone.goto(join.replace("http://localhost:8501", app_server))
        wait_for_app_ready(phone, timeout=60_000)
        card(phone, "N3.3").get_by_text("D'accordo", exact=True).click()
        wait_saved(phone, "N3.3", 1)
        expect(projector.get_by_text("1 persona ha risposto")).to_be_visible(timeout=15_000)
        assert projector.get_by_text(re.compile(r"^1 risposta \(")).count() == 0  # no bars while open

        facilitator.goto(f"/facilitatore?evento={event.code}")
        wait_for_app_ready(facilitator, timeout=60_000)
        facilitator.locator(".st-key-f_close_N3-3 button").click()
        expect(facilitator.locator(".st-key-f_open_N3-3 button")).to_be_visible(timeout=20_000)

        expect(projector.get_by_text(re.compile(r"^1 risposta \(D'accordo 1"))).to_be_visible(timeout=15_000)
        screenshot(projector, "presenter_need_closed_1280x720")
    assert not external, external


def test_every_response_carries_the_security_headers(app_server: str):
    import urllib.request

    for path in ("/", "/partecipa?evento=ABC234", "/_stcore/health", "/app/static/favicon.png"):
        with urllib.request.urlopen(app_server + path, timeout=10) as response:  # noqa: S310 - the local test server
            headers = {k.lower(): v for k, v in response.headers.items()}
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["x-frame-options"] == "SAMEORIGIN", path
        assert headers["referrer-policy"] == "same-origin", path
        assert "camera=()" in headers["permissions-policy"], path
