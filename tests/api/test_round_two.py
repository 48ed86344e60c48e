"""Issue 11 on the API (SQLite and MariaDB): server-counted attempts and think deadlines, devices, deadlines
with a grace period, HR's invitation controls, the inbox, decisions told to the candidate, the full phone,
one 0–100 scale, report share links, the privacy notice and share links that recognise returning people."""
import io
import json
from datetime import timedelta

import sqlalchemy as sa
from PIL import Image

from api import results
from api.schema import analysis_results, answers, audit_log, interviews, invitations, sessions
from api.timeutil import utcnow
from tests.api.flow import answer, create_interview, interview_with_candidate, invite, request_upload, send_file, start
from tests.api.test_hr_resources import assert_error

PHONE_A = {"X-Miaomian-Device": "phone-aaaaaaaa"}
PHONE_B = {"X-Miaomian-Device": "phone-bbbbbbbb"}


def _db(app, statement):
    with app.extensions["miaomian.engine"].begin() as connection:
        return connection.execute(statement)


def test_think_time_starts_once_and_never_restarts(app, client, auth):
    _, interview, token = interview_with_candidate(client, auth, questions=1)
    question_id = interview["questions"][0]["id"]
    assert_error(client.post(f"/api/c/{token}/answers/{question_id}/think"), 409, "not_started")
    start(client, token)
    first = client.post(f"/api/c/{token}/answers/{question_id}/think", headers=PHONE_A)
    assert first.status_code == 200 and first.json["think_seconds_left"] in (9, 10)
    # A reload (or a second device) gets the same deadline back, even after the time has run.
    _db(app, sa.text("UPDATE question_states SET think_started_at = :a, think_deadline = :b").bindparams(
        a=utcnow() - timedelta(seconds=30), b=utcnow() - timedelta(seconds=20)))
    again = client.post(f"/api/c/{token}/answers/{question_id}/think", headers=PHONE_B).json
    assert again["think_seconds_left"] == 0 and again["think_deadline"] != first.json["think_deadline"]
    view = client.get(f"/api/c/{token}").json["questions"][0]
    assert view["think_deadline"] == again["think_deadline"] and view["think_seconds_left"] == 0


def test_attempts_are_counted_when_recording_starts_and_a_reload_does_not_give_them_back(app, client, auth,
                                                                                         aac_bytes):
    _, interview, token = interview_with_candidate(client, auth, questions=1)
    question_id = interview["questions"][0]["id"]
    start(client, token)
    client.post(f"/api/c/{token}/answers/{question_id}/think", headers=PHONE_A)
    first = client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={}, headers=PHONE_A)
    assert first.status_code == 201 and (first.json["attempt"], first.json["attempts_left"]) == (1, 1)
    # The page reloads mid-recording (some seconds later: a start sent twice at once joins the running attempt,
    # tests/api/test_issue11_round5.py): attempt 1 stays spent; the view shows it and the recording in progress.
    _db(app, answers.update().where(answers.c.question_id == question_id).values(
        created_at=utcnow() - timedelta(seconds=5)))
    view = client.get(f"/api/c/{token}", headers=PHONE_A).json["questions"][0]
    assert view["attempts_used"] == 1 and view["recording"]["attempt"] == 1
    second = client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={}, headers=PHONE_A).json
    assert (second["attempt"], second["attempts_left"]) == (2, 0)
    _db(app, answers.update().where(answers.c.question_id == question_id, answers.c.attempt == 2).values(
        created_at=utcnow() - timedelta(seconds=5)))
    exhausted = client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={}, headers=PHONE_A)
    assert_error(exhausted, 409, "attempts_exhausted")
    assert "2 次" in exhausted.json["message"]
    # The upload ticket is bound to the attempt it names; an unknown attempt is refused.
    assert_error(client.post(f"/api/c/{token}/answers/{question_id}/upload", json={"attempt": 3}, headers=PHONE_A),
                 409, "attempt_not_started")
    ticket = client.post(f"/api/c/{token}/answers/{question_id}/upload", json={"attempt": 2}, headers=PHONE_A).json
    assert ticket["attempt"] == 2 and ticket["attempts_left"] == 0
    assert send_file(client, ticket, aac_bytes).status_code == 200
    confirmed = client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": ticket["key"]},
                            headers=PHONE_A)
    assert confirmed.status_code == 200 and confirmed.json["attempt"] == 2
    assert_error(client.post(f"/api/c/{token}/answers/{question_id}/upload", json={"attempt": 2}, headers=PHONE_A),
                 409, "attempt_already_uploaded")


