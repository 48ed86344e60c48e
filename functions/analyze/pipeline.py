"""One answer end to end: decode → VAD → ASR → text and delivery features → scorer → explanation.

`analyze_file` and `analyze_transcript` return the analysis result of docs/internal-contracts.md. They
never raise for a problem with the answer itself: bad media ends `failed`, missing models, too little
speech, low ASR confidence or the wrong language end `needs_review` — always with a reason, never with a
low score.
"""
from __future__ import annotations

import logging
import time

from . import asr, decode, delivery, explain, scorer, text_features, vad
from .errors import AnalysisError
from .settings import LANGUAGES, Settings

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"zh": "Chinese", "en": "English", "ko": "Korean"}
_VAD: vad.SileroVAD | None = None


def vad_model() -> vad.SileroVAD:
    global _VAD
    if _VAD is None:
        _VAD = vad.SileroVAD()
    return _VAD


def _base(language: str) -> dict:
    return {"status": None, "reason": None, "language": language, "duration_seconds": None,
            "speech": None, "transcript": None, "features": None, "competencies": [], "overall": None,
            "feedback": None, "model_versions": {}, "timings": {}}


def _finish(result: dict, status: str, reason: str | None, t0: float) -> dict:
    result["status"], result["reason"] = status, reason
    result["timings"]["total_s"] = round(time.perf_counter() - t0, 3)
    if result.get("duration_seconds"):
        result["timings"]["rtf"] = round(result["timings"]["total_s"] / result["duration_seconds"], 4)
    if status != "scored":
        result["overall"] = None
        result["competencies"] = []
    return result


def _competencies(question: dict) -> list[dict]:
    comps = [c for c in (question.get("competencies") or []) if c.get("name")]
    if comps:
        return comps
    # No competency configured: score the answer as a whole against the question's own words.
    return [{"name": "overall", "weight": 1.0, "keywords": []}]


def score_words(words: list[dict], language: str, question: dict, *, scorer_version: str | None,
                speech=None, duration: float | None = None, samples=None, settings: Settings,
                result: dict) -> tuple[str, str | None]:
    """Fill features, competencies, overall and feedback; return (status, reason)."""
    t = time.perf_counter()
    comps = _competencies(question)
    q = dict(question, competencies=comps)
    text = text_features.analyse_text(words, language, q)
    feats = text["features"]
    deliv = delivery.delivery_features(words, language, question.get("answer_seconds"),
                                       duration=duration, speech=speech, samples=samples)
    public = {k: v for k, v in deliv.items() if not k.startswith("_")}
    result["features"] = {**public, **{k: v for k, v in feats.items() if k != "script_share"}}
    share = feats["script_share"]
    if len(words) < settings.min_words:
        return "needs_review", (f"too little speech to score: {len(words)} words recognised "
                                f"(at least {settings.min_words} needed)")
    if share < 0.5:
        return "needs_review", (f"the answer does not seem to be in {LANGUAGE_NAMES[language]}, the "
                                "language of this interview: a person should listen to it")
    conf = deliv.get("asr_confidence")
    if conf is not None and conf < settings.min_asr_confidence:
        return "needs_review", (f"speech recognition confidence is low ({conf:.2f} < "
                                f"{settings.min_asr_confidence:.2f}): the audio may be noisy, or in "
                                "another language; a person should listen to this answer")
    fits = {"answer_length": delivery.length_fit(deliv["_speech_seconds"], question.get("answer_seconds")),
            "fluency": delivery.fluency(feats["filler_ratio"]),
            "pace": delivery.pace_fit(deliv.get("speech_rate_cpm"), language),
            "pauses": delivery.pause_fit(deliv.get("longest_pause_s"), deliv.get("_long_pauses_per_min"))}
    model = scorer.load(scorer_version)
    rows = scorer.competency_rows(feats, fits, comps)
    out = []
    for comp, row in zip(comps, rows):
        score, drivers = model.score(row)
        out.append({"name": comp["name"], "weight": comp.get("weight", 1.0), "score": score,
                    "drivers": drivers[:4], "evidence": text["evidence"].get(comp["name"], [])})
    result["competencies"] = out
    result["features"]["fits"] = {k: round(v, 4) for k, v in fits.items()}
    result["overall"] = scorer.overall([(c["weight"], c["score"]) for c in out])
    result["feedback"] = explain.feedback(language, out, feats, q)
    result["model_versions"]["scorer"] = model.label
    result["timings"]["score_s"] = round(time.perf_counter() - t, 4)
    return "scored", None


