"""Exports (tidy, labelled, formula-safe) and the paper template and import, on both databases."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from psm_data.csvsafe import neutralise, to_csv_bytes
from psm_data.events import exports, paper
from psm_data.events.store import EventStore
from tests.events.conftest import token
from tests.events.test_store import NEEDS, open_event

ZONES = tuple(str(z) for z in range(1, 12))


def rows(payload: bytes) -> list[dict[str, str]]:
    assert payload.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel shows accents
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"))))


@pytest.mark.parametrize(("cell", "safe"), [("=1+1", "'=1+1"), ("+39 011", "'+39 011"), ("-2", "'-2"),
                                            ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
                                            ("ok = fine", "ok = fine"), (3, 3), (-2, -2)])
def test_formula_cells_are_neutralised(cell, safe) -> None:
    assert neutralise(cell) == safe


def test_exports_are_tidy_labelled_and_safe(store: EventStore) -> None:
    code = open_event(store)
    store.join(code, token(1), zone_id="7", role="comune")
    store.submit_answer(code, token(1), "N1.1", answer="agree", star=True)
    store.submit_answer(code, token(1), "N1.1", answer="partly", star=True)
    store.submit_answer(code, token(2), "N1.1", answer="disagree")
    store.submit_proposal(code, token(2), "=HYPERLINK(\"http://x\",\"clic\")", axis_id="3")
    files = exports.export_files(store, code)
    assert sorted(files) == sorted(f"psm_evento_{code}_{n}.csv" for n in exports.EXPORTS)
    log = rows(files[f"psm_evento_{code}_risposte_log.csv"])
    assert [(r["answer"], r["revision"], r["is_current"]) for r in log] == [
        ("agree", "1", "False"), ("partly", "2", "True"), ("disagree", "1", "True")]
    assert {r["source"] for r in log} == {"participants"}
    assert {r["origin"] for r in log} == {"web"}
    assert log[0]["declared_zone"] == "7"
    assert all(token(1) not in r["respondent"] for r in log)
    summary = {r["need_id"]: r for r in rows(files[f"psm_evento_{code}_sintesi_esigenze.csv"])}
    assert set(summary) == set(NEEDS)
    assert (summary["N1.1"]["voters"], summary["N1.1"]["n_partly"], summary["N1.1"]["stars"]) == ("2", "1", "1")
    assert summary["N1.1"]["label"] == "pochi_voti"
    texts = rows(files[f"psm_evento_{code}_commenti_proposte.csv"])
    assert texts[0]["text"].startswith("'=HYPERLINK")
    assert texts[0]["moderation"] == "pending"


def test_paper_template_has_the_agenda_and_the_phone_labels() -> None:
    template = rows(paper.template(NEEDS, sheets=2))
    assert list(template[0]) == list(paper.COLUMNS)
    assert [r["esigenza"] for r in template] == NEEDS * 2
    assert {r["scheda"] for r in template} == {"1", "2"}


def test_paper_import_every_problem_with_row_and_column() -> None:
    text = ("scheda;zona;ruolo;esigenza;risposta;stella;commento\n"
            "A;7;Comune;N1.1;D'accordo;x;\n"
            "A;7;Comune;N9.9;In parte;;\n"          # row 3: not on the agenda
            ";;;N1.2;boh;forse;\n"                   # row 4: empty sheet, bad answer, bad star
            "B;12;sindaco;N1.2;;;\n"                 # row 5: bad zone and role
            "A;7;Comune;N1.1;In disaccordo;;\n"      # row 6: duplicate sheet+need
            "C;;;N1.1;x;;" + "y" * 600 + "\n")       # row 7: answer 'x', comment too long
    report = paper.parse(text.encode("utf-8"), agenda=NEEDS, zone_ids=ZONES)
    found = {(p.row, p.column) for p in report.problems}
    assert found >= {(3, "esigenza"), (4, "scheda"), (4, "risposta"), (4, "stella"), (5, "zona"), (5, "ruolo"),
                     (6, "esigenza"), (7, "risposta"), (7, "commento")}
    assert all(str(p).startswith("risposte_cartacee.csv, row ") for p in report.problems)


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe\x00bad", b"a,b,c\n1,2,3\n", b"scheda,esigenza\n"])
def test_paper_import_unreadable_files_are_a_message(raw: bytes) -> None:
    report = paper.parse(raw, agenda=NEEDS, zone_ids=ZONES)
    assert not report.ok
    assert report.problems[0].row in (None, 1)


def test_paper_answers_are_stored_once_as_paper(store: EventStore) -> None:
    code = open_event(store)
    store.set_item_status(code, NEEDS, "closed")  # typed in after the event: items are closed
    payload = to_csv_bytes(pd.DataFrame([
        {"scheda": "Z7-001", "zona": "7", "ruolo": "cittadino", "esigenza": "N1.1", "risposta": "D'accordo",
         "stella": "x", "commento": "Servono più treni"},
        {"scheda": "Z7-001", "zona": "7", "ruolo": "cittadino", "esigenza": "N1.2", "risposta": "Non chiaro",
         "stella": "", "commento": ""},
        {"scheda": "Z7-002", "zona": "", "ruolo": "", "esigenza": "N1.1", "risposta": "in parte", "stella": "",
         "commento": ""},
        {"scheda": "Z7-002", "zona": "", "ruolo": "", "esigenza": "N3.3", "risposta": "", "stella": "",
         "commento": ""},  # left blank on paper: skipped
    ]))
    report = paper.import_rows(store, code, paper.parse(payload, agenda=NEEDS, zone_ids=ZONES))
    assert (report.stored, report.unchanged, report.sheets) == (3, 0, 2)
    again = paper.import_rows(store, code, paper.parse(payload, agenda=NEEDS, zone_ids=ZONES))
    assert (again.stored, again.unchanged) == (0, 3)  # re-importing the same file stores nothing new
    frame = store.answers_frame([code])
    assert len(frame) == 3
    assert set(frame["origin"]) == {"paper"}
    assert frame.loc[frame["device_hash"] == "paper:Z7-001", "zone_id"].tolist() == ["7", "7"]
    texts = store.texts_frame([code])
    assert texts["body"].tolist() == ["Servono più treni"]
    assert texts["origin"].tolist() == ["paper"]
    summary = rows(exports.export_files(store, code)[f"psm_evento_{code}_sintesi_esigenze.csv"])
    assert {r["need_id"]: r["voters_paper"] for r in summary}["N1.1"] == "2"


def test_backup_copies_every_event_and_table(store: EventStore, db_url: str, tmp_path) -> None:
    from psm_data.events.backup import backup

    code = open_event(store)
    store.submit_answer(code, token(1), "N1.1", answer="agree")
    store.submit_proposal(code, token(1), "Una proposta", axis_id="2")
    counts = backup(db_url, tmp_path / "copia")
    assert counts["events"] == 1
    assert counts["answers"] == 1
    assert counts["texts"] == 1
    folder = tmp_path / "copia" / "eventi" / code
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"psm_evento_{code}_{n}.csv" for n in exports.EXPORTS] + [f"psm_evento_{code}_esiti.csv"])
    assert (tmp_path / "copia" / "tables" / "answer_log.csv").read_text().count("\n") == 2
    if db_url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(tmp_path / "copia" / "eventi.sqlite3") as copy:
            assert copy.execute("SELECT count(*) FROM answers").fetchone() == (1,)
