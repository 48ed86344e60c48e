"""Adverse-impact figures: selection rates per self-declared group and the four-fifths impact ratio.

Method (docs/fairness.md): per attribute (gender, age band) and stage, a candidate counts in the group they
declared; "undisclosed" and undeclared candidates are counted apart and never in a ratio. Stages and their
denominators:
  passed_threshold — of candidates with an automated overall score, those at or above the interview's pass line;
  advanced         — of candidates who submitted, those HR advanced;
  hired            — of candidates who submitted, those with an accepted offer or a start recorded.
The impact ratio is the lowest group's selection rate divided by the highest's, over groups with at least
MIN_GROUP candidates (smaller groups are listed with a warning and left out). Under 0.8 is the four-fifths
rule's signal of possible adverse impact. Fisher's exact test (scipy) on lowest vs highest group gives a
p-value: with small groups a low ratio can be chance, and a ratio above 0.8 does not prove fairness.
"""
from __future__ import annotations

from scipy.stats import fisher_exact

MIN_GROUP = 5
FOUR_FIFTHS = 0.8
ATTRIBUTES = ("gender", "age_band")
STAGES = ("passed_threshold", "advanced", "hired")
STAGE_LABELS = {"passed_threshold": "自动评分达到及格线", "advanced": "进入下一轮", "hired": "录用"}
UNDISCLOSED = "undisclosed"


def selection(records: list[dict], attribute: str, stage: str, labels: dict | None = None) -> dict:
    """Selection figures of one attribute at one stage.

    records: [{"groups": {"gender": "female"|…|None, "age_band": …}, "eligible": {stage: bool},
    "selected": {stage: bool}}]. Returns {"stage", "attribute", "groups": [{"group", "label", "n", "selected",
    "rate", "judgeable"}], "undisclosed": n, "impact_ratio": float|None, "lowest", "highest",
    "fisher_p": float|None, "adverse": bool|None, "warnings": [Chinese sentences]}.
    """
    labels = labels or {}
    counts: dict[str, list[int]] = {}
    undisclosed = 0
    for record in records:
        if not record["eligible"].get(stage):
            continue
        group = (record.get("groups") or {}).get(attribute)
        if group in (None, UNDISCLOSED):
            undisclosed += 1
            continue
        tally = counts.setdefault(group, [0, 0])
        tally[0] += 1
        tally[1] += 1 if record["selected"].get(stage) else 0
    groups = [{"group": g, "label": labels.get(g, g), "n": n, "selected": s, "rate": round(s / n, 4),
               "judgeable": n >= MIN_GROUP} for g, (n, s) in sorted(counts.items())]
    warnings = [f"「{item['label']}」只有 {item['n']} 人，少于 {MIN_GROUP} 人，不足以判断，未计入比值。"
                for item in groups if not item["judgeable"]]
    judged = [item for item in groups if item["judgeable"]]
    out = {"stage": stage, "stage_label": STAGE_LABELS[stage], "attribute": attribute, "groups": groups,
           "undisclosed": undisclosed, "impact_ratio": None, "lowest": None, "highest": None, "fisher_p": None,
           "adverse": None, "warnings": warnings}
    if len(judged) < 2:
        warnings.append(f"至少需要两个各有 {MIN_GROUP} 人以上的组才能计算比值。")
        return out
    lowest = min(judged, key=lambda item: (item["rate"], item["group"]))
    highest = max(judged, key=lambda item: (item["rate"], item["group"]))
    if highest["selected"] == 0:
        warnings.append("这一阶段还没有人被选中，无法计算比值。")
        return out
    ratio = (lowest["selected"] / lowest["n"]) / (highest["selected"] / highest["n"])
    table = [[lowest["selected"], lowest["n"] - lowest["selected"]],
             [highest["selected"], highest["n"] - highest["selected"]]]
    p_value = float(fisher_exact(table).pvalue)
    out.update({"impact_ratio": round(ratio, 4), "lowest": lowest["group"], "highest": highest["group"],
                "fisher_p": round(p_value, 4), "adverse": ratio < FOUR_FIFTHS})
    if ratio < FOUR_FIFTHS:
        warnings.append(f"「{lowest['label']}」的通过率只有「{highest['label']}」的 {ratio:.0%}，低于五分之四，"
                        f"可能存在不利影响{'' if p_value < 0.05 else f'（但人数少，差异可能是偶然，p={p_value:.2f}）'}。")
    return out


def report(records: list[dict], labels: dict[str, dict] | None = None) -> list[dict]:
    """selection() for every attribute and stage."""
    labels = labels or {}
    return [selection(records, attribute, stage, labels.get(attribute)) for attribute in ATTRIBUTES for stage in STAGES]


def worst_ratio(records: list[dict], stage: str = "passed_threshold") -> float | None:
    """The lowest impact ratio over the attributes at one stage (None when no attribute can be judged)."""
    ratios = [selection(records, attribute, stage)["impact_ratio"] for attribute in ATTRIBUTES]
    ratios = [r for r in ratios if r is not None]
    return min(ratios) if ratios else None


def gate(candidate_ratio: float | None, active_ratio: float | None) -> dict:
    """The activation gate: refuse a version whose ratio is worse than the active one's AND under 0.8.

    Returns {"allowed_without_justification": bool, "reason": Chinese sentence | None}.
    """
    if candidate_ratio is None:
        return {"allowed_without_justification": True,
                "reason": "自愿填写性别、年龄的候选人太少，无法检查这个版本的公平性。"}
    worse = active_ratio is not None and candidate_ratio < active_ratio
    if candidate_ratio < FOUR_FIFTHS and (worse or active_ratio is None):
        return {"allowed_without_justification": False,
                "reason": f"这个版本在你们的数据上的最低通过率比值是 {candidate_ratio:.2f}，低于 0.8"
                          + (f"，也比当前版本（{active_ratio:.2f}）更差" if active_ratio is not None else "")
                          + "。启用前必须写明理由，理由会记入审计日志。"}
    return {"allowed_without_justification": True, "reason": None}
