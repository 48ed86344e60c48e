"""Is a score what the raters' anchors say? The scale map of the shipped scorer measured end to end on the rated folders
it was not fitted on (models/scorer/scale.py fits it on default-8's training folders), next to the scorer without it.

    PYTHONPATH=. .venv/bin/python -m bench.scale                       # default-8 vs default (the shipped default-9)
    PYTHONPATH=. .venv/bin/python -m bench.scale --before A --after B [--data FOLDER ...]

Prints, for each scorer, over the rated competency rows of the held-out folders (every graded set under
models/scorer/eval not among the fit folders, and the held-out roles of models/scorer/data): the mean score per rounded
rating against its anchor (25 × (rating − 1)) and the share at or over the pass line of 60; the bias and RMSE of the
scores against the anchored labels (all rows and rows scored ≥ 50); per answer, graded ranking of the honest kinds
(bench.results_snapshot --ranking's definition), the highest gaming answer and how many gaming answers reach 60.
"""
from __future__ import annotations

import argparse
import itertools
import sys

import numpy as np

from bench.scoring import GAMING, HONEST, label_of
from models.scorer import dataset
from models.scorer import scale as fit_scale


def held_out_folders() -> list[str]:
    names = [p.name for p in sorted((fit_scale.HERE / "eval").iterdir())
             if p.is_dir() and p.name not in fit_scale.FIT_FOLDERS and dataset.has_ratings(p)]
    return ["data"] + names   # data: only its held-out roles are read


def _read(name: str, answer) -> bool:
    return name != "data" or answer.held_out   # data: only its held-out roles


def summary(results: dict, folders, title: str) -> None:
    rows = fit_scale.rows_from(results, folders, _read)
    x, y, selections = fit_scale.groups(rows, HONEST)
    print(f"{title}: {len(rows)} rated competency rows")
    for name, sel in selections:
        parts = [f"{rating}→{x[k].mean():.1f} (≥60 {np.mean(x[k] >= 60):.2f})" for rating, k in fit_scale.by_rating(y, sel)]
        top = sel & (x >= 50)
        print(f"  {name:10s} mean by rating (anchors 0/25/50/75/100): " + ", ".join(parts))
        print(f"  {name:10s} bias {np.mean(x[sel] - y[sel]):+.2f}, RMSE {np.sqrt(np.mean((x[sel] - y[sel]) ** 2)):.2f};"
              f" scored ≥ 50 (n {int(top.sum())}): bias {np.mean(x[top] - y[top]):+.2f}, "
              f"RMSE {np.sqrt(np.mean((x[top] - y[top]) ** 2)):.2f}")
    per_q: dict = {}
    gaming = []
    for name, a, r in fit_scale.answers_of(results, folders, _read):
        overall = r["overall"] if r["status"] == "scored" else -1.0
        if a.kind in HONEST:
            label = label_of(a, "ratings")
            if label is not None:
                per_q.setdefault((name, a.qid), []).append((label, overall))
        if a.kind in GAMING and r["status"] == "scored":
            gaming.append(overall)
    right = n = 0
    for graded in per_q.values():
        for (la, sa), (lb, sb) in itertools.permutations(graded, 2):
            if la - lb >= 1:
                n += 1
                right += sa > sb
    print(f"  graded ranking (honest, per answer) {right}/{n} = {right / max(n, 1):.4f}; gaming scored "
          f"{len(gaming)}, highest {max(gaming, default=0):.1f}, ≥ 60: {sum(g >= 60 for g in gaming)}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", default="default-8")
    ap.add_argument("--after", default="default")
    ap.add_argument("--data", nargs="*", help="folder names (default: every held-out rated folder)")
    args = ap.parse_args(argv)
    folders = args.data or held_out_folders()
    print(f"held-out folders: {', '.join(folders)}")
    for scorer in (args.before, args.after):
        summary(fit_scale.score_folders(folders, scorer), folders, scorer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
