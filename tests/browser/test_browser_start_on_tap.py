"""Issue 11 points 1, 3, 7, 9 as a breaker found them, in Chromium on a 390×844 phone (SQLite and MariaDB):
- a question without think time opens only on the candidate's tap (开始本题), then a full 3-2-1, then recording;
- after a resume the page never records by itself: the server's clock runs and the candidate taps 接着录音;
- offline, the next question says plainly that it needs the network, waits for a tap (no clock runs meanwhile)
  and does not open by itself when the network returns;
- a retake that is saved clears the earlier "还可以重新录制" notice;
- the submit list offers 重录 only where the server still takes an attempt (no later question open);
- the recording bar labels its clock (剩余) and meter (音量); the intro explains the grace period; with no
  phone set, the contact sentence says what the candidate can do.

The fake microphone plays silence. Screenshots: tests/artifacts/browser-start-on-tap/<backend>/.
"""
import time

import requests

from tests.browser.a11y import audit
from tests.browser.test_browser_interview import ARTIFACTS, Steps, pytestmark  # noqa: F401
from tests.browser.test_browser_round_two import (make_interview, reload_page, resume, silent_browser,  # noqa: F401
                                                   silent_microphone)

FIRST = "第一题：请简单介绍一下你自己。"
SECOND = "第二题：你为什么想来我们门店工作？"
OFFLINE = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


def _lead_in_counts(steps) -> list[str]:
    """The digits the bar shows from the tap until recording starts."""
    seen = []
    end = time.monotonic() + 8
    while time.monotonic() < end and steps.phase() != "recording":
        if steps.phase() == "lead":
            value = steps.text("bar-clock")
            if value and (not seen or seen[-1] != value):
                seen.append(value)
        time.sleep(0.05)
    return seen


def test_zero_think_opens_on_tap_resume_offline_and_notices(live_server, silent_browser, database_url):
    backend = "mysql" if database_url.startswith("mysql") else "sqlite"
    driver, base = silent_browser, live_server.url
    steps = Steps(driver, ARTIFACTS.parent / "browser-start-on-tap" / backend)
    hr = requests.Session()  # an organisation that set no contact
    token = hr.post(f"{base}/api/auth/dev", json={"name": "王经理", "org": "街角面包"}).json()["token"]
    hr.headers["Authorization"] = f"Bearer {token}"
    interview, invitation = make_interview(hr, base, [
        {"text": FIRST, "think_seconds": 0, "answer_seconds": 25, "max_attempts": 3},
        {"text": SECOND, "think_seconds": 0, "answer_seconds": 20, "max_attempts": 1}])
    q1, q2 = (item["id"] for item in interview["questions"])
    candidate_api = f"{base}/api/c/{invitation['token']}"

    # 7. Without a phone the contact says what to do; the intro explains the grace period before it applies.
    contact = requests.get(candidate_api).json()["contact"]["text"]
    assert "没有留电话" in contact and "回复" in contact, contact
    driver.get(invitation["url"])
    steps.on("intro")
    assert "宽限" in steps.text("deadline-note"), steps.text("deadline-note")
    steps.click("agree")
    steps.click("start")
    steps.on("check")
    steps.until(lambda: steps.el("check-done").is_enabled(), 15, "the check lets a silent microphone continue")
    steps.click("check-done")

    # 1. No think time: nothing opens until the tap; then the full 3-2-1; then recording.
    steps.in_phase("gate")
    assert FIRST not in driver.page_source and steps.text("bar-primary") == "开始本题"
    assert "倒数 3 秒" in steps.text("bar-hint")
    time.sleep(6)  # longer than the server's start tolerance: still nothing opened, nothing recorded
    state = requests.get(candidate_api).json()["questions"][0]
    assert state["opened"] is False and state["attempts_used"] == 0
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("zero-think-waits-for-tap")
    steps.click("bar-primary")
    counts = _lead_in_counts(steps)
    assert counts[:3] == ["3", "2", "1"], counts
    steps.in_phase("recording")
    assert steps.text("question-title") == FIRST
    # 5. The clock and the meter are labelled for what they are.
    assert steps.text("bar-clock-label") == "剩余" and steps.text("bar-meter-label") == "音量"
    assert "剩余作答时间" not in steps.text("actionbar")
    steps.shot("recording-clock-and-meter-labelled")

    # 1. A reload mid-recording, then 继续作答 → the check → start: the page does not record by itself.
    reload_page(driver)
    steps.on("intro")
    assert "宽限" in steps.text("deadline-note") and "招聘负责人" not in steps.text("deadline-note")
    resume(steps)
    steps.in_phase("join", timeout=8)
    time.sleep(1.5)
    assert steps.phase() == "join" and steps.text("bar-primary") == "接着录音"
    assert "接着录音" in steps.says("question-notice", "接着录音")
    assert requests.get(candidate_api).json()["questions"][0]["attempts_used"] == 1  # nothing new spent
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("resume-waits-for-tap")

    # Its time runs out: time-up notice; a retake is saved and the stale notice goes with the old state.
    steps.in_phase("timeup", timeout=30)
    assert "还可以重新录制 2 次" in steps.says("question-notice", "还可以重新录制 2 次"), steps.text("question-notice")
    steps.click("bar-primary")  # 重新录制
    steps.in_phase("recording", timeout=8)
    time.sleep(2.5)
    steps.click("bar-primary")  # 结束录音
    steps.until(lambda: steps.phase() == "silent", 8, "the speech check")
    steps.click("bar-secondary")  # 就用这段
    steps.in_phase("review")
    steps.uploaded()
    assert not steps.el("question-notice").is_displayed(), steps.text("question-notice")
    assert "还可以重新录制" not in steps.text("app")
    steps.shot("retake-saved-no-stale-notice")

    # 2. Offline: the next question says it needs the network and waits for the tap, never a spinner.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", OFFLINE)
    steps.click("bar-primary")  # 下一题
    steps.in_phase("gate")
    steps.click("bar-primary")  # 开始本题, offline
    steps.in_phase("offline", timeout=10)
    assert "网络已断开" in steps.text("bar-phase") and steps.el("bar-primary").is_enabled()
    assert "不会占用" in steps.text("bar-hint")
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("offline-next-question-explained")
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {**OFFLINE, "offline": False})
    steps.until(lambda: steps.text("bar-phase") == "网络已恢复", 10, "the bar says the network is back")
    time.sleep(6)
    assert steps.phase() == "offline"  # back online: still waits for the tap
    assert requests.get(candidate_api).json()["questions"][1]["opened"] is False
    steps.shot("online-again-waits-for-tap")
    steps.click("bar-primary")  # 打开题目
    assert _lead_in_counts(steps)[:3] == ["3", "2", "1"]
    steps.in_phase("recording")
    time.sleep(2.5)
    steps.click("bar-primary")
    steps.until(lambda: steps.phase() == "silent", 8, "the speech check")
    steps.uploaded()
    steps.click("bar-primary")  # 完成作答

    # 4. The submit list offers no retake the server would refuse (a later question is open).
    steps.on("submit")
    listed = steps.text("answer-list")
    assert "重录" not in listed and listed.count("已保存") == 2, listed
    refused = requests.post(f"{candidate_api}/answers/{q1}/attempts", json={})
    assert refused.status_code == 409 and refused.json()["error"] == "question_closed"
    assert requests.get(candidate_api).json()["questions"][0]["attempts_left"] == 1
    assert (problems := audit(driver)) == [], "; ".join(problems)
    steps.shot("submit-list-no-refused-retake", full_page=True)
    assert q2
