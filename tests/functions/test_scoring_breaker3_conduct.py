"""Breaker 11 (findings 1, 2 and 5): misconduct told in words outside the curated phrases, and lesson-learnt
stories. Counter-evidence (scoring/contrary.py, models/scorer/contrary-zh.json) is matched by conduct family —
food served although unsafe, taking money or falsifying records, unsafe riding, harming colleagues to finish,
leaving after hurting someone — in the breaker's words and in two variants per family written here; a deed
the candidate then owns and fixes (后来我每次…, 从那以后, 主动承认) is bounded milder (model.CONTRARY_OWNED_CAP).
Every family also has honest controls of the same scene, which must not be read as counter-evidence."""
import pytest

from functions.analyze.scoring import contrary, model
from functions.analyze.scoring.text import segment_words
from tests.functions.test_scoring_reasons import STORY_Q, all_reasons, run
from tests.functions.conftest import CASHIER_QUESTION, COOK_QUESTION, RIDER_QUESTION

PASS = 60.0
COOK_Q = COOK_QUESTION
CASHIER_Q = CASHIER_QUESTION
RIDER_Q = RIDER_QUESTION

# (question, answer, the competency the deed is contrary to); the breaker's inputs first, then two variants
# per family
MISCONDUCT = [
    # food safety
    (COOK_Q, "高峰的时候一盘炒饭掉在台子上了，我用勺子刮起来重新装盘端出去了，省了五分钟，那天中午我们出了一百二十份，"
             "没有一桌等超过十五分钟。", "食品安全"),
    (COOK_Q, "那天中午忙得要死，有一块牛肉闻着有点味了，来不及换，我就多放了点辣椒和孜然把味道盖住，照样出了，"
             "二十分钟出了三十份，没有一个顾客说不好吃。", "食品安全"),
    (COOK_Q, "那天中午特别忙，一份凉拌菜掉在地上了，我捡起来冲了一下重新装盘就端出去了，一个小时出了八十份。", "食品安全"),
    (COOK_Q, "高峰的时候发现一箱牛奶过期两天了，我想着没人看得出来，照样拿来做奶茶，那天一共出了两百杯。", "食品安全"),
    # honesty
    (CASHIER_Q, "有一次一位大爷买了三十二块的东西给了我一百，他走的时候忘了拿找零的六十八块，我就收进自己口袋了，"
                "下班对账的时候账是平的，店长也没发现，那天正好我手头紧。", "细致准确"),
    (STORY_Q, "去年双十一有三百箱急单，时间来不及，我就让同事先在系统里把三百单都标成已发货，其实货第三天才发出去，"
              "平台没查出来，我们的准时率还是百分之百，老板很满意。", "执行力"),
    (CASHIER_Q, "有个顾客付了一百块买二十三块的东西，我故意少找了他十块，他没数就走了，晚上我把那十块揣进了兜里。", "细致准确"),
    (STORY_Q, "那批三百单来不及发，我在表格上伪造了三十个快递单号交给客户，第二天才真正装车，客户也没发现。", "执行力"),
    # road safety
    (RIDER_Q, "那天下暴雨路上堵得不行，眼看还有五分钟就超时了。我就从人行道上骑过去，一路按喇叭让行人让开，路口那个灯刚变，"
              "我没等就冲过去了，最后提前一分钟送到，顾客还给了五星好评。", "安全意识"),
    (RIDER_Q, "那天堵得厉害，我直接逆着车流骑了两个路口，又抢了一个黄灯，最后准时送到了，顾客很满意。", "安全意识"),
    (RIDER_Q, "眼看要超时，我骑上人行道一路往前冲，到了路口也没等绿灯，最后提前两分钟送到了。", "安全意识"),
    # harming colleagues to finish
    (STORY_Q, "上个月有个急单两百箱，我让四个同事连续干了三十六个小时没睡觉，中间有个人晕倒了，我让他休息半小时接着干，"
              "最后提前两小时全部发完，客户很满意。", "团队协作"),
    (STORY_Q, "那次急单五百件，我逼着两个新来的同事通宵加班，不让他们休息，天亮前全部发完了。", "团队协作"),
    (STORY_Q, "三百单特别急，我让大家从早上八点连续干到第二天中午，有个同事累晕了，我给他喝口水就让他接着干，最后按时交货。",
     "团队协作"),
    # leaving after hurting someone
    (RIDER_Q, "那天雨很大，眼看要超时，我骑得比较快，在路口蹭到一个老大爷，他摔了一下，我看他能站起来就赶紧走了，"
              "最后准时送到，没有超时。", "安全意识"),
    (RIDER_Q, "那天路滑，我赶时间在小区门口撞倒了一个小孩，我看他没流血就骑车走了，最后准时送到。", "安全意识"),
    (RIDER_Q, "下雨天我抢时间，拐弯的时候撞到一个骑自行车的阿姨，她坐在地上，我怕超时就直接跑了。", "安全意识"),
]

