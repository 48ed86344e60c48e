"""Session 24: HR reads quotes in the candidate's own words; a motivation answer whose reasons are about the work is not
off-topic; English acts that cannot happen go to a person; an English keyword salad with an "I" strung in is a salad.

Each test runs the CLI's path (pipeline.analyze_transcript) on real text: jieba, OpenCC and the learnt readers."""
import re

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import english_acts
from functions.analyze.scoring.text import normalise, normalise_aligned, segment

Q_COMPLAINT = {"text": "请讲一次你处理顾客投诉的经历，你是怎么做的，结果怎样？", "answer_seconds": 120,
               "competencies": [{"name": "服务意识", "weight": 0.5, "keywords": ["道歉", "耐心", "解释"]},
                                {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "同事", "汇报"]}]}
Q_TUTOR = {"text": "你为什么想做教培助教这份工作？", "answer_seconds": 120,
           "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["喜欢孩子", "热爱", "教育", "意义"]},
                            {"name": "稳定与投入", "weight": 0.5, "keywords": ["长期", "责任心", "稳定", "规划"]}]}
Q_HOSTEL = {"text": "Tell me about a time a guest at the hostel was unhappy. What did you do?", "answer_seconds": 120,
            "competencies": [{"name": "Guest service", "weight": 0.5,
                              "keywords": ["guest", "service", "friendly", "complaint", "help"]},
                             {"name": "Problem solving", "weight": 0.5,
                              "keywords": ["problem", "solution", "booking", "refund", "fix"]}]}


def run(text, question, language="zh"):
    return pipeline.analyze_transcript(text, question, language)


def reasons(r):
    return " ".join(s for c in r["competencies"] for s in c["reasons"])


def quotes(r):
    """Every “…” quote and every listed item of the answer's words in the reasons."""
    out = []
    for s in (s for c in r["competencies"] for s in c["reasons"]):
        out += re.findall(r"“([^“”]+)”", s)
        m = re.search(r"(?:相关的内容：|数字、时间或名称：)([^（）“”。，；]+)", s)
        if m:
            out += m.group(1).split("、")
    return out


@pytest.mark.parametrize("text", [
    "ab\u200bc ＥＸＣＥＬ 10:30",
    "上個月有個阿姨話我哋寄錯咗件衫，我即刻同佢賠不是，10:30 之前幫佢換咗新嘅。",
    "我先check一下safety，然后跟店長report，   再赔了个不是。",
    "",
])
def test_normalise_aligned_follows_every_step(text):
    """The aligned normalisation gives normalise's text, and every character's span lies inside the input."""
    norm, spans = normalise_aligned(text, "zh")
    assert norm == normalise(text, "zh")
    assert len(spans) == len(norm)
    assert all(0 <= a < b <= len(text) for a, b in spans)


def test_quotes_are_the_candidates_own_words():
    """Breaker 23: 赔不是 was quoted as 道歉, Cantonese and traditional characters after conversion, report as 汇报."""
    text = ("上個月有個阿姨話我哋寄錯咗件衫，我即刻同佢賠不是，10:30 之前幫佢換咗新嘅，又同店長report咗，佢最後好滿意，"
            "仲介紹咗兩個朋友過嚟。")
    r = run(text, Q_COMPLAINT)
    assert r["status"] == "scored"
    said = quotes(r)
    assert said, reasons(r)
    # every quote of the answer is a piece of it as said (competency names and HR's keywords aside)
    labels = {"服务意识", "团队协作", "很差", "很差：跑题", "道歉", "耐心", "解释", "沟通", "同事", "汇报"}
    for q in said:
        for part in q.split("…"):
            assert part in labels or part in text, (part, reasons(r))
    joined = reasons(r)
    assert "賠不是" in joined and "我赶紧" not in joined
    assert "report" in joined
    # the evidence snippets HR opens are the original words too
    snippets = [e["text"] for c in r["competencies"] for e in c.get("evidence", [])]
    assert snippets and all(s.strip("…") in text for s in snippets), snippets


