"""Train the default scorer on the labelled answer set and export it to ONNX.

    python -m models.scorer.train                    # labels: mean of the two raters (ratings_a/b.jsonl)
    python -m models.scorer.train --labels intended  # development only: the writer's intended grades

One row per (answer, competency): the content features of functions.analyze.scoring.features (answer-
level plus that competency's own), label = the mean of the two raters' 1–5 ratings of that competency.
Derived rows (models/scorer/data/derived.jsonl, made by models.scorer.dataset.derive from training roles only:
unpunctuated and recogniser-style copies, templates with invented numbers, padded copies — each with its
source's label) are training rows only, never evaluated. Leave-one-question-out prints, on the original rows
of the training roles, the rating metrics and the benchmark's answer-level figures (graded ranking, hard
pairs next to the character-count and keyword-coverage baselines, Spearman) for each competency-gap value;
`--cv-only` stops there (no export, no held-out figures).
Two small models are compared by leave-one-question-out on the training roles — a random forest of shallow trees
with monotone constraints (more evidence never lowers a score, negated evidence never raises it) and a
ridge regression with signed coefficients — and the better one (graded ranking, then Spearman) is fitted on all training
roles and exported. The held-out roles (models.scorer.dataset.HELD_OUT_ROLES) are only evaluated.
The seen evaluation sets (EXTRA: models/scorer/eval/unseen-roles-a to -e; `--extra` with no folder for none)
train and are evaluated leave-one-question-out with the training roles; FEATURE_SETS (default-3's 14
features, or those plus topic_similarity) × the two models are compared, and default-3 as shipped is scored
on the same rows for comparison.
`--model boosted_ridge` skips that comparison and fits the boosted candidate of session 10 instead: the mean of a shallow
monotone HistGradientBoosting model and the signed ridge, chosen by leave-one-set-out over the four unseen-role
sets (models/scorer/experiments.py; figures in MODEL_CARD.md); `--no-manifest` writes its entry next to the
model (default-<version>.json) instead of into the manifest, where the newest default becomes the default.
`--model bounded_wording --bound 1` (default-7, shipped in session 11): the signed ridge on all 16 features (the
"stack", the wording column out of fold, its text model written as for wording_ridge) held within ±bound anchor
steps of the signed ridge on the 15 explainable features (the "base"), with no lift above a base at the floor
(_BoundedWording; exported as a hand-built ONNX graph). Trained on the data and sets a–e (EXTRA).
`--model wording_ridge` (the session-10 default-6 candidate, models/scorer/MODEL_CARD.md; not shipped): the signed ridge on
all 16 features, the `wording` column out of fold (wording_out_of_fold: 5 folds by question, never from an
installed wording model), and the wording text model fitted on all training rows, written to
wording-<version>.npz and listed with its sha256 under the entry's "wording".
Writes models/scorer/default-<version>.onnx and its manifest entry (features, baseline = training
median, metrics, labels used).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from functions.analyze.scoring import features as F
from functions.analyze.scoring import gates

from . import dataset

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parent / "manifest.json"
# +1: more of it never lowers the rating; −1: never raises it; 0: free
MONOTONE = {"concreteness": 1, "specific_actions": 1, "outcome": 1, "story_order": 1, "relevance": 1,
            "specificity": 1, "generalities": -1, "event_share": 1, "reluctance": -1, "topic_similarity": 1,
            "wording": 1, "evidence": 1, "evidence_specific": 1, "negative_evidence": -1, "anchor_match": 1, "evidence_relative": 1}
# the seen evaluation sets (models/scorer/eval/README.md) train too; a sealed set is never listed here
EXTRA = tuple(HERE / "eval" / f"unseen-roles-{k}" for k in "abcdef")   # default-8's training sets
# candidate feature lists compared by leave-one-question-out (the first is default-3's)
FEATURE_SETS = {"default-3": [f for f in F.FEATURES if f not in ("topic_similarity", "wording")],
                "with_topic_similarity": [f for f in F.FEATURES if f != "wording"]}
WORDING_SET = "with_wording"   # every feature, the wording column out of fold (--model wording_ridge)
_COLUMNS = list(F.FEATURES)   # the columns of the current fit (make(), export())


def featurise(answers: list[dataset.Answer], source: str):
    """(X, y, qids, held_out, gated, ids, competencies) over every rated (answer, competency)."""
    X, y, qids, held, gated, ids, comps = [], [], [], [], [], [], []
    global _DERIVED, _WORDING_TEXT
    _DERIVED, _WORDING_TEXT = [], []
    for ans in answers:
        words = [{"word": ans.text, "start": None, "end": None}]
        analysis = F.analyse(words, ans.language, ans.question)
        gate = gates.check(analysis, words, ans.language, audio=False)
        for i, (comp, _, _) in enumerate(analysis.competencies):
            label = ans.label(comp.name, source)
            if label is None:
                continue
            row = F.competency_row(analysis, i)
            X.append([row[f] for f in F.FEATURES])
            y.append(float(label))
            qids.append(ans.qid)
            held.append(ans.held_out)
            gated.append(gate is not None)
            ids.append(ans.id)
            comps.append(comp.name)
            _DERIVED.append(ans.derived)
            _WORDING_TEXT.append(F.wording_text(analysis, ans.question))
    return (np.array(X, dtype=np.float32), np.array(y, dtype=np.float32), np.array(qids), np.array(held),
            np.array(gated), ids, comps)


HONEST = ("strong", "short_strong", "good", "adequate", "vague", "vague_long", "poor", "off_topic", "case_variant",
          "asr_unpunctuated", "dialect_or_tech")
HARD = [("strong_vs_good", ("strong", "short_strong"), ("good",)),
        ("good_vs_vague", ("good",), ("vague", "vague_long")),
        ("strong_vs_vague", ("strong", "short_strong"), ("vague", "vague_long"))]


def answer_metrics(pred_rows: np.ndarray, ids: list, comps: list, gated: np.ndarray,
                   answers: dict) -> dict:
    """The benchmark's answer-level figures from per-row predictions (1–5): the answer's overall is the
    weighted mean of its competencies' 0–100 scores after the competency adjustment
    (functions.analyze.scoring.model.adjust_competencies), a gated answer ranks lowest. Graded ranking
    over honest answers whose mean labels differ by ≥ 1, hard pairs by kind, Spearman of overall vs label."""
    from scipy.stats import spearmanr

    from functions.analyze.scoring.model import adjust_competencies, overall, rating_to_score

    rows: dict[str, list] = {}
    for k, aid in enumerate(ids):
        rows.setdefault(aid, []).append(k)
    score, label = {}, {}
    for aid, ks in rows.items():
        ans = answers[aid]
        if gated[ks[0]]:
            score[aid] = -1.0
        else:
            weights = {c["name"]: c.get("weight", 1) for c in ans.question["competencies"]}
            raw = [float(rating_to_score(pred_rows[k])) for k in ks]
            adjusted = adjust_competencies(raw, [_EVIDENCE[aid][comps[k]] for k in ks])
            score[aid] = overall([(weights.get(comps[k], 1), s) for k, s in zip(ks, adjusted)])
        vals = [ans.label(comps[k], "ratings") for k in ks]
        vals = [v for v in vals if v is not None]
        label[aid] = sum(vals) / len(vals) if vals else None
    by_q: dict[str, list] = {}
    for aid in rows:
        by_q.setdefault(answers[aid].qid, []).append(answers[aid])
    from bench.scoring import chars, keyword_coverage

    right = total = 0
    hard = {name: [0, 0] for name, _, _ in HARD}
    base = {name: [0, 0] for name, _, _ in HARD}   # baselines on the same pairs: characters, keyword coverage
    for qa in by_q.values():
        honest = [a for a in qa if a.kind in HONEST and label[a.id] is not None]
        for x in honest:
            for z in honest:
                if label[x.id] - label[z.id] >= 1:
                    total += 1
                    right += score[x.id] > score[z.id]
        for name, hi, lo in HARD:
            for x in (a for a in qa if a.kind in hi):
                for z in (a for a in qa if a.kind in lo):
                    hard[name][0] += 1
                    hard[name][1] += score[x.id] > score[z.id]
                    base[name][0] += chars(x) > chars(z)
                    base[name][1] += keyword_coverage(x) > keyword_coverage(z)
    honest_ids = [aid for aid in rows if answers[aid].kind in HONEST and label[aid] is not None]
    return {"graded_ranking": round(right / total, 3) if total else None, "graded_pairs": total,
            **{name: round(r / n, 3) if n else None for name, (n, r) in hard.items()},
            "baselines_chars_keywords": {name: [round(c / hard[name][0], 3), round(k / hard[name][0], 3)]
                                         for name, (c, k) in base.items() if hard[name][0]},
            "spearman_answers": round(float(spearmanr([label[a] for a in honest_ids],
                                                      [score[a] for a in honest_ids]).statistic), 3)}


_DERIVED: list = []    # per row of the last featurise(): a derived copy (models/scorer/data/derived.jsonl)?
_WORDING_TEXT: list = []   # per row of the last featurise(): the text the wording model reads (F.wording_text)
_EVIDENCE: dict = {}   # answer id → {competency: evidence strength} (filled by featurise_evidence)


def featurise_evidence(answers: list[dataset.Answer]) -> None:
    from functions.analyze.scoring.model import competency_strength

    for ans in answers:
        analysis = F.analyse([{"word": ans.text}], ans.language, ans.question)
        _EVIDENCE[ans.id] = {comp.name: competency_strength(values) for comp, values, _ in analysis.competencies}


def wording_text_model():
    """The wording model (functions/analyze/scoring/wording.py) as scikit-learn fits it: TF-IDF of the
    normalised text's character 1–3-grams (sublinear tf, l2) and a ridge."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline

    from functions.analyze.scoring import wording

    return make_pipeline(TfidfVectorizer(analyzer="char", ngram_range=wording.NGRAMS, min_df=2, sublinear_tf=True,
                                         lowercase=False), Ridge(alpha=3.0))


