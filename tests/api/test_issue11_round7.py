"""Issue 11, round seven (SQLite and MariaDB): a candidate who answered every question but never tapped submit
is submitted by the sweeper once the deadline (plus the grace period) passes, the same way as at close; the
candidate's closed page says whether their answers were kept and submitted."""
from datetime import timedelta

import sqlalchemy as sa

from api import sweeper
from api.schema import interviews
from api.timeutil import utcnow
from tests.api.flow import answer, create_interview, invite, start
from tests.api.test_issue11_round5 import _inbox, _started_with_first_answer


def _db(app, statement):
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(statement)


def _count(app, sql, **params):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.scalar(sa.text(sql), params)


def test_the_sweeper_submits_a_complete_session_once_the_deadline_has_passed(app, client, auth, aac_bytes):
    hr = auth.login()
    interview = create_interview(client, hr, questions=2)
    second = interview["questions"][1]["id"]
    complete, first_key = _started_with_first_answer(client, hr, interview, "冯答完", aac_bytes)
    client.post(f"/api/c/{complete['token']}/answers/{second}/think")
    second_key = answer(client, complete["token"], second, aac_bytes)
    partial, _key = _started_with_first_answer(client, hr, interview, "陈答一半", aac_bytes)
    silent = invite(client, hr, interview["id"], names=("褚没作答",))[0]
    start(client, silent["token"])
    assert client.get(f"/api/c/{complete['token']}").json["interview"]["closed_summary"] is None

    # The deadline passes, but the grace period is not over yet: nothing is submitted.
    grace = timedelta(minutes=app.config["DEADLINE_GRACE_MINUTES"])
    _db(app, interviews.update().where(interviews.c.id == interview["id"]).values(
        deadline=utcnow() - grace + timedelta(minutes=5)))
    assert sweeper.sweep(app)["submitted_late"] == 0
    assert client.get(f"/api/c/{complete['token']}").json["status"] == "started"

    # The grace period is over: the complete one is submitted, once; the others stay as they were.
    _db(app, interviews.update().where(interviews.c.id == interview["id"]).values(
        deadline=utcnow() - grace - timedelta(minutes=1)))
    complete_view = client.get(f"/api/c/{complete['token']}").json
    assert complete_view["interview"]["closed"] is True
    assert "会自动提交" in complete_view["interview"]["closed_summary"]
    assert sweeper.sweep(app)["submitted_late"] == 1
    assert sweeper.sweep(app)["submitted_late"] == 0
    listed = {item["id"]: item for item in client.get(f"/api/interviews/{interview['id']}/sessions", headers=hr).json}
    finished = listed[complete["session_id"]]
    assert finished["status"] in ("submitted", "scored", "needs_review") and finished["submitted_at"]
    assert "未完成" not in finished["status_text"]
    assert listed[partial["session_id"]]["status"] == "started"
    assert "已答 1/2 题" in listed[partial["session_id"]]["status_text"]
    assert listed[silent["session_id"]]["status"] == "started"
    # Its answers analysed, it is in the inbox as finished.
    from tests.api.decisions_flow import post_result
    from tests.api.test_ux_faults import SCORED
    for key in (first_key, second_key):
        post_result(client, app, key, SCORED)
    items = {item["session_id"]: item for item in _inbox(client, hr)["items"]}
    assert items[complete["session_id"]]["kind"] != "incomplete", items[complete["session_id"]]
    assert _count(app, "SELECT COUNT(*) FROM audit_log WHERE subject = :s AND action = 'candidate.submitted' "
                       "AND actor = 'system:sweeper'", s=f"session:{complete['session_id']}") == 1
    assert _count(app, "SELECT COUNT(*) FROM audit_log WHERE subject = :s AND action = 'candidate.submitted'",
                  s=f"session:{partial['session_id']}") == 0

    # What each candidate reads on the closed page.
    done = client.get(f"/api/c/{complete['token']}").json
    assert done["status"] in ("submitted", "scored", "needs_review")
    assert done["interview"]["closed_summary"] == "面试已结束。你的回答已全部保存并提交，招聘方会尽快查看。"
    half = client.get(f"/api/c/{partial['token']}").json["interview"]
    assert half["closed_summary"] == "面试已结束，你回答了 1/2 题，招聘方可以看到已保存的回答。"
    assert "你没有录好的回答" in client.get(f"/api/c/{silent['token']}").json["interview"]["closed_summary"]


def test_the_sweeper_submits_by_expiry_and_after_a_close_but_not_a_revoked_invitation(app, client, auth,
                                                                                      aac_bytes):
    from api.schema import invitations
    hr = auth.login()
    interview = create_interview(client, hr, questions=1)
    expired, _key = _started_with_first_answer(client, hr, interview, "卫过期", aac_bytes)
    revoked, _key = _started_with_first_answer(client, hr, interview, "蒋撤回", aac_bytes)
    grace = timedelta(minutes=app.config["DEADLINE_GRACE_MINUTES"])
    past = utcnow() - grace - timedelta(minutes=1)
    with app.extensions["miaomian.engine"].begin() as connection:
        for item in (expired, revoked):
            invitation = connection.scalar(sa.text("SELECT invitation_id FROM sessions WHERE id = :s"),
                                           {"s": item["session_id"]})
            connection.execute(invitations.update().where(invitations.c.id == invitation).values(expires_at=past))
        connection.execute(invitations.update().where(invitations.c.id == invitation).values(revoked_at=utcnow()))
    assert sweeper.sweep(app)["submitted_late"] == 1
    assert _count(app, "SELECT status FROM sessions WHERE id = :s", s=expired["session_id"]) in ("submitted", "scored", "needs_review")
    assert _count(app, "SELECT status FROM sessions WHERE id = :s", s=revoked["session_id"]) == "started"
    by = _count(app, "SELECT detail FROM audit_log WHERE subject = :s AND action = 'candidate.submitted'",
                s=f"session:{expired['session_id']}")
    assert "deadline_passed" in by
    assert sweeper.sweep(app)["submitted_late"] == 0
