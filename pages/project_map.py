"""Mappa progetti: pick an axis/strategy, see where its projects landed (count or per 100 000), and the list.

Localised projects colour the map; metropolitan-wide projects and projects with no zone stated are listed
apart (never silently dropped), and those whose place lies in one zone are marked there (zona dedotta dal luogo,
counted apart). With a scenario, the map shows the report, the scenario or their difference. URL:
`?strategy=2.3&metric=per100k&comuni=1&map_view=diff` (plus `map_axis` when an axis is chosen here without a
strategy and differs from the sidebar's).
"""

import streamlit as st

from components import state
from components.data_access import geojson, get_dataset, places
from components.figures import Figure, show_figures
from components.filters import axis_names, current_filters
from components.i18n import format_decimal, t
from components.maps import build_zone_map, geojson_download, interactive_toggle, legend, render_map, show_static_map
from components.navigation import link_to
from components.scenario import (
    filter_hypotheses,
    hypotheses_frame,
    scenario_banner,
    scenario_editor,
    scenario_projects,
    show_hypotheses,
)
from components.sources import cite
from components.tables import show_html_table, show_projects
from psm_data import geo_export, palette
from psm_data.analysis import filter_projects, split_by_scope, strategies_of_axis, zone_counts_table
from psm_data.scenario import stack_sources

AXIS_KEY, STRATEGY_KEY, METRIC_KEY, COMUNI_KEY, TILES_KEY = "map_axis", "strategy", "metric", "comuni", "map_tiles"
VIEW_KEY = "map_view"
METRICS = ("count", "per100k")
VIEWS = ("report", "scenario", "diff")
_SIDEBAR_AXIS_SEEN = "_map_sidebar_axis"

data = get_dataset()
filters = current_filters()
scenario = scenario_editor(data)
axes = axis_names(data)
strategies = data.strategies.set_index("strategy_id")
all_strategy_ids = tuple(data.strategies["strategy_id"])


def _strategy_axis(strategy_id: str) -> str:
    return strategies.at[strategy_id, "axis_id"] if strategy_id else ""


def _on_axis_change() -> None:
    """A strategy of another axis no longer applies once the axis changes."""
    chosen = st.session_state.get(STRATEGY_KEY) or ""
    axis = st.session_state.get(AXIS_KEY) or ""
    if chosen and axis and _strategy_axis(chosen) != axis:
        st.session_state[STRATEGY_KEY] = ""


# --- widgets state: URL first, then the sidebar axis; a strategy always implies its axis
state.seed_from_url(STRATEGY_KEY, all_strategy_ids, default="")
state.seed_from_url(AXIS_KEY, data.axis_ids, default=_strategy_axis(st.session_state[STRATEGY_KEY])
                    or filters.axis_id or "")
state.seed_from_url(METRIC_KEY, METRICS, default="count")
state.seed_from_url(COMUNI_KEY, ("1",), default=False)
state.seed_from_url(VIEW_KEY, VIEWS, default="report")
st.session_state[COMUNI_KEY] = st.session_state[COMUNI_KEY] in (True, "1")
sidebar_axis = filters.axis_id or ""
if st.session_state.get(_SIDEBAR_AXIS_SEEN, sidebar_axis) != sidebar_axis:
    st.session_state[AXIS_KEY] = sidebar_axis  # the sidebar axis changed: follow it
    _on_axis_change()
st.session_state[_SIDEBAR_AXIS_SEEN] = sidebar_axis
if st.session_state[STRATEGY_KEY] and st.session_state[AXIS_KEY] != _strategy_axis(st.session_state[STRATEGY_KEY]):
    st.session_state[AXIS_KEY] = _strategy_axis(st.session_state[STRATEGY_KEY])

st.title(t("map_title"))
if scenario:
    scenario_banner(scenario)

all_axes_label, all_strategies_label = t("all_axes"), t("all_strategies")  # resolved now (AppTest formats later)
controls = st.columns([2, 3])
axis = controls[0].selectbox(t("filter_axis"), ("",) + data.axis_ids, key=AXIS_KEY, on_change=_on_axis_change,
                             format_func=lambda a: all_axes_label if not a else f"{a} · {axes[a]}")
