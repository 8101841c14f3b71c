"""Show where a fact comes from: the verbatim quote and the report section it stands in."""

from __future__ import annotations

import html

import streamlit as st

from components.data_access import report
from components.i18n import t


def cite(quote: str) -> None:
    """A quote block with its report section, under each fact the app shows."""
    section = report().section_of(quote)
    st.markdown(
        f"<blockquote style='margin:0.2rem 0 0.6rem 0;border-left:4px solid #0072B2;padding-left:0.8rem'>"
        f"«{html.escape(quote)}»<br><small>{html.escape(t('source'))}: {html.escape(t('report_title_short'))}"
        f"{' — ' + html.escape(section) if section else ''}</small></blockquote>",
        unsafe_allow_html=True,
    )
