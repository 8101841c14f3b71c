"""Screenshots of moderation with need links (issue 16) at desktop, projector and phone size, to docs/nl*.png.

A throwaway database with one example event and a few proposals as a hall writes them (two near-duplicates, one
also in a second event); one link confirmed, one new need marked, so every state of the panel shows.
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
os.environ["PSM_FACILITATOR_PASSWORD"] = "password-per-gli-screenshot"
os.environ.pop("PSM_PUBLIC_URL", None)

from psm_data import load_dataset  # noqa: E402
from psm_data.events import need_links  # noqa: E402
from psm_data.events.db import database_for  # noqa: E402
from psm_data.events.migrate import upgrade  # noqa: E402
from psm_data.events.store import EventStore  # noqa: E402
from tests.browser.harness import local_context, served_app, wait_for_app_ready  # noqa: E402

DOCS = ROOT / "docs"
PASSWORD = os.environ["PSM_FACILITATOR_PASSWORD"]
SIZES = {"desktop": (1400, 1000, False), "projector": (1280, 720, False), "phone": (360, 740, True)}
PROPOSALS = [
    ("Più piste ciclabili a Chieri, in bici si rischia la vita", "3"),
    ("piu piste ciclabbili a chieri!!", "3"),
    ("il treno per Pinerolo è sempre in ritardo e la sera non ce ne sono", "3"),
    ("Un festival del cinema di montagna nelle valli", "5"),
    ("mia mamma è sola a Lanzo, servono badanti e assistenza a casa", "5"),
]


def example_event(store: EventStore) -> str:
    event = store.create_event(title="Esempio — Ascolto Zona 7", event_date="2026-12-03", place="Ciriè",
                               zone_ids=["7"], need_ids=["N3.2", "N3.3", "N5.2"])
    other = store.create_event(title="Esempio — Ascolto Chieri", event_date="2026-12-10", place="Chieri",
                               zone_ids=["11"], need_ids=["N3.3"])
    for e in (event, other):
        store.set_event_status(e.code, "open")
    for n, (body, axis) in enumerate(PROPOSALS):
        store.submit_proposal(event.code, f"example-phone-{n:04d}-{'x' * 12}", body, axis_id=axis)
    store.submit_proposal(other.code, f"example-phone-0099-{'x' * 12}", "Servono più piste ciclabili a Chieri",
                          axis_id="3")
    ids = dict(zip(store.texts_frame([event.code])["body"], store.texts_frame([event.code])["text_id"], strict=True))
    need_links.set_link(store, event.code, int(ids[PROPOSALS[4][0]]), "confirmed", need_id="N5.2",
                        suggested=["N5.2", "N5.1", "N6.1"])
    need_links.set_link(store, event.code, int(ids[PROPOSALS[3][0]]), "new", axis_id="5")
    store.moderate(event.code, int(ids[PROPOSALS[4][0]]), "approved")
    return event.code


def main() -> None:
    upgrade(os.environ["PSM_DB_URL"])
    data = load_dataset()
    store = EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                       axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    code = example_event(store)
    with served_app("need_links_screens_server.log") as (base, browser):
        for name, (width, height, phone) in SIZES.items():
            context = local_context(browser, base, viewport={"width": width, "height": height}, is_mobile=phone,
                                    has_touch=phone)
            page = context.new_page()
            page.goto(f"/facilitatore?token={PASSWORD}&evento={code}&vista=modera")
            wait_for_app_ready(page, timeout=60_000)
            page.wait_for_timeout(800)
            # The desktop shows a stored link ("Segnata come nuova esigenza") and the cards above it; the
            # projector and the phone the first card's panel.
            target = page.get_by_text("Segnata come") if name == "desktop" else page.get_by_text("proposte simili")
            target.first.scroll_into_view_if_needed()
            page.mouse.wheel(0, {"desktop": 300, "projector": 120, "phone": 200}[name])
            page.wait_for_timeout(400)
            path = DOCS / f"nl_moderazione_{name}.png"
            page.screenshot(path=str(path))
            print(path.relative_to(ROOT))
            context.close()


if __name__ == "__main__":
    main()
