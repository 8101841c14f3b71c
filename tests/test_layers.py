"""Layers point one way: pages → components → psm_data. Read from the code's own imports, so a new
module that reaches back up (or pulls Streamlit into the data layer) fails here, not in a review."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What each layer may not import. psm_data/server/ reads Streamlit's wire protocol (the guard parses BackMsg
# frames before Streamlit does), so it alone may name streamlit; it still draws no UI.
FORBIDDEN = {
    "psm_data": ("components", "pages", "app", "streamlit"),
    "components": ("pages", "app"),
}
ALLOWED = {("psm_data/server", "streamlit")}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_never_imports_the_layers_above_it(layer: str) -> None:
    offences = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for name in imported_packages(path) & set(FORBIDDEN[layer]):
            if not any(rel.startswith(prefix) and name == allowed for prefix, allowed in ALLOWED):
                offences.append(f"{rel} imports {name}")
    assert not offences, "layers point pages → components → psm_data:\n" + "\n".join(offences)


def test_the_data_layer_imports_without_streamlit() -> None:
    """What `make position-paper`, `make sheets` and the scripts rely on: psm_data alone, no UI framework."""
    import subprocess
    import sys

    code = ("import sys, psm_data, psm_data.analysis, psm_data.documents.build, psm_data.documents.zone_sheet, "
            "psm_data.events.store, psm_data.matching, psm_data.palette; "
            "print('streamlit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
