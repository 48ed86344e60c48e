"""Read-only, expiring share links of a candidate's report, for a boss without an account.

`POST /api/sessions/{id}/share` gives a link `PUBLIC_URL/r/<token>` (token shown once, stored hashed), valid for
`days` (default REPORT_SHARE_DAYS) and revocable. The shared view holds the candidate's initial only ("张*"), the job, scores
with reasons and transcripts — no phone, no recordings, no contact details, no internal notes. Creating,
viewing and revoking are audit-logged.
"""
from datetime import timedelta

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, g
from api.openapi import Blueprint

from api import answer_time, audit, progress, reporting
from api.auth import login_required
from api.crypto import decrypt, mask_name, new_token, token_hash
from api.db import get_db
from api.deadlines import SUBMITTED
from api.interviews import load_questions
from api.messages import display_time
from api.openapi import abort, refuse_if_erased
from api.schema import interviews, invitations, jobs, organisations, report_shares, sessions
from api.sessions import get_session_or_404
from api.timeutil import iso, utcnow

MAX_SHARE_DAYS = 30  # the privacy notice promises this limit (api/privacy.py)
bp = Blueprint("report_shares", __name__, url_prefix="/api", description="HR: read-only report links")


class ShareSchema(ma.Schema):
    days = ma.fields.Integer(load_default=None, validate=ma.validate.Range(1, MAX_SHARE_DAYS))


def share_json(row, token: str | None = None) -> dict:
    now = utcnow()
    state = "revoked" if row.revoked_at else ("expired" if row.expires_at <= now else "active")
    item = {"id": row.id, "session_id": row.session_id, "expires_at": iso(row.expires_at),
            "expires_at_display": display_time(row.expires_at), "revoked_at": iso(row.revoked_at),
            "state": state, "state_text": {"active": "有效", "expired": "已过期", "revoked": "已关闭"}[state],
            "views": row.views, "created_at": iso(row.created_at)}
    if token is not None:
        item["url"] = f"{current_app.config['PUBLIC_URL'].rstrip('/')}/r/{token}"
    return item


@bp.post("/sessions/<int:session_id>/share")
@login_required
@bp.arguments(ShareSchema)
@bp.response(201)
def create_share(body, session_id):
    """A read-only link to this report for someone without an account; the URL is shown only here."""
    row = get_session_or_404(session_id)
    refuse_if_erased(row.status, "不能分享报告")
    if row.submitted_at is None and row.status not in SUBMITTED:
        abort(409, "not_submitted", "候选人还没有提交面试，报告还没有生成，提交后才能分享。")
    token = new_token()
    days = body["days"] or int(current_app.config["REPORT_SHARE_DAYS"])
    now = utcnow()
    share_id = get_db().execute(report_shares.insert().values(
        org_id=g.org_id, session_id=row.id, token_hash=token_hash(token), expires_at=now + timedelta(days=days),
        views=0, created_by=g.user_id, created_at=now)).inserted_primary_key[0]
    audit.record(g.org_id, f"user:{g.user_id}", "report.shared", f"session:{row.id}", {"share": share_id, "days": days})
    return share_json(get_db().execute(sa.select(report_shares).where(report_shares.c.id == share_id)).first(), token)


@bp.get("/sessions/<int:session_id>/shares")
@login_required
@bp.response(200)
def list_shares(session_id):
    """The report's share links, newest first (without their URLs, which were shown once)."""
    row = get_session_or_404(session_id)
    return [share_json(item) for item in get_db().execute(
        sa.select(report_shares).where(report_shares.c.session_id == row.id).order_by(report_shares.c.id.desc()))]


