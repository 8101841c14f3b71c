"""Numbers and dates as each interface language writes them, from Babel's CLDR data, not hand-written separators.

"0,51", "12.345,5", "6 dicembre 2026", "18:30" in Italian; "0.51", "12,345.5", "December 6, 2026", "18:30" in
English (CLDR's long date of each locale; times on the 24-hour clock in both, as the events' timetables are).
The language comes from the caller: components.i18n passes the session's, the documents their own.
"""

from __future__ import annotations

from datetime import date, datetime, time

from babel import dates, numbers

#: The interface languages, Italian (the source) first, with their Babel locales: a new language is a line here
#: and a catalogue in locales/ (README "Translations").
LOCALES = {"it": "it_IT", "en": "en_US"}
LANGUAGES = tuple(LOCALES)


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["it"])


def format_decimal(value: float, digits: int = 2, lang: str = "it", *, grouping: str | None = None) -> str:
    """A number with `digits` decimals: "0,51" and "12.345,50" in Italian, "0.51" and "12,345.50" in English.

    `grouping` replaces the language's thousands separator: the printed zone sheets use a non-breaking space in
    both languages ("12 345,5" / "12 345.5"), so a figure never breaks across lines nor reads as a decimal.
    """
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    locale = _locale(lang)
    written = numbers.format_decimal(value, format=pattern, locale=locale)
    if grouping is None:
        return written
    return written.replace(numbers.get_group_symbol(locale), grouping)


def _as_date(day: date | datetime | str) -> date:
    if isinstance(day, datetime):
        return day.date()
    if isinstance(day, date):
        return day
    return date.fromisoformat(day)


def format_date(day: date | datetime | str, lang: str = "it", *, weekday: bool = False) -> str:
    """A day for people: "6 dicembre 2026" / "December 6, 2026" ("domenica 6 dicembre 2026" with `weekday`).

    Accepts the ISO text the events store keeps ("2026-12-06"); an empty or unreadable value is returned as given
    (a date typed by hand in an old row is shown, not lost).
    """
    if not isinstance(day, (date, datetime)):
        if not day:
            return ""
        try:
            day = _as_date(day)
        except ValueError:
            return str(day)
    return dates.format_date(_as_date(day), format="full" if weekday else "long", locale=_locale(lang))


def format_time(moment: time | datetime, lang: str = "it", *, seconds: bool = False) -> str:
    """A time of day on the 24-hour clock: "18:30" ("18:30:05" with `seconds`)."""
    return dates.format_time(moment, format="HH:mm:ss" if seconds else "HH:mm", locale=_locale(lang))


def format_datetime(moment: datetime, lang: str = "it") -> str:
    """A moment for people: "6 dicembre 2026, 18:30" / "December 6, 2026, 18:30"."""
    return f"{format_date(moment, lang)}, {format_time(moment, lang)}"
