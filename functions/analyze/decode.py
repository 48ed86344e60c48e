"""Any phone or browser recording → 16 kHz mono signed 16-bit PCM.

Handles AAC/M4A, MP3, MP4/MOV (audio track), WAV and WebM/Opus (browser MediaRecorder, which often
writes no duration). ffmpeg runs as an argument list through ffmpeg-python, never a shell string.
"""
from __future__ import annotations

import os
import re
import struct
import subprocess
from dataclasses import dataclass

import ffmpeg
import numpy as np

from .errors import MediaError

SAMPLE_RATE = 16000


@dataclass
class Audio:
    samples: np.ndarray          # int16, mono, 16 kHz
    sample_rate: int = SAMPLE_RATE

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


STREAM_LINE = re.compile(r"^\s*Stream #\d+:\d+\S*: (Audio|Video): (\w+)(.*)$", re.M)


def describe(path: str | os.PathLike) -> dict:
    """What ffmpeg reads in a file, from the input summary `ffmpeg -i` prints (no ffprobe: the SCF layer carries
    ffmpeg only): {"container": "mov,mp4,m4a,3gp,3g2,mj2" ("" when unreadable), "audio": [codec names of the
    audio streams, in order: "aac", "opus", "pcm_s16le"…], "video": whether a real video stream is there (a
    cover picture is not)}."""
    completed = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-i", os.fspath(path)], capture_output=True,
                               timeout=60)   # exits 1: no output file is given, the summary is what we want
    text = completed.stderr.decode(errors="replace")
    container = re.search(r"^Input #0, (.+?), from ", text, re.M)
    streams = STREAM_LINE.findall(text)
    return {"container": container.group(1) if container else "",
            "audio": [codec for kind, codec, _ in streams if kind == "Audio"],
            "video": any(kind == "Video" and "(attached pic)" not in rest for kind, codec, rest in streams)}


def read_wav(data: bytes) -> tuple[int, int, bytes]:
    """(channels, sample rate, 16-bit PCM bytes) of the WAV ffmpeg writes to a pipe: its RIFF and data sizes are
    unknown there (0xFFFFFFFF), and more than two channels use WAVE_FORMAT_EXTENSIBLE, which Python 3.11's
    `wave` module refuses. Raises ValueError when the bytes are not such a WAV."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a WAV stream")
    position, channels, rate = 12, 0, 0
    while position + 8 <= len(data):
        chunk, size = data[position:position + 4], int.from_bytes(data[position + 4:position + 8], "little")
        body = position + 8
        if chunk == b"fmt ":
            channels, rate, _byte_rate, _align, bits = struct.unpack_from("<HIIHH", data, body + 2)
            if bits != 16:
                raise ValueError(f"{bits}-bit samples, not 16")
        elif chunk == b"data":
            if not channels:
                raise ValueError("data before its format")
            end = len(data) if size == 0xFFFFFFFF else min(len(data), body + size)
            return channels, rate, data[body:end]
        position = body + size + (size & 1)
    raise ValueError("no data chunk")


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


def _decode_error(exc: ffmpeg.Error, path: str) -> MediaError:
    """The sentence for a file ffmpeg could not decode: no audio stream (a video without its sound track, or
    nothing at all), a file it cannot open (damaged, incomplete, not a recording), or broken audio data."""
    errors = (exc.stderr or b"").decode(errors="replace")
    if "matches no streams" in errors:   # -map 0:a:0 found no audio stream: what is there instead?
        if describe(path)["video"]:
            return MediaError("the video has no audio track: the microphone was not recorded")
        return MediaError("the recording contains no audio (it is 0 seconds long)")
    last = _last_error(exc, path, "ffmpeg failed")
    if any(line.startswith(f"{path}: ") for line in errors.splitlines()):   # the input itself could not be opened
        return MediaError("the file could not be read as audio or video; it may be damaged, incomplete or not a "
                          f"recording ({last})")
    return MediaError(f"the audio could not be decoded; the file may be damaged or incomplete ({last})")


def decode(path: str | os.PathLike, max_seconds: float = 600.0, max_bytes: int | None = None) -> Audio:
    """Decode a recording; raise MediaError with a sentence a person understands when it is unusable.

    The length is the decoded audio's, never the container's estimate: an ADTS AAC that starts
    with digital silence is estimated from the bitrate of its tiny first frames and looks many times longer
    than it is. Decoding stops one second past max_seconds, so an over-long file costs at most that much.
    Several channels are mixed by choose_channels (the speech wherever it is). One ffmpeg run decodes; a second,
    cheap one (describe) runs only to tell a video without sound from a file without any stream."""
    path = os.fspath(path)
    size = os.path.getsize(path)
    if size == 0:
        raise MediaError("the uploaded file is empty (0 bytes): nothing was recorded")
    if max_bytes is not None and size > max_bytes:
        raise MediaError(f"the file is {_size(size)}, over the {_size(max_bytes)} limit", code="too_large")
    try:   # the first audio stream as 16-bit PCM WAV, channels as recorded: the header says how many
        out, _err = (
            ffmpeg.input(path)
            .output("pipe:", format="wav", acodec="pcm_s16le", ar=SAMPLE_RATE, t=max_seconds + 1, map="0:a:0")
            .global_args("-nostdin", "-hide_banner", "-loglevel", "error")
            .run(capture_stdout=True, capture_stderr=True)
        )
    except ffmpeg.Error as exc:
        raise _decode_error(exc, path) from None
    try:
        channels, _rate, pcm = read_wav(out)
    except ValueError as exc:
        raise MediaError(f"the audio could not be decoded; the file may be damaged or incomplete ({exc})") from None
    frame_bytes = 2 * channels
    interleaved = np.frombuffer(pcm[: len(pcm) // frame_bytes * frame_bytes], dtype=np.int16)
    samples, _chosen = choose_channels(interleaved.reshape(-1, channels)[:, :MAX_CHANNELS])
    audio = Audio(samples=samples)
    if audio.duration > max_seconds:
        raise MediaError(f"the recording is longer than the {_minutes(max_seconds)} limit", code="too_long")
    if audio.duration < 0.1:
        raise MediaError("the recording contains no audio (it is 0 seconds long)")
    return audio
