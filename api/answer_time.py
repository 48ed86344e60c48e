"""Answer time as the server counts it: the phase each question is in, recordings the server starts at the think
deadline, late starts, and what HR reads about an answer's timing.

A question opens with POST …/think (its text is served from then on, never before, and only in order: once
every earlier question is answered or its time is up; once a later question is open, an earlier one takes no
new attempt — api/candidate.py _require_in_order, _require_not_passed; "uploading" counts as done). Its
phase (naive UTC times, `until` the moment the phase ends):
- "unopened": not opened yet; no text.
- "thinking" until `think_deadline` = opened + max(think_seconds, LEAD_IN_SECONDS): opened, no attempt yet.
  Every question's think time includes the 3-2-1 lead-in the pages run before recording (in its last 3 s);
  a question with less think time than that (0-s think: the lead-in starts on 开始本题) gets the lead-in on
  top, so its recording clock starts when a prompt client starts recording, never 3 s before.
- "recording" until `started_at + answer_seconds`: the newest attempt started, not stopped, nothing uploaded.
  Recording starts at the latest at the think deadline: once START_TOLERANCE_SECONDS have passed after it, the
  server starts the attempt itself, dated at the deadline (`start_kind` "auto"); a client that starts then
  joins that recording (`start_kind` "late", with a Chinese `message`) instead of getting time back.
- "uploading": the newest attempt was stopped within its recording window (POST …/attempts/{n}/stopped) and
  its upload has not arrived yet: the question is done for ordering (the next one may open while the take
  uploads in the background), and the take counts as recorded on time however late its upload ticket is asked
  for, while tickets are still issued (upload_window). Past that window with nothing uploaded it is "time_up".
- "time_up": the newest attempt's recording time is over and nothing was uploaded for it (a take recorded on
  the device may still arrive); with attempts left the candidate may record again, else move on.
- "answered": the newest attempt reached storage.

A start sent twice (same device, within DUPLICATE_START_SECONDS of the running attempt) joins that attempt
(joins_running). A take's first upload ticket asked for more than ON_TIME_UPLOAD_SECONDS after its recording
window is flagged late to HR (late_upload_seconds, timing_json); none is issued once UPLOAD_URL_SECONDS have
passed after the window (upload_window; api/candidate.py request_upload).

A question with no answer in storage that the candidate can no longer answer (its time and attempts are used
up, or a later question is open: no way back) is unanswered for good (`unanswered_for_good`): submitting does
not wait for it, and HR and the candidate read it as 未作答 with UNANSWERED_REASON.
"""
from datetime import datetime, timedelta

from flask import current_app

from api.messages import display_clock
from api.progress import reached_storage

PHASE_TEXT = {"unopened": "还没有开始", "thinking": "思考时间", "recording": "正在录音",
              "uploading": "录音已录好，正在上传",
              "time_up": "本题作答时间已到", "answered": "已作答"}


# The 3-2-1 lead-in before every recording: a question's think time is never shorter (think_deadline).
LEAD_IN_SECONDS = 3
# A stop (POST …/attempts/{n}/stopped) reaching the server this soon after the recording window still counts
# as in time (the request's way over the network); the clients stop at the deadline by their own clock.
STOP_TOLERANCE_SECONDS = 5
# A second start of the same question from the same device this soon after the first is the same start sent
# twice (double tap, a retry after a lost response): it joins the running attempt (joins_running).
DUPLICATE_START_SECONDS = 3
# A take recorded on time asks for its upload ticket this soon after its recording window at the latest
# (stop, check for speech, queue); a later first ticket is flagged to HR as uploaded late (upload_window).
ON_TIME_UPLOAD_SECONDS = 60

UPLOADING_NEXT_STEP = "这次录音已经录好，正在后台上传；可以继续下一题，提交前会等它传完。"

UNANSWERED_TEXT = "未作答"
UNANSWERED_REASON = "时间用完未上传录音"
UNANSWERED_CANDIDATE_TEXT = "这道题的作答时间已经用完，没有上传录音，记为未作答。"


