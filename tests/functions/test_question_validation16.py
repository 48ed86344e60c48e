"""A badly typed question never crashes the analyzer: the family of wrong types and values of every field the
scorer reads (text, answer_seconds, competencies and their name, weight, keywords, synonyms, behaviours,
anchors; a context's question, language and scorer/calibration). The pipeline ends such an answer
needs_review with reason_code "bad_question" and a Chinese reason naming the field; the CLI exits 2 with
{"error": "bad_question", "message": <Chinese>}; the SCF handler posts that result, and scores with the default
scorer when the context's scorer has another shape. One check: functions/analyze/scoring/question_check.py."""
import copy
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from functions.analyze import __main__ as cli
from functions.analyze import pipeline
from functions.analyze.scoring import calibration, question_check

ROOT = Path(__file__).resolve().parents[2]
NAN, INF = float("nan"), float("inf")
GOOD = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "同事", "分工"]}]}
STORY = ("去年双十一前一天晚上，店里突然多了三百箱急单，要第二天中午前发完。我先把订单按目的地分成三批，"
         "和两个同事分工，我负责核对单号，扫码枪坏了我就手工登记，第二天上午十点半全部发完，客户没有一单投诉。")


def _q(**fields) -> dict:
    return {**copy.deepcopy(GOOD), **fields}


def _comp(**fields) -> dict:
    """GOOD with its first competency changed (a field set to ... is removed)."""
    comp = {**GOOD["competencies"][0], **fields}
    return _q(competencies=[{k: v for k, v in comp.items() if v is not ...}, GOOD["competencies"][1]])


# (id, question, the field the reason must name)
BAD = [
    ("question-list", [GOOD], "JSON 对象"), ("question-string", "讲一次急单的经历", "JSON 对象"),
    ("question-number", 5, "JSON 对象"), ("question-null", None, "JSON 对象"),
    ("text-number", _q(text=5), "text"), ("text-list", _q(text=["讲一次急单"]), "text"), ("text-empty", _q(text=""), "text"),
    ("text-blank", _q(text="  \u3000 "), "text"), ("text-null", _q(text=None), "text"), ("text-dict", _q(text={}), "text"),
    ("text-missing", {k: v for k, v in GOOD.items() if k != "text"}, "text"),
    ("seconds-string", _q(answer_seconds="120"), "answer_seconds"), ("seconds-negative", _q(answer_seconds=-5), "answer_seconds"),
    ("seconds-zero", _q(answer_seconds=0), "answer_seconds"), ("seconds-huge", _q(answer_seconds=10 ** 9), "answer_seconds"),
    ("seconds-float-huge", _q(answer_seconds=1e300), "answer_seconds"),
    ("seconds-int-beyond-float", _q(answer_seconds=10 ** 400), "answer_seconds"),
    ("seconds-nan", _q(answer_seconds=NAN), "answer_seconds"), ("seconds-inf", _q(answer_seconds=INF), "answer_seconds"),
    ("seconds-true", _q(answer_seconds=True), "answer_seconds"), ("seconds-false", _q(answer_seconds=False), "answer_seconds"),
    ("seconds-list", _q(answer_seconds=[120]), "answer_seconds"), ("seconds-dict", _q(answer_seconds={}), "answer_seconds"),
    ("tolerance-string", _q(answer_tolerance_seconds="5"), "answer_tolerance_seconds"),
    ("tolerance-negative", _q(answer_tolerance_seconds=-1), "answer_tolerance_seconds"),
    ("type-number", _q(type=3), "type"), ("type-list", _q(type=["closing"]), "type"),
    ("reference-number", _q(reference_answer=5), "reference_answer"),
    ("competencies-string", _q(competencies="执行力"), "competencies"),
    ("competencies-dict", _q(competencies={"name": "执行力", "keywords": ["安排"]}), "competencies"),
    ("competencies-number", _q(competencies=3), "competencies"), ("competencies-true", _q(competencies=True), "competencies"),
    ("competencies-strings", _q(competencies=["执行力", "团队协作"]), "第 1 项考察能力"),
    ("competencies-null-item", _q(competencies=[None]), "第 1 项考察能力"),
    ("competencies-nested", _q(competencies=[[GOOD["competencies"][0]]]), "第 1 项考察能力"),
    ("name-missing", _comp(name=...), "name"), ("name-empty", _comp(name=""), "name"), ("name-number", _comp(name=7), "name"),
    ("name-list", _comp(name=["执行力"]), "name"), ("name-null", _comp(name=None), "name"),
    ("weight-string", _comp(weight="0.5"), "weight"), ("weight-word", _comp(weight="heavy"), "weight"),
    ("weight-negative", _comp(weight=-1), "weight"), ("weight-zero", _comp(weight=0), "weight"),
    ("weight-nan", _comp(weight=NAN), "weight"), ("weight-inf", _comp(weight=INF), "weight"),
    ("weight-true", _comp(weight=True), "weight"), ("weight-list", _comp(weight=[1]), "weight"),
    ("weight-huge", _comp(weight=1e12), "weight"), ("weight-int-beyond-float", _comp(weight=10 ** 400), "weight"),
    ("keywords-string", _comp(keywords="按时"), "keywords"), ("keywords-numbers", _comp(keywords=[1, 2]), "keywords"),
    ("keywords-nulls", _comp(keywords=[None, "安排"]), "keywords"), ("keywords-nested", _comp(keywords=[["安排"]]), "keywords"),
    ("keywords-dict", _comp(keywords={"安排": 1}), "keywords"), ("keywords-number", _comp(keywords=5), "keywords"),
    ("keywords-true", _comp(keywords=True), "keywords"), ("keywords-dict-items", _comp(keywords=[{"word": "安排"}]), "keywords"),
    ("synonyms-string", _comp(synonyms="统筹"), "synonyms"), ("synonyms-number", _comp(synonyms=5), "synonyms"),
    ("synonyms-nested", _comp(synonyms=[["统筹"]]), "synonyms"), ("synonyms-nulls", _comp(synonyms=[None]), "synonyms"),
    ("synonyms-dict", _comp(synonyms={"统筹": "安排"}), "synonyms"),
    ("behaviours-string", _comp(behaviours="分批发货"), "behaviours"), ("behaviours-numbers", _comp(behaviours=[1]), "behaviours"),
    ("anchors-string", _comp(anchors="讲清楚分工和结果"), "anchors"), ("anchors-list", _comp(anchors=["好", "差"]), "anchors"),
    ("anchors-number", _comp(anchors=5), "anchors"), ("anchors-unknown-level", _comp(anchors={"great": "讲清楚了"}), "great"),
    ("anchors-number-value", _comp(anchors={"strong": 5}), "strong"),
    ("anchors-nested-value", _comp(anchors={"strong": [["分批"]]}), "strong"),
    ("anchors-dict-value", _comp(anchors={"weak": {"text": "不知道"}}), "weak"),
]
IDS = [case[0] for case in BAD]
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("question,field", [case[1:] for case in BAD], ids=IDS)
def test_the_pipeline_sends_a_badly_typed_question_to_a_person(question, field):
    result = pipeline.analyze_transcript(STORY, copy.deepcopy(question), "zh")
    assert result["status"] == "needs_review" and result["reason_code"] == "bad_question"
    assert result["reason"].startswith("题目设置有问题") and field in result["reason"]
    assert result["overall"] is None and result["competencies"] == [] and result["feedback"] is None
    json.dumps(result, allow_nan=False)   # what the handler posts is valid JSON


