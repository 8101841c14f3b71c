"""The one table of UI strings, assembled from one module per area of the app.

Each module defines `STRINGS: dict[key, {"it": ..., "en": ...}]`. Splitting by area keeps the files short; merging
here keeps one lookup, and a key defined in two modules is an error at import time, not a silent override.
"""

from __future__ import annotations

from types import ModuleType

from components.strings import events, explorer, hardening, maps, scenarios

_MODULES: tuple[ModuleType, ...] = (explorer, events, scenarios, hardening, maps)


def _merge(modules: tuple[ModuleType, ...]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in modules:
        for key, entry in module.STRINGS.items():
            if key in merged:
                raise ValueError(f"UI string {key!r} is defined twice (again in {module.__name__})")
            merged[key] = entry
    return merged


STRINGS: dict[str, dict[str, str]] = _merge(_MODULES)
