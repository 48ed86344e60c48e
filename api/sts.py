"""Short-lived COS credentials for one client upload, from Tencent Cloud STS (tencentcloud-sdk-python-sts).

    issuer = StsIssuer(region, credentials=store.credentials, mode="assume-role", role_arn=...)
    secret_id, secret_key, token = issuer.object_credentials(["name/cos:PostObject"], [resource], 900)

Modes (config MIAOMIAN_COS_STS):
- "assume-role": STS AssumeRole(RoleArn=MIAOMIAN_COS_UPLOAD_ROLE_ARN, Policy=...) called with the API's own
  credentials — in SCF the execution role's temporary keys, so no long-lived key exists anywhere.
- "federation": STS GetFederationToken(Name, Policy, DurationSeconds), for self-hosted APIs that hold a
  sub-account key (STS does not issue federation tokens to temporary credentials).
- unset/"off": uploads are signed with the store's own credentials (development, tests of other areas).
Either way the inline policy (CAM syntax, URL-encoded JSON as the STS docs require) allows only the given
actions on the given object resources, and the credentials expire with the upload link.
Errors: StsError (an api.storage.StorageUnavailable) with the STS error code; the upload route answers
503 storage_unavailable.
"""
from __future__ import annotations

import json
import time
from datetime import datetime
from typing import Callable
from urllib.parse import quote

from api.storage import StorageUnavailable

STS_ENDPOINT = "sts.tencentcloudapi.com"
MIN_SECONDS, MAX_SECONDS = 60, 7200
CLOCK_SKEW_SECONDS = 30   # credentials may expire this much before the upload link and still be used


class StsError(StorageUnavailable):
    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code


def scoped_policy(actions: list[str], resources: list[str]) -> str:
    """The URL-encoded CAM policy allowing exactly these actions on exactly these resources."""
    policy = {"version": "2.0", "statement": [{"effect": "allow", "action": actions, "resource": resources}]}
    return quote(json.dumps(policy, separators=(",", ":")), safe="")


class StsIssuer:
    def __init__(self, region: str, credentials: Callable[[], tuple[str, str, str | None]], mode: str = "assume-role",
                 role_arn: str | None = None, endpoint: str | None = None, session_name: str = "miaomian-upload"):
        if mode not in ("assume-role", "federation"):
            raise ValueError(f"COS_STS must be assume-role, federation or off, not {mode!r}")
        if mode == "assume-role" and not role_arn:
            raise ValueError("COS_STS=assume-role needs COS_UPLOAD_ROLE_ARN (qcs::cam::uin/<uin>:roleName/<name>)")
        self.region, self.credentials, self.mode, self.role_arn = region, credentials, mode, role_arn
        self.endpoint, self.session_name = endpoint, session_name

    def _client(self):
        from tencentcloud.common import credential
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile
        from tencentcloud.sts.v20180813 import sts_client

        secret_id, secret_key, token = self.credentials()
        scheme, _, host = (self.endpoint or STS_ENDPOINT).rpartition("://")
        http = HttpProfile(protocol=scheme or "https", endpoint=host, reqTimeout=10)
        return sts_client.StsClient(credential.Credential(secret_id, secret_key, token), self.region,
                                    ClientProfile(httpProfile=http))

    def object_credentials(self, actions: list[str], resources: list[str], seconds: int) -> tuple[str, str, str]:
        """(TmpSecretId, TmpSecretKey, Token) allowing `actions` on `resources` for `seconds` (60..7200).

        Raises StsError when STS refuses, or when the credentials it returns expire (ExpiredTime, unix
        seconds) before now + seconds (less CLOCK_SKEW_SECONDS): expired keys are never handed out."""
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
        from tencentcloud.sts.v20180813 import models

        seconds = max(MIN_SECONDS, min(MAX_SECONDS, int(seconds)))
        policy = scoped_policy(actions, resources)
        try:
            if self.mode == "assume-role":
                request = models.AssumeRoleRequest()
                request.RoleArn, request.RoleSessionName = self.role_arn, self.session_name
                request.DurationSeconds, request.Policy = seconds, policy
                response = self._client().AssumeRole(request)
            else:
                request = models.GetFederationTokenRequest()
                request.Name, request.Policy, request.DurationSeconds = self.session_name, policy, seconds
                response = self._client().GetFederationToken(request)
        except TencentCloudSDKException as error:
            raise StsError(error.get_code() or "StsError", error.get_message() or str(error)) from error
        expires = _expiry(response)
        if expires is None or expires < time.time() + seconds - CLOCK_SKEW_SECONDS:
            # expired already, or dying before the upload link does: the candidate's upload would fail
            # half-way with AccessDenied; refuse now so the route answers 503 storage_unavailable
            raise StsError("ExpiredCredentials", f"STS credentials expire at {expires}, before the upload link "
                           f"({int(time.time()) + seconds})")
        credentials = response.Credentials
        return credentials.TmpSecretId, credentials.TmpSecretKey, credentials.Token


def _expiry(response) -> float | None:
    """When the issued credentials expire (unix seconds): ExpiredTime, else the ISO 8601 Expiration."""
    if isinstance(getattr(response, "ExpiredTime", None), (int, float)):
        return float(response.ExpiredTime)
    try:
        return datetime.fromisoformat(str(response.Expiration).replace("Z", "+00:00")).timestamp()
    except (TypeError, ValueError):
        return None


def from_config(config: dict, credentials: Callable | None = None) -> StsIssuer | None:
    """The issuer the COS store signs client uploads with, or None when COS_STS is off."""
    mode = str(config.get("COS_STS") or "off").lower()
    if mode == "off":
        return None

    def store_credentials():
        from api.storage import CosStore

        return CosStore(str(config["COS_BUCKET"]), str(config["COS_REGION"]), config.get("COS_SECRET_ID"),
                        config.get("COS_SECRET_KEY"), config.get("COS_TOKEN")).credentials()

    return StsIssuer(str(config["COS_REGION"]), credentials or store_credentials, mode,
                     role_arn=config.get("COS_UPLOAD_ROLE_ARN"), endpoint=config.get("STS_ENDPOINT"))
