"""CSV that a spreadsheet opens safely: UTF-8 with BOM (Excel shows accents) and no cell read as a formula.

A cell starting with `=`, `+`, `-`, `@`, tab or carriage return is a formula to Excel, LibreOffice and Google
Sheets (CSV injection, OWASP). Every text cell we export goes through `neutralise`, which prefixes such a cell
with an apostrophe: the spreadsheet shows the text as typed and runs nothing. Numbers stay numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    if not isinstance(out.index, pd.RangeIndex):
        out.index = out.index.map(neutralise)
    return out


def to_csv_bytes(frame: pd.DataFrame, *, labels: Mapping[str, str] | None = None, index: bool = False) -> bytes:
    """The bytes every download serves: labelled columns, neutralised cells, UTF-8 with BOM."""
    shown = frame.rename(columns=dict(labels)) if labels else frame
    return neutralise_frame(shown).to_csv(index=index).encode("utf-8-sig")
