"""Candidates taken through the real flow (invite, consent, upload, submit) whose analysis results follow the
0–100 contract with per-competency features, posted to the signed internal endpoint as the analyzer does."""
import json

from functions.analyze.scoring import model
from functions.analyze.signing import sign_request
from tests.api.flow import answer, fresh_phone, invite, start

COMPETENCIES = [{"name": "执行力", "weight": 1, "keywords": ["安排", "按时"]},
                {"name": "团队协作", "weight": 1, "keywords": ["同事", "分工"]}]
QUESTION = {"text": "讲一次你遇到紧急订单的经历，你是怎么安排的，结果怎样？", "think_seconds": 10, "answer_seconds": 60,
            "max_attempts": 2}


def post_result(client, app, key, result, status="scored"):
    body = {"key": key, "status": status, "reason": None, "result": result}
    raw = json.dumps(body, ensure_ascii=False).encode()
    headers = sign_request(app.config["HMAC_KEY"], "POST", "/api/internal/results", raw)
    response = client.post("/api/internal/results", data=raw, headers={**headers, "Content-Type": "application/json"})
    assert response.status_code == 200, response.json
    return response.json


def contract_result(scores: dict, features: dict, version=None) -> dict:
    """A scored result: scores {competency: 0–100}, features {competency: {feature: value}}; scored by the
    current default scorer unless `version` names another."""
    comps = [{"name": name, "weight": 1 / len(scores), "score": score, "features": dict(features[name]),
              "reasons": ["举了具体数字。", "说到了自己的行动。"]} for name, score in scores.items()]
    overall = round(sum(c["weight"] * c["score"] for c in comps), 1)
    return {"status": "scored", "reason": None, "reason_code": None, "competencies": comps, "overall": overall,
            "feedback": {"strengths": ["有具体例子"], "suggestions": []},
            "model_versions": {"scorer": version or model.default_label()}}


def candidate(client, app, headers, interview, aac, results=None, name="候选人", submit=True, **invite_extra):
    """Invite, consent, answer every question with real AAC, submit, and post one result per question.
    results: one analysis result per question (None: analysis still pending). Returns (token, session_id)."""
    invitation = invite(client, headers, interview["id"], names=(name,), phones=[fresh_phone()], **invite_extra)[0]
    token = invitation["token"]
    start(client, token)
    keys = [answer(client, token, q["id"], aac) for q in interview["questions"]]
    if submit:
        assert client.post(f"/api/c/{token}/submit").status_code == 200
    for key, result in zip(keys, results or []):
        post_result(client, app, key, result)
    return token, invitation["session_id"]


def answer_ids(client, headers, session_id) -> list[int]:
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json
    return [q["answer"]["id"] for q in report["questions"]]
