"""Where a candidate is: the current attempt of each question, progress in words, and the session's verdict.

The current answer of a question is its newest attempt that reached storage (confirmed or already analysed),
except a take from another device that the person did not confirm as a replacement: a take supersedes the
counted one only when it comes from the same device or was started with `replace` (start_kind "replace",
after 409 answered_on_another_device). Of two devices recording at once, the take that reached storage first
counts; the other is a `superseded_take`. A session is analysed once it is submitted and every current answer
has a final status (a question submitted without an answer leaves it needing human review).
"""
import json

import sqlalchemy as sa

from api import outbox
from api.calibration import threshold
from api.schema import analysis_results, answers, interviews, questions, sessions
from api.timeutil import utcnow

FINAL_STATUSES = ("scored", "needs_review", "failed")
STAGE_TEXT = {
    "invited": "已邀请，未打开",
    "opened": "已打开，未开始",
    "started": "已答 {answered}/{total} 题",
    "submitted": "已提交，已分析 {analysed}/{total} 题",
    "scored": "已完成",
    "needs_review": "已完成，需要人工复核",
    "erased": "候选人已删除自己的数据",
}


def reached_storage(row) -> bool:
    return row.uploaded_at is not None or row.status != "awaiting_upload"


def answers_by_question(connection, session_id: int) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in connection.execute(sa.select(answers).where(answers.c.session_id == session_id)
                                  .order_by(answers.c.question_id, answers.c.attempt)):
        grouped.setdefault(row.question_id, []).append(row)
    return grouped


def stored_at(row):
    """When the take reached storage as far as the server knows (confirmation, else analysis, else start)."""
    return row.uploaded_at or row.analysed_at or row.created_at


def _supersedes(row, counted) -> bool:
    return (row.device or "unknown") == (counted.device or "unknown") or row.start_kind == "replace"


def current_answer(attempts: list):
    """The take that counts (see the module doc), or None."""
    counted = None
    for row in sorted((row for row in attempts if reached_storage(row)), key=lambda row: (stored_at(row), row.attempt)):
        if counted is None or _supersedes(row, counted):
            counted = row
    return counted


def superseded_take(row, attempts: list) -> bool:
    """Whether `row` reached storage but does not count: another device's take, recorded at the same time and
    stored first, counts instead (not a take replaced later on purpose)."""
    current = current_answer(attempts)
    return reached_storage(row) and current is not None and current.id != row.id \
        and not _supersedes(row, current) and not _supersedes(current, row)


def progress(session_row, question_ids: list[int], grouped: dict[int, list]) -> dict:
    total = len(question_ids)
    currents = [current_answer(grouped.get(qid, [])) for qid in question_ids]
    answered = sum(1 for row in currents if row is not None)
    analysed = sum(1 for row in currents if row is not None and row.status in FINAL_STATUSES)
    current = next((index + 1 for index, row in enumerate(currents) if row is None), total)
    stage = session_row.status
    return {"stage": stage, "answered": answered, "analysed": analysed, "total": total,
            "current_question": current if stage == "started" else None,
            "text": STAGE_TEXT.get(stage, stage).format(current=current, total=total, analysed=analysed,
                                                        answered=answered)}


def load_result(connection, answer_id: int) -> dict | None:
    raw = connection.scalar(sa.select(analysis_results.c.result).where(analysis_results.c.answer_id == answer_id))
    return None if raw is None else json.loads(raw)


def aggregate(connection, session_id: int) -> bool:
    """Settle a submitted session once all its current answers are final; True when it changed now."""
    session = connection.execute(sa.select(sessions).where(sessions.c.id == session_id)).first()
    if session is None or session.status != "submitted":
        return False
    question_ids = list(connection.execute(sa.select(questions.c.id).where(
        questions.c.interview_id == session.interview_id)).scalars())
    grouped = answers_by_question(connection, session_id)
    currents = [current_answer(grouped.get(qid, [])) for qid in question_ids]
    # A question without an answer was given up (api/answer_time.py unanswered_for_good): nothing to wait for,
    # and the session needs a person (not every question was scored).
    if any(row is not None and row.status not in FINAL_STATUSES for row in currents):
        return False
    scores = [row.overall for row in currents if row is not None and row.status == "scored" and row.overall is not None]
    all_scored = len(scores) == len(currents)
    overall = round(sum(scores) / len(scores), 1) if scores else None
    line = connection.execute(sa.select(interviews.c.pass_threshold, interviews.c.review_band_low,
                                        interviews.c.review_band_high).where(interviews.c.id == session.interview_id)).one()
    changed = connection.execute(sessions.update().where(sessions.c.id == session_id,
                                                         sessions.c.status == "submitted").values(
        status="scored" if all_scored else "needs_review", overall=overall,
        recommended=threshold.recommendation(overall, *line) if all_scored else None, analysed_at=utcnow()))
    if changed.rowcount == 1:
        outbox.on_settled(connection, session_id)
    return changed.rowcount == 1
