"""The one participation store: events, agenda, answers, comments and proposals, moderation, outcomes.

Every write is one short transaction (`Database.write`), checks what it must (event open, item open, star limit,
rate limit) inside that transaction, and is idempotent: re-sending the same answer or the same proposal stores
nothing new. Refusals raise `EventError` with a code the UI turns into a sentence; a database that cannot be
reached or stays locked raises `EventError("store_unavailable")`, so the caller keeps the answer to retry.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import wraps
from typing import Any, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import ColumnElement, Connection, and_, case, delete, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from psm_data.events.db import Database
from psm_data.events.errors import EventError
from psm_data.events.tables import agenda_items, answer_log, answers, events, metadata, participants, texts
from psm_data.events.text import clean_text, text_key
from psm_data.events.vocabulary import (
    ANSWERS,
    MAX_STARS,
    MODERATION,
    ORIGINS,
    OUTCOMES,
    PROPOSAL_WINDOW_S,
    PROPOSALS_PER_WINDOW,
    ROLES,
)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed on a phone
CODE_LENGTH = 6
PAPER_PREFIX = "paper:"

#: The events that count in pooled results: not a rehearsal, not archived (see `EventStore.counted_event_ids`).
COUNTED = and_(events.c.is_rehearsal.is_(False), events.c.archived_at.is_(None))
#: The day an online window is judged by: the comune's calendar day, not the server's.
LOCAL_ZONE = ZoneInfo("Europe/Rome")


def today() -> date:
    return datetime.now(LOCAL_ZONE).date()


def _results_visible() -> ColumnElement[bool]:
    """An event with an online window not yet over keeps its results hidden (nobody answers online knowing them)."""
    return or_(events.c.online_until.is_(None), events.c.online_until < today().isoformat())

P = ParamSpec("P")
R = TypeVar("R")


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored as UTC, naive (SQLite keeps no zone)


@dataclass(frozen=True)
class Event:
    event_id: int
    code: str
    title: str
    event_date: str
    place: str
    zone_ids: tuple[str, ...]
    status: str
    salt: str
    is_rehearsal: bool = False
    archived: bool = False
    online_from: str | None = None   # ISO dates, both days included
    online_until: str | None = None
    published: bool = False          # its outcome is on the public page

    @property
    def online_open(self) -> bool:
        """The online window is running today: every need answerable from any phone, as `online`."""
        return bool(self.online_from and self.online_until
                    and self.online_from <= today().isoformat() <= self.online_until)

    @property
    def results_hidden(self) -> bool:
        """Results stay hidden until the online window is over (see `_results_visible`)."""
        return bool(self.online_until and self.online_until >= today().isoformat())

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def counts(self) -> bool:
        """Its answers count in the explorer's pooled results: not a rehearsal, not archived."""
        return not self.is_rehearsal and not self.archived

    @property
    def editable(self) -> bool:
        """Title, date, place, zones and agenda may change: the event is still in preparation."""
        return self.status == "draft"


@dataclass(frozen=True)
class AgendaItem:
    need_id: str
    position: int
    status: str
    outcome: str | None
    outcome_note: str


@dataclass(frozen=True)
class WriteResult:
    """What a write did: 'stored' (new or changed) or 'unchanged' (an idempotent re-send)."""

    status: str
    revision: int = 0

    @property
    def changed(self) -> bool:
        return self.status == "stored"


def device_hash(salt: str, token: str) -> str:
    """The participant's identity in one event: unlinkable across events, irreversible to the phone's token."""
    return hmac.new(salt.encode(), token.encode(), hashlib.sha256).hexdigest()


def paper_device(sheet_id: str) -> str:
    return f"{PAPER_PREFIX}{sheet_id}"


def _guard(func_: Callable[P, R]) -> Callable[P, R]:
    """Database faults become a retryable refusal, never a traceback in a participant's phone."""

    @wraps(func_)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func_(*args, **kwargs)
        except EventError:
            raise
        except IntegrityError:
            raise
        except DBAPIError as exc:
            raise EventError("store_unavailable", detail=type(exc.orig).__name__ if exc.orig else "") from exc
        except OSError as exc:
            raise EventError("store_unavailable", detail=type(exc).__name__) from exc

    return wrapper


def _event_from(row: Any) -> Event:
    zones = tuple(z for z in (row.zone_ids or "").split(";") if z)
    return Event(row.event_id, row.code, row.title, row.event_date, row.place, zones, row.status, row.salt,
                 is_rehearsal=bool(row.is_rehearsal), archived=row.archived_at is not None,
                 online_from=row.online_from, online_until=row.online_until, published=row.published_at is not None)


