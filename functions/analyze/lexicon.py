"""Per-language word lists (models/lexicons/<lang>.json): fillers, STAR cues, synonyms, stopwords.

Extend them by editing the JSON files; MIAOMIAN_LEXICON_DIR points at another folder of the same shape.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "models" / "lexicons"


@functools.lru_cache(maxsize=None)
def load(language: str) -> dict:
    folder = Path(os.environ.get("MIAOMIAN_LEXICON_DIR") or DEFAULT_DIR)
    data = json.loads((folder / f"{language}.json").read_text(encoding="utf-8"))
    data.setdefault("fillers", [])
    data.setdefault("star", {})
    data.setdefault("synonyms", {})
    data.setdefault("stopwords", [])
    data.setdefault("particles", [])
    return data


def variants(language: str, keyword: str) -> list[str]:
    """The keyword and every synonym grouped with it, longest first."""
    found = {keyword}
    for head, group in load(language)["synonyms"].items():
        if keyword == head or keyword in group:
            found.add(head)
            found.update(group)
    return sorted(found, key=len, reverse=True)
