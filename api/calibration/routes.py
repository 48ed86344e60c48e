"""HR endpoints: calibration progress, propose a version, what changed, activate (fairness-gated), roll back,
re-score past answers explicitly, suggest a pass threshold. Every change is in the audit log."""
import json

import marshmallow as ma
import sqlalchemy as sa
from flask import g
from api.openapi import Blueprint

from api import audit
from api.analytics import fairness
from api.auth import login_required
from api.calibration import service, threshold
from api.crypto import read_name
from api.db import get_db
from api.interviews import get_interview_or_404
from api.openapi import ID_RANGE, StrictBoolean, StrictNumber, abort, not_found_text
from api.schema import audit_log, demographics, interviews, scorer_versions, sessions, users
from api.timeutil import iso, utcnow
from functions.analyze.scoring import calibration as cal

bp = Blueprint("calibration", __name__, url_prefix="/api/scorer",
               description="HR: per-organisation scorer versions (calibration, fairness gate, rollback)")

MIN_JUSTIFICATION = 10


class ActivateSchema(ma.Schema):
    justification = ma.fields.String(load_default=None, validate=ma.validate.Length(max=2000),
                                     metadata={"description": "Required when the fairness gate refuses the version"})
    rescore = StrictBoolean(load_default=False, metadata={"description": "Also re-score past answers now (JSON true)"})


class RollbackTarget(ma.fields.Field):
    """An earlier version's id, or "default" (or null) for the default scorer; never implied by omission."""

    def _deserialize(self, value, attr, data, **kwargs):
        if value == "default":
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ma.ValidationError("要回到的版本写评分版本的编号，或写 \"default\" 表示默认评分。")
        ID_RANGE(value)
        return value


class RollbackSchema(ActivateSchema):
    version_id = RollbackTarget(required=True, allow_none=True, metadata={
        "description": "Required: an earlier version's id, or \"default\" (or null) for the default scorer",
        "oneOf": [{"type": "integer"}, {"type": "string", "enum": ["default"]}]})


class RescoreSchema(ma.Schema):
    confirm = StrictBoolean(required=True, metadata={"description": "Must be JSON true: re-scoring is explicit"})
    interview_id = ma.fields.Integer(load_default=None, validate=ID_RANGE)


class ThresholdApplySchema(ma.Schema):
    interview_id = ma.fields.Integer(required=True, validate=ID_RANGE)
    threshold = StrictNumber(required=True, validate=ma.validate.Range(0, 100, error="及格线在 0 到 100 之间。"))
    review_band = ma.fields.List(StrictNumber(validate=ma.validate.Range(0, 100, error="复核区间在 0 到 100 之间。")),
                                 load_default=None, allow_none=True,
                                 validate=ma.validate.Length(equal=2, error="复核区间写成 [下限, 上限]。"))

    @ma.validates_schema
    def band_around_threshold(self, data, **_):
        band = data.get("review_band")
        if band and not band[0] <= data["threshold"] <= band[1]:
            raise ma.ValidationError("复核区间要包含及格线：下限 ≤ 及格线 ≤ 上限。", "review_band")


class ThresholdArgs(ma.Schema):
    interview_id = ma.fields.Integer(load_default=None, validate=ID_RANGE)


def version_json(row, detail: bool = False) -> dict:
    calibration = json.loads(row.calibration)
    item = {"id": row.id, "version": row.version, "number": row.number, "status": row.status,
            "base": calibration.get("base"), "outdated": service.outdated(calibration),
            "created_at": iso(row.created_at), "activated_at": iso(row.activated_at),
            "summary": (row.summary or {}).get("sentences", []), "validation": row.validation}
    if detail:
        item.update({"weight_changes": (row.summary or {}).get("weight_changes", []),
                     "fairness": (row.summary or {}).get("fairness"),
                     "ratings": (row.summary or {}).get("ratings")})
    return item


def get_version_or_404(version_id: int):
    row = get_db().execute(sa.select(scorer_versions).where(scorer_versions.c.id == version_id,
                                                            scorer_versions.c.org_id == g.org_id)).first()
    if row is None:
        abort(404, "version_not_found", not_found_text("评分版本", version_id))
    return row


