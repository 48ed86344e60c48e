"""Breaker round 3 (session 11, README + issue only, 117 inputs through the CLI): findings still open after the
session's fixes, kept as strict xfail tests with what was measured. Inputs are the breaker's own (its files under
in/: o_Q9_short_strong, o_R2_short_plus_kw_sentence, o_Q13_para_repeat, o_G4_sales_story_numbers)."""
import pytest

from functions.analyze import pipeline
from tests.functions.conftest import ISSUE_QUESTION

PASS = 60.0
SHORT_STRONG = "去年双十一前夜加了300箱，我按目的地分三批，4个人干到第二天10点半全发完，没错一箱。"
STORY = ("上个月客户临时加了120件货要当天发，我把货按快递公司分成两堆，先打顺丰的，同事小刘帮我贴单，五点前都交给快递了。")
RETOLD = STORY + ("就是说，上个月有个客户临时加了一百二十件，当天要走，我把它们按快递分了两堆，顺丰的先打包，小刘帮忙贴单，"
                  "下午五点以前全交出去了。总之就是那次客户加了120件，分两堆，先顺丰，小刘贴单，五点前交完。")


def run(text):
    return pipeline.analyze_transcript(text, ISSUE_QUESTION, "zh")


def test_a_short_strong_story_passes():
    """Was open with default-7 (56.5: 团队协作 40); default-8 passes it."""
    assert run(SHORT_STRONG)["overall"] >= PASS


@pytest.mark.xfail(strict=True, reason="open: one appended claim sentence with HR's words (我们四个人分工很清楚，"
                                       "我和同事随时沟通协调) lifts the short story from 56.5 to 71.4 (团队协作 40 → "
                                       "73.4): it is a claim, not a term list, so it counts as evidence")
def test_an_appended_keyword_claim_does_not_lift_a_story_by_more_than_five_points():
    alone = run(SHORT_STRONG)["overall"]
    claimed = run(SHORT_STRONG + "我们四个人分工很清楚，我和同事随时沟通协调。")["overall"]
    assert claimed <= alone + 5, (alone, claimed)


@pytest.mark.xfail(strict=True, reason="open: the same story told three times in other words scores 87.8 against "
                                       "83.3 told once; the near-repetition gate needs word overlap, paraphrase "
                                       "keeps the facts and changes the words")
def test_retelling_the_same_story_adds_nothing():
    assert run(RETOLD)["overall"] <= run(STORY)["overall"] + 1


@pytest.mark.xfail(strict=True, reason="open (the other-job family, test_scoring_breaker_round2_relevance.py): a "
                                       "phone-sales month (86 phones, a bonus) on the urgent-order question scores "
                                       "71.1; its scene (店, 顾客, 每天早上九点) is close to the question's")
def test_a_sales_month_is_no_answer_to_an_urgent_order_question():
    r = run("2022年我在手机店做销售，三月份一个月卖了86台手机，是全店第一。我每天早上九点先把新到的机型试一遍，"
            "中午顾客少的时候给老客户打回访电话，月底拿了两千块奖金，店长还让我带两个新人。")
    assert r["overall"] < PASS, r["overall"]
