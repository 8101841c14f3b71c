"""The phone page as AppTest sees it: join, answer (stored on tap), limits, closed items, proposals, reload."""

from __future__ import annotations

import os

import pandas as pd

from components.events.access import refresh_live
from tests.app.conftest import no_exception
from tests.app.events_helpers import make_event, open_event_page, test_store

PAGE = "pages/participate.py"
TOKEN = "apptest-device-token-0001-abcdefgh"


def participant(code: str, token: str = TOKEN):
    return open_event_page(PAGE, {"evento": code}, session={"_device_fallback": token})


def stored(code: str) -> pd.DataFrame:
    return test_store().answers_frame([code]).set_index("need_id")


def test_without_a_code_asks_for_it():
    at = open_event_page(PAGE, {})
    no_exception(at)
    assert at.text_input(key="p_code_input")


def test_an_unknown_code_is_a_clear_message():
    at = open_event_page(PAGE, {"evento": "ZZZZZZ"})
    no_exception(at)
    assert "ZZZZZZ" in at.error[0].value
    at = open_event_page(PAGE, {"evento": "<script>alert(1)</script>"})
    no_exception(at)
    assert at.error


def test_a_draft_event_has_not_started():
    at = participant(make_event(status="draft"))
    no_exception(at)
    assert "non è ancora iniziato" in at.info[0].value
    assert not at.radio


def test_answers_are_stored_when_given_and_can_change():
    code = make_event()
    at = participant(code)
    no_exception(at)
    assert [r.key for r in at.radio] == ["ans_N1.1", "ans_N1.2", "ans_N3.3", "ans_N4.1", "ans_N5.2"]
    at.radio(key="ans_N1.1").set_value("agree").run()
    assert stored(code).loc["N1.1", "answer"] == "agree"
    at.radio(key="ans_N1.1").set_value("partly").run()
    row = stored(code).loc["N1.1"]
    assert row["answer"] == "partly"
    assert row["revision"] == 2
    assert any("salvata" in c.value.lower() for c in at.caption)


def test_a_reload_finds_the_answers_again():
    code = make_event()
    at = participant(code)
    at.radio(key="ans_N3.3").set_value("disagree").run()
    at.toggle(key="star_N3.3").set_value(True).run()
    again = participant(code)  # a new session with the same device token (the cookie, in a browser)
    no_exception(again)
    assert again.radio(key="ans_N3.3").value == "disagree"
    assert again.toggle(key="star_N3.3").value is True


def test_the_star_limit_shows_before_the_fourth_tap():
    code = make_event()
    at = participant(code)
    assert at.toggle(key="star_N1.1").disabled  # a ★ comes after an answer: never an answer row without one
    for need in ("N1.1", "N1.2", "N3.3", "N4.1"):
        at.radio(key=f"ans_{need}").set_value("agree").run()
    for need in ("N1.1", "N1.2", "N3.3"):
        at.toggle(key=f"star_{need}").set_value(True).run()
    no_exception(at)
    assert at.toggle(key="star_N4.1").disabled  # the fourth is not offered
    assert not at.toggle(key="star_N1.1").disabled  # a given one can be taken back
    assert any("togline una" in c.value for c in at.caption)
    assert int(stored(code)["star"].sum()) == 3


def test_a_closed_item_is_frozen():
    code = make_event(open_items=["N1.1"])
    at = participant(code)
    assert [r.key for r in at.radio] == ["ans_N1.1"]  # the others are not open yet
    at.radio(key="ans_N1.1").set_value("agree").run()
    test_store().set_item_status(code, "N1.1", "closed")
    refresh_live()  # what the facilitator page does (phones share the agenda's state for a second)
    at.radio(key="ans_N1.1").set_value("disagree").run()  # the phone still shows it open
    no_exception(at)
    assert "chiuse" in at.error[0].value
    assert stored(code).loc["N1.1", "answer"] == "agree"
    reloaded = participant(code)
    assert not reloaded.radio
    assert "D'accordo" in reloaded.info[0].value


def test_a_closed_event_thanks_and_stores_nothing():
    at = participant(make_event(status="closed"))
    no_exception(at)
    assert "chiuso" in at.info[0].value
    assert not at.radio


def test_comments_and_proposals_wait_for_moderation_and_show_as_text():
    code = make_event()
    at = participant(code)
    at.text_area(key="com_N1.1").input("<img src=x onerror=alert(1)> serve di più")
    at.button(key="save_N1.1").click().run()
    no_exception(at)
    at.text_area(key="prop_text").input("Navetta <b>notturna</b> per Ciriè, vedi www.pwned.example")
    at.selectbox(key="prop_axis").set_value("3")
    at.button(key="prop_send").click().run()
    no_exception(at)
    assert "moderazione" in at.success[0].value
    texts = test_store().texts_frame([code])
    assert sorted(texts["status"]) == ["pending", "pending"]
    shown = " ".join(h.proto.body for h in at.get("html"))
    assert "&lt;b&gt;notturna&lt;/b&gt; per Ciriè, vedi www.pwned.example" in shown  # escaped, as the wall does
    assert "pwned" not in " ".join(m.value for m in at.markdown)  # Markdown would make www.… a link