options = ("",) + strategies_of_axis(data.strategies, axis or None)
if st.session_state.get(STRATEGY_KEY) not in options:
    st.session_state[STRATEGY_KEY] = ""
titles = {s: strategies.at[s, "title"] for s in options if s}


def _strategy_label(sid: str) -> str:
    if not sid:
        return all_strategies_label
    title = titles[sid]
    return f"{sid} · {title if len(title) <= 90 else title[:89] + '…'}"


strategy = controls[1].selectbox(t("col_strategy"), options, key=STRATEGY_KEY, format_func=_strategy_label)
metric_labels = {m: t(f"map_metric_{m}") for m in METRICS}
switches = st.columns([4, 3, 3, 3], vertical_alignment="center")
metric = switches[0].radio(t("map_metric"), METRICS, key=METRIC_KEY, horizontal=True, label_visibility="collapsed",
                           format_func=metric_labels.__getitem__)
show_comuni = switches[1].checkbox(t("map_comuni_layer"), key=COMUNI_KEY)
with switches[2]:
    interactive = interactive_toggle()
show_tiles = switches[3].checkbox(t("map_tiles"), key=TILES_KEY, help=t("map_tiles_help"), disabled=not interactive)

state.page_param(STRATEGY_KEY, strategy or None)
state.page_param(AXIS_KEY, axis if axis and not strategy and axis != sidebar_axis else None)
state.page_param(METRIC_KEY, metric if metric != "count" else None)
state.page_param(COMUNI_KEY, "1" if show_comuni else None)
view = "report"
if scenario:
    view_labels = {v: t(f"scn_view_{v}") for v in VIEWS}
    view = st.segmented_control(t("scn_map_view"), VIEWS, key=VIEW_KEY, format_func=view_labels.__getitem__,
                                selection_mode="single", required=True) or "report"
    state.page_param(VIEW_KEY, view if view != "report" else None)

chosen = filter_projects(data.projects, axis_id=axis or None, strategy_id=strategy or None)
groups = split_by_scope(chosen)
per_zone = zone_counts_table(chosen, data.zones, filters.zones)
rate = metric == "per100k"
column = "per_100k" if rate else "n_projects"
values = dict(zip(per_zone["zone_id"], per_zone[column], strict=True))
value_label = t("col_per_100k") if rate else t("col_n_projects")
hypotheses = filter_hypotheses(hypotheses_frame(scenario), axis_id=axis or None, strategy_id=strategy or None)
per_zone_scenario, changed_zones = None, ()
if scenario:  # the same counts with the hypotheses; the map shows the report, the scenario or the difference
    with_hypotheses = filter_projects(scenario_projects(data, scenario), axis_id=axis or None,
                                      strategy_id=strategy or None)
    per_zone_scenario = zone_counts_table(with_hypotheses, data.zones, filters.zones)
    delta = (per_zone_scenario[column] - per_zone[column]).round(2)
    changed_zones = tuple(per_zone.loc[delta != 0, "zone_id"])
    if view == "scenario":
        values = dict(zip(per_zone_scenario["zone_id"], per_zone_scenario[column], strict=True))
        value_label = t("scn_map_value_scenario", value=value_label)
    elif view == "diff":
        values = dict(zip(per_zone["zone_id"], delta, strict=True))
        value_label = t("scn_map_value_diff", value=value_label)
breaks = palette.class_breaks(max(values.values(), default=0))
deduced = places()
by_place = filter_projects(deduced.localised, axis_id=axis or None, strategy_id=strategy or None)
place_markers = [(*deduced.points[p.project_id], t("place_marker", name=p.name, zone=p.zone_ids[0]))
                 for p in by_place.itertuples()]

