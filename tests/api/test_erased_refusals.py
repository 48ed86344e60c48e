"""Once a candidate's session is erased, HR can record nothing more on it: a decision, a rating, a review, an
outcome or a share link each get 409 `erased` with a Chinese sentence that says what cannot be done, and nothing is written.
The session is marked as erasure's first step leaves it (status "erased", rows not yet purged), so the rating of
a still-present answer is refused too. Both backends."""
import pytest
import sqlalchemy as sa

from api.schema import answer_ratings, outcomes, report_shares, reviews, sessions
from tests.api.decisions_flow import COMPETENCIES, answer_ids, candidate
from tests.api.flow import create_interview
from tests.api.test_hr_resources import assert_error

REFUSALS = {
    "decision": ("POST", "/api/sessions/{session_id}/decision", {"decision": "advance"}, "不能再记录决定"),
    "rating": ("PUT", "/api/answers/{answer_id}/ratings", {"ratings": [{"competency": "执行力", "rating": 4}]},
               "不能再评分"),
    "outcome": ("PUT", "/api/sessions/{session_id}/outcomes",
                {"outcomes": [{"kind": "offer_accepted", "value": True, "date": "2020-01-01"}]}, "不能再记录结果"),
    "share": ("POST", "/api/sessions/{session_id}/share", {}, "不能分享报告"),
    "review": ("POST", "/api/sessions/{session_id}/reviews", {"rating": 4, "comment": "表达清楚"}, "不能再添加评价"),
}


@pytest.mark.parametrize("action", sorted(REFUSALS))
def test_hr_actions_on_an_erased_session_are_refused_and_write_nothing(app, client, auth, aac_bytes, action):
    headers = auth.login()
    interview = create_interview(client, headers, questions=2, competencies=COMPETENCIES)
    _, session_id = candidate(client, app, headers, interview, aac_bytes)
    answer_id = answer_ids(client, headers, session_id)[0]
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(sessions.update().where(sessions.c.id == session_id).values(status="erased"))
    method, path, body, consequence = REFUSALS[action]
    response = client.open(path.format(session_id=session_id, answer_id=answer_id), method=method, json=body,
                           headers=headers)
    assert_error(response, 409, "erased")
    assert response.json["message"] == f"候选人已删除自己的数据，{consequence}。"
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sessions.c.decision).where(sessions.c.id == session_id)) is None
        for table in (answer_ratings, outcomes, report_shares, reviews):
            assert connection.scalar(sa.select(sa.func.count()).select_from(table)) == 0, table.name
