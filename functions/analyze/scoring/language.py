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
  interview's language, so speech in another language comes out as words of that language. The check
  reads the transcript's script (check_text) and, for Korean, a logistic model over what the recogniser
  produced (word confidences and their spread, share of standalone particles/endings, of one-syllable
  words, of Latin tokens, of distinct words, words per second, short words, mean word length) calibrated
  on generated speech by bench/foreign_speech.py; it judges answers of 60+ words (~25 s of speech).
  docs/language-gate.md gives the held-out figures per language and what it cannot catch.

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


# Named instead of a language when the identifier is unsure or the text is romanised Chinese: py3langid
# reads pinyin as Indonesian or Javanese, and a wrong language name misleads HR.
UNKNOWN_NAME = "拼音或无法识别的文字"
UNSURE_P = 0.6               # identifier probability below which its best guess is not named
PINYIN_SHARE = 0.8           # share of Latin words that are pinyin syllables above which the text is pinyin
_PINYIN_WORD = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en"
    r"|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v|ü)[1-5]?){1,4}")


def looks_like_pinyin(text: str) -> bool:
    """Latin text of MIN_ID_WORDS+ words nearly all of which are pinyin syllables (wo xian ba ding dan)."""
    words = [w.lower() for w in _LATIN_WORD.findall(text or "")]
    if len(words) < MIN_ID_WORDS:
        return False
    return sum(1 for w in words if _PINYIN_WORD.fullmatch(w)) >= PINYIN_SHARE * len(words)


def _guess(text: str, code: str | None, p: float) -> str | None:
    """The identifier's guess, or None (named UNKNOWN_NAME) when it is unsure or the text is pinyin."""
    if code is None or p < UNSURE_P or looks_like_pinyin(text):
        return None
    return code


def _wrong(expected: str, detected: str | None, confidence: float, details: dict, *, audio: bool,
           unknown: bool = False) -> LanguageVerdict:
    seen = f"（识别为{_name(detected)}）" if detected else (f"（看起来是{UNKNOWN_NAME}）" if unknown else "")
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
ID_GATE_EXPECTED_P = 0.02   # English probability below which Latin text of MIN_ID_WORDS+ words is another language


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
        if len(re.sub(r"\s", "", text)) >= 6:  # a few digits ("8000") are an answer; lines of symbols are not
            return LanguageVerdict(False, None, 0.9, "unintelligible",
                                   "回答里没有可读的文字（只有数字或符号）：请人工看一下回答", details)
        return LanguageVerdict(True, None, 0.0, details=details)

    # The identifier (py3langid, ~1 s to load) is asked only when the script cannot decide: Latin text
    # on an English interview, a Chinese answer heavy with Latin terms, or to name a Latin-script language.
    def ask(sample: str, prefix: str = "") -> list[tuple[str, float]]:
        ranked = identify(sample)
        details.update({f"{prefix}identified": ranked[0][0], f"{prefix}identified_p": round(ranked[0][1], 3),
                        f"{prefix}expected_p": round(dict(ranked).get(expected, 0.0), 3)})
        return ranked

    # Japanese: kana in a Chinese or English interview; Han alone is not enough (Chinese shares it).
    cjk = c["han"] + c["kana"]
    if expected != "ko" and c["kana"] >= 2 and c["kana"] / cjk >= KANA_SHARE_JA and cjk / total >= 0.5:
        return _wrong(expected, "ja", min(1.0, 0.6 + c["kana"] / cjk), details, audio=False)

    foreign = total - own
    if share >= 0.5:
        # The interview's script dominates: only the identifier can tell same-script languages apart
        # (English vs German); Han and Hangul text is Chinese or Korean here.
        if expected == "en" and c["latin"] >= MIN_ID_WORDS:
            top, p = ask(" ".join(_LATIN_WORD.findall(text)))[0]
            if top != "en" and details["expected_p"] < ID_GATE_EXPECTED_P:
                guess = _guess(text, top, p)
                return _wrong(expected, guess, p, details, audio=False, unknown=guess is None)
        conf = min(1.0, share * min(1.0, total / 8))
        return LanguageVerdict(True, expected, round(conf, 3), details=details)

    # Another script dominates.
    if foreign < MIN_FOREIGN_UNITS:
        return LanguageVerdict(True, None, round(0.3 * total / MIN_FOREIGN_UNITS, 3), details=details)
    if expected == "zh" and share >= 0.2 and ask(text)[0][0] == "zh":
        # Heavy code-switching: terms in English inside a Chinese sentence.
        return LanguageVerdict(True, "zh", round(share, 3), details=details)
    dominant = max(("han", "hangul", "kana", "latin", "cyrillic", "other"), key=lambda k: c[k])
    detected = {"han": "zh", "hangul": "ko", "kana": "ja"}.get(dominant)
    unknown = False
    if detected is None:
        ranked = [(code, p) for code, p in ask(text) if code != expected]
        detected = _guess(text, *ranked[0]) if ranked else None
        unknown = detected is None
    conf = (1.0 - share) * min(1.0, foreign / 6)
    return _wrong(expected, detected, conf, details, audio=False, unknown=unknown)


