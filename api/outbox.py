"""The notification outbox: subscribe messages that are never lost and never sent twice.

Events enqueue rows (one per recipient, keyed by an idempotency key, so a repeated event adds nothing); the
worker claims due rows under a lease and sends them through WeChat. Outcomes:
  sent     — WeChat accepted it; the recipient's one-time subscription for the template is used up.
  skipped  — not sent, with the reason: no WeChat user, not subscribed (locally known, or WeChat's 43101),
             no template id configured, or WeChat not configured (development).
  pending  — waiting for its next try: rate limits (45009, 45011, -1 busy) back off longer, network and HTTP
             errors back off exponentially, up to OUTBOX_MAX_ATTEMPTS.
  failed   — a permanent error (47003 field rule, 40003 bad openid, 40037 bad template, 41030 bad page), the
             last try, or a worker that died mid-send (the outcome is unknown, so it is not sent again).
  needs_subscription — the recipient has no subscription credit left for the template (each accepted
             wx.requestSubscribeMessage allows ONE message). Kept, shown in HR's inbox, and made pending again
             when the recipient accepts the template again (api/subscriptions.py), then sent as one digest.
  merged   — folded into a digest: when only one credit is left and several HR messages of that template wait,
             one digest ("张三等 3 位候选人待处理") is sent instead and the others are marked merged.
Message contents are built at send time from the database, so no PII is copied into the outbox; values are
fitted to each field type's rules (api/wechat/fields.py).
"""
import logging
import socket
import os
from datetime import timedelta

import requests
import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken
from wechatpy.exceptions import WeChatClientException

from api import wechat
from api.crypto import mask_name
from api.schema import (interviews, invitations, jobs, members, notifications, organisations, referrers, sessions,
                        subscriptions, users)
from api.timeutil import utcnow
from api.wechat.fields import UnrepresentableValue, build_data

log = logging.getLogger("miaomian.outbox")

KINDS = {
    "answers_received": {"recipient": "candidate", "template": "WECHAT_TEMPLATE_ANSWERS_RECEIVED",
                         "page": "pages/finish/finish",
                         "fields": {"thing1": "interview", "thing2": "company", "time3": "submitted_at",
                                    "thing4": "hint"}},
    "report_ready": {"recipient": "candidate", "template": "WECHAT_TEMPLATE_REPORT_READY",
                     "page": "pages/report/report",
                     "fields": {"thing1": "interview", "thing2": "company", "phrase3": "state", "thing4": "hint"}},
    "candidate_finished": {"recipient": "hr", "template": "WECHAT_TEMPLATE_CANDIDATE_FINISHED",
                           "page": "packageHR/pages/session/session?id={session_id}",
                           "fields": {"name1": "candidate", "number2": "score", "phrase3": "verdict",
                                      "thing4": "interview"}},
    "referee_advanced": {"recipient": "referrer", "template": "WECHAT_TEMPLATE_REFEREE_ADVANCED",
                         "page": "pages/referrer/referrer",
                         "fields": {"name1": "referee", "thing2": "job", "phrase3": "stage", "thing4": "hint"}},
    # A candidate asked for a human review: HR hears it through the "candidate finished" template unless a
    # template of its own is configured (HR then needs only one subscription for both).
    "review_requested": {"recipient": "hr", "template": "WECHAT_TEMPLATE_REVIEW_REQUESTED",
                         "fallback": "candidate_finished",
                         "page": "packageHR/pages/session/session?id={session_id}",
                         "fields": {"name1": "candidate", "number2": "score", "phrase3": "verdict",
                                    "thing4": "interview"}},
    "decision_made": {"recipient": "candidate", "template": "WECHAT_TEMPLATE_DECISION_MADE",
                      "page": "pages/report/report",
                      "fields": {"thing1": "interview", "thing2": "company", "phrase3": "decision", "thing4": "hint"}},
}
HR_KINDS = tuple(kind for kind, spec in KINDS.items() if spec["recipient"] == "hr")
RATE_LIMIT_CODES = (-1, 45009, 45011, 45047)
# Every reason the outbox stores starts with one of these codes ("<code>: <English detail>"); HR reads the Chinese
# sentence api/messages.py NOTIFICATION_REASONS has for the code (tests/wechat/test_outbox_reasons.py).
REASON_CODES = ("no_recipient", "needs_subscription", "outcome_unknown", "gave_up", "will_retry", "not_configured",
                "no_template", "no_openid", "session_gone", "unrepresentable", "refused", "wechat_error", "merged",
                "subscribed_again")
