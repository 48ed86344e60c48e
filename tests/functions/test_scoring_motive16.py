"""A move or a return home is the candidate's reason to change jobs only when they (or their family) move: someone
else's move told in the answer (后来主人搬家了, 我邻居搬到这边来了, 我朋友回老家了) is no reason of theirs
(quotes.motivation_reasons; set j, session 16: a cat story appended to a motivation answer was quoted as
"换工作的具体缘由（“后来主人搬家没”）"). Every answer here was written for this test."""
import pytest

from functions.analyze import pipeline

WHY = {"text": "你为什么想来我们超市上班？", "answer_seconds": 120,
       "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["稳定", "长期"]},
                        {"name": "岗位了解", "weight": 0.5, "keywords": ["理货", "收银"]}]}
REASON = "说了想来的具体理由"


def reasons(text):
    r = pipeline.analyze_transcript(text, WHY, "zh")
    return " ".join(x for c in r["competencies"] for x in c["reasons"])


@pytest.mark.parametrize("text", [
    "我在便利店做过一年收银，想找个离家近的长期工作。我们小区有只流浪猫，后来主人搬家没带走，我天天喂它。",
    "我之前在超市理过货，挺喜欢这种活。我邻居去年搬到这边来了，她也在找工作。",
    "我做过两年收银，觉得自己细心。我朋友回老家了，他以前也在超市上班。",
])
def test_someone_elses_move_is_not_the_candidates_reason(text):
    said = reasons(text)
    assert "换工作的具体缘由" not in said, said


@pytest.mark.parametrize("text", [
    "我去年搬到这个小区了，走路五分钟就到，以前在便利店做过一年收银，想找个长期稳定的活。",
    "后来我们家搬到这边了，我以前在超市理过两年货，想在附近找个稳定的工作。",
])
def test_the_candidates_own_move_is_their_reason(text):
    said = reasons(text)
    assert "换工作的具体缘由" in said, said
