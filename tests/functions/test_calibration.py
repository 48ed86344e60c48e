"""Per-organisation calibration math (functions/analyze/scoring/calibration.py) on simulated HR ratings."""
import numpy as np
import pytest

from scipy.stats import spearmanr

from bench.simulated_org import FEATURES, SCORER, org_weights, result_for, simulate
from functions.analyze.scoring import calibration as cal


def extra_points(calibration):
    return cal.effects(calibration)["shared"]


def true_scores(ratings, factor):
    weights = org_weights(factor)
    return [100 * sum(weights[f] * r.features[f] for f in FEATURES) / sum(weights.values()) for r in ratings]


@pytest.mark.parametrize("seed", (7, 8))
def test_recovers_an_organisation_that_rewards_concreteness_twice_as_much(seed):
    ratings = simulate(300, concreteness_factor=2.0, seed=seed)
    fitted = cal.fit(ratings, seed=1, base_version=SCORER)
    points = extra_points(fitted)
    # By hand: concreteness' spread is ~0.21, so the default gives it ~5 points per SD and this org ~8.5
    # (weight 0.4 of 1.25 instead of 0.25 of 1.0): about +3 points before shrinkage; the others lose ~1.
    others = [points[name] for name in FEATURES if name != "concreteness"]
    assert 1.0 <= points["concreteness"] <= 4.5, points
    assert points["concreteness"] >= max(others) + 1.0 and max(others) <= 0.5, points
    assert any("具体数字" in sentence and "更看重" in sentence for sentence in cal.describe(fitted))
    # On new answers the calibrated scorer ranks closer to the organisation's own (noise-free) judgement.
    fresh = simulate(200, concreteness_factor=2.0, seed=seed + 100)
    truth = true_scores(fresh, 2.0)
    default = spearmanr([r.default_score for r in fresh], truth).statistic
    calibrated = spearmanr([cal.apply(fitted, r.competency, r.default_score, r.features) for r in fresh], truth).statistic
    assert calibrated > default + 0.01, (default, calibrated)
    check = cal.validate(ratings, seed=1)
    assert check["held_out_candidates"] >= 30 and len(check["calibrated"]["interval"]) == 2
    assert check["calibrated"]["interval"][0] <= check["calibrated"]["spearman"] <= check["calibrated"]["interval"][1]


@pytest.mark.parametrize("seed", range(4))
def test_does_not_move_on_noise(seed):
    """An org whose ratings agree with the default apart from rater noise: the scorer barely changes."""
    ratings = simulate(100, concreteness_factor=1.0, rater_noise=1.0, seed=seed)
    fitted = cal.fit(ratings, seed=seed, base_version=SCORER)
    moved = [abs(cal.apply(fitted, r.competency, r.default_score, r.features) - r.default_score) for r in ratings]
    assert np.mean(moved) < 4.0, np.mean(moved)
    assert max(abs(p) for p in extra_points(fitted).values()) < 3.0
    assert 0.9 <= fitted["shared"]["slope"] <= 1.1


def test_few_ratings_move_it_little():
    def moved(n):
        return np.mean([extra_points(cal.fit(simulate(n, seed=seed), base_version=SCORER))["concreteness"]
                        for seed in range(4)])
    assert moved(30) < 0.6 * moved(300)


def test_random_ratings_are_not_reported_as_better():
    ratings = simulate(100, seed=11)
    rng = np.random.default_rng(0)
    shuffled = [cal.Rating(r.competency, r.default_score, r.features, int(rng.integers(1, 6)), r.candidate, r.answer)
                for r in ratings]
    assert cal.validate(shuffled, seed=2)["better"] is False


def test_needs_thirty_answers_on_ten_candidates_and_says_how_far():
    with pytest.raises(cal.NotEnoughRatings) as error:
        cal.fit(simulate(20), base_version=SCORER)
    assert error.value.progress == {"rated_answers": 20, "rated_candidates": 7, "ratings": 40, "needed_answers": 30,
                                    "needed_candidates": 10, "fraction": 0.667, "ready": False}
    assert cal.progress(simulate(30))["ready"] is True


def test_rescore_and_back_restores_every_score_exactly():
    ratings = simulate(30, seed=5)
    fitted = cal.fit(ratings, base_version=SCORER)
    by_answer = {}
    for r in ratings:
        by_answer.setdefault(r.answer, []).append(r)
    for group in by_answer.values():
        original = result_for(group)
        calibrated = cal.rescore(original, "org-1-1", fitted)
        assert calibrated["model_versions"]["scorer"] == "org-1-1"
        assert [c["default_score"] for c in calibrated["competencies"]] == [c["score"] for c in original["competencies"]]
        again = cal.rescore(calibrated, "org-1-1", fitted)
        assert again["overall"] == calibrated["overall"]
        back = cal.rescore(calibrated, "default", None)
        assert [c["score"] for c in back["competencies"]] == [c["score"] for c in original["competencies"]]
        assert back["overall"] == original["overall"]
        assert back["model_versions"]["scorer"] == "default-1"


