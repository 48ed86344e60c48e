"""How it was said: speech rate, pauses, volume stability, time used, ASR confidence.

Also the bounded "fit" values (0..1) the scorer reads, so a strange rate or a long silence can move a
score only a little and only through a named feature.
"""
from __future__ import annotations

import numpy as np

from .scoring.text import script_of

# Comfortable speaking rates, in the unit speech_rate_cpm uses for the language:
# Chinese characters / Korean syllables / English letters per minute of speech.
PACE_BAND = {"zh": (160.0, 300.0), "ko": (220.0, 400.0), "en": (550.0, 950.0)}
NOMINAL_RATE = {"zh": 230.0, "ko": 300.0, "en": 750.0}
LONG_PAUSE_S = 0.6


def spoken_units(words: list[dict], language: str) -> int:
    text = "".join(w["word"] for w in words)
    if language == "en":
        return sum(1 for c in text if c.isalpha())
    want = "han" if language == "zh" else "hangul"
    return sum(1 for c in text if script_of(c) == want) or sum(1 for c in text if c.isalnum())


def volume_stability(samples: np.ndarray, segments: list, frame: int = 1600) -> float | None:
    """1 − (spread of loudness in dB across 100-ms speech frames)/20, clipped to 0..1."""
    levels = []
    for a, b in segments:
        seg = samples[int(a * 16000): int(b * 16000)].astype(np.float32)
        n = len(seg) // frame
        if n == 0:
            continue
        rms = np.sqrt(np.mean(seg[: n * frame].reshape(n, frame) ** 2, axis=1)) + 1e-6
        levels.append(20 * np.log10(rms / 32768.0))
    if not levels:
        return None
    db = np.concatenate(levels)
    db = db[db > db.max() - 40]  # ignore the quiet frames between syllables
    return float(np.clip(1 - np.std(db) / 20.0, 0.0, 1.0))


def pace_fit(rate: float | None, language: str) -> float:
    if rate is None:
        return 1.0
    lo, hi = PACE_BAND[language]
    if rate < lo:
        return float(np.clip(rate / lo * 2 - 1, 0, 1))     # 0 at half the band's floor
    if rate > hi:
        return float(np.clip(2 - rate / hi, 0, 1))          # 0 at twice its ceiling
    return 1.0


def pause_fit(longest_pause: float | None, long_pauses_per_min: float | None) -> float:
    if longest_pause is None:
        return 1.0
    penalty = 0.5 * min(max(longest_pause - 3.0, 0.0) / 7.0, 1.0)
    penalty += 0.5 * min(max((long_pauses_per_min or 0.0) - 6.0, 0.0) / 12.0, 1.0)
    return 1.0 - penalty


def length_fit(speech_seconds: float, answer_seconds: float | None) -> float:
    """Enough said for the question: full marks from 35% of the time limit in speech."""
    limit = answer_seconds or 60.0
    return float(min(speech_seconds / (0.35 * limit), 1.0))


def fluency(filler_ratio: float) -> float:
    return float(1.0 - min(filler_ratio / 0.15, 1.0))


def delivery_features(words: list[dict], language: str, answer_seconds: float | None, *,
                      duration: float | None = None, speech=None, samples=None) -> dict:
    """Delivery features; with no audio (transcript only) the unmeasurable ones are None."""
    units = spoken_units(words, language)
    confs = [w["conf"] for w in words if w.get("conf") is not None]
    if speech is None:
        speech_seconds = units / NOMINAL_RATE[language] * 60.0
        return {"speech_rate_cpm": None, "pause_count": None, "longest_pause_s": None,
                "volume_stability": None, "asr_confidence": None,
                "time_used_ratio": round(speech_seconds / (answer_seconds or 60.0), 4),
                "speech_seconds_estimated": round(speech_seconds, 2),
                "_speech_seconds": speech_seconds, "_long_pauses_per_min": None}
    minutes = speech.speech_seconds / 60.0
    long_pauses = [p for p in speech.pauses if p >= LONG_PAUSE_S]
    return {
        "speech_rate_cpm": round(units / minutes, 1) if minutes > 0 else 0.0,
        "pause_count": len(long_pauses),
        "longest_pause_s": round(max(speech.pauses), 2) if speech.pauses else 0.0,
        "volume_stability": None if samples is None else round(volume_stability(samples, speech.segments) or 0.0, 3),
        "asr_confidence": round(float(np.mean(confs)), 4) if confs else None,
        "time_used_ratio": round((duration or 0.0) / (answer_seconds or 60.0), 4),
        "_speech_seconds": speech.speech_seconds,
        "_long_pauses_per_min": len(long_pauses) / max(duration / 60.0, 0.5) if duration else 0.0,
    }
