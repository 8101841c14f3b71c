"""`python -m psm_data.check`: validate the curated CSVs and every source quote, for planners who edit them.

Exit 0 with a summary when all is well; exit 1 with one clear message per problem otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from psm_data.loader import DataValidationError, load_dataset
from psm_data.provenance import Report
from psm_data.schema import DATA_DIR, GEODATA_DIR, TABLES


def quote_problems(data_dir: Path, report: Report) -> list[str]:
    """Every row whose source_quote is not in the report, as 'file, row N: problem'."""
    import pandas as pd

    problems = []
    for spec in TABLES.values():
        if "source_quote" not in spec.columns:
            continue
        frame = pd.read_csv(data_dir / spec.file, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for i, quote in frame["source_quote"].items():
            problem = report.problem(quote)
            if problem:
                problems.append(f"{spec.file}, row {i + 2}: {problem}: {quote[:80]!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--geodata-dir", type=Path, default=GEODATA_DIR)
    args = parser.parse_args(argv)
    try:
        data = load_dataset(args.data_dir, args.geodata_dir)
    except DataValidationError as exc:
        print(f"ERROR {exc}")
        return 1
    problems = quote_problems(args.data_dir, Report.from_file())
    for p in problems:
        print(f"ERROR {p}")
    counts = ", ".join(f"{spec.file} {len(getattr(data, key))}" for key, spec in TABLES.items())
    print(f"rows: {counts}")
    print("OK: schema, references and source quotes are valid" if not problems
          else f"{len(problems)} source quote(s) not found in the report")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
