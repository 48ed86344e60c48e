"""Erasing a candidate: recordings, transcripts, results, ratings and personal details. Used when a candidate
asks (DELETE /api/c/<token>) and when the retention period promised at consent has passed."""
from datetime import timedelta

import sqlalchemy as sa

from api import audit
from api.schema import (answer_ratings, answers, demographics, invitations, outcomes, pair_picks, phone_verifications,
                        question_states, report_shares, reviews, sessions)
from api.timeutil import utcnow


class AlreadyErased(Exception):
    """A concurrent erasure of the same session won; nothing is left to erase."""


def erase_session(connection, store, session_id: int, org_id: int, actor: str, action: str) -> int:
    """Erase one session's personal data (with HR ratings, comparisons, outcomes and the declared groups);
    returns how many stored objects were deleted. The session is claimed first by a conditional UPDATE
    (status → erased where it was not): of concurrent erasures one does the work and writes the audit row,
    the others raise AlreadyErased."""
    claimed = connection.execute(sessions.update().where(sessions.c.id == session_id, sessions.c.status != "erased")
                                 .values(status="erased", erased_at=utcnow()))
    if claimed.rowcount != 1:
        raise AlreadyErased(session_id)
    keys = []
    for row in connection.execute(sa.select(answers.c.object_key, answers.c.playback_key)
                                  .where(answers.c.session_id == session_id)):
        keys += [key for key in (row.object_key, row.playback_key) if key]
    invitation_id = connection.scalar(sa.select(sessions.c.invitation_id).where(sessions.c.id == session_id))
    answer_ids = sa.select(answers.c.id).where(answers.c.session_id == session_id).scalar_subquery()
    connection.execute(answer_ratings.delete().where(answer_ratings.c.answer_id.in_(answer_ids)))
    connection.execute(pair_picks.delete().where(sa.or_(pair_picks.c.better_answer_id.in_(answer_ids),
                                                        pair_picks.c.worse_answer_id.in_(answer_ids))))
    connection.execute(answers.delete().where(answers.c.session_id == session_id))
    connection.execute(demographics.delete().where(demographics.c.session_id == session_id))
    connection.execute(outcomes.delete().where(outcomes.c.session_id == session_id))
    connection.execute(phone_verifications.delete().where(phone_verifications.c.session_id == session_id))
    connection.execute(reviews.delete().where(reviews.c.session_id == session_id))
    connection.execute(question_states.delete().where(question_states.c.session_id == session_id))
    connection.execute(report_shares.update().where(report_shares.c.session_id == session_id,
                                                    report_shares.c.revoked_at.is_(None)).values(revoked_at=utcnow()))
    connection.execute(invitations.update().where(invitations.c.id == invitation_id).values(
        candidate_name_enc=None, candidate_phone_enc=None, phone_last4=None, identity_hash=None, browser_hash=None))
    connection.execute(sessions.update().where(sessions.c.id == session_id).values(
        overall=None, recommended=None, consent_scope=None,
        review_request_note=None, decision_note=None, decision_message=None, candidate_user_id=None))
    for key in keys:
        store.delete(key)
    audit.record(org_id, actor, action, f"session:{session_id}", {"objects": len(keys)})
    return len(keys)


def expired_sessions(connection, after_decision_days: int, undecided_days: int) -> list:
    """Sessions past retention: decided longer ago than the first period, or never decided within the second."""
    now = utcnow()
    return list(connection.execute(sa.select(sessions.c.id, sessions.c.org_id).where(
        sessions.c.status != "erased",
        sa.or_(sessions.c.decided_at < now - timedelta(days=after_decision_days),
               sa.and_(sessions.c.decided_at.is_(None), sessions.c.created_at < now - timedelta(days=undecided_days))),
    ).order_by(sessions.c.id)))
