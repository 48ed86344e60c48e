"""A full interview run's notifications: enqueued once, delivered once or skipped with a reason; every error path."""
import sqlalchemy as sa

from api import results
from api.messages import is_chinese
from api.schema import notifications
from tests.api import flow
from tests.wechat.conftest import TEMPLATES, drain, wechat_login

AUDIO = b"ID3" + bytes(200)


def run_interview(wx, wx_app, fake, candidate_headers=None, referrer=None):
    """HR (a WeChat user) creates an interview; a candidate answers and submits; analysis scores it."""
    hr, hr_headers = wechat_login(wx, fake, name="王经理")
    dev = flow.create_interview  # HR must belong to an org: create it by dev login, then join by team invite
    owner = wx.post("/api/auth/dev", json={"name": "老板", "org": "好味餐饮"}).json
    owner_headers = {"Authorization": f"Bearer {owner['token']}"}
    code = wx.post("/api/team-invites", json={"role": "hr"}, headers=owner_headers).json["code"]
    joined = wx.post(f"/api/team-invites/{code}/join", headers=hr_headers)
    assert joined.status_code == 200, joined.json
    hr_headers = {"Authorization": f"Bearer {joined.json['token']}"}
    interview = dev(wx, hr_headers, questions=1)
    extra = {"referrer": referrer(hr_headers, interview)} if referrer else {}
    token = flow.invite(wx, hr_headers, interview["id"], **extra)[0]["token"]
    flow.start(wx, token)
    key = flow.answer(wx, token, interview["questions"][0]["id"], AUDIO)
    submitted = wx.post(f"/api/c/{token}/submit", headers=candidate_headers or {})
    assert submitted.status_code == 200, submitted.json
    with wx_app.extensions["miaomian.engine"].begin() as connection:
        results.record(connection, key, "scored", None, {"status": "scored", "overall": 82.5})
    session_id = submitted.json and wx.get(f"/api/interviews/{interview['id']}/sessions", headers=hr_headers).json[0]["id"]
    return {"hr": hr, "hr_headers": hr_headers, "interview": interview, "token": token, "session_id": session_id}


def states(wx_app):
    with wx_app.extensions["miaomian.engine"].connect() as connection:
        return {row.kind: row for row in connection.execute(sa.select(notifications).order_by(notifications.c.id))}


def test_full_run_delivers_each_notification_once(wx, wx_app, fake_wechat):
    candidate, candidate_headers = wechat_login(wx, fake_wechat, name="张三", openid="oCandidate")
    for template in ("WECHAT_TEMPLATE_ANSWERS_RECEIVED", "WECHAT_TEMPLATE_REPORT_READY"):
        wx.post("/api/me/subscriptions", json={"accepted": [TEMPLATES[template]]}, headers=candidate_headers)
        fake_wechat.subscribe("oCandidate", TEMPLATES[template])
    run = run_interview(wx, wx_app, fake_wechat, candidate_headers=candidate_headers)
    hr_openid = next(iter(fake_wechat.users - {"oCandidate"}))
    wx.post("/api/me/subscriptions", json={"accepted": [TEMPLATES["WECHAT_TEMPLATE_CANDIDATE_FINISHED"]]},
            headers=run["hr_headers"])
    fake_wechat.subscribe(hr_openid, TEMPLATES["WECHAT_TEMPLATE_CANDIDATE_FINISHED"])

    assert drain(wx_app) == 3
    assert drain(wx_app) == 0  # nothing is sent twice
    got = states(wx_app)
    assert {kind: row.status for kind, row in got.items()} == {
        "answers_received": "sent", "report_ready": "sent", "candidate_finished": "sent"}
    assert len(fake_wechat.sent) == 3
    hr_message = next(m for m in fake_wechat.sent if m["touser"] == hr_openid)
    assert hr_message["data"]["name1"]["value"] == "张三" and hr_message["data"]["number2"]["value"] == "82.5"
    assert hr_message["data"]["phrase3"]["value"] == "推荐"
    # the same events again add nothing
    from api import outbox
    with wx_app.extensions["miaomian.engine"].begin() as connection:
        outbox.on_submitted(connection, run["session_id"])
        outbox.on_settled(connection, run["session_id"])
    assert drain(wx_app) == 0 and len(fake_wechat.sent) == 3
    shown = wx.get(f"/api/sessions/{run['session_id']}/notifications", headers=run["hr_headers"]).json
    assert [item["status"] for item in shown] == ["sent", "sent", "sent"]
    subscriptions = wx.get("/api/me/subscriptions", headers=candidate_headers).json
    assert all(item["remaining"] == 0 for item in subscriptions)


