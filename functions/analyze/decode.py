"""Any phone or browser recording → 16 kHz mono signed 16-bit PCM.

Handles AAC/M4A, MP3, MP4/MOV (audio track), WAV and WebM/Opus (browser MediaRecorder, which often
writes no duration). ffmpeg runs as an argument list through ffmpeg-python, never a shell string.
"""
from __future__ import annotations

import os
import functools
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
    # Why the recording looks cut short (English, for logs; None when complete): the decoder reported damaged
    # or missing data, or the container announced a longer recording than could be decoded (incomplete()).
    incomplete: str | None = None
    announced_seconds: float | None = None

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


DURATION_LINE = re.compile(r"^\s*Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)", re.M)
CHANNELS_FIELD = re.compile(r"\d+ Hz, ([^,]+),")


@functools.lru_cache(maxsize=1)
def _layout_channels() -> dict[str, int]:
    """ffmpeg's own table of standard channel layouts (`ffmpeg -layouts`): name → number of channels."""
    text = subprocess.run(["ffmpeg", "-hide_banner", "-layouts"], capture_output=True, timeout=60).stdout.decode()
    table = text.split("Standard channel layouts:", 1)[-1]
    return {parts[0]: parts[1].count("+") + 1 for line in table.splitlines()
            if len(parts := line.split()) == 2 and parts[0] != "NAME"}


def _channels(layout: str) -> int | None:
    """Channel count of a stream line's layout field: "mono", "5.1", "hexadecagonal", "16 channels"…"""
    layout = re.sub(r"\(.*\)$", "", layout.strip()).strip()
    if match := re.fullmatch(r"(\d+) channels", layout):
        return int(match.group(1))
    return _layout_channels().get(layout)


def describe(path: str | os.PathLike) -> dict:
    """What ffmpeg reads in a file, from the input summary `ffmpeg -i` prints (no ffprobe: the SCF layer carries
    ffmpeg only): {"container": "mov,mp4,m4a,3gp,3g2,mj2" ("" when unreadable), "audio": [codec names of the
    audio streams, in order: "aac", "opus", "pcm_s16le"…], "channels": [channel count of each audio stream,
    None when ffmpeg names no layout], "duration": the container's announced length in seconds (None when it
    announces none, or only estimates it from the bitrate, which is unreliable), "video": whether a real video
    stream is there (a cover picture is not)}."""
    completed = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-i", os.fspath(path)], capture_output=True,
                               timeout=60)   # exits 1: no output file is given, the summary is what we want
    text = completed.stderr.decode(errors="replace")
    container = re.search(r"^Input #0, (.+?), from ", text, re.M)
    streams = STREAM_LINE.findall(text)
    duration = DURATION_LINE.search(text)
    estimated = "Estimating duration from bitrate" in text
    return {"container": container.group(1) if container else "",
            "audio": [codec for kind, codec, _ in streams if kind == "Audio"],
            "channels": [_channels(field.group(1)) if (field := CHANNELS_FIELD.search(rest + ",")) else None
                         for kind, _codec, rest in streams if kind == "Audio"],
            "duration": None if duration is None or estimated else
            int(duration.group(1)) * 3600 + int(duration.group(2)) * 60 + float(duration.group(3)),
            "video": any(kind == "Video" and "(attached pic)" not in rest for kind, codec, rest in streams)}


