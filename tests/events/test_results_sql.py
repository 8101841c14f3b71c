"""Results from the answers counted in the database (GROUP BY) are the results the pandas code gave on every raw
answer: checked on SQLite and PostgreSQL, and on random hand-made frames against the previous implementation."""

from __future__ import annotations

import random
from datetime import timedelta

import numpy as np
import pandas as pd
import pytest

from psm_data.events.counts import CountsCache
from psm_data.events.results import (
    answer_counts,
    as_counts,
    convergent_needs,
    label,
    need_summary,
    results_table,
    summed,
    zone_consensus,
    zone_summary,
)
from psm_data.events.store import now
from psm_data.events.tables import answer_log, participants
from psm_data.events.vocabulary import ANSWERS, MIN_VOTERS

from .conftest import token

# ---------------------------------------------------------------- the previous implementation, on raw rows
# Kept verbatim (apart from names) as the oracle: the counted path must give exactly what it gave.


def _old_answer_counts(frame: pd.DataFrame, by=("need_id",)) -> pd.DataFrame:
    by = list(by)
    voted = frame[frame["answer"].notna()]
    counts = (voted.groupby([*by, "answer"]).size().unstack("answer", fill_value=0)
              .reindex(columns=list(ANSWERS), fill_value=0) if len(voted)
              else pd.DataFrame(columns=list(ANSWERS)))
    counts.columns = [f"n_{a}" for a in ANSWERS]
    stars = frame[frame["star"]].groupby(by).size().rename("stars") if len(frame) else pd.Series(name="stars")
    out = counts.join(stars, how="outer").fillna(0).astype("int64")
    if out.index.nlevels == len(by):
        out.index.names = by
    out["voters"] = out[[f"n_{a}" for a in ANSWERS]].sum(axis=1)
    return out


def _old_with_labels(counts: pd.DataFrame) -> pd.DataFrame:
    out = counts.reset_index()
    opinions = (out["n_agree"] + out["n_partly"] + out["n_disagree"]).astype(float)
    out["agreement"] = ((out["n_agree"] + 0.5 * out["n_partly"]) / opinions.replace(0, np.nan)).round(4)
    out["label"] = [label(v, u, s, min_voters=MIN_VOTERS)
                    for v, u, s in zip(out["voters"], out["n_unclear"], out["agreement"], strict=True)]
    return out


def _old_zone_summary(frame: pd.DataFrame) -> pd.DataFrame:
    shown = frame.assign(zone_id=frame["zone_id"].fillna("").astype(str))
    return _old_with_labels(_old_answer_counts(shown, by=("need_id", "zone_id")))


def _old_results_table(frame: pd.DataFrame, need_ids=None) -> pd.DataFrame:
    counts = _old_answer_counts(frame)
    if need_ids is not None:
        counts = counts.reindex(list(need_ids), fill_value=0)
        counts.index.name = "need_id"
    summary = _old_with_labels(counts)
    voted = frame[frame["answer"].notna() & frame["zone_id"].notna() & (frame["zone_id"].astype(str) != "")]
    per_zone = voted.groupby(["need_id", "zone_id"]).agg(
        agree=("answer", lambda s: int((s == "agree").sum())), seen=("answer", "size"))
    per_zone["p"] = (per_zone["agree"] + 1) / (per_zone["seen"] + 2)
    consensus = per_zone.groupby("need_id").agg(zone_consensus=("p", "prod"), n_zones=("p", "size")).reset_index()
    consensus["zone_consensus"] = consensus["zone_consensus"].round(4)
    out = summary.merge(consensus, on="need_id", how="left")
    out["n_zones"] = out["n_zones"].fillna(0).astype("int64")
    return out


def _old_convergent(frame, outcomes, needs, zone_axis_counts) -> pd.DataFrame:
    columns = ["zone_id", "need_id", "axis_id", "title", "stars", "voters", "agreement"]
    validated = set(outcomes.loc[outcomes["outcome"] == "validata", "need_id"])
    starred = frame[frame["star"] & frame["zone_id"].notna() & frame["need_id"].isin(validated)]
    stars = starred.groupby(["zone_id", "need_id"]).size().rename("stars").reset_index()
    by_zone = _old_zone_summary(frame[frame["zone_id"].notna()])[["need_id", "zone_id", "voters", "agreement"]]
    out = stars.merge(needs[["need_id", "axis_id", "title"]], on="need_id").merge(
        by_zone, on=["need_id", "zone_id"], how="left")
    out["voters"] = out["voters"].fillna(0).astype("int64")
    empty = [zone_axis_counts.at[z, a] == 0 for z, a in zip(out["zone_id"], out["axis_id"], strict=True)]
    out = out[empty]
    order = {z: i for i, z in enumerate(zone_axis_counts.index)}
    out = out.assign(_z=out["zone_id"].map(order)).sort_values(["_z", "stars"], ascending=[True, False])
    return out[columns].reset_index(drop=True)