WORDING_FOLDS = 5


def wording_out_of_fold(keys: list[str], y: np.ndarray, qids: np.ndarray, fit_rows: np.ndarray) -> np.ndarray:
    """Every row's wording rating from a model that never saw its question: the fit_rows' questions in
    WORDING_FOLDS folds (sorted question ids, k mod 5), each predicted by a model fitted on the other folds'
    fit_rows; rows outside fit_rows (held out) by a model fitted on all fit_rows. Clipped to 1–5 as at
    scoring time."""
    out = np.zeros(len(y), dtype=np.float64)
    uq = sorted(set(qids[fit_rows]))
    fold_of = {q: k % WORDING_FOLDS for k, q in enumerate(uq)}
    fold = np.array([fold_of.get(q, -1) for q in qids])
    for k in range(WORDING_FOLDS):
        train = fit_rows & (fold != k)
        test = fit_rows & (fold == k)
        if test.any():
            m = wording_text_model().fit([keys[i] for i in np.where(train)[0]], y[train])
            out[test] = m.predict([keys[i] for i in np.where(test)[0]])
    if (~fit_rows).any():
        m = wording_text_model().fit([keys[i] for i in np.where(fit_rows)[0]], y[fit_rows])
        out[~fit_rows] = m.predict([keys[i] for i in np.where(~fit_rows)[0]])
    return np.clip(out, 1.0, 5.0)


