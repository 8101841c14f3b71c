"""UI strings of the HTML tables (components/tables.py) and their captions on the map pages."""

from __future__ import annotations

from psm_data.i18n import NC_, Message

STRINGS: dict[str, Message] = {
    # A true/false cell, written as a word (a tick alone would be colour and shape only).
    "table_yes": NC_("table cell", "sì"),
    "table_no": NC_("table cell", "no"),
}
