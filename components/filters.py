"""The shared sidebar: language, the what-if zone filter and the axis filter, all bound to the URL (and the
scenario's URL parameter, read here so that a shared link keeps it on every page)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import state
from components.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from components.scenario import scenario_sidebar_note, seed_scenario
from psm_data import Dataset
from psm_data.analysis import resolve_zones

_LANG_WIDGET = "lang_choice"


@dataclass(frozen=True)
class Filters:
    """What every page respects. `zones` is the explicit selection (empty = all); `zone_ids` is resolved."""

    zones: tuple[str, ...]
    zone_ids: tuple[str, ...]
    axis_id: str | None
    lang: str

    @property
    def all_zones(self) -> bool:
        return not self.zones


def zone_names(data: Dataset) -> dict[str, str]:
    return dict(zip(data.zones["zone_id"], data.zones["name"], strict=True))


def axis_names(data: Dataset) -> dict[str, str]:
    return dict(zip(data.axes["axis_id"], data.axes["name"], strict=True))


def seed_language() -> None:
    """Take `?lang=` once per session, before anything is translated (page titles included)."""
    state.seed_from_url(state.LANG, LANGUAGES, default=DEFAULT_LANGUAGE)


def render_language(container: DeltaGenerator | None = None) -> str:
    """The IT/EN switch (in the sidebar unless another container is given, e.g. on the phone page).

    The language lives in a plain session key (`lang`), mirrored into the widget on every run: a widget's own
    state is dropped when a page does not draw it, and the phone page draws the switch elsewhere."""
    seed_language()
    st.session_state[_LANG_WIDGET] = st.session_state[state.LANG]
    (container or st.sidebar).segmented_control(t("language"), LANGUAGES, key=_LANG_WIDGET, format_func=str.upper,
                                                selection_mode="single", required=True, on_change=_language_chosen)
    return st.session_state[state.LANG]


def _language_chosen() -> None:
    st.session_state[state.LANG] = st.session_state[_LANG_WIDGET] or DEFAULT_LANGUAGE


def render_filters(data: Dataset) -> Filters:
    """Draw the zone and axis filters (seeded from the URL on first run) and return their values."""
    names = zone_names(data)
    axes = axis_names(data)
    state.seed_from_url(state.ZONE, data.zone_ids, multi=True)
    state.seed_from_url(state.AXIS, ("",) + data.axis_ids, default="")
    sidebar = st.sidebar
    sidebar.header(t("sidebar_filters"))
    zones = sidebar.multiselect(t("filter_zones"), data.zone_ids, key=state.ZONE,
                                format_func=lambda z: f"{z} · {names[z]}", help=t("filter_zones_help"),
                                placeholder=t("filter_zones_placeholder"))
    all_axes = t("all_axes")  # resolved now: AppTest calls format_func outside the script run
    axis = sidebar.selectbox(t("filter_axis"), ("",) + data.axis_ids, key=state.AXIS,
                             format_func=lambda a: all_axes if not a else f"{a} · {axes[a]}")
    selection = tuple(z for z in data.zone_ids if z in set(zones))
    if selection:
        sidebar.caption(t("selection_some", zones=", ".join(f"{z} · {names[z]}" for z in selection)))
    else:
        sidebar.caption(t("selection_all"))
    sidebar.caption(t("share_hint"))
    seed_scenario(data)
    scenario_sidebar_note()
    return Filters(selection, resolve_zones(selection, data.zone_ids), axis or None,
                   st.session_state.get(state.LANG, DEFAULT_LANGUAGE))


def current_filters() -> Filters:
    """The filters app.py drew on this run (pages read them from here)."""
    return st.session_state["_filters"]
