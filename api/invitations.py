"""HR: invite candidates to an interview, one by one or up to 500 at a time, optionally through a referrer."""
import secrets
from datetime import timedelta

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, g
from api.openapi import Blueprint

from api import audit, progress
from api.auth import login_required
from api.crypto import decrypt, encrypt, mask_phone, new_invitation_token, token_hash
from api.db import get_db
from api.interviews import get_interview_or_404, load_questions
from api.openapi import StrictBoolean, abort
from api.people import PersonName, mainland_mobile
from api.messages import display_time
from api.schema import interviews, invitations, referrers, sessions
from api.timeutil import PlannedTime, iso, to_naive_utc, utcnow

bp = Blueprint("invitations", __name__, url_prefix="/api/interviews", description="HR: invitations")
manage_bp = Blueprint("invitation_management", __name__, url_prefix="/api/invitations",
                      description="HR: extend, resend or revoke an invitation")

class CandidateSchema(ma.Schema):
    name = PersonName(required=True, validate=ma.validate.Length(1, 50))
    phone = ma.fields.String(load_default=None, allow_none=True, validate=ma.validate.Length(max=40), metadata={
        "description": "A mainland mobile number (+86, 0086, spaces and dashes allowed); checked per row: "
                       "422 invalid_candidates lists every row to fix"})


class InvitationRequestSchema(ma.Schema):
    candidates = ma.fields.List(ma.fields.Nested(CandidateSchema), required=True)
    referrer = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 16),
                                metadata={"description": "A referral code of this organisation"})
    expires_in_days = ma.fields.Integer(strict=True, load_default=None, validate=ma.validate.Range(1, 90))

    @ma.validates("candidates")
    def within_limit(self, value, **_):
        limit = current_app.config["MAX_INVITATIONS_PER_CALL"]
        if not 1 <= len(value) <= limit:
            raise ma.ValidationError(f"每次邀请 1 到 {limit} 位候选人")


class InvitationSchema(ma.Schema):
    session_id = ma.fields.Integer()
    invitation_id = ma.fields.Integer()
    existing = ma.fields.Boolean(metadata={"description": "Already invited: no token, see message"})
    message = ma.fields.String(metadata={"description": "Why no new invitation was created (existing rows)"})
    phone = ma.fields.String(metadata={"description": "Masked phone (existing rows)"})
    invited_at = ma.fields.String()
    next_actions = ma.fields.List(ma.fields.String())
    name = ma.fields.String()
    token = ma.fields.String()
    url = ma.fields.String()
    scene = ma.fields.String(metadata={"description": "Mini-program code scene (≤ 32 characters)"})
    expires_at = ma.fields.String()


def referrer_id_for(code: str | None) -> int | None:
    if code is None:
        return None
    referrer_id = get_db().scalar(sa.select(referrers.c.id).where(referrers.c.code == code,
                                                                   referrers.c.org_id == g.org_id))
    if referrer_id is None:
        abort(422, "unknown_referrer", f"本企业没有推荐码为 {code} 的推荐人。")
    return referrer_id


def invitation_url(token: str) -> str:
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/i/{token}"


def _checked_rows(candidates: list[dict]) -> list[dict]:
    """Each row with its phone as 11 digits; 422 invalid_candidates naming every row to fix (a malformed
    phone, the same phone twice in one request) and creating nothing."""
    problems, seen = [], {}
    for number, candidate in enumerate(candidates, start=1):
        try:
            candidate["phone"] = mainland_mobile(candidate["phone"])
        except ValueError as error:
            problems.append({"row": number, "name": candidate["name"], "field": "phone", "error": "invalid_phone",
                             "message": str(error)})
            continue
        if candidate["phone"] is None:
            continue
        if candidate["phone"] in seen:
            problems.append({"row": number, "name": candidate["name"], "field": "phone", "error": "duplicate_phone",
                             "message": f"和第 {seen[candidate['phone']]} 行是同一个手机号，同一个人只需邀请一次。"})
        else:
            seen[candidate["phone"]] = number
    if problems:
        listed = "；".join(f"第 {p['row']} 行（{p['name']}）：{p['message']}" for p in problems[:20])
        more = f"……共 {len(problems)} 行" if len(problems) > 20 else ""
        abort(422, "invalid_candidates", f"有 {len(problems)} 行需要修改，这次一份邀请都没有创建：{listed}{more}",
              rows=problems)
    return candidates


