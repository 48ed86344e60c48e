"""Reasons and feedback say what the answer says (issue 8, the twelfth breaker round), as families:

1. the result and action reasons quote the result and the step, never the setting the story opens with
   (…三百箱货要第二天发出去; 晚高峰我手上压了六单; 손님이…줄을 섰어요);
2. a view of what can be done (大家一起做就能做完) is no result: not quoted as one, not praised as one;
3. advice never contradicts the score (an answer whose competencies all scored 良好 is not told to "多讲…做法");
4. a closing answer that asks nothing (没有什么问题了) is told it asked nothing, not that its question was off the job;
5. a competency scoring high without its own evidence says where the score comes from.

Real calls through pipeline.analyze_transcript, asserting on the text HR and the candidate read."""
import pytest

from functions.analyze.scoring import explain
from tests.functions.conftest import ISSUE_QUESTION as URGENT_Q
from tests.functions.test_scoring_reasons import all_reasons as reasons, run

RAIN_Q = {"text": "送外卖时遇到下大雨、订单又多的时候，你是怎么保证准时又安全送达的？", "answer_seconds": 90,
          "competencies": [{"name": "安全意识", "weight": 0.5, "keywords": ["安全", "减速", "雨衣", "交通规则"]},
                           {"name": "时间管理", "weight": 0.5, "keywords": ["路线", "准时", "规划", "顺路"]}]}
COMPLAINT_Q = {"text": "讲一次你在餐厅遇到顾客投诉的经历，你是怎么处理的？", "answer_seconds": 90,
               "competencies": [{"name": "服务意识", "weight": 0.6, "keywords": ["顾客", "道歉", "解决", "满意"]},
                                {"name": "沟通表达", "weight": 0.4, "keywords": ["倾听", "解释", "沟通"]}]}
