"""Indicazioni e fonti: the guidance for the Città metropolitana, and everything about the data."""

import streamlit as st

from components.data_access import data_dictionary_frame, data_package_zip, get_dataset, places
from components.i18n import current_language, t
from components.sources import cite
from components.tables import show_table
from psm_data.analysis import confidence_by_zone, headline_figures
from psm_data.schema import GUIDANCE_AREAS, STATUSES

data = get_dataset()
figures = headline_figures(data)

st.title(t("nav_guidance"))
st.header(t("guidance_title"))
st.markdown(t("guidance_intro"))
for area in GUIDANCE_AREAS:
    items = data.guidance[data.guidance["area"] == area]
    st.subheader(f"{t('area_' + area)} ({len(items)})")
    for item in items.itertuples():
        with st.expander(f"**{item.number}.** {item.title}", expanded=True):
            lines = [line.strip() for line in item.text.splitlines() if line.strip()]
            if lines:
                st.markdown("\n".join(f"- {line}" for line in lines))
            else:
                st.caption(t("guidance_no_proposals"))
            cite(item.source_quote)
show_table(data.guidance, key="guidance_table", file_name="psm_indicazioni_cmt.csv", labels={
    "guidance_id": "id", "area": t("col_area_g"), "number": "n.", "title": t("col_need"),
    "text": t("col_text"), "source_quote": t("col_quote"),
})

st.header(t("about_data"))
st.markdown(t("about_sources", projects=figures["projects"], strategies=figures["strategies"]))
st.subheader(t("about_files"))
files = [(spec, len(getattr(data, key))) for key, spec in (
    ("axes", "axes.csv"), ("strategies", "strategies.csv"), ("projects", "projects.csv"), ("needs", "needs.csv"),
    ("proposals", "proposals.csv"), ("themes", "themes.csv"), ("guidance", "cmt_guidance.csv"),
    ("method", "method.csv"), ("zones", "zones.csv"), ("comuni", "comuni.csv"), ("place_areas", "place_areas.csv"))]
st.markdown("\n".join(f"- `psm_data/{name}`: {n}" for name, n in files))
st.download_button(t("dp_download"), data=data_package_zip, file_name="psm_torino_datapackage.zip",
                   mime="application/zip", key="datapackage_download", on_click="ignore", help=t("dp_download_help"),
                   icon=":material/download:")

st.subheader(t("dp_header"))
st.markdown(t("dp_intro"))
dictionary = data_dictionary_frame()
description = "description_en" if current_language() == "en" else "description_it"
show_table(dictionary[["file", "field", "type", "key", "constraints", description]], key="data_dictionary",
           file_name="psm_dizionario_dati.csv", labels={
               "file": t("dp_col_file"), "field": t("dp_col_field"), "type": t("dp_col_type"),
               "key": t("dp_col_key"), "constraints": t("dp_col_constraints"),
               description: t("dp_col_description")})

st.subheader(t("about_status"))
st.markdown("\n".join(f"- **{t('status_' + s)}** (`{s}`): {t('status_def_' + s)}" for s in STATUSES))
st.markdown(t("about_scope"))

st.subheader(t("about_inferred", n=figures["comuni_inferred"], total=figures["comuni"]))
st.markdown(t("about_inferred_text"))
show_table(confidence_by_zone(data.comuni, data.zones), key="confidence_by_zone",
           file_name="psm_comuni_assegnazione_per_zona.csv", labels={
               "zone_id": t("col_zone"), "name": t("col_name"), "n_comuni": t("col_n_comuni"),
               "sourced": t("confidence_sourced"), "inferred": t("confidence_inferred")})
with st.expander(t("about_inferred_list")):
    inferred = data.comuni[data.comuni["confidence"] == "inferred"]
    show_table(inferred, key="inferred_comuni", file_name="psm_comuni_dedotti.csv", labels={
        "istat_code": "ISTAT", "name": t("col_name"), "zone_id": t("col_zone"),
        "population": t("col_population"), "confidence": t("col_confidence"), "source": t("source")})

# --- places that lie in one zone: the rule and the list it gives
st.subheader(t("place_rule_header"))
st.markdown(t("place_rule_text"))
resolutions = places().resolutions


def outcome_text(row) -> str:
    if row.outcome == "deduced":
        return t("place_outcome_deduced", zone=row.zone_id)
    if row.outcome == "spans_zones":
        return t("place_outcome_spans", zones=", ".join(row.zones))
    return t("place_outcome_unresolved" if len(row.unresolved) == 1 else "place_outcome_unresolved_many",
             places="; ".join(row.unresolved))


show_table(resolutions.assign(outcome=[outcome_text(r) for r in resolutions.itertuples()])[
    ["name", "strategy_ids", "places", "outcome", "comuni", "references"]],
    key="place_rule_table", file_name="psm_zona_dedotta_dal_luogo.csv", labels={
        "name": t("col_project"), "strategy_ids": t("col_strategies"), "places": t("col_places"),
        "outcome": t("place_col_outcome"), "comuni": t("place_col_comuni"), "references": t("place_col_reference")})
st.caption(t("place_areas_caption"))
show_table(data.place_areas, key="place_areas_table", file_name="psm_aree_luoghi.csv", labels={
    "place": t("place_col_place"), "comuni": t("place_col_comuni"), "source": t("source")})

st.subheader(t("about_licences"))
st.markdown(t("about_licences_text"))
st.subheader(t("about_update"))
st.markdown(t("about_update_text"))
