"""Issue 11, round five (SQLite and MariaDB): revoking mid-upload asks first and keeps the take; every refusal's
suggested next step is accepted in that state; one invitation per person and phone numbers validated; referrer
counts count people; a decision kept internal stays internal and a repeated hold is idempotent; old English
reasons read in Chinese; the inbox lists partial answers of a closed interview."""
import sqlalchemy as sa

from api.schema import sessions
from tests.api.flow import create_interview, invite, send_file, start
from tests.api.test_hr_resources import assert_error


def _invitation_id(client, headers, interview_id, session_id):
    listed = client.get(f"/api/interviews/{interview_id}/sessions", headers=headers).json
    return next(item["invitation_id"] for item in listed if item["id"] == session_id)


def _recording_started(client, token, question_id):
    """The candidate opened the question, started recording and holds an upload ticket (upload in flight)."""
    assert client.post(f"/api/c/{token}/answers/{question_id}/think").status_code == 200
    assert client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={}).status_code == 201
    ticket = client.post(f"/api/c/{token}/answers/{question_id}/upload", json={"content_type": "audio/aac"})
    assert ticket.status_code == 200, ticket.json
    return ticket.json


# --- 1. revoking while an answer uploads --------------------------------------------------------------------

def test_revoking_mid_upload_asks_first_and_the_take_is_kept_and_visible(client, auth, aac_bytes):
    headers = auth.login()
    interview = create_interview(client, headers, questions=2)
    invited = invite(client, headers, interview["id"])[0]
    token, session_id = invited["token"], invited["session_id"]
    start(client, token)
    first = interview["questions"][0]["id"]
    ticket = _recording_started(client, token, first)
    invitation_id = _invitation_id(client, headers, interview["id"], session_id)

    for body in (None, {}, {"confirm": False}):
        refused = client.post(f"/api/invitations/{invitation_id}/revoke", headers=headers,
                              **({} if body is None else {"json": body}))
        assert_error(refused, 409, "candidate_mid_interview")
        assert refused.json["in_progress"] == 1 and refused.json["in_flight"] == 1
        assert "1 段录音正在上传" in refused.json["message"] and "确定要撤回吗" in refused.json["message"]
    assert client.get(f"/api/c/{token}").status_code == 200  # nothing changed yet

    revoked = client.post(f"/api/invitations/{invitation_id}/revoke", json={"confirm": True}, headers=headers)
    assert revoked.status_code == 200, revoked.json
    assert revoked.json["in_flight"] == 1 and "上传完成后仍会保存" in revoked.json["in_flight_text"]
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    assert [item["position"] for item in report["uploads_in_flight"]] == [1]
    assert "邀请已撤回" in report["uploads_in_flight"][0]["status_text"]
    # The candidate can no longer answer, but the take that was uploading is received and confirmed.
    assert_error(client.post(f"/api/c/{token}/answers/{first}/attempts", json={}), 410, "invitation_revoked")
    assert send_file(client, ticket, aac_bytes).status_code == 200
    confirmed = client.post(f"/api/c/{token}/answers/{first}/uploaded", json={"key": ticket["key"]})
    assert confirmed.status_code == 200, confirmed.json
    assert "已撤回" in confirmed.json["message"]
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    assert report["uploads_in_flight"] == [] and report["questions"][0]["answer"]["attempt"] == 1
    assert report["display_status"] == "revoked"


def test_a_take_started_after_the_revocation_is_not_confirmed(app, client, auth, aac_bytes):
    from datetime import timedelta

    from api.schema import invitations
    from api.timeutil import utcnow
    from tests.api.test_answer_time import _db
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"])[0]
    start(client, invited["token"])
    qid = interview["questions"][0]["id"]
    ticket = _recording_started(client, invited["token"], qid)
    invitation_id = _invitation_id(client, headers, interview["id"], invited["session_id"])
    assert client.post(f"/api/invitations/{invitation_id}/revoke", json={"confirm": True},
                       headers=headers).status_code == 200
    # Pretend the revocation came before the take started: the take is not the candidate's to confirm.
    _db(app, invitations.update().where(invitations.c.id == invitation_id).values(
        revoked_at=utcnow() - timedelta(minutes=5)))
    assert send_file(client, ticket, aac_bytes).status_code == 200
    assert_error(client.post(f"/api/c/{invited['token']}/answers/{qid}/uploaded", json={"key": ticket["key"]}),
                 410, "invitation_revoked")


