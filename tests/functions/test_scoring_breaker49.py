"""Breaker 49: a fresh helper with the README and the issue (no rules of the scorer's; told which kinds of input session 46
touched), run on session 46's first code (a4c9547), wrote 121 cases (tests/functions/data/breaker49/findings.jsonl, its
expectation written before each run; 40 wrong at its run: 8 in the score, 12 in the reasons only, 20 in score and
reasons). Fixed in session 46 by family (FIXED): a story of the candidate's family (我老公在物流公司上班…他…, 我妹妹…她…),
one retold from someone's telling (这个是我表哥跟我讲的他的经历，我就照他的话说) or a named coworker's (我们店新来的小王…他…)
is not the candidate's own (g45 78.0, g02 79.8, g05 68.9, g47 64.6 → 35); a template of HR's terms whose deeds left each put
a number on a generic word, with a date, a place and a rate (g52 63.2 → 45); a mistake told without 错 (把红色的发成了蓝色的…
道了歉, 把积分输到别人的卡上了, 把外卖送到了隔壁小区) or a learning told without 学 (只会jQuery…把官方文档过了一遍，照着做了个…)
is no longer bounded as telling another situation (h14, h18, h54: 35–45 → 72–78). Every other case outside its expectation
is a strict xfail below.
"""
from __future__ import annotations

from breaker_findings import kept_outcome_test, load, outcome_tests

CASES = load("breaker49")

FIXED = ["g02", "g05", "g45", "g47", "g52", "h14", "h18", "h54",
         # session 47: stock phrase chains (zh, en), a return and a shortfall made good as results
         "g20", "g37", "h10", "h13", "h21"]
OPEN = {
    # honest answers under their range
    "h22": "把红色的发成了蓝色的…道了歉: no longer bounded (35 → 58.7), the model reads it just under 60",
    "h07": "a rider returns a customer's dropped phone: 39.5 → 55.0 (session 47: the return read as its result), the opening clauses with no subject not read as the candidate's",
    "h11": "helped an older woman pay through the shop's WiFi and taught her to switch: 51.5",
    "h15": "a forklift licence earned on day 12: 47.0, the licence not read as a result",
    "h17": "the wrong-table story, 57.3, its mistake quoted as the ending",
    "h23": "a terse but complete mistake answer: 25.6, told it says no deed",
    "h32": "a salesman talked a customer into a cheaper machine (saved 3,000), later referred a friend: 56.5",
    "h33": "a cook gets help with cutting and cooks for 20 in an hour (dialect): 35.7, read as vague",
    "h35": "English bakery, 150 cupcakes overnight, work split, delivered at 8: 59.5",
    "h42": "a rider delivers his roommate's three orders on time: 43.8",
    "h46": "h22 with 发错货了: 58.6",
    "h48": "h33 in Mandarin: 39.5",
    "h49": "a cook dropped one plate of prawns, redid it, sent the other 39 first: 56.5, told its result is vague",
    "h52": "a friend referred the customer: 53.3, told it has no result",
    "h57": "self-taught short videos brought the shop 30+ new customers: 38.3",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)

test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)
