"""Internal endpoints for the analyzer function, authenticated by an HMAC signature (docs/internal-contracts.md)."""
import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, request
from api.openapi import Blueprint

from api import results
from api.calibration import service as scorer_versions
from api.db import get_db
from api.openapi import abort
from api.schema import analysis_results, interviews, questions, sessions
from functions.analyze.signing import verify_request

bp = Blueprint("internal", __name__, url_prefix="/api/internal", description="Internal: analyzer callbacks (HMAC)")


class ContextArgs(ma.Schema):
    key = ma.fields.String(required=True, validate=ma.validate.Length(1, 255))


class ResultSchema(ma.Schema):
    key = ma.fields.String(required=True, validate=ma.validate.Length(1, 255))
    status = ma.fields.String(required=True, validate=ma.validate.OneOf(results.OUTCOMES))
    reason = ma.fields.String(load_default=None, allow_none=True)
    result = ma.fields.Dict(required=True)


def require_signature():
    target = request.path + ("?" + request.query_string.decode() if request.query_string else "")
    if not verify_request(current_app.config["HMAC_KEY"], request.method, target, request.get_data(), request.headers):
        abort(403, "bad_signature", "The request signature is missing, wrong or too old.")


@bp.before_request
def _signed_only():
    require_signature()


@bp.get("/analysis-context")
@bp.arguments(ContextArgs, location="query")
@bp.doc(security=[{"hmac": []}])
@bp.response(200)
def analysis_context(args):
    """What the analyzer needs to score one uploaded object: the question, its competencies, the language."""
    db = get_db()
    answer = results.answer_for_key(db, args["key"])
    if answer is None:
        abort(404, "unknown_object", "No answer has this object key.")
    question = db.execute(sa.select(questions).where(questions.c.id == answer.question_id)).first()
    language, org_id = db.execute(sa.select(interviews.c.language, sessions.c.org_id)
                                  .join(sessions, sessions.c.interview_id == interviews.c.id)
                                  .where(sessions.c.id == answer.session_id)).one()
    already = db.scalar(sa.select(analysis_results.c.id).where(analysis_results.c.answer_id == answer.id)) is not None
    if not already:
        results.mark_analysing(db, answer)
    return {"answer_id": answer.id, "already_analysed": already, "language": language,
            "question": {"id": question.id, "text": question.text, "answer_seconds": question.answer_seconds,
                         "answer_tolerance_seconds": current_app.config["ANSWER_TOLERANCE_SECONDS"],
                         "reference_answer": question.reference_answer, "competencies": question.competencies},
            "scorer": scorer_versions.scorer_context(db, org_id)}


@bp.post("/results")
@bp.arguments(ResultSchema)
@bp.doc(security=[{"hmac": []}])
@bp.response(200)
def receive_result(body):
    """Store an analysis result; idempotent per object key."""
    try:
        answer_id, duplicate = results.record(get_db(), body["key"], body["status"], body["reason"], body["result"])
    except results.UnknownObject:
        abort(404, "unknown_object", "No answer has this object key.")
    return {"answer_id": answer_id, "status": body["status"], "duplicate": duplicate}
