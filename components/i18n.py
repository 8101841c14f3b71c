"""Every UI string, Italian first with English alongside: one table, so the two never drift.

The strings live in `components/strings/` (one module per area of the app, merged into one table that refuses
a key defined twice); this module looks them up.

The data stays in Italian as the report writes it; only the interface is translated.
"""

from __future__ import annotations

import streamlit as st
from babel import numbers

from components.strings import STRINGS

LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"


def current_language() -> str:
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str, **values: object) -> str:
    """The string for `key` in `lang` (Italian if missing), with `{placeholders}` filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def t(key: str, **values: object) -> str:
    """The string for `key` in the user's current language."""
    return translate(key, current_language(), **values)


def translate_count(key: str, n: int, lang: str, **values: object) -> str:
    """The string for `key` agreeing with the count `n` ("1 partecipante", "2 partecipanti").

    An entry gives its singular as `it_one` / `en_one` beside the plural `it` / `en`; `{n}` is the count. Italian and
    English both use the singular for exactly 1 (0 is plural: "0 partecipanti").
    """
    entry = STRINGS[key]
    form = f"{lang}_one" if n == 1 else lang
    text = entry.get(form) or entry.get(lang) or entry.get(f"{DEFAULT_LANGUAGE}_one" if n == 1 else DEFAULT_LANGUAGE)
    if text is None:
        text = entry[DEFAULT_LANGUAGE]
    return text.format(n=n, **values)


def tn(key: str, n: int, **values: object) -> str:
    """`translate_count` in the user's current language."""
    return translate_count(key, n, current_language(), **values)


#: Babel locales for the interface languages (number formats from CLDR, not hand-written separators).
LOCALES = {"it": "it_IT", "en": "en_GB"}


def format_decimal(value: float, digits: int = 2, lang: str | None = None) -> str:
    """A number as the language writes it: "0,51" and "12.345,50" in Italian, "0.51" and "12,345.50" in English."""
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return numbers.format_decimal(value, format=pattern, locale=LOCALES[lang or current_language()])
