"""An AAC/M4A rendition of browser recordings, so every player can play them (iPhone's Safari and the
mini-program's audio player do not play WebM/Opus or Ogg).

A recording uploaded as `answers/<session>/<question>/<attempt>-<rand>.webm` gets
`playback/answers/<session>/<question>/<attempt>-<rand>.m4a` (44.1 kHz mono AAC-LC, 64 kb/s,
`+faststart` so playback starts before the whole file arrives). The original is kept; the API learns the
rendition's key from the analysis result (`playback_key`) and erases both with the session.
"""
from __future__ import annotations

import logging
import os
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger("miaomian.analyze.playback")

NEEDS_RENDITION = (".webm", ".ogg", ".opus", ".weba")
PREFIX = "playback/"


def needs_rendition(key: str) -> bool:
    return Path(key).suffix.lower() in NEEDS_RENDITION


def rendition_key(key: str) -> str:
    """answers/s/1/1-x.webm → playback/answers/s/1/1-x.m4a"""
    return PREFIX + str(Path(key).with_suffix(".m4a"))


def to_m4a(source: Path) -> Path:
    """Transcode to a temporary .m4a (AAC-LC, mono, 64 kb/s); the caller removes it. Raises
    subprocess.CalledProcessError when ffmpeg cannot read the source."""
    fd, target = tempfile.mkstemp(prefix="miaomian-playback-", suffix=".m4a")
    os.close(fd)
    try:
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(source), "-vn", "-ac", "1",
                        "-ar", "44100", "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart", target],
                       check=True, capture_output=True, timeout=120)
    except Exception:
        os.unlink(target)
        raise
    return Path(target)


def make_rendition(key: str, source: Path, store, bucket: str | None = None, region: str | None = None) -> str | None:
    """Write the rendition of `key` to the store; its key, or None when the source needs none or it failed
    (a missing rendition never fails the analysis: HR still has the original)."""
    if not needs_rendition(key):
        return None
    try:
        target = to_m4a(source)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        log.warning("no playback rendition for %s: %s", key, exc)
        return None
    try:
        store.put(rendition_key(key), target, "audio/mp4", bucket=bucket, region=region)
    except Exception as exc:  # noqa: BLE001 — storage trouble: the original still plays where WebM does
        log.warning("could not store the playback rendition of %s: %s", key, exc)
        return None
    finally:
        os.unlink(target)
    return rendition_key(key)
