"""The database behind listening events: where it is, how to connect, how writes are serialised.

SQLite (one file outside the repository's tracked data) by default; `PSM_DB_URL=postgresql+psycopg://…` for several
app servers sharing one database. One engine per process (`engine_for`), made outside any Streamlit script run.

SQLite notes: WAL so readers never block the writer; `busy_timeout` so a writer waits instead of failing; writes
in `BEGIN IMMEDIATE` so a transaction takes the write lock before it reads what it will change (no deadlock on
upgrade); and one write lock per process, because SQLite before 3.51.3 (this machine has 3.40) can corrupt a WAL
database when writers in different threads of one process reset the WAL concurrently.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

ENV_URL = "PSM_DB_URL"
ENV_HOME = "PSM_DATA_HOME"
BUSY_TIMEOUT_MS = 5000
_WRITE = "psm_write"


def data_home() -> Path:
    """Where the app keeps what it writes (never inside the curated data): $PSM_DATA_HOME or the XDG data dir."""
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "psm-torino-explorer"


def default_url() -> str:
    return f"sqlite:///{data_home() / 'eventi.sqlite3'}"


def database_url() -> str:
    """The configured database: $PSM_DB_URL, else the SQLite file in `data_home()`."""
    return os.environ.get(ENV_URL) or default_url()


def describe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


class Database:
    """An engine plus the write discipline of its backend. Use `write()` for changes, `read()` for queries."""

    def __init__(self, url: str, *, pool_size: int = 5, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite:
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000,
                                                                   "check_same_thread": False})
            _configure_sqlite(self.engine, busy_timeout_ms)
        else:
            self.engine = create_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=pool_size,
                                        connect_args={"connect_timeout": 5})
        # SQLite: one writer per process (see module docstring). PostgreSQL: row locks do the work.
        self._write_lock = threading.Lock() if self.is_sqlite else contextlib.nullcontext()

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: committed on success, rolled back on any exception."""
        with self._write_lock, self.engine.connect() as conn:
            conn = conn.execution_options(**{_WRITE: True})
            with conn.begin():
                yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (a consistent snapshot)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI types
        # Take transaction control from the sqlite3 driver's legacy mode; we emit BEGIN ourselves below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


_engines: dict[str, Database] = {}
_engines_lock = threading.Lock()


def database_for(url: str | None = None) -> Database:
    """The process-wide Database for `url` (default: the configured one); made once, shared by all threads."""
    url = url or database_url()
    with _engines_lock:
        if url not in _engines:
            _engines[url] = Database(url)
        return _engines[url]
