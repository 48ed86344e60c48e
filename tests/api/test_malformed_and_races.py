"""Status codes under hostile input and races (issue 9, item 6), on SQLite and MariaDB: every malformed
request on every route is a 4xx JSON error; concurrent state changes give one winner and one audit row;
racing unique inserts give 409, never 500; JSON is never cached and nothing is content-sniffed."""
import threading
import time

import pytest
import requests
import sqlalchemy as sa

from api.schema import answers, audit_log
from tests.api import flow
from tests.conftest import AuthActions

DEEP = b"[" * 50000 + b"]" * 50000
BAD_BODIES = {
    "deeply nested": (DEEP, "application/json"),
    "deeply nested, never closed": (b"[" * 50000, "application/json"),
    "nested in an object": (b'{"name": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}", "application/json"),
    "lone surrogate": (b'{"name": "\\ud800", "org": "x", "title": "\\udfff", "decision": "advance"}', "application/json"),
    "surrogate in a key": (b'{"\\ud83d": 1}', "application/json"),
    "NUL in a value": (b'{"name": "a\\u0000b", "org": "x", "title": "a\\u0000", "note": "\\u0000"}', "application/json"),
    "NUL in a key": (b'{"na\\u0000me": "x"}', "application/json"),
    "not UTF-8": (b'{"name": "\xff\xfe"}', "application/json"),
    "not JSON": (b"{name: 1", "application/json"),
    "wrong content type": (b'{"name": "x"}', "text/plain"),
    "form instead of JSON": (b"name=%00x&org=y", "application/x-www-form-urlencoded"),
    "oversized": (b'{"name": "' + b"x" * (2 * 1024 * 1024) + b'"}', "application/json"),
}


@pytest.mark.parametrize("text, deep", [
    (b"[" * 33 + b"]" * 33, True), (b"[" * 32 + b"]" * 32, False), (b"[" * 50000, True),
    (b'{"a": "' + b"[" * 100 + b'"}', False), (b'{"a": "\\"' + b',"b":' + b"[" * 40 + b"]" * 40 + b"}", True),
    (b'{"a": "\\" [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ \\\\"}', False),
    (b"[" + b"[]," * 100 + b"[]]", False), (b"[" * 20 + b"]" * 20 + b"[" * 20 + b"]" * 20, False)])
def test_json_depth_is_measured_outside_strings(text, deep):
    from api.protection.inputs import json_depth_exceeds

    assert json_depth_exceeds(text, 32) is deep


def sample_path(rule, token) -> str:
    path = rule.rule
    for argument in rule.arguments:
        converter = rule._converters[argument]
        value = "1" if converter.__class__.__name__ == "IdConverter" else token
        path = path.replace(f"<int:{argument}>", value).replace(f"<{argument}>", value)
    return path


@pytest.mark.parametrize("kind", sorted(BAD_BODIES))
def test_every_route_answers_malformed_bodies_with_4xx_json(app, client, auth, kind):
    hr = auth.login()
    interview = flow.create_interview(client, hr, questions=1)
    token = flow.invite(client, hr, interview["id"])[0]["token"]
    body, content_type = BAD_BODIES[kind]
    checked = 0
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods & {"POST", "PUT", "PATCH", "DELETE"}):
            response = client.open(sample_path(rule, token), method=method, data=body,
                                   headers={**hr, "Content-Type": content_type})
            where, checked = f"{kind}: {method} {rule.rule}", checked + 1
            if kind == "wrong content type":  # a route without a body may ignore it; one with a body refuses
                assert response.status_code < 300 or 400 <= response.status_code < 500, (where, response.status_code)
                if response.status_code < 300:
                    continue
            else:
                assert 400 <= response.status_code < 500, (where, response.status_code, response.get_data(as_text=True)[:300])
            if rule.rule != "/api/wechat/push":  # WeChat's push endpoint answers WeChat in its own format
                assert response.is_json and response.json["error"] and response.json["message"], where
    assert checked >= 28


