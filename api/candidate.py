"""Candidate endpoints, addressed by the invitation token: view, consent, upload answers, submit, report, erase."""
import secrets
import time
from types import SimpleNamespace
from datetime import timedelta

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app
from flask_smorest import Blueprint

from api import audit, erasure, events, progress, referrals
from api.crypto import token_hash
from api.db import get_db
from api.interviews import load_questions
from api.openapi import abort
from api.schema import answers, interviews, invitations, jobs, organisations, sessions
from api.storage import ALLOWED_CONTENT_TYPES, PolicyError, StorageUnavailable, content_type_of, extension_for
from api.timeutil import iso, utcnow

bp = Blueprint("candidate", __name__, url_prefix="/api/c", description="Candidate (invitation token in the path)")

CONSENT_SCOPE = ["audio_recording", "speech_transcription", "automated_scoring_with_human_review",
                 "retention_until_decision_plus_180_days"]  # enforced by api/retention.py
DEFAULT_CONTENT_TYPE = {"audio": "audio/aac", "video": "video/mp4"}
MIN_CHUNK, MAX_CHUNK, DEFAULT_CHUNK = 1024 * 1024, 16 * 1024 * 1024, 4 * 1024 * 1024


class StartSchema(ma.Schema):
    consent = ma.fields.Boolean(required=True)
    privacy_version = ma.fields.String(required=True, validate=ma.validate.Length(1, 20))


class UploadRequestSchema(ma.Schema):
    content_type = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 100),
                                    metadata={"description": "MIME type of the recording; default audio/aac "
                                                             "(video/mp4 for video questions)"})
    chunked = ma.fields.Boolean(load_default=False, metadata={"description": "Upload in parts (large files)"})
    size = ma.fields.Integer(load_default=None, validate=ma.validate.Range(min=1))
    chunk_size = ma.fields.Integer(load_default=None, validate=ma.validate.Range(MIN_CHUNK, MAX_CHUNK))

    @ma.validates_schema
    def size_for_parts(self, data, **_):
        if data["chunked"] and not data["size"]:
            raise ma.ValidationError("A chunked upload needs the file size.", "size")


class PartSchema(ma.Schema):
    index = ma.fields.Integer()
    url = ma.fields.String()
    method = ma.fields.String()
    headers = ma.fields.Dict()
    offset = ma.fields.Integer()
    length = ma.fields.Integer()


class PartReceiptSchema(ma.Schema):
    index = ma.fields.Integer(required=True, validate=ma.validate.Range(min=1))
    etag = ma.fields.String(required=True, validate=ma.validate.Length(1, 100))


class UploadTicketSchema(ma.Schema):
    url = ma.fields.String()
    method = ma.fields.String()
    fields = ma.fields.Dict()
    key = ma.fields.String()
    expires_at = ma.fields.String()
    max_bytes = ma.fields.Integer()
    attempt = ma.fields.Integer()
    attempts_left = ma.fields.Integer()
    upload_id = ma.fields.String(metadata={"description": "Chunked uploads: the multipart upload"})
    chunk_size = ma.fields.Integer()
    parts = ma.fields.List(ma.fields.Nested(PartSchema), metadata={"description": "Chunked uploads: PUT each part"})


class UploadedSchema(ma.Schema):
    key = ma.fields.String(required=True, validate=ma.validate.Length(1, 255))
    upload_id = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 128))
    parts = ma.fields.List(ma.fields.Nested(PartReceiptSchema), load_default=None,
                           validate=ma.validate.Length(1, 10000))

    @ma.validates_schema
    def parts_with_upload(self, data, **_):
        if bool(data.get("upload_id")) != bool(data.get("parts")):
            raise ma.ValidationError("A chunked upload is confirmed with both upload_id and parts.", "parts")


class ReviewRequestSchema(ma.Schema):
    note = ma.fields.String(load_default=None, validate=ma.validate.Length(max=1000))


def load_session_by_token(token: str, *, for_update: bool = False):
    """The session, interview, job and org behind a token; 404 unknown, 410 expired or erased."""
    query = (sa.select(sessions, invitations.c.expires_at.label("invitation_expires_at"),
                       interviews.c.title.label("interview_title"), interviews.c.language, interviews.c.intro,
                       interviews.c.deadline, interviews.c.require_phone, interviews.c.status.label("interview_status"),
                       jobs.c.title.label("job_title"), jobs.c.location.label("job_location"),
                       jobs.c.description.label("job_description"), organisations.c.name.label("company"))
             .join(invitations, invitations.c.id == sessions.c.invitation_id)
             .join(interviews, interviews.c.id == sessions.c.interview_id)
             .join(jobs, jobs.c.id == interviews.c.job_id)
             .join(organisations, organisations.c.id == sessions.c.org_id)
             .where(invitations.c.token_hash == token_hash(token)))
    if for_update:
        query = query.with_for_update(of=sessions)
    row = get_db().execute(query).first()
    if row is None:
        abort(404, "invitation_not_found", "We could not find this invitation. Check the link or ask the company for a new one.")
    if row.status == "erased":
        abort(410, "erased", "你的面试数据已经按你的要求删除。")
    if row.invitation_expires_at <= utcnow() and row.status in ("invited", "opened", "started"):
        abort(410, "invitation_expired", "This invitation has expired. Ask the company for a new one.")
    return row


