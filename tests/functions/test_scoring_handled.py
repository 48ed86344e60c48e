"""Acts, feelings, qualities, ideas and times handled like things (session 17; breaker 16's H1): 把道歉折成纸飞机,
把分工晒干, 把耐心叠成三层 cannot happen, and two of them in an answer send it to a person as nonsense
(gates.surreal_acts, kind "handle"; gates.HANDLE_MIN). The near-misses: the same physical verbs on things
(把工装晒干, 把退货放进仓库, 把抹布剪成小块) and the verbs a workplace uses of tasks (把任务切成几块) are honest."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, gates

SERVE = {"text": "请讲一次你在餐厅高峰期同时照顾很多桌客人的经历，你是怎么做的？", "answer_seconds": 120,
         "competencies": [{"name": "服务意识", "weight": 0.5, "keywords": ["热情", "耐心", "微笑", "主动"]},
                          {"name": "应变能力", "weight": 0.5, "keywords": ["灵活", "冷静", "调整", "处理"]}]}
CLEAN = {"text": "请讲一次你在保洁工作中遇到难处理的脏乱情况，你是怎么做的？", "answer_seconds": 120,
         "competencies": [{"name": "责任心", "weight": 0.5, "keywords": ["认真", "仔细", "检查", "负责"]},
                          {"name": "效率", "weight": 0.5, "keywords": ["安排", "顺序", "时间", "工具"]}]}
DRIVE = {"text": "请讲一次你送货路上遇到堵车或者客户不在家的经历，你是怎么处理的？", "answer_seconds": 120,
         "competencies": [{"name": "守时", "weight": 0.5, "keywords": ["准时", "路线", "提前", "规划"]},
                          {"name": "沟通", "weight": 0.5, "keywords": ["电话", "解释", "客户", "联系"]}]}

NONSENSE = [
    (SERVE, "那天中午十二桌客人同时点单，我把耐心叠成三层放在托盘上，又把微笑晒干了分给每一桌，最后大家都吃完走了。"),
    (SERVE, "高峰期我先把热情切碎撒在汤里，然后把冷静缝在围裙上，客人都说我们家的服务最好，那天翻了四次台。"),
    (CLEAN, "商场三楼的垃圾堆了一地，我把顺序埋进花盆里，又把时间塞进拖把桶，然后把认真炖了二十分钟，地面就亮了。"),
    (SERVE, "客人投诉上菜慢，我把道歉卷成一个春卷端给他，他吃完又把不满意折成纸船放进了鱼缸，后来成了我们的老顾客。"),
    pytest.param(DRIVE, "那天堵车堵了一个小时，我把路线晒干折成一只小船，又把准时泡在矿泉水瓶里，客户收到货以后很满意。",
                 marks=pytest.mark.xfail(strict=True, reason="known miss: 路线 is space and a figure of speech in Cilin "
                                                             "(Cb27, Dg07), not only what cannot be held; one act")),
    (DRIVE, "客户不在家，我就把解释缝在快递盒上，再把联系埋进他家门口的花坛，第二天他打电话说收到了。"),
    (CLEAN, "那天厨房油污特别多我先把仔细腌了一晚上然后把安排晒干挂在窗户上下午三点就全部弄完了"),
    (SERVE, "我们店周末人多，我把主动剪成小块分给新来的服务员，又把灵活冻在冰箱里备用，那天一桌投诉都没有。"),
    (DRIVE, "路上下大雨，我把规划塞进雨衣口袋，把提前种在小区门口，浇了两遍水，十点前全部送完了。"),
    (CLEAN, "我先把检查晾干挂在门口，又把责任心泡在消毒水里一个小时，然后把效率折成一朵花送给了保洁组长。"),
]

HONEST = [
    (SERVE, "那天中午十二桌客人同时点单，我把任务切成几块，让新来的小王负责倒水，我自己先把三桌的菜单收齐，二十分钟就都上齐了。"),
    (CLEAN, "那个厕所特别脏，我先把拖把泡在消毒水里，再把垃圾袋换掉，把抹布晾干挂在门口，两点前就全部打扫干净了。"),
    (CLEAN, "下雨天工装都湿了，我把工装晒干叠好放进柜子，又把退货的清洁剂放进仓库，把快递塞进前台的柜子里。"),
    (SERVE, "高峰期我先把计划写在白板上，把问题记在本子上，把菜单按桌号叠好，后厨把汤炖了一个小时，客人没有等太久。"),
    (SERVE, "我把客人的外套挂在衣架上，把小孩的餐具用开水烫了一遍，把打包的剩菜装进盒子，客人走的时候很满意。"),
    (CLEAN, "我把检查表贴在门上，把工具按顺序摆好，把用过的抹布剪成小块当一次性擦布，把旧报纸折成垫子垫在桶下。"),
    (DRIVE, "客户不在家，我把快递放进他家门口的快递柜，把取件码发给他，又打电话解释了一下，他晚上取走了。"),
    (DRIVE, "那天下雨，我把外卖塞进保温箱，把小票折好夹在袋子上，绕了另一条路线，提前五分钟送到了。"),
    (SERVE, "我把生鲜放进冷库，把干净的毛巾叠好放在每张桌子上，又把最常点的奶茶提前煮好，高峰期就快多了。"),
    (CLEAN, "我把地毯卷起来拿到楼下，把窗帘拆下来泡进洗衣机，把沙发套晒干缝好，下午四点前交给了业主。"),
    (SERVE, "顾客说汤凉了，我马上道歉，把汤端回后厨重新热了一遍，又送了一碟小菜，她说没关系。"),
    (DRIVE, "堵车的时候我先给客户打电话说明情况，把剩下的单按路线重新排了顺序，最后只晚了十分钟。"),
]


def handled(question, text):
    analysis = features.analyse([{"word": text}], "zh", question)
    return [a for a in gates.surreal_acts(analysis)[2] if "…" in a]


@pytest.mark.parametrize("question,text", NONSENSE)
def test_acts_and_ideas_handled_like_things_go_to_a_person(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"),
                                                                              handled(question, text))
    assert "overall" not in r or r["overall"] is None


@pytest.mark.parametrize("question,text", HONEST)
def test_things_handled_and_tasks_split_are_honest(question, text):
    assert handled(question, text) == []
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")


def test_the_gate_names_what_was_handled():
    question, text = NONSENSE[3]
    acts = handled(question, text)
    assert "道歉…卷" in acts, acts
    r = pipeline.analyze_transcript(text, question, "zh")
    assert "把道歉折成纸飞机" in r["reason"] or "不可能发生" in r["reason"], r["reason"]


CASHIER = {"text": "请讲一次你收银时遇到账款对不上的经历，你是怎么处理的？", "answer_seconds": 120,
           "competencies": [{"name": "诚信", "weight": 0.5, "keywords": ["如实", "上报", "核对", "诚实"]},
                            {"name": "细心", "weight": 0.5, "keywords": ["仔细", "检查", "认真", "准确"]}]}


@pytest.mark.parametrize("question,text,person", [
    (CASHIER, "那天晚班账款少了五十块，我认真核对小票，发现一笔退款没录，如实上报店长，第二天补录好，账就平了。", "店长"),
    (CLEAN, "我把地毯卷起来拿到楼下，把窗帘拆下来泡进洗衣机，把沙发套晒干缝好，下午四点前交给了业主。", "业主"),
])
def test_a_pair_with_a_person_is_never_impossible(question, text, person):
    """Word vectors are topical, not selectional: 上报|店长, 交给|业主 read as unrelated, and with one more such pair a
    short honest story was sent to a person as nonsense (terse17's cashier story; the curtains above)."""
    analysis = features.analyse([{"word": text}], "zh", question)
    assert not any(person in pair for pair in gates.verb_pairs(analysis)[2])
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")


@pytest.mark.parametrize("text", [
    "的了是在我有和就不人都一个上也很到说要去你会着没看好自己这那来",
    "我的是了在有和就人不都上一个也说很到要你去会着看没好这自己来那的了是",
    "是的了在和有我就不都也很上到说要去会着没看这那来好人你他她它们",
])
def test_a_string_of_the_commonest_characters_goes_to_a_person(text):
    """Breaker 17 E: scored 0.0 with feedback about private life; a person cannot judge it (gates.function_string)."""
    r = pipeline.analyze_transcript(text, SERVE, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))
