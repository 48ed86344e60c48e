"""Where a recording's playback rendition lives: pure names, no media libraries, so the API web function
(which carries no ffmpeg-python) can derive and erase them (api/results.py, api/erasure.py, api/sweeper.py).
The rendition itself is made by functions/analyze/playback.py."""
from pathlib import PurePosixPath

PREFIX = "playback/"


def rendition_key(key: str) -> str:
    """answers/s/1/1-x.webm → playback/answers/s/1/1-x.m4a (also for .wav, .mp3, .m4a …)"""
    return PREFIX + str(PurePosixPath(key).with_suffix(".m4a"))
