"""wechatpy's WeChatClient with a configurable API base, a shared single-flight access token, one retry on
an invalid or expired token, and the calls wechatpy 1.8 lacks (phone number, getwxacodeunlimit's newer fields).
"""
import logging
import time

import requests
from wechatpy.client import WeChatClient
from wechatpy.client.api.wxa import WeChatWxa
from wechatpy.exceptions import WeChatClientException

from api.wechat.jssdk import CachedJSAPI

log = logging.getLogger("miaomian.wechat")

# 40001 invalid credential / access_token, 40014 invalid access_token, 42001 access_token expired.
TOKEN_ERRORS = (40001, 40014, 42001)


class MiaomianWxa(WeChatWxa):
    """Mini-program API group; methods mirror the official endpoints one to one."""

    @property
    def API_BASE_URL(self):  # noqa: N802 — wechatpy's attribute name
        return self._client.api_base

    def code_to_session(self, js_code):
        """登录凭证校验 (code2Session); no access token is sent.
        https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
        """
        return self._client.get_without_token("sns/jscode2session", params={
            "appid": self.appid, "secret": self.secret, "js_code": js_code, "grant_type": "authorization_code"})

    def get_user_phone_number(self, code):
        """手机号快速验证: exchange the getPhoneNumber button's code for the user's phone number.
        https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html
        """
        return self._post("wxa/business/getuserphonenumber", data={"code": code})

    def get_unlimited_qrcode(self, scene, page=None, check_path=True, env_version="release", width=430):
        """获取不限制的小程序码 (getwxacodeunlimit): PNG bytes on success, a JSON error otherwise.
        https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
        """
        data = {"scene": scene, "check_path": check_path, "env_version": env_version, "width": width}
        if page:
            data["page"] = page
        result = self._post("wxa/getwxacodeunlimit", data=data)
        if isinstance(result, requests.Response):
            return result.content
        raise WeChatClientException(result.get("errcode"), result.get("errmsg") or "not an image", client=self._client)


class MiaomianWeChatClient(WeChatClient):
    wxa = MiaomianWxa()
    jsapi = CachedJSAPI()

    REFRESH_MARGIN = 300      # a token is refreshed this many seconds before WeChat expires it
    LOCK_SECONDS = 15
    LOCK_WAIT = 15

    def __init__(self, appid, secret, session, api_base="https://api.weixin.qq.com/", timeout=5.0):
        super().__init__(appid, secret, session=session, timeout=timeout, auto_retry=False)
        self.api_base = api_base.rstrip("/") + "/"
        self.API_BASE_URL = self.api_base + "cgi-bin/"

    # --- access token ----------------------------------------------------------------------------------

    @property
    def access_token(self):
        return self.session.get(self.access_token_key) or self.refresh_access_token()

    def refresh_access_token(self, stale: str | None = None) -> str:
        """Single flight: one process fetches, the others wait for its token. `stale` is a token WeChat
        refused; any other stored token is newer and is used instead of fetching again."""
        deadline = time.monotonic() + self.LOCK_WAIT
        while True:
            current = self.session.get(self.access_token_key)
            if current and current != stale:
                return current
            owner = self.session.acquire(self.access_token_key, self.LOCK_SECONDS)
            if owner is not None:
                try:
                    current = self.session.get(self.access_token_key)
                    if current and current != stale:
                        return current
                    self.fetch_access_token()
                    return self.session.get(self.access_token_key)
                finally:
                    self.session.release(self.access_token_key, owner)
            if time.monotonic() > deadline:
                raise WeChatClientException(None, "timed out waiting for another process to refresh the access token",
                                            client=self)
            time.sleep(0.05)

    def fetch_access_token(self):
        """获取接口调用凭据 (getAccessToken), stored with a margin before its expiry.
        https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getAccessToken.html
        """
        log.info("fetching a new WeChat access token")
        result = self.get_without_token("cgi-bin/token", params={
            "grant_type": "client_credential", "appid": self.appid, "secret": self.secret})
        expires_in = int(result.get("expires_in", 7200))
        self.session.set(self.access_token_key, result["access_token"], max(expires_in - self.REFRESH_MARGIN, 60))
        self.expires_at = int(time.time()) + expires_in
        return result

    # --- requests --------------------------------------------------------------------------------------

    def get_without_token(self, endpoint, params):
        response = self._http.get(self.api_base + endpoint, params=params, timeout=self.timeout)
        try:
            response.raise_for_status()
        except requests.RequestException as error:
            raise WeChatClientException(None, f"HTTP {response.status_code}", client=self,
                                        request=error.request, response=error.response)
        return self._handle_result(response)

    def _request(self, method, url_or_endpoint, **kwargs):
        params = kwargs.setdefault("params", {})
        try:
            return super()._request(method, url_or_endpoint, **kwargs)
        except WeChatClientException as error:
            if error.errcode not in TOKEN_ERRORS:
                raise
            log.info("WeChat refused the access token (%s); refreshing once and retrying", error.errcode)
            params["access_token"] = self.refresh_access_token(stale=params.get("access_token"))
        return super()._request(method, url_or_endpoint, **kwargs)


def _send_subscribe_message(self, user_id, template_id, data, page=None, miniprogram_state=None, lang="zh_CN"):
    """发送订阅消息 (subscribeMessage.send) with the fields wechatpy 1.8 omits (miniprogram_state, lang).
    https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
    """
    body = {"touser": user_id, "template_id": template_id, "data": data, "lang": lang}
    if page:
        body["page"] = page
    if miniprogram_state:
        body["miniprogram_state"] = miniprogram_state
    return self._post("cgi-bin/message/subscribe/send", data=body)


MiaomianWxa.send_subscribe_message = _send_subscribe_message
