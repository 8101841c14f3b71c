"""What a visitor sees when a page fails: a friendly message and a reference code, never a traceback.

The traceback goes to the server log under the same code, so a report ("page X, code 3f9a…") finds it.
Streamlit's own error display is the fallback for failures outside a page (the frame in app.py), and
`client.showErrorDetails = "none"` in .streamlit/config.toml keeps that one free of tracebacks too.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import streamlit as st
from streamlit.logger import get_logger

from components.i18n import t
from psm_data.server.guard import is_client_input_error, short_error_line

#: The friendly error's container key (its element gets the CSS class `st-key-psm_page_error`), so tests can tell
#: a caught page failure from a page that rendered.
PAGE_ERROR_KEY = "psm_page_error"
_LOG = get_logger(__name__)
_ROOT = Path(__file__).resolve().parents[1]


def show_page_error(exc: Exception) -> None:
    """Log the failure with a short reference code and tell the visitor, in their language, what to do."""
    if is_client_input_error(exc, _ROOT):  # a malformed widget value sent by a client: one short line, rate-limited
        ref = short_error_line(exc) or secrets.token_hex(4)
    else:
        ref = secrets.token_hex(4)
        _LOG.error("page failed, reference %s", ref, exc_info=exc)
    with st.container(key=PAGE_ERROR_KEY):
        st.error(t("page_error_title"), icon=":material/error:")
        st.caption(t("page_error_hint", ref=ref))
