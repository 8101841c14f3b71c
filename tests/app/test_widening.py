"""Widening participation from the facilitator's page (issue 17): the online window set and cleared, a phone that
answers online with no need opened in the hall, online turnout per day and zone, publication toggled."""

from __future__ import annotations

from datetime import timedelta

from components.events.access import refresh_live
from psm_data.events.store import today
from tests.app.conftest import no_exception
from tests.app.events_helpers import make_event, open_event_page, signed_in_facilitator, test_store

DEVICE = "widening-test-device-{n:04d}-abcdefgh"


def test_the_facilitator_opens_an_online_window_and_a_phone_answers_online():
    code = make_event(status="draft", open_items=[])
    at = signed_in_facilitator({"evento": code, "vista": "diffondi"})
    no_exception(at)
    assert "Nessuna finestra online." in [i.value for i in at.info]
    at.date_input(key="w_from").set_value(today() - timedelta(days=1))
    at.date_input(key="w_until").set_value(today() + timedelta(days=2))
    at.button(key="w_set").click().run()
    no_exception(at)
    event = test_store().event(code)
    assert (event.online_from, event.online_until) == ((today() - timedelta(days=1)).isoformat(),
                                                       (today() + timedelta(days=2)).isoformat())
    assert any("Aperta online fino al" in s.value for s in at.success)
    refresh_live()
    phone = open_event_page("pages/participate.py", {"evento": code},
                            session={"_device_fallback": DEVICE.format(n=1)})
    no_exception(phone)
    assert any("Partecipazione online aperta" in i.value for i in phone.info)
    phone.radio(key="ans_N3.3").set_value("agree").run()  # no need was opened in the hall
    no_exception(phone)
    answers = test_store().answers_frame([code])
    assert answers["origin"].tolist() == ["online"]
    test_store().join(code, DEVICE.format(n=2), zone_id="7")
    at = signed_in_facilitator({"evento": code, "vista": "diffondi"})
    no_exception(at)
    headers = [h.value for h in at.subheader]
    assert "Partecipanti online per giorno" in headers
    assert "Partecipanti online per zona dichiarata" in headers
    zones = at.dataframe[1].value
    assert sorted(zones["Partecipanti"].tolist()) == [1, 1]
    at.button(key="w_clear").click().run()
    no_exception(at)
    assert test_store().event(code).online_from is None


def test_a_wrong_window_is_refused_with_a_message_and_publication_toggles():
    code = make_event(status="closed")
    at = signed_in_facilitator({"evento": code, "vista": "diffondi"})
    at.date_input(key="w_from").set_value(today())
    at.date_input(key="w_until").set_value(today() - timedelta(days=3))
    at.button(key="w_set").click().run()
    no_exception(at)
    assert at.error, "a window ending before it starts is refused with a message"
    assert test_store().event(code).online_from is None
    at.button(key="w_publish_toggle").click().run()
    no_exception(at)
    assert test_store().event(code).published
    at.button(key="w_publish_toggle").click().run()
    assert not test_store().event(code).published


def test_the_invitations_are_offered_for_the_event():
    code = make_event(status="draft", open_items=[])
    at = signed_in_facilitator({"evento": code, "vista": "diffondi"})
    no_exception(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Locandina (PDF, A4)" in labels
    assert "Testo per il sito del comune" in labels
    assert any(code in c.value for c in at.code)
