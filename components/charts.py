"""Plotly figures in the app's palette, with large type for projectors. Each has a table beside it."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.style import SCREEN_READER_ONLY
from psm_data import palette

FONT = {"size": 16, "family": "'Source Sans', 'Source Sans Pro', sans-serif", "color": "#262730"}


def count_heatmap(matrix: pd.DataFrame, *, x_labels: Sequence[str], y_labels: Sequence[str],
                  x_title: str, y_title: str, hover_label: str) -> go.Figure:
    """A count matrix with every cell labelled; zero cells are grey and read '0' (gaps stay visible)."""
    z = matrix.to_numpy()
    zmax = max(int(z.max()) if z.size else 0, 1)
    # The same discrete colour per count as the HTML tables and the map (palette.color_for), as a stepped scale
    # over integer bands [v - 0.5, v + 0.5].
    breaks = palette.class_breaks(zmax)
    span = zmax + 1
    colorscale = []
    for v in range(zmax + 1):
        color = palette.color_for(v, breaks)
        colorscale += [[v / span, color], [(v + 1) / span, color]]
    fig = go.Figure(go.Heatmap(
        z=z, x=list(x_labels), y=list(y_labels), text=z, texttemplate="%{text}", textfont={"size": 15},
        colorscale=colorscale, zmin=-0.5, zmax=zmax + 0.5, xgap=2, ygap=2, showscale=False,
        hovertemplate=f"%{{y}} · %{{x}}<br>{hover_label}: %{{z}}<extra></extra>",
    ))
    fig.update_layout(font=FONT, height=max(320, 60 + 38 * len(y_labels)),
                      margin={"l": 8, "r": 8, "t": 10, "b": 8}, xaxis_title=x_title, yaxis_title=y_title,
                      yaxis={"autorange": "reversed"}, plot_bgcolor="#ffffff")
    fig.update_xaxes(side="top", tickangle=0, type="category")
    fig.update_yaxes(type="category")
    return fig


def show_chart(fig: go.Figure, *, key: str) -> None:
    """Our own sizes and palette (theme=None), not Streamlit's smaller chart theme: legible on a projector.

    Axes grow their margins to fit their tick labels (long zone/strategy names were clipped at the left edge)."""
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    st.plotly_chart(fig, width="stretch", key=key, theme=None,
                    config={"displaylogo": False, "responsive": True})


def status_strips_html(counts: pd.DataFrame, *, axis_labels: Mapping[str, str],
                       status_labels: Mapping[str, str]) -> str:
    """The status-by-axis bars as plain HTML: no chart library to download, so the first page is ready sooner.

    Each segment shows its count, the legend names every colour, and a screen reader reads the title text."""
    total = max(int(counts.sum(axis=1).max()), 1)
    rows = []
    for axis_id, row in counts.iterrows():
        segments = "".join(
            f'<div title="{html.escape(status_labels[s])}: {int(n)}" style="width:{100 * int(n) / total:.2f}%;'
            f"background:{palette.STATUS_COLORS[s]};color:{palette.text_color_on(palette.STATUS_COLORS[s])};"
            f'text-align:center;font-weight:600;padding:0.35rem 0;border-right:2px solid #fff">{int(n)}</div>'
            for s, n in row.items() if n
        )
        rows.append(f'<div style="display:flex;align-items:center;margin:0.3rem 0">'
                    f'<div style="flex:0 0 38%;padding-right:0.8rem;text-align:right">'
                    f"{html.escape(axis_labels[axis_id])}</div>"
                    f'<div style="flex:1;display:flex">{segments}</div></div>')
    legend = " ".join(
        f'<span style="white-space:nowrap;margin-right:1rem"><span style="display:inline-block;width:1rem;'
        f'height:1rem;background:{palette.STATUS_COLORS[s]};vertical-align:middle;margin-right:0.3rem"></span>'
        f"{html.escape(label)}</span>"
        for s, label in status_labels.items() if s in counts.columns and counts[s].sum()
    )
    # A screen reader reads one sentence per axis instead of bare numbers; the drawing is hidden from it. (Text, not
    # an aria-label: Streamlit's HTML sanitiser drops attributes whose value looks like markup.)
    summary = "; ".join(
        f"{axis_labels[axis_id]}: " + ", ".join(f"{status_labels[s]} {int(n)}" for s, n in row.items() if n)
        for axis_id, row in counts.iterrows())
    return (f'<div style="font-size:1rem"><span style="{SCREEN_READER_ONLY}">{html.escape(summary)}</span>'
            f'<div aria-hidden="true">{"".join(rows)}<div style="margin-top:0.6rem">{legend}</div></div></div>')


def strategy_strips_html(values: Sequence[int], *, labels: Sequence[str], statuses: Sequence[str],
                         status_labels: Mapping[str, str]) -> str:
    """One row per strategy: a bar as long as its count, coloured by the report's status, labelled
    "n · status" so a zero row still reads and colour is never the only cue. Plain HTML with one <style> block:
    nothing to download, a few KB per rerun."""
    top = max([int(v) for v in values] + [1])
    css = "".join(f".psm-strips .s-{s}{{background:{c}}}" for s, c in palette.STATUS_COLORS.items())
    style = ("<style>.psm-strips{font-size:1rem}.psm-strips>div{display:flex;align-items:center;margin:0.18rem 0}"
             ".psm-strips .l{flex:0 0 42%;padding-right:0.8rem;text-align:right}"
             ".psm-strips .r{flex:1;display:flex;align-items:center}"
             f".psm-strips .b{{min-width:0.35rem;height:1.3rem;margin-right:0.5rem}}{css}</style>")
    rows = "".join(
        f'<div><div class="l">{html.escape(label)}</div><div class="r">'
        f'<div class="b s-{status}" style="width:{70 * int(value) / top:.1f}%"></div>'
        f"<span><b>{int(value)}</b> · {html.escape(status_labels[status])}</span></div></div>"
        for value, label, status in zip(values, labels, statuses, strict=True))
    return f'{style}<div class="psm-strips">{rows}</div>'


def count_table_html(matrix: pd.DataFrame, *, x_labels: Sequence[str], y_labels: Sequence[str],
                     corner: str = "", x_titles: Sequence[str] | None = None, label: str = "",
                     scenario: pd.DataFrame | None = None, changed_title: str = "{report} → {scenario}") -> str:
    """A count matrix as a real HTML table whose cells are shaded like a heatmap: zeros grey, every cell
    labelled. It is its own text alternative (screen readers read a table), and needs no chart library.

    A wide table scrolls sideways inside its own box, which a keyboard can focus (tab, then arrow keys) and a
    screen reader announces by `label` (the table's title, as its caption; `corner` when none is given).

    With `scenario` (same shape), a cell the scenario changes reads "report → scenario", is shaded by the scenario's
    count and outlined dashed (text and outline, not colour alone); `changed_title` is its tooltip.
    Colours go in one <style> block with a class per shade, so an 11 × 24 table stays a few KB on every rerun."""
    values = matrix.to_numpy()
    after = scenario.to_numpy() if scenario is not None else values
    breaks = palette.class_breaks(float(max(values.max(), after.max())) if matrix.size else 0)
    # Class names carry the colour itself, so several tables on one page (their <style> blocks are global to the
    # document) can never restyle each other.
    shades = {palette.color_for(v, breaks) for v in after.ravel()}
    css = "".join(f".psm-counts td.c{c[1:]}{{background:{c};color:{palette.text_color_on(c)}}}" for c in sorted(shades))
    style = ("<style>.psm-counts{border-collapse:collapse;font-size:1rem}.psm-counts td{text-align:center;"
             "padding:0.3rem 0.4rem;border:2px solid #fff;font-weight:600}.psm-counts th{padding:0.3rem 0.4rem}"
             ".psm-counts td.chg{outline:3px dashed #000;outline-offset:-4px;white-space:nowrap}"
             f".psm-counts tbody th{{text-align:left;white-space:nowrap;font-weight:normal}}{css}</style>")
    titles = [f' title="{html.escape(x_titles[i])}"' if x_titles else "" for i in range(len(x_labels))]
    head = "".join(f'<th scope="col"{titles[i]}>{html.escape(x)}</th>' for i, x in enumerate(x_labels))

    def cell(before: int, now: int) -> str:
        if before == now:
            return f'<td class="c{palette.color_for(now, breaks)[1:]}">{int(now)}</td>'
        tip = html.escape(changed_title.format(report=int(before), scenario=int(now)))
        return (f'<td class="c{palette.color_for(now, breaks)[1:]} chg" title="{tip}">'
                f"{int(before)} → {int(now)}</td>")

    body = "".join(
        f'<tr><th scope="row">{html.escape(y)}</th>' + "".join(cell(b, a) for b, a in zip(row_b, row_a, strict=True))
        + "</tr>"
        for y, row_b, row_a in zip(y_labels, values, after, strict=True))
    # The box is named by the table's caption (hidden: the page shows the title above the table).
    name = label or corner
    caption_id = "psm-t-" + hashlib.sha1(f"{name}|{head}|{body}".encode(), usedforsecurity=False).hexdigest()[:10]
    return (f'{style}<div style="overflow-x:auto" tabindex="0" role="region" aria-labelledby="{caption_id}">'
            f'<table class="psm-counts"><caption id="{caption_id}" style="{SCREEN_READER_ONLY}">'
            f'{html.escape(name)}</caption><thead><tr>'
            f'<th style="text-align:left">{html.escape(corner)}</th>{head}</tr></thead><tbody>{body}</tbody>'
            "</table></div>")
