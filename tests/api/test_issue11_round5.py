"""Issue 11, round five (SQLite and MariaDB): an unanswered question no longer stops the other answers' results
from saving, unsettled sessions are settled by the sweeper, uploads after the recording window are refused or
flagged, starting an attempt twice joins the running one, no upload before a question is opened, the funnel
tells scored from needs review, no video questions, and no review of an erased candidate."""
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import requests
import sqlalchemy as sa

from api import progress, sweeper
from api.schema import analysis_results, answers, sessions
from api.timeutil import utcnow
from tests.api.decisions_flow import contract_result, post_result
from tests.api.flow import QUESTION, invite, send_file, start
from tests.api.test_answer_time import _db, _interview
from tests.api.test_hr_resources import assert_error

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
