"""Bytes per minute of a mini-program answer: what is uploaded (16 kHz mono 16-bit WAV) and the AAC/M4A
playback rendition HR and the mini-program player download (functions/analyze/playback.py), plus what
RecorderManager's own compressed formats would upload (made with ffmpeg at the same settings, for comparison).

    .venv/bin/python -m bench.playback_sizes
"""
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from functions.analyze.playback import to_m4a

TEXT = ("ni hao wo jiao zhang san wo zai men dian zuo guo liang nian dian yuan chang chang bang gu ke jie jue "
        "wen ti wo xi huan he ren da jiao dao")


def run(*args):
    subprocess.run(args, check=True, capture_output=True)


def main():
    folder = Path(tempfile.mkdtemp(prefix="miaomian-bench-"))
    try:
        run("espeak-ng", "-v", "cmn-latn-pinyin", "-s", "150", "-w", str(folder / "tts.wav"), TEXT)
        take = folder / "take.wav"  # one minute of Mandarin speech as the mini-program uploads it
        run("ffmpeg", "-loglevel", "error", "-y", "-stream_loop", "30", "-i", str(folder / "tts.wav"), "-t", "60",
            "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", str(take))
        started = time.perf_counter()
        rendition = to_m4a(take)
        seconds = time.perf_counter() - started
        rows = [("uploaded today: WAV 16 kHz mono PCM", take.stat().st_size),
                ("playback rendition: AAC-LC 64 kb/s M4A", rendition.stat().st_size)]
        rendition.unlink()
        for label, args, suffix in [
                ("RecorderManager aac 16 kHz 48 kb/s (no frames)", ["-c:a", "aac", "-b:a", "48k"], "m4a"),
                ("RecorderManager mp3 16 kHz 48 kb/s", ["-c:a", "libmp3lame", "-b:a", "48k"], "mp3"),
                ("RecorderManager mp3 16 kHz 32 kb/s", ["-c:a", "libmp3lame", "-b:a", "32k"], "mp3")]:
            out = folder / f"x-{len(rows)}.{suffix}"
            run("ffmpeg", "-loglevel", "error", "-y", "-i", str(take), *args, str(out))
            rows.append((label, out.stat().st_size))
        for label, size in rows:
            print(f"{label:<50} {size / 1e6:6.2f} MB/min  ({size:,} bytes)")
        print(f"rendition made in {seconds:.2f} s for 60 s of audio")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