map_col, side_col = st.columns([5, 2], gap="medium")
with side_col:  # the legend, what is being mapped, and how many projects the map can and cannot show
    legend(palette.legend_entries(breaks) if rate else palette.count_legend_entries(breaks),
           t("map_legend", value=value_label))
    if strategy:
        row = strategies.loc[strategy]
        st.header(t("strategy_label", id=strategy))
        st.markdown(f"**{row['title']}**")
        status = t("map_status", status=t(f"status_{row['status']}"))
        if row["description"] and row["description"] != row["title"]:
            status += f" — *{row['description']}*"
        st.markdown(status)
        cite(row["source_quote"])
    elif axis:
        st.header(t("axis_label", id=axis, name=axes[axis]))
        st.markdown(t("map_all_strategies_of_axis"))
    else:
        st.header(t("map_everything"))
    figures = [Figure(t("map_m_localised"), str(len(groups["zones"]))),
               Figure(t("map_m_elsewhere"), str(len(groups["metropolitan"]) + len(groups["unspecified"])),
                      note=t("map_m_elsewhere_help", metropolitan=len(groups["metropolitan"]),
                             unspecified=len(groups["unspecified"])))]
    if scenario:
        figures.append(Figure(t("scn_m_hypotheses"), str(len(hypotheses)), note=t("scn_m_hypotheses_help")))
    show_figures(figures, label=t("figures_label"))

with map_col:
    format_value = (lambda v: format_decimal(v, 2)) if rate else (lambda v: format_decimal(v, 0))
    if not interactive:  # the server-drawn map, usable at once; the Leaflet map only when asked for
        show_static_map(geojson("zones"), values, names=dict(zip(data.zones["zone_id"], data.zones["name"],
                                                                  strict=True)),
                        value_label=value_label, format_value=format_value, breaks=breaks, selected=filters.zones,
                        dashed=changed_zones if view != "report" else (),
                        comuni_geojson=geojson("comuni") if show_comuni else None,
                        markers=[(lon, lat) for lon, lat, _name in place_markers])
    else:
        fmap = build_zone_map(
            geojson("zones"), values, value_label=value_label, zone_label=t("zone"),
            format_value=format_value,
            selected=filters.zones,
            comuni_geojson=geojson("comuni") if show_comuni else None, comuni_label=t("map_comuni_layer"),
            inferred_label=t("confidence_inferred"),
            link_text=t("map_open_profile"), link_params=state.current_params(include_page=False),
            tiles=show_tiles, fit_zones=data.zone_ids, place_markers=place_markers,
            dashed_zones=changed_zones if view != "report" else (),
        )
        render_map(fmap, key="project_map")
    notes = [t("map_caption_localised" if interactive else "map_caption_localised_static"), t("geometry_credit")]
    if view != "report":
        notes.insert(0, t(f"scn_map_caption_{view}"))
    if place_markers:
        notes.append(t("place_map_caption"))
    if filters.zones:
        notes.insert(1, t("map_caption_selection"))
    if show_comuni:
        notes.append(t("inferred_note", n=int((data.comuni["confidence"] == "inferred").sum())))
    st.caption(" ".join(notes))
    geo_view = {"strategy": strategy, "axis": axis, "metric": metric, "zones": ";".join(filters.zones),
                "map_view": view, "scn": st.query_params.get("scn", "")}
    if view == "scenario" and per_zone_scenario is not None:
        geo_table, geo_source = per_zone_scenario, "scenario"
    elif view == "diff" and per_zone_scenario is not None:
        geo_table, geo_source = per_zone.assign(n_projects=per_zone_scenario["n_projects"] - per_zone["n_projects"],
                                                per_100k=(per_zone_scenario["per_100k"] - per_zone["per_100k"])
                                                .round(2)), "difference"
    else:
        geo_table, geo_source = per_zone, "report"
    geo_columns = st.columns(2)
    with geo_columns[0]:
        geojson_download(lambda: geo_export.zones_collection(geojson("zones"), geo_table, source=geo_source,
                                                             view=geo_view),
                         label=t("geo_download_zones"), key="map_zones",
                         file_name=f"psm_mappa{'_' + strategy if strategy else ''}_{geo_source}.geojson")
    with geo_columns[1]:
        geojson_download(lambda: geo_export.projects_collection(geojson("zones"), groups["zones"], by_place),
                         label=t("geo_download_projects"), key="map_projects",
                         file_name=f"psm_progetti{'_' + strategy if strategy else ''}.geojson")

