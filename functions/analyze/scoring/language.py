"""Is an answer in the interview's language? Text and speech checks that send foreign answers to a person.

Two entry points, both pure functions returning a `LanguageVerdict`:

- `check_text(text, expected)`: a typed or recognised answer. A script count (Han / Hangul / kana / Latin
  and other alphabets, NFKC-normalised) decides whenever the scripts differ; where they agree (English
  vs German, both Latin) the language identifier py3langid (PyPI `py3langid`, a maintained fork of
  langid.py with its naive-Bayes model shipped in the package, ~4 MB, no download) decides. Code-switching
  normal in China ("Excel", "POS机", "KPI", "wifi"), traditional characters and Cantonese-classified
  text are Chinese; kana in a Chinese interview is Japanese; text too short to judge passes with low
  confidence (other gates judge it).
- `check_speech(words, expected)`: the Vosk words of the audio path. The recogniser only knows the
  interview's language, so speech in another language comes out as words of the wrong language; the
  check reads the recogniser's own uncertainty (word confidences, share of fully confident words) and the
  shape of what it produced (words and syllables per second, share of one-syllable words) with a logistic
  model calibrated on generated speech (bench/foreign_speech.py; docs/language-gate.md says what it
  cannot catch).

Languages are ISO 639-1 codes. Reasons are Chinese sentences for HR; `reason_code` is a stable English code
("wrong_language", "unintelligible").
"""
from __future__ import annotations

import math
import re
import threading
import unicodedata
from dataclasses import dataclass, field

EXPECTED = ("zh", "en", "ko")

LANGUAGE_NAMES_ZH = {
    "zh": "中文", "en": "英语", "ko": "韩语", "ja": "日语", "de": "德语", "fr": "法语", "es": "西班牙语",
    "it": "意大利语", "pt": "葡萄牙语", "ru": "俄语", "vi": "越南语", "th": "泰语", "ar": "阿拉伯语",
    "id": "印尼语", "ms": "马来语", "tl": "菲律宾语", "hi": "印地语", "mn": "蒙古语", "bo": "藏语",
    "ug": "维吾尔语", "nl": "荷兰语", "tr": "土耳其语", "pl": "波兰语", "uk": "乌克兰语", "km": "高棉语",
    "lo": "老挝语", "my": "缅甸语", "fa": "波斯语",
}

# py3langid labels that are Chinese for this product (Cantonese and Wu written in Han characters).
_ZH_ALIASES = {"zh", "yue", "wuu", "lzh", "cmn"}