def test_a_second_device_is_refused_then_replaces_only_when_confirmed(app, client, auth, aac_bytes):
    _, interview, token = interview_with_candidate(client, auth, questions=1, )
    question_id = interview["questions"][0]["id"]
    start(client, token)
    client.post(f"/api/c/{token}/answers/{question_id}/think", headers=PHONE_A)
    client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={}, headers=PHONE_A)
    ticket = client.post(f"/api/c/{token}/answers/{question_id}/upload", json={}, headers=PHONE_A).json
    send_file(client, ticket, aac_bytes)
    client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": ticket["key"]}, headers=PHONE_A)
    assert client.get(f"/api/c/{token}", headers=PHONE_B).json["questions"][0]["answered_on_this_device"] is False
    refused = client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={}, headers=PHONE_B)
    assert_error(refused, 409, "answered_on_another_device")
    assert "另一台设备" in refused.json["message"] and refused.json["answered_at"]
    # The legacy upload call from the other device is refused the same way: never a silent replacement.
    assert_error(client.post(f"/api/c/{token}/answers/{question_id}/upload", json={}, headers=PHONE_B),
                 409, "answered_on_another_device")
    replaced = client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={"replace": True}, headers=PHONE_B)
    assert replaced.status_code == 201 and replaced.json["attempt"] == 2
    actions = list(_db(app, sa.select(audit_log.c.action)).scalars())
    assert "candidate.answer_replaced" in actions


def test_a_deadline_passing_mid_interview_leaves_a_grace_period(app, client, auth, aac_bytes):
    headers, interview, token = interview_with_candidate(client, auth, questions=2)
    other = invite(client, headers, interview["id"], names=("李四",))[0]["token"]
    start(client, token)
    answer(client, token, interview["questions"][0]["id"], aac_bytes)
    _db(app, interviews.update().values(deadline=utcnow() - timedelta(minutes=5)))
    view = client.get(f"/api/c/{token}").json
    assert view["interview"]["in_grace"] is True and view["interview"]["closed"] is False
    assert view["interview"]["deadline_display"] and "月" in view["answer_until_display"]
    answer(client, token, interview["questions"][1]["id"], aac_bytes)  # still possible within the grace period
    # Someone who had not started reads a closed interview, with the company's contact in the sentence.
    closed = client.post(f"/api/c/{other}/start", json={"consent": True, "privacy_version": "2026-11-29"})
    assert_error(closed, 410, "interview_closed")
    assert "截止" in closed.json["message"] and "好味餐饮" in closed.json["message"] and closed.json["contact"]
    # After the grace period answering stops, saying so and whom to ask.
    _db(app, interviews.update().values(deadline=utcnow() - timedelta(hours=3)))
    late = client.post(f"/api/c/{token}/answers/{interview['questions'][1]['id']}/attempts", json={})
    assert_error(late, 410, "interview_closed")
    listed = {item["name"]: item for item in client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json}
    assert listed["张三"]["display_status"] == "incomplete" and "已截止" in listed["张三"]["status_text"]
    assert listed["李四"]["display_status"] == "expired"
    assert client.get(f"/api/interviews/{interview['id']}", headers=headers).json["status_text"] == "已截止"


