"""The scorer's scale map: from the 0–100 score the model and the rules give a competency to what the raters' anchors say
such a score means (docs/rating-scale.md: anchored score = 25 × (rating − 1); 50 合格, 75 良好, 100 优秀).

Why: the ridge regressions of default-8 pull their ratings toward the middle (the usual shrinkage of a regression), so
answers the raters put at 良好 (4, anchored 75) scored about 65 and plain good stories landed just under the pass line
of 60, while the low end held (rated 2 → about 23, rated 3 → about 50).

How: every rated answer of the training folders (models/scorer/data without its held-out roles, and the seen sets a–f
that trained default-8) is scored through the whole pipeline with the base scorer, each folder read as unseen like
bench.results_snapshot does. On the competency rows scored 50 or more, a piecewise-linear map through (50, 50) and
(100, 100) with free values at the interior knots (KNOTS) is fitted by least squares to the raters' mean anchored
score — a regression calibration: the map gives the raters' expected anchored score of an answer scored there, so
it never claims more than the raters said. Below 50 the map is the identity (the low end is calibrated already, and
the bounds of 50 or less mean what their reasons say). The map is monotone, so the ranking of answers is unchanged.

    PYTHONPATH=. .venv/bin/python -m models.scorer.scale                           # fit and print, write nothing
    PYTHONPATH=. .venv/bin/python -m models.scorer.scale --write default-9         # … and write the knots there
    PYTHONPATH=. .venv/bin/python -m models.scorer.scale --snapshot base.json      # rows from a results snapshot

bench/scale.py measures the shipped map end to end on the folders it was not fitted on.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parent / "manifest.json"
FIT_FOLDERS = ("data",) + tuple(f"unseen-roles-{k}" for k in "abcdef")   # default-8's training folders
KNEE = 50.0        # identity below: the low end of the scale is calibrated already
KNOTS = (75.0,)    # interior knots; (65, 80) and (60, 70, 80, 90) fit the same to within 1 point of RMSE


def anchored(rating: float) -> float:
    """A 1–5 rating (the raters' mean) → its anchored 0–100 score."""
    return 25.0 * (rating - 1.0)


def folder_path(name: str) -> Path:
    return HERE / name if name == "data" else HERE / "eval" / name


def answers_of(results: dict, folders, read=lambda name, answer: not answer.held_out):
    """(folder, answer, result) of every non-derived answer of `folders` that `read(folder, answer)` keeps (by default
    not of a held-out role) and `results` {"<folder>/<answer id>": pipeline result} holds."""
    from models.scorer import dataset

    for name in folders:
        for a in dataset.load(folder_path(name)):
            r = results.get(f"{name}/{a.id}")
            if a.source is None and r is not None and read(name, a):
                yield name, a, r


def rows_from(results: dict, folders, read=lambda name, answer: not answer.held_out) -> list[tuple[float, float, str, str]]:
    """(score, anchored label, kind, folder) per rated competency of every scored answer answers_of(…) yields."""
    out = []
    for name, a, r in answers_of(results, folders, read):
        if r.get("status") != "scored":
            continue
        for comp in r["competencies"]:
            label = a.label(comp["name"], "ratings")
            if label is not None:
                out.append((float(comp["score"]), anchored(label), a.kind or "", name))
    return out


def score_folders(folders, scorer: str) -> dict:
    """{"<folder>/<answer id>": result} of every answer of `folders`, scored by `scorer`, each folder read as unseen."""
    from functions.analyze import pipeline
    from functions.analyze.scoring import question_fit
    from functions.analyze.scoring.answer import warm_up

    warm_up()
    results = {}
    for name in folders:
        folder = folder_path(name)
        questions = {q["qid"]: q for q in json.loads((folder / "questions.json").read_text(encoding="utf-8"))}
        with question_fit.leave_out([name]):
            for line in (folder / "answers.jsonl").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    a = json.loads(line)
                    q = questions[a["qid"]]
                    results[f"{name}/{a['id']}"] = pipeline.analyze_transcript(
                        a["text"], q, q.get("language", "zh"), scorer_version=scorer)
    return results


def _basis(x: np.ndarray, knots) -> tuple[np.ndarray, np.ndarray]:
    """Piecewise-linear interpolation through (KNEE, KNEE), the knots and (100, 100) as (B, c): value = B @ v + c for
    the values v at the interior knots."""
    points = (KNEE,) + tuple(knots) + (100.0,)
    B, c = np.zeros((len(x), len(knots))), np.zeros(len(x))
    fixed = {0: KNEE, len(points) - 1: 100.0}
    for j, (lo, hi) in enumerate(zip(points, points[1:])):
        inside = (x >= lo) & ((x <= hi) if j == len(points) - 2 else (x < hi))
        t = (x[inside] - lo) / (hi - lo)
        for k, w in ((j, 1.0 - t), (j + 1, t)):
            if k in fixed:
                c[inside] += w * fixed[k]
            else:
                B[inside, k - 1] += w
    return B, c


def fit(rows, knots=KNOTS) -> list[list[float]]:
    """Knots [[score, anchored score], …] from (0, 0) through the fitted interior knots to (100, 100): least squares on
    the rows scored KNEE or more. Raises ValueError when the fit is not increasing (too few rows above the knee)."""
    x = np.array([r[0] for r in rows if r[0] >= KNEE])
    y = np.array([r[1] for r in rows if r[0] >= KNEE])
    B, c = _basis(x, knots)
    v, *_ = np.linalg.lstsq(B, y - c, rcond=None)
    ys = [KNEE] + [float(round(t, 1)) for t in v] + [100.0]
    if any(b <= a for a, b in zip(ys, ys[1:])):
        raise ValueError(f"the scale map is not increasing: {ys} from {len(x)} rows")
    return [[0.0, 0.0]] + [[float(a), b] for a, b in zip((KNEE,) + tuple(knots) + (100.0,), ys)]


def mapped(scores, knots) -> np.ndarray:
    xs, ys = zip(*knots)
    return np.interp(np.asarray(scores, dtype=np.float64), xs, ys)


def groups(rows, honest_kinds) -> tuple[np.ndarray, np.ndarray, tuple]:
    """(scores, anchored labels, (("honest", mask), ("every kind", mask))) of rows (score, label, kind, …)."""
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    honest = np.array([r[2] in honest_kinds for r in rows])
    return x, y, (("honest", honest), ("every kind", np.ones(len(rows), bool)))


def by_rating(y: np.ndarray, sel: np.ndarray):
    """(rating, mask) for each rounded rating 1–5 present among the rows `sel` (labels `y` on the anchored scale)."""
    for rating in (1, 2, 3, 4, 5):
        k = sel & (np.round(y / 25.0 + 1.0 + 1e-9) == rating)
        if k.any():
            yield rating, k


def report(rows, knots, title: str, honest_kinds) -> None:
    """Per rounded rating: mean score before → after the map and the share at or over the pass line (60); and the
    bias and RMSE against the anchored labels of the rows scored 50 or more."""
    if not rows:
        return
    x, y, selections = groups(rows, honest_kinds)
    m = mapped(x, knots)
    print(f"{title}: {len(rows)} rated competency rows ({int(selections[0][1].sum())} of honest kinds)")
    for name, sel in selections:
        parts = [f"{rating} (anchor {anchored(rating):.0f}, n {int(k.sum())}): {x[k].mean():.1f} → {m[k].mean():.1f}, "
                 f"≥60 {np.mean(x[k] >= 60):.2f} → {np.mean(m[k] >= 60):.2f}" for rating, k in by_rating(y, sel)]
        print(f"  {name}: " + "; ".join(parts))
        top = sel & (x >= KNEE)
        if top.any():
            print(f"  {name}, scored ≥ {KNEE:.0f} (n {int(top.sum())}): bias {np.mean(x[top] - y[top]):+.2f} → "
                  f"{np.mean(m[top] - y[top]):+.2f}, RMSE {np.sqrt(np.mean((x[top] - y[top]) ** 2)):.2f} → "
                  f"{np.sqrt(np.mean((m[top] - y[top]) ** 2)):.2f}; all rows RMSE "
                  f"{np.sqrt(np.mean((x[sel] - y[sel]) ** 2)):.2f} → {np.sqrt(np.mean((m[sel] - y[sel]) ** 2)):.2f}")


def write(name_version: str, base: str, knots, rows: int) -> None:
    """Put the knots into the manifest entry `name_version` ("default-9"), created as a copy of `base`'s entry (same
    ONNX file, features and wording model) when missing."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    listed = manifest["scorer"]
    label = lambda e: f"{e['name']}-{e['version']}"   # noqa: E731
    entry = next((e for e in listed if label(e) == name_version), None)
    if entry is None:
        source = next(e for e in listed if label(e) == base)
        name, version = name_version.rsplit("-", 1)
        entry = dict(source, name=name, version=int(version))
        listed.append(entry)
    entry["output"] = "rating 1–5 → score (rating − 1) × 25 → the scale map (\"scale\") onto the raters' anchored scale"
    entry["scale"] = {"knots": knots, "base": base, "fitted_on": list(FIT_FOLDERS), "rows": rows,
                      "method": f"least squares, piecewise linear through ({KNEE:.0f}, {KNEE:.0f}) and (100, 100) "
                                f"on the rated competency rows scored ≥ {KNEE:.0f}; identity below "
                                "(models/scorer/scale.py)"}
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    from bench.scoring import HONEST

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="default-8", help="the scorer whose scores are mapped")
    ap.add_argument("--snapshot", type=Path, help="a bench.results_snapshot file made with --base (skips scoring)")
    ap.add_argument("--write", metavar="NAME-VERSION", help="write the knots into this manifest entry")
    args = ap.parse_args(argv)
    results = json.loads(args.snapshot.read_text(encoding="utf-8")) if args.snapshot \
        else score_folders(FIT_FOLDERS, args.base)
    rows = rows_from(results, FIT_FOLDERS)
    knots = fit(rows)
    print("knots:", knots)
    for other in ((65.0, 80.0), (60.0, 70.0, 80.0, 90.0)):
        print(f"  (interior knots {other}: {fit(rows, other)[2:-1]})")
    report(rows, knots, "fitted on (in sample)", HONEST)
    if args.write:
        write(args.write, args.base, knots, len([r for r in rows if r[0] >= KNEE]))
        print(f"written to {MANIFEST} as {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
