"""Dates and times for people through Babel (psm_data.i18n, and components.i18n with the session's language)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from components import i18n
from psm_data.i18n import format_date, format_datetime, format_decimal, format_time

EVENING = datetime(2026, 12, 6, 18, 30, 5)


@pytest.mark.parametrize("day", ["2026-12-06", date(2026, 12, 6), EVENING])
def test_a_day_in_both_languages(day) -> None:  # noqa: ANN001 - ISO text, date or datetime
    assert format_date(day, "it") == "6 dicembre 2026"
    assert format_date(day, "en") == "December 6, 2026"


def test_weekday_and_times() -> None:
    assert format_date("2026-12-12", "it", weekday=True) == "sabato 12 dicembre 2026"
    assert format_date("2026-12-12", "en", weekday=True) == "Saturday, December 12, 2026"
    for lang in ("it", "en"):
        assert format_time(EVENING, lang) == "18:30"
        assert format_time(time(9, 5), lang) == "09:05"
        assert format_time(EVENING, lang, seconds=True) == "18:30:05"
    assert format_datetime(EVENING, "it") == "6 dicembre 2026, 18:30"
    assert format_datetime(EVENING, "en") == "December 6, 2026, 18:30"


def test_what_is_not_a_date_is_shown_as_typed() -> None:
    assert format_date("", "it") == ""
    assert format_date("12 marzo 2027", "it") == "12 marzo 2027"


def test_numbers_and_dates_from_one_place() -> None:
    assert format_decimal(0.514, 2, "it") == "0,51"
    assert format_decimal(0.514, 2, "en") == "0.51"


def test_components_follow_the_session_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "current_language", lambda: "it")
    assert i18n.format_date("2026-12-06") == "6 dicembre 2026"
    assert i18n.format_date(None) == ""
    assert i18n.format_time(EVENING) == "18:30"
    monkeypatch.setattr(i18n, "current_language", lambda: "en")
    assert i18n.format_date("2026-12-06") == "December 6, 2026"
    assert i18n.format_date("2026-12-06", "it") == "6 dicembre 2026"


def test_print_grouping_keeps_the_languages_decimal_mark() -> None:
    """The zone sheets group thousands with a non-breaking space in both languages; the decimal mark stays Babel's."""
    assert format_decimal(12345.5, 1, "it", grouping="\u00a0") == "12\u00a0345,5"
    assert format_decimal(12345.5, 1, "en", grouping="\u00a0") == "12\u00a0345.5"
