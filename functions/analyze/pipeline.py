"""One answer end to end: decode → VAD → ASR → text and delivery features → scorer → explanation.

`analyze_file` and `analyze_transcript` return the analysis result of docs/internal-contracts.md. They
never raise for a problem with the answer itself: bad media ends `failed`, missing models, too little
speech, low ASR confidence or the wrong language end `needs_review` — always with a reason, never with a
low score. Nor for a question they cannot read (a field of the wrong type or value, scoring/question_check.py):
that ends `needs_review` with reason_code `bad_question` before anything is decoded.
"""
from __future__ import annotations

import logging
import re
import time

from . import asr, decode, delivery, vad
from .scoring import answer, question_check, text
from .errors import AnalysisError
from .settings import LANGUAGES, Settings

log = logging.getLogger(__name__)

_VAD: vad.SileroVAD | None = None


def vad_model() -> vad.SileroVAD:
    global _VAD
    if _VAD is None:
        _VAD = vad.SileroVAD()
    return _VAD


def _base(language: str) -> dict:
    return {"status": None, "reason": None, "reason_code": None, "scale": 100, "language": language, "duration_seconds": None,
            "timing": None, "speech": None, "transcript": None, "features": None, "competencies": [], "overall": None,
            "feedback": None, "model_versions": {}, "timings": {}}


CANDIDATE_BLAMED = ("no_speech", "too_little_content")


def _finish(result: dict, status: str, reason: str | None, t0: float, code: str | None = None) -> dict:
    cut = result.get("incomplete_recording")
    if cut and code in CANDIDATE_BLAMED:   # a damaged file is not the candidate's too-short answer
        status, code = "needs_review", "incomplete_recording"
        reason = (f"录音文件不完整（可能上传中断），能读出的只有 {cut['decoded_seconds']:.0f} 秒，太短，无法评分；"
                  "请人工听一下录音，必要时请候选人重新录制。")
    result["status"], result["reason"], result["reason_code"] = status, reason, code
    result["timings"]["total_s"] = round(time.perf_counter() - t0, 3)
    if result.get("duration_seconds"):
        result["timings"]["rtf"] = round(result["timings"]["total_s"] / result["duration_seconds"], 4)
    if status != "scored":
        result["overall"] = None
        result["competencies"] = []
        result["feedback"] = None
    return result


def score_words(words: list[dict], language: str, question: dict, *, scorer_version: str | None,
                speech=None, duration: float | None = None, samples=None, settings: Settings,
                result: dict, text: str | None = None) -> tuple[str, str | None, str | None]:
    """Fill features, competencies, overall and feedback; return (status, reason, reason_code).
    `text`: the typed transcript with its punctuation (scored instead of the words when given)."""
    t = time.perf_counter()
    deliv = delivery.delivery_features(words, language, question.get("answer_seconds"),
                                       duration=duration, speech=speech, samples=samples)
    public = {k: v for k, v in deliv.items() if not k.startswith("_")}
    result["features"] = public
    if speech is not None and len(words) < settings.min_words:
        # audio only: fewer recognised words than this is a recognition problem; typed text is judged by
        # the content gate alone (fewer than MIN_CONTENT distinct content words), one rule in docs/scoring.md
        return "needs_review", (f"识别出的内容太少（{len(words)} 个词，至少需要 {settings.min_words} 个），"
                                "无法评分，请人工听一下录音。"), "too_little_content"
    scored = answer.score_answer(words if text is None else [{"word": text, "start": None, "end": None}], language, question, audio=speech is not None, duration_s=duration,
                                 asr_confidence=deliv.get("asr_confidence"),
                                 min_asr_confidence=settings.min_asr_confidence, scorer_version=scorer_version)
    content = scored["content_features"]
    counts = content.pop("counts")
    result["features"].update(content)
    result["features"].update({"filler_count": counts["fillers"], "token_count": counts["words"],
                               "filler_ratio": round(counts["fillers"] / max(counts["words"], 1), 4)})
    if scored["status"] != "scored":
        return scored["status"], scored["reason"], scored["reason_code"]
    result["features"]["keyword_coverage"] = {c["name"]: c["keyword_coverage"] for c in scored["competencies"]}
    result["competencies"] = scored["competencies"]
    result["overall"] = scored["overall"]
    result["feedback"] = scored["feedback"]
    result["model_versions"]["scorer"] = scored["scorer"]
    result["timings"]["score_s"] = round(time.perf_counter() - t, 4)
    return "scored", None, None


def _check_language(language: str) -> str | None:
    if language not in LANGUAGES:
        return f"unsupported interview language {language!r} (supported: {', '.join(LANGUAGES)})"
    return None


def _check_question(question, *, audio: bool = True) -> str | None:
    """Why answers to `question` cannot be scored automatically (a Chinese sentence for HR), or None: a field of
    the wrong type or value (scoring/question_check.py, the check the CLI applies too). The answer then ends
    needs_review with reason_code "bad_question": the recording is kept for a person, never a crash or a score."""
    found = question_check.problems(question)
    if not found:
        return None
    return "题目设置有问题，无法自动评分：" + "".join(found) + "请检查这道题的设置，并人工" + \
        ("听一下这个回答的录音。" if audio else "看一下这个回答。")


