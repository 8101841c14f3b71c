"""URL state: the filters live in the query string so that a copied address reproduces the view.

Global filters (`zone`, `axis`, `lang`) are seeded from the URL once per session and written back on every
run; page widgets register their own parameters with `page_param`. Invalid URL values, and parameters the page
does not know, are dropped and reported with a visible notice, never a traceback; the notice shows them as
literal text, cut to a readable length (a link can carry anything). The what-if scenario (`scn`, see
psm_data/scenario.py) is a global parameter too: a shared link carries it to every page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

import streamlit as st

from psm_data.scenario import encode_scenario

ZONE, AXIS, LANG, PROJECTOR = "zone", "axis", "lang", "proj"
SCENARIO = "scn"  # session state holds a psm_data.scenario.Scenario; the URL its encoded form
_NOTICES = "_url_notices"
_PAGE_PARAMS = "_page_params"
_URL_KEYS = "_url_keys"  # the parameters this run's frame and page read or write
_SHOWN_CHARS = 40


def seed_from_url(key: str, valid: Sequence[str], *, multi: bool = False, default: object = None) -> None:
    """Give widget `key` its value from `?key=…` the first time it appears (a widget with a key reads it)."""
    st.session_state.setdefault(_URL_KEYS, set()).add(key)
    if key in st.session_state:
        return
    raw = list(st.query_params.get_all(key))
    good = list(dict.fromkeys(v for v in raw if v in valid))
    bad = [v for v in raw if v not in valid]
    dropped = bad + ([] if multi else good[1:])  # a single-valued parameter keeps its first valid value
    if dropped:
        st.session_state.setdefault(_NOTICES, []).extend(describe(key, v) for v in dropped)
    if multi:
        st.session_state[key] = [v for v in valid if v in good]  # canonical order: one URL per view
    else:
        st.session_state[key] = good[0] if good else default


def seed_parsed(key: str, parse: Callable[[str], tuple[object, list[str]]], *, default: object) -> None:
    """Like `seed_from_url` for a value that needs parsing: `parse(raw)` returns (value, problems) or raises
    ValueError; problems and rejected values become the usual notice (naming the parameter, not echoing it)."""
    st.session_state.setdefault(_URL_KEYS, set()).add(key)
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
        notices.extend(code_span(f"{key} ({problem})") for problem in problems)  # ours: values already made safe
        if len(raw) > 1:
            notices.extend(describe(key, extra) for extra in raw[1:])
    st.session_state[key] = value


def known_param(name: str) -> None:
    """A parameter this run reads straight from `st.query_params` (e.g. an event code): not an unknown one."""
    st.session_state.setdefault(_URL_KEYS, set()).add(name)


def start_run() -> None:
    """Called at the top of every run: forget the previous page's parameters."""
    st.session_state[_PAGE_PARAMS] = {}
    st.session_state[_URL_KEYS] = set()


def page_param(name: str, value: str | Sequence[str] | None) -> None:
    """Declare a page-specific value to keep in the URL (None or empty = omit)."""
    st.session_state.setdefault(_PAGE_PARAMS, {})[name] = value
    st.session_state.setdefault(_URL_KEYS, set()).add(name)


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
    """URL values that were ignored since the last call, and parameters no part of this run knows (call it after
    the page ran), each as a markdown code span (`key=value`) that shows the text literally."""
    # The global parameters are the app's own on every page, even where a page does not read them (an event page
    # keeps the explorer's zones in the address for the way back).
    known = st.session_state.get(_URL_KEYS, set()) | {ZONE, AXIS, LANG, PROJECTOR, SCENARIO}
    unknown = [describe(k, v) for k in st.query_params if k not in known for v in st.query_params.get_all(k)]
    return st.session_state.pop(_NOTICES, []) + unknown


def describe(key: str, value: str) -> str:
    """`key=value` as a markdown code span: cut to a readable length, one line, never read as markup."""
    text = f"{_cut(key)}={_cut(value)}"
    return code_span(text)


def _cut(text: str) -> str:
    """At most _SHOWN_CHARS characters; control and direction-changing characters (which could reorder or hide
    the rest of the line) shown as their code, e.g. \\u202e."""
    text = text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS - 1] + "…"
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)


def code_span(text: str) -> str:
    """CommonMark inline code for any text: a backtick fence longer than any run inside, line breaks as spaces.

    Inside a code span nothing is markup (no links, emphasis, maths or Streamlit colour directives)."""
    flat = re.sub(r"[\r\n]+", " ", text)
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {flat} {fence}" if flat.strip() else f"{fence}{flat or ' '}{fence}"
