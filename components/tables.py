"""Tables with a CSV download next to them (UTF-8 with BOM, so Excel opens accents correctly).

The CSV bytes are built when the button is clicked (Streamlit runs the `data` callable then), not on every run:
building them for every table on every run was ~18 % of an explorer run's Python time (load test, py-spy).
`PSM_PERF_BASELINE=1` builds them eagerly again, so the benchmark shows what this buys.

Two ways to show a table: Streamlit's data grid (`show_table`: sort, resize, search) and a plain HTML table
(`show_html_table`, `table_html`). The map pages use the HTML table: the grid's scripts (glide-data-grid and
Apache Arrow, ~1.6 MB) are fetched and compiled by every new browser tab that shows one, which was half of what
made the map pages slower to load than the trivial app (README, Performance). The HTML table goes through
`st.html`, whose sanitiser every explorer page loads anyway (the page's style sheet and maps use it).
"""

from __future__ import annotations

import functools
import html
import os
from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd
import streamlit as st

from components.i18n import format_decimal, t
from components.style import SCREEN_READER_ONLY
from psm_data.csvsafe import to_csv_bytes

_EAGER_CSV = os.environ.get("PSM_PERF_BASELINE") == "1"


def flatten_lists(frame: pd.DataFrame) -> pd.DataFrame:
    """Tuple cells (e.g. zone ids) become '1; 9' text, for display and CSV (only object columns can hold them)."""
    out = frame.copy(deep=False)  # copy-on-write: the caller's frame is never changed
    for column in out.columns:
        values = out[column]
        if values.dtype == object and any(isinstance(v, tuple) for v in values.array):
            out[column] = values.map(lambda v: "; ".join(v) if isinstance(v, tuple) else v)
    return out


def csv_bytes(frame: pd.DataFrame, labels: Mapping[str, str] | None = None, index: bool = False) -> bytes:
    """What the download button serves: labelled columns, lists as '1; 9', UTF-8 with BOM for Excel, no cell
    that a spreadsheet would run as a formula (psm_data/csvsafe.py)."""
    return to_csv_bytes(_labelled(frame, labels), index=index)


def _labelled(frame: pd.DataFrame, labels: Mapping[str, str] | None) -> pd.DataFrame:
    shown = flatten_lists(frame)
    return shown.rename(columns=dict(labels)) if labels else shown


def download_csv(frame: pd.DataFrame, *, key: str, file_name: str, labels: Mapping[str, str] | None = None,
                 index: bool = False) -> None:
    """Only the download button, for data already shown on the page in another form (an HTML table, a list).

    The file is built on click from a copy-on-write snapshot of `frame` (a later change to the caller's frame
    does not reach it)."""
    snapshot, names = frame.copy(deep=False), dict(labels) if labels else None
    data = (csv_bytes(snapshot, names, index) if _EAGER_CSV
            else functools.partial(csv_bytes, snapshot, names, index))
    st.download_button(t("download_csv"), data=data,
                       file_name=file_name, mime="text/csv", key=f"{key}_download", on_click="ignore",
                       icon=":material/download:")


def show_frame(frame: pd.DataFrame, *, key: str, labels: Mapping[str, str] | None = None,
               column_config: Mapping[str, object] | None = None, height: int | str = "auto",
               hide_index: bool = True) -> None:
    """Only the dataframe (its data downloaded elsewhere, e.g. with another table's in one CSV); `labels` renames
    columns, and `column_config` is keyed by those labels."""
    st.dataframe(_labelled(frame, labels), hide_index=hide_index, column_config=dict(column_config or {}), key=key,
                 height=height)


def show_table(frame: pd.DataFrame, *, key: str, file_name: str, labels: Mapping[str, str] | None = None,
               column_config: Mapping[str, object] | None = None, height: int | str = "auto",
               hide_index: bool = True) -> None:
    """A dataframe plus its download button; `labels` renames columns for display and download alike."""
    show_frame(frame, key=key, labels=labels, column_config=column_config, height=height, hide_index=hide_index)
    download_csv(frame, key=key, file_name=file_name, labels=labels, index=not hide_index)


# One style sheet for every HTML table (global to the page, so the same text each time). Never a "<" in it: the
# sanitiser drops a whole <style> element whose text looks like markup. Sizes in rem follow the projector mode.
_TABLE_CSS = (
    "<style>"
    ".psm-table-wrap{overflow:auto;max-width:100%;margin:0 0 0.6rem 0;border:1px solid #d5d7de;border-radius:0.4rem}"
    ".psm-table-wrap:focus-visible{outline:3px solid #1c4f9c;outline-offset:-3px}"
    ".psm-table{border-collapse:collapse;width:100%;font-size:0.95rem;line-height:1.4}"
    ".psm-table th,.psm-table td{padding:0.35rem 0.6rem;border-bottom:1px solid #e4e5ea;vertical-align:top;"
    "text-align:left;overflow-wrap:break-word}"
    ".psm-table thead th{position:sticky;top:0;z-index:1;background:#eef0f4;font-weight:600;white-space:nowrap}"
    ".psm-table tbody th{font-weight:600}"
    ".psm-table .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
    # A table cell ignores min-width; its width is the column's least width (the box scrolls beyond it).
    ".psm-table tbody .long{width:11rem}"
    ".psm-table tbody .wide{width:20rem}"
    ".psm-table tbody .line{white-space:nowrap}"
    ".psm-table tbody tr:nth-child(even){background:#f8f9fb}"
    "</style>"
)


