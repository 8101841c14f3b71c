"""Right-to-left words in the PDF are drawn in visual order (psm_data/documents/bidi.py)."""

from __future__ import annotations

import pytest

from psm_data.documents.bidi import visual_order


@pytest.mark.parametrize(("logical", "drawn"), [
    ("plain Latin, àèé ★", "plain Latin, àèé ★"),
    ("טקסט RTL", "טסקט RTL"),  # the first letter drawn rightmost
    ("מרחק 25 ק\"מ", "מ\"ק 25 קחרמ"),  # the number keeps its own order
    ("a (שלום) b", "a (םולש) b"),  # brackets belong to the run and are mirrored
    ("مرحبا بالجميع", "عيمجلاب ابحرم"),  # Arabic: order only, letters unjoined (no shaping)
    ("ok \u202eevil\u202c", "ok \u202eevil\u202c"),  # an override cannot turn Latin words around
    ("riga\nשורה", "riga\nהרוש"),
])
def test_visual_order(logical: str, drawn: str) -> None:
    assert visual_order(logical) == drawn
