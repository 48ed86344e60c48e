"""Issue 11, answer time on the server (SQLite and MariaDB, real HTTP through the test client and a live
server): the phase a reload finds, recordings the server starts at the think deadline, late starts, over-long
audio measured from the file, questions revealed only in order after consent, one candidate per WeChat user
when share-link joins race, and Chinese delivery reasons for HR."""
import subprocess
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import requests
import sqlalchemy as sa

from api import messages, outbox
from api.schema import answers, invitations, question_states, sessions
from api.timeutil import utcnow
from tests.api.flow import COMPETENCIES, QUESTION, create_interview, create_job, invite, send_file, start
from tests.api.test_hr_resources import assert_error
from tests.conftest import AuthActions, LiveServer, free_port, make_app
from tests.wechat.conftest import fake_wechat, wechat_login  # noqa: F401 (fixture)

TEXTS = ["第一题：讲一次你帮助顾客解决问题的经历。", "第二题：你为什么想做这份工作？"]


def _interview(client, headers, questions, language="zh"):
    job = create_job(client, headers)
    response = client.post(f"/api/jobs/{job['id']}/interviews", headers=headers,
                           json={"language": language, "competencies": COMPETENCIES, "questions": questions})
    assert response.status_code == 201, response.json
    return response.json


def _setup(client, auth, questions=None):
    headers = auth.login()
    created = _interview(client, headers, questions or [dict(QUESTION, text=text) for text in TEXTS])
    token = invite(client, headers, created["id"])[0]["token"]
    return headers, created, token


def _db(app, statement):
    with app.extensions["miaomian.engine"].begin() as connection:
        return connection.execute(statement)


def _think_ended(app, seconds_ago: int) -> datetime:
    """Move every opened question's think time into the past: it ended `seconds_ago` seconds ago."""
    deadline = (utcnow() - timedelta(seconds=seconds_ago)).replace(microsecond=0)
    _db(app, question_states.update().values(think_started_at=deadline - timedelta(seconds=10), think_deadline=deadline))
    return deadline


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds") + "Z"


def _upload(client, token, question_id, data):
    client.post(f"/api/c/{token}/answers/{question_id}/think")  # opened first (idempotent)
    ticket = client.post(f"/api/c/{token}/answers/{question_id}/upload", json={"content_type": "audio/aac"})
    assert ticket.status_code == 200, ticket.json
    assert send_file(client, ticket.json, data).status_code == 200
    confirmed = client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": ticket.json["key"]})
    assert confirmed.status_code == 200, confirmed.json
    return ticket.json


def test_a_reload_at_the_end_of_think_time_finds_the_recording_running(app, client, auth, aac_bytes):
    headers, interview, token = _setup(client, auth)
    start(client, token)
    qid = interview["questions"][0]["id"]
    opened = client.post(f"/api/c/{token}/answers/{qid}/think").json
    assert opened["phase"] == "thinking" and opened["text"] == TEXTS[0] and opened["phase_seconds_left"] in (9, 10)
    deadline = _think_ended(app, 20)  # the page was reloaded, or left, as think time ran out
    view = client.get(f"/api/c/{token}").json["questions"][0]
    assert view["phase"] == "recording" and view["phase_text"] == "正在录音"
    assert view["phase_until"] == _iso(deadline + timedelta(seconds=60)) and 38 <= view["phase_seconds_left"] <= 40
    assert view["recording"]["started_at"] == _iso(deadline) and view["recording"]["late"] is True
    assert view["attempts_used"] == 1 and view["attempts_left"] == 1
    # The client starting now joins the recording the server started at the deadline: no time back.
    joined = client.post(f"/api/c/{token}/answers/{qid}/attempts", json={})
    assert joined.status_code == 201, joined.json
    assert joined.json["late"] is True and joined.json["resumed"] is True and joined.json["attempt"] == 1
    assert joined.json["started_at"] == _iso(deadline) and 38 <= joined.json["answer_seconds_left"] <= 40
    assert "思考时间已于" in joined.json["message"] and "还剩" in joined.json["message"]
    ticket = _upload(client, token, qid, aac_bytes)
    assert ticket["attempt"] == 1
    assert client.get(f"/api/c/{token}").json["questions"][0]["phase"] == "answered"
    session_id = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]["id"]
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]
    assert report["timing"]["late_start"] is True and "思考时间结束后才开始录音" in report["timing"]["text"]


