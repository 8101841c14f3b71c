"""The hall's arrival timeline: where in the arrival the page loads queue, beside the CPU of the same seconds."""

from __future__ import annotations

from scripts.loadtest.hall import arrival_timeline
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
