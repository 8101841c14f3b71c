"""STAND-IN participation store for the load test, until psm_data.events' store lands in main.

Same shape and write discipline as the store the issue asks for (SQLAlchemy Core; SQLite WAL + busy_timeout +
BEGIN IMMEDIATE + one write lock per process; PostgreSQL by URL; one row per event, device and need written by
upsert; device tokens hashed with a per-event salt), so a tap costs on the server what a real one will. Not a
product: no history, moderation, rate limits or migrations beyond `create_all`.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

metadata = MetaData()
events = Table(
    "li_events", metadata,
    Column("code", String(12), primary_key=True),
    Column("salt", String(64), nullable=False),
)
agenda = Table(
    "li_agenda", metadata,
    Column("code", String(12), primary_key=True),
    Column("need_id", String(10), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("status", String(10), nullable=False, default="pending"),
)
answers = Table(
    "li_answers", metadata,
    Column("code", String(12), nullable=False),
    Column("device_hash", String(80), nullable=False),
    Column("need_id", String(10), nullable=False),
    Column("answer", String(10)),
    Column("star", Boolean, nullable=False, default=False),
    Column("comment", Text, nullable=False, default=""),
    Column("revision", Integer, nullable=False, default=1),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("code", "device_hash", "need_id"),
)


def device_hash(salt: str, token: str) -> str:
    return hashlib.sha256((salt + token).encode()).hexdigest()


class Store:
    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite:
            if parsed.database:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url, connect_args={"timeout": 5, "check_same_thread": False})
            _configure_sqlite(self.engine)
            self._lock: contextlib.AbstractContextManager = threading.Lock()
        else:
            self.engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
            self._lock = contextlib.nullcontext()
        self._insert = sqlite.insert if self.is_sqlite else postgresql.insert

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        with self._lock, self.engine.connect() as conn:
            conn = conn.execution_options(psm_write=True)
            with conn.begin():
                yield conn

    def migrate(self) -> None:
        metadata.create_all(self.engine)

    def create_event(self, code: str, need_ids: list[str], open_ids: list[str]) -> None:
        with self.write() as conn:
            conn.execute(events.insert().values(code=code, salt=secrets.token_hex(16)))
            conn.execute(agenda.insert(), [
                {"code": code, "need_id": n, "position": i, "status": "open" if n in open_ids else "pending"}
                for i, n in enumerate(need_ids)])

    def set_item(self, code: str, need_id: str, status: str) -> None:
        with self.write() as conn:
            conn.execute(agenda.update().where(agenda.c.code == code, agenda.c.need_id == need_id)
                         .values(status=status))

    def event(self, code: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(events).where(events.c.code == code)).first()
            if row is None:
                return None
            items = conn.execute(select(agenda.c.need_id, agenda.c.status).where(agenda.c.code == code)
                                 .order_by(agenda.c.position)).all()
        return {"code": code, "salt": row.salt, "agenda": [(r.need_id, r.status) for r in items]}

    def save_answer(self, code: str, salt: str, token: str, need_id: str, answer: str | None, star: bool,
                    comment: str) -> str:
        """Store one answer; "saved", "unchanged" (an identical re-send) or "closed" (item not open)."""
        dev = device_hash(salt, token)
        now = datetime.now(UTC)
        with self.write() as conn:
            status = conn.execute(select(agenda.c.status).where(agenda.c.code == code,
                                                                agenda.c.need_id == need_id)).scalar()
            if status != "open":
                return "closed"
            old = conn.execute(select(answers.c.answer, answers.c.star, answers.c.comment).where(
                answers.c.code == code, answers.c.device_hash == dev, answers.c.need_id == need_id)).first()
            if old is not None and tuple(old) == (answer, star, comment):
                return "unchanged"
            stmt = self._insert(answers).values(code=code, device_hash=dev, need_id=need_id, answer=answer,
                                                star=star, comment=comment, revision=1, updated_at=now)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=["code", "device_hash", "need_id"],
                set_={"answer": answer, "star": star, "comment": comment, "updated_at": now,
                      "revision": answers.c.revision + 1}))
        return "saved"

    def voters(self, code: str) -> dict[str, int]:
        """People who answered, per need: the one aggregate the presenter shows live."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(answers.c.need_id, func.count()).where(answers.c.code == code)
                                .group_by(answers.c.need_id)).all()
        return {str(need): int(n) for need, n in rows}

    def all_answers(self, code: str) -> list[tuple[str, str, str | None, bool]]:
        """(device_hash, need_id, answer, star) of every stored answer, for the load test's check."""
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(
                select(answers.c.device_hash, answers.c.need_id, answers.c.answer, answers.c.star)
                .where(answers.c.code == code))]


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI types
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("psm_write") else "BEGIN")
