"""CosStore through the real cos-python-sdk-v5 against the local COS, and its signatures recomputed
from Tencent's documented algorithm with fixed keys and a fixed clock."""
import base64
import json
import os
import time
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
import requests

from api.storage import CosStore, PolicyError
from api.sts import StsIssuer
from tencent_fakes import BUCKET, REGION, ROLE_ID, ROLE_KEY, ROLE_TOKEN, SECRET_ID, SECRET_KEY
from cos_emulator import POST_FORM_FIELDS, POST_POLICY_FIELDS, limited_field
from cos_signing import post_policy_signature, request_signature

AAC = bytes([0xFF, 0xF1, 0x50, 0x80]) + os.urandom(3000)   # an ADTS header, then payload


def store_for(cos, sts=None, static=True):
    issuer = None if sts is None else StsIssuer(REGION, lambda: (ROLE_ID, ROLE_KEY, ROLE_TOKEN), "assume-role",
                                                role_arn="qcs::cam::uin/100000000001:roleName/miaomian-upload",
                                                endpoint=sts.endpoint)
    keys = (SECRET_ID, SECRET_KEY) if static else (None, None)
    return CosStore(BUCKET, REGION, *keys, endpoint=f"http://{cos.endpoint}", sts=issuer)


def wx_upload_file(ticket, data: bytes, filename="tmp_record.aac"):
    """What wx.uploadFile sends: multipart/form-data with formData fields and the file as field "file"."""
    return requests.post(ticket["url"], data=ticket["fields"], files={"file": (filename, data)}, timeout=10)


def test_post_policy_upload_signed_with_sts_credentials_for_one_key(cos, sts):
    store = store_for(cos, sts)
    import time
    ticket = store.presign_upload("answers/s1/q1-1.aac", "audio/aac", 10_000, int(time.time()) + 900)
    fields = ticket["fields"]
    assert fields["q-ak"] != SECRET_ID and fields["q-ak"].startswith("AKIDtmp") and fields["x-cos-security-token"]
    call = sts.issued[-1]
    policy = json.loads(unquote(call["params"]["Policy"]))
    assert policy["statement"] == [{"effect": "allow", "action": ["name/cos:PostObject"],
                                    "resource": [f"qcs::cos:{REGION}:uid/1250000000:{BUCKET}/answers/s1/q1-1.aac"]}]
    assert 840 <= call["seconds"] <= 900 and call["params"]["RoleArn"].endswith("roleName/miaomian-upload")
    assert call["caller"] == ROLE_ID and call["caller_token"] == ROLE_TOKEN   # the SCF role called STS
    response = wx_upload_file(ticket, AAC)
    assert response.status_code == 200, response.text
    assert store.get_bytes("answers/s1/q1-1.aac") == AAC
    assert cos.stored("answers/s1/q1-1.aac").metadata.get("Content-Type") == "audio/aac"


@pytest.mark.parametrize("tamper, status", [
    (lambda t: t["fields"].update(key="answers/other/x.aac"), 403),          # another key
    (lambda t: t["fields"].update({"Content-Type": "text/html"}), 403),      # another type
    (lambda t: t["fields"].update({"q-signature": "0" * 40}), 403),          # forged signature
    (lambda t: t["fields"].pop("x-cos-security-token"), 403),               # temporary keys without token
])
def test_post_policy_refuses_what_it_does_not_allow(cos, sts, tamper, status):
    import time
    ticket = store_for(cos, sts).presign_upload("answers/s1/q1-2.aac", "audio/aac", 10_000, int(time.time()) + 900)
    tamper(ticket)
    response = wx_upload_file(ticket, AAC)
    assert response.status_code == status and "<Code>AccessDenied" in response.text
    assert cos.stored("answers/s1/q1-2.aac") is None and cos.stored("answers/other/x.aac") is None


def test_post_policy_size_limit_and_expiry(cos):
    import time
    store = store_for(cos)
    too_big = wx_upload_file(store.presign_upload("answers/s2/a.aac", "audio/aac", 100, int(time.time()) + 900), AAC)
    assert too_big.status_code == 400 and "EntityTooLarge" in too_big.text
    expired = wx_upload_file(store.presign_upload("answers/s2/b.aac", "audio/aac", 10_000, int(time.time()) - 5), AAC)
    assert expired.status_code == 403 and "expired" in expired.text


