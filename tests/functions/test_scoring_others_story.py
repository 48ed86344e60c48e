"""Breaker 13, finding H3: a story about what someone else did (a 组长, 主管 张姐, 店长, 老王, 他/她 after them, 自己
whose antecedent is that person) is not the candidate's own (scoring/agency.py, others_story): it is bounded at
agency.OTHERS with its named reason, none of those actions or results is credited to the candidate (说了自己具体做了什么),
and a candidate who says they were away (我当时请假了不在, 我那天刚好休息) is told so. Honest team stories (我和组长一起…,
组长让我负责…我就…, 我跟主管商量后我…, 店长不在，我先…) stay the candidate's own and unbounded."""
import pytest

from functions.analyze.scoring import agency
from functions.analyze.scoring.answer import score_answer
from functions.analyze.scoring.text import words_from_text
from tests.functions.conftest import CASHIER_QUESTION, COOK_QUESTION, ISSUE_QUESTION

ORDER_Q = ISSUE_QUESTION
WAITER_Q = {"text": "讲一次你处理顾客投诉的经历。", "answer_seconds": 90,
            "competencies": [{"name": "服务意识", "weight": 1, "keywords": ["顾客", "道歉", "解决", "茶"]}]}
AWAY = "自己当时并不在场"
NOT_ME = "没有说自己做了什么"

OTHERS = [
    # the findings' three (H3)
    (ORDER_Q, "去年双十一前一晚仓库多了300箱货，我们组长一个人安排了四个人分三批打包，他还修好了扫描枪，第二天上午十点半全部发走了，"
              "我当时请假了不在。", AWAY),
    (ORDER_Q, "那次紧急订单是我们主管张姐处理的，她把300单分给五个人，自己跟客户沟通改时间，晚上九点全部完成，我那天刚好休息。", AWAY),
    (WAITER_Q, "我们店长处理过一个投诉，顾客说汤里有头发，她马上道歉换了一碗，又免了38块，送了一壶茶，顾客后来给了五星好评。", NOT_ME),
    # other roles, names and question types
    (CASHIER_QUESTION,
     "有一次顾客说少找了二十块，我们领班老王先把钱箱点了一遍，他又调了监控，发现确实少找了，当场补给顾客，我那天不在店里。", AWAY),
    (COOK_QUESTION, "去年国庆中午来了四十桌客人，我们厨师长把菜单分成三组，他自己掌勺炒热菜，又安排两个帮工切配，"
                    "一个小时全部出完，我那天轮休。", AWAY),
    (ORDER_Q, "上个月周五下午来了两百箱急单，我们经理马上叫了三个人加班，他把货按省份排好，自己开车送了最远的一批，晚上十点全部发完。",
     NOT_ME),
    (WAITER_Q, "有个顾客嫌菜太咸，值班经理小李马上过去道歉，她给顾客重新做了一份，还送了一个果盘，顾客最后很满意。", NOT_ME),
]
HONEST = [
    (ORDER_Q, "去年双十一前一晚仓库多了300箱货，我和组长一起把货分成三批，我负责贴面单，组长装箱，第二天上午十点半全部发走了。"),
    (ORDER_Q, "那次急单有200箱，组长让我负责贴面单，我就先把单子按地址排好，一个小时贴完了，晚上九点全部发出。"),
    (ORDER_Q, "上个月有个急单，我跟主管商量后，我把三百单分成三批，先发最近的，晚上十点全部发完。"),
    (WAITER_Q, "有一次店长不在，顾客说汤里有头发，我先道歉，马上换了一碗，又免了38块，顾客后来给了五星好评。"),
    (CASHIER_QUESTION, "有一次顾客说我少找了她二十块，我先跟她道歉，然后叫领班老王一起把钱箱清点了一遍，他核对小票，"
                       "我看监控，发现确实少找了，我马上补给她，她说谢谢就走了。"),
]


def _score(text, question, spoken=False):
    """A typed transcript (one word, as pipeline.analyze_transcript passes it) or recognised words (no punctuation)."""
    words = words_from_text(text, "zh") if spoken else [{"word": text, "start": None, "end": None}]
    r = score_answer(words, "zh", question)
    assert r["status"] == "scored", r.get("reason")
    return r


def _reasons(r):
    return [s for c in r["competencies"] for s in c["reasons"]]


@pytest.mark.parametrize("spoken", [False, True])
@pytest.mark.parametrize("question,text,says", OTHERS)
def test_someone_elses_story_is_bounded_and_not_credited(question, text, says, spoken):
    r = _score(text, question, spoken)
    assert r["overall"] <= agency.OTHERS, r["overall"]
    assert all(c["score"] <= agency.OTHERS for c in r["competencies"]), [c["score"] for c in r["competencies"]]
    reasons = _reasons(r)
    assert any(agency.not_own(s) and says in s for s in reasons), reasons
    # the lead's actions and results are never the candidate's
    assert not [s for s in reasons if s.startswith(agency.CREDITS)], reasons
    assert r["feedback"]["strengths"] == [], r["feedback"]


@pytest.mark.parametrize("spoken", [False, True])
@pytest.mark.parametrize("question,text", HONEST)
def test_honest_team_story_stays_own(question, text, spoken):
    r = _score(text, question, spoken)
    assert not any(agency.not_own(s) for s in _reasons(r)), _reasons(r)
    assert r["overall"] >= 55, r["overall"]
