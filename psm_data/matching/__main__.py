"""Match free texts to the report's needs from the command line.

    python -m psm_data.matching < texts.txt > matched.csv          # one text per line on standard input
    python -m psm_data.matching --file answers.csv [--column NAME]  # a column of a CSV (make match-texts FILE=...)

Writes CSV `text,need_1,score_1,need_2,score_2,need_3,score_3`, one row per input line or CSV row, in order
(a blank text gives a row with no needs, so rows stay aligned with the input). Text cells are neutralised against
spreadsheet formulas (psm_data/csvsafe.py). Which CSV column: `--column` if given; else the first whose header is
a usual name for a free answer (testo, risposta, commento, proposta, contributo, text, answer...); else the text
column with the longest answers on average. The choice is said on standard error.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from psm_data.csvsafe import neutralise
from psm_data.matching import rank_many
from psm_data.matching.text import fold

K = 3
HEADER = ["text", *(f"{kind}_{i}" for i in range(1, K + 1) for kind in ("need", "score"))]
ANSWER_HEADERS = ("testo", "risposta", "risposte", "commento", "commenti", "proposta", "proposte", "contributo",
                  "contributi", "osservazioni", "text", "answer", "answers", "comment", "response")
MAX_FILE_BYTES = 20_000_000


class InputError(ValueError):
    """Input we cannot read: the message says what and where, the command exits with status 2."""


def decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: not UTF-8 nor Windows-1252 text")


def rows(texts: Iterable[str]) -> list[list[object]]:
    texts = list(texts)
    out = []
    for text, ranked in zip(texts, rank_many(texts, K), strict=True):
        row: list[object] = [neutralise(text)]
        for i in range(K):
            row.extend(ranked[i] if i < len(ranked) else ("", ""))
        out.append(row)
    return out


def write_csv(texts: Iterable[str], stream: io.TextIOBase) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    table = rows(texts)
    writer.writerows(table)
    return len(table)


def choose_column(header: Sequence[str], records: Sequence[Sequence[str]], wanted: str | None) -> int:
    """The index of the column of free answers (see the module's docstring for the rule)."""
    folded = [fold(h.strip()) for h in header]
    if wanted is not None:
        if fold(wanted.strip()) not in folded:
            raise InputError(f"no column {wanted!r}; columns: {', '.join(header)}")
        return folded.index(fold(wanted.strip()))
    for name in ANSWER_HEADERS:
        if name in folded:
            return folded.index(name)

    def mean_length(i: int) -> float:
        cells = [r[i] for r in records if i < len(r) and r[i].strip()]
        numeric = sum(c.replace(",", ".").replace(".", "", 1).strip().isdigit() for c in cells)
        return 0.0 if not cells or numeric > len(cells) / 2 else sum(map(len, cells)) / len(cells)

    return max(range(len(header)), key=mean_length)


def read_column(path: Path, column: str | None) -> tuple[str, list[str]]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from error
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{path.name}: over {MAX_FILE_BYTES // 1_000_000} MB")
    text = decode(data, path.name)
    try:
        dialect = csv.Sniffer().sniff(text[:20_000], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    table = list(csv.reader(io.StringIO(text), dialect))
    if not table or not any(cell.strip() for cell in table[0]):
        raise InputError(f"{path.name}: empty, or no header row")
    header, records = table[0], table[1:]
    index = choose_column(header, records, column)
    return header[index], [r[index] if index < len(r) else "" for r in records]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Match free texts to the report's 30 needs (CSV on stdout).")
    parser.add_argument("--file", type=Path, help="a CSV with a column of free answers (else: stdin, one per line)")
    parser.add_argument("--column", help="the column's header (else chosen as the module's docstring says)")
    parser.add_argument("--out", type=Path, help="write here (UTF-8 with BOM, for spreadsheets) instead of stdout")
    args = parser.parse_args(argv)
    try:
        if args.file:
            name, texts = read_column(args.file, args.column)
            sys.stderr.write(f"{args.file.name}: column {name!r}, {len(texts)} texts\n")
        else:
            texts = decode(sys.stdin.buffer.read(), "standard input").splitlines()
    except InputError as error:
        sys.stderr.write(f"error: {error}\n")
        return 2
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8-sig", newline="") as handle:
            count = write_csv(texts, handle)
        sys.stderr.write(f"{count} rows written to {args.out}\n")
    else:
        write_csv(texts, sys.stdout)
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # `... | head`: the reader had enough
        sys.stderr.close()
        raise SystemExit(0) from None
