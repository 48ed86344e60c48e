"""The CLI's question file (python -m functions.analyze --question q.json) is refused as the API refuses the same
question when HR saves it (functions/analyze/scoring/question_check.saving_problems): two competencies whose
names are one name once normalised (case, full/half width, spaces, end punctuation, traditional vs simplified
Chinese), an unknown `type`, `competencies` null or [], a name of punctuation only, more competencies or words
than the API takes (a weight of the wrong type or out of (0, 100] is problems()'s) — exit 2 with {"error": "bad_question", "message": <Chinese>}, no
traceback. Honest near-misses (names that only look alike, keywords that are one word once normalised, the
shipped data sets' questions) still score."""
import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from functions.analyze import __main__ as cli
from functions.analyze import pipeline
from functions.analyze.scoring import question_check

ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
QUESTION = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
            "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级"]},
                             {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "同事", "分工"]}]}
STORY = ("去年双十一前一天晚上，店里突然多了三百箱急单，要第二天中午前发完。我先把订单按目的地分成三批，"
         "和两个同事分工，我负责核对单号，扫码枪坏了我就手工登记，第二天上午十点半全部发完，客户没有一单投诉。")


def names(*pairs):
    """QUESTION with its two competencies renamed."""
    q = copy.deepcopy(QUESTION)
    for comp, name in zip(q["competencies"], pairs):
        comp["name"] = name
    return q


def with_fields(**fields):
    return {**copy.deepcopy(QUESTION), **fields}


def first_comp(**fields):
    q = copy.deepcopy(QUESTION)
    q["competencies"][0].update(fields)
    return q


def run_cli(tmp_path, capsys, doc, *extra):
    q, t = tmp_path / "q.json", tmp_path / "t.txt"
    q.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    t.write_text(STORY, encoding="utf-8")
    code = cli.main(["-", "--question", str(q), "--transcript", str(t), "--compact", *extra])
    out = capsys.readouterr()
    return code, out


BAD = [
    # duplicate names, the finding's and the family around it
    ("dup-exact", names("沟通能力", "沟通能力"), "沟通能力"),
    ("dup-space", names("沟通能力", " 沟通 能力 "), "沟通能力"),
    ("dup-ideographic-space", names("团队协作", "团队\u3000协作"), "团队协作"),
    ("dup-traditional", names("沟通能力", "溝通能力"), "溝通能力"),
    ("dup-traditional-2", names("执行力", "執行力"), "執行力"),
    ("dup-case", names("Teamwork", "TEAMWORK"), "TEAMWORK"),
    ("dup-full-width", names("ＳＱＬ", "sql"), "ＳＱＬ"),
    ("dup-punctuation", names("服务意识", "服务意识。"), "服务意识"),
    ("dup-in-context", {"language": "zh", "question": names("沟通能力", "溝通能力")}, "溝通能力"),
    # the question type
    ("type-unknown", with_fields(type="stroy"), "type"), ("type-capital", with_fields(type="Story"), "type"),
    ("type-empty", with_fields(type=""), "type"), ("type-chinese", with_fields(type="行为题"), "type"),
    # competencies that are not a non-empty list
    ("competencies-null", with_fields(competencies=None), "competencies"),
    ("competencies-empty", with_fields(competencies=[]), "competencies"),
    ("competencies-too-many", with_fields(competencies=[{"name": f"能力{i}", "keywords": ["安排"]} for i in range(11)]),
     "10"),
    # names
    ("name-punctuation", first_comp(name="——"), "名称"), ("name-dots", first_comp(name="。。。"), "名称"),
    ("name-too-long", first_comp(name="执" * 41), "40"),
    # weights HR cannot mean (the type and range check of problems() says the rest)
    ("weight-zero", first_comp(weight=0), "weight"), ("weight-string", first_comp(weight="1"), "weight"),
    ("weight-negative", first_comp(weight=-0.5), "weight"), ("weight-nan", first_comp(weight=float("nan")), "weight"),
    # sizes the API refuses
    ("keywords-51", first_comp(keywords=[f"词{i}" for i in range(51)]), "50"),
    ("synonyms-101", first_comp(synonyms=[f"近义{i}" for i in range(101)]), "100"),
    ("keyword-41", first_comp(keywords=["安" * 41]), "40"),
    ("text-1001", with_fields(text="讲" * 1001), "1000"),
    ("anchor-1001", first_comp(anchors={"strong": "好" * 1001}), "anchors"),
]


