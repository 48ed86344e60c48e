"""main_handler against a fake of the API's internal endpoints (only the API boundary is faked)."""
import copy
import shutil

import pytest

from functions.analyze import index
from functions.analyze.errors import TransientError
from functions.analyze.scoring import model
from tests.functions.conftest import _ffmpeg

KEY = "answers/sess1/1/1-abc.m4a"


def put(root, key, src):
    dest = root / key
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dest)
    return dest


def test_scores_an_answer_and_posts_a_signed_result(handler_env, fake_api, ko_media, cos_event):
    put(handler_env, KEY, ko_media["m4a"])
    fake_api.add(KEY)
    out = index.main_handler(cos_event(KEY), None)
    assert out["objects"] == [{"key": KEY, "outcome": "scored", "duplicate": False}]
    assert all(r["signed"] for r in fake_api.requests)
    posted = fake_api.results[KEY]
    assert posted["status"] == "scored" and posted["reason"] is None
    result = posted["result"]
    assert result["transcript"]["words"] and result["overall"] is not None
    assert {"decode_s", "vad_s", "asr_s", "score_s", "total_s", "rtf", "cold_start_s"} <= set(result["timings"])


def test_the_organisation_calibration_it_is_handed_is_applied(handler_env, fake_api, ko_media, cos_event):
    put(handler_env, KEY, ko_media["m4a"])
    shift = {"format": 1, "features": [], "center": {}, "scale": {}, "competencies": {}, "base": model.default_label(),
             "shared": {"intercept": 0.4, "slope": 1.0, "weights": {}}}   # +10 points on every competency
    fake_api.add(KEY, scorer={"version": "org-7-1", "calibration": shift})
    index.main_handler(cos_event(KEY), None)
    result = fake_api.results[KEY]["result"]
    assert result["status"] == "scored" and result["model_versions"]["scorer"] == "org-7-1"
    assert result["default_scorer"].startswith("default-")
    for comp in result["competencies"]:
        assert comp["score"] == min(100.0, round(comp["default_score"] + 10.0, 2))


def test_idempotent_second_delivery_and_merged_records(handler_env, fake_api, ko_media, cos_event):
    put(handler_env, KEY, ko_media["m4a"])
    fake_api.add(KEY)
    first = index.main_handler(cos_event(KEY, KEY), None)  # COS may merge the same record
    assert [o["outcome"] for o in first["objects"]] == ["scored"]
    again = index.main_handler(cos_event(KEY), None)       # SCF may deliver again
    assert again["objects"] == [{"key": KEY, "outcome": "already_analysed"}]
    assert len(fake_api.posts()) == 1


def test_url_encoded_keys_and_several_records(handler_env, fake_api, ko_media, bad_media, cos_event):
    k1, k2 = "answers/s 2/1/1-x.m4a", "answers/s2/2/1-y.aac"
    put(handler_env, k1, ko_media["m4a"])
    put(handler_env, k2, bad_media["text_as_aac"])
    fake_api.add(k1, answer_id=1)
    fake_api.add(k2, answer_id=2)
    out = index.main_handler(cos_event("answers/s%202/1/1-x.m4a", k2), None)
    assert {o["key"]: o["outcome"] for o in out["objects"]} == {k1: "scored", k2: "failed"}
    assert fake_api.results[k2]["reason"].startswith("the file could not be read")


def test_bad_media_is_a_permanent_failure_not_a_retry(handler_env, fake_api, bad_media, cos_event):
    key = "answers/s3/1/1-e.aac"
    put(handler_env, key, bad_media["empty"])
    fake_api.add(key)
    out = index.main_handler(cos_event(key), None)
    assert out["objects"][0]["outcome"] == "failed"
    assert fake_api.results[key]["result"]["overall"] is None


def test_missing_model_posts_needs_review(handler_env, fake_api, zh_speech, question_zh, cos_event, tmp_path,
                                          monkeypatch):
    monkeypatch.setenv("MIAOMIAN_MODELS_DIR", str(tmp_path / "no-models"))
    key = "answers/s4/1/1-zh.m4a"
    put(handler_env, key, zh_speech)
    fake_api.add(key, language="zh", question=question_zh)
    index.main_handler(cos_event(key), None)
    posted = fake_api.results[key]
    assert posted["status"] == "needs_review" and "no Vosk model for language zh" in posted["reason"]


