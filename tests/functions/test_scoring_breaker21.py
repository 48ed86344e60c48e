"""Breaker round 21 (README and issue only; 125 cases on 8 questions, 31 faults). Fixed families, each with its
honest look-alikes kept scored, and the findings still open as strict xfails. Questions: data/breaker21/."""
import json
from pathlib import Path

import pytest

from functions.analyze import pipeline

HERE = Path(__file__).parent / "data" / "breaker21"
MECHANIC, WAITER, WAREHOUSE, BARISTA = (json.loads((HERE / f).read_text(encoding="utf-8")) for f in (
    "q1_mechanic_zh.json", "q4_waiter_zh.json", "q5_warehouse_zh.json", "q7_barista_en.json"))


def run(text, question, language="zh"):
    return pipeline.analyze_transcript(text, question, language)


@pytest.mark.parametrize("question,text", [
    (MECHANIC, "车打不着，我先测电瓶，电压只有十一斤伤心。拆开接线，里面卡着半箱礼拜一，我拧紧了两圈思念，打火就正常了，跟车主报价八十块。"),
    (WAREHOUSE, "那次要发三百箱昨天，我先安排同事把紧急的下午按优先级分好，装了四车寂寞，十点半前全部按时发货，还多出两公斤星期五。"),
])
def test_two_times_or_feelings_counted_like_goods_go_to_a_person(question, text):
    r = run(text, question)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r["overall"])


@pytest.mark.parametrize("question,text", [
    # a count followed by a filler or by the time the next clause starts with, in run-on speech
    (MECHANIC, "那次要换三百箱昨天晚上我先安排同事分好了电瓶，又买了两罐那个，四十八块那个，车主说行。"),
    (WAREHOUSE, "那天发了三百箱，昨天又补了两车，周末一共卖了两车，装车前每箱都称了，一箱二十斤左右。"),
])
def test_counts_of_real_goods_are_not_read_as_impossible(question, text):
    assert run(text, question)["reason_code"] != "nonsense"


def test_terse_steps_on_hr_words_with_a_fact_are_scored():
    r = run("查电瓶，电压十一伏。拧紧接线，打火正常。", MECHANIC)
    assert r["status"] == "scored", r["reason_code"]


@pytest.mark.parametrize("text", ["检查电瓶，检查接线，沟通车主，解释报价。",
                                  "检查电瓶3次，检查接线5次，沟通车主，解释报价，满意度100%。"])
def test_hr_words_as_steps_without_a_thing_of_ones_own_stay_a_keyword_list(text):
    r = run(text, MECHANIC)
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (r["status"], r["overall"])


def _open(reason):
    return pytest.mark.xfail(strict=True, reason="open: " + reason)


@pytest.mark.parametrize("question,language,text", [
    pytest.param(WAITER, "zh", "去年国庆，晚上七点最忙，有桌客人说等了四十分钟还没上菜。我先道歉，去后厨问了一下，结果后厨变成了一片海，"
                 "厨师们都在游泳，菜坐着小船慢慢漂过来，顾客就变成一只螃蟹，高兴地走了。"),   # session 22: model.NONSENSE_TAIL
    pytest.param(MECHANIC, "zh", "那次一辆面包车打不着火，我先用万用表量电瓶，电压十二点一伏，正常。然后我检查启动机的接线，发现接线自己"
                 "长出了翅膀，飞到车主的梦里去了。车主解释说他的报价是一朵云，我们就用月亮把车推回了家。"),   # session 22: NONSENSE_TAIL
    pytest.param(WAREHOUSE, "zh", "双十一前一天，仓库突然多了五百单。我让大家先按快递公司分开，然后纸箱们开始互相聊天，聊到了小时候的事，"
                 "越聊越伤心，最后所有的包裹都哭着按时发货了，同事们变成了胶带。"),   # session 22: 纸箱们开始…聊天, 同事们变成了胶带
    pytest.param(BARISTA, "en", "Good morning, here is your café forecast. Expect heavy customers from the north by eight, with "
                 "scattered orders and a ninety percent chance of apologies. The espresso machine will be partly broken through "
                 "lunch, clearing to light coworkers by the afternoon. Winds of help at twenty miles per hour. Bring an umbrella "
                 "for the wait, and remember to fix your shift before sunset.",
                 marks=_open("an English forecast parody of the job's words reads under model.NONSENSE_ALONE: 70.7")),
    pytest.param(BARISTA, "en", "We had two baristas out sick and a bus tour arrived at ten. I took orders while my coworker made "
                 "drinks. Halfway through, the milk refused to be milk anymore and became a rumour about pancakes. The customers "
                 "were very understanding, they all turned into doors, and I closed them one by one until the machine was fixed "
                 "by the rain.",
                 marks=_open("an English real start that slides: 67.7")),
])
def test_nonsense_that_starts_real_or_parodies_goes_to_a_person(question, language, text):
    assert run(text, question, language)["status"] == "needs_review"


@_open("an honest story in rough non-native English scores at the template level (20.2; 23.1 since session 22 reads 'No customer leave' as no unwillingness)")
def test_rough_non_native_english_story_scores_above_templates():
    text = ("Busy morning, I am alone because coworker is late. Customer is angry because wait long. I say sorry, I explain "
            "coworker coming. I make simple coffee first, the hard drinks after. When coworker come we do together fast. No "
            "customer leave, I think it was ok.")
    assert run(text, BARISTA, "en")["overall"] >= 40


def test_english_story_with_machines_as_subjects_is_on_the_question():
    """Breaker 21: read as off the question (19.2). Session 22: English work words (card reader, router, cash), a thing
    working again as a result and a workaround (took cash, wrote down) as problem solving — 56.0."""
    text = ("Our card reader kept rejecting cards during the lunch rush. The screen said network error. The router in the back "
            "was blinking red. I unplugged it and plugged it back in, and the reader connected again in a minute. Meanwhile I "
            "took cash and wrote down names for anyone without cash, and they paid after.")
    assert run(text, BARISTA, "en")["overall"] >= 45


@pytest.mark.parametrize("text", [
    "那天有个车主说车子打不燃，我先看电瓶，电压才十一伏多点，接头那里松起的。我把它拧紧，再打一哈，一下就燃了。我跟他摆了"
    "半天，说以后停久了要开起走一哈。",
    "那天有个车主说车子打不着，我先看电瓶，电压才十一伏多点，接头那里松了。我把它拧紧，再打一下，一下就着了。我跟他说了"
    "半天，说以后停久了要开出去跑一跑。",
])
def test_a_quick_repair_story_is_not_bounded_as_another_situation(text):
    """Breaker 21: capped at 35 with 这道题问的是遇到“一时找不到原因的故障”的经历 — words the question never says."""
    r = run(text, MECHANIC)
    reasons = [x for c in r["competencies"] for x in c["reasons"]]
    assert not any("这道题问的是" in x for x in reasons), reasons
    assert r["overall"] >= 45
