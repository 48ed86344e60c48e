"""Features of what was said: tokens, keyword coverage with evidence, fillers, STAR cues, lexical
diversity, relevance to the question and the reference answer. Pure functions of a transcript.

A transcript is a list of words, each {"word", "start", "end", "conf"}; times are None when the text
came without audio (CLI --transcript).
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from . import lexicon

_SCRIPT = {"zh": "han", "ko": "hangul", "en": "latin"}
_WORD_RE = re.compile(r"[\w']+", re.UNICODE)


def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def warm_up() -> None:
    """Load jieba's dictionary now (at import of the handler), not during the first answer."""
    _jieba().initialize()


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PSZC"


def script_of(ch: str) -> str | None:
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "han"
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return None


def script_share(text: str, language: str) -> float:
    """Share of letters written in the language's script (1.0 when there are no letters)."""
    scripts = [s for s in (script_of(c) for c in text) if s]
    if not scripts:
        return 1.0
    return sum(1 for s in scripts if s == _SCRIPT[language]) / len(scripts)


def words_from_text(text: str, language: str) -> list[dict]:
    """Split a plain transcript into words without times (zh via jieba)."""
    if language == "zh":
        tokens = [t for t in _jieba().lcut(text) if t.strip() and not all(_is_punct(c) for c in t)]
    else:
        tokens = _WORD_RE.findall(text)
    return [{"word": t, "start": None, "end": None, "conf": None} for t in tokens]


def _norm(token: str, language: str) -> str:
    token = token.lower() if language == "en" else token
    return "".join(c for c in token if not _is_punct(c))


@dataclass
class Indexed:
    """The transcript as one matchable string, with a map from characters back to words."""
    language: str
    words: list
    text: str = ""
    owner: list = field(default_factory=list)   # owner[i] = index of the word that char i belongs to

    @classmethod
    def build(cls, words: list[dict], language: str) -> "Indexed":
        sep = " " if language == "en" else ""
        idx = cls(language, words)
        parts, owner = [], []
        if sep:
            parts.append(sep)
            owner.append(-1)
        for i, w in enumerate(words):
            n = _norm(w["word"], language)
            parts.append(n + sep)
            owner += [i] * len(n) + [-1] * len(sep)
        idx.text = "".join(parts)
        idx.owner = owner
        return idx

    def find(self, needle: str) -> list[tuple[int, int]]:
        """(first word, last word) of each occurrence of needle."""
        needle = _norm(needle, self.language) if self.language != "en" else " ".join(
            _norm(t, "en") for t in needle.split())
        if not needle:
            return []
        if self.language == "en":
            pattern = re.compile(r"(?<= )" + re.escape(needle) + r"\w*(?= )")
        else:
            pattern = re.compile(re.escape(needle))
        hits = []
        for m in pattern.finditer(self.text):
            owners = [o for o in self.owner[m.start():m.end()] if o >= 0]
            if owners:
                hits.append((owners[0], owners[-1]))
        return hits


def _span(idx: Indexed, first: int, last: int, context: int = 4) -> dict:
    a, b = max(0, first - context), min(len(idx.words), last + context + 1)
    sep = " " if idx.language != "zh" else ""
    text = sep.join(w["word"] for w in idx.words[a:b])
    if a > 0:
        text = "…" + text
    if b < len(idx.words):
        text += "…"
    return {"text": text, "start": idx.words[first]["start"], "end": idx.words[last]["end"]}


def keyword_coverage(idx: Indexed, keywords: list[str], max_evidence: int = 2) -> tuple[float, list[dict]]:
    """Share of keywords said (a synonym counts), and evidence spans for those that were."""
    keywords = [k for k in (keywords or []) if k and k.strip()]
    if not keywords:
        return 0.0, []
    matched, evidence = 0, []
    for kw in keywords:
        hits = []
        for variant in lexicon.variants(idx.language, kw.strip()):
            for first, last in idx.find(variant):
                if all(h[0] != first for h in hits):
                    hits.append((first, last, variant))
        if hits:
            matched += 1
            for first, last, variant in sorted(hits)[:max_evidence]:
                evidence.append({"keyword": kw, "matched": variant, **_span(idx, first, last)})
    return matched / len(keywords), evidence


