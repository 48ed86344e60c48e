"""Leave-one-set-out comparison of scorer recipes: does a better model exist with the data we have?

    PYTHONPATH=. .venv/bin/python -m models.scorer.experiments [--cache /tmp/scorer-features.pkl]

Folds: each of the four unseen-role sets (models/scorer/eval/unseen-roles-a..d) is the test set once; the model
trains on models/scorer/data (training roles, with their derived rows; the held-out roles stay out, as in
train.py) plus the other three sets. This mimics scoring new roles better than leave-one-question-out, whose
folds share roles with their training questions.

Figures per fold (answer level, as train.answer_metrics and bench.scoring count them: the overall after the
competency gap, gated answers lowest): graded ranking (pairs of honest answers to one question whose mean labels
differ by ≥ 1), hard pairs strong/good, good/vague, strong/vague; then the mean over the four folds, and the
pooled figure (all folds' pairs together). Baselines in the same run: characters only, keyword coverage only.

Candidates:
  a  ridge (signed)            default-4's recipe (train.make("ridge")), refit per fold
  a' forest (monotone)         train.make("forest"), refit per fold
  b  pairwise (signed)         logistic regression on within-question, within-competency feature differences of
                               rows whose labels differ by ≥ 0.5, coefficients' signs fixed by train.MONOTONE;
                               then y ≈ a·score + b on the training rows so it rates 1–5 (a linear model:
                               exports to ONNX as default-4 does)
  b+ pairwise + pointwise      the pairs and the rows' own labels (ridge) averaged
  c  ridge / pairwise + extras the 15 features plus a few from what features.analyse already counts
                               (extra_features below)
  d  boosted (monotone)        HistGradientBoostingRegressor, monotonic_cst from train.MONOTONE, shallow
  e  char n-grams stacked      ridge on character 1–3-grams of the answer (TF-IDF), its out-of-fold rating
                               added to the 15 features (explanations would no longer come from features only)
The features are computed once per answer and cached (--cache) since analyse is the slow part.
"""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

from functions.analyze.scoring import features as F
from functions.analyze.scoring import gates
from functions.analyze.scoring import wording as W
from functions.analyze.scoring.model import adjust_competencies, competency_strength, overall, rating_to_score

from . import dataset
from . import train as T

HERE = Path(__file__).resolve().parent
SETS = ["unseen-roles-a", "unseen-roles-b", "unseen-roles-c", "unseen-roles-d", "unseen-roles-e", "unseen-roles-f"]
BASE = [f for f in F.FEATURES if f != "wording"]   # the wording rating is candidate e's own, out of fold
EXTRA = ["concrete_log", "actions_log", "specific_words_log", "action_share", "on_topic_share",
         "keyword_coverage", "content_clauses_log"]
EXTRA_MONOTONE = {"concrete_log": 1, "actions_log": 1, "specific_words_log": 1, "action_share": 1,
                  "on_topic_share": 1, "keyword_coverage": 1, "content_clauses_log": 0}


def extra_features(analysis, index: int) -> dict:
    """Explainable extras from what analyse already counts: the unsaturated counts behind concreteness,
    specific_actions and specificity (log scale: 3 vs 6 numbers is still a difference), the share of content
    clauses that are specific actions and that touch the topic, the competency's keyword coverage, and how
    many content clauses the answer has."""
    c = analysis.counts
    cc = max(1, c["content_clauses"])
    details = analysis.competencies[index][2]
    # the off-topic / work-only factor analyse applied to the saturated counts (1 when on the question)
    scale = next((analysis.answer[f] / F._sat(c[n], k) for f, n, k in (
        ("concreteness", "concrete", 3), ("specific_actions", "specific_actions", 2.5),
        ("specificity", "specific_words", 8)) if c[n]), 1.0)
    return {"concrete_log": scale * np.log1p(c["concrete"]) / np.log(16),
            "actions_log": scale * np.log1p(c["specific_actions"]) / np.log(16),
            "specific_words_log": scale * np.log1p(c["specific_words"]) / np.log(40),
            "action_share": c["specific_actions"] / cc,
            "on_topic_share": min(1.0, c["on_topic_clauses"] / cc),
            "keyword_coverage": details["keyword_coverage"] or 0.0,
            "content_clauses_log": np.log1p(c["content_clauses"]) / np.log(30)}