def _existing_by_phone(interview_id: int) -> dict:
    """Phone → the invitation (not revoked, not erased) that already invites that number to this interview.
    Read with a lock, after the interview row is locked: racing invitations of one person make one."""
    rows = get_db().execute(
        sa.select(invitations.c.id, invitations.c.candidate_name_enc, invitations.c.candidate_phone_enc,
                  invitations.c.created_at, invitations.c.revoked_at, sessions.c.id.label("session_id"),
                  sessions.c.status, interviews.c.deadline, interviews.c.status.label("interview_status"))
        .join(sessions, sessions.c.invitation_id == invitations.c.id)
        .join(interviews, interviews.c.id == invitations.c.interview_id)
        .where(invitations.c.interview_id == interview_id, invitations.c.revoked_at.is_(None),
               invitations.c.phone_last4.is_not(None), sessions.c.status != "erased").with_for_update())
    return {decrypt(row.candidate_phone_enc): row for row in rows}


def _existing_json(row, phone: str) -> dict:
    """An invitation this request did not create because it exists: no token (shown only when created)."""
    name = decrypt(row.candidate_name_enc) or "候选人"
    actions = next_actions(row)
    then = ("需要新链接可以重新发送邀请（旧链接会失效）。" if "resend" in actions else
            "候选人已经提交，请在候选人列表里查看。" if row.status in ("submitted", "scored", "needs_review") else
            suggestion(actions))
    return {"existing": True, "session_id": row.session_id, "invitation_id": row.id, "name": name,
            "phone": mask_phone(phone), "invited_at": iso(row.created_at), "next_actions": actions,
            "message": f"手机号 {mask_phone(phone)} 已经在 {display_time(row.created_at)} 邀请过（{name}），"
                       f"没有重复创建。{then}"}


@bp.post("/<int:interview_id>/invitations")
@login_required
@bp.arguments(InvitationRequestSchema)
@bp.response(201, InvitationSchema(many=True))
def invite(body, interview_id):
    """Create one invitation (and its session) per candidate; the tokens are shown only in this response.
    A person is their mobile number: a number already invited to this interview (not revoked) gets no second
    invitation — its row comes back as `{"existing": true, "session_id", "invitation_id", "message", …}` without
    a token; when every row already exists the answer is 409 already_invited with `existing`. Phones are
    mainland mobile numbers; any malformed row → 422 invalid_candidates with `rows` and nothing created."""
    interview = get_interview_or_404(interview_id)
    if interview.status != "open":
        abort(409, "interview_closed", "这场面试已经结束，不能邀请候选人。" + suggestion(["reopen"]),
              next_actions=["reopen"])
    _interview_deadline_not_passed(interview.deadline, "邀请候选人")
    candidates = _checked_rows(body["candidates"])
    referrer_id = referrer_id_for(body["referrer"])
    days = body["expires_in_days"] or current_app.config["INVITATION_TTL_DAYS"]
    expires_at = utcnow() + timedelta(days=days)
    if interview.deadline is not None:
        expires_at = min(expires_at, interview.deadline)
    db, now, created = get_db(), utcnow(), []
    # Lock the interview row (SQLite: the write lock), then read who is invited already.
    db.execute(interviews.update().where(interviews.c.id == interview.id).values(id=interviews.c.id))
    existing = _existing_by_phone(interview.id)
    for candidate in candidates:
        if candidate["phone"] in existing:
            created.append(_existing_json(existing[candidate["phone"]], candidate["phone"]))
            continue
        token = new_invitation_token()
        invitation_id = db.execute(invitations.insert().values(
            org_id=g.org_id, interview_id=interview.id, token_hash=token_hash(token),
            candidate_name_enc=encrypt(candidate["name"]), candidate_phone_enc=encrypt(candidate["phone"]),
            phone_last4=(candidate["phone"] or "")[-4:] or None, referrer_id=referrer_id,
            channel="referrer" if referrer_id else "invitation", expires_at=expires_at,
            created_at=now)).inserted_primary_key[0]
        session_id = db.execute(sessions.insert().values(
            public_id=secrets.token_hex(8), org_id=g.org_id, interview_id=interview.id, invitation_id=invitation_id,
            status="invited", created_at=now)).inserted_primary_key[0]
        created.append({"session_id": session_id, "invitation_id": invitation_id, "name": candidate["name"],
                        "token": token, "url": invitation_url(token), "scene": token, "expires_at": iso(expires_at),
                        "existing": False})
    if all(item["existing"] for item in created):
        one = created[0]["message"] if len(created) == 1 else f"这 {len(created)} 位候选人都已经邀请过了，没有重复创建。"
        abort(409, "already_invited", one, existing=created)
    return created


