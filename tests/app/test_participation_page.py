"""*Partecipazione* and *Zona*'s participation section in AppTest: hall, paper and online participants counted per
declared zone on the map, unheard zones flagged, agreement as answered beside the zone-balanced one; rehearsals and
events with a running online window left out."""

from __future__ import annotations

import re
from datetime import timedelta

from psm_data.events.store import today
from tests.app.conftest import no_exception, open_page, page_tables
from tests.app.events_helpers import make_event, test_store

DEVICE = "turnout-test-device-{n:04d}-abcdefgh"


def seed() -> tuple[str, str]:
    store = test_store()
    code = make_event(title="Ascolto partecipazione")
    for n in range(6):  # zone 7 agrees
        store.join(code, DEVICE.format(n=n), zone_id="7", role="cittadino")
        store.submit_answer(code, DEVICE.format(n=n), "N1.1", answer="agree")
    for n in range(6, 11):  # zone 1 disagrees
        store.join(code, DEVICE.format(n=n), zone_id="1")
        store.submit_answer(code, DEVICE.format(n=n), "N1.1", answer="disagree")
    store.submit_answer(code, "sheet-1", "N1.1", answer="agree", origin="paper")
    hidden = store.create_event(title="Finestra ancora aperta", event_date=today(), need_ids=["N1.1"]).code
    store.set_online_window(hidden, today(), today() + timedelta(days=3))
    store.submit_answer(hidden, DEVICE.format(n=99), "N1.1", answer="agree")
    return code, hidden


def test_participation_per_zone_and_zone_balanced_agreement():
    code, hidden = seed()
    at = open_page("pages/participation.py")
    no_exception(at)
    labels = at.selectbox(key="tp_event").options
    assert not any("Finestra ancora aperta" in o for o in labels)  # results hidden while online
    at.selectbox(key="tp_event").set_value(code).run()
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Partecipanti"] == "12"
    assert metrics["Su carta"] == "1"
    assert any("Zone che nessuno ha dichiarato" in w.value for w in at.warning)
    assert any("<svg" in h.proto.body or "data:image/svg" in h.proto.body for h in at.get("html"))
    zones = at.dataframe[0].value.set_index("Zona")
    assert zones.filter(regex=r"^7 ·", axis=0)["Partecipanti"].tolist() == [6]
    assert zones.filter(regex=r"^2 ·", axis=0)["Ascoltata?"].tolist() == ["nessuno"]
    agreement = at.dataframe[2].value.set_index("Votanti")
    row = agreement.iloc[0]
    assert row["Accordo, come espresso"] == "58,3 %"  # 7 agree of 12
    assert row["Accordo, zone a peso uguale"] == "50,0 %"  # zone 7: 100 %, zone 1: 0 %
    assert row["Zone contate"] == "1, 7"


def test_zona_shows_its_own_participation():
    seed()
    at = open_page("pages/zone_profile.py", {"profile": "7"})
    no_exception(at)
    assert "Partecipazione da questa zona" in [s.value for s in at.subheader]
    section = next(f for f in page_tables(at) if f.attrs.get("caption") == "Partecipazione da questa zona")
    need, voters, agreement = section.iloc[0].tolist()  # an HTML table (no data grid on Zona)
    # The test home's store is shared by the worker's other test files (their zone-7 answers count too), so the
    # figures are checked for form here; their values are tested in test_participation_per_zone_... above.
    assert need == "N1.1"
    assert voters >= 6  # this file's six zone-7 participants at least
    assert re.fullmatch(r"\d{1,3},\d %", agreement), agreement
    assert not at.dataframe
