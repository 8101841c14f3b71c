"""What a phone hands back from its localStorage is untrusted: only well-formed items of this event's agenda are
sent (then the store checks them like any tap)."""

from __future__ import annotations

from components.events.participation import _clean_item, answer_id, comment_id, proposal_id

AGENDA = {"N1.1", "N3.3"}


def test_well_formed_items_are_kept() -> None:
    assert _clean_item(answer_id("N1.1"), {"kind": "answer", "need": "N1.1", "answer": "agree", "star": True},
                       AGENDA) == {"kind": "answer", "need": "N1.1", "answer": "agree", "star": True}
    assert _clean_item(comment_id("N3.3"), {"kind": "comment", "need": "N3.3", "body": "Sì"}, AGENDA)["body"] == "Sì"
    body = "Navetta notturna"
    item = _clean_item(proposal_id(body), {"kind": "proposal", "body": body, "axis": "3", "zone": None,
                                           "need": 7}, AGENDA)
    assert item == {"kind": "proposal", "body": body, "axis": "3", "zone": None, "need": None}


def test_malformed_or_foreign_items_are_dropped() -> None:
    bad = [
        (answer_id("N9.9"), {"kind": "answer", "need": "N9.9", "answer": "agree"}),  # not on this agenda
        (answer_id("N3.3"), {"kind": "answer", "need": "N1.1", "answer": "agree"}),  # id and need disagree
        (answer_id("N1.1"), {"kind": "answer", "need": "N1.1", "answer": None}),  # never an empty answer
        (answer_id("N1.1"), {"kind": "answer", "need": "N1.1", "answer": "<script>"}),
        (comment_id("N1.1"), {"kind": "comment", "need": "N1.1", "body": "x" * 5000}),
        (proposal_id("a"), {"kind": "proposal", "body": "b", "axis": "1"}),  # id is not the text's
        ("ans:N1.1", ["not", "a", "dict"]),
        (42, {"kind": "answer"}),
        ("x", {"kind": "drop table"}),
    ]
    for item_id, raw in bad:
        assert _clean_item(item_id, raw, AGENDA) is None, (item_id, raw)
