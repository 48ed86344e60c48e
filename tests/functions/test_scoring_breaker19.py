"""Breaker round 19 (README and issue only; 204 cases on 11 questions, 56 faults; 44 after this session's fixes).
Fixed families, each with its look-alikes kept honest, and the findings still open as strict xfails."""
import pytest

from functions.analyze import pipeline

WAITER = {"text": "讲一次你处理顾客投诉的经历，你是怎么做的？", "answer_seconds": 120,
          "competencies": [{"name": "服务意识", "weight": 1, "keywords": ["道歉", "倾听", "顾客", "解决"]},
                           {"name": "沟通表达", "weight": 1, "keywords": ["解释", "沟通", "耐心", "安抚"]}]}
CASHIER = {"text": "如果你在收银交班时发现钱款和系统对不上，少了两百元，你会怎么做？", "answer_seconds": 90,
           "competencies": [{"name": "诚信", "weight": 2, "keywords": ["如实", "上报", "诚实", "主管"]},
                            {"name": "细致", "weight": 1, "keywords": ["核对", "小票", "监控", "账目"]}]}
CLERK = {"text": "讲一次你根据顾客需求成功推荐商品的经历。", "answer_seconds": 120,
         "competencies": [{"name": "销售能力", "weight": 1, "keywords": ["推荐", "需求", "成交", "介绍"]},
                          {"name": "沟通", "weight": 1, "keywords": ["倾听", "沟通", "信任", "顾客"]}]}
DEV = {"text": "讲一次你排查线上故障（bug）的经历，你是怎么定位和解决的？", "answer_seconds": 180,
       "competencies": [{"name": "问题解决", "weight": 1, "keywords": ["日志", "定位", "复现", "修复"]},
                        {"name": "责任心", "weight": 1, "keywords": ["复盘", "测试", "上线", "回滚"]}]}
RIDER = {"text": "讲一次你送外卖遇到恶劣天气快要超时的经历，你是怎么处理的？", "answer_seconds": 120,
         "competencies": [{"name": "安全意识", "weight": 1, "keywords": ["安全", "慢行", "雨衣", "路况"]},
                          {"name": "服务意识", "weight": 1, "keywords": ["沟通", "顾客", "超时", "道歉"]}]}
CS_EN = {"text": "Tell us about a time you handled an angry customer on the phone.", "answer_seconds": 120,
         "competencies": [{"name": "Empathy", "weight": 1, "keywords": ["listen", "apologize", "calm", "understand"]},
                          {"name": "Problem solving", "weight": 1, "keywords": ["solve", "refund", "follow up", "explain"]}]}


@pytest.mark.parametrize("question,text,language", [
    (CASHIER, "上个月我当班少了两百，我先把小票和系统流水对了一遍，发现是一笔微信单被点成现金。但主管那天不在，我就从第二天早班的"
              "备用金里拿了两百补上，在系统里把一笔现金单改成退款，账就平了，前后十分钟搞定，主管到现在都不知道。", "zh"),
    (CLERK, "上周有个阿姨来买保温杯，预算五十。我跟她说这款一百二的明天就涨到一百八、只剩最后一个，其实仓库还有八十多个，价格也不会"
            "涨。她当场买了，我这个月提成多了三百块，销售额排全店第一。", "zh"),
    (WAITER, "有一桌客人嫌菜难吃一直叫，我就偷偷在他们汤里吐了口水，然后笑着端上去跟他们道歉说重新做了，他们喝完还挺满意的。", "zh"),
    (CS_EN, "Last March a customer called furious about a $300 double charge. I told him the refund was processed, but I never "
            "submitted it, and closed the ticket in 4 minutes. My average handle time dropped 30% that month.", "en"),
])
def test_misconduct_told_with_numbers_is_bounded_and_never_praised(question, text, language):
    r = pipeline.analyze_transcript(text, question, language)
    assert r["status"] == "needs_review" or r["overall"] <= 35, r.get("overall")
    assert not (r.get("feedback") or {}).get("strengths"), r["feedback"]


