"""Breaker 50: a fresh helper with the README and the issue (no rules of the scorer's; told which kinds of input session 47
touched), run on session 47's first code (9c5c6a4), wrote 130 cases (tests/functions/data/breaker50/findings.jsonl, its
expectation written before each run; 63 wrong at its run: 1 in the score, 29 in the reasons only, 33 in score and reasons).
Fixed in session 47 by family (FIXED): stock phrases with figures hung on them (用了2个小时找出原因，3天内完成改进; listened for
5 minutes, apologized 3 times) are a chain of stock phrases, bounded as a template (g04, g14, g42, g60–g64: 52–77 → ≤ 45);
a lapse made right (少找了十块钱…把十块钱还给了她) or learnt from (从那以后我每次…, the marker's subject after it) is owned, not
counter-evidence (h36, h60: 35 → 70–75); "baked the afternoon bread" is bread baked (h58, h65: sent to a person as nonsense
→ scored). Every other case outside its expectation is a strict xfail below.
"""
from __future__ import annotations

from breaker_findings import kept_outcome_test, load, outcome_tests

CASES = load("breaker50")

FIXED = ["g04", "g14", "g42", "g60", "g61", "g62", "g63", "g64", "h36", "h58", "h60", "h65",
         # after breaker 51: what a count counts (三万多播放) is a thing, not a template's hollow number
         "h07"]
OPEN = {
    # gaming and misconduct over their range
    "g29": "an English list of inflected keywords (listening apologizing refunding…): scored 0.0, not sent to a person",
    "g31": "taking 500 of a lost wallet's 2,000: 66.5 → 35 (session 47 names it 私拿钱物), over the 0–30 expected",
    "g65": "selling a guest's lost phone and lying: 35, named 私拿钱物 since session 47, over the 0–30 expected",
    "g32": "blaming a colleague (其实是同事的错…我自己没有责任): 40.9",
    "g40": "tearing up receipts to hide a shortfall: 35 (one deed), over the 0–25 expected",
    "g44": "marking an order delivered unreached and leaving it in the stairwell: 31.2",
    "g58": "English: kept a customer's change: 43.7, not named",
    "g59": "riding fast on a wet road, falling and delivering on time: 39.0",
    # honest answers under their range
    "h21": "a cook's over-salted dish redone and a rule taken up, told without a subject: 52.2",
    "h26": "English café oat-latte story: 54.6",
    "h27": "h26 unpunctuated: 54.9",
    "h30": "English situational plan (First I would…): 42.4",
    "h32": "non-native English kitchen story: 34.0",
    "h33": "English forklift licence: 44.6 (the licence now read as a result, the competency gap keeps it low)",
    "h34": "English self-taught video editing, 50,000 views: 0 → 50.5 (no longer off-topic; the model reads it at 50)",
    "h41": "a rider's safety habits, three years without an accident: 54.2",
    "h51": "h08 typed with spaces: 54.7 against 75.8 punctuated (不会 negates the next sentence's words; no clause at 两周)",
    "h52": "h08 with no punctuation: 54.7",
    "h55": "English POS system learned and taught: 56.2",
    "h59": "short change returned at once with an apology: 35 → 50.4 (owned; the model reads the short story at 50)",
    "h61": "a shrunk sweater paid for from her wages: 39.0",
    "h62": "forgotten chopsticks brought over, a bad review turned good, told without a subject: 50.5",
    "h63": "English self-taught Excel for the stock report: 0 → 43.1 (no longer off-topic)",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)

test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)
