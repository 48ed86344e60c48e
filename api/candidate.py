"""Candidate endpoints, addressed by the invitation token: view, consent, upload answers, submit, report, erase."""
import json
import re
import secrets
import time
from types import SimpleNamespace
from datetime import timedelta

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, request
from api.openapi import Blueprint

from api import answer_time, audit, deadlines, erasure, events, messages, outbox, progress, referrals, reporting
from api.crypto import token_hash
from api.db import get_db
from api.interviews import load_questions
from api.openapi import StrictBoolean, abort
from api.messages import display_time
from api.orgs import contact_json
from api.schema import answers, interviews, invitations, jobs, organisations, question_states, sessions
from api.storage import ALLOWED_CONTENT_TYPES, PolicyError, StorageUnavailable, content_type_of, extension_for
from api.timeutil import iso, utcnow

bp = Blueprint("candidate", __name__, url_prefix="/api/c", description="Candidate (invitation token in the path)")

CONSENT_SCOPE = ["audio_recording", "speech_transcription", "automated_scoring_with_human_review",
                 "retention_until_decision_plus_180_days", "retention_365_days_if_undecided"]  # api/retention.py
DEFAULT_CONTENT_TYPE = {"audio": "audio/aac", "video": "video/mp4"}
MIN_CHUNK, MAX_CHUNK, DEFAULT_CHUNK = 1024 * 1024, 16 * 1024 * 1024, 4 * 1024 * 1024


class StartSchema(ma.Schema):
    consent = StrictBoolean(required=True)
    privacy_version = ma.fields.String(required=True, validate=ma.validate.Length(1, 20))


class UploadRequestSchema(ma.Schema):
    content_type = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 100),
                                    metadata={"description": "MIME type of the recording; default audio/aac "
                                                             "(video/mp4 for video questions)"})
    chunked = StrictBoolean(load_default=False, metadata={"description": "Upload in parts (large files)"})
    size = ma.fields.Integer(strict=True, load_default=None, validate=ma.validate.Range(min=1))
    chunk_size = ma.fields.Integer(strict=True, load_default=None, validate=ma.validate.Range(MIN_CHUNK, MAX_CHUNK))
    attempt = ma.fields.Integer(strict=True, load_default=None, validate=ma.validate.Range(1, 100),
                                metadata={"description": "The attempt started by POST …/attempts this recording "
                                                         "belongs to; default the newest one not yet uploaded"})

    @ma.validates_schema
    def size_for_parts(self, data, **_):
        if data["chunked"] and not data["size"]:
            raise ma.ValidationError("分片上传需要文件大小。", "size")


class PartSchema(ma.Schema):
    index = ma.fields.Integer()
    url = ma.fields.String()
    method = ma.fields.String()
    headers = ma.fields.Dict()
    offset = ma.fields.Integer()
    length = ma.fields.Integer()


class PartReceiptSchema(ma.Schema):
    index = ma.fields.Integer(strict=True, required=True, validate=ma.validate.Range(min=1))
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
            raise ma.ValidationError("分片上传需要同时提供分片上传编号和各分片。", "parts")


class AttemptSchema(ma.Schema):
    replace = StrictBoolean(load_default=False, metadata={
        "description": "The person confirmed replacing an answer given on another device"})
    resume = StrictBoolean(load_default=False, metadata={
        "description": "After a reload: join the recording still running (same attempt and deadline)"})


class ReviewRequestSchema(ma.Schema):
    note = ma.fields.String(load_default=None, validate=ma.validate.Length(max=1000))


DEVICE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def current_device() -> str:
    """The client's X-Miaomian-Device id (a random id it keeps), or "unknown" when it sent none."""
    value = request.headers.get("X-Miaomian-Device", "")
    return value if DEVICE_PATTERN.match(value) else "unknown"


@bp.before_request
def _check_device_header():
    """X-Miaomian-Device is 8–64 characters [A-Za-z0-9_-] (what miniprogram/utils/device.js, "mp-…", and the
    browser page, "web-…", generate); any other value is refused with 422 invalid_device rather than taken
    for a new device. A missing or empty header is allowed (the device is then "unknown")."""
    value = request.headers.get("X-Miaomian-Device")
    if value and not DEVICE_PATTERN.match(value):
        abort(422, "invalid_device")


def _grace() -> int:
    return int(current_app.config["DEADLINE_GRACE_MINUTES"])


def contact_of(row) -> dict:
    return contact_json(row.company, row.contact_name, row.contact_phone, row.contact_note)


def candidate_abort(row, status: int, error: str, message: str, **extra):
    """An error on a candidate route once the invitation is known: the sentence, then whom to contact."""
    contact = contact_of(row)
    abort(status, error, f"{message}{contact['text']}", contact=contact, **extra)


