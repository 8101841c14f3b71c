"""The app's public address, for QR codes and links that people open on another device (phones in a hall).

One rule everywhere (presenter, facilitator, zone sheets): $PSM_PUBLIC_URL when set; else the address this
browser is using, without the page's path (`st.context.url`: the laptop's LAN address when the projector's
browser uses it); else http://localhost:8501.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from psm_data.zone_sheet import DEFAULT_BASE_URL, PUBLIC_URL_ENV, event_join_url, public_base_url


def app_base_url() -> str:
    if os.environ.get(PUBLIC_URL_ENV, "").strip():
        return public_base_url()
    try:
        url = st.context.url
    except Exception:  # noqa: BLE001 - no browser context (AppTest, a script): fall back
        url = None
    if not isinstance(url, str) or not url:
        return DEFAULT_BASE_URL
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return DEFAULT_BASE_URL
    from components.navigation import BY_URL  # the page paths this app serves

    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1] in BY_URL:
        segments = segments[:-1]
    path = "/" + "/".join(segments) if segments else ""
    return urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


def join_url(code: str) -> str:
    """The participant page of an event, as printed under its QR code."""
    return event_join_url(app_base_url(), code)
