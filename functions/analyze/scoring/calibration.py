"""Per-organisation calibration of the scorer: fit (in the API), apply (in the analyzer), validate, explain.

Pure numpy/scipy, no I/O. A calibration maps what the default scorer produced for one competency of one
answer — its 0–100 score and the per-competency features it read (`competencies[].features`, contract in
docs/internal-contracts.md) — to the organisation's own 0–100 score on the anchored 1–5 scale of
docs/rating-scale.md (score = (rating − 1) × 25).

Model, in "rating units" t = (score − 50) / 25 (−2..2):

    t̂ = (c + c_k) + (b + b_k) · (s − 50)/25 + Σ_f (w_f + w_kf) · (x_f − μ_f)/σ_f

s is the default score, x_f a feature, μ/σ the organisation's feature means and spreads, k the competency.
Partial pooling toward the default: the prior is the identity (c = 0, b = 1, w = 0, per-competency
deviations 0), and a ridge penalty λ·‖θ − θ₀‖² (per-competency deviations: 3λ) pulls the fit toward it, so
λ acts like λ pseudo-ratings that agree with the default. λ is chosen by candidate-grouped cross-validation
from a grid whose smallest value keeps 30 ratings from moving the scorer much. Closed form; a fit of
300 ratings takes milliseconds (bench/calibrate.py).

Validation holds out a fixed share of candidates (never answers of a candidate seen in fitting), fits on
the rest, and reports Spearman's ρ of default and calibrated scores against the held-out ratings with
95 % bootstrap percentile intervals (resampling held-out candidates), and of their difference.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FORMAT = 1
MIN_RATED_ANSWERS = 30
MIN_RATED_CANDIDATES = 10
LAMBDA_GRID = (8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 1024.0)
COMPETENCY_PENALTY = 3.0      # per-competency deviations are pooled 3× harder toward the shared fit
MIN_COMPETENCY_RATINGS = 8    # fewer ratings of a competency: it only gets the shared fit
HOLDOUT_SHARE = 0.3
BOOTSTRAP = 1000

# Chinese names of features HR sees in "what changed": the per-competency features of the scorer of issue 8
# (functions/analyze/scoring/features.py FEATURES) and of the first scorer; an unknown one is shown by its name.
FEATURE_LABELS = {
    "concreteness": "具体数字和细节", "specificity": "具体细节", "specific_actions": "本人的具体行动",
    "outcome": "可核实的结果", "story_order": "先情境、再行动、后结果的完整经历", "relevance": "切题程度",
    "evidence": "与能力相关的表现", "evidence_specific": "具体的能力表现", "negative_evidence": "反面表现",
    "anchor_match": "接近优秀回答的程度", "generalities": "空话套话", "event_share": "讲具体经历的比例",
    "reluctance": "消极态度", "evidence_relative": "相对其他能力的表现", "topic_similarity": "与问题主题的贴近程度",
    "wording": "说法是否具体",
    # features of the first scorer (delivery fits, keyword coverage)
    "keyword_coverage": "要点覆盖", "star_structure": "完整的经历", "answer_length": "回答内容的多少",
    "fluency": "表达流畅", "pace": "语速", "pauses": "停顿",
}

# Features where more is worse: HR "cares more" about them when the calibration lowers the score further.
NEGATIVE_FEATURES = {"generalities", "reluctance", "negative_evidence", "filler_ratio"}


class NotEnoughRatings(ValueError):
    """Fewer rated answers or candidates than calibration needs; `progress` says how far along."""

    def __init__(self, progress: dict):
        super().__init__(f"calibration needs ≥{MIN_RATED_ANSWERS} rated answers on ≥{MIN_RATED_CANDIDATES} "
                         f"candidates; have {progress['rated_answers']} on {progress['rated_candidates']}")
        self.progress = progress


@dataclass(frozen=True)
class Rating:
    """One HR rating of one competency of one answer, with what the default scorer said about it.

    competency: name; default_score: 0–100; features: {name: float}; rating: 1–5; candidate: any hashable id
    (answers of one candidate are never split between fit and validation); answer: the answer's id.
    """
    competency: str
    default_score: float
    features: dict
    rating: int
    candidate: object
    answer: object = None


def progress(ratings: list[Rating]) -> dict:
    """How close the organisation is to a calibration: counts, the minimums, and a 0..1 fraction."""
    answers = len({(r.answer if r.answer is not None else id(r)) for r in ratings})
    candidates = len({r.candidate for r in ratings})
    fraction = min(answers / MIN_RATED_ANSWERS, candidates / MIN_RATED_CANDIDATES, 1.0)
    return {"rated_answers": answers, "rated_candidates": candidates, "ratings": len(ratings),
            "needed_answers": MIN_RATED_ANSWERS, "needed_candidates": MIN_RATED_CANDIDATES,
            "fraction": round(fraction, 3), "ready": answers >= MIN_RATED_ANSWERS and candidates >= MIN_RATED_CANDIDATES}


# --- applying ------------------------------------------------------------------------------------------------

def apply(calibration: dict | None, competency: str, default_score: float, features: dict) -> float:
    """The organisation's 0–100 score for one competency of one answer; the default score when no calibration.

    Deterministic: the same calibration, default score and features always give the same float (rounded to
    0.01), which is what makes re-scoring and rollback exact; without a calibration the default score comes
    back untouched. Missing features count as the org's mean.
    """
    if not calibration:
        return default_score
    names = calibration["features"]
    shared = calibration["shared"]
    own = calibration["competencies"].get(competency) or {}
    t = (shared["intercept"] + own.get("intercept", 0.0)
         + (shared["slope"] + own.get("slope", 0.0)) * (float(default_score) - 50.0) / 25.0)
    for name in names:
        value = features.get(name) if features else None
        if value is None or not isinstance(value, (int, float)) or not math.isfinite(value):
            continue
        z = (float(value) - calibration["center"][name]) / calibration["scale"][name]
        t += (shared["weights"][name] + own.get("weights", {}).get(name, 0.0)) * z
    return round(min(100.0, max(0.0, 50.0 + 25.0 * t)), 2)


def problems(calibration) -> list[str]:
    """Why `calibration` (as `fit` makes it, with the API's "base") cannot be applied by `apply`: Chinese
    sentences, [] when it can (None and {} are "no calibration"). The CLI refuses a context whose calibration
    has another shape (scoring/question_check.py); the SCF handler scores it with the default scorer instead."""
    if calibration is None or calibration == {}:
        return []
    if not isinstance(calibration, dict):
        return ["评分模型的校准参数 scorer.calibration 应是一个对象或 null。"]
    bad = "评分模型的校准参数 scorer.calibration 格式不对：{}。请用 API 导出的分析上下文，或去掉 calibration。"

    def number(value) -> bool:
        try:
            return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        except OverflowError:   # an int beyond any float
            return False

    def block_problem(block, path: str, names: list, required: bool) -> str | None:
        if not isinstance(block, dict):
            return f"{path} 应是一个对象"
        for key in ("intercept", "slope"):
            if (required or key in block) and not number(block.get(key)):
                return f"{path}.{key} 应是数字"
        weights = block.get("weights", {} if not required else None)
        if not isinstance(weights, dict) or not all(number(weights[n]) for n in names if required or n in weights) \
                or (required and not all(n in weights for n in names)):
            return f"{path}.weights 应给每个特征一个数字"
        return None

    names = calibration.get("features")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return [bad.format("features 应是特征名称的列表")]
    for key in ("center", "scale"):
        table = calibration.get(key)
        if not isinstance(table, dict) or not all(number(table.get(n)) for n in names):
            return [bad.format(f"{key} 应给每个特征一个数字")]
    if any(calibration["scale"][n] == 0 for n in names):
        return [bad.format("scale 不能为 0")]
    problem = block_problem(calibration.get("shared"), "shared", names, True)
    comps = calibration.get("competencies")
    if problem is None and not isinstance(comps, dict):
        problem = "competencies 应是一个对象"
    for name, block in (comps.items() if problem is None else ()):
        problem = problem or block_problem(block, f"competencies.{name}", names, False)
    base = calibration.get("base")
    if problem is None and base is not None and not isinstance(base, str):
        problem = "base 应是一段文字"
    return [bad.format(problem)] if problem else []


def overall(competencies: list[dict]) -> float | None:
    """0–100 overall from [{"weight", "score"}]: the weighted mean (equal weights when none), rounded to 0.1."""
    pairs = [(c.get("weight") or 0.0, c["score"]) for c in competencies if c.get("score") is not None]
    if not pairs:
        return None
    weights = [w if w > 0 else 0.0 for w, _ in pairs]
    if sum(weights) == 0:
        weights = [1.0] * len(pairs)
    return round(sum(w * s for w, (_, s) in zip(weights, pairs)) / sum(weights), 1)


def rescore(result: dict, version: str, calibration: dict | None) -> dict:
    """A copy of an analysis result scored by `version` from its stored per-competency features.

    The first re-score keeps what the default scorer said in `competencies[].default_score`,
    `default_overall` and `default_scorer`; scoring back with no calibration restores exactly those values.
    The analyzer applies a calibration the same way: `rescore(default_result, scorer["version"],
    scorer["calibration"])`. Gated results (no scores), and results whose default scorer is not the one the
    calibration was fitted on (see `applies`), come back unchanged. No audio or transcript is needed.
    """
    comps = result.get("competencies") or []
    if result.get("status", "scored") != "scored" or not comps or any(c.get("score") is None for c in comps):
        return result
    if (calibration is None and "default_overall" not in result) or \
            (calibration is not None and not applies(calibration, result)):
        return result   # already the default's (never calibrated), or another version's scores
    out = dict(result)
    new_comps = []
    for comp in comps:
        comp = dict(comp)
        comp.setdefault("default_score", comp["score"])
        comp["score"] = apply(calibration, comp["name"], comp["default_score"], comp.get("features") or {})
        new_comps.append(comp)
    out["competencies"] = new_comps
    out.setdefault("default_overall", result.get("overall"))
    versions = dict(result.get("model_versions") or {})
    out.setdefault("default_scorer", versions.get("scorer"))
    out["overall"] = out["default_overall"] if calibration is None else overall(new_comps)
    versions["scorer"] = out["default_scorer"] if calibration is None else version
    out["model_versions"] = versions
    return out


def base_of(result: dict) -> str | None:
    """The exact default scorer ("default-3") whose scores a result carries (also after calibration)."""
    return result.get("default_scorer") or (result.get("model_versions") or {}).get("scorer")


def applies(calibration: dict, result: dict) -> bool:
    """Whether `calibration` may score `result`: only when the result's default scores come from exactly the
    scorer version the calibration was fitted on (`calibration["base"]`, e.g. "default-3"). A calibration
    without an exact base (fitted before bases were recorded: "default") applies to nothing."""
    base = calibration.get("base")
    return bool(base) and base != "default" and base_of(result) == base


def apply_context(result: dict, scorer: dict | None) -> dict:
    """The analyzer's result as the analysis context's scorer `{"version": str, "calibration": {...}|null}`
    scores it: re-scored from its own features when the context carries a calibration fitted on the scorer
    version that produced the result; unchanged otherwise (also for gated results). When the versions differ
    (a new default scorer shipped after the organisation's calibration) the result keeps the default's scores
    and says so in `calibration_skipped` ({"version", "base", "scored_by"}): never applied silently to
    another version's scores. The one place the SCF handler and the CLI apply an organisation's version."""
    calibration = (scorer or {}).get("calibration")
    if not calibration:
        return result
    comps = result.get("competencies") or []
    if result.get("status", "scored") == "scored" and comps and not applies(calibration, result):
        return {**result, "calibration_skipped": {"version": scorer.get("version"), "base": calibration.get("base"),
                                                  "scored_by": base_of(result)}}
    return rescore(result, scorer.get("version") or "default", calibration)


# --- fitting -------------------------------------------------------------------------------------------------

def _feature_names(ratings: list[Rating]) -> list[str]:
    counts: dict[str, list[float]] = {}
    for r in ratings:
        for name, value in (r.features or {}).items():
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                counts.setdefault(name, []).append(float(value))
    return sorted(name for name, values in counts.items()
                  if len(values) >= 0.5 * len(ratings) and np.std(values) > 1e-9)


def _design(ratings, names, center, scale, comps):
    """Rows [1, z_s, z_f…] for the shared part, then the same block per competency (zero elsewhere)."""
    p = 2 + len(names)
    base = np.zeros((len(ratings), p))
    for i, r in enumerate(ratings):
        base[i, 0] = 1.0
        base[i, 1] = (r.default_score - 50.0) / 25.0
        for j, name in enumerate(names):
            value = (r.features or {}).get(name)
            if isinstance(value, (int, float)) and math.isfinite(value):
                base[i, 2 + j] = (float(value) - center[name]) / scale[name]
    X = np.zeros((len(ratings), p * (1 + len(comps))))
    X[:, :p] = base
    for i, r in enumerate(ratings):
        k = comps.get(r.competency)
        if k is not None:
            X[i, p * (1 + k):p * (2 + k)] = base[i]
    return X, p


def _solve(X, y, p, lam):
    prior = np.zeros(X.shape[1])
    prior[1] = 1.0
    penalty = np.full(X.shape[1], lam * COMPETENCY_PENALTY)
    penalty[:p] = lam
    A = X.T @ X + np.diag(penalty)
    return np.linalg.solve(A, X.T @ y + penalty * prior)


def _targets(ratings):
    return np.array([(r.rating - 1) * 25.0 for r in ratings], dtype=float)


def _fit_fixed(ratings, lam):
    names = _feature_names(ratings)
    center, scale = {}, {}
    for name in names:
        values = [float(r.features[name]) for r in ratings
                  if isinstance((r.features or {}).get(name), (int, float))]
        center[name] = float(np.mean(values))
        scale[name] = float(np.std(values)) or 1.0
    per_comp: dict[str, int] = {}
    for r in ratings:
        per_comp[r.competency] = per_comp.get(r.competency, 0) + 1
    comps = {name: k for k, name in enumerate(sorted(n for n, c in per_comp.items() if c >= MIN_COMPETENCY_RATINGS))}
    X, p = _design(ratings, names, center, scale, comps)
    theta = _solve(X, (_targets(ratings) - 50.0) / 25.0, p, lam)

    def block(k):
        part = theta[p * k:p * (k + 1)]
        return {"intercept": float(part[0]), "slope": float(part[1]),
                "weights": {name: float(part[2 + j]) for j, name in enumerate(names)}}

    return {"format": FORMAT, "features": names, "center": center, "scale": scale, "shared": block(0),
            "competencies": {name: block(1 + k) for name, k in comps.items()}, "prior_strength": lam}


def _choose_lambda(ratings, rng, folds=5) -> float:
    candidates = sorted({r.candidate for r in ratings}, key=repr)
    if len(candidates) < folds:
        return LAMBDA_GRID[-1]
    order = rng.permutation(len(candidates))
    fold_of = {candidates[i]: n % folds for n, i in enumerate(order)}
    best, best_err = LAMBDA_GRID[-1], math.inf
    for lam in LAMBDA_GRID:
        err = 0.0
        for fold in range(folds):
            train = [r for r in ratings if fold_of[r.candidate] != fold]
            test = [r for r in ratings if fold_of[r.candidate] == fold]
            if not test or not train:
                continue
            calibration = _fit_fixed(train, lam)
            pred = np.array([apply(calibration, r.competency, r.default_score, r.features) for r in test])
            err += float(np.sum((pred - _targets(test)) ** 2))
        if err < best_err - 1e-9:
            best, best_err = lam, err
    return best


def fit(ratings: list[Rating], *, base_version: str, seed: int = 0) -> dict:
    """Fit a calibration to all the ratings (λ by grouped cross-validation); raises NotEnoughRatings.

    base_version: the exact default scorer ("default-3") that produced every rating's `default_score`; the
    calibration applies only to results of that version (`applies`)."""
    if not base_version or base_version == "default":
        raise ValueError("a calibration needs the exact scorer version it is fitted on, e.g. 'default-3'")
    state = progress(ratings)
    if not state["ready"]:
        raise NotEnoughRatings(state)
    rng = np.random.default_rng(seed)
    calibration = _fit_fixed(ratings, _choose_lambda(ratings, rng))
    calibration.update({"base": base_version, "n_ratings": len(ratings),
                        "n_candidates": state["rated_candidates"]})
    return calibration


# --- validation ----------------------------------------------------------------------------------------------

def _spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's ρ (average ranks for ties); nan when either side is constant."""
    from scipy.stats import rankdata

    ra, rb = rankdata(a), rankdata(b)
    ra, rb = ra - ra.mean(), rb - rb.mean()
    denom = math.sqrt(float((ra ** 2).sum() * (rb ** 2).sum()))
    return float((ra * rb).sum() / denom) if denom > 0 else math.nan


def _interval(values: np.ndarray) -> list[float] | None:
    values = values[np.isfinite(values)]
    if len(values) < BOOTSTRAP // 2:
        return None
    low, high = np.percentile(values, [2.5, 97.5])
    return [round(float(low), 3), round(float(high), 3)]


def validate(ratings: list[Rating], *, seed: int = 0) -> dict:
    """Held-out rank correlation of default and calibrated scores with HR's ratings, with 95 % intervals.

    Returns {"held_out_ratings", "held_out_candidates", "default": {"spearman", "interval"},
    "calibrated": {...}, "difference": {...}, "better": bool}. `better` is true only when the interval
    of the difference lies above 0.
    """
    rng = np.random.default_rng(seed)
    candidates = sorted({r.candidate for r in ratings}, key=repr)
    held = set(candidates[i] for i in rng.permutation(len(candidates))[:max(2, round(HOLDOUT_SHARE * len(candidates)))])
    train = [r for r in ratings if r.candidate not in held]
    test = [r for r in ratings if r.candidate in held]
    calibration = _fit_fixed(train, _choose_lambda(train, rng))
    truth = np.array([r.rating for r in test], dtype=float)
    default = np.array([r.default_score for r in test], dtype=float)
    calibrated = np.array([apply(calibration, r.competency, r.default_score, r.features) for r in test])

    test_candidates = sorted(held, key=repr)
    index_of = {c: [i for i, r in enumerate(test) if r.candidate == c] for c in test_candidates}
    picks = rng.integers(0, len(test_candidates), size=(BOOTSTRAP, len(test_candidates)))
    boot_default, boot_calibrated = np.empty(BOOTSTRAP), np.empty(BOOTSTRAP)
    for n, pick in enumerate(picks):
        rows = np.concatenate([index_of[test_candidates[j]] for j in pick]).astype(int)
        boot_default[n] = _spearman(default[rows], truth[rows])
        boot_calibrated[n] = _spearman(calibrated[rows], truth[rows])
    point_default = _spearman(default, truth)
    point_calibrated = _spearman(calibrated, truth)
    diff_interval = _interval(boot_calibrated - boot_default)

    def rounded(value):
        return None if not math.isfinite(value) else round(value, 3)

    return {"held_out_ratings": len(test), "held_out_candidates": len(test_candidates),
            "default": {"spearman": rounded(point_default), "interval": _interval(boot_default)},
            "calibrated": {"spearman": rounded(point_calibrated), "interval": _interval(boot_calibrated)},
            "difference": {"spearman": rounded(point_calibrated - point_default), "interval": diff_interval},
            "better": bool(diff_interval and diff_interval[0] > 0)}


# --- explaining ----------------------------------------------------------------------------------------------

def _label(name: str) -> str:
    return FEATURE_LABELS.get(name, name)


def effects(calibration: dict) -> dict:
    """Score points per one standard deviation of each feature, shared and per competency (0 = as default)."""
    names = calibration["features"]
    shared = {n: round(25.0 * calibration["shared"]["weights"][n], 2) for n in names}
    per = {comp: {n: round(25.0 * (calibration["shared"]["weights"][n] + block["weights"].get(n, 0.0)), 2)
                  for n in names}
           for comp, block in calibration["competencies"].items()}
    return {"shared": shared, "competencies": per}


def describe(calibration: dict, min_points: float = 1.0) -> list[str]:
    """What changed against the default, as short Chinese sentences HR reads ("你们更看重具体数字…")."""
    sentences = []
    shift = 25.0 * calibration["shared"]["intercept"]
    if abs(shift) >= max(min_points, 3.0):
        sentences.append(f"你们整体打分比默认模型{'宽松' if shift > 0 else '严格'}，平均{'高' if shift > 0 else '低'}约 {abs(shift):.0f} 分。")
    slope = calibration["shared"]["slope"]
    if slope >= 1.1:
        sentences.append("你们给好回答和弱回答的分差比默认模型更大。")
    elif slope <= 0.9:
        sentences.append("你们给好回答和弱回答的分差比默认模型更小。")
    found = effects(calibration)
    for name, points in sorted(found["shared"].items(), key=lambda item: -abs(item[1])):
        if abs(points) < min_points:
            continue
        more = "多" if points > 0 else "少"
        if name in NEGATIVE_FEATURES:
            verb = "更在意" if points < 0 else "不那么在意"
            sentences.append(f"你们{verb}{_label(name)}：这类内容比一般回答多一截（高一个标准差）时，分数{more}约 {abs(points):.0f} 分。")
        else:
            verb = "更看重" if points > 0 else "不那么看重"
            sentences.append(f"你们{verb}{_label(name)}：这一项比一般回答好一截（高一个标准差）时，分数{more}约 {abs(points):.0f} 分。")
    for comp, block in found["competencies"].items():
        extra = {n: points - found["shared"][n] for n, points in block.items()}
        name, delta = max(extra.items(), key=lambda item: abs(item[1]), default=(None, 0.0))
        if name is not None and abs(delta) >= min_points:
            sentences.append(f"在「{comp}」上，{_label(name)}{'更' if delta > 0 else '不那么'}重要（{delta:+.0f} 分）。")
    if not sentences:
        sentences.append("你们的评分和默认模型基本一致，校准后的变化很小。")
    return sentences


def weight_changes(calibration: dict) -> list[dict]:
    """Per competency and feature: the points per standard deviation the calibration adds (for tables/charts)."""
    found = effects(calibration)
    rows = [{"competency": None, "feature": n, "label": _label(n), "points": p} for n, p in found["shared"].items()]
    for comp, block in found["competencies"].items():
        rows += [{"competency": comp, "feature": n, "label": _label(n), "points": p} for n, p in block.items()]
    return rows
