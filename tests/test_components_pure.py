"""Pure helpers of the UI layer: colours, legends and the HTML status strips (no Streamlit run needed)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.charts import status_strips_html
from psm_data import palette


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


def test_count_table_shades_cells_and_keeps_zeros_visible():
    from components.charts import count_table_html

    matrix = pd.DataFrame({"1": [0, 3], "2": [1, 0]}, index=["5", "7"])
    out = count_table_html(matrix, x_labels=["Asse 1", "Asse 2"], y_labels=["Zona 5", "Zona 7"], corner="Zona")
    assert out.count("<td") == 4
    assert out.count(f"background:{palette.ZERO_COLOR}") == 1  # one CSS class for all zero cells
    assert out.count(f'<td class="c{palette.ZERO_COLOR[1:]}">0</td>') == 2
    assert '<th scope="row"' in out
    assert ">3</td>" in out
    assert ">0</td>" in out


def test_strategy_strips_label_every_row_with_count_and_status():
    from components.charts import strategy_strips_html

    out = strategy_strips_html([0, 2], labels=["1.2 · x", "1.3 · y"], statuses=["no_actions", "most_reported"],
                               status_labels={"no_actions": "nessuna azione", "most_reported": "la più segnalata"})
    assert "<b>0</b> · nessuna azione" in out
    assert "<b>2</b> · la più segnalata" in out
    assert palette.STATUS_COLORS["no_actions"] in out
    assert out.count('class="b s-no_actions"') == 1


def test_heatmap_colours_match_the_tables_and_the_map():
    from components.charts import count_heatmap

    matrix = pd.DataFrame({"1.1": [0, 1], "1.2": [3, 2]}, index=["5", "7"])
    fig = count_heatmap(matrix, x_labels=["1.1", "1.2"], y_labels=["Z5", "Z7"], x_title="", y_title="",
                        hover_label="n")
    trace = fig.data[0]
    breaks = palette.class_breaks(3)

    def color_at(value: float) -> str:
        position = (value - trace.zmin) / (trace.zmax - trace.zmin)
        color = trace.colorscale[0][1]
        for stop, c in trace.colorscale:
            if stop <= position + 1e-9:
                color = c
        return color

    for v in (0, 1, 2, 3):
        assert color_at(v) == palette.color_for(v, breaks), v


def test_csv_download_is_excel_friendly():
    from components.tables import csv_bytes

    frame = pd.DataFrame({"name": ["Città"], "zone_ids": [("1", "9")]})
    data = csv_bytes(frame, {"name": "Progetto", "zone_ids": "Zone"})
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["Progetto,Zone", "Città,1; 9"]


def test_count_legend_labels_whole_numbers_with_map_colours():
    breaks = palette.class_breaks(7)  # 7 > 6 classes: equal-width classes, not one per integer
    entries = palette.count_legend_entries(breaks)
    assert entries[0] == (palette.ZERO_COLOR, "0")
    labels = [label for _, label in entries]
    assert labels[1] == "1"
    assert labels[-1] == "6–7"
    assert entries[-1][0] == palette.color_for(7, breaks)


def test_style_sheets_survive_streamlits_sanitiser():
    """DOMPurify drops a <style> element whose text contains markup-like "<x" (a comment mentioning <pre> once
    silently removed every accessibility rule)."""
    import re

    from components import style

    for name in dir(style):
        value = getattr(style, name)
        if name.endswith("_CSS") and isinstance(value, str):
            for sheet in re.findall(r"<style>(.*?)</style>", value, flags=re.S):
                assert not re.search(r"<[/\w!]", sheet), name


def test_zone_map_labels_never_cover_each_other() -> None:
    """The projector map writes the event's zones large with their count; the other labels move a little, shrink
    to the number or go to the key, but no two labels overlap (checked on the drawn boxes, for several events)."""
    import base64
    import json
    import re

    from components.svg_map import _overlaps, _text_box, zone_map_svg

    zones = json.loads((Path(__file__).resolve().parents[1] / "geodata" / "zones.geojson").read_text("utf-8"))
    names = {str(f["properties"]["zone_id"]): f"Zona {f['properties']['zone_id']}" for f in zones["features"]}
    for focus in [("5", "7"), ("1", "11"), ("8",), ()]:
        drawn = zone_map_svg(zones, {z: int(z) % 4 for z in names}, names=names, focus=focus, label="<mappa>",
                             notes=dict.fromkeys(focus or names, "N progetti"), font_px=38)
        svg = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", drawn.html).group(1)).decode()
        assert 'alt="&lt;mappa&gt;"' in drawn.html  # the text alternative, escaped
        texts = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"[^>]*font-weight="(\d+)"[^>]*>([^<]+)<',
                           svg)
        written = {t[4].split(" · ")[0] for t in texts if " · " in t[4]}
        assert set(focus) <= written  # the event's zones always carry their name
        assert set(names) == written | set(drawn.numbered_only)  # the others: named, or in the key
        boxes = [_text_box([(t[4], float(t[2]), int(t[3]))], float(t[0]), float(t[1])) for t in texts
                 if not t[4].startswith("N ")]
        if len(focus) < 2:  # two neighbouring event zones may touch; nothing else may
            assert not any(_overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
