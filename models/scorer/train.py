"""Train a competency scorer from a labelled CSV and export it to ONNX.

    python -m models.scorer.train --default            # the shipped default, from the rubric dataset
    python -m models.scorer.train --csv ratings.csv --name org-12 --version 1

The CSV has one column per feature (models.scorer.rubric.FEATURES, each 0..1) and `rating` (0..10, a
person's rating of one competency of one answer). Writes models/scorer/<name>-<version>.onnx and a
manifest entry (models/manifest.json, "scorer") with the features, their baseline (training mean, used to
explain scores), the coefficients and held-out metrics.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from .rubric import FEATURES, write_csv

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parent / "manifest.json"


def read_csv(path: Path) -> tuple[np.ndarray, np.ndarray]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    missing = [c for c in FEATURES + ["rating"] if rows and c not in rows[0]]
    if not rows or missing:
        raise SystemExit(f"{path}: need columns {FEATURES + ['rating']}; missing {missing or 'all rows'}")
    X = np.array([[float(r[f]) for f in FEATURES] for r in rows], dtype=np.float32)
    y = np.array([float(r["rating"]) for r in rows], dtype=np.float32)
    return X, y


def train(X: np.ndarray, y: np.ndarray, seed: int = 0):
    from sklearn.linear_model import Ridge
    from sklearn.metrics import mean_absolute_error, r2_score
    from sklearn.model_selection import train_test_split

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=seed)
    # Non-negative coefficients: more of a good thing never lowers a score (monotone by construction).
    model = Ridge(alpha=1.0, positive=True).fit(X_tr, y_tr)
    pred = np.clip(model.predict(X_te), 0, 10)
    metrics = {"r2": round(float(r2_score(y_te, pred)), 4),
               "mae": round(float(mean_absolute_error(y_te, pred)), 4),
               "n_train": int(len(y_tr)), "n_test": int(len(y_te))}
    return model.fit(X, y), metrics


def export(model, path: Path) -> str:
    from skl2onnx import convert_sklearn
    from skl2onnx.common.data_types import FloatTensorType

    onx = convert_sklearn(model, initial_types=[("features", FloatTensorType([None, len(FEATURES)]))],
                          target_opset=17)
    data = onx.SerializeToString()
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def update_manifest(entry: dict) -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    scorers = [s for s in manifest.get("scorer", [])
               if not (s["name"] == entry["name"] and s["version"] == entry["version"])]
    manifest["scorer"] = sorted(scorers + [entry], key=lambda s: (s["name"], s["version"]))
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", type=Path, help="labelled CSV (features + rating)")
    ap.add_argument("--default", action="store_true", help="generate the rubric dataset and train the default")
    ap.add_argument("--name", default="default")
    ap.add_argument("--version", type=int, default=1)
    ap.add_argument("--out-dir", type=Path, default=HERE)
    args = ap.parse_args(argv)
    if args.default:
        csv_path = write_csv(HERE.parent / "cache" / "rubric-v1.csv")
        source = "generated rubric dataset (models/scorer/rubric.py, n=4000, seed=7)"
    elif args.csv:
        csv_path, source = args.csv, f"labelled CSV {args.csv.name}"
    else:
        ap.error("give --csv FILE or --default")
    X, y = read_csv(csv_path)
    model, metrics = train(X, y)
    out = args.out_dir / f"{args.name}-{args.version}.onnx"
    digest = export(model, out)
    entry = {
        "name": args.name, "version": args.version,
        "file": str(out.relative_to(HERE.parent)) if out.is_relative_to(HERE.parent) else str(out),
        "sha256": digest, "features": FEATURES,
        "baseline": {f: round(float(v), 4) for f, v in zip(FEATURES, X.mean(axis=0))},
        "coefficients": {f: round(float(c), 4) for f, c in zip(FEATURES, model.coef_)},
        "intercept": round(float(model.intercept_), 4),
        "metrics": metrics, "trained_on": source,
        "trained_at": dt.date.today().isoformat(),
        "label": "default — rubric-based until a company calibrates" if args.name == "default"
                 else "calibrated",
    }
    update_manifest(entry)
    print(json.dumps(entry, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
