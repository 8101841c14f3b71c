"""The app frame on every page: navigation, sidebar filters, URL state, language, invalid input."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest

from components.navigation import PAGES
from components.strings import STRINGS
from psm_data.schema import DATA_DIR
from tests.app.conftest import no_exception, open_page, page_tables, url_values

ROOT = Path(__file__).resolve().parents[2]
#: Pages with the explorer frame (sidebar filters); event pages have their own tests (tests/app/test_events_*).
EXPLORER = [p.file for p in PAGES if p.audience == "explorer"]
SELECTIONS = {"no_zone": {}, "one_zone": {"zone": "5"}, "two_zones": {"zone": ["5", "7"]},
              "all_zones": {"zone": [str(z) for z in range(1, 12)]}}


def test_every_page_file_is_registered():
    registered = {p.file for p in PAGES}
    on_disk = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert registered == on_disk


@pytest.mark.parametrize(("page", "selection"), list(itertools.product(EXPLORER, SELECTIONS)))
def test_every_page_renders_for_each_zone_selection(page, selection):
    at = open_page(page, SELECTIONS[selection])
    no_exception(at)
    assert at.title, "each page has a title"


@pytest.mark.parametrize(("page", "axis"), list(itertools.product(EXPLORER, "123456")))
def test_every_page_renders_for_each_axis(page, axis):
    no_exception(open_page(page, {"axis": axis}))


def test_url_state_seeds_the_sidebar_and_is_written_back():
    at = open_page(None, {"zone": ["7", "5"], "axis": "3"})
    assert at.sidebar.multiselect(key="zone").value == ["5", "7"]
    assert at.sidebar.selectbox(key="axis").value == "3"
    assert url_values(at, "zone") == ["5", "7"]
    assert at.query_params["axis"] == "3"


def test_changing_the_filter_updates_the_url():
    at = open_page(None)
    assert "zone" not in at.query_params
    at.sidebar.multiselect(key="zone").select("8").run()
    assert url_values(at, "zone") == ["8"]
    at.sidebar.selectbox(key="axis").select("4").run()
    assert at.query_params["axis"] == "4"


def test_invalid_url_values_are_ignored_with_a_notice():
    at = open_page(None, {"zone": ["5", "99", "abc"], "axis": "9", "lang": "fr"})
    no_exception(at)
    notice = at.warning[0].value
    assert "zone=99" in notice
    assert "zone=abc" in notice
    assert "axis=9" in notice
    assert "lang=fr" in notice
    assert at.sidebar.multiselect(key="zone").value == ["5"]
    assert url_values(at, "zone") == ["5"]
    assert "axis" not in at.query_params


def test_english_translates_the_interface_not_the_data():
    at = open_page(None, {"lang": "en"})
    assert at.title[0].value == "PSM Torino Explorer"
    assert at.metric[0].label == "PSM 2021–23 strategies"
    assert at.sidebar.multiselect(key="zone").label == "Homogeneous zones"
    it = open_page(None)
    assert it.metric[0].label == "Strategie PSM 2021–23"
    assert at.metric[0].value == it.metric[0].value == "24"


def test_projector_mode_from_the_url():
    at = open_page(None, {"proj": "1"})
    assert at.sidebar.toggle(key="proj").value is True
    assert at.query_params["proj"] == "1"


@pytest.fixture
def broken_data_dir(tmp_path, monkeypatch):
    for csv in DATA_DIR.glob("*.csv"):
        shutil.copy(csv, tmp_path / csv.name)
    path = tmp_path / "projects.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",scope,", ",ambito,", 1), encoding="utf-8")
    monkeypatch.setenv("PSM_DATA_DIR", str(tmp_path))
    return tmp_path


def test_broken_data_shows_a_clear_message_not_a_traceback(broken_data_dir):
    assert os.environ["PSM_DATA_DIR"] == str(broken_data_dir)
    at = open_page(None)
    no_exception(at)
    assert "non sono validi" in at.error[0].value
    assert "projects.csv — 1 problem\n  missing column(s) 'scope'" in at.code[0].value


@pytest.mark.parametrize("page", EXPLORER)
def test_every_dataframe_has_a_csv_download(page):
    at = open_page(page, {"zone": ["5", "7"]})
    downloads = at.get("download_button")
    csv_buttons = [b for b in downloads if b.proto.label == "Scarica CSV"]
    assert len(csv_buttons) >= max(len(page_tables(at)), 1)  # dataframes and HTML tables alike
    # The only other downloads: the zone's printable sheet, the scenario's own CSV, the maps as GeoJSON, the whole
    # Data Package and the position paper's files.
    others = {STRINGS[key]["it"] for key in (
        "zone_sheet_download", "scn_download", "geo_download_zones", "geo_download_projects", "geo_download_comuni",
        "geo_download_participants", "dp_download", "pp_download_docx", "pp_download_pdf", "pp_download_zip")}
    assert {b.proto.label for b in downloads} - {"Scarica CSV"} <= others
