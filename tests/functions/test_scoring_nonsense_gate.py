"""Nonsense made of real words goes to a person (scoring/nonsense.py, fitted by models/scorer/nonsense.py):
surreal images, subjects doing what they cannot, the question's own work words in sentences that say nothing,
dream-like lines, with or without punctuation, in the first person with HR's keywords and numbers (breaker round
15, H2), in Chinese (English and Korean are fitted and measured but do not gate yet). Honest answers a detector might mistake for it — metaphors, dialect,
trade jargon, unusual events, rough speech — stay scored. Every text here was written for this test (none is in
the training corpus).

Session 16: the learnt reader alone sent 144 of 850 Chinese answers written for the other tests to a person (most
of them honest), so it gates only with model.NONSENSE_CORROBORATION impossible acts in the answer; nonsense
without them is a known miss here (strict xfails), and an honest answer it reads as nonsense with one odd pair
stays scored."""
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import nonsense
from models.scorer import dataset

ROOT = Path(__file__).resolve().parents[2]
PUNCT = re.compile(r"[\s，。、！？；：,.!?;:“”‘’\"'（）()…—·《》]+")

RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
CLERK = {"text": "请讲一次你帮顾客解决问题的经历，你具体做了什么？", "answer_seconds": 120,
         "competencies": [{"name": "服务意识", "weight": 0.6, "keywords": ["耐心", "倾听", "顾客", "解决"]},
                          {"name": "沟通能力", "weight": 0.4, "keywords": ["沟通", "解释", "表达"]}]}
EN = {"text": "Tell us about a time you handled a difficult customer. What did you do and how did it end?",
      "answer_seconds": 120,
      "competencies": [{"name": "customer service", "weight": 0.6, "keywords": ["listen", "apologize", "solution"]},
                       {"name": "problem solving", "weight": 0.4, "keywords": ["solve", "result", "fix"]}]}
KO = {"text": "바쁜 시간에 주문이 한꺼번에 몰렸던 경험을 말해 주세요. 어떻게 처리했나요?", "answer_seconds": 120,
      "competencies": [{"name": "업무 처리", "weight": 0.5, "keywords": ["순서", "빠르게", "정리"]},
                       {"name": "협업", "weight": 0.5, "keywords": ["동료", "협력", "분담"]}]}

# breaker round 15 (H2): first person, HR's keywords, numbers and times around word pairs that cannot go together
BREAKER = [
    (RUSH, "zh", "我按时安排了月亮的优先级，把三百个冰箱和同事沟通协调，然后我把星期三分工成四批，加班到晚上十点半，"
                 "最后桌子全部发走了，客户一单都没退。"),
    (CLERK, "zh", "我先倾听了三双鞋的月亮，然后和顾客的冰箱沟通了十分钟，我把星期三解决成两半，最后结果是阿姨介绍她的"
                  "桌子来买了两朵云。"),
    (EN, "en", "Last December the birthday cake apologized to a purple mountain. I listened to the solution of seven "
               "clouds and solved the customer into a sandwich, and the result was three Tuesdays of cupcakes."),
    (KO, "ko", "저는 동료의 달을 순서대로 빠르게 정리했고, 냉장고와 협력해서 수요일을 세 개로 분담했습니다. 결국 이십오 분 "
               "만에 구름이 모두 팔렸습니다."),
]

# written for this test: other trades, other words
NONSENSE_ZH = [
    (RUSH, "上个月我把货架的颜色按时排进了周末，顾客就把发票折成了三份安静，最后收银机学会了慢慢地发芽。"),
    (RUSH, "我把配送路线安排进了顾客的耐心里面，然后打包了两次沟通，骑手的效率就被我登记成了一个晴天，同事们都分工成了台阶。"),
    (RUSH, "那次我跟店长一起把菜单种在了冷柜里面，然后客人的声音就慢慢结冰了，我们又把优惠券晒干，寄给了明天的收银台。"),
    (CLERK, "窗外的订单慢慢发芽，早班的风在称重台上睡着了，我听见库存在远处轻轻敲门，顾客的耐心是一条蓝色的走廊。"),
    (CLERK, "我耐心地倾听了电梯的味道，然后把顾客的问题解释成一碗安静的楼梯，表达了三次以后，收据就开始往天花板上长。"),
    (CLERK, "那天的解决方案穿着拖鞋走进了仓库，我用沟通给它量了体温，顾客的表达在门口排成了两行湿漉漉的星期。"),
]

