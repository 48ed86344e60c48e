"""The calibration loop on results the REAL analyzer produced: interview → candidates → answers scored by
functions.analyze.pipeline.analyze_transcript (real features, gates, ONNX scorer) posted through the signed
internal endpoint → HR ratings with a preference for concreteness → progress → proposal naming the preference
in Chinese → activation → confirmed re-score → exact rollback → the analysis context hands the calibration to
the analyzer, whose calibration.rescore gives the score the API computed. Both database backends."""
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import numpy as np
import sqlalchemy as sa

from api.schema import analysis_results, answers
from functions.analyze import pipeline
from functions.analyze.scoring import calibration
from functions.analyze.signing import sign_request
from tests.api.flow import answer, create_job, invite, start
from tests.api.test_scorer_versions import snapshot

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "models" / "scorer" / "data"
QIDS = ("q11", "q12", "q23")
CANDIDATES = 13


def context_for(app, client, key):
    path = "/api/internal/analysis-context?" + urlencode({"key": key})
    response = client.get(path, headers=sign_request(app.config["HMAC_KEY"], "GET", path))
    assert response.status_code == 200, response.json
    return response.json


def post_analysis(client, app, key, result):
    body = {"key": key, "status": result["status"], "reason": result["reason"], "result": result}
    raw = json.dumps(body, ensure_ascii=False).encode()
    headers = sign_request(app.config["HMAC_KEY"], "POST", "/api/internal/results", raw)
    response = client.post("/api/internal/results", data=raw, headers={**headers, "Content-Type": "application/json"})
    assert response.status_code == 200, response.json


def analyse_like_the_analyzer(app, client, key, text):
    """What functions/analyze/index.py does for one object, minus the audio: context → score → calibrate."""
    ctx = context_for(app, client, key)
    result = pipeline.analyze_transcript(text, ctx["question"], ctx["language"],
                                         scorer_version=ctx["scorer"]["version"])
    return ctx, calibration.apply_context(result, ctx["scorer"])


def stored(app, answer_id):
    with app.extensions["miaomian.engine"].connect() as connection:
        return json.loads(connection.scalar(sa.select(analysis_results.c.result)
                                            .where(analysis_results.c.answer_id == answer_id)))


