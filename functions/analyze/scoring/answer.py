"""Score one answer's words: features → gates → model → reasons and feedback.

    score_answer(words, language, question, audio=False, ...) -> dict

Returns {"status": "scored"|"needs_review", "reason", "reason_code", "content_features" (answer-level
values, counts), "competencies" ([] when gated), "overall" (None when gated), "feedback" (None when
gated), "scorer" (the model label, None when gated)}. Competency entries follow docs/internal-contracts.md:
{"name", "weight", "score" 0–100, "reasons" [2–4 Chinese sentences], "features" {name: value the model
read}, "drivers", "evidence", "keyword_coverage", "competency_strength" 0..1}. A competency's score is the
model's score after the competency gap (model.adjust_competencies): lower when the answer shows this
competency less clearly than its best-shown one, with a reason that says so — and then bounded (`bound`):
counter-evidence (contrary.py), an answer far from the question, a closing question without a question about
the job, a motivation question without a reason. A bound says which it is (`Bound.kind`): score_answer reads the
kind, never the wording of the reason.
"""
from __future__ import annotations

import enum
import functools
import math
import re
from dataclasses import dataclass

from . import agency, contrary, explain, features, focus, gates, model, question_fit, quotes
from .text import normalise as text_normalise, segment

NO_COMPETENCY = {"name": "overall", "weight": 1.0, "keywords": []}


def warm_up() -> None:
    """Load what every answer needs once per instance (jieba's dictionary from the packaged cache, its
    part-of-speech tags, OpenCC, the Chinese word vectors and Cilin groups, the wording model, the default scorer), so the first answer is as fast as the next.

    The language identifier (py3langid, ~0.6 s) is not loaded here: only answers whose script cannot
    decide their language need it (English interviews, Chinese heavy with Latin words); the first such
    answer loads it (language.identify)."""
    from . import detectors, meaning, startup, text, wording

    startup.configure()
    text.warm_up()
    meaning.warm_up()
    wording.available()      # the wording model's n-gram table (models/scorer/wording-<version>.npz)
    detectors.warm_up()      # the off-topic and reluctance detectors' (detectors.FILES)
    focus.warm_up()          # the situation reader (models/scorer/situation-zh.json)
    model.load("default")


def competencies_of(question: dict) -> list[dict]:
    """The question's competencies; one "overall" competency when none is configured."""
    comps = [c for c in (question.get("competencies") or []) if c.get("name")]
    return comps or [dict(NO_COMPETENCY)]


def _span(analysis: features.Analysis, hit, words: list[dict], context: int = 4) -> dict:
    toks = analysis.seg.tokens
    a, b = max(0, hit.first - context), min(len(toks), hit.last + context + 1)
    # the candidate's own words around the term (traditional characters, case and width as said)
    text = analysis.seg.original(toks[a].start, toks[b - 1].start + len(toks[b - 1].text))
    if a > 0:
        text = "…" + text
    if b < len(toks):
        text += "…"
    first, last = toks[hit.first].source, toks[hit.last].source
    start = words[first].get("start") if 0 <= first < len(words) else None
    end = words[last].get("end") if 0 <= last < len(words) else None
    return {"text": text, "start": start, "end": end}


def _evidence(analysis: features.Analysis, index: int, words: list[dict], limit: int = 4) -> list[dict]:
    comp, _, det = analysis.competencies[index]
    out = []
    for term, hit in list(det["said"].items())[:limit]:
        out.append({"keyword": term, "matched": term, "kind": det["kinds"][term], **_span(analysis, hit, words)})
    return out


_QUOTED = re.compile(r"“([^”]+)”")   # a reason's quotes of the answer
_PIECE = re.compile(r"[^。！!；;，,、？?\n]+[？?]?")


def _questions_put(text: str) -> int:
    """How many questions an answer puts itself: pieces ending in ？/? or in 吗/呢 (工资多少？, 周末双休吗) — not
    a story's 担心什么 or 几段, which only report what was asked."""
    return sum(1 for p in _PIECE.findall(text) if p.endswith(("？", "?")) or p.rstrip().endswith(("吗", "呢")))


CONCRETE_CREDIT = "举了具体的"   # explain's credit for numbers, times and names (举了具体的数字、时间或名称：…)
RELUCTANT_REASON = "回答流露出不愿意做、无所谓或把责任推给别人的态度，和这道题想看到的做法相反，按“很差”计 {cap:.0f} 分。"
FOCUS_REASON = "这道题问的是遇到"    # how the focus bound's reason begins (missed_focus)
OFF_TOPIC_REASON = "回答讲的主要是工作以外的事（个人生活、爱好或对别的事情的看法），没有回答这道题问的经历或做法，按“很差：跑题”计 {cap:.0f} 分。"


def _shows_competency(analysis: features.Analysis) -> bool:
    """Whether the answer shows a competency through its own terms (HR's keywords, synonyms, behaviours)."""
    return any(d.get("evidence", 0) > 0 or d.get("evidence_specific", 0) > 0 for _, d, _ in analysis.competencies)


# the bounds for an answer that does not answer the question asked (not the candidate's account of it): the
# candidate's feedback praises nothing in it and says it missed the question (breaker 14: a customer story capped
# as off-topic on a question about software was told 说清了最后的结果)
RELEVANCE_REASON = "回答讲的内容和这道题问的关系不大"
OTHER_QUESTION_REASON = "回答讲的经历和这道题问的情境对不上，更像是在回答别的岗位或别的题目"
ASKING_REASON = "这道题要讲自己的经历或做法，回答却主要是在提问"
NO_REASON_REASON = "这道题问的是原因和打算，回答没有说出自己的理由"


class BoundKind(enum.Enum):
    """Which bound caps a competency (answer.bound)."""
    CONTRARY = "contrary"                          # counter-evidence on this competency (contrary.py)
    CONTRARY_OWNED = "contrary_owned"              # a contrary deed the candidate then owned and fixed
    CONTRARY_ELSEWHERE = "contrary_elsewhere"      # counter-evidence told on another competency of the answer
    CLOSING_RUDE = "closing_rude"                  # a closing answer with a rude question
    CLOSING_NO_QUESTION = "closing_no_question"    # a closing answer without a question about the job
    ASKING_ONLY = "asking_only"                    # an answer that only puts questions of its own
    OFF_QUESTION = "off_question"                  # far from the question (model.relevance_cap)
    OTHER_QUESTION = "other_question"              # fits other questions as well as this one (question_fit.py)
    OFF_QUESTION_CONDUCT = "off_question_conduct"  # … when misconduct told elsewhere is what the reason names
    FOCUS = "focus"                                # not the situation asked (missed_focus, other_situation)
    OFF_TOPIC = "off_topic"                        # the off-topic detector (model.off_topic_cap)
    RELUCTANT = "reluctant"                        # the reluctance detector (model.reluctant_cap)
    NOT_OWN = "not_own"                            # not the candidate's own story (agency.agency_bound)
    NO_REASON = "no_reason"                        # a motivation answer without a reason of its own
    FIGURES = "figures"                            # figures in place of what was done (model.FIGURES_CAP)
    OUTLINE = "outline"                            # a bare outline of steps for a story (model.OUTLINE_CAP)


