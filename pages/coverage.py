"""Copertura: per axis, each strategy's status and projects; zone × axis and zone × strategy counts; the gaps.

Everything follows the sidebar: the zone selection (empty = all zones), the axis filter and the scenario (its
hypothetical projects shown next to the report: the gaps they close, the cells they change).
"""

import pandas as pd
import streamlit as st

from components.charts import count_heatmap, count_table_html, show_chart, strategy_strips_html
from components.data_access import get_dataset, places
from components.events.results import convergent_section
from components.filters import axis_names, current_filters, zone_names
from components.i18n import t, tn
from components.navigation import link_to
from components.scenario import (
    badge,
    changes_caption,
    gap_changes,
    matrix_export,
    scenario_banner,
    scenario_editor,
    scenario_projects,
)
from components.state import page_param, seed_from_url
from components.tables import download_csv, show_frame
from psm_data.analysis import (
    Gap,
    empty_axes_by_zone,
    find_gaps,
    gaps_frame,
    group_gaps,
    strategies_of_axis,
    strategy_coverage_table,
    zone_axis_matrix,
    zone_strategy_matrix,
)
from psm_data.scenario import diff_gaps, stack_sources
from psm_data.schema import STATUSES

WIDE_MATRIX = 8  # columns of the zone × strategy table beyond which it says it scrolls (one axis has at most 7)

data = get_dataset()
filters = current_filters()
scenario = scenario_editor(data)
hypothetical = scenario_projects(data, scenario) if scenario else None
zones = zone_names(data)
axes = axis_names(data)
strategy_titles = dict(zip(data.strategies["strategy_id"], data.strategies["title"], strict=True))
status_labels = {s: t(f"status_{s}") for s in STATUSES}
axis_ids = (filters.axis_id,) if filters.axis_id else data.axis_ids
zone_label = {z: t("zone_label", id=z, name=zones[z]) for z in data.zone_ids}

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
by_place = places().localised  # projects placed in a zone from their places: named on the gap lines, apart
gaps = find_gaps(data.strategies, data.projects, data.zones, data.axis_ids, filters.zones, filters.axis_id,
                 by_place)


def gap_sentence(gap: Gap) -> str:
    """The plain-language sentence for one gap, with where the strategy's projects are: "(2 progetti di scala
    metropolitana o senza zona indicata; altrove: zone 1, 4; zona 9 dedotta dal luogo)"."""
    if gap.kind == "zone_axis_empty":
        return t("gap_zone_axis_empty", zone=gap.zone_id, zone_name=zones[gap.zone_id], axis=gap.axis_id)
    text = t(f"gap_{gap.kind}", strategy=gap.strategy_id, title=strategy_titles[gap.strategy_id])
    where = [tn("gap_where_unlocalised", gap.n_elsewhere)] if gap.n_elsewhere else []
    for key, found in (("gap_where_zones", gap.zones_elsewhere), ("gap_where_places", gap.place_zones)):
        if found:
            where.append(tn(key, len(found), zones=", ".join(found)))
    return text.rstrip(".") + f" ({'; '.join(where)})." if where else text


def zone_sentence(zone_id: str, axes_empty: tuple[str, ...]) -> str:
    """One line per zone: "Zona 8 · …: nessun progetto sull'asse 4" or "…sugli assi 1, 4, 5, 6"."""
    if len(axes_empty) == 1:
        return t("gap_zone_axis_empty", zone=zone_id, zone_name=zones[zone_id], axis=axes_empty[0])
    return t("gap_zone_axes_empty", zone=zone_id, zone_name=zones[zone_id], axes=", ".join(axes_empty))


grouped = group_gaps(gaps)
if gaps:
    st.markdown("**" + t("cov_first_gaps", no_actions=len(grouped["strategy_no_actions"]),
                         not_in=len(grouped["strategy_not_in_selection"]),
                         zone_axes=len(grouped["zone_axis_empty"])) + "**")
else:
    st.success(t("no_gaps"))
scenario_gaps, closed = None, set()
if hypothetical is not None:
    scenario_gaps = find_gaps(data.strategies, hypothetical, data.zones, data.axis_ids, filters.zones, filters.axis_id,
                              by_place)
    diff = diff_gaps(gaps, scenario_gaps)
    gap_changes(diff, gap_sentence)
    closed = {(g.strategy_id, g.zone_id, g.axis_id) for g in diff.closed}
