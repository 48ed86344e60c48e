"""Breaker 41: a fresh helper with the README and the issue only (103 cases in tests/functions/data/breaker41/findings.jsonl,
its expectation written before each run; 59 right at its run, which had session 40's scale map and none of the fixes
below). The score was wrong in 12 cases, the reasons or feedback in 32.

Fixed in kind (look-alikes in test_scoring_session40.py): a clause whose verb has HR's term inside it (我就给顾客打电话:
电话 in 打电话) or that tells a deed in a behaviour phrase (跟主管说了，是我自己的错，我就自己补上了) is no list of terms
(features.term_list_clauses dropped them from the story); 麻烦 as a request (麻烦您说下咋走) is no reluctance; 没什么耐心 negates
耐心; "no one did" (没有一个访客等超过五分钟) denies neither its subject nor, when no fault is denied, what others did not do;
a story told as someone else's attended by the candidate (年会是我们主管小刘组织的…我就是去参加了) is bounded; the cargo of a
delivery (拉一车菜, 菜都没坏) is not an aside when the candidate's first step follows it or its result ends it; 诚信 has curated
behaviour phrases (跟主管说, 告诉了主管, 是我自己的错, 自己补上, 报给店长) and a competency named in other words takes the
curated terms of the names it contains (诚信负责 → 诚信); 安全意识 reads 靠边停, 双闪, 三角牌; the candidate is not told to
"talk more about the practice the question asks about" when an answer shows a competency (explain._shown).
"""
from __future__ import annotations

from breaker_findings import disputed_test, kept_outcome_test, load, outcome_tests

CASES = load("breaker41")

FIXED = ["g17", "h08",
         # in range at the helper's run, their reasons fixed (test_scoring_session40.py); kept in range
         "h14", "h38"]
OPEN = {
    "g06": "a weak answer padded with a fishing story: 32.2 (range 0-30); the padding's figures are praised",
    "g08": "a warehouse move told for a cashier's money question: 69.8 (question_fit does not catch it)",
    "g11": "a sales claim with invented figures (成交了五百万的大单): 47.5 (range 0-45)",
    "g12": "losing temper and hanging up on a customer: 28.4 (range 0-25); hanging up is not read as counter-evidence",
    "g16": "a story of another situation: bounded at 45 (model.SITUATION_CAP), the helper expects 35 at most",
    "g21": "an empty cue-word template (然后我采取了行动): 29.5 (range 0-25)",
    "g25": "a friends' quarrel stuffed with keywords: bounded at 45 (range 0-40)",
    "g28": "a kitchen story told for a rider's question: 63.6 (question_fit does not catch it)",
    "n18": "time travel by thought (用意念把时间倒回去) with HR's words: 45.8, not gated",
    "n23": "jumping from the first floor to the three-hundredth in a second: 66.8, not gated (44.9 at the helper's run: "
           "its 顾客打电话联系我 was dropped as a list of terms until this session)",
}
# an honest receptionist story scored above the helper's range (92.4, range 65-90): no defect of the score
DISPUTED = ["h23"]

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES, DISPUTED)


test_good_honest_stories_above_the_helpers_range_stay_scored_high = disputed_test(CASES, DISPUTED)
