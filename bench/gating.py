"""How a sealed gating set is gated: nonsense sent to a person, honest look-alikes left alone.

    PYTHONPATH=. .venv/bin/python -m bench.gating --data models/scorer/eval/gates-o [--list]

The set's files: questions.json (as the labelled sets), answers.jsonl ({"id", "qid", "text"}) and labels.jsonl
({"id", "kind", "gate": true | false}; true = nonsense that must go to a person). Every answer goes through the CLI's
path (pipeline.analyze_transcript) in its question's language. Prints, per kind and in total: how many the gates
send to a person (by reason_code), nonsense recall and false gating of the honest answers, and the mean score of
what was scored; with --list, the text of every answer on the wrong side (which makes the set seen).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from functions.analyze import pipeline


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--list", action="store_true", help="print the answers on the wrong side (the set becomes seen)")
    args = ap.parse_args(argv)
    questions = {q["qid"]: q for q in json.loads((args.data / "questions.json").read_text(encoding="utf-8"))}
    labels = {j["id"]: j for j in map(json.loads, (args.data / "labels.jsonl").read_text(encoding="utf-8").splitlines())}
    answers = [json.loads(line) for line in (args.data / "answers.jsonl").read_text(encoding="utf-8").splitlines()]
    by_kind: dict = defaultdict(lambda: {"n": 0, "gated": 0, "codes": Counter(), "scores": []})
    wrong = []
    for a in answers:
        label, q = labels[a["id"]], questions[a["qid"]]
        r = pipeline.analyze_transcript(a["text"], q, q.get("language", "zh"))
        row = by_kind[(label["gate"], label["kind"])]
        row["n"] += 1
        if r["status"] == "needs_review":
            row["gated"] += 1
            row["codes"][r.get("reason_code")] += 1
        else:
            row["scores"].append(r["overall"])
        if (r["status"] == "needs_review") != label["gate"]:
            wrong.append((label["kind"], a["id"], a["qid"], r.get("reason_code") or f"scored {r['overall']}", a["text"]))
    print(f"gating bench — data: {args.data}; {len(answers)} answers, {len(questions)} questions")
    for gate in (True, False):
        print("nonsense (must go to a person)" if gate else "honest look-alikes (must be scored)")
        for (g, kind), row in sorted(by_kind.items()):
            if g != gate:
                continue
            mean = sum(row["scores"]) / len(row["scores"]) if row["scores"] else float("nan")
            codes = ", ".join(f"{c} {n}" for c, n in row["codes"].most_common())
            print(f"  {kind:32s} {row['gated']:3d}/{row['n']:<3d} gated  {codes:40s} scored mean {mean:5.1f}")
    n_gate = sum(r["n"] for (g, _), r in by_kind.items() if g)
    n_honest = sum(r["n"] for (g, _), r in by_kind.items() if not g)
    hit = sum(r["gated"] for (g, _), r in by_kind.items() if g)
    false = sum(r["gated"] for (g, _), r in by_kind.items() if not g)
    print(f"nonsense recall: {hit}/{n_gate} = {hit / max(n_gate, 1):.3f}  (target 1.0)")
    print(f"false gating of honest look-alikes: {false}/{n_honest} = {false / max(n_honest, 1):.3f}  (target ≤ 0.05)")
    if args.list:
        for kind, aid, qid, outcome, text in wrong:
            print(f"  {kind} {aid} {qid} {outcome}: {text[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