def unanswered_for_good(question, attempts: list, later_opened: bool, now: datetime) -> bool:
    """True when the question has no answer in storage and can no longer get one: no recording still runs,
    and either a later question is open or its time and attempts are all used up."""
    if any(reached_storage(a) for a in attempts):
        return False
    name = phase(question, None, attempts, now)["phase"]
    if name in ("recording", "uploading"):  # a take may still be uploading
        return False
    return (later_opened and bool(attempts)) or (name == "time_up" and len(attempts) >= question.max_attempts)


def think_seconds(question) -> int:
    """The think time the server gives a question: its own, never less than the lead-in (module doc)."""
    return max(question.think_seconds, LEAD_IN_SECONDS)


def answer_deadline(attempt, question) -> datetime:
    return attempt.created_at + timedelta(seconds=question.answer_seconds)


def stopped_in_time(attempt, question) -> bool:
    """Whether the candidate's stop of this take reached the server within its recording window (+
    STOP_TOLERANCE_SECONDS for the network): the take was recorded on time, however late it uploads."""
    stopped = getattr(attempt, "stopped_at", None)
    return stopped is not None and stopped <= answer_deadline(attempt, question) + timedelta(
        seconds=STOP_TOLERANCE_SECONDS)


def bounded_duration_ms(attempt, question, reported_ms: int, now: datetime) -> int:
    """The take's length as the client reported it at stop, never longer than the server's own clock allows:
    the time since the attempt started and the answer time (each + STOP_TOLERANCE_SECONDS for the network)."""
    elapsed_ms = int((now - attempt.created_at).total_seconds() * 1000)
    return max(0, min(reported_ms, elapsed_ms + STOP_TOLERANCE_SECONDS * 1000,
                      (question.answer_seconds + STOP_TOLERANCE_SECONDS) * 1000))


def upload_window(attempt, question, allowance_seconds: int) -> tuple[datetime, datetime]:
    """(on time until, tickets until) of an attempt's recording: a take whose first upload ticket is asked for
    by ON_TIME_UPLOAD_SECONDS after the recording window counts as on time; up to `allowance_seconds`
    (UPLOAD_URL_SECONDS: a take recorded offline on the phone uploads later) it still gets a ticket but is
    flagged late (late_upload); after that no ticket (409 upload_window_closed)."""
    end = answer_deadline(attempt, question)
    return end + timedelta(seconds=ON_TIME_UPLOAD_SECONDS), end + timedelta(seconds=allowance_seconds)


def late_upload_seconds(attempt, question) -> int | None:
    """How long after the recording window the take's first ticket was issued, when later than
    ON_TIME_UPLOAD_SECONDS allows; None when on time (or no ticket yet)."""
    ticket_at = getattr(attempt, "ticket_at", None)
    if ticket_at is None or stopped_in_time(attempt, question):
        return None
    late = (ticket_at - answer_deadline(attempt, question)).total_seconds()
    return int(late) if late > ON_TIME_UPLOAD_SECONDS else None


def upload_window_closed_message(question, attempt, closed_at: datetime) -> str:
    return (f"第 {question.position} 题第 {attempt.attempt} 次作答的录音时间已于 "
            f"{display_clock(answer_deadline(attempt, question))} 结束，补传期限（{display_clock(closed_at)}）"
            "也已经过了，这次录音不能再上传。")


def joins_running(question, newest, now: datetime, device: str, resume: bool) -> bool:
    """Whether POST …/attempts joins the newest attempt instead of starting another: only while its recording
    runs (nothing uploaded, before its deadline), and then when the client asked to `resume`, or the same
    device sent the start again within DUPLICATE_START_SECONDS (a double tap, a retried request: it neither
    abandons the running attempt nor reads as "attempts exhausted")."""
    if reached_storage(newest) or newest.stopped_at is not None or now >= answer_deadline(newest, question):
        return False
    return resume or ((newest.device or "unknown") == device
                      and now - newest.created_at < timedelta(seconds=DUPLICATE_START_SECONDS))