class ExtendSchema(ma.Schema):
    days = ma.fields.Integer(strict=True, load_default=None, validate=ma.validate.Range(1, 90))
    expires_at = PlannedTime(load_default=None)
    extend_interview = StrictBoolean(load_default=False, metadata={
        "description": "Also move the interview's deadline to the new expiry when it is later (else 409)"})

    @ma.validates_schema
    def one_of(self, data, **_):
        if (data.get("days") is None) == (data.get("expires_at") is None):
            raise ma.ValidationError("请给出延长的天数或新的过期时间，二选一。")


class ResendSchema(ma.Schema):
    days = ma.fields.Integer(strict=True, load_default=None, validate=ma.validate.Range(1, 90))
    confirm = StrictBoolean(load_default=False, metadata={
        "description": "Required while the candidate is mid-interview (else 409 candidate_mid_interview)"})


def old_link_refusal(token: str) -> tuple[str, str] | None:
    """(error code, Chinese sentence) for a link HR replaced by re-sending, saying what is true now of the
    invitation behind it (its newest link revoked or expired, the data erased, the answers submitted through
    the new link); None when `token` is no replaced link."""
    from api.deadlines import NOT_STARTED, SUBMITTED
    row = get_db().execute(sa.select(invitations.c.revoked_at, invitations.c.expires_at, sessions.c.status)
                           .join(sessions, sessions.c.invitation_id == invitations.c.id)
                           .where(invitations.c.previous_token_hash == token_hash(token))).first()
    if row is None:
        return None
    stale = "这个面试链接已经失效"
    if row.status == "erased":
        return "erased", f"{stale}，你已经删除了这场面试的数据。"
    if row.revoked_at is not None and row.status not in SUBMITTED:
        return "invitation_revoked", f"{stale}：招聘方后来发过新的链接，但这份邀请现在已被招聘方撤回，新链接也不能用了。"
    if row.status in SUBMITTED:
        return "link_replaced", f"{stale}：你已经用招聘方后来发的新链接提交了回答，不需要再作答。"
    if row.status in NOT_STARTED and row.expires_at <= utcnow():
        return "invitation_expired", (f"{stale}：招聘方后来发的新链接也已于{display_time(row.expires_at)}过期，"
                                      "如需参加请联系招聘方。")
    return "link_replaced", f"{stale}：招聘方给你发了新的链接，请使用最新收到的链接。"


def _interview_deadline_not_passed(deadline, action: str) -> None:
    """409 interview_deadline_passed when the interview's own deadline has passed: a link made now would be
    expired the moment it is opened."""
    if deadline is not None and deadline <= utcnow():
        abort(409, "interview_deadline_passed", f"这场面试的截止时间（{display_time(deadline)}）已经过了，现在{action}，"
              "候选人打开链接时就已过期。" + suggestion(["extend_deadline"]), next_actions=["extend_deadline"])


