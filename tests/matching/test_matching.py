"""The need matcher: ranking, near-duplicate grouping, the command line, and its accuracy floor (issue 16)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from psm_data.matching import group_similar, rank_many, rank_needs
from psm_data.matching.evaluate import SPLITS, evaluate, read_examples
from psm_data.matching.ranker import LEXICON_FILE, Matcher, read_lexicon
from psm_data.schema import DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
NEED_IDS = set(pd.read_csv(DATA_DIR / "needs.csv")["need_id"])

# Measured 2026-12-06 (make eval-matching, normalised fusion, typo guesses, place names out): all 82.0 % / 90.8 %;
# 'fresh' 75.0 % / 86.4 %; 'fresh2' (60 phrasings written before the change, measured before it at 70.0 % / 85.0 %
# and once after it) 75.0 % / 86.7 %. Each floor is about two texts under the measure.
FLOORS = {"all": (0.79, 0.88), "fresh": (0.70, 0.82), "fresh2": (0.70, 0.83)}


def test_rank_needs_returns_known_ids_best_first() -> None:
    ranked = rank_needs("più piste ciclabili sicure tra Chieri e Torino", 3)
    assert [n for n, _ in ranked][0] == "N3.3"
    assert len(ranked) == 3
    assert all(n in NEED_IDS for n, _ in ranked)
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(("text", "need"), [
    ("il pronto soccorso è sempre pieno", "N6.1"),
    ("la raccolta differenziata non funziona", "N2.4"),
    ("nonni soli senza assistenza", "N5.2"),
    ("treni per Ivrea soppressi", "N3.2"),
])
def test_obvious_texts_find_their_need(text: str, need: str) -> None:
    assert rank_needs(text, 1)[0][0] == need


def test_k_and_texts_with_nothing_to_match() -> None:
    assert rank_needs("", 3) == []
    assert rank_needs("!!! ???", 3) == []
    for off_topic in ("buongiorno a tutti", "grazie!", "boh", "bella iniziativa, continuate così",
                      "un tema che il rapporto non ha"):
        assert rank_needs(off_topic, 3) == [], off_topic  # no random suggestion: the facilitator picks or marks new
    assert rank_needs("ciclabili", 0) == []
    assert len(rank_needs("ciclabili", 30)) <= 30
    assert len(rank_needs("x" * 100_000, 3)) <= 3  # capped, no error


def test_a_typo_brings_the_documents_word_one_edit_away_at_a_lower_weight() -> None:
    matcher = Matcher.from_data()
    weights, _ = matcher.query("il pronto socorso")
    assert weights["socors"] == 1.0  # what was written stays
    assert 0 < weights["soccor"] < 1  # "soccorso", one letter away, a guess
    assert rank_needs("pronto socorso sempre pieno", 1)[0][0] == "N6.1"
    assert matcher.query("ciclabile")[0] == {"ciclab": 1.0}  # a known word guesses nothing


def test_place_names_say_where_not_what() -> None:
    matcher = Matcher.from_data()
    weights, kept = matcher.query("a Settimo Torinese e nel Canavese: più treni")
    assert "settim" not in weights
    assert "canave" not in weights
    assert "treno" in weights
    assert "Settimo" not in kept  # nor in the letter n-grams
    assert rank_needs("Settimo", 3) == []  # a place alone suggests no need


def test_scores_are_fused_after_normalising_each_signal() -> None:
    matcher = Matcher.from_data()
    short, long = "treni soppressi", "treni soppressi " * 20
    assert rank_needs(short, 1)[0][0] == rank_needs(long, 1)[0][0] == "N3.2"
    assert max(matcher.scores(short)) == pytest.approx(max(matcher.scores(long)), rel=0.25)  # scale-free


def test_rank_many_equals_rank_needs_in_order() -> None:
    texts = ["ospedale lontano", "capannoni abbandonati", ""]
    assert rank_many(texts) == [rank_needs(t) for t in texts]


def test_lexicon_is_the_projects_and_names_known_needs() -> None:
    lexicon = read_lexicon()
    assert set(lexicon) <= NEED_IDS
    assert set(lexicon) == NEED_IDS  # every need has citizens' words
    with LEXICON_FILE.open(encoding="utf-8") as handle:
        assert {row["provenance"] for row in csv.DictReader(handle)} == {"project"}


def test_a_lexicon_claiming_another_provenance_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.csv"
    bad.write_text("need_id,term,provenance,note\nN3.3,bici,report,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="provenance"):
        read_lexicon(bad)


def test_eval_set_covers_every_need_and_is_not_the_reports_text() -> None:
    examples = read_examples()
    assert len(examples) >= 60
    assert set().union(*(e.needs for e in examples)) == NEED_IDS
    assert {e.split for e in examples} == set(SPLITS)
    assert sum(len(e.needs) == 2 for e in examples) >= 10
    report = (DATA_DIR / "source" / "report.txt").read_text(encoding="utf-8").lower()
    assert not [e.text for e in examples if e.text.lower() in report]


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_accuracy_stays_above_its_floor(split: str) -> None:
    examples = [e for e in read_examples() if split == "all" or e.split == split]
    result = evaluate(Matcher.from_data(), examples)
    top1, top3 = FLOORS[split]
    assert result.top1_rate >= top1, result.confusions
    assert result.top3_rate >= top3, [m[0].text for m in result.misses]


def test_the_lexicon_is_what_lifts_accuracy() -> None:
    examples = read_examples()
    with_lexicon = evaluate(Matcher.from_data(), examples)
    without = evaluate(Matcher.from_data(lexicon_path=None), examples)
    assert with_lexicon.top3_rate > without.top3_rate + 0.15


def test_group_similar_puts_near_duplicates_together() -> None:
    texts = ["Più piste ciclabili a Chieri", "piu piste ciclabbili a chieri!!",
             "Servono più piste ciclabili tra Chieri e Torino", "il treno per Pinerolo è sempre in ritardo",
             "treni per pinerolo sempre in ritardo", "più piste ciclabili a Settimo", "case popolari", "", ""]
    groups = group_similar(texts)
    assert groups == [[0, 1, 2], [3, 4], [5], [6], [7], [8]]
    assert sorted(i for g in groups for i in g) == list(range(len(texts)))
    assert group_similar([]) == []


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "psm_data.matching", *args], input=stdin, text=True,
                          capture_output=True, cwd=ROOT, check=False, timeout=120)


def test_cli_reads_lines_and_writes_neutralised_csv() -> None:
    done = run_cli(stdin="la ciclabile per Chieri fino alla stazione\n\n=HYPERLINK(\"http://x\")\n")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["text", "need_1", "score_1", "need_2", "score_2", "need_3", "score_3"]
    assert rows[1][:2] == ["la ciclabile per Chieri fino alla stazione", "N3.3"]
    assert float(rows[1][2]) >= float(rows[1][4])
    assert rows[2] == [""] * 7  # a blank line keeps its row: output aligned with input
    assert rows[3][0] == "'=HYPERLINK(\"http://x\")"


def test_cli_file_column_choice_and_errors(tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text("id;zona;risposta libera\n1;5;più treni per Pinerolo\n2;7;\"=1+1; case popolari\"\n",
                       encoding="cp1252")
    out = tmp_path / "out.csv"
    done = run_cli("--file", str(answers), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "'risposta libera'" in done.stderr
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert frame["text"].tolist() == ["più treni per Pinerolo", "'=1+1; case popolari"]
    assert frame["need_1"].tolist()[0] == "N3.2"
    done = run_cli("--file", str(answers), "--column", "nope")
    assert done.returncode == 2
    assert "no column 'nope'" in done.stderr
    assert "Traceback" not in done.stderr
    done = run_cli("--file", str(tmp_path / "missing.csv"))
    assert done.returncode == 2
    assert "cannot read" in done.stderr
