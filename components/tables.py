"""Tables with a CSV download next to them (UTF-8 with BOM, so Excel opens accents correctly)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.i18n import t


def flatten_lists(frame: pd.DataFrame) -> pd.DataFrame:
    """Tuple cells (e.g. zone ids) become '1; 9' text, for display and CSV."""
    out = frame.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, tuple)).any():
            out[column] = out[column].map(lambda v: "; ".join(v) if isinstance(v, tuple) else v)
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    return flatten_lists(frame).to_csv(index=False).encode("utf-8-sig")


def show_table(frame: pd.DataFrame, *, key: str, file_name: str, labels: Mapping[str, str] | None = None,
               column_config: Mapping[str, object] | None = None, height: int | str = "auto",
               hide_index: bool = True) -> None:
    """A dataframe plus its download button; `labels` renames columns for display and download alike."""
    shown = flatten_lists(frame)
    if labels:
        shown = shown.rename(columns=dict(labels))
    st.dataframe(shown, hide_index=hide_index, column_config=dict(column_config or {}), key=key, height=height)
    st.download_button(t("download_csv"), data=shown.to_csv(index=not hide_index).encode("utf-8-sig"),
                       file_name=file_name, mime="text/csv", key=f"{key}_download", on_click="ignore",
                       icon=":material/download:")


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
              "source_quote": t("col_quote")}
    config = {t("col_quote"): st.column_config.TextColumn(width="large"),
              t("col_description"): st.column_config.TextColumn(width="medium")}
    show_table(projects[list(columns)], key=key, file_name=file_name, labels=labels, column_config=config)
