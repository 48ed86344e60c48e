"""The production path, measured locally: the packaged analyzer (dist/, as SCF runs it: fresh interpreter,
read-only /var/user and /opt layers, only /tmp writable — tests/deploy/scf.py) behind the local COS.

    python bench/scf_path.py [--seconds 60]

Prints: package sizes against SCF's limits; the analyzer's cold start (import index in a fresh interpreter
with the Korean model of the models layer preloaded); one answer of --seconds seconds from the upload
(POST policy, STS-scoped, to the local COS) to its result visible in the API: upload, COS event → analyzer
(cold), result. Needs root (mount namespaces) and MariaDB-free: the API here runs on SQLite in-process.
"""
from __future__ import annotations

import argparse
import json
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "deploy")]

import requests  # noqa: E402
from cryptography.fernet import Fernet  # noqa: E402

from api import create_app, db  # noqa: E402
from api.storage import cos_event  # noqa: E402
from tencent_fakes import BUCKET, REGION, ROLE_ID, ROLE_KEY, ROLE_TOKEN, SECRET_ID, SECRET_KEY, TencentApiFake  # noqa: E402
from cos_emulator import CosEmulator  # noqa: E402
from deploy import package  # noqa: E402
from scf import invoke_event_function, scf_environment, serverless_variables, unpack_function  # noqa: E402
from tests.conftest import LiveServer, free_port  # noqa: E402

SENTENCE = "저는 고객의 문제를 먼저 듣고 원인을 찾은 다음 바로 해결했습니다. 결과적으로 고객이 아주 만족했습니다. "


