"""Breaker round 14 (fix14j): surreal nonsense made of real words — things that act like people (扫把在屋顶上唱歌), tastes
and shapes compared between unrelated things (白菜比冰箱更圆), cooking what is not food or folding a person (把桌子炒熟,
把顾客叠成两半), time words used as places (寄给了后天的走廊, 放在周末的里面) — is sent to a person (gates.surreal_acts);
honest answers with everyday metaphors (忙得像陀螺, 心里像打鼓, 人山人海) stay scored. All texts written for this test."""
import re
from functools import lru_cache
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, gates
from models.scorer import dataset

ROOT = Path(__file__).resolve().parents[2]
QUESTION = {"text": "请讲一次你在工作中遇到紧急情况的经历，你是怎么处理的？", "answer_seconds": 120,
            "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级"]},
                             {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "同事", "分工"]}]}
PUNCT = re.compile(r"[\s，。、！？；：,.!?;:“”‘’\"'（）()…—·《》]+")
HONEST_KINDS = ("strong", "short_strong", "good", "adequate", "vague", "vague_long", "poor", "asr_unpunctuated",
                "dialect_or_tech", "case_variant")

# several trades, typed, without punctuation (as the recogniser writes) and with real work words mixed in
SURREAL = [
"周二的扫把在屋顶上唱歌，所以白菜比冰箱更圆一点，我们把桌子炒熟以后寄给了后天的走廊。",
"收银台的太阳跳进了口袋的中午，排队的声音比价格还要甜。我把顾客叠成两半，放在周末的里面，电脑就开始跳舞了。",
"账本正在河里洗澡，所以星期四比梨更轻。仓库的彩虹把纸箱卷起来，送给了去年的信封。",
"昨天的锅铲在冰箱里睡觉，菜单比月亮还要咸，我把订单煮熟了端给了下周的楼梯。",
"货架上的星期三哭了一整天，托盘比空气更香，我们把叉车叠起来寄给了明年的窗户。",
"外卖箱在马路上跳舞，红绿灯比西瓜还软，我把电动车炖了两个小时，送给了上个月的电梯。",
"打印机昨天在会议室里做梦，表格比石头更甜，我把文件煎熟以后交给了星期五的门口。",
"收银机在柜台后面偷偷笑，零钱比香蕉更圆，我把小票蒸熟了塞进了去年的袋子里。",
"方向盘在后座上唱歌，油箱比云朵还轻，我把乘客折成三折，开进了周日的隧道里面。",
"面团在烤箱里跳舞，盐比冬天更甜，我把围裙炒熟了端给明天的灶台。",
"客服电话在抽屉里睡觉，投诉比棉花还香，我把耳机煮了一锅，寄给了上周的键盘。",
"前台的钥匙在沙发上哭，房卡比苹果更酸，我把客人卷成一团，放进了星期一的电梯。",
"代码在服务器里洗澡，数据库比蛋糕还甜，我把接口炒了两遍，发给了后年的屏幕。",
"盘子在桌子上唱歌，筷子比星星更咸，我把服务员叠成两半，端给了昨天的厨房。",
"快递单在屋顶上跳舞，包裹比雨水还酸，我把分拣机蒸熟了，寄给了去年的门牌。",
"保安亭的月亮在喝茶，监控比糖果还甜，我把大门煮软了放进了下个月的口袋。",
"洗发水在镜子里睡午觉，剪刀比面包更软，我把顾客的头发炒熟，寄给了星期六的椅子。",
"拖把在楼道里唱歌，垃圾桶比蜂蜜还甜，我把地板卷起来送给了前天的窗帘。",
"合同在海边晒太阳，价格比枕头更圆，我把客户折起来塞进了明年的抽屉里面。",
"库存表在天花板上跳舞，仓库比柠檬还酸，我把货车蒸了一个小时，送给了周四的台阶。",
# without punctuation (as speech recognition writes it)
"周二的扫把在屋顶上唱歌所以白菜比冰箱更圆一点我们把桌子炒熟以后寄给了后天的走廊",
"收银台的太阳跳进了口袋的中午排队的声音比价格还要甜我把顾客叠成两半放在周末的里面电脑就开始跳舞了",
"账本正在河里洗澡所以星期四比梨更轻仓库的彩虹把纸箱卷起来送给了去年的信封",
"那个冰柜在门口哭然后牛奶比椅子更圆就是我把收银条煮熟了寄给了下周三的楼梯",
"嗯电饭锅在阳台上跳舞然后米饭比手机还要轻我把厨师叠了两下放进了明天的中午",
"叉车在月亮上游泳货架比糖还甜我把托盘炒了一下送给了去年冬天的门",
"骑手的头盔在树上唱歌订单比蛋糕还软我把电动车煎了一下寄给了周末的隧道",
"打卡机在水里睡觉工资条比葡萄还酸我把考勤表蒸熟以后交给了后天的走廊",
"然后那个键盘在天上飞着唱歌文档比西瓜更圆我把会议煮了一锅送给了上个月的窗户",
"我们店的招牌在河边洗澡价格标签比橙子还甜我把货架叠成两半放进了星期天的口袋",
# mixed with real work words
"我负责收银，周二的扫把在屋顶上唱歌，所以找零比冰箱更圆，我把发票炒熟以后寄给了后天的走廊。",
"我在仓库做了三年，托盘在河里洗澡，所以库存比梨更轻，叉车的彩虹把纸箱卷起来送给了去年的信封。",
"那天客人很多，菜单在天花板上跳舞，汤比椅子还圆，我把服务员折起来端给了下周二的门口。",
"我当时是店长，货架上的周末在哭，价格比棉花更甜，我把顾客叠成两半，放进了明天的收银台。",
"我是外卖骑手，红绿灯在屋顶上睡觉，路线比香蕉还软，我把订单煮熟了送给了去年的楼道。",
"我做客服两年了，电话线在海里游泳，投诉比糖果还甜，我把耳机炖了一锅，寄给了星期三的屏幕。",
"我们厨房很忙，菜刀在冰箱里唱歌，锅比云还轻，我把灶台折成三折，寄给了后天的盘子。",
"我跟同事一起理货，纸箱在天上跳舞，扫描枪比苹果更酸，我们把货单蒸熟以后放进了周五的里面。",
"前台接待那天，沙发在电梯里哭，房卡比蜂蜜还甜，我把行李煎熟送给了上周日的走廊。",
"我开车送货的时候，车灯在河里洗澡，油价比面包还软，我把乘客卷起来放在了明年的后备箱里面。",
"我在超市上班，冷柜在门口唱歌，鸡蛋比桌子更圆，我把会员卡炒熟了寄给了星期八的楼梯。",
"我们仓库的月亮在货架上跳舞，星期二比西瓜还重，我把叉车叠成两半，寄给了昨天的窗户。",
"我在奶茶店做饮品，吸管在屋顶上睡觉，珍珠比石头还软，我把杯子煮熟了送给了去年的中午。",
"我做行政的，复印纸在河里游泳，会议比橘子还酸，我把文件柜折起来放进了后天的抽屉里面。",
"我们装修队的墙在唱歌，瓷砖比牛奶更甜，我把水管炒了一盘，寄给了下个月的阳台。",
"我是保洁，抹布在天花板上哭，玻璃比糖还软，我把楼道煮熟了送给了星期四的电梯。",
"我在药店上班，药盒在柜台上跳舞，处方比苹果还圆，我把顾客折成两半放进了周末的抽屉里。",
"我做销售的，样品在河里睡觉，合同比蛋糕还甜，我把客户炒熟以后寄给了去年的会议室。",
]

