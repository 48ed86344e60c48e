"""Build the reference questions that functions/analyze/scoring/question_fit.py reads an answer against, and
measure the bound answer.bound sets with them, out of fold.

    python -m models.scorer.question_fit          # writes models/scorer/reference-questions-zh.json + manifest entry
    python -m models.scorer.question_fit --cv     # prints the leave-one-set-out figures only

Reference questions: every Chinese story or situational question of the labelled sets (models/scorer/data
and models/scorer/eval/unseen-roles-*, REFERENCE_SETS), with the words question_fit.question_words reads
(text, competency names, HR's keywords). No answer is stored; the answers only measure the bound.

Out of fold: each set's answers are read with that set's own questions left out of the references
(question_fit.leave_out), as a new role's answers would be. Rows: the honest answers (HONEST) of Chinese story
and situational questions, and the set's strong and good stories moved to another role's question
(dataset.transplants). The file records, per threshold of the grid, how many moved stories and how many
strong, short-strong, good and adequate answers fall below it (model.QUESTION_FIT_LOW is chosen from these).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from . import dataset
from .detectors import MANIFEST
from .situation import save

HERE = Path(__file__).resolve().parent
OUT = HERE / "reference-questions-zh.json"
PERCENTILE = 90
REFERENCE_SETS = (dataset.DATA,) + tuple(sorted((HERE / "eval").glob("unseen-roles-*")))
HONEST = ("strong", "short_strong", "good", "adequate", "vague", "vague_long", "poor", "dialect_or_tech",
          "asr_unpunctuated", "case_variant")
KEPT = ("strong", "short_strong", "good", "adequate", "dialect_or_tech", "asr_unpunctuated", "case_variant")
GRID = tuple(round(-0.16 + 0.01 * k, 2) for k in range(17))    # −0.16 … 0.00


def _story(q: dict) -> bool:
    return q.get("language", "zh") == "zh" and q.get("type") in ("behavioural", "situational")


def references(folders=REFERENCE_SETS) -> list[dict]:
    from functions.analyze.scoring import question_fit

    out, seen = [], set()
    for folder in folders:
        for a in dataset.load(folder):
            q = a.question
            if not _story(q) or q["text"] in seen:
                continue
            seen.add(q["text"])
            out.append({"folder": folder.name, "qid": a.qid, "role": q.get("role", ""), "text": q["text"],
                        "words": list(dict.fromkeys(question_fit.question_words(q)))})
    return out


def rows(folders=REFERENCE_SETS) -> list[dict]:
    """Out-of-fold fits: {set, id, kind, fit, label} of honest answers and moved stories."""
    from functions.analyze.scoring import features, question_fit

    out = []
    for folder in folders:
        answers = dataset.load(folder)
        moved = dataset.transplants(answers) if dataset.has_ratings(folder) else []
        with question_fit.leave_out([folder.name]):
            for a in [x for x in answers if not x.derived] + moved:
                if not _story(a.question) or (a.kind not in HONEST and a.kind != "transplant"):
                    continue
                analysis = features.analyse([{"word": a.text}], "zh", a.question)
                labels = [v for v in (a.label(c["name"], "ratings") for c in a.question["competencies"])
                          if v is not None] if a.ratings else []
                out.append({"set": folder.name, "id": a.id, "kind": a.kind,
                            "fit": analysis.details.get("question_fit"),
                            "label": round(sum(labels) / len(labels), 2) if labels else a.intended})
    return out


def report(every: list[dict]) -> dict:
    """Per threshold of GRID: moved stories and kept honest answers below it (fit None counts as not below)."""
    moved = [r for r in every if r["kind"] == "transplant"]
    kept = [r for r in every if r["kind"] in KEPT]
    below = lambda rs, t: sum(1 for r in rs if r["fit"] is not None and r["fit"] < t)  # noqa: E731
    return {"moved": len(moved), "kept": len(kept),
            "below": {str(t): {"moved": below(moved, t), "kept": below(kept, t)} for t in GRID}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="print the leave-one-set-out figures only")
    args = ap.parse_args(argv)
    root = HERE.parent.parent
    doc = {"percentile": PERCENTILE, "built_by": "python -m models.scorer.question_fit",
           "trained_on": [str(f.relative_to(root)) for f in REFERENCE_SETS], "questions": references()}
    if not args.cv:
        save(doc, OUT)          # the references first: the out-of-fold rows read them
    from functions.analyze.scoring import question_fit
    question_fit._references.cache_clear()
    doc["out_of_fold"] = report(rows())
    print(json.dumps(doc["out_of_fold"], ensure_ascii=False, indent=1), file=sys.stderr)
    if args.cv:
        return 0
    save(doc, OUT)
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    entry = {"name": "zh-reference-questions", "language": "zh", "file": f"scorer/{OUT.name}",
             "sha256": hashlib.sha256(OUT.read_bytes()).hexdigest(), "licence": "project's own (built here)",
             "built_by": doc["built_by"], "trained_on": doc["trained_on"], "questions": len(doc["questions"]),
             "percentile": PERCENTILE}
    lexicons = manifest.setdefault("lexicons", [])
    manifest["lexicons"] = [d for d in lexicons if d.get("name") != entry["name"]] + [entry]
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(doc['questions'])} questions) and its manifest entry",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
