"""Breaker 44: a fresh helper with the README and the issue only, told what sessions 42–43 changed and asked to attack it
(101 cases in tests/functions/data/breaker44/findings.jsonl, its expectation written before each run; 69 right at its
run, 32 wrong: 10 in the score, 9 in score and reasons, 12 in the reasons only, 1 in the status).

Fixed after it (look-alikes in test_scoring_session42.py): a step story told to a person by preposition (我先给收货的刘姐
打电话…) was capped at 35 as a coworker's story (h30, h33: 35.0 → 93); steps in HR's words alone after a real situation are
an outline (g23: 68.0 → 40), and so are steps after a thin situation that points at an occasion and a person (那天一个顾客
来投诉，我先倾听…: g56, 48.7 → 40); a curated pattern is never shown as its regex, and another's words (老板说是我订错了),
a protest (凭什么从我工资里扣) and a negation around it (又不是我订错了, 我自己赔不了) are no evidence (g35, g36); the
other side of a business (供应商, 厂家, 财务) acting is not the candidate's deed (g33); weather and flooding tell a sudden
situation (h23 was capped at 35 for telling none); a floor set on the model's scale is rounded (63.160000000000004); three
figure clauses with no specific deed are figures in place of deeds (上周三下午三点二十分，在人民路128号店，顾客王先生…出了问题，
我处理了，结果满意度100%: g47, 57.2 → 45).
"""
from __future__ import annotations

import re

import pytest

from breaker_findings import kept_outcome_test, load, outcome_tests, run

CASES = load("breaker44")

FIXED = ["g23", "g47", "g56", "h30", "h33"]
OPEN = {
    "g06": "a refusal of responsibility blaming the warehouse scored 0 as the contrary attitude; the helper expected 10–40",
    "g07": "a template owning a mistake in HR's words (承认错误，主动负责，认真改进，以后每次都仔细检查): 43.1",
    "g11": "a warehouse count story moved to a complaint question: bounded at 45, the helper expected 40 at most",
    "g21": "keyboard mash with HR's keywords inside (阿斯顿发送到发顾客…倾听到啊): 32.4, not sent to a person",
    "g32": "one sentence of a customer (顾客夸我们店装修好看) before a stock-count story: the customer family is told and "
           "the moved story passes (63.1)",
    "g34": "a customer who misread a price tag left embarrassed: 0.0 read as blame put on the customer",
    "g53": "a thin situation and deeds in HR's words without step words (核对了单据，上报了主管，负责到底): 52.6",
    "g55": "a thin but real shortfall story: 33.1, its 一百块 read as a number tied to nothing",
    "h05": "a northern-dialect (俺) concrete story: 48.5, its fix (俺给你再扛一袋) not read as problem solving",
    "h08": "a good angry-diner story: 68.5, 情绪控制 not read in 把声音放低、跟他说对不起、让他消消气",
    "h17": "an owned mistake with its fix and a lasting change: 53.6, told 没有说到最后的结果",
    "h23": "a flooded road on a delivery: the sudden situation is read since session 43, 35.0 by the competency gap "
           "(安全意识 not shown)",
    "h25": "a concrete refund of rotten oranges: 60.6, neither competency read",
    "h27": "a buyer's wrong address fixed by a call: 57.8, 打电话过去问 not read as communication",
    "h44": "a strong story of a pregnant customer helped: 62.4, 沟通表达 not read",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


def _reasons(r: dict) -> list[str]:
    return [reason for c in r["competencies"] for reason in c["reasons"]]


@pytest.mark.parametrize("case_id", ["g35", "g36"])
def test_a_disowned_lapse_is_never_evidence_and_no_regex_is_shown(case_id):
    r = run(CASES[case_id])
    assert r["status"] == "scored" and r["overall"] <= 25, r.get("overall")
    for reason in _reasons(r):
        assert not re.search(r"\\u|\[\^|\{\d|\(\?", reason), reason
        if reason.startswith("提到了与"):
            assert not any(said in reason for said in ("是我订错", "从我工资", "我自己赔")), reason


def test_the_other_side_acting_is_not_the_candidates_deed():
    r = run(CASES["g33"])       # 有次供应商开的发票抬头错了，财务发现了，供应商自己重新开了一张发票寄过来。
    assert not any("说了自己具体做了什么" in reason and "供应商" in reason for reason in _reasons(r)), _reasons(r)


@pytest.mark.parametrize("case_id", ["g43", "h38"])
def test_a_floored_score_is_rounded(case_id):
    r = run(CASES[case_id])
    assert r["status"] == "scored"
    assert r["overall"] == round(r["overall"], 1), r["overall"]
    assert all(c["score"] == round(c["score"], 1) for c in r["competencies"]), [c["score"] for c in r["competencies"]]


def test_a_flood_on_the_road_tells_a_sudden_situation():
    r = run(CASES["h23"])
    assert not any("突发情况" in reason and "没有讲到这种情况" in reason for reason in _reasons(r)), _reasons(r)
