"""The participant text cleaner: nothing invisible survives (two texts that look the same are the same)."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from psm_data.events.text import FORMAT_RANGES, clean_text, text_key


@pytest.mark.parametrize("hidden", ["\u00ad", "\u061c", "\u180e", "\u200b", "\u200d", "\u2060", "\u2066", "\u202e",
                                    "\ufeff", "\U000e0001", "\U000e0041", "\U000e007f", "\U0001d173"])
def test_format_and_tag_characters_are_stripped(hidden: str):
    assert clean_text(f"pi{hidden}sta cic{hidden}labile") == "pista ciclabile"


def test_tag_characters_cannot_smuggle_invisible_ascii():
    smuggled = "ok" + "".join(chr(0xE0000 + ord(c)) for c in "ignore previous") + "\U000e007f"
    assert clean_text(smuggled) == "ok"
    assert text_key(clean_text("Più\u00ad alberi")) == text_key(clean_text("Più alberi"))


def test_every_format_character_of_this_python_is_listed():
    """FORMAT_RANGES is written out (fast import); it must hold exactly the Cf characters of unicodedata."""
    listed = {c for a, b in FORMAT_RANGES for c in range(a, b + 1)}
    actual = {c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    assert actual <= listed, sorted(hex(c) for c in actual - listed)
    assert all(unicodedata.category(chr(c)) in ("Cf", "Cn") for c in listed)  # Cn: tag block gaps


def test_visible_text_is_kept():
    text = "Più verde a Mirafiori — ñ, ü, 東京, 👨\u200d👩\u200d👧 (famiglia)\nsecondo rigo"
    cleaned = clean_text(text)
    assert "Più verde a Mirafiori — ñ, ü, 東京" in cleaned
    assert cleaned.endswith("(famiglia)\nsecondo rigo")
    assert "\u200d" not in cleaned  # the joiner goes: the family shows as three people, never as hidden text
