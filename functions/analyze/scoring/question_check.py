"""The shape of a question (and of an analysis context) the analyzer can score: the one check the CLI
(python -m functions.analyze --question) and the pipeline (pipeline.analyze_file / analyze_transcript, which
the SCF handler calls with the question the API sends) both apply.

    problems(question)            Chinese messages, one per problem; [] when the question can be scored
    context_problems(doc)         the same for a whole analysis context ({"language", "question", "scorer"})
    scorer_problems(scorer)       the context's scorer {"version": str, "calibration": {...} | null}
    saving_problems(question, language)
                                  the stricter rules of a question HR writes (the API on save, the CLI's question
                                  file), beyond what the scorer can read: the API's size bounds, a known `type`, a
                                  `competencies` that is a non-empty list when given, no two competencies with one
                                  name (name_key), names with a letter or character in them
    duplicate_names(competencies, language)
                                  groups of names that are one competency once normalised (name_key)

The API checks a question when HR saves it with marshmallow (api/interviews.py QuestionInSchema and
CompetencySchema, which take their bounds from the constants below); functions/ must not import api/, so this is
the analyzer's own check of the same rules, limited to what the scorer reads. Fields the analyzer does not read
(think_seconds, max_attempts, media, id…) and unknown keys are ignored, as the contract says readers must
(docs/internal-contracts.md). Absent optional fields keep their defaults: no answer_seconds is a question
without a time limit, no competencies one "overall" competency, no weight 1.
"""
from __future__ import annotations

import math
import unicodedata

from . import calibration
from .text import normalise

ANSWER_SECONDS = (10, 600)           # the API's Range for answer_seconds (api/interviews.py)
WEIGHT_MAX = 100.0                   # the analyzer reads a weight in (0, WEIGHT_MAX] (stored ones sum to 1)
# HR writes a weight of at least WEIGHT_MIN into the API (api/interviews.py): it stores weights scaled to sum 1 and
# rounded to 6 decimals, and a smaller one (1e-9 next to 100) would be stored as 0, which the analyzer refuses
WEIGHT_MIN = 0.01
# what HR may write into one question (api/interviews.py takes its bounds from here; saving_problems checks
# the CLI's question file against the same): characters of the text, a name, a word, an anchor; competencies per
# question; words per competency list
TEXT_MAX, NAME_MAX, WORD_MAX, ANCHOR_MAX = 1000, 40, 40, 1000
COMPETENCIES_MAX = 10
WORDS_MAX = {"keywords": 50, "synonyms": 100, "behaviours": 100}
# a question's `type`: explain.question_type reads the first five; the scorer's data sets (models/scorer/data,
# eval) label questions behavioural and motivation too, which the scorer reads from the wording, as with no type
QUESTION_TYPES = ("story", "situational", "intro", "closing", "general", "behavioural", "motivation")
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


_END_PUNCTUATION = "。.，,、；;：:！!？?…·-—_~～"


def name_key(name, language: str) -> str:
    """A competency name as it is compared with the question's other names: normalised as keywords are
    (text.normalise: NFKC, so full-width → half-width, case folded, traditional → simplified Chinese), every
    space removed and sentence punctuation stripped from its ends ("沟通能力", "溝通能力", "沟通 能力。" are one name;
    "ＳＱＬ" and "sql" too; "C#" and "C++" stay two). "" when the name has no letter, character or digit."""
    text = normalise(name, language) if isinstance(name, str) else ""
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "ZC").strip(_END_PUNCTUATION)
    return text if any(unicodedata.category(ch)[0] in "LN" for ch in text) else ""


def duplicate_names(competencies, language: str) -> list[list[str]]:
    """Groups (two or more names as written, in order) of the competencies whose names are one name by name_key;
    names that are not text or are empty after it are left to the other checks."""
    groups: dict[str, list[str]] = {}
    for comp in competencies if isinstance(competencies, list) else []:
        name = comp.get("name") if isinstance(comp, dict) else None
        key = name_key(name, language)
        if key:
            groups.setdefault(key, []).append(name.strip())
    return [names for names in groups.values() if len(names) > 1]


def duplicate_message(names: list[str], where: str = "") -> str:
    """"第 1 题的考察能力“沟通能力”和“溝通能力”是同一项能力…" for one group of duplicate_names."""
    if len(set(names)) == 1:
        said = f"“{names[0]}”出现了 {len(names)} 次"
    else:
        said = "和".join(f"“{n}”" for n in dict.fromkeys(names)) + "是同一个名称（只差大小写、全角半角、空格标点或繁简体）"
    return (f"{where}考察能力{said}：同一道题里每项能力只能设置一次，请合并成一项（关键词放在一起），"
            "或改成不同的名称。")


