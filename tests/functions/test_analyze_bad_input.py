"""Every bad input of issue 3 ends as a permanent failed/needs_review result with a sentence a person
understands: no crash, no retry."""
import pytest

from functions.analyze import pipeline

EXPECTED = {
    "empty": ("failed", "empty"),
    "zero_length": ("failed", "0 seconds"),
    "silence": ("needs_review", "没有听到说话声"),  # a person reads the reason: Chinese
    "noise": ("needs_review", "没有听到说话声"),
    "twenty_minutes": ("failed", "longer than the 10:00 limit"),
    "truncated": ("failed", "damaged"),
    "corrupt": ("failed", "damaged"),
    "text_as_aac": ("failed", "not a recording"),
    "video_without_audio": ("failed", "no audio track"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_ends_with_a_reason(name, bad_media, question_ko):
    status, words = EXPECTED[name]
    r = pipeline.analyze_file(bad_media[name], question_ko, "ko")
    assert r["status"] == status, r["reason"]
    assert words in r["reason"]
    assert r["reason_code"] in ("bad_media", "no_speech", "too_little_content", "too_long")
    assert r["overall"] is None and r["competencies"] == []


def test_file_over_the_size_cap(ko_media, question_ko, monkeypatch):
    monkeypatch.setenv("MIAOMIAN_MAX_UPLOAD_BYTES", "10000")
    r = pipeline.analyze_file(ko_media["m4a"], question_ko, "ko")
    assert r["status"] == "failed"
    assert r["reason"].startswith("the file is ") and r["reason"].endswith("over the 10 KB limit")
    assert r["reason_code"] == "too_large"


def test_recording_over_the_duration_cap_without_a_declared_duration(ko_media, question_ko, monkeypatch):
    monkeypatch.setenv("MIAOMIAN_MAX_AUDIO_SECONDS", "5")
    r = pipeline.analyze_file(ko_media["webm"], question_ko, "ko")
    assert r["status"] == "failed" and "limit" in r["reason"] and r["reason_code"] == "too_long"


def test_unsupported_language(ko_media, question_ko):
    r = pipeline.analyze_file(ko_media["m4a"], question_ko, "fr")
    assert r["status"] == "needs_review" and "unsupported" in r["reason"]
    assert r["reason_code"] == "unsupported_language"


def test_transcript_in_another_language_goes_to_review(question_zh):
    r = pipeline.analyze_transcript("I talked to the client every day and we solved the problem together.",
                                    question_zh, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "wrong_language" and r["overall"] is None
    assert "中文" in r["reason"]


def test_too_short_transcript_goes_to_review(question_zh):
    r = pipeline.analyze_transcript("你好", question_zh, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "too_little_content" and "太少" in r["reason"]
