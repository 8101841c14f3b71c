"""Hostile text through every HTML writer of the app (served only with PSM_TEST_PAGES=1).

tests/browser/test_hardening_e2e.py checks in chromium that the text shows up literally and that no element,
link or script from it reaches the page or the map's iframe."""

import pandas as pd
import streamlit as st

from components.charts import count_table_html, status_strips_html, strategy_strips_html
from components.data_access import geojson
from components.maps import build_zone_map, legend, render_map
from components.sources import cite
from tests.browser.hostile import PAYLOAD

st.title("Markup")
statuses = {"most_reported": PAYLOAD, "reported": PAYLOAD + "2"}
st.html(status_strips_html(pd.DataFrame({"most_reported": [2], "reported": [1]}, index=["1"]),
                           axis_labels={"1": PAYLOAD}, status_labels=statuses))
st.html(strategy_strips_html([1, 0], labels=[PAYLOAD, PAYLOAD], statuses=["most_reported", "reported"],
                             status_labels=statuses))
st.html(count_table_html(pd.DataFrame({"a": [0, 3]}, index=["x", "y"]), x_labels=[PAYLOAD], y_labels=[PAYLOAD, "y"],
                         corner=PAYLOAD, x_titles=[PAYLOAD], label=PAYLOAD))
legend([("#ececec", PAYLOAD)], PAYLOAD)
cite(PAYLOAD)
zones = geojson("zones")
hostile = {"type": "FeatureCollection",
           "features": [{**f, "properties": {**f["properties"], "name": PAYLOAD}} for f in zones["features"]]}
fmap = build_zone_map(hostile, {f["properties"]["zone_id"]: 1 for f in zones["features"]}, value_label=PAYLOAD,
                      zone_label=PAYLOAD, format_value=lambda v: PAYLOAD, link_text=PAYLOAD,
                      link_params={"q": PAYLOAD})
render_map(fmap, key="markup_map", height=400)
