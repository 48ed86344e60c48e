"""Keyword salads as a family (functions/analyze/scoring/gates.py, keyword_list): HR's keywords of a
question strung into broken phrases with no clauses — with particles (的/和/很/也/都/了), 我/我们 sprinkled,
numbers, pseudo-sentences (沟通很好，协调也好), synonyms, repeats, shuffled order, with or without
punctuation, with a STAR cue word — are gated to a person; terse but honest short answers (clauses that
say who did what to which thing), even ones reusing several keywords, stay scored.

The salads are generated from shapes over the keywords of four questions, so the family and not one
instance is covered; the honest answers are written by hand (35–120 characters each)."""
import random

import pytest

from functions.analyze import pipeline
from tests.functions.conftest import CASHIER_QUESTION, COOK_QUESTION, ISSUE_QUESTION, RIDER_QUESTION

# a motivation question (why this job): its honest answers are reasons that lean on the question's words
MOTIVE_QUESTION = {"text": "你为什么想来我们超市做理货员？", "answer_seconds": 90,
                   "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["喜欢", "稳定", "发展", "兴趣"]},
                                    {"name": "岗位认知", "weight": 0.5, "keywords": ["细心", "整齐", "顾客", "责任"]}]}
QUESTIONS = {"issue": ISSUE_QUESTION, "cook": COOK_QUESTION, "cashier": CASHIER_QUESTION, "rider": RIDER_QUESTION,
             "motive": MOTIVE_QUESTION}
# words an HR person might expect, close to each question's keywords (synonyms a salad swaps in)
SYNONYMS = {
    "issue": ["准时", "排好", "轻重缓急", "熬夜", "交流", "配合", "团队", "分配", "执行力", "效率"],
    "cook": ["干净", "日期", "分开放", "清洁", "上菜", "准备", "饭点", "先后", "速度", "安全"],
    "cashier": ["对账", "小票", "零钱", "数钱", "细心", "说明", "赔不是", "客人", "服务", "态度"],
    "rider": ["小心", "雨衣", "慢行", "路口", "按点", "导航", "迟到", "打电话", "效率", "意识"],
    "motive": ["热爱", "安稳", "前途", "爱好", "认真", "干净", "客人", "负责", "成长", "踏实"],
}
PUNCT = ["，", "。", "！", "、", "；", " "]


def keywords(name: str) -> list[str]:
    return [k for c in QUESTIONS[name]["competencies"] for k in c["keywords"]]


def _join(rng, parts, punct=True):
    if not punct:
        return rng.choice(["", " "]).join(parts)
    out = parts[0]
    for p in parts[1:]:
        out += rng.choice(PUNCT) + p
    return out + rng.choice(["。", "！", ""])


def _chunks(rng, words, lo=1, hi=3):
    out, i = [], 0
    while i < len(words):
        n = rng.randint(lo, hi)
        out.append("".join(words[i:i + n]))
        i += n
    return out


def _shuffled(rng, words):
    words = list(words)
    rng.shuffle(words)
    return words


# each shape: (rng, keywords, synonyms) -> a salad
SHAPES = {
    "broken_phrases": lambda r, k, s: _join(r, _chunks(r, _shuffled(r, k))),
    "no_punctuation": lambda r, k, s: _join(r, _shuffled(r, k), punct=False),
    "particles": lambda r, k, s: _join(r, [a + r.choice(["的", "和", "也", "都", "很"]) + b
                                           + r.choice(["", "了", "的"]) for a, b in
                                           zip(_shuffled(r, k)[::2], _shuffled(r, k)[1::2])]),
    "pronouns": lambda r, k, s: _join(r, [r.choice(["我", "我们", ""]) + w for w in _chunks(r, _shuffled(r, k), 1, 2)]),
    "numbers": lambda r, k, s: _join(r, [r.choice(["3个", "两次", "100%", "五个人", "十分钟", "1", "第一"]) + w
                                         if i % 2 == 0 else w for i, w in enumerate(_shuffled(r, k))]),
    "pseudo_sentences": lambda r, k, s: _join(r, [w + r.choice(["很好", "也好", "都好", "很重要", "到位"])
                                                  if i % 3 == 0 else w for i, w in enumerate(_shuffled(r, k))]),
    "synonyms": lambda r, k, s: _join(r, _chunks(r, _shuffled(r, s[:8]))),
    "repeated": lambda r, k, s: _join(r, _chunks(r, _shuffled(r, k) + _shuffled(r, k[:5]))),
    "mixed_synonyms": lambda r, k, s: _join(r, _chunks(r, _shuffled(r, k[:5] + s[3:8]))),
    "star_cues": lambda r, k, s: _join(r, [c + w for c, w in zip(["首先", "然后", "接着", "最后", "结果"],
                                                                 _chunks(r, _shuffled(r, k), 1, 2))]),
    "star_labels": lambda r, k, s: _join(r, [c + w for c, w in zip(["情况", "任务", "行动", "结果"],
                                                                   _chunks(r, _shuffled(r, k), 2, 2))]),
    "mixed_everything": lambda r, k, s: _join(r, [r.choice(["我", "我们", "", "", "很", "都"]) + w
                                                  + r.choice(["", "", "好", "了", "的"])
                                                  for w in _chunks(r, _shuffled(r, k + s[:3]), 1, 2)]),
}

