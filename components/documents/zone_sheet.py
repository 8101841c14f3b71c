"""The zone sheet's download button on *Zona*: the PDF is built on click (deferred), cached, in the UI's language.

The QR codes point to the app's public address (components/events/public_url.py: $PSM_PUBLIC_URL, else the address the
browser is using, else http://localhost:8501).
"""

from __future__ import annotations

import functools
from dataclasses import astuple
from datetime import date

import streamlit as st

from components.data_access import get_dataset, places
from components.documents.sheet_text import sheet_text
from components.events.access import explorer_results
from components.events.public_url import app_base_url, join_url
from components.i18n import current_language, t
from psm_data.documents.zone_sheet import (
    EventSheetInfo,
    build_zone_sheet,
    sheet_file_name,
)


def event_for_sheet() -> EventSheetInfo | None:
    """The listening event to print on the sheet (its QR code and paper answer grid), picked on the page; None
    when there is no event (or no usable events database: the sheet is then the report's facts only)."""
    found = explorer_results(None)
    if found is None:
        return None
    events = {e.code: e for e in found.events}
    labels = {"": t("zone_sheet_no_event"),
              **{c: f"{c} · {e.event_date} · {e.title}" for c, e in events.items()}}
    code = st.selectbox(t("zone_sheet_event"), tuple(labels), key="sheet_event", format_func=labels.__getitem__,
                        help=t("zone_sheet_event_help"))
    if not code:
        return None
    event = events[code]
    agenda = found.outcomes.loc[found.outcomes["code"] == code, "need_id"].tolist()
    return EventSheetInfo(code, event.title, event.event_date, event.place, join_url(code), tuple(agenda))


@st.cache_data(max_entries=64, show_spinner=False)
def _sheet_pdf(zone_id: str, base_url: str, lang: str, event: tuple | None, day: str) -> bytes:
    data = get_dataset()
    info = EventSheetInfo(*event) if event else None
    return build_zone_sheet(data, zone_id, text=sheet_text(lang), base_url=base_url, event=info,
                            generated=date.fromisoformat(day), resolutions=places().resolutions, lang=lang)


def zone_sheet_pdf(zone_id: str, *, base_url: str, lang: str, event: EventSheetInfo | None = None) -> bytes:
    return _sheet_pdf(zone_id, base_url, lang, astuple(event) if event else None, date.today().isoformat())


def zone_sheet_download(zone_id: str, zone_name: str, *, event: EventSheetInfo | None = None) -> None:
    """The 'Scheda della zona (PDF)' button; the PDF is built only when clicked."""
    data = functools.partial(zone_sheet_pdf, zone_id, base_url=app_base_url(), lang=current_language(),
                             event=event)
    st.download_button(t("zone_sheet_download"), data=data, file_name=sheet_file_name(zone_id, zone_name),
                       mime="application/pdf", key="zone_sheet_download", on_click="ignore",
                       icon=":material/picture_as_pdf:", help=t("zone_sheet_download_help"))
