"""The sweeper: no uploaded answer waits for ever, and no file stays that no live answer owns.

    sweep(app) -> dict of counts

1. An answer that reached storage (status `uploaded` or `analysing`) with no analysis result, no live storage
   event (pending or claimed) for its key and no reason, `SWEEP_AFTER_SECONDS` after its upload, is handed to
   the analyzer again through api/dispatch.py `requeue`; after `SWEEP_MAX_REQUEUES` such re-queues it is
   marked failed with a reason (reason_code `analysis_stalled`), which settles its session.
2. A submitted session whose current answers all have a final status but that was not settled (settling
   failed when the last result arrived: api/results.py settle_safely) is settled again
   (api/progress.py aggregate), `SWEEP_AFTER_SECONDS` after its submission.
3. A started session whose answering is over (the interview's deadline or the invitation's expiry plus the
   grace period `DEADLINE_GRACE_MINUTES` has passed, or HR closed the interview while a recording was still
   uploading) and whose every question has an answer in storage is submitted for the candidate, the same way
   as at close (api/interviews.py submit_if_complete: "answers received" queued, analysis settled, listed as
   finished); audit candidate.submitted by=deadline_passed (or interview_closed). Revoked invitations are left.
4. Local store only: files under `answers/` (and playback renditions under `playback/answers/`) whose key no answer row holds (a late upload under a revoked
   ticket, an upload whose database write failed, an erased session's leftovers) and unfinished multipart
   parts older than the upload ticket's life are deleted once they are older than `SWEEP_ORPHAN_SECONDS`.

Run by `flask --app api sweep`, every `SWEEP_INTERVAL_SECONDS` by the local trigger's parent process
(api/trigger.py), and by the SCF timer `sweep` in production (deploy/scf/sweep/serverless.yml).
"""
import logging
from datetime import timedelta

import sqlalchemy as sa
from flask import Flask

from api import dispatch, results
from api.db import get_db
from api.schema import analysis_results, answers, interviews, invitations, sessions, storage_events
from api.storage import MULTIPART_DIR
from api.timeutil import utcnow

log = logging.getLogger("miaomian.sweeper")

STALLED_REASON = "录音已收到，但多次尝试后仍未能完成自动分析；请 HR 直接听录音评估。"
STALLED_CODE = "analysis_stalled"


def stalled_answers(connection, older_than_seconds: float) -> list:
    """Answers in storage without a result, a live event or a reason for longer than the bound."""
    live_event = sa.exists().where(storage_events.c.object_key == answers.c.object_key,
                                   storage_events.c.status.in_(("pending", "claimed")))
    has_result = sa.exists().where(analysis_results.c.answer_id == answers.c.id)
    return list(connection.execute(sa.select(answers.c.id, answers.c.object_key, answers.c.requeues).where(
        answers.c.status.in_(("uploaded", "analysing")), answers.c.reason.is_(None),
        answers.c.uploaded_at < utcnow() - timedelta(seconds=older_than_seconds),
        ~live_event, ~has_result).order_by(answers.c.id)))


def requeue_stalled(connection, config) -> dict:
    counts = {"requeued": 0, "failed": 0}
    for row in stalled_answers(connection, config["SWEEP_AFTER_SECONDS"]):
        if row.requeues >= config["SWEEP_MAX_REQUEUES"]:
            results.record(connection, row.object_key, "failed", STALLED_REASON,
                           {"status": "failed", "reason": STALLED_REASON, "reason_code": STALLED_CODE,
                            "feedback": None})
            counts["failed"] += 1
            continue
        taken = connection.execute(answers.update().where(answers.c.id == row.id, answers.c.requeues == row.requeues)
                                   .values(requeues=row.requeues + 1)).rowcount
        if taken != 1:  # another sweeper got there first
            continue
        try:
            dispatch.requeue(row.object_key)
            counts["requeued"] += 1
        except Exception as error:  # e.g. SCF Invoke refused: the try is used, the next sweep tries again
            log.warning("answer %s not re-queued: %s", row.id, error)
    return counts


def settle_submitted(connection, config) -> int:
    """Settle submitted sessions left unsettled (see the module doc, step 2); returns how many settled now."""
    due = connection.execute(sa.select(sessions.c.id).where(
        sessions.c.status == "submitted",
        sessions.c.submitted_at < utcnow() - timedelta(seconds=config["SWEEP_AFTER_SECONDS"]))
        .order_by(sessions.c.id)).scalars()
    return sum(1 for session_id in list(due) if results.settle_safely(connection, session_id))


def submit_finished_late(connection, config) -> int:
    """Submit complete sessions whose answering is over (see the module doc, step 3); returns how many now."""
    from api.interviews import submit_if_complete

    over = utcnow() - timedelta(minutes=int(config["DEADLINE_GRACE_MINUTES"]))
    due = list(connection.execute(sa.select(sessions.c.id, interviews.c.status)
                                  .join(invitations, invitations.c.id == sessions.c.invitation_id)
                                  .join(interviews, interviews.c.id == sessions.c.interview_id)
                                  .where(sessions.c.status == "started", invitations.c.revoked_at.is_(None),
                                         sa.or_(interviews.c.status != "open", invitations.c.expires_at <= over,
                                                interviews.c.deadline <= over))
                                  .order_by(sessions.c.id)))
    by = {True: "deadline_passed", False: "interview_closed"}
    return sum(1 for row in due if submit_if_complete(row.id, "system:sweeper", by[row.status == "open"]))


def remove_orphans(connection, store, config) -> int:
    """Delete local files no answer owns (and stale multipart parts); returns how many went."""
    if not hasattr(store, "list_objects"):
        return 0
    from functions.analyze.renditions import PREFIX as PLAYBACK

    removed = 0
    listed = list(store.list_objects("answers/")) + list(store.list_objects(PLAYBACK + "answers/"))
    for key, age in listed:
        if age < config["SWEEP_ORPHAN_SECONDS"]:
            continue
        if key.startswith(MULTIPART_DIR + "/"):
            stale = age > config["UPLOAD_URL_SECONDS"] + config["SWEEP_ORPHAN_SECONDS"]
        elif key.startswith(PLAYBACK):  # a rendition lives as long as the recording it was made from
            source = key[len(PLAYBACK):].rsplit(".", 1)[0] + "."
            stale = connection.scalar(sa.select(answers.c.id).where(
                answers.c.object_key.startswith(source, autoescape=True)).limit(1)) is None
        else:
            stale = connection.scalar(sa.select(answers.c.id).where(answers.c.object_key == key)) is None
        if stale:
            store.delete_listed(key)
            removed += 1
    return removed


def sweep(app: Flask) -> dict:
    """One pass; each step in its own transaction.
    Returns {"requeued", "failed", "settled", "submitted_late", "orphans_removed"}."""
    with app.app_context():
        connection, store = get_db(), app.extensions["miaomian.storage"]
        counts = requeue_stalled(connection, app.config)
        connection.commit()
        connection.begin()
        counts["settled"] = settle_submitted(connection, app.config)
        connection.commit()
        connection.begin()
        counts["submitted_late"] = submit_finished_late(connection, app.config)
        connection.commit()
        connection.begin()
        counts["orphans_removed"] = remove_orphans(connection, store, app.config)
        connection.rollback()
    if any(counts.values()):
        log.info("sweep: %s", counts)
    return counts


def main_handler(event, context):
    """SCF timer trigger (deploy/scf/sweep): one pass with the API's configuration."""
    from api import create_app

    return sweep(create_app())
