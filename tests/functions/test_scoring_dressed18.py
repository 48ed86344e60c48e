"""A keyword salad dressed as long sentences (session 18): the question's and HR's words jumbled into sentences that
say nothing, joined by 然后/所以 (sets k and l each had one the gates scored, 19.0–42.6). It goes to a person as a
keyword list; vague answers in HR's words that speak in the first person or give a view, and real stories without punctuation,
are still scored (a short impersonal string of HR's words was a keyword salad before this change and still is)."""
import pytest

from functions.analyze import pipeline

CHECKOUT = {"text": "请讲一次超市收银高峰期排长队的时候，你是怎么加快结账、安抚顾客的？", "answer_seconds": 120,
            "competencies": [{"name": "效率", "weight": 0.4, "keywords": ["收银速度", "高峰期", "排队", "扫码", "找零"]},
                             {"name": "服务", "weight": 0.3, "keywords": ["安抚", "耐心", "顾客", "解释", "微笑"]},
                             {"name": "协作", "weight": 0.3, "keywords": ["同事", "开通收银台", "配合", "沟通", "店长"]}]}
CARE = {"text": "请讲一次你照顾老人时发现他身体不舒服的经历，你是怎么观察、怎么处理的？", "answer_seconds": 120,
        "competencies": [{"name": "观察力", "weight": 0.4, "keywords": ["观察", "血压", "体温", "异常", "记录"]},
                         {"name": "应急处理", "weight": 0.3, "keywords": ["及时就医", "判断", "处理", "应急", "冷静"]},
                         {"name": "沟通", "weight": 0.3, "keywords": ["家属", "告知", "沟通", "医生", "耐心"]}]}
UPSELL = {"text": "请讲一次你向顾客推荐他原本没打算买的东西的经历，你是怎么判断他需要的，结果怎么样？", "answer_seconds": 120,
          "competencies": [{"name": "销售", "weight": 0.5, "keywords": ["推荐", "需求", "成交", "搭配", "促销"]},
                           {"name": "诚信", "weight": 0.5, "keywords": ["如实", "介绍", "价格", "信任", "顾客"]}]}

SALADS = [
    # the question's own negation and view (原本没打算) read back inside the salad are not the candidate's own
    (UPSELL, "推荐的搭配在顾客的需求里面判断了结果怎么样原本没打算买的东西就是促销的价格然后成交跟着价格去了信任在介绍的时候"
             "顾客如实了这个搭配然后推荐又判断了需求促销的价格的成交的信任需求的搭配在顾客的推荐里面"),
    (CHECKOUT, "高峰期的排队在收银速度里面配合了顾客的耐心然后店长把扫码安抚到解释的微笑结果找零就是同事的沟通去开通收银台了"
               "配合的耐心在排队里处理了顾客的速度所以高峰期的店长就扫码了排队的微笑同事的找零也安抚了"),
    (CHECKOUT, "高峰期的排队在收银速度里面配合了顾客的耐心，然后店长把扫码安抚到解释的微笑，结果找零就是同事的沟通去开通收银台了，"
               "配合的耐心在排队里处理了顾客的速度，所以高峰期的店长就扫码了排队的微笑，同事的找零也安抚了。"),
    (CARE, "老人的血压在观察体温的时候告知了异常然后记录就去判断了家属的冷静医生的应急在处理里面记录所以观察就是沟通的体温"
           "家属的血压也告知了一下判断观察都很耐心然后就是异常的沟通记录了医生的体温"),
]

HONEST = [
    # vague and short
    (CHECKOUT, "高峰期我会尽量加快收银速度，耐心跟顾客解释，需要的话请店长开通收银台。"),
    # vague, long, in the first person
    (CHECKOUT, "高峰期排队的时候我一般会保持耐心，我会跟顾客解释一下，然后和同事沟通配合，让店长开通收银台，我扫码找零都尽量"
               "快一点，服务态度很重要，微笑面对顾客，大家都会理解的。"),
    # vague, long, impersonal, but a view of the speaker's own
    (CARE, "照顾老人最重要的是观察，血压体温都要记录，发现异常要冷静判断，及时就医，告知家属，和医生沟通，处理的时候要耐心，"
           "我觉得应急的时候家属的配合也很重要，观察记录判断处理都要做好，所以这个工作要很细心。"),
    # a real story without punctuation (as the recogniser writes it)
    (CHECKOUT, "上个月周六下午五点我那台收银机前排了十几个人我先跟后面的阿姨说稍等两分钟然后用对讲机叫店长把三号台开了我这边只收"
               "现金和扫码把要办会员积分的请到另一台最后二十分钟队就排完了没有一个人投诉"),
]


@pytest.mark.parametrize("question,text", SALADS)
def test_dressed_salad_goes_to_a_person(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review", (r["status"], r.get("overall"))
    assert r["reason_code"] == "keyword_list"
    assert "关键词" in r["reason"]


@pytest.mark.parametrize("question,text", HONEST)
def test_vague_or_real_answer_in_hr_words_is_scored(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", (r["reason_code"], r.get("reason"))
    assert r["overall"] is not None and 0 <= r["overall"] <= 100
