"""Every UI string, Italian first with English alongside: one table, so the two never drift.

The strings live in `components/strings/` (one module per area of the app, merged into one table that refuses
a key defined twice); this module looks them up.

The data stays in Italian as the report writes it; only the interface is translated.
"""

from __future__ import annotations

import streamlit as st

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
