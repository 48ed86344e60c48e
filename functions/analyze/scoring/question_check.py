"""The shape of a question (and of an analysis context) the analyzer can score: the one check the CLI
(python -m functions.analyze --question) and the pipeline (pipeline.analyze_file / analyze_transcript, which
the SCF handler calls with the question the API sends) both apply.

    problems(question)            Chinese messages, one per problem; [] when the question can be scored
    context_problems(doc)         the same for a whole analysis context ({"language", "question", "scorer"})
    scorer_problems(scorer)       the context's scorer {"version": str, "calibration": {...} | null}

The API checks a question when HR saves it with marshmallow (api/interviews.py QuestionInSchema and
CompetencySchema, which take their bounds from the constants below); functions/ must not import api/, so this is
the analyzer's own check of the same rules, limited to what the scorer reads. Fields the analyzer does not read
(think_seconds, max_attempts, media, id…) and unknown keys are ignored, as the contract says readers must
(docs/internal-contracts.md). Absent optional fields keep their defaults: no answer_seconds is a question
without a time limit, no competencies one "overall" competency, no weight 1.
"""
from __future__ import annotations

import math

from . import calibration

ANSWER_SECONDS = (10, 600)           # the API's Range for answer_seconds (api/interviews.py)
WEIGHT_MAX = 100.0                   # weight: 0 < weight ≤ WEIGHT_MAX (api/interviews.py)
WORD_LISTS = {"keywords": "关键词", "synonyms": "同义词", "behaviours": "行为表现"}
ANCHOR_LEVELS = ("weak", "adequate", "strong")
LANGUAGES = ("zh", "en", "ko")       # functions/analyze/settings.py LANGUAGES


def describe(value) -> str:
    """A value as HR reads it in a message: 数字 5, 文字“120”, 列表（2 项）, 空值 null…"""
    if value is None:
        return "空值 null"
    if isinstance(value, bool):
        return f"布尔值 {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return "NaN（不是数字）"
        if isinstance(value, float) and math.isinf(value):
            return "无穷大"
        if isinstance(value, int) and abs(value) >= 10 ** 20:
            return "一个超过 20 位的数字"
        return f"数字 {value:g}" if isinstance(value, float) else f"数字 {value}"
    if isinstance(value, str):
        return "空文字" if not value.strip() else f"文字“{value if len(value) <= 20 else value[:20] + '…'}”"
    if isinstance(value, list):
        return f"列表（{len(value)} 项）"
    if isinstance(value, dict):
        return "对象"
    return type(value).__name__


