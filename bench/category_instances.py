"""Questions that name a category of trouble, answered by its instances (hyponyms-b and sets of its shape).

    PYTHONPATH=. .venv/bin/python -m bench.category_instances [--data models/scorer/eval/hyponyms-b]

A question asks about 病虫害, 设备出故障 or 停电停水; an honest candidate tells 蚜虫, 皮带断了 or 跳闸了 and never
says the category word. The set's kinds (writer-brief.md there): specific_strong, specific_short,
specific_unpunctuated, specific_dialect (the instance stories), plain_good (uses the category word), vague,
offtopic_family (a story of the same trade about another trouble) and other_person (the asked trouble, met by
someone else). Every answer goes through the CLI's path (pipeline.analyze_transcript). Prints, in one run:
  - per kind: n, mean rater label (1–5, two blind raters), mean score (0–100), share at or above the pass line
    (60), gated;
  - instance stories vs the two wrong stories (offtopic_family, other_person) of the same question: share of
    pairs the scorer ranks the right way, next to the baselines characters only and keyword coverage only
    (bench.scoring's);
  - graded ranking over every pair of the set's answers whose rater labels differ by ≥ 1, same question.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
from collections import defaultdict
from pathlib import Path

from bench.scoring import PASS, chars, keyword_coverage, label_of
from functions.analyze import pipeline
from functions.analyze.scoring.answer import warm_up
from models.scorer import dataset

ROOT = Path(__file__).resolve().parents[1]
INSTANCE = ("specific_strong", "specific_short", "specific_unpunctuated", "specific_dialect")
WRONG = ("offtopic_family", "other_person")


def _pairs(answers: list, score) -> tuple[int, int]:
    """(right, total) over (instance story, wrong story) pairs of the same question; ties count half."""
    right, total = 0.0, 0
    by_q = defaultdict(list)
    for a in answers:
        by_q[a.qid].append(a)
    for group in by_q.values():
        for hi in (a for a in group if a.kind in INSTANCE):
            for lo in (a for a in group if a.kind in WRONG):
                s_hi, s_lo = score(hi), score(lo)
                right += 1.0 if s_hi > s_lo else 0.5 if s_hi == s_lo else 0.0
                total += 1
    return right, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "models" / "scorer" / "eval" / "hyponyms-b")
    args = ap.parse_args(argv)
    answers = dataset.load(args.data)
    warm_up()
    results = {}
    for a in answers:
        results[a.id] = pipeline.analyze_transcript(a.text, a.question, a.question.get("language", "zh"))

    def model(a) -> float:     # a gated answer ranks lowest
        r = results[a.id]
        return r["overall"] if r["status"] == "scored" and r["overall"] is not None else -1.0

    print(f"{args.data.name}: {len(answers)} answers, {len({a.qid for a in answers})} questions")
    print(f"{'kind':24} {'n':>3} {'label':>6} {'score':>6} {'pass':>6} {'gated':>6}")
    kinds = defaultdict(list)
    for a in answers:
        kinds[a.kind].append(a)
    for kind in INSTANCE + ("plain_good", "vague") + WRONG:
        group = kinds.get(kind, [])
        if not group:
            continue
        labels = [v for v in (label_of(a, "ratings") for a in group) if v is not None]
        scored = [results[a.id]["overall"] for a in group if results[a.id]["status"] == "scored"]
        print(f"{kind:24} {len(group):3d} {statistics.mean(labels) if labels else float('nan'):6.2f} "
              f"{statistics.mean(scored) if scored else float('nan'):6.1f} "
              f"{sum(s >= PASS for s in scored) / len(group):6.2f} {len(group) - len(scored):6d}")
    print("instance stories above the wrong stories of their question (pairs ranked right):")
    for name, fn in (("scorer", model), ("characters only", chars), ("keyword coverage only", keyword_coverage)):
        right, total = _pairs(answers, fn)
        print(f"  {name:22} {right / total:.3f}  ({right:g}/{total})")
    right = total = 0
    for a, b in itertools.combinations(answers, 2):
        la, lb = label_of(a, "ratings"), label_of(b, "ratings")
        if a.qid != b.qid or la is None or lb is None or abs(la - lb) < 1:
            continue
        hi, lo = (a, b) if la > lb else (b, a)
        right += model(hi) > model(lo)
        total += 1
    print(f"graded ranking (rater labels differing by >= 1): {right / total:.3f} ({right}/{total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