def _too_long(value, limit: int) -> bool:
    return isinstance(value, str) and len(value) > limit


def saving_problems(question, language: str = "zh") -> list[str]:
    """Why HR cannot save `question` as written (Chinese sentences), beyond problems(): the rules the API applies
    when an interview is saved (api/interviews.py), so the CLI refuses the question file the API would refuse.
    - `type`, when given, one of QUESTION_TYPES (another value would silently be ignored by the scorer);
    - `competencies`, when given, a list of 1–COMPETENCIES_MAX competencies, not null (a null is an unfilled
      template, not "no competencies": leave the field out for one overall competency);
    - no two competencies whose names are one name (name_key: case, width, spaces, punctuation, traditional vs
      simplified Chinese) — their scores would be reported under one name twice and their weights split;
    Weights are not held to WEIGHT_MIN here: the API needs it because it stores weights scaled and rounded, and
    an analysis context it serves carries those scaled weights (1e-4 is a fine one there); problems() checks (0, 100].
    - a name with at least one letter or character (not only spaces or punctuation), at most NAME_MAX characters;
    - text at most TEXT_MAX characters, each keyword/synonym/behaviour at most WORD_MAX, at most WORDS_MAX words
      per list, each anchor at most ANCHOR_MAX.
    Keywords that are one word once normalised (沟通 / 溝通 / 沟通 ) are not refused: they are stored once
    (keywords.normalised_words), as HR means one word."""
    if not isinstance(question, dict):
        return []
    out = []
    if _too_long(question.get("text"), TEXT_MAX):
        out.append(f"题目文字 text 最多 {TEXT_MAX} 个字，收到的有 {len(question['text'])} 个字。")
    kind = question.get("type")
    if isinstance(kind, str) and kind not in QUESTION_TYPES:   # exactly: the scorer would ignore "Story"
        out.append(f"题目类型 type 只能是 {'、'.join(QUESTION_TYPES)}（或不填，按题目文字判断），收到的是{describe(kind)}。")
    if "competencies" in question and question["competencies"] is None:
        out.append("考察能力 competencies 是空值 null：请给出 1 到 "
                   f"{COMPETENCIES_MAX} 项考察能力，或删去这个字段（整道题按一项综合能力评分）。")
    comps = question.get("competencies")
    if not isinstance(comps, list):
        return out
    if not comps:
        out.append(f"考察能力 competencies 是空列表：请至少设置一项（最多 {COMPETENCIES_MAX} 项），或删去这个字段。")
    elif len(comps) > COMPETENCIES_MAX:
        out.append(f"一道题最多设置 {COMPETENCIES_MAX} 项考察能力，收到的有 {len(comps)} 项。")
    for index, comp in enumerate(comps, 1):
        if not isinstance(comp, dict):
            continue
        name = comp.get("name")
        where = f"第 {index} 项考察能力"
        if _text(name):
            if not name_key(name, language):
                out.append(f"{where}的名称“{name.strip()}”只有标点或符号，请写上能力的名字（如“沟通表达”）。")
            elif len(name.strip()) > NAME_MAX:
                out.append(f"{where}的名称最多 {NAME_MAX} 个字，收到的有 {len(name.strip())} 个字。")
            where = f"{where}“{name.strip()[:20]}”"
        for key, label in WORD_LISTS.items():
            words = comp.get(key)
            if not isinstance(words, list):
                continue
            if len(words) > WORDS_MAX[key]:
                out.append(f"{where}的{label} {key} 最多 {WORDS_MAX[key]} 个，收到的有 {len(words)} 个。")
            long = [w for w in words if _too_long(w, WORD_MAX)]
            if long:
                out.append(f"{where}的{label} {key} 里每个词最多 {WORD_MAX} 个字，"
                           f"“{long[0][:20]}…”有 {len(long[0])} 个字。")
        anchors = comp.get("anchors")
        if isinstance(anchors, dict):
            for level, text in anchors.items():
                if _too_long(text, ANCHOR_MAX):
                    out.append(f"{where}的示例回答 anchors 的 {level} 最多 {ANCHOR_MAX} 个字。")
    out.extend(duplicate_message(names) for names in duplicate_names(comps, language))
    return out
