"""Nonsense made of real words (functions/analyze/scoring/gates.py, word_nonsense): dictionary words with no
meaning together — nouns from unrelated domains run into each other, objects that sing or eat, dressed with
particles (了/的/吧/吗), numbers, fillers, 我, question marks, with or without punctuation — go to a person
(needs_review, reason_code "nonsense"); honest but unusual answers (short, lists of items in a story, dialect,
unpunctuated recogniser text, vivid off-topic private life, many numbers and product names) stay scored.

The nonsense is generated from word pools and shapes, so the family and not one instance is covered."""
import random

import pytest

from functions.analyze.scoring import text
from functions.analyze.scoring.answer import score_answer
from tests.functions.conftest import CASHIER_QUESTION, COOK_QUESTION, ISSUE_QUESTION, RIDER_QUESTION

QUESTIONS = [ISSUE_QUESTION, COOK_QUESTION, CASHIER_QUESTION, RIDER_QUESTION]
POOLS = [["苹果", "黄瓜", "土豆", "绿豆汤", "咖啡", "西瓜", "饺子", "面包", "番茄", "香蕉"],
         ["窗户", "抽屉", "沙发", "冰箱", "桌子", "窗帘", "拖鞋", "雨伞", "枕头", "台灯"],
         ["月亮", "星球", "太阳", "云朵", "石头", "大海", "森林", "彩虹", "雪花"],
         ["狮子", "企鹅", "长颈鹿", "蚂蚁", "鲸鱼", "兔子", "乌龟", "蝴蝶"],
         ["高铁", "飞机", "七号线", "电线杆", "自行车", "地铁", "轮船", "红绿灯"],
         ["打印机", "橡皮擦", "订书机", "键盘", "铅笔", "信封", "计算器"],
         ["三角形", "五角星", "漂流瓶", "圆圈", "正方形", "气球", "风筝"]]
ADJ = ["蓝色", "绿色", "红色的", "很甜", "透明", "软软的"]
VERBS = ["跑步", "唱歌", "飞过去", "跳舞", "游泳", "睡觉", "吃了", "哭了", "打电话", "开会", "发芽", "散步"]
TIMES = ["星期八", "周二", "星期三", "周末", "后天晚上", "去年夏天", "十三点"]
NUMS = ["三十七", "九十九", "四块五", "两百", "十二号", "八点半", "三十七号"]
PART = ["吧", "吗", "了", "的", "呢", ""]
FILL = ["嗯", "那个", "就是", "然后"]


def _noun(r):
    return r.choice(r.choice(POOLS))


def _piece(r, me):
    subj = ("我的" if me and r.random() < 0.4 else "") + _noun(r)
    return r.choice([
        lambda: _noun(r) + _noun(r) + r.choice(VERBS) + _noun(r),
        lambda: subj + "会" + r.choice(VERBS) + "吗",
        lambda: r.choice(ADJ) + _noun(r) + r.choice(VERBS) + r.choice(["三十七", "两百", "七"]) + "个" + _noun(r)
        + r.choice(PART),
        lambda: _noun(r) + r.choice(["上的", "里的", "旁边的"]) + _noun(r) + r.choice(NUMS),
        lambda: subj + r.choice(VERBS) + r.choice(["了没有", "了吗", "了吧", ""]),
        lambda: r.choice(TIMES) + "的" + _noun(r) + _noun(r),
        lambda: _noun(r) + r.choice(ADJ) + r.choice(TIMES) + _noun(r),
        lambda: _noun(r) + "在" + _noun(r) + "里" + r.choice(VERBS),
    ])()


def nonsense(seed: int) -> str:
    r = random.Random(f"word-nonsense-{seed}")
    me = r.random() < 0.3
    parts = [(r.choice(FILL) if r.random() < 0.3 else "") + _piece(r, me) for _ in range(r.randint(4, 6))]
    if r.random() < 0.15:
        return r.choice(["", " "]).join(parts)
    out = parts[0]
    for p in parts[1:]:
        out += ("？" if out.endswith(("吗", "呢")) else r.choice(["，", "，", "。", "、"])) + p
    return out + ("？" if out.endswith(("吗", "呢")) else "。")


REPORTED = ["蓝色窗户跑了三十七个苹果吧，嗯电线杆咕噜星期八，土豆飞过去的抽屉，那个月亮四块五。",
            "黄瓜跑步七号线打印机，嗯那个，冰箱会唱歌吗，三角形的周二，抽屉里的风很甜。",
            "苹果蓝色星期三跑步沙发，月亮雨伞三十七号，桌子唱歌了吗，电线杆绿豆汤飞机。",
            "橡皮擦咖啡狮子高铁，五角星漂流瓶的周末，拖鞋上的星球九十九，窗帘吃了没有。"]
GENERATED = [nonsense(i) for i in range(40)]

