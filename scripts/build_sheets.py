"""Write the printable sheet of every zone: `make sheets` → build/sheets/ (PDF + a PNG of each for review).

Usage: .venv/bin/python scripts/build_sheets.py [--out build/sheets] [--lang it] [--base-url URL] [--dpi 100]
                                                  [--docs]
The QR codes point to --base-url, else $PSM_PUBLIC_URL, else http://localhost:8501. `--docs` also writes the PNGs
to docs/sheets/ (palette PNGs at a modest DPI, to keep the repository small). Prints the build time of each sheet.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from components.documents.sheet_text import sheet_text  # noqa: E402  (needs the repo root on sys.path)
from psm_data import load_dataset  # noqa: E402
from psm_data.documents.zone_sheet import build_zone_sheet, public_base_url, sheet_file_name  # noqa: E402
from psm_data.i18n import LANGUAGES  # noqa: E402
from psm_data.places import resolve_places  # noqa: E402


def render_png(pdf: bytes, path: Path, dpi: int, colours: int = 64) -> None:
    """The page as a palette PNG (pypdfium2, a dev dependency): small enough to keep in docs/."""
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(pdf)[0].render(scale=dpi / 72).to_pil()
    image.convert("RGB").quantize(colors=colours).save(path, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "sheets")
    parser.add_argument("--lang", default="it", choices=LANGUAGES)
    parser.add_argument("--base-url", default=None)
    parser.add_argument("--dpi", type=int, default=100)
    parser.add_argument("--docs", action="store_true", help="also write the PNGs to docs/sheets/")
    args = parser.parse_args(argv)

    data = load_dataset()
    text = sheet_text(args.lang)
    base_url = args.base_url or public_base_url()
    resolutions = resolve_places(data.projects, data.comuni, data.place_areas)
    args.out.mkdir(parents=True, exist_ok=True)
    docs = ROOT / "docs" / "sheets"
    if args.docs:
        docs.mkdir(parents=True, exist_ok=True)
    today = date.today()
    times = []
    for zone_id, name in zip(data.zones["zone_id"], data.zones["name"], strict=True):
        started = time.perf_counter()
        pdf = build_zone_sheet(data, zone_id, text=text, base_url=base_url, generated=today, resolutions=resolutions,
                               lang=args.lang)
        elapsed = time.perf_counter() - started
        times.append(elapsed)
        target = args.out / sheet_file_name(zone_id, name)
        target.write_bytes(pdf)
        render_png(pdf, target.with_suffix(".png"), args.dpi)
        if args.docs:
            render_png(pdf, docs / f"zona_{int(zone_id):02d}.png", args.dpi)
        print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}  "
              f"{len(pdf) // 1024} KB  built in {elapsed * 1000:.0f} ms")
    times.sort()
    median = times[len(times) // 2]
    print(f"{len(times)} sheets, QR codes to {base_url}; build time per sheet: median {median * 1000:.0f} ms, "
          f"max {times[-1] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
