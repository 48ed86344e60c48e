"""Work told through the family (farms, family shops): what the off-topic detector and the whole scorer make of it.

    PYTHONPATH=. .venv/bin/python -m bench.family_work

Reads models/scorer/detector-data-2's held-out questions (models/scorer/detectors.py FAMILY_HELD_OUT: six questions
whose answers no detector trains on; 30 on-topic answers told as 我家/我爸/家里…, 30 off-topic ones in the same
family and village words; writer's label confirmed by two blind raters). Each answer is scored by
pipeline.analyze_transcript against its question (the product's default competencies, as HR gets them without
keywords). Prints per label: the detector's flags at model.OFF_TOPIC_P, and the scorer's results — gated, scored 0,
reaching the pass line, mean. Then breaker 28's three honest farm stories (tests/functions/data/breaker28/cases.jsonl)
with their detector reading and score.

Session 29, before the detector saw family work and before WORK_TALK_P 0.3 → 0.45: honest 0 scored 0 of 30 → 1,
mean 52.6; off-topic 28 of 30 at 0, mean 1.5; the strawberry story 0.0 (p 0.675), the peach story 35.5.
"""
from __future__ import annotations

import json
import statistics
from pathlib import Path

from functions.analyze import pipeline
from functions.analyze.scoring import detectors, model
from models.scorer import detectors as training

ROOT = Path(__file__).resolve().parents[1]
PASS = 60.0
BREAKER = ROOT / "tests" / "functions" / "data" / "breaker28" / "cases.jsonl"


def main() -> int:
    questions = {q["qid"]: q for q in training.corpus_questions()}
    rows = training.held_out_family()
    print(f"family work — {len(rows)} held-out answers of {len(training.FAMILY_HELD_OUT)} questions "
          f"(detector threshold {model.OFF_TOPIC_P})")
    for label in ("on_topic", "off_topic"):
        mine = [a for a in rows if a.kind == label]
        p = [detectors.probability("off_topic", a.text, "zh") for a in mine]
        results = [pipeline.analyze_transcript(a.text, {"text": questions[a.qid]["text"], "answer_seconds": 120}, "zh")
                   for a in mine]
        scores = [r["overall"] for r in results if r["status"] == "scored"]
        print(f"  {label:<9} detector flags {sum(x >= model.OFF_TOPIC_P for x in p)}/{len(mine)} | scorer: gated "
              f"{sum(r['status'] != 'scored' for r in results)}, scored 0: {sum(s == 0 for s in scores)}, "
              f"≥ {PASS:g}: {sum(s >= PASS for s in scores)}, mean {statistics.mean(scores):.1f}")
    print("breaker 28's honest farm stories:")
    for line in BREAKER.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if "果园或者菜地" not in case["question"]["text"]:
            continue
        r = pipeline.analyze_transcript(case["text"], case["question"], "zh")
        p = detectors.probability("off_topic", case["text"], "zh")
        print(f"  p {p:.3f}  {r['status']} {r['overall']}  (was {case['got_overall']})  {case['text'][:24]}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
