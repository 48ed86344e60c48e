"""HR: candidates of an interview with live progress, the report with evidence, ratings and decisions."""
import json

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, g
from api.openapi import Blueprint

from api import answer_time, audit, deadlines, outbox, progress, referrals, reporting
from api import invitations as invitations_api
from api.auth import login_required
from api.crypto import decrypt, mask_phone, read_name
from api.db import get_db
from api.interviews import get_interview_or_404, interview_json, load_questions
from api.messages import display_time
from api.openapi import StrictBoolean, abort, refuse_if_erased
from api.schema import (answers, audit_log, interviews, invitations, notifications, phone_verifications,
                        question_states, referrers, reviews, sessions, users)
from api.timeutil import iso, utcnow

bp = Blueprint("sessions", __name__, url_prefix="/api", description="HR: candidates, reports and decisions")

SORTS = ("newest", "score", "progress")


class SessionListArgs(ma.Schema):
    status = ma.fields.String(load_default=None)
    min_score = ma.fields.Float(load_default=None, validate=ma.validate.Range(0, 100))
    sort = ma.fields.String(load_default="newest", validate=ma.validate.OneOf(SORTS))


class DecisionSchema(ma.Schema):
    decision = ma.fields.String(required=True, validate=ma.validate.OneOf(("advance", "reject", "hold")))
    note = ma.fields.String(load_default=None, validate=ma.validate.Length(max=2000),
                            metadata={"description": "Internal note, never shown to the candidate"})
    message = ma.fields.String(load_default=None, validate=ma.validate.Length(max=200),
                               metadata={"description": "Shown to the candidate with the outcome"})
    notify_candidate = StrictBoolean(load_default=True,
                                         metadata={"description": "Tell the candidate (report page and WeChat)"})
    confirm_change = StrictBoolean(load_default=False, metadata={
        "description": "Required to change away from the outcome the candidate was told (to the other outcome "
                       "or to hold) or to turn advance into reject or back (else 409 decision_change_unconfirmed)"})


class ReviewSchema(ma.Schema):
    rating = ma.fields.Integer(strict=True, load_default=None, validate=ma.validate.Range(1, 5))
    comment = ma.fields.String(load_default=None, validate=ma.validate.Length(max=2000))

    @ma.validates_schema
    def something_said(self, data, **_):
        if data.get("rating") is None and not data.get("comment"):
            raise ma.ValidationError("请给出评分（1–5）或评语，或两者都给。")


def _sessions_query():
    return (sa.select(sessions, invitations.c.candidate_name_enc, invitations.c.candidate_phone_enc,
                      invitations.c.expires_at.label("invitation_expires_at"), invitations.c.revoked_at,
                      interviews.c.deadline, interviews.c.status.label("interview_status"),
                      referrers.c.name.label("referrer_name"), referrers.c.code.label("referrer_code"))
            .join(invitations, invitations.c.id == sessions.c.invitation_id)
            .join(interviews, interviews.c.id == sessions.c.interview_id)
            .outerjoin(referrers, referrers.c.id == invitations.c.referrer_id)
            .where(sessions.c.org_id == g.org_id))


DECISION_TEXT = {"advance": "已通过，进入下一轮", "reject": "未通过", "hold": "待定"}


def phone_of(row) -> str | None:
    """The candidate's number: the one HR typed, else one the candidate verified through WeChat."""
    phone = decrypt(row.candidate_phone_enc)
    if phone:
        return phone
    verified = get_db().scalar(sa.select(phone_verifications.c.phone_enc).where(
        phone_verifications.c.session_id == row.id).order_by(phone_verifications.c.id.desc()))
    return decrypt(verified)


