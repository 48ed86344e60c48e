"""Loading the organisation's candidates for funnels and fairness: one plain dict per session.

Queries select the organisation's rows with bound parameters and compute in Python, so SQLite and MySQL
give the same figures (no dialect-specific date arithmetic).
"""
import sqlalchemy as sa

from api.crypto import decrypt
from api.schema import demographics, interviews, invitations, outcomes, referrers, sessions

HIRED_KINDS = ("offer_accepted", "started")


def scope_filter(query, org_id: int, job_id: int | None = None, interview_id: int | None = None):
    query = query.where(sessions.c.org_id == org_id)
    if job_id is not None:
        query = query.where(interviews.c.job_id == job_id)
    if interview_id is not None:
        query = query.where(sessions.c.interview_id == interview_id)
    return query


def load_candidates(connection, org_id: int, job_id: int | None = None, interview_id: int | None = None,
                    with_groups: bool = False) -> list[dict]:
    """Sessions in scope: ids, stage times, score, decision, channel, referrer, hired, and (when asked)
    the decrypted declared groups — for group counts only, never returned per person."""
    query = scope_filter(
        sa.select(sessions.c.id, sessions.c.interview_id, interviews.c.job_id, sessions.c.status, sessions.c.opened_at,
                  sessions.c.started_at, sessions.c.submitted_at, sessions.c.analysed_at, sessions.c.overall,
                  sessions.c.decision, sessions.c.decided_at, sessions.c.created_at, interviews.c.pass_threshold,
                  invitations.c.channel, invitations.c.referrer_id, referrers.c.name.label("referrer_name"),
                  sessions.c.candidate_user_id, invitations.c.candidate_name_enc, invitations.c.candidate_phone_enc,
                  demographics.c.gender_enc, demographics.c.age_band_enc)
        .join(interviews, interviews.c.id == sessions.c.interview_id)
        .join(invitations, invitations.c.id == sessions.c.invitation_id)
        .outerjoin(referrers, referrers.c.id == invitations.c.referrer_id)
        .outerjoin(demographics, demographics.c.session_id == sessions.c.id),
        org_id, job_id, interview_id).order_by(sessions.c.id)
    rows = list(connection.execute(query))
    hired = set(connection.execute(
        sa.select(outcomes.c.session_id).where(outcomes.c.org_id == org_id, outcomes.c.kind.in_(HIRED_KINDS),
                                               outcomes.c.value == 1)).scalars())
    from api.referrals import person_key
    out = []
    for row in rows:
        item = {"id": row.id, "interview_id": row.interview_id, "job_id": row.job_id, "status": row.status,
                "opened_at": row.opened_at or row.started_at, "started_at": row.started_at,
                "submitted_at": row.submitted_at, "analysed_at": row.analysed_at, "overall": row.overall,
                "decision": row.decision, "decided_at": row.decided_at, "created_at": row.created_at,
                "threshold": row.pass_threshold,
                "channel": row.channel or ("referrer" if row.referrer_id else "unknown"),
                "referrer_id": row.referrer_id, "referrer_name": row.referrer_name, "hired": row.id in hired and row.decision == "advance",
                "person": person_key(row) if row.referrer_id else None}  # who, for counting people per referrer
        if with_groups:
            item["groups"] = {"gender": decrypt(row.gender_enc), "age_band": decrypt(row.age_band_enc)}
        out.append(item)
    return out


def fairness_record(candidate: dict, overall: float | None = None) -> dict:
    """A candidate as the fairness module counts them; `overall` overrides the stored score (other versions)."""
    score = candidate["overall"] if overall is None else overall
    submitted = candidate["submitted_at"] is not None
    return {"groups": candidate.get("groups") or {},
            "eligible": {"passed_threshold": submitted, "advanced": submitted, "hired": submitted},
            "selected": {"passed_threshold": score is not None and score >= candidate["threshold"],
                         "advanced": candidate["decision"] == "advance", "hired": candidate["hired"]}}
