"""Breaker 23 (a fresh helper with only the README and the issue; 161 cases on 10 questions of its own, questions in
data/breaker23/): the families fixed this session, and its open findings as strict xfails, so that a fix shows."""
import json
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring.answer import warm_up

Q = json.loads((Path(__file__).parent / "data" / "breaker23" / "questions.json").read_text(encoding="utf-8"))


def run(text, qid):
    warm_up()
    return pipeline.analyze_transcript(text, Q[qid], Q[qid]["language"])


def reasons(r):
    return [x for c in r["competencies"] for x in c["reasons"]]


def _open(reason):
    return pytest.mark.xfail(strict=True, reason="open: " + reason)


@pytest.mark.parametrize("qid,text", [
    # recipes made of the question's keywords (67.5 and 63.8): an act, a quality, a person or HR's term as an ingredient
    ("waiter_zh", "先把道歉切成丁，安抚用温水泡二十分钟，锅里放油，油温七成热下冷静，翻炒及时，最后撒上换菜，出锅装盘，请经理品尝。"),
    ("cashier_zh", "取核对三克，上报两勺，小票切丝备用。锅中放监控，小火慢炖四十分钟，出锅前撒如实，淋上店长即可，两百元一份，趁热食用。"),
    # a fairy tale's frame around the job's words and numbers (72.6)
    ("warehouse_zh", "从前有一个仓库，里面住着480只兔子和452只乌龟。有一天兔子去盘点胡萝卜，乌龟负责核对台账，它们找了三天三夜的原因，"
                     "最后调整了月亮的位置，大家从此过上了幸福的生活。"),
    # an English slide into a recipe, in other words than the breaker's (below)
    ("cs_en", "Last March an angry customer called about a late refund. To make the perfect pancake, whisk two eggs with a cup "
              "of flour and a splash of milk, heat the pan, pour a ladle, and flip once when bubbles appear."),
    pytest.param("cs_en", "Last March an angry customer called about a late refund. To make the perfect pancake, whisk two "
                          "eggs with a cup of milk, add flour and a pinch of salt, heat the pan for three minutes, and flip "
                          "once when bubbles appear.",
                 marks=_open("the breaker's English slide into a pancake recipe: 59.5 (English has no reader of recipes)")),
])
def test_parodies_of_the_job_s_words_go_to_a_person(qid, text):
    assert run(text, qid)["status"] == "needs_review"


@pytest.mark.parametrize("text", [
    "有一回客人嫌上菜慢，火气老大了。我赶紧跟他赔不是，跑后厨去催，回来跟他讲还差两个菜，顶多五分钟，先给他端了盘拍黄瓜垫吧垫吧。"
    "后来他那火就下去了。",
    "那回客人嫌菜咸了，拍桌子骂人。我赶紧给人赔不是，把菜端回后厨让师傅重做了一盘，又送了俩凉菜。人家后来消气了，走的时候还说下回再来。",
])
def test_an_apology_said_as_pei_bushi_is_service(text):
    """47.8 and 44.3, told 没有说到与“服务意识”相关的具体做法."""
    r = run(text, "waiter_zh")
    assert r["overall"] >= 55, r["overall"]
    assert not any("没有说到与“服务意识”相关的具体做法" in x for x in reasons(r)), reasons(r)


def test_a_code_switched_safety_plan_is_on_the_question():
    """35.0, capped as off the question."""
    r = run("我会先在APP上report一下，然后call顾客说明情况，safety first嘛，路上slow一点，不闯红灯。", "rider_zh")
    assert r["overall"] >= 45 and not any("关系不大" in x for x in reasons(r)), (r["overall"], reasons(r))


@_open("a real first sentence, then a business plan of another trade (开一家奶茶店：第一步…): 71.8")
def test_a_slide_into_another_trade_s_plan_is_not_scored_as_the_story():
    text = ("去年年底盘点的时候，A区系统显示480箱，实际只有452箱。于是我决定开一家奶茶店：第一步，选址要靠近学校；第二步，珍珠要煮"
            "四十分钟；第三步，招两个店员，每天营业到晚上十点，预计三个月回本。")
    r = run(text, "warehouse_zh")
    assert r["status"] == "needs_review" or r["overall"] < 40, r["overall"]


@_open("nonsense questions on the closing question (公司的桌子喜欢什么颜色的工资？): 60.0")
def test_nonsense_questions_on_the_closing_question_are_not_praised():
    r = run("请问公司的桌子喜欢什么颜色的工资？试用期会不会下雨？老员工带新人的时候吃不吃饺子？", "closing_zh")
    assert r["status"] == "needs_review" or r["overall"] < 40, r["overall"]


@_open("non-native English with bare verbs (I say sorry… customer get it next day. He say thank you.): 22.9, no result read")
def test_non_native_english_is_scored_on_its_content():
    text = ("One time customer very angry because package is lost. I say sorry, I check tracking number, I see it stuck in "
            "Chicago warehouse five days. I call warehouse, they find it, I send by express, customer get it next day. "
            "He say thank you.")
    assert run(text, "cs_en")["overall"] >= 45


@_open("a telegraphic strong answer (系统480箱、实盘452箱。逐张核…账实相符) is told it has no actions and no result: 55.2")
def test_a_telegraphic_strong_answer_is_read_as_a_story():
    text = "系统480箱、实盘452箱。逐张核两周出入库单，查出一张调拨单重复录入24箱，另4箱压坏没报损；作废重复单、补报损后账实相符。"
    r = run(text, "warehouse_zh")
    assert r["overall"] >= 65 and not any("没有说到最后的结果" in x for x in reasons(r)), (r["overall"], reasons(r))


@_open("a named five-step method with invented rates (安全五步法…准时率提升到99.8%): 40.2")
def test_a_named_method_with_invented_rates_stays_low():
    text = ("我的做法可以总结为“安全五步法”：第一，穿雨衣；第二，减速；第三，报备；第四，联系顾客解释；第五，复盘。通过这个方法，"
            "我的准时率提升到99.8%，差评率下降了95%，连续12个月获得站点第一名。")
    r = run(text, "rider_zh")
    assert r["status"] == "needs_review" or r["overall"] < 30, r["overall"]


def test_a_question_and_answer_drill_is_not_quoted_by_its_labels():
    """Scored 32.2 with “答” quoted as a step; session 23: a drill of 问：…答：… goes to a person (gates.qa_drill)."""
    r = run("问：钱少了怎么办？答：核对。问：还少怎么办？答：上报。问：店长呢？答：监控。问：小票呢？答：如实。问：然后呢？答：下班。",
            "cashier_zh")
    assert r["status"] == "needs_review" or not any("“答”" in x or "“问”" in x for x in reasons(r)), reasons(r)


def test_a_term_said_before_its_negation_is_not_credited():
    """Credited as 提到了与“细心”相关的内容：小票; session 23: a verb with no object after it refuses the thing fronted
    before the subject (text._negation_zh)."""
    r = run("小票我是不会去对的，监控也懒得看，店长那边能不说就不说。", "cashier_zh")
    assert not any(x.startswith("提到了") and "小票" in x for x in reasons(r)), reasons(r)
