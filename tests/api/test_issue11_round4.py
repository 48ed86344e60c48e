"""Issue 11, round four (SQLite and MariaDB): a question whose time ran out without an upload no longer blocks
submitting, no reading ahead by a late upload or a retake, racing confirmations from two devices, far-future
dates and racing resends."""
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import requests
import sqlalchemy as sa

from api.schema import answers, question_states
from api.timeutil import utcnow
from tests.api.flow import QUESTION, create_interview, invite, send_file, start
from tests.api.test_answer_time import _db, _interview, _upload
from tests.api.test_hr_resources import assert_error
from tests.conftest import AuthActions

TEXTS = ["第一题：讲一次你帮助顾客解决问题的经历。", "第二题：你为什么想做这份工作？", "第三题：你还有什么问题？"]


def _three(client, headers, second_attempts=1):
    questions = [dict(QUESTION, text=TEXTS[0]), dict(QUESTION, text=TEXTS[1], max_attempts=second_attempts),
                 dict(QUESTION, text=TEXTS[2])]
    interview = _interview(client, headers, questions)
    invited = invite(client, headers, interview["id"])[0]
    start(client, invited["token"])
    return interview, invited["token"], invited["session_id"], [q["id"] for q in interview["questions"]]


def _time_over(app, question_id):
    """The question's think time and its 60-s answer time both ran out long ago."""
    _db(app, question_states.update().where(question_states.c.question_id == question_id).values(
        think_started_at=utcnow() - timedelta(seconds=200), think_deadline=utcnow() - timedelta(seconds=190)))


def test_a_question_whose_time_ran_out_without_an_upload_does_not_block_submitting(app, client, auth, aac_bytes):
    headers = auth.login()
    interview, token, session_id, (first, second, third) = _three(client, headers)
    _upload(client, token, first, aac_bytes)
    assert client.post(f"/api/c/{token}/answers/{second}/think").status_code == 200
    _time_over(app, second)  # the candidate did nothing: the server started the take, its time ran out
    view = client.get(f"/api/c/{token}").json["questions"][1]
    assert view["next_step"] == "这道题的作答时间和作答机会都已用完，请继续下一题。"
    assert view["unanswered"] is True and "记为未作答" in view["unanswered_text"]
    assert client.post(f"/api/c/{token}/answers/{third}/think").status_code == 200
    # The third is open and unanswered: submitting names it (and only it), in Chinese.
    refused = client.post(f"/api/c/{token}/submit")
    assert_error(refused, 409, "unanswered_questions")
    assert "第 3 题" in refused.json["message"] and "第 2 题" not in refused.json["message"]
    _upload(client, token, third, aac_bytes)
    submitted = client.post(f"/api/c/{token}/submit")
    assert submitted.status_code == 200, submitted.json
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"]
    assert [q["unanswered"] is None for q in report] == [True, False, True]
    assert report[1]["answer"] is None and report[1]["unanswered"]["status_text"] == "未作答"
    assert report[1]["unanswered"]["reason"] == "时间用完未上传录音"
    own = client.get(f"/api/c/{token}/report").json["answers"]
    assert [item["unanswered"] for item in own] == [False, True, False] and "未作答" in own[1]["reason"]


def test_every_attempt_lapsed_on_the_last_question_still_submits(app, client, auth, aac_bytes):
    headers = auth.login()
    interview = _interview(client, headers, [dict(QUESTION, text=TEXTS[0]), dict(QUESTION, text=TEXTS[1])])
    invited = invite(client, headers, interview["id"])[0]
    token = invited["token"]
    start(client, token)
    first, second = (q["id"] for q in interview["questions"])
    _upload(client, token, first, aac_bytes)
    client.post(f"/api/c/{token}/answers/{second}/think")
    _time_over(app, second)
    # One attempt left: the candidate can still answer it, so submitting says so.
    refused = client.post(f"/api/c/{token}/submit")
    assert_error(refused, 409, "unanswered_questions")
    assert "第 2 题" in refused.json["message"]
    retake = client.post(f"/api/c/{token}/answers/{second}/attempts", json={})
    assert retake.status_code == 201 and retake.json["attempts_left"] == 0
    _db(app, answers.update().where(answers.c.question_id == second, answers.c.attempt == 2).values(
        created_at=utcnow() - timedelta(seconds=100)))  # the retake's time ran out too, nothing uploaded
    assert client.post(f"/api/c/{token}/submit").status_code == 200
    report = client.get(f"/api/sessions/{invited['session_id']}", headers=headers).json["questions"][1]
    assert report["unanswered"]["reason"] == "时间用完未上传录音"


