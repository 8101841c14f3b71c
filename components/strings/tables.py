"""UI strings of the HTML tables (components/tables.py) and headline figures (components/figures.py)."""

from __future__ import annotations

from psm_data.i18n import N_, NC_, Message

STRINGS: dict[str, Message] = {
    # A true/false cell, written as a word (a tick alone would be colour and shape only).
    "table_yes": NC_("table cell", "sì"),
    "table_no": NC_("table cell", "no"),
    "figures_label": N_("Le cifre"),
}