@pytest.mark.parametrize("path", ["/api/c/abc%00def", "/api/scenes/c%3DAB%00CD", "/i/abc%00defghi",
                                  "/api/jobs?x=%00", "/api/storage/object?key=a%00b&expires=1&sig=x"])
def test_nul_in_addresses_and_queries_is_a_400(client, auth, path):
    response = client.get(path, headers=auth.login())
    assert response.status_code in (400, 404), response.get_data(as_text=True)[:300]
    assert response.is_json and response.json["error"]


def test_a_signed_media_key_with_nul_is_refused_not_crashed(app, client):
    store = app.extensions["miaomian.storage"]
    for key in ("answers/a\x00b.aac", "answers/a\x01.aac", "answers/\x00"):
        url = store.media_url(key, 600).replace("http://localhost", "")
        response = client.get(url)
        assert response.status_code == 400 and response.json["error"] in ("bad_key", "invalid_characters"), response.json


def test_json_and_media_headers(app, client, auth, aac_bytes):
    hr = auth.login()
    interview = flow.create_interview(client, hr, questions=1)
    token = flow.invite(client, hr, interview["id"])[0]["token"]
    question = flow.start(client, token)["questions"][0]["id"]
    flow.answer(client, token, question, aac_bytes)
    responses = [client.get(f"/api/c/{token}"), client.get("/api/jobs", headers=hr),
                 client.get(f"/api/c/{token}/report"), client.get("/api/c/nope-nope-nope"),
                 client.get(f"/api/interviews/{interview['id']}/sessions", headers=hr)]
    for response in responses:
        assert response.is_json and response.headers["Cache-Control"] == "no-store", response.request.path
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    session_id = responses[-1].json[0]["id"]
    media = client.get(f"/api/sessions/{session_id}", headers=hr).json["questions"][0]["answer"]["media_url"]
    with client.get(media.replace("http://localhost", "")) as recording:
        assert recording.status_code == 200 and recording.headers["X-Content-Type-Options"] == "nosniff"
        assert recording.mimetype.startswith("audio/")
        etag = recording.headers["ETag"]
    with client.get(media.replace("http://localhost", ""), headers={"If-None-Match": etag}) as again:
        assert again.status_code == 304 and again.headers["X-Content-Type-Options"] == "nosniff"
    code = client.get(f"/api/interviews/{interview['id']}/qrcode", headers=hr)
    assert code.mimetype == "image/png" and code.headers["X-Content-Type-Options"] == "nosniff"


def at_once(count, call):
    """Run `call(i)` in `count` threads released together; returns their results in order."""
    barrier, results = threading.Barrier(count), [None] * count

    def run(index):
        barrier.wait()
        results[index] = call(index)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def audit_count(app, action):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.scalar(sa.select(sa.func.count()).select_from(audit_log).where(audit_log.c.action == action))


@pytest.fixture
def candidate(live_server, aac_bytes):
    """A started candidate on the live server with one answered question and one unanswered."""
    client = live_server.app.test_client()
    hr = AuthActions(client).login()
    interview = flow.create_interview(client, hr, questions=2)
    token = flow.invite(client, hr, interview["id"])[0]["token"]
    return {"client": client, "hr": hr, "interview": interview, "token": token, "url": live_server.url}


def test_concurrent_starts_give_one_consent(live_server, candidate):
    client, token, url = candidate["client"], candidate["token"], candidate["url"]
    privacy = client.get(f"/api/c/{token}").json["privacy_version"]
    codes = at_once(5, lambda _: requests.post(f"{url}/api/c/{token}/start", timeout=60,
                                               json={"consent": True, "privacy_version": privacy}).status_code)
    assert sorted(codes) == [200, 409, 409, 409, 409], codes
    assert audit_count(live_server.app, "candidate.consented") == 1