def test_a_start_within_the_tolerance_is_on_time_and_resume_rejoins_a_recording(app, client, auth):
    _, interview, token = _setup(client, auth)
    start(client, token)
    qid = interview["questions"][0]["id"]
    client.post(f"/api/c/{token}/answers/{qid}/think")
    _think_ended(app, 2)  # the 3-2-1 lead-in and the network: within START_TOLERANCE_SECONDS
    started = client.post(f"/api/c/{token}/answers/{qid}/attempts", json={}).json
    assert started["late"] is False and started["message"] is None and started["answer_seconds_left"] >= 58
    # A reload mid-recording: the page rejoins the same attempt and deadline rather than spending another.
    resumed = client.post(f"/api/c/{token}/answers/{qid}/attempts", json={"resume": True}).json
    assert resumed["attempt"] == 1 and resumed["resumed"] is True and resumed["answer_deadline"] == started["answer_deadline"]
    assert client.get(f"/api/c/{token}").json["questions"][0]["phase"] == "recording"


def test_when_the_recording_time_is_over_too_the_page_is_told_what_to_do_next(app, client, auth, aac_bytes):
    _, interview, token = _setup(client, auth)
    start(client, token)
    qid = interview["questions"][0]["id"]
    client.post(f"/api/c/{token}/answers/{qid}/think")
    _think_ended(app, 100)  # think time and the 60-s answer time are both over
    view = client.get(f"/api/c/{token}").json["questions"][0]
    assert view["phase"] == "time_up" and view["phase_text"] == "本题作答时间已到" and view["attempts_left"] == 1
    assert view["next_step"] == "这次录音的时间已经用完。还可以重新录制 1 次。"
    retake = client.post(f"/api/c/{token}/answers/{qid}/attempts", json={}).json
    assert retake["attempt"] == 2 and retake["late"] is False and retake["answer_seconds_left"] >= 58
    # With a single attempt, a start after both deadlines is refused in Chinese.
    _, single, token = _setup(client, auth, questions=[dict(QUESTION, text=TEXTS[0], max_attempts=1)])
    start(client, token)
    qid = single["questions"][0]["id"]
    client.post(f"/api/c/{token}/answers/{qid}/think")
    _think_ended(app, 100)
    assert client.get(f"/api/c/{token}").json["questions"][0]["next_step"] == "这道题的作答时间和作答机会都已用完，请继续下一题。"
    refused = client.post(f"/api/c/{token}/answers/{qid}/attempts", json={})
    assert_error(refused, 409, "answer_time_over")
    assert "作答时间已经用完" in refused.json["message"]
    # A take recorded in time on the device still uploads (it is never lost), and the next question opens.
    assert _upload(client, token, qid, aac_bytes)["attempt"] == 1


