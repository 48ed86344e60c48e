import base64
import json

import sqlalchemy as sa

from api.schema import storage_events
from tests.api.flow import create_interview, invite, request_upload, send_file, start
from tests.api.test_hr_resources import assert_error


def _ticket(client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    token = invite(client, headers, interview["id"])[0]["token"]
    start(client, token)
    return request_upload(client, token, interview["questions"][0]["id"]).json


def test_upload_lands_on_disk_and_records_a_cos_shaped_event(app, client, auth, aac_bytes):
    ticket = _ticket(client, auth)
    assert ticket["method"] == "POST" and set(ticket["fields"]) >= {"key", "policy", "signature", "Content-Type"}
    response = send_file(client, ticket, aac_bytes)
    assert response.status_code == 200 and response.json["size"] == len(aac_bytes)
    assert app.extensions["miaomian.storage"].path_of(ticket["key"]).read_bytes() == aac_bytes
    with app.extensions["miaomian.engine"].connect() as connection:
        row = connection.execute(sa.select(storage_events)).one()
    record = json.loads(row.event)["Records"][0]
    assert row.status == "pending" and row.object_key == ticket["key"]
    assert record["event"]["eventName"].startswith("cos:ObjectCreated")
    assert record["cos"]["cosObject"]["key"] == f"/1250000000/miaomian-local/{ticket['key']}"
    assert record["cos"]["cosObject"]["size"] == len(aac_bytes)


def test_bad_uploads_are_refused_and_leave_nothing(app, client, auth, aac_bytes):
    ticket = _ticket(client, auth)
    tampered = dict(ticket, fields={**ticket["fields"], "key": ticket["key"].replace("answers/", "answers/x")})
    assert_error(send_file(client, tampered, aac_bytes), 403, "wrong_key")
    for signature in ("0" * 64, "签名" * 32):
        forged = dict(ticket, fields={**ticket["fields"], "signature": signature})
        assert_error(send_file(client, forged, aac_bytes), 403, "bad_signature")
    policy = json.loads(base64.urlsafe_b64decode(ticket["fields"]["policy"]))
    policy["max_bytes"] = 10 ** 12
    grown = dict(ticket, fields={**ticket["fields"], "policy": base64.urlsafe_b64encode(json.dumps(policy).encode()).decode()})
    assert_error(send_file(client, grown, aac_bytes), 403, "bad_signature")
    assert_error(send_file(client, ticket, aac_bytes, content_type="video/mp4"), 415, "wrong_content_type")
    assert_error(send_file(client, ticket, "这不是录音，只是一段文字。".encode() * 10), 415, "not_media")
    assert_error(send_file(client, ticket, b""), 415, "not_media")
    assert_error(client.post(ticket["url"], data=ticket["fields"], content_type="multipart/form-data"), 400, "missing_file")
    assert_error(client.post(ticket["url"], json=ticket["fields"]), 400)
    assert not app.extensions["miaomian.storage"].exists(ticket["key"])
    assert send_file(client, ticket, aac_bytes).status_code == 200
    assert_error(send_file(client, ticket, aac_bytes), 409, "already_uploaded")
    with app.extensions["miaomian.engine"].connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(storage_events)) == 1


def test_oversize_and_expired_uploads(app, client, auth, aac_bytes):
    ticket = _ticket(client, auth)
    app.config["UPLOAD_MAX_BYTES"] = len(aac_bytes) - 1
    oversize = send_file(client, ticket, aac_bytes)
    assert_error(oversize, 413, "too_large")
    assert "录音" in oversize.json["message"]  # an upload route speaks of the recording
    app.config["UPLOAD_MAX_BYTES"] = 1024
    assert_error(send_file(client, ticket, aac_bytes + b"\0" * 200_000), 413, "too_large")
    assert not app.extensions["miaomian.storage"].exists(ticket["key"])
    store = app.extensions["miaomian.storage"]
    expired = store.presign_upload(ticket["key"], "audio/aac", 10 ** 6, expires_at=1)
    assert_error(send_file(client, {**ticket, **expired}, aac_bytes), 403, "upload_expired")


def test_partial_files_never_appear_under_the_key(app, client, auth):
    ticket = _ticket(client, auth)
    send_file(client, ticket, b"\xff\xf1" + b"\0" * 10)
    store = app.extensions["miaomian.storage"]
    assert [p.name for p in store.root.rglob("*") if p.is_file()] == [ticket["key"].split("/")[-1]]


def test_media_links_are_signed_and_expire(app, client, auth, aac_bytes):
    ticket = _ticket(client, auth)
    send_file(client, ticket, aac_bytes)
    store = app.extensions["miaomian.storage"]
    url = store.media_url(ticket["key"], 60).replace("http://localhost", "")
    with client.get(url, headers={"Range": "bytes=0-9"}) as response:
        assert response.status_code == 206 and response.data == aac_bytes[:10]
    assert_error(client.get(url.replace("sig=", "sig=0")), 403, "bad_signature")
    assert_error(client.get(url.replace("sig=", "sig=%E7%AD%BE")), 403, "bad_signature")
    stale = store.media_url(ticket["key"], -10).replace("http://localhost", "")
    assert_error(client.get(stale), 403, "bad_signature")
    escape = store.media_url("../../etc/passwd", 60).replace("http://localhost", "")
    assert_error(client.get(escape), 400, "bad_key")


