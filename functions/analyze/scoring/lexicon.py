"""Per-language word lists (models/lexicons/<lang>.json) and curated competency lexicons
(models/lexicons/competencies.<lang>.json).

<lang>.json keys (all lists of already-normalised words unless said otherwise): fillers, star (cue words
by part, kept for reference), synonyms {head: [words]}, stopwords, particles (ko), negators, refused
(words too general to be an HR keyword), generic (evaluative or template words that carry no specific
content: 好, 满意, 认真…), result_markers, completion (verbs that state an outcome), connectives (words
that start a clause in unpunctuated speech), first_person, pronouns, numerals (characters of spoken
numbers), measure_words, time_words, reluctance (refusing or unwilling phrases: 没办法, 无所谓, 拖着…), work_topic (words of everyday work
that put a clause on topic: 顾客, 订单; customer, refund; 손님, 주문), common_latin (zh:
everyday English words said inside a Chinese answer — ok, so, anyway, nice — that are no name), faults (zh: faults
and failures whose denial is praise — 超时, 推给, 出错, 投诉…; see text._denied_fault), trade_characters (zh: characters
of a trade — kitchen, craft, chemistry, pests — in everyday use however rare in jieba's counts), surnames (zh: common
Chinese surnames, single characters; a word jieba tags a name is one only if it starts like a name, features.person_of).
categories (zh: {category: {"names", "words", "endings"}}): what a question names as a category (病虫害, 天气灾害, 设备故障)
and the instances an answer tells it by (红蜘蛛, 冰雹, 皮带断了; a noun ending in 病/虫/螨 — 褐斑病); see named_instances.

competencies.<lang>.json: {competency name: {"synonyms": [...], "behaviours": [...]}} — words and short
phrases that show the competency without HR's exact keywords. A question's competency may add its own
(`synonyms`, `behaviours`) in the analysis context.

Extend them by editing the JSON files; MIAOMIAN_LEXICON_DIR points at another folder of the same shape.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "models" / "lexicons"
_LIST_KEYS = ("fillers", "stopwords", "particles", "negators", "refused", "generic", "result_markers",
              "completion", "connectives", "first_person", "pronouns", "numerals", "measure_words",
              "time_words", "reluctance", "work_topic", "common_latin", "faults", "trade_characters", "surnames")


def _folder() -> Path:
    return Path(os.environ.get("MIAOMIAN_LEXICON_DIR") or DEFAULT_DIR)


@functools.lru_cache(maxsize=None)
def load(language: str) -> dict:
    """The word lists of one language; missing keys are empty."""
    data = json.loads((_folder() / f"{language}.json").read_text(encoding="utf-8"))
    for key in _LIST_KEYS:
        data.setdefault(key, [])
    data.setdefault("star", {})
    data.setdefault("synonyms", {})
    data.setdefault("categories", {})
    return data


@functools.lru_cache(maxsize=None)
def sets(language: str) -> dict[str, frozenset]:
    """The list keys of load(language) as frozensets, for membership tests."""
    lex = load(language)
    return {key: frozenset(lex[key]) for key in _LIST_KEYS}


@functools.lru_cache(maxsize=None)
def competencies(language: str) -> dict:
    """Curated {competency name: {"synonyms": [...], "behaviours": [...]}} ({} when none ship)."""
    path = _folder() / f"competencies.{language}.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: entry for name, entry in data.items() if not name.startswith("_")}


@functools.lru_cache(maxsize=1024)
def curated_for(language: str, name: str) -> dict:
    """The curated terms of a competency HR named `name`: its own entry; else, merged, the entries whose name (two
    characters or more) or one of whose "names" it contains — 诚信负责 and 诚实守信 take 诚信's, 食品安全意识 安全意识's,
    沟通与服务意识 服务意识's (breaker 41: 跟主管说了，是我自己的错，我就自己补上了 was told "没有说到与诚信负责相关的具体做法").
    Not the other way: a short name (沟通, 效率) would take every longer entry's terms (沟通能力, 沟通表达, 沟通协作), and
    with them a competency the answer shows in other words loses to it by the competency gap.
    {"synonyms": [...], "behaviours": [...], "behaviours_not_topic": [...], "patterns": [...]}, empty lists when none
    fits."""
    listed = competencies(language)
    if name in listed:
        return listed[name]
    merged: dict = {"synonyms": [], "behaviours": [], "behaviours_not_topic": [], "patterns": []}
    for other, entry in listed.items():
        if any(len(n) >= 2 and n in name for n in [other, *entry.get("names", [])]):
            for key in merged:
                merged[key] += [t for t in entry.get(key, []) if t not in merged[key]]
    return merged


@functools.lru_cache(maxsize=1024)
def named_instances(language: str, question_text: str) -> tuple[frozenset, frozenset]:
    """(instance words, instance endings) of every category whose name the question's text contains: asked about
    病虫害, an answer tells 红蜘蛛 or 褐斑病 (ending 病); asked about 天气灾害, 冰雹 or 倒春寒 — on the question
    without its category word (breaker 29: an honest apple-scab story scored 33 for naming no word of the
    question). Both empty when the question names no category (and for languages without categories)."""
    words, endings = set(), set()
    for key, entry in load(language)["categories"].items():
        if key.startswith("_") or not any(name in (question_text or "") for name in entry.get("names", ())):
            continue
        words.update(entry.get("words", ()))
        endings.update(entry.get("endings", ()))
    return frozenset(words), frozenset(endings)


def variants(language: str, keyword: str) -> list[str]:
    """The keyword and every synonym grouped with it in <lang>.json, longest first."""
    found = {keyword}
    for head, group in load(language)["synonyms"].items():
        if keyword == head or keyword in group:
            found.add(head)
            found.update(group)
    return sorted(found, key=lambda v: (-len(v), v))   # a fixed order among equal lengths (PYTHONHASHSEED)