# --- script counting ---------------------------------------------------------------------------------
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+(?:['’][A-Za-z]+)?")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+")


def _char_script(ch: str) -> str | None:
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F or 0xF900 <= o <= 0xFAFF:
        return "han"
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x3041 <= o <= 0x309F or 0x30A0 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
        return "kana" if ch not in "ー・" else None
    return None


def script_counts(text: str) -> dict:
    """Units per script in NFKC-normalised text: one per Han/Hangul/kana character, one per word of an
    alphabetic script (Latin, Cyrillic, other letters), so "POS机" is 1 Latin + 1 Han unit.

    Returns {"han", "hangul", "kana", "latin", "cyrillic", "other", "total"} as ints."""
    text = unicodedata.normalize("NFKC", text)
    counts = {"han": 0, "hangul": 0, "kana": 0, "latin": 0, "cyrillic": 0, "other": 0}
    rest = []
    for ch in text:
        s = _char_script(ch)
        if s:
            counts[s] += 1
            rest.append(" ")
        else:
            rest.append(ch)
    rest_text = "".join(rest)
    counts["latin"] = len(_LATIN_WORD.findall(rest_text))
    counts["cyrillic"] = len(_CYRILLIC_WORD.findall(rest_text))
    rest_text = _LATIN_WORD.sub(" ", _CYRILLIC_WORD.sub(" ", rest_text))
    # Any other alphabet or abugida (Thai, Arabic, Devanagari, ...): one unit per run of letters.
    counts["other"] = sum(1 for run in re.findall(r"[^\W\d_]+", rest_text))
    counts["total"] = sum(counts.values())
    return counts


_SCRIPT_OF = {"zh": "han", "ko": "hangul", "en": "latin"}

# --- the language identifier (loaded once, lazily) ----------------------------------------------------
_IDENTIFIER = None
_ID_LOCK = threading.Lock()


def _identifier():
    global _IDENTIFIER
    with _ID_LOCK:
        if _IDENTIFIER is None:
            from py3langid.langid import LanguageIdentifier, MODEL_FILE
            _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _IDENTIFIER


def identify(text: str) -> list[tuple[str, float]]:
    """py3langid's ranking as [(iso code, probability)], best first; Chinese variants merged into "zh"."""
    ranked: dict[str, float] = {}
    for code, p in _identifier().rank(text):
        code = "zh" if code in _ZH_ALIASES else code
        ranked[code] = ranked.get(code, 0.0) + float(p)
    return sorted(ranked.items(), key=lambda kv: -kv[1])


# --- verdicts ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LanguageVerdict:
    """ok=False sends the answer to needs_review with `reason_code` and the Chinese `reason`.

    detected: ISO 639-1 best guess or None when unknown (the audio path never knows which language);
    confidence: 0..1, how sure the verdict is (low for text too short to judge); details: the numbers."""
    ok: bool
    detected: str | None
    confidence: float
    reason_code: str | None = None
    reason: str | None = None
    details: dict = field(default_factory=dict)


def _name(code: str | None) -> str:
    return LANGUAGE_NAMES_ZH.get(code or "", "其他语言")


def _wrong(expected: str, detected: str | None, confidence: float, details: dict, *, audio: bool) -> LanguageVerdict:
    seen = f"（识别为{_name(detected)}）" if detected else ""
    action = "请人工听一下录音" if audio else "请人工看一下回答"
    return LanguageVerdict(False, detected, round(confidence, 3), "wrong_language",
                           f"回答似乎不是{_name(expected)}{seen}：{action}", details)


def _check_expected(expected: str) -> None:
    if expected not in EXPECTED:
        raise ValueError(f"expected language must be one of {EXPECTED}, got {expected!r}")


# Thresholds (units as counted by script_counts).
MIN_FOREIGN_UNITS = 3        # fewer foreign-script units never gate on their own
MIN_ID_WORDS = 4             # same-script text needs this many words before the identifier may gate
KANA_SHARE_JA = 0.1          # kana share of Han+kana above which zh text is Japanese
ID_GATE_PROB = 0.9           # identifier probability of another language needed to gate same-script text


def check_text(text: str, expected: str) -> LanguageVerdict:
    """Is `text` in `expected` ("zh", "en" or "ko")?

    Returns a LanguageVerdict; ok=True with low confidence when the text is too short to judge. Raises
    ValueError for an unsupported expected language."""
    _check_expected(expected)
    text = unicodedata.normalize("NFKC", text or "")
    c = script_counts(text)
    total = c["total"]
    own = c[_SCRIPT_OF[expected]]
    share = own / total if total else 0.0
    details = {"units": total, "expected_share": round(share, 3),
               **{k: c[k] for k in ("han", "hangul", "kana", "latin", "cyrillic", "other")}}
    if total == 0:
        if text.strip():
            return LanguageVerdict(False, None, 0.9, "unintelligible",
                                   "回答里没有可读的文字（只有数字或符号）：请人工看一下回答", details)
        return LanguageVerdict(True, None, 0.0, details=details)

    ranked = identify(text)
    top, top_p = ranked[0]
    p_expected = dict(ranked).get(expected, 0.0)
    details.update(identified=top, identified_p=round(top_p, 3), expected_p=round(p_expected, 3))

    # Japanese: kana in a Chinese (or any) interview; Han alone is not enough (Chinese shares it).
    cjk = c["han"] + c["kana"]
    if expected != "ko" and c["kana"] >= 2 and c["kana"] / cjk >= KANA_SHARE_JA and share < 0.5 + 0.5 * (expected == "en"):
        if expected == "zh" or c["latin"] / total < 0.5:
            return _wrong(expected, "ja", min(1.0, 0.6 + c["kana"] / cjk), details, audio=False)

    foreign = total - own
    if share >= 0.5:
        # The interview's script dominates: only the identifier can tell same-script languages apart
        # (English vs German); Chinese and Korean scripts are their own languages here.
        if expected == "en" and c["latin"] >= MIN_ID_WORDS:
            latin_only = " ".join(_LATIN_WORD.findall(text))
            ranked_l = identify(latin_only)
            lt, lp = ranked_l[0]
            lp_en = dict(ranked_l).get("en", 0.0)
            details.update(latin_identified=lt, latin_identified_p=round(lp, 3), latin_en_p=round(lp_en, 3))
            if lt != "en" and lp >= ID_GATE_PROB and lp_en < 0.05:
                return _wrong(expected, lt, lp, details, audio=False)
        conf = min(1.0, share * min(1.0, total / 8))
        return LanguageVerdict(True, expected, round(conf, 3), details=details)

    # Another script dominates.
    if foreign < MIN_FOREIGN_UNITS:
        return LanguageVerdict(True, None, round(0.3 * total / MIN_FOREIGN_UNITS, 3), details=details)
    if expected == "zh" and share >= 0.2 and top == "zh":
        # Heavy code-switching: terms in English inside a Chinese sentence.
        return LanguageVerdict(True, "zh", round(share, 3), details=details)
    dominant = max(("han", "hangul", "kana", "latin", "cyrillic", "other"), key=lambda k: c[k])
    detected = {"han": "zh", "hangul": "ko", "kana": "ja"}.get(dominant)
    if detected is None:
        detected = top if top != expected else (ranked[1][0] if len(ranked) > 1 else None)
    conf = (1.0 - share) * min(1.0, foreign / 6)
    return _wrong(expected, detected, conf, details, audio=False)


def check_speech(words: list[dict], expected: str, *, duration_s: float | None = None) -> LanguageVerdict:
    """Is the speech behind these Vosk words in `expected`? First version: text check of the transcript
    plus the recogniser's confidence profile (see module docstring)."""
    _check_expected(expected)
    text = ("" if expected == "zh" else " ").join(w.get("word", "") for w in words)
    verdict = check_text(text, expected)
    if not verdict.ok:
        return _wrong(expected, verdict.detected, verdict.confidence, verdict.details, audio=True)
    return LanguageVerdict(True, expected, verdict.confidence, details=verdict.details)
