"""Breaker round 14a: closing questions judged on the questions asked (a short good work question passes, a rude
one is bounded and never praised), result reasons that never deny a stated ending, and small talk told what the
question asks for instead of story advice. Real scorer, texts written for this test."""
from __future__ import annotations

import pytest

from functions.analyze import pipeline

CLOSING = {"text": "今天就先聊到这里，你还有什么想问我们的吗？", "answer_seconds": 60,
           "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["了解", "岗位"]},
                            {"name": "沟通表达", "weight": 0.5, "keywords": ["提问", "清楚"]}]}
STORY = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
         "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                          {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
PRAISE = "问了和工作直接有关的具体问题。"


def run(text: str, question: dict) -> dict:
    r = pipeline.analyze_transcript(text, question, "zh", scorer_version="default-8")
    assert r["status"] == "scored", r
    return r


@pytest.mark.parametrize("text", [
    "试用期大概多长？转正的考核标准主要看什么？",
    "新来的员工一般跟哪位师傅学？",
    "想问一下，夜班的时候店里一般留几个人？",
    "请问刚入职主要负责哪一块，多久能独立上岗？",
])
def test_short_good_work_question_passes(text):
    r = run(text, CLOSING)
    assert r["overall"] >= 60
    assert PRAISE in r["feedback"]["strengths"]


def test_more_thoughtful_questions_score_higher_than_one():
    one = run("我想问一下，转正的时候考核主要看哪些方面呢？", CLOSING)["overall"]
    three = run("想问一下，门店新人一般由谁带教，多久能独立上岗？另外转正考核主要看哪些方面？", CLOSING)["overall"]
    assert three > one >= 60


@pytest.mark.parametrize("text", [
    "你们老板是不是很抠门？工资能不能先发？",
    "你们这破店还能撑几年啊？",
    "面试官你是不是也想跳槽？你一个月挣多少？",
    "我就想问问，工资能不能先预支一半给我？",
])
def test_rude_or_irrelevant_question_is_not_praised_nor_scored_well(text):
    r = run(text, CLOSING)
    assert r["overall"] <= 15
    assert r["feedback"]["strengths"] == []
    for comp in r["competencies"]:
        assert not any("提出了与工作相关的具体问题" in x for x in comp["reasons"])
        assert any("不礼貌或与工作无关" in x for x in comp["reasons"])


def test_rude_question_next_to_a_good_one_still_bounded():
    r = run("新人有没有师傅带？还有你们老板是不是很抠门？", CLOSING)
    assert r["overall"] <= 15 and r["feedback"]["strengths"] == []


def test_terms_only_questions_are_not_lifted_to_pass():
    # hours and days off are the terms of the job, which raters put well below questions about the work
    r = run("想问一下每天几点上班，一个月休几天？", CLOSING)
    assert r["overall"] < 60


def test_template_thanks_around_generic_questions_not_lifted():
    text = ("非常感谢您给我这次面试的机会，我对这个岗位非常感兴趣，也很有意愿加入咱们团队。我想了解一下公司对新员工有没有系统的培训，"
            "以后有没有学习提升的机会。我一定会好好努力，希望能有机会长期发展。")
    assert run(text, CLOSING)["overall"] < 60


@pytest.mark.parametrize("text", [
    "上周店里临时多了一百多单，我先按小区分成两批，让同事送近的我送远的，最后比平时节省了一个小时全部送完。",
    "有位顾客投诉我们少送了一箱水，我当天下午就补送上门并道了歉，结果她把投诉撤回了，后来每周都在我们这订水。",
    "那天要赶两百份餐盒，我把打包分成三个人流水线做，最后结果是五点半前全部出餐，一份没错。",
])
def test_result_reason_never_denies_a_stated_ending(text):
    r = run(text, STORY)
    for comp in r["competencies"]:
        assert not any("没有被算作明确" in x or "没有说到最后的结果" in x for x in comp["reasons"])


@pytest.mark.parametrize("text", [
    "哈哈你们这儿空调挺凉快的，外面太热了，我今天穿多了，早知道穿短袖来了。",
    "今天天气真不错，我早上坐地铁过来的，你们楼下那家咖啡店好喝吗？我周末喜欢去爬山。",
])
def test_small_talk_gets_told_what_the_question_asks(text):
    fb = run(text, STORY)["feedback"]
    assert fb["strengths"] == []
    assert not any("结果" in s or "真实发生过的事" in s for s in fb["suggestions"])
    assert any("围绕题目" in s for s in fb["suggestions"])
