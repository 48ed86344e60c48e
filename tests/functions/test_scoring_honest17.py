"""Honest answers breaker 17 found scored wrong, and their families (session honest17).

1. Latin tool names in Chinese answers (Excel, SUMIF, VLOOKUP, WPS, in any case or width) and a job done faster
   (以前要两个小时，后来半小时就好了) were not credited:
   - text.mark_copied counted a Latin word letter by letter, so the five letters of `excel` the question names were
     a read-back span on their own and 用Excel做表格 said nothing; a Latin run is now one symbol;
   - the before → after clauses read as an aside by meaning and were dropped; a time saving (time_saved.py) now ends
     the story as its result, its durations are concrete facts (not 没有落到具体的事情上), and it is evidence for an
     efficiency competency (效率意识, 时间管理…);
   - a tool competency (its terms name software in Latin letters) is shown by any software or function the candidate
     names in Latin letters (wps, sumif, erp).
2. A situational answer that says the question's topic in a near word (下雨 for 下大雨) was "关系不大"
   (features._near_question: word vectors ≥ 0.7).
3. A complaint told as what the customer said was wrong (客人说汤凉了) is the complaint asked about (focus._FAULT_SAID).
4. A short result without 就 (五十分钟送出去了) or by a clock time in run-on speech (十二点二十就弄好了骑手拿走了对就这样),
   and a customer's silence after the fix (他就没再说什么了), are results.
"""
import json
import re
from pathlib import Path

import pytest

from functions.analyze import pipeline

Q_EXCEL = {"text": "讲一次你用Excel整理数据、提高工作效率的经历。", "answer_seconds": 90,
           "competencies": [{"name": "办公技能", "weight": 0.6, "keywords": ["Excel", "表格", "公式", "VLOOKUP"]},
                            {"name": "效率意识", "weight": 0.4, "keywords": ["效率", "节省时间"]}]}
Q_RAIN = {"text": "如果你送外卖的路上突然下大雨，手上的订单快要超时了，你会怎么做？", "answer_seconds": 60,
          "competencies": [{"name": "安全意识", "weight": 0.5, "keywords": ["安全", "减速", "雨衣"]},
                           {"name": "责任心", "weight": 0.5, "keywords": ["联系", "顾客", "超时", "准时"]}]}
Q_COMPLAINT = {"text": "讲一次你在餐厅处理顾客投诉的经历，你是怎么做的，结果怎样？", "answer_seconds": 90,
               "competencies": [{"name": "服务意识", "weight": 0.6, "keywords": ["顾客", "道歉", "耐心", "赔偿"]},
                                {"name": "沟通表达", "weight": 0.4, "keywords": ["倾听", "沟通", "解释"]}]}
Q_RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
          "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                           {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
Q_TIME = {"text": "讲一次你想办法提高工作效率的经历。", "answer_seconds": 90,
          "competencies": [{"name": "时间管理", "weight": 1.0, "keywords": ["效率", "安排"]}]}


def run(text: str, question: dict) -> dict:
    return pipeline.analyze_transcript(text, question, "zh")


def comp(r: dict, name: str) -> dict:
    return next(c for c in r["competencies"] if c["name"] == name)


def reasons(r: dict, name: str) -> str:
    return " ".join(comp(r, name)["reasons"])


X1 = "我每天用Excel做表格，用公式算工资，以前要两个小时，后来半小时就好了。"
Q7_STRONG = ("以前在物流公司做文员，每天要把三个网点发来的表合成一张，手工复制粘贴要一个多小时。我用VLOOKUP按运单号把三张表"
             "对起来，再用数据透视表按网点汇总，做成模板以后每天十分钟就弄完了，错单也少了很多。")
SPACE = "我在超市做过统计，每周把销售数据导出来放进 Excel，用 SUMIF 按品类求和，原来半天的活一个小时就做完了。"

# the same short answer in every writing of the tool's name
EXCEL_FORMS = [X1, X1.replace("Excel", "excel"), X1.replace("Excel", "ＥＸＣＥＬ"), X1.replace("Excel", "EXCEL"),
               "我每天用WPS表格做工资表，用公式算工资，以前要两个小时，后来半小时就好了。",
               "我每天用電子表格做報表，用公式算工資，以前要兩個小時，後來半小時就好了。"]


@pytest.mark.parametrize("text", EXCEL_FORMS)
def test_short_excel_answer_is_adequate_and_its_reasons_are_true(text):
    r = run(text, Q_EXCEL)
    assert r["status"] == "scored"
    assert r["overall"] >= 42, r["overall"]
    office, eff = reasons(r, "办公技能"), reasons(r, "效率意识")
    assert "没有说到与“办公技能”相关的具体做法" not in office
    assert "没有说到与“效率意识”相关的具体做法" not in eff
    assert "没有落到具体的事情上" not in office + eff
    assert "笼统（如“工资”）" not in office + eff


def test_case_and_width_of_the_tool_name_do_not_move_the_score():
    scores = [run(t, Q_EXCEL)["overall"] for t in EXCEL_FORMS[:4]]
    assert max(scores) - min(scores) <= 1.0, scores


