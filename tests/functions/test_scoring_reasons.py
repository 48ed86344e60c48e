"""What the HR reasons and the candidate feedback say must be true of the answer: a reason claims only
what it can quote (whole jieba tokens of the answer), actions are the candidate's own, results are results,
and the criteria fit the question type (issue 8, tester's findings)."""
import re

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import answer, explain
from functions.analyze.scoring.text import normalise, segment_words
from tests.functions.conftest import ISSUE_QUESTION as STORY_Q

SITUATIONAL_Q = {"text": "如果高峰期突然来了很多外卖单，后厨忙不过来，你会怎么做？", "answer_seconds": 90,
                 "competencies": [{"name": "应变能力", "weight": 1, "keywords": ["优先级", "沟通"]}]}
CLOSING_Q = {"text": "你有什么想问我们的吗？", "answer_seconds": 60,
             "competencies": [{"name": "求职动机", "weight": 1, "keywords": ["培训", "发展", "岗位"]}]}
NO_QUESTION = "暂时没有什么想问的，我觉得咱们公司环境挺好的，谢谢你们给我这次面试机会，我回去会好好准备。"
STORY_WORDS = ("没有说清自己具体做了什么", "没有说到最后的结果", "回答和题目关系不大", "结果", "讲一件真实发生过的事")


def run(text, question=STORY_Q, language="zh"):
    r = pipeline.analyze_transcript(text, question, language)
    assert r["status"] == "scored", r.get("reason")
    return r


def all_reasons(r):
    return [s for c in r["competencies"] for s in c["reasons"]]


def quoted(sentence):
    """Everything a reason quotes: “…” spans and the list after 举了具体的数字、时间或名称："""
    out = re.findall(r"“([^”]+)”", sentence)
    m = re.match(r"举了具体的数字、时间或名称：(.+)。$", sentence)
    if m:
        out += m.group(1).split("、")
    return [q.rstrip("…") for q in out]


def token_aligned(quote, answer):
    """The quote is the candidate's own words (it occurs in the answer as said, 10:30 not 10点半) and, normalised,
    starts and ends on boundaries of the analyzer's jieba tokens."""
    assert quote in answer, (quote, answer)
    toks = segment_words([{"word": answer}], "zh").tokens
    norm = "".join(t.text for t in toks)
    q = normalise(quote, "zh").replace("，", ",")
    assert q in norm, (quote, norm)
    bounds, pos = {0}, 0
    for t in toks:
        pos += len(t.text)
        bounds.add(pos)
    start = norm.index(q)
    return start in bounds and start + len(q) in bounds


@pytest.mark.parametrize("text, banned", [
    ("经理说有1000单要今天发完，我先把单子按地区分好，原来要半天，现在十分钟就能分完。", ["经理说", "没有说到最后的结果"]),
    ("那天突然来了500单急单，我不太会说话，但是我和同事一起盘了货，最后在晚上9点全部发完。",
     ["突然来了", "不太会说话", "一起盘、", "晚上9、"]),
    ("第二天上午10:30全部发完，我提前一小时把毛肚切好了，一次一个地核对。",
     ["上午10、", "、30", "一次一个", "没有说到最后的结果"]),
    ("双十一那天一头忙，后前都乱了，我们一起盘点，没有就去隔壁借货，最后十点半发完了。",
     ["一头", "后前", "双十、", "十点、"]),
])
def test_reasons_claim_only_what_the_answer_says(text, banned):
    r = run(text)
    reasons = all_reasons(r)
    joined = " ".join(reasons)
    for b in banned:
        assert b not in joined, (b, reasons)
    for s in reasons:
        for q in quoted(s):
            if s.startswith(("提到了", "没有说到与")):
                continue
            assert token_aligned(q, text), (q, s)


def test_generic_praise_quoted_only_when_said():
    r = run("当时订单很急，我先把单子分好，然后一起打包，最后都弄好了。")
    for s in all_reasons(r):
        if s.startswith("结果只是笼统地说"):
            for word in re.findall(r"“([^”]+)”", s):
                assert word in "当时订单很急，我先把单子分好，然后一起打包，最后都弄好了。"
    template = run("当时的情况是订单很急。我的任务是按时完成。首先我安排优先级，然后和同事沟通协调、分工加班，"
                   "最后结果非常好，大家都很满意。")
    generic = [s for s in all_reasons(template) if s.startswith("结果只是笼统地说")]
    assert all(w in ("非常好", "满意", "很好") for s in generic for w in re.findall(r"“([^”]+)”", s))
    # the template's steps in HR's words are an outline since session 43 (answer._hollow): its reason says so in place of
    # the generic result
    assert generic or any(s.startswith(answer.OUTLINE_REASON) for s in all_reasons(template)), all_reasons(template)