HONEST_ZH = [
    (RUSH, "那天晚上单子像雪片一样飞过来，我先把外卖和堂食分开，让小李专门打包，我自己盯着出餐口，忙得脚不沾地，"
           "九点前把八十多单全送出去了，没有一单超时。"),
    (RUSH, "俺在饭店后厨干了三年，那回冷库坏了，俺赶紧把肉搬到隔壁借的冰柜里，一边给老板打电话，一边叫修冷库的师傅，"
           "俩钟头就修好了，一斤肉都没坏。"),
    (CLERK, "有个阿姨买的电饭煲用了三天就不加热了，火气大得很。我先请她坐下，把锅拿到后面试了一下，确实是温控坏了，"
            "当场给她换了一台新的，又教她怎么用预约，她走的时候还跟我道谢。"),
    (CLERK, "顾客说衣服洗了一次就缩水，我看了下标签是纯棉的，就跟她解释纯棉第一次会缩一点，然后帮她申请了换大一码，"
            "第二天她来换了，挺满意的。"),
]
# dense trade jargon and an odd but true event read like the corpus's nonsense to the character n-grams (session
# 15 sent both to a person); they tell no impossible act, so the gate does not read them
JARGON_AND_ODD_EVENTS = [
    (RUSH, "高峰期我负责打荷，先把配菜按桌号排好，出餐口一喊我就递上去，砧板那边缺料我就去冷库补，那天中午翻台三轮，"
           "出餐一直没断过。"),
    (CLERK, "有一次一只鹦鹉飞进了店里，停在收银台上不走，顾客都围过来看。我先把门关上，让同事去找纸箱，我拿了点瓜子"
            "把它引到箱子里，后来在小区群里找到了主人。"),
]
# honest answers the learnt reader alone puts at 0.8 and above, each with one verb–object pair the word vectors
# read as unrelated (贴|标签, 减速|路口, 打印|账单…): one odd pair is not corroboration
ONE_ODD_PAIR = [
    (RUSH, "那天订单很急，我忘了贴标签，后来补上了。"),
    (RUSH, "接到一个远单时已经下雨了，我先把雨衣穿好，检查刹车，路上每个路口都减速，准时送到了。"),
    (CLERK, "顾客觉得会员价没打折，我把账单打印出来给他看折扣在哪一行，又帮他把积分换成了一张优惠券。"),
    (RUSH, "电脑突然死机，收银台前面排了一长串人，我就先用计算器手工算账，写小票，等系统好了再补录进去。"),
]
HONEST_OTHER = [
    (EN, "en", "A customer said his coffee was cold and started shouting. I apologized, remade it right away and gave "
               "him a voucher for next time. He calmed down and came back the next week."),
    (KO, "ko", "점심에 주문이 스무 개 넘게 한꺼번에 들어와서 제가 먼저 배달 주문부터 순서대로 정리했습니다. 동료한테 포장을 "
               "맡기고 저는 음료를 만들었는데, 삼십 분 만에 다 끝냈습니다."),
]


def run(text, question, language="zh"):
    return pipeline.analyze_transcript(text, question, language)


def is_nonsense(r) -> bool:
    return r["status"] == "needs_review" and r["reason_code"] == "nonsense" and r["overall"] is None


def test_the_gate_has_its_artefacts_for_every_interview_language():
    for language in ("zh", "en", "ko"):
        assert nonsense.available(language), language
    manifest = json.loads((ROOT / "models/manifest.json").read_text(encoding="utf-8"))
    names = {e["name"] for e in manifest["lexicons"]}
    assert {f"{lang}-nonsense{part}" for lang in ("zh", "en", "ko") for part in ("", "-stage2")} <= names


# known misses (docs/scoring.md): the Chinese ones tell fewer than model.NONSENSE_CORROBORATION impossible acts
# the word vectors can see (Korean's stage 1 gates since session 20: case 3; English's stage 2 gates answers of 30+ words
# since session 21, model.NONSENSE_ALONE: case 2; case 1, 54 characters, since session 34's second tier of
# model.NONSENSE_DETECTOR_LONG)
MISSED_TODAY = {0}


@pytest.mark.parametrize("question,language,text", [
    pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason="known miss: under NONSENSE_P, or en/ko not gated"))
    if k in MISSED_TODAY else case for k, case in enumerate(BREAKER)])
