"""How well the default scorer ranks answers, resists gaming and gates what cannot be judged.

    .venv/bin/python -m bench.scoring [--part held_out|train|all] [--labels ratings|intended] [--data FOLDER]
                                      [--scorer default-3] [--no-cold-start]

--data reads another labelled set in the same shape (e.g. a sealed held-out set written and rated after the
scorer was frozen); all of its answers are used unless --part says otherwise.

On the labelled set (models/scorer/data/, by default only its held-out roles, which training never saw)
every answer goes through the CLI's path (pipeline.analyze_transcript). Prints:
  - graded ranking: within each question, pairs of honest answers whose labels differ by ≥ 1 (label =
    mean of the raters' ratings over the competencies; --labels intended for the writer's grades): share
    ranked the right way (a gated honest answer counts as ranked lowest)
  - hard pairs (strong/short_strong vs good, good vs vague/vague_long, strong vs vague) for the model and
    two baselines computed in the same run: characters only, keyword coverage only (the old way:
    substring share of HR's keywords)
  - gaming answers (template, keyword list/salad, parroting, negation, repetition): how many reach the
    pass line (60) or outrank a strong answer to the same question
  - relevance: the set's strong and good stories moved to another role's question (dataset.transplants): how
    many still reach the pass line, their mean score there and on their own questions
  - gating: recall on nonsense/foreign/filler answers (and on what raters marked unjudgeable), false
    gating of honest answers
  - scoring time per answer, and the analyzer's cold start (a fresh process importing the SCF handler)
Targets (issue 8): graded ≥ 0.95 and above both baselines on hard pairs; no gaming answer passes or
outranks a strong one; every nonsense/foreign/filler gated; ≤ 5% honest gated; cold start ≤ 3 s;
scoring ≤ 50 ms per answer.
"""
from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

from functions.analyze import pipeline
from functions.analyze.scoring import question_fit
from functions.analyze.scoring.answer import warm_up
from models.scorer import dataset, situation

HONEST = ("strong", "short_strong", "good", "adequate", "vague", "vague_long", "poor", "off_topic", "case_variant",
          "asr_unpunctuated", "dialect_or_tech")
GAMING = ("template", "template_numbers", "keyword_list", "keyword_salad", "parrot", "negation", "repetition")
PADDED = ("padded_nonsense", "padded_unrelated", "padded_work")  # padded_work: another job's story (set c)
MUST_GATE = ("nonsense", "foreign", "filler")
HARD = [("strong vs good", ("strong", "short_strong"), ("good",)),
        ("good vs vague", ("good",), ("vague", "vague_long")),
        ("strong vs vague", ("strong", "short_strong"), ("vague", "vague_long"))]
PASS = 60.0


def keyword_coverage(ans: dataset.Answer) -> float:
    """The old baseline: share of HR's keywords found as substrings (weighted over competencies)."""
    text = ans.text
    total = 0.0
    for comp in ans.question["competencies"]:
        kws = comp.get("keywords") or []
        if kws:
            total += comp.get("weight", 1) * sum(1 for k in kws if k in text) / len(kws)
    return total


def chars(ans: dataset.Answer) -> float:
    return float(sum(1 for c in ans.text if not unicodedata.category(c).startswith(("P", "Z"))))


def label_of(ans: dataset.Answer, source: str) -> float | None:
    if source == "intended":
        return ans.intended
    vals = [ans.label(c["name"], "ratings") for c in ans.question["competencies"]]
    vals = [v for v in vals if v is not None]
    return sum(vals) / len(vals) if vals else None


def cold_start(runs: int = 3) -> list[tuple[float, float]]:
    """[(seconds the handler reports for its warm-up, wall seconds of a fresh process importing it)], each
    process with an empty TMPDIR as a new SCF instance has (bench/cold_start.py breaks it down further)."""
    import os
    import tempfile

    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="miaomian-cold-") as tmp:
            t = time.perf_counter()
            run = subprocess.run([sys.executable, "-c", "import functions.analyze.index as i; print(i.COLD_START_SECONDS)"],
                                 capture_output=True, text=True, check=True, env={**os.environ, "TMPDIR": tmp})
            out.append((float(run.stdout.strip().splitlines()[-1]), time.perf_counter() - t))
    return out


