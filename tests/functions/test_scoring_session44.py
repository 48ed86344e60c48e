"""Session 44: breaker 45's honest stories read wrong, by family, with look-alikes both ways —
a mistake asked in everyday words (犯错的经历) and told in the candidate's own, a mix-up told as what was made of what
(把二十箱矿泉水订成了二十箱苏打水) taken for nonsense, a kitchen rush in a cook's words read as unrelated, and a lapse
owned in many words (这事怪我, 是我的问题, 是我把…记错了, 我还是坚持自己赔了).

Real answers through pipeline.analyze_transcript (the CLI's path), features.analyse and the gates' readers.
"""
from __future__ import annotations

import pytest

from breaker_findings import analysis_of, load, reasons_of, run, scored
from functions.analyze import pipeline
from functions.analyze.scoring import answer, focus, gates

B45 = load("breaker45")
MISTAKE = B45["h27"]["question"]      # 讲一次你在工作中犯错的经历，你是怎么处理的？ (诚信担当, 解决问题)
KITCHEN = B45["h19"]["question"]      # 讲一次后厨高峰期出餐来不及的经历，你是怎么安排的？ (效率, 配合)


def _capped_as(r: dict, reason: str) -> bool:
    return any(reason in x for x in reasons_of(r))


# --- a mistake asked in everyday words ----------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["讲一次你在工作中犯错的经历，你是怎么处理的？", "说一次你在工作中犯了错，你是怎么处理的？",
                                      "讲一次你犯过错误的经历。", "讲一次你把事情搞砸的经历，后来怎么补救的？",
                                      "讲一次你工作中出过错的经历。"])
def test_a_mistake_asked_in_everyday_words_is_the_mistake_family(question):
    assert "mistake" in [f.key for f in focus.asked(question)]
    assert "mistake" in focus.situations(question)


@pytest.mark.parametrize("question", ["讲一次你帮助顾客解决问题的经历。", "讲一次后厨高峰期出餐来不及的经历，你是怎么安排的？",
                                      "讲一次你犯困还坚持上班的经历。"])
def test_questions_about_other_things_are_not_the_mistake_family(question):
    assert "mistake" not in [f.key for f in focus.asked(question)]


@pytest.mark.parametrize("said", [
    B45["h16"]["text"], B45["h28"]["text"], B45["h29"]["text"],
    # look-alikes by this session, in other trades
    "有一次我把蛋糕上的名字写错了，把“婷婷”写成了“亭亭”，这是我的问题。我马上跟客人道歉，重新做了一块牌子，没收她加急费。"
    "后来我每次写字前都先把名字念一遍给客人确认。",
    "我在药店上班，有一回给一位大爷拿药拿错了规格，他要的是五毫克的，我给了十毫克的。他回家一看打电话来问，我马上承认是我看错了，"
    "骑车把对的药送到他家，把错的换回来，后来每次拿药我都把规格念给顾客听。",
], ids=["b45-h16", "b45-h28", "b45-h29", "name-plaque", "pharmacy"])
def test_an_honest_mistake_story_on_the_mistake_question_is_not_another_questions(said):
    r = scored(said, MISTAKE)
    assert r["overall"] >= 55, (r["overall"], reasons_of(r))
    assert not _capped_as(r, answer.OTHER_QUESTION_REASON), reasons_of(r)


def test_a_rush_story_told_on_the_mistake_question_stays_bounded():
    # it says 坏了 (a word of the mistake family's wide tell) but tells no mistake of its own: another situation
    r = scored("那天仓库来了三百箱货，第二天一早就要发，我跟两个同事分成三批按目的地装车，扫描枪坏了就手写单号，第二天上午十点半全部发完。",
               MISTAKE)
    assert r["overall"] <= 45, r["overall"]


@pytest.mark.parametrize("said, told", [
    ("我把客户要的两箱苹果装成了两箱梨", True), ("这事怪我，我当时没看清桌号", True), ("是我扫码的时候没看清单号", True),
    ("我给一个顾客多找了一百块", True), ("我把两单的货装反了", True),
    ("扫描枪坏了就手写单号", False), ("我发现货多了就赶紧检查", False), ("我把货装成了三车发走", False),
])
def test_what_tells_a_mistake_made_is_narrower_than_the_familys_words(said, told):
    a = analysis_of(said + "，后来都处理好了。", MISTAKE)
    assert answer.tells_asked(a, MISTAKE) is told


# --- a mix-up told as what was made of what ------------------------------------------------------------------------
@pytest.mark.parametrize("text, verb", [
    ("那次我把客户要的二十箱矿泉水订成了二十箱苏打水。", "订成"), ("我把八寸写成了六寸，重新做了。", "写成"),
    ("我把三号桌的单打成了五号桌的", "打成"), ("我把客户要的二十箱可乐订成了二十箱雪碧", "订成"),
    ("我把周一的班记成了周五", "记成"), ("我把两箱苹果装成了两箱梨", "装成"),
])
def test_a_mix_up_of_two_things_of_one_kind_is_read(text, verb):
    assert [v for _, _, v in gates.mixups(text)] == [verb]