SALADS = [(name, shape, SHAPES[shape](random.Random(f"{name}-{shape}"), keywords(name), SYNONYMS[name]))
          for name in QUESTIONS for shape in SHAPES]
# the two salads a blind set showed were scored (issue 8's question)
SALADS += [("issue", "blind_1", "沟通，同事协调。按时安排优先级，加班分工！"),
           ("issue", "blind_2", "执行力，安排好优先级，同事沟通协调分工，按时加班"),
           ("issue", "hand_1", "沟通很好，协调也好，同事分工按时"),
           ("issue", "hand_2", "我们同事都很好，沟通和协调，按时加班，优先级安排了，分工明确"),
           ("cook", "hand_1", "高峰，备料出餐。卫生消毒！生熟分开保质期，顺序"),
           ("cashier", "hand_1", "顾客很多，账单核对了，找零清点，耐心解释也道歉"),
           ("rider", "hand_1", "暴雨，头盔安全，减速红灯，准时联系，路线超时")]

HONEST = [
    # issue: an urgent order
    ("issue", "上周五下午客户临时加了两百件货，我先把急单排在最前面，跟同事分工，我负责打包，他贴单，晚上九点全部发完。"),
    ("issue", "那次订单晚到了一天，我找仓库主管借了两个人，按目的地分成三批，先发省内的，第二天中午前都送到了。"),
    ("issue", "双十一前一晚货多人少，我和同事加班到十二点，我核对单号，他们装箱，第二天早上八点车来前全装好了。"),
    ("issue", "客户要求三天交五百套工服，我把裁剪和缝纫分给两个组，每天下班前自己去数一遍，第三天下午按时交货。"),
    ("issue", "去年年底一个急单，我先打电话跟客户确认最晚几点要，再把其他不急的单往后挪，提前两小时送到了。"),
    ("issue", "仓库那天扫描枪坏了，我改成手写登记单号，拍照发给快递站核对，三百箱货当天全发出去，一单没错。"),
    ("issue", "老板下午三点才说晚上要发一百箱，我先沟通好物流几点来，再安排两个同事装箱，我贴标签，六点装车。"),
    ("issue", "有次展会物料第二天就要用，我连夜把海报和易拉宝送到印刷厂，早上五点取回，七点前摆好了展台。"),
    # cook: lunch rush
    ("cook", "上周六备料不够，我先把高峰要用的排骨和青菜分好，跟同事分工，我切配他炒，按时出完三十桌。"),
    ("cook", "中午十二点一下来了四十单，我让学徒专门洗菜，我自己掌勺，先出凉菜再出热菜，半小时全部出完。"),
    ("cook", "那天冰箱里有一盒鸡肉过了保质期，我马上扔掉，换了新的，还把生肉和熟食的砧板分开放，才开始炒。"),
    ("cook", "高峰前我把常点的五个菜的料提前配好装盒，单子一来直接下锅，出餐比平时快了差不多十分钟。"),
    ("cook", "有次打荷的同事请假，我一边切配一边帮忙装盘，每做完一锅就把锅刷干净，没有一桌客人催单。"),
    ("cook", "周末客人多，我在出餐口贴了一张单子，按下单时间排顺序，炒好的菜先过一遍我这里再端出去。"),
    ("cook", "那天消毒柜坏了，我把碗筷放进开水里煮了十分钟，再让服务员一桌一桌摆上，中午没耽误开餐。"),
    ("cook", "备料时我发现豆腐有点酸味，就没用，打电话让供应商半小时内重新送了一箱，麻婆豆腐照常上了。"),
    # cashier: a dispute over change
    ("cashier", "有位阿姨说我少找了她二十块，我请她稍等，当着她的面重新清点钱箱，又调了监控，最后确实是我找错了，马上补给她并道歉。"),
    ("cashier", "一个顾客说账单多收了一瓶饮料，我拿小票一项一项跟他核对，发现是扫码扫了两次，当场退了五块钱。"),
    ("cashier", "那天客人拿一百块付款，说给的是两张五十，我没争，先把抽屉里的钱点了一遍，跟系统对上后耐心给他看。"),
    ("cashier", "下班前对账少了三十块，我翻了当天的小票，找到一笔找零多给的，第二天那位老顾客来买菜时还回来了。"),
    ("cashier", "顾客觉得会员价没打折，我把账单打印出来给他看折扣在哪一行，又帮他把积分换成了一张优惠券。"),
    ("cashier", "有个年轻人说我找的零钱里有假币，我请店长过来，用验钞机一张张过，最后是真的，他也接受了。"),
    ("cashier", "晚高峰一位大叔急着走，说找零不对，我先道歉，把他买的东西重新扫一遍，少找的八块钱当场给了。"),
    ("cashier", "一位顾客说团购券没抵扣，我查了收银记录，确实漏扫了，就退了差价，还把操作步骤写在了便签上。"),
    # rider: rain and traffic
    ("rider", "那天暴雨路上积水很深，我放慢车速，绕开了桥下那段路，提前给顾客打电话说会晚十分钟，他同意了。"),
    ("rider", "晚高峰堵在立交桥上，我看导航换了条小路，骑到小区门口超时两分钟，我当面道歉，顾客没投诉。"),
    ("rider", "下大雨那次我把餐用塑料袋包了两层，戴好头盔慢慢骑，红灯照样停，送到时汤一点没洒。"),
    ("rider", "有一单快超时了，我先联系顾客说明情况，又请站点把后面两单转给同事，这一单准时送到了。"),
    ("rider", "路上电瓶车没电了，我推车走到最近的换电柜换了电池，同时给客人发消息，晚了五分钟送到。"),
    ("rider", "台风天商家出餐慢，我在店里等的时候就规划好路线，出餐后走主干道，没走小巷，二十分钟送到。"),
    ("rider", "那次雨太大看不清路，我停在屋檐下等了三分钟，跟顾客说明后再走，到了楼下他自己下来拿了。"),
    ("rider", "堵车时我没有逆行，而是把车停好，走过天桥把外卖送进写字楼，比预计时间还早了一分钟。"),
    ("rider", "接到一个远单时已经下雨了，我先把雨衣穿好，检查刹车，路上每个路口都减速，准时送到了。"),
    # vague but honest: general claims in sentences, leaning on the keywords (scored low, not gated)
    ("issue", "我们团队平时分工明确，大家沟通协调得很好，遇到急单都会主动加班，基本都能按时完成。"),
    ("issue", "遇到紧急订单的时候，我一般会先排一下优先级，再跟同事商量怎么分工，尽量按时交出去。"),
    ("cook", "高峰的时候我会提前备料，出餐按顺序来，生熟一定分开，用完的刀和砧板都要消毒，卫生不能马虎。"),
    ("cashier", "遇到顾客说找零不对，我会先道歉，再耐心解释，一起把账单重新核对一遍，一般都能说清楚。"),
    ("rider", "下雨天我会戴好头盔，减速慢行，红灯一定停，快超时的话就提前联系顾客说明一下情况。"),
    ("issue", "我们同事之间配合很默契，有事及时沟通，加班也没人抱怨，订单基本都是按时交的。"),
    ("cook", "卫生这块我们每天收工都消毒，冰箱里的东西天天看保质期，高峰期大家各管一摊，出餐不乱。"),
    ("rider", "我跑外卖三年了，路线都很熟，下雨就骑慢点，宁可超时几分钟也不闯红灯，顾客一般都理解。"),
    # motivation: reasons, not events
    ("motive", "因为我家就住在附近，上下班方便，以前在便利店干过两年，觉得理货这活我能干好，也想稳定下来。"),
    ("motive", "我喜欢把东西摆得整整齐齐的，以前在家里也是这样，觉得理货员挺适合我，希望能在这里长期干。"),
    ("motive", "孩子上小学了，我白天有空，想找份离家近又稳定的工作，超市排班比较规律，正好合适。"),
    ("motive", "我对零售一直有兴趣，之前在商场做过促销，觉得超市能学到进货和陈列的门道，以后想往店长发展。"),
    ("motive", "喜欢和顾客打交道，觉得这份工作有意义，超市环境也干净，希望能在这里长期发展。"),
    ("motive", "因为理货要细心，要对货架上的东西负责，我做事一向认真，希望在这里稳定发展。"),
]


def analyse(name: str, text: str) -> dict:
    return pipeline.analyze_transcript(text, QUESTIONS[name], "zh")


def test_the_tables_are_big_and_honest_answers_short():
    assert len(SALADS) >= 40 and len({s for _, s, _ in SALADS}) >= 12
    assert len(HONEST) >= 30 and all(35 <= len(t) <= 120 for _, t in HONEST), \
        [(len(t), t) for _, t in HONEST if not 35 <= len(t) <= 120]


@pytest.mark.parametrize("name,shape,text", SALADS, ids=[f"{n}-{s}" for n, s, _ in SALADS])
def test_keyword_salads_are_gated(name, shape, text):
    r = analyse(name, text)
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (text, r["overall"], r["reason_code"])
    assert "词语" in r["reason"]


@pytest.mark.parametrize("name,text", HONEST, ids=[f"{n}-{i}" for i, (n, _) in enumerate(HONEST)])
def test_honest_short_answers_are_scored(name, text):
    r = analyse(name, text)
    assert r["status"] == "scored", (text, r["reason_code"], r["reason"])
