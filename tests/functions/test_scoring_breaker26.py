"""Breaker 26 (README and issue 8 only; 158 answers on 13 questions of its own, in tests/functions/data/breaker26 with
what a careful HR person expects and its report, results.md). Fixed in session 26 (families in
test_scoring_session26.py): a conflict question misread as a disagreement, English and Korean number templates and
English garden nonsense scored, counter-evidence and negation read from someone met, false loss, name, garble and
ending reasons. Still open, as strict xfails with the measured figure (docs/scoring.md, What it cannot do)."""
import json
from pathlib import Path

import pytest

from functions.analyze import pipeline

DATA = Path(__file__).parent / "data" / "breaker26"
QUESTIONS = json.loads((DATA / "questions.json").read_text(encoding="utf-8"))
CASES = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))


def run(case_id):
    case = CASES[case_id]
    q = QUESTIONS[case["qid"]]
    return pipeline.analyze_transcript(case["text"], q["question"], q["language"])


def _open(reason):
    return pytest.mark.xfail(strict=True, reason="open: " + reason)


@pytest.mark.parametrize("case_id", ["tc-strong", "tc-short", "tc-fw", "tc2-strong", "tc2-short", "tc-result-neg"])
def test_a_conflict_question_answered_by_the_fight_and_its_mediation_passes(case_id):
    # were 35.0 each: "这道题问的是遇到‘和别人意见不一致’的经历，回答没有讲到这种情况"
    r = run(case_id)
    assert r["status"] == "scored" and r["overall"] >= 60, r["overall"]


def test_the_best_conflict_answer_ranks_above_the_good_one():
    assert run("tc-strong")["overall"] > run("tc-good")["overall"]


@pytest.mark.parametrize("case_id", ["ls-tplnum", "ls-tplnum2", "ld-tplnum", "ls-nonsense", "ls-slide"])
def test_english_and_korean_gaming_goes_to_a_person(case_id):
    # were 61.6, 67.5, 51.4, 75.8 and 65.5
    assert run(case_id)["status"] == "needs_review"


@pytest.mark.parametrize("case_id", [
    pytest.param("ld-nonsense", marks=_open("Korean has no reader of impossible acts: 세탁기가 고객님께 사과하고 달나라로… 53.8")),
    pytest.param("ld-dream", marks=_open("Korean dream-like nonsense: 40.1")),
])
def test_korean_nonsense_goes_to_a_person(case_id):
    assert run(case_id)["status"] == "needs_review"


@pytest.mark.parametrize("case_id", [
    pytest.param("ph-otherjob", marks=_open("a fitness story on a photo-studio question: 88.7")),
    pytest.param("hk-otherjob", marks=_open("an electrician's story on a housekeeping question: 83.8")),
    pytest.param("ft-otherjob", marks=_open("a bookkeeper's story on a fitness question: 82.8")),
])
def test_a_story_from_another_job_stays_under_the_pass_line(case_id):
    assert run(case_id)["overall"] < 60


@pytest.mark.parametrize("case_id", [
    "ft-short",     # 第六周他拉了五个: 41.8 below the vague good answer's 50.0 until session 33 (goes_on_from)
])
def test_a_short_strong_answer_ranks_above_the_good_one(case_id):
    assert run(case_id)["overall"] > run(case_id.replace("short", "good"))["overall"]
