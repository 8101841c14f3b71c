"""Five phones in the hall's set-up: two app processes behind the repository's nginx recipe (deploy/nginx.conf),
PostgreSQL shared, the phones on bad Wi-Fi through the link emulator (scripts/loadtest/relay.py), one phone's
link cut and one frozen in the burst. The same code path as `make loadtest`'s hall and bad-Wi-Fi runs, scaled
down: every answer stored exactly once, the cut phone's included (it reconnects and sends it again).
Asserts correctness only, never timings."""

from __future__ import annotations

import pytest

from scripts.loadtest.hall import arrival_timeline
from scripts.loadtest.proxy import nginx_binary
from scripts.loadtest.runner import run_config
from scripts.loadtest.scenarios import Config, Scenario
from scripts.loadtest.target import make_target
from scripts.pgserver import find_bin_dir

SMOKE = Scenario(participants=5, explorers=1, arrival_s=1.0, agenda=1, read_s=(0.1, 0.3), think_s=(0.1, 0.3),
                 tap_gap_s=(0.05, 0.1), burst_window_s=2.0, explorer_think_s=(0.5, 1.0), star_rate=0.0,
                 comment_rate=0.0, client_timeout_s=60.0, agenda_deadline_s=60.0, settle_s=3.0,
                 own_addresses=True, disrupted_rate=0.4, disrupt_s=3.0, retry_until_s=60.0)


def test_five_phones_on_bad_wifi_behind_nginx_lose_nothing() -> None:
    if nginx_binary() is None:
        pytest.skip("nginx not installed (apt-get install -y nginx-light; make test installs it)")
    if find_bin_dir() is None:
        pytest.skip("PostgreSQL server not installed (apt-get install -y postgresql)")
    target = make_target()
    try:
        result = run_config(Config("badwifi", 2, db="postgres", proxy=True, bad_wifi=True), SMOKE, target,
                            warm=False)
    finally:
        target.close()
    db = result["db"]
    expected = SMOKE.participants * (SMOKE.agenda + 1)
    assert result["participants_connected"] == SMOKE.participants
    assert result["phones_disrupted"] == 2
    assert result["link"]["chunks"] > 0
    assert result["link"]["connections"] >= SMOKE.participants
    assert result["link"]["cut_connections"] >= 1  # the cut phone was connected: its sockets were closed
    assert db["answers_confirmed"] == expected, result["error_samples"]
    assert db["rows_in_db"] == expected
    assert (db["lost"], db["duplicated"], db["altered"], db["unexpected"]) == (0, 0, 0, 0)
    assert result["tap_stored_burst_s"]["n"] + result["tap_stored_burst_disrupted_s"]["n"] == SMOKE.participants
    assert result["presenter_refresh_s"]["n"] >= 1
    assert {"nginx", "server0", "server1", "postgres"} <= set(result["usage"])
    assert sum(kind == "p_load" for kind, _t, _latency in result["raw"]["loads"]) == SMOKE.participants
    assert "phones, the arrival per" in arrival_timeline(result)