def build(cache: Path | None) -> dict:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    groups = {"data": dataset.load(dataset.DATA)}
    for s in SETS:
        groups[s] = dataset.load(HERE / "eval" / s)
    for g in groups:
        groups[g] += dataset.transplants(groups[g])
    rows = []
    answers = {}
    for group, answers_ in groups.items():
        for ans in answers_:
            if group == "data" and ans.held_out:
                continue
            key = f"{group}/{ans.id}"
            answers[key] = {"group": group, "qid": f"{group}/{ans.qid}", "kind": ans.kind, "text": ans.text,
                            "derived": ans.derived, "question": ans.question,
                            "label": _answer_label(ans), "source": _source(group, ans)}
            words = [{"word": ans.text, "start": None, "end": None}]
            analysis = F.analyse(words, ans.language, ans.question)
            gated = gates.check(analysis, words, ans.language, audio=False) is not None
            answers[key]["gated"] = gated
            answers[key]["wording_text"] = F.wording_text(analysis, ans.question)
            weights = {c["name"]: c.get("weight", 1) for c in ans.question["competencies"]}
            for i, (comp, values, _) in enumerate(analysis.competencies):
                label = ans.label(comp.name, "ratings")
                if label is None:
                    continue
                row = F.competency_row(analysis, i)
                ex = extra_features(analysis, i)
                rows.append({"key": key, "group": group, "qid": answers[key]["qid"], "comp": comp.name,
                             "x": [row[f] for f in BASE], "extra": [ex[f] for f in EXTRA], "y": float(label),
                             "strength": competency_strength(values), "weight": weights.get(comp.name, 1),
                             "derived": ans.derived, "transplant": ans.derivation == "transplant"})
    out = {"rows": rows, "answers": answers}
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


def _source(group: str, ans) -> str | None:
    """A padded answer's source (eval sets: intended.jsonl "source") as an answer key."""
    if group == "data":
        return None
    meta = _META.setdefault(group, {r["id"]: r for r in dataset._jsonl(HERE / "eval" / group / "intended.jsonl")})
    src = meta.get(ans.id, {}).get("source")
    return f"{group}/{src}" if src else None


_META: dict = {}


def _answer_label(ans) -> float | None:
    vals = [ans.label(c["name"], "ratings") for c in ans.question["competencies"]]
    vals = [v for v in vals if v is not None]
    return sum(vals) / len(vals) if vals else None


# ---------------------------------------------------------------------------------------------- evaluation

def answer_scores(pred: np.ndarray, rows: list, answers: dict, detected: dict | None = None) -> dict:
    """answer key → overall 0–100 as the pipeline computes it (gated: −1). `detected`: answer key →
    {"off_topic": p, "reluctant": p} (fold_detectors) — the detectors' bounds are applied as answer.bound does;
    no other bound is (relevance, counter-evidence, closing and motivation questions stay out of the comparison)."""
    from functions.analyze.scoring import model as M

    least = 1.0 - np.exp(-M.OFF_TOPIC_VOUCH / 2.0) - 1e-9   # answer._names_competency
    ev = BASE.index("evidence")
    by: dict[str, list] = {}
    for p, r in zip(pred, rows):
        by.setdefault(r["key"], []).append((p, r))
    out = {}
    for key, items in by.items():
        if answers[key]["gated"]:
            out[key] = -1.0
            continue
        raw = [float(rating_to_score(p)) for p, _ in items]
        adjusted = adjust_competencies(raw, [r["strength"] for _, r in items])
        out[key] = overall([(r["weight"], s) for (_, r), s in zip(items, adjusted)])
        probs = (detected or {}).get(key)
        if probs:
            caps = [M.off_topic_cap(probs.get("off_topic"), vouched=any(r["x"][ev] >= least for _, r in items)),
                    M.reluctant_cap(probs.get("reluctant"))]
            caps = [c for c in caps if c is not None]
            if caps:
                out[key] = min(out[key], min(caps))
    return out


