from datetime import datetime

import pytest

from api.messages import is_chinese
from api.schema import api_tokens

from tests.api.flow import COMPETENCIES, QUESTION, create_interview, create_job



def assert_error(response, status, code=None):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json, response.get_data(as_text=True)
    assert set(response.json) >= {"error", "message"}
    assert is_chinese(response.json["message"]), response.json  # a person reads it: Chinese (api/messages.py)
    if code:
        assert response.json["error"] == code, response.json


def test_dev_login_returns_an_unguessable_expiring_token(client):
    response = client.post("/api/auth/dev", json={"name": "王经理", "org": "好味餐饮"})
    assert response.status_code == 200
    assert len(response.json["token"]) >= 43 and response.json["role"] == "owner"
    again = client.post("/api/auth/dev", json={"name": "王经理", "org": "好味餐饮"}).json
    assert again["token"] != response.json["token"] and again["user_id"] == response.json["user_id"]
    colleague = client.post("/api/auth/dev", json={"name": "小李", "org": "好味餐饮"}).json
    assert colleague["org_id"] == response.json["org_id"] and colleague["role"] == "hr"


def test_dev_login_is_disabled_unless_configured(app, client):
    app.config["DEV_LOGIN"] = False
    assert_error(client.post("/api/auth/dev", json={"name": "a", "org": "b"}), 404, "not_found")


@pytest.mark.parametrize("headers, code", [
    ({}, "unauthorized"),
    ({"Authorization": "Bearer not-a-real-token"}, "unauthorized"),
    ({"Authorization": "Basic abc"}, "unauthorized"),
])
def test_hr_endpoints_need_a_valid_token(client, headers, code):
    assert_error(client.get("/api/jobs", headers=headers), 401, code)


def test_expired_token_is_refused(app, client, auth):
    headers = auth.login()
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(api_tokens.update().values(expires_at=datetime(2000, 1, 1)))
    assert_error(client.get("/api/jobs", headers=headers), 401, "token_expired")


def test_jobs_are_created_listed_and_scoped_to_the_organisation(client, auth):
    mine, theirs = auth.login(), auth.login(name="赵总", org="别家公司")
    job = create_job(client, mine)
    assert job["title"] == "门店店员" and job["location"] == "上海"
    assert [j["id"] for j in client.get("/api/jobs", headers=mine).json] == [job["id"]]
    assert client.get("/api/jobs", headers=theirs).json == []
    assert_error(client.get(f"/api/jobs/{job['id']}", headers=theirs), 404, "job_not_found")


def test_interview_template_is_validated_and_weights_normalised(client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=3, pass_threshold=70)
    assert len(interview["questions"]) == 3
    assert [q["position"] for q in interview["questions"]] == [1, 2, 3]
    weights = [c["weight"] for c in interview["questions"][0]["competencies"]]
    assert weights == pytest.approx([2 / 3, 1 / 3])
    assert interview["language"] == "zh" and interview["pass_threshold"] == 70
    fetched = client.get(f"/api/interviews/{interview['id']}", headers=headers).json
    assert fetched["questions"][1]["competencies"][0]["keywords"] == ["沟通", "顾客"]


def _template(**changes):
    question = dict(QUESTION)
    question.update(changes.pop("question", {}))
    body = {"competencies": COMPETENCIES, "questions": [question]}
    body.update(changes)
    return body


