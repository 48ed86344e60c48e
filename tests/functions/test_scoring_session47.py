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


def test_a_template_told_in_sentences_is_no_chain_and_stays_scored_low():
    # (其次我和同事沟通协调: a conjunction is grammar — the template is scored low as one, not sent to a person as a list)
    said = "我的任务是按时完成订单。首先我安排好优先级，其次我和同事沟通协调，最后我们顺利完成了任务，结果很好。"
    assert analysis_of(said, B49["g01"]["question"]).counts["stock_phrase_clauses"] == 0
    assert scored(said, B49["g01"]["question"])["overall"] < 45


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


# --- breaker 50: stock phrases with figures hung on them --------------------------------------------------------------
B50 = load("breaker50")


@pytest.mark.parametrize("case_id", ["g04", "g14", "g42", "g60", "g61", "g62", "g63", "g64"])
def test_a_chain_of_stock_phrases_dressed_in_figures_is_bounded(case_id):
    r = run(B50[case_id])
    assert r["status"] == "needs_review" or r["overall"] <= 45, r.get("overall")


@pytest.mark.parametrize("said", [
    "那次订单特别急，我安排好优先级，和三个同事分工，晚上加班到十一点，按时发完四百单。",
    "客户很生气，我耐心安抚，跟进处理，当天补发，第二天反馈收到了。",
])
def test_a_terse_report_in_hrs_words_has_no_template_tells_and_is_no_chain(said):
    # (its counts, hours and steps and nothing else: no manner words, claimed rates or figures on abstract deeds)
    assert analysis_of(said, B49["g01"]["question"]).counts["stock_phrase_clauses"] == 0


@pytest.mark.parametrize("case_id", ["h13", "h14"])
def test_an_honest_story_with_figures_and_hr_terms_is_no_chain(case_id):
    # (the warehouse story: 先把三百箱按目的地分成三批，跟两个同事分工… — its own words and grammar)
    r = run(B50[case_id])
    assert r["status"] == "scored" and r["overall"] >= 65, r.get("overall")


# --- misconduct: what was found taken or sold; a lapse made right is owned ------------------------------------------
@pytest.mark.parametrize("case_id,deed", [("g31", "我拿了五百"), ("g65", "拿去卖了")])
def test_taking_or_selling_what_a_customer_lost_is_named_misconduct(case_id, deed):
    r = run(B50[case_id])
    assert r["overall"] <= 35
    assert any(deed in x and "私拿钱物" in x for x in reasons_of(r)), reasons_of(r)


@pytest.mark.parametrize("said", [
    "有个顾客手机落在店里了，我拿了手机就追出去还给他，他很感谢。",
    "有位阿姨把钱包落在柜台上，我拿了钱包一路追到公交站还给了她。",
])
def test_taking_up_a_lost_thing_to_give_it_back_is_no_misconduct(said):
    r = scored(said, HELP)
    assert not any("私拿钱物" in x for x in reasons_of(r)), reasons_of(r)


@pytest.mark.parametrize("case_id", ["h36", "h60"])
def test_a_lapse_made_right_or_learnt_from_is_owned_not_counter_evidence(case_id):
    r = run(B50[case_id])
    assert r["overall"] >= 60, r["overall"]
    assert any("算作吸取教训的经历" in x for x in reasons_of(r)), reasons_of(r)


def test_a_lapse_made_right_only_after_being_caught_stays_counter_evidence():
    r = scored("有次我给顾客少找了十块钱，被店长查监控发现了，我才还给了她。", MISTAKE)
    assert r["overall"] <= 35, r["overall"]


# --- English: a time naming the food is its modifier; a learning told answers a learning question --------------------
@pytest.mark.parametrize("case_id", ["h58", "h65"])
def test_baking_the_afternoon_bread_is_no_impossible_act(case_id):
    assert run(B50[case_id])["status"] == "scored"


def test_baking_the_afternoon_itself_still_is():
    r = pipeline.analyze_transcript("I baked the afternoon and then I fried the queue and the morning sang to the customers.",
                                    B50["h65"]["question"], "en")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense"


@pytest.mark.parametrize("case_id", ["h34", "h63"])
def test_an_english_learning_story_told_outside_the_job_answers_a_learning_question(case_id):
    r = run(B50[case_id])
    assert r["overall"] >= 40, r["overall"]
    assert not any("跑题" in x for x in reasons_of(r))
    assert not any(x.startswith("没有说到最后的结果") for x in reasons_of(r)), reasons_of(r)


