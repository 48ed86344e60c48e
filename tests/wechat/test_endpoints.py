"""Sign-in, team invites, phone verification, mini-program codes, referrals and message push, over the fake."""
import hashlib

import pytest

from tests.api import flow
from tests.wechat.conftest import TEMPLATES, drain, wechat_login


def owner_headers(client):
    token = client.post("/api/auth/dev", json={"name": "老板", "org": "好味餐饮"}).json["token"]
    return {"Authorization": f"Bearer {token}"}


def test_wechat_login_creates_user_once_and_keeps_session_key_private(wx, fake_wechat):
    first, _ = wechat_login(wx, fake_wechat, openid="oSame", name="小李")
    again, headers = wechat_login(wx, fake_wechat, openid="oSame")
    assert first["user_id"] == again["user_id"] and first["org_id"] is None
    assert "session_key" not in str(first)
    assert wx.get("/api/jobs", headers=headers).status_code == 403  # no organisation yet


def test_unionid_identifies_the_user(wx, fake_wechat):
    first, _ = wechat_login(wx, fake_wechat, openid="oA", unionid="uSame")
    second, _ = wechat_login(wx, fake_wechat, openid="oB", unionid="uSame")
    assert first["user_id"] == second["user_id"]


@pytest.mark.parametrize("errcode, status, error", [(40029, 401, "invalid_code"), (45011, 429, "rate_limited"),
                                                     (-1, 503, "wechat_busy"), (40226, 403, "wechat_user_blocked")])
def test_login_errors(wx, fake_wechat, errcode, status, error):
    fake_wechat.fail_next("jscode2session", errcode=errcode)
    response = wx.post("/api/auth/wechat", json={"code": "anything"})
    assert (response.status_code, response.json["error"]) == (status, error)


def test_login_with_unknown_or_reused_code(wx, fake_wechat):
    assert wx.post("/api/auth/wechat", json={"code": "nope"}).status_code == 401
    code = fake_wechat.login_code()
    assert wx.post("/api/auth/wechat", json={"code": code}).status_code == 200
    assert wx.post("/api/auth/wechat", json={"code": code}).json["error"] == "invalid_code"


def test_login_when_wechat_is_down_or_unconfigured(wx, wx_app, fake_wechat, client):
    fake_wechat.fail_next("jscode2session", delay=2)
    assert wx.post("/api/auth/wechat", json={"code": "x"}).json["error"] == "wechat_unavailable"
    assert client.post("/api/auth/wechat", json={"code": "x"}).json["error"] == "wechat_not_configured"
    assert wx.post("/api/auth/wechat", json={}).status_code == 422


def test_token_rotation_revokes_the_old_token(wx, fake_wechat):
    _, headers = wechat_login(wx, fake_wechat)
    rotated = wx.post("/api/auth/refresh", headers=headers)
    assert rotated.status_code == 200
    assert wx.post("/api/auth/refresh", headers=headers).status_code == 401
    assert wx.post("/api/auth/refresh", headers={"Authorization": f"Bearer {rotated.json['token']}"}).status_code == 200


def test_team_invite_lifecycle(wx, fake_wechat):
    owner = owner_headers(wx)
    invite = wx.post("/api/team-invites", json={"role": "hr", "max_uses": 1}, headers=owner).json
    _, hr = wechat_login(wx, fake_wechat, name="小王")
    joined = wx.post(f"/api/team-invites/{invite['code']}/join", headers=hr)
    assert joined.status_code == 200 and joined.json["role"] == "hr" and joined.json["org_id"]
    hr_org = {"Authorization": f"Bearer {joined.json['token']}"}
    assert wx.get("/api/jobs", headers=hr_org).status_code == 200
    assert wx.post("/api/team-invites", json={}, headers=hr_org).json["error"] == "owner_only"
    _, other = wechat_login(wx, fake_wechat)
    assert wx.post(f"/api/team-invites/{invite['code']}/join", headers=other).json["error"] == "team_invite_used_up"
    assert wx.post("/api/team-invites/NOPE/join", headers=other).status_code == 404
    second = wx.post("/api/team-invites", json={}, headers=owner).json
    assert wx.delete(f"/api/team-invites/{second['id']}", headers=owner).status_code == 200
    assert wx.post(f"/api/team-invites/{second['code']}/join", headers=other).json["error"] == "team_invite_revoked"
    assert len(wx.get("/api/team-invites", headers=owner).json) == 2


