"""Tables with a CSV download next to them (UTF-8 with BOM, so Excel opens accents correctly).

The CSV bytes are built when the button is clicked (Streamlit runs the `data` callable then), not on every run:
building them for every table on every run was ~18 % of an explorer run's Python time (load test, py-spy).
`PSM_PERF_BASELINE=1` builds them eagerly again, so the benchmark shows what this buys.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.i18n import t
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


PROJECT_COLUMNS = ("name", "strategy_ids", "zone_ids", "places", "promoter", "description", "source_quote")


def show_projects(projects: pd.DataFrame, *, key: str, file_name: str, columns: tuple[str, ...] = PROJECT_COLUMNS,
                  empty_text: str | None = None) -> None:
    """A table of projects with the same labels and column widths everywhere (quote column wide), or a note
    when there is none."""
    if projects.empty:
        st.info(empty_text or t("no_projects"))
        return
    labels = {"name": t("col_project"), "strategy_ids": t("col_strategies"), "zone_ids": t("col_zones"),
              "promoter": t("col_promoter"), "description": t("col_description"), "places": t("col_places"),
              "source_quote": t("col_quote"), "place_zone": t("place_col_zone"), "zone_basis": t("place_col_basis")}
    config = {t("col_quote"): st.column_config.TextColumn(width="large"),
              t("col_description"): st.column_config.TextColumn(width="medium")}
    show_table(projects[list(columns)], key=key, file_name=file_name, labels=labels, column_config=config)