HONEST_LINES = [
"那天中午店里人山人海，我忙得像陀螺一样，先把排队的顾客分成两队，一队只结账，一队办会员，半小时就排完了。",
"第一次一个人值夜班，我心里像打鼓一样，但还是按流程把仓库的门窗和冷柜温度都查了一遍，记在本子上。",
"我先给那位阿姨道歉，又给她换了一份新的，还送了一杯豆浆，顾客的火气一下就下去了，走的时候还跟我说谢谢。",
"双十一那天订单像雪花一样飞过来，我们四个人分工，我负责打单，小李贴标签，晚上十点全部发完了。",
"那台打印机老是罢工，我就把纸重新放了一遍，清了一下卡纸，后来每天早上开店前先试打一张。",
"后厨那天热得像蒸笼，我把出菜的顺序排了一下，凉菜先出，热菜按桌号走，一个小时出了四十多桌。",
"客人嗓门大得像打雷，我没跟他吵，先请他坐下喝口水，把账单一项一项对给他看，最后他自己也笑了。",
"月底盘点的时候账对不上，我脑子嗡的一下，后来一箱一箱重新数，发现是两箱饮料放错了货架。",
"那个月我们店的生意火得不得了，我每天早上六点到店，先把面发上，再把馅调好，七点准时开门。",
"电脑突然死机，收银台前面排了一长串人，我就先用计算器手工算账，写小票，等系统好了再补录进去。",
"顾客说我们的蛋糕比上次甜了一点，我去问了师傅，原来是换了一批糖，我们后来把配方调回去了。",
"我们车间的机器一开起来吵得像放鞭炮，我就跟组长商量，大家戴耳塞，用手势和对讲机沟通。",
"那天雨下得跟瓢泼一样，我送外卖的时候把餐盒用塑料袋多包了一层，十二单都没有洒，准时送到了。",
"新来的同事手忙脚乱，我就让她先跟着我看两天，告诉她冷柜的东西要先进先出，第三天她就自己上手了。",
"这批西瓜比上一批甜，卖得特别快，我跟店长说了以后，下午又从仓库调了三十个出来。",
"老板脾气火爆，那天当着客人的面就发火，我等客人走了以后才跟他说清楚，是供货商送晚了。",
"周二的订单特别多，我把周三能送的先往后排，把急的放在最前面，下午五点前都送出去了。",
"早上的菜市场热闹得像过年，我一个人看两个摊位，就把价格牌写大一点，客人自己看价，我只管称重收钱。",
"客户一听要等三天，脸一下子就拉下来了，我马上打电话问了另一个仓库，第二天就给他调到了货。",
"我把顾客的衣服叠好放进袋子里，又把小票夹在里面，跟她说七天之内可以来换，她挺满意的。",
]


