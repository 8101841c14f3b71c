"""Thematic tables of a listening event ("tavoli tematici"): storage and rules, importable without Streamlit.

The report plans an "evento di ascolto per il quale si prevedono tavoli tematici". A table has a name, its needs
(the agenda's needs of one axis, or a hand-picked list), a host and a short PIN. Rules:

- A need belongs to at most one table, so the host opening or closing it sets the need's one state in the store
  (`EventStore.set_item_status`): phones, projector and results follow it as they follow the facilitator. Needs on
  no table stay the facilitator's (the plenary).
- A host signs in with the table's PIN: 6 digits, stored only as an HMAC with the event's salt, compared in
  constant time, at most PIN_ATTEMPTS wrong tries per table in PIN_WINDOW_S seconds (per process).
- A phone sits at one table at a time (`table_seats`); moving keeps its answers (they are keyed by need).
- The verbale is a list of points (key point, agreed priority, disagreement, new need), each linked to one of the
  table's needs or, for a new need, to an axis. Each save stores the point as typed and appends the version to
  `table_note_log`: its history. An unchanged save stores nothing new.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import and_, delete, func, insert, select, update

from psm_data.csvsafe import to_csv_bytes
from psm_data.events.errors import EventError
from psm_data.events.need_links import suggestions
from psm_data.events.results import results_table
from psm_data.events.store import Event, EventStore, _guard, now
from psm_data.events.tables import NOTE_KINDS, event_tables, table_note_log, table_notes, table_seats
from psm_data.events.text import clean_text

PIN_DIGITS = 6
PIN_ATTEMPTS, PIN_WINDOW_S = 5, 60
MAX_TABLES = 12
NAME_MAX, HOST_MAX, NOTE_MAX = 80, 80, 1000


@dataclass(frozen=True)
class TableInfo:
    table_no: int
    name: str
    axis_id: str | None
    need_ids: tuple[str, ...]
    host_name: str


@dataclass(frozen=True)
class Note:
    note_id: int
    table_no: int
    kind: str
    need_id: str | None
    axis_id: str | None
    body: str
    revision: int
    updated_at: Any


class PinLimiter:
    """Wrong PINs per (event, table): after PIN_ATTEMPTS in PIN_WINDOW_S seconds, refuse until the window passes."""

    def __init__(self, attempts: int = PIN_ATTEMPTS, window_s: float = PIN_WINDOW_S) -> None:
        self.attempts, self.window_s = attempts, window_s
        self._fails: dict[tuple[str, int], list[float]] = {}
        self._lock = threading.Lock()

    def wait_s(self, key: tuple[str, int], at: float | None = None) -> int:
        """Seconds until this table accepts another try (0: now)."""
        at = time.monotonic() if at is None else at
        with self._lock:
            recent = [f for f in self._fails.get(key, []) if at - f < self.window_s]
            self._fails[key] = recent
            return int(self.window_s - (at - recent[0])) + 1 if len(recent) >= self.attempts else 0

    def failed(self, key: tuple[str, int], at: float | None = None) -> None:
        with self._lock:
            self._fails.setdefault(key, []).append(time.monotonic() if at is None else at)

    def succeeded(self, key: tuple[str, int]) -> None:
        with self._lock:
            self._fails.pop(key, None)


def pin_hash(salt: str, table_no: int, pin: str) -> str:
    return hmac.new(salt.encode(), f"table:{table_no}:{pin}".encode(), hashlib.sha256).hexdigest()


def new_pin() -> str:
    return "".join(str(secrets.randbelow(10)) for _ in range(PIN_DIGITS))


def _table_from(row: Any) -> TableInfo:
    return TableInfo(row.table_no, row.name, row.axis_id, tuple(n for n in row.need_ids.split(";") if n),
                     row.host_name)


def _note_from(row: Any) -> Note:
    return Note(row.note_id, row.table_no, row.kind, row.need_id, row.axis_id, row.body, row.revision,
                row.updated_at)


class TableStore:
    """The tables of events, on the one participation store's database (share one per process)."""

    def __init__(self, store: EventStore, need_axes: Mapping[str, str], limiter: PinLimiter | None = None) -> None:
        self.store = store
        self.db = store.db
        self.need_axes = dict(need_axes)  # need id -> axis id, from the curated dataset
        self.limiter = limiter or PinLimiter()

    # ------------------------------------------------------------------ tables (facilitator)
    @_guard
    def create_table(self, code: str, *, name: str, host_name: str = "", axis_id: str | None = None,
                     need_ids: Sequence[str] = ()) -> tuple[TableInfo, str]:
        """A new table with the agenda's needs of `axis_id`, or the hand-picked `need_ids`; returns it and its PIN
        (shown once: only its hash is stored)."""
        event = self.store.event(code)
        name = clean_text(name, max_chars=NAME_MAX)
        host_name = clean_text(host_name, max_chars=HOST_MAX, required=False)
        agenda = [i.need_id for i in self.store.agenda(code)]
        if axis_id:
            if axis_id not in set(self.need_axes.values()):
                raise EventError("invalid_value", field="axis_id", value=axis_id)
            needs = [n for n in agenda if self.need_axes.get(n) == axis_id]
        else:
            wanted = set(need_ids)
            unknown = [n for n in need_ids if n not in agenda]
            if unknown:
                raise EventError("item_not_on_agenda", need_id=unknown[0])
            needs = [n for n in agenda if n in wanted]
        if not needs:
            raise EventError("table_no_needs")
        pin = new_pin()
        with self.db.write() as conn:
            rows = conn.execute(select(event_tables.c.table_no, event_tables.c.name, event_tables.c.need_ids)
                                .where(event_tables.c.event_id == event.event_id)).all()
            if len(rows) >= MAX_TABLES:
                raise EventError("invalid_value", field="table_no", value=str(len(rows) + 1))
            for row in rows:
                taken = set(row.need_ids.split(";")) & set(needs)
                if taken:
                    raise EventError("need_on_other_table", need_id=sorted(taken)[0], table=row.name)
            table_no = max((r.table_no for r in rows), default=0) + 1
            stamp = now()
            conn.execute(insert(event_tables).values(
                event_id=event.event_id, table_no=table_no, name=name, axis_id=axis_id or None,
                need_ids=";".join(needs), host_name=host_name, pin_hash=pin_hash(event.salt, table_no, pin),
                created_at=stamp, updated_at=stamp))
        return self.table(code, table_no), pin

    @_guard
    def tables(self, code: str) -> list[TableInfo]:
        event = self.store.event(code)
        with self.db.read() as conn:
            rows = conn.execute(select(event_tables).where(event_tables.c.event_id == event.event_id)
                                .order_by(event_tables.c.table_no))
            return [_table_from(r) for r in rows]

    def table(self, code: str, table_no: int) -> TableInfo:
        found = next((t for t in self.tables(code) if t.table_no == table_no), None)
        if found is None:
            raise EventError("table_not_found", table=str(table_no))
        return found

    @_guard
    def reset_pin(self, code: str, table_no: int) -> str:
        """A new PIN for the table (the old one stops working); returned once."""
        event = self.store.event(code)
        self.table(code, table_no)
        pin = new_pin()
        with self.db.write() as conn:
            conn.execute(update(event_tables).where(and_(event_tables.c.event_id == event.event_id,
                                                         event_tables.c.table_no == table_no))
                         .values(pin_hash=pin_hash(event.salt, table_no, pin), updated_at=now()))
        self.limiter.succeeded((event.code, table_no))
        return pin

    @_guard
    def check_pin(self, code: str, table_no: int, pin: str) -> bool:
        """True for the table's PIN. Wrong tries are limited per table; a locked table raises 'pin_locked'."""
        event = self.store.event(code)
        key = (event.code, int(table_no))
        wait = self.limiter.wait_s(key)
        if wait:
            raise EventError("pin_locked", seconds=wait)
        with self.db.read() as conn:
            stored = conn.execute(select(event_tables.c.pin_hash).where(and_(
                event_tables.c.event_id == event.event_id, event_tables.c.table_no == table_no))).scalar()
        given = "".join(ch for ch in (pin or "") if ch.isdigit())[:PIN_DIGITS * 2]
        ok = stored is not None and hmac.compare_digest(stored, pin_hash(event.salt, table_no, given))
        if ok:
            self.limiter.succeeded(key)
        else:
            self.limiter.failed(key)
        return ok

    # ------------------------------------------------------------------ the host opens and closes its needs
    def set_table_items(self, code: str, table_no: int, need_ids: str | Sequence[str], status: str) -> None:
        """Open or close needs of this table (only its own: another table's need is refused)."""
        wanted = [need_ids] if isinstance(need_ids, str) else list(need_ids)
        table = self.table(code, table_no)
        foreign = [n for n in wanted if n not in table.need_ids]
        if foreign:
            raise EventError("need_on_other_table", need_id=foreign[0], table=table.name)
        self.store.set_item_status(code, wanted, status)

    # ------------------------------------------------------------------ phones choose a table
    @_guard
    def sit(self, code: str, token: str, table_no: int) -> None:
        """This phone now sits at `table_no` (idempotent); its answers stay as they are."""
        event = self.store.event(code)
        self.table(code, table_no)
        device = self.store._device(event, token, "web")  # noqa: SLF001 - the one identity rule
        with self.db.write() as conn:
            key = and_(table_seats.c.event_id == event.event_id, table_seats.c.device_hash == device)
            current = conn.execute(select(table_seats.c.table_no).where(key)).scalar()
            if current == table_no:
                return
            if current is None:
                conn.execute(insert(table_seats).values(event_id=event.event_id, device_hash=device,
                                                        table_no=table_no, updated_at=now()))
            else:
                conn.execute(update(table_seats).where(key).values(table_no=table_no, updated_at=now()))

    @_guard
    def seat(self, code: str, token: str) -> int | None:
        event = self.store.event(code)
        device = self.store._device(event, token, "web")  # noqa: SLF001
        with self.db.read() as conn:
            return conn.execute(select(table_seats.c.table_no).where(and_(
                table_seats.c.event_id == event.event_id, table_seats.c.device_hash == device))).scalar()

    @_guard
    def seat_counts(self, code: str) -> dict[int, int]:
        event = self.store.event(code)
        with self.db.read() as conn:
            rows = conn.execute(select(table_seats.c.table_no, func.count()).where(
                table_seats.c.event_id == event.event_id).group_by(table_seats.c.table_no))
            return {int(no): int(n) for no, n in rows}

    # ------------------------------------------------------------------ the verbale
    @_guard
    def save_note(self, code: str, table_no: int, *, kind: str, body: str, need_id: str | None = None,
                  axis_id: str | None = None, note_id: int | None = None) -> Note:
        """Store a point as typed (new when `note_id` is None); every change appends a version to its history."""
        event = self.store.event(code)
        table = self.table(code, table_no)
        if kind not in NOTE_KINDS:
            raise EventError("invalid_value", field="kind", value=kind)
        body = clean_text(body, max_chars=NOTE_MAX)
        if kind == "new_need":
            need_id = None
            if not axis_id or axis_id not in set(self.need_axes.values()):
                raise EventError("note_axis_needed")
        else:
            axis_id = None
            if need_id is not None and need_id not in table.need_ids:
                raise EventError("need_on_other_table", need_id=need_id, table=table.name)
        stamp = now()
        with self.db.write() as conn:
            if note_id is None:
                note_id = conn.execute(insert(table_notes).values(
                    event_id=event.event_id, table_no=table_no, kind=kind, need_id=need_id, axis_id=axis_id,
                    body=body, revision=1, deleted=False, created_at=stamp, updated_at=stamp)).inserted_primary_key[0]
                revision = 1
            else:
                key = and_(table_notes.c.note_id == note_id, table_notes.c.event_id == event.event_id,
                           table_notes.c.table_no == table_no)
                current = conn.execute(select(table_notes).where(key)).first()
                if current is None:
                    raise EventError("note_not_found")
                if (current.kind, current.need_id, current.axis_id, current.body, current.deleted) == (
                        kind, need_id, axis_id, body, False):
                    return _note_from(current)
                revision = current.revision + 1
                conn.execute(update(table_notes).where(key).values(kind=kind, need_id=need_id, axis_id=axis_id,
                                                                   body=body, revision=revision, deleted=False,
                                                                   updated_at=stamp))
            conn.execute(insert(table_note_log).values(note_id=note_id, revision=revision, kind=kind,
                                                       need_id=need_id, axis_id=axis_id, body=body, deleted=False,
                                                       recorded_at=stamp))
        return self.note(code, note_id)

    @_guard
    def delete_note(self, code: str, table_no: int, note_id: int) -> None:
        """Take a point out of the verbale; its history keeps every version and the deletion."""
        event = self.store.event(code)
        stamp = now()
        with self.db.write() as conn:
            key = and_(table_notes.c.note_id == note_id, table_notes.c.event_id == event.event_id,
                       table_notes.c.table_no == table_no)
            current = conn.execute(select(table_notes).where(key)).first()
            if current is None or current.deleted:
                return
            conn.execute(update(table_notes).where(key).values(deleted=True, revision=current.revision + 1,
                                                               updated_at=stamp))
            conn.execute(insert(table_note_log).values(note_id=note_id, revision=current.revision + 1,
                                                       kind=current.kind, need_id=current.need_id,
                                                       axis_id=current.axis_id, body=current.body, deleted=True,
                                                       recorded_at=stamp))

    @_guard
    def note(self, code: str, note_id: int) -> Note:
        event = self.store.event(code)
        with self.db.read() as conn:
            row = conn.execute(select(table_notes).where(and_(table_notes.c.note_id == note_id,
                                                              table_notes.c.event_id == event.event_id))).first()
        if row is None:
            raise EventError("note_not_found")
        return _note_from(row)

    @_guard
    def notes(self, code: str, table_no: int | None = None) -> list[Note]:
        """The verbale as last saved (deleted points left out), in the order they were written."""
        event = self.store.event(code)
        query = select(table_notes).where(and_(table_notes.c.event_id == event.event_id,
                                               table_notes.c.deleted.is_(False)))
        if table_no is not None:
            query = query.where(table_notes.c.table_no == table_no)
        with self.db.read() as conn:
            return [_note_from(r) for r in conn.execute(query.order_by(table_notes.c.table_no,
                                                                       table_notes.c.note_id))]

    @_guard
    def note_history(self, code: str, note_id: int) -> pd.DataFrame:
        """Every saved version of one point, oldest first."""
        self.note(code, note_id)
        with self.db.read() as conn:
            rows = conn.execute(select(table_note_log).where(table_note_log.c.note_id == note_id)
                                .order_by(table_note_log.c.revision))
            return pd.DataFrame(rows.mappings().all(), columns=LOG_COLUMNS)

    @_guard
    def note_log_frame(self, code: str) -> pd.DataFrame:
        event = self.store.event(code)
        with self.db.read() as conn:
            rows = conn.execute(select(table_notes.c.table_no, table_note_log)
                                .select_from(table_note_log.join(table_notes,
                                                                 table_notes.c.note_id == table_note_log.c.note_id))
                                .where(table_notes.c.event_id == event.event_id)
                                .order_by(table_note_log.c.log_id))
            return pd.DataFrame(rows.mappings().all(), columns=["table_no", *LOG_COLUMNS])

    @_guard
    def delete_tables(self, code: str) -> None:
        """Every table of an event, with seats and verbali (for an event being prepared again)."""
        event = self.store.event(code)
        with self.db.write() as conn:
            ids = select(table_notes.c.note_id).where(table_notes.c.event_id == event.event_id)
            conn.execute(delete(table_note_log).where(table_note_log.c.note_id.in_(ids)))
            for table in (table_notes, table_seats, event_tables):
                conn.execute(delete(table).where(table.c.event_id == event.event_id))


