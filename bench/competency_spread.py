"""Whether one answer's competency scores differ the way the raters' do.

    PYTHONPATH=. .venv/bin/python -m bench.competency_spread --data models/scorer/eval/unseen-roles-d

On every scored answer with two or more rated competencies (raters' labels: mean of ratings_a/b per
competency) prints:
  - mean spread (max − min) of the scorer's competency scores per answer, and of the raters' (× 25, the same
    0–100 scale)
  - lowest agreement: among answers whose raters' lowest competency is unique, how often it is also the
    scorer's lowest (ties in the scorer's scores count as a miss)
  - answers scored above the pass line (60) on a competency the raters rated ≤ 2, and below it on a competency
    the raters rated ≥ 4 (what a bound on competencies the answer does not show must not raise)
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from functions.analyze import pipeline
from functions.analyze.scoring.answer import warm_up
from models.scorer import dataset


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args(argv)
    warm_up()
    spreads, rater_spreads, low_hit, low_n, high_on_low, low_on_high = [], [], 0, 0, 0, 0
    for ans in dataset.load(args.data):
        labels = {c: ans.label(c, "ratings") for c in ans.ratings}
        labels = {c: v for c, v in labels.items() if v is not None}
        if len(labels) < 2:
            continue
        r = pipeline.analyze_transcript(ans.text, ans.question, ans.language)
        if r["status"] != "scored":
            continue
        scores = {c["name"]: c["score"] for c in r["competencies"] if c["name"] in labels}
        if len(scores) < 2:
            continue
        spreads.append(max(scores.values()) - min(scores.values()))
        rater_spreads.append(25 * (max(labels.values()) - min(labels.values())))
        high_on_low += sum(1 for c, s in scores.items() if s >= 60 and labels[c] <= 2)
        low_on_high += sum(1 for c, s in scores.items() if s < 60 and labels[c] >= 4)
        low = min(labels.values())
        lowest = [c for c, v in labels.items() if v == low]
        if len(lowest) == 1:
            low_n += 1
            mine = min(scores.values())
            low_hit += [c for c, s in scores.items() if s == mine] == lowest
    print(f"competency spread — data: {args.data}; answers with ≥ 2 rated competencies scored: {len(spreads)}")
    print(f"  mean spread (max − min) of competency scores: scorer {statistics.mean(spreads):.1f}, "
          f"raters {statistics.mean(rater_spreads):.1f} (0–100)")
    print(f"  raters' unique lowest competency also the scorer's lowest: {low_hit}/{low_n} = "
          f"{low_hit / max(low_n, 1):.3f}")
    print(f"  competency scores ≥ 60 where the raters gave ≤ 2: {high_on_low}")
    print(f"  competency scores < 60 where the raters gave ≥ 4: {low_on_high}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
