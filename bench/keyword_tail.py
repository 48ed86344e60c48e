"""How much a tail of HR's keywords appended to a strong answer raises its score (issue 8, breaker family 4).

    PYTHONPATH=. .venv/bin/python -m bench.keyword_tail --data models/scorer/eval/unseen-roles-d

For every strong/short_strong answer of the set, appends a tail that only lists the question's keywords —
a closing summary (……总之我按时、安排、沟通都做到了) and a bare list (按时，安排，沟通。) — and prints the mean
and the largest score change. Target: ≤ 1 point.
"""
from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from functions.analyze import pipeline
from models.scorer import dataset


def tails(question: dict) -> dict:
    kws = [k for c in question.get("competencies") or [] for k in c.get("keywords") or []]
    return {"summary": "总之我" + "、".join(kws) + "都做到了。", "list": "，".join(kws) + "。"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args(argv)
    answers = [a for a in dataset.load(args.data) if a.kind in ("strong", "short_strong") and a.language == "zh"]
    deltas: dict[str, list] = {}
    for ans in answers:
        base = pipeline.analyze_transcript(ans.text, ans.question, ans.language)
        if base["status"] != "scored":
            continue
        for name, tail in tails(ans.question).items():
            text = ans.text.rstrip() + ("" if ans.text.rstrip().endswith(("。", "！", "？")) else "。") + tail
            r = pipeline.analyze_transcript(text, ans.question, ans.language)
            score = r["overall"] if r["status"] == "scored" else 0.0
            deltas.setdefault(name, []).append((score - base["overall"], ans.id))
    print(f"keyword tail bench — {args.data} ({len(answers)} strong zh answers)")
    for name, ds in deltas.items():
        vals = [d for d, _ in ds]
        worst, least = max(ds), min(ds)
        print(f"  {name:8s} mean {statistics.mean(vals):+.2f}  max {worst[0]:+.2f} ({worst[1]})  "
              f"min {least[0]:+.2f} ({least[1]})  |change| > 1 point: {sum(abs(v) > 1 for v in vals)}/{len(vals)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
