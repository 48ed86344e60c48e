"""Features → 0–10 per competency and 0–100 overall, through the ONNX scorer; with the drivers.

The scorer reads one row per competency (models.scorer.rubric.FEATURES, each 0..1). A driver's effect
is the change in the score when that feature is put back to its baseline (the training mean): the
answer's score minus what it would be with a typical value there — model-agnostic, so it stays true
for calibrated models of any kind.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ModelMissing

MODELS_ROOT = Path(__file__).resolve().parents[2] / "models"


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
        out = self.session.run(None, {"features": rows.astype(np.float32)})[0]
        return np.clip(np.asarray(out, dtype=np.float64).reshape(-1), 0.0, 10.0)

    def score(self, row: dict) -> tuple[float, list[dict]]:
        x = np.array([[row[f] for f in self.features]], dtype=np.float32)
        probes = np.repeat(x, len(self.features) + 1, axis=0)
        for i, f in enumerate(self.features):
            probes[i + 1, i] = self.baseline[f]
        preds = self.predict(probes)
        drivers = [{"feature": f, "value": round(float(row[f]), 4),
                    "effect": round(float(preds[0] - preds[i + 1]), 2)}
                   for i, f in enumerate(self.features)]
        drivers.sort(key=lambda d: abs(d["effect"]), reverse=True)
        return round(float(preds[0]), 2), drivers


_CACHE: dict[str, Scorer] = {}
_LOCK = threading.Lock()


def _entries() -> list[dict]:
    manifest = json.loads((MODELS_ROOT / "manifest.json").read_text(encoding="utf-8"))
    return manifest.get("scorer", [])


def load(requested: str | None = "default") -> Scorer:
    """The scorer named `requested` ("default", "org-12" or "org-12-3"); the default when unknown."""
    requested = requested or "default"
    with _LOCK:
        if requested in _CACHE:
            return _CACHE[requested]
        entries = _entries()
        pick = [e for e in entries if f"{e['name']}-{e['version']}" == requested] or \
               sorted((e for e in entries if e["name"] == requested), key=lambda e: e["version"])[-1:] or \
               sorted((e for e in entries if e["name"] == "default"), key=lambda e: e["version"])[-1:]
        if not pick:
            raise ModelMissing("no scorer model in models/manifest.json: run "
                               "`python -m models.scorer.train --default`")
        entry = pick[-1]
        import onnxruntime

        opts = onnxruntime.SessionOptions()
        opts.inter_op_num_threads = 1
        opts.intra_op_num_threads = 1
        path = MODELS_ROOT / entry["file"]
        if not path.exists():
            raise ModelMissing(f"scorer file {path} is missing: run `python -m models.scorer.train --default`")
        session = onnxruntime.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
        scorer = Scorer(entry["name"], entry["version"], entry["features"], entry["baseline"], session)
        _CACHE[requested] = scorer
        return scorer


def competency_rows(features: dict, fits: dict, competencies: list[dict]) -> list[dict]:
    """One scorer row per competency from the answer's features and delivery fits."""
    rel_q, rel_r = features.get("relevance_question"), features.get("relevance_reference")
    parts = [v for v in (rel_q, rel_r) if v is not None]
    relevance = sum(parts) / len(parts) if parts else 0.0
    star = features.get("star") or {}
    star_structure = sum(1 for v in star.values() if v) / 4.0
    rows = []
    for comp in competencies:
        rows.append({
            "keyword_coverage": features["keyword_coverage"].get(comp["name"], 0.0),
            "relevance": relevance,
            "star_structure": star_structure,
            "answer_length": fits["answer_length"],
            "fluency": fits["fluency"],
            "pace": fits["pace"],
            "pauses": fits["pauses"],
        })
    return rows


def overall(scores: list[tuple[float, float]]) -> float | None:
    """0–100 from (weight, 0–10 score) pairs; equal weights when none are given."""
    if not scores:
        return None
    weights = [w if w and w > 0 else 0.0 for w, _ in scores]
    if sum(weights) == 0:
        weights = [1.0] * len(scores)
    return round(10 * sum(w * s for w, (_, s) in zip(weights, scores)) / sum(weights), 1)