@pytest.mark.parametrize("text", [
    SPACE, SPACE.replace(" ", ""), SPACE.replace(" Excel", "excel").replace(" SUMIF ", "sumif"),
    SPACE.replace(" Excel", "ＥＸＣＥＬ").replace(" SUMIF ", "ＳＵＭＩＦ")])
def test_latin_function_names_are_office_evidence(text):
    r = run(text, Q_EXCEL)
    assert r["overall"] >= 50, r["overall"]
    office = reasons(r, "办公技能")
    assert "没有说到与“办公技能”相关的具体做法" not in office
    # quoted as the candidate said it (SUMIF, ＳＵＭＩＦ, sumif), matched whatever the case and width
    said = re.search(r"sumif", text, re.I) or re.search("ＳＵＭＩＦ", text)
    assert said.group(0) in office
    assert "没有说到与“效率意识”相关的具体做法" not in reasons(r, "效率意识")


@pytest.mark.parametrize("text", [Q7_STRONG, Q7_STRONG.replace("VLOOKUP", "vlookup"),
                                  Q7_STRONG.replace("VLOOKUP", "ＶＬＯＯＫＵＰ")])
def test_strong_vlookup_story_shows_efficiency(text):
    r = run(text, Q_EXCEL)
    assert r["overall"] >= 65, r["overall"]
    eff = comp(r, "效率意识")
    assert eff["score"] >= 55, eff
    assert "没有说到与“效率意识”相关的具体做法" not in " ".join(eff["reasons"])


# other roles and wordings: a job done faster after the candidate's change, on an efficiency competency
SAVINGS = [
    (Q_TIME, "以前我们仓库盘点要一整天，我把货架按区编了号，用扫码枪一排一排扫，后来三个小时就盘完了。"),
    (Q_TIME, "原来每天对账要一个多小时，我做了个ERP导出的模板，现在二十分钟就对完了。"),
    (Q_TIME, "我在奶茶店负责备料，本来早上备料要四十分钟，我把配料提前一晚分好装盒，第二天十五分钟就弄好了。"),
    (Q_TIME, "之前排班表手工写要半天，我用WPS做了个表，每周一个小时就排好了，店长说省了不少事。"),
    (Q_EXCEL, "我以前在财务室帮忙，报销单手工登记要两天，我用Excel的筛选和SUMIFS按部门汇总，后来半天就做完了。"),
]


@pytest.mark.parametrize("question,text", SAVINGS)
def test_time_saved_is_efficiency_evidence(question, text):
    r = run(text, question)
    assert r["status"] == "scored"
    name = question["competencies"][-1]["name"]
    said = reasons(r, name)
    assert f"没有说到与“{name}”相关的具体做法" not in said, said
    assert "…" in said    # the saving quoted in the candidate's own durations


# near-misses: no saving (one duration, longer after, a trip, a promise, negated) and a list of the tools
NEAR_MISS_EFFICIENCY = [
    "我效率很高，以前要两个小时的活，现在很快就做完了，大家都说我效率高。",
    "我每天用表格算工资，以前要两个小时，后来要三个小时了，因为人多了。",
    "以前我上班路上要一个小时，现在搬家了十分钟就到了。",
    "以前要两个小时，以后我争取半小时就能好。",
]


@pytest.mark.parametrize("text", NEAR_MISS_EFFICIENCY)
def test_no_saving_no_efficiency_credit(text):
    from functions.analyze.scoring import features, time_saved
    a = features.analyse([{"word": text}], "zh", Q_EXCEL)
    _, _, det = a.competencies[1]
    assert not any("…" in term for term in det["said"]), det["said"]
    assert time_saved.savings(features._clause_tokens(a.seg), [True] * len(a.seg.clauses)) == [] or \
        "以后我争取" not in text


def test_tool_list_still_gated():
    r = run("Excel、表格、公式、VLOOKUP、效率、节省时间、数据透视表、SUMIF、宏。", Q_EXCEL)
    assert r["status"] == "needs_review"


def test_parroting_the_question_with_excel_is_still_copied():
    from functions.analyze.scoring import text
    seg = text.segment("我用Excel整理数据提高工作效率", "zh", question=Q_EXCEL["text"])
    assert all(t.copied for t in seg.tokens if t.text in ("excel", "整理", "数据"))
    seg = text.segment("我每天用Excel做表格", "zh", question=Q_EXCEL["text"])
    assert not any(t.copied for t in seg.tokens)


def test_savings_reader():
    from functions.analyze.scoring import time_saved
    assert [d[2] for d in time_saved.durations("原来半天的活一个小时就做完了")] == [240.0, 60.0]
    assert [d[2] for d in time_saved.durations("一个半小时十五分钟第二天")] == [90.0, 15.0]
    assert time_saved.efficiency_competency("效率意识", [])
    assert time_saved.efficiency_competency("执行力", ["节省时间"])
    assert not time_saved.efficiency_competency("服务意识", ["顾客", "道歉"])


