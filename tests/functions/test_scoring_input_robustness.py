"""Break-8 fault kinds at the input boundary: encodings the CLI must read (or refuse with a JSON error),
transcripts longer than anyone can say in the time (too_long, fast), invisible characters and
ideographic spaces, and messages worded for transcript mode."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from functions.analyze import pipeline
from functions.analyze.__main__ import decode_text

ROOT = Path(__file__).resolve().parents[2]
QUESTION = {"text": "讲一次你帮助顾客解决问题的经历。", "answer_seconds": 90,
            "competencies": [{"name": "沟通表达", "weight": 2, "keywords": ["沟通", "顾客", "倾听"]},
                             {"name": "解决问题", "weight": 1, "keywords": ["解决", "结果"]}]}
STORY = ("上个月有位顾客的快递三天没到，很着急。我先查了物流单号，发现卡在中转站，"
         "就打电话给站点，让他们当天加急派送，又给顾客发了单号和预计时间。当天下午五点顾客就收到了，还给了好评。")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_transcripts_in_common_encodings_decode(encoding):
    assert decode_text(STORY.encode(encoding)) == STORY


@pytest.mark.parametrize("raw", [b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", bytes(range(256)) * 4])
def test_binary_is_refused(raw):
    with pytest.raises(ValueError):
        decode_text(raw)


def _cli(tmp_path, payload: bytes):
    q = tmp_path / "q.json"
    q.write_text(json.dumps(QUESTION, ensure_ascii=False), encoding="utf-8")
    t = tmp_path / "t.txt"
    t.write_bytes(payload)
    return subprocess.run([sys.executable, "-m", "functions.analyze", "-", "--question", str(q),
                           "--transcript", str(t), "--compact"], cwd=ROOT, capture_output=True, text=True)


def test_cli_scores_gbk_and_gives_a_json_error_for_binary(tmp_path):
    ok = _cli(tmp_path, STORY.encode("gbk"))
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["status"] == "scored"
    bad = _cli(tmp_path, b"\x00\x01\x02\xff\xfe\xfd" * 50 + b"\x89PNG")
    assert "Traceback" not in bad.stderr and bad.returncode == 2
    err = json.loads(bad.stdout)
    assert err["error"] == "bad_transcript" and "编码" in err["message"]


def test_a_transcript_longer_than_can_be_said_is_too_long_and_fast():
    cap = pipeline.max_transcript_chars(QUESTION, "zh")
    assert 90 * 5 <= cap <= 90 * 10                          # a fast speaker's 90 s fits, ten times that doesn't
    for size in (cap + 1, 40_000, 1_000_000):
        r = pipeline.analyze_transcript((STORY * (size // len(STORY) + 1))[:size], QUESTION, "zh")
        assert r["transcript"]["words"] == []                   # refused before any segmentation
        assert r["status"] == "needs_review" and r["reason_code"] == "too_long" and "太长" in r["reason"]
        assert r["overall"] is None and r["feedback"] is None
    assert pipeline.analyze_transcript(STORY, QUESTION, "zh")["status"] == "scored"


def test_invisible_characters_and_ideographic_spaces_do_not_change_the_score():
    base = pipeline.analyze_transcript(STORY, QUESTION, "zh")["overall"]
    zero_width = "\u200b".join(STORY)
    ideographic = STORY.replace("，", "\u3000")
    for variant in (zero_width, "\ufeff" + STORY.replace("顾客", "顾\u200d客"), ideographic):
        r = pipeline.analyze_transcript(variant, QUESTION, "zh")
        assert r["status"] == "scored", r["reason"]
        assert abs(r["overall"] - base) <= 8, (r["overall"], base)


@pytest.mark.parametrize("text", ["", "   ", "好的"])
def test_empty_transcript_is_judged_by_one_content_rule_worded_for_text(text):
    r = pipeline.analyze_transcript(text, QUESTION, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "too_little_content"
    assert "录音" not in r["reason"] and "听" not in r["reason"]


@pytest.mark.parametrize("language,question,answer,script", [
    ("en", {"text": "Tell me about a time you helped a customer solve a problem.", "answer_seconds": 90},
     "Last month a customer's parcel was three days late. I checked the tracking number, called the depot "
     "and asked them to deliver it that afternoon. It arrived at five and she left a good review.", r"[A-Za-z]"),
    ("ko", {"text": "고객의 문제를 해결한 경험을 말해 주세요.", "answer_seconds": 90},
     "지난달 한 고객의 택배가 사흘이나 늦었습니다. 제가 송장 번호를 확인하고 물류 센터에 전화해서 "
     "그날 오후에 배송해 달라고 요청했습니다. 다섯 시에 도착했고 고객님이 좋은 후기를 남겨 주셨습니다.",
     r"[\uac00-\ud7a3]"),
])
def test_candidate_feedback_is_in_the_interview_language(language, question, answer, script):
    import re

    r = pipeline.analyze_transcript(answer, question, language)
    assert r["status"] == "scored", r["reason"]
    lines = r["feedback"]["strengths"] + r["feedback"]["suggestions"]
    assert lines and all(re.search(script, s) and not re.search(r"[\u4e00-\u9fff]", s) for s in lines)
    assert all(re.search(r"[\u4e00-\u9fff]", s) for c in r["competencies"] for s in c["reasons"])  # HR: Chinese