@pytest.mark.parametrize("question,field", [case[1:] for case in BAD[::6]], ids=IDS[::6])
def test_the_audio_path_checks_the_question_before_decoding(tmp_path, question, field):
    not_audio = tmp_path / "answer.m4a"
    not_audio.write_bytes(b"not audio at all")
    result = pipeline.analyze_file(not_audio, copy.deepcopy(question), "zh")
    assert (result["status"], result["reason_code"]) == ("needs_review", "bad_question") and field in result["reason"]


@pytest.mark.parametrize("question,field", [case[1:] for case in BAD], ids=IDS)
def test_the_cli_refuses_a_badly_typed_question_with_exit_2(tmp_path, capsys, question, field):
    q, t = tmp_path / "q.json", tmp_path / "t.txt"
    q.write_text(json.dumps(question, ensure_ascii=False), encoding="utf-8")   # NaN/Infinity as json writes them
    t.write_text(STORY, encoding="utf-8")
    assert cli.main(["-", "--question", str(q), "--transcript", str(t), "--language", "zh"]) == 2
    out = capsys.readouterr()
    err = json.loads(out.out)
    assert set(err) == {"error", "message"} and err["error"] == "bad_question"
    assert CHINESE.search(err["message"]) and field in err["message"] and str(q) in err["message"]
    assert "Traceback" not in out.err


# whole analysis contexts (GET /api/internal/analysis-context), as the CLI takes them
CALIBRATION = {"format": 1, "features": ["concreteness"], "center": {"concreteness": 0.5}, "scale": {"concreteness": 0.2},
               "shared": {"intercept": 0.1, "slope": 1.0, "weights": {"concreteness": 0.1}}, "competencies": {},
               "base": "default-8"}
