"""Scorer versions of an organisation: what the analyzer is told, ratings for fitting, re-scoring, fairness.

A version is "default" (the shipped scorer, `calibration: null`) or "org-<org_id>-<n>" with its calibration
parameters (functions/analyze/scoring/calibration.py). The active one is in org_scorers; none means default.
"""
from __future__ import annotations

import json

import sqlalchemy as sa

from api import progress
from api.analytics import data, fairness
from api.calibration import threshold
from api.db import upsert
from api.schema import (analysis_results, answer_ratings, answers, interviews, org_scorers, questions, scorer_versions,
                        sessions)
from api.timeutil import utcnow
from functions.analyze.scoring import calibration as cal
from functions.analyze.scoring import model

DEFAULT_VERSION = "default"


def current_default() -> str | None:
    """The exact default scorer new answers are scored with ("default-3"), from models/manifest.json."""
    return model.default_label()


def outdated(calibration: dict) -> bool:
    """A calibration fitted on another default scorer version than the current one (or on an unrecorded one)."""
    return calibration.get("base") in (None, "default") or calibration.get("base") != current_default()


def refit_notice(version: str, calibration: dict) -> dict | None:
    """For HR, when the active calibration was fitted on another default scorer version: what happens to new
    answers and what to do, in Chinese. None when it is current."""
    if not outdated(calibration):
        return None
    base, now = calibration.get("base"), current_default()
    fitted_on = f"默认评分 {base} " if base not in (None, "default") else "旧版默认评分（未记录具体版本）"
    return {"version": version, "base": base, "current_default": now, "fitted_on": fitted_on,
            "message": f"默认评分已更新为 {now}。你们启用的评分版本 {version} 是在{fitted_on}的分数上校准的，"
                       f"不能直接用在新版本的分数上：新回答先按 {now} 的默认评分打分，不套用你们的校准。"
                       f"请在 {now} 评过分的回答上继续打分，够数后重新生成你们的评分版本。"}


def version_label(org_id: int, number: int) -> str:
    return f"org-{org_id}-{number}"


def active_version(connection, org_id: int):
    """The active scorer_versions row, or None for the default scorer."""
    return connection.execute(
        sa.select(scorer_versions).join(org_scorers, org_scorers.c.active_version_id == scorer_versions.c.id)
        .where(org_scorers.c.org_id == org_id)).first()


def scorer_context(connection, org_id: int) -> dict:
    """What the analysis context hands the analyzer: {"version": ..., "calibration": {...}|null}."""
    row = active_version(connection, org_id)
    if row is None:
        return {"version": DEFAULT_VERSION, "calibration": None}
    return {"version": row.version, "calibration": json.loads(row.calibration)}


def set_active(connection, org_id: int, version_id: int | None) -> None:
    now = utcnow()
    connection.execute(scorer_versions.update().where(scorer_versions.c.org_id == org_id,
                                                      scorer_versions.c.status == "active").values(status="inactive"))
    if version_id is not None:
        connection.execute(scorer_versions.update().where(scorer_versions.c.id == version_id).values(
            status="active", activated_at=now))
    upsert(connection, org_scorers, {"org_id": org_id}, {"active_version_id": version_id, "updated_at": now})


def _is_scored(result: dict, status: str) -> bool:
    comps = result.get("competencies") or []
    return status == "scored" and bool(comps) and all("features" in c and c.get("score") is not None for c in comps)


def calibrate_result(connection, org_id: int, status: str, result: dict) -> dict:
    """The result as the active version scores it. The analyzer applies the calibration it was handed; a
    result that came back scored by the default (an analyzer that predates calibration) is scored here
    from its own features, so every stored result names the version that produced its scores."""
    if not _is_scored(result, status):
        return result
    context = scorer_context(connection, org_id)
    current = (result.get("model_versions") or {}).get("scorer") or ""
    if context["calibration"] is None or current.startswith("org-") or "calibration_skipped" in result:
        return result
    return cal.apply_context(result, context)