def test_hr_extends_resends_revokes_and_closes(app, client, auth):
    headers, interview, token = interview_with_candidate(client, auth, questions=1)
    client.put("/api/orgs/contact", json={"name": "王经理", "phone": "021-62345678", "note": "工作日"}, headers=headers)
    session = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]
    invitation_id = session["invitation_id"]
    _db(app, invitations.update().values(expires_at=utcnow() - timedelta(days=1)))
    expired = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]
    assert expired["display_status"] == "expired" and expired["status_text"].startswith("邀请已过期")
    gone = client.get(f"/api/c/{token}")
    assert_error(gone, 410, "invitation_expired")
    assert "021-62345678" in gone.json["message"] and gone.json["contact"]["name"] == "王经理"
    assert_error(client.post(f"/api/sessions/{session['id']}/decision", json={"decision": "advance"}, headers=headers),
                 409, "not_submitted")
    extended = client.post(f"/api/invitations/{invitation_id}/extend", json={"days": 3}, headers=headers).json
    assert extended["status_text"].startswith("有效期到") and client.get(f"/api/c/{token}").status_code == 200
    resent = client.post(f"/api/invitations/{invitation_id}/resend", json={}, headers=headers).json
    old_link = client.get(f"/api/c/{token}")  # the replaced link says so, with whom to contact
    assert resent["url"].endswith(resent["token"]) and old_link.status_code == 410
    assert old_link.json["error"] == "link_replaced" and old_link.json["contact"]["company"]
    token = resent["token"]
    start(client, token)
    silent = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]
    assert silent["display_status"] == "started_silent" and silent["status_text"].startswith("已开始，未作答")
    _db(app, sessions.update().values(last_activity_at=utcnow() - timedelta(hours=30)))
    stalled = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]
    assert stalled["display_status"] == "stalled" and "最后活动" in stalled["status_text"]
    # Mid-interview, revoking asks first (issue 11 round 5).
    assert_error(client.post(f"/api/invitations/{invitation_id}/revoke", headers=headers), 409, "candidate_mid_interview")
    revoked = client.post(f"/api/invitations/{invitation_id}/revoke", json={"confirm": True}, headers=headers).json
    assert revoked["status_text"] == "邀请已撤回"
    assert_error(client.get(f"/api/c/{token}"), 410, "invitation_revoked")
    asked = client.post(f"/api/interviews/{interview['id']}/close", headers=headers)
    assert_error(asked, 409, "candidates_mid_interview")  # one candidate started (tests/api/test_issue11_round3.py)
    closed = client.post(f"/api/interviews/{interview['id']}/close", json={"confirm": True}, headers=headers).json
    assert closed["status"] == "closed" and closed["status_text"] == "已结束"
    assert_error(client.post(f"/api/interviews/{interview['id']}/invitations", json={"candidates": [{"name": "x"}]},
                             headers=headers), 409, "interview_closed")
    reopened = client.post(f"/api/interviews/{interview['id']}/reopen", json={}, headers=headers).json
    assert reopened["status_text"] == "进行中"
    actions = set(_db(app, sa.select(audit_log.c.action)).scalars())
    assert {"invitation.extended", "invitation.resent", "invitation.revoked", "interview.closed"} <= actions


def _submitted_and_scored(app, client, auth, aac_bytes, result):
    headers, interview, token = interview_with_candidate(client, auth, questions=1)
    start(client, token)
    key = answer(client, token, interview["questions"][0]["id"], aac_bytes)
    assert client.post(f"/api/c/{token}/submit").status_code == 200
    with app.extensions["miaomian.engine"].begin() as connection:
        results.record(connection, key, result["status"], result.get("reason"), result)
    session_id = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]["id"]
    return headers, interview, token, session_id


OLD_RESULT = {"status": "scored", "overall": 74.0, "reason": None,
              "competencies": [{"name": "沟通表达", "weight": 0.67, "score": 7.4,
                                "drivers": [{"feature": "keyword_coverage", "value": 0.6, "effect": 1.2},
                                            {"feature": "star_result", "value": 0, "effect": -0.8}]},
                               {"name": "解决问题", "weight": 0.33, "score": 7.4, "drivers": []}],
              "transcript": {"text": "我先倾听顾客的问题，然后解决了。"}}