def test_revoking_before_the_candidate_started_needs_no_confirmation(client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"])[0]
    invitation_id = _invitation_id(client, headers, interview["id"], invited["session_id"])
    revoked = client.post(f"/api/invitations/{invitation_id}/revoke", headers=headers)
    assert revoked.status_code == 200 and revoked.json["in_flight"] == 0 and revoked.json["in_flight_text"] is None
    assert_error(client.get(f"/api/c/{invited['token']}"), 410, "invitation_revoked")


# --- 2. every refusal suggests only what the API accepts in that state -------------------------------------

STATES = ("invited", "started", "expired", "deadline_passed", "closed", "revoked", "revoked_closed", "submitted")
ACTIONS = ("extend", "resend", "revoke", "decision", "invite_another")
# The Chinese words by which a refusal names an action; a suggestion may name only actions in `next_actions`
# (the refused action itself may be named as what was refused).
VERBS = {"extend": ("延期",), "resend": ("重新发送",), "reopen": ("重新开放",),
         "extend_deadline": ("延长面试的截止时间", "同时延长面试截止时间"), "reinvite": ("重新邀请",)}
OWN_VERBS = {"extend": ("延期",), "resend": ("重新发送",), "revoke": (), "decision": (), "invite_another": ()}


def _make_state(app, client, headers, state, aac_bytes):
    """A fresh interview with one candidate in `state`: (interview, invited, invitation_id)."""
    from datetime import timedelta

    from api.schema import interviews, invitations
    from api.timeutil import utcnow
    from tests.api.flow import answer
    from tests.api.test_answer_time import _db
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"])[0]
    invitation_id = _invitation_id(client, headers, interview["id"], invited["session_id"])
    if state in ("started", "submitted"):
        start(client, invited["token"])
    if state == "submitted":
        qid = interview["questions"][0]["id"]
        client.post(f"/api/c/{invited['token']}/answers/{qid}/think")
        answer(client, invited["token"], qid, aac_bytes)
        assert client.post(f"/api/c/{invited['token']}/submit").status_code == 200
    past = utcnow() - timedelta(hours=1)
    if state == "expired":
        _db(app, invitations.update().where(invitations.c.id == invitation_id).values(expires_at=past))
    if state == "deadline_passed":
        _db(app, interviews.update().where(interviews.c.id == interview["id"]).values(deadline=past))
        _db(app, invitations.update().where(invitations.c.id == invitation_id).values(expires_at=past))
    if state in ("revoked", "revoked_closed"):
        assert client.post(f"/api/invitations/{invitation_id}/revoke", json={"confirm": True},
                           headers=headers).status_code == 200
    if state in ("closed", "revoked_closed"):
        assert client.post(f"/api/interviews/{interview['id']}/close", json={"confirm": True},
                           headers=headers).status_code == 200
    return interview, invited, invitation_id


def _perform(client, headers, action, interview, invited, invitation_id):
    """Do `action` (an HR action or a suggested next action) with whatever confirmation it asks for."""
    from datetime import timedelta

    from api.timeutil import utcnow
    later = (utcnow() + timedelta(days=20)).isoformat(timespec="seconds") + "Z"
    calls = {
        "extend": (f"/api/invitations/{invitation_id}/extend", {"days": 7}),
        "resend": (f"/api/invitations/{invitation_id}/resend", {"confirm": True}),
        "revoke": (f"/api/invitations/{invitation_id}/revoke", {"confirm": True}),
        "decision": (f"/api/sessions/{invited['session_id']}/decision", {"decision": "hold"}),
        "invite_another": (f"/api/interviews/{interview['id']}/invitations",
                           {"candidates": [{"name": "另一位", "phone": "13900139000"}]}),
        "reinvite": (f"/api/interviews/{interview['id']}/invitations",
                     {"candidates": [{"name": "张三", "phone": "13800138000"}]}),
        "reopen": (f"/api/interviews/{interview['id']}/reopen", {}),
        "extend_deadline": (f"/api/interviews/{interview['id']}/reopen", {"deadline": later}),
    }
    url, body = calls[action]
    return client.post(url, json=body, headers=headers)


def test_every_refusal_suggests_only_actions_accepted_in_that_state(app, client, auth, aac_bytes):
    headers = auth.login()
    refusals = 0
    for state in STATES:
        for action in ACTIONS:
            made = _make_state(app, client, headers, state, aac_bytes)
            response = _perform(client, headers, action, *made)
            if response.status_code < 400:
                continue
            refusals += 1
            assert_error(response, response.status_code)
            message, suggested = response.json["message"], response.json.get("next_actions", [])
            named = {name for name, verbs in VERBS.items() if any(verb in message for verb in verbs)
                     and not any(verb in OWN_VERBS[action] for verb in verbs)}
            assert named <= set(suggested), (state, action, message, suggested)
            for next_action in suggested:  # what the refusal suggests works, in that very state
                done = _perform(client, headers, next_action, *_make_state(app, client, headers, state, aac_bytes))
                assert done.status_code in (200, 201), (state, action, next_action, done.json)
    assert refusals >= 15  # the table really exercised refusals


def test_a_decision_on_a_revoked_or_closed_candidate_suggests_nothing_refused(app, client, auth, aac_bytes):
    headers = auth.login()
    for state, words in (("revoked", "重新邀请"), ("closed", "重新开放"), ("revoked_closed", "重新开放")):
        made = _make_state(app, client, headers, state, aac_bytes)
        refused = _perform(client, headers, "decision", *made)
        assert_error(refused, 409, "not_submitted")
        assert words in refused.json["message"]
        assert "延期" not in refused.json["message"] and "重新发送" not in refused.json["message"]


# --- 3. one invitation per person; mainland mobile numbers; per-row errors ---------------------------------

def _post_invite(client, headers, interview_id, rows):
    return client.post(f"/api/interviews/{interview_id}/invitations", json={"candidates": rows}, headers=headers)


def _session_count(app, interview_id):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.scalar(sa.select(sa.func.count()).select_from(sessions).where(
            sessions.c.interview_id == interview_id))


def test_inviting_the_same_phone_twice_returns_the_existing_invitation(app, client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    first = _post_invite(client, headers, interview["id"], [{"name": "张三", "phone": "13800138000"}])
    assert first.status_code == 201 and first.json[0]["existing"] is False
    for phone in ("13800138000", "+86 138-0013-8000", "0086 138 0013 8000", "8613800138000"):
        again = _post_invite(client, headers, interview["id"], [{"name": "张三", "phone": phone}])
        assert_error(again, 409, "already_invited")
        (existing,) = again.json["existing"]
        assert existing["session_id"] == first.json[0]["session_id"] and existing["existing"] is True
        assert "token" not in existing and "没有重复创建" in again.json["message"]
        assert "重新发送邀请" in again.json["message"] and existing["next_actions"] == ["extend", "resend"]
    # Another name with the same number is the same person too.
    assert_error(_post_invite(client, headers, interview["id"], [{"name": "张小三", "phone": "13800138000"}]),
                 409, "already_invited")
    # In a batch, the known person comes back as existing and the new one is created.
    mixed = _post_invite(client, headers, interview["id"], [{"name": "张三", "phone": "13800138000"},
                                                            {"name": "李四", "phone": "13900139000"}])
    assert mixed.status_code == 201
    assert [(row["existing"], "token" in row) for row in mixed.json] == [(True, False), (False, True)]
    assert _session_count(app, interview["id"]) == 2
    # Once revoked, the person can be invited anew (what a refusal on a revoked invitation suggests).
    invitation_id = first.json[0]["invitation_id"]
    assert client.post(f"/api/invitations/{invitation_id}/revoke", headers=headers).status_code == 200
    anew = _post_invite(client, headers, interview["id"], [{"name": "张三", "phone": "13800138000"}])
    assert anew.status_code == 201 and anew.json[0]["existing"] is False
    assert anew.json[0]["session_id"] != first.json[0]["session_id"]


def test_an_invitation_of_someone_who_already_submitted_says_so(client, auth, aac_bytes):
    from tests.api.flow import answer
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"])[0]
    start(client, invited["token"])
    qid = interview["questions"][0]["id"]
    client.post(f"/api/c/{invited['token']}/answers/{qid}/think")
    answer(client, invited["token"], qid, aac_bytes)
    assert client.post(f"/api/c/{invited['token']}/submit").status_code == 200
    again = _post_invite(client, headers, interview["id"], [{"name": "张三", "phone": "13800138000"}])
    assert_error(again, 409, "already_invited")
    assert "已经提交" in again.json["message"] and "重新发送" not in again.json["message"]


def test_racing_invitations_of_one_person_make_one(live_server):
    from concurrent.futures import ThreadPoolExecutor

    import requests

    from tests.conftest import AuthActions
    client = live_server.app.test_client()
    headers = AuthActions(client).login()
    interview = create_interview(client, headers, questions=1)
    url = f"{live_server.url}/api/interviews/{interview['id']}/invitations"
    body = {"candidates": [{"name": "王五", "phone": "13700137000"}]}
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: requests.post(url, json=body, headers=headers, timeout=60), range(4)))
    assert sorted(r.status_code for r in results) == [201, 409, 409, 409], [r.text for r in results]
    assert _session_count(live_server.app, interview["id"]) == 1


