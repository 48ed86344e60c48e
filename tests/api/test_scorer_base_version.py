"""A calibration belongs to the exact default scorer version it was fitted on: proposals record it, it scores
only results of that version, HR reads (Chinese) when the default changed and the calibration needs refitting,
an outdated version cannot be activated, and only the organisation's owner activates or rolls back. Both
database backends. "The default changed" is real: the results come from an earlier default scorer listed in
models/manifest.json, the one new answers are no longer scored with."""
import json

import pytest
import sqlalchemy as sa

from api.calibration import service
from api.schema import analysis_results, answers, scorer_versions
from bench.simulated_org import simulate
from functions.analyze.scoring import calibration as cal
from functions.analyze.scoring import model
from tests.api.decisions_flow import candidate, contract_result
from tests.api.test_hr_resources import assert_error
from tests.api.test_scorer_versions import insert_calibration, insert_version, rate_all, rated_organisation


def earlier_default() -> str:
    labels = sorted((e["version"] for e in model.entries() if e["name"] == "default"))
    assert len(labels) >= 2, "the manifest lists an earlier default scorer"
    earlier = f"default-{labels[-2]}"
    assert earlier != model.default_label()
    return earlier


def org_id_of(client, name="王经理"):
    return client.post("/api/auth/dev", json={"name": name, "org": "好味餐饮"}).json["org_id"]


def stored_result(app, answer_id):
    with app.extensions["miaomian.engine"].connect() as connection:
        return json.loads(connection.scalar(sa.select(analysis_results.c.result)
                                            .where(analysis_results.c.answer_id == answer_id)))


def test_a_proposal_records_the_exact_default_scorer_it_was_fitted_on(app, client, auth, aac_bytes):
    headers, _, people = rated_organisation(app, client, auth, aac_bytes)
    rate_all(client, headers, people)
    overview = client.get("/api/scorer", headers=headers).json
    assert overview["default_scorer"] == model.default_label() and overview["refit"] is None
    proposed = client.post("/api/scorer/versions", headers=headers)
    assert proposed.status_code == 201, proposed.json
    assert proposed.json["base"] == model.default_label() and proposed.json["outdated"] is False
    with app.extensions["miaomian.engine"].connect() as connection:
        stored = json.loads(connection.scalar(sa.select(scorer_versions.c.calibration)
                                              .where(scorer_versions.c.id == proposed.json["id"])))
    assert stored["base"] == model.default_label()


def test_after_the_default_changed_the_old_calibration_is_not_applied_and_hr_is_told_to_refit(
        app, client, auth, aac_bytes):
    earlier = earlier_default()
    headers, interview, people = rated_organisation(app, client, auth, aac_bytes, scorer=earlier)
    rate_all(client, headers, people)
    # ratings of answers the earlier default scored do not count toward a calibration of the current one
    overview = client.get("/api/scorer", headers=headers).json
    assert overview["progress"]["rated_answers"] == 0 and overview["progress"]["base"] == model.default_label()
    assert overview["progress"]["not_counted"]["other_version"] == 36
    assert "36 个回答是其他版本的默认评分打的分" in overview["progress"]["not_counted"]["message"]
    assert_error(client.post("/api/scorer/versions", headers=headers), 409, "not_enough_ratings")

    # the organisation's version was fitted on the earlier default and was active when the default changed
    org_id = org_id_of(client)
    stale = insert_calibration(app, org_id, 1, cal.fit(simulate(36, concreteness_factor=2.0, seed=4),
                                                        base_version=earlier))
    with app.extensions["miaomian.engine"].begin() as connection:
        service.set_active(connection, org_id, stale)
    overview = client.get("/api/scorer", headers=headers).json
    refit = overview["refit"]
    assert refit["version"] == f"org-{org_id}-1" and refit["base"] == earlier
    assert refit["current_default"] == model.default_label()
    assert f"默认评分已更新为 {model.default_label()}" in refit["message"] and "重新生成" in refit["message"]
    assert overview["versions"][0]["outdated"] is True and overview["versions"][0]["base"] == earlier

    # a new answer scored by the current default keeps the default's scores and says why
    group = simulate(3, seed=91)
    results = [contract_result({r.competency: r.default_score for r in group[i:i + 2]},
                               {r.competency: r.features for r in group[i:i + 2]}) for i in (0, 2, 4)]
    _, session_id = candidate(client, app, headers, interview, aac_bytes, results, name="新人")
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    new_answer = report["questions"][0]["answer"]["id"]
    kept = stored_result(app, new_answer)
    assert [c["score"] for c in kept["competencies"]] == [c["score"] for c in results[0]["competencies"]]
    assert kept["model_versions"]["scorer"] == model.default_label()
    assert kept["calibration_skipped"] == {"version": f"org-{org_id}-1", "base": earlier,
                                           "scored_by": model.default_label()}

    # re-scoring with the stale version touches only the earlier default's results, and counts the others
    rescored = client.post("/api/scorer/rescore", headers=headers, json={"confirm": True})
    assert rescored.status_code == 200, rescored.json
    assert rescored.json["answers"] == 36 and rescored.json["other_version"] == 3 and rescored.json["changed"] > 0
    assert stored_result(app, new_answer) == kept
    old = stored_result(app, people[0]["answers"][0])
    assert old["model_versions"]["scorer"] == f"org-{org_id}-1" and old["default_scorer"] == earlier

    # an outdated version cannot be (re)activated; going back to the default always can
    assert_error(client.post(f"/api/scorer/versions/{stale}/activate", headers=headers, json={}),
                 409, "calibration_outdated")
    assert_error(client.post("/api/scorer/rollback", headers=headers, json={"version_id": stale}),
                 409, "calibration_outdated")
    back = client.post("/api/scorer/rollback", headers=headers, json={"version_id": "default", "rescore": True})
    assert back.status_code == 200, back.json
    assert back.json["active"] == "default" and back.json["rescored"]["changed"] == 36
    assert client.get("/api/scorer", headers=headers).json["refit"] is None
    with app.extensions["miaomian.engine"].connect() as connection:
        overalls = dict(connection.execute(sa.select(answers.c.id, answers.c.overall)).all())
    restored = stored_result(app, people[0]["answers"][0])
    assert restored["model_versions"]["scorer"] == earlier
    assert overalls[people[0]["answers"][0]] == restored["overall"]


@pytest.mark.parametrize("action", ("activate", "rollback"))
def test_only_the_owner_activates_or_rolls_back_a_scorer_version(app, client, auth, action):
    owner = auth.login()
    colleague = auth.login(name="李专员")
    assert client.post("/api/auth/dev", json={"name": "李专员", "org": "好味餐饮"}).json["role"] == "hr"
    version = insert_version(app, org_id_of(client), 1, 0.2)

    def attempt(headers):
        if action == "activate":
            return client.post(f"/api/scorer/versions/{version}/activate", headers=headers, json={})
        return client.post("/api/scorer/rollback", headers=headers, json={"version_id": version})

    refused = attempt(colleague)
    assert_error(refused, 403, "owner_only")
    assert "管理员" in refused.json["message"]
    assert_error(client.post("/api/scorer/rollback", headers=colleague, json={"version_id": "default"}),
                 403, "owner_only")
    assert client.get("/api/scorer", headers=colleague).json["active"] == "default"
    allowed = attempt(owner)
    assert allowed.status_code == 200, allowed.json
    assert client.get("/api/scorer", headers=colleague).json["active"] == f"org-{org_id_of(client)}-1"
