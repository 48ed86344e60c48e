"""Fit the reader of an answer's situation that functions/analyze/scoring/focus.other_situation uses (answer.bound
caps a story about clearly another situation than the question's at model.SITUATION_CAP).

    python -m models.scorer.situation          # writes models/scorer/situation-zh.json and its manifest entry
    python -m models.scorer.situation --cv     # prints the leave-one-set-out figures only

A rehearsed strong story about another situation (the urgent-order story told on 讲一次你处理顾客投诉的经历) is
concrete and first-person, so the model rates it high; a person rates it low for this question. The question
names its situation (focus.SITUATIONS: an upset customer, an urgent job, a mistake, a fault, a safety risk, a
hesitant or unwilling person, a sudden event); the answer's words tell one. Fitted here:
  - per class, a logistic regression (balanced, C=C) on which words (focus.situation_words) an answer says,
    trained on the honest answers (HONEST) of models/scorer/data (its held-out roles left out) and the sets
    a–h (detectors.SETS; never i or j), each labelled with its own question's classes;
  - the two thresholds of the bound, chosen leave-one-set-out: an answer is bounded when the best class its
    question does not ask beats the best one it asks by more than `gap` AND its words follow the question's own
    description of its situation (focus.closeness) less than `closeness`. Chosen as the pair that bounds the
    most moved stories (dataset.transplants) out of fold while bounding no strong, short-strong, good or
    adequate answer out of fold, nor any honest answer the raters rated above the cap, with MARGIN of
    room on both thresholds.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from . import dataset
from .detectors import MANIFEST, SETS

HERE = Path(__file__).resolve().parent
OUT = HERE / "situation-zh.json"
HONEST = ("strong", "short_strong", "good", "adequate", "vague", "vague_long", "poor")
KEPT = ("strong", "short_strong", "good", "adequate")   # never bounded out of fold
C = 0.3   # of 0.3, 1 and 3 out of fold: the most moved stories bounded with the margin (21, 17, 22 of 185)
MIN_DF = 2
GAPS = tuple(round(0.2 + 0.05 * k, 2) for k in range(15))          # 0.20 … 0.90
CLOSENESS = tuple(round(0.30 + 0.01 * k, 2) for k in range(41))    # 0.30 … 0.70
MARGIN = (0.05, 0.02)   # the thresholds shipped: one grid step stricter than the edge where an honest answer falls


def _story(q: dict) -> bool:
    return q.get("language", "zh") == "zh" and q.get("type") in ("behavioural", "situational")


def _mean_label(a) -> float | None:
    vals = [a.label(c["name"], "ratings") for c in a.question["competencies"]]
    vals = [v for v in vals if v is not None]
    return sum(vals) / len(vals) if vals else None


def rows(folders=SETS) -> list[dict]:
    """Honest answers and moved stories of Chinese story/situational questions that ask a class, as
    {set, id, kind, label, asked, words, closeness}."""
    from functions.analyze.scoring import focus

    out = []
    for folder in folders:
        answers = dataset.load(folder)
        moved = dataset.transplants(answers) if dataset.has_ratings(folder) else []
        for a in [x for x in answers if not x.derived and not x.held_out] + moved:
            if not _story(a.question) or (a.kind not in HONEST and a.kind != "transplant"):
                continue
            asked = focus.situations(a.question["text"])
            if not asked:
                continue
            words = focus.situation_words(a.text)
            out.append({"set": str(folder), "id": a.id, "kind": a.kind, "label": _mean_label(a), "asked": asked,
                        "words": words, "question": a.question["text"],
                        "closeness": focus.closeness(focus.situation_words(focus.situation_text(a.question["text"])),
                                                     words)})
    return out


def fit(train: list[dict], c: float = C) -> dict:
    """The per-class word weights and intercepts (focus.told reads them) fitted on the honest rows of `train`."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    from functions.analyze.scoring import focus

    honest = [r for r in train if r["kind"] in HONEST]
    vec = CountVectorizer(analyzer=lambda words: words, binary=True, min_df=MIN_DF)
    x = vec.fit_transform([r["words"] for r in honest])
    classes = [key for key, _, _ in focus.SITUATIONS]
    coef, intercept = np.zeros((x.shape[1], len(classes))), []
    for k, key in enumerate(classes):
        y = [key in r["asked"] for r in honest]
        lr = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)
        coef[:, k] = lr.coef_[0]
        intercept.append(round(float(lr.intercept_[0]), 5))
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    return {"classes": classes, "intercept": intercept,
            "words": {w: [round(float(v), 5) for v in coef[i]] for i, w in enumerate(vocab)
                      if np.abs(coef[i]).max() >= 1e-4}}


