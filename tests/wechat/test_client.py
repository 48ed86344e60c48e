"""The wechatpy-based client against the fake WeChat API: shared token, single flight, one retry."""
import threading

import pytest
import requests
from wechatpy.exceptions import WeChatClientException

from api import wechat
from api.wechat import DatabaseStorage, MiaomianWeChatClient


def client_of(app, fake, **kwargs):
    return MiaomianWeChatClient(fake.appid, kwargs.pop("secret", fake.secret),
                                session=DatabaseStorage(app.extensions["miaomian.engine"]), api_base=fake.url,
                                timeout=kwargs.pop("timeout", 2))


def test_token_is_fetched_once_and_shared_across_clients(wx_app, fake_wechat):
    first, second = client_of(wx_app, fake_wechat), client_of(wx_app, fake_wechat)
    assert first.access_token == second.access_token
    assert fake_wechat.token_fetches == 1


def test_concurrent_refresh_is_single_flight(wx_app, fake_wechat):
    clients = [client_of(wx_app, fake_wechat) for _ in range(8)]
    tokens, barrier = [], threading.Barrier(len(clients))

    def take(client):
        barrier.wait()
        tokens.append(client.access_token)

    threads = [threading.Thread(target=take, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert fake_wechat.token_fetches == 1
    assert len(set(tokens)) == 1 and tokens[0] in fake_wechat.valid_tokens


@pytest.mark.parametrize("errcode", [42001, 40001])
def test_refused_token_is_refreshed_once_and_the_call_retried(wx_app, fake_wechat, errcode):
    client = client_of(wx_app, fake_wechat)
    client.access_token
    if errcode == 42001:
        fake_wechat.expire_tokens()
    else:
        fake_wechat.valid_tokens.clear()
    code = fake_wechat.phone_code("13700001111")
    assert client.wxa.get_user_phone_number(code)["phone_info"]["purePhoneNumber"] == "13700001111"
    assert fake_wechat.token_fetches == 2


def test_only_one_retry_when_the_new_token_is_refused_too(wx_app, fake_wechat):
    client = client_of(wx_app, fake_wechat)
    client.access_token
    fake_wechat.valid_tokens.clear()
    fake_wechat.fail_next("phone", errcode=40001, errmsg="invalid credential")
    with pytest.raises(WeChatClientException) as raised:
        client.wxa.get_user_phone_number(fake_wechat.phone_code())
    assert raised.value.errcode == 40001
    assert fake_wechat.token_fetches == 2


def test_wrong_secret_is_reported(wx_app, fake_wechat):
    with pytest.raises(WeChatClientException) as raised:
        client_of(wx_app, fake_wechat, secret="wrong").access_token
    assert raised.value.errcode == 40001


def test_code_to_session_sends_no_access_token(wx_app, fake_wechat):
    client = client_of(wx_app, fake_wechat)
    code = fake_wechat.login_code(openid="oABC", unionid="uXYZ")
    result = client.wxa.code_to_session(code)
    assert result["openid"] == "oABC" and result["unionid"] == "uXYZ" and result["session_key"]
    assert fake_wechat.token_fetches == 0
    with pytest.raises(WeChatClientException) as raised:
        client.wxa.code_to_session(code)
    assert raised.value.errcode == 40163


def test_network_error_surfaces_as_requests_exception(wx_app, fake_wechat):
    client = client_of(wx_app, fake_wechat, timeout=0.3)
    fake_wechat.fail_next("token", delay=1)
    with pytest.raises(requests.RequestException):
        client.access_token


def test_redis_token_store_when_configured(wx_app, fake_wechat):
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url("redis://127.0.0.1:6379/15")
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("redis is not running at 127.0.0.1:6379")
    connection.flushdb()
    config = dict(wx_app.config, WECHAT_TOKEN_STORE="redis://127.0.0.1:6379/15")
    engine = wx_app.extensions["miaomian.engine"]
    first = wechat.client_for(config, engine)
    wechat._clients.clear()
    second = wechat.client_for(config, engine)
    assert first is not second and first.access_token == second.access_token
    assert fake_wechat.token_fetches == 1
    connection.flushdb()


def test_concurrent_first_writes_of_one_key_are_kept(wx_app):
    """CI, session 19: two requests caching the same new key at once (the share page's JS-SDK ticket) met a deadlock
    on MariaDB (1213, then 1305: the savepoint gone with the rolled-back transaction) and the share page failed;
    every write now lands, and the key holds one of the values written."""
    storage = DatabaseStorage(wx_app.extensions["miaomian.engine"])
    errors, barrier = [], threading.Barrier(8)

    def write(n, key):
        barrier.wait()
        try:
            storage.set(key, {"ticket": n}, ttl=60)
        except Exception as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(repr(exc))

    for round_ in range(10):
        key = f"race_{round_}"
        barrier.reset()
        threads = [threading.Thread(target=write, args=(n, key)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert storage.get(key)["ticket"] in range(8)
    assert errors == []
