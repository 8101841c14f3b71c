"""The reverse proxy of the hall: Debian's nginx, unprivileged, started from the repository's deploy/nginx.conf.

The load test runs the deployment recipe itself (same file), only with its own listen port and upstream list.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from scripts.loadtest.target import REPO_ROOT

RECIPE = REPO_ROOT / "deploy" / "nginx.conf"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def render_config(listen_port: int, upstreams: list[str], recipe: Path = RECIPE) -> str:
    """deploy/nginx.conf with `listen` and the upstream's `server` lines replaced (host:port each)."""
    text = recipe.read_text(encoding="utf-8")
    text = re.sub(r"^(\s*)listen [^;]+;", lambda m: f"{m.group(1)}listen 127.0.0.1:{listen_port};", text, count=1,
                  flags=re.M)
    servers = re.findall(r"^\s*server 127\.0\.0\.1:\d+;\n", text, flags=re.M)
    if not servers:
        raise ValueError(f"{recipe}: no upstream `server` lines")
    indent = re.match(r"\s*", servers[0]).group(0)  # type: ignore[union-attr]
    first = text.index(servers[0])
    for line in servers:
        text = text.replace(line, "", 1)
    return text[:first] + "".join(f"{indent}server {u};\n" for u in upstreams) + text[first:]


@contextlib.contextmanager
def nginx(listen_port: int, upstreams: list[str], workdir: Path, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """nginx in the foreground (daemon off) with its prefix in `workdir`; stopped (SIGQUIT, then kill) on exit."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (apt-get install -y nginx-light)")
    (workdir / "tmp").mkdir(parents=True, exist_ok=True)
    (workdir / "logs").mkdir(exist_ok=True)  # nginx opens its compiled-in error log before reading the config
    conf = workdir / "nginx.conf"
    conf.write_text(render_config(listen_port, upstreams), encoding="utf-8")
    with open(log, "wb") as out:
        proc = subprocess.Popen([binary, "-p", str(workdir), "-c", str(conf), "-e", "stderr"],  # noqa: S603
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 20
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {log.read_text(errors='replace')[-2000:]}")
            with contextlib.suppress(OSError), urllib.request.urlopen(  # noqa: S310
                    f"http://127.0.0.1:{listen_port}/_stcore/health", timeout=5):
                break
            if time.time() > deadline:
                raise RuntimeError(f"nginx did not answer: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            proc.terminate()  # fast stop: a graceful one would wait for every open websocket
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