# What HR can do next about a candidate who has not submitted, in the words refusals use to suggest it. A
# refusal names only actions this API accepts in that state (next_actions); its `next_actions` lists them.
NEXT_ACTION_TEXT = {"extend": "延期", "resend": "重新发送邀请", "reopen": "重新开放这场面试",
                    "extend_deadline": "延长面试的截止时间",
                    "reinvite": "重新邀请这位候选人（会生成一份新的邀请，旧的作答记录不会带过去）"}


def next_actions(row) -> list[str]:
    """Actions accepted for this invitation's candidate now (row: session `status`, `revoked_at`,
    `interview_status`, interview `deadline`): extend/resend on an open interview before its deadline; a
    revoked invitation is never extended or re-sent, only a new invitation works; a closed interview must be
    reopened and a past interview deadline moved first. Nothing once submitted or erased."""
    if row.status == "erased" or row.status in ("submitted", "scored", "needs_review"):
        return []
    if row.interview_status != "open":
        return ["reopen"]
    if row.deadline is not None and row.deadline <= utcnow():
        return ["extend_deadline"]
    if row.revoked_at is not None:
        return ["reinvite"]
    return ["extend", "resend"]


def suggestion(actions: list[str]) -> str:
    """The Chinese sentence naming `actions` (next_actions), "" for none."""
    if not actions:
        return ""
    if actions[0] in ("reopen", "extend_deadline"):
        return f"请先{NEXT_ACTION_TEXT[actions[0]]}。"
    if actions == ["reinvite"]:
        return f"如需再次邀请，请{NEXT_ACTION_TEXT['reinvite']}。"
    return "可以先" + "或".join(NEXT_ACTION_TEXT[a] for a in actions) + "。"


def refuse(status: int, error: str, reason: str, row) -> None:
    """Abort with `reason` plus the suggestion of what is accepted instead, and `next_actions`."""
    actions = next_actions(row)
    abort(status, error, reason + suggestion(actions), next_actions=actions)


def _invitation_or_404(invitation_id: int):
    row = get_db().execute(
        sa.select(invitations, sessions.c.id.label("session_id"), sessions.c.status, sessions.c.last_activity_at,
                  interviews.c.deadline, interviews.c.status.label("interview_status"))
        .join(sessions, sessions.c.invitation_id == invitations.c.id)
        .join(interviews, interviews.c.id == invitations.c.interview_id)
        .where(invitations.c.id == invitation_id, invitations.c.org_id == g.org_id)).first()
    if row is None:
        abort(404, "invitation_not_found", "本企业没有这份邀请。")
    return row


def _not_submitted(row, action: str):
    if row.status in ("submitted", "scored", "needs_review"):
        abort(409, "already_submitted", f"候选人已经提交了回答，不需要{action}。")
    if row.status == "erased":
        abort(409, "erased", "候选人已删除自己的数据。")


def _management_json(invitation_id: int) -> dict:
    row = _invitation_or_404(invitation_id)
    now = utcnow()
    if row.revoked_at is not None:
        text = "邀请已撤回"
    elif row.expires_at <= now:
        text = f"邀请已过期（{display_time(row.expires_at)}）"
    else:
        text = f"有效期到 {display_time(row.expires_at)}"
    return {"id": row.id, "session_id": row.session_id, "expires_at": iso(row.expires_at),
            "expires_at_display": display_time(row.expires_at), "revoked_at": iso(row.revoked_at),
            "status_text": text}


