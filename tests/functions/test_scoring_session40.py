"""Session 40: the score on the raters' anchored scale (default-9 = default-8's model + the scale map of
models/scorer/scale.py, applied by model.Scorer.on_scale), and the reason defects of breakers 37, 39 and 40 that the
map does not fix, kept as strict xfails.

Real answers through pipeline.analyze_transcript with both scorers; the map's fit on rows whose answer is known.
"""
from __future__ import annotations

import json

import numpy as np
import pytest

from breaker_findings import load, run
from functions.analyze import pipeline
from functions.analyze.scoring import model
from models.scorer import scale
from tests.functions.conftest import ISSUE_QUESTION

STRONG = ("去年双十一前一晚，店里突然多了三百箱的急单，第二天上午十点前必须发走。我先把单子按目的地分成三批，江浙沪的先打包，"
          "因为快递四点来收；扫码枪坏了一台，我就让小王手写单号，我来核对录入。我们四个人干到凌晨两点，第二天十点半前全部发出，"
          "没有一单发错。")
GOOD = "有一次仓库晚上来了一批急单，我跟两个同事分了工，我负责打包，他们贴单，忙到十一点多，第二天一早都发出去了。"
TEMPLATE = "当时的情况是订单很急。我的任务是按时完成。首先我安排优先级，然后和同事沟通协调、分工加班，最后结果非常好，大家都很满意。"
NEGATION = "我不太喜欢跟同事沟通，也不会安排什么优先级，一般都拖着，很少按时，更不愿意加班。"
OWNED = ("上个月我忘了核对一批订单的地址，发错了两单，客户投诉了。后来我主动跟主管承认了，自己打电话给两位客户道歉，重新安排了"
         "加急配送，第二天都送到了。从那以后我每次发货前都把地址和单号核对两遍，再没出过错。")


def _both(text: str, question: dict = ISSUE_QUESTION) -> tuple[dict, dict]:
    return (pipeline.analyze_transcript(text, question, "zh", scorer_version="default-8"),
            pipeline.analyze_transcript(text, question, "zh"))


def test_the_default_scorer_is_default_8_on_the_anchored_scale():
    shipped, base = model.load("default"), model.load("default-8")
    assert shipped.label == "default-9" and base.label == "default-8"
    entries = {f"{e['name']}-{e['version']}": e for e in model.entries()}
    assert entries["default-9"]["file"] == entries["default-8"]["file"]          # the same ONNX model
    assert entries["default-9"]["sha256"] == entries["default-8"]["sha256"]
    assert base.scale == () and base.on_scale(57.0) == 57.0 == base.off_scale(57.0)
    xs = np.linspace(0, 100, 1001)
    ys = np.array([shipped.on_scale(x) for x in xs])
    assert np.all(np.diff(ys) > 0)                                  # strictly increasing: never reorders two answers
    assert np.allclose(ys[xs <= 50], xs[xs <= 50])                  # the low end and every bound of 50 or less as is
    assert shipped.on_scale(100.0) == 100.0
    assert np.allclose([shipped.off_scale(y) for y in ys], xs)       # off_scale undoes it (tolerances in model points)
    assert all(shipped.on_scale(x) >= x for x in xs)                # it only corrects the shrinkage at the top


def test_an_answer_scored_50_or_more_is_lifted_and_the_low_end_is_not():
    strong8, strong9 = _both(STRONG)
    assert strong8["model_versions"]["scorer"] == "default-8" and strong9["model_versions"]["scorer"] == "default-9"
    assert strong9["overall"] > strong8["overall"] >= 50
    for text in (TEMPLATE, NEGATION):
        low8, low9 = _both(text)
        assert low8["status"] == low9["status"] == "scored"
        assert low9["overall"] == low8["overall"] < 50, (text, low8["overall"], low9["overall"])


def test_the_issue_table_keeps_its_order_and_no_template_passes():
    strong, good, template, negation = (pipeline.analyze_transcript(t, ISSUE_QUESTION, "zh")
                                        for t in (STRONG, GOOD, TEMPLATE, NEGATION))
    assert strong["overall"] > good["overall"] > template["overall"] > negation["overall"]
    assert strong["overall"] >= 75 and template["overall"] < 40 and negation["overall"] < 20
    for text in ("按时，安排，优先级，加班，沟通，协调，同事，分工。", "唉这个嘛就是那个什么呢然后就是那样吧嗯…"):
        r = pipeline.analyze_transcript(text, ISSUE_QUESTION, "zh")
        assert r["status"] == "needs_review" and r["overall"] is None