# the bounds of an answer that does not answer the question asked: its feedback says it missed the question
MISSED_QUESTION = frozenset({BoundKind.ASKING_ONLY, BoundKind.OFF_QUESTION, BoundKind.OTHER_QUESTION,
                             BoundKind.NO_REASON})
# a detector's bounds: nothing in the answer is credited
DETECTED = frozenset({BoundKind.OFF_TOPIC, BoundKind.RELUCTANT})


@dataclass(frozen=True)
class Bound:
    """The highest score a competency may get, which bound sets it, and the Chinese reason HR reads."""
    cap: float
    kind: BoundKind
    reason: str


def _names_competency(analysis: features.Analysis) -> bool:
    """Whether the answer says at least model.OFF_TOPIC_VOUCH distinct terms of one competency (not negated):
    one word alone (一起 in 我妈也跟着一起看) does not make a story about a TV series one about teamwork. A closing
    answer that asks about the job (features: details["asks_about_job"]) is vouched too."""
    least = 1.0 - math.exp(-model.OFF_TOPIC_VOUCH / 2.0) - 1e-9   # features: evidence = 1 − exp(−n/2)
    return any(v.get("evidence", 0) >= least for _, v, _ in analysis.competencies) or \
        bool(analysis.details.get("asks_about_job"))


def own_text(analysis: features.Analysis) -> str:
    """The answer's text with what it reads back from the question (Token.copied) cut out ("|" in its place)."""
    return "".join(t.text if not t.copied else "|" for t in analysis.seg.tokens)


def _foci(asked: str, question: dict) -> list:
    """focus.asked, without the categories of trouble (focus.category_families) on a situational question: 假如台风过后
    …倒了两棵大树 gives the typhoon as the setting, and the answer tells what to do about the trees (unseen-roles-m)."""
    foci = focus.asked(asked)
    if explain.question_type(question) == "situational":
        categories = set(focus.category_families())
        foci = [f for f in foci if f not in categories]
    return foci


def missed_focus(analysis: features.Analysis, question: dict) -> str | None:
    """What a Chinese story or situational question asks about (focus.py: 和别人意见不一致, 顾客不满…) when no
    word of the answer tells it; None when the answer tells it or the question names no clear focus."""
    if analysis.seg.language != "zh" or explain.question_type(question) not in ("story", "situational"):
        return None
    asked = text_normalise(question.get("text"), "zh")
    foci = _foci(asked, question)
    if not foci or focus.touched(analysis.seg.text, foci):
        return None
    # … or in the question's own words for the event (打不着 of 排查汽车打不着火), said by the candidate, not read back
    events = focus.event_words(asked)
    own = own_text(analysis)
    if any(e in own for e in events):
        return None
    return "、".join(f.name for f in foci)


def tells_asked(analysis: features.Analysis, question: dict) -> bool:
    """Whether the question names a clear situation (focus.asked: 时间很紧, 顾客不满…) and the answer says a word of
    it in its own words (not read back from the question). Such an answer is not read against other questions (question_fit.py): a concrete rush story (三百箱货, 扫描枪
    坏了) on a generically worded rush question covers a warehouse question's words better than the question's own
    紧急/安排/按时, and was capped at 45 though it is the issue's strong answer (CI on 0fbce83)."""
    foci = _foci(text_normalise(question.get("text"), "zh"), question)
    # in the candidate's own words: the question read back (我讲一次面包烤坏了我是怎么处理的) tells nothing (breaker 28)
    own = own_text(analysis)
    # … and, where the family has them, in the words that tell it happened (Focus.vouch: a mistake made — 订错了, 装反了, 是我
    # 的问题, or a mix-up, 把二十箱矿泉水订成了二十箱苏打水 — where a warehouse rush says 坏 and 发现 of the family too)
    return any(f.tell.search(own) if f.vouch is None else focus.tells_happened(own, [f]) for f in foci)


def other_situation(analysis: features.Analysis, question: dict) -> tuple[str, str] | None:
    """(what a Chinese story or situational question asks about, what the answer tells instead) when the answer's
    words clearly tell another situation (focus.other_situation: a complaint story on an urgent-order question);
    None otherwise."""
    if analysis.seg.language != "zh" or explain.question_type(question) not in ("story", "situational"):
        return None
    return focus.other_situation(analysis.seg.text, text_normalise(question.get("text"), "zh"))


def _off_topic_language(analysis: features.Analysis) -> str | None:
    """The language whose own off-topic threshold applies (model.OFF_TOPIC_P_LANGUAGE): the answer's on a story or
    situational question; None (the general threshold) otherwise — a motivation or introduction answer talks of the
    candidate's life by its nature (I live on Hemu Road… my son started school: 0.55, an honest English motivation
    answer)."""
    asked = {"text": analysis.details.get("question_text") or ""}
    if explain.motivation_question(asked) or explain.question_type(asked) not in ("story", "situational"):
        return None
    return analysis.seg.language


# a reason of a motivation answer that is about this work: the job, the trade, the shop, learning it, staying in it
# (我打算至少干两年, 想在一家客流稳定的店, 所以想来试试, 我特别想把修车这门手艺学好), or the role asked about
_JOB_REASON = re.compile(r"工作|这行|这一行|行业|岗位|手艺|店|这里|这边|你们|机构|公司|师傅|学徒|上班|干活|试试|想来|来这|"
                         r"学(会|好|起|手艺|技术|本事)|[干做当](了|满|够)?[一两二三四五六七八九十几\d]+年|[干做]这")
# the question's words that say nothing of the role (为什么想来我们店做…)
_NOT_ROLE = {"为什么", "什么", "这份", "工作", "我们", "你们", "打算", "了解", "以后", "接下来", "觉得", "地方", "多少",
             "哪些", "经历", "能力", "适合", "想法", "真实", "说说", "公司", "这个", "岗位", "辛苦", "最难", "需要"}


@functools.lru_cache(maxsize=256)
def _role_bigrams(question_text: str) -> frozenset[str]:
    """Two-character pieces of the role's words in a motivation question (美甲师 → 美甲, 甲师; 钟表维修店 → 钟表…)."""
    out = set()
    for piece in (t.text for t in segment(question_text, "zh").tokens if t.pos.startswith("n") or t.pos == "vn"):
        if len(piece) >= 2 and piece not in _NOT_ROLE and re.fullmatch(r"[\u4e00-\u9fff]+", piece):
            out |= {piece[i:i + 2] for i in range(len(piece) - 1)}
    return frozenset(out - {p for n in _NOT_ROLE for p in (n[i:i + 2] for i in range(len(n) - 1))})


def motivation_about_job(analysis: features.Analysis, question: dict) -> bool:
    """Whether a motivation answer gives a reason of its own about this work (explain.reasons_given, in
    _JOB_REASON's words or the role's): such an answer talks of the candidate's life by its nature (a tutoring past,
    a teacher's exam, the commute) and is not off-topic however the learnt detector reads it, up to
    model.OFF_TOPIC_MOTIVATION_VOUCHED (data's q28 strong answer read 0.687 and scored 0; off-topic answers naming
    the role in a reason, 我平时最喜欢看的是游戏直播 for a live-stream assistant, read 0.95)."""
    if analysis.seg.language != "zh" or not explain.motivation_question(question):
        return False
    if (analysis.details.get("off_topic") or 0.0) >= model.OFF_TOPIC_MOTIVATION_VOUCHED:
        return False
    role = _role_bigrams(question.get("text") or "")
    return any(_JOB_REASON.search(r) or any(p in r for p in role) for r in explain.reasons_given(analysis))