def save_wording(pipe, path: Path) -> dict:
    """The fitted wording pipeline → the numpy artefact wording.py reads; its manifest record."""
    from functions.analyze.scoring import wording

    tfidf, ridge = pipe.steps[0][1], pipe.steps[1][1]
    vocab = [None] * len(tfidf.vocabulary_)
    for g, j in tfidf.vocabulary_.items():
        vocab[j] = g
    wording.save(path, vocab, tfidf.idf_, ridge.coef_, float(ridge.intercept_))
    data = path.read_bytes()
    return {"file": str(path.relative_to(HERE.parent)) if path.is_relative_to(HERE.parent) else str(path),
            "sha256": hashlib.sha256(data).hexdigest(), "size_bytes": len(data), "ngrams": len(vocab),
            "model": "Ridge (alpha 3) on TF-IDF of character 1–3-grams (sublinear tf, l2, min_df 2) of "
                     "wording.text_key(answer)"}


ONNX_IR_VERSION = 8   # what onnxruntime in the packaged analyzer reads (≤ 9); skl2onnx's default-4 is IR 8
WORDING_BOUND = 1.0   # anchor steps the wording term may move a rating from the explainable ridge's (--bound)


def make(kind: str):
    if kind == "bounded_wording":
        return _BoundedWording(WORDING_BOUND)
    if kind == "boosted_ridge":
        return _BoostedRidge()
    if kind == "forest":
        from sklearn.ensemble import RandomForestRegressor

        return RandomForestRegressor(n_estimators=120, max_depth=5, min_samples_leaf=4, max_features=0.6,
                                     monotonic_cst=[MONOTONE[f] for f in _COLUMNS], random_state=0, n_jobs=1)
    return _SignedRidge()


