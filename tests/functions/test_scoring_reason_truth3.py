"""Reasons, bounds and feedback agree with what the answer says (issue 8, breaker round 12b), as families:

1. closing questions: a question only about pay and board (工资多少？包吃住吗？) is a question about the job's terms,
   not about the work — not praised as one, at least model.CLOSING_TERMS_FLOOR, below the pass line, and told what
   else it could ask (breaker 15 M2; before, it was called unrelated to the job and bounded at 50); a request to be
   told (我想问一下…, 想了解一下…, 请问…) is a
   question without a question mark; a job question the scorer rates below the no-question bound is not praised;
2. a customer's approval after the candidate's action is a result (她喝完说可以了, 他尝了说行, 满意地走了), and a story
   with concrete details is never told "可以讲一件真实发生过的事";
3. English: "I said sorry" is evidence for apologise (models/lexicons/en.json synonyms), and a refusal to check a
   bill is not filed under 私拿钱物 (models/scorer/contrary-en.json).

Real calls through pipeline.analyze_transcript, asserting on the text HR and the candidate read."""
import pytest

from functions.analyze.pipeline import analyze_transcript

CLOSING_Q = {"text": "你有什么想问我们的吗？", "answer_seconds": 60, "type": "closing",
             "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["发展", "培训", "晋升"]}]}
DRINK_Q = {"text": "请讲一次顾客对你们的饮品不满意、当场发火的经历，你是怎么处理的？", "answer_seconds": 90,
           "competencies": [{"name": "服务意识", "weight": 2, "keywords": ["顾客", "道歉", "倾听", "重做"]},
                            {"name": "情绪管理", "weight": 1, "keywords": ["冷静", "耐心", "情绪"]}]}
TILL_Q = {"text": "Tell us about a time a customer at your till was charged the wrong amount. What did you do?",
          "answer_seconds": 90,
          "competencies": [{"name": "Accuracy", "weight": 1, "keywords": ["check", "receipt", "refund"]},
                           {"name": "Customer care", "weight": 1, "keywords": ["apologise", "customer", "explain"]}]}

JOB_PRAISE = "问了和工作直接有关的具体问题。"
ASK_JOB = "可以问一个和岗位、团队或工作安排有关的具体问题。"
TELL_STORY = "可以讲一件真实发生过的事：当时是什么情况，你自己做了哪几步，最后结果怎样。"
NO_RESULT = ("没有说到最后的结果。", "没有说清最后的具体结果。")


def run(text, question, language="zh"):
    r = analyze_transcript(text, question, language)
    assert r["status"] == "scored", r.get("reason")
    return r


def reasons(r):
    return [s for c in r["competencies"] for s in c["reasons"]]


# --- 1. closing questions -------------------------------------------------------------------------------

PAY_ONLY = ["工资多少？包吃住吗？", "我想问一下，这边包住宿吗？工资大概多少钱？"]
ASK_WORK = "也可以问问这份工作具体要做什么、谁来带新人、怎么考核。"


@pytest.mark.parametrize("text", PAY_ONLY)
def test_pay_and_board_questions_are_not_praised_as_work_questions(text):
    r = run(text, CLOSING_Q)
    said = reasons(r)
    assert any(s.startswith("提出了与工作相关的具体问题") and "问的是工资、吃住、上班时间这类条件" in s
               and "没有问到具体做什么" in s for s in said), said
    assert not any(s.startswith("提了问题，但和岗位本身关系不大") for s in said), said
    assert JOB_PRAISE not in r["feedback"]["strengths"]
    assert ASK_WORK in r["feedback"]["suggestions"]
    assert 25.0 <= r["overall"] < 60.0


def test_a_request_about_board_is_a_broad_question():
    r = run("想了解一下住宿条件。", CLOSING_Q)
    said = reasons(r)
    assert any(s.startswith("问到了和工作有关的方面，但问得比较笼统") for s in said), said
    assert JOB_PRAISE not in r["feedback"]["strengths"]
    assert r["overall"] <= 50.0


REQUESTS = ["我想问一下发展、培训、晋升方面的情况。", "想了解一下培训和晋升的情况。", "请教一下公司的发展方向。"]


@pytest.mark.parametrize("text", REQUESTS)
def test_a_request_to_be_told_is_a_question(text):
    r = run(text, CLOSING_Q)
    said = reasons(r)
    assert not any(s.startswith("没有提出任何问题") for s in said), said
    assert not any("回答没有提出与岗位、团队或工作安排有关的问题" in s for s in said), said
    # asked about the job, but broadly: neither praised as specific nor told it asked nothing
    assert any(s.startswith("问到了和工作有关的方面，但问得比较笼统") for s in said), said
    assert JOB_PRAISE not in r["feedback"]["strengths"]


SPECIFIC = ["想问一下，新员工进来有没有师傅带？一般多久可以独立值班？店里晋升到店长大概要满足什么条件？",
            "我想了解一下这个岗位每天具体做哪些事。",
            "工资怎么算？平时上班排几个班？",
            "请问咱们店里新人培训一般多长时间？"]


@pytest.mark.parametrize("text", SPECIFIC)
def test_job_questions_are_named_and_praise_agrees_with_the_score(text):
    r = run(text, CLOSING_Q)
    said = reasons(r)
    assert any(s.startswith("提出了与工作相关的具体问题") for s in said), said
    assert not any("最高" in s for s in said), said        # no bound applies: the score is the model's
    assert ASK_JOB not in r["feedback"]["suggestions"]
    assert (JOB_PRAISE in r["feedback"]["strengths"]) == (r["overall"] >= 35.0), (r["overall"], r["feedback"])


def test_declining_still_asks_nothing():
    for text in ("没有什么问题了，谢谢。我想问的都了解了。", "暂时没有想问的，谢谢。"):
        r = analyze_transcript(text, CLOSING_Q, "zh")
        if r["status"] == "scored":
            assert not any(s.startswith("提出了") for s in reasons(r)), reasons(r)


# --- 2. a customer's approval is a result; a concrete story is not told to tell one ---------------------

APPROVED = [
    ("有次顾客说奶茶太甜发火，我道了歉，问清楚她要三分糖，两分钟重做了一杯，她喝完说可以了。", "她喝完说可以了"),
    ("有次顾客嫌奶茶太甜，我道了个歉，按三分糖给她重做了一杯，她尝了一口说没问题。", "她尝了一口说没问题"),
    ("上个月一位阿姨说拿铁太苦，我马上加了一份奶重新做了一杯，她满意地走了。", "她满意地走了"),
]


@pytest.mark.parametrize("text,result", APPROVED)
def test_customer_approval_after_the_action_is_the_result(text, result):
    r = run(text, DRINK_Q)
    said = reasons(r)
    assert not any(s in NO_RESULT for s in said), said
    assert any(result in s for s in said if s.startswith(("说了具体结果", "说到了最后的结果"))), said
    assert r["features"]["outcome"] >= 0.75
    assert TELL_STORY not in r["feedback"]["suggestions"]


CONCRETE_STORIES = [
    "有次顾客说奶茶太甜发火，我道了歉，问清楚她要三分糖，两分钟重做了一杯，她喝完说可以了。",
    "上周有位大哥嫌珍珠煮硬了拍桌子，我赔了个不是，换了锅刚出的珍珠给他重新摇了一杯，他尝了说行。",
    "上个月一位阿姨说拿铁太苦，我马上加了一份奶重新做了一杯，她满意地走了。",
]


@pytest.mark.parametrize("text", CONCRETE_STORIES)
def test_a_concrete_story_is_never_told_to_tell_a_real_story(text):
    r = run(text, DRINK_Q)
    assert TELL_STORY not in r["feedback"]["suggestions"], r["feedback"]


def test_the_candidates_own_word_is_no_customer_approval():
    r = run("有次顾客说奶茶太甜，我说可以给她重做，然后我就去忙别的了。", DRINK_Q)
    assert not any("我说可以" in s for s in reasons(r) if s.startswith(("说了具体结果", "说到了最后的结果")))


def test_a_template_still_is_told_to_tell_a_real_story():
    r = run("遇到顾客发火，我会保持冷静，认真倾听，真诚道歉，及时重做，让顾客满意。", DRINK_Q)
    assert TELL_STORY in r["feedback"]["suggestions"] or r["feedback"]["suggestions"], r["feedback"]
    assert not any(s.startswith(("说了具体结果", "说到了最后的结果")) for s in reasons(r))


# --- 3. English: sorry is an apology; refusing to check a bill is no theft ------------------------------

SORRY = [
    "Last December a lady said her bill was 12 pounds too high. I pulled up the transaction and saw I had scanned "
    "her yoghurts twice. I said sorry, refunded the 12 pounds to her card and printed a new receipt.",
    "Last week a man was charged twice for a coffee. I said I was sorry, checked the receipt and gave him "
    "his 3 pounds back in cash.",
    "On Saturday a customer was charged 5 pounds too much. I apologized, checked the till roll and refunded "
    "the 5 pounds straight away.",
]


@pytest.mark.parametrize("text", SORRY)
def test_saying_sorry_counts_as_apologising(text):
    r = run(text, TILL_Q, "en")
    care = next(c for c in r["competencies"] if c["name"] == "Customer care")
    assert care["features"]["evidence"] > 0, care["reasons"]
    assert any("sorry" in e["matched"] or "apolog" in e["matched"] for e in care["evidence"]), care["evidence"]


REFUSED = [
    "A customer said she was overcharged but I was sure she was lying, so I told her the till is never wrong and "
    "refused to check. She left angry and my manager said I handled it well because we kept the money.",
    "A man said I charged him twice. I told him the till is never wrong and sent him away.",
    "A lady said her change was short. I said the till is never wrong and refused to check the drawer.",
]


@pytest.mark.parametrize("text", REFUSED)
def test_refusing_to_check_a_bill_is_not_theft(text):
    r = run(text, TILL_Q, "en")
    said = reasons(r)
    assert not any("私拿钱物" in s for s in said), said
    assert any("欺骗或多收顾客钱款" in s for s in said), said
    assert r["overall"] <= 35.0


TAKEN = [
    "A customer left without his change, and I kept the money for myself. Nobody noticed.",
    "A regular paid 20 pounds too much and I pocketed the difference.",
    "At closing I took 10 pounds from the till and nobody noticed.",
]


@pytest.mark.parametrize("text", TAKEN)
def test_taking_money_is_still_theft(text):
    r = run(text, TILL_Q, "en")
    assert any("私拿钱物" in s for s in reasons(r)), reasons(r)
