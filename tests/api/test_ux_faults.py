"""Issue 11 round-two faults: racing share joins, early report shares, inbox counts, decision changes,
deadline actions and candidate errors without contact. Each runs on SQLite and MariaDB."""
from concurrent.futures import ThreadPoolExecutor

import requests
import sqlalchemy as sa

from api.schema import invitations, sessions
from tests.api.decisions_flow import candidate
from tests.api.flow import create_interview


def _login(client, name="王经理", org="好味餐饮"):
    response = client.post("/api/auth/dev", json={"name": name, "org": org})
    assert response.status_code == 200, response.json
    return {"Authorization": f"Bearer {response.json['token']}"}


def _count(app, query):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.scalar(query)


def test_racing_identical_share_joins_make_one_person(live_server):
    app = live_server.app
    client = app.test_client()
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    other = create_interview(client, headers, questions=1)
    code = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"},
                       headers=headers).json["code"]
    other_code = client.post(f"/api/interviews/{other['id']}/referrers", json={"name": "老员工小李"},
                             headers=headers).json["code"]
    # A browser id this server issued (from another interview's join): the racers all hold it.
    browser_id = client.post(f"/api/scenes/r={other_code}/join", json={"name": "路人"}).json["browser_id"]
    url = f"{live_server.url}/api/scenes/r={code}/join"

    def join(body):
        return requests.post(url, json=body, timeout=60)

    body = {"name": "赵六", "phone": "13900001111", "browser_id": browser_id}
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(join, [body] * 6))
    statuses = sorted(response.status_code for response in answers)
    assert statuses == [200] * 5 + [201], [response.text for response in answers if response.status_code != 200]
    assert len({response.json()["session_id"] for response in answers}) == 1
    assert len({response.json()["token"] for response in answers}) == 1
    # Same name and phone without the browser id: one person, the others are told they already joined.
    body = {"name": "钱七", "phone": "139 0000 2222"}
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(join, [body] * 6))
    statuses = sorted(response.status_code for response in answers)
    assert statuses == [201] + [409] * 5, [response.text for response in answers]
    refused = [response.json() for response in answers if response.status_code == 409]
    assert all(item["error"] == "already_joined" and "token" not in item and item["contact"]["company"]
               for item in refused), refused
    assert _count(app, sa.select(sa.func.count()).select_from(sessions)
                  .where(sessions.c.interview_id == interview["id"])) == 2
    assert _count(app, sa.select(sa.func.count()).select_from(invitations)
                  .where(invitations.c.interview_id == interview["id"])) == 2
    counts = client.get(f"/api/interviews/{interview['id']}/referrers", headers=headers).json[0]
    assert counts["referees"] == 2


def test_a_report_is_shared_only_after_the_candidate_submits(app, client, aac_bytes):
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    token, session_id = candidate(client, app, headers, interview, aac_bytes, submit=False)
    early = client.post(f"/api/sessions/{session_id}/share", json={}, headers=headers)
    assert early.status_code == 409 and early.json["error"] == "not_submitted"
    assert "还没有提交" in early.json["message"]
    assert client.get(f"/api/sessions/{session_id}/shares", headers=headers).json == []
    assert client.post(f"/api/c/{token}/submit").status_code == 200
    shared = client.post(f"/api/sessions/{session_id}/share", json={}, headers=headers)
    assert shared.status_code == 201 and shared.json["url"]