def _off_topic_cap(analysis: features.Analysis, question: dict | None) -> float | None:
    """model.off_topic_cap for this answer: vouched by the competencies' own terms or, on a motivation question, by
    reasons about the work (motivation_about_job)."""
    vouched = _names_competency(analysis) or (question is not None and motivation_about_job(analysis, question)) or (
        question is not None and _told_anywhere(analysis, question))
    return model.off_topic_cap(analysis.details.get("off_topic"), vouched=vouched, language=_off_topic_language(analysis))


def _told_anywhere(analysis: features.Analysis, question: dict) -> bool:
    """The question asks about a situation of any part of life (Focus.any_setting: learning something new) and the answer
    tells it in the family's narrow words (练了大概两周, 第一次拉出了心形): it answers wherever it happened."""
    if analysis.seg.language == "en":
        # (English: a learning question, the learning told in its own words — I taught myself Excel with YouTube videos…
        # I practised every evening: breaker 50's h34 and h63 were bounded at 0 as private life)
        said = " ".join(t.text for t in analysis.seg.tokens)
        return bool(_EN_LEARNING_ASKED.search(question.get("text") or "")) and bool(_EN_LEARNING_TOLD.search(said)) and \
            bool(_EN_FOR_WORK.search(said))
    foci = [f for f in _foci(text_normalise(question.get("text"), "zh"), question) if f.any_setting]
    return bool(foci) and focus.tells_happened(own_text(analysis), foci)


_EN_LEARNING_ASKED = re.compile(r"\blearn|\bnew skill|\bpick(ed)? up\b|\btaught yourself", re.I)
# … for the work, not a hobby (so I could make TikToks for our bakery; I love cooking and learned it from videos is not)
# (… in any of the work's words: our café, at work, the stock count, weekend shifts, my warehouse — breaker 51's h18, h20)
_EN_FOR_WORK = re.compile(r"\b(so (that )?(i|we) could|at work|(for|at|in|on) (our|the|my) (shop|store|bakery|restaurant|"
                          r"caf[eé]|job|work|team|manager|boss|customers|company|warehouse|kitchen|project|shift)|"
                          r"(our|my) (shop|store|bakery|restaurant|caf[eé]|warehouse|kitchen|team|manager|boss|company|"
                          r"project|customers|clients)|shifts?|stock (count|list|report|take)|customers?|colleagues?|"
                          r"coworkers?|manager|boss)\b")
_EN_LEARNING_TOLD = re.compile(r"\b(taught (myself|me)|learn(ed|t)|practi[cs]ed|tutorials?|online course|trained myself|"
                               r"picked (it )?up)\b")


def not_an_answer(analysis: features.Analysis, question: dict | None = None) -> str | None:
    """"off_topic" or "reluctant" when a detector bounded the answer (model.off_topic_cap, reluctant_cap)."""
    if _off_topic_cap(analysis, question) is not None:
        return "off_topic"
    if model.reluctant_cap(analysis.details.get("reluctant")) is not None:
        return "reluctant"
    return None


def bound(analysis: features.Analysis, index: int, question: dict) -> Bound | None:
    """The highest score competency `index` may get, with its kind and Chinese reason — the lowest of:
    counter-evidence (contrary.py), relevance to the question, and for a closing or motivation question what it
    asks for (questions about the job, reasons). None when nothing bounds it."""
    comp, _, det = analysis.competencies[index]
    caps: list[Bound] = []
    contrary = det.get("contrary") or []
    cap = model.contrary_cap(len(contrary))
    if cap is not None:
        shown = "”“".join(c for c, _ in contrary[:2])
        labels = "、".join(dict.fromkeys(label for _, label in contrary))
        caps.append(Bound(cap, BoundKind.CONTRARY,
                          f"说到了“{shown}”（与“{comp.name}”相反的做法，涉及{labels}），这是反面信息，这一项最高 {cap:.0f} 分。"))
    owned = det.get("contrary_owned") or []
    if cap is None and owned:
        shown = "”“".join(c for c, _ in owned[:2])
        caps.append(Bound(model.CONTRARY_OWNED_CAP, BoundKind.CONTRARY_OWNED,
                          f"说到了“{shown}”，但也讲了自己事后承担并改正的做法，算作吸取教训的经历，"
                          f"这一项最高 {model.CONTRARY_OWNED_CAP:.0f} 分。"))
    # bad conduct told on another competency of the answer: the bound names it, not the topic
    elsewhere = [c for k, (_, _, d) in enumerate(analysis.competencies) if k != index
                 for c in (d.get("contrary") or []) if c[1] != "较弱回答示例"]
    # … bounds this competency too: the story it is told in shows none of the competency done well (breaker 14:
    # 我觉得不是我的事，八点半就下班回家了 capped 执行力 and left 团队协作 at 61.6)
    deeds = list(dict.fromkeys(c for c, _ in elsewhere))
    if cap is None and not owned and deeds:
        cap = model.contrary_cap(len(deeds))
        labels = "、".join(dict.fromkeys(label for _, label in elsewhere))
        caps.append(Bound(cap, BoundKind.CONTRARY_ELSEWHERE,
                          f"回答说到了“{'”“'.join(deeds[:2])}”（涉及{labels}的反面做法），这件事里的做法不能算作"
                          f"“{comp.name}”做得好，这一项最高 {cap:.0f} 分。"))
    kind = explain.question_type(question)
    if kind == "closing":
        asked = quotes.questions_asked(analysis)
        if asked["rude"]:
            cap = model.CLOSING_RUDE
            caps.append(Bound(cap, BoundKind.CLOSING_RUDE,
                              f"这是请候选人提问的题目，回答提出的问题不礼貌或与工作无关（“{asked['rude'][0]}”），"
                              f"最高 {cap:.0f} 分。"))
        elif not asked["job"] and not asked["broad"]:
            cap = model.CLOSING_NO_JOB_QUESTION if asked["other"] else model.CLOSING_NO_QUESTION
            caps.append(Bound(cap, BoundKind.CLOSING_NO_QUESTION,
                              f"这是请候选人提问的题目，回答没有提出与岗位、团队或工作安排有关的问题，最高 {cap:.0f} 分。"))
    else:
        if model.asking_only(_questions_put(analysis.seg.text), analysis.counts.get("content_clauses", 0)):
            cap = model.ASKING_ONLY
            caps.append(Bound(cap, BoundKind.ASKING_ONLY, f"{ASKING_REASON}，没有答到题目上，最高 {cap:.0f} 分。"))
        # … or that tells the situation asked in its own words, set where the question is or on a question that names
        # no scene (a kitchen rush in a cook's words — 四十多张单, 宫保鸡丁的五桌合成两锅, 打荷, 切配 — on 讲一次后厨高峰期出餐
        # 来不及的经历: breaker 45's h19, whose jargon the word vectors place far from 出餐/安排/顺序, was capped at 35 as
        # unrelated; 我把客户要的两箱苹果装成了两箱梨 on 讲一次你在工作中犯错的经历, likewise)
        scene = analysis.details.get("scene")
        vouched = analysis.details.get("on_question_clauses", 0) > 0 or _shows_competency(analysis) or \
            (scene is None or scene >= model.SCENE_VOUCH) and tells_asked(analysis, question)
        cap = model.relevance_cap(analysis.answer["topic_similarity"], analysis.details.get("scene"), vouched=vouched)
        if cap is not None and elsewhere:
            shown = "”“".join(c for c, _ in elsewhere[:2])
            labels = "、".join(dict.fromkeys(label for _, label in elsewhere))
            caps.append(Bound(cap, BoundKind.OFF_QUESTION_CONDUCT,
                              f"回答说到了“{shown}”（涉及{labels}的反面做法），不能算答好了这道题，最高 {cap:.0f} 分。"))
        elif cap is not None:
            caps.append(Bound(cap, BoundKind.OFF_QUESTION,
                              f"{RELEVANCE_REASON}，再具体也不能算答到了题目上，最高 {cap:.0f} 分。"))
        # no word of the situation asked (missed_focus), or clearly another situation told (other_situation)
        missed = missed_focus(analysis, question)
        other = None if missed else other_situation(analysis, question)
        if missed or other:
            cap = model.FOCUS_CAP if missed else model.SITUATION_CAP
            said = "回答没有讲到这种情况，说的是别的事" if missed else f"回答讲的主要是“{other[1]}”这类别的情况"
            caps.append(Bound(cap, BoundKind.FOCUS,
                              f"{FOCUS_REASON}“{missed or other[0]}”{'的经历' if kind == 'story' else '时怎么做'}，{said}，"
                              f"再具体也不能算答到了题目上，最高 {cap:.0f} 分。"))
        elif not tells_asked(analysis, question):
            # a story that covers this question no better than most questions of other roles (question_fit.py);
            # read only when the question's own situation is neither told nor clearly replaced by another
            cap = model.question_fit_cap(analysis.details.get("question_fit"), kind,
                                         question_fit.genericity(question))
            if cap is not None:
                caps.append(Bound(cap, BoundKind.OTHER_QUESTION, f"{OTHER_QUESTION_REASON}，最高 {cap:.0f} 分。"))
    cap = _off_topic_cap(analysis, question)
    if cap is not None:
        caps.append(Bound(cap, BoundKind.OFF_TOPIC, OFF_TOPIC_REASON.format(cap=cap)))
    cap = model.reluctant_cap(analysis.details.get("reluctant"))
    if cap is not None:
        caps.append(Bound(cap, BoundKind.RELUCTANT, RELUCTANT_REASON.format(cap=cap)))
    cap, reason = agency.agency_bound(analysis, question)
    if cap is not None:
        caps.append(Bound(cap, BoundKind.NOT_OWN, reason))
    if explain.motivation_question(question) and not explain.reasons_given(analysis):
        cap = model.MOTIVATION_NO_REASON
        caps.append(Bound(cap, BoundKind.NO_REASON, f"{NO_REASON_REASON}，最高 {cap:.0f} 分。"))
    elif figures_only(analysis, question):
        caps.append(Bound(model.FIGURES_CAP, BoundKind.FIGURES,
                          f"{FIGURES_REASON}，最高 {model.FIGURES_CAP:.0f} 分。"))
    elif terms_around_figures(analysis, question):
        caps.append(Bound(model.FIGURES_CAP, BoundKind.FIGURES,
                          f"{TERMS_FIGURES_REASON}，最高 {model.FIGURES_CAP:.0f} 分。"))
    if bare_outline(analysis, question):
        caps.append(Bound(model.OUTLINE_CAP, BoundKind.OUTLINE, f"{OUTLINE_REASON}，最高 {model.OUTLINE_CAP:.0f} 分。"))
    if not caps:
        return None
    # the lowest cap applies; counter-evidence is named first whichever bound is lowest
    named = caps[0] if contrary else min(caps, key=lambda b: b.cap)
    return Bound(min(b.cap for b in caps), named.kind, named.reason)


