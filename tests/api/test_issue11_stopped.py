"""Issue 11 points 1, 3 and 9 (SQLite and MariaDB): a stopped take no longer holds the next question back while
it uploads (POST …/attempts/{n}/stopped: validated, idempotent, only for the running attempt, its length bounded
by the server's clock), a take stopped in time counts as on time however late it uploads, the final submit
waits for it, and every question's think time includes the 3-2-1 lead-in."""
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import requests
import sqlalchemy as sa

from api import answer_time
from api.schema import answers, question_states
from api.timeutil import utcnow


def _iso(text):
    return datetime.fromisoformat(text.replace("Z", "")).replace(tzinfo=None)
from tests.api.flow import QUESTION
from tests.api.test_hr_resources import assert_error
from tests.api.test_issue11_timing import TEXTS, _candidate, _confirm, _opened_and_started, _shift_attempts, _ticket
from tests.conftest import AuthActions

TWO = [dict(QUESTION, text=text) for text in TEXTS]


def _stop(client, token, question_id, attempt=1, duration_ms=20000):
    return client.post(f"/api/c/{token}/answers/{question_id}/attempts/{attempt}/stopped",
                       json={"duration_ms": duration_ms})


def test_a_stopped_take_lets_the_next_question_open_while_it_uploads(app, client, auth, aac_bytes):
    headers = auth.login()
    token, session_id, (first, second) = _candidate(client, headers, TWO)
    _opened_and_started(client, token, first)
    assert_error(client.post(f"/api/c/{token}/answers/{second}/think"), 409, "question_locked")
    _shift_attempts(app, first, 20)  # 20 s of a 60-s window recorded
    stopped = _stop(client, token, first, duration_ms=19500)
    assert stopped.status_code == 200, stopped.json
    assert stopped.json["in_time"] is True and stopped.json["duration_ms"] == 19500
    assert stopped.json["uploaded"] is False
    view = client.get(f"/api/c/{token}").json["questions"][0]
    assert view["phase"] == "uploading" and view["phase_text"] == "录音已录好，正在上传"
    assert view["recording"] is None and "提交前会等它传完" in view["next_step"]
    assert view["stopped"] == {"attempt": 1, "stopped_at": stopped.json["stopped_at"]}
    opened = client.post(f"/api/c/{token}/answers/{second}/think")
    assert opened.status_code == 200 and opened.json["text"] == TEXTS[1]
    # The second question is open, yet the stopped take still gets its ticket, long after its window.
    _shift_attempts(app, first, 60 + 5 * 60)
    late = _ticket(client, token, first)
    assert late.status_code == 200, late.json
    refused = client.post(f"/api/c/{token}/submit")
    assert_error(refused, 409, "uploads_pending")
    assert "第 1 题的录音已经录好，但还没有上传完成" in refused.json["message"]
    assert refused.json.get("pending_questions") == [1], refused.json
    _confirm(client, token, first, late.json, aac_bytes)
    timing = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]["timing"]
    # Stopped in time: recorded on time however late its upload; HR reads what the server knows.
    assert timing["late_upload"] is False and timing["stopped_in_time"] is True
    assert timing["stopped_seconds"] == 19.5 and timing["text"] is None


def test_a_stop_is_idempotent_validated_and_only_for_the_running_attempt(app, client, auth):
    headers = auth.login()
    token, _, (first, second) = _candidate(client, headers, TWO)
    assert_error(_stop(client, token, first), 409, "question_not_opened")
    client.post(f"/api/c/{token}/answers/{first}/think")
    assert_error(_stop(client, token, first), 409, "attempt_not_started")
    _opened_and_started(client, token, first)
    for body in ({}, {"duration_ms": -1}, {"duration_ms": "20000"}, {"duration_ms": 1.5}):
        refused = client.post(f"/api/c/{token}/answers/{first}/attempts/1/stopped", json=body)
        assert refused.status_code == 422, (body, refused.json)
    assert client.get(f"/api/c/{token}").json["questions"][0]["phase"] == "recording"
    # A length longer than the server's clock allows is bounded by it (started ~0 s ago, + 5 s network).
    first_stop = _stop(client, token, first, duration_ms=3_600_000)
    assert first_stop.status_code == 200
    assert first_stop.json["duration_ms"] <= (answer_time.STOP_TOLERANCE_SECONDS + 2) * 1000
    again = _stop(client, token, first, duration_ms=1000)
    assert again.status_code == 200 and again.json["stopped_at"] == first_stop.json["stopped_at"]
    assert again.json["duration_ms"] == first_stop.json["duration_ms"]
    # A retake is attempt 2 (a stopped take is never joined); attempt 1 is no longer running.
    retake = client.post(f"/api/c/{token}/answers/{first}/attempts", json={})
    assert retake.status_code == 201 and retake.json["attempt"] == 2 and retake.json["resumed"] is False
    # Stops of attempt 2 after its window (+ tolerance) are refused with a reason; the take may still upload.
    _shift_attempts(app, first, 60 + answer_time.STOP_TOLERANCE_SECONDS + 2)
    late = _stop(client, token, first, attempt=2)
    assert_error(late, 409, "attempt_not_running")
    assert "第 1 题第 2 次作答已经不在录音了" in late.json["message"]
    assert client.get(f"/api/c/{token}").json["questions"][0]["phase"] == "time_up"


