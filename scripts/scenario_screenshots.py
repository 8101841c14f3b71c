"""Screenshots of the scenario views and the zone sheets for docs/ (`make screenshots`).

Opens the real app by shareable URLs carrying a two-hypothesis scenario (zone 7, strategies 4.1 and 4.2) at desktop
(1400×900) and phone (360×740) size, scrolled to the part each shot is about, and writes docs/sc*.png; then renders
the 11 zone sheets to docs/sheets/zona_NN.png (scripts/build_sheets.py --docs).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from psm_data.scenario import Hypothesis, Scenario, encode_scenario  # noqa: E402
from scripts import build_sheets  # noqa: E402
from tests.browser.harness import local_context, served_app, wait_for_app_ready, wait_for_drawn_map  # noqa: E402

DOCS = ROOT / "docs"
SCN = encode_scenario(Scenario((Hypothesis("Polo formativo delle Valli di Lanzo", ("4.1",), ("7",)),
                                Hypothesis("Corsi ITS a Lanzo", ("4.2",), ("7",), "N4.2a"))))
DESKTOP, PHONE = {"width": 1400, "height": 900}, {"width": 360, "height": 740}
# name → (URL, viewport, text to scroll to or "", whether to open the sidebar's scenario editor)
SHOTS: dict[str, tuple[str, dict[str, int], str, bool]] = {
    "sc01_copertura_scenario_zona_7": (f"/copertura?zone=7&scn={SCN}", DESKTOP, "Lacune che lo scenario", True),
    "sc02_copertura_celle_che_cambiano": (f"/copertura?scn={SCN}", DESKTOP, "Progetti per zona e asse", False),
    "sc03_mappa_differenza": (f"/mappa?map_axis=4&map_view=diff&scn={SCN}", {"width": 1400, "height": 1150}, "",
                              False),
    "sc04_zona_7_scenario": (f"/zona?profile=7&scn={SCN}", DESKTOP, "", False),
    "sc05_telefono_copertura_scenario": (f"/copertura?zone=7&scn={SCN}", PHONE, "Lacune che lo scenario", False),
    "sc06_fonti_zona_dedotta_dal_luogo": ("/fonti", DESKTOP, "Luoghi che stanno in una zona", False),
    "sc07_mappa_zona_dedotta_dal_luogo": ("/mappa?strategy=1.4", DESKTOP, "Numero di progetti", False),
    "sc08_telefono_editor": (f"/zona?profile=7&scn={SCN}", PHONE, "", True),
}


def main() -> int:
    with served_app("scenario_screenshots_server.log") as (base, browser):
        for name, (url, viewport, scroll_to, open_editor) in SHOTS.items():
            context = local_context(browser, base, viewport=viewport)
            page = context.new_page()
            page.goto(url)
            wait_for_app_ready(page, timeout=60_000)
            if "mappa" in url or "zona" in url:
                wait_for_drawn_map(page)
            if open_editor:
                if viewport is PHONE:
                    page.get_by_test_id("stExpandSidebarButton").click()
                    page.wait_for_timeout(600)
                sidebar = page.get_by_test_id("stSidebar")
                sidebar.get_by_text("Scenario: 2 progetti ipotetici").first.evaluate(
                    "e => e.scrollIntoView({block: 'start', inline: 'nearest'})")
            if scroll_to:  # vertically only (scrollIntoView would also shift a narrow page sideways)
                page.get_by_text(scroll_to).locator("visible=true").first.evaluate(
                    "e => e.scrollIntoView({block: 'start', inline: 'nearest'})")
            page.wait_for_timeout(1200)
            DOCS.mkdir(exist_ok=True)
            page.screenshot(path=str(DOCS / f"{name}.png"))
            print(f"docs/{name}.png  ←  {url[:80]}")
            context.close()
    return build_sheets.main(["--docs", "--out", str(ROOT / "build" / "sheets")])


if __name__ == "__main__":
    sys.exit(main())
