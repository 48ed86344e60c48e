"""Learnt detectors of two things a Chinese answer can be instead of an answer to the question, each a
logistic regression on the character 1–3-grams of the normalised text (wording.text_key), fitted by
models/scorer/detectors.py on the labelled sets and stored like the wording model (numpy only,
allow_pickle=False), listed under "lexicons" in models/manifest.json:

  off_topic   talk about something other than work — private life, a hobby, an opinion about the world
              (我女儿今年上初二了…, 我平时下班喜欢去打羽毛球…); models/scorer/offtopic-zh.npz
  reluctant   unwillingness, indifference or blame put on others, told as the candidate's own attitude
              (反正也不是每回都出事, 那肯定不是我的问题, 先干几个月看看, 我没那个工夫陪她磨) — anchor 1 of the
              rating scale, "shows the opposite of the competency"; models/scorer/reluctant-zh.npz

    available(name)                    the artefact is installed
    probability(name, text, language)  0..1, or None for another language than Chinese or without the artefact
    signs(name, text, language, n)     the n-grams that most raise the probability (for review)

answer.bound caps an answer at or above the detector's threshold (model.OFF_TOPIC_P, model.RELUCTANT_P).
Neither detects a work story told for another question: that one talks about work, willingly
(docs/scoring.md, "What it cannot do"). MIAOMIAN_DETECTORS=off disables both.
"""
from __future__ import annotations

import functools
import math
import os
from pathlib import Path

from . import wording

SCORER_DIR = Path(__file__).resolve().parents[3] / "models" / "scorer"
FILES = {"off_topic": "offtopic-zh.npz", "reluctant": "reluctant-zh.npz"}


@functools.lru_cache(maxsize=len(FILES))
def _load(name: str):
    path = SCORER_DIR / FILES[name]
    if os.environ.get("MIAOMIAN_DETECTORS", "").lower() in ("off", "0", "false") or not path.is_file():
        return None
    return wording.read(path)


def available(name: str) -> bool:
    return _load(name) is not None


def warm_up() -> None:
    for name in FILES:
        _load(name)


def probability(name: str, text: str | None, language: str) -> float | None:
    """Probability 0..1 of the detector `name` (FILES); None for en/ko or when its artefact is absent."""
    model = _load(name)
    if model is None or language != "zh":
        return None
    z = wording.linear(wording.text_key(text, language), model)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def signs(name: str, text: str | None, language: str, n: int = 5) -> list[str]:
    """The n-grams of the text that raise the detector's probability most, for review."""
    model = _load(name)
    if model is None or language != "zh":
        return []
    cols, vals = wording._vector(wording.text_key(text, language), model)
    ranked = sorted(((float(v * model[2][j]), model[4][j]) for j, v in zip(cols, vals)), reverse=True)
    return [g for c, g in ranked[:n] if c > 0]
