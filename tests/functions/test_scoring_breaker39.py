"""Breaker 39: a fresh helper with the README and the issue only, through the CLI path, at the start of session 39 (126
cases kept in tests/functions/data/breaker39/findings.jsonl with the helper's own expectation, written before each run;
82 right). Every gate held: keyword lists and salads, filler, parroting, repetition, nonsense, zero-width and
traditional-script variants, other languages both ways; feedback never printed HR's keywords or "STAR".

Fixed in kind, with look-alikes in test_scoring_session39.py: corrections and disposals read as tampering (把错误的记录删了
…重新录了一遍, 把单子都清掉了, 过期的酱料撕了标签扔掉: capped at 35), a tail of verbal tics diluting a story and read as
reluctance (反正就是这样子), a request to be told without a question mark (我想了解一下，这个岗位的发展空间和培训机会: "没有
提出任何问题"), results told plainly (他挺满意的, 响应从3秒降到80毫秒, 登记完发了门禁卡, 客户签收了, 当晚账就平了, 还说下雨辛苦
了) and a marked later result over an earlier step's count (最后平均出菜时间…), a feeling quoted as a deed (我一开始也慌了),
HR's own terms counted as named things (举了具体的…：日志、SQL).

Open, each a strict xfail below, or (reasons only) named here: vague answers at the floor with refusals (8.8, 9.0, 0.1:
the scale reads vague as poor), plain short stories under the pass line (h13, h22, e10, e11), a story padded with
platitudes (g43), a closing answer that only declines (没有了，谢谢: 6.3) or asks only about terms (h34, by design capped
lower than questions about the work); reasons: a diagnosis quoted as the result (h10, h11's 抽查), a competency denied
though shown in other words (h03's 生的熟的分两个台子, h26, h04's 诚信), feedback's story advice to stories without 我 (g32,
h35), feedback strengths for boilerplate (g28, g29), brand and system names read as garbled (g49).
"""
from __future__ import annotations

from breaker_findings import disputed_test, kept_outcome_test, load, outcome_tests

CASES = load("breaker39")

FIXED = ["h15", "h19", "h20", "g08", "f02", "h36",
         # session 40: in the helper's range on the anchored scale (scale map); h04's quoted finding and 诚信 denied
         # stay open (test_scoring_session40.py)
         "h04", "h29", "h31",
         # session 40: 跟大家一起加班 is a deed, not a list of terms (features.term_list_clauses)
         "h13"]
# strong stories scored above the helper's range (99.5 for 70-95, 90.4 for 65-90): no defect, kept as scored high
DISPUTED = ["h01", "h30"]
OPEN = {
    "h14": "long vague platitudes at the floor (12.2, range 25-50): vague read as poor",
    "h16": "vague service platitudes at the floor (8.8, range 25-50)",
    "h22": "short real cashier answer under the range (44.1, range 50-75)",
    "h24": "closing question declined (没有了，谢谢: 6.3, range 20-60)",
    "g20": "keyword brag in sentences (45.1, range 0-40): under the pass line, above the range",
    "e07": "English generic claim at the floor (9.0, range 15-45)",
    "f04": "evasive answer read as unwilling (0.0, range 10-40)",
    "g39": "the issue's template with numbers gated as template_numbers (the helper expected a low score; defensible)",
    "g43": "a real story padded with platitudes (45.5, range 50-80)",
    "g46": "double negation in traditional script, vague claim at the floor (6.5, range 20-50)",
    "h34": "closing: asks only about hours and rest (34.4, range 55-85): by design below questions about the work",
    "e10": "short plain English story (14.7, range 30-60)",
    "e11": "colloquial English story (15.9, range 30-60)",
    "k07": "Korean generic claim at the floor (0.1, range 15-45)",
    "h39": "cook story: labels torn off expired sauces thrown away, no longer tampering (53.0, range 60-90)",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


test_good_honest_stories_above_the_helpers_range_stay_scored_high = disputed_test(CASES, DISPUTED)
