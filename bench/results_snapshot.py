"""Every result of every labelled folder, written for before/after comparison of a change to the scorer.

    PYTHONPATH=. .venv/bin/python -m bench.results_snapshot before.json      # on the old code
    PYTHONPATH=. .venv/bin/python -m bench.results_snapshot after.json       # on the new code
    PYTHONPATH=. .venv/bin/python -m bench.results_snapshot --compare before.json after.json [--whole]
    PYTHONPATH=. .venv/bin/python -m bench.results_snapshot --ranking after.json     # ranking over every rated pair

The folders: models/scorer/data, every set under models/scorer/eval (graded sets and gating sets) and the Chinese nonsense
corpora that carry a questions.json. Each answer is scored by pipeline.analyze_transcript against its own question;
the file maps "<folder>/<answer id>" to the result without its timings. --compare prints each answer whose status,
reason code or overall score differs (with --whole: any field of the result), then the count; exit code 0 either way.
Session 21 used it to show that a speed-up changed no result and that a new gate sent only nonsense to a person.
Prints the mean and median scoring time per answer as well (a rough figure: bench/scoring.py measures time properly).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def folders() -> list[Path]:
    scorer = ROOT / "models" / "scorer"
    found = [scorer / "data"] + sorted(p for p in (scorer / "eval").iterdir() if p.is_dir()) + \
        sorted(p for p in scorer.glob("nonsense-data*") if p.is_dir())
    return [f for f in found if (f / "questions.json").is_file() and (f / "answers.jsonl").is_file()]


def snapshot(out: Path) -> None:
    from functions.analyze import pipeline
    from functions.analyze.scoring import question_fit
    from functions.analyze.scoring.answer import warm_up

    warm_up()
    results, times = {}, []
    for folder in folders():
        questions = {q["qid"]: q for q in json.loads((folder / "questions.json").read_text(encoding="utf-8"))}
        # each folder is read as unseen: its own questions are left out of question_fit's references
        with question_fit.leave_out([folder.name]):
            for line in (folder / "answers.jsonl").read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                a = json.loads(line)
                q = questions[a["qid"]]
                t = time.perf_counter()
                r = pipeline.analyze_transcript(a["text"], q, q.get("language", "zh"))
                times.append((time.perf_counter() - t) * 1000)
                r.pop("timings", None)
                results[f"{folder.name}/{a['id']}"] = r
    out.write_text(json.dumps(results, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    print(f"{len(results)} answers of {len(folders())} folders → {out}; scoring time mean "
          f"{statistics.mean(times):.1f} ms, median {statistics.median(times):.1f} ms")


def compare(before: Path, after: Path, whole: bool = False) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    changed = 0
    for key in sorted(set(a) & set(b)):
        x, y = a[key], b[key]
        brief = lambda r: (r.get("status"), r.get("reason_code"), r.get("overall"))  # noqa: E731
        if (x != y) if whole else (brief(x) != brief(y)):
            changed += 1
            print(f"{key}: {brief(x)} → {brief(y)}")
    only = len(set(a) ^ set(b))
    print(f"{changed} of {len(set(a) & set(b))} answers changed" + (f"; {only} in one file only" if only else ""))
    return 0


def ranking(path: Path) -> int:
    """Graded ranking read from a snapshot, per rated folder and over all: within each question, pairs of answers whose
    raters' mean labels differ by ≥ 1, share ranked the right way (a gated answer counts as lowest) — for the honest
    kinds (bench.scoring's definition) and for every rated kind (padded, contrary, other jobs' stories… too)."""
    import itertools

    from bench.scoring import HONEST, label_of
    from models.scorer import dataset

    snap = json.loads(path.read_text(encoding="utf-8"))
    totals = {"honest": [0, 0], "all": [0, 0]}
    for folder in folders():
        if not dataset.has_ratings(folder):
            continue
        answers = [a for a in dataset.load(folder) if a.source is None and f"{folder.name}/{a.id}" in snap]
        score = {a.id: (lambda r: r["overall"] if r["status"] == "scored" else -1.0)(snap[f"{folder.name}/{a.id}"])
                 for a in answers}
        label = {a.id: label_of(a, "ratings") for a in answers}
        row = []
        for name, kinds in (("honest", HONEST), ("all", None)):
            right = n = 0
            for qid in {a.qid for a in answers}:
                rated = [a for a in answers if a.qid == qid and label[a.id] is not None and (kinds is None or a.kind in kinds)]
                for x, y in itertools.permutations(rated, 2):
                    if label[x.id] - label[y.id] >= 1:
                        n += 1
                        right += score[x.id] > score[y.id]
            totals[name][0] += right
            totals[name][1] += n
            row.append(f"{name} {right}/{n} = {right / max(n, 1):.4f}")
        print(f"{folder.name:18s} " + "   ".join(row))
    print("ALL                " + "   ".join(f"{k} {r}/{n} = {r / max(n, 1):.4f}" for k, (r, n) in totals.items()))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path, help="where to write the snapshot")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    ap.add_argument("--whole", action="store_true", help="with --compare: any difference in the result counts")
    ap.add_argument("--ranking", type=Path, metavar="SNAPSHOT", help="graded ranking over every rated pair of a snapshot")
    args = ap.parse_args(argv)
    if args.compare:
        return compare(*args.compare, whole=args.whole)
    if args.ranking:
        return ranking(args.ranking)
    if not args.out:
        ap.error("give a file to write, or --compare BEFORE AFTER")
    snapshot(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