def test_a_before_after_comparison_is_a_result():
    r = run("我先把单子按地区分好，再让同事按批次打包，原来要半天，现在十分钟就能分完。")
    reasons = all_reasons(r)
    assert "没有说到最后的结果。" not in reasons
    # quoted as the result it is; "具体结果" only when the outcome feature counted it (else it says so)
    outcome = r["features"]["outcome"]
    expected = "说了具体结果：“原来要半天" if outcome > 0 else "说到了“原来要半天"
    assert any(s.startswith(expected) for s in reasons), reasons


def test_time_expressions_are_quoted_whole():
    r = run("第二天上午10:30，三百箱全部发完，我提前一小时把毛肚切好了。")
    joined = " ".join(all_reasons(r))
    # a clock time reads as spoken (text.normalise: 10:30 → 10点半) and is quoted whole, as the candidate said it
    assert "10:30" in joined and "10点半" not in joined and "上午10、" not in joined
    r = run("我们四个人分三批打包，最后十点半全部发完了。")
    joined = " ".join(all_reasons(r))
    assert "十点半" in joined and "十点、" not in joined


def test_situational_answers_are_judged_on_the_plan():
    text = "我会先跟后厨确认哪些菜最慢，把堂食和外卖分开排，给外卖平台设置延迟出餐，再打电话给老板叫一个兼职来帮忙。"
    assert explain.question_type({"text": SITUATIONAL_Q["text"]}) == "situational"
    r = run(text, SITUATIONAL_Q)
    reasons = all_reasons(r)
    assert not any("结果" in s or "核实" in s for s in reasons), reasons
    assert any("先处理" in s or "处理做法" in s for s in reasons)
    assert any("找谁" in s and "老板" in s for s in reasons), reasons
    fb = " ".join(r["feedback"]["strengths"] + r["feedback"]["suggestions"])
    assert "结果" not in fb and "核实" not in fb and "真实发生" not in fb
    vague = run("我会尽量做好，努力配合大家，保证完成工作。", SITUATIONAL_Q)
    fb = " ".join(vague["feedback"]["suggestions"])
    assert "先" in fb and "结果" not in fb and "核实" not in fb


def test_closing_answers_get_no_story_criteria():
    assert explain.question_type({"text": CLOSING_Q["text"]}) == "closing"
    good = run("我想问一下这个岗位平时一天要处理多少单，新人有没有培训，培训多久？", CLOSING_Q)
    reasons = all_reasons(good)
    assert any(s.startswith("提出了与工作相关的具体问题") for s in reasons), reasons
    for r in (good, run(NO_QUESTION, CLOSING_Q)):
        for s in all_reasons(r):
            assert not any(w in s for w in STORY_WORDS[:3]), s
        fb = " ".join(r["feedback"]["strengths"] + r["feedback"]["suggestions"])
        assert "真实发生" not in fb and "结果" not in fb
    none_ = run(NO_QUESTION, CLOSING_Q)
    assert any("没有提出" in s for s in all_reasons(none_))
    assert none_["feedback"]["suggestions"] == [explain._SUGGEST["closing"]]


def test_a_concrete_story_is_never_told_to_tell_a_real_story():
    for text in ("第二天上午10:30全部发完，我提前一小时把毛肚切好了，一次一个地核对。",
                 "经理说有1000单要今天发完，我先把单子按地区分好，原来要半天，现在十分钟就能分完。",
                 "去年双十一前一天晚上八点，店里突然多了三百箱货，我先把三百箱按目的地分成三批，第二天上午十点半全部发完。"):
        fb = run(text)["feedback"]
        assert explain._SUGGEST["story"] not in fb["suggestions"], (text, fb)