def with_changes(row, changes: dict) -> SimpleNamespace:
    """The row as it is after an UPDATE we just made, without reading it back."""
    return SimpleNamespace(**{**row._asdict(), **changes})


def _closed_reason(row) -> str | None:
    if row.deadline is not None and row.deadline <= utcnow():
        return "The deadline for this interview has passed."
    if row.interview_status != "open":
        return "This interview is closed."
    return None


def candidate_view(row) -> dict:
    question_rows = load_questions(row.interview_id)
    grouped = progress.answers_by_question(get_db(), row.id)
    items = []
    for question in question_rows:
        attempts = grouped.get(question.id, [])
        used = sum(1 for attempt in attempts if progress.reached_storage(attempt))
        current = progress.current_answer(attempts)
        items.append({"id": question.id, "position": question.position, "text": question.text,
                      "think_seconds": question.think_seconds, "answer_seconds": question.answer_seconds,
                      "max_attempts": question.max_attempts, "media": question.media, "attempts_used": used,
                      "attempts_left": max(question.max_attempts - used, 0),
                      "answer_status": current.status if current else None})
    minutes = sum(q.think_seconds + q.answer_seconds for q in question_rows) / 60
    return {
        "company": row.company,
        "job": {"title": row.job_title, "location": row.job_location, "description": row.job_description},
        "interview": {"title": row.interview_title, "language": row.language, "intro": row.intro,
                      "deadline": iso(row.deadline), "require_phone": bool(row.require_phone),
                      "question_count": len(question_rows), "estimated_minutes": max(1, round(minutes + 2)),
                      "closed_reason": _closed_reason(row)},
        "privacy_version": current_app.config["PRIVACY_VERSION"],
        "consented": row.consent_at is not None,
        "status": row.status,
        "expires_at": iso(row.invitation_expires_at),
        "questions": items,
        "progress": progress.progress(row, [q.id for q in question_rows], grouped),
    }


@bp.get("/<token>")
@bp.response(200)
def view(token):
    """The interview as the candidate sees it, with progress. The first view marks the invitation opened."""
    row = load_session_by_token(token)
    if row.status == "invited":
        opened = {"status": "opened", "opened_at": utcnow()}
        get_db().execute(sessions.update().where(sessions.c.id == row.id, sessions.c.status == "invited").values(**opened))
        row = with_changes(row, opened)
    return candidate_view(row)


@bp.post("/<token>/start")
@bp.arguments(StartSchema)
@bp.response(200)
def start(body, token):
    """Record consent (privacy version, time, what was agreed) and start the interview."""
    row = load_session_by_token(token, for_update=True)
    if not body["consent"]:
        abort(422, "consent_required", "You need to agree to the privacy terms before the interview can start.")
    if body["privacy_version"] != current_app.config["PRIVACY_VERSION"]:
        abort(409, "privacy_outdated", "The privacy terms have changed. Please reload and read the current version.")
    if row.status not in ("invited", "opened"):
        abort(409, "already_started", "你已经开始了这场面试。")
    if (reason := _closed_reason(row)) is not None:
        abort(410, "interview_closed", reason)
    now = utcnow()
    started = {"status": "started", "opened_at": row.opened_at or now, "started_at": now, "consent_at": now,
               "consent_version": body["privacy_version"], "consent_scope": CONSENT_SCOPE}
    changed = get_db().execute(sessions.update().where(sessions.c.id == row.id,
                                                       sessions.c.status.in_(("invited", "opened"))).values(**started))
    if changed.rowcount != 1:  # a concurrent start won (SQLite has no row locks): one consent, one audit
        abort(409, "already_started", "你已经开始了这场面试。")
    audit.record(row.org_id, f"session:{row.id}", "candidate.consented", f"session:{row.id}",
                 {"privacy_version": body["privacy_version"], "scope": CONSENT_SCOPE})
    return candidate_view(with_changes(row, started))


def _question_of(row, question_id: int):
    for question in load_questions(row.interview_id):
        if question.id == question_id:
            return question
    abort(404, "question_not_found", f"This interview has no question {question_id}.")


