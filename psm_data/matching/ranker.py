"""Which of the report's 30 needs a free text is about: local lexical retrieval, no online service.

Each need is a document made of its title, its lettered proposals, the words of its axis and of the new themes
linked to that axis, and the project's lexicon of words citizens use (`lexicon.csv`, our own, never the report's).
A text is scored against every need by two signals that fail differently:
- BM25 over lemma stems (`text.terms`): "piste ciclabili" meets "rete ciclabile"; a word no need document has
  also brings, at a lower weight, the documents' words one edit away ("socorso" -> "soccorso");
- cosine of character n-gram TF-IDF: catches typos and word pieces the lemmatiser does not know.
The axis document adds a little, so an "ambiente" text leans to axis 2 when no need says it outright. The three
are fused after dividing each by its best need (their scales differ: BM25 grows with the text). Names of the
area's comuni and zones ("a Settimo", "nel Canavese") are left out: they say where, not what.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from psm_data.analysis import fold
from psm_data.matching.text import char_ngrams, term, terms, words
from psm_data.schema import DATA_DIR

LEXICON_FILE = Path(__file__).resolve().parent / "lexicon.csv"
KEPT_PLACE_WORDS = frozenset(("torino",))
LEXICON_PROVENANCE = "project"  # the only provenance accepted: the lexicon is ours, never the report's words
MIN_SCORE = 1.0  # evidence (BM25 + 4 × n-gram cosine) below this: only letter sequences in common, no suggestion


@dataclass(frozen=True)
class Weights:
    """How the document is built and the signals mixed. Document weights were tuned on the eval set's dev half;
    the fusion (normalised, char 1.0, axis 0.2) was chosen on dev + heldout + fresh; fresh2 was never used."""

    title: int = 2
    proposals: int = 1
    lexicon: int = 2
    k1: float = 1.2
    b: float = 0.75
    char: float = 1.0  # the n-gram cosine's share, each signal divided by its best need first
    axis: float = 0.2
    evidence_char: float = 4.0  # the n-gram cosine's weight in the evidence a suggestion needs (MIN_SCORE)
    fuzzy: float = 0.6  # weight of a vocabulary word one edit away from a word no document has ("socorso")
    places: bool = True  # names of the area's comuni and zones say where, not what: dropped from the text


@dataclass(frozen=True)
class NeedText:
    need_id: str
    axis_id: str
    title: str
    proposals: tuple[str, ...]
    lexicon: tuple[str, ...]


def read_lexicon(path: Path = LEXICON_FILE) -> dict[str, list[str]]:
    """need_id -> terms citizens use; rows whose provenance is not the project's are refused."""
    by_need: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["provenance"] != LEXICON_PROVENANCE:
                raise ValueError(f"{path.name}: provenance must be '{LEXICON_PROVENANCE}', got {row['provenance']!r}")
            by_need.setdefault(row["need_id"], []).append(row["term"])
    return by_need


def read_places(data_dir: Path = DATA_DIR) -> frozenset[str]:
    """Folded words of the metropolitan area's comuni and zone names ("settimo", "canavese", "pinerolese").

    Torino stays a word: "tutto a Torino e niente nelle valli" is about the city against the rest (N1.1, N1.5)."""
    from psm_data.loader import read_table
    from psm_data.schema import TABLES

    names = [*read_table(TABLES["comuni"], data_dir)["name"], *read_table(TABLES["zones"], data_dir)["name"]]
    return frozenset(fold(w) for name in names for w in words(str(name)) if len(w) >= 4) - KEPT_PLACE_WORDS


