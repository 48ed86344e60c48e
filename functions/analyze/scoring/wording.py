"""How the answer is worded: a ridge regression on the character 1–3-grams (TF-IDF) of the answer text, one
model for every language (models/scorer/wording-<version>.npz, written by models/scorer/train.py).

    text_key(text, language)    the text the model reads: text.normalise (NFKC, case fold, traditional →
                                simplified, Cantonese → Mandarin words) with every punctuation mark, symbol and
                                space removed and every number one symbol (NUMBER) — a typed answer and
                                the recogniser's unpunctuated, space-separated transcript of it read the
                                same, and so do 80 and 八十
    available()                 the artefact is installed
    rate(text, language)        rating 1–5 from the wording alone (None when the artefact is absent)
    contributions(text, lang)   (n-gram, signed contribution to the rating) sorted by size, for explanations
    calibration(language)       the knots [(rating, reference rating), …] that put the language's rating on the
                                reference language's scale, or None (the manifest's wording record, "calibration")

One model reads every language, but it learnt from far fewer English and Korean answers than Chinese ones, so
its ridge shrinks their ratings towards its intercept: out of fold (a question never seen), its English ratings
spread a third as wide as its Chinese ones (sd 0.33 against 0.84 on the training sets) although they follow the
raters as closely (correlation 0.79 against 0.81), and an English or Korean strong story was rated like a
Chinese good one. `calibration` maps a language's rating to the rating the reference language (Chinese, the
one the scorer's own wording coefficient was learnt on) gives answers the raters rated alike — fitted out of fold
on the training rows (models/scorer/wording_calibration.py: mean ratings per group of rater ratings matched,
linear between them, slope 1 beyond), identity for the reference and for a language with too few rows. It is a
change of scale, not a bonus: answers rated low stay where Chinese answers rated low are, strong ones go up.

The feature `wording` (features.py) is this rating; the shipped default-8 reads it as one column of a signed
ridge held within one anchor step of the ridge on the explainable features alone (models/scorer/train.py
_BoundedWording), and the gates, caps and counter-evidence still bound the score.
numpy only at run time: vocabulary, idf, sublinear tf, l2 norm, weights and intercept as in scikit-learn's
TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True) + Ridge. Loaded with
allow_pickle=False. MIAOMIAN_WORDING=off disables it (rate() then answers None).
"""
from __future__ import annotations

import functools
import os
import re
import unicodedata
from pathlib import Path

import numpy as np

from . import model
from .text import normalise

NGRAMS = (1, 3)
NEUTRAL = 3.0   # the feature's value when no wording model is installed (the middle of the scale)


# a number, however it is written (80, ８０, 八十, 两点, 4点50, 四点五十): one symbol, so that how the recogniser
# or the candidate writes a number never moves the wording rating (breaker round 12: 上周三下午两点接了八十单 scored
# 10 points above 下午2点接了80单). A Chinese numeral run counts when it is two characters or more, or one
# followed by a counter (一个, 三堆, 两点); 一起, 一般, 一直 stay words.
_DIGITS = re.compile(r"\d+")
_HAN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万亿半几]{2,}|[零〇一二两三四五六七八九十百千万亿几]"
                         r"(?=[点个只件箱单堆位名次天年月号分秒块元斤公里米层楼辆份张桌杯盒袋包趟遍回批人岁周排])")
NUMBER = "0"


def text_key(text: str | None, language: str) -> str:
    """The normalised text the n-grams are read from: letters and digits only, every number as NUMBER (after
    the spaces go: the recogniser's 三 百 箱 and the typed 三百箱 read the same)."""
    key = "".join(c for c in normalise(text or "", language) if unicodedata.category(c)[0] in "LN")
    key = _DIGITS.sub(NUMBER, key)
    return _HAN_NUMBER.sub(NUMBER, key) if language == "zh" else key


def ngrams(key: str) -> list[str]:
    lo, hi = NGRAMS
    return [key[i:i + n] for n in range(lo, hi + 1) for i in range(len(key) - n + 1)]


def _record() -> dict | None:
    """The newest scorer entry's "wording" record (model.entries, the manifest)."""
    try:
        listed = sorted((e for e in model.entries() if e.get("wording")), key=lambda e: e["version"])
    except (OSError, ValueError):
        return None
    return listed[-1]["wording"] if listed else None


def artefact_path() -> Path | None:
    """The wording model the newest scorer entry lists (its "wording" record; model.entries, the manifest)."""
    record = _record()
    return None if record is None else model.MODELS_ROOT / record["file"]


