"""Need links (issue 16): the facilitator's decisions stored, replaced, refused, exported; near-duplicates grouped
across events. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io

import pytest

from psm_data.events import exports, need_links
from psm_data.events.errors import EventError
from psm_data.events.store import EventStore
from tests.events.conftest import token
from tests.events.test_store import open_event


def proposals(store: EventStore, code: str) -> dict[str, int]:
    frame = store.texts_frame([code])
    return dict(zip(frame["body"], frame["text_id"].astype(int), strict=True))


def test_confirm_pick_new_and_clear(store: EventStore) -> None:
    code = open_event(store)
    store.submit_proposal(code, token(1), "Più piste ciclabili sicure a Settimo", axis_id="3")
    store.submit_proposal(code, token(2), "Un festival del cinema di montagna", axis_id="5")
    ids = proposals(store, code)
    bike = ids["Più piste ciclabili sicure a Settimo"]
    [first, *_] = need_links.suggestions(["Più piste ciclabili sicure a Settimo"])[0]
    assert first[0] == "N3.3"
    need_links.set_link(store, code, bike, "confirmed", need_id="N3.3", suggested=["N3.3", "N3.4", "N3.7"])
    need_links.set_link(store, code, bike, "confirmed", need_id="N3.3", suggested=["N3.3", "N3.4", "N3.7"])
    links = need_links.links_frame(store, [code])
    assert links[["text_id", "decision", "need_id", "suggested"]].values.tolist() == [
        [bike, "confirmed", "N3.3", "N3.3;N3.4;N3.7"]]  # repeated: still one row
    need_links.set_link(store, code, bike, "picked", need_id="N3.4")
    film = ids["Un festival del cinema di montagna"]
    need_links.set_link(store, code, film, "new", axis_id="5", need_id="N3.3")  # a new need has no report need
    links = need_links.links_frame(store, [code]).set_index("text_id")
    assert links.loc[bike, "decision"] == "picked"
    assert links.loc[bike, "need_id"] == "N3.4"
    assert links.loc[film, "decision"] == "new"
    assert links.loc[film, "axis_id"] == "5"
    assert links.loc[film, "need_id"] == ""
    need_links.clear_link(store, code, film)
    assert need_links.links_frame(store, [code])["text_id"].tolist() == [bike]


@pytest.mark.parametrize(("decision", "kwargs"), [
    ("maybe", {"need_id": "N3.3"}), ("picked", {"need_id": "N9.9"}), ("new", {"axis_id": "7"}),
    ("confirmed", {}),
])
def test_bad_decisions_are_refused(store: EventStore, decision: str, kwargs: dict) -> None:
    code = open_event(store)
    store.submit_proposal(code, token(1), "treni per Pinerolo", axis_id="3")
    text_id = next(iter(proposals(store, code).values()))
    with pytest.raises(EventError) as info:
        need_links.set_link(store, code, text_id, decision, **kwargs)
    assert info.value.code == "invalid_value"
    assert need_links.links_frame(store).empty


def test_a_text_of_another_event_is_refused(store: EventStore) -> None:
    code, other = open_event(store), open_event(store)
    store.submit_proposal(other, token(1), "treni per Pinerolo", axis_id="3")
    text_id = next(iter(proposals(store, other).values()))
    with pytest.raises(EventError):
        need_links.set_link(store, code, text_id, "picked", need_id="N3.2")
    need_links.clear_link(store, code, text_id)  # nothing of another event is touched
    assert need_links.links_frame(store).empty


def test_similar_proposals_grouped_across_events_and_exported(store: EventStore) -> None:
    code, other = open_event(store), open_event(store)
    store.submit_proposal(code, token(1), "Più piste ciclabili a Chieri", axis_id="3")
    store.submit_proposal(code, token(2), "piu piste ciclabbili a chieri!!", axis_id="3")
    store.submit_proposal(other, token(3), "Servono più piste ciclabili a Chieri", axis_id="3")
    store.submit_proposal(code, token(4), "=case popolari per i giovani", axis_id="5")
    ids = proposals(store, code)
    similar = need_links.similar_texts(store)
    first = similar[ids["Più piste ciclabili a Chieri"]]
    assert first.count == 3
    assert set(first.codes) == {code, other}
    assert ids["=case popolari per i giovani"] not in similar
    need_links.set_link(store, code, ids["=case popolari per i giovani"], "confirmed", need_id="N5.3")
    payload = exports.export_files(store, code)[f"psm_evento_{code}_commenti_proposte.csv"]
    rows = {r["text_id"]: r for r in csv.DictReader(io.StringIO(payload.decode("utf-8-sig")))}
    bike = rows[str(ids["Più piste ciclabili a Chieri"])]
    assert bike["suggested_needs"].split(";")[0] == "N3.3"
    assert bike["similar_count"] == "3"
    assert bike["similar_group"] == rows[str(ids["piu piste ciclabbili a chieri!!"])]["similar_group"] != ""
    assert bike["link_decision"] == ""
    housing = rows[str(ids["=case popolari per i giovani"])]
    assert (housing["link_decision"], housing["linked_need"], housing["similar_group"]) == ("confirmed", "N5.3", "")
    assert housing["text"].startswith("'=")
    assert housing["source"] == "participants"


def test_deleting_an_event_deletes_its_links(store: EventStore) -> None:
    from sqlalchemy import delete

    from psm_data.events.tables import events

    code = open_event(store)
    store.submit_proposal(code, token(1), "treni per Pinerolo", axis_id="3")
    text_id = next(iter(proposals(store, code).values()))
    need_links.set_link(store, code, text_id, "picked", need_id="N3.2")
    with store.db.write() as conn:
        conn.execute(delete(events).where(events.c.code == code))
    assert need_links.links_frame(store).empty
