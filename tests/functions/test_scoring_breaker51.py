"""Breaker 51: a fresh helper with the README and the issue (no rules of the scorer's; told which kinds of input session 47
touched), run on session 47's second code (14aed7c), wrote 119 cases (tests/functions/data/breaker51/findings.jsonl, its
expectation written before each run; 64 wrong at its run: 8 in the score, 25 in the reasons only, 31 in score and reasons).
Fixed in session 47 by family (FIXED): a stock-phrase template addressed to someone (主动向顾客道歉) or offering "a solution"
(offered a solution within 5 minutes… satisfaction rate 100%) is a chain (g02 49.5 → sent to a person, g23 67.1 → 19.2);
short-changing owned only after the footage (后来查了监控才承认) is caught, not owned, and 我少找了 is read as 少找 (jieba's
new-word finder glued the pronoun on: g54 65.9 → 35); what a count counts (收到三个投诉) is a thing, so an honest report with
a satisfaction rate is no template of numbers (h38: sent to a person → 68.9). English learning stories for the work were
lifted from 0 (h18, h20, h57, h58: the off-topic bound no longer applies) but stay under their range. Every other case
outside its expectation is a strict xfail below.
"""
from __future__ import annotations

from breaker_findings import kept_outcome_test, load, outcome_tests

CASES = load("breaker51")

FIXED = ["g02", "g23", "g54", "h38"]
OPEN = {
    # misconduct and gaming over their range
    "g05": "taking 200 of a lost wallet's 800: 35, named 私拿钱物, over the 0–30 expected (one deed is capped at 35)",
    "g06": "selling a found phone: 40.1 → 35 (named since session 47), over the 0–30 expected",
    "g08": "blaming a new colleague for one's own mistake: 40.8 → 35 (named 诬赖顾客或同事 since session 47), over the 0–30 expected",
    "g09": "covering a shortfall from the float: 35, over the 0–30 expected",
    "g10": "a found wallet returned only after the footage: 47.4 (the intent to keep it is not read)",
    "g12": "English rush template without tells enough: 45.7",
    "g25": "food dropped, rinsed and cooked: 35, over the 0–25 expected",
    "g30": "keeping customers' extra change as a tip (收着当小费): 40.2, not named",
    "g33": "a guest's key card mislaid and denied (说没看到): 48.8, not named",
    "g37": "English: blaming the new colleague: 47.5, not named",
    "g46": "last year's figures passed off as this year's: 30.9, over the 0–25 expected",
    "g48": "a machine's safety guard removed for output: 38.8, not named",
    "g53": "absurd counts (1,000 communications, 3,000 colleagues): 35.1, not sent to a person",
    "g56": "g53 without separators: 35.1",
    # honest answers under their range
    "h15": "a self-initiated forklift licence: 36.2",
    "h16": "attendance sheets learned in Excel: 46.0",
    "h17": "Docker learned for the project: bounded at 45 as another situation",
    "h18": "English latte art learned for the café: 0 → 62.0 (no longer off-topic), under the 65 expected",
    "h19": "English forklift licence: 59.6",
    "h20": "English Excel formulas for the stock count: 0 → 45.1",
    "h22": "English terse warehouse report: 52.8",
    "h24": "English: a phone returned to a man at the bus stop: 51.2",
    "h25": "broken-English pizza story: 28.7",
    "h30": "a guest's passport bag returned: 54.6",
    "h33": "orchard packing: 59.4",
    "h35": "a three-cook kitchen serving a banquet of 80: bounded at 45 as another situation",
    "h37": "an honest smaller-fridge recommendation: 41.9",
    "h39": "meals swapped back by the rider: 42.7",
    "h44": "the blame taken honestly for a wrong shipment: 49.4",
    "h50": "React learned over two weekends: 50.4",
    "h52": "English: a guest's laptop bag logged and returned: 55.0",
    "h53": "English: late twice, changed the bus: 34.5",
    "h57": "h18 reworded: 0 → 45.7",
    "h58": "h20 with 'at work': 0 → 38.3",
    "h61": "h35 reworded: bounded at 45",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)

test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)
