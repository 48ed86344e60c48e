"""Answers that are not answers to the question, found by the learnt detectors (functions/analyze/scoring/
detectors.py; models/scorer/offtopic-zh.npz and reluctant-zh.npz fitted by models/scorer/detectors.py):

- talk about something other than work — private life, a hobby, an opinion about the world — is bounded at
  model.OFF_TOPIC_CAP, unless it names two terms of one competency (a documented precision trade-off);
- unwillingness, indifference or blame put on others, as the candidate's own attitude, at model.RELUCTANT_CAP.

Either is named in the reasons, nothing in the answer is credited, and the candidate is told what the question
asks for. Honest answers of every grade and form — owned mistakes, a colleague's reluctance told, honest
limits — are never bounded. Every text here is written for this test, none taken from a labelled set."""
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from functions.analyze.scoring import detectors, model
from functions.analyze.scoring.answer import OFF_TOPIC_REASON, RELUCTANT_REASON, score_answer

ROOT = Path(__file__).resolve().parents[2]

URGENT = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
          "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                           {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
COMPLAINT = {"text": "请讲一次顾客对你的服务不满意、当场投诉的经历，你是怎么处理的？结果怎么样？", "answer_seconds": 120,
             "competencies": [{"name": "服务意识", "weight": 0.6, "keywords": ["道歉", "耐心", "安抚"]},
                              {"name": "解决问题", "weight": 0.4, "keywords": ["退换", "补偿", "上报"]}]}
MOTIVE = {"text": "你为什么想来我们药店工作？接下来一两年有什么打算？", "answer_seconds": 90, "type": "motivation",
          "competencies": [{"name": "求职动机", "weight": 1.0, "keywords": ["稳定", "学习", "药品"]}]}


def score(text, question, language="zh"):
    return score_answer([{"word": text, "start": None, "end": None}], language, question)


def reasons(result):
    return [s for c in result["competencies"] for s in c["reasons"]]


@pytest.mark.parametrize("name,language,entry", [("off_topic", "zh", "zh-offtopic"), ("off_topic", "en", "en-offtopic"),
                                                   ("off_topic", "ko", "ko-offtopic"), ("reluctant", "zh", "zh-reluctant")])
def test_the_artefacts_are_pinned_in_the_manifest_and_load_without_pickle(name, language, entry):
    entry = {e["name"]: e for e in json.loads((ROOT / "models" / "manifest.json").read_text())["lexicons"]}[entry]
    path = ROOT / "models" / entry["file"]
    assert path.name == detectors.FILES[name][language] and entry["language"] == language
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
    assert path.stat().st_size <= 2 * 1024 * 1024
    with np.load(path, allow_pickle=False) as data:
        assert len(bytes(data["vocabulary"]).decode("utf-8").split("\n")) == data["coef"].shape[0] == data["idf"].shape[0]
    assert detectors.available(name, language)
    # the trainer's own leave-one-set-out figures are recorded with it: no strong, good or moved story flagged
    flagged = entry["leave_one_set_out"]["flagged"]
    assert all(flagged.get(k, "0/").startswith("0/") for k in ("strong", "short_strong", "good", "transplant")), flagged


# written for this test, not taken from any labelled set: private life, hobbies, opinions, small talk
OFF_TOPIC = [
    "我儿子今年刚上小学一年级，每天早上七点我送他去学校，放学是我妈去接。他最喜欢的是体育课，上周运动会跑了个第二名，回家高兴得不得了。",
    "我平时周末喜欢去钓鱼，一般去城郊的水库，早上五点出发，带两根竿子。上个月钓到一条四斤多的草鱼，回家红烧了，一家人吃了两顿。",
    "说实话我觉得现在房价太高了，我们那边一个小两居都要一百多万，年轻人根本买不起。我老家的房子倒是便宜，就是没有工作机会。",
    "我老家是四川南充的，我们那边过年要杀年猪、灌香肠，腊肉挂在灶台上熏一个月。小时候最盼的就是过年，能穿新衣服，还能收压岁钱。",
    "我最近在追一部电视剧，讲的是八十年代一个家庭的故事，一共四十集，我一个礼拜就看完了。里面的演员演得特别好，我妈也跟着一起看。",
    "我特别喜欢养猫，家里有两只，一只橘猫一只狸花，橘猫已经十六斤了，天天睡在沙发上。狸花比较皮，老是把桌上的杯子推到地上。",
]


