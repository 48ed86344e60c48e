from pathlib import Path
import sqlalchemy as sa

from api.schema import audit_log, invitations, phone_verifications, sessions, storage_events
from tests.api.flow import (answer, create_interview, interview_with_candidate, invite, phone_for, request_upload,
                            send_file, start)
from tests.api.test_hr_resources import assert_error


def test_invitations_are_unguessable_and_pii_is_encrypted(app, client, auth):
    headers = auth.login()
    interview = create_interview(client, headers)
    created = invite(client, headers, interview["id"], names=[f"候选人{i}" for i in range(20)])
    tokens = {item["token"] for item in created}
    assert len(tokens) == 20 and all(len(token) >= 22 for token in tokens)
    assert all(item["scene"] == item["token"] and len(item["scene"]) <= 32 for item in created)
    assert created[0]["url"].endswith(f"/i/{created[0]['token']}")
    with app.extensions["miaomian.engine"].connect() as connection:
        row = connection.execute(sa.select(invitations)).first()
    assert "候选人" not in (row.candidate_name_enc or "") and "13800138000" not in (row.candidate_phone_enc or "")
    assert row.token_hash not in tokens
    listed = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json
    newest = phone_for("候选人19")
    assert len(listed) == 20 and listed[0]["phone"] == newest[:3] + "****" + newest[-4:]
    assert {item["progress"]["stage"] for item in listed} == {"invited"}


def test_bulk_invitations_are_capped_at_500(client, auth):
    headers = auth.login()
    interview = create_interview(client, headers)
    response = client.post(f"/api/interviews/{interview['id']}/invitations",
                           json={"candidates": [{"name": "x"}] * 501}, headers=headers)
    assert_error(response, 422, "invalid")
    assert "500" in response.json["message"] and "候选人" in response.json["message"]
    assert client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json == []
    bad_phone = client.post(f"/api/interviews/{interview['id']}/invitations",
                            json={"candidates": [{"name": "x", "phone": "abc"}]}, headers=headers)
    assert_error(bad_phone, 422, "invalid_candidates")
    unknown_referrer = client.post(f"/api/interviews/{interview['id']}/invitations",
                                   json={"candidates": [{"name": "x"}], "referrer": "NOPE"}, headers=headers)
    assert_error(unknown_referrer, 422, "unknown_referrer")


def test_candidate_view_marks_opened_and_shows_progress(client, auth):
    headers, interview, token = interview_with_candidate(client, auth)
    view = client.get(f"/api/c/{token}").json
    assert view["company"] == "好味餐饮" and view["job"]["title"] == "门店店员"
    assert view["interview"]["question_count"] == 2 and view["status"] == "opened"
    # Before consent: the limits a candidate needs to decide, never a question's text (issue 11).
    assert view["questions"][0] == {"id": interview["questions"][0]["id"], "position": 1, "think_seconds": 10, "answer_seconds": 60, "max_attempts": 2,
                                    "media": "audio"}
    session = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]
    assert session["status"] == "opened"


def test_unknown_and_expired_tokens(app, client, auth):
    _, _, token = interview_with_candidate(client, auth)
    assert_error(client.get("/api/c/AAAAAAAAAAAAAAAAAAAAAA"), 404, "invitation_not_found")
    from datetime import datetime
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(invitations.update().values(expires_at=datetime(2001, 1, 1)))
    assert_error(client.get(f"/api/c/{token}"), 410, "invitation_expired")


def test_start_records_consent_and_refuses_a_second_start(app, client, auth):
    _, _, token = interview_with_candidate(client, auth)
    privacy = client.get(f"/api/c/{token}").json["privacy_version"]
    assert_error(client.post(f"/api/c/{token}/start", json={"consent": False, "privacy_version": privacy}),
                 422, "consent_required")
    assert_error(client.post(f"/api/c/{token}/start", json={"consent": True, "privacy_version": "1999"}),
                 409, "privacy_outdated")
    assert_error(client.post(f"/api/c/{token}/start", json={"privacy_version": privacy}), 422, "invalid")
    started = start(client, token)
    assert started["status"] == "started" and started["consented"] is True
    assert started["progress"]["text"] == "已答 0/2 题"
    assert_error(client.post(f"/api/c/{token}/start", json={"consent": True, "privacy_version": privacy}),
                 409, "already_started")
    with app.extensions["miaomian.engine"].connect() as connection:
        session = connection.execute(sa.select(sessions)).first()
        consent_audit = connection.execute(sa.select(audit_log).where(audit_log.c.action == "candidate.consented")).first()
    assert session.consent_version == privacy and session.consent_at is not None
    assert "audio_recording" in session.consent_scope and consent_audit is not None


def test_upload_is_refused_before_start_past_attempts_and_after_deadline(app, client, auth, aac_bytes):
    _, interview, token = interview_with_candidate(client, auth, questions=1)
    question_id = interview["questions"][0]["id"]
    assert_error(request_upload(client, token, question_id), 409, "not_started")
    start(client, token)
    assert_error(request_upload(client, token, 999999), 404, "question_not_found")
    refused = request_upload(client, token, question_id, content_type="text/plain")
    assert_error(refused, 415, "unsupported_media_type")
    assert "录音格式" in refused.json["message"]
    assert_error(request_upload(client, token, question_id, content_type="video/mp4"), 415, "unsupported_media_type")
    answer(client, token, question_id, aac_bytes)
    second = answer(client, token, question_id, aac_bytes)
    assert second.split("/")[-1].startswith("2-")
    assert_error(request_upload(client, token, question_id), 409, "attempts_exhausted")
    view = client.get(f"/api/c/{token}").json
    assert view["questions"][0]["attempts_used"] == 2 and view["questions"][0]["attempts_left"] == 0

    _, interview2, token2 = interview_with_candidate(client, auth, questions=1)
    start(client, token2)
    from datetime import datetime
    from api.schema import interviews
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(interviews.update().where(interviews.c.id == interview2["id"])
                           .values(deadline=datetime(2001, 1, 1)))
    assert_error(request_upload(client, token2, interview2["questions"][0]["id"]), 410, "interview_closed")


