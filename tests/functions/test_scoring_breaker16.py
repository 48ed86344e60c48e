"""Breaker round 16 (README and issue only): what this session's changes got wrong, kept as tests.

H3: people named after 和/跟 and a count (和三个同事分工, 跟两位师傅) are the candidate's companions, not the doers
of the clauses that follow: an honest first-person story was capped at 50 as "a supervisor did the work" when one
more sentence was added (每一分钟都按实际打卡, 虚报加班这种事我绝对不做), though nobody else acts in it."""
import pytest

from functions.analyze import pipeline

RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
FOLLOWED = "主要是别人（如组长、主管、店长、师傅）做的"
STORY = "那次订单特别急，我安排好优先级，和三个同事分工，晚上加班到十一点，按时发完四百单。"


def reasons(r):
    return " ".join(x for c in r["competencies"] for x in c["reasons"])


@pytest.mark.parametrize("text", [
    STORY + "每一分钟都按实际打卡。",
    STORY + "虚报加班这种事我绝对不做。",
    STORY + "偷懒这种事我绝对不做。",
    "上个月店里来了一百多单团购，我跟两位师傅一起备货，先做凉菜再做热菜，下午四点前全部出完，一单没错。",
])
def test_companions_after_a_count_are_not_the_doers(text):
    r = pipeline.analyze_transcript(text, RUSH, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    assert FOLLOWED not in reasons(r), reasons(r)


def test_a_story_the_supervisors_did_is_still_bounded():
    r = pipeline.analyze_transcript("那次订单特别急，组长安排好优先级，和三个同事分工，领班让我们加班到十一点，主管协调了车，"
                                    "最后按时发完四百单。", RUSH, "zh")
    assert r["overall"] <= 50 and FOLLOWED in reasons(r), (r["overall"], reasons(r))
