"""A score from a recording cut short (upload broken off) says so on the read-only report link, in Chromium on a
390×844 phone (SQLite and MariaDB). Screenshots: tests/artifacts/browser-recording-notes/<backend>/."""
import requests

from api import results
from tests.browser.a11y import audit
from tests.browser.chromium import needs_chromium, phone_chromium
from tests.browser.test_browser_interview import ARTIFACTS, Steps
from tests.browser.test_browser_round_two import consent_and_upload, hr_session, make_interview

pytestmark = needs_chromium

CUT = "录音文件不完整（可能上传中断），只分析了能读出的前 12 秒（文件标明约 58 秒），请人工核对。"


def test_a_cut_short_recording_is_named_on_the_shared_report(live_server, database_url, tmp_path):
    backend = "mysql" if database_url.startswith("mysql") else "sqlite"
    base = live_server.url
    hr = hr_session(base)
    interview, invitation = make_interview(hr, base, [{"text": "简单介绍一下你自己。", "think_seconds": 0,
                                                       "answer_seconds": 60}])
    ticket = consent_and_upload(base, invitation["token"], interview["questions"][0]["id"])
    assert requests.post(f"{base}/api/c/{invitation['token']}/submit").ok
    with live_server.app.extensions["miaomian.engine"].begin() as connection:
        results.record(connection, ticket["key"], "scored", None, {
            "status": "scored", "overall": 64.0, "transcript": {"text": "我在门店做过两年店员。"},
            "competencies": [{"name": "沟通表达", "score": 64.0, "reasons": ["提到了门店经验。"]}],
            "incomplete_recording": {"detail": "Invalid data found when processing input", "decoded_seconds": 12.4,
                                     "announced_seconds": 58.0, "reason": CUT}})
    session_id = hr.get(f"{base}/api/interviews/{interview['id']}/sessions").json()[-1]["id"]
    share = hr.post(f"{base}/api/sessions/{session_id}/share", json={"days": 3}).json()
    driver = phone_chromium(tmp_path / "chromium")
    try:
        steps = Steps(driver, ARTIFACTS.parent / "browser-recording-notes" / backend)
        driver.get(share["url"])
        steps.until(lambda: steps.el("shared-head").is_displayed(), 10, "the shared report")
        page = steps.text("shared-questions")
        assert CUT in page and "Invalid data" not in page and "64 分" in page
        assert (problems := audit(driver)) == [], "; ".join(problems)
        steps.shot("shared-report-cut-short", full_page=True)
    finally:
        driver.quit()
