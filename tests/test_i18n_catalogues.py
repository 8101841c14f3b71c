"""The gettext catalogues: complete, placeholder-safe, in sync with the code, with real plural forms."""

from __future__ import annotations

import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages import pofile
from babel.messages.frontend import CommandLineInterface

from components import i18n
from components.strings import MESSAGES, STRINGS
from psm_data.documents.strings import TEXT as PAPER_TEXT
from psm_data.i18n import catalogue as _messages

ROOT = Path(__file__).resolve().parents[1]
POT = ROOT / "locales" / "messages.pot"
PO_FILES = sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po"))


def _read(path: Path, locale: str | None = None):
    with path.open("rb") as fp:
        return pofile.read_po(fp, locale=locale)


def _ids(catalog) -> set[tuple[str | None, str, str | None]]:
    result = set()
    for message in catalog:
        if not message.id:
            continue
        msgid, plural = (message.id[0], message.id[1]) if message.pluralizable else (message.id, None)
        result.add((message.context, msgid, plural))
    return result


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _makefile_words(name: str) -> list[str]:
    """A Makefile variable (the extraction keywords, the sources), so the test and `make i18n` cannot disagree."""
    line = re.search(rf"^{name} := (.*)$", (ROOT / "Makefile").read_text(), re.M)
    assert line, f"{name} missing from the Makefile"
    return line.group(1).split()


def test_english_catalogue_exists() -> None:
    assert [p.parent.parent.name for p in PO_FILES] == ["en"]


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_every_message_is_translated(po_path: Path) -> None:
    catalog = _read(po_path, po_path.parent.parent.name)
    pot_ids = _ids(_read(POT))
    assert _ids(catalog) == pot_ids, "run `make i18n`"
    missing = []
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if message.pluralizable else (message.string,)
        expected_forms = catalog.num_plurals if message.pluralizable else 1
        if message.fuzzy or len(forms) != expected_forms or not all(form.strip() for form in forms):
            missing.append(message.id)
    assert not missing, f"untranslated or fuzzy: {missing[:10]}"


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_placeholders_match(po_path: Path) -> None:
    """A translation uses exactly the source's `{names}` (a singular form may spell out the count instead of `{n}`)."""
    wrong = []
    for message in _read(po_path, po_path.parent.parent.name):
        if not message.id:
            continue
        if message.pluralizable:
            source = _fields(message.id[0]) | _fields(message.id[1])
            forms = list(message.string)
            if _fields(forms[-1]) != _fields(message.id[1]):
                wrong.append(message.id)
            if any(_fields(form) - {"n"} != source - {"n"} for form in forms):
                wrong.append(message.id)
        elif _fields(message.string) != _fields(message.id):
            wrong.append(message.id)
    assert not wrong, wrong


def test_catalogue_in_sync_with_the_code(tmp_path: Path) -> None:
    """Extracting the strings modules now gives exactly the committed .pot (else: `make i18n`)."""
    out = tmp_path / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"),
                                *_makefile_words("I18N_KEYWORDS"), "-o", str(out),
                                *(str(ROOT / source) for source in _makefile_words("I18N_SOURCES"))])
    assert _ids(_read(out)) == _ids(_read(POT))


def test_every_key_is_a_catalogue_message() -> None:
    pot_ids = _ids(_read(POT))
    for key, message in [*MESSAGES.items(), *(("paper." + k, m) for k, m in PAPER_TEXT.items())]:
        assert (message.context, message.msgid, message.plural) in pot_ids, key
    assert set(STRINGS) == set(MESSAGES)


def test_one_catalogue_without_streamlit() -> None:
    """The position paper's words come from the UI's catalogue, and psm_data reads it without Streamlit."""
    code = ("import sys; from psm_data.documents.strings import text, text_count; "
            "print(text('title', 'en'), '|', text_count('comuni', 1, 'it'), '|', text_count('comuni', 2, 'it')); "
            "assert 'streamlit' not in sys.modules and 'components' not in sys.modules")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Synthesis document | 1 comune | 2 comuni"


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [(0, "it", "0 partecipanti"), (1, "it", "1 partecipante"), (2, "it", "2 partecipanti"),
     (1, "en", "1 participant"), (2, "en", "2 participants"), (0, "en", "0 participants")],
)
def test_plural_forms_from_the_catalogue(n: int, lang: str, expected: str) -> None:
    assert i18n.translate_count("n_participants", n, lang) == expected


def test_tn_follows_the_session_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "current_language", lambda: "it")
    assert i18n.tn("n_participants", 1) == "1 partecipante"
    assert i18n.tn("n_participants", 2) == "2 partecipanti"
    monkeypatch.setattr(i18n, "current_language", lambda: "en")
    assert i18n.tn("n_participants", 1) == "1 participant"


def test_context_separates_one_italian_text() -> None:
    assert i18n.translate("p_join", "it") == i18n.translate("f_login", "it") == "Entra"
    assert {i18n.translate("p_join", "en"), i18n.translate("f_login", "en")} == {"Join", "Sign in"}


def test_the_view_by_language() -> None:
    assert STRINGS["n_participants"] == {"it": "{n} partecipanti", "en": "{n} participants",
                                         "it_one": "{n} partecipante", "en_one": "{n} participant"}


def test_without_a_compiled_catalogue_the_po_is_compiled_in_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "en" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(ROOT / "locales" / "en" / "LC_MESSAGES" / "messages.po", target / "messages.po")
    monkeypatch.setattr(_messages, "LOCALES_DIR", tmp_path)
    _messages.translations.cache_clear()
    try:
        assert not (target / "messages.mo").exists()
        assert _messages.render(MESSAGES["n_participants"], "en", 1) == "{n} participant"
    finally:
        _messages.translations.cache_clear()


@pytest.mark.parametrize(("key", "one_it", "two_en"), [
    ("pub_participants", "1 partecipante, per zona dichiarata:", "2 participants, per declared zone:"),
    ("tp_undeclared", "1 partecipante non ha dichiarato una zona (non è nella mappa).",
     "2 participants declared no zone (not on the map)."),
    ("th_history", "Storia (1 versione)", "History (2 versions)"),
    ("pr_map_count", "1 progetto", "2 projects"),
    ("f_delete_will_remove", "Sarà eliminata anche 1 risposta o testo di prova.",
     "2 rehearsal answers and texts will be deleted too."),
])
def test_counted_texts_of_the_public_page_tables_and_projector(key: str, one_it: str, two_en: str) -> None:
    assert i18n.translate_count(key, 1, "it") == one_it
    assert i18n.translate_count(key, 2, "en") == two_en
