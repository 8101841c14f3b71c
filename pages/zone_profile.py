"""Zona: one zone's profile: map with its comuni, figures, projects by axis, covered and uncovered strategies,
the needs of its uncovered axes, and the metropolitan-wide projects that apply to it too. URL: `?profile=7`.
"""

import streamlit as st

from components import palette, state
from components.data_access import geojson, get_dataset
from components.filters import axis_names, current_filters, zone_names
from components.i18n import t
from components.maps import build_zone_map, filter_features, render_map
from components.navigation import link_to
from components.tables import show_projects, show_table
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

figures = st.columns(5)
figures[0].metric(t("col_population"), f"{summary['population']:,}".replace(",", "\u202f"))
figures[1].metric(t("col_area"), f"{summary['area_km2']:,.0f}".replace(",", "\u202f"))
figures[2].metric(t("col_n_comuni"), summary["n_comuni"])
figures[3].metric(t("zone_m_inferred"), summary["n_inferred"], help=t("zone_m_inferred_help"))
figures[4].metric(t("zone_m_projects"), summary["n_projects"], help=t("zone_m_projects_help"))

# --- locator map: the zone filled and outlined with its comuni (inferred ones dashed), the others faded;
# tooltips give every zone's count of localised projects
per_zone = projects_per_zone(data.projects, data.zones)
values = dict(zip(per_zone["zone_id"], per_zone["n_projects"], strict=True))
fmap = build_zone_map(
    geojson("zones"), values, value_label=t("col_n_projects"), zone_label=t("zone"),
    format_value=lambda v: f"{v:.0f}", selected=(zone,), uniform_fill=palette.SEQUENTIAL[0],
    comuni_geojson=filter_features(geojson("comuni"), "zone_id", (zone,)), comuni_label=t("zone_comuni_layer"),
    inferred_label=t("confidence_inferred"),
    link_text=t("map_open_profile"), link_params=state.current_params(include_page=False), fit_zones=(zone,),
)
map_col, comuni_col = st.columns([3, 2])
with map_col:
    render_map(fmap, key="zone_map", height=520)
    st.caption(f"{t('zone_map_caption')} {t('geometry_credit')}")
with comuni_col:
    st.header(t("zone_comuni_header", n=summary["n_comuni"], inferred=summary["n_inferred"]))
    comuni = zone_comuni(data.comuni, zone)
    comuni["confidence"] = comuni["confidence"].map(lambda c: t(f"confidence_{c}"))
    show_table(comuni, key="zone_comuni", file_name=f"psm_zona_{zone}_comuni.csv", height=420, labels={
        "istat_code": t("zone_col_istat"), "name": t("col_name"), "population": t("col_population"),
        "confidence": t("col_confidence"), "source": t("zone_col_source")},
        column_config={t("zone_col_istat"): st.column_config.TextColumn(width="small"),
                       t("col_population"): st.column_config.NumberColumn(width="small", format="localized"),
                       t("col_confidence"): st.column_config.TextColumn(width="small")})

# --- projects by axis
st.header(t("zone_projects_header", n=summary["n_projects"]))
counts = zone_axis_counts(data.projects, zone, data.axes)
cells = st.columns(len(counts))
for cell, row in zip(cells, counts.itertuples(), strict=True):
    cell.metric(t("axis_short", id=row.axis_id), row.n_projects, help=row.name)
st.caption(t("zone_axis_counts_caption"))
shown_axes = (filters.axis_id,) if filters.axis_id else data.axis_ids
if filters.axis_id:
    st.info(t("zone_axis_filtered", axis=t("axis_label", id=filters.axis_id, name=axes[filters.axis_id])))
mine = filter_projects(data.projects, axis_id=filters.axis_id, zones=[zone])
show_projects(mine, key="zone_projects", file_name=f"psm_zona_{zone}_progetti.csv",
              columns=("name", "strategy_ids", "zone_ids", "promoter", "description", "source_quote"),
              empty_text=t("zone_no_projects"))

