"""Breaker 34: a fresh helper with the README and the issue only, through the CLI (98 cases kept in
tests/functions/data/breaker34/findings.jsonl with the helper's own expectation, written before each run; 79 right).

Fixed in kind and kept here: a machine "on strike" or "throwing a fit" (烤箱罢工了, 油烟机罢工, 打印机抽风) is broken, as
everyday speech says it (text._BREAKDOWN_RE: the honest kitchen stories went to a person as nonsense, or were bounded at 35;
now 66.6–70); the sky's bodies counted like goods, told to work or doing anything but shine (四个星星帮我, 让云朵重新核对,
月亮贴错了库位码: gates._CELESTIAL) are impossible participants, and a story of them goes to a person (it scored 80.4 and
59.1, above the real strong stories). Session 35 fixed five more in kind: an animal told to do a worker's job
(让三只企鹅去切配), a count before the one phoned (给一条鲸鱼打电话), an iceberg served (端上桌), nature as a tool after a
glued 用 (菜用|彩虹炒); a time or an idea said to be a colour or a taste (时间是一种颜色: gates._category_errors); English
things and times spoken to or phoned and a customer "is a river" (english_acts addressed, is_a); and Korean acts that
cannot happen (scoring/korean_acts.py: 달에게 사과하고, 의자가 웃으면서 가셨어요, 화요일을 끓여서); HR's keywords each
given an empty definition (沟通是很重要的，安排是一种能力…: gates.definitions). The rest of what the
helper found wrong stays open, each as a strict xfail.
Every case the helper judged right must keep its outcome.
"""
from __future__ import annotations

from breaker_findings import kept_outcome_test, load, outcome_tests
from breaker_findings import run as run_case

from functions.analyze import pipeline

CASES = load("breaker34")


def run(case_id: str) -> dict:
    return run_case(CASES[case_id])


FIXED = ["h01", "h02", "h17", "h24", "n25", "n27", "n16", "n26", "n28", "n31", "e10", "n09",
         # session 40: a verb said apart (加了班) or with a preposition (跟大家一起加班) is a
         # deed, not a list of terms dropped from the story (features.term_list_clauses)
         "h27"]
OPEN = {
    "n18": "filler with a little content: scored 16.9",
    "n24": "four disconnected real sentences: scored 0.0 (low, not gated)",
    "h12": "a one-line refusal (这个问题我不想回答) goes to a person as too little content instead of scoring about 0",
    "h22": "油烟机罢工 now read as broken, but the story scores 33.8 (expected ≥ 35)",
    "h37": "a clear wrong-shipment story with cause and fix but no numbers: 25.8",
}


test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


def test_a_machine_on_strike_is_the_same_story_as_a_machine_broken():
    c = CASES["h01"]
    strike = run("h01")
    broken = pipeline.analyze_transcript(c["text"].replace("罢工了", "坏了"), c["question"], "zh")
    assert strike["status"] == broken["status"] == "scored"
    assert abs(strike["overall"] - broken["overall"]) <= 1, (strike["overall"], broken["overall"])


def test_a_workers_strike_is_not_a_machine_breaking():
    from functions.analyze.scoring import text

    assert text.normalise("烤箱罢工了", "zh") == "烤箱坏了"
    assert text.normalise("工人罢工了", "zh") == "工人罢工了"
    assert text.normalise("打印机那天又抽风了", "zh") == "打印机那天又抽风了"      # 那天 between: not read
    assert text.normalise("打印机又抽风了", "zh") == "打印机又坏了"                  # the recurrence kept
