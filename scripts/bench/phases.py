"""The benchmark's phases: cold and warm loads, interactions, websocket payloads, pan/zoom, concurrent sessions."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from scripts.bench.browser import Browsing, Tab, close_dialogs, load, wait_interactive
from scripts.bench.config import (
    BASELINE,
    CURRENT,
    FLOOR,
    INTERACTIVE,
    REPO_ROOT,
    SEARCH_TERMS,
    SESSION_TTL_S,
    SETTLE_MS,
)
from scripts.bench.interactions import NoRerunError, measure, pan_zoom, pick_floor, pick_strategy, pick_zone, search
from scripts.bench.results import Results
from scripts.bench.servers import VARIANT_ENV, Server, Servers
from tests.browser.harness import wait_for_app_ready


@dataclass
class Plan:
    pages: list[tuple[str, str]]  # (name, url path)
    samples: int
    cold_samples: int
    cold_pages: list[str]  # page names (url_path) measured cold
    sessions: list[int]


def app_pages() -> list[tuple[str, str]]:
    """(url_path name, URL path) of every page, from components/navigation.py (the first is served at /)."""
    from components.navigation import PAGES

    pages = [(p.url_path, "/" if i == 0 else f"/{p.url_path}") for i, p in enumerate(PAGES)]
    # The map pages open with the server-drawn map; the planners' Leaflet map is one switch away: measured too.
    return [*pages, ("mappa_interattiva", f"/mappa?{INTERACTIVE}")]


@contextlib.contextmanager
def phase(name: str, errors: list[str] | None = None) -> Iterator[None]:
    """Print how long each phase took (the run must stay under 10 minutes).

    With `errors`, a failing phase is recorded there and the run goes on: one broken page must not cost
    the other measurements (servers are stopped at the end either way).
    """
    started = time.monotonic()
    print(f"[bench] {name} ...", flush=True)
    try:
        yield
    except Exception as exc:
        if errors is None:
            raise
        errors.append(f"{name}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        print(f"[bench] {name} FAILED: {traceback.format_exc()}", file=sys.stderr, flush=True)
    print(f"[bench] {name}: {time.monotonic() - started:.0f} s", flush=True)


def cold_phase(plan: Plan, servers: Servers, browsing: Browsing, res: Results) -> None:
    """First session after a server start, per page: every round starts fresh servers for all pages at once."""
    by_path = dict(plan.pages)
    rss_start = res.metric("rss_start", "server RSS after start (idle)", "MB", target_source="info")
    rss_first = res.metric("rss_first", "server RSS after first session", "MB", target=400,
                           target_source="notes M10")
    for r in range(plan.cold_samples):
        specs = [(f"cold-{v}-{name}", v, REPO_ROOT / "app.py", VARIANT_ENV[v])
                 for name in plan.cold_pages for v in (CURRENT, BASELINE)]
        fresh = servers.start_many(specs)
        for server in fresh:
            rss_start.add(server.variant, server.rss_mb())
        for server in fresh:
            variant, name = server.variant, server.name.split("-", 2)[2]
            tab, record = load(browsing, server, by_path[name])
            res.metric(f"cold_tti_{name}", f"cold TTI {by_path[name]}", "ms", target=3500,
                       target_source="notes M2").add(variant, record["tti"])
            if r == 0:
                with contextlib.suppress(Exception):
                    dialog = tab.page.get_by_role("dialog")
                    if dialog.count():
                        res.info.setdefault("cold_dialogs", []).append(
                            f"{variant} {by_path[name]}: {dialog.first.inner_text()[:80]!r}")
            rss_first.add(variant, server.rss_mb())
            tab.close()
            servers.stop(server)


def warm_up(servers: dict[str, Server], browsing: Browsing, plan: Plan) -> None:
    """One context per server visits every page (browser cache reused), so caches fill and modules import."""
    for variant, server in servers.items():
        paths = ["/"] if variant == FLOOR else [path for _, path in plan.pages]
        tab = browsing.open(server)
        try:
            for path in paths:
                tab.page.goto(path, wait_until="commit")
                wait_interactive(tab)
                close_dialogs(tab.page)
        finally:
            tab.close()


def warm_phase(plan: Plan, servers: dict[str, Server], browsing: Browsing, res: Results) -> None:
    """Fresh context per sample on the warmed servers, pages interleaved current/baseline, plus the floor app."""
    floor = res.metric("tti_floor", "warm TTI trivial app", "ms")
    for _ in range(plan.samples):
        for name, path in plan.pages:
            tti = res.metric(f"warm_tti_{name}", f"warm TTI {path}", "ms", target=2500, floor_key="tti_floor")
            ws = res.metric(f"ws_load_{name}", f"ws bytes per load {path}", "KB", target=150,
                            target_source="notes M8")
            for variant in (CURRENT, BASELINE):
                tab, record = load(browsing, servers[variant], path)
                tti.add(variant, record["tti"])
                ws.add(variant, record["ws_bytes"] / 1024)
                if not record["maps_plots"].startswith("0/"):  # the map's script is the largest message
                    res.metric(f"wsmax_{name}", f"  largest ws frame on load {path} (map, websocket view)", "KB",
                               target_source="info").add(variant, record["ws_max_frame"] / 1024)
                res.info.setdefault("elements_maps_plots", {})[path] = record["maps_plots"]
                tab.close()
        tab, record = load(browsing, servers[FLOOR], "/")
        floor.add(FLOOR, record["tti"])
        tab.close()
    for m in res.metrics.values():
        if m.key.startswith("warm_tti_") and FLOOR not in m.samples:
            m.samples[FLOOR] = list(floor.samples.get(FLOOR, []))


def interaction_phase(plan: Plan, servers: dict[str, Server], browsing: Browsing, res: Results) -> None:
    """Rerun latency, runs, bytes and CPU per interaction; the floor app's click → done in the same loop."""
    floor = res.metric("click_floor", "click → done, trivial app", "ms")
    specs: list[tuple[str, str, str, Callable[[Tab, int], float | None], bool, float, float]] = [
        ("zone", "/copertura", "zone filter /copertura: click → done", pick_zone, False, 250, 3),
        ("strategy", f"/mappa?{INTERACTIVE}", "strategy /mappa (interactive map): click → polygons", pick_strategy,
         True, 500, 5),
        ("search", "/esigenze", "search /esigenze: Enter → done", search, False, 250, 3),
    ]
    for key, path, label, act, is_map, target, ratio in specs:
        latency = res.metric(f"lat_{key}", label, "ms", target=target, floor_ratio_target=ratio,
                             floor_key="click_floor")
        done = res.metric(f"done_{key}", f"  {key}: click → script done", "ms", target_source="info",
                          floor_key="click_floor") if is_map else None
        runs = res.metric(f"runs_{key}", f"  {key}: script runs", "runs", target=1, op="==")
        ws = res.metric(f"ws_{key}", f"  {key}: ws payload (page)", "KB", target=20, target_source="notes M8")
        cpu = res.metric(f"cpu_{key}", f"  {key}: server CPU", "ms", target_source="info")
        py = res.metric(f"py_{key}", f"  {key}: Python time of the run", "ms", target=100,
                        target_source="issue 10")
        py_cpu = res.metric(f"pycpu_{key}", f"  {key}: Python CPU of the run (its thread)", "ms",
                            target_source="info")
        remounts = res.metric(f"remount_{key}", f"  {key}: map iframe remounted", "count", target=0, op="==",
                              target_source="issue 10") if is_map else None
        tabs: dict[str, Tab] = {}
        try:
            for variant in (CURRENT, BASELINE):
                tabs[variant], _ = load(browsing, servers[variant], path)
            if key == "zone":
                tabs[FLOOR], _ = load(browsing, servers[FLOOR], "/")
            attempt = dict.fromkeys(tabs, 0)
            for i in range(plan.samples):
                for variant, tab in tabs.items():
                    do = pick_floor if variant == FLOOR else act
                    sample = None
                    for _ in range(3):  # a map interaction that leaves the map as it was is retried
                        k = attempt[variant]
                        attempt[variant] += 1
                        try:
                            sample = measure(tab, lambda do=do, tab=tab, k=k: do(tab, k),
                                             expect_map=is_map and variant != FLOOR)
                        except NoRerunError as exc:
                            latency.notes.append(f"{variant} sample {i}: {exc}")
                            sample = None
                            break
                        if not (is_map and variant != FLOOR and sample is not None and sample.to_map is None):
                            break
                        latency.notes.append(f"{variant} attempt {k}: map unchanged, not counted, retried")
                    if sample is None:
                        continue
                    if sample.exception:
                        latency.notes.append(f"{variant} sample {i}: the page shows an exception (stException)")
                    if variant == FLOOR:
                        floor.add(FLOOR, sample.to_done)
                        continue
                    if is_map and sample.to_map is None:
                        continue
                    latency.add(variant, sample.to_map if is_map else sample.to_done)
                    if done is not None:
                        done.add(variant, sample.to_done)
                    runs.add(variant, sample.runs)
                    ws.add(variant, sample.ws_bytes / 1024)
                    if remounts is not None:
                        remounts.add(variant, int(sample.remounted))
                    cpu.add(variant, sample.cpu_ms)
                    if sample.python_s is not None:
                        wall_s, cpu_s = sample.python_s
                        py.add(variant, wall_s * 1000)
                        if cpu_s is not None:
                            py_cpu.add(variant, cpu_s * 1000)
        finally:
            for tab in tabs.values():
                tab.close()
    for m in res.metrics.values():
        if m.floor_key == "click_floor" and FLOOR not in m.samples and m.unit == "ms":
            m.samples[FLOOR] = list(floor.samples.get(FLOOR, []))
    floor.samples.setdefault(FLOOR, [])


