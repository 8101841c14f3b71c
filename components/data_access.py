"""The cached boundary between Streamlit and `psm_data`: load once per server, stop with a clear message.

`PSM_PERF_BASELINE=1` turns the caches off, so the benchmark can show what they buy; `PSM_DATA_DIR` points
the app at another copy of the CSVs (a planner's edited copy, or a test's broken one).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from components.i18n import t
from psm_data import Dataset, DataValidationError, load_dataset
from psm_data.datapackage import data_dictionary, package_zip
from psm_data.places import place_localised, place_points, resolve_places
from psm_data.provenance import Report
from psm_data.schema import DATA_DIR, GEODATA_DIR

PERF_BASELINE = os.environ.get("PSM_PERF_BASELINE") == "1"


def _cache(func):
    return func if PERF_BASELINE else st.cache_resource(show_spinner=False)(func)


@_cache
def _dataset(data_dir: str) -> Dataset:
    return load_dataset(Path(data_dir))


@dataclass(frozen=True)
class Places:
    """The places rule applied to the data (psm_data/places.py): computed once per server, shared read-only."""

    resolutions: pd.DataFrame  # every unlocalised project that names places, with the outcome and why
    localised: pd.DataFrame  # the deduced ones, shaped like projects (zone_basis = place), apart from the report
    points: dict[str, tuple[float, float]]  # project_id → (lon, lat) for the map marker


@_cache
def _places(data_dir: str) -> Places:
    data = _dataset(data_dir)
    resolutions = resolve_places(data.projects, data.comuni, data.place_areas)
    return Places(resolutions, place_localised(data.projects, resolutions),
                  place_points(resolutions, data.comune_shapes))


def places() -> Places:
    get_dataset()  # a data error stops the page with its message first
    return _places(os.environ.get("PSM_DATA_DIR", str(DATA_DIR)))


@_cache
def report() -> Report:
    return Report.from_file()


@_cache
def geojson(name: str) -> dict[str, Any]:
    """A GeoJSON file as a dict (map builders copy before adding properties)."""
    return json.loads((GEODATA_DIR / f"{name}.geojson").read_text(encoding="utf-8"))


@_cache
def data_package_zip() -> bytes:
    """The curated data as a Frictionless Data Package zip (built once per server: the files never change)."""
    return package_zip()


@_cache
def data_dictionary_frame() -> pd.DataFrame:
    return data_dictionary()


def get_dataset() -> Dataset:
    """The validated dataset; on invalid data show what is wrong and where, then stop the page."""
    try:
        return _dataset(os.environ.get("PSM_DATA_DIR", str(DATA_DIR)))
    except DataValidationError as exc:
        st.error(t("data_error_title"))
        st.code(str(exc), language=None)
        st.caption(t("data_error_hint"))
        st.stop()
