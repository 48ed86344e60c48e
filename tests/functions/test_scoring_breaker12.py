"""Session 12's second breaker round (README and issue 8 only): what it found, as tests. Fixed families assert the
new behaviour; what is still open is a strict xfail with the measured figure (docs/scoring.md, What it cannot do)."""
import pytest

from functions.analyze import pipeline

DRINK_Q = {"text": "请讲一次顾客对你们的饮品不满意、当场发火的经历，你是怎么处理的？", "answer_seconds": 90, "type": "behavioural",
           "competencies": [{"name": "服务意识", "weight": 2, "keywords": ["顾客", "道歉", "倾听", "重做"]},
                            {"name": "情绪管理", "weight": 1, "keywords": ["冷静", "耐心", "情绪"]}]}
RIDER_Q = {"text": "说说你送外卖时遇到暴雨或者订单快超时的一次经历，你是怎么做的？", "answer_seconds": 90,
           "competencies": [{"name": "安全意识", "weight": 1, "keywords": ["安全", "头盔", "减速"]},
                            {"name": "时间管理", "weight": 1, "keywords": ["路线", "准时", "超时"]}]}
KITCHEN_Q = {"text": "说说你在后厨发现食材可能有问题的一次经历，你是怎么处理的？", "answer_seconds": 90,
             "competencies": [{"name": "食品安全", "weight": 2, "keywords": ["保质期", "检查", "报告"]},
                              {"name": "责任心", "weight": 1, "keywords": ["负责", "主动"]}]}
TILL_Q = {"text": "讲一次你收银时账对不上的经历，你是怎么查的？", "answer_seconds": 90,
          "competencies": [{"name": "细心", "weight": 1, "keywords": ["核对", "清点", "小票"]},
                           {"name": "诚信", "weight": 1, "keywords": ["如实", "上报", "店长"]}]}

DRINK_STRONG = ("上个月周六下午，一位阿姨拿着杯子回来，说她点的少糖杨枝甘露甜得发腻，声音很大。我先把她请到旁边，让她把情况说完，"
                "然后看了小票，发现是我同事按了全糖。我跟她说对不起，马上按少糖重新做了一杯，她喝了一口说这次对了。")
WAREHOUSE = ("去年双十一前一晚九点，老板突然接到一个批发客户追加的三百箱货，要求第二天中午前发出。我们仓库只有四个人，我先把订单按"
             "目的地分成三批，扫码枪半夜坏了一台，我就让小李手工抄单号，我在电脑上补录。第二天上午十点半全部交给快递，一箱没错。")


def run(text, question):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", (r["reason_code"], r["reason"])
    return r


def reasons(r):
    return [s for c in r["competencies"] for s in c["reasons"]]


@pytest.mark.parametrize("text", [
    "上周日中午我收银，钱箱少了五十块，我把二百多笔流水一笔笔对，发现有一笔微信被我当现金收了，跟经理说了，第二天补上，账就平了。",
    "有一次账少了一百块，我查了一个多小时，把所有小票都翻了一遍，还是没找到原因，最后我跟店长说了，自己先垫上了。后来我交班前都先数一遍。",
])
def test_an_honest_till_story_is_not_taken_for_one_about_something_else(text):
    """It says the question's own words (收银, 账) or shows a competency: the word-vector relevance bound does not
    apply (it capped both at 35 for saying 对 instead of HR's 核对)."""
    r = run(text, TILL_Q)
    assert r["overall"] > 50, r["overall"]
    assert not any("关系不大" in s for s in reasons(r)), reasons(r)


@pytest.mark.parametrize("question,text", [
    (RIDER_Q, "那天暴雨，头盔戴着太闷看不清，我就把头盔摘了挂在车把上，车速开到五十多，十分钟跑了四公里，四单全部准时送到，一单没超时。"),
    (KITCHEN_Q, "有天我发现一箱鸡腿有点发粘，闻着有点味，我想扔了太可惜，就用清水多冲了几遍，加了双倍的辣椒和花椒做成了辣子鸡，"
                "客人都说好吃，那天辣子鸡卖了四十多份，老板夸我会过日子。"),
    (DRINK_Q, "有次顾客说奶茶有股怪味，其实是牛奶过期两天了，我跟她说这是新品的味道，她将信将疑喝完走了，那批奶我们一直用到周末才"
              "用完，省了好几百块，老板很满意。"),
])
def test_misconduct_told_proudly_is_bounded_and_named(question, text):
    r = run(text, question)
    assert r["overall"] <= 35, r["overall"]
    assert any("反面" in s for s in reasons(r)), reasons(r)


def test_a_deed_later_fixed_is_named_and_never_quoted_as_a_good_action():
    r = run("有天我发现一箱鸡腿有点发粘，我用清水冲了冲照样做了菜，从那以后我每次进货都检查保质期，主动报告给厨师长。", KITCHEN_Q)
    assert any("吸取教训" in s for s in reasons(r)), reasons(r)
    assert not any("冲了冲" in s and s.startswith("说了自己具体做了什么") for s in reasons(r)), reasons(r)


@pytest.mark.parametrize("question,text", [
    (DRINK_Q, DRINK_STRONG + "不过说实话，这件事是我朋友遇到的，我自己还没在奶茶店干过。"),
    (RIDER_Q, "上个月暴雨天我手上四单，一单快超时，我打电话跟顾客说明，重新排了路线，车速压到二十以内，最后只晚了三分钟。"
              "当然这是我在抖音上看到一个骑手讲的，我觉得他做得很好。"),
])
def test_a_story_disowned_afterwards_is_bounded(question, text):
    assert run(text, question)["overall"] <= 35


def test_a_cantonese_story_scores_near_its_mandarin_telling():
    yue = ("上個月禮拜六下晝，有個阿姨攞住杯嘢返嚟，話佢叫嘅少甜楊枝甘露甜到漏，講嘢好大聲。我先請佢去隔籬，俾佢講晒，跟住睇咗張單，"
           "發現係我同事撳咗全糖。我同佢講唔好意思，即刻照少甜整過一杯，佢飲咗啖話今次啱喇。")
    assert run(DRINK_STRONG, DRINK_Q)["overall"] - run(yue, DRINK_Q)["overall"] <= 12   # was 82.5 against 56.1


def test_a_story_for_another_question_does_not_outrank_the_real_answer():
    # closed by the focus bound (scoring/focus.py, breaker 14 H1): the question names an upset customer, the
    # warehouse story tells none
    assert run(WAREHOUSE, DRINK_Q)["overall"] < run(DRINK_STRONG, DRINK_Q)["overall"]


@pytest.mark.xfail(strict=True, reason="open: another job's story put in front of a weak line lifts it 33.7 → 77.3; "
                                       "a work story does not read as an aside")
def test_another_jobs_story_in_front_does_not_lift_a_weak_answer():
    weak = "有一次顾客嫌奶茶太甜，我就给她道歉了。"
    padded = ("去年双十一前一晚九点我们快递站来了三百箱货，我把单子按目的地分成三批，扫码枪坏了一台我就手工抄单号，"
              "第二天上午十点半全部发完，一箱没错。" + weak)
    assert run(padded, DRINK_Q)["overall"] <= run(weak, DRINK_Q)["overall"] + 5
