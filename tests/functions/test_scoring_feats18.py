"""Absurd figures and fantasy told in a realistic story's frame (session feats18; breaker 18). Breaker 18's answers
scored 58–82 and were praised for their "concrete detail": 一个晚上抓了350个小偷，用了2秒就把整栋楼1万多人疏散完了;
一天剪了500个头…头发一下子长了一米; 满意度达到1000%; penguins queueing to buy ice, paid at the till, stock fetched from a
warehouse at the South Pole in boxes of icebergs; a customer who turned into a cat, reached riding a dinosaur.
gates.impossible_feats now also reads impossible claims (gates._impossible_claims: a share above 100%, one person's
count per time far beyond anyone, hair grown a length at once) and gates.impossible_beings impossible roles
(gates._fantasy_roles: animals doing customers' acts, animals and things served or met with, people turning into
animals or nature, mythical creatures ridden, unboxable things in boxes, shops at the poles). Two claims, or three
roles, gate alone (gates.IMPOSSIBLE_MIN, gates.BEINGS_MIN). The near-misses: big but real figures (a team shipping
3000 parcels a day, a courier's 120 a day, 满意度98%, 业绩增长了150%), figures of speech, a customer's pet, penguins at
an aquarium, a research station in Antarctica."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, gates, text

SHIFT = {"text": "讲一次你在工作中特别忙的一天，你是怎么安排的，结果怎样？", "answer_seconds": 90,
         "competencies": [
             {"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级"]},
             {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "耐心", "满意"]}]}
DELIVERY = {"text": "请讲一次你送快递时遇到客户不在家或者地址有问题的经历，你是怎么处理的，结果怎样？", "answer_seconds": 90,
            "competencies": [
                {"name": "解决问题", "weight": 0.5, "keywords": ["联系", "处理", "解决", "改约"]},
                {"name": "服务意识", "weight": 0.5, "keywords": ["客户", "耐心", "及时", "电话"]}]}
SHOP = {"text": "讲一次你在店里遇到顾客很多、货不够的情况，你是怎么处理的？", "answer_seconds": 90,
        "competencies": [
            {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "排队", "耐心"]},
            {"name": "执行力", "weight": 0.5, "keywords": ["补货", "收银", "安排"]}]}


def analysed(question, answer):
    return features.analyse(text.words_from_text(answer, "zh"), "zh", question)


def scored(question, answer):
    return pipeline.analyze_transcript(answer, question, "zh")


# the failing kind: other roles and wordings than the breaker's
GATED = [
    (SHIFT, "去年双十一我在前台，一个上午接待了3000位客人，每位都在1秒内办完入住，客户满意度高达500%，经理当场给我发了奖金。"),
    (SHIFT, "那天我在后厨一个人在2分钟里炒了300道菜，服务员都端不过来，客人好评率达到200%，老板说从没见过。"),
    (SHIFT, "我做美甲的时候一天做了400个客人，有个客人嫌指甲短，我让她的指甲一下子长了五厘米，她说太神了。"),
    (DELIVERY, "有一次客户不在家，因为她变成了一只兔子，我只好打电话给她的冰箱，冰箱说她在楼顶，我就骑着独角兽飞上去送到了。"),
    (SHOP, "上周六下午，店里来了二十多只猴子排队买香蕉，我先给猴子们收银，香蕉不够了，我就去北极超市拉了三车彩虹回来补上。"),
    # one of the breaker's own
    (SHIFT, "去年我在小区做保安，一个晚上抓了350个小偷，用了2秒就把整栋楼1万多人疏散完了，监控一共看了8000个屏幕，派出所给我发了99面锦旗。"),
]

# honest answers that look alike: must stay scored
HONEST = [
    (SHIFT, "去年双十一我们仓库八个人一天发了3000多个包裹，我负责分拣，按快递公司分成五堆，晚上十一点全部发完，客户满意度98%。"),
    (DELIVERY, "我一天一般送120件左右，那天有个客户不在家，我打电话他没接，就发短信约了晚上七点，再送过去他签收了，还给了好评。"),
    (SHIFT, "去年我负责的门店业绩增长了150%，主要是我把会员回访做起来了，每周打五十个电话，好评率从85%提高到了96%。"),
    (SHIFT, "那天忙得像陀螺一样，跑断了腿，一秒钟都没停，中午接了六十多桌，我先把大桌的单子排在前面，下午两点前都上齐了。"),
    (DELIVERY, "有一次送件到小区，客户不在家，家里的狗一直叫，我给客户打电话，他说放门口的快递柜，我放好后拍照发给他，他很满意。"),
    (SHOP, "我在海洋馆做过饲养员，每天早上给企鹅喂鱼，有一次企鹅排队等着喂食，游客很多，我先安排同事维持秩序，再分批喂。"),
    (SHIFT, "我以前在南极科考站做过后勤，一天要给二十几个队员做三顿饭，有一次补给船晚了一周，我就把菜谱重新排了，保证每天有蔬菜。"),
    (SHIFT, "那天晚上我们店一共接待了五百多位顾客，我负责收银，高峰时一分钟要结三四单，排队最长的时候我叫了店长开第二台收银机。"),
    (SHIFT, "我在理发店一天最多剪过三十多个头，那天顾客多，我让学徒先洗头，我只负责剪，晚上九点所有预约都做完了。"),
]


@pytest.mark.parametrize("question,answer", GATED)
def test_impossible_claims_and_roles_are_gated(question, answer):
    r = scored(question, answer)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["overall"], answer)


@pytest.mark.parametrize("question,answer", HONEST)
def test_honest_near_misses_stay_scored(question, answer):
    a = analysed(question, answer)
    assert gates.impossible_feats(a) == [] and gates.impossible_beings(a) == [], \
        (gates.impossible_feats(a), gates.impossible_beings(a))
    r = scored(question, answer)
    assert r["status"] == "scored", (r["reason_code"], answer)


def test_share_over_100_but_not_growth():
    claims = gates._impossible_claims(analysed(SHIFT, "客户满意度达到了300%。").seg.tokens)
    assert claims, claims
    for ok in ("销售额增长了200%。", "好评率提高了150%。", "满意度是100%。", "好评达到300条。", "那个月任务完成率达到了128%。",
               "我在酒店前台每天要处理入住、换房、投诉，旺季一天接待两百多位客人。"):
        assert gates._impossible_claims(analysed(SHIFT, ok).seg.tokens) == [], ok


def test_rates_need_one_person():
    # a team, or a machine, may do much more
    for ok in ("我们十个人用了两个小时把整栋楼一千多人疏散完了。", "系统1秒就处理了5000单。",
               "我们分拣线一天能处理两万件。"):
        assert gates._impossible_claims(analysed(SHIFT, ok).seg.tokens) == [], ok
    assert gates._impossible_claims(analysed(SHIFT, "我一个人用了3秒就把500位顾客都结完账了。").seg.tokens)


def test_one_claim_is_not_praised_as_detail():
    # one impossible claim is not enough to gate, but its figures are not "concrete detail"
    r = scored(SHIFT, "去年我在理发店，一天剪了300个头，顾客排到了门外，我让学徒帮忙洗头吹干，晚上十点才下班，第二天还有人来预约。")
    assert r["status"] == "scored"
    for c in r["competencies"]:
        assert not any("300个" in x for x in c["reasons"] if x.startswith("举了具体的")), c["reasons"]


def test_idioms_are_no_fantasy():
    for ok in ("我一直觉得客户是上帝，要耐心。", "那天我急得像热锅上的蚂蚁，后来我成了店里的老员工。"):
        a = analysed(SHIFT, ok)
        assert gates.impossible_beings(a) == [], ok