LOG_COLUMNS = ["log_id", "note_id", "revision", "kind", "need_id", "axis_id", "body", "deleted", "recorded_at"]


def wants_suggestion(note: Note) -> bool:
    """A point whose need is not one of the report's (a new need, or none given): the matcher suggests one."""
    return note.kind == "new_need" or not note.need_id


def suggested_needs(notes: Sequence[Note]) -> dict[int, tuple[str, ...]]:
    """note_id -> the matcher's top 3 needs for the point, the same matcher (and cache) as participants' texts."""
    ranked = suggestions([n.body for n in notes])
    return {n.note_id: tuple(need for need, _score in r) for n, r in zip(notes, ranked, strict=True)}


def table_results(answers: pd.DataFrame, table: TableInfo) -> pd.DataFrame:
    """A table's results: the results of its needs (a need belongs to one table, so this is exact)."""
    frame = answers[answers["need_id"].isin(table.need_ids)] if len(answers) else answers
    return results_table(frame, list(table.need_ids))


def export_files(tables: TableStore, code: str, event: Event | None = None) -> dict[str, bytes]:
    """The tables' CSVs (UTF-8 with BOM, formula-safe): tables and seats, the verbali as saved, their history, and
    each table's results. Participants' and hosts' words are labelled by `source`."""
    event = event or tables.store.event(code)
    listed = tables.tables(code)
    seats = tables.seat_counts(code)
    answers = tables.store.answers_frame([code])
    files: dict[str, bytes] = {}
    files[f"evento_{event.code}_tavoli.csv"] = to_csv_bytes(pd.DataFrame(
        [{"tavolo": t.table_no, "nome": t.name, "conduttore": t.host_name, "asse": t.axis_id or "",
          "esigenze": ";".join(t.need_ids), "telefoni_seduti": seats.get(t.table_no, 0)} for t in listed],
        columns=["tavolo", "nome", "conduttore", "asse", "esigenze", "telefoni_seduti"]))
    names = {t.table_no: t.name for t in listed}
    notes = tables.notes(code)
    suggested = suggested_needs(notes)  # computed, not decided: a column of its own, like the texts export's
    files[f"evento_{event.code}_verbali.csv"] = to_csv_bytes(pd.DataFrame(
        [{"source": "table_host", "tavolo": n.table_no, "nome_tavolo": names.get(n.table_no, ""), "tipo": n.kind,
          "esigenza": n.need_id or "", "asse": n.axis_id or "", "testo": n.body, "revisione": n.revision,
          "aggiornato": n.updated_at, "suggested_needs": ";".join(suggested[n.note_id])} for n in notes],
        columns=["source", "tavolo", "nome_tavolo", "tipo", "esigenza", "asse", "testo", "revisione",
                 "aggiornato", "suggested_needs"]))
    history = tables.note_log_frame(code).assign(source="table_host")
    files[f"evento_{event.code}_verbali_storia.csv"] = to_csv_bytes(history)
    for table in listed:
        result = table_results(answers, table).assign(source="participants", tavolo=table.table_no)
        files[f"evento_{event.code}_tavolo_{table.table_no}_risultati.csv"] = to_csv_bytes(result)
    return files
