"""Session 41: answers near the pass line that tell no deed of their own (breaker 42's gaming kinds the scale map lifted
over 60) — figures and rates in place of what was done (g05), a bare outline of steps (g39), a glance as the only step and
a remembered birthday as the story's step and result (g45) — and their look-alikes, which keep their scores.

Real answers through pipeline.analyze_transcript (the CLI's path) and features.analyse.
"""
from __future__ import annotations

import pytest

from breaker_findings import analysis_of, load, reasons_of, run, scored
from functions.analyze import pipeline
from functions.analyze.scoring import answer, features, model
from tests.functions.conftest import CASHIER_QUESTION, COOK_QUESTION, ISSUE_QUESTION, QUESTION_ZH

B42 = load("breaker42")
HELP = B42["g39"]["question"]        # 讲一次你帮助顾客解决问题的经历。


_run, _reasons, _analysis = scored, reasons_of, analysis_of


# --- figures and rates in place of deeds -----------------------------------------------------------------------------
FIGURES = [
    B42["g05"]["text"],
    "那天下午两点来的单，一共八百件，要求六点前发完。我们用了三个半小时，效率提高了百分之三十，准确率百分之百，成本降低了百分之十五，"
    "客户给了五星好评。",
]


@pytest.mark.parametrize("said", FIGURES, ids=["b42-g05", "eight-hundred"])
def test_rates_claimed_in_place_of_deeds_are_figures_not_deeds(said):
    r = _run(said, ISSUE_QUESTION)
    assert r["overall"] <= model.FIGURES_CAP, r["overall"]
    assert all(c["reasons"][0].startswith(answer.FIGURES_REASON) for c in r["competencies"])
    # a rate is nobody's deed: never quoted as what the candidate did
    assert not any("说了自己具体做了什么" in reason and "率" in reason for reason in _reasons(r))
    a = _analysis(said, ISSUE_QUESTION)
    assert not any("提高" in c or "降低" in c for c in a.details["action_clauses"]), a.details["action_clauses"]
    # … and the candidate is not told its figures make it believable
    assert "举了具体的数字、时间或地点，让人容易相信。" not in r["feedback"]["strengths"]


@pytest.mark.parametrize("said, question", [
    ("上个月盘点前我发现错发率有点高，我就把货架重新按编号贴了标签，每单打包前再扫一遍码，同事也按这个做，一个月下来错发率从百分之三"
     "降到了百分之零点五。", ISSUE_QUESTION),
    ("那天中午一下来了四十桌，我先把凉菜和汤提前装好，让小张专门切配，我只管炒，生熟砧板分开用，出餐时间从二十分钟降到十二分钟，"
     "那个月卫生检查合格率百分之百。", COOK_QUESTION),
], ids=["mis-sends", "kitchen"])
def test_real_deeds_with_a_rate_as_their_result_keep_their_score(said, question):
    r = _run(said, question)
    assert r["overall"] >= 70, r["overall"]
    assert not any(reason.startswith(answer.FIGURES_REASON) for reason in _reasons(r))


# --- a bare outline of steps -----------------------------------------------------------------------------------------
OUTLINES = [
    (B42["g39"]["text"], HELP),
    ("首先我跟客户道歉，然后帮他查订单，接着联系仓库，再给他补发，最后客户很满意。", QUESTION_ZH),
    ("我先安抚顾客，再重新核对账单，然后把钱找给他，接着跟店长说明，最后顾客不生气了。", CASHIER_QUESTION),
]


@pytest.mark.parametrize("said, question", OUTLINES, ids=["b42-g39", "reship", "change"])
def test_a_bare_outline_of_steps_is_bounded_as_vague(said, question):
    r = _run(said, question)
    assert r["overall"] <= model.OUTLINE_CAP, r["overall"]
    assert any(reason.startswith(answer.OUTLINE_REASON) for reason in _reasons(r))
    # its steps are not praised as concrete detail, and the candidate is asked for a real story
    assert not any(reason.startswith(answer.CONCRETE_CREDIT) for reason in _reasons(r))
    assert r["feedback"]["strengths"] == []
    assert r["feedback"]["suggestions"][0].startswith("可以讲一件真实发生过的事")


