"""Places that lie in one zone: the rule on hand-made frames, then the list it gives on the shipped data."""

from __future__ import annotations

import pandas as pd
import pytest

from psm_data import load_dataset
from psm_data.analysis import projects_per_zone, zone_axis_matrix
from psm_data.places import DEDUCED, SPANS_ZONES, UNRESOLVED, place_key, place_localised, resolve_places

COMUNI = pd.DataFrame({"name": ["Torino", "Ivrea", "Ceres", "Venaus", "Novalesa", "Agliè"],
                       "zone_id": ["1", "9", "7", "6", "6", "8"]})
AREAS = pd.DataFrame({"place": ["Val Cenischia"], "comuni": [("Venaus", "Novalesa")], "source": ["rif."]})


def projects(*rows: tuple[str, str, str]) -> pd.DataFrame:
    ids, scopes, places = zip(*rows, strict=True)
    n = len(ids)
    return pd.DataFrame({"project_id": ids, "name": [i.title() for i in ids], "strategy_ids": [("1.1",)] * n,
                         "zone_ids": [("1",) if s == "zones" else () for s in scopes], "scope": scopes,
                         "places": places, "zone_basis": [""] * n})


@pytest.mark.parametrize(("place", "key"), [
    ("(Città di Torino)", "torino"), ("città di  Torino", "torino"), ("IVREA", "ivrea"),
    ("Comune di Agliè", "aglie"), ("Val Cenischia", "val cenischia"),
])
def test_place_key(place, key):
    assert place_key(place) == key


def test_the_rule_on_hand_made_frames():
    frame = projects(("a", "unspecified", "Ivrea"), ("b", "unspecified", "(Città di Torino)"),
                     ("c", "unspecified", "Torino; Ceres"), ("d", "unspecified", "Canavese"),
                     ("e", "unspecified", "Val Cenischia"), ("f", "unspecified", "Ivrea; Val Cenischia"),
                     ("g", "unspecified", ""), ("h", "zones", "Ivrea"), ("i", "metropolitan", "Torino"),
                     ("j", "unspecified", "Ivrea; Canavese"), ("k", "unspecified", "Venaus; Novalesa"))
    out = resolve_places(frame, COMUNI, AREAS).set_index("project_id")
    assert set(out.index) == set("abcdefjk")  # only unlocalised projects that name places
    assert out.loc["a", ["outcome", "zone_id"]].tolist() == [DEDUCED, "9"]
    assert out.loc["b", ["outcome", "zone_id"]].tolist() == [DEDUCED, "1"]
    assert out.loc["c", ["outcome", "zone_id", "zones"]].tolist() == [SPANS_ZONES, "", ("1", "7")]
    assert out.loc["d", ["outcome", "unresolved"]].tolist() == [UNRESOLVED, ("Canavese",)]
    assert out.loc["e", ["outcome", "zone_id", "comuni", "references"]].tolist() == [
        DEDUCED, "6", ("Venaus", "Novalesa"), ("rif.",)]
    assert out.loc["f", ["outcome", "zones"]].tolist() == [SPANS_ZONES, ("6", "9")]
    assert out.loc["j", "outcome"] == UNRESOLVED  # one unknown place is enough to stay unlocalised
    assert out.loc["k", ["outcome", "zone_id"]].tolist() == [DEDUCED, "6"]


def test_place_localised_is_apart_from_the_report():
    frame = projects(("a", "unspecified", "Ivrea"), ("c", "unspecified", "Torino; Ceres"))
    before = frame.copy(deep=True)
    deduced = place_localised(frame, resolve_places(frame, COMUNI, AREAS))
    pd.testing.assert_frame_equal(frame, before)
    assert deduced["project_id"].tolist() == ["a"]
    assert deduced.iloc[0]["zone_ids"] == ("9",)
    assert deduced.iloc[0]["zone_basis"] == "place"
    assert deduced.iloc[0]["scope"] == "unspecified"  # still unlocalised by the report


def test_on_the_shipped_data():
    data = load_dataset()
    out = resolve_places(data.projects, data.comuni, data.place_areas).set_index("project_id")
    deduced = out[out["outcome"] == DEDUCED]["zone_id"].to_dict()
    assert deduced == {"ivrea-pratiche-digitali": "9", "citta-aerospazio": "1", "ecoris3-ehealth-tlab": "6"}
    assert out.loc["riapertura-torino-ceres", "outcome"] == SPANS_ZONES  # a railway line: Torino (1), Ceres (7)
    assert out.loc["distretto-cibo-canavese", "outcome"] == UNRESOLVED  # Canavese spans zones 8, 9, 10
    assert out.loc["dorsale-fibra-susa-chisone", "outcome"] == UNRESOLVED  # valleys and a line across zones
    # Val Cenischia: its comuni (cited in place_areas.csv) all lie in zone 6.
    assert set(out.loc["ecoris3-ehealth-tlab", "comuni"]) == {"Mompantero", "Giaglione", "Venaus", "Novalesa",
                                                            "Moncenisio"}
    # The report-stated counts do not move: the deduced projects keep no zone in the report's frame.
    localised = place_localised(data.projects, out.reset_index())
    assert data.projects.set_index("project_id").loc[list(deduced), "zone_ids"].map(len).sum() == 0
    assert projects_per_zone(data.projects, data.zones).set_index("zone_id").at["9", "n_projects"] == 6
    assert projects_per_zone(localised, data.zones).set_index("zone_id")["n_projects"].sum() == 3
    assert zone_axis_matrix(data.projects, data.zones, data.axis_ids).at["6", "1"] == 0
