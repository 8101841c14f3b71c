"""The zone sheet's labels in one language, from the one table of UI strings (no Streamlit: `make sheets` and the
tests use it too)."""

from __future__ import annotations

from components.strings import STRINGS

DEFAULT_LANGUAGE = "it"


def sheet_text(lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every `sheet_*` string in `lang` (Italian where a translation is missing)."""
    return {key: entry.get(lang) or entry[DEFAULT_LANGUAGE] for key, entry in STRINGS.items()
            if key.startswith("sheet_")}
