"""Participants' free texts matched to the report's 30 needs, locally (no online service), and near-duplicates grouped.

Stable public API (the position paper and the facilitator page build on it):
- `rank_needs(text, k=3) -> [(need_id, score), ...]`, best first;
- `rank_many(texts, k=3)`, the same for many texts;
- `group_similar(texts) -> [[index, ...], ...]`, texts that say nearly the same thing ("3 proposte simili").
Importable without Streamlit. The command line (`python -m psm_data.matching`) is in `__main__`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from psm_data.matching.grouping import group_similar
from psm_data.matching.ranker import Matcher, Weights

__all__ = ["Matcher", "Weights", "default_matcher", "group_similar", "rank_many", "rank_needs"]


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    """The matcher over the shipped data and lexicon, built once per process."""
    return Matcher.from_data()


def rank_needs(text: str, k: int = 3) -> list[tuple[str, float]]:
    """The k needs (ids as in needs.csv, e.g. "N4.2") a text most likely speaks to, with their scores."""
    return default_matcher().rank(text, k)


def rank_many(texts: Iterable[str], k: int = 3) -> list[list[tuple[str, float]]]:
    """rank_needs for each text, in order."""
    matcher = default_matcher()
    return [matcher.rank(text, k) for text in texts]
