"""Breaker 48: a fresh helper with the README and the issue (no rules of the scorer's), run on session 45's last code, wrote
132 cases (tests/functions/data/breaker48/findings.jsonl, its expectation written before each run; 50 wrong at its run: 6
in the score, 1 in the status — judged no defect in its report, the expectation revised —, 19 in the reasons only, 24 in
score and reasons). Fixed in session 46 by family (FIXED): a story of the candidate's friend, roommate or someone heard of
(我一个朋友在快递仓库上班…他把货…, 听说我们店以前有个服务员…她…, 제 친구가…, My friend works at…) is not the candidate's
own (g08 73.7, g55, g56, g70, g63 → 35); breaking traffic rules to get the job done is misconduct on any competency
(连闯了三个红灯，还逆行抄了近路: g51 68.5 → 25); a learning story answers a learning question wherever it happened (the
off-topic reader's "private life" bounded a barista's practice at the shop at 0: h49 → 63.7); a mistake sent to the wrong one
of a kind (把三号桌的单下到了五号桌) or causing the trouble (…推到了production，导致登录挂了) tells the mistake asked (h57 45 →
78.1); HR's terms listed as the deeds around a date and a place are figures in place of deeds (g65 56.8 → 45); questions
about the work's volume and tools (一天接待多少访客, 要会用什么软件) are about the work (h54, h62 39–49 →
71.1). Every other case outside its expectation is a strict xfail below.
"""
from __future__ import annotations

from breaker_findings import kept_outcome_test, load, outcome_tests

CASES = load("breaker48")

FIXED = ["g08", "g55", "g56", "g63", "g70", "g51", "h49", "h57", "h54", "h62",
         # HR's terms listed as the deeds, around a date and a place (answer.terms_around_figures): 56.8 → 45
         "g65"]
OPEN = {
    # honest answers still under their range (each moved by this session's families, but the model reads them 43–59)
    "h03": "dialect cashier, the old man's own money under the counter: no longer misconduct (掉…捡起来 is a food's), 35 → 43.7",
    "h39": "barista practised latte art at the shop: off-topic bound lifted (0 → 59.2), the model reads it just under 60",
    "h58": "h39 with 我自己出钱买: 0 → 57.1",
    "h40": "a shift quarrel resolved (吵了起来…之后再没吵过): owned, no longer counter-evidence, 35 → 57.6",
    "h50": "waiter's order sent to the wrong table (no 错 word): read as the mistake asked, 45 → 58.2",
    "h61": "barista learned to pull espresso: 47.0 → 50.7; the practice quoted as the result",
    "h11": "hairdresser fixing a too-short fringe: 54.5, 专业能力 finds no deed",
    "h23": "admin learned VLOOKUP from videos (two days to half a day): 56.5",
    "h24": "h23 with full-width ＥＸＣＥＬ: identical 56.5 (normalisation holds), the same under-60 score",
    "h28": "short honest motivation (near home, supermarket experience, wants a stable job): 39.5",
    "h29": "closing: only asks when the result comes: 7.4 (a question about the hiring, not the job)",
    "h30": "unpunctuated developer story (expired certificate, told ops, added an alert): 58.2",
    "h36": "English short card-declined help: 53.6",
    "h42": "thin own-deed rush story in HR's own keywords (安排大家分工…加班…按时发完): 16.2, below the same facts done by others",
    "h47": "h03 without 掉…捡起来: 46.2",
    "h48": "h40 reworded with 闹了点矛盾: 56.7",
    "h55": "dialect motivation (3 years' hairdressing, two stops away, read the reviews): 44.0",
    "h59": "h03 shortened: the reluctance detector reads the customer's accusation as the candidate's (0.61 ≥ 0.6), 0.0",
    "h60": "h50 with 下错了: 58.1",
    # gaming answers over their range
    "g67": "rude 爱吃不吃 told as solving: 33.7, over 30 (misconduct is capped at 35, not lower)",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)

test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)
