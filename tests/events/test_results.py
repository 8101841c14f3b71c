"""Results on hand-made answer frames, each figure worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from psm_data.events.results import (
    convergent_needs,
    label,
    need_summary,
    ranked,
    results_table,
    zone_consensus,
    zone_summary,
)


def answers(*rows: tuple[str, str, str | None, bool, str | None]) -> pd.DataFrame:
    """(need, device, answer, star, zone) rows as EventStore.answers_frame gives them."""
    return pd.DataFrame([{"code": "E", "need_id": n, "device_hash": d, "answer": a, "star": s, "zone_id": z,
                          "role": None, "origin": "web"} for n, d, a, s, z in rows])


FRAME = answers(
    ("N1.1", "a", "agree", True, "5"), ("N1.1", "b", "agree", False, "5"), ("N1.1", "c", "partly", False, "7"),
    ("N1.1", "d", "disagree", False, "7"), ("N1.1", "e", "unclear", False, None),
    ("N1.2", "a", None, True, "5"),  # a star without an answer: not a vote
)


def test_need_summary_counts_agreement_and_stars() -> None:
    summary = need_summary(FRAME, ["N1.1", "N1.2", "N3.3"], min_voters=1).set_index("need_id")
    row = summary.loc["N1.1"]
    assert (row.n_agree, row.n_partly, row.n_disagree, row.n_unclear, row.voters, row.stars) == (2, 1, 1, 1, 5, 1)
    assert row.agreement == pytest.approx((2 + 0.5) / 4)  # Non chiaro is not an opinion
    assert summary.loc["N1.2", "voters"] == 0
    assert summary.loc["N1.2", "stars"] == 1
    assert summary.loc["N3.3", "voters"] == 0
    assert math.isnan(summary.loc["N3.3", "agreement"])
    assert summary.loc["N3.3", "label"] == "pochi_voti"


def test_labels_need_enough_voters() -> None:
    assert label(11, 0, 0.9) == "pochi_voti"
    assert label(12, 0, 0.9) == "consenso"
    assert label(12, 3, 0.9) == "da_riformulare"
    assert label(20, 0, 0.5) == "divisiva"
    assert label(20, 0, 0.2) == "orientata"
    assert label(20, 0, 0.69) == "orientata"


def test_zone_summary_splits_by_declared_zone() -> None:
    by_zone = zone_summary(FRAME, min_voters=1).set_index(["need_id", "zone_id"])
    assert by_zone.loc[("N1.1", "5"), "n_agree"] == 2
    assert by_zone.loc[("N1.1", "7"), "agreement"] == pytest.approx(0.25)
    assert by_zone.loc[("N1.1", ""), "n_unclear"] == 1  # no declared zone


def test_zone_consensus_is_the_product_over_zones() -> None:
    consensus = zone_consensus(FRAME).set_index("need_id")
    # zone 5: (2+1)/(2+2) = 0.75; zone 7: (0+1)/(2+2) = 0.25; undeclared zone left out
    assert consensus.loc["N1.1", "zone_consensus"] == pytest.approx(0.75 * 0.25)
    assert consensus.loc["N1.1", "n_zones"] == 2


def test_ranked_lists_for_the_closing_slide() -> None:
    many = answers(*[("N1.1", f"d{i}", "agree", False, str(i % 3 + 1)) for i in range(12)],
                   *[("N1.2", f"d{i}", "agree" if i % 2 else "disagree", False, "1") for i in range(12)],
                   *[("N1.3", f"d{i}", "unclear" if i < 3 else "agree", False, None) for i in range(12)])
    table = results_table(many)
    assert list(ranked(table, "consensus")["need_id"]) == ["N1.1"]
    assert list(ranked(table, "divisive")["need_id"]) == ["N1.2"]
    assert list(ranked(table, "unclear")["need_id"]) == ["N1.3"]
    assert list(ranked(table, "zones")["need_id"]) == ["N1.1"]


def test_convergent_needs_are_validated_starred_and_uncovered() -> None:
    frame = answers(("N4.1", "a", "agree", True, "5"), ("N4.1", "b", "agree", True, "7"),
                    ("N1.1", "c", "agree", True, "5"), ("N4.2", "d", "agree", True, "5"))
    outcomes = pd.DataFrame({"need_id": ["N4.1", "N1.1", "N4.2"], "outcome": ["validata", "validata", "respinta"]})
    needs = pd.DataFrame({"need_id": ["N1.1", "N4.1", "N4.2"], "axis_id": ["1", "4", "4"],
                          "title": ["uno", "quattro", "quattro bis"]})
    counts = pd.DataFrame({"1": [2, 0], "4": [0, 1]}, index=["5", "7"])  # zone 5 has no axis-4 project
    out = convergent_needs(frame, outcomes, needs, counts)
    assert list(zip(out["zone_id"], out["need_id"], strict=True)) == [("5", "N4.1")]
    assert out.iloc[0]["stars"] == 1
    assert convergent_needs(frame, outcomes, needs, counts, zone_ids=["7"]).empty
