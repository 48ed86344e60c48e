"""Breaker's findings (feat8b): behaviour contrary to a competency told without negation, competency scores
of one answer that are all the same, and relevance to the question bounding the score.

1. Counter-evidence (scoring/contrary.py, models/scorer/contrary-zh.json): blaming others, covering up,
   breaking rules, taking what is not yours, cutting corners cap the competency well below the pass line and
   are named in a reason; the same deed negated, or told of someone else, is not counter-evidence.
2. Per-competency scores read each competency's own evidence (model.competency_strength).
3. A story from another scene, and a story on a closing question, stay below real answers.
Every case compares against an honest answer of the same shape, never a hard-coded score."""
import pytest

from functions.analyze.scoring import contrary, model
from functions.analyze.scoring.text import segment_words
from tests.functions.test_scoring_reasons import CLOSING_Q, STORY_Q, all_reasons, run

PASS = 60.0
CASH_Q = {"text": "请讲一次你在收银或送货时遇到钱款、账目出问题的经历，你是怎么处理的？", "answer_seconds": 120,
          "competencies": [{"name": "诚信", "weight": 0.5, "keywords": ["如实", "上报", "账目"]},
                           {"name": "责任心", "weight": 0.5, "keywords": ["负责", "核对", "主动"]}]}
RIDE_Q = {"text": "请讲一次你送外卖时订单特别赶的经历，你是怎么做的，结果怎样？", "answer_seconds": 120,
          "competencies": [{"name": "安全意识", "weight": 0.5, "keywords": ["安全", "交规", "头盔"]},
                           {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "准时", "沟通"]}]}
POOL_Q = {"text": "请讲一次你在泳池值班时发现有人遇到危险或者不遵守安全规定的经历，你是怎么做的，结果怎样？",
            "answer_seconds": 120,
            "competencies": [{"name": "安全意识", "weight": 0.5, "keywords": ["安全", "观察", "巡视", "规定"]},
                             {"name": "应急处置", "weight": 0.5, "keywords": ["冷静", "救援", "急救", "处理"]}]}

# (question, contrary answer, honest answer of the same shape, competency the deed is contrary to)
CONTRARY = [
    (STORY_Q, "上周五仓库来了三百箱急单，要求晚上十点前发完，结果没发完，都是同事的错，他们分拣太慢了，我让新人背了锅。",
     "上周五仓库来了三百箱急单，要求晚上十点前发完，我先按目的地把货分成三批，叫上两个同事一人负责一批，最后九点半全部发完。",
     "团队协作"),
    (CASH_Q, "去年在超市收银，有天晚上对账发现少了两百块，我就没告诉店长，第二天悄悄把账抹平了，也没人发现。",
     "去年在超市收银，有天晚上对账发现少了两百块，我马上告诉了店长，第二天一张张核对小票，找到是退款没录进系统。",
     "诚信"),
    (CASH_Q, "去年在餐厅做服务员，客人结账多给了五十块小费，小费我就自己留下了，没交到前台。",
     "去年在餐厅做服务员，客人结账多给了五十块，我追出去把钱还给了他，又在交班本上记了一笔。",
     "诚信"),
    (RIDE_Q, "去年冬天有一单火锅要半小时送到五公里外的小区，我一路骑得很快，闯了两个红灯才按时送到，顾客还给了好评。",
     "去年冬天有一单火锅要半小时送到五公里外的小区，我先给顾客打电话说可能晚五分钟，一路按交规骑，最后晚了三分钟送到，顾客说没关系。",
     "安全意识"),
    (STORY_Q, "有一次仓库急单要在晚上十点前发完，我怕来不及，就直接跳过检查，没扫码就装车了，最后按时发走了。",
     "有一次仓库急单要在晚上十点前发完，我先把两百箱按线路分好，每箱扫码核对后再装车，最后九点五十全部发走了。",
     "执行力"),
]


def _comp(r, name):
    return next(c for c in r["competencies"] if c["name"] == name)


@pytest.mark.parametrize("question, bad, good, name", CONTRARY)
def test_contrary_behaviour_caps_its_competency_and_is_named(question, bad, good, name):
    r_bad, r_good = run(bad, question), run(good, question)
    comp = _comp(r_bad, name)
    assert comp["score"] <= model.CONTRARY_CAP < PASS
    assert comp["score"] < _comp(r_good, name)["score"]
    assert any("相反的做法" in s for s in comp["reasons"]), comp["reasons"]
    assert not any("相反的做法" in s for s in all_reasons(r_good))
    # a deed named as the opposite earns no praise in the candidate's feedback
    assert "说到了这道题想了解的具体做法。" not in r_bad["feedback"]["strengths"]


