"""Issue 11, answer time on the server, in Chromium on a 390×844 phone (SQLite and MariaDB): no question text
before consent and no preview of the next question; a reload at the end of think time finds the recording
already running on the server and records at once, timed from the think deadline; a question whose recording
time is over says so and what to do next ("本题作答时间已到", 重新录制 or 下一题).

The fake microphone plays silence. Screenshots: tests/artifacts/browser-answer-time/<backend>/ —
"reload-at-end-of-think-recording" (the page records at once, the clock shows what is left of the server's
answer time, the notice says think time is over) and "time-up-next-step" (本题作答时间已到 with the next step).
"""
import time
from datetime import timedelta

import requests
import sqlalchemy as sa

from api.schema import answers, question_states
from api.timeutil import utcnow
from tests.browser.a11y import audit
from tests.browser.test_browser_interview import ARTIFACTS, Steps, pytestmark  # noqa: F401
from tests.browser.test_browser_round_two import (hr_session, make_interview, reload_page, seconds_on,  # noqa: F401
                                                   silent_browser, silent_microphone)

FIRST = "第一题：周六晚高峰，一位老顾客说蛋糕里有异物，你会怎么处理？"
SECOND = "第二题：你为什么想来我们门店工作？"


def _think_ended(engine, question_id, seconds_ago):
    deadline = utcnow() - timedelta(seconds=seconds_ago)
    with engine.begin() as connection:
        connection.execute(question_states.update().where(question_states.c.question_id == question_id)
                           .values(think_started_at=deadline - timedelta(seconds=30), think_deadline=deadline))
    return deadline


def _checked(steps):
    """Through the microphone check (silence: the page lets the candidate go on after 8 s), not yet clicked."""
    steps.on("check")
    steps.until(lambda: steps.el("check-done").is_enabled(), 15, "the check lets a silent microphone continue")


def test_reload_at_the_end_of_think_time_and_time_up(live_server, silent_browser, database_url):
    backend = "mysql" if database_url.startswith("mysql") else "sqlite"
    driver, base = silent_browser, live_server.url
    steps = Steps(driver, ARTIFACTS.parent / "browser-answer-time" / backend)
    engine = live_server.app.extensions["miaomian.engine"]
    hr = hr_session(base)
    interview, invitation = make_interview(hr, base, [
        {"text": FIRST, "think_seconds": 30, "answer_seconds": 40, "max_attempts": 1},
        {"text": SECOND, "think_seconds": 30, "answer_seconds": 30, "max_attempts": 2}])
    q1, q2 = (item["id"] for item in interview["questions"])
    candidate_api = f"{base}/api/c/{invitation['token']}"

    # Before consent neither the page nor the API it read carries a question's text.
    driver.get(invitation["url"])
    steps.on("intro")
    assert FIRST not in driver.page_source and SECOND not in driver.page_source
    assert "2" in steps.text("app")  # the number of questions is shown
    steps.click("agree")
    steps.click("start")
    _checked(steps)
    steps.click("check-done")
    steps.in_phase("think")
    assert steps.text("question-title") == FIRST and SECOND not in driver.page_source  # no preview

    # A reload as think time runs out: the server has started the recording at the deadline.
    reload_page(driver)
    steps.on("intro")
    steps.click("resume")
    _checked(steps)
    deadline = _think_ended(engine, q1, 8)
    steps.click("check-done")
    steps.in_phase("join", timeout=8)  # the server's clock runs; the page records only on the tap
    steps.click("bar-primary")  # 接着录音
    steps.in_phase("recording", timeout=8)
    # the notice is written just after the phase changes (a loaded machine read it empty in CI)
    assert "结束" in steps.says("question-notice", "思考时间已"), steps.text("question-notice")
    left = seconds_on(steps.text("bar-clock"))
    assert left <= 40 - 8, f"answer time given back: {steps.text('bar-clock')}"
    assert steps.bar_in_view() and steps.text("bar-primary") == "结束录音"
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("reload-at-end-of-think-recording")
    with engine.connect() as connection:
        started = connection.execute(sa.select(answers).where(answers.c.question_id == q1)).all()
    assert len(started) == 1 and started[0].start_kind == "late"
    assert abs((started[0].created_at - deadline).total_seconds()) < 1.5  # timed from the think deadline
    state = requests.get(candidate_api).json()["questions"][0]
    assert state["phase"] == "recording" and state["attempts_used"] == 1

    # The recording stops by itself at the server's deadline; the silent take is kept (no attempt left).
    steps.until(lambda: steps.phase() == "silent", left + 10, "the recording ends at the server's deadline")
    assert "作答次数已用完" in steps.text("bar-hint")
    steps.uploaded()
    steps.click("bar-primary")  # 下一题

    # Question 2: its think time and answer time pass while the page is away; the page says time is up.
    steps.in_phase("think")
    assert steps.text("question-title") == SECOND
    reload_page(driver)
    steps.on("intro")
    steps.click("resume")
    _checked(steps)
    _think_ended(engine, q2, 60)
    steps.click("check-done")
    steps.in_phase("timeup", timeout=8)
    assert steps.text("bar-phase") == "本题作答时间已到"
    assert "还可以重新录制 1 次" in steps.says("question-notice", "还可以重新录制 1 次"), steps.text("question-notice")
    assert steps.text("bar-primary").startswith("重新录制") and steps.text("bar-secondary") == "完成作答"
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("time-up-next-step")
    steps.click("bar-primary")
    steps.in_phase("recording", timeout=8)
    time.sleep(1)
    state = requests.get(candidate_api).json()["questions"][1]
    assert state["attempts_used"] == 2 and state["phase"] == "recording" and state["recording"]["late"] is False
