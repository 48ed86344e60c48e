"""Session 23: families found through breaker 22's open cases and checked over every labelled answer
(bench/results_snapshot --compare). Each family has its honest look-alike beside it."""
import json
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, lexicon, text as T
from functions.analyze.scoring.answer import warm_up

Q = json.loads((Path(__file__).parent / "data" / "breaker22" / "questions.json").read_text(encoding="utf-8"))
URGENT = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
          "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                           {"name": "责任心", "weight": 0.5, "keywords": ["负责", "检查", "核对", "认真"]}]}


def run(text, question, language="zh"):
    warm_up()
    return pipeline.analyze_transcript(text, question, language)


def reasons(r):
    return [x for c in r["competencies"] for x in c["reasons"]]


def own(phrase, sentence):
    seg = T.segment(sentence, "zh")
    clauses = [[seg.tokens[i] for i in c] for c in seg.clauses]
    return features._own_phrase(phrase, clauses, lexicon.sets("zh")["first_person"])


@pytest.mark.parametrize("phrase,sentence,said", [
    ("骂", "差不多半个钟头就清了，没啥人骂。", False),     # nobody scolded: the result, not the candidate's temper
    ("骂", "没人骂。", False),
    ("拖着", "我从不拖着。", False),
    ("骂", "我当时一着急就骂了他两句。", True),            # the candidate's own deed stays unwilling
    ("拖着", "这种活我一般都先拖着。", True),
])
def test_an_unwilling_phrase_under_a_negator_is_not_said(phrase, sentence, said):
    assert own(phrase, sentence) is said


@pytest.mark.parametrize("text", [
    "有一次我把客人的手表修好以后，客人说走得不准，我说机械表都这样。后来别的店说是我装坏了，我觉得不可能是我的问题，肯定是他们想多收钱。",
    "那次订单很急，我看了一眼觉得问题不大，就没管，直接发出去了，后来顾客说少了两件，我说肯定不是我的错。",
])
def test_shifting_the_blame_is_counter_evidence(text):
    r = run(text, URGENT)
    assert r["overall"] <= 35, r["overall"]
    assert any("反面信息" in x for x in reasons(r)), reasons(r)


def test_finding_that_the_fault_was_not_ones_own_is_no_blame_shifting():
    text = "那次顾客说少发了货，我先道歉，然后调了监控，发现不是我的问题，是系统把单号打错了，我跟顾客解释清楚，当天重新发了货。"
    r = run(text, URGENT)
    assert not any("反面信息" in x for x in reasons(r)), reasons(r)


@pytest.mark.parametrize("text,theirs", [
    # the customer came and shouted: -서 and -고 join predicates of one subject
    ("손님이 와서 막 소리 지르고 그랬어요. 저는 물 한 잔 드리고 진정시켜 드렸어요.", True),
    ("아저씨가 들어오면서 욕하고 소리 질렀는데 저는 차분하게 설명드렸어요.", True),
    # … but after -는데 the dropped subject is the speaker again, and a speaker named is the speaker
    ("손님이 줄을 섰는데 귀찮아서 소리 지르고 계산대를 닫았어요.", False),
    ("손님이 와서 계산이 틀렸다고 했어요. 제가 화가 나서 소리 질렀어요.", False),
])
def test_korean_same_subject_connectives_keep_the_customer_the_subject(text, theirs):
    r = run(text, Q["cvs"], "ko")
    blamed = any("반" in x or "反面信息" in x for x in reasons(r))
    assert blamed is not theirs, reasons(r)


def test_korean_negation_ends_at_nikka():
    seg = T.segment("그래도 안 되니까 경찰 불렀고 10분 있다가 왔어요.", "ko")
    negated = {t.text for t in seg.tokens if t.negated}
    assert "경찰" not in negated and not any(w.startswith("불렀") for w in negated), negated


def test_everyday_counter_words_put_a_rough_story_on_the_question():
    """收钱, 出杯, 备料…: the words of a shop's counter, said by a rough speaker who never says 排队 or 顾客."""
    text = ("那天人老多了，排到门口去了都，我跟那个小妹说你就光收钱别的别管，我这边就一个劲儿摇，同样的一块儿做，珍珠我提前"
            "多煮了一锅，差不多半个钟头吧就清了，没啥人骂。")
    r = run(text, Q["mt"])
    assert r["features"]["relevance"] > 0 and r["features"]["reluctance"] == 0, r["features"]
    assert "回答和题目关系不大。" not in reasons(r)
