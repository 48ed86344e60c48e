"""Rate limits (issue 9, item 5) on both database backends, counted in the shared Redis under a key prefix of
this test's own: every token-addressed or anonymous route is limited; a day of real use — polling every
2 s for 30 minutes, retried uploads, a 50 MB chunked upload, a recruiting fair behind one Wi-Fi — never
meets a limit; abuse gets 429 JSON in Chinese with Retry-After. Referral enrolment needs a share code."""
import os
import secrets
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from api.protection import ratelimit
from api.schema import sessions
from tests.api import flow
from tests.conftest import AuthActions, make_app

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_limits():
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("Redis is not running at 127.0.0.1:6379, and CI=true requires it")
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    prefix = f"miaomian-test-{secrets.token_hex(6)}"
    yield {"RATELIMIT_STORAGE_URI": REDIS_URL, "RATELIMIT_KEY_PREFIX": prefix}
    for key in connection.scan_iter(f"*{prefix}*"):
        connection.delete(key)
    connection.close()


@pytest.fixture
def limited(database_url, tmp_path, redis_limits):
    app = make_app(database_url, tmp_path, **redis_limits)
    yield app
    app.extensions["miaomian.engine"].dispose()


class Clock:
    """The limiter's clock (limits' Redis storage stamps each hit with time.time() of the client)."""

    def __init__(self, monkeypatch):
        import time

        self.now = time.time()
        monkeypatch.setattr("limits.storage.redis.time", SimpleNamespace(time=lambda: self.now))

    def advance(self, seconds):
        self.now += seconds


def not_limited(response):
    assert response.status_code != 429, (response.request.path, response.json)
    return response


def sample_path(rule) -> str:
    path = rule.rule
    for argument in rule.arguments:
        converter = rule._converters[argument]
        path = path.replace(f"<{converter.__class__.__name__ == 'IdConverter' and 'int:' or ''}{argument}>",
                            "1" if converter.__class__.__name__ == "IdConverter" else "AbCdEfGh12345678")
    return path


def test_every_token_addressed_or_anonymous_route_is_limited(app):
    limited_kinds = []
    for rule in app.url_map.iter_rules():
        addressed = set(rule.arguments) & {"token", "scene", "upload_id"}
        public = rule.rule.startswith("/api/storage/") or rule.endpoint in (
            ratelimit.JOIN_ENDPOINTS | ratelimit.BIND_ENDPOINTS | ratelimit.LOGIN_ENDPOINTS)
        if rule.endpoint.endswith("static") or not (addressed or public):
            continue
        method = sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
        with app.test_request_context(sample_path(rule), method=method):
            kind = ratelimit.request_class()
        assert kind in ratelimit.LIMITS, (rule.rule, kind)
        limited_kinds.append((rule.rule, kind))
    rules = dict(limited_kinds)
    assert rules["/api/c/<token>"] == "token" and rules["/i/<token>"] == "token"
    assert rules["/api/c/<token>/phone"] == "token"
    assert rules["/api/scenes/<scene>/join"] == "join" and rules["/api/referrals"] == "join"
    assert rules["/s/<scene>"] == "scene" and rules["/api/storage/object"] == "storage"
    assert rules["/api/auth/wechat"] == "login" and rules["/api/auth/dev"] == "login"