@pytest.mark.parametrize("text", ["我把一杯拿铁打成了一头大象，大象很占地方。", "我把刹车叠成方块塞进座位下面", "我把名字写成了蛋糕",
                                  "我把客户的订单写成了月亮", "把出餐单打成了一首诗", "我把批次叠成纸鹤"])
def test_a_transformation_into_another_kind_of_thing_is_no_mix_up(text):
    assert gates.mixups(text) == []


@pytest.mark.parametrize("case_id", ["h10", "h26", "h27"])
def test_an_honest_mix_up_story_is_scored_not_sent_to_a_person_as_nonsense(case_id):
    r = run(B45[case_id])
    assert r["status"] == "scored" and r["overall"] >= 55, (r["status"], r.get("reason_code"), r.get("overall"))


@pytest.mark.parametrize("said", [
    "那次我把客户要的二十箱可乐订成了二十箱雪碧。我跟店长说是我订错了，从我工资里扣。我自己打电话给供应商换货，第二天上午十点前把二十箱"
    "可乐送到了客户公司。",
    "上个月我把张阿姨订的两盒月饼装成了两盒粽子，第二天她打电话来问。我跟她说是我装错了，当天下午自己坐公交把月饼送到她家，把粽子拿回来，"
    "来回的车费我自己出的。",
], ids=["cola", "mooncake"])
def test_look_alike_mix_up_stories_are_scored(said):
    r = pipeline.analyze_transcript(said, MISTAKE, "zh")
    assert r["status"] == "scored", (r["reason_code"], r["reason"])


@pytest.mark.parametrize("said", [
    # a real mix-up, then the corpus's transformations: the mix-up is read as ordinary, the rest still as nonsense
    "那次我把客户要的二十箱矿泉水订成了二十箱苏打水。后来苏打水把我的手机存进了冰箱，冰箱就去楼下跟保安学开车了，保安把月亮叠成方块"
    "塞进了抽屉，抽屉在半夜给供应商唱歌，第二天上午十点矿泉水自己走到了客户公司。",
    "我把一杯拿铁打成了一头大象。大象被做出来以后很占地方，顾客也不好意思拿走。我跟顾客承认错误并道歉，然后把大象重新改成了拿铁，"
    "改的时候大象一直配合我。后来我总结经验，打单的时候先确认是饮品还是动物。",
], ids=["mix-up-then-surreal", "latte-elephant"])
def test_nonsense_with_a_mix_up_in_it_is_still_not_scored_high(said):
    # (the latte turned elephant, breaker 37's, is scored 40.5 on this question before and after this session: its
    # transformation is no mix-up, and the nonsense readers do not gate it — docs/scoring.md, What it cannot do)
    r = pipeline.analyze_transcript(said, MISTAKE, "zh")
    assert r["status"] == "needs_review" or r["overall"] <= 45, (r["status"], r.get("overall"))


# --- a kitchen rush in a cook's words -----------------------------------------------------------------------------
def test_a_kitchen_rush_in_a_cooks_words_keeps_its_steps_and_is_not_unrelated():
    a = analysis_of(B45["h19"]["text"], KITCHEN)
    assert not a.details["excluded_clause_ids"], a.details["excluded_clause_ids"]
    r = run(B45["h19"])
    assert r["overall"] >= 60 and not _capped_as(r, answer.RELEVANCE_REASON), (r["overall"], reasons_of(r))


@pytest.mark.parametrize("said", [
    "去年国庆我和家人去了三亚，住在海边的酒店，每天早上七点去沙滩散步，吃了很多海鲜，一共玩了五天，花了八千块钱。",
    "我平时喜欢在家做饭，周末会炖一锅排骨，先焯水再小火炖两个小时，家里人都说好吃。",
], ids=["holiday", "home-cooking"])
def test_a_story_about_something_else_on_the_kitchen_question_stays_low(said):
    r = pipeline.analyze_transcript(said, KITCHEN, "zh")
    assert r["status"] == "needs_review" or r["overall"] <= 35, (r["status"], r.get("overall"))


# --- a lapse owned in many words -----------------------------------------------------------------------------------
@pytest.mark.parametrize("said, owned", [
    ("有一次我把菜单弄混了，这事怪我，我马上跟客人道歉。", "这事怪我"),
    ("我给顾客多找了一百块，是我的问题，晚上我打电话联系了她。", "是我的问题"),
    ("因为是我把顾客的蛋糕尺寸记错了，我重新做了一个。", "是我把顾客的蛋糕尺寸记错"),
    ("老板说这次不用我赔，但我还是坚持自己赔了那两百块。", "我还是坚持自己赔"),
])
def test_a_lapse_owned_in_many_words_is_evidence_of_owning_it(said, owned):
    r = scored(said, MISTAKE)
    assert any(owned in x and "诚信担当" in x for x in reasons_of(r)), reasons_of(r)


