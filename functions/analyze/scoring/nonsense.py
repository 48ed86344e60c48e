"""Nonsense made of real words: an answer whose words are real but mean nothing together — surreal images
(星期五的菜刀在云上开会), subjects doing what they cannot, the question's own work words in sentences that say
nothing (我把收银台沟通到了库存的下午), dream-like lines, chains of buzzwords, clauses that do not connect.
Random characters, filler and word lists have their own gates (gates.check); this one reads meaning.

Two stages, both fitted by models/scorer/nonsense.py:
  1. the learnt "nonsense" detector of detectors.py: a logistic regression on the character 1–3-grams of the
     whole answer as said (models/scorer/nonsense-{zh,en,ko}.npz), trained on the nonsense corpus
     (models/scorer/nonsense-data: 300 nonsense answers in seven styles, 200 honest answers a detector might
     mistake for nonsense, labelled by their writer and by a blind rater), the sets' `nonsense` answers, and
     every honest and off-topic answer of the labelled sets as negatives;
  2. a logistic regression (models/scorer/nonsense-{zh,en,ko}.json) on that logit and what the scorer already
     reads of the answer (FEATURES): clauses telling the candidate's own specific actions, relevance and
     specificity to the question, the number of content words and, for Chinese, how related each content word is
     in meaning to the words just before it (local coherence, word vectors of meaning.py).

    probability(analysis, text, language)   0..1, or None when the language has no artefacts (or disabled)
    features(analysis, text, language)       {name: value} of FEATURES[language] (for review and fitting)

gates.check sends an answer at or above model.NONSENSE_P to a person when it also tells
model.NONSENSE_CORROBORATION impossible acts (gates.verb_pairs, gates.surreal_acts): alone, this reader sent many
Chinese honest answers written by other hands to a person (bench/gates_other_hands.py). English has no reader of
impossible acts and, since session 21, a corpus of its own (models/scorer/nonsense-data-3): its stage 2 gates alone. MIAOMIAN_DETECTORS=off disables it with
the other learnt detectors. What it cannot do: docs/scoring.md, "What it cannot do".
"""
from __future__ import annotations

import functools
import json
import math
import os
from pathlib import Path

import numpy as np

from . import detectors, lexicon

SCORER_DIR = Path(__file__).resolve().parents[3] / "models" / "scorer"
FILES = {"zh": "nonsense-zh.json", "en": "nonsense-en.json", "ko": "nonsense-ko.json"}
# what stage 2 reads, per language (local coherence needs the Chinese word vectors)
FEATURES = {"zh": ("detector_logit", "own_action_share", "relevance", "specificity", "content_words", "local_coherence"),
            # English and Korean: 26 nonsense answers each, and no template among their training answers; with the
            # scorer's readings stage 2 learnt "irrelevant = nonsense" and sent an English template to a person
            "en": ("detector_logit",), "ko": ("detector_logit",)}
# a content word is compared with the COHERENCE_WINDOW content words before it
COHERENCE_WINDOW = 3


@functools.lru_cache(maxsize=4)
def _load(language: str):
    file = FILES.get(language)
    if os.environ.get("MIAOMIAN_DETECTORS", "").lower() in ("off", "0", "false") or file is None \
            or not (SCORER_DIR / file).is_file() or not detectors.available("nonsense", language):
        return None
    return json.loads((SCORER_DIR / file).read_text(encoding="utf-8"))


def available(language: str) -> bool:
    return _load(language) is not None


def local_coherence(analysis) -> float:
    """Chinese: mean over content words (nouns, verbs, adjectives of two or more characters with a word vector,
    in order) of the highest cosine to one of the COHERENCE_WINDOW content words before it; 0 with fewer than two.
    A story keeps neighbouring words related (订单, 打包, 发货); real-word nonsense jumps (菜刀, 云, 开会, 土豆)."""
    from . import meaning

    if analysis.seg.language != "zh" or not meaning.available():
        return 0.0
    sets = lexicon.sets("zh")
    skip = sets["stopwords"] | sets["pronouns"] | sets["fillers"] | sets["negators"] | sets["measure_words"]
    vectors = [v for v in (meaning.word_vector(t.text) for t in analysis.seg.tokens
                           if t.pos != "x" and t.pos != "nr" and t.pos[:1] in ("n", "v", "a")
                           and t.text not in skip and len(t.text) >= 2) if v is not None]
    if len(vectors) < 2:
        return 0.0
    V = np.stack(vectors)
    sims = V @ V.T
    best = [float(sims[i, max(0, i - COHERENCE_WINDOW):i].max()) for i in range(1, len(V))]
    return float(np.mean(best))


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def features(analysis, text: str, language: str, detector_p: float | None = None) -> dict:
    """Stage 2's inputs for one answer (FEATURES[language]); `detector_p` replaces the detector's probability
    (the fitting passes its out-of-fold one)."""
    c = analysis.counts
    if detector_p is None:
        detector_p = detectors.probability("nonsense", text, language) or 0.0
    out = {"detector_logit": _logit(detector_p),
           "own_action_share": c.get("specific_actions", 0) / max(c.get("content_clauses", 0), 1),
           "relevance": float(analysis.answer.get("relevance") or 0.0),
           "specificity": float(analysis.answer.get("specificity") or 0.0),
           "content_words": math.log1p(c.get("content", 0)),
           "local_coherence": local_coherence(analysis) if language == "zh" else 0.0}
    return {k: out[k] for k in FEATURES.get(language, ())}


def combine(model: dict, values: dict) -> float:
    """Stage 2's probability from its artefact {"features", "mean", "scale", "coef", "intercept"}."""
    z = model["intercept"] + sum(w * (values[k] - m) / s for k, w, m, s in
                                 zip(model["features"], model["coef"], model["mean"], model["scale"]))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probability(analysis, text: str, language: str, detector_p: float | None = None) -> float | None:
    """Probability 0..1 that the answer is nonsense made of real words; None without artefacts for the language.
    `detector_p`: stage 1's probability when the caller already has it (gates.check), so it is not read twice."""
    model = _load(language)
    if model is None:
        return None
    return combine(model, features(analysis, text, language, detector_p=detector_p))
