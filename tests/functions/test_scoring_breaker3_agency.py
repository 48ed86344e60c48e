"""Breaker 11, finding 2: answers that are not the candidate's own experience (scoring/agency.py).

(a) a retold or borrowed story (范文, 网上/视频里看到, 我表哥的经历) is bounded at agency.BORROWED;
(b) a story whose specific work others do while the candidate stood by or left, or a story about a colleague
    with no 我 in it, is bounded at agency.NOT_AGENT, and no reason credits the candidate with others'
    actions or results;
(c) a story question answered only hypothetically (如果…我会…) or as instructions (你就先把…) is bounded at
    agency.HYPOTHETICAL; a situational question answered that way is not.
Honest controls (我和同事…, 我让小王…我负责…, 我们 as agent) stay unbounded."""
import pytest

from functions.analyze.scoring import agency
from tests.functions.test_scoring_reasons import SITUATIONAL_Q, all_reasons, run
from tests.functions.conftest import CASHIER_QUESTION, ISSUE_QUESTION

ORDER_Q = ISSUE_QUESTION
CASH_Q = CASHIER_QUESTION
MODEL_STORY = ("去年双十一前一天晚上八点，老板突然接了一个三百箱的加单，我们仓库只有四个人。我先把三百箱按目的地分成三批，"
               "小李贴面单，小王和老周装箱，扫码枪坏了就用手机拍面单号，第二天上午十点半三批全部发出。")

BORROWED = [
    (ORDER_Q, "我看过一个网上的面试范文：" + MODEL_STORY),                      # breaker o_R4
    (ORDER_Q, "我在抖音上看过一个案例：有家仓库双十一前晚接了两百箱急单，主管把货按省份分成两批，夜里一点就全部发完了。"),
    (ORDER_Q, "我表哥的经历可以说一下：他在快递站遇到过五百件急件，他叫上两个同事连夜分拣，第二天早上八点全部送出。"),
]
NOT_AGENT = [
    (ORDER_Q, "去年双十一前一天晚上，老板接了三百箱的急单。店长把大家分成三组，小李贴面单，小王和老周装箱。"
              "我那天刚好身体不舒服，就在旁边坐着看手机。他们一直干到第二天上午十点半，三百箱全部发出，一箱没错。"),  # o_Q1
    (CASH_Q, "有一次一位阿姨说我少找了她二十块。我也不知道怎么办，就站在那里没说话，后来店长过来把钱箱点了一遍，"
             "又调了监控，发现是阿姨记错了，店长跟阿姨解释清楚，阿姨就走了。"),                              # c_R1
    (ORDER_Q, "我们仓库的老周特别厉害。去年双十一前一天晚上八点来了三百箱加单，老周把货按华东、华南、北方分成三批，"
              "扫码枪坏了他用手机拍单号，第二天上午十点半全部发完，一箱没错。"),                                # o_Q2
    (ORDER_Q, "上周三晚上有200箱急单，我没管，八点就走了，手机也关了，第二天才知道剩下的3个人忙到凌晨2点，我觉得加班是他们的事。"),  # o_D3
    (ORDER_Q, "上个月店里来了一百五十份团餐急单，店长安排小张切菜、小刘打包，我刚来不熟，就站在旁边看着，"
              "他们一个半小时全部做完送出去了。"),
    (CASH_Q, "有一次顾客说我多收了她十块钱，我当时不知道该怎么办，后来主管过来把小票和收银记录一条条核对，发现没有多收，"
             "主管又耐心跟顾客解释了一遍。"),
    (ORDER_Q, "我们店的小刘很能干。有一次来了两百份外卖急单，小刘把单子按区域分成四组，她又叫上后厨一起赶，一个小时全部出完。"),
]
HYPOTHETICAL = [
    (ORDER_Q, "如果遇到三百箱的急单，我会先把货按目的地分成三批，最近的先打包，安排四个人分别贴单、装箱、核数，"
              "扫码枪坏了就用手机拍单号，争取第二天上午十点半前全部发出。"),                                  # o_Q3
    (ORDER_Q, "遇到急单你就先把货按目的地分成三批，最近的先打包，找四个人，一个贴单两个装箱一个核数，"
              "扫码枪坏了就用手机拍单号，第二天上午十点半前肯定能发完。"),                                    # o_R3
    (ORDER_Q, "假如碰到两百箱的急单，应该先把货按远近排好，再叫几个人分头打包，争取当天晚上全部发完。"),
    (ORDER_Q, "这种情况你得先跟老板确认截止时间，然后你要把人分成两组，一组打包一组贴单，基本上半天就能搞定。"),
]
HONEST = [
    (ORDER_Q, "去年双十一前一天晚上，仓库接了三百箱急单，我和同事小王一起按目的地分成三批，我贴面单，他装箱，"
              "扫码枪坏了我就用手机拍单号，第二天上午十点半全部发出，一箱没错。"),
    (ORDER_Q, "上个月周五下午来了两百箱加急单，我让小王贴面单，我负责装箱和核数，又跟老板沟通先发最近的两个城市，"
              "晚上九点全部发完。"),
    (ORDER_Q, "去年年底仓库来了四百箱急单，我们四个人分工，两个人拣货两个人打包，我们按省份排好优先级，先发远的，"
              "最后凌晨一点全部发完，第二天客户都按时收到了。"),
    (CASH_Q, "有一次顾客说我少找了她二十块，我先跟她道歉，然后当着她的面把钱箱清点了一遍，又核对了小票，"
             "发现确实少找了，马上补给她，她说谢谢就走了。"),
]
SITUATIONAL_ANSWER = "如果外卖单突然很多，我会先按出餐时间排好优先级，然后跟前厅沟通，让他们告诉顾客要多等十分钟，再叫一个人来帮忙打包。"