def test_question_texts_are_served_only_after_consent_and_one_at_a_time(app, client, auth):
    headers, interview, token = _setup(client, auth)
    code = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"},
                       headers=headers).json["code"]
    before = [client.get(f"/api/c/{token}"), client.get(f"/api/c/{token}/report"), client.get(f"/i/{token}"),
              client.get(f"/api/scenes/r={code}"), client.post(f"/api/c/{token}/answers/{interview['questions'][0]['id']}/think")]
    for response in before:
        body = response.get_data(as_text=True)
        assert not any(text in body for text in TEXTS), (response.request.path, body[:300])
    view = before[0].json
    assert view["interview"]["question_count"] == 2
    assert [set(q) for q in view["questions"]] == [{"id", "position", "think_seconds", "answer_seconds", "max_attempts", "media"}] * 2
    started = client.post(f"/api/c/{token}/start", json={"consent": True, "privacy_version": view["privacy_version"]})
    assert not any(text in started.get_data(as_text=True) for text in TEXTS)
    assert [q["phase"] for q in started.json["questions"]] == ["unopened", "unopened"]
    first, second = (q["id"] for q in interview["questions"])
    # No preview of a later question, by any route that would open it.
    for path, body in ((f"/answers/{second}/think", None), (f"/answers/{second}/attempts", {}),
                       (f"/answers/{second}/upload", {"content_type": "audio/aac"})):
        refused = client.post(f"/api/c/{token}{path}", json=body)
        assert_error(refused, 409, "question_locked")
        assert "请按顺序作答：第 1 题还没有打开" in refused.json["message"] and TEXTS[1] not in refused.get_data(as_text=True)
    assert client.post(f"/api/c/{token}/answers/{first}/think").json["text"] == TEXTS[0]
    texts = [q["text"] for q in client.get(f"/api/c/{token}").json["questions"]]
    assert texts == [TEXTS[0], None]
    # Opening the first is not enough: no reading ahead until it is answered or its time is up.
    for path, body in ((f"/answers/{second}/think", None), (f"/answers/{second}/attempts", {}),
                       (f"/answers/{second}/upload", {"content_type": "audio/aac"})):
        refused = client.post(f"/api/c/{token}{path}", json=body)
        assert_error(refused, 409, "question_locked")
        assert "第 1 题还没有完成" in refused.json["message"] and TEXTS[1] not in refused.get_data(as_text=True)
        assert refused.json["next_question_id"] == first


def test_the_next_question_opens_only_after_an_answer_or_when_time_is_up_and_there_is_no_way_back(
        app, client, auth, aac_bytes):
    headers, interview, token = _setup(client, auth, [dict(QUESTION, text=text) for text in TEXTS + ["第三题：还有问题吗？"]])
    start(client, token)
    first, second, third = (q["id"] for q in interview["questions"])
    assert client.post(f"/api/c/{token}/answers/{first}/think").status_code == 200
    assert_error(client.post(f"/api/c/{token}/answers/{second}/think"), 409, "question_locked")
    _upload(client, token, first, aac_bytes)  # answered: the second opens
    assert client.post(f"/api/c/{token}/answers/{second}/think").json["text"] == TEXTS[1]
    assert_error(client.post(f"/api/c/{token}/answers/{third}/think"), 409, "question_locked")
    # The second's think and answer time run out untouched (server-started recording, nothing uploaded).
    _db(app, question_states.update().where(question_states.c.question_id == second).values(
        think_started_at=utcnow() - timedelta(seconds=200), think_deadline=utcnow() - timedelta(seconds=190)))
    third_opened = client.post(f"/api/c/{token}/answers/{third}/think")
    assert third_opened.status_code == 200 and third_opened.json["text"] == "第三题：还有问题吗？"
    # No way back: the second had an attempt left, but a fresh attempt with full time is refused now.
    for path in (f"/answers/{second}/attempts", f"/answers/{second}/upload"):
        refused = client.post(f"/api/c/{token}{path}", json={})
        assert_error(refused, 409, "question_closed")
        assert "不能再重新录制" in refused.json["message"]
    # Nor on the first, answered earlier.
    assert_error(client.post(f"/api/c/{token}/answers/{first}/attempts", json={}), 409, "question_closed")


