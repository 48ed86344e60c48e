"""Issue 11, round six (SQLite and MariaDB): saving the same decision again keeps what the candidate was told;
partial updates keep what they do not name; nothing is created for a closed interview; old links tell the truth
now; HR reads Chinese labels, never raw codes or field names; a share link cannot lock a person out."""
import sqlalchemy as sa

from tests.api.flow import create_interview, invite
from tests.api.test_hr_resources import assert_error
from tests.api.test_issue11_round5 import _decide, _submitted


def _decision_records(app, session_id):
    with app.extensions["miaomian.engine"].connect() as connection:
        return connection.scalar(sa.text("SELECT COUNT(*) FROM audit_log WHERE subject = :s AND action IN "
                                         "('session.advance', 'session.reject', 'session.hold', "
                                         "'session.decision_edited')"), {"s": f"session:{session_id}"})


# --- 1. the same decision saved again with only a note -----------------------------------------------------

def test_a_note_only_resave_keeps_the_message_the_candidate_was_told(app, client, auth, aac_bytes):
    headers = auth.login()
    token, session_id = _submitted(client, app, headers, aac_bytes)
    first = _decide(client, headers, session_id, decision="reject", message="感谢参与")
    assert first.status_code == 200, first.json
    before = client.get(f"/api/c/{token}/report").json["decision"]
    assert before["message"] == "感谢参与" and before["status"] == "reject"
    entries = _decision_records(app, session_id)

    again = _decide(client, headers, session_id, decision="reject", note="内部备注：沟通一般")
    assert again.status_code == 200, again.json
    assert again.json["unchanged"] is True and again.json["edited"] == ["内部备注"]
    assert again.json["told_candidate"] is True and "已告知候选人" in again.json["told_text"]
    assert client.get(f"/api/c/{token}/report").json["decision"] == before  # message and decided_at kept
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    assert report["decision_message"] == "感谢参与" and report["decision_note"] == "内部备注：沟通一般"
    history = report["decision_history"]
    assert [item["decision"] for item in history] == ["reject"]
    assert history[0]["told_candidate"] is True
    assert [edit["edited"] for edit in history[0]["edits"]] == [["内部备注"]]
    assert "决定没有变" in history[0]["edits"][0]["text"]
    assert _decision_records(app, session_id) == entries + 1

    # The same body once more changes nothing and records nothing; a new message replaces the old one.
    assert _decide(client, headers, session_id, decision="reject", note="内部备注：沟通一般").json["edited"] == []
    assert _decision_records(app, session_id) == entries + 1
    worded = _decide(client, headers, session_id, decision="reject", message="欢迎以后再来")
    assert worded.json["edited"] == ["给候选人的话"]
    assert client.get(f"/api/c/{token}/report").json["decision"]["message"] == "欢迎以后再来"
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    assert report["decision_note"] == "内部备注：沟通一般"


def test_a_new_decision_without_a_note_keeps_the_internal_note(app, client, auth, aac_bytes):
    headers = auth.login()
    _token, session_id = _submitted(client, app, headers, aac_bytes)
    assert _decide(client, headers, session_id, decision="hold", note="等二面名额").status_code == 200
    assert _decide(client, headers, session_id, decision="advance").status_code == 200
    assert client.get(f"/api/sessions/{session_id}", headers=headers).json["decision_note"] == "等二面名额"
