"""What cannot be judged goes to a person: `needs_review` with a Chinese reason and a stable code.

`check(analysis, words, language, ...)` returns a `Gate` (reason_code, reason, details) or None when the
answer can be scored. In order:

  wrong_language       another language than the interview's (language.check_text / check_speech)
  low_asr_confidence   the recogniser was unsure of what it heard (audio only)
  filler_only          mostly filler (嗯, 那个, 就是…) with almost no content
  parroting            mostly the question read back
  repetition           the same words or clauses again and again
  too_little_content   fewer than MIN_CONTENT distinct content words
  self_disqualified    the answer says it was made up / never done (以上都是我编的)
  hostile              insults (a person decides)
  nonsense             characters that do not form words (Chinese: share of text in dictionary words), or
                       half the text is nonsense (features.junk_tokens: non-words, runs of Latin syllables)
  keyword_list         a list of words, or keyword salad: no sentence structure (almost no grammar words,
                       one or two words per clause) or the answer is mostly the question's terms with
                       neither a first-person action nor grammar
  template_numbers     (Chinese) most clauses put a number on a generic verb or claim a rate (沟通了5次,
                       满意度100%) and name no specific thing: a template with invented numbers
                       (features counts number_clauses, hollow_number_clauses, rate_clauses)
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from . import lexicon
from .features import Analysis

MIN_CONTENT = 4


@dataclass
class Gate:
    reason_code: str
    reason: str
    details: dict = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def _jieba_freq() -> dict:
    import jieba

    jieba.initialize()
    return jieba.dt.FREQ


def dictionary_share(analysis: Analysis) -> float:
    """Chinese: share of Han characters that belong to multi-character dictionary words or to common
    single-character words (the lexicon's function words). Real speech and writing score ≥ 0.6; random
    characters score low. 1.0 for other languages."""
    if analysis.seg.language != "zh":
        return 1.0
    freq = _jieba_freq()
    sets = lexicon.sets("zh")
    common = sets["stopwords"] | sets["pronouns"] | sets["fillers"] | sets["negators"] | sets["measure_words"]
    han = good = 0
    for t in analysis.seg.words:
        n = sum(1 for c in t.text if "\u4e00" <= c <= "\u9fff")
        if not n:
            continue
        han += n
        if (len(t.text) >= 2 and freq.get(t.text)) or t.text in common or (
                len(t.text) == 1 and freq.get(t.text, 0) >= 20000) or t.pos in ("m", "mq", "t"):
            good += n
    return good / han if han else 1.0


def _repetition(analysis: Analysis) -> tuple[float, float]:
    """(share of repeated word trigrams, share of clauses that repeat an earlier clause)."""
    words = [t.text for t in analysis.seg.words if t.text not in lexicon.sets(analysis.seg.language)["fillers"]]
    grams = [tuple(words[i:i + 3]) for i in range(len(words) - 2)]
    repeated = 1 - len(set(grams)) / len(grams) if grams else 0.0
    clauses = ["".join(analysis.seg.tokens[i].text for i in c) for c in analysis.seg.clauses]
    clauses = [c for c in clauses if len(c) >= 2]
    counts = Counter(clauses)
    dup = sum(n - 1 for n in counts.values()) / len(clauses) if clauses else 0.0
    return repeated, dup


# Phrases that take back the whole answer ("I made it up") or insult the interviewer: no content credit
# can stand next to them, so the answer goes to a person (compared without spaces and punctuation).
_SELF_DISQUALIFYING = ("都是我编的", "是我编的", "我瞎编的", "都是编的", "是编出来的", "都是假的", "我其实从来没有做过",
                       "我从来没有做过", "我其实没做过", "imadeitup", "allmadeup", "ineverdidthat",
                       "지어낸", "거짓말이에요")
_HOSTILE = ("傻逼", "傻b", "去你妈", "你妈的", "滚蛋", "操你", "他妈的", "神经病", "脑残", "白痴",
            "fuckyou", "idiot", "stupidquestion", "씨발", "개새끼")


def check(analysis: Analysis, words: list[dict], language: str, *, audio: bool,
          duration_s: float | None = None, asr_confidence: float | None = None,
          min_asr_confidence: float = 0.45, language_check=None) -> Gate | None:
    """The first gate the answer falls into, or None. `language_check` is the language module (or a
    stand-in with the same check_text/check_speech), None to use functions.analyze.scoring.language."""
    c = analysis.counts
    text = ("" if language == "zh" else " ").join(w.get("word") or "" for w in words)
    if language_check is None:
        from . import language as language_check
    verdict = (language_check.check_speech(words, language, duration_s=duration_s) if audio
               else language_check.check_text(text, language))
    if not verdict.ok:
        return Gate(verdict.reason_code or "wrong_language",
                    verdict.reason or ("回答似乎不是本次面试的语言，" + ("请人工听一下录音。" if audio else "请人工看一下回答。")),
                    {"detected": verdict.detected, "confidence": round(float(verdict.confidence), 3),
                     **{k: v for k, v in (verdict.details or {}).items() if isinstance(v, (int, float, str))}})
    if audio and asr_confidence is not None and asr_confidence < min_asr_confidence:
        return Gate("low_asr_confidence",
                    f"语音识别的把握不高（置信度 {asr_confidence:.2f}，低于 {min_asr_confidence:.2f}），"
                    "可能是噪音大、声音太小或说的是别的语言，请人工听一下录音。",
                    {"asr_confidence": asr_confidence})
    fillers, total = c["fillers"], max(c["words"], 1)
    if c["distinct_content"] <= 2 and fillers >= 3 or (fillers / total >= 0.5 and c["distinct_content"] < 6):
        return Gate("filler_only", "回答里基本只有“嗯、那个、就是”之类的口头语，没有说出实际内容，请人工查看。",
                    {"fillers": fillers, "words": c["words"]})
    if c["copied"] / total >= 0.5 and c["distinct_content"] < MIN_CONTENT + 2:
        return Gate("parroting", "回答基本是在复述题目，没有说出自己的内容，请人工查看。",
                    {"copied_words": c["copied"], "words": c["words"]})
    repeated, dup = _repetition(analysis)
    if (repeated >= 0.5 and c["words"] >= 12) or (dup >= 0.5 and c["clauses"] >= 4):
        return Gate("repetition", "回答大段重复同样的话，无法按内容评分，请人工查看。",
                    {"repeated_trigrams": round(repeated, 3), "repeated_clauses": round(dup, 3)})
    if c["distinct_content"] < MIN_CONTENT:
        return Gate("too_little_content",
                    f"回答内容太少（只有 {c['distinct_content']} 个实际词语），无法评分，请人工查看。",
                    {"distinct_content_words": c["distinct_content"]})
    said = re.sub(r"[\s\W_]+", "", text.casefold())
    if any(p in said for p in _SELF_DISQUALIFYING):
        return Gate("self_disqualified", "回答里说自己讲的经历是编的或没有做过，不能按内容评分，请人工查看。", {})
    if any(p in said for p in _HOSTILE):
        return Gate("hostile", "回答里有辱骂或敌意的话，请人工查看。", {})
    share = dictionary_share(analysis)
    junk_share = c.get("junk_chars", 0) / max(c.get("chars", 0), 1)
    if (share < 0.55 or junk_share >= 0.5) and c["words"] >= 4:
        return Gate("nonsense", "回答里的字大多连不成词语，看起来是乱码或无意义的内容，请人工查看。",
                    {"dictionary_share": round(share, 3), "nonsense_share": round(junk_share, 3)})
    function_share = c["function"] / total
    per_clause = c["content"] / max(c["content_clauses"], 1)
    term_share = c["term_tokens"] / max(c["content"], 1)
    # Part-of-speech tags make the grammar-word share reliable for Chinese; for Korean and English (and
    # unpunctuated recogniser output) only a punctuated list or an answer made of the terms is gated.
    if (function_share < 0.08 and per_clause <= 2.5 and c["content_clauses"] >= 3) or \
            (language == "zh" and function_share < 0.12 and c["actions"] == 0) or \
            (term_share >= 0.5 and function_share < 0.2 and c["specific_actions"] == 0):
        return Gate("keyword_list",
                    "回答像是把词语罗列在一起，没有完整的句子和具体经过，无法按内容评分，请人工查看。",
                    {"function_word_share": round(function_share, 3), "words_per_clause": round(per_clause, 2),
                     "term_share": round(term_share, 3)})
    if language == "zh" and c.get("number_clauses", 0) >= 3 and \
            c["number_clauses"] >= 0.5 * max(c["content_clauses"], 1) and \
            c.get("hollow_number_clauses", 0) >= max(3, 0.5 * c["number_clauses"]):
        return Gate("template_numbers",
                    "回答几乎每句都是“做了几次、提高了百分之几”这样的数字，却没有说清具体是什么事、遇到了什么、"
                    "怎么做成的，像是套话模板，无法按内容评分，请人工查看。",
                    {"number_clauses": c["number_clauses"], "hollow_number_clauses": c["hollow_number_clauses"],
                     "rate_clauses": c.get("rate_clauses", 0), "content_clauses": c["content_clauses"]})
    return None