def due_auto_start(state, attempts: list, now: datetime, tolerance: int) -> bool:
    """True when the server must start this question's recording itself (think time over, nobody started)."""
    return state is not None and not attempts and now > state.think_deadline + timedelta(seconds=tolerance)


def phase(question, state, attempts: list, now: datetime) -> dict:
    """{"phase", "phase_until" (datetime or None), "phase_text", "next_step"} of one question (see module doc)."""
    newest = attempts[-1] if attempts else None
    answered = any(reached_storage(a) for a in attempts)
    left = max(question.max_attempts - len(attempts), 0)
    until, next_step = None, None
    if state is None and newest is None:
        name = "unopened"
    elif newest is not None and not reached_storage(newest) and newest.stopped_at is None \
            and now < answer_deadline(newest, question):
        name, until = "recording", answer_deadline(newest, question)
    elif answered:
        name = "answered"
    elif newest is not None and newest.stopped_at is not None and now < _tickets_until(newest, question):
        name, until, next_step = "uploading", _tickets_until(newest, question), UPLOADING_NEXT_STEP
    elif newest is not None:
        name = "time_up"
        next_step = (f"这次录音的时间已经用完。还可以重新录制 {left} 次。" if left else
                     "这道题的作答时间和作答机会都已用完，请继续下一题。")
    else:
        name, until = "thinking", state.think_deadline
    return {"phase": name, "phase_until": until, "phase_text": PHASE_TEXT[name], "next_step": next_step}


def _tickets_until(attempt, question) -> datetime:
    return upload_window(attempt, question, int(current_app.config["UPLOAD_URL_SECONDS"]))[1]


def late_start_message(deadline: datetime, seconds_left: int) -> str:
    return (f"思考时间已于 {display_clock(deadline)} 结束，录音从那时开始计时，"
            f"这次作答还剩 {max(seconds_left, 0)} 秒。")


def timing_json(attempt, question, result: dict | None, tolerance: int) -> dict:
    """What HR reads about an answer's timing: late start and over-long audio (measured by the analyzer from
    the uploaded file: result["duration_seconds"], result["timing"]). `text` is None when nothing is wrong."""
    result = result or {}
    duration = result.get("duration_seconds")
    measured = result.get("timing") or {}
    limit = question.answer_seconds
    over = bool(measured.get("over_limit")) or (duration is not None and duration > limit + tolerance)
    notes = []
    if attempt.start_kind in ("late", "auto"):
        notes.append("思考时间结束后才开始录音（例如刷新了页面或网络中断），录音时间从思考时间结束时算起。")
    late_upload = late_upload_seconds(attempt, question)
    stopped_ms = getattr(attempt, "stopped_duration_ms", None)
    if stopped_ms is not None and duration is not None and duration > stopped_ms / 1000 + tolerance:
        notes.append(f"上传的录音长 {round(duration)} 秒，比停止录音时报告的 {round(stopped_ms / 1000)} 秒长，"
                     "请结合录音内容判断。")
    if late_upload is not None:
        notes.append(f"录音在本题作答时间结束 {_minutes(late_upload)} 后才申请上传（例如断网后补传），"
                     "无法确认这段录音是在作答时间内录制的，请结合录音内容判断。")
    if over:
        notes.append(f"录音长 {round(duration or 0)} 秒，超过本题 {limit} 秒的作答上限"
                     f"（允许误差 {tolerance} 秒）；自动分析只用了前 {limit} 秒，完整录音可以回放。")
    return {"duration_seconds": duration, "limit_seconds": limit, "tolerance_seconds": tolerance,
            "over_limit": over, "late_start": attempt.start_kind in ("late", "auto"),
            "late_upload": late_upload is not None, "late_upload_seconds": late_upload,
            "stopped_in_time": stopped_in_time(attempt, question),
            "stopped_seconds": None if stopped_ms is None else round(stopped_ms / 1000, 1),
            "text": "".join(notes) or None}


def _minutes(seconds: int) -> str:
    return f"{seconds // 60} 分 {seconds % 60} 秒" if seconds >= 60 else f"{seconds} 秒"
