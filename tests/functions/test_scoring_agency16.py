"""Breaker 15, findings H3 and M4 (scoring/agency.py, scoring/contrary.py, answer.score_answer).

H3: a story whose specific work a supervisor did — 组长/领班/主任/店长/师傅/经理/老板/班长/站长…, with or without
我们 before them, as 王组长/李师傅, as the subject of several clauses, typed or recognised without punctuation — is
not the candidate's own: the candidate who did nothing is bounded at agency.OTHERS, the one who only followed
(跟着大家一起干, 按他说的去装箱, 领班安排我们加班, 站在收银台后面) or did one thing while supervisors did three or
more (我赶紧叫来店长，店长…) at agency.FOLLOWED (adequate at most); none of those actions or results is credited to
the candidate. Honest stories in which the candidate acts and also mentions a supervisor (我跟组长商量后，我把订单
分成三批…) keep their score.

M4: misconduct the candidate confesses (把钱揣进了自己兜里) is named as such and never quoted back as a good action
or result, also when the answer was recognised without punctuation.
"""
import re

import pytest

from functions.analyze.scoring import agency, contrary
from functions.analyze.scoring.answer import score_answer
from tests.functions.conftest import CASHIER_QUESTION, COOK_QUESTION, ISSUE_QUESTION, RIDER_QUESTION
from tests.functions.test_scoring_others_story import _reasons, _score   # typed or recognised, scored

WAITER_Q = {"text": "讲一次你处理顾客投诉的经历。", "answer_seconds": 90,
            "competencies": [{"name": "服务意识", "weight": 1, "keywords": ["顾客", "道歉", "解决", "茶"]}]}
FACTORY_Q = {"text": "请讲一次车间里赶工期、交货时间很紧的经历，你是怎么做的？", "answer_seconds": 90,
             "competencies": [{"name": "执行力", "weight": 0.6, "keywords": ["按时", "安排", "加班", "质量"]},
                              {"name": "主动性", "weight": 0.4, "keywords": ["主动", "想办法", "提前"]}]}

