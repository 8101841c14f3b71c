"""One call from the chosen events to the three files: DOCX, PDF and the figures as CSVs in a zip.

`progress(step, total, label)` is called between the steps, so the page can show a progress bar; the build runs
in the calling session's thread and holds no lock, so other sessions keep being served.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from psm_data.csvsafe import to_csv_bytes
from psm_data.documents.content import PaperOptions, build_document
from psm_data.documents.docx_writer import write_docx
from psm_data.documents.gather import EventInputs, gather
from psm_data.documents.model import Document
from psm_data.documents.pdf_writer import write_pdf
from psm_data.documents.placement import GroupSimilar, RankNeeds, default_matcher
from psm_data.documents.strings import text
from psm_data.events.store import EventStore
from psm_data.loader import Dataset
from psm_data.provenance import Report

Progress = Callable[[int, int, str], None]
STEPS = ("read", "content", "docx", "pdf", "zip")


@dataclass(frozen=True)
class PaperFiles:
    document: Document
    docx: bytes
    pdf: bytes
    figures_zip: bytes

    def file_name(self, ext: str) -> str:
        return f"{text('file_stem', self.document.lang)}.{ext}"


def figures_zip(document: Document) -> bytes:
    """Every table of the document as its own CSV (formula-safe, UTF-8 with BOM), named as in the document."""
    out = io.BytesIO()
    index = ["file,title,source"]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, table in enumerate(document.tables(), start=1):
            name = f"{number:02d}_{re.sub(r'[^A-Za-z0-9_]+', '_', table.key)}.csv"
            archive.writestr(name, to_csv_bytes(table.frame))
            index.append(",".join('"' + str(v).replace('"', '""') + '"' for v in (name, table.title, table.source)))
        archive.writestr("indice.csv", ("\n".join(index) + "\n").encode("utf-8-sig"))
    return out.getvalue()


def build_paper(data: Dataset, store: EventStore | None, options: PaperOptions | None = None, *,
                inputs: EventInputs | None = None, report: Report | None = None,
                rank_needs: RankNeeds | None = None, group_similar: GroupSimilar | None = None,
                links: Mapping[int, tuple[str, str]] | None = None, use_matcher: bool = True,
                progress: Progress | None = None) -> PaperFiles:
    """Read the events, write the content, render DOCX, PDF and the zip."""
    options = options or PaperOptions()
    tick = progress or (lambda *_: None)
    total = len(STEPS)
    tick(0, total, "read")
    if inputs is None:
        inputs = gather(store, options.event_codes)
    if use_matcher and rank_needs is None and group_similar is None:
        rank_needs, group_similar = default_matcher()
    tick(1, total, "content")
    document = build_document(data, inputs, options, report=report, rank_needs=rank_needs,
                              group_similar=group_similar, links=links)
    tick(2, total, "docx")
    docx = write_docx(document, data.zone_shapes)
    tick(3, total, "pdf")
    pdf = write_pdf(document, data.zone_shapes)
    tick(4, total, "zip")
    archive = figures_zip(document)
    tick(5, total, "done")
    return PaperFiles(document, docx, pdf, archive)
