"""Breaker 15, finding M2: closing questions (你有什么想问我们的？) are judged on real questions put to the
interviewer. A question word inside a statement (不和客人争是不是我们的头发, 看看是谁没戴帽子, 老板问我们累不累) asks
nothing; an insult is no question about the job; pay, board, hours, days off and probation — what candidates for
small businesses rightly ask — are questions about the job's terms (at least model.CLOSING_TERMS_FLOOR, with a
reason that says what was and was not asked); questions about the work itself pass. Direct and indirect forms
(想问一下…, 请问…, 不知道咱们这边…, 能不能…, …吗, A不A, 是…还是…), unpunctuated speech, English and Korean.
Real scorer, texts written for this test across jobs."""
from __future__ import annotations

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import model

COMPS = [{"name": "求职意愿", "weight": 0.5, "keywords": ["岗位", "工作", "培训"]},
         {"name": "沟通表达", "weight": 0.5, "keywords": ["提问", "清楚"]}]
CLOSINGS = {
    "zh": ["关于这个岗位，你有什么想问我们的吗？", "我们的问题问完了，你有什么想问我们的吗？", "今天就先聊到这，你还有什么想了解的吗？"],
    "en": ["Do you have any questions for us about the job?"],
    "ko": ["마지막으로 이 일에 대해 궁금한 점 있으세요?"],
}
JOB_QUESTION = "提出了与工作相关的具体问题"
NOT_ASKED = "没有提出任何问题"
RUDE = "不礼貌或与工作无关"
UNRELATED = "提了问题，但和岗位本身关系不大"
TERMS_NOTE = "没有问到具体做什么、谁来带、怎么考核"
PRAISE = {"zh": "问了和工作直接有关的具体问题。", "en": "You asked specific questions about the job itself.",
          "ko": "업무와 직접 관련된 구체적인 질문을 했습니다."}
ASK_WORK = {"zh": "也可以问问这份工作具体要做什么、谁来带新人、怎么考核。",
            "en": "You could also ask what the work involves day to day, who trains new staff and how performance is "
                  "judged.",
            "ko": "이 일에서 구체적으로 어떤 일을 하는지, 누가 신입을 가르치는지, 어떻게 평가하는지도 물어볼 수 있습니다."}


def run(text: str, language: str = "zh", k: int = 0) -> dict:
    texts = CLOSINGS[language]
    q = {"text": texts[k % len(texts)], "answer_seconds": 60, "competencies": COMPS}
    return pipeline.analyze_transcript(text, q, language)


def reasons(r: dict) -> list[str]:
    return [s for c in r["competencies"] for s in c["reasons"]]


# --- statements that hold a question word ask nothing -------------------------------------------------------

NO_QUESTION = [
    # the breaker's answer, typed and as speech without punctuation
    ("zh", "我会先马上跟客人道歉，把这盘菜端走，不和客人争是不是我们的头发。然后告诉厨房重做一份，同时跟领班说一声，这桌的这道菜免单，"
           "再送一份甜品。菜上来以后我会回去问一下客人还满不满意。事后要跟厨房一起看看是谁没戴帽子，避免再发生。"),
    ("zh", "我会先马上跟客人道歉 把这盘菜端走 不和客人争是不是我们的头发 然后告诉厨房重做一份 菜上来以后我会回去问一下客人还满不满意 "
           "事后跟厨房一起看看是谁没戴帽子"),
    ("zh", "我以前在超市理货，每天早上要先看看是哪个货架缺货，然后补上，不管几点到货我都会先把生鲜放进冷库。"),
    ("zh", "我在驿站干过一年，顾客来取件我会先问一下他手机尾号是多少，再去货架上找，找不到就查一下是不是放错了区。"),
    ("zh", "上次有个老人半夜不舒服，我当时也不知道该怎么办，就先按了呼叫铃，叫了值班医生，后来老人没事了。"),
    ("zh", "我觉得做服务员最重要的是态度，客人问什么我都耐心回答，有什么问题我都会马上找领班。"),
    ("zh", "我们几个人一起把三百箱货搬完了，老板问我们累不累，我们说不累。"),
    ("zh", "收银的时候我会先确认顾客给的是多少钱，再数一遍找零，看清楚是不是假钞，每天下班前对一遍账。"),
    ("zh", "我在饭店后厨干过两年，切配、洗碗都做过，师傅让我干什么我就干什么，从来不挑活。"),
    ("zh", "下雨天我都会先看看订单是几点要送到，来不及就提前跟顾客说一声，不管多晚都会送到。"),
    ("zh", "我做保洁很仔细，每个房间打扫完都会检查一遍有没有漏掉的地方，客人怎么说我就怎么改。"),
    ("zh", "顾客进来我会先问问她想剪什么样的发型，拿不准的时候会给她看图片，确认好了再剪。"),
    ("zh", "我会先尝尝咸不咸，再看看火候够不够，有什么不对就马上调整。"),
    ("zh", "电话和客人同时来的时候，我会先跟客人说一声稍等，问一下电话那边是什么事，再决定先处理哪个。"),
    ("zh", "我送外卖三年了，几乎没有超时过，好几次暴雨天也按时送到了。"),
    ("zh", "有一次客人说房间没打扫干净，我也不知道是哪里没弄好，就重新打扫了一遍，还跟客人确认有没有别的问题。"),
    ("en", "Last year we had a rush order and I checked which pallets were ready, then I asked my supervisor how to "
           "split the load."),
    ("en", "We had a rush order, which was hard, and my supervisor, who trained me, showed me how we split the load."),
    ("ko", "손님이 뭐가 필요한지 먼저 물어보고 바로 만들어 드렸어요."),
    ("ko", "뭐든지 열심히 할게요. 언제든지 출근할 수 있어요."),
    ("ko", "어떤 일이든 잘할 수 있어요"),
    ("en", "I can start any time and I am happy to work weekends."),
]