# 2. on topic in a near word
RAIN_PLAIN = "下雨就慢慢骑呗，超时就超时，扣钱也没办法，命比钱重要。到了跟人家说一声不好意思。"


@pytest.mark.parametrize("text", [
    RAIN_PLAIN,
    "下雨了就先找地方穿雨衣，路滑骑慢点，晚了就给顾客打电话说一声。",
    "刮风下雨我都是慢慢骑，宁可晚几分钟，到了跟人家道个歉。",
    "碰到暴雨我会先停下来穿好雨披，再慢慢骑过去，晚了就跟客人说声对不起。",
])
def test_rain_plan_is_on_topic(text):
    r = run(text, Q_RAIN)
    assert r["status"] == "scored"
    for c in r["competencies"]:
        assert "回答和题目关系不大" not in " ".join(c["reasons"]), c["reasons"]


def test_off_topic_stays_off_topic():
    r = run("我平时下班喜欢去打羽毛球，周末跟朋友一起去爬山，最近在学做饭，炒了个西红柿鸡蛋。", Q_RAIN)
    assert r["overall"] is None or r["overall"] <= 20


# 3. a complaint told in the customer's words
@pytest.mark.parametrize("text", [
    "客人说汤凉了，我马上端回去热，五分钟送回来，又送了一碟小菜，他就没再说什么了。",
    "顾客嫌面太咸，我跟厨房说了重新下一碗，十分钟端上去，她吃完说这次可以。",
    "有个客户反映外卖少了一杯饮料，我打电话过去道歉，马上补送了一杯，还送了张优惠券。",
    "一位阿姨说鱼不新鲜，我先跟她道歉，换了一条现杀的，又给她打了八折，她就不生气了。",
])
def test_complaint_without_complaint_words_is_the_situation(text):
    r = run(text, Q_COMPLAINT)
    assert r["status"] == "scored"
    assert "回答没有讲到这种情况" not in reasons(r, "服务意识")
    assert r["overall"] > 40, r["overall"]


def test_soup_answer_result_is_quoted():
    r = run("客人说汤凉了，我马上端回去热，五分钟送回来，又送了一碟小菜，他就没再说什么了。", Q_COMPLAINT)
    assert "没有说到最后的结果" not in reasons(r, "服务意识")
    assert r["overall"] >= 50, r["overall"]


@pytest.mark.parametrize("text", ["客人说要打包，我拿了两个盒子帮他装好，他就走了。",
                                  "客人说想坐窗边，我帮他换了个位子，又倒了杯茶。"])
def test_no_complaint_stays_bounded(text):
    r = run(text, Q_COMPLAINT)
    assert "回答没有讲到这种情况" in reasons(r, "服务意识")
    assert r["overall"] <= 35


# 4. short results
@pytest.mark.parametrize("text", [
    "上个月奶茶店来了个两百杯的团单，一个小时要。我把四个人分成煮茶、封口、打包三段，我负责对单，五十分钟送出去了。",
    "嗯那个就是我之前在那个奶茶店嘛就是有一次那个中午啊来了一个那个公司的单子要八十杯然后他们说十二点半之前要嗯我们当时就三个人嘛"
    "我就说那个小张你负责煮珍珠我来摇奶茶店长去封口和装袋然后就是十二点二十就弄好了骑手拿走了对就这样",
    "那天下午突然来了一百份盒饭的单，五点要。我叫上两个同事，一个打饭一个装盒，我负责贴单，四十分钟打包好了。",
    "有次超市搞活动来了三十箱货要上架，我和同事分了货架，我管饮料区，两点就摆完了然后店长来检查了嗯就这样",
])
def test_short_result_is_a_result(text):
    r = run(text, Q_RUSH)
    for c in r["competencies"]:
        assert "没有说到最后的结果" not in " ".join(c["reasons"]), c["reasons"]


@pytest.mark.parametrize("text", ["那次订单很急，我们等了五十分钟，后来也不知道怎么样了。",
                                  "有一次来了个急单，我想着五十分钟能做完吧，就开始做了。"])
def test_no_result_stays_without_result(text):
    r = run(text, Q_RUSH)
    assert all("说了具体结果" not in " ".join(c["reasons"]) for c in r["competencies"] or [])



def test_a_near_word_is_a_content_word_not_a_function_word():
    """Session 17: with NEAR_QUESTION at 0.7 and every word of the question, 知道 (0.77 to the question's 怎么) and 一样
    (0.71 to 时候) put a padded baking story on topic, and the padded answer rose above its source (set k, 70.6 →
    75.4). Only the question's content words count, at 0.8; 下雨 still says 大雨."""
    from functions.analyze.scoring import features, meaning
    from functions.analyze.scoring.text import Token
    meaning.warm_up()
    q = features._question_vectors({"怎么", "时候", "安排", "同事", "配合"}, set())
    assert len(q) == 4      # 怎么 is a function word of the question
    for word in ("知道", "一样"):
        assert not features._near_question(Token(word, "v", 0, 0), q)
    rain = features._question_vectors({"大雨", "外卖"}, set())
    assert features._near_question(Token("下雨", "v", 0, 0), rain)