def tokens(words: list[dict], language: str) -> list[str]:
    """Normalised tokens (zh re-segmented by jieba so the ASR's own segmentation does not matter)."""
    if language == "zh":
        text = "".join(_norm(w["word"], "zh") for w in words)
        return [t for t in _jieba().lcut(text) if t.strip()]
    return [n for n in (_norm(w["word"], language) for w in words) if n]


def _strip_particle(token: str, particles: list[str]) -> str:
    for p in particles:  # longest first in the lexicon
        if token.endswith(p) and len(token) > len(p):
            return token[: -len(p)]
    return token


def content_tokens(toks: list[str], language: str) -> list[str]:
    lex = lexicon.load(language)
    stop, fillers = set(lex["stopwords"]), set(lex["fillers"])
    particles = sorted(lex["particles"], key=len, reverse=True)
    out = []
    for t in toks:
        if language == "ko":
            t = _strip_particle(t, particles)
        if t in stop or t in fillers or t.isdigit():
            continue
        if language == "zh" and len(t) < 2 and script_of(t[0]) == "han":
            continue  # single characters carry little topic information in Chinese
        out.append(t)
    return out


def filler_ratio(words: list[dict], toks: list[str], language: str) -> tuple[float, int]:
    lex = lexicon.load(language)
    singles = {f for f in lex["fillers"] if " " not in f}
    count = sum(1 for t in toks if t in singles)
    if language == "en":
        joined = " " + " ".join(toks) + " "
        count += sum(joined.count(f" {f} ") for f in lex["fillers"] if " " in f)
    return (count / len(toks) if toks else 0.0), count


def star_counts(idx: Indexed, language: str) -> dict[str, int]:
    cues = lexicon.load(language)["star"]
    return {part: sum(len(idx.find(c)) for c in cues.get(part, []))
            for part in ("situation", "task", "action", "result")}


def lexical_diversity(content: list[str], window: int = 40) -> float:
    """Moving-average type/token ratio (MATTR) over content words: stable across answer lengths."""
    if not content:
        return 0.0
    if len(content) <= window:
        return len(set(content)) / len(content)
    ratios = [len(set(content[i:i + window])) / window for i in range(len(content) - window + 1)]
    return sum(ratios) / len(ratios)


def relevance(idx: Indexed, source_text: str | None, language: str) -> float | None:
    """Share of the source's content words (question or reference answer) that the answer used."""
    if not source_text or not source_text.strip():
        return None
    src = set(content_tokens(tokens(words_from_text(source_text, language), language), language))
    if not src:
        return None
    found = sum(1 for t in src if any(idx.find(v) for v in lexicon.variants(language, t)))
    return found / len(src)


def analyse_text(words: list[dict], language: str, question: dict) -> dict:
    """All text features plus keyword evidence per competency."""
    idx = Indexed.build(words, language)
    toks = tokens(words, language)
    content = content_tokens(toks, language)
    ratio, n_fillers = filler_ratio(words, toks, language)
    coverage, evidence = {}, {}
    for comp in question.get("competencies") or []:
        cov, ev = keyword_coverage(idx, comp.get("keywords") or [])
        coverage[comp["name"]] = round(cov, 4)
        evidence[comp["name"]] = ev
    rel_q = relevance(idx, question.get("text"), language)
    rel_r = relevance(idx, question.get("reference_answer"), language)
    return {
        "features": {
            "filler_ratio": round(ratio, 4),
            "filler_count": n_fillers,
            "lexical_diversity": round(lexical_diversity(content), 4),
            "relevance_question": None if rel_q is None else round(rel_q, 4),
            "relevance_reference": None if rel_r is None else round(rel_r, 4),
            "star": star_counts(idx, language),
            "keyword_coverage": coverage,
            "token_count": len(toks),
            "script_share": round(script_share("".join(w["word"] for w in words), language), 4),
        },
        "evidence": evidence,
    }