@pytest.mark.parametrize("body, field", [
    (_template(questions=[]), "questions"),
    (_template(questions=[dict(QUESTION)] * 11), "questions"),
    (_template(question={"think_seconds": 301}), "think_seconds"),
    (_template(question={"think_seconds": -1}), "think_seconds"),
    (_template(question={"answer_seconds": 9}), "answer_seconds"),
    (_template(question={"answer_seconds": 601}), "answer_seconds"),
    (_template(question={"max_attempts": 0}), "max_attempts"),
    (_template(question={"max_attempts": 6}), "max_attempts"),
    (_template(question={"media": "photo"}), "media"),
    (_template(question={"text": ""}), "text"),
    (_template(language="fr"), "language"),
    (_template(competencies=[{"name": "沟通", "weight": 0, "keywords": []}]), "weight"),
    (_template(competencies=[{"name": "沟通", "weight": -1, "keywords": []}]), "weight"),
    (_template(competencies=None), "competencies"),
    (_template(deadline="2001-01-01T00:00:00Z"), "deadline"),
    (_template(pass_threshold=101), "pass_threshold"),
    (_template(question={"think_seconds": "ten"}), "think_seconds"),
    ({"questions": "not a list", "competencies": COMPETENCIES}, "questions"),
])
def test_bad_interview_templates_are_refused_with_reasons(client, auth, body, field):
    headers = auth.login()
    job = create_job(client, headers)
    response = client.post(f"/api/jobs/{job['id']}/interviews", json=body, headers=headers)
    assert_error(response, 422, "invalid")
    names = {"competencies": "考察能力"}
    assert field in str(response.json["details"]) or names.get(field, field) in response.json["message"], response.json
    assert "格式不对" in response.json["message"], response.json
    assert client.get("/api/interviews", headers=headers).json == []


def test_interview_of_another_organisation_is_not_found(client, auth):
    mine, theirs = auth.login(), auth.login(name="赵总", org="别家公司")
    interview = create_interview(client, mine)
    assert_error(client.get(f"/api/interviews/{interview['id']}", headers=theirs), 404, "interview_not_found")
    assert_error(client.post(f"/api/jobs/{interview['job_id']}/interviews", json=_template(), headers=theirs),
                 404, "job_not_found")
    assert_error(client.get(f"/api/interviews/{interview['id']}/sessions", headers=theirs), 404)
    assert_error(client.post(f"/api/interviews/{interview['id']}/invitations",
                             json={"candidates": [{"name": "x"}]}, headers=theirs), 404)


def test_malformed_json_and_wrong_types_get_json_errors(client, auth):
    headers = {**auth.login(), "Content-Type": "application/json"}
    assert_error(client.post("/api/jobs", data="{not json", headers=headers), 400)
    assert_error(client.post("/api/jobs", json={"title": 42}, headers=auth.login()), 422, "invalid")
    assert_error(client.post("/api/jobs", json={}, headers=auth.login()), 422, "invalid")


def test_oversize_body_is_refused(client, auth):
    response = client.post("/api/jobs", json={"title": "x", "description": "长" * 600_000}, headers=auth.login())
    assert_error(response, 413, "too_large")
    assert "删减" in response.json["message"] and "录音" not in response.json["message"]  # a JSON route


def test_unknown_routes_and_methods_answer_json(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/jobs"), 405, "method_not_allowed")


def test_a_signed_in_user_creates_an_organisation_and_owns_it(client, auth):
    headers = auth.login()
    create_job(client, headers)
    created = client.post("/api/orgs", json={"name": "新开的奶茶店"}, headers=headers)
    assert created.status_code == 201 and created.json["role"] == "owner"
    new_headers = {"Authorization": f"Bearer {created.json['token']}"}
    assert client.get("/api/jobs", headers=new_headers).json == []
    assert len(client.get("/api/jobs", headers=headers).json) == 1
    assert_error(client.post("/api/orgs", json={"name": ""}, headers=headers), 422, "invalid")
    assert_error(client.post("/api/orgs", json={"name": "x"}), 401, "unauthorized")


@pytest.mark.parametrize("path", ["/api/interviews/99999999999999999999999", "/api/sessions/2147483648",
                                  "/api/jobs/18446744073709551616/referrals/leaderboard",
                                  "/api/notifications?session_id=99999999999999999999"])
def test_ids_beyond_the_database_range_are_not_found(client, auth, path):
    response = client.get(path, headers=auth.login())
    assert response.status_code in (404, 422), response.json
    assert set(response.json) >= {"error", "message"}