def test_a_take_stopped_late_or_never_keeps_the_upload_rules(app, client, auth, aac_bytes):
    """No stop: a take whose first ticket comes 5 minutes after its window is still flagged late to HR."""
    headers = auth.login()
    token, session_id, (first, _) = _candidate(client, headers, TWO)
    _opened_and_started(client, token, first)
    _shift_attempts(app, first, 60 + 5 * 60)
    assert_error(_stop(client, token, first), 409, "attempt_not_running")
    late = _ticket(client, token, first)
    _confirm(client, token, first, late.json, aac_bytes)
    timing = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]["timing"]
    assert timing["late_upload"] is True and timing["stopped_in_time"] is False and timing["stopped_seconds"] is None


def test_a_stopped_take_never_uploaded_stops_holding_the_submit_after_its_window(app, client, auth, aac_bytes):
    headers = auth.login()
    token, _, (first, second) = _candidate(client, headers, [dict(TWO[0], max_attempts=1), TWO[1]])
    _opened_and_started(client, token, first)
    assert _stop(client, token, first).status_code == 200
    _opened_and_started(client, token, second)
    ticket = _ticket(client, token, second)
    _confirm(client, token, second, ticket.json, aac_bytes)
    assert_error(client.post(f"/api/c/{token}/submit"), 409, "uploads_pending")
    _shift_attempts(app, first, 60 + app.config["UPLOAD_URL_SECONDS"] + 5)  # the take never came: lost
    view = client.get(f"/api/c/{token}").json["questions"][0]
    assert view["phase"] == "time_up" and view["unanswered"] is True
    assert client.post(f"/api/c/{token}/submit").status_code == 200


def test_every_think_time_includes_the_lead_in(app, client, auth):
    headers = auth.login()
    token, session_id, ids = _candidate(client, headers, [dict(TWO[0], think_seconds=0),
                                                          dict(TWO[1], think_seconds=30)])
    opened = client.post(f"/api/c/{token}/answers/{ids[0]}/think").json
    assert opened["phase"] == "thinking"
    assert opened["think_seconds_left"] in (answer_time.LEAD_IN_SECONDS - 1, answer_time.LEAD_IN_SECONDS)
    with app.extensions["miaomian.engine"].connect() as connection:
        state = connection.execute(sa.select(question_states).where(question_states.c.session_id == session_id)).first()
    assert state.think_deadline - state.think_started_at == timedelta(seconds=answer_time.LEAD_IN_SECONDS)
    # A start 3 s (lead-in) + 4 s (a slow network) after opening is on time: the server did not start it.
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(question_states.update().where(question_states.c.session_id == session_id).values(
            think_started_at=state.think_started_at - timedelta(seconds=7),
            think_deadline=state.think_deadline - timedelta(seconds=7)))
    started = client.post(f"/api/c/{token}/answers/{ids[0]}/attempts", json={})
    assert started.status_code == 201 and started.json["late"] is False
    assert abs((utcnow() - timedelta(seconds=0) - _iso(started.json["started_at"])).total_seconds()) < 3
    _shift_attempts(app, ids[0], 61)
    second = client.post(f"/api/c/{token}/answers/{ids[1]}/think").json
    assert second["think_seconds_left"] in (29, 30)  # a question with think time gets exactly its own


def test_racing_stops_and_next_question_record_one_stop(live_server):
    """Real HTTP: the same stop sent six times at once and the next question opened at once: one stop time."""
    client = live_server.app.test_client()
    headers = AuthActions(client).login()
    token, _, (first, second) = _candidate(client, headers, TWO)
    _opened_and_started(client, token, first)
    base = f"{live_server.url}/api/c/{token}/answers"
    with ThreadPoolExecutor(6) as pool:
        responses = list(pool.map(lambda _: requests.post(f"{base}/{first}/attempts/1/stopped",
                                                          json={"duration_ms": 4000}, timeout=60), range(6)))
    assert {r.status_code for r in responses} <= {200, 409}, [r.text for r in responses]
    stopped = [r.json() for r in responses if r.status_code == 200]
    assert stopped and len({item["stopped_at"] for item in stopped}) == 1
    assert all(r.json()["error"] == "conflict" for r in responses if r.status_code == 409)
    opened = requests.post(f"{base}/{second}/think", timeout=60)
    assert opened.status_code == 200 and opened.json()["text"] == TEXTS[1]
    with live_server.app.extensions["miaomian.engine"].connect() as connection:
        rows = connection.execute(sa.select(answers.c.stopped_at, answers.c.stopped_duration_ms)
                                  .where(answers.c.question_id == first)).all()
    assert len(rows) == 1 and rows[0].stopped_duration_ms == 4000
