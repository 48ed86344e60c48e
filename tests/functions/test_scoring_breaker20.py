"""Breaker round 20 (README and issue only; 160 cases on 8 questions, 38 faults). Fixed families, each with its
look-alikes kept honest, and the findings still open as strict xfails."""
import pytest

from functions.analyze import pipeline

CLOSING = {"text": "最后，你还有什么想问我们的吗？", "answer_seconds": 60,
           "competencies": [{"name": "主动性", "weight": 1.0, "keywords": ["了解", "岗位", "培训"]}]}
STORE_KO = {"text": "재고 정리나 유통기한 관리를 하면서 문제를 발견하고 해결한 경험을 말해 주세요.", "answer_seconds": 90,
            "competencies": [{"name": "꼼꼼함", "weight": 0.5, "keywords": ["유통기한", "확인", "정리", "재고"]},
                             {"name": "문제해결", "weight": 0.5, "keywords": ["해결", "보고", "개선"]}]}
BAKERY_EN = {"text": "Tell me about a time you made a mistake with a customer's order. What did you do?", "answer_seconds": 90,
             "competencies": [{"name": "Accountability", "weight": 0.5,
                               "keywords": ["apologize", "fix", "mistake", "responsibility"]},
                              {"name": "Customer care", "weight": 0.5, "keywords": ["customer", "listen", "refund"]}]}
GARAGE = {"text": "说说你排查过的一个车辆故障，你是怎么一步步找到原因并修好的？", "answer_seconds": 120,
          "competencies": [{"name": "技术能力", "weight": 0.6, "keywords": ["诊断", "检查", "更换", "故障"]},
                           {"name": "安全规范", "weight": 0.4, "keywords": ["安全", "规范", "试车"]}]}
SALON = {"text": "讲一次顾客对发型不满意的经历，你是怎么处理的？", "answer_seconds": 90,
         "competencies": [{"name": "沟通", "weight": 0.5, "keywords": ["沟通", "顾客", "倾听", "解释"]},
                          {"name": "解决问题", "weight": 0.5, "keywords": ["补救", "修剪", "结果"]}]}
MILK_TEA = {"text": "讲一次你在店里高峰期同时处理很多订单、还遇到顾客投诉的经历，你是怎么做的？", "answer_seconds": 90,
            "competencies": [{"name": "效率", "weight": 0.5, "keywords": ["出杯", "顺序", "效率", "高峰"]},
                             {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "道歉", "投诉", "安抚"]}]}


@pytest.mark.parametrize("text", ["没有了，谢谢。", "没有问题了，谢谢您。", "嗯，目前没有什么想问的，谢谢。", "没有。",
                                  "暂时没有了，刚才您都介绍得挺清楚的，谢谢您给我这个机会。"])
def test_nothing_to_ask_on_a_closing_question_is_scored_low_with_its_reason(text):
    """The most common closing answer is scored (low: no question asked), not sent to a person as too little."""
    r = pipeline.analyze_transcript(text, CLOSING, "zh")
    assert r["status"] == "scored", r["reason"]
    assert r["overall"] <= 20
    reasons = [x for c in r["competencies"] for x in c["reasons"]]
    assert any("没有提出任何问题" in x for x in reasons), reasons
    # the quote is what was said, the question's own words included (目前没有什么想问的, not 目前的)
    assert not any("“目前的”" in x for x in reasons), reasons


