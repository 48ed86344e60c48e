"""Decoding trusts the decoded audio, not the container's estimate, and hears the speech in whichever channel
carries it (issue 9, item 7). Real files built with espeak-ng, sox and ffmpeg as phones send them."""
import difflib
import subprocess

import numpy as np
import pytest

from functions.analyze import decode, pipeline
from tests.functions.conftest import _ffmpeg


@pytest.fixture(scope="session")
def adts_with_leading_silence(media_dir, ko_speech):
    """A 99.7-s ADTS AAC (WeChat's default recording format) that starts with 3 s of digital silence."""
    wav, out = media_dir / "long_answer.wav", media_dir / "long_answer.aac"
    _ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono:d=3", "-stream_loop", "-1", "-i", str(ko_speech["wav"]),
            "-filter_complex", "[0:a][1:a]concat=n=2:v=0:a=1,atrim=duration=99.7[out]", "-map", "[out]",
            "-ar", "16000", "-ac", "1", str(wav))
    _ffmpeg("-i", str(wav), "-c:a", "aac", "-b:a", "48k", "-f", "adts", str(out))
    return out


def test_adts_aac_with_leading_silence_is_accepted_with_its_decoded_length(adts_with_leading_silence):
    probed = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                             str(adts_with_leading_silence)], capture_output=True, text=True, check=True)
    estimate = float(probed.stdout.strip())
    assert estimate > 600, f"ffprobe's estimate {estimate} s should exceed the limit (the trap being tested)"
    audio = decode.decode(adts_with_leading_silence, max_seconds=600)
    assert audio.duration == pytest.approx(99.7, abs=0.2)
    assert not audio.samples[: 16000 * 2].any() or np.abs(audio.samples[: 16000 * 2]).max() < 50  # the silence


def test_a_file_really_over_the_limit_is_refused_by_its_decoded_length(adts_with_leading_silence):
    with pytest.raises(decode.MediaError, match="longer than the 1:30 limit"):
        decode.decode(adts_with_leading_silence, max_seconds=90)


@pytest.fixture(scope="session")
def stereo_variants(media_dir, ko_speech):
    """Stereo M4A files with the speech in the left channel and, on the right: digital silence, the speech
    inverted (opposite phase: L+R cancels to nothing), loud white noise, and the same speech (ordinary)."""
    speech = str(ko_speech["wav"])
    right = {"silent": "anullsrc=r=16000:cl=mono", "noise": "anoisesrc=r=16000:a=0.5:c=white"}
    files = {}
    for name in ("silent", "noise"):
        path = media_dir / f"stereo_{name}.m4a"
        _ffmpeg("-i", speech, "-f", "lavfi", "-i", right[name], "-filter_complex",
                "[0:a][1:a]amerge=inputs=2,atrim=duration=%.2f[out]" % ko_speech["duration"], "-map", "[out]",
                "-c:a", "aac", "-b:a", "96k", str(path))
        files[name] = path
    files["inverted"] = media_dir / "stereo_inverted.m4a"
    _ffmpeg("-i", speech, "-af", "pan=stereo|c0=c0|c1=-1*c0", "-c:a", "aac", "-b:a", "96k", str(files["inverted"]))
    files["same"] = media_dir / "stereo_same.m4a"
    _ffmpeg("-i", speech, "-ac", "2", "-c:a", "aac", "-b:a", "96k", str(files["same"]))
    files["right_only"] = media_dir / "stereo_right_only.wav"  # the speech on the other side this time
    _ffmpeg("-i", speech, "-af", "pan=stereo|c0=0*c0|c1=c0", str(files["right_only"]))
    return files


def _similarity(audio, reference) -> float:
    n = min(len(audio.samples), len(reference.samples))
    a, b = audio.samples[:n].astype(float), reference.samples[:n].astype(float)
    return float(np.corrcoef(a, b)[0, 1])


@pytest.mark.parametrize("name", ["silent", "noise", "inverted", "same", "right_only"])
def test_the_speech_is_heard_whichever_channel_carries_it(name, stereo_variants, ko_speech):
    reference = decode.decode(ko_speech["wav"])
    audio = decode.decode(stereo_variants[name])
    assert audio.duration == pytest.approx(reference.duration, abs=0.1)
    assert _similarity(audio, reference) > 0.9, name  # the speech itself, not silence, noise or a cancelled mix
    assert np.sqrt(np.mean(audio.samples.astype(float) ** 2)) > 0.5 * np.sqrt(
        np.mean(reference.samples.astype(float) ** 2))


def test_an_inverted_stereo_answer_is_transcribed_like_its_mono_original(stereo_variants, ko_speech, question_ko):
    mono = pipeline.analyze_file(ko_speech["wav"], question_ko, "ko")["transcript"]["text"]
    result = pipeline.analyze_file(stereo_variants["inverted"], question_ko, "ko")
    assert result["status"] in ("scored", "needs_review") and result["transcript"]["text"], result["reason"]
    assert difflib.SequenceMatcher(None, mono, result["transcript"]["text"]).ratio() > 0.6, (mono, result)
