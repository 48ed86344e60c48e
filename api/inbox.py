"""HR's 待处理 inbox: what needs a person now, with counts for badges.

Kinds (one item per candidate, the most urgent kind first; revoked and erased candidates are never listed):
  review_requested — the candidate asked for a human review and HR has not decided since;
  finished         — scored or needs_review, awaiting HR's decision;
  stuck            — submitted and an answer failed analysis; or still answering (not submitted) while an answer that
                     counts (not one retaken since) failed or needs review; or a started session silent for STALL_HOURS;
  incomplete       — HR closed the interview (within the last 7 days) while the candidate had answered some
                     but not all questions: the answers they gave are there to listen to (reopening the
                     interview lets them finish);
  expiring         — not submitted, the invitation ends within 48 hours;
  expired          — not submitted, the invitation or deadline passed within the last 7 days (not revoked);
                     the text says how many questions were answered.
A closed interview's candidates who never answered are not listed: HR ended it knowingly.
"""
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, g
from api.openapi import Blueprint

from api import deadlines, progress
from api.auth import login_required
from api.crypto import decrypt
from api.db import get_db
from api.messages import display_time
from api.outbox import HR_KINDS
from api.schema import answers, audit_log, interviews, invitations, jobs, notifications, questions, sessions
from api.timeutil import iso, utcnow

bp = Blueprint("inbox", __name__, url_prefix="/api", description="HR: the 待处理 inbox")

EXPIRING_HOURS = 48
EXPIRED_DAYS = 7
ORDER = ("review_requested", "finished", "stuck", "incomplete", "expiring", "expired")


DECISION_ACTIONS = ("session.advance", "session.reject", "session.hold")


def review_pending(db, row) -> bool:
    """Whether the candidate's review request came after HR's last decision. Times are stored to the second
    (MySQL DATETIME), so a request in the same second as a decision is ordered by the audit log's ids."""
    if row.review_requested_at is None:
        return False
    if row.decided_at is None or row.decided_at != row.review_requested_at:
        return row.decided_at is None or row.decided_at < row.review_requested_at

    def last(actions):
        return db.scalar(sa.select(sa.func.max(audit_log.c.id)).where(
            audit_log.c.subject == f"session:{row.id}", audit_log.c.action.in_(actions))) or 0
    return last(("candidate.review_requested",)) > last(DECISION_ACTIONS)


def classify(row, now, grace: int, stall_hours: int, troubled: bool,
             review_pending: bool = False, answered: int = 0, total: int = 0) -> tuple[str, str, object] | None:
    """(kind, Chinese text, since) for one session, or None when nothing is waiting on HR; `review_pending`:
    the candidate asked for a review after the last decision (see review_pending()); `answered` of `total`
    questions have an answer in storage."""
    name = decrypt(row.candidate_name_enc) or "候选人"
    if row.status == "erased":
        return None
    if row.status in deadlines.SUBMITTED:
        if review_pending:
            return "review_requested", f"{name} 申请人工复核", row.review_requested_at
        if row.decision is None and row.status in ("scored", "needs_review"):
            if troubled or row.status == "needs_review":
                return "finished", f"{name} 已完成面试，有回答需要你听一下", row.analysed_at or row.submitted_at
            return "finished", f"{name} 已完成面试，等待你的决定", row.analysed_at or row.submitted_at
        if row.status == "submitted" and troubled:
            return "stuck", f"{name} 的回答分析失败，需要你处理", row.submitted_at
        return None
    if row.revoked_at is not None:
        return None
    review = "，其中有回答需要你听一下" if troubled else ""
    if row.interview_status != "open":
        closed = row.closed_at or now
        if row.status == "started" and answered and now - closed <= timedelta(days=EXPIRED_DAYS):
            return ("incomplete", f"{name} 只答了 {answered}/{total} 题，面试已结束{review}；已答的回答可以查看", closed)
        return None
    limit = deadlines.answer_until(row, grace)
    if limit <= now:
        if now - limit <= timedelta(days=EXPIRED_DAYS):
            text = (f"{name} 的邀请已过期，未完成面试（已答 {answered}/{total} 题{review}）" if row.status == "started"
                    else f"{name} 的邀请已过期，未参加")
            return "expired", text, limit
        return None
    if row.status == "started" and troubled:
        return "stuck", f"{name} 还在作答，有回答分析失败或需要人工复核", row.last_activity_at or row.started_at
    last = row.last_activity_at or row.started_at
    if row.status == "started" and last is not None and now - last >= timedelta(hours=stall_hours):
        return "stuck", f"{name} 开始面试后没有动静（最后活动 {display_time(last)}）", last
    if limit - now <= timedelta(hours=EXPIRING_HOURS):
        return "expiring", f"{name} 的邀请将于 {display_time(limit)} 过期，还没有完成", limit
    return None


