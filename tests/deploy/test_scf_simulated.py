"""The packaged functions run as SCF runs them (tests/deploy/scf.py): the web function started by its
scf_bootstrap serves the README walkthrough with COS storage (the local COS) and STS-scoped uploads; the
analyzer package, with its ffmpeg and models layers, handles COS events shaped as the SCF docs show and
posts its results to that running API. Nothing from the venv is importable in either."""
import json
import os
import secrets
import signal
import subprocess
import time
from pathlib import Path

import pytest
import requests
from cryptography.fernet import Fernet

from api.storage import cos_event
from tencent_fakes import BUCKET, REGION, ROLE_ID, ROLE_KEY, ROLE_TOKEN, SECRET_ID, SECRET_KEY, TencentApiFake
from cos_emulator import CosEmulator
from deploy import package
from scf import invoke_event_function, sandboxed, scf_environment, serverless_variables, unpack_function
from tests.servers import free_port, wait_until_serving
from tests.scratch_mariadb import scratch_database
from tests.e2e.test_readme_walkthrough import walkthrough_script

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the SCF sandbox mounts read-only folders (root only)")

APPID, BUCKET_NAME = "1250000000", "miaomian"
ROLE = (ROLE_ID, ROLE_KEY, ROLE_TOKEN)


class Stack:
    """COS + STS fakes, a scratch MariaDB database, the web function and the unpacked analyzer."""


@pytest.fixture(scope="module")
def scf_database():
    """An empty scratch database: the packaged web function migrates it itself."""
    with scratch_database("miaomian_scf", migrate=False, needed_by="the SCF simulation") as url:
        yield url


