"""Simulated organisations for calibration tests and bench/calibrate.py.

Each answer has per-competency content features in 0..1 (the names of the scoring work's features), a
default score the way a default scorer would give it (a weighted sum plus the model's own error), and an HR
rating 1–5 made from the organisation's *own* weighting plus rater noise, rounded onto the anchored scale.
The result dicts follow the analysis-result contract (docs/internal-contracts.md).
"""
from __future__ import annotations

import numpy as np

from functions.analyze.scoring.calibration import Rating

FEATURES = ("concreteness", "specific_actions", "story_order", "relevance", "evidence")
DEFAULT_WEIGHTS = {"concreteness": 0.25, "specific_actions": 0.2, "story_order": 0.15, "relevance": 0.2,
                   "evidence": 0.2}
COMPETENCIES = ("执行力", "团队协作")


def org_weights(concreteness_factor: float = 1.0) -> dict:
    """The default weights with concreteness multiplied (2.0: an org that rewards it twice as much)."""
    weights = dict(DEFAULT_WEIGHTS)
    weights["concreteness"] *= concreteness_factor
    return weights


def _score(features: dict, weights: dict) -> float:
    return 100.0 * sum(weights[f] * features[f] for f in FEATURES) / sum(weights.values())


def simulate(n_answers: int, *, concreteness_factor: float = 2.0, answers_per_candidate: int = 3,
             rater_noise: float = 0.5, model_noise: float = 0.0, seed: int = 0) -> list[Rating]:
    """Ratings of every competency of n_answers answers (candidates answering `answers_per_candidate`
    questions each); the org's ratings follow org_weights(concreteness_factor) plus Gaussian rater noise (in rating
    points), the default score DEFAULT_WEIGHTS plus Gaussian model error (in score points)."""
    rng = np.random.default_rng(seed)
    true_weights = org_weights(concreteness_factor)
    ratings = []
    for answer in range(n_answers):
        candidate = answer // answers_per_candidate
        ability = rng.uniform(0.1, 0.9)
        for competency in COMPETENCIES:
            features = {f: float(np.clip(0.3 * ability + 0.7 * rng.uniform(0, 1), 0, 1)) for f in FEATURES}
            default = float(np.clip(_score(features, DEFAULT_WEIGHTS) + rng.normal(0, model_noise), 0, 100))
            true = _score(features, true_weights)
            rating = int(np.clip(np.rint(true / 25.0 + 1.0 + rng.normal(0, rater_noise)), 1, 5))
            ratings.append(Rating(competency=competency, default_score=round(default, 2), features=features,
                                  rating=rating, candidate=candidate, answer=answer))
    return ratings


SCORER = "default-1"   # the default scorer version the simulated results name (a calibration's base)


def result_for(ratings_of_answer: list[Rating], version: str = SCORER) -> dict:
    """An analysis result (contract shape) for the answer these ratings judge."""
    comps = [{"name": r.competency, "weight": 1.0 / len(ratings_of_answer), "score": r.default_score,
              "features": dict(r.features), "reasons": ["举了具体数字。", "说到了自己的行动。"]}
             for r in ratings_of_answer]
    overall = round(sum(c["weight"] * c["score"] for c in comps), 1)
    return {"status": "scored", "reason": None, "reason_code": None, "competencies": comps, "overall": overall,
            "feedback": {"strengths": [], "suggestions": []}, "model_versions": {"scorer": version}}
