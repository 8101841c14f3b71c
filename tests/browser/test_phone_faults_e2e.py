"""Issues 14 and 15 on a real phone (chromium at 360×740): nothing lost when the server is killed with a tap in
flight or the page is reloaded during a database outage; the phone says in Italian that the server is down; it
follows the room (a need opened or closed) without a tap and without a script run per interval."""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page, expect

from psm_data.events.db import database_for
from scripts.stclient import ElementTree, StreamlitClient, widget_present
from tests.async_helpers import run_async
from tests.browser.harness import (
    ARTIFACTS_DIR,
    app_script,
    free_port,
    runs_ended,
    screenshot,
    start_streamlit,
    stop_process,
    wait_for_app_ready,
    wait_for_health,
)
from tests.browser.test_events_e2e import PHONE, card, guarded_page, store

NEEDS = ["N1.1", "N1.2", "N3.3", "N4.1"]


def new_event(open_items: list[str]) -> str:
    s = store()
    event = s.create_event(title="Prova guasti", event_date="2026-12-05", zone_ids=["5"], need_ids=NEEDS)
    s.set_event_status(event.code, "open")
    s.set_item_status(event.code, open_items, "open")
    return event.code


def stored(code: str) -> dict[str, str]:
    frame = store().answers_frame([code])
    return dict(zip(frame["need_id"], frame["answer"], strict=True))


@contextmanager
def sqlite_locked() -> Iterator[None]:
    """Another process holds the events database's write lock (readers still read: WAL)."""
    path = database_for(os.environ["PSM_DB_URL"]).engine.url.database
    blocker = sqlite3.connect(path, isolation_level=None, timeout=10)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


class Server:
    """An app server of this test alone: killed with SIGKILL and started again on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self) -> None:
        self.proc = start_streamlit(app_script(), self.port, ARTIFACTS_DIR / "phone_faults_server.log")
        wait_for_health(self.proc, self.url, timeout=90)

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL: no clean shutdown, the write in flight dies with it
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None:
            stop_process(self.proc)


@pytest.fixture
def own_server() -> Iterator[Server]:
    server = Server()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def tap(page: Page, need_id: str, label: str) -> None:
    card(page, need_id).get_by_text(label, exact=True).click()


def test_a_tap_in_flight_when_the_server_is_killed_is_stored_after_the_restart(browser: Browser,
                                                                               own_server: Server) -> None:
    """Before: the reconnected card showed the choice as if saved, and the answer was lost (11 of 12)."""
    code = new_event(NEEDS)
    external: list[str] = []
    with guarded_page(browser, own_server.url, PHONE, external) as (_, phone):
        phone.goto(f"/partecipa?evento={code}")
        wait_for_app_ready(phone, timeout=60_000)
        tap(phone, "N1.1", "D'accordo")
        expect(card(phone, "N1.1").get_by_text(re.compile("Salvata"))).to_be_visible(timeout=20_000)
        with sqlite_locked():  # the taps' writes wait for the lock: in flight when the server dies
            tap(phone, "N1.2", "In parte")
            tap(phone, "N3.3", "In disaccordo")
            tap(phone, "N4.1", "Non chiaro")
            time.sleep(1.0)
            own_server.kill()
        assert stored(code) == {"N1.1": "agree"}
        # the phone says so in Italian, not Streamlit's "streamlit run yourscript.py"
        expect(phone.get_by_text(re.compile("Il server dell'evento non risponde")).first).to_be_visible(
            timeout=30_000)
        expect(phone.get_by_text(re.compile("streamlit run"))).to_have_count(0)
        screenshot(phone, "phone_server_down")
        own_server.start()
        expect(card(phone, "N1.2").get_by_text(re.compile("Salvata.*In parte"))).to_be_visible(timeout=60_000)
        expect(card(phone, "N3.3").get_by_text(re.compile("Salvata.*In disaccordo"))).to_be_visible(timeout=30_000)
        expect(card(phone, "N4.1").get_by_text(re.compile("Salvata.*Non chiaro"))).to_be_visible(timeout=30_000)
        assert stored(code) == {"N1.1": "agree", "N1.2": "partly", "N3.3": "disagree", "N4.1": "unclear"}
        expect(card(phone, "N1.1").get_by_text(re.compile("Salvata.*D'accordo"))).to_be_visible()
    assert not external, external


def test_a_reload_during_an_outage_keeps_what_waits_and_sends_it_when_the_store_is_back(browser: Browser,
                                                                                      app_server: str) -> None:
    """Before: 'conservata' lived in the server's session only; a reload lost every pending answer (6 of 6)."""
    code = new_event(NEEDS)
    external: list[str] = []
    with guarded_page(browser, app_server, PHONE, external) as (_, phone):
        phone.goto(f"/partecipa?evento={code}")
        wait_for_app_ready(phone, timeout=60_000)
        with sqlite_locked():
            tap(phone, "N4.1", "Non chiaro")
            expect(card(phone, "N4.1").get_by_text(re.compile("In attesa"))).to_be_visible(timeout=30_000)
            # kept on the phone, not only in the server's session
            phone.wait_for_function(f"() => (window.localStorage.getItem('psm_pending_{code}') || '')"
                                    ".includes('N4.1')", timeout=15_000)
            phone.reload()
            wait_for_app_ready(phone, timeout=60_000)
            expect(card(phone, "N4.1").get_by_text(re.compile("In attesa"))).to_be_visible(timeout=30_000)
            expect(card(phone, "N4.1").get_by_role("radio", name="Non chiaro", exact=True)).to_be_checked()
            card(phone, "N4.1").scroll_into_view_if_needed()
            screenshot(phone, "phone_pending_after_reload")
            assert "N4.1" not in stored(code)
        # the store is back: sent by itself, without a tap
        expect(card(phone, "N4.1").get_by_text(re.compile("Salvata.*Non chiaro"))).to_be_visible(timeout=30_000)
        assert stored(code) == {"N4.1": "unclear"}
        phone.wait_for_function(f"() => window.localStorage.getItem('psm_pending_{code}') === null", timeout=15_000)
    assert not external, external


