"""HR: interview templates (questions, timings, attempts, competencies) for a job."""
import marshmallow as ma
import sqlalchemy as sa
from flask import g
from api.openapi import Blueprint

from api import audit
from api.auth import login_required
from api.db import get_db
from api.jobs import get_job_or_404
from api.messages import display_time
from api.openapi import StrictBoolean, StrictNumber, abort
from api.schema import interviews, questions, sessions
from api.timeutil import PlannedTime, iso, to_naive_utc, utcnow
from functions.analyze.scoring import keywords, question_check

bp = Blueprint("interviews", __name__, url_prefix="/api", description="HR: interviews")

LANGUAGES = ("zh", "en", "ko")
# Answers are audio only: the privacy notice says the camera is never used (我们不使用摄像头画面) and consent
# covers audio_recording only (api/candidate.py CONSENT_SCOPE), so a video question is refused with 422.
MEDIA = ("audio",)
MEDIA_ERROR = "面试只录音作答，不使用摄像头：题目的作答方式只能是录音（audio），不能设置视频题目。"


def _has_content(what: str):
    """A validator: the text has a letter, character or digit (not only spaces or punctuation); an empty one is
    left to Length's message."""
    def check(value):
        if value and not question_check.name_key(value, "en"):
            raise ma.ValidationError(f"{what}不能只有空格或标点。")
    return check


def _word_list(key: str, description: str):
    """keywords / synonyms: up to question_check.WORDS_MAX[key] words of 1–WORD_MAX characters each."""
    return ma.fields.List(
        ma.fields.String(validate=ma.validate.Length(1, question_check.WORD_MAX,
                                                     error="每个词应为 {min} 到 {max} 个字。")),
        load_default=list, validate=ma.validate.Length(max=question_check.WORDS_MAX[key], error="最多 {max} 个词。"),
        metadata={"description": description})


class CompetencySchema(ma.Schema):
    # bounds from the analyzer's own check of a question HR writes (functions/analyze/scoring/question_check.py
    # saving_problems, which the CLI applies to a question file), so both refuse the same question
    name = ma.fields.String(required=True, validate=[
        ma.validate.Length(1, question_check.NAME_MAX, error="应为 {min} 到 {max} 个字。"), _has_content("能力名称")],
        metadata={"description": "Stored without surrounding spaces; two names of one question that are one name "
                  "once normalised (case, width, spaces, traditional vs simplified Chinese) → 422"})
    weight = StrictNumber(load_default=1.0, validate=ma.validate.Range(
        min=question_check.WEIGHT_MIN, max=question_check.WEIGHT_MAX,
        error=f"应是 {question_check.WEIGHT_MIN:g} 到 {question_check.WEIGHT_MAX:g} 之间的数字（按比例计算）。"),
        metadata={"description": "A JSON number in [0.01, 100]; a question's weights are scaled to sum 1 when saved"})
    keywords = _word_list("keywords", "Words or short phrases that show the competency; normalised (NFKC, lower "
                          "case, simplified Chinese) when saved, and stored once when two are one word after it "
                          "(沟通 / 溝通). A stop word or function character alone (先, 问, 年, 可以…) is refused with 422.")
    synonyms = _word_list("synonyms", "More words or behaviour phrases that count as evidence (added to the curated "
                          "ones that ship per competency); normalised and de-duplicated as keywords")
    anchors = ma.fields.Dict(
        keys=ma.fields.String(validate=ma.validate.OneOf(
            question_check.ANCHOR_LEVELS, error="档次只能是 weak（较弱）、adequate（合格）或 strong（优秀）。")),
        values=ma.fields.String(validate=ma.validate.Length(1, question_check.ANCHOR_MAX,
                                                            error="每段应为 {min} 到 {max} 个字。")),
        load_default=None,
        metadata={"description": "What a weak, adequate and strong answer says for this "
                  "competency (HR only; never shown to candidates); blank ones are left out"})


COMPETENCIES_LENGTH = ma.validate.Length(1, question_check.COMPETENCIES_MAX, error="应设置 {min} 到 {max} 项。")


