"""Breaker 22 (a fresh helper with only the README and the issue; 151 cases on 8 questions of its own, questions in
data/breaker22/): the families fixed this session are in test_scoring_session22.py; its open findings are kept here as
strict xfails, so that a fix shows."""
import json
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring.answer import warm_up

Q = json.loads((Path(__file__).parent / "data" / "breaker22" / "questions.json").read_text(encoding="utf-8"))


def run(text, qid, language="zh"):
    warm_up()
    return pipeline.analyze_transcript(text, Q[qid], language)


def _open(reason):
    return pytest.mark.xfail(strict=True, reason="open: " + reason)


@pytest.mark.parametrize("qid,language,text", [
    # session 23: a recipe's ingredients are read where the answer cooks (gates._recipe_ingredient)
    pytest.param("yz", "zh", "首先准备一个丢失的包裹，洗净切块，加入两勺监控录像，小火慢炖二十分钟，撒上一点顾客的投诉，出锅前淋上快递"
                 "单号，就是一道香喷喷的驿站红烧件。"),
    pytest.param("sj", "zh", "下面是手机天气预报：今天苹果多云，安卓转晴，华为局部有雷阵雨，二手市场风力五级，电池健康度百分之八十，"
                 "请广大顾客注意防晒，出门记得带充电宝。",
                 marks=_open("a weather-forecast parody of the job's words: 32.7")),
    pytest.param("bike", "en", "The chain whispered to the moon while my wrench was painting clouds; the saddle voted to become a "
                 "pancake, and the tires sang in purple until Tuesday fell asleep."),
    # session 24: English acts that cannot happen (scoring/english_acts.py) — the chain whispered, the tires sang
])
def test_parodies_and_short_english_nonsense_go_to_a_person(qid, language, text):
    assert run(text, qid, language)["status"] == "needs_review"


@_open("a plain bun recipe instead of a story is scored 55.2, its grams read as concreteness")
def test_a_recipe_instead_of_a_story_scores_low():
    text = ("做包子首先要和面，面粉五百克，酵母五克，温水二百六十毫升，揉成光滑的面团，盖上保鲜膜发酵一个小时。馅料用猪肉末三百克，"
            "加葱姜、酱油、盐拌匀。包好以后再醒二十分钟，上锅大火蒸十五分钟，关火焖三分钟再开盖。")
    r = run(text, "zc")
    assert r["status"] == "needs_review" or r["overall"] < 35, r["overall"]


def test_an_english_star_template_with_invented_rates_stays_low():
    """Breaker 22: 53.1, above plain honest stories; gates.star_labelled_rates sends it to a person (template_numbers)."""
    text = ("Situation: a difficult diagnosis. Task: find the cause. Action: I inspected, tested and checked every symptom, "
            "explained the estimate and gave updates to the customer, then completed the repair with the right tools, safety "
            "and quality. Result: customer satisfaction improved by 95% and repair time fell by 60%.")
    r = run(text, "bike", "en")
    assert r["status"] == "needs_review" or r["overall"] < 40, r["overall"]


def test_a_rough_spoken_milk_tea_story_is_scored_above_vague_answers():
    """Breaker 22: 0.0 — 没啥人骂 read as the candidate's unwillingness and no clause on the question. Session 23: an
    unwilling phrase under a negator is not said, and 收钱 is a word of everyday work (37.4)."""
    text = ("那天人老多了，排到门口去了都，我跟那个小妹说你就光收钱别的别管，我这边就一个劲儿摇，同样的一块儿做，珍珠我提前多煮了"
            "一锅，差不多半个钟头吧就清了，没啥人骂。")
    assert run(text, "mt")["overall"] >= 30


def test_a_korean_story_of_a_shouting_customer_is_not_the_candidate_s_misconduct():
    """Breaker 22: capped at 35. Session 23: the same-subject connectives -서/-고 keep 아저씨가 the subject."""
    text = ("그때 새벽에 술 먹은 아저씨가 와서 막 소리 지르고 그랬는데요, 저는 그냥 괜찮으세요 하면서 물 한 병 드리고 좀 "
            "진정시켰어요. 그래도 안 되니까 경찰 불렀고 한 10분 있다가 왔어요. 아침에 점장님한테 다 말씀드렸어요.")
    r = run(text, "cvs", "ko")
    reasons = [x for c in r["competencies"] for x in c["reasons"]]
    assert not any("소리 지르고" in x for x in reasons), reasons


@_open("rough non-native English (Noise gone, she very happy) is told it has no result: 37.2")
def test_a_rough_english_repair_story_has_its_result_read():
    text = ("One time customer come with bike make noise when go up hill. I ride it, I feel noise in pedal area. I take out "
            "the bottom bracket, it is dry, no grease. I put grease and tighten. I tell customer only forty dollar. Noise "
            "gone, she very happy, come back again.")
    r = run(text, "bike", "en")
    reasons = [x for c in r["competencies"] for x in c["reasons"]]
    assert not any("没有说到最后的结果" in x for x in reasons), reasons
