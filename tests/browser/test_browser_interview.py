"""The browser fallback end to end in headless Chromium, on SQLite and MariaDB.

Chromium's fake microphone plays a Korean sentence spoken by espeak-ng; the page at /i/<token> records it
with MediaRecorder (audio/webm;codecs=opus), uploads it to the live server's store, the local trigger's
worker processes run the real analyzer (ffmpeg, VAD, Vosk), and the page shows the candidate's report with
the transcript. A screenshot of every step goes to tests/artifacts/browser/<backend>/.
"""
import base64
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import requests
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.chromium import needs_chromium, phone_chromium

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "browser"
SPEECH = "저는 고객과 소통하는 것을 좋아합니다. 고객의 문제를 함께 해결했습니다."
COMPETENCIES = [{"name": "소통", "weight": 1, "keywords": ["고객", "소통", "함께"]},
                {"name": "문제 해결", "weight": 1, "keywords": ["문제", "해결", "결과"]}]
HANGUL = re.compile("[\uac00-\ud7a3]")

pytestmark = needs_chromium


@pytest.fixture(scope="session")
def fake_microphone(tmp_path_factory):
    """A Korean sentence as 48 kHz mono 16-bit PCM: what Chromium's fake capture device loops."""
    folder = tmp_path_factory.mktemp("microphone")
    spoken, wav = folder / "espeak.wav", folder / "speech-48k.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-s", "150", "-w", str(spoken), SPEECH], check=True)
    # A short pause after the sentence, so the loop sounds like someone speaking, then breathing.
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(spoken), "-af", "apad=pad_dur=0.6",
                    "-ar", "48000", "-ac", "1", "-c:a", "pcm_s16le", str(wav)], check=True)
    return wav


@pytest.fixture
def browser(fake_microphone, tmp_path):
    driver = phone_chromium(tmp_path / "chromium", microphone=fake_microphone)
    yield driver
    driver.quit()