def load_ratings(connection, org_id: int, base: str | None) -> list[cal.Rating]:
    """HR's ratings joined with what the default scorer `base` ("default-3") said (per-competency default
    score and features).

    Several raters of one competency of one answer are averaged. Answers without a scored result carrying
    per-competency features (gated answers, results from before the 0–100 scorer) and answers scored by
    another default scorer version than `base` are left out: one fit never mixes two versions' scores.
    """
    rows = connection.execute(
        sa.select(answer_ratings.c.answer_id, answer_ratings.c.competency,
                  sa.func.avg(answer_ratings.c.rating).label("rating"), answers.c.session_id,
                  analysis_results.c.result, analysis_results.c.status)
        .join(answers, answers.c.id == answer_ratings.c.answer_id)
        .join(analysis_results, analysis_results.c.answer_id == answers.c.id)
        .where(answer_ratings.c.org_id == org_id)
        .group_by(answer_ratings.c.answer_id, answer_ratings.c.competency, answers.c.session_id,
                  analysis_results.c.result, analysis_results.c.status)
        .order_by(answer_ratings.c.answer_id, answer_ratings.c.competency))
    out = []
    for row in rows:
        result = json.loads(row.result)
        if not _is_scored(result, row.status) or cal.base_of(result) != base:
            continue
        comp = next((c for c in result["competencies"] if c["name"] == row.competency), None)
        if comp is None:
            continue
        out.append(cal.Rating(competency=row.competency, default_score=float(comp.get("default_score", comp["score"])),
                              features=comp.get("features") or {}, rating=float(row.rating),
                              candidate=row.session_id, answer=row.answer_id))
    return out


def uncounted_ratings(connection, org_id: int, base: str | None) -> dict:
    """Rated answers that do not count toward a calibration on the default scorer `base`, by reason, with a
    Chinese sentence: {"old_scorer": n, "other_version": n, "not_scored": n, "not_analysed": n,
    "message": str | None}.

    old_scorer — scored by an analyzer that did not yet record per-competency features (before the 0–100 scorer);
    other_version — scored by another default scorer version than `base`;
    not_scored — needs review or failed (no automated score to calibrate); not_analysed — no result yet."""
    rows = connection.execute(
        sa.select(answer_ratings.c.answer_id, analysis_results.c.result, analysis_results.c.status)
        .join(answers, answers.c.id == answer_ratings.c.answer_id)
        .outerjoin(analysis_results, analysis_results.c.answer_id == answers.c.id)
        .where(answer_ratings.c.org_id == org_id))
    counts = {"old_scorer": 0, "other_version": 0, "not_scored": 0, "not_analysed": 0}
    seen = set()
    for row in rows:
        if row.answer_id in seen:
            continue
        seen.add(row.answer_id)
        if row.result is None:
            counts["not_analysed"] += 1
        elif row.status != "scored":
            counts["not_scored"] += 1
        elif not _is_scored(result := json.loads(row.result), row.status):
            counts["old_scorer"] += 1
        elif cal.base_of(result) != base:
            counts["other_version"] += 1
    parts = []
    if counts["old_scorer"]:
        parts.append(f"{counts['old_scorer']} 个回答是旧版本评分的，缺少校准所需的特征（新版本评分上线后的回答才计入）")
    if counts["other_version"]:
        parts.append(f"{counts['other_version']} 个回答是其他版本的默认评分打的分（校准只用当前默认评分 {base} 的分数）")
    if counts["not_scored"]:
        parts.append(f"{counts['not_scored']} 个回答没有自动评分（需要人工复核或分析失败）")
    if counts["not_analysed"]:
        parts.append(f"{counts['not_analysed']} 个回答还在分析中")
    counts["message"] = ("你评过的回答里有些不计入：" + "；".join(parts) + "。") if parts else None
    return counts


def _scored_results(connection, org_id: int, interview_id: int | None = None):
    query = (sa.select(answers.c.id, answers.c.session_id, analysis_results.c.id.label("result_id"),
                       analysis_results.c.result, analysis_results.c.status)
             .join(analysis_results, analysis_results.c.answer_id == answers.c.id)
             .join(sessions, sessions.c.id == answers.c.session_id)
             .where(sessions.c.org_id == org_id, analysis_results.c.status == "scored",
                    sessions.c.status != "erased"))
    if interview_id is not None:
        query = query.where(sessions.c.interview_id == interview_id)
    return connection.execute(query.order_by(answers.c.id))


def session_overalls(connection, org_id: int, version: str, calibration: dict | None) -> dict[int, float]:
    """Each session's overall as `version` would score it (mean of its current scored answers, 0.1)."""
    rescored = {}
    for row in _scored_results(connection, org_id):
        rescored[row.id] = cal.rescore(json.loads(row.result), version, calibration).get("overall")
    overalls = {}
    current_ids = _current_answer_ids(connection, org_id)
    for session_id, answer_ids in current_ids.items():
        scores = [rescored[a] for a in answer_ids if rescored.get(a) is not None]
        if scores:
            overalls[session_id] = round(sum(scores) / len(scores), 1)
    return overalls