def test_phones_follow_the_room_without_a_tap(browser: Browser, app_server: str) -> None:
    """Issue 15: a need opened or closed shows within seconds, with no tap and no script run per interval; a
    closed need shows the stored answer and no buttons; the need the facilitator opened last comes first."""
    code = new_event(["N1.1"])
    external: list[str] = []
    with guarded_page(browser, app_server, PHONE, external) as (_, phone):
        phone.goto(f"/partecipa?evento={code}")
        wait_for_app_ready(phone, timeout=60_000)
        tap(phone, "N1.1", "D'accordo")
        expect(card(phone, "N1.1").get_by_text(re.compile("Salvata"))).to_be_visible(timeout=20_000)
        expect(phone.get_by_text("Hai risposto a 1 di 4")).to_be_visible(timeout=10_000)
        before = runs_ended(phone)
        phone.wait_for_timeout(8_000)  # the phone polls the state endpoint: no script run while nothing changes
        assert runs_ended(phone) == before
        store().set_item_status(code, "N3.3", "open")  # the facilitator opens a need
        expect(card(phone, "N3.3").get_by_role("radio", name="In parte", exact=True)).to_be_visible(timeout=12_000)
        first = phone.locator("[class*='st-key-card_']").first
        expect(first).to_have_class(re.compile("st-key-card_N3-3"))
        expect(card(phone, "N3.3").get_by_text("In discussione ora")).to_be_visible()
        store().set_item_status(code, "N1.1", "closed")
        expect(card(phone, "N1.1").get_by_text("Chiusa. La tua risposta salvata: D'accordo")).to_be_visible(
            timeout=12_000)
        expect(card(phone, "N1.1").get_by_role("radio")).to_have_count(0)
        expect(card(phone, "N1.2").get_by_text(re.compile("comparirà da sola"))).to_be_visible()
        screenshot(phone, "phone_follows_the_room")
    assert not external, external


def test_a_tap_sent_from_a_card_the_room_just_moved_is_saved_and_shown(app_server: str) -> None:
    """A browser names the card to redraw after a tap by the card's place on the page it shows. When a run the room
    asked for has just moved the card (another need opened comes first) and the phone has not drawn that run yet,
    the tap names the old place: Streamlit stores the answer (the widget's callback runs) but redraws whatever card
    sits there now, or none, and the tapped card never said *Salvata* (the tables walkthrough under a CPU hog, a
    phone at a table whose host had just opened the next need). The tapped card is drawn again from the database."""
    code = new_event(["N1.1"])  # N1.1 open and current: the first card

    async def go() -> None:
        async with StreamlitClient(app_server, "partecipa", f"evento={code}", timeout=30) as phone:
            before = phone.find("ans_N1.1").fragment_id
            store().set_item_status(code, "N1.2", "open")  # the host opens the next need: it comes first
            await asyncio.sleep(1.2)  # the hall's shared copy of the agenda lives a second (AGENDA_TTL_S)
            await phone.rerun(until=widget_present("ans_N1.2"))  # the run the phone's component asks for
            assert phone.find("ans_N1.1").fragment_id != before  # N1.1 moved: the browser's old name is stale
            result = await phone.choose("ans_N1.1", "D'accordo", fragment_id=before,
                                        until=lambda tree: saved_on(tree, "ans_N1.1"))
            assert stored(code) == {"N1.1": "agree"}  # stored by the callback, with or without a redraw
            assert result.ok, f"stored, but the card does not say Salvata: {result.error}"

    run_async(go())


def saved_on(tree: ElementTree, widget_key: str) -> bool:
    """The card of widget `widget_key` says *Salvata* (its elements share the card's fragment)."""
    widget = tree.find(widget_key)
    return widget is not None and any("Salvata" in node.text for node in tree.in_order()
                                      if node.fragment_id == widget.fragment_id)