def test_no_new_ticket_for_a_question_once_a_later_one_is_open_but_an_issued_ticket_confirms(
        app, client, auth, aac_bytes):
    headers = auth.login()
    _, token, _, (first, second, _third) = _three(client, headers, second_attempts=2)
    client.post(f"/api/c/{token}/answers/{first}/think")
    assert client.post(f"/api/c/{token}/answers/{first}/attempts", json={}).status_code == 201
    early = client.post(f"/api/c/{token}/answers/{first}/upload", json={"attempt": 1}).json  # issued in time
    _db(app, answers.update().where(answers.c.question_id == first).values(
        created_at=utcnow() - timedelta(seconds=100)))  # the answer time ran out without an upload
    assert client.post(f"/api/c/{token}/answers/{second}/think").json["text"] == TEXTS[1]
    # Having read the second question, no new ticket for the first, whichever take it names.
    for body in ({"attempt": 1}, {}, {"content_type": "audio/aac"}):
        refused = client.post(f"/api/c/{token}/answers/{first}/upload", json=body)
        assert_error(refused, 409, "question_closed")
        assert "不能再" in refused.json["message"]
    # The take that was already uploading is still received.
    assert send_file(client, early, aac_bytes).status_code == 200
    assert client.post(f"/api/c/{token}/answers/{first}/uploaded", json={"key": early["key"]}).status_code == 200


def test_a_retake_still_recording_keeps_the_next_question_locked(app, client, auth, aac_bytes):
    headers = auth.login()
    _, token, _, (first, second, _third) = _three(client, headers)
    client.post(f"/api/c/{token}/answers/{first}/think")
    _upload(client, token, first, aac_bytes)
    assert client.post(f"/api/c/{token}/answers/{first}/attempts", json={}).json["attempt"] == 2  # a retake
    refused = client.post(f"/api/c/{token}/answers/{second}/think")
    assert_error(refused, 409, "question_locked")
    assert "第 1 题还在录音" in refused.json["message"] and TEXTS[1] not in refused.get_data(as_text=True)
    _db(app, answers.update().where(answers.c.question_id == first, answers.c.attempt == 2).values(
        created_at=utcnow() - timedelta(seconds=100)))  # the retake's recording time is over
    assert client.post(f"/api/c/{token}/answers/{second}/think").status_code == 200
    assert_error(client.post(f"/api/c/{token}/answers/{first}/upload", json={"attempt": 2}), 409, "question_closed")


def _setup_answered_first(client, headers, aac_bytes, questions=2):
    interview = create_interview(client, headers, questions=questions)
    invited = invite(client, headers, interview["id"])[0]
    token = invited["token"]
    start(client, token)
    ids = [q["id"] for q in interview["questions"]]
    client.post(f"/api/c/{token}/answers/{ids[0]}/think")
    return invited, token, ids


def test_a_racing_retake_and_next_think_cannot_both_succeed(live_server, aac_bytes):
    client = live_server.app.test_client()
    headers = AuthActions(client).login()
    for _ in range(4):
        _, token, (first, second) = _setup_answered_first(client, headers, aac_bytes)
        _upload(client, token, first, aac_bytes)
        calls = [(f"{live_server.url}/api/c/{token}/answers/{first}/attempts", {}),
                 (f"{live_server.url}/api/c/{token}/answers/{second}/think", None)]
        with ThreadPoolExecutor(2) as pool:
            retake, think = pool.map(lambda call: requests.post(call[0], json=call[1], timeout=60), calls)
        assert sorted([retake.status_code, think.status_code]) in ([200, 409], [201, 409]), (retake.text, think.text)
        view = client.get(f"/api/c/{token}").json["questions"]
        if retake.status_code == 201:
            assert think.json()["error"] == "question_locked" and view[1]["opened"] is False
        else:
            assert retake.json()["error"] == "question_closed" and view[0]["attempts_used"] == 1


def test_racing_confirmations_from_two_devices_one_counts_and_the_other_is_told(live_server, aac_bytes):
    client = live_server.app.test_client()
    headers = AuthActions(client).login()
    phones = ({"X-Miaomian-Device": "mp-device-aaaa"}, {"X-Miaomian-Device": "web-device-bbbb"})
    for _ in range(4):
        invited, token, (qid,) = _setup_answered_first(client, headers, aac_bytes, questions=1)
        base = f"/api/c/{token}/answers/{qid}"
        assert client.post(f"{base}/think").status_code == 200
        tickets = []
        for number, phone in enumerate(phones, start=1):
            assert client.post(f"{base}/attempts", json={}, headers=phone).status_code == 201
            tickets.append(client.post(f"{base}/upload", json={"attempt": number}, headers=phone).json)
        for ticket in tickets:
            assert send_file(client, ticket, aac_bytes).status_code == 200
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda pair: requests.post(f"{live_server.url}{base}/uploaded",
                                                               json={"key": pair[0]["key"]}, headers=pair[1],
                                                               timeout=60), zip(tickets, phones)))
        assert sorted(r.status_code for r in results) == [200, 409], [r.text for r in results]
        winner = 1 + [r.status_code for r in results].index(200)
        loser = results[2 - winner]
        assert loser.json()["error"] == "answer_superseded" and "另一台设备" in loser.json()["message"]
        report = client.get(f"/api/sessions/{invited['session_id']}", headers=headers).json["questions"][0]
        assert report["answer"]["attempt"] == winner
        assert [(a["attempt"], a["superseded"]) for a in report["earlier_attempts"]] == [(3 - winner, True)]


