"""QR codes drawn locally (segno, pure Python): no online service, so joining works on a hall's offline Wi-Fi."""

from __future__ import annotations

import html

import segno


def qr_svg(url: str, *, label: str, scale: int = 6) -> str:
    """An inline SVG QR code with a text alternative (the URL is also always shown as text beside it)."""
    svg = segno.make(url, error="m").svg_inline(scale=scale, border=2, dark="#000000", light="#ffffff",
                                                 omitsize=False)
    return (f'<div role="img" aria-label="{html.escape(label, quote=True)}" '
            f'style="display:inline-block;line-height:0">{svg}</div>')