def test_a_bound_stated_in_a_reason_holds_on_the_anchored_scale():
    """A bound above 50 (a lapse owned and fixed: at most CONTRARY_OWNED_CAP) is applied after the map, so the score never
    exceeds what its reason says."""
    r = pipeline.analyze_transcript(OWNED, ISSUE_QUESTION, "zh")
    assert r["status"] == "scored"
    for comp in r["competencies"]:
        capped = [x for x in comp["reasons"] if "最高" in x]
        for reason in capped:
            cap = float(reason.split("最高 ")[1].split(" 分")[0])
            assert comp["score"] <= cap, (comp["score"], reason)


def test_the_org_calibration_never_mixes_the_two_scales():
    """HR's ratings of answers scored by default-8 do not calibrate default-9 (api/calibration/service.load_ratings keys
    the ratings by the result's scorer): results name the version that made their scores."""
    from functions.analyze.scoring import calibration as cal

    r = pipeline.analyze_transcript(STRONG, ISSUE_QUESTION, "zh")
    assert cal.base_of(r) == "default-9"
    assert not cal.applies({"base": "default-8"}, r) and cal.applies({"base": "default-9"}, r)


def _rows(pairs):
    return [(float(x), float(y), "strong", "data") for x, y in pairs]


def test_the_fit_recovers_a_known_map_and_refuses_a_falling_one():
    rng = np.random.default_rng(7)
    x = rng.uniform(0, 100, 4000)
    truth = np.interp(x, [0, 50, 75, 100], [0, 50, 85, 100])
    knots = scale.fit(_rows(zip(x, truth + rng.normal(0, 5, x.size))))
    assert knots[0] == [0.0, 0.0] and knots[1] == [50.0, 50.0] and knots[-1] == [100.0, 100.0]
    assert knots[2][0] == 75.0 and abs(knots[2][1] - 85.0) < 1.0
    with pytest.raises(ValueError, match="not increasing"):
        scale.fit(_rows([(55, 0), (60, 0), (70, 0), (75, 0), (80, 0)]))   # raters calling every high score 很差


def test_the_shipped_knots_are_those_the_manifest_records():
    entry = next(e for e in model.entries() if e["name"] == "default" and e["version"] == 9)
    assert tuple(tuple(k) for k in entry["scale"]["knots"]) == model.load("default").scale
    assert entry["scale"]["base"] == "default-8" and entry["scale"]["fitted_on"] == list(scale.FIT_FOLDERS)
    json.dumps(entry)   # the manifest stays plain JSON


# Reason defects the map does not fix: the scores now read in the helpers' ranges (their findings moved to FIXED), the
# reasons still say what is not so.
B37, B39, B40 = load("breaker37"), load("breaker39"), load("breaker40")
DENIED = "没有说到与“{}”相关的具体做法。"
NO_RESULT = "没有说到最后的结果。"


_RESULT_OPEN = pytest.mark.xfail(strict=True, reason="open: a result told plainly is not read (补登以后就对上了; the footage "
                                                    "showing what happened)")


# (b40-h07, 他挺满意的 in run-on speech: read since session 45's reading of whose deed a clause tells — features.owner_only)
@pytest.mark.parametrize("case", [pytest.param(B40["h04"], marks=_RESULT_OPEN), B40["h07"],
                                  pytest.param(B37["h23"], marks=_RESULT_OPEN)], ids=["b40-h04", "b40-h07", "b37-h23"])
def test_a_result_told_plainly_is_read(case):
    r = run(case)
    assert all(NO_RESULT not in c["reasons"] for c in r["competencies"]), [c["reasons"] for c in r["competencies"]]


@pytest.mark.xfail(strict=True, reason="open: the finding (找到一笔…找零) is quoted as the result over the ending")
def test_the_result_quoted_is_the_ending_not_the_finding():
    r = run(B39["h04"])
    quoted = [x for c in r["competencies"] for x in c["reasons"] if x.startswith("说了具体结果")]
    assert quoted and not any("找到一笔" in x for x in quoted), quoted


# Breaker 41's reason families (tests/functions/data/breaker41): fixed in kind, each with a look-alike.
B41 = load("breaker41")
RIDER = {"text": "讲一次你送外卖时遇到超时风险或者地址找不到的情况，你是怎么处理的？", "answer_seconds": 90,
         "competencies": [{"name": "责任心", "weight": 0.5, "keywords": ["准时", "负责", "送达"]},
                          {"name": "沟通", "weight": 0.5, "keywords": ["电话", "联系", "顾客", "解释"]}]}
CASHIER = {"text": "说说你收银时遇到钱款对不上或者找错钱的一次经历，你是怎么做的？", "answer_seconds": 90,
           "competencies": [{"name": "细心严谨", "weight": 0.5, "keywords": ["核对", "仔细", "清点", "对账"]},
                            {"name": "诚信负责", "weight": 0.5, "keywords": ["诚实", "负责", "主动", "上报"]}]}


def _comp(r: dict, name: str) -> dict:
    return next(c for c in r["competencies"] if c["name"] == name)