def test_upload_ticket_reissued_for_an_unsent_attempt_keeps_the_attempt_number(client, auth, aac_bytes):
    _, interview, token = interview_with_candidate(client, auth, questions=1)
    question_id = interview["questions"][0]["id"]
    start(client, token)
    first = request_upload(client, token, question_id).json
    again = request_upload(client, token, question_id).json
    assert first["attempt"] == again["attempt"] == 1 and first["key"] != again["key"]
    # Re-issuing revokes the first key: a late upload under it is refused and leaves nothing on disk.
    late = send_file(client, first, aac_bytes)
    assert_error(late, 403, "upload_revoked")
    assert not (Path(client.application.config["STORAGE_ROOT"]) / first["key"]).exists()
    stale = client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": first["key"]})
    assert_error(stale, 404, "answer_not_found")


def test_lost_confirmation_counts_the_uploaded_file(client, auth, aac_bytes):
    _, interview, token = interview_with_candidate(client, auth, questions=1)
    question_id = interview["questions"][0]["id"]
    start(client, token)
    ticket = request_upload(client, token, question_id).json
    assert send_file(client, ticket, aac_bytes).status_code == 200
    retake = request_upload(client, token, question_id).json
    assert retake["attempt"] == 2
    # Attempts count from the moment they start (server-side): the confirmed first and the started retake.
    question = client.get(f"/api/c/{token}").json["questions"][0]
    assert question["attempts_used"] == 2 and question["answer_status"] == "uploaded"


def test_confirmation_errors(client, auth, aac_bytes):
    _, interview, token = interview_with_candidate(client, auth, questions=1)
    question_id = interview["questions"][0]["id"]
    start(client, token)
    ticket = request_upload(client, token, question_id).json
    url = f"/api/c/{token}/answers/{question_id}/uploaded"
    assert_error(client.post(url, json={"key": ticket["key"]}), 409, "upload_missing")
    assert_error(client.post(url, json={"key": "answers/other/1/1-x.aac"}), 404, "answer_not_found")
    assert_error(client.post(url, json={}), 422, "invalid")
    send_file(client, ticket, aac_bytes)
    assert client.post(url, json={"key": ticket["key"]}).status_code == 200
    assert_error(client.post(url, json={"key": ticket["key"]}), 409, "already_confirmed")


def test_submit_needs_every_answer_then_locks_the_session(client, auth, aac_bytes):
    headers, interview, token = interview_with_candidate(client, auth, questions=2)
    start(client, token)
    first, second = (q["id"] for q in interview["questions"])
    answer(client, token, first, aac_bytes)
    response = client.post(f"/api/c/{token}/submit")
    assert_error(response, 409, "unanswered_questions")
    assert "2" in response.json["message"]
    progress = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]["progress"]
    assert progress["text"] == "已答 1/2 题" and progress["answered"] == 1
    answer(client, token, second, aac_bytes)
    submitted = client.post(f"/api/c/{token}/submit").json
    assert submitted["status"] == "submitted"
    assert_error(request_upload(client, token, first), 409, "already_submitted")
    assert_error(client.post(f"/api/c/{token}/submit"), 409, "already_submitted")
    report = client.get(f"/api/c/{token}/report").json
    assert report["ready"] is False and len(report["answers"]) == 2


def test_report_before_submit_and_review_request(client, auth, aac_bytes):
    _, interview, token = interview_with_candidate(client, auth, questions=1)
    assert_error(client.get(f"/api/c/{token}/report"), 409, "not_submitted")
    start(client, token)
    answer(client, token, interview["questions"][0]["id"], aac_bytes)
    client.post(f"/api/c/{token}/submit")
    assert client.post(f"/api/c/{token}/review-request", json={"note": "录音时有噪音"}).json == {"review_requested": True}
    assert_error(client.post(f"/api/c/{token}/review-request", json={}), 409, "already_requested")


def test_erase_removes_recordings_and_personal_data(app, client, auth, aac_bytes):
    headers, interview, token = interview_with_candidate(client, auth, questions=1)
    start(client, token)
    key = answer(client, token, interview["questions"][0]["id"], aac_bytes)
    store = app.extensions["miaomian.storage"]
    assert store.exists(key)
    with app.extensions["miaomian.engine"].begin() as connection:
        session_id = connection.scalar(sa.select(sessions.c.id))
        connection.execute(phone_verifications.insert().values(session_id=session_id, phone_enc="x", phone_last4="8000",
                                                               verified_at=sa.func.now()))
    erased = client.delete(f"/api/c/{token}").json
    assert erased == {"erased": True, "objects_deleted": 1}
    assert not store.exists(key)
    assert_error(client.get(f"/api/c/{token}"), 410, "erased")
    listed = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]
    assert listed["name"] is None and "phone" not in listed and listed["status"] == "erased"
    with app.extensions["miaomian.engine"].connect() as connection:
        row = connection.execute(sa.select(invitations)).first()
        assert row.candidate_name_enc is None and row.candidate_phone_enc is None
        assert connection.scalar(sa.select(sa.func.count()).select_from(storage_events)) == 0  # it held the key
        assert connection.scalar(sa.select(sa.func.count()).select_from(phone_verifications)) == 0
