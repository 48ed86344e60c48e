"""Pin the analyzer's async retry policy after `scf deploy` (the SCF component sets it only together with
asyncRunEnable: true, i.e. long-running execution, which the analyzer does not use):

    python -m deploy.scf_async_config --function miaomian-analyze-prod --region ap-guangzhou

Calls SCF's UpdateFunctionEventInvokeConfig (tencentcloud-sdk-python-scf) with AsyncTriggerConfig
RetryConfig=[{RetryNum: 2}] and MsgTTL (seconds an event may wait for its retries): SCF's documented
default of two retries for async invocations (COS triggers), after which the event goes to the function's
dead-letter queue (deploy/scf/analyze/serverless.yml `deadLetter`). Credentials:
TENCENTCLOUD_SECRETID/SECRETKEY(/SESSIONTOKEN) of the person deploying (never stored in the repository). --endpoint reaches a test double.
"""
from __future__ import annotations

import argparse
import os
import sys

RETRIES = 2
MSG_TTL_SECONDS = 3600


def configure(function: str, region: str, namespace: str = "default", retries: int = RETRIES,
              msg_ttl: int = MSG_TTL_SECONDS, endpoint: str | None = None) -> str:
    """Set the async retry policy; returns the API's RequestId. Raises TencentCloudSDKException."""
    from tencentcloud.common import credential
    from tencentcloud.common.profile.client_profile import ClientProfile
    from tencentcloud.common.profile.http_profile import HttpProfile
    from tencentcloud.scf.v20180416 import models, scf_client

    secret_id, secret_key = os.environ.get("TENCENTCLOUD_SECRETID"), os.environ.get("TENCENTCLOUD_SECRETKEY")
    if not secret_id or not secret_key:
        raise SystemExit("set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (the deployer's keys)")
    scheme, _, host = (endpoint or "scf.tencentcloudapi.com").rpartition("://")
    client = scf_client.ScfClient(
        credential.Credential(secret_id, secret_key, os.environ.get("TENCENTCLOUD_SESSIONTOKEN") or None), region,
        ClientProfile(httpProfile=HttpProfile(protocol=scheme or "https", endpoint=host, reqTimeout=15)))
    retry = models.RetryConfig()
    retry.RetryNum = retries
    config = models.AsyncTriggerConfig()
    config.RetryConfig, config.MsgTTL = [retry], msg_ttl
    request = models.UpdateFunctionEventInvokeConfigRequest()
    request.FunctionName, request.Namespace, request.AsyncTriggerConfig = function, namespace, config
    return client.UpdateFunctionEventInvokeConfig(request).RequestId


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--function", required=True)
    parser.add_argument("--region", required=True)
    parser.add_argument("--namespace", default="default")
    parser.add_argument("--retries", type=int, default=RETRIES)
    parser.add_argument("--msg-ttl", type=int, default=MSG_TTL_SECONDS)
    parser.add_argument("--endpoint")
    args = parser.parse_args(argv)
    request_id = configure(args.function, args.region, args.namespace, args.retries, args.msg_ttl, args.endpoint)
    print(f"{args.function}: async retries={args.retries}, message TTL={args.msg_ttl}s (RequestId {request_id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
