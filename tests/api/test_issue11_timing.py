"""Issue 11, round five (SQLite and MariaDB): an unanswered question no longer stops the other answers' results
from saving, unsettled sessions are settled by the sweeper, uploads after the recording window are refused or
flagged, starting an attempt twice joins the running one, no upload before a question is opened, the funnel
tells scored from needs review, no video questions, and no review of an erased candidate."""
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import requests
import sqlalchemy as sa

from api import progress, sweeper
from api.schema import analysis_results, answers, pair_picks, questions, sessions
from api.timeutil import utcnow
from tests.api.decisions_flow import COMPETENCIES, answer_ids, contract_result, post_result
from tests.api.decisions_flow import candidate as decided_candidate
from tests.api.flow import QUESTION, create_interview, invite, send_file, start
from tests.api.test_answer_time import _db, _interview
from tests.api.test_hr_resources import assert_error
from tests.conftest import AuthActions

TEXTS = ["第一题：讲一次你帮助顾客解决问题的经历。", "第二题：你为什么想做这份工作？"]
QUICK = dict(QUESTION, text=TEXTS[0], think_seconds=0, answer_seconds=10, max_attempts=1)
SCORES = contract_result({"沟通表达": 80, "解决问题": 70}, {"沟通表达": {"words": 40}, "解决问题": {"words": 40}})


def _candidate(client, headers, questions):
    interview = _interview(client, headers, questions)
    invited = invite(client, headers, interview["id"])[0]
    start(client, invited["token"])
    return invited["token"], invited["session_id"], [q["id"] for q in interview["questions"]]


def _recorded(client, token, question_id, data, **ticket_body):
    """Open the question, start an attempt, upload and confirm: the object key."""
    assert client.post(f"/api/c/{token}/answers/{question_id}/think").status_code == 200
    assert client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={}).status_code == 201
    ticket = client.post(f"/api/c/{token}/answers/{question_id}/upload",
                         json={"content_type": "audio/aac", **ticket_body})
    assert ticket.status_code == 200, ticket.json
    assert send_file(client, ticket.json, data).status_code == 200
    confirmed = client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": ticket.json["key"]})
    assert confirmed.status_code == 200, confirmed.json
    return ticket.json["key"]


def _time_up_unanswered(app, client, token, question_id):
    """Open the question and start its only attempt; its 10-s recording time then ran out, nothing uploaded."""
    assert client.post(f"/api/c/{token}/answers/{question_id}/think").status_code == 200
    assert client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={}).status_code == 201
    _db(app, answers.update().where(answers.c.question_id == question_id).values(
        created_at=utcnow() - timedelta(seconds=17)))
    assert client.get(f"/api/c/{token}").json["questions"][0]["unanswered"] is True


def test_an_unanswered_question_does_not_stop_the_other_results_from_saving(app, client, auth, aac_bytes):
    headers = auth.login()
    token, session_id, (first, second) = _candidate(client, headers, [QUICK, dict(QUESTION, text=TEXTS[1])])
    _time_up_unanswered(app, client, token, first)
    key = _recorded(client, token, second, aac_bytes)
    assert client.post(f"/api/c/{token}/submit").status_code == 200
    stored = post_result(client, app, key, SCORES)
    assert stored["duplicate"] is False
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    assert report["status"] == "needs_review" and report["overall"] == SCORES["overall"]
    assert report["questions"][0]["unanswered"]["status_text"] == "未作答"
    assert report["questions"][1]["answer"]["status"] == "scored"


def test_a_session_left_unsettled_is_settled_by_the_sweeper(app, client, auth, aac_bytes, monkeypatch):
    headers = auth.login()
    token, session_id, (first, second) = _candidate(client, headers, [QUICK, dict(QUESTION, text=TEXTS[1])])
    _time_up_unanswered(app, client, token, first)
    key = _recorded(client, token, second, aac_bytes)
    assert client.post(f"/api/c/{token}/submit").status_code == 200

    def broken(connection, session_id):
        raise RuntimeError("settling failed")

    with monkeypatch.context() as patched:  # a fault in settling: the result is still stored, never a 500
        patched.setattr(progress, "aggregate", broken)
        assert post_result(client, app, key, SCORES)["duplicate"] is False
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(analysis_results)) == 1
        assert connection.scalar(sa.select(sessions.c.status).where(sessions.c.id == session_id)) == "submitted"
    assert sweeper.sweep(app)["settled"] == 0  # not yet due
    _db(app, sessions.update().where(sessions.c.id == session_id).values(
        submitted_at=utcnow() - timedelta(seconds=app.config["SWEEP_AFTER_SECONDS"] + 5)))
    assert sweeper.sweep(app)["settled"] == 1
    assert client.get(f"/api/sessions/{session_id}", headers=headers).json["status"] == "needs_review"
    assert sweeper.sweep(app)["settled"] == 0


