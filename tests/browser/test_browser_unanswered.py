"""A question given up for good (its time and only attempt ran out with nothing uploaded) in Chromium on a
390×844 phone (SQLite and MariaDB): the submit list reads 未作答 with the reason and does not hold up the submit,
the candidate's own report says 未作答 (never "没有识别出文字"), and the read-only report link for a boss reads
"未作答：时间用完未上传录音". Screenshots: tests/artifacts/browser-unanswered/<backend>/."""
from datetime import timedelta

import requests
import sqlalchemy as sa

from api import results
from api.schema import question_states
from api.timeutil import utcnow
from tests.browser.a11y import audit
from tests.browser.chromium import needs_chromium
from tests.browser.test_browser_interview import ARTIFACTS, Steps
from tests.browser.test_browser_round_two import (consent_and_upload, hr_session, make_interview,  # noqa: F401
                                                  resume, silent_browser, silent_microphone)  # (fixtures)

pytestmark = needs_chromium


def test_a_given_up_question_reads_unanswered_everywhere(live_server, silent_browser, database_url):
    backend = "mysql" if database_url.startswith("mysql") else "sqlite"
    driver = silent_browser
    steps = Steps(driver, ARTIFACTS.parent / "browser-unanswered" / backend)
    base = live_server.url
    hr = hr_session(base)
    interview, invitation = make_interview(hr, base, [
        {"text": "简单介绍一下你自己。", "think_seconds": 0, "answer_seconds": 30},
        {"text": "你为什么想来我们门店工作？", "think_seconds": 5, "answer_seconds": 30, "max_attempts": 1}])
    candidate = f"{base}/api/c/{invitation['token']}"
    first, second = (q["id"] for q in interview["questions"])
    ticket = consent_and_upload(base, invitation["token"], first)
    assert requests.post(f"{candidate}/answers/{second}/think").ok
    # The candidate did nothing on the second question: think and answer time ran out long ago (the server
    # started its only attempt itself), nothing was uploaded.
    engine = live_server.app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        connection.execute(question_states.update().where(question_states.c.question_id == second).values(
            think_started_at=utcnow() - timedelta(seconds=200), think_deadline=utcnow() - timedelta(seconds=190)))
    assert requests.get(candidate).json()["questions"][1]["unanswered"] is True

    # The candidate comes back: straight to the submit list, where the given-up question does not block.
    driver.get(invitation["url"])
    resume(steps)
    steps.on("submit")
    listed = steps.text("answer-list")
    assert "未作答（时间已用完）" in listed or "未作答 · 这道题的作答时间已经用完" in listed, listed
    assert "去作答" not in listed and steps.text("submit-title") == "可以提交了（1 道题未作答）"
    assert steps.el("submit").is_enabled() and steps.text("submit") == "提交面试"
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("submit-with-an-unanswered-question", full_page=True)
    steps.click("submit")
    steps.on("status")

    # The first answer is analysed: the candidate's own report names the second as 未作答 with the reason.
    with engine.begin() as connection:
        results.record(connection, ticket["key"], "scored", None, {
            "status": "scored", "overall": 72.0, "transcript": {"text": "我在门店做过两年店员。"},
            "feedback": {"strengths": ["表达清楚"], "suggestions": ["多举具体例子"]},
            "competencies": [{"name": "沟通表达", "score": 72.0, "reasons": ["提到了顾客。"]}]})
    driver.get(invitation["url"])
    steps.on("report", 20)
    report = steps.text("report-answers")
    assert "未作答" in report and "这道题的作答时间已经用完，没有上传录音，记为未作答。" in report
    assert report.count("没有识别出文字") == 0, report
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("candidate-report-unanswered", full_page=True)

    # The boss's read-only report link says the same.
    session_id = hr.get(f"{base}/api/interviews/{interview['id']}/sessions").json()[-1]["id"]
    share = hr.post(f"{base}/api/sessions/{session_id}/share", json={"days": 3}).json()
    driver.get(share["url"])
    steps.until(lambda: steps.el("shared-head").is_displayed(), 10, "the shared report")
    shared = steps.text("shared-questions")
    assert "未作答：时间用完未上传录音" in shared and "我在门店做过两年店员" in shared
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("shared-report-unanswered", full_page=True)
    with engine.begin() as connection:  # the session really is submitted with one answer
        status = connection.execute(sa.text("select status from sessions where id = :id"), {"id": session_id}).scalar()
    assert status in ("scored", "needs_review"), status
