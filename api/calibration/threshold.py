"""A pass threshold suggested from the organisation's own decisions, with a band around it that routes to review.

Among decided candidates with an automated overall score (advance vs reject), the suggested threshold is the
cut that best separates them by balanced accuracy (Youden's J = true-positive rate − false-positive rate,
a candidate passing at score ≥ cut; when several observed cuts tie, their midpoint);
the review band is every cut whose J is within 0.1 of the best, widened to at least ±5 points. Needs
MIN_EACH decisions of each kind. The threshold and band are rounded to 0.1 point, and the message shows exactly the
values that applying the suggestion sets. A warning (Chinese) says when the scores barely predict the
decisions (balanced accuracy below WEAK_ACCURACY, chance being 0.5) or when there are fewer than FEW_EACH
decisions of a kind.
"""
from __future__ import annotations

MIN_EACH = 5
BAND_TOLERANCE = 0.1
MIN_HALF_BAND = 5.0
WEAK_ACCURACY = 0.65
FEW_EACH = 15


def suggest(advanced: list[float], rejected: list[float]) -> dict:
    """{"ready", "threshold", "review_band": [low, high], "balanced_accuracy", "advanced", "rejected", "message",
    "warning": Chinese sentence | None}; threshold and band rounded to 0.1 on 0–100."""
    base = {"advanced": len(advanced), "rejected": len(rejected), "needed_each": MIN_EACH}
    if len(advanced) < MIN_EACH or len(rejected) < MIN_EACH:
        return {**base, "ready": False, "threshold": None, "review_band": None, "balanced_accuracy": None,
                "warning": None,
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
    cut = min(100.0, max(0.0, round(best_cut, 1)))
    low, high = max(0.0, round(min(low, cut), 1)), min(100.0, round(max(high, cut), 1))
    warnings = []
    if best_accuracy < WEAK_ACCURACY:
        warnings.append(f"自动评分和你们过去的决定关系不大（一致率 {best_accuracy:.0%}，随便猜也有 50%），"
                        "这个及格线只能作参考，不建议直接采用")
    if len(advanced) < FEW_EACH or len(rejected) < FEW_EACH:
        warnings.append(f"决定还比较少（通过 {len(advanced)} 人、淘汰 {len(rejected)} 人），建议会随着更多决定而变化")
    return {**base, "ready": True, "threshold": cut, "review_band": [low, high],
            "balanced_accuracy": round(best_accuracy, 3),
            "warning": "；".join(warnings) + "。" if warnings else None,
            "message": f"按你们过去的决定，及格线定在 {cut:g} 分最能区分通过和淘汰的人"
                       f"（一致率 {best_accuracy:.0%}）；{low:g}–{high:g} 分之间的人建议人工复核。"}


def recommendation(overall: float | None, threshold: float, band_low: float | None = None,
                   band_high: float | None = None) -> bool | None:
    """The automated verdict of a fully scored session: True at or above the pass line, False below it, None
    ("a person decides") inside the interview's review band [band_low, band_high] or without a score."""
    if overall is None:
        return None
    if band_low is not None and band_high is not None and band_low <= overall <= band_high:
        return None
    return overall >= threshold
