"""Breaker 46: a fresh helper with the README and the issue, told session 44's rules, attacked them with look-alikes both
ways (78 cases in tests/functions/data/breaker46/findings.jsonl, its expectation written before each run; 37 wrong at its
run: 20 in the reasons only, 13 in score and reasons, 3 in the score, 1 in the status). Fixed in session 44 by family
(FIXED): reports in a form's words around figures (第一时间上报，积极配合处理，按规定完成了整改; three deeds in everyday
words) are figures in place of deeds. Fixed in session 45: honest mistake stories whose mistake, told in the family's
narrow words, touches the question, and whose result is a complaint that did not come or a customer's 没事 (h11, h13, h14,
h30, h31, h34); the work opening and the lapse itself are no longer quoted as the deed (test_scoring_session45.py). Every
other case outside its expectation is a strict xfail below; its other reason-only findings (a deed or the problem quoted as
the result) are listed in docs/scoring.md, What it cannot do.
"""
from __future__ import annotations

import pytest

from breaker_findings import kept_outcome_test, load, outcome_tests, run

CASES = load("breaker46")

FIXED = ["g15", "g41", "g42",
         # session 45: the mistake told in the family's words touches the question; 没给差评, 说没事 are results
         "h11", "h13", "h14", "h30", "h31", "h34",
         # session 46: a lapse is never the result (做成了全糖 no longer stands for it); the asked mistake told keeps its
         # clauses from being read as an aside by meaning (h35's dish names); 五分钟就上了 is a result, 后来…都会 a lesson
         "h01", "h35"]
OPEN = {
    "g01": "把拿铁打成了一头大象 ridden back to the shop: scored 35, neither gated nor read as a mix-up (its transformation is "
           "into another kind of thing)",
    "g19": "第一步是承认，第二步是道歉…: an outline told with 是, no verb of its own, 46.2 (not read as steps: 是 opens them)",
    "g43": "figures + 我都安排好了，全程负责跟进，按流程走完了 on the kitchen question 69.2: 没有一桌投诉 (a count in the result) is "
           "read as one of the candidate's deeds, so the deeds are not all in everyday words",
    # honest mistake stories still under the line after session 45 (their mistake clause now touches the question): the
    # wording model reads them 0.55–0.59, and 解决问题 finds no deed in 重做, 送过去 (adding them to its curated behaviours
    # lowered strong stories of other questions through the competency gap — session 44, reverted)
    "h04": "honest driver who bent a railing and paid 800 himself: 57.4, its result not read",
    "h18": "short real exchange (checked the receipt, swapped the shoes): 38.8",
    "h20": "pharmacy: found the old man's prescription photo, explained the dose: 38.2, reasons say one step only",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)

test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


@pytest.mark.parametrize("case_id", ["g09", "g40"])
def test_a_mix_up_into_another_kind_of_thing_still_goes_to_a_person(case_id):
    # 六寸蛋糕写成了一辆自行车, 二十箱矿泉水订成了二十箱月亮: no mix-up of one kind, the nonsense gate reads them
    assert run(CASES[case_id])["status"] == "needs_review"
