"""Breaker 35: a fresh helper with the README and the issue only, through the CLI (83 cases kept in
tests/functions/data/breaker35/findings.jsonl with the helper's own expectation, written before each run; 55 right, one
expectation revised after the run: h14's story has no complaint in it, as the product said).

Every honest look-alike in three languages was scored (weather, card machines, pets, the shop cat, guide dogs, farm
animals, idioms, weekdays as topics, dialect, run-on text, honorifics). Fixed in kind and kept here, with look-alikes
written for the tests below: animals in a worker's post or doing the books in all three languages (企鹅在我们店当收银员,
펭귄들이 계산원으로 일했는데, the hamsters handled the accounting); weekdays doing a person's act, told to help or
apologised to (星期三投诉…给星期三道歉); colours, feelings and money as doers in Korean and English (服务是一条河，投诉是风: gates._category_errors, CATEGORY_MIN; 파란색이 화가 났다고,
월급이 저한테 전화해서, the color green refused, my patience called in sick); a thing come as a customer (의자가 손님으로
와서); a Korean act with stage 1 of the nonsense reader at 0.45 or more (model.KO_ACTS_ONE_P); and gate reasons quote the
answer's own words, never canned examples HR could take for findings (gates._said). The rest stays open, each a strict
xfail.
"""
from __future__ import annotations

import pytest
from breaker_findings import kept_outcome_test, load, outcome_tests
from breaker_findings import run as run_case

from functions.analyze import pipeline
from functions.analyze.scoring import english_acts, features, gates, korean_acts, text

CASES = load("breaker35")

FIXED = ["n01", "n07", "n12", "e06", "e08", "e09", "e21", "k03", "k04", "k07", "k11", "k13", "k30", "n06",
         # session 36: the fridge phoned and apologised to as 它, the salary apologised to (gates._deaf, _unhearing)
         "n08", "n14"]
OPEN = {
    "n09": "weekdays quarrelling, one act read (和周二吵架): 49.6",
    "n10": "a parcel walking, a door signing, the rain apologising: 36.5",
    "n11": "anger frozen and thawed into patience: 35.0",
    "e02": "the moon phoning the store: one act, stage 2 below 0.7: 43.1",
    "e05": "anger fried in olive oil: one act: 37.4",
    "e07": "a parking lot phoned and forgiving (not in the thing lists): 44.1",
    "k05": "sadness sliced and fried: one act, stage 1 0.35: 47.4",
    "k10": "anger frozen into patience: one act, stage 1 0.45 below the line: 67.3",
    "k12": "a sofa on the night shift, a lamp packing: 44.6",
    "h05": "a corgi's recovery scored 31.2 with reasons denying its result and actions",
    "h07": "a northern-dialect story scored 29.1; its result (大爷吃完说中，下回还来) is not read",
    "h12": "a guide-dog objection told as a complaint is capped as off-topic: 35.0",
}

test_fixed_families_read_as_a_person_would, test_open_findings = outcome_tests(CASES, FIXED, OPEN)


test_what_the_helper_found_right_keeps_its_outcome = kept_outcome_test(CASES)


def test_a_gate_quotes_the_answers_own_words():
    """The helper's finding F: reasons listed canned absurdities (比如菜向厨师长道歉…) the candidate never said."""
    with_quotes = 0
    for case_id in ("n03", "n05", "k01", "k02", "n13", "e01"):
        r = run_case(CASES[case_id])
        assert r["status"] == "needs_review" and "比如" not in r["reason"], r["reason"]
        quoted = [part.split("”")[0] for part in r["reason"].split("“")[1:]]
        said = CASES[case_id]["text"].lower().replace(" ", "")
        assert all(q.split("…")[0].replace(" ", "")[:2] in said for q in quoted), r["reason"]
        with_quotes += bool(quoted)
    assert with_quotes >= 4     # the learnt reader's reason names no act: it has none to quote


Q = CASES["k07"]["question"]


def _acts(said: str, language: str, question: dict = Q) -> list:
    a = features.analyse(text.words_from_text(said, language), language, question)
    if language == "ko":
        return korean_acts.acts(a)
    if language == "en":
        return english_acts.acts(a)
    return gates.odd_acts(a)


@pytest.mark.parametrize("said, language", [
    ("저희 가게 고양이가 손님들한테 인기가 많아요", "ko"),
    ("농장에서 닭에게 모이를 줬어요", "ko"),
    ("손님이 처음엔 화가 나셨지만 나중에는 고맙다고 하셨어요", "ko"),
    ("강아지가 계산대 밑에 숨어 있었어요", "ko"),
    ("Our shop cat ran across the counter and knocked over a cup.", "en"),
    ("The dog worked the whole shift beside the blind customer.", "en"),
    ("The system called the customer automatically.", "en"),
    ("店里的猫每天陪收银员", "zh"),
    ("星期三来投诉的顾客特别多，我先道歉", "zh"),
    ("星期三投诉的人很多", "zh"),
    ("我们家的狗当上了网红", "zh"),
    ("给周五值班的同事打了个电话", "zh"),
    ("问题是风太大，招牌被吹倒了", "zh"),
    ("今天是雨天客人少", "zh"),
    ("顾客就是我们的阳光，我们要耐心", "zh"),
    ("外面是大雨我们还是按时送到了", "zh"),
])
def test_animals_weekdays_and_feelings_in_honest_speech_are_no_acts(said, language):
    assert _acts(said, language) == []


def test_empty_definitions_of_hr_words_go_to_a_person_and_one_belief_does_not():
    q = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
         "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                          {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
    empty = pipeline.analyze_transcript("按时是最重要的，分工是一种智慧，协调也是非常关键的，同事是一种财富。", q, "zh")
    assert empty["status"] == "needs_review" and empty["reason_code"] == "keyword_list", empty.get("overall")
    belief = pipeline.analyze_transcript("我觉得沟通是很重要的。上个月双十一前一晚多了三百箱，我跟两个同事分成三批，"
                                         "按地区打包，第二天十点前全部发完。", q, "zh")
    assert belief["status"] == "scored"