def summary_json(row, question_ids) -> dict:
    """A candidate in HR's lists: masked phone (absent when none), status in words, expiry, last activity."""
    grouped = progress.answers_by_question(get_db(), row.id)
    now, config = utcnow(), current_app.config
    prog = progress.progress(row, question_ids, grouped)
    shown, text = deadlines.display_status(row, now, int(config["DEADLINE_GRACE_MINUTES"]), int(config["STALL_HOURS"]),
                                           prog["answered"], prog["total"])
    last = row.last_activity_at or row.started_at or row.opened_at
    item = {"id": row.id, "invitation_id": row.invitation_id, "name": decrypt(row.candidate_name_enc),
            "status": row.status, "display_status": shown, "status_text": text, "progress": prog,
            "overall": row.overall, "scale": 100, "recommended": row.recommended, "decision": row.decision,
            "decision_text": DECISION_TEXT.get(row.decision),
            "review_requested": row.review_requested_at is not None,
            "referrer": {"name": row.referrer_name, "code": row.referrer_code} if row.referrer_code else None,
            "invitation": {"expires_at": iso(row.invitation_expires_at),
                           "expires_at_display": display_time(row.invitation_expires_at),
                           "expired": shown == "expired", "revoked": row.revoked_at is not None},
            "last_activity_at": iso(last), "last_activity_display": display_time(last),
            "created_at": iso(row.created_at), "submitted_at": iso(row.submitted_at)}
    phone = phone_of(row)
    masked = mask_phone(phone)
    if masked:
        item["phone"] = masked
    item["possible_duplicate"] = possible_duplicate(row, phone)
    return item


def possible_duplicate(row, phone: str | None) -> dict | None:
    """Other sessions of this interview with the same mobile number (not erased), as HR reads it: a phone typed
    into a share link is unverified, so the same number twice may be the person on a second device or someone
    using their number (api/referrals.py join_by_scene). None when the number is unique or absent."""
    if not phone:
        return None
    others = [other.id for other in get_db().execute(
        sa.select(sessions.c.id, invitations.c.candidate_phone_enc)
        .join(invitations, invitations.c.id == sessions.c.invitation_id)
        .where(sessions.c.interview_id == row.interview_id, sessions.c.id != row.id, sessions.c.status != "erased",
               invitations.c.phone_last4 == phone[-4:]).order_by(sessions.c.id))
        if decrypt(other.candidate_phone_enc) == phone]
    if not others:
        return None
    return {"session_ids": others,
            "text": f"可能重复：这个手机号在这场面试还有 {len(others)} 次参加。分享链接里填写的手机号没有经过验证，"
                    "可能是本人换了设备重新开始，也可能是别人用了这个号码；请对照回答内容，必要时打电话确认。"}


@bp.get("/interviews/<int:interview_id>/sessions")
@login_required
@bp.arguments(SessionListArgs, location="query")
@bp.response(200)
def list_sessions(args, interview_id):
    """Candidates of an interview with status and live progress; filter by status or minimum score."""
    interview = get_interview_or_404(interview_id)
    query = _sessions_query().where(sessions.c.interview_id == interview.id)
    if args["status"]:
        query = query.where(sessions.c.status == args["status"])
    if args["min_score"] is not None:
        query = query.where(sessions.c.overall >= args["min_score"])
    question_ids = [q.id for q in load_questions(interview.id)]
    items = [summary_json(row, question_ids) for row in get_db().execute(query.order_by(sessions.c.id.desc()))]
    if args["sort"] == "score":
        items.sort(key=lambda item: (item["overall"] is None, -(item["overall"] or 0)))
    elif args["sort"] == "progress":
        items.sort(key=lambda item: -item["progress"]["answered"])
    return items


def get_session_or_404(session_id: int):
    row = get_db().execute(_sessions_query().where(sessions.c.id == session_id)).first()
    if row is None:
        abort(404, "session_not_found")
    return row


SUPERSEDED_TEXT = "另一台设备同时录制的录音，保存得晚，不计入；计入的是当前回答"


def answer_json(attempt, store, with_result: bool, question=None) -> dict:
    """One attempt for HR; with its question, `timing` (api/answer_time.py): late start, measured duration and
    whether it ran over the answer limit, with a Chinese `text`."""
    result = progress.load_result(get_db(), attempt.id) if with_result else None
    item = {"id": attempt.id, "attempt": attempt.attempt, "status": attempt.status, "reason": attempt.reason,
            "overall": attempt.overall, "uploaded_at": iso(attempt.uploaded_at), "analysed_at": iso(attempt.analysed_at),
            "media_url": store.media_url(attempt.object_key, current_app.config["MEDIA_URL_SECONDS"])
            if progress.reached_storage(attempt) else None}
    if attempt.playback_key and progress.reached_storage(attempt):
        item["playback_url"] = store.media_url(attempt.playback_key, current_app.config["MEDIA_URL_SECONDS"])
    item["reason"] = reporting.answer_reason(attempt.reason, (result or {}).get("reason_code"))
    if question is not None:
        item["timing"] = answer_time.timing_json(attempt, question, result,
                                                 int(current_app.config["ANSWER_TOLERANCE_SECONDS"]))
    if result is not None:
        result = reporting.for_hr(result)
        item.update({key: result.get(key) for key in
                     ("transcript", "competencies", "features", "feedback", "model_versions", "speech",
                      "duration_seconds", "reason_code", "scale")})
        item.update(reporting.recording_notes(result))
    return item


