"""Indicazioni e fonti: the guidance for the Città metropolitana, and everything about the data."""

import streamlit as st

from components.data_access import get_dataset
from components.i18n import t
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
    ("method", "method.csv"), ("zones", "zones.csv"), ("comuni", "comuni.csv"))]
st.markdown("\n".join(f"- `psm_data/{name}`: {n}" for name, n in files))

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

st.subheader(t("about_licences"))
st.markdown(t("about_licences_text"))
st.subheader(t("about_update"))
st.markdown(t("about_update_text"))
