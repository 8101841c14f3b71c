"""The facilitator page: password, creating and running an event, moderation, outcomes, exports."""

from __future__ import annotations

import pytest

from psm_data.events.auth import SIGNIN
from tests.app.conftest import no_exception
from tests.app.events_helpers import PASSWORD, make_event, open_event_page, signed_in_facilitator, test_store

PAGE = "pages/facilitate.py"
PARTICIPANT = "facilitator-test-device-0001-abcdef"


@pytest.fixture(autouse=True)
def _fresh_failure_counter():
    """AppTest sessions all come from one address: each test starts with no failures counted."""
    SIGNIN.reset()
    yield
    SIGNIN.reset()


def test_wrong_password_is_refused_and_nothing_is_shown():
    at = open_event_page(PAGE, {})
    no_exception(at)
    at.text_input(key="f_password").input("sbagliata")
    at.button[0].click().run()
    no_exception(at)
    assert at.error[0].value.startswith("Password non corretta.")
    for plumbing in ("PSM_", "make run", "secrets.toml", "variabile"):  # plain language, no set-up jargon
        assert plumbing not in at.error[0].value + at.caption[-1].value
    assert not at.main.segmented_control  # no event controls (the sidebar keeps only the language)
    at = open_event_page(PAGE, {"token": PASSWORD})
    assert at.text_input(key="f_password")  # the password in the address signs nobody in
    assert "token" not in at.query_params  # and never stays in the address bar


def test_lockout_after_repeated_failures_holds_across_sessions():
    at = open_event_page(PAGE, {})
    for _ in range(5):
        at.text_input(key="f_password").input("no")
        at.button[0].click().run()
    assert "Troppi tentativi" in at.warning[0].value
    at.run()
    assert at.button[0].disabled
    fresh = open_event_page(PAGE, {})  # a new session from the same address starts locked, not at zero
    assert fresh.button[0].disabled
    assert "Troppi tentativi" in fresh.warning[0].value


def test_password_form_signs_in():
    at = open_event_page(PAGE, {})
    at.text_input(key="f_password").input(PASSWORD)
    at.button[0].click().run()
    no_exception(at)
    assert at.title[0].value == "Eventi di ascolto"


def test_create_an_event_for_the_needs_of_chosen_axes():
    at = signed_in_facilitator({"vista": "nuovo"})
    at.text_input(key="f_new_title").input("Ascolto Valli di Lanzo")
    at.text_input(key="f_new_place").input("Lanzo Torinese")
    at.multiselect(key="f_new_zones").set_value(["7"])
    at.multiselect(key="f_new_axes").set_value(["3", "4"])
    at.button[[b.label for b in at.button].index("Crea l'evento")].click().run()
    no_exception(at)
    event = next(e for e in test_store().events() if e.title == "Ascolto Valli di Lanzo")
    agenda = [i.need_id for i in test_store().agenda(event.code)]
    assert agenda
    assert all(n.startswith(("N3.", "N4.")) for n in agenda)
    assert event.zone_ids == ("7",)
    assert event.status == "draft"


def test_create_refuses_an_empty_title():
    at = signed_in_facilitator({"vista": "nuovo"})
    before = len(test_store().events())
    at.button[[b.label for b in at.button].index("Crea l'evento")].click().run()
    no_exception(at)
    assert at.error[0].value == "Il testo è vuoto."
    assert len(test_store().events()) == before


def test_run_an_event_open_and_close_items():
    code = make_event(status="draft", open_items=[])
    at = signed_in_facilitator({"evento": code})
    no_exception(at)
    assert code in at.metric[1].value or any(m.value == code for m in at.metric)
    at.button(key="f_open_event").click().run()
    assert test_store().event(code).status == "open"
    at.button(key="f_open_N1.1").click().run()
    no_exception(at)
    assert {i.need_id: i.status for i in test_store().agenda(code)}["N1.1"] == "open"
    at.button(key="f_close_N1.1").click().run()
    assert {i.need_id: i.status for i in test_store().agenda(code)}["N1.1"] == "closed"
    at.button(key="f_open_all").click().run()
    assert all(i.status == "open" for i in test_store().agenda(code))


def test_moderation_approves_and_rejects():
    code = make_event()
    store = test_store()
    store.submit_proposal(code, PARTICIPANT, "<img src=x onerror=alert(1)> più treni www.pwned.example",
                          axis_id="3")
    store.submit_comment(code, PARTICIPANT, "N1.1", "Commento da scartare http://pwned.example/x")
    at = signed_in_facilitator({"evento": code, "vista": "modera"})
    no_exception(at)
    shown = " ".join(h.proto.body for h in at.get("html"))
    assert "Scritto da un partecipante" in shown
    assert "&lt;img src=x onerror=alert(1)&gt; più treni www.pwned.example" in shown  # escaped HTML, as the wall
    # never Markdown, which turns www.… and http://… into links whatever the escaping
    assert "pwned" not in " ".join(m.value for m in at.markdown)
    ids = {row.body[:8]: int(row.text_id) for row in store.texts_frame([code]).itertuples()}
    at.button(key=f"f_ok_{ids['<img src']}").click().run()
    at.button(key=f"f_no_{ids['Commento']}").click().run()
    no_exception(at)
    statuses = dict(zip(store.texts_frame([code])["text_id"], store.texts_frame([code])["status"], strict=True))
    assert statuses[ids["<img src"]] == "approved"
    assert statuses[ids["Commento"]] == "rejected"


def test_outcomes_are_set_per_need():
    code = make_event()
    at = signed_in_facilitator({"evento": code, "vista": "esiti"})
    no_exception(at)
    at.segmented_control(key=f"f_outcome_{code}_N1.2").set_value("validata").run()
    no_exception(at)
    outcomes = test_store().outcomes_frame([code]).set_index("need_id")["outcome"]
    assert outcomes["N1.2"] == "validata"


def test_exports_offer_every_file():
    code = make_event()
    test_store().submit_answer(code, PARTICIPANT, "N1.1", answer="agree")
    at = signed_in_facilitator({"evento": code, "vista": "esporta"})
    no_exception(at)
    labels = [b.proto.label for b in at.get("download_button")]
    for name in ("risposte_log", "sintesi_esigenze", "sintesi_per_zona", "commenti_proposte"):
        assert f"psm_evento_{code}_{name}.csv" in labels
    assert "Scarica il modello CSV" in labels


def test_the_live_view_shows_new_participants_per_minute_and_flags_a_device_maker():
    from psm_data.server import limits

    code = make_event()
    store = test_store()
    for i in range(4):
        store.submit_answer(code, f"watch-apptest-device-{i:04d}-abc", "N1.1", answer="agree")
    for _ in range(limits.FLAG_NEW_DEVICES_PER_MINUTE + 1):  # one address made many new device tokens
        limits.new_devices.allow("192.0.2.77")
    at = signed_in_facilitator({"evento": code})
    no_exception(at)
    captions = " ".join(c.value for c in at.caption)
    assert "Nuovi partecipanti al minuto" in captions
    assert captions.split("Nuovi partecipanti al minuto")[1].split("\n")[0].rstrip().endswith("4")
    assert any("192.0.2.77" in w.value for w in at.warning)