@bp.get("/sessions/<int:session_id>")
@login_required
@bp.response(200)
def session_report(session_id):
    """The report: every question's current answer with transcript, scores and evidence, media links, reviews."""
    row = get_session_or_404(session_id)
    db, store = get_db(), current_app.extensions["miaomian.storage"]
    question_rows = load_questions(row.interview_id)
    grouped = progress.answers_by_question(db, row.id)
    opened = {state.question_id for state in db.execute(sa.select(question_states.c.question_id).where(
        question_states.c.session_id == row.id))}
    questions_out, now = [], utcnow()
    for question in question_rows:
        attempts = grouped.get(question.id, [])
        current = progress.current_answer(attempts)
        given_up = current is None and (row.status in deadlines.SUBMITTED or answer_time.unanswered_for_good(
            question, attempts, any(q.position > question.position and q.id in opened for q in question_rows), now))
        questions_out.append({
            "unanswered": {"status": "unanswered", "status_text": answer_time.UNANSWERED_TEXT,
                           "reason": answer_time.UNANSWERED_REASON} if given_up else None,
            "id": question.id, "position": question.position, "text": question.text,
            "competencies": question.competencies,
            "answer": answer_json(current, store, with_result=True, question=question) if current else None,
            "earlier_attempts": [{**answer_json(a, store, with_result=False, question=question), "counted": False,
                                  "superseded": progress.superseded_take(a, attempts),
                                  "counted_text": SUPERSEDED_TEXT if progress.superseded_take(a, attempts) else
                                  "候选人重新作答前的录音，不计入"}
                                 for a in attempts
                                 if current is not None and a.id != current.id and progress.reached_storage(a)]})
    review_rows = db.execute(sa.select(reviews, users.c.display_name).join(users, users.c.id == reviews.c.reviewer_id)
                             .where(reviews.c.session_id == row.id).order_by(reviews.c.id))
    phone = phone_of(row)
    summary = summary_json(row, [q.id for q in question_rows])
    if phone:
        summary.update(phone=phone, phone_masked=mask_phone(phone))
        audit.record(g.org_id, f"user:{g.user_id}", "session.phone_viewed", f"session:{row.id}", {})
    return {**summary,
            "interview": interview_json(get_interview_or_404(row.interview_id)),
            "decision_message": row.decision_message, "decision_notify": row.decision_notify,
            "consent": {"version": row.consent_version, "at": iso(row.consent_at), "scope": row.consent_scope},
            "review_request_note": row.review_request_note, "decision_note": row.decision_note,
            "decided_at": iso(row.decided_at), "decision_history": decision_history(row.id),
            "uploads_in_flight": uploads_in_flight(row, question_rows, now),
            "questions": questions_out,
            "reviews": [{"id": r.id, "reviewer": read_name(r.display_name), "rating": r.rating, "comment": r.comment,
                         "created_at": iso(r.created_at)} for r in review_rows]}


def uploads_in_flight(row, question_rows, now) -> list[dict]:
    """Takes the candidate started that have not reached storage yet and may still arrive (progress.in_flight),
    each with a Chinese `status_text`: what happens to it, also after HR revoked the invitation or closed the
    interview (it is still received and kept)."""
    if row.status == "erased":
        return []
    positions = {q.id: q.position for q in question_rows}
    stopped = ("邀请已撤回，" if row.revoked_at is not None else
               "面试已结束，" if row.interview_status != "open" else "")
    uploading = [{"question_id": take.question_id, "position": positions.get(take.question_id), "attempt": take.attempt,
                  "started_at": iso(take.created_at), "upload_until": iso(take.upload_expires_at),
                  "upload_until_display": display_time(take.upload_expires_at), "lost": False,
                  "status_text": f"第 {positions.get(take.question_id)} 题第 {take.attempt} 次录音正在上传：{stopped}"
                                 f"这段录音在那之前开始，上传完成（{display_time(take.upload_expires_at)}前）后仍会保存在这里。"
                  if stopped else f"第 {positions.get(take.question_id)} 题第 {take.attempt} 次录音正在录制或上传。"}
                 for take in progress.in_flight(get_db(), row.id, now, before=row.revoked_at)]
    return uploading + uploads_lost(row, positions, now)