def _number(value) -> float | None:
    """A real, finite number (not a bool, not a string), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        value = float(value)
    except OverflowError:   # an int beyond any float (a JSON literal of 400 digits)
        return None
    return value if math.isfinite(value) else None


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _competency_problems(comp, index: int) -> list[str]:
    where = f"第 {index} 项考察能力"
    if not isinstance(comp, dict):
        return [f"{where}应是一个对象（如 {{\"name\": \"沟通表达\", \"weight\": 1, \"keywords\": [\"沟通\"]}}），"
                f"收到的是{describe(comp)}。"]
    out = []
    name = comp.get("name")
    if not _text(name):
        out.append(f"{where}缺少名称 name（应是一段文字，如“沟通表达”），收到的是{describe(name)}。")
    else:
        where = f"{where}“{name.strip()}”"
    weight = comp.get("weight")
    if weight is not None:
        w = _number(weight)
        if w is None or not 0 < w <= WEIGHT_MAX:
            out.append(f"{where}的权重 weight 应是大于 0、不超过 {WEIGHT_MAX:g} 的数字，收到的是{describe(weight)}。")
    for key, label in WORD_LISTS.items():
        words = comp.get(key)
        if words is None:
            continue
        if not isinstance(words, list):
            out.append(f"{where}的{label} {key} 应是词语列表（如 [\"沟通\", \"协调\"]），收到的是{describe(words)}。")
            continue
        bad = [w for w in words if not isinstance(w, str)]
        if bad:
            out.append(f"{where}的{label} {key} 里每一项都应是文字，其中有{describe(bad[0])}"
                       + (f"等 {len(bad)} 项" if len(bad) > 1 else "") + "。")
    anchors = comp.get("anchors")
    if anchors is not None:
        if not isinstance(anchors, dict):
            out.append(f"{where}的示例回答 anchors 应是一个对象（键为 {'、'.join(ANCHOR_LEVELS)}，值为一段文字），"
                       f"收到的是{describe(anchors)}。")
        else:
            for level, text in anchors.items():
                if level not in ANCHOR_LEVELS:
                    out.append(f"{where}的示例回答 anchors 里的“{level}”不是可用的档次（只能是 {'、'.join(ANCHOR_LEVELS)}）。")
                elif not (isinstance(text, str) or
                          (isinstance(text, list) and all(isinstance(t, str) for t in text))):
                    out.append(f"{where}的示例回答 anchors 的 {level} 应是一段文字，收到的是{describe(text)}。")
    return out


def problems(question) -> list[str]:
    """Why the analyzer cannot score answers to `question` (Chinese sentences, one per problem), or []."""
    if not isinstance(question, dict):
        return [f"题目应是一个 JSON 对象（含 text、answer_seconds、competencies 等字段），收到的是{describe(question)}。"]
    out = []
    text = question.get("text")
    if not _text(text):
        out.append(f"题目文字 text 应是一段不为空的文字，收到的是{describe(text)}。")
    low, high = ANSWER_SECONDS
    seconds = question.get("answer_seconds")
    if seconds is not None:
        s = _number(seconds)
        if s is None or not low <= s <= high:
            out.append(f"作答时长 answer_seconds 应是 {low} 到 {high} 之间的秒数，收到的是{describe(seconds)}。")
    tolerance = question.get("answer_tolerance_seconds")
    if tolerance is not None:
        t = _number(tolerance)
        if t is None or not 0 <= t <= high:
            out.append(f"超时宽限 answer_tolerance_seconds 应是 0 到 {high} 之间的秒数，收到的是{describe(tolerance)}。")
    for key, label in (("type", "题目类型"), ("reference_answer", "参考答案")):
        value = question.get(key)
        if value is not None and not isinstance(value, str):
            out.append(f"{label} {key} 应是一段文字，收到的是{describe(value)}。")
    comps = question.get("competencies")
    if comps is not None:
        if not isinstance(comps, list):
            out.append("考察能力 competencies 应是一个列表，每项是一个对象（如 [{\"name\": \"沟通表达\", \"weight\": 1, "
                       f"\"keywords\": [\"沟通\"]}}]），收到的是{describe(comps)}。")
        else:
            for index, comp in enumerate(comps, 1):
                out.extend(_competency_problems(comp, index))
    return out


# the competency keys the scorer reads (features.Competency.from_question); a question's other keys are the API's
COMPETENCY_KEYS = frozenset({"name", "weight", "anchors", *WORD_LISTS})


def unread_competency_keys(question) -> list[tuple[int, list[str]]]:
    """(1-based competency index, keys) for competency keys the scorer does not read ("keyword" for "keywords"…):
    not an error (readers ignore unknown keys), but a typo there silently drops HR's words, so the CLI names them."""
    comps = question.get("competencies") if isinstance(question, dict) else None
    return [(index, sorted(set(comp) - COMPETENCY_KEYS))
            for index, comp in enumerate(comps if isinstance(comps, list) else [], 1)
            if isinstance(comp, dict) and set(comp) - COMPETENCY_KEYS]


def scorer_problems(scorer) -> list[str]:
    """Why a context's scorer ({"version": str, "calibration": {...} | null}) cannot be applied, or []."""
    if scorer is None:
        return []
    if not isinstance(scorer, dict):
        return [f"评分模型 scorer 应是一个对象（如 {{\"version\": \"default\", \"calibration\": null}}），"
                f"收到的是{describe(scorer)}。"]
    out = []
    version = scorer.get("version")
    if version is not None and not _text(version):
        out.append(f"评分模型版本 scorer.version 应是一段文字（如“default”），收到的是{describe(version)}。")
    out.extend(calibration.problems(scorer.get("calibration")))
    return out


def context_problems(doc) -> list[str]:
    """Why an analysis context ({"language", "question", "scorer"}, GET /api/internal/analysis-context) or a bare
    question (which may carry "language" and "scorer" too, as the CLI reads them) cannot be scored, or []. A
    document with a "question" key is a context."""
    if not isinstance(doc, dict):
        return problems(doc)
    out = []
    language = doc.get("language")
    if language is not None and language not in LANGUAGES:
        out.append(f"面试语言 language 只能是 {'、'.join(LANGUAGES)}，收到的是{describe(language)}。")
    return out + problems(doc["question"] if "question" in doc else doc) + scorer_problems(doc.get("scorer"))
