"""Caches that make a new analyzer instance start fast, built once at package time.

    build(directory)   write the caches (deploy/package.py does this into the analyzer package)
    configure()        point the libraries at the caches, if present; call before jieba initialises

jieba builds its prefix dictionary from dict.txt (~1.2 s) and caches it with marshal under the temp dir
(`jieba.cache`). An SCF instance starts with an empty /tmp and a read-only code directory, so without a
packaged cache every cold start pays the build. jieba's documented way for restricted file systems is the
tokenizer's `cache_file` attribute (jieba README, 延迟加载机制/更改 tmp_dir 和 cache_file): we set it to the
packaged file. The default dictionary's cache is used without an mtime check, so a copied package is fine;
a cache that fails to load (another marshal version) makes jieba rebuild, as it would without one.

Directory: MIAOMIAN_STARTUP_CACHE, else models/cache/startup under the code root (in the package:
<package>/models/cache/startup). Without a cache jieba keeps its default (the temp dir).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..settings import REPO_ROOT

JIEBA_CACHE = "jieba.cache"


def cache_dir() -> Path:
    return Path(os.environ.get("MIAOMIAN_STARTUP_CACHE") or REPO_ROOT / "models" / "cache" / "startup")


def configure() -> dict:
    """Use the packaged caches that exist; returns {"jieba": path or None}. Never raises."""
    import jieba

    path = cache_dir() / JIEBA_CACHE
    used = None
    if not jieba.dt.initialized and path.is_file() and os.access(path, os.R_OK):
        jieba.dt.cache_file = str(path)  # absolute: jieba's os.path.join(tmp_dir, cache_file) keeps it
        used = str(path)
    return {"jieba": used}


def build(directory: Path) -> list[Path]:
    """Write the caches into `directory` (created); returns the files written. Raises OSError."""
    import jieba

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / JIEBA_CACHE
    if target.exists():
        target.unlink()
    tokenizer = jieba.Tokenizer()  # the default dictionary, as jieba.dt
    tokenizer.cache_file = str(target)
    tokenizer.initialize()
    if not target.is_file():
        raise OSError(f"jieba did not write its cache to {target}")
    target.chmod(0o644)  # jieba writes it 0600 (mkstemp); the function may run as another user
    return [target]