def real_organisation(app, client, auth, aac):
    """13 candidates × 3 questions of the labelled corpus, each answer scored by the real pipeline."""
    questions = {q["qid"]: q for q in json.loads((DATA / "questions.json").read_text("utf-8"))}
    texts = {qid: [] for qid in QIDS}
    for line in (DATA / "answers.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["qid"] in texts:
            texts[row["qid"]].append(row["text"])
    headers = auth.login()
    body = [{"text": questions[q]["text"], "think_seconds": 10, "answer_seconds": questions[q]["answer_seconds"],
             "max_attempts": 2, "competencies": questions[q]["competencies"]} for q in QIDS]
    response = client.post(f"/api/jobs/{create_job(client, headers)['id']}/interviews", headers=headers,
                           json={"language": "zh", "questions": body})
    assert response.status_code == 201, response.json
    interview = response.json
    people = []
    for index in range(CANDIDATES):
        item = invite(client, headers, interview["id"], names=(f"候选{index}",))[0]
        start(client, item["token"])
        keys = [answer(client, item["token"], q["id"], aac) for q in interview["questions"]]
        assert client.post(f"/api/c/{item['token']}/submit").status_code == 200
        rows = []
        for key, qid, question in zip(keys, QIDS, interview["questions"]):
            text = texts[qid][index % len(texts[qid])]
            ctx, result = analyse_like_the_analyzer(app, client, key, text)
            assert ctx["scorer"] == {"version": "default", "calibration": None}
            post_analysis(client, app, key, result)
            rows.append({"key": key, "text": text, "answer_id": ctx["answer_id"], "result": result,
                         "competencies": [c["name"] for c in question["competencies"]]})
        people.append({"session_id": item["session_id"], "answers": rows})
    return headers, interview, people


def test_calibration_loop_on_real_analyzer_results(app, client, auth, aac_bytes, tmp_path):
    headers, interview, people = real_organisation(app, client, auth, aac_bytes)
    answers_all = [a for p in people for a in p["answers"]]
    scored = [a for a in answers_all if a["result"]["status"] == "scored"]
    gated = [a for a in answers_all if a["result"]["status"] != "scored"]
    assert len(scored) >= 30 and gated, (len(scored), len(gated))
    for a in scored:      # the contract calibration fits on: every competency has a 0–100 score and features
        for comp in a["result"]["competencies"]:
            assert 0 <= comp["score"] <= 100 and comp["features"]
            assert all(isinstance(v, (int, float)) for v in comp["features"].values())
    scores = [c["score"] for a in scored for c in a["result"]["competencies"]]
    assert max(scores) - min(scores) > 30, "strong and poor answers are far apart"

    # HR values concreteness: its rating adds 20 points per SD of the answer's concreteness to the default's view
    conc = np.array([c["features"]["concreteness"] for a in scored for c in a["result"]["competencies"]])
    mean, sd = float(conc.mean()), float(conc.std())
    assert sd > 0
    for a in scored:
        ratings = [{"competency": c["name"],
                    "rating": int(np.clip(round(1 + (c["score"] + 20 * (c["features"]["concreteness"] - mean) / sd) / 25),
                                          1, 5))}
                   for c in a["result"]["competencies"]]
        response = client.put(f"/api/answers/{a['answer_id']}/ratings", headers=headers, json={"ratings": ratings})
        assert response.status_code == 200, response.json
    # a gated answer HR rated anyway does not count, and the overview says why
    gated_rating = client.put(f"/api/answers/{gated[0]['answer_id']}/ratings", headers=headers,
                              json={"ratings": [{"competency": gated[0]["competencies"][0], "rating": 1}]})
    assert gated_rating.status_code == 200, gated_rating.json

    overview = client.get("/api/scorer", headers=headers).json
    counted = {p["session_id"] for p in people if any(a in scored for a in p["answers"])}
    assert overview["progress"]["rated_answers"] == len(scored)
    assert overview["progress"]["rated_candidates"] == len(counted)
    assert overview["progress"]["ready"] is True
    assert overview["progress"]["not_counted"]["not_scored"] == 1
    assert "没有自动评分" in overview["progress"]["not_counted"]["message"]

    before = snapshot(app)
    proposed = client.post("/api/scorer/versions", headers=headers)
    assert proposed.status_code == 201, proposed.json
    version = proposed.json
    assert any("更看重具体数字和细节" in sentence for sentence in version["summary"]), version["summary"]
    shared = {row["feature"]: row["points"] for row in version["weight_changes"] if row["competency"] is None}
    assert shared["concreteness"] > 0 and shared["concreteness"] == max(shared.values()), shared

    activated = client.post(f"/api/scorer/versions/{version['id']}/activate", headers=headers, json={})
    if activated.status_code == 409 and activated.json["error"] == "fairness_gate":
        activated = client.post(f"/api/scorer/versions/{version['id']}/activate", headers=headers,
                                json={"justification": "我们岗位需要员工能讲清楚具体数字和细节，已人工复核过评分"})
    assert activated.status_code == 200, activated.json
    assert activated.json["active"] == version["version"]
    assert snapshot(app) == before, "activation alone re-scores nothing"

    rescored = client.post("/api/scorer/rescore", headers=headers, json={"confirm": True})
    assert rescored.status_code == 200, rescored.json
    assert rescored.json["answers"] == len(scored) and rescored.json["changed"] > 0
    assert rescored.json["version"] == version["version"]
    after = snapshot(app)
    assert after[0] != before[0] and after[2] != before[2]
    for a in scored:
        result = stored(app, a["answer_id"])
        assert result["model_versions"]["scorer"] == version["version"]
        assert result["default_scorer"] == a["result"]["model_versions"]["scorer"]
    for a in gated:
        assert stored(app, a["answer_id"])["status"] != "scored"

    # the analyzer, handed the active calibration in the analysis context, scores each answer as the API did
    for a in scored[:6]:
        ctx, result = analyse_like_the_analyzer(app, client, a["key"], a["text"])
        assert ctx["already_analysed"] is True and ctx["scorer"]["version"] == version["version"]
        api_result = stored(app, a["answer_id"])
        assert result["model_versions"]["scorer"] == version["version"]
        assert [c["score"] for c in result["competencies"]] == [c["score"] for c in api_result["competencies"]]
        assert result["overall"] == api_result["overall"]

    # the analyzer's CLI, given the analysis context document as its question file, prints the same scores
    a = scored[1]
    ctx = context_for(app, client, a["key"])
    (tmp_path / "context.json").write_text(json.dumps(ctx, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "answer.txt").write_text(a["text"], encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "functions.analyze", "-", "--question", str(tmp_path / "context.json"),
                          "--transcript", str(tmp_path / "answer.txt"), "--compact"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    printed, api_result = json.loads(cli.stdout), stored(app, a["answer_id"])
    assert printed["model_versions"]["scorer"] == version["version"]
    assert [c["score"] for c in printed["competencies"]] == [c["score"] for c in api_result["competencies"]]

    # a new answer arriving after activation: the analyzer calibrates it and the API stores it as it came
    item = invite(client, headers, interview["id"], names=("新来的",))[0]
    start(client, item["token"])
    key = answer(client, item["token"], interview["questions"][0]["id"], aac_bytes)
    text = scored[0]["text"]
    ctx, result = analyse_like_the_analyzer(app, client, key, text)
    assert ctx["already_analysed"] is False and result["status"] == "scored"
    assert result["model_versions"]["scorer"] == version["version"]
    post_analysis(client, app, key, result)
    arrived = stored(app, ctx["answer_id"])
    assert [c["score"] for c in arrived["competencies"]] == [c["score"] for c in result["competencies"]]
    assert arrived["model_versions"]["scorer"] == version["version"]

    rolled = client.post("/api/scorer/rollback", headers=headers, json={"version_id": "default", "rescore": True})
    assert rolled.status_code == 200, rolled.json
    assert rolled.json["active"] == "default"
    restored = snapshot(app)
    for part in range(3):
        for id_, value in before[part].items():
            assert restored[part][id_] == value, "rolling back restores every score exactly"
    for a in scored:
        assert stored(app, a["answer_id"])["model_versions"]["scorer"] == a["result"]["model_versions"]["scorer"]
    # the answer that arrived calibrated gets the default scorer's own scores back
    default_view = pipeline.analyze_transcript(text, ctx["question"], ctx["language"])
    back = stored(app, ctx["answer_id"])
    assert [c["score"] for c in back["competencies"]] == [c["score"] for c in default_view["competencies"]]
    assert back["overall"] == default_view["overall"]
    assert context_for(app, client, key)["scorer"] == {"version": "default", "calibration": None}
