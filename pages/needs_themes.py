"""Esigenze e nuovi temi: the needs for 2024–26 with their proposals, by axis; the ten new themes and their axes.

Filters: the sidebar axis filter, a full-text search (`?q=`, accent-insensitive) and a new theme (`?theme=T4`).
"""

import re

import streamlit as st

from components import state
from components.data_access import get_dataset
from components.events.access import explorer_results
from components.events.results import (
    ALL_EVENTS,
    NO_RESULTS,
    approved_texts_html,
    need_results_html,
    origin_lines,
    origin_split,
    outcome_lines,
    results_choice,
    results_frame_for_display,
)
from components.filters import axis_names, current_filters
from components.i18n import t
from components.sources import cite
from components.tables import show_table
from psm_data.analysis import (
    filter_themes,
    needs_axes,
    needs_table,
    proposals_by_need,
    search_needs,
    text_matches,
    theme_axes,
    theme_link_table,
)
from psm_data.events.vocabulary import MIN_VOTERS
from psm_data.schema import TRANSVERSAL

#: The report's own words on the status of the needs (section 2, the method).
VALIDATE_QUOTE = ("costruire un primo quadro delle esigenze che la nuova programmazione dovrà affrontare, da "
                  "approfondire e validare durante l'evento di ascolto")
SEARCH, THEME = "q", "theme"  # URL parameters and widget keys


def md(text: str) -> str:
    """Report text shown as literal Markdown (no accidental bold, maths or links)."""
    return re.sub(r"([\\`*_~$#<>\[\]])", r"\\\1", text)


data = get_dataset()
filters = current_filters()
axes = axis_names(data)
theme_ids = tuple(data.themes["theme_id"])
theme_titles = dict(zip(data.themes["theme_id"], data.themes["title"], strict=True))
links = theme_axes(data.themes, data.axis_ids)

st.title(t("needs_title"))
st.markdown(t("needs_intro"))
st.warning(t("needs_validate"), icon=":material/fact_check:")
cite(VALIDATE_QUOTE)

# --- filters (seeded from the URL, kept in it)
state.seed_from_url(SEARCH, st.query_params.get_all(SEARCH), default="")  # any text is a valid query
state.seed_from_url(THEME, ("",) + theme_ids, default="")
theme_options = {"": t("needs_theme_all"), **{tid: t("theme_label", id=tid, title=theme_titles[tid])
                                              for tid in theme_ids}}
controls = st.columns([3, 2])
query = controls[0].text_input(t("needs_search"), key=SEARCH, placeholder=t("needs_search_placeholder"),
                               help=t("needs_search_help"), icon=":material/search:").strip()
theme = controls[1].selectbox(t("needs_theme"), tuple(theme_options), key=THEME,
                              format_func=theme_options.__getitem__) or None
state.page_param(SEARCH, query or None)
state.page_param(THEME, theme)
st.caption(t("needs_theme_rule"))
if theme:
    is_transversal = TRANSVERSAL in data.themes.loc[data.themes["theme_id"] == theme, "axis_links"].iloc[0]
    st.caption(t("needs_theme_transversal", theme=theme) if is_transversal
               else t("needs_theme_axes", theme=theme, axes=", ".join(links[theme])))

# Participants' answers at listening events: shown beside the needs, labelled, never mixed with the report.
events = explorer_results(None)
results = None
if events is not None:
    choice = results_choice(events.events)
    if choice != NO_RESULTS:
        results = events if choice == ALL_EVENTS else explorer_results(choice)
        split = origin_split(None if choice == ALL_EVENTS else choice)  # web / paper (/ any later origin)

shown_axes = needs_axes(data.themes, data.axis_ids, theme, filters.axis_id)
needs, proposals = search_needs(data.needs, data.proposals, query=query, axis_ids=shown_axes)
themes = filter_themes(data.themes, data.axis_ids, query=query, theme_id=theme, axis_id=filters.axis_id)

metrics = st.columns(3)
metrics[0].metric(t("needs_m_needs"), len(needs))
metrics[1].metric(t("needs_m_proposals"), len(proposals))
metrics[2].metric(t("needs_m_themes"), len(themes))
hits = {pid for pid, text in zip(proposals["proposal_id"], proposals["text"], strict=True)
        if query and text_matches(text, query)}
