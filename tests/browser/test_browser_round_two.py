"""Issue 11 in Chromium on a 390×844 phone and in landscape (844×390), on SQLite and MariaDB: a ~500-character
question never hides the recording controls; the 3-2-1 lead-in; think time and attempts counted by the server
across reloads; a silent take is caught ("这段录音几乎没有声音，要重录吗？"); a second device is refused; the
deadline, the grace period and an expired link read clearly with the company's contact.

The fake microphone plays silence here. Screenshots: tests/artifacts/browser-round-two/<backend>/.
"""
import subprocess
import time
from datetime import timedelta

import pytest
import requests
import sqlalchemy as sa
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from api.schema import interviews, invitations
from tests.browser.a11y import audit
from api.timeutil import utcnow
from tests.browser.chromium import LANDSCAPE, PORTRAIT, needs_chromium, phone_chromium
from tests.browser.test_browser_interview import ARTIFACTS, Steps

LONG_QUESTION = ("假设你是门店的值班店长，周六晚上八点客流高峰时，一位老顾客拿着三天前买的蛋糕来到柜台，"
                 "说蛋糕里有异物，情绪很激动，声音越来越大，旁边排队的顾客也开始议论。"
                 "请具体说说你会先做什么、说什么，怎样安抚顾客并处理现场，之后如何跟进？") * 5

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def silent_microphone(tmp_path_factory):
    wav = tmp_path_factory.mktemp("silence") / "silence-48k.wav"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono",
                    "-t", "3", "-c:a", "pcm_s16le", str(wav)], check=True)
    return wav


@pytest.fixture
def silent_browser(silent_microphone, tmp_path):
    driver = phone_chromium(tmp_path / "chromium", microphone=silent_microphone)
    yield driver
    driver.quit()


def hr_session(base):
    api = requests.Session()
    token = api.post(f"{base}/api/auth/dev", json={"name": "张经理", "org": "好味餐饮"}).json()["token"]
    api.headers["Authorization"] = f"Bearer {token}"
    assert api.put(f"{base}/api/orgs/contact", json={"name": "张经理", "phone": "021-62345678"}).ok
    return api


def make_interview(api, base, questions):
    job = api.post(f"{base}/api/jobs", json={"title": "值班店长", "location": "上海"}).json()
    interview = api.post(f"{base}/api/jobs/{job['id']}/interviews", json={
        "language": "zh", "competencies": [{"name": "沟通表达", "keywords": ["顾客"]}], "questions": questions})
    assert interview.ok, interview.text
    interview = interview.json()
    invitation = api.post(f"{base}/api/interviews/{interview['id']}/invitations",
                          json={"candidates": [{"name": "李小红", "phone": "13812345678"}]}).json()[0]
    return interview, invitation


def consent_and_upload(base, token, question_id):
    """The candidate consents and answers `question_id` through the API (a few bytes the store accepts as AAC);
    the upload ticket."""
    candidate = f"{base}/api/c/{token}"
    privacy = requests.get(f"{base}/api/privacy").json()["version"]
    assert requests.post(f"{candidate}/start", json={"consent": True, "privacy_version": privacy}).ok
    # as the page does: open the question (think time starts) and start the take before asking for a ticket
    assert requests.post(f"{candidate}/answers/{question_id}/think", json={}).ok
    assert requests.post(f"{candidate}/answers/{question_id}/attempts", json={}).ok
    ticket = requests.post(f"{candidate}/answers/{question_id}/upload", json={}).json()
    assert requests.post(ticket["url"], data=ticket["fields"], files={"file": ("a.aac", b"ID3" + bytes(400))}).ok
    assert requests.post(f"{candidate}/answers/{question_id}/uploaded", json={"key": ticket["key"]}).ok
    return ticket


def through_consent_and_check(steps):
    steps.on("intro")
    steps.click("agree")
    steps.click("start")
    steps.on("check")
    # Silence: after 8 s the page lets the candidate go on anyway, saying it heard nothing.
    steps.until(lambda: steps.el("check-done").is_enabled(), 15, "the check lets a silent microphone continue")
    assert "没有听到声音" in steps.text("check-status")
    steps.click("check-done")
    steps.on("question")


def reload_page(driver):
    """Reload as a person would, accepting the "leave this page?" prompt a live recording raises."""
    driver.execute_script("setTimeout(function () { location.reload(); }, 50)")
    try:
        WebDriverWait(driver, 3).until(expected_conditions.alert_is_present())
        driver.switch_to.alert.accept()
    except TimeoutException:
        pass


def resume(steps):
    steps.on("intro")
    steps.click("resume")
    steps.on("check")
    steps.until(lambda: steps.el("check-done").is_enabled(), 15, "check")
    steps.click("check-done")