def _same(new: pd.DataFrame, old: pd.DataFrame, keys: list[str]) -> None:
    columns = [c for c in old.columns if c in new.columns]
    assert set(columns) >= set(keys)
    left = new[columns].sort_values(keys).reset_index(drop=True)
    right = old[columns].sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right, check_dtype=False, check_index_type=False)


def _random_answers(seed: int, rows: int = 400) -> pd.DataFrame:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    seen, out = set(), []
    for _ in range(rows):
        key = (rng.choice("EF"), rng.choice(["N1.1", "N1.2", "N2.1", "N4.1"]), f"d{rng.randrange(60)}")
        if key in seen:
            continue
        seen.add(key)
        answer = rng.choice([*ANSWERS, None])
        out.append({"code": key[0], "need_id": key[1], "device_hash": key[2], "answer": answer,
                    "star": rng.random() < 0.3 or answer is None,
                    "zone_id": rng.choice(["1", "5", "7", None]), "role": None,
                    "origin": rng.choice(["web", "web", "paper"])})
    return pd.DataFrame(out)


@pytest.mark.parametrize("seed", range(5))
def test_counted_results_equal_the_previous_pandas_results(seed: int) -> None:
    raw = _random_answers(seed)
    counts = as_counts(raw)
    assert len(counts) <= 2 * 4 * 4 * 2  # events × needs × zones × origins, whatever the number of answers
    _same(results_table(counts, ["N1.1", "N1.2", "N2.1", "N4.1", "N6.1"]),
          _old_results_table(raw, ["N1.1", "N1.2", "N2.1", "N4.1", "N6.1"]), ["need_id"])
    _same(results_table(counts), _old_results_table(raw), ["need_id"])
    _same(results_table(summed(counts)), _old_results_table(raw), ["need_id"])
    _same(zone_summary(summed(counts)), _old_zone_summary(raw), ["need_id", "zone_id"])
    _same(zone_summary(counts), _old_zone_summary(raw), ["need_id", "zone_id"])
    by_origin = answer_counts(counts, by=("need_id", "origin")).reset_index()
    _same(by_origin, _old_answer_counts(raw, by=("need_id", "origin")).reset_index(), ["need_id", "origin"])


# ---------------------------------------------------------------- the database counts (SQLite and PostgreSQL)


def _fill(store) -> tuple[str, str, str]:
    """Three events with web and paper answers, zones declared or not, ★ without an answer, changed answers."""
    rng = random.Random(7)  # noqa: S311 - reproducible test data
    needs = ["N1.1", "N1.2", "N2.1", "N4.1"]
    codes = []
    for title in ("A", "B", "C"):
        code = store.create_event(title=title, event_date="2026-03-01", need_ids=needs).code
        store.set_event_status(code, "open")
        store.set_item_status(code, needs, "open")
        codes.append(code)
    for code in codes:
        for n in range(14):
            device = token(n)
            zone = rng.choice(["1", "5", "7", None])
            if zone or n % 3:
                store.join(code, device, zone_id=zone, role="cittadino" if n % 2 else None)
            stars = 0
            for need in needs:
                answer = rng.choice([*ANSWERS, None])
                star = stars < 3 and rng.random() < 0.3
                stars += star
                if answer is None and not star:
                    continue
                store.submit_answer(code, device, need, answer=answer, star=star)
                if rng.random() < 0.2:  # a changed mind: only the current answer counts
                    store.submit_answer(code, device, need, answer=rng.choice(ANSWERS), star=star)
        for sheet in range(3):
            store.join(code, f"S{sheet}", zone_id="5", origin="paper")
            store.submit_answer(code, f"S{sheet}", "N1.1", answer="agree", origin="paper")
    return codes[0], codes[1], codes[2]


