"""Breaker 11 (FINDINGS.md sections 6–8): a denied fault is praise, not a negative mention (我没有推给同事,
一单都没超时); names and rare-but-real words are not 乱码 (顺丰, 申通); a plain honest sentence without
particles (高峰时我不管卫生，不看保质期) is scored, not gated as a word salad. Each family: the breaker's input,
two variants written here, and honest controls that must keep their old reading."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, text
from tests.functions.conftest import COOK_QUESTION, ISSUE_QUESTION, RIDER_QUESTION

RUSH_Q = ISSUE_QUESTION
RIDER_Q = RIDER_QUESTION
COOK_Q = COOK_QUESTION
NEGATIVE_MENTION = "以否定的方式提到了"


def scored(answer, question):
    r = pipeline.analyze_transcript(answer, question, "zh")
    assert r["status"] == "scored", r.get("reason")
    return r


def comp(r, name):
    return next(c for c in r["competencies"] if c["name"] == name)


# --- 1. denying a fault is praise -----------------------------------------------------------------------

@pytest.mark.parametrize("answer,question,name", [
    # breaker: o_Q5_double_negation_positive (团队协作 was 45.0 with 同事 as a negative mention)
    ("我从来没有不按时交过货，也从不怕加班。有一次晚上九点接了一百五十箱急单，我没有推给同事，自己先把单子按地址排好，"
     "没让一箱发错，第二天早上八点全部发完。", RUSH_Q, "团队协作"),
    # breaker: r_D1 (一单都没超时 was a negative mention of 超时)
    ("那次堵车眼看要超时，我就逆行抄近路，闯了两个红灯，在人行道上开到五十码，最后准时送到了，一单都没超时。",
     RIDER_Q, "时效管理"),
    # variants
    ("那次晚上来了三百箱急单，我没有把活推给同事，自己先按地址排好顺序，也没让一箱发错，凌晨两点全部发完。",
     RUSH_Q, "团队协作"),
    ("有一次暴雨，我提前规划好路线，一路减速慢行，到了小区先给顾客打电话联系，那天二十单一单都没超时。",
     RIDER_Q, "时效管理"),
])
def test_a_denied_fault_is_never_a_negative_mention(answer, question, name):
    r = scored(answer, question)
    c = comp(r, name)
    assert not any(NEGATIVE_MENTION in s for s in c["reasons"]), c["reasons"]
    analysis = features.analyse(text.words_from_text(answer, "zh"), "zh", question)
    index = [comp_.name for comp_, _, _ in analysis.competencies].index(name)
    _, values, det = analysis.competencies[index]
    assert values["negative_evidence"] == 0.0 and det["negated"] == []
    if name == "时效管理":
        assert "超时" in det["said"]       # the denied fault keyword is the good outcome: evidence


def test_denied_faults_are_marked_on_their_tokens():
    seg = text.segment("一单都没超时，我没有推给同事，从来没出过错，没有一次差错，我没有把活拖到第二天。", "zh")
    faults = {t.text for t in seg.words if t.fault}
    assert {"超时", "过错", "差错", "拖到"} <= faults and {"推", "给"} <= faults
    assert all(t.negated and t.fault_denied and not t.fault for t in seg.words if t.text == "同事")


@pytest.mark.parametrize("answer,denied", [
    ("我没有处理投诉", False),      # a fault only as another verb's object: still a plain negation
    ("我不会推销", False),          # 推销 is no fault
    ("我没有发现错误", False),
    ("顾客没有投诉", True),
    ("没出过一次事故", True),
    ("我不推卸责任", True),
])
def test_only_a_fault_the_negation_denies_is_praise(answer, denied):
    seg = text.segment(answer, "zh")
    negated = [t for t in seg.words if t.negated]
    assert negated
    assert all(t.fault_denied for t in negated) is denied


def test_honest_negation_of_good_behaviour_is_still_counter_evidence():
    r = scored("那次急单来了我不喜欢跟同事沟通，分工的事我也不管，就自己慢慢做，最后晚了一天。", RUSH_Q)
    c = comp(r, "团队协作")
    assert any(NEGATIVE_MENTION in s and "同事" in s for s in c["reasons"]), c["reasons"]
    assert r["overall"] < 30


def test_a_contrary_deed_is_not_called_a_negated_mention():
    # r_D1: 闯了两个红灯 is capped as a contrary deed; 红灯 was also said to be "mentioned negatively"
    r = scored("那次堵车眼看要超时，我就逆行抄近路，闯了两个红灯，在人行道上开到五十码，最后准时送到了，一单都没超时。",
               RIDER_Q)
    c = comp(r, "安全意识")
    assert c["score"] <= 25
    assert any("相反的做法" in s for s in c["reasons"])
    assert not any(NEGATIVE_MENTION in s for s in c["reasons"]), c["reasons"]


# --- 2. names and rare-but-real words are not 乱码 ----------------------------------------------------------

@pytest.mark.parametrize("answer", [
    # breaker: o_Q13_para_repeat (顺丰 made 4% 乱码)
    "上个月客户临时加了120件货要当天发，我把货按快递公司分成两堆，先打顺丰的，同事小刘帮我贴单，五点前都交给快递了。"
    "就是说，上个月有个客户临时加了一百二十件，当天要走，我把它们按快递分了两堆，顺丰的先打包，小刘帮忙贴单，"
    "下午五点以前全交出去了。总之就是那次客户加了120件，分两堆，先顺丰，小刘贴单，五点前交完。",
    "上周我用申通和韵达各发了一半，剩下的走邮政，一共八十斤的货，我跟同事小丰分工打包，下午四点前全部发走了。",
    "那次客户从陕西临时加了一批货要发到甘肃和宁夏，我按省份分成三堆，同事帮我贴单，晚上八点前都交给了德邦。",
])
def test_names_and_rare_real_words_are_not_garbled(answer):
    r = scored(answer, RUSH_Q)
    seg = text.segment(answer, "zh")
    assert features.junk_tokens(seg) == set(), [t.text for t in seg.words if id(t) in features.junk_tokens(seg)]
    assert not any("连不成词语" in s for c in r["competencies"] for s in c["reasons"])


@pytest.mark.parametrize("answer", ["鑫淼犇骉龘靐齉爩麤灥厵鑫淼犇骉龘靐齉爩麤",
                                    "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜"])
def test_rare_character_strings_are_still_gated(answer):
    r = pipeline.analyze_transcript(answer, RUSH_Q, "zh")
    assert r["status"] == "needs_review"


# --- 3. an honest bad answer without particles is scored, very low --------------------------------------

@pytest.mark.parametrize("answer", [
    "高峰时我不管卫生，不看保质期，也从不生熟分开，更不消毒，只顾出餐。",      # breaker: k_D2_dirty_kwnegated
    "忙的时候我不洗手，不看日期，也不换手套，菜掉了就捡起来接着用。",
    "高峰的时候我从不打扫，也不检查冰箱，东西过期了也照样用，只管出餐快。",
])
def test_an_honest_negative_answer_is_scored_very_low(answer):
    r = scored(answer, COOK_Q)
    assert r["overall"] < 25, r["overall"]
    assert comp(r, "食品安全")["score"] < 25


@pytest.mark.parametrize("answer", ["卫生 保质期 生熟分开 消毒 出餐 备料 高峰 顺序",
                                    "卫生，保质期，生熟分开，消毒，出餐，备料，高峰，顺序。"])
def test_a_list_of_the_keywords_is_still_gated(answer):
    r = pipeline.analyze_transcript(answer, COOK_Q, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list"