REFUSED = 43101
PERMANENT_CODES = {40003: "touser is not a valid openid", 40037: "the template id is not valid",
                   47003: "a field broke WeChat's rules", 41030: "the page does not exist in the published version"}


# --- enqueue (inside the caller's transaction; no app context needed) -------------------------------------

def enqueue(connection, kind: str, session_id: int | None, org_id: int | None, user_id: int | None,
            key: str | None = None) -> bool:
    """Add one notification; False when this exact message (its idempotency key) is already there."""
    assert kind in KINDS, kind
    key = key or f"{kind}:session:{session_id}:user:{user_id or 'none'}"
    now = utcnow()
    values = dict(kind=kind, idempotency_key=key, session_id=session_id, org_id=org_id, user_id=user_id,
                  status="pending", attempts=0, next_attempt_at=now, created_at=now, updated_at=now)
    if user_id is None:
        values.update(status="skipped", reason=f"no_recipient: the {KINDS[kind]['recipient']} has not signed in "
                                               "with WeChat, so there is no openid to send to")
    elif kind in HR_KINDS and connection.scalar(sa.select(notifications.c.id).where(
            notifications.c.user_id == user_id, notifications.c.kind.in_(HR_KINDS),
            notifications.c.status == "needs_subscription")):
        # Already waiting for a new subscription: wait with the others, to go out in one digest.
        values.update(status="needs_subscription",
                      reason="needs_subscription: not subscribed, waiting for the recipient to accept "
                             "the template again; will be sent in a digest")
    if connection.scalar(sa.select(notifications.c.id).where(notifications.c.idempotency_key == key)):
        return False
    try:
        with connection.begin_nested():
            connection.execute(notifications.insert().values(**values))
    except sa.exc.IntegrityError:
        return False
    return True


def _session(connection, session_id: int):
    return connection.execute(
        sa.select(sessions, interviews.c.created_by.label("interview_owner"), invitations.c.referrer_id)
        .join(interviews, interviews.c.id == sessions.c.interview_id)
        .join(invitations, invitations.c.id == sessions.c.invitation_id)
        .where(sessions.c.id == session_id)).first()


def on_submitted(connection, session_id: int) -> None:
    """The candidate submitted: "answers received"."""
    row = _session(connection, session_id)
    if row is not None:
        enqueue(connection, "answers_received", row.id, row.org_id, row.candidate_user_id)


def hr_recipients(connection, row) -> list[int]:
    if row.interview_owner is not None and connection.scalar(
            sa.select(members.c.id).where(members.c.org_id == row.org_id, members.c.user_id == row.interview_owner)):
        return [row.interview_owner]
    return list(connection.execute(sa.select(members.c.user_id).where(
        members.c.org_id == row.org_id, members.c.role == "owner").order_by(members.c.id)).scalars())


def on_settled(connection, session_id: int) -> None:
    """Analysis settled the session (scored or needs_review): the candidate's report, HR's summary."""
    row = _session(connection, session_id)
    if row is None:
        return
    enqueue(connection, "report_ready", row.id, row.org_id, row.candidate_user_id)
    for user_id in hr_recipients(connection, row) or [None]:
        enqueue(connection, "candidate_finished", row.id, row.org_id, user_id)


def on_review_requested(connection, session_id: int) -> None:
    """The candidate asked for a human review: HR hears it (once per session)."""
    row = _session(connection, session_id)
    if row is None:
        return
    for user_id in hr_recipients(connection, row) or [None]:
        enqueue(connection, "review_requested", row.id, row.org_id, user_id)


def on_decided(connection, session_id: int, decision: str, sequence: int) -> str | None:
    """HR advanced or rejected and chose to tell the candidate: the candidate's "decision" message. Every
    told outcome is its own message (`sequence`: the decision's audit-log id), so an outcome told again after
    a reversal (advance → reject → hold → advance) is never dropped as a duplicate. Returns the idempotency
    key of the enqueued notification, or None when nothing was queued (hold, or HR kept it internal)."""
    row = _session(connection, session_id)
    if row is None or decision not in ("advance", "reject") or row.decision_notify is False:
        return None
    key = f"decision_made:session:{row.id}:{decision}:{sequence}"
    enqueue(connection, "decision_made", row.id, row.org_id, row.candidate_user_id, key=key)
    return key