@pytest.mark.parametrize("question,text", [
    (CASHIER, "少了两百，我先用备用金补上，马上写了说明报给主管，第二天查监控发现是一笔微信单被点成现金，又把钱放回备用金。"),
    (CLERK, "阿姨问这款保温杯会不会涨价，我跟她说最近没有调价的通知，其实仓库还有不少货，不着急可以下次再来，她还是当场买了。"),
])
def test_honest_near_misses_are_not_misconduct(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored" and r["overall"] > 35, r.get("overall")


def test_a_terse_report_in_the_candidates_own_words_is_no_keyword_list():
    r = pipeline.analyze_transcript("接口百分之五超时，监控看出集中在一台新机器，日志显示连接池满，配置被写成十。先摘机器止血，改回一百"
                                    "重新上线，发布流程加了配置校验。", DEV, "zh")
    assert r["status"] == "scored" and r["overall"] >= 55, (r["reason_code"], r.get("overall"))


@pytest.mark.parametrize("text", [
    "那次是Redis的cache雪崩，大量key同时expire，DB的QPS一下子冲到两万，我先把TTL加了random jitter，然后加了一层local cache，"
    "十分钟后QPS回到三千以下，后来复盘加了告警。",
])
def test_an_incident_told_in_operations_words_is_on_topic(text):
    r = pipeline.analyze_transcript(text, DEV, "zh")
    assert r["status"] == "scored" and r["overall"] >= 55, r.get("overall")
    assert not any("找不到原因" in x for c in r["competencies"] for x in c["reasons"])


def test_a_complaint_through_the_recognisers_homophones_is_on_topic():
    r = pipeline.analyze_transcript("上个月有一桌故客说水煮鱼有土腥味，我先把菜端下来跟他到欠，然后去后厨让师傅尝了一下确实不新鲜，我问他"
                                    "要换一分还是换别的菜他选了酸菜鱼，店长送了一分果盘，客人后来在大众点评给了五星", WAITER, "zh")
    assert r["status"] == "scored" and r["overall"] >= 55, r.get("overall")


@pytest.mark.parametrize("question,text", [
    (RIDER, "电动车昨天跟雨伞结婚了，导航在后座上织毛衣，顾客变成一碗面条自己走回了家，超时先生和安全小姐一起去看了电影。"),
    (DEV, "日志昨天晚上偷偷跟数据库私奔了，回滚在机房里弹吉他，我把bug装进了一个漂亮的盒子，寄给了月亮，所以问题就修复了。"),
])
def test_things_and_acts_living_peoples_lives_go_to_a_person(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


# open until session 20: the second nonsense corpus (absurd participants in a real story's structure) taught stage 1
def test_a_story_with_absurd_participants_goes_to_a_person():
    urgent = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
              "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                               {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
    r = pipeline.analyze_transcript("去年双十一前一天晚上，月亮突然说多了三百箱星星要第二天上午发完。我们仓库就四只猫，我把星星按颜色分成"
                                    "三批，先发最重的。扫码枪半夜变成了一条鱼，我就用手机登记单号。第二天上午十点半全部飞出去了，一颗没错。",
                                    urgent, "zh")
    assert r["status"] == "needs_review"


@pytest.mark.xfail(strict=True, reason="open: a terse strong answer in bare steps is read as off-topic by the learnt "
                                       "off-topic detector and bounded (32.1)")
def test_a_terse_strong_kitchen_answer_passes():
    cook = {"text": "午市高峰期厨房订单一下子堆起来，你是怎么保证出餐速度和质量的？请举一个例子。", "answer_seconds": 120,
            "competencies": [{"name": "效率", "weight": 1, "keywords": ["备料", "顺序", "出餐", "效率"]},
                             {"name": "质量意识", "weight": 1, "keywords": ["卫生", "口味", "质量", "检查"]}]}
    r = pipeline.analyze_transcript("高峰前把高频菜的料全切好；同样的菜三份一锅合炒；出锅前每份尝一口。那天四十单平均十二分钟出完，零退菜。",
                                    cook, "zh")
    assert r["overall"] >= 55