def long_answer(work: Path, seconds: float) -> bytes:
    text, wav = SENTENCE, work / "answer.wav"
    while True:
        subprocess.run(["espeak-ng", "-v", "ko", "-w", str(wav), text], check=True)
        duration = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                                         "csv=p=0", str(wav)], capture_output=True, text=True).stdout)
        if duration >= seconds:
            break
        text += SENTENCE
    aac = work / "answer.aac"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(wav), "-t", str(seconds), "-ar", "16000", "-ac",
                    "1", "-c:a", "aac", "-f", "adts", str(aac)], check=True)
    return aac.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    package.DIST.mkdir(exist_ok=True)
    started = time.perf_counter()
    package.build(languages=["ko"])   # the Korean model: the only one a registry gives (as tests/deploy do)
    print(f"make package (cached when unchanged): {time.perf_counter() - started:.1f} s")
    for line in package.size_report():
        print("  " + line)
    work = Path(tempfile.mkdtemp(prefix="miaomian-scf-bench-"))
    cos = CosEmulator(BUCKET, {SECRET_ID: (SECRET_KEY, None), ROLE_ID: (ROLE_KEY, ROLE_TOKEN)}).start()

    def issue(params, request):
        tmp_id, tmp_key, token = "AKIDtmp" + secrets.token_hex(12), secrets.token_hex(16), secrets.token_urlsafe(24)
        cos.credentials[tmp_id] = (tmp_key, token)
        return {"Credentials": {"Token": token, "TmpSecretId": tmp_id, "TmpSecretKey": tmp_key},
                "ExpiredTime": int(time.time()) + 900, "Expiration": ""}

    sts = TencentApiFake({"AssumeRole": issue})
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    hmac_key = secrets.token_hex(32)
    # "test", not "production": the bench signs in with the development login, which production refuses
    app = create_app({"ENV": "test", "INSTANCE_PATH": str(work / "instance"), "DEV_LOGIN": True,
                      "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}", "PUBLIC_URL": url,
                      "SECRET_KEY": secrets.token_hex(32), "HMAC_KEY": hmac_key,
                      "DATA_KEY": Fernet.generate_key().decode(), "STORAGE": "cos", "COS_BUCKET": BUCKET,
                      "COS_REGION": REGION, "COS_SECRET_ID": SECRET_ID, "COS_SECRET_KEY": SECRET_KEY,
                      "COS_ENDPOINT": f"http://{cos.endpoint}", "COS_STS": "assume-role",
                      "COS_UPLOAD_ROLE_ARN": "qcs::cam::uin/1:roleName/upload", "STS_ENDPOINT": sts.endpoint})
    db.migrate(app.extensions["miaomian.engine"])
    app.extensions["miaomian.storage"].client.create_bucket(Bucket=BUCKET)
    code, opt = unpack_function(package.DIST, work / "analyze", "analyze", ("ffmpeg", "models"))
    values = {"STAGE": "bench", "TENCENT_REGION": REGION, "MIAOMIAN_COS_BUCKET": BUCKET,
              "MIAOMIAN_PUBLIC_URL": url, "MIAOMIAN_HMAC_KEY": hmac_key}
    env = scf_environment("miaomian-analyze-bench", {**serverless_variables("analyze", values),
                                                     "MIAOMIAN_COS_ENDPOINT": f"http://{cos.endpoint}",
                                                     "MIAOMIAN_PRELOAD_LANGUAGES": "ko"}, (ROLE_ID, ROLE_KEY, ROLE_TOKEN))
    cold = invoke_event_function(code, opt, work / "tmp", env, {"Records": []})
    print(f"analyzer cold start, fresh interpreter, ko model preloaded from the layer: {cold['cold_start_s']:.2f} s")
    audio = long_answer(work, args.seconds)
    with LiveServer(app, port):
        token = requests.post(f"{url}/api/auth/dev", json={"name": "김", "org": "카페"}).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        job = requests.post(f"{url}/api/jobs", json={"title": "바리스타"}, headers=auth).json()
        interview = requests.post(f"{url}/api/jobs/{job['id']}/interviews", headers=auth, json={
            "language": "ko", "competencies": [{"name": "고객 응대", "weight": 1, "keywords": ["고객", "문제"]}],
            "questions": [{"text": "경험을 말해 주세요.", "think_seconds": 10, "answer_seconds": 120,
                           "max_attempts": 1}]}).json()
        [invitation] = requests.post(f"{url}/api/interviews/{interview['id']}/invitations", headers=auth,
                                     json={"candidates": [{"name": "이", "phone": "13800138000"}]}).json()
        candidate = invitation["token"]
        view = requests.get(f"{url}/api/c/{candidate}").json()
        requests.post(f"{url}/api/c/{candidate}/start", json={"consent": True,
                                                              "privacy_version": view["privacy_version"]})
        question = view["questions"][0]["id"]
        for step in ("think", "attempts"):  # the server keeps the time: open the question, start the take
            requests.post(f"{url}/api/c/{candidate}/answers/{question}/{step}", json={})
        t0 = time.perf_counter()
        ticket = requests.post(f"{url}/api/c/{candidate}/answers/{question}/upload",
                               json={"content_type": "audio/aac"}).json()
        sent = requests.post(ticket["url"], data=ticket["fields"], files={"file": ("rec.aac", audio)})
        assert sent.status_code == 200, sent.text
        requests.post(f"{url}/api/c/{candidate}/answers/{question}/uploaded", json={"key": ticket["key"]})
        t_uploaded = time.perf_counter()
        head = app.extensions["miaomian.storage"].client.head_object(Bucket=BUCKET, Key=ticket["key"])
        event = cos_event("miaomian", "1250000000", REGION, ticket["key"], int(head["Content-Length"]), "audio/aac")
        report = invoke_event_function(code, opt, work / "tmp", env, event)
        assert report["ok"], report.get("error", "") + report["stderr"][-2000:]
        sessions = requests.get(f"{url}/api/interviews/{interview['id']}/sessions", headers=auth).json()
        detail = requests.get(f"{url}/api/sessions/{sessions[0]['id']}", headers=auth).json()
        t_result = time.perf_counter()
        answer = detail["questions"][0]["answer"]
    print(f"one {args.seconds:.0f}-s answer ({len(audio) / 1e6:.2f} MB AAC) through the local COS path: "
          f"upload {t_uploaded - t0:.2f} s; event → analyzer (fresh instance: cold start "
          f"{report['cold_start_s']:.2f} s + handler {report['invoke_s']:.2f} s) → result visible: "
          f"{t_result - t_uploaded:.2f} s; total upload→result {t_result - t0:.2f} s; status {answer['status']}")
    print(json.dumps({"outcome": report["result"]["objects"]}, ensure_ascii=False))
    cos.stop()
    sts.stop()


if __name__ == "__main__":
    main()
