"""Issue 11 round-two faults: racing share joins, early report shares, inbox counts, decision changes,
deadline actions and candidate errors without contact. Each runs on SQLite and MariaDB."""
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import requests
import sqlalchemy as sa

from api.schema import answers, invitations, sessions
from api.timeutil import utcnow
from tests.api.decisions_flow import candidate, contract_result
from tests.api.flow import create_interview, invite

SCORED = contract_result({"沟通表达": 70.0, "解决问题": 60.0}, {"沟通表达": {"words": 40.0}, "解决问题": {"words": 40.0}})


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
    # Same name and phone without the browser id (six devices): an unverified phone identifies no one, so each
    # gets a session of its own, answered as a fresh join, flagged to HR; the referrer counts one person.
    body = {"name": "钱七", "phone": "139 0000 2222"}
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(join, [body] * 6))
    statuses = sorted(response.status_code for response in answers)
    assert statuses == [201] * 6, [response.text for response in answers]
    assert len({response.json()["session_id"] for response in answers}) == 6
    assert _count(app, sa.select(sa.func.count()).select_from(sessions)
                  .where(sessions.c.interview_id == interview["id"])) == 7
    assert _count(app, sa.select(sa.func.count()).select_from(invitations)
                  .where(invitations.c.interview_id == interview["id"])) == 7
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


def _execute(app, statement):
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(statement)


def test_inbox_counts_expired_apart_and_keeps_a_same_second_review_request(app, client, aac_bytes):
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    expired = invite(client, headers, interview["id"], names=("过期的",))[0]
    expiring = invite(client, headers, interview["id"], names=("快过期的",))[0]
    now = utcnow()
    for item, expires_at in ((expired, now - timedelta(days=1)), (expiring, now + timedelta(hours=5))):
        _execute(app, invitations.update().where(invitations.c.id == sa.select(sessions.c.invitation_id).where(
            sessions.c.id == item["session_id"]).scalar_subquery()).values(expires_at=expires_at))
    token, session_id = candidate(client, app, headers, interview, aac_bytes, results=[SCORED], name="复核的")
    box = client.get("/api/inbox", headers=headers).json
    kinds = {item["name"]: item["kind"] for item in box["items"]}
    assert kinds == {"过期的": "expired", "快过期的": "expiring", "复核的": "finished"}
    for kind in ("expired", "expiring", "finished"):  # each count matches its items
        assert box["counts"][kind] == sum(1 for item in box["items"] if item["kind"] == kind) == 1
    assert box["counts"]["total"] == len(box["items"]) == 3
    # HR decides, then the candidate asks for a review within the same second (times stored to the second).
    assert client.post(f"/api/sessions/{session_id}/decision", json={"decision": "reject"},
                       headers=headers).status_code == 200
    assert client.post(f"/api/c/{token}/review-request", json={"note": "请再听一下"}).status_code == 200
    same = now.replace(microsecond=0)
    _execute(app, sessions.update().where(sessions.c.id == session_id)
             .values(decided_at=same, review_requested_at=same))
    box = client.get("/api/inbox", headers=headers).json
    assert [item["kind"] for item in box["items"] if item["session_id"] == session_id] == ["review_requested"]
    assert box["counts"]["review_requested"] == 1
    # A decision after the request (same second again) answers it: the item goes.
    assert client.post(f"/api/sessions/{session_id}/decision", json={"decision": "hold", "confirm_change": True},
                       headers=headers).status_code == 200
    _execute(app, sessions.update().where(sessions.c.id == session_id)
             .values(decided_at=same, review_requested_at=same))
    box = client.get("/api/inbox", headers=headers).json
    assert [item for item in box["items"] if item["session_id"] == session_id] == []
    assert box["counts"]["review_requested"] == 0


def test_reversing_a_decision_needs_confirmation_keeps_history_and_tells_the_candidate(app, client, aac_bytes):
    headers = _login(client)
    colleague = _login(client, name="李主管")
    interview = create_interview(client, headers, questions=1)
    token, session_id = candidate(client, app, headers, interview, aac_bytes, results=[SCORED])
    url = f"/api/sessions/{session_id}/decision"
    assert client.post(url, json={"decision": "reject"}, headers=headers).status_code == 200
    again = client.post(url, json={"decision": "reject"}, headers=colleague)  # the same decision: no question
    assert again.status_code == 200
    refused = client.post(url, json={"decision": "advance"}, headers=colleague)
    assert refused.status_code == 409 and refused.json["error"] == "decision_change_unconfirmed"
    assert "当前的决定是「未通过」" in refused.json["message"] and "确定要改为「已通过，进入下一轮」" in refused.json["message"]
    assert refused.json["current"]["decision"] == "reject"
    assert client.get(f"/api/c/{token}/report").json["decision"]["status"] == "reject"
    changed = client.post(url, json={"decision": "advance", "confirm_change": True, "notify_candidate": False},
                          headers=colleague)
    assert changed.status_code == 200 and changed.json["decision"] == "advance"
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    history = report["decision_history"]
    assert [(item["decision"], item["previous"], item["by"]) for item in history] == [
        ("reject", None, "王经理"), ("advance", "reject", "李主管")]  # the same decision again is no new entry
    assert all(item["at"] and item["at_display"] for item in history)
    # The candidate, told of the rejection, is told of the change through the notification outbox.
    with app.extensions["miaomian.engine"].connect() as connection:
        kinds = list(connection.execute(sa.text(
            "SELECT idempotency_key FROM notifications WHERE kind = 'decision_made' ORDER BY id")).scalars())
    assert kinds == [f"decision_made:session:{session_id}:reject:1", f"decision_made:session:{session_id}:advance:2"]
    assert client.get(f"/api/c/{token}/report").json["decision"]["status"] == "advance"
    # hold moves away from the outcome the candidate was told: it needs confirmation too (tests/api/test_issue11_round3.py).
    assert client.post(url, json={"decision": "hold", "confirm_change": True}, headers=headers).status_code == 200


