"""A local fake of the WeChat HTTP API over real HTTP, with the request and response shapes and error codes
of the official documentation (getAccessToken, code2Session, getPhoneNumber, subscribeMessage.send,
getUnlimitedQRCode). It is strict where WeChat is: a newly fetched access token invalidates the previous one.

Tests script it: register codes, phone codes and subscriptions, expire the token, or queue failures
(`fail_next("send", errcode=45009)`, `fail_next("send", http=502)`, `fail_next("send", delay=2)`).

A 服务号 (official account) can be added (`add_official_account`): it gets its own access tokens (a new one
invalidates only that account's previous token) and JS-SDK tickets (ticket/getticket, type=jsapi), which
`expire_tickets()` ends; `ticket_valid(appid, ticket)` is what WeChat's client checks at wx.config. A
mini-program's token asking for a jsapi ticket gets 48001 (api unauthorized), as WeChat answers.
"""
import io
import json
import re
import secrets
import threading
import time
from collections import defaultdict

import qrcode
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

SCENE_RE = re.compile(r"^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$")
CJK = re.compile(r"^[\u4e00-\u9fff]+$")


TIME = r"(\d{4}年\d{1,2}月\d{1,2}日 )?([01]?\d|2[0-3]):[0-5]\d"
DATE = r"\d{4}年\d{1,2}月\d{1,2}日( ([01]?\d|2[0-3]):[0-5]\d)?"


def _name_ok(value: str) -> bool:
    """10 Chinese characters at most (mixed with letters counts as Chinese), or 20 letters or symbols; never
    digits (WeChat answers 47003 to "订阅消息内容1" and "user25")."""
    if re.search(r"\d", value):
        return False
    if re.search(r"[\u4e00-\u9fff]", value):
        return len(value) <= 10 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z·]+", value) is not None
    return len(value) <= 20 and re.fullmatch(r"[A-Za-z !-/:-@\[-`{-~·]+", value) is not None


def _field_ok(key: str, value) -> bool:
    """The field rules of subscribeMessage.send (参数值限制), per type, as documented."""
    if not isinstance(value, str) or not value.strip():
        return False
    kind = re.sub(r"\d+$", "", key)
    rules = {
        "thing": lambda v: len(v) <= 20,
        "short_thing": lambda v: len(v) <= 5,
        "number": lambda v: len(v) <= 32 and re.fullmatch(r"\d+(\.\d+)?", v),
        "letter": lambda v: len(v) <= 32 and re.fullmatch(r"[A-Za-z]+", v),
        "symbol": lambda v: len(v) <= 5 and re.fullmatch(r"[^A-Za-z0-9\s\u4e00-\u9fff]+", v),
        "character_string": lambda v: len(v) <= 32 and re.fullmatch(r"[!-~]+", v),
        "phone_number": lambda v: len(v) <= 17 and re.fullmatch(r"[0-9+\-()]+", v),
        "car_number": lambda v: len(v) <= 8 and re.fullmatch(
            r"[\u4e00-\u9fffA-Za-z0-9][A-Za-z0-9]*[\u4e00-\u9fffA-Za-z0-9]?", v),
        "name": _name_ok,
        "phrase": lambda v: len(v) <= 5 and CJK.match(v),
        "time": lambda v: re.fullmatch(f"{TIME}(~{TIME})?", v),
        "date": lambda v: re.fullmatch(f"{DATE}(~{DATE})?", v),
        "amount": lambda v: re.fullmatch(r"[¥$€£]\d{1,10}(\.\d{1,2})?元?", v),
    }
    rule = rules.get(kind)
    return bool(rule(value)) if rule else True