MALFORMED = ("+8613800138000x1", "1380013800a", "abcdefghijk", "1380013800", "138001380001", "12345678901",
             "010-12345678", "+82 10-1234-5678", "13800138000 转 2")


def test_malformed_phones_are_refused_per_row_and_nothing_is_created(app, client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    for phone in MALFORMED:
        refused = _post_invite(client, headers, interview["id"], [{"name": "赵六", "phone": phone}])
        assert_error(refused, 422, "invalid_candidates")
        assert refused.json["rows"] == [{"row": 1, "name": "赵六", "field": "phone", "error": "invalid_phone",
                                         "message": refused.json["rows"][0]["message"]}]
        assert "中国大陆 11 位手机号" in refused.json["message"]
    rows = [{"name": "甲", "phone": "138 0013 8001"}, {"name": "乙", "phone": "+8613800138000x1"},
            {"name": "丙", "phone": "138-0013-8001"}, {"name": "丁"}, {"name": "戊", "phone": "abc"}]
    refused = _post_invite(client, headers, interview["id"], rows)
    assert_error(refused, 422, "invalid_candidates")
    assert [(row["row"], row["error"]) for row in refused.json["rows"]] == [
        (2, "invalid_phone"), (3, "duplicate_phone"), (5, "invalid_phone")]
    assert "第 2 行（乙）" in refused.json["message"] and "和第 1 行是同一个手机号" in refused.json["message"]
    assert _session_count(app, interview["id"]) == 0
    # Accepted spellings are stored as the 11 digits.
    accepted = _post_invite(client, headers, interview["id"], [{"name": "己", "phone": "+86 (138) 0013-8002"},
                                                               {"name": "庚", "phone": "０086１３８００１３８００３"}])
    assert accepted.status_code == 201, accepted.json
    report = client.get(f"/api/sessions/{accepted.json[0]['session_id']}", headers=headers).json
    assert report["phone"] == "13800138002"


def test_a_share_link_join_refuses_a_malformed_phone_too(client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    code = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "小王"}, headers=headers).json
    scene = code.get("scene") or f"c={code['code']}"
    for phone in ("+8613800138000x1", "abc", "1380013800"):
        refused = client.post(f"/api/scenes/{scene}/join", json={"name": "周七", "phone": phone})
        assert_error(refused, 422)
        assert "中国大陆 11 位手机号" in refused.get_data(as_text=True)
    assert client.post(f"/api/scenes/{scene}/join", json={"name": "周七", "phone": "+86 138 0013 8009"}).status_code == 201