@pytest.mark.parametrize("said", [
    "I love fishing at the weekend with my dad, we caught ten fish last Sunday and cooked them by the lake.",
    # (a hobby learned is still a hobby: the learning must be for the work — so I could…, for our shop)
    "Hands-on skills, that reminds me of cooking. I love cooking and I learned most of it from videos. My favourite dish "
    "is braised pork belly: you blanch the pork, then caramelise some rock sugar and let it simmer for about an hour.",
])
def test_a_hobby_is_still_off_topic_on_a_learning_question(said):
    r = pipeline.analyze_transcript(said, B50["h34"]["question"], "en")
    assert r["overall"] <= 35, r["overall"]


@pytest.mark.parametrize("text,normal", [
    ("got 50,000 views", "got 50000 views"), ("1,234,567 items", "1234567 items"), ("我买了2,000块", "我买了2000块"),
    ("i bought 3, then 4", "i bought 3, then 4"), ("12,34", "12,34"),
])
def test_a_thousands_separator_is_part_of_its_number(text, normal):
    from functions.analyze.scoring.text import normalise
    assert normalise(text, "en") == normal


def test_a_fault_denied_over_the_whole_stretch_is_the_ending():
    said = "那个月我们每天都干到晚上九点多，我每天先检查刹车，装车的时候让装卸工站旁边，但是一直没出什么事。"
    a = analysis_of(said, B49["g01"]["question"])
    assert "没出什么事" in (a.details["outcome_clause"] or ""), a.details["outcome_clause"]


def test_a_digression_after_the_plan_told_is_still_an_aside():
    # (the clauses after the asked situation told are its story — until a scene of its own opens: 我最近在考驾照…; set k's
    # answer rated 1–3 passed at 66.1 when the carry ran over it)
    import json
    from pathlib import Path
    folder = Path(__file__).resolve().parents[2] / "models" / "scorer" / "eval" / "unseen-roles-k"
    answer = next(a for a in map(json.loads, (folder / "answers.jsonl").read_text(encoding="utf-8").splitlines())
                  if a["id"] == "k-e74ef665")
    q = next(q for q in json.loads((folder / "questions.json").read_text(encoding="utf-8")) if q["qid"] == answer["qid"])
    a = analysis_of(answer["text"], q)
    assert "终于过了" not in (a.details["outcome_clause"] or ""), a.details["outcome_clause"]


# --- breaker 51 --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,pronoun", [("有一次我少找了顾客十块钱", "我"), ("有一次我多收了他二十", "我"), ("他少给了五块", "他")])
def test_a_pronoun_glued_to_the_next_character_by_jieba_is_split(text, pronoun):
    # (jieba's new-word finder made 我少 a word; dictionary words keep theirs: 我们, 我国)
    words = [t.text for t in segment(text, "zh").tokens]
    assert pronoun in words and not any(len(w) == 2 and w[0] == pronoun and w not in ("我们", "他们") for w in words), words
    assert "我国" in [t.text for t in segment("我国的快递", "zh").tokens]


@pytest.mark.parametrize("said,owned", [
    ("有次我给顾客少找了十块钱，我马上追出去还给了她，跟她道了歉。", True),
    ("有一次我少找了顾客十块钱，顾客回来找我理论，我一开始说不可能，后来查了监控才承认，把钱退给了他。", False),
])
def test_a_lapse_owned_only_after_the_footage_is_caught_not_owned(said, owned):
    r = scored(said, MISTAKE)
    assert any("算作吸取教训的经历" in x for x in reasons_of(r)) is owned, reasons_of(r)


@pytest.mark.parametrize("said,named", [
    ("我把单子写错了，店长问的时候我说是新来的小李写的，他被扣了钱，我就没事了。", True),
    ("我把单子写错了，店长问的时候我说是我写的，主动道歉，重新写了一份，后来每次都核对两遍。", False),
    ("单子是新来的小李写的，我发现写错了，就帮他改过来，跟店长说了一声，后来教他怎么核对。", False),
])
def test_ones_own_mistake_said_to_be_someone_elses_is_named(said, named):
    # (breaker 51's g08: 40.8, no counter-evidence)
    r = scored(said, MISTAKE)
    assert any("诬赖顾客或同事" in x for x in reasons_of(r)) is named, reasons_of(r)