def _current_troubled(db, session_id: int) -> bool:
    """Whether an answer that counts (not one the candidate already retook) failed or needs review."""
    return any(current is not None and current.status in ("failed", "needs_review")
               for current in map(progress.current_answer, progress.answers_by_question(db, session_id).values()))


@bp.get("/inbox")
@login_required
@bp.response(200)
def inbox():
    """HR: items waiting on a person (finished, review requested, stuck, expiring/expired) with badge counts,
    and the notifications waiting for HR to subscribe again."""
    db, now, config = get_db(), utcnow(), current_app.config
    grace, stall = int(config["DEADLINE_GRACE_MINUTES"]), int(config["STALL_HOURS"])
    troubled_ids = set(db.execute(sa.select(answers.c.session_id).join(sessions, sessions.c.id == answers.c.session_id)
                                  .where(sessions.c.org_id == g.org_id,
                                         answers.c.status.in_(("failed", "needs_review")))).scalars())
    answered = dict(db.execute(
        sa.select(answers.c.session_id, sa.func.count(sa.distinct(answers.c.question_id)))
        .join(sessions, sessions.c.id == answers.c.session_id)
        .where(sessions.c.org_id == g.org_id, sessions.c.status == "started",
               sa.or_(answers.c.uploaded_at.is_not(None), answers.c.status != "awaiting_upload"))
        .group_by(answers.c.session_id)).all())
    totals = dict(db.execute(
        sa.select(questions.c.interview_id, sa.func.count()).join(interviews, interviews.c.id == questions.c.interview_id)
        .where(interviews.c.org_id == g.org_id).group_by(questions.c.interview_id)).all())
    rows = db.execute(
        sa.select(sessions, invitations.c.candidate_name_enc, invitations.c.expires_at.label("invitation_expires_at"),
                  invitations.c.revoked_at, interviews.c.deadline, interviews.c.status.label("interview_status"),
                  interviews.c.closed_at,
                  interviews.c.title.label("interview_title"), jobs.c.title.label("job_title"))
        .join(invitations, invitations.c.id == sessions.c.invitation_id)
        .join(interviews, interviews.c.id == sessions.c.interview_id).join(jobs, jobs.c.id == interviews.c.job_id)
        .where(sessions.c.org_id == g.org_id, sessions.c.status != "erased",
               sa.or_(sessions.c.decision.is_(None), sessions.c.review_requested_at.is_not(None))))
    items = []
    for row in rows:
        troubled = row.id in troubled_ids and (row.status != "started" or _current_troubled(db, row.id))
        found = classify(row, now, grace, stall, troubled, review_pending(db, row),
                         answered.get(row.id, 0), totals.get(row.interview_id, 0))
        if found is None:
            continue
        kind, text, since = found
        items.append({"kind": kind, "session_id": row.id, "invitation_id": row.invitation_id,
                      "interview_id": row.interview_id, "interview_title": row.interview_title,
                      "job_title": row.job_title, "name": decrypt(row.candidate_name_enc) or "候选人", "text": text,
                      "since": iso(since), "since_display": display_time(since)})
    items.sort(key=lambda item: (ORDER.index(item["kind"]), item["since"] or ""))
    counts = {kind: sum(1 for item in items if item["kind"] == kind) for kind in ORDER}
    counts["total"] = len(items)
    waiting = list(db.execute(sa.select(notifications.c.kind).where(
        notifications.c.org_id == g.org_id, notifications.c.user_id == g.user_id,
        notifications.c.kind.in_(HR_KINDS), notifications.c.status == "needs_subscription")).scalars())
    subscriptions = {"needs_new": sorted(set(waiting)), "waiting": len(waiting),
                     "text": (f"有 {len(waiting)} 条提醒因订阅次数用完没有发出，点“接收提醒”重新订阅后会合并成一条发给你。"
                              if waiting else None)}
    return {"counts": counts, "items": items, "subscriptions": subscriptions}
