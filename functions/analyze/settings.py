"""Settings from the environment, read when asked (never frozen at import time)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh", "en", "ko")


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    return float(raw) if raw else default


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    models_dir: Path = REPO_ROOT / "models"
    # Where downloaded models and derived copies (tight-beam model dirs) live.
    cache_dir: Path = REPO_ROOT / "models" / "cache"
    vosk_model_overrides: dict = field(default_factory=dict)
    # Decoder beams: None keeps the model's own conf/model.conf ("stock").
    beam: float | None = 8.0
    max_active: int | None = 1000
    lattice_beam: float | None = None
    asr_workers: int = 2
    max_upload_bytes: int = 100 * 1024 * 1024
    max_audio_seconds: float = 600.0
    min_speech_seconds: float = 2.0
    min_words: int = 3
    min_asr_confidence: float = 0.45
    vad_threshold: float = 0.5

    @classmethod
    def from_env(cls) -> "Settings":
        models_dir = Path(os.environ.get("MIAOMIAN_MODELS_DIR") or REPO_ROOT / "models")
        cache_dir = Path(os.environ.get("MIAOMIAN_MODELS_CACHE") or models_dir / "cache")
        overrides = {lang: os.environ[f"MIAOMIAN_VOSK_MODEL_{lang.upper()}"]
                     for lang in LANGUAGES if os.environ.get(f"MIAOMIAN_VOSK_MODEL_{lang.upper()}")}
        stock = os.environ.get("MIAOMIAN_VOSK_BEAMS", "").strip().lower() == "stock"
        return cls(
            models_dir=models_dir,
            cache_dir=cache_dir,
            vosk_model_overrides=overrides,
            beam=None if stock else _float("MIAOMIAN_VOSK_BEAM", 8.0),
            max_active=None if stock else _int("MIAOMIAN_VOSK_MAX_ACTIVE", 1000),
            lattice_beam=None if stock else (_float("MIAOMIAN_VOSK_LATTICE_BEAM", 0) or None),
            asr_workers=max(1, _int("MIAOMIAN_ASR_WORKERS", min(2, os.cpu_count() or 1))),
            max_upload_bytes=_int("MIAOMIAN_MAX_UPLOAD_BYTES", 100 * 1024 * 1024),
            max_audio_seconds=_float("MIAOMIAN_MAX_AUDIO_SECONDS", 600.0),
            min_speech_seconds=_float("MIAOMIAN_MIN_SPEECH_SECONDS", 2.0),
            min_words=_int("MIAOMIAN_MIN_WORDS", 3),
            min_asr_confidence=_float("MIAOMIAN_MIN_ASR_CONFIDENCE", 0.45),
            vad_threshold=_float("MIAOMIAN_VAD_THRESHOLD", 0.5),
        )
