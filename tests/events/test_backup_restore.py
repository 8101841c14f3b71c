"""`make backup` is one consistent snapshot; `make restore` brings it into an empty database (SQLite, PostgreSQL).

Proved the way a planner would check it: every event's exports before the backup and after the restore are the
same bytes, and so is every raw table."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import pandas as pd
import pytest

from psm_data.events import exports
from psm_data.events.backup import SNAPSHOT, BackupError, backup
from psm_data.events.db import Database
from psm_data.events.restore import main as restore_main
from psm_data.events.restore import restore
from psm_data.events.store import EventStore
from tests.events.conftest import token

NEEDS = ["N1.1", "N1.2", "N3.3", "N4.1"]
_names = itertools.count()


def populate(store: EventStore) -> list[str]:
    """Three events as a real season leaves them: one run and closed, a rehearsal, an archived one."""
    codes = []
    for title, rehearsal in (("Ascolto Zona 7", False), ("Prova generale", True), ("Ascolto Zona 3", False)):
        code = store.create_event(title=title, event_date="2026-12-03", place="Ciriè", zone_ids=["7"],
                                  need_ids=NEEDS, is_rehearsal=rehearsal).code
        store.set_event_status(code, "open")
        store.set_item_status(code, NEEDS, "open")
        for n in range(6):
            store.join(code, token(n), zone_id=str(1 + n % 3), role="cittadino")
            for i, need in enumerate(NEEDS):
                store.submit_answer(code, token(n), need, answer=("agree", "partly", "disagree", "unclear")[
                    (n + i) % 4], star=(i == n % 4))
        store.submit_answer(code, token(0), "N1.1", answer="disagree")  # a change: revision 2 in the log
        store.submit_answer(code, "FOGLIO-1", "N1.2", answer="agree", origin="paper")
        store.submit_comment(code, token(1), "N1.1", "Serve una rete ciclabile")
        store.submit_comment(code, token(2), "N1.2", "Prima versione")
        store.submit_comment(code, token(2), "N1.2", "Seconda versione, =SUM(A1)")  # revision 2, formula
        store.submit_proposal(code, token(3), "Più treni per Ivrea", axis_id="3", zone_id="9")
        first = store.texts_frame([code]).iloc[0]
        store.moderate(code, int(first["text_id"]), "approved", revision=int(first["revision"]))
        store.set_outcome(code, "N1.1", "da_riformulare", "Riformulata in sala: «più corse serali»")
        store.set_event_status(code, "closed")
        codes.append(code)
    store.set_archived(codes[2], True)
    return codes


def every_export(store: EventStore) -> dict[str, bytes]:
    files = {}
    for event in store.events():
        files.update(exports.export_files(store, event.code))
        files[f"{event.code}_outcomes"] = store.outcomes_frame([event.code]).to_csv().encode()
        files[f"{event.code}_event"] = repr(event).encode()
    return files


@pytest.fixture
def empty_url(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A second, empty (never migrated) database of the same kind as `db_url`."""
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    server, _template = request.getfixturevalue("postgres")
    return server.create_database(f"psm_restore_{next(_names)}")


def test_backup_then_restore_gives_back_every_export(store: EventStore, db_url: str, empty_url: str,
                                                     tmp_path: Path, dataset) -> None:
    codes = populate(store)
    before = every_export(store)
    first = backup(db_url, tmp_path / "b1")
    assert (tmp_path / "b1" / SNAPSHOT).is_file()
    assert sorted(p.name for p in (tmp_path / "b1" / "eventi").iterdir()) == sorted(codes)  # archived, rehearsal too
    assert restore_main([str(tmp_path / "b1"), "--url", empty_url]) == 0
    restored_db = Database(empty_url)
    try:
        restored = EventStore(restored_db, need_ids=tuple(dataset.needs["need_id"]), axis_ids=dataset.axis_ids,
                              zone_ids=dataset.zone_ids)
        after = every_export(restored)
        assert after.keys() == before.keys()
        for name in before:
            assert after[name] == before[name], name
        assert backup(empty_url, tmp_path / "b2") == first
        for table in (tmp_path / "b1" / "tables").iterdir():
            assert (tmp_path / "b2" / "tables" / table.name).read_bytes() == table.read_bytes(), table.name
        # The restored database takes new writes (PostgreSQL's id sequences moved past the restored ids).
        new = restored.create_event(title="Dopo il ripristino", event_date="2026-12-10", need_ids=NEEDS)
        assert new.event_id > max(e.event_id for e in restored.events() if e.code in codes)
        restored.set_event_status(new.code, "open")
        restored.set_item_status(new.code, NEEDS, "open")
        assert restored.submit_comment(new.code, token(1), "N1.1", "Nuovo commento").changed
        assert restored.texts_frame([new.code])["text_id"].iloc[0] > store.texts_frame()["text_id"].max()
        # Restoring again into a database that now holds rows is refused, and changes nothing.
        with pytest.raises(BackupError, match="not empty"):
            restore(tmp_path / "b1", empty_url)
        assert restore_main([str(tmp_path / "b1"), "--url", empty_url]) == 2
        assert len(restored.events()) == len(codes) + 1
    finally:
        restored_db.dispose()


def test_restore_refuses_a_folder_without_a_snapshot(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="not found"):
        restore(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}")


def test_backup_is_one_instant_while_the_hall_keeps_answering(store: EventStore, db_url: str,
                                                              tmp_path: Path) -> None:
    code = store.create_event(title="E", event_date="2026-12-03", need_ids=NEEDS).code
    store.set_event_status(code, "open")
    store.set_item_status(code, NEEDS, "open")
    stop = threading.Event()

    def hall() -> None:
        choices = itertools.cycle(("agree", "partly", "disagree", "unclear"))
        while not stop.is_set():
            for n in range(4):
                store.submit_answer(code, token(n), NEEDS[n], answer=next(choices))

    writer = threading.Thread(target=hall)
    writer.start()
    try:
        for round_ in range(3):
            out = tmp_path / f"b{round_}"
            backup(db_url, out)
            current = pd.read_csv(out / "tables" / "answers.csv")
            log = pd.read_csv(out / "tables" / "answer_log.csv")
            # Every current answer has its history up to its revision, and the history nothing beyond it.
            newest = log.groupby(["device_hash", "need_id"])["revision"].max()
            merged = current.set_index(["device_hash", "need_id"])["revision"]
            assert newest.sort_index().tolist() == merged.sort_index().tolist()
            summary = pd.read_csv(out / "eventi" / code / f"psm_evento_{code}_sintesi_esigenze.csv",
                                  encoding="utf-8-sig")
            assert int(summary["voters"].sum()) == len(current)  # the export agrees with the raw tables
    finally:
        stop.set()
        writer.join()
