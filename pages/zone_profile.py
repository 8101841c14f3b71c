"""Zona: one zone's profile: map with its comuni, figures, projects by axis, covered and uncovered strategies,
the needs of its uncovered axes, and the metropolitan-wide projects that apply to it too; the projects whose
place lies in the zone (counted apart); with a scenario, its hypotheses next to the report; the printable sheet.
URL: `?profile=7`.
"""

import streamlit as st

from components import state
from components.data_access import geojson, get_dataset, places
from components.documents.zone_sheet import event_for_sheet, zone_sheet_download
from components.events.turnout_view import zone_participation
from components.figures import Figure, show_figures
from components.filters import axis_names, current_filters, zone_names
from components.i18n import format_decimal, t, tn
from components.maps import (
    build_zone_map,
    filter_features,
    geojson_download,
    interactive_toggle,
    render_map,
    show_static_map,
)
from components.navigation import link_to
from components.scenario import (
    badge,
    filter_hypotheses,
    hypotheses_frame,
    scenario_banner,
    scenario_editor,
    scenario_projects,
    show_hypotheses,
)
from components.tables import show_html_table, show_projects
from psm_data import geo_export, palette
from psm_data.analysis import (
    filter_projects,
    needs_with_proposals,
    projects_per_zone,
    split_by_scope,
    zone_axis_counts,
    zone_comuni,
    zone_strategy_table,
    zone_summary,
)

PROFILE_KEY = "profile"

data = get_dataset()
filters = current_filters()
scenario = scenario_editor(data)
names = zone_names(data)
axes = axis_names(data)

state.seed_from_url(PROFILE_KEY, data.zone_ids,
                    default=filters.zones[0] if len(filters.zones) == 1 else data.zone_ids[0])
zone_label = t("zone_label", id="{}", name="{}")  # resolved now (AppTest formats later)
title_slot = st.empty()  # the title names the zone chosen just below it
picker, nav_map, nav_coverage = st.columns([3, 1, 1], vertical_alignment="bottom")
zone = picker.selectbox(t("zone_choose"), data.zone_ids, key=PROFILE_KEY,
                        format_func=lambda z: zone_label.format(z, names[z]))
state.page_param(PROFILE_KEY, zone)
with nav_map:
    link_to("map", t("nav_map"))
with nav_coverage:
    link_to("coverage", t("nav_coverage"))

summary = zone_summary(zone, data.zones, data.comuni, data.projects, data.strategies)
title_slot.title(t("zone_label", id=zone, name=summary["name"]))
if scenario:
    scenario_banner(scenario)
hypotheses = filter_hypotheses(hypotheses_frame(scenario), axis_id=filters.axis_id, zones=(zone,))
in_zone = hypotheses[hypotheses["zone_ids"].map(bool).astype(bool)]  # localised here (the others are metropolitan-wide)
deduced = places()
by_place = filter_projects(deduced.localised, axis_id=filters.axis_id, zones=[zone])

show_figures([
    Figure(t("col_population"), format_decimal(summary["population"], 0, grouping="\u202f")),
    Figure(t("col_area"), format_decimal(summary["area_km2"], 0, grouping="\u202f")),
    Figure(t("col_n_comuni"), str(summary["n_comuni"])),
    Figure(t("zone_m_inferred"), str(summary["n_inferred"]), note=t("zone_m_inferred_help")),
    Figure(t("zone_m_projects"), str(summary["n_projects"]), note=t("zone_m_projects_help"),
           delta=tn("scn_metric_delta", len(in_zone)) if len(in_zone) else ""),
], label=t("figures_label"))
zone_sheet_download(zone, names[zone], event=event_for_sheet())
if scenario:  # the sheet is the report's facts only: say so where a planner with hypotheses reaches for it
    st.caption(f"{badge()} {t('zone_sheet_no_hypotheses')}")

