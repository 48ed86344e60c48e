"""Re-run the analyzer for one stored answer in production: SCF's Invoke API, asynchronously.

    requeue(key)                      # inside the API (Flask app context): uses current_app.config
    ScfInvoker.from_config(config).invoke_analyzer(key)  → FunctionRequestId

The function receives the same COS ObjectCreated event COS would have sent for the object (api.storage.
cos_event), as an async invocation (InvocationType "Event", tencentcloud-sdk-python-scf, Invoke action of
API 3.0), so SCF's async retries and the dead-letter queue apply to it exactly as to COS's own events. The
analyzer is idempotent: an answer already analysed is skipped.

Config: SCF_ANALYZE_FUNCTION (function name), SCF_REGION (default COS_REGION), SCF_NAMESPACE ("default"),
SCF_QUALIFIER ("$LATEST"), SCF_ENDPOINT (tests and private endpoints; default scf.tencentcloudapi.com),
COS_BUCKET ("<name>-<appid>"). Credentials: COS_SECRET_ID/KEY when set, else the SCF execution role's
TENCENTCLOUD_SECRETID/SECRETKEY/SESSIONTOKEN. Errors: ScfInvokeError with the API's error code.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass

from api.storage import cos_event, content_type_of

SCF_ENDPOINT = "scf.tencentcloudapi.com"


class ScfInvokeError(RuntimeError):
    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code


@dataclass
class ScfInvoker:
    function: str
    region: str
    bucket: str
    namespace: str = "default"
    qualifier: str = "$LATEST"
    endpoint: str | None = None
    secret_id: str | None = None
    secret_key: str | None = None

    @classmethod
    def from_config(cls, config: dict) -> "ScfInvoker":
        if not config.get("SCF_ANALYZE_FUNCTION"):
            raise ScfInvokeError("NotConfigured", "MIAOMIAN_SCF_ANALYZE_FUNCTION names the analyzer function")
        return cls(function=str(config["SCF_ANALYZE_FUNCTION"]),
                   region=str(config.get("SCF_REGION") or config["COS_REGION"]), bucket=str(config["COS_BUCKET"]),
                   namespace=str(config.get("SCF_NAMESPACE") or "default"),
                   qualifier=str(config.get("SCF_QUALIFIER") or "$LATEST"), endpoint=config.get("SCF_ENDPOINT"),
                   secret_id=config.get("COS_SECRET_ID"), secret_key=config.get("COS_SECRET_KEY"))

    def _credential(self):
        from tencentcloud.common import credential

        if self.secret_id and self.secret_key:
            return credential.Credential(self.secret_id, self.secret_key)
        secret_id, secret_key = os.environ.get("TENCENTCLOUD_SECRETID"), os.environ.get("TENCENTCLOUD_SECRETKEY")
        if not secret_id or not secret_key:
            raise ScfInvokeError("NoCredentials", "the API function needs an execution role allowed to "
                                 "scf:InvokeFunction (SCF sets TENCENTCLOUD_SECRETID/SECRETKEY/SESSIONTOKEN)")
        return credential.Credential(secret_id, secret_key, os.environ.get("TENCENTCLOUD_SESSIONTOKEN") or None)

    def event_for(self, key: str, size: int = 0) -> dict:
        """The COS ObjectCreated event of this object, as COS sends it to the analyzer."""
        name, _, appid = self.bucket.rpartition("-")
        return cos_event(name, appid, self.region, key, size, content_type_of(key))

    def invoke_analyzer(self, key: str, size: int = 0) -> str:
        """Invoke the analyzer asynchronously for one object key; returns SCF's FunctionRequestId."""
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile
        from tencentcloud.scf.v20180416 import models, scf_client

        scheme, _, host = (self.endpoint or SCF_ENDPOINT).rpartition("://")
        client = scf_client.ScfClient(self._credential(), self.region, ClientProfile(
            httpProfile=HttpProfile(protocol=scheme or "https", endpoint=host, reqTimeout=10)))
        request = models.InvokeRequest()
        request.FunctionName, request.InvocationType = self.function, "Event"
        request.Namespace, request.Qualifier = self.namespace, self.qualifier
        request.ClientContext = json.dumps(self.event_for(key, size), ensure_ascii=False)
        try:
            response = client.Invoke(request)
        except TencentCloudSDKException as error:
            raise ScfInvokeError(error.get_code() or "InvokeFailed", error.get_message() or str(error)) from error
        return response.Result.FunctionRequestId


def requeue(key: str) -> None:
    """Ask SCF to analyse the object again (the production side of api/dispatch.py's requeue)."""
    from flask import current_app

    ScfInvoker.from_config(current_app.config).invoke_analyzer(key)