class QuestionInSchema(ma.Schema):
    text = ma.fields.String(required=True, validate=[
        ma.validate.Length(1, question_check.TEXT_MAX, error="应为 {min} 到 {max} 个字。"), _has_content("题目内容")])
    think_seconds = ma.fields.Integer(strict=True, load_default=30, validate=ma.validate.Range(0, 300))
    answer_seconds = ma.fields.Integer(strict=True, load_default=120,
                                       validate=ma.validate.Range(*question_check.ANSWER_SECONDS))
    max_attempts = ma.fields.Integer(strict=True, load_default=2, validate=ma.validate.Range(1, 5))
    media = ma.fields.String(load_default="audio", validate=ma.validate.OneOf(MEDIA, error=MEDIA_ERROR),
                             metadata={"description": "Always audio: the camera is never used"})
    competencies = ma.fields.List(ma.fields.Nested(CompetencySchema), load_default=None,
                                  validate=COMPETENCIES_LENGTH,
                                  metadata={"description": "1–10; null or left out: the interview's competencies"})
    reference_answer = ma.fields.String(load_default=None, validate=ma.validate.Length(max=5000))


class InterviewInSchema(ma.Schema):
    title = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 100))
    language = ma.fields.String(load_default="zh", validate=ma.validate.OneOf(LANGUAGES))
    intro = ma.fields.String(load_default=None, validate=ma.validate.Length(max=2000))
    deadline = PlannedTime(load_default=None)
    pass_threshold = ma.fields.Float(load_default=60.0, validate=ma.validate.Range(0, 100))
    require_phone = StrictBoolean(load_default=False)
    competencies = ma.fields.List(ma.fields.Nested(CompetencySchema), load_default=None,
                                  validate=COMPETENCIES_LENGTH,
                                  metadata={"description": "Default competencies for questions that name none"})
    questions = ma.fields.List(ma.fields.Nested(QuestionInSchema), required=True,
                               validate=ma.validate.Length(1, 10))

    @ma.validates_schema
    def every_question_has_competencies(self, data, **_):
        if data.get("competencies"):
            return
        missing = [index for index, question in enumerate(data.get("questions") or []) if not question["competencies"]]
        if missing:
            raise ma.ValidationError(
                "请为面试或每道题设置考察能力；第 " + "、".join(str(index + 1) for index in missing)
                + " 题还没有", "questions")

    @ma.validates_schema
    def competency_names_are_distinct(self, data, **_):
        """Two competencies of one question whose names are one name once normalised (沟通能力 / 溝通能力 /
        沟通能力 with a space / Communication / COMMUNICATION: question_check.name_key) would be scored and
        reported twice under one name, their weights split: refused, naming the question."""
        language = data.get("language") or "zh"
        groups = [("面试默认的", data.get("competencies"))] + [
            (f"第 {index} 题的", q.get("competencies")) for index, q in enumerate(data.get("questions") or [], 1)]
        problems = [question_check.duplicate_message(names, where) for where, comps in groups
                    for names in question_check.duplicate_names(comps, language)]
        if problems:   # whole sentences that name the question: said as they are (no field label before them)
            raise ma.ValidationError(problems)

    @ma.validates_schema
    def keywords_are_content_words(self, data, **_):
        """A keyword must carry content: one that is only stop words or function characters would match
        almost every answer (docs/scoring.md)."""
        language = data.get("language") or "zh"
        groups = [data.get("competencies") or []] + [q.get("competencies") or [] for q in data.get("questions") or []]
        problems = list(dict.fromkeys(p for comps in groups for p in keywords.problems(comps, language)))
        if problems:
            raise ma.ValidationError(" ".join(problems), "competencies")

    @ma.validates("deadline")
    def deadline_in_future(self, value, **_):
        if value is not None and to_naive_utc(value) <= utcnow():
            raise ma.ValidationError("截止时间必须在将来。")


class QuestionSchema(QuestionInSchema):
    id = ma.fields.Integer()
    position = ma.fields.Integer()


class InterviewSchema(ma.Schema):
    id = ma.fields.Integer()
    job_id = ma.fields.Integer()
    title = ma.fields.String()
    language = ma.fields.String()
    intro = ma.fields.String(allow_none=True)
    deadline = ma.fields.String(allow_none=True)
    pass_threshold = ma.fields.Float()
    review_band = ma.fields.List(ma.fields.Float(), allow_none=True,
                                 metadata={"description": "[low, high]: sessions scored inside it go to a person"})
    require_phone = StrictBoolean()
    status = ma.fields.String()
    status_text = ma.fields.String(metadata={"description": "进行中 | 已截止 | 已结束"})
    deadline_display = ma.fields.String(allow_none=True)
    closed_at = ma.fields.String(allow_none=True)
    created_at = ma.fields.String()
    questions = ma.fields.List(ma.fields.Nested(QuestionSchema))


class ReopenSchema(ma.Schema):
    deadline = PlannedTime(load_default=None)

    @ma.validates("deadline")
    def deadline_in_future(self, value, **_):
        if value is not None and to_naive_utc(value) <= utcnow():
            raise ma.ValidationError("截止时间必须在将来。")


