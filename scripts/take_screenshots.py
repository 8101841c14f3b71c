"""Re-take the reference screenshots in docs/: one per planner task of the README, from the real app.

Run: `.venv/bin/python scripts/take_screenshots.py` (needs /usr/bin/chromium). Starts `streamlit run` on a free
port, opens each view by its shareable URL in headless chromium (external requests blocked), saves
docs/<name>.png, stops the server.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.harness import (  # noqa: E402  (needs the repo root on sys.path)
    local_context,
    served_app,
    wait_for_app_ready,
    wait_for_drawn_map,
)

DOCS = ROOT / "docs"

# name → (shareable URL, whether the view has a map to wait for)
VIEWS: dict[str, tuple[str, bool]] = {
    "01_panoramica": ("/", False),
    "02_mappa_strategia_2_3": ("/mappa?strategy=2.3", True),
    "03_copertura_zone_5_7": ("/copertura?zone=5&zone=7", False),
    "04_esigenze_ciclabil": ("/esigenze?q=ciclabil", False),
    "05_zona_7": ("/zona?profile=7", True),
    "06_indicazioni_fonti": ("/fonti", False),
    "07_mappa_per_abitante_proiettore": ("/mappa?strategy=3.3&metric=per100k&proj=1", True),
    "08_copertura_english": ("/copertura?zone=5&zone=7&lang=en", False),
}
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 360, "height": 740}
# The same explorer pages on a phone (issue 9): docs/phone_<name>.png, the first screen as a visitor sees it.
PHONE_VIEWS: dict[str, tuple[str, bool]] = {
    "phone_panoramica": ("/", False),
    "phone_mappa": ("/mappa?strategy=2.3", True),
    "phone_copertura": ("/copertura?zone=5&zone=7", False),
    "phone_esigenze": ("/esigenze?q=ciclabil", False),
    "phone_zona": ("/zona?profile=7", True),
    "phone_fonti": ("/fonti", False),
}


def main() -> int:
    with served_app("screenshots_server.log") as (base, browser):
        views = [(name, view, DESKTOP) for name, view in VIEWS.items()]
        views += [(name, view, PHONE) for name, view in PHONE_VIEWS.items()]
        for name, (url, has_map), viewport in views:
            context = local_context(browser, base, viewport=viewport)
            page = context.new_page()
            page.goto(url)
            wait_for_app_ready(page, timeout=60_000)
            if has_map:
                wait_for_drawn_map(page)
            page.wait_for_timeout(500)
            DOCS.mkdir(exist_ok=True)
            page.screenshot(path=str(DOCS / f"{name}.png"), full_page=False)
            print(f"docs/{name}.png  ←  {url}")
            context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