def test_inbox_decision_message_phone_and_one_scale(app, client, auth, aac_bytes):
    headers, interview, token, session_id = _submitted_and_scored(app, client, auth, aac_bytes, OLD_RESULT)
    box = client.get("/api/inbox", headers=headers).json
    assert box["counts"]["finished"] == 1 and box["items"][0]["text"].endswith("等待你的决定")
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    assert report["phone"] == "13800138000" and report["phone_masked"] == "138****8000"
    assert client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]["phone"] == "138****8000"
    assert "session.phone_viewed" in set(_db(app, sa.select(audit_log.c.action)).scalars())
    competencies = report["questions"][0]["answer"]["competencies"]
    assert [item["score"] for item in competencies] == [74.0, 74.0] and report["questions"][0]["answer"]["scale"] == 100
    assert competencies[0]["reasons"] == ["提到了这项能力的要点。", "没有说到结果。"]
    # The candidate asks for a review: it lands at the top of the inbox (and HR is notified: outbox).
    client.post(f"/api/c/{token}/review-request", json={"note": "我说了结果"})
    box = client.get("/api/inbox", headers=headers).json
    assert box["items"][0]["kind"] == "review_requested" and box["counts"]["review_requested"] == 1
    kinds = set(_db(app, sa.text("SELECT kind FROM notifications")).scalars())
    assert "review_requested" in kinds
    before = client.get(f"/api/c/{token}/report").json["decision"]
    assert before["status"] is None and before["text"] == "招聘方还没有做出决定"
    decided = client.post(f"/api/sessions/{session_id}/decision",
                          json={"decision": "advance", "note": "内部：约二面", "message": "请周三下午来店里二面。"},
                          headers=headers)
    assert decided.status_code == 200 and decided.json["decision_text"] == "已通过，进入下一轮"
    seen = client.get(f"/api/c/{token}/report").json
    assert seen["decision"]["status"] == "advance" and seen["decision"]["message"] == "请周三下午来店里二面。"
    assert "内部" not in json.dumps(seen, ensure_ascii=False)
    assert client.get("/api/inbox", headers=headers).json["counts"]["total"] == 0
    assert "decision_made" in set(_db(app, sa.text("SELECT kind FROM notifications")).scalars())


def test_scores_already_on_the_hundred_scale_are_kept(app, client, auth, aac_bytes):
    result = {**OLD_RESULT, "competencies": [{"name": "沟通表达", "score": 81.5,
                                              "reasons": ["提到了倾听顾客。", "没有说到具体结果。"]}], "overall": 81.5}
    headers, _, _, session_id = _submitted_and_scored(app, client, auth, aac_bytes, result)
    answer_json = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]
    assert answer_json["competencies"][0]["score"] == 81.5
    assert answer_json["competencies"][0]["reasons"] == ["提到了倾听顾客。", "没有说到具体结果。"]


def test_a_report_share_link_is_read_only_expires_and_can_be_revoked(app, client, auth, aac_bytes):
    headers, _, _, session_id = _submitted_and_scored(app, client, auth, aac_bytes, OLD_RESULT)
    share = client.post(f"/api/sessions/{session_id}/share", json={"days": 2}, headers=headers)
    assert share.status_code == 201 and "/r/" in share.json["url"]
    token = share.json["url"].rsplit("/", 1)[1]
    page = client.get(f"/r/{token}")
    assert page.status_code == 200 and "候选人报告" in page.get_data(as_text=True)
    shared = client.get(f"/api/r/{token}").json
    text = json.dumps(shared, ensure_ascii=False)
    assert shared["name"] == "张*" and "张三" not in text and shared["questions"][0]["competencies"][0]["score"] == 74.0
    assert "13800138000" not in text and "8000" not in text and "media_url" not in text and "contact" not in text
    client.delete(f"/api/report-shares/{share.json['id']}", headers=headers)
    assert_error(client.get(f"/api/r/{token}"), 410, "share_revoked")
    second = client.post(f"/api/sessions/{session_id}/share", json={}, headers=headers).json
    _db(app, sa.text("UPDATE report_shares SET expires_at = :t WHERE id = :i").bindparams(
        t=utcnow() - timedelta(minutes=1), i=second["id"]))
    assert_error(client.get(f"/api/r/{second['url'].rsplit('/', 1)[1]}"), 410, "share_expired")
    actions = set(_db(app, sa.select(audit_log.c.action)).scalars())
    assert {"report.shared", "report.share_viewed", "report.share_revoked"} <= actions