# --- the same figures as a table (the map's text alternative)
zone_table_title = t("map_zone_table")
st.header(zone_table_title)
zone_labels = {"zone_id": t("col_zone"), "name": t("col_name"), "population": t("col_population"),
               "n_projects": t("col_n_projects"), "per_100k": t("col_per_100k"),
               "in_selection": t("map_col_in_selection")}
zone_table = per_zone if filters.zones else per_zone.drop(columns=["in_selection"])
zone_file = f"psm_progetti_per_zona{'_' + strategy if strategy else ''}.csv"
if per_zone_scenario is None:
    show_html_table(zone_table, key="map_zone_table", file_name=zone_file, caption=zone_table_title,
                    labels=zone_labels, max_height=None)
else:  # report and scenario side by side on screen; in the CSV one after the other, apart by `source`
    scenario_table = per_zone_scenario[zone_table.columns]
    side_by_side = zone_table.assign(n_scenario=per_zone_scenario["n_projects"],
                                     delta=per_zone_scenario["n_projects"] - per_zone["n_projects"])
    show_html_table(side_by_side, key="map_zone_table", file_name=zone_file, caption=zone_table_title,
                    labels={**zone_labels, "n_scenario": t("scn_col_n_scenario"), "delta": t("scn_col_delta")},
                    max_height=None, csv_frame=stack_sources(zone_table, scenario_table), csv_labels=zone_labels)

# --- the projects behind the colours, then the ones no map can show
localised = groups["zones"] if filters.all_zones else filter_projects(groups["zones"], zones=filters.zones)
localised_title = t("map_localised_header" if filters.all_zones else "map_localised_header_sel", n=len(localised))
st.header(localised_title)
show_projects(localised, key="map_localised", file_name="psm_progetti_localizzati.csv", caption=localised_title,
              columns=("name", "strategy_ids", "zone_ids", "promoter", "description", "source_quote"),
              empty_text=t("map_none_localised"))

if scenario:
    hypotheses_title = t("scn_map_hypotheses_header", n=len(hypotheses))
    st.subheader(hypotheses_title)
    st.caption(t("scn_map_hypotheses_caption"))
    if hypotheses.empty:
        st.info(t("scn_map_no_hypotheses"))
    else:
        show_hypotheses(hypotheses, key="map_hypotheses", file_name="psm_scenario_progetti_ipotetici.csv",
                        caption=hypotheses_title)

metropolitan, unspecified = groups["metropolitan"], groups["unspecified"]
metropolitan_title = t("map_metropolitan_header", n=len(metropolitan))
st.header(metropolitan_title)
st.caption(t("map_metropolitan_caption"))
show_projects(metropolitan, key="map_metropolitan", file_name="psm_progetti_metropolitani.csv",
              caption=metropolitan_title,
              columns=("name", "strategy_ids", "promoter", "description", "places", "source_quote"),
              empty_text=t("map_none"))
unspecified_title = t("map_unspecified_header", n=len(unspecified))
st.header(unspecified_title)
st.caption(t("map_unspecified_caption"))
show_projects(unspecified, key="map_unspecified", file_name="psm_progetti_zona_non_indicata.csv",
              caption=unspecified_title,
              columns=("name", "strategy_ids", "places", "promoter", "description", "source_quote"),
              empty_text=t("map_none"))
if not by_place.empty:  # the unlocalised projects whose places lie in one zone: shown on it, counted apart
    place_title = t("place_header", n=len(by_place))
    st.subheader(place_title)
    st.caption(t("place_caption"))
    show_projects(by_place.rename(columns={"zone_ids": "place_zone"}).assign(zone_basis=t("place_basis_value")),
                  key="map_by_place", caption=place_title,
                  file_name="psm_progetti_zona_dedotta_dal_luogo.csv",
                  columns=("name", "strategy_ids", "places", "place_zone", "zone_basis", "source_quote"))

st.divider()
links = st.columns(2)
with links[0]:
    link_to("coverage", t("nav_coverage"))
with links[1]:
    link_to("zone", t("nav_zone"))
