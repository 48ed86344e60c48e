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
    # (traffic rules broken are the family "endanger" since session 46: misconduct on every competency, not only safety's)
    seg = segment_words([{"word": "我闯了两个红灯。"}], "zh")
    assert contrary.find_phrases(seg, [True] * len(seg.clauses), ("endanger",))
    seg = segment_words([{"word": "我闯进去看了看，门口是红灯。"}], "zh")
    assert not contrary.find_phrases(seg, [True] * len(seg.clauses), ("endanger",))


def test_families_follow_the_competency_name_and_keywords():
    assert "safety" in contrary.families("安全意识", (), "zh")
    assert "safety" in contrary.families("岗位技能", ("规范",), "zh")
    assert "integrity" in contrary.families("诚信", (), "zh")
    assert contrary.families("团队协作", (), "zh")[0] == "all"
    # English answers (contrary-en.json) have only the misconduct families that apply to every competency
    assert set(contrary.families("Teamwork", (), "en")) == {"revenge", "deceive", "forge", "shirk", "take", "duty"}
    # Korean (contrary-ko.json, session 19): the misconduct families, every one applying to every competency
    assert set(contrary.families("팀워크", (), "ko")) == {"neglect", "rudeness", "deceit", "taking"}
    assert contrary.families("Teamwork", (), "ja") == ()


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


# --- breaker8: bad behaviour told in a positive tone, and hostility to teamwork (findings 2 and 3) ---------

HONEST_STORY = ("有一次紧急订单，三百单，我先按截单时间排好先后，和两个同事分工，一人负责一百单，"
                "晚上九点全部按时发完，第二天老板还表扬了我们。")
# (answer told without any negation, the competency it is contrary to), one row per kind of deed
TOLD_AS_FINE = [
    ("有一次紧急订单，三百单，我就把活全推给新来的同事，自己去吃饭了，最后他们弄到凌晨，我第二天跟老板说是我安排的，老板还表扬了我。",
     "团队协作"),                                                            # shoving work, taking the credit
    ("那次订单特别急，老板让我们留下来加班，我觉得不合理，当天下午5点我就直接辞职走人了，后来听说那批300单延误了两天。",
     "执行力"),                                                              # quitting mid-rush
    ("那次订单很急，我觉得急也没用，就按平常的节奏慢慢做，到点我就下班回家了，第二天别人发现还有一半没发，客户最后取消了订单。",
     "执行力"),                                                              # going home on time, order lost
    ("那天晚上9点突然来了300单，我觉得反正是老板的事，就在仓库里刷了两个小时抖音，11点下班走了，第二天早上老板自己发完的。",
     "执行力"),                                                              # phone at work
    ("那次急单有500件，时间不够，我就让工人跳过质检直接装箱，还把不合格的30件混在里面，晚上8点全部发走，按时交货了。",
     "执行力"),                                                              # shipping defects
    ("订单很急，我直接跟客户说已经发货了，其实第二天才发，随便填了个快递单号，客户也没发现，按时完成了任务。",
     "执行力"),                                                              # lying to the customer
    # variants: other words for the same kinds of deed
    ("那天急单四百件，我在仓库角落玩了一个小时手机，最后是组长带人发完的，我也轻松了。", "执行力"),
    ("那次两百单很急，我觉得不归我管，下午四点就提前走了，第二天才知道晚了一天。", "执行力"),
    ("那次急单四百件，我把最累的打包活都甩给新人，自己在旁边看着，最后跟老板说都是我一个人盯下来的。", "团队协作"),
    ("那次急单来不及，我没质检就直接发了，里面有十几件是坏的，不过总算按时发出去了。", "执行力"),
]


@pytest.mark.parametrize("bad, name", TOLD_AS_FINE)
def test_bad_behaviour_told_in_a_positive_tone_sinks_the_answer(bad, name):
    r_bad, r_good = run(bad), run(HONEST_STORY)
    comp = _comp(r_bad, name)
    assert comp["score"] <= model.CONTRARY_CAP
    assert any("相反的做法" in s for s in comp["reasons"]), comp["reasons"]
    # a clear contrary deed on a main competency pulls the whole answer under 40, not only that line
    assert r_bad["overall"] < 40 <= r_good["overall"]
    assert not any("相反的做法" in s for s in all_reasons(r_good))


@pytest.mark.parametrize("question, bad, name", [
    (RIDE_Q, "去年冬天有一单火锅要半小时送到，顾客打电话催了三次，我直接跟他吵了几句，又把电话挂了，最后晚了二十分钟送到。",
     "服务意识"),                                                            # arguing with a customer
    (RIDE_Q, "那天单子特别多，有个顾客一直问什么时候到，我就爱理不理的，让他等着，最后晚了半小时才送到。", "服务意识"),
    (CASH_Q, "去年在超市收银，晚上对账多出来一百块，我跟店长说账是对的，其实多的钱我装进了自己口袋。", "诚信"),
    (CASH_Q, "有次月底盘点少了三箱饮料，我就在表上多报了三箱，跟主管说数字没问题，也没人查出来。", "诚信"),
])
def test_contrary_deeds_of_other_families_cap_their_competency(question, bad, name):
    comp = _comp(run(bad, question), name)
    assert comp["score"] <= model.CONTRARY_CAP
    assert any("相反的做法" in s for s in comp["reasons"]), comp["reasons"]


EXEC_ONLY = "那次订单很急，我一个人列了清单，按截单时间排好先后，先做最早要走的50单，中午饭也没吃，下午三点前全部打包完，按时交给了快递。"