closed_mark = f" → {badge()} {t('scn_closed_mark')}"
group_columns = st.columns(3, border=True)
for column, (kind, members) in zip(group_columns, grouped.items(), strict=True):
    with column:
        st.subheader(t(f"gap_group_{kind}", n=len(members)))
        if kind == "zone_axis_empty":
            lines = []
            for z, a in empty_axes_by_zone(members).items():
                shut = [x for x in a if ("", z, x) in closed]
                lines.append(zone_sentence(z, a) + (f" → {badge()} {t('scn_zone_axes_closed', axes=', '.join(shut))}"
                                                    if shut else ""))
        else:
            lines = [gap_sentence(g) + (closed_mark if (g.strategy_id, g.zone_id, g.axis_id) in closed else "")
                     for g in members]
        if lines:
            st.markdown("\n".join(f"- {line}" for line in lines))
        else:
            st.caption(t("gap_group_empty"))


def gap_rows(found: list[Gap]):
    table = gaps_frame(found)
    table.insert(0, "text", [gap_sentence(g) for g in found])
    table["kind"] = [t(f"gap_kind_{g.kind}") for g in found]
    return table


gap_table = gap_rows(gaps)
if scenario_gaps is not None:  # the report's gaps and the scenario's, apart (a `source` column)
    gap_table = stack_sources(gap_table, gap_rows(scenario_gaps))
# The list above is the table's content; the CSV has one row per gap (zone gaps per axis).
download_csv(gap_table, key="cov_gaps", file_name="psm_lacune.csv", labels={
    "text": t("col_gap_text"), "kind": t("col_gap_kind"), "strategy_id": t("col_strategy"),
    "axis_id": t("col_axis"), "zone_id": t("col_zone"), "n_elsewhere": t("col_elsewhere"),
    "zones_elsewhere": t("col_zones_elsewhere"), "place_zones": t("col_place_zones"),
})

# --- participants' validated priorities where the report has no project (listening events; labelled as such)
convergent_section(data, filters.zones, filters.axis_id)

# --- per axis: each strategy's status and its projects
st.header(t("cov_status_header"))
st.caption(t("cov_status_caption"))
table = strategy_coverage_table(data.strategies, data.projects, data.zone_ids, filters.zones, filters.axis_id)
# One chart and one table for all axes in view (not one per axis): fewer elements, a faster rerun.
labels = [f"{sid} · {title[:42]}{'…' if len(title) > 42 else ''}"
          for sid, title in zip(table["strategy_id"], table["title"], strict=True)]
st.caption(t("cov_chart_x"))
st.html(strategy_strips_html(table["n_in_selection"].tolist(), labels=labels, statuses=table["status"].tolist(),
                             status_labels=status_labels))
shown = table.assign(status=table["status"].map(status_labels))
# The counts follow the zones; the strategies' description and quote only follow the axis. Two tables, so a zone
# change re-sends the small one and the texts go by reference (Streamlit's message cache): 13 -> 5 KB per change.
# The selection's count first (what the filter changes), the title last and narrow: no sideways scroll to find it.
strategy_columns = ["strategy_id", "n_in_selection", "status", "n_projects", "n_metropolitan", "n_unspecified",
                    "title"]
scenario_table = None
if hypothetical is not None:  # one more column, the hypotheses in the selection (scenario)
    scenario_table = strategy_coverage_table(data.strategies, hypothetical, data.zone_ids, filters.zones,
                                             filters.axis_id)
    shown = shown.assign(n_hypothetical=(scenario_table["n_in_selection"] - table["n_in_selection"]).astype("int64"))
    strategy_columns.insert(2, "n_hypothetical")
strategy_labels = {
    "strategy_id": t("col_strategy"), "title": t("col_title"), "description": t("col_description"),
    "status": t("col_status"), "n_projects": t("col_links_projects"), "n_in_selection": t("col_in_selection"),
    "n_metropolitan": t("col_metropolitan"), "n_unspecified": t("col_unspecified"), "source_quote": t("col_quote"),
    "n_hypothetical": t("scn_col_hyp_in_selection"),
}
show_frame(shown[strategy_columns], key="cov_strategies", labels=strategy_labels,
           column_config={t("col_title"): st.column_config.TextColumn(width="medium")})
