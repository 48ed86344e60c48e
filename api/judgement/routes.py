"""HR endpoints: rate answers per competency, pick the better of two answers, record hiring outcomes.

Every record is scoped to the caller's organisation; another organisation's ids are 404. Messages are Chinese.
"""

from datetime import date, timedelta

import marshmallow as ma
import sqlalchemy as sa
from flask import g
from api.openapi import Blueprint

from api import audit, progress
from api.auth import login_required
from api.crypto import read_name
from api.db import get_db, upsert
from api.judgement.scale import ANCHORS
from api.openapi import ID_RANGE, abort, not_found_text, refuse_if_erased
from api.schema import answer_ratings, answers, interviews, outcomes, pair_picks, questions, sessions, users
from api.sessions import get_session_or_404
from api.timeutil import china_date, iso, utcnow

bp = Blueprint("judgement", __name__, url_prefix="/api", description="HR: ratings, comparisons and hiring outcomes")

OUTCOME_KINDS = {
    "offer_accepted": "接受录用",
    "started": "已入职",
    "passed_probation": "通过试用期",
    "employed_90_days": "入职满 90 天仍在职",
    "supervisor_rating": "主管评分（1–5）",
}
BOOLEAN_OUTCOMES = ("offer_accepted", "started", "passed_probation", "employed_90_days")


class RatingItemSchema(ma.Schema):
    competency = ma.fields.String(required=True, validate=ma.validate.Length(1, 40, error="能力名称为 1–40 个字。"))
    rating = ma.fields.Integer(required=True, strict=True,
                               validate=ma.validate.Range(1, 5, error="评分是 1 到 5 的整数。"))


class RatingsInSchema(ma.Schema):
    ratings = ma.fields.List(ma.fields.Nested(RatingItemSchema), required=True,
                             validate=ma.validate.Length(1, 10, error="一次给 1–10 项能力评分。"))


class PickSchema(ma.Schema):
    better_answer_id = ma.fields.Integer(required=True, strict=True, validate=ID_RANGE)
    worse_answer_id = ma.fields.Integer(required=True, strict=True, validate=ID_RANGE)
    competency = ma.fields.String(load_default=None, validate=ma.validate.Length(1, 40))


class OutcomeItemSchema(ma.Schema):
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(
        tuple(OUTCOME_KINDS), error="结果类型只能是" + "、".join(f"「{label}」" for label in OUTCOME_KINDS.values()) + "。"),
        metadata={"description": "offer_accepted | started | passed_probation | employed_90_days (value: "
                                 "true/false) | supervisor_rating (value: 1–5)"})
    value = ma.fields.Raw(required=True)
    date = ma.fields.Date(required=True, metadata={"description": "When it happened (YYYY-MM-DD)"})
    note = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=1000),
                            metadata={"description": "Left out: a kind recorded again keeps its note"})

    @ma.validates_schema
    def value_fits_kind(self, data, **_):
        value = data.get("value")
        if data.get("kind") == "supervisor_rating":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise ma.ValidationError("主管评分是 1 到 5 的整数。", "value")
        elif data.get("kind") in BOOLEAN_OUTCOMES and not isinstance(value, bool):
            raise ma.ValidationError("这一项的值是 true（是）或 false（否）。", "value")
        if data.get("date") and data["date"] > china_date():
            raise ma.ValidationError("日期不能晚于今天（北京时间）。", "date")


class OutcomesInSchema(ma.Schema):
    outcomes = ma.fields.List(ma.fields.Nested(OutcomeItemSchema), required=True,
                              validate=ma.validate.Length(1, 5, error="一次记录 1–5 项结果。"))


def scale_json() -> list[dict]:
    return [{"rating": rating, "score": (rating - 1) * 25, "anchor": text} for rating, text in ANCHORS.items()]