@bp.get("")
@login_required
@bp.response(200)
def scorer_overview():
    """The active scorer version, progress toward a calibration (≥30 rated answers on ≥10 candidates), and
    every version, newest first."""
    db = get_db()
    active = service.active_version(db, g.org_id)
    rows = db.execute(sa.select(scorer_versions).where(scorer_versions.c.org_id == g.org_id)
                      .order_by(scorer_versions.c.number.desc()))
    base = service.current_default()
    state = cal.progress(service.load_ratings(db, g.org_id, base))
    state["base"] = base
    state["message"] = ("评分数量已够，可以生成你们自己的评分版本。" if state["ready"] else
                        f"再评 {max(0, state['needed_answers'] - state['rated_answers'])} 个回答、"
                        f"覆盖 {max(0, state['needed_candidates'] - state['rated_candidates'])} 位以上候选人后，"
                        "就能生成你们自己的评分版本。")
    state["not_counted"] = service.uncounted_ratings(db, g.org_id, base)
    return {"active": active.version if active else service.DEFAULT_VERSION,
            "active_id": active.id if active else None, "default_scorer": base,
            "refit": service.refit_notice(active.version, json.loads(active.calibration)) if active else None,
            "progress": state,
            "versions": [version_json(row) for row in rows], "history": history_json(db)}


HISTORY_ACTIONS = {"scorer.proposed": "生成新版本", "scorer.activated": "启用", "scorer.rolled_back": "回退",
                   "scorer.rescored": "重新评分"}


def history_json(db, limit: int = 50) -> list[dict]:
    """The organisation's scorer audit trail, newest first: who did what when, and for activations and
    rollbacks the fairness figures and the written justification the gate required."""
    rows = db.execute(sa.select(audit_log, users.c.display_name).outerjoin(
        users, sa.cast(sa.func.substr(audit_log.c.actor, 6), sa.Integer) == users.c.id)
        .where(audit_log.c.org_id == g.org_id, audit_log.c.action.in_(tuple(HISTORY_ACTIONS)))
        .order_by(audit_log.c.id.desc()).limit(limit))
    out = []
    for row in rows:
        detail = row.detail if isinstance(row.detail, dict) else json.loads(row.detail or "{}")
        out.append({"action": row.action, "label": HISTORY_ACTIONS[row.action], "by": read_name(row.display_name),
                    "at": iso(row.created_at), "version": detail.get("version"), "previous": detail.get("previous"),
                    "fairness": detail.get("fairness"), "justification": detail.get("justification")})
    return out


@bp.get("/history")
@login_required
@bp.response(200)
def scorer_history():
    """Audit view of the organisation's scorer changes (proposed, activated, rolled back, re-scored), newest
    first, with the fairness gate's figures and any written justification."""
    return {"history": history_json(get_db())}


@bp.post("/versions")
@login_required
@bp.response(201)
def propose_version():
    """Fit a calibrated version from the organisation's ratings, validate it on held-out candidates, compare
    its fairness with the active version, and keep it as "proposed" (not active)."""
    db = get_db()
    base = service.current_default()
    ratings = service.load_ratings(db, g.org_id, base)
    number = service.next_number(db, g.org_id)
    try:
        calibration = cal.fit(ratings, base_version=base, seed=g.org_id * 1000 + number)
    except cal.NotEnoughRatings as error:
        p = error.progress
        abort(409, "not_enough_ratings", f"评分还不够：需要至少 {p['needed_answers']} 个回答、{p['needed_candidates']} 位"
                                         f"候选人的评分，现在是 {p['rated_answers']} 个回答、{p['rated_candidates']} 位候选人。")
    validation = cal.validate(ratings, seed=g.org_id * 1000 + number)
    label = service.version_label(g.org_id, number)
    active = service.scorer_context(db, g.org_id)
    summary = {"sentences": cal.describe(calibration), "weight_changes": cal.weight_changes(calibration),
               "ratings": cal.progress(ratings),
               "fairness": {"proposed": service.fairness_ratio(db, g.org_id, label, calibration),
                            "active": service.fairness_ratio(db, g.org_id, active["version"], active["calibration"])}}
    if not validation["better"]:
        summary["sentences"].append("在留出的评分上，这个版本还不能确定比当前更准（置信区间包含 0），建议再积累一些评分。")
    version_id = db.execute(scorer_versions.insert().values(
        org_id=g.org_id, number=number, version=label, status="proposed", calibration=json.dumps(calibration),
        validation=validation, summary=summary, created_by=g.user_id, created_at=utcnow())).inserted_primary_key[0]
    audit.record(g.org_id, f"user:{g.user_id}", "scorer.proposed", f"scorer_version:{version_id}",
                 {"version": label, "validation": validation})
    return version_json(get_version_or_404(version_id), detail=True)


