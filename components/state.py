"""URL state: the filters live in the query string so that a copied address reproduces the view.

Global filters (`zone`, `axis`, `lang`) are seeded from the URL once per session and written back on every
run; page widgets register their own parameters with `page_param`. Invalid URL values are dropped and
reported with a visible notice, never a traceback. The what-if scenario (`scn`, see psm_data/scenario.py) is a
global parameter too: a shared link carries it to every page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from psm_data.scenario import encode_scenario

ZONE, AXIS, LANG, PROJECTOR = "zone", "axis", "lang", "proj"
SCENARIO = "scn"  # session state holds a psm_data.scenario.Scenario; the URL its encoded form
_NOTICES = "_url_notices"
_PAGE_PARAMS = "_page_params"


def seed_from_url(key: str, valid: Sequence[str], *, multi: bool = False, default: object = None) -> None:
    """Give widget `key` its value from `?key=…` the first time it appears (a widget with a key reads it)."""
    if key in st.session_state:
        return
    raw = list(st.query_params.get_all(key))
    good = list(dict.fromkeys(v for v in raw if v in valid))
    bad = [v for v in raw if v not in valid]
    if bad or (not multi and len(good) > 1):
        st.session_state.setdefault(_NOTICES, []).extend(f"{key}={v}" for v in (bad or good[1:]))
    if multi:
        st.session_state[key] = [v for v in valid if v in good]  # canonical order: one URL per view
    else:
        st.session_state[key] = good[0] if good else default


def seed_parsed(key: str, parse: Callable[[str], tuple[object, list[str]]], *, default: object) -> None:
    """Like `seed_from_url` for a value that needs parsing: `parse(raw)` returns (value, problems) or raises
    ValueError; problems and rejected values become the usual notice (naming the parameter, not echoing it)."""
    if key in st.session_state:
        return
    raw = list(st.query_params.get_all(key))
    value = default
    notices = st.session_state.setdefault(_NOTICES, [])
    if raw:
        try:
            value, problems = parse(raw[0])
        except ValueError as exc:
            problems = [str(exc)]
        notices.extend(f"{key} ({problem})" for problem in problems)
        if len(raw) > 1:
            notices.extend(f"{key}=…" for _extra in raw[1:])
    st.session_state[key] = value


def start_run() -> None:
    """Called at the top of every run: forget the previous page's parameters."""
    st.session_state[_PAGE_PARAMS] = {}


def page_param(name: str, value: str | Sequence[str] | None) -> None:
    """Declare a page-specific value to keep in the URL (None or empty = omit)."""
    st.session_state.setdefault(_PAGE_PARAMS, {})[name] = value


def current_params(*, include_page: bool = True) -> dict[str, str | list[str]]:
    """The query string this view should have: global filters plus the current page's parameters."""
    params: dict[str, str | list[str]] = {}
    zones = st.session_state.get(ZONE) or []
    if zones:
        params[ZONE] = list(zones)
    if st.session_state.get(AXIS):
        params[AXIS] = st.session_state[AXIS]
    if st.session_state.get(LANG) and st.session_state[LANG] != "it":
        params[LANG] = st.session_state[LANG]
    if st.session_state.get(PROJECTOR):
        params[PROJECTOR] = "1"
    if st.session_state.get(SCENARIO):
        params[SCENARIO] = encode_scenario(st.session_state[SCENARIO])
    if include_page:
        for name, value in st.session_state.get(_PAGE_PARAMS, {}).items():
            if value:
                params[name] = value if isinstance(value, str) else list(value)
    return params


def write_url() -> None:
    """Make the address bar match the view (no rerun is triggered by this)."""
    wanted = current_params()
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    normalised = {k: (v if isinstance(v, list) else [v]) for k, v in wanted.items()}
    if current != normalised:
        st.query_params.from_dict(wanted)


def pop_notices() -> list[str]:
    """URL values that were ignored since the last call."""
    return st.session_state.pop(_NOTICES, [])