def read_needs(data_dir: Path = DATA_DIR, lexicon_path: Path | None = LEXICON_FILE
               ) -> tuple[list[NeedText], dict[str, str]]:
    """The needs with their proposals and lexicon, and each axis's text (its name and its linked new themes)."""
    from psm_data.loader import read_table  # the one loader; imported here so `text` stays light
    from psm_data.schema import TABLES

    needs = read_table(TABLES["needs"], data_dir)
    proposals = read_table(TABLES["proposals"], data_dir)
    axes = read_table(TABLES["axes"], data_dir)
    themes = read_table(TABLES["themes"], data_dir)
    lexicon = read_lexicon(lexicon_path) if lexicon_path else {}
    unknown = set(lexicon) - set(needs["need_id"])
    if unknown:
        raise ValueError(f"lexicon names unknown needs: {', '.join(sorted(unknown))}")
    by_need: dict[str, list[str]] = {}
    for row in proposals.itertuples():
        by_need.setdefault(row.need_id, []).append(row.text)
    axis_text = {str(row.axis_id): row.name for row in axes.itertuples()}
    for row in themes.itertuples():
        for axis_id in row.axis_links:
            if axis_id in axis_text:  # 'trasversale' themes concern every axis alike: they cannot tell axes apart
                axis_text[axis_id] += f" {row.title} {row.description}"
    texts = [NeedText(row.need_id, str(row.axis_id), row.title, tuple(by_need.get(row.need_id, ())),
                      tuple(lexicon.get(row.need_id, ()))) for row in needs.itertuples()]
    return texts, axis_text


class _BM25:
    def __init__(self, documents: Sequence[Counter[str]], k1: float, b: float) -> None:
        self.documents = documents
        self.lengths = [sum(doc.values()) for doc in documents]
        self.average = sum(self.lengths) / max(len(documents), 1)
        df = Counter(t for doc in documents for t in doc)
        n = len(documents)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.k1, self.b = k1, b

    def scores(self, query: dict[str, float]) -> list[float]:
        """query: term -> weight (1 for the text's own words, less for a word guessed from a typo)."""
        out = [0.0] * len(self.documents)
        for t, weight in query.items():
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, doc in enumerate(self.documents):
                tf = doc.get(t)
                if tf:
                    norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.average)
                    out[i] += weight * idf * tf * (self.k1 + 1) / (tf + norm)
        return out


class _CharTfidf:
    def __init__(self, documents: Sequence[list[str]]) -> None:
        counts = [Counter(doc) for doc in documents]
        df = Counter(g for doc in counts for g in doc)
        n = len(documents)
        self.idf = {g: math.log((1 + n) / (1 + d)) + 1 for g, d in df.items()}  # scikit-learn's smooth idf
        self.vectors = [self._vector(c) for c in counts]
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for i, vector in enumerate(self.vectors):
            for g, w in vector.items():
                self.postings.setdefault(g, []).append((i, w))

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        weighted = {g: (1 + math.log(c)) * self.idf[g] for g, c in counts.items() if g in self.idf}
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        return {g: w / norm for g, w in weighted.items()}

    def scores(self, grams: list[str]) -> list[float]:
        out = [0.0] * len(self.vectors)
        for g, w in self._vector(Counter(grams)).items():
            for i, dw in self.postings.get(g, ()):
                out[i] += w * dw
        return out


