"""Italian text to comparable terms: lemmas (simplemma), folded accents, a short stem that forgives typos.

People in a hall write "ciclabbili", "autobuss", "xké": a lemma alone misses those, so each word becomes the
first STEM_CHARS letters of its lemma with accents folded ("ciclabbili" and "ciclabile" both give "ciclab").
Function words and the report's own boilerplate verbs ("promuovere", "sviluppare") are dropped: they say nothing
about which need a text is about.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import simplemma

from psm_data.analysis import fold

MAX_TEXT_CHARS = 2000  # participant text is capped before matching: cost stays bounded whatever is pasted
STEM_CHARS = 6

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Italian function words, chat shorthand, courtesies, and words every need shares (so they only add noise).
_STOPWORD_TEXT = """
a ad al allo ai agli all alla alle anche ancora altro altri altra altre avere aver ho hai ha abbiamo hanno
c ce ci che chi col come con contro cosa cose così cui d da dal dallo dai dagli dall dalla dalle deve devono
di del dello dei degli dell della delle dove e è ed era essere fa fare fate fatto fra gli già ha i il in invece
io l la le lei li lo loro lui ma mai me meno mi mia mie miei mio molto molta molti molte ne nei negli nel nello
nell nella nelle nessuno no noi non nostro nostra nostri nostre nn o ogni oppure per perché perchè però più
po poi può quale quali quando quanto quello quella quelli quelle questo questa questi queste qui qualcosa se
sempre senza si sì sia sono sta stato su sua sue sugli sui sul sull sullo sulla sulle suo suoi tanto tanti
tra tu tutti tutto tutta tutte un una uno uno vi voi x xk xke xché xké xchè k ke cmq tipo po' bisogna serve
servono servire vogliono volere vorrei va vanno andare ecc es esempio oggi qualche troppo troppi troppa troppe
tema temi ottica maggiore maggiormente ulteriore ulteriormente diverso diversi nuovo nuovi nuova nuove
promuovere sviluppare potenziare garantire rafforzare investire incentivare accelerare migliorare valorizzare
implementare attivare favorire stimolare supportare sostenere costruire lavorare intensificare adeguare
ripensare grazie ciao buongiorno buonasera salve bello bella belli iniziativa iniziative continuare così
mondo ok okay boh
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    return fold(simplemma.lemmatize(word, lang="it"))


@lru_cache(maxsize=50_000)
def term(word: str) -> str | None:
    """The comparable form of one word, or None for a word that carries no topic."""
    lowered = word.lower()
    if lowered in STOPWORDS or len(lowered) < 2:
        return None
    base = lemma(lowered)
    if base in STOPWORDS or fold(lowered) in STOPWORDS:
        return None
    return base[:STEM_CHARS]


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text[:MAX_TEXT_CHARS]))


def terms(text: str) -> list[str]:
    """The topic terms of a text, in order, repeats kept (BM25 counts them)."""
    return [t for t in (term(w) for w in words(text)) if t]


def char_ngrams(text: str, low: int = 3, high: int = 5) -> list[str]:
    """Character n-grams inside each folded word (padded with spaces), as scikit-learn's 'char_wb' does."""
    grams: list[str] = []
    for word in words(text):
        folded = fold(word)
        if folded in STOPWORDS or len(folded) < 3:
            continue
        padded = f" {folded} "
        for n in range(low, high + 1):
            grams.extend(padded[i:i + n] for i in range(len(padded) - n + 1))
    return grams
