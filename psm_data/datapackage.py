"""The curated dataset as a Frictionless Data Package: its data dictionary and the zip a reuser downloads.

`psm_data/datapackage.json` is the published description of every curated CSV and of the geodata (types, keys,
constraints, a description of every field in Italian and English, licences, sources). It is written by hand next to
the data, and `tests/test_datapackage.py` holds it to the loader's contract (`schema.TABLES`), so the two never
drift. Table Schema has no foreign keys on list cells (`zone_ids = "1;9"`), so list cells carry an enumerating
`pattern` of the known ids: an unknown zone or strategy fails the package's own validation.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from psm_data.schema import DATA_DIR, GEODATA_DIR

PACKAGE_FILE = "datapackage.json"
#: In the downloaded zip the geodata sit in a folder next to the CSVs (in the repository they are in ../geodata).
ZIP_GEODATA_DIR = "geodata"


def load_package(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The package descriptor as a dict."""
    return json.loads((data_dir / PACKAGE_FILE).read_text(encoding="utf-8"))


def table_resources(package: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in package["resources"] if r.get("type") == "table"]


def _constraint_text(constraints: dict[str, Any]) -> str:
    """Constraints as a short line for people: long enumerating patterns are summarised, not printed."""
    parts = []
    if constraints.get("required"):
        parts.append("required")
    if constraints.get("unique"):
        parts.append("unique")
    if "enum" in constraints:
        parts.append("enum: " + ", ".join(map(str, constraints["enum"])))
    if "minimum" in constraints:
        parts.append(f"minimum: {constraints['minimum']}")
    if "pattern" in constraints:
        pattern = constraints["pattern"]
        parts.append(f"pattern: {pattern}" if len(pattern) <= 40 else "pattern: known ids only")
    return "; ".join(parts)


def data_dictionary(package: dict[str, Any] | None = None) -> pd.DataFrame:
    """One row per field of every table: what *Indicazioni e fonti* shows and a reuser reads."""
    package = package or load_package()
    rows = []
    for resource in table_resources(package):
        schema = resource["schema"]
        keys = set(schema.get("primaryKey", []))
        references = {fk["fields"][0]: f"{fk['reference']['resource']}.{fk['reference']['fields'][0]}"
                      for fk in schema.get("foreignKeys", [])}
        for field in schema["fields"]:
            rows.append({
                "file": resource["path"],
                "field": field["name"],
                "type": field["type"],
                "key": "primary" if field["name"] in keys else references.get(field["name"], ""),
                "constraints": _constraint_text(field.get("constraints", {})),
                "description_it": field.get("description", ""),
                "description_en": field.get("description_en", ""),
            })
    return pd.DataFrame(rows, columns=["file", "field", "type", "key", "constraints", "description_it",
                                       "description_en"])


def package_zip(data_dir: Path = DATA_DIR, geodata_dir: Path = GEODATA_DIR) -> bytes:
    """The whole package as a zip that `frictionless validate datapackage.json` accepts as it is.

    The descriptor's geodata paths are rewritten from the repository's `../geodata/` to `geodata/` inside the zip
    (a published package may not point outside its folder); the report's provenance note goes along.
    """
    package = load_package(data_dir)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for resource in package["resources"]:
            path = resource["path"]
            if path.startswith("../geodata/"):
                name = Path(path).name
                resource["path"] = f"{ZIP_GEODATA_DIR}/{name}"
                archive.write(geodata_dir / name, resource["path"])
            else:
                archive.write(data_dir / path, path)
        archive.write(data_dir / "source" / "METADATA.md", "source/METADATA.md")
        archive.writestr(PACKAGE_FILE, json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    return buffer.getvalue()
