"""A numbered template (第一，…；第二，…) with an invented rate in every step (set m, session 18): the clauses that only
count off the steps do not dilute its share of number clauses, so it goes to a person as template_numbers. A real
numbered answer whose numbers count things it names is still scored."""
import pytest

from functions.analyze import pipeline

STORM = {"text": "假如暴雨天店里进水了，货架底层的货泡了，顾客还在店里，你会怎么做？", "answer_seconds": 120,
         "competencies": [{"name": "安全意识", "weight": 0.4, "keywords": ["安全", "断电", "疏散", "防滑"]},
                          {"name": "应急处理", "weight": 0.35, "keywords": ["应急", "上报", "转移", "及时"]},
                          {"name": "服务", "weight": 0.25, "keywords": ["顾客", "解释", "安抚", "沟通"]}]}
STOCK = {"text": "请讲一次你在仓库发现库存数字对不上的经历，你是怎么查的，最后怎么解决的？", "answer_seconds": 120,
         "competencies": [{"name": "细致认真", "weight": 0.5, "keywords": ["盘点", "核对", "记录"]},
                          {"name": "责任心", "weight": 0.5, "keywords": ["上报", "主管", "原因"]}]}

TEMPLATES = [
    (STORM, "遇到这种情况，我会按照一断二疏三转四报的四步法处理。第一，在3分钟内完成断电，断电及时率100%；第二，疏散顾客，"
            "疏散到位率100%；第三，转移货物，转移完成率达到99%；第四，在10分钟内上报店长，上报及时率100%。通过以上措施，"
            "确保安全零事故，顾客满意度达到98%以上，损失降低60%。"),
    (STOCK, "首先，我用2小时完成全面盘点，盘点准确率达到100%；其次，核对记录，核对覆盖率100%；然后，分析原因，"
            "问题定位率提升80%；最后，及时上报主管，上报及时率100%，库存差异率下降90%，主管满意度达到99%。"),
]

HONEST = [
    (STORM, "第一，先把总闸拉了，水已经快到插座了；第二，让两个还在挑东西的阿姨从后门走，门口铺了纸板；第三，"
            "底层的米和纸巾我跟同事先搬到收银台后面，泡了的那六箱单独放；最后给店长打电话，拍了照片发群里，等水退了再清点。"),
    (STOCK, "去年十月盘点，洗衣液系统里是四十箱，架上只有三十六箱。第一，我翻了那一周的出库单，发现有一张四箱的调拨单没录；"
            "第二，给隔壁门店打电话，他们确实收到了四箱；最后我补录了调拨单，跟主管说了原因，以后调拨当天就录。"),
]


@pytest.mark.parametrize("question,text", TEMPLATES)
def test_numbered_template_goes_to_a_person(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert (r["status"], r["reason_code"]) == ("needs_review", "template_numbers"), (r["status"], r.get("overall"))


@pytest.mark.parametrize("question,text", HONEST)
def test_real_numbered_answer_is_scored(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", (r["reason_code"], r.get("reason"))
    assert r["overall"] >= 50, r["overall"]
