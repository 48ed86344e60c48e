"""English and Korean answers are read as Chinese ones are (issue 8, breaker 12): a result said in English or
Korean (found…, corrected…, came out in eight minutes; 줄었고, 찾았어요, 잘못 나간 음료는 하나도 없었어요) is a
result, numbers are read in both (twenty dollars, 15분, 삼십 명, 다섯 잔), and a Korean template (그때 상황은
바빴습니다…결과는 아주 좋았고 모두 만족했습니다) is neither a result nor an action nor praised. Real calls through
pipeline.analyze_transcript with the shipped scorer."""
import json

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features

Q5 = {"text": "Tell us about a time the till did not balance at the end of your shift as a cashier. What did you do?",
      "answer_seconds": 90,
      "competencies": [{"name": "Accuracy", "weight": 0.5, "keywords": ["count", "check", "receipt", "accurate"]},
                       {"name": "Honesty", "weight": 0.5, "keywords": ["report", "manager", "honest"]}]}
Q7 = {"text": "카페에서 손님이 많이 몰렸을 때 어떻게 주문을 처리했는지 구체적인 경험을 말해 주세요.", "answer_seconds": 90,
      "competencies": [{"name": "업무처리", "weight": 1, "keywords": ["주문", "순서", "정확"]}]}
QEN2 = {"text": "Tell us about a time a customer received the wrong order. What did you do?", "answer_seconds": 90,
        "competencies": [{"name": "Customer service", "weight": 1, "keywords": ["apologise", "customer", "replace"]}]}
QKO2 = {"text": "편의점에서 재고 수량이 맞지 않았던 경험이 있다면 어떻게 했는지 말해 주세요.", "answer_seconds": 90,
        "competencies": [{"name": "정확성", "weight": 1, "keywords": ["재고", "확인", "보고"]}]}
CASES = {
 "en": [
  ("q5", Q5, "strong", "Last March my till was twenty dollars short at close. I counted the drawer twice, then went through every receipt from the shift and found a refund I had keyed as forty instead of twenty. I wrote it up, showed my manager the receipt, and we corrected it in the system the same night."),
  ("q5", Q5, "strong", "Two weeks ago my drawer was 15 dollars over at the end of the night. I recounted every note, then checked the card slips against the register report and found a 15 dollar cash sale rung up as card. I told my supervisor, we fixed the entry, and the till balanced before I left at 10 pm."),
  ("q5", Q5, "good", "Once my till came up short at the end of my shift. I counted it again and checked the receipts with my manager, and we found a note stuck under the tray."),
  ("q5", Q5, "vague", "I always try to be accurate and honest. If the till is wrong I would count again and tell the manager. Honesty is very important to me."),
  ("q5", Q5, "vague", "The situation was challenging. I took action and handled it carefully. The result was very good and everyone was happy."),
  ("qen2", QEN2, "strong", "On a Friday night a customer at table six got a chicken burger instead of the vegan one. I apologised, took the plate back, and asked the kitchen to make the vegan burger first. It came out in eight minutes, I took ten percent off the bill, and she left a five star review."),
  ("qen2", QEN2, "good", "A customer once got the wrong coffee. I said sorry and made her the right drink straight away, and she was fine with it."),
  ("qen2", QEN2, "vague", "I think customers are always right. I would apologise and try my best to replace the order. Good service is important."),
 ],
 "ko": [
  ("q7", Q7, "strong", "작년 여름 토요일 오후에 손님이 삼십 명 넘게 줄을 섰어요. 저는 주문을 받으면서 음료 종류별로 컵에 표시를 해서 바리스타에게 넘겼고, 차가운 음료부터 먼저 만들었어요. 대기 시간이 십오 분에서 칠 분으로 줄었고 잘못 나간 음료는 하나도 없었어요."),
  ("q7", Q7, "strong", "지난달 금요일 저녁에 단체 손님 스무 명이 한꺼번에 주문했어요. 저는 주문서를 테이블 번호별로 나눠서 적었고, 같은 음료는 다섯 잔씩 묶어서 만들었어요. 20분 안에 모든 음료가 나갔고 컴플레인은 한 건도 없었어요."),
  ("q7", Q7, "good", "점심시간에 손님이 몰려서 주문이 밀렸어요. 저는 주문 번호를 컵에 적어서 순서대로 만들었고, 기다리는 시간이 많이 줄었어요."),
  ("q7", Q7, "vague", "저는 항상 주문을 정확하게 처리하려고 노력합니다. 손님이 많아도 친절하게 대하는 것이 중요하다고 생각합니다."),
  ("q7", Q7, "vague", "그때 상황은 바빴습니다. 저는 주문을 순서대로 정확하게 처리했습니다. 결과는 아주 좋았고 모두 만족했습니다."),
  ("qko2", QKO2, "strong", "작년 겨울 편의점에서 마감할 때 컵라면 재고가 열두 개 모자랐어요. 저는 CCTV와 영수증을 하나씩 확인해서 반품이 두 번 입력된 것을 찾았어요. 점장님께 보고하고 전산을 수정해서 재고가 다시 맞았어요."),
  ("qko2", QKO2, "good", "재고가 몇 개 안 맞았던 적이 있어요. 저는 창고를 다시 세어 보고 점장님께 말씀드렸고, 선반 뒤에 떨어진 상자를 찾았어요."),
  ("qko2", QKO2, "vague", "재고는 항상 꼼꼼하게 확인해야 한다고 생각합니다. 문제가 생기면 바로 보고하겠습니다."),
  ("qko2", QKO2, "vague", "그때 상황은 어려웠습니다. 저는 재고를 정확하게 확인했습니다. 결과는 좋았고 모두 만족했습니다."),
 ]}
