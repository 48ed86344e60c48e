"""Breaker 43: a fresh helper with the README and the issue only, told what session 41 changed and asked to attack it
(87 cases in tests/functions/data/breaker43/findings.jsonl, its expectation written before each run; 53 right at its run,
14 wrong in the score, 15 in the reasons only, 5 sent to a person where a low score was expected).

Fixed after it (look-alikes in test_scoring_session41.py and test_scoring_honesty41.py): a bare outline of steps after
a made-up date and place (去年三月五号在万达店，我先跟她道歉，再给她解释… 78.0; 上周六晚上在二楼包间… 69.7) is an outline (the
setting tells no event); blame put on a colleague to the supervisor, the colleague punished and the speaker spared (领导
扣了他的绩效，后来我这边就没事了: 63.2, 61.5) is counter-evidence, and so is a hang-up covered by a made-up reason (主管问我，
我说电话没打进来: 35.0 → 25.0), and a retort about the food told to a guest (我跟他说我们的菜一直就是这个味道，爱吃不吃: 36.5
→ 32.2; the clause naming 菜 of the question's 菜品 is no meal told aside); telling the interviewer what the answer is about (我先说一下
那天的情况) is no deed and no first step, so the situation after it is no result.
"""
from __future__ import annotations

import pytest

from breaker_findings import disputed_test, kept_outcome_test, load, outcome_tests, run, within

CASES = load("breaker43")

# (sessions 42–43 fixed g37, h14, h22 and h24: look-alikes in test_scoring_session42.py)
FIXED = ["g18", "g22", "g37", "g43", "g46", "g52", "g53", "g54", "h14", "h22", "h24"]
OPEN = {
    "g21": "money pocketed and not found out: bounded at 35 as counter-evidence (32.5), the helper expected 30 at most",
    "h20": "a good story opening with 我记得那天是中秋节前一天: 55.7, between 合格 and 良好 (its customer is kept since "
           "session 42, its result 他走前说谢谢我耐心 is not read as one)",
}
# the helper's expectation disputed by the raters' labels: a closing answer asking only about the job's terms
# (probation, night-shift pay, the dorm) is rated 2–2.5 of 5 in the labelled sets, which 37.1 reads as
DISPUTED_CLOSING = ["h28"]
# gaming answers the helper expected to score low that go to a person instead (the product's rule: what cannot be judged
# goes to a person) — an outline told only in HR's words, figures and rates, glances with a rate, a confession the
# nonsense reader took for dream talk (its reason is wrong: kept open in the docs)
GATED = ["g26", "g35", "g40", "g45", "g48"]
# the helper's own expectation was wrong: a mis-shipment story told to an urgent-order question is another situation
HELPER_WRONG = ["h18"]

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


@pytest.mark.parametrize("case_id", GATED)
def test_gaming_answers_sent_to_a_person_are_never_scored_high(case_id):
    r = run(CASES[case_id])
    assert r["status"] == "needs_review" or within(CASES[case_id]["expected"], r), (r["status"], r["overall"])


@pytest.mark.parametrize("case_id", HELPER_WRONG)
def test_a_story_of_another_situation_stays_bounded(case_id):
    r = run(CASES[case_id])
    assert r["status"] == "scored" and r["overall"] <= 45, r["overall"]


def _reasons(r: dict) -> list[str]:
    return [reason for c in r["competencies"] for reason in c["reasons"]]


@pytest.mark.parametrize("case_id", ["h30", "h32"])
def test_telling_the_interviewer_what_the_answer_is_about_is_no_deed(case_id):
    r = run(CASES[case_id])
    assert not any("我先说" in reason for reason in _reasons(r)), _reasons(r)
    assert not any("那天晚上九点多" in reason and "结果" in reason for reason in _reasons(r)), _reasons(r)


def test_a_step_before_the_ending_is_not_quoted_as_the_result():
    r = run(CASES["g03"])       # 然后帮她换货，最后她满意地走了
    assert not any("换货" in reason and "结果" in reason for reason in _reasons(r)), _reasons(r)
    assert any("最后她满意地走了" in reason for reason in _reasons(r)), _reasons(r)


@pytest.mark.xfail(strict=True, reason="open: the situation or a step is quoted as the result when the outcome reader "
                   "counts it (第二天穿就在腋下开了一道三厘米的线, 我当天下单安排了快递)")
@pytest.mark.parametrize("case_id, not_result", [("h02", "开了一道"), ("h13", "安排了快递")])
def test_the_result_quoted_is_the_ending(case_id, not_result):
    r = run(CASES[case_id])
    assert not any(not_result in reason and "结果" in reason for reason in _reasons(r)), _reasons(r)


_ = disputed_test      # (no honest story of this breaker was scored above its range)


@pytest.mark.parametrize("case_id", DISPUTED_CLOSING)
def test_a_closing_answer_asking_only_about_terms_is_scored_as_rated(case_id):
    r = run(CASES[case_id])
    assert r["status"] == "scored" and 25 <= r["overall"] < 60, (r["status"], r.get("overall"))
    # … and it is given no story advice
    assert not any("经历" in s for s in r["feedback"]["suggestions"]), r["feedback"]