def load_session_by_token(token: str, *, for_update: bool = False, allow_expired: bool = False,
                          allow_previous: bool = False, allow_revoked: bool = False):
    """The session, interview, job and org behind a token; 404 unknown, 410 erased, revoked or expired before
    it was started (a started session keeps its grace period: api/deadlines.py). With allow_expired, revoked
    and expired sessions are returned too: erasure works for any session not yet erased. With allow_previous,
    the link HR replaced by re-sending still finds the session (a recording already uploading is confirmed); with
    allow_revoked, so does a revoked one (the caller checks the take was started before the revocation)."""
    found = (sa.or_(invitations.c.token_hash == token_hash(token), invitations.c.previous_token_hash == token_hash(token))
             if allow_previous else invitations.c.token_hash == token_hash(token))
    query = (sa.select(sessions, invitations.c.expires_at.label("invitation_expires_at"), invitations.c.revoked_at,
                       interviews.c.title.label("interview_title"), interviews.c.language, interviews.c.intro,
                       interviews.c.deadline, interviews.c.require_phone, interviews.c.status.label("interview_status"),
                       jobs.c.title.label("job_title"), jobs.c.location.label("job_location"),
                       jobs.c.description.label("job_description"), organisations.c.name.label("company"),
                       organisations.c.contact_name, organisations.c.contact_phone, organisations.c.contact_note)
             .join(invitations, invitations.c.id == sessions.c.invitation_id)
             .join(interviews, interviews.c.id == sessions.c.interview_id)
             .join(jobs, jobs.c.id == interviews.c.job_id)
             .join(organisations, organisations.c.id == sessions.c.org_id)
             .where(found))
    if for_update:
        _take_sqlite_write_lock()
        # The invitation row is locked first, alone, through one index: MariaDB has no FOR UPDATE OF and locks every
        # joined row in the order its plan reads them — the session first for a token that may be a re-sent link's
        # (OR previous_token_hash), the invitation first otherwise. A take's confirmation and its stop, racing, took
        # them in opposite orders and MariaDB failed one as a deadlock (503; CI, session 21). Locking reads only:
        # a plain read here would fix this request's snapshot before the lock is granted.
        hashed = token_hash(token)
        for column in (invitations.c.token_hash, invitations.c.previous_token_hash)[:2 if allow_previous else 1]:
            if get_db().scalar(sa.select(invitations.c.id).where(column == hashed).with_for_update()) is not None:
                break
        query = query.with_for_update(of=sessions)
    row = get_db().execute(query).first()
    if row is None:
        from api.invitations import old_link_refusal
        replaced = old_link_refusal(token)
        if replaced is not None:  # a link HR re-sent: say what is true now (contact added by add_contact_to_errors)
            abort(410, *replaced)
        abort(404, "invitation_not_found")
    if row.status == "erased":
        abort(410, "erased")
    if allow_expired:
        return row
    if row.revoked_at is not None and row.status in ("invited", "opened", "started") and not allow_revoked:
        candidate_abort(row, 410, "invitation_revoked", "这份邀请已被招聘方撤回。")
    if row.status in deadlines.NOT_STARTED and row.invitation_expires_at <= utcnow():
        candidate_abort(row, 410, "invitation_expired",
                        f"这份面试邀请已于{display_time(row.invitation_expires_at)}过期。")
    return row


def _take_sqlite_write_lock() -> None:
    """SQLite ignores FOR UPDATE, and its driver runs reads outside any transaction until the first write: two
    requests for one session could both read "no attempt yet" and both start one. A write statement that
    changes nothing takes SQLite's one write lock now, so the request's reads see every committed write and a
    second writer waits (busy_timeout) until this request commits, as FOR UPDATE makes it wait on MySQL."""
    db = get_db()
    if db.dialect.name == "sqlite":
        db.exec_driver_sql("UPDATE sessions SET id = id WHERE 0")


def touch(row) -> None:
    """Remember the candidate's last activity (HR sees "最后活动 …")."""
    get_db().execute(sessions.update().where(sessions.c.id == row.id).values(last_activity_at=utcnow()))


def with_changes(row, changes: dict) -> SimpleNamespace:
    """The row as it is after an UPDATE we just made, without reading it back."""
    return SimpleNamespace(**{**row._asdict(), **changes})


def _closed_reason(row) -> str | None:
    return deadlines.closed_reason(row, utcnow(), _grace())


def _think_states(session_id: int, lock: bool = False) -> dict:
    """question_id → think state of the questions opened so far; `lock` reads the newest committed rows (a
    check made after our own write, so that two racing requests cannot both pass: see _start_attempt)."""
    query = sa.select(question_states).where(question_states.c.session_id == session_id)
    rows = get_db().execute(query.with_for_update(read=True) if lock else query)
    return {row.question_id: row for row in rows}


def question_state(question, attempts: list, think, now, device: str, later_opened: bool = False) -> dict:
    """Attempts counted by the server (every started attempt counts), the live think deadline, a recording
    in progress, the phase the server puts it in (api/answer_time.py), and whether the current answer came
    from this device. The text only once the question is opened (one-way interview: no preview). `unanswered`
    is true once the question can no longer be answered (answer_time.unanswered_for_good), with
    `unanswered_text` in Chinese."""
    current = progress.current_answer(attempts)
    waiting = attempts[-1] if attempts and not progress.reached_storage(attempts[-1]) else None
    recording = waiting if waiting is not None and waiting.stopped_at is None else None
    stopped = waiting if waiting is not None and waiting.stopped_at is not None else None
    timed = answer_time.phase(question, think, attempts, now)
    item = {"id": question.id, "position": question.position,
            "text": question.text if timed["phase"] != "unopened" else None, "opened": timed["phase"] != "unopened",
            "think_seconds": question.think_seconds, "answer_seconds": question.answer_seconds,
            "max_attempts": question.max_attempts, "media": question.media, "attempts_used": len(attempts),
            "attempts_left": max(question.max_attempts - len(attempts), 0),
            "answer_status": current.status if current else None,
            "answered_on_this_device": None if current is None else (current.device or "unknown") == device,
            "think_started_at": iso(think.think_started_at) if think else None,
            "think_deadline": iso(think.think_deadline) if think else None,
            "think_seconds_left": max(int((think.think_deadline - now).total_seconds()), 0) if think else None,
            "phase": timed["phase"], "phase_text": timed["phase_text"], "phase_until": iso(timed["phase_until"]),
            "phase_seconds_left": max(int((timed["phase_until"] - now).total_seconds()), 0)
            if timed["phase_until"] else None, "next_step": timed["next_step"], "recording": None,
            "stopped": None if stopped is None else {"attempt": stopped.attempt, "stopped_at": iso(stopped.stopped_at)}}
    item["unanswered"] = answer_time.unanswered_for_good(question, attempts, later_opened, now)
    item["unanswered_text"] = answer_time.UNANSWERED_CANDIDATE_TEXT if item["unanswered"] else None
    if recording is not None:
        item["recording"] = {"attempt": recording.attempt, "started_at": iso(recording.created_at),
                             "answer_deadline": iso(answer_time.answer_deadline(recording, question)),
                             "late": recording.start_kind in ("late", "auto")}
    return item


