"""Fit the Chinese "aside" detector: how likely one clause belongs to a stretch about the candidate's private
life or another subject (a holiday, a family meal, a hobby) rather than to the answer — from the clause's
meaning (mean word vector, models/scorer/lexicon-zh.npz), not from any word list.

    python -m models.scorer.aside          # writes models/scorer/aside-zh.json and its manifest entry

Training clauses, from the labelled sets (models/scorer/data and the seen evaluation sets SETS):
  positive  clauses that a padded copy adds to its source answer: models/scorer/data/derived.jsonl
            ("padded") and the `padded_unrelated` answers of the evaluation sets (their `source` in
            intended.jsonl); each distinct clause once
  negative  every clause of the honest answers (strong … poor) in Chinese
A logistic regression (balanced classes, C=ASIDE_C) on the clause's 64-dimensional mean vector; at scoring
time the logit is lowered by how aside-like the question's own topic is (meaning.relative_aside). The
scorer (functions.analyze.scoring.features.semantic_padding) drops a run of clauses whose mean probability
is ≥ SEMANTIC_OFF["mean"] (each ≥ SEMANTIC_OFF["each"]) and that does not touch the question's words.
--cv prints the leave-one-set-out figures (train on two sets, test on the third) that chose C and the
thresholds: share of honest clauses dropped and of added padding clauses dropped.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from . import dataset

HERE = Path(__file__).resolve().parent
OUT = HERE / "aside-zh.json"
MANIFEST = HERE.parent / "manifest.json"
SETS = (dataset.DATA, HERE / "eval" / "unseen-roles-a", HERE / "eval" / "unseen-roles-b")
HONEST = ("strong", "short_strong", "good", "adequate", "vague", "vague_long", "poor")
ASIDE_C = 0.3


def clauses(folder: Path) -> list[tuple[bool, list]]:
    """[(honest answer?, [(clause vector or None, clause added by padding?, excluded today?)])] of one set's
    Chinese honest and padded answers."""
    from functions.analyze.scoring import features as F
    from functions.analyze.scoring import meaning

    answers = dataset.load(folder)
    by_id = {a.id: a for a in answers}
    source = {r["id"]: r.get("source") for r in dataset._jsonl(folder / "intended.jsonl")}
    out = []
    for a in answers:
        if a.language != "zh":
            continue
        src = a.source or source.get(a.id)
        if a.kind == "padded_unrelated" or a.derivation == "padded":
            base = by_id[src].text if src in by_id else ""
        elif a.kind in HONEST and not a.derived:
            base = None
        else:
            continue
        an = F.analyse([{"word": a.text}], "zh", a.question)
        topic = an.details["semantic"]["topic_vector"]
        excluded = set(an.details["excluded_clause_ids"])
        rows = []
        for ci, toks in enumerate(F._clause_tokens(an.seg)):
            text = "".join(t.text for t in toks)
            rows.append((meaning.text_vector(F._meaning_words(toks, "zh")), base is not None and text not in base,
                         ci in excluded, text))
        out.append((base is None, rows, topic))
    return out


def training_rows(groups: list) -> tuple[np.ndarray, np.ndarray]:
    X, y, seen = [], [], set()
    for honest, rows, _ in groups:
        for vec, added, _, text in rows:
            if vec is None or (not honest and not added):
                continue
            if added:
                if text in seen:
                    continue
                seen.add(text)
            X.append(vec)
            y.append(int(added))
    return np.array(X, dtype=np.float32), np.array(y)


def relative(clause_logit: float, topic_logit: float) -> float:
    from functions.analyze.scoring.meaning import relative_aside

    return relative_aside(clause_logit, topic_logit)


def fit(X: np.ndarray, y: np.ndarray, C: float = ASIDE_C):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(X, y)


def cross_validate(by_set: dict, C: float = ASIDE_C) -> dict:
    """Leave one set out: share of honest clauses and of added padding clauses that do not count (the
    lexical rules' drops and the aside rule's)."""
    from functions.analyze.scoring.features import semantic_padding

    honest_n = honest_x = pad_n = pad_x = answers_hit = 0
    for test in by_set:
        model = fit(*training_rows([g for s, gs in by_set.items() if s != test for g in gs]), C=C)
        for honest, rows, topic in by_set[test]:
            probs = [None if v is None else relative(float(model.decision_function(v[None])[0]),
                                                      float(model.decision_function(topic[None])[0]))
                     for v, *_ in rows]
            lexical = [not ex for _, _, ex, _ in rows]
            dropped = set(semantic_padding(probs, [False] * len(rows), lexical)) | \
                {k for k in range(len(rows)) if not lexical[k]}
            answers_hit += honest and bool(dropped)
            for k, (vec, added, ex, _) in enumerate(rows):
                if vec is None:
                    continue
                if honest:
                    honest_n += 1
                    honest_x += k in dropped
                elif added:
                    pad_n += 1
                    pad_x += k in dropped
    return {"C": C, "honest_clauses_dropped": round(honest_x / max(honest_n, 1), 3), "honest_clauses": honest_n,
            "honest_answers_touched": answers_hit,
            "padding_clauses_dropped": round(pad_x / max(pad_n, 1), 3), "padding_clauses": pad_n}


def main(argv=None) -> int:
    import os

    os.environ["MIAOMIAN_ASIDE"] = "off"   # the clauses the lexical rules keep, without a previous fit
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="print the leave-one-set-out figures only")
    args = ap.parse_args(argv)
    by_set = {str(s.relative_to(HERE.parent.parent)): clauses(s) for s in SETS}
    cv = {str(C): cross_validate(by_set, C) for C in (0.1, 0.3, 1.0)} if args.cv else \
        {str(ASIDE_C): cross_validate(by_set)}
    print(json.dumps(cv, ensure_ascii=False, indent=2), file=sys.stderr)
    if args.cv:
        return 0
    X, y = training_rows([g for gs in by_set.values() for g in gs])
    model = fit(X, y)
    doc = {"kind": "logistic regression on a clause's mean word vector (models/scorer/lexicon-zh.npz)",
           "coef": [round(float(c), 6) for c in model.coef_[0]], "intercept": round(float(model.intercept_[0]), 6),
           "C": ASIDE_C, "positives": int(y.sum()), "negatives": int((y == 0).sum()), "trained_on": list(by_set),
           "leave_one_set_out": cv[str(ASIDE_C)]}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    entry = {"name": "zh-aside", "language": "zh", "file": f"scorer/{OUT.name}",
             "sha256": hashlib.sha256(OUT.read_bytes()).hexdigest(), "licence": "project's own (fitted here)",
             "built_by": "python -m models.scorer.aside"}
    manifest["lexicons"] = [e for e in manifest.get("lexicons", []) if e.get("name") != entry["name"]] + [entry]
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in doc.items() if k != "coef"}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
