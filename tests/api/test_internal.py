import json
import time
from urllib.parse import urlencode

import pytest

from functions.analyze.signing import sign_request
from tests.api.flow import answer, create_interview, invite, start
from tests.api.test_hr_resources import assert_error


def signed_get(client, app, path, **headers_override):
    headers = sign_request(app.config["HMAC_KEY"], "GET", path)
    headers.update(headers_override)
    return client.get(path, headers=headers)


def signed_post(client, app, body: dict, key=None, timestamp=None):
    raw = json.dumps(body).encode()
    headers = sign_request(key or app.config["HMAC_KEY"], "POST", "/api/internal/results", raw, timestamp=timestamp)
    return client.post("/api/internal/results", data=raw, headers={**headers, "Content-Type": "application/json"})


def scored(overall, status="scored", reason=None):
    return {"status": status, "reason": reason, "overall": overall if status == "scored" else None,
            "transcript": {"text": "我先倾听顾客的问题，然后解决", "words": []},
            "competencies": [{"name": "沟通表达", "score": overall / 10 if overall else None, "evidence": []}],
            "feedback": {"strengths": ["表达清楚"], "suggestions": ["多举具体例子"]}}


@pytest.fixture
def submitted(client, auth, aac_bytes):
    headers = auth.login()
    interview = create_interview(client, headers, questions=2, pass_threshold=60)
    token = invite(client, headers, interview["id"])[0]["token"]
    start(client, token)
    keys = [answer(client, token, q["id"], aac_bytes) for q in interview["questions"]]
    client.post(f"/api/c/{token}/submit")
    session_id = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]["id"]
    return {"headers": headers, "interview": interview, "token": token, "keys": keys, "session_id": session_id}


def test_context_tells_the_analyzer_what_to_score(app, client, submitted):
    path = "/api/internal/analysis-context?" + urlencode({"key": submitted["keys"][0]})
    context = signed_get(client, app, path).json
    assert context["language"] == "zh" and context["already_analysed"] is False
    assert context["question"]["competencies"][0]["keywords"] == ["沟通", "顾客"]
    report = client.get(f"/api/sessions/{submitted['session_id']}", headers=submitted["headers"]).json
    assert report["questions"][0]["answer"]["status"] == "analysing"


def test_internal_endpoints_need_a_fresh_valid_signature(app, client, submitted):
    path = "/api/internal/analysis-context?" + urlencode({"key": submitted["keys"][0]})
    assert_error(client.get(path), 403, "bad_signature")
    assert_error(signed_get(client, app, path, **{"X-Miaomian-Signature": "f" * 64}), 403, "bad_signature")
    assert_error(signed_get(client, app, path, **{"X-Miaomian-Signature": "\xe9" * 64}), 403, "bad_signature")
    body = {"key": submitted["keys"][0], "status": "scored", "reason": None, "result": scored(80)}
    assert_error(signed_post(client, app, body, key="wrong-key"), 403, "bad_signature")
    assert_error(signed_post(client, app, body, timestamp=int(time.time()) - 3600), 403, "bad_signature")
    unknown = "/api/internal/analysis-context?" + urlencode({"key": "answers/none/1/1-x.aac"})
    assert_error(signed_get(client, app, unknown), 404, "unknown_object")
    assert_error(signed_post(client, app, {**body, "key": "answers/none/1/1-x.aac"}), 404, "unknown_object")
    assert_error(signed_post(client, app, {**body, "status": "great"}), 422, "invalid")


def test_results_are_idempotent_and_settle_the_session(app, client, submitted):
    first, second = submitted["keys"]
    body = {"key": first, "status": "scored", "reason": None, "result": scored(80)}
    acknowledged = signed_post(client, app, body).json
    assert acknowledged["status"] == "scored" and acknowledged["duplicate"] is False
    again = signed_post(client, app, {**body, "result": scored(10)}).json
    assert again["duplicate"] is True
    listed = client.get(f"/api/interviews/{submitted['interview']['id']}/sessions", headers=submitted["headers"]).json[0]
    assert listed["status"] == "submitted" and listed["progress"]["text"] == "已提交，已分析 1/2 题"
    signed_post(client, app, {"key": second, "status": "scored", "reason": None, "result": scored(50)})
    report = client.get(f"/api/sessions/{submitted['session_id']}", headers=submitted["headers"]).json
    assert report["status"] == "scored" and report["overall"] == 65.0 and report["recommended"] is True
    assert report["questions"][0]["answer"]["overall"] == 80
    assert report["questions"][0]["answer"]["transcript"]["text"].startswith("我先倾听")
    assert report["questions"][0]["answer"]["media_url"].startswith("http://localhost/api/storage/object?")
    candidate = client.get(f"/api/c/{submitted['token']}/report").json
    assert candidate["ready"] is True and candidate["answers"][0]["feedback"]["suggestions"] == ["多举具体例子"]
    assert "overall" not in json.dumps(candidate)


def test_needs_review_never_becomes_a_low_score(app, client, submitted):
    first, second = submitted["keys"]
    signed_post(client, app, {"key": first, "status": "scored", "reason": None, "result": scored(90)})
    signed_post(client, app, {"key": second, "status": "needs_review", "reason": "ASR confidence too low",
                              "result": scored(None, "needs_review", "ASR confidence too low")})
    report = client.get(f"/api/sessions/{submitted['session_id']}", headers=submitted["headers"]).json
    assert report["status"] == "needs_review" and report["recommended"] is None
    assert report["questions"][1]["answer"]["reason"] == "录音不够清楚，自动转写不可靠，需要人工听一下。"
    assert report["questions"][1]["answer"]["overall"] is None


def test_hr_decision_review_and_sorting(app, client, auth, submitted):
    for key, score in zip(submitted["keys"], (70, 70)):
        signed_post(client, app, {"key": key, "status": "scored", "reason": None, "result": scored(score)})
    session_id, headers = submitted["session_id"], submitted["headers"]
    decided = client.post(f"/api/sessions/{session_id}/decision", json={"decision": "advance", "note": "约二面"},
                          headers=headers)
    assert decided.status_code == 200 and decided.json["decision"] == "advance"
    assert_error(client.post(f"/api/sessions/{session_id}/decision", json={"decision": "maybe"}, headers=headers), 422)
    review = client.post(f"/api/sessions/{session_id}/reviews", json={"rating": 4, "comment": "表达清楚"}, headers=headers)
    assert review.status_code == 201
    assert_error(client.post(f"/api/sessions/{session_id}/reviews", json={}, headers=headers), 422, "invalid")
    assert_error(client.post(f"/api/sessions/{session_id}/reviews", json={"rating": 6}, headers=headers), 422)
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    assert report["reviews"][0]["rating"] == 4 and report["decision_note"] == "约二面"
    other = auth.login(name="赵总", org="别家公司")
    assert_error(client.get(f"/api/sessions/{session_id}", headers=other), 404, "session_not_found")
    assert_error(client.post(f"/api/sessions/{session_id}/decision", json={"decision": "reject"}, headers=other), 404)
    by_score = client.get(f"/api/interviews/{submitted['interview']['id']}/sessions?sort=score&min_score=60",
                          headers=headers).json
    assert [item["id"] for item in by_score] == [session_id]
    assert client.get(f"/api/interviews/{submitted['interview']['id']}/sessions?min_score=71", headers=headers).json == []
