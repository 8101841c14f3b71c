"""What a fresh browser tab loads for a page, and its time to interactive against the trivial app's, in one run.

Run: ``.venv/bin/python -m scripts.bench.page_weight [--pages /mappa,/zona] [--samples 3]``.

A Streamlit element's scripts are chunks loaded the first time a page shows the element (the data grid's
glide-data-grid + Apache Arrow, ~1.6 MB; each widget type its own small chunk), and every new browser tab fetches
and compiles them again. So what a page *sends* decides how fast it becomes usable, beyond its Python time. This
lists, per page, the script files and bytes a fresh tab loads, the chunks the trivial app does not load, and the
warm TTI (median, same definition as `make bench`'s, fresh context per sample, interleaved with the floor app).
Sizes are the files' own (uncompressed) sizes in Streamlit's static folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import streamlit
from playwright.sync_api import Response, sync_playwright

from scripts.bench.browser import Browsing, Tab, wait_interactive
from scripts.bench.config import CURRENT, FLOOR, FLOOR_APP, REPO_ROOT
from scripts.bench.servers import VARIANT_ENV, Servers
from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS, wait_for_health

PHASES: dict[str, list[tuple[float, float, float]]] = {}  # page -> (connected, script done, TTI) per load, ms
CPU_METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
CPU: dict[str, list[tuple[float, ...]]] = {}  # page -> main-thread CPU ms per load, as CPU_METRICS
STATIC_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"


def _chunk(url: str) -> str | None:
    """The chunk's name without its content hash ("DataFrame" for .../DataFrame.-f9-1zS0.js), or None."""
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    if not name.endswith(".js"):
        return None
    return name


def _size(name: str) -> int:
    path = STATIC_JS / name
    return path.stat().st_size if path.exists() else 0


def load_page(browsing: Browsing, server, path: str) -> tuple[float, list[str]]:
    """TTI (ms) and the script files a fresh context loads for `path` (the phases of the load in PHASES)."""
    tab: Tab = browsing.open(server)
    scripts: list[str] = []

    def on_response(response: Response) -> None:
        name = _chunk(response.url)
        if name:
            scripts.append(name)

    tab.page.on("response", on_response)
    cdp = tab.context.new_cdp_session(tab.page)
    cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
    try:
        tab.page.goto(path, wait_until="commit")
        record = wait_interactive(tab)
        key = path if server.variant != FLOOR else "floor"
        PHASES.setdefault(key, []).append((record["connected"], record["script_done"], record["tti"]))
        # The page's own main-thread CPU until it was interactive (thread ticks: not stretched by other processes).
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        CPU.setdefault(key, []).append(tuple(metrics.get(n, 0.0) * 1000 for n in CPU_METRICS))
        tab.page.wait_for_timeout(300)  # chunks that arrive after readiness count as loaded by the page too
        return record["tti"], sorted(set(scripts))
    finally:
        tab.close()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default="/mappa,/zona", help="URL paths (default /mappa,/zona)")
    ap.add_argument("--samples", type=int, default=3, help="fresh-context loads per page (default 3)")
    ap.add_argument("--cold", type=int, default=0, help="also N cold loads per page: a fresh server each (default 0)")
    args = ap.parse_args(argv)
    pages = [p if p.startswith("/") else "/" + p for p in args.pages.split(",") if p]
    servers = Servers(Path(tempfile.mkdtemp(prefix="psm-weight-")))
    cold: dict[str, list[tuple[float, str]]] = {p: [] for p in pages}
    try:
        app, floor = servers.start_many([(CURRENT, CURRENT, REPO_ROOT / "app.py", VARIANT_ENV[CURRENT]),
                                         (FLOOR, FLOOR, FLOOR_APP, {})])
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            browsing = Browsing(browser)
            for _ in range(args.cold):  # first session after a server start; its runs' Python time from the run log
                for path in pages:
                    fresh = servers.start(f"cold{path.replace('/', '-')}", CURRENT, REPO_ROOT / "app.py",
                                          VARIANT_ENV[CURRENT])
                    wait_for_health(fresh.proc, fresh.url, timeout=90)
                    ms, _scripts = load_page(browsing, fresh, path)
                    runs = fresh.run_log.read_text().split("\n") if fresh.run_log.exists() else []
                    cold[path].append((ms, " | ".join(" ".join(r.split()[1:]) for r in runs if r)))
                    servers.stop(fresh)
            for path in pages:  # warm-up: caches filled, modules imported
                load_page(browsing, app, path)
            load_page(browsing, floor, "/")
            tti: dict[str, list[float]] = {p: [] for p in [*pages, "floor"]}
            loaded: dict[str, list[str]] = {}
            for _ in range(args.samples):
                for path in pages:
                    ms, scripts = load_page(browsing, app, path)
                    tti[path].append(ms)
                    loaded[path] = scripts
                ms, scripts = load_page(browsing, floor, "/")
                tti["floor"].append(ms)
                loaded["floor"] = scripts
            browser.close()
        runs: dict[str, list[tuple[float, float]]] = {}  # page -> (wall, cpu) of its script runs, from the run log
        for line in app.run_log.read_text().splitlines() if app.run_log.exists() else []:
            fields = line.split()
            if len(fields) >= 4:
                runs.setdefault(fields[1], []).append((float(fields[2]), float(fields[3])))
    finally:
        servers.stop_all()
    floor_ms = statistics.median(tti["floor"])
    base = set(loaded["floor"])
    print(f"load average {os.getloadavg()[0]:.1f}; samples {args.samples}")
    print(f"{'page':<28} {'TTI ms':>8} {'x floor':>8} {'js files':>9} {'js KB':>8}")
    for path in [*pages, "floor"]:
        ms = statistics.median(tti[path])
        kb = sum(_size(n) for n in loaded[path]) / 1024
        print(f"{path:<28} {ms:>8.0f} {ms / floor_ms:>8.2f} {len(loaded[path]):>9} {kb:>8.0f}")
    for page, phases in PHASES.items():
        connected, done, ready = (statistics.median(p[i] for p in phases) for i in range(3))
        print(f"{page}: websocket connected {connected:.0f} ms, script done {done:.0f} ms, interactive {ready:.0f} ms "
              f"(medians of {len(phases)} loads, warm-up and cold included)")
    for page, loads in CPU.items():
        medians = [statistics.median(load[i] for load in loads) for i in range(len(CPU_METRICS))]
        print(f"{page}: main-thread CPU until interactive " + ", ".join(
            f"{name.removesuffix('Duration').lower()} {ms:.0f} ms" for name, ms in zip(CPU_METRICS, medians,
                                                                                      strict=True)))
    for page, times in runs.items():
        print(f"runs of {page}: {len(times)}, median wall {statistics.median(w for w, _ in times) * 1000:.0f} ms, "
              f"CPU {statistics.median(c for _, c in times) * 1000:.0f} ms")
    for path in pages:
        for ms, first_runs in cold[path]:
            print(f"cold {path}: TTI {ms:.0f} ms = {ms / floor_ms:.2f} x warm floor; runs (page wall cpu): "
                  f"{first_runs}")
    for path in pages:
        extra = sorted(set(loaded[path]) - base, key=lambda n: -_size(n))
        listed = ", ".join(f"{n.split('.')[0]} {_size(n) / 1024:.0f}" for n in extra)
        print(f"\n{path}: {len(extra)} files, {sum(map(_size, extra)) / 1024:.0f} KB more than the floor: {listed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
