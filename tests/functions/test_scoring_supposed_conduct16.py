"""A misdeed said as a supposition is the speaker arguing against it, not confessing it (contrary._supposed).

Family (set j, session 16: a strong answer capped at 35 because the agent told the landlord that concealing the
leak would bring disputes later): a conduct phrase under a condition (要是/如果/万一/一旦…), with 的话 after it, or
followed by the consequence it would bring (…以后也要扯皮, …到时候肯定出事). Real deeds, including ones followed
by what happened later, stay counter-evidence. Every answer here was written for this test.
"""
import pytest

from functions.analyze import pipeline

HONESTY = {"text": "请讲一次你在工作中发现问题、需要对顾客或领导如实说明的经历，你是怎么做的？", "answer_seconds": 120,
           "competencies": [{"name": "诚信", "weight": 0.5, "keywords": ["如实", "说明", "主动"]},
                            {"name": "沟通能力", "weight": 0.5, "keywords": ["沟通", "解释", "顾客"]}]}
RIDER = {"text": "请讲一次你送外卖时时间特别赶的经历，你是怎么做的，结果怎样？", "answer_seconds": 120,
         "competencies": [{"name": "安全意识", "weight": 0.5, "keywords": ["安全", "头盔", "红灯"]},
                          {"name": "执行力", "weight": 0.5, "keywords": ["按时", "路线", "安排"]}]}

SUPPOSED = [
    (HONESTY, "上个月我们店进的一批酸奶，我盘点的时候发现有六盒只剩一天保质期。老板说先放着卖，我跟他说要是瞒着顾客卖出去，"
              "万一有人吃坏肚子更麻烦。后来我把这六盒单独放在特价区，贴了临期的标签，当天下午就卖完了，也没有人投诉。"),
    (HONESTY, "有一次我给客户报价的时候把运费算漏了，少算了八十块。我想了一下，瞒着客户的话，发货的时候肯定说不清，"
              "所以当天就打电话跟客户说明了，跟他道了歉，运费我们店承担一半，客户挺理解的，后来又下了两次单。"),
    (HONESTY, "那次盘点少了一箱洗衣液，同事说干脆把账改一下。我说瞒下来以后也要出事，我就把监控调出来看，"
              "发现是送货的少送了一箱，我拍照发给供应商，第二天他们就补过来了，账也对上了。"),
    (RIDER, "那天中午十二点多我手上有五单，离最后一单超时只剩十分钟。我心里想，如果闯红灯，出了事故更耽误，"
            "所以我还是在路口等了，先给顾客打电话说会晚五分钟，又把剩下几单按顺路重新排了，最后只有一单晚了三分钟。"),
]

# telling someone about goods near their date is not deceiving them (the phrase 过期……跟他说 read it so)
HONEST_EXPIRY = [
    (HONESTY, "上个月我们店进的一批酸奶，我盘点的时候发现有六盒离过期只剩一天。我跟店长说了，他让我单独放在特价区，"
              "我贴了临期的标签，跟每个拿的顾客都说明了日期，当天下午就卖完了，也没有人投诉。"),
    (HONESTY, "那天有位阿姨拿了两袋快过期的面包，我跟她说这两袋明天就到期了，建议她拿后面新到的，她很感谢，还办了会员卡。"),
]

DEEDS = [
    (HONESTY, "上个月盘点少了一箱洗衣液，我怕店长骂我，就瞒着店长把账改平了，以后也没人发现。"),
    (RIDER, "那天单子太多，我闯了两个红灯，后来准时送到了，顾客还给了好评。"),
    (HONESTY, "那次我瞒着顾客把快过期的面包当新鲜的卖了，以后他也没再来。"),
]


@pytest.mark.parametrize("question,text", SUPPOSED)
def test_a_misdeed_said_as_a_supposition_is_not_counter_evidence(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    said = " ".join(reason for c in r["competencies"] for reason in c["reasons"])
    assert "反面信息" not in said, said
    assert r["overall"] >= 45, (r["overall"], said)   # above the cap of counter-evidence (35)


@pytest.mark.parametrize("question,text", HONEST_EXPIRY)
def test_telling_someone_about_goods_near_their_date_is_not_deceiving_them(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    said = " ".join(reason for c in r["competencies"] for reason in c["reasons"])
    assert r["status"] == "scored" and "反面信息" not in said, said


@pytest.mark.parametrize("question,text", DEEDS)
def test_a_misdeed_told_as_done_stays_counter_evidence(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    said = " ".join(reason for c in r["competencies"] for reason in c["reasons"])
    assert "反面信息" in said, said
    assert r["overall"] <= 40, (r["overall"], said)
