"""Copertura: per axis, each strategy's status and projects; zone × axis and zone × strategy counts; the gaps.

Everything follows the sidebar: the zone selection (empty = all zones), the axis filter and the scenario (its
hypothetical projects shown next to the report: the gaps they close, the cells they change).
"""

import streamlit as st

from components.charts import count_heatmap, show_chart
from components.coverage_view import coverage_view, gap_sentence_maker
from components.data_access import get_dataset, places
from components.events.results import convergent_section
from components.filters import axis_names, current_filters
from components.i18n import t
from components.navigation import link_to
from components.scenario import changes_caption, gap_changes, scenario_banner, scenario_editor
from components.state import page_param, seed_from_url
from components.tables import download_csv, show_frame

WIDE_MATRIX = 8  # columns of the zone × strategy table beyond which it says it scrolls (one axis has at most 7)

data = get_dataset()
filters = current_filters()
scenario = scenario_editor(data)
axes = axis_names(data)
# Everything the page shows is computed before the first element is drawn (see components/coverage_view.py):
# the browser then gets the page in one burst instead of redrawing it between computations.
view = coverage_view(data, places().localised, filters.zones, filters.axis_id, scenario)

st.title(t("cov_title"))
st.markdown(t("cov_intro"))
view_zones = t("cov_some_zones", zones=", ".join(filters.zones)) if filters.zones else t("cov_all_zones")
view_axes = t("axis_label", id=filters.axis_id, name=axes[filters.axis_id]) if filters.axis_id else t("all_axes")
st.info(t("cov_view", zones=view_zones, axes=view_axes), icon=":material/filter_alt:")
if scenario:
    scenario_banner(scenario)

# --- gaps first: the answer to "only zones 5 and 7: what is missing?"
st.header(t("cov_gaps_header"))
st.caption(t("cov_gaps_intro"))
if view.first_gaps:
    st.markdown(view.first_gaps)
else:
    st.success(t("no_gaps"))
if view.gap_diff is not None:
    gap_changes(view.gap_diff, gap_sentence_maker(data))
group_columns = st.columns(3, border=True)
for column, (kind, n, lines) in zip(group_columns, view.gap_columns, strict=True):
    with column:
        st.subheader(t(f"gap_group_{kind}", n=n))
        if lines:
            st.markdown("\n".join(f"- {line}" for line in lines))
        else:
            st.caption(t("gap_group_empty"))
# The list above is the table's content; the CSV has one row per gap (zone gaps per axis).
download_csv(view.gap_table, key="cov_gaps", file_name="psm_lacune.csv", labels={
    "text": t("col_gap_text"), "kind": t("col_gap_kind"), "strategy_id": t("col_strategy"),
    "axis_id": t("col_axis"), "zone_id": t("col_zone"), "n_elsewhere": t("col_elsewhere"),
    "zones_elsewhere": t("col_zones_elsewhere"), "place_zones": t("col_place_zones"),
})

# --- participants' validated priorities where the report has no project (listening events; labelled as such)
convergent_section(data, filters.zones, filters.axis_id)

# --- per axis: each strategy's status and its projects
st.header(t("cov_status_header"))
st.caption(t("cov_status_caption"))
# One chart and one table for all axes in view (not one per axis): fewer elements, a faster rerun.
st.caption(t("cov_chart_x"))
st.html(view.strips_html)
strategy_labels = {
    "strategy_id": t("col_strategy"), "title": t("col_title"), "description": t("col_description"),
    "status": t("col_status"), "n_projects": t("col_links_projects"), "n_in_selection": t("col_in_selection"),
    "n_metropolitan": t("col_metropolitan"), "n_unspecified": t("col_unspecified"), "source_quote": t("col_quote"),
    "n_hypothetical": t("scn_col_hyp_in_selection"),
}
# The counts follow the zones; the strategies' description and quote only follow the axis. Two tables, so a zone
# change re-sends the small one and the texts go by reference (Streamlit's message cache): 13 -> 5 KB per change.
show_frame(view.strategies, key="cov_strategies", labels=strategy_labels,
           column_config={t("col_title"): st.column_config.TextColumn(width="medium")})
st.caption(t("cov_texts_caption"))
show_frame(view.strategy_texts, key="cov_strategy_texts", labels=strategy_labels, column_config={
    t("col_title"): st.column_config.TextColumn(width="small"),
    t("col_quote"): st.column_config.TextColumn(width="large"),
    t("col_description"): st.column_config.TextColumn(width="medium")})
download_csv(view.strategy_export, key="cov_strategies", file_name="psm_strategie.csv", labels=strategy_labels)

# --- zone × axis and zone × strategy counts, zeros visible
st.header(t("cov_heat_axis"))
st.caption(t("cov_heat_axis_caption"))
changes_caption(view.by_axis, view.by_axis_scenario)
st.html(view.axis_html)
download_csv(view.axis_export, key="cov_zone_axis", file_name="psm_zone_assi.csv", index=True)

st.header(t("cov_heat_strategy"))
st.caption(t("cov_heat_strategy_caption"))
changes_caption(view.by_strategy, view.by_strategy_scenario)
if len(view.by_strategy.columns) > WIDE_MATRIX:  # all axes: 24 columns, wider than a phone (or a narrow window)
    st.caption(t("matrix_scrolls", n=len(view.by_strategy.columns)))
st.html(view.strategy_html)
# The interactive plotly heatmap (hover with titles, zoom) is opt-in: its 4.7 MB chart library would otherwise
# cost every visitor ~0.6 s on first load and ~80 ms on every rerun (see README, Performance).
seed_from_url("chart", ("1",), default=False)
st.session_state["chart"] = st.session_state["chart"] in (True, "1")
if st.toggle(t("cov_interactive"), key="chart", help=t("cov_interactive_help")):
    show_chart(count_heatmap(view.by_strategy, x_labels=list(view.by_strategy.columns), y_labels=list(view.y_labels),
                             x_title=t("col_strategy"), y_title="", hover_label=t("hover_projects")),
               key="cov_heat_strategy")
page_param("chart", "1" if st.session_state["chart"] else None)
download_csv(view.strategy_matrix_export, key="cov_zone_strategy", file_name="psm_zone_strategie.csv", index=True)

st.subheader(t("cov_zone_links"))
with st.container(horizontal=True, gap="small"):
    for zone_id in view.by_axis.index:
        link_to("zone", view.zone_labels[zone_id], profile=zone_id)