def test_languages_hr_reasons_chinese_feedback_in_interview_language_no_keywords():
    text = "Last Friday we got 300 extra orders at 6 pm. I split them into three batches by area and asked two " \
           "colleagues to pack. All 300 were shipped by 10:30 the next morning."
    q = {"text": "Tell me about a time you handled an urgent order.", "answer_seconds": 120,
         "competencies": [{"name": "执行力", "weight": 1, "keywords": ["schedule", "overtime"]}]}
    r = pipeline.analyze_transcript(text, q, "en")
    if r["status"] != "scored":
        pytest.skip("the English answer was gated: " + str(r.get("reason_code")))
    for s in all_reasons(r):
        assert re.search(r"[\u4e00-\u9fff]", s), s
    for s in r["feedback"]["strengths"] + r["feedback"]["suggestions"]:
        assert not re.search(r"[\u4e00-\u9fff]", s), s
        assert "schedule" not in s and "overtime" not in s
    zh = run("经理说有1000单要今天发完，我先把单子按地区分好，原来要半天，现在十分钟就能分完。")
    for s in zh["feedback"]["strengths"] + zh["feedback"]["suggestions"]:
        for kw in ("按时", "安排", "优先级", "加班", "沟通", "协调", "同事", "分工"):
            assert kw not in s


@pytest.mark.parametrize("text, not_negated, negated", [
    ("货不够，没有就去隔壁店借货", ["借货"], []),
    ("如果没有货我就去隔壁借", ["借"], []),
    ("要是没人的话我就自己送过去", ["送"], []),
    ("没同事帮忙的话，我就自己加班做完", ["加班"], []),
    ("我没有加班，也从不跟同事沟通", [], ["加班", "沟通"]),
])
def test_conditionals_are_not_negations(text, not_negated, negated):
    toks = {t.text: t.negated for t in segment_words([{"word": text}], "zh").tokens}
    for w in not_negated:
        assert toks[w] is False, (w, toks)
    for w in negated:
        assert toks[w] is True, (w, toks)


def test_a_conditional_is_not_reported_as_a_negative_mention():
    q = {**STORY_Q, "competencies": [{"name": "执行力", "weight": 1, "keywords": ["加班", "安排"]}]}
    r = run("那天晚上八点来了三百单，我先安排打包顺序，人手不够，没同事帮忙的话，我就自己加班做完，十点全部发完了。", q)
    assert not any(s.startswith("以否定的方式") for s in all_reasons(r)), all_reasons(r)


def test_quotes_keep_units_dates_and_the_verb_of_a_split_list():
    text = "2023年7月8日下午3点，店里来了三百箱货，我提前一小时把毛肚、鸭肠这些按份备好放冷藏，最后晚上9点全部发完。"
    joined = " ".join(all_reasons(run(text)))
    assert "2023年7月8日下午3点" in joined and "三百箱" in joined, joined
    assert "“我提前一小时把毛肚”" not in joined
    assert "我提前一小时把毛肚、鸭肠这些按份备好" in joined, joined


@pytest.mark.parametrize("text, kind", [
    ("你有什么想问我们的吗？", "closing"), ("最后，你还有什么问题吗？", "closing"), ("你还有没有什么疑问？", "closing"),
    ("如果顾客投诉菜里有头发，你会怎么做？", "situational"), ("假如高峰期来了很多单，你会怎样安排？", "situational"),
    ("请讲一次你遇到紧急订单的经历。", "story"),
])
def test_question_type_from_the_question_text(text, kind):
    assert explain.question_type({"text": text}) == kind


GARBLED = "我 哈 特 区 那个 把 呢 哈 的 嗯 我做了 嗯 就 哈 哈 了 的 呢 那个 然后 我 嗯 订单 呃 的 然后 嗯 的"


@pytest.mark.parametrize("text", [GARBLED,
                                  "我把巴拉卡去特么哦哈，我做了那个吧啦吧啦呢嗯，然后去了饿了吗额，那个按时安排同事哈哈哈，就是嗯嗯。",
                                  "那天店里突然来了很多订单，我先把订单按时间排了顺序，然后和同事分工打包，最后按时全部送出去了。"])
def test_a_reason_never_praises_what_the_score_does_not_count(text):
    """Issue 11 round three: no "说了自己具体做了什么：“嗯我做了”" next to "没有说到…相关的具体做法", and no
    quote of garbled or empty words."""
    r = run(text)
    features = r["features"]
    for comp in r["competencies"]:
        said_action = [s for s in comp["reasons"] if s.startswith("说了自己具体做了什么")]
        if said_action:
            assert features["specific_actions"] >= 0.3, comp
            assert not any(s.startswith("没有说到与") for s in comp["reasons"]), comp["reasons"]
            for quote in quoted(said_action[0]):
                assert explain._substantive(quote), quote
    if text == GARBLED:
        assert not any("我做了" in s for s in all_reasons(r)), all_reasons(r)
