"""Indicazioni e fonti: the data dictionary comes from the Data Package, and the whole package downloads."""

from __future__ import annotations

from psm_data.datapackage import data_dictionary
from tests.app.conftest import no_exception, open_page


def _dictionary_frame(at):
    return next(df.value for df in at.dataframe if "Campo" in df.value.columns or "Field" in df.value.columns)


def test_the_page_renders_the_data_dictionary_from_the_package() -> None:
    at = open_page("pages/guidance_sources.py")
    no_exception(at)
    shown = _dictionary_frame(at)
    expected = data_dictionary()
    assert len(shown) == len(expected)
    assert list(shown["Descrizione"]) == list(expected["description_it"])
    assert any(b.label.startswith("Scarica i dati") for b in at.get("download_button"))


def test_the_dictionary_in_english() -> None:
    at = open_page("pages/guidance_sources.py", {"lang": "en"})
    no_exception(at)
    shown = _dictionary_frame(at)
    assert list(shown["Description"]) == list(data_dictionary()["description_en"])
