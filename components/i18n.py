"""Every UI string, Italian first with English alongside, through gettext catalogues.

The Italian source texts live in `components/strings/` (one module per area of the app, `N_("testo")` markers,
merged into one table that refuses a key defined twice); the translations live in `locales/<lang>/LC_MESSAGES/
messages.po` (compiled by the Makefile, see README "Translations"); this module looks them up by key, with the
plural form from the catalogue's Plural-Forms rule. The catalogue and the Babel number/date formats are in
`psm_data.i18n` (no Streamlit, so the documents share them); this module adds the session's language.

The data stays in Italian as the report writes it; only the interface is translated.
"""

from __future__ import annotations

from datetime import date, datetime, time

import streamlit as st

from components.strings import MESSAGES, STRINGS
from psm_data.i18n import LANGUAGES, formats, render

DEFAULT_LANGUAGE = "it"


def current_language() -> str:
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str, **values: object) -> str:
    """The string for `key` in `lang` (Italian if the catalogue lacks it), with `{placeholders}` filled in."""
    message = MESSAGES.get(key)
    if message is None:  # an entry added to the STRINGS view at run time (tests)
        entry = STRINGS[key]
        text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    else:
        text = render(message, lang)
    return text.format(**values) if values else text


def t(key: str, **values: object) -> str:
    """The string for `key` in the user's current language."""
    return translate(key, current_language(), **values)


def translate_count(key: str, n: int, lang: str, **values: object) -> str:
    """The string for `key` agreeing with the count `n` ("1 partecipante", "2 partecipanti"); `{n}` is the count.

    Counted texts are `NN_(singular, plural)` in the strings modules and `msgid_plural`/`msgstr[n]` in the
    catalogues, so each language picks its form with its own Plural-Forms rule (gettext's `ngettext`).
    """
    message = MESSAGES.get(key)
    if message is None:  # an entry added to the STRINGS view at run time (tests)
        entry = STRINGS[key]
        form = f"{lang}_one" if n == 1 else lang
        fallback = f"{DEFAULT_LANGUAGE}_one" if n == 1 else DEFAULT_LANGUAGE
        text = entry.get(form) or entry.get(lang) or entry.get(fallback) or entry[DEFAULT_LANGUAGE]
    else:
        text = render(message, lang, n)
    return text.format(n=n, **values)


def tn(key: str, n: int, **values: object) -> str:
    """`translate_count` in the user's current language."""
    return translate_count(key, n, current_language(), **values)


def format_decimal(value: float, digits: int = 2, lang: str | None = None, *, grouping: str | None = None) -> str:
    """A number as the language writes it: "0,51" and "12.345,50" in Italian, "0.51" and "12,345.50" in English
    (`grouping`: another thousands separator, e.g. a narrow space for the big figures of a metric)."""
    return formats.format_decimal(value, digits, lang or current_language(), grouping=grouping)


def format_date(day: date | datetime | str | None, lang: str | None = None, *, weekday: bool = False) -> str:
    """A day as the language writes it: "6 dicembre 2026" / "December 6, 2026" (ISO text accepted; None → "")."""
    return formats.format_date(day or "", lang or current_language(), weekday=weekday)


def format_time(moment: time | datetime, lang: str | None = None, *, seconds: bool = False) -> str:
    """A time of day: "18:30" (24-hour clock in both languages)."""
    return formats.format_time(moment, lang or current_language(), seconds=seconds)
