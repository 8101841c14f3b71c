"""The one table of UI strings, assembled from one module per area of the app.

Each module of this package defines `STRINGS: dict[key, Message]`, the Italian source text marked with `N_`
(`NN_` for counted texts, `NC_`/`NNC_` with a context), see `psm_data/i18n`; the other languages live in gettext
catalogues under `locales/`. Every module here is found by name, so a new area needs no registration; merging
here keeps one lookup, and a key defined in two modules is an error at import time, not a silent override.

`STRINGS` is the view by language that code outside the lookup reads (`STRINGS[key]["en"]`, `"it_one"` for the
singular of a counted text), built once from the modules and the catalogues.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from psm_data.i18n import SOURCE_LANGUAGE, Message, catalogue_languages, render


def _modules() -> tuple[ModuleType, ...]:
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in names)


def _merge(modules: tuple[ModuleType, ...]) -> dict[str, Message]:
    merged: dict[str, Message] = {}
    for module in modules:
        for key, message in module.STRINGS.items():
            if key in merged:
                raise ValueError(f"UI string {key!r} is defined twice (again in {module.__name__})")
            if not isinstance(message, Message):
                raise TypeError(f"UI string {key!r} in {module.__name__} is not marked with N_/NN_/NC_ (see README)")
            merged[key] = message
    return merged


def _by_language(messages: dict[str, Message]) -> dict[str, dict[str, str]]:
    languages = (SOURCE_LANGUAGE, *(lang for lang in catalogue_languages() if lang != SOURCE_LANGUAGE))
    table: dict[str, dict[str, str]] = {}
    for key, message in messages.items():
        entry = {lang: render(message, lang) for lang in languages}
        if message.plural is not None:
            entry |= {f"{lang}_one": render(message, lang, 1) for lang in languages}
        table[key] = entry
    return table


_MODULES: tuple[ModuleType, ...] = _modules()
MESSAGES: dict[str, Message] = _merge(_MODULES)
STRINGS: dict[str, dict[str, str]] = _by_language(MESSAGES)