@pytest.mark.parametrize("doc,said", [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_the_cli_refuses_what_the_api_refuses_on_save(tmp_path, capsys, doc, said):
    code, out = run_cli(tmp_path, capsys, doc)
    assert code == 2, out.out
    err = json.loads(out.out)
    assert err["error"] == "bad_question" and CHINESE.search(err["message"]) and said in err["message"], err
    assert "Traceback" not in out.err and "bad_question" in out.err


def test_duplicates_are_named_with_what_to_do():
    found = question_check.saving_problems(names("沟通能力", "溝通能力"), "zh")
    assert len(found) == 1 and "“沟通能力”和“溝通能力”" in found[0] and "合并" in found[0]
    three = copy.deepcopy(QUESTION)
    three["competencies"] += [{"name": "執行力 ", "keywords": ["完成"]}, {"name": "团队協作", "keywords": ["配合"]}]
    found = question_check.saving_problems(three, "zh")
    assert len(found) == 2 and "执行力" in found[0] and "团队协作" in found[1]


def test_the_real_command_refuses_without_a_traceback(tmp_path):
    q, t = tmp_path / "q.json", tmp_path / "t.txt"
    q.write_text(json.dumps(names("沟通能力", "溝通能力"), ensure_ascii=False), encoding="utf-8")
    t.write_text(STORY, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "functions.analyze", "-", "--question", str(q), "--transcript", str(t)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert json.loads(run.stdout)["error"] == "bad_question"


NEAR_MISSES = [
    ("different-names", names("沟通能力", "沟通技巧")),
    ("similar-meaning", names("团队协作", "团队合作")),
    ("symbols-kept", names("C#", "C++")),
    ("longer-name", names("执行力", "执行力与时间管理")),
    ("known-type-story", with_fields(type="story")),
    ("data-set-type", with_fields(type="behavioural")),
    ("no-competencies-field", {k: v for k, v in QUESTION.items() if k != "competencies"}),
    ("smallest-api-weight", first_comp(weight=0.01)),
    ("scaled-weight-from-a-context", first_comp(weight=1e-4)),
    ("keywords-one-word-normalised", first_comp(keywords=["按时", "按時", " 按时 ", "ＡＮ時", "安排", "安排"])),
    ("one-keyword-two-competencies", first_comp(keywords=["同事", "安排"])),
]


@pytest.mark.parametrize("doc", [case[1] for case in NEAR_MISSES], ids=[case[0] for case in NEAR_MISSES])
def test_honest_questions_are_still_scored(tmp_path, capsys, doc):
    assert question_check.saving_problems(doc, "zh") == []
    code, out = run_cli(tmp_path, capsys, doc)
    assert code == 0, out.out + out.err
    result = json.loads(out.out)
    assert result["status"] == "scored" and result["overall"] >= 50, result
    if doc.get("competencies"):
        assert [c["name"] for c in result["competencies"]] == [c["name"] for c in doc["competencies"]]


def test_keywords_that_are_one_word_once_normalised_are_matched_once(tmp_path, capsys):
    code, out = run_cli(tmp_path, capsys, first_comp(keywords=["按时", "按時", "ＡＮ時", "安排", " 安排 "]))
    assert code == 0
    evidence = [e["keyword"] for e in json.loads(out.out)["competencies"][0]["evidence"]]
    assert len(evidence) == len(set(evidence))


def test_the_data_sets_questions_pass_the_saving_check():
    """No question the scorer's own data sets ship (models/scorer/data, eval sets a–k) is refused by the CLI."""
    for path in [ROOT / "models/scorer/data/questions.json"] + [
            ROOT / f"models/scorer/eval/unseen-roles-{x}/questions.json" for x in "abcdefghijk"]:
        doc = json.loads(path.read_text(encoding="utf-8"))
        items = doc if isinstance(doc, list) else doc.get("questions", doc)
        for q in items.values() if isinstance(items, dict) else items:
            assert question_check.saving_problems(q, q.get("language", "zh")) == [], (path, q.get("id"))


def test_the_pipeline_still_scores_a_saved_question_with_duplicate_names():
    """saving_problems is for a question HR writes; a question saved before this check (duplicate names in the
    database) is still scored, not sent to a person for every answer."""
    result = pipeline.analyze_transcript(STORY, names("沟通能力", "沟通能力"), "zh")
    assert result["status"] == "scored" and len(result["competencies"]) == 2


@pytest.mark.parametrize("name,key", [("沟通能力", "沟通能力"), ("溝通能力", "沟通能力"), (" 沟通\u3000能力。", "沟通能力"),
                                      ("ＣＯＭＭ", "comm"), ("C#", "c#"), ("——", ""), ("   ", ""), (5, "")])
def test_name_key(name, key):
    assert question_check.name_key(name, "zh") == key


def test_a_context_the_api_serves_passes_the_cli_with_its_scaled_weights(tmp_path, capsys):
    """The API stores weights scaled to sum 1 (0.01 next to nine of 100 is about 1.1e-5): a context document with
    them is scored by the CLI, not refused for a weight HR never typed."""
    comps = [{"name": f"能力{i}", "weight": 0.111109, "keywords": ["安排"]} for i in range(9)]
    comps.append({"name": "细心", "weight": 0.000011, "keywords": ["核对"]})
    code, out = run_cli(tmp_path, capsys, {"language": "zh", "question": {**QUESTION, "competencies": comps}})
    assert code == 0 and json.loads(out.out)["status"] == "scored"