def _cell_text(value: object, *, digits: int | None, yes: str, no: str) -> str:
    """A cell as the page writes it: numbers in the session's language ("1,17", "841.600"), lists as "1; 9",
    booleans as words (text, not a tick colour), missing values empty."""
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, bool | np.bool_):
        return yes if value else no
    if digits is not None:
        return format_decimal(float(value), digits)
    return str(value)


_LONG_TEXT = 30  # characters: a text column with longer cells gets a minimum width (names of projects, titles)


def table_html(frame: pd.DataFrame, *, caption: str, key: str, labels: Mapping[str, str] | None = None,
               decimals: Mapping[str, int] | None = None, wide: Collection[str] = (), one_line: Collection[str] = (),
               max_height: str | None = None, row_header: bool = True) -> str:
    """`frame` as an accessible HTML table: every cell escaped (report data and participants' text alike), a
    caption (read by screen readers; the heading above says it on screen), column headers with `scope`, the first
    column as the row header, numbers right-aligned and written like the rest of the app (`format_decimal`).

    Integer columns are written with 0 decimals, other numeric columns with 2 unless `decimals` (keyed by the
    frame's column names) says otherwise. `wide` columns (quotes, descriptions) get room and wrap, and so do text
    columns with long cells; `one_line` columns never wrap (long addresses: the box scrolls sideways instead).
    The table sits in a box that scrolls sideways (and down, with `max_height`) inside
    the page, so a 360 px phone never scrolls the page itself; the box can take the keyboard focus and is named by
    the caption."""
    names = dict(labels or {})
    decimals = dict(decimals or {})
    yes, no = t("table_yes"), t("table_no")
    columns = list(frame.columns)
    digits: dict[str, int | None] = {}
    for column in columns:
        dtype = frame[column].dtype
        if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
            digits[column] = None
        else:
            digits[column] = decimals.get(column, 0 if pd.api.types.is_integer_dtype(dtype) else 2)
    texts = [[_cell_text(value, digits=digits[column], yes=yes, no=no) for column, value in zip(columns, row,
                                                                                               strict=True)]
             for row in frame.itertuples(index=False, name=None)]
    classes = {}
    for i, column in enumerate(columns):
        if digits[column] is not None:
            classes[column] = "num"
        elif column in wide:
            classes[column] = "wide"
        elif column in one_line:
            classes[column] = "txt line"
        else:
            long = any(len(row[i]) > _LONG_TEXT for row in texts)
            classes[column] = "txt long" if long else "txt"
    anchor = "psm-table-" + "".join(ch if ch.isalnum() else "-" for ch in key)
    head = "".join(f'<th scope="col" class="{classes[c]}">{html.escape(str(names.get(c, c)))}</th>' for c in columns)
    rows = []
    for row in texts:
        cells = []
        for i, (column, text) in enumerate(zip(columns, row, strict=True)):
            shown = html.escape(text).replace("\n", "<br>")
            tag = "th" if i == 0 and row_header else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f'<{tag}{scope} class="{classes[column]}">{shown}</{tag}>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    box_style = f' style="max-height:{html.escape(max_height)}"' if max_height else ""
    return (f'{_TABLE_CSS}<div class="psm-table-wrap" role="region" tabindex="0" aria-labelledby="{anchor}"'
            f'{box_style}><table class="psm-table"><caption id="{anchor}" style="{SCREEN_READER_ONLY}">'
            f"{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
            "</table></div>")


def show_html_table(frame: pd.DataFrame, *, key: str, file_name: str, caption: str,
                    labels: Mapping[str, str] | None = None, decimals: Mapping[str, int] | None = None,
                    wide: Collection[str] = (), one_line: Collection[str] = (), max_height: str | None = "32rem",
                    row_header: bool = True, csv_frame: pd.DataFrame | None = None,
                    csv_labels: Mapping[str, str] | None = None) -> None:
    """An HTML table (`table_html`) and its CSV download: of the same frame, or of `csv_frame` (with `csv_labels`)
    when the file is laid out otherwise than the screen (e.g. the report's rows then the scenario's)."""
    st.html(table_html(frame, caption=caption, key=key, labels=labels, decimals=decimals, wide=wide,
                       one_line=one_line, max_height=max_height, row_header=row_header))
    if csv_frame is None:
        download_csv(frame, key=key, file_name=file_name, labels=labels)
    else:
        download_csv(csv_frame, key=key, file_name=file_name, labels=csv_labels)


PROJECT_COLUMNS = ("name", "strategy_ids", "zone_ids", "places", "promoter", "description", "source_quote")


def show_projects(projects: pd.DataFrame, *, key: str, file_name: str, caption: str,
                  columns: tuple[str, ...] = PROJECT_COLUMNS, empty_text: str | None = None) -> None:
    """A table of projects (HTML, see `table_html`) with the same labels everywhere, the quote and the description
    given room, or a note when there is none."""
    if projects.empty:
        st.info(empty_text or t("no_projects"))
        return
    labels = {"name": t("col_project"), "strategy_ids": t("col_strategies"), "zone_ids": t("col_zones"),
              "promoter": t("col_promoter"), "description": t("col_description"), "places": t("col_places"),
              "source_quote": t("col_quote"), "place_zone": t("place_col_zone"), "zone_basis": t("place_col_basis")}
    show_html_table(projects[list(columns)], key=key, file_name=file_name, caption=caption, labels=labels,
                    wide=("description", "source_quote"))
