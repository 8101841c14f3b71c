"""The app's public address, for QR codes and links that people open on another device (phones in a hall).

One rule everywhere (presenter, facilitator, zone sheets): $PSM_PUBLIC_URL when set; else the network address the
facilitator chose on this server (`address_notice`, kept for the whole server: the projector and the sheets use
it too); else the address this browser is using, without the page's path (`st.context.url`: the laptop's LAN
address when the projector's browser uses it); else http://localhost:8501.

When that address is `localhost`, phones cannot open it: `address_notice` says so plainly and offers the server's
own network addresses, found locally (psm_data/events/lan.py: no request leaves the laptop).
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from components.i18n import t
from psm_data.documents.zone_sheet import DEFAULT_BASE_URL, PUBLIC_URL_ENV, event_join_url, public_base_url
from psm_data.events.lan import is_local_url, lan_base_urls


@st.cache_resource(show_spinner=False)
def _server_choice() -> dict[str, str]:
    """The network address chosen for this server's QR codes (one dict per process, shared by every session)."""
    return {}


@st.cache_data(ttl=60, show_spinner=False)
def _offered(port: str, scheme: str) -> list[str]:
    return lan_base_urls(port, scheme)


def browser_base_url() -> str:
    """The address this browser is using, without the page's path."""
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


def app_base_url() -> str:
    if os.environ.get(PUBLIC_URL_ENV, "").strip():
        return public_base_url()
    chosen = _server_choice().get("base")
    return chosen or browser_base_url()


def join_url(code: str, table: int | None = None) -> str:
    """The participant page of an event (of one of its tables), as printed under its QR code."""
    url = event_join_url(app_base_url(), code)
    return f"{url}&tavolo={int(table)}" if table is not None else url


def _choose(key: str, local: str) -> None:
    value = st.session_state.get(key)
    if not value or value == local:
        _server_choice().pop("base", None)
    else:
        _server_choice()["base"] = value


def address_notice(key: str = "public_address", *, compact: bool = False) -> None:
    """On the facilitator's and the projector's page: when the QR codes would say `localhost`, say so plainly and
    offer the server's network addresses (the choice holds for the whole server until it restarts). `compact`: one
    line with the choice in a popover (the projector, where the slide must keep its room)."""
    if os.environ.get(PUBLIC_URL_ENV, "").strip():
        return
    local = browser_base_url()
    chosen = _server_choice().get("base")
    if not is_local_url(local):
        return
    parts = urlsplit(local)
    port = str(parts.port or (443 if parts.scheme == "https" else 80))
    offered = _offered(port, parts.scheme)
    with st.container(border=not compact, key=f"{key}_box"):
        if compact:
            if chosen:
                return  # the slide's QR and address already show the network address
            with st.popover(t("addr_local_short", url=local), icon=":material/wifi_off:"):
                _address_choice(key, local, chosen, offered)
            return
        if chosen:
            st.success(t("addr_chosen", url=chosen), icon=":material/wifi:")
        else:
            st.warning(t("addr_local", url=local), icon=":material/wifi_off:")
        _address_choice(key, local, chosen, offered)


def _address_choice(key: str, local: str, chosen: str | None, offered: list[str]) -> None:
    if not offered:
        st.caption(t("addr_none_found", env=PUBLIC_URL_ENV))
        return
    options = [*offered, local] if not chosen or chosen in offered else [chosen, *offered, local]
    labels = {u: u for u in offered} | {local: t("addr_keep_local", url=local)}
    st.session_state[key] = chosen or local
    st.radio(t("addr_choose"), options, key=key, format_func=lambda u: labels.get(u, u),
             on_change=_choose, args=(key, local), horizontal=True)
    st.caption(t("addr_help", env=PUBLIC_URL_ENV))
