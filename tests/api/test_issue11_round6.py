"""Issue 11, round six (SQLite and MariaDB): saving the same decision again keeps what the candidate was told;
partial updates keep what they do not name; nothing is created for a closed interview; old links tell the truth
now; HR reads Chinese labels, never raw codes or field names; a share link cannot lock a person out."""
import sqlalchemy as sa

from tests.api.flow import create_interview, invite
from tests.api.test_hr_resources import assert_error
from tests.api.test_issue11_round5 import _decide, _submitted


def _decision_records(app, session_id):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.scalar(sa.text("SELECT COUNT(*) FROM audit_log WHERE subject = :s AND action IN "
                                         "('session.advance', 'session.reject', 'session.hold', "
                                         "'session.decision_edited')"), {"s": f"session:{session_id}"})


# --- 1. the same decision saved again with only a note -----------------------------------------------------

def test_a_note_only_resave_keeps_the_message_the_candidate_was_told(app, client, auth, aac_bytes):
    headers = auth.login()
    token, session_id = _submitted(client, app, headers, aac_bytes)
    first = _decide(client, headers, session_id, decision="reject", message="感谢参与")
    assert first.status_code == 200, first.json
    before = client.get(f"/api/c/{token}/report").json["decision"]
    assert before["message"] == "感谢参与" and before["status"] == "reject"
    entries = _decision_records(app, session_id)

    again = _decide(client, headers, session_id, decision="reject", note="内部备注：沟通一般")
    assert again.status_code == 200, again.json
    assert again.json["unchanged"] is True and again.json["edited"] == ["内部备注"]
    assert again.json["told_candidate"] is True and "已告知候选人" in again.json["told_text"]
    assert client.get(f"/api/c/{token}/report").json["decision"] == before  # message and decided_at kept
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    assert report["decision_message"] == "感谢参与" and report["decision_note"] == "内部备注：沟通一般"
    history = report["decision_history"]
    assert [item["decision"] for item in history] == ["reject"]
    assert history[0]["told_candidate"] is True
    assert [edit["edited"] for edit in history[0]["edits"]] == [["内部备注"]]
    assert "决定没有变" in history[0]["edits"][0]["text"]
    assert _decision_records(app, session_id) == entries + 1

    # The same body once more changes nothing and records nothing; a new message replaces the old one.
    assert _decide(client, headers, session_id, decision="reject", note="内部备注：沟通一般").json["edited"] == []
    assert _decision_records(app, session_id) == entries + 1
    worded = _decide(client, headers, session_id, decision="reject", message="欢迎以后再来")
    assert worded.json["edited"] == ["给候选人的话"]
    assert client.get(f"/api/c/{token}/report").json["decision"]["message"] == "欢迎以后再来"
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    assert report["decision_note"] == "内部备注：沟通一般"


def test_a_new_decision_without_a_note_keeps_the_internal_note(app, client, auth, aac_bytes):
    headers = auth.login()
    _token, session_id = _submitted(client, app, headers, aac_bytes)
    assert _decide(client, headers, session_id, decision="hold", note="等二面名额").status_code == 200
    assert _decide(client, headers, session_id, decision="advance").status_code == 200
    assert client.get(f"/api/sessions/{session_id}", headers=headers).json["decision_note"] == "等二面名额"


# --- 6. partial updates keep what they do not name; nothing made for a closed interview ---------------------

def test_changing_the_contact_name_keeps_the_phone_and_note(client, auth):
    hr = auth.login()
    full = client.put("/api/orgs/contact", json={"name": "王经理", "phone": "021-62345678", "note": "工作日 9:00–18:00"},
                      headers=hr)
    assert full.status_code == 200, full.json
    manager = auth.login(name="李主管")
    renamed = client.put("/api/orgs/contact", json={"name": "李主管"}, headers=manager)
    assert renamed.status_code == 200, renamed.json
    assert renamed.json["phone"] == "021-62345678" and renamed.json["note"] == "工作日 9:00–18:00"
    assert renamed.json["name"] == "李主管"
    cleared = client.put("/api/orgs/contact", json={"note": ""}, headers=hr).json
    assert "note" not in cleared and cleared["phone"] == "021-62345678" and cleared["name"] == "李主管"
    empty = client.put("/api/orgs/contact", json={}, headers=hr)
    assert_error(empty, 422)
    assert "至少填写" in empty.json["message"] and "保持原样" in empty.json["message"]
    assert client.get("/api/orgs/contact", headers=hr).json["phone"] == "021-62345678"