@pytest.mark.parametrize("text", [
    "那天单子很赶，但我没有闯红灯，先给顾客打电话说明会晚几分钟，最后晚了三分钟送到。",   # negated
    "那天单子很赶，前面一个骑手闯了红灯被交警拦下，我等绿灯才走，最后晚了三分钟送到顾客手里。",  # someone else
    "那天单子很赶，顾客很不耐烦，我先道歉，又说明会晚几分钟，最后晚了三分钟送到。",   # the customer, not me
])
def test_the_same_deed_negated_or_told_of_someone_else_is_no_counter_evidence(text):
    r = run(text, RIDE_Q)
    assert not any("相反的做法" in s for s in all_reasons(r))


def test_a_phrase_with_a_gap_matches_within_one_clause_only():
    seg = segment_words([{"word": "我闯了两个红灯。"}], "zh")
    assert contrary.find_phrases(seg, [True] * len(seg.clauses), ("safety",))
    seg = segment_words([{"word": "我闯进去看了看，门口是红灯。"}], "zh")
    assert not contrary.find_phrases(seg, [True] * len(seg.clauses), ("safety",))


def test_families_follow_the_competency_name_and_keywords():
    assert "safety" in contrary.families("安全意识", (), "zh")
    assert "safety" in contrary.families("岗位技能", ("规范",), "zh")
    assert "integrity" in contrary.families("诚信", (), "zh")
    assert contrary.families("团队协作", (), "zh")[0] == "all"
    assert contrary.families("Teamwork", (), "en") == ()


def test_an_answer_strong_on_one_competency_and_silent_on_another_shows_it():
    # the answer is all about splitting work with colleagues and says nothing about time or priorities
    r = run("那次店里要搬三十箱货，我叫上两个同事，一人负责一排货架，互相帮忙递箱子，大家一起商量怎么摆，最后搬完了。",
            STORY_Q)
    team, exe = _comp(r, "团队协作"), _comp(r, "执行力")
    assert team["competency_strength"] > exe["competency_strength"]
    assert team["score"] - exe["score"] >= 5


def test_a_story_from_another_scene_stays_below_the_pass_line_and_below_a_real_answer():
    other = "我以前在奶茶店上班，周末下午两点到五点单子最多，我把珍珠提前煮好两锅，杯子按大中小摆在出杯口，那天一共出了四百多杯。"
    real = "去年七月我在室外池值班，看到深水区有个男孩头往后仰、手乱拍，我吹哨跳下去把他托到池边，让同事叫了医务室，他呛了几口水，十分钟后缓过来了。"
    r_other, r_real = run(other, POOL_Q), run(real, POOL_Q)
    assert r_other["overall"] <= model.FAR_CAP < PASS
    assert r_other["overall"] < r_real["overall"]
    assert any("关系不大" in s for s in all_reasons(r_other))


def test_a_closing_question_rewards_questions_not_a_story():
    story = "我以前在老家开过网约车，有一次半夜两点拉了一个喝醉的乘客去机场，我把车停在服务区清理了二十分钟，又把他扶到值机柜台。"
    asked = "我想问一下，刚入职的时候有没有人带？培训大概多久？以后有没有机会转到正式岗位？"
    r_story, r_asked = run(story, CLOSING_Q), run(asked, CLOSING_Q)
    assert r_story["overall"] <= model.CLOSING_NO_QUESTION
    assert r_story["overall"] < r_asked["overall"]


def test_a_motivation_question_without_a_reason_is_bounded():
    q = {"text": "你为什么想来我们店做店员？", "answer_seconds": 60,
         "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["稳定", "发展", "兴趣"]}]}
    story = "我上个月在超市理货，一天理了三百多箱饮料，把货架按品牌重新摆了一遍，店长说比以前整齐多了。"
    reason = "因为我家就在附近，想找一份稳定的工作，我以前在超市理过货，喜欢跟顾客打交道，希望在这里学会做陈列。"
    r_story, r_reason = run(story, q), run(reason, q)
    assert r_story["overall"] <= model.MOTIVATION_NO_REASON
    assert any("理由" in s for s in all_reasons(r_story))
    assert not any("没有说出自己的理由" in s for s in all_reasons(r_reason))
