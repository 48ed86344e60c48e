"""Fixtures for the deployment tests: a local COS (moto behind a COS adapter), a fake STS and a fake SCF
endpoint shaped like Tencent Cloud's API 3.0 (POST JSON, X-TC-Action, {"Response": {...}})."""
import json
import secrets
import sys
import threading
import time
from pathlib import Path

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cos_emulator import CosEmulator  # noqa: E402

BUCKET = "miaomian-1250000000"
REGION = "ap-guangzhou"
# Fixed, fake long-lived keys (the deploy host's sub-account in "federation" mode) and SCF role keys.
SECRET_ID, SECRET_KEY = "AKIDmiaomianTESTKEY0000000000000000", "miaomianTESTsecret000000000000000"
ROLE_ID, ROLE_KEY, ROLE_TOKEN = "AKIDroleTEMP00000000000000000000000", "roleTEMPsecret0000000000000000", "role-token-1"


class TencentApiFake:
    """A Tencent Cloud API 3.0 endpoint: records each call; `handlers[action](params) -> Response body`."""

    def __init__(self, handlers: dict):
        self.handlers, self.calls = handlers, []
        self.server = make_server("127.0.0.1", 0, self, threaded=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = f"http://127.0.0.1:{self.server.server_port}"

    def __call__(self, environ, start_response):
        request = Request(environ)
        action = request.headers.get("X-TC-Action", "")
        params = json.loads(request.get_data() or b"{}")
        self.calls.append({"action": action, "params": params, "headers": dict(request.headers)})
        request_id = secrets.token_hex(8)
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("TC3-HMAC-SHA256 Credential="):
            body = {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "TC3 signature expected"}}
        elif action not in self.handlers:
            body = {"Error": {"Code": "InvalidAction", "Message": f"{action} is not supported"}}
        else:
            body = self.handlers[action](params, request)
        body["RequestId"] = request_id
        return Response(json.dumps({"Response": body}), content_type="application/json")(environ, start_response)

    def stop(self):
        self.server.shutdown()


@pytest.fixture
def cos():
    emulator = CosEmulator(BUCKET, {SECRET_ID: (SECRET_KEY, None), ROLE_ID: (ROLE_KEY, ROLE_TOKEN)}).start()
    from qcloud_cos import CosConfig, CosS3Client

    admin = CosS3Client(CosConfig(Region=REGION, SecretId=SECRET_ID, SecretKey=SECRET_KEY, Scheme="http",
                                  Domain=f"{emulator.endpoint}/{BUCKET}"), retry=0)
    try:
        admin.create_bucket(Bucket=BUCKET)
    except Exception as error:  # moto keeps buckets per process: a second emulator finds it
        if "BucketAlready" not in str(error):
            raise
    emulator.admin = admin
    yield emulator
    emulator.stop()


@pytest.fixture
def sts(cos):
    """A fake STS (AssumeRole, GetFederationToken as documented): issued keys are registered with the COS
    emulator, so they work there exactly until they expire."""
    issued = []

    def issue(params, request):
        seconds = int(params.get("DurationSeconds") or 1800)
        tmp_id, tmp_key, token = "AKIDtmp" + secrets.token_hex(12), secrets.token_hex(16), secrets.token_urlsafe(24)
        cos.credentials[tmp_id] = (tmp_key, token)
        issued.append({"id": tmp_id, "params": params, "seconds": seconds,
                       "caller": request.headers.get("Authorization", "").split("Credential=")[1].split("/")[0],
                       "caller_token": request.headers.get("X-TC-Token")})
        expires = int(time.time()) + seconds
        return {"Credentials": {"Token": token, "TmpSecretId": tmp_id, "TmpSecretKey": tmp_key},
                "ExpiredTime": expires, "Expiration": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(expires))}

    fake = TencentApiFake({"AssumeRole": issue, "GetFederationToken": issue})
    fake.issued = issued
    yield fake
    fake.stop()
