"""Shared fixtures: real speech made with espeak-ng and encoded as phones and browsers send it.

Everything generated goes to one session temp dir (never the repository) and is made once per session.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from functions.analyze import asr, signing

KO_SENTENCES = [
    "저는 고객과 소통하는 것을 좋아합니다.",
    "지난 프로젝트에서 팀과 함께 문제를 해결했습니다.",
    "먼저 상황을 분석하고 계획을 세웠습니다.",
    "결과적으로 매출이 이십 퍼센트 증가했습니다.",
]
ZH_PINYIN = "wo3 zai4 shang4 yi4 jia1 gong1 si1 fu4 ze2 ke4 hu4 gou1 tong1."
GAP_S = 1.5


def _run(*cmd: str) -> None:
    subprocess.run(list(cmd), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _ffmpeg(*args: str) -> None:
    _run("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args)


def _tts(voice: str, text: str, out: Path) -> Path:
    raw = out.with_suffix(".tts.wav")
    _run("espeak-ng", "-v", voice, "-s", "150", "-w", str(raw), text)
    _ffmpeg("-i", str(raw), "-ar", "16000", "-ac", "1", str(out))
    raw.unlink()
    return out


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory) -> Path:
    if not shutil.which("espeak-ng") or not shutil.which("ffmpeg"):
        pytest.skip("espeak-ng and ffmpeg are needed (apt-get install espeak-ng ffmpeg)")
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def ko_speech(media_dir) -> dict:
    """~20 s of Korean speech: four sentences with 1.5-s pauses. Returns the wav and sentence offsets."""
    parts, offsets, t = [], [], 0.0
    silence = media_dir / "gap.wav"
    _ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", str(GAP_S), "-c:a", "pcm_s16le", str(silence))
    for i, sentence in enumerate(KO_SENTENCES):
        wav = _tts("ko", sentence, media_dir / f"ko{i}.wav")
        dur = os.path.getsize(wav) / 32000  # close enough for offsets (44-byte header)
        offsets.append((t, t + dur))
        parts += [wav, silence]
        t += dur + GAP_S
    out = media_dir / "ko_speech.wav"
    _run("sox", *map(str, parts), str(out))
    return {"wav": out, "offsets": offsets, "duration": t}


FORMATS = {
    # name: (file name, ffmpeg output args) — as phones (AAC/M4A, MP3, MP4 video) and browsers (WebM/Opus) send it
    "m4a": ("answer.m4a", ["-c:a", "aac", "-b:a", "48k"]),
    "mp3": ("answer.mp3", ["-c:a", "libmp3lame", "-b:a", "64k"]),
    "webm": ("answer.webm", ["-c:a", "libopus", "-b:a", "32k"]),
    "wav": ("answer.wav", ["-c:a", "pcm_s16le", "-ar", "44100", "-ac", "2"]),
}


@pytest.fixture(scope="session")
def ko_media(media_dir, ko_speech) -> dict:
    out = {}
    for name, (fname, args) in FORMATS.items():
        path = media_dir / fname
        _ffmpeg("-i", str(ko_speech["wav"]), *args, str(path))
        out[name] = path
    mp4 = media_dir / "answer.mp4"  # a phone video: H.264 picture + AAC sound
    _ffmpeg("-f", "lavfi", "-i", f"testsrc=size=160x120:rate=10:duration={ko_speech['duration']:.2f}",
            "-i", str(ko_speech["wav"]), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-shortest", str(mp4))
    out["mp4"] = mp4
    return out


@pytest.fixture(scope="session")
def zh_speech(media_dir) -> Path:
    wav = _tts("cmn-latn-pinyin", ZH_PINYIN, media_dir / "zh.wav")
    out = media_dir / "zh.m4a"
    _ffmpeg("-i", str(wav), "-c:a", "aac", str(out))
    return out


@pytest.fixture(scope="session")
def bad_media(media_dir, ko_media) -> dict:
    """Every bad input of issue 3, made once."""
    d = media_dir / "bad"
    d.mkdir()
    files = {}
    files["empty"] = d / "empty.aac"
    files["empty"].write_bytes(b"")
    files["zero_length"] = d / "zero.m4a"
    _ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "0", "-c:a", "aac", str(files["zero_length"]))
    files["silence"] = d / "silence.m4a"
    _ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "8", "-c:a", "aac", str(files["silence"]))
    files["noise"] = d / "noise.m4a"
    _ffmpeg("-f", "lavfi", "-i", "anoisesrc=r=16000:color=white:amplitude=0.3:duration=8", "-ac", "1",
            "-c:a", "aac", str(files["noise"]))
    files["twenty_minutes"] = d / "long.m4a"
    _ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "1200", "-c:a", "aac", "-b:a", "16k",
            str(files["twenty_minutes"]))
    data = ko_media["m4a"].read_bytes()
    files["truncated"] = d / "truncated.m4a"
    files["truncated"].write_bytes(data[: len(data) // 2])
    files["corrupt"] = d / "corrupt.m4a"
    files["corrupt"].write_bytes(bytes(range(256)) * 4 + data[1024:])
    files["text_as_aac"] = d / "notes.aac"
    files["text_as_aac"].write_text("这不是音频文件。 This is not audio.\n" * 20, encoding="utf-8")
    files["video_without_audio"] = d / "mute.mp4"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=3", "-c:v", "libx264",
            "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(files["video_without_audio"]))
    return files


# The issue-8 question (its table of answers is scored against it in several test files).
ISSUE_QUESTION = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
                  "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                                   {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}

# The breaker's questions of session 11 (tests/functions/test_scoring_breaker3_*.py)
COOK_QUESTION = {"text": "请讲一次午餐高峰时后厨忙不过来的经历，你是怎么保证出餐速度和食品卫生的？", "answer_seconds": 120,
                 "competencies": [{"name": "食品安全", "weight": 0.5, "keywords": ["卫生", "保质期", "生熟分开", "消毒"]},
                                  {"name": "出餐效率", "weight": 0.5, "keywords": ["出餐", "备料", "高峰", "顺序"]}]}
CASHIER_QUESTION = {"text": "请讲一次顾客对找零或账单有争议的经历，你当时是怎么处理的？", "answer_seconds": 90,
                    "competencies": [{"name": "细致准确", "weight": 0.6, "keywords": ["核对", "账单", "找零", "清点"]},
                                     {"name": "服务态度", "weight": 0.4, "keywords": ["耐心", "解释", "道歉", "顾客"]}]}
RIDER_QUESTION = {"text": "请讲一次你送外卖时遇到暴雨或者堵车、眼看要超时的经历，你是怎么做的？", "answer_seconds": 90,
                  "competencies": [{"name": "安全意识", "weight": 0.5, "keywords": ["安全", "头盔", "减速", "红灯"]},
                                   {"name": "时效管理", "weight": 0.5, "keywords": ["准时", "路线", "超时", "联系"]}]}

QUESTION_KO = {
    "id": 1, "text": "고객과 소통하고 문제를 해결한 경험을 말해 주세요", "answer_seconds": 60,
    "reference_answer": None,
    "competencies": [{"name": "소통", "weight": 0.5, "keywords": ["고객", "소통", "함께"]},
                     {"name": "문제 해결", "weight": 0.5, "keywords": ["문제", "해결", "결과"]}],
}

QUESTION_ZH = {
    "id": 3, "text": "请谈谈你和客户沟通、解决问题的一次经历", "answer_seconds": 120, "reference_answer": None,
    "competencies": [{"name": "沟通表达", "weight": 0.5, "keywords": ["沟通", "客户", "倾听", "反馈"]},
                     {"name": "解决问题", "weight": 0.5, "keywords": ["问题", "方案", "结果"]}],
}


@pytest.fixture(scope="session", autouse=True)
def _close_asr_pools():
    yield
    asr.reset_engines()


# --- a fake of the API's two internal endpoints (docs/internal-contracts.md) -------------------------

class FakeApi:
    """Implements GET /api/internal/analysis-context and POST /api/internal/results, verifies
    signatures, keeps results idempotent per key and records every request."""

    def __init__(self, key: str):
        self.hmac_key = key
        self.contexts: dict[str, dict] = {}
        self.results: dict[str, dict] = {}
        self.requests: list[dict] = []
        self.fail_results_with: int | None = None
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def add(self, key: str, language: str = "ko", question: dict | None = None, answer_id: int = 1,
            scorer: dict | None = None) -> None:
        self.contexts[key] = {"answer_id": answer_id, "language": language,
                              "question": question or QUESTION_KO, "scorer": scorer or {"version": "default"}}

    def _handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status: int, doc: dict) -> None:
                body = json.dumps(doc).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _verified(self, body: bytes) -> bool:
                ok = signing.verify_request(api.hmac_key, self.command, self.path, body, self.headers)
                api.requests.append({"method": self.command, "path": self.path, "signed": ok,
                                     "body": json.loads(body) if body else None})
                if not ok:
                    self._reply(403, {"error": "bad_signature", "message": "bad signature"})
                return ok

            def do_GET(self):
                if not self._verified(b""):
                    return
                url = urlsplit(self.path)
                key = parse_qs(url.query).get("key", [""])[0]
                if url.path != "/api/internal/analysis-context" or key not in api.contexts:
                    return self._reply(404, {"error": "unknown_object", "message": "no answer has this key"})
                self._reply(200, {**api.contexts[key], "already_analysed": key in api.results})

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if not self._verified(body):
                    return
                if api.fail_results_with:
                    return self._reply(api.fail_results_with, {"error": "boom", "message": "server error"})
                doc = json.loads(body)
                ctx = api.contexts.get(doc["key"])
                if ctx is None:
                    return self._reply(404, {"error": "unknown_object", "message": "no answer has this key"})
                duplicate = doc["key"] in api.results
                if not duplicate:
                    api.results[doc["key"]] = doc
                self._reply(200, {"answer_id": ctx["answer_id"], "status": api.results[doc["key"]]["status"],
                                  "duplicate": duplicate})

        return Handler

    def posts(self) -> list[dict]:
        return [r for r in self.requests if r["method"] == "POST"]


@pytest.fixture
def fake_api():
    api = FakeApi("test-hmac-key")
    api.thread.start()
    yield api
    api.server.shutdown()
    api.server.server_close()


@pytest.fixture
def handler_env(fake_api, tmp_path, monkeypatch):
    """Environment for main_handler: local storage in tmp_path, the fake API, the shared key."""
    root = tmp_path / "store"
    root.mkdir()
    monkeypatch.setenv("MIAOMIAN_STORAGE", "local")
    monkeypatch.setenv("MIAOMIAN_STORAGE_ROOT", str(root))
    monkeypatch.setenv("MIAOMIAN_API_URL", fake_api.url)
    monkeypatch.setenv("MIAOMIAN_HMAC_KEY", fake_api.hmac_key)
    return root


def _cos_event(*keys: str, appid: str = "1250000000", bucket: str = "miaomian") -> dict:
    return {"Records": [{"cos": {"cosSchemaVersion": "1.0",
                                 "cosObject": {"key": f"/{appid}/{bucket}/{k}", "size": 1,
                                               "url": f"https://{bucket}-{appid}.cos.ap-guangzhou.myqcloud.com/{k}"},
                                 "cosBucket": {"name": bucket, "appid": appid, "region": "gz"}},
                         "event": {"eventName": "cos:ObjectCreated:*"}} for k in keys]}


@pytest.fixture
def cos_event():
    """Build a COS ObjectCreated event (keys get the /<appid>/<bucket>/ prefix)."""
    return _cos_event


@pytest.fixture
def question_ko() -> dict:
    return json.loads(json.dumps(QUESTION_KO))


@pytest.fixture
def question_zh() -> dict:
    return json.loads(json.dumps(QUESTION_ZH))
