"""Issue 11, round three: faults an outside tester found after the round-two fixes (decisions through hold,
reading questions ahead, non-JSON bodies, two devices, phone/name normalisation, HR field labels, inbox
counts, mid-interview resend/close). Each runs on SQLite and MariaDB."""
import sqlalchemy as sa

from tests.api.decisions_flow import candidate, contract_result
from tests.api.flow import create_interview, invite, start

SCORED = contract_result({"沟通表达": 70.0, "解决问题": 60.0}, {"沟通表达": {"words": 40.0}, "解决问题": {"words": 40.0}})


def _login(client, name="王经理", org="好味餐饮"):
    response = client.post("/api/auth/dev", json={"name": name, "org": org})
    assert response.status_code == 200, response.json
    return {"Authorization": f"Bearer {response.json['token']}"}


def _rows(app, sql, **params):
    with app.extensions["miaomian.engine"].connect() as connection:
        return list(connection.execute(sa.text(sql), params))


def test_reversal_through_hold_needs_confirmation_and_every_told_outcome_is_its_own_message(app, client, aac_bytes):
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    token, session_id = candidate(client, app, headers, interview, aac_bytes, results=[SCORED])
    url = f"/api/sessions/{session_id}/decision"

    def decide(decision, **extra):
        return client.post(url, json={"decision": decision, **extra}, headers=headers)

    assert decide("advance").status_code == 200
    assert decide("reject", confirm_change=True).status_code == 200
    # Away from the told 未通过 to hold: confirmation, and the answer says hold tells the candidate nothing.
    refused = decide("hold")
    assert refused.status_code == 409 and refused.json["error"] == "decision_change_unconfirmed"
    assert "候选人" in refused.json["message"] and "不会给候选人发通知" in refused.json["message"]
    held = decide("hold", confirm_change=True)
    assert held.status_code == 200 and held.json["told_candidate"] is False and "不会给候选人发通知" in held.json["candidate_sees"]
    assert client.get(f"/api/c/{token}/report").json["decision"]["status"] == "hold"
    # hold → advance: still a change from the told 未通过.
    refused = decide("advance")
    assert refused.status_code == 409 and "候选人已被告知「未通过」" in refused.json["message"]
    final = decide("advance", confirm_change=True)
    assert final.status_code == 200 and final.json["told_candidate"] is True
    keys = [row[0] for row in _rows(app, "SELECT idempotency_key FROM notifications WHERE kind = 'decision_made' "
                                         "ORDER BY id")]
    assert keys == [f"decision_made:session:{session_id}:advance:1", f"decision_made:session:{session_id}:reject:2",
                    f"decision_made:session:{session_id}:advance:4"]
    history = client.get(f"/api/sessions/{session_id}", headers=headers).json["decision_history"]
    assert [(item["decision"], item["told_candidate"]) for item in history] == [
        ("advance", True), ("reject", True), ("hold", False), ("advance", True)]
    assert history[2]["told_text"] == "待定不通知候选人"
    # The same outcome again is no new decision: nothing sent again, history unchanged, still told.
    assert decide("advance").status_code == 200
    history = client.get(f"/api/sessions/{session_id}", headers=headers).json["decision_history"]
    assert len(history) == 4 and history[-1]["told_candidate"] is True and len(keys) == 3 == len(
        _rows(app, "SELECT id FROM notifications WHERE kind = 'decision_made'"))


def test_told_candidate_follows_what_the_outbox_holds(app, client, aac_bytes):
    """HR chose not to tell: told_candidate false; a message the outbox skipped (no recipient) is not 'told'."""
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    _, session_id = candidate(client, app, headers, interview, aac_bytes, results=[SCORED])
    url = f"/api/sessions/{session_id}/decision"
    assert client.post(url, json={"decision": "reject", "notify_candidate": False}, headers=headers).status_code == 200
    history = client.get(f"/api/sessions/{session_id}", headers=headers).json["decision_history"]
    assert history[-1]["told_candidate"] is False and history[-1]["notification_status"] is None


def test_hold_is_refused_before_submission_and_the_expired_invitation_stays_listed(app, client):
    from datetime import timedelta

    from api.schema import invitations
    from api.timeutil import utcnow
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"], names=("赵六",))[0]
    with app.extensions["miaomian.engine"].begin() as connection:
        connection.execute(invitations.update().values(expires_at=utcnow() - timedelta(days=1)))
    before = client.get("/api/inbox", headers=headers).json["counts"]["expired"]
    for decision in ("hold", "advance", "reject"):
        refused = client.post(f"/api/sessions/{invited['session_id']}/decision", json={"decision": decision},
                              headers=headers)
        assert refused.status_code == 409 and refused.json["error"] == "not_submitted"
        assert "待定" in refused.json["message"]
    assert client.get("/api/inbox", headers=headers).json["counts"]["expired"] == before == 1


