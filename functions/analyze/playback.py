"""An AAC/M4A playback rendition of every recording, so every player can play it and none has to fetch a
large file: iPhone's Safari and the mini-program's audio player do not play WebM/Opus or Ogg, and a WAV
(16 kHz PCM, 1.92 MB a minute) is heavy; the mini-program's own takes are MP3 (16 kHz mono 48 kb/s, about
0.36 MB a minute).

A recording uploaded as `answers/<session>/<question>/<attempt>-<rand>.<ext>` (any format the API accepts:
WAV, WebM/Opus, Ogg, MP3, AAC/M4A, MP4/MOV video) gets
`playback/answers/<session>/<question>/<attempt>-<rand>.m4a`: mono AAC-LC in an MP4 container with
`+faststart` (playback starts before the whole file arrives). Sound that is already AAC is copied, not
re-encoded (no generation loss); anything else is encoded at 44.1 kHz, 64 kb/s (about 0.5 MB a minute).
The original is kept for the analysis and for HR; the API learns the rendition's key from the analysis
result (`playback_key`, api/results.py) and erases both with the session (api/erasure.py: the whole
`playback/answers/<session>/` prefix). The same function runs in the local analyzer and in SCF
(functions/analyze/index.py).
"""
from __future__ import annotations

import logging
import os
import subprocess
import tempfile
from pathlib import Path

from .decode import Probe
from .renditions import PREFIX, rendition_key  # noqa: F401 — the names live apart from ffmpeg (API imports them)

log = logging.getLogger("miaomian.analyze.playback")

ENCODE = ["-ac", "1", "-ar", "44100", "-c:a", "aac", "-b:a", "64k"]
COPY = ["-c:a", "copy"]


def audio_codec(source: Path, probe: Probe | None = None) -> str | None:
    """The codec name of the first audio stream ("aac", "opus", "pcm_s16le", "mp3"…, as ffmpeg names it), or
    None when the file has no readable audio stream (decode.describe: ffmpeg only, no ffprobe). `probe`: the
    answer's one describe run, shared with the decoding (decode.Probe); a new one when not given."""
    try:
        codecs = (probe or Probe(source)).summary()["audio"]
    except (OSError, subprocess.SubprocessError):
        return None
    return codecs[0] if codecs else None


def _ffmpeg(source: Path, target: str, codec_args: list[str]) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(source), "-vn", "-map", "0:a:0",
                    *codec_args, "-movflags", "+faststart", "-f", "mp4", target],
                   check=True, capture_output=True, timeout=120)


def to_m4a(source: Path, probe: Probe | None = None) -> Path:
    """Write a temporary .m4a of the first audio stream (AAC copied when it already is AAC, else encoded as
    mono AAC-LC 64 kb/s); the caller removes it. Raises subprocess.CalledProcessError when ffmpeg cannot
    read the source (or it has no audio), subprocess.TimeoutExpired after 120 s."""
    fd, target = tempfile.mkstemp(prefix="miaomian-playback-", suffix=".m4a")
    os.close(fd)
    try:
        if audio_codec(source, probe) == "aac":
            try:
                _ffmpeg(source, target, COPY)
                return Path(target)
            except subprocess.CalledProcessError as exc:  # an odd AAC stream the MP4 muxer refuses: encode
                log.info("copying the AAC of %s failed (%s); encoding instead", source, exc.stderr)
        _ffmpeg(source, target, ENCODE)
    except Exception:
        os.unlink(target)
        raise
    return Path(target)


def make_rendition(key: str, source: Path, store, bucket: str | None = None, region: str | None = None) -> str | None:
    """Write the rendition of `key` to the store; its key, or None when it failed (see rendition)."""
    return rendition(key, source, store, bucket, region)[0]


def rendition(key: str, source: Path, store, bucket: str | None = None, region: str | None = None,
              probe: Probe | None = None) -> tuple[str | None, dict | None]:
    """Write the rendition of `key` to the store: (its key, None), or (None, {"reason": "encode_failed" |
    "store_failed", "detail": what went wrong}) when it could not be made or stored. A missing rendition never
    fails the analysis (HR still has the original, and the report falls back to it), but the analysis result
    says so (functions/analyze/index.py puts it in `playback_missing`), not only a log line."""
    try:
        target = to_m4a(source, probe)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        stderr = getattr(exc, "stderr", None)
        detail = stderr.decode("utf-8", "replace").strip() if isinstance(stderr, bytes) else ""
        log.warning("no playback rendition for %s: %s %s", key, exc, detail)
        return None, {"reason": "encode_failed", "detail": (detail or str(exc))[-300:]}
    try:
        store.put(rendition_key(key), target, "audio/mp4", bucket=bucket, region=region)
    except Exception as exc:  # noqa: BLE001 — storage trouble: the original still plays where its format does
        log.warning("could not store the playback rendition of %s: %s", key, exc)
        return None, {"reason": "store_failed", "detail": str(exc)[-300:]}
    finally:
        os.unlink(target)
    return rendition_key(key), None