def _calibrations(path: Path) -> dict:
    """{language: ((rating, reference rating), …)} for the wording model at `path`: its manifest record's
    "calibration", only when `path` is the model the record lists (a model put in its place, as a test does,
    has none)."""
    record = _record()
    if record is None or path != model.MODELS_ROOT / record["file"]:
        return {}
    return {language: tuple((float(x), float(t)) for x, t in fit["knots"])
            for language, fit in (record.get("calibration") or {}).get("languages", {}).items()
            if len(fit.get("knots") or ()) >= 2}


def calibration(language: str) -> tuple | None:
    """The knots ((rating, reference rating), …) mapping the language's rating onto the reference language's
    scale, or None (identity)."""
    loaded = _load()
    return None if loaded is None else loaded[5].get(language)


def calibrate(rating: float, knots) -> float:
    """`rating` through the knots: linear between them, the raw difference kept beyond the outer ones."""
    if rating <= knots[0][0]:
        return knots[0][1] + rating - knots[0][0]
    if rating >= knots[-1][0]:
        return knots[-1][1] + rating - knots[-1][0]
    for (x0, t0), (x1, t1) in zip(knots, knots[1:]):
        if rating <= x1:
            return t0 + (t1 - t0) * (rating - x0) / (x1 - x0)
    return rating


@functools.lru_cache(maxsize=1)
def _load():
    """(n-gram → column, idf per column, weight per column, intercept, n-grams, {language: calibration}) or
    None."""
    if os.environ.get("MIAOMIAN_WORDING", "").lower() in ("off", "0", "false"):
        return None
    path = artefact_path()
    if path is None or not path.is_file():
        return None
    return (*read(path), _calibrations(path))


def read(path: Path) -> tuple:
    """(n-gram → column, idf per column, weight per column, intercept, n-grams) of an artefact written by
    `save` (the wording model, and detectors.py's), read with allow_pickle=False."""
    with np.load(path, allow_pickle=False) as data:
        vocab = bytes(data["vocabulary"]).decode("utf-8").split("\n")
        idf = data["idf"].astype(np.float64)
        coef = data["coef"].astype(np.float64)
        intercept = float(data["intercept"])
    return {g: i for i, g in enumerate(vocab)}, idf, coef, intercept, vocab


def linear(key: str, model: tuple) -> float:
    """The artefact's linear score (intercept + weights · TF-IDF) of a text_key."""
    cols, vals = _vector(key, model)
    return model[3] + (float(vals @ model[2][cols]) if cols else 0.0)


def available() -> bool:
    return _load() is not None


def _vector(key: str, model) -> tuple[list[int], np.ndarray]:
    """Columns present in the text and their l2-normalised sublinear TF-IDF values."""
    index, idf = model[0], model[1]
    counts: dict[int, int] = {}
    for g in ngrams(key):
        j = index.get(g)
        if j is not None:
            counts[j] = counts.get(j, 0) + 1
    cols = list(counts)
    if not cols:
        return [], np.zeros(0)
    vals = (1.0 + np.log(np.array([counts[j] for j in cols], dtype=np.float64))) * idf[cols]
    vals /= np.linalg.norm(vals) or 1.0
    return cols, vals


def rate(text: str | None, language: str) -> float | None:
    """Rating 1–5 from the wording alone (clipped), on the reference language's scale (`calibration`); None
    when no wording model is installed."""
    model = _load()
    if model is None:
        return None
    rating = min(5.0, max(1.0, linear(text_key(text, language), model)))
    knots = model[5].get(language)
    if knots is not None:
        rating = min(5.0, max(1.0, calibrate(rating, knots)))
    return float(rating)


def contributions(text: str | None, language: str) -> list[tuple[str, float]]:
    """(n-gram, contribution to the rating) for every known n-gram of the text, largest |contribution| first."""
    model = _load()
    if model is None:
        return []
    cols, vals = _vector(text_key(text, language), model)
    if not cols:
        return []
    out = [(model[4][j], float(v * model[2][j])) for j, v in zip(cols, vals)]
    out.sort(key=lambda t: abs(t[1]), reverse=True)
    return out


def save(path: Path, vocabulary: list[str], idf: np.ndarray, coef: np.ndarray, intercept: float) -> None:
    """Write the artefact (models/scorer/train.py): no pickled objects, float32 weights."""
    assert all("\n" not in g for g in vocabulary)
    np.savez_compressed(path, vocabulary=np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
                        idf=idf.astype(np.float32), coef=coef.astype(np.float32),
                        intercept=np.array(intercept, dtype=np.float64))