def analyze_file(path, question: dict, language: str = "zh", *, scorer_version: str | None = "default",
                 settings: Settings | None = None, probe: decode.Probe | None = None) -> dict:
    settings = settings or Settings.from_env()
    t0 = time.perf_counter()
    result = _base(language)
    bad = _check_language(language)
    if bad:
        return _finish(result, "needs_review", bad, t0, "unsupported_language")
    bad = _check_question(question)
    if bad:
        return _finish(result, "needs_review", bad, t0, "bad_question")
    # The Vosk model (seconds to load on a new instance) loads while ffmpeg decodes and the VAD runs.
    asr.preload(language, settings)
    try:
        t = time.perf_counter()
        audio = decode.decode(path, max_seconds=settings.max_audio_seconds, max_bytes=settings.max_upload_bytes,
                              probe=probe)
        result["duration_seconds"] = round(audio.duration, 3)
        if audio.incomplete:   # scored on what was decoded, flagged for HR (and never blamed on the candidate)
            result["incomplete_recording"] = {
                "detail": audio.incomplete, "decoded_seconds": round(audio.duration, 3),
                "announced_seconds": None if audio.announced_seconds is None else round(audio.announced_seconds, 3),
                "reason": "录音文件不完整（可能上传中断），只分析了能读出的前 "
                          f"{audio.duration:.0f} 秒" + (f"（文件标明约 {audio.announced_seconds:.0f} 秒）"
                                                       if audio.announced_seconds else "") + "，请人工核对。"}
        result["timings"]["decode_s"] = round(time.perf_counter() - t, 4)
        audio = fit_to_answer_limit(audio, question, result)

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
            return _finish(result, "needs_review", "录音里没有听到说话声，请人工听一下录音。", t0, "no_speech")
        if speech.speech_seconds < settings.min_speech_seconds:
            return _finish(result, "needs_review",
                           f"说话时间太短，无法评分（只有 {speech.speech_seconds:.1f} 秒，"
                           f"至少需要 {settings.min_speech_seconds:g} 秒）。", t0, "too_little_content")

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

        status, reason, code = score_words(words, language, question, scorer_version=scorer_version,
                                           speech=speech, duration=audio.duration, samples=audio.samples,
                                           settings=settings, result=result)
        return _finish(result, status, reason, t0, code)
    except AnalysisError as exc:
        return _finish(result, exc.status, str(exc), t0, exc.code)


DEFAULT_ANSWER_TOLERANCE_SECONDS = 5.0


def fit_to_answer_limit(audio: decode.Audio, question: dict, result: dict) -> decode.Audio:
    """Audio longer than the question's answer limit (`answer_seconds`) plus `answer_tolerance_seconds` (the
    analysis context sends the API's ANSWER_TOLERANCE_SECONDS; default 5) is flagged in result["timing"]
    (`over_limit`, `limit_seconds`, `duration_seconds` measured from the decoded file, `analysed_seconds`) and
    analysed up to the limit only; the stored recording is never cut, so HR can play all of it."""
    limit = question.get("answer_seconds")
    tolerance = question.get("answer_tolerance_seconds", DEFAULT_ANSWER_TOLERANCE_SECONDS)
    try:
        limit, tolerance = float(limit), float(tolerance)
    except (TypeError, ValueError):
        return audio
    over = limit > 0 and audio.duration > limit + tolerance
    result["timing"] = {"over_limit": over, "limit_seconds": limit, "tolerance_seconds": tolerance,
                        "duration_seconds": round(audio.duration, 3),
                        "analysed_seconds": round(min(audio.duration, limit) if over else audio.duration, 3)}
    if not over:
        return audio
    return decode.Audio(samples=audio.samples[:int(limit * audio.sample_rate)], sample_rate=audio.sample_rate)


# The fastest plausible speech, in non-space characters per second (zh hanzi, ko syllables, en letters),
# with a floor for questions without a time limit: a transcript longer than answer_seconds of this is not
# an answer the candidate gave in time (and would make scoring slow), so it goes to a person.
FAST_CHARS_PER_SECOND = {"zh": 8.0, "ko": 9.0, "en": 22.0}
DEFAULT_ANSWER_SECONDS = 180


def max_transcript_chars(question: dict, language: str) -> int:
    """The most non-space characters a transcript of this question may have (too_long beyond it)."""
    seconds = question.get("answer_seconds") or DEFAULT_ANSWER_SECONDS
    try:
        seconds = max(float(seconds), 30.0)
    except (TypeError, ValueError):
        seconds = DEFAULT_ANSWER_SECONDS
    return int(seconds * FAST_CHARS_PER_SECOND.get(language, 8.0))


def analyze_transcript(transcript: str, question: dict, language: str = "zh", *,
                       scorer_version: str | None = "default", settings: Settings | None = None) -> dict:
    """Score a given transcript without audio (evaluation, CLI --transcript)."""
    settings = settings or Settings.from_env()
    t0 = time.perf_counter()
    result = _base(language)
    bad = _check_language(language)
    if bad:
        return _finish(result, "needs_review", bad, t0, "unsupported_language")
    bad = _check_question(question, audio=False)
    if bad:
        return _finish(result, "needs_review", bad, t0, "bad_question")
    transcript = text.strip_invisible(transcript)
    limit = max_transcript_chars(question, language)
    if len(re.sub(r"\s+", "", transcript)) > limit:
        result["transcript"] = {"text": transcript.strip()[:limit], "words": [], "mean_confidence": None}
        return _finish(result, "needs_review",
                       f"回答文字太长（超过 {limit} 个字，比规定时间内能说完的还多），无法自动评分，请人工查看。",
                       t0, "too_long")
    words = text.words_from_text(transcript, language)
    result["transcript"] = {"text": transcript.strip(), "words": words, "mean_confidence": None}
    result["model_versions"]["asr"] = "none (transcript given)"
    try:
        status, reason, code = score_words(words, language, question, scorer_version=scorer_version,
                                           settings=settings, result=result, text=transcript)
    except AnalysisError as exc:
        status, reason, code = exc.status, str(exc), exc.code
    return _finish(result, status, reason, t0, code)