# --- speech -------------------------------------------------------------------------------------------
# Standalone particles and endings the Korean recogniser writes as words of their own. Korean speech puts
# them between content words; speech in another language, forced into Korean words, has fewer.
KO_FUNCTION_WORDS = frozenset("이 가 을 를 은 는 에 의 도 로 와 과 다 니다 이다 에서 으로 하 해 고 서 지 요".split())
_HANGUL = re.compile(r"[\uac00-\ud7a3]")

# The speech model: a logistic regression over standardised features, fitted by
# `bench/foreign_speech.py --fit` on the tuning texts (held-out texts excluded) with the Korean Vosk model.
# Only the Korean recogniser is calibrated (the zh/en models are downloaded separately and were not
# available to calibrate); for zh/en the audio path uses the transcript's script check alone.
# words_per_second is reported but not used: it counts pauses, and a real candidate thinking aloud pauses.
# non_hangul_share enters only above 5 % (latin_excess): a Korean answer naming KPI or POS may be heard as
# one or two Latin tokens, and espeak-ng's Korean is too.
SPEECH_FEATURES = ("conf_mean", "low_conf_share", "function_share", "one_syllable_share", "latin_excess",
                   "conf_std", "distinct_share", "short_word_share", "word_seconds_mean")
LATIN_TOLERATED = 0.05
SPEECH_MODEL = {
    "ko": {
        "mean": [0.7474, 0.1965, 0.199, 0.371, 0.0016, 0.2351, 0.8961, 0.2606, 0.2865],
        "scale": [0.0327, 0.0511, 0.0492, 0.0688, 0.0071, 0.0127, 0.0477, 0.0591, 0.0202],
        "weights": [-0.1918, 0.2291, -0.4738, -0.1198, 0.5583, -0.0068, 0.2378, -0.022, -0.8041],
        "bias": 0.4837,
        "threshold": 0.6223,
        "short_threshold": 0.6981,
        "short_below": 80,
        "min_words": 60,
    },
}