def seconds_on(clock_text: str) -> int:
    minutes, seconds = clock_text.split(":")
    return int(minutes) * 60 + int(seconds)


def bar_above_text_end(driver) -> bool:
    """Scrolled to the bottom, the end of the question sits above the bar, not under it."""
    return driver.execute_script(
        "window.scrollTo(0, document.body.scrollHeight);"
        "var text = document.getElementById('question-limits').getBoundingClientRect();"
        "var bar = document.getElementById('actionbar').getBoundingClientRect();"
        "return text.bottom <= bar.top + 1;")


def test_long_question_reload_silence_and_deadlines(live_server, silent_browser, database_url):
    backend = "mysql" if database_url.startswith("mysql") else "sqlite"
    driver = silent_browser
    steps = Steps(driver, ARTIFACTS.parent / "browser-round-two" / backend)
    base = live_server.url
    hr = hr_session(base)
    interview, invitation = make_interview(hr, base, [
        {"text": LONG_QUESTION, "think_seconds": 45, "answer_seconds": 60, "max_attempts": 2},
        {"text": "你为什么想来我们门店工作？", "think_seconds": 0, "answer_seconds": 30, "max_attempts": 1}])
    candidate_api = f"{base}/api/c/{invitation['token']}"
    q1, q2 = (item["id"] for item in interview["questions"])
    driver.get(invitation["url"])
    steps.on("intro")
    assert "请在" in steps.text("app") and "前完成" in steps.text("app") and "失效" in steps.text("app")
    assert (problems := audit(driver)) == [], "; ".join(problems)
    through_consent_and_check(steps)

    # 1. A ~500-character question: think time runs in the bar at the bottom, in view, with the button.
    assert len(LONG_QUESTION) >= 450
    steps.in_phase("think")
    assert steps.bar_in_view() and steps.text("bar-primary") == "开始作答"
    assert bar_above_text_end(driver)
    driver.execute_script("window.scrollTo(0, 0)")
    steps.shot("long-question-think-portrait")
    # 9. A reload in think time does not restart it at full: the server's deadline carries on.
    time.sleep(3)
    reload_page(driver)
    resume(steps)
    steps.in_phase("think")
    left = seconds_on(steps.text("bar-clock"))
    assert 0 < left <= 45 - 3 - 8, f"think time restarted: {steps.text('bar-clock')}"
    state = requests.get(candidate_api).json()["questions"][0]
    assert state["think_deadline"] and state["attempts_used"] == 0

    # The 3-2-1 lead-in, then recording with the clock and 结束录音 in view, in portrait and in landscape.
    steps.click("bar-primary")
    steps.in_phase("lead", timeout=3)
    assert steps.text("bar-clock") in ("3", "2") and steps.bar_in_view()
    steps.shot("lead-in-3-2-1")
    steps.in_phase("recording", timeout=6)
    steps.until(lambda: steps.el("bar-primary").is_enabled(), 3, "结束录音 enabled")
    assert steps.bar_in_view() and steps.text("bar-primary") == "结束录音" and "正在录音" in steps.text("bar-phase")
    assert bar_above_text_end(driver)
    assert (problems := audit(driver)) == [], "; ".join(problems)
    driver.execute_script("window.scrollTo(0, 0)")
    steps.shot("long-question-recording-portrait")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", LANDSCAPE)
    time.sleep(0.5)
    assert steps.bar_in_view(), "结束录音 below the fold in landscape"
    assert bar_above_text_end(driver)
    driver.execute_script("window.scrollTo(0, 0)")
    steps.shot("long-question-recording-landscape")
    assert requests.get(candidate_api).json()["questions"][0]["attempts_used"] == 1  # counted when it started

    # 9. A reload mid-recording does not give the attempt or the time back: the server says the recording is
    # still running, and the page records again at once until the same deadline.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PORTRAIT)
    deadline = requests.get(candidate_api).json()["questions"][0]["recording"]["answer_deadline"]
    reload_page(driver)
    resume(steps)
    steps.in_phase("join", timeout=8)  # never records by itself after a resume: the candidate taps
    assert "仍在计时" in steps.says("question-notice", "仍在计时"), steps.text("question-notice")
    steps.click("bar-primary")  # 接着录音
    steps.in_phase("recording", timeout=8)
    assert seconds_on(steps.text("bar-clock")) < 60 - 8
    steps.shot("after-reload-mid-recording")
    state = requests.get(candidate_api).json()["questions"][0]
    assert state["attempts_used"] == 1 and state["recording"]["answer_deadline"] == deadline

    # 2. A silent take: the speech check asks before the candidate moves on (one retake left).
    steps.until(lambda: steps.el("bar-primary").is_enabled(), 3, "结束录音 enabled")
    steps.click("bar-primary")
    steps.until(lambda: steps.phase() == "silent", 8, "the speech check")
    assert "这段录音几乎没有声音" in steps.text("bar-phase") and "还可重录 1 次" in steps.text("bar-hint")
    steps.click("bar-primary")  # 重录
    steps.in_phase("ready")
    steps.click("bar-primary")
    steps.in_phase("recording", timeout=6)
    time.sleep(3)
    steps.click("bar-primary")
    steps.until(lambda: steps.phase() == "silent", 8, "the speech check")
    assert "这段录音几乎没有声音" in steps.text("bar-phase") and steps.bar_in_view()
    assert "作答次数已用完" in steps.text("bar-hint")  # the second and last attempt: kept, HR listens
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("silent-take-check")
    steps.uploaded()
    state = requests.get(candidate_api).json()["questions"][0]
    assert state["attempts_used"] == 2 and state["answer_status"] == "uploaded"

    # 9. Question 2 answered from another device first: this device shows that answer, never replaces it.
    other = {"X-Miaomian-Device": "other-phone-1234"}
    assert requests.post(f"{candidate_api}/answers/{q2}/think", json={}, headers=other).ok  # opened there first
    started = requests.post(f"{candidate_api}/answers/{q2}/attempts", json={}, headers=other)
    assert started.status_code == 201
    ticket = requests.post(f"{candidate_api}/answers/{q2}/upload", json={"attempt": 1}, headers=other).json()
    audio = subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "sine=f=220:d=2", "-ac", "1",
                            "-c:a", "aac", "-f", "adts", "-"], check=True, capture_output=True).stdout
    assert requests.post(ticket["url"], data=ticket["fields"], files={"file": ("a.aac", audio)}).ok
    assert requests.post(f"{candidate_api}/answers/{q2}/uploaded", json={"key": ticket["key"]}, headers=other).ok
    steps.click("bar-primary")  # 下一题
    steps.in_phase("gate")  # no think time: opens on the candidate's tap
    steps.click("bar-primary")  # 开始本题
    steps.in_phase("review")
    assert steps.text("upload-label") == "已上传，回答已保存"
    steps.shot("second-device-kept")
    second_state = requests.get(candidate_api).json()["questions"][1]
    assert second_state["attempts_used"] == 1 and second_state["answered_on_this_device"] is False

    # 7. The deadline passes mid-interview: a grace period, said plainly; submitting still works.
    engine = live_server.app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        connection.execute(interviews.update().values(deadline=utcnow() - timedelta(minutes=10)))
    reload_page(driver)
    resume(steps)
    steps.on("submit")
    assert "截止时间已过" in steps.text("submit-notice"), steps.text("submit-notice")
    steps.shot("grace-period-submit")
    steps.click("submit")
    steps.on("status")

    # 7. An expired link reads expired, with the company's contact (not just "联系招聘方").
    _, second = make_interview(hr, base, [{"text": "简单介绍一下你自己。", "think_seconds": 0, "answer_seconds": 30}])
    with engine.begin() as connection:
        connection.execute(invitations.update().where(invitations.c.id == sa.select(sa.func.max(invitations.c.id))
                                                      .scalar_subquery()).values(expires_at=utcnow() - timedelta(hours=1)))
    driver.get(second["url"])
    steps.on("fatal")
    message = steps.text("fatal-message")
    assert "过期" in message and "张经理" in message and "021-62345678" in message, message
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("expired-link-with-contact")

    # 7. Started, then the deadline passed beyond the grace period: only why it closed and whom to call,
    # no "请在 … 前完成" that can no longer be kept.
    third, late = make_interview(hr, base, [{"text": "简单介绍一下你自己。", "think_seconds": 0, "answer_seconds": 30}])
    late_api = f"{base}/api/c/{late['token']}"
    privacy = requests.get(late_api).json()["privacy_version"]
    assert requests.post(f"{late_api}/start", json={"consent": True, "privacy_version": privacy}).ok
    with engine.begin() as connection:
        connection.execute(interviews.update().where(interviews.c.id == third["id"])
                           .values(deadline=utcnow() - timedelta(days=1)))
    driver.get(late["url"])
    steps.on("intro")
    steps.until(lambda: steps.el("intro-closed").is_displayed(), 10, "the closed notice")
    closed, page = steps.text("intro-closed"), steps.text("app")
    assert "张经理" in closed and "021-62345678" in closed, closed
    assert "你没有录好的回答" in closed, closed  # closed_summary: whether anything was kept
    assert "前完成" not in page and "失效" not in page, page
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("expired-beyond-grace-with-contact")
