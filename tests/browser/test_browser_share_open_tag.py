"""Inside WeChat, the web share page offers a real "打开小程序" button (wx-open-launch-weapp) once wx.config
with our signature passes WeChat's check; when the check fails (an expired ticket) or no ticket can be had,
the long-press mini-program code stays. Chromium on a 390×844 phone with WeChat's user agent; WeChat's API
and its JS-SDK script are the fake (tests/wechat/fake_wechat.py), which checks the signature as WeChat does.
Screenshots: tests/artifacts/browser-share/<backend>/open-tag-*.png."""
import sqlalchemy as sa

from api import wechat
from api.schema import wechat_kv
from tests.browser.test_browser_interview import ARTIFACTS, Steps, pytestmark  # noqa: F401
from tests.browser.test_browser_round_two import hr_session, make_interview
from tests.browser.chromium import phone_chromium
from tests.browser.test_browser_share_pages import WECHAT_UA
from tests.conftest import LiveServer, free_port, make_app
from tests.wechat.fake_wechat import FakeWeChat

USERNAME = "gh_0123456789ab"


def test_open_tag_inside_wechat_and_the_code_when_it_fails(database_url, tmp_path):
    backend = "mysql" if database_url.startswith("mysql") else "sqlite"
    fake = FakeWeChat().start()
    oa_appid = fake.add_official_account()
    port = free_port()
    app = make_app(database_url, tmp_path, PUBLIC_URL=f"http://127.0.0.1:{port}", WECHAT_APPID=fake.appid,
                   WECHAT_SECRET=fake.secret, WECHAT_API_BASE=fake.url, WECHAT_TIMEOUT=1, WECHAT_USERNAME=USERNAME,
                   WECHAT_OA_APPID=oa_appid, WECHAT_OA_SECRET=fake.apps[oa_appid],
                   WECHAT_JSSDK_URL=f"{fake.url}open/js/jweixin-1.6.0.js")
    browser = None
    try:
        with LiveServer(app, port) as server:
            base = server.url
            hr = hr_session(base)
            interview, _ = make_interview(hr, base, [{"text": "简单介绍一下你自己。", "think_seconds": 0,
                                                      "answer_seconds": 30}])
            referrer = hr.post(f"{base}/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"}).json()
            scene = referrer["share_url"].rstrip("/").rsplit("/", 1)[1]
            browser = phone_chromium(tmp_path / "wechat", user_agent=WECHAT_UA)
            steps = Steps(browser, ARTIFACTS.parent / "browser-share" / backend)

            # Signed by us, checked by "WeChat": the open tag replaces the long-press code.
            browser.get(referrer["share_url"] + "#top")
            steps.until(lambda: browser.execute_script("return window.__wxState") == "ready", 10, "wx.config")
            steps.until(lambda: steps.el("share-launch").is_displayed(), 10, "the open tag")
            tag = browser.find_element("id", "share-launch-tag")
            assert tag.tag_name == "wx-open-launch-weapp" and tag.get_attribute("username") == USERNAME
            assert tag.get_attribute("path") == f"pages/index/index.html?scene=c%3D{scene}"
            assert "打开小程序" in browser.execute_script(
                "return document.querySelector('#share-launch-tag script[type=\"text/wxtag-template\"]').text")
            config = browser.execute_script("return window.__wxConfig")
            assert config["appId"] == oa_appid and config["openTagList"] == ["wx-open-launch-weapp"]
            assert not steps.el("share-code-box").is_displayed() and "点上面的按钮" in steps.text("share-weapp")
            steps.shot("open-tag-in-wechat")

            # WeChat ended the ticket while we still hold it: wx.config fails, the code comes back.
            fake.expire_tickets()
            browser.refresh()
            steps.until(lambda: browser.execute_script("return window.__wxState") == "error", 10, "config error")
            steps.until(lambda: steps.el("share-code-box").is_displayed(), 10, "the code again")
            assert not steps.el("share-launch").is_displayed() and "长按" in steps.text("share-weapp")
            assert "识别小程序码" in steps.text("share-weapp")  # an AppID is configured: a real mini-program code
            steps.shot("open-tag-invalid-signature-falls-back-to-the-code")

            # Our cache lets it go and WeChat refuses a new ticket: 503, the code stays, the form works.
            with app.extensions["miaomian.engine"].begin() as connection:
                connection.execute(wechat_kv.delete().where(wechat_kv.c.key == f"{oa_appid}_jsapi_ticket"))
            fake.fail_next("getticket", errcode=45009, errmsg="reach max api daily quota limit")
            browser.refresh()
            steps.until(lambda: steps.el("share-info").is_displayed(), 10, "share page")
            steps.until(lambda: "cgi-bin/ticket/getticket" in fake.calls[-3:] or fake.failures["getticket"] == [],
                        10, "the ticket request")
            steps.until(lambda: browser.execute_script(
                "var i = document.getElementById('share-code'); return i.complete && i.naturalWidth > 100"), 10, "code")
            assert steps.el("share-code-box").is_displayed() and not steps.el("share-launch").is_displayed()
            assert browser.execute_script("return window.wx === undefined")  # no config without a signature
            steps.shot("open-tag-no-ticket-keeps-the-code")

            # The ticket comes back: fetched anew (a fresh one), the open tag again.
            browser.refresh()
            steps.until(lambda: browser.execute_script("return window.__wxState") == "ready", 10, "wx.config again")
            steps.until(lambda: steps.el("share-launch").is_displayed(), 10, "the open tag again")
            with app.extensions["miaomian.engine"].connect() as connection:
                assert connection.scalar(sa.select(sa.func.count()).select_from(wechat_kv).where(
                    wechat_kv.c.key == f"{oa_appid}_jsapi_ticket")) == 1
    finally:
        if browser is not None:
            browser.quit()
        wechat._clients.clear()
        app.extensions["miaomian.engine"].dispose()
        fake.stop()
