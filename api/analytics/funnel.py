"""The hiring funnel and its efficiency, computed from loaded candidates (api/analytics/data.py).

Stages (each counts candidates who reached it): invited (an invitation or share-link start exists) → opened
→ started → submitted → analysed (the analysis settled, whatever its outcome) → advanced (HR's decision) →
hired (an accepted offer or a start recorded as an outcome).

How the analysis settled (`analysis`, of the analysed candidates): scored (status "scored": every question
has an automatic score) or needs review (status "needs_review": a question unanswered, unreadable or not
scored, so a person must look; `with_score` of them have a partial automatic score). A needs-review candidate
is never counted as scored. Candidates who erased their data keep their stage timestamps but no outcome.
"""
from __future__ import annotations

import statistics

import sqlalchemy as sa

from api import progress
from api.schema import answers, questions

STAGES = ("invited", "opened", "started", "submitted", "analysed", "advanced", "hired")
STAGE_LABELS = {"invited": "已邀请", "opened": "已打开", "started": "已开始", "submitted": "已提交",
                "analysed": "已分析完成", "advanced": "已通过", "hired": "已录用"}
ANALYSIS_LABELS = {"scored": "自动评分完成", "needs_review": "需要人工复核"}
CHANNEL_LABELS = {"invitation": "HR 邀请", "share_link": "分享链接", "referrer": "内部推荐", "unknown": "未知"}


def reached(candidate: dict, stage: str) -> bool:
    if stage == "invited":
        return True
    if stage == "opened":
        return candidate["opened_at"] is not None
    if stage == "started":
        return candidate["started_at"] is not None
    if stage == "submitted":
        return candidate["submitted_at"] is not None
    if stage == "analysed":
        return candidate["analysed_at"] is not None
    if stage == "advanced":
        return candidate["decision"] == "advance"
    return candidate["hired"]


def stages(candidates: list[dict]) -> list[dict]:
    counts = [sum(1 for c in candidates if reached(c, stage)) for stage in STAGES]
    out = []
    for index, (stage, count) in enumerate(zip(STAGES, counts)):
        previous = counts[index - 1] if index else None
        out.append({"stage": stage, "label": STAGE_LABELS[stage], "count": count,
                    "of_invited": round(count / counts[0], 4) if counts[0] else None,
                    "of_previous": round(count / previous, 4) if previous else None})
    return out


def analysis(candidates: list[dict]) -> dict:
    """Of the analysed candidates: how many were scored and how many need review (see the module doc)."""
    settled = [c for c in candidates if c["analysed_at"] is not None]
    review = [c for c in settled if c["status"] == "needs_review"]
    scored = sum(1 for c in settled if c["status"] == "scored")
    return {"analysed": len(settled),
            "scored": {"count": scored, "label": ANALYSIS_LABELS["scored"]},
            "needs_review": {"count": len(review), "label": ANALYSIS_LABELS["needs_review"],
                             "with_score": sum(1 for c in review if c["overall"] is not None)}}


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 2) if values else None


def timings(candidates: list[dict]) -> dict:
    """Median minutes from start to submit, and median hours from submit to HR's decision."""
    complete = [(c["submitted_at"] - c["started_at"]).total_seconds() / 60 for c in candidates
                if c["submitted_at"] and c["started_at"]]
    decide = [(c["decided_at"] - c["submitted_at"]).total_seconds() / 3600 for c in candidates
              if c["decided_at"] and c["submitted_at"] and c["decided_at"] >= c["submitted_at"]]
    return {"median_minutes_to_complete": _median(complete), "completed": len(complete),
            "median_hours_submit_to_decision": _median(decide), "decided": len(decide)}


def question_dropoff(connection, candidates: list[dict], interview_id: int) -> list[dict]:
    """Per question of one interview: how many started candidates answered it, and how many stopped there."""
    ids = [c["id"] for c in candidates if c["interview_id"] == interview_id and c["started_at"] is not None]
    question_rows = list(connection.execute(sa.select(questions.c.id, questions.c.position, questions.c.text)
                                            .where(questions.c.interview_id == interview_id)
                                            .order_by(questions.c.position)))
    answered: dict[int, set] = {q.id: set() for q in question_rows}
    if ids:
        for row in connection.execute(sa.select(answers).where(answers.c.session_id.in_(ids))):
            if progress.reached_storage(row) and row.question_id in answered:
                answered[row.question_id].add(row.session_id)
    out, before = [], len(ids)
    for q in question_rows:
        count = len(answered[q.id])
        out.append({"question_id": q.id, "position": q.position, "text": q.text, "reached": before,
                    "answered": count, "dropped": max(before - count, 0),
                    "drop_rate": round(max(before - count, 0) / before, 4) if before else None})
        before = count
    return out


def _conversion(groups: dict[object, list[list[dict]]], label) -> list[dict]:
    """Per group, how many units (a candidate, or for referrers a person with all their sessions) reached each
    stage: a unit reaches a stage when any of its sessions did."""
    rows = []
    for key, units in groups.items():
        invited = len(units)
        row = {"key": key, "label": label(key, units), "invited": invited}
        for stage in ("started", "submitted", "advanced", "hired"):
            row[stage] = sum(1 for unit in units if any(reached(c, stage) for c in unit))
        row["submit_rate"] = round(row["submitted"] / invited, 4) if invited else None
        row["advance_rate"] = round(row["advanced"] / row["submitted"], 4) if row["submitted"] else None
        rows.append(row)
    return sorted(rows, key=lambda r: (-r["invited"], str(r["key"])))


def channels(candidates: list[dict]) -> list[dict]:
    grouped: dict[str, list[list[dict]]] = {}
    for c in candidates:
        grouped.setdefault(c["channel"], []).append([c])
    return _conversion(grouped, lambda key, _: CHANNEL_LABELS.get(key, key))


def referrers(candidates: list[dict]) -> list[dict]:
    """Per referrer, people brought and how far they got: each person once (`person`, api/referrals.py
    person_key), however many sessions they have, as the referrer list counts them."""
    grouped: dict[int, dict[object, list[dict]]] = {}
    for c in candidates:
        if c["referrer_id"] is not None:
            grouped.setdefault(c["referrer_id"], {}).setdefault(c.get("person") or ("session", c["id"]), []).append(c)
    return _conversion({key: list(people.values()) for key, people in grouped.items()},
                       lambda _, units: units[0][0]["referrer_name"])


def funnel(connection, candidates: list[dict], interview_id: int | None) -> dict:
    return {"stages": stages(candidates), "analysis": analysis(candidates), "timings": timings(candidates),
            "questions": question_dropoff(connection, candidates, interview_id) if interview_id else [],
            "channels": channels(candidates), "referrers": referrers(candidates)}