def test_unsubscribed_and_anonymous_recipients_are_skipped_with_reasons(wx, wx_app, fake_wechat):
    run = run_interview(wx, wx_app, fake_wechat)  # the candidate never signed in; HR never subscribed
    drain(wx_app)
    got = states(wx_app)
    assert got["answers_received"].status == "skipped" and "not signed in" in got["answers_received"].reason
    # HR without a subscription credit: kept until they subscribe again (then sent in a digest).
    assert got["candidate_finished"].status == "needs_subscription" and "not subscribed" in got["candidate_finished"].reason
    assert fake_wechat.sent == []
    listed = wx.get("/api/notifications?status=skipped", headers=run["hr_headers"]).json
    assert len(listed) == 2 and all(item["reason"] for item in listed)
    assert all(is_chinese(item["reason_text"]) for item in listed), listed
    waiting = wx.get("/api/notifications?status=needs_subscription", headers=run["hr_headers"]).json
    assert len(waiting) == 1 and "订阅" in waiting[0]["reason_text"]


def test_43101_marks_skipped_without_retry(wx, wx_app, fake_wechat):
    candidate, headers = wechat_login(wx, fake_wechat, openid="oRefuser")
    wx.post("/api/me/subscriptions", json={"accepted": [TEMPLATES["WECHAT_TEMPLATE_ANSWERS_RECEIVED"]]}, headers=headers)
    run_interview(wx, wx_app, fake_wechat, candidate_headers=headers)  # WeChat itself has no subscription
    drain(wx_app)
    row = states(wx_app)["answers_received"]
    assert (row.status, row.errcode, row.attempts) == ("skipped", 43101, 1)
    assert wx.get("/api/me/subscriptions", headers=headers).json[0]["remaining"] == 0


def _subscribed_candidate(wx, fake):
    candidate, headers = wechat_login(wx, fake, openid="oSub")
    for template in TEMPLATES.values():
        wx.post("/api/me/subscriptions", json={"accepted": [template]}, headers=headers)
        fake.subscribe("oSub", template)
    return headers


def test_rate_limit_and_network_errors_retry_then_deliver_once(wx, wx_app, fake_wechat):
    headers = _subscribed_candidate(wx, fake_wechat)
    fake_wechat.fail_next("send", errcode=45009, errmsg="reach max api daily quota limit")
    fake_wechat.fail_next("send", http=502)
    fake_wechat.fail_next("send", delay=2)  # longer than the client's timeout: a network error
    run_interview(wx, wx_app, fake_wechat, candidate_headers=headers)
    drain(wx_app)
    got = {kind: row for kind, row in states(wx_app).items() if kind != "candidate_finished"}  # HR: unsubscribed
    assert {row.status for row in got.values()} == {"sent"}
    assert sum(row.attempts for row in got.values()) == len(got) + 3
    assert sorted(m["template_id"] for m in fake_wechat.sent) == sorted(row.template_id for row in got.values())


def test_retries_stop_at_the_limit(wx, wx_app, fake_wechat):
    wx_app.config["OUTBOX_MAX_ATTEMPTS"] = 1
    headers = _subscribed_candidate(wx, fake_wechat)
    fake_wechat.fail_next("send", errcode=-1, errmsg="system error")
    run_interview(wx, wx_app, fake_wechat, candidate_headers=headers)
    drain(wx_app)
    failed = [row for row in states(wx_app).values() if row.status == "failed"]
    assert len(failed) == 1 and failed[0].attempts == 1 and failed[0].errcode == -1 and "gave up" in failed[0].reason


def test_47003_is_permanent_and_field_rules_prevent_it(wx, wx_app, fake_wechat):
    headers = _subscribed_candidate(wx, fake_wechat)
    fake_wechat.fail_next("send", errcode=47003, errmsg="argument invalid! data.thing1.value invalid")
    run = run_interview(wx, wx_app, fake_wechat, candidate_headers=headers)
    drain(wx_app)
    got = states(wx_app)
    assert got["answers_received"].status == "failed" and got["answers_received"].attempts == 1
    assert got["answers_received"].errcode == 47003
    assert got["report_ready"].status == "sent"  # built to the rules, accepted by the strict fake
    assert run["interview"]


def test_field_values_follow_the_official_rules():
    from datetime import datetime

    from api.wechat.fields import build_data, format_value
    assert len(format_value("thing1", "一" * 40)) == 20
    assert format_value("phrase3", "Recommended 推荐!") == "推荐"
    assert format_value("number2", "82.5 分") == "82.5"
    assert format_value("time3", datetime(2026, 11, 22, 7, 5)) == "2026年11月22日 15:05"
    assert format_value("character_string1", "ab 12-中") == "ab12-"
    assert format_value("name1", "A" * 30) == "A" * 20
    assert build_data({"thing1": "x"}, {"x": ""}) == {"thing1": {"value": "-"}}


def test_dev_mode_without_appid_skips_with_reason(client, app):
    from tests.wechat.conftest import drain as drain_app
    headers = {"Authorization": f"Bearer {client.post('/api/auth/dev', json={'name': 'HR', 'org': 'O'}).json['token']}"}
    interview = flow.create_interview(client, headers, questions=1)
    token = flow.invite(client, headers, interview["id"])[0]["token"]
    flow.start(client, token)
    key = flow.answer(client, token, interview["questions"][0]["id"], AUDIO)
    client.post(f"/api/c/{token}/submit")
    with app.extensions["miaomian.engine"].begin() as connection:
        results.record(connection, key, "scored", None, {"status": "scored", "overall": 50})
    drain_app(app)
    got = states(app)
    assert got["candidate_finished"].status == "skipped" and "not configured" in got["candidate_finished"].reason


