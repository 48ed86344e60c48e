"""JS-SDK signing for the web share page's wx-open-launch-weapp: the documented signature, the 服务号's
jsapi_ticket fetched once and cached with its expiry, refreshed when it expires or the access token is
refused, and every failure a clear 404/422/503 that leaves the long-press mini-program code (never a 500).
Against the fake WeChat API over real HTTP, on SQLite and MariaDB."""
import hashlib
from datetime import timedelta

import pytest
import sqlalchemy as sa

from api import wechat
from api.schema import wechat_kv
from api.timeutil import utcnow
from api.wechat import jssdk
from tests.conftest import make_app

USERNAME = "gh_0123456789ab"
# The worked examples of the JS-SDK docs (附录1-JS-SDK使用权限签名算法): ticket, noncestr, timestamp, url → signature.
DOC_TICKET = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg"
DOC_EXAMPLES = [("http://mp.weixin.qq.com", "f4d90daf4b3bca3078ab155816175ba34c443a7b"),
                ("http://mp.weixin.qq.com?params=value", "0f9de62fce790f9a083d5c99e95740ceb90c27ed")]


@pytest.fixture
def oa_app(database_url, tmp_path, fake_wechat):
    oa_appid = fake_wechat.add_official_account()
    app = make_app(database_url, tmp_path, WECHAT_APPID=fake_wechat.appid, WECHAT_SECRET=fake_wechat.secret,
                   WECHAT_API_BASE=fake_wechat.url, WECHAT_TIMEOUT=1, WECHAT_USERNAME=USERNAME,
                   WECHAT_OA_APPID=oa_appid, WECHAT_OA_SECRET=fake_wechat.apps[oa_appid])
    yield app
    wechat._clients.clear()
    app.extensions["miaomian.engine"].dispose()


def documented_signature(ticket, noncestr, timestamp, url):
    """The algorithm as the docs spell it, written out independently of wechatpy."""
    string1 = f"jsapi_ticket={ticket}&noncestr={noncestr}&timestamp={timestamp}&url={url}"
    return hashlib.sha1(string1.encode()).hexdigest()


@pytest.mark.parametrize("url,signature", DOC_EXAMPLES)
def test_the_signature_is_the_documented_one(oa_app, url, signature):
    """wechatpy's signer through our client, with the docs' ticket in the shared store (as if fetched)."""
    client = jssdk.oa_client_for(oa_app.config, oa_app.extensions["miaomian.engine"])
    client.session.set(client.jsapi.ticket_key, DOC_TICKET, 600)
    signed = jssdk.sign(client.jsapi, url, noncestr="Wm3WZYTPz0wzccnW", timestamp=1414587457)
    assert signed == {"appId": oa_app.config["WECHAT_OA_APPID"], "timestamp": 1414587457,
                      "nonceStr": "Wm3WZYTPz0wzccnW", "signature": signature}
    assert documented_signature(DOC_TICKET, "Wm3WZYTPz0wzccnW", 1414587457, url) == signature
    # The part after '#' is never signed (the docs: the page's URL without '#' and what follows).
    assert jssdk.sign(client.jsapi, url + "#/answer", "Wm3WZYTPz0wzccnW", 1414587457)["signature"] == signature


def test_the_share_page_gets_a_signed_config_with_the_open_tag(oa_app, fake_wechat):
    client = oa_app.test_client()
    url = "http://localhost/s/AbC123?from=singlemessage&isappinstalled=0"
    body = client.get("/api/wechat/jssdk", query_string={"url": url + "#top"}).json
    assert body["openTagList"] == ["wx-open-launch-weapp"] and body["username"] == USERNAME
    assert body["appId"] == oa_app.config["WECHAT_OA_APPID"] and body["jsApiList"]
    ticket = fake_wechat.tickets[body["appId"]]
    assert body["signature"] == documented_signature(ticket, body["nonceStr"], body["timestamp"], url)
    again = client.get("/api/wechat/jssdk", query_string={"url": url}).json
    assert again["nonceStr"] != body["nonceStr"] and fake_wechat.ticket_fetches == 1  # cached, not fetched again
    assert client.get("/api/wechat/config").json["launch_weapp"]["username"] == USERNAME
    # The 服务号 has its own access token: the mini-program's token is untouched by it.
    mini = wechat.client_for(oa_app.config, oa_app.extensions["miaomian.engine"])
    assert mini.access_token in fake_wechat.valid_tokens
    assert fake_wechat.token_app[mini.access_token] == fake_wechat.appid
    page = client.get("/s/AbC123")
    assert 'data-jssdk="https://res.wx.qq.com/open/js/jweixin-1.6.0.js"' in page.get_data(as_text=True)
    assert "script-src 'self' https://res.wx.qq.com;" in page.headers["Content-Security-Policy"]