class Probe:
    """One `describe` run of a file, shared by everyone who reads it: decoding (channels, announced length,
    what is there when no audio stream is) and the playback rendition (copy AAC or encode) of one answer.
    Runs ffmpeg at the first `summary()` and never again; a failure (OSError, timeout) is raised to every
    caller, as a run of its own would have."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        self.runs = 0
        self._summary: dict | None = None
        self._error: Exception | None = None

    def summary(self) -> dict:
        if self._summary is None and self._error is None:
            self.runs += 1
            try:
                self._summary = describe(self.path)
            except (OSError, subprocess.SubprocessError) as exc:
                self._error = exc
        if self._error is not None:
            raise self._error
        return self._summary


def wav_shortfall(path: str | os.PathLike) -> float:
    """Seconds a WAV file's header announces beyond the bytes it holds (0.0 when complete, or not a WAV, or
    written by a recorder that leaves the sizes unknown): a WAV cut short decodes without any error, and
    ffmpeg then estimates its duration from the file size, so only the header tells."""
    size = os.path.getsize(path)
    with open(path, "rb") as source:
        head = source.read(65536)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return 0.0
    position, byte_rate = 12, 0
    while position + 8 <= len(head):
        chunk, length = head[position:position + 4], int.from_bytes(head[position + 4:position + 8], "little")
        if chunk == b"fmt " and position + 20 <= len(head):
            byte_rate = int.from_bytes(head[position + 16:position + 20], "little")
        elif chunk == b"data":
            if not byte_rate or length in (0, 0xFFFFFFFF):
                return 0.0
            return max(0, position + 8 + length - size) / byte_rate
        position += 8 + length + (length & 1)
    return 0.0


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
    frames = channel[:usable].reshape(-1, frame).astype(np.float32)   # float32: half of float64's memory
    power = np.einsum("ij,ij->i", frames, frames, dtype=np.float64) / (frame * 32768.0 ** 2)
    return 10 * np.log10(power + 1e-10)


def _speechiness(channel: np.ndarray, sample_rate: int) -> float:
    """How much a channel looks like speech rather than silence or steady noise: the spread in dB between its
    loud frames (95th percentile) and its quiet ones (20th), counted only when the loud frames are audible
    (above -60 dBFS). Speech pauses between words; hiss, hum and digital silence do not."""
    levels = _frame_db(channel, sample_rate)
    loud, quiet = np.percentile(levels, 95), np.percentile(levels, 20)
    return 0.0 if loud < -60 else float(loud - quiet)


def _centred(channel: np.ndarray) -> np.ndarray:
    """A channel as float32 around its mean (for a correlation without np.corrcoef's float64 copies)."""
    centred = channel.astype(np.float32)
    centred -= centred.mean(dtype=np.float64)
    return centred


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
    reference = _centred(channels[:, best])
    mix, used = channels[:, best].astype(np.float32), [str(best)]   # float32 copies, never float64
    for index in range(channels.shape[1]):
        if index == best or scores[index] < 0.5 * scores[best]:
            continue
        other = _centred(channels[:, index])
        norms = float(np.dot(reference, reference)) * float(np.dot(other, other))
        if norms == 0:
            continue
        correlation = float(np.dot(reference, other)) / norms ** 0.5
        if abs(correlation) > 0.6:
            mix += np.float32(np.sign(correlation)) * channels[:, index]
            used.append(("-" if correlation < 0 else "") + str(index))
        del other
    mix /= len(used)
    return np.clip(np.round(mix), -32768, 32767).astype(np.int16), "channels " + "+".join(used)


def _decode_error(exc: ffmpeg.Error, path: str, summary: dict) -> MediaError:
    """The sentence for a file ffmpeg could not decode: no audio stream (a video without its sound track, or
    nothing at all), a file it cannot open (damaged, incomplete, not a recording), or broken audio data.
    `summary`: the file's describe()."""
    errors = (exc.stderr or b"").decode(errors="replace")
    if "matches no streams" in errors:   # -map 0:a:0 found no audio stream: what is there instead?
        if summary["video"]:
            return MediaError("the video has no audio track: the microphone was not recorded")
        return MediaError("the recording contains no audio (it is 0 seconds long)")
    last = _last_error(exc, path, "ffmpeg failed")
    if any(line.startswith(f"{path}: ") for line in errors.splitlines()):   # the input itself could not be opened
        return MediaError("the file could not be read as audio or video; it may be damaged, incomplete or not a "
                          f"recording ({last})")
    return MediaError(f"the audio could not be decoded; the file may be damaged or incomplete ({last})")


def decode_timeout(max_seconds: float) -> float:
    """Seconds the decoding ffmpeg may run: a minute plus a quarter of the longest accepted recording (ffmpeg
    decodes a 10-min answer in a few seconds; one stuck on a damaged file is ended)."""
    return 60.0 + max_seconds / 4


def decoder_errors(stderr: bytes, path: str) -> list[str]:
    """The error lines ffmpeg printed while decoding (run with -loglevel error), without the file's path."""
    text = (stderr or b"").decode(errors="replace").replace(f"{path}: ", "")
    return [re.sub(r"^\[[^\]]* @ 0x[0-9a-f]+\] ", "", line.strip()) for line in text.splitlines() if line.strip()]


def incomplete(errors: list[str], decoded: float, announced: float | None, max_seconds: float) -> str | None:
    """Why a decoded recording looks cut short, or None: the decoder reported damaged or missing data (a
    truncated upload: "partial file", "File ended prematurely", "Invalid data found"), or the container
    announced a length well above what could be decoded (by 2 s and 10 %)."""
    if errors:
        return f"the decoder reported damaged or missing data ({errors[-1]})"
    if announced is not None:
        expected = min(announced, max_seconds)
        if expected - decoded > max(2.0, 0.1 * expected):
            return f"the file announces {announced:.1f} s of audio but only {decoded:.1f} s could be decoded"
    return None


def decode(path: str | os.PathLike, max_seconds: float = 600.0, max_bytes: int | None = None,
           probe: Probe | None = None) -> Audio:
    """Decode a recording; raise MediaError with a sentence a person understands when it is unusable.

    The length is the decoded audio's, never the container's estimate: an ADTS AAC that starts
    with digital silence is estimated from the bitrate of its tiny first frames and looks many times longer
    than it is. Decoding stops one second past max_seconds, so an over-long file costs at most that much.
    Several channels are mixed by choose_channels (the speech wherever it is); a file with more than
    MAX_CHANNELS channels is refused before decoding (memory grows with the channel count). A cheap ffmpeg run
    (describe, through `probe` when the caller shares one with the playback rendition) reads the input
    summary first: channel count and announced duration. The decoding run is ended
    after decode_timeout(max_seconds) with a MediaError. A recording that decodes but looks cut short (the
    decoder's errors, or an announced length well above the decoded one: incomplete()) is returned with
    Audio.incomplete set, so the caller can say so instead of blaming the candidate."""
    path = os.fspath(path)
    size = os.path.getsize(path)
    if size == 0:
        raise MediaError("the uploaded file is empty (0 bytes): nothing was recorded")
    if max_bytes is not None and size > max_bytes:
        raise MediaError(f"the file is {_size(size)}, over the {_size(max_bytes)} limit", code="too_large")
    summary = (probe or Probe(path)).summary()
    channels_in = summary["channels"][0] if summary["channels"] else None
    if channels_in is not None and channels_in > MAX_CHANNELS:   # refused before decoding: memory grows per channel
        raise MediaError(f"the recording has {channels_in} audio channels, more than the {MAX_CHANNELS} a voice "
                         "recording can have; record again with a phone or computer microphone")
    # the first audio stream as 16-bit PCM WAV, channels as recorded: the header says how many
    args = (ffmpeg.input(path)
            .output("pipe:", format="wav", acodec="pcm_s16le", ar=SAMPLE_RATE, t=max_seconds + 1, map="0:a:0")
            .global_args("-nostdin", "-hide_banner", "-loglevel", "error")
            .compile())
    timeout = decode_timeout(max_seconds)
    try:
        completed = subprocess.run(args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise MediaError(f"decoding the recording took longer than {timeout:.0f} s; the file may be damaged or "
                         "not a recording") from None
    if completed.returncode:
        raise _decode_error(ffmpeg.Error("ffmpeg", completed.stdout, completed.stderr), path, summary) from None
    try:
        channels, _rate, pcm = read_wav(completed.stdout)
    except ValueError as exc:
        raise MediaError(f"the audio could not be decoded; the file may be damaged or incomplete ({exc})") from None
    frame_bytes = 2 * channels
    interleaved = np.frombuffer(pcm[: len(pcm) // frame_bytes * frame_bytes], dtype=np.int16)
    samples, _chosen = choose_channels(interleaved.reshape(-1, channels)[:, :MAX_CHANNELS])
    stderr = completed.stderr
    del interleaved, pcm, completed
    audio = Audio(samples=samples)
    if audio.duration > max_seconds:
        raise MediaError(f"the recording is longer than the {_minutes(max_seconds)} limit", code="too_long")
    announced = summary["duration"]
    shortfall = wav_shortfall(path)
    if shortfall:
        announced = audio.duration + shortfall
    audio.announced_seconds = announced
    audio.incomplete = incomplete(decoder_errors(stderr, path), audio.duration, announced, max_seconds)
    if audio.duration < 0.1:
        if audio.incomplete:
            raise MediaError(f"the recording is cut short and no audio is left in it ({audio.incomplete})",
                             code="incomplete_recording")
        raise MediaError("the recording contains no audio (it is 0 seconds long)")
    return audio
