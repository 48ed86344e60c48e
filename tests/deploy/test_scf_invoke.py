"""Re-invoking the analyzer through SCF's Invoke API (tencentcloud-sdk-python-scf) against a fake SCF
endpoint shaped like the API 3.0 docs: POST JSON, X-TC-Action: Invoke, {"Response": {"Result": {...}}}."""
import json

import pytest

from api.scf_invoke import ScfInvokeError, ScfInvoker, requeue
from tencent_fakes import BUCKET, REGION, ROLE_ID, ROLE_KEY, ROLE_TOKEN, TencentApiFake
from functions.analyze.storage import parse_event


@pytest.fixture
def scf():
    def invoke(params, request):
        if params["FunctionName"] != "miaomian-analyze-prod":
            return {"Error": {"Code": "ResourceNotFound.Function", "Message": "function not found"}}
        return {"Result": {"FunctionRequestId": "req-" + params["FunctionName"], "RetMsg": "", "ErrMsg": "",
                           "MemUsage": 0, "Duration": 0, "BillDuration": 0, "InvokeResult": 0, "Log": ""}}

    fake = TencentApiFake({"Invoke": invoke})
    yield fake
    fake.stop()


@pytest.fixture
def role(monkeypatch):
    for name, value in (("TENCENTCLOUD_SECRETID", ROLE_ID), ("TENCENTCLOUD_SECRETKEY", ROLE_KEY),
                        ("TENCENTCLOUD_SESSIONTOKEN", ROLE_TOKEN)):
        monkeypatch.setenv(name, value)


def config(scf, **extra):
    return {"SCF_ANALYZE_FUNCTION": "miaomian-analyze-prod", "COS_REGION": REGION, "COS_BUCKET": BUCKET,
            "SCF_ENDPOINT": scf.endpoint, **extra}


def test_invokes_the_analyzer_asynchronously_with_the_cos_event_of_the_key(scf, role):
    key = "answers/abc/1/1-答案 x.aac"
    request_id = ScfInvoker.from_config(config(scf)).invoke_analyzer(key)
    assert request_id == "req-miaomian-analyze-prod"
    [call] = scf.calls
    assert call["action"] == "Invoke" and call["headers"]["X-Tc-Region"] == REGION
    assert call["headers"]["X-Tc-Token"] == ROLE_TOKEN and f"Credential={ROLE_ID}/" in call["headers"]["Authorization"]
    params = call["params"]
    assert params["InvocationType"] == "Event" and params["Qualifier"] == "$LATEST" and params["Namespace"] == "default"
    event = json.loads(params["ClientContext"])
    record = event["Records"][0]["cos"]
    assert record["cosBucket"] == {"region": REGION, "name": "miaomian", "appid": "1250000000"}
    assert record["cosObject"]["key"].startswith("/1250000000/miaomian/answers/abc/1/1-%E7%AD%94")
    assert [ref.key for ref in parse_event(event)] == [key]          # the analyzer reads back the same key
    assert len(params["ClientContext"].encode()) < 128 * 1024          # SCF's async payload limit


def test_invoke_errors_are_reported_with_the_api_code(scf, role):
    with pytest.raises(ScfInvokeError) as error:
        ScfInvoker.from_config(config(scf, SCF_ANALYZE_FUNCTION="other")).invoke_analyzer("answers/x.aac")
    assert error.value.code == "ResourceNotFound.Function"
    with pytest.raises(ScfInvokeError, match="NotConfigured"):
        ScfInvoker.from_config({"COS_REGION": REGION, "COS_BUCKET": BUCKET})


def test_without_a_role_or_keys_it_says_what_is_missing(scf, monkeypatch):
    for name in ("TENCENTCLOUD_SECRETID", "TENCENTCLOUD_SECRETKEY", "TENCENTCLOUD_SESSIONTOKEN"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ScfInvokeError, match="execution role"):
        ScfInvoker.from_config(config(scf)).invoke_analyzer("answers/x.aac")
    assert scf.calls == []


def test_requeue_uses_the_app_config(scf, role):
    from flask import Flask

    app = Flask("t")
    app.config.update(config(scf))
    with app.app_context():
        assert requeue("answers/s/1/1-a.aac") is None
    assert json.loads(scf.calls[0]["params"]["ClientContext"])["Records"][0]["cos"]["cosObject"]["key"].endswith("1-a.aac")


def test_async_retry_policy_is_pinned_to_two_retries(monkeypatch, capsys):
    from deploy import scf_async_config

    fake = TencentApiFake({"UpdateFunctionEventInvokeConfig": lambda params, request: {}})
    try:
        monkeypatch.setenv("TENCENTCLOUD_SECRETID", "AKIDdeployer0000000000000000000000")
        monkeypatch.setenv("TENCENTCLOUD_SECRETKEY", "deployer-secret")
        assert scf_async_config.main(["--function", "miaomian-analyze-prod", "--region", REGION,
                                      "--endpoint", fake.endpoint]) == 0
        [call] = fake.calls
        assert call["params"] == {"FunctionName": "miaomian-analyze-prod", "Namespace": "default",
                                  "AsyncTriggerConfig": {"RetryConfig": [{"RetryNum": 2}], "MsgTTL": 3600}}
        assert "async retries=2" in capsys.readouterr().out
    finally:
        fake.stop()
