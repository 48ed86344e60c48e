"""Breaker round 14i: a closing answer's questions about the work are recognised by what they ask — who trains or
supervises, staffing and shifts, the first days, equipment and who maintains it, how the work is done, customers,
products, how performance is judged, the team — not only by a list of job words (店长平时带新人吗？ scored 0,
电动车坏了公司管不管修？ 0, 一个班几个收银员？ 5.5, 新人第一周主要做什么呢？ 18.6). Questions only about pay, hours or
days off, rude ones and template thanks keep their handling. Real scorer, texts written for this test."""
from __future__ import annotations

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import model

CLOSING = {"text": "好的，我们这边的问题问完了，你有什么想问我们的吗？", "answer_seconds": 60,
           "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["了解", "岗位"]},
                            {"name": "沟通表达", "weight": 0.5, "keywords": ["提问", "清楚"]}]}
PRAISE = "问了和工作直接有关的具体问题。"


def run(text: str) -> dict:
    r = pipeline.analyze_transcript(text, CLOSING, "zh", scorer_version="default-8")
    assert r["status"] == "scored", r
    return r


ONE_QUESTION = [
    # who trains or supervises
    "我想问一下，店长平时带新人吗？",
    "请问刚来的时候是谁教我用收银机？",
    "想问一下新来的一般跟着谁学，主管会手把手教吗？",
    "我想问一下这边干活主要归谁管，有事情找谁？",
    # equipment and who maintains it
    "我想问一下，电动车坏了公司管不管修？",
    "请问送餐的保温箱是自己买还是公司统一配？",
    "想问一下叉车平时的保养是谁来做？",
    # staffing and shifts
    "我想问问店里平时一个班几个收银员？",
    "请问后厨一共有几位厨师？",
    "想问一下晚上值班的时候有几个保安？",
    # the first days
    "我想问一下，新人第一周主要做什么呢？",
    "请问刚入职的头几天是干什么，需要先熟悉什么？",
    # how the work is done, customers, products, performance, team
    "我想问一下平时主要卖哪几个牌子的手机？",
    "请问咱们店里一般是怎么分工的，收银和理货是分开的吗？",
    "想问一下做得好不好是怎么评的？",
    "我想问一下到时候主要跟谁对接？",
    # ASR-style, no punctuation, no 请问 framing
    "那个我想问下就是店长平时带不带新人",
    "嗯新人第一周主要做什么呢就是跟着谁学",
]


SEVERAL = [
    "我想问两个问题：店长平时带新人吗？还有电动车坏了公司管不管修？",
    "想问一下店里平时一个班几个收银员？新人第一周主要做什么呢？",
    "请问刚来谁带我？送货的车是自己准备还是公司配？做得好不好是怎么考核的？",
    "我想了解三件事，第一新人头一个月主要干什么，第二一个班几个服务员，第三客人投诉一般怎么处理。",
    "那个想问一下刚来的话是谁带我然后电动车坏了谁来修还有一个班几个骑手",
    "我想问问后厨几个厨师，新来的是跟着谁学，刀具是自己带还是店里发？",
    "请问门店平时主要是卖饮料还是卖零食？晚班几个店员？",
]


@pytest.mark.parametrize("text,n", [(t, 1) for t in ONE_QUESTION] + [(t, 2) for t in SEVERAL])
def test_questions_about_the_work_pass_and_more_of_them_score_more(text, n):
    # one question about the work passes (60), two or more distinct ones reach the second floor (66)
    r = run(text)
    assert r["overall"] >= model.CLOSING_WORK_FLOOR[n]
    assert PRAISE in r["feedback"]["strengths"]


def test_more_distinct_questions_lift_more():
    one = run("我想问一下，店长平时带新人吗？")["overall"]
    three = run("我想问一下，店长平时带新人吗？电动车坏了公司管不管修？一个班几个收银员？")["overall"]
    assert three > one >= 60


STAY_LOW = [
    # template thanks and promises around generic asks
    "非常感谢您给我这次机会，我对这个岗位非常感兴趣，我一定会好好努力的，希望能有机会加入咱们团队。",
    "我没什么特别想问的，我觉得咱们店挺好的，我会好好干的，希望能给我一个机会。",
    "我想问一下咱们公司的发展前景怎么样，企业文化是什么样的？",
    # pay, hours and days off only
    "我想问一下上班时间是怎么排的，一个月休几天？",
    "想问一下工资是怎么算的，包不包吃住？",
    "请问每天几点上班几点下班，周末休不休息？",
    "我想问问试用期是多久，试用期工资打几折？",
    # off-topic chat
    "对了，你们楼下那家米线挺好吃的，我中午就在那吃的，十五块一碗，分量挺足。",
    "我想问一下附近哪个小区对口的小学好一点？我儿子明年要上学了。",
    # people counted, but not the staff of the job
    "请问附近有没有好吃的馆子，几个人吃饭推荐哪家？",
    "想问一下你们面试官一天要面几个人？",
    "我想问一下公司有几个股东？",
]


@pytest.mark.parametrize("text", STAY_LOW)
def test_terms_template_and_chat_stay_below_the_pass_line(text):
    r = run(text)
    assert r["overall"] < 60


@pytest.mark.parametrize("text", [
    "你们老板是不是很抠门？店长平时带新人吗？",
    "面试官你结婚了没有？一个班几个收银员？",
    "电动车坏了公司管不管修？工资能不能先预支一半？",
])
def test_rude_question_next_to_a_work_question_stays_bounded(text):
    r = run(text)
    assert r["overall"] <= model.CLOSING_RUDE
    assert r["feedback"]["strengths"] == []
