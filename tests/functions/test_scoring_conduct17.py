"""Session 17 (conduct17, breaker 16 H4): misconduct the candidate confesses in words outside the curated phrase
lists is still counter-evidence — read by the deed's structure (models/scorer/contrary-zh.json "deeds",
contrary.find_deeds): padding one's own hours, points, reviews or commission (给自己刷了五个好评, 给自己多记了三个
小时加班, 从会员卡多扣积分补到自己卡上), doing it on the quiet (偷偷/悄悄/私自/趁她不注意…), destroying or altering
evidence and records (把监控删了, 把小票撕了, 把考勤记录改了), blaming the customer or a coworker to save oneself (我怕被
扣钱，就说是她自己弄坏的) and deceiving the customer (忽悠她说…, 跟她说…其实根本没发货).

Not counter-evidence: the same deed refused (这种事我从来不做), negated, supposed (如果我删了监控…就会), done by
someone else and reported (发现同事私自改记录，我报告了店长), an honest self-benefit (给自己定了个目标, 自己多加了两个
小时班), a record corrected (发现是我录错了价格，马上改了记录), or a customer's false claim handled honestly."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import contrary
from functions.analyze.scoring.text import segment_words
from tests.functions.test_scoring_breaker16 import COMPLAINT, RUSH
from tests.functions.test_scoring_counter_evidence import CASH_Q as CASH

KITCHEN = {"text": "请讲一次你在后厨遇到食材或出餐出问题的经历，你是怎么处理的，结果怎样？", "answer_seconds": 120,
           "competencies": [{"name": "食品安全", "weight": 0.5, "keywords": ["卫生", "检查", "规范"]},
                            {"name": "解决问题", "weight": 0.5, "keywords": ["处理", "结果", "方案"]}]}
MARK = "反面信息"


def reasons(r):
    return " ".join(x for c in r["competencies"] for x in c["reasons"])


CONFESSIONS = [
    # self-dealing: own hours, points, reviews, commission
    (COMPLAINT, "顾客投诉等太久，我道歉后给她打了折，那天晚上我给自己多记了三个小时加班，多拿了加班费。"),
    (COMPLAINT, "顾客投诉积分没到账，我先道歉，帮她查了一下，然后从会员卡多扣积分补到自己卡上，她也没发现，问题就解决了。"),
    (COMPLAINT, "客人投诉房间不干净，我道歉后马上换了房，后来我把这单算到自己业绩里，拿了提成，其实是同事接待的。"),
    (RUSH, "那天四百单要发，时间很紧，我安排好优先级，和同事分工，最后按时发完了，月底我还给自己多报了五个小时加班。"),
    (CASH, "有天收银对账多出两百块，我没声张，先把顾客退货剩下的优惠券转到自己账户上，又给自己刷了三个好评，月底奖金多了一百。"),
    # on the quiet; evidence destroyed or altered
    (COMPLAINT, "顾客说收银少找了钱，我跟她说系统没问题，然后趁她不注意把小票撕了，她没办法只好走了。"),
    (COMPLAINT, "顾客投诉充电宝坏了，我给她换了一个，后来为了不被店长骂，我悄悄把退货登记表扔了，店长一直不知道。"),
    (COMPLAINT, "顾客打电话投诉态度不好，我先道歉，然后在后台把她的差评删了，店里的评分就没受影响。"),
    (KITCHEN, "那天冷库的鸡肉放了三天，我怕被罚，就偷偷把生产日期标签换掉了，照常做成了宫保鸡丁，客人也没吃出来。"),
    (CASH, "月底盘点少了三百块，我把收银流水改了两笔，账就对上了，店长也没看出来。"),
    # blaming someone else to save oneself; deceiving the customer
    (COMPLAINT, "顾客投诉我们送错货，我怕被罚款，就硬说是她自己下错了单，最后她只能认了。"),
    (RUSH, "订单特别急，我和两个同事分工打包，有几箱漏检了，我怕被扣钱，就跟组长说是新来的小王装错的，最后按时发完了。"),
    (KITCHEN, "客人说菜里有头发，我先道歉给他换了一份，然后跟店长说是传菜的小李弄的，其实是我自己没戴帽子。"),
    (COMPLAINT, "顾客嫌我态度不好，我忽悠她说店长不在，让她改天再来，她等了一会就走了。"),
]


@pytest.mark.parametrize("question,text", CONFESSIONS)
def test_confessions_in_other_words_are_named_and_bounded(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    assert MARK in reasons(r) and r["overall"] <= 35, (r["overall"], reasons(r))


NEAR_MISSES = [
    # refused, negated, supposed
    (COMPLAINT, "顾客投诉等太久，我先道歉，马上帮她结账，还送了一张优惠券。给自己多记加班这种事我从来不做，每一分钟都按实际打卡。"),
    (COMPLAINT, "顾客嫌我们慢很生气，我没有跟她争，也绝不会说是她自己的问题，先道歉，再帮她加急处理，半小时就办好了。"),
    (COMPLAINT, "如果我删了监控，顾客就会更不信任我们，所以我把录像调出来，跟她一起看，问题很快就解决了。"),
    # someone else's misconduct, reported
    (COMPLAINT, "顾客投诉少找了钱，我先道歉，查了监控，确实差了五块，马上补给她。后来发现同事私自改记录，我报告了店长。"),
    (COMPLAINT, "顾客投诉服务员态度不好，我先道歉，后来才知道同事偷偷把她的差评删了，我马上报告了店长，重新联系顾客道歉。"),
    (RUSH, "订单特别急，我先排好优先级，同事想偷偷少记几箱，我没同意，和大家一起加班到十点，按时全部发完。"),
    # honest self-benefit, effort, own money
    (COMPLAINT, "顾客投诉服务慢，我先道歉，给她换了一杯，她满意地走了。那个月我给自己定了个目标，每周至少拿三个好评。"),
    (COMPLAINT, "顾客投诉货没到，我先道歉，联系了仓库，当天自己多加了两个小时班把货理完，第二天一早就送到了。"),
    (COMPLAINT, "顾客投诉我们少送了一份菜，我先道歉，查了订单确实漏了，我自己掏钱补了一份给她送过去，她很感动。"),
    (RUSH, "订单特别急，我安排好优先级，和两个同事分工，加班到十一点，每个小时都如实记在考勤表上，按时发完了四百单。"),
    # points and money moved to the customer's account; a record corrected
    (COMPLAINT, "顾客投诉积分没到账，我先道歉，帮她查了一下，是系统延迟，我手动把积分补到她卡上，她很满意。"),
    (COMPLAINT, "顾客投诉会员卡余额不对，我先道歉，对了一遍流水，把多扣的钱原路退回到她卡上，她很满意。"),
    (COMPLAINT, "顾客投诉小票打错了，我先道歉，发现是我录错了价格，马上改了记录，重新打了一张小票给她，差价退了。"),
    # a customer's false claim handled honestly
    (COMPLAINT, "顾客说衣服是我弄坏的，很生气，我先请她坐下，调了监控给她看，其实是她试穿时自己勾破的，她看完不好意思地走了，"
                "我还送了她一张优惠券。"),
    (COMPLAINT, "顾客很生气，说东西是我们弄丢的，我跟她说别着急，先查了监控，发现是快递员放错了柜子，我联系快递员取回来送到她家，"
                "她很满意。"),
    (COMPLAINT, "顾客投诉我们乱收费，我先道歉，把收费明细和记录都给她看了，悄悄记下她的喜好，下次她来的时候直接给她准备好了。"),
]


@pytest.mark.parametrize("question,text", NEAR_MISSES)
def test_near_misses_are_not_counter_evidence(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    assert MARK not in reasons(r), (r["overall"], reasons(r))


def _deeds(text):
    return [said for _, _, said, _ in contrary.find_deeds(segment_words([{"word": text}], "zh"))]


def test_a_deed_is_the_speakers_past_the_person_it_blames():
    # 她 after 说是 is the one blamed, not the subject of the clause after it: 偷偷把监控删了 is the speaker's
    said = _deeds("我怕被扣钱，就说是她自己弄坏的，然后偷偷把监控删了。")
    assert any("监控" in s for s in said) and any("说是她" in s for s in said), said


def test_blaming_needs_a_motive_or_a_strong_verb():
    assert not _deeds("我看了监控，跟她说是物流压坏的，马上给她换了新的。")
    assert _deeds("我怕担责任，跟她说是物流压坏的，马上给她换了新的。")


def test_a_deed_owned_and_fixed_is_a_lesson_not_counter_evidence():
    seg = segment_words([{"word": "那次我偷偷把小票撕了，后来我主动承认了，从那以后每张小票都留底。"}], "zh")
    owned: list = []
    found = contrary.find_phrases(seg, [True] * len(seg.clauses), ("all",), None, owned)
    assert not found and owned, (found, owned)
