"""Plotly figures in the app's palette, with large type for projectors. Each has a table beside it."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import palette

FONT = {"size": 16, "family": "'Source Sans', 'Source Sans Pro', sans-serif", "color": "#262730"}


def count_heatmap(matrix: pd.DataFrame, *, x_labels: Sequence[str], y_labels: Sequence[str],
                  x_title: str, y_title: str, hover_label: str) -> go.Figure:
    """A count matrix with every cell labelled; zero cells are grey and read '0' (gaps stay visible)."""
    z = matrix.to_numpy()
    zmax = max(int(z.max()) if z.size else 0, 1)
    fig = go.Figure(go.Heatmap(
        z=z, x=list(x_labels), y=list(y_labels), text=z, texttemplate="%{text}", textfont={"size": 15},
        colorscale=[[0.0, palette.ZERO_COLOR], [0.5 / zmax, palette.ZERO_COLOR]] + [
            [min(1.0, (0.5 + i * (zmax - 0.5) / (len(palette.SEQUENTIAL) - 1)) / zmax), c]
            for i, c in enumerate(palette.SEQUENTIAL)
        ],
        zmin=0, zmax=zmax, xgap=2, ygap=2, showscale=False,
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


def strategy_bars(values: Sequence[int], *, labels: Sequence[str], statuses: Sequence[str],
                  status_labels: Mapping[str, str], x_title: str) -> go.Figure:
    """One horizontal bar per strategy (top to bottom in the given order), coloured by the report's status.

    Each bar is labelled with its count and its status in words, so a zero bar still reads "0 · …" and the
    colour is never the only cue."""
    fig = go.Figure()
    order = list(labels)
    top = max([int(v) for v in values] + [1])
    for status in status_labels:
        idx = [i for i, s in enumerate(statuses) if s == status]
        if not idx:
            continue
        fig.add_bar(
            y=[order[i] for i in idx], x=[int(values[i]) for i in idx], orientation="h",
            name=status_labels[status], marker={"color": palette.STATUS_COLORS[status]},
            text=[f"{int(values[i])} · {status_labels[status]}" for i in idx], textposition="outside",
            cliponaxis=False, textfont={"size": 15},
            hovertemplate="%{y}<br>" + x_title + ": %{x}<extra>" + status_labels[status] + "</extra>",
        )
    fig.update_layout(font=FONT, height=130 + 34 * len(order), margin={"l": 8, "r": 8, "t": 40, "b": 8},
                      legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
                      xaxis_title=x_title, plot_bgcolor="#ffffff", bargap=0.25,
                      yaxis={"categoryorder": "array", "categoryarray": order, "autorange": "reversed",
                             "type": "category"})
    fig.update_xaxes(range=[0, top * 1.9 + 1], dtick=max(1, round(top / 6)), gridcolor="#dddddd")
    return fig


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
    return f'<div role="img" style="font-size:1rem">{"".join(rows)}<div style="margin-top:0.6rem">{legend}</div></div>'
