"""Summaries and tables: percentiles, the database check (nothing lost or twice), the printed tables."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from scripts.loadtest.scenarios import Record, Run
from scripts.stclient import RunResult

# ----------------------------------------------------------------------------------------------------------------
# Summary


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    vs = sorted(values)
    k = max(0, min(len(vs) - 1, math.ceil(q / 100 * len(vs)) - 1))
    return vs[k]


def dist(values: list[float]) -> dict[str, float | int | None]:
    return {"n": len(values), "p50": pct(values, 50), "p95": pct(values, 95), "max": max(values) if values else None}


def check_database(run: Run) -> dict[str, Any]:
    """Every answer a phone saw stored is in the database once, with the value the phone last gave."""
    rows, comment_rows = run.target.stored(run.db_url, run.code)
    per_key = Counter((dev, need) for dev, need, _, _ in rows)
    stored = {(dev, need): (ans, bool(star)) for dev, need, ans, star in rows}
    tokens = {t for t, _ in [*run.expected, *run.uncertain, *run.comments]}
    salted = {tok: run.target.device_key(run.db_url, run.code, tok) for tok in tokens}
    expected = {(salted[t], n): v for (t, n), v in run.expected.items()}
    uncertain = {(salted[t], n): v for (t, n), v in run.uncertain.items()}
    lost = [k for k in expected if k not in stored]
    wrong = [k for k, v in expected.items() if k in stored and stored[k] != v]
    duplicated = [k for k, n in per_key.items() if n > 1]
    unexpected = [k for k in stored if k not in expected and k not in uncertain]
    comments = Counter(comment_rows)
    wanted_comments = {(salted[t], n) for t, n in run.comments}
    return {"answers_confirmed": len(expected), "rows_in_db": len(rows), "lost": len(lost),
            "duplicated": len(duplicated), "altered": len(wrong), "unexpected": len(unexpected),
            "unconfirmed_saves": len(uncertain), "unconfirmed_but_stored": sum(k in stored for k in uncertain),
            "comments_confirmed": len(wanted_comments),
            "comments_lost": sum(1 for k in wanted_comments if k not in comments),
            "comments_duplicated": sum(1 for n in comments.values() if n > 1)}


ARRIVAL_STEP_S = 5.0  # the arrival timeline's step: a hall fills in 30 s


def cpu_rate(samples: list[tuple[float, ...]], t0: float, t1: float, k: int = 1) -> float | None:
    """% of one core between the first and last samples inside [t0, t1] of cumulative CPU seconds (field k)."""
    inside = [s for s in samples if t0 <= s[0] <= t1]
    if len(inside) < 2 or inside[-1][0] <= inside[0][0]:
        return None
    return (inside[-1][k] - inside[0][k]) / (inside[-1][0] - inside[0][0]) * 100


def window_cpu(mon: dict[str, Any], t0: float, t1: float) -> dict[str, float | None]:
    """CPU in a window, % of one core: each watched tree (app processes summed, nginx, PostgreSQL) and the whole
    machine (busy, and niced: other people's work), so one can see whether the two cores were full."""
    usage = mon.get("usage", {})
    apps = [a for name, s in usage.items() if name.startswith("server") and (a := cpu_rate(s, t0, t1)) is not None]
    machine = mon.get("machine", [])
    return {"app_processes": sum(apps) if apps else None,
            "nginx": cpu_rate(usage["nginx"], t0, t1) if "nginx" in usage else None,
            "postgres": cpu_rate(usage["postgres"], t0, t1) if "postgres" in usage else None,
            "machine_busy": cpu_rate(machine, t0, t1), "machine_niced": cpu_rate(machine, t0, t1, k=2)}


def summarise(run: Run, presenter_runs: list[RunResult], mon: dict[str, Any], pids: dict[str, int],
              client_cpu_s: float, wall_s: float) -> dict[str, Any]:
    by_kind: dict[str, list[Record]] = defaultdict(list)
    for r in run.records:
        by_kind[r.kind].append(r)

    def lat(*kinds: str, ok_only: bool = True) -> list[float]:
        return [r.latency for k in kinds for r in by_kind[k] if r.latency is not None and (r.ok or not ok_only)]

    burst_from = run.phases.get("burst_open", math.inf)
    burst_to = run.phases.get("burst_done", math.inf)
    health_all: list[float] = []
    health_burst: list[float] = []
    health_failed = 0
    health_arrival: list[float] = []
    arrival_to = run.phases.get("arrivals_end", 0)
    for samples in mon.get("health", {}).values():
        for t, v in samples:
            if v is None:
                health_failed += 1
                continue
            health_all.append(v)
            if t <= arrival_to:
                health_arrival.append(v)
            if burst_from <= t <= burst_to:
                health_burst.append(v)
    usage: dict[str, Any] = {}
    for name, samples in mon.get("usage", {}).items():
        if len(samples) < 2:
            continue
        (t0, c0, _), (t1, c1, _) = samples[0], samples[-1]
        peak = max(((b[1] - a[1]) / (b[0] - a[0]) * 100 for a, b in zip(samples, samples[2:], strict=False)
                    if b[0] > a[0]), default=None)
        usage[name] = {"cpu_mean_pct": (c1 - c0) / (t1 - t0) * 100,
                       "cpu_burst_pct": cpu_rate(samples, burst_from, burst_to),
                       "cpu_peak_1s_pct": peak, "rss_start_mb": samples[0][2] / 1e6,
                       "rss_max_mb": max(s[2] for s in samples) / 1e6}
    memory_mb = sum(u["rss_max_mb"] for u in usage.values())  # sum of each tree's peak: an upper bound
    start = run.phases.get("start", 0)
    windows = {"arrival": (start, arrival_to), "burst": (burst_from, burst_to)}
    cpu_windows = {w: window_cpu(mon, a, b) for w, (a, b) in windows.items()}
    # the same measure for each step of the arrival: where in it the cores fill (the hall's arrival timeline)
    steps = [start + k * ARRIVAL_STEP_S for k in range(math.ceil(max(arrival_to - start, 0) / ARRIVAL_STEP_S))]
    cpu_arrival_steps = [(round(a - start, 1), window_cpu(mon, a, a + ARRIVAL_STEP_S)) for a in steps]
    errors_by_kind = {k: sum(1 for r in rs if not r.ok) for k, rs in by_kind.items() if any(not r.ok for r in rs)}
    pres_lat = [r.latency for r in presenter_runs if r.latency is not None and r.ok]
    summary = {
        "participants": run.s.participants, "participants_connected": run.participants_connected,
        "explorers": run.s.explorers, "servers": len(run.servers),
        "phases_s": {k: round(v - run.phases["start"], 1) for k, v in run.phases.items()},
        "wall_s": wall_s,
        "p_load_s": dist(lat("p_load")),
        "profile_s": dist(lat("p_profile")),
        "star_s": dist(lat("agenda_star", "burst_star")),
        "comment_s": dist(lat("agenda_comment", "burst_comment")),
        "tap_stored_agenda_s": dist(lat("agenda_stored")),
        "tap_stored_burst_s": dist(lat("burst_stored")),
        "tap_stored_burst_disrupted_s": dist(lat("burst_disrupted_stored")),
        "phones_disrupted": len(run.disrupted), "resends_after_reconnect": run.retries,
        "link": None if run.link_stats is None else {
            "connections": run.link_stats.connections, "refused": run.link_stats.refused,
            "chunks": run.link_stats.chunks, "stalls": run.link_stats.stalls,
            "cut_connections": run.link_stats.cut_connections,
            "delay_s": dist(run.link_stats.delays), "late_s": dist(run.link_stats.late)},
        "burst_refresh_s": dist(lat("burst_refresh")),
        "burst_save_bytes_p50": pct([float(r.bytes) for r in by_kind["burst_stored"]], 50),
        "burst_refresh_bytes_p50": pct([float(r.bytes) for r in by_kind["burst_refresh"]], 50),
        "presenter_refresh_s": dist(pres_lat),
        "presenter_refresh_failed": sum(1 for r in presenter_runs if not r.ok),
        "health_s": dist(health_all), "health_burst_s": dist(health_burst), "health_arrival_s": dist(health_arrival),
        "health_failed": health_failed,
        "explorer_load_s": dist(lat("e_load")),
        "explorer_run_s": dist(lat("e_strategy", "e_page")),
        "explorer_strategy_s": dist(lat("e_strategy")),
        "explorer_page_s": dist(lat("e_page")),
        "explorer_strategy_bytes_p50": pct([float(r.bytes) for r in by_kind["e_strategy"]], 50),
        "usage": usage, "memory_total_max_mb": memory_mb, "cpu_windows": cpu_windows,
        "cpu_arrival_steps": cpu_arrival_steps,
        "client_cpu_pct": client_cpu_s / wall_s * 100 if wall_s else None,
        "errors": sum(1 for r in run.records if not r.ok) + len([e for e in run.errors if "crashed" in e]),
        "errors_by_kind": errors_by_kind, "error_samples": run.errors[:20],
        "db": check_database(run),
    }
    return summary



def fmt(v: Any, unit: str = "s") -> str:
    if v is None:
        return "—"
    if unit == "s":
        return f"{v:.2f} s" if v >= 1 else f"{v * 1000:.0f} ms"
    if unit == "%":
        return f"{v:.0f} %"
    if unit == "MB":
        return f"{v:.0f} MB"
    if unit == "KB":
        return f"{v / 1000:.1f} KB"
    return str(v)


def table(results: list[dict[str, Any]], target_label: str) -> str:
    def d(key: str, stat: str) -> Callable[[dict[str, Any]], Any]:
        return lambda r: r[key][stat]

    def usage(stat: str, unit: str) -> Callable[[dict[str, Any]], str]:
        def get(r: dict[str, Any]) -> str:
            vals = [f"{fmt(u[stat], unit)}" for name, u in sorted(r["usage"].items()) if name.startswith("server")]
            pg = r["usage"].get("postgres")
            return " + ".join(vals) + (f" (pg {fmt(pg[stat], unit)})" if pg else "")
        return get

    rows: list[tuple[str, Callable[[dict[str, Any]], Any], str, str]] = [
        ("participants connected", lambda r: f"{r['participants_connected']}/{r['participants']}", "", "all"),
        ("explorer sessions", lambda r: r["explorers"], "", ""),
        ("answers lost / duplicated / altered",
         lambda r: f"{r['db']['lost']} / {r['db']['duplicated']} / {r['db']['altered']}", "", "0 / 0 / 0"),
        ("answers confirmed = rows in DB",
         lambda r: f"{r['db']['answers_confirmed']} = {r['db']['rows_in_db']}", "", ""),
        ("unconfirmed saves (stored anyway)",
         lambda r: f"{r['db']['unconfirmed_saves']} ({r['db']['unconfirmed_but_stored']})", "", "0"),
        ("errors (runs not ok)", lambda r: r["errors"], "", "0"),
        ("participant page load p50 / p95", lambda r: f"{fmt(r['p_load_s']['p50'])} / {fmt(r['p_load_s']['p95'])}",
         "", ""),
        ("comments lost / duplicated (of confirmed)", lambda r: f"{r['db']['comments_lost']} / "
         f"{r['db']['comments_duplicated']} ({r['db']['comments_confirmed']})", "", "0 / 0"),
        ("profile form, ★, comment p95", lambda r: " / ".join(
            fmt(r[k]["p95"]) for k in ("profile_s", "star_s", "comment_s")), "", ""),
        ("agenda tap→stored p50 / p95 / max", lambda r: " / ".join(
            fmt(r["tap_stored_agenda_s"][k]) for k in ("p50", "p95", "max")), "", ""),
        ("BURST tap→stored p50 / p95 / max", lambda r: " / ".join(
            fmt(r["tap_stored_burst_s"][k]) for k in ("p50", "p95", "max")), "", "p95 ≤ 2 s (goal 1 s)"),
        ("burst 'Aggiorna' (the card's fragment) p50 / p95", lambda r: " / ".join(
            fmt(r["burst_refresh_s"][k]) for k in ("p50", "p95")), "", ""),
        ("presenter refresh p50 / p95 / max", lambda r: " / ".join(
            fmt(r["presenter_refresh_s"][k]) for k in ("p50", "p95", "max")), "", "≤ 3 s"),
        ("health p50 / p95 / max (whole run)", lambda r: " / ".join(
            fmt(r["health_s"][k]) for k in ("p50", "p95", "max")) + f" ({r['health_failed']} failed)", "", "≤ 1 s"),
        ("health p95 / max (burst)", lambda r: " / ".join(
            fmt(r["health_burst_s"][k]) for k in ("p95", "max")), "", "≤ 1 s"),
        ("server CPU mean (of 200 %)", usage("cpu_mean_pct", "%"), "", ""),
        ("server CPU in the burst", usage("cpu_burst_pct", "%"), "", ""),
        ("server RSS max", usage("rss_max_mb", "MB"), "", "≤ 1500 MB"),
        ("load generator CPU", lambda r: fmt(r["client_cpu_pct"], "%"), "", ""),
        ("explorer load p50 / p95", lambda r: f"{fmt(r['explorer_load_s']['p50'])} / "
                                                f"{fmt(r['explorer_load_s']['p95'])}", "", ""),
        ("EXPLORER run p50 / p95 (strategy, page)", lambda r: f"{fmt(r['explorer_run_s']['p50'])} / "
                                                               f"{fmt(r['explorer_run_s']['p95'])}", "", ""),
        ("explorer strategy change p95, ws bytes", lambda r: f"{fmt(r['explorer_strategy_s']['p95'])}, "
                                                              f"{fmt(r['explorer_strategy_bytes_p50'], 'KB')}",
         "", ""),
        ("ws bytes: burst tap, 'Aggiorna'", lambda r: f"{fmt(r['burst_save_bytes_p50'], 'KB')}, "
                                                  f"{fmt(r['burst_refresh_bytes_p50'], 'KB')}", "", ""),
        ("wall time", lambda r: fmt(r["wall_s"]), "", ""),
        ("machine load avg (1 min) before / after", lambda r: " / ".join(
            f"{x[0]:.1f}" for x in r["loadavg_before_after"]), "", "(2 cores; others' work)"),
    ]
    names = [f"{r['config']} ({r['servers']} server{'s' if r['servers'] > 1 else ''})" for r in results]
    width0 = max(len(r[0]) for r in rows) + 2
    cells = [[str(get(r)) for r in results] for _, get, _, _ in rows]
    widths = [max(len(names[i]), *(len(c[i]) for c in cells)) + 2 for i in range(len(results))]
    out = [f"Load test — {target_label}",
           "".ljust(width0) + "".join(n.ljust(w) for n, w in zip(names, widths, strict=True)) + "target"]
    for (label, _, _, target), row in zip(rows, cells, strict=True):
        out.append(label.ljust(width0) + "".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + target)
    return "\n".join(out)
