"""Counts the PSM Torino report states or shows, checked against the curated CSVs in psm_data/.

Expected numbers were counted by hand from the report
(/work/shared/seed/000_cb1b0797773d428b.txt), sections 2, 3, 4 ("ESIGENZE PER IL PIANO
2024-2026", "NUOVI TEMI E PUNTI DI ATTENZIONE") and 5 ("INDICAZIONI PER CITTÀ METROPOLITANA").
"""
import collections
import csv
import pathlib

import pytest

DATA = pathlib.Path(__file__).resolve().parent.parent / "psm_data"

HEADERS = {
    "needs.csv": ["need_id", "axis_id", "number", "title", "source_quote"],
    "proposals.csv": ["proposal_id", "need_id", "letter", "text", "source_quote"],
    "themes.csv": ["theme_id", "number", "title", "axis_links", "description", "source_quote"],
    "cmt_guidance.csv": ["guidance_id", "area", "number", "title", "text", "source_quote"],
    "method.csv": ["metric_id", "label", "value", "unit", "source_quote"],
}
ID_COLUMN = {
    "needs.csv": "need_id",
    "proposals.csv": "proposal_id",
    "themes.csv": "theme_id",
    "cmt_guidance.csv": "guidance_id",
    "method.csv": "metric_id",
}
TEXT_COLUMNS = {
    "needs.csv": ["title"],
    "proposals.csv": ["text"],
    "themes.csv": ["title", "axis_links", "description"],
    "cmt_guidance.csv": ["title"],
    "method.csv": ["label", "value", "unit"],
}

# Section 4: numbered esigenze under each ASSE.
NEEDS_PER_AXIS = {"1": 7, "2": 5, "3": 7, "4": 3, "5": 5, "6": 3}

# Lettered proposals (a), b), ...) per need; needs not listed here have none.
LETTERED_PER_NEED = {
    "N1.2": 4, "N1.3": 3, "N1.4": 2, "N1.5": 1, "N1.6": 3,
    "N2.1": 9, "N2.2": 3, "N2.3": 3, "N2.4": 4,
    "N3.1": 3, "N3.2": 3, "N3.3": 4, "N3.4": 5, "N3.5": 1,
    "N4.1": 5, "N4.2": 3, "N4.3": 6,
    "N5.1": 5, "N5.2": 3, "N5.3": 4, "N5.4": 5, "N5.5": 2,
    "N6.1": 4, "N6.2": 4,
}
NEEDS_WITHOUT_PROPOSALS = {"N1.1", "N1.7", "N2.5", "N3.6", "N3.7", "N6.3"}

THEME_AXIS_LINKS = {
    "T1": "trasversale",
    "T2": "trasversale",
    "T3": "trasversale",
    "T4": "5;6",
    "T5": "5;6",
    "T6": "4;1;5",
    "T7": "trasversale",
    "T8": "5",
    "T9": "2",
    "T10": "trasversale",
}

GUIDANCE_PER_AREA = {"governance": 5, "construction": 4, "participation": 2}


def load(name):
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADERS[name], f"{name}: unexpected header {reader.fieldnames}"
        return list(reader)


@pytest.fixture(scope="module")
def needs():
    return load("needs.csv")


@pytest.fixture(scope="module")
def proposals():
    return load("proposals.csv")


@pytest.fixture(scope="module")
def themes():
    return load("themes.csv")


@pytest.fixture(scope="module")
def guidance():
    return load("cmt_guidance.csv")


@pytest.fixture(scope="module")
def method():
    return load("method.csv")


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_ids_unique_and_no_empty_text(name):
    rows = load(name)
    assert rows, f"{name} is empty"
    ids = [r[ID_COLUMN[name]] for r in rows]
    dupes = [k for k, v in collections.Counter(ids).items() if v > 1]
    assert not dupes, f"{name}: duplicated ids {dupes}"
    for r in rows:
        for col in TEXT_COLUMNS[name] + ["source_quote", ID_COLUMN[name]]:
            assert r[col].strip(), f"{name}: empty {col} in row {r[ID_COLUMN[name]]}"
            assert r[col] == r[col].strip(), f"{name}: stray whitespace in {col} of {r[ID_COLUMN[name]]}"


def test_needs_per_axis(needs):
    counts = collections.Counter(r["axis_id"] for r in needs)
    assert dict(counts) == NEEDS_PER_AXIS
    assert len(needs) == sum(NEEDS_PER_AXIS.values()) == 30


def test_need_ids_and_numbering(needs):
    for r in needs:
        assert r["need_id"] == f"N{r['axis_id']}.{r['number']}"
    for axis, n in NEEDS_PER_AXIS.items():
        numbers = [int(r["number"]) for r in needs if r["axis_id"] == axis]
        assert numbers == list(range(1, n + 1)), f"axis {axis}: numbers {numbers}"


