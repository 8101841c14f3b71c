"""Pure helpers of the UI layer: colours, legends and the HTML status strips (no Streamlit run needed)."""

from __future__ import annotations

import pandas as pd

from components import palette
from components.charts import status_strips_html


def test_text_color_contrasts_with_the_background():
    assert palette.text_color_on("#fde725") == "#000000"  # viridis yellow
    assert palette.text_color_on("#440154") == "#ffffff"  # viridis purple
    assert palette.text_color_on("#0072B2") == "#ffffff"


def test_zero_is_grey_and_classes_are_ordered():
    breaks = palette.class_breaks(6)
    assert breaks == [1, 2, 3, 4, 5, 6]
    assert palette.color_for(0, breaks) == palette.ZERO_COLOR
    assert palette.color_for(1, breaks) == palette.SEQUENTIAL[0]
    assert palette.color_for(6, breaks) == palette.SEQUENTIAL[-1]


def test_status_strips_show_every_count_and_a_legend():
    counts = pd.DataFrame({"most_reported": [1, 0], "reported": [5, 2], "no_actions": [1, 0]}, index=["1", "4"])
    out = status_strips_html(counts, axis_labels={"1": "Asse 1", "4": "Asse 4"},
                             status_labels={"most_reported": "più", "reported": "segnalate", "no_actions": "nessuna"})
    assert "Asse 1" in out
    assert "Asse 4" in out
    assert ">5</div>" in out
    assert 'title="nessuna: 1"' in out
    assert out.count("width:100.00%") == 0  # axis 1 has 7 strategies: no single segment fills the bar
    assert "width:71.43%" in out  # 5 of 7
