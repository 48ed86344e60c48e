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
