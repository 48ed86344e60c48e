"""Recording an analysis outcome for an answer: once per object key, then settling the session."""
import json
import logging

import sqlalchemy as sa

from api import progress
from api.calibration import service as scorer_versions
from api.schema import analysis_results, answers, sessions
from api.timeutil import utcnow

OUTCOMES = ("scored", "needs_review", "failed")
log = logging.getLogger("miaomian.results")


class UnknownObject(LookupError):
    pass


def answer_for_key(connection, key: str):
    return connection.execute(sa.select(answers).where(answers.c.object_key == key)).first()


def record(connection, key: str, status: str, reason: str | None, result: dict) -> tuple[int, bool]:
    """Store the outcome; (answer_id, duplicate). A second outcome for the same key changes nothing."""
    answer = answer_for_key(connection, key)
    if answer is None:
        raise UnknownObject(key)
    if connection.scalar(sa.select(analysis_results.c.id).where(analysis_results.c.answer_id == answer.id)):
        return answer.id, True
    org_id = connection.scalar(sa.select(sessions.c.org_id).where(sessions.c.id == answer.session_id))
    result = scorer_versions.calibrate_result(connection, org_id, status, result)
    try:
        with connection.begin_nested():
            connection.execute(analysis_results.insert().values(
                answer_id=answer.id, status=status, result=json.dumps(result, ensure_ascii=False), created_at=utcnow()))
    except sa.exc.IntegrityError:
        return answer.id, True
    overall = result.get("overall") if status == "scored" else None
    connection.execute(answers.update().where(answers.c.id == answer.id).values(
        status=status, reason=(reason or None) and reason[:500], overall=overall, analysed_at=utcnow(),
        playback_key=playback_key_of(key, result)))
    settle_safely(connection, answer.session_id)
    return answer.id, False


def settle_safely(connection, session_id: int) -> bool:
    """progress.aggregate in a savepoint: a session that cannot be settled now never loses the answer's result
    (the result stays stored, the session stays `submitted`, the error is logged and the sweeper settles it
    again on its next pass: api/sweeper.py settle_submitted)."""
    try:
        with connection.begin_nested():
            return progress.aggregate(connection, session_id)
    except sa.exc.OperationalError:  # the database itself is away: the caller's transaction cannot go on
        raise
    except Exception:  # noqa: BLE001 - any other fault in settling must not undo the stored result
        log.exception("session %s not settled now; the sweeper retries", session_id)
        return False


def playback_key_of(key: str, result: dict) -> str | None:
    """The AAC/M4A playback rendition the analyzer wrote for a recording: only the one derived from this
    answer's key (functions/analyze/playback.py) is accepted."""
    from functions.analyze.renditions import rendition_key

    given = result.get("playback_key")
    return given if isinstance(given, str) and given == rendition_key(key) else None


def mark_analysing(connection, answer) -> None:
    if answer.status == "uploaded":
        connection.execute(answers.update().where(answers.c.id == answer.id, answers.c.status == "uploaded")
                           .values(status="analysing"))