def get_answer_or_404(answer_id: int):
    row = get_db().execute(
        sa.select(answers, sessions.c.status.label("session_status"), sessions.c.interview_id,
                  questions.c.competencies)
        .join(sessions, sessions.c.id == answers.c.session_id)
        .join(questions, questions.c.id == answers.c.question_id)
        .where(answers.c.id == answer_id, sessions.c.org_id == g.org_id)).first()
    if row is None:
        abort(404, "answer_not_found", not_found_text("回答", answer_id))
    return row


def require_current(row) -> None:
    """Only the current answer of a question counts (api/progress.py): a superseded attempt cannot be judged."""
    attempts = progress.answers_by_question(get_db(), row.session_id).get(row.question_id, [])
    current = progress.current_answer(attempts)
    if current is None or current.id != row.id:
        abort(409, "superseded_answer", "这是候选人重答之前的旧回答，不再计入；请评价这道题现在的回答"
              + (f"（编号 {current.id}）。" if current is not None else "。"))


def get_question_or_404(question_id: int):
    row = get_db().execute(sa.select(questions).join(interviews, interviews.c.id == questions.c.interview_id)
                           .where(questions.c.id == question_id, interviews.c.org_id == g.org_id)).first()
    if row is None:
        abort(404, "question_not_found", not_found_text("题目", question_id))
    return row


def _ratings_of(answer_id: int) -> list[dict]:
    rows = get_db().execute(
        sa.select(answer_ratings, users.c.display_name).join(users, users.c.id == answer_ratings.c.rater_id)
        .where(answer_ratings.c.answer_id == answer_id).order_by(answer_ratings.c.competency, answer_ratings.c.id))
    return [{"competency": r.competency, "rating": r.rating, "rater": read_name(r.display_name), "mine": r.rater_id == g.user_id,
             "updated_at": iso(r.updated_at)} for r in rows]


@bp.get("/rating-scale")
@login_required
@bp.response(200)
def rating_scale():
    """The anchored 1–5 scale HR rates on (docs/rating-scale.md): rating, 0–100 equivalent, Chinese anchor."""
    return {"scale": scale_json(), "outcomes": [{"kind": k, "label": v} for k, v in OUTCOME_KINDS.items()]}


@bp.get("/answers/<int:answer_id>/ratings")
@login_required
@bp.response(200)
def list_ratings(answer_id):
    """Every HR rating of this answer, per competency and rater."""
    answer = get_answer_or_404(answer_id)
    return {"answer_id": answer.id, "competencies": [c["name"] for c in answer.competencies],
            "ratings": _ratings_of(answer.id)}


@bp.put("/answers/<int:answer_id>/ratings")
@login_required
@bp.arguments(RatingsInSchema)
@bp.response(200)
def rate_answer(body, answer_id):
    """Rate one answer per competency (1–5, anchored); a second rating by the same person replaces the first."""
    answer = get_answer_or_404(answer_id)
    refuse_if_erased(answer.session_status, "不能再评分")
    require_current(answer)
    known = [c["name"] for c in answer.competencies]
    unknown = [item["competency"] for item in body["ratings"] if item["competency"] not in known]
    if unknown:
        abort(422, "unknown_competency", f"这道题没有「{'、'.join(unknown)}」这项能力；可评的能力：{'、'.join(known)}。")
    if len({item["competency"] for item in body["ratings"]}) != len(body["ratings"]):
        abort(422, "duplicate_competency", "同一项能力在一次评分里只能出现一次。")
    db, now = get_db(), utcnow()
    for item in body["ratings"]:
        upsert(db, answer_ratings, {"answer_id": answer.id, "competency": item["competency"], "rater_id": g.user_id},
               {"rating": item["rating"], "updated_at": now}, {"org_id": g.org_id, "created_at": now})
    return {"answer_id": answer.id, "competencies": known, "ratings": _ratings_of(answer.id)}


