"""`python -m psm_data.check`: validate the curated CSVs and every source quote, for planners who edit them.

Exit 0 with a summary when all is well; exit 1 with every problem found, grouped by file, each with its row
and column (as linters do), so one run is enough to fix a spreadsheet.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from psm_data.loader import Problem, TableCheck, find_problems, format_problems
from psm_data.provenance import Report
from psm_data.schema import DATA_DIR, GEODATA_DIR, TABLES


def quote_problems(checks: dict[str, TableCheck], report: Report) -> list[Problem]:
    """Every row whose source_quote is not in the report (rows that could be read)."""
    problems = []
    for key, spec in TABLES.items():
        check = checks[key]
        if "source_quote" not in spec.columns or not check.readable("source_quote"):
            continue
        for row, quote in check.frame["source_quote"].items():
            problem = report.problem(quote) if quote else None
            if problem:
                problems.append(Problem(spec.file, f"{problem}: {quote[:80]!r}", row, "source_quote"))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--geodata-dir", type=Path, default=GEODATA_DIR)
    args = parser.parse_args(argv)
    checks, _, _, problems = find_problems(args.data_dir, args.geodata_dir)
    problems += quote_problems(checks, Report.from_file())
    if problems:
        order = {spec.file: i for i, spec in enumerate(TABLES.values())}
        problems.sort(key=lambda p: order.get(p.file, len(order)))  # stable: each file's problems stay in order
        print(format_problems(problems))
        return 1
    counts = ", ".join(f"{spec.file} {len(checks[key].frame)}" for key, spec in TABLES.items())
    print(f"rows: {counts}")
    print("OK: schema, references and source quotes are valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
