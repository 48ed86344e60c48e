"""Breaker 13 (H2, M7): a concrete story of the candidate's own bad conduct passed, and its bad outcome was
credited as a "具体结果".

Counter-evidence (scoring/contrary.py, models/scorer/contrary-zh.json) now also reads: leaving or putting off
work that is not done (到六点就走了, 就先下班回家了, 明天再弄也来得及, 拖到第二天), skipping a check to save time
(没核对单号直接贴, 图省事没扫码就, 嫌麻烦直接), answering a customer back (爱吃不吃, 跟他吵起来, 怼了她, 骂了回去) and
telling a customer the goods had shipped when they had not (跟客户说已经发了，其实…). A story whose ending is a
delay, a loss, a penalty or a complaint (结果只发出去100箱, 经理扣了我500块, 公司赔了客户两万块) is never quoted or
praised as a result achieved (quotes.loss). Honest answers that use the same words, and deeds the candidate then
owned and fixed, keep their scores."""
import pytest

from functions.analyze.scoring.answer import score_answer
from tests.functions.conftest import ISSUE_QUESTION as URGENT_Q
from tests.functions.test_scoring_conduct_families import RUSH_Q, SERVICE_Q

WAITER_Q = {"text": "讲一次你处理顾客投诉的经历。", "answer_seconds": 90,
            "competencies": [{"name": "服务意识", "weight": 1, "keywords": ["顾客", "道歉", "解决", "茶"]}]}
CREDIT = ("说了具体结果", "说到了最后的结果")
PRAISED_RESULT = ("说清了最后的结果。", "You made the final result clear.")


def score(text, question, language="zh"):
    out = score_answer([{"word": text}], language, question)
    assert out["status"] == "scored", out.get("reason")
    return out


def reasons(out):
    return [r for c in out["competencies"] for r in c["reasons"]]


# (family, question, answer, highest overall); the breaker's inputs first
CONDUCT = [
    ("leave", URGENT_Q, "那次老板让我们晚上加班赶150单，我到六点就走了，我跟他说合同上写的是八小时，后来另外两个人干到十二点，"
                        "第二天还是晚了四个小时发货。", 35),
    ("leave", URGENT_Q, "去年双十一前一晚仓库突然多了300箱货，我觉得第二天再弄也来得及，就先下班回家了，第二天上午十点才到，"
                        "结果只发出去100箱，客户投诉了三次，经理扣了我500块。", 25),
    ("leave", URGENT_Q, "那天晚上有两百单急件要发，我到六点就下班了，剩下的同事们一直干到半夜，第二天早上才发完。", 35),
    ("leave", URGENT_Q, "急单来了三百箱，我看时间到了，就先下班回家了，剩下的让夜班的人弄，第二天上午才全部发出去。", 35),
    ("leave", URGENT_Q, "那次经理说有一百单要当天发，我觉得明天再弄也来得及，就把单子放在那了，结果第二天客户就催了。", 35),
    ("leave", URGENT_Q, "有个急单下午四点才到，我想着明天再说吧，拖到第二天上午才开始打包，最后晚了半天。", 25),
    ("skip", URGENT_Q, "去年年底有个急单要发500箱，我为了赶时间没核对单号直接贴标签，下午五点就全发出去了，后来有60箱发错了地址，"
                       "公司赔了客户两万块。", 35),
    ("skip", URGENT_Q, "那次三百单急着发，我为了快一点没检查数量直接封箱了，晚上八点全发出去了。", 35),
    ("skip", URGENT_Q, "急单来不及，我图省事没扫码就把货装车了，六点前全部发出去了。", 25),
    ("skip", URGENT_Q, "那天两百箱急单，我嫌麻烦直接把标签贴上就发了，没核对就装车，七点前全部发完。", 25),
    ("rude", WAITER_Q, "上周六晚上七点有个顾客嫌菜咸，我跟他说我们的菜一直是这个味道，爱吃不吃，他骂了我几句，我也骂回去了，"
                       "最后经理出来赔了他两百块。", 35),
    ("rude", WAITER_Q, "有个顾客说菜凉了，我跟他说爱吃不吃，不吃就走，他气得走了。", 35),
    ("rude", WAITER_Q, "一个客人嫌上菜慢一直催，我就跟他吵起来了，最后他没买单就走了。", 35),
    ("rude", WAITER_Q, "有个阿姨说汤里有头发，我当场怼了她几句，说我们厨房很干净，她后来投诉到了店长那里。", 35),
    ("rude", WAITER_Q, "顾客骂我服务差，我也骂了回去，后来店长过来才把事情压下去。", 35),
    ("rude", SERVICE_Q, "A customer said his soup was cold and swore at me, so I swore back at him and told him to take it "
                        "or leave it. My manager had to give him a free meal.", 35),
    ("lie", URGENT_Q, "有一次急单来不及，我跟客户说已经发货了，其实第二天才发，客户第三天收到，他也没发现，就这样过去了。", 35),
    ("lie", URGENT_Q, "那次急单来不及，我骗客户说已经发出去了，其实第二天下午才发，他也不知道。", 25),
    ("lie", URGENT_Q, "急单赶不完，我跟客户说已经发了，其实货还在仓库里，第二天才装车。", 35),
    ("lie", RUSH_Q, "We could not finish the rush order, so I told the client it had already shipped, but actually it "
                    "went out the next afternoon. He never found out.", 35),
]


