"""What runs on the server: the app (scripts/serve.py) and its store, set up and checked directly."""

from __future__ import annotations

import secrets
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))
RESULTS_DIR = REPO_ROOT / "bench" / "results"
ANSWER_WEIGHTS = (0.5, 0.25, 0.15, 0.1)  # agree, partly, disagree, unclear

# Targets of issue 10 (one server on this 2-core machine)
TARGET_HEALTH_S = 1.0
TARGET_BURST_P95_S = 2.0
TARGET_PRESENTER_S = 3.0
TARGET_RSS_MB = 1500


# ----------------------------------------------------------------------------------------------------------------
# What runs on the server: the app (scripts/serve.py) with its participant, facilitator and presenter pages


class Target:
    """The real pages and store: pages/participate.py (widget keys kept stable for this test), the store in
    psm_data/events/store.py. Events are set up and items opened through the store, as the facilitator's buttons do;
    the check reads the database tables directly."""

    participant_page = "partecipa"
    password = "loadtest-" + secrets.token_hex(6)
    server_secret = secrets.token_hex(32)  # PSM_SERVER_SECRET of every server: signs the facilitator cookie

    def __init__(self) -> None:
        from psm_data.events.store import EventStore, device_hash

        self._store_cls, self._hash = EventStore, device_hash
        self._stores: dict[str, Any] = {}
        present = (REPO_ROOT / "pages" / "present.py").read_text(encoding="utf-8")
        # Until the presenter view refreshes by itself, the facilitator's live agenda (run_every) stands in for it.
        self.presenter_page = "presenta" if "need_slide" in present else "facilitatore"
        self.label = ("real pages: /partecipa, projector /" + self.presenter_page
                      + (" (need slides, live part run_every)" if self.presenter_page == "presenta"
                         else " (its live agenda; /presenta not live yet)"))

    def server_script(self) -> Path:
        return REPO_ROOT / "app.py"  # started through scripts/serve.py (st.App with the device cookie)

    def server_env(self) -> dict[str, str]:
        # One machine plays the whole hall from one address: lift the per-address caps (psm_data/server/limits.py),
        # which a real hall behind one NAT would set to its own size.
        return {"PSM_FACILITATOR_PASSWORD": self.password, "PSM_SERVER_SECRET": self.server_secret,
                "PSM_MAX_SESSIONS_PER_ADDRESS": "100000",
                "PSM_MAX_PAGE_LOADS_PER_MINUTE": "100000", "PSM_MAX_NEW_DEVICES_PER_MINUTE": "100000",
                "PSM_MAX_TEXTS_PER_MINUTE": "100000"}

    def _store(self, url: str) -> Any:
        if url not in self._stores:
            import csv

            from psm_data.events.db import database_for

            def ids(name: str, column: str) -> tuple[str, ...]:
                with open(REPO_ROOT / "psm_data" / name, encoding="utf-8") as f:
                    return tuple(row[column] for row in csv.DictReader(f))

            self._stores[url] = self._store_cls(database_for(url), need_ids=ids("needs.csv", "need_id"),
                                                axis_ids=ids("axes.csv", "axis_id"),
                                                zone_ids=ids("zones.csv", "zone_id"))
        return self._stores[url]

    def prepare(self, url: str, needs: list[str], open_needs: list[str]) -> str:
        from psm_data.events.migrate import upgrade

        upgrade(url)
        store = self._store(url)
        event = store.create_event(title="Load test", event_date=datetime.now(UTC).date(), place="loadtest",
                                   need_ids=needs)
        store.set_event_status(event.code, "open")
        store.set_item_status(event.code, open_needs, "open")
        return event.code

    def open_item(self, url: str, code: str, need: str) -> None:
        self._store(url).set_item_status(code, need, "open")

    def presenter_query(self, code: str) -> str:
        step = "&step=3" if self.presenter_page == "presenta" else ""  # slide 3: the first need of the agenda
        return f"evento={code}{step}"

    def presenter_cookies(self) -> dict[str, str]:
        """The facilitator's signed cookie (as after the start-up link), with the servers' shared secret."""
        from psm_data.events.auth import FACILITATOR_COOKIE, facilitator_cookie

        return {FACILITATOR_COOKIE: facilitator_cookie(self.password, time.time(), secret=self.server_secret.encode())}

    def stored(self, url: str, code: str) -> tuple[list[tuple[str, str, str | None, bool]], list[tuple[str, str]]]:
        """(device, need, answer, star) of every answer row and (device, need) of every comment row."""
        from sqlalchemy import select

        from psm_data.events.tables import answers, events, texts

        engine = self._store(url).db.engine
        with engine.connect() as conn:
            event_id = conn.execute(select(events.c.event_id).where(events.c.code == code)).scalar_one()
            rows = conn.execute(select(answers.c.device_hash, answers.c.need_id, answers.c.answer, answers.c.star)
                                .where(answers.c.event_id == event_id)).all()
            comments = conn.execute(select(texts.c.device_hash, texts.c.need_id).where(
                texts.c.event_id == event_id, texts.c.kind == "comment")).all()
        return [tuple(r) for r in rows], [tuple(r) for r in comments]

    def device_key(self, url: str, code: str, token: str) -> str:
        return self._hash(self._store(url).event(code).salt, token)

    def close(self) -> None:
        for store in self._stores.values():
            store.db.dispose()


def make_target() -> Target:
    return Target()


def agenda_needs(count: int) -> list[str]:
    import csv

    with open(REPO_ROOT / "psm_data" / "needs.csv", encoding="utf-8") as f:
        ids = [row["need_id"] for row in csv.DictReader(f)]
    return ids[:count]
