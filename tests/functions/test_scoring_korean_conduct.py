"""Korean misconduct (models/scorer/contrary-ko.json): duty dropped for comfort, rudeness, deceit and taking, told
as the speaker's own deed, bound the score as the Chinese and English families do (breaker 18: closing the register
out of boredom to watch a phone scored 47.9). The speaker is read from the predicate's subject: a customer's own
act (손님이 휴대폰을 봤어요) is not the candidate's, and a denied deed (안 봤어요) is none."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import contrary, text

STORE_KO = {"text": "편의점에서 손님이 많이 기다리고 있을 때 어떻게 대처했는지 경험을 말씀해 주세요.", "answer_seconds": 90,
            "competencies": [{"name": "서비스", "weight": 0.5, "keywords": ["손님", "사과", "안내", "친절"]},
                             {"name": "실행력", "weight": 0.5, "keywords": ["계산", "정리", "우선", "처리"]}]}


@pytest.mark.parametrize("answer", [
    "작년 겨울 밤에 손님이 열 명 넘게 줄을 섰는데 귀찮아서 계산대를 닫고 창고에서 이십 분 동안 휴대폰을 봤어요. 손님들은 다 나갔어요.",
    "작년 겨울 밤에 손님이 많았는데 하기 싫어서 자리를 비우고 창고에서 게임을 했습니다.",
    "손님이 계속 재촉해서 저는 그 손님한테 소리를 질렀고 그냥 못 본 척했어요.",
])
def test_korean_misconduct_is_bounded(answer):
    r = pipeline.analyze_transcript(answer, STORE_KO, "ko")
    assert r["status"] == "needs_review" or r["overall"] <= 35, r.get("overall")


def test_a_customers_act_is_not_the_candidates():
    seg = text.segment("손님이 휴대폰을 봤어요. 저는 먼저 사과드리고 계산대를 하나 더 열었어요.", "ko")
    keys = contrary.families("서비스", ("손님",), "ko")
    assert contrary.find_phrases(seg, [True] * len(seg.clauses), keys) == []


def test_an_honest_korean_story_with_an_impatient_customer_is_not_bounded():
    r = pipeline.analyze_transcript("손님이 열 명 넘게 줄을 섰는데 한 손님이 휴대폰을 보다가 화를 냈어요. 저는 먼저 사과드리고 계산대를 "
                                    "하나 더 열어서 십 분 만에 줄을 다 줄였어요. 손님이 고맙다고 하셨어요.", STORE_KO, "ko")
    assert r["status"] == "scored" and r["overall"] >= 60, r.get("overall")


def test_a_denied_deed_is_none():
    seg = text.segment("저는 그날 휴대폰을 안 봤어요.", "ko")
    keys = contrary.families("서비스", ("손님",), "ko")
    assert contrary.find_phrases(seg, [True] * len(seg.clauses), keys) == []