def on_advanced(connection, session_id: int) -> None:
    """HR advanced a referred candidate: the referrer hears that their referee advanced."""
    row = _session(connection, session_id)
    if row is None or row.referrer_id is None:
        return
    referrer_user = connection.scalar(sa.select(referrers.c.user_id).where(referrers.c.id == row.referrer_id))
    enqueue(connection, "referee_advanced", row.id, row.org_id, referrer_user,
            key=f"referee_advanced:session:{row.id}:referrer:{row.referrer_id}")


# --- delivery ---------------------------------------------------------------------------------------------

def _decrypt(config, value):
    if value is None:
        return None
    try:
        return Fernet(config["DATA_KEY"].encode()).decrypt(value.encode()).decode()
    except (InvalidToken, ValueError):
        return None


def message_values(connection, config, note) -> dict:
    row = connection.execute(
        sa.select(sessions, interviews.c.title.label("interview"), jobs.c.title.label("job"),
                  organisations.c.name.label("company"), invitations.c.candidate_name_enc)
        .join(interviews, interviews.c.id == sessions.c.interview_id).join(jobs, jobs.c.id == interviews.c.job_id)
        .join(organisations, organisations.c.id == sessions.c.org_id)
        .join(invitations, invitations.c.id == sessions.c.invitation_id)
        .where(sessions.c.id == note.session_id)).first()
    if row is None:
        return {}
    name = _decrypt(config, row.candidate_name_enc) or "候选人"
    verdict = {True: "推荐", False: "不推荐"}.get(row.recommended, "待人工复核")
    values = {"interview": row.interview, "company": row.company, "job": row.job, "session_id": row.id,
            "submitted_at": row.submitted_at or utcnow(), "candidate": name, "referee": mask_name(name),
            "score": row.overall if row.overall is not None else 0, "verdict": verdict,
            "state": "已完成" if row.status in ("scored", "needs_review") else "处理中",
            "stage": "进入下一轮", "decision": {"advance": "进入下一轮", "reject": "未通过"}.get(row.decision, "待定"),
            "requested_at": row.review_requested_at or utcnow(),
            "hint": {"answers_received": "回答已收到，分析完成后通知你",
                     "report_ready": "点击查看你的面试反馈",
                     "decision_made": "招聘方有了结果，点击查看",
                     "referee_advanced": "感谢推荐，点击查看进展"}.get(note.kind, "点击查看详情")}
    if note.kind == "review_requested":
        values.update(verdict="申请复核", interview=f"{name}申请人工复核")
    return values


def claim_next(connection, worker: str, lease_seconds: int):
    now = utcnow()
    candidates = connection.execute(
        sa.select(notifications.c.id).where(notifications.c.status == "pending",
                                            notifications.c.next_attempt_at <= now)
        .order_by(notifications.c.next_attempt_at, notifications.c.id).limit(5)).scalars().all()
    for note_id in candidates:
        claimed = connection.execute(notifications.update().where(
            notifications.c.id == note_id, notifications.c.status == "pending").values(
            status="sending", lease_owner=worker, lease_expires_at=now + timedelta(seconds=lease_seconds),
            attempts=notifications.c.attempts + 1, updated_at=now))
        if claimed.rowcount == 1:
            return connection.execute(sa.select(notifications).where(notifications.c.id == note_id)).first()
    return None


def _abandon_dead_leases(connection) -> None:
    connection.execute(notifications.update().where(
        notifications.c.status == "sending", notifications.c.lease_expires_at <= utcnow()).values(
        status="failed", lease_owner=None, updated_at=utcnow(),
        reason="outcome_unknown: outcome unknown, the worker stopped while sending; not sent again so it cannot arrive twice"))


def _finish(engine, note, worker, **values) -> None:
    values.setdefault("lease_owner", None)
    values["updated_at"] = utcnow()
    with engine.begin() as connection:
        connection.execute(notifications.update().where(
            notifications.c.id == note.id, notifications.c.status == "sending",
            notifications.c.lease_owner == worker).values(**values))
        if values.get("status") == "sent":
            connection.execute(subscriptions.update().where(
                subscriptions.c.user_id == note.user_id, subscriptions.c.template_id == values["template_id"],
                subscriptions.c.remaining > 0).values(remaining=subscriptions.c.remaining - 1, updated_at=utcnow()))
        if values.get("errcode") == REFUSED:
            connection.execute(subscriptions.update().where(
                subscriptions.c.user_id == note.user_id, subscriptions.c.template_id == values["template_id"])
                .values(remaining=0, last_result="reject", updated_at=utcnow()))