CREDITS = ("举了具体的", "说到了自己具体做的", "说了具体结果", "说到了最后的结果")
ON_TOPIC = "请围绕题目来回答：这道题问的是工作中的经历或做法，生活里的事可以留到面谈时再聊。"
WILLING = "可以讲一次你主动把事情做好、对结果负责的经历，说说你具体做了什么。"


def assert_bounded(r, cap, reason, suggestion):
    """Scored, at most `cap`, the bound named, nothing of the answer credited, the candidate told what is asked."""
    assert r["status"] == "scored"
    assert r["overall"] <= cap, r["overall"]
    said = reasons(r)
    assert reason.format(cap=cap) in said
    assert not any(s.startswith(CREDITS) for s in said), said
    assert r["feedback"] == {"strengths": [], "suggestions": [suggestion]}


@pytest.mark.parametrize("text", OFF_TOPIC)
@pytest.mark.parametrize("question", [URGENT, COMPLAINT], ids=["urgent", "complaint"])
def test_talk_about_something_other_than_work_is_bounded_and_named(text, question):
    assert_bounded(score(text, question), model.OFF_TOPIC_CAP, OFF_TOPIC_REASON, ON_TOPIC)


# honest answers of every grade and form, written for this test: none is bounded as off-topic
HONEST = [
    (URGENT, "去年双十一前一晚，仓库临时多了三百箱货，第二天上午就要发。我们四个人，我先按目的地把货分成三批，最急的先装。"
             "半夜扫描枪坏了一把，我改成手写单号再统一补录。第二天上午十点半全部发完，没有一单错发。"),
    (URGENT, "那次订单很急，我就先把最急的几单挑出来先做，跟组长说了一下，让另外两个人帮忙打包，最后按时交了。"),
    (URGENT, "我觉得遇到急单最重要的是心态要稳，不能慌，要合理安排时间，跟大家配合好，这样一般都能完成。"),
    (URGENT, "这个我没怎么遇到过，反正有急的就做呗，做不完也没办法。"),
    (URGENT, "上个月 有 一天 下午 突然 来了 五十 单 加急 我 先 把 当天 要 发 的 挑出来 叫 了 两个 同事 一起 打包 六点 前 全部 发走 了"),
    (COMPLAINT, "有次有个阿姐话我哋啲奶茶太甜，好嬲咁。我即刻同佢讲唔好意思，帮佢重新整过一杯少甜嘅，仲送咗张优惠券，佢饮完话可以喇。"),
    (COMPLAINT, "有一回一个大爷买的面包回家发现过期了，拿回来很生气。我先跟他道歉，给他换了新的，又退了钱，然后把那批货全下架报给店长，"
                "后来店里每天早上多查一遍日期。"),
    (MOTIVE, "我比较喜欢跟人打交道，家里老人常年吃药，我对药品也有点兴趣。想找个稳定的工作，先把药品知识学扎实，以后考个药师证。"),
    (MOTIVE, "我家就住在附近，走路十分钟，孩子上学也近，想找个离家近、能长期干的工作，先跟着店长学。"),
]


@pytest.mark.parametrize("question,text", HONEST)
def test_honest_answers_of_every_grade_and_form_are_not_bounded(question, text):
    r = score(text, question)
    assert r["status"] == "scored", r.get("reason_code")
    assert OFF_TOPIC_REASON.format(cap=model.OFF_TOPIC_CAP) not in reasons(r)
    p = detectors.probability("off_topic", text, "zh")
    assert p is not None and p < model.OFF_TOPIC_P, (p, text)


def test_an_answer_that_shows_a_competency_through_its_own_terms_is_not_bounded():
    # a hobby story that still tells teamwork in the question's terms is judged by the scorer, not bounded
    text = "我平时周末喜欢打篮球，每次比赛前我都先跟队友沟通好分工，谁防守谁进攻，上个月我们队拿了社区比赛第一名。"
    assert model.off_topic_cap(0.99, vouched=True) is None
    r = score(text, URGENT)
    assert OFF_TOPIC_REASON.format(cap=model.OFF_TOPIC_CAP) not in reasons(r)


