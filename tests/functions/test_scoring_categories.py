"""Session 33: a question that names a category of trouble (病虫害, 停电停水, 拖欠货款…) and the answers that tell it.

- an honest story tells the category by its instances (红蜘蛛, 叶子发黄, 整条街没电) and never says its word: it is read
  on the question (lexicon.named_instances) and ranks high;
- a story of the same trade about another trouble, or none (the apple harvest on a 病虫害 question), is bounded as not
  the situation asked (focus.category_families), with a reason naming the category;
- a story's opening and its end, told in words HR did not foresee, are not cut as stories of their own when they go on
  from the clause next to them (features.goes_on_from: the same sentence, 然后/再/又/最后).
Real jieba, word vectors and the shipped scorer throughout; texts written for these tests (hyponyms-b measures the
family: bench/category_instances.py).
"""
from __future__ import annotations

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, focus, lexicon

PESTS = {"text": "请讲一次你在果园遇到病虫害的经历，你是怎么处理的，结果怎样？", "answer_seconds": 120,
         "competencies": [{"name": "问题解决", "weight": 0.5, "keywords": ["防治", "病虫害", "处理"]},
                          {"name": "责任心", "weight": 0.5, "keywords": ["及时", "负责", "检查"]}]}
OUTAGE = {"text": "请讲一次你们店里碰到停电停水的经历，你是怎么做的？结果怎样？", "answer_seconds": 120,
          "competencies": [{"name": "应变能力", "weight": 0.5, "keywords": ["应急", "冷静", "处理"]},
                           {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "解释", "安抚"]}]}
MITES = ("去年六月我管的三十亩苹果园，叶子背面起了一层红蜘蛛，好多叶子发黄。我先剪了几片叶子拿到镇上农技站，技术员说是红蜘蛛，"
         "让用哒螨灵。我当天下午就和两个工人分三片喷药，隔了七天又补喷一遍。半个月后新叶上基本看不到了，那年苹果产量跟前一年"
         "差不多，一亩还是四千斤左右。")
HARVEST = ("去年秋天摘苹果最忙的时候，收购商一天要八千斤。我早上五点就带着六个工人进园子，分成摘果、挑果、装筐三组，我自己管过秤"
           "和记账。一连干了十二天，一共交了九万多斤，一筐都没被退回来。")
BLACKOUT = ("那天早上六点，店里灯一下全灭了，蒸柜也停了，外面还排着十几个人。我先去看了电闸，不是跳闸，是整条街没电。我让同事把"
            "液化气炉子搬出来，用大锅接着蒸包子，又把扫码改成收现金记在本子上。八点来电前一共卖出去三百多个包子，没有一个客人"
            "空着手走。")
RUSH = ("那天早上六点，店里一下子来了两个旅游团，四十多个人要吃早饭。我先让大家排好队，把包子分成肉的素的两摞，同事专门收钱，"
        "我负责装袋。二十分钟全部卖完，又赶紧和了二十斤面。")


def score(text, question):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r["reason"]
    return r["overall"], " ".join(s for c in r["competencies"] for s in c["reasons"])


def test_a_category_named_by_the_question_brings_its_instances():
    words, endings = lexicon.named_instances("zh", PESTS["text"])
    assert {"红蜘蛛", "蚜虫"} <= words and "病" in endings
    assert lexicon.named_instances("zh", "请讲一次你和同事意见不一致的经历。") == (frozenset(), frozenset())


@pytest.mark.parametrize("question, honest, other, name", [(PESTS, MITES, HARVEST, "病虫害"),
                                                           (OUTAGE, BLACKOUT, RUSH, "停电停水")])
def test_the_instance_story_ranks_high_and_another_trouble_of_the_trade_is_bounded(question, honest, other, name):
    high, said = score(honest, question)
    low, why = score(other, question)
    assert high >= 70, (high, said)
    assert low <= 35 and name in why, (low, why)


@pytest.mark.parametrize("question, text", [
    (OUTAGE, "那回俺店里一大早水龙头拧开，一滴水都没有，是前头修路把管子挖破了。俺拎着两个桶去隔壁借了六桶，豆浆照常卖。"),
    (OUTAGE, "那天下午灯突然黑了，我去看电闸，拉上去又掉，就给电工打电话，半小时修好，冰柜里的东西都没化。"),
    ({"text": "请讲一次你遇到客户拖欠货款的经历，结果怎样？"}, "有个师傅拿了三千多的线管没给钱，我去他干活的工地找他，他当场转了两千，剩下的一周后也给了。"),
    ({"text": "请讲一次你在店里遇到诈骗的经历，结果怎样？"}, "有个人给我一张五十的，我摸着纸太薄，对着灯一看没有水印，就请他换了一张。"),
    ({"text": "请讲一次你们车间出现产品质量问题的经历。"}, "有一批裤子两边口袋高低差了一公分，我找到是模板磨掉了一个角，换了模板，返工了两百条。"),
])
def test_the_categories_are_told_in_the_candidates_own_words(question, text):
    foci = focus.asked(question["text"])
    assert foci and focus.touched(text, foci), [f.key for f in foci]


def test_a_run_that_goes_on_from_the_clause_next_to_it_is_the_story_not_padding():
    q = {"text": "请讲一次你按客户要求布置生日会场地、而且时间很紧的经历。你具体怎么做的？结果如何？", "answer_seconds": 120}
    text = ("有一次客户要一个Frozen主题的birthday party，下午两点开始，我们十二点半才进场，我先check了一下venue的大小，"
            "然后把backdrop装好，再做balloon arch。客户中途说要加一个photo booth，我跟她确认了位置，用剩下的材料搭了一个。"
            "一点五十五全部done，小朋友们都很开心。")
    an = features.analyse([{"word": text}], "zh", q)
    assert not an.details["excluded_clause_ids"]
    assert "两点" in " ".join(an.details.get("numbers", [])) or an.answer["concreteness"] > 0.9
    # a story put in front in sentences of its own is still cut
    padded = ("去年国庆我和家人去了三亚，住在海边，每天游泳，吃了很多海鲜。" + text)
    assert features.analyse([{"word": padded}], "zh", q).details["excluded_clause_ids"]