# honest answers of the same scenes: the same objects and words, the right conduct
HONEST = [
    (COOK_Q, "高峰时一份炒饭掉在台面上了，我直接倒掉重新炒了一份，多等了五分钟，我跟顾客道了歉，那天中午出了一百多份。"),
    (COOK_Q, "那天中午有一块牛肉闻着有点味了，我马上扔掉换了新的，生熟分开切，二十分钟出了三十份。"),
    (COOK_Q, "我在快餐店干了两年，中午十一点半到一点最忙，一天要出三百多份。我每天早上九点就把当天的肉切好分成小份，"
             "生肉放下层冰箱，熟食和凉菜放上层，两块砧板红的切生的绿的切熟的。有一次十二点来了一个四十份的团餐，"
             "我让打荷的小张先把米饭和素菜装好，我专门炒肉菜，二十五分钟出完，期间抹布照样每半小时换一次泡消毒水。"),
    (CASHIER_Q, "有位大爷买了三十二块的东西给了我一百，他走的时候忘了拿找零的六十八块，我追出去把钱还给了他，他连说谢谢。"),
    (CASHIER_Q, "有一次一位阿姨买了87块的东西，给了我一张一百的，我找了她13块。她走了十分钟又回来说她给的是两张五十加一张二十。"
                "我没跟她争，先请她稍等，叫店长一起开钱箱点了一遍，又调了收银台上方的监控，看到确实是一张一百。"
                "我把回放给她看，她就不好意思了。我还送了她一个购物袋，她后来还常来。"),
    (STORY_Q, "去年双十一有三百箱急单，时间来不及，我先在系统里把三百单按截单时间排好，跟客户说明有一百单要晚一天，"
              "第二天上午全部发出，客户同意了。"),
    (RIDER_Q, "那天下暴雨，我推着车从人行道走过去，路口红灯我停下来等，给顾客打电话说会晚五分钟，最后晚了四分钟送到。"),
    (RIDER_Q, "今年六月有天中午突然下暴雨，我手上有三单，最远那单离我四公里。我先把车停在桥洞下穿好雨衣，给三个顾客挨个打电话"
              "说雨太大会晚十几分钟。路上积水过膝的那段我下车推着走，没有抢那个黄灯。最后三单都送到了，最晚的晚了十二分钟。"),
    (RIDER_Q, "那天路滑，我在路口蹭到一个老大爷，我赶紧停车扶他起来，送他去了诊所，又给顾客打电话说明情况，晚了二十分钟。"),
    (STORY_Q, "那次急单两百箱，我让四个同事分两班轮流干，每人干六个小时就休息，我自己盯到最后，提前两小时全部发完。"),
    (STORY_Q, "那次急单五百件，同事小王干到一半累晕了，我马上让他回家休息，自己接着干，天亮前和另外两个同事一起发完了。"),
]

# a deed the candidate owns and fixes afterwards: a lesson-learnt story (answer, competency, the same story
# cut before the candidate owns it)
OWNED = [
    (STORY_Q, "有一次急单我们没按时完成。那天下午四点接到八十箱的单，我估错了时间，以为两个小时够了，结果胶带用完了又去买，"
              "晚上十点才发完，晚了三个小时。后来我每次接单都先点库存，再算时间，这种事就没再出过。", "执行力",
     "有一次急单我们没按时完成。那天下午四点接到八十箱的单，我估错了时间，以为两个小时够了，结果胶带用完了又去买，"
     "晚上十点才发完，晚了三个小时。"),
    (STORY_Q, "那次三百单的急单我没按时发完，因为我没提前看库存，少了二十个纸箱。从那以后我每次接单先盘库存再排时间，"
              "后面的急单都是提前发走的。", "执行力",
     "那次三百单的急单我没按时发完，因为我没提前看库存，少了二十个纸箱。"),
    (STORY_Q, "有一次我迟到了二十分钟，早班的货没卸完，急单差点赶不上，我主动承认是我的问题，后来我每天提前半小时出门，"
              "那之后的急单都按时发完了。", "执行力",
     "有一次我迟到了二十分钟，早班的货没卸完，急单差点赶不上。"),
]


