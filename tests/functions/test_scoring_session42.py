"""Sessions 42–43: breaker 43's open families (h14, h22, h24, g37) and their look-alikes — a generically worded question
answered by a concrete customer story, an opening that names the customer, the other side putting its own error right,
a lapse owned in many words, a thin situation before a bare outline, a story with no customer on a customer question,
and pieces of curated phrases that are only time words.

Real answers through pipeline.analyze_transcript (the CLI's path) and features.analyse.
"""
from __future__ import annotations

import pytest

from breaker_findings import analysis_of, load, reasons_of, run, scored
from functions.analyze import pipeline
from functions.analyze.scoring import answer, features, focus, model, question_fit
from functions.analyze.scoring.text import segment
from tests.functions.conftest import COOK_QUESTION, ISSUE_QUESTION, RIDER_QUESTION

B43 = load("breaker43")
HELP = B43["h24"]["question"]         # 讲一次你帮助顾客解决问题的经历。
ERROR = B43["h14"]["question"]        # 讲一次你发现自己工作出了差错的经历，你是怎么处理的？ (诚信担当, 改进)
DRIVE = B43["g37"]["question"]        # 讲一次你开车送货时遇到堵车或车辆故障、可能迟到的经历…


_run, _reasons, _analysis = scored, reasons_of, analysis_of


def _clauses(a: features.Analysis) -> list[str]:
    return ["".join(a.seg.tokens[i].text for i in cl) for cl in a.seg.clauses]


# --- a generically worded question is answered by any concrete customer story (h24) ---------------------------------
def test_genericity_orders_generic_questions_above_specific_ones():
    generic = question_fit.genericity(HELP)
    assert generic is not None and generic >= model.GENERIC_QUESTION, generic
    for specific in (DRIVE, COOK_QUESTION, RIDER_QUESTION):
        g = question_fit.genericity(specific)
        assert g is not None and g < model.GENERIC_QUESTION, (specific["text"], g)
    # no cap on a generic question, the cap unchanged on a specific one
    assert model.question_fit_cap(-0.2, "story", generic) is None
    assert model.question_fit_cap(-0.2, "story", 0.5) == model.QUESTION_FIT_CAP
    assert model.question_fit_cap(-0.2, "story") == model.QUESTION_FIT_CAP


@pytest.mark.parametrize("said", [
    B43["h24"]["text"],
    "上个月有位阿姨买的电饭煲按键按不下去，拿回店里找我。我先帮她试了一下，发现是按键卡住了，给她换了一台新的，又教她怎么清理按键缝，"
    "她高兴地走了。",
    "有个小伙子来修手机，说屏幕突然不亮了，我拆开看是排线松了，重新插好，十分钟就修好了，没收他钱，他后来又介绍朋友来。",
], ids=["b43-h24", "rice-cooker", "phone"])
def test_a_concrete_customer_story_on_a_generic_question_is_not_another_questions(said):
    r = _run(said, HELP)
    assert r["overall"] >= 60, r["overall"]
    assert not any(answer.OTHER_QUESTION_REASON in reason for reason in _reasons(r)), _reasons(r)


@pytest.mark.xfail(strict=True, reason="open: a story moved from another question is not bounded when the question names "
                   "no focus family (午餐高峰时后厨忙不过来; 堵车或车辆故障 — 或 makes the focus unclear) and question_fit reads "
                   "it near the question (−0.02 > QUESTION_FIT_LOW): 63.1 and 73.6")
@pytest.mark.parametrize("question", [COOK_QUESTION, DRIVE], ids=["kitchen", "drive"])
def test_a_customer_story_told_on_a_specific_question_stays_bounded(question):
    # specific questions (genericity below GENERIC_QUESTION): a customer's eggs answer neither
    r = _run(B43["h24"]["text"], question)
    assert r["overall"] <= 45, r["overall"]


