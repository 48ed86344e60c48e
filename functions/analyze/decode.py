"""Any phone or browser recording → 16 kHz mono signed 16-bit PCM.

Handles AAC/M4A, MP3, MP4/MOV (audio track), WAV and WebM/Opus (browser MediaRecorder, which often
writes no duration). ffmpeg runs as an argument list through ffmpeg-python, never a shell string.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import ffmpeg
import numpy as np

from .errors import MediaError

SAMPLE_RATE = 16000


@dataclass
class Audio:
    samples: np.ndarray          # int16, mono, 16 kHz
    sample_rate: int = SAMPLE_RATE
    container: str = ""
    codec: str = ""

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    def pcm_bytes(self, start_s: float = 0.0, end_s: float | None = None) -> bytes:
        a = int(start_s * self.sample_rate)
        b = len(self.samples) if end_s is None else int(end_s * self.sample_rate)
        return self.samples[max(0, a):b].tobytes()


def _minutes(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}:{s:02d}"


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def _last_error(exc: ffmpeg.Error, path: str, default: str) -> str:
    lines = (exc.stderr or b"").decode(errors="replace").strip().splitlines()
    return (lines[-1] if lines else default).replace(f"{path}: ", "").strip()


def _probe(path: str) -> dict:
    try:
        return ffmpeg.probe(path)
    except ffmpeg.Error as exc:
        last = _last_error(exc, path, "unreadable")
        raise MediaError("the file could not be read as audio or video; it may be damaged, "
                         f"incomplete or not a recording ({last})") from None


def decode(path: str | os.PathLike, max_seconds: float = 600.0, max_bytes: int | None = None) -> Audio:
    """Decode a recording; raise MediaError with a sentence a person understands when it is unusable."""
    path = os.fspath(path)
    size = os.path.getsize(path)
    if size == 0:
        raise MediaError("the uploaded file is empty (0 bytes): nothing was recorded")
    if max_bytes is not None and size > max_bytes:
        raise MediaError(f"the file is {_size(size)}, over the {_size(max_bytes)} limit", code="too_large")
    info = _probe(path)
    audio_streams = [s for s in info.get("streams", []) if s.get("codec_type") == "audio"]
    container = info.get("format", {}).get("format_name", "")
    if not audio_streams:
        has_video = any(s.get("codec_type") == "video" for s in info.get("streams", []))
        if has_video:
            raise MediaError("the video has no audio track: the microphone was not recorded")
        raise MediaError("the recording contains no audio (it is 0 seconds long)")
    declared = info.get("format", {}).get("duration") or audio_streams[0].get("duration")
    try:
        declared_s = float(declared) if declared not in (None, "N/A") else None
    except ValueError:
        declared_s = None
    if declared_s is not None and declared_s > max_seconds + 1:
        raise MediaError(code="too_long", message=f"the recording is {_minutes(declared_s)} long, longer than the "
                         f"{_minutes(max_seconds)} limit")
    try:
        out, _err = (
            ffmpeg.input(path)
            .output("pipe:", format="s16le", acodec="pcm_s16le", ac=1, ar=SAMPLE_RATE,
                    t=max_seconds + 1, map="0:a:0")
            .global_args("-nostdin", "-hide_banner", "-loglevel", "error")
            .run(capture_stdout=True, capture_stderr=True)
        )
    except ffmpeg.Error as exc:
        raise MediaError("the audio could not be decoded; the file may be damaged or incomplete "
                         f"({_last_error(exc, path, 'ffmpeg failed')})") from None
    samples = np.frombuffer(out[: len(out) // 2 * 2], dtype=np.int16)
    audio = Audio(samples=samples, container=container, codec=audio_streams[0].get("codec_name", ""))
    if audio.duration > max_seconds:
        raise MediaError(f"the recording is longer than the {_minutes(max_seconds)} limit", code="too_long")
    if audio.duration < 0.1:
        raise MediaError("the recording contains no audio (it is 0 seconds long)")
    return audio