def normalised(competencies: list[dict], language: str = "zh") -> list[dict]:
    """Names without surrounding spaces; weights scaled to sum 1; keywords and synonyms normalised as the
    scorer matches them (NFKC, case folded, simplified Chinese) and de-duplicated — HR who types 沟通 and 溝通
    means one word, so it is stored once rather than refused; anchors kept when given and not blank."""
    total = sum(item["weight"] for item in competencies)

    def words(values):
        return keywords.normalised_words(values, language)

    out = []
    for item in competencies:
        entry = {"name": item["name"].strip(), "weight": round(item["weight"] / total, 6),
                 "keywords": words(item["keywords"])}
        if item.get("synonyms"):
            entry["synonyms"] = words(item["synonyms"])
        anchors = {k: v.strip() for k, v in (item.get("anchors") or {}).items() if v and v.strip()}
        if anchors:
            entry["anchors"] = anchors
        out.append(entry)
    return out


def question_json(row) -> dict:
    return {"id": row.id, "position": row.position, "text": row.text, "think_seconds": row.think_seconds,
            "answer_seconds": row.answer_seconds, "max_attempts": row.max_attempts, "media": row.media,
            "competencies": row.competencies, "reference_answer": row.reference_answer}


def load_questions(interview_id: int) -> list:
    return list(get_db().execute(sa.select(questions).where(questions.c.interview_id == interview_id)
                                 .order_by(questions.c.position)))


def status_text(row) -> str:
    """进行中 | 已截止 (the deadline passed; nobody needs to close it) | 已结束 (HR closed it)."""
    if row.status != "open":
        return "已结束"
    if row.deadline is not None and row.deadline <= utcnow():
        return "已截止"
    return "进行中"


def interview_json(row) -> dict:
    return {"id": row.id, "job_id": row.job_id, "title": row.title, "language": row.language, "intro": row.intro,
            "deadline": iso(row.deadline), "deadline_display": display_time(row.deadline),
            "pass_threshold": row.pass_threshold,
            "review_band": [row.review_band_low, row.review_band_high] if row.review_band_low is not None else None,
            "require_phone": bool(row.require_phone), "status": row.status,
            "status_text": status_text(row), "closed_at": iso(row.closed_at), "created_at": iso(row.created_at),
            "questions": [question_json(q) for q in load_questions(row.id)]}


def get_interview_or_404(interview_id: int):
    row = get_db().execute(sa.select(interviews).where(interviews.c.id == interview_id,
                                                       interviews.c.org_id == g.org_id)).first()
    if row is None:
        abort(404, "interview_not_found")
    return row


@bp.post("/jobs/<int:job_id>/interviews")
@login_required
@bp.arguments(InterviewInSchema)
@bp.response(201, InterviewSchema)
def create_interview(body, job_id):
    """Create an interview for a job: 1–10 questions, timings, attempts, weighted competencies."""
    job = get_job_or_404(job_id)
    db = get_db()
    interview_id = db.execute(interviews.insert().values(
        org_id=g.org_id, job_id=job.id, title=body["title"] or job.title, language=body["language"],
        intro=body["intro"], deadline=to_naive_utc(body["deadline"]), pass_threshold=body["pass_threshold"],
        require_phone=body["require_phone"], status="open", created_by=g.user_id, created_at=utcnow(),
    )).inserted_primary_key[0]
    db.execute(questions.insert(), [
        {"interview_id": interview_id, "position": position, "text": question["text"],
         "think_seconds": question["think_seconds"], "answer_seconds": question["answer_seconds"],
         "max_attempts": question["max_attempts"], "media": question["media"],
         "competencies": normalised(question["competencies"] or body["competencies"], body["language"]),
         "reference_answer": question["reference_answer"]}
        for position, question in enumerate(body["questions"], start=1)
    ])
    return interview_json(get_interview_or_404(interview_id))


@bp.get("/interviews")
@login_required
@bp.response(200, InterviewSchema(many=True))
def list_interviews():
    """The organisation's interviews, newest first."""
    rows = get_db().execute(sa.select(interviews).where(interviews.c.org_id == g.org_id)
                            .order_by(interviews.c.id.desc()))
    return [interview_json(row) for row in rows]


@bp.get("/interviews/<int:interview_id>")
@login_required
@bp.response(200, InterviewSchema)
def get_interview(interview_id):
    """One interview with its questions."""
    return interview_json(get_interview_or_404(interview_id))