# --- 5. decisions: only a told decision reaches the candidate; a repeated hold is idempotent ---------------

def _submitted(client, app, headers, aac_bytes):
    """A candidate who answered a one-question interview and submitted: (token, session_id)."""
    from tests.api.decisions_flow import candidate
    return candidate(client, app, headers, create_interview(client, headers, questions=1), aac_bytes)


def _decide(client, headers, session_id, **body):
    return client.post(f"/api/sessions/{session_id}/decision", json=body, headers=headers)


def _audit_count(app, session_id):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.scalar(sa.text("SELECT COUNT(*) FROM audit_log WHERE subject = :s AND action LIKE 'session.%'"),
                                 {"s": f"session:{session_id}"})


def test_a_decision_kept_internal_never_reaches_the_candidate(app, client, auth, aac_bytes):
    headers = auth.login()
    for decision in ("advance", "reject", "hold"):
        token, session_id = _submitted(client, app, headers, aac_bytes)
        decided = _decide(client, headers, session_id, decision=decision, notify_candidate=False, message="内部")
        assert decided.status_code == 200, decided.json
        assert "招聘方还没有做出决定" in decided.json["candidate_sees"] and decided.json["told_candidate"] is False
        seen = client.get(f"/api/c/{token}/report").json["decision"]
        assert seen == {"status": None, "text": "招聘方还没有做出决定", "message": None, "decided_at": None,
                        "decided_at_display": None}, (decision, seen)
        # Told later: now the candidate sees it.
        told = _decide(client, headers, session_id, decision=decision, message="请留意电话")
        assert told.status_code == 200, told.json
        seen = client.get(f"/api/c/{token}/report").json["decision"]
        assert seen["status"] == decision and seen["text"] != "招聘方还没有做出决定"