def _later_opened(question, question_rows, opened) -> bool:
    """Whether a question after `question` has been opened (`opened`: question ids with a think state)."""
    return any(q.position > question.position and q.id in opened for q in question_rows)


def limits_only(question) -> dict:
    """A question before consent: what a candidate needs to decide (time limits) and its opaque id, never its
    text or anything about its content."""
    return {"id": question.id, "position": question.position, "think_seconds": question.think_seconds,
            "answer_seconds": question.answer_seconds, "max_attempts": question.max_attempts, "media": question.media}


def candidate_view(row) -> dict:
    question_rows = load_questions(row.interview_id)
    thinks, now, device = _think_states(row.id), utcnow(), current_device()
    if row.consent_at is not None and row.status == "started" and _closed_reason(row) is None:
        for question in question_rows:  # think time over and nobody started: the server starts the recording
            _auto_start(row, question, thinks.get(question.id), now)
    grouped = progress.answers_by_question(get_db(), row.id)
    if row.consent_at is None:
        items = [limits_only(q) for q in question_rows]
    else:
        items = [question_state(q, grouped.get(q.id, []), thinks.get(q.id), now, device,
                                later_opened=_later_opened(q, question_rows, thinks)) for q in question_rows]
    minutes = sum(q.think_seconds + q.answer_seconds for q in question_rows) / 60
    until = deadlines.answer_until(row, _grace())
    closed_reason = _closed_reason(row)
    answered = progress.progress(row, [q.id for q in question_rows], grouped)
    return {
        "company": row.company,
        "job": {"title": row.job_title, "location": row.job_location, "description": row.job_description},
        "interview": {"title": row.interview_title, "language": row.language, "intro": row.intro,
                      "deadline": iso(row.deadline), "deadline_at": iso(row.deadline),
                      "deadline_display": display_time(row.deadline), "require_phone": bool(row.require_phone),
                      "question_count": len(question_rows), "estimated_minutes": max(1, round(minutes + 2)),
                      "grace_minutes": _grace(), "in_grace": deadlines.in_grace(row, now) and closed_reason is None,
                      "closed": closed_reason is not None, "closed_reason": closed_reason,
                      "closed_summary": closed_summary(row, closed_reason, answered)},
        "privacy_version": current_app.config["PRIVACY_VERSION"],
        "consented": row.consent_at is not None,
        "status": row.status,
        "server_time": iso(now),
        "expires_at": iso(row.invitation_expires_at),
        "expires_at_display": display_time(row.invitation_expires_at),
        "answer_until": iso(until),
        "answer_until_display": display_time(until),
        "contact": contact_of(row),
        "questions": items,
        "progress": answered,
    }


def closed_summary(row, closed_reason: str | None, answered: dict) -> str | None:
    """Once answering is over: whether the candidate's answers were kept and submitted, in one sentence for the
    closed page (None while they may still answer). Submitted (by them, at close or by the sweeper): all kept;
    started: how many questions were answered and that HR sees the saved answers; never started: the reason."""
    if closed_reason is None:
        return None
    if row.status in deadlines.SUBMITTED:
        return "面试已结束。你的回答已全部保存并提交，招聘方会尽快查看。"
    if row.status == "started" and row.revoked_at is None:
        if answered["answered"] == 0:
            return f"{closed_reason}你没有录好的回答。"
        if answered["answered"] == answered["total"]:  # the sweeper submits it shortly (api/sweeper.py step 3)
            return "面试已结束。你的回答已全部保存，会自动提交给招聘方，招聘方会尽快查看。"
        return f"面试已结束，你回答了 {answered['answered']}/{answered['total']} 题，招聘方可以看到已保存的回答。"
    return closed_reason


@bp.after_request
def add_contact_to_errors(response):
    """Every error on a candidate route whose token names an invitation carries `contact` (company and HR
    contact) and ends with the contact sentence, whichever code raised it (409 attempts_exhausted,
    answered_on_another_device, conflict from the database, ...)."""
    token = (request.view_args or {}).get("token")
    if response.status_code < 400 or not token or response.mimetype != "application/json":
        return response
    payload = response.get_json(silent=True)
    if not isinstance(payload, dict) or "error" not in payload or payload.get("contact"):
        return response
    try:
        row = get_db().execute(
            sa.select(organisations.c.name.label("company"), organisations.c.contact_name,
                      organisations.c.contact_phone, organisations.c.contact_note)
            .join(invitations, invitations.c.org_id == organisations.c.id)
            .where(sa.or_(invitations.c.token_hash == token_hash(token),
                          invitations.c.previous_token_hash == token_hash(token)))).first()
    except sa.exc.SQLAlchemyError:  # the database is away (503): the error stands as it is
        return response
    if row is None:
        return response
    contact = contact_of(row)
    payload["contact"] = contact
    if contact["text"] not in (payload.get("message") or ""):
        payload["message"] = f"{payload.get('message') or ''}{contact['text']}"
    response.set_data(json.dumps(payload, ensure_ascii=False))
    return response


