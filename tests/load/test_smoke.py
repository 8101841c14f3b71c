"""A five-phone load run with the load test's own client and scenario: every answer stored exactly once.

The same code path as `make loadtest` (scripts/loadtest/), scaled down, so the websocket client cannot rot when
Streamlit changes its protocol. Asserts correctness only, never timings (benchmarks measure; tests check).
"""

from __future__ import annotations

import pytest

from scripts.loadtest.runner import run_config
from scripts.loadtest.scenarios import Config, Scenario
from scripts.loadtest.target import make_target
from scripts.pgserver import find_bin_dir

SMOKE = Scenario(participants=5, explorers=1, arrival_s=1.0, agenda=2, read_s=(0.1, 0.3), think_s=(0.1, 0.3),
                 tap_gap_s=(0.05, 0.1), burst_window_s=1.0, explorer_think_s=(0.5, 1.0), star_rate=0.5,
                 comment_rate=0.5, client_timeout_s=60.0, agenda_deadline_s=60.0,
                 settle_s=3.0)  # longer than the projector's run_every (2 s): it refreshes at least once


@pytest.mark.parametrize("config", [Config("sqlite", 1), Config("postgres", 2)], ids=["sqlite", "postgres-2"])
def test_five_phones_every_answer_stored_exactly_once(config: Config) -> None:
    if config.name == "postgres" and find_bin_dir() is None:
        pytest.skip("PostgreSQL server not installed (apt-get install -y postgresql)")
    target = make_target()
    try:
        result = run_config(config, SMOKE, target, warm=False)
    finally:
        target.close()
    db = result["db"]
    phones_times_needs = SMOKE.participants * (SMOKE.agenda + 1)
    assert result["participants_connected"] == SMOKE.participants
    assert result["errors"] == 0, result["error_samples"]
    assert not result["error_samples"]  # e.g. a need a phone could not find on its page
    # Every tap was stored once; a tap whose confirmation the client did not see in time (a slow machine) must be
    # in the database all the same: nothing lost, nothing twice.
    assert db["answers_confirmed"] + db["unconfirmed_but_stored"] == phones_times_needs
    assert db["rows_in_db"] == phones_times_needs
    assert (db["lost"], db["duplicated"], db["altered"], db["unexpected"]) == (0, 0, 0, 0)
    assert db["comments_confirmed"] >= 1
    assert (db["comments_lost"], db["comments_duplicated"]) == (0, 0)
    assert result["presenter_refresh_s"]["n"] >= 1  # the presenter's run_every fragment ran by itself
    assert result["explorer_load_s"]["n"] == SMOKE.explorers