@bp.get("/versions/<int:version_id>")
@login_required
@bp.response(200)
def get_version(version_id):
    """One version: what changed (Chinese sentences, per-competency weight changes), validation, fairness."""
    return version_json(get_version_or_404(version_id), detail=True)


def _owner_only() -> None:
    if g.role != "owner":
        abort(403, "owner_only", "只有机构管理员（创建机构的负责人）可以启用或回退评分版本，请联系管理员操作。")


def _activate(version_id: int | None, body: dict, action: str) -> dict:
    _owner_only()
    db = get_db()
    row = get_version_or_404(version_id) if version_id is not None else None
    label = row.version if row else service.DEFAULT_VERSION
    calibration = json.loads(row.calibration) if row else None
    if calibration is not None and service.outdated(calibration):
        notice = service.refit_notice(label, calibration)
        abort(409, "calibration_outdated", f"评分版本 {label} 是在{notice['fitted_on']}的分数上校准的，现在的默认评分是 "
                                           f"{notice['current_default']}，不能启用。请在新版本评过分的回答上重新生成"
                                           "评分版本，或回到默认评分。")
    active = service.scorer_context(db, g.org_id)
    detail = {"version": label, "previous": active["version"]}
    if row is not None:
        proposed = service.fairness_ratio(db, g.org_id, label, calibration)
        current = service.fairness_ratio(db, g.org_id, active["version"], active["calibration"])
        verdict = fairness.gate(proposed["impact_ratio"], current["impact_ratio"])
        detail["fairness"] = {"proposed": proposed["impact_ratio"], "active": current["impact_ratio"],
                              "note": verdict["reason"]}
        justification = (body.get("justification") or "").strip()
        if not verdict["allowed_without_justification"]:
            if len(justification) < MIN_JUSTIFICATION:
                abort(409, "fairness_gate", verdict["reason"] + f"（理由至少 {MIN_JUSTIFICATION} 个字）")
            detail["justification"] = justification
    service.set_active(db, g.org_id, row.id if row else None)
    audit.record(g.org_id, f"user:{g.user_id}", action, f"scorer_version:{row.id}" if row else "scorer:default", detail)
    out = {"active": label, "fairness": detail.get("fairness"), "rescored": None}
    if body.get("rescore"):
        out["rescored"] = _rescore(label, calibration, None)
    return out


@bp.post("/versions/<int:version_id>/activate")
@login_required
@bp.arguments(ActivateSchema)
@bp.response(200)
def activate_version(body, version_id):
    """Owner only (403 owner_only). Make this version score new answers. Refused (409 fairness_gate) when its
    impact ratio on your data is below 0.8 and worse than the active version's, unless a written justification
    is given (audited); refused (409 calibration_outdated) when it was fitted on another default scorer version
    than the current one."""
    return _activate(version_id, body, "scorer.activated")


@bp.post("/rollback")
@login_required
@bp.arguments(RollbackSchema)
@bp.response(200)
def rollback(body):
    """Owner only (403 owner_only). Go back to an earlier version (version_id; 409 calibration_outdated when it
    was fitted on another default scorer version than the current one) or to the default scorer (null)."""
    return _activate(body["version_id"], body, "scorer.rolled_back")


def _rescore(label, calibration, interview_id):
    counts = service.rescore_all(get_db(), g.org_id, label, calibration, interview_id)
    audit.record(g.org_id, f"user:{g.user_id}", "scorer.rescored", f"scorer:{label}",
                 {"interview_id": interview_id, **counts})
    return {"version": label, **counts}