@pytest.mark.parametrize("family,question,text,highest", CONDUCT, ids=[f"{c[0]}-{i}" for i, c in enumerate(CONDUCT)])
def test_own_bad_conduct_is_counter_evidence(family, question, text, highest):
    language = "en" if text.isascii() else "zh"
    out = score(text, question, language)
    assert out["overall"] <= highest, (out["overall"], reasons(out))
    assert any("这是反面信息" in r for r in reasons(out)), reasons(out)
    # nothing in the story is credited as a result, nor praised as one
    assert not any(r.startswith(CREDIT) for r in reasons(out)), reasons(out)
    assert not set(out["feedback"]["strengths"]) & set(PRAISED_RESULT), out["feedback"]


# the same words, told of honest work: no counter-evidence
HONEST = [
    (URGENT_Q, "那天有两百单急件，我六点下班前把单都发完了，跟同事分好工，一个拣货一个打包，我贴单。"),
    (URGENT_Q, "急单三百箱，我每箱都核对完单号才贴标签，跟两个同事分工，晚上九点全部发完，一单没错。"),
    (URGENT_Q, "急单五百箱，我跟同事分工，我负责核对单号，发现有十箱单号不对，马上改过来再贴，下午五点全部发完，没有一箱发错。"),
    (URGENT_Q, "那次两百单急件，我先跟组长确认优先级，把当天必须到的一百单先发，剩下的跟客户商量好第二天上午发，客户同意了，"
               "最后两百单都按时到了。"),
    (URGENT_Q, "有一次月底，一个大客户临时加了一百多单，要当天发。我跟组长说了一下，把手上不急的退货先放着，然后跟两个同事分了"
               "一下，一个拣一个包一个贴单。大家加班到晚上九点，全部发出去了。"),
    (WAITER_Q, "有个顾客骂我，我没回嘴，先给他道歉，问清楚是菜太咸，马上让厨房重做了一份，又送了他一壶茶，他最后消气了。"),
    (WAITER_Q, "有个顾客嫌菜咸，我先道歉，马上让厨房重做，他没吃完就走了，我追出去把他的钱退了，第二天他还发消息说谢谢。"),
    (SERVICE_Q, "A customer yelled at me about his cold soup. I did not yell back at him; I apologised, got the kitchen "
                "to remake it in five minutes and gave him a free drink. He thanked me when he left."),
]


@pytest.mark.parametrize("question,text", HONEST)
def test_honest_answers_with_the_same_words_are_not_counter_evidence(question, text):
    language = "en" if text.isascii() else "zh"
    out = score(text, question, language)
    assert not any("反面信息" in r for r in reasons(out)), reasons(out)
    assert out["overall"] >= 40, (out["overall"], reasons(out))


# the deed then owned and fixed: a lesson-learnt story (contrary_owned), not counter-evidence
OWNED = [
    "我刚来的时候有一次急单，我一开始没核对单号就直接贴标签，贴错了十几箱，客户投诉了。后来我每单都先核对单号再贴，"
    "从那以后再也没贴错过，那个月三百多单全部按时发完。",
    "有一次急单我到点就走了，第二天发现同事们加班到半夜，我很愧疚，主动跟组长认错，从那以后每次急单我都留下来一起干完，"
    "上个月双十一我们三百单全部当天发完。",
]


@pytest.mark.parametrize("text", OWNED)
def test_deed_owned_and_fixed_keeps_scoring_well(text):
    out = score(text, URGENT_Q)
    execution = next(c for c in out["competencies"] if c["name"] == "执行力")
    assert any("吸取教训" in r for r in execution["reasons"]), execution["reasons"]
    assert not any("反面信息" in r for r in reasons(out)), reasons(out)
    assert execution["score"] >= 60, (execution["score"], execution["reasons"])


def test_a_loss_ending_is_not_quoted_as_a_result():
    out = score("那次老板让我们晚上加班赶150单，我们四个人分了工，我负责打包，第二天还是晚了四个小时发货，客户投诉了三次。",
                URGENT_Q)
    said = reasons(out)
    assert not any(r.startswith(CREDIT) for r in said), said
    assert any(r.startswith("说到的结局是延误、损失或失误") and "投诉了三次" in r for r in said), said
    assert not set(out["feedback"]["strengths"]) & set(PRAISED_RESULT), out["feedback"]


@pytest.mark.parametrize("text,quoted", [
    # a loss kept small, or going down, is a result
    ("上个月在深圳南山，一单离超时还剩五分钟，我堵在科技园。我提前打电话跟顾客说要晚三分钟，问能不能到楼下拿，他答应了。"
     "最后只晚了两分钟，他还给了好评。", "最后只晚了两分钟"),
    ("急单三百箱，我跟两个同事分好工，一个拣货一个打包，我负责核对单号再贴，晚上九点全部发完，这个月客户投诉少了一半。",
     "晚上九点全部发完"),
])
def test_a_loss_kept_small_or_going_down_is_still_a_result(text, quoted):
    said = reasons(score(text, URGENT_Q))
    assert any(r.startswith(CREDIT) and quoted in r for r in said), said


# fixed by contrary.others_speech (test_scoring_quoted_speech.py): a customer's words are not the candidate's
def test_a_customer_quoting_rudeness_is_not_the_candidates():
    out = score("有个顾客说我们爱吃不吃的态度太差，我先跟他道歉，说是我们没做好，给他换了菜，又送了一壶茶，他后来成了常客。",
                WAITER_Q)
    assert not any("反面信息" in r for r in reasons(out)), reasons(out)