def _shift_attempts(app, question_id, seconds):
    """Time passes: every attempt of the question started (got its ticket, was stopped) `seconds` earlier."""
    with app.extensions["miaomian.engine"].begin() as connection:
        for row in connection.execute(sa.select(answers).where(answers.c.question_id == question_id)).all():
            connection.execute(answers.update().where(answers.c.id == row.id).values(**{
                name: getattr(row, name) - timedelta(seconds=seconds)
                for name in ("created_at", "ticket_at", "stopped_at") if getattr(row, name) is not None}))


def _opened_and_started(client, token, question_id):
    assert client.post(f"/api/c/{token}/answers/{question_id}/think").status_code == 200
    started = client.post(f"/api/c/{token}/answers/{question_id}/attempts", json={})
    assert started.status_code == 201, started.json
    return started.json


def _ticket(client, token, question_id, **body):
    return client.post(f"/api/c/{token}/answers/{question_id}/upload",
                       json={"content_type": "audio/aac", "attempt": 1, **body})


def _confirm(client, token, question_id, ticket, data):
    assert send_file(client, ticket, data).status_code == 200
    confirmed = client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": ticket["key"]})
    assert confirmed.status_code == 200, confirmed.json


def test_a_recording_uploaded_after_its_window_is_flagged_late_or_refused(app, client, auth, aac_bytes):
    headers = auth.login()
    questions = [dict(QUESTION, text=text) for text in TEXTS]
    token, session_id, (first, second) = _candidate(client, headers, questions)
    _opened_and_started(client, token, first)
    _shift_attempts(app, first, 60 + 5 * 60)  # the 60-s recording window closed five minutes ago
    late = _ticket(client, token, first)
    assert late.status_code == 200, late.json
    _confirm(client, token, first, late.json, aac_bytes)
    timing = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]["timing"]
    assert timing["late_upload"] is True and 5 * 60 <= timing["late_upload_seconds"] < 5 * 60 + 30
    assert "作答时间结束 5 分" in timing["text"] and "才申请上传" in timing["text"]
    # Past the allowance (UPLOAD_URL_SECONDS after the window) no ticket is issued at all.
    _opened_and_started(client, token, second)
    _shift_attempts(app, second, 60 + app.config["UPLOAD_URL_SECONDS"] + 10)
    refused = _ticket(client, token, second)
    assert_error(refused, 409, "upload_window_closed")
    assert "第 2 题第 1 次作答的录音时间已于" in refused.json["message"] and "不能再上传" in refused.json["message"]


def test_a_ticket_obtained_in_time_still_uploads_later_and_counts_as_on_time(app, client, auth, aac_bytes):
    headers = auth.login()
    token, session_id, (first, _) = _candidate(client, headers, [dict(QUESTION, text=text) for text in TEXTS])
    _opened_and_started(client, token, first)
    in_time = _ticket(client, token, first)
    assert in_time.status_code == 200
    # The phone was offline; long after the window it asks for a new ticket for the same take.
    _shift_attempts(app, first, 60 + app.config["UPLOAD_URL_SECONDS"] + 60)
    again = _ticket(client, token, first)
    assert again.status_code == 200, again.json
    _confirm(client, token, first, again.json, aac_bytes)
    timing = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]["timing"]
    assert timing["late_upload"] is False and timing["late_upload_seconds"] is None and timing["text"] is None


def test_an_upload_or_attempt_before_the_question_is_opened_is_refused(app, client, auth):
    headers = auth.login()
    token, _, (first, _) = _candidate(client, headers, [dict(QUESTION, text=text) for text in TEXTS])
    for path, body in (("upload", {"content_type": "audio/aac"}), ("attempts", {})):
        refused = client.post(f"/api/c/{token}/answers/{first}/{path}", json=body)
        assert_error(refused, 409, "question_not_opened")
        assert "第 1 题还没有打开" in refused.json["message"]
    view = client.get(f"/api/c/{token}").json["questions"][0]
    assert view["attempts_used"] == 0 and view["opened"] is False
    opened = client.post(f"/api/c/{token}/answers/{first}/think").json
    assert opened["think_seconds_left"] >= QUESTION["think_seconds"] - 1 and opened["attempts_used"] == 0


def test_a_start_sent_twice_joins_the_running_attempt(app, client, auth):
    headers = auth.login()
    token, _, (first, second) = _candidate(client, headers, [dict(QUESTION, text=TEXTS[0], max_attempts=1),
                                                             dict(QUESTION, text=TEXTS[1])])
    started = _opened_and_started(client, token, first)
    again = client.post(f"/api/c/{token}/answers/{first}/attempts", json={})
    assert again.status_code == 201, again.json  # not 409 attempts_exhausted while recording
    assert (again.json["attempt"], again.json["attempts_used"], again.json["resumed"]) == (1, 1, True)
    assert again.json["answer_deadline"] == started["answer_deadline"]
    # On a two-attempt question a double start keeps attempt 1; a retake some seconds later is attempt 2.
    _shift_attempts(app, first, 70)
    _opened_and_started(client, token, second)
    assert client.post(f"/api/c/{token}/answers/{second}/attempts", json={}).json["attempt"] == 1
    _shift_attempts(app, second, 5)
    assert client.post(f"/api/c/{token}/answers/{second}/attempts", json={}).json["attempt"] == 2


