"""The zone sheet's download button on *Zona*: the PDF is built on click (deferred), cached, in the UI's language.

The QR codes point to the app's public address: $PSM_PUBLIC_URL when set, else the address the browser is using
(`st.context.url`, so phones in the hall reach the same server), else http://localhost:8501.
"""

from __future__ import annotations

import functools
import os
from dataclasses import astuple
from datetime import date
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from components.data_access import get_dataset, places
from components.i18n import current_language, t
from components.sheet_text import sheet_text
from psm_data.zone_sheet import (
    DEFAULT_BASE_URL,
    PUBLIC_URL_ENV,
    EventSheetInfo,
    build_zone_sheet,
    public_base_url,
    sheet_file_name,
)


def event_for_sheet() -> EventSheetInfo | None:
    """The listening event to print on the sheet (its QR code and paper answer grid), or None.

    TODO(lead, listening events): when the event store lands, read the event picked on the Zona page and return
    `EventSheetInfo(code, title, date, place, join_url=psm_data.zone_sheet.event_join_url(base, code),
    need_ids=<the agenda>)`. Everything downstream (layout, grid, tests) already takes it."""
    return None


def sheet_base_url(page_path: str = "zona") -> str:
    """The app's public address, without the page path: env var, else the browser's address, else localhost."""
    if os.environ.get(PUBLIC_URL_ENV, "").strip():
        return public_base_url()
    try:
        url = st.context.url
    except Exception:  # noqa: BLE001 - no browser context (AppTest, a script): fall back
        url = None
    if not url:
        return DEFAULT_BASE_URL
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return DEFAULT_BASE_URL
    path = parts.path.rstrip("/")
    if path.endswith("/" + page_path):
        path = path[: -len(page_path) - 1]
    return urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


@st.cache_data(max_entries=64, show_spinner=False)
def _sheet_pdf(zone_id: str, base_url: str, lang: str, event: tuple | None, day: str) -> bytes:
    data = get_dataset()
    info = EventSheetInfo(*event) if event else None
    return build_zone_sheet(data, zone_id, text=sheet_text(lang), base_url=base_url, event=info,
                            generated=date.fromisoformat(day), resolutions=places().resolutions)


def zone_sheet_pdf(zone_id: str, *, base_url: str, lang: str, event: EventSheetInfo | None = None) -> bytes:
    return _sheet_pdf(zone_id, base_url, lang, astuple(event) if event else None, date.today().isoformat())


def zone_sheet_download(zone_id: str, zone_name: str, *, event: EventSheetInfo | None = None) -> None:
    """The 'Scheda della zona (PDF)' button; the PDF is built only when clicked."""
    data = functools.partial(zone_sheet_pdf, zone_id, base_url=sheet_base_url(), lang=current_language(),
                             event=event)
    st.download_button(t("zone_sheet_download"), data=data, file_name=sheet_file_name(zone_id, zone_name),
                       mime="application/pdf", key="zone_sheet_download", on_click="ignore",
                       icon=":material/picture_as_pdf:", help=t("zone_sheet_download_help"))
