"""The projector's closing and wall, finished: every list says how many it holds and steps through the rest; the
facilitator's outcomes under their own heading, in other words than the automatic readings; the consensus across
zones explained and written the Italian way; the wall pages through every approved text; paper-import problems
and counts in Italian."""

from __future__ import annotations

import re

from components.events.access import refresh_live
from components.events.presenter import WALL_BUDGET, wall_pages
from components.strings import STRINGS
from psm_data.events import paper
from tests.app.conftest import no_exception
from tests.app.events_helpers import NEEDS, make_event, open_event_page, test_store


def html_text(at) -> str:  # noqa: ANN001 - AppTest
    return " ".join(h.proto.body for h in at.get("html"))


def closing_event() -> str:
    store = test_store()
    code = make_event()
    for i in range(14):
        device = f"closing-test-device-{i:04d}-abcdef"
        store.join(code, device, zone_id=("5", "7")[i % 2])
        for need in NEEDS:
            store.submit_answer(code, device, need, answer="agree" if i % 7 else "unclear")
    store.set_item_status(code, NEEDS, "closed")
    store.set_outcome(code, "N1.1", "da_riformulare")
    store.set_outcome(code, "N3.3", "validata")
    refresh_live()
    return code


def test_closing_counts_steps_and_keeps_outcomes_apart() -> None:
    code = closing_event()
    at = open_event_page("pages/present.py", {"evento": code, "step": str(len(NEEDS) + 4)},
                         session={"_facilitator_ok": True})
    no_exception(at)
    assert [h.value for h in at.header] == ["Cosa è emerso"], [m.value for m in at.markdown]
    body = html_text(at)
    assert "Ampio accordo (5)" in body  # all five needs reached consensus: the list says so
    assert "1–2 di 5" in body
    assert "Esiti decisi dal facilitatore" in body
    assert "<b>Da riformulare</b>: N1.1" in body
    assert "<b>Validata</b>: N3.3" in body
    assert "Da riformulare (" not in body  # the automatic reading has its own words
    assert "Poco chiare per molti" in body
    assert "«Tra zone» è un indice da 0 a 1" in body
    assert re.search(r"tra zone 0,\d\d", body)  # Italian decimal comma
    at.button(key="pr_more_consensus").click().run()
    no_exception(at)
    assert "3–4 di 5" in html_text(at)


def test_wall_pages_hold_every_text_once() -> None:
    lengths = [500, 20, 20, 20, 300, 300, 10, 499, 120]
    pages = wall_pages(lengths)
    assert [i for page in pages for i in page] == list(range(len(lengths)))
    for page in pages:
        assert len(page) == 1 or sum(max(lengths[i], 140) + 40 for i in page) <= WALL_BUDGET
    assert wall_pages([]) == []


def test_every_paper_problem_and_count_reads_in_both_languages() -> None:
    for code in paper.PROBLEM_CODES:
        assert STRINGS[f"paper_{code}"]["it"]
        assert STRINGS[f"paper_{code}"]["en"]
    report = paper.parse(b"scheda,zona,ruolo,esigenza,risposta,stella,commento\n1,99,,N9.9,forse,?,\n",
                         agenda=["N1.1"], zone_ids=[str(z) for z in range(1, 12)])
    assert {p.code for p in report.problems} == {"not_on_agenda", "not_a_zone", "not_an_answer", "not_a_star"}
    from components.events.facilitation import paper_problem

    text = paper_problem(report.problems[0])
    assert text.startswith("risposte_cartacee.csv, riga 2, colonna ")
    assert "is not" not in " ".join(paper_problem(p) for p in report.problems)
    for key, entry in STRINGS.items():
        if "it_one" in entry:
            assert "en_one" in entry, key
