"""JS-SDK for the web share page: the `wx.config` a page inside WeChat needs to show the open tag
`wx-open-launch-weapp` ("打开小程序"), signed with the jsapi_ticket of the 服务号 (official account) bound to
the mini-program.

Per the JS-SDK docs (公众号 网页开发 › JS-SDK 说明文档, 附录1 签名算法, and 开放标签说明文档):
- jsapi_ticket: `GET cgi-bin/ticket/getticket?access_token=ACCESS_TOKEN&type=jsapi` →
  `{"errcode": 0, "errmsg": "ok", "ticket": "...", "expires_in": 7200}`, with the 服务号's own access token;
  both must be cached (the ticket call is rate-limited). wechatpy's `WeChatJSAPI.get_ticket` makes the call
  and `get_jsapi_signature` signs; the ticket is cached here in the shared token store with a margin before
  WeChat's expiry (`REFRESH_MARGIN`), so every process signs with a live ticket. A refused access token
  (40001/40014/42001) is refreshed once and the call retried (api/wechat/client.py).
- signature = sha1 of `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` (keys sorted, raw values, the page's
  URL without `#…`).
- `wx.config({appId, timestamp, nonceStr, signature, jsApiList, openTagList: ['wx-open-launch-weapp']})`.

Configured by WECHAT_OA_APPID + WECHAT_OA_SECRET (the 服务号) and WECHAT_USERNAME (the mini-program's gh_…
original id); without all three `config_for` returns None and the page keeps the long-press mini-program code.
"""
from __future__ import annotations

import logging
import time

import requests
from wechatpy.client.api.jsapi import WeChatJSAPI
from wechatpy.exceptions import WeChatClientException
from wechatpy.utils import random_string

log = logging.getLogger("miaomian.wechat.jssdk")

OPEN_TAGS = ["wx-open-launch-weapp"]
# wx.config needs a non-empty jsApiList on some WeChat versions; sharing the page is what it may use.
JS_APIS = ["updateAppMessageShareData", "updateTimelineShareData"]
REFRESH_MARGIN = 300  # seconds before WeChat's expiry that a cached ticket is replaced


class TicketUnavailable(Exception):
    """WeChat gave no ticket (an error code, a refused token after the retry, a timeout); `str()` says why."""


class CachedJSAPI(WeChatJSAPI):
    """wechatpy's JS-SDK API with the ticket kept in the client's shared store under a TTL (wechatpy's own
    cache has no margin before expiry and no TTL the store can enforce)."""

    @property
    def ticket_key(self) -> str:
        return f"{self.appid}_jsapi_ticket"

    def get_jsapi_ticket(self) -> str:
        ticket = self.session.get(self.ticket_key)
        if ticket:
            return ticket
        response = self.get_ticket("jsapi")
        ticket, expires_in = response["ticket"], int(response.get("expires_in", 7200))
        self.session.set(self.ticket_key, ticket, max(expires_in - REFRESH_MARGIN, 60))
        log.info("fetched a new jsapi_ticket for %s (expires in %s s)", self.appid, expires_in)
        return ticket


def configured(config) -> bool:
    from api.wechat import setting

    return all(setting(config, name) for name in ("WECHAT_USERNAME", "WECHAT_OA_APPID", "WECHAT_OA_SECRET"))


def oa_client_for(config, engine):
    """The 服务号's client (its own AppID, secret and access token; same API base and token store)."""
    from api.wechat import client_for, setting

    return client_for(config, engine, appid=setting(config, "WECHAT_OA_APPID"),
                      secret=setting(config, "WECHAT_OA_SECRET"))


def sign(jsapi: WeChatJSAPI, url: str, noncestr: str | None = None, timestamp: int | None = None) -> dict:
    """The signed part of wx.config for `url` (its `#…` dropped): {"appId", "timestamp" (int, s),
    "nonceStr", "signature" (40 hex)}. Raises TicketUnavailable."""
    try:
        ticket = jsapi.get_jsapi_ticket()
    except (WeChatClientException, requests.RequestException, KeyError, ValueError) as exc:
        raise TicketUnavailable(str(exc) or type(exc).__name__) from exc
    noncestr = noncestr or random_string(16)
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {"appId": jsapi.appid, "timestamp": timestamp, "nonceStr": noncestr,
            "signature": jsapi.get_jsapi_signature(noncestr, ticket, timestamp, url.split("#", 1)[0])}


def config_for(config, engine, url: str) -> dict | None:
    """The whole wx.config plus what the open tag needs, or None when no 服务号 is configured:
    {"appId", "timestamp", "nonceStr", "signature", "jsApiList", "openTagList", "username"}.
    Raises TicketUnavailable when WeChat gives no ticket."""
    from api.wechat import setting

    if not configured(config):
        return None
    client = oa_client_for(config, engine)
    signed = sign(client.jsapi, url)
    return {**signed, "jsApiList": JS_APIS, "openTagList": OPEN_TAGS,
            "username": setting(config, "WECHAT_USERNAME")}