# the result each strong answer states, as its result reason must quote it
RESULTS = {
    ("en", 0): "found a refund", ("en", 1): "found a 15 dollar cash sale", ("en", 5): "came out in eight minutes",
    ("ko", 0): "십오 분에서 칠 분으로 줄었고", ("ko", 1): "20분 안에 모든 음료가 나갔고", ("ko", 5): "두 번 입력된 것을 찾았어요",
}
# strong answers the shipped scorer kept just under the pass line once their features were all read (default-8:
# en-0, ko-0 58.0, ko-1 59.7, ko-5): the wording model rated English and Korean on a scale a third to a half as
# wide as Chinese; since its per-language calibration (models/scorer/wording_calibration.py, session 15) all pass
UNDER_60: set = set()
PRAISE = ("final result", "yourself did", "concrete numbers", "최종 결과", "직접 무엇을", "구체적인 숫자")

_CACHE = {}


def scored(lang, i):
    if (lang, i) not in _CACHE:
        _, q, _, text = CASES[lang][i]
        _CACHE[(lang, i)] = pipeline.analyze_transcript(text, q, lang)
    return _CACHE[(lang, i)]


def _ids(kind):
    return [pytest.param(lang, i, id=f"{lang}-{i}-{CASES[lang][i][0]}")
            for lang in CASES for i, c in enumerate(CASES[lang]) if c[2] == kind]


@pytest.mark.parametrize("lang,i", _ids("strong"))
def test_strong_answers_state_a_quoted_result(lang, i):
    r = scored(lang, i)
    assert r["status"] == "scored"
    assert r["features"]["outcome"] == 1.0, r["features"]
    assert r["features"]["concreteness"] >= 0.7, r["features"]
    reasons = [x for c in r["competencies"] for x in c["reasons"]]
    said = [x for x in reasons if x.startswith("说了具体结果")]
    assert said and RESULTS[(lang, i)] in said[0], reasons
    assert not any("没有说到最后的结果" in x for x in reasons), reasons
    assert not any("결과를 말해" in s or "final result was" in s for s in r["feedback"]["suggestions"])