def test_quotes_keep_case_and_width():
    text = "那天有个顾客说衣服尺码不对，我先跟她道歉，然后用ＥＸＣＥＬ查了库存，十分钟就给她换好了，她后来又买了两件。"
    joined = reasons(run(text, Q_COMPLAINT))
    assert "ＥＸＣＥＬ" in joined and "excel" not in joined


def test_a_negation_is_quoted_where_it_was_said():
    """The cosmetic 如“不会”“很少” example is gone: the clause the negated term was said in is quoted."""
    r = run("我不太喜欢跟同事沟通，也不会安排什么，一般都拖着，很少道歉。", Q_COMPLAINT)
    joined = reasons(r)
    assert "如“不会”“很少”" not in joined
    assert "（“我不太喜欢跟同事沟通”）" in joined, joined


def test_a_motivation_answer_about_the_work_is_not_off_topic():
    """Data's q28 strong answer (a tutoring past, a teacher's exam, the commute, two years planned) read 0.687 to the
    off-topic detector and scored 0; its reasons are about the work (我打算至少干两年, 在机构里…学会)."""
    text = ("嗯，一个是我自己大学的时候做了两年家教，带过一个初二的男生，数学从不及格到考上了我们县的重点高中，那种感觉我到现在都记得，"
            "所以我是真的喜欢做这个。第二是我现在在考教师资格证，科目一科目二已经过了，明年三月考面试，我想在正式当老师之前，先在机构"
            "里把怎么带班、怎么跟家长打交道学会，助教正好是干这个的。第三个就是你们机构离我家就两站地铁，下午和周末上班的时间我也完全"
            "能配合，我打算至少干两年，把一届学生带完。")
    r = run(text, Q_TUTOR)
    assert r["status"] == "scored"
    assert "跑题" not in reasons(r)
    vague = run("因为我热爱教育事业，我觉得教育是一件非常有意义的事情，我喜欢孩子，也有责任心，想长期稳定地做下去。", Q_TUTOR)
    assert r["overall"] > vague["overall"], (r["overall"], vague["overall"])


@pytest.mark.parametrize("text", [
    "我平时喜欢看综艺，最近在追一档户外真人秀，里面的嘉宾都特别搞笑，我每期都会看两遍，还会去微博看大家的评论。",
    "说到以后的打算，我其实一直想去云南住一段时间。前年我去过一次大理，住在洱海边上一个民宿，老板是东北人，每天早上给我们包酸菜"
    "饺子，我打算明年春天再去住一个月。",
])
def test_an_off_topic_motivation_answer_stays_off_topic(text):
    r = run(text, Q_TUTOR)
    assert r["status"] != "scored" or r["overall"] <= 20, (r["overall"], reasons(r))


@pytest.mark.parametrize("text", [
    "Last summer a Tuesday checked in at two in the morning with a suitcase full of quiet. It said its bunk was too "
    "purple and the pillows kept arguing about geography. I gave it a room key made of soup and asked the vending machine "
    "to sing it to sleep. By breakfast the Tuesday had become a very polite staircase.",
    "I worked the front desk at a small hostel for a year. One night the lost-and-found box started knitting everybody's "
    "dreams backwards, so I folded the night into a towel and the guests climbed it to breakfast.",
    "We had a long wait one Saturday. So I fried the reservations in a little butter and hung the guests' patience on a "
    "hook by the door, and the booking screen thanked me.",
])
def test_english_acts_that_cannot_happen_go_to_a_person(text):
    r = run(text, Q_HOSTEL, "en")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