def test_an_outcome_already_told_stays_visible_when_repeated_quietly(app, client, auth, aac_bytes):
    headers = auth.login()
    token, session_id = _submitted(client, app, headers, aac_bytes)
    assert _decide(client, headers, session_id, decision="advance").status_code == 200
    repeated = _decide(client, headers, session_id, decision="advance", notify_candidate=False)
    assert repeated.status_code == 200, repeated.json
    assert client.get(f"/api/c/{token}/report").json["decision"]["status"] == "advance"


def test_repeating_hold_is_idempotent(app, client, auth, aac_bytes):
    headers = auth.login()
    token, session_id = _submitted(client, app, headers, aac_bytes)
    assert _decide(client, headers, session_id, decision="advance").status_code == 200
    assert_error(_decide(client, headers, session_id, decision="hold"), 409, "decision_change_unconfirmed")
    held = _decide(client, headers, session_id, decision="hold", confirm_change=True)
    assert held.status_code == 200 and held.json["decision"] == "hold"
    entries = _audit_count(app, session_id)
    for _ in range(2):  # once on hold, hold again: no confirmation, no new record, no message
        again = _decide(client, headers, session_id, decision="hold")
        assert again.status_code == 200, again.json
        assert again.json["unchanged"] is True and again.json["decision"] == "hold"
    assert _audit_count(app, session_id) == entries
    history = client.get(f"/api/sessions/{session_id}", headers=headers).json["decision_history"]
    assert [item["decision"] for item in history] == ["advance", "hold"]
    assert client.get(f"/api/c/{token}/report").json["decision"]["text"] == "招聘方还在考虑"


# --- 6. reasons stored by older versions read in Chinese everywhere -----------------------------------------

