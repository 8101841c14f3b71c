"""Near-duplicate texts grouped, so "3 proposte simili" are listed once with their count.

Two texts are near-duplicates when their character n-gram TF-IDF vectors (inside words, accents folded, function
words dropped) have a cosine of at least `threshold`: robust to typos, word order and small additions. Groups are
the connected components of that relation (union-find), so A~B and B~C put A, B, C together.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from psm_data.matching.text import char_ngrams

DEFAULT_THRESHOLD = 0.65


def _vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    counts = [Counter(char_ngrams(t, 3, 4)) for t in texts]
    df = Counter(g for c in counts for g in c)
    n = len(texts)
    out = []
    for c in counts:
        weighted = {g: (1 + math.log(k)) * (math.log((1 + n) / (1 + df[g])) + 1) for g, k in c.items()}
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        out.append({g: w / norm for g, w in weighted.items()})
    return out


def similarity_pairs(texts: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> list[tuple[int, int, float]]:
    """(i, j, cosine) for every pair i < j at or above the threshold; only pairs sharing an n-gram are compared."""
    vectors = _vectors(texts)
    postings: dict[str, list[tuple[int, float]]] = {}
    pairs = []
    for j, vector in enumerate(vectors):
        dots: Counter[int] = Counter()
        for g, w in vector.items():
            for i, wi in postings.get(g, ()):
                dots[i] += w * wi
            postings.setdefault(g, []).append((j, w))
        pairs.extend((i, j, round(d, 3)) for i, d in dots.items() if d >= threshold)
    return sorted(pairs)


def group_similar(texts: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Every text's index in exactly one group; groups in order of their first text, indices ascending.

    A text with no near-duplicate is a group of one. Empty or blank texts are never grouped with others."""
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in similarity_pairs(texts, threshold):
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])