# --- a story with no customer in it on a customer question ----------------------------------------------------------
def test_the_customer_family_is_asked_by_helping_a_customer_only():
    assert [f.key for f in focus.asked(HELP["text"])] == ["customer"]
    # a customer who helps someone else asks nothing of the candidate's help (set k: 说是帮他爸爸买的)
    assert "customer" not in [f.key for f in focus.asked("假如一个看起来像中学生的顾客来买烟，说是帮他爸爸买的，你会怎么做？")]


@pytest.mark.parametrize("said", [
    "上个月仓库来了三百箱货，我先按区域分好，再叫了两个同事一起搬，然后一箱一箱核对单号，第二天上午十点全部发完了。",
    "那次店里盘点，我跟领导两个人对了一晚上的账，他负责念我负责记，最后差了两块钱也找出来了。",
], ids=["warehouse", "stocktake"])
def test_a_story_with_no_customer_on_a_customer_question_is_bounded(said):
    r = _run(said, HELP)
    assert r["overall"] <= model.FOCUS_CAP, r["overall"]


@pytest.mark.parametrize("said", [
    "那天有两桌客人点的菜上错了，我先给两桌都道了歉，把菜换回来，又各送了一份果盘，他们吃完还加了我微信。",
    "有个男的进店说手机充不进电，我看了一下是充电口里有灰，用牙签挑干净，当场就能充了，他连说谢谢。",
], ids=["two-tables", "charging-port"])
def test_a_customer_told_in_everyday_words_answers_a_customer_question(said):
    r = _run(said, HELP)
    assert not any("顾客或客人的事" in reason for reason in _reasons(r)), _reasons(r)


@pytest.mark.xfail(strict=True, reason="open: a short concrete customer story is read as telling no result and no deed of "
                   "the competencies (当场就能充了，他连说谢谢: 34.1, the same before session 42)")
def test_a_short_concrete_customer_story_passes():
    r = _run("有个男的进店说手机充不进电，我看了一下是充电口里有灰，用牙签挑干净，当场就能充了，他连说谢谢。", HELP)
    assert r["overall"] >= 55, r["overall"]


# --- an opening that names the customer is the story, an aside at the end is not (h20) -------------------------------
def test_an_opening_whose_person_the_next_clause_points_back_at_is_kept():
    said = "一位老人家要买月饼送人，但是他要的那款卖完了。我带他去看了另外两款价格差不多的，打开样品让他尝，他选了一款，" \
           "我帮他包好装进礼盒，还帮他拎到门口打车。他走前说谢谢我耐心。"
    a = _analysis(said, HELP)
    clauses = _clauses(a)
    kept = [clauses[k] for k in range(len(clauses)) if k not in a.details["excluded_clause_ids"]]
    assert any("老人家" in c for c in kept) and any("卖完" in c for c in kept), (clauses, a.details["excluded_clause_ids"])
    assert _run(said, HELP)["overall"] >= 50     # 39.4 with the opening dropped (session 41's code)


def test_an_aside_told_at_the_end_is_still_dropped():
    said = "我在眼镜店做过一年加工。有一次磨一副散光镜片，我把轴位看错了，差了十度。还好交给客人之前我自己用焦度计复查了一遍，" \
           "发现不对，马上跟店长说了，重新磨了一副。对了，说到我老家，我是湖南邵阳的，我们那边的米粉特别好吃，早上一碗牛肉粉加个" \
           "煎蛋才六块钱，老板跟我还是一个村的。"
    a = _analysis(said, ERROR)
    clauses = _clauses(a)
    dropped = [clauses[k] for k in a.details["excluded_clause_ids"]]
    assert any("米粉" in c for c in dropped), (clauses, a.details["excluded_clause_ids"])


# --- the other side putting its own error right is the story's result (h22) -----------------------------------------
NO_RESULT = "没有说到最后的结果"


@pytest.mark.parametrize("said", [
    B43["h22"]["text"],
    "有次月底对账，发现供应商发票金额比订单多了三百块。我先打电话跟他们的会计核对，供应商第二天补发了一张正确的发票，"
    "我又把这件事记在对账表备注里。",
], ids=["b43-h22", "reissued-next-day"])
def test_the_other_side_redoing_its_error_is_the_result(said):
    r = _run(said, ERROR)
    assert r["overall"] >= 60, r["overall"]
    assert not any(NO_RESULT in reason for reason in _reasons(r)), _reasons(r)


