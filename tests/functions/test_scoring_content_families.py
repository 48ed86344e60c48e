"""Content features count only what the answer really says (issue 8, the breaker's content-feature families):
everyday English words are no names, numerals in set phrases are no quantities, slips and actions are the
candidate's only when the candidate is their subject, and a tail that only lists HR's keywords adds nothing.
Each family is checked on several members, and the HR reasons agree with the features."""
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features
from models.scorer import dataset
from tests.functions.test_scoring_explain_truth import DID_CONCRETE, violations
from tests.functions.test_scoring_reasons import STORY_Q, all_reasons, quoted, run

EVAL = Path(__file__).resolve().parents[2] / "models" / "scorer" / "eval"


def analysed(text, question=STORY_Q):
    return features.analyse([{"word": text}], "zh", question)


@pytest.mark.parametrize("word", ["OK", "so", "anyway", "nice", "yeah", "sorry", "whatever", "cool", "basically"])
def test_everyday_english_words_are_no_names(word):
    a = analysed(f"那天订单特别多，{word}，我们就把货分好发了。")
    assert not any(k == word.lower() for k in a.details["concrete"]), a.details["concrete"]


@pytest.mark.parametrize("word", ["Excel", "iPhone", "SKU", "A12", "WiFi"])
def test_names_products_and_codes_still_count(word):
    a = analysed(f"那天订单特别多，我用{word}把三百箱货的单子核对了一遍。")
    assert word.lower() in a.details["concrete"], a.details["concrete"]


def test_reasons_never_praise_english_small_talk_as_a_detail():
    r = run("OK，so anyway，那次订单很急，nice，我们先把货分好，再发出去。")
    for s in all_reasons(r):
        if s.startswith(DID_CONCRETE):
            assert not {"ok", "so", "anyway", "nice"} & {q.lower() for q in quoted(s)}, s
    assert violations(r) == []


@pytest.mark.parametrize("phrase", ["一百分", "十分重要", "万一出错", "百分百", "一起", "一样", "一般", "三心二意",
                                    "七上八下", "一下一点儿", "一直", "一定", "一五一十", "接二连三", "千万别急"])
def test_numerals_in_set_phrases_are_no_quantities(phrase):
    a = analysed(f"我觉得做事要{phrase}，我们就把货分好发了。")
    assert not any(kind == "number" for kind in a.details["concrete"].values()), a.details["concrete"]


@pytest.mark.parametrize("phrase, item", [("三个人", "三个"), ("300箱货", "300"), ("十点半", "十点"),
                                          ("两次", "两次"), ("第二天", "第二天"), ("一百个订单", "一百个"),
                                          ("二十分钟", "二十分钟"), ("一百一十箱", "一百一十")])
def test_real_quantities_and_times_still_count(phrase, item):
    a = analysed(f"那次订单很急，我们{phrase}把货分好发完了。")
    assert item in a.details["concrete"], a.details["concrete"]


def test_set_phrase_answer_is_not_called_concrete():
    r = run("我一直觉得一定要做到一百分，十分重要，万一出错就百分百完蛋，大家要一起，不能三心二意，心里七上八下。")
    assert r["features"]["concreteness"] == 0
    assert not any(s.startswith(DID_CONCRETE) for s in all_reasons(r))
    assert violations(r) == []


@pytest.mark.parametrize("other", ["同事", "顾客", "客户", "店长", "小王", "他"])
def test_someone_elses_slip_is_not_the_candidates(other):
    a = analysed(f"那天订单很急，{other}忘了贴标签，我就一箱一箱补贴上了，十点前都发完了。")
    assert a.answer["reluctance"] == 0, a.details["reluctance"]


@pytest.mark.parametrize("text", ["那天订单很急，我忘了贴标签，后来补上了。",
                                  "那天订单很急，我先分货，然后忘了贴标签。"])
def test_the_candidates_own_slip_still_counts(text):
    assert analysed(text).answer["reluctance"] > 0


def test_actions_of_others_are_not_the_candidates():
    a = analysed("我们先把300箱货分成三批，第二天客户收到了货，同事忘了贴两箱的标签。")
    assert a.details["action_clauses"] == ["我们先把300箱货分成三批"]


def _tail(question):
    kws = [k for c in question["competencies"] for k in c["keywords"]]
    return ["总之我" + "、".join(kws) + "都做到了。", "，".join(kws) + "。", "".join(kws) + "。"]


STRONG = ("那天下午三点来了三百箱急单，要求六点前发走。我先把单子按快递公司分成三批，"
          "让两个同事一个贴单一个封箱，我自己用扫描枪核对，五点四十全部发完了，第二天没有一单投诉。")


@pytest.mark.parametrize("k", range(3))
def test_a_keyword_tail_adds_nothing_to_a_strong_answer(k):
    base = run(STRONG)
    tailed = run(STRONG + _tail(STORY_Q)[k])
    assert abs(tailed["overall"] - base["overall"]) <= 1.0, (base["overall"], tailed["overall"])
    assert violations(tailed) == []


def test_a_term_said_in_a_sentence_of_its_own_still_counts():
    a = analysed("那天三百箱急单，我先跟仓库沟通了发货顺序，再协调两个同事分工贴单。")
    comp = {c.name: v for c, v, _ in a.competencies}
    assert comp["团队协作"]["evidence"] > 0


@pytest.mark.parametrize("folder", ["unseen-roles-c", "unseen-roles-d"])
def test_keyword_tails_on_the_eval_sets_change_strong_answers_by_at_most_a_point(folder):
    answers = [a for a in dataset.load(EVAL / folder) if a.kind in ("strong", "short_strong")][:6]
    assert answers
    for ans in answers:
        base = pipeline.analyze_transcript(ans.text, ans.question, "zh")
        if base["status"] != "scored":
            continue
        text = ans.text.rstrip() + ("" if ans.text.rstrip().endswith(("。", "！", "？")) else "。")
        tailed = pipeline.analyze_transcript(text + _tail(ans.question)[0], ans.question, "zh")
        assert tailed["status"] == "scored"
        assert abs(tailed["overall"] - base["overall"]) <= 1.0, (ans.id, base["overall"], tailed["overall"])


@pytest.mark.parametrize("text", ["顾客来取花的时候说包装纸颜色太暗了，不喜欢。我就给她换了浅黄色的纸，十分钟就弄好了。",
                                  "如果他不想加钱，我就只换屏，再提醒他以后可能还会出问题。",
                                  "那天顾客骂了我们几句，我先道歉，再把三箱货重新打包发了。"])
def test_what_a_customer_says_or_refuses_is_not_the_candidates_reluctance(text):
    assert analysed(text).answer["reluctance"] == 0
