"""Every HR endpoint with an id in its path, taken from the OpenAPI document so that new ones are covered too,
answers 404 to another organisation and changes nothing."""
import re

import pytest

from api.schema import scorer_versions
from api.timeutil import utcnow
from tests.api.flow import COMPETENCIES, QUESTION, answer, create_interview, invite, start

BODIES = {
    "POST /api/jobs/{job_id}/interviews": {"competencies": COMPETENCIES, "questions": [QUESTION]},
    "POST /api/interviews/{interview_id}/invitations": {"candidates": [{"name": "外人"}]},
    "POST /api/sessions/{session_id}/decision": {"decision": "reject"},
    "POST /api/sessions/{session_id}/reviews": {"rating": 1, "comment": "不该看到"},
    "POST /api/interviews/{interview_id}/referrers": {"name": "外人"},
    "PUT /api/answers/{answer_id}/ratings": {"ratings": [{"competency": "沟通表达", "rating": 1}]},
    "POST /api/questions/{question_id}/picks": {"better_answer_id": 1, "worse_answer_id": 2},
    "PUT /api/sessions/{session_id}/outcomes": {"outcomes": [{"kind": "started", "value": True, "date": "2026-01-05"}]},
    "POST /api/scorer/versions/{version_id}/activate": {"justification": "外人想启用别家的评分版本"},
    "POST /api/invitations/{invitation_id}/extend": {"days": 3},
    "POST /api/invitations/{invitation_id}/resend": {},
    "POST /api/sessions/{session_id}/share": {},
    "POST /api/interviews/{interview_id}/reopen": {},
}
CROSS_ORG_BY_DESIGN = {"POST /api/team-invites/{code}/join"}  # a code is how one joins another organisation


def hr_routes_with_ids(client):
    spec = client.get("/api/openapi.json").json
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            route = f"{method.upper()} {path}"
            if isinstance(operation, dict) and {"bearer": []} in operation.get("security", []) \
                    and "{" in path and route not in CROSS_ORG_BY_DESIGN:
                yield method.upper(), path


def test_other_organisations_ids_are_not_found(app, client, auth, aac_bytes):
    owner = auth.login()
    interview = create_interview(client, owner, questions=1)
    token = invite(client, owner, interview["id"])[0]["token"]
    start(client, token)
    question_id = interview["questions"][0]["id"]
    answer(client, token, question_id, aac_bytes)
    assert client.post(f"/api/c/{token}/submit").status_code == 200  # a report is shared once submitted
    listed = client.get(f"/api/interviews/{interview['id']}/sessions", headers=owner).json[0]
    session_id = listed["id"]
    answer_id = client.get(f"/api/sessions/{session_id}", headers=owner).json["questions"][0]["answer"]["id"]
    team_invite = client.post("/api/team-invites", json={"role": "hr"}, headers=owner).json
    share = client.post(f"/api/sessions/{session_id}/share", json={}, headers=owner).json
    org_id = client.post("/api/auth/dev", json={"name": "王经理", "org": "好味餐饮"}).json["org_id"]
    with app.extensions["miaomian.engine"].begin() as connection:
        version_id = connection.execute(scorer_versions.insert().values(
            org_id=org_id, number=1, version=f"org-{org_id}-1", status="proposed", calibration="{}",
            created_at=utcnow())).inserted_primary_key[0]
    ids = {"job_id": interview["job_id"], "interview_id": interview["id"], "session_id": session_id,
           "invite_id": team_invite["id"], "answer_id": answer_id, "question_id": question_id,
           "version_id": version_id, "invitation_id": listed["invitation_id"], "share_id": share["id"]}
    stranger = auth.login(name="赵总", org="别家公司")
    routes = list(hr_routes_with_ids(client))
    assert len(routes) >= 10
    for method, path in routes:
        url = re.sub(r"\{(\w+)\}", lambda match: str(ids[match.group(1)]), path)
        response = client.open(url, method=method, json=BODIES.get(f"{method} {path}"), headers=stranger)
        assert response.status_code == 404, (method, path, response.status_code, response.get_data(as_text=True))
        assert set(response.json) >= {"error", "message"}
    report = client.get(f"/api/sessions/{session_id}", headers=owner).json
    assert report["decision"] is None and report["reviews"] == [] and report["display_status"] == "submitted"
    assert client.get(f"/api/interviews/{interview['id']}", headers=owner).json["status"] == "open"
    assert [item["state"] for item in client.get(f"/api/sessions/{session_id}/shares", headers=owner).json] == ["active"]
    assert len(client.get(f"/api/interviews/{interview['id']}/sessions", headers=owner).json) == 1
    assert client.get(f"/api/interviews/{interview['id']}/referrers", headers=owner).json == []


@pytest.mark.parametrize("path", ["/api/jobs", "/api/interviews", "/api/notifications", "/api/team-invites"])
def test_lists_show_only_the_callers_organisation(client, auth, path):
    owner = auth.login()
    interview = create_interview(client, owner, questions=1)
    invite(client, owner, interview["id"])
    client.post("/api/team-invites", json={"role": "hr"}, headers=owner)
    stranger = auth.login(name="赵总", org="别家公司")
    response = client.get(path, headers=stranger)
    assert response.status_code == 200
    assert response.json == [], response.json
