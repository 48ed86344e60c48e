"""Findings of session 13's breaker (a fresh helper given only the README and the issue) that are fixed, kept as
tests: how a clock time is written does not move the score, and a motivation question gets no story advice.
The other findings are fixed in their own families' files (test_scoring_quoted_speech.py,
test_scoring_others_story.py, test_scoring_conduct_stories.py, test_scoring_word_nonsense.py) or kept as strict
xfails where they are open."""
import pytest

from functions.analyze import pipeline

URGENT = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
          "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                           {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
MOTIVE = {"text": "你为什么想做这份工作？", "answer_seconds": 60,
          "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["稳定", "喜欢", "发展"]}]}
STORY = ("去年双十一前一晚，仓库临时多了三百箱货，第二天就要发。我们四个人，我先按目的地把货分成三批，最急的先装。"
         "半夜扫描枪坏了一把，我改成手写单号再统一补录。第二天{}全部发完，没有一单错发。")


@pytest.mark.parametrize("said,written", [("上午十点半", "上午10:30"), ("上午十点半", "上午１０：３０"),
                                          ("晚上九点", "晚上9:00"), ("下午四点十五分", "下午4:15")])
def test_how_a_clock_time_is_written_does_not_move_the_score(said, written):
    a = pipeline.analyze_transcript(STORY.format(said), URGENT, "zh")
    b = pipeline.analyze_transcript(STORY.format(written), URGENT, "zh")
    assert a["status"] == b["status"] == "scored"
    assert abs(a["overall"] - b["overall"]) <= 1.0, (a["overall"], b["overall"])
    assert a["feedback"] == b["feedback"]


STORY_ADVICE = ("结果", "多少单", "讲一件真实发生过的事", "按什么顺序")


@pytest.mark.parametrize("text", [
    "离家近，我也喜欢做餐饮，想学做店长。",
    "说实话主要是工资比我现在高八百块，离家也近，我上有老下有小，需要一份稳定的收入，我会好好干的。",
    "我在超市干过两年理货，知道这行辛苦，但我喜欢跟人打交道。想先把收银和盘点学熟，明年争取做到班长。",
    "也没什么特别的原因，家里人让我出来找个工作，我看这边在招人就来了。",
])
def test_a_motivation_question_is_answered_by_reasons_and_gets_no_story_advice(text):
    r = pipeline.analyze_transcript(text, MOTIVE, "zh")
    assert r["status"] == "scored"
    said = [s for c in r["competencies"] for s in c["reasons"]]
    assert not any("最后的结果" in s or "最后的具体结果" in s for s in said), said
    advice = r["feedback"]["suggestions"]
    # an answer giving several practical reasons (breaker 14f) is praised for them instead of being asked for more
    assert advice or r["feedback"]["strengths"], r["feedback"]
    assert not any(w in s for s in advice for w in STORY_ADVICE), advice