HONEST = [
    # short plain answers
    "我先跟客户道歉，再把急单排在前面，晚上九点发完了。",
    "那天下雨我骑慢了点，提前给顾客打了电话，晚了五分钟。",
    # questions about the job, and a plain account without 我
    "想问一下：夜班一般几个人？有没有宿舍？试用期多久，工资是按月发还是按单算？",
    "先把冷藏的放进冰柜，再上常温货，过期的饭团撤下来登记报损，六点盘点现金，交班一分不差。",
    # lists of concrete items in a real story
    "那天快递堆成山，我按区码分成三堆：朝阳、海淀、丰台，再一堆一堆扫码上架，中午前全发完了。",
    "备料时我把排骨、青菜、豆腐、土豆分开装盒，贴上日期放进冰箱，高峰时直接拿出来下锅。",
    # dialect / Cantonese
    "嗰日有个客人话我少找咗佢二十蚊，我就同佢一齐数返个钱箱，原来系我搞错咗，即刻补返畀佢。",
    "俺那天一看单子多，就跟师傅说咱俩分开干，俺切菜他炒，中午一点前都出完咧。",
    # unpunctuated recogniser-style text with spaces
    "嗯 就是 那天 订单 特别多 我 先 跟 同事 分了 一下 工 我 打包 他 贴单 然后 晚上 九点 全部 发完了",
    "那个有一次暴雨我就是把餐用袋子包了两层然后慢慢骑到了楼下给顾客打电话他下来拿的",
    # vivid off-topic private life (scored low, not gated)
    "我最近在装修房子，九十平，全包报价十二万，最头疼的是挑瓷砖，客厅铺大板还是木地板，跟我老公吵了好几回。",
    "去年国庆我们一家三口去了千岛湖，住了两个晚上民宿，湖里的鱼头炖得特别鲜，孩子还在湖边钓到一条小鱼。",
    "周末我陪孩子去公园放风筝，风筝挂在树上了，我爬上去拿下来，孩子高兴得直拍手，回家路上还买了两根冰棍。",
    "我平时喜欢钓鱼，周末带着鱼竿去水库，用玉米粒打窝，运气好能钓上三四斤的鲤鱼，回家红烧。",
    # many numbers and product names
    "一台华为送来不开机，我接稳压电源看，开机电流卡在零点一安，查到一颗电容短路，换了个五块钱的电容就好了，收了八十。",
    "我用iPhone 13扫码，一小时扫了三百二十件，错了两件，当场改了，雅迪电动车跑了六十公里送完四十单。",
]


def score(t: str, k: int = 0) -> dict:
    return score_answer(text.words_from_text(t, "zh"), "zh", QUESTIONS[k % len(QUESTIONS)])


CASES = [(t, typed) for t in REPORTED for typed in (False, True)]
# typed with punctuation, the pairs of the first end at each comma and one jump is left (set h scored it 23.2;
# passing over punctuation gated a weak line padded with a film's plot, 人类带着地球逃离太阳系, instead): since
# session 16 the learnt nonsense detector alone (model.NONSENSE_DETECTOR_P) sends it to a person


@pytest.mark.parametrize("t,typed", CASES,
                         ids=[f"{i // 2}-{'typed' if typed else 'words'}" for i, (_, typed) in enumerate(CASES)])
def test_real_word_nonsense_goes_to_a_person(t, typed):
    # typed: the transcript as the pipeline scores a typed answer, punctuation kept (one word)
    k = sum(map(ord, t))
    r = score_answer([{"word": t, "start": None, "end": None}], "zh", QUESTIONS[k % len(QUESTIONS)]) if typed \
        else score(t, k)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (t, r["reason_code"], r["overall"])
    assert "请人工查看" in r["reason"]


def test_most_of_the_generated_family_goes_to_a_person():
    # the detector counts meaning jumps between neighbouring words; a few shapes (adjective and time words
    # between every noun: 苹果软软的星期八窗帘, or nonsense that happens to touch the question's topic) slip
    # through — a known gap, so a floor (35 of these 40 are caught), not every one
    missed = [t for t in GENERATED if score(t, sum(map(ord, t)))["reason_code"] != "nonsense"]
    assert len(missed) <= 0.15 * len(GENERATED), missed


def test_the_generated_family_is_varied():
    assert len(set(GENERATED)) == len(GENERATED)
    assert any("我" in t for t in GENERATED) and any("？" in t for t in GENERATED)
    assert any("，" not in t and "。" not in t for t in GENERATED)


@pytest.mark.parametrize("t", HONEST)
def test_honest_unusual_answers_stay_scored(t):
    for k in range(len(QUESTIONS)):
        r = score(t, k)
        assert r["reason_code"] != "nonsense", (t, k, r["reason"], r["content_features"].get("gate"))



# On-topic metaphoric nonsense (breaker13 H1): the question's own words, times, numbers and 我/我们 around verbs and
# their objects or subjects that cannot go together in meaning (verb_pairs) — generated per question, so the family
# and not one instance is covered.
ODD_ACTORS = ["月亮", "星星", "猫", "云朵", "彩虹", "企鹅", "蝴蝶", "纸鹤", "长颈鹿", "雪人"]
ODD_INTRANSITIVE = ["唱歌", "游泳", "跳舞", "飞走", "睡觉", "发芽", "融化", "哭泣", "冬眠", "下蛋"]
ODD_TRANSITIVE = ["煮熟", "吃掉", "折成纸鹤", "种下", "烤焦", "喂饱", "泡软", "晒干", "孵化", "冻住"]
WHEN = ["第二天上午十点半", "下午四点半", "晚上九点", "星期三", "那天中午", "凌晨两点", "周末"]
HOW_MANY = ["三批", "300箱", "四个", "两百份", "五十单", "38块", "三只"]