FIGURES_REASON = "回答主要是一串数字（日期、人数、数量、满意度），几乎没有说自己具体做了什么、怎么做的，数字本身说明不了做法"


# A template's deeds told as HR's terms (安排了优先级，沟通了同事，分工了，加班了) around figures (那是2023年3月15日下午3点，在上海市浦东
# 新区88号仓库): the list clauses count for nothing (features.term_list_clauses), and what is left is a date, a place and an
# ending — breaker 48's g65 scored 56.8 on its figures and wording
TERMS_FIGURES_REASON = "回答的做法只是把要考察的要点词列了一遍，再配上日期、地点等数字，没有说自己具体怎么做的"
TERMS_LISTED_MIN = 2


def terms_around_figures(analysis: features.Analysis, question: dict) -> bool:
    """A Chinese story whose deeds are only clauses listing HR's terms (at least TERMS_LISTED_MIN), or a Chinese or English one
    told in a chain of stock phrases (features.stock_phrase_clauses), with a figure told and no specific deed of the
    candidate's own left (one at most beside a chain), or no more than the clauses with a number on a generic word."""
    c = analysis.counts
    chain = c.get("stock_phrase_clauses", 0) > 0     # (zh or en: features.stock_phrase_clauses)
    if analysis.seg.language != "zh" and not chain or explain.question_type(question) != "story" or \
            c.get("term_list_clauses", 0) < TERMS_LISTED_MIN and not chain or \
            c.get("number_clauses", 0) < 1:
        return False
    # (… or whose deeds left each put a number on a generic word — 我制定了三步计划, 我带领五名同事加班四小时: features'
    # hollow_number_clauses; breaker 49's g52 passed at 63.2)
    # (… or, beside a chain of stock phrases, one deed at most: the mistake told, 我在超市上班时犯了一个错误 — breaker 50's g60)
    return c.get("specific_actions", 0) <= max(c.get("hollow_number_clauses", 0), 1 if chain else 0)


def figures_only(analysis: features.Analysis, question: dict) -> bool:
    """A Chinese story or plan answered by figures in place of deeds (breaker 25: 2022年8月8日下午3点15分，在人民路88号店，
    来了128位顾客，我做了256杯，用时3小时，同事3人，满意度100%。 passed at 61.3): at least model.FIGURES_MIN verbless
    figure clauses (features counts figure_clauses), half the content clauses or more, and at most
    model.FIGURES_ACTIONS deeds of the candidate's own — or model.FIGURES_MIN_BARE when that deed is no specific one
    (上周三下午三点二十分，在人民路128号店，顾客王先生…出了问题，我处理了，结果满意度100%: breaker 44's g47, 57.2)."""
    c = analysis.counts
    if analysis.seg.language != "zh" or explain.question_type(question) in ("closing", "intro"):
        return False
    figures = c.get("figure_clauses", 0)
    least = model.FIGURES_MIN_BARE if c.get("specific_actions", 0) == 0 else model.FIGURES_MIN
    if figures >= least and figures >= 0.5 * c.get("content_clauses", 0) and c.get("actions", 0) <= model.FIGURES_ACTIONS:
        return True
    # … or figures told with their verbs around one deed in everyday words alone (一位顾客买了3瓶酱油共27.5元，回来说有1瓶
    # 漏了…我处理了; 我把这事给搞定了, 我妥善跟进处理完毕: breaker 45's g06–g08, 78–93)
    own = _deeds_weighed(analysis)
    # (a tally of the day is one more figure, not a deed: 当天我一共跑了35单 — breaker 45's g27)
    tallies = sum(1 for toks in own if _TALLY.search("".join(t.text for t in toks)))
    # (one deed or several, each in everyday words alone, one of them a generic deed — 我全程负责跟进，按流程走完了; the deed
    # read in the clause's text, where jieba cuts it in two: 我都安排好了 — breaker 45's g21 and g39, 65.7 and 65.0)
    return explain.question_type(question) == "story" and c.get("number_clauses", 0) >= model.FIGURES_MIN_BARE and \
        0 < len(own) and \
        any(deed in "".join(t.text for t in toks) for toks in own for deed in _GENERIC_DEEDS) and \
        all(_hollow(analysis, question, [toks]) or _TALLY.search("".join(t.text for t in toks)) for toks in own) and \
        tallies < len(own)