# the supervisors did the work, the candidate did nothing of their own
OTHERS = [
    (ISSUE_QUESTION, "去年双十一前一天晚上仓库突然多了三百箱急单，我们组长先把订单按省份分成三批，我们领班安排大家加班，"
                     "我们主任协调了两辆车，第二天上午十点全部发完，客户很满意。"),
    (ISSUE_QUESTION, "去年双十一前一天晚上仓库突然多了三百箱急单，王组长先把订单按省份分成三批，李领班安排大家加班到十二点，"
                     "张主任又协调了两辆车，第二天上午十点全部发完，客户很满意。"),
    (ISSUE_QUESTION, "去年双十一前一天晚上仓库突然多了三百箱急单，组长很冷静，先把订单按省份分成三批，然后打电话叫了两个人回来帮忙，"
                     "又去找主任要了一辆车，最后第二天上午十点全部发完，客户很满意。"),
    (COOK_QUESTION, "去年国庆中午一下来了四十多桌，李师傅让大家先别慌，把热菜凉菜分开两条线，又叫打荷的先把常点的十个菜备好料，"
                    "砧板和抹布每半小时换一次，一个小时全部出完，没有一桌投诉。"),
    (CASHIER_QUESTION, "上个月有个顾客说少找了他五十块，店长先跟他道歉，然后把钱箱清点了一遍，又调出监控一帧一帧看，"
                       "发现确实是少找了，当场补了五十块，顾客走的时候还说谢谢。"),
    (WAITER_Q, "有一次顾客说菜里有虫子，领班马上过去道歉，把菜撤了重新做，主管又给打了八折，老板还送了一份甜品，顾客最后消气了。"),
    (WAITER_Q, "有一次顾客说菜里有虫子，经理马上过去道歉，把菜撤了重新做了一份，又给打了八折，还送了一份甜品，顾客最后消气了，"
               "还加了我们的会员。"),
    (FACTORY_Q, "有一次厂里接到一个急单，班长先把活分给各个人，他自己盯着最难的那道工序，又找车间主任借了两台机器，"
                "最后提前一天交完货，我们都很佩服他。"),
    (RIDER_QUESTION, "上周下暴雨，站长在群里让大家先别抢单，他把我们片区的单子重新分了一遍，又提醒大家减速慢行戴好头盔，"
                     "还帮我们跟商家沟通延后出餐，最后我们站没有一单超时。"),
]
# the supervisors did the work, the candidate followed, stood by, or did one thing
FOLLOWED = [
    (FACTORY_Q, "有一次公司接到一个急单，老板亲自带着我们干，他先把订单按优先级排好，又打电话跟客户沟通分两次交货，"
                "晚上还请大家吃了宵夜，最后提前一天交完货。"),
    (ISSUE_QUESTION, "去年双十一前一天晚上仓库突然多了三百箱急单，组长先把订单按省份分成三批，领班安排我们六个人加班，"
                     "主任协调了两辆车，第二天上午十点全部发完，客户很满意。"),
    (ISSUE_QUESTION, "那次是个急单，两百箱货下午五点才到，我们主管当时就把人分成两组，一组贴单一组装箱，还跟物流谈好把车推迟到"
                     "九点来，最后八点半全部装完，我就跟着大家一起干。"),
    (ISSUE_QUESTION, "那次是个急单，两百箱货下午五点才到，主管把人分成两组，一组贴单一组装箱，又跟物流谈好把车推迟到九点来，"
                     "我按他说的去装箱，最后八点半全部装完。"),
    (CASHIER_QUESTION, "上个月有个顾客说少找了他五十块，我们店长先跟他道歉，然后把钱箱清点了一遍，又调出监控看，"
                       "发现确实少找了，当场补了五十块，我当时就站在收银台后面。"),
    (CASHIER_QUESTION, "上个月有个顾客说少找了他五十块，我赶紧叫来店长，店长先跟他道歉，然后把钱箱清点了一遍，又调出监控看，"
                       "发现确实少找了，当场补了五十块。"),
]
# the candidate acts and also names a supervisor: their own story
HONEST = [
    (ISSUE_QUESTION, "上个月有个急单，我跟组长商量后，我把三百单分成三批，先发最近的，晚上十点全部发完。"),
    (ISSUE_QUESTION, "那次急单下午四点才到，主管在开会，我先把两百单按省份分成三批，叫了两个同事一起贴单，扫描枪坏了我就手工登记，"
                     "又打电话跟物流把车推迟到九点，最后八点四十全部装车，第二天主管还在群里表扬了我们。"),
    (ISSUE_QUESTION, "去年双十一前一晚多了三百箱，组长把人分成两组，我带一组负责贴单，我先按地址把单子排好，再教新来的两个人怎么扫码，"
                     "中途打印机卡纸我自己拆开修好了，凌晨一点我们组先做完，又去帮另一组装箱。"),
    (COOK_QUESTION, "去年国庆中午来了四十多桌，师傅在炒热菜，我负责配菜，我先把常点的十个菜的料提前备好，生的熟的分两个台子放，"
                    "每出一批我就把砧板冲洗消毒一次，一个小时全部出完，师傅说那天配得最顺。"),
    (CASHIER_QUESTION, "上个月一个顾客说账单多收了一杯饮料，我先请他稍等，把小票和点单记录一条条核对，发现是服务员点错了，"
                       "我跟店长说明情况后，当场退了十八块，又送了一张优惠券，顾客后来还成了常客。"),
    (RIDER_QUESTION, "上周下暴雨，站长在群里提醒大家注意安全，我手上有三单，我先给三个顾客打电话说可能晚十分钟，"
                     "然后换了一条不积水的路，过路口都减速，最后只有一单晚了五分钟，顾客也没给差评。"),
    (WAITER_Q, "有一次一个顾客说牛排太生，我先跟他道歉，问清楚他要几分熟，然后去后厨跟主厨说明，主厨重新煎了一份，"
               "我端过去又送了一杯饮料，顾客最后挺满意，走的时候还说下次再来。"),
    (WAITER_Q, "有一次顾客嫌上菜慢发火了，领班让我去处理，我先给他倒了杯茶道歉，然后去后厨查了他的单子，发现漏单了，"
               "我跟厨师说先做他的，十分钟就上齐了，最后我又送了一份小菜，他消气了。"),
    (FACTORY_Q, "有一次老板接了个急单，让我负责排产，我先把五百件按交货时间分成三批，每批安排两个人，又跟仓库确认了材料，"
                "晚上我留下来盯最后一批，提前半天交货。"),
]
# confessed misconduct: named, never praised
MISCONDUCT = [
    (CASHIER_QUESTION, "有一次顾客多给了我五十块，我看他没发现，就把钱揣进了自己兜里，下班后拿去买了烟，后来也没人发现。"),
    (CASHIER_QUESTION, "上个月有个顾客付钱的时候多给了一百，我没吭声，直接把钱塞进自己口袋，晚上对账的时候钱箱是平的，店长也没查出来。"),
    (ISSUE_QUESTION, "那次急单实在做不完，我就把没扫描的五十箱直接贴了已发货，系统显示全部按时发出，其实第二天才发，客户也没发现。"),
    (COOK_QUESTION, "那天中午太忙了，有一盘肉掉在地上，我捡起来用水冲了冲就下锅了，客人也没吃出来，出餐速度一点没耽误，"
                    "二十分钟出完了四十桌。"),
]


