"""Near-duplicate texts grouped, so "3 proposte simili" are listed once with their count.

Two texts are near-duplicates when their character n-gram TF-IDF vectors (inside words, accents folded, function
words dropped) have a cosine of at least `threshold`: robust to typos, word order and small additions. Groups are
the connected components of that relation (union-find), so A~B and B~C put A, B, C together.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from psm_data.matching.text import char_ngrams

DEFAULT_THRESHOLD = 0.65
_BLOCK = 512


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
    """(i, j, cosine) for every pair i < j at or above the threshold, exactly.

    One matrix product (BLAS), not a Python loop over pairs: only n-grams found in two texts or more can add to a
    dot product, so the matrix keeps those columns alone (vectors normalised on all their n-grams first); rows go
    in blocks to bound memory."""
    vectors = _vectors(texts)
    df = Counter(g for v in vectors for g in v)
    columns = {g: i for i, g in enumerate(g for g, d in df.items() if d >= 2)}
    if not columns:
        return []
    matrix = np.zeros((len(vectors), len(columns)), dtype=np.float32)
    for row, vector in enumerate(vectors):
        for g, w in vector.items():
            if g in columns:
                matrix[row, columns[g]] = w
    pairs = []
    for first in range(0, len(vectors), _BLOCK):
        block = matrix[first:first + _BLOCK] @ matrix.T
        rows, cols = np.nonzero(block >= threshold - 1e-6)
        pairs.extend((first + int(r), int(c), round(float(block[r, c]), 3))
                     for r, c in zip(rows, cols, strict=True) if first + r < c)
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
