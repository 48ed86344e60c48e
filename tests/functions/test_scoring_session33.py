"""Session 33: families read from hyponyms-b's stories of others and gates-y's wrong sides (both seen since).

- someone else's story: a farm's, a workshop's or a family shop's people did the work (场长, 兽医, 我姨, 老师傅 seen at
  work: 看过老师傅修…), the candidate was elsewhere (我在另一栋), only heard of it (后来听说…) or held a torch
  (我在旁边帮他照手电) — bounded as not the candidate's own (agency.py);
- no act that cannot happen in 两个人因为投票吵起来 (a cause is no doer), 我当众道歉 (当众 is a manner, tagged a noun),
  电动摇蜜机摇到一半电机烧了 (a machine name jieba does not know; a while, not an object) — honest answers stay scored;
- words said back as their own definition in other links (需要沟通的沟通, 处理当中的处理) go to a person.
Real jieba, word vectors and the shipped scorer throughout; texts written for these tests.
"""
from __future__ import annotations

import pytest

from functions.analyze import pipeline

STORY = {"text": "请讲一次你在工作中遇到突发情况的经历，你是怎么处理的？结果怎样？", "answer_seconds": 120,
         "competencies": [{"name": "应变能力", "weight": 0.5, "keywords": ["冷静", "处理", "应急"]},
                          {"name": "责任心", "weight": 0.5, "keywords": ["负责", "及时", "主动"]}]}


def result(text, question=STORY):
    return pipeline.analyze_transcript(text, question, "zh")


@pytest.mark.parametrize("text, cap", [
    ("我们厂去年有一条线的烘干机着火了，是厂长和电工处理的，他们先拉了总闸，又用灭火器喷了两分钟，火就灭了。我那时候在另一个车间，"
     "没进去过，后来听说烧坏了两百多件衣服。", 35),
    ("我以前在我舅的饭馆帮忙，有天中午煤气罐的阀门漏气了，我舅马上关了阀门，把窗户全打开，又让客人先到门口等。我当时就站在旁边看，"
     "他一点不慌，我挺佩服的。", 50),
    ("以前在修车铺打工，看过老师傅修一辆刹车失灵的货车。他先把车轮拆下来，再一根根油管查过去，找到漏油的接头换了一个新的，"
     "半天就修好了。我在旁边帮他递扳手，这件事让我知道修车先要找准漏点。", 50),
])
def test_someone_elses_story_is_bounded(text, cap):
    r = result(text)
    assert r["status"] == "scored" and r["overall"] <= cap, (r["overall"], r["competencies"][0]["reasons"])


def test_the_candidates_own_story_with_a_boss_in_it_is_not_bounded():
    text = ("去年冬天我们厂有一台烘干机半夜冒烟，我正好值夜班。我先拉了那台机器的电闸，拿灭火器对着出风口喷，火没起来。然后我给厂长"
            "打电话，厂长让我把那一批衣服搬到仓库，我和另一个工人搬了四十多箱，一件都没烧坏。第二天电工来查，是风扇电机卡住了。")
    r = result(text)
    assert r["status"] == "scored" and r["overall"] >= 60, r["overall"]


@pytest.mark.parametrize("text", [
    "1. 周日下午一桌六个客人，两个人因为输赢吵起来。2. 我先喊停。3. 分别听两个人说。4. 发现是我规则没讲清楚。5. 我当众道歉，"
    "把规则重新讲了一遍。6. 重新开一局。7. 两个人都同意了，走的时候还加了店里的微信。",
    "去年八月我们蜂场那台电动摇蜜机摇到一半电机烧了，二十多箱蜜脾等着摇。我先把蜜脾盖好搬进屋里，然后去邻居家借了一台手摇的，"
    "和另一个帮工轮流摇了一整天，最后蜜都取完了，只比计划晚了一天。",
])
def test_honest_answers_with_misread_doers_are_scored(text):
    r = result(text)
    assert r["status"] == "scored", (r["reason_code"], r["reason"])


def test_words_said_back_as_their_own_definition_go_to_a_person():
    text = ("关于服务方面，我认为服务非常重要。顾客的需求与需求的顾客，都需要沟通的沟通。负责、道歉、补偿，是处理当中的处理。"
            "总之都很关键，关键就是关键。")
    r = result(text)
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (r["status"], r["overall"])
