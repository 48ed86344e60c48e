"""Session 47: templates and honest stories misread by family, with look-alikes both ways —
- a chain of stock phrases of the competencies' terms (承认错误 主动道歉 积极弥补 认真负责…; I set priorities, made a plan,
  did overtime) is no deed: its clauses count for nothing, and with figures around it the answer is bounded as a template;
  a deed told with its own words beside one or two such phrases (我第一时间承认错误，主动道歉，然后骑车回去把餐换回来) is a deed;
- English keywords match their inflections (priority → priorities, communicate → communicating, plan → planning), and an
  English question's kind is read in any case ("Tell us about a time…" is a story question);
- a typed pause (a space between Chinese words) before 我, a step word or a time starts a clause, as the recogniser's
  unpunctuated text never does; a long run-on clause is no fronted topic for a later 我没要 to negate;
- giving back what was someone else's (我追出去还给他, 归还给失主) and making a shortfall good (我自己补上了) are results;
  还给他打了电话 ("also called him") is not; the books balanced to the cent (对账一分不差) is a result, not a number;
- 有次/那次 (jieba's pronouns) name no one else: the clause is the candidate's;
- the clauses right after the asked situation told (a mistake, then its remedy) are its story, not an aside by meaning.

Real answers through pipeline.analyze_transcript (the CLI's path) and features.analyse.
"""
from __future__ import annotations

import re

import pytest

from breaker_findings import analysis_of, load, reasons_of, run, scored
from functions.analyze import pipeline
from functions.analyze.scoring import explain, features
from functions.analyze.scoring.text import en_inflected, segment

B49 = load("breaker49")
MISTAKE = B49["g20"]["question"]      # 讲一次你在工作中犯错的经历，你是怎么处理的？ (责任心, 解决问题)
RUSH_EN = B49["g37"]["question"]      # Tell us about a time you had an urgent order… (on time, plan, priority, overtime…)
HELP = B49["h10"]["question"]         # 讲一次你帮助顾客解决问题的经历。


def commas(text: str) -> str:
    """The same answer typed with commas where it had pauses."""
    return re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "，", text)


# --- a chain of stock phrases is no deed -----------------------------------------------------------------------------
@pytest.mark.parametrize("said", [
    B49["g20"]["text"],
    commas(B49["g20"]["text"]),
    "去年三月我犯了一个错误，我第一时间承认错误，主动道歉，积极弥补，认真负责，分析原因，解决问题，改进流程，最后损失减少了一半。",
])
def test_a_chain_of_stock_phrases_is_no_deed_and_with_figures_is_bounded(said):
    a = analysis_of(said, MISTAKE)
    assert a.counts["stock_phrase_clauses"] >= 1
    r = scored(said, MISTAKE)
    assert r["overall"] <= 45, r["overall"]
    assert not any("承认错误 主动道歉" in x or "积极弥补" in x for x in reasons_of(r) if x.startswith("说了自己具体做了什么"))


@pytest.mark.parametrize("said", [
    "有一次我把顾客的外卖送错了地址，我第一时间承认错误，主动道歉，然后骑车回去把餐换回来，重新送到了，顾客没有投诉。",
    "有一次我算错了账，少找了顾客二十块钱，我马上道歉，把钱补给他，后来每次找钱都数两遍。",
])
def test_a_deed_told_beside_a_stock_phrase_or_two_is_a_deed(said):
    assert analysis_of(said, MISTAKE).counts["stock_phrase_clauses"] == 0


def test_an_english_chain_of_stock_phrases_is_bounded_and_an_english_story_is_not():
    r = run(B49["g37"])
    assert r["status"] == "needs_review" or r["overall"] <= 45, r.get("overall")
    story = ("Last December the night before a sale we got 300 extra boxes. I split them into three batches by "
             "destination, asked two colleagues to pack while I printed the labels, and when the scanner broke I typed "
             "the codes in by hand. Everything shipped by 10:30 the next morning.")
    r = pipeline.analyze_transcript(story, RUSH_EN, "en")
    assert r["status"] == "scored" and r["overall"] >= 60, (r["status"], r.get("overall"))


