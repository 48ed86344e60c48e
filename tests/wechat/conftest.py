"""Fixtures: the fake WeChat API on a loopback port and an app pointed at it (both database backends)."""
import pytest

from api import wechat
from tests.conftest import make_app
from tests.wechat.fake_wechat import FakeWeChat

TEMPLATES = {"WECHAT_TEMPLATE_ANSWERS_RECEIVED": "TPL_answers_received_0000000000000000000",
             "WECHAT_TEMPLATE_REPORT_READY": "TPL_report_ready_00000000000000000000000",
             "WECHAT_TEMPLATE_CANDIDATE_FINISHED": "TPL_candidate_finished_00000000000000000",
             "WECHAT_TEMPLATE_REFEREE_ADVANCED": "TPL_referee_advanced_0000000000000000000"}


@pytest.fixture
def fake_wechat():
    server = FakeWeChat().start()
    server.templates |= set(TEMPLATES.values())
    yield server
    server.stop()


@pytest.fixture
def wx_app(database_url, tmp_path, fake_wechat):
    app = make_app(database_url, tmp_path, WECHAT_APPID=fake_wechat.appid, WECHAT_SECRET=fake_wechat.secret,
                   WECHAT_API_BASE=fake_wechat.url, WECHAT_TIMEOUT=1, OUTBOX_BACKOFF_SECONDS=0,
                   OUTBOX_RATE_LIMIT_SECONDS=0, WECHAT_PUSH_TOKEN="push-token", **TEMPLATES)
    yield app
    wechat._clients.clear()
    app.extensions["miaomian.engine"].dispose()


@pytest.fixture
def wx(wx_app):
    return wx_app.test_client()


def wechat_login(client, fake, name=None, openid=None, unionid=None):
    code = fake.login_code(openid=openid, unionid=unionid)
    response = client.post("/api/auth/wechat", json={"code": code, **({"name": name} if name else {})})
    assert response.status_code == 200, response.json
    return response.json, {"Authorization": f"Bearer {response.json['token']}"}


def drain(app) -> int:
    from api import outbox
    from api.trigger import trigger_config

    return outbox.drain(app.extensions["miaomian.engine"], trigger_config(app.config))
