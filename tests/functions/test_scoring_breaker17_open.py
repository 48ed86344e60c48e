"""Breaker round 17 (README and issue only): the findings still open at the end of session 17, kept as strict
xfails so a fix is noticed (closing note of session 17). The fixed families have their own files: handled,
fantasy17, conduct17b, hearsay17, honest17, focus17, qvalid17."""
import pytest

from functions.analyze import pipeline

RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
RAIN = {"text": "如果你送外卖的路上突然下大雨，手上的订单快要超时了，你会怎么做？", "answer_seconds": 60,
        "competencies": [{"name": "安全意识", "weight": 0.5, "keywords": ["安全", "减速", "雨衣"]},
                         {"name": "责任心", "weight": 0.5, "keywords": ["联系", "顾客", "超时", "准时"]}]}
CASHIER = {"text": "你为什么想来我们超市做收银员？", "answer_seconds": 60,
           "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["稳定", "长期", "离家近"]},
                            {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "微笑", "服务"]}]}
KITCHEN = {"text": "讲一次你在后厨高峰期同时要出很多菜、忙不过来的时候，你是怎么处理的？", "answer_seconds": 90,
           "competencies": [{"name": "效率", "weight": 0.5, "keywords": ["出菜", "顺序", "备料"]},
                            {"name": "食品卫生", "weight": 0.5, "keywords": ["卫生", "生熟分开", "干净"]}]}
STOCK = {"text": "讲一次你在仓库发现库存数字对不上的经历，你是怎么查的，最后怎么解决的？", "answer_seconds": 90,
         "competencies": [{"name": "细致认真", "weight": 0.5, "keywords": ["盘点", "核对", "记录"]},
                          {"name": "责任心", "weight": 0.5, "keywords": ["上报", "主管", "原因"]}]}


# open until session 20: the second nonsense corpus's stage 1 reads it (a long answer: model.NONSENSE_DETECTOR_LONG)
def test_kitchen_nonsense_goes_to_a_person():
    r = pipeline.analyze_transcript("周六中午下来十几桌，我把锅放在冰箱里炒，让葱姜蒜自己排队走进盘子，生肉和熟肉吵了一架就分开了，"
                                    "一点半所有菜都飞到了客人嘴里，没有一道退菜。", KITCHEN, "zh")
    assert r["status"] == "needs_review", (r["status"], r.get("overall"))


@pytest.mark.xfail(strict=True, reason="open: a jumble of the question's own work words has no impossible act the "
                                       "readers see (sets k and l missed the same kind)")
def test_work_word_jumble_goes_to_a_person():
    r = pipeline.analyze_transcript("打包的订单把快递安排了扫码，仓库在客户的批次里加班，单号协调了目的地，同事按时补录了凌晨，"
                                    "优先级发完了箱子。", RUSH, "zh")
    assert r["status"] == "needs_review", (r["status"], r.get("overall"))


@pytest.mark.xfail(strict=True, reason="open: the whole-answer situation reader reads another job's rush or complaint "
                                       "story as near the asked situation")
@pytest.mark.parametrize("question,text", [
    (RUSH, "我以前在驾校当教练，有一次三十个学员同一天考科目三，考场只给了半天。我把学员按熟练程度分成三组，熟练的先考，"
           "我自己提前一天带每组跑了两遍考试路线，最后二十八个人一次通过。"),
    (STOCK, "以前我在餐厅做服务员，有次一桌客人等菜等了四十分钟很生气，我先给他们倒了茶道歉，去后厨发现是漏单，让厨房先做，"
            "十五分钟上齐，经理打了八折，客人后来成了常客。"),
])
def test_another_jobs_story_stays_under_the_pass_line(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored" and r["overall"] < 60, (r["status"], r.get("overall"))


@pytest.mark.xfail(strict=True, reason="open: the wording model, 没办法 read as reluctance and no 我 keep a plain "
                                       "on-topic plan near 0")
def test_a_plain_rain_plan_is_scored_as_a_plain_answer():
    r = pipeline.analyze_transcript("下雨就慢慢骑呗，超时就超时，扣钱也没办法，命比钱重要。到了跟人家说一声不好意思。", RAIN, "zh")
    assert r["status"] == "scored" and r["overall"] >= 30, (r["status"], r.get("overall"))


@pytest.mark.xfail(strict=True, reason="open: a plain real reason ties with a cliché motivation answer")
def test_a_plain_real_reason_beats_a_cliche():
    plain = pipeline.analyze_transcript("想找份工作，离家近，我以前在菜市场帮我妈卖过菜，算账还挺快的。", CASHIER, "zh")
    cliche = pipeline.analyze_transcript("因为贵公司是一家很有发展前景的公司，我非常认同公司的企业文化，希望能在这里实现自己的价值，"
                                         "和公司共同成长。", CASHIER, "zh")
    assert plain["overall"] >= cliche["overall"] + 10, (plain["overall"], cliche["overall"])


@pytest.mark.xfail(strict=True, reason="open: the shipped model gives the result feature no weight; a short complete "
                                       "rush story stays under 60")
def test_a_short_strong_rush_story_passes():
    r = pipeline.analyze_transcript("上个月奶茶店来了个两百杯的团单，一个小时要。我把四个人分成煮茶、封口、打包三段，我负责对单，"
                                    "五十分钟送出去了。", RUSH, "zh")
    assert r["status"] == "scored" and r["overall"] >= 60, (r["status"], r.get("overall"))