def test_recording_an_outcome_again_without_a_note_keeps_the_note(app, client, auth, aac_bytes):
    headers = auth.login()
    _token, session_id = _submitted(client, app, headers, aac_bytes)
    assert _decide(client, headers, session_id, decision="advance").status_code == 200
    url = f"/api/sessions/{session_id}/outcomes"
    from api.timeutil import china_date, utcnow
    today = china_date(utcnow()).isoformat()
    first = client.put(url, headers=headers, json={"outcomes": [{"kind": "offer_accepted", "value": True,
                                                                  "date": today, "note": "电话确认"}]})
    assert first.status_code == 200, first.json
    again = client.put(url, headers=headers, json={"outcomes": [{"kind": "offer_accepted", "value": True,
                                                                  "date": today}]})
    assert again.status_code == 200, again.json
    assert [item["note"] for item in again.json["outcomes"]] == ["电话确认"]


def test_no_referrer_code_or_poster_for_a_closed_interview(client, auth):
    hr = auth.login()
    interview = create_interview(client, hr, questions=1)
    code = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"}, headers=hr).json["code"]
    assert client.post(f"/api/interviews/{interview['id']}/close", json={"confirm": True},
                       headers=hr).status_code == 200
    refused = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小李"}, headers=hr)
    assert_error(refused, 409, "interview_closed")
    assert "不能添加推荐人" in refused.json["message"] and refused.json["next_actions"] == ["reopen"]
    refused = client.get(f"/api/interviews/{interview['id']}/qrcode", headers=hr)
    assert_error(refused, 409, "interview_closed")
    assert "不能生成面试码" in refused.json["message"]
    refused = client.get(f"/api/referrers/{code}/poster.png")
    assert_error(refused, 409, "interview_closed")
    assert "推荐海报" in refused.json["message"]
    listed = client.get(f"/api/interviews/{interview['id']}/referrers", headers=hr).json
    assert [item["name"] for item in listed] == ["老员工小王"]


# --- 4. HR reads Chinese: outcome kinds, unknown fields, delivery reasons, score drivers ---------------------

def test_outcome_kinds_and_unknown_fields_read_in_chinese(app, client, auth, aac_bytes):
    import re
    headers = auth.login()
    _token, session_id = _submitted(client, app, headers, aac_bytes)
    assert _decide(client, headers, session_id, decision="advance").status_code == 200
    wrong = client.put(f"/api/sessions/{session_id}/outcomes", headers=headers,
                       json={"outcomes": [{"kind": "hired", "value": True, "date": "2026-12-01"}]})
    assert_error(wrong, 422)
    assert "「接受录用」" in wrong.json["message"] and "「入职满 90 天仍在职」" in wrong.json["message"]
    assert "offer_accepted" not in wrong.json["message"] and "passed_probation" not in wrong.json["message"]
    extra = _decide(client, headers, session_id, decision="advance", extra=1, loser_answer_id=3)
    assert_error(extra, 422)
    assert "不认识的字段“extra”（请去掉这一项）" in extra.json["message"]
    assert "不认识的字段“loser_answer_id”" in extra.json["message"]
    assert not re.search(r"[A-Za-z_]+（", extra.json["message"]), extra.json["message"]


def test_delivery_reasons_and_score_drivers_carry_no_english_for_hr(app, client, auth, aac_bytes):
    import re

    from api.reporting import FEATURE_LABELS, for_hr
    from functions.analyze.scoring.features import FEATURES
    headers = auth.login()
    _token, session_id = _submitted(client, app, headers, aac_bytes)
    assert _decide(client, headers, session_id, decision="reject").status_code == 200
    listed = client.get("/api/notifications", headers=headers).json
    assert listed, "the decision queued a notification"
    for item in listed:
        assert "reason_detail" not in item
        for key in ("reason", "reason_text", "status_text"):
            assert item[key] is None or not re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", item[key]), (key, item[key])
    # Every feature the scorer can name as a driver has a Chinese label and meaning.
    assert set(FEATURES) <= set(FEATURE_LABELS)
    shown = for_hr({"competencies": [{"name": "沟通表达", "score": 60, "drivers": [
        {"feature": "specificity", "effect": 0.3}, {"feature": "some_new_feature", "effect": -0.1}]}], "overall": 60})
    labels = [(d["label"], d["meaning"]) for d in shown["competencies"][0]["drivers"]]
    assert labels[0][0] == "信息量" and re.search(r"[\u4e00-\u9fff]", labels[0][1])
    assert labels[1] == ("其他因素", "评分模型用到的其他因素")
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    for question in report["questions"]:
        result = (question.get("answer") or {}).get("result") or {}
        for competency in result.get("competencies") or []:
            assert all(re.search(r"[\u4e00-\u9fff]", d["label"]) for d in competency.get("drivers") or [])


