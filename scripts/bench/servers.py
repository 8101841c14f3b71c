"""The servers under test: the app as shipped, its PSM_PERF_BASELINE=1 variant and the trivial floor app."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

from scripts.bench.config import (
    BASELINE,
    CURRENT,
    SESSION_TTL_S,
)
from scripts.loadtest.servers import tree_cpu_seconds
from tests.browser.harness import free_port, start_streamlit, stop_process, wait_for_health


@dataclass
class Server:
    """One `streamlit run` we started: its URL, its run log (one line per script run) and its process."""

    name: str
    proc: subprocess.Popen[bytes]
    url: str
    run_log: Path
    server_log: Path
    variant: str

    def runs(self) -> int:
        """Script runs so far, as logged by the app (PSM_BENCH_LOG)."""
        return len(self.run_log.read_text().splitlines()) if self.run_log.exists() else 0

    def last_run_seconds(self) -> tuple[float, float | None] | None:
        """Python time of the last run, as logged by the app: (wall, CPU of the script thread or None)."""
        lines = self.run_log.read_text().splitlines() if self.run_log.exists() else []
        if not lines:
            return None
        fields = lines[-1].split()  # "<epoch> <page> <wall s> [<cpu s>]"
        return float(fields[2]), float(fields[3]) if len(fields) > 3 else None

    def _procs(self) -> list[psutil.Process]:
        root = psutil.Process(self.proc.pid)
        return [root, *root.children(recursive=True)]

    def rss_mb(self) -> float:
        """Resident memory of the server and its children (MB)."""
        return sum(p.memory_info().rss for p in self._procs()) / 2**20

    def cpu_s(self) -> float:
        """User+system CPU seconds used so far by the server and its children."""
        return tree_cpu_seconds(psutil.Process(self.proc.pid))


class Servers:
    """Starts servers and guarantees that every one of them is stopped (by PID) whatever happens."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.running: list[Server] = []

    def start(self, name: str, variant: str, script: Path, env: dict[str, str]) -> Server:
        port = free_port()
        run_log = self.workdir / f"{name}-{port}.runs"
        server_log = self.workdir / f"{name}-{port}.log"
        proc = start_streamlit(script, port, server_log, env={**env, "PSM_BENCH_LOG": str(run_log)},
                               extra_args=["--server.disconnectedSessionTTL", str(SESSION_TTL_S)])
        server = Server(name, proc, f"http://127.0.0.1:{port}", run_log, server_log, variant)
        self.running.append(server)
        return server

    def start_many(self, specs: Sequence[tuple[str, str, Path, dict[str, str]]]) -> list[Server]:
        """Start several servers at once and wait until all answer /_stcore/health."""
        servers = [self.start(*spec) for spec in specs]
        for server in servers:
            try:
                wait_for_health(server.proc, server.url, timeout=90)
            except Exception:
                tail = server.server_log.read_text(errors="replace")[-2000:] if server.server_log.exists() else ""
                print(f"--- {server.name} did not start; log tail:\n{tail}", file=sys.stderr)
                raise
        return servers

    def stop(self, server: Server) -> None:
        stop_process(server.proc)
        if server in self.running:
            self.running.remove(server)

    def stop_all(self) -> None:
        for server in list(self.running):
            with contextlib.suppress(Exception):
                self.stop(server)


VARIANT_ENV = {CURRENT: {"PSM_PERF_BASELINE": "0"}, BASELINE: {"PSM_PERF_BASELINE": "1"}}