def test_multipart_with_presigned_part_urls_then_ranged_reads(cos, sts):
    import time
    store = store_for(cos, sts)
    data = AAC * 4
    plan = store.presign_multipart("answers/s3/q1-1.aac", "audio/aac", len(data), 5000, int(time.time()) + 900)
    assert [p["index"] for p in plan["parts"]] == [1, 2, 3]
    assert json.loads(unquote(sts.issued[-1]["params"]["Policy"]))["statement"][0]["action"] == ["name/cos:UploadPart"]
    etags = []
    for part in plan["parts"]:
        assert "q-signature" in part["url"] and "x-cos-security-token" in part["url"]
        response = requests.put(part["url"], data=data[part["offset"]:part["offset"] + part["length"]], timeout=10)
        assert response.status_code == 200, response.text
        etags.append({"index": part["index"], "etag": response.headers["ETag"]})
    # a part URL is bound to its part: reusing it for another part number is refused
    forged = plan["parts"][0]["url"].replace("partNumber=1", "partNumber=2")
    assert requests.put(forged, data=b"x", timeout=10).status_code == 403
    with pytest.raises(PolicyError):
        store.complete_multipart("answers/s3/q1-1.aac", plan["upload_id"], [{**etags[0], "etag": '"bad"'}, *etags[1:]])
    store.complete_multipart("answers/s3/q1-1.aac", plan["upload_id"], etags)
    assert store.exists("answers/s3/q1-1.aac") and store.get_bytes("answers/s3/q1-1.aac") == data
    assert store.get_bytes("answers/s3/q1-1.aac", (1000, 1999)) == data[1000:2000]
    # ranged GET of the media link HR's player uses
    url = store.media_url("answers/s3/q1-1.aac", 600)
    ranged = requests.get(url, headers={"Range": "bytes=0-99"}, timeout=10)
    assert ranged.status_code == 206 and ranged.content == data[:100]
    assert cos.log[-1]["range"] == "bytes=0-99"
    assert requests.get(url.replace("q1-1.aac", "q1-2.aac"), timeout=10).status_code == 403  # link is per key


def test_delete_prefix_removes_exactly_that_folder(cos):
    store = store_for(cos)
    for name in ("a.aac", "b.aac", "deep/c.aac"):
        store.put_bytes(f"answers/s9/{name}", AAC)
    store.put_bytes("answers/s90/keep.aac", AAC)
    assert store.delete_prefix("answers/s9/") == 3
    assert not store.exists("answers/s9/a.aac") and not store.exists("answers/s9/deep/c.aac")
    assert store.exists("answers/s90/keep.aac") and store.get_bytes("answers/s9/a.aac") is None
    with pytest.raises(ValueError):
        store.delete_prefix("answers/s9")


def test_role_credentials_from_the_scf_environment(cos, monkeypatch):
    monkeypatch.setenv("TENCENTCLOUD_SECRETID", ROLE_ID)
    monkeypatch.setenv("TENCENTCLOUD_SECRETKEY", ROLE_KEY)
    monkeypatch.setenv("TENCENTCLOUD_SESSIONTOKEN", ROLE_TOKEN)
    store = store_for(cos, static=False)
    store.put_bytes("answers/s4/x.aac", AAC)
    assert store.get_bytes("answers/s4/x.aac") == AAC
    monkeypatch.setenv("TENCENTCLOUD_SESSIONTOKEN", "stale")            # rotated token → the store re-reads it
    with pytest.raises(Exception, match="AccessDenied|403"):
        store.put_bytes("answers/s4/y.aac", AAC)
    monkeypatch.delenv("TENCENTCLOUD_SECRETID")
    with pytest.raises(RuntimeError, match="execution role"):
        store.exists("answers/s4/x.aac")


FIXED_NOW = 1_790_000_000