class Steps:
    """Waits and screenshots for one run; screenshots are numbered in the order they are taken."""

    def __init__(self, driver, folder: Path):
        self.driver, self.folder, self.count = driver, folder, 0
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)

    def shot(self, name: str, full_page: bool = False) -> Path:
        """The phone's screen as the candidate sees it, or the whole page (for long pages like the report)."""
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        if full_page:
            self.driver.execute_script("window.scrollTo(0, 0)")
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot",
                                           {"format": "png", "captureBeyondViewport": full_page})
        path.write_bytes(base64.b64decode(data["data"]))
        return path

    def until(self, condition, timeout=15, message=""):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.2).until(lambda d: condition())
        except TimeoutException:
            self.shot("timeout")
            raise AssertionError(f"timed out after {timeout}s: {message}\npage says: {self.text('app')[:1500]}")

    def el(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def text(self, element_id) -> str:
        return self.el(element_id).text

    def says(self, element_id, needle, timeout=8) -> str:
        """The element's text once it contains `needle` (text written just after a phase change: a loaded
        machine can read it empty first); times out with the page's text."""
        self.until(lambda: needle in self.text(element_id), timeout, f"{element_id} says {needle!r}")
        return self.text(element_id)

    def screen(self) -> str:
        return self.driver.execute_script("return document.body.dataset.screen || ''")

    def on(self, name, timeout=15):
        self.until(lambda: self.screen() == name, timeout, f"screen {name!r} (now {self.screen()!r})")

    def phase(self) -> str:
        """The state of the sticky bottom bar: think, ready, lead (3-2-1), recording, review, exhausted, closed."""
        return self.driver.execute_script("return document.body.dataset.bar || ''")

    def bar_in_view(self) -> bool:
        """The bar's phase, clock and main button are on screen (not below the fold), whatever the question."""
        return self.driver.execute_script(
            "var h = window.innerHeight, ids = ['bar-phase', 'bar-primary'];"
            "return ids.every(function (id) { var r = document.getElementById(id).getBoundingClientRect();"
            "  return r.height > 0 && r.top >= 0 && r.bottom <= h + 1; });")

    def in_phase(self, name, timeout=15):
        self.until(lambda: self.phase() == name, timeout, f"phase {name!r} (now {self.phase()!r})")

    def click(self, element_id):
        self.until(lambda: self.el(element_id).is_displayed() and self.el(element_id).is_enabled(), 15,
                   f"#{element_id} clickable")
        self.el(element_id).click()

    def uploaded(self, timeout=30):
        self.until(lambda: "已上传" in self.text("upload-label"), timeout, "the answer uploaded and confirmed")

    def console_errors(self) -> list[str]:
        return [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]


STORED_TAKES = """
var done = arguments[arguments.length - 1];
var request = indexedDB.open('miaomian-takes');
request.onerror = function () { done('no database'); };
request.onsuccess = function () {
  var db = request.result;
  try {
    var all = db.transaction('takes').objectStore('takes').getAll();
    all.onsuccess = function () {
      db.close();
      done(all.result.map(function (r) { return {question: r.questionId, attempt: r.attempt, size: r.blob.size}; }));
    };
  } catch (error) { db.close(); done(String(error)); }
};
"""


def stored_takes(driver):
    """The takes the page keeps in IndexedDB until the server confirms them."""
    return driver.execute_async_script(STORED_TAKES)


def set_up_interview(base: str):
    api = requests.Session()
    token = api.post(f"{base}/api/auth/dev", json={"name": "张经理", "org": "好味餐饮"}).json()["token"]
    api.headers["Authorization"] = f"Bearer {token}"
    job = api.post(f"{base}/api/jobs", json={"title": "门店店员", "location": "上海 · 静安"}).json()
    interview = api.post(f"{base}/api/jobs/{job['id']}/interviews", json={
        "language": "ko", "pass_threshold": 50, "competencies": COMPETENCIES,
        "intro": "你好！这是一场线上初面，用手机录音回答即可，全程约 3 分钟。",
        "questions": [
            # One attempt, no think time: the recording stops itself at the 10-second limit.
            {"text": "请介绍一次你和顾客沟通、帮顾客解决问题的经历。", "think_seconds": 0, "answer_seconds": 10,
             "max_attempts": 1},
            # A short think time that starts the recording by itself; two attempts, so one retake.
            {"text": "遇到棘手的问题时，你通常怎么分析和解决？", "think_seconds": 5, "answer_seconds": 30,
             "max_attempts": 2}]})
    assert interview.ok, interview.text
    interview = interview.json()
    invitation = api.post(f"{base}/api/interviews/{interview['id']}/invitations",
                          json={"candidates": [{"name": "李小红", "phone": "13812345678"}]}).json()[0]
    return api, interview, invitation


def test_candidate_completes_interview_in_chromium(live_server, trigger, browser, database_url):
    backend = "mysql" if database_url.startswith("mysql") else "sqlite"
    steps = Steps(browser, ARTIFACTS / backend)
    base = live_server.url
    hr, interview, invitation = set_up_interview(base)
    assert invitation["url"] == f"{base}/i/{invitation['token']}"

    # An unknown link: a clear sentence in Chinese, not a blank page.
    browser.get(f"{base}/i/{'x' * 22}")
    steps.on("fatal")
    assert "找不到这份邀请" in steps.text("fatal-message")
    steps.shot("unknown-link")
    browser.get_log("browser")  # the 404 of that lookup is expected: start the console check afresh

    # Intro: company, job, number of questions, time; consent is required before starting.
    browser.get(invitation["url"])
    steps.on("intro")
    intro = steps.text("app")
    assert "好味餐饮" in intro and "门店店员" in intro and "上海 · 静安" in intro
    assert re.search(r"题目\s*2\s*道", intro), intro
    assert not steps.el("start").is_enabled()
    steps.shot("intro", full_page=True)
    steps.el("privacy").click()  # open the privacy terms
    steps.until(lambda: "保存多久" in steps.text("privacy"), 5, "the privacy notice from /api/privacy")
    assert "180 天" in steps.text("privacy") and "365 天" in steps.text("privacy")
    steps.click("agree")
    steps.shot("privacy-and-consent", full_page=True)
    steps.click("start")

    # Microphone check: the level meter moves with the fake microphone's speech.
    steps.on("check")
    steps.until(lambda: steps.el("check-done").is_enabled(), 15, "the microphone check heard speech")
    assert "声音清晰" in steps.text("check-status")
    assert int(steps.el("meter").get_attribute("aria-valuenow")) >= 0
    steps.until(lambda: float(browser.execute_script(
        "return parseFloat(document.getElementById('meter-bar').style.width) || 0")) > 0, 5, "the meter bar moves")
    steps.shot("microphone-check")
    # Uploads are blocked (the server still counts the attempt when recording starts): the take waits in
    # IndexedDB, and answering goes on.
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/upload", "*/uploaded"]})
    steps.click("check-done")

    # Question 1: no think time (the server times the answer from its opening), one attempt: the 3-2-1 runs
    # by itself and the answer countdown stops the recording at 10 seconds.
    steps.on("question")
    assert "第 1 / 2 题" in steps.text("question-counter")
    steps.in_phase("gate", timeout=5)  # no think time: it opens (and its clock starts) only on the tap
    steps.click("bar-primary")  # 开始本题
    steps.in_phase("lead", timeout=5)  # the 3-2-1 lead-in
    assert "请在" in steps.text("question-deadline")
    steps.shot("question-1-lead-in")
    steps.in_phase("recording", timeout=8)
    time.sleep(1.5)
    assert steps.text("bar-clock").startswith("0:0") and steps.bar_in_view()
    steps.shot("question-1-recording")
    steps.in_phase("review", timeout=15)  # nobody pressed stop: the limit did
    steps.until(lambda: "自动重试" in steps.text("upload-label"), 10, "an automatic retry is announced")
    assert "作答次数已用完" in steps.text("attempts-text")
    assert not steps.el("bar-secondary").is_displayed()
    assert steps.el("bar-primary").is_enabled() and steps.text("bar-primary") == "下一题"  # never blocked
    assert browser.execute_script("return document.getElementById('playback').src").startswith("blob:")
    steps.until(lambda: len(stored_takes(browser)) == 1, 5, "the take stored in IndexedDB")
    [kept] = stored_takes(browser)
    assert kept["question"] == interview["questions"][0]["id"] and kept["attempt"] == 1 and kept["size"] > 1000, kept
    steps.shot("question-1-upload-blocked")
    candidate_api = f"{base}/api/c/{invitation['token']}"
    first = requests.get(candidate_api).json()["questions"][0]
    # Counted by the server when recording started, stopped by the clock (POST …/attempts/1/stopped): the
    # recording itself has not arrived, yet the next question may open (phase "uploading").
    assert first["attempts_used"] == 1 and first["recording"] is None and first["answer_status"] is None, first
    assert first["phase"] == "uploading", first

    # Reload before the server has it (no "leave the page?" prompt: the take is safe in IndexedDB). The page
    # finds the take, says so, and uploads it by itself once uploads get through again: no re-recording.
    browser.refresh()
    steps.on("intro")
    assert steps.el("resume").is_displayed() and not steps.el("start").is_displayed()
    steps.until(lambda: "检测到上次未上传完成的回答" in steps.text("restore-box"), 5, "the stored take is found")
    assert "第 1 题" in steps.text("restore-detail")
    steps.shot("reload-resuming-upload")
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    steps.until(lambda: "已上传成功" in steps.text("restore-label"), 20, "the stored take uploaded after the reload")
    assert steps.text("restore-percent") == "100%"
    first = requests.get(candidate_api).json()["questions"][0]
    assert first["attempts_used"] == 1 and first["attempts_left"] == 0 and first["answer_status"], first
    steps.until(lambda: stored_takes(browser) == [], 5, "the confirmed take deleted from IndexedDB")
    steps.shot("reload-upload-resumed", full_page=True)

    # 继续作答: the microphone check again, then straight to the first unanswered question.
    steps.click("resume")
    steps.on("check")
    steps.until(lambda: steps.el("check-done").is_enabled(), 15, "the microphone check heard speech")
    steps.click("check-done")

    # Question 2: the think countdown starts the recording; record, retake once, record again.
    steps.until(lambda: "第 2 / 2 题" in steps.text("question-counter"), 5, "question 2")
    steps.in_phase("think")
    steps.shot("question-2-think")
    steps.in_phase("lead", timeout=6)
    steps.in_phase("recording", timeout=6)
    time.sleep(3)
    # The network drops as the take ends: the page says so, keeps the recording and retries by itself.
    offline = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", offline)
    steps.click("bar-primary")
    steps.in_phase("review")
    steps.until(lambda: "自动重试" in steps.text("upload-label"), 10, "an automatic retry is announced")
    assert steps.el("bar-primary").is_enabled()  # offline never blocks answering; only submit waits
    steps.shot("question-2-offline-retrying")
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", {**offline, "offline": False})
    steps.uploaded()
    assert "剩 1 次" in steps.text("bar-secondary")
    steps.shot("question-2-first-take")
    steps.click("bar-secondary")
    steps.in_phase("ready")
    steps.click("bar-primary")
    steps.in_phase("recording", timeout=8)
    time.sleep(5)
    steps.click("bar-primary")
    steps.in_phase("review")
    steps.uploaded()
    assert not steps.el("bar-secondary").is_displayed()
    assert steps.text("bar-primary") == "完成作答"
    steps.shot("question-2-retake-uploaded")
    steps.click("bar-primary")

    # Submit, then wait for the analysis on the status page.
    steps.on("submit")
    assert steps.text("answer-list").count("已保存") == 2
    steps.shot("submit")
    steps.click("submit")
    steps.on("status")
    steps.shot("waiting-for-analysis")

    # What reached the store is the browser's WebM/Opus, and the retake is question 2's current answer.
    session = hr.get(f"{base}/api/interviews/{interview['id']}/sessions").json()[0]
    steps.on("report", timeout=90)
    detail = hr.get(f"{base}/api/sessions/{session['id']}").json()
    for item in detail["questions"]:
        media = hr.get(item["answer"]["media_url"])
        assert media.status_code == 200 and media.content[:4] == b"\x1a\x45\xdf\xa3", "a WebM (EBML) recording"
        assert item["answer"]["model_versions"]["asr"].startswith("vosk")
    assert [item["answer"]["attempt"] for item in detail["questions"]] == [1, 2]
    assert len(detail["questions"][1]["earlier_attempts"]) == 1

    # The report shows what the recogniser heard.
    transcripts = [node.text for node in browser.find_elements(By.CSS_SELECTOR, "#report-answers .transcript")]
    assert len(transcripts) == 2, steps.text("report-answers")
    heard = " ".join(transcripts)
    assert len(HANGUL.findall(heard)) >= 10, f"expected Korean words in the transcripts, the page shows {heard!r}"
    assert "第 1 题" in steps.text("report-answers") and "回答文字稿" in steps.text("report-answers")
    steps.shot("report", full_page=True)

    # Ask for a human review, with a note.
    steps.click("review-open")
    steps.el("review-note").send_keys("第二题我想补充：我会先听顾客把话说完。")
    steps.shot("review-dialog")
    steps.click("review-send")
    steps.until(lambda: steps.el("review-done").is_displayed(), 10, "review requested")
    assert not steps.el("review-open").is_displayed()
    assert hr.get(f"{base}/api/sessions/{session['id']}").json()["review_request_note"].startswith("第二题")
    steps.shot("review-requested", full_page=True)

    # Erase my data, after a confirmation.
    steps.click("erase-open")
    steps.until(lambda: steps.el("erase-dialog").is_displayed(), 5, "the confirmation dialog")
    assert "无法撤销" in steps.text("erase-dialog")
    steps.shot("erase-confirm")
    steps.click("erase-confirm")
    steps.on("erased")
    steps.shot("erased")
    assert requests.get(f"{base}/api/c/{invitation['token']}").json()["error"] == "erased"

    # Reopening the link afterwards says so in Chinese.
    browser.get(invitation["url"])
    steps.on("fatal")
    assert "已按你的要求删除" in steps.text("fatal-message")
    # a stop reported after its take already ended (uploaded first, or past its window on a slow machine) is
    # answered 409 attempt_not_running/attempt_already_uploaded by design, and the page carries on
    logs = [m for m in steps.console_errors() if "status of 410" not in m and "ERR_INTERNET_DISCONNECTED" not in m
            and "ERR_BLOCKED_BY_CLIENT" not in m and not ("/stopped" in m and "status of 409" in m)]
    assert not logs, logs