class _SignedRidge:
    """Ridge with every coefficient's sign fixed by MONOTONE (features flipped, positive=True)."""

    def __init__(self):
        from sklearn.linear_model import Ridge

        self.sign = np.array([MONOTONE[f] or 1 for f in _COLUMNS], dtype=np.float32)
        self.model = Ridge(alpha=1.0, positive=True)

    def fit(self, X, y):
        self.model.fit(X * self.sign, y)
        return self

    def predict(self, X):
        return self.model.predict(X * self.sign)

    def to_sklearn(self):
        """An equivalent plain Ridge (signs folded into the coefficients), for skl2onnx."""
        from sklearn.linear_model import Ridge

        plain = Ridge(alpha=1.0)
        plain.coef_ = self.model.coef_ * self.sign
        plain.intercept_ = self.model.intercept_
        plain.n_features_in_ = len(self.sign)
        return plain


class _BoundedWording:
    """The session-11 scorer: the signed ridge on every feature with the wording column (the "stack"), held
    near the signed ridge on the explainable features alone (the "base"):

        rating = min(max(stack(x), base(x) − bound), base(x) + bound · clip(base(x) − 1, 0, 1))

    The features say where an answer stands; how it is worded may move it by at most `bound` anchor steps (1.0 =
    one step, 25 points), and may not lift at all an answer the features put at the floor (a refusal, nothing
    of substance): words alone never carry an answer. models/scorer/experiments.py, candidates h and i
    (leave-one-set-out over sets a–e)."""

    def __init__(self, bound: float):
        self.bound = float(bound)
        self.stack, self.base = _SignedRidge(), _SignedRidge()

    def _base_columns(self, X):
        return np.delete(X, _COLUMNS.index("wording"), axis=1)

    def fit(self, X, y):
        self.stack.fit(X, y)
        self.base.sign = np.delete(self.stack.sign, _COLUMNS.index("wording"))
        self.base.fit(self._base_columns(X), y)
        return self

    def predict(self, X):
        base = self.base.predict(self._base_columns(X))
        lift = self.bound * np.clip(base - 1.0, 0.0, 1.0)
        return np.clip(self.stack.predict(X), base - self.bound, base + lift)

    def linear_parts(self):
        """(stack coefficients, stack intercept, base coefficients over every column (0 for wording),
        base intercept) on the raw feature scale."""
        stack = self.stack.to_sklearn()
        base = self.base.to_sklearn()
        coef = np.insert(np.asarray(base.coef_, dtype=np.float64), _COLUMNS.index("wording"), 0.0)
        return (np.asarray(stack.coef_, dtype=np.float64), float(stack.intercept_), coef, float(base.intercept_))


