"""Show where a fact comes from: the verbatim quote and the report section it stands in."""

from __future__ import annotations

import html
import re

import streamlit as st

from components.data_access import report
from components.i18n import t


def quote_html(quote: str, source: str, section: str = "") -> str:
    """The quote block as one line of HTML: every text escaped, and line breaks as <br>, so the markdown
    renderer sees a single HTML block and never reads part of a quote as markdown (a blank line would end it)."""
    def text(value: str) -> str:
        return re.sub(r"\r\n|\r|\n", "<br>", html.escape(value))

    return (f"<blockquote style='margin:0.2rem 0 0.6rem 0;border-left:4px solid #0072B2;padding-left:0.8rem'>"
            f"«{text(quote)}»<br><small>{text(source)}{' — ' + text(section) if section else ''}</small>"
            "</blockquote>")


def cite(quote: str) -> None:
    """A quote block with its report section, under each fact the app shows."""
    section = report().section_of(quote)
    st.markdown(quote_html(quote, f"{t('source')}: {t('report_title_short')}", section), unsafe_allow_html=True)
