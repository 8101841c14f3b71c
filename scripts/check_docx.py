"""Open the position paper's DOCX in LibreOffice (headless) and check what survives: `make check-docx`.

A rehearsed event with answers, ★, outcomes and participants' texts (hostile ones among them) is seeded in a
throwaway SQLite store, `python -m psm_data.documents --events CODE` writes the DOCX (what `make position-paper`
does), LibreOffice updates the document's indexes (the table-of-contents field) and exports a PDF, and this script
asserts that the converted text holds:
- the table of contents, filled by LibreOffice with the document's headings (chapters, axes, zones);
- every heading of the document, with the heading styles (Heading 1/2 → LibreOffice's outline levels);
- every table, and every figure of the validation tables (Esigenze) and of the convergent view (Copertura),
  each table followed by its source line;
- the participants' words literally, ★ and right-to-left letters included.
Pages are rendered to PNG (pypdfium2) in --png-dir for review. Exit 0 when all holds, 1 with the list otherwise.

    python scripts/check_docx.py [--out build/check_docx] [--png-dir docs/paper] [--pages 1,3,12]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# LibreOffice Basic run headless: update every index (the TOC field) and field, then export the PDF. Plain
# `--convert-to pdf` keeps the TOC as the DOCX stored it (python-docx cannot compute page numbers, so empty).
MACRO = """REM  check_docx: update indexes, then export
Sub UpdateAndExport(inPath As String, outPath As String)
    Dim args(0) As New com.sun.star.beans.PropertyValue
    args(0).Name = "Hidden" : args(0).Value = True
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
    indexes = doc.getDocumentIndexes()
    For i = 0 To indexes.getCount() - 1
        indexes.getByIndex(i).update()
    Next i
    doc.getTextFields().refresh()
    Dim pdf(0) As New com.sun.star.beans.PropertyValue
    pdf(0).Name = "FilterName" : pdf(0).Value = "writer_pdf_Export"
    doc.storeToURL(ConvertToURL(outPath), pdf())
    Dim odt(0) As New com.sun.star.beans.PropertyValue
    odt(0).Name = "FilterName" : odt(0).Value = "writer8"
    doc.storeToURL(ConvertToURL(outPath & ".odt"), odt())
    doc.close(True)
End Sub
"""
SCRIPT_XLB = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard"
 library:readonly="false" library:passwordprotected="false">
 <library:element library:name="CheckDocx"/>
</library:library>
"""
MODULE_XBA = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="CheckDocx" script:language="StarBasic">
{body}</script:module>
"""

HOSTILE = ("<b>grassetto</b> =HYPERLINK(\"http://evil.example\")", "\u200fטקסט\u200f RTL", "مرحبا بالجميع")


def seed(home: Path) -> str:
    """A rehearsed event in $PSM_DATA_HOME's SQLite store (as after the walkthrough); returns its code."""
    from psm_data import load_dataset
    from psm_data.events.db import Database, database_url
    from psm_data.events.migrate import upgrade
    from psm_data.events.store import EventStore
    from scripts.bench_paper import seed_store

    os.environ["PSM_DATA_HOME"] = str(home)
    data = load_dataset()
    url = database_url()
    upgrade(url)
    store = EventStore(Database(url), need_ids=tuple(data.needs["need_id"]), axis_ids=data.axis_ids,
                       zone_ids=data.zone_ids)
    (code,) = seed_store(store, data, events=1, participants=40, texts=24, extra_texts=HOSTILE)
    store.set_rehearsal(code, True)
    store.db.dispose()
    return code


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        sys.exit("LibreOffice is not installed: `make check-docx` installs libreoffice-writer-nogui.")
    return found


def _install_macro(profile: Path) -> None:
    basic = profile / "user" / "basic" / "Standard"
    basic.mkdir(parents=True, exist_ok=True)
    (basic / "script.xlb").write_text(SCRIPT_XLB, encoding="utf-8")
    body = MACRO.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    (basic / "CheckDocx.xba").write_text(MODULE_XBA.format(body=body), encoding="utf-8")


def convert(docx: Path, pdf: Path, profile: Path) -> float:
    """LibreOffice opens the DOCX, updates its indexes and fields, exports PDF (and ODT); returns seconds."""
    office = soffice()
    user = f"-env:UserInstallation={profile.as_uri()}"
    started = time.perf_counter()
    # A new profile's first start writes its defaults (the Standard library among them); the macro goes in after.
    subprocess.run([office, user, "--headless", "--terminate_after_init"],  # noqa: S603 - our own arguments
                   check=False, capture_output=True, timeout=300)
    _install_macro(profile)
    macro = f'macro:///Standard.CheckDocx.UpdateAndExport("{docx}","{pdf}")'
    done = subprocess.run([office, user, "--headless", "--norestore", macro],  # noqa: S603 - our own arguments
                          check=False, capture_output=True, text=True, timeout=600)
    if not pdf.exists():
        sys.exit(f"LibreOffice did not write {pdf}: {done.stdout}{done.stderr}")
    return time.perf_counter() - started