def test_worker_that_died_mid_send_is_not_resent(wx, wx_app, fake_wechat):
    from api import outbox
    headers = _subscribed_candidate(wx, fake_wechat)
    run_interview(wx, wx_app, fake_wechat, candidate_headers=headers)
    engine = wx_app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        outbox.claim_next(connection, "dead-worker", lease_seconds=0)
    drain(wx_app)
    row = states(wx_app)["answers_received"]
    assert row.status == "failed" and "outcome unknown" in row.reason


def _finish_candidates(wx, wx_app, hr_headers, interview, names):
    for name in names:
        token = flow.invite(wx, hr_headers, interview["id"], names=(name,))[0]["token"]
        flow.start(wx, token)
        key = flow.answer(wx, token, interview["questions"][0]["id"], AUDIO)
        assert wx.post(f"/api/c/{token}/submit").status_code == 200
        with wx_app.extensions["miaomian.engine"].begin() as connection:
            results.record(connection, key, "scored", None, {"status": "scored", "overall": 70.0})


def test_one_credit_left_sends_one_digest_and_no_credit_waits_for_a_new_subscription(wx, wx_app, fake_wechat):
    run = run_interview(wx, wx_app, fake_wechat)  # one finished candidate, HR not subscribed yet
    template = TEMPLATES["WECHAT_TEMPLATE_CANDIDATE_FINISHED"]
    hr_openid = next(iter(fake_wechat.users))
    drain(wx_app)
    assert states(wx_app)["candidate_finished"].status == "needs_subscription"
    _finish_candidates(wx, wx_app, run["hr_headers"], run["interview"], ("李四", "王五"))
    # A candidate's review request reaches HR too (through the same template when it has none of its own).
    wx.post(f"/api/c/{run['token']}/review-request", json={"note": "请再听一下"})
    drain(wx_app)
    with wx_app.extensions["miaomian.engine"].connect() as connection:
        waiting = connection.execute(sa.select(notifications.c.kind, notifications.c.status).where(
            notifications.c.kind.in_(("candidate_finished", "review_requested")))).all()
    assert len(waiting) == 4 and {status for _, status in waiting} == {"needs_subscription"}
    inbox = wx.get("/api/inbox", headers=run["hr_headers"]).json
    assert inbox["subscriptions"]["waiting"] == 4 and "重新订阅" in inbox["subscriptions"]["text"]
    # HR taps 接收提醒 once: one credit, so the four waiting messages go out as ONE digest.
    wx.post("/api/me/subscriptions", json={"accepted": [template]}, headers=run["hr_headers"])
    fake_wechat.subscribe(hr_openid, template)
    drain(wx_app)
    sent = [m for m in fake_wechat.sent if m["touser"] == hr_openid]
    assert len(sent) == 1, sent
    # Three people (张三 finished and asked for a review): the digest counts people, not messages.
    assert sent[0]["data"]["thing4"]["value"] == "3位候选人待你处理" and sent[0]["data"]["name1"]["value"].endswith("等")
    assert sent[0]["page"] == "packageHR/pages/inbox/inbox"
    with wx_app.extensions["miaomian.engine"].connect() as connection:
        after = sorted(connection.execute(sa.select(notifications.c.status).where(
            notifications.c.kind.in_(("candidate_finished", "review_requested")))).scalars())
    assert after == ["merged", "merged", "merged", "sent"]
    listed = wx.get("/api/notifications?status=merged", headers=run["hr_headers"]).json
    assert len(listed) == 3 and all("汇总" in item["reason_text"] for item in listed)
    # No credit left: the next one waits again rather than being dropped.
    _finish_candidates(wx, wx_app, run["hr_headers"], run["interview"], ("赵六",))
    drain(wx_app)
    with wx_app.extensions["miaomian.engine"].connect() as connection:
        last = connection.execute(sa.select(notifications.c.status).order_by(notifications.c.id.desc())
                                  .where(notifications.c.kind == "candidate_finished")).scalars().first()
    assert last == "needs_subscription" and len([m for m in fake_wechat.sent if m["touser"] == hr_openid]) == 1


def test_a_value_the_field_cannot_carry_fails_the_note_with_a_reason_never_a_made_up_value(wx, wx_app, fake_wechat):
    """A template mapped so that a number field gets the company name: nothing faithful to send, so the note
    ends failed with a Chinese reason naming the field, and WeChat receives nothing for it."""
    wx_app.config["WECHAT_TEMPLATE_FIELDS"] = {"answers_received": {"thing1": "interview", "number2": "company"}}
    headers = _subscribed_candidate(wx, fake_wechat)
    run_interview(wx, wx_app, fake_wechat, candidate_headers=headers)
    drain(wx_app)
    got = states(wx_app)
    row = got["answers_received"]
    assert row.status == "failed" and "number2" in row.reason and is_chinese(row.reason), row.reason
    assert TEMPLATES["WECHAT_TEMPLATE_ANSWERS_RECEIVED"] not in [m["template_id"] for m in fake_wechat.sent]
    assert got["report_ready"].status == "sent"
