"""The analyzer's startup cache (functions/analyze/scoring/startup.py): a new instance with an empty temp dir
and a read-only code folder loads jieba's dictionary from the packaged cache instead of rebuilding it, and
segments exactly as without it."""
import json
import os
import subprocess
import sys
from pathlib import Path

from functions.analyze.scoring import startup

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, os, sys
from functions.analyze.scoring import answer, text
answer.warm_up()
import jieba
print(json.dumps({"cache_file": jieba.dt.cache_file,
                  "tokens": [(t.text, t.pos) for t in text.segment("去年双十一我们四个人用扫描枪打包了三百箱货", "zh").tokens],
                  "tmp": sorted(os.listdir(os.environ["TMPDIR"]))}))
"""


def _fresh_instance(tmp: Path, cache: Path | None) -> dict:
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(ROOT)}
    env.pop("MIAOMIAN_STARTUP_CACHE", None)
    env["MIAOMIAN_STARTUP_CACHE"] = str(cache) if cache else str(tmp / "no-cache-here")
    run = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_a_new_instance_loads_the_packaged_jieba_cache_and_segments_the_same(tmp_path):
    cache = tmp_path / "package" / "models" / "cache" / "startup"
    written = startup.build(cache)
    assert written == [cache / startup.JIEBA_CACHE] and written[0].stat().st_size > 1_000_000
    assert written[0].stat().st_mode & 0o444 == 0o444
    cache.chmod(0o555)  # the code folder is read-only on SCF
    try:
        packaged = _fresh_instance(tmp_path / "tmp-packaged", cache)
        rebuilt = _fresh_instance(tmp_path / "tmp-rebuilt", None)
    finally:
        cache.chmod(0o755)
    assert packaged["cache_file"] == str(cache / startup.JIEBA_CACHE)
    assert not [name for name in packaged["tmp"] if "jieba" in name or name.startswith("tmp")]  # nothing rebuilt
    assert rebuilt["cache_file"] is None and "jieba.cache" in rebuilt["tmp"]  # jieba's default: build, cache in tmp
    assert packaged["tokens"] == rebuilt["tokens"] and "双十一" in [t for t, _ in packaged["tokens"]]