def _scores(r):
    return [c["score"] for c in r["competencies"]]


def _credits(r):
    return [s for s in all_reasons(r) if s.startswith(agency.CREDITS)]


FAMILIES = [(BORROWED, agency.BORROWED, "不是自己做过的事"),
            (NOT_AGENT, agency.NOT_AGENT, "别人的做法和结果不能算作自己的"),
            (HYPOTHETICAL, agency.HYPOTHETICAL, "没有讲自己做过的事")]


@pytest.mark.parametrize("question,text,cap,says", [(q, t, cap, says) for cases, cap, says in FAMILIES
                                                    for q, t in cases])
def test_not_own_experience_is_bounded_and_says_why(question, text, cap, says):
    r = run(text, question)
    assert max(_scores(r)) <= cap and r["overall"] <= cap, (_scores(r), r["overall"])
    assert any(says in s for s in all_reasons(r)), all_reasons(r)
    # others' actions and results, a model story's, a would-do's are never quoted as the candidate's own
    assert not _credits(r), _credits(r)


@pytest.mark.parametrize("question,text", HONEST)
def test_own_story_with_others_in_it_is_not_bounded(question, text):
    r = run(text, question)
    assert not any(agency.not_own(s) for s in all_reasons(r)), all_reasons(r)
    assert r["overall"] >= 60, r["overall"]


def test_situational_question_answered_hypothetically_is_not_bounded():
    r = run(SITUATIONAL_ANSWER, SITUATIONAL_Q)
    assert not any(agency.not_own(s) for s in all_reasons(r)), all_reasons(r)
    assert r["overall"] > agency.HYPOTHETICAL


@pytest.mark.parametrize("question,text", [(q, t) for cases, _, _ in FAMILIES for q, t in cases])
def test_the_candidate_is_asked_for_a_story_of_their_own_and_praised_for_nothing(question, text):
    """A model answer, others' work or a hypothetical earns no praise (说清了最后的结果 would praise someone else's
    result); the one suggestion asks for something that really happened to the candidate."""
    r = run(text, question)
    assert r["feedback"]["strengths"] == [], r["feedback"]
    assert r["feedback"]["suggestions"] and "你自己做了" in r["feedback"]["suggestions"][0], r["feedback"]


@pytest.mark.parametrize("question,text", HONEST)
def test_an_own_story_keeps_its_praise(question, text):
    assert run(text, question)["feedback"]["strengths"]
