"""How the other-question bound (scoring/question_fit.py) splits moved stories from honest ones, and what its
threshold and exemption cost.

    PYTHONPATH=. .venv/bin/python -m bench.question_fit [--sets 'unseen-roles-*']

For every rated set of models/scorer/eval matching --sets, with that set's own questions left out of the references
(question_fit.leave_out), every Chinese story or situational answer is scored through the CLI's path with the bound
switched off, and its fit, whether a missed or another situation already bounds it and whether it tells the
situation its question names (answer.tells_asked) are read. Two groups: the set's strong and good stories moved to
another role's question (dataset.transplants; a person would not pass them) and the set's own strong, short-strong,
good and adequate answers (a person would). Prints, per threshold and per exemption: how many moved stories are
capped and still reach the pass line, and how many honest answers are capped (and would otherwise pass).
"""
from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from functions.analyze import pipeline
from functions.analyze.scoring import answer, explain, features, focus, model, question_fit
from functions.analyze.scoring.text import normalise
from models.scorer import dataset

EVAL = Path(__file__).resolve().parents[1] / "models" / "scorer" / "eval"
OWN = ("strong", "short_strong", "good", "adequate")
PASS = 60.0


def rows(sets: str) -> list[dict]:
    """One row per scored story or situational answer: group (moved | own), uncapped score, fit and the exemptions."""
    out = []
    bound, model.question_fit_cap = model.question_fit_cap, (lambda fit, kind: None)
    try:
        for folder in sorted(EVAL.glob(sets)):
            if not dataset.has_ratings(folder):
                continue
            answers = [a for a in dataset.load(folder) if a.language == "zh" and not a.derived]
            with question_fit.leave_out([folder.name]):
                groups = (("moved", dataset.transplants(answers)), ("own", [a for a in answers if a.kind in OWN]))
                for group, items in groups:
                    for a in items:
                        q = a.question
                        if explain.question_type(q) not in ("story", "situational"):
                            continue
                        r = pipeline.analyze_transcript(a.text, q, "zh")
                        if r["status"] != "scored":
                            continue
                        an = features.analyse([{"word": a.text}], "zh", q)
                        missed = answer.missed_focus(an, q)
                        qt = normalise(q.get("text"), "zh")
                        asked = focus.situations(qt)
                        narrow = any(rx.search(an.seg.text) for key, _, rx in focus.SITUATIONS if key in asked) or \
                            any(e in an.seg.text for e in focus.event_words(qt))
                        out.append({"group": group, "set": folder.name, "id": a.id, "kind": a.kind,
                                    "score": r["overall"], "fit": an.details.get("question_fit"),
                                    "bounded": bool(missed or answer.other_situation(an, q)),
                                    "tells": answer.tells_asked(an, q), "narrow": narrow})
    finally:
        model.question_fit_cap = bound
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="unseen-roles-*", help="glob of set folders under models/scorer/eval")
    args = ap.parse_args(argv)
    got = rows(args.sets)
    moved = [r for r in got if r["group"] == "moved"]
    own = [r for r in got if r["group"] == "own"]
    print(f"question_fit bench — sets {args.sets}: {len(moved)} moved stories scored "
          f"({sum(r['score'] >= PASS for r in moved)} reach {PASS:g} unbounded), {len(own)} honest answers "
          f"({sum(r['score'] >= PASS for r in own)} reach {PASS:g}); fit unknown: "
          f"{sum(r['fit'] is None for r in got)}")
    exemptions = {"none": lambda r: False, "tells_asked (shipped)": lambda r: r["tells"],
                  "situation wording or event words": lambda r: r["narrow"]}
    print(f"{'threshold':>9}  {'exemption':<34} moved: capped  pass | honest: capped  would pass")
    for low in (-0.10, model.QUESTION_FIT_LOW, -0.05, -0.03, 0.0):
        for name, exempt in exemptions.items():
            def capped(r):
                return r["fit"] is not None and r["fit"] < low and not r["bounded"] and not exempt(r)
            cm = [r for r in moved if capped(r)]
            co = [r for r in own if capped(r)]
            print(f"{low:>9.2f}  {name:<34} {len(cm):>13} {sum(r['score'] >= PASS and not capped(r) for r in moved):>5} |"
                  f" {len(co):>14} {sum(r['score'] >= PASS for r in co):>11}")
    shipped = [r for r in own if r["fit"] is not None and r["fit"] < model.QUESTION_FIT_LOW and not r["bounded"]
               and not r["tells"]]
    for r in shipped:
        print(f"    honest capped: {r['set']} {r['id']} {r['kind']} fit {r['fit']:.3f} unbounded {r['score']:.1f}")
    print(f"mean fit: moved {statistics.mean(r['fit'] for r in moved if r['fit'] is not None):.3f}, honest "
          f"{statistics.mean(r['fit'] for r in own if r['fit'] is not None):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