@pytest.mark.parametrize("said", [
    # elided: the candidate's own step
    "发现发票金额比订单多了三百块，我跟财务核对了一下，重新开了一张。",
    # a coworker's redo is a step before the story's ending
    "有一次客人说鱼做咸了，我尝了一口确实咸，就跟厨师说了，厨师重新做了一条。",
], ids=["elided", "coworker"])
def test_a_redo_by_no_one_named_or_by_a_coworker_is_no_result(said):
    a = _analysis(said, ERROR)
    clauses = _clauses(a)
    assert a.details["outcome_clause_id"] is None or "重新" not in clauses[a.details["outcome_clause_id"]], \
        (clauses, a.details["outcome_clause_id"])


# --- a lapse owned in many words is evidence of 诚信 (h14) ------------------------------------------------------------
@pytest.mark.parametrize("said, owned", [
    ("我马上跟老板说是我订错了", True),
    ("我跟店长说是我自己算错的", True),
    ("是我看漏了一行", True),
    ("跟财务说从我工资里扣", True),
    ("我自己赔了那两箱", True),
    ("我跟老板说是我同事订错了", False),
    ("这不是我的错", False),
    ("我跟老板说是系统的问题", False),
], ids=["booked", "counted", "missed", "wages", "paid", "colleague", "not-mine", "system"])
def test_owning_a_lapse_in_many_words_is_evidence(said, owned):
    comp = features.Competency.from_question({"name": "诚信担当", "weight": 1, "keywords": ["承认", "主动", "领导"]}, "zh")
    assert comp.patterns, "诚信 has curated patterns"
    seg = segment(said, "zh")
    hits = [h for p in comp.patterns for h in features.pattern_hits(seg, p) if not h.negated]
    assert bool(hits) == owned, [h.term for h in hits]


def test_an_owned_booking_error_reads_as_integrity_and_improvement():
    r = run(B43["h14"])
    assert r["overall"] >= 70, r["overall"]
    named = {c["name"]: " ".join(c["reasons"]) for c in r["competencies"]}
    assert "是我订错" in named["诚信担当"], named
    assert "没有说到与“改进”相关" not in named["改进"], named


def test_blaming_a_colleague_in_the_same_words_is_no_evidence():
    r = _run("有次我给老板订出差的高铁票，把日期订成了周四，其实是周三。我马上跟老板说是我同事订错了，然后退了票，改签到周三上午九点那趟。",
             ERROR)
    assert not any("是我同事订错" in reason and "提到了" in reason for reason in _reasons(r)), _reasons(r)
    assert r["overall"] < run(B43["h14"])["overall"]


# --- a thin situation before a bare outline (g37) ---------------------------------------------------------------------
def test_a_thin_situation_before_bare_steps_is_an_outline():
    r = run(B43["g37"])       # 那次路上堵车，我先打电话通知客户，再检查了一下车，然后按规定安全驾驶，最后…
    assert r["overall"] <= model.OUTLINE_CAP, r["overall"]
    assert any(reason.startswith(answer.OUTLINE_REASON) for reason in _reasons(r)), _reasons(r)


@pytest.mark.parametrize("said", [
    # the same thin situation, steps with facts of their own
    "那次路上堵车，我先打电话跟客户说要晚二十分钟，再从导航上换了一条走三环的路，然后到了楼下先把冷冻的两箱搬上去，最后比约好的时间"
    "晚了十五分钟，客户签收了。",
    # two clauses of situation told before the steps
    "那次在高架上堵死了，前面两辆车追尾，我先打电话通知客户，再检查了一下车，然后按规定安全驾驶，最后货物准时送到。",
], ids=["facts-in-steps", "situation-told"])
def test_a_situation_told_or_steps_with_facts_are_no_outline(said):
    r = _run(said, DRIVE)
    assert not any(reason.startswith(answer.OUTLINE_REASON) for reason in _reasons(r)), _reasons(r)