def _current_answer_ids(connection, org_id: int) -> dict[int, list[int]]:
    rows = connection.execute(sa.select(answers).join(sessions, sessions.c.id == answers.c.session_id)
                              .where(sessions.c.org_id == org_id).order_by(answers.c.question_id, answers.c.attempt))
    grouped: dict[int, dict[int, list]] = {}
    for row in rows:
        grouped.setdefault(row.session_id, {}).setdefault(row.question_id, []).append(row)
    out = {}
    for session_id, by_question in grouped.items():
        currents = [progress.current_answer(attempts) for attempts in by_question.values()]
        out[session_id] = [row.id for row in currents if row is not None]
    return out


def fairness_ratio(connection, org_id: int, version: str, calibration: dict | None) -> dict:
    """The worst impact ratio (passed_threshold stage, over gender and age band) if `version` scored the org's
    candidates, with the per-attribute figures."""
    candidates = data.load_candidates(connection, org_id, with_groups=True)
    overalls = session_overalls(connection, org_id, version, calibration)
    records = [data.fairness_record({**c, "overall": overalls.get(c["id"], c["overall"])}) for c in candidates]
    figures = [fairness.selection(records, attribute, "passed_threshold") for attribute in fairness.ATTRIBUTES]
    ratios = [f["impact_ratio"] for f in figures if f["impact_ratio"] is not None]
    return {"version": version, "impact_ratio": min(ratios) if ratios else None,
            "by_attribute": {f["attribute"]: {"impact_ratio": f["impact_ratio"], "warnings": f["warnings"]}
                             for f in figures}}


def rescore_all(connection, org_id: int, version: str, calibration: dict | None,
                interview_id: int | None = None) -> dict:
    """Re-score every stored scored result of the organisation with `version` from its stored features (no
    re-transcription); update answer and session scores. Returns counts; `other_version`: answers left as they
    are because another default scorer version scored them than the one `calibration` was fitted on."""
    changed = answers_touched = other_version = 0
    sessions_touched = set()
    for row in _scored_results(connection, org_id, interview_id):
        result = json.loads(row.result)
        if not _is_scored(result, row.status):
            continue
        if calibration is not None and not cal.applies(calibration, result):
            other_version += 1
            continue
        new = cal.rescore(result, version, calibration)
        answers_touched += 1
        if new == result:
            continue
        changed += 1
        connection.execute(analysis_results.update().where(analysis_results.c.id == row.result_id).values(
            result=json.dumps(new, ensure_ascii=False)))
        connection.execute(answers.update().where(answers.c.id == row.id).values(overall=new.get("overall")))
        sessions_touched.add(row.session_id)
    for session_id in sorted(sessions_touched):
        resettle(connection, session_id)
    return {"answers": answers_touched, "changed": changed, "sessions": len(sessions_touched),
            "other_version": other_version}


def resettle(connection, session_id: int) -> None:
    """Recompute a settled session's overall and recommendation the way progress.aggregate first did."""
    session = connection.execute(sa.select(sessions).where(sessions.c.id == session_id)).first()
    if session is None or session.status not in ("scored", "needs_review"):
        return
    question_ids = list(connection.execute(sa.select(questions.c.id).where(
        questions.c.interview_id == session.interview_id)).scalars())
    grouped = progress.answers_by_question(connection, session_id)
    currents = [progress.current_answer(grouped.get(qid, [])) for qid in question_ids]
    scores = [row.overall for row in currents if row is not None and row.status == "scored" and row.overall is not None]
    overall = round(sum(scores) / len(scores), 1) if scores else None
    line = connection.execute(sa.select(interviews.c.pass_threshold, interviews.c.review_band_low,
                                        interviews.c.review_band_high).where(interviews.c.id == session.interview_id)).one()
    values = {"overall": overall}
    if session.status == "scored":
        values["recommended"] = threshold.recommendation(overall, *line)
    connection.execute(sessions.update().where(sessions.c.id == session_id).values(**values))


def next_number(connection, org_id: int) -> int:
    return (connection.scalar(sa.select(sa.func.max(scorer_versions.c.number))
                              .where(scorer_versions.c.org_id == org_id)) or 0) + 1
