"""Screenshots of a table's verbale with the matcher's suggestion for a new-need point (issue 16), on the host's
page at phone size and on the facilitator's Tavoli view at desktop and projector size, to docs/vs_*.png.

A throwaway database with one example event, one table and two verbale points (a new need, a key point).
Run by `make screenshots`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_HOME = Path(tempfile.mkdtemp(prefix="psm-screens-"))
os.environ["PSM_DB_URL"] = f"sqlite:///{_HOME / 'eventi.sqlite3'}"
os.environ["PSM_FACILITATOR_PASSWORD"] = "password-per-gli-screenshot"  # noqa: S105 - throwaway database
os.environ.pop("PSM_PUBLIC_URL", None)

from psm_data import load_dataset  # noqa: E402
from psm_data.events.db import database_for  # noqa: E402
from psm_data.events.migrate import upgrade  # noqa: E402
from psm_data.events.store import EventStore  # noqa: E402
from psm_data.events.tavoli import TableStore  # noqa: E402
from tests.browser.harness import local_context, served_app, wait_for_app_ready  # noqa: E402

DOCS = ROOT / "docs"
PASSWORD = os.environ["PSM_FACILITATOR_PASSWORD"]
SIZES = {"desktop": (1400, 1000, False), "projector": (1280, 720, False), "phone": (360, 740, True)}


def main() -> None:
    upgrade(os.environ["PSM_DB_URL"])
    data = load_dataset()
    store = EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                       axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    tables = TableStore(store, dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True)))
    event = store.create_event(title="Esempio — Tavoli", event_date="2026-12-03", place="Ciriè",
                               need_ids=["N3.2", "N3.3", "N5.2"])
    store.set_event_status(event.code, "open")
    _table, pin = tables.create_table(event.code, name="Mobilità", host_name="Giulia", need_ids=["N3.2", "N3.3"])
    tables.save_note(event.code, 1, kind="new_need", axis_id="3",
                     body="Servono piste ciclabili sicure tra Collegno e Torino, oggi in bici si rischia")
    tables.save_note(event.code, 1, kind="key_point", need_id="N3.2", body="Treni serali per le valli")
    with served_app("verbale_screens_server.log") as (base, browser):
        for name, (width, height, phone) in SIZES.items():
            context = local_context(browser, base, viewport={"width": width, "height": height}, is_mobile=phone,
                                    has_touch=phone)
            page = context.new_page()
            if phone:
                page.goto(f"/tavolo?evento={event.code}&tavolo=1")
                wait_for_app_ready(page, timeout=60_000)
                page.locator("input[type=password]").fill(pin)
                page.locator("input[type=password]").press("Enter")
            else:
                page.goto(f"/facilitatore?evento={event.code}&vista=tavoli")
                wait_for_app_ready(page, timeout=60_000)
                page.locator("input[type=password]").fill(PASSWORD)
                page.locator("input[type=password]").press("Enter")
            wait_for_app_ready(page, timeout=60_000)
            target = page.get_by_text("Esigenze suggerite automaticamente").first
            try:
                target.wait_for(timeout=30_000)
            except Exception:
                page.screenshot(path=str(_HOME / f"failed_{name}.png"), full_page=True)
                print("failed", _HOME / f"failed_{name}.png")
                raise
            target.scroll_into_view_if_needed()
            page.mouse.wheel(0, 150)
            page.wait_for_timeout(600)
            path = DOCS / f"vs_verbale_{'host' if phone else 'tavoli'}_{name}.png"
            page.screenshot(path=str(path))
            print(path.relative_to(ROOT))
            context.close()


if __name__ == "__main__":
    main()
