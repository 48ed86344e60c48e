"""Every HR endpoint with an id in its path, taken from the OpenAPI document so that new ones are covered too,
answers 404 to another organisation and changes nothing."""
import re

import pytest

from tests.api.flow import COMPETENCIES, QUESTION, create_interview, invite

BODIES = {
    "POST /api/jobs/{job_id}/interviews": {"competencies": COMPETENCIES, "questions": [QUESTION]},
    "POST /api/interviews/{interview_id}/invitations": {"candidates": [{"name": "外人"}]},
    "POST /api/sessions/{session_id}/decision": {"decision": "reject"},
    "POST /api/sessions/{session_id}/reviews": {"rating": 1, "comment": "不该看到"},
    "POST /api/interviews/{interview_id}/referrers": {"name": "外人"},
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


def test_other_organisations_ids_are_not_found(client, auth):
    owner = auth.login()
    interview = create_interview(client, owner, questions=1)
    invite(client, owner, interview["id"])
    listed = client.get(f"/api/interviews/{interview['id']}/sessions", headers=owner).json[0]
    session_id = listed["id"]
    team_invite = client.post("/api/team-invites", json={"role": "hr"}, headers=owner).json
    share = client.post(f"/api/sessions/{session_id}/share", json={}, headers=owner).json
    ids = {"job_id": interview["job_id"], "interview_id": interview["id"], "session_id": session_id,
           "invite_id": team_invite["id"], "invitation_id": listed["invitation_id"], "share_id": share["id"]}
    stranger = auth.login(name="赵总", org="别家公司")
    routes = list(hr_routes_with_ids(client))
    assert len(routes) >= 10
    for method, path in routes:
        url = re.sub(r"\{(\w+)\}", lambda match: str(ids[match.group(1)]), path)
        response = client.open(url, method=method, json=BODIES.get(f"{method} {path}"), headers=stranger)
        assert response.status_code == 404, (method, path, response.status_code, response.get_data(as_text=True))
        assert set(response.json) >= {"error", "message"}
    report = client.get(f"/api/sessions/{session_id}", headers=owner).json
    assert report["decision"] is None and report["reviews"] == [] and report["display_status"] == "invited"
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
