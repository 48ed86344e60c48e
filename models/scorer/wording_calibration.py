"""Put every language's wording rating on one scale: the calibration of the wording model per language.

    PYTHONPATH=. .venv/bin/python -m models.scorer.wording_calibration            # print the fit
    PYTHONPATH=. .venv/bin/python -m models.scorer.wording_calibration --write    # … and store it in the manifest

The wording model (functions/analyze/scoring/wording.py) is one ridge on the character n-grams of every
language, fitted on far fewer English and Korean answers than Chinese ones. Out of fold — each question rated
by a model that never saw it, as every interview question is at run time — its English and Korean ratings
follow the raters about as closely as its Chinese ones (correlation 0.79 en, 0.87 ko, 0.81 zh on default-8's
training rows) but spread a third to a half as wide (sd 0.33 en, 0.44 ko, 0.84 zh): the ridge shrinks what it
learnt from few rows towards its intercept. The scorer reads the wording with one coefficient learnt mostly on
Chinese rows, so an English or Korean strong story, rated by the wording like a Chinese good one, scored about
15 points below a Chinese strong story with the same content features.

The fit (one row per answer and competency, training rows only, no derived copies, out-of-fold wording): the
rows are put in groups by the raters' rating (GROUPS: 1–2.25, 2.25–3.25, 3.25–4.25, 4.25–5 — the wording does
not tell a poor answer from a vague one in any language, so they are one group); in each group the language's
mean wording rating is matched to the reference language's mean in the same group (a knot), the map is linear
between knots and keeps the raw difference (slope 1) beyond the outer ones — so answers the raters rated alike
get the same wording rating whatever their language, and nothing is extrapolated past where the languages were
compared (a straight line fitted over all rows sent vague English answers below poor ones). The reference is
Chinese (most rows: the scorer's own wording coefficient was learnt on its scale), whose map is the identity; a
language with fewer than MIN_ROWS rows or a correlation below MIN_CORRELATION keeps its raw rating. The map
stretches a language's ratings around the groups' own means: answers the raters rated low stay where Chinese
ones rated low are, strong ones go up, so it is a change of scale, not a bonus. models/scorer/train.py stores a new fit with
every wording model it writes; this module recomputes it for the installed one (same rows, same folds).
"""
from __future__ import annotations

import argparse
import json
import sys

import numpy as np

REFERENCE = "zh"
MIN_ROWS = 100        # a language with fewer training rows keeps its raw rating
MIN_CORRELATION = 0.5
MIN_GROUP = 10        # rows a rating group needs in a language to give a knot
# the raters' rating groups whose mean wording ratings are matched: the wording tells a poor or off-topic answer
# from a vague one in no language (zh 2.19 against 2.26, en 2.44 against 2.43), so they are one group
GROUPS = ((1.0, 2.25), (2.25, 3.25), (3.25, 4.25), (4.25, 5.0))


def fit(ratings, labels, languages, reference: str = REFERENCE) -> dict:
    """The manifest's "calibration" record from out-of-fold wording ratings (1–5), the raters' ratings and the
    rows' languages: {"reference", "method", "groups", "languages": {language: {"knots": [[rating, reference
    rating], …], "rows", "correlation", "sd_raw"}}}; the reference and too-thin languages are left out
    (identity)."""
    w, y, lang = np.asarray(ratings, dtype=np.float64), np.asarray(labels, dtype=np.float64), np.asarray(languages)

    def means(mask) -> list:
        out = []
        for lo, hi in GROUPS:
            m = mask & (y > lo if lo > 1.0 else y >= lo) & (y <= hi)
            out.append((float(w[m].mean()), int(m.sum())) if m.any() else (None, 0))
        return out

    ref = lang == reference
    ref_means = means(ref)
    out = {"reference": reference,
           "method": "the mean out-of-fold wording rating of the training rows in each group of the raters' rating "
                     f"{[list(g) for g in GROUPS]} (a knot: the language's mean → the reference's mean); between "
                     "knots linear, beyond the outer knots the raw difference kept (slope 1)",
           "reference_fit": {"rows": int(ref.sum()), "correlation": round(float(np.corrcoef(w[ref], y[ref])[0, 1]), 3),
                             "sd_raw": round(float(w[ref].std()), 3),
                             "group_means": [None if m is None else round(m, 3) for m, _ in ref_means]},
           "languages": {}}
    for language in sorted(set(lang.tolist()) - {reference}):
        m = lang == language
        if m.sum() < MIN_ROWS or w[m].std() == 0:
            continue
        corr = float(np.corrcoef(w[m], y[m])[0, 1])
        if corr < MIN_CORRELATION:
            continue
        knots = []
        for (x, n), (t, n_ref) in zip(means(m), ref_means):
            if x is None or t is None or n < MIN_GROUP or n_ref < MIN_GROUP:
                continue
            if knots and (x <= knots[-1][0] or t <= knots[-1][1]):
                continue    # monotone: a group that does not rate higher than the one below gives no knot
            knots.append([round(x, 4), round(t, 4)])
        if len(knots) >= 2:
            out["languages"][language] = {"knots": knots, "rows": int(m.sum()), "correlation": round(corr, 3),
                                          "sd_raw": round(float(w[m].std()), 3)}
    return out


def out_of_fold() -> tuple:
    """(out-of-fold wording ratings, labels, languages) of the training rows of models/scorer/train.py (the data
    and its EXTRA sets; held-out roles and derived copies left out), its folds and wording texts."""
    from functions.analyze.scoring import wording

    from . import dataset, train

    answers = dataset.load(dataset.DATA)
    for folder in train.EXTRA:
        answers += dataset.load(folder)
    _, y, qids, held, _, ids, _ = train.featurise(answers, "ratings")
    by_id = {a.id: a for a in answers}
    keys = [wording.text_key(t, by_id[i].language) for t, i in zip(train._WORDING_TEXT, ids)]
    oof = train.wording_out_of_fold(keys, y, qids, ~held)
    keep = ~held & ~np.array(train._DERIVED, dtype=bool)
    return oof[keep], y[keep], np.array([by_id[i].language for i in ids])[keep]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true",
                    help="store the fit under the newest default scorer's wording record in models/manifest.json")
    args = ap.parse_args(argv)
    w, y, lang = out_of_fold()
    record = fit(w, y, lang)
    print(json.dumps(record, ensure_ascii=False, indent=2))
    if args.write:
        from . import train

        manifest = json.loads(train.MANIFEST.read_text(encoding="utf-8"))
        entry = sorted((e for e in manifest["scorer"] if e["name"] == "default" and e.get("wording")),
                       key=lambda e: e["version"])[-1]
        entry["wording"]["calibration"] = record
        train.MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"written to default-{entry['version']}'s wording record in {train.MANIFEST}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
