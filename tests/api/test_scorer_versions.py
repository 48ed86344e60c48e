"""Per-organisation scorer versions through the API: progress, propose, what changed, activate, the analysis
context, re-score, exact rollback, the fairness gate and the threshold suggestion. Both backends."""
import json
from urllib.parse import urlencode

import sqlalchemy as sa

from api.calibration import threshold
from api.schema import analysis_results, answers, audit_log, scorer_versions, sessions
from api.timeutil import utcnow
from bench.simulated_org import simulate
from functions.analyze.scoring import model
from functions.analyze.signing import sign_request
from tests.api.decisions_flow import COMPETENCIES, candidate, contract_result, post_result
from tests.api.flow import answer, create_interview, invite, start
from tests.api.test_hr_resources import assert_error


def context_for(app, client, key):
    path = "/api/internal/analysis-context?" + urlencode({"key": key})
    return client.get(path, headers=sign_request(app.config["HMAC_KEY"], "GET", path)).json


def snapshot(app):
    with app.extensions["miaomian.engine"].connect() as connection:
        results = {row.answer_id: [c["score"] for c in json.loads(row.result)["competencies"]]
                   for row in connection.execute(sa.select(analysis_results))}
        answer_scores = dict(connection.execute(sa.select(answers.c.id, answers.c.overall)).all())
        session_scores = {row.id: (row.overall, row.recommended)
                          for row in connection.execute(sa.select(sessions.c.id, sessions.c.overall, sessions.c.recommended))}
    return results, answer_scores, session_scores


def rated_organisation(app, client, auth, aac, answers_count=36, scorer=None):
    """12 candidates × 3 questions whose simulated results follow the contract (scored by the default scorer
    version `scorer`, the current one when None); HR rates every competency the way an organisation that
    rewards concreteness twice as much would (bench/simulated_org.py)."""
    headers = auth.login()
    interview = create_interview(client, headers, questions=3, competencies=COMPETENCIES, pass_threshold=60)
    ratings = simulate(answers_count, concreteness_factor=2.0, seed=4)
    by_answer = {}
    for r in ratings:
        by_answer.setdefault(r.answer, []).append(r)
    people = []
    for start_index in range(0, answers_count, 3):
        group = [by_answer[a] for a in range(start_index, start_index + 3)]
        results = [contract_result({r.competency: r.default_score for r in g}, {r.competency: r.features for r in g},
                                   scorer) for g in group]
        token, session_id = candidate(client, app, headers, interview, aac, results, name=f"候选{start_index}")
        report = client.get(f"/api/sessions/{session_id}", headers=headers).json
        people.append({"token": token, "session_id": session_id, "group": group,
                       "answers": [q["answer"]["id"] for q in report["questions"]]})
    return headers, interview, people


def rate_all(client, headers, people, upto=None):
    for person in people[:upto]:
        for answer_id, group in zip(person["answers"], person["group"]):
            response = client.put(f"/api/answers/{answer_id}/ratings", headers=headers,
                                  json={"ratings": [{"competency": r.competency, "rating": r.rating} for r in group]})
            assert response.status_code == 200, response.json


