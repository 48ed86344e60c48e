"""A recording cut short (an upload interrupted at 60 %) decodes without ffmpeg failing: it is analysed on what
was decoded but flagged for HR, and never blamed on the candidate when what is left is too short. Files with
more channels than a voice recording has are refused before decoding; a stuck decode ends with a MediaError.
Real files made by ffmpeg from espeak-ng speech."""
import pytest

from functions.analyze import decode, pipeline
from functions.analyze.errors import MediaError
from tests.functions.conftest import _ffmpeg

CUTS = {   # name: ffmpeg output args (the recording formats phones and browsers send, as they write them)
    "m4a": ["-c:a", "aac", "-b:a", "48k", "-movflags", "+faststart"],   # index first: length announced
    "webm": ["-c:a", "libopus", "-b:a", "32k"],
    "wav": ["-c:a", "pcm_s16le", "-ar", "44100"],
}


def _cut(source, target, fraction):
    data = source.read_bytes()
    target.write_bytes(data[:int(len(data) * fraction)])
    return target


@pytest.fixture(scope="session")
def whole(media_dir, ko_speech):
    out = {}
    for name, args in CUTS.items():
        out[name] = media_dir / f"whole.{name}"
        _ffmpeg("-i", str(ko_speech["wav"]), *args, str(out[name]))
    return out


@pytest.mark.parametrize("name", sorted(CUTS))
def test_a_complete_recording_is_not_flagged(whole, name):
    audio = decode.decode(whole[name])
    assert audio.incomplete is None and audio.duration > 15


@pytest.mark.parametrize("name", sorted(CUTS))
def test_a_recording_cut_at_60_percent_is_flagged_incomplete(whole, tmp_path, name):
    full = decode.decode(whole[name]).duration
    audio = decode.decode(_cut(whole[name], tmp_path / f"cut.{name}", 0.6))
    assert audio.incomplete and audio.duration < 0.75 * full
    assert audio.announced_seconds is None or audio.announced_seconds > 0.9 * full


def test_a_cut_recording_is_scored_on_what_was_decoded_and_flagged_for_hr(whole, tmp_path, question_ko):
    result = pipeline.analyze_file(_cut(whole["m4a"], tmp_path / "cut.m4a", 0.6), question_ko, "ko")
    flag = result["incomplete_recording"]
    assert result["reason_code"] not in ("too_little_content", "no_speech")
    assert flag["decoded_seconds"] < flag["announced_seconds"] and "录音文件不完整" in flag["reason"]
    assert result["transcript"]["words"]   # what was decoded was analysed


@pytest.mark.parametrize("name", sorted(CUTS))
def test_too_little_left_is_an_incomplete_recording_never_the_candidates_fault(whole, tmp_path, question_ko,
                                                                              name):
    result = pipeline.analyze_file(_cut(whole[name], tmp_path / f"cut.{name}", 0.05), question_ko, "ko")
    assert result["reason_code"] == "incomplete_recording" and result["overall"] is None
    if result["status"] == "needs_review":   # something was decoded: flagged, and the reason says why
        assert "录音文件不完整" in result["reason"] and "incomplete_recording" in result
    else:                                    # nothing at all was left to decode
        assert result["status"] == "failed" and "cut short" in result["reason"]


@pytest.fixture(scope="session")
def many_channels(media_dir, ko_speech):
    def make(count):
        out = media_dir / f"channels{count}.ogg"
        split = "".join(f"[c{i}]" for i in range(count))
        _ffmpeg("-i", str(ko_speech["wav"]), "-filter_complex",
                f"[0]asplit={count}{split};{split}amerge=inputs={count}", "-c:a", "libopus",
                "-mapping_family", "255", str(out))
        return out
    return make


def test_more_channels_than_a_voice_recording_has_are_refused_before_decoding(many_channels, monkeypatch):
    decoded = []
    monkeypatch.setattr(decode, "read_wav", lambda data: decoded.append(1))
    with pytest.raises(MediaError, match="16 audio channels, more than the 8") as caught:
        decode.decode(many_channels(16))
    assert caught.value.code == "bad_media" and decoded == []


def test_eight_channels_still_decode(many_channels):
    assert decode.decode(many_channels(8)).duration > 15


def test_a_decode_over_its_time_limit_ends_in_a_media_error(whole, monkeypatch):
    monkeypatch.setattr(decode, "decode_timeout", lambda max_seconds: 0.001)
    with pytest.raises(MediaError, match="took longer than"):
        decode.decode(whole["webm"])