@pytest.fixture(scope="module")
def stack(tmp_path_factory, scf_database):
    package.DIST.mkdir(exist_ok=True)
    package.build(languages=["ko"])   # ko explicitly: the only model the registries give (not packaged by default)
    s = Stack()
    s.cos = CosEmulator(BUCKET, {SECRET_ID: (SECRET_KEY, None), ROLE_ID: (ROLE_KEY, ROLE_TOKEN)}).start()
    from qcloud_cos import CosConfig, CosS3Client

    s.admin = CosS3Client(CosConfig(Region=REGION, SecretId=SECRET_ID, SecretKey=SECRET_KEY, Scheme="http",
                                    Domain=f"{s.cos.endpoint}/{BUCKET}"), retry=0)
    try:
        s.admin.create_bucket(Bucket=BUCKET)
    except Exception as error:
        if "BucketAlready" not in str(error):
            raise

    def issue(params, request):
        tmp_id, tmp_key, token = "AKIDtmp" + secrets.token_hex(12), secrets.token_hex(16), secrets.token_urlsafe(24)
        s.cos.credentials[tmp_id] = (tmp_key, token)
        return {"Credentials": {"Token": token, "TmpSecretId": tmp_id, "TmpSecretKey": tmp_key},
                "ExpiredTime": int(time.time()) + int(params["DurationSeconds"]), "Expiration": ""}

    s.sts = TencentApiFake({"AssumeRole": issue})
    port = free_port()   # SCF's port 9000 may be taken on a shared machine: scf_bootstrap reads MIAOMIAN_WEB_PORT
    s.url = f"http://127.0.0.1:{port}"
    s.values = {"STAGE": "test", "TENCENT_REGION": REGION, "MIAOMIAN_COS_BUCKET": BUCKET,
                "MIAOMIAN_DATABASE_URL": scf_database,
                "MIAOMIAN_SECRET_KEY": secrets.token_hex(32), "MIAOMIAN_HMAC_KEY": secrets.token_hex(32),
                "MIAOMIAN_DATA_KEY": Fernet.generate_key().decode(), "MIAOMIAN_PUBLIC_URL": s.url,
                "COS_UPLOAD_ROLE_ARN": "qcs::cam::uin/100000000001:roleName/miaomian-upload",
                "MIAOMIAN_WECHAT_APPID": "", "MIAOMIAN_WECHAT_SECRET": "", "VPC_ID": "", "SUBNET_ID": "",
                "MIAOMIAN_REDIS_URL": "memory://"}
    local = {"MIAOMIAN_COS_ENDPOINT": f"http://{s.cos.endpoint}"}   # the only non-SCF settings: where "COS" is
    web_env = scf_environment("miaomian-api-test", {**serverless_variables("api", s.values), **local,
                                                    "MIAOMIAN_STS_ENDPOINT": s.sts.endpoint,
                                                    "MIAOMIAN_WEB_PORT": str(port),
                                                    # the walkthrough signs in with the development login,
                                                    # which production refuses: a staging-like "test" env
                                                    "MIAOMIAN_ENV": "test", "MIAOMIAN_DEV_LOGIN": "1"},
                               ROLE, memory_mb=512, timeout_s=30)
    where = tmp_path_factory.mktemp("scf-api")
    code, opt = unpack_function(package.DIST, where, "api")
    web_tmp = where / "tmp"
    web_tmp.mkdir()
    migrate = subprocess.run(sandboxed(code, opt, web_tmp, ["/var/lang/python311/bin/python3.11", "-m", "flask",
                                                            "--app", "api", "migrate"]),
                             env=web_env, capture_output=True, text=True, timeout=300)
    assert migrate.returncode == 0, migrate.stderr[-3000:]
    log = open(where / "web.log", "w")
    s.web = subprocess.Popen(sandboxed(code, opt, web_tmp, ["/var/user/scf_bootstrap"]), env=web_env,
                             stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    wait_until_serving(f"{s.url}/healthz", 60, process=s.web, log=where / "web.log")
    s.web_log = where / "web.log"
    # the analyzer: code package + ffmpeg and models layers, its own SCF environment
    awhere = tmp_path_factory.mktemp("scf-analyze")
    s.analyze_code, s.analyze_opt = unpack_function(package.DIST, awhere, "analyze", ("ffmpeg", "models"))
    s.analyze_tmp = awhere / "tmp"
    s.analyze_env = scf_environment("miaomian-analyze-test", {**serverless_variables("analyze", s.values), **local},
                                    ROLE)
    yield s
    os.killpg(s.web.pid, signal.SIGTERM)
    s.web.wait(30)
    log.close()
    s.cos.stop()
    s.sts.stop()


def objects(stack, prefix="answers/") -> list[dict]:
    return stack.admin.list_objects(Bucket=BUCKET, Prefix=prefix).get("Contents", [])


def event_for(stack, keys: list[str]) -> dict:
    """One COS event with a record per key, built from what the store holds (size, Content-Type), as COS
    merges several ObjectCreated records into one invocation."""
    records = []
    for key in keys:
        head = {name.lower(): value for name, value in stack.admin.head_object(Bucket=BUCKET, Key=key).items()}
        records += cos_event(BUCKET_NAME, APPID, REGION, key, int(head["content-length"]),
                             head.get("content-type", ""))["Records"]
    return {"Records": records}


def assert_isolated(report, code_root="/var/user"):
    assert report["ok"], report.get("error", "") + report["stderr"][-3000:]
    assert not [p for p in report["sys_path"] if "site-packages" in p or ".venv" in p], report["sys_path"]
    for name in ("numpy", "onnxruntime", "vosk", "jieba", "qcloud_cos"):
        assert report["modules"][name].startswith(code_root + "/"), (name, report["modules"][name])
    assert report["ffmpeg"] == ["/opt/bin/ffmpeg", None]     # the layer's, on PATH; no ffprobe anywhere
    assert "Traceback" not in report["stderr"], report["stderr"][-3000:]


def test_readme_walkthrough_on_the_packaged_web_function_and_analyzer(stack, tmp_path):
    wait = (f"\ntouch {tmp_path}/waiting\nfor _ in $(seq 600); do [ -f {tmp_path}/analysed ] && break; "
            "sleep 0.2; done\n")
    script = walkthrough_script(stack.url)
    assert "\nsleep 5\n" in script
    before = {item["Key"] for item in objects(stack)}      # moto's store is per process: other tests' objects
    walkthrough = subprocess.Popen(["bash", "-c", script.replace("\nsleep 5\n", wait)], cwd=tmp_path,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while not (tmp_path / "waiting").exists():
        assert walkthrough.poll() is None and time.monotonic() < deadline, walkthrough.communicate()
        time.sleep(0.2)
    keys = [item["Key"] for item in objects(stack) if item["Key"] not in before]
    if len(keys) != 1:
        walkthrough.kill()
        pytest.fail(f"expected one uploaded answer, found {keys}: {walkthrough.communicate()}")
    assert keys[0].endswith(".aac")
    report = invoke_event_function(stack.analyze_code, stack.analyze_opt, stack.analyze_tmp, stack.analyze_env,
                                   event_for(stack, keys))
    (tmp_path / "analysed").touch()
    out, err = walkthrough.communicate(timeout=300)
    assert walkthrough.returncode == 0, err[-3000:]
    assert_isolated(report)
    # the demo interview is in Chinese; the zh model is not in the layer here (not on a registry)
    [outcome] = report["result"]["objects"]
    assert outcome["key"] == keys[0] and outcome["outcome"] in ("scored", "needs_review"), outcome
    assert '"error"' not in out, out[-3000:]
    assert '"decision":"advance"' in out and '"erased":true' in out
    assert "QR code PNG: True" in out
    assert {item["Key"] for item in objects(stack)} == before   # erasure deleted the recording from COS
    assert "Traceback" not in stack.web_log.read_text()


def korean_aac(tmp_path: Path, text: str) -> bytes:
    wav, aac = tmp_path / "answer.wav", tmp_path / "answer.aac"
    subprocess.run(["espeak-ng", "-v", "ko", "-s", "150", "-w", str(wav), text], check=True)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(wav), "-ar", "16000", "-ac", "1", "-c:a", "aac",
                    "-f", "adts", str(aac)], check=True)
    return aac.read_bytes()