@bp.post("/questions/<int:question_id>/picks")
@login_required
@bp.arguments(PickSchema)
@bp.response(201)
def pick_better(body, question_id):
    """In the compare view: which of two answers to the same question is better (optionally for one competency).
    Idempotent per rater, pair and competency: a repeat gives the same row, a contradicting pick replaces it.
    409 superseded_answer for an attempt the candidate has since replaced."""
    get_question_or_404(question_id)
    if body["better_answer_id"] == body["worse_answer_id"]:
        abort(422, "same_answer", "请选择两个不同的回答进行比较。")
    better, worse = get_answer_or_404(body["better_answer_id"]), get_answer_or_404(body["worse_answer_id"])
    if better.question_id != question_id or worse.question_id != question_id:
        abort(422, "different_questions", "只能比较同一道题的两个回答。")
    if body["competency"] and body["competency"] not in [c["name"] for c in better.competencies]:
        abort(422, "unknown_competency", f"这道题没有「{body['competency']}」这项能力。")
    for answer in (better, worse):
        refuse_if_erased(answer.session_status, "不能再比较这份回答")
    require_current(better)
    require_current(worse)
    db, now = get_db(), utcnow()
    keys = {"rater_id": g.user_id, "pair_low": min(better.id, worse.id), "pair_high": max(better.id, worse.id),
            "competency_key": body["competency"] or ""}
    values = {"better_answer_id": better.id, "worse_answer_id": worse.id, "competency": body["competency"],
              "updated_at": now}
    try:  # one row per rater, pair and competency: a repeat or a change of mind replaces the earlier pick
        with db.begin_nested():
            upsert(db, pair_picks, keys, values, {"org_id": g.org_id, "question_id": question_id, "created_at": now})
    except sa.exc.IntegrityError:  # a parallel duplicate inserted first: this one becomes the update
        db.execute(pair_picks.update().where(*[pair_picks.c[k] == v for k, v in keys.items()]).values(**values))
    pick_id = db.scalar(sa.select(pair_picks.c.id).where(*[pair_picks.c[k] == v for k, v in keys.items()]))
    return {"id": pick_id, "question_id": question_id, "better_answer_id": better.id, "worse_answer_id": worse.id,
            "competency": body["competency"]}


@bp.get("/questions/<int:question_id>/picks")
@login_required
@bp.response(200)
def list_picks(question_id):
    """The organisation's comparisons of answers to this question, newest first."""
    get_question_or_404(question_id)
    rows = get_db().execute(sa.select(pair_picks).where(pair_picks.c.org_id == g.org_id,
                                                        pair_picks.c.question_id == question_id)
                            .order_by(pair_picks.c.id.desc()))
    return [{"id": r.id, "better_answer_id": r.better_answer_id, "worse_answer_id": r.worse_answer_id,
             "competency": r.competency, "mine": r.rater_id == g.user_id, "created_at": iso(r.created_at)}
            for r in rows]


def outcomes_json(session_id: int) -> list[dict]:
    rows = get_db().execute(sa.select(outcomes).where(outcomes.c.session_id == session_id).order_by(outcomes.c.id))
    return [{"kind": r.kind, "label": OUTCOME_KINDS[r.kind],
             "value": r.value if r.kind == "supervisor_rating" else bool(r.value),
             "date": r.occurred_on.isoformat(), "note": r.note, "updated_at": iso(r.updated_at)} for r in rows]


def outcomes_view(row) -> dict:
    """Outcomes follow the current decision: when it is no longer "advance" they do not count (not in "outcomes",
    not hired in the funnel or fairness figures) but are kept for audit under "set_aside_outcomes"."""
    recorded = outcomes_json(row.id)
    out = {"session_id": row.id, "decision": row.decision, "decided_at": iso(row.decided_at),
           "outcomes": recorded, "set_aside_outcomes": [], "note": None}
    if row.decision != "advance" and recorded:
        out.update(outcomes=[], set_aside_outcomes=recorded,
                   note="当前决定不是「进入下一轮」，之前记录的录用和入职结果不再计入统计（保留备查）。")
    return out