@pytest.mark.parametrize("k, case", list(enumerate(NO_QUESTION)))
def test_a_statement_with_a_question_word_asks_nothing(k, case):
    language, text = case
    r = run(text, language, k)
    if r["status"] != "scored":
        assert r["reason_code"] == "too_little_content", r["reason"]
        return
    said = reasons(r)
    assert not any(s.startswith((JOB_QUESTION, UNRELATED)) for s in said), said
    assert any(s.startswith(NOT_ASKED) for s in said), said
    assert r["overall"] <= model.CLOSING_NO_QUESTION
    assert r["feedback"]["strengths"] == []


# --- insults are no questions about the job -----------------------------------------------------------------

RUDE_ASKED = [
    ("zh", "你们老板是不是有毛病？为什么要录视频面试？"),
    ("zh", "你们老板是不是有毛病 为什么要录视频面试"),
    ("zh", "你们经理是不是脑子有病啊？"),
    ("zh", "这种破活谁愿意干啊？"),
    ("zh", "你们是不是缺德，工资压那么低？"),
    ("zh", "新人有没有人带？你们老板是不是有毛病，天天骂人？"),
    ("zh", "工资多少？你们这破活谁干得下去？"),
    ("en", "Is your boss crazy or something? Why is this place so cheap?"),
    ("ko", "사장님 미쳤어요? 왜 이렇게 월급이 짜요?"),
]


@pytest.mark.parametrize("k, case", list(enumerate(RUDE_ASKED)))
def test_an_insult_is_bounded_and_never_called_a_job_question(k, case):
    language, text = case
    r = run(text, language, k)
    assert r["status"] == "scored", r["reason"]
    said = reasons(r)
    assert r["overall"] <= model.CLOSING_RUDE
    assert any(RUDE in s for s in said), said
    assert not any(s.startswith(JOB_QUESTION) for s in said), said
    assert r["feedback"]["strengths"] == []


@pytest.mark.parametrize("text", ["机器有毛病了找谁修", "老人半夜有病了怎么处理？"])
def test_a_fault_or_an_illness_in_the_work_is_no_insult(text):
    r = run(text)
    assert r["status"] == "scored"
    assert not any(RUDE in s for s in reasons(r)), reasons(r)
    assert r["overall"] >= model.CLOSING_WORK_FLOOR[1]


# --- pay, board, hours: questions about the job's terms -----------------------------------------------------

TERMS = [
    ("zh", "工资是多少？包吃住吗？"),
    ("zh", "工资是多少 包吃住吗"),
    ("zh", "一个月多少钱，有没有提成？"),
    ("zh", "包不包住？"),
    ("zh", "管饭吗？"),
    ("zh", "想问一下工资是怎么算的，包不包吃？"),
    ("zh", "一个月休几天，有没有五险一金？"),
    ("zh", "工资是日结还是月结？底薪多少？"),
    ("zh", "请问宿舍几个人住一间？离院里远不远？"),
    ("zh", "我想了解一下待遇怎么样，还有上班时间。"),
    ("zh", "也不知道咱们这边有没有宿舍"),
    ("zh", "试用期多长时间，试用期工资打几折？"),
    ("en", "How much does it pay? Is accommodation included?"),
    ("en", "what are the hours and is there a staff meal"),
    ("ko", "월급은 얼마인가요? 숙소 제공되나요?"),
    ("ko", "근무 시간은 어떻게 되나요"),
    ("ko", "주말에도 일할 수 있어요. 몇 시에 출근하나요?"),
    ("zh", "我想跟您确认一下上班时间是几点"),
    ("zh", "我马上就能上班 什么时候能来试工"),
]


