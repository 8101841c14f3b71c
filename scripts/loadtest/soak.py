"""`make soak` (issue 18): 50 phones and 10 explorers at a steady pace for 20 minutes on one server (SQLite, the
regression set-up), RSS over time, errors, p95 per window. ``SOAK_MINUTES=2 make soak`` for a short run.

The phones do what a long event does: change an answer now and then (each change is a stored tap), and every
few minutes one reloads its page (a new Streamlit session: the old one must be freed). Explorers change strategy
and page, and reload too. The projector refreshes by itself throughout. What would leak shows as RSS growth.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from psm_data.events.vocabulary import ANSWERS
from scripts.loadtest.monitor import monitoring
from scripts.loadtest.report import check_database, dist, fmt, pct
from scripts.loadtest.runner import run_coroutine
from scripts.loadtest.scenarios import Config, Run, Scenario, presenter
from scripts.loadtest.servers import app_servers, database, warm_up
from scripts.loadtest.target import REPO_ROOT, RESULTS_DIR, Target, agenda_needs, make_target
from scripts.stclient import StreamlitClient

TARGET_RSS_GROWTH = 0.10


@dataclass
class Soak:
    minutes: float = 20.0
    phones: int = 50
    explorers: int = 10
    needs: int = 8
    tap_every_s: tuple[float, float] = (20.0, 40.0)  # each phone: one answer changed per ~30 s
    reload_every: int = 8  # a phone reloads its page after this many taps (a new session)
    explorer_think_s: tuple[float, float] = (8.0, 20.0)
    seed: int = 20261206

    @property
    def window_s(self) -> float:
        """5-minute windows, or four windows in a short run."""
        return 300.0 if self.minutes >= 20 else self.minutes * 60 / 4

    @property
    def warm_up_s(self) -> float:
        """RSS growth is measured after the first window (imports, caches, the sessions' first pages)."""
        return self.window_s


async def _phone(run: Run, soak: Soak, i: int, end: float) -> None:
    rng = random.Random(soak.seed * 100 + i)  # noqa: S311 - simulation
    await asyncio.sleep(rng.uniform(0, 30))
    cookies: dict[str, str] = {}
    taps = 0
    while time.time() < end:
        c = StreamlitClient(run.servers[0], run.target.participant_page, f"evento={run.code}", name=f"p{i}",
                            timeout=120, cookies=cookies)
        try:
            load = await c.connect()
            run.record("p_load", load, 0)
            cookies = dict(c.cookies)  # the same phone (device cookie) after a reload
            token = c.cookies.get("psm_device", "")
            for _ in range(soak.reload_every):
                await asyncio.sleep(rng.uniform(*soak.tap_every_s))
                if time.time() >= end:
                    break
                need = run.agenda[taps % len(run.agenda)]
                taps += 1
                key = f"ans_{need}"
                if not c.has(key):
                    run.errors.append(f"p{i}: {key} not on the page")
                    continue
                answer = rng.choice(ANSWERS)
                result = await c.choose(key, index=ANSWERS.index(answer))
                run.record("soak_stored", result, 0)
                if result.ok:
                    run.expected[(token, need)] = (answer, run.expected.get((token, need), ("", False))[1])
                    run.uncertain.pop((token, need), None)
                else:
                    run.uncertain[(token, need)] = (answer, False)
        except Exception as exc:  # noqa: BLE001 - counted as an error, the phone carries on
            run.errors.append(f"p{i}: {exc!r}"[:200])
            run.records_failed += 1
            await asyncio.sleep(5)
        finally:
            await c.close()


async def _explorer(run: Run, soak: Soak, j: int, end: float) -> None:
    rng = random.Random(soak.seed * 7000 + j)  # noqa: S311 - simulation
    await asyncio.sleep(rng.uniform(0, 30))
    while time.time() < end:
        c = StreamlitClient(run.servers[0], "mappa", name=f"e{j}", timeout=120)
        try:
            run.record("e_load", await c.connect(), 0)
            for step in range(6):
                await asyncio.sleep(rng.uniform(*soak.explorer_think_s))
                if time.time() >= end:
                    break
                if step % 3 == 2:
                    run.record("e_page", await c.switch_page("copertura" if step == 2 else "mappa"), 0)
                elif (node := c.find("strategy")) is not None:
                    run.record("e_strategy", await c.choose("strategy", index=rng.randrange(1, len(
                        node.value.options))), 0)
        except Exception as exc:  # noqa: BLE001
            run.errors.append(f"e{j}: {exc!r}"[:200])
            run.records_failed += 1
            await asyncio.sleep(5)
        finally:
            await c.close()


async def _main(run: Run, soak: Soak) -> list[Any]:
    run.phases["start"] = time.time()
    end = run.phases["start"] + soak.minutes * 60
    run.burst_open.set()  # no burst in a soak: the projector steps to the last need's slide and stays there
    pres = asyncio.create_task(presenter(run))
    await asyncio.gather(*(_phone(run, soak, i, end) for i in range(soak.phones)),
                         *(_explorer(run, soak, j, end) for j in range(soak.explorers)))
    run.phases["end"] = time.time()
    run.finished.set()
    return await pres


def summarise_soak(run: Run, soak: Soak, mon: dict[str, Any], presenter_runs: list[Any]) -> dict[str, Any]:
    t0 = run.phases["start"]
    windows: list[dict[str, Any]] = []
    n_windows = max(1, round(soak.minutes * 60 / soak.window_s))
    for k in range(n_windows):
        lo, hi = t0 + k * soak.window_s, t0 + (k + 1) * soak.window_s

        def lat(kinds: tuple[str, ...], lo: float = lo, hi: float = hi) -> list[float]:
            return [r.latency for r in run.records if r.kind in kinds and lo <= r.t < hi and r.latency is not None
                    and r.ok]

        health = [v for s in mon.get("health", {}).values() for t, v in s if lo <= t < hi and v is not None]
        windows.append({"from_min": round(k * soak.window_s / 60, 1), "tap_p95_s": pct(lat(("soak_stored",)), 95),
                        "taps": len(lat(("soak_stored",))), "page_p95_s": pct(lat(("p_load",)), 95),
                        "explorer_p95_s": pct(lat(("e_strategy", "e_page", "e_load")), 95),
                        "presenter_p95_s": pct([r.latency for r in presenter_runs if r.latency is not None and
                                                r.ok and lo <= time.time() - (time.perf_counter() - r.sent_at) < hi],
                                               95),
                        "health_p95_s": pct(health, 95)})
    usage = mon.get("usage", {}).get("server0", [])
    per_minute = []
    for minute in range(int(soak.minutes) + 1):
        near = [rss for t, _, rss in usage if minute * 60 <= t - t0 < minute * 60 + 60]
        if near:
            per_minute.append((minute, round(max(near) / 1e6)))
    after_warm = [rss for t, _, rss in usage if soak.warm_up_s <= t - t0 < soak.warm_up_s + 60]
    last = [rss for t, _, rss in usage if t - t0 >= soak.minutes * 60 - 60]
    growth = (max(last) - max(after_warm)) / max(after_warm) if after_warm and last else None
    health_failed = sum(1 for s in mon.get("health", {}).values() for _, v in s if v is None)
    not_ok = sum(1 for r in run.records if not r.ok)
    return {"minutes": soak.minutes, "phones": soak.phones, "explorers": soak.explorers,
            "window_s": soak.window_s, "warm_up_s": soak.warm_up_s, "windows": windows,
            "rss_mb_per_minute": per_minute, "rss_growth_after_warm_up": growth,
            "errors": not_ok + run.records_failed + health_failed, "runs_not_ok": not_ok,
            "exceptions": run.records_failed, "health_failed": health_failed, "error_samples": run.errors[:20],
            "taps": dist([r.latency for r in run.records if r.kind == "soak_stored" and r.latency is not None]),
            "sessions_opened": sum(1 for r in run.records if r.kind in ("p_load", "e_load")),
            "db": check_database(run)}


def soak_table(r: dict[str, Any]) -> str:
    g = r["rss_growth_after_warm_up"]
    out = [f"Soak: {r['phones']} phones + {r['explorers']} explorers + the projector, {r['minutes']:g} min, one server "
           f"(SQLite); {r['sessions_opened']} sessions opened, {r['taps']['n']} answer taps",
           f"  errors {r['errors']} (runs not ok {r['runs_not_ok']}, exceptions {r['exceptions']}, health failed "
           f"{r['health_failed']}) · lost {r['db']['lost']} / duplicated {r['db']['duplicated']} "
           f"(target 0)",
           f"  RSS growth after warm-up ({r['warm_up_s'] / 60:g} min): "
           f"{'—' if g is None else f'{g * 100:+.1f} %'} (target ≤ +{TARGET_RSS_GROWTH * 100:g} %)",
           "  RSS per minute (MB): " + ", ".join(f"{m}:{mb}" for m, mb in r["rss_mb_per_minute"]),
           f"  {'window (min)':14}{'taps':>6}{'tap p95':>10}{'page p95':>10}{'explorer p95':>14}"
           f"{'projector p95':>15}{'health p95':>12}"]
    for w in r["windows"]:
        out.append(f"  {w['from_min']:<14g}{w['taps']:>6}{fmt(w['tap_p95_s']):>10}{fmt(w['page_p95_s']):>10}"
                   f"{fmt(w['explorer_p95_s']):>14}{fmt(w['presenter_p95_s']):>15}{fmt(w['health_p95_s']):>12}")
    return "\n".join(out)


def run_soak(target: Target, soak: Soak) -> dict[str, Any]:
    config = Config("soak", 1, db="sqlite")
    needs = agenda_needs(soak.needs + 1)
    with tempfile.TemporaryDirectory(prefix="psm-soak-") as tmpname:
        tmp = Path(tmpname)
        with database(config, tmp) as (db_url, _), app_servers(config, target, db_url, tmp) as procs:
            code = target.prepare(db_url, needs, open_needs=needs[:-1])
            base, proc = procs[0]
            run_coroutine(warm_up([base], target, code))
            run = Run(Scenario(participants=soak.phones, explorers=soak.explorers), [base], target, db_url, code,
                      needs)
            load_before = os.getloadavg()
            with monitoring([base], {"server0": proc.pid}) as mon:
                presenter_runs = run_coroutine(_main(run, soak))
            r = summarise_soak(run, soak, mon, presenter_runs)
            r["loadavg_before_after"] = [load_before, os.getloadavg()]
            return r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="make soak: a steady event for SOAK_MINUTES (default 20)")
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("SOAK_MINUTES") or 20))
    parser.add_argument("--phones", type=int, default=Soak.phones)
    parser.add_argument("--explorers", type=int, default=Soak.explorers)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    soak = Soak(minutes=args.minutes, phones=args.phones, explorers=args.explorers)
    print(f"[soak] {soak.phones} phones, {soak.explorers} explorers, {soak.minutes:g} min …", flush=True)
    target = make_target()
    try:
        r = run_soak(target, soak)
    finally:
        target.close()
    report = soak_table(r)
    print()
    print(report)
    if r["error_samples"]:
        print("\nfirst errors:\n  " + "\n  ".join(r["error_samples"][:10]))
    if not args.no_write:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = RESULTS_DIR / f"soak-{stamp}.json"
        path.write_text(json.dumps({"when": stamp, "soak": r, "table": report}, indent=1, default=str))
        print(f"\nresults: {path.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