def test_unknown_object_is_ignored_without_retry(handler_env, fake_api, ko_media, cos_event):
    put(handler_env, KEY, ko_media["m4a"])
    out = index.main_handler(cos_event(KEY), None)
    assert out["objects"] == [{"key": KEY, "outcome": "unknown_object"}]
    assert fake_api.posts() == []


def test_api_5xx_raises_for_the_platform_to_retry(handler_env, fake_api, bad_media, cos_event):
    key = "answers/s5/1/1-e.aac"
    put(handler_env, key, bad_media["empty"])
    fake_api.add(key)
    fake_api.fail_results_with = 503
    with pytest.raises(TransientError):
        index.main_handler(cos_event(key), None)
    fake_api.fail_results_with = None
    assert index.main_handler(cos_event(key), None)["objects"][0]["outcome"] == "failed"


def test_unreachable_api_raises(handler_env, monkeypatch, cos_event):
    monkeypatch.setenv("MIAOMIAN_API_URL", "http://127.0.0.1:9")
    with pytest.raises(TransientError):
        index.main_handler(cos_event(KEY), None)


def test_missing_object_in_storage_raises(handler_env, fake_api, cos_event):
    fake_api.add(KEY)
    with pytest.raises(TransientError):
        index.main_handler(cos_event(KEY), None)
    assert fake_api.posts() == []


def test_wrong_hmac_key_is_transient_so_the_platform_retries(handler_env, fake_api, monkeypatch, cos_event):
    monkeypatch.setenv("MIAOMIAN_HMAC_KEY", "not-the-key")
    fake_api.add(KEY)
    with pytest.raises(TransientError, match="HTTP 403"):
        index.main_handler(cos_event(KEY), None)
    assert fake_api.requests[0]["signed"] is False and fake_api.posts() == []


def test_key_escaping_the_store_is_refused(handler_env, fake_api, cos_event):
    key = "answers/../../etc/passwd"
    fake_api.add(key)
    out = index.main_handler(cos_event(key), None)
    assert out["objects"][0]["outcome"] == "bad_key"


def _probe(path):
    import json
    import subprocess

    return json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json",
                                      str(path)], check=True, capture_output=True).stdout)


def test_every_recording_gets_an_m4a_rendition_every_player_can_play(handler_env, fake_api, ko_media, media_dir,
                                                                     cos_event):
    """The mini-program's WAV and a browser's WebM both go through the analyzer and come out with an AAC/M4A
    rendition next to the kept original; the API learns its key from the result."""
    wav = media_dir / "miniprogram-take.wav"  # what the mini-program uploads: 16 kHz mono 16-bit PCM in WAV
    if not wav.exists():
        _ffmpeg("-i", str(ko_media["wav"]), "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", str(wav))
    for number, (ext, source) in enumerate([("wav", wav), ("webm", ko_media["webm"])], start=1):
        key = f"answers/sweb/1/{number}-abc.{ext}"
        put(handler_env, key, source)
        fake_api.add(key, answer_id=number)
        out = index.main_handler(cos_event(key), None)
        assert out["objects"][0]["outcome"] in ("scored", "needs_review")
        rendition = fake_api.results[key]["result"]["playback_key"]
        assert rendition == f"playback/answers/sweb/1/{number}-abc.m4a"
        probe = _probe(handler_env / rendition)
        assert probe["streams"][0]["codec_name"] == "aac" and "mp4" in probe["format"]["format_name"]
        assert abs(float(probe["format"]["duration"]) - float(_probe(source)["format"]["duration"])) < 0.2
        assert (handler_env / key).exists()  # the original is kept (erased with the session)
    # The WAV's rendition is a fraction of its size (64 kb/s AAC against 256 kb/s PCM).
    assert (handler_env / "playback/answers/sweb/1/1-abc.m4a").stat().st_size < wav.stat().st_size / 3