def test_database_counts_give_the_raw_answers_results(store) -> None:
    first, second, third = _fill(store)
    for codes in ([first], [first, second], None):
        raw = store.answers_frame(codes)
        counts = store.answer_counts_frame(codes)
        answered = counts[["n_agree", "n_partly", "n_disagree", "n_unclear"]].to_numpy().sum()
        assert answered == raw["answer"].notna().sum()
        pd.testing.assert_frame_equal(
            counts.sort_values(["code", "need_id", "zone_id", "origin"], na_position="first").reset_index(drop=True),
            as_counts(raw)[list(counts.columns)].sort_values(["code", "need_id", "zone_id", "origin"],
                                                             na_position="first").reset_index(drop=True),
            check_dtype=False)
        _same(results_table(counts), _old_results_table(raw), ["need_id"])
        _same(zone_summary(counts), _old_zone_summary(raw), ["need_id", "zone_id"])
        _same(need_summary(counts, ["N1.1", "N6.1"]), _old_results_table(raw, ["N1.1", "N6.1"]), ["need_id"])
        pd.testing.assert_frame_equal(zone_consensus(counts), zone_consensus(raw))
    assert set(store.answer_counts_frame([first, second])["code"]) == {first, second}  # the others left out
    assert store.answer_counts_frame([]).empty


def test_convergent_view_from_database_counts(store) -> None:
    first, _second, _third = _fill(store)
    outcomes = pd.DataFrame({"need_id": ["N1.1", "N1.2", "N2.1", "N4.1"], "outcome": ["validata"] * 4})
    needs = pd.DataFrame({"need_id": ["N1.1", "N1.2", "N2.1", "N4.1"], "axis_id": ["1", "1", "2", "4"],
                          "title": ["a", "b", "c", "d"]})
    matrix = pd.DataFrame({"1": [0, 0, 0], "2": [0, 0, 0], "4": [0, 0, 0]}, index=["1", "5", "7"])
    raw = store.answers_frame(None)
    from_counts = convergent_needs(summed(store.answer_counts_frame(None)), outcomes, needs, matrix)
    assert not from_counts.empty
    _same(from_counts, _old_convergent(raw, outcomes, needs, matrix), ["zone_id", "need_id"])


def test_counts_cache_recounts_only_changed_events(store) -> None:
    first, second, third = _fill(store)
    cache = CountsCache(store)
    every = [first, second, third]

    def same_as_database() -> None:
        expected = store.answer_counts_frame(every)
        got = cache.counts(every)
        keys = ["code", "need_id", "zone_id", "origin"]
        pd.testing.assert_frame_equal(got.sort_values(keys, na_position="first").reset_index(drop=True),
                                      expected.sort_values(keys, na_position="first").reset_index(drop=True))

    same_as_database()
    assert cache.recounted == 3
    same_as_database()
    assert cache.recounted == 3 + 3  # every event still has history rows in the look-back window
    with store.db.write() as conn:  # an old store, as after a long process: only new changes count
        conn.execute(answer_log.delete())
        conn.execute(participants.update().values(updated_at=now() - timedelta(hours=1)))
    cache.counts(every)
    before = cache.recounted
    cache.counts(every)
    assert cache.recounted == before  # nothing changed: nothing recounted
    store.submit_answer(second, token(0), "N2.1", answer="disagree", star=False)
    same_as_database()
    assert cache.recounted == before + 1  # the changed event only
    store.join(third, token(1), zone_id="11")  # a declared zone changes the counts, without a history row
    same_as_database()
    assert cache.counts([first]).loc[:, "code"].eq(first).all()
    assert cache.counts([]).empty


def test_counts_cache_after_a_rehearsal_is_deleted(store) -> None:
    """Deleting a rehearsal removes its history rows; SQLite hands their ids out again to the next answers, which
    must still be counted (the cache starts over when the newest history id goes back)."""
    needs = ["N1.1", "N1.2"]
    real = store.create_event(title="Vero", event_date="2026-03-02", need_ids=needs).code
    rehearsal = store.create_event(title="Prova", event_date="2026-03-01", need_ids=needs, is_rehearsal=True).code
    for code in (real, rehearsal):
        store.set_event_status(code, "open")
        store.set_item_status(code, needs, "open")
    for n in range(5):  # the real event's people, long known: no participant change will flag the event
        store.submit_answer(real, token(n), "N1.1", answer="agree", star=False)
    for n in range(1200):  # the rehearsal's history: the newest ids, more than the cache looks back
        store.submit_answer(rehearsal, token(n), "N1.1", answer="agree", star=False)
    with store.db.write() as conn:
        conn.execute(participants.update().values(updated_at=now() - timedelta(hours=1)))
    cache = CountsCache(store)
    assert int(cache.counts([real])["n_agree"].sum()) == 5
    store.delete_event(rehearsal, confirmation=rehearsal)
    for n in range(5):
        store.submit_answer(real, token(n), "N1.2", answer="disagree", star=False)
    got = cache.counts([real])
    assert int(got["n_disagree"].sum()) == int(store.answer_counts_frame([real])["n_disagree"].sum()) == 5
