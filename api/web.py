"""The browser fallback: candidates who open an invitation link outside WeChat answer in a mobile web page.

GET /i/<token> serves one page (plain HTML, CSS and JS from api/static/web, no build step, no CDN). The
page drives the same candidate endpoints as the mini-program (/api/c/<token>/...): whether the token is
valid is decided by those calls, and the page turns their errors into Chinese sentences.
"""
import re
from urllib.parse import urlsplit

from flask import Blueprint, current_app, render_template, request

from api.wechat import jssdk, setting

bp = Blueprint("web", __name__, static_folder="static/web", static_url_path="/i/assets",
               template_folder="templates")

# Invitation tokens are URL-safe; anything else is not one of ours and gets the page's own 404 text.
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,128}$")

# The page records audio and uploads to the API's own store or, in production, straight to COS.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "media-src 'self' blob:; connect-src 'self' https://*.myqcloud.com; "
                           "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'")


PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # The token in the address is the candidate's key: never send it to another site, never cache the page.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "microphone=(self), camera=()",
}
SCENE_PATTERN = re.compile(r"^[A-Za-z0-9=_-]{1,32}$")


@bp.get("/s/<scene>")
def share_page(scene):
    """A share link (interview + referrer) opened outside WeChat: enter a name, get one's own interview."""
    if not SCENE_PATTERN.match(scene):
        scene = ""
    headers, jssdk_url = PAGE_HEADERS, None
    if jssdk.configured(current_app.config):
        # The JS-SDK script comes from WeChat (its docs: res.wx.qq.com/open/js/jweixin-1.6.0.js): allowed for
        # this page only, and only when a 服务号 is configured (api/wechat/jssdk.py).
        jssdk_url = setting(current_app.config, "WECHAT_JSSDK_URL")
        origin = "{0}://{1}".format(*urlsplit(jssdk_url)[:2])
        headers = {**PAGE_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY.replace(
            "script-src 'self'", f"script-src 'self' {origin}", 1)}
    return render_template("share.html", scene=scene, jssdk_url=jssdk_url), 200 if scene else 404, headers


@bp.get("/i/<token>")
def interview_page(token):
    """The candidate's interview as a mobile web page."""
    valid = bool(TOKEN_PATTERN.match(token))
    api_base = f"{request.script_root}/api/c/{token}" if valid else ""
    response = render_template("interview.html", api_base=api_base, token_valid=valid)
    return response, 200 if valid else 404, PAGE_HEADERS



@bp.get("/r/<token>")
def shared_report_page(token):
    """A read-only report shared by HR (api/report_shares.py): no account, expires, revocable."""
    valid = bool(re.match(r"^[A-Za-z0-9_-]{20,128}$", token))
    return render_template("report_share.html", token=token if valid else ""), 200 if valid else 404, PAGE_HEADERS