if query and len(proposals):
    st.caption(t("needs_prop_hits", n=len(hits)))

# --- needs by axis, each with its proposals and its source
st.header(t("needs_by_axis"))
if needs.empty:
    st.info(t("needs_none"), icon=":material/search_off:")
grouped = proposals_by_need(proposals)
by_need = {} if results is None else {r["need_id"]: r for r in results.results.to_dict("records")}
for axis_id in shown_axes:
    axis_needs = needs[needs["axis_id"] == axis_id]
    if axis_needs.empty:
        continue
    st.subheader(t("axis_label", id=axis_id, name=axes[axis_id]))
    for need in axis_needs.itertuples():
        with st.container(border=True):
            st.markdown(f"**{need.need_id}** — {md(need.title)}")
            mine = grouped.get(need.need_id)
            if mine is None:
                st.caption(t("needs_no_proposals"))
            else:
                st.markdown("\n".join(
                    f"- {'**' if p.proposal_id in hits else ''}{md(p.letter)}) {md(p.text)}"
                    f"{'**' if p.proposal_id in hits else ''}" for p in mine.itertuples()))
            with st.expander(t("needs_source", id=need.need_id), icon=":material/format_quote:"):
                cite(need.source_quote)
            if results is not None:
                row = by_need.get(need.need_id)
                st.html(need_results_html(row, outcome_lines(results.outcomes, need.need_id),
                                          origin_lines(split, need.need_id), need_id=need.need_id))
with st.expander(t("needs_table"), icon=":material/table:"):
    show_table(needs_table(needs, proposals), key="needs_table", file_name="psm_esigenze_proposte.csv", labels={
        "need_id": t("col_need"), "axis_id": t("col_axis"), "need_title": t("col_need_title"),
        "letter": t("col_letter"), "proposal": t("col_proposal"), "need_quote": t("col_need_quote"),
        "proposal_quote": t("col_proposal_quote"),
    })

if results is not None:
    with st.expander(t("r_table"), icon=":material/how_to_vote:"):
        st.caption(t("participants_data") + " " + t("r_definitions", min=MIN_VOTERS))
        table = results_frame_for_display(results.results[results.results["need_id"].isin(needs["need_id"])])
        show_table(table.assign(source="participants"), key="needs_event_results",
                   file_name="psm_esigenze_risultati_partecipanti.csv")
    if len(results.approved):
        st.subheader(t("r_approved_header", n=len(results.approved)))
        st.caption(t("participants_data"))
        st.html(approved_texts_html(results.approved))

# --- the new themes: a theme × axis matrix (symbols and words, not colour) and their sources
st.header(t("themes_header"))
if themes.empty:
    st.info(t("themes_none"), icon=":material/search_off:")
else:
    st.caption(t("themes_matrix_caption"))
    matrix = theme_link_table(themes, data.axis_ids)
    symbols = {"link": t("link_named"), "trasversale": t("link_transversal"), "": ""}
    shown = matrix[["theme_id", "title", *data.axis_ids]].replace(dict.fromkeys(data.axis_ids, symbols))
    axis_columns = {a: t("axis_short", id=a) for a in data.axis_ids}
    show_table(shown, key="themes_matrix", file_name="psm_temi_assi.csv",
               labels={"theme_id": t("col_theme"), "title": t("col_title"), **axis_columns},
               column_config={t("col_theme"): st.column_config.TextColumn(width=50),
                              t("col_title"): st.column_config.TextColumn(width=210),
                              **{label: st.column_config.TextColumn(width=95) for label in axis_columns.values()}})
    st.subheader(t("themes_details"))
    for theme_row in themes.itertuples():
        linked = t("transversal") if TRANSVERSAL in theme_row.axis_links else ", ".join(theme_row.axis_links)
        with st.expander(f"{t('theme_label', id=theme_row.theme_id, title=theme_row.title)} · "
                         f"{t('theme_links_text', axes=linked)}", expanded=theme_row.theme_id == theme):
            st.markdown(md(theme_row.description))
            cite(theme_row.source_quote)
