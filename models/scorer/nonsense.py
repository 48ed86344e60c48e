"""Fit the nonsense gate that functions/analyze/scoring/nonsense.py reads: real words that mean nothing together.

    python -m models.scorer.nonsense            # writes nonsense-{zh,en,ko}.npz and .json, and their manifest entries
    python -m models.scorer.nonsense --cv       # prints the held-out figures only

Training answers (models/scorer/detectors.py `training_answers`, the "nonsense" detector's labels):
  positive  the nonsense corpus's `nonsense` rows (models/scorer/nonsense-data: 300 answers in seven styles —
            surreal, misfit, work_jumble, poem, shuffled, unpunctuated, corporate — zh 240, en 30, ko 30; written
            by one helper, labelled blind by another, 500 of 500 alike) and the labelled sets' `nonsense` answers
  negative  the corpus's `sense` rows (metaphor, unusual, dialect, jargon, rough, asr, short, list_of_acts), every
            honest answer of the labelled sets (detectors.NEGATIVE), the gaming kinds the rating scale rates
            (detectors.SCORED_GAMING: templates, negation…), off-topic answers and the off-topic corpus
  neither   the corpus's buzzword chains (style `corporate`): the rating scale reads them as template phrases
Stage 1: the detector (TF-IDF of character 1–3-grams → logistic regression, detectors.fit). Stage 2: a logistic
regression (standardised, balanced classes, C=STAGE2_C) on stage 1's out-of-fold logit and the scorer's reading
of the answer (scoring/nonsense.FEATURES). Out of fold means: corpus rows in FOLDS folds of their questions (so no
question's texts are scored by a model that saw them), each labelled set left out in turn.

--cv prints, at thresholds 0.6/0.7/0.9 (model.NONSENSE_P: zh 0.7, en and ko 0.9), how many answers of each kind and style stage 2 flags out of fold — by
question folds, and with each corpus style left out of both stages (a style never seen) — and the same for
stage 1 alone at 0.5.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from . import dataset, detectors

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parent / "manifest.json"
FOLDS, STAGE2_C = 5, 1.0
THRESHOLDS = (0.6, 0.7, 0.9)


def _question(a) -> dict:
    if getattr(a, "question", None):
        return a.question
    return _corpus_questions()[a.qid]


def _corpus_questions() -> dict:
    if not hasattr(_corpus_questions, "cache"):
        _corpus_questions.cache = {q["qid"]: {"text": q["text"], "answer_seconds": 120, "competencies": []}
                                   for q in detectors.corpus_questions()}
    return _corpus_questions.cache


def fold_of(a, sets: dict) -> str:
    """Corpus rows: one of FOLDS folds of their question; set rows: their set's folder name (`sets`: id → folder)."""
    if isinstance(a, detectors.CorpusAnswer):
        qids = sorted(_corpus_questions())
        return f"corpus-{qids.index(a.qid) % FOLDS}"
    return sets.get(a.id, "set")


def rows_of(language: str, every: list | None = None) -> list:
    """(answer, label) of the nonsense detector in this language."""
    det = detectors.DETECTORS[f"nonsense-{language}"]
    every = detectors.training_answers() if every is None else every
    return [(a, y) for a in every if a.language == language for y in [det.label(a)] if y is not None]


def _set_folds(every: list) -> dict:
    """id → the set folder an answer came from (models/scorer/data and each evaluation set)."""
    out = {}
    for folder in detectors.SETS:
        for a in detectors.answers_of(folder):
            out[a.id] = folder.name
    return out


def out_of_fold(rows: list, language: str, groups: list, skip=None) -> np.ndarray:
    """Stage 1's out-of-fold probability of each row: fitted on every other group (and never on `skip` rows)."""
    det = detectors.DETECTORS[f"nonsense-{language}"]
    every = [a for a, _ in rows]
    p = np.zeros(len(rows))
    for g in sorted(set(groups)):
        test = [i for i, gi in enumerate(groups) if gi == g]
        train = [a for a, gi in zip(every, groups) if gi != g and not (skip and skip(a))]
        model = detectors.fit(det, train)
        p[test] = model.predict_proba([detectors.key(every[i]) for i in test])[:, 1]
    return p


def stage2_features(rows: list, language: str, p1: np.ndarray) -> np.ndarray:
    from functions.analyze.scoring import features, nonsense, text

    out = []
    for (a, _), p in zip(rows, p1):
        analysis = features.analyse(text.words_from_text(a.text, language), language, _question(a))
        values = nonsense.features(analysis, a.text, language, detector_p=float(p))
        out.append([values[k] for k in nonsense.FEATURES[language]])
    return np.array(out, dtype=float)


def impossible_acts(rows: list, language: str) -> np.ndarray:
    """Per row, the acts that cannot happen which gates.check counts as corroboration of the learnt reader
    (gates.verb_pairs odd pairs + gates.surreal_acts; Chinese only, 0 elsewhere)."""
    from functions.analyze.scoring import features, gates, text

    if language != "zh":
        return np.zeros(len(rows))
    out = []
    for a, _ in rows:
        analysis = features.analyse(text.words_from_text(a.text, language), language, _question(a))
        out.append(gates.verb_pairs(analysis)[1] + gates.surreal_acts(analysis)[0])
    return np.array(out, dtype=float)


def fit_stage2(X: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=STAGE2_C, class_weight="balanced", max_iter=5000)
                         ).fit(X, y)