def test_calibrate_activate_rescore_and_roll_back_exactly(app, client, auth, aac_bytes):
    headers, interview, people = rated_organisation(app, client, auth, aac_bytes)
    refused = client.post("/api/scorer/versions", headers=headers)
    assert_error(refused, 409, "not_enough_ratings")
    assert "0 个回答" in refused.json["message"]
    rate_all(client, headers, people, upto=5)
    overview = client.get("/api/scorer", headers=headers).json
    assert overview["active"] == "default" and overview["versions"] == []
    assert overview["progress"]["rated_answers"] == 15 and overview["progress"]["rated_candidates"] == 5
    assert overview["progress"]["fraction"] == 0.5 and overview["progress"]["ready"] is False
    assert "再评 15 个回答" in overview["progress"]["message"]
    rate_all(client, headers, people[5:])
    assert client.get("/api/scorer", headers=headers).json["progress"]["ready"] is True

    before = snapshot(app)
    proposed = client.post("/api/scorer/versions", headers=headers)
    assert proposed.status_code == 201, proposed.json
    version = proposed.json
    org_id = client.post("/api/auth/dev", json={"name": "王经理", "org": "好味餐饮"}).json["org_id"]
    assert version["version"] == f"org-{org_id}-1" and version["status"] == "proposed"
    assert version["validation"]["held_out_candidates"] >= 2 and "interval" in version["validation"]["calibrated"]
    assert version["summary"] and all(isinstance(s, str) for s in version["summary"])
    assert {row["feature"] for row in version["weight_changes"]} >= {"concreteness", "relevance"}
    assert version["ratings"]["ready"] is True
    assert snapshot(app) == before, "proposing changes no score"

    with app.extensions["miaomian.engine"].connect() as connection:
        first_key = connection.scalar(sa.select(answers.c.object_key).where(answers.c.id == people[0]["answers"][0]))
    assert context_for(app, client, first_key)["scorer"] == {"version": "default", "calibration": None}

    activated = client.post(f"/api/scorer/versions/{version['id']}/activate", headers=headers, json={})
    assert activated.status_code == 200, activated.json
    assert activated.json["active"] == version["version"] and activated.json["rescored"] is None
    assert snapshot(app) == before, "activation alone re-scores nothing"
    context = context_for(app, client, first_key)["scorer"]
    assert context["version"] == version["version"] and context["calibration"]["features"]

    assert_error(client.post("/api/scorer/rescore", headers=headers, json={"confirm": False}), 422, "confirm_required")
    rescored = client.post("/api/scorer/rescore", headers=headers, json={"confirm": True})
    assert rescored.status_code == 200, rescored.json
    assert rescored.json["answers"] == 36 and rescored.json["changed"] > 0
    after = snapshot(app)
    assert after[0] != before[0] and after[1] != before[1]
    report = client.get(f"/api/sessions/{people[0]['session_id']}", headers=headers).json
    assert report["questions"][0]["answer"]["model_versions"]["scorer"] == version["version"]
    assert report["overall"] == after[2][people[0]["session_id"]][0]

    rolled = client.post("/api/scorer/rollback", headers=headers, json={"version_id": None, "rescore": True})
    assert rolled.status_code == 200, rolled.json
    assert rolled.json["active"] == "default" and rolled.json["rescored"]["changed"] == 36
    assert snapshot(app) == before, "rolling back restores every score exactly"
    report = client.get(f"/api/sessions/{people[0]['session_id']}", headers=headers).json
    assert report["questions"][0]["answer"]["model_versions"]["scorer"] == model.default_label()

    again = client.post("/api/scorer/rollback", headers=headers, json={"version_id": version["id"], "rescore": True})
    assert again.json["active"] == version["version"] and snapshot(app) == after
    listed = client.get("/api/scorer", headers=headers).json
    assert listed["active"] == version["version"] and [v["status"] for v in listed["versions"]] == ["active"]
    with app.extensions["miaomian.engine"].connect() as connection:
        actions = list(connection.execute(sa.select(audit_log.c.action).where(audit_log.c.action.like("scorer.%"))
                                          .order_by(audit_log.c.id)).scalars())
    assert actions == ["scorer.proposed", "scorer.activated", "scorer.rescored", "scorer.rolled_back", "scorer.rescored",
                       "scorer.rolled_back", "scorer.rescored"]


def test_a_result_scored_by_the_default_is_calibrated_on_arrival(app, client, auth, aac_bytes):
    headers, interview, people = rated_organisation(app, client, auth, aac_bytes)
    rate_all(client, headers, people)
    version = client.post("/api/scorer/versions", headers=headers).json
    client.post(f"/api/scorer/versions/{version['id']}/activate", headers=headers, json={})
    group = simulate(3, seed=77)
    results = [contract_result({r.competency: r.default_score for r in group[i:i + 2]},
                               {r.competency: r.features for r in group[i:i + 2]}) for i in (0, 2, 4)]
    token, session_id = candidate(client, app, headers, interview, aac_bytes, results, name="新人")
    answer_report = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]
    assert answer_report["model_versions"]["scorer"] == version["version"]
    assert [c["default_score"] for c in answer_report["competencies"]] == [c["score"] for c in results[0]["competencies"]]