# --- English: inflections, and the question's kind in any case ------------------------------------------------------
@pytest.mark.parametrize("word,base,same", [
    ("priorities", "priority", True), ("replied", "reply", True), ("communicating", "communicate", True),
    ("communication", "communicate", True), ("planning", "plan", True), ("planned", "plan", True),
    ("delivered", "deliver", True), ("coordinated", "coordinate", True),
    ("settled", "set", False), ("prior", "priority", False), ("replay", "reply", False),
])
def test_an_english_keyword_matches_its_inflections(word, base, same):
    assert en_inflected(word, base) is same


@pytest.mark.parametrize("text,kind", [
    ("Tell us about a time you had an urgent order.", "story"),
    ("Describe a time when a customer was upset.", "story"),
    ("Have you ever had to cover a colleague's shift?", "story"),
    ("How would you handle a customer who shouts?", "situational"),
    ("Tell me about yourself.", "intro"),
    ("Do you have Any Questions for us?", "closing"),
    ("Why do you want this job?", "general"),
])
def test_an_english_questions_kind_is_read_in_any_case(text, kind):
    assert explain.question_type({"text": text}) == kind


# --- a typed pause starts a clause before 我; a run-on clause is no topic ---------------------------------------------
def test_a_typed_pause_before_a_subject_starts_a_clause_and_the_recognisers_text_is_unchanged():
    typed = segment("看到地上有个手机是顾客掉的 我就拿上去敲门还给他", "zh")
    run_on = segment("看到地上有个手机是顾客掉的我就拿上去敲门还给他", "zh")
    assert [typed.tokens[c[0]].text for c in typed.clauses] == ["看到", "我"]
    assert len(run_on.clauses) == 1
    # a space beside a Latin word or a number is no pause (用 Excel 做表)
    assert len(segment("我用 Excel 做了一张表", "zh").clauses) == 1


def test_a_later_refusal_does_not_negate_a_whole_run_on_clause_before_it():
    seg = segment("看到地上有个手机是刚才那个顾客掉的我就拿上去敲门还给他他要给我五块钱小费我没要", "zh")
    assert not any(t.negated for t in seg.tokens if t.text in ("还给", "敲门", "手机"))
    # a short fronted topic still is one (安排优先级这种事情我是不会去做的)
    seg = segment("安排优先级这种事情我是不会去做的", "zh")
    assert any(t.negated for t in seg.tokens if t.text == "安排")


# --- giving back and making good are results --------------------------------------------------------------------------
@pytest.mark.parametrize("text,told", [
    ("我追出去还给他", True), ("我就拿上去敲门还给他", True), ("把手机归还给失主", True), ("我自己补上了", True),
    ("钱补回去了", True),
    ("我还给他打了电话", False), ("我还给她倒了杯水", False), ("他没还给我", False), ("我去补货", False),
])
def test_what_gives_back_or_makes_good(text, told):
    assert features.restored(segment(text, "zh").tokens) is told


@pytest.mark.parametrize("case_id", ["h10", "h21"])
def test_an_integrity_story_whose_ending_is_a_return_or_a_shortfall_made_good_passes(case_id):
    r = run(B49[case_id])
    assert r["status"] == "scored" and r["overall"] >= 60, r.get("overall")
    assert not any(x.startswith("没有说到最后的结果") for x in reasons_of(r))


def test_the_books_balanced_to_the_cent_is_the_ending_not_a_number():
    r = scored(B49["h10"]["text"], HELP)
    said = " ".join(reasons_of(r))
    assert "一分不差" in said and "、一分" not in said and "：一分" not in said, said


# --- 有次 names no one else; the remedy after the mistake is its story ------------------------------------------------
@pytest.mark.parametrize("opening", ["有次", "那次"])
def test_once_is_no_one_else(opening):
    a = analysis_of(f"我在美团跑外卖。{opening}送完餐下楼，看到地上有个手机，我就拿上去还给顾客了。", B49["h07"]["question"])
    assert a.counts["others_actions"] == 0, a.details.get("action_clauses")


@pytest.mark.parametrize("said", [commas(B49["h47"]["text"]), commas(B49["h18"]["text"])])
def test_the_remedy_after_the_mistake_told_is_not_an_aside(said):
    a = analysis_of(said, MISTAKE)
    assert not a.details["excluded_clause_ids"], a.details["excluded_clause_ids"]
    assert scored(said, MISTAKE)["overall"] >= 60