def test_racing_starts_make_exactly_one_attempt(live_server):
    client = live_server.app.test_client()
    headers = AuthActions(client).login()
    for _ in range(3):
        token, session_id, (first, _) = _candidate(client, headers, [dict(QUESTION, text=text) for text in TEXTS])
        assert client.post(f"/api/c/{token}/answers/{first}/think").status_code == 200
        url = f"{live_server.url}/api/c/{token}/answers/{first}/attempts"
        device = {"X-Miaomian-Device": "mp-device-aaaa"}
        with ThreadPoolExecutor(6) as pool:
            responses = list(pool.map(lambda _: requests.post(url, json={}, headers=device, timeout=60), range(6)))
        assert {r.status_code for r in responses} <= {201, 409}, [r.text for r in responses]
        started = [r.json() for r in responses if r.status_code == 201]
        assert started and {item["attempt"] for item in started} == {1}
        assert sum(1 for item in started if not item["resumed"]) == 1
        assert all(r.json()["error"] == "conflict" for r in responses if r.status_code == 409)
        with live_server.app.extensions["miaomian.engine"].connect() as connection:
            count = connection.scalar(sa.select(sa.func.count()).select_from(answers).where(
                answers.c.session_id == session_id))
        assert count == 1


def test_no_comparison_pick_involves_an_erased_candidate(app, client, auth, aac_bytes):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1, competencies=COMPETENCIES)
    kept = answer_ids(client, headers, decided_candidate(client, app, headers, interview, aac_bytes, name="留下")[1])
    gone = answer_ids(client, headers, decided_candidate(client, app, headers, interview, aac_bytes, name="删除")[1])
    _db(app, sessions.update().where(sessions.c.id == _session_of(app, gone[0])).values(status="erased"))
    question_id = interview["questions"][0]["id"]
    for better, worse in ((kept[0], gone[0]), (gone[0], kept[0])):
        refused = client.post(f"/api/questions/{question_id}/picks", headers=headers,
                              json={"better_answer_id": better, "worse_answer_id": worse})
        assert_error(refused, 409, "erased")
        assert refused.json["message"] == "候选人已删除自己的数据，不能再比较这份回答。"
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(pair_picks)) == 0


def _session_of(app, answer_id):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.scalar(sa.select(answers.c.session_id).where(answers.c.id == answer_id))


def test_a_video_question_is_refused_the_camera_is_never_used(app, client, auth):
    headers = auth.login()
    job = client.post("/api/jobs", json={"title": "门店店员"}, headers=headers).json
    refused = client.post(f"/api/jobs/{job['id']}/interviews", headers=headers, json={
        "language": "zh", "competencies": COMPETENCIES, "questions": [dict(QUESTION, media="video")]})
    assert refused.status_code == 422, refused.json
    assert "不使用摄像头" in json.dumps(refused.json, ensure_ascii=False)
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(questions)) == 0
    created = client.post(f"/api/jobs/{job['id']}/interviews", headers=headers, json={
        "language": "zh", "competencies": COMPETENCIES, "questions": [dict(QUESTION, media="audio"), QUESTION]})
    assert created.status_code == 201 and [q["media"] for q in created.json["questions"]] == ["audio", "audio"]


def test_the_funnel_never_counts_a_needs_review_candidate_as_scored(app, client, auth, aac_bytes):
    headers = auth.login()
    questions_in = [QUICK, dict(QUESTION, text=TEXTS[1])]
    interview = _interview(client, headers, questions_in)
    tokens = []
    for name in ("甲", "乙", "丙"):
        invited = invite(client, headers, interview["id"], names=(name,))[0]
        start(client, invited["token"])
        tokens.append(invited["token"])
    first, second = (q["id"] for q in interview["questions"])
    # 甲: every question scored. 乙: Q1 unanswered, Q2 unreadable — needs review without any score.
    # 丙: Q1 unanswered, Q2 scored — needs review with a partial score.
    for token, outcome in zip(tokens, ("scored", "failed", "partial")):
        if outcome == "scored":
            keys = [_recorded(client, token, qid, aac_bytes) for qid in (first, second)]
        else:
            _time_up_unanswered(app, client, token, first)
            keys = [_recorded(client, token, second, aac_bytes)]
        assert client.post(f"/api/c/{token}/submit").status_code == 200
        for key in keys:
            if outcome == "failed":
                post_result(client, app, key, {"status": "failed", "reason": "录音无法识别", "reason_code": None},
                            status="failed")
            else:
                post_result(client, app, key, SCORES)
    funnel = client.get(f"/api/analytics/funnel?interview_id={interview['id']}", headers=headers).json
    stages = {s["stage"]: s["count"] for s in funnel["stages"]}
    assert stages["submitted"] == 3 and stages["analysed"] == 3 and "scored" not in stages
    assert funnel["analysis"]["scored"] == {"count": 1, "label": "自动评分完成"}
    assert funnel["analysis"]["needs_review"] == {"count": 2, "label": "需要人工复核", "with_score": 1}
