"""Issue 11 points 3 and 9 in Chromium on a 390×844 phone (SQLite and MariaDB): on a slow network the next
question opens while the previous take is still uploading. The page reports the stop (POST …/attempts/{n}/
stopped) when the candidate taps 结束录音, so the server no longer holds the next question back; the upload
goes on in the background and the final submit waits for it.

The upload is throttled on the server: the storage endpoint holds every request until the test lets it go (a
slow phone network, made deterministic). Screenshot: tests/artifacts/browser-background-upload/<backend>/
"next-question-open-while-uploading" (question 2's think time runs; question 1's take is still uploading).
"""
import threading
import time

import requests
import sqlalchemy as sa

from api.schema import answers
from tests.browser.a11y import audit
from tests.browser.test_browser_answer_time import _checked
from tests.browser.test_browser_interview import ARTIFACTS, Steps, pytestmark  # noqa: F401
from tests.browser.test_browser_round_two import (hr_session, make_interview,  # noqa: F401
                                                   silent_browser, silent_microphone)

FIRST = "第一题：说说你最近一次主动帮同事解决问题的经历。"
SECOND = "第二题：你会怎样安排一个忙碌的周末早班？"


def _throttled_uploads(app):
    """Hold every storage upload until the returned event is set; count the uploads that arrived."""
    release, arrived = threading.Event(), []
    view = app.view_functions["storage.upload"]

    def held(*args, **kwargs):
        arrived.append(time.monotonic())
        release.wait(120)
        return view(*args, **kwargs)

    app.view_functions["storage.upload"] = held
    return release, arrived


def test_the_next_question_opens_while_the_previous_take_uploads(live_server, silent_browser, database_url):
    backend = "mysql" if database_url.startswith("mysql") else "sqlite"
    driver, base = silent_browser, live_server.url
    steps = Steps(driver, ARTIFACTS.parent / "browser-background-upload" / backend)
    engine = live_server.app.extensions["miaomian.engine"]
    hr = hr_session(base)
    interview, invitation = make_interview(hr, base, [
        {"text": FIRST, "think_seconds": 30, "answer_seconds": 60, "max_attempts": 1},
        {"text": SECOND, "think_seconds": 30, "answer_seconds": 60, "max_attempts": 1}])
    q1, q2 = (item["id"] for item in interview["questions"])
    candidate_api = f"{base}/api/c/{invitation['token']}"
    release, arrived = _throttled_uploads(live_server.app)
    try:
        driver.get(invitation["url"])
        steps.on("intro")
        steps.click("agree")
        steps.click("start")
        _checked(steps)
        steps.click("check-done")
        steps.in_phase("think")
        steps.click("bar-primary")  # 开始作答: the 3-2-1, then recording
        steps.in_phase("recording", timeout=10)
        time.sleep(2.5)
        steps.click("bar-primary")  # 结束录音
        steps.until(lambda: steps.phase() == "silent", 8, "the speech check")
        assert "作答次数已用完" in steps.text("bar-hint") and steps.text("bar-primary") == "下一题"
        assert "正在上传" in steps.text("upload-label")
        steps.until(lambda: arrived, 15, "the take's upload reached the (throttled) storage endpoint")
        # The stop report and the upload leave the page together: either may reach the server first.
        def take_row():
            with engine.connect() as connection:
                return connection.execute(sa.select(answers).where(answers.c.question_id == q1)).one()
        steps.until(lambda: take_row().stopped_at is not None, 15, "the stop report reached the server")
        take = take_row()
        assert take.stopped_at is not None and take.uploaded_at is None  # stopped, still uploading
        assert 1500 <= take.stopped_duration_ms <= 6000, take.stopped_duration_ms
        assert requests.get(candidate_api).json()["questions"][0]["phase"] == "uploading"

        steps.click("bar-primary")  # 下一题, the upload still held (the silent take is kept: no attempt left)
        steps.in_phase("think", timeout=10)
        assert steps.text("question-title") == SECOND
        assert "正在保存上一题的录音" not in steps.text("app")
        with engine.connect() as connection:
            assert connection.scalar(sa.select(answers.c.uploaded_at).where(answers.c.question_id == q1)) is None
        assert steps.bar_in_view()
        assert (problems := audit(driver)) == [], "; ".join(problems)
        steps.shot("next-question-open-while-uploading")
        # The final submit waits for the upload: the server refuses it with the pending question named.
        refused = requests.post(f"{candidate_api}/submit")
        assert refused.status_code == 409 and refused.json()["error"] in ("uploads_pending", "unanswered_questions")
    finally:
        release.set()
    steps.until(lambda: requests.get(candidate_api).json()["questions"][0]["answer_status"] is not None, 30,
                "question 1's take arrives once the network lets it through")
    state = requests.get(candidate_api).json()["questions"]
    assert state[0]["phase"] == "answered" and state[1]["phase"] == "thinking"
    assert q2 == state[1]["id"]