def test_phone_verification_stores_encrypted_and_answers_masked(wx, wx_app, fake_wechat):
    owner = owner_headers(wx)
    interview = flow.create_interview(wx, owner, questions=1, require_phone=True)
    token = wx.post(f"/api/interviews/{interview['id']}/invitations",
                    json={"candidates": [{"name": "李四"}]}, headers=owner).json[0]["token"]
    response = wx.post(f"/api/c/{token}/phone", json={"code": fake_wechat.phone_code("13912345678")})
    assert response.status_code == 200 and response.json["phone"] == "139****5678"
    from api.schema import phone_verifications
    with wx_app.extensions["miaomian.engine"].connect() as connection:
        stored = connection.execute(phone_verifications.select()).first()
    assert "13912345678" not in stored.phone_enc and stored.phone_last4 == "5678"
    session = wx.get(f"/api/interviews/{interview['id']}/sessions", headers=owner).json[0]
    assert session["phone"] == "139****5678"
    assert wx.post(f"/api/c/{token}/phone", json={"code": "used-or-wrong"}).json["error"] == "invalid_code"
    assert wx.post("/api/c/unknown-token-xyz/phone", json={"code": "x"}).status_code == 404


def test_mini_program_code_with_referrer(wx, wx_app, fake_wechat):
    owner = owner_headers(wx)
    interview = flow.create_interview(wx, owner, questions=1)
    referrer = wx.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工"}, headers=owner).json
    response = wx.get(f"/api/interviews/{interview['id']}/qrcode?referrer={referrer['code']}", headers=owner)
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert response.data[:8] == b"\x89PNG\r\n\x1a\n"
    scene = response.headers["X-Miaomian-Scene"]
    assert len(scene) <= 32 and fake_wechat.qrcodes[0]["scene"] == scene
    again = wx.get(f"/api/interviews/{interview['id']}/qrcode?referrer={referrer['code']}", headers=owner)
    assert again.data == response.data and len(fake_wechat.qrcodes) == 1  # cached in storage
    resolved = wx.get(f"/api/scenes/{scene}").json
    assert resolved["interview"]["id"] == interview["id"] and resolved["referrer"]["code"] == referrer["code"]
    bad = wx.get(f"/api/interviews/{interview['id']}/qrcode?referrer=NOSUCH", headers=owner)
    assert bad.status_code == 422


@pytest.mark.parametrize("failure, status, error", [({"errcode": 45009}, 429, "wechat_rate_limited"),
                                                    ({"errcode": 41030}, 502, "wechat_page_invalid"),
                                                    ({"delay": 2}, 503, "wechat_unavailable")])
def test_mini_program_code_errors(wx, fake_wechat, failure, status, error):
    owner = owner_headers(wx)
    interview = flow.create_interview(wx, owner, questions=1)
    fake_wechat.fail_next("qrcode", **failure)
    response = wx.get(f"/api/interviews/{interview['id']}/qrcode", headers=owner)
    assert (response.status_code, response.json["error"]) == (status, error)


def test_dev_mode_qrcode_is_a_real_qr_of_the_web_link(client):
    from PIL import Image
    import io
    owner = owner_headers(client)
    interview = flow.create_interview(client, owner, questions=1)
    response = client.get(f"/api/interviews/{interview['id']}/qrcode", headers=owner)
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert Image.open(io.BytesIO(response.data)).size[0] > 100
    assert response.headers["X-Miaomian-Share-Url"].startswith("http://localhost/s/")