def _retry_or_fail(engine, note, worker, config, reason, errcode=None, rate_limited=False, template_id=None):
    if note.attempts >= int(wechat.setting(config, "OUTBOX_MAX_ATTEMPTS")):
        _finish(engine, note, worker, status="failed", errcode=errcode, template_id=template_id,
                reason=f"gave_up: gave up after {note.attempts} tries: {reason}"[:500])
        return
    base = float(wechat.setting(config, "OUTBOX_RATE_LIMIT_SECONDS" if rate_limited else "OUTBOX_BACKOFF_SECONDS"))
    delay = base * (2 ** (note.attempts - 1))
    _finish(engine, note, worker, status="pending", errcode=errcode, template_id=template_id,
            reason=f"will_retry: {reason}"[:500], next_attempt_at=utcnow() + timedelta(seconds=delay))


def template_for(config, kind: str) -> tuple[str | None, dict]:
    """(template id, field map) of a kind; a kind with a `fallback` uses that kind's template when its own is
    not configured."""
    spec = KINDS[kind]
    template_id = wechat.setting(config, spec["template"]) or None
    fields = config.get("WECHAT_TEMPLATE_FIELDS", {}).get(kind) or spec["fields"]
    if template_id is None and spec.get("fallback"):
        fallback = spec["fallback"]
        template_id = wechat.setting(config, KINDS[fallback]["template"]) or None
        fields = config.get("WECHAT_TEMPLATE_FIELDS", {}).get(fallback) or KINDS[fallback]["fields"]
    return template_id, fields


def _waiting_for_digest(connection, note, template_kinds) -> list:
    """Other HR notifications for the same recipient and template that a digest can carry."""
    return list(connection.execute(sa.select(notifications.c.id, notifications.c.session_id).where(
        notifications.c.user_id == note.user_id, notifications.c.id != note.id,
        notifications.c.kind.in_(template_kinds),
        notifications.c.status.in_(("pending", "needs_subscription")))))


def digest_values(connection, config, note, others) -> dict:
    """One message for several candidates: "张三等" / "3位候选人待你处理" (distinct candidates)."""
    values = message_values(connection, config, note)
    count = len({note.session_id} | {other.session_id for other in others})  # people, not messages
    first = values.get("candidate") or "候选人"
    values.update(candidate=f"{first[:4]}等", score=count, verdict="待处理",
                  interview=f"{count}位候选人待你处理", session_id="")
    return values