CLOSING_Q = {"text": "你有什么想问我们的吗？", "answer_seconds": 60,
             "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["发展", "培训", "工作内容"]}]}
CAFE_Q = {"text": "바쁜 시간에 주문이 밀렸던 경험을 말해 주세요. 어떻게 처리했나요?", "answer_seconds": 90,
          "competencies": [{"name": "업무처리", "weight": 1, "keywords": ["주문", "순서", "정확"]}]}

STRONG = ("去年双十一前一晚，店里临时多了三百箱货要第二天发出去。我们四个人，我先按目的地把货分成三批，江浙沪的先打包。"
          "半夜扫码枪坏了，我就让同事小李手写单号，我来录入系统。第二天上午十点半，三百箱全部发完，没有一单发错。")
RAIN_STRONG = ("去年七月有一次暴雨，晚高峰我手上压了六单。我先穿好雨衣，把手机装进防水袋，车速压到二十五以下。"
               "我把六单按小区顺路排了一下，先送最近的两单，给后面四位顾客打电话说雨大可能晚十分钟。"
               "结果六单都送到了，只有一单晚了八分钟，没有一单差评。")
ONE_COMP = ("上周五下午三点来了一百二十单急单，六点前要发。我一个人先把单子按快递公司分成三类，顺丰的先打，再打中通，"
            "最后打韵达，五点四十全部打包完贴好单，六点前交给了快递员。")

RESULT_SAID = ("说了具体结果", "说到了最后的结果", "说了结果")


def result_reasons(r):
    return [s for s in reasons(r) if s.startswith(RESULT_SAID)]


def action_reasons(r):
    return [s for s in reasons(r) if s.startswith(explain.ACTION_SAID)]


# --- 1. the result and the step, not the setting --------------------------------------------------------

@pytest.mark.parametrize("text, result, setup", [
    (STRONG, "三百箱全部发完", "第二天发出去"),
    ("前年春节前，仓库里压了两百件货要在两天里发出去。我先按地址把货分成四堆，让同事贴单，我负责打包。"
     "第二天晚上八点，两百件全部发完了。", "两百件全部发完", "两天里发出去"),
    ("上个月店里突然来了八十单要当天下午五点前送出去。我先把单子按路线分成两组，我和同事各送一组。"
     "下午四点半，八十单全部送完，没有一单超时。", "八十单全部送完", "送出去"),
])
def test_result_reason_quotes_the_result_not_the_task(text, result, setup):
    r = run(text, URGENT_Q)
    said = result_reasons(r)
    assert said, reasons(r)
    assert all(result in s and setup not in s for s in said), said


@pytest.mark.parametrize("text, question, language, step, setting", [
    (RAIN_STRONG, RAIN_Q, "zh", "我先穿好雨衣", "压了六单"),
    ("那天中午我手里有十五单，雨下得很大。我先把雨衣穿上，把车速放慢到二十以下，然后按顺路把单子排好。"
     "最后十五单都送到了，只晚了一单。", RAIN_Q, "zh", "雨衣", "手里有十五单"),
    ("작년 여름 토요일 오후에 손님이 삼십 명 넘게 줄을 섰어요. 저는 주문을 받으면서 음료 종류별로 컵에 표시를 해서 "
     "바리스타에게 넘겼고, 차가운 음료부터 먼저 만들었어요. 대기 시간이 십오 분에서 칠 분으로 줄었고 잘못 나간 음료는 "
     "하나도 없었어요.", CAFE_Q, "ko", "주문을 받으면서", "손님이"),
    ("지난 토요일 오후에 손님이 스무 명 넘게 왔어요. 저는 먼저 주문을 종류별로 나눠서 바리스타에게 넘겼어요. "
     "기다리는 시간이 십 분에서 오 분으로 줄었어요.", CAFE_Q, "ko", "주문을 종류별로", "손님이"),
])
def test_action_reason_quotes_a_step_not_the_setting(text, question, language, step, setting):
    r = run(text, question, language)
    said = action_reasons(r)
    assert said, reasons(r)
    assert all(step in s and setting not in s for s in said), said


# --- 2. a view of what can be done is no result ----------------------------------------------------------

LONG_VAGUE = ("我觉得遇到紧急订单的时候最重要的就是要保持冷静，不能慌，因为慌了就容易出错。然后我觉得要把事情理清楚，"
              "一件一件来做，不能什么都想同时做。我平时工作都是比较认真负责的，领导交代的事情我一般都会尽力完成。"
              "我觉得团队的力量是很大的，一个人做不完的事情大家一起做就能做完。而且我这个人性格比较好，和大家相处都很融洽。"
              "总之我觉得只要态度端正，再急的订单也都能完成，结果一般都是比较好的，大家也都比较满意。我觉得这就是我的经验。")


@pytest.mark.parametrize("text", [
    LONG_VAGUE,
    "急单来了不要慌，我觉得一个人干不完的活，几个人一起干就能干完。我这个人比较能吃苦，加班也没问题，反正最后总能做完。",
    "遇到紧急订单，我一般都会先把事情理一理，然后一件一件做。我觉得团队合作很重要，大家一起做就能按时完成，最后领导也都比较满意。",
    "我觉得遇到急单最重要的就是大家配合好。只要大家一起努力，再多的订单也都能按时完成。我平时做事都比较认真，"
    "领导交代的事我都会尽力做好。结果一般都是比较好的。",
])
def test_a_platitude_is_neither_quoted_nor_praised_as_a_result(text):
    r = run(text, URGENT_Q)
    assert r["overall"] < 50
    assert not result_reasons(r), reasons(r)
    assert not any("就能" in s or "都能" in s or "总能" in s for s in reasons(r) if "结果" in s), reasons(r)
    assert explain._STRENGTHS["outcome"] not in r["feedback"]["strengths"], r["feedback"]


def test_a_real_result_is_still_praised():
    r = run(STRONG, URGENT_Q)
    assert explain._STRENGTHS["outcome"] in r["feedback"]["strengths"]


# --- 3. advice agrees with the score ---------------------------------------------------------------------

# the warehouse story on the complaint question is no longer a good answer there: it tells no complaint, and the
# focus bound (breaker 14, scoring/focus.py) caps it at 35 — tests/functions/test_scoring_breaker14g.py
@pytest.mark.parametrize("text, question", [
    (RAIN_STRONG, RAIN_Q),
    (ONE_COMP, URGENT_Q),
    (STRONG, RAIN_Q),
])
def test_a_good_answer_is_not_told_to_say_more_of_the_practice(text, question):
    r = run(text, question)
    assert min(c["score"] for c in r["competencies"]) >= explain.GOOD, r["competencies"]
    assert explain._SUGGEST["evidence"] not in r["feedback"]["suggestions"], r["feedback"]


def test_a_middling_answer_still_gets_the_practice_advice():
    """… when it shows no competency: eight orders delivered one by one say nothing of safety or of the route."""
    r = run("上周三晚上暴雨，我手上有八单没送，我就一单一单送，最后八单全部送到了。", RAIN_Q)
    assert r["overall"] < explain.GOOD
    assert explain._SUGGEST["evidence"] in r["feedback"]["suggestions"], r["feedback"]


def test_an_answer_that_shows_the_practice_is_not_told_to_tell_it():
    """Session 40 (breaker 41: 18 on-topic stories were told "可以多讲和这道题直接有关的具体做法"): a raincoat, riding slowly and
    a route by neighbourhood show both competencies (competency_strength ≥ explain.SHOWN) though the answer scores
    under 良好; the advice would be false."""
    r = run("上周三晚上暴雨，我手上有八单没送。我就先给顾客发消息说明会晚一点，再穿好雨衣慢慢骑，按小区顺路送。"
            "最后八单全部送到，没有一单差评。", RAIN_Q)
    assert r["overall"] < explain.GOOD
    assert all(c["competency_strength"] >= explain.SHOWN for c in r["competencies"])
    assert explain._SUGGEST["evidence"] not in r["feedback"]["suggestions"], r["feedback"]


# --- 4. a closing answer that asks nothing ---------------------------------------------------------------

@pytest.mark.parametrize("text, said", [
    ("没有什么问题了。我补充一下，去年双十一前一晚店里多了三百箱货，我把货按目的地分成三批，第二天上午十点半全部发完。",
     "没有什么问题了"),
    ("暂时没有问题。我就是想说我很喜欢这份工作，以前在超市干过三年收银。", "暂时没有问题"),
    ("没有什么问题了。我去年在店里做了一年，每天都按时上班。", "没有什么问题了"),
])
def test_declining_to_ask_is_named_as_asking_nothing(text, said):
    r = run(text, CLOSING_Q)
    rs = reasons(r)
    assert not any(s.startswith("提了问题") for s in rs), rs
    assert any(s.startswith("没有提出任何问题") and said in s for s in rs), rs
    assert r["overall"] <= 35


@pytest.mark.parametrize("text, asked", [
    ("没有什么别的问题，就想问一下入职以后培训多久？", "培训多久"),
    # a question marked only by its question mark (哪位, 还是…) is a question, not "nothing asked"
    ("想问一下，这个岗位是向总经理还是人事经理汇报？另外前任留下的工作里，最急需接手的是哪一块，比如采购还是报销？"
     "我想入职前先准备一下。", "汇报"),
    ("我想问一下，进来以后前三个月主要是跟着哪位师傅学？还有做满一年以后有没有机会去学做店长？", "师傅学"),
])
def test_a_question_is_still_a_question(text, asked):
    r = run(text, CLOSING_Q)
    assert any(s.startswith("提出了与工作相关的具体问题") and asked in s for s in reasons(r)), reasons(r)
    assert not any(s.startswith("没有提出任何问题") for s in reasons(r))


# --- 5. a high score without the competency's own evidence ------------------------------------------------

@pytest.mark.parametrize("text, question", [
    (STRONG, RAIN_Q),
    (ONE_COMP, RAIN_Q),
    ("顾客投诉的时候我一般就是跟他道个歉，然后看情况处理一下。" + STRONG, COMPLAINT_Q),
])
def test_high_score_without_own_evidence_says_where_it_comes_from(text, question):
    r = run(text, question)
    checked = 0
    for c in r["competencies"]:
        if c["score"] >= explain.NO_EVIDENCE_BUT_HIGH:
            assert explain.no_evidence(c["name"]) not in c["reasons"], c
            if any("整段经历的具体程度" in s for s in c["reasons"]):
                checked += 1
    assert checked, r["competencies"]


def test_low_score_without_own_evidence_keeps_the_plain_reason():
    r = run("有次急单来不及，我让两个同事把没检查的货直接封箱，质检记录我自己补签了二十张，当天晚上九点全部发出，"
            "客户也没发现，我觉得这就是效率。", URGENT_Q)
    low = [c for c in r["competencies"] if c["score"] < explain.NO_EVIDENCE_BUT_HIGH]
    assert low
    assert not any("整段经历的具体程度" in s for c in low for s in c["reasons"])
