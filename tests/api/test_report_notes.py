"""What the report pages need to explain an answer (SQLite and MariaDB): a question given up for good reads 未作答
on the read-only share link too, and a session submitted with it still settles once its other answers are
analysed (it used to crash while aggregating); a recording cut short or without a playback copy is named in
Chinese in the HR report (never the analyzer's English detail)."""
import sqlalchemy as sa

from api import results
from api.schema import sessions
from tests.api.test_answer_time import _upload
from tests.api.test_issue11_round4 import _three, _time_over


def _record(app, key, result):
    with app.extensions["miaomian.engine"].begin() as connection:
        results.record(connection, key, result["status"], result.get("reason"), result)


SCORED = {"status": "scored", "overall": 70.0, "transcript": {"text": "我帮顾客解决过问题。"},
          "competencies": [{"name": "沟通表达", "score": 70.0, "reasons": ["提到了顾客。"]}]}


def test_a_given_up_question_reads_unanswered_on_the_share_link_and_the_session_settles(app, client, auth, aac_bytes):
    headers = auth.login()
    interview, token, session_id, (first, second, third) = _three(client, headers)
    one = _upload(client, token, first, aac_bytes)
    assert client.post(f"/api/c/{token}/answers/{second}/think").status_code == 200
    _time_over(app, second)
    assert client.post(f"/api/c/{token}/answers/{third}/think").status_code == 200
    three = _upload(client, token, third, aac_bytes)
    assert client.post(f"/api/c/{token}/submit").status_code == 200
    # Both uploaded answers analysed: the session settles (needs a person: not every question was scored).
    _record(app, one["key"], SCORED)
    _record(app, three["key"], SCORED)
    with app.extensions["miaomian.engine"].begin() as connection:
        status = connection.scalar(sa.select(sessions.c.status).where(sessions.c.id == session_id))
    assert status == "needs_review"
    share = client.post(f"/api/sessions/{session_id}/share", headers=headers, json={"days": 3}).json
    shared = client.get(f"/api/r/{share['url'].rsplit('/', 1)[1]}").json["questions"]
    assert [q["unanswered"] is not None for q in shared] == [False, True, False]
    assert shared[1]["unanswered"] == {"status": "unanswered", "status_text": "未作答", "reason": "时间用完未上传录音"}
    assert shared[1]["status"] is None and shared[0]["transcript"] == "我帮顾客解决过问题。"


def test_a_cut_short_recording_and_a_missing_playback_copy_are_named_in_chinese(app, client, auth, aac_bytes):
    headers = auth.login()
    interview, token, session_id, (first, second, third) = _three(client, headers)
    keys = [_upload(client, token, qid, aac_bytes)["key"] for qid in (first, second, third)]
    assert client.post(f"/api/c/{token}/submit").status_code == 200
    cut = {"detail": "Invalid data found when processing input", "decoded_seconds": 12.4, "announced_seconds": 58.0,
           "reason": "录音文件不完整（可能上传中断），只分析了能读出的前 12 秒（文件标明约 58 秒），请人工核对。"}
    _record(app, keys[0], dict(SCORED, incomplete_recording=cut))
    _record(app, keys[1], dict(SCORED, playback_missing={"reason": "encode_failed", "detail": "moov atom not found"}))
    _record(app, keys[2], dict(SCORED, playback_missing={"reason": "store_failed", "detail": "AccessDenied"}))
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"]
    answers = [q["answer"] for q in report]
    assert answers[0]["incomplete_recording"] == {"text": cut["reason"], "decoded_seconds": 12.4, "announced_seconds": 58.0}
    assert answers[0]["playback_missing"] is None and answers[1]["incomplete_recording"] is None
    assert answers[1]["playback_missing"]["reason"] == "encode_failed"
    assert answers[1]["playback_missing"]["text"].startswith("录音文件已不可用")
    assert answers[2]["playback_missing"]["reason"] == "store_failed" and "原始录音" in answers[2]["playback_missing"]["text"]
    assert "playback_url" not in answers[1] and answers[1]["media_url"]
    text = str(report)
    assert "Invalid data" not in text and "moov" not in text and "AccessDenied" not in text
    share = client.post(f"/api/sessions/{session_id}/share", headers=headers, json={"days": 3}).json
    shared = client.get(f"/api/r/{share['url'].rsplit('/', 1)[1]}").json["questions"]
    assert shared[0]["incomplete_recording"]["text"] == cut["reason"] and shared[1]["incomplete_recording"] is None
    assert "Invalid data" not in str(shared)
