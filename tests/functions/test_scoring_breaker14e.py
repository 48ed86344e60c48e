"""Breaker round 14e: who did the work, read both ways (a coworker's story the candidate only heard of or praised is
not theirs; 我和小王、小李一起… is), a conceded preference (平时不太喜欢加班，但那次…) is neither counter-evidence nor
reluctance, and misconduct told in the story bounds every competency of the answer. Real scorer, texts written for
this test."""
from __future__ import annotations

import pytest

from functions.analyze import pipeline

STORY = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
         "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                          {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
NOT_OWN = "回答讲的是别人"
OWN_ACTION = "说了自己具体做了什么"
NEGATED = "以否定的方式提到了"


def run(text: str, question: dict = STORY) -> dict:
    r = pipeline.analyze_transcript(text, question, "zh", scorer_version="default-8")
    assert r["status"] == "scored", r
    return r


def reasons(r: dict) -> list[str]:
    return [x for c in r["competencies"] for x in c["reasons"]]


# H3: the coworker acts throughout; the candidate was away, heard of it, or only praises them
@pytest.mark.parametrize("text", [
    "上个月仓库突然多了四百件急货。我们主管老陈真的很能干，他先把货按线路分成四组，打印机卡纸了他就手写面单，"
    "一直忙到半夜一点，第二天九点全部装车。我那天刚好轮休，后来听说的，觉得他特别厉害。",
    "去年中秋店里接了一个两百盒月饼的团购单。我们店长芳姐特别会安排，她把人分成两组，一组包装一组核对，"
    "自己去跟客户确认送货时间，下午四点就全部送到了。我那天请假了，第二天才知道，很佩服她。",
    "那次急单主要是我师傅做的，他先跟客户商量分两批交货，然后让大家分工，最后提前一个小时完成。"
    "我听同事讲了以后觉得挺厉害的，学到了很多。",
])
def test_coworkers_story_is_not_credited(text):
    r = run(text)
    assert r["overall"] <= 35
    for comp in r["competencies"]:
        assert comp["score"] <= 35
        assert comp["reasons"][0].startswith(NOT_OWN)
        assert not any(x.startswith(OWN_ACTION) for x in comp["reasons"])
    assert r["feedback"]["strengths"] == []


def test_candidate_away_is_named_when_they_say_so():
    r = run("去年双十一店里多了三百箱货，我们组长阿强特别厉害，他把货分成三批，扫码枪坏了他就用手机录单，"
            "一直干到凌晨，第二天上午全部发完。我那天正好休息，第二天听说的。")
    assert all("自己当时并不在场" in c["reasons"][0] for c in r["competencies"])


# M2: the candidate is one of the doers
@pytest.mark.parametrize("text", [
    "上个月十号下午两点，店里一下来了一百多单，我和小张、小刘三个人一起做，到晚上八点全部做完，老板很满意。",
    "那天傍晚突然来了六十份外卖单，小周、阿梅和我三个人一起打包，七点前全部送出去了。",
    "上周日店里来了一个一百五十杯咖啡的团单，我跟同事阿芳一块儿做，她做拉花我封杯，一个半小时全部做完了。",
])
def test_candidate_among_the_doers_is_not_someone_elses_story(text):
    r = run(text)
    assert not any(x.startswith(NOT_OWN) for x in reasons(r))
    assert r["overall"] > 35


def test_coworker_story_still_bounded_next_to_we_together():
    """The same scene told as the coworkers' alone stays bounded."""
    r = run("那天傍晚突然来了六十份外卖单，小周和阿梅两个人分工打包，小周负责装袋，阿梅负责贴单，"
            "七点前全部送出去了。我那天请假没去，后来听她们说的。")
    assert r["overall"] <= 35


# M3: a preference conceded and then turned is neither counter-evidence nor reluctance
CONCEDED = [
    "说实话我平时不太喜欢加班，但那次不一样。去年年底仓库来了一个六百件的加急单，第二天早上就要装车。"
    "我跟两个同事商量好，一个拣货一个复核，我负责打包贴单，一直干到夜里一点，第二天七点车来时全部装好了。",
    "虽然我不喜欢加班，但是上个月那次三百单的急单，我主动留下来，先按截单时间排好优先级，和同事分工打包，"
    "晚上十一点全部发完。",
    "我本来不想加班的，后来看到还有两百箱没发，我就留下来跟同事一起按区域分拣，晚上十点全部装车，客户第二天都收到了。",
]
PLAIN = [
    "去年年底仓库来了一个六百件的加急单，第二天早上就要装车。"
    "我跟两个同事商量好，一个拣货一个复核，我负责打包贴单，一直干到夜里一点，第二天七点车来时全部装好了。",
    "上个月那次三百单的急单，我主动留下来，先按截单时间排好优先级，和同事分工打包，晚上十一点全部发完。",
    "看到还有两百箱没发，我就留下来跟同事一起按区域分拣，晚上十点全部装车，客户第二天都收到了。",
]


@pytest.mark.parametrize("conceded,plain", list(zip(CONCEDED, PLAIN)))
def test_conceded_preference_is_not_counter_evidence(conceded, plain):
    r, p = run(conceded), run(plain)
    assert not any(NEGATED in x for x in reasons(r))
    assert not any(x.startswith("回答流露出不愿意做") for x in reasons(r))
    assert r["overall"] >= 60
    assert abs(r["overall"] - p["overall"]) <= 8       # the concession neither costs nor earns


@pytest.mark.parametrize("text", [
    "我平时不太喜欢加班，那次店长让大家留下来，我就先下班回家了，第二天还有一百箱没发。",     # no turn
    "虽然我不喜欢加班，但是老板让加我也没办法，随便做做就走了。",                          # turned into reluctance
    "本来我就不想加班，但是那次我也没留下来，八点就走了，剩下的单子第二天才发。",            # the turn is a refusal
])
def test_unturned_or_reluctant_concession_still_counts_against(text):
    assert run(text)["overall"] <= 40


# L2: misconduct in the story bounds every competency, not only the one whose family names it
@pytest.mark.parametrize("text", [
    "去年双十一前一天晚上八点，店长说多了三百箱货。我觉得不是我的事，八点半就下班回家了。"
    "第二天来的时候还有一百多箱没发，被客户投诉了，店长扣了大家的奖金。",
    "上个月周五晚上来了一个两百单的急单，组长让大家留下来分工打包，我跟组长说我有事，到点下班了。"
    "结果同事们干到十二点，第二天还是有三十单晚了。",
])
def test_misconduct_bounds_every_competency(text):
    r = run(text)
    for comp in r["competencies"]:
        assert comp["score"] <= 35, comp
        assert "反面" in comp["reasons"][0]
