"""Faults found by an outside tester on issue 12, each fixed as a kind: strict booleans and numbers, outcomes that
follow the current decision and are logically possible, China-time dates, explicit rollback targets, overflowing
ids and Chinese field messages. Both backends (the api fixtures)."""
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from api.messages import chinese_field_message
from api.schema import outcomes, sessions
from tests.api.test_hr_resources import assert_error
from tests.api.test_judgement import setup_candidates
from tests.api.decisions_flow import answer_ids

CHINA = timezone(timedelta(hours=8))


def advanced(app, client, auth, aac, decided_at="2026-11-01 09:00:00"):
    headers, interview, people = setup_candidates(app, client, auth, aac, count=1)
    session_id = people[0][1]
    client.post(f"/api/sessions/{session_id}/decision", headers=headers, json={"decision": "advance"})
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(sessions.update().where(sessions.c.id == session_id)
                           .values(decided_at=datetime.fromisoformat(decided_at)))
    return headers, interview, people, session_id


def put(client, headers, session_id, *items):
    return client.put(f"/api/sessions/{session_id}/outcomes", headers=headers, json={"outcomes": list(items)})


def test_confirmations_and_consent_must_be_json_true_and_threshold_a_number(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    token = people[0][0]
    for consent in ("true", 1, "yes", None):
        assert_error(client.put(f"/api/c/{token}/declaration", json={"consent": consent, "gender": "male"}), 422)
    for confirm in ("true", 1, "1"):
        assert_error(client.post("/api/scorer/rescore", headers=headers, json={"confirm": confirm}), 422, "invalid")
    for rescore in ("true", 1):
        assert_error(client.post("/api/scorer/rollback", headers=headers,
                                 json={"version_id": "default", "rescore": rescore}), 422, "invalid")
    for value in ("60", True, "NaN"):
        response = client.post("/api/scorer/threshold", headers=headers,
                               json={"interview_id": interview["id"], "threshold": value})
        assert_error(response, 422, "invalid")
    text = client.post("/api/scorer/threshold", headers=headers,
                       json={"interview_id": interview["id"], "threshold": "60"}).json
    assert "应为数字" in str(text["details"])
    ok = client.post("/api/scorer/threshold", headers=headers, json={"interview_id": interview["id"], "threshold": 60})
    assert ok.status_code == 200, ok.json


def test_rollback_needs_an_explicit_target(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    assert_error(client.post("/api/scorer/rollback", headers=headers, json={}), 422, "invalid")
    assert_error(client.post("/api/scorer/rollback", headers=headers, json={"version_id": "latest"}), 422, "invalid")
    assert client.post("/api/scorer/rollback", headers=headers, json={"version_id": "default"}).json["active"] \
        .startswith("default")
    assert client.post("/api/scorer/rollback", headers=headers, json={"version_id": None}).status_code == 200


def test_an_overflowing_id_says_the_id_does_not_exist(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    for path in ("/api/answers/99999999999999999999/ratings", "/api/scorer/versions/99999999999999"):
        response = client.get(path, headers=headers)
        assert response.status_code == 404
        assert "编号不存在" in response.json["message"] and "编号为 0" not in response.json["message"]


def test_outcomes_follow_the_current_decision(app, client, auth, aac_bytes):
    headers, interview, people, session_id = advanced(app, client, auth, aac_bytes)
    assert put(client, headers, session_id, {"kind": "offer_accepted", "value": True, "date": "2026-11-03"},
               {"kind": "started", "value": True, "date": "2026-11-05"}).status_code == 200
    funnel = client.get(f"/api/analytics/funnel?interview_id={interview['id']}", headers=headers).json
    hired = lambda f: next(s for s in f["stages"] if s["stage"] == "hired")["count"]  # noqa: E731
    assert hired(funnel) == 1
    rejected = client.post(f"/api/sessions/{session_id}/decision", headers=headers, json={"decision": "reject", "confirm_change": True})
    assert rejected.status_code == 200, rejected.json
    view = client.get(f"/api/sessions/{session_id}/outcomes", headers=headers).json
    assert view["outcomes"] == [] and len(view["set_aside_outcomes"]) == 2 and "不再计入" in view["note"]
    assert hired(client.get(f"/api/analytics/funnel?interview_id={interview['id']}", headers=headers).json) == 0
    with app.extensions["miaomian.engine"].connect() as connection:  # kept for audit
        assert connection.scalar(sa.select(sa.func.count()).select_from(outcomes)) == 2
    client.post(f"/api/sessions/{session_id}/decision", headers=headers, json={"decision": "advance", "confirm_change": True})
    assert len(client.get(f"/api/sessions/{session_id}/outcomes", headers=headers).json["outcomes"]) == 2


def test_impossible_outcome_combinations_are_refused_in_chinese(app, client, auth, aac_bytes):
    headers, interview, people, session_id = advanced(app, client, auth, aac_bytes, decided_at="2026-06-01 09:00:00")
    for items in (
            [{"kind": "started", "value": False, "date": "2026-06-10"},
             {"kind": "passed_probation", "value": True, "date": "2026-09-10"}],
            [{"kind": "started", "value": False, "date": "2026-06-10"},
             {"kind": "supervisor_rating", "value": 4, "date": "2026-09-10"}],
            [{"kind": "offer_accepted", "value": False, "date": "2026-06-05"},
             {"kind": "started", "value": True, "date": "2026-06-10"}],
            [{"kind": "offer_accepted", "value": False, "date": "2026-06-05"},
             {"kind": "employed_90_days", "value": True, "date": "2026-10-10"}],
            [{"kind": "started", "value": True, "date": "2026-06-10"},
             {"kind": "employed_90_days", "value": True, "date": "2026-07-10"}],
            [{"kind": "offer_accepted", "value": True, "date": "2026-06-20"},
             {"kind": "started", "value": True, "date": "2026-06-10"}]):
        response = put(client, headers, session_id, *items)
        assert_error(response, 422, "impossible_outcomes")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in response.json["message"])
    assert put(client, headers, session_id, {"kind": "started", "value": True, "date": "2026-06-10"}).status_code == 200
    # against what is already stored, too
    assert_error(put(client, headers, session_id, {"kind": "employed_90_days", "value": True, "date": "2026-08-01"}),
                 422, "impossible_outcomes")
    assert put(client, headers, session_id,
               {"kind": "employed_90_days", "value": True, "date": "2026-09-08"}).status_code == 200
    assert_error(put(client, headers, session_id, {"kind": "started", "value": False, "date": "2026-06-10"}),
                 422, "impossible_outcomes")


def test_outcome_dates_are_judged_in_china_time(app, client, auth, aac_bytes):
    now = datetime.now(timezone.utc)
    today_china = now.astimezone(CHINA).date()
    # decided 16:30 UTC yesterday-in-UTC = 00:30 today in China when that is a different day
    decided_utc = datetime.combine(today_china, datetime.min.time()) - timedelta(hours=8) + timedelta(minutes=30)
    headers, interview, people, session_id = advanced(app, client, auth, aac_bytes,
                                                      decided_at=decided_utc.strftime("%Y-%m-%d %H:%M:%S"))
    yesterday = (today_china - timedelta(days=1)).isoformat()
    early = put(client, headers, session_id, {"kind": "offer_accepted", "value": True, "date": yesterday})
    assert_error(early, 422, "before_decision")
    assert today_china.isoformat() in early.json["message"]
    assert put(client, headers, session_id,
               {"kind": "offer_accepted", "value": True, "date": today_china.isoformat()}).status_code == 200
    tomorrow = (today_china + timedelta(days=1)).isoformat()
    assert_error(put(client, headers, session_id, {"kind": "started", "value": True, "date": tomorrow}), 422)


def test_marshmallow_sentences_with_numbers_are_chinese(app, client, auth, aac_bytes):
    assert chinese_field_message("Longer than maximum length 1000.") == "最长 1000 个字"
    assert chinese_field_message("Special numeric values (nan or infinity) are not permitted.") == "不能是 NaN 或无穷大"
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    answer_id = answer_ids(client, headers, people[0][1])[0]
    other = answer_ids(client, headers, people[0][1])[1]
    response = client.post(f"/api/questions/{interview['questions'][0]['id']}/picks", headers=headers,
                           json={"better_answer_id": answer_id, "worse_answer_id": other, "competency": "x" * 41})
    assert_error(response, 422, "invalid")
    assert "Longer" not in str(response.json) and "Length" not in str(response.json)


def test_fairness_hides_cells_that_could_single_out_a_person(app, client, auth, aac_bytes):
    from tests.api.test_analytics import fairness_fixture
    headers, interview = fairness_fixture(app, client, auth, aac_bytes)
    with app.extensions["miaomian.engine"].connect() as connection:
        advanced_male = connection.execute(sa.select(sessions.c.id).where(sessions.c.decision == "advance")
                                           .order_by(sessions.c.id.desc())).scalars().first()
        decided = connection.scalar(sa.select(sessions.c.decided_at).where(sessions.c.id == advanced_male))
    day = (decided.replace(tzinfo=timezone.utc).astimezone(CHINA).date()).isoformat()
    assert put(client, headers, advanced_male, {"kind": "started", "value": True, "date": day}).status_code == 200
    report = client.get(f"/api/analytics/fairness?job_id={interview['job_id']}", headers=headers).json
    figures = {(f["attribute"], f["stage"]): f for f in report["figures"]}
    for key, figure in figures.items():  # no shown cell has 1–4 selected or not selected
        for group in figure["groups"]:
            if group["n"] is not None and group["selected"] is not None:
                assert group["selected"] in (0, group["n"]) or 5 <= group["selected"] <= group["n"] - 5, (key, group)
            assert group["n"] is None or group["n"] >= 5
            assert group["display"] and "None" not in group["display"]
    hired = figures[("gender", "hired")]  # the single hire cannot be told apart
    assert all(group["selected"] is None for group in hired["groups"])
    assert "1/" not in str(report)
    # a pass line that moves 1–4 declared people across is refused (it would difference the passed cell)
    with app.extensions["miaomian.engine"].begin() as connection:
        one = connection.execute(sa.select(sessions.c.id).where(sessions.c.overall == 50)).scalars().first()
        connection.execute(sessions.update().where(sessions.c.id == one).values(overall=55))
    refused = client.post("/api/scorer/threshold", headers=headers, json={"interview_id": interview["id"], "threshold": 54})
    assert_error(refused, 409, "threshold_isolates")
    assert "1 位" in refused.json["message"]
    assert client.post("/api/scorer/threshold", headers=headers,
                       json={"interview_id": interview["id"], "threshold": 45}).status_code == 200


def test_hr_credentials_cannot_read_or_write_a_declaration(app, client, auth, aac_bytes):
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    token = people[0][0]
    for method in ("get", "put", "delete"):
        response = getattr(client, method)(f"/api/c/{token}/declaration", headers=headers,
                                           json={"consent": True, "gender": "female"})
        assert_error(response, 403, "declaration_candidate_only")
        assert "候选人本人" in response.json["message"]
    assert client.get(f"/api/c/{token}/declaration").json["declared"] is False
    candidate_login = client.post("/api/auth/dev", json={"name": "应聘者"}).json  # a sign-in without organisation
    if candidate_login.get("org_id") is None and candidate_login.get("token"):
        mine = {"Authorization": f"Bearer {candidate_login['token']}"}
        assert client.get(f"/api/c/{token}/declaration", headers=mine).status_code == 200
    assert client.put(f"/api/c/{token}/declaration", json={"consent": True, "gender": "female"}).status_code == 200
    session_id = people[0][1]
    for path in (f"/api/sessions/{session_id}", f"/api/sessions/{session_id}/outcomes",
                 f"/api/analytics/funnel?interview_id={interview['id']}",
                 f"/api/analytics/funnel/export?format=csv&interview_id={interview['id']}"):
        text = client.get(path, headers=headers).get_data(as_text=True)
        assert "declar" not in text.lower() and "female" not in text and "自愿填写" not in text, path


def test_threshold_suggestion_warns_when_scores_do_not_predict_decisions_and_says_what_it_applies():
    from api.calibration import threshold
    random_like = threshold.suggest([70, 40, 65, 50, 55, 45], [68, 42, 60, 52, 58, 47])
    assert random_like["ready"] and random_like["balanced_accuracy"] < 0.7
    assert "关系不大" in random_like["warning"] and "决定还比较少" in random_like["warning"]
    clean = threshold.suggest([82.37, 78, 75, 71, 66.66, 58] * 3, [62, 55, 50, 47, 44, 40.12] * 3)
    assert clean["warning"] is None
    low, high = clean["review_band"]
    for value in (clean["threshold"], low, high):  # the text shows exactly what "采用建议" applies
        assert value == round(value, 1) and f"{value:g}" in clean["message"]


def test_progress_explains_in_chinese_why_ratings_do_not_count(app, client, auth, aac_bytes):
    from tests.api.decisions_flow import COMPETENCIES, contract_result, candidate
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    old = contract_result({c["name"]: 60.0 for c in COMPETENCIES}, {c["name"]: {} for c in COMPETENCIES})
    for competency in old["competencies"]:
        competency.pop("features", None)
    token, session_id = candidate(client, app, headers, interview, aac_bytes, [old, old], name="旧评分")
    for answer_id in answer_ids(client, headers, session_id):
        assert client.put(f"/api/answers/{answer_id}/ratings", headers=headers,
                          json={"ratings": [{"competency": COMPETENCIES[0]["name"], "rating": 4}]}).status_code == 200
    progress = client.get("/api/scorer", headers=headers).json["progress"]
    assert progress["rated_answers"] == 0 and progress["not_counted"]["old_scorer"] == 2
    assert "旧版本评分" in progress["not_counted"]["message"] and "缺少校准所需的特征" in progress["not_counted"]["message"]


def test_picks_are_one_row_per_rater_and_pair_and_a_later_pick_replaces(app, client, auth, aac_bytes):
    from api.schema import pair_picks
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=2)
    first, second = answer_ids(client, headers, people[0][1])[0], answer_ids(client, headers, people[1][1])[0]
    question_id = interview["questions"][0]["id"]
    url = f"/api/questions/{question_id}/picks"
    ids = {client.post(url, headers=headers, json={"better_answer_id": first, "worse_answer_id": second}).json["id"]
           for _ in range(3)}
    changed = client.post(url, headers=headers, json={"better_answer_id": second, "worse_answer_id": first})
    assert changed.status_code == 201 and {changed.json["id"]} == ids
    listed = client.get(url, headers=headers).json
    assert [(p["better_answer_id"], p["worse_answer_id"]) for p in listed] == [(second, first)]
    client.post(url, headers=headers, json={"better_answer_id": first, "worse_answer_id": second, "competency": "执行力"})
    colleague = auth.login(name="小李")
    client.post(url, headers=colleague, json={"better_answer_id": first, "worse_answer_id": second})
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(pair_picks)) == 3