def _export_bounded(model: _BoundedWording):
    """The bounded wording scorer as an ONNX graph (opset 17): MatMul+Add for the stack and the base, the
    lift allowed above the base Clip(base − 1, 0, 1) × bound, then Min/Max."""
    from onnx import TensorProto, helper, numpy_helper

    ws, bs, wb, bb = model.linear_parts()
    n = len(_COLUMNS)
    consts = {"stack_coef": np.reshape(ws, (n, 1)), "stack_intercept": [bs], "base_coef": np.reshape(wb, (n, 1)),
              "base_intercept": [bb], "one": [1.0], "zero": 0.0, "unit": 1.0, "bound": [model.bound]}
    inits = [numpy_helper.from_array(np.asarray(v, dtype=np.float32), k) for k, v in consts.items()]
    nodes = [helper.make_node("MatMul", ["features", "stack_coef"], ["stack_mm"]),
             helper.make_node("Add", ["stack_mm", "stack_intercept"], ["stack"]),
             helper.make_node("MatMul", ["features", "base_coef"], ["base_mm"]),
             helper.make_node("Add", ["base_mm", "base_intercept"], ["base"]),
             helper.make_node("Sub", ["base", "one"], ["above_floor"]),
             helper.make_node("Clip", ["above_floor", "zero", "unit"], ["lift_share"]),
             helper.make_node("Mul", ["lift_share", "bound"], ["lift"]),
             helper.make_node("Add", ["base", "lift"], ["high"]),
             helper.make_node("Sub", ["base", "bound"], ["low"]),
             helper.make_node("Min", ["stack", "high"], ["capped"]),
             helper.make_node("Max", ["capped", "low"], ["variable"])]
    graph = helper.make_graph(nodes, "bounded_wording",
                              [helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, n])],
                              [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])], inits)
    onx = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="miaomian-train")
    # IR 8, as skl2onnx writes the other scorers: the analyzer package's onnxruntime reads IR ≤ 9 (tests/deploy)
    onx.ir_version = ONNX_IR_VERSION
    return onx


class _BoostedRidge:
    """The boosted candidate (models/scorer/experiments.py, leave-one-set-out): the mean of a shallow monotone
    gradient-boosted model (HistGradientBoosting, monotonic_cst from MONOTONE) and the signed ridge. Both parts
    are monotone in every constrained feature, so their mean is too."""

    def __init__(self):
        from sklearn.ensemble import HistGradientBoostingRegressor

        self.boosted = HistGradientBoostingRegressor(
            max_iter=150, learning_rate=0.05, max_depth=3, min_samples_leaf=20, l2_regularization=1.0,
            monotonic_cst=[MONOTONE[f] for f in _COLUMNS], early_stopping=False, random_state=0)
        self.ridge = _SignedRidge()

    def fit(self, X, y):
        self.boosted.fit(X, y)
        self.ridge.fit(X, y)
        return self

    def predict(self, X):
        return (self.boosted.predict(X) + self.ridge.predict(X)) / 2

    def to_sklearn(self):
        """An equivalent fitted VotingRegressor (equal weights), for skl2onnx."""
        from sklearn.ensemble import VotingRegressor

        plain = self.ridge.to_sklearn()
        vote = VotingRegressor([("boosted", self.boosted), ("ridge", plain)])
        vote.estimators_ = [self.boosted, plain]
        vote.named_estimators_ = {"boosted": self.boosted, "ridge": plain}
        return vote


def metrics(y: np.ndarray, pred: np.ndarray, qids: np.ndarray) -> dict:
    from scipy.stats import spearmanr
    from sklearn.metrics import cohen_kappa_score, mean_absolute_error

    pred = np.clip(pred, 1, 5)
    pairs = right = 0
    for q in set(qids):
        idx = np.where(qids == q)[0]
        for i in idx:
            for j in idx:
                if y[i] - y[j] >= 1:   # a clear difference in the labels
                    pairs += 1
                    right += pred[i] > pred[j]
    return {"n": int(len(y)), "spearman": round(float(spearmanr(y, pred).statistic), 3),
            "mae_rating": round(float(mean_absolute_error(y, pred)), 3),
            "qwk_rounded": round(float(cohen_kappa_score(np.rint(y).astype(int), np.rint(pred).astype(int),
                                                         weights="quadratic")), 3),
            "pairwise_within_question": round(right / pairs, 3) if pairs else None}


def loqo(kind: str, X, y, qids, derived=None, rows=None) -> tuple[dict, np.ndarray]:
    """Leave one question out: each question's rows are predicted by a model fitted on the other
    questions (their derived rows included, the question's own derived rows never). Metrics on the
    original (not derived) rows; returns (metrics, predictions of every row)."""
    derived = np.zeros(len(y), dtype=bool) if derived is None else derived
    pred = np.zeros_like(y)
    for q in sorted(set(qids)):
        test = qids == q
        model = make(kind).fit(X[~test], y[~test])
        pred[test] = model.predict(X[test])
    orig = ~derived
    return metrics(y[orig], pred[orig], qids[orig]), pred


