"""A pass threshold suggested from the organisation's own decisions, with a band around it that routes to review.

Among decided candidates with an automated overall score (advance vs reject), the suggested threshold is the
cut that best separates them by balanced accuracy (Youden's J = true-positive rate − false-positive rate,
a candidate passing at score ≥ cut; when several observed cuts tie, their midpoint);
the review band is every cut whose J is within 0.1 of the best, widened to at least ±5 points. Needs
MIN_EACH decisions of each kind.
"""
from __future__ import annotations

MIN_EACH = 5
BAND_TOLERANCE = 0.1
MIN_HALF_BAND = 5.0


def suggest(advanced: list[float], rejected: list[float]) -> dict:
    """{"ready", "threshold", "review_band": [low, high], "balanced_accuracy", "advanced", "rejected", "message"}."""
    base = {"advanced": len(advanced), "rejected": len(rejected), "needed_each": MIN_EACH}
    if len(advanced) < MIN_EACH or len(rejected) < MIN_EACH:
        return {**base, "ready": False, "threshold": None, "review_band": None, "balanced_accuracy": None,
                "message": f"至少需要通过和淘汰各 {MIN_EACH} 人（带自动评分）才能建议及格线；"
                           f"现在是通过 {len(advanced)} 人、淘汰 {len(rejected)} 人。"}
    cuts = sorted(set(advanced) | set(rejected))
    youden = {cut: sum(1 for v in advanced if v >= cut) / len(advanced) - sum(1 for v in rejected if v >= cut) / len(rejected)
              for cut in cuts}
    best_j = max(youden.values())
    tied = [cut for cut, j in youden.items() if j >= best_j - 1e-12]
    best_cut, best_accuracy = (min(tied) + max(tied)) / 2, (1 + best_j) / 2
    near = [cut for cut, j in youden.items() if j >= best_j - BAND_TOLERANCE]
    low, high = min(min(near), best_cut - MIN_HALF_BAND), max(max(near), best_cut + MIN_HALF_BAND)
    low, high = max(0.0, round(low, 1)), min(100.0, round(high, 1))
    return {**base, "ready": True, "threshold": round(best_cut, 1), "review_band": [low, high],
            "balanced_accuracy": round(best_accuracy, 3),
            "message": f"按你们过去的决定，及格线定在 {best_cut:.0f} 分最能区分通过和淘汰的人"
                       f"（一致率 {best_accuracy:.0%}）；{low:.0f}–{high:.0f} 分之间的人建议人工复核。"}


def recommendation(overall: float | None, threshold: float, band_low: float | None = None,
                   band_high: float | None = None) -> bool | None:
    """The automated verdict of a fully scored session: True at or above the pass line, False below it, None
    ("a person decides") inside the interview's review band [band_low, band_high] or without a score."""
    if overall is None:
        return None
    if band_low is not None and band_high is not None and band_low <= overall <= band_high:
        return None
    return overall >= threshold