@bp.delete("/report-shares/<int:share_id>")
@login_required
@bp.response(200)
def revoke_share(share_id):
    """Close a share link now."""
    db = get_db()
    row = db.execute(sa.select(report_shares).where(report_shares.c.id == share_id,
                                                    report_shares.c.org_id == g.org_id)).first()
    if row is None:
        abort(404, "share_not_found")
    if row.revoked_at is None:
        db.execute(report_shares.update().where(report_shares.c.id == row.id).values(revoked_at=utcnow()))
        audit.record(g.org_id, f"user:{g.user_id}", "report.share_revoked", f"session:{row.session_id}",
                     {"share": row.id})
    return share_json(db.execute(sa.select(report_shares).where(report_shares.c.id == row.id)).first())


def shared_report(token: str) -> dict:
    """The read-only report behind a share token; 404 unknown; 410 candidate_erased when the candidate deleted
    their data (erasure also revokes the link, so this is checked first), 410 share_revoked / share_expired."""
    db = get_db()
    share = db.execute(sa.select(report_shares).where(report_shares.c.token_hash == token_hash(token))).first()
    if share is None:
        abort(404, "share_not_found")
    session_status = db.scalar(sa.select(sessions.c.status).where(sessions.c.id == share.session_id))
    if session_status is None or session_status == "erased":
        abort(410, "candidate_erased")
    if share.revoked_at is not None:
        abort(410, "share_revoked")
    if share.expires_at <= utcnow():
        abort(410, "share_expired")
    row = db.execute(sa.select(sessions, invitations.c.candidate_name_enc, interviews.c.title.label("interview_title"),
                               interviews.c.pass_threshold, jobs.c.title.label("job_title"),
                               organisations.c.name.label("company"))
                     .join(invitations, invitations.c.id == sessions.c.invitation_id)
                     .join(interviews, interviews.c.id == sessions.c.interview_id)
                     .join(jobs, jobs.c.id == interviews.c.job_id)
                     .join(organisations, organisations.c.id == sessions.c.org_id)
                     .where(sessions.c.id == share.session_id)).first()
    if row is None or row.status == "erased":
        abort(410, "candidate_erased")
    grouped = progress.answers_by_question(db, row.id)
    questions_out = []
    for question in load_questions(row.interview_id):
        current = progress.current_answer(grouped.get(question.id, []))
        result = reporting.for_hr(progress.load_result(db, current.id)) if current else None
        questions_out.append({
            "position": question.position, "text": question.text,
            # Only a submitted report is shared (create_share): a question without an answer was given up.
            "unanswered": {"status": "unanswered", "status_text": answer_time.UNANSWERED_TEXT,
                           "reason": answer_time.UNANSWERED_REASON} if current is None else None,
            "status": current.status if current else None,
            "reason": reporting.answer_reason(current.reason, (result or {}).get("reason_code")) if current else None,
            "overall": current.overall if current else None,
            # no recordings here, but a score from a cut-short file says so (api/reporting.py recording_notes)
            "incomplete_recording": reporting.recording_notes(result)["incomplete_recording"],
            "transcript": ((result or {}).get("transcript") or {}).get("text"),
            "competencies": [{"name": item.get("name"), "score": item.get("score"), "reasons": item.get("reasons")}
                             for item in (result or {}).get("competencies") or []]})
    db.execute(report_shares.update().where(report_shares.c.id == share.id).values(views=report_shares.c.views + 1))
    audit.record(row.org_id, f"share:{share.id}", "report.share_viewed", f"session:{row.id}", {})
    return {"name": mask_name(decrypt(row.candidate_name_enc)), "company": row.company, "job": row.job_title,
            "interview": row.interview_title, "status": row.status, "overall": row.overall, "scale": 100,
            "pass_threshold": row.pass_threshold, "recommended": row.recommended,
            "submitted_at_display": display_time(row.submitted_at),
            "expires_at": iso(share.expires_at), "expires_at_display": display_time(share.expires_at),
            "questions": questions_out}


@bp.get("/r/<token>")
@bp.response(200)
def view_shared(token):
    """Public (the token is the key): the read-only report of a share link."""
    return shared_report(token)
