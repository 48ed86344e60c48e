"""Issue 8 through the API: HR's keywords are checked and normalised when saved, and the HR report shows
the analyzer's 0–100 competency scores with their reasons, the strong story ranked first."""
from urllib.parse import urlencode

from functions.analyze import pipeline
from tests.api.flow import answer, create_job, invite, start
from tests.api.test_hr_resources import assert_error
from tests.api.test_internal import signed_get, signed_post
from tests.functions.test_scoring_attacks import FILLER, KEYWORD_LIST, NEGATION, QUESTION, STRONG, TEMPLATE


def new_interview(client, headers, competencies, language="zh"):
    job = create_job(client, headers)
    body = {"language": language, "pass_threshold": 60,
            "questions": [{"text": QUESTION["text"], "answer_seconds": 120, "competencies": competencies}]}
    return client.post(f"/api/jobs/{job['id']}/interviews", json=body, headers=headers)


def test_function_word_keywords_are_refused_in_chinese(client, auth):
    headers = auth.login()
    for word in ("先", "问", "年", "可以"):
        response = new_interview(client, headers, [{"name": "应变能力", "keywords": ["招呼", word]}])
        assert_error(response, 422, "invalid")
        assert f"“{word}”" in response.json["message"] and "关键词" in response.json["message"]


def test_keywords_are_saved_normalised(client, auth):
    headers = auth.login()
    response = new_interview(client, headers, [
        {"name": "办公技能", "keywords": ["ＥＸＣＥＬ", "Excel", "溝通", "茶"], "synonyms": ["透視表"],
         "anchors": {"strong": "说出具体用过的函数和省下的时间", "weak": "只说会用"}}])
    assert response.status_code == 201, response.json
    comp = response.json["questions"][0]["competencies"][0]
    assert comp["keywords"] == ["excel", "沟通", "茶"]
    assert comp["synonyms"] == ["透视表"] and comp["anchors"]["weak"] == "只说会用"


def test_hr_report_shows_scores_0_to_100_with_reasons_strong_story_first(app, client, auth, aac_bytes):
    headers = auth.login()
    created = new_interview(client, headers, QUESTION["competencies"])
    assert created.status_code == 201, created.json
    interview = created.json
    question_id = interview["questions"][0]["id"]
    table = {"强": STRONG, "模板": TEMPLATE, "清单": KEYWORD_LIST, "反话": NEGATION, "口头语": FILLER}
    tokens = invite(client, headers, interview["id"], names=tuple(table))
    for item, (name, text) in zip(tokens, table.items()):
        start(client, item["token"])
        key = answer(client, item["token"], question_id, aac_bytes)
        client.post(f"/api/c/{item['token']}/submit")
        context = signed_get(client, app, "/api/internal/analysis-context?" + urlencode({"key": key})).json
        result = pipeline.analyze_transcript(text, context["question"], context["language"],
                                             scorer_version=context["scorer"]["version"])
        posted = signed_post(client, app, {"key": key, "status": result["status"], "reason": result["reason"],
                                           "result": result})
        assert posted.status_code == 200, posted.json
    listed = client.get(f"/api/interviews/{interview['id']}/sessions?sort=score", headers=headers).json
    by_name = {s["name"]: s for s in listed}
    assert listed[0]["name"] == "强" and listed[0]["overall"] >= 75 and listed[0]["recommended"] is True
    assert by_name["模板"]["overall"] < 60 and by_name["反话"]["overall"] < by_name["模板"]["overall"] + 10
    for name in ("清单", "口头语"):
        assert by_name[name]["overall"] is None and by_name[name]["status"] == "needs_review"

    report = client.get(f"/api/sessions/{by_name['强']['id']}", headers=headers).json
    got = report["questions"][0]["answer"]
    assert got["status"] == "scored" and got["reason_code"] is None
    for comp in got["competencies"]:
        assert 0 <= comp["score"] <= 100 and 2 <= len(comp["reasons"]) <= 4
        assert "evidence" in comp["features"]
    gated = client.get(f"/api/sessions/{by_name['清单']['id']}", headers=headers).json["questions"][0]["answer"]
    assert gated["status"] == "needs_review" and gated["reason_code"] == "keyword_list"
    assert "罗列" in gated["reason"] and gated["feedback"] is None and gated["competencies"] == []
