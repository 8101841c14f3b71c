"""Headline figures (a label, a big value, what it means) as one HTML block instead of one `st.metric` each.

Why: every Streamlit element costs a new browser tab a render, and `st.metric` also its own scripts (Metric,
numbro, sprintf... ~60 KB in 7 files) on pages that load no other use for them; *Zona* drew eleven. The note that
`st.metric` hid in a "?" tooltip is written under the value, so it is read by everyone, keyboard and screen
reader users included; a scenario's addition ("+2 ipotesi") sits beside the report's value, in words.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

_CSS = (
    "<style>"
    ".psm-figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:0.6rem 1.2rem;"
    "margin:0 0 0.6rem 0 !important;padding:0 !important}"
    ".psm-figures>div{margin:0;padding:0}"
    ".psm-figures dt{font-size:0.9rem;font-weight:400;margin:0}"
    ".psm-figures dd{margin:0}"
    ".psm-figures .v{font-size:2.4rem;line-height:1.15;font-weight:400}"
    ".psm-figures .d{display:inline-block;font-size:0.85rem;padding:0 0.4rem;border-radius:0.4rem;"
    "background:#fdecd2;color:#5c3200}"
    ".psm-figures .n{font-size:0.8rem;line-height:1.3;color:#555a66}"
    "</style>"
)


@dataclass(frozen=True)
class Figure:
    """One figure: `value` as already written for people ("99.821", "7"); `delta` an addition to it said in
    words (a scenario's "+2 ipotesi"); `note` what the figure counts."""

    label: str
    value: str
    note: str = ""
    delta: str = ""


def figures_html(figures: Sequence[Figure], *, label: str) -> str:
    """A description list (<dl>: label, value, delta, note per figure) in a group named `label` for screen
    readers; every text escaped."""
    items = []
    for figure in figures:
        parts = [f"<dt>{html.escape(figure.label)}</dt>", f'<dd class="v">{html.escape(figure.value)}</dd>']
        if figure.delta:
            parts.append(f'<dd class="d">{html.escape(figure.delta)}</dd>')
        if figure.note:
            parts.append(f'<dd class="n">{html.escape(figure.note)}</dd>')
        items.append(f"<div>{''.join(parts)}</div>")
    return (f'{_CSS}<div role="group" aria-label="{html.escape(label)}"><dl class="psm-figures">{"".join(items)}'
            "</dl></div>")


def show_figures(figures: Sequence[Figure], *, label: str) -> None:
    st.html(figures_html(figures, label=label))