def fold_detectors(test_set: str, answers: dict) -> dict:
    """The detectors (models/scorer/detectors.py) fitted without `test_set` (detectors.fit_without), applied to
    that set's answers in each detector's language: answer key → {"off_topic": p, "reluctant": p}."""
    from functions.analyze.scoring import detectors as runtime

    from . import detectors as D

    out: dict = {}
    for name, model in D.fit_without(HERE / "eval" / test_set).items():
        language = D.DETECTORS[name].language
        keys = [k for k, a in answers.items() if a["group"] == test_set and a["question"].get("language", "zh") == language]
        if model is None or not keys:
            continue
        texts = [runtime.key(runtime.reads(D.DETECTORS[name].name, {"said": answers[k]["text"],
                                                                   "counted": answers[k].get("wording_text")}), language)
                 for k in keys]
        for k, p in zip(keys, model.predict_proba(texts)[:, 1]):
            out.setdefault(k, {})[D.DETECTORS[name].name] = float(p)
    return out


def ranking(score: dict, answers: dict) -> dict:
    """graded ranking and hard pairs over the answers in `score` (bench.scoring's definitions)."""
    by_q: dict[str, list] = {}
    for key in score:
        by_q.setdefault(answers[key]["qid"], []).append(key)
    right = total = 0
    hard = {name: [0, 0] for name, _, _ in T.HARD}
    for keys in by_q.values():
        honest = [k for k in keys if answers[k]["kind"] in T.HONEST and answers[k]["label"] is not None]
        for x in honest:
            for z in honest:
                if answers[x]["label"] - answers[z]["label"] >= 1:
                    total += 1
                    right += score[x] > score[z]
        for name, hi, lo in T.HARD:
            for x in (k for k in keys if answers[k]["kind"] in hi):
                for z in (k for k in keys if answers[k]["kind"] in lo):
                    hard[name][0] += 1
                    hard[name][1] += score[x] > score[z]
    # gaming answers (scored, not gated) that reach the pass line or outrank a strong answer; padded copies
    # that score more than 1 point above their source (bench.scoring's checks)
    from bench.scoring import GAMING, PADDED, PASS
    gaming = [k for k in score if answers[k]["kind"] in GAMING]
    passes = sum(score[k] >= PASS for k in gaming)
    outrank = sum(any(score[k] >= score[s] and score[k] >= 0 for s in by_q[answers[k]["qid"]]
                      if answers[s]["kind"] in ("strong", "short_strong")) for k in gaming)
    padded = [k for k in score if answers[k]["kind"] in PADDED and answers[k].get("source") in score]
    raised = sum(score[k] > score[answers[k]["source"]] + 1.0 for k in padded)
    return {"graded": (right, total), **{n: (r, t) for n, (t, r) in hard.items()},
            "gaming": (passes, outrank, len(gaming)), "padded": (raised, len(padded))}


# ------------------------------------------------------------------------------------------------- models

class SignedRidge:
    def __init__(self, signs, alpha=1.0):
        from sklearn.linear_model import Ridge
        self.sign = np.array([s or 1 for s in signs], dtype=np.float64)
        self.model = Ridge(alpha=alpha, positive=True)

    def fit(self, X, y, qid=None, comp=None):
        self.model.fit(X * self.sign, y)
        self.coef_, self.intercept_ = self.model.coef_ * self.sign, float(self.model.intercept_)
        return self

    def predict(self, X):
        return X @ self.coef_ + self.intercept_


def pairs_of(X, y, qid, comp, min_gap=0.5):
    """Feature differences (higher-rated minus lower-rated) of rows of one question and competency."""
    groups: dict = {}
    for i, g in enumerate(zip(qid, comp)):
        groups.setdefault(g, []).append(i)
    d, w = [], []
    for idx in groups.values():
        idx = np.array(idx)
        for a in idx:
            hi = idx[y[idx] - y[a] >= min_gap]
            if len(hi):
                d.append(X[hi] - X[a])
                w.append(np.minimum(y[hi] - y[a], 2.0))
    return np.vstack(d), np.concatenate(w)