# --- 5. an old link says what is true now --------------------------------------------------------------------

def test_an_old_link_after_resend_then_revoke_says_the_invitation_was_revoked(client, auth):
    from tests.api.test_issue11_round5 import _invitation_id
    hr = auth.login()
    interview = create_interview(client, hr, questions=1)
    invited = invite(client, hr, interview["id"])[0]
    old_token = invited["token"]
    invitation_id = _invitation_id(client, hr, interview["id"], invited["session_id"])
    resent = client.post(f"/api/invitations/{invitation_id}/resend", json={}, headers=hr)
    assert resent.status_code == 200, resent.json
    replaced = client.get(f"/api/c/{old_token}")
    assert_error(replaced, 410, "link_replaced")
    assert "请使用最新收到的链接" in replaced.json["message"]
    assert client.post(f"/api/invitations/{invitation_id}/revoke", json={}, headers=hr).status_code == 200
    for token in (old_token, resent.json["token"]):
        now = client.get(f"/api/c/{token}")
        assert_error(now, 410, "invitation_revoked")
        assert "撤回" in now.json["message"] and "最新收到的链接" not in now.json["message"], now.json
        assert now.json["contact"]["company"] == "好味餐饮"


def test_an_old_link_whose_new_link_expired_says_it_expired(app, client, auth):
    from datetime import timedelta

    from api.schema import invitations
    from api.timeutil import utcnow
    from tests.api.test_answer_time import _db
    from tests.api.test_issue11_round5 import _invitation_id
    hr = auth.login()
    interview = create_interview(client, hr, questions=1)
    invited = invite(client, hr, interview["id"])[0]
    invitation_id = _invitation_id(client, hr, interview["id"], invited["session_id"])
    assert client.post(f"/api/invitations/{invitation_id}/resend", json={}, headers=hr).status_code == 200
    _db(app, invitations.update().where(invitations.c.id == invitation_id).values(
        expires_at=utcnow() - timedelta(hours=1)))
    old = client.get(f"/api/c/{invited['token']}")
    assert_error(old, 410, "invitation_expired")
    assert "新链接也已于" in old.json["message"] and "过期" in old.json["message"]


# --- 3. a share link's phone is unverified: it neither locks anyone out nor reveals who applied ------------

def test_someone_elses_phone_on_a_share_link_locks_no_one_out_and_reveals_nothing(app, client, auth):
    hr = auth.login()
    interview = create_interview(client, hr, questions=1)
    code = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"}, headers=hr).json["code"]
    outsider = app.test_client().post(f"/api/scenes/r={code}/join", json={"name": "孙八", "phone": "13700001234"})
    assert outsider.status_code == 201, outsider.json
    fresh = app.test_client().post(f"/api/scenes/r={code}/join", json={"name": "周九", "phone": "13700005678"})
    real = app.test_client()
    person = real.post(f"/api/scenes/r={code}/join", json={"name": "孙八", "phone": "137 0000 1234"})
    # The real person gets a session of their own, answered exactly as the fresh join of a new number.
    assert person.status_code == fresh.status_code == 201, person.json
    assert set(person.json) == set(fresh.json) and person.json["returning"] is False
    assert person.json["session_id"] != outsider.json["session_id"]
    assert real.get(f"/api/c/{person.json['token']}").status_code == 200
    # Back on the same device (its browser id): the same session and link.
    back = real.post(f"/api/scenes/r={code}/join", json={"name": "孙八", "phone": "13700001234",
                                                         "browser_id": person.json["browser_id"]})
    assert back.status_code == 200 and back.json["returning"] is True
    assert back.json["session_id"] == person.json["session_id"] and back.json["token"] == person.json["token"]
    # HR sees both flagged 可能重复, the new number not; the referrer brought two people, not three.
    listed = {item["id"]: item for item in client.get(f"/api/interviews/{interview['id']}/sessions", headers=hr).json}
    assert listed[person.json["session_id"]]["possible_duplicate"]["session_ids"] == [outsider.json["session_id"]]
    assert "可能重复" in listed[outsider.json["session_id"]]["possible_duplicate"]["text"]
    assert listed[fresh.json["session_id"]]["possible_duplicate"] is None
    assert client.get(f"/api/interviews/{interview['id']}/referrers", headers=hr).json[0]["referees"] == 2
    funnel = client.get(f"/api/analytics/funnel?interview_id={interview['id']}", headers=hr)
    assert funnel.status_code == 200, funnel.json
    assert [(row["label"], row["invited"]) for row in funnel.json["referrers"]] == [("老员工小王", 2)]