def test_gated_results_and_missing_features_are_handled():
    gated = {"status": "needs_review", "competencies": [{"name": "执行力", "score": None}], "overall": None}
    assert cal.rescore(gated, "org-1-1", cal.fit(simulate(30), base_version=SCORER)) is gated
    fitted = cal.fit(simulate(30), base_version=SCORER)
    assert 0 <= cal.apply(fitted, "没有这项", 55.0, {}) <= 100
    assert cal.apply(None, "执行力", 61.234, {}) == 61.234


def test_what_changed_reads_right_for_features_where_more_is_worse():
    calibration = {"format": 1, "features": ["concreteness", "generalities"], "center": {"concreteness": 0.5, "generalities": 0.2},
                   "scale": {"concreteness": 0.2, "generalities": 0.1},
                   "shared": {"intercept": 0.0, "slope": 1.0, "weights": {"concreteness": 0.12, "generalities": -0.2}},
                   "competencies": {}}
    sentences = cal.describe(calibration)
    assert sentences[0].startswith("你们更在意空话套话") and "分数少约 5 分" in sentences[0]
    assert sentences[1].startswith("你们更看重具体数字和细节") and "分数多约 3 分" in sentences[1]
    assert cal.describe({**calibration, "shared": {"intercept": 0.0, "slope": 1.0,
                                                   "weights": {"concreteness": 0.0, "generalities": 0.0}}}) == \
        ["你们的评分和默认模型基本一致，校准后的变化很小。"]


def test_the_analysis_context_scorer_is_applied_the_same_way_everywhere():
    """calibration.apply_context (the SCF handler's and the CLI's one step): a context without a calibration
    leaves the result as it is, a calibrated one is rescore(...) under the context's version, a gated result
    stays gated."""
    ratings = simulate(30, seed=6)
    fitted = cal.fit(ratings, base_version=SCORER)
    original = result_for([r for r in ratings if r.answer == ratings[0].answer])
    assert cal.apply_context(original, None) is original
    assert cal.apply_context(original, {"version": "default", "calibration": None}) is original
    applied = cal.apply_context(original, {"version": "org-3-2", "calibration": fitted})
    assert applied == cal.rescore(original, "org-3-2", fitted) and applied["model_versions"]["scorer"] == "org-3-2"
    gated = {"status": "needs_review", "reason_code": "keyword_list", "competencies": [], "overall": None,
             "feedback": None}
    assert cal.apply_context(gated, {"version": "org-3-2", "calibration": fitted}) is gated


def test_a_calibration_scores_only_results_of_the_scorer_version_it_was_fitted_on():
    """A calibration records its exact base ("default-1"); results another default version scored keep their
    scores (apply_context says why in calibration_skipped), and no calibration is fitted without a base."""
    ratings = simulate(30, seed=9)
    fitted = cal.fit(ratings, base_version=SCORER)
    assert fitted["base"] == SCORER
    group = [r for r in ratings if r.answer == ratings[0].answer]
    own, other = result_for(group), result_for(group, version="default-2")
    assert cal.applies(fitted, own) and not cal.applies(fitted, other)
    assert not cal.applies({**fitted, "base": "default"}, own), "an unrecorded base applies to nothing"
    assert cal.rescore(other, "org-3-2", fitted) is other
    skipped = cal.apply_context(other, {"version": "org-3-2", "calibration": fitted})
    assert [c["score"] for c in skipped["competencies"]] == [c["score"] for c in other["competencies"]]
    assert skipped["model_versions"]["scorer"] == "default-2" and skipped["overall"] == other["overall"]
    assert skipped["calibration_skipped"] == {"version": "org-3-2", "base": SCORER, "scored_by": "default-2"}
    applied = cal.apply_context(own, {"version": "org-3-2", "calibration": fitted})
    assert applied["model_versions"]["scorer"] == "org-3-2" and "calibration_skipped" not in applied
    # a calibrated result still names its base: re-applying another version of the same base works
    assert cal.applies(fitted, applied)
    for missing in ("default", "", None):
        with pytest.raises(ValueError):
            cal.fit(ratings, base_version=missing)