def _deeds_weighed(analysis: features.Analysis) -> list[list]:
    """Chinese: the candidate's action clauses (tokens) figures_only weighs — not the ending, an event that came or the task
    set, whoever the reader of actions took for their doer (来了300箱订单, 要在12小时内发完, 第二天10点半全部300箱都发走了 around
    我处理了: breaker 47's g15, 75.6), nor the mistake told (我把三箱记成了五箱: g36), a time alone (晚上7点40分) or the task's
    things done (800件全部装完)."""
    ending = analysis.details.get("outcome_clause_id")
    out = []
    for k in analysis.details.get("own_action_clause_ids") or []:
        if not 0 <= k < len(analysis.seg.clauses):
            continue
        toks = [analysis.seg.tokens[i] for i in analysis.seg.clauses[k]]
        said = "".join(t.text for t in toks if t.pos != "x")
        if k == ending and not any(deed in said for deed in _GENERIC_DEEDS) or _SITUATION_TOLD.match(said) \
                or quotes.lapse(analysis, k) or _THINGS_DONE.match(said) and not any(t.text in ("我", "我们") for t in toks) \
                or _CLOCK_ONLY.match(said) or _setting([t for t in toks if t.pos != "x"]):
            continue
        out.append(toks)
    return out


# a clause that tells what came or what was asked of the candidate, with a figure (来了300箱订单, 要在12小时内发完, 客户临时加了
# 800件货), not what they did
_SITUATION_TOLD = re.compile(r"^(又|突然|临时|一下子)?(来了|有|出现了?|到了|要在|要求|需要|得在|必须在|客户临时|临时加了|加了)"
                             r"[^，。！？；]*[0-9零一二两三四五六七八九十百千万几半]")
# a time of day alone (晚上7点40分, 第二天10点半: jieba tags 分 a verb)
_CLOCK_ONLY = re.compile(r"^(当天|那天|第二天|次日|晚上|早上|上午|下午|中午|凌晨|傍晚|夜里)*[0-9零一二两三四五六七八九十]+[点时:：]"
                         r"([0-9零一二两三四五六七八九十]+分?|半|整)?(左右|前|之前)?$")
# the task's things done, told with the things first (全部300箱都发走了, 800件全部装完, 第二天十点前全部发走了)
_THINGS_DONE = re.compile(r"^[^，。！？；]{0,8}?(全部|所有|都|全都)?[0-9零一二两三四五六七八九十百千万几半]*[^，。！？；]{0,4}"
                          r"(全部|都|全都)[^，。！？；]{0,3}(完|走|好|齐|出去|出完|送到|送完)了?$")
# a count of the day's or the job's work in all (一共跑了35单, 总共送了四十多单, 累计接待了200位), or of what was left
# (距离送达时间还剩8分钟, 只剩两箱): figures of the situation, whoever the reader of actions took for their doer
_TALLY = re.compile(r"(一共|总共|共计|累计|总计|还剩|只剩|还差|剩下)[^，。！？；,.!?;]{0,4}[0-9零一二两三四五六七八九十百千万几多半]+")


def _as_vague(reason: str) -> str:
    """A credit of a deed or a result (agency.CREDITS) retold as what it is beside a figures or outline bound: words that
    say nothing of their own."""
    quoted = "”“".join(_QUOTED.findall(reason)[:2])
    if reason.startswith(("说了具体结果", "说到了最后的结果", "说清了最后的结果")):
        return f"说到的结果“{quoted}”只是笼统的说法或数字，没有具体内容。"
    return f"说的做法“{quoted}”只是笼统的说法，没有说具体怎么做的。"


def _hollow_quotes(analysis: features.Analysis, question: dict, reason: str) -> bool:
    """Chinese: every quote of a reason says nothing but HR's, the question's and everyday words (_hollow)."""
    quoted = _QUOTED.findall(reason)
    return analysis.seg.language == "zh" and bool(quoted) and all(
        _hollow(analysis, question, [[t for t in segment(x, "zh").tokens if t.pos != "x"]]) for x in quoted)


# deeds that say only that something was dealt with (我处理了, 我把这事给搞定了)
_GENERIC_DEEDS = frozenset({"处理", "搞定", "解决", "弄好", "安排好", "跟进", "完毕", "处理完", "响应", "处理好", "办好", "摆平",
                            "整改", "落实"})


OUTLINE_REASON = "这道题要讲一次具体的经历，回答只是按顺序列了几个做法（先…再…最后…），没有讲清是哪一次、当时具体遇到了什么情况，" \
    "每一步也没有具体内容"


def _setting(toks: list) -> bool:
    """Chinese: the clause only sets a time and a place (去年三月五号在万达店, 上个月八号下午): times, numbers, 在/于 and
    the place after it — no one, nothing done."""
    at = next((k for k, t in enumerate(toks) if t.text in ("在", "于")), len(toks))
    return all(t.pos in ("t", "m", "mq", "f", "x") or t.text in ("在", "于", "的") or k > at and t.pos.startswith("n")
               or kind in ("time", "number") or _DAY_OF_MONTH.fullmatch(t.text) is not None
               for k, (t, kind) in enumerate(zip(toks, _kinds(toks))))


def _thin(toks: list) -> bool:
    """Chinese: the clause names a situation in a few words and nothing of its own (那次路上堵车, 有次店里停电了, 那次顾客
    投诉, 那天一个顾客来投诉): at most THIN_WORDS content words, no one named, no number, time or place
    (features.concrete_kind) — 那天, 有一次, 一个 point at an occasion and a person, they date and count nothing."""
    kept = [(t, kind) for t, kind in zip(toks, _kinds(toks)) if t.text not in _POINTING]
    return sum(features.is_content(t, "zh") for t, _ in kept) <= THIN_WORDS and \
        not any(kind in ("name", "number", "time", "place") for _, kind in kept)


THIN_WORDS = 3
_POINTING = frozenset({"那天", "那次", "有次", "有一次", "一次", "那回", "有回", "有一回", "当时", "那会", "那会儿", "有一天",
                       "一天", "那时", "那时候", "一个", "一位", "有个", "有位", "一名"})


