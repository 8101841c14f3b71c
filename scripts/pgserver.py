"""A throwaway PostgreSQL server for tests and load tests: Debian's binaries, a temporary directory, loopback only.

`initdb` and `pg_ctl` refuse to run as root, so as root the server runs as an unprivileged user (`postgres`,
created by Debian's package, else `nobody`) through `runuser`. Trust authentication on 127.0.0.1 only; the data
directory is deleted on stop. Usage:

    with PostgresServer() as pg:
        url = pg.create_database("psm_test")   # postgresql+psycopg://…
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL server binaries (Debian keeps them outside PATH)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    def __init__(self, *, port: int | None = None, max_connections: int = 200) -> None:
        self.bin_dir = find_bin_dir()
        if self.bin_dir is None:
            raise RuntimeError("PostgreSQL server binaries not found: apt-get install -y postgresql "
                               "(make test installs it)")
        self._port_given = port is not None
        self.port = port or _free_port()
        self.max_connections = max_connections
        self.root: Path | None = None
        self.user = self._run_as_user()

    @staticmethod
    def _run_as_user() -> str | None:
        if os.geteuid() != 0:
            return None
        for name in ("postgres", "nobody"):
            try:
                pwd.getpwnam(name)
                return name
            except KeyError:
                continue
        raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL")

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.user, "--", *args] if self.user else list(args)

    def start(self) -> PostgresServer:
        self.root = Path(tempfile.mkdtemp(prefix="psm-pg-"))
        data, socket_dir = self.root / "data", self.root / "run"
        socket_dir.mkdir()
        if self.user:
            entry = pwd.getpwnam(self.user)
            for path in (self.root, socket_dir):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        subprocess.run(self._cmd(str(self.bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                                 "-E", "UTF8", "--locale=C", "--no-sync"),
                       check=True, capture_output=True, cwd=self.root)
        log = self.root / "server.log"
        for attempt in range(3):
            self._options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                             f"-c unix_socket_directories={socket_dir} -c max_connections={self.max_connections} "
                             "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            logged = log.stat().st_size if log.exists() else 0
            try:
                self.resume()
                return self
            except subprocess.CalledProcessError:
                # The free port was taken between choosing it and binding it (two test workers, or a load test,
                # starting servers at once): choose another. Any other failure, or a port the caller chose, is raised.
                with open(log, "rb") as f:
                    f.seek(logged)
                    taken = b"could not bind" in f.read()
                if not taken or self._port_given or attempt == 2:
                    raise
                self.port = _free_port()
        raise AssertionError("unreachable")

    def pause(self) -> None:
        """Stop the server but keep its data (a database outage in a fault test); `resume()` starts it again."""
        if self.root is None:
            raise RuntimeError("the server was never started")
        subprocess.run(self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "fast",
                                 "-w", "stop"), check=True, capture_output=True, cwd=self.root)

    def resume(self) -> None:
        if self.root is None:
            raise RuntimeError("the server was never started")
        subprocess.run(self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-o", self._options,
                                 "-l", str(self.root / "server.log"), "-w", "-t", "60", "start"),
                       check=True, capture_output=True, cwd=self.root)
        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(self.dsn("postgres"), connect_timeout=2):
                    break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def dsn(self, database: str) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={database}"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str, *, template: str | None = None) -> str:
        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def stop(self) -> None:
        if self.root is None:
            return
        subprocess.run(self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                                 "-w", "stop"), capture_output=True, cwd=self.root)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