def gate_fixture(app, client, auth, aac):
    """20 candidates all scored 70 by the default (pass line 60): 10 declared female whose answers have
    pauses = 1, 10 male with pauses = 0."""
    headers = auth.login()
    interview = create_interview(client, headers, questions=1, competencies=COMPETENCIES, pass_threshold=60)
    for index in range(20):
        gender = "female" if index % 2 else "male"
        features = {"pauses": 1.0 if gender == "female" else 0.0, "concreteness": 0.5 + index / 100}
        item = invite(client, headers, interview["id"], names=(f"人{index}",))[0]
        start(client, item["token"])
        key = answer(client, item["token"], interview["questions"][0]["id"], aac)
        client.post(f"/api/c/{item['token']}/submit")
        post_result(client, app, key, contract_result({c["name"]: 70.0 for c in COMPETENCIES},
                                                      {c["name"]: features for c in COMPETENCIES}))
        client.put(f"/api/c/{item['token']}/declaration", json={"consent": True, "gender": gender})
    return headers


def insert_calibration(app, org_id, number, calibration):
    """A proposed scorer version with this calibration, as if the organisation had proposed it."""
    with app.extensions["miaomian.engine"].begin() as connection:
        return connection.execute(scorer_versions.insert().values(
            org_id=org_id, number=number, version=f"org-{org_id}-{number}", status="proposed",
            calibration=json.dumps(calibration), created_at=utcnow())).inserted_primary_key[0]


def insert_version(app, org_id, number, pauses_weight, base=None):
    calibration = {"format": 1, "features": ["pauses"], "center": {"pauses": 0.5}, "scale": {"pauses": 0.5},
                   "shared": {"intercept": 0.0, "slope": 1.0, "weights": {"pauses": pauses_weight}},
                   "competencies": {}, "prior_strength": 8.0, "base": base or model.default_label()}
    return insert_calibration(app, org_id, number, calibration)


def test_the_fairness_gate_refuses_a_worse_version_without_a_written_justification(app, client, auth, aac_bytes):
    headers = gate_fixture(app, client, auth, aac_bytes)
    org_id = client.post("/api/auth/dev", json={"name": "王经理", "org": "好味餐饮"}).json["org_id"]
    # pauses −1 per SD: female answers fall to 45 (below 60), male rise to 95 → impact ratio 0 against 1.0.
    biased = insert_version(app, org_id, 1, -1.0)
    harmless = insert_version(app, org_id, 2, 0.0)
    refused = client.post(f"/api/scorer/versions/{biased}/activate", headers=headers, json={})
    assert_error(refused, 409, "fairness_gate")
    assert "0.00" in refused.json["message"] and "1.00" in refused.json["message"] and "理由" in refused.json["message"]
    assert_error(client.post(f"/api/scorer/versions/{biased}/activate", headers=headers,
                             json={"justification": "太短"}), 409, "fairness_gate")
    assert client.get("/api/scorer", headers=headers).json["active"] == "default"

    accepted = client.post(f"/api/scorer/versions/{harmless}/activate", headers=headers, json={})
    assert accepted.status_code == 200 and accepted.json["fairness"]["proposed"] == 1.0

    reason = "试用期数据显示停顿多的人确实更难胜任电话客服岗位，已请法务复核"
    forced = client.post(f"/api/scorer/versions/{biased}/activate", headers=headers, json={"justification": reason})
    assert forced.status_code == 200, forced.json
    assert forced.json["fairness"] == {"proposed": 0.0, "active": 1.0, "note": forced.json["fairness"]["note"]}
    with app.extensions["miaomian.engine"].connect() as connection:
        detail = connection.scalar(sa.select(audit_log.c.detail).where(audit_log.c.action == "scorer.activated")
                                   .order_by(audit_log.c.id.desc()))
    assert detail["justification"] == reason and detail["fairness"]["proposed"] == 0.0
    # rolling back to the default is always allowed
    assert client.post("/api/scorer/rollback", headers=headers, json={"version_id": None}).json["active"] == "default"
    # the justification is visible to the organisation in its scorer audit view, and to no other organisation
    history = client.get("/api/scorer", headers=headers).json["history"]
    assert [h["action"] for h in history[:2]] == ["scorer.rolled_back", "scorer.activated"]
    assert history[1]["justification"] == reason and history[1]["by"] == "王经理"
    assert history[1]["fairness"]["proposed"] == 0.0 and history[0]["version"] == "default"
    assert client.get("/api/scorer/history", headers=headers).json["history"] == history
    stranger = auth.login(name="赵总", org="别家公司")
    assert client.get("/api/scorer/history", headers=stranger).json["history"] == []