BAD_CONTEXTS = [
    ("question-list", {"language": "zh", "question": [GOOD]}, "JSON 对象"),
    ("question-string", {"language": "zh", "question": "讲一次急单的经历"}, "JSON 对象"),
    ("question-null", {"language": "zh", "question": None}, "JSON 对象"),
    ("question-badly-typed", {"language": "zh", "question": _comp(keywords="安排")}, "keywords"),
    ("language-number", {"language": 5, "question": GOOD}, "language"),
    ("language-unknown", {"language": "fr", "question": GOOD}, "language"),
    ("scorer-string", {"question": GOOD, "scorer": "default"}, "scorer"),
    ("scorer-list", {"question": GOOD, "scorer": ["default"]}, "scorer"),
    ("version-number", {"question": GOOD, "scorer": {"version": 3}}, "scorer.version"),
    ("version-list", {"question": GOOD, "scorer": {"version": ["default"]}}, "scorer.version"),
    ("version-empty", {"question": GOOD, "scorer": {"version": ""}}, "scorer.version"),
    ("calibration-string", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": "on"}}, "calibration"),
    ("calibration-list", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": [1]}}, "calibration"),
    ("calibration-no-shared", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": {
        k: v for k, v in CALIBRATION.items() if k != "shared"}}}, "shared"),
    ("calibration-features-string", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": {
        **CALIBRATION, "features": "concreteness"}}}, "features"),
    ("calibration-center-missing", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": {
        **CALIBRATION, "center": {}}}}, "center"),
    ("calibration-scale-zero", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": {
        **CALIBRATION, "scale": {"concreteness": 0}}}}, "scale"),
    ("calibration-slope-string", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": {
        **CALIBRATION, "shared": {**CALIBRATION["shared"], "slope": "1"}}}}, "slope"),
    ("calibration-weight-nan", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": {
        **CALIBRATION, "shared": {**CALIBRATION["shared"], "weights": {"concreteness": NAN}}}}}, "weights"),
    ("calibration-competency-list", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": {
        **CALIBRATION, "competencies": {"执行力": [1]}}}}, "执行力"),
    ("calibration-base-number", {"question": GOOD, "scorer": {"version": "org-1-1", "calibration": {
        **CALIBRATION, "base": 8}}}, "base"),
]


@pytest.mark.parametrize("context,field", [case[1:] for case in BAD_CONTEXTS], ids=[c[0] for c in BAD_CONTEXTS])
def test_the_cli_refuses_a_badly_shaped_context_with_exit_2(tmp_path, capsys, context, field):
    q, t = tmp_path / "context.json", tmp_path / "t.txt"
    q.write_text(json.dumps(context, ensure_ascii=False), encoding="utf-8")
    t.write_text(STORY, encoding="utf-8")
    assert cli.main(["-", "--question", str(q), "--transcript", str(t)]) == 2
    err = json.loads(capsys.readouterr().out)
    assert err["error"] == "bad_question" and CHINESE.search(err["message"]) and field in err["message"]


