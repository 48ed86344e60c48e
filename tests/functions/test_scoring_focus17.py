"""Finding M1 (issue 8): a rehearsed strong story about another situation than the one the question asks is
bounded at model.SITUATION_CAP (focus.other_situation), but one clause of the asked situation added to it (那天订单
也很急，… a complaint story) lifted it above the pass line: the whole-answer reading saw the question's own words
(closeness up) and one more word of the asked class (gap down). The bound now also reads the answer without the
clauses that only name the asked situation (focus.without_naming) when those hold at most focus.NAMED_SHARE of
its content words: a token clause cannot lift the story, while an honest story that opens with its situation in
one clause tells it again in what the candidate did (分批, 加班, 按时发走) and stays unbounded.
Real scorer; the questions are those of models/scorer/data/questions.json, the answers written for this test."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import focus, model

QUESTIONS = {q["qid"]: q for q in json.loads(
    (Path(__file__).resolve().parents[2] / "models" / "scorer" / "data" / "questions.json").read_text("utf-8"))}

REASON = "这道题问的是遇到“"

# rehearsed stories, each about one situation
COMPLAINT = ("前年冬天有位客人半夜一点打电话到前台，说隔壁房间太吵睡不着，语气很冲，说要退房投诉。我先跟他道歉，马上上楼"
             "敲了隔壁的门，请那几位年轻人把声音放小，又给这位客人换了一间走廊尽头的安静房，送了一份早餐券。第二天他退房"
             "时跟我说谢谢，还给了五星好评。")
TILL = ("有一次晚上交班对账，我发现收银机里少了一百块。我把当天的小票一张张翻，发现下午有位顾客付了两百，我只按了一百"
        "的键，找零找多了。我把情况跟店长说了，自己先把钱补上，后来每收一张大钞我都先把金额念出来再找零。")
PRINT_RUSH = ("去年六月毕业季，下午四点来了个学生，要印八本论文，每本一百二十页，第二天早上八点答辩。我先把两台机器都开上，"
              "一台印正文一台印封面，同时让同事去裁胶装的纸。印到晚上九点装订机卡纸了，我拆开清了纸屑继续做，十点半八本"
              "全部装好，学生第二天一早来取，说答辩很顺利。")
MOVE = ("去年秋天我们四个人给一家公司搬办公室，三十多张桌子、十二个文件柜，要在周六一天搬完。组长让我负责贴标签，我把"
        "每个柜子、每箱文件都按新办公室的房间号编了号，到了那边大家照着号放，下午五点全部归位，客户周一来上班一样东西"
        "都没找不到。")
SALE = ("有个阿姨来看了三次空气净化器，每次都说再考虑考虑。第三次我没急着推，先问她家里谁用，她说孙子有鼻炎。我就把"
        "两款的滤网参数拿给她对比，又算了一年换滤网的钱，告诉她买便宜那款其实就够了。她当场就买了，还介绍了她女儿过来。")
KITCHEN_RUSH = ("有一回周六晚上八点，外卖和堂食一起进来，四十多单压在出餐口。我把单子按菜分了一下，同一样的菜一锅炒三份，"
                "凉菜交给打荷的小妹，我只管热菜，半个小时把积的单清掉了，那天晚上没有一单超时。")
WAREHOUSE_RUSH = ("前年双十一前一天晚上，仓库突然接到一个加急单，三百箱货要第二天中午前发走。我把人分成两组，一组拣货一组"
                  "打包，我自己盯着扫码，凌晨两点全部打包完，第二天十点车就拉走了。")


def _at(story: str, clause: str, where: str) -> str:
    """The story with one clause of the asked situation added at its start, after its first sentence, or at
    its end."""
    if where == "start":
        return clause + story
    if where == "end":
        return story + clause
    head, _, tail = story.partition("。")
    return f"{head}，{clause}{tail}"


def run(text: str, qid: str) -> dict:
    r = pipeline.analyze_transcript(text, QUESTIONS[qid], "zh", scorer_version="default-8")
    assert r["status"] == "scored", r
    return r


def situation_reasons(r: dict) -> list[str]:
    return [x for c in r["competencies"] for x in c["reasons"] if x.startswith(REASON) and "这类别的情况" in x]


# (story, qid, the clause of the asked situation added, where, the situation the story tells)
TOKENS = [
    (COMPLAINT, "q11", "那天订单也很急，", "start", "顾客不满"),          # urgent order question
    (COMPLAINT, "q11", "那天时间特别紧，", "middle", "顾客不满"),
    (TILL, "q11", "那天老板催得很紧，", "start", "出错"),
    (SALE, "q09", "那天时间也很赶，", "middle", "犹豫"),                  # a meal about to be late
    (PRINT_RUSH, "q17", "那个学生当时也挺生气的，", "start", "时间很紧"),  # a very angry customer
    (WAREHOUSE_RUSH, "q17", "客户一开始还发了脾气，", "middle", "时间很紧"),
    (WAREHOUSE_RUSH, "q15", "那个客户一开始也很犹豫，", "start", "时间很紧"),   # a hesitant customer
    (KITCHEN_RUSH, "q15", "有位客人一开始拿不定主意，", "end", "时间很紧"),
    (TILL, "q13", "那天路上也突然出了状况，", "start", "出错"),            # a sudden event on a delivery drive
    (SALE, "q05", "那天店里一下子来了很多客人，", "middle", "犹豫"),      # many tables at the peak
    (MOVE, "q12", "中间我也出了个小差错，", "middle", "时间很紧"),
    (PRINT_RUSH, "q01", "后来客人还投诉了一下。", "end", "时间很紧"),       # 不满意或者投诉: one class, no alternative
    (COMPLAINT, "q03", "这件事也有我的失误，", "start", "顾客不满"),         # 对不上或者出了差错
    (SALE, "q11", "那天订单特别急，时间很紧，", "start", "犹豫"),          # two short clauses
    (TILL, "q11", "那天时间很紧。", "end", "出错"),
    (PRINT_RUSH, "q15", "那个学生一开始也很犹豫，", "middle", "时间很紧"),
    (MOVE, "q13", "那天路上突然下了暴雨，", "start", "时间很紧"),
]
# before this change (main at 146743b) 11 of these 17 rose from 45 or less to 59.7–84.1 with the clause (10 above
# the pass line); the other six stayed bounded


@pytest.mark.parametrize("story,qid,clause,where,told", TOKENS)
def test_one_clause_of_the_asked_situation_does_not_lift_another_story(story, qid, clause, where, told):
    q = QUESTIONS[qid]["text"]
    assert focus.other_situation(story, q) is not None            # the story alone is bounded…
    text = _at(story, clause, where)
    assert focus.without_naming(text, q) is not None               # …and the added clause is a token share
    r = run(text, qid)
    assert r["overall"] <= model.SITUATION_CAP
    assert all(c["score"] <= model.SITUATION_CAP for c in r["competencies"])
    reasons = situation_reasons(r)
    assert reasons and told in reasons[0]


def test_unpunctuated_token_clause_is_read_by_the_segmenters_clauses():
    text = ("那天订单也很急" + COMPLAINT).replace("，", "").replace("。", "")
    r = run(text, "q11")
    assert r["overall"] <= model.SITUATION_CAP
    assert situation_reasons(r)


# honest answers that open with the situation asked in one clause, then tell what the candidate did about it
HONEST = [
    ("那天下午四点突然来了个加急单，两百箱第二天早上要发。我把货按线路分成三批，先拣远的，叫了两个同事一起加班到十一点，"
     "第二天早上八点全部装车发走了。", "q11"),
    ("那次时间很紧，我就把活分了一下，跟同事一起加了会儿班，最后按时做完了。", "q11"),
    ("有次晚高峰我手上压了五单，有一单眼看要超时。我先给那位顾客打电话说明会晚五分钟，把顺路的两单先送，抄小路骑过去，"
     "最后只晚了两分钟，顾客也没给差评。", "q09"),
    ("有位客户因为快递丢了特别生气，电话里一直骂。我先让他把话说完，跟他道了歉，马上查了物流记录，当天就给他补发了一件，"
     "第二天他收到后还回电话说谢谢。", "q17"),
    ("那个客户特别生气，我就一直道歉，帮他把问题登记下来，第二天给他回了电话。", "q17"),
    ("有个客户看了三次电动车一直拿不定主意。我问清他每天通勤二十公里，带他试骑了续航更长的那款，又算了每月电费，他第二天"
     "就来交了定金。", "q15"),
    ("有一次盘点发现洗衣液比系统少了十二箱。我先把最近一周的出库单一张张对，发现有一单发货扫了两次码，改了系统记录，之后"
     "每次出库都让同事复核一遍。", "q12"),
    ("有次在高速上车胎突然爆了。我稳住方向盘慢慢靠到应急车道，打了双闪，在车后一百五十米放了三角牌，打电话叫了救援，跟"
     "客户说明会晚一个小时，货最后完好送到。", "q13"),
    ("周六中午店里一下子坐满了十五桌。我先给每桌倒上茶、把菜单递过去，按下单顺序跟后厨报菜，先上凉菜稳住客人，同事负责"
     "收台，我负责点单和上菜，那天中午没有一桌催菜。", "q05"),
    ("有位顾客买的衣服洗了一次就起球，来店里很不高兴。我先给她道歉，看了衣服确实是质量问题，当场给她换了一件，又送了一个"
     "小礼品，她后来还常来买。", "q01"),
    ("有次交班对账少了五十块。我把当天的小票重新对了一遍，发现一笔找零找多了，跟店长说明后自己补上，后来收大钞都先念出"
     "金额。", "q03"),
    ("那天中午高峰，油烟机突然坏了，后厨全是烟。我先关了两个灶，让同事开窗开排风扇，把需要爆炒的菜换成蒸的和炖的，打电话"
     "叫了维修，一个小时后修好，中午的单都出了。", "q07"),
]


@pytest.mark.parametrize("text,qid", HONEST)
def test_honest_story_opening_with_its_situation_is_not_bounded(text, qid):
    q = QUESTIONS[qid]["text"]
    assert focus.other_situation(text, q) is None
    r = run(text, qid)
    assert not situation_reasons(r)
    assert not any(x.startswith(REASON) for c in r["competencies"] for x in c["reasons"])


@pytest.mark.parametrize("text,qid", [HONEST[0], HONEST[2], HONEST[3], HONEST[6], HONEST[7], HONEST[8], HONEST[11]])
def test_concrete_honest_story_passes(text, qid):
    # (HONEST[5], [9] and [10] score 43, 40 and 58 for reasons of their own — the actions and results read, not
    # this bound: see the session's report)
    assert run(text, qid)["overall"] >= 60


def test_a_story_a_third_of_which_names_the_situation_is_read_whole():
    """More than NAMED_SHARE of the words naming the asked situation: the answer is about it, never read without."""
    text = "那天订单特别急，老板一直催，时间特别紧，客户要得很急，我们加班做完了。"
    assert focus.without_naming(text, QUESTIONS["q11"]["text"]) is None


def test_alternatives_the_classes_do_not_read_keep_the_whole_reading():
    """货多或者出了差错: a story of 货多 with one clause of a mistake answers the question; 不满意或者投诉 offers
    no other situation, nor do alternatives between things or a question's examples."""
    assert focus.offers_alternatives("请讲一次你帮忙组织到货分拣、通知团员取货的经历，货多或者出了差错的时候你是怎么做的？")
    assert focus.offers_alternatives("请讲一次顾客对做好的花束不满意，或者临时改要求的经历。")
    assert not focus.offers_alternatives(QUESTIONS["q01"]["text"])
    assert not focus.offers_alternatives(QUESTIONS["q03"]["text"])
    assert not focus.offers_alternatives("请讲一次客人入住后对房间或服务不满意的经历，你具体怎么做的？")
    assert not focus.offers_alternatives("请讲一次你照顾老人时，老人不愿意配合（比如不肯吃饭、吃药或者洗澡）的经历。")