# --- locator map: the zone filled and outlined with its comuni (inferred ones dashed), the others faded;
# tooltips give every zone's count of localised projects
per_zone = projects_per_zone(data.projects, data.zones)
values = dict(zip(per_zone["zone_id"], per_zone["n_projects"], strict=True))
markers = [(*deduced.points[p.project_id], t("place_marker", name=p.name, zone=zone)) for p in by_place.itertuples()]
zone_comuni_shapes = filter_features(geojson("comuni"), "zone_id", (zone,))
map_col, comuni_col = st.columns([3, 2])
with map_col:
    interactive = interactive_toggle()
    if not interactive:  # the server-drawn map, usable at once; the Leaflet map only when asked for
        show_static_map(geojson("zones"), values, names=names, value_label=t("col_n_projects"),
                        format_value=lambda v: f"{v:.0f}", breaks=palette.class_breaks(max(values.values())),
                        selected=(zone,), comuni_geojson=zone_comuni_shapes, fit=(zone,),
                        markers=[(lon, lat) for lon, lat, _name in markers], uniform_fill=palette.SEQUENTIAL[0])
    else:
        fmap = build_zone_map(
            geojson("zones"), values, value_label=t("col_n_projects"), zone_label=t("zone"),
            format_value=lambda v: f"{v:.0f}", selected=(zone,), uniform_fill=palette.SEQUENTIAL[0],
            comuni_geojson=zone_comuni_shapes, comuni_label=t("zone_comuni_layer"),
            inferred_label=t("confidence_inferred"),
            link_text=t("map_open_profile"), link_params=state.current_params(include_page=False), fit_zones=(zone,),
            place_markers=markers,
        )
        render_map(fmap, key="zone_map", height=520)
    st.caption(f"{t('zone_map_caption' if interactive else 'zone_map_caption_static')} {t('geometry_credit')}")
    geo_columns = st.columns(2)
    with geo_columns[0]:
        geojson_download(lambda: geo_export.zones_collection(geojson("zones"), per_zone, source="report",
                                                             view={"profile": zone}),
                         label=t("geo_download_zones"), key="zone_zones", file_name="psm_zone_progetti.geojson")
    with geo_columns[1]:
        geojson_download(lambda: geo_export.boundaries_collection(zone_comuni_shapes), label=t("geo_download_comuni"),
                         key="zone_comuni", file_name=f"psm_zona_{zone}_comuni.geojson")
with comuni_col:
    comuni_title = t("zone_comuni_header", n=summary["n_comuni"], inferred=summary["n_inferred"])
    st.header(comuni_title)
    comuni = zone_comuni(data.comuni, zone)
    comuni["confidence"] = comuni["confidence"].map(lambda c: t(f"confidence_{c}"))
    show_html_table(comuni, key="zone_comuni", file_name=f"psm_zona_{zone}_comuni.csv", caption=comuni_title,
                    max_height="26rem", row_header=False, one_line=("source",), labels={
                        "istat_code": t("zone_col_istat"), "name": t("col_name"), "population": t("col_population"),
                        "confidence": t("col_confidence"), "source": t("zone_col_source")})

# --- projects by axis
projects_title = t("zone_projects_header", n=summary["n_projects"])
st.header(projects_title)
counts = zone_axis_counts(data.projects, zone, data.axes)
added = (zone_axis_counts(scenario_projects(data, scenario), zone, data.axes)["n_projects"] - counts["n_projects"]
         if scenario else counts["n_projects"] * 0)
show_figures([Figure(t("axis_short", id=row.axis_id), str(row.n_projects), note=row.name,
                     delta=tn("scn_metric_delta", int(plus)) if plus else "")
              for row, plus in zip(counts.itertuples(), added, strict=True)], label=projects_title)
st.caption(t("zone_axis_counts_caption"))
shown_axes = (filters.axis_id,) if filters.axis_id else data.axis_ids
if filters.axis_id:
    st.info(t("zone_axis_filtered", axis=t("axis_label", id=filters.axis_id, name=axes[filters.axis_id])))
mine = filter_projects(data.projects, axis_id=filters.axis_id, zones=[zone])
show_projects(mine, key="zone_projects", file_name=f"psm_zona_{zone}_progetti.csv", caption=projects_title,
              columns=("name", "strategy_ids", "zone_ids", "promoter", "description", "source_quote"),
              empty_text=t("zone_no_projects"))
if not by_place.empty:  # the report names only a place, and it lies wholly in this zone: shown, counted apart
    place_title = t("place_header", n=len(by_place))
    st.subheader(place_title)
    st.caption(t("place_caption"))
    show_projects(by_place.rename(columns={"zone_ids": "place_zone"}).assign(zone_basis=t("place_basis_value")),
                  key="zone_by_place", file_name=f"psm_zona_{zone}_zona_dedotta_dal_luogo.csv", caption=place_title,
                  columns=("name", "strategy_ids", "places", "place_zone", "zone_basis", "source_quote"))
if scenario:
    hypotheses_title = t("scn_zone_hypotheses_header", n=len(hypotheses))
    st.subheader(hypotheses_title)
    st.caption(t("scn_zone_hypotheses_caption"))
    if hypotheses.empty:
        st.info(t("scn_zone_no_hypotheses"))
    else:
        show_hypotheses(hypotheses, key="zone_hypotheses", file_name=f"psm_zona_{zone}_scenario_ipotesi.csv",
                        caption=hypotheses_title)

