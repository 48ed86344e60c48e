"""Breaker 42: a fresh helper with the README and the issue only, told what session 40 changed and asked to attack it
(92 cases in tests/functions/data/breaker42/findings.jsonl, its expectation written before each run; 69 right at its run).

Fixed after it (look-alikes in test_scoring_session40.py): telling a supervisor is no honesty by itself — blame put on a
colleague (跟主管说了是小李的错) and a lie (跟主管说了是快递公司弄丢的) were credited through the curated phrase 跟主管说; 诚信's
conduct phrases are now only owning the lapse (是我的错, 我自己的错, 我的失误, 补上, 还给) — and 诚实守信 and 诚实 take 诚信's
terms (they were told "没有直接说到与诚实守信相关的做法" of what 诚信负责 was credited for). Session 41 reads blame, lies,
hiding and goods taken home as counter-evidence (g22, g23, g28, g50, g53; test_scoring_honesty41.py).

Open (strict xfails): answers of invented figures or a bare outline of steps near the pass line, which the scale map lifts
over it (g39 59.7 → 63.5; g05 and g45 passed before the map, 63.8); short sentences of keywords at 35–40; padding ending in
a result; honest stories bounded as another question's situation.
"""
from __future__ import annotations

from breaker_findings import disputed_test, kept_outcome_test, load, outcome_tests

CASES = load("breaker42")

FIXED: list = ["g22", "g23", "g28", "g50", "g53",   # session 41 (test_scoring_honesty41.py)
              "h17"]    # session 44: a mistake asked in everyday words (犯了错误) is the mistake family (65.9)
OPEN = {
    "g05": "invented figures and rates (效率提高了百分之四十…): bounded at 45 as figures since session 41 (69.9 "
           "before), the helper expected 35 at most",
    "g07": "short sentences of keywords and 跟主管说了: 37.1",
    "g09": "short sentences of keywords: 39.1",
    "g10": "short sentences of keywords: 35.6",
    "g14": "short sentences of keywords, 我帮顾客解决了 quoted as a result: 38.4",
    "h11": "an honest story just under the pass line, a customer's act quoted as the candidate's: 59.2",
    "g32": "padding around a thin answer: 37.3",
    "g33": "padding ending in a fake result (一点没坏): 49.3",
    "g38": "invented figures in the first person: 37.5",
    "g39": "a bare outline of steps: bounded at 40 as an outline since session 41 (63.5 before), the helper "
           "expected 35 at most",
    "h25": "an honest story just under the pass line, 耐心 shown by listening calmly not read: 58.1",
    "h27": "an honest story, 耐心 not read: 54.4",
    "g45": "a glance and a birthday between the customer and the ending: 44.5 since session 41 (69.6 before), "
           "the helper expected 35 at most",
    "g46": "an attended party told in detail: 35.6 (bounded at 40)",
    "h31": "a restocking checklist proposed and approved, 60 → 40 minutes: bounded at 35 as far from the question",
    "h35": "an electronic member card proposed, queues 5 → 2 minutes: bounded at 45 as another question's situation",
    "g47": "a child's piano lessons as padding before 最后订单按时发完了: 48.6",
}
# honest strong stories scored above the helper's range (90.2–98.2): no defect of the score
DISPUTED = ["h01", "h02", "h12", "h32", "h34"]

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES, DISPUTED)


test_good_honest_stories_above_the_helpers_range_stay_scored_high = disputed_test(CASES, DISPUTED)