def _json_routes(app):
    """(method, path with ids filled in) of every route whose OpenAPI operation takes a JSON requestBody."""
    spec = app.test_client().get("/api/openapi.json").json
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            content = (operation.get("requestBody") or {}).get("content", {})
            if "application/json" in content:
                yield method.upper(), path, operation["requestBody"].get("required", False)


def test_every_json_route_refuses_other_media_types_and_a_missing_body_and_changes_nothing(app, client):
    """Walks the OpenAPI document: text/plain, a form and no body at all are 4xx with a Chinese message, and
    no table changed (the contact is not wiped, no team code made, no attempt spent, no ticket issued)."""
    import re

    from api.schema import metadata
    headers = _login(client)
    client.put("/api/orgs/contact", json={"name": "王经理", "phone": "13800138000"}, headers=headers)
    interview = create_interview(client, headers, questions=1)
    token = invite(client, headers, interview["id"])[0]["token"]
    start(client, token)
    question_id = interview["questions"][0]["id"]

    def snapshot():
        with app.extensions["miaomian.engine"].connect() as connection:
            return {name: sorted(map(repr, connection.execute(table.select()))) for name, table in metadata.tables.items()
                    if name not in ("audit_log", "rate_limits", "access_log")}

    routes = list(_json_routes(app))
    assert len(routes) > 20 and ("PUT", "/api/orgs/contact", True) in routes
    assert ("POST", "/api/interviews/{interview_id}/close", False) in routes  # the one optional body
    before = snapshot()
    for method, path, required in routes:
        url = re.sub(r"\{token\}", token, path)
        url = re.sub(r"\{question_id\}", str(question_id), url)
        url = re.sub(r"\{[a-z_]*id\}", "1", url)
        url = re.sub(r"\{[a-z_]+\}", "x", url)
        for kwargs in ({"data": "decision=advance", "content_type": "text/plain"},
                       {"data": {"decision": "advance", "name": ""}},
                       {} if required else {"data": "confirm=true", "content_type": "text/plain"}):
            response = client.open(url, method=method, headers=headers, **kwargs)
            assert 400 <= response.status_code < 500, (method, url, kwargs, response.status_code, response.json)
            body = response.json
            assert body and re.search(r"[\u4e00-\u9fff]", body["message"]), (method, url, body)
    assert snapshot() == before
    assert client.get("/api/orgs/contact", headers=headers).json["name"] == "王经理"


# Every reason_code the analyzer and the API may set (docs/internal-contracts.md and api/messages.REASON_TEXT).
CONTRACT_CODES = ("wrong_language", "low_asr_confidence", "filler_only", "parroting", "repetition", "too_little_content",
                  "nonsense", "keyword_list", "no_speech", "bad_media", "too_long", "too_large", "model_missing",
                  "unsupported_language", "unintelligible", "analysis_error")


def test_the_candidate_reads_a_candidate_sentence_for_every_reason_code(app, client, aac_bytes):
    import re

    from api import messages
    from tests.api.decisions_flow import post_result
    codes = sorted(set(CONTRACT_CODES) | set(messages.REASON_TEXT) | {"a_code_added_later"})
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    for code in codes:
        token, session_id = candidate(client, app, headers, interview, aac_bytes, name="候选人")
        key = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]
        media_key = _rows(app, "SELECT object_key FROM answers WHERE id = :id", id=key["id"])[0][0]
        result = {"status": "needs_review", "reason": "录音里没有听到说话声（no speech found），请人工听一下录音。",
                  "reason_code": code, "competencies": [], "overall": None, "feedback": None}
        post_result(client, app, media_key, result, status="needs_review")
        said = client.get(f"/api/c/{token}/report").json["answers"][0]["reason"]
        assert said and not re.search(r"[A-Za-z]", said), (code, said)
        assert "请人工" not in said and "听一下" not in said and "招聘方" in said, (code, said)
        assert said == messages.CANDIDATE_REASON_TEXT.get(code, messages.CANDIDATE_GENERIC_REASON)
        hr_reason = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]["answer"]["reason"]
        assert hr_reason and hr_reason != said  # HR keeps the instruction meant for HR


PHONE_FAMILY = ("13100131000", "8613100131000", "+8613100131000", "008613100131000", "+86 131 0013 1000",
                "131-0013-1000", "(+86) 131.0013.1000", "＋８６１３１００１３１０００", " 13100131000 ")