def _question_words(q):
    return [k for c in q["competencies"] for k in c["keywords"]]


def metaphoric(seed: int) -> tuple[str, dict]:
    r = random.Random(f"metaphoric-nonsense-{seed}")
    q = QUESTIONS[seed % len(QUESTIONS)]
    kw = _question_words(q)
    me = r.choice(["我", "我们", "我们四个人"])
    pieces = [
        lambda: f"{r.choice(ODD_ACTORS)}按时{r.choice(ODD_TRANSITIVE)}了{r.choice(HOW_MANY)}{r.choice(kw)}",
        lambda: f"{r.choice(kw)}在{r.choice(WHEN)}{r.choice(ODD_INTRANSITIVE)}",
        lambda: f"{me}把{r.choice(kw)}{r.choice(ODD_TRANSITIVE)}了",
        lambda: f"{r.choice(HOW_MANY)}{r.choice(kw)}都{r.choice(ODD_INTRANSITIVE)}了",
        lambda: f"{r.choice(WHEN)}的{r.choice(ODD_ACTORS)}很满意",
        lambda: f"{r.choice(ODD_ACTORS)}{r.choice(ODD_TRANSITIVE)}了{r.choice(kw)}",
    ]
    picked = r.sample(pieces, r.randint(4, 5))
    return r.choice(["，", "，", "。"]).join(p() for p in picked) + "。", q


METAPHORIC_REPORTED = ["仓库的月亮按时吃掉了三批优先级，扫描枪在第二天上午十点半唱歌，我们四个人把目的地煮熟了，300箱沟通都飞走了。"]
METAPHORIC = [metaphoric(i) for i in range(40)]
# honest figurative or idiomatic speech about the job: its verbs and objects go together
FIGURATIVE = ["那天忙得像打仗一样，我们把货分成三批，顾客气得脸都红了，扫描枪坏了，我们加班把单子消化掉了，后来我也吃透了流程。",
              "双十一那天单子多得像下雪，我跟同事把货分成三批打包，扫描枪坏了就手抄单号，晚上十点全部发走。",
              "后厨热得像蒸笼，我把备料按顺序摆好，高峰时出餐像流水线一样，一个中午出了两百多份。",
              "那位顾客气得脸都红了，我先道歉，把账单一笔一笔核对给她看，找零少了五块，当场补上，她就消气了。",
              "雨大得像泼水，我把头盔扣紧，减速慢慢骑，提前联系顾客说要晚十分钟，最后准时送到了。"]


@pytest.mark.parametrize("typed", [False, True], ids=["recognised words", "typed with punctuation"])
@pytest.mark.parametrize("t", METAPHORIC_REPORTED)
def test_on_topic_impossible_pairs_go_to_a_person(t, typed):
    # breaker13 H1: scored 65.1 and was praised as concrete ("我们四个人把目的地煮熟了" quoted as an own action)
    r = score_answer([{"word": t, "start": None, "end": None}], "zh", ISSUE_QUESTION) if typed \
        else score_answer(text.words_from_text(t, "zh"), "zh", ISSUE_QUESTION)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["reason_code"], r["overall"])
    gate = r["content_features"]["gate"]
    assert gate["impossible_pairs"] >= 3 and "煮熟|目的地" in gate["pairs"]
    assert "请人工查看" in r["reason"]


def test_part_of_the_generated_on_topic_family_goes_to_a_person():
    # word vectors are topical, not selectional (换|轮胎 reads as unrelated, 企鹅|孵化 as related), so only answers
    # where nearly every pair read is impossible are gated: a floor, not most of the family (a known gap)
    caught = [t for t, q in METAPHORIC if score_answer(text.words_from_text(t, "zh"), "zh", q)["reason_code"] == "nonsense"]
    assert len(caught) >= 6, caught   # 7 of 40 when written


def test_the_generated_on_topic_family_uses_the_questions_words():
    assert len({t for t, _ in METAPHORIC}) == len(METAPHORIC)
    assert all(any(k in t for k in _question_words(q)) for t, q in METAPHORIC)
    assert any("我们" in t for t, _ in METAPHORIC) and any("十点半" in t for t, _ in METAPHORIC)


@pytest.mark.parametrize("t", FIGURATIVE)
def test_honest_figurative_answers_stay_scored(t):
    for q in QUESTIONS:
        for words in (text.words_from_text(t, "zh"), [{"word": t, "start": None, "end": None}]):
            r = score_answer(words, "zh", q)
            assert r["reason_code"] != "nonsense", (t, q["text"], r["content_features"].get("gate"))