@pytest.mark.parametrize("text", [
    "One night the card reader stopped working and the screen said error, so I asked the guest to pay in cash and gave "
    "him a written receipt. The booking system decided he had not paid, so I fixed it by hand the next morning.",
    "A guest complained that the dryer was eating quarters. I opened the coin box, gave her back two dollars and put a "
    "sign on the machine. The sign said out of order until the repair man came on Tuesday.",
    "Table six asked for the bill twice and the kitchen was slow, so I apologized, brought them free tea and told the "
    "manager. The Friday shift is always busy like that, and the phone by the door never stops ringing.",
    "Our Monday morning rush is crazy. Last Monday a family of seven asked for three bunks together; I moved two solo "
    "travellers with their permission and the family left us five stars.",
])
def test_honest_english_with_machines_and_days_is_scored(text):
    """Machines and signs say, ask, decide and eat coins; a table is its guests; days are when, not who."""
    r = run(text, Q_HOSTEL, "en")
    assert r["status"] == "scored", r.get("reason")


def test_english_acts_reads_only_english():
    class Analysis:
        seg = segment("星期二办理了入住，枕头在吵架。", "zh")
    assert english_acts.acts(Analysis()) == []


def test_an_english_keyword_salad_with_an_i_strung_in_is_a_salad():
    """Gates-t: scored 0.0 instead of going to a person; every content word is HR's and one "I" is strung in."""
    text = ("Guest service is friendly and the complaint is help. Problem and solution, booking the refund to fix the "
            "communication. I explain to listen, calm guest, friendly refund, service solution and fix.")
    question = dict(Q_HOSTEL, competencies=Q_HOSTEL["competencies"] + [
        {"name": "Communication", "weight": 0.2, "keywords": ["communication", "explain", "listen", "calm"]}])
    r = run(text, question, "en")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", r.get("overall")
    template = ("I always stay calm and friendly with every guest. When there is a complaint I listen, I explain the "
                "booking policy and I find a solution, like a refund, so the guest is happy.")
    assert run(template, question, "en")["status"] == "scored"


@pytest.mark.xfail(strict=True, reason="open: the learnt English reader alone (model.NONSENSE_ALONE, 36 words, no act read) "
                   "sends an honest restaurant answer naming a Tuesday shift and a bell to a person; with Friday and a "
                   "phone it is scored (40.6). Its corpus's nonsense is full of Tuesdays and bells (session 24)")
def test_an_honest_answer_naming_a_tuesday_and_a_bell_is_scored():
    text = ("Table six asked for the bill twice and the kitchen was slow, so I apologized, brought them free tea and told "
            "the manager. The Tuesday shift is always busy like that, and the bell by the door never stops.")
    assert run(text, Q_HOSTEL, "en")["status"] == "scored"


Q_TRUCK = {"text": "Tell me about a busy lunch at the food truck. What did you do?", "answer_seconds": 120,
           "competencies": [{"name": "Speed", "weight": 0.5, "keywords": ["fast", "queue", "orders", "time"]},
                            {"name": "Food safety", "weight": 0.5, "keywords": ["clean", "gloves", "temperature", "fresh"]}]}
Q_CARWASH = {"text": "손님이 세차 후 차에 흠집이 생겼다고 항의한 경험을 말해 주세요.", "answer_seconds": 120,
             "competencies": [{"name": "꼼꼼함", "weight": 0.5, "keywords": ["꼼꼼", "확인", "점검", "마무리"]},
                              {"name": "고객 응대", "weight": 0.5, "keywords": ["친절", "설명", "사과", "불만"]}]}
Q_KITCHEN = {"text": "请讲一次后厨出餐高峰时你是怎么配合的。", "answer_seconds": 120,
             "competencies": [{"name": "团队协作", "weight": 0.5, "keywords": ["配合", "沟通", "分工"]},
                              {"name": "效率", "weight": 0.5, "keywords": ["出餐", "速度", "备料"]}]}


@pytest.mark.parametrize("text", [
    "At noon I fried the queue in olive oil and parked two tacos by the gate. Then I seasoned the whole afternoon, "
    "ironed the hotdogs flat and the orders came out fast.",
    "We had a long line. I stirred the waitlist, boiled the complaints for ten minutes and mailed the pizza to the "
    "parking lot, so every order was on time.",
])
def test_english_cooks_acts_on_what_cannot_be_cooked_go_to_a_person(text):
    """Gates-u's English verb mismatch (I buttered the queue… ironed three burgers: 72.7) is a family: a cook's act on a
    queue, a waitlist or an afternoon, food ironed, parked or mailed."""
    r = run(text, Q_TRUCK, "en")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", r.get("overall")