@pytest.mark.parametrize("said", [
    "老板怪我把单子打错了，其实是系统的问题，我跟他解释了半天，最后也没扣钱。",
    "这事不怪我，是同事把单子写错了，我只是按单子做的。",
    "顾客说是我的问题，我觉得不是，就让她去找店长了。",
    "店长让我自己赔那两百块，我没同意。",
])
def test_blame_put_on_the_candidate_or_refused_is_no_owning(said):
    r = pipeline.analyze_transcript(said, MISTAKE, "zh")
    owning = ("怪我", "是我的问题", "自己赔")
    assert not any(o in x and "相关的内容" in x for x in reasons_of(r) for o in owning), reasons_of(r)


# --- steps that name nothing of their own ---------------------------------------------------------------------------
HELP = B45["g04"]["question"]        # 讲一次你帮助顾客解决问题的经历。
COMPLAINT = B45["g29"]["question"]   # 讲一次客人对菜品不满意，你是怎么处理的？


@pytest.mark.parametrize("said, question", [
    (B45["g29"]["text"], COMPLAINT), (B45["g37"]["text"], HELP), (B45["g04"]["text"], HELP), (B45["g05"]["text"], HELP),
    (B45["g20"]["text"], HELP),
    ("上周五中午，一位穿西装的先生说汤是凉的。我先安抚客人，再认真倾听，接着真诚道歉，最后给客人处理好，客人很满意。", COMPLAINT),
], ids=["b45-g29", "b45-g37", "b45-g04", "b45-g05", "b45-g20", "suit"])
def test_steps_that_name_nothing_of_their_own_are_an_outline(said, question):
    r = scored(said, question)
    assert r["overall"] <= 40, (r["overall"], reasons_of(r))
    assert _capped_as(r, answer.OUTLINE_REASON), reasons_of(r)


@pytest.mark.parametrize("said, question", [
    ("那天晚上八点多，八号桌一位戴眼镜的先生说鱼太咸了。我先跟他道歉，再把鱼端回后厨让师傅少放盐重新做了一条，然后送了一份凉拌黄瓜，"
     "最后结账时给他打了九折，他说下次还来。", COMPLAINT),
    ("上周二下午三点，一位拄着拐杖的老先生在我们店里找降压药。我先扶他坐下，再帮他看了药盒上的名字，然后去货架拿了同一种药，"
     "最后把用法写在纸上给他，他很满意。", HELP),
    ("有一回一个顾客来找我。第一步我看了他手机的充电口，第二步用牙签把里面的灰挑出来，第三步换了根数据线试，"
     "第四步充上了电，他最后给了好评。", HELP),
], ids=["salty-fish", "blood-pressure", "charging-port"])
def test_steps_with_things_of_their_own_are_a_story_told_in_order(said, question):
    r = scored(said, question)
    assert not _capped_as(r, answer.OUTLINE_REASON), reasons_of(r)
    assert r["overall"] >= 55, (r["overall"], reasons_of(r))


# --- whom the candidate served -------------------------------------------------------------------------------------
@pytest.mark.parametrize("said", [B45["g01"]["text"], B45["g02"]["text"], B45["g41"]["text"]], ids=["g01", "g02", "g41"])
def test_a_story_with_no_one_served_does_not_tell_the_customer_family(said):
    r = scored(said, HELP)
    assert r["overall"] <= 35, (r["overall"], reasons_of(r))


@pytest.mark.parametrize("said", [
    B45["h37"]["text"],
    "我在东家做住家保姆，有天东家的老人半夜发烧到三十九度，我先给他量了体温、用温毛巾擦身子，再打电话叫了他儿子，一起送去医院，"
    "第二天就退烧了。",
    "有位阿姨来买月饼，要送人，我帮她挑了两盒不太甜的，又帮她包好，她很满意地走了。",
], ids=["h37", "live-in-carer", "mooncake"])
def test_anyone_the_candidate_served_tells_the_customer_family(said):
    r = scored(said, HELP)
    assert not _capped_as(r, answer.FOCUS_REASON), (r["overall"], reasons_of(r))
    if "买月饼" not in said:     # (a sale with no problem solved is no strong answer to the question, only on it)
        assert r["overall"] >= 55, (r["overall"], reasons_of(r))


# --- figures around deeds in everyday words ------------------------------------------------------------------------
@pytest.mark.parametrize("said", [
    B45["g21"]["text"], B45["g39"]["text"],
    "2023年5月1日下午2点，在北京朝阳区望京的3号店，来了20多位顾客，收银机坏了1台，我都处理好了。",
], ids=["b45-g21", "b45-g39", "may-day"])
def test_figures_around_deeds_in_everyday_words_are_figures_in_place_of_deeds(said):
    r = scored(said, HELP)
    assert r["overall"] <= 45, (r["overall"], reasons_of(r))


@pytest.mark.parametrize("said", [
    "上周三一位阿姨买了3瓶酱油，回来说有1瓶漏了，我当场给她换了1瓶新的，又送了1包纸巾，都安排好了，她很满意。",
    "2023年5月1日下午2点，一位大爷的手机在店里充不进电，我用牙签把充电口的灰挑出来，又换了1根数据线，10分钟就充上了，他很满意。",
], ids=["soy-sauce", "charging-port"])
def test_figures_with_deeds_of_their_own_stay_a_story(said):
    r = scored(said, HELP)
    assert r["overall"] > 45, (r["overall"], reasons_of(r))
