"""Moderation links each text to a need (issue 16): the suggestion shown, confirmed in one tap, another need picked,
a new need marked with its axis, the decision undone; near-duplicate proposals counted across events."""

from __future__ import annotations

from psm_data.events import need_links
from tests.app.conftest import no_exception
from tests.app.events_helpers import make_event, signed_in_facilitator, test_store

PAGE_PARAMS = {"vista": "modera"}


def _ids(code: str) -> dict[str, int]:
    frame = test_store().texts_frame([code])
    return dict(zip(frame["body"], frame["text_id"].astype(int), strict=True))


def _links(code: str) -> dict[int, tuple[str, str, str]]:
    frame = need_links.links_frame(test_store(), [code])
    return {int(r.text_id): (r.decision, r.need_id, r.axis_id) for r in frame.itertuples()}


def test_confirm_pick_and_mark_a_new_need() -> None:
    code = make_event()
    store = test_store()
    store.submit_proposal(code, "need-links-device-0001-abcdefgh", "Più piste ciclabili sicure a Settimo", axis_id="3")
    store.submit_proposal(code, "need-links-device-0002-abcdefgh", "il treno per Pinerolo è sempre in ritardo",
                          axis_id="3")
    store.submit_comment(code, "need-links-device-0003-abcdefgh", "N1.1", "Un festival di cinema <b>in valle</b>")
    ids = _ids(code)
    bike, train = ids["Più piste ciclabili sicure a Settimo"], ids["il treno per Pinerolo è sempre in ritardo"]
    film = ids["Un festival di cinema <b>in valle</b>"]
    at = signed_in_facilitator({"evento": code, **PAGE_PARAMS})
    no_exception(at)
    captions = " ".join(c.value for c in at.caption)
    assert "Esigenza suggerita" in captions
    assert at.button(key=f"nl_ok_{bike}").label == "Conferma N3.3"
    at.button(key=f"nl_ok_{bike}").click().run()
    no_exception(at)
    assert _links(code)[bike] == ("confirmed", "N3.3", "")
    at.selectbox(key=f"nl_pick_{train}").set_value("N3.4").run()
    no_exception(at)
    assert _links(code)[train] == ("picked", "N3.4", "")
    at.selectbox(key=f"nl_new_{film}").set_value("5").run()
    no_exception(at)
    assert _links(code)[film] == ("new", "", "5")
    shown = " ".join(m.value for m in at.markdown)  # what the page says comes from the store
    assert "Collegata a **N3.3**" in shown
    assert "Collegata a **N3.4**" in shown
    assert "nuova esigenza**, asse 5" in shown
    at.button(key=f"nl_clear_{film}").click().run()
    no_exception(at)
    assert film not in _links(code)
    assert at.selectbox(key=f"nl_new_{film}").value is None


def test_decided_links_survive_approval_and_similar_proposals_are_counted() -> None:
    code, other = make_event(), make_event(title="Ascolto Chieri")
    store = test_store()
    store.submit_proposal(code, "need-links-device-0011-abcdefgh", "Più piste ciclabili a Chieri", axis_id="3")
    store.submit_proposal(code, "need-links-device-0012-abcdefgh", "piu piste ciclabbili a chieri!!", axis_id="3")
    store.submit_proposal(other, "need-links-device-0013-abcdefgh", "Servono più piste ciclabili a Chieri",
                          axis_id="3")
    ids = _ids(code)
    first = ids["Più piste ciclabili a Chieri"]
    at = signed_in_facilitator({"evento": code, **PAGE_PARAMS})
    no_exception(at)
    captions = [c.value for c in at.caption]
    assert any(c.startswith("≈ 3 proposte simili") and other in c for c in captions)
    at.button(key=f"nl_ok_{first}").click().run()
    at.button(key=f"f_ok_{first}").click().run()  # approved: the link stays, shown in the moderated list
    no_exception(at)
    assert _links(code)[first][:2] == ("confirmed", "N3.3")
    assert at.button(key=f"nl_clear_{first}")