def _hollow(analysis: features.Analysis, question: dict, steps: list) -> bool:
    """Chinese: the steps say nothing but HR's words, the question's and everyday ones (我先安排优先级，再跟同事沟通协调
    分工，大家加班，最后按时完成: breaker 44's g23, 68.0 after a real situation): at most HOLLOW_OWN distinct content
    words of their own, none a name, number, time or place."""
    terms = {t for comp, *_ in analysis.competencies for t in [*comp.terms, *(text_normalise(k, "zh") for k in comp.keywords)]}
    asked = text_normalise(question.get("text") or "", "zh")
    own = {t.base or t.text for toks in steps for t, kind in zip(toks, _kinds(toks))
           if features.is_content(t, "zh") and (kind in ("name", "number", "time", "place") or
                                                 (t.base or t.text) not in terms and t.text not in asked and
                                                 t.text not in _EVERYDAY)}
    return len(own) <= HOLLOW_OWN


HOLLOW_OWN = 1
# what any outline's steps say (完成, 满意, 处理…) besides HR's and the question's words
_EVERYDAY = frozenset({"完成", "满意", "非常", "结果", "处理", "解决", "问题", "情况", "大家", "好", "顺利", "事情", "事", "工作",
                       "做好", "办法", "想办法", "一起", "及时", "认真", "耐心", "最后", "最终", "首先", "然后", "接着",
                       # around a deed said in no words of its own (我把这事给搞定了, 我妥善跟进处理完毕: _GENERIC_DEEDS)
                       "这事", "妥善", "第一时间", "全程", "负责", "安排", "按流程", "流程", "走完", "之前", "当天",
                       # … and in a report's words (第一时间上报，积极配合处理，按规定完成了整改: breaker 46's g41, g42)
                       "上报", "配合", "积极", "按规定", "规定", "到位", "反馈", "完善", "全力", "跟踪"}) \
    | _GENERIC_DEEDS | features._GENERIC_THINGS


def _known_words(analysis: features.Analysis, question: dict) -> frozenset:
    """HR's terms and keywords, the question's words and _EVERYDAY: what any outline's steps may say."""
    terms = {t for comp, *_ in analysis.competencies for t in [*comp.terms, *(text_normalise(k, "zh") for k in comp.keywords)]}
    asked = {t.text for t in segment(text_normalise(question.get("text") or "", "zh"), "zh").tokens}
    return frozenset(terms | asked | _EVERYDAY)


def _step_of_its_own(toks: list, known: frozenset) -> bool:
    """Chinese: the step does or names something of its own — a verb beyond HR's, the question's, everyday words and
    the words of attending to someone (倾听, 解释, 道歉, 安抚…: 给她换了一个新的, 检查了一下车, 打电话通知客户), or a thing, a
    name, a place, a time or a count of something (_names_something). 我先倾听客人，再耐心解释，然后跟客人道歉 does none."""
    return _names_something(toks) or any(
        (t.pos.startswith("v") or t.pos == "l") and not t.negated and
        (t.base or t.text) not in known and t.text not in _ATTENDING and t.text not in features._GOES_ON
        and t.text not in features._FIRST_STEPS for t in toks)


# the words of attending to a person that any outline's steps say (倾听, 解释, 道歉…): no deed of their own
_ATTENDING = frozenset({"倾听", "听", "听听", "说", "讲", "解释", "道歉", "致歉", "沟通", "交流", "安抚", "安慰", "询问", "问", "问问",
                        "了解", "看", "看看", "帮", "帮助", "帮忙", "陪", "关心", "理解", "回应", "劝", "耐心", "认真", "仔细",
                        "好好", "真诚", "积极", "主动", "热情", "微笑", "记下", "想", "想办法", "满意", "离开", "走", "是", "有",
                        "让", "给", "做", "弄", "搞", "进行", "表示", "感谢", "谢谢", "表达"})


def _names_something(toks: list) -> bool:
    """Chinese: the step names a thing, a name, a place, a time or a count of its own (把地上的水拖干净, 给他换了一盒新的,
    沟通了二十分钟) — not only whom it was done to (客人, 他, 顾客), how (耐心, 好好) and its verbs; a count of a generic
    thing (三个问题, 两件事) counts nothing."""
    kinds = _kinds(toks)
    for k, (t, kind) in enumerate(zip(toks, kinds)):
        if t.text in features._FIRST_STEPS or t.text in features._GOES_ON:
            continue      # 第一步, 第二步: the list's own ordinals
        if kind in ("name", "place", "time"):
            return True
        if kind == "number":
            counted = next((u for u in toks[k + 1:] if u.pos != "x" and u.pos not in ("q", "m", "mq", "uj")), None)
            if counted is None or (counted.base or counted.text) not in _EVERYDAY:
                return True
        elif t.pos.startswith("n") and t.pos != "nr" and features.is_content(t, "zh") and \
                _COUNTED.sub("", t.base or t.text) not in _EVERYDAY and not _PERSON_WORD.fullmatch(t.text):
            return True
    return False


# a count glued to what it counts (两件事, 三个问题)
_COUNTED = re.compile(r"^[0-9零〇一二两三四五六七八九十百几]+[个件条点项位次]?")
# whom a step is done to or with: no thing of its own
_PERSON_WORD = re.compile(focus._CUSTOMER + r"|同事|店长|主管|老板|经理|领导|师傅|大家|别人|对方|人家")


def _kinds(toks: list) -> list:
    """features.concrete_kind of each Chinese token of a clause, read with the token after it."""
    return [features.concrete_kind(t, "zh", toks[k + 1] if k + 1 < len(toks) else None) for k, t in enumerate(toks)]


_DAY_OF_MONTH = re.compile(r"[0-9一二三四五六七八九十两]+[号日]")    # 八号, 15日 (jieba tags 八号 a noun)


def bare_outline(analysis: features.Analysis, question: dict) -> bool:
    """A Chinese story question answered by a bare outline of steps (breaker 42's g39: 我先跟她道歉，再给她解释，然后帮她
    换货，接着和店长汇报，最后她满意地走了。 63.5; breaker 43's g46, the same after 去年三月五号在万达店，: 78.0): the first
    step (我先…, 首先…: features.takes_first_step) comes after nothing but a setting — clauses of time and place with no
    verb, no event told — and at most one clause naming the situation in a few words (_thin: 那次路上堵车, breaker 43's
    g37, 54.7); from it to the ending (the first clause opened by 最后/最终/结果, what follows it is the result's
    elaboration) at least model.OUTLINE_CLAUSES clauses, at least model.OUTLINE_SHARE of them opening with a step word
    (takes_first_step, goes_on_from: 先, 再, 然后, 接着, 最后…), and no number or time inside the steps. Steps with their
    own facts (第一，先把三百单按城市分好…晚上十一点全部交给快递; 再给他换了一盒新的) or a situation told before them (有位阿姨
    买的豆浆机不转了来退，我先…: a person and a thing named) are a story told in order, not an outline — unless the steps
    say nothing but HR's, the question's and everyday words (_hollow, at least model.HOLLOW_OUTLINE_SHARE of them opened
    by a step word: the issue's template after 那次双十一前一天晚上，三百箱货要第二天中午前发出去, breaker 44's g23)."""
    if analysis.seg.language != "zh" or explain.question_type(question) != "story":
        return False
    seg = analysis.seg
    told = [[seg.tokens[i] for i in cl] for cl in seg.clauses
            if any(features.is_content(seg.tokens[i], "zh") for i in cl)]   # a step read as a list of terms still counts
    first = next((k for k, toks in enumerate(told) if features.takes_first_step(toks)), None)
    if first is None:
        return False
    end = next((k for k in range(first + 1, len(told)) if features.marked_result(told[k])), len(told) - 1)
    steps = told[first:end + 1]
    if len(steps) < model.OUTLINE_CLAUSES:
        return False
    facts = any(kind in ("number", "time") for toks in steps for kind in _kinds(toks))
    opened = sum(1 for toks in steps if features.takes_first_step(toks) or features.goes_on_from(toks))
    unset = [toks for toks in told[:first] if not _setting(toks)]
    if not facts and len(unset) <= 1 and (not unset or _thin(unset[0])):
        return opened >= model.OUTLINE_SHARE * len(steps)
    # a situation told before steps in HR's words alone is still an outline (breaker 44's g23), and so are steps that
    # name nothing of their own — a verb towards the customer and how it was done (我先倾听客人，再耐心解释，然后跟客人道歉，
    # 最后给客人重做 after a real first line, breaker 45's g29; numbers of nothing, 倾听顾客的三个问题…解决了两件事, g20)
    if opened < model.HOLLOW_OUTLINE_SHARE * len(steps):
        return False
    known = _known_words(analysis, question)
    return _hollow(analysis, question, steps) or sum(_step_of_its_own(toks, known) for toks in steps) <= model.BARE_STEPS_OWN


