"""Answers collected on paper: the CSV template, its validation and its import (`origin = paper`).

The template has the same need ids and answer labels as the phone screen and the printed zone sheet. A typist
copies each sheet into it (a spreadsheet is fine: CSV with `,` or `;`). The import checks every row first and
reports every problem with file, row and column, as the data loader does; only a file without problems is
stored. Importing the same file twice stores nothing new (the writes are upserts keyed by sheet and need).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from psm_data.analysis import fold
from psm_data.csvsafe import to_csv_bytes
from psm_data.events.errors import EventError
from psm_data.events.store import EventStore
from psm_data.events.text import clean_text
from psm_data.events.vocabulary import ANSWER_LABELS_IT, ANSWERS, MAX_STARS, ROLE_LABELS_IT, ROLES, TEXT_MAX

FILE = "risposte_cartacee.csv"
COLUMNS = ("scheda", "zona", "ruolo", "esigenza", "risposta", "stella", "commento")
REQUIRED = ("scheda", "esigenza")
MAX_ROWS = 20_000
SHEET_ID_MAX = 40
STAR_YES = {"x", "si", "sì", "s", "1", "★", "*", "yes", "y", "true"}
STAR_NO = {"", "no", "n", "0", "false"}
#: Every problem the import reports; the UI has a sentence for each (`paper_<code>`), in Italian and English.
PROBLEM_CODES = ("not_utf8", "empty_file", "not_csv", "missing_columns", "too_many_rows", "wrong_width",
                 "empty_value", "too_long", "not_on_agenda", "not_a_zone", "not_a_role", "not_an_answer",
                 "not_a_star", "duplicate_answer", "profile_differs", "too_many_stars", "all_blank")


@dataclass(frozen=True)
class Problem:
    """One problem of the file: where, and a code with its values; the UI writes the sentence in the reader's
    language (`paper_<code>` in components/strings/tavoli.py)."""

    row: int | None
    column: str | None
    code: str
    params: dict[str, object] = field(default_factory=dict)
    file: str = FILE

    def __str__(self) -> str:  # for logs and scripts; people read `components.events.results.paper_problem`
        where = self.file + (f", row {self.row}" if self.row is not None else "")
        where += f", column '{self.column}'" if self.column else ""
        return f"{where}: {self.code} {self.params}" if self.params else f"{where}: {self.code}"


@dataclass
class PaperRow:
    sheet: str
    zone_id: str | None
    role: str | None
    need_id: str
    answer: str | None
    star: bool
    comment: str


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    rows: list[PaperRow] = field(default_factory=list)
    stored: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def sheets(self) -> int:
        return len({r.sheet for r in self.rows})


def _fold(text: str) -> str:
    """A cell as it is compared with the vocabulary: the one accent and case folding, typographic apostrophes."""
    return fold(text.strip().replace("’", "'"))


_ANSWER_WORDS = {**{_fold(code): code for code in ANSWERS}, **{_fold(label): code
                                                             for code, label in ANSWER_LABELS_IT.items()},
                 "accordo": "agree", "parte": "partly", "disaccordo": "disagree", "?": "unclear"}
_ROLE_WORDS = {**{_fold(code): code for code in ROLES},
               **{_fold(label): code for code, label in ROLE_LABELS_IT.items()},
               "cittadina": "cittadino", "associazione": "ente"}


def template(need_ids: Sequence[str], *, sheets: int = 1) -> bytes:
    """The CSV to fill in: one row per need on the agenda for each numbered sheet, answers left blank."""
    rows = [{"scheda": str(n), "zona": "", "ruolo": "", "esigenza": need, "risposta": "", "stella": "",
             "commento": ""} for n in range(1, sheets + 1) for need in need_ids]
    return to_csv_bytes(pd.DataFrame(rows, columns=list(COLUMNS)))


def parse(raw: bytes, *, agenda: Sequence[str], zone_ids: Sequence[str], file: str = FILE) -> ImportReport:
    """Check every row; the report lists every problem found (empty list: ready to import)."""
    report = ImportReport()

    def problem(row: int | None, column: str | None, code: str, **params: object) -> None:
        report.problems.append(Problem(row, column, code, params, file))

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem(None, None, "not_utf8", byte=exc.start)
        return report
    if not text.strip():
        problem(None, None, "empty_file")
        return report
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        problem(None, None, "not_csv", detail=str(exc))
        return report
    header = [_fold(h) for h in records[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        problem(1, None, "missing_columns", missing=", ".join(missing), expected=", ".join(COLUMNS))
        return report
    body = [(i + 2, r) for i, r in enumerate(records[1:]) if any(cell.strip() for cell in r)]
    if len(body) > MAX_ROWS:
        problem(None, None, "too_many_rows", rows=len(body), max_rows=MAX_ROWS)
        return report
    index = {c: header.index(c) for c in COLUMNS}
    agenda_set, zones = set(agenda), set(zone_ids)
    seen: dict[tuple[str, str], int] = {}
    profile: dict[str, tuple[str | None, str | None, int]] = {}
    stars: dict[str, int] = {}
    for row_number, record in body:
        if len(record) != len(header):
            problem(row_number, None, "wrong_width", values=len(record), columns=len(header))
            continue
        cell = {c: record[index[c]].strip() for c in COLUMNS}
        bad = False
        for column in REQUIRED:
            if not cell[column]:
                problem(row_number, column, "empty_value")
                bad = True
        sheet = cell["scheda"]
        if len(sheet) > SHEET_ID_MAX:
            problem(row_number, "scheda", "too_long", max_chars=SHEET_ID_MAX)
            bad = True
        need = cell["esigenza"].upper()
        if need and need not in agenda_set:
            problem(row_number, "esigenza", "not_on_agenda", value=cell["esigenza"], agenda=", ".join(agenda))
            bad = True
        zone = cell["zona"] or None
        if zone is not None and zone not in zones:
            problem(row_number, "zona", "not_a_zone", value=zone)
            bad = True
        role = None
        if cell["ruolo"]:
            role = _ROLE_WORDS.get(_fold(cell["ruolo"]))
            if role is None:
                problem(row_number, "ruolo", "not_a_role", value=cell["ruolo"],
                        allowed=", ".join(ROLE_LABELS_IT.values()))
                bad = True
        answer = None
        if cell["risposta"]:
            answer = _ANSWER_WORDS.get(_fold(cell["risposta"]))
            if answer is None:
                problem(row_number, "risposta", "not_an_answer", value=cell["risposta"],
                        allowed=", ".join(ANSWER_LABELS_IT.values()))
                bad = True
        star_word = _fold(cell["stella"])
        if star_word not in STAR_YES | STAR_NO:
            problem(row_number, "stella", "not_a_star", value=cell["stella"])
            bad = True
        star = star_word in STAR_YES
        try:
            comment = clean_text(cell["commento"], max_chars=TEXT_MAX, required=False)
        except EventError as err:
            problem(row_number, "commento", "too_long", max_chars=err.params.get("max_chars"))
            bad = True
            comment = ""
        if not answer and not star and not comment and not bad:
            continue  # a blank line of the template: nothing was written on paper
        if sheet and need:
            if (sheet, need) in seen:
                problem(row_number, "esigenza", "duplicate_answer", sheet=sheet, need_id=need,
                        first_row=seen[sheet, need])
                bad = True
            seen[sheet, need] = row_number
            if sheet in profile and profile[sheet][:2] != (zone, role) and (zone or role):
                first = profile[sheet]
                if first[0] or first[1]:
                    problem(row_number, "zona" if first[0] != zone else "ruolo", "profile_differs", sheet=sheet,
                            first_row=first[2])
                    bad = True
            if sheet not in profile or (zone or role):
                profile.setdefault(sheet, (zone, role, row_number))
            if star:
                stars[sheet] = stars.get(sheet, 0) + 1
                if stars[sheet] > MAX_STARS:
                    problem(row_number, "stella", "too_many_stars", sheet=sheet, max_stars=MAX_STARS)
                    bad = True
        if not bad:
            report.rows.append(PaperRow(sheet, zone, role, need, answer, star, comment))
    if not report.problems and not report.rows:
        problem(None, None, "all_blank")
    return report


def import_rows(store: EventStore, code: str, report: ImportReport) -> ImportReport:
    """Store a problem-free report as `origin = paper` answers (idempotent: re-importing stores nothing new)."""
    if not report.ok:
        raise ValueError("refusing to import a file with problems")
    profiles: dict[str, tuple[str | None, str | None]] = {}
    for row in report.rows:
        if row.zone_id or row.role:
            profiles.setdefault(row.sheet, (row.zone_id, row.role))
    for sheet, (zone, role) in profiles.items():
        store.join(code, sheet, zone_id=zone, role=role, origin="paper")
    for row in report.rows:
        if row.answer or row.star:
            result = store.submit_answer(code, row.sheet, row.need_id, answer=row.answer, star=row.star,
                                         origin="paper")
            if result.changed:
                report.stored += 1
            else:
                report.unchanged += 1
        if row.comment:
            store.submit_comment(code, row.sheet, row.need_id, row.comment, origin="paper")
    return report
