"""Breaker round 14 (H1): a rehearsed concrete story written for one question does not pass another question
that names a different situation (scoring/focus.py: a disagreement, an upset customer, an urgent job, a mistake,
a safety risk) — bounded at model.FOCUS_CAP with a reason naming what was asked; an honest answer that tells the
situation in its own words is never bounded by it. Real scorer, texts written for this test."""
from __future__ import annotations

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import focus, model

DISAGREE = {"text": "说一次你和搭班的同事想法有分歧的经历，最后是怎么解决的？", "answer_seconds": 90,
            "competencies": [{"name": "团队协作", "weight": 1, "keywords": ["沟通", "商量", "理解"]}]}
URGENT = {"text": "讲一次你接到加急任务、时间很紧的经历，你是怎么安排的？", "answer_seconds": 90,
          "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级"]},
                           {"name": "团队协作", "weight": 0.5, "keywords": ["同事", "分工"]}]}
UPSET = {"text": "如果一位客人因为菜上得慢在餐厅里发火，你会怎么处理？", "answer_seconds": 90,
         "competencies": [{"name": "沟通表达", "weight": 0.5, "keywords": ["道歉", "安抚"]},
                          {"name": "解决问题", "weight": 0.5, "keywords": ["解决", "补偿"]}]}
FAULT = {"text": "请讲一次你修电器时一时找不到故障原因的经历，你是怎么排查的？", "answer_seconds": 90,
         "competencies": [{"name": "解决问题", "weight": 1, "keywords": ["排查", "检测"]}]}
EITHER = {"text": "讲一次顾客对你的服务不满意，或者提出特殊要求的经历，你是怎么做的？", "answer_seconds": 90,
          "competencies": [{"name": "服务意识", "weight": 1, "keywords": ["耐心", "满足"]}]}

# rehearsed stories, each concrete and first-person, none about the situation the other questions ask
BAKERY_RUSH = ("上个月中秋前两天，店里接了六百个月饼的单，后天早上九点要交货。我把活分成和面、包馅、烤制三段，"
               "我管烤箱，每炉四十个，二十分钟一炉，另外两个人轮着包。烤到第二天凌晨三点，九点前六百个全部装盒交了。")
STOCKTAKE = ("去年年底盘点的时候，我发现洗衣液的库存比系统里少了二十四瓶。我把三个月的进货单和出库单一张张对，"
             "最后查到有一箱退给厂家的没在系统里登记，补录以后账就平了，后来我每周五都抽查一次高价商品。")
REFUND = ("前年夏天有位大姐拿着一件洗缩水的毛衣来店里，说是我们标签写错了，在柜台大声嚷嚷。我先跟她道歉，"
          "请她坐下喝杯水，查了进货单，确实是吊牌印错了，给她全额退了款，又把同批四十件都换了吊牌。她后来又来买过两次。")

REASON = "这道题问的是遇到“"


def run(text: str, question: dict) -> dict:
    r = pipeline.analyze_transcript(text, question, "zh", scorer_version="default-8")
    assert r["status"] == "scored", r
    return r


def focus_bounded(r: dict) -> bool:
    return any(x.startswith(REASON) for c in r["competencies"] for x in c["reasons"])


@pytest.mark.parametrize("text,question,asked", [
    (BAKERY_RUSH, DISAGREE, "意见不一致"),
    (STOCKTAKE, DISAGREE, "意见不一致"),
    (REFUND, URGENT, "时间很紧"),
    (STOCKTAKE, URGENT, "时间很紧"),
    (BAKERY_RUSH, UPSET, "顾客不满"),
    (BAKERY_RUSH + "第二天大家都累坏了，但是客户很满意。", UPSET, "顾客不满"),
    (STOCKTAKE, UPSET, "顾客不满"),
    (BAKERY_RUSH, FAULT, "故障"),
])
def test_rehearsed_story_on_another_question_is_bounded(text, question, asked):
    assert not focus.touched(text, focus.asked(question["text"]))
    r = run(text, question)
    assert r["overall"] <= model.FOCUS_CAP
    assert all(c["score"] <= model.FOCUS_CAP for c in r["competencies"])
    # the reason names what the question asked about (unless another bound of the same height is named first)
    lead = [c["reasons"][0] for c in r["competencies"]]
    assert all(asked in x for x in lead if x.startswith(REASON))


@pytest.mark.parametrize("text,question", [
    (BAKERY_RUSH, URGENT),
    (REFUND, UPSET),
    ("上周去一户人家修洗衣机，插上电就跳闸，换了插座也一样。我一段一段量线路，最后发现是排水泵的线被老鼠咬破了搭在外壳上，"
     "包好线以后再试，跑完一个洗涤程序都没事。", FAULT),
    ("有台冰箱不制冷，我先听压缩机有没有响，再摸冷凝器烫不烫，最后查出来是温控器坏了，换了个新的第二天就好了。", FAULT),
    ("去年春节前我跟她想法不一样，她想把年货堆在门口，我觉得会挡住过道。我俩各自说了理由，后来商量着在门口只放一个小堆头，"
     "其余的放到里面货架，那个月年货卖得比往年多。", DISAGREE),
    ("有回跟一起上夜班的小刘为了先补货还是先打扫争了几句，他说先扫地，我说先补货。后来我们说好他扫前半场我补货，"
     "半小时以后换过来，两样都在十二点前做完了。", DISAGREE),
    ("嗯有一次我跟带我的师傅对这个摆台的方法看法不太一样他要按老规矩摆我觉得客人多的时候那样太慢然后我就拿两张桌子"
     "各按一种摆给他看他试了以后说我的快那以后就按我的来了", DISAGREE),
    ("那天下午三点老板说晚上六点前要把两百份盒饭送到工地，我跟另一个同事一个装一个封，四点半先送走第一车，五点五十全部送到了。",
     URGENT),
    # a thin story that tells the rush only by its clock and its count
    ("上周六下午两点店里进来了八十份外卖单，我和另外两个人一起打包，晚上六点全部送完，老板挺高兴。", URGENT),
    ("我会先过去跟他说对不起，让他别着急，问清楚他点的是哪几个菜，马上去后厨催，先给他上一份小菜和一壶茶，菜上齐了再送他一张优惠券。",
     UPSET),
    ("我会先跟他道歉，然后去厨房问清楚还要等多久，如实告诉他。", UPSET),
])
def test_honest_answer_telling_the_situation_is_not_bounded(text, question):
    assert not focus_bounded(run(text, question))


def test_no_bound_when_the_question_names_alternatives():
    # the focus is one situation among others: a story about the other one answers the question
    assert focus.asked(EITHER["text"]) == []
    assert not focus_bounded(run(BAKERY_RUSH, EITHER))


def test_no_bound_on_a_question_without_a_named_situation():
    q = {"text": "讲一次你在工作中表现最好的一件事。", "answer_seconds": 90,
         "competencies": [{"name": "执行力", "weight": 1, "keywords": ["按时"]}]}
    assert focus.asked(q["text"]) == []
    assert not focus_bounded(run(STOCKTAKE, q))


def test_bounded_story_is_not_praised_and_is_told_what_was_asked():
    fb = run(STOCKTAKE, DISAGREE)["feedback"]
    assert fb["strengths"] == []
    assert any("题目问的情况" in s for s in fb["suggestions"])