@pytest.mark.parametrize("name", ["wav", "webm", "ogg", "mp3", "m4a", "mp4", "aac"])
def test_each_accepted_format_makes_a_playable_rendition(tmp_path, ko_media, media_dir, name):
    """Every format the API accepts (api/storage.py) → mono AAC in MP4 with the moov atom first (faststart),
    as long as the source; AAC sources are copied, not re-encoded."""
    from functions.analyze import playback
    from functions.analyze.storage import LocalStorage

    if name in ("ogg", "aac"):  # Firefox's Ogg/Opus; a phone's raw ADTS AAC
        source = media_dir / f"answer.{name}"
        if not source.exists():
            _ffmpeg("-i", str(ko_media["wav"]), *(["-c:a", "libopus"] if name == "ogg" else ["-c:a", "aac"]),
                    str(source))
    else:
        source = ko_media[name]
    key = f"answers/s1/1/1-x.{name}"
    store = LocalStorage(tmp_path)
    assert playback.make_rendition(key, source, store) == "playback/answers/s1/1/1-x.m4a"
    made = tmp_path / playback.rendition_key(key)
    probe = _probe(made)
    assert [s["codec_type"] for s in probe["streams"]] == ["audio"]  # a phone video's picture is dropped
    stream = probe["streams"][0]
    assert stream["codec_name"] == "aac"
    assert "mp4" in probe["format"]["format_name"]
    spoken = float(_probe(ko_media["wav"])["format"]["duration"])  # every source was made from this speech
    assert abs(float(probe["format"]["duration"]) - spoken) < 0.2, (probe["format"]["duration"], spoken)
    head = made.read_bytes()[:4096]
    assert head.find(b"moov") != -1 and (head.find(b"mdat") == -1 or head.find(b"moov") < head.find(b"mdat"))
    original = next(s for s in _probe(source)["streams"] if s["codec_type"] == "audio")
    if original["codec_name"] == "aac":  # copied, not re-encoded: the source's own packets
        assert stream["sample_rate"] == original["sample_rate"] and stream["channels"] == original["channels"]
    else:  # encoded: mono 44.1 kHz
        assert stream["channels"] == 1 and stream["sample_rate"] == "44100"


def test_no_rendition_for_what_is_not_audio(tmp_path, bad_media):
    from functions.analyze import playback
    from functions.analyze.storage import LocalStorage

    for name in ("text_as_aac", "empty", "video_without_audio"):
        assert playback.make_rendition(f"answers/s1/1/1-{name}.aac", bad_media[name], LocalStorage(tmp_path)) is None
    assert not (tmp_path / "playback").exists()


def test_a_rendition_that_cannot_be_stored_is_said_in_the_result(handler_env, fake_api, ko_media, cos_event,
                                                                   monkeypatch):
    """A store refusing the rendition (once: COSStorage.put called the SDK wrongly, only logged) leaves the
    analysis scored and the result saying which rendition is missing and why."""
    from functions.analyze import storage

    class RefusingStore(storage.LocalStorage):
        def put(self, key, source, content_type, bucket=None, region=None):
            raise storage.TransientError("could not write it: AccessDenied")

    monkeypatch.setattr(storage, "from_env", lambda: RefusingStore(handler_env))
    put(handler_env, KEY, ko_media["m4a"])
    fake_api.add(KEY)
    assert index.main_handler(cos_event(KEY), None)["objects"][0]["outcome"] in ("scored", "needs_review")
    result = fake_api.results[KEY]["result"]
    assert "playback_key" not in result
    assert result["playback_missing"] == {"reason": "store_failed", "detail": "could not write it: AccessDenied"}