def hr_session(stack):
    token = requests.post(f"{stack.url}/api/auth/dev", json={"name": "김 매니저", "org": "서울 카페"}, timeout=10).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    job = requests.post(f"{stack.url}/api/jobs", json={"title": "바리스타", "location": "서울"}, headers=auth,
                        timeout=10).json()
    interview = requests.post(f"{stack.url}/api/jobs/{job['id']}/interviews", headers=auth, timeout=10, json={
        "language": "ko", "competencies": [{"name": "고객 응대", "weight": 1, "keywords": ["고객", "문제"]}],
        "questions": [{"text": "고객 문제를 해결한 경험을 말해 주세요.", "think_seconds": 10, "answer_seconds": 90,
                       "max_attempts": 1}] * 2})
    assert interview.status_code == 201, interview.text
    return auth, interview.json()


def test_analyzer_package_handles_a_multi_record_cos_event_of_korean_answers(stack, tmp_path):
    auth, interview = hr_session(stack)
    [invitation] = requests.post(f"{stack.url}/api/interviews/{interview['id']}/invitations", headers=auth,
                                 json={"candidates": [{"name": "이민수", "phone": "13800138001"}]}, timeout=10).json()
    token = invitation["token"]
    view = requests.get(f"{stack.url}/api/c/{token}", timeout=10).json()
    started = requests.post(f"{stack.url}/api/c/{token}/start", timeout=10,
                            json={"consent": True, "privacy_version": view["privacy_version"]})
    assert started.status_code == 200, started.text
    audio = korean_aac(tmp_path, "저는 고객의 문제를 듣고 바로 해결했습니다. 고객이 아주 만족했습니다. 결과가 좋았습니다.")
    keys = []
    for question in view["questions"]:
        requests.post(f"{stack.url}/api/c/{token}/answers/{question['id']}/think", timeout=10)  # opened first
        ticket = requests.post(f"{stack.url}/api/c/{token}/answers/{question['id']}/upload",
                               json={"content_type": "audio/aac"}, timeout=10).json()
        assert ticket["fields"]["x-cos-security-token"]          # STS credentials for this one key
        sent = requests.post(ticket["url"], data=ticket["fields"], files={"file": ("tmp_rec.aac", audio)}, timeout=30)
        assert sent.status_code == 200, sent.text
        confirmed = requests.post(f"{stack.url}/api/c/{token}/answers/{question['id']}/uploaded",
                                  json={"key": ticket["key"]}, timeout=10)
        assert confirmed.status_code == 200, confirmed.text
        keys.append(ticket["key"])
    event = event_for(stack, keys)
    event["Records"].append(json.loads(json.dumps(event["Records"][0])))   # COS may deliver a record twice
    report = invoke_event_function(stack.analyze_code, stack.analyze_opt, stack.analyze_tmp, stack.analyze_env, event)
    assert_isolated(report)
    outcomes = report["result"]["objects"]
    assert [o["key"] for o in outcomes] == keys and all(o["outcome"] == "scored" for o in outcomes), outcomes
    print(f"\nanalyzer cold start (import index, fresh interpreter, layers mounted): {report['cold_start_s']} s; "
          f"two answers: {report['invoke_s']} s")
    sessions = requests.get(f"{stack.url}/api/interviews/{interview['id']}/sessions", headers=auth, timeout=10).json()
    detail = requests.get(f"{stack.url}/api/sessions/{sessions[0]['id']}", headers=auth, timeout=10).json()
    text = json.dumps(detail, ensure_ascii=False)
    assert "고객" in text, text[:2000]          # the transcript came from the models layer's Korean model
    # a second delivery of the same event (SCF retry) analyses nothing twice
    again = invoke_event_function(stack.analyze_code, stack.analyze_opt, stack.analyze_tmp, stack.analyze_env, event)
    assert [o["outcome"] for o in again["result"]["objects"]] == ["already_analysed"] * 2


def test_analyzer_package_fails_the_invocation_when_the_api_is_down_so_scf_retries(stack):
    stack.admin.put_object(Bucket=BUCKET, Key="answers/retry/x.aac", Body=b"\xff\xf1" + b"0" * 100,
                           ContentType="audio/aac")
    env = {**stack.analyze_env, "MIAOMIAN_API_URL": f"http://127.0.0.1:{free_port()}"}
    report = invoke_event_function(stack.analyze_code, stack.analyze_opt, stack.analyze_tmp, env,
                                   event_for(stack, ["answers/retry/x.aac"]))
    assert not report["ok"] and report["error"].startswith("TransientError"), report
    stack.admin.delete_object(Bucket=BUCKET, Key="answers/retry/x.aac")
