"""QR codes drawn locally (segno, pure Python): no online service, so joining works on a hall's offline Wi-Fi."""

from __future__ import annotations

import html

import segno


def qr_svg(url: str, *, label: str, scale: int = 6, width: str | None = None) -> str:
    """A QR code as an <img> (SVG data URI: st.html's sanitiser drops inline SVG) with its text alternative;
    the URL is also always shown as text beside it."""
    data_uri = segno.make(url, error="m").svg_data_uri(scale=scale, border=2, dark="#000000", light="#ffffff")
    style = f"width:{width};height:auto" if width else ""
    return (f'<img src="{html.escape(data_uri, quote=True)}" alt="{html.escape(label, quote=True)}" '
            f'style="{style};image-rendering:pixelated;display:block">')
