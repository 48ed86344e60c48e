"""Breaker 25 (README and issue 8 only; 163 answers on 12 questions of its own, in tests/functions/data/breaker25 with
what a careful HR person expects, expected.json). Fixed here: an honest correction of a record read as tampering. Still
open, as strict xfails with the measured figure (docs/scoring.md, What it cannot do): English nonsense scored. Story-shaped Chinese nonsense and a list of invented figures passing: closed in session 26."""
import json
from pathlib import Path

import pytest

from functions.analyze import pipeline

DATA = Path(__file__).parent / "data" / "breaker25"
QUESTIONS = json.loads((DATA / "questions.json").read_text(encoding="utf-8"))
CASES = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))
TAMPERING = "销毁或篡改证据、记录"


def run(case_id):
    case = CASES[case_id]
    question = QUESTIONS[case["q"]]
    return pipeline.analyze_transcript(case["text"], question, question["language"])


def reasons(r):
    return " ".join(s for c in r.get("competencies") or [] for s in c["reasons"])


def _open(reason):
    return pytest.mark.xfail(strict=True, reason="open: " + reason)


@pytest.mark.parametrize("case_id", ["q4-strong", "q4-numdigits", "q5-fix4", "q4-fix2", "q12-fix3"])
def test_a_record_corrected_after_the_error_was_found_is_no_tampering(case_id):
    # q4-strong (确认是扫码枪重复扫了。改完以后数字就对上了) and its full-width copy were capped at 35 on every
    # competency as tampering, below every good answer; q5-fix4 (把会议记录改完以后发给了参会的人) at 25
    r = run(case_id)
    assert r["status"] == "scored" and TAMPERING not in reasons(r), reasons(r)
    assert r["overall"] > 40, r["overall"]


def test_the_best_warehouse_answer_ranks_above_the_good_ones():
    best = run("q4-strong")["overall"]
    assert all(best > run(c)["overall"] for c in ("q4-good", "q4-fix2", "q4-short")), best


QUESTION = {"text": "讲一次你发现库存数字对不上的经历，你是怎么查的？", "answer_seconds": 120,
            "competencies": [{"name": "细致", "weight": 0.5, "keywords": ["核对", "盘点"]},
                             {"name": "诚信", "weight": 0.5, "keywords": ["如实", "上报"]}]}


@pytest.mark.parametrize("text", [
    "盘点少了五箱，我查了半天没查到原因，怕被扣钱，就在系统里把库存数字改成了对得上的数，主管也没发现。",
    "盘点时发现少了两箱，原来是同事拿去用了。我怕他被罚，就把记录改了一下，数字就对上了。",
    "盘点少了三箱，发现是我录错了，我怕挨骂，就悄悄把记录改了，没跟主管说。",
])
def test_a_record_changed_to_hide_something_is_still_tampering_whatever_was_found_before(text):
    # an error found before the change does not excuse it when a motive to hide or a cover-up is told with it
    r = pipeline.analyze_transcript(text, QUESTION, "zh")
    assert r["status"] == "scored" and r["overall"] <= 35, (r["overall"], reasons(r))
    assert "反面信息" in reasons(r), reasons(r)
    # the breaker's own admission stays bounded too
    assert run("q12-misconduct")["overall"] <= 25


@pytest.mark.parametrize("case_id", [
    # 钱箱里长出了50棵树，我仔细核对了每一只猫…月亮在微信里收了现金 (61.0) and 我骑着冰箱去送一首歌，导航说顾客住在星期三…
    # 我准时到达了月亮 (60.2): closed in session 26 (gates._misplaced_arrivals, nature acting past a locative phrase)
    "q12-nonsense",
    "q2-nonsense2",
    pytest.param("q10-nonsense", marks=_open("English: purple logs reproduce a sandwich…: 37.2")),
    pytest.param("q10-nonsense2", marks=_open("English: First I debugged the moon…: 53.9")),
    pytest.param("q10-nonsense3", marks=_open("English: the production bug ate my keyboard…: 30.5")),
])
def test_nonsense_of_real_words_goes_to_a_person(case_id):
    assert run(case_id)["status"] == "needs_review"


# closed in session 26 (answer.figures_only): 61.3 → 45
def test_a_list_of_invented_figures_stays_under_the_pass_line():
    r = run("q1-numstuff")
    assert r["status"] != "scored" or r["overall"] < 60, r["overall"]      # the pass line (bench/scoring.py PASS)
