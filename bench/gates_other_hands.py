"""What the gates send to a person among answers written by other hands than the scorer's training data.

    PYTHONPATH=. .venv/bin/python -m bench.gates_other_hands [--list nonsense]

The answers are the Chinese string literals of tests/ with at least 15 Han characters (written over many sessions
by many helpers and breakers, never trained on; most are honest answers, some are attacks and nonsense written to
be gated, and some are questions, reasons and messages — so these counts are not error rates: read the list).
Each is scored against one story question (the issue's urgent-order question), through
pipeline.analyze_transcript. Prints:
  - how many are sent to a person, by reason_code;
  - for the learnt nonsense gate (gates.check, model.NONSENSE_P): how many its learnt reader alone would send at
    0.7 / 0.9 / 0.99, how many also tell model.NONSENSE_CORROBORATION impossible acts, and how many it sends to a
    person as shipped (the answers no earlier gate sent);
  - with --list CODE, the answers sent to a person for that reason_code.
Why it exists: session 15's learnt nonsense gate measured 18 of 913 honest answers gated out of fold on the
labelled sets, and sent 144 of these 850 answers to a person (docs/scoring.md, "Nonsense made of real words").
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import Counter
from pathlib import Path

from functions.analyze import pipeline
from functions.analyze.scoring import features, gates, model as M, nonsense, text
from functions.analyze.scoring.answer import warm_up

ROOT = Path(__file__).resolve().parents[1]
QUESTION = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
            "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                             {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
HAN = re.compile(r"[\u4e00-\u9fff]")


def answers(root: Path = ROOT / "tests") -> dict[str, str]:
    """text → the test file it first appears in (test files about the nonsense gate itself are left out)."""
    out: dict[str, str] = {}
    for f in sorted(root.rglob("*.py")):
        if "nonsense" in f.name:
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(HAN.findall(node.value)) >= 15:
                out.setdefault(node.value, f.name)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", metavar="REASON_CODE", help="print the answers sent to a person for this reason")
    args = ap.parse_args(argv)
    warm_up()
    found = answers()
    codes: Counter = Counter()
    listed, learnt, by_learnt = [], [], 0
    for s, where in found.items():
        r = pipeline.analyze_transcript(s, QUESTION, "zh")
        if r["status"] != "scored":
            codes[r.get("reason_code") or r["status"]] += 1
            if r.get("reason_code") == args.list:
                listed.append((where, s))
            by_learnt += "nonsense_probability" in ((r.get("features") or {}).get("gate") or {})
        analysis = features.analyse(text.words_from_text(s, "zh"), "zh", QUESTION)
        p = nonsense.probability(analysis, s, "zh")
        if p is not None:
            acts = gates.verb_pairs(analysis)[1] + gates.surreal_acts(analysis)[0]
            learnt.append((p, acts))
    print(f"answers written for the tests: {len(found)}; sent to a person: {sum(codes.values())}")
    for code, n in codes.most_common():
        print(f"  {code:24s} {n}")
    if learnt:
        alone = " / ".join(str(sum(p >= t for p, _ in learnt)) for t in (0.7, 0.9, 0.99))
        shipped = sum(p >= M.NONSENSE_P.get("zh", 2) and a >= M.NONSENSE_CORROBORATION for p, a in learnt)
        print(f"learnt nonsense reader alone (whatever the other gates say) at 0.7 / 0.9 / 0.99: {alone} of "
              f"{len(learnt)}; with ≥ {M.NONSENSE_CORROBORATION} impossible acts at {M.NONSENSE_P.get('zh')}: "
              f"{shipped}; sent to a person by it (no earlier gate did): {by_learnt}")
    for where, s in listed:
        print(f"  [{where}] {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