@pytest.mark.parametrize("text", [
    "The queue was out to the street at noon, so I ironed out the order screen with my partner: he cooked, I buttered "
    "the buns and called the numbers. We parked the truck closer to the office the next day and served 120 orders.",
    "I peeled and sliced forty potatoes before eleven, kept the sauce at the right temperature and changed gloves "
    "after every cash payment. The line moved fast and we sold out by half past one.",
])
def test_honest_food_truck_answers_are_scored(text):
    r = run(text, Q_TRUCK, "en")
    assert r["status"] == "scored", r.get("reason")


def test_a_korean_keyword_salad_goes_to_a_person():
    text = "꼼꼼 점검 그리고 확인 마무리, 친절 사과는 설명이고, 불만 확인 점검 꼼꼼, 친절 마무리 그래서 사과 설명입니다."
    r = run(text, Q_CARWASH, "ko")
    assert r["status"] == "needs_review" and r["reason_code"] == "keyword_list", r.get("overall")
    honest = ("지난달에 손님 한 분이 세차 끝나고 뒷문에 흠집이 생겼다고 하셨어요. 제가 먼저 사과드리고 입고 때 찍은 사진을 같이 "
              "확인했는데, 원래 있던 흠집이었어요. 그래도 광택제로 꼼꼼하게 닦아 드렸더니 손님이 고맙다고 하셨어요.")
    assert run(honest, Q_CARWASH, "ko")["status"] == "scored"


def test_a_two_voice_script_goes_to_a_person_but_a_told_dialogue_does_not():
    script = ("甲说：锅开了吗？乙说：开了，开成了一朵云。甲说：云里有备料吗？乙说：备料在门外排队。甲说：排到哪儿了？乙说："
              "排到明天的冰箱里了。")
    r = run(script, Q_KITCHEN)
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", r.get("overall")
    told = ("那天中午出餐特别慢，师傅说：三号桌的菜先出。我说：备料还差两份土豆丝。他说：那你先切。我就先切了土豆丝，跟传菜的"
            "小李说好先上凉菜，二十分钟把六桌都出完了。")
    assert run(told, Q_KITCHEN)["status"] == "scored"


def test_quotes_joined_from_tokens_are_shown_as_said():
    """Breaker 24: English quotes lost "$" and read 10 : 30, a code-switched Cantonese quote was shown as 我马上say道歉,
    and a clock time was cut into 9: and 45接 — a quote is found among the answer's letters and digits and shown with
    what was said between them, and a rewritten run (9:45 → 9点45分) maps back whole."""
    zh = segment("我即刻say sorry，9:45接咗单。", "zh")
    assert zh.original_of("我马上say道歉") == "我即刻say sorry"
    assert zh.original_of("9点") == "9:45" and zh.original_of("45分接") == "9:45接"
    en = segment("I refunded the $25 and the Wi-Fi was back at 10:30.", "en")
    assert en.original_of("refunded the 25") == "refunded the $25"
    assert en.original_of("10 : 30") == "10:30"
    assert en.original_of("nothing like this") == "nothing like this"


def test_english_reasons_quote_the_answer_as_said():
    text = ("Last week a guest said the Wi-Fi in room 4 kept dropping. I restarted the router, moved her to room 6 and "
            "refunded the $25 for that night. By 10:30 she was online and she left us a good review the next day.")
    r = run(text, Q_HOSTEL, "en")
    assert r["status"] == "scored"
    flat = re.sub(r"\s+", "", text)
    for q in quotes(r):
        for part in q.split("…"):
            if part and part not in {"很差", "很差：跑题", "Guest service", "Problem solving"}:
                assert re.sub(r"\s+", "", part) in flat, (part, reasons(r))
