"""`python -m psm_data.documents` (what `make position-paper` runs): the position paper from the command line.

    python -m psm_data.documents                       # every event that counts (not archived, not a rehearsal)
    python -m psm_data.documents --events ABC234,XYZ789 --axes 3 --zones 5,7 --lang en --out build/paper

Reads the events database the app uses ($PSM_DB_URL or the SQLite file in $PSM_DATA_HOME); writes the DOCX, the
PDF and the figures' zip to --out. With no database yet, the paper gives the report only (and says so).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from psm_data import load_dataset
from psm_data.documents.build import build_paper
from psm_data.documents.content import PaperOptions
from psm_data.events.db import Database, database_url, describe
from psm_data.events.migrate import current_revision, is_current
from psm_data.events.store import EventStore
from psm_data.i18n import LANGUAGES


def _ids(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _store(url: str, data) -> EventStore | None:  # noqa: ANN001 - Dataset
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        print(f"No events database at {describe(url)}: the paper gives the report only.")
        return None
    try:
        if not is_current(url):
            print(f"The events database {describe(url)} is at revision {current_revision(url)!r}, not the latest: "
                  "run `make migrate` first.", file=sys.stderr)
            sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - any driver error: a sentence, not a traceback
        print(f"The events database {describe(url)} cannot be read ({type(exc).__name__}).", file=sys.stderr)
        sys.exit(2)
    return EventStore(Database(url), need_ids=tuple(data.needs["need_id"]), axis_ids=data.axis_ids,
                      zone_ids=data.zone_ids)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m psm_data.documents", description=__doc__.splitlines()[0])
    parser.add_argument("--events", default="", help="event codes, comma-separated (default: all that count)")
    parser.add_argument("--axes", default="", help="axis ids, e.g. 1,3 (default: all)")
    parser.add_argument("--zones", default="", help="zone ids, e.g. 5,7 (default: all)")
    parser.add_argument("--lang", default="it", choices=LANGUAGES)
    parser.add_argument("--out", default="build/position_paper", type=Path)
    args = parser.parse_args(argv)
    data = load_dataset()
    unknown = [a for a in _ids(args.axes) if a not in data.axis_ids] + [
        z for z in _ids(args.zones) if z not in data.zone_ids]
    if unknown:
        print(f"Unknown axis or zone: {', '.join(unknown)}", file=sys.stderr)
        return 2
    store = _store(database_url(), data)
    codes = _ids(args.events.upper()) or None
    if store is not None and codes:
        known = {e.code for e in store.events()}
        missing = [c for c in codes if c not in known]
        if missing:
            print(f"No event with code {', '.join(missing)} in {describe(database_url())}", file=sys.stderr)
            return 2
    options = PaperOptions(event_codes=codes, axis_ids=_ids(args.axes), zone_ids=_ids(args.zones), lang=args.lang)
    started = time.perf_counter()
    files = build_paper(data, store, options,
                        progress=lambda step, total, label: print(f"  [{step}/{total}] {label}", flush=True))
    args.out.mkdir(parents=True, exist_ok=True)
    for ext, payload in (("docx", files.docx), ("pdf", files.pdf), ("zip", files.figures_zip)):
        path = args.out / files.file_name(ext)
        path.write_bytes(payload)
        print(f"wrote {path} ({len(payload) // 1024} KB)")
    print(f"{len(files.document.tables())} tables; built in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
