"""Feedback a candidate can act on and HR can check, built only from the measured features."""
from __future__ import annotations

FEATURE_LABELS = {
    "zh": {"keyword_coverage": "要点覆盖", "relevance": "切题程度", "star_structure": "STAR 结构",
           "answer_length": "回答充分度", "fluency": "流畅度（口头禅）", "pace": "语速", "pauses": "停顿"},
    "en": {"keyword_coverage": "key points covered", "relevance": "relevance to the question",
           "star_structure": "STAR structure", "answer_length": "enough detail", "fluency": "few filler words",
           "pace": "speaking pace", "pauses": "pauses"},
    "ko": {"keyword_coverage": "핵심 내용", "relevance": "질문 관련성", "star_structure": "STAR 구조",
           "answer_length": "답변 충분성", "fluency": "군말 적음", "pace": "말하기 속도", "pauses": "멈춤"},
}

SUGGESTIONS = {
    "zh": {"keyword_coverage": "围绕岗位要求，具体说出相关的做法和经验（例如：{missing}）。",
           "relevance": "先直接回应问题本身，再展开细节。",
           "star_structure": "用 STAR 结构组织回答：当时的情况、你的任务、你采取的行动、最终结果。缺少：{star_missing}。",
           "answer_length": "回答可以更充分，利用好作答时间举一个具体例子。",
           "fluency": "减少“嗯、那个、就是”等口头禅，停一下再说也没关系。",
           "pace": "注意语速，保持平稳清晰。", "pauses": "长时间停顿较多，可以先在心里列出要点。"},
    "en": {"keyword_coverage": "Speak to what the role asks for, with concrete examples (e.g. {missing}).",
           "relevance": "Answer the question directly first, then add detail.",
           "star_structure": "Use STAR: the situation, your task, the actions you took, the result. Missing: {star_missing}.",
           "answer_length": "Use more of the time: one concrete example with details.",
           "fluency": "Fewer filler words (um, like, you know); a short pause is fine.",
           "pace": "Keep a steady, clear pace.", "pauses": "Long silences: outline your points before you start."},
    "ko": {"keyword_coverage": "직무와 관련된 구체적인 경험을 말해 보세요 (예: {missing}).",
           "relevance": "질문에 먼저 직접 답하고 세부 내용을 덧붙이세요.",
           "star_structure": "STAR 구조로 답하세요: 상황, 과제, 행동, 결과. 빠진 부분: {star_missing}.",
           "answer_length": "시간을 더 활용해 구체적인 예를 들어 보세요.",
           "fluency": "'음, 그, 뭐' 같은 군말을 줄여 보세요.",
           "pace": "일정하고 또렷한 속도를 유지하세요.", "pauses": "긴 멈춤이 많습니다. 요점을 먼저 정리해 보세요."},
}

STRENGTHS = {
    "zh": "{label}表现好", "en": "Strong {label}", "ko": "{label} 우수",
}

STAR_NAMES = {"zh": {"situation": "情况", "task": "任务", "action": "行动", "result": "结果"},
              "en": {"situation": "situation", "task": "task", "action": "action", "result": "result"},
              "ko": {"situation": "상황", "task": "과제", "action": "행동", "result": "결과"}}


def feedback(language: str, competencies: list[dict], features: dict, question: dict) -> dict:
    """Strengths: features that raised scores most; suggestions: those that lowered them most."""
    lang = language if language in FEATURE_LABELS else "en"
    effects: dict[str, float] = {}
    for comp in competencies:
        for d in comp.get("drivers", []):
            effects[d["feature"]] = effects.get(d["feature"], 0.0) + d["effect"] * (comp.get("weight") or 1.0)
    ranked = sorted(effects.items(), key=lambda kv: kv[1], reverse=True)
    strengths = [STRENGTHS[lang].format(label=FEATURE_LABELS[lang][f]) for f, e in ranked if e > 0.15][:2]
    missing_kw = []
    for comp_q in question.get("competencies") or []:
        said = {e["keyword"] for c in competencies if c["name"] == comp_q["name"] for e in c.get("evidence", [])}
        missing_kw += [k for k in comp_q.get("keywords") or [] if k not in said]
    star = features.get("star") or {}
    star_missing = [STAR_NAMES[lang][k] for k, v in star.items() if not v]
    suggestions = []
    for f, e in sorted(effects.items(), key=lambda kv: kv[1]):
        if e >= -0.1 or len(suggestions) >= 3:
            break
        if (f == "star_structure" and not star_missing) or (f == "keyword_coverage" and not missing_kw):
            continue
        suggestions.append(SUGGESTIONS[lang][f].format(missing="、".join(missing_kw[:3]) if lang == "zh"
                                                       else ", ".join(missing_kw[:3]),
                                                       star_missing=", ".join(star_missing)))
    return {"strengths": strengths, "suggestions": suggestions}
