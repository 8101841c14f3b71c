"""The one table of UI strings, assembled from one module per area of the app.

Each module of this package defines `STRINGS: dict[key, {"it": ..., "en": ...}]` (plus `it_one`/`en_one` for the
singular of a counted string). Every module here is found by name, so a new area needs no registration; merging
here keeps one lookup, and a key defined in two modules is an error at import time, not a silent override.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def _modules() -> tuple[ModuleType, ...]:
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in names)


def _merge(modules: tuple[ModuleType, ...]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in modules:
        for key, entry in module.STRINGS.items():
            if key in merged:
                raise ValueError(f"UI string {key!r} is defined twice (again in {module.__name__})")
            merged[key] = entry
    return merged


_MODULES: tuple[ModuleType, ...] = _modules()
STRINGS: dict[str, dict[str, str]] = _merge(_MODULES)
