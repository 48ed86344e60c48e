"""The default scorer's training data: a documented rubric, generated (no candidate data involved).

Until a company calibrates with its own ratings (python -m models.scorer.train --csv ...), the shipped
model is trained on answers *described by their features* and rated by this rubric, which says what an
interviewer scoring one competency on a 0–10 scale looks for:

  weight  feature            meaning (all 0..1)
  0.35    keyword_coverage   share of the competency's keywords (or synonyms) the candidate said
  0.20    relevance          share of the question's (and reference answer's) content words addressed
  0.15    star_structure     share of Situation/Task/Action/Result parts present
  0.12    answer_length      enough said: speech ≥ 35% of the time limit earns full marks
  0.08    fluency            few filler words (嗯, 啊, 那个 ...); 15% fillers or more scores 0
  0.05    pace               speaking rate inside a comfortable band for the language
  0.05    pauses             no very long silences

  rating = 10 × Σ weight × feature, plus rater noise (σ = 0.35), clipped to 0..10.

Every weight is positive, so saying more that is relevant can never lower the rating; delivery carries
18% together, because a nervous candidate's pace must not outweigh what they said. Features are drawn
from Beta distributions that resemble real answers (coverage is often low, fluency often high).
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

FEATURES = ["keyword_coverage", "relevance", "star_structure", "answer_length", "fluency", "pace", "pauses"]
WEIGHTS = {"keyword_coverage": 0.35, "relevance": 0.20, "star_structure": 0.15, "answer_length": 0.12,
           "fluency": 0.08, "pace": 0.05, "pauses": 0.05}
BETA = {"keyword_coverage": (1.4, 2.0), "relevance": (1.6, 2.2), "star_structure": (1.5, 1.5),
        "answer_length": (3.0, 1.2), "fluency": (5.0, 1.2), "pace": (6.0, 1.0), "pauses": (8.0, 1.0)}
NOISE = 0.35


def generate(n: int = 4000, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = np.column_stack([rng.beta(*BETA[f], size=n) for f in FEATURES])
    X[:, FEATURES.index("star_structure")] = np.round(X[:, FEATURES.index("star_structure")] * 4) / 4
    w = np.array([WEIGHTS[f] for f in FEATURES])
    y = np.clip(10 * X @ w + rng.normal(0, NOISE, size=n), 0, 10)
    return X.astype(np.float32), y.astype(np.float32)


def write_csv(path: Path, n: int = 4000, seed: int = 7) -> Path:
    X, y = generate(n, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(FEATURES + ["rating"])
        for row, rating in zip(X, y):
            out.writerow([f"{v:.4f}" for v in row] + [f"{rating:.3f}"])
    return path