# --- covered and uncovered strategies
table = zone_strategy_table(data.strategies, data.projects, zone, data.zone_ids)
table = table[table["axis_id"].isin(list(shown_axes))]
covered, uncovered = table[table["covered"]], table[~table["covered"]]
strategy_labels = {"strategy_id": t("col_strategy"), "title": t("col_title"), "status": t("col_status"),
                   "n_in_zone": t("zone_col_in_zone"), "n_metropolitan": t("zone_col_metropolitan"),
                   "n_unspecified": t("zone_col_unspecified"), "source_quote": t("col_quote")}
# Each list is one markdown element, not one per line: every element costs the browser a render (and a style
# recalculation), and a fresh tab of this page drew some 40 of them.
left, right = st.columns(2)
with left:
    st.subheader(t("zone_covered_header", n=len(covered)))
    if not covered.empty:
        st.markdown("\n".join(t("zone_covered_item", id=row.strategy_id, title=row.title, n=row.n_in_zone)
                              for row in covered.itertuples()))
scenario_covered = {s for ids in in_zone["strategy_ids"] for s in ids}
with right:
    st.subheader(t("zone_uncovered_header", n=len(uncovered)))
    lines = []
    for row in uncovered.itertuples():
        flag = t("zone_flag_no_actions") if row.status == "no_actions" else ""
        if row.strategy_id in scenario_covered:
            flag += f" — {badge()} {t('scn_covered_in_scenario')}"
        lines.append(t("zone_uncovered_item", id=row.strategy_id, title=row.title) + flag)
    if lines:
        st.markdown("\n".join(lines))
    if (uncovered["status"] == "no_actions").any():
        st.caption(t("zone_no_actions_caption"))
shown = table.assign(status=table["status"].map(lambda s: t(f"status_{s}")))
with st.expander(t("zone_strategy_table")):
    show_html_table(shown[["strategy_id", "title", "status", "n_in_zone", "n_metropolitan", "n_unspecified",
                           "source_quote"]], key="zone_strategies", file_name=f"psm_zona_{zone}_strategie.csv",
                    caption=t("zone_strategy_table"), labels=strategy_labels, wide=("title", "source_quote"))

# --- needs of the axes where the zone has no project
st.header(t("zone_needs_header"))
empty_axes = [a for a in counts.loc[counts["n_projects"] == 0, "axis_id"] if a in shown_axes]
if empty_axes:
    st.markdown(t("zone_needs_intro", axes=", ".join(t("axis_label", id=a, name=axes[a]) for a in empty_axes)))
    closed_axes = [a for a in empty_axes if added[data.axis_ids.index(a)]]
    if closed_axes:
        st.markdown(f"{badge()} " + t("scn_zone_axes_covered", axes=", ".join(closed_axes)))
    needs = needs_with_proposals(data.needs, data.proposals, empty_axes)
    blocks = []
    for axis_id in empty_axes:
        lines = [f"**{t('axis_label', id=axis_id, name=axes[axis_id])}**", ""]  # a label, not an h5 under an h2
        for need in needs[needs["axis_id"] == axis_id].itertuples():
            lines.append(f"- **{need.need_id}** · {need.title}")
            lines += [f"    - {text}" for text in need.proposals.split("\n") if text]
        blocks.append("\n".join(lines))
    st.markdown("\n\n".join(blocks))  # one element for every axis (see the strategy lists above)
    with st.expander(t("zone_needs_table")):
        show_html_table(needs, key="zone_needs", file_name=f"psm_zona_{zone}_esigenze_assi_scoperti.csv",
                        caption=t("zone_needs_table"), wide=("title", "proposals", "source_quote"), labels={
                            "need_id": t("col_need"), "axis_id": t("col_axis"), "title": t("col_title"),
                            "proposals": t("zone_col_proposals"), "source_quote": t("col_quote")})
else:
    st.success(t("zone_needs_none"))

# --- metropolitan-wide projects: they apply to this zone too
metropolitan = split_by_scope(filter_projects(data.projects, axis_id=filters.axis_id))["metropolitan"]
metropolitan_title = t("zone_metropolitan_header", n=len(metropolitan))
st.header(metropolitan_title)
st.caption(t("zone_metropolitan_caption"))
show_projects(metropolitan, key="zone_metropolitan", file_name="psm_progetti_metropolitani.csv",
              caption=metropolitan_title,
              columns=("name", "strategy_ids", "promoter", "description", "source_quote"))

zone_participation(zone)

st.divider()
links = st.columns(2)
with links[0]:
    link_to("map", t("nav_map"))
with links[1]:
    link_to("coverage", t("nav_coverage"))