OLD_RESULT = {"status": "needs_review", "reason": "录音里没有听到说话声（no speech found），请人工听一下录音。",
              "reason_code": "no_speech", "overall": 40.0, "scale": 100,
              "competencies": [{"name": "沟通表达", "weight": 1, "score": 40,
                                "reasons": ["Mentioned the customer twice.", "讲了顾客的需求（keyword coverage 0.4）。"],
                                "drivers": [{"feature": "concreteness", "effect": -0.2}]}],
              "feedback": {"strengths": ["Clear voice", "声音清楚。"], "suggestions": ["Give a concrete example."]}}
ENGLISH_PROSE = r"[A-Za-z]{2,}(?:[\s,.:;'/-]+[A-Za-z]{2,})+"


def _no_english(value, where):
    import re
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("transcript", "model_versions", "features", "reason_code", "reason_detail", "error",
                           "media_url", "playback_url", "url", "status", "decision", "display_status", "kind",
                           "language", "stage", "scale", "next_actions", "phone", "phone_masked", "speech", "timings"):
                _no_english(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _no_english(item, f"{where}[{index}]")
    elif isinstance(value, str) and not value.startswith(("http", "20")):
        assert not re.search(ENGLISH_PROSE, value), (where, value)


def _post_as_older_analyzer(client, app, key, result):
    """POST a result the way the analyzer does, its `reason` in the body too (stored on the answer)."""
    import json

    from functions.analyze.signing import sign_request
    raw = json.dumps({"key": key, "status": result["status"], "reason": result["reason"], "result": result},
                     ensure_ascii=False).encode()
    headers = sign_request(app.config["HMAC_KEY"], "POST", "/api/internal/results", raw)
    response = client.post("/api/internal/results", data=raw, headers={**headers, "Content-Type": "application/json"})
    assert response.status_code == 200, response.json


def test_reasons_stored_by_older_versions_read_in_chinese_in_every_report(app, client, auth, aac_bytes):
    from tests.api.decisions_flow import candidate, post_result
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    token, session_id = candidate(client, app, headers, interview, aac_bytes)
    with app.extensions["miaomian.engine"].connect() as connection:
        key = connection.scalar(sa.text("SELECT object_key FROM answers WHERE session_id = :s"), {"s": session_id})
    _post_as_older_analyzer(client, app, key, OLD_RESULT)
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    answer = report["questions"][0]["answer"]
    assert answer["reason"] == "录音里没有听到说话声，请人工听一下录音。"
    assert answer["competencies"][0]["reasons"] == ["讲了顾客的需求。"]
    assert answer["feedback"] == {"strengths": ["声音清楚。"], "suggestions": []}
    _no_english(report, "hr")
    shared = client.post(f"/api/sessions/{session_id}/share", json={"days": 7}, headers=headers).json
    boss = client.get(f"/api/r/{shared['url'].rsplit('/', 1)[1]}").json
    assert "no speech found" not in str(boss) and "录音里没有听到说话声，请人工听一下录音。" in str(boss)
    _no_english(boss, "shared")
    own = client.get(f"/api/c/{token}/report").json
    _no_english(own, "candidate")


def test_the_analyzer_writes_a_silent_answer_off_in_chinese_only(tmp_path):
    import re
    import subprocess

    from functions.analyze import pipeline
    silent = tmp_path / "silent.wav"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "2",
                    str(silent)], check=True)
    question = {"text": "讲一次你帮助顾客解决问题的经历。", "answer_seconds": 60,
                "competencies": [{"name": "沟通表达", "weight": 1, "keywords": ["沟通"]}]}
    result = pipeline.analyze_file(silent, question, "zh")
    assert (result["status"], result["reason_code"]) == ("needs_review", "no_speech")
    assert "说话声" in result["reason"] and not re.search(r"[A-Za-z]", result["reason"]), result["reason"]


# --- 7. the inbox: partial answers of a closed interview, unsubmitted answers needing review ----------------