def test_concurrent_submits_give_one_submission_and_one_audit_row(live_server, candidate, aac_bytes):
    client, token, url = candidate["client"], candidate["token"], candidate["url"]
    for question in flow.start(client, token)["questions"]:
        flow.answer(client, token, question["id"], aac_bytes)
    responses = at_once(5, lambda _: requests.post(f"{url}/api/c/{token}/submit", timeout=60))
    codes = sorted(response.status_code for response in responses)
    assert codes == [200, 409, 409, 409, 409], codes
    assert all(response.json()["error"] == "already_submitted" for response in responses if response.status_code == 409)
    assert audit_count(live_server.app, "candidate.submitted") == 1


def test_concurrent_ticket_requests_never_500(live_server, candidate):
    client, token, url = candidate["client"], candidate["token"], candidate["url"]
    question = flow.start(client, token)["questions"][0]["id"]
    assert client.post(f"/api/c/{token}/answers/{question}/think").status_code == 200
    responses = at_once(6, lambda _: requests.post(f"{url}/api/c/{token}/answers/{question}/upload", timeout=60,
                                                   json={"content_type": "audio/aac"}))
    assert {response.status_code for response in responses} <= {200, 409}, [r.text for r in responses]
    assert any(response.status_code == 200 for response in responses)
    for response in responses:
        if response.status_code == 409:
            assert response.json()["error"] == "conflict" and response.json()["message"]
    with live_server.app.extensions["miaomian.engine"].connect() as connection:
        rows = connection.execute(sa.select(answers.c.attempt).where(answers.c.question_id == question)).all()
    assert [row.attempt for row in rows] == [1]


def test_concurrent_decisions_and_erasures(live_server, candidate, aac_bytes):
    client, token, url, hr = candidate["client"], candidate["token"], candidate["url"], candidate["hr"]
    for question in flow.start(client, token)["questions"]:
        flow.answer(client, token, question["id"], aac_bytes)
    assert client.post(f"/api/c/{token}/submit").status_code == 200
    session_id = client.get(f"/api/interviews/{candidate['interview']['id']}/sessions", headers=hr).json[0]["id"]
    decisions = ["advance", "reject", "hold", "advance", "reject"]
    answers = at_once(5, lambda index: requests.post(f"{url}/api/sessions/{session_id}/decision", timeout=60,
                                                     headers=hr, json={"decision": decisions[index]}))
    codes = [response.status_code for response in answers]
    assert set(codes) <= {200, 409} and 200 in codes, codes
    decided = sum(audit_count(live_server.app, f"session.{name}") for name in ("advance", "reject", "hold"))
    # A 200 that found the same decision already saved (another request won) records no new decision.
    assert decided == sum(1 for response in answers if response.status_code == 200
                          and not response.json().get("unchanged"))
    erasures = at_once(5, lambda _: requests.delete(f"{url}/api/c/{token}", timeout=60))
    codes = sorted(response.status_code for response in erasures)
    assert codes == [200, 410, 410, 410, 410], [r.text for r in erasures]
    assert audit_count(live_server.app, "candidate.erased") == 1


def test_database_refusals_that_validation_missed_are_4xx(database_url, tmp_path):
    """A route that writes what validation let through: a duplicate of a unique value is 409 `conflict`;
    on MySQL a value too long for its column is 422 `invalid` (SQLite stores any length)."""
    from api.db import get_db
    from api.schema import jobs, organisations, users
    from api.timeutil import utcnow
    from tests.conftest import make_app

    app = make_app(database_url, tmp_path)

    @app.post("/test-only/write/<kind>")
    def write(kind):
        db = get_db()
        org_id = db.scalar(sa.select(organisations.c.id).order_by(organisations.c.id))
        if kind == "duplicate":  # users.openid is unique: two WeChat sign-ins racing for one new user
            for _ in range(2):
                db.execute(users.insert().values(display_name="微信用户", openid="oSameOpenId", created_at=utcnow()))
        db.execute(jobs.insert().values(org_id=org_id, title="长" * (1000 if kind == "too_long" else 10),
                                        created_at=utcnow()))
        return {"ok": True}

    client = app.test_client()
    AuthActions(client).login()
    conflict = client.post("/test-only/write/duplicate")
    assert conflict.status_code == 409 and conflict.json["error"] == "conflict", conflict.json
    too_long = client.post("/test-only/write/too_long")
    if app.extensions["miaomian.engine"].dialect.name == "mysql":
        assert too_long.status_code == 422 and too_long.json["error"] == "invalid", too_long.json
        assert "太长" in too_long.json["message"]
    else:
        assert too_long.status_code == 200
    app.extensions["miaomian.engine"].dispose()


