"""Does the answer fit the question it was asked, or another one? Relevance read against other questions
(Chinese, story and situational questions).

A vivid story told for another job (a hair-wash story on 请讲一次你在业主家里刷漆时怎么做成品保护的) is concrete,
first-person and has its result, so every feature of its own rates it high (a moved strong story scored 98.7
there, session 27). Its words are read against this question's words and against the words of many reference
questions of other small-business roles (models/scorer/reference-questions-zh.json, built by
models/scorer/question_fit.py from the labelled sets' questions):

    coverage(q)  mean, over q's words (its text's content words, its competencies' names and HR's keywords), of
                 the highest cosine with a word the answer says (meaning.py word vectors, 64 dims)
    fit          coverage(this question) − the PERCENTILE-th percentile of coverage(reference questions)

A story for this question covers it better than it covers most other questions (fit > 0); a story for another
job covers this question no better than the many other questions it does not answer either (fit < 0). The
measure is relative, so a question worded in generic words (经历, 顾客, 处理) does not lower every answer to it.
Reference questions whose text is this question's own are left out.

    fit(words, question)   the fit (float, about −0.2..0.3) or None: not Chinese, no word vectors or reference
                           file, fewer than MIN_WORDS known answer words, or a question with no known word
    genericity(question)   how far other questions' words already cover this question's (about 0.44..0.77): a
                           question as generic as 讲一次你帮助顾客解决问题的经历 is answered by any customer story,
                           so a story covering others better does not tell it was meant for another
    leave_out(folders)     evaluation only: reference questions of these folders (a set under evaluation) are
                           left out until the context ends (models/scorer/question_fit.py, bench.scoring)

The bound it sets (answer.bound, model.QUESTION_FIT_*) and its measured effect are in docs/scoring.md
(session 27) and in the reference file's "out_of_fold" figures.
"""
from __future__ import annotations

import contextlib
import functools
import json
from pathlib import Path

import numpy as np

from . import meaning

PATH = Path(__file__).resolve().parents[3] / "models" / "scorer" / "reference-questions-zh.json"
# known answer words below which the coverage is too noisy to read: a short honest answer (阿姨嫌烫得太卷，我先道歉，
# 再用软化膏把发尾拉直一点…: 12 words) misses most of HR's keywords by having few words, not by fitting another
# question (breaker 28: capped at 45). From 5 to 15, on sets a–y (bench.question_fit): moved stories capped 107 → 105,
# honest answers capped 3 → 3, answers not read 2 → 99
MIN_WORDS = 15
_left_out: frozenset = frozenset()


@functools.lru_cache(maxsize=1)
def _references():
    """The reference questions as one stacked matrix of their word vectors, read whole per answer: (folders,
    texts, stacked unit rows, first row of each question, percentile) or None when absent."""
    if not PATH.is_file() or not meaning.available():
        return None
    doc = json.loads(PATH.read_text(encoding="utf-8"))
    folders, texts, mats = [], [], []
    for q in doc["questions"]:
        m = _matrix(q["words"])
        if m is not None:
            folders.append(q.get("folder", ""))
            texts.append(q["text"])
            mats.append(m)
    if not mats:
        return None
    starts = np.cumsum([0] + [len(m) for m in mats[:-1]])
    return folders, texts, np.concatenate(mats), starts, float(doc["percentile"])


def _matrix(words) -> np.ndarray | None:
    vecs = [v for v in (meaning.word_vector(w) for w in dict.fromkeys(words)) if v is not None]
    return np.stack(vecs).astype(np.float32) if vecs else None


def question_words(question: dict) -> list[str]:
    """The words a question is read by: its text's content words, its competencies' names and HR's keywords
    (features._meaning_words: no function, generic or number words)."""
    from .features import _meaning_words, segment_words

    texts = [question.get("text") or ""] + [t for c in question.get("competencies") or []
                                            for t in [c.get("name") or ""] + list(c.get("keywords") or [])]
    return [w for t in texts if t for w in _meaning_words(segment_words([{"word": t}], "zh").words, "zh")]


@functools.lru_cache(maxsize=256)
def _own(text: str, comps: str) -> np.ndarray | None:
    return _matrix(question_words({"text": text, "competencies": json.loads(comps)}))


def coverage(answer: np.ndarray, question: np.ndarray) -> float:
    """Mean over the question's word vectors of the highest cosine with an answer word vector (unit rows)."""
    return float((answer @ question.T).max(axis=0).mean())


def fit(words: list[str], question: dict) -> float | None:
    """coverage(this question) − the PERCENTILE-th percentile of coverage(reference questions); see above."""
    refs = _references()
    if refs is None:
        return None
    folders, texts, stacked, starts, percentile = refs
    answer = _matrix(words)
    if answer is None or len(answer) < MIN_WORDS:
        return None
    text = question.get("text") or ""
    comps = json.dumps([{"name": c.get("name"), "keywords": c.get("keywords") or []}
                        for c in question.get("competencies") or []], ensure_ascii=False)
    own = _own(text, comps)
    if own is None:
        return None
    # every reference word's best cosine with the answer, then its question's mean (one product for all)
    best = (answer @ stacked.T).max(axis=0)
    means = np.add.reduceat(best, starts) / np.diff(np.append(starts, len(best)))
    others = [m for m, f, t in zip(means, folders, texts) if t != text and f not in _left_out]
    if not others:
        return None
    return round(coverage(answer, own) - float(np.percentile(others, percentile)), 4)


def genericity(question: dict) -> float | None:
    """How far other questions' words already cover this question's words: the PERCENTILE-th percentile, over the
    reference questions (not this one's text, not those left out), of coverage(their words → this question's words).
    About 0.44 (假如一位家长带着刚开始学琴的孩子来店里想买钢琴…) to 0.75 (请讲一次你在门店遇到顾客不满意或者投诉的经历) on
    the references; 0.77 for 讲一次你帮助顾客解决问题的经历. None when fit would be None for want of vectors or words."""
    refs = _references()
    if refs is None:
        return None
    text = question.get("text") or ""
    comps = json.dumps([{"name": c.get("name"), "keywords": c.get("keywords") or []}
                        for c in question.get("competencies") or []], ensure_ascii=False)
    return _genericity(text, comps, _left_out)


@functools.lru_cache(maxsize=256)
def _genericity(text: str, comps: str, left_out: frozenset) -> float | None:
    folders, texts, stacked, starts, percentile = _references()
    own = _own(text, comps)
    if own is None:
        return None
    best = stacked @ own.T          # each reference word's cosine with each of this question's words
    ends = np.append(starts[1:], len(stacked))
    covs = [float(best[s:e].max(axis=0).mean()) for s, e, f, t in zip(starts, ends, folders, texts)
            if t != text and f not in left_out]
    return round(float(np.percentile(covs, percentile)), 4) if covs else None


@contextlib.contextmanager
def leave_out(folders):
    """Evaluation only: leave the reference questions of `folders` (names as in the reference file, e.g.
    "unseen-roles-c") out while the context lasts, so a set is measured as if unseen."""
    global _left_out
    before, _left_out = _left_out, frozenset(folders)
    try:
        yield
    finally:
        _left_out = before


def warm_up() -> None:
    _references()
