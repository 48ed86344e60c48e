"""Subscribe-message consent (what a user accepted in wx.requestSubscribeMessage) and, for HR, the delivery
state of every notification in the outbox."""
from urllib.parse import urlsplit

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, g, request
from api.openapi import Blueprint

from api import messages, wechat
from api.wechat import jssdk
from api.auth import login_required
from api.db import get_db
from api.crypto import read_name
from api.openapi import ID_RANGE, abort
from api import outbox
from api.outbox import KINDS
from api.schema import notifications, sessions, subscriptions, users
from api.timeutil import iso, utcnow

bp = Blueprint("subscriptions", __name__, url_prefix="/api", description="WeChat subscriptions and notification delivery")

SUBSCRIBE_RESULTS = ("accept", "reject", "ban", "filter")


class SubscriptionsSchema(ma.Schema):
    accepted = ma.fields.List(ma.fields.String(validate=ma.validate.Length(1, 64)), load_default=list)
    rejected = ma.fields.List(ma.fields.String(validate=ma.validate.Length(1, 64)), load_default=list)
    context = ma.fields.Dict(load_default=dict)


class NotificationArgs(ma.Schema):
    status = ma.fields.String(load_default=None, validate=ma.validate.OneOf(
        ("pending", "sending", "sent", "skipped", "failed", "merged", "needs_subscription")))
    session_id = ma.fields.Integer(load_default=None, validate=ID_RANGE)





def _template_ids() -> dict:
    return {kind: outbox.template_for(current_app.config, kind)[0] for kind in KINDS}


@bp.get("/wechat/config")
@bp.response(200)
def wechat_config():
    """Public: whether WeChat is configured, the subscribe template id of each notification kind, and how the
    web share page opens the mini-program (wx-open-launch-weapp needs the mini-program's gh_ id and a 服务号
    with JS-SDK; null when not configured — the page then shows the mini-program code to long-press)."""
    config = current_app.config
    launch = None
    if jssdk.configured(config):
        launch = {"appid": wechat.setting(config, "WECHAT_APPID"), "username": wechat.setting(config, "WECHAT_USERNAME"),
                  "oa_appid": wechat.setting(config, "WECHAT_OA_APPID"), "path": "pages/index/index"}
    return {"configured": wechat.configured(config), "templates": _template_ids(), "launch_weapp": launch}


class JssdkArgs(ma.Schema):
    url = ma.fields.Url(required=True, require_tld=False, schemes={"http", "https"},
                        validate=ma.validate.Length(max=2000))


def _our_share_page(url: str) -> bool:
    """Only our own share pages are signed: same origin as PUBLIC_URL or this request, path /s/<code>."""
    parsed = urlsplit(url)
    origins = {urlsplit(current_app.config["PUBLIC_URL"])[:2], urlsplit(request.host_url)[:2]}
    return parsed[:2] in origins and parsed.path.startswith("/s/")


@bp.get("/wechat/jssdk")
@bp.arguments(JssdkArgs, location="query")
@bp.response(200)
def wechat_jssdk(args):
    """Public: the signed `wx.config` for the web share page at `url` (`location.href` without `#…`), so that
    inside WeChat it can show `wx-open-launch-weapp` (api/wechat/jssdk.py):
    `{"appId", "timestamp", "nonceStr", "signature", "jsApiList", "openTagList": ["wx-open-launch-weapp"],
    "username": "gh_…"}`. Errors: 404 `jssdk_not_configured` (no 服务号: the page shows the mini-program code),
    422 `url_not_ours`, 503 `wechat_unavailable` (no ticket from WeChat; the page keeps the code)."""
    if not jssdk.configured(current_app.config):
        abort(404, "jssdk_not_configured")
    if not _our_share_page(args["url"]):
        abort(422, "url_not_ours")
    try:
        return jssdk.config_for(current_app.config, current_app.extensions["miaomian.engine"], args["url"])
    except jssdk.TicketUnavailable as exc:
        current_app.logger.warning("no JS-SDK ticket for the share page: %s", exc)
        abort(503, "wechat_unavailable")


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
    if body["accepted"]:
        outbox.resume_after_subscribe(db, g.user_id, body["accepted"], current_app.config)
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
                                                          "user_id": row.user_id, "name": read_name(row.display_name)},
            "session_id": row.session_id, "status": row.status, "errcode": row.errcode,
            "status_text": messages.NOTIFICATION_STATUS_TEXT.get(row.status, row.status),
            # HR reads `reason` (Chinese, = reason_text); the stable English code stays for programs. The
            # stored English detail is for logs only: nothing an HR page shows is English.
            "reason": messages.notification_reason(row.status, row.reason, row.errcode),
            "reason_text": messages.notification_reason(row.status, row.reason, row.errcode),
            "reason_code": messages.notification_reason_code(row.status, row.reason),
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
        abort(404, "session_not_found")
    rows = get_db().execute(sa.select(notifications, users.c.display_name)
                            .outerjoin(users, users.c.id == notifications.c.user_id)
                            .where(notifications.c.session_id == session_id).order_by(notifications.c.id))
    return [notification_json(row) for row in rows]