def test_referral_flow_credit_and_leaderboard(wx, wx_app, fake_wechat):
    owner = owner_headers(wx)
    interview = flow.create_interview(wx, owner, questions=1)
    _, referrer_headers = wechat_login(wx, fake_wechat, openid="oReferrer", name="推荐人")
    share = wx.get(f"/api/interviews/{interview['id']}/qrcode", headers=owner).headers["X-Miaomian-Scene"]
    refused = wx.post("/api/referrals", json={"interview_id": interview["id"]}, headers=referrer_headers)
    assert refused.status_code == 422 and refused.json["error"] == "share_code_required"
    became = wx.post("/api/referrals", json={"scene": share}, headers=referrer_headers)
    assert became.status_code == 201
    assert wx.post("/api/referrals", json={"scene": share}, headers=referrer_headers).status_code == 200
    code = became.json["code"]
    _, candidate_headers = wechat_login(wx, fake_wechat, openid="oReferee")
    joined = wx.post(f"/api/scenes/r={code}/join", json={"name": "赵六"}, headers=candidate_headers)
    assert joined.status_code == 201, joined.json
    rejoined = wx.post(f"/api/scenes/r={code}/join", json={}, headers=candidate_headers)
    assert rejoined.status_code == 200 and rejoined.json["session_id"] == joined.json["session_id"]
    assert wx.get(f"/api/c/{joined.json['token']}").status_code == 404  # the earlier link was re-issued
    mine = wx.get("/api/referrals/me", headers=referrer_headers).json
    referee = mine["referrals"][0]["referees"][0]
    assert referee == {"name": "赵*", "stage": "opened", "since": referee["since"]} or referee["stage"] == "invited"
    assert "overall" not in str(mine) and "score" not in str(mine)
    template = TEMPLATES["WECHAT_TEMPLATE_REFEREE_ADVANCED"]
    wx.post("/api/me/subscriptions", json={"accepted": [template]}, headers=referrer_headers)
    fake_wechat.subscribe("oReferrer", template)
    session_id = joined.json["session_id"]
    refused = wx.post(f"/api/sessions/{session_id}/decision", json={"decision": "advance"}, headers=owner)
    assert refused.status_code == 409 and refused.json["error"] == "not_submitted"  # never opened: no decision yet
    token = rejoined.json["token"]
    flow.start(wx, token)
    flow.answer(wx, token, interview["questions"][0]["id"], b"ID3" + bytes(200))
    assert wx.post(f"/api/c/{token}/submit").status_code == 200
    for _ in range(2):
        assert wx.post(f"/api/sessions/{session_id}/decision", json={"decision": "advance"}, headers=owner).status_code == 200
    drain(wx_app)
    assert [m["template_id"] for m in fake_wechat.sent] == [template]
    mine = wx.get("/api/referrals/me", headers=referrer_headers).json
    assert mine["credit"] == 1 and mine["referrals"][0]["referees"][0]["stage"] == "advanced"
    board = wx.get(f"/api/jobs/{interview['job_id']}/referrals/leaderboard", headers=owner).json
    assert board[0]["code"] == code and board[0]["credit"] == 1 and board[0]["rank"] == 1
    assert wx.get("/api/scenes/c=ZZZZZZZZ").status_code == 404


def test_bind_invitation_to_wechat_user(wx, fake_wechat):
    owner = owner_headers(wx)
    interview = flow.create_interview(wx, owner, questions=1)
    token = flow.invite(wx, owner, interview["id"])[0]["token"]
    _, first = wechat_login(wx, fake_wechat)
    _, second = wechat_login(wx, fake_wechat)
    assert wx.post("/api/me/invitations", json={"token": token}, headers=first).status_code == 200
    assert wx.post("/api/me/invitations", json={"token": token}, headers=second).json["error"] == "invitation_taken"


def _signature(token, timestamp, nonce):
    return hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()


def test_message_push_signature(wx):
    good = {"signature": _signature("push-token", "1700000000", "n0nce"), "timestamp": "1700000000",
            "nonce": "n0nce", "echostr": "hello"}
    response = wx.get("/api/wechat/push", query_string=good)
    assert response.status_code == 200 and response.data == b"hello"
    assert wx.post("/api/wechat/push", query_string=good, data="<xml></xml>").data == b"success"
    bad = dict(good, signature="0" * 40)
    assert wx.get("/api/wechat/push", query_string=bad).status_code == 403
    assert wx.post("/api/wechat/push", query_string=bad).json["error"] == "bad_signature"


def test_wechat_config_lists_template_ids(wx):
    body = wx.get("/api/wechat/config").json
    assert body["configured"] is True and body["templates"]["report_ready"] == TEMPLATES["WECHAT_TEMPLATE_REPORT_READY"]