def test_a_proposal_without_axis_keeps_the_text():
    at = participant(make_event())
    at.text_area(key="prop_text").input("Una proposta senza asse")
    at.button(key="prop_send").click().run()
    no_exception(at)
    assert "asse" in at.error[0].value
    assert at.text_area(key="prop_text").value == "Una proposta senza asse"


def test_profile_is_optional_and_stored():
    code = make_event()
    at = participant(code)
    at.selectbox(key="p_zone").set_value("7")
    at.selectbox(key="p_role").set_value("comune")
    at.button[[b.label for b in at.button].index("Salva")].click().run()
    no_exception(at)
    assert test_store().participant(code, TOKEN) == {"zone_id": "7", "role": "comune"}


def test_english_interface():
    at = open_event_page(PAGE, {"evento": make_event(), "lang": "en"}, session={"_device_fallback": TOKEN})
    no_exception(at)
    assert at.radio[0].label == "Do you agree with this need?"


def test_a_need_opened_later_appears_with_the_cards_own_refresh():
    code = make_event(open_items=["N1.1"])
    at = participant(code)
    assert "ans_N1.2" not in [r.key for r in at.radio]
    test_store().set_item_status(code, "N1.2", "open")
    refresh_live()
    at.button(key="refresh_N1.2").click().run()
    no_exception(at)
    at.radio(key="ans_N1.2").set_value("agree").run()
    assert stored(code).loc["N1.2", "answer"] == "agree"


def _locked(run) -> None:
    """Run `run` while another process holds SQLite's write lock past the busy timeout."""
    import sqlite3

    from psm_data.events.db import database_for

    path = database_for(os.environ["PSM_DB_URL"]).engine.url.database
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        run()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_a_locked_database_keeps_the_answer_and_retries_by_itself():
    """The tap cannot be stored: the card says 'in attesa' (not saved), and the next run (the phone's component
    asks for one by itself) stores it once the lock is gone, then says 'salvata' from the database."""
    code = make_event()
    at = participant(code)
    _locked(lambda: at.radio(key="ans_N5.2").set_value("partly").run())
    no_exception(at)
    assert any("In attesa" in w.value for w in at.warning)
    assert "N5.2" not in stored(code).index
    assert not any("salvata" in c.value.lower() for c in at.caption)
    import time

    time.sleep(1.6)
    at.run()
    no_exception(at)
    assert stored(code).loc["N5.2", "answer"] == "partly"
    assert not any("In attesa" in w.value for w in at.warning)
    assert any("salvata" in c.value.lower() and "In parte" in c.value for c in at.caption)


def test_comment_and_proposal_retries_store_the_text_and_never_an_empty_answer():
    """Issue 14: a comment refused while the database was locked was retried as an *answer* (a NULL answer row)
    and a refused proposal had no retry at all."""
    import time

    code = make_event()
    at = participant(code)
    at.text_area(key="com_N1.2").input("Serve anche di sera")
    _locked(lambda: at.button(key="save_N1.2").click().run())
    at.text_area(key="prop_text").input("Navetta notturna per Ciriè")
    at.selectbox(key="prop_axis").set_value("3")
    _locked(lambda: at.button(key="prop_send").click().run())
    no_exception(at)
    assert sum("attesa" in w.value for w in at.warning) >= 2
    assert test_store().texts_frame([code]).empty
    time.sleep(1.6)
    at.run()
    no_exception(at)
    texts = test_store().texts_frame([code]).set_index("kind")
    assert texts.loc["comment", "body"] == "Serve anche di sera"
    assert texts.loc["proposal", "body"] == "Navetta notturna per Ciriè"
    assert stored(code).empty  # no answer row: the comment was retried as a comment
    at.run()
    assert len(test_store().texts_frame([code])) == 2  # idempotent


def test_proposals_are_capped_per_client_address(monkeypatch):
    from psm_data.server import limits

    monkeypatch.setattr(limits, "texts", limits.RateWindow(1))
    code = make_event()
    at = participant(code)
    for text in ("Prima proposta", "Seconda proposta"):
        at.text_area(key="prop_text").input(text)
        at.selectbox(key="prop_axis").set_value("3")
        at.button(key="prop_send").click().run()
        no_exception(at)
    assert "Troppi testi" in at.error[0].value
    assert list(test_store().texts_frame([code])["body"]) == ["Prima proposta"]
    assert at.text_area(key="prop_text").value == "Seconda proposta"  # kept, to send later
