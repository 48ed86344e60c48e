"""Fixtures for the deployment tests: a local COS (moto behind a COS adapter), a fake STS and a fake SCF
endpoint shaped like Tencent Cloud's API 3.0 (POST JSON, X-TC-Action, {"Response": {...}})."""
import secrets
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cos_emulator import CosEmulator  # noqa: E402
from tencent_fakes import (BUCKET, REGION, ROLE_ID, ROLE_KEY, ROLE_TOKEN, SECRET_ID,  # noqa: E402,F401
                           SECRET_KEY, TencentApiFake)


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