def test_reluctance_is_read_in_chinese_only():
    assert detectors.probability("reluctant", "I don't really care, it was not my problem anyway.", "en") is None
    assert detectors.probability("reluctant", "솔직히 제 문제는 아니었어요.", "ko") is None
    assert model.off_topic_cap(None) is None and model.off_topic_cap(model.OFF_TOPIC_P - 0.01) is None
    assert model.off_topic_cap(model.OFF_TOPIC_P) == model.OFF_TOPIC_CAP


# English and Korean, written for this test: off-topic talk is bounded, honest answers (a story, an unwilling
# answer, a motivation with family reasons) are not
EN_Q = {"text": "Tell me about a time a customer's order went wrong. What did you do, and what happened?",
        "answer_seconds": 120, "competencies": [
            {"name": "客户服务", "weight": 0.6, "keywords": ["apologise", "customer", "refund"]},
            {"name": "解决问题", "weight": 0.4, "keywords": ["fix", "remake", "check"]}]}
KO_Q = {"text": "손님 주문이 잘못됐던 경험을 말씀해 주세요. 어떻게 하셨고 결과는 어땠나요?", "answer_seconds": 120,
        "competencies": [{"name": "客户服务", "weight": 0.6, "keywords": ["사과", "손님", "환불"]},
                         {"name": "解决问题", "weight": 0.4, "keywords": ["확인", "다시", "해결"]}]}
OTHER_LANGUAGES = [
    ("en", EN_Q, True, "To be honest, my real passion is fishing. Every Sunday I drive out to the reservoir with my dad at "
                       "five in the morning, and last month I caught a carp that weighed almost four kilos."),
    ("en", EN_Q, True, "I have two cats at home, an orange one and a grey one. The orange one is very lazy and sleeps on "
                       "the sofa all day, while the grey one keeps knocking cups off the table."),
    ("en", EN_Q, True, "Speaking of orders, that reminds me of my trip to Thailand last summer. The beaches were beautiful "
                       "and the street food was cheap, I ate mango sticky rice every single day."),
    ("en", EN_Q, False, "Last December a customer's order of forty cakes came out wrong. I apologised, called the kitchen, "
                        "we remade twelve of them in two hours, and I delivered them myself before the party started."),
    ("en", EN_Q, False, "I don't really like dealing with angry customers, but if an order is wrong I check the receipt "
                        "and ask the kitchen to fix it."),
    ("en", EN_Q, False, "Once a delivery went to the wrong address. I phoned the customer, said sorry, sent the rider back "
                        "with a new box within half an hour, and gave her a coupon for next time."),
    ("ko", KO_Q, True, "저는 주말마다 아버지랑 저수지에 낚시하러 가요. 지난달에는 4킬로그램짜리 잉어를 잡아서 가족들이랑 "
                       "매운탕을 끓여 먹었어요."),
    ("ko", KO_Q, True, "요즘 드라마를 하나 보고 있는데 80년대 가족 이야기예요. 일주일 만에 40화를 다 봤고 엄마도 같이 봤어요."),
    ("ko", KO_Q, True, "주문 얘기가 나오니까 작년 여름에 제주도 여행 간 게 생각나요. 바다가 정말 예뻤고 흑돼지도 맛있었어요."),
    ("ko", KO_Q, False, "작년 연말에 케이크 주문 40개 중에 12개가 잘못 나왔어요. 손님께 사과드리고 주방에 바로 알려서 두 시간 "
                        "안에 다시 만들어 직접 배달했어요."),
    ("ko", KO_Q, False, "화난 손님을 상대하는 건 별로 안 좋아하지만, 주문이 잘못되면 영수증을 확인하고 주방에 다시 해 달라고 "
                        "해요."),
    ("ko", KO_Q, False, "한번은 배달이 다른 주소로 갔어요. 손님께 전화해서 사과하고 30분 안에 새 상품을 다시 보내 드렸고, "
                        "다음에 쓸 쿠폰도 드렸어요."),
]


@pytest.mark.parametrize("language,question,off,text", OTHER_LANGUAGES)
def test_english_and_korean_talk_about_something_other_than_work_is_bounded(language, question, off, text):
    p = detectors.probability("off_topic", text, language)
    # each language's own threshold, as answer.bound reads it (English reads lower: model.OFF_TOPIC_P_LANGUAGE)
    assert p is not None and (p >= model.OFF_TOPIC_P_LANGUAGE.get(language, model.OFF_TOPIC_P)) == off, (p, text)
    r = score(text, dict(question, language=language), language)
    assert r["status"] == "scored", r.get("reason_code")
    bounded = OFF_TOPIC_REASON.format(cap=model.OFF_TOPIC_CAP) in reasons(r)
    assert bounded == off and (r["overall"] <= model.OFF_TOPIC_CAP) == off, (r["overall"], reasons(r))


