"""Breaker 40: a fresh helper with the README and the issue only, told what session 39 changed and asked to attack it
(68 cases in tests/functions/data/breaker40/findings.jsonl, the helper's expectation written before each run; 32 right
at its run). Every fix of session 39 was present at its run; the verbal-tic handling held.

Fixed in kind after it (look-alikes in test_scoring_session39.py): deleting bad reviews and entering good ones called a
correction (删了差评的记录，重新录入了几条好评: 60.1) — a re-entry of praise is no correction, and deleting reviews,
complaints or camera footage is read on its own; a closing answer asking about the job in HR's very words (我想了解一下，
这个岗位的发展空间和培训机会) was gated as a keyword salad, and a dump of job terms or a request about something else (我家的
猫的发展空间) scored 60 as a specific question; an animal that comes somewhere to buy (一只狗来店里买东西) or pays with an
animal (用三条鱼付了钱, jieba's 鱼付) is read, so two such go to a person.

Open (strict xfails below): one impossible participant per answer (a parrot complaining, an elephant paying by trunk);
non-persons told as if people (跟桌子说，请椅子坐下) without an act a reader knows; honest stories about fish, pets and
corrections in plain words just under the pass line with reasons that deny their result or the competency's deeds; a
strong answer's finding quoted as its result (用慢查询日志找到…) over the number that follows (从3秒降到80毫秒).
"""
from __future__ import annotations

from breaker_findings import kept_outcome_test, load, outcome_tests

CASES = load("breaker40")

FIXED = ["g02", "h12", "g19", "g23", "g24", "n04", "n08", "n09", "h24",
         # session 40: in the helper's range on the anchored scale (scale map); 诚信负责 denied (h01, h02, h04) and the
         # result not read (h04, h07) stay open (test_scoring_session40.py)
         "h01", "h02", "h04", "h07", "h21"]
OPEN = {
    "g08": "tics and a template: lower than the helper's floor (3.8, range 10-50): stricter, harmless",
    "g12": "thin answer and a private story after 之后她: off-topic at 0 (range 10-45): stricter, harmless",
    "g13": "thin answer and a private story after 第二天他: 0 (range 10-45): stricter, harmless",
    "h10": "honest 请大爷坐 story just under the pass line (59.8, range 65-90)",
    "g15": "furniture as people (跟桌子说，请椅子坐下): 55.4, no reader of the act",
    "g17": "habitual list of behaviour phrases with no event (50.2, range 10-50)",
    "g18": "appliances as people (跟空调说, 请货架坐): 52.5",
    "g20": "closing: a question about hotpot and a cinema's hours read as about working hours (48.7, range 0-35)",
    "h15": "strong dev answer: the finding quoted as the result over 从3秒降到80毫秒 (60.6, range 70-95)",
    "g25": "template with a plain result: 8.7 (range 10-45): stricter, harmless",
    "h18": "honest pet-shop story: result (狗很放松, 办了卡) not read (53.1, range 65-90)",
    "h20": "honest fishmonger story: 两斤 called a number on nothing (39.6, range 55-85)",
    "h22": "honest story, fish bought and payment failed: result not read (49.5, range 55-85)",
    "n05": "a cat buys milk tea, pays with dried fish: one act read (39.1)",
    "n06": "a parrot complains: one impossible participant (52.4)",
    "n07": "an elephant pays by trunk, a giraffe complains: one act read (41.1)",
    "f03": "honest: money over returned to the customer, result not read (59.0, range 65-90)",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)