def uploads_lost(row, positions: dict, now) -> list[dict]:
    """Takes a client started whose upload link expired before the recording arrived, on questions with no
    recording in storage at all (a later take that arrived makes an earlier loss moot): "上传未完成", with what
    HR can do, so a recording that never came is listed rather than silently gone."""
    takes = list(get_db().execute(sa.select(answers).where(answers.c.session_id == row.id)
                                  .order_by(answers.c.question_id, answers.c.attempt)))
    stored = {take.question_id for take in takes if progress.reached_storage(take)}
    lost = [take for take in takes if take.question_id not in stored and not progress.reached_storage(take)
            and take.upload_expires_at is not None and take.upload_expires_at <= now
            and (take.start_kind or "") != "auto"]
    can_retake = row.status not in deadlines.SUBMITTED and row.revoked_at is None and row.interview_status == "open"
    advice = ("候选人还在面试中，可以重新录制这道题；也可以联系候选人提醒其在网络好的地方重录。" if can_retake else
              "这道题没有收到录音，按未作答处理；如需这道题的回答，请联系候选人（可重新发送邀请请其补录）。")
    return [{"question_id": take.question_id, "position": positions.get(take.question_id), "attempt": take.attempt,
             "started_at": iso(take.created_at), "upload_until": iso(take.upload_expires_at),
             "upload_until_display": display_time(take.upload_expires_at), "lost": True, "status_label": "上传未完成",
             "status_text": f"第 {positions.get(take.question_id)} 题第 {take.attempt} 次录音上传未完成：上传期限"
                            f"（{display_time(take.upload_expires_at)}）已过，录音没有到达服务器。{advice}"}
            for take in lost]


DECISION_ACTIONS = tuple(f"session.{name}" for name in DECISION_TEXT)
EDITED_TEXT = {"note": "内部备注", "message": "给候选人的话"}  # what saving the same decision again may change
TOLD_TEXT = {"pending": "已告知候选人，微信提醒正在发送", "sending": "已告知候选人，微信提醒正在发送",
             "sent": "已告知候选人，微信提醒已送达", "merged": "已告知候选人，微信提醒已送达",
             "skipped": "已告知候选人（报告页可见），没有发微信提醒",
             "failed": "已告知候选人（报告页可见），微信提醒发送失败",
             "needs_subscription": "已告知候选人（报告页可见），微信提醒等候选人再次订阅"}
HOLD_TELLS = "设为待定不会给候选人发通知；候选人的报告页显示「招聘方还在考虑」。"
HOLD_INTERNAL = "设为待定，不告诉候选人：不会发通知，候选人的报告页仍显示「招聘方还没有做出决定」。"
KEPT_INTERNAL = "没有告诉候选人：候选人的报告页仍显示「招聘方还没有做出决定」。"


def candidate_sees(decision: str, visible: bool) -> str | None:
    """What the candidate's report page shows after this decision, in HR's words (None: the outcome itself)."""
    if decision == "hold":
        return HOLD_TELLS if visible else HOLD_INTERNAL
    return None if visible else KEPT_INTERNAL