def speech_features(words: list[dict]) -> dict:
    """Numbers behind the speech check, from Vosk words [{"word", "start", "end", "conf"}]:
    conf_mean and conf_std (0..1, mean and spread of word confidences), low_conf_share (conf < 0.5),
    non_hangul_share (tokens without a Hangul syllable: the Korean model writes unfamiliar sounds as Latin
    acronyms such as "MIT", "KIA") and latin_excess (its part above LATIN_TOLERATED), function_share (standalone particles/endings, KO_FUNCTION_WORDS),
    one_syllable_share, distinct_share (distinct words / words), words_per_second (words per second from the
    first word's start to the last word's end, pauses included), short_word_share (words shorter than
    0.2 s), word_seconds_mean (mean word length in seconds), words, syllables_per_second (Hangul syllables
    per second of word time). Speech the model does not match comes out as short words with gaps between
    them, few particles and some Latin tokens."""
    n = len(words)
    if n == 0:
        return {"words": 0}
    confs = [float(w.get("conf", 0.0)) for w in words]
    syllables = [len(_HANGUL.findall(w.get("word", ""))) for w in words]
    lengths = [max(0.0, float(w.get("end", 0.0)) - float(w.get("start", 0.0))) for w in words]
    span = sum(lengths)
    elapsed = float(words[-1].get("end", 0.0)) - float(words[0].get("start", 0.0))
    mean = sum(confs) / n
    return {
        "words": n,
        "conf_mean": round(mean, 4),
        "conf_std": round(math.sqrt(sum((c - mean) ** 2 for c in confs) / n), 4),
        "low_conf_share": round(sum(c < 0.5 for c in confs) / n, 4),
        "non_hangul_share": round(sum(s == 0 for s in syllables) / n, 4),
        "latin_excess": round(max(0.0, sum(s == 0 for s in syllables) / n - LATIN_TOLERATED), 4),
        "function_share": round(sum(w.get("word", "") in KO_FUNCTION_WORDS for w in words) / n, 4),
        "one_syllable_share": round(sum(s == 1 for s in syllables) / n, 4),
        "distinct_share": round(len({w.get("word", "") for w in words}) / n, 4),
        "words_per_second": round(n / elapsed, 4) if elapsed > 0 else 0.0,
        "short_word_share": round(sum(x < 0.2 for x in lengths) / n, 4),
        "word_seconds_mean": round(span / n, 4),
        "syllables_per_second": round(sum(syllables) / span, 3) if span > 0 else None,
    }


def foreign_speech_probability(features: dict, expected: str) -> float | None:
    """The calibrated model's probability that the speech is not in `expected`; None without a model."""
    model = SPEECH_MODEL.get(expected)
    if model is None or not features.get("words"):
        return None
    z = sum(w * (features[k] - m) / s for k, w, m, s in
            zip(SPEECH_FEATURES, model["weights"], model["mean"], model["scale"]))
    return 1.0 / (1.0 + math.exp(-(z + model["bias"])))


def check_speech(words: list[dict], expected: str, *, duration_s: float | None = None) -> LanguageVerdict:
    """Is the speech behind these Vosk words (recognised with the `expected` language's model) in
    `expected`? words: [{"word", "start", "end", "conf"}]; duration_s: seconds of speech, informative.

    1. The transcript's script (check_text): a recogniser that writes mostly Latin tokens on a Korean
       interview heard something else.
    2. For Korean, the calibrated speech model over speech_features (SPEECH_MODEL, SPEECH_FEATURES) once
       there are at least `min_words` words; fewer words pass with low confidence (too little to judge).
    The audio path never knows which language was spoken: `detected` is None when the speech model gates.
    Raises ValueError for an unsupported expected language."""
    _check_expected(expected)
    text = ("" if expected == "zh" else " ").join(w.get("word", "") for w in words)
    feats = speech_features(words)
    details = {"speech": feats, "duration_s": duration_s}
    if not words:
        return LanguageVerdict(True, None, 0.0, details=details)
    by_text = check_text(text, expected)
    details["text"] = by_text.details
    if not by_text.ok and by_text.reason_code == "wrong_language":
        return _wrong(expected, by_text.detected, by_text.confidence, details, audio=True)
    p = foreign_speech_probability(feats, expected)
    model = SPEECH_MODEL.get(expected)
    if p is None:
        return LanguageVerdict(True, expected, round(0.5 * by_text.confidence, 3), details=details)
    details["foreign_probability"] = round(p, 4)
    # Fewer words make noisier averages: answers under short_below words have their own, higher threshold.
    threshold = model["short_threshold"] if feats["words"] < model["short_below"] else model["threshold"]
    details["threshold"] = threshold
    enough = feats["words"] >= model["min_words"]
    details["enough_words"] = enough
    if enough and p >= threshold:
        return _wrong(expected, None, p, details, audio=True)
    confidence = (1.0 - p) * min(1.0, feats["words"] / model["min_words"])
    return LanguageVerdict(True, expected, round(confidence, 3), details=details)
