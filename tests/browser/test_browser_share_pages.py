"""The web share page /s/<code> inside WeChat and in a plain browser, a returning person, and the read-only
report link /r/<token>, in Chromium on a 390×844 phone (SQLite and MariaDB).
Screenshots: tests/artifacts/browser-share/<backend>/."""
import requests

from api import results
from tests.browser.a11y import audit
from tests.browser.chromium import needs_chromium, phone_chromium
from tests.browser.test_browser_interview import ARTIFACTS, Steps
from tests.browser.test_browser_round_two import consent_and_upload, hr_session, make_interview

WECHAT_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
             "Mobile/15E148 MicroMessenger/8.0.47(0x18002f2f) NetType/WIFI Language/zh_CN")


pytestmark = needs_chromium


def test_share_page_in_wechat_returning_person_and_report_link(live_server, database_url, tmp_path):
    backend = "mysql" if database_url.startswith("mysql") else "sqlite"
    base = live_server.url
    hr = hr_session(base)
    interview, invitation = make_interview(hr, base, [{"text": "简单介绍一下你自己。", "think_seconds": 0,
                                                       "answer_seconds": 30}])
    referrer = hr.post(f"{base}/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"}).json()
    wechat = phone_chromium(tmp_path / "wechat", user_agent=WECHAT_UA)
    try:
        steps = Steps(wechat, ARTIFACTS.parent / "browser-share" / backend)
        # Inside WeChat: the mini-program code to long-press, not "在微信中打开体验更好".
        wechat.get(referrer["share_url"])
        steps.until(lambda: steps.el("share-weapp").is_displayed(), 10, "the mini-program box inside WeChat")
        assert "长按" in steps.text("share-weapp") and "在微信中打开体验更好" not in steps.text("share")
        # No AppID here (development): the code is a plain QR code of this page, and says so.
        assert "长按识别二维码" in steps.text("share-weapp") and "小程序码" not in steps.text("share-weapp")
        # The phone field promises nothing the server will not do (no rejoin by name + phone).
        assert "找回" not in steps.text("share-form") and "这台设备上答完" in steps.text("share-device-note")
        steps.until(lambda: wechat.execute_script(
            "var i = document.getElementById('share-code'); return i.complete && i.naturalWidth > 100"), 10, "code")
        assert (problems := audit(wechat)) == [], "; ".join(problems)
        steps.shot("share-page-in-wechat", full_page=True)
        # Joining twice from the same browser is one person: the same interview, counted once.
        steps.el("share-name").send_keys("赵六")
        steps.click("share-start")
        steps.until(lambda: "/i/" in wechat.current_url, 10, "the interview page")
        first_token = wechat.current_url.rsplit("/", 1)[1]
        wechat.get(referrer["share_url"])
        steps.until(lambda: steps.el("share-info").is_displayed(), 10, "share page again")
        steps.el("share-name").send_keys("赵六")
        steps.click("share-start")
        steps.until(lambda: "/i/" in wechat.current_url, 10, "the same interview again")
        second_token = wechat.current_url.rsplit("/", 1)[1]
        listed = hr.get(f"{base}/api/interviews/{interview['id']}/referrers").json()[0]
        assert listed["referees"] == 1, listed
        assert second_token == first_token  # the same link back: a new join never invalidates a link
        assert requests.get(f"{base}/api/c/{first_token}").status_code == 200
        assert wechat.execute_script("return window.localStorage.getItem('miaomian-browser')").count(".") == 1
    finally:
        wechat.quit()

    poster = requests.get(f"{base}/api/referrers/{referrer['code']}/poster.png")
    assert poster.status_code == 200
    (steps.folder / "referrer-poster.png").write_bytes(poster.content)

    # A plain browser: no mini-program box, the browser note instead.
    plain = phone_chromium(tmp_path / "plain")
    try:
        steps.driver = plain
        plain.get(referrer["share_url"])
        steps.until(lambda: steps.el("share-info").is_displayed(), 10, "share page")
        assert not steps.el("share-weapp").is_displayed() and "完整作答" in steps.text("share-browser-note")
        steps.shot("share-page-in-a-browser")

        # A read-only report link for a boss without an account.
        token = invitation["token"]
        question_id = interview["questions"][0]["id"]
        ticket = consent_and_upload(base, token, question_id)  # opens the question and starts the take first
        assert requests.post(f"{base}/api/c/{token}/submit").ok
        with live_server.app.extensions["miaomian.engine"].begin() as connection:
            results.record(connection, ticket["key"], "scored", None, {
                "status": "scored", "overall": 78.0, "transcript": {"text": "我在门店做过两年店员，常常帮顾客解决问题。"},
                "competencies": [{"name": "沟通表达", "score": 78.0,
                                  "reasons": ["提到了倾听顾客的需求。", "举了具体的例子。", "没有说到最后的结果。"]}]})
        session_id = hr.get(f"{base}/api/interviews/{interview['id']}/sessions").json()[-1]["id"]
        share = hr.post(f"{base}/api/sessions/{session_id}/share", json={"days": 3}).json()
        plain.get(share["url"])
        steps.until(lambda: steps.el("shared-head").is_displayed(), 10, "the shared report")
        page = steps.text("shared")
        assert "李**" in page and "李小红" not in page and "78 / 100" in page and "没有说到最后的结果" in page and "13812345678" not in page
        assert (problems := audit(plain)) == [], "; ".join(problems)
        steps.shot("shared-report", full_page=True)
        hr.delete(f"{base}/api/report-shares/{share['id']}")
        plain.refresh()
        steps.until(lambda: steps.el("shared-error").is_displayed(), 10, "revoked")
        assert "已被招聘方关闭" in steps.text("shared-error")
        steps.shot("shared-report-revoked")
        second = hr.post(f"{base}/api/sessions/{session_id}/share", json={"days": 3}).json()
        assert requests.delete(f"{base}/api/c/{token}").ok  # the candidate erases their data
        plain.get(second["url"])
        steps.until(lambda: steps.el("shared-error").is_displayed(), 10, "erased")
        assert "候选人已删除" in steps.text("shared-error") and "招聘方关闭" not in steps.text("shared-error")
        steps.shot("shared-report-erased")
    finally:
        plain.quit()
