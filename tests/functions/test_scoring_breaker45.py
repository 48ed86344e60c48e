"""Breaker 45: a fresh helper with the README and the issue only, told the newest rules of sessions 42–43 and asked to
attack them with look-alikes both ways (84 cases in tests/functions/data/breaker45/findings.jsonl, its expectation
written before each run; 39 wrong at its run: 18 in the score, 11 in score and reasons, 7 in the reasons, 3 in the
status). Landed at the end of session 43 with one family fixed (FIXED); every other case outside its expectation is a
strict xfail below, for the next session to fix by family — outlines with 首先/其次/接着/最终 or numbers sprinkled in,
no-customer stories on the customer question that pass, honest mistake stories capped at 45 on the generically worded
讲一次你在工作中犯错的经历 (genericity below model.GENERIC_QUESTION), honest stories gated as nonsense (二十箱矿泉水订成了二十箱苏打水), 雇主 not read as someone served, delegation with 让.
"""
from __future__ import annotations

import pytest

from breaker_findings import kept_outcome_test, load, outcome_tests, run

CASES = load("breaker45")

# session 43: figures told with their verbs around one deed in everyday words alone (我处理了, 我把这事给搞定了, 我妥善跟进处理
# 完毕) are figures in place of deeds (answer.figures_only), 45 at most
FIXED = ["g06", "g07", "g08", "g22", "g38"]
OPEN = {
    "g39": "figures (2021年7月20号, 30厘米, 15位顾客) + 我都安排好了 scored 65.0 (安排 alone is no generic deed word)",
    "g01": "help-customer question, nobody served (fixing the till computer with steps) scored 77.2: rule (1) cap 35 not applied (now 77.2)",
    "g02": "candidate was the customer (own online shoe return) scored 57.8; nobody served by candidate, expected cap 35 (now 57.8)",
    "g04": "outline with 首先/其次/接着/最终 and everyday words (认真听/好好交流/处理好) after a one-line setting scored 67.6; rule (2) cap 40 bypassed by other step markers (now 67.6)",
    "g05": "第一步…第二步…第三步…第四步 keyword outline scored 45.0, not capped at 40; reason quotes '第三步我想办法解决' as the concrete result (now 45.0)",
    "g18": "candidate refused a return, customer left swearing and posted a bad review; scored 63.0 pass on a help-customer question; nobody helped (now 63.0)",
    "g20": "keyword outline with numbers sprinkled in (三个问题/二十分钟/两件事/五星好评) scored 63.2; rule (2) bypassed; reason quotes '结果是五星好评' as a concrete result (now 63.2)",
    "g21": "figures + 我全程负责跟进，按流程走完了 scored 65.7; reason quotes these generic clauses as deed and result (now 65.7)",
    "g27": "rider: figures + 我处理了 scored 84.2; reason quotes '距离送达时间还剩8分钟' as the result (now 84.2)",
    "g29": "waiter: real first line (八号桌戴眼镜的先生) + 倾听/解释/道歉/重做 outline scored 66.4; exactly rule (2)'s case, not capped at 40 (now 66.4)",
    "g33": "reception: figures + 我搞定了 scored 62.5 pass; reason quotes the place clause '在我们酒店位于深圳南山区科技园的大堂' as the candidate's deed (now 62.5)",
    "g36": "candidate only told 小王 to call; 小王 did all the work; scored 67.3 pass; reason quotes '我让小王给顾客打电话' as the deed (now 67.3)",
    "g37": "real first line (拄拐杖的老先生) + 耐心听/仔细看/处理好/满意 outline scored 70.2; rule (2) bypassed (now 70.2)",
    "g41": "help-customer question answered with decorating the store for an anniversary (no customer) scored 66.9; rule (1) cap 35 not applied (now 66.9)",
    "h08": "honest waiter owns the mistake (这事怪我, paid the dish, red-pen fix) scored 46.0; 这事怪我 not read as owning; 解决问题 says no relevant deed (now 46.0)",
    "h09": "honest: 老板说不用我赔，但我还是坚持自己赔了 + 是我把…记错了 + remade and delivered scored 47.0; 诚信担当 reason says nothing relevant — the negation 不用我赔 seems to kill the ownin (now 47.0)",
    "h10": "honest mistake story (是我订错了 in ASCII quotes, 二十箱矿泉水订成了二十箱苏打水, fixed next day) gated as nonsense (now person)",
    "h12": "honest parcel-station story helping an elderly resident (wrote steps on paper, she now picks up herself) scored 46.1; reason says no result (now 46.1)",
    "h16": "honest bakery mistake (名字写错, 这是我的失误, remade the plaque, refunded fee, new habit) capped 45 as 'another role or question' on the generic mistake questi (now 45.0)",
    "h19": "honest strong cook rush story (40 tickets, merged 宫保鸡丁 into two woks, 12:50 all out, no cancellations) capped 35 as unrelated to the question (now 35.0)",
    "h26": "h10 with Chinese quotes “” — still gated as nonsense (now person)",
    "h27": "h10 without any quote — still gated as nonsense; 二十箱矿泉水订成了二十箱苏打水 seems to be read as impossible (now person)",
    "h28": "honest warehouse mistake (swapped Guangzhou/Changsha orders, owned it, paid 120 freight, new double check) capped 45 as 'another question' (now 45.0)",
    "h29": "honest cashier mistake (gave 100 too much, 是我的问题, called the member, money returned) capped 45 as 'another question' (now 45.0)",
    "h31": "honest cook 年夜饭 rush (fifteen tables, steamer six fish at a time, all out by 7:20) scored 47.1; reason lists '刘先' as a name (小刘先把 mis-segmented) (now 47.1)",
    "h37": "honest housekeeper fixing her employer's (雇主) washing machine capped 35 as 'no customer or guest'; 雇主 not recognised as the person served (now 35.0)",
    "h39": "honest 替/向/找 story (pregnant customer, got a wheel, delivered and fitted it) scored 54.8, below the pass line; reason quotes '我替她向厂家申请了补发配件' as the re (now 54.8)",
}
# keyword outlines the helper expected to score low that go to a person instead (the product's rule)
GATED = ["g28", "g34"]

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


@pytest.mark.parametrize("case_id", GATED)
def test_gaming_answers_sent_to_a_person_are_never_scored_high(case_id):
    r = run(CASES[case_id])
    assert r["status"] == "needs_review" or r["overall"] <= 40, (r["status"], r["overall"])
