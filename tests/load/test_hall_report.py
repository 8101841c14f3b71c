"""The hall's arrival timeline: where in the arrival the page loads queue, beside the CPU of the same seconds."""

from __future__ import annotations

from scripts.loadtest.hall import arrival_timeline, misses
from scripts.loadtest.runner import cpu_per_second


def test_cpu_per_second_is_the_share_of_one_core_between_samples() -> None:
    samples = [(100.0, 10.0, 0.0), (100.5, 10.25, 0.0), (101.0, 11.0, 0.0)]  # (time, cumulative CPU s, rss)
    assert cpu_per_second(samples, start=100.0) == [(0.5, 50), (1.0, 150)]


def test_the_timeline_gives_loads_their_times_and_the_cpu_per_window() -> None:
    result = {
        "config": "hall", "participants": 4, "arrival_s": 10.0,
        "raw": {
            "loads": [("p_load", 1.0, 0.05), ("p_load", 2.0, 0.07), ("e_load", 3.0, 0.2), ("p_load", 6.0, 4.5)],
            "cpu_pct_per_s": {"server0": [(1.0, 40), (6.0, 90)], "server1": [(1.0, 20), (6.0, 95)],
                              "postgres": [(1.0, 5), (6.0, 9)]},
            "machine_pct_per_s": [(1.0, 70), (6.0, 198)],
        },
    }
    lines = arrival_timeline(result).splitlines()
    assert lines[0].startswith("hall 4 phones")
    assert "   3 · 70 ms / 200 ms · 60 / 70 %" in lines[1]  # app processes only: PostgreSQL is not counted
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