def test_phone_formats_of_one_number_are_one_person_and_names_are_trimmed(app, client):
    from api.people import normalise_name, normalise_phone
    for raw in PHONE_FAMILY:
        assert normalise_phone(raw) == "13100131000", raw
    assert normalise_phone("+82 10-1234-5678") == "+821012345678"  # another country: E.164
    assert normalise_phone("0766-66888866") == "076666888866"  # a CN landline, national form
    assert normalise_name("  张　三 \t") == "张 三" and normalise_name("Ｌｉ  Ｌｅｉ") == "Li Lei"
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    code = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "老员工小王"},
                       headers=headers).json["code"]
    first = client.post(f"/api/scenes/r={code}/join", json={"name": " 赵六 ", "phone": PHONE_FAMILY[0]})
    assert first.status_code == 201, first.json
    for raw in PHONE_FAMILY[1:]:  # another device: a session of its own, flagged to HR, one person counted
        again = app.test_client().post(f"/api/scenes/r={code}/join", json={"name": "赵六", "phone": raw})
        assert again.status_code == 201 and again.json["returning"] is False, (raw, again.json)
        flagged = client.get(f"/api/sessions/{again.json['session_id']}", headers=headers).json
        assert first.json["session_id"] in flagged["possible_duplicate"]["session_ids"]
    listed = client.get(f"/api/interviews/{interview['id']}/referrers", headers=headers).json[0]
    assert listed["referees"] == 1
    session = client.get(f"/api/sessions/{first.json['session_id']}", headers=headers).json
    assert session["name"] == "赵六" and session["phone"] == "13100131000"
    invited = invite(client, headers, interview["id"], names=("  李四\u3000",))[0]
    assert client.get(f"/api/sessions/{invited['session_id']}", headers=headers).json["name"] == "李四"


def _schema_fields(spec):
    """Every property a person can send: JSON request bodies (nested too) and query parameters."""
    names, seen = set(), set()

    def walk(schema):
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[1]
            if name in seen:
                return
            seen.add(name)
            schema = spec["components"]["schemas"][name]
        for key, inner in (schema.get("properties") or {}).items():
            names.add(key)
            walk(inner)
        if "items" in schema:
            walk(schema["items"])

    for operations in spec["paths"].values():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            names.update(p["name"] for p in operation.get("parameters", []) if p.get("in") == "query")
            body = (operation.get("requestBody") or {}).get("content", {}).get("application/json")
            if body:
                walk(body["schema"])
    return names


def test_every_field_a_person_can_send_has_a_chinese_label_and_details_are_chinese(app, client):
    import re

    from api.messages import FIELD_NAMES
    spec = client.get("/api/openapi.json").json
    fields = _schema_fields(spec)
    assert len(fields) > 60
    unlabelled = sorted(name for name in fields if not re.search(r"[\u4e00-\u9fff]", FIELD_NAMES.get(name, "")))
    assert unlabelled == []
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"])[0]
    for method, url, body in (("POST", "/api/scorer/threshold", {}),
                              ("POST", f"/api/sessions/{invited['session_id']}/decision", {"decision": "advance",
                                                                                            "confirm_change": "maybe"}),
                              ("POST", "/api/invitations/1/extend", {"expires_at": "2026-12-01T18:00:00"}),
                              ("POST", "/api/invitations/1/extend", {"days": 3, "expires_at": "2026-12-01T18:00:00Z"})):
        response = client.open(url, method=method, json=body, headers=headers)
        assert response.status_code in (400, 422), (url, response.json)
        said = [response.json["message"]]  # and the values of `details` (its keys are the fields as sent)
        stack = [response.json.get("details") or {}]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            else:
                said.append(item)
        assert all(not re.search(r"[A-Za-z]{4,}", re.sub(r"\d{4}-\d\d-\d\dT[\d:+]+|true|false", "", text))
                   for text in said), (url, response.json)  # no English words


def test_the_privacy_notice_tells_of_report_share_links_and_every_client_has_its_version(app, client):
    import re
    from pathlib import Path

    notice = client.get("/api/privacy").json
    who = next(part["text"] for part in notice["sections"] if part["heading"] == "谁能看到")
    assert "只读链接" in who and "30 天后失效" in who and "姓氏" in who and "同事" in who
    assert notice["version"] == app.config["PRIVACY_VERSION"]
    root = Path(__file__).resolve().parents[2]
    mini = re.search(r"privacyVersion: '([^']+)'", (root / "miniprogram/config.js").read_text()).group(1)
    assert mini == notice["version"]
    assert f"`{notice['version']}`" in (root / "README.md").read_text()