def decision_history(session_id: int) -> list[dict]:
    """Every decision on a session, oldest first, from the audit log: [{"decision", "decision_text",
    "previous", "by" (display name), "at" (ISO UTC), "at_display", "told_candidate", "notification_status",
    "told_text"}]. `told_candidate` is what the outbox holds: true only when the outbox has a message for this
    very decision (its report page shows the outcome from then on); `notification_status` is that message's
    WeChat delivery (pending|sending|sent|merged|skipped|failed|needs_subscription), `told_text` both in
    Chinese. A hold, a decision kept internal and a repeat of the outcome last told have no message. `edits`:
    the same decision saved again with a new note or message ([{"by", "at", "at_display", "edited", "text"}]),
    which is not a decision of its own."""
    db = get_db()
    rows = db.execute(sa.select(audit_log.c.action, audit_log.c.actor, audit_log.c.detail, audit_log.c.created_at)
                      .where(audit_log.c.subject == f"session:{session_id}",
                             audit_log.c.action.in_(DECISION_ACTIONS + ("session.decision_edited",)))
                      .order_by(audit_log.c.id))
    names, out = {}, []
    for row in rows:
        detail = row.detail if isinstance(row.detail, dict) else json.loads(row.detail or "{}")
        if row.actor not in names:
            user_id = int(row.actor.split(":", 1)[1]) if row.actor.startswith("user:") else None
            names[row.actor] = read_name(db.scalar(sa.select(users.c.display_name).where(users.c.id == user_id))) \
                if user_id else None
        if row.action == "session.decision_edited":
            if out:
                edited = [text for field, text in EDITED_TEXT.items() if detail.get(field)]
                out[-1]["edits"].append({"by": names[row.actor], "at": iso(row.created_at),
                                         "at_display": display_time(row.created_at), "edited": edited,
                                         "text": f"修改了{'和'.join(edited)}（决定没有变）"})
            continue
        decision = row.action.split(".", 1)[1]
        key = detail.get("notification_key")
        status = db.scalar(sa.select(notifications.c.status).where(notifications.c.idempotency_key == key)) \
            if key else None
        out.append({"decision": decision, "decision_text": DECISION_TEXT.get(decision), "previous": detail.get("previous"),
                    "by": names[row.actor], "at": iso(row.created_at), "at_display": display_time(row.created_at),
                    "told_candidate": status is not None,
                    "notification_status": status,
                    "told_text": TOLD_TEXT.get(status) if status else
                    ("待定不通知候选人" if decision == "hold" else "没有通知候选人"), "edits": []})
    return out


def last_told(history: list[dict]) -> str | None:
    """The newest outcome (advance/reject) the candidate was told, per the outbox, or None."""
    return next((item["decision"] for item in reversed(history) if item["told_candidate"]), None)


@bp.post("/sessions/<int:session_id>/decision")
@login_required
@bp.arguments(DecisionSchema)
@bp.response(200)
def decide(body, session_id):
    """Advance, reject or hold a candidate. Any change away from the outcome the candidate was last told (to
    the other outcome or to hold, directly or through hold) and any advance↔reject change needs
    confirm_change (else 409 decision_change_unconfirmed). Each told outcome is its own message; hold tells
    the candidate nothing (HOLD_TELLS); a repeat of the outcome last told sends nothing again."""
    row = get_session_or_404(session_id)
    refuse_if_erased(row.status, "不能再记录决定")
    if row.status not in deadlines.SUBMITTED:  # hold too: an unsubmitted invitation stays listed as it is
        state = ("这份邀请已撤回。" if row.revoked_at is not None else
                 "这场面试已经结束。" if row.interview_status != "open" else "")
        invitations_api.refuse(409, "not_submitted", "候选人还没有提交回答，暂时不能做出决定（通过、不通过或待定）。"
                               + state, row)
    history = decision_history(row.id)
    if history and history[-1]["decision"] != row.decision:  # another decision landed after this row was read
        abort(409, "decision_conflict", "这位候选人的决定刚刚被其他人修改或数据已删除，请刷新后再试。")
    told = last_told(history)
    new = body["decision"]
    # Saving the current decision again is not a new decision (unless HR now lets a candidate who was kept
    # out of it see it): only a note or message given is updated; what the candidate was told stays as it is.
    if new == row.decision and (row.decision_notify is not False or not body["notify_candidate"]):
        return _edit_decision(row, body, history)
    # A repeat of the current decision is never a change; a change away from it or from what was told is.
    reversal = new != row.decision and (
        (row.decision in ("advance", "reject") and new in ("advance", "reject")) or (told is not None and new != told))
    if reversal and not body["confirm_change"]:
        decider = read_name(get_db().scalar(sa.select(users.c.display_name).where(users.c.id == row.decided_by)))
        earlier = (f"候选人已被告知「{DECISION_TEXT[told]}」。" if told and told != row.decision else "")
        after = HOLD_TELLS if new == "hold" else "候选人会收到新的结果通知。" if told else ""
        abort(409, "decision_change_unconfirmed",
              f"这位候选人当前的决定是「{DECISION_TEXT[row.decision]}」（{decider or '同事'}，{display_time(row.decided_at)}）。"
              f"{earlier}确定要改为「{DECISION_TEXT[new]}」吗？{after}请确认后再提交。",
              current={"decision": row.decision, "decision_text": DECISION_TEXT[row.decision],
                       "decided_by": decider, "decided_at": iso(row.decided_at), "told_candidate": told,
                       "told_text": DECISION_TEXT.get(told)})
    # A candidate told an earlier outcome is told of its reversal too (a silent reversal misleads them); one
    # already told this very outcome keeps seeing it. Otherwise the candidate's page shows a decision only when
    # HR chose to tell them (api/candidate.py decision_for_candidate).
    notify = body["notify_candidate"] or bool(told is not None and new != told)
    visible = notify or told == new
    # Conditional on what this request read: of two HR people deciding at once, one wins and one is told.
    unchanged = (sessions.c.decision.is_(None) if row.decision is None else sessions.c.decision == row.decision,
                 sessions.c.decided_at.is_(None) if row.decided_at is None else sessions.c.decided_at == row.decided_at)
    changed = get_db().execute(sessions.update().where(sessions.c.id == row.id, sessions.c.status != "erased", *unchanged)
                               .values(decision=new, decided_by=g.user_id, **({} if body["note"] is None else {"decision_note": body["note"].strip() or None}),
                                       decided_at=utcnow(), decision_message=(body["message"] or "").strip() or None,
                                       decision_notify=visible))
    if changed.rowcount != 1:
        abort(409, "decision_conflict", "这位候选人的决定刚刚被其他人修改或数据已删除，请刷新后再试。")
    key = None
    if notify and new != told:  # the outcome last told is not sent again
        key = outbox.on_decided(get_db(), row.id, new, sequence=len(history) + 1)
    audit.record(g.org_id, f"user:{g.user_id}", f"session.{new}", f"session:{row.id}",
                 {"previous": row.decision, "notification_key": key})
    referrals.on_decision(get_db(), row.id, new)
    item = summary_json(get_session_or_404(session_id), [q.id for q in load_questions(row.interview_id)])
    told_now = decision_history(row.id)[-1]
    return {**item, "told_candidate": told_now["told_candidate"], "told_text": told_now["told_text"],
            "candidate_sees": candidate_sees(new, visible)}


