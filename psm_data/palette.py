"""The one colour scheme: colour-blind-safe (viridis steps, Okabe–Ito categories), legible on a projector."""

from __future__ import annotations

import math
from collections.abc import Sequence

# Light → dark viridis steps: ordered, colour-blind safe, and still ordered in greyscale.
SEQUENTIAL = ("#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154")
ZERO_COLOR = "#ececec"  # a count of 0 is a gap: neutral, never the lightest data colour
OUTLINE = "#333333"
HIGHLIGHT = "#d55e00"  # Okabe–Ito vermillion: the selected zones' outline
MUTED_TEXT = "#5c5a57"  # captions and quotes: 6.0:1 on the sidebar's grey, 6.9:1 on white (WCAG AA needs 4.5)

# Okabe–Ito, one colour per strategy status (never red/green as the only cue: labels always shown too).
STATUS_COLORS = {
    "most_reported": "#0072B2",
    "reported": "#56B4E9",
    "partial": "#E69F00",
    "no_actions": "#D55E00",
    "not_mentioned": "#999999",
}

# One colour per answer, Okabe–Ito (the phone's bars, the results, the position paper): (fill, text on it ≥ 4.5:1).
ANSWER_COLORS: dict[str, tuple[str, str]] = {
    "agree": ("#0072B2", "#ffffff"),
    "partly": ("#56B4E9", "#000000"),
    "disagree": ("#D55E00", "#000000"),
    "unclear": ("#BBBBBB", "#000000"),
}

# Plotly colourscale for heatmaps: zero gets the neutral grey, then the viridis steps.
HEATMAP_SCALE = [[0.0, ZERO_COLOR], [1e-9, SEQUENTIAL[0]]] + [
    [(i + 1) / len(SEQUENTIAL), c] for i, c in enumerate(SEQUENTIAL[1:], start=1)
]


def class_breaks(max_value: float, n_classes: int = len(SEQUENTIAL)) -> list[float]:
    """Upper bounds of up to `n_classes` equal-width classes over (0, max]; integers stay integers."""
    if max_value <= 0:
        return []
    if float(max_value).is_integer() and max_value <= n_classes:
        return [float(v) for v in range(1, int(max_value) + 1)]
    step = max_value / n_classes
    return [round(step * (i + 1), 2) for i in range(n_classes)]


def color_for(value: float, breaks: list[float]) -> str:
    """The fill for one value: grey for 0 (or missing), else the class's viridis step."""
    if not breaks or value is None or (isinstance(value, float) and math.isnan(value)) or value <= 0:
        return ZERO_COLOR
    for i, upper in enumerate(breaks):
        if value <= upper + 1e-9:
            return SEQUENTIAL[round(i * (len(SEQUENTIAL) - 1) / max(len(breaks) - 1, 1))]
    return SEQUENTIAL[-1]


def legend_entries(breaks: list[float], fmt: str = "{:g}") -> list[tuple[str, str]]:
    """(colour, label) pairs for a legend drawn outside the map (and readable as text)."""
    entries = [(ZERO_COLOR, "0")]
    lower = 0.0
    for upper in breaks:
        label = fmt.format(upper) if float(upper).is_integer() and upper - lower <= 1 else \
            f"{fmt.format(lower)}–{fmt.format(upper)}"
        entries.append((color_for(upper, breaks), label))
        lower = upper
    return entries


def count_legend_entries(breaks: Sequence[float]) -> list[tuple[str, str]]:
    """Legend entries for whole counts: each class labelled by the integers it holds ('1', '6–7'), empty
    classes left out; same colours as `color_for` gives on the map."""
    entries = [(ZERO_COLOR, "0")]
    lower = 0.0
    for upper in breaks:
        ints = [k for k in range(math.floor(lower) + 1, math.floor(upper + 1e-9) + 1) if lower < k <= upper + 1e-9]
        if ints:
            label = str(ints[0]) if len(ints) == 1 else f"{ints[0]}–{ints[-1]}"
            entries.append((color_for(upper, list(breaks)), label))
        lower = upper
    return entries


def text_color_on(background: str) -> str:
    """Black or white, whichever contrasts more with a #rrggbb background (WCAG relative luminance)."""
    channels = [int(background[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"