def _deletions(word: str) -> set[str]:
    """The word and every form with one letter removed: two words one edit apart share one of these."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


FUZZY_MIN_CHARS = 5  # shorter words have too many neighbours one edit away ("rete"/"reti"/"sete")


class Matcher:
    """Ranks needs for texts; build once (about 0.1 s), then each text costs a few milliseconds."""

    def __init__(self, needs: Sequence[NeedText], axis_text: dict[str, str], weights: Weights = Weights(),
                 places: Iterable[str] = ()) -> None:
        self.needs = list(needs)
        self.weights = weights
        w = weights
        docs, grams = [], []
        forms: dict[str, str] = {}  # folded word of any need document -> its term, for typo tolerance
        for need in self.needs:
            words_: Counter[str] = Counter()
            for part, times in ((need.title, w.title), *((p, w.proposals) for p in need.proposals)):
                for t in terms(part):
                    words_[t] += times
            for phrase in need.lexicon:  # a phrase is one entry: its words share the entry's weight
                phrase_terms = terms(phrase)
                for t in phrase_terms:
                    words_[t] += w.lexicon / len(phrase_terms)
            docs.append(words_)
            text = " ".join((need.title, *need.proposals, *need.lexicon))
            grams.append(char_ngrams(text))
            for word in words(text):
                t = term(word)
                if t:
                    forms.setdefault(fold(word), t)
        self._words = _BM25(docs, w.k1, w.b)
        self._chars = _CharTfidf(grams)
        self._places = frozenset(places) if w.places else frozenset()
        self._neighbours: dict[str, set[str]] = {}
        for form, t in forms.items():
            if len(form) >= FUZZY_MIN_CHARS:
                for key in _deletions(form):
                    self._neighbours.setdefault(key, set()).add(t)
        axis_ids = sorted(axis_text)
        self._axis_index = {a: i for i, a in enumerate(axis_ids)}
        axis_docs = []
        for a in axis_ids:
            words_ = Counter(terms(axis_text[a]))
            for need in self.needs:
                if need.axis_id == a:
                    words_.update(terms(" ".join((need.title, *need.proposals, *need.lexicon))))
            axis_docs.append(words_)
        self._axes = _BM25(axis_docs, w.k1, w.b)

    @classmethod
    def from_data(cls, data_dir: Path = DATA_DIR, lexicon_path: Path | None = LEXICON_FILE,
                  weights: Weights = Weights()) -> Matcher:
        needs, axis_text = read_needs(data_dir, lexicon_path)
        return cls(needs, axis_text, weights, read_places(data_dir))

    def query(self, text: str) -> tuple[dict[str, float], str]:
        """The text's terms with their weights, and the text left for character n-grams (place names out).

        A word no need document has gets the terms of the documents' words one edit away ("socorso" ->
        "soccorso", "conessione" -> "connessione"), at a lower weight: a guess, not what was written."""
        weights: dict[str, float] = {}
        kept: list[str] = []
        for word in words(text):
            folded = fold(word)
            if folded in self._places:
                continue
            kept.append(word)
            t = term(word)
            if not t:
                continue
            weights[t] = 1.0
            if t in self._words.idf or len(folded) < FUZZY_MIN_CHARS or not self.weights.fuzzy:
                continue
            guesses = set().union(*(self._neighbours.get(key, ()) for key in _deletions(folded)))
            for guess in guesses:
                weights[guess] = max(weights.get(guess, 0.0), self.weights.fuzzy / len(guesses))
        return weights, " ".join(kept)

    @property
    def need_ids(self) -> list[str]:
        return [n.need_id for n in self.needs]

    def signals(self, text: str) -> tuple[list[float], list[float], list[float]]:
        """Per need (data order): BM25 over terms, n-gram cosine, BM25 of the need's axis document."""
        query, kept = self.query(text)
        axis_scores = self._axes.scores(query)
        return (self._words.scores(query), self._chars.scores(char_ngrams(kept)),
                [axis_scores[self._axis_index[n.axis_id]] for n in self.needs])

    def scores(self, text: str) -> list[float]:
        """One score per need (data order), 0 to 10 × (1 + char + axis); 0 when the text has too little in common
        with the need (evidence under MIN_SCORE).

        The signals live on different scales (BM25 grows with the text's length, a cosine stays under 1), so each
        is divided by its best need before they are added: a text's best word match and its best letter match
        count alike, however long the text."""
        words_, chars, axes = self.signals(text)
        w = self.weights
        top_w, top_c, top_a = max(words_, default=0) or 1, max(chars, default=0) or 1, max(axes, default=0) or 1
        return [0.0 if words_[i] + w.evidence_char * chars[i] < MIN_SCORE else
                10 * (words_[i] / top_w + w.char * chars[i] / top_c + w.axis * axes[i] / top_a)
                for i in range(len(self.needs))]

    def rank(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        """The k most likely needs, best first, as (need_id, score); fewer (or none) when nothing matches.

        A need sharing only a few letter sequences with the text (score under MIN_SCORE: "buongiorno a tutti",
        "boh") is not suggested: better no suggestion than a random one.

        Scores compare needs for one text; they are not probabilities and not comparable across texts."""
        if k <= 0:
            return []
        scored = [(need.need_id, round(s, 3)) for need, s in zip(self.needs, self.scores(text), strict=True)
                  if s > 0]
        scored.sort(key=lambda pair: -pair[1])  # stable: ties keep the report's order
        return scored[:k]