def _started_with_first_answer(client, headers, interview, name, aac_bytes):
    from tests.api.flow import answer
    invited = invite(client, headers, interview["id"], names=(name,))[0]
    start(client, invited["token"])
    qid = interview["questions"][0]["id"]
    client.post(f"/api/c/{invited['token']}/answers/{qid}/think")
    key = answer(client, invited["token"], qid, aac_bytes)
    return invited, key


def _inbox(client, headers):
    return client.get("/api/inbox", headers=headers).json


def test_partial_answers_of_a_closed_interview_are_in_the_inbox(app, client, auth, aac_bytes):
    headers = auth.login()
    interview = create_interview(client, headers, questions=3)
    partial, _ = _started_with_first_answer(client, headers, interview, "孙部分", aac_bytes)
    silent = invite(client, headers, interview["id"], names=("钱未答",))[0]
    start(client, silent["token"])
    assert client.post(f"/api/interviews/{interview['id']}/close", json={"confirm": True},
                       headers=headers).status_code == 200
    inbox = _inbox(client, headers)
    items = {item["session_id"]: item for item in inbox["items"]}
    assert items[partial["session_id"]]["kind"] == "incomplete"
    assert "只答了 1/3 题" in items[partial["session_id"]]["text"] and "面试已结束" in items[partial["session_id"]]["text"]
    assert silent["session_id"] not in items  # never answered: nothing to look at
    assert inbox["counts"]["incomplete"] == 1 and inbox["counts"]["total"] == len(inbox["items"])
    # Reopened, the candidate can finish: the item leaves the incomplete list.
    assert client.post(f"/api/interviews/{interview['id']}/reopen", json={}, headers=headers).status_code == 200
    assert all(item["kind"] != "incomplete" for item in _inbox(client, headers)["items"])


def test_an_unsubmitted_answer_that_needs_review_is_stuck(app, client, auth, aac_bytes):
    from tests.api.decisions_flow import post_result
    headers = auth.login()
    interview = create_interview(client, headers, questions=2)
    invited, key = _started_with_first_answer(client, headers, interview, "周复核", aac_bytes)
    assert all(item["session_id"] != invited["session_id"] for item in _inbox(client, headers)["items"])
    post_result(client, app, key, dict(OLD_RESULT, reason="录音里没有听到说话声，请人工听一下录音。"), status="needs_review")
    items = {item["session_id"]: item for item in _inbox(client, headers)["items"]}
    assert items[invited["session_id"]]["kind"] == "stuck"
    assert "需要人工复核" in items[invited["session_id"]]["text"]
    # Retaken and uploaded again: the answer that counts is fine, the item goes away.
    from tests.api.flow import answer
    answer(client, invited["token"], interview["questions"][0]["id"], aac_bytes)
    assert all(item["session_id"] != invited["session_id"] for item in _inbox(client, headers)["items"])


# --- 4. a referrer's count counts people ------------------------------------------------------------------

def test_repeated_name_only_joins_without_identification_count_one_person(app, client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    referrer = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"},
                           headers=headers).json
    scene = f"r={referrer['code']}"
    joins = []
    for _ in range(4):  # each from a browser that keeps nothing: no cookie, no browser id, no phone
        joined = app.test_client().post(f"/api/scenes/{scene}/join", json={"name": " 吴八 "})
        assert joined.status_code == 201, joined.json
        joins.append(joined.json["session_id"])
    assert len(set(joins)) == 4  # nobody to recognise: each join gets its own link ...
    other = app.test_client().post(f"/api/scenes/{scene}/join", json={"name": "郑九", "phone": "13600136000"})
    assert other.status_code == 201
    listed = client.get(f"/api/interviews/{interview['id']}/referrers", headers=headers).json
    mine = next(item for item in listed if item["code"] == referrer["code"])
    assert mine["referees"] == 2, mine  # ... but the referrer is credited with people: 吴八 once, 郑九 once
    board = client.get(f"/api/jobs/{interview['job_id']}/referrals/leaderboard", headers=headers).json
    assert next(item for item in board if item["code"] == referrer["code"])["referees"] == 2