class Pairwise:
    """Linear scorer from a pairwise logistic loss (signs fixed), rescaled to ratings by least squares.
    mix > 0 adds the pointwise ridge's coefficients (both on the rating scale) with that weight."""

    def __init__(self, signs, C=1.0, mix=0.0):
        self.sign = np.array([s or 1 for s in signs], dtype=np.float64)
        self.free = np.array([s == 0 for s in signs])
        self.C, self.mix, self.signs = C, mix, signs

    def fit(self, X, y, qid, comp):
        from scipy.optimize import minimize

        D, w = pairs_of(X, y, qid, comp)
        D = D * self.sign
        n = D.shape[1]
        lam = 1.0 / (self.C * len(D))

        def loss(beta):
            m = D @ beta
            l = np.logaddexp(0, -m)
            g = -(w * (1 - 1 / (1 + np.exp(-m)))) @ D
            return (w @ l) / len(D) + lam * (beta @ beta) / 2, g / len(D) + lam * beta

        bounds = [(None, None) if f else (0, None) for f in self.free]
        res = minimize(loss, np.full(n, 0.1), jac=True, method="L-BFGS-B", bounds=bounds)
        coef = res.x * self.sign
        s = X @ coef
        a, b = np.polyfit(s, y, 1)
        a = max(a, 1e-6)
        self.coef_, self.intercept_ = coef * a, b
        if self.mix:
            r = SignedRidge(self.signs).fit(X, y)
            self.coef_ = (1 - self.mix) * self.coef_ + self.mix * r.coef_
            self.intercept_ = (1 - self.mix) * self.intercept_ + self.mix * r.intercept_
        return self

    def predict(self, X):
        return X @ self.coef_ + self.intercept_


class _Wrapped:
    """An sklearn regressor behind the candidates' fit(X, y, qid, comp) / predict(X)."""
    model = None

    def fit(self, X, y, qid=None, comp=None):
        self.model.fit(X, y)
        return self

    def predict(self, X):
        return self.model.predict(X)


class Boosted(_Wrapped):
    def __init__(self, signs, **kw):
        from sklearn.ensemble import HistGradientBoostingRegressor
        params = dict(max_iter=150, learning_rate=0.05, max_depth=3, min_samples_leaf=20, l2_regularization=1.0,
                      early_stopping=False, random_state=0)
        params.update(kw)
        self.model = HistGradientBoostingRegressor(monotonic_cst=list(signs), **params)


class Forest(_Wrapped):
    def __init__(self, signs):
        from sklearn.ensemble import RandomForestRegressor
        self.model = RandomForestRegressor(n_estimators=120, max_depth=5, min_samples_leaf=4, max_features=0.6,
                                           monotonic_cst=list(signs), random_state=0, n_jobs=1)


class Blend:
    def __init__(self, *models):
        self.models = models

    def fit(self, X, y, qid=None, comp=None):
        for m in self.models:
            m.fit(X, y, qid, comp)
        return self

    def predict(self, X):
        return np.mean([m.predict(X) for m in self.models], axis=0)


def question_folds(qid, k: int = 5) -> np.ndarray:
    """Fold number (0..k−1) of every row: the sorted question ids dealt round-robin, so a question's rows share a
    fold."""
    fold = {q: i % k for i, q in enumerate(sorted(set(qid)))}
    return np.array([fold[q] for q in qid])