def test_a_404_that_is_not_the_apis_own_answer_is_retried_not_dropped(handler_env, ko_media, cos_event,
                                                                        monkeypatch):
    """MIAOMIAN_API_URL pointing at something that is not the API (a plain web server answering 404) must not
    turn every real answer into "unknown_object": the invocation fails, so SCF retries and dead-letters it."""
    import http.server
    import threading

    class NotTheApi(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>Not Found</html>")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotTheApi)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("MIAOMIAN_API_URL", f"http://127.0.0.1:{server.server_address[1]}")
        put(handler_env, KEY, ko_media["m4a"])
        with pytest.raises(TransientError, match="MIAOMIAN_API_URL"):
            index.main_handler(cos_event(KEY), None)
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("bad", [None, 7, "x", {"cos": {"cosObject": {}}}, {"cos": {"cosObject": {"key": 5}}},
                                 {"bogus": 1}])
def test_a_malformed_record_is_skipped_and_never_fails_the_others(handler_env, fake_api, ko_media, cos_event, bad):
    put(handler_env, KEY, ko_media["m4a"])
    fake_api.add(KEY)
    event = cos_event(KEY)
    event["Records"] = [bad] + event["Records"] + [bad]
    out = index.main_handler(event, None)
    scored = [item for item in out["objects"] if item["outcome"] != "bad_record"]
    assert scored == [{"key": KEY, "outcome": "scored", "duplicate": False}]
    skipped = [item for item in out["objects"] if item["outcome"] == "bad_record"]
    assert len(skipped) == 2 and all(item["detail"] for item in skipped)   # reported with a reason


@pytest.mark.parametrize("field, value", [("cosBucket.name", 123), ("cosBucket.appid", ["x"]),
                                          ("cosBucket.region", {"a": 1}), ("cosBucket", "bucket"),
                                          ("cosObject.url", 5), ("cosObject.size", "big"),
                                          ("cosBucket.s3Region", 7)])
def test_a_record_with_one_mistyped_field_is_reported_and_the_others_processed(handler_env, fake_api, ko_media,
                                                                              cos_event, field, value):
    """One malformed field (cosBucket.name = 123) once raised AttributeError and failed the whole event."""
    put(handler_env, KEY, ko_media["m4a"])
    fake_api.add(KEY)
    good = cos_event(KEY)["Records"][0]
    bad = copy.deepcopy(good)
    where, _, name = field.rpartition(".")
    (bad["cos"][where] if where else bad["cos"])[name] = value
    out = index.main_handler({"Records": [bad, good]}, None)
    assert out["objects"][0]["outcome"] == "bad_record" and field in out["objects"][0]["detail"]
    assert out["objects"][1:] == [{"key": KEY, "outcome": "scored", "duplicate": False}]


@pytest.mark.parametrize("event", [None, [], {"Records": "x"}, {"Records": None}, "text"])
def test_an_event_that_is_not_a_cos_event_does_nothing_and_says_so(handler_env, fake_api, event):
    assert index.main_handler(event, None) == {"objects": [
        {"key": None, "outcome": "bad_record", "detail": "not a COS event (no Records list)"}]}
    assert fake_api.requests == []


@pytest.mark.parametrize("key", ["", "answers/", "answers/org1/"])
def test_a_record_naming_the_bucket_or_a_folder_is_reported(handler_env, fake_api, cos_event, key):
    """`/<appid>/<bucket>/` (or a folder marker) names no object: it once vanished without a bad_record entry."""
    event = cos_event(key)
    raw = event["Records"][0]["cos"]["cosObject"]["key"]
    out = index.main_handler(event, None)
    assert len(out["objects"]) == 1
    assert out["objects"][0]["outcome"] == "bad_record" and out["objects"][0]["key"] == raw
    assert "names no object" in out["objects"][0]["detail"] and fake_api.requests == []


@pytest.mark.parametrize("ext", ["m4a", "webm"])
def test_each_answer_is_probed_once_for_decoding_and_its_rendition(handler_env, fake_api, ko_media, cos_event,
                                                                   monkeypatch, ext):
    """decode.describe (an `ffmpeg -i` run) reads each answer once: the decoding and the playback rendition
    share its result (decode.Probe). AAC is still copied and Opus still encoded."""
    from functions.analyze import decode

    real, probed = decode.describe, []
    monkeypatch.setattr(decode, "describe", lambda path: probed.append(str(path)) or real(path))
    key = f"answers/sprobe/1/1-abc.{ext}"
    source = put(handler_env, key, ko_media[ext])
    fake_api.add(key)
    out = index.main_handler(cos_event(key), None)
    assert out["objects"][0]["outcome"] in ("scored", "needs_review")
    result = fake_api.results[key]["result"]
    assert result["playback_key"] == "playback/answers/sprobe/1/1-abc.m4a" and result["duration_seconds"] > 1
    assert probed == [str(source)]
    made = _probe(handler_env / result["playback_key"])["streams"][0]
    original = next(s for s in _probe(source)["streams"] if s["codec_type"] == "audio")
    assert made["codec_name"] == "aac"
    if ext == "m4a":   # copied: the source's own sample rate
        assert made["sample_rate"] == original["sample_rate"]
    else:              # encoded: mono 44.1 kHz
        assert made["channels"] == 1 and made["sample_rate"] == "44100"
