"""The whole interview over real HTTP: HR sets it up, a candidate answers with real speech (espeak-ng,
encoded to AAC as a phone sends it), the local store emits the event, the trigger's worker processes run
the analyzer function (ffmpeg, VAD, Vosk, ONNX), and HR reads the report. Runs on SQLite and MariaDB."""
import subprocess
import time

import requests


ANSWERS = ["저는 고객과 소통하는 것을 좋아합니다. 고객의 문제를 함께 해결했습니다.",
           "먼저 상황을 분석하고 계획을 세웠습니다. 결과적으로 매출이 증가했습니다."]
COMPETENCIES = [{"name": "소통", "weight": 1, "keywords": ["고객", "소통", "함께"]},
                {"name": "문제 해결", "weight": 1, "keywords": ["문제", "해결", "결과"]}]


def phone_recording(text: str, path) -> bytes:
    wav = path.with_suffix(".wav")
    subprocess.run(["espeak-ng", "-v", "ko", "-s", "150", "-w", str(wav), text], check=True)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(wav), "-ar", "16000", "-ac", "1",
                    "-c:a", "aac", "-b:a", "32k", "-f", "adts", str(path)], check=True)
    return path.read_bytes()


def test_complete_interview_from_invitation_to_report(live_server, trigger, tmp_path):
    api = requests.Session()
    base = live_server.url
    token = api.post(f"{base}/api/auth/dev", json={"name": "김 매니저", "org": "서울 카페"}).json()["token"]
    hr = {"Authorization": f"Bearer {token}"}
    job = api.post(f"{base}/api/jobs", json={"title": "매장 직원"}, headers=hr).json()
    interview = api.post(f"{base}/api/jobs/{job['id']}/interviews", headers=hr, json={
        "language": "ko", "pass_threshold": 50, "competencies": COMPETENCIES,
        "questions": [{"text": "고객과 소통한 경험을 말해 주세요", "answer_seconds": 60},
                      {"text": "문제를 해결한 경험을 말해 주세요", "answer_seconds": 60}]}).json()
    invitation = api.post(f"{base}/api/interviews/{interview['id']}/invitations", headers=hr,
                          json={"candidates": [{"name": "이지은", "phone": "13800138000"}]}).json()[0]
    candidate = f"{base}/api/c/{invitation['token']}"

    view = api.get(candidate).json()
    assert view["interview"]["question_count"] == 2
    started = api.post(f"{candidate}/start", json={"consent": True, "privacy_version": view["privacy_version"]})
    assert started.status_code == 200, started.text
    for question, text in zip(interview["questions"], ANSWERS):
        audio = phone_recording(text, tmp_path / f"q{question['id']}.aac")
        assert api.post(f"{candidate}/answers/{question['id']}/think").status_code == 200  # opened first
        ticket = api.post(f"{candidate}/answers/{question['id']}/upload", json={"content_type": "audio/aac"}).json()
        uploaded = requests.post(ticket["url"], data=ticket["fields"],
                                 files={"file": ("answer.aac", audio, "audio/aac")})
        assert uploaded.status_code == 200, uploaded.text
        confirmed = api.post(f"{candidate}/answers/{question['id']}/uploaded", json={"key": ticket["key"]})
        assert confirmed.status_code == 200, confirmed.text
    assert api.post(f"{candidate}/submit").json()["status"] == "submitted"

    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        listed = api.get(f"{base}/api/interviews/{interview['id']}/sessions", headers=hr).json()[0]
        if listed["status"] in ("scored", "needs_review"):
            break
        time.sleep(0.5)
    assert listed["status"] in ("scored", "needs_review"), listed
    assert listed["name"] == "이지은" and listed["phone"] == "138****8000"

    report = api.get(f"{base}/api/sessions/{listed['id']}", headers=hr).json()
    for item in report["questions"]:
        answer = item["answer"]
        assert answer["status"] in ("scored", "needs_review"), answer
        assert answer["transcript"]["words"], "the real recogniser heard words"
        assert all({"word", "start", "end", "conf"} <= set(word) for word in answer["transcript"]["words"])
        assert answer["model_versions"]["asr"].startswith("vosk")
        media = api.get(answer["media_url"])
        assert media.status_code == 200 and media.content[:2] == b"\xff\xf1"
        if answer["status"] == "scored":
            assert 0 <= answer["overall"] <= 100
            assert {c["name"] for c in answer["competencies"]} == {"소통", "문제 해결"}
        else:
            assert answer["reason"]
    if report["status"] == "scored":
        assert report["overall"] is not None and report["recommended"] in (True, False)
    heard = " ".join(item["answer"]["transcript"]["text"] for item in report["questions"])
    assert sum("\uac00" <= char <= "\ud7a3" for char in heard) >= 20, f"expected Korean words, heard {heard!r}"

    own = api.get(f"{candidate}/report").json()
    assert own["ready"] is True and own["answers"][0]["transcript"]
    assert api.post(f"{base}/api/sessions/{listed['id']}/decision", headers=hr,
                    json={"decision": "advance"}).status_code == 200