def pdf_text(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def flat(value: str) -> str:
    """Text without whitespace: a cell's number wrapped on two lines is still the number."""
    return "".join(value.split())


def check(docx: Path, pages: list[str], odt: Path) -> list[str]:
    """What the converted text lacks; empty when everything survived."""
    import zipfile

    import docx as python_docx

    problems: list[str] = []
    source = python_docx.Document(str(docx))
    headings = [(p.style.name, p.text) for p in source.paragraphs if p.style.name.startswith("Heading")]
    whole = flat("".join(pages))
    toc_pages = [i for i, page in enumerate(pages[:6]) if flat(headings[0][1]) in flat(page)]
    if not headings:
        problems.append("the DOCX has no headings")
    missing = [text for _, text in headings if flat(text) not in whole]
    if missing:
        problems.append(f"{len(missing)} headings not in LibreOffice's PDF, e.g. {missing[:3]}")
    # The TOC: LibreOffice filled it with the Heading 1 and 2 entries, page numbers after them.
    toc_text = flat("".join(pages[:4]))
    toc_missing = [text for style, text in headings if style in ("Heading 1", "Heading 2")
                   and flat(text)[:40] not in toc_text]
    if toc_missing:
        problems.append(f"table of contents lacks {len(toc_missing)} headings, e.g. {toc_missing[:3]}")
    if not toc_pages:
        problems.append("no page with the first heading near the start (table of contents not filled)")
    # Styles: the ODT LibreOffice saved keeps the headings as outline levels with the Heading styles.
    content = zipfile.ZipFile(odt).read("content.xml").decode("utf-8")
    levels = content.count('text:outline-level="1"'), content.count('text:outline-level="2"')
    if levels[0] < sum(s == "Heading 1" for s, _ in headings) or levels[1] < sum(s == "Heading 2" for s, _ in headings):
        problems.append(f"outline levels lost: {levels} in the ODT for the DOCX's headings")
    if content.count("<table:table ") < len(source.tables):
        problems.append(f"{content.count('<table:table ')} tables in the ODT, {len(source.tables)} in the DOCX")
    if "text:table-of-content" not in content:
        problems.append("the table-of-contents field did not survive as an index")
    # Every cell of every table (Esigenze's validation tables, Copertura's convergent view, all others).
    lost_cells = [cell.text for table in source.tables for row in table.rows for cell in row.cells
                  if cell.text.strip() and flat(cell.text) not in whole]
    if lost_cells:
        problems.append(f"{len(lost_cells)} table cells not in the PDF, e.g. {lost_cells[:5]}")
    sources = [p.text for p in source.paragraphs if p.text.startswith(("Fonte:", "Source:"))]
    lost_sources = [s for s in sources if flat(s) not in whole]
    if not sources or lost_sources:
        problems.append(f"source lines: {len(sources)} in the DOCX, lost {lost_sources[:3]}")
    for text in (*HOSTILE[:1], "RTL", "★"):
        if flat(text) not in whole:
            problems.append(f"participant text or ★ not literal: {text!r}")
    for letters in ("טקסט", "مرحبا"):  # right-to-left words: either order in the text layer, but the letters
        if letters not in whole and letters[::-1] not in whole:
            problems.append(f"right-to-left letters lost: {letters}")
    return problems


def render(pdf: Path, out_dir: Path, page_numbers: list[int], prefix: str = "lo_") -> list[Path]:
    import pypdfium2 as pdfium

    out_dir.mkdir(parents=True, exist_ok=True)
    document = pdfium.PdfDocument(str(pdf))
    written = []
    for number in page_numbers:
        if 1 <= number <= len(document):
            path = out_dir / f"{prefix}p{number:02d}.png"
            document[number - 1].render(scale=1.3).to_pil().convert("RGB").save(path, optimize=True)
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "check_docx")
    parser.add_argument("--png-dir", type=Path, default=None, help="render pages to PNG here (e.g. docs/paper)")
    parser.add_argument("--pages", default="1,2,3", help="page numbers to render, comma-separated")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        code = seed(home)
        started = time.perf_counter()
        env = {**os.environ, "PSM_DATA_HOME": str(home)}
        done = subprocess.run([sys.executable, "-m", "psm_data.documents", "--events", code,  # noqa: S603
                               "--out", str(args.out)],
                              cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=600)
        if done.returncode:
            print(done.stdout, done.stderr, file=sys.stderr)
            return 1
        print(f"rehearsed event {code}: position paper built in {time.perf_counter() - started:.1f} s")
        docx = next(args.out.glob("*.docx"))
        pdf = args.out / f"{docx.stem}_libreoffice.pdf"
        pdf.unlink(missing_ok=True)
        seconds = convert(docx, pdf, Path(tmp) / "lo_profile")
        print(f"LibreOffice opened {docx.name}, updated its indexes and exported {pdf.name} in {seconds:.1f} s")
    pages = pdf_text(pdf)
    problems = check(docx, pages, Path(f"{pdf}.odt"))
    print(f"{len(pages)} pages")
    if args.png_dir:
        numbers = [int(n) for n in args.pages.split(",") if n.strip()]
        for path in render(pdf, args.png_dir, numbers):
            print(f"wrote {path}")
    if problems:
        print("LibreOffice shows these differently:\n  " + "\n  ".join(problems))
        return 1
    print("OK: TOC filled with the headings, styles, tables, every cell and source line, participants' words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
