"""The markers that strings tables write their Italian source texts with, and the gettext catalogues they map to.

Italian is the source language: a strings table maps each key to `N_("testo")` (`NN_("singolare", "plurale")` for
counted texts, `NC_(context, "testo")` when one Italian text needs two different translations). `pybabel extract`
finds these markers (see babel.cfg and I18N_SOURCES in the Makefile) and writes `locales/messages.pot`; each other
language has its own `locales/<lang>/LC_MESSAGES/messages.po`, compiled to `.mo` by the Makefile. In psm_data,
without Streamlit, so the documents (`make position-paper`), the sheets and scripts use the same catalogue as the UI.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path
from typing import NamedTuple

from babel.messages import mofile, pofile

SOURCE_LANGUAGE = "it"
LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "messages"


class Message(NamedTuple):
    """One catalogue entry: the Italian msgid, its plural (counted texts) and its msgctxt (if any)."""

    msgid: str
    plural: str | None = None
    context: str | None = None


def N_(text: str) -> Message:  # noqa: N802 (gettext's customary marker name, which pybabel looks for)
    """A text to translate."""
    return Message(text)


def NN_(singular: str, plural: str) -> Message:  # noqa: N802
    """A counted text: singular for n == 1 in Italian, plural otherwise; `{n}` is the count."""
    return Message(singular, plural)


def NC_(context: str, text: str) -> Message:  # noqa: N802
    """A text whose Italian is shared with another key that is translated differently (msgctxt tells them apart)."""
    return Message(text, None, context)


def NNC_(context: str, singular: str, plural: str) -> Message:  # noqa: N802
    """A counted text with a msgctxt."""
    return Message(singular, plural, context)


def catalogue_languages() -> tuple[str, ...]:
    """The languages with a catalogue in locales/ (the source language needs none)."""
    return tuple(sorted(p.parent.parent.name for p in LOCALES_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for `lang`, loaded once.

    Italian (the source) has none: gettext returns the msgid. The Makefile compiles the `.mo`; if it is missing or
    older than the `.po` (python run directly after an edit), the `.po` is compiled in memory instead of failing.
    """
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    po_path = LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and (not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime):
        with mo_path.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    if not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as fp:
        catalog = pofile.read_po(fp, locale=lang)
    buffer = io.BytesIO()
    mofile.write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def render(message: Message, lang: str, n: int | None = None) -> str:
    """The text of `message` in `lang`, in the plural form for `n` (counted texts; plural when n is None)."""
    catalogue = translations(lang)
    if message.plural is None:
        if message.context is None:
            return catalogue.gettext(message.msgid)
        return catalogue.pgettext(message.context, message.msgid)
    count = 2 if n is None else n
    if message.context is None:
        return catalogue.ngettext(message.msgid, message.plural, count)
    return catalogue.npgettext(message.context, message.msgid, message.plural, count)