@pytest.mark.parametrize("lang,i", [pytest.param(*p.values, id=p.id, marks=[pytest.mark.xfail(
    strict=True, reason="short strong en/ko answers top out at 57–59 with the shipped scorer (default-8)")]
    if tuple(p.values) in UNDER_60 else []) for p in _ids("strong")])
def test_strong_answers_pass(lang, i):
    assert scored(lang, i)["overall"] >= 60, scored(lang, i)["overall"]


@pytest.mark.parametrize("lang,i", _ids("vague"))
def test_vague_and_template_answers_stay_low_and_unpraised(lang, i):
    r = scored(lang, i)
    assert r["overall"] < 35, r["overall"]
    assert r["features"]["outcome"] == 0.0 or lang == "en" and r["features"]["outcome"] <= 0.25, r["features"]
    assert not any(p in s for s in r["feedback"]["strengths"] for p in PRAISE), r["feedback"]
    assert not any(x.startswith(("说了具体结果", "说了自己具体做了什么")) for c in r["competencies"] for x in c["reasons"])


@pytest.mark.parametrize("lang,qname", [("en", "q5"), ("en", "qen2"), ("ko", "q7"), ("ko", "qko2")])
def test_strong_above_good_above_vague(lang, qname):
    by = {"strong": [], "good": [], "vague": []}
    for i, (qn, _, kind, _) in enumerate(CASES[lang]):
        if qn == qname:
            by[kind].append(scored(lang, i)["overall"])
    assert by["strong"] and by["good"] and by["vague"]
    assert min(by["strong"]) > max(by["good"]) > max(by["vague"]), by


@pytest.mark.parametrize("text,item", [
    ("손님이 삼십 명 넘게 줄을 섰고 저는 주문을 받았어요.", "삼십 명"),
    ("저는 같은 음료를 다섯 잔씩 묶어서 만들었어요.", "다섯 잔"),
    ("저는 15분 만에 주문을 다 처리했어요.", "15분"),
    ("대기 시간이 십오 분에서 칠 분으로 줄었어요.", "칠 분"),
    ("저는 영수증을 두 번 확인했어요.", "두 번"),
])
def test_korean_numbers_with_counters_are_read(text, item):
    a = features.analyse([{"word": text}], "ko", Q7)
    assert item in a.details["concrete"], a.details["concrete"]


@pytest.mark.parametrize("text", ["저는 하나도 몰랐어요. 주문을 받았어요.", "이 분이 주문을 하셨어요. 저는 커피를 만들었어요."])
def test_korean_words_that_only_look_like_numbers_are_not(text):
    a = features.analyse([{"word": text}], "ko", Q7)
    assert not any(k.split()[0] in ("하나", "하나도", "이") for k in a.details["concrete"]), a.details["concrete"]


@pytest.mark.parametrize("text,item", [
    ("My till was twenty dollars short and I counted it twice.", "twenty dollars"),
    ("I found forty pounds missing from the drawer.", "forty pounds"),
    ("Last March I counted the drawer at 10 pm.", "march"),
])
def test_english_number_words_are_read(text, item):
    a = features.analyse([{"word": text}], "en", Q5)
    assert item in a.details["concrete"], a.details["concrete"]


def test_korean_negation_stays_in_its_own_predicate():
    a = features.analyse([{"word": "대기 시간이 십오 분에서 칠 분으로 줄었고 잘못 나간 음료는 하나도 없었어요."}], "ko", Q7)
    toks = {t.text: t.negated for t in a.seg.words}
    assert toks["십오"] is False and toks["줄었고"] is False and toks["없었어요"] is True


def test_korean_template_is_neither_action_nor_result():
    a = features.analyse([{"word": CASES["ko"][4][3]}], "ko", Q7)
    assert a.answer["outcome"] == 0.0 and a.answer["specific_actions"] == 0.0, a.answer