def _assert_bounded(r, cap):
    assert r["overall"] <= cap, r["overall"]
    assert all(c["score"] <= cap for c in r["competencies"]), [c["score"] for c in r["competencies"]]
    reasons = _reasons(r)
    assert any(agency.not_own(s) for s in reasons), reasons
    # the supervisors' actions and results are never the candidate's
    assert not [s for s in reasons if s.startswith(agency.CREDITS)], reasons
    assert r["feedback"]["strengths"] == [], r["feedback"]


@pytest.mark.parametrize("spoken", [False, True])
@pytest.mark.parametrize("question,text", OTHERS)
def test_supervisors_story_is_not_the_candidates(question, text, spoken):
    _assert_bounded(_score(text, question, spoken), agency.OTHERS)


@pytest.mark.parametrize("spoken", [False, True])
@pytest.mark.parametrize("question,text", FOLLOWED)
def test_candidate_who_only_followed_is_adequate_at_most(question, text, spoken):
    r = _score(text, question, spoken)
    _assert_bounded(r, agency.FOLLOWED)
    assert any("跟着做" in s for s in _reasons(r)) or r["overall"] <= agency.OTHERS, _reasons(r)


@pytest.mark.parametrize("spoken", [False, True])
@pytest.mark.parametrize("question,text", HONEST)
def test_candidate_acting_beside_a_supervisor_keeps_full_credit(question, text, spoken):
    r = _score(text, question, spoken)
    assert not any(agency.not_own(s) for s in _reasons(r)), _reasons(r)
    assert r["overall"] >= 60, r["overall"]


@pytest.mark.parametrize("spoken", [False, True])
@pytest.mark.parametrize("question,text", MISCONDUCT)
def test_confessed_misconduct_is_named_never_quoted_as_evidence(question, text, spoken):
    r = _score(text, question, spoken)
    assert r["overall"] <= 35, r["overall"]
    reasons = _reasons(r)
    assert any("反面" in s for s in reasons), reasons
    credits = [s for s in reasons if s.startswith(agency.CREDITS)]
    quoted = [q for s in credits for q in re.findall(r"“([^”]+)”", s)]
    assert not [q for q in quoted if contrary.quotes_misconduct(q, text, "zh")], credits


def test_misconduct_quote_is_found_by_overlap_only():
    text = "我发现同事把钱揣进了自己兜里，我马上告诉了店长，店长让他把钱退给了顾客。"
    assert contrary.quotes_misconduct("自己兜里", text, "zh")
    assert contrary.quotes_misconduct("把钱揣进了", text, "zh")
    assert not contrary.quotes_misconduct("我马上告诉了店长", text, "zh")
    assert not contrary.quotes_misconduct("", text, "zh")
