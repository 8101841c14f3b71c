"""Plural agreement and decimal commas: the one helper every page uses for counts and ratios."""

from __future__ import annotations

import pytest

from components import i18n


@pytest.fixture
def counted_key(monkeypatch: pytest.MonkeyPatch) -> str:
    entry = {"it_one": "{n} partecipante", "it": "{n} partecipanti",
             "en_one": "{n} participant", "en": "{n} participants"}
    monkeypatch.setitem(i18n.STRINGS, "_test_participants", entry)
    return "_test_participants"


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [(0, "it", "0 partecipanti"), (1, "it", "1 partecipante"), (2, "it", "2 partecipanti"),
     (1, "en", "1 participant"), (5, "en", "5 participants")],
)
def test_count_agrees_with_its_noun(counted_key: str, n: int, lang: str, expected: str) -> None:
    assert i18n.translate_count(counted_key, n, lang) == expected


def test_decimal_comma_in_italian() -> None:
    assert i18n.format_decimal(0.514, 2, "it") == "0,51"
    assert i18n.format_decimal(0.514, 2, "en") == "0.51"


def test_thousands_follow_the_language() -> None:
    assert i18n.format_decimal(12345.5, 1, "it") == "12.345,5"
    assert i18n.format_decimal(12345.5, 1, "en") == "12,345.5"
    assert i18n.format_decimal(7, 0, "it") == "7"