@pytest.mark.parametrize("said, question, floor", [
    # the situation told before the steps
    ("有位阿姨买的豆浆机不转了来退，我先跟她道歉，再插上电试了一下，然后发现是开关没拧到底，最后教她用了一遍，她满意地走了。", HELP, 65),
    # numbered steps with their own facts (breaker 34's h08)
    ("第一，先把三百单按城市分好；第二，叫了两个同事来帮忙，一人负责一条线；第三，我盯着打印面单；第四，晚上十一点全部交给快递，"
     "第二天客户都收到了。", ISSUE_QUESTION, 75),
    # steps with what was found and a figure
    ("我先跟顾客道歉，再把小票和收银记录一张张对了一遍，然后发现是我多收了十二块，接着当面退给他，最后他还说谢谢。", CASHIER_QUESTION, 60),
], ids=["situation", "numbered-facts", "found-figure"])
def test_steps_told_in_order_with_a_situation_or_facts_are_no_outline(said, question, floor):
    r = _run(said, question)
    assert not any(reason.startswith(answer.OUTLINE_REASON) for reason in _reasons(r))
    assert r["overall"] >= floor, r["overall"]


def test_the_marked_ending_is_the_outcome_not_a_step_that_names_a_thing():
    a = _analysis(B42["g39"]["text"], HELP)
    clauses = ["".join(a.seg.tokens[i].text for i in cl) for cl in a.seg.clauses]
    assert clauses[a.details["outcome_clause_id"]].startswith("最后"), clauses


# --- a glance as the only step, a remembered day as the story ------------------------------------------------------
def test_a_glance_and_a_birthday_between_the_customer_and_the_ending_do_not_pass():
    r = run(B42["g45"])
    assert r["overall"] < 50, r["overall"]
    # remembering is neither the candidate's step nor the story's result
    assert not any("想起" in reason for reason in _reasons(r)), _reasons(r)
    a = _analysis(B42["g45"]["text"], HELP)
    clauses = ["".join(a.seg.tokens[i].text for i in cl) for cl in a.seg.clauses]
    assert clauses[a.details["outcome_clause_id"]].startswith("最后"), clauses
    glance = next(k for k, c in enumerate(clauses) if c.startswith("我先看了一下"))
    assert glance not in a.details["action_clause_ids"]     # a glance at nothing is no deed


@pytest.mark.parametrize("said", ["我先看了一下", "我就问了问", "他先瞅了一眼", "我先看了一下，", "我先说一下那天的情况",
                                  "我先说说当时的情况吧", "我先讲一下"])
def test_a_bare_glance_is_no_deed(said):
    a = _analysis(said, HELP)
    toks = [a.seg.tokens[i] for i in a.seg.clauses[0]]
    assert features.bare_glance(toks)


@pytest.mark.parametrize("said", ["我先看了一下小票", "我问了一下她的尺码", "我听了一下录音", "我看了一下就给她换了",
                                  "我跟顾客说了一下情况", "我跟他说了一下退货的流程", "我就跟顾客说明了情况"])
def test_a_look_at_something_is_a_deed(said):
    a = _analysis(said, HELP)
    toks = [a.seg.tokens[i] for i in a.seg.clauses[0]]
    assert not features.bare_glance(toks)


def test_a_glance_at_the_receipt_before_the_exchange_keeps_its_score():
    r = _run("有位顾客来退货，我先看了一下小票，发现还在七天内，就给她换了一件新的，她很满意地走了。", HELP)
    assert r["overall"] >= 65, r["overall"]
    assert any("说了自己具体做了什么" in reason for reason in _reasons(r))


