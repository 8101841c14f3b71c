"""Issue 14 on the phone, with real faults: PostgreSQL stopped during a card's tap, a full filesystem under SQLite.
Each store call ends in one of three states (salvata / in attesa / rifiutata), never in Streamlit's error box,
and what waited is stored once the database is back (0 lost)."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from psm_data import load_dataset
from psm_data.events.db import database_for
from psm_data.events.migrate import upgrade
from psm_data.events.store import EventStore
from scripts.pgserver import PostgresServer, find_bin_dir
from tests.app.conftest import no_exception
from tests.app.events_helpers import NEEDS, open_event_page

PAGE = "pages/participate.py"
TOKEN = "apptest-device-token-0002-faults00"


def _store(url: str) -> EventStore:
    data = load_dataset()
    return EventStore(database_for(url), need_ids=tuple(data.needs["need_id"]), axis_ids=data.axis_ids,
                      zone_ids=data.zone_ids)


def _event(url: str) -> str:
    store = _store(url)
    event = store.create_event(title="Guasti", event_date="2026-12-05", zone_ids=["7"], need_ids=NEEDS)
    store.set_event_status(event.code, "open")
    store.set_item_status(event.code, NEEDS, "open")
    return event.code


def _phone(code: str):
    return open_event_page(PAGE, {"evento": code}, session={"_device_fallback": TOKEN})


def _states(at) -> str:
    return " | ".join([w.value for w in at.warning] + [e.value for e in at.error] + [c.value for c in at.caption])


@pytest.fixture
def postgres_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[PostgresServer, str]]:
    if find_bin_dir() is None:
        pytest.fail("PostgreSQL binaries missing: make test installs them")
    server = PostgresServer().start()
    try:
        url = server.create_database("psm_phone_faults")
        upgrade(url)
        monkeypatch.setenv("PSM_DB_URL", url)
        yield server, url
    finally:
        database_for(url).dispose()
        server.stop()


def test_postgresql_stopped_during_a_card_tap_keeps_the_answer_and_stores_it_when_back(postgres_url) -> None:
    """Before: the card's run raised an uncaught store_unavailable (Streamlit's error box), the answer lost."""
    server, url = postgres_url
    code = _event(url)
    at = _phone(code)
    no_exception(at)
    server.pause()
    try:
        time.sleep(1.2)  # the shared agenda copy (1 s) has expired: the card's own run must read it too
        at.radio(key="ans_N1.2").set_value("disagree").run()
        no_exception(at)
        assert "In attesa" in _states(at)
        assert "Salvata" not in _states(at)
        at.button(key="prop_send")  # the rest of the page is still there
    finally:
        server.resume()
    time.sleep(1.6)
    at.run()  # the phone's component asks for this run by itself while anything waits
    no_exception(at)
    stored = _store(url).answers_frame([code]).set_index("need_id")
    assert stored.loc["N1.2", "answer"] == "disagree"
    assert "In attesa" not in _states(at)
    assert "Salvata" in _states(at)


def _mount_tmpfs(path: Path, size: str) -> bool:
    if os.geteuid() != 0:
        return False
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],  # noqa: S607
                            capture_output=True)
    return result.returncode == 0


def test_a_full_filesystem_keeps_answers_and_comments_until_there_is_room(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount_tmpfs(disk, "3m"):
        pytest.skip("needs root to mount a 3 MB tmpfs (CI runs as root)")
    try:
        url = f"sqlite:///{disk / 'events.sqlite3'}"
        upgrade(url)
        monkeypatch.setenv("PSM_DB_URL", url)
        code = _event(url)
        at = _phone(code)
        no_exception(at)
        filler = disk / "filler"
        with open(filler, "wb", buffering=0) as out:  # fill the disk to the last byte
            try:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            except OSError:
                pass
            try:
                while True:
                    out.write(b"\0" * 512)
                    out.flush()
            except OSError:
                pass
        at.radio(key="ans_N3.3").set_value("agree").run()
        at.text_area(key="com_N3.3").input("Anche per chi lavora di notte, " * 10)
        at.button(key="save_N3.3").click().run()
        no_exception(at)
        states = _states(at)
        assert "In attesa" in states, states
        assert "Commento in attesa" in states, states
        filler.unlink()
        time.sleep(1.6)
        at.run()
        no_exception(at)
        store = _store(url)
        assert store.answers_frame([code]).set_index("need_id").loc["N3.3", "answer"] == "agree"
        comments = store.texts_frame([code])
        assert comments["body"].tolist() == [("Anche per chi lavora di notte, " * 10).strip()]
        assert "attesa" not in _states(at)
    finally:
        database_for(f"sqlite:///{disk / 'events.sqlite3'}").dispose()
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)  # noqa: S607