@bp.get("/<token>")
@bp.response(200)
def view(token):
    """The interview as the candidate sees it, with progress. The first view marks the invitation opened."""
    row = load_session_by_token(token)
    if row.status == "started":
        touch(row)
    if row.status == "invited":
        opened = {"status": "opened", "opened_at": utcnow(), "last_activity_at": utcnow()}
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
        abort(422, "consent_required")
    if body["privacy_version"] != current_app.config["PRIVACY_VERSION"]:
        abort(409, "privacy_outdated")
    if row.status not in ("invited", "opened"):
        abort(409, "already_started")
    if (reason := _closed_reason(row)) is not None:
        candidate_abort(row, 410, "interview_closed", reason)
    now = utcnow()
    started = {"status": "started", "opened_at": row.opened_at or now, "started_at": now, "consent_at": now,
               "last_activity_at": now,
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
    abort(404, "question_not_found")


def _require_answering(row):
    if row.status in ("invited", "opened"):
        abort(409, "not_started")
    if row.status != "started":
        abort(409, "already_submitted")
    if (reason := _closed_reason(row)) is not None:
        candidate_abort(row, 410, "interview_closed", reason + "已录好的回答都已保存。")


@bp.post("/<token>/answers/<int:question_id>/think")
@bp.response(200)
def start_thinking(token, question_id):
    """Open the question (in order: 409 question_locked while an earlier one is unopened) and start its think
    time on the server, once: a reload or a second device gets the same deadline back, so think time never
    restarts at full. Returns the question's text and the phase it is in now (api/answer_time.py)."""
    row = load_session_by_token(token, for_update=True)
    _require_answering(row)
    question = _question_of(row, question_id)
    touch(row)  # a first write opens the transaction (SQLite: the savepoints below then stay inside it)
    newly_opened = question.id not in _think_states(row.id)
    _require_in_order(row, question)
    state = _ensure_think(row, question)
    if newly_opened:  # checked again after our write: a retake started meanwhile on an earlier one wins
        _refuse_unless_earlier_done(row, question, _think_states(row.id), lock=True)
    now = utcnow()
    _auto_start(row, question, state, now)
    attempts = progress.answers_by_question(get_db(), row.id).get(question.id, [])
    item = question_state(question, attempts, state, now, current_device())
    return {**item, "question_id": question.id, "server_time": iso(now)}


def _ensure_think(row, question, seconds: int | None = None):
    db = get_db()
    query = sa.select(question_states).where(question_states.c.session_id == row.id,
                                             question_states.c.question_id == question.id)
    state = db.execute(query).first()
    if state is None:
        now = utcnow()
        try:
            with db.begin_nested():
                db.execute(question_states.insert().values(
                    session_id=row.id, question_id=question.id, think_started_at=now,
                    think_deadline=now + timedelta(seconds=answer_time.think_seconds(question)
                                                   if seconds is None else seconds)))
        except sa.exc.IntegrityError:
            pass
        state = db.execute(query).first()
    return state


def question_done(question, attempts: list, now) -> bool:
    """A question is done once no recording of it runs and it has an answer in storage, its newest take was
    stopped in time and is uploading, or its time is up: the newest attempt's recording time is over with
    nothing uploaded (attempts left or not: moving on gives them up). A retake still recording keeps it open."""
    return answer_time.phase(question, None, attempts, now)["phase"] in ("answered", "uploading", "time_up")


def _require_in_order(row, question) -> None:
    """One-way interview, no reading ahead: a question opens only once every earlier one is done
    (question_done: answered, or its time is up), else 409 question_locked naming the first one that is not."""
    opened, now = _think_states(row.id), utcnow()
    if question.id in opened:
        return
    for earlier in load_questions(row.interview_id):  # a recording the server owed starts first
        if earlier.position < question.position:
            _auto_start(row, earlier, opened.get(earlier.id), now)
    _refuse_unless_earlier_done(row, question, opened)


def _refuse_unless_earlier_done(row, question, opened: dict, lock: bool = False) -> None:
    """409 question_locked naming the first question before `question` that is not done (question_done)."""
    query = sa.select(answers).where(answers.c.session_id == row.id).order_by(answers.c.question_id, answers.c.attempt)
    grouped: dict[int, list] = {}
    for attempt in get_db().execute(query.with_for_update(read=True) if lock else query):
        grouped.setdefault(attempt.question_id, []).append(attempt)
    now = utcnow()
    for earlier in load_questions(row.interview_id):
        if earlier.position >= question.position or question_done(earlier, grouped.get(earlier.id, []), now):
            continue
        attempts = grouped.get(earlier.id, [])
        if attempts and answer_time.phase(earlier, None, attempts, now)["phase"] == "recording":
            state = "还在录音（停止录音或这次录音时间结束后才能打开下一题）"
        else:
            state = ("还没有完成" if earlier.id in opened else "还没有打开") + "（录音上传后或作答时间用完后才能打开下一题）"
        abort(409, "question_locked", f"请按顺序作答：第 {earlier.position} 题{state}，请先完成前面的题目。",
              next_question_id=earlier.id)


def _require_opened(row, question) -> None:
    """A recording belongs to an opened question (POST …/think started its think time on the server): an
    attempt or an upload ticket for a question never opened would count an attempt and skip its think time
    (409 question_not_opened)."""
    if question.id not in _think_states(row.id):
        abort(409, "question_not_opened",
              f"第 {question.position} 题还没有打开：请先打开这道题，看到题目、开始思考时间后再录音和上传。")


def _require_not_passed(row, question, message: str | None = None, lock: bool = False) -> None:
    """No going back: once a later question is opened, an earlier one takes no new attempt and no new upload
    ticket (409 question_closed); a take whose ticket was issued before may still be confirmed."""
    if _later_opened(question, load_questions(row.interview_id), _think_states(row.id, lock=lock)):
        abort(409, "question_closed", message)


def _new_attempt_key(row, question, attempt: int, content_type: str | None = None) -> str:
    extension = extension_for(question.media, content_type or DEFAULT_CONTENT_TYPE[question.media]) or "aac"
    return f"answers/{row.public_id}/{question.id}/{attempt}-{secrets.token_hex(6)}.{extension}"


def _auto_start(row, question, state, now) -> bool:
    """Think time over and nobody started recording: the server starts attempt 1 at the think deadline, so a
    reload or a late client never gets answer time back. True when it started one now."""
    tolerance = int(current_app.config["START_TOLERANCE_SECONDS"])
    db = get_db()
    if state is None or now <= state.think_deadline + timedelta(seconds=tolerance):
        return False
    if db.scalar(sa.select(answers.c.id).where(answers.c.session_id == row.id, answers.c.question_id == question.id)):
        return False
    try:
        with db.begin_nested():
            db.execute(answers.insert().values(
                session_id=row.id, question_id=question.id, attempt=1, object_key=_new_attempt_key(row, question, 1),
                status="awaiting_upload", device=None, start_kind="auto", created_at=state.think_deadline,
                upload_expires_at=state.think_deadline + timedelta(
                    seconds=question.answer_seconds + current_app.config["UPLOAD_URL_SECONDS"])))
    except sa.exc.IntegrityError:  # a concurrent request started it
        return False
    return True


def _join_auto_start(row, question, attempts: list, now):
    """The newest attempt when the server started it and its recording time still runs: the client joins it
    (timed from the think deadline, flagged late), else None."""
    newest = attempts[-1] if attempts else None
    if newest is None or newest.start_kind != "auto" or progress.reached_storage(newest) \
            or now >= answer_time.answer_deadline(newest, question):
        return None
    get_db().execute(answers.update().where(answers.c.id == newest.id)
                     .values(start_kind="late", device=current_device()))
    return get_db().execute(sa.select(answers).where(answers.c.id == newest.id)).first()


def _start_attempt(row, question, attempts: list, replace: bool, content_type: str | None = None):
    """Count a new attempt now (recording starts); refuse past max_attempts, over another device's answer or
    once a later question is open."""
    _require_not_passed(row, question)
    device = current_device()
    current = progress.current_answer(attempts)
    if current is not None and (current.device or "unknown") != device and not replace:
        abort(409, "answered_on_another_device", answered_at=iso(current.uploaded_at or current.created_at))
    if len(attempts) >= question.max_attempts:
        if current is None and attempts and attempts[-1].start_kind == "auto":
            abort(409, "answer_time_over", "这道题的思考时间结束后没有开始录音，作答时间已经用完，作答机会也已用完。"
                  "请继续下一题。", attempts_left=0)
        abort(409, "attempts_exhausted", f"这道题的 {question.max_attempts} 次作答机会已经用完了。",
              attempts_left=0)
    attempt = len(attempts) + 1
    key = _new_attempt_key(row, question, attempt, content_type)
    now = utcnow()
    db = get_db()
    replacing = current is not None and (current.device or "unknown") != device
    db.execute(answers.insert().values(
        session_id=row.id, question_id=question.id, attempt=attempt, object_key=key, status="awaiting_upload",
        device=device, start_kind="replace" if replacing else None, upload_expires_at=now + timedelta(seconds=question.answer_seconds
                                                         + current_app.config["UPLOAD_URL_SECONDS"]),
        created_at=now))
    # Checked again after our write: a later question opened meanwhile wins (its think request checks
    # the same after its own write, so a racing retake and think cannot both succeed).
    _require_not_passed(row, question, lock=True)
    _ensure_think(row, question, seconds=0)
    if current is not None and (current.device or "unknown") != device:
        audit.record(row.org_id, f"session:{row.id}", "candidate.answer_replaced", f"session:{row.id}",
                     {"question_id": question.id, "attempt": attempt, "replaced_attempt": current.attempt})
    return db.execute(sa.select(answers).where(answers.c.session_id == row.id, answers.c.question_id == question.id,
                                               answers.c.attempt == attempt)).first()


def _attempts_after_auto_start(row, question):
    """The question's attempts once any recording the server owed has been started (api/answer_time.py)."""
    db = get_db()
    state = db.execute(sa.select(question_states).where(question_states.c.session_id == row.id,
                                                        question_states.c.question_id == question.id)).first()
    _auto_start(row, question, state, utcnow())
    return progress.answers_by_question(db, row.id).get(question.id, [])


@bp.post("/<token>/answers/<int:question_id>/attempts")
@bp.arguments(AttemptSchema)
@bp.response(201)
def start_attempt(body, token, question_id):
    """Recording starts: the attempt is counted on the server (a reload mid-recording does not give it back).
    After the think deadline (+ START_TOLERANCE_SECONDS) the recording has already started on the server at
    the deadline: the client joins it (`late: true`, a Chinese `message`, the remaining time), or, when that
    time is over too, a new attempt starts (409 answer_time_over when none is left). `resume: true` (after a
    reload) joins the recording still running instead of starting the next attempt."""
    row = load_session_by_token(token, for_update=True)
    _require_answering(row)
    question = _question_of(row, question_id)
    _require_in_order(row, question)
    _require_opened(row, question)
    now = utcnow()
    attempts = _attempts_after_auto_start(row, question)
    joined = _join_auto_start(row, question, attempts, now)
    newest = attempts[-1] if attempts else None
    if joined is None and newest is not None and answer_time.joins_running(
            question, newest, now, current_device(), body["resume"]):
        joined = newest
    if joined is not None:
        answer, used = joined, len(attempts)
    else:
        answer = _start_attempt(row, question, attempts, body["replace"])
        used = len(attempts) + 1
    touch(row)
    deadline = answer_time.answer_deadline(answer, question)
    late = answer.start_kind in ("late", "auto")
    return {"question_id": question.id, "attempt": answer.attempt, "attempts_used": used,
            "attempts_left": max(question.max_attempts - used, 0), "started_at": iso(answer.created_at),
            "answer_seconds": question.answer_seconds, "answer_deadline": iso(deadline),
            "answer_seconds_left": max(int((deadline - now).total_seconds()), 0), "server_time": iso(now),
            "late": late, "resumed": joined is not None,
            "message": answer_time.late_start_message(answer.created_at, int((deadline - now).total_seconds()))
            if late else None}


class StoppedSchema(ma.Schema):
    duration_ms = ma.fields.Integer(strict=True, required=True, validate=ma.validate.Range(0, 24 * 3600 * 1000),
                                    metadata={"description": "The take's length as the device recorded it"})


@bp.post("/<token>/answers/<int:question_id>/attempts/<int:attempt>/stopped")
@bp.arguments(StoppedSchema)
@bp.response(200)
def stop_attempt(body, token, question_id, attempt):
    """Recording stopped (the candidate tapped 结束录音 or the clock ran out): the take is recorded and waits for
    its upload, so the next question may open while it uploads in the background. Only for the running attempt
    (the newest, not uploaded, stopped by its recording window + STOP_TOLERANCE_SECONDS); the same stop sent
    again returns the same answer. `duration_ms` is kept bounded by the server's clock (answer_time)."""
    row = load_session_by_token(token, for_update=True)
    _require_answering(row)
    question = _question_of(row, question_id)
    _require_opened(row, question)
    db, now = get_db(), utcnow()
    attempts = _attempts_after_auto_start(row, question)
    target = next((a for a in attempts if a.attempt == attempt), None)
    if target is None:
        abort(409, "attempt_not_started")
    if target.stopped_at is None:
        if progress.reached_storage(target):
            abort(409, "attempt_already_uploaded")
        if target is not attempts[-1] or target.start_kind == "auto" \
                or now > answer_time.answer_deadline(target, question) + timedelta(
                    seconds=answer_time.STOP_TOLERANCE_SECONDS):
            abort(409, "attempt_not_running", f"第 {question.position} 题第 {attempt} 次作答已经不在录音了"
                  "（录音时间已过或已重新录制），这次停止没有记录；录好的录音照常上传。")
        duration = answer_time.bounded_duration_ms(target, question, body["duration_ms"], now)
        db.execute(answers.update().where(answers.c.id == target.id, answers.c.stopped_at.is_(None))
                   .values(stopped_at=now, stopped_duration_ms=duration))
        touch(row)
        target = db.execute(sa.select(answers).where(answers.c.id == target.id)).first()
    return {"question_id": question.id, "attempt": target.attempt, "stopped_at": iso(target.stopped_at),
            "duration_ms": target.stopped_duration_ms, "in_time": answer_time.stopped_in_time(target, question),
            "uploaded": progress.reached_storage(target), "server_time": iso(now)}


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
        abort(415, "unsupported_media_type", messages.UPLOAD_MESSAGES["unsupported_media_type"])
    db, store = get_db(), current_app.extensions["miaomian.storage"]
    _require_in_order(row, question)
    _require_opened(row, question)
    attempts = _attempts_after_auto_start(row, question)
    if body["attempt"] is not None:
        target = next((a for a in attempts if a.attempt == body["attempt"]), None)
        if target is None:
            abort(409, "attempt_not_started")
    else:
        target = attempts[-1] if attempts and not progress.reached_storage(attempts[-1]) else None
    if target is not None and not progress.reached_storage(target) and store.exists(target.object_key):
        # The file arrived but its confirmation was lost on the way back: count it rather than discard it.
        db.execute(answers.update().where(answers.c.id == target.id).values(status="uploaded", uploaded_at=utcnow()))
        if body["attempt"] is not None:
            abort(409, "attempt_already_uploaded")
        target = None
    elif target is not None and progress.reached_storage(target):
        abort(409, "attempt_already_uploaded")
    # No new ticket once a later question is open (a ticket issued before still confirms), except for a take
    # the candidate stopped before moving on: it uploads in the background (POST …/attempts/{n}/stopped).
    if target is None or target.stopped_at is None:
        _require_not_passed(row, question, "你已经打开了后面的题目，这道题不能再重新录制或上传新的录音（单向面试不能回头作答）。")
    if target is None:  # no attempt started by POST …/attempts (older clients): start one now
        attempts = progress.answers_by_question(db, row.id).get(question.id, [])
        target = _start_attempt(row, question, attempts, replace=False, content_type=content_type)
        attempts = attempts + [target]
    _, tickets_until = answer_time.upload_window(target, question, current_app.config["UPLOAD_URL_SECONDS"])
    if target.ticket_at is None and utcnow() > tickets_until:  # a ticket issued in time may be issued again
        abort(409, "upload_window_closed", answer_time.upload_window_closed_message(question, target, tickets_until))
    current = progress.current_answer(attempts)
    if current is not None and current.id != target.id and (current.device or "unknown") != current_device() \
            and target.start_kind != "replace":  # another device's take was saved while this one was recorded
        abort(409, "answer_superseded", answered_at=iso(current.uploaded_at or current.created_at))
    attempt = target.attempt
    key = f"answers/{row.public_id}/{question.id}/{attempt}-{secrets.token_hex(6)}.{extension}"
    late = {"start_kind": "late", "device": current_device()} if target.start_kind == "auto" else {}
    expires_at = utcnow() + timedelta(seconds=current_app.config["UPLOAD_URL_SECONDS"])
    db.execute(answers.update().where(answers.c.id == target.id).values(
        object_key=key, upload_expires_at=expires_at, ticket_at=target.ticket_at or utcnow(), **late))
    touch(row)
    max_bytes = current_app.config["UPLOAD_MAX_BYTES"]
    deadline = int(time.time()) + current_app.config["UPLOAD_URL_SECONDS"]
    if body["chunked"] and body["size"] > max_bytes:
        abort(413, "too_large", f"录音文件最大 {max_bytes // 1048576} MB，请录短一些。")
    try:
        if body["chunked"]:
            chunk_size = body["chunk_size"] or DEFAULT_CHUNK
            ticket = {**store.presign_multipart(key, content_type, body["size"], chunk_size, deadline),
                      "method": "PUT", "chunk_size": chunk_size}
        else:
            ticket = store.presign_upload(key, content_type, max_bytes, deadline)
    except StorageUnavailable as error:  # STS or COS unreachable or refusing: the recording stays on the phone
        current_app.logger.warning("no upload link for %s: %s", key, error)
        abort(503, "storage_unavailable")
    return {**ticket, "key": key, "expires_at": iso(expires_at), "max_bytes": max_bytes, "attempt": attempt,
            "attempts_left": max(question.max_attempts - len(attempts), 0)}


@bp.post("/<token>/answers/<int:question_id>/uploaded")
@bp.arguments(UploadedSchema)
@bp.response(200)
def confirm_upload(body, token, question_id):
    """Confirm that the recording reached storage; the answer is then counted and analysed. A link HR has
    re-sent meanwhile still confirms a recording started before (the take is kept, not lost), and so does a
    revoked invitation for a take started before HR revoked it (HR was told it would be kept)."""
    row = load_session_by_token(token, for_update=True, allow_previous=True, allow_revoked=True)
    if row.status in ("invited", "opened"):
        abort(409, "not_started")
    question = _question_of(row, question_id)
    db = get_db()
    answer = db.execute(sa.select(answers).where(answers.c.session_id == row.id, answers.c.question_id == question.id,
                                                 answers.c.object_key == body["key"])).first()
    if answer is None:
        abort(404, "answer_not_found")
    if row.revoked_at is not None and answer.created_at > row.revoked_at:
        candidate_abort(row, 410, "invitation_revoked", "这份邀请已被招聘方撤回。")
    if answer.uploaded_at is not None:
        abort(409, "already_confirmed")
    store = current_app.extensions["miaomian.storage"]
    if body["upload_id"] and not store.exists(answer.object_key):
        _complete_parts(store, answer.object_key, body["upload_id"], body["parts"])
    if not store.exists(answer.object_key):
        abort(409, "upload_missing")
    values = {"uploaded_at": utcnow()}
    touch(row)
    if answer.status == "awaiting_upload":
        values["status"] = "uploaded"
    if not _confirm_unless_superseded(answer, values):  # kept for HR, but another device's take counts
        db.commit()
        db.begin()
        attempts = progress.answers_by_question(db, row.id).get(question.id, [])
        abort(409, "answer_superseded", answered_at=iso(progress.current_answer(attempts).uploaded_at))
    view_now = candidate_view(row)
    replaced = db.scalar(sa.select(invitations.c.id).where(invitations.c.previous_token_hash == token_hash(token)))
    return {"question_id": question.id, "attempt": answer.attempt, "status": values.get("status", answer.status),
            "progress": view_now["progress"], "link_replaced": replaced is not None,
            "message": "这段录音已保存。招聘方已经给你发了新的面试链接，请用新链接继续作答。" if replaced else
            "这段录音已保存。招聘方已撤回这份邀请，不能再继续作答。" if row.revoked_at is not None else None}


def _confirm_unless_superseded(answer, values: dict) -> bool:
    """Mark `answer` stored with one conditional UPDATE: it counts only when no take of another device (not
    started with `replace`) reached storage first. Of two racing confirmations exactly one wins; the other take
    is stored dated after the winner (so it stays superseded, api/progress.py) and False is returned.
    409 already_confirmed when a racing confirmation of this very take won."""
    db, rival = get_db(), answers.alias("rival")
    stored_rival = sa.exists().where(
        rival.c.session_id == answer.session_id, rival.c.question_id == answer.question_id, rival.c.id != answer.id,
        sa.or_(rival.c.uploaded_at.is_not(None), rival.c.status != "awaiting_upload"),
        sa.func.coalesce(rival.c.device, "unknown") != (answer.device or "unknown"),
        sa.func.coalesce(rival.c.start_kind, "") != "replace")
    unconfirmed = answers.update().where(answers.c.id == answer.id, answers.c.uploaded_at.is_(None))
    if answer.start_kind == "replace":  # the person confirmed replacing the other device's answer
        stored_rival = sa.false()
    if db.execute(unconfirmed.where(~stored_rival).values(**values)).rowcount == 1:
        return True
    rivals = [a for a in progress.answers_by_question(db, answer.session_id).get(answer.question_id, [])
              if a.id != answer.id and progress.reached_storage(a)]
    latest = max((progress.stored_at(a) for a in rivals), default=values["uploaded_at"])
    later = {**values, "uploaded_at": max(values["uploaded_at"], latest + timedelta(seconds=1))}
    if db.execute(unconfirmed.values(**later)).rowcount != 1:
        abort(409, "already_confirmed")
    return False


def _complete_parts(store, key: str, upload_id: str, parts: list[dict]) -> None:
    """Join a chunked upload into the object; the local store then emits ObjectCreated like COS."""
    try:
        size = store.complete_multipart(key, upload_id, parts)
    except PolicyError as error:
        abort(error.status, error.code, error.message)
    if (event := store.created_event(key, size, content_type_of(key))) is not None:
        try:  # durable before acknowledged, as for single uploads (api/storage_routes.py)
            events.record(get_db(), key, event)
            get_db().commit()
        except sa.exc.SQLAlchemyError:  # 503 by api/protection/outage.py; the parts are sent again
            store.delete(key)
            raise
        get_db().begin()


@bp.post("/<token>/submit")
@bp.response(200)
def submit(token):
    """Finish the interview once every question has an answer; analysis results follow."""
    row = load_session_by_token(token, for_update=True)
    _require_answering(row)
    db, now = get_db(), utcnow()
    question_rows, thinks = load_questions(row.interview_id), _think_states(row.id)
    for question in question_rows:  # a recording the server owed starts first (its time counts from then)
        _auto_start(row, question, thinks.get(question.id), now)
    grouped = progress.answers_by_question(db, row.id)
    # A question whose time and attempts are used up, or that a later open question closed, is unanswered for
    # good (HR reads 未作答); only questions the candidate can still answer hold the submission back.
    missing = [q.position for q in question_rows if progress.current_answer(grouped.get(q.id, [])) is None
               and not answer_time.unanswered_for_good(q, grouped.get(q.id, []),
                                                       _later_opened(q, question_rows, thinks), now)]
    uploading = [q.position for q in question_rows if q.position in missing and answer_time.phase(
        q, thinks.get(q.id), grouped.get(q.id, []), now)["phase"] == "uploading"]
    if uploading:
        abort(409, "uploads_pending", "第 " + "、".join(map(str, uploading)) + " 题的录音已经录好，但还没有上传完成，"
              "请等上传完成后再提交。", pending_questions=uploading)
    if missing:
        abort(409, "unanswered_questions",
              "还有第 " + "、".join(map(str, missing)) + " 题可以回答但还没有回答，请先回答这些题目再提交。")
    changed = db.execute(sessions.update().where(sessions.c.id == row.id, sessions.c.status == "started")
                         .values(status="submitted", submitted_at=utcnow(), last_activity_at=utcnow()))
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
        abort(409, "not_submitted", "提交所有回答后，就可以看到你的反馈报告。")
    db = get_db()
    grouped = progress.answers_by_question(db, row.id)
    items = []
    for question in load_questions(row.interview_id):
        current = progress.current_answer(grouped.get(question.id, []))
        if current is None:  # submitted without it: its time ran out with nothing uploaded
            items.append({"question_id": question.id, "position": question.position, "text": question.text,
                          "status": None, "reason": answer_time.UNANSWERED_CANDIDATE_TEXT, "transcript": None,
                          "feedback": None, "unanswered": True})
            continue
        result = progress.load_result(db, current.id) if current else None
        items.append({"question_id": question.id, "position": question.position, "text": question.text,
                      "status": current.status if current else None,
                      "reason": messages.candidate_reason((result or {}).get("reason_code"), current.status)
                      if current else None,
                      "transcript": ((result or {}).get("transcript") or {}).get("text"),
                      "feedback": reporting.feedback_in_chinese((result or {}).get("feedback"), (result or {}).get("language")), "unanswered": False})
    return {"company": row.company, "job": row.job_title, "status": row.status,
            "ready": row.status in ("scored", "needs_review"), "decision": decision_for_candidate(row),
            "contact": contact_of(row),
            "review_requested": row.review_requested_at is not None, "answers": items,
            "progress": progress.progress(row, [item["question_id"] for item in items], grouped)}


DECISION_TEXT = {"advance": "恭喜，你已进入下一轮", "reject": "很遗憾，这次没有通过", "hold": "招聘方还在考虑"}


def decision_for_candidate(row) -> dict:
    """What the candidate may know of HR's decision: only a decision HR chose to tell them (decision_notify,
    kept true for an outcome they were already told): advance/reject with HR's message, hold as "招聘方还在考虑".
    A decision HR kept internal reads as no decision yet ("招聘方还没有做出决定")."""
    told = row.decision is not None and row.decision_notify is not False
    status = row.decision if told else None
    return {"status": status, "text": DECISION_TEXT.get(status, "招聘方还没有做出决定"),
            "message": row.decision_message if told else None,
            "decided_at": iso(row.decided_at) if told else None,
            "decided_at_display": display_time(row.decided_at) if told else None}


@bp.post("/<token>/review-request")
@bp.arguments(ReviewRequestSchema)
@bp.response(200)
def request_human_review(body, token):
    """Contest the automated assessment: HR is asked to review the answers themselves."""
    row = load_session_by_token(token)
    if row.status in ("invited", "opened", "started"):
        abort(409, "not_submitted", "提交回答后才能申请人工复核。")
    if row.review_requested_at is not None:
        abort(409, "already_requested")
    changed = get_db().execute(sessions.update().where(sessions.c.id == row.id, sessions.c.review_requested_at.is_(None))
                               .values(review_requested_at=utcnow(), review_request_note=body["note"]))
    if changed.rowcount != 1:
        abort(409, "already_requested")
    outbox.on_review_requested(get_db(), row.id)
    audit.record(row.org_id, f"session:{row.id}", "candidate.review_requested", f"session:{row.id}", {})
    return {"review_requested": True}


@bp.delete("/<token>")
@bp.response(200)
def erase(token):
    """Erase the candidate's recordings, transcripts, results and personal details. Cannot be undone."""
    row = load_session_by_token(token, for_update=True, allow_expired=True)
    try:
        deleted = erasure.erase_session(get_db(), current_app.extensions["miaomian.storage"], row.id, row.org_id,
                                        f"session:{row.id}", "candidate.erased")
    except erasure.AlreadyErased:
        abort(410, "erased", "你的面试数据已经按你的要求删除。")
    return {"erased": True, "objects_deleted": deleted}
