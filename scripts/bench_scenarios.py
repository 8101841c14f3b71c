"""Measure what scenarios and zone sheets cost: `make bench-scenarios` (about a minute).

- build time of each zone sheet (PDF), without and with an event grid (best and median of --repeat builds);
- length of the `scn=` value and of a shared link for 2 and 20 hypothetical projects;
- Python time of one script run (AppTest, no browser) of Mappa, Copertura and Zona, with and without a scenario
  (median of --repeat reruns after a warm-up run).
Prints a table; `--json PATH` also writes the numbers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from components.documents.sheet_text import sheet_text  # noqa: E402  (needs the repo root on sys.path)
from psm_data import load_dataset  # noqa: E402
from psm_data.documents.zone_sheet import EventSheetInfo, build_zone_sheet, event_join_url  # noqa: E402
from psm_data.places import resolve_places  # noqa: E402
from psm_data.scenario import Hypothesis, Scenario, encode_scenario  # noqa: E402

PAGES = ("pages/project_map.py", "pages/coverage.py", "pages/zone_profile.py")
TWO = Scenario((Hypothesis("Polo formativo delle Valli di Lanzo", ("4.1",), ("7",)),
                Hypothesis("Corsi ITS a Lanzo", ("4.2",), ("7",), "N4.2a")))


def twenty(data) -> Scenario:
    """20 distinct, realistic hypotheses: names from the report's proposals, strategies and zones spread out."""
    strategies = tuple(data.strategies["strategy_id"])
    proposals = data.proposals.reset_index(drop=True)
    hypotheses = []
    for i in range(20):
        text = proposals.at[(i * 7) % len(proposals), "text"]
        name = text[:60].rsplit(" ", 1)[0]
        zones = (data.zone_ids[i % 11],) if i % 5 else (data.zone_ids[i % 11], data.zone_ids[(i + 3) % 11])
        hypotheses.append(Hypothesis(name, (strategies[(i * 5) % len(strategies)],), zones if i % 7 else (),
                                     proposals.at[(i * 7) % len(proposals), "proposal_id"] if i % 2 else ""))
    return Scenario(tuple(hypotheses))


def timed(func, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        out.append(time.perf_counter() - started)
    return out


def sheets(data, repeat: int) -> dict:
    text = sheet_text("it")
    resolutions = resolve_places(data.projects, data.comuni, data.place_areas)
    event = EventSheetInfo("K7P2", "Ascolto", "12 marzo 2027", "Lanzo", event_join_url("http://localhost:8501", "K7P2"),
                           ("N4.1", "N4.2", "N4.3", "N1.1", "N2.2", "N3.3b"))
    build_zone_sheet(data, "1", text=text, lang="it", resolutions=resolutions)  # warm-up (imports, font metrics)
    rows = {}
    for zone_id in data.zone_ids:
        plain = timed(lambda z=zone_id: build_zone_sheet(data, z, text=text, lang="it", generated=date.today(),
                                                        resolutions=resolutions), repeat)
        with_event = timed(lambda z=zone_id: build_zone_sheet(data, z, text=text, lang="it", event=event,
                                                             generated=date.today(), resolutions=resolutions), repeat)
        rows[zone_id] = {"min_s": min(plain), "median_s": statistics.median(plain),
                         "event_min_s": min(with_event), "event_median_s": statistics.median(with_event)}
    return rows


def urls(data) -> dict:
    out = {}
    for label, scenario in (("2", TWO), ("20", twenty(data))):
        value = encode_scenario(scenario)
        out[label] = {"scn_chars": len(value), "link_chars": len(f"http://localhost:8501/copertura?zone=7&scn={value}")}
    return out


def page_runs(repeat: int) -> dict:
    from tests.app.conftest import open_page

    out = {}
    for page in PAGES:
        for label, params in (("without", {"zone": "7", "profile": "7"}),
                              ("with", {"zone": "7", "profile": "7", "scn": encode_scenario(TWO)})):
            at = open_page(page, params)
            if at.exception:
                raise RuntimeError([e.message for e in at.exception])
            at.run()  # warm
            runs = timed(at.run, repeat)
            out[f"{page} {label}"] = statistics.median(runs)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    data = load_dataset()

    sheet_times = sheets(data, args.repeat)
    print("zone sheet build time (s): zone | best | median | with event grid: best | median")
    for zone_id, row in sheet_times.items():
        print(f"  {zone_id:>2} | {row['min_s']:.3f} | {row['median_s']:.3f} | {row['event_min_s']:.3f} | "
              f"{row['event_median_s']:.3f}")
    medians = sorted(r["median_s"] for r in sheet_times.values())
    print(f"  all 11: median of medians {statistics.median(medians):.3f} s, slowest {medians[-1]:.3f} s")

    lengths = urls(data)
    print("scenario in the URL (characters): hypotheses | scn= value | link to /copertura?zone=7")
    for label, row in lengths.items():
        print(f"  {label:>2} | {row['scn_chars']} | {row['link_chars']}")

    runs = page_runs(args.repeat)
    print("one script run (AppTest, Python only), median (s): page | without scenario | with 2 hypotheses")
    for page in PAGES:
        print(f"  {page} | {runs[f'{page} without']:.3f} | {runs[f'{page} with']:.3f}")

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"sheets": sheet_times, "urls": lengths, "page_runs": runs}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