def closing_floor(analysis: features.Analysis, question: dict) -> float:
    """The lowest score of a closing answer (model.closing_floor): by its distinct questions about the work; 0 when
    a question is rude or the answer is a template of thanks and promises, and for any other question."""
    if explain.question_type(question) != "closing":
        return 0.0
    asked = quotes.questions_asked(analysis)
    if asked["rude"] or quotes.self_promotion(analysis) >= model.CLOSING_PROMOTION:
        return 0.0    # a template's thanks and promises around its questions: the model's reading stands
    return model.closing_floor(len(dict.fromkeys(asked["work"])), len(dict.fromkeys(asked["job"])))


def motivation_floor(analysis: features.Analysis, question: dict) -> float:
    """The lowest score of a motivation answer (model.motivation_floor): by its distinct practical reasons; 0 for
    any other question."""
    if not explain.motivation_question(question):
        return 0.0
    given = quotes.motivation_reasons(analysis)
    return model.motivation_floor(len(given["concrete"]), len(given["generic"]))


def story_floor(analysis: features.Analysis, question: dict) -> float:
    """The lowest score of a short, complete, concrete story told to a story question (model.story_floor); 0 for
    any other question, an answer in English or Korean (not measured) and an incomplete, habitual, reluctant or
    templated story."""
    if explain.question_type(question) != "story" or analysis.seg.language != "zh":
        return 0.0
    a, counts, d = analysis.answer, analysis.counts, analysis.details
    if a["specificity"] < model.STORY_SPECIFICITY or not d.get("action_clause_ids") or \
            d.get("outcome_clause_id") is None:
        return 0.0     # 首先我认真倾听，然后真诚道歉…最后顾客满意了: a template's words, no story of its own
    # … nor a story the wording model reads as thin or wrong (a rater's 1–3: 我就先安抚了一下…第二天退款就到了; 没问他们
    # 就让后厨又加了一个烤羊腿…), nor one with counter-evidence
    if a["wording"] < model.STORY_WORDING or any(det.get("contrary") for _, _, det in analysis.competencies):
        return 0.0
    # the steps told as done, not as what one would do (顾客投诉的时候我会先倾听，再道歉…最后顾客满意了)
    told = range(min(d["action_clause_ids"]), d["outcome_clause_id"] + 1)
    if any(t.text in _WOULD and (t.pos.startswith("v") or len(t.text) > 1) for ci in told
           for t in (analysis.seg.tokens[i] for i in analysis.seg.clauses[ci])):
        return 0.0
    return model.story_floor(a["story_order"], a["outcome"], a["relevance"], a["generalities"],
                             a["reluctance"] > 0 or bool(d.get("reluctance")),
                             counts.get("hollow_number_clauses", 0), counts.get("rate_clauses", 0))


_WOULD = {"会", "要", "应该", "可以", "能", "得"}


def _without_claims(reason: str, claims: list[str]) -> str | None:
    """A reason with the concrete items (举了具体的…：a、b、c。) that lie inside an impossible claim left out; None when
    none is left; other reasons as they are."""
    if not reason.startswith(CONCRETE_CREDIT) or "：" not in reason:
        return reason
    head, items = reason.split("：", 1)
    kept = [i for i in items.rstrip("。").split(explain._JOIN)
            if not any(re.sub(r"[%％]", "", i) and re.sub(r"[%％]", "", i) in c for c in claims)]
    return f"{head}：{explain._JOIN.join(kept)}。" if kept else None