def artefact(model, language: str) -> dict:
    from functions.analyze.scoring import nonsense

    scaler, lr = model.steps[0][1], model.steps[1][1]
    return {"features": list(nonsense.FEATURES[language]), "mean": [round(float(v), 6) for v in scaler.mean_],
            "scale": [round(float(v), 6) for v in scaler.scale_], "coef": [round(float(v), 6) for v in lr.coef_[0]],
            "intercept": round(float(lr.intercept_[0]), 6)}


def _tally(rows: list, p: np.ndarray, thresholds=THRESHOLDS) -> dict:
    counts: dict = defaultdict(lambda: [0] * (len(thresholds) + 1))
    for (a, _), pi in zip(rows, p):
        name = f"corpus {a.kind}:{a.style}" if isinstance(a, detectors.CorpusAnswer) else f"set {a.kind}"
        c = counts[name]
        c[0] += 1
        for k, t in enumerate(thresholds):
            c[k + 1] += int(pi >= t)
    return {name: f"{'/'.join(str(v) for v in c[1:])} of {c[0]}" for name, c in sorted(counts.items())}


def cross_validate(language: str) -> dict:
    """Out-of-fold figures (see the module doc)."""
    every = detectors.training_answers()
    rows = rows_of(language, every)
    sets = _set_folds(every)
    groups = [fold_of(a, sets) for a, _ in rows]
    y = np.array([int(v) for _, v in rows])
    p1 = out_of_fold(rows, language, groups)
    X = stage2_features(rows, language, p1)
    p2 = np.zeros(len(rows))
    for g in sorted(set(groups)):
        test = np.array([gi == g for gi in groups])
        p2[test] = fit_stage2(X[~test], y[~test]).predict_proba(X[test])[:, 1]
    from functions.analyze.scoring import model as M

    acts = impossible_acts(rows, language)
    alone = M.NONSENSE_DETECTOR_P.get(language, 2.0)
    gate = np.maximum(np.where(acts >= M.NONSENSE_CORROBORATION, p2, 0.0), np.where(p1 >= alone, 1.0, 0.0))
    report = {"as gated: stage 2 and at least %d impossible acts (thresholds %s), or stage 1 alone at %s"
              % (M.NONSENSE_CORROBORATION, "/".join(map(str, THRESHOLDS)), alone): _tally(rows, gate),
              "stage 2 alone, question folds and sets left out (thresholds " + "/".join(map(str, THRESHOLDS)) + ")":
              _tally(rows, p2), "stage 1 alone at 0.5/0.8/0.9/0.95": _tally(rows, p1, (0.5, 0.8, 0.9, 0.95))}
    # each style of the corpus left out of both stages
    styles = sorted({a.style for a, _ in rows if isinstance(a, detectors.CorpusAnswer) and a.kind == "nonsense"})
    unseen = np.zeros(len(rows))
    for style in styles:
        test = np.array([isinstance(a, detectors.CorpusAnswer) and a.style == style for a, _ in rows])
        if not test.any():
            continue
        det = detectors.DETECTORS[f"nonsense-{language}"]
        model = detectors.fit(det, [a for (a, _), t in zip(rows, test) if not t])
        p_test = model.predict_proba([detectors.key(a) for (a, _), t in zip(rows, test) if t])[:, 1]
        Xt = stage2_features([r for r, t in zip(rows, test) if t], language, p_test)
        unseen[test] = fit_stage2(X[~test], y[~test]).predict_proba(Xt)[:, 1]
    styled = [i for i, (a, _) in enumerate(rows) if isinstance(a, detectors.CorpusAnswer)]
    report["stage 2, each corpus style never seen"] = _tally([rows[i] for i in styled], unseen[styled])
    report["as gated, each corpus style never seen (stage 2 with impossible acts only)"] = _tally(
        [rows[i] for i in styled], np.where(acts >= M.NONSENSE_CORROBORATION, unseen, 0.0)[styled])
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="print the held-out figures only")
    ap.add_argument("--language", choices=("zh", "en", "ko"), default=None)
    args = ap.parse_args(argv)
    every = detectors.training_answers()
    sources = [str(f.relative_to(HERE.parent.parent)) for f in (*detectors.NONSENSE_CORPORA, detectors.CORPUS,
                                                                 *detectors.SETS)]
    for language in ("zh", "en", "ko"):
        if args.language and language != args.language:
            continue
        cv = cross_validate(language)
        print(json.dumps({language: cv}, ensure_ascii=False, indent=1), file=sys.stderr)
        if args.cv:
            continue
        det = detectors.DETECTORS[f"nonsense-{language}"]
        rows = rows_of(language, every)
        npz = HERE / det.file
        detectors.save(detectors.fit(det, every), npz)
        sets = _set_folds(every)
        groups = [fold_of(a, sets) for a, _ in rows]
        p1 = out_of_fold(rows, language, groups)
        X, y = stage2_features(rows, language, p1), np.array([int(v) for _, v in rows])
        out = HERE / f"nonsense-{language}.json"
        out.write_text(json.dumps(artefact(fit_stage2(X, y), language), indent=1) + "\n", encoding="utf-8")
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        names = {f"{language}-nonsense", f"{language}-nonsense-stage2"}
        entries = [e for e in manifest.get("lexicons", []) if e.get("name") not in names]
        for name, path in ((f"{language}-nonsense", npz), (f"{language}-nonsense-stage2", out)):
            entries.append({"name": name, "language": language, "file": f"scorer/{path.name}",
                            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                            "licence": "project's own (fitted here)", "built_by": "python -m models.scorer.nonsense",
                            "trained_on": sources, "positives": int(y.sum()), "negatives": int(len(y) - y.sum()),
                            **({"cross_validation": cv} if path == out else {})})
        manifest["lexicons"] = entries
        MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {npz.name} and {out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