def test_real_use_never_meets_a_limit(limited, monkeypatch, aac_bytes):
    clock = Clock(monkeypatch)
    client = limited.test_client()
    hr = AuthActions(client).login()
    interview = flow.create_interview(client, hr, questions=3)
    scene = client.get(f"/api/interviews/{interview['id']}/qrcode", headers=hr).headers["X-Miaomian-Scene"]

    # A recruiting fair: 50 people behind one Wi-Fi open the share page and join over 10 minutes.
    fair = []
    for number in range(50):
        not_limited(client.get(f"/s/{scene.split('=')[1]}"))
        not_limited(client.get(f"/api/scenes/{scene}"))
        joined = not_limited(fresh_browser(client).post(f"/api/scenes/{scene}/join", json={"name": f"候选人{number}"}))
        assert joined.status_code == 201, joined.json
        fair.append(joined.json["token"])
        clock.advance(12)
    # ... and all of them have the interview open at once, each page reloading its view every 2.5 s.
    for _ in range(28):
        for token in fair:
            not_limited(client.get(f"/api/c/{token}/report"))
        clock.advance(2.5)

    # One candidate's whole interview, with the retries a bad mobile connection causes.
    token = fair[0]
    not_limited(client.get(f"/i/{token}"))
    view = flow.start(client, token)
    first, second, third = (question["id"] for question in view["questions"])
    # Question 1: the upload succeeded but the answer was lost, so the browser sent it twice more.
    ticket = not_limited(flow.request_upload(client, token, first)).json
    for _ in range(3):
        not_limited(flow.send_file(client, ticket, aac_bytes))
    not_limited(client.post(f"/api/c/{token}/answers/{first}/uploaded", json={"key": ticket["key"]}))
    # Question 2: three network errors before the upload, each asking for a fresh ticket.
    for _ in range(3):
        ticket = not_limited(flow.request_upload(client, token, second)).json
        clock.advance(5)
    assert not_limited(flow.send_file(client, ticket, aac_bytes)).status_code == 200
    not_limited(client.post(f"/api/c/{token}/answers/{second}/uploaded", json={"key": ticket["key"]}))
    # Question 3: the largest recording (50 MB) in 1 MB parts, every fifth part sent twice.
    size, chunk = limited.config["UPLOAD_MAX_BYTES"], 1024 * 1024
    data = aac_bytes + bytes(size - len(aac_bytes))
    not_limited(client.post(f"/api/c/{token}/answers/{third}/think"))
    ticket = not_limited(client.post(f"/api/c/{token}/answers/{third}/upload",
                                     json={"content_type": "audio/aac", "chunked": True, "size": size,
                                           "chunk_size": chunk})).json
    receipts = []
    for part in ticket["parts"]:
        body = data[part["offset"]:part["offset"] + part["length"]]
        for _ in range(2 if part["index"] % 5 == 0 else 1):
            sent = not_limited(client.put(part["url"], data=body, headers=part["headers"]))
        assert sent.status_code == 200, sent.json
        receipts.append({"index": part["index"], "etag": sent.json["etag"]})
    done = not_limited(client.post(f"/api/c/{token}/answers/{third}/uploaded",
                                   json={"key": ticket["key"], "upload_id": ticket["upload_id"], "parts": receipts}))
    assert done.status_code == 200, done.json
    assert not_limited(client.post(f"/api/c/{token}/submit")).status_code == 200
    # Waiting for the report: polling every 2 s for 30 minutes, the view every 10 s.
    for tick in range(900):
        not_limited(client.get(f"/api/c/{token}/report"))
        if tick % 5 == 0:
            not_limited(client.get(f"/api/c/{token}"))
        clock.advance(2)
    # HR listens to the answers, seeking through each recording.
    listed = client.get(f"/api/interviews/{interview['id']}/sessions", headers=hr).json
    session_id = next(item["id"] for item in listed if item["status"] != "opened" and item["progress"]["answered"])
    media = client.get(f"/api/sessions/{session_id}", headers=hr).json["questions"][0]["answer"]["media_url"]
    for offset in range(40):
        with client.get(media, headers={"Range": f"bytes={offset * 100}-"}) as response:
            assert not_limited(response).status_code == 206


def refused(response):
    assert response.status_code == 429, (response.status_code, response.json)
    assert response.json["error"] == "rate_limited"
    assert "请求太频繁" in response.json["message"]
    seconds = int(response.headers["Retry-After"])
    assert 1 <= seconds <= 3600 and f"{seconds} 秒" in response.json["message"]
    return seconds