def test_privacy_notice_comes_from_the_api_with_both_retention_periods(client):
    notice = client.get("/api/privacy").json
    assert notice["version"] == "2026-11-29" and notice["retention"] == {"after_decision_days": 180, "undecided_days": 365}
    assert "180 天" in notice["retention_text"] and "365 天" in notice["retention_text"]
    assert "365 天" in notice["text"]


def test_share_links_recognise_returning_people_and_count_people(app, client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    code = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"},
                       headers=headers).json["code"]
    first = client.post(f"/api/scenes/r={code}/join", json={"name": "赵六"})
    assert first.status_code == 201 and first.json["returning"] is False
    issued = first.json["browser_id"]
    again = client.post(f"/api/scenes/r={code}/join", json={"name": "赵六", "browser_id": issued})
    assert again.status_code == 200 and again.json["returning"] and again.json["session_id"] == first.json["session_id"]
    # The holder gets the same link back: a new join never invalidates an existing link.
    assert again.json["token"] == first.json["token"]
    assert client.get(f"/api/c/{first.json['token']}").status_code == 200
    client.set_cookie("mm_bid", issued)
    by_cookie = client.post(f"/api/scenes/r={code}/join", json={"name": "赵六"})
    assert by_cookie.json["session_id"] == first.json["session_id"]
    client.delete_cookie("mm_bid")
    # A value the caller chose (or a forged signature) is not an identity.
    forged = client.post(f"/api/scenes/r={code}/join",
                         json={"name": "赵六", "browser_id": issued.split(".")[0] + ".0000000000000000"})
    assert forged.status_code == 201 and forged.json["session_id"] != first.json["session_id"]
    client.delete_cookie("mm_bid")
    with_phone = client.post(f"/api/scenes/r={code}/join", json={"name": "钱七", "phone": "13900001111"})
    client.delete_cookie("mm_bid")
    assert with_phone.status_code == 201
    stranger = client.post(f"/api/scenes/r={code}/join", json={"name": "钱七", "phone": "13900002222"})
    client.delete_cookie("mm_bid")
    assert stranger.status_code == 201
    counts = client.get(f"/api/interviews/{interview['id']}/referrers", headers=headers).json[0]
    # People, not joins: the forged-id join of 赵六 (no identification, same name) is not a second person, the
    # two 钱七 with different phones are two (issue 11 round 5, api/referrals.py person_key).
    assert counts["referees"] == 3
    stored = list(_db(app, sa.select(invitations.c.identity_hash, invitations.c.browser_hash)))
    assert all("13900001111" not in (row.identity_hash or "") for row in stored)
    poster = client.get(f"/api/referrers/{code}/poster.png")
    assert poster.status_code == 200 and poster.mimetype == "image/png"
    image = Image.open(io.BytesIO(poster.data))
    assert image.size == (750, 1334)
    assert_error(client.get("/api/referrers/NOSUCHCODE/poster.png"), 404, "scene_not_found")
    code_png = client.get(f"/api/scenes/r={code}/code.png")
    assert code_png.status_code == 200 and code_png.mimetype == "image/png"


def test_name_and_phone_alone_never_hand_over_a_session(app, client, auth):
    """The hijack: someone who knows a share-link candidate's name and phone (in any spelling) gets no token,
    the victim's link keeps working, and the returning person is not counted twice."""
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    code = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"},
                       headers=headers).json["code"]
    victim = client.post(f"/api/scenes/r={code}/join", json={"name": "钱七", "phone": "13900001111"})
    assert victim.status_code == 201
    client.delete_cookie("mm_bid")
    for phone in ("13900001111", "+86 139-0000-1111", "+8613900001111", "139 0000 1111"):
        attack = client.post(f"/api/scenes/r={code}/join",
                             json={"name": " 钱七", "phone": phone, "browser_id": "attacker-chosen-1"})
        client.delete_cookie("mm_bid")
        # A session of its own, answered as any fresh join: never the victim's, never a hint the number applied.
        assert attack.status_code == 201, phone
        assert attack.json["returning"] is False and attack.json["session_id"] != victim.json["session_id"]
        assert attack.json["token"] != victim.json["token"]
    token = victim.json["token"]
    assert client.get(f"/api/c/{token}").status_code == 200
    counts = client.get(f"/api/interviews/{interview['id']}/referrers", headers=headers).json[0]
    assert counts["referees"] == 1


