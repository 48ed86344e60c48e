"""WeChat sign-in (code2Session), token rotation, team invites, phone verification, subscriptions,
notification delivery state for HR, and the server message push endpoint (signature checked)."""
import secrets
from datetime import timedelta

import marshmallow as ma
import requests
import sqlalchemy as sa
from flask import Response, current_app, g, request
from flask_smorest import Blueprint
from wechatpy.exceptions import InvalidSignatureException, WeChatClientException
from wechatpy.utils import check_signature

from api import audit, wechat
from api.auth import TokenSchema, _bearer_token, issue_token, login_required
from api.candidate import load_session_by_token
from api.crypto import decrypt, encrypt, mask_phone, token_hash
from api.db import get_db
from api.openapi import ID_RANGE, abort
from api.outbox import KINDS
from api.schema import (api_tokens, invitations, members, notifications, phone_verifications, sessions,
                        subscriptions, team_invites, users, wechat_logins)
from api.timeutil import iso, utcnow

bp = Blueprint("wechat", __name__, url_prefix="/api", description="WeChat: sign-in, team, phone, subscriptions")

INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SUBSCRIBE_RESULTS = ("accept", "reject", "ban", "filter")


class WechatLoginSchema(ma.Schema):
    code = ma.fields.String(required=True, validate=ma.validate.Length(1, 128))
    name = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 100))


class TeamInviteInSchema(ma.Schema):
    role = ma.fields.String(load_default="hr", validate=ma.validate.OneOf(("hr", "manager")))
    max_uses = ma.fields.Integer(load_default=1, validate=ma.validate.Range(1, 50))
    expires_in_days = ma.fields.Integer(load_default=7, validate=ma.validate.Range(1, 30))


class PhoneSchema(ma.Schema):
    code = ma.fields.String(required=True, validate=ma.validate.Length(1, 128))


class SubscriptionsSchema(ma.Schema):
    accepted = ma.fields.List(ma.fields.String(validate=ma.validate.Length(1, 64)), load_default=list)
    rejected = ma.fields.List(ma.fields.String(validate=ma.validate.Length(1, 64)), load_default=list)
    context = ma.fields.Dict(load_default=dict)


class NotificationArgs(ma.Schema):
    status = ma.fields.String(load_default=None, validate=ma.validate.OneOf(
        ("pending", "sending", "sent", "skipped", "failed")))
    session_id = ma.fields.Integer(load_default=None, validate=ID_RANGE)


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
        user_id = db.execute(users.insert().values(display_name=body["name"] or "微信用户", openid=openid,
                                                   unionid=unionid, created_at=now)).inserted_primary_key[0]
    else:
        user_id = user.id
        db.execute(users.update().where(users.c.id == user_id).values(
            openid=openid, unionid=unionid or user.unionid,
            **({"display_name": body["name"]} if body["name"] else {})))
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


# --- team invites ---------------------------------------------------------------------------------------------

def invite_json(row) -> dict:
    return {"id": row.id, "code": row.code, "role": row.role, "max_uses": row.max_uses, "uses": row.uses,
            "expires_at": iso(row.expires_at), "revoked": row.revoked_at is not None,
            "created_at": iso(row.created_at)}


def _owner_only():
    if g.role != "owner":
        abort(403, "owner_only", "Only the organisation's owner can manage team invites.")


@bp.post("/team-invites")
@login_required
@bp.arguments(TeamInviteInSchema)
@bp.response(201)
def create_team_invite(body):
    """Owner: a code that lets colleagues join the organisation as HR or hiring manager."""
    _owner_only()
    db = get_db()
    while True:
        code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(10))
        if not db.scalar(sa.select(team_invites.c.id).where(team_invites.c.code == code)):
            break
    now = utcnow()
    invite_id = db.execute(team_invites.insert().values(
        org_id=g.org_id, code=code, role=body["role"], max_uses=body["max_uses"], uses=0,
        expires_at=now + timedelta(days=body["expires_in_days"]), created_by=g.user_id,
        created_at=now)).inserted_primary_key[0]
    audit.record(g.org_id, f"user:{g.user_id}", "team_invite.created", f"team_invite:{invite_id}", {"role": body["role"]})
    return invite_json(db.execute(sa.select(team_invites).where(team_invites.c.id == invite_id)).first())


@bp.get("/team-invites")
@login_required
@bp.response(200)
def list_team_invites():
    """Owner: the organisation's team invites."""
    _owner_only()
    return [invite_json(row) for row in get_db().execute(
        sa.select(team_invites).where(team_invites.c.org_id == g.org_id).order_by(team_invites.c.id.desc()))]


@bp.delete("/team-invites/<int:invite_id>")
@login_required
@bp.response(200)
def revoke_team_invite(invite_id):
    """Owner: revoke a team invite."""
    _owner_only()
    changed = get_db().execute(team_invites.update().where(team_invites.c.id == invite_id,
                                                           team_invites.c.org_id == g.org_id)
                               .values(revoked_at=utcnow()))
    if changed.rowcount == 0:
        abort(404, "team_invite_not_found", f"There is no team invite {invite_id} in your organisation.")
    return {"id": invite_id, "revoked": True}