FAR = ("9999-12-31T23:59:59Z", "0001-01-01T00:00:00+08:00", "2100-01-01T00:00:00+08:00")


def _invitation_id(app, session_id):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.scalar(sa.text("SELECT invitation_id FROM sessions WHERE id = :id"), {"id": session_id})


def test_every_date_a_person_sets_is_kept_within_two_years_and_display_never_overflows(app, client, auth):
    from datetime import datetime

    from api.messages import display_clock, display_time
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"])[0]
    invitation_id = _invitation_id(app, invited["session_id"])
    assert client.post(f"/api/interviews/{interview['id']}/close", json={}, headers=headers).status_code == 200
    base = dict(language="zh", competencies=[{"name": "沟通表达", "weight": 1, "keywords": ["沟通"]}],
                questions=[dict(QUESTION)])
    job_id = interview["job_id"]
    for value in FAR:
        for method, url, body in (
                ("post", f"/api/jobs/{job_id}/interviews", dict(base, deadline=value)),
                ("post", f"/api/interviews/{interview['id']}/reopen", {"deadline": value}),
                ("post", f"/api/invitations/{invitation_id}/extend", {"expires_at": value})):
            response = getattr(client, method)(url, json=body, headers=headers)
            assert response.status_code == 422, (url, value, response.status_code, response.json)
            assert "两年" in response.get_data(as_text=True) or "范围" in response.get_data(as_text=True)
    edge = datetime(9999, 12, 31, 23, 59, 59)
    assert display_time(edge) == "9999年12月31日 23:59（UTC）" and display_clock(edge) == "23:59:59（UTC）"
    assert display_time(datetime(2026, 12, 13, 10, 0), now=datetime(2026, 1, 1)) == "12月13日 18:00"


def test_extend_never_shortens_and_confirmations_are_real_booleans_and_attempts_integers(app, client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"])[0]
    invitation_id = _invitation_id(app, invited["session_id"])
    url = f"/api/invitations/{invitation_id}/extend"
    before = client.post(url, json={"days": 10}, headers=headers).json["expires_at"]
    sooner = (utcnow() + timedelta(days=2)).isoformat() + "Z"
    refused = client.post(url, json={"expires_at": sooner}, headers=headers)
    assert refused.status_code == 422 and "不能早于现在的过期时间" in refused.json["message"]
    assert client.post(url, json={"days": 1}, headers=headers).json["expires_at"] > before
    for value in ("yes", 1, "true", 0):
        for path, body in ((f"/api/invitations/{invitation_id}/resend", {"confirm": value}),
                           (url, {"days": 1, "extend_interview": value}),
                           (f"/api/c/{invited['token']}/start", {"consent": value, "privacy_version": "x"})):
            response = client.post(path, json=body, headers=headers)
            assert response.status_code == 422, (path, value, response.json)
            assert "true 或 false" in response.get_data(as_text=True)
    start(client, invited["token"])
    qid = interview["questions"][0]["id"]
    for value in (1.5, "1", True):
        response = client.post(f"/api/c/{invited['token']}/answers/{qid}/upload", json={"attempt": value})
        assert response.status_code == 422 and "应为整数" in response.get_data(as_text=True), response.json


def test_racing_resends_give_one_link_and_one_chinese_conflict(live_server):
    client = live_server.app.test_client()
    headers = AuthActions(client).login()
    interview = create_interview(client, headers, questions=1)
    for invited in invite(client, headers, interview["id"], names=("张三", "李四", "王五")):
        url = f"{live_server.url}/api/invitations/{_invitation_id(live_server.app, invited['session_id'])}/resend"
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda _: requests.post(url, json={}, headers=headers, timeout=60), range(2)))
        assert {r.status_code for r in results} <= {200, 409} and 200 in [r.status_code for r in results]
        for lost in (r.json() for r in results if r.status_code == 409):  # overlapped: it lost the update
            assert lost["error"] == "conflict" and "重新发送" in lost["message"]
        # Every link handed out was real: the newest works, one replaced by a later resend says so (never 404).
        opened = sorted(client.get(f"/api/c/{r.json()['token']}").status_code for r in results if r.status_code == 200)
        assert opened in ([200], [200, 410]), opened