st.caption(t("cov_texts_caption"))
show_frame(table[["strategy_id", "title", "description", "source_quote"]], key="cov_strategy_texts",
           labels=strategy_labels, column_config={
               t("col_title"): st.column_config.TextColumn(width="small"),
               t("col_quote"): st.column_config.TextColumn(width="large"),
               t("col_description"): st.column_config.TextColumn(width="medium")})
# One CSV with both: counts, description and quote per strategy. With a scenario, the report's rows then the
# scenario's (its counts include the hypotheses), apart by `source`, as every export that mixes the two.
strategy_export = shown[["strategy_id", "title", "description", *strategy_columns[1:-1], "source_quote"]]
if scenario_table is not None:
    in_scenario = scenario_table.assign(status=scenario_table["status"].map(status_labels),
                                        n_hypothetical=shown["n_hypothetical"])[strategy_export.columns]
    strategy_export = stack_sources(strategy_export.assign(n_hypothetical=pd.NA).astype({"n_hypothetical": "Int64"}),
                                    in_scenario.astype({"n_hypothetical": "Int64"}))
download_csv(strategy_export, key="cov_strategies", file_name="psm_strategie.csv", labels=strategy_labels)

# --- zone × axis and zone × strategy counts, zeros visible
st.header(t("cov_heat_axis"))
st.caption(t("cov_heat_axis_caption"))
by_axis = zone_axis_matrix(data.projects, data.zones, axis_ids, filters.zones)
by_axis_scenario = None if hypothetical is None else zone_axis_matrix(hypothetical, data.zones, axis_ids,
                                                                       filters.zones)
y_labels = [zone_label[z] for z in by_axis.index]
cell_title = t("scn_cell_title")  # a template: filled per cell
changes_caption(by_axis, by_axis_scenario)
st.html(count_table_html(by_axis, x_labels=[t("axis_short", id=a) for a in by_axis.columns], y_labels=y_labels,
                        corner=t("col_zone"), x_titles=[axes[a] for a in by_axis.columns], label=t("cov_heat_axis"),
                        scenario=by_axis_scenario, changed_title=cell_title))
download_csv(matrix_export(by_axis, by_axis_scenario, index=zone_label, columns=lambda a: t("axis_short", id=a),
                           index_name=t("col_zone")),
             key="cov_zone_axis", file_name="psm_zone_assi.csv", index=True)

st.header(t("cov_heat_strategy"))
st.caption(t("cov_heat_strategy_caption"))
strategy_ids = strategies_of_axis(data.strategies, filters.axis_id)
by_strategy = zone_strategy_matrix(data.projects, data.zones, strategy_ids, filters.zones)
by_strategy_scenario = None if hypothetical is None else zone_strategy_matrix(hypothetical, data.zones, strategy_ids,
                                                                               filters.zones)
changes_caption(by_strategy, by_strategy_scenario)
if len(by_strategy.columns) > WIDE_MATRIX:  # all axes: 24 columns, wider than a phone (or a narrow window)
    st.caption(t("matrix_scrolls", n=len(by_strategy.columns)))
st.html(count_table_html(by_strategy, x_labels=list(by_strategy.columns), y_labels=y_labels,
                        corner=t("col_zone"), x_titles=[strategy_titles[s] for s in by_strategy.columns],
                        label=t("cov_heat_strategy"), scenario=by_strategy_scenario, changed_title=cell_title))
# The interactive plotly heatmap (hover with titles, zoom) is opt-in: its 4.7 MB chart library would otherwise
# cost every visitor ~0.6 s on first load and ~80 ms on every rerun (see README, Performance).
seed_from_url("chart", ("1",), default=False)
st.session_state["chart"] = st.session_state["chart"] in (True, "1")
if st.toggle(t("cov_interactive"), key="chart", help=t("cov_interactive_help")):
    show_chart(count_heatmap(by_strategy, x_labels=list(by_strategy.columns), y_labels=y_labels,
                             x_title=t("col_strategy"), y_title="", hover_label=t("hover_projects")),
               key="cov_heat_strategy")
page_param("chart", "1" if st.session_state["chart"] else None)
download_csv(matrix_export(by_strategy, by_strategy_scenario, index=zone_label, index_name=t("col_zone")),
             key="cov_zone_strategy",
             file_name="psm_zone_strategie.csv", index=True)

st.subheader(t("cov_zone_links"))
with st.container(horizontal=True, gap="small"):
    for zone_id in by_axis.index:
        link_to("zone", zone_label[zone_id], profile=zone_id)