class _bool_attributes_as_ints:
    """skl2onnx 1.20's HistGradientBoosting converter passes booleans (missing-value tracks) where onnx 1.23
    wants ints in a node attribute: converted to 0/1 while exporting."""

    def __enter__(self):
        import onnx.helper as H
        from skl2onnx.common import _container

        self.module, self.original = _container, _container.make_node

        def make_node(*args, **attrs):
            for k, v in attrs.items():
                if isinstance(v, (list, tuple)) and any(isinstance(x, (bool, np.bool_)) for x in v):
                    attrs[k] = [int(x) for x in v]
            return H.make_node(*args, **attrs)

        _container.make_node = make_node
        return self

    def __exit__(self, *exc):
        self.module.make_node = self.original
        return False


def export(model, path: Path) -> str:
    from skl2onnx import convert_sklearn
    from skl2onnx.common.data_types import FloatTensorType

    if isinstance(model, _BoundedWording):
        onx = _export_bounded(model)
    else:
        if isinstance(model, (_SignedRidge, _BoostedRidge)):
            model = model.to_sklearn()
        with _bool_attributes_as_ints():
            onx = convert_sklearn(model, initial_types=[("features", FloatTensorType([None, len(_COLUMNS)]))],
                                  target_opset=17)
    _clip_output(onx, 1.0, 5.0)
    data = onx.SerializeToString()
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def _clip_output(onx, low: float, high: float) -> None:
    """End the graph with Clip(low, high) on its output: the artefact's contract is a rating on the 1–5 scale,
    which a linear model leaves for answers beyond the training range (model.py clips too, as a second guard)."""
    from onnx import helper, numpy_helper

    graph = onx.graph
    output = graph.output[0]
    raw = output.name + "_unclipped"
    for node in graph.node:
        node.output[:] = [raw if name == output.name else name for name in node.output]
    graph.initializer.extend([numpy_helper.from_array(np.array(low, dtype=np.float32), output.name + "_low"),
                              numpy_helper.from_array(np.array(high, dtype=np.float32), output.name + "_high")])
    graph.node.append(helper.make_node("Clip", [raw, output.name + "_low", output.name + "_high"], [output.name]))


def update_manifest(entry: dict, manifest: Path = MANIFEST) -> None:
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    scorers = [s for s in doc.get("scorer", []) if not (s["name"] == entry["name"] and s["version"] == entry["version"])]
    doc["scorer"] = sorted(scorers + [entry], key=lambda s: (s["name"], s["version"]))
    manifest.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _shipped_predictions(X_all: np.ndarray) -> np.ndarray | None:
    """default-3's ratings (1–5) of the rows, from its ONNX file and its own feature list (no refit): the
    figure the retrained scorer is compared with on the same rows."""
    from functions.analyze.scoring import model as scorer_model

    try:
        scorer = scorer_model.load("default-3")
    except Exception:   # not installed: nothing to compare with
        return None
    if scorer.label != "default-3":
        return None
    cols = [F.FEATURES.index(f) for f in scorer.features]
    out = scorer.session.run(None, {"features": X_all[:, cols].astype(np.float32)})[0]
    return np.asarray(out, dtype=np.float32).reshape(-1)


