"""When a candidate may answer, and how a session reads to HR: expiry, deadlines, the grace period, silence.

Pure functions over a row that carries the session's `status`, `started_at`, `last_activity_at`,
`invitation_expires_at`, `revoked_at`, the interview's `deadline` and `interview_status` (naive UTC datetimes).

- Before starting, a candidate may answer until the invitation expires or the interview's deadline passes,
  whichever is first.
- A started session keeps a grace period (`DEADLINE_GRACE_MINUTES`, default 120) after that moment, so a
  deadline passing mid-interview does not strand someone on question 3.
- HR closing the interview or revoking the invitation ends answering at once.
"""
from datetime import datetime, timedelta

from api.messages import display_time

NOT_STARTED = ("invited", "opened")
SUBMITTED = ("submitted", "scored", "needs_review")


def base_limit(row) -> datetime:
    limits = [row.invitation_expires_at] + ([row.deadline] if row.deadline is not None else [])
    return min(limits)


def answer_until(row, grace_minutes: int) -> datetime:
    """The moment after which this session can no longer answer (naive UTC)."""
    limit = base_limit(row)
    if row.status == "started":
        return limit + timedelta(minutes=grace_minutes)
    return limit


def in_grace(row, now: datetime) -> bool:
    return row.status == "started" and base_limit(row) <= now


def closed_reason(row, now: datetime, grace_minutes: int) -> str | None:
    """A Chinese sentence when answering is over for this session, else None."""
    if getattr(row, "revoked_at", None) is not None:
        return "这份邀请已被招聘方撤回。"
    if row.interview_status != "open":
        return "招聘方已结束这场面试。"
    if answer_until(row, grace_minutes) <= now:
        if row.deadline is not None and row.deadline <= now:
            return f"面试已于{display_time(row.deadline)}截止。"
        return f"这份面试邀请已于{display_time(row.invitation_expires_at)}过期。"
    return None


def display_status(row, now: datetime, grace_minutes: int, stall_hours: int, answered: int, total: int) -> tuple[str, str]:
    """(display_status, status_text) for HR lists: what a person would say about this candidate now."""
    status = row.status
    last = getattr(row, "last_activity_at", None) or row.started_at or row.opened_at
    last_text = f" · 最后活动 {display_time(last)}" if last else ""
    if status == "erased":
        return "erased", "候选人已删除自己的数据"
    if status in SUBMITTED:
        return status, {"submitted": "已提交，正在分析", "scored": "已完成", "needs_review": "已完成，需要人工复核"}[status]
    if getattr(row, "revoked_at", None) is not None:
        return "revoked", f"邀请已撤回（{display_time(row.revoked_at)}）"
    over = closed_reason(row, now, grace_minutes)
    if status in NOT_STARTED:
        if over:
            if row.interview_status != "open":
                return "expired", "面试已结束，候选人未参加"
            return "expired", f"邀请已过期（{display_time(base_limit(row))}）"
        if status == "invited":
            return "invited", f"已邀请，未打开 · {display_time(row.invitation_expires_at)}过期"
        return "opened", f"已打开，未开始{last_text}"
    # started
    if over:
        return "incomplete", f"未完成：已答 {answered}/{total} 题，面试已截止"
    silent = last is not None and now - last >= timedelta(hours=stall_hours)
    if answered == 0:
        return ("stalled" if silent else "started_silent"), f"已开始，未作答{last_text}"
    if silent:
        return "stalled", f"已答 {answered}/{total} 题，之后没有动静{last_text}"
    return "answering", f"正在回答第 {min(answered + 1, total)}/{total} 题{last_text}"