@manage_bp.post("/<int:invitation_id>/extend")
@login_required
@manage_bp.arguments(ExtendSchema)
@manage_bp.response(200)
def extend(body, invitation_id):
    """Give the candidate more time: `days` from now (or from the current expiry if later), or a new
    `expires_at` (422 when earlier than the current expiry: extending never shortens). A revoked invitation
    stays revoked; a closed interview must be reopened first. A new expiry
    past the interview's own deadline → 409 beyond_interview_deadline, unless `extend_interview: true`, which
    moves the interview's deadline to it too."""
    row = _invitation_or_404(invitation_id)
    _not_submitted(row, "延期")
    if row.revoked_at is not None:
        refuse(409, "invitation_revoked", "这份邀请已撤回，不能延期。", row)
    if row.interview_status != "open":
        refuse(409, "interview_closed", "这场面试已经结束，不能延期。", row)
    if body["expires_at"] is not None:
        expires_at = to_naive_utc(body["expires_at"])
        if expires_at <= utcnow():
            abort(422, "invalid", "新的过期时间必须在将来。")
        current = min(row.expires_at, row.deadline) if row.deadline is not None else row.expires_at
        if expires_at < current:  # extending never takes time away from the candidate
            abort(422, "invalid", f"新的过期时间不能早于现在的过期时间（{display_time(current)}），"
                  "延期不会缩短候选人的作答时间；要停止这份邀请请使用撤回。")
    else:
        expires_at = max(utcnow(), row.expires_at) + timedelta(days=body["days"])
    if row.deadline is not None and expires_at > row.deadline:
        # The candidate can answer only until the interview's deadline: a later expiry alone changes nothing.
        if not body["extend_interview"]:
            abort(409, "beyond_interview_deadline",
                  f"新的期限（{display_time(expires_at)}）晚于这场面试的截止时间（{display_time(row.deadline)}），"
                  "候选人到时仍然无法作答。请先延长面试的截止时间，或选择同时延长面试截止时间。",
                  next_actions=["extend_deadline"])
        get_db().execute(interviews.update().where(interviews.c.id == row.interview_id).values(deadline=expires_at))
        audit.record(g.org_id, f"user:{g.user_id}", "interview.deadline_extended", f"interview:{row.interview_id}",
                     {"from": iso(row.deadline), "to": iso(expires_at), "for_session": row.session_id})
    get_db().execute(invitations.update().where(invitations.c.id == row.id).values(expires_at=expires_at))
    audit.record(g.org_id, f"user:{g.user_id}", "invitation.extended", f"session:{row.session_id}",
                 {"from": iso(row.expires_at), "to": iso(expires_at)})
    return _management_json(row.id)


@manage_bp.post("/<int:invitation_id>/resend")
@login_required
@manage_bp.arguments(ResendSchema)
@manage_bp.response(200)
def resend(body, invitation_id):
    """A new link for the same candidate and session (the old link stops working, except to confirm a recording
    already uploading); an expired invitation is renewed for `days` (default INVITATION_TTL_DAYS). While the
    candidate is mid-interview (started, not submitted) it needs `confirm: true` (else 409
    candidate_mid_interview, `in_progress: 1`). Of two resends at once exactly one succeeds; the other is 409
    conflict (its link would be dead). The token is shown only in this response."""
    row = _invitation_or_404(invitation_id)
    _not_submitted(row, "重新发送")
    if row.interview_status != "open":
        refuse(409, "interview_closed", "这场面试已经结束，不能重新发送邀请。", row)
    if row.revoked_at is not None:
        refuse(409, "invitation_revoked", "这份邀请已撤回，不能重新发送。", row)
    _interview_deadline_not_passed(row.deadline, "重新发送邀请")
    if row.status == "started" and not body["confirm"]:
        abort(409, "candidate_mid_interview",
              f"这位候选人正在作答（最后活动 {display_time(row.last_activity_at) or '刚才'}）。重新发送后旧链接立即失效："
              "已录好的回答都会保存，正在上传的录音仍会收下，但候选人需要用新链接继续作答。确定要重新发送吗？",
              in_progress=1)
    token = new_invitation_token()
    expires_at = row.expires_at
    if body["days"] is not None or expires_at <= utcnow():
        expires_at = utcnow() + timedelta(days=body["days"] or current_app.config["INVITATION_TTL_DAYS"])
    if row.deadline is not None:
        expires_at = min(expires_at, row.deadline)
    changed = get_db().execute(invitations.update().where(
        invitations.c.id == row.id, invitations.c.token_hash == row.token_hash).values(
        token_hash=token_hash(token), previous_token_hash=row.token_hash, expires_at=expires_at))
    if changed.rowcount != 1:  # a concurrent resend replaced the link first: its link is the one that works
        abort(409, "conflict", "这份邀请刚刚已被重新发送过（可能是其他同事或重复点击），新链接以那一次为准。"
              "请刷新后查看，不要把这次的链接发给候选人。")
    audit.record(g.org_id, f"user:{g.user_id}", "invitation.resent", f"session:{row.session_id}",
                 {"expires_at": iso(expires_at)})
    return {**_management_json(row.id), "token": token, "url": invitation_url(token), "scene": token,
            "in_progress": 1 if row.status == "started" else 0}