@bp.post("/team-invites/<code>/join")
@login_required(require_org=False)
@bp.response(200, TokenSchema)
def join_team(code):
    """A signed-in user joins the organisation of an invite code; the answer is a token for that organisation."""
    db = get_db()
    invite = db.execute(sa.select(team_invites).where(team_invites.c.code == code.strip().upper())
                        .with_for_update()).first()
    if invite is None:
        abort(404, "team_invite_not_found", "This team invite code does not exist.")
    if db.scalar(sa.select(members.c.id).where(members.c.org_id == invite.org_id, members.c.user_id == g.user_id)):
        return issue_token(g.user_id, invite.org_id)
    if invite.revoked_at is not None:
        abort(410, "team_invite_revoked", "This team invite was revoked; ask the owner for a new one.")
    if invite.expires_at <= utcnow():
        abort(410, "team_invite_expired", "This team invite has expired; ask the owner for a new one.")
    used = db.execute(team_invites.update().where(team_invites.c.id == invite.id,
                                                  team_invites.c.uses < team_invites.c.max_uses)
                      .values(uses=team_invites.c.uses + 1))
    if used.rowcount == 0:
        abort(410, "team_invite_used_up", "This team invite has been used up; ask the owner for a new one.")
    db.execute(members.insert().values(org_id=invite.org_id, user_id=g.user_id, role=invite.role, created_at=utcnow()))
    audit.record(invite.org_id, f"user:{g.user_id}", "member.joined", f"team_invite:{invite.id}", {"role": invite.role})
    return issue_token(g.user_id, invite.org_id)


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


# --- subscriptions --------------------------------------------------------------------------------------------

def _template_ids() -> dict:
    return {kind: wechat.setting(current_app.config, spec["template"]) or None for kind, spec in KINDS.items()}


@bp.get("/wechat/config")
@bp.response(200)
def wechat_config():
    """Public: whether WeChat is configured and the subscribe template id of each notification kind."""
    return {"configured": wechat.configured(current_app.config), "templates": _template_ids()}


@bp.post("/me/subscriptions")
@login_required(require_org=False)
@bp.arguments(SubscriptionsSchema)
@bp.response(200)
def save_subscriptions(body):
    """What wx.requestSubscribeMessage returned: each accepted template adds one message the server may send;
    a rejection clears the template's balance."""
    db, now = get_db(), utcnow()
    for template_id, accepted in [(t, True) for t in body["accepted"]] + [(t, False) for t in body["rejected"]]:
        values = {"last_result": "accept" if accepted else "reject", "updated_at": now}
        if accepted:
            values["remaining"] = subscriptions.c.remaining + 1
        else:
            values["remaining"] = 0
        changed = db.execute(subscriptions.update().where(subscriptions.c.user_id == g.user_id,
                                                          subscriptions.c.template_id == template_id).values(**values))
        if changed.rowcount == 0:
            db.execute(subscriptions.insert().values(user_id=g.user_id, template_id=template_id,
                                                     remaining=1 if accepted else 0, created_at=now,
                                                     last_result=values["last_result"], updated_at=now))
    return list_subscriptions_json()


def list_subscriptions_json():
    rows = get_db().execute(sa.select(subscriptions).where(subscriptions.c.user_id == g.user_id)
                            .order_by(subscriptions.c.template_id))
    kinds = {v: k for k, v in _template_ids().items() if v}
    return [{"template_id": row.template_id, "kind": kinds.get(row.template_id), "remaining": row.remaining,
             "last_result": row.last_result, "updated_at": iso(row.updated_at)} for row in rows]


@bp.get("/me/subscriptions")
@login_required(require_org=False)
@bp.response(200)
def list_subscriptions():
    """The caller's one-time subscriptions: how many messages of each template may still be sent."""
    return list_subscriptions_json()


# --- delivery state for HR ------------------------------------------------------------------------------------

def notification_json(row) -> dict:
    return {"id": row.id, "kind": row.kind, "recipient": {"role": KINDS[row.kind]["recipient"],
                                                          "user_id": row.user_id, "name": row.display_name},
            "session_id": row.session_id, "status": row.status, "reason": row.reason, "errcode": row.errcode,
            "attempts": row.attempts, "next_attempt_at": iso(row.next_attempt_at) if row.status == "pending" else None,
            "sent_at": iso(row.sent_at), "created_at": iso(row.created_at), "updated_at": iso(row.updated_at)}


@bp.get("/notifications")
@login_required
@bp.arguments(NotificationArgs, location="query")
@bp.response(200)
def list_notifications(args):
    """HR: delivery state of the organisation's WeChat notifications (newest first, at most 200)."""
    query = (sa.select(notifications, users.c.display_name).outerjoin(users, users.c.id == notifications.c.user_id)
             .where(notifications.c.org_id == g.org_id))
    if args["status"]:
        query = query.where(notifications.c.status == args["status"])
    if args["session_id"]:
        query = query.where(notifications.c.session_id == args["session_id"])
    return [notification_json(row) for row in get_db().execute(query.order_by(notifications.c.id.desc()).limit(200))]


@bp.get("/sessions/<int:session_id>/notifications")
@login_required
@bp.response(200)
def session_notifications(session_id):
    """HR: every notification about one candidate and whether it was delivered, skipped (why) or failed."""
    if not get_db().scalar(sa.select(sessions.c.id).where(sessions.c.id == session_id, sessions.c.org_id == g.org_id)):
        abort(404, "session_not_found", f"There is no candidate session {session_id} in your organisation.")
    rows = get_db().execute(sa.select(notifications, users.c.display_name)
                            .outerjoin(users, users.c.id == notifications.c.user_id)
                            .where(notifications.c.session_id == session_id).order_by(notifications.c.id))
    return [notification_json(row) for row in rows]


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