def test_abuse_is_refused_with_429_in_chinese_and_retry_after(limited):
    client = limited.test_client()
    hr = AuthActions(client).login()
    interview = flow.create_interview(client, hr, questions=1)
    scene = client.get(f"/api/interviews/{interview['id']}/qrcode", headers=hr).headers["X-Miaomian-Scene"]

    # Creating sessions by script: 20 a minute from one address, then refused; nothing more is created.
    statuses = [fresh_browser(client).post(f"/api/scenes/{scene}/join", json={"name": f"机器人{n}"}).status_code for n in range(20)]
    assert statuses == [201] * 20
    refused(fresh_browser(client).post(f"/api/scenes/{scene}/join", json={"name": "机器人"}))
    with limited.app_context():
        from api.db import get_db
        assert get_db().scalar(sa.select(sa.func.count()).select_from(sessions)
                               .where(sessions.c.interview_id == interview["id"])) == 20
    # Another address is not affected.
    other = fresh_browser(client).post(f"/api/scenes/{scene}/join", json={"name": "真人"}, environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert other.status_code == 201

    # Hammering one invitation: 120 a minute, then refused; another invitation from the same address is fine.
    token, spare = flow.invite(client, hr, interview["id"], names=("张三", "李四"))
    for _ in range(120):
        assert client.get(f"/api/c/{token['token']}").status_code == 200
    refused(client.get(f"/api/c/{token['token']}"))
    refused(client.get(f"/i/{token['token']}"))  # the page and the API share the token's budget
    assert client.get(f"/api/c/{spare['token']}").status_code == 200

    # Signing in by script (each WeChat sign-in spends code2session quota): 120 a minute from one address.
    logins = [client.post("/api/auth/dev", json={"name": "脚本", "org": "脚本公司"},
                          environ_base={"REMOTE_ADDR": "10.7.7.7"}).status_code for _ in range(121)]
    assert logins[:120] == [200] * 120
    refused(client.post("/api/auth/dev", json={"name": "脚本", "org": "脚本公司"}, environ_base={"REMOTE_ADDR": "10.7.7.7"}))

    # Guessing share codes: 300 a minute from one address.
    guesses = [client.get(f"/api/scenes/c={secrets.token_hex(4).upper()}", environ_base={"REMOTE_ADDR": "10.9.9.9"})
               for _ in range(301)]
    assert {response.status_code for response in guesses[:300]} == {404}
    refused(guesses[300])


def test_rate_limit_storage_outage_does_not_refuse_candidates(database_url, tmp_path):
    app = make_app(database_url, tmp_path, RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0")
    client = app.test_client()
    hr = AuthActions(client).login()
    interview = flow.create_interview(client, hr, questions=1)
    token = flow.invite(client, hr, interview["id"])[0]["token"]
    assert client.get(f"/api/c/{token}").status_code == 200
    app.extensions["miaomian.engine"].dispose()


def test_referral_enrolment_needs_the_share_code(client, auth):
    hr = auth.login()
    interview = flow.create_interview(client, hr, questions=1)
    other_org = auth.login(name="李经理", org="别家公司")
    secret_interview = flow.create_interview(client, other_org, questions=1, title="未公开的岗位")
    stranger = auth.login(name="路人", org="路人公司")
    for body in ({"interview_id": interview["id"]}, {"interview_id": secret_interview["id"]}, {}):
        response = client.post("/api/referrals", json=body, headers=stranger)
        assert response.status_code == 422 and response.json["error"] == "share_code_required", response.json
        assert "别家公司" not in response.get_data(as_text=True) and "未公开" not in response.get_data(as_text=True)
    guessed = client.post("/api/referrals", json={"scene": "c=AAAAAAAA"}, headers=stranger)
    assert guessed.status_code == 404
    scene = client.get(f"/api/interviews/{interview['id']}/qrcode", headers=hr).headers["X-Miaomian-Scene"]
    became = client.post("/api/referrals", json={"scene": scene}, headers=stranger)
    assert became.status_code == 201 and became.json["interview_id"] == interview["id"]
    referrer_card = client.post("/api/referrals", json={"scene": became.json["scene"]}, headers=auth.login(name="朋友", org="朋友公司"))
    assert referrer_card.status_code == 201 and referrer_card.json["interview_id"] == interview["id"]


def test_retry_after_tells_the_truth(limited, monkeypatch):
    """Waiting Retry-After seconds is enough, and waiting less is not."""
    clock = Clock(monkeypatch)
    monkeypatch.setattr("api.protection.ratelimit.time", SimpleNamespace(time=lambda: clock.now))
    client = limited.test_client()
    hr = AuthActions(client).login()
    interview = flow.create_interview(client, hr, questions=1)
    scene = client.get(f"/api/interviews/{interview['id']}/qrcode", headers=hr).headers["X-Miaomian-Scene"]
    for number in range(20):
        assert fresh_browser(client).post(f"/api/scenes/{scene}/join", json={"name": f"候选人{number}"}).status_code == 201
        clock.advance(1)
    seconds = refused(fresh_browser(client).post(f"/api/scenes/{scene}/join", json={"name": "等一下"}))
    assert 40 <= seconds <= 61
    clock.advance(seconds - 2)
    assert refused(fresh_browser(client).post(f"/api/scenes/{scene}/join", json={"name": "等一下"})) <= 2
    clock.advance(2)
    assert fresh_browser(client).post(f"/api/scenes/{scene}/join", json={"name": "等一下"}).status_code == 201


def fresh_browser(client):
    """A different person's browser: no browser id (cookie mm_bid) issued to the previous joiner."""
    client.delete_cookie("mm_bid")
    return client
