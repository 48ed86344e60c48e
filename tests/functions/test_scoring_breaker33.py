"""Breaker 33: a fresh helper with the README and the issue only, through the CLI (96 cases kept in
tests/functions/data/breaker33/findings.jsonl with the helper's own expectation, written before each run).

Fixed in kind and kept here: a category's focus told in a workshop's own words (毛刺, 厚了零点二毫米, 挑出来六十几个不行的)
is the quality problem asked about; Chinese with a space between every character is read as words (text.join_spaced);
a complaint told as a job found undone (没擦干净); a kitchen rush in English words (lunch peak, prep) and a stall's
overcharge in Cantonese (收多咗…行咗…還返俾佢) are on the question. The rest of what the helper found wrong stays open,
each as a strict xfail with the figure it had. Every case the helper judged right must stay right.
"""
from __future__ import annotations

import pytest
from breaker_findings import load, outcome_tests, within
from breaker_findings import run as run_case

from functions.analyze import pipeline

CASES = load("breaker33")


def run(case_id: str) -> dict:
    return run_case(CASES[case_id])


FIXED = ["shop-spaced-chars", "cleaning-strong", "kitchen-codeswitch", "stall-cantonese",
         # session 34: a sow's birth told short (十一头活了十头: lives counted as the result), a gift and a check going on
         # from the refund (又送她一瓶，下架查了一排), a customer called "a lady" and a tip as the result, English things and
         # the work's abstractions acting (the refund sings, the result apologises), a Korean template with nothing specific
         "farm-short-strong", "shop-short-strong", "en-short-punct", "en-nonsense", "ko-template",
         # session 40: on the raters' anchored scale (default-9's scale map) the story reads 61.6
         "workshop-strong",
         # session 47: giving back what was the customer's (我追上去还给她) is the story's result
         "stall-short-honest"]
OPEN = {
    "workshop-strong-digits": "the same with Arabic digits: 56.8, 59.0 since session 43",
    "farm-someone-else": "an uncle's story after 我没遇到过: 32.0 (expected ≤ 30)",
    "farm-other-trouble": "a wage quarrel on a 动物生病或者天气突变 question (two situations: no focus): 40.4",
    "shop-claims-numbers": "claims of hundreds of complaints handled, no event: 48.0",
    "delivery-sichuan": "a Sichuanese spilled-soup story: 56.8",
    "delivery-short-honest": "a 20-character honest story: 32.5",
    "en-short-lower": "a short English story, lower case, no punctuation: 21.7, since session 34 44.0",
    "driver-unrelated": "a driving-test anecdote on a delivery-trouble question: 32.0 (expected ≤ 30)",
    "workshop-strong-saysquality": "the workshop story with 产品有质量问题 added: 56.2, 58.2 since session 43 (expected ≥ 60)",
    "workshop-watched-boss": "the team leader's story, the candidate watching: 40.0 (expected ≤ 35)",
}


test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


@pytest.mark.parametrize("case_id", sorted(k for k, c in CASES.items() if not c["wrong"]))
def test_what_the_helper_found_right_stays_right(case_id):
    r = run(case_id)
    assert within(CASES[case_id]["expected"], r), (r["status"], r["overall"], CASES[case_id]["expected"])


@pytest.mark.parametrize("case_id", ["workshop-strong", "workshop-strong-digits"])
def test_a_defect_told_in_the_workshops_words_is_the_quality_problem_asked(case_id):
    r = run(case_id)
    said = " ".join(s for c in r["competencies"] for s in c["reasons"])
    assert r["overall"] >= 50 and "这道题问的是遇到" not in said, (r["overall"], said)


def test_spaced_characters_score_as_the_same_story_written_normally():
    spaced = run("shop-spaced-chars")
    plain = pipeline.analyze_transcript(CASES["shop-spaced-chars"]["text"].replace(" ", ""),
                                        CASES["shop-spaced-chars"]["question"], "zh")
    assert abs(spaced["overall"] - plain["overall"]) <= 5, (spaced["overall"], plain["overall"])


def test_spaces_between_words_and_pauses_stay():
    from functions.analyze.scoring import text

    assert text.normalise("有 个 阿 姨 拿 着 一 件 毛 衣", "zh") == "有个阿姨拿着一件毛衣"
    assert text.normalise("有回母猪半夜难产 我戴上手套帮它把小猪掏出来 十一头活了十头", "zh") == \
        "有回母猪半夜难产 我戴上手套帮它把小猪掏出来 十一头活了十头"
    assert text.normalise("我 先 把 货 分成 三批", "zh") == "我 先 把 货 分成 三批"     # words, not characters


@pytest.mark.parametrize("case_id", ["stall-short-honest", "delivery-short-honest"])
def test_a_single_step_said_is_quoted_never_denied(case_id):
    """Session 34: one step counted is little, but it was said (我追上去还给她): the reason quotes it instead of
    telling HR 没有说清自己具体做了什么."""
    r = run(case_id)
    said = [s for c in r["competencies"] for s in c["reasons"]]
    assert not any("没有说清自己具体做了什么" in s for s in said), said