class CharStack:
    """Ridge on character 1–3-grams (fitted on the training rows' answer texts, normalised as at scoring time:
    functions/analyze/scoring/wording.text_key) whose rating, out of fold on the training rows (5 folds by
    question), is one more column for a signed ridge."""

    def __init__(self, signs, texts):
        self.signs, self.texts = list(signs) + [1], texts

    def _text_model(self):
        return T.wording_text_model()

    def fit(self, X, y, qid, comp, idx):
        texts = [self.texts[i] for i in idx]
        oof = np.zeros(len(y))
        f = question_folds(qid)
        for k in range(5):
            m = self._text_model().fit([t for t, ff in zip(texts, f) if ff != k], y[f != k])
            oof[f == k] = m.predict([t for t, ff in zip(texts, f) if ff == k])
        self.text = self._text_model().fit(texts, y)
        self.ridge = SignedRidge(self.signs).fit(np.column_stack([X, oof]), y)
        return self

    def predict(self, X, idx):
        t = self.text.predict([self.texts[i] for i in idx])
        return self.ridge.predict(np.column_stack([X, t]))


class CharResidual:
    """The explainable ridge plus a bounded wording term: a ridge on character 1–3-grams fitted to what the
    signed ridge leaves over (its out-of-fold residual on the training rows, 5 folds by question), added to
    the ridge's rating clipped to ±bound — so the wording can move a rating by at most `bound` (0.5 = half an
    anchor step, 12.5 points), and never carries an answer the features rate low."""

    def __init__(self, signs, texts, bound=0.5):
        self.signs, self.texts, self.bound = list(signs), texts, bound

    def fit(self, X, y, qid, comp, idx):
        texts = [self.texts[i] for i in idx]
        oof = np.zeros(len(y))
        f = question_folds(qid)
        for k in range(5):
            oof[f == k] = SignedRidge(self.signs).fit(X[f != k], y[f != k]).predict(X[f == k])
        self.ridge = SignedRidge(self.signs).fit(X, y)
        self.text = T.wording_text_model().fit(texts, y - oof)
        return self

    def predict(self, X, idx):
        r = self.text.predict([self.texts[i] for i in idx])
        return self.ridge.predict(X) + np.clip(r, -self.bound, self.bound)


class BoundedStack(CharStack):
    """The stacked wording model (CharStack) held within ±bound of the explainable ridge's own rating: the
    wording can move a rating by at most `bound` anchor steps from what the features say."""

    def __init__(self, signs, texts, bound=0.75, floor=False):
        super().__init__(signs, texts)
        self.base_signs, self.bound, self.floor = list(signs), bound, floor

    def fit(self, X, y, qid, comp, idx):
        super().fit(X, y, qid, comp, idx)
        self.base = SignedRidge(self.base_signs).fit(X, y)
        return self

    def predict(self, X, idx):
        base = self.base.predict(X)
        up = self.bound * (np.clip(base - 1.0, 0.0, 1.0) if self.floor else 1.0)
        return np.clip(super().predict(X, idx), base - self.bound, base + up)


def candidates():
    m15 = [T.MONOTONE[f] for f in BASE]
    mx = m15 + [EXTRA_MONOTONE[f] for f in EXTRA]
    return {
        "a  ridge (default-4 recipe)": ("base", lambda: SignedRidge(m15)),
        "a' forest (monotone, train.py's)": ("base", lambda: Forest(m15)),
        "b  pairwise logistic (signed)": ("base", lambda: Pairwise(m15)),
        "b+ pairwise + ridge, half each": ("base", lambda: Pairwise(m15, mix=0.5)),
        "c  ridge + extras": ("extra", lambda: SignedRidge(mx)),
        "c  pairwise + extras": ("extra", lambda: Pairwise(mx)),
        "d  boosted (monotone, depth 3)": ("base", lambda: Boosted(m15)),
        "d  boosted + extras": ("extra", lambda: Boosted(mx)),
        "d+ boosted and ridge averaged": ("base", lambda: Blend(Boosted(m15), SignedRidge(m15))),
        "e  char n-grams stacked on ridge": ("text", None),
        "e0 char n-grams alone (no features)": ("textonly", None),
        "f  ridge + wording residual ±0.25": ("residual", 0.25),
        "f  ridge + wording residual ±0.5": ("residual", 0.5),
        "f  ridge + wording residual ±0.75": ("residual", 0.75),
        "f  ridge + wording residual ±1.0": ("residual", 1.0),
        "g  ridge + counted-clause residual ±0.5": ("residual_counted", 0.5),
        "h  stacked within ±0.5 of ridge": ("bounded", 0.5),
        "h  stacked within ±0.75 of ridge": ("bounded", 0.75),
        "h  stacked within ±1.0 of ridge": ("bounded", 1.0),
        "h  stacked within ±1.5 of ridge": ("bounded", 1.5),
        "i  stacked within ±0.75, no lift from the floor": ("bounded_floor", 0.75),
        "i  stacked within ±1.0, no lift from the floor": ("bounded_floor", 1.0),
        "j  i ±1.0 with transplanted rows (rated 1)": ("bounded_floor", 1.0),
        "j  ridge with transplanted rows (rated 1)": ("base", lambda: SignedRidge(m15)),
    }


