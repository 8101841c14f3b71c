"""Several servers, one schema: servers started together on an empty PostgreSQL migrate it once, all succeed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from psm_data.events.db import Database
from psm_data.events.migrate import current_revision, head_revision

ROOT = Path(__file__).resolve().parents[2]
SERVERS = 4


def test_servers_migrating_an_empty_postgresql_at_once_all_succeed(postgres, tmp_path: Path) -> None:
    server, _template = postgres
    url = server.create_database("psm_concurrent_migration")  # empty: never migrated
    # Each "server" is its own process, as `make run` on several machines would be. They start together (a barrier
    # file), and each pauses between finding no schema and creating `alembic_version`: without the advisory lock
    # every one of them then creates it (UniqueViolation); with it, the first migrates and the others find it done.
    barrier = tmp_path / "migrate-barrier"
    script = ("import pathlib, sys, time\n"
              "from alembic.runtime.migration import MigrationContext\n"
              "from psm_data.events.migrate import main\n"
              "ensure = MigrationContext._ensure_version_table\n"
              "def slow(self, *a, **k):\n"
              "    time.sleep(1.0)\n"
              "    return ensure(self, *a, **k)\n"
              "MigrationContext._ensure_version_table = slow\n"
              f"while not pathlib.Path({str(barrier)!r}).exists(): time.sleep(0.002)\n"
              "sys.exit(main(['--url', sys.argv[1]]))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", script, url], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(SERVERS)]
    try:
        time.sleep(3.0)  # every process imported the app's modules and waits at the barrier
        barrier.touch()
        results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    finally:
        barrier.unlink(missing_ok=True)
        for p in procs:
            p.kill()
    for code, out, err in results:
        assert code == 0, err[-2000:]
        assert f"schema at revision {head_revision()}" in out
    assert current_revision(url) == head_revision()
    db = Database(url)
    try:
        with db.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar_one() == 1
    finally:
        db.dispose()