def _detectors_without(folder: Path) -> None:
    """Fit the detectors on every set of models/scorer/detectors.SETS but `folder` and point the scorer at them."""
    import tempfile

    from functions.analyze.scoring import detectors as runtime
    from models.scorer import detectors as fitting

    out = Path(tempfile.mkdtemp(prefix="miaomian-detectors-"))
    for name, model in fitting.fit_without(folder).items():
        if model is not None:
            fitting.save(model, out / fitting.DETECTORS[name].file)
    runtime.SCORER_DIR = out
    runtime._load.cache_clear()
    if folder.resolve() in situation.SETS:   # the situation reader too (models/scorer/situation.py), thresholds and all
        from functions.analyze.scoring import focus

        situation.save(situation.fit_without(folder.resolve()), out / situation.OUT.name)
        focus.SITUATION_MODEL = out / situation.OUT.name
        focus._model.cache_clear()
    print(f"detectors refitted without {folder} in {out}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["held_out", "train", "all"], default=None)
    ap.add_argument("--labels", choices=["ratings", "intended"], default=None)
    ap.add_argument("--data", type=Path, default=dataset.DATA, help="labelled set folder (default: the training set)")
    ap.add_argument("--scorer", default="default",
                    help="scorer to use (default: the newest default; e.g. default-3 to compare in the same code)")
    ap.add_argument("--no-cold-start", action="store_true", help="skip the cold-start measurement")
    ap.add_argument("--detectors-without", action="store_true",
                    help="refit the off-topic and reluctance detectors without --data's set (models/scorer/detectors.py,"
                         " into a temporary folder) before scoring: the set is then unseen by them")
    args = ap.parse_args(argv)
    # the set measured is read as unseen: its own questions are left out of question_fit's references
    with question_fit.leave_out([args.data.resolve().name]):
        return _measure(args)


def _measure(args) -> int:
    if args.detectors_without:
        _detectors_without(args.data)
    part = args.part or ("held_out" if args.data == dataset.DATA else "all")
    source = args.labels or ("ratings" if dataset.has_ratings(args.data) else "intended")
    answers = [a for a in dataset.load(args.data) if part == "all" or (a.held_out == (part == "held_out"))]
    colds = [] if args.no_cold_start else cold_start()
    warm_up()  # what the handler loads at import, so times below are per answer
    results, times = {}, []
    for ans in answers:
        t = time.perf_counter()
        r = pipeline.analyze_transcript(ans.text, ans.question, ans.language, scorer_version=args.scorer)
        times.append(time.perf_counter() - t)
        results[ans.id] = r
    score = {a.id: (results[a.id]["overall"] if results[a.id]["status"] == "scored" else -1.0) for a in answers}
    by_q: dict[str, list] = {}
    for a in answers:
        by_q.setdefault(a.qid, []).append(a)
    roles = sorted({a.role for a in answers})
    print(f"scoring bench — data: {args.data}; part: {part} ({len(answers)} answers, {len(by_q)} questions, roles: "
          f"{', '.join(roles)}); labels: {source}; scorer: "
          f"{next((r['model_versions'].get('scorer') for r in results.values() if r['model_versions'].get('scorer')), '?')}")

    # graded ranking
    right = total = 0
    for qa in by_q.values():
        honest = [a for a in qa if a.kind in HONEST and label_of(a, source) is not None]
        for x, y in itertools.permutations(honest, 2):
            if label_of(x, source) - label_of(y, source) >= 1:
                total += 1
                right += score[x.id] > score[y.id]
    print(f"graded ranking (pairs with labels ≥1 apart): {right}/{total} = {right / max(total, 1):.3f}  (target ≥ 0.95)")

    # hard pairs vs baselines
    print("hard pairs                 n    model  chars  keywords")
    for name, hi, lo in HARD:
        n = m = c = k = 0
        for qa in by_q.values():
            for x in (a for a in qa if a.kind in hi):
                for y in (a for a in qa if a.kind in lo):
                    n += 1
                    m += score[x.id] > score[y.id]
                    c += chars(x) > chars(y)
                    k += keyword_coverage(x) > keyword_coverage(y)
        if n:
            print(f"  {name:<22} {n:>4}  {m / n:.3f}  {c / n:.3f}  {k / n:.3f}")

    # gaming
    gaming = [a for a in answers if a.kind in GAMING]
    passed = [a for a in gaming if score[a.id] >= PASS]
    outrank = [a for a in gaming if any(score[a.id] >= score[s.id] and score[a.id] >= 0
                                        for s in by_q[a.qid] if s.kind in ("strong", "short_strong"))]
    gated_g = [a for a in gaming if results[a.id]["status"] != "scored"]
    print(f"gaming answers: {len(gaming)}; gated {len(gated_g)}; reach the pass line ({PASS:g}): {len(passed)}; "
          f"outrank a strong answer: {len(outrank)}  (target 0 and 0)")
    for a in passed + [o for o in outrank if o not in passed]:
        print(f"    {a.kind} {a.id} {a.qid} overall={score[a.id]}: {a.text[:60]}")
    for kind in GAMING:
        ks = [a for a in gaming if a.kind == kind]
        if ks:
            codes = [results[a.id]["reason_code"] or f"scored {results[a.id]['overall']}" for a in ks]
            print(f"    {kind:<14} {len(ks)}: {', '.join(str(c) for c in codes)}")

    # padding: a good answer with nonsense or an unrelated story added must not score higher than alone
    src_of = {r["id"]: r.get("source") for r in dataset._jsonl(args.data / "intended.jsonl")}
    padded = [a for a in answers if a.kind in PADDED and src_of.get(a.id) in score]
    if padded:
        raised = [a for a in padded if score[a.id] > score[src_of[a.id]] + 1.0]
        print(f"padded answers: {len(padded)}; scored more than 1 point above their source: {len(raised)}  (target 0)")
        for a in padded:
            print(f"    {a.kind:<16} {a.id} source {score[src_of[a.id]]:.1f} → padded {score[a.id]:.1f}")

    # relevance: a strong or good story given word for word to another role's question answers nothing asked
    moved = dataset.transplants(answers) if source == "ratings" else []
    if moved:
        got = {}
        for m in moved:
            r = pipeline.analyze_transcript(m.text, m.question, m.language, scorer_version=args.scorer)
            got[m.id] = r["overall"] if r["status"] == "scored" else None
        vals = [v for v in got.values() if v is not None]
        own = [score[m.source] for m in moved if score.get(m.source, -1) >= 0]
        print(f"stories moved to another role's question (dataset.transplants, off-topic there): {len(moved)}; "
              f"reach the pass line: {sum(v >= PASS for v in vals)}; mean {statistics.mean(vals or [0]):.1f} "
              f"(on their own questions {statistics.mean(own or [0]):.1f}); gated {len(moved) - len(vals)}")

    # gating
    must = [a for a in answers if a.kind in MUST_GATE]
    gated = [a for a in must if results[a.id]["status"] == "needs_review"]
    print(f"gating recall (nonsense/foreign/filler): {len(gated)}/{len(must)} = {len(gated) / max(len(must), 1):.3f}  (target 1.0)")
    for a in must:
        if results[a.id]["status"] == "scored":
            print(f"    missed {a.kind} {a.id} {a.qid} overall={score[a.id]}: {a.text[:60]}")
    if source == "ratings":
        unj = [a for a in answers if a.unjudgeable("ratings")]
        g = [a for a in unj if results[a.id]["status"] == "needs_review"]
        print(f"gating recall on answers a rater marked unjudgeable: {len(g)}/{len(unj)}")
    honest = [a for a in answers if a.kind in HONEST]
    false = [a for a in honest if results[a.id]["status"] == "needs_review"]
    print(f"false gating of honest answers: {len(false)}/{len(honest)} = {len(false) / max(len(honest), 1):.3f}  (target ≤ 0.05)")
    for a in false:
        print(f"    {a.kind} {a.id} {a.qid} {results[a.id]['reason_code']}: {a.text[:60]}")

    ms = sorted(t * 1000 for t in times)
    print(f"scoring time per answer: mean {statistics.mean(ms):.1f} ms, median {statistics.median(ms):.1f} ms, "
          f"max {ms[-1]:.1f} ms  (target ≤ 50 ms)")
    reported = sorted(c[0] for c in colds)
    wall = sorted(c[1] for c in colds)
    if colds:
        print(f"analyzer cold start ({len(colds)} fresh processes): warm-up reported by the handler median "
              f"{statistics.median(reported):.2f} s (min {reported[0]:.2f}); whole import median "
              f"{statistics.median(wall):.2f} s (min {wall[0]:.2f})  (target ≤ 3 s)")
    try:
        import os
        print(f"machine load while measuring: {os.getloadavg()[0]:.1f} (1-min load average, {os.cpu_count()} cores)")
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