class FakeWeChat:
    def __init__(self, appid="wx0123456789abcdef", secret="s3cr3t"):
        self.appid, self.secret = appid, secret
        self.valid_tokens: set[str] = set()
        self.expired_tokens: set[str] = set()
        self.token_fetches = 0
        self.codes: dict[str, dict] = {}
        self.used_codes: set[str] = set()
        self.phone_codes: dict[str, str] = {}
        self.users: set[str] = set()
        self.templates: set[str] = set()
        self.pages = {"pages/index/index", "pages/finish/finish", "pages/report/report", "pages/referrer/referrer",
                      "packageHR/pages/session/session", "packageHR/pages/inbox/inbox"}
        self.subscriptions: dict[tuple, int] = defaultdict(int)
        self.sent: list[dict] = []
        self.qrcodes: list[dict] = []
        self.calls: list[str] = []
        self.failures: dict[str, list[dict]] = defaultdict(list)
        self.lock = threading.Lock()
        self._server = None
        self.apps = {appid: secret}
        self.token_app: dict[str, str] = {}
        self.official_accounts: set[str] = set()
        self.tickets: dict[str, str] = {}          # appid → its current jsapi ticket
        self.old_tickets: set[str] = set()
        self.ticket_fetches = 0
        self.ticket_seconds = 7200

    # --- scripting ---------------------------------------------------------------------------------------
    def login_code(self, openid=None, unionid=None) -> str:
        code = secrets.token_hex(16)
        openid = openid or "o" + secrets.token_hex(13)
        self.codes[code] = {"openid": openid, "unionid": unionid}
        self.users.add(openid)
        return code

    def phone_code(self, phone="13912345678") -> str:
        code = secrets.token_hex(32)
        self.phone_codes[code] = phone
        return code

    def subscribe(self, openid, template_id, times=1):
        self.subscriptions[(openid, template_id)] += times

    def expire_tokens(self):
        with self.lock:
            self.expired_tokens |= self.valid_tokens
            self.valid_tokens.clear()

    def add_official_account(self, appid="wxoa0123456789abcd", secret="oa-s3cr3t") -> str:
        self.apps[appid] = secret
        self.official_accounts.add(appid)
        return appid

    def expire_tickets(self):
        with self.lock:
            self.old_tickets |= set(self.tickets.values())
            self.tickets.clear()

    def ticket_valid(self, appid: str, ticket: str) -> bool:
        return self.tickets.get(appid) == ticket

    def fail_next(self, api: str, **failure):
        self.failures[api].append(failure)

    # --- server ------------------------------------------------------------------------------------------
    def start(self):
        self._server = make_server("127.0.0.1", 0, self.wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}/"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self._server.shutdown()

    @staticmethod
    def _json(payload, status=200):
        return Response(json.dumps(payload, ensure_ascii=False), status=status,
                        content_type="application/json; encoding=utf-8")

    def _scripted(self, api):
        with self.lock:
            failure = self.failures[api].pop(0) if self.failures[api] else None
        if failure is None:
            return None
        if "delay" in failure:  # the caller times out first; the request is dropped, never processed
            time.sleep(failure["delay"])
            return Response("gateway timeout", status=504, content_type="text/plain")
        if "http" in failure:
            return Response("<html>502 Bad Gateway</html>", status=failure["http"], content_type="text/html")
        return self._json({"errcode": failure["errcode"], "errmsg": failure.get("errmsg", "scripted error")})

    def _token_error(self, request):
        token = request.args.get("access_token", "")
        with self.lock:
            if token in self.valid_tokens:
                return None
            if token in self.expired_tokens:
                return self._json({"errcode": 42001, "errmsg": "access_token expired rid: fake"})
        return self._json({"errcode": 40001, "errmsg": "invalid credential, access_token is invalid or not latest "
                                                       "rid: fake"})

    def _refusal(self, request, api):
        """What WeChat answers before reading the body of an access_token call: the token's error, else the next
        scripted failure of `api`, else None."""
        error = self._token_error(request)
        return error if error is not None else self._scripted(api)

    def wsgi(self, environ, start_response):
        request = Request(environ)
        path = request.path.lstrip("/")
        self.calls.append(path)
        handler = {"cgi-bin/token": self.token, "sns/jscode2session": self.jscode2session,
                   "wxa/business/getuserphonenumber": self.phone, "cgi-bin/message/subscribe/send": self.send,
                   "wxa/getwxacodeunlimit": self.qrcode, "cgi-bin/ticket/getticket": self.getticket,
                   "open/js/jweixin-1.6.0.js": self.jssdk_script}.get(path)
        response = handler(request) if handler else self._json({"errcode": 404, "errmsg": "not found"}, 404)
        return response(environ, start_response)

    def token(self, request):
        """GET cgi-bin/token?grant_type=client_credential&appid=APPID&secret=APPSECRET"""
        if (scripted := self._scripted("token")) is not None:
            return scripted
        args = request.args
        if args.get("grant_type") != "client_credential":
            return self._json({"errcode": 40002, "errmsg": "invalid grant_type"})
        appid = args.get("appid")
        if appid not in self.apps:
            return self._json({"errcode": 40013, "errmsg": "invalid appid"})
        if args.get("secret") != self.apps[appid]:
            return self._json({"errcode": 40001, "errmsg": "invalid credential, access_token is invalid or not latest"})
        token = "ACCESS_" + secrets.token_hex(24)
        with self.lock:
            self.token_fetches += 1
            previous = {t for t in self.valid_tokens if self.token_app.get(t, self.appid) == appid}
            self.expired_tokens |= previous   # a new token invalidates the account's previous one
            self.valid_tokens = (self.valid_tokens - previous) | {token}
            self.token_app[token] = appid
        time.sleep(0.05)  # a real fetch takes a while: concurrent fetches would overlap
        return self._json({"access_token": token, "expires_in": 7200})

    def jscode2session(self, request):
        """GET sns/jscode2session?appid&secret&js_code&grant_type=authorization_code"""
        if (scripted := self._scripted("jscode2session")) is not None:
            return scripted
        args = request.args
        if "access_token" in args:
            return self._json({"errcode": 40097, "errmsg": "invalid args: unexpected access_token"})
        if args.get("appid") != self.appid or args.get("secret") != self.secret:
            return self._json({"errcode": 40013, "errmsg": "invalid appid"})
        code = args.get("js_code", "")
        if code in self.used_codes:
            return self._json({"errcode": 40163, "errmsg": "code been used, rid: fake"})
        if code not in self.codes:
            return self._json({"errcode": 40029, "errmsg": "invalid code, rid: fake"})
        self.used_codes.add(code)
        user = self.codes.pop(code)
        body = {"openid": user["openid"], "session_key": secrets.token_urlsafe(16)}
        if user["unionid"]:
            body["unionid"] = user["unionid"]
        return self._json(body)

    def phone(self, request):
        """POST wxa/business/getuserphonenumber?access_token=ACCESS_TOKEN {"code": ...}"""
        if (refused := self._refusal(request, "phone")) is not None:
            return refused
        code = json.loads(request.get_data(as_text=True) or "{}").get("code", "")
        phone = self.phone_codes.pop(code, None)
        if phone is None:
            return self._json({"errcode": 40029, "errmsg": "invalid code"})
        return self._json({"errcode": 0, "errmsg": "ok", "phone_info": {
            "phoneNumber": phone, "purePhoneNumber": phone, "countryCode": "86",
            "watermark": {"timestamp": int(time.time()), "appid": self.appid}}})

    def send(self, request):
        """POST cgi-bin/message/subscribe/send?access_token=ACCESS_TOKEN"""
        if (refused := self._refusal(request, "send")) is not None:
            return refused
        body = json.loads(request.get_data(as_text=True) or "{}")
        if body.get("touser") not in self.users:
            return self._json({"errcode": 40003, "errmsg": "invalid openid"})
        if body.get("template_id") not in self.templates:
            return self._json({"errcode": 40037, "errmsg": "invalid template_id"})
        if body.get("page") and body["page"].split("?")[0] not in self.pages:
            return self._json({"errcode": 41030, "errmsg": "invalid page"})
        if body.get("miniprogram_state", "formal") not in ("developer", "trial", "formal"):
            return self._json({"errcode": 47003, "errmsg": "argument invalid! miniprogram_state"})
        data = body.get("data")
        if not isinstance(data, dict) or not data:
            return self._json({"errcode": 47003, "errmsg": "argument invalid! data is empty"})
        for key, item in data.items():
            if not isinstance(item, dict) or not _field_ok(key, item.get("value")):
                return self._json({"errcode": 47003, "errmsg": f"argument invalid! data.{key}.value invalid rid: fake"})
        slot = (body["touser"], body["template_id"])
        with self.lock:
            if self.subscriptions[slot] <= 0:
                return self._json({"errcode": 43101, "errmsg": "user refuse to accept the msg rid: fake"})
            self.subscriptions[slot] -= 1
            self.sent.append(body)
        return self._json({"errcode": 0, "errmsg": "ok"})

    def qrcode(self, request):
        """POST wxa/getwxacodeunlimit?access_token=ACCESS_TOKEN → image bytes, or a JSON error."""
        if (refused := self._refusal(request, "qrcode")) is not None:
            return refused
        body = json.loads(request.get_data(as_text=True) or "{}")
        scene = body.get("scene", "")
        if not SCENE_RE.match(scene):
            return self._json({"errcode": 40169, "errmsg": "invalid length for scene, or the data is not json string"})
        if body.get("check_path", True) and body.get("page") and body["page"] not in self.pages:
            return self._json({"errcode": 41030, "errmsg": "invalid page rid: fake"})
        width = body.get("width", 430)
        if not 280 <= width <= 1280:
            return self._json({"errcode": 40097, "errmsg": "invalid args"})
        self.qrcodes.append(body)
        buffer = io.BytesIO()
        qrcode.make(f"wxa:{scene}").save(buffer, format="PNG")
        return Response(buffer.getvalue(), content_type="image/png")

    def getticket(self, request):
        """GET cgi-bin/ticket/getticket?access_token=ACCESS_TOKEN&type=jsapi →
        {"errcode": 0, "errmsg": "ok", "ticket": "...", "expires_in": 7200} (公众号 JS-SDK 附录1)."""
        if (error := self._token_error(request)) is not None:
            return error
        if (scripted := self._scripted("getticket")) is not None:
            return scripted
        kind = request.args.get("type")
        if kind not in ("jsapi", "wx_card"):
            return self._json({"errcode": 40097, "errmsg": "invalid args rid: fake"})
        appid = self.token_app.get(request.args["access_token"], self.appid)
        if appid not in self.official_accounts:
            return self._json({"errcode": 48001, "errmsg": "api unauthorized rid: fake"})
        ticket = "sM4AOVdWfPE4DxkXGEs8VM" + secrets.token_urlsafe(48)
        with self.lock:
            self.ticket_fetches += 1
            if appid in self.tickets:
                self.old_tickets.add(self.tickets[appid])
            self.tickets[appid] = ticket
        return self._json({"errcode": 0, "errmsg": "ok", "ticket": ticket, "expires_in": self.ticket_seconds})

    def jssdk_script(self, request):
        """What WeChat's client does with wx.config, for a browser test: `wx.config` checks the signature
        against the tickets WeChat holds now (sha1 of jsapi_ticket, noncestr, timestamp, url without '#'),
        renders `wx-open-launch-weapp` tags from their `text/wxtag-template` and calls the `wx.ready` callbacks,
        or the `wx.error` ones with {errMsg: "config:invalid signature"} (an expired ticket, a wrong URL). The config it was given is kept in `window.__wxConfig`."""
        tickets = json.dumps({appid: ticket for appid, ticket in self.tickets.items()})
        script = """(function () {
  var tickets = %s, ready = [], failed = [], state = null, why = null;
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  window.wx = {
    config: function (c) {
      window.__wxConfig = c;
      var url = window.location.href.split("#")[0];
      var ticket = tickets[c.appId] || "";
      var text = "jsapi_ticket=" + ticket + "&noncestr=" + c.nonceStr + "&timestamp=" + c.timestamp + "&url=" + url;
      crypto.subtle.digest("SHA-1", new TextEncoder().encode(text)).then(function (digest) {
        var ok = ticket && hex(digest) === c.signature && (c.openTagList || []).indexOf("wx-open-launch-weapp") >= 0;
        if (ok && window.customElements && !customElements.get("wx-open-launch-weapp")) {
          // As WeChat's client does once the open tag is allowed: render the tag's template as its content.
          customElements.define("wx-open-launch-weapp", class extends HTMLElement {
            connectedCallback() {
              var t = this.querySelector('script[type="text/wxtag-template"]');
              if (t && !this.shadowRoot) { this.attachShadow({ mode: "open" }).innerHTML = t.text; }
            }
          });
        }
        state = ok ? "ready" : "error";
        why = ok ? null : { errMsg: "config:invalid signature" };
        window.__wxState = state;
        (ok ? ready : failed).forEach(function (f) { f(why); });
      });
    },
    ready: function (f) { if (state === "ready") { f(); } else { ready.push(f); } },
    error: function (f) { if (state === "error") { f(why); } else { failed.push(f); } }
  };
})();""" % tickets
        return Response(script, content_type="application/javascript; charset=utf-8")
