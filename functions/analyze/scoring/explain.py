"""Reasons for HR (2–4 plain Chinese sentences per competency) and feedback for the candidate.

Reasons may name HR's own keywords (HR wrote them). Candidate feedback never does, never names the
anchors, avoids jargon (no "STAR"), fits the question type (a closing "你有什么想问的" question gets no
story advice) and is not produced for a gated answer (the caller passes none).
"""
from __future__ import annotations

import re

from .features import Analysis

_JOIN = "、"


def _quote(items, n: int = 3) -> str:
    items = [i for i in items if i][:n]
    return _JOIN.join(items)


def _clip(text: str, n: int = 24) -> str:
    text = text.strip("，,。 ")
    return text if len(text) <= n else text[:n] + "…"


def question_type(question: dict) -> str:
    """"closing", "intro", "story", "situational" or "general", from the question's wording."""
    text = question.get("text") or ""
    kind = question.get("type")
    if kind in ("closing", "intro", "story", "situational", "general"):
        return kind
    if re.search(r"(有什么|有没有|还有什么).{0,6}(想问|问题要问|想了解|要问|补充)|any questions|궁금한", text):
        return "closing"
    if re.search(r"自我介绍|介绍一下你自己|introduce yourself|자기소개", text):
        return "intro"
    if re.search(r"讲一次|讲一个|说一次|举一个|举个例子|经历|有没有.{0,8}过|曾经|tell (me|us) about a time|경험", text):
        return "story"
    if re.search(r"你会怎么|你会怎样|如果|假如|遇到.{0,10}怎么办|what would you|어떻게 하", text):
        return "situational"
    return "general"


def reasons(analysis: Analysis, index: int, drivers: list[dict]) -> list[str]:
    """2–4 sentences on why competency `index` scored as it did, most influential first."""
    comp, values, det = analysis.competencies[index]
    a, d = analysis.answer, analysis.details
    effect = {x["feature"]: x["effect"] for x in drivers}
    said = list(det["said"])
    keywords_said = det["keywords_said"]
    candidates = []   # (weight, sentence)

    def w(*features):
        return max(abs(effect.get(f, 0.0)) for f in features) + 0.01

    if said:
        kinds = det["kinds"]
        behaviours = [t for t in said if kinds.get(t) != "keyword"]
        sentence = f"提到了与“{comp.name}”相关的内容：{_quote(said, 4)}"
        if keywords_said and behaviours:
            sentence += f"（其中关键词 {_quote(keywords_said, 4)}）"
        elif not keywords_said and behaviours:
            sentence += "（没用原关键词，但说到了相应的做法）"
        if values["evidence_specific"] < 0.3:
            sentence += "，但多是泛泛一提，没有配合具体经过"
        candidates.append((w("evidence", "evidence_specific"), sentence + "。"))
    else:
        candidates.append((w("evidence", "evidence_specific"),
                           f"没有说到与“{comp.name}”相关的具体做法。"))
    if det["negated"]:
        candidates.append((w("negative_evidence") + 5,
                           f"以否定的方式提到了 {_quote(det['negated'])}（如“不会”“很少”），这是反面信息。"))
    concrete = list(d["concrete"])
    if concrete:
        candidates.append((w("concreteness", "specificity"), f"举了具体的数字、时间或名称：{_quote(concrete, 4)}。"))
    else:
        candidates.append((w("concreteness", "specificity"), "没有具体的数字、时间、地点或名称。"))
    if d["action_clauses"]:
        candidates.append((w("specific_actions", "story_order"),
                           f"说了自己具体做了什么：“{_clip(d['action_clauses'][0])}”。"))
    else:
        candidates.append((w("specific_actions", "story_order"), "没有说清自己具体做了什么。"))
    if a["outcome"] >= 0.75 and d["outcome_clause"]:
        candidates.append((w("outcome"), f"说了具体结果：“{_clip(d['outcome_clause'])}”。"))
    elif a["outcome"] > 0:
        candidates.append((w("outcome"), "结果只是笼统地说“很好”“满意”之类，没有具体内容。"))
    else:
        candidates.append((w("outcome"), "没有说到最后的结果。"))
    if a["relevance"] < 0.25:
        candidates.append((w("relevance") + 1, "回答和题目关系不大。"))
    if comp.anchors:
        level = values["anchor_match"]
        text = "与这项能力的优秀回答示例相近。" if level >= 0.6 else (
            "更接近这项能力的较弱回答示例。" if level <= 0.4 else "与优秀、较弱回答示例都不太像。")
        candidates.append((w("anchor_match"), text))
    candidates.sort(key=lambda c: -c[0])
    out = [s for _, s in candidates[:4]]
    return out if len(out) >= 2 else out + ["回答内容较少，依据有限。"]