def score_answer(words: list[dict], language: str, question: dict, *, audio: bool = False,
                 duration_s: float | None = None, asr_confidence: float | None = None,
                 min_asr_confidence: float = 0.45, scorer_version: str | None = "default") -> dict:
    comps = competencies_of(question)
    q = dict(question, competencies=comps)
    analysis = features.analyse(words, language, q)
    content = {**{k: round(v, 4) for k, v in analysis.answer.items()}, "counts": analysis.counts}
    out = {"status": "scored", "reason": None, "reason_code": None, "content_features": content,
           "competencies": [], "overall": None, "feedback": None, "scorer": None}
    gate = gates.check(analysis, words, language, audio=audio, duration_s=duration_s,
                       asr_confidence=asr_confidence, min_asr_confidence=min_asr_confidence,
                       closing=explain.question_type(q) == "closing")
    if gate is not None:
        out.update(status="needs_review", reason=gate.reason, reason_code=gate.reason_code)
        content["gate"] = gate.details
        return out
    kept = gates.without_scorer_talk(words)
    if kept is not words:
        # words to the grader the gate let through earn nothing: scored (and gated again) without them
        words = kept
        analysis = features.analyse(words, language, q)
        content.clear()
        content.update({**{k: round(v, 4) for k, v in analysis.answer.items()}, "counts": analysis.counts})
        gate = gates.check(analysis, words, language, audio=audio, duration_s=duration_s,
                           asr_confidence=asr_confidence, min_asr_confidence=min_asr_confidence,
                           closing=explain.question_type(q) == "closing")
        if gate is not None:
            out.update(status="needs_review", reason=gate.reason, reason_code=gate.reason_code)
            content["gate"] = gate.details
            return out
    scorer = model.load(scorer_version)
    result = []
    for i, (comp, values, det) in enumerate(analysis.competencies):
        row = features.competency_row(analysis, i)
        score, drivers = scorer.score(row)
        result.append({"name": comp.name, "weight": comp.weight, "score": score,
                       "reasons": explain.reasons(analysis, i, drivers, q),
                       "features": row, "drivers": drivers[:4],
                       "evidence": _evidence(analysis, i, words),
                       "keyword_coverage": None if det["keyword_coverage"] is None
                       else round(det["keyword_coverage"], 4)})
    # a short, complete, concrete story is 良好 whatever the model read of its few words (model.STORY_FLOOR); the
    # competency gap and the bounds below still apply
    lowest = story_floor(analysis, q)
    for comp in result:
        # … and the score goes onto the raters' anchored scale (model.Scorer.on_scale) before the gap and the bounds,
        # so every bound is read on the scale HR reads
        comp["score"] = scorer.on_scale(max(comp["score"], lowest))
    strengths = [model.competency_strength(values) for _, values, _ in analysis.competencies]
    adjusted = model.adjust_competencies([c["score"] for c in result], strengths)
    best = max(range(len(result)), key=lambda k: strengths[k]) if result else 0
    for k, comp in enumerate(result):
        if adjusted[k] < comp["score"] - 0.5:
            comp["reasons"] = [explain.gap_reason(comp["name"], result[best]["name"], comp["score"] - adjusted[k])] \
                + comp["reasons"][:3]
        comp["score"] = adjusted[k]
        comp["competency_strength"] = round(strengths[k], 4)
    # a motivation question is never a closing one (explain.motivation_question): at most one floor applies
    floor = closing_floor(analysis, q) or motivation_floor(analysis, q)
    if floor:
        floor = round(scorer.on_scale(floor), 1)   # set on the model's scale, like the story floor (one decimal)
        # a closing answer is judged on the questions asked, a motivation answer on the reasons given, which the
        # story features cannot see: good questions about the work itself, or several practical reasons, pass
        # whatever the model read (the bounds below still apply)
        for comp in result:
            if comp["score"] < floor:
                comp["score"] = floor
                comp["reasons"] = [r for r in comp["reasons"] if not r.startswith(explain.GAP_REASON)]
    not_own = missed = focus_missed = figures = outline = False
    for k, comp in enumerate(result):
        b = bound(analysis, k, q)
        if b is None:
            continue
        missed = missed or b.kind in MISSED_QUESTION
        kept = comp["reasons"]
        if b.kind is BoundKind.NOT_OWN:
            # not the candidate's own story: nothing in it is credited, even where the score is already lower
            kept = [r for r in kept if not r.startswith(agency.CREDITS)]
            not_own = True
        if b.kind in (BoundKind.FIGURES, BoundKind.OUTLINE):
            # its figures (or its bare steps) are what is bounded: they are not praised as concrete detail beside the
            # bound, nor to the candidate (breaker 42's g05 was told 举了具体的数字、时间或地点，让人容易相信)
            kept = [r for r in kept if not r.startswith((CONCRETE_CREDIT, explain.WORDING_SPECIFIC))]
            # … nor a deed or a result in everyday words alone, which is what the bound says the answer gives in place of
            # deeds (说了具体结果：按流程走完了 beside it: breaker 46's g26)
            # (nor a tally of the day as the result: 说了具体结果：“当天我一共跑了35单” — breaker 45's g27): told for what they are
            kept = [_as_vague(r) if r.startswith(agency.CREDITS) and (
                _hollow_quotes(analysis, q, r) or any(_TALLY.search(x) for x in _QUOTED.findall(r))) else r for r in kept]
            figures = figures or b.kind is BoundKind.FIGURES
            outline = outline or b.kind is BoundKind.OUTLINE
        detected = b.kind in DETECTED
        if detected:
            # a story about something other than work, or told unwillingly: nothing in it is credited
            kept = [r for r in kept if not r.startswith(agency.CREDITS + (CONCRETE_CREDIT,))]
        # counter-evidence, a story that is not the candidate's own and an answer that only asks are always
        # named; another bound only when it lowers the score
        det = analysis.competencies[k][2]
        if comp["score"] > b.cap or det.get("contrary") or det.get("contrary_owned") or b.kind is BoundKind.NOT_OWN \
                or b.cap == model.ASKING_ONLY or detected or b.kind in (BoundKind.FIGURES, BoundKind.OUTLINE):
            if comp["score"] > b.cap:
                # the bound levels what the gap reason compares (这一项因此低 24 分 beside three scores of 45)
                kept = [r for r in kept if not r.startswith(explain.GAP_REASON)]
            comp["reasons"] = [b.reason] + kept[:3]
            comp["score"] = round(min(comp["score"], b.cap), 1)
            # a story about another situation than the one asked (focus.py): nothing in it is praised either
            focus_missed = focus_missed or b.kind is BoundKind.FOCUS
    # misconduct told anywhere in the answer (contrary.py, not the anchor reading): nothing done in that story is
    # quoted as a good action or result of the candidate's (后来他就把差评删了, 我还照样拿了加班费)
    if contrary.tells_contrary(analysis):
        for comp in result:
            comp["reasons"] = [r for r in comp["reasons"] if not r.startswith(agency.CREDITS)]
    # … and a deed later owned and fixed (从那以后…) is named, but the deed itself is never quoted as a good action
    # (我用清水冲了冲照样做了菜: session 12's breaker)
    owned = {part for _, _, d in analysis.competencies for said, _ in (d.get("contrary_owned") or [])
             for part in re.split("…+", said) if len(part) >= 2}
    if owned:
        for comp in result:
            comp["reasons"] = [r for r in comp["reasons"]
                               if not (r.startswith(agency.CREDITS) and any(part in r for part in owned))]
    # misconduct is never quoted as a good action or result, whoever the reading above took for its doer (breaker 15,
    # M4: 说了自己具体做了什么：“自己兜里下班后拿去买了烟” out of 就把钱揣进了自己兜里)
    for comp in result:
        comp["reasons"] = [r for r in comp["reasons"] if not (r.startswith(agency.CREDITS) and any(
            contrary.quotes_misconduct(q, analysis.seg.text, analysis.seg.language) for q in _QUOTED.findall(r)))]
    # the figures of a claim that cannot be true (gates.impossible_feats: 满意度达到300%, 一天剪了500个头), told once and so
    # not gated, are never praised as concrete detail (breaker 18)
    claims = gates.impossible_feats(analysis) if analysis.seg.language == "zh" else []
    if claims:
        for comp in result:
            comp["reasons"] = [r for r in (_without_claims(r, claims) for r in comp["reasons"]) if r]
    for comp in result:   # a high score with none of the competency's own evidence says where it comes from
        comp["reasons"] = explain.agree_with_score(comp["reasons"], comp["name"], comp["score"])
    # quotes are checked above on the normalised text; HR reads them in the candidate's own words
    labels = {"很差", "很差：跑题"} | {c["name"] for c in result} | {
        k for c in analysis.competencies for k in (list(c[0].keywords) + list(c[0].terms))}
    for comp in result:
        comp["reasons"] = [r if r.startswith(FOCUS_REASON) else explain.in_own_words(analysis, r, labels)
                           for r in comp["reasons"]]   # the focus reason quotes situations, not the answer
    if analysis.counts.get("junk_chars", 0) >= 4:
        note = explain.junk_reason(analysis)
        for comp in result:
            comp["reasons"] = comp["reasons"][:3] + [note]
    out["competencies"] = result
    out["overall"] = model.overall([(c["weight"], c["score"]) for c in result])
    bound_all = model.contrary_overall_cap([(c["weight"], model.contrary_cap(len(det.get("contrary") or [])))
                                            for c, (_, _, det) in zip(result, analysis.competencies)])
    if out["overall"] is not None and bound_all is not None:
        out["overall"] = min(out["overall"], bound_all)
    out["feedback"] = explain.feedback(analysis, result, q, not_own=not_own,
                                       not_answer=not_an_answer(analysis, q) or ("focus" if focus_missed else
                                                                               "missed" if missed else None),
                                       figures=figures, outline=outline)
    out["scorer"] = scorer.label
    return out