def _require_answering(row):
    if row.status in ("invited", "opened"):
        abort(409, "not_started", "Agree to the privacy terms and start the interview first.")
    if row.status != "started":
        abort(409, "already_submitted", "你已经提交过这场面试了。")
    if (reason := _closed_reason(row)) is not None:
        abort(410, "interview_closed", reason)


@bp.post("/<token>/answers/<int:question_id>/upload")
@bp.arguments(UploadRequestSchema)
@bp.response(200, UploadTicketSchema)
def request_upload(body, token, question_id):
    """A new attempt at a question: where and how to upload its recording (a server-chosen key)."""
    row = load_session_by_token(token, for_update=True)
    _require_answering(row)
    question = _question_of(row, question_id)
    content_type = body["content_type"] or DEFAULT_CONTENT_TYPE[question.media]
    extension = extension_for(question.media, content_type)
    if extension is None:
        allowed = sorted(ALLOWED_CONTENT_TYPES["audio"]) + (sorted(ALLOWED_CONTENT_TYPES["video"])
                                                           if question.media == "video" else [])
        abort(415, "unsupported_media_type", f"Recordings must be one of: {', '.join(allowed)}.")
    db, store = get_db(), current_app.extensions["miaomian.storage"]
    attempts = progress.answers_by_question(db, row.id).get(question.id, [])
    pending = attempts[-1] if attempts and not progress.reached_storage(attempts[-1]) else None
    if pending is not None and store.exists(pending.object_key):
        # The file arrived but its confirmation was lost on the way back: count it rather than discard it.
        db.execute(answers.update().where(answers.c.id == pending.id).values(status="uploaded", uploaded_at=utcnow()))
        pending = None
    used = len(attempts) - (1 if pending is not None else 0)
    if used >= question.max_attempts:
        abort(409, "attempts_exhausted",
              f"You have used all {question.max_attempts} attempts for this question.")
    attempt = pending.attempt if pending is not None else used + 1
    key = f"answers/{row.public_id}/{question.id}/{attempt}-{secrets.token_hex(6)}.{extension}"
    expires_at = utcnow() + timedelta(seconds=current_app.config["UPLOAD_URL_SECONDS"])
    if pending is not None:
        db.execute(answers.update().where(answers.c.id == pending.id).values(object_key=key, upload_expires_at=expires_at))
    else:
        db.execute(answers.insert().values(session_id=row.id, question_id=question.id, attempt=attempt, object_key=key,
                                           status="awaiting_upload", upload_expires_at=expires_at, created_at=utcnow()))
    max_bytes = current_app.config["UPLOAD_MAX_BYTES"]
    deadline = int(time.time()) + current_app.config["UPLOAD_URL_SECONDS"]
    if body["chunked"] and body["size"] > max_bytes:
        abort(413, "too_large", f"Recordings can be at most {max_bytes // 1048576} MB.")
    try:
        if body["chunked"]:
            chunk_size = body["chunk_size"] or DEFAULT_CHUNK
            ticket = {**store.presign_multipart(key, content_type, body["size"], chunk_size, deadline),
                      "method": "PUT", "chunk_size": chunk_size}
        else:
            ticket = store.presign_upload(key, content_type, max_bytes, deadline)
    except StorageUnavailable as error:
        current_app.logger.warning("no upload link for %s: %s", key, error)
        abort(503, "storage_unavailable", "暂时无法生成上传链接，请稍后重试。您的录音仍保存在手机上。")
    return {**ticket, "key": key, "expires_at": iso(expires_at), "max_bytes": max_bytes, "attempt": attempt,
            "attempts_left": question.max_attempts - attempt}


@bp.post("/<token>/answers/<int:question_id>/uploaded")
@bp.arguments(UploadedSchema)
@bp.response(200)
def confirm_upload(body, token, question_id):
    """Confirm that the recording reached storage; the answer is then counted and analysed."""
    row = load_session_by_token(token, for_update=True)
    if row.status in ("invited", "opened"):
        abort(409, "not_started", "Agree to the privacy terms and start the interview first.")
    question = _question_of(row, question_id)
    db = get_db()
    answer = db.execute(sa.select(answers).where(answers.c.session_id == row.id, answers.c.question_id == question.id,
                                                 answers.c.object_key == body["key"])).first()
    if answer is None:
        abort(404, "answer_not_found", "That upload key does not belong to this question.")
    if answer.uploaded_at is not None:
        abort(409, "already_confirmed", "This answer was already received.")
    store = current_app.extensions["miaomian.storage"]
    if body["upload_id"] and not store.exists(answer.object_key):
        _complete_parts(store, answer.object_key, body["upload_id"], body["parts"])
    if not store.exists(answer.object_key):
        abort(409, "upload_missing", "We have not received the recording yet. Please upload it again.")
    values = {"uploaded_at": utcnow()}
    if answer.status == "awaiting_upload":
        values["status"] = "uploaded"
    db.execute(answers.update().where(answers.c.id == answer.id).values(**values))
    view_now = candidate_view(load_session_by_token(token))
    return {"question_id": question.id, "attempt": answer.attempt, "status": values.get("status", answer.status),
            "progress": view_now["progress"]}