_STRENGTHS = {
    "concreteness": "举了具体的数字、时间或地点，让人容易相信。",
    "specific_actions": "清楚地说了你自己做了哪些事。",
    "outcome": "说清了最后的结果。",
    "evidence": "说到了这道题想了解的具体做法。",
}
_SUGGEST = {
    "story": "可以讲一件真实发生过的事：当时是什么情况，你自己做了哪几步，最后结果怎样。",
    "concreteness": "可以加上具体的数字、时间或地点，比如多少人、多少单、用了多长时间。",
    "specific_actions": "多说说你自己具体做了什么、按什么顺序做的。",
    "outcome": "说一说最后的结果，最好有能核实的细节（比如几点完成、少了多少投诉）。",
    "evidence": "可以多讲和这道题直接有关的具体做法。",
    "situational": "说说你会先做什么、再做什么，每一步具体怎么做。",
    "closing": "可以问一个和岗位、团队或工作安排有关的具体问题。",
    "intro": "可以说说你做过的具体工作和一两件拿得出手的事。",
}


def feedback(analysis: Analysis, competencies: list[dict], question: dict) -> dict:
    """{"strengths": [...], "suggestions": [...]} for the candidate (Chinese, at most 2 + 2)."""
    kind = question_type(question)
    a = analysis.answer
    evidence = max((v["evidence_specific"] for _, v, _ in analysis.competencies), default=0.0)
    overall = sum(c["score"] * (c.get("weight") or 1) for c in competencies) / max(
        sum(c.get("weight") or 1 for c in competencies), 1e-9) if competencies else 0.0
    level = {"concreteness": a["concreteness"], "specific_actions": a["specific_actions"],
             "outcome": a["outcome"], "evidence": evidence}
    strengths = [_STRENGTHS[f] for f, v in sorted(level.items(), key=lambda kv: -kv[1]) if v >= 0.6][:2]
    suggestions = []
    if kind == "closing":
        if analysis.counts["distinct_content"] < 8:
            suggestions.append(_SUGGEST["closing"])
        return {"strengths": strengths[:1], "suggestions": suggestions}
    if kind == "intro":
        if a["concreteness"] < 0.5 or a["specific_actions"] < 0.3:
            suggestions.append(_SUGGEST["intro"])
        return {"strengths": strengths, "suggestions": suggestions}
    limit = 1 if overall >= 75 else 2
    if kind == "story" and a["story_order"] < 0.67:
        suggestions.append(_SUGGEST["story"])
    elif kind == "situational" and a["specific_actions"] < 0.4:
        suggestions.append(_SUGGEST["situational"])
    for f, v in sorted(level.items(), key=lambda kv: kv[1]):
        if len(suggestions) >= limit:
            break
        if f == "outcome" and kind not in ("story", "situational", "general"):
            continue
        if v < 0.5 and _SUGGEST[f] not in suggestions:
            suggestions.append(_SUGGEST[f])
    return {"strengths": strengths, "suggestions": suggestions[:limit]}
