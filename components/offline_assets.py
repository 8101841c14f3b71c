"""Self-hosted front-end assets for folium maps, so that maps draw without internet.

folium 0.20 puts ten CDN links (Leaflet, jQuery, Bootstrap 5 JS+CSS, glyphicons, FontAwesome,
awesome-markers JS+CSS, a rotate CSS) on ``folium.Map.default_js``/``default_css``; it is the only
class in the maps we build (GeoJson + style_function, GeoJsonTooltip, FeatureGroup, LayerControl,
TileLayer) that carries links. streamlit-folium collects ``default_js``/``default_css`` from every
``JSCSSMixin`` in the element tree and loads them in its iframe one after another, so one blocked
CDN means a blank map. Only Leaflet is needed to draw polygons, tooltips and the layer control
(checked in headless chromium), so Leaflet is vendored under ``static/vendor/`` by
``scripts/vendor_assets.sh`` and everything else is dropped.

Streamlit serves ``./static`` at ``<baseUrlPath>/app/static/`` when ``server.enableStaticServing``
is true (see ``.streamlit/config.toml``). The links are relative to the component iframe, whose
document is ``<baseUrlPath>/component/streamlit_folium.st_folium/index.html``, so ``../../app/static/``
works under any ``server.baseUrlPath`` or reverse-proxy prefix.

Call :func:`use_local_assets` once before building maps (it is idempotent). Not covered: branca
colormaps added to a map (legends, ``folium.Choropleth``): st_folium hard-codes d3 CDN URLs for them,
so draw legends with Streamlit instead; folium plugins and ``folium.Icon`` markers bring their own
CDN links (extend ``PACKAGES``/the script if ever needed).
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import folium

# Where the files are on disk, and the URL prefix the component iframe uses to reach them.
STATIC_DIR: Path = Path(__file__).resolve().parent.parent / "static"
STATIC_URL_PREFIX: str = "../../app/static/"

LEAFLET_DIR = "vendor/leaflet-1.9.3"

# Every vendored file, relative to STATIC_DIR (kept in sync with scripts/vendor_assets.sh).
LOCAL_FILES: tuple[str, ...] = (
    f"{LEAFLET_DIR}/LICENSE",
    f"{LEAFLET_DIR}/dist/leaflet.js",
    f"{LEAFLET_DIR}/dist/leaflet.css",
    f"{LEAFLET_DIR}/dist/images/layers.png",
    f"{LEAFLET_DIR}/dist/images/layers-2x.png",
    f"{LEAFLET_DIR}/dist/images/marker-icon.png",
    f"{LEAFLET_DIR}/dist/images/marker-icon-2x.png",
    f"{LEAFLET_DIR}/dist/images/marker-shadow.png",
)

# The app's own files for the map iframes (components/maps.py), fetched once per mount instead of being sent with
# every rerun's map script: the zone layers' script and style, and the shipped shapes (byte-identical copies of
# geodata/*.geojson, written by scripts/build_geodata.py, checked by tests/test_maps.py).
GEOMETRY_DIR = "geo"
GEOMETRY_FILES: tuple[str, ...] = (f"{GEOMETRY_DIR}/zones.geojson", f"{GEOMETRY_DIR}/comuni.geojson")
MAP_SCRIPT, MAP_STYLE = "map/psm-zones.js", "map/psm-zones.css"
APP_FILES: tuple[str, ...] = (MAP_SCRIPT, MAP_STYLE, *GEOMETRY_FILES)

# What folium.Map loads after use_local_assets(); the names are folium's own link names.
MAP_JS: list[tuple[str, str]] = [("leaflet", f"{STATIC_URL_PREFIX}{LEAFLET_DIR}/dist/leaflet.js")]
MAP_CSS: list[tuple[str, str]] = [("leaflet_css", f"{STATIC_URL_PREFIX}{LEAFLET_DIR}/dist/leaflet.css")]

# folium.Map links deliberately not loaded: unused by our maps (no Bootstrap widgets, no jQuery
# calls, no folium.Icon markers); dropping them saves ~0.5 MB and 8 sequential requests per iframe.
DROPPED_LINKS: tuple[str, ...] = (
    "jquery",
    "bootstrap",
    "awesome_markers",
    "bootstrap_css",
    "glyphicons_css",
    "awesome_markers_font_css",
    "awesome_markers_css",
    "awesome_rotate_css",
)

_LINK_PATTERN = r"""<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["'](?P<url>[^"']+)["']"""
_LINK_RE = re.compile(_LINK_PATTERN, re.IGNORECASE)


def use_local_assets() -> None:
    """Point folium.Map at the vendored Leaflet and drop the other CDN links (idempotent).

    Assigns fresh lists on the class (not in-place edits), because folium's ``add_js_link`` mutates
    the class-level list and we must not share it with folium's defaults.
    """
    folium.Map.default_js = list(MAP_JS)
    folium.Map.default_css = list(MAP_CSS)


def app_file_url(path: str) -> str:
    """The URL (relative to the map iframe) of one of APP_FILES, versioned by its content (`?v=`), so that a
    browser never keeps an old copy of the script or the shapes after an update."""
    if path not in APP_FILES:
        raise ValueError(f"not an app file: {path!r}")
    return _versioned(path)


@functools.cache
def _versioned(path: str) -> str:
    digest = hashlib.sha256((STATIC_DIR / path).read_bytes()).hexdigest()[:12]
    return f"{STATIC_URL_PREFIX}{path}?v={digest}"


def geometry_url(name: str) -> str:
    """The URL of the shipped GeoJSON `name` ("zones" or "comuni")."""
    return app_file_url(f"{GEOMETRY_DIR}/{name}.geojson")


def local_path(url: str) -> Path | None:
    """Return the file under STATIC_DIR that a link made by this module refers to, else None."""
    if not url.startswith(STATIC_URL_PREFIX):
        return None
    return STATIC_DIR / url[len(STATIC_URL_PREFIX) :].split("?", 1)[0]


def external_urls(html: str) -> list[str]:
    """List the http(s) or protocol-relative URLs of ``<script src>``/``<link href>`` tags in html.

    Tile URL templates and attribution links live in the Leaflet JS / ``<a>`` tags, not in such
    tags, so an opted-in TileLayer does not show up here; only assets the browser would fetch do.
    """
    urls = (m.group("url").strip() for m in _LINK_RE.finditer(html))
    return [u for u in urls if u.lower().startswith(("http://", "https://", "//"))]