class EventStore:
    """All reads and writes of listening events. Thread-safe; share one per process and database."""

    def __init__(self, db: Database, *, need_ids: Sequence[str] = (), axis_ids: Sequence[str] = (),
                 zone_ids: Sequence[str] = ()) -> None:
        self.db = db
        # The curated vocabulary a request is checked against (from the loaded dataset).
        self.need_ids = tuple(need_ids)
        self.axis_ids = tuple(axis_ids)
        self.zone_ids = tuple(zone_ids)

    # ------------------------------------------------------------------ events (facilitator)
    @_guard
    def create_event(self, *, title: str, event_date: date | str, place: str = "", zone_ids: Iterable[str] = (),
                     need_ids: Sequence[str], is_rehearsal: bool = False) -> Event:
        """A new draft event with its agenda (the needs in the given order) and a fresh join code."""
        fields, needs = self._event_fields(title, event_date, place, zone_ids, need_ids)
        for _attempt in range(10):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            try:
                with self.db.write() as conn:
                    event_id = conn.execute(insert(events).values(
                        code=code, status="draft", salt=secrets.token_hex(16), created_at=now(),
                        is_rehearsal=bool(is_rehearsal), **fields,
                    )).inserted_primary_key[0]
                    conn.execute(insert(agenda_items), [
                        {"event_id": event_id, "need_id": n, "position": i, "status": "pending", "outcome_note": ""}
                        for i, n in enumerate(needs)])
                return self.event(code)
            except IntegrityError:
                continue  # join code collision: draw another
        raise EventError("store_unavailable", detail="no free join code")

    def _event_fields(self, title: str, event_date: date | str, place: str, zone_ids: Iterable[str],
                      need_ids: Sequence[str]) -> tuple[dict[str, str], list[str]]:
        """The checked columns of an event and its agenda (needs in order, duplicates dropped)."""
        title = clean_text(title, max_chars=200)
        place = clean_text(place, max_chars=200, required=False)
        day = event_date.isoformat() if isinstance(event_date, date) else str(event_date)
        try:
            date.fromisoformat(day)
        except ValueError:
            raise EventError("invalid_value", field="event_date", value=day) from None
        zones = list(dict.fromkeys(zone_ids))
        self._check_values("zone_id", zones, self.zone_ids)
        needs = list(dict.fromkeys(need_ids))
        if not needs:
            raise EventError("invalid_value", field="need_ids", value="")
        self._check_values("need_id", needs, self.need_ids)
        return {"title": title, "event_date": day, "place": place, "zone_ids": ";".join(zones)}, needs

    @_guard
    def update_event(self, code: str, *, title: str, event_date: date | str, place: str = "",
                     zone_ids: Iterable[str] = (), need_ids: Sequence[str]) -> Event:
        """Fix an event in preparation: title, date, place, zones and agenda (order included).

        Needs kept on the agenda keep their state and outcome; a need is dropped only if nobody answered or wrote
        about it (a paper import may already have stored answers on a draft event)."""
        fields, needs = self._event_fields(title, event_date, place, zone_ids, need_ids)
        event = self.event(code)
        with self.db.write() as conn:
            status = conn.execute(select(events.c.status).where(events.c.event_id == event.event_id)
                                  .with_for_update()).scalar_one()
            if status != "draft":
                raise EventError("event_not_editable", event_code=event.code)
            current = [r.need_id for r in conn.execute(select(agenda_items.c.need_id).where(
                agenda_items.c.event_id == event.event_id))]
            dropped = [n for n in current if n not in needs]
            if dropped and self._has_contributions(conn, event.event_id, dropped):
                raise EventError("event_has_answers", event_code=event.code)
            conn.execute(update(events).where(events.c.event_id == event.event_id).values(**fields))
            if dropped:
                conn.execute(delete(agenda_items).where(and_(agenda_items.c.event_id == event.event_id,
                                                             agenda_items.c.need_id.in_(dropped))))
            added = [n for n in needs if n not in current]
            if added:
                conn.execute(insert(agenda_items), [
                    {"event_id": event.event_id, "need_id": n, "position": needs.index(n), "status": "pending",
                     "outcome_note": ""} for n in added])
            for position, need in enumerate(needs):
                if need in current:
                    conn.execute(update(agenda_items).where(and_(agenda_items.c.event_id == event.event_id,
                                                                 agenda_items.c.need_id == need))
                                 .values(position=position))
        return self.event(code)

    @_guard
    def set_rehearsal(self, code: str, rehearsal: bool) -> Event:
        """Mark (or unmark) a rehearsal: its answers are never counted in the explorer's results."""
        event = self.event(code)
        with self.db.write() as conn:
            conn.execute(update(events).where(events.c.event_id == event.event_id)
                         .values(is_rehearsal=bool(rehearsal)))
        return self.event(code)

    @_guard
    def set_archived(self, code: str, archived: bool) -> Event:
        """Archive an event (out of the explorer's results by default; kept in exports and backups) or bring it
        back. An open event is closed first, so nothing is archived while a hall is answering."""
        event = self.event(code)
        with self.db.write() as conn:
            status = conn.execute(select(events.c.status).where(events.c.event_id == event.event_id)
                                  .with_for_update()).scalar_one()
            if archived and status == "open":
                raise EventError("event_is_open", event_code=event.code)
            conn.execute(update(events).where(events.c.event_id == event.event_id)
                         .values(archived_at=now() if archived else None))
        return self.event(code)

    @_guard
    def set_online_window(self, code: str, start: date | str | None, end: date | str | None) -> Event:
        """Open the event online from `start` to `end` (both days included), or clear the window (both None)."""
        event = self.event(code)
        days = [d.isoformat() if isinstance(d, date) else d for d in (start, end)]
        if days[0] is None or days[1] is None:
            if days != [None, None]:
                raise EventError("invalid_value", field="online_window", value=f"{days[0]}..{days[1]}")
        else:
            try:
                first, last = date.fromisoformat(str(days[0])), date.fromisoformat(str(days[1]))
            except ValueError:
                raise EventError("invalid_value", field="online_window", value=f"{days[0]}..{days[1]}") from None
            if last < first:
                raise EventError("invalid_value", field="online_window", value=f"{first}..{last}")
            days = [first.isoformat(), last.isoformat()]
        with self.db.write() as conn:
            conn.execute(update(events).where(events.c.event_id == event.event_id)
                         .values(online_from=days[0], online_until=days[1]))
        return self.event(code)

    @_guard
    def set_published(self, code: str, published: bool) -> Event:
        """Show (or withdraw) the event's outcome on the public page."""
        event = self.event(code)
        with self.db.write() as conn:
            conn.execute(update(events).where(events.c.event_id == event.event_id)
                         .values(published_at=now() if published else None))
        return self.event(code)

    @_guard
    def participants_frame(self, codes: Sequence[str] | None = None) -> pd.DataFrame:
        """Who took part, without who: per participant its event, channel (web / paper / online), declared zone
        and role, and when it first answered. No device hash leaves this method."""
        with self.db.read() as conn:
            query = (select(events.c.code, participants.c.origin, participants.c.zone_id, participants.c.role,
                            participants.c.joined_at)
                     .select_from(participants.join(events, events.c.event_id == participants.c.event_id))
                     .order_by(events.c.code, participants.c.joined_at))
            if codes is not None:
                query = query.where(events.c.code.in_(list(codes)))
            frame = pd.DataFrame(conn.execute(query).mappings().all(), columns=PARTICIPANT_COLUMNS)
        for column in ("zone_id", "role"):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
        return frame

    @_guard
    def contribution_count(self, code: str) -> int:
        """Answers plus comments and proposals stored for the event (what a deletion would destroy)."""
        event = self.event(code)
        with self.db.read() as conn:
            return self._contributions(conn, event.event_id)

    @_guard
    def delete_event(self, code: str, *, confirmation: str) -> None:
        """Delete a rehearsal, or an event nobody answered, with everything it holds. `confirmation` is the event's
        code typed again by the facilitator; anything else refuses."""
        event = self.event(code)
        if normalise_code(confirmation) != event.code:
            raise EventError("confirmation_mismatch", event_code=event.code)
        with self.db.write() as conn:
            row = conn.execute(select(events.c.is_rehearsal).where(events.c.event_id == event.event_id)
                               .with_for_update()).first()
            if row is None:
                return  # already deleted (a double click, another facilitator): nothing left to do
            if not row.is_rehearsal and self._contributions(conn, event.event_id):
                raise EventError("event_has_answers", event_code=event.code)
            # Children first: SQLite enforces ON DELETE CASCADE only with its foreign-keys pragma, so be explicit.
            for table in reversed(metadata.sorted_tables):
                if table is not events and "event_id" in table.c:
                    conn.execute(delete(table).where(table.c.event_id == event.event_id))
            conn.execute(delete(events).where(events.c.event_id == event.event_id))

    @staticmethod
    def _contributions(conn: Connection, event_id: int) -> int:
        answered = conn.execute(select(func.count()).select_from(answers).where(
            answers.c.event_id == event_id)).scalar_one()
        written = conn.execute(select(func.count()).select_from(texts).where(
            texts.c.event_id == event_id)).scalar_one()
        return int(answered) + int(written)

    @staticmethod
    def _has_contributions(conn: Connection, event_id: int, need_ids: Sequence[str]) -> bool:
        answered = conn.execute(select(func.count()).select_from(answers).where(and_(
            answers.c.event_id == event_id, answers.c.need_id.in_(list(need_ids))))).scalar_one()
        written = conn.execute(select(func.count()).select_from(texts).where(and_(
            texts.c.event_id == event_id, texts.c.need_id.in_(list(need_ids))))).scalar_one()
        return bool(answered or written)

    @_guard
    def counted_event_ids(self) -> tuple[int, ...]:
        """The events whose answers count in pooled results ("Tutti gli eventi"): no rehearsal, nothing archived.
        The one rule every results reader applies, as an explicit list of event ids."""
        with self.db.read() as conn:
            rows = conn.execute(select(events.c.event_id).where(COUNTED, _results_visible())
                                .order_by(events.c.event_id))
            return tuple(int(r.event_id) for r in rows)

    @_guard
    def counted_codes(self) -> tuple[str, ...]:
        """The join codes of `counted_event_ids` (what the frame readers filter on)."""
        with self.db.read() as conn:
            rows = conn.execute(select(events.c.code).where(COUNTED, _results_visible()).order_by(events.c.event_id))
            return tuple(r.code for r in rows)

    @_guard
    def events(self) -> list[Event]:
        with self.db.read() as conn:
            rows = conn.execute(select(events).order_by(events.c.event_date.desc(), events.c.event_id.desc()))
            return [_event_from(r) for r in rows]

    @_guard
    def find_event(self, code: str | None) -> Event | None:
        code = normalise_code(code)
        if not code:
            return None
        with self.db.read() as conn:
            row = conn.execute(select(events).where(events.c.code == code)).first()
        return _event_from(row) if row else None

    def event(self, code: str | None) -> Event:
        found = self.find_event(code)
        if found is None:
            raise EventError("event_not_found", event_code=normalise_code(code) or "")
        return found

    @_guard
    def set_event_status(self, code: str, status: str) -> Event:
        if status not in ("draft", "open", "closed"):
            raise EventError("invalid_value", field="status", value=status)
        event = self.event(code)
        stamp = {"opened_at": now()} if status == "open" else {"closed_at": now()} if status == "closed" else {}
        with self.db.write() as conn:
            conn.execute(update(events).where(events.c.event_id == event.event_id).values(status=status, **stamp))
        return self.event(code)

    @_guard
    def agenda(self, code: str) -> list[AgendaItem]:
        event = self.event(code)
        with self.db.read() as conn:
            rows = conn.execute(select(agenda_items).where(agenda_items.c.event_id == event.event_id)
                                .order_by(agenda_items.c.position))
            return [AgendaItem(r.need_id, r.position, r.status, r.outcome, r.outcome_note) for r in rows]

    @_guard
    def item_status(self, code: str, need_id: str) -> str | None:
        """One need's state right now (one indexed read): what a phone's "Aggiorna" on that need asks."""
        with self.db.read() as conn:
            return conn.execute(select(agenda_items.c.status).select_from(
                agenda_items.join(events, events.c.event_id == agenda_items.c.event_id)).where(and_(
                    events.c.code == normalise_code(code), agenda_items.c.need_id == need_id))).scalar_one_or_none()

    @_guard
    def current_need(self, code: str) -> str | None:
        """The need the room is on: the one opened last, still open. None when none is open or when the last
        ones were opened together ("Apri tutte": the facilitator is not pacing the room)."""
        with self.db.read() as conn:
            rows = conn.execute(select(agenda_items.c.need_id, agenda_items.c.opened_at).select_from(
                agenda_items.join(events, events.c.event_id == agenda_items.c.event_id)).where(and_(
                    events.c.code == normalise_code(code), agenda_items.c.status == "open"))
                .order_by(agenda_items.c.opened_at.desc(), agenda_items.c.position.desc()).limit(2)).all()
        if not rows or (len(rows) == 2 and rows[0].opened_at == rows[1].opened_at):
            return None
        return rows[0].need_id

    @_guard
    def my_answer(self, code: str, token: str, need_id: str) -> dict[str, Any] | None:
        """This phone's stored answer to one need, read back after a write: what the card shows as saved."""
        event = self.event(code)
        device = self._device(event, token, "web")
        with self.db.read() as conn:
            row = conn.execute(select(answers.c.answer, answers.c.star).where(and_(
                answers.c.event_id == event.event_id, answers.c.device_hash == device,
                answers.c.need_id == need_id))).first()
            comment = conn.execute(select(texts.c.body, texts.c.status).where(and_(
                texts.c.event_id == event.event_id, texts.c.device_hash == device, texts.c.kind == "comment",
                texts.c.text_key == f"need:{need_id}"))).first()
        if row is None and comment is None:
            return None
        found: dict[str, Any] = {"answer": row.answer if row else None, "star": bool(row.star) if row else False,
                                 "comment": ""}
        if comment is not None:
            found.update(comment=comment.body, comment_status=comment.status)
        return found

    @_guard
    def set_item_status(self, code: str, need_ids: str | Iterable[str], status: str) -> None:
        """Open or close agenda items (one need id, or several). Closing freezes their answers."""
        if status not in ("pending", "open", "closed"):
            raise EventError("invalid_value", field="status", value=status)
        event = self.event(code)
        wanted = [need_ids] if isinstance(need_ids, str) else list(need_ids)
        stamp = {"opened_at": now()} if status == "open" else {"closed_at": now()} if status == "closed" else {}
        with self.db.write() as conn:
            self._agenda_status(conn, event, wanted)  # all on the agenda, or refuse
            conn.execute(update(agenda_items).where(and_(agenda_items.c.event_id == event.event_id,
                                                         agenda_items.c.need_id.in_(wanted)))
                         .values(status=status, **stamp))

    @_guard
    def set_outcome(self, code: str, need_id: str, outcome: str | None, note: str | None = None) -> None:
        """The facilitator's verdict on a need after the event (None clears it). `note`: the reformulation agreed
        in the room; None leaves the stored note as it is."""
        if outcome is not None and outcome not in OUTCOMES:
            raise EventError("invalid_value", field="outcome", value=outcome)
        values: dict[str, Any] = {"outcome": outcome}
        if note is not None:
            values["outcome_note"] = clean_text(note, required=False)
        event = self.event(code)
        with self.db.write() as conn:
            self._agenda_status(conn, event, [need_id])
            conn.execute(update(agenda_items).where(and_(agenda_items.c.event_id == event.event_id,
                                                         agenda_items.c.need_id == need_id)).values(**values))

    @_guard
    def set_outcome_note(self, code: str, need_id: str, note: str) -> None:
        """The outcome note alone (what the room agreed, e.g. the need reformulated); the verdict is unchanged."""
        note = clean_text(note, required=False)
        event = self.event(code)
        with self.db.write() as conn:
            self._agenda_status(conn, event, [need_id])
            conn.execute(update(agenda_items).where(and_(agenda_items.c.event_id == event.event_id,
                                                         agenda_items.c.need_id == need_id))
                         .values(outcome_note=note))

    # ------------------------------------------------------------------ participants
    @_guard
    def join(self, code: str, token: str, *, zone_id: str | None = None, role: str | None = None,
             origin: str = "web") -> str:
        """Register (or update) a participant's optional zone and role; returns their device hash."""
        event, origin = self._channel(code, origin)
        device = self._device(event, token, origin)
        self._check_values("zone_id", [zone_id] if zone_id else [], self.zone_ids)
        if role is not None and role not in ROLES:
            raise EventError("invalid_value", field="role", value=role)
        with self.db.write() as conn:
            self._ensure_participant(conn, event, device, origin, zone_id=zone_id, role=role, update_profile=True)
        return device

    @_guard
    def participant(self, code: str, token: str) -> dict[str, Any] | None:
        event = self.event(code)
        device = self._device(event, token, "web")
        with self.db.read() as conn:
            row = conn.execute(select(participants).where(and_(participants.c.event_id == event.event_id,
                                                               participants.c.device_hash == device))).first()
        return None if row is None else {"zone_id": row.zone_id, "role": row.role}

    # ------------------------------------------------------------------ answers
    @_guard
    def submit_answer(self, code: str, token: str, need_id: str, *, answer: str | None, star: bool = False,
                      origin: str = "web") -> WriteResult:
        """Store one participant's answer (and ★) to one need: upsert, history kept, re-sends are no-ops."""
        if answer is not None and answer not in ANSWERS:
            raise EventError("invalid_value", field="answer", value=answer)
        event, origin = self._channel(code, origin)
        device = self._device(event, token, origin)
        for attempt in range(2):
            try:
                with self.db.write() as conn:
                    return self._write_answer(conn, event, device, need_id, answer, bool(star), origin)
            except IntegrityError:
                if attempt:  # a concurrent first write of the same key won; the second pass updates it
                    raise
        raise AssertionError("unreachable")

    def _write_answer(self, conn: Connection, event: Event, device: str, need_id: str, answer: str | None,
                      star: bool, origin: str) -> WriteResult:
        status = self._agenda_status(conn, event, [need_id])[need_id]
        if origin == "web" and status != "open":
            raise EventError("item_closed" if status == "closed" else "item_not_open", need_id=need_id)
        self._ensure_participant(conn, event, device, origin)  # locks the participant row (PostgreSQL)
        key = and_(answers.c.event_id == event.event_id, answers.c.device_hash == device,
                   answers.c.need_id == need_id)
        current = conn.execute(select(answers.c.answer, answers.c.star, answers.c.revision).where(key)).first()
        if current is not None and current.answer == answer and bool(current.star) == star:
            return WriteResult("unchanged", current.revision)
        if current is None and answer is None and not star:
            return WriteResult("unchanged", 0)  # nothing to store: never an answer row without an answer
        if star and not (current is not None and current.star):
            stars = conn.execute(select(func.count()).select_from(answers).where(and_(
                answers.c.event_id == event.event_id, answers.c.device_hash == device, answers.c.star.is_(True),
                answers.c.need_id != need_id))).scalar_one()
            if stars >= MAX_STARS:
                raise EventError("star_limit", max_stars=MAX_STARS)
        stamp = now()
        revision = 1 if current is None else current.revision + 1
        if current is None:
            conn.execute(insert(answers).values(event_id=event.event_id, device_hash=device, need_id=need_id,
                                                answer=answer, star=star, origin=origin, revision=1,
                                                updated_at=stamp))
        else:
            conn.execute(update(answers).where(key).values(answer=answer, star=star, origin=origin,
                                                           revision=revision, updated_at=stamp))
        conn.execute(insert(answer_log).values(event_id=event.event_id, device_hash=device, need_id=need_id,
                                               answer=answer, star=star, origin=origin, revision=revision,
                                               recorded_at=stamp))
        return WriteResult("stored", revision)

    @_guard
    def my_answers(self, code: str, token: str) -> dict[str, dict[str, Any]]:
        """This phone's current answers, by need id: what a reloaded page shows again."""
        event = self.event(code)
        device = self._device(event, token, "web")
        with self.db.read() as conn:
            rows = conn.execute(select(answers.c.need_id, answers.c.answer, answers.c.star).where(and_(
                answers.c.event_id == event.event_id, answers.c.device_hash == device)))
            found = {r.need_id: {"answer": r.answer, "star": bool(r.star), "comment": ""} for r in rows}
            comments = conn.execute(select(texts.c.need_id, texts.c.body, texts.c.status).where(and_(
                texts.c.event_id == event.event_id, texts.c.device_hash == device, texts.c.kind == "comment")))
            for r in comments:
                found.setdefault(r.need_id, {"answer": None, "star": False})
                found[r.need_id].update(comment=r.body, comment_status=r.status)
        return found

    # ------------------------------------------------------------------ comments and proposals
    @_guard
    def submit_comment(self, code: str, token: str, need_id: str, body: str, *, origin: str = "web") -> WriteResult:
        """One comment per participant and need; editing it sends it back to moderation. Empty deletes nothing:
        use an empty body only to leave it unchanged."""
        body = clean_text(body)
        event, origin = self._channel(code, origin)
        device = self._device(event, token, origin)
        with self.db.write() as conn:
            status = self._agenda_status(conn, event, [need_id])[need_id]
            if origin == "web" and status != "open":
                raise EventError("item_closed" if status == "closed" else "item_not_open", need_id=need_id)
            self._ensure_participant(conn, event, device, origin)
            return self._upsert_text(conn, event, device, "comment", f"need:{need_id}", body, origin,
                                     need_id=need_id)

    @_guard
    def submit_proposal(self, code: str, token: str, body: str, *, axis_id: str, zone_id: str | None = None,
                        need_id: str | None = None, origin: str = "web") -> WriteResult:
        """A new need or proposal from the room, with its axis (and zone); hidden until approved."""
        body = clean_text(body)
        self._check_values("axis_id", [axis_id], self.axis_ids)
        self._check_values("zone_id", [zone_id] if zone_id else [], self.zone_ids)
        self._check_values("need_id", [need_id] if need_id else [], self.need_ids)
        event, origin = self._channel(code, origin)
        device = self._device(event, token, origin)
        key = text_key(body)
        with self.db.write() as conn:
            self._ensure_participant(conn, event, device, origin)
            exists = conn.execute(select(texts.c.text_id).where(and_(
                texts.c.event_id == event.event_id, texts.c.device_hash == device, texts.c.kind == "proposal",
                texts.c.text_key == key))).first()
            if exists is not None:
                return WriteResult("unchanged", 1)  # the same proposal again (reload, double tap, retry)
            if origin != "paper":
                since = now() - timedelta(seconds=PROPOSAL_WINDOW_S)
                recent = conn.execute(select(func.count()).select_from(texts).where(and_(
                    texts.c.event_id == event.event_id, texts.c.device_hash == device, texts.c.kind == "proposal",
                    texts.c.created_at >= since))).scalar_one()
                if recent >= PROPOSALS_PER_WINDOW:
                    raise EventError("rate_limited", limit=PROPOSALS_PER_WINDOW, minutes=PROPOSAL_WINDOW_S // 60)
            return self._upsert_text(conn, event, device, "proposal", key, body, origin, need_id=need_id,
                                     axis_id=axis_id, zone_id=zone_id)

    def _upsert_text(self, conn: Connection, event: Event, device: str, kind: str, key: str, body: str,
                     origin: str, **fields: str | None) -> WriteResult:
        where = and_(texts.c.event_id == event.event_id, texts.c.device_hash == device, texts.c.kind == kind,
                     texts.c.text_key == key)
        current = conn.execute(select(texts.c.body, texts.c.revision, *(texts.c[f] for f in fields))
                               .where(where)).first()
        stamp = now()
        if current is None:
            conn.execute(insert(texts).values(event_id=event.event_id, device_hash=device, kind=kind, text_key=key,
                                              body=body, status="pending", origin=origin, created_at=stamp,
                                              updated_at=stamp, revision=1, **fields))
            return WriteResult("stored", 1)
        if current.body == body and all(getattr(current, f) == v for f, v in fields.items()):
            return WriteResult("unchanged", current.revision)
        # A new revision: back to the queue, and an approval of the old one (a moderator's stale screen) refused.
        conn.execute(update(texts).where(where).values(body=body, status="pending", moderated_at=None,
                                                       updated_at=stamp, revision=current.revision + 1, **fields))
        return WriteResult("stored", current.revision + 1)

    @_guard
    def my_proposals(self, code: str, token: str) -> pd.DataFrame:
        event = self.event(code)
        device = self._device(event, token, "web")
        with self.db.read() as conn:
            rows = conn.execute(select(texts.c.body, texts.c.axis_id, texts.c.zone_id, texts.c.need_id,
                                       texts.c.status, texts.c.created_at)
                                .where(and_(texts.c.event_id == event.event_id, texts.c.device_hash == device,
                                            texts.c.kind == "proposal")).order_by(texts.c.created_at))
            return pd.DataFrame(rows.mappings().all(),
                                columns=["body", "axis_id", "zone_id", "need_id", "status", "created_at"])

    @_guard
    def moderate(self, code: str, text_id: int, status: str, *, revision: int | None = None) -> None:
        """Approve or reject a comment or proposal (or send it back to 'pending').

        `revision`: the version the moderator was shown (`texts_frame`'s column). If the participant edited the text
        since, nothing changes and `text_changed` is raised: the new version waits in the queue to be read. The
        facilitator's screen always passes it; None (scripts, tests) moderates whatever is stored."""
        if status not in MODERATION:
            raise EventError("invalid_value", field="status", value=status)
        event = self.event(code)
        where = and_(texts.c.event_id == event.event_id, texts.c.text_id == text_id)
        with self.db.write() as conn:
            if revision is not None:
                where = and_(where, texts.c.revision == int(revision))
            done = conn.execute(update(texts).where(where).values(status=status, moderated_at=now())).rowcount
            if not done and revision is not None and conn.execute(select(texts.c.text_id).where(and_(
                    texts.c.event_id == event.event_id, texts.c.text_id == text_id))).first() is not None:
                raise EventError("text_changed", text_id=text_id)

    # ------------------------------------------------------------------ frames for results and exports
    @_guard
    def answers_frame(self, codes: Sequence[str] | None = None) -> pd.DataFrame:
        """Current answers with the participant's declared zone and role; one row per (event, device, need)."""
        with self.db.read() as conn:
            query = (select(events.c.code, answers.c.need_id, answers.c.device_hash, answers.c.answer,
                            answers.c.star, answers.c.origin, answers.c.revision, answers.c.updated_at,
                            participants.c.zone_id, participants.c.role)
                     .select_from(answers.join(events, events.c.event_id == answers.c.event_id)
                                  .outerjoin(participants, and_(participants.c.event_id == answers.c.event_id,
                                                                participants.c.device_hash == answers.c.device_hash))))
            if codes is not None:
                query = query.where(events.c.code.in_(list(codes)))
            frame = pd.DataFrame(conn.execute(query).mappings().all(), columns=ANSWER_COLUMNS)
        return _typed_answers(frame)

    @_guard
    def answer_counts_frame(self, codes: Sequence[str] | None = None) -> pd.DataFrame:
        """The answers counted in the database (GROUP BY): one row per (event, need, declared zone, origin) with
        the count of each answer and of ★. Its size follows events × needs × zones, not answers, so results stay
        cheap as the process grows; `results.py` reads it like the raw frame. `codes`: the events wanted (None:
        every event)."""
        counted = [func.sum(case((answers.c.answer == a, 1), else_=0)).label(f"n_{a}") for a in ANSWERS]
        stars = func.sum(case((answers.c.star, 1), else_=0)).label("stars")
        keys = (events.c.code, answers.c.need_id, participants.c.zone_id, answers.c.origin)
        query = (select(*keys, *counted, stars)
                 .select_from(answers.join(events, events.c.event_id == answers.c.event_id)
                              .outerjoin(participants, and_(participants.c.event_id == answers.c.event_id,
                                                            participants.c.device_hash == answers.c.device_hash)))
                 .group_by(*keys))
        if codes is not None:
            query = query.where(events.c.code.in_(list(codes)))
        with self.db.read() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame(rows, columns=COUNT_COLUMNS)
        frame[COUNT_COLUMNS[4:]] = frame[COUNT_COLUMNS[4:]].astype("int64")
        frame["zone_id"] = frame["zone_id"].astype(object).where(frame["zone_id"].notna(), None)
        return frame

    @_guard
    def answer_changes(self, since_log_id: int, since: datetime) -> tuple[int, set[str]]:
        """The newest history row, and the events with a history row after `since_log_id` or a participant whose
        zone changed since `since`: what a cache of counts (`counts.CountsCache`) must recount. Every change to an
        answer appends to `answer_log`, so this reads the new rows only (by primary key), not every answer."""
        with self.db.read() as conn:
            newest = conn.execute(select(func.max(answer_log.c.log_id))).scalar_one() or 0
            logged = select(answer_log.c.event_id).where(answer_log.c.log_id > since_log_id)
            joined = select(participants.c.event_id).where(participants.c.updated_at >= since)
            changed = conn.execute(select(events.c.code).where(events.c.event_id.in_(logged.union(joined)))).scalars()
            return newest, set(changed)

    @_guard
    def origin_counts(self, codes: Sequence[str]) -> pd.DataFrame:
        """Answers per need, origin and answer over the given events (one GROUP BY): the web / paper split.

        Generic in the origin, so a new channel (e.g. `online`) shows up without changing the readers."""
        with self.db.read() as conn:
            query = (select(answers.c.need_id, answers.c.origin, answers.c.answer, func.count().label("n"))
                     .select_from(answers.join(events, events.c.event_id == answers.c.event_id))
                     .where(and_(events.c.code.in_(list(codes)), answers.c.answer.is_not(None)))
                     .group_by(answers.c.need_id, answers.c.origin, answers.c.answer)
                     .order_by(answers.c.need_id, answers.c.origin, answers.c.answer))
            frame = pd.DataFrame(conn.execute(query).mappings().all(), columns=["need_id", "origin", "answer", "n"])
        frame["n"] = frame["n"].astype("int64")
        return frame

    @_guard
    def answer_log_frame(self, code: str) -> pd.DataFrame:
        """Every stored change, oldest first: the event's full answer history."""
        event = self.event(code)
        with self.db.read() as conn:
            query = (select(answer_log.c.log_id, answer_log.c.need_id, answer_log.c.device_hash,
                            answer_log.c.answer, answer_log.c.star, answer_log.c.origin, answer_log.c.revision,
                            answer_log.c.recorded_at, participants.c.zone_id, participants.c.role)
                     .select_from(answer_log.outerjoin(participants, and_(
                         participants.c.event_id == answer_log.c.event_id,
                         participants.c.device_hash == answer_log.c.device_hash)))
                     .where(answer_log.c.event_id == event.event_id).order_by(answer_log.c.log_id))
            frame = pd.DataFrame(conn.execute(query).mappings().all(), columns=LOG_COLUMNS)
        frame["star"] = frame["star"].astype(bool)
        return frame

    @_guard
    def texts_frame(self, codes: Sequence[str] | None = None, *, status: str | None = None) -> pd.DataFrame:
        """Comments and proposals with their moderation status (filter `status='approved'` for the room)."""
        with self.db.read() as conn:
            query = (select(events.c.code, texts.c.text_id, texts.c.kind, texts.c.need_id, texts.c.axis_id,
                            texts.c.zone_id, texts.c.body, texts.c.status, texts.c.origin, texts.c.created_at,
                            texts.c.updated_at, texts.c.moderated_at, participants.c.zone_id.label("declared_zone"),
                            texts.c.revision)
                     .select_from(texts.join(events, events.c.event_id == texts.c.event_id)
                                  .outerjoin(participants, and_(participants.c.event_id == texts.c.event_id,
                                                                participants.c.device_hash == texts.c.device_hash)))
                     .order_by(texts.c.created_at, texts.c.text_id))
            if codes is not None:
                query = query.where(events.c.code.in_(list(codes)))
            if status is not None:
                query = query.where(texts.c.status == status)
            return pd.DataFrame(conn.execute(query).mappings().all(), columns=TEXT_COLUMNS)

    @_guard
    def outcomes_frame(self, codes: Sequence[str] | None = None) -> pd.DataFrame:
        """The agenda of each event with item status and outcome."""
        with self.db.read() as conn:
            query = (select(events.c.code, events.c.title, events.c.event_date, agenda_items.c.need_id,
                            agenda_items.c.position, agenda_items.c.status, agenda_items.c.outcome,
                            agenda_items.c.outcome_note)
                     .select_from(agenda_items.join(events, events.c.event_id == agenda_items.c.event_id))
                     .order_by(events.c.event_date, events.c.code, agenda_items.c.position))
            if codes is not None:
                query = query.where(events.c.code.in_(list(codes)))
            return pd.DataFrame(conn.execute(query).mappings().all(), columns=OUTCOME_COLUMNS)

    @_guard
    def participant_count(self, code: str) -> int:
        event = self.event(code)
        with self.db.read() as conn:
            return conn.execute(select(func.count()).select_from(participants)
                                .where(participants.c.event_id == event.event_id)).scalar_one()

    # ------------------------------------------------------------------ helpers
    def _channel(self, code: str, origin: str) -> tuple[Event, str]:
        """The event a write goes to and the origin it is stored with: a phone writes as `web` while the hall is
        open, as `online` while only the online window is (where every need is open); otherwise refused."""
        event = self.event(code)
        if origin not in ORIGINS:
            raise EventError("invalid_value", field="origin", value=origin)
        if origin == "paper":
            return event, origin
        if origin == "web" and event.status == "open":
            return event, "web"
        if event.online_open:
            return event, "online"
        raise EventError("event_closed" if event.status == "closed" else "event_not_open", event_code=event.code)

    @staticmethod
    def _device(event: Event, token: str, origin: str) -> str:
        if origin == "paper":
            return paper_device(token)
        if not token or len(token) < 16:
            raise EventError("no_device")
        return device_hash(event.salt, token)

    @staticmethod
    def _check_values(field: str, values: Iterable[str], known: Sequence[str]) -> None:
        if not known:
            return
        for value in values:
            if value not in known:
                raise EventError("invalid_value", field=field, value=value)

    @staticmethod
    def _agenda_status(conn: Connection, event: Event, need_ids: Sequence[str]) -> dict[str, str]:
        rows = conn.execute(select(agenda_items.c.need_id, agenda_items.c.status).where(and_(
            agenda_items.c.event_id == event.event_id, agenda_items.c.need_id.in_(list(need_ids)))))
        found = {r.need_id: r.status for r in rows}
        missing = [n for n in need_ids if n not in found]
        if missing:
            raise EventError("item_not_on_agenda", need_id=missing[0])
        return found

    @staticmethod
    def _ensure_participant(conn: Connection, event: Event, device: str, origin: str, *,
                            zone_id: str | None = None, role: str | None = None, update_profile: bool = False) -> None:
        key = and_(participants.c.event_id == event.event_id, participants.c.device_hash == device)
        row = conn.execute(select(participants.c.zone_id, participants.c.role).where(key).with_for_update()).first()
        stamp = now()
        if row is None:
            try:
                with conn.begin_nested():
                    conn.execute(insert(participants).values(event_id=event.event_id, device_hash=device,
                                                             zone_id=zone_id, role=role, origin=origin,
                                                             joined_at=stamp, updated_at=stamp))
            except IntegrityError:  # the same phone joined at the same instant through another server
                conn.execute(select(participants.c.device_hash).where(key).with_for_update()).first()
            return
        if update_profile and (row.zone_id, row.role) != (zone_id, role):
            conn.execute(update(participants).where(key).values(zone_id=zone_id, role=role, updated_at=stamp))


ANSWER_COLUMNS = ["code", "need_id", "device_hash", "answer", "star", "origin", "revision", "updated_at", "zone_id",
                  "role"]
COUNT_COLUMNS = ["code", "need_id", "zone_id", "origin", *(f"n_{a}" for a in ANSWERS), "stars"]
LOG_COLUMNS = ["log_id", "need_id", "device_hash", "answer", "star", "origin", "revision", "recorded_at", "zone_id",
               "role"]
TEXT_COLUMNS = ["code", "text_id", "kind", "need_id", "axis_id", "zone_id", "body", "status", "origin", "created_at",
                "updated_at", "moderated_at", "declared_zone", "revision"]
PARTICIPANT_COLUMNS = ["code", "origin", "zone_id", "role", "joined_at"]
OUTCOME_COLUMNS = ["code", "title", "event_date", "need_id", "position", "status", "outcome", "outcome_note"]


def _typed_answers(frame: pd.DataFrame) -> pd.DataFrame:
    frame["star"] = frame["star"].astype(bool)
    for column in ("answer", "zone_id", "role"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def normalise_code(code: str | None) -> str:
    """What a person typed as a join code, as stored: upper case, no spaces or dashes, only the code alphabet."""
    cleaned = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    return cleaned if cleaned and len(cleaned) <= 12 and all(ch in CODE_ALPHABET for ch in cleaned) else ""