def _chunked_ticket(client, auth, size, chunk_size=1024 * 1024):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    token = invite(client, headers, interview["id"])[0]["token"]
    start(client, token)
    question_id = interview["questions"][0]["id"]
    client.post(f"/api/c/{token}/answers/{question_id}/think")
    response = client.post(f"/api/c/{token}/answers/{question_id}/upload",
                           json={"content_type": "audio/aac", "chunked": True, "size": size, "chunk_size": chunk_size})
    return token, question_id, response


def _put_parts(client, ticket, data):
    etags = []
    for part in ticket["parts"]:
        body = data[part["offset"]:part["offset"] + part["length"]]
        response = client.put(part["url"].replace("http://localhost", ""), data=body, headers=part["headers"])
        assert response.status_code == 200, response.json
        etags.append({"index": part["index"], "etag": response.headers["ETag"]})
    return etags


def test_chunked_upload_joins_parts_and_emits_one_event(app, client, auth, aac_bytes):
    data = (aac_bytes * (2_500_000 // len(aac_bytes) + 1))[:2_500_000]
    token, question_id, response = _chunked_ticket(client, auth, len(data))
    ticket = response.json
    assert response.status_code == 200 and ticket["upload_id"] and ticket["method"] == "PUT"
    assert [(p["index"], p["offset"], p["length"]) for p in ticket["parts"]] == [
        (1, 0, 1048576), (2, 1048576, 1048576), (3, 2097152, 402848)]
    etags = _put_parts(client, ticket, data)
    confirm_url = f"/api/c/{token}/answers/{question_id}/uploaded"
    wrong = [dict(etags[0], etag='"0"')] + etags[1:]
    assert_error(client.post(confirm_url, json={"key": ticket["key"], "upload_id": ticket["upload_id"], "parts": wrong}),
                 409, "part_mismatch")
    assert_error(client.post(confirm_url, json={"key": ticket["key"], "upload_id": "f" * 32, "parts": etags}),
                 403, "wrong_upload")
    assert_error(client.post(confirm_url, json={"key": ticket["key"], "parts": etags}), 422, "invalid")
    confirmed = client.post(confirm_url, json={"key": ticket["key"], "upload_id": ticket["upload_id"], "parts": etags})
    assert confirmed.status_code == 200, confirmed.json
    assert app.extensions["miaomian.storage"].path_of(ticket["key"]).read_bytes() == data
    with app.extensions["miaomian.engine"].connect() as connection:
        row = connection.execute(sa.select(storage_events)).one()
    assert json.loads(row.event)["Records"][0]["cos"]["cosObject"]["size"] == len(data)


def test_chunked_upload_bad_parts(app, client, auth, aac_bytes):
    token, question_id, response = _chunked_ticket(client, auth, 2 * 1024 * 1024)
    ticket = response.json
    first = ticket["parts"][0]
    url = first["url"].replace("http://localhost", "")
    assert_error(client.put(url, data=b"\xff\xf1" * 10), 400, "incomplete_part")
    assert_error(client.put(url + "0", data=b"\0" * first["length"]), 403, "bad_signature")
    assert_error(client.put(url.replace("length=1048576", "length=5"), data=b"\0" * 5), 403, "bad_signature")
    too_many = client.put(url, data=b"\0" * (first["length"] + 10))
    assert_error(too_many, 413, "too_large")
    etags = _put_parts(client, {"parts": ticket["parts"][:1]}, b"\0" * first["length"])
    confirm_url = f"/api/c/{token}/answers/{question_id}/uploaded"
    missing = etags + [{"index": 2, "etag": '"x"'}]
    assert_error(client.post(confirm_url, json={"key": ticket["key"], "upload_id": ticket["upload_id"], "parts": missing}),
                 409, "upload_missing")
    second = _put_parts(client, {"parts": ticket["parts"][1:]}, b"\0" * (2 * 1024 * 1024))
    assert_error(client.post(confirm_url, json={"key": ticket["key"], "upload_id": ticket["upload_id"],
                                                "parts": etags + second}), 415, "not_media")
    app.config["UPLOAD_MAX_BYTES"] = 1000
    _, _, oversize = _chunked_ticket(client, auth, 5000)
    assert_error(oversize, 413, "too_large")


def test_a_recorded_recording_is_never_replaced_by_a_second_post(app, client, auth, aac_bytes):
    """The POST form stays valid for its whole lifetime: once the recording is recorded as uploaded (and
    scored), a second POST with the same form is 409 already_uploaded in Chinese and the bytes stay those
    that were scored — even if the file itself were gone."""
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    token = invite(client, headers, interview["id"])[0]["token"]
    start(client, token)
    question_id = interview["questions"][0]["id"]
    ticket = request_upload(client, token, question_id).json
    assert send_file(client, ticket, aac_bytes).status_code == 200
    confirmed = client.post(f"/api/c/{token}/answers/{question_id}/uploaded", json={"key": ticket["key"]})
    assert confirmed.status_code == 200, confirmed.json
    other = aac_bytes[:4] + bytes(reversed(aac_bytes[4:]))
    store = app.extensions["miaomian.storage"]
    second = send_file(client, ticket, other)
    assert_error(second, 409, "already_uploaded")
    assert "已经上传过" in second.json["message"]
    assert store.get_bytes(ticket["key"]) == aac_bytes
    store.delete(ticket["key"])            # the refusal rests on the record, not on the file being there
    assert_error(send_file(client, ticket, other), 409, "already_uploaded")
    assert not store.exists(ticket["key"])