# --- covered and uncovered strategies
table = zone_strategy_table(data.strategies, data.projects, zone, data.zone_ids)
table = table[table["axis_id"].isin(list(shown_axes))]
covered, uncovered = table[table["covered"]], table[~table["covered"]]
strategy_labels = {"strategy_id": t("col_strategy"), "title": t("col_title"), "status": t("col_status"),
                   "n_in_zone": t("zone_col_in_zone"), "n_metropolitan": t("zone_col_metropolitan"),
                   "n_unspecified": t("zone_col_unspecified"), "source_quote": t("col_quote")}
left, right = st.columns(2)
with left:
    st.subheader(t("zone_covered_header", n=len(covered)))
    for row in covered.itertuples():
        st.markdown(t("zone_covered_item", id=row.strategy_id, title=row.title, n=row.n_in_zone))
with right:
    st.subheader(t("zone_uncovered_header", n=len(uncovered)))
    for row in uncovered.itertuples():
        flag = t("zone_flag_no_actions") if row.status == "no_actions" else ""
        st.markdown(t("zone_uncovered_item", id=row.strategy_id, title=row.title) + flag)
    if (uncovered["status"] == "no_actions").any():
        st.caption(t("zone_no_actions_caption"))
shown = table.assign(status=table["status"].map(lambda s: t(f"status_{s}")))
with st.expander(t("zone_strategy_table")):
    show_table(shown[["strategy_id", "title", "status", "n_in_zone", "n_metropolitan", "n_unspecified",
                      "source_quote"]], key="zone_strategies", file_name=f"psm_zona_{zone}_strategie.csv",
               labels=strategy_labels, column_config={t("col_quote"): st.column_config.TextColumn(width="large")})

# --- needs of the axes where the zone has no project
st.header(t("zone_needs_header"))
empty_axes = [a for a in counts.loc[counts["n_projects"] == 0, "axis_id"] if a in shown_axes]
if empty_axes:
    st.markdown(t("zone_needs_intro", axes=", ".join(t("axis_label", id=a, name=axes[a]) for a in empty_axes)))
    needs = needs_with_proposals(data.needs, data.proposals, empty_axes)
    for axis_id in empty_axes:
        st.markdown(f"**{t('axis_label', id=axis_id, name=axes[axis_id])}**")  # a label, not an h5 under an h2
        for need in needs[needs["axis_id"] == axis_id].itertuples():
            lines = [f"- **{need.need_id}** · {need.title}"]
            lines += [f"    - {text}" for text in need.proposals.split("\n") if text]
            st.markdown("\n".join(lines))
    with st.expander(t("zone_needs_table")):
        show_table(needs, key="zone_needs", file_name=f"psm_zona_{zone}_esigenze_assi_scoperti.csv", labels={
            "need_id": t("col_need"), "axis_id": t("col_axis"), "title": t("col_title"),
            "proposals": t("zone_col_proposals"), "source_quote": t("col_quote")},
            column_config={t("col_title"): st.column_config.TextColumn(width="large"),
                           t("zone_col_proposals"): st.column_config.TextColumn(width="large")})
else:
    st.success(t("zone_needs_none"))

# --- metropolitan-wide projects: they apply to this zone too
metropolitan = split_by_scope(filter_projects(data.projects, axis_id=filters.axis_id))["metropolitan"]
st.header(t("zone_metropolitan_header", n=len(metropolitan)))
st.caption(t("zone_metropolitan_caption"))
show_projects(metropolitan, key="zone_metropolitan", file_name="psm_progetti_metropolitani.csv",
              columns=("name", "strategy_ids", "promoter", "description", "source_quote"))

st.divider()
links = st.columns(2)
with links[0]:
    link_to("map", t("nav_map"))
with links[1]:
    link_to("coverage", t("nav_coverage"))