# --- a time word is no piece of a curated phrase (以后 of 以后每次) --------------------------------------------------
def test_a_time_word_is_no_piece_of_a_curated_phrase():
    question = {"text": "讲一次你做的蛋糕出了问题的经历。你是怎么发现和补救的？后来做了什么改进？", "answer_seconds": 120,
                "competencies": [{"name": "问题处理", "weight": 0.4, "keywords": ["补救", "冷静", "解决", "负责", "及时"]},
                                 {"name": "复盘改进", "weight": 0.3, "keywords": ["改进", "总结", "经验", "学习", "避免"]}]}
    # a vague sentence of the candidate's own, scored low — not gated as a keyword salad for its 以后
    r = pipeline.analyze_transcript("出问题的时候我会冷静处理，及时补救，然后总结经验，以后更加细心。", question, "zh")
    assert r["status"] == "scored" and r["overall"] <= 40, (r["status"], r.get("reason_code"), r.get("overall"))
    # … while HR's words strung together still are one
    r = pipeline.analyze_transcript("补救，冷静，解决，负责，及时，改进，总结，经验。", question, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", r.get("reason_code")


def test_a_story_of_an_error_and_what_changed_after_keeps_its_score():
    r = _run("去年自己学做皮具，缝一个长钱包，打孔时把三毫米的间距打成了四毫米，缝到一半才发现两边对不上。我全拆了重做，多花了两个小时。"
             "之后每次打孔前先在废皮上试一排、拿尺量过再动手，后面做了十几个没再错。", ERROR)
    assert r["overall"] >= 60, r["overall"]
    assert not any("没有说到与“改进”相关" in reason for reason in _reasons(r)), _reasons(r)


def test_the_issue_question_keeps_its_strong_story():
    r = _run("去年双十一前一天晚上，老板突然说有三百箱货第二天十点前必须发走。我们就四个人，我先按目的地把订单分成三批，最远的一批先打包，"
             "扫描枪坏了一把，我就让一个人专门手写单号再补录。第二天上午十点半全部发完，一单没错。", ISSUE_QUESTION)
    assert r["overall"] >= 75, r["overall"]


# --- figures around one generic deed (breaker 44's g47) ---------------------------------------------------------------
@pytest.mark.parametrize("said, bounded", [
    ("上周三下午三点二十分，在人民路128号店，顾客王先生（手机尾号6688）买的iPhone 15 Pro Max 256G出了问题，我处理了，结果满意度100%。",
     True),
    ("上个月八号晚上九点，在万达店，来了六十桌客人，三个服务员，我处理了，好评率百分之九十八。", True),
    # the same figures around a deed of the candidate's own
    ("上周三下午三点二十分，顾客王先生买的手机充不进电，我拆开发现充电口里有灰，用软毛刷清干净，当场就能充了，他给了五星好评。", False),
    # figures told with their verbs around one deed in everyday words (breaker 45's g07), and the same with a real deed
    ("2024年3月8号晚上8点，静安区南京西路1266号的门店，一个30多岁的男顾客拿着2盒过期3天的牛奶来找，价值共计19.8元，当时店里只有我和"
     "另外2个同事，我把这事给搞定了。", True),
    ("2023年5月12日下午3点，一位60岁左右的顾客买了3瓶酱油共27.5元，回来说有1瓶漏了，我当场给她换了一瓶新的，还送了一包纸巾。", False),
], ids=["b44-g47", "tables", "own-deed", "b45-g07", "soy-sauce"])
def test_figures_around_one_generic_deed_are_figures_in_place_of_deeds(said, bounded):
    r = _run(said, HELP)
    figures = any(reason.startswith("回答主要是一串数字") for reason in _reasons(r))
    assert figures == bounded, _reasons(r)
    assert r["overall"] <= model.FIGURES_CAP or not bounded, r["overall"]