class CloseSchema(ma.Schema):
    BODY_OPTIONAL = True  # no body: confirm false
    confirm = StrictBoolean(load_default=False, metadata={
        "description": "Required when candidates are mid-interview (else 409 candidates_mid_interview)"})


@bp.post("/interviews/<int:interview_id>/close")
@login_required
@bp.arguments(CloseSchema)
@bp.response(200, InterviewSchema)
def close_interview(body, interview_id):
    """End the interview now: no new invitations or answers; candidates see that it ended, with the contact.
    With candidates mid-interview (started, not submitted) it needs `confirm: true` (else 409
    candidates_mid_interview with `in_progress`, their number); recordings already uploading are still kept.
    A candidate who answered every question but had not tapped submit is submitted for them (submit_complete)."""
    row = get_interview_or_404(interview_id)
    in_progress = get_db().scalar(sa.select(sa.func.count()).select_from(sessions).where(
        sessions.c.interview_id == row.id, sessions.c.status == "started"))
    if row.status == "open" and in_progress and not body["confirm"]:
        abort(409, "candidates_mid_interview",
              f"有 {in_progress} 位候选人正在作答。结束后他们不能再作答（已录好的回答都会保存，正在上传的录音仍会收下；"
              "所有题都已答完、只差提交的会自动提交）。"
              "确定要结束这场面试吗？", in_progress=in_progress)
    if row.status == "open":
        get_db().execute(interviews.update().where(interviews.c.id == row.id).values(status="closed",
                                                                                  closed_at=utcnow()))
        finished = submit_complete(row.id, f"user:{g.user_id}")
        audit.record(g.org_id, f"user:{g.user_id}", "interview.closed", f"interview:{row.id}",
                     {"submitted_at_close": finished})
    return interview_json(get_interview_or_404(interview_id))


def submit_complete(interview_id: int, actor: str) -> list[int]:
    """At close: a candidate still answering whose every question has an answer in storage only had not
    tapped submit, so they are submitted for them (submit_if_complete, by=interview_closed). Returns the
    sessions submitted. Candidates with questions unanswered stay as they are (partial)."""
    started = get_db().scalars(sa.select(sessions.c.id).where(
        sessions.c.interview_id == interview_id, sessions.c.status == "started"))
    return [sid for sid in list(started) if submit_if_complete(sid, actor, "interview_closed")]


def submit_if_complete(session_id: int, actor: str, by: str) -> bool:
    """Submit a started session whose every question has an answer in storage, for the candidate who had not
    tapped submit (the same as their own submit: "answers received" queued, analysis settled, listed in the
    inbox as finished); audit candidate.submitted with `by` (interview_closed at close, deadline_passed from
    the sweeper). False when a question is unanswered or the session is no longer started (idempotent)."""
    from api import outbox, progress
    db = get_db()
    session = db.execute(sa.select(sessions.c.id, sessions.c.org_id, sessions.c.interview_id).where(
        sessions.c.id == session_id, sessions.c.status == "started")).first()
    if session is None:
        return False
    question_ids = list(db.scalars(sa.select(questions.c.id).where(questions.c.interview_id == session.interview_id)))
    grouped = progress.answers_by_question(db, session.id)
    if not question_ids or any(progress.current_answer(grouped.get(qid, [])) is None for qid in question_ids):
        return False
    changed = db.execute(sessions.update().where(sessions.c.id == session.id, sessions.c.status == "started")
                         .values(status="submitted", submitted_at=utcnow()))
    if changed.rowcount != 1:
        return False
    outbox.on_submitted(db, session.id)
    progress.aggregate(db, session.id)
    audit.record(session.org_id, actor, "candidate.submitted", f"session:{session.id}", {"by": by})
    return True


@bp.post("/interviews/<int:interview_id>/reopen")
@login_required
@bp.arguments(ReopenSchema)
@bp.response(200, InterviewSchema)
def reopen_interview(body, interview_id):
    """Open a closed or past-deadline interview again, optionally with a new deadline."""
    row = get_interview_or_404(interview_id)
    deadline = to_naive_utc(body["deadline"]) if body["deadline"] is not None else row.deadline
    if deadline is not None and deadline <= utcnow():
        abort(409, "deadline_passed", "截止时间已经过了，请同时设置一个新的截止时间。")
    get_db().execute(interviews.update().where(interviews.c.id == row.id).values(status="open", closed_at=None,
                                                                              deadline=deadline))
    audit.record(g.org_id, f"user:{g.user_id}", "interview.reopened", f"interview:{row.id}",
                 {"deadline": iso(deadline)})
    return interview_json(get_interview_or_404(interview_id))