@pytest.mark.parametrize("hostile", [
    "同事来帮忙我都让他们走开，我觉得他们只会添乱。",
    "同事想来帮忙，我说不用他们帮，我嫌他们笨手笨脚的。",
    "组长叫两个同事来协调分工，我让他们别插手，我看不上他们干活。",
])
def test_hostility_to_teamwork_lowers_teamwork_and_its_words_count_against_it(hostile):
    r_alone, r_hostile = run(EXEC_ONLY), run(EXEC_ONLY + hostile)
    team_alone, team_hostile = _comp(r_alone, "团队协作"), _comp(r_hostile, "团队协作")
    assert team_hostile["score"] < team_alone["score"]
    assert team_hostile["score"] <= model.CONTRARY_CAP
    assert any("相反的做法" in s for s in team_hostile["reasons"])
    # 同事 / 帮忙 / 协调 said while refusing help are no teamwork evidence
    assert not any(e["keyword"] in hostile for e in team_hostile["evidence"]), team_hostile["evidence"]
    assert not any(("相关的内容" in s and "同事" in s) for s in team_hostile["reasons"])
    assert r_hostile["overall"] < r_alone["overall"]


@pytest.mark.parametrize("text", [
    "那天同事在仓库刷抖音，我提醒了他一句，然后我们一起把三百单分好工，晚上九点按时发完了。",   # a colleague slacked
    "有个同事到点就下班走了，剩下的一百单我和小王分工做完，九点全部发出。",
    "新来的同事一开始笨手笨脚的，我手把手教他打包，最后我们按时发完了三百单。",                # said of them, not my view
    "我没有把活推给新来的同事，自己带着他们一起干，十点前三百单全部发完。",                  # negated
    "我不是不愿意加班，那次我主动加班到凌晨两点，和三个同事分工，按时把两百单发完。",         # double negation
    "客户跟我吵了起来，我先道歉，再帮他查了物流，安排同事加急补发，第二天按时送到了。",        # the customer argued
    "我跟客户说已经发货了，又把快递单号发给他，第二天就按时送到了。",                      # a true report
])
def test_honest_answers_with_the_same_words_are_not_counter_evidence(text):
    r = run(text)
    assert not any("相反的做法" in s for s in all_reasons(r)), all_reasons(r)


@pytest.mark.parametrize("text", [
    "有个顾客外卖晚了，第三次来电吼了五分钟，我先道歉，说明路上堵车，又送了一瓶饮料，最后晚了十分钟送到。",  # subject carried over
    "那天单子很赶，顾客跟我吵了起来，我先道歉，说明会晚几分钟，最后晚了三分钟送到。",              # 跟我: I am the object
])
def test_a_customers_anger_is_not_the_speakers_deed(text):
    r = run(text, RIDE_Q)
    assert not any("相反的做法" in s for s in all_reasons(r)), all_reasons(r)


def test_a_contrary_clause_is_reported_and_attitudes_need_the_speakers_view():
    seg = segment_words([{"word": "同事来帮忙我都让他们走开，我觉得他们只会添乱。"}], "zh")
    clauses = set()
    found = contrary.find_phrases(seg, [True] * len(seg.clauses), ("teamwork",), clauses)
    assert len(found) == 2 and clauses == {0, 1}
    seg = segment_words([{"word": "新来的同事只会添乱，我就一步步教他。"}], "zh")
    assert not contrary.find_phrases(seg, [True] * len(seg.clauses), ("teamwork",))


def test_the_overall_bound_follows_the_main_competencies_only():
    cap = model.contrary_cap(1)
    assert model.contrary_overall_cap([(0.5, cap), (0.5, None)]) == cap
    assert model.contrary_overall_cap([(0.8, None), (0.2, cap)]) is None     # a minor competency: its line only
    assert model.contrary_overall_cap([(0.5, None), (0.5, None)]) is None


def _rated_answers(min_rating):
    """(answer text, competency) of the Chinese answers every rater gave at least `min_rating` on it, from the
    training data and eval sets a–f (read here only to check that no phrase misfires)."""
    import json
    from collections import defaultdict
    from pathlib import Path
    root = Path(__file__).resolve().parents[2] / "models" / "scorer"
    for d in [root / "data"] + [root / "eval" / f"unseen-roles-{x}" for x in "abcdef"]:
        questions = {q["qid"]: q for q in json.loads((d / "questions.json").read_text(encoding="utf-8"))}
        ratings = defaultdict(list)
        for f in d.glob("ratings_*.jsonl"):
            for line in f.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                ratings[(r["id"], r["competency"])].append(r.get("rating"))
        for line in (d / "answers.jsonl").read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            q = questions[a["qid"]]
            if q.get("language", "zh") != "zh":
                continue
            for comp in q["competencies"]:
                rs = ratings.get((a["id"], comp["name"]))
                if rs and None not in rs and min(rs) >= min_rating:
                    yield a["text"], comp


def test_no_counter_evidence_on_answers_raters_rated_adequate_or_better():
    rated = list(_rated_answers(3))
    assert len(rated) > 1000
    misfires = []
    for text, comp in rated:
        seg = segment_words([{"word": text}], "zh")
        owned = []
        found = contrary.find_phrases(seg, [True] * len(seg.clauses),
                                      contrary.families(comp["name"], tuple(comp["keywords"]), "zh"), None, owned)
        if found or owned:
            misfires.append((comp["name"], found, owned, text[:40]))
    assert not misfires, misfires
