"""Breaker round 2 (breaker8 findings 8, 9 and 13), language families.

- Negation scope (Chinese): a negator negates the predicate it stands before, not every word after it in
  the clause (没有一个人抱怨加班 negates 抱怨, not 加班); two negators affirm (不是不愿意, 没有不, 不会不, 从不
  拒绝); 不但/不仅/不只/不光 and A-not-A questions (会不会, 有没有) are not negation; 从没/从来没/很少 are.
- Claims are not concrete details: 满意度/效率/…率 with a percentage name nothing.
- Keywords: never matched inside a word derived from them (公式 in 公式化); the CLI refuses the keywords the
  API refuses, through the same code (functions/analyze/scoring/keywords.py).
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import keywords, text
from functions.analyze.scoring.features import claimed_rate, concrete_kind
from tests.functions.conftest import ISSUE_QUESTION as QUESTION

ROOT = Path(__file__).resolve().parents[2]
# the breaker's cases (attacks/txt/*.txt)
NEG_FALSE_POS = ("上周三下午来了120单急件，不到两个小时我就和三个同事分工好了：两人拣货，我和小周打包，"
                 "没有一个人抱怨加班，晚上八点全部按时发出，没有一单错。")
NEG_DOUBLE = "我不是不愿意加班，那次我主动加班到凌晨两点，和三个同事分工，按时把两百单发完。"
NEG_FAR = "说实话，安排优先级这种事情我是不会去做的，和同事沟通协调、分工加班我也都不太愿意。"
TEMPLATE_NUMBERS = ("当时的情况是有一个500单的紧急订单，时间只有8小时。我的任务是按时完成。首先我安排优先级，"
                    "然后和3个同事沟通协调、分工加班，最后提前2小时完成，客户满意度100%。")


def negated(sentence: str, word: str) -> bool:
    seg = text.segment(sentence, "zh")
    toks = [t for t in seg.tokens if t.text == word]
    assert toks, (sentence, word, [t.text for t in seg.tokens])
    return any(t.negated for t in toks)


@pytest.mark.parametrize("sentence, word", [
    ("没有一个人抱怨加班", "加班"),                   # 抱怨 is what is negated
    ("没有一个同事抱怨分工", "分工"),
    ("大家都没有埋怨加班，晚上八点全部发完", "加班"),
    ("我不是不愿意加班", "加班"),                     # double negation affirms
    ("我没有不按时的时候", "按时"),
    ("我不会不加班", "加班"),
    ("我从不拒绝加班", "加班"),
    ("我不但加班，而且安排优先级", "加班"),            # contrastive, not negation
    ("我不只会沟通，还会协调", "沟通"),
    ("我不仅会沟通还会协调", "协调"),
    ("我不得不加班", "加班"),
    ("店里会不会有相关的培训", "培训"),                # A-not-A question
    ("我能不能加班", "加班"),
])
def test_words_outside_the_negated_predicate_are_not_negated(sentence, word):
    assert not negated(sentence, word)


@pytest.mark.parametrize("sentence, word", [
    ("我从没按时完成过", "按时"),
    ("我从来没加班", "加班"),
    ("我从来没有和同事沟通过", "沟通"),
    ("我不愿意加班", "加班"),
    ("我不喜欢沟通和协调", "协调"),                   # coordinated with the negated head
    ("我没跟同事沟通协调", "协调"),
    ("我很少和同事沟通", "沟通"),
    ("我不太会安排优先级", "安排"),                   # fused negator 不太会
    ("我没怎么加班", "加班"),
    ("我不会做优先级安排", "安排"),                   # over the light verb 做
    ("我没按时发完", "按时"),
    ("我没去仓库帮忙分工", "分工"),
    ("安排优先级这种事情我是不会去做的", "优先级"),     # fronted topic of a negator with no head of its own
    ("加班我不愿意", "加班"),
])
def test_the_negated_predicate_and_its_object_stay_negated(sentence, word):
    assert negated(sentence, word)


def test_conditional_negation_is_not_a_denial():
    assert not negated("不洗就隔几天再说", "隔")
    assert not negated("没有就去隔壁借货", "借货")


def _score(answer: str, question=QUESTION):
    r = pipeline.analyze_transcript(answer, question, "zh")
    assert r["status"] == "scored", r.get("reason")
    return r


def test_breaker_negation_cases_read_the_scope():
    good = _score(NEG_FALSE_POS)
    exe = next(c for c in good["competencies"] if c["name"] == "执行力")
    assert exe["features"]["negative_evidence"] == 0
    assert not any("否定" in reason for reason in exe["reasons"])
    assert any(e["keyword"] == "加班" for e in exe["evidence"])

    double = _score(NEG_DOUBLE)
    assert double["features"]["reluctance"] == 0          # 不是不愿意 is not unwilling
    template = _score(TEMPLATE_NUMBERS)
    assert double["overall"] > template["overall"]         # a short true story outranks the invented template

    far = _score(NEG_FAR)
    exe = next(c for c in far["competencies"] if c["name"] == "执行力")
    assert not any("提到了与" in reason and "安排" in reason for reason in exe["reasons"])
    assert far["overall"] < 20


@pytest.mark.parametrize("sentence, claim", [
    (TEMPLATE_NUMBERS, "满意度"),
    ("最后客户满意度达到了100%。", "满意度"),
    ("通过这个方法，我的工作效率提升了60%，差错率下降了80%。", "效率"),
    ("那个月店里的好评率是百分之九十八。", "好评率"),
])
def test_claim_nouns_and_their_percentages_are_not_concrete_details(sentence, claim):
    r = pipeline.analyze_transcript(sentence, QUESTION, "zh")
    # the reason that praises details never names the claim (the wording reason may call it 笼统: no praise)
    details = [x for c in r.get("competencies") or [] for x in c["reasons"] if x.startswith("举了具体的数字")]
    assert not any(claim in x.split("：", 1)[-1] for x in details), details
    seg = text.segment(sentence, "zh")
    words = seg.words
    tok = next(t for t in words if claim in t.text)
    assert concrete_kind(tok, "zh") is None
    rates = [k for k, t in enumerate(words) if any(c.isdigit() for c in t.text) or t.text.startswith(("百分", "九十"))]
    claimed = [k for k in rates if claimed_rate(words, k, seg.text)]
    assert claimed                                   # the percentage on the claim noun is a claim


def test_a_percentage_of_a_counted_thing_is_not_a_claim():
    seg = text.segment("我们把退货从20%降到了5%，三百箱货第二天全部发出。", "zh")
    words = seg.words
    assert not any(claimed_rate(words, k, seg.text) for k in range(len(words)))


def test_a_few_days_is_not_a_concrete_number():
    # exposed once 不洗就隔几天再说 was no longer read as one long negation
    seg = text.segment("不洗就隔几天再说，夜班一个人要管几位？", "zh")
    kinds = {t.text: concrete_kind(t, "zh") for t in seg.words}
    assert kinds["几天"] is None and kinds["几位"] == "number"


def test_counted_things_stay_concrete():
    seg = text.segment("我们一共打包了300箱货，第二天上午十点全部发出。", "zh")
    words = seg.words
    kinds = {t.text: concrete_kind(t, "zh", words[i + 1] if i + 1 < len(words) else None) for i, t in enumerate(words)}
    assert kinds["300"] == "number" and kinds["十点"] in ("number", "time")


@pytest.mark.parametrize("answer, keyword, found", [
    ("表格式的管理让我公式化地完成任务。", "公式", False),
    ("我们的协调性很好。", "协调", False),
    ("我是这里的管理者。", "管理", False),
    ("那天我用公式算出了差异。", "公式", True),
    ("我的沟通能力比较强，那次和客户沟通了半小时。", "沟通", True),
    ("他是我们的大客户。", "客户", True),
    ("同事们都来帮忙了。", "同事", True),               # the plural 们 is the same word
])
def test_keywords_never_match_inside_a_derived_word(answer, keyword, found):
    seg = text.segment(answer, "zh")
    assert bool(text.find(seg, keyword)) is found


@pytest.mark.parametrize("word, needle, derived", [
    ("公式化", "公式", True), ("协调性", "协调", True), ("管理者", "管理", True), ("服务员", "服务", True),
    ("非标准", "标准", True), ("执行力", "执行", False), ("优先级", "优先", False), ("沟通能力", "沟通", False),
])
def test_derived_rule(word, needle, derived):
    assert text.derived(word, needle) is derived


def test_excel_breaker_case_has_no_formula_evidence():
    q = {"text": "讲一次你用工具提高工作效率的经历。", "answer_seconds": 90,
         "competencies": [{"name": "工具使用", "weight": 1, "keywords": ["Excel", "表格", "公式"]}]}
    r = pipeline.analyze_transcript("我会用Excellent的态度对待工作，表格式的管理让我公式化地完成任务。", q, "zh")
    assert all(not c["evidence"] for c in r.get("competencies") or [])


def _cli(tmp_path, question: dict, answer: str):
    q = tmp_path / "q.json"
    q.write_text(json.dumps(question, ensure_ascii=False), encoding="utf-8")
    t = tmp_path / "t.txt"
    t.write_text(answer, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "functions.analyze", "-", "--question", str(q),
                           "--transcript", str(t), "--compact"], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("bad", [["先", "年", "的"], ["可以"], ["  "], ["沟通", "的"]])
def test_cli_refuses_the_keywords_the_api_refuses(tmp_path, bad):
    question = {"text": QUESTION["text"], "answer_seconds": 120,
                "competencies": [{"name": "执行力", "weight": 1, "keywords": bad}]}
    assert keywords.problems(question["competencies"], "zh")       # the API's check says no
    run = _cli(tmp_path, question, NEG_DOUBLE)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    err = json.loads(run.stdout)
    assert err["error"] == "bad_keywords" and "关键词" in err["message"]
    assert "keyword" in run.stderr


def test_cli_refuses_a_bad_synonym_and_in_a_context_document(tmp_path):
    ctx = {"language": "zh", "question": {"text": QUESTION["text"], "answer_seconds": 120, "competencies": [
        {"name": "执行力", "weight": 1, "keywords": ["按时"], "synonyms": ["年"]}]}}
    run = _cli(tmp_path, ctx, NEG_DOUBLE)
    assert run.returncode == 2 and json.loads(run.stdout)["error"] == "bad_keywords"


def test_cli_normalises_keywords_as_the_api_stores_them(tmp_path):
    question = {"text": QUESTION["text"], "answer_seconds": 120,
                "competencies": [{"name": "执行力", "weight": 1, "keywords": ["按時", "ＡＮ時", "按时", "加班"]}]}
    assert keywords.normalised_words(question["competencies"][0]["keywords"], "zh") == ["按时", "an时", "加班"]
    run = _cli(tmp_path, question, NEG_DOUBLE)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert {e["keyword"] for c in out["competencies"] for e in c["evidence"]} >= {"按时", "加班"}