def test_parallel_duplicate_picks_give_one_row(live_server, aac_bytes):
    import requests
    from api.schema import pair_picks
    from tests.api.test_malformed_and_races import at_once
    from tests.conftest import AuthActions
    app = live_server.app
    client = app.test_client()
    auth = AuthActions(client)
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=2)
    first, second = answer_ids(client, headers, people[0][1])[0], answer_ids(client, headers, people[1][1])[0]
    url = f"{live_server.url}/api/questions/{interview['questions'][0]['id']}/picks"
    codes = at_once(6, lambda i: requests.post(url, headers=headers, timeout=60, json={
        "better_answer_id": first if i % 2 else second, "worse_answer_id": second if i % 2 else first}).status_code)
    assert codes == [201] * 6, codes
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(pair_picks)) == 1


def test_superseded_attempts_cannot_be_rated_or_picked(app, client, auth, aac_bytes):
    from api.schema import answers
    from tests.api.flow import answer, invite, start
    headers, interview, people = setup_candidates(app, client, auth, aac_bytes, count=1)
    question_id = interview["questions"][0]["id"]
    item = invite(client, headers, interview["id"], names=("重答者",))[0]
    start(client, item["token"])
    answer(client, item["token"], question_id, aac_bytes)
    answer(client, item["token"], question_id, aac_bytes)
    with app.extensions["miaomian.engine"].connect() as connection:
        old, new = connection.execute(sa.select(answers.c.id).where(answers.c.session_id == item["session_id"],
                                                                    answers.c.question_id == question_id)
                                      .order_by(answers.c.attempt)).scalars().all()
    rating = {"ratings": [{"competency": "执行力", "rating": 4}]}
    refused = client.put(f"/api/answers/{old}/ratings", headers=headers, json=rating)
    assert_error(refused, 409, "superseded_answer")
    assert str(new) in refused.json["message"]
    assert client.put(f"/api/answers/{new}/ratings", headers=headers, json=rating).status_code == 200
    other = answer_ids(client, headers, people[0][1])[0]
    assert_error(client.post(f"/api/questions/{question_id}/picks", headers=headers,
                             json={"better_answer_id": old, "worse_answer_id": other}), 409, "superseded_answer")
    assert client.post(f"/api/questions/{question_id}/picks", headers=headers,
                       json={"better_answer_id": new, "worse_answer_id": other}).status_code == 201
