"""The zone map's two parts (components/maps.py): a base that stays the same while only colours and texts change,
an overlay that carries them, and the cached rendering that must send exactly what st_folium would."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import streamlit_folium

from components.data_access import geojson
from components.maps import COMUNI_URL, ZONES_URL, build_zone_map, filter_features, map_component_args
from components.offline_assets import GEOMETRY_FILES, STATIC_DIR, local_path
from psm_data.schema import GEODATA_DIR


def st_folium_args(zone_map: Any, monkeypatch: pytest.MonkeyPatch, **kwargs: Any) -> dict[str, Any]:
    """What st_folium itself would send for the map (its component function captured, no Streamlit runtime)."""
    captured: dict[str, Any] = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: captured.update(kw))
    streamlit_folium.st_folium(zone_map.base, use_container_width=True, returned_objects=[],
                               feature_group_to_add=zone_map.overlay, **kwargs)
    captured.pop("on_change")
    return captured


def zone_map(**kwargs: Any) -> Any:
    options: dict[str, Any] = {"value_label": "Progetti", "zone_label": "Zona"}
    return build_zone_map(geojson("zones"), kwargs.pop("values", {"1": 1, "9": 2}), **{**options, **kwargs})


CASES = {
    "plain": {},
    "links, selection, markers, dashed": {"link_text": "Apri", "link_params": {"strategy": "2.3", "zone": ["5"]},
                                          "selected": ["5", "7"], "dashed_zones": ["9"],
                                          "place_markers": [(7.6, 45.1, "Un <b>luogo</b>")]},
    "tiles and every comune": {"tiles": True, "comuni_geojson": geojson("comuni")},
    "one zone's comuni, fitted": {"comuni_geojson": filter_features(geojson("comuni"), "zone_id", ["7"]),
                                  "fit_zones": ["7"], "uniform_fill": "#fde725"},
    "embedded shapes": {"zones_url": None, "comuni_url": None, "fit_zones": ["1", "2"],
                        "comuni_geojson": filter_features(geojson("comuni"), "zone_id", ["1"])},
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_cached_rendering_sends_what_st_folium_sends(case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards the shortcut around st_folium's per-run rendering: after a streamlit-folium upgrade this fails
    if its component arguments changed (then update `map_component_args`)."""
    zmap = zone_map(**case)
    assert map_component_args(zmap, key="k", height=520) == st_folium_args(zmap, monkeypatch, key="k", height=520)
    assert map_component_args(zmap, key="k", height=520) == st_folium_args(zmap, monkeypatch, key="k", height=520)


def test_only_the_overlay_changes_with_colours_and_texts() -> None:
    """Values, metric label, selection, dashed outlines, markers and links all go in the overlay: the base script
    (and so the component key, i.e. the iframe) stays the same."""
    first = zone_map(link_text="Apri", link_params={"strategy": "2.3"})
    second = zone_map(values={"3": 7}, value_label="Per 100 000", selected=["3"], dashed_zones=["3"],
                      place_markers=[(7.6, 45.1, "x")], link_text="Apri", link_params={"strategy": "1.1"})
    a, b = map_component_args(first, key="m"), map_component_args(second, key="m")
    assert first.spec == second.spec
    assert (a["script"], a["key"], a["header"]) == (b["script"], b["key"], b["header"])
    assert a["feature_group"] != b["feature_group"]


@pytest.mark.parametrize(("before", "after"), [
    ({}, {"tiles": True}),
    ({"tiles": True}, {"tiles": True, "zone_label": "Zone"}),  # the layer switch names the layers
    ({}, {"fit_zones": ["7"]}),
    ({}, {"comuni_geojson": filter_features(geojson("comuni"), "zone_id", ["7"])}),
    ({}, {"link_text": "Apri"}),
])
def test_the_base_changes_with_what_it_draws(before: dict[str, Any], after: dict[str, Any]) -> None:
    old, new = (map_component_args(zone_map(**kw), key="m")["key"] for kw in (before, after))
    assert new != old


def test_base_and_overlay_are_small_and_carry_no_shapes() -> None:
    """The shapes are fetched by the iframe (once per mount); what a rerun sends is a few KB."""
    args = map_component_args(zone_map(link_text="Apri", comuni_geojson=geojson("comuni")), key="m")
    assert ZONES_URL in args["script"]
    assert COMUNI_URL in args["script"]
    assert "coordinates" not in args["script"] + args["feature_group"]
    assert len(args["script"]) < 12_000
    assert len(args["feature_group"]) < 6_000
    state = json.loads(re.search(r"psmShow\((\{.*\})\);", args["feature_group"], re.DOTALL).group(1))
    assert sorted(state["zones"], key=int) == [str(z) for z in range(1, 12)]


def test_the_iframe_loads_only_local_files() -> None:
    """Leaflet, the layers' script and style, the shapes: all served by the app, all present."""
    args = map_component_args(zone_map(comuni_geojson=geojson("comuni")), key="m")
    for url in [*args["js_links"], *args["css_links"], ZONES_URL, COMUNI_URL]:
        found = local_path(url)
        assert found is not None, url
        assert found.is_file(), url
    assert args["js_links"][0].endswith("leaflet.js")  # before the script that uses it


def test_shipped_shapes_are_the_geodata_files() -> None:
    """static/geo/ is what the maps draw: byte-identical copies of geodata/ (scripts/build_geodata.py writes
    both), served locally like Leaflet."""
    for path in GEOMETRY_FILES:
        shipped = STATIC_DIR / path
        assert shipped.read_bytes() == (GEODATA_DIR / shipped.name).read_bytes(), f"run make geodata: {path}"
    for url in (ZONES_URL, COMUNI_URL):
        found = local_path(url)
        assert found is not None
        assert found.is_file()