def test_proposal_need_ids_exist(needs, proposals):
    need_ids = {r["need_id"] for r in needs}
    missing = sorted({r["need_id"] for r in proposals} - need_ids)
    assert not missing, f"proposals refer to unknown needs {missing}"


def test_proposal_ids_consistent(proposals):
    for r in proposals:
        assert r["proposal_id"] == r["need_id"] + r["letter"], r["proposal_id"]


def test_lettered_proposals_per_need(needs, proposals):
    lettered = collections.Counter(r["need_id"] for r in proposals if "." not in r["letter"])
    assert dict(lettered) == LETTERED_PER_NEED
    assert sum(lettered.values()) == 89
    # letters run a), b), c), ... without gaps
    for need_id, n in LETTERED_PER_NEED.items():
        letters = [r["letter"] for r in proposals if r["need_id"] == need_id and "." not in r["letter"]]
        assert letters == list("abcdefghi"[:n]), f"{need_id}: letters {letters}"
    for need_id in NEEDS_WITHOUT_PROPOSALS:
        assert need_id in {r["need_id"] for r in needs}
        assert need_id not in lettered


def test_need_3_2_c_sub_items(proposals):
    by_id = {r["proposal_id"]: r for r in proposals}
    assert by_id["N3.2c"]["text"] == "Potenziare, efficientare e migliorare il Trasporto Pubblico Locale"
    subs = [r for r in proposals if "." in r["letter"]]
    assert [r["proposal_id"] for r in subs] == ["N3.2c.1", "N3.2c.2", "N3.2c.3", "N3.2c.4"]
    assert [r["letter"] for r in subs] == ["c.1", "c.2", "c.3", "c.4"]
    assert subs[0]["text"] == "Potenziare la Metropolitana Automatica di Torino (Linea 1 e 2)"
    assert len(proposals) == 89 + 4


def test_page_break_joins(needs, proposals):
    n = {r["need_id"]: r for r in needs}
    p = {r["proposal_id"]: r for r in proposals}
    assert p["N1.3c"]["text"] == "Investire in un piano metropolitano di benchmarking e marketing territoriale"
    assert n["N2.3"]["title"].endswith("in ottica di sostenibilità ambientale e sociale")
    assert "sostenibilità ambientale" not in p["N2.3a"]["text"]
    assert p["N2.3a"]["text"].startswith("Rifunionalizzare")  # typo kept as in the report
    assert p["N4.3f"]["text"].startswith(
        "Lavorare maggiormente sulla riqualificazione del patrimonio edilizio scolastico (spesso vetusto)")


def test_no_markup_left(needs, proposals, themes, guidance):
    for rows, cols in ((needs, ["title"]), (proposals, ["text"]),
                       (themes, ["title", "description"]), (guidance, ["title", "text"])):
        for r in rows:
            for c in cols:
                for mark in ("<", ">", "**", "\t"):
                    assert mark not in r[c], f"markup {mark!r} in {c}: {r[c][:60]}"


def test_themes(themes):
    assert len(themes) == 10
    assert [r["theme_id"] for r in themes] == [f"T{i}" for i in range(1, 11)]
    assert {r["theme_id"]: r["axis_links"] for r in themes} == THEME_AXIS_LINKS
    by_id = {r["theme_id"]: r for r in themes}
    assert by_id["T7"]["title"] == "Qualità spaziale e urbanistica dei progetti (nei processi di Public Procurement)"
    for tid in ("T3", "T4", "T5"):
        assert by_id[tid]["description"].startswith("a) ")
        assert "; b) " in by_id[tid]["description"]


def test_guidance_per_area(guidance):
    counts = collections.Counter(r["area"] for r in guidance)
    assert dict(counts) == GUIDANCE_PER_AREA
    ids = [r["guidance_id"] for r in guidance]
    assert ids == ["G1", "G2", "G3", "G4", "G5", "C1", "C2", "C3", "C4", "P1", "P2"]
    by_id = {r["guidance_id"]: r for r in guidance}
    # bulleted lists of construction 3 and 4: one item per line
    assert len(by_id["C3"]["text"].split("\n")) == 3
    assert len(by_id["C4"]["text"].split("\n")) == 3
    assert len(by_id["G2"]["text"].split("\n")) == 2
    assert len(by_id["C2"]["text"].split("\n")) == 4
    for r in guidance:
        if r["area"] == "participation":
            assert r["text"] == ""  # the report gives no indicazioni for these
        else:
            assert r["text"].strip(), r["guidance_id"]


def test_method_figures(method):
    values = {r["metric_id"]: (r["value"], r["unit"]) for r in method}
    assert values == {
        "interviews": ("34", "interviste"),
        "zone_omogenee": ("11", "zone"),
        "questionnaire_contributions": ("107", "contributi"),
        "monitoring_update_2022_approval": ("22/12/2022", "data"),
    }
