"""The analyzer needs ffmpeg only (the SCF layer carries no ffprobe, to fit SCF's 500 MB): decoding, the
"no audio"/"video without audio" verdicts, channel counts and the codec check of the playback rendition all work
with a PATH on which ffprobe does not exist."""
import shutil

import numpy as np
import pytest

from functions.analyze import decode, pipeline, playback
from functions.analyze.errors import MediaError
from functions.analyze.storage import LocalStorage
from tests.functions.conftest import _ffmpeg


@pytest.fixture
def ffmpeg_only(tmp_path, monkeypatch):
    """PATH = one folder holding ffmpeg and nothing else."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "ffmpeg").symlink_to(shutil.which("ffmpeg"))
    monkeypatch.setenv("PATH", str(folder))
    assert shutil.which("ffprobe") is None
    return folder


@pytest.mark.parametrize("name", ["wav", "webm", "mp3", "m4a", "mp4"])
def test_every_format_decodes_with_ffmpeg_alone(ffmpeg_only, ko_media, ko_speech, name):
    audio = decode.decode(ko_media[name])
    assert audio.duration == pytest.approx(ko_speech["duration"], abs=0.15)
    assert np.abs(audio.samples).max() > 1000


@pytest.mark.parametrize("name, words", [("video_without_audio", "no audio track"), ("zero_length", "0 seconds"),
                                         ("text_as_aac", "not a recording"), ("truncated", "damaged"),
                                         ("corrupt", "damaged"), ("empty", "empty")])
def test_bad_input_verdicts_with_ffmpeg_alone(ffmpeg_only, bad_media, name, words):
    with pytest.raises(MediaError, match=words):
        decode.decode(bad_media[name])


def test_six_channels_with_the_speech_in_one(ffmpeg_only, media_dir, ko_speech):
    """A 5.1 file (WAVE_FORMAT_EXTENSIBLE on the pipe, which Python 3.11's wave module refuses) with the speech
    in its fifth channel only: all six channels are read, and the speech is heard."""
    path = media_dir / "six_channels.wav"
    if not path.exists():
        _ffmpeg("-i", str(ko_speech["wav"]), "-af", "pan=5.1|c4=c0", "-c:a", "pcm_s16le", str(path))
    reference = decode.decode(ko_speech["wav"])
    audio = decode.decode(path)
    n = min(len(audio.samples), len(reference.samples))
    assert audio.duration == pytest.approx(reference.duration, abs=0.1)
    assert np.corrcoef(audio.samples[:n].astype(float), reference.samples[:n].astype(float))[0, 1] > 0.9


def test_describe_names_container_codecs_and_video(ffmpeg_only, ko_media, bad_media):
    video = decode.describe(ko_media["mp4"])
    assert video["audio"] == ["aac"] and video["video"] and "mp4" in video["container"]
    mute = decode.describe(bad_media["video_without_audio"])
    assert mute["audio"] == [] and mute["video"]
    assert decode.describe(ko_media["webm"])["audio"] == ["opus"]
    assert decode.describe(bad_media["text_as_aac"]) == {"container": "", "audio": [], "channels": [],
                                                         "duration": None, "video": False}
    assert video["channels"] == [1] and video["duration"] == pytest.approx(decode.decode(ko_media["mp4"]).duration,
                                                                             abs=0.2)
    assert decode.describe(ko_media["wav"])["channels"] == [2]


def test_wav_reader_refuses_what_is_not_a_16_bit_wav():
    with pytest.raises(ValueError):
        decode.read_wav(b"OggS" + b"\0" * 60)
    with pytest.raises(ValueError, match="no data chunk"):
        decode.read_wav(b"RIFF\xff\xff\xff\xffWAVEfmt \x10\0\0\0\x01\0\x01\0\x80>\0\0\0}\0\0\x02\0\x10\0")
    header = b"RIFF\xff\xff\xff\xffWAVEfmt \x10\0\0\0\x01\0\x02\0\x80>\0\0\0\xfa\0\0\x04\0\x10\0data\xff\xff\xff\xff"
    assert decode.read_wav(header + b"\1\0\2\0") == (2, 16000, b"\1\0\2\0")


def test_renditions_keep_aac_and_encode_the_rest_with_ffmpeg_alone(ffmpeg_only, ko_media, tmp_path):
    assert playback.audio_codec(ko_media["m4a"]) == "aac" and playback.audio_codec(ko_media["webm"]) == "opus"
    for name in ("m4a", "webm"):
        key = f"answers/s1/1/1-x.{name}"
        assert playback.make_rendition(key, ko_media[name], LocalStorage(tmp_path)) == playback.rendition_key(key)
        assert decode.describe(tmp_path / playback.rendition_key(key))["audio"] == ["aac"]


def test_a_whole_analysis_runs_with_ffmpeg_alone(ffmpeg_only, ko_media, question_ko):
    result = pipeline.analyze_file(ko_media["m4a"], question_ko, "ko")
    assert result["status"] in ("scored", "needs_review") and result["transcript"]["text"], result["reason"]


@pytest.mark.parametrize("name", ["m4a", "webm", "mp4"])
def test_a_shared_probe_changes_neither_the_decoded_audio_nor_the_rendition(ffmpeg_only, ko_media, tmp_path, name):
    """decode.Probe runs describe once; decoding and the rendition read the same facts as with a run each."""
    probe = decode.Probe(ko_media[name])
    shared = decode.decode(ko_media[name], probe=probe)
    alone = decode.decode(ko_media[name])
    assert np.array_equal(shared.samples, alone.samples) and shared.announced_seconds == alone.announced_seconds
    assert shared.incomplete == alone.incomplete
    assert playback.audio_codec(ko_media[name], probe) == playback.audio_codec(ko_media[name])
    with_probe, without = playback.to_m4a(ko_media[name], probe), playback.to_m4a(ko_media[name])
    try:
        assert with_probe.read_bytes() == without.read_bytes()
    finally:
        with_probe.unlink()
        without.unlink()
    assert probe.runs == 1 and probe.summary() == decode.describe(ko_media[name])


def test_a_probe_that_fails_fails_every_reader_like_its_own_run_would(ffmpeg_only, monkeypatch, ko_media):
    """ffmpeg missing (or timing out) while probing: decoding raises as before; the rendition's codec check
    says "unknown" as before; ffmpeg is not tried a second time."""
    monkeypatch.setenv("PATH", str(ffmpeg_only.parent / "empty"))
    probe = decode.Probe(ko_media["m4a"])
    with pytest.raises(OSError):
        decode.decode(ko_media["m4a"], probe=probe)
    assert playback.audio_codec(ko_media["m4a"], probe) is None
    assert probe.runs == 1