def _signals(r: dict, model: dict) -> tuple[float, float]:
    from functions.analyze.scoring import focus

    return focus.gap(focus.told(r["words"], model), r["asked"])[0], r["closeness"]


def out_of_fold(every: list[dict], c: float = C) -> list[tuple[dict, float, float]]:
    """Each row with its (gap, closeness) read by a model fitted without the row's set."""
    out = []
    for folder in SETS:
        model = fit([r for r in every if r["set"] != str(folder)], c)
        out += [(r, *_signals(r, model)) for r in every if r["set"] == str(folder)]
    return out


def _kept_safe(r: dict, cap_rating: float) -> bool:
    """A row the bound must never reach: a strong/good/adequate answer, or any honest one rated above the cap."""
    return r["kind"] in KEPT or (r["kind"] in HONEST and r["label"] is not None and r["label"] > cap_rating)


def choose(scored: list[tuple[dict, float, float]], cap_rating: float) -> dict:
    """The (gap, closeness) pair bounding the most moved stories and no row _kept_safe would keep, MARGIN
    stricter on both thresholds (so the honest answer nearest the edge is one grid step away)."""
    best = None
    for g in GAPS:
        for t in CLOSENESS:
            if any(gap > g - MARGIN[0] and clo < t + MARGIN[1] for r, gap, clo in scored if _kept_safe(r, cap_rating)):
                continue
            moved = sum(gap > g and clo < t for r, gap, clo in scored if r["kind"] == "transplant")
            if best is None or moved > best[0]:
                best = (moved, g, t)
    return {"gap": best[1], "closeness": best[2]}


def report(scored: list[tuple[dict, float, float]], th: dict) -> dict:
    """Bounded/all per kind at the thresholds."""
    out: dict = {}
    for r, gap, clo in scored:
        hit = gap > th["gap"] and clo < th["closeness"]
        n, k = out.get(r["kind"], (0, 0))
        out[r["kind"]] = (n + hit, k + 1)
    return {kind: f"{n}/{k}" for kind, (n, k) in sorted(out.items())}


def fit_without(without: Path | None, every: list[dict] | None = None) -> dict:
    """The shipped artefact's content fitted on every set but `without` (None: every set), thresholds chosen
    leave-one-set-out on those sets."""
    from functions.analyze.scoring import model as M

    every = [r for r in (every if every is not None else rows()) if without is None or r["set"] != str(without)]
    cap_rating = M.SITUATION_CAP / 25.0 + 1.0
    folds = [f for f in SETS if f != without]
    scored = []
    for folder in folds:
        m = fit([r for r in every if r["set"] != str(folder)])
        scored += [(r, *_signals(r, m)) for r in every if r["set"] == str(folder)]
    th = choose(scored, cap_rating)
    return {**fit(every), **th, "out_of_fold": report(scored, th)}


def save(doc: dict, path: Path) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="print the leave-one-set-out figures only")
    args = ap.parse_args(argv)
    every = rows()
    doc = fit_without(None, every)
    print(json.dumps({"gap": doc["gap"], "closeness": doc["closeness"], "out_of_fold": doc["out_of_fold"],
                      "words": len(doc["words"])}, ensure_ascii=False, indent=1), file=sys.stderr)
    if args.cv:
        return 0
    root = HERE.parent.parent
    doc["trained_on"] = [str(f.relative_to(root)) for f in SETS]
    save(doc, OUT)
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    entry = {"name": "zh-situation", "language": "zh", "file": f"scorer/{OUT.name}",
             "sha256": hashlib.sha256(OUT.read_bytes()).hexdigest(), "licence": "project's own (fitted here)",
             "built_by": "python -m models.scorer.situation", "trained_on": doc["trained_on"],
             "gap": doc["gap"], "closeness": doc["closeness"], "out_of_fold": doc["out_of_fold"]}
    lexicons = manifest.setdefault("lexicons", [])
    manifest["lexicons"] = [d for d in lexicons if d.get("name") != entry["name"]] + [entry]
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes) and its manifest entry", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
