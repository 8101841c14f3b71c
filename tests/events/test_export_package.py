"""An event's exports as a Data Package: valid for Frictionless, typed, described, on both databases."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from frictionless import Package

from psm_data.events import export_package, exports
from psm_data.events.store import EventStore
from tests.events.conftest import token
from tests.events.test_store import open_event


def _event_with_answers(store: EventStore) -> str:
    code = open_event(store)
    store.join(code, token(1), zone_id="7", role="comune")
    store.submit_answer(code, token(1), "N1.1", answer="agree", star=True)
    store.submit_answer(code, token(2), "N1.1", answer="disagree")  # no zone declared
    store.submit_proposal(code, token(2), "=HYPERLINK(\"http://x\",\"clic\")", axis_id="3")
    return code


def test_the_event_package_validates_with_typed_columns(store: EventStore, tmp_path) -> None:
    code = _event_with_answers(store)
    with zipfile.ZipFile(io.BytesIO(export_package.package_zip(store, code))) as archive:
        archive.extractall(tmp_path)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    types = {(r["name"], f["name"]): f["type"] for r in descriptor["resources"] for f in r["schema"]["fields"]}
    assert types[("sintesi_esigenze", "voters")] == "integer"
    assert types[("sintesi_esigenze", "agreement")] == "number"
    assert types[("risposte_log", "star")] == "boolean"
    assert types[("sintesi_per_zona", "zone_id")] == "string"
    assert types[("sintesi_per_zona", "zone_declared")] == "boolean"
    assert all(f["description"] and f["description_en"] for r in descriptor["resources"] for f in r["schema"]["fields"])


def test_an_undeclared_zone_is_empty_with_its_own_flag_never_words(store: EventStore) -> None:
    code = _event_with_answers(store)
    payload = exports.export_files(store, code)[f"psm_evento_{code}_sintesi_per_zona.csv"]
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"))))
    assert {(r["zone_id"], r["zone_declared"]) for r in rows} == {("7", "True"), ("", "False")}


def test_every_export_column_is_described(store: EventStore) -> None:
    code = _event_with_answers(store)
    for name, frame in export_package.typed_frames(store, code).items():
        export_package.schema_for(frame, name)  # raises KeyError naming an undescribed column