def test_an_over_long_recording_is_measured_flagged_and_analysed_up_to_the_limit(live_server, tmp_path, monkeypatch):
    """Korean speech (espeak-ng) padded to 25 s against a 10-s answer limit, through the real analyzer."""
    from functions.analyze.index import main_handler
    from api.trigger import process_one, trigger_config
    from tests.conftest import use_function_environment

    speech, padded = tmp_path / "speech.wav", tmp_path / "long.aac"
    subprocess.run(["espeak-ng", "-v", "ko", "-w", str(speech),
                    "저는 고객의 문제를 해결하기 위해 먼저 이야기를 잘 듣고 방법을 찾았습니다. 결과가 좋았습니다."], check=True)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-i", str(speech), "-af", "apad=whole_dur=25", "-ac", "1",
                    "-ar", "16000", "-c:a", "aac", str(padded)], check=True)
    client = live_server.app.test_client()
    headers = AuthActions(client).login()
    interview = _interview(client, headers, [
        dict(QUESTION, text="고객 문제를 해결한 경험을 말해 주세요.", think_seconds=0, answer_seconds=10)], language="ko")
    token = invite(client, headers, interview["id"])[0]["token"]
    start(client, token)
    qid = interview["questions"][0]["id"]
    client.post(f"/api/c/{token}/answers/{qid}/attempts", json={})
    _upload(client, token, qid, padded.read_bytes())
    use_function_environment(monkeypatch, live_server)
    engine = live_server.app.extensions["miaomian.engine"]
    assert process_one(engine, "w1", main_handler, trigger_config(live_server.app.config)) is True
    session_id = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json[0]["id"]
    answer = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]
    assert answer["status"] in ("scored", "needs_review"), answer  # analysed, never failed or cut silently
    timing = answer["timing"]
    assert timing["over_limit"] is True and 24 <= timing["duration_seconds"] <= 26 and timing["limit_seconds"] == 10
    assert "超过本题 10 秒的作答上限" in timing["text"] and "完整录音可以回放" in timing["text"]
    assert answer["features"]["time_used_ratio"] <= 1.0  # the analysis saw the first 10 s only
    assert answer["media_url"]  # the whole recording stays for HR to play


def test_concurrent_share_link_joins_of_one_wechat_user_make_one_candidate(database_url, tmp_path, fake_wechat):
    """A signed-in WeChat user without a browser id joins six times at once: one invitation, one session."""
    from api import wechat
    port = free_port()
    app = make_app(database_url, tmp_path, PUBLIC_URL=f"http://127.0.0.1:{port}", WECHAT_APPID=fake_wechat.appid,
                   WECHAT_SECRET=fake_wechat.secret, WECHAT_API_BASE=fake_wechat.url, WECHAT_TIMEOUT=1)
    wechat._clients.clear()
    with LiveServer(app, port) as live_server:
        _race_wechat_joins(app, live_server, fake_wechat)
    app.extensions["miaomian.engine"].dispose()
    wechat._clients.clear()


def _race_wechat_joins(app, live_server, fake_wechat):
    client = app.test_client()
    hr = AuthActions(client).login()
    interview = create_interview(client, hr, questions=1)
    code = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"}, headers=hr).json["code"]
    bearer = wechat_login(client, fake_wechat, name="微信用户小周")[1]
    url = f"{live_server.url}/api/scenes/r={code}/join"
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda _: requests.post(url, json={}, headers=bearer, timeout=60), range(6)))
    statuses = sorted(response.status_code for response in results)
    assert statuses == [200] * 5 + [201], [response.text for response in results]
    assert len({response.json()["session_id"] for response in results}) == 1
    with app.extensions["miaomian.engine"].connect() as connection:
        count = connection.scalar(sa.select(sa.func.count()).select_from(invitations)
                                  .where(invitations.c.interview_id == interview["id"]))
        users = connection.scalar(sa.select(sa.func.count(sa.distinct(sessions.c.candidate_user_id)))
                                  .where(sessions.c.interview_id == interview["id"]))
    assert count == 1 and users == 1


def test_every_delivery_reason_hr_reads_is_chinese_with_the_english_code_kept():
    import inspect
    import re
    source = inspect.getsource(outbox)
    written = re.findall(r'(?:reason|skip)\s*=\s*f?"([a-z_]+):', source)
    assert set(written) == set(outbox.REASON_CODES), written
    bare = re.findall(r'(?:reason|skip)\s*=\s*f?"(?![a-z_]+:)', source)
    assert not bare, "every stored reason starts with its code"
    for code in outbox.REASON_CODES:
        text = messages.notification_reason("skipped", f"{code}: some English detail")
        assert messages.is_chinese(text) and not re.search(r"[A-Za-z]{3,}", text), (code, text)
        assert messages.notification_reason_code("skipped", f"{code}: x") == code
    # Rows stored before the codes read Chinese too.
    for old in ("no recipient: the candidate has not signed in with WeChat, so there is no openid to send to",
                "WeChat is not configured (no MIAOMIAN_WECHAT_APPID): development mode, message not sent"):
        assert messages.is_chinese(messages.notification_reason("skipped", old)), old
