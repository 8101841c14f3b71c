"""A throwaway PostgreSQL server in a temporary directory, for the load test's two-server configuration.

Debian's postgresql (`/usr/lib/postgresql/<v>/bin`); `initdb` and `pg_ctl` refuse to run as root, so as root they
run as the `postgres` user (or `nobody`) through `runuser`. Listens on 127.0.0.1:<free port>, trust auth, fsync off
(a benchmark database, thrown away at the end). Stand-in until the store tests' helper lands in main.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _as_user(user: str | None, cmd: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *cmd] if user else cmd


@dataclass
class PgServer:
    url: str  # postgresql+psycopg://…
    data_dir: Path

    @property
    def pid(self) -> int | None:
        """The postmaster's PID (its children are the backends), for CPU and memory sampling."""
        with contextlib.suppress(OSError, ValueError, IndexError):
            return int((self.data_dir / "postmaster.pid").read_text().splitlines()[0])
        return None


@contextlib.contextmanager
def throwaway_postgres(port: int, max_connections: int = 100) -> Iterator[PgServer]:
    """Start PostgreSQL, yield it with the URL of an empty database; stop and delete it after."""
    bindir = pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL server not installed (apt-get install -y postgresql)")
    user = None
    if os.geteuid() == 0:
        user = "postgres" if _user_exists("postgres") else "nobody"
    tmp = Path(tempfile.mkdtemp(prefix="psm-pg-"))
    data, sock = tmp / "data", tmp / "sock"
    sock.mkdir()
    if user:
        uid, gid = pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid
        for p in (tmp, sock):
            os.chown(p, uid, gid)
    log = tmp / "server.log"
    try:
        subprocess.run(_as_user(user, [str(bindir / "initdb"), "-D", str(data), "-U", "psm", "-A", "trust",
                                       "-E", "UTF8", "--no-sync"]), check=True, capture_output=True)
        opts = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={sock} "
                f"-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                f"-c max_connections={max_connections}")
        subprocess.run(_as_user(user, [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts,
                                       "-w", "-t", "60", "start"]), check=True, capture_output=True)
        _wait_ready(bindir, port)
        subprocess.run(_as_user(user, [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "psm",
                                       "psm"]), check=True, capture_output=True)
        yield PgServer(f"postgresql+psycopg://psm@127.0.0.1:{port}/psm", data)
    finally:
        subprocess.run(_as_user(user, [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _wait_ready(bindir: Path, port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if subprocess.run([str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                          capture_output=True).returncode == 0:
            return
        time.sleep(0.2)
    raise TimeoutError(f"PostgreSQL on port {port} not ready after {timeout} s")