def test_the_ticket_is_cached_with_its_expiry_and_refreshed_when_it_expires(oa_app, fake_wechat):
    client = oa_app.test_client()
    url = "http://localhost/s/AbC123"
    first = client.get("/api/wechat/jssdk", query_string={"url": url}).json
    engine = oa_app.extensions["miaomian.engine"]
    key = f"{first['appId']}_jsapi_ticket"
    with engine.connect() as connection:
        expires_at = connection.scalar(sa.select(wechat_kv.c.expires_at).where(wechat_kv.c.key == key))
    left = (expires_at - utcnow()).total_seconds()
    assert 7200 - jssdk.REFRESH_MARGIN - 30 < left <= 7200 - jssdk.REFRESH_MARGIN  # refreshed before WeChat's expiry
    old_ticket = fake_wechat.tickets[first["appId"]]
    # Two hours later: WeChat has expired the ticket and our store has let it go.
    fake_wechat.expire_tickets()
    with engine.begin() as connection:
        connection.execute(wechat_kv.update().where(wechat_kv.c.key == key).values(
            expires_at=utcnow() - timedelta(seconds=1)))
    second = client.get("/api/wechat/jssdk", query_string={"url": url}).json
    new_ticket = fake_wechat.tickets[second["appId"]]
    assert new_ticket != old_ticket and fake_wechat.ticket_fetches == 2
    assert second["signature"] == documented_signature(new_ticket, second["nonceStr"], second["timestamp"], url)


@pytest.mark.parametrize("refusal", ["invalid", "expired"])
def test_a_refused_access_token_is_refreshed_once_for_the_ticket(oa_app, fake_wechat, refusal):
    client = oa_app.test_client()
    oa = jssdk.oa_client_for(oa_app.config, oa_app.extensions["miaomian.engine"])
    oa.access_token
    if refusal == "expired":
        fake_wechat.expire_tokens()     # 42001 access_token expired
    else:
        fake_wechat.valid_tokens.clear()  # 40001 invalid credential
    response = client.get("/api/wechat/jssdk", query_string={"url": "http://localhost/s/AbC123"})
    assert response.status_code == 200, response.json
    assert fake_wechat.ticket_fetches == 1 and fake_wechat.tickets[response.json["appId"]]


@pytest.mark.parametrize("failure", [{"errcode": 45009, "errmsg": "reach max api daily quota limit"},
                                     {"errcode": 40164, "errmsg": "invalid ip 1.2.3.4, not in whitelist"},
                                     {"http": 502}, {"delay": 2}])
def test_no_ticket_is_a_503_the_page_survives_and_the_next_call_recovers(oa_app, fake_wechat, failure):
    client = oa_app.test_client()
    fake_wechat.fail_next("getticket", **failure)
    response = client.get("/api/wechat/jssdk", query_string={"url": "http://localhost/s/AbC123"})
    assert response.status_code == 503 and response.json["error"] == "wechat_unavailable"
    assert "微信" in response.json["message"]
    assert client.get("/s/AbC123").status_code == 200  # the page itself never depends on the ticket
    assert client.get("/api/wechat/jssdk", query_string={"url": "http://localhost/s/AbC123"}).status_code == 200


def test_a_mini_program_appid_as_the_official_account_is_a_503_not_a_500(database_url, tmp_path, fake_wechat):
    """WeChat answers 48001 (api unauthorized) when the AppID given as the 服务号 cannot have a jsapi ticket."""
    app = make_app(database_url, tmp_path, WECHAT_APPID=fake_wechat.appid, WECHAT_SECRET=fake_wechat.secret,
                   WECHAT_API_BASE=fake_wechat.url, WECHAT_TIMEOUT=1, WECHAT_USERNAME=USERNAME,
                   WECHAT_OA_APPID=fake_wechat.appid, WECHAT_OA_SECRET=fake_wechat.secret)
    try:
        response = app.test_client().get("/api/wechat/jssdk", query_string={"url": "http://localhost/s/AbC123"})
        assert response.status_code == 503 and response.json["error"] == "wechat_unavailable"
    finally:
        wechat._clients.clear()
        app.extensions["miaomian.engine"].dispose()


def test_without_an_official_account_the_page_keeps_the_code(wx_app, fake_wechat):
    client = wx_app.test_client()
    response = client.get("/api/wechat/jssdk", query_string={"url": "http://localhost/s/AbC123"})
    assert response.status_code == 404 and response.json["error"] == "jssdk_not_configured"
    assert "小程序码" in response.json["message"]
    assert client.get("/api/wechat/config").json["launch_weapp"] is None
    page = client.get("/s/AbC123")
    assert "data-jssdk" not in page.get_data(as_text=True)
    assert "script-src 'self';" in page.headers["Content-Security-Policy"]
    assert fake_wechat.calls == []  # nothing asked of WeChat


@pytest.mark.parametrize("url", ["https://evil.example/s/AbC123", "http://localhost/api/c/token",
                                 "javascript:alert(1)", "not a url"])
def test_only_our_share_pages_are_signed(oa_app, fake_wechat, url):
    response = oa_app.test_client().get("/api/wechat/jssdk", query_string={"url": url})
    assert response.status_code == 422 and response.json["message"]
    assert fake_wechat.ticket_fetches == 0
