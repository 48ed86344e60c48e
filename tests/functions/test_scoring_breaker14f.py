"""Breaker round 14f: motivation answers judged on the practical reasons they give (a floor by the number of
distinct concrete reasons, none for generic praise of the employer), reasons and feedback that tell the truth
about them; feedback that never praises an answer bounded for not answering the question; quoted concrete items
that are words of the answer. Real scorer, texts written for this test."""
from __future__ import annotations

import pytest

from functions.analyze import pipeline

SHOP = {"text": "你为什么想来我们面包店工作？", "answer_seconds": 60,
        "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["稳定", "喜欢", "发展"]}]}
STATION = {"text": "你为什么选择应聘我们快递站的分拣员？", "answer_seconds": 90,
           "competencies": [{"name": "求职动机", "weight": 0.6, "keywords": ["长期", "稳定", "兴趣"]},
                            {"name": "岗位认知", "weight": 0.4, "keywords": ["体力", "夜班", "分拣"]}]}
CANTEEN = {"text": "说说你为什么想来我们食堂做帮厨？", "answer_seconds": 60,
           "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["喜欢", "稳定", "踏实"]}]}
SOFTWARE = {"text": "讲一次你用电脑软件提高工作效率的经历。", "answer_seconds": 90,
            "competencies": [{"name": "办公技能", "weight": 1, "keywords": ["Excel", "表格", "公式"]}]}
URGENT = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
          "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                           {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}

HONEST = [
    (SHOP, "我住在旁边的小区，骑电动车五分钟就到。女儿今年上幼儿园了，白天我有空。之前在蛋糕房做过一年裱花，想来学学做面包。"),
    (SHOP, "我以前在连锁超市的烘焙区干了两年，会打蛋、看烤箱。你们店我常来买吐司，排队的人一直很多。我想学会怎么发面，以后争取当个面点师。"),
    (SHOP, "原来那家奶茶店关门了，我就想找个近的。我家就在这条街对面，走路三分钟。你们店开了好几年了，口碑也好。"),
    (STATION, "我之前在工厂流水线做了三年，站一整天不怕。家住在快递站附近，能上夜班。我表哥也在你们站干过，说这里活虽然累但是按件算钱很清楚。"),
    (STATION, "之前在外卖站送了一年半的单，对这片的小区都熟。外卖太累了，风吹日晒的，想换个室内的活。晚上和周末都能上班，以后想做到分拣组长。"),
    (STATION, "我今年刚搬到这边，租的房子离站里走路十分钟。以前在老家的物流园做过八个月装卸，想学学用扫码枪和系统分拣。"),
    (CANTEEN, "我在饭店后厨帮了两年忙，切配、洗菜都做过。孩子上初中住校了，我白天有时间。食堂离我家很近，骑车十分钟。"),
    (CANTEEN, "之前在学校食堂做过一年半的打菜阿姨，合同到期了。我邻居就在你们食堂干过，说这里管理规范。我还考了健康证，想学学怎么做大锅菜。"),
]

TEMPLATE = [
    (SHOP, "因为我非常喜欢贵公司，贵公司稳定，有很好的发展前景，我希望在这里长期发展，和公司一起成长，实现自我价值。"),
    (SHOP, "我一直很热爱这个行业，觉得这份工作很有意义，贵店的企业文化也很吸引我，我相信在这里能学到很多东西，提升自己。"),
    (STATION, "我选择贵公司是因为贵公司平台大，发展空间广阔，我是一个吃苦耐劳、有责任心的人，希望能和公司共同成长。"),
    (STATION, "因为这份工作比较稳定，我也比较喜欢这个岗位，觉得有很好的发展前景，我会踏实肯干，积累经验。"),
    (CANTEEN, "我非常认可贵单位，觉得食堂工作很有意义，很稳定，氛围也好，我希望在这里锻炼自己，实现自己的价值。"),
    (CANTEEN, "因为我喜欢做饭，觉得这份工作很稳定，有发展，我有上进心和责任心，一定会好好干。"),
]

NOT_REASONS = "没有说到与“求职动机”相关的具体做法"
MOTIVE_PRAISE = "说了几条实在、具体的理由，让人明白你为什么想来。"
ASK_WHY = "可以说说你为什么想做这份工作、看重它什么，以及接下来的打算。"
ASK_DETAIL = "可以说得更具体一些：比如做过哪些相关的事，接下来一两年想学会什么、做到什么。"


def run(text: str, question: dict) -> dict:
    r = pipeline.analyze_transcript(text, question, "zh", scorer_version="default-8")
    assert r["status"] == "scored", r
    return r


def motive(r: dict) -> dict:
    return next(c for c in r["competencies"] if c["name"] == "求职动机")


@pytest.mark.parametrize("question,text", HONEST)
def test_honest_motivation_answer_with_practical_reasons_passes(question, text):
    r = run(text, question)
    assert r["overall"] >= 60, (r["overall"], motive(r)["reasons"])
    reasons = motive(r)["reasons"]
    # the reasons it gave are named to HR, and it is never told it said nothing about its motivation
    assert any(x.startswith("说了想来的具体理由") for x in reasons), reasons
    assert not any(NOT_REASONS in x for x in reasons), reasons
    fb = r["feedback"]
    assert MOTIVE_PRAISE in fb["strengths"]
    assert ASK_WHY not in fb["suggestions"]


@pytest.mark.parametrize("question,text", TEMPLATE)
def test_buzzword_motivation_answer_stays_low(question, text):
    r = run(text, question)
    assert r["overall"] <= 40, (r["overall"], motive(r)["reasons"])
    assert MOTIVE_PRAISE not in r["feedback"]["strengths"]
    assert not any(x.startswith("说了想来的具体理由") for x in motive(r)["reasons"])


def test_every_honest_answer_outranks_every_template_on_its_question():
    for question in (SHOP, STATION, CANTEEN):
        honest = [run(t, q)["overall"] for q, t in HONEST if q is question]
        template = [run(t, q)["overall"] for q, t in TEMPLATE if q is question]
        assert min(honest) > max(template), (question["text"], honest, template)


def test_more_distinct_reasons_score_at_least_as_high():
    one = run("我之前在超市做过两年理货员，觉得自己干这个没问题，就想来试试看。", SHOP)["overall"]
    four = run("我之前在超市做过两年理货员。家就住在你们店楼上，走路一分钟。孩子上小学了，白天有空。"
               "想学学怎么做面包，以后争取当个面点师。", SHOP)["overall"]
    assert four >= 72 > one


def test_answer_naming_its_past_job_and_goals_is_not_asked_for_them():
    r = run("我之前在奶茶店做了一年半，主要做吧台，现在想换到规模大一点的店，学学怎么管库存和排班，以后争取做到领班。", SHOP)
    assert ASK_DETAIL not in r["feedback"]["suggestions"]
    assert ASK_WHY not in r["feedback"]["suggestions"]


def test_generic_praise_is_named_as_such_to_hr():
    r = run(TEMPLATE[0][1], SHOP)
    assert any(x.startswith("理由多是泛泛的说法") for x in motive(r)["reasons"]), motive(r)["reasons"]


def test_story_from_another_job_gets_no_motivation_floor():
    r = run("我在物流园干过两年装卸。有一年双十一，仓库一天进了五千多件，我一个人一晚上卸了三车，早上六点才下班，"
            "最后一件没丢，主管还给我发了两百块奖金。", CANTEEN)
    assert r["overall"] <= 50, r["overall"]


def test_reluctant_motivation_answer_stays_bounded():
    r = run("说实话我也不是很想干这个，就是附近没别的活，家离这走路五分钟，先干几个月再说。", CANTEEN)
    assert r["overall"] <= 45, r["overall"]


@pytest.mark.parametrize("question,text", [
    (SOFTWARE, "上个月有个顾客买的酸奶过期了，在收银台大声嚷嚷。我先跟她道歉，马上换了一盒新的，又把货架上同一批的八盒全部下架，"
               "登记后报给店长。她后来不生气了，还办了会员卡。"),
    (SOFTWARE, "去年中秋前一天，店里来了两百份月饼礼盒的订单，我和同事按小区分成三批，先送最远的，下午五点前全部送到，"
               "一份都没送错。"),
])
def test_answer_capped_as_not_answering_the_question_is_never_praised(question, text):
    r = run(text, question)
    assert r["overall"] <= 35
    assert any("和这道题问的关系不大" in x for c in r["competencies"] for x in c["reasons"])
    fb = r["feedback"]
    assert fb["strengths"] == []
    assert any("和题目问的不是一回事" in s for s in fb["suggestions"]), fb


@pytest.mark.parametrize("text,not_quoted", [
    ("上个月有个顾客买的牛奶过期了，我马上换了一盒新的，又把货架上同一批的十二盒全部下架，登记后报给店长，她后来还办了会员卡。",
     "上同"),
    ("那天下午三点来了八十单，我把柜台里面剩下的四十箱先打包，冰箱里同一批的酸奶也检查了，六点前全部发完。", "里同"),
])
def test_concrete_items_are_words_of_the_answer(text, not_quoted):
    r = run(text, URGENT)
    for c in r["competencies"]:
        for reason in c["reasons"]:
            if reason.startswith("举了具体的数字、时间或名称"):
                items = reason.split("：", 1)[1].rstrip("。").split("、")
                assert not_quoted not in items, reason
                assert all(i in text for i in items), reason


@pytest.mark.parametrize("text,arranged", [
    ("上周三上午十点来了一百二十份盒饭的订单，要十二点前送到。我让两个同事装盒，我自己按楼层分三趟送，十一点五十全部送到。",
     "分三趟送"),
    ("那天下午突然来了八十箱急货，晚上七点前要发走。我把货分成两组，最远的先发，六点半全部发完。", "分成两组"),
])
def test_arranging_in_own_words_is_quoted_not_denied(text, arranged):
    r = run(text, URGENT)
    reasons = next(c for c in r["competencies"] if c["name"] == "执行力")["reasons"]
    assert not any("没有直接说到与“执行力”相关的做法" in x or "没有说到与“执行力”相关的具体做法" in x for x in reasons), reasons
    said = [x for x in reasons if x.startswith("说了自己是怎么安排的") or x.startswith("提到了与“执行力”")]
    assert said, reasons
    if said[0].startswith("说了自己是怎么安排的"):
        assert arranged in said[0]


def test_a_story_given_no_reason_to_a_motivation_question_is_not_praised():
    r = run("去年国庆前一天晚上，店里突然来了两百份蛋糕订单，我把订单按送货时间分成三批，先做上午要的，一直做到凌晨三点，"
            "第二天九点前全部交货，一份都没出错。", SHOP)
    assert r["overall"] <= 45
    assert r["feedback"]["strengths"] == []
    assert r["feedback"]["suggestions"] == [ASK_WHY]
