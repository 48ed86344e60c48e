"""Rate limits (Flask-Limiter) on every anonymous or token-addressed route, per client IP and per token.

Which routes: every route with a <token> (the candidate API /api/c/<token>/..., the browser page /i/<token>,
/api/c/<token>/phone), every route with a <scene> (share info, the share page /s/<code>, joining), referral
enrolment, binding an invitation, sign-in (WeChat's code2session quota), and the local store's upload, part
and media routes. A route is put in
a class by what addresses it, not by its name, so a new token route is limited without being listed
(tests/api/test_rate_limits.py checks that every such route of the URL map has a class).

The limits are set far above real use (docs/rate-limits.md): a candidate polling their status every 2 s
for an hour, retrying every upload three times, a 50 MB recording in 1 MB parts, and 50 candidates of a
recruiting fair behind one Wi-Fi all stay below them; a script creating sessions or hammering one token
does not. A refusal is 429 {"error": "rate_limited", "message": <Chinese>} with Retry-After in seconds.

Storage: MIAOMIAN_RATELIMIT_STORAGE_URI (redis://host:6379/0 shares the counts between gunicorn workers
and instances; memory:// by default, per process). If the storage is unreachable the request is served
(logged), never refused: the limits protect the service, they must not take it down.
"""
import hashlib
import logging
import math
import time

from flask import Flask, current_app, request
from flask_limiter import ApplicationLimit, Limiter
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from api.protection.inputs import MAX_JSON_DEPTH, json_depth_exceeds

log = logging.getLogger(__name__)

# class → (limits per client IP, limits per token of the class). Strings in Flask-Limiter's notation.
LIMITS = {
    # /api/c/<token>/..., /i/<token>: a candidate polls, views, uploads; one IP may be a whole office.
    "token": ("3000 per minute", "120 per minute;3000 per hour"),
    # GET /api/scenes/<scene>, /s/<scene>: a share card opened; viral links are read by many people.
    "scene": ("300 per minute", "1200 per minute"),
    # POST /api/scenes/<scene>/join, POST /api/referrals: each creates rows (a session, a referrer).
    "join": ("20 per minute;200 per hour", "120 per minute"),
    # POST /api/me/invitations: binds a token sent in the body.
    "bind": ("60 per minute", None),
    # POST /api/auth/wechat, /api/auth/dev: each WeChat sign-in spends WeChat's code2session quota.
    "login": ("120 per minute;1200 per hour", None),
    # /api/storage/upload, /parts/<upload_id>/<n>, /object?key=...: uploads with retries, audio seeking.
    "storage": ("1200 per minute", "300 per minute"),
}
JOIN_ENDPOINTS = {"referrals.join_by_scene", "referrals.become_referrer"}
BIND_ENDPOINTS = {"referrals.bind_invitation"}
LOGIN_ENDPOINTS = {"wechat.wechat_login", "auth.dev_login"}
TOKEN_ARGS = ("token", "scene", "upload_id")
MESSAGE = "请求太频繁了，请在 {seconds} 秒后再试。"


def request_class() -> str | None:
    """The rate-limit class of the current request (a key of LIMITS), or None when it is not limited."""
    endpoint = request.endpoint or ""
    args = request.view_args or {}
    if endpoint.endswith(".static") or endpoint == "static":
        return None
    if endpoint in JOIN_ENDPOINTS:
        return "join"
    if endpoint in BIND_ENDPOINTS:
        return "bind"
    if endpoint in LOGIN_ENDPOINTS:
        return "login"
    if endpoint.startswith("storage."):
        return "storage"
    if "token" in args:
        return "token"
    if "scene" in args:
        return "scene"
    return None


def client_ip() -> str:
    """The client's address (behind MIAOMIAN_TRUSTED_PROXIES proxies, the one they report)."""
    return request.remote_addr or "unknown"


def _digest(value: str) -> str:
    """Tokens are never stored in the limiter's storage as they are: a short hash names the bucket."""
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def token_key() -> str:
    """The token the request addresses: a path token, share code or multipart upload, the media key of a
    download, else the scene or interview of a referral enrolment; the client IP when there is none."""
    args = request.view_args or {}
    for name in TOKEN_ARGS:
        if args.get(name):
            return f"{name}:{_digest(str(args[name]))}"
    if request.endpoint == "storage.download" and request.args.get("key"):
        return f"object:{_digest(request.args['key'])}"
    if request.endpoint == "referrals.become_referrer" and (target := _scene_in_body()):
        return f"share:{_digest(target)}"
    return f"ip:{client_ip()}"


def _scene_in_body() -> str | None:
    """The scene of a referral enrolment's JSON body; None for a body that api.protection.inputs will refuse
    (too large, too deep, not JSON), which is then counted per address only."""
    try:
        data = request.get_data(cache=True)
    except HTTPException:  # too large: refused with 413 right after
        return None
    if not request.is_json or json_depth_exceeds(data, MAX_JSON_DEPTH):
        return None
    body = request.get_json(silent=True)
    target = body.get("scene") if isinstance(body, dict) else None
    return target if isinstance(target, str) and target else None


def _limits() -> list[ApplicationLimit]:
    limits = []
    for name, (per_ip, per_token) in LIMITS.items():
        def outside(name=name):
            return request_class() != name

        limits.append(ApplicationLimit(per_ip, key_function=client_ip, scope=f"{name}-ip", exempt_when=outside))
        if per_token:
            limits.append(ApplicationLimit(per_token, key_function=token_key, scope=f"{name}-token",
                                           exempt_when=outside))
    return limits


def init_app(app: Flask) -> Limiter:
    """Install the limiter (and ProxyFix when MIAOMIAN_TRUSTED_PROXIES > 0) and the JSON 429 answer."""
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    app.config.setdefault("RATELIMIT_STRATEGY", "moving-window")
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    if app.config.get("ENV") == "production" and str(app.config.get("RATELIMIT_STORAGE_URI")).startswith("memory"):
        log.warning("rate limits are counted per process (memory://): set MIAOMIAN_RATELIMIT_STORAGE_URI="
                    "redis://... to share them between workers and instances")
    limiter = Limiter(key_func=client_ip, application_limits=_limits(), app=app)
    app.extensions["miaomian.limiter"] = limiter

    @app.errorhandler(RateLimitExceeded)
    def rate_limited(error):
        seconds = retry_after(limiter)
        return ({"error": "rate_limited", "message": MESSAGE.format(seconds=seconds)}, 429,
                {"Retry-After": str(seconds), "Cache-Control": "no-store"})

    return limiter


def retry_after(limiter: Limiter) -> int:
    """Whole seconds until the breached limit lets a request through again (at least 1)."""
    current = limiter.current_limit
    if current is None:
        return 60
    try:
        return max(1, math.ceil(current.reset_at - time.time()))
    except Exception:  # the storage went away between the refusal and this answer
        log.warning("could not read the reset time of %s", current.limit)
        return 60


def limiter_of(app: Flask | None = None) -> Limiter:
    return (app or current_app).extensions["miaomian.limiter"]
