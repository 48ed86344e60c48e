"""Breaker 47: a fresh helper with the README and the issue, told session 45's rules, attacked them with look-alikes both
ways (84 cases in tests/functions/data/breaker47/findings.jsonl, its expectation written before each run; 31 wrong at its
run: 6 in the score, 1 in the status, 18 in the reasons only, 6 in score and reasons). Fixed in session 45 by family
(FIXED): the story's clock (还剩8分钟, 可能晚3分钟, 提前了一分钟) beside deeds of the candidate's own is no number template
(h13); figures around one generic deed stay figures when the ending, the events that came, the task set, a time alone, the
things done or the mistake told were read as the candidate's deeds (g15, g36, g47). Reason findings fixed are kept in
test_scoring_session45.py. Every other case outside its expectation is a strict xfail below.
"""
from __future__ import annotations

from breaker_findings import kept_outcome_test, load, outcome_tests

CASES = load("breaker47")

FIXED = ["h13", "g15", "g36", "g47",
         # session 46: 拖 of a floor and 忘了 before a deed are no reluctance (a cleaner's owned lapse read as unwilling twice)
         "h37"]
OPEN = {
    # the candidate only among those there, then the task done with no doer named: no deed of anyone's is read, and the
    # model rates the figures and the ending (a bound for stories with no deed read would cap honest stories rated 4 whose
    # deeds the reader misses: 4 of the 32 honest story answers with no action read, over data and sets a–y)
    "g13": "当时值班的只有我和1个保安，订单有三百箱，第二天上午十点前都发走了: no deed at all, 79.5",
    "g46": "当时仓库只有我和2个同事，三百箱订单，第二天十点前全部发走了: 62.1",
    "g38": "among those there + 来了200箱货 + 还剩3个小时 + 最后都按时发完了: 46.4, just over 45",
    # honest answers under their range
    "h05": "a four-sentence mistake story (card number mistyped, apologised, redid, customer said fine): 46.2",
    "h17": "short concrete cashier story (taught an old man to link his bank card and pay): 24.2, deeds not read",
    "h25": "phone seller, wrong invoice title reissued, the customer bought five more: 57.5",
    "h26": "dialect 俺 for 我 (俺那回给客人染头): 41.4, 俺 not read as the candidate",
    "h27": "barista code-switching (oat milk): 58.2",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)

test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)