@pytest.mark.parametrize("text,code", [
    ("谢谢。", "too_little_content"),        # thanks alone says nothing about asking
    ("嗯嗯嗯", "filler_only"),
])
def test_a_closing_answer_that_says_nothing_still_goes_to_a_person(text, code):
    r = pipeline.analyze_transcript(text, CLOSING, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == code


def test_a_closing_answer_with_a_real_question_keeps_its_floor():
    r = pipeline.analyze_transcript("我想问一下，新员工进来有没有培训，大概多久能独立上收银？", CLOSING, "zh")
    assert r["status"] == "scored" and r["overall"] >= 60


@pytest.mark.parametrize("text", ["유통기한, 확인, 정리, 재고, 해결, 보고, 개선.",
                                  "재고 유통기한 확인 정리 해결 보고 개선 재고 확인 유통기한 보고 해결."])
def test_a_korean_list_of_hr_terms_ending_like_grammar_goes_to_a_person(text):
    """재고, 보고 end like the connective -고: as HR's terms they are nouns, not grammar words."""
    r = pipeline.analyze_transcript(text, STORE_KO, "ko")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (r["status"], r["overall"])


@pytest.mark.parametrize("text", [
    "편의점에서 일할 때 컵라면 재고가 자꾸 안 맞았거든요. 그래서 제가 일주일 동안 매일 밤 개수를 세어 봤더니 발주할 때 한 박스를 "
    "두 번 찍고 있었어요. 점장님께 말씀드리고 발주표를 고쳤더니 그다음부터는 맞았어요.",
    "포스기가 유통기한 지난 도시락을 계속 팔 수 있게 찍어 줘서 이상하다고 생각했어요. 본사 앱에서 확인해 보니 바코드 날짜 등록이 "
    "하루 밀려 있었습니다. 점장님께 사진 찍어서 보내고, 그날 밤 도시락 열두 개를 직접 날짜 보고 뺐어요.",
    "유통기한 지난 삼각김밥 세개를 아침 에 발견 해서 바로 폐기 하고 점장님 께 보고 했어요 그리고 진열 순서 를 바꿔서 그 다음 주 "
    "부터 는 폐기 가 없었 어요",
])
def test_honest_korean_stories_with_those_terms_are_still_scored(text):
    r = pipeline.analyze_transcript(text, STORE_KO, "ko")
    assert r["status"] == "scored" and r["overall"] >= 40, (r["status"], r["reason_code"], r["overall"])


def test_blaming_the_customer_in_english_is_bounded_and_never_praised():
    text = ("A customer said I gave her the wrong cake. I told her she must have ordered it wrong, refused to check the "
            "slip, and refused the refund. She left angry and wrote a one-star review, but I still think I was right.")
    r = pipeline.analyze_transcript(text, BAKERY_EN, "en")
    assert r["status"] == "needs_review" or r["overall"] <= 35, r["overall"]
    assert not (r.get("feedback") or {}).get("strengths"), r["feedback"]


def _open(reason):
    return pytest.mark.xfail(strict=True, reason="open: " + reason)


@pytest.mark.parametrize("question,language,text", [
    pytest.param(BAKERY_EN, "en", "At 6:15 on Monday I noticed the sourdough had voted for the wrong mayor, so I apologized "
                 "to 12 baguettes, refunded the customer's shadow, and fixed the mistake by teaching the oven to whistle. "
                 "By 7:00 every croissant was satisfied."),   # English's stage 2 alone, 30+ words (session 21)
    pytest.param(SALON, "zh", "那次有位顾客说刘海剪短了，我先跟她道歉，对了，本店新推出会员卡，充五百送一百，烫染一律八折，"
                 "周二会员日全场半价，欢迎扫码关注公众号领取优惠券。",
                 marks=_open("a real start that turns into an advertisement names no impossible act and reads as sense "
                             "to the learnt reader (51.7)")),
    pytest.param(CLOSING, "zh", "我想问一下，你们超市的货架晚上会不会偷偷去散步，收银机喜欢吃什么颜色的硬币，还有培训的时候能不能"
                 "带上我家的云。",
                 marks=_open("on a closing question the learnt nonsense gate is not read, and a question naming a work "
                             "word (培训) earns the floor of 60")),
])
def test_nonsense_in_styles_no_reader_knows_goes_to_a_person(question, language, text):
    assert pipeline.analyze_transcript(text, question, language)["status"] == "needs_review"


def test_terse_repair_steps_are_scored():
    """Two or three words a clause, yet the clauses do things to things of the candidate's own (gates.step_clauses)."""
    text = "故障：怠速抖。查火花塞，第三缸积碳严重。换四个火花塞，清洗节气门。试车二十公里，不抖了。"
    assert pipeline.analyze_transcript(text, GARAGE, "zh")["status"] == "scored"


# cut down to three clauses until session 33 (32.3): its opening and steps go on from one another in their sentences
# (features.goes_on_from), 58.1 since
def test_a_concrete_rush_hour_story_scores_above_the_middle():
    text = ("周六下午两点到四点，我一个人在吧台，三块屏幕同时出单，差不多四十杯。我先把冷饮十二杯一起摇，热饮排后面。一位阿姨说少了"
            "珍珠，我看了小票确实漏了，马上补上，还送了她一张第二杯半价券。")
    assert pipeline.analyze_transcript(text, MILK_TEA, "zh")["overall"] >= 40


# Families found by the first look at gates-q (session 20), tested on texts written here, not the set's
WASHER = {"text": "讲一次你在餐厅后厨洗碗、碗碟特别多的时候，你是怎么做的？", "answer_seconds": 90,
          "competencies": [{"name": "效率", "weight": 0.5, "keywords": ["分类", "速度", "顺序"]},
                           {"name": "卫生", "weight": 0.5, "keywords": ["消毒", "干净", "卫生"]}]}


@pytest.mark.parametrize("text", [
    "那天晚上盘子特别多，盘子多的那天晚上，我就洗盘子，洗那些多的盘子，就是盘子很多的那个晚上，晚上盘子多我就洗，洗完盘子还是盘子多。",
    "客人多的时候碗就多，碗多就是客人多，客人多我洗碗，洗碗的时候客人又多，碗又多了，所以客人多的时候我就洗碗多的碗。",
])
def test_a_loop_of_the_same_few_words_goes_to_a_person(text):
    r = pipeline.analyze_transcript(text, WASHER, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "repetition", (r["status"], r["overall"])


@pytest.mark.parametrize("text", [
    "消毒的话，消毒就是消毒。速度方面，速度要有速度，卫生是卫生的，干净也是一种干净，顺序就是顺序。",
    "分类是分类，卫生是卫生，碗筷那些都是有的。效率方面，也是效率的情况，干净就是干净。",
])
def test_words_said_back_as_their_own_definition_go_to_a_person(text):
    r = pipeline.analyze_transcript(text, WASHER, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", (r["status"], r["overall"])


@pytest.mark.parametrize("text", [
    # one 规定就是规定 in a real story, and a story that names its dishes again and again
    "那天周末中午来了三十多桌，碗碟堆满了两个水池。我先把油重的锅和盘子泡上洗洁精，杯子和碗先过一遍机器，规定就是规定，"
    "每一批都要进消毒柜二十分钟。一点半前碗都够用了，没让前厅等过。",
    "碗多的时候我先分类，大碗一摞小碗一摞，盘子放机器里洗，碗我手洗，洗完的碗放消毒柜，等消毒柜那批碗出来再洗下一批碗，"
    "那天洗了四百多个碗，没有一个碗有油。",
])
def test_honest_stories_that_repeat_their_words_are_still_scored(text):
    r = pipeline.analyze_transcript(text, WASHER, "zh")
    assert r["status"] == "scored" and r["overall"] >= 40, (r["status"], r["reason_code"], r["overall"])