def test_two_devices_recording_at_once_the_first_saved_take_counts_and_the_other_is_told(app, client, aac_bytes):
    from tests.api.flow import send_file
    headers = _login(client)
    interview = create_interview(client, headers, questions=1)
    invited = invite(client, headers, interview["id"])[0]
    token, session_id = invited["token"], invited["session_id"]
    start(client, token)
    qid = interview["questions"][0]["id"]
    phone_a, phone_b = {"X-Miaomian-Device": "mp-device-aaaa"}, {"X-Miaomian-Device": "web-device-bbbb"}
    base = f"/api/c/{token}/answers/{qid}"
    assert client.post(f"{base}/think", headers=phone_a).status_code == 200
    assert client.post(f"{base}/attempts", json={}, headers=phone_a).status_code == 201
    assert client.post(f"{base}/attempts", json={}, headers=phone_b).status_code == 201  # nothing saved yet
    ticket_a = client.post(f"{base}/upload", json={"attempt": 1}, headers=phone_a).json
    ticket_b = client.post(f"{base}/upload", json={"attempt": 2}, headers=phone_b).json
    assert send_file(client, ticket_a, aac_bytes).status_code == 200
    assert client.post(f"{base}/uploaded", json={"key": ticket_a["key"]}, headers=phone_a).status_code == 200
    # B asks for a fresh ticket after A's answer was saved: refused at upload time, nothing re-issued.
    again = client.post(f"{base}/upload", json={"attempt": 2}, headers=phone_b)
    assert again.status_code == 409 and again.json["error"] == "answer_superseded"
    # B's take, on the ticket it already had, arrives: kept, but it does not replace A's answer, and B is told.
    assert send_file(client, ticket_b, aac_bytes).status_code == 200
    late = client.post(f"{base}/uploaded", json={"key": ticket_b["key"]}, headers=phone_b)
    assert late.status_code == 409 and late.json["error"] == "answer_superseded"
    assert "另一台设备" in late.json["message"] and "不计入" in late.json["message"]
    report = client.get(f"/api/sessions/{session_id}", headers=headers).json["questions"][0]
    assert report["answer"]["attempt"] == 1
    assert [(item["attempt"], item["superseded"]) for item in report["earlier_attempts"]] == [(2, True)]
    assert "不计入" in report["earlier_attempts"][0]["counted_text"]


def test_resend_and_close_while_a_candidate_is_answering_need_confirmation_and_keep_the_take(app, client, aac_bytes):
    from tests.api.flow import send_file
    headers = _login(client)
    interview = create_interview(client, headers, questions=2)
    invited = invite(client, headers, interview["id"], names=("张三", "李四"))
    token = invited[0]["token"]
    start(client, token)
    qid = interview["questions"][0]["id"]
    client.post(f"/api/c/{token}/answers/{qid}/think")
    ticket = client.post(f"/api/c/{token}/answers/{qid}/upload", json={"content_type": "audio/aac"}).json
    invitation_id = _rows(app, "SELECT invitation_id FROM sessions WHERE id = :id", id=invited[0]["session_id"])[0][0]
    asked = client.post(f"/api/invitations/{invitation_id}/resend", json={}, headers=headers)
    assert asked.status_code == 409 and asked.json["error"] == "candidate_mid_interview"
    assert asked.json["in_progress"] == 1 and "正在作答" in asked.json["message"]
    assert client.post(f"/api/c/{token}/answers/{qid}/think").status_code == 200  # nothing changed: old link works
    resent = client.post(f"/api/invitations/{invitation_id}/resend", json={"confirm": True}, headers=headers)
    assert resent.status_code == 200 and resent.json["in_progress"] == 1
    # The take that was uploading on the old link is still received and confirmed, and the candidate is told.
    assert send_file(client, ticket, aac_bytes).status_code == 200
    confirmed = client.post(f"/api/c/{token}/answers/{qid}/uploaded", json={"key": ticket["key"]})
    assert confirmed.status_code == 200 and confirmed.json["link_replaced"] is True and "新链接" in confirmed.json["message"]
    assert client.get(f"/api/c/{token}").status_code == 410  # otherwise the old link is gone
    # Closing with one candidate mid-interview (the resent one; 李四 never started).
    url = f"/api/interviews/{interview['id']}/close"
    refused = client.post(url, json={}, headers=headers)
    assert refused.status_code == 409 and refused.json["in_progress"] == 1 and "1 位候选人正在作答" in refused.json["message"]
    assert client.get(f"/api/interviews/{interview['id']}", headers=headers).json["status"] == "open"
    assert client.post(url, json={"confirm": True}, headers=headers).json["status"] == "closed"
    assert client.post(url, headers=headers).status_code == 200  # no body: optional here, already closed
