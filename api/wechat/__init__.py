"""WeChat for Miaomian, built on wechatpy: one client per process, the access token in one shared store.

`client_for(config, engine)` returns None when no AppID is configured (development without WeChat): callers
then fall back (QR code of the web link, notifications skipped with that reason).
"""
from api.wechat.client import MiaomianWeChatClient, TOKEN_ERRORS  # noqa: F401
from api.wechat.storage import DatabaseStorage, RedisLockingStorage  # noqa: F401

DEFAULTS = {
    "WECHAT_APPID": "",
    "WECHAT_SECRET": "",
    "WECHAT_API_BASE": "https://api.weixin.qq.com/",
    "WECHAT_TOKEN_STORE": "database",       # or redis://host:port/db
    "WECHAT_TIMEOUT": 5,
    "WECHAT_PUSH_TOKEN": "",                # server message push (消息推送) token; empty: push disabled
    "WECHAT_MINIPROGRAM_STATE": "formal",   # subscribe messages open: developer | trial | formal
    "WECHAT_ENV_VERSION": "release",        # mini-program codes open: develop | trial | release
    "WECHAT_QR_PAGE": "pages/index/index",
    "WECHAT_QR_CHECK_PATH": True,
    "WECHAT_TEMPLATE_ANSWERS_RECEIVED": "",
    "WECHAT_TEMPLATE_REPORT_READY": "",
    "WECHAT_TEMPLATE_CANDIDATE_FINISHED": "",
    "WECHAT_TEMPLATE_REFEREE_ADVANCED": "",
    "WECHAT_TEMPLATE_REVIEW_REQUESTED": "",  # empty: HR hears review requests through CANDIDATE_FINISHED
    "WECHAT_TEMPLATE_DECISION_MADE": "",
    "WECHAT_USERNAME": "",                  # the mini-program's original id (gh_…) for wx-open-launch-weapp
    "WECHAT_OA_APPID": "",                  # a 服务号 bound to the mini-program: JS-SDK for the web share page
    "WECHAT_OA_SECRET": "",                 # …and its AppSecret (its own access token and jsapi_ticket)
    "WECHAT_JSSDK_URL": "https://res.wx.qq.com/open/js/jweixin-1.6.0.js",  # the JS-SDK (open tags need ≥ 1.6.0)
    "OUTBOX_MAX_ATTEMPTS": 5,
    "OUTBOX_BACKOFF_SECONDS": 5.0,
    "OUTBOX_RATE_LIMIT_SECONDS": 60.0,
    "OUTBOX_LEASE_SECONDS": 60,
}


def setting(config, name: str):
    return config.get(name, DEFAULTS[name]) if name in DEFAULTS else config.get(name)


def configured(config) -> bool:
    return bool(setting(config, "WECHAT_APPID") and setting(config, "WECHAT_SECRET"))


_clients: dict = {}


def token_store(config, engine):
    store = setting(config, "WECHAT_TOKEN_STORE")
    if isinstance(store, str) and store.startswith(("redis://", "rediss://", "unix://")):
        import redis

        return RedisLockingStorage(redis.Redis.from_url(store), prefix="miaomian:wechat")
    return DatabaseStorage(engine)


def client_for(config, engine, appid: str | None = None, secret: str | None = None) -> MiaomianWeChatClient | None:
    """The process's client for this AppID, API base and engine; None when WeChat is not configured.
    `appid`/`secret` choose another account than the mini-program (the 服务号 of api/wechat/jssdk.py)."""
    if appid is None:
        if not configured(config):
            return None
        appid, secret = setting(config, "WECHAT_APPID"), setting(config, "WECHAT_SECRET")
    key = (appid, setting(config, "WECHAT_API_BASE"), id(engine), str(setting(config, "WECHAT_TOKEN_STORE")))
    client = _clients.get(key)
    if client is None:
        client = MiaomianWeChatClient(appid, secret,
                                      session=token_store(config, engine),
                                      api_base=setting(config, "WECHAT_API_BASE"),
                                      timeout=float(setting(config, "WECHAT_TIMEOUT")))
        _clients[key] = client
    return client


def current_client():
    """The client of the current Flask app (None without an AppID)."""
    from flask import current_app

    return client_for(current_app.config, current_app.extensions["miaomian.engine"])
