"""WeChat sign-in (code2Session), token rotation, phone verification, and the server message push endpoint
(signature checked)."""

import marshmallow as ma
import requests
import sqlalchemy as sa
from flask import Response, current_app, g, request
from api.openapi import Blueprint
from wechatpy.exceptions import InvalidSignatureException, WeChatClientException
from wechatpy.utils import check_signature

from api import audit, wechat
from api.auth import TokenSchema, _bearer_token, issue_token, login_required
from api.candidate import load_session_by_token
from api.crypto import decrypt, encrypt, mask_phone, token_hash
from api.db import get_db
from api.openapi import abort
from api.schema import api_tokens, invitations, members, phone_verifications, users, wechat_logins
from api.timeutil import iso, utcnow

bp = Blueprint("wechat", __name__, url_prefix="/api", description="WeChat: sign-in, phone, message push")



class WechatLoginSchema(ma.Schema):
    code = ma.fields.String(required=True, validate=ma.validate.Length(1, 128))
    name = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 100))


class PhoneSchema(ma.Schema):
    code = ma.fields.String(required=True, validate=ma.validate.Length(1, 128))


def _wechat_error(error: Exception):
    if isinstance(error, requests.RequestException):
        abort(503, "wechat_unavailable", "WeChat could not be reached; please try again.")
    code = error.errcode
    if code in (40029, 40163):
        abort(401, "invalid_code", "This WeChat code is invalid or already used; call wx.login again.")
    if code in (45011, 45009):
        abort(429, "rate_limited", "Too many attempts with WeChat; please wait a minute and try again.")
    if code == -1:
        abort(503, "wechat_busy", "WeChat is busy; please try again in a moment.")
    if code == 40226:
        abort(403, "wechat_user_blocked", "WeChat flagged this account as high-risk; sign-in is not possible.")
    abort(502, "wechat_error", f"WeChat refused the request ({code}: {error.errmsg}).")


def _client():
    client = wechat.current_client()
    if client is None:
        abort(503, "wechat_not_configured", "WeChat sign-in is not configured on this server "
              "(set MIAOMIAN_WECHAT_APPID and MIAOMIAN_WECHAT_SECRET); use development sign-in instead.")
    return client


@bp.post("/auth/wechat")
@bp.arguments(WechatLoginSchema)
@bp.response(200, TokenSchema)
def wechat_login(body):
    """Sign in with the code from wx.login (code2Session). Users are keyed by unionid when WeChat gives one,
    else by openid; the session_key is kept encrypted on the server and never returned."""
    client = _client()
    try:
        result = client.wxa.code_to_session(body["code"])
    except (WeChatClientException, requests.RequestException) as error:
        _wechat_error(error)
    openid, unionid = result["openid"], result.get("unionid") or None
    db, now = get_db(), utcnow()
    user = None
    if unionid:
        user = db.execute(sa.select(users).where(users.c.unionid == unionid)).first()
    if user is None:
        user = db.execute(sa.select(users).where(users.c.openid == openid)).first()
    if user is None:
        user_id = db.execute(users.insert().values(display_name=encrypt(body["name"] or "微信用户"), openid=openid,
                                                   unionid=unionid, created_at=now)).inserted_primary_key[0]
    else:
        user_id = user.id
        db.execute(users.update().where(users.c.id == user_id).values(
            openid=openid, unionid=unionid or user.unionid,
            **({"display_name": encrypt(body["name"])} if body["name"] else {})))
    if db.execute(wechat_logins.update().where(wechat_logins.c.user_id == user_id).values(
            session_key_enc=encrypt(result["session_key"]), updated_at=now)).rowcount == 0:
        db.execute(wechat_logins.insert().values(user_id=user_id, session_key_enc=encrypt(result["session_key"]),
                                                 updated_at=now))
    org_id = db.scalar(sa.select(members.c.org_id).where(members.c.user_id == user_id).order_by(members.c.id))
    return issue_token(user_id, org_id)


@bp.post("/auth/refresh")
@login_required(require_org=False)
@bp.response(200, TokenSchema)
def refresh_token():
    """Rotate the bearer token: a new one is issued and the one used for this call is revoked."""
    db = get_db()
    db.execute(api_tokens.update().where(api_tokens.c.token_hash == token_hash(_bearer_token()))
               .values(revoked_at=utcnow()))
    return issue_token(g.user_id, g.org_id)


# --- phone verification ---------------------------------------------------------------------------------------

@bp.post("/c/<token>/phone")
@bp.arguments(PhoneSchema)
@bp.response(200)
def verify_phone(body, token):
    """Candidate: the getPhoneNumber button's code → the verified phone (WeChat's phone-number API), stored
    encrypted and answered masked."""
    row = load_session_by_token(token)
    client = _client()
    try:
        result = client.wxa.get_user_phone_number(body["code"])
    except (WeChatClientException, requests.RequestException) as error:
        _wechat_error(error)
    info = result.get("phone_info") or {}
    phone = info.get("purePhoneNumber") or info.get("phoneNumber")
    if not phone:
        abort(502, "wechat_error", "WeChat returned no phone number.")
    db, now = get_db(), utcnow()
    db.execute(phone_verifications.insert().values(
        session_id=row.id, user_id=row.candidate_user_id, phone_enc=encrypt(phone), phone_last4=phone[-4:],
        country_code=str(info.get("countryCode") or "") or None, verified_at=now))
    invitation = db.execute(sa.select(invitations.c.id, invitations.c.candidate_phone_enc)
                            .where(invitations.c.id == row.invitation_id)).first()
    if not decrypt(invitation.candidate_phone_enc):
        db.execute(invitations.update().where(invitations.c.id == invitation.id).values(
            candidate_phone_enc=encrypt(phone), phone_last4=phone[-4:]))
    audit.record(row.org_id, f"session:{row.id}", "candidate.phone_verified", f"session:{row.id}", {})
    return {"verified": True, "phone": mask_phone(phone), "verified_at": iso(now)}


# --- server message push (消息推送) ----------------------------------------------------------------------------

def _check_push_signature():
    push_token = wechat.setting(current_app.config, "WECHAT_PUSH_TOKEN")
    if not push_token:
        abort(404, "not_found", "Message push is not configured on this server.")
    args = request.args
    try:
        check_signature(push_token, args.get("signature", ""), args.get("timestamp", ""), args.get("nonce", ""))
    except InvalidSignatureException:
        abort(403, "bad_signature", "The message push signature is not valid.")


@bp.route("/wechat/push", methods=["GET", "POST"])
@bp.response(200, content_type="text/plain")
def message_push():
    """WeChat server message push: GET answers the URL check with echostr; POST acknowledges a message.
    Both verify signature = sha1(sort(token, timestamp, nonce)) and answer 403 when it is wrong."""
    _check_push_signature()
    if request.method == "GET":
        return Response(request.args.get("echostr", ""), mimetype="text/plain")
    return Response("success", mimetype="text/plain")
