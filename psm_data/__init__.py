"""Curated data of the PSM Torino 2024|2026 preliminary report: schema, loader and pure analysis.

Importable without Streamlit, so the analysis can be tested and reused from a notebook.
"""

from psm_data.loader import Dataset, DataValidationError, load_dataset

__all__ = ["DataValidationError", "Dataset", "load_dataset"]
