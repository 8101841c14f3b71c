"""The public page (no password): events to come with how to take part; published events only, with results,
outcomes and approved proposals; never an unpublished event, an unapproved text or a single answer; hostile text
escaped."""

from __future__ import annotations

from datetime import timedelta

from psm_data.events.store import today
from tests.app.conftest import no_exception
from tests.app.events_helpers import make_event, open_event_page, test_store

DEVICE = "public-test-device-{n:04d}-abcdefgh"
HOSTILE = "<img src=x onerror=alert(1)> navetta <script>x()</script>"


def page_html(at) -> str:  # noqa: ANN001 - AppTest
    return "".join(h.proto.body for h in at.get("html") if "psm-public" in h.proto.body)  # the page's own block


def test_only_published_events_and_approved_texts_are_public():
    store = test_store()
    shown = make_event(title="Ascolto pubblicato", status="closed")
    secret = make_event(title="Ascolto non pubblicato", status="closed")
    for code in (shown, secret):
        store.set_event_status(code, "open")
        store.submit_answer(code, DEVICE.format(n=1), "N1.1", answer="agree")
        store.submit_proposal(code, DEVICE.format(n=1), HOSTILE, axis_id="1", need_id="N1.1")
        store.submit_proposal(code, DEVICE.format(n=2), "Proposta mai approvata", axis_id="1")
        store.set_event_status(code, "closed")
    approved = store.texts_frame([shown])
    store.moderate(shown, int(approved.loc[approved["body"].str.contains("navetta"), "text_id"].iloc[0]), "approved")
    store.set_outcome(shown, "N1.1", "validata", "Riformulata: <b>più corse</b> la sera")
    store.set_published(shown, True)
    coming = store.create_event(title="Incontro a Ivrea", event_date=today() + timedelta(days=5), place="Ivrea",
                                zone_ids=["9"], need_ids=["N1.1"]).code
    store.set_online_window(coming, today(), today() + timedelta(days=10))
    rehearsal = store.create_event(title="Prova segreta", event_date=today() + timedelta(days=5),
                                   need_ids=["N1.1"], is_rehearsal=True).code
    assert rehearsal
    at = open_event_page("pages/public.py", {})
    no_exception(at)
    body = page_html(at)
    assert "Ascolto pubblicato" in body
    assert "Ascolto non pubblicato" not in body
    assert "Proposta mai approvata" not in body
    assert "Prova segreta" not in body
    assert "Incontro a Ivrea" in body
    assert coming in body
    assert "data:image/svg" in body
    assert "Online: dal" in body
    # Hostile text escaped, marked as participants' words; outcome and its note escaped too.
    assert "<img src=x" not in body
    assert "<script>" not in body
    assert "&lt;img src=x onerror=alert(1)&gt; navetta" in body
    assert "Scritto da un partecipante · per l&#x27;esigenza N1.1" in body
    assert "Validata" in body
    assert "&lt;b&gt;più corse&lt;/b&gt;" in body
    # No device hash, no single answer's trace.
    for device in test_store().answers_frame([shown])["device_hash"]:
        assert device not in body
        assert device[:12] not in body
    store.set_published(shown, False)
    at = open_event_page("pages/public.py", {})
    assert "Ascolto pubblicato" not in page_html(at)


def test_an_event_closed_in_the_hall_is_no_longer_to_come_unless_online_runs():
    from datetime import timedelta

    from components.events.public_view import upcoming
    from psm_data.events.store import Event, today

    day = (today() + timedelta(days=3)).isoformat()
    ahead = Event(1, "AAAAAA", "Prossimo", day, "Ciriè", ("7",), "draft", "salt")
    closed = Event(2, "BBBBBB", "Già fatto", day, "Ciriè", ("7",), "closed", "salt")
    closed_online = Event(3, "CCCCCC", "Online ancora", day, "Ciriè", ("7",), "closed", "salt",
                          online_from=today().isoformat(), online_until=day)
    assert [e.code for e in upcoming([ahead, closed, closed_online])] == ["AAAAAA", "CCCCCC"]


def test_dates_are_written_as_each_language_writes_them():
    """Babel's long dates: "6 dicembre 2026" in Italian, "December 6, 2026" in English; never the ISO text."""
    from psm_data.i18n import format_date

    day = today() + timedelta(days=12)
    code = test_store().create_event(title="Incontro con la data", event_date=day, place="Susa", zone_ids=["6"],
                                     need_ids=["N1.1"]).code
    for lang, written in (("it", format_date(day, "it")), ("en", format_date(day, "en"))):
        body = page_html(open_event_page("pages/public.py", {}, session={"lang": lang}))
        assert code in body
        assert f"<b>{written}</b>" in body, lang
        assert day.isoformat() not in body
    assert format_date(day, "it").startswith(f"{day.day} ")
    assert f" {day.day}, {day.year}" in format_date(day, "en")
