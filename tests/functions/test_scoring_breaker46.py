"""Breaker 46: a fresh helper with the README and the issue, told session 44's rules, attacked them with look-alikes both
ways (78 cases in tests/functions/data/breaker46/findings.jsonl, its expectation written before each run; 37 wrong at its
run: 20 in the reasons only, 13 in score and reasons, 3 in the score, 1 in the status). Fixed in session 44 by family
(FIXED): reports in a form's words around figures (第一时间上报，积极配合处理，按规定完成了整改; three deeds in everyday
words) are figures in place of deeds. Every other case outside its expectation is a strict xfail below; its reason-only findings (the work opening
or the mistake itself quoted as the deed, a deed quoted as the result) are listed in docs/scoring.md, What it cannot do.
"""
from __future__ import annotations

import pytest

from breaker_findings import kept_outcome_test, load, outcome_tests, run

CASES = load("breaker46")

FIXED = ["g15", "g41", "g42"]
OPEN = {
    "g01": "把拿铁打成了一头大象 ridden back to the shop: scored 35, neither gated nor read as a mix-up (its transformation is "
           "into another kind of thing)",
    "g19": "第一步是承认，第二步是道歉…: an outline told with 是, no verb of its own, 46.2 (not read as steps: 是 opens them)",
    "g43": "figures + 我都安排好了，全程负责跟进，按流程走完了 on the kitchen question 69.2: 没有一桌投诉 (a count in the result) is "
           "read as one of the candidate's deeds, so the deeds are not all in everyday words",
    # honest mistake stories whose remake, free dish or goods sent over no reader knows (解决问题 says no deed): adding 重做,
    # 免单, 送过去… to its curated behaviours lifted h13, h14, h30, h35 over 60, and lowered strong stories of the same
    # questions' other competencies by 3–10 points through the competency gap (a story rated 5.0: 79.8 → 72.4) — reverted
    "h01": "honest milk-tea mistake (二十杯少糖做成了全糖, 这事怪我, remade and delivered) 58.5, its result (没给差评) not read",
    "h04": "honest driver who bent a railing and paid 800 himself: 57.4, its result not read",
    "h11": "spoken mix-up (冰的做成了热的) read as a mix-up now (no longer capped as another question) but 47.0: its remake and "
           "paying for the wrong cup read thin",
    "h13": "price misread (三百九十九看成了二百九十九), 这事怪我, paid from own wage: 58.2, 'no result'",
    "h14": "traditional-script 微辣寫成了特辣, owned, remade, dish free: 49.5 (重做, 免单 are no 解决问题 deed to the readers)",
    "h30": "simplified twin of h14: 49.5",
    "h35": "kitchen mix-up (宫保鸡丁配成了鱼香肉丝), 是我配错的, re-prepped in five minutes: 43.7",
    "h18": "short real exchange (checked the receipt, swapped the shoes): 38.8",
    "h20": "pharmacy: found the old man's prescription photo, explained the dose: 38.2, reasons say one step only",
    "h31": "h11 without fillers: 47.0",
    "h34": "a customer's takeaway cleared as rubbish (当成了垃圾 — no mix-up of one kind), owned and remade: 52.6",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)

test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


@pytest.mark.parametrize("case_id", ["g09", "g40"])
def test_a_mix_up_into_another_kind_of_thing_still_goes_to_a_person(case_id):
    # 六寸蛋糕写成了一辆自行车, 二十箱矿泉水订成了二十箱月亮: no mix-up of one kind, the nonsense gate reads them
    assert run(CASES[case_id])["status"] == "needs_review"
