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


FRAME_S = 0.02
MAX_CHANNELS = 8


def _frame_db(channel: np.ndarray, sample_rate: int) -> np.ndarray:
    """Loudness of each 20-ms frame in dBFS (a silent frame is -100 dB)."""
    frame = int(FRAME_S * sample_rate)
    usable = len(channel) // frame * frame
    if usable == 0:
        return np.full(1, -100.0)
    frames = channel[:usable].astype(np.float64).reshape(-1, frame) / 32768.0
    return 10 * np.log10(np.mean(frames ** 2, axis=1) + 1e-10)


def _speechiness(channel: np.ndarray, sample_rate: int) -> float:
    """How much a channel looks like speech rather than silence or steady noise: the spread in dB between its
    loud frames (95th percentile) and its quiet ones (20th), counted only when the loud frames are audible
    (above -60 dBFS). Speech pauses between words; hiss, hum and digital silence do not."""
    levels = _frame_db(channel, sample_rate)
    loud, quiet = np.percentile(levels, 95), np.percentile(levels, 20)
    return 0.0 if loud < -60 else float(loud - quiet)


def choose_channels(channels: np.ndarray, sample_rate: int = SAMPLE_RATE) -> tuple[np.ndarray, str]:
    """Mix a (samples, channels) int16 array down to the mono signal that carries the speech.

    A channel may be silent, carry steady noise, or be the other channel inverted (a phone's second microphone
    wired in opposite phase): plain averaging would then cancel or drown the speech. So the channel that looks
    most like speech is taken; another channel is added only when it carries the same signal (|correlation| >
    0.6), with its sign turned to match, so an inverted copy reinforces instead of cancelling. Returns the
    mono int16 samples and a short description of what was chosen."""
    if channels.ndim == 1 or channels.shape[1] == 1:
        return channels.reshape(-1), "mono"
    scores = [_speechiness(channels[:, index], sample_rate) for index in range(channels.shape[1])]
    best = int(np.argmax(scores))
    reference = channels[:, best].astype(np.float64)
    mix, used = reference.copy(), [str(best)]
    for index in range(channels.shape[1]):
        if index == best or scores[index] < 0.5 * scores[best]:
            continue
        other = channels[:, index].astype(np.float64)
        if reference.std() == 0 or other.std() == 0:
            continue
        correlation = float(np.corrcoef(reference, other)[0, 1])
        if abs(correlation) > 0.6:
            mix += np.sign(correlation) * other
            used.append(("-" if correlation < 0 else "") + str(index))
    mix /= len(used)
    return np.clip(np.round(mix), -32768, 32767).astype(np.int16), "channels " + "+".join(used)


def decode(path: str | os.PathLike, max_seconds: float = 600.0, max_bytes: int | None = None) -> Audio:
    """Decode a recording; raise MediaError with a sentence a person understands when it is unusable.

    The length is the decoded audio's, never the container's or ffprobe's estimate: an ADTS AAC that starts
    with digital silence is estimated from the bitrate of its tiny first frames and looks many times longer
    than it is. Decoding stops one second past max_seconds, so an over-long file costs at most that much.
    Several channels are mixed by choose_channels (the speech wherever it is)."""
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
    channels = min(max(int(audio_streams[0].get("channels") or 1), 1), MAX_CHANNELS)
    try:
        out, _err = (
            ffmpeg.input(path)
            .output("pipe:", format="s16le", acodec="pcm_s16le", ac=channels, ar=SAMPLE_RATE,
                    t=max_seconds + 1, map="0:a:0")
            .global_args("-nostdin", "-hide_banner", "-loglevel", "error")
            .run(capture_stdout=True, capture_stderr=True)
        )
    except ffmpeg.Error as exc:
        raise MediaError("the audio could not be decoded; the file may be damaged or incomplete "
                         f"({_last_error(exc, path, 'ffmpeg failed')})") from None
    frame_bytes = 2 * channels
    interleaved = np.frombuffer(out[: len(out) // frame_bytes * frame_bytes], dtype=np.int16)
    samples, _chosen = choose_channels(interleaved.reshape(-1, channels))
    audio = Audio(samples=samples, container=container, codec=audio_streams[0].get("codec_name", ""))
    if audio.duration > max_seconds:
        raise MediaError(f"the recording is longer than the {_minutes(max_seconds)} limit", code="too_long")
    if audio.duration < 0.1:
        raise MediaError("the recording contains no audio (it is 0 seconds long)")
    return audio