@pytest.mark.parametrize("case, said", [
    (B41["h14"], None),
    ({"question": RIDER, "text": "那天小区门禁进不去，我就给顾客打电话，她下楼来拿了，比规定时间早了三分钟。"}, None),
])
def test_a_deed_with_the_term_inside_its_verb_is_no_list_of_terms(case, said):
    """我就给顾客打电话: 电话 inside 打电话 is the verb's own word, so the clause is a deed of the story, not a list of
    HR's terms dropped from it (features.term_list_clauses; breaker 41's h14 was told "没有直接说到与沟通相关的做法")."""
    r = run(case)
    reasons = _comp(r, "沟通")["reasons"]
    assert any(x.startswith("提到了与“沟通”相关的内容") for x in reasons), reasons


def test_a_list_of_terms_is_still_a_list():
    r = pipeline.analyze_transcript("那次订单很急。我们按时、安排、优先级、加班都做到了，沟通、协调、同事、分工也都做到了。",
                                    ISSUE_QUESTION, "zh")
    assert r["status"] == "needs_review" or r["overall"] < 40, (r["status"], r["overall"])


@pytest.mark.parametrize("text, reluctant", [
    ("导航带错了，我给顾客打电话，麻烦您说下咋走，她说从前门进第三栋，我赶紧骑过去送到了。", False),
    ("那天我遇到点麻烦，门禁坏了，我就给顾客打电话让她下楼拿，准时送到了。", False),
    ("送这种老小区太麻烦了，我一般都不想接，找不着就直接放门口。", True),
])
def test_bother_is_reluctance_only_as_an_attitude(text, reluctant):
    r = pipeline.analyze_transcript(text, RIDER, "zh")
    assert (r["features"]["reluctance"] > 0) is reluctant, r["features"]["reluctance"]


def test_little_patience_negates_patience():
    r = run(B41["g12"])
    reasons = _comp(r, "情绪管理")["reasons"]
    assert any(x.startswith("以否定的方式提到了") and "耐心" in x for x in reasons), reasons
    assert not any(x.startswith("提到了与“情绪管理”相关的内容") and "耐心" in x for x in reasons), reasons


@pytest.mark.parametrize("case", [B41["h23"]], ids=["b41-h23"])
def test_no_one_waiting_does_not_deny_the_visitor(case):
    r = run(case)
    assert not any("以否定的方式提到了" in x and "访客" in x for c in r["competencies"] for x in c["reasons"])


def test_what_no_colleague_did_is_not_the_candidates_refusal():
    r = pipeline.analyze_transcript("那天没有一个同事愿意加班，我就自己把三百箱分成三批，干到了凌晨两点，最后全发完了。",
                                    ISSUE_QUESTION, "zh")
    assert not any("以否定的方式提到了" in x for c in r["competencies"] for x in c["reasons"]), r["competencies"]


def test_a_supervisors_event_the_candidate_attended_is_not_theirs():
    r = run(B41["g17"])
    assert r["overall"] <= 40 and all(c["reasons"][0].startswith("回答里具体的事主要是别人做的") for c in r["competencies"])
    own = pipeline.analyze_transcript(
        "去年公司年会是我组织的，我提前一个月订了场地，做了预算表，让每个部门报节目，还列了清单一项一项确认，那天两百多人，"
        "全程没出岔子。", B41["g17"]["question"], "zh")
    assert own["overall"] >= 60, own["overall"]


def test_the_cargo_of_a_delivery_is_no_aside():
    from functions.analyze.scoring import features

    case = B41["h38"]
    analysis = features.analyse([{"word": case["text"], "start": None, "end": None}], "zh", case["question"])
    assert analysis.details["excluded_clause_ids"] == [], analysis.details["excluded_clause_ids"]
    r = run(case)
    quoted = [x for c in r["competencies"] for x in c["reasons"] if "结果" in x and "“" in x]
    assert any("菜都没坏" in x for x in quoted), quoted
    safety = _comp(r, "安全意识")["reasons"]
    assert any(x.startswith("提到了与“安全意识”相关的内容") for x in safety), safety


def test_a_holiday_before_the_first_step_is_still_padding():
    base = "我先把三百箱单子按目的地分成三批，扫码枪坏了我就让小王手写单号，四个人干到凌晨两点，第二天十点半前全发完了。"
    alone = pipeline.analyze_transcript(base, ISSUE_QUESTION, "zh")
    padded = pipeline.analyze_transcript("去年国庆我和家人去三亚玩了五天，每天早上去沙滩散步，吃了很多海鲜。" + base,
                                         ISSUE_QUESTION, "zh")
    assert padded["overall"] <= alone["overall"] + model.load().on_scale(51) - 50, (alone["overall"], padded["overall"])


