"""The hall's arrival timeline: where in the arrival the page loads queue, beside the CPU of the same seconds."""

from __future__ import annotations

from scripts.loadtest.hall import arrival_timeline, misses
from scripts.loadtest.report import window_cpu


def test_window_cpu_is_the_share_of_one_core_inside_the_window() -> None:
    """Cumulative CPU seconds sampled every 0.5 s: 0.25 s then 0.75 s of CPU, so 100 % of one core over the second;
    the sample outside the window is not counted."""
    app = [(100.0, 10.0, 0.0), (100.5, 10.25, 0.0), (101.0, 11.0, 0.0), (102.0, 20.0, 0.0)]  # (time, CPU s, rss)
    machine = [(100.0, 0.0, 0.0), (101.0, 1.9, 0.1)]  # (time, busy CPU s, niced CPU s)
    postgres = [(100.0, 5.0, 0.0), (101.0, 5.1, 0.0)]
    cpu = window_cpu({"usage": {"server0": app, "server1": app, "postgres": postgres}, "machine": machine},
                     100.0, 101.5)
    assert cpu["app_processes"] == 200.0  # both app processes, summed; PostgreSQL apart
    assert round(cpu["postgres"]) == 10
    assert cpu["nginx"] is None
    assert round(cpu["machine_busy"]) == 190
    assert round(cpu["machine_niced"]) == 10


def test_the_timeline_gives_loads_their_times_and_the_cpu_per_window() -> None:
    result = {
        "config": "hall", "participants": 4, "arrival_s": 10.0,
        "raw": {"loads": [("p_load", 1.0, 0.05), ("p_load", 2.0, 0.07), ("e_load", 3.0, 0.2), ("p_load", 6.0, 4.5)]},
        "cpu_arrival_steps": [(0.0, {"app_processes": 60.0, "machine_busy": 70.0}),
                              (5.0, {"app_processes": 185.0, "machine_busy": 198.0})],
    }
    lines = arrival_timeline(result).splitlines()
    assert lines[0].startswith("hall 4 phones")
    assert "   3 · 70 ms / 200 ms · 60 / 70 %" in lines[1]
    assert "   1 · 4.50 s / 4.50 s · 185 / 198 %" in lines[2]


def test_no_timeline_without_loads() -> None:
    assert arrival_timeline({"config": "hall", "participants": 0, "arrival_s": 30.0, "raw": {}}) == ""


def _run(burst: float, page: float, lost: int = 0) -> dict:
    return {"db": {"lost": lost, "duplicated": 0, "altered": 0}, "participants": 300, "participants_connected": 300,
            "tap_stored_burst_s": {"p95": burst}, "p_load_s": {"p95": page}, "health_s": {"p95": 0.1},
            "presenter_refresh_s": {"p95": 0.5}, "memory_total_max_mb": 1500.0}


def test_the_hall_is_judged_on_every_target_and_bad_wifi_on_answers_and_burst() -> None:
    assert misses(_run(burst=0.5, page=5.0)) == ["page"]
    assert misses(_run(burst=1.2, page=0.5)) == ["burst"]
    assert misses(_run(burst=1.2, page=5.0), bad_wifi=True) == []  # the bad-Wi-Fi targets: lost, burst
    assert misses(_run(burst=1.6, page=0.5, lost=1), bad_wifi=True) == ["lost", "burst"]
