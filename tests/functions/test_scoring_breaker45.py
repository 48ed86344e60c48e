"""Breaker 45: a fresh helper with the README and the issue only, told the newest rules of sessions 42–43 and asked to
attack them with look-alikes both ways (84 cases in tests/functions/data/breaker45/findings.jsonl, its expectation
written before each run; 39 wrong at its run: 18 in the score, 11 in score and reasons, 7 in the reasons, 3 in the
status). Landed at the end of session 43 with one family fixed (FIXED); every other case outside its expectation is a
strict xfail below, for the next session to fix by family — outlines with 首先/其次/接着/最终 or numbers sprinkled in,
no-customer stories on the customer question that pass, honest mistake stories capped at 45 on the generically worded
讲一次你在工作中犯错的经历 (genericity below model.GENERIC_QUESTION), honest stories gated as nonsense (二十箱矿泉水订成了二十箱苏打水), 雇主 not read as someone served, delegation with 让.
"""
from __future__ import annotations

import pytest

from breaker_findings import kept_outcome_test, load, outcome_tests, run

CASES = load("breaker45")

# session 43: figures told with their verbs around one deed in everyday words alone (我处理了, 我把这事给搞定了, 我妥善跟进处理
# 完毕) are figures in place of deeds (answer.figures_only), 45 at most
FIXED = ["g06", "g07", "g08", "g22", "g38",
         # session 44: a mistake asked in everyday words (犯错的经历) is the mistake family, and a story telling a mistake
         # made is not read against other roles' questions (h16, h28, h29); a mix-up of two things of one kind (把二十箱
         # 矿泉水订成了二十箱苏打水) is an ordinary mistake to the nonsense readers (h10, h26, h27); a situation told in
         # a trade's words on a question of its scene is not "unrelated", and a work opening before the first step is
         # no holiday told aside (h19)
         "h10", "h16", "h19", "h26", "h27", "h28", "h29",
         # session 44: steps that name nothing of their own after a real first line are an outline, and so are steps
         # listed by 其次 or 第一步…第二步 and numbers of nothing (三个问题, 两件事): g04, g05, g20, g29, g37; the customer
         # family is not told by the candidate's own buying, the boss's satisfaction, 换了 alone or 客服 (g01, g02, g41),
         # and is told by 雇主 (h37)
         "g01", "g02", "g04", "g05", "g20", "g29", "g37", "g41", "h37",
         # session 44: figures around two deeds in everyday words (我全程负责跟进，按流程走完了) or one jieba cuts in two
         # (我都安排好了) are figures in place of deeds (g21, g39)
         "g21", "g39",
         # session 45: the mistake told in the family's words (是我当时没看清桌号… 弄混了) touches the question itself (h08);
         # the candidate named only as whose (我送的1单…洒了) or among those there (只有我和1个保安), a place (位于) and a tally
         # or the time left (一共跑了35单, 还剩8分钟) are no deeds: figures around 我处理了 / 我搞定了 alone (g27, g33)
         "h08", "g27", "g33"]
OPEN = {
    "g18": "candidate refused a return, customer left swearing and posted a bad review: 63.0 on a help-customer question; "
           "42.6 since session 45 (the bad review is the ending, no result), still over the helper's 0-40",
    "g36": "candidate only told 小王 to call; 小王 did all the work; scored 67.3 pass; reason quotes '我让小王给顾客打电话' as the deed (now 67.3)",
    "h09": "honest: 老板说不用我赔，但我还是坚持自己赔了 + 是我把…记错了 + remade and delivered scored 47.0; 诚信担当 reason says nothing relevant — the negation 不用我赔 seems to kill the ownin (now 47.0)",
    "h12": "honest parcel-station story helping an elderly resident (wrote steps on paper, she now picks up herself) scored 46.1; reason says no result (now 46.1)",
    "h31": "honest cook 年夜饭 rush (fifteen tables, steamer six fish at a time, all out by 7:20) scored 47.1; reason lists '刘先' as a name (小刘先把 mis-segmented) (now 47.1)",
    "h39": "honest 替/向/找 story (pregnant customer, got a wheel, delivered and fitted it) scored 54.8, below the pass line; reason quotes '我替她向厂家申请了补发配件' as the re (now 54.8)",
}
# keyword outlines the helper expected to score low that go to a person instead (the product's rule)
GATED = ["g28", "g34"]

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


@pytest.mark.parametrize("case_id", GATED)
def test_gaming_answers_sent_to_a_person_are_never_scored_high(case_id):
    r = run(CASES[case_id])
    assert r["status"] == "needs_review" or r["overall"] <= 40, (r["status"], r["overall"])
