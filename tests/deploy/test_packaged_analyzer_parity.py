"""The packaged analyzer scores exactly as the development venv does.

dist/analyze carries other releases than the venv where SCF's glibc 2.17 demands it (numpy 1.26.4 and
onnxruntime 1.16.3 instead of numpy 2.4 and onnxruntime 1.32: deploy/requirements-scf.txt) and leaves out what
the analyzer never imports (deploy/package.py ANALYZER_TRIM). The same recordings and transcripts go through
`python -m functions.analyze` twice: once in the venv, once in a bare interpreter (-S -s, no site-packages)
whose sys.path is only the package, with the models layer's Korean model. Both decode with the ffmpeg layer's
binary (Debian's ffmpeg 5.1 decodes AAC a few samples differently from the layer's 6.0, which moves a Vosk word
confidence by 0.001). The result JSON must be equal, field for field — transcript, word times and confidences,
features, scores, reasons — except the wall-clock timings."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deploy import package
from tests.functions.conftest import QUESTION_KO, QUESTION_ZH

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_PYTHON = next((p for p in ("/usr/bin/python3.11", "/usr/local/bin/python3.11") if Path(p).exists()),
                      sys._base_executable)

QUESTION_KO = {**QUESTION_KO, "answer_seconds": 90}
ZH_TRANSCRIPTS = [
    "当时客户投诉，我的任务是解决问题。我首先倾听客户反馈，和团队制定方案，最终问题解决了，客户满意度提高了百分之二十。",
    "我觉得沟通很重要，一般来说要多听客户的意见。",
    "上個月雙十一，我負責店裡的收銀和庫存，先盤點了三百件貨，再安排兩個同事輪班，結果沒有一單出錯。",
    # counter-evidence (models/scorer/contrary-zh.json) and Cantonese words: every data file the scorer opens
    "上个月赶单，我把活都推给新来的同事，自己提前收工，佢哋搞掂咗之后功劳算在我头上。",
]


@pytest.fixture(scope="module")
def dist():
    package.DIST.mkdir(exist_ok=True)
    package.build(languages=["ko"])   # the test build carries the Korean model (the registries' only one)
    return package.DIST


def layer_path() -> str:
    """PATH with the ffmpeg layer's binaries first: both runs decode with the same ffmpeg."""
    return f"{ROOT / package.ARTEFACTS['ffmpeg'] / 'bin'}:/usr/bin:/bin"


CONFIDENCE_TOLERANCE = 0.005


def comparable(result: dict) -> dict:
    """The result without its wall-clock timings (seconds per stage), which no two runs share, and without the
    recogniser's confidences, compared apart (confidences_match): Vosk's word confidences differ in the third
    decimal between two processes now and then (CI: 0.511 against 0.51 on one word, every word, score and reason
    the same)."""
    out = {key: value for key, value in result.items() if key != "timings"}
    if isinstance(out.get("transcript"), dict):
        transcript = dict(out["transcript"])
        transcript.pop("mean_confidence", None)
        transcript["words"] = [{k: v for k, v in w.items() if k != "conf"} for w in transcript.get("words") or []]
        out["transcript"] = transcript
    return out


def confidences(result: dict) -> list[float]:
    transcript = result.get("transcript") or {}
    return [transcript.get("mean_confidence") or 0.0] + [w.get("conf", 0.0) for w in transcript.get("words") or []]


def confidences_match(a: dict, b: dict) -> bool:
    ca, cb = confidences(a), confidences(b)
    return len(ca) == len(cb) and all(abs(x - y) <= CONFIDENCE_TOLERANCE for x, y in zip(ca, cb))


def run_venv(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-m", "functions.analyze", *args], capture_output=True, text=True,
                         cwd=ROOT, check=True, env={**os.environ, "PATH": layer_path()})
    return json.loads(out.stdout)


def run_packaged(args: list[str], scratch: Path) -> dict:
    tree = ROOT / package.ARTEFACTS["analyze"]
    env = {"PATH": layer_path(), "PYTHONPATH": str(tree),
           "MIAOMIAN_MODELS_DIR": str(ROOT / package.ARTEFACTS["models"] / "models"),
           "MIAOMIAN_MODELS_CACHE": str(scratch / "models-cache"),   # as on SCF: the layer is never written to
           "HOME": str(scratch), "TMPDIR": str(scratch), "LANG": "C.UTF-8"}
    out = subprocess.run([RUNTIME_PYTHON, "-S", "-s", "-c",
                          "import sys, runpy; assert not [p for p in sys.path if 'site-packages' in p], sys.path; "
                          "runpy.run_module('functions.analyze', run_name='__main__')", *args],
                         capture_output=True, text=True, cwd=tree, env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


def korean_answer(tmp_path: Path) -> Path:
    text = ("저는 고객과 소통하는 것을 좋아합니다. 지난 프로젝트에서 팀과 함께 문제를 해결했습니다. "
            "먼저 상황을 분석하고 계획을 세웠습니다. 결과적으로 매출이 이십 퍼센트 증가했습니다.")
    wav, aac = tmp_path / "ko.wav", tmp_path / "ko.aac"
    subprocess.run(["espeak-ng", "-v", "ko", "-s", "150", "-w", str(wav), text], check=True)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(wav), "-ar", "16000", "-ac", "1", "-c:a", "aac",
                    "-f", "adts", str(aac)], check=True)
    return aac


def test_packaged_analyzer_scores_a_korean_recording_as_the_venv_does(dist, tmp_path):
    question = tmp_path / "q.json"
    question.write_text(json.dumps({"language": "ko", "question": QUESTION_KO}, ensure_ascii=False), encoding="utf-8")
    args = [str(korean_answer(tmp_path)), "--question", str(question)]
    venv, packaged = run_venv(args), run_packaged(args, tmp_path)
    assert venv["status"] == "scored" and venv["transcript"]["text"] and venv["speech"], venv
    assert comparable(packaged) == comparable(venv)
    assert confidences_match(packaged, venv), (confidences(packaged), confidences(venv))


@pytest.mark.parametrize("transcript", ZH_TRANSCRIPTS)
def test_packaged_analyzer_scores_chinese_transcripts_as_the_venv_does(dist, tmp_path, transcript):
    """jieba (its dictionary and POS tables without the trimmed pickles), OpenCC, py3langid, numpy and the ONNX
    scorer: the same text gives the same features, scores and reasons."""
    question, text = tmp_path / "q.json", tmp_path / "t.txt"
    question.write_text(json.dumps(QUESTION_ZH, ensure_ascii=False), encoding="utf-8")
    text.write_text(transcript, encoding="utf-8")
    args = ["-", "--question", str(question), "--transcript", str(text), "--language", "zh"]
    venv, packaged = run_venv(args), run_packaged(args, tmp_path)
    assert venv["status"] in ("scored", "needs_review"), venv
    assert comparable(packaged) == comparable(venv)