def _check_language(language: str) -> str | None:
    if language not in LANGUAGES:
        return f"unsupported interview language {language!r} (supported: {', '.join(LANGUAGES)})"
    return None


def analyze_file(path, question: dict, language: str = "zh", *, scorer_version: str | None = "default",
                 settings: Settings | None = None) -> dict:
    settings = settings or Settings.from_env()
    t0 = time.perf_counter()
    result = _base(language)
    bad = _check_language(language)
    if bad:
        return _finish(result, "needs_review", bad, t0)
    try:
        t = time.perf_counter()
        audio = decode.decode(path, max_seconds=settings.max_audio_seconds, max_bytes=settings.max_upload_bytes)
        result["duration_seconds"] = round(audio.duration, 3)
        result["timings"]["decode_s"] = round(time.perf_counter() - t, 4)

        t = time.perf_counter()
        v = vad_model()
        probs = v.probabilities(audio.samples)
        segments = vad.segments_from_probabilities(probs, audio.duration, threshold=settings.vad_threshold)
        speech = vad.speech_stats(segments, audio.duration)
        result["speech"] = {"segments": segments, "speech_seconds": speech.speech_seconds,
                            "speech_ratio": speech.speech_ratio}
        result["model_versions"]["vad"] = vad.model_version()
        result["timings"]["vad_s"] = round(time.perf_counter() - t, 4)
        if not segments:
            return _finish(result, "needs_review", "no speech found in the recording", t0)
        if speech.speech_seconds < settings.min_speech_seconds:
            return _finish(result, "needs_review",
                           f"too little speech to score: {speech.speech_seconds:.1f} s of speech found "
                           f"(at least {settings.min_speech_seconds:g} s needed)", t0)

        t = time.perf_counter()
        eng = asr.engine(language, settings)
        result["model_versions"]["asr"] = eng.version
        chunks = vad.asr_chunks(segments, probs)
        jobs = [vad.stitch(audio.samples, pieces) for pieces in chunks]
        words = [w.as_dict() for w in eng.transcribe(jobs)]
        confs = [w["conf"] for w in words]
        result["transcript"] = {
            "text": ("" if language == "zh" else " ").join(w["word"] for w in words),
            "words": words,
            "mean_confidence": round(sum(confs) / len(confs), 4) if confs else None}
        result["timings"]["asr_s"] = round(time.perf_counter() - t, 4)
        result["timings"]["asr_chunks"] = len(jobs)

        status, reason = score_words(words, language, question, scorer_version=scorer_version,
                                     speech=speech, duration=audio.duration, samples=audio.samples,
                                     settings=settings, result=result)
        return _finish(result, status, reason, t0)
    except AnalysisError as exc:
        return _finish(result, exc.status, str(exc), t0)


def analyze_transcript(text: str, question: dict, language: str = "zh", *,
                       scorer_version: str | None = "default", settings: Settings | None = None) -> dict:
    """Score a given transcript without audio (evaluation, CLI --transcript)."""
    settings = settings or Settings.from_env()
    t0 = time.perf_counter()
    result = _base(language)
    bad = _check_language(language)
    if bad:
        return _finish(result, "needs_review", bad, t0)
    words = text_features.words_from_text(text, language)
    result["transcript"] = {"text": text.strip(), "words": words, "mean_confidence": None}
    result["model_versions"]["asr"] = "none (transcript given)"
    try:
        status, reason = score_words(words, language, question, scorer_version=scorer_version,
                                     settings=settings, result=result)
    except AnalysisError as exc:
        status, reason = exc.status, str(exc)
    return _finish(result, status, reason, t0)
