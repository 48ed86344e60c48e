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

    def probabilities(self, samples: np.ndarray, section_frames: int = 256, warmup_frames: int = 24) -> np.ndarray:
        """Speech probability per 32-ms frame of int16 16-kHz audio.

        The recording is cut into sections of `section_frames` that run side by side as one batch (one
        onnxruntime call per step instead of per frame); each section starts `warmup_frames` early so its
        recurrent state has settled by the frames it reports."""
        x = samples.astype(np.float32) / 32768.0
        n = int(np.ceil(len(x) / WINDOW))
        if n == 0:
            return np.zeros(0, dtype=np.float32)
        L, W = section_frames, warmup_frames
        batch = int(np.ceil(n / L))
        total = W + batch * L
        padded = np.zeros(CONTEXT + total * WINDOW, dtype=np.float32)
        padded[CONTEXT + W * WINDOW: CONTEXT + W * WINDOW + len(x)] = x
        step_frames = np.lib.stride_tricks.sliding_window_view(padded, WINDOW + CONTEXT)[::WINDOW]
        sections = np.stack([step_frames[b * L: b * L + L + W] for b in range(batch)])  # [B, L+W, 576]
        state = np.zeros((2, batch, 128), dtype=np.float32)
        sr = np.array(16000, dtype=np.int64)
        out = np.empty((batch, L + W), dtype=np.float32)
        run = self.session.run
        for k in range(L + W):
            prob, state = run(None, {"input": np.ascontiguousarray(sections[:, k, :]), "state": state, "sr": sr})
            out[:, k] = prob[:, 0]
        return out[:, W:].reshape(-1)[:n]

    def probabilities_sequential(self, samples: np.ndarray) -> np.ndarray:
        """Reference: one frame at a time, as Silero's own wrapper does."""
        x = samples.astype(np.float32) / 32768.0
        n = int(np.ceil(len(x) / WINDOW))
        x = np.pad(x, (CONTEXT, n * WINDOW - len(x)))
        state = np.zeros((2, 1, 128), dtype=np.float32)
        sr = np.array(16000, dtype=np.int64)
        probs = np.empty(n, dtype=np.float32)
        for i in range(n):
            frame = x[i * WINDOW: i * WINDOW + WINDOW + CONTEXT][None, :]
            out, state = self.session.run(None, {"input": frame, "state": state, "sr": sr})
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
               max_s: float = 15.0) -> list[list[tuple[float, float]]]:
    """Group speech segments into chunks spanning at most max_s seconds, cut at pauses (a segment longer
    than max_s is cut at its least speech-like frame after min_s). Each chunk is its list of pieces."""
    pieces: list[tuple[float, float]] = []
    for a, b in segments:
        while b - a > max_s:
            lo, hi = int((a + min_s) / FRAME_S), int((a + max_s) / FRAME_S)
            window = probs[lo:hi]
            cut = (lo + int(np.argmin(window))) * FRAME_S if len(window) else a + max_s
            pieces.append((a, cut))
            a = cut
        pieces.append((a, b))
    chunks: list[list[tuple[float, float]]] = []
    for a, b in pieces:
        if chunks and b - chunks[-1][0][0] <= max_s:
            chunks[-1].append((a, b))
        else:
            chunks.append([(a, b)])
    return chunks


def stitch(samples: np.ndarray, pieces: list[tuple[float, float]], keep_gap_s: float = 0.3,
           rate: int = 16000) -> tuple[bytes, list[tuple[float, float, float]]]:
    """The audio of a chunk with each pause inside it shortened to at most keep_gap_s (silence costs the
    recogniser as much CPU as speech), and the map (stream start, original start, duration) that turns
    times in the stitched stream back into times in the recording."""
    out, table, stream = [], [], 0.0
    for i, (a, b) in enumerate(pieces):
        if i + 1 < len(pieces):
            b = min(pieces[i + 1][0], b + keep_gap_s)
        ia, ib = int(a * rate), int(b * rate)
        out.append(samples[ia:ib])
        table.append((stream, ia / rate, (ib - ia) / rate))
        stream += (ib - ia) / rate
    return np.concatenate(out).tobytes() if out else b"", table


def unstitch(t: float, table: list[tuple[float, float, float]]) -> float:
    """A time in the stitched stream → the time in the recording."""
    return _locate(t, table)[0]


def unstitch_span(start: float, end: float, table: list) -> tuple[float, float]:
    """A word's (start, end) → recording times; a word the recogniser stretched over a shortened pause
    ends where its own piece of audio ends."""
    a, i = _locate(start, table)
    b, j = _locate(end, table)
    if j != i and table:
        b = table[i][1] + table[i][2]
    return a, max(a, b)


def _locate(t: float, table: list) -> tuple[float, int]:
    for k in range(len(table) - 1, -1, -1):
        stream, orig, dur = table[k]
        if t >= stream:
            return orig + min(t - stream, dur), k
    return (table[0][1], 0) if table else (t, 0)