def impossible(merged: dict[str, dict]) -> str | None:
    """The first logically impossible combination of outcomes (kind → {"value", "date"}), as a Chinese sentence."""
    offer, started = merged.get("offer_accepted"), merged.get("started")
    after_start = [k for k in ("passed_probation", "employed_90_days", "supervisor_rating") if k in merged]
    names = "、".join(OUTCOME_KINDS[k] for k in after_start)
    if offer and offer["value"] is False:
        if started and started["value"] is True:
            return "候选人没有接受录用，就不能记录「已入职」。"
        if after_start:
            return f"候选人没有接受录用，就不能记录「{names}」。"
    if started and started["value"] is False and after_start:
        return f"候选人没有入职，就不能记录「{names}」。"
    if offer and started and started["value"] is True and offer["value"] is True and started["date"] < offer["date"]:
        return "入职日期不能早于接受录用的日期。"
    if started and started["value"] is True:
        for kind in after_start:
            if merged[kind]["date"] < started["date"]:
                return f"「{OUTCOME_KINDS[kind]}」的日期不能早于入职日期（{started['date'].isoformat()}）。"
        ninety = merged.get("employed_90_days")
        if ninety and (ninety["date"] - started["date"]).days < 90:
            return (f"「入职满 90 天仍在职」的日期要在入职（{started['date'].isoformat()}）90 天之后，"
                    f"即不早于 {(started['date'] + timedelta(days=90)).isoformat()}。")
    return None


@bp.get("/sessions/<int:session_id>/outcomes")
@login_required
@bp.response(200)
def list_outcomes(session_id):
    """The candidate's decision and the outcomes recorded after it; outcomes of a decision that is no longer
    "advance" are listed apart (`set_aside_outcomes`) and count nowhere."""
    return outcomes_view(get_session_or_404(session_id))


@bp.put("/sessions/<int:session_id>/outcomes")
@login_required
@bp.arguments(OutcomesInSchema)
@bp.response(200)
def record_outcomes(body, session_id):
    """Record what happened after the decision, with dates; a kind recorded again replaces its value."""
    row = get_session_or_404(session_id)
    refuse_if_erased(row.status, "不能再记录结果")
    if row.decision != "advance":
        abort(409, "not_advanced", "只有已通过（进入下一轮）的候选人才能记录录用和入职后的结果。")
    if len({item["kind"] for item in body["outcomes"]}) != len(body["outcomes"]):
        abort(422, "duplicate_kind", "同一类结果在一次提交里只能出现一次。")
    decided_on = china_date(row.decided_at) if row.decided_at else None
    early = [item["kind"] for item in body["outcomes"] if decided_on and item["date"] < decided_on]
    if early:
        abort(422, "before_decision", f"结果日期不能早于做出决定的日期（{decided_on.isoformat()}，北京时间）。")
    merged = {o["kind"]: {"value": o["value"], "date": date.fromisoformat(o["date"])} for o in outcomes_json(row.id)}
    merged.update({item["kind"]: {"value": item["value"], "date": item["date"]} for item in body["outcomes"]})
    problem = impossible(merged)
    if problem:
        abort(422, "impossible_outcomes", problem)
    db, now = get_db(), utcnow()
    for item in body["outcomes"]:
        value = int(item["value"])
        values = {"value": value, "occurred_on": item["date"], "recorded_by": g.user_id, "updated_at": now,
                  **({"note": item["note"]} if "note" in item else {})}  # a note left out is kept
        upsert(db, outcomes, {"session_id": row.id, "kind": item["kind"]}, values,
               {"org_id": g.org_id, "created_at": now})
    audit.record(g.org_id, f"user:{g.user_id}", "session.outcomes", f"session:{row.id}",
                 {"kinds": [item["kind"] for item in body["outcomes"]]})
    return outcomes_view(row)
