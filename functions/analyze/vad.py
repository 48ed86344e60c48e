"""Speech segments with Silero VAD's ONNX model through onnxruntime (no torch).

The model file ships in PyPI's `silero-vad` (installed --no-deps) at silero_vad/data/silero_vad.onnx.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ModelMissing

WINDOW = 512            # samples per frame at 16 kHz (32 ms)
CONTEXT = 64            # samples of the previous frame the v5+ model expects in front of each frame
FRAME_S = WINDOW / 16000


def model_path() -> Path:
    override = os.environ.get("MIAOMIAN_VAD_MODEL")
    if override:
        return Path(override)
    spec = importlib.util.find_spec("silero_vad")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing("the Silero VAD model is not installed: run "
                           "`pip install --no-deps -r requirements-nodeps.txt` (package silero-vad)")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "silero_vad.onnx"


def model_version() -> str:
    try:
        from importlib.metadata import version
        return f"silero-vad-{version('silero-vad')}"
    except Exception:  # noqa: BLE001 - metadata is informative only
        return "silero-vad"


class SileroVAD:
    def __init__(self, path: Path | None = None):
        import onnxruntime

        path = path or model_path()
        if not Path(path).exists():
            raise ModelMissing(f"the Silero VAD model file {path} is missing: reinstall silero-vad "
                               "with `pip install --no-deps silero-vad==6.2.3`")
        opts = onnxruntime.SessionOptions()
        opts.inter_op_num_threads = 1
        opts.intra_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(path), sess_options=opts,
                                                    providers=["CPUExecutionProvider"])

    def probabilities(self, samples: np.ndarray) -> np.ndarray:
        """Speech probability per 32-ms frame of int16 16-kHz audio."""
        x = samples.astype(np.float32) / 32768.0
        n = int(np.ceil(len(x) / WINDOW))
        if n == 0:
            return np.zeros(0, dtype=np.float32)
        x = np.pad(x, (CONTEXT, n * WINDOW - len(x)))
        state = np.zeros((2, 1, 128), dtype=np.float32)
        sr = np.array(16000, dtype=np.int64)
        probs = np.empty(n, dtype=np.float32)
        run = self.session.run
        for i in range(n):
            frame = x[i * WINDOW: i * WINDOW + WINDOW + CONTEXT][None, :]
            out, state = run(None, {"input": frame, "state": state, "sr": sr})
            probs[i] = out[0, 0]
        return probs


@dataclass
class SpeechStats:
    segments: list            # [[start_s, end_s], ...]
    speech_seconds: float
    speech_ratio: float
    pauses: list              # gaps between segments, seconds


def segments_from_probabilities(probs: np.ndarray, duration: float, threshold: float = 0.5,
                                min_speech_s: float = 0.25, min_silence_s: float = 0.3,
                                pad_s: float = 0.05) -> list[list[float]]:
    """Hysteresis over frame probabilities (as Silero's get_speech_timestamps): [[start, end], ...]."""
    neg = max(threshold - 0.15, 0.01)
    segs, start, silence_from = [], None, None
    for i, p in enumerate(probs):
        t = i * FRAME_S
        if p >= threshold:
            silence_from = None
            if start is None:
                start = t
        elif start is not None and p < neg:
            if silence_from is None:
                silence_from = t
            elif t - silence_from >= min_silence_s:
                segs.append([start, silence_from])
                start, silence_from = None, None
    if start is not None:
        segs.append([start, silence_from if silence_from is not None else len(probs) * FRAME_S])
    out = []
    for a, b in segs:
        if b - a < min_speech_s:
            continue
        out.append([round(max(0.0, a - pad_s), 3), round(min(duration, b + pad_s), 3)])
    merged = []
    for seg in out:  # padding may make neighbours touch
        if merged and seg[0] <= merged[-1][1]:
            merged[-1][1] = seg[1]
        else:
            merged.append(seg)
    return merged


def speech_stats(segments: list[list[float]], duration: float) -> SpeechStats:
    speech = sum(b - a for a, b in segments)
    pauses = [round(segments[i + 1][0] - segments[i][1], 3) for i in range(len(segments) - 1)]
    return SpeechStats(segments=segments, speech_seconds=round(speech, 3),
                       speech_ratio=round(speech / duration, 3) if duration else 0.0, pauses=pauses)


def asr_chunks(segments: list[list[float]], probs: np.ndarray, min_s: float = 5.0,
               max_s: float = 15.0) -> list[tuple[float, float]]:
    """Group speech segments into chunks of at most max_s seconds cut at pauses (a segment longer than
    max_s is cut at its least speech-like frame after min_s). Chunks cover the pauses inside them so word times stay contiguous."""
    pieces: list[tuple[float, float]] = []
    for a, b in segments:
        while b - a > max_s:
            lo, hi = int((a + min_s) / FRAME_S), int((a + max_s) / FRAME_S)
            window = probs[lo:hi]
            cut = (lo + int(np.argmin(window))) * FRAME_S if len(window) else a + max_s
            pieces.append((a, cut))
            a = cut
        pieces.append((a, b))
    chunks: list[tuple[float, float]] = []
    for a, b in pieces:
        if chunks and b - chunks[-1][0] <= max_s:
            chunks[-1] = (chunks[-1][0], b)
        else:
            chunks.append((a, b))
    return chunks