def run(text, question=QUESTION):
    return pipeline.analyze_transcript(text, question, "zh", scorer_version="default-8")


def is_surreal_gate(r) -> bool:
    return r["status"] == "needs_review" and r["reason_code"] == "nonsense" and "不可能发生" in r["reason"]


@pytest.mark.parametrize("text", [
    "收银台的太阳跳进了口袋的中午，排队的声音比价格还要甜。我把顾客叠成两半，放在周末的里面，电脑就开始跳舞了。",
    "账本正在河里洗澡，所以星期四比梨更轻。仓库的彩虹把纸箱卷起来，送给了去年的信封。",
    "收银台的太阳跳进了口袋的中午排队的声音比价格还要甜我把顾客叠成两半放在周末的里面电脑就开始跳舞了",
    "我在仓库做了三年，托盘在河里洗澡，所以库存比梨更轻，叉车的彩虹把纸箱卷起来送给了去年的信封。",
])
def test_surreal_nonsense_goes_to_a_person(text):
    r = run(text)
    assert is_surreal_gate(r), (r["status"], r.get("reason_code"), r.get("overall"))
    assert r["overall"] is None


def test_most_of_a_generated_surreal_family_is_gated():
    gated = sum(run(t)["reason_code"] == "nonsense" for t in SURREAL)
    assert len(SURREAL) >= 40
    assert gated >= 0.85 * len(SURREAL), f"{gated}/{len(SURREAL)}"


@pytest.mark.parametrize("line", HONEST_LINES)
def test_honest_metaphors_stay_scored(line):
    for text in (line, PUNCT.sub("", line)):
        r = run(text)
        assert r["status"] == "scored", (text, r.get("reason_code"))
        assert r["overall"] is not None


@lru_cache(maxsize=None)
def honest_answers() -> tuple:
    folders = [ROOT / "models/scorer/data"] + [ROOT / f"models/scorer/eval/unseen-roles-{x}" for x in "abcdefgh"]
    return tuple(a for f in folders for a in dataset.load(f)
                 if a.language == "zh" and (a.kind in HONEST_KINDS or (a.kind or "").startswith("padded")))


def test_no_honest_answer_reads_as_surreal_typed_or_unpunctuated():
    """Every honest zh answer of data and sets a-h, typed and with punctuation stripped: the gate never fires."""
    fired = []
    for a in honest_answers():
        for text in (a.text, PUNCT.sub("", a.text)):
            n, kinds, acts = gates.surreal_acts(features.analyse([{"word": text}], "zh", a.question))
            if n >= gates.SURREAL_MIN and kinds >= gates.SURREAL_KINDS:
                fired.append((a.id, acts))
    assert len(honest_answers()) > 500
    assert fired == []


def test_one_odd_turn_of_phrase_is_not_enough():
    # a single odd act in an otherwise honest story (a joke about the printer) stays scored
    r = run("那台打印机天天在角落里唱歌，我就叫了维修师傅来修，换了一个零件，下午三点以后就能正常打印了，"
            "我们按时把二十份合同打完交给了客户。")
    assert r["status"] == "scored"