def _complete_parts(store, key: str, upload_id: str, parts: list[dict]) -> None:
    """Join a chunked upload into the object; the local store then emits ObjectCreated like COS."""
    try:
        size = store.complete_multipart(key, upload_id, parts)
    except PolicyError as error:
        abort(error.status, error.code, error.message)
    if (event := store.created_event(key, size, content_type_of(key))) is not None:
        events.record(get_db(), key, event)


@bp.post("/<token>/submit")
@bp.response(200)
def submit(token):
    """Finish the interview once every question has an answer; analysis results follow."""
    row = load_session_by_token(token, for_update=True)
    _require_answering(row)
    db = get_db()
    grouped = progress.answers_by_question(db, row.id)
    missing = [q.position for q in load_questions(row.interview_id) if progress.current_answer(grouped.get(q.id, [])) is None]
    if missing:
        abort(409, "unanswered_questions",
              "Please answer every question before submitting; still open: question " + ", ".join(map(str, missing)) + ".")
    changed = db.execute(sessions.update().where(sessions.c.id == row.id, sessions.c.status == "started")
                         .values(status="submitted", submitted_at=utcnow()))
    if changed.rowcount != 1:  # a concurrent submit won: one submission, one audit row
        abort(409, "already_submitted", "你已经提交过这场面试了。")
    referrals.on_submitted(db, row.id)
    progress.aggregate(db, row.id)
    audit.record(row.org_id, f"session:{row.id}", "candidate.submitted", f"session:{row.id}", {})
    return candidate_view(load_session_by_token(token))


@bp.get("/<token>/report")
@bp.response(200)
def report(token):
    """The candidate's own feedback: strengths, suggestions and transcripts (no ranking, no raw scores)."""
    row = load_session_by_token(token)
    if row.status in ("invited", "opened", "started"):
        abort(409, "not_submitted", "Your report will be ready after you submit all answers.")
    db = get_db()
    grouped = progress.answers_by_question(db, row.id)
    items = []
    for question in load_questions(row.interview_id):
        current = progress.current_answer(grouped.get(question.id, []))
        result = progress.load_result(db, current.id) if current else None
        items.append({"question_id": question.id, "position": question.position, "text": question.text,
                      "status": current.status if current else None, "reason": current.reason if current else None,
                      "transcript": ((result or {}).get("transcript") or {}).get("text"),
                      "feedback": (result or {}).get("feedback")})
    return {"company": row.company, "job": row.job_title, "status": row.status,
            "ready": row.status in ("scored", "needs_review"),
            "review_requested": row.review_requested_at is not None, "answers": items,
            "progress": progress.progress(row, [item["question_id"] for item in items], grouped)}


@bp.post("/<token>/review-request")
@bp.arguments(ReviewRequestSchema)
@bp.response(200)
def request_human_review(body, token):
    """Contest the automated assessment: HR is asked to review the answers themselves."""
    row = load_session_by_token(token)
    if row.status in ("invited", "opened", "started"):
        abort(409, "not_submitted", "You can ask for a human review after you submit your answers.")
    if row.review_requested_at is not None:
        abort(409, "already_requested", "你已经申请过人工复核了。")
    changed = get_db().execute(sessions.update().where(sessions.c.id == row.id, sessions.c.review_requested_at.is_(None))
                               .values(review_requested_at=utcnow(), review_request_note=body["note"]))
    if changed.rowcount != 1:
        abort(409, "already_requested", "你已经申请过人工复核了。")
    audit.record(row.org_id, f"session:{row.id}", "candidate.review_requested", f"session:{row.id}", {})
    return {"review_requested": True}


@bp.delete("/<token>")
@bp.response(200)
def erase(token):
    """Erase the candidate's recordings, transcripts, results and personal details. Cannot be undone."""
    row = load_session_by_token(token, for_update=True)
    try:
        deleted = erasure.erase_session(get_db(), current_app.extensions["miaomian.storage"], row.id, row.org_id,
                                        f"session:{row.id}", "candidate.erased")
    except erasure.AlreadyErased:
        abort(410, "erased", "你的面试数据已经按你的要求删除。")
    return {"erased": True, "objects_deleted": deleted}
