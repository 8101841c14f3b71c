"""Who took part per zone, and agreement with every zone weighing the same, on hand-made frames."""

from __future__ import annotations

import math

import pandas as pd

from psm_data.events.turnout import balanced_agreement, by_role_and_origin, per_day, per_zone, undeclared


def answers(rows: list[tuple[str, str, str | None]]) -> pd.DataFrame:
    return pd.DataFrame([{"need_id": n, "answer": a, "zone_id": z, "star": False} for n, a, z in rows])


def test_one_loud_zone_carries_the_answered_agreement_but_not_the_balanced_one() -> None:
    # Zone 1: 8 agree. Zone 2: 5 disagree. Zone 3: 2 agree (under the minimum: left out and named). 1 undeclared.
    frame = answers([("N1.1", "agree", "1")] * 8 + [("N1.1", "disagree", "2")] * 5
                    + [("N1.1", "agree", "3")] * 2 + [("N1.1", "partly", None)])
    row = balanced_agreement(frame, ["N1.1", "N2.1"], min_zone_voters=5).set_index("need_id")
    # As answered: (10 + 0.5) / 16; balanced: mean(1.0, 0.0) over zones 1 and 2.
    assert row.loc["N1.1", "agreement"] == round(10.5 / 16, 4)
    assert row.loc["N1.1", "agreement_zone_balanced"] == 0.5
    assert (row.loc["N1.1", "zones_used"], row.loc["N1.1", "zones_left_out"]) == ("1;2", "3")
    assert row.loc["N1.1", "voters"] == 16
    # A need nobody answered is listed, with no figure.
    assert row.loc["N2.1", "voters"] == 0
    assert math.isnan(row.loc["N2.1", "agreement_zone_balanced"])


def test_unclear_answers_count_as_voters_but_not_as_opinions() -> None:
    frame = answers([("N1.1", "agree", "10")] * 3 + [("N1.1", "unclear", "10")] * 3)
    row = balanced_agreement(frame, min_zone_voters=5).iloc[0]
    assert (row["voters"], row["agreement"], row["agreement_zone_balanced"], row["zones_used"]) == (6, 1.0, 1.0, "10")


def test_participants_per_zone_flag_the_unheard_and_compare_shares() -> None:
    people = pd.DataFrame({"zone_id": ["1", "1", "1", "2", None, ""], "origin": ["web"] * 3 + ["online", "paper",
                           "web"], "role": ["cittadino", "comune", None, "cittadino", None, "ente"],
                           "joined_at": pd.to_datetime(["2026-12-01 10:00", "2026-12-01 11:00", "2026-12-02 09:00",
                                                        "2026-12-02 20:00", "2026-12-02 21:00",
                                                        "2026-12-03 08:00"])})
    population = pd.Series({"1": 30_000, "2": 10_000, "3": 60_000})
    table = per_zone(people, population).set_index("zone_id")
    assert table["participants"].to_dict() == {"1": 3, "2": 1, "3": 0}
    assert table.loc["1", "per_10k"] == 1.0
    assert table.loc["2", "per_10k"] == 1.0
    assert table["unheard"].to_dict() == {"1": False, "2": False, "3": True}
    assert table.loc["1", "participants_share"] == 0.75
    assert table.loc["3", "population_share"] == 0.6
    assert undeclared(people) == 2
    days = per_day(people).set_index("day")
    assert days.loc["2026-12-02", ["web", "paper", "online"]].tolist() == [1, 1, 1]
    roles = by_role_and_origin(people).set_index("role")
    assert roles.loc["cittadino", ["web", "online"]].tolist() == [1, 1]
    assert roles.loc["", "paper"] == 1