def test_racing_uploads_confirmations_and_stops_of_one_take_lose_nothing(live_server, aac_bytes):
    """The browser's automatic retry can send a take's file twice while its stop and its confirmation are on the
    way (CI once logged a 503 on POST /api/storage/upload beside a stop: the acknowledgement locked the answer
    row before the session row, the reverse of every candidate request, and MariaDB broke the deadlock by
    failing it). Whatever the interleaving: no 5xx, the recording stays in the store, the take is confirmed,
    and exactly one storage event announces it."""
    from api.schema import storage_events
    client = live_server.app.test_client()
    hr = AuthActions(client).login()
    interview = flow.create_interview(client, hr, questions=6)
    token = flow.invite(client, hr, interview["id"])[0]["token"]
    url, store = live_server.url, live_server.app.extensions["miaomian.storage"]
    for question in flow.start(client, token)["questions"]:
        qid = question["id"]
        assert client.post(f"/api/c/{token}/answers/{qid}/think").status_code == 200
        assert client.post(f"/api/c/{token}/answers/{qid}/attempts", json={}).status_code == 201
        ticket = client.post(f"/api/c/{token}/answers/{qid}/upload", json={"content_type": "audio/aac"}).json
        target = ticket["url"] if ticket["url"].startswith("http") else url + ticket["url"]

        def call(index):
            if index < 3:
                return "upload", requests.post(target, data=ticket["fields"], timeout=60,
                                               files={"file": ("answer.aac", aac_bytes, "audio/aac")})
            if index < 5:
                time.sleep(0.005 * index)
                return "confirm", requests.post(f"{url}/api/c/{token}/answers/{qid}/uploaded", timeout=60,
                                                json={"key": ticket["key"]})
            return "stop", requests.post(f"{url}/api/c/{token}/answers/{qid}/attempts/1/stopped", timeout=60,
                                         json={"duration_ms": 4000})

        results = at_once(6, call)
        allowed = {"upload": {(200, None), (409, "already_uploaded")},
                   "confirm": {(200, None), (409, "already_confirmed"), (409, "upload_missing")},
                   "stop": {(200, None), (409, "attempt_already_uploaded")}}
        for kind, response in results:
            outcome = (response.status_code, None if response.ok else response.json().get("error"))
            assert outcome in allowed[kind], (kind, response.status_code, response.text)
        assert any(kind == "upload" and response.ok for kind, response in results)
        confirmed = requests.post(f"{url}/api/c/{token}/answers/{qid}/uploaded", json={"key": ticket["key"]},
                                  timeout=60)
        assert confirmed.ok or confirmed.json()["error"] == "already_confirmed", confirmed.text
        assert store.exists(ticket["key"]), "the recording stays in the store"
        with live_server.app.extensions["miaomian.engine"].connect() as connection:
            announced = connection.scalar(sa.select(sa.func.count()).select_from(storage_events)
                                          .where(storage_events.c.object_key == ticket["key"]))
            stored = connection.execute(sa.select(answers.c.uploaded_at, answers.c.status)
                                        .where(answers.c.object_key == ticket["key"])).one()
        assert announced == 1 and stored.uploaded_at is not None and stored.status != "awaiting_upload", stored
