"""Erasing a candidate: recordings, transcripts, results, ratings and personal details. Used when a candidate
asks (DELETE /api/c/<token>) and when the retention period promised at consent has passed.

What goes: the session's whole storage prefix `answers/<public_id>/` (every attempt, re-issued tickets' late
files, unfinished multipart parts), the answers with their analysis results (transcripts live only in
analysis_results.result), storage events and notifications about the session, phone verifications, HR
reviews, the name and phone on the invitation, free-text notes, and the candidate's WeChat user row when it
belongs to nobody else (display name, openid, unionid, session key, subscriptions and tokens). What stays is
a tombstone: the session row with status `erased`, the invitation's token hash (so the link answers 410
erased), the referrer's credit and the audit entry.
"""
from datetime import timedelta

import sqlalchemy as sa

from api import audit
from api.schema import (answer_ratings, answers, api_tokens, demographics, invitations, members, notifications,
                        outcomes, pair_picks, phone_verifications, question_states, referrers, report_shares, reviews,
                        sessions, storage_events, subscriptions, users, wechat_logins)
from api.timeutil import utcnow


class AlreadyErased(Exception):
    """A concurrent erasure of the same session won; nothing is left to erase."""


def storage_prefixes(public_id: str) -> list[str]:
    """Every object of a session lives under these prefixes: the recordings (api/candidate.py chooses the
    keys) and their playback renditions (functions/analyze/playback.py)."""
    from functions.analyze.renditions import PREFIX as PLAYBACK

    return [f"answers/{public_id}/", f"{PLAYBACK}answers/{public_id}/"]


def erase_session(connection, store, session_id: int, org_id: int, actor: str, action: str) -> int:
    """Erase one session's personal data (with HR ratings, comparisons, outcomes and the declared groups);
    returns how many stored files were deleted. The session is claimed first by a conditional UPDATE
    (status → erased where it was not): of concurrent erasures one does the work and writes the audit row,
    the others raise AlreadyErased."""
    claimed = connection.execute(sessions.update().where(sessions.c.id == session_id, sessions.c.status != "erased")
                                 .values(status="erased", erased_at=utcnow()))
    if claimed.rowcount != 1:
        raise AlreadyErased(session_id)
    session = connection.execute(sa.select(sessions.c.public_id, sessions.c.invitation_id,
                                           sessions.c.candidate_user_id).where(sessions.c.id == session_id)).first()
    prefixes = storage_prefixes(session.public_id)
    answer_ids = sa.select(answers.c.id).where(answers.c.session_id == session_id).scalar_subquery()
    connection.execute(answer_ratings.delete().where(answer_ratings.c.answer_id.in_(answer_ids)))
    connection.execute(pair_picks.delete().where(sa.or_(pair_picks.c.better_answer_id.in_(answer_ids),
                                                        pair_picks.c.worse_answer_id.in_(answer_ids))))
    connection.execute(answers.delete().where(answers.c.session_id == session_id))
    connection.execute(storage_events.delete().where(
        storage_events.c.object_key.startswith(prefixes[0], autoescape=True)))
    connection.execute(demographics.delete().where(demographics.c.session_id == session_id))
    connection.execute(outcomes.delete().where(outcomes.c.session_id == session_id))
    connection.execute(question_states.delete().where(question_states.c.session_id == session_id))
    connection.execute(report_shares.update().where(report_shares.c.session_id == session_id,
                                                    report_shares.c.revoked_at.is_(None)).values(revoked_at=utcnow()))
    connection.execute(notifications.delete().where(notifications.c.session_id == session_id))
    connection.execute(phone_verifications.delete().where(phone_verifications.c.session_id == session_id))
    connection.execute(reviews.delete().where(reviews.c.session_id == session_id))
    connection.execute(invitations.update().where(invitations.c.id == session.invitation_id).values(
        candidate_name_enc=None, candidate_phone_enc=None, phone_last4=None, identity_hash=None, browser_hash=None,
        user_hash=None))
    connection.execute(sessions.update().where(sessions.c.id == session_id).values(
        overall=None, recommended=None, consent_scope=None,
        review_request_note=None, decision_note=None, decision_message=None, candidate_user_id=None))
    if session.candidate_user_id is not None:
        anonymise_candidate_user(connection, session.candidate_user_id)
    deleted = sum(store.delete_prefix(prefix) for prefix in prefixes)
    audit.record(org_id, actor, action, f"session:{session_id}", {"objects": deleted})
    return deleted


def anonymise_candidate_user(connection, user_id: int) -> bool:
    """Strip a candidate's WeChat user row of everything personal, unless the user is a member of an
    organisation (HR) or still has a session that is not erased. Returns whether it was anonymised."""
    for table in (members, referrers):  # HR staff and referrers keep their accounts
        if connection.scalar(sa.select(table.c.id).where(table.c.user_id == user_id).limit(1)) is not None:
            return False
    if connection.scalar(sa.select(sessions.c.id).where(sessions.c.candidate_user_id == user_id,
                                                        sessions.c.status != "erased").limit(1)) is not None:
        return False
    connection.execute(users.update().where(users.c.id == user_id).values(display_name=None, openid=None,
                                                                          unionid=None))
    for table in (wechat_logins, subscriptions, api_tokens):
        connection.execute(table.delete().where(table.c.user_id == user_id))
    connection.execute(phone_verifications.update().where(phone_verifications.c.user_id == user_id)
                       .values(user_id=None))
    return True


def expired_sessions(connection, after_decision_days: int, undecided_days: int) -> list:
    """Sessions past retention: decided longer ago than the first period, or never decided within the second."""
    now = utcnow()
    return list(connection.execute(sa.select(sessions.c.id, sessions.c.org_id).where(
        sessions.c.status != "erased",
        sa.or_(sessions.c.decided_at < now - timedelta(days=after_decision_days),
               sa.and_(sessions.c.decided_at.is_(None), sessions.c.created_at < now - timedelta(days=undecided_days))),
    ).order_by(sessions.c.id)))
