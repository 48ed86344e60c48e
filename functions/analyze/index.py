"""SCF entry point: COS ObjectCreated event → analysis result POSTed to the API.

    main_handler(event, context)

Per object: ask the API what to score (skip if already analysed or unknown), read the object, run the
pipeline, post the result. Transient trouble (API 5xx, network, storage) raises so the platform retries;
anything wrong with the answer itself ends as a posted `failed`/`needs_review` result and returns
normally. Heavy objects (VAD session, jieba dictionary, the ASR model of MIAOMIAN_PRELOAD_LANGUAGES) load
at import, once per warm instance.
"""
from __future__ import annotations

import logging
import os
import threading
import time

from . import api_client, asr, decode, pipeline, playback, storage
from .scoring import answer as scoring
from .scoring import calibration, question_check
from .errors import TransientError
from .settings import LANGUAGES, Settings

log = logging.getLogger("miaomian.analyze")


def _warm_up() -> float:
    """Load what every answer needs, once per instance: the VAD session, and what scoring needs (jieba,
    OpenCC, the language identifier, the scorer) in a thread while the Vosk models of
    MIAOMIAN_PRELOAD_LANGUAGES load — Vosk releases the GIL."""
    start = time.perf_counter()
    pipeline.vad_model()
    jieba_thread = threading.Thread(target=scoring.warm_up, name="scoring-warm-up", daemon=True)
    jieba_thread.start()
    for lang in filter(None, (os.environ.get("MIAOMIAN_PRELOAD_LANGUAGES") or "").split(",")):
        try:
            asr.engine(lang.strip())
        except Exception as exc:  # noqa: BLE001 - a missing model is reported per answer, not at import
            log.warning("ASR model for %s not preloaded: %s", lang, exc)
    jieba_thread.join()
    return round(time.perf_counter() - start, 3)


COLD_START_SECONDS = _warm_up()


def handle_object(ref: storage.ObjectRef, api: api_client.ApiClient, store, settings: Settings) -> dict:
    """Analyse one object; returns a summary. Raises TransientError for the platform to retry."""
    try:
        ctx = api.analysis_context(ref.key)
    except api_client.UnknownObject:
        log.warning("no answer for object %s: ignored", ref.key)
        return {"key": ref.key, "outcome": "unknown_object"}
    except api_client.Rejected as exc:
        log.error("API refused the context request: %s", exc)
        return {"key": ref.key, "outcome": "rejected", "detail": str(exc)}
    if ctx.get("already_analysed"):
        return {"key": ref.key, "outcome": "already_analysed"}
    language = ctx.get("language") or "zh"
    # a question of the wrong shape ends needs_review ("bad_question") in the pipeline, which checks it
    question = ctx.get("question")
    scorer = ctx.get("scorer") or {}
    scorer_problems = question_check.scorer_problems(scorer)
    if scorer_problems:   # scored by the default scorer; the API calibrates a default result on arrival
        log.error("scorer of the analysis context for %s ignored: %s", ref.key, " ".join(scorer_problems))
        scorer = {}
    scorer_version = scorer.get("version") or "default"
    if language in LANGUAGES:
        asr.preload(language, settings)  # the Vosk model loads while the object downloads
    path = store.fetch(ref)
    try:
        # Problems with the answer itself come back as failed/needs_review results; anything raised
        # here is ours (a bug, ffmpeg missing...) and goes to the platform, which retries a bounded
        # number of times and then records the failure.
        # One ffmpeg probe of the file (decode.Probe), read by the decoding and by the playback rendition.
        probe = decode.Probe(path)
        result = pipeline.analyze_file(path, question, language, scorer_version=scorer_version,
                                       settings=settings, probe=probe)
        # Every recording (WAV, WebM/Ogg, MP3, AAC…) also gets an AAC/M4A copy every player can play.
        rendition, missing = playback.rendition(ref.key, path, store, ref.bucket, ref.region, probe=probe)
        if rendition is not None:
            result["playback_key"] = rendition
        else:   # visible in the stored result, not only in the function's log
            result["playback_missing"] = missing
    finally:
        store.release(path)
    # the organisation's calibrated version: the default scorer's result, re-scored from its features
    result = calibration.apply_context(result, scorer)
    if scorer_problems:
        result["scorer_ignored"] = {"reason": "分析上下文里的评分模型设置格式不对，已改用默认评分模型：" + "".join(scorer_problems)}
    result["timings"]["cold_start_s"] = COLD_START_SECONDS
    try:
        ack = api.post_result(ref.key, result["status"], result["reason"], result)
    except api_client.Rejected as exc:
        log.error("API refused the result for %s: %s", ref.key, exc)
        return {"key": ref.key, "outcome": "rejected", "detail": str(exc)}
    log.info("%s → %s (%s) in %.2fs", ref.key, result["status"], result["reason"] or "ok",
             result["timings"].get("total_s", 0.0))
    return {"key": ref.key, "outcome": result["status"], "duplicate": ack.get("duplicate", False)}


def main_handler(event, context=None):
    settings = Settings.from_env()
    api = api_client.ApiClient()
    store = storage.from_env()
    refs, rejected = storage.parse_records(event)
    done = [{"key": bad["key"], "outcome": "bad_record", "detail": bad["reason"]} for bad in rejected]
    transient = []
    for ref in refs:
        try:
            done.append(handle_object(ref, api, store, settings))
        except TransientError as exc:
            log.warning("transient failure for %s: %s", ref.key, exc)
            transient.append(f"{ref.key}: {exc}")
        except ValueError as exc:  # a key the store refuses (e.g. escaping its root): permanent
            log.error("bad object reference %s: %s", ref.key, exc)
            done.append({"key": ref.key, "outcome": "bad_key", "detail": str(exc)})
    if transient:
        # Raise after the other records were handled: the retry repeats them, and they are idempotent.
        raise TransientError("; ".join(transient))
    return {"objects": done}
