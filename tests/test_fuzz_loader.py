"""Property-based fuzzing of the loader on mutated copies of the shipped CSVs.

Whatever a spreadsheet does to the files (columns dropped, doubled or renamed, cells replaced by random text,
truncated files, random bytes, BOMs, other separators, deleted files), loading either gives a valid dataset or a
`DataValidationError` whose problems each name a real file, and a row and column that exist; never another
exception. The shipped files are only read.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from psm_data import Dataset, DataValidationError, load_dataset
from psm_data.schema import DATA_DIR, GEODATA_DIR, TABLES
from tests.fuzz import examples, nasty_text

FILES = [spec.file for spec in TABLES.values()]
SPECS = {spec.file: spec for spec in TABLES.values()}
ORIGINAL = {name: (DATA_DIR / name).read_bytes() for name in FILES}


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str, object]:
    """(file, kind, argument) for one change to one file."""
    file = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(["drop_column", "duplicate_column", "rename_column", "replace_cell", "truncate",
                                 "random_bytes", "insert_bytes", "bom", "separator", "delete", "crlf",
                                 "duplicate_row", "blank_lines"]))
    width = len(SPECS[file].columns)
    if kind in ("drop_column", "duplicate_column"):
        arg: object = draw(st.integers(0, width - 1))
    elif kind == "rename_column":
        arg = (draw(st.integers(0, width - 1)), draw(nasty_text(20)))
    elif kind == "replace_cell":
        arg = (draw(st.integers(0, 400)), draw(st.integers(0, width - 1)),
               draw(st.one_of(nasty_text(), st.sampled_from(["", " ", "1e400", "-1", "99999999999999999999",
                                                             "nan", "inf", "1.5", "0x10", "١٢"]))))
    elif kind == "truncate":
        arg = draw(st.floats(0, 1))
    elif kind in ("random_bytes", "insert_bytes"):
        arg = (draw(st.binary(max_size=200)), draw(st.floats(0, 1)))
    elif kind == "bom":
        arg = draw(st.integers(1, 2))
    elif kind == "separator":
        arg = draw(st.sampled_from([";", "\t", "|"]))
    elif kind in ("duplicate_row",):
        arg = draw(st.integers(1, 400))
    else:
        arg = None
    return file, kind, arg


def apply(data: bytes, kind: str, arg: object) -> bytes | None:
    """The file's new bytes (None: delete the file)."""
    if kind == "delete":
        return None
    if kind == "truncate":
        return data[: int(len(data) * arg)]
    if kind == "random_bytes":
        return arg[0]
    if kind == "insert_bytes":
        at = int(len(data) * arg[1])
        return data[:at] + arg[0] + data[at:]
    if kind == "bom":
        return b"\xef\xbb\xbf" * arg + data
    if kind == "crlf":
        return data.replace(b"\n", b"\r\n")
    if kind == "blank_lines":
        return data.replace(b"\n", b"\n\n", 3)
    try:
        rows = rows_of(data)
    except (UnicodeDecodeError, csv.Error):
        return data  # an earlier mutation already broke the file beyond row-level edits
    if not rows:
        return data
    if kind == "separator":
        return "\n".join(arg.join(row) for row in rows).encode("utf-8")
    if kind == "drop_column":
        return csv_bytes([[c for i, c in enumerate(r) if i != arg] for r in rows])
    if kind == "duplicate_column":
        return csv_bytes([r + [r[arg]] if arg < len(r) else r for r in rows])
    if kind == "rename_column":
        index, name = arg
        if index < len(rows[0]):
            rows[0][index] = name
        return csv_bytes(rows)
    if kind == "replace_cell":
        row, col, text = arg
        row = row % len(rows)
        if col < len(rows[row]):
            rows[row][col] = text
        return csv_bytes(rows)
    if kind == "duplicate_row":
        return csv_bytes(rows + [rows[arg % len(rows)]])
    raise AssertionError(kind)


def outcome(data_dir: Path) -> Dataset | DataValidationError:
    """The dataset, or the validation error; any other exception propagates (and fails the test)."""
    try:
        return load_dataset(data_dir, GEODATA_DIR)
    except DataValidationError as err:
        return err


def check_outcome(data_dir: Path, changed: set[str]) -> None:
    result = outcome(data_dir)
    if isinstance(result, DataValidationError):
        err = result
        assert err.problems
        for problem in err.problems:
            assert problem.message.strip()
            assert problem.file in FILES or problem.file.startswith("geodata/"), problem
            if problem.column is not None:
                assert problem.column in SPECS[problem.file].columns, problem
            if problem.row is not None:
                assert problem.row >= 2, problem
        assert {p.file for p in err.problems} <= changed | {"zones.csv", "comuni.csv", "geodata/zones.geojson",
                                                            "geodata/comuni.geojson"} | changed_refs(changed)
        assert str(err).endswith((" in 1 file", " files"))
    else:
        assert isinstance(result, Dataset)
        assert len(result.zones) == 11


def changed_refs(changed: set[str]) -> set[str]:
    """Files whose cross-file checks can fail because a file they refer to changed."""
    refers = {"axes.csv": {"strategies.csv", "needs.csv", "themes.csv"}, "strategies.csv": {"projects.csv"},
              "zones.csv": {"projects.csv", "comuni.csv"}, "needs.csv": {"proposals.csv"}}
    return set().union(*(refers.get(f, set()) for f in changed)) if changed else set()


@examples(120)
@given(st.lists(mutation(), min_size=1, max_size=3))
def test_loader_on_mutated_csvs(mutations):
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        contents: dict[str, bytes | None] = dict(ORIGINAL)
        for file, kind, arg in mutations:
            if contents[file] is not None:
                contents[file] = apply(contents[file], kind, arg)
        for name, data in contents.items():
            if data is not None:
                (data_dir / name).write_bytes(data)
        check_outcome(data_dir, {file for file, _, _ in mutations})
    assert {name: (DATA_DIR / name).read_bytes() for name in FILES} == ORIGINAL  # the shipped files are never written


@examples(30)
@given(st.sampled_from(FILES), st.binary(max_size=400))
def test_loader_on_random_bytes(file, data):
    with tempfile.TemporaryDirectory() as tmp:
        for name in FILES:
            shutil.copy(DATA_DIR / name, Path(tmp) / name)
        (Path(tmp) / file).write_bytes(data)
        result = outcome(Path(tmp))
        assert isinstance(result, DataValidationError), "random bytes made a valid file"
        assert result.problems[0].file == file