@pytest.mark.parametrize("said", [
    "那天翻了三轮，一次差评都没有。",
    "那天虽然忙，但是没有客人投诉口味。",
])
def test_that_day_still_opens_a_result(said):
    a = _analysis("有一次店里人特别多，我跟同事分了工，我负责点单她负责出杯。" + said, QUESTION_ZH)
    assert a.details["outcome_clause_id"] is not None
    clauses = ["".join(a.seg.tokens[i].text for i in cl) for cl in a.seg.clauses]
    assert clauses[a.details["outcome_clause_id"]].startswith("那天"), clauses


# --- blame said as an explanation, the speaker spared (breaker 43's g18, g52) -----------------------------------------
@pytest.mark.parametrize("said, blamed", [
    ("那次账对不上，我跟店长说是小王找错的，其实是我自己找错了，后来店长扣了小王的钱，我就没事了。", True),
    ("那次账少了一百，我跟店长说明了其实是新来的收银员没交接清楚，店长罚了她，我这边也没事了。", True),
    ("我把日报表填错了，跟主管解释说这是前一班的责任，主管批评了前一班，没扣我的钱。", True),
    # an honest report of another's real error, a system's, or one's own
    ("我查了监控，发现是小李找错了钱，就跟主管说了是他找错的，主管批评了他，让他以后注意。", False),
    ("顾客说是我们多收了钱，我跟他解释了其实是系统重复扣款，联系银行退回去了，他也理解了。", False),
    ("那天账少了五十块，我跟店长说明了是我找错了钱，自己补上了，以后每笔都念一遍金额。", False),
], ids=["blamed-spared", "hand-over", "last-shift", "report", "system", "own"])
def test_blame_explained_to_the_supervisor_with_the_speaker_spared_is_counter_evidence(said, blamed):
    r = _run(said, CASHIER_QUESTION)
    named = [c["reasons"][0] for c in r["competencies"] if "诬赖" in c["reasons"][0]]
    assert len(named) == (len(r["competencies"]) if blamed else 0), _reasons(r)
    assert r["overall"] <= 35 or not blamed, r["overall"]


# --- a lapse covered by what the candidate says (breaker 43's g43) ----------------------------------------------------
@pytest.mark.parametrize("said, covered", [
    (load("breaker43")["g43"]["text"], True),
    # a phone that really died, told to the customer afterwards
    ("那天我手机没电了，没接到客户的电话，后来充上电我马上回过去，跟他说明了是手机没电了，向他道歉，他也理解了。", False),
], ids=["b43-g43", "battery"])
def test_a_hang_up_covered_by_a_made_up_reason_is_counter_evidence(said, covered):
    r = _run(said, QUESTION_ZH)
    assert any("编造说法掩盖失职" in reason for reason in _reasons(r)) == covered, _reasons(r)


# --- a retort to a guest about the food is no aside (breaker 43's g22) --------------------------------------------------
WAITER = load("breaker43")["g22"]["question"]      # 讲一次客人对菜品或服务不满意的经历…


@pytest.mark.parametrize("said", [
    load("breaker43")["g22"]["text"],
    "客人说汤太凉了，我跟他说我们的汤一直都是这个温度，爱喝不喝，他就走了。",
    "客人嫌菜量少，我说我们家菜就这么多，不吃拉倒，他骂了一句就走了。",
])
def test_a_retort_about_the_food_told_to_a_guest_is_counter_evidence(said):
    r = _run(said, WAITER)
    assert r["overall"] <= 35, r["overall"]
    assert any("涉及服务意识" in c["reasons"][0] for c in r["competencies"]), _reasons(r)


def test_the_thing_a_question_word_names_keeps_its_clause_on_the_question():
    a = _analysis("客人说菜太咸了，我跟他说我们的菜一直就是这个味道，还是给他换了一盘，他也没再说什么。", WAITER)
    clauses = ["".join(a.seg.tokens[i].text for i in cl) for cl in a.seg.clauses]
    kept = [clauses[k] for k in range(len(clauses)) if k not in a.details["excluded_clause_ids"]]
    assert any("我们的菜" in c for c in kept), (clauses, a.details["excluded_clause_ids"])