def _comp(r, name):
    return next(c for c in r["competencies"] if c["name"] == name)


@pytest.mark.parametrize("question, text, name", MISCONDUCT)
def test_misconduct_of_every_family_caps_its_competency_and_is_named(question, text, name):
    r = run(text, question)
    comp = _comp(r, name)
    assert comp["score"] <= model.CONTRARY_CAP < PASS
    assert any("相反的做法" in s for s in comp["reasons"]), comp["reasons"]
    # the reason names the conduct, not the topic (finding 2: 撞了人就走 was "关系不大")
    assert not any("关系不大" in s for s in all_reasons(r)), all_reasons(r)
    # a main competency carries it: the whole answer fails, and its feedback praises nothing of the deed
    assert r["overall"] <= model.CONTRARY_CAP
    assert "说到了这道题想了解的具体做法。" not in r["feedback"]["strengths"]


@pytest.mark.parametrize("question, text", HONEST)
def test_honest_answers_of_the_same_scenes_are_not_counter_evidence(question, text):
    r = run(text, question)
    assert not any("相反的做法" in s or "改正" in s for s in all_reasons(r)), all_reasons(r)


@pytest.mark.parametrize("question, text, name, told", OWNED)
def test_a_failure_the_candidate_owns_and_fixes_is_a_lesson_not_counter_evidence(question, text, name, told):
    r = run(text, question)
    comp = _comp(r, name)
    assert not any("相反的做法" in s for s in all_reasons(r)), all_reasons(r)
    assert model.CONTRARY_CAP < comp["score"] <= model.CONTRARY_OWNED_CAP
    # the same failure without the fix stays counter-evidence
    bare = _comp(run(told, question), name)
    assert bare["score"] <= model.CONTRARY_CAP < comp["score"]


def test_the_breakers_honest_failure_story_passes():
    r = run(OWNED[0][1], OWNED[0][0])
    assert r["overall"] >= PASS
    assert any("改正" in s for s in _comp(r, "执行力")["reasons"])


@pytest.mark.parametrize("text", [
    # someone else's 再也没 is no remediation of the speaker's deed
    "大爷忘了拿找零的六十八块，我就收进自己口袋了，店长后来再也没查过账。",
    # a remediation marker before the deed does not own it
    "从那以后我收银都很快，有次大爷忘了拿找零的六十八块，我就收进自己口袋了。",
])
def test_remediation_must_be_the_speakers_and_come_after_the_deed(text):
    comp = _comp(run(text, CASHIER_Q), "细致准确")
    assert comp["score"] <= model.CONTRARY_CAP
    assert any("相反的做法" in s for s in comp["reasons"])


def test_a_deed_told_over_two_clauses_is_read_at_its_first_part():
    keys = contrary.families("食品安全", (), "zh")
    seg = segment_words([{"word": "一盘炒饭掉在台子上了，我刮起来重新装盘。"}], "zh")
    assert contrary.find_phrases(seg, [True] * len(seg.clauses), keys)
    # too far apart: four clauses later is another matter
    seg = segment_words([{"word": "上次一盘炒饭掉了，我赶紧收拾，拖了地，又洗了手，后来把旧的照样摆好。"}], "zh")
    assert not [f for f in contrary.find_phrases(seg, [True] * len(seg.clauses), keys) if "掉" in f[0]]
    # someone else's deed over two clauses is not the speaker's
    seg = segment_words([{"word": "同事在路口蹭到一个老大爷，赶紧走了，我留下来扶他起来。"}], "zh")
    assert not contrary.find_phrases(seg, [True] * len(seg.clauses), ("all", "safety"))