# --- 7. a recording whose upload link expired without arriving is listed, not dropped -----------------------

def test_an_upload_that_never_arrived_is_listed_as_unfinished_with_what_hr_can_do(app, client, auth, aac_bytes):
    from datetime import timedelta

    from api.schema import answers
    from api.timeutil import utcnow
    from tests.api.flow import send_file, start
    from tests.api.test_answer_time import _db
    from tests.api.test_issue11_round5 import _recording_started
    hr = auth.login()
    interview = create_interview(client, hr, questions=2)
    invited = invite(client, hr, interview["id"])[0]
    token, session_id = invited["token"], invited["session_id"]
    start(client, token)
    first = interview["questions"][0]["id"]
    _recording_started(client, token, first)
    report = client.get(f"/api/sessions/{session_id}", headers=hr).json
    assert [(item["position"], item["lost"]) for item in report["uploads_in_flight"]] == [(1, False)]
    _db(app, answers.update().where(answers.c.session_id == session_id).values(
        upload_expires_at=utcnow() - timedelta(minutes=1)))
    report = client.get(f"/api/sessions/{session_id}", headers=hr).json
    lost = report["uploads_in_flight"]
    assert [(item["position"], item["attempt"], item["lost"]) for item in lost] == [(1, 1, True)]
    assert lost[0]["status_label"] == "上传未完成"
    assert "录音没有到达服务器" in lost[0]["status_text"] and "可以重新录制这道题" in lost[0]["status_text"]
    # A retake that arrives makes the loss moot: nothing listed any more.
    assert client.post(f"/api/c/{token}/answers/{first}/attempts", json={}).status_code == 201
    ticket = client.post(f"/api/c/{token}/answers/{first}/upload", json={"content_type": "audio/aac"}).json
    assert send_file(client, ticket, aac_bytes).status_code == 200
    assert client.post(f"/api/c/{token}/answers/{first}/uploaded", json={"key": ticket["key"]}).status_code == 200
    assert client.get(f"/api/sessions/{session_id}", headers=hr).json["uploads_in_flight"] == []


# --- 2. closing an interview: a candidate who answered everything is finished, not stranded -----------------

def test_closing_submits_a_candidate_who_answered_every_question(app, client, auth, aac_bytes):
    from tests.api.test_issue11_round5 import _inbox, _started_with_first_answer
    hr = auth.login()
    interview = create_interview(client, hr, questions=1)
    complete, _key = _started_with_first_answer(client, hr, interview, "吴答完", aac_bytes)
    untouched = invite(client, hr, interview["id"], names=("郑没开始",))[0]
    refused = client.post(f"/api/interviews/{interview['id']}/close", json={}, headers=hr)
    assert_error(refused, 409, "candidates_mid_interview")
    assert "只差提交的会自动提交" in refused.json["message"]
    assert client.post(f"/api/interviews/{interview['id']}/close", json={"confirm": True},
                       headers=hr).status_code == 200
    listed = {item["id"]: item for item in client.get(f"/api/interviews/{interview['id']}/sessions", headers=hr).json}
    finished = listed[complete["session_id"]]
    assert finished["status"] in ("submitted", "scored", "needs_review") and finished["submitted_at"]
    assert "未完成" not in finished["status_text"]
    assert listed[untouched["session_id"]]["status"] == "invited"
    # Its answer analysed, it is in the inbox as finished; HR can decide now; the candidate sees it finished.
    from tests.api.decisions_flow import post_result
    from tests.api.test_ux_faults import SCORED
    post_result(client, app, _key, SCORED)
    items = {item["session_id"]: item for item in _inbox(client, hr)["items"]}
    assert items[complete["session_id"]]["kind"] != "incomplete", items[complete["session_id"]]
    decided = _decide(client, hr, complete["session_id"], decision="hold")
    assert decided.status_code == 200, decided.json
    assert client.get(f"/api/c/{complete['token']}").json["status"] in ("submitted", "scored", "needs_review")
    with app.extensions["miaomian.engine"].connect() as connection:
        queued = connection.scalar(sa.text("SELECT COUNT(*) FROM notifications WHERE session_id = :s AND kind = "
                                           "'answers_received'"), {"s": complete["session_id"]})
        audited = connection.scalar(sa.text("SELECT COUNT(*) FROM audit_log WHERE subject = :s AND action = "
                                            "'candidate.submitted'"), {"s": f"session:{complete['session_id']}"})
    assert audited == 1 and queued in (0, 1)  # no WeChat user bound in this flow: the outbox may hold none
