"""The curated dataset against the report: counts it states, provenance of every quote, integrity."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from psm_data import load_dataset
from psm_data.provenance import Report
from psm_data.schema import DATA_DIR, SOURCE_REPORT, TABLES

ROOT = Path(__file__).resolve().parents[1]
SHARED_CHECKER = ROOT.parent / "shared" / "tools" / "check_sources.py"


@pytest.fixture(scope="module")
def data():
    return load_dataset()


@pytest.fixture(scope="module")
def report():
    return Report.from_file()


def quoted_rows():
    for _key, spec in TABLES.items():
        if "source_quote" in spec.columns:
            frame = pd.read_csv(DATA_DIR / spec.file, dtype=str, keep_default_na=False)
            for i, quote in frame["source_quote"].items():
                yield pytest.param(quote, id=f"{spec.file}:{i + 2}")


@pytest.mark.parametrize("quote", list(quoted_rows()))
def test_every_source_quote_is_in_the_report(report, quote):
    assert report.problem(quote) is None


def test_quote_checker_rejects_what_is_not_in_the_report(report):
    assert report.problem("Il progetto Metrodigital ha costruito un ponte sul Po") == "not found in the source report"
    assert report.problem("") == "empty source_quote"
    assert report.problem("Metrodigital ... PNRR") == "a fragment is shorter than 15 characters"
    # Fragments must appear in order.
    out_of_order = "per il supporto ai piccoli comuni ... in particolare con il progetto Metrodigital"
    assert report.problem(out_of_order) == "not found in the source report"


def test_report_copy_is_the_seed():
    seed = ROOT.parent / "shared" / "seed" / "000_cb1b0797773d428b.txt"
    if not seed.exists():
        pytest.skip("shared/seed not beside this checkout")
    assert SOURCE_REPORT.read_bytes() == seed.read_bytes()


def test_shared_checker_agrees():
    """The project's own check and the shared tool must accept the same data."""
    if not SHARED_CHECKER.exists():
        pytest.skip("shared/tools not beside this checkout")
    result = subprocess.run([sys.executable, str(SHARED_CHECKER), str(DATA_DIR), "--source", str(SOURCE_REPORT)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-2000:]
    assert ", 0 failing" in result.stdout


def test_sections_are_cited(report, data):
    cert = data.projects.set_index("project_id").at["certo-cer", "source_quote"]
    assert report.section_of(cert) == "ASSE 2 | TORINO METROPOLI PIÙ VERDE ED ECOLOGICA"
    assert report.chapter_of(cert).startswith("3. AGGIORNAMENTO")
    need = data.needs.set_index("need_id").at["N3.3", "source_quote"]
    assert report.chapter_of(need) == "4. ESIGENZE PER IL PIANO 2024-2026"


def test_axes_and_strategies_as_the_report_states(data):
    assert list(data.axes["axis_id"]) == ["1", "2", "3", "4", "5", "6"]
    assert len(data.strategies) == 24
    per_axis = data.strategies.groupby("axis_id").size().to_dict()
    assert per_axis == {"1": 7, "2": 5, "3": 4, "4": 2, "5": 4, "6": 2}
    status = data.strategies.set_index("strategy_id")["status"]
    assert set(status[status == "no_actions"].index) == {"1.2", "5.4"}
    assert set(status[status == "partial"].index) == {"3.1", "3.4"}
    assert set(status[status == "most_reported"].index) == {"1.3", "2.3", "3.3", "5.2"}
    assert not (status == "not_mentioned").any()


def test_official_titles_only_where_the_reference_has_one(data):
    with_title = data.strategies[data.strategies["official_title"] != ""]
    assert set(with_title["strategy_id"]) == {"1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "3.1", "4.1", "5.1", "6.1"}
    assert (with_title["official_title_source"].str.startswith("http")).all()
    s12 = data.strategies.set_index("strategy_id").loc["1.2"]
    assert s12["description"] == ("promuovere digitalizzazione, robotica e ICT al servizio delle imprese montane "
                                  "agricole e forestali")
    # Where no official title exists the label is the report's own description, never an invented title.
    no_title = data.strategies[data.strategies["official_title"] == ""]
    assert ((no_title["title"] == no_title["description"]) | (no_title["title"].str.startswith("Strategia"))).all()


def test_no_project_on_strategies_without_actions(data):
    ids = {s for ids in data.projects["strategy_ids"] for s in ids}
    assert "1.2" not in ids
    assert "5.4" not in ids
    no_action_free = set(data.strategies["strategy_id"]) - {"1.2", "5.4"}
    assert no_action_free <= ids, "every other strategy has at least one project in the report"


@pytest.mark.parametrize(("project_id", "strategies", "zones", "scope"), [
    ("certo-cer", ("2.3",), ("1", "9"), "zones"),
    ("bike-to-rail", ("3.3",), ("5", "7", "11"), "zones"),
    ("case-della-comunita", ("6.1",), ("2", "3", "4", "5"), "zones"),
    ("riforestazione-piantumazione", ("6.2",), ("2", "3", "4", "6", "10"), "zones"),
    ("distretti-del-commercio", ("5.2",), ("5", "7", "11"), "zones"),
    ("space-park-ex-cartiere-burgo", ("1.3", "2.2"), ("4",), "zones"),
    ("piano-edilizia-scolastica", ("2.4", "4.1"), (), "metropolitan"),
    ("riapertura-torino-ceres", ("3.2", "3.4"), (), "unspecified"),
    ("metrodigital", ("1.1",), (), "metropolitan"),
    ("dorsale-fibra-susa-chisone", ("1.1",), (), "unspecified"),
])
def test_projects_as_the_report_names_them(data, project_id, strategies, zones, scope):
    row = data.projects.set_index("project_id").loc[project_id]
    assert row["strategy_ids"] == strategies
    assert row["zone_ids"] == zones
    assert row["scope"] == scope


def test_zone_named_only_where_the_report_names_it(data, report):
    """A zone number in zone_ids must be backed by the quote ('Zona N') or by the zone's own name."""
    names = data.zones.set_index("zone_id")["name"]
    for p in data.projects.itertuples():
        quote = p.source_quote.lower()
        for z in p.zone_ids:
            if p.zone_basis == "number":
                pattern = rf"\bzona (omogenea )?{z}\b|\bzone omogenee (\d+ e )?{z}\b"
                assert re.search(pattern, quote), (p.project_id, z)
            else:
                assert p.zone_basis == "name", p.project_id
                name = {"1": "torino", "3": "torino sud"}.get(z, names[z].lower().replace(" - ", "-"))
                assert name in quote, (p.project_id, z)


def test_every_zone_has_projects_but_the_counts_differ(data):
    localised = data.projects[data.projects["scope"] == "zones"]
    zones = {z for ids in localised["zone_ids"] for z in ids}
    assert zones == set(data.zone_ids)


def test_needs_proposals_themes_guidance_counts(data):
    assert data.needs.groupby("axis_id").size().to_dict() == {"1": 7, "2": 5, "3": 7, "4": 3, "5": 5, "6": 3}
    assert len(data.themes) == 10
    assert data.guidance.groupby("area").size().to_dict() == {"governance": 5, "construction": 4,
                                                              "participation": 2}
    method = data.method.set_index("metric_id")["value"].to_dict()
    assert method["interviews"] == "34"
    assert method["questionnaire_contributions"] == "107"


def test_zones_and_comuni_add_up(data):
    assert len(data.zones) == 11
    assert len(data.comuni) == 312
    assert data.zones["population"].sum() == data.comuni["population"].sum() == 2_198_237
    assert (data.comuni["confidence"] == "inferred").sum() == 109
    assert data.zones.set_index("zone_id").at["5", "n_comuni"] == 45