@bp.post("/rescore")
@login_required
@bp.arguments(RescoreSchema)
@bp.response(200)
def rescore(body):
    """Re-score past answers with the active version from their stored per-competency features (no
    re-transcription); explicit (confirm: true) and audited. Returns how many answers and sessions changed."""
    if not body["confirm"]:
        abort(422, "confirm_required", "重新评分会改变过去的分数：请确认（confirm: true）后再执行。")
    if body["interview_id"] is not None:
        get_interview_or_404(body["interview_id"])
    context = service.scorer_context(get_db(), g.org_id)
    return _rescore(context["version"], context["calibration"], body["interview_id"])


@bp.get("/threshold")
@login_required
@bp.arguments(ThresholdArgs, location="query")
@bp.response(200)
def suggest_threshold(args):
    """A pass threshold from your own advance/reject decisions, with a review band (see api/calibration/threshold.py)."""
    query = (sa.select(sessions.c.overall, sessions.c.decision, interviews.c.pass_threshold)
             .join(interviews, interviews.c.id == sessions.c.interview_id)
             .where(sessions.c.org_id == g.org_id, sessions.c.overall.is_not(None),
                    sessions.c.decision.in_(("advance", "reject"))))
    current = None
    if args["interview_id"] is not None:
        current = get_interview_or_404(args["interview_id"]).pass_threshold
        query = query.where(sessions.c.interview_id == args["interview_id"])
    rows = list(get_db().execute(query))
    out = threshold.suggest([r.overall for r in rows if r.decision == "advance"],
                            [r.overall for r in rows if r.decision == "reject"])
    return {**out, "current_threshold": current}


def _people_moved(db, interview, new_threshold: float) -> int:
    """How many submitted candidates of the interview who declared a group would cross the pass line if it moved
    from its current value to `new_threshold` (0 when nobody declared: then no group figure can change)."""
    low, high = sorted((interview.pass_threshold, new_threshold))
    return db.scalar(sa.select(sa.func.count()).select_from(sessions)
                     .join(demographics, demographics.c.session_id == sessions.c.id)
                     .where(sessions.c.interview_id == interview.id, sessions.c.submitted_at.is_not(None),
                            sessions.c.overall.is_not(None), sessions.c.overall >= low, sessions.c.overall < high)) or 0


@bp.post("/threshold")
@login_required
@bp.arguments(ThresholdApplySchema)
@bp.response(200)
def apply_threshold(body):
    """Set an interview's pass line and review band (e.g. the suggestion above): scored candidates inside the band
    get no automated verdict (a person decides); settled candidates' recommendations are recomputed. Audited."""
    interview = get_interview_or_404(body["interview_id"])
    band = body["review_band"] or [None, None]
    db = get_db()
    moved = _people_moved(db, interview, body["threshold"])
    if 1 <= moved < fairness.MIN_GROUP:
        abort(409, "threshold_isolates",
              f"这次调整只会改变 {moved} 位候选人是否达到及格线。为了不让公平性统计被用来推算某个人自愿填写的性别或"
              f"年龄，一次调整要么不改变任何人，要么至少改变 {fairness.MIN_GROUP} 人；请换一个及格线。")
    db.execute(interviews.update().where(interviews.c.id == interview.id).values(
        pass_threshold=body["threshold"], review_band_low=band[0], review_band_high=band[1]))
    settled = list(db.execute(sa.select(sessions.c.id).where(sessions.c.interview_id == interview.id,
                                                              sessions.c.status == "scored")).scalars())
    for session_id in settled:
        service.resettle(db, session_id)
    audit.record(g.org_id, f"user:{g.user_id}", "interview.threshold", f"interview:{interview.id}",
                 {"previous": [interview.pass_threshold, interview.review_band_low, interview.review_band_high],
                  "threshold": body["threshold"], "review_band": body["review_band"], "sessions": len(settled)})
    return {"interview_id": interview.id, "pass_threshold": body["threshold"], "review_band": body["review_band"],
            "sessions_updated": len(settled)}
