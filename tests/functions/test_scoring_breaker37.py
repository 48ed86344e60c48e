"""Breaker 37: a fresh helper with the README and the issue only, through the CLI, after session 36's first commits (91
cases kept in tests/functions/data/breaker37/findings.jsonl with the helper's own expectation, written before each run; 47
right). No honest answer went to a person; 19 honest stories were scored below the helper's range and 24 nonsense answers
were scored.

Fixed in kind and kept here, with look-alikes in test_scoring_session36.py: counts and money below nothing and a task
done in no time (投诉了负三次, 退了负五十块钱, 用了零秒: impossible_dates), a span said to hold more without 有 (一天三十个
小时); a complaint told as a short weight or a return (秤不准，少给他二两肉; 跑毛…要退: focus, no longer bounded at 35); a
customer's phone kept safe for its owner is no misconduct (contrary._kept_safe); a bad review not given is no loss
(没给差评: quotes._NOT_LOSS_ZH). The rest stays open, each a strict xfail: most honest ones are plain stories scored
35–55 whose reasons deny a result the answer states (客人后来说我们态度挺好的, She laughed about it and still comes in),
quote a non-action as what the candidate did (我送外卖的) or read a second competency low; the nonsense ones are
participants no reader knows (秦始皇 as a customer, a penguin buying cigarettes, a river as a coworker, a baby as store
manager), impossible capacities (三百箱货叠进了一个鞋盒里), contradictions (凉的火锅要烧开, 同一秒在北京和广州) and
transformations (拿铁打成了一头大象, 克隆了十个自己).
"""
from __future__ import annotations

from breaker_findings import disputed_test, kept_outcome_test, load, outcome_tests

CASES = load("breaker37")

FIXED = ["n14", "n19", "h54",
         "n22", "h35",
         # session 40: in the helper's range on the anchored scale (scale map); h23's missing result stays open (test_scoring_session40.py)
         "h23", "h46"]    # session 39: two impossible participants gate; a story going on after 后来他… is no padding
OPEN = {
    "h03": "honest: 24小时营业, 凌晨三点, 眼睛一直盯着, 值夜班 (expected 55-90, got 48.2)",
    "h09": "honest: delivery + rain weather (expected 55-90, got 52.4)",
    "h16": "honest: butcher shop, colloquial 二两 (expected 55-90, got 35.0)",
    "h17": "honest: dialect 俺 咋 (expected 50-85, got 34.6)",
    "h18": "honest: 被 passive accusation, short (expected 50-85, got 44.4)",
    "n04": "impossible quantities/space: 300 boxes in shoebox; person in (expected person, got 61.5)",
    "n06": "causal absurdity: rider departed before customer's birth; su (expected person, got 46.7)",
    "n07": "rhetorical question + shrinking customers as fact (expected person, got 35.0)",
    "n08": "quoted dialogue, 星期八, eats bowl leaves noodles (expected person, got 39.8)",
    "n10": "contradiction: negative lateness, arriving one week early da (expected person, got 61.2)",
    "n11": "impossible transformation: latte→elephant via 打错单 (expected person, got 53.8)",
    "n12": "impossible participant: coworker is a river (expected person, got 55.9)",
    "h24": "honest: 被做咸了 passive (expected 50-85, got 39.7)",
    "h29": "honest: robot waiter that calls out, 被它吓到 (expected 55-90, got 48.1)",
    "h30": "honest: driver admits wrong address (expected 55-90, got 51.1)",
    "h31": "honest: warehouse move with counts (expected 55-90, got 48.1)",
    "n13": "impossible participant: historical emperor as customer, revi (expected person, got 83.9)",
    "n15": "logical contradiction: never worked / 5 years manager; both  (expected person, got 35.0)",
    "n17": "relative clause: newborn as store manager (expected person, got 45.6)",
    "n20": "contradictory requirements treated as satisfied (expected person, got 47.8)",
    "n23": "impossible transport: carry restaurant Beijing→Shanghai on f (expected person, got 59.5)",
    "n24": "tense contradiction and self-overtaking (expected person, got 0.0)",
    "h34": "honest: works at 海底捞 (n21 flagged '在海底' as impossible) (expected 55-90, got 51.9)",
    "h36": "honest: apologising to a pet (n02 flagged '给它道歉') (expected 55-90, got 51.6)",
    "h38": "honest: 24-hour clock 十七点 二十四点 二十三点五十九分 (expected 55-90, got 48.4)",
    "h42": "honest: phone shop, 被推来推去 (expected 55-90, got 51.3)",
    "h43": "honest en: 11:45 pm, hands were full (expected 60-90, got 54.7)",
    "h47": "honest en: shop cat (expected 55-90, got 48.5)",
    "e02": "en nonsense: impossible participant parking lot, -400% (expected person, got 62.1)",
    "e04": "en nonsense: Q&A form, time paradox (expected person, got 15.0)",
    "e05": "en nonsense: contradictions in relative clause (expected person, got 65.5)",
    "k03": "ko nonsense: anger frozen, 1000 customers/hour alone simulta (expected person, got 73.0)",
    "k04": "ko nonsense: signboard complains, customer becomes signboard (expected person, got 56.1)",
    "n25": "nonsense: dry water, buying 2 jin of air (expected person, got 68.2)",
    "n26": "nonsense: cook clones himself and merges (expected person, got 65.5)",
    "n27": "nonsense: bilocation, two people praised as three (expected person, got 63.1)",
}
# a strong story scored above the helper's range (93.0): the helper judged it no defect; kept as scored high
DISPUTED = ["h19"]

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


test_good_honest_stories_above_the_helpers_range_stay_scored_high = disputed_test(CASES, DISPUTED)
