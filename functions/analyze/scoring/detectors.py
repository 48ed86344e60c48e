"""Learnt detectors of two things an answer can be instead of an answer to the question, each a logistic
regression on the character 1–3-grams of the normalised text (`key`), fitted by models/scorer/detectors.py on
the labelled sets and the detector corpus (models/scorer/detector-data) and stored like the wording model
(numpy only, allow_pickle=False), listed under "lexicons" in models/manifest.json:

  off_topic   talk about something other than work — private life, a hobby, an opinion about the world
              (我女儿今年上初二了…, 说到排班我就想起我们家…, I love building PCs in my free time…);
              Chinese, English and Korean: models/scorer/offtopic-{zh,en,ko}.npz
  reluctant   unwillingness, indifference or blame put on others, told as the candidate's own attitude
              (反正也不是每回都出事, 那肯定不是我的问题, 先干几个月看看, 我没那个工夫陪她磨) — anchor 1 of the
              rating scale, "shows the opposite of the competency"; Chinese only: models/scorer/reluctant-zh.npz

    available(name, language)          the artefact is installed
    probability(name, text, language)  0..1, or None for a language the detector has no artefact for
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
# detector → language → artefact; a language without an artefact is not judged by that detector
FILES = {"off_topic": {"zh": "offtopic-zh.npz", "en": "offtopic-en.npz", "ko": "offtopic-ko.npz"},
         "reluctant": {"zh": "reluctant-zh.npz"},
         "nonsense": {"zh": "nonsense-zh.npz", "en": "nonsense-en.npz", "ko": "nonsense-ko.npz"}}


@functools.lru_cache(maxsize=8)
def _load(name: str, language: str):
    file = FILES[name].get(language)
    path = SCORER_DIR / file if file else None
    if os.environ.get("MIAOMIAN_DETECTORS", "").lower() in ("off", "0", "false") or path is None \
            or not path.is_file():
        return None
    return wording.read(path)


def available(name: str, language: str = "zh") -> bool:
    return _load(name, language) is not None


def warm_up() -> None:
    for name, files in FILES.items():
        for language in files:
            _load(name, language)


# What each detector reads. Off-topic: the clauses the features count (features.wording_text: padding, asides
# and nonsense left out), so that a real answer with a holiday told after it is judged on the answer, as the
# raters judge it ("padding: rate the relevant part"); the whole answer when nothing is counted. Reluctance: the
# whole answer as said, others' reported speech left out (contrary.without_others_speech) — an unwilling aside
# is the candidate's attitude wherever it is said.
READS = {"off_topic": "counted", "reluctant": "said", "nonsense": "said"}


def reads(name: str, texts: dict) -> str:
    """The text detector `name` reads, from {"said": …, "counted": …} (READS)."""
    return texts.get(READS[name]) or texts["said"]


def key(text: str | None, language: str) -> str:
    """The text a detector reads its character 1–3-grams from: Chinese as the wording model reads it
    (wording.text_key: letters and digits only, numbers one symbol); English and Korean word by word, each word
    so normalised and the words joined by "_", so that the n-grams keep where a word starts and ends."""
    if language == "zh":
        return wording.text_key(text, language)
    return "_".join(w for w in (wording.text_key(part, language) for part in (text or "").split()) if w)


def probability(name: str, text: str | None, language: str) -> float | None:
    """Probability 0..1 of the detector `name` (FILES); None for a language it has no artefact for."""
    model = _load(name, language)
    if model is None:
        return None
    z = wording.linear(key(text, language), model)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def signs(name: str, text: str | None, language: str, n: int = 5) -> list[str]:
    """The n-grams of the text that raise the detector's probability most, for review."""
    model = _load(name, language)
    if model is None:
        return []
    cols, vals = wording._vector(key(text, language), model)
    ranked = sorted(((float(v * model[2][j]), model[4][j]) for j, v in zip(cols, vals)), reverse=True)
    return [g for c, g in ranked[:n] if c > 0]
