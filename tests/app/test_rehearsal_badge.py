"""A rehearsal is labelled PROVA where the room sees it too: the projector and the phones (AppTest)."""

from __future__ import annotations

from tests.app.conftest import no_exception
from tests.app.events_helpers import make_event, open_event_page, test_store


def _event(rehearsal: bool) -> str:
    code = make_event()
    test_store().set_rehearsal(code, rehearsal)
    return code


def _projector_html(code: str, step: int) -> str:
    at = open_event_page("pages/present.py", {"evento": code, "step": str(step)}, session={"_facilitator_ok": True})
    no_exception(at)
    return " ".join(h.proto.body for h in at.get("html"))


def test_the_projector_says_prova_on_every_slide_of_a_rehearsal_only():
    rehearsal = _event(True)
    for step in (1, 3, 9):  # opening, a need, closing
        assert ">PROVA</div>" in _projector_html(rehearsal, step)
    assert ">PROVA</div>" not in _projector_html(_event(False), 1)


def test_the_phone_says_its_answers_will_not_count_at_a_rehearsal_only():
    def warnings(code: str) -> list[str]:
        at = open_event_page("pages/participate.py", {"evento": code},
                             session={"_device_fallback": "apptest-device-token-rehearsal-0001"})
        no_exception(at)
        return [w.value for w in at.warning]

    assert any(w.startswith("PROVA") for w in warnings(_event(True)))
    assert not any(w.startswith("PROVA") for w in warnings(_event(False)))