def test_options_replace_what_they_override_in_the_context(tmp_path, capsys):
    """--scorer and --language replace the context's scorer and language, so their shape no longer matters."""
    q, t = tmp_path / "context.json", tmp_path / "t.txt"
    q.write_text(json.dumps({"language": 5, "question": GOOD, "scorer": "broken"}, ensure_ascii=False), encoding="utf-8")
    t.write_text(STORY, encoding="utf-8")
    assert cli.main(["-", "--question", str(q), "--transcript", str(t), "--language", "zh", "--scorer", "default"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "scored"


# what stays accepted: unknown keys (readers ignore them, docs/internal-contracts.md), absent optional fields,
# whole numbers as floats, anchors given as lists of sentences, the question bank's own types
GOOD_VARIANTS = [
    ("as-is", GOOD), ("unknown-keys", _q(owner="王经理", think_seconds=20, max_attempts=2, media="audio", id=3)),
    ("unknown-competency-keys", _comp(note="看安排")), ("no-answer-seconds", _q(answer_seconds=None)),
    ("float-seconds", _q(answer_seconds=90.0)), ("bounds", _q(answer_seconds=10, answer_tolerance_seconds=0)),
    ("no-competencies", _q(competencies=None)), ("empty-competencies", _q(competencies=[])),
    ("no-weight", _comp(weight=...)), ("int-weight", _comp(weight=2)), ("no-keywords", _comp(keywords=...)),
    ("anchors", _comp(anchors={"weak": "说不清怎么安排", "strong": "讲清了分批和分工，按时发完"})),
    ("anchors-as-lists", _comp(anchors={"strong": ["按目的地分批", "按时发完"]})),
    ("bank-type", _q(type="behavioural", language="zh", qid="r01", role="仓库")),
    ("context-shape", {"language": "zh", "question": GOOD, "scorer": {"version": "default", "calibration": None}}),
]


@pytest.mark.parametrize("question", [case[1] for case in GOOD_VARIANTS], ids=[case[0] for case in GOOD_VARIANTS])
def test_well_formed_questions_are_scored(question):
    assert question_check.context_problems(question) == []
    result = pipeline.analyze_transcript(STORY, copy.deepcopy(question.get("question", question)), "zh")
    assert result["status"] == "scored" and result["overall"] is not None, result["reason"]


def test_a_real_calibration_passes_the_shape_check_and_applies():
    assert calibration.problems(CALIBRATION) == [] and calibration.problems(None) == [] and calibration.problems({}) == []
    assert calibration.apply(CALIBRATION, "执行力", 60.0, {"concreteness": 0.7}) == 65.0


def test_the_cli_exit_code_and_stdout_through_a_real_process(tmp_path):
    """The same refusal through `python -m functions.analyze` as a user runs it: exit 2, JSON on stdout, no traceback;
    JSON nested too deep or with a number of 5000 digits is refused the same way."""
    t = tmp_path / "t.txt"
    t.write_text(STORY, encoding="utf-8")
    files = {"nan.json": '{"text": "讲一次急单的经历", "answer_seconds": NaN}',
             "keywords.json": json.dumps(_comp(keywords="安排"), ensure_ascii=False),
             "deep.json": '{"text": ' + "[" * 100000 + "]" * 100000 + "}",
             "digits.json": '{"text": "讲一次急单的经历", "answer_seconds": ' + "9" * 5000 + "}"}
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "functions.analyze", "x.wav", "--question", str(tmp_path / name),
                              "--transcript", str(t), "--language", "zh"], cwd=ROOT, capture_output=True, text=True)
        assert run.returncode == 2 and "Traceback" not in run.stderr, (name, run.stderr)
        err = json.loads(run.stdout)
        assert err["error"] == "bad_question" and CHINESE.search(err["message"]), (name, err)
        assert not re.search(r"[A-Za-z]{4,}", err["message"].replace(str(tmp_path / name), "")
                             .replace("answer_seconds", "").replace("keywords", "").replace("JSON", "")), (name, err)


# the SCF handler: the question comes from the API
KEY = "answers/sess16/1/1-q16.m4a"


def _put(root, src):
    dest = root / KEY
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dest)


def test_the_handler_posts_needs_review_for_a_badly_typed_question(handler_env, fake_api, ko_media, cos_event):
    from functions.analyze import index

    _put(handler_env, ko_media["m4a"])
    fake_api.add(KEY, question={"text": 5, "answer_seconds": "90", "competencies": "소통"})
    out = index.main_handler(cos_event(KEY), None)
    assert out["objects"][0]["outcome"] == "needs_review"
    posted = fake_api.results[KEY]
    assert posted["status"] == "needs_review" and posted["result"]["reason_code"] == "bad_question"
    assert all(field in posted["reason"] for field in ("text", "answer_seconds", "competencies"))


def test_the_handler_scores_with_the_default_scorer_when_the_context_scorer_is_malformed(
        handler_env, fake_api, ko_media, cos_event):
    from functions.analyze import index

    _put(handler_env, ko_media["m4a"])
    fake_api.add(KEY, scorer={"version": ["org-7-1"], "calibration": {"features": "all"}})
    out = index.main_handler(cos_event(KEY), None)
    assert out["objects"][0]["outcome"] == "scored"
    result = fake_api.results[KEY]["result"]
    assert result["model_versions"]["scorer"].startswith("default-") and "scorer.version" in result["scorer_ignored"]["reason"]


def test_the_cli_names_competency_keys_the_scorer_does_not_read(tmp_path, capsys):
    """Unknown keys are ignored (not an error), but a misspelt "keyword" would silently drop HR's words: the CLI
    names it on stderr and still scores."""
    q, t = tmp_path / "q.json", tmp_path / "t.txt"
    misspelt = _q(competencies=[{"name": "执行力", "keyword": ["按时", "安排"]}])
    q.write_text(json.dumps(misspelt, ensure_ascii=False), encoding="utf-8")
    t.write_text(STORY, encoding="utf-8")
    assert cli.main(["-", "--question", str(q), "--transcript", str(t), "--language", "zh"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["status"] == "scored" and "competency 1: keyword" in out.err
    assert question_check.unread_competency_keys(GOOD) == []
