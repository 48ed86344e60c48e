"""Breaker 36: a fresh helper with the README and the issue only, through the CLI (91 cases kept in
tests/functions/data/breaker36/findings.jsonl with the helper's own expectation, written before each run; 56 right).

Fixed in kind and kept here, with look-alikes written for them in test_scoring_session36.py: dates and clock times that
cannot exist in three languages (二月三十号晚上二十五点, 星期八的三十二点, 一个小时有七十分钟, the 31st of February at
26 o'clock, 2월 30일 25시: scoring/impossible_dates.py); a post held by a thing, a food or a body part (雾负责端菜,
可乐负责核对, 鼻子负责解释: gates._POST_ACTS); one act read with stage 2 of the nonsense reader at 0.9 or more in an
answer of 80 characters or more (a cloud phoning to book a room: model.NONSENSE_ONE_ACT_P); a separable verb split by
了 (麻辣烫也跟他道了歉: gates.joined_act) and jieba's status word on a food (麻辣烫/z); English body parts at work, a
rain that signs, receipts phoned (english_acts.BODY, WRITTEN); two honest stories capped at 35 as counter-evidence
(改用手写记录 read as tampering with records; 迟到 on a question that asks about lateness: contrary.asked_about); the
candidate's own post (我在一家宠物店当店员) and a customer's mother read as coworkers doing the work (agency._OWN_POST,
_KIN); a Korean verb's negation denying its subject (손님이 결제를 못 하고: text._KO_SUBJECT); a clock time helped like a
person (帮两点钟联系三点钟: one act, stage 2 0.97).
The rest stays open, each a strict xfail.
"""
from __future__ import annotations

from breaker_findings import disputed_test, kept_outcome_test, load, outcome_tests

CASES = load("breaker36")

FIXED = ["n04", "n12", "n13", "n15", "n16", "n20", "n22", "n38", "n39", "e03", "e04", "e05", "e06", "k05", "h11", "h22"]
OPEN = {
    "n05": "hands on sick leave and an ear helping (左手/m, 耳朵 帮忙): no act read, stage 2 0.01",
    "n07": "a typhoon on the night shift, told in a relative clause (负责夜班…的台风/ns): 69.4",
    "n09": "a dead man still delivering (我三年前就已经去世了，但是…每天坚持送外卖): 49.6",
    "n11": "a shadow on the night shift and feet quarrelling (影子替我上了夜班): stage 2 0.95, no act read",
    "n17": "a road that rolls up, phones and apologises (那条路…道歉): a place is no doer, 54.8",
    "n19": "five hundred tables served in a minute by one person among coworkers: 64.5",
    "n24": "a chair as the candidate's boss: one act (给椅子汇报), stage 2 0.53: 62.5",
    "n25": "the Yellow River collecting goods and signing (黄河/ns): a river's name may be a firm's, 67.1",
    "n27": "孙悟空 and 猪八戒 as customers: 57.2",
    "n28": "tables eating chairs as dishes: stage 2 0.88, no act read: 65.0",
    "n29": "a guest who left before arriving, the candidate phoning themselves: 60.8",
    "n32": "an octopus colleague and a 发财树 receptionist: 52.1",
    "n33": "the words 谢谢 and 对不起 walking out to apologise: 64.3",
    "n35": "mixed senses (闻了一下电话, 用眼睛尝了一下数量) and 分成零份: 71.0",
    "n37": "the candidate turned into a cat and back: two acts of one kind read (我变成一只猫, 变回人), stage 2 0.77: 59.6",
    "e02": "the number seven as a customer: one act, stage 2 0.63: 66.4",
    "k04": "a wall clock as a customer (벽시계가 손님으로): the Korean thing lists are closed, 68.0",
}
# honest stories scored above the helper's range (81.5, 87.5): the helper judged them no defect; kept as scored. h10 (a
# pet-shop complaint handled step by step, range 45-80) was capped at 50 for others' work when found, 73.0 once that was
# fixed, and 80.3 on the raters' anchored scale (session 40's scale map)
DISPUTED = ["h03", "h05", "h10"]

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES, DISPUTED)


test_good_honest_stories_above_the_helpers_range_stay_scored_high = disputed_test(CASES, DISPUTED)
