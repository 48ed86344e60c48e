"""HR judgement as data: ratings per answer and competency, compare picks, outcomes, and the candidate's
voluntary group declaration (encrypted, never shown per person, erased with the session). Both backends."""
import sqlalchemy as sa

from api.schema import answer_ratings, audit_log, demographics, outcomes
from tests.api.decisions_flow import COMPETENCIES, answer_ids, candidate, contract_result
from tests.api.flow import create_interview
from tests.api.test_hr_resources import assert_error

FEATURES = {"concreteness": 0.7, "action_outcome": 0.5}


def scored(score=70.0):
    return contract_result({c["name"]: score for c in COMPETENCIES}, {c["name"]: FEATURES for c in COMPETENCIES})


def setup_candidates(app, client, auth, aac, count=2):
    headers = auth.login()
    interview = create_interview(client, headers, questions=2, competencies=COMPETENCIES)
    people = [candidate(client, app, headers, interview, aac, [scored(60 + i), scored(65 + i)], name=f"候选{i}")
              for i in range(count)]
    return headers, interview, people


def test_hr_rates_each_competency_and_a_second_rating_replaces_the_first(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    answer_id = answer_ids(client, headers, people[0][1])[0]
    scale = client.get("/api/rating-scale", headers=headers).json
    assert [s["score"] for s in scale["scale"]] == [100, 75, 50, 25, 0]
    assert scale["scale"][0]["anchor"].startswith("优秀")
    response = client.put(f"/api/answers/{answer_id}/ratings", headers=headers,
                          json={"ratings": [{"competency": "执行力", "rating": 4}, {"competency": "团队协作", "rating": 2}]})
    assert response.status_code == 200, response.json
    assert {(r["competency"], r["rating"]) for r in response.json["ratings"]} == {("执行力", 4), ("团队协作", 2)}
    again = client.put(f"/api/answers/{answer_id}/ratings", headers=headers,
                       json={"ratings": [{"competency": "执行力", "rating": 5}]}).json
    assert {(r["competency"], r["rating"]) for r in again["ratings"]} == {("执行力", 5), ("团队协作", 2)}
    colleague = auth.login(name="小李")
    client.put(f"/api/answers/{answer_id}/ratings", headers=colleague, json={"ratings": [{"competency": "执行力", "rating": 3}]})
    listed = client.get(f"/api/answers/{answer_id}/ratings", headers=headers).json
    assert sorted((r["rater"], r["rating"], r["mine"]) for r in listed["ratings"] if r["competency"] == "执行力") == \
        [("小李", 3, False), ("王经理", 5, True)]


def test_ratings_are_validated_with_chinese_messages(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    answer_id = answer_ids(client, headers, people[0][1])[0]
    for body in ({"ratings": [{"competency": "执行力", "rating": 6}]}, {"ratings": [{"competency": "执行力", "rating": 0}]},
                 {"ratings": [{"competency": "执行力", "rating": "4"}]}, {"ratings": []}, {}):
        assert_error(client.put(f"/api/answers/{answer_id}/ratings", headers=headers, json=body), 422)
    unknown = client.put(f"/api/answers/{answer_id}/ratings", headers=headers,
                         json={"ratings": [{"competency": "唱歌", "rating": 3}]})
    assert_error(unknown, 422, "unknown_competency")
    assert "唱歌" in unknown.json["message"] and "执行力" in unknown.json["message"]
    twice = client.put(f"/api/answers/{answer_id}/ratings", headers=headers,
                       json={"ratings": [{"competency": "执行力", "rating": 3}, {"competency": "执行力", "rating": 4}]})
    assert_error(twice, 422, "duplicate_competency")
    assert_error(client.put("/api/answers/999999/ratings", headers=headers,
                            json={"ratings": [{"competency": "执行力", "rating": 3}]}), 404, "answer_not_found")


def test_compare_picks_need_two_answers_to_the_same_question(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=2)
    first, second = answer_ids(client, headers, people[0][1]), answer_ids(client, headers, people[1][1])
    question_id = interview["questions"][0]["id"]
    response = client.post(f"/api/questions/{question_id}/picks", headers=headers,
                           json={"better_answer_id": second[0], "worse_answer_id": first[0], "competency": "执行力"})
    assert response.status_code == 201, response.json
    assert client.get(f"/api/questions/{question_id}/picks", headers=headers).json[0]["better_answer_id"] == second[0]
    assert_error(client.post(f"/api/questions/{question_id}/picks", headers=headers,
                             json={"better_answer_id": first[0], "worse_answer_id": first[0]}), 422, "same_answer")
    assert_error(client.post(f"/api/questions/{question_id}/picks", headers=headers,
                             json={"better_answer_id": first[1], "worse_answer_id": second[0]}), 422, "different_questions")


def test_outcomes_follow_an_advance_decision_with_dates(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    session_id = people[0][1]
    body = {"outcomes": [{"kind": "offer_accepted", "value": True, "date": "2026-11-20"}]}
    assert_error(client.put(f"/api/sessions/{session_id}/outcomes", headers=headers, json=body), 409, "not_advanced")
    client.post(f"/api/sessions/{session_id}/decision", headers=headers, json={"decision": "advance"})
    with app.extensions["miaomian.engine"].begin() as connection:  # decided a while ago
        connection.execute(sa.text("UPDATE sessions SET decided_at = :at WHERE id = :id"),
                           {"at": "2026-11-01 09:00:00", "id": session_id})
    for bad in ({"kind": "supervisor_rating", "value": 6, "date": "2026-11-20"},
                {"kind": "supervisor_rating", "value": True, "date": "2026-11-20"},
                {"kind": "started", "value": 1, "date": "2026-11-20"},
                {"kind": "fired", "value": True, "date": "2026-11-20"},
                {"kind": "started", "value": True, "date": "2999-01-01"},
                {"kind": "started", "value": True, "date": "20.11.2026"}):
        assert_error(client.put(f"/api/sessions/{session_id}/outcomes", headers=headers, json={"outcomes": [bad]}), 422)
    early = client.put(f"/api/sessions/{session_id}/outcomes", headers=headers,
                       json={"outcomes": [{"kind": "started", "value": True, "date": "2026-10-01"}]})
    assert_error(early, 422, "before_decision")
    recorded = client.put(f"/api/sessions/{session_id}/outcomes", headers=headers, json={"outcomes": [
        {"kind": "offer_accepted", "value": True, "date": "2026-11-03"},
        {"kind": "started", "value": True, "date": "2026-11-10"},
        {"kind": "supervisor_rating", "value": 4, "date": "2026-11-25", "note": "上手快"}]})
    assert recorded.status_code == 200, recorded.json
    changed = client.put(f"/api/sessions/{session_id}/outcomes", headers=headers,
                         json={"outcomes": [{"kind": "supervisor_rating", "value": 5, "date": "2026-11-26"}]}).json
    by_kind = {o["kind"]: o for o in changed["outcomes"]}
    assert by_kind["offer_accepted"]["value"] is True and by_kind["started"]["date"] == "2026-11-10"
    assert by_kind["supervisor_rating"]["value"] == 5 and by_kind["supervisor_rating"]["label"].startswith("主管评分")
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(outcomes)) == 3
        assert connection.scalar(sa.select(sa.func.count()).select_from(audit_log)
                                 .where(audit_log.c.action == "session.outcomes")) == 2


def test_declaration_needs_consent_is_encrypted_hidden_and_erased(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    token, session_id = people[0]
    options = client.get(f"/api/c/{token}/declaration").json
    assert options["declared"] is False and "自愿" in options["purpose"]
    assert {o["value"] for o in options["genders"]} >= {"female", "male", "undisclosed"}
    assert_error(client.put(f"/api/c/{token}/declaration", json={"consent": False, "gender": "female"}), 422,
                 "consent_required")
    assert_error(client.put(f"/api/c/{token}/declaration", json={"consent": True, "gender": "woman"}), 422)
    assert_error(client.put(f"/api/c/{token}/declaration", json={"consent": True, "age_band": "30"}), 422)
    assert client.put(f"/api/c/{token}/declaration",
                      json={"consent": True, "gender": "female", "age_band": "25-34"}).json == {"declared": True}
    with app.extensions["miaomian.engine"].connect() as connection:
        row = connection.execute(sa.select(demographics)).one()
    assert "female" not in row.gender_enc and "25-34" not in row.age_band_enc
    report = client.get(f"/api/sessions/{session_id}", headers=headers).get_data(as_text=True)
    assert "female" not in report and "25-34" not in report
    context_keys = client.get(f"/api/c/{token}").get_data(as_text=True)
    assert "female" not in context_keys
    answer_id = answer_ids(client, headers, session_id)[0]
    client.put(f"/api/answers/{answer_id}/ratings", headers=headers, json={"ratings": [{"competency": "执行力", "rating": 4}]})
    assert client.delete(f"/api/c/{token}").status_code == 200
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(demographics)) == 0
        assert connection.scalar(sa.select(sa.func.count()).select_from(answer_ratings)) == 0


def test_a_declaration_can_be_withdrawn(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    token = people[0][0]
    client.put(f"/api/c/{token}/declaration", json={"consent": True, "gender": "male"})
    assert client.delete(f"/api/c/{token}/declaration").json == {"declared": False}
    assert client.get(f"/api/c/{token}/declaration").json["declared"] is False
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(demographics)) == 0


def test_validation_errors_on_these_routes_speak_chinese(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    answer_id = answer_ids(client, headers, people[0][1])[0]
    missing = client.put(f"/api/answers/{answer_id}/ratings", headers=headers, json={"ratings": [{"competency": "执行力"}]})
    assert_error(missing, 422, "invalid")
    assert missing.json["message"].startswith("有内容没有填写或格式不对") and "评分" in missing.json["message"]
    assert missing.json["details"]["json"]["ratings"]["0"]["rating"] == ["必填"]
    wrong = client.put(f"/api/c/{people[0][0]}/declaration", json={"consent": "maybe"})
    assert_error(wrong, 422, "invalid")
    assert "应为 true 或 false" in wrong.json["message"]
    bad_range = client.put(f"/api/answers/{answer_id}/ratings", headers=headers,
                           json={"ratings": [{"competency": "执行力", "rating": 9}]})
    assert "评分是 1 到 5 的整数" in bad_range.json["message"]
