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


def variants(language: str, keyword: str) -> list[str]:
    """The keyword and every synonym grouped with it in <lang>.json, longest first."""
    found = {keyword}
    for head, group in load(language)["synonyms"].items():
        if keyword == head or keyword in group:
            found.add(head)
            found.update(group)
    return sorted(found, key=lambda v: (-len(v), v))   # a fixed order among equal lengths (PYTHONHASHSEED)