def test_signatures_match_the_documented_algorithm_with_fixed_keys_and_clock(monkeypatch):
    import qcloud_cos.cos_auth

    monkeypatch.setattr("api.storage.time.time", lambda: FIXED_NOW)
    monkeypatch.setattr(qcloud_cos.cos_auth.time, "time", lambda: FIXED_NOW)
    store = CosStore(BUCKET, REGION, SECRET_ID, SECRET_KEY)
    ticket = store.presign_upload("answers/s5/q1-1.aac", "audio/aac", 1000, FIXED_NOW + 900)
    fields = ticket["fields"]
    assert ticket["url"] == f"https://{BUCKET}.cos.{REGION}.myqcloud.com/"
    assert fields["q-key-time"] == f"{FIXED_NOW - 60};{FIXED_NOW + 900}"
    policy_json = base64.b64decode(fields["policy"]).decode()
    assert fields["q-signature"] == post_policy_signature(SECRET_KEY, fields["q-key-time"], policy_json)
    assert json.loads(policy_json)["expiration"] == "2026-09-21T14:28:20.000Z"
    # a presigned GET and a presigned UploadPart URL from the SDK
    for method, params in (("GET", {}), ("PUT", {"partNumber": "2", "uploadId": "abc"})):
        url = store.client.get_presigned_url(Bucket=BUCKET, Key="answers/s5/q1-1.aac", Method=method,
                                             Expired=600, Params=params)
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        assert parts.netloc == f"{BUCKET}.cos.{REGION}.myqcloud.com" and query["q-ak"] == SECRET_ID
        assert query["q-key-time"] == f"{FIXED_NOW - 60};{FIXED_NOW + 600}"
        signed_params = {k: v for k, v in query.items() if k.lower() in query["q-url-param-list"].split(";")}
        headers = {"host": parts.netloc} if "host" in query["q-header-list"].split(";") else {}
        expected = request_signature(SECRET_KEY, query["q-key-time"], method, "/answers/s5/q1-1.aac",
                                     signed_params, headers)
        assert query["q-signature"] == expected["q-signature"]
        assert query["q-url-param-list"] == expected["q-url-param-list"] == ";".join(sorted(p.lower() for p in params))


def test_analyzer_reads_the_object_of_a_cos_event_with_role_credentials(cos, monkeypatch, tmp_path):
    """functions/analyze/storage.py: the event's /appid/bucket/key (URL-encoded) → the object, via the SDK."""
    from api.storage import cos_event
    from functions.analyze import storage as analyzer_storage
    from functions.analyze.errors import TransientError

    key = "answers/s6/问题 1.aac"
    CosStore(BUCKET, REGION, SECRET_ID, SECRET_KEY, endpoint=f"http://{cos.endpoint}").put_bytes(key, AAC)
    event = cos_event("miaomian", "1250000000", REGION, key, len(AAC), "audio/aac")
    assert event["Records"][0]["cos"]["cosObject"]["key"] == "/1250000000/miaomian/answers/s6/%E9%97%AE%E9%A2%98%201.aac"
    for name, value in (("TENCENTCLOUD_SECRETID", ROLE_ID), ("TENCENTCLOUD_SECRETKEY", ROLE_KEY),
                        ("TENCENTCLOUD_SESSIONTOKEN", ROLE_TOKEN), ("MIAOMIAN_COS_ENDPOINT", f"http://{cos.endpoint}")):
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    store = analyzer_storage.COSStorage()
    [ref] = analyzer_storage.parse_event(event)
    assert (ref.key, ref.bucket) == (key, BUCKET)
    path = store.fetch(ref)
    assert path.read_bytes() == AAC and path.parent == tmp_path
    store.release(path)
    assert not path.exists()
    with pytest.raises(TransientError):
        store.fetch(analyzer_storage.ObjectRef("answers/s6/missing.aac", bucket=BUCKET, region=REGION))
    assert list(tmp_path.iterdir()) == []   # nothing left behind in /tmp


def _issued_expiring_at(expires_of):
    """A fake AssumeRole (STS docs' response shape) whose credentials expire at expires_of(now, seconds)."""
    def issue(params, request):
        now, seconds = int(time.time()), int(params.get("DurationSeconds") or 1800)
        expires = expires_of(now, seconds)
        return {"Credentials": {"Token": ROLE_TOKEN, "TmpSecretId": ROLE_ID, "TmpSecretKey": ROLE_KEY},
                "ExpiredTime": expires, "Expiration": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(expires))}
    return issue


STS_FAULTS = {
    "refused": lambda params, request: {"Error": {"Code": "AuthFailure.UnauthorizedOperation",
                                                  "Message": "not allowed"}},
    "already_expired": _issued_expiring_at(lambda now, seconds: now - 10),
    "expires_before_the_link": _issued_expiring_at(lambda now, seconds: now + 60),
}