def test_threshold_is_suggested_from_the_organisations_decisions():
    assert threshold.suggest([80, 75], [40])["ready"] is False
    out = threshold.suggest([82, 78, 75, 71, 66, 58], [62, 55, 50, 47, 44, 40])
    # By hand: J = TPR − FPR is 5/6 at cuts 58 (6/6 − 1/6) and 66 (5/6 − 0), 4/6 at 62 → midpoint 62.
    assert out["ready"] is True and out["threshold"] == 62.0
    assert out["review_band"][0] <= 57 and out["review_band"][1] >= 67
    assert out["balanced_accuracy"] == round((5 / 6 + 1) / 2, 3) and "62" in out["message"]


def test_threshold_endpoint_uses_the_decisions_recorded(app, client, auth, aac_bytes):
    headers, interview, people = rated_organisation(app, client, auth, aac_bytes, answers_count=36)
    overalls = sorted(((client.get(f"/api/sessions/{p['session_id']}", headers=headers).json["overall"], p["session_id"])
                       for p in people), reverse=True)
    for rank, (_, session_id) in enumerate(overalls):
        client.post(f"/api/sessions/{session_id}/decision", headers=headers,
                    json={"decision": "advance" if rank < 6 else "reject"})
    out = client.get(f"/api/scorer/threshold?interview_id={interview['id']}", headers=headers).json
    assert out["ready"] is True and out["current_threshold"] == 60
    assert overalls[6][0] < out["threshold"] <= overalls[5][0]
    assert out["balanced_accuracy"] == 1.0


def test_hr_applies_a_threshold_with_a_review_band_that_routes_to_a_person(app, client, auth, aac_bytes):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1, competencies=COMPETENCIES, pass_threshold=60)
    scores = {}
    for score in (40.0, 58.0, 63.0, 80.0):
        token, session_id = candidate(client, app, headers, interview, aac_bytes,
                                      [contract_result({c["name"]: score for c in COMPETENCIES},
                                                       {c["name"]: {"concreteness": 0.5} for c in COMPETENCIES})])
        scores[session_id] = score

    def verdicts():
        listed = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json
        return {s["overall"]: s["recommended"] for s in listed}

    assert verdicts() == {40.0: False, 58.0: False, 63.0: True, 80.0: True}
    for bad in ({"interview_id": interview["id"], "threshold": 60, "review_band": [62, 70]},
                {"interview_id": interview["id"], "threshold": 160},
                {"interview_id": interview["id"], "threshold": 60, "review_band": [55]}):
        assert_error(client.post("/api/scorer/threshold", headers=headers, json=bad), 422)
    applied = client.post("/api/scorer/threshold", headers=headers,
                          json={"interview_id": interview["id"], "threshold": 60, "review_band": [55, 65]})
    assert applied.status_code == 200, applied.json
    assert applied.json["sessions_updated"] == 4
    assert verdicts() == {40.0: False, 58.0: None, 63.0: None, 80.0: True}
    assert client.get(f"/api/interviews/{interview['id']}", headers=headers).json["review_band"] == [55, 65]
    # a new candidate inside the band is settled with no automated verdict
    candidate(client, app, headers, interview, aac_bytes,
              [contract_result({c["name"]: 61.0 for c in COMPETENCIES}, {c["name"]: {"concreteness": 0.5} for c in COMPETENCIES})])
    assert verdicts()[61.0] is None
    client.post("/api/scorer/threshold", headers=headers, json={"interview_id": interview["id"], "threshold": 50})
    assert verdicts() == {40.0: False, 58.0: True, 61.0: True, 63.0: True, 80.0: True}
    assert_error(client.post("/api/scorer/threshold", headers=auth.login(name="赵总", org="别家公司"),
                             json={"interview_id": interview["id"], "threshold": 50}), 404)