def wire_phase(plan: Plan, servers: dict[str, Server], res: Results) -> None:
    """Websocket bytes per interaction on the wire and as payload, with the load test's client.

    Chromium reports websocket frames decompressed, so the bytes a compressed websocket (permessage-deflate,
    .streamlit/config.toml) really carries are counted on the socket by scripts/stclient.py, which speaks the
    browser's protocol (its message cache included). Same interactions as in the browser, same option choices."""
    import asyncio

    from streamlit.proto.Common_pb2 import StringArray
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    if str(REPO_ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(REPO_ROOT / "scripts"))
    from stclient import StreamlitClient

    specific = re.compile(r"^\d+\.\d+ · ")

    async def zone(client: Any, i: int) -> Any:
        labels = list(client.find("zone").value.options)
        return await client.set_value("zone", WidgetState(string_array_value=StringArray(
            data=labels[: i % len(labels) + 1])))

    async def strategy(client: Any, i: int) -> Any:
        box = client.find("strategy").value
        texts = [o for o in box.options if o != box.raw_value]
        chosen = [t for t in texts if specific.match(t)]
        pool = ([t for t in texts if t not in chosen] if i % 2 else []) or chosen or texts
        return await client.choose("strategy", pool[(i // 2 * 3 + 1) % len(pool)])

    async def search(client: Any, i: int) -> Any:
        return await client.type_text("q", SEARCH_TERMS[i % len(SEARCH_TERMS)])

    async def measure_server(variant: str, server: Server) -> None:
        for key, page, act in (("zone", "copertura", zone), ("strategy", "mappa", strategy),
                               ("search", "esigenze", search)):
            wire = res.metric(f"wire_{key}", f"  {key}: ws on the wire (compressed)", "KB", target=20,
                              target_source="issue 10")
            payload = res.metric(f"wirepayload_{key}", f"  {key}: ws payload (client)", "KB", target_source="info")
            client = StreamlitClient(server.url, page, timeout=120, name=f"bench-{variant}-{key}")
            await client.connect()
            try:
                for i in range(plan.samples):
                    wire_before, payload_before = client.wire_bytes_received, client.bytes_received
                    result = await act(client, i)
                    await asyncio.sleep(SETTLE_MS / 1000)  # a late second run would count too
                    if result is None or not result.ok:
                        wire.notes.append(f"{variant} sample {i}: {getattr(result, 'error', 'no run')}")
                        continue
                    wire.add(variant, (client.wire_bytes_received - wire_before) / 1024)
                    payload.add(variant, (client.bytes_received - payload_before) / 1024)
            finally:
                await client.close()

    for variant in (CURRENT, BASELINE):  # in a thread: Playwright's loop runs in this one
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, measure_server(variant, servers[variant])).result()


def pan_zoom_phase(plan: Plan, servers: dict[str, Server], browsing: Browsing, res: Results) -> None:
    runs = res.metric("runs_panzoom", "map drag + wheel zoom: script runs", "runs", target=0, op="==")
    ws = res.metric("ws_panzoom", "  drag + zoom: ws bytes", "KB", target=0, op="==", target_source="notes M7")
    cpu = res.metric("cpu_panzoom", "  drag + zoom: server CPU", "ms", target_source="info")
    tabs = {variant: load(browsing, servers[variant], f"/mappa?{INTERACTIVE}")[0] for variant in (CURRENT, BASELINE)}
    try:
        for _ in range(plan.samples):
            for variant, tab in tabs.items():
                n, b, c = pan_zoom(tab)
                runs.add(variant, n)
                ws.add(variant, b / 1024)
                cpu.add(variant, c)
    finally:
        for tab in tabs.values():
            tab.close()


def sessions_phase(plan: Plan, servers: dict[str, Server], browsing: Browsing, res: Results) -> None:
    """RSS with N map-page sessions open at once (cumulative), and the growth per extra session."""
    growth = res.metric("rss_per_session", "RSS growth per extra session", "MB", target=5)
    time.sleep(SESSION_TTL_S + 1)  # earlier sessions are gone (disconnectedSessionTTL)
    for variant in (CURRENT, BASELINE):
        server = servers[variant]
        tabs: list[Tab] = []
        rss: dict[int, float] = {}
        try:
            for n in plan.sessions:
                new = [browsing.open(server) for _ in range(n - len(tabs))]
                started = time.monotonic()
                for tab in new:
                    tab.page.goto("/mappa", wait_until="commit")
                for tab in new:  # the server's work is done when the run is: no need to wait for Leaflet
                    wait_for_app_ready(tab.page, timeout=120_000)
                wall = (time.monotonic() - started) * 1000
                tabs += new
                time.sleep(1.0)
                rss[n] = server.rss_mb()
                res.metric(f"rss_{n}", f"server RSS, {n} sessions open", "MB",
                           **({"target": 400} if n == max(plan.sessions) else {"target_source": "info"})
                           ).add(variant, rss[n])
                res.metric(f"all_ready_{n}", f"  {n} new sessions: all ready (wall)", "ms",
                           target_source="info").add(variant, wall)
        finally:
            for tab in tabs:
                tab.close()
        lo, hi = min(rss), max(rss)
        if hi > lo:
            growth.add(variant, (rss[hi] - rss[lo]) / (hi - lo))
    growth.notes.append(f"(RSS[{max(plan.sessions)}] - RSS[{min(plan.sessions)}]) / extra sessions; one value "
                        "per variant (so median = min = max)")


def payload_phase(res: Results) -> None:
    """The st_folium script length per map page, via AppTest (json_args['script']), no browser needed."""
    out = subprocess.run([sys.executable, "-m", "scripts.bench", "--probe-payload"], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PSM_PERF_BASELINE": "0", "PSM_BENCH_LOG": ""})
    if out.returncode != 0:
        res.info["payload_error"] = out.stderr[-2000:]
        print(f"[bench] payload probe failed:\n{out.stderr[-2000:]}", file=sys.stderr)
        return
    sizes: dict[str, list[int]] = json.loads(out.stdout.strip().splitlines()[-1])
    res.info["map_script_chars_by_page"] = sizes
    for page, lengths in sizes.items():
        for i, n in enumerate(lengths):
            res.metric(f"payload_{page}_{i}", f"map payload (st_folium script) {page}", "KB", target=100,
                       ).add(CURRENT, n / 1024)


def probe_payload() -> None:
    """Child process: run every page with AppTest and print {page: [script length of each map]} as JSON."""
    from streamlit.testing.v1 import AppTest

    from components.navigation import PAGES

    sizes: dict[str, list[int]] = {}
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120).run()
    for info in PAGES:
        at.query_params["interactive"] = "1"  # the map pages' Leaflet map (the default map sends no script)
        at.switch_page(info.file).run()
        lengths = []
        for element in at.get("component_instance"):
            args = json.loads(element.proto.json_args)
            if "script" in args:
                lengths.append(len(args["script"]))
        if lengths:
            sizes[info.url_path] = lengths
    print(json.dumps(sizes))