@pytest.mark.parametrize("k, case", list(enumerate(TERMS)))
def test_pay_board_and_hours_are_questions_about_the_job(k, case):
    language, text = case
    r = run(text, language, k)
    assert r["status"] == "scored", r["reason"]
    said = reasons(r)
    assert any(s.startswith(JOB_QUESTION) and TERMS_NOTE in s for s in said), said
    assert not any(s.startswith((UNRELATED, NOT_ASKED)) or "最高" in s for s in said), said
    assert model.CLOSING_TERMS_FLOOR <= r["overall"] < model.CLOSING_WORK_FLOOR[1]
    assert ASK_WORK[language] in r["feedback"]["suggestions"]


def test_the_breakers_three_answers_are_ordered():
    story, rude, pay = (run(NO_QUESTION[0][1]), run(RUDE_ASKED[0][1]), run(TERMS[0][1]))
    work = run("想问两个问题：一是新人进来有没有带教，大概多久可以独立上岗？二是排班是固定的还是轮班，周末一般怎么安排？")
    assert rude["overall"] < pay["overall"] < work["overall"]
    assert story["overall"] < pay["overall"]
    assert work["overall"] >= model.CLOSING_WORK_FLOOR[1]


# --- questions about the work itself pass, however they are put ---------------------------------------------

WORK = [
    ("zh", "新人进来有人带吗 大概多久能自己看台"),
    ("zh", "不知道咱们这边新人有没有人带？"),
    ("zh", "我想知道刚来主要是做什么，以后能不能跟师傅学炒菜。"),
    ("zh", "能不能告诉我一下，夜班一般几个人？"),
    ("zh", "麻烦问一下，双十一一天大概多少件，会不会临时加人？"),
    ("zh", "我比较关心的是夜班一个人要照顾几位老人。"),
    ("zh", "我会好好干的。想问一下以后有没有机会当领班？"),
    ("zh", "问一下师傅带不带徒弟"),
    ("zh", "夜班都是几个人"),
    ("zh", "每天都要干什么"),
    ("zh", "刚来主要是洗菜切菜还是也能上灶"),
    ("zh", "新人来了一般谁带"),
    ("zh", "我进来主要负责哪一块 一个人管几条链接"),
    ("zh", "我之前送了一年外卖，每天跑四十多单。想问一下站里电动车是自己买还是站里配？"),
    ("zh", "工资怎么算，包不包住？刚来主要做什么，有没有师傅带？"),
    ("en", "What does a typical shift look like, and who would train me in the first week?"),
    ("en", "i would like to know who trains new staff and how many people work the night shift"),
    ("en", "who would i report to"),
    ("en", "How much is the hourly pay, and who trains new staff?"),
    ("ko", "처음에 누가 가르쳐 주시나요? 한 교대에 몇 명이 일해요?"),
    ("ko", "처음에 교육은 누가 해 주시는지 궁금합니다"),
    ("ko", "한 교대에 몇 명이 일해요"),
    ("en", "do you offer training for new staff"),
    ("zh", "我先问一个 夜班几个人"),
    ("zh", "我随时可以到岗，想问一下新人培训多久？"),
]


@pytest.mark.parametrize("k, case", list(enumerate(WORK)))
def test_a_question_about_the_work_passes_and_is_praised(k, case):
    language, text = case
    r = run(text, language, k)
    assert r["status"] == "scored", r["reason"]
    said = reasons(r)
    assert any(s.startswith(JOB_QUESTION) and TERMS_NOTE not in s for s in said), said
    assert r["overall"] >= model.CLOSING_WORK_FLOOR[1]
    assert PRAISE[language] in r["feedback"]["strengths"]


# --- questions about something else stay low ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["请问今天天气怎么样？你们吃饭了吗？", "你们附近哪个小区的学校比较好？", "你们这个面试是用什么软件做的？"])
def test_a_question_about_something_else_is_not_a_job_question(text):
    r = run(text)
    said = reasons(r)
    assert any(s.startswith(UNRELATED) for s in said), said
    assert not any(s.startswith(JOB_QUESTION) for s in said), said
    assert r["overall"] < model.CLOSING_TERMS_FLOOR