def test_erasure_removes_the_new_traces_too(app, client, auth, aac_bytes):
    headers, interview, token, session_id = _submitted_and_scored(app, client, auth, aac_bytes, OLD_RESULT)
    share = client.post(f"/api/sessions/{session_id}/share", json={}, headers=headers).json
    client.delete(f"/api/c/{token}")
    erased = client.get(f"/api/r/{share['url'].rsplit('/', 1)[1]}")
    assert_error(erased, 410, "candidate_erased")
    assert "候选人已删除" in erased.json["message"] and "招聘方关闭" not in erased.json["message"]
    assert list(_db(app, sa.text("SELECT id FROM question_states"))) == []
    assert list(_db(app, sa.select(answers.c.id))) == [] and list(_db(app, sa.select(analysis_results.c.id))) == []


def test_the_playback_rendition_is_linked_in_the_report_and_erased_with_the_session(app, client, auth, aac_bytes):
    from functions.analyze.playback import rendition_key

    headers, interview, token = interview_with_candidate(client, auth, questions=1)
    start(client, token)
    key = answer(client, token, interview["questions"][0]["id"], aac_bytes)
    assert client.post(f"/api/c/{token}/submit").status_code == 200
    store = app.extensions["miaomian.storage"]
    from pathlib import Path

    from functions.analyze.playback import make_rendition
    from functions.analyze.storage import LocalStorage

    root = Path(app.config["STORAGE_ROOT"])  # the analyzer's own function, real ffmpeg
    assert make_rendition(key, root / key, LocalStorage(root)) == rendition_key(key)
    with app.extensions["miaomian.engine"].begin() as connection:
        results.record(connection, key, "scored", None, {**OLD_RESULT, "playback_key": rendition_key(key)})
    session_id = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]["id"]
    answer_json = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]
    assert answer_json["playback_url"] and answer_json["media_url"] != answer_json["playback_url"]
    media = client.get(answer_json["playback_url"])
    assert media.status_code == 200 and media.data == (root / rendition_key(key)).read_bytes()
    assert media.data[4:8] == b"ftyp" and media.mimetype in ("audio/mp4", "audio/x-m4a", "video/mp4")
    media.close()
    # A key that is not this answer's rendition is never linked.
    assert results.playback_key_of(key, {"playback_key": "answers/other/1/1-x.m4a"}) is None
    client.delete(f"/api/c/{token}")
    assert not store.exists(rendition_key(key)) and not store.exists(key)


def test_a_malformed_device_header_is_refused_not_taken_for_a_new_device(app, client, auth):
    _, interview, token = interview_with_candidate(client, auth, questions=1)
    question_id = interview["questions"][0]["id"]
    start(client, token)
    for bad in ("x", "<script>", "short", "a" * 65, "phone aaaaaaaa", "设备设备设备设备设备", "phone-aaaa;drop"):
        refused = client.post(f"/api/c/{token}/answers/{question_id}/think", headers={"X-Miaomian-Device": bad})
        assert_error(refused, 422, "invalid_device")
        assert "设备" in refused.json["message"]
        assert_error(client.get(f"/api/c/{token}", headers={"X-Miaomian-Device": bad}), 422, "invalid_device")
    assert list(_db(app, sa.text("SELECT id FROM question_states"))) == []  # nothing recorded for them
    # What the mini-program ("mp-" + 24) and the browser ("web-" + 24 hex) generate, and no header at all, pass.
    for good in ({"X-Miaomian-Device": "mp-" + "aB3" * 8}, {"X-Miaomian-Device": "web-" + "0f" * 12}, {}):
        assert client.post(f"/api/c/{token}/answers/{question_id}/think", headers=good).status_code == 200
