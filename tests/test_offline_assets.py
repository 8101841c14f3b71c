"""The folium maps we build must load nothing from a CDN once use_local_assets() has run."""

from __future__ import annotations

import re
from typing import Any

import folium
import pytest
import streamlit_folium

from components import offline_assets
from components.offline_assets import (
    LOCAL_FILES,
    STATIC_DIR,
    STATIC_URL_PREFIX,
    external_urls,
    local_path,
    use_local_assets,
)

GEOJSON: dict[str, Any] = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"zona": f"Zona {i}", "valore": i * 10},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [
                        [7.0 + i * 0.2, 45.0],
                        [7.15 + i * 0.2, 45.0],
                        [7.15 + i * 0.2, 45.15],
                        [7.0 + i * 0.2, 45.0],
                    ]
                ],
            },
        }
        for i in range(3)
    ],
}


@pytest.fixture
def local_assets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Apply use_local_assets() for one test and restore folium's defaults afterwards."""
    monkeypatch.setattr(folium.Map, "default_js", folium.Map.default_js)
    monkeypatch.setattr(folium.Map, "default_css", folium.Map.default_css)
    use_local_assets()


def build_map(with_tiles: bool) -> folium.Map:
    """A map of the kind the app draws: styled GeoJson with tooltip in a FeatureGroup + LayerControl."""
    m = folium.Map(location=[45.07, 7.5], zoom_start=9, tiles=None)
    group = folium.FeatureGroup(name="Zone omogenee").add_to(m)
    folium.GeoJson(
        GEOJSON,
        style_function=lambda f: {"fillColor": "#3182bd", "color": "#333", "weight": 1, "fillOpacity": 0.6},
        tooltip=folium.GeoJsonTooltip(fields=["zona", "valore"], aliases=["Zona", "Valore"]),
    ).add_to(group)
    if with_tiles:
        folium.TileLayer("OpenStreetMap").add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return m


def st_folium_args(m: folium.Map, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The arguments st_folium would send to its iframe (no Streamlit runtime needed)."""
    captured: dict[str, Any] = {}

    def fake_component(**kwargs: Any) -> None:
        captured.update(kwargs)

    monkeypatch.setattr(streamlit_folium, "_component_func", fake_component)
    streamlit_folium.st_folium(m, key="test_map", returned_objects=[])
    return captured


def test_all_local_files_exist() -> None:
    missing = [f for f in LOCAL_FILES if not (STATIC_DIR / f).is_file()]
    assert not missing, f"run scripts/vendor_assets.sh; missing: {missing}"
    vendor_dirs = {f.split("/")[1] for f in LOCAL_FILES}
    for d in vendor_dirs:
        assert (STATIC_DIR / "vendor" / d / "LICENSE").is_file(), f"{d} has no LICENSE"


def test_defaults_are_cdn_without_use_local_assets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards the premise: if folium stops using CDNs, this module may be unnecessary.

    folium's own defaults are restored first: importing components.maps (e.g. by an AppTest in the same
    process) has already applied use_local_assets()."""
    from folium import folium as folium_module

    monkeypatch.setattr(folium.Map, "default_js", list(folium_module._default_js))
    monkeypatch.setattr(folium.Map, "default_css", list(folium_module._default_css))
    html = build_map(with_tiles=False).get_root().render()
    assert any("leaflet" in u for u in external_urls(html))


@pytest.mark.usefixtures("local_assets")
@pytest.mark.parametrize("with_tiles", [False, True])
def test_rendered_map_has_only_local_links(with_tiles: bool) -> None:
    html = build_map(with_tiles).get_root().render()
    assert external_urls(html) == []
    links = re.findall(r"""<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)\"""", html)
    assert links, "expected at least the Leaflet links"
    for url in links:
        path = local_path(url)
        assert path is not None, url
        assert path.is_file(), url


@pytest.mark.usefixtures("local_assets")
@pytest.mark.parametrize("with_tiles", [False, True])
def test_st_folium_iframe_loads_only_local_files(with_tiles: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    args = st_folium_args(build_map(with_tiles), monkeypatch)
    assert args["js_links"] == [STATIC_URL_PREFIX + "vendor/leaflet-1.9.3/dist/leaflet.js"]
    assert args["css_links"] == [STATIC_URL_PREFIX + "vendor/leaflet-1.9.3/dist/leaflet.css"]
    for url in args["js_links"] + args["css_links"]:
        path = local_path(url)
        assert path is not None, url
        assert path.is_file(), url
    assert external_urls(args["header"]) == []
    assert external_urls(args["html"]) == []
    if not with_tiles:
        assert "tile.openstreetmap.org" not in args["script"]


@pytest.mark.usefixtures("local_assets")
def test_use_local_assets_is_idempotent() -> None:
    use_local_assets()
    use_local_assets()
    assert folium.Map.default_js == offline_assets.MAP_JS
    assert folium.Map.default_css == offline_assets.MAP_CSS
    assert folium.Map.default_js is not offline_assets.MAP_JS  # add_js_link must not edit our constant


def test_external_urls() -> None:
    html = """
    <script src="https://cdn.example.org/a.js"></script>
    <script src='../../app/static/vendor/x.js'></script>
    <link rel="stylesheet" href="//cdn.example.org/b.css"/>
    <link href="HTTP://cdn.example.org/c.css" rel="stylesheet">
    <a href="https://openstreetmap.org/copyright">OSM</a>
    <script>L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png")</script>
    """
    assert external_urls(html) == [
        "https://cdn.example.org/a.js",
        "//cdn.example.org/b.css",
        "HTTP://cdn.example.org/c.css",
    ]