@pytest.mark.parametrize("fault", ["already_expired", "expires_before_the_link"])
@pytest.mark.parametrize("chunked", [False, True])
def test_expired_sts_credentials_are_never_handed_out(cos, fault, chunked):
    """Credentials whose ExpiredTime is past, or before the upload link's deadline, are refused (StsError)."""
    from api.sts import StsError
    from tencent_fakes import TencentApiFake

    fake = TencentApiFake({"AssumeRole": STS_FAULTS[fault]})
    try:
        store = store_for(cos, fake)
        with pytest.raises(StsError, match="ExpiredCredentials"):
            if chunked:
                store.presign_multipart("answers/e1/q1-1.aac", "audio/aac", 20_000, 10_000, int(time.time()) + 900)
            else:
                store.presign_upload("answers/e1/q1-1.aac", "audio/aac", 10_000, int(time.time()) + 900)
        assert fake.calls and fake.calls[0]["action"] == "AssumeRole"
    finally:
        fake.stop()


@pytest.mark.parametrize("fault", sorted(STS_FAULTS))
def test_sts_refusal_is_a_clear_503_for_the_candidate(cos, monkeypatch, tmp_path, fault):
    """STS down, refusing, or handing out expired credentials: the upload route answers 503
    storage_unavailable in Chinese, nothing crashes."""
    from tests.conftest import make_app
    from tencent_fakes import TencentApiFake

    refusing = TencentApiFake({"AssumeRole": STS_FAULTS[fault]})
    try:
        app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path, STORAGE="cos", COS_BUCKET=BUCKET,
                       COS_REGION=REGION, COS_SECRET_ID=SECRET_ID, COS_SECRET_KEY=SECRET_KEY,
                       COS_ENDPOINT=f"http://{cos.endpoint}", COS_STS="assume-role",
                       COS_UPLOAD_ROLE_ARN="qcs::cam::uin/1:roleName/x", STS_ENDPOINT=refusing.endpoint)
        from api import db
        db.migrate(app.extensions["miaomian.engine"])
        client = app.test_client()
        from tests.api import flow
        headers = {"Authorization": "Bearer " + client.post("/api/auth/dev", json={"name": "王", "org": "店"}).json["token"]}
        interview = flow.create_interview(client, headers, questions=1)
        [invitation] = flow.invite(client, headers, interview["id"])
        flow.start(client, invitation["token"])
        question = client.get(f"/api/c/{invitation['token']}").json["questions"][0]["id"]
        response = flow.request_upload(client, invitation["token"], question)
        assert response.status_code == 503 and response.json["error"] == "storage_unavailable"
        assert "稍后重试" in response.json["message"]
        assert refusing.calls[0]["action"] == "AssumeRole"
    finally:
        refusing.stop()


def test_health_with_unreachable_cos_is_503_with_a_code_and_no_host_or_port(tmp_path):
    """COS endpoint down: /healthz answers 503, storage {"error": "unavailable"}, never the endpoint."""
    from tests.conftest import free_port, make_app

    port = free_port()
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path, STORAGE="cos", COS_BUCKET=BUCKET,
                   COS_REGION=REGION, COS_SECRET_ID=SECRET_ID, COS_SECRET_KEY=SECRET_KEY,
                   COS_ENDPOINT=f"http://127.0.0.1:{port}")
    from api import db
    db.migrate(app.extensions["miaomian.engine"])
    response = app.test_client().get("/healthz")
    assert response.status_code == 503 and response.json["status"] == "degraded"
    assert response.json["storage"] == {"ok": False, "backend": "cos", "error": "unavailable"}
    text = response.get_data(as_text=True)
    assert str(port) not in text and "127.0.0.1" not in text and SECRET_ID not in text