def main(argv=None) -> int:
    global _COLUMNS, WORDING_BOUND
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", choices=["ratings", "intended"], default=None,
                    help="default: ratings when both raters' files exist, else intended (development)")
    ap.add_argument("--data", type=Path, default=dataset.DATA)
    ap.add_argument("--version", type=int, default=5)
    ap.add_argument("--cv-only", action="store_true",
                    help="print the leave-one-question-out figures and stop (no export, no held-out figures)")
    ap.add_argument("--out-dir", type=Path, default=HERE)
    ap.add_argument("--manifest", type=Path, default=MANIFEST)
    ap.add_argument("--extra", type=Path, nargs="*", default=list(EXTRA),
                    help="further labelled sets that train too (default: the seen evaluation sets a–f)")
    ap.add_argument("--transplants", action="store_true",
                    help="train on the transplanted rows too (dataset.transplants, rated 1); left-one-set-out "
                         "(models/scorer/experiments.py) they cost 0.08 of graded ranking with these features")
    ap.add_argument("--bound", type=float, default=WORDING_BOUND,
                    help="bounded_wording: anchor steps the wording may move a rating from the base ridge")
    ap.add_argument("--model", choices=["auto", "wording_ridge", "bounded_wording", "boosted_ridge"],
                    default="auto",
                    help="wording_ridge (default): the signed ridge on all 16 features, the wording column out of "
                         "fold, and the wording model (wording-<version>.npz) fitted on all training rows; "
                         "auto: the better of forest and ridge by leave-one-question-out (default-4's recipe); "
                         "boosted_ridge: a candidate chosen by leave-one-set-out "
                         "(models/scorer/experiments.py), on the 15 features without wording")
    ap.add_argument("--no-manifest", action="store_true",
                    help="write the model and its entry next to it (default-<version>.json), not into the "
                         "manifest (a newer default in the manifest becomes the default scorer)")
    args = ap.parse_args(argv)
    WORDING_BOUND = args.bound
    source = args.labels or ("ratings" if dataset.has_ratings(args.data) else "intended")
    answers = dataset.load(args.data)
    for folder in args.extra or []:
        answers += dataset.load(folder)
    if args.transplants:
        answers += dataset.transplants(answers)
    X_all, y, qids, held, gated, ids, comps = featurise(answers, source)
    if len(y) < 20:
        raise SystemExit(f"only {len(y)} labelled rows in {args.data}: need at least 20")
    derived = np.array(_DERIVED, dtype=bool)
    train = ~held
    by_id = {a.id: a for a in answers}
    # the wording column never comes from an installed wording model: out of fold for the training rows
    from functions.analyze.scoring import wording

    keys = [wording.text_key(t, by_id[i].language) for t, i in zip(_WORDING_TEXT, ids)]
    X_all[:, F.FEATURES.index("wording")] = (wording_out_of_fold(keys, y, qids, train) - 1.0) / 4.0
    featurise_evidence([a for a in answers if not a.held_out])
    tr_ids = [i for i, t in zip(ids, train) if t]
    tr_comps = [c for c, t in zip(comps, train) if t]
    keep = ~derived[train]
    cv, preds = {}, {}
    # boosted_ridge, wording_ridge: their own leave-one-question-out only (the forest/ridge comparison is
    # default-4's)
    for set_name, columns in (FEATURE_SETS.items() if args.model == "auto" else ()):
        _COLUMNS = columns
        X = X_all[:, [F.FEATURES.index(f) for f in columns]]
        for kind in ("forest", "ridge"):
            key = f"{set_name}/{kind}"
            cv[key], preds[key] = loqo(kind, X[train], y[train], qids[train], derived[train])
            cv[key]["answers"] = answer_metrics(preds[key][keep], [i for i, k in zip(tr_ids, keep) if k],
                                                [c for c, k in zip(tr_comps, keep) if k], gated[train][keep], by_id)
    shipped = _shipped_predictions(X_all[train])
    if shipped is not None:
        cv["default-3 as shipped (no refit)"] = metrics(y[train][keep], shipped[keep], qids[train][keep])
        cv["default-3 as shipped (no refit)"]["answers"] = answer_metrics(
            shipped[keep], [i for i, k in zip(tr_ids, keep) if k], [c for c, k in zip(tr_comps, keep) if k],
            gated[train][keep], by_id)
    if args.model == "boosted_ridge":
        _COLUMNS = FEATURE_SETS["with_topic_similarity"]
        X = X_all[:, [F.FEATURES.index(f) for f in _COLUMNS]]
        best = "with_topic_similarity/boosted_ridge"
        cv[best], preds[best] = loqo("boosted_ridge", X[train], y[train], qids[train], derived[train])
        cv[best]["answers"] = answer_metrics(preds[best][keep], [i for i, k in zip(tr_ids, keep) if k],
                                             [c for c, k in zip(tr_comps, keep) if k], gated[train][keep], by_id)
    elif args.model in ("wording_ridge", "bounded_wording"):
        _COLUMNS = list(F.FEATURES)
        kind = "ridge" if args.model == "wording_ridge" else args.model
        best = f"{WORDING_SET}/{kind}"
        cv[best], preds[best] = loqo(kind, X_all[train], y[train], qids[train], derived[train])
        cv[best]["answers"] = answer_metrics(preds[best][keep], [i for i, k in zip(tr_ids, keep) if k],
                                             [c for c, k in zip(tr_comps, keep) if k], gated[train][keep], by_id)
    else:
        best = max((k for k in cv if "/" in k), key=lambda k: (cv[k]["answers"]["graded_ranking"] or 0, cv[k]["spearman"], k.endswith("forest")))
    set_name, kind = best.split("/")
    _COLUMNS = list(F.FEATURES) if set_name == WORDING_SET else FEATURE_SETS[set_name]
    X = X_all[:, [F.FEATURES.index(f) for f in _COLUMNS]]
    from functions.analyze.scoring import model as scorer_model
    gaps = {}
    chosen_gap = scorer_model.COMPETENCY_GAP
    for gap in (0.0, 0.15, 0.25, 0.35, 0.5):
        scorer_model.COMPETENCY_GAP = gap
        gaps[gap] = answer_metrics(preds[best][keep], [i for i, k in zip(tr_ids, keep) if k],
                                   [c for c, k in zip(tr_comps, keep) if k], gated[train][keep], by_id)
    scorer_model.COMPETENCY_GAP = chosen_gap
    print("leave-one-question-out on the training roles (original rows; derived rows only train):", file=sys.stderr)
    for k, m in cv.items():
        print(f"  {k}: {json.dumps(m, ensure_ascii=False)}", file=sys.stderr)
    for gap, m in gaps.items():
        print(f"  {best}, competency gap {gap}: {json.dumps(m)}", file=sys.stderr)
    if args.cv_only:
        return 0
    model = make(kind).fit(X[train], y[train])
    held_metrics = metrics(y[held], model.predict(X[held]), qids[held]) if held.any() else None
    out = args.out_dir / f"default-{args.version}.onnx"
    digest = export(model, out)
    entry = {
        "name": "default", "version": args.version,
        "file": str(out.relative_to(HERE.parent)) if out.is_relative_to(HERE.parent) else str(out),
        "sha256": digest, "features": list(_COLUMNS), "output": "rating 1–5 (score = (rating − 1) × 25)",
        "model": {"forest": "RandomForestRegressor (monotone, depth 5)", "ridge": "Ridge (signed)",
                  "boosted_ridge": "mean of HistGradientBoostingRegressor (monotone, depth 3) and Ridge (signed)",
                  "bounded_wording": f"Ridge (signed) on every feature, held within ±{WORDING_BOUND:g} of Ridge "
                                     "(signed) on the features without wording, no lift from its floor"}[kind],
        "baseline": {f: round(float(v), 4) for f, v in zip(_COLUMNS, np.median(X[train], axis=0))},
        "labels": source, "held_out_roles": list(dataset.HELD_OUT_ROLES),
        "feature_set": set_name,
        "metrics": {"loqo": cv, "held_out": held_metrics, "rows_train": int(train.sum()),
                    "rows_derived": int((derived & train).sum()),
                    "rows_held_out": int(held.sum())},
        "agreement": dataset.agreement(answers) if source == "ratings" else None,
        "trained_on": ("mean of two blind raters' 1–5 ratings" if source == "ratings" else
                       "the writer's intended grades (development labels: the raters' files were missing)")
        + f", models/scorer/data and {', '.join(str(Path(e).name) for e in args.extra or [])} "
          f"({sum(not a.derived for a in answers)} answers)",
        "trained_at": dt.date.today().isoformat(),
        "label": "default — trained on rated answers; calibrates per company",
    }
    if set_name == WORDING_SET:
        text_model = wording_text_model().fit([k for k, t in zip(keys, train) if t], y[train])
        entry["wording"] = save_wording(text_model, args.out_dir / f"wording-{args.version}.npz")
        entry["model"] += "; wording: " + entry["wording"].pop("model")
        # every language's wording rating on the reference language's scale (models/scorer/wording_calibration.py)
        from . import wording_calibration

        fit_rows = train & ~derived
        entry["wording"]["calibration"] = wording_calibration.fit(
            X_all[fit_rows, F.FEATURES.index("wording")] * 4.0 + 1.0, y[fit_rows],
            [by_id[i].language for i, k in zip(ids, fit_rows) if k])
    if args.no_manifest:
        out.with_suffix(".json").write_text(json.dumps(entry, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        update_manifest(entry, args.manifest)
    print(json.dumps(entry, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
