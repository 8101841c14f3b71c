"""Maps as GeoJSON, as a planner gets them: downloaded from /mappa in chromium, read back with geopandas, the same
numbers as the page's own zone table (its CSV download)."""

from __future__ import annotations

import io
from pathlib import Path

import geopandas as gpd
import pandas as pd
from playwright.sync_api import Page

from tests.browser.harness import wait_for_app_ready

TIMEOUT = 60_000


def _download(page: Page, name: str) -> bytes:
    with page.expect_download(timeout=TIMEOUT) as download:
        page.get_by_role("button", name=name).first.click()
    return Path(download.value.path()).read_bytes()


def test_the_map_view_as_geojson_has_the_page_tables_numbers(page: Page) -> None:
    page.goto("/mappa?strategy=2.3&metric=per100k&zone=5&zone=7")
    wait_for_app_ready(page, timeout=TIMEOUT)
    zones = gpd.read_file(io.BytesIO(_download(page, "Mappa in GeoJSON (zone e cifre)")))
    # The zone table's CSV: its labels are the page's (Zona, Progetti, …), first the zone id, then the figures.
    table = pd.read_csv(io.BytesIO(_download(page, "Scarica CSV")), dtype={0: str})
    assert len(zones) == 11
    assert zones.crs.to_epsg() == 4326
    assert set(zones["source"]) == {"report"}
    merged = zones.merge(table, left_on="zone_id", right_on=table.columns[0])
    assert len(merged) == 11
    assert (merged["n_projects"] == merged["Progetti"]).all()
    assert sorted(zones.loc[zones["in_selection"], "zone_id"]) == ["5", "7"]
    projects = gpd.read_file(io.BytesIO(_download(page, "Progetti in GeoJSON")))
    assert set(projects["source"]) == {"report"}
    assert projects["strategy_ids"].str.contains("2.3", regex=False).all()