OWN_ERROR_TOLD = pytest.mark.xfail(strict=True, reason="open: one's own error told to the supervisor without 是我的错 "
                                                       "(当天就告诉了主管, 报给店长) is not read: 跟主管说 alone credited blame")


@pytest.mark.parametrize("case", [B41["h08"], B40["h01"], pytest.param(B40["h02"], marks=OWN_ERROR_TOLD), B40["h04"],
                                  pytest.param(B39["h04"], marks=OWN_ERROR_TOLD)],
                         ids=["b41-h08", "b40-h01", "b40-h02", "b40-h04", "b39-h04"])
def test_owning_a_mistake_to_the_supervisor_shows_honesty(case):
    r = run(case)
    honesty = next(c for c in r["competencies"] if c["name"].startswith("诚信"))
    assert any(x.startswith(f"提到了与“{honesty['name']}”相关的内容") for x in honesty["reasons"]), honesty["reasons"]


def test_honesty_is_not_credited_for_hiding_a_mistake():
    r = pipeline.analyze_transcript("那天我多找了五十块钱，我没跟任何人说，自己悄悄从钱包里拿钱补上了，账就平了。", CASHIER, "zh")
    honesty = _comp(r, "诚信负责")
    assert honesty["score"] < 60, (honesty["score"], honesty["reasons"])


def test_an_answer_that_shows_a_competency_gets_no_advice_to_tell_the_practice():
    from functions.analyze.scoring import explain

    advised = []
    for cid, case in B41.items():
        if cid.startswith("h"):
            r = run(case)
            if r["status"] == "scored" and any(c["competency_strength"] >= explain.SHOWN for c in r["competencies"]) \
                    and explain._SUGGEST["evidence"] in r["feedback"]["suggestions"]:
                advised.append(cid)
    assert not advised


@pytest.mark.xfail(strict=True, reason="open: an action or the cause found is quoted as the result (请她喝了杯东西; "
                                       "发现有一批二十二个被错发 over 再没发错过)")
@pytest.mark.parametrize("case, not_result", [(B41["h31"], "请她喝"), (B41["h16"], "发现有一批")], ids=["h31", "h16"])
def test_the_result_quoted_is_the_outcome(case, not_result):
    quoted = [x for c in run(case)["competencies"] for x in c["reasons"] if x.startswith(("说了具体结果", "说到了最后的结果"))]
    assert quoted and not any(not_result in x for x in quoted), quoted


# (g07, 就是我最大的追求: the candidate as whose, not who acts — session 45's features.owner_only and quotes.own_action)
@pytest.mark.parametrize("case", [B41["g07"], pytest.param(B41["g21"], marks=pytest.mark.xfail(
    strict=True, reason="open: STAR cues praised as the candidate's deeds (然后我采取了行动)"))], ids=["g07", "g21"])
def test_boilerplate_is_not_praised_as_a_deed(case):
    r = run(case)
    assert not any(x.startswith("说了自己具体做了什么") for c in r["competencies"] for x in c["reasons"])


@pytest.mark.xfail(strict=True, reason="open: a pharmacist's drug-interaction catch is not read as 专业知识")
def test_professional_knowledge_told_in_the_trades_words_is_read():
    r = run(B41["h29"])
    knowledge = _comp(r, "专业知识")
    assert not any("没有直接说到" in x or x.startswith("没有说到与") for x in knowledge["reasons"]), knowledge["reasons"]


# Breaker 42 (tests/functions/data/breaker42): telling a supervisor is no honesty by itself.
B42 = load("breaker42")


@pytest.mark.parametrize("case", [
    B42["g50"],
    pytest.param(B42["g28"], marks=pytest.mark.xfail(strict=True, reason="open: 补上 after a lie and a secret fix is "
                                                                         "credited (偷偷放回去了，补上了库存)")),
], ids=["blame", "lie"])
def test_telling_the_supervisor_someone_elses_fault_or_a_lie_is_no_honesty(case):
    r = run(case)
    honesty = next(c for c in r["competencies"] if c["name"].startswith("诚"))
    assert not any(x.startswith(f"提到了与“{honesty['name']}”相关的内容") for x in honesty["reasons"]), honesty["reasons"]


@pytest.mark.parametrize("name", ["诚信", "诚信负责", "诚实守信", "诚实"])
def test_every_name_of_honesty_reads_owning_a_mistake(name):
    question = {**CASHIER, "competencies": [CASHIER["competencies"][0], {**CASHIER["competencies"][1], "name": name}]}
    r = pipeline.analyze_transcript("上周盘点我发现自己把一笔货款录错了，多记了两百。我当天就跟店长说了是我的错，自己补上了差额，"
                                    "又把那一周的单子重新核对了一遍。", question, "zh")
    honesty = _comp(r, name)
    assert any(x.startswith(f"提到了与“{name}”相关的内容") for x in honesty["reasons"]), honesty["reasons"]