def run(data: dict, only: list | None = None, detectors: bool = False) -> dict:
    rows, answers = data["rows"], data["answers"]
    Xb = np.array([r["x"] for r in rows], dtype=np.float64)
    Xe = np.column_stack([Xb, np.array([r["extra"] for r in rows], dtype=np.float64)])
    y = np.array([r["y"] for r in rows])
    group = np.array([r["group"] for r in rows])
    qid = np.array([r["qid"] for r in rows])
    comp = np.array([r["comp"] for r in rows])
    derived = np.array([r["derived"] for r in rows])
    transplant = np.array([r.get("transplant", False) for r in rows])
    texts = [W.text_key(answers[r["key"]]["text"], answers[r["key"]]["question"].get("language", "zh"))
             for r in rows]
    counted = [W.text_key(answers[r["key"]]["wording_text"], answers[r["key"]]["question"].get("language", "zh"))
               for r in rows]
    results = {}
    m15 = [T.MONOTONE[f] for f in BASE]
    detected = {s: fold_detectors(s, answers) for s in SETS} if detectors else {}
    for name, (cols, factory) in candidates().items():
        if only and not any(name.startswith(o) for o in only):
            continue
        X = Xe if cols == "extra" else Xb
        folds = {}
        for test_set in SETS:
            # transplanted copies are scored (moved≥60), and train only where the candidate says so
            train = (group != test_set) & ~(transplant & ("with transplanted" not in name))
            # the set's own answers, and its transplanted copies (scored, never in the ranking: kind "transplant")
            test = (group == test_set) & (~derived | transplant)
            if cols == "textonly":
                tm = CharStack(m15, texts)._text_model().fit([texts[i] for i in np.where(train)[0]], y[train])
                pred = tm.predict([texts[i] for i in np.where(test)[0]])
            elif cols in ("residual", "residual_counted"):
                model = CharResidual(m15, texts if cols == "residual" else counted, bound=factory)
                model.fit(X[train], y[train], qid[train], comp[train], np.where(train)[0])
                pred = model.predict(X[test], np.where(test)[0])
            elif cols in ("bounded", "bounded_floor"):
                model = BoundedStack(m15, texts, bound=factory, floor=cols == "bounded_floor")
                model.fit(X[train], y[train], qid[train], comp[train], np.where(train)[0])
                pred = model.predict(X[test], np.where(test)[0])
            elif cols == "text":
                model = CharStack(m15, texts).fit(X[train], y[train], qid[train], comp[train], np.where(train)[0])
                pred = model.predict(X[test], np.where(test)[0])
            else:
                model = factory().fit(X[train], y[train], qid[train], comp[train])
                pred = model.predict(X[test])
            test_rows = [r for r, t in zip(rows, test) if t]
            scores = answer_scores(pred, test_rows, answers, detected.get(test_set))
            folds[test_set] = ranking(scores, answers)
            moved = [v for k, v in scores.items() if answers[k]["kind"] == "transplant"]
            folds[test_set]["transplant"] = (sum(v >= 60 for v in moved), len(moved), float(np.mean(moved or [0])))
        results[name] = folds
        print(f"  done: {name}", file=sys.stderr, flush=True)
    # baselines: characters, keyword coverage (answer level, ungated as bench.scoring computes them)
    from bench.scoring import chars, keyword_coverage

    class _A:   # the shape bench.scoring's baselines read
        def __init__(self, a):
            self.text, self.question = a["text"], a["question"]

    for name, fn in (("baseline: characters", chars), ("baseline: keyword coverage", keyword_coverage)):
        results[name] = {s: ranking({k: fn(_A(a)) for k, a in answers.items()
                                     if a["group"] == s and not a["derived"]}, answers)
                         for s in SETS}
    return results


