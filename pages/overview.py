"""Panoramica: headline figures, coverage by axis at a glance, what the report is."""

import streamlit as st

from components.charts import status_strips_html
from components.data_access import get_dataset
from components.filters import axis_names, current_filters
from components.i18n import t
from components.navigation import link_to
from components.sources import cite
from components.style import subtitle
from components.tables import show_table
from psm_data.analysis import axis_summary, headline_figures, status_by_axis
from psm_data.schema import STATUSES

data = get_dataset()
filters = current_filters()
figures = headline_figures(data)

st.title(t("app_title"))
subtitle(t("app_subtitle"))  # a paragraph, not an h4: headings go h1 → h2 without a gap

row1 = st.columns(4)
row1[0].metric(t("m_strategies"), figures["strategies"], help=t("m_strategies_help", n=figures["axes"]))
row1[1].metric(t("m_projects"), figures["projects"],
               help=t("m_projects_help", localised=figures["projects_localised"]))
row1[2].metric(t("m_zones"), figures["zones"], help=t("m_zones_help", comuni=figures["comuni"]))
row1[3].metric(t("m_no_actions"), figures["strategies_no_actions"])
row2 = st.columns(4)
row2[0].metric(t("m_needs"), figures["needs"])
row2[1].metric(t("m_proposals"), figures["proposals"])
row2[2].metric(t("m_themes"), figures["themes"])
row2[3].metric(t("m_interviews"), figures["interviews"],
               help=t("m_questionnaire", n=figures["questionnaire"]))
st.caption(t("m_caption", interviews=figures["interviews"], questionnaire=figures["questionnaire"]))

st.header(t("overview_coverage"))
axes = axis_names(data)
status_labels = {s: t(f"status_{s}") for s in STATUSES}
counts = status_by_axis(data.strategies, STATUSES)
if filters.axis_id:
    counts = counts.loc[[filters.axis_id]]
st.html(status_strips_html(counts, axis_labels={a: t("axis_label", id=a, name=axes[a]) for a in counts.index},
                          status_labels=status_labels))

per_axis = axis_summary(data.strategies, data.projects, data.zone_ids, filters.zones)
per_axis = per_axis[per_axis["axis_id"].isin(counts.index)]
per_axis.insert(1, "axis", per_axis["axis_id"].map(axes))
st.caption(t("overview_table_caption"))
show_table(per_axis, key="overview_axes", file_name="psm_copertura_assi.csv", labels={
    "axis_id": t("col_axis"), "axis": t("col_name"), "n_strategies": t("n_strategies"),
    "n_projects": t("col_links_projects"), "n_in_selection": t("col_in_selection"),
    "n_strategies_without": t("col_without_projects"),
})

st.header(t("overview_about"))
st.markdown(t("overview_about_text"))
for row in data.method.itertuples():
    st.markdown(f"**{row.label}: {row.value}**")
    cite(row.source_quote)

st.header(t("overview_next"))
cols = st.columns(3)
with cols[0]:
    link_to("map", t("nav_map"))
with cols[1]:
    link_to("coverage", t("nav_coverage"))
with cols[2]:
    link_to("needs", t("nav_needs"))