def _edit_decision(row, body, history: list[dict]) -> dict:
    """The same decision saved again: a given note or message replaces the old one, an omitted one is kept;
    decided_at, the candidate's view and the notification stay; history records the edit on that decision
    (audit session.decision_edited), not a new decision. Nothing changed: nothing recorded."""
    changes = {f"decision_{field}": body[field].strip() or None for field in EDITED_TEXT
               if body[field] is not None and (body[field].strip() or None) != getattr(row, f"decision_{field}")}
    if changes:
        changed = get_db().execute(sessions.update().where(
            sessions.c.id == row.id, sessions.c.status != "erased", sessions.c.decision == row.decision,
            sessions.c.decided_at == row.decided_at).values(**changes))
        if changed.rowcount != 1:
            abort(409, "decision_conflict", "这位候选人的决定刚刚被其他人修改或数据已删除，请刷新后再试。")
        audit.record(g.org_id, f"user:{g.user_id}", "session.decision_edited", f"session:{row.id}",
                     {"decision": row.decision, **{field: f"decision_{field}" in changes for field in EDITED_TEXT}})
    item = summary_json(get_session_or_404(row.id), [q.id for q in load_questions(row.interview_id)])
    return {**item, "unchanged": True, "edited": [text for field, text in EDITED_TEXT.items()
                                                  if f"decision_{field}" in changes],
            "told_candidate": history[-1]["told_candidate"], "told_text": history[-1]["told_text"],
            "candidate_sees": candidate_sees(row.decision, row.decision_notify is not False)}


@bp.post("/sessions/<int:session_id>/reviews")
@login_required
@bp.arguments(ReviewSchema)
@bp.response(201)
def add_review(body, session_id):
    """Rate and comment on a candidate (409 `erased` once the candidate erased their data)."""
    row = get_session_or_404(session_id)
    refuse_if_erased(row.status, "不能再添加评价")
    review_id = get_db().execute(reviews.insert().values(session_id=row.id, reviewer_id=g.user_id, rating=body["rating"],
                                                         comment=body["comment"], created_at=utcnow())).inserted_primary_key[0]
    return {"id": review_id, "rating": body["rating"], "comment": body["comment"]}