def deliver(engine, note, worker: str, config) -> str:
    spec = KINDS[note.kind]
    template_id, fields = template_for(config, note.kind)
    with engine.connect() as connection:
        openid = connection.scalar(sa.select(users.c.openid).where(users.c.id == note.user_id))
        remaining = connection.scalar(sa.select(subscriptions.c.remaining).where(
            subscriptions.c.user_id == note.user_id, subscriptions.c.template_id == (template_id or "")))
        values = message_values(connection, config, note)
        others = []
        if note.kind in HR_KINDS and remaining == 1:
            same_template = [kind for kind in HR_KINDS if template_for(config, kind)[0] == template_id]
            others = _waiting_for_digest(connection, note, same_template)
            if others:
                values = digest_values(connection, config, note, others)
    client = wechat.client_for(config, engine)
    skip = None
    if client is None:
        skip = "not_configured: WeChat is not configured (no MIAOMIAN_WECHAT_APPID): development mode, message not sent"
    elif template_id is None:
        skip = f"no_template: no template id configured: set MIAOMIAN_{spec['template']}"
    elif not openid:
        skip = "no_openid: the recipient has no WeChat openid"
    elif not values:
        skip = "session_gone: the candidate session no longer exists"
    elif not remaining:
        _finish(engine, note, worker, status="needs_subscription", template_id=template_id,
                reason="needs_subscription: not subscribed, no credit left for this template (one message per "
                       "accepted wx.requestSubscribeMessage); waiting for the recipient to subscribe again")
        return "needs_subscription"
    if skip:
        _finish(engine, note, worker, status="skipped", reason=skip, template_id=template_id)
        return "skipped"
    try:
        data = build_data(fields, values)
    except UnrepresentableValue as error:
        _finish(engine, note, worker, status="failed", template_id=template_id,
                reason=f"unrepresentable: 消息未发送：模板字段无法如实填写（{error}），不会发送编造的内容"[:500])
        return "failed"
    page = spec["page"].format(**values) if values.get("session_id") != "" else "packageHR/pages/inbox/inbox"
    try:
        client.wxa.send_subscribe_message(openid, template_id, data, page=page,
                                          miniprogram_state=wechat.setting(config, "WECHAT_MINIPROGRAM_STATE"))
    except WeChatClientException as error:
        code = error.errcode
        message = f"{code}: {error.errmsg}"
        if code == REFUSED:
            _finish(engine, note, worker, status="skipped", errcode=code, template_id=template_id,
                    reason="refused: WeChat 43101: the user refused or cancelled this subscription; not retried")
            return "skipped"
        if code in RATE_LIMIT_CODES:
            _retry_or_fail(engine, note, worker, config, f"WeChat rate limit or busy ({message})", code,
                           rate_limited=True, template_id=template_id)
            return "retry"
        if code is None:
            _retry_or_fail(engine, note, worker, config, f"HTTP error from WeChat ({error.errmsg})",
                           template_id=template_id)
            return "retry"
        _finish(engine, note, worker, status="failed", errcode=code, template_id=template_id,
                reason=f"wechat_error: WeChat {message} ({PERMANENT_CODES.get(code, 'permanent error')}); "
                       "not retried"[:500])
        return "failed"
    except requests.RequestException as error:
        _retry_or_fail(engine, note, worker, config, f"network error: {type(error).__name__}: {error}"[:300],
                       template_id=template_id)
        return "retry"
    _finish(engine, note, worker, status="sent", errcode=0, reason=None, sent_at=utcnow(), template_id=template_id)
    if others:
        with engine.begin() as connection:
            connection.execute(notifications.update().where(
                notifications.c.id.in_([other.id for other in others]),
                notifications.c.status.in_(("pending", "needs_subscription"))).values(
                status="merged", template_id=template_id, sent_at=utcnow(), updated_at=utcnow(),
                reason=f"merged: merged into the digest sent as notification {note.id}"))
    return "sent"


def resume_after_subscribe(connection, user_id: int, template_ids: list[str], config) -> int:
    """The user accepted templates again: their notifications waiting for a subscription become due."""
    kinds = [kind for kind in KINDS if template_for(config, kind)[0] in template_ids]
    if not kinds:
        return 0
    return connection.execute(notifications.update().where(
        notifications.c.user_id == user_id, notifications.c.kind.in_(kinds),
        notifications.c.status == "needs_subscription").values(
        status="pending", next_attempt_at=utcnow(), updated_at=utcnow(),
        reason="subscribed_again: the recipient accepted the template again")).rowcount


def process_one(engine, worker: str, config) -> bool:
    """Claim and deliver one due notification; False when there was nothing to do."""
    with engine.begin() as connection:
        _abandon_dead_leases(connection)
        note = claim_next(connection, worker, int(wechat.setting(config, "OUTBOX_LEASE_SECONDS")))
    if note is None:
        return False
    try:
        outcome = deliver(engine, note, worker, config)
    except Exception as error:  # a bug or a database hiccup: retry later rather than lose the message
        log.exception("notification %s: unexpected error", note.id)
        _retry_or_fail(engine, note, worker, config, f"{type(error).__name__}: {error}"[:300])
        return True
    log.info("notification %s (%s) → %s", note.id, note.kind, outcome)
    return True


def drain(engine, config, worker: str | None = None, limit: int = 1000) -> int:
    """Process every due notification now (tests, CLI); the number processed."""
    worker = worker or f"{socket.gethostname()}:{os.getpid()}:drain"
    count = 0
    while count < limit and process_one(engine, worker, config):
        count += 1
    return count


def worker_config(app_config) -> dict:
    """What a worker process needs to deliver notifications."""
    keys = ("DATA_KEY", "PUBLIC_URL", "WECHAT_TEMPLATE_FIELDS")
    return {key: app_config[key] for key in app_config
            if key.startswith(("WECHAT_", "OUTBOX_")) or key in keys}