def test_deadline_actions_refuse_what_the_interview_deadline_would_undo(app, client):
    from api.schema import interviews
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"], names=("赵六",))[0]
    invitation_id = _count(app, sa.select(sessions.c.invitation_id).where(sessions.c.id == invited["session_id"]))
    deadline = (utcnow() + timedelta(days=2)).replace(microsecond=0)
    _execute(app, interviews.update().where(interviews.c.id == interview["id"]).values(deadline=deadline))
    url = f"/api/invitations/{invitation_id}/extend"
    beyond = client.post(url, json={"days": 7}, headers=headers)
    assert beyond.status_code == 409 and beyond.json["error"] == "beyond_interview_deadline"
    assert "请先延长面试的截止时间" in beyond.json["message"]
    within = client.post(url, json={"expires_at": deadline.isoformat() + "Z"}, headers=headers)  # not shorter
    assert within.status_code == 200
    both = client.post(url, json={"days": 7, "extend_interview": True}, headers=headers)
    assert both.status_code == 200
    new_deadline = _count(app, sa.select(interviews.c.deadline).where(interviews.c.id == interview["id"]))
    assert new_deadline > deadline + timedelta(days=4)
    assert both.json["expires_at"] == new_deadline.isoformat() + "Z"
    # The interview's deadline has passed: inviting (or re-sending) would make an already-expired link.
    _execute(app, interviews.update().where(interviews.c.id == interview["id"])
             .values(deadline=utcnow() - timedelta(minutes=5)))
    late = client.post(f"/api/interviews/{interview['id']}/invitations",
                       json={"candidates": [{"name": "钱七", "phone": "13900001111"}]}, headers=headers)
    assert late.status_code == 409 and late.json["error"] == "interview_deadline_passed"
    assert "请先延长面试的截止时间" in late.json["message"]
    resent = client.post(f"/api/invitations/{invitation_id}/resend", json={}, headers=headers)
    assert resent.status_code == 409 and resent.json["error"] == "interview_deadline_passed"
    assert len(client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json) == 1


def test_candidate_errors_carry_the_contact(app, client, aac_bytes):
    headers = _login(client)
    client.put("/api/orgs/contact", json={"name": "王经理", "phone": "021-55550000"}, headers=headers)
    interview = create_interview(client, headers, questions=1)
    question_id = interview["questions"][0]["id"]
    token, session_id = candidate(client, app, headers, interview, aac_bytes, submit=False)
    # Another device over the answer: 409 with whom to contact.
    other = client.post(f"/api/c/{token}/answers/{question_id}/upload", json={"content_type": "audio/aac"},
                        headers={"X-Miaomian-Device": "device-b-0123456789abcdef"})
    assert other.status_code == 409, other.json
    assert other.json["error"] == "answered_on_another_device"
    assert other.json["contact"]["company"] == "好味餐饮" and other.json["message"].endswith(other.json["contact"]["text"])
    # Attempts used up: 409 with the contact.
    codes = []
    for _ in range(6):
        response = client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={})
        codes.append((response.status_code, response.json.get("error")))
        if response.status_code == 409:
            break
        with app.extensions["miaomian.engine"].begin() as connection:  # a retake, not the same start sent twice
            connection.execute(answers.update().where(answers.c.session_id == session_id).values(
                created_at=utcnow() - timedelta(seconds=5)))
    assert response.json["error"] == "attempts_exhausted", codes
    assert response.json["contact"]["company"] == "好味餐饮" and "如有问题请联系" in response.json["message"]
    # A link HR re-sent: the old one says so, with the contact; the new one works.
    invitation_id = _count(app, sa.select(sessions.c.invitation_id).where(sessions.c.id == session_id))
    resent = client.post(f"/api/invitations/{invitation_id}/resend", json={"confirm": True}, headers=headers)
    assert resent.status_code == 200  # mid-interview: confirmed (tests/api/test_issue11_round3.py)
    old = client.get(f"/api/c/{token}")
    assert old.status_code == 410 and old.json["error"] == "link_replaced"
    assert old.json["contact"]["company"] == "好味餐饮" and "新的链接" in old.json["message"]
    assert client.get(f"/api/c/{resent.json['token']}").status_code == 200
    # A token nobody issued names no company: a plain 404.
    unknown = client.get("/api/c/NOSUCHTOKEN0000000000")
    assert unknown.status_code == 404 and "contact" not in unknown.json
