"""Data is kept only as long as the candidate agreed: decision + 180 days, or 365 days when never decided."""
from datetime import timedelta

import sqlalchemy as sa

from api.schema import audit_log, sessions
from api.timeutil import utcnow
from tests.api.flow import answer, create_interview, invite, start


def test_sessions_past_retention_are_erased_and_others_kept(app, client, auth, runner, aac_bytes):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"], names=("甲", "乙", "丙"))
    keys = []
    for item in invited:
        start(client, item["token"])
        keys.append(answer(client, item["token"], interview["questions"][0]["id"], aac_bytes))
    decided_long_ago, never_decided, recent = (item["session_id"] for item in invited)
    client.post(f"/api/sessions/{recent}/decision", json={"decision": "advance"}, headers=headers)
    client.post(f"/api/sessions/{decided_long_ago}/reviews", json={"rating": 3}, headers=headers)
    engine = app.extensions["miaomian.engine"]
    with engine.begin() as connection:
        connection.execute(sessions.update().where(sessions.c.id == decided_long_ago).values(
            decision="reject", decided_at=utcnow() - timedelta(days=181)))
        connection.execute(sessions.update().where(sessions.c.id == never_decided).values(
            created_at=utcnow() - timedelta(days=366)))

    result = runner.invoke(args=["purge-expired"])
    assert "erased 2 sessions" in result.output, result.output
    store = app.extensions["miaomian.storage"]
    assert [store.exists(key) for key in keys] == [False, False, True]
    listed = {item["id"]: item for item in client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json}
    assert listed[decided_long_ago]["status"] == "erased" and listed[decided_long_ago]["name"] is None
    assert listed[never_decided]["status"] == "erased"
    assert listed[recent]["name"] == "丙" and listed[recent]["status"] != "erased"
    assert client.get(f"/api/sessions/{decided_long_ago}", headers=headers).json["reviews"] == []
    with engine.connect() as connection:
        actions = list(connection.execute(sa.select(audit_log.c.actor).where(audit_log.c.action == "retention.erased")).scalars())
    assert actions == ["system:retention", "system:retention"]
    assert "erased 0 sessions" in runner.invoke(args=["purge-expired"]).output