def test_the_post_form_uses_only_what_cos_documents_for_post_object(cos, sts):
    """Every form field is one COS's POST Object documentation lists and every policy condition limits a field it
    says a policy may limit (the emulator refuses anything else); x-cos-forbid-overwrite, a PUT Object /
    multipart header, is not sent. COS documents no overwrite guard for POST: within the form's lifetime a second
    POST replaces the object; once the form and its key-scoped credentials expire, nothing can be written."""
    store = store_for(cos, sts)
    key = "answers/s4/q1-1.aac"
    ticket = store.presign_upload(key, "audio/aac", 10_000, int(time.time()) + 900)
    assert set(ticket["fields"]) <= POST_FORM_FIELDS and "x-cos-forbid-overwrite" not in ticket["fields"]
    policy = json.loads(base64.b64decode(ticket["fields"]["policy"]))
    assert {limited_field(condition) for condition in policy["conditions"]} <= POST_POLICY_FIELDS
    assert wx_upload_file(ticket, AAC).status_code == 200
    undocumented = {**ticket, "fields": {**ticket["fields"], "x-cos-forbid-overwrite": "true"}}
    assert wx_upload_file(undocumented, AAC).status_code == 403      # the emulator holds us to the documentation
    other = AAC[:4] + os.urandom(3000)
    assert wx_upload_file(ticket, other).status_code == 200 and store.get_bytes(key) == other
    clock, cos.clock = cos.clock, lambda: time.time() + 901   # 15 minutes later
    try:
        assert wx_upload_file(ticket, AAC).status_code == 403
    finally:
        cos.clock = clock
    assert store.get_bytes(key) == other


def test_multipart_cannot_replace_a_recording_either(cos, sts):
    """Initiate Multipart Upload carries x-cos-forbid-overwrite: a chunked upload to a key that already has its
    recording is a 409 already_uploaded, and one completed after the recording arrived is refused too."""
    store = store_for(cos, sts)
    key = "answers/s5/q1-1.aac"
    data = AAC * 3
    plan = store.presign_multipart(key, "audio/aac", len(data), 5000, int(time.time()) + 900)
    etags = [{"index": part["index"], "etag": requests.put(
        part["url"], data=data[part["offset"]:part["offset"] + part["length"]], timeout=10).headers["ETag"]}
        for part in plan["parts"]]
    assert wx_upload_file(store.presign_upload(key, "audio/aac", 10_000, int(time.time()) + 900), AAC).status_code == 200
    with pytest.raises(PolicyError) as refused:
        store.complete_multipart(key, plan["upload_id"], etags)
    assert (refused.value.status, refused.value.code) == (409, "already_uploaded")
    with pytest.raises(PolicyError) as again:
        store.presign_multipart(key, "audio/aac", len(data), 5000, int(time.time()) + 900)
    assert (again.value.status, again.value.code) == (409, "already_uploaded")
    assert store.get_bytes(key) == AAC


def test_analyzer_stores_the_playback_rendition_on_cos_with_the_real_sdk(cos, monkeypatch, tmp_path):
    """functions/analyze: the rendition goes to playback/<key>.m4a in the configured bucket and region, even
    when the event has no url and only COS's short region code ("gz"); a refused write is said in the result."""
    import subprocess

    from functions.analyze import playback
    from functions.analyze import storage as analyzer_storage

    source = tmp_path / "answer.wav"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                    "-ac", "1", "-ar", "16000", str(source)], check=True)
    for name, value in (("TENCENTCLOUD_SECRETID", ROLE_ID), ("TENCENTCLOUD_SECRETKEY", ROLE_KEY),
                        ("TENCENTCLOUD_SESSIONTOKEN", ROLE_TOKEN), ("MIAOMIAN_COS_ENDPOINT", f"http://{cos.endpoint}"),
                        ("MIAOMIAN_COS_BUCKET", BUCKET), ("MIAOMIAN_COS_REGION", REGION)):
        monkeypatch.setenv(name, value)
    event = {"Records": [{"cos": {"cosObject": {"key": "/1250000000/miaomian/answers/s7/1/1-x.wav", "size": 9},
                                  "cosBucket": {"name": "miaomian", "appid": "1250000000", "region": "gz"}}}]}
    [ref] = analyzer_storage.parse_event(event)
    assert ref.region == "gz"
    store = analyzer_storage.COSStorage()
    key, missing = playback.rendition(ref.key, source, store, ref.bucket, ref.region)
    assert (key, missing) == ("playback/answers/s7/1/1-x.m4a", None)
    stored = cos.stored(key)
    assert stored is not None and stored.metadata.get("Content-Type") == "audio/mp4"
    assert stored.value[4:8] == b"ftyp" and stored.size > 1000
    monkeypatch.setenv("TENCENTCLOUD_SECRETKEY", "not-the-role-key")     # COS refuses the signature
    key, missing = playback.rendition("answers/s7/1/2-x.wav", source, analyzer_storage.COSStorage())
    assert key is None and missing["reason"] == "store_failed" and "SignatureDoesNotMatch" in missing["detail"]
