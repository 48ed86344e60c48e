"""The anchored 1–5 rating scale of docs/rating-scale.md, as HR sees it (Chinese anchors)."""

ANCHORS = {
    5: "优秀：具体事例＋本人行动＋可核实的结果",
    4: "良好：有具体事例和结果，细节略少",
    3: "合格：切题，有一些具体内容",
    2: "较弱：空泛、套话、只说态度",
    1: "很差：没有回答、跑题或反面证据",
}


def score_of(rating: int) -> float:
    """The 0–100 automated-score equivalent of a 1–5 rating: (rating − 1) × 25."""
    return (rating - 1) * 25.0
