"""Session 21: families read from the seen gating set gates-q, each with honest look-alikes kept scored."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, gates
from functions.analyze.scoring.answer import warm_up

ORCHARD = {"text": "请讲一次你在果园采摘时赶工期的经历，你是怎么安排的？", "answer_seconds": 120,
           "competencies": [{"name": "效率", "weight": 0.5, "keywords": ["采摘", "速度", "安排"]},
                            {"name": "质量意识", "weight": 0.5, "keywords": ["轻拿轻放", "分级", "碰伤"]}]}


def _measured(text):
    warm_up()
    analysis = features.analyse([{"word": text}], "zh", dict(ORCHARD))
    return [s for _, s in gates._measured_abstractions(analysis.seg.tokens, set())]


@pytest.mark.parametrize("text,said", [
    ("他让我们每人摘两百斤礼拜天。", "两百斤礼拜天"),
    ("下班前老板发给每人一块安静。", "一块安静"),
    ("我一个人装了三箱星期三。", "三箱星期三"),
    ("午饭是一盘寂寞", "一盘寂寞"),
    ("最后大家分到了一车安静", "一车安静"),
])
def test_a_time_or_a_feeling_counted_like_goods_is_an_impossible_act(text, said):
    assert said in _measured(text)


@pytest.mark.parametrize("text", [
    "买了一张周末的票。", "我在果园干了一个秋天。", "卖了两斤半夏天的桃子。", "给了他一块干净的布。", "买了两斤新鲜葡萄。",
    "天黑以后果园里一片安静。", "我喝了一杯热的。", "那天称了三斤多。", "送了三箱一次性手套。", "一天下来摘了两百斤苹果。",
    "大家在树下分了一箱水果，像过节一样。",
])
def test_measures_of_real_things_are_not_read(text):
    assert _measured(text) == []


def test_an_absurd_story_that_counts_weekdays_and_quiet_goes_to_a_person():
    """gates-q (seen): chairs as colleagues, 两百斤礼拜天, a cloud helping, 一块安静 — three acts of two kinds."""
    text = ("去年九月的一个早上，我和三把椅子一起去果园上班。组长是一个叫伤心的人，他让我们每人摘两百斤礼拜天。椅子们爬不上"
            "梯子，我就请了一朵乌云帮忙，乌云摘得很快，但它把苹果都算成了分数。中午结账，老板说质量不错，发给每人一块安静。")
    r = pipeline.analyze_transcript(text, ORCHARD, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r["overall"])


def test_an_honest_orchard_story_with_weights_and_crates_is_scored():
    text = ("去年九月赶中秋的订单，我们组四个人三天要摘完两千斤梨。我先让大家按树排好，每人两行，摘下来先放到垫了纸的筐里，"
            "一筐装满大概四十斤就抬到棚下分级，有碰伤的单独放一箱。最后提前半天摘完，老板说碰伤的比去年少了一半。")
    r = pipeline.analyze_transcript(text, ORCHARD, "zh")
    assert r["status"] == "scored" and r["overall"] >= 60, (r["status"], r["reason_code"], r["overall"])


CHARGER = {"text": "请讲一次你处理充电桩故障、或者车主充不上电的经历，你是怎么排查和处理的？", "answer_seconds": 120,
           "competencies": [{"name": "故障处理", "weight": 0.4, "keywords": ["故障排查", "报修", "重启", "检查枪头"]},
                            {"name": "服务", "weight": 0.3, "keywords": ["沟通", "耐心解释", "安抚车主"]},
                            {"name": "安全", "weight": 0.3, "keywords": ["安全", "断电", "规范操作", "隐患"]}]}
LIVE = {"text": "你为什么想做电商直播助理这份工作？", "answer_seconds": 90,
        "competencies": [{"name": "岗位理解", "weight": 0.5, "keywords": ["场控", "选品", "运营", "数据"]},
                         {"name": "抗压", "weight": 0.5, "keywords": ["熬夜", "抗压", "配合"]}]}


@pytest.mark.parametrize("question,text", [
    # HR's phrases said in pieces (检查了枪头, 解释) and run together without punctuation
    (CHARGER, "车主的断电在规范里面排查了隐患然后重启报修耐心的沟通又去检查了枪头的安全所以解释了故障的操作又去安抚规范的断电"),
    (CHARGER, "断电的枪头就是安全的规范然后排查了耐心的隐患在报修里面沟通了重启又去解释了车主的故障所以检查安全的操作"),
    # HR's words set equal to one another
    (LIVE, "场控就是选品，选品就是运营，运营就是数据，所以熬夜就是抗压，配合就是场控。"),
    (LIVE, "我觉得直播的数据就是选品然后运营就是场控熬夜也就是配合抗压的数据就是运营"),
])
def test_hr_words_run_together_or_set_equal_go_to_a_person(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (r["status"], r["overall"])


@pytest.mark.parametrize("question,text", [
    (LIVE, "我理解的场控就是盯数据、控节奏，选品就是看哪些货卖得动。之前在服装店帮老板做过三个月直播，每天晚上八点到十一点，"
           "我负责上链接和回评论，有一次福袋发错了，我马上跟主播说明补发。"),
    (CHARGER, "那天晚上一个车主说充不上电，我先看了屏幕报错是绝缘故障，就按规范操作先断电，再检查枪头，发现里面有水。"
              "我用干布擦干，等了十分钟重启，充上了。我跟车主耐心解释了原因，又报修让师傅第二天换了个防水盖。"),
    (CHARGER, "先断电，检查枪头有没有烧黑，再看桩上的报错码，重启一次不行就报修，跟车主说清楚大概要等多久。"),
])
def test_honest_answers_using_hr_words_in_pieces_are_scored(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", (r["reason_code"], r["reason"])