def table(results: dict) -> str:
    keys = ["graded", "strong_vs_good", "good_vs_vague", "strong_vs_vague"]
    head = (f"{'candidate':<36} " + " ".join(f"{s[-1]:>6}" for s in SETS) +
            f" {'mean':>6} {'pooled':>7} | {'s/g':>5} {'g/v':>5} {'s/v':>5} | {'gaming≥60':>9} {'>strong':>7} {'padded+':>7}"
            f" | {'moved≥60':>8} {'mean':>5}")
    lines = [head, "-" * len(head)]
    for name, folds in results.items():
        per = [folds[s]["graded"][0] / folds[s]["graded"][1] for s in SETS]
        pooled = sum(folds[s]["graded"][0] for s in SETS) / sum(folds[s]["graded"][1] for s in SETS)
        hard = [np.mean([folds[s][k][0] / folds[s][k][1] for s in SETS if folds[s][k][1]]) for k in keys[1:]]
        g = [sum(folds[s]["gaming"][i] for s in SETS) for i in range(3)]
        pad = [sum(folds[s]["padded"][i] for s in SETS) for i in range(2)]
        tr = [sum(folds[s].get("transplant", (0, 0, 0))[i] for s in SETS) for i in range(2)]
        tr_mean = np.mean([folds[s]["transplant"][2] for s in SETS if folds[s].get("transplant", (0, 0))[1]] or [0])
        tail = ("" if name.startswith("baseline") else
                f" | {g[0]:>5}/{g[2]:<3} {g[1]:>7} {pad[0]:>4}/{pad[1]:<3} | {tr[0]:>4}/{tr[1]:<3} {tr_mean:5.1f}")
        lines.append(f"{name:<36} " + " ".join(f"{p:6.3f}" for p in per) + f" {np.mean(per):6.3f} {pooled:7.3f} | "
                     + " ".join(f"{h:5.3f}" for h in hard) + tail)
    lines.append("hard pairs s/g, g/v, s/v: mean over the folds; gaming≥60 / >strong: gaming answers (all folds) that "
                 "reach 60 / outrank a strong answer; padded+: padded copies > 1 point above their source; moved≥60: a "
                 "set's strong and good stories given to another role's question (dataset.transplants) that reach 60, "
                 "and their mean score")
    lines.append("")
    lines.append("hard pairs per fold (right/total), strong/good, good/vague, strong/vague:")
    for name, folds in results.items():
        lines.append(f"  {name:<34} " + "  ".join(
            s[-1] + " " + ",".join(f"{folds[s][k][0]}/{folds[s][k][1]}" for k in keys[1:]) for s in SETS))
    pairs = {s: next(iter(results.values()))[s]["graded"][1] for s in SETS}
    lines.append(f"graded pairs per fold: {pairs}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the computed features (read if present)")
    ap.add_argument("--only", nargs="*", default=None, help="candidate name prefixes to run (default: all)")
    ap.add_argument("--detectors", action="store_true",
                    help="apply the off-topic and reluctance detectors' bounds, fitted per fold without the test set")
    ap.add_argument("--sets", default="abcdef",
                    help="the seen sets that are folds, by letter (default abcdef; abcdefgh adds sessions 12–13's sets)")
    args = ap.parse_args(argv)
    SETS[:] = [f"unseen-roles-{k}" for k in args.sets]
    data = build(args.cache)
    n_rows = sum(not r["derived"] for r in data["rows"])
    print(f"leave-one-set-out: {n_rows} original rated rows "
          f"({sum(r['derived'] for r in data['rows'])} derived rows train only); answer-level graded ranking",
          flush=True)
    print(table(run(data, args.only, args.detectors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