def test_first_person_nonsense_with_keywords_and_numbers_goes_to_a_person(question, language, text):
    r = run(text, question, language)
    assert is_nonsense(r), (r["status"], r.get("reason_code"), r.get("overall"))
    assert not r.get("candidate_feedback")


# known misses: no two impossible acts the word vectors can see (安排进了顾客的耐心, 倾听了电梯的味道 read as
# possible), and the character n-grams alone under model.NONSENSE_DETECTOR_P (case 1, 52 characters, gated since
# session 34: model.NONSENSE_DETECTOR_LONG's second tier)
NONSENSE_MISSED_TODAY = {4}


@pytest.mark.parametrize("question,text", [
    pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason="known miss: fewer impossible acts than "
                                                                    "NONSENSE_CORROBORATION, detector under "
                                                                    "NONSENSE_DETECTOR_P"))
    if k in NONSENSE_MISSED_TODAY else case for k, case in enumerate(NONSENSE_ZH)])
def test_real_word_nonsense_goes_to_a_person_with_or_without_punctuation(question, text):
    for said in (text, PUNCT.sub("", text)):
        r = run(said, question)
        assert is_nonsense(r), (said, r["status"], r.get("reason_code"), r.get("overall"))
        assert "人工" in r["reason"]


@pytest.mark.parametrize("question,text", HONEST_ZH)
def test_honest_answers_with_metaphors_dialect_jargon_or_odd_events_stay_scored(question, text):
    for said in (text, PUNCT.sub("", text)):
        r = run(said, question)
        assert r["status"] == "scored", (said, r.get("reason_code"), r.get("reason"))
        assert r["overall"] is not None


@pytest.mark.parametrize("question,text", JARGON_AND_ODD_EVENTS)
def test_dense_jargon_and_odd_true_events_stay_scored(question, text):
    r = run(text, question)
    assert r["status"] == "scored", (r.get("reason_code"), r.get("reason"))


@pytest.mark.parametrize("question,text", ONE_ODD_PAIR)
def test_the_learnt_reader_alone_does_not_send_an_honest_answer_to_a_person(question, text):
    from functions.analyze.scoring import features, gates, model, text as T

    from functions.analyze.scoring.answer import competencies_of

    analysis = features.analyse(T.words_from_text(text, "zh"), "zh", dict(question, competencies=competencies_of(question)))
    assert nonsense.probability(analysis, text, "zh") >= model.NONSENSE_P["zh"]   # what it reads alone
    assert gates.verb_pairs(analysis)[1] + gates.surreal_acts(analysis)[0] < model.NONSENSE_CORROBORATION
    r = run(text, question)
    assert r["status"] == "scored", (r.get("reason_code"), r.get("reason"))


@pytest.mark.parametrize("question,language,text", HONEST_OTHER)
def test_honest_english_and_korean_stories_stay_scored(question, language, text):
    r = run(text, question, language)
    assert r["status"] == "scored", (r.get("reason_code"), r.get("reason"))


def test_the_gate_reports_its_probability_and_signs_for_review():
    from functions.analyze.scoring import model

    question, said = NONSENSE_ZH[3]
    r = run(said, question)
    assert is_nonsense(r)
    gate = r["features"]["gate"]
    assert model.NONSENSE_P["zh"] <= gate["nonsense_probability"] <= 1.0
    assert gate["odd_acts"] >= model.NONSENSE_CORROBORATION and gate["acts"]
    assert gate["signs"]


@lru_cache(maxsize=None)
def _stories() -> tuple:
    folders = [ROOT / "models/scorer/data"] + [ROOT / f"models/scorer/eval/unseen-roles-{x}" for x in "abcdefgh"]
    return tuple(a for f in folders for a in dataset.load(f)
                 if a.kind in ("strong", "short_strong", "good") and not a.derived)


def test_at_most_one_in_a_hundred_strong_or_good_stories_of_the_labelled_sets_is_gated_as_nonsense():
    # today one: set d's short 社区团购 story (九十六单菜…按楼号在地上摆成八排), whose relevance the scorer reads as 0
    gated = [a.id for a in _stories() if run(a.text, a.question, a.language)["reason_code"] == "nonsense"]
    assert len(_stories()) > 250
    assert len(gated) <= 0.01 * len(_stories()), gated