class RevokeSchema(ma.Schema):
    BODY_OPTIONAL = True  # no body: confirm false
    confirm = StrictBoolean(load_default=False, metadata={
        "description": "Required while the candidate is mid-interview (else 409 candidate_mid_interview)"})


def _answered_count(session_id: int, interview_id: int) -> tuple[int, int]:
    question_ids = [q.id for q in load_questions(interview_id)]
    grouped = progress.answers_by_question(get_db(), session_id)
    answered = sum(1 for qid in question_ids if progress.current_answer(grouped.get(qid, [])) is not None)
    return answered, len(question_ids)


def in_flight_text(count: int) -> str | None:
    return (f"有 {count} 段录音在撤回前开始录制、还在上传：上传完成后仍会保存，可以在候选人报告里查看。"
            if count else None)


@manage_bp.post("/<int:invitation_id>/revoke")
@login_required
@manage_bp.arguments(RevokeSchema)
@manage_bp.response(200)
def revoke(body, invitation_id):
    """Withdraw an invitation: the link then says it was withdrawn, with the company's contact. While the
    candidate is mid-interview (started, not submitted) it needs `confirm: true` (else 409
    candidate_mid_interview with `in_progress: 1`, `in_flight` (takes still uploading), `answered` and a Chinese
    message saying what stops and what is kept). Takes started before the revocation still upload and are
    confirmed (kept for HR, listed in the report's `uploads_in_flight`); the response's `in_flight` and
    `in_flight_text` say so."""
    row = _invitation_or_404(invitation_id)
    _not_submitted(row, "撤回")
    now = utcnow()
    uploading = progress.in_flight(get_db(), row.session_id, now)
    if row.revoked_at is None and row.status == "started" and not body["confirm"]:
        answered, total = _answered_count(row.session_id, row.interview_id)
        flying = (f"还有 {len(uploading)} 段录音正在上传，撤回后仍会收下并保存；" if uploading else "")
        abort(409, "candidate_mid_interview",
              f"这位候选人正在作答（已答 {answered}/{total} 题，最后活动 {display_time(row.last_activity_at) or '刚才'}）。"
              f"撤回后候选人不能再继续作答，没有回答的题目会记为未作答；已录好的 {answered} 段回答会保留给你查看；{flying}"
              "确定要撤回吗？", in_progress=1, in_flight=len(uploading), answered=answered)
    if row.revoked_at is None:
        get_db().execute(invitations.update().where(invitations.c.id == row.id).values(revoked_at=now))
        audit.record(g.org_id, f"user:{g.user_id}", "invitation.revoked", f"session:{row.session_id}",
                     {"in_flight": len(uploading), "was": row.status})
    return {**_management_json(row.id), "in_flight": len(uploading), "in_flight_text": in_flight_text(len(uploading))}
