"""The presenter view: password, slides from the agenda, step in the URL, results hidden until an item closes."""

from __future__ import annotations

import base64
import re

from components.events.access import refresh_live
from tests.app.conftest import no_exception
from tests.app.events_helpers import make_event, open_event_page, test_store

PAGE = "pages/present.py"


def presenter(code: str, step: int | None = None, **extra: str):
    params = {"evento": code, **extra}
    if step is not None:
        params["step"] = str(step)
    at = open_event_page(PAGE, params, session={"_facilitator_ok": True})  # signed in (the facilitator's browser)
    no_exception(at)
    return at


def html_text(at) -> str:  # noqa: ANN001 - AppTest
    return " ".join(h.proto.body for h in at.get("html"))


def test_presenter_needs_the_password():
    at = open_event_page(PAGE, {"evento": make_event()})
    no_exception(at)
    assert at.text_input(key="f_password")
    assert "Avanti" not in [b.label for b in at.button]


def test_opening_slide_has_qr_code_join_code_and_address():
    code = make_event()
    at = presenter(code)
    body = html_text(at)
    assert "data:image/svg+xml" in body  # the QR code, drawn locally
    assert f"partecipa?evento={code}" in body
    assert code in body
    assert at.button(key="pr_back").disabled


def test_steps_follow_the_agenda_and_live_in_the_url():
    code = make_event()  # 5 needs: opening, report, 5 needs, wall, closing = 9 slides
    at = presenter(code)
    assert "1 / 9" in [m.value for m in at.markdown]
    at.button(key="pr_next").click().run()
    assert at.query_params["step"] == "2"
    assert "Cosa dice il report" in at.header[0].value
    body = html_text(at)
    assert "7 · Ciriacese - Valli di Lanzo" in body  # the map's text alternative names the event's zone
    svg = base64.b64decode(re.search(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", body).group(1)).decode()
    labels = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    # every zone is named on the map, or by number with its name in the key under it (where there is no room)
    named = {x.split(" · ")[0] for x in labels if " · " in x}
    key = next((p for p in body.split("<p") if "Nomi non scritti" in p), "")  # the small line under the figures
    assert all(z in named or f"{z} " in key for z in map(str, range(1, 12)))
    assert len(named) >= 7
    assert "7 · Ciriacese - Valli di Lanzo" in labels
    # the event's zone carries its count under its name (colour is not the only cue), in the alt text too
    count = labels[labels.index("7 · Ciriacese - Valli di Lanzo") + 1]
    assert re.fullmatch(r"\d+ progett[oi]", count)
    assert f"7 · Ciriacese - Valli di Lanzo ({count})" in body
    again = presenter(code, step=3)  # a reload, or a second screen, on the same address
    assert "N1.1" in html_text(again)
    last = presenter(code, step=9)
    assert last.button(key="pr_next").disabled
    assert "Cosa è emerso" in last.header[0].value


def test_a_bad_step_falls_back_with_a_notice():
    at = presenter(make_event(), step=99)
    assert "1 / 9" in [m.value for m in at.markdown]
    assert any("step=99" in w.value for w in at.warning)


def test_unknown_event_is_a_message():
    at = presenter("ZZZZZZ")
    assert "ZZZZZZ" in at.error[0].value


def test_answer_bars_stay_hidden_until_the_item_closes():
    store = test_store()
    code = make_event()
    for n in range(4):
        device = f"presenter-test-device-{n:04d}-abcdef"
        store.join(code, device, zone_id="5" if n % 2 else "7")
        store.submit_answer(code, device, "N1.1", answer="agree" if n else "disagree")
    refresh_live()
    at = presenter(code, step=3)
    body = html_text(at)
    assert "4 persone hanno risposto" in body
    assert "D&#x27;accordo 3" not in body
    assert "D'accordo 3" not in body
    store.set_item_status(code, "N1.1", "closed")
    refresh_live()
    at = presenter(code, step=3)
    body = html_text(at)
    assert "4 risposte (D&#x27;accordo 3" in body
    assert "Per zona dichiarata" in body
    assert "5 · Pinerolese" in body


def test_wall_shows_only_approved_texts_escaped():
    store = test_store()
    code = make_event()
    device = "presenter-test-device-wall-abcdef"
    store.submit_proposal(code, device, "<b>Approvata</b> e mostrata", axis_id="2")
    store.submit_proposal(code, device, "In attesa, non mostrata", axis_id="2")
    approved = int(store.texts_frame([code]).set_index("body").loc["<b>Approvata</b> e mostrata", "text_id"])
    store.moderate(code, approved, "approved")
    refresh_live()
    body = html_text(presenter(code, step=8))
    assert "&lt;b&gt;Approvata&lt;/b&gt; e mostrata" in body
    assert "In attesa" not in body
    assert "Scritto da un partecipante" in body


def test_every_viewer_shares_one_set_of_queries_per_interval():
    """Projectors and facilitators refresh by themselves: what they read is cached for LIVE_TTL_S and shared, so
    ten viewers cost the database what one does."""
    import os

    from sqlalchemy import event as sa_event

    from components.events.access import live_event
    from psm_data.events.db import database_for

    code = make_event()
    refresh_live()
    engine = database_for(os.environ["PSM_DB_URL"]).engine
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # noqa: ANN001, ANN002 - SQLAlchemy's event signature
        statements.append(statement)

    sa_event.listen(engine, "before_cursor_execute", count)
    try:
        first = live_event(code)
        after_one = len(statements)
        for _ in range(9):  # nine more viewers within the interval
            assert live_event(code) is not None
    finally:
        sa_event.remove(engine, "before_cursor_execute", count)
    assert first is not None
    assert after_one > 0
    assert len(statements) == after_one
