"""The published Data Package: valid for Frictionless, the same contract as the loader, strict on unknown ids."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package, system

from psm_data.datapackage import data_dictionary, load_package, package_zip, table_resources
from psm_data.schema import DATA_DIR, GEODATA_DIR, TABLES

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def _validate(descriptor: Path) -> list[str]:
    """Every error frictionless finds, as 'resource: row n field: message' lines."""
    with system.use_context(trusted=True):
        report = Package(str(descriptor)).validate()
    return [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors] + [
        err.message for err in report.errors]


@pytest.fixture(scope="module")
def package() -> dict:
    return load_package()


def test_the_shipped_package_is_valid() -> None:
    assert _validate(DATA_DIR / "datapackage.json") == []


def test_every_table_of_the_loader_is_described_as_the_loader_reads_it(package: dict) -> None:
    resources = {r["path"]: r for r in table_resources(package)}
    assert set(resources) == {spec.file for spec in TABLES.values()}
    for spec in TABLES.values():
        schema = resources[spec.file]["schema"]
        fields = {f["name"]: f for f in schema["fields"]}
        assert tuple(fields) == spec.columns, spec.file
        assert schema.get("primaryKey", []) == ([spec.id_column] if spec.id_column else []), spec.file
        required = {name for name, f in fields.items() if f.get("constraints", {}).get("required")}
        assert required == set(spec.required), spec.file
        for name, field in fields.items():
            expected = "integer" if name in spec.int_columns else "number" if name in spec.float_columns else "string"
            assert field["type"] == expected, (spec.file, name)
            enum = field.get("constraints", {}).get("enum")
            if name in spec.enums:
                assert enum == [v for v in spec.enums[name] if v], (spec.file, name)
            else:
                assert enum is None, (spec.file, name)
            assert field.get("description"), (spec.file, name)
            assert field.get("description_en"), (spec.file, name)


def _ids(file: str, column: str) -> set[str]:
    return set(pd.read_csv(DATA_DIR / file, dtype=str, keep_default_na=False)[column])


def _pattern(package: dict, file: str, field: str) -> re.Pattern[str]:
    resource = next(r for r in table_resources(package) if r["path"] == file)
    spec = next(f for f in resource["schema"]["fields"] if f["name"] == field)
    return re.compile(spec["constraints"]["pattern"])


@pytest.mark.parametrize(("file", "field", "ids_file", "ids_column", "also"), [
    ("projects.csv", "zone_ids", "zones.csv", "zone_id", set()),
    ("projects.csv", "strategy_ids", "strategies.csv", "strategy_id", set()),
    ("themes.csv", "axis_links", "axes.csv", "axis_id", {"trasversale"}),
])
def test_list_cells_enumerate_exactly_the_known_ids(package, file, field, ids_file, ids_column, also) -> None:
    """The pattern accepts every known id alone and in lists, and nothing else, so it cannot fall behind the data."""
    pattern = _pattern(package, file, field)
    known = _ids(ids_file, ids_column) | also
    for value in known:
        assert pattern.fullmatch(value), value
    assert pattern.fullmatch(";".join(sorted(known - also)))
    for value in ("12", "0", "9.9", "abc", "1;12", "1;", ";1", "1 ;2", "1,2"):
        if value not in known:
            assert not pattern.fullmatch(value), value


@pytest.mark.parametrize(("file", "column", "row", "value", "expected"), [
    ("projects.csv", "zone_ids", 0, "1;12", "constraint"),
    ("projects.csv", "strategy_ids", 0, "1.1;9.9", "constraint"),
    ("proposals.csv", "need_id", 0, "N9.9", "foreign"),
    ("comuni.csv", "zone_id", 0, "12", "foreign"),
    ("strategies.csv", "axis_id", 0, "7", "foreign"),
    ("themes.csv", "axis_links", 0, "trasversale;7", "constraint"),
    ("strategies.csv", "status", 0, "done", "constraint"),
])
def test_an_unknown_id_anywhere_fails_the_packages_own_validation(tmp_path, file, column, row, value, expected):
    copy = tmp_path / "psm_data"
    shutil.copytree(DATA_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__", "events", "source"))
    shutil.copytree(GEODATA_DIR, tmp_path / "geodata")
    frame = pd.read_csv(copy / file, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(copy / file, index=False)
    errors = _validate(copy / "datapackage.json")
    assert errors, f"{file} {column}={value!r} passed"
    assert any(expected in e.lower() and file.removesuffix(".csv") in e for e in errors), errors


def test_the_downloaded_zip_validates_outside_the_app(tmp_path: Path) -> None:
    """What a reuser does: unzip, then `frictionless validate datapackage.json` with no special flags."""
    with zipfile.ZipFile(io.BytesIO(package_zip())) as archive:
        archive.extractall(tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert all(not r["path"].startswith("..") for r in descriptor["resources"])
    result = subprocess.run([str(FRICTIONLESS), "validate", "--json", "datapackage.json"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    assert report["valid"], result.stdout[:2000]
    assert {Path(r["path"]).name for r in descriptor["resources"]} >= {"zones.geojson", "comuni.geojson"}


def test_data_dictionary_has_a_row_per_field_in_both_languages(package: dict) -> None:
    dictionary = data_dictionary(package)
    assert len(dictionary) == sum(len(spec.columns) for spec in TABLES.values())
    assert dictionary["description_it"].str.len().min() > 0
    assert dictionary["description_en"].str.len().min() > 0
    zone = dictionary[(dictionary["file"] == "comuni.csv") & (dictionary["field"] == "zone_id")].iloc[0]
    assert zone["key"] == "zones.zone_id"
