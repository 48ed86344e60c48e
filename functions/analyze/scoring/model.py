"""The ONNX scorer: one row of content features per competency → a rating on the 1–5 anchored scale
(docs/rating-scale.md) → a score 0–100 = (rating − 1) × 25.

Scorers are listed in models/manifest.json under "scorer" ({name, version, file, features, baseline,
...}); `load("default")` picks the newest default, an unknown version falls back to it. A driver's effect
is the change in the 0–100 score when that feature is put back to its baseline (the training median): the
answer's score minus what it would be with a typical value there — model-agnostic.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ModelMissing

MODELS_ROOT = Path(__file__).resolve().parents[3] / "models"


def rating_to_score(rating):
    """1–5 rating(s) → 0–100 score(s), clipped."""
    return np.clip((np.asarray(rating, dtype=np.float64) - 1.0) * 25.0, 0.0, 100.0)


@dataclass
class Scorer:
    name: str
    version: int
    features: list
    baseline: dict
    session: object

    @property
    def label(self) -> str:
        return f"{self.name}-{self.version}"

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """Scores 0–100 for rows of features (in `self.features` order)."""
        out = self.session.run(None, {"features": rows.astype(np.float32)})[0]
        return rating_to_score(np.asarray(out, dtype=np.float64).reshape(-1))

    def score(self, row: dict) -> tuple[float, list[dict]]:
        """(score 0–100, drivers sorted by |effect|) for one row {feature: value}."""
        x = np.array([[row[f] for f in self.features]], dtype=np.float32)
        probes = np.repeat(x, len(self.features) + 1, axis=0)
        for i, f in enumerate(self.features):
            probes[i + 1, i] = self.baseline[f]
        preds = self.predict(probes)
        drivers = [{"feature": f, "value": round(float(row[f]), 4),
                    "effect": round(float(preds[0] - preds[i + 1]), 1)}
                   for i, f in enumerate(self.features)]
        drivers.sort(key=lambda d: abs(d["effect"]), reverse=True)
        return round(float(preds[0]), 1), drivers


_CACHE: dict[str, Scorer] = {}
_LOCK = threading.Lock()


def entries() -> list[dict]:
    manifest = json.loads((MODELS_ROOT / "manifest.json").read_text(encoding="utf-8"))
    return manifest.get("scorer", [])


def default_label() -> str | None:
    """The label ("default-3") of the newest default scorer in the manifest — what `load("default")` scores
    with — read without loading the model (the API has the manifest but not the ONNX files)."""
    defaults = sorted((e for e in entries() if e["name"] == "default"), key=lambda e: e["version"])
    return f"default-{defaults[-1]['version']}" if defaults else None


def load(requested: str | None = "default") -> Scorer:
    """The scorer named `requested` ("default", "default-2", "org-12-3"); the newest default when
    unknown. Raises ModelMissing when no scorer is installed."""
    requested = requested or "default"
    with _LOCK:
        if requested in _CACHE:
            return _CACHE[requested]
        listed = entries()
        pick = [e for e in listed if f"{e['name']}-{e['version']}" == requested] or \
            sorted((e for e in listed if e["name"] == requested), key=lambda e: e["version"])[-1:] or \
            sorted((e for e in listed if e["name"] == "default"), key=lambda e: e["version"])[-1:]
        if not pick:
            raise ModelMissing("no scorer model in models/manifest.json: run `python -m models.scorer.train`")
        entry = pick[-1]
        import onnxruntime

        opts = onnxruntime.SessionOptions()
        opts.inter_op_num_threads = 1
        opts.intra_op_num_threads = 1
        path = MODELS_ROOT / entry["file"]
        if not path.exists():
            raise ModelMissing(f"scorer file {path} is missing: run `python -m models.scorer.train`")
        session = onnxruntime.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
        scorer = Scorer(entry["name"], entry["version"], entry["features"], entry["baseline"], session)
        _CACHE[requested] = scorer
        return scorer


# How much a competency the answer shows less than its best-shown one is lowered: score × (1 − GAP × gap),
# gap = best strength − own strength (0..1). Chosen by leave-one-question-out on the training roles
# (models/scorer/train.py prints the figures for each value).
COMPETENCY_GAP = 0.25


def competency_strength(values: dict) -> float:
    """0..1: how clearly the answer shows one competency through its own features — its terms said next to
    specific content (evidence_specific), or closeness to its strong anchor when HR gave anchors."""
    anchor = max(0.0, min(1.0, (float(values.get("anchor_match", 0.5)) - 0.5) * 2))
    return max(float(values["evidence_specific"]), anchor)


def adjust_competencies(scores: list, strengths: list, gap: float | None = None) -> list:
    """Per-competency scores (0–100) after the competency gap: an answer that shows teamwork clearly and
    time management not at all gets a visibly lower time-management score. Never raises a score; one
    competency, or equal strengths, leave the scores unchanged."""
    gap = COMPETENCY_GAP if gap is None else gap
    if len(scores) < 2:
        return [round(float(s), 1) for s in scores]
    best = max(strengths)
    return [round(float(s) * (1.0 - gap * max(0.0, best - st)), 1) for s, st in zip(scores, strengths)]


def overall(scores: list[tuple[float, float]]) -> float | None:
    """0–100 from (weight, 0–100 score) pairs; equal weights when none are given."""
    if not scores:
        return None
    weights = [w if w and w > 0 else 0.0 for w, _ in scores]
    if sum(weights) == 0:
        weights = [1.0] * len(scores)
    return round(sum(w * s for w, (_, s) in zip(weights, scores)) / sum(weights), 1)