def test_how_an_answer_is_written_does_not_move_the_probability():
    # punctuation, spaces, full-width and digits versus Chinese numerals read the same (wording.text_key)
    a = detectors.probability("off_topic", "我平时周末喜欢去钓鱼，上个月钓到一条4斤多的草鱼。", "zh")
    b = detectors.probability("off_topic", "我 平时 周末 喜欢 去 钓鱼 上个月 钓到 一条 四斤 多 的 草鱼", "zh")
    assert a == pytest.approx(b, abs=1e-9)


RELUCTANT = [
    "说实话这种事我一般不太管，顾客爱怎么说怎么说，反正工资也不会多给。",
    "那肯定不是我的问题，是仓库发错了货，我让顾客自己去找快递。",
    "急单我们一般不接，接了也做不完，做不完顾客还怪你，我就直接让他去别家。",
    "我其实不太想干这个，家里让我出来找点事做，先干两个月看看，不行就走。",
    "加班我是不愿意的，到点我就走，活没干完是排班的问题，不是我的事。",
    "顾客投诉就让他投诉呗，我又没做错什么，跟他解释那么多干嘛，浪费时间。",
]


@pytest.mark.parametrize("text", RELUCTANT)
def test_unwillingness_told_as_ones_own_attitude_is_bounded_and_named(text):
    r = score(text, COMPLAINT)
    if "肯定不是我的问题" in text:
        # session 23: shifting the blame is counter-evidence too (contrary-zh.json), and counter-evidence is named
        # first whichever bound is lowest; the reluctance bound still holds the score
        assert r["status"] == "scored" and r["overall"] <= model.RELUCTANT_CAP, r["overall"]
        assert any("“肯定不是我的问题”" in s and "反面信息" in s for s in reasons(r)), reasons(r)
        assert not any(s.startswith(CREDITS) for s in reasons(r)), reasons(r)
        return
    assert_bounded(r, model.RELUCTANT_CAP, RELUCTANT_REASON, WILLING)


OWNED_OR_OTHERS = [
    (COMPLAINT, "刚来的时候我也觉得无所谓，有一次没核对就发了货，被投诉了。从那以后我每单都先对一遍单号，半年没再错过。"),
    (COMPLAINT, "我同事说这事不归我们管，但我还是去帮顾客查了监控，半小时找到了他的钱包，顾客特别感谢。"),
    (URGENT, "那次货实在太多，我一个人做不完，就跟店长说明情况，请他调了两个人过来，最后晚了半小时发完。"),
    (COMPLAINT, "老实讲那次是我没做好，我忘了给顾客留言，他等了一个小时。我当面道歉，退了配送费，之后我每单都设提醒。"),
    (MOTIVE, "说实话我刚开始也不会，是店长一步步教我的。现在收银、盘点、补货我都能自己做，上个月还带了一个新来的。"),
    (URGENT, "我不喜欢拖，一般当天的事当天做完，做不完我会提前跟主管说一声，让他安排别人接手。"),
]


# HONEST's poor answer (反正有急的就做呗，做不完也没办法) is the reluctance this detector is for: left out here
@pytest.mark.parametrize("question,text", OWNED_OR_OTHERS + [(q, t) for q, t in HONEST if "反正" not in t])
def test_owned_mistakes_others_reluctance_and_honest_limits_are_not_bounded(question, text):
    r = score(text, question)
    assert RELUCTANT_REASON.format(cap=model.RELUCTANT_CAP) not in reasons(r)
    assert detectors.probability("reluctant", text, "zh") < model.RELUCTANT_P, text


# a phrasing the detector fitted on sets a–h missed (0.598, a strict xfail until session 24); refitted with sets i–t
# (session 25) it is caught
def test_reluctance_looking_away_is_caught():
    text = "遇到这种情况我就装没看见，多一事不如少一事，出了事再说。"
    assert detectors.probability("reluctant", text, "zh") >= model.RELUCTANT_P
