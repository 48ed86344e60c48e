"""Reasons for HR (2–4 plain Chinese sentences per competency) and feedback for the candidate.

Reasons may name HR's own keywords (HR wrote them). Candidate feedback never does, never names the
anchors, avoids jargon (no "STAR"), fits the question type (a closing "你有什么想问的" question gets no
story advice) and is not produced for a gated answer (the caller passes none).
"""
from __future__ import annotations

import re

from . import contrary, lexicon, quotes, wording
from .features import _NUM_IDIOMS, Analysis, is_content

_JOIN = "、"


def _quote(items, n: int = 3) -> str:
    items = [i for i in items if i][:n]
    return _JOIN.join(items)


def _clip(text: str, n: int = 24) -> str:
    text = text.strip("，,。 ")
    return text if len(text) <= n else text[:n] + "…"


_EMPTY_WORDS = re.compile(r"嗯|啊|呃|额|哦|哈|呢|吧|那个|就是|然后|我们|我|做|干|弄|搞|去|了|的|过|着|…|[，,。.、\s]")


def _substantive(quote: str) -> bool:
    """Whether a quote says something beyond fillers, pronouns and empty verbs ("嗯我做了" does not)."""
    return len(_EMPTY_WORDS.sub("", quote)) >= 2


def question_type(question: dict) -> str:
    """"closing", "intro", "story", "situational" or "general", from the question's wording."""
    text = question.get("text") or ""
    kind = question.get("type")
    if kind in ("closing", "intro", "story", "situational", "general"):
        return kind
    # (English in any case: "Tell us about a time…" was read as a general question — breaker 49's g37)
    if re.search(r"(有什么|有没有|还有什么).{0,6}(想问|问题要问|想了解|要问|补充)|any questions|궁금한", text, re.I) or \
            re.search(r"(还有什么|还有没有|有没有什么|有什么)(问题|疑问)(吗|呢|要|想|需要|？|\?|$)", text):
        return "closing"
    if re.search(r"自我介绍|介绍一下你自己|introduce yourself|tell (me|us) about yourself|자기소개", text, re.I):
        return "intro"
    if re.search(r"讲一次|讲一个|说一次|举一个|举个例子|经历|有没有.{0,8}过|曾经|tell (me|us) about a time|"
                 r"(describe|share) a time|(a|an|one) (time|occasion|situation) (when|where|you)|give (me|us) an example|"
                 r"have you ever|경험", text, re.I):
        return "story"
    if re.search(r"你会怎么|你会怎样|如果|假如|遇到.{0,10}怎么办|(what|how) would you|\bif (a|an|the|you)\b|어떻게 하", text,
                 re.I):
        return "situational"
    return "general"


_MOTIVATION = re.compile(r"为什么.{0,8}(想|选择|来|应聘|做|干|找|投)|求职动机|动机|\bwhy\b.{0,30}\b(want|apply|applied|"
                         r"choose|chose|join|interested)|what (makes|made) you (want|apply|choose)|지원.{0,4}(이유|동기)|"
                         r"왜.{0,40}(싶으|싶으신|지원|선택)", re.I)
_REASON_WORDS = ("因为", "为了", "原因", "所以", "喜欢", "希望", "想要", "打算", "适合", "兴趣", "离家近", "稳定", "发展",
                 "学到", "学习", "收入", "待遇",
                 # enjoying the work and fitting it (breaker 25: 我挺享受把…安抚下来的过程, 更懂买家在问什么, 干得来)
                 "享受", "更懂", "更了解", "能接受", "干得来", "做得来", "合得来", "because", "want to", "would like to", "i'd like to", "hope to",
                 "looking for", "that's why", "the reason", "so that i", "so i can", "since i", "이유", "때문", "싶어서",
                 "싶습니다", "싶어요", "싶었", "위해", "찾고 있", "지원하게", "지원했")


# … and a plan or a liking told without those words (我想在一家老店跟着师傅学几年, 从初中就爱拆闹钟: set s, session 22)
# (the subject may be elided at the clause's start: …考了证，也跟车实习了八单，想长期干下去 — set v's short strong answer was
# capped at 45 for giving no reason while told 说了想来的具体理由; breaker 25's motivation answers alike)
_REASON_RX = re.compile(r"((我|自己)|^)(也|就|还|一直|很|特别|其实|真的)*(想|希望|打算|准备|愿意)"
                        r"(在|把|学|做|干|跟|去|当|成为|留|长期|一直|多|先|从|往)|"
                        r"(就|很|特别|最|一直|从小)(爱|迷|喜欢)|热爱|着迷|感兴趣")


def motivation_question(question: dict) -> bool:
    """A question that asks for the candidate's reasons (为什么想做这份工作)."""
    return question_type(question) != "closing" and bool(_MOTIVATION.search(question.get("text") or ""))


def reasons_given(analysis: Analysis) -> list[str]:
    """Counted clauses of the answer that give a reason or a plan (因为…, 希望…, 离家近), not read from the question."""
    seg = analysis.seg
    excluded = set(analysis.details.get("excluded_clause_ids", []))
    out = []
    for ci, idx in enumerate(seg.clauses):
        toks = [seg.tokens[i] for i in idx if not seg.tokens[i].copied and not seg.tokens[i].negated]
        body = ("" if seg.language == "zh" else " ").join(t.text for t in toks)
        if ci not in excluded and (any(w in body for w in _REASON_WORDS) or seg.language == "zh" and _REASON_RX.search(body)):
            out.append(body)
    # practical reasons said without a reason word (我家就住在附近，走路十分钟) are reasons all the same
    # (two or more of them: a past job alone, 我在中通干过两年快递, before a story about it is no reason to come)
    given = quotes.motivation_reasons(analysis)["concrete"]
    return out + [c for c in given.values() if c not in out] if len(given) >= MOTIVATION_PRAISED else out


# how a practical reason (quotes.motivation_reasons) is named to HR
MOTIVE_LABELS = {"distance": "住得近", "schedule": "时间合适", "change": "换工作的具体缘由", "experience": "做过相关的工作", "certificate": "有相关证书",
                 "learn": "想学的东西", "aim": "想做到的岗位", "shop": "了解这家店", "insider": "身边有人做这一行"}
MOTIVE_SAID = "说了想来的具体理由"
_MOTIVE_COMPETENCY = re.compile(r"动机|意愿|意向|稳定|motivation|동기|지원", re.I)


def motivation_reason(analysis: Analysis, name: str) -> tuple[str | None, bool]:
    """(HR's reason naming the practical reasons or the generic praise of a motivation answer, whether the
    competency `name` is the one about motivation — its "没有说到相关做法" reason is then replaced)."""
    given = quotes.motivation_reasons(analysis)
    own = bool(_MOTIVE_COMPETENCY.search(name))
    if given["concrete"]:
        shown = "；".join(f"{MOTIVE_LABELS[k]}（“{_clip(q, 18)}”）" for k, q in list(given["concrete"].items())[:3])
        if not reasons_given(analysis):
            # one practical fact and no reason said (answer.bound caps it: 回答没有说出自己的理由): never told as a
            # reason given in the same list (breaker 25: both were told of one answer)
            return f"提到了{shown}，但没有说这和想做这份工作有什么关系。", own
        text = f"{MOTIVE_SAID}：{shown}。"
        if len(given["generic"]) > len(given["concrete"]):
            text += f"但更多的是泛泛的说法（如“{_clip(given['generic'][0], 14)}”）。"
        return text, own
    if given["generic"]:
        return f"理由多是泛泛的说法（如“{_clip(given['generic'][0], 14)}”），没有具体、能核实的内容。", own
    return None, own


GAP_REASON = "这个回答主要体现的是"


def gap_reason(name: str, best: str, points: float) -> str:
    """The reason a competency scored lower than the answer's best-shown one (model.adjust_competencies)."""
    return f"{GAP_REASON}{best}，说到的与{name}有关的内容（用词和意思）少一些，这一项因此低 {points:.0f} 分。"


def no_evidence(name: str) -> str:
    """The reason when the answer says nothing of the competency's own practice."""
    return f"没有说到与“{name}”相关的具体做法。"


NO_EVIDENCE_BUT_HIGH = 60.0     # a competency scoring this much is not told "没有说到…" without saying why


def agree_with_score(reasons: list[str], name: str, score: float) -> list[str]:
    """The final reasons of a competency whose score is high although the answer said nothing of its own
    practice: the score comes from how specific the whole story is, and the reason says so plainly instead
    of standing next to the score unexplained."""
    if score < NO_EVIDENCE_BUT_HIGH:
        return reasons
    said = f"这一项的分数主要来自整段经历的具体程度（数字、做法和结果），回答没有直接说到与“{name}”相关的做法。"
    return [said if r == no_evidence(name) else r for r in reasons]


def junk_reason(analysis: Analysis) -> str:
    """HR's note that part of the answer was nonsense (features.junk_tokens) and counted for nothing."""
    chars = max(analysis.counts.get("chars", 0), 1)
    english = analysis.counts.get("junk_english_chars", 0)
    garbled = analysis.counts.get("junk_chars", 0) - english
    notes = []
    if english:
        notes.append(f"回答里约有 {english / chars:.0%} 的内容是连着说的英文词语，这部分没有计入评分，请留意。")
    if garbled > 0 and (garbled >= 4 or not english):
        notes.append(f"回答里约有 {garbled / chars:.0%} 的内容连不成词语（乱码或无意义的音节），这部分没有计入评分，请留意。")
    return "".join(notes)


def reasons(analysis: Analysis, index: int, drivers: list[dict], question: dict | None = None) -> list[str]:
    """2–4 Chinese sentences on why competency `index` scored as it did, most influential first.

    Every positive claim quotes whole tokens of the answer (quotes.py); what cannot be quoted is not
    claimed. The criteria follow the question type: a situational question is judged on the plan (steps,
    priority, who they would contact), a closing question on the questions the candidate asked."""
    comp, values, det = analysis.competencies[index]
    a = analysis.answer
    kind = question_type(question or {})
    effect = {x["feature"]: x["effect"] for x in drivers}
    said = _said(analysis, det)
    keywords_said = [k for k in det["keywords_said"] if (k in said or k not in det["said"]) and k not in det["negated"]
                     and k not in det.get("voided", ())]
    candidates = []   # (weight, sentence)
    result_sentence = None

    def w(*features):
        return max(abs(effect.get(f, 0.0)) for f in features) + 0.01

    motive, motive_own = motivation_reason(analysis, comp.name) if motivation_question(question or {}) \
        else (None, False)

    if said:
        kinds = det["kinds"]
        behaviours = [t for t in said if kinds.get(t) != "keyword"]
        sentence = f"{EVIDENCE_SAID}“{comp.name}”相关的内容：{_quote(said, 4)}"
        if keywords_said and behaviours:
            sentence += f"（其中关键词 {_quote(keywords_said, 4)}）"
        elif not keywords_said and behaviours:
            sentence += "（没用原关键词，但说到了相应的做法）"
        if values["evidence_specific"] < 0.3 and kind != "closing":
            sentence += "，但多是泛泛一提，没有配合具体经过"
        candidates.append((w("evidence", "evidence_specific"), sentence + "。"))
    elif kind != "closing" and not (motivation_question(question or {}) and motive_own and motive):
        arranged = quotes.arrangement_quote(analysis) if set(quotes.ARRANGING_TERMS) & set(comp.terms) else None
        if arranged:
            # the arranging the competency is about, said in the candidate's own words (按楼层分三趟送): quoted,
            # never denied (breaker 14)
            candidates.append((w("evidence", "evidence_specific"), f"{ARRANGED_SAID}：“{arranged}”（没有用这一项的原词）。"))
        else:
            candidates.append((w("evidence", "evidence_specific"), no_evidence(comp.name)))
    if motive and motive_own:
        # a motivation answer is judged on its reasons: they are named first (breaker 14: an answer naming what it
        # wanted to learn and the role it aimed for was told 没有说到与“求职动机”相关的具体做法)
        candidates.append((100.0, motive))
    if det["negated"]:
        said_so = _negated_quote(analysis, det)
        candidates.append((w("negative_evidence") + 5,
                           f"以否定的方式提到了 {_quote(det['negated'])}{f'（“{said_so}”）' if said_so else ''}，这是反面信息。"))
    if kind == "closing":
        asked = quotes.questions_asked(analysis)
        if asked["rude"]:
            candidates.append((20, f"提的问题不礼貌或与工作无关：“{asked['rude'][0]}”。"))
        if asked["job"] and not asked["rude"]:
            # the questions about the work itself first (转正考核标准是什么 before 试用期多长)
            shown = (asked["work"] + [q for q in asked["job"] if q not in asked["work"]])[0]
            # only the job's terms or its broad sides asked (工资是多少？包吃住吗？): a question about the job, which the
            # reason says, and what it did not ask (breaker 15 M2: pay and board were called unrelated to the job)
            note = "" if asked["work"] else f"（{'问的是工资、吃住、上班时间这类条件，' if quotes.terms_asked(asked) else ''}" \
                                           f"没有问到具体做什么、谁来带、怎么考核）"
            candidates.append((10, f"提出了与工作相关的具体问题：“{shown}”{note}。"))
        elif asked["broad"]:
            candidates.append((10, f"问到了和工作有关的方面，但问得比较笼统，没有具体问什么：“{asked['broad'][0]}”。"))
        elif asked["other"]:
            candidates.append((10, f"提了问题，但和岗位本身关系不大：“{asked['other'][0]}”。"))
        elif asked["declined"]:
            candidates.append((10, f"没有提出任何问题，只说了“{asked['declined'][0]}”。"))
        elif not asked["rude"]:
            candidates.append((10, "没有提出任何问题。"))
        return _top(candidates)
    # every reason agrees with the feature it describes: no "举了…" when concreteness is 0, no "没有…" when
    # it is counted, and numbers that were said but not counted are named as such
    concrete = quotes.concrete_items(analysis, 4) if a["concreteness"] > 0 else []
    loose = quotes.uncounted_numbers(analysis)
    if concrete:
        candidates.append((w("concreteness", "specificity"), f"举了具体的数字、时间或名称：{_quote(concrete, 4)}。"))
    elif kind != "situational" and a["concreteness"] < LOW and loose:
        candidates.append((w("concreteness", "specificity"),
                           f"提到的数字（{_quote(loose)}）没有落到具体的事情上，没有算作具体细节。"))
    elif kind != "situational" and a["concreteness"] < LOW and not analysis.details["concrete"]:
        candidates.append((w("concreteness", "specificity"), NO_CONCRETE))
    if kind == "situational":
        plan = quotes.plan_parts(analysis)
        weight = w("specific_actions", "story_order")
        if plan["steps"]:
            steps = len(plan["steps"])
            candidates.append((weight, f"说了{'几步' if steps > 1 else '一步'}具体的处理做法，如“{plan['steps'][0]}”。"))
        else:
            candidates.append((weight, "没有说清自己会具体怎么做。"))
        if plan["priority"]:
            candidates.append((weight * 0.9, f"说了先处理什么：“{plan['priority'][0]}”。"))
        else:
            candidates.append((weight * 0.5, "没有说先处理什么、后处理什么。"))
        if plan["contact"]:
            candidates.append((weight * 0.8, f"说了会找谁沟通或帮忙：“{plan['contact'][0]}”。"))
        else:
            candidates.append((weight * 0.4, "没有说会联系谁、找谁帮忙。"))
    else:
        # Praise only what the score counts: an action quote only when the feature counted actions, this
        # competency has evidence of its own, and the quote says more than fillers and "我做了".
        action = quotes.action_quote(analysis) if a["specific_actions"] >= 0.3 and said else None
        action = action if action and _substantive(action) else None
        if action:
            candidates.append((w("specific_actions", "story_order"), f"{ACTION_SAID}：“{action}”。"))
        elif a["specific_actions"] < 0.3:
            # one step counted is little, but said: never denied (breaker 33: 我追上去还给她 was told 没有说清自己具体做了什么)
            one = quotes.action_quote(analysis) if analysis.counts.get("specific_actions") else None
            candidates.append((w("specific_actions", "story_order"),
                               f"{ONE_ACTION_SAID}：“{one}”，具体做法说得不多。" if one and _substantive(one)
                               else "没有说清自己具体做了什么。"))
        # a motivation question (为什么想做这份工作) asks for reasons and plans, not a result (breaker 13: every
        # honest motivation answer was told 没有说到最后的结果)
        if not motivation_question(question or {}):
            result_sentence = _outcome_reason(analysis)
            candidates.append((w("outcome"), result_sentence))
    # an answer telling bad conduct is on topic: its counter-evidence reason names it (answer.bound)
    if a["relevance"] < 0.25 and not analysis.details.get("work_talk") and \
            not any(d.get("contrary") for _, _, d in analysis.competencies):
        candidates.append((w("relevance") + 1, "回答和题目关系不大。"))
    if comp.anchors:
        level = values["anchor_match"]
        text = "与这项能力的优秀回答示例相近。" if level >= 0.6 else (
            "更接近这项能力的较弱回答示例。" if level <= 0.4 else "与优秀、较弱回答示例都不太像。")
        candidates.append((w("anchor_match"), text))
    top = _top(candidates)
    said_wording = wording_reason(analysis, effect.get("wording", 0.0), question)
    if said_wording and said_wording.startswith(WORDING_SPECIFIC) and NO_CONCRETE in top:
        # never "整体说法比较具体" next to "没有具体的数字…" (breaker 25: 19 answers were told both)
        said_wording = None
    if said_wording:
        # first (it is the largest driver when it is named); it takes the place of the least influential reason
        # that is not the competency's own evidence, the candidate's quoted action or the result (what they
        # said of this competency, did and achieved is never left unsaid); failing that, of the least
        # influential one but the result
        if len(top) >= 4:
            kept = (result_sentence,)
            drop = next((i for i in range(len(top) - 1, -1, -1)
                         if top[i] not in kept and not top[i].startswith((ACTION_SAID, EVIDENCE_SAID))), None)
            if drop is None:
                drop = next((i for i in range(len(top) - 1, -1, -1) if top[i] not in kept), None)
            if drop is not None:
                top.pop(drop)
        top.insert(0, said_wording)
    return top


LOW, HIGH = 0.3, 0.75     # a "missing X" reason needs feature X below LOW; "did X" needs it above 0
_EDGE_PARTICLES = {"了", "的", "着", "过", "地", "得", "和", "就", "也", "都", "在", "是"}
WORDING_NOTICEABLE = 4.0
ACTION_SAID = "说了自己具体做了什么"      # the reason quoting the candidate's own action
ONE_ACTION_SAID = "只说了一步自己的做法"     # … when it is the only one counted
EVIDENCE_SAID = "提到了与"                # the reason quoting the competency's own evidence
ARRANGED_SAID = "说了自己是怎么安排的"    # the reason quoting how the candidate arranged the work
NO_CONCRETE = "没有具体的数字、时间、地点或名称。"
# a Korean predicate: a verb or adjective with its tense, honorific, joining or final ending (드렸고, 내셨습니다, 했어요)
_KO_PREDICATE = re.compile(r"(?:[었았했였겼셨줬왔갔났봤썼렸웠쳤켰냈드]|습니|니)(?:다|고|서|어요|요|는데|지만|으며|며)?$|"
                           r"(?:습니다|었다|았다|했다|어요|아요|해요|예요|세요|고|서|지만|는데|니까|면서)$")
WORDING_SPECIFIC, WORDING_VAGUE = "整体说法比较具体", "整体说法比较笼统"  # points of the 0–100 score the wording term must move before it is a reason


_BOUND = {"ng", "vg", "ag", "tg", "dg", "g"}     # jieba's tags of morphemes that are no word alone


def wording_words(analysis: Analysis, direction: int, question: dict | None = None, n: int = 2) -> list[str]:
    """The answer's own words behind the wording rating's strongest n-grams pushing it in `direction` (+1 up,
    −1 down): each n-gram (two characters or more) is mapped back to the tokens whose normalised text covers it
    (at most three tokens). HR's keywords and the competencies' terms are never quoted."""
    seg = analysis.seg
    toks = [t for t in seg.tokens if t.pos != "x"]
    keys = [wording.text_key(t.text, seg.language) for t in toks]
    joined, owner = "", []
    for i, k in enumerate(keys):
        joined += k
        owner += [i] * len(k)
    hidden = set()
    for comp, _, _ in analysis.competencies:
        hidden |= {wording.text_key(t, seg.language) for t in list(comp.terms) + list(comp.keywords)}
    for c in (question or {}).get("competencies") or []:
        hidden |= {wording.text_key(k, seg.language) for k in c.get("keywords") or []}
    hidden.discard("")
    pronouns = lexicon.sets(seg.language).get("pronouns", set()) if seg.language == "zh" else set()
    sets = lexicon.sets(seg.language)
    stop = set(sets.get("stopwords", set())) | set(sets.get("pronouns", set()))
    times = sets.get("time_words", set())
    sep = "" if seg.language == "zh" else " "
    out = []
    text = analysis.details.get("wording_text") or sep.join(t.text for t in toks)
    for gram, value in wording.contributions(text, seg.language):
        if len(out) >= n:
            break
        if value * direction <= 0 or len(gram) < 2:
            continue
        k = joined.find(gram)
        if k < 0:
            continue
        first, last = owner[k], owner[k + len(gram) - 1]
        # particles and pronouns at either edge are not part of the words quoted (后我 → 后, then too short)
        edge = _EDGE_PARTICLES | pronouns if seg.language == "zh" else stop      # (checked the → checked)
        # (… and a preposition: 把八号 → 八号, breaker 46's h35 was told 整体说法比较具体（如“把八号”）)
        while first < last and (toks[first].text in edge or seg.language == "zh" and toks[first].pos == "p"):
            first += 1
        while last > first and (toks[last].text in edge or seg.language == "zh" and toks[last].pos == "p"):
            last -= 1
        if seg.language == "zh" and toks[last].text.endswith("得") and last + 1 < len(toks) and \
                toks[last + 1].clause == toks[last].clause and toks[last + 1].pos[:1] in ("a", "d"):
            last += 1   # 嫌菜上得|慢: a verb's 得 is quoted with what it says of it (“嫌菜上得慢”; not 觉得|它)
        span = toks[first:last + 1]
        if span[0].clause != span[-1].clause:
            continue    # the n-gram runs over a clause's end (“做，五号”: breaker 48's h50): no words of the answer
        # a bound morpheme at an edge (去后|厨|催: jieba's ng) was cut from a word: “厨催” is no word of the answer
        # (breaker 37)
        if seg.language == "zh" and (span[0].pos in _BOUND or span[-1].pos in _BOUND):
            continue
        # a Korean predicate's ending (드렸고, 내셨습니다) tells HR nothing about the answer (breaker 36): only spans with a
        # word that is no predicate are quoted
        if seg.language == "ko" and all(_KO_PREDICATE.search(t.text) for t in span):
            continue
        if last - first > 2 or (direction > 0 and not any(
                is_content(t, seg.language) and t.text not in _NUM_IDIOMS and t.text not in pronouns and (
                    seg.language != "zh" or t.pos[:1] in ("n", "v", "e") and t.pos not in ("vshi", "vyou"))
                for t in span)):
            continue
        # a vague example is never a number or a time, which the concreteness reason may name as concrete (一年, two
        # years, Yesterday: breaker 25 was told both of one word)
        if direction < 0 and any(t.pos in ("m", "mq", "t") or re.search(r"[0-9]", t.text) or
                                 t.text.lower() in times for t in span):
            continue
        quote = sep.join(t.text for t in span)
        if len(wording.text_key(quote, seg.language)) < 2:
            continue
        qkey = wording.text_key(quote, seg.language)
        if any(h in qkey or qkey in h for h in hidden) or quote in out or any(quote in o or o in quote for o in out):
            continue
        out.append(quote)
    return out


def wording_reason(analysis: Analysis, effect: float, question: dict | None = None) -> str | None:
    """HR's reason when the wording term (features wording, wording.py) moves the score by at least
    WORDING_NOTICEABLE points, naming the answer's own words behind it; None otherwise or when no word of the
    answer can be named."""
    if abs(effect) < WORDING_NOTICEABLE:
        return None
    quoted = wording_words(analysis, 1 if effect > 0 else -1, question)
    if not quoted:
        return None
    shown = "”“".join(quoted)
    if effect > 0:
        return f"{WORDING_SPECIFIC}（如“{shown}”）。"
    return f"{WORDING_VAGUE}（如“{shown}”）。"


def _outcome_reason(analysis: Analysis) -> str:
    """The result reason, agreeing with the outcome feature: a high outcome is never "没有说到", a zero one is
    never "说了具体结果"; a result the feature did not count is quoted as such, not denied."""
    o = analysis.answer["outcome"]
    result = quotes.result_quote(analysis)
    praise = quotes.praise_words(analysis)
    if o >= HIGH:
        shown = result or quotes.outcome_clause(analysis) or quotes.stated_result(analysis)
        if result:
            return f"说了具体结果：“{shown}”。"
        if shown:
            return f"说到了最后的结果：“{shown}”。"
    lost = None if result else quotes.loss_outcome(analysis)
    if lost:                          # 结果只发出去100箱, 经理扣了我500块: a loss, not a result achieved
        return f"说到的结局是延误、损失或失误：“{lost}”，不算作做成的结果。"
    # what the feature counted is a view or a habit (大家一起做就能做完, 结果一般都是比较好的): no result is
    # claimed that cannot be quoted
    if o >= HIGH and not praise:
        return "说到的结果是泛泛的说法，没有具体内容。"
    if o > 0 and result:
        return f"说了结果：“{result}”，但不够具体。"
    if o > 0 and praise:
        shown = "”“".join(praise[:2])
        return f"结果只是笼统地说“{shown}”，没有具体内容。"
    stated = result or quotes.stated_result(analysis)
    if stated:
        # the answer states how it ended; whether that ending is concrete is not claimed either way (breaker 14:
        # time saved, a customer back, a complaint withdrawn were told they were no concrete result)
        return f"最后说到：“{stated}”。"
    return "没有说清最后的具体结果。" if o > 0 else "没有说到最后的结果。"


def _said(analysis: Analysis, det: dict) -> list[str]:
    """The competency's terms the answer said as something done, not in a refused or negated clause
    (安排优先级这种事交给别人) and, in English, not as part of a named thing (the Z report)."""
    toks = analysis.seg.tokens
    out = []
    for term, hit in det["said"].items():
        clause = toks[hit.first].clause
        if term in det["negated"] or term in det.get("voided", ()) or quotes.refused(analysis, clause) or any(
                toks[i].negated for i in range(hit.first, hit.last + 1)):
            continue
        if analysis.seg.language != "zh" and hit.first > 0 and re.fullmatch(r"[b-hj-z]", toks[hit.first - 1].text.lower()):
            continue
        out.append(term)
    return out


_QUOTE = re.compile(r"“([^“”]+)”")
# the lists of the answer's own words in a reason (terms said, concrete details, numbers not counted, negated terms)
_LISTED = re.compile(r"(相关的内容：|数字、时间或名称：|提到的数字（|以否定的方式提到了 )([^（）“”。，；]+)")


def in_own_words(analysis: Analysis, reason: str, labels: frozenset | set = frozenset()) -> str:
    """`reason` with every quote and list of the answer in the candidate's own words (text.Segmented.original_of):
    traditional characters, Cantonese, code-switched English, 10:30, case and width as said, not as normalised
    for matching (breaker 23: 赔不是 was quoted as 道歉, "report" as 汇报). Quotes that are `labels` (competency
    names, HR's keywords, the scale's words) are kept."""
    seg = analysis.seg

    reason = _QUOTE.sub(lambda m: "“" + (m.group(1) if m.group(1) in labels else seg.original_of(m.group(1))) + "”",
                        reason)
    # a list names what was said, HR's keywords included (赔不是 for 道歉); "其中关键词 …" keeps HR's words
    return _LISTED.sub(lambda m: m.group(1) + _JOIN.join(seg.original_of(p) for p in m.group(2).split(_JOIN)), reason)


def _negated_quote(analysis: Analysis, det: dict, n: int = 20) -> str | None:
    """The words of the answer from its clause's start (at most 8 tokens back) to the first negated term
    (我不太喜欢跟同事沟通), at most n characters, the end kept; None when no negated term has a place."""
    seg = analysis.seg
    hits = sorted((h for h in det.get("negated_at", {}).values()), key=lambda h: h.first)
    if not hits or not 0 <= seg.tokens[hits[0].first].clause < len(seg.clauses):
        return None
    hit, ci = hits[0], seg.tokens[hits[0].first].clause
    first = max([i for i in seg.clauses[ci] if i <= hit.first][:1] + [hit.first - 8])
    last = seg.tokens[max(h.last for h in hits if seg.tokens[h.first].clause == ci)]
    said = seg.text[seg.tokens[first].start:last.start + len(last.text)].strip("，,。 ")
    return said if len(said) <= n else "…" + said[-n:]


def _top(candidates: list) -> list[str]:
    candidates.sort(key=lambda c: -c[0])
    out = [s for _, s in candidates[:4]]
    return out if len(out) >= 2 else out + ["回答内容较少，依据有限。"]


_STRENGTHS = {
    "concreteness": "举了具体的数字、时间或地点，让人容易相信。",
    "specific_actions": "清楚地说了你自己做了哪些事。",
    "outcome": "说清了最后的结果。",
    "evidence": "说到了这道题想了解的具体做法。",
    "closing": "问了和工作直接有关的具体问题。",
    "plan": "说清了你会先做什么、找谁帮忙。",
    "motivation": "说了几条实在、具体的理由，让人明白你为什么想来。",
}
_SUGGEST = {
    "story": "可以讲一件真实发生过的事：当时是什么情况，你自己做了哪几步，最后结果怎样。",
    "concreteness": "可以加上具体的数字、时间或地点，比如多少人、多少单、用了多长时间。",
    "specific_actions": "多说说你自己具体做了什么、按什么顺序做的。",
    "outcome": "说一说最后的结果，最好有能核实的细节（比如几点完成、少了多少投诉）。",
    "evidence": "可以多讲和这道题直接有关的具体做法。",
    "situational": "说说你会先做什么、再做什么，每一步具体怎么做。",
    "closing": "可以问一个和岗位、团队或工作安排有关的具体问题。",
    "closing_work": "也可以问问这份工作具体要做什么、谁来带新人、怎么考核。",
    "plan": "说说哪件事最急、要先处理，以及你会找谁沟通或帮忙。",
    "intro": "可以说说你做过的具体工作和一两件拿得出手的事。",
    "on_topic": "请围绕题目来回答：这道题问的是工作中的经历或做法，生活里的事可以留到面谈时再聊。",
    "focus": "请讲和题目问的情况直接有关的事：题目问的是哪种情况，就讲一次你遇到这种情况时具体是怎么做的。",
    "willing": "可以讲一次你主动把事情做好、对结果负责的经历，说说你具体做了什么。",
    "motivation": "可以说说你为什么想做这份工作、看重它什么，以及接下来的打算。",
    "motivation_detail": "可以说得更具体一些：比如做过哪些相关的事，接下来一两年想学会什么、做到什么。",
    "answer_question": "这个回答和题目问的不是一回事：请先看清题目问什么，再讲和它直接有关的经历、做法或想法。",
}
# The same feedback in the interview's other languages: the candidate reads it in the language they were
# interviewed in (HR-facing reasons stay Chinese).
_STRENGTHS_BY_LANGUAGE = {
    "en": {
        "concreteness": "You gave concrete numbers, times or places, which makes the story believable.",
        "specific_actions": "You said clearly what you yourself did.",
        "outcome": "You made the final result clear.",
        "evidence": "You described the concrete practice this question is about.",
        "closing": "You asked specific questions about the job itself.",
        "plan": "You made clear what you would do first and whom you would turn to.",
        "motivation": "You gave several concrete, practical reasons, which makes it clear why you want to come.",
    },
    "ko": {
        "concreteness": "구체적인 숫자, 시간, 장소를 들어 믿을 만하게 말했습니다.",
        "specific_actions": "본인이 직접 무엇을 했는지 분명하게 말했습니다.",
        "outcome": "최종 결과를 분명하게 말했습니다.",
        "evidence": "이 질문이 알고 싶어 하는 구체적인 방법을 말했습니다.",
        "closing": "업무와 직접 관련된 구체적인 질문을 했습니다.",
        "plan": "무엇을 먼저 하고 누구에게 도움을 청할지 분명히 말했습니다.",
        "motivation": "구체적이고 현실적인 이유를 여러 가지 말해서 왜 오고 싶은지 잘 알 수 있습니다.",
    },
}
_SUGGEST_BY_LANGUAGE = {
    "en": {
        "story": "Tell one thing that really happened: what the situation was, which steps you took, and how it ended.",
        "concreteness": "Add concrete numbers, times or places, e.g. how many people or orders, how long it took.",
        "specific_actions": "Say more about what you yourself did, and in which order.",
        "outcome": "Say what the final result was, ideally with details that can be checked (when it was done, how many complaints fewer).",
        "evidence": "Say more about the concrete practice this question asks about.",
        "situational": "Say what you would do first and next, and how you would do each step.",
        "closing": "Ask a specific question about the job, the team or how the work is organised.",
        "closing_work": "You could also ask what the work involves day to day, who trains new staff and how performance is judged.",
        "plan": "Say which thing is most urgent and comes first, and whom you would talk to or ask for help.",
        "intro": "Talk about concrete work you have done and one or two things you are proud of.",
        "on_topic": "Answer what the question asks: it is about your experience or practice at work.",
        "focus": "Tell about the situation the question asks about: a time you met that situation and what you did.",
        "willing": "Tell about a time you took it on yourself to get something done well, and what you did.",
        "motivation": "Say why you want this job, what you value in it, and what you plan to do next.",
        "motivation_detail": "Be more specific: what related things you have done, and what you want to learn or achieve in the next year or two.",
        "answer_question": "This answer is about something other than what the question asks: read the question again and talk about experience, practice or thoughts directly related to it.",
    },
    "ko": {
        "story": "실제로 있었던 일을 하나 말해 보세요. 어떤 상황이었는지, 본인이 어떤 단계를 밟았는지, 결과가 어땠는지요.",
        "concreteness": "몇 명, 몇 건, 얼마나 걸렸는지 같은 구체적인 숫자, 시간, 장소를 더해 보세요.",
        "specific_actions": "본인이 구체적으로 무엇을 어떤 순서로 했는지 더 말해 보세요.",
        "outcome": "최종 결과를 말해 보세요. 확인할 수 있는 세부 사항(언제 끝났는지, 불만이 얼마나 줄었는지)이 있으면 더 좋습니다.",
        "evidence": "이 질문과 직접 관련된 구체적인 방법을 더 말해 보세요.",
        "situational": "무엇을 먼저 하고 다음에 무엇을 할지, 각 단계를 어떻게 할지 말해 보세요.",
        "closing": "직무, 팀, 업무 방식에 관한 구체적인 질문을 해 보세요.",
        "closing_work": "이 일에서 구체적으로 어떤 일을 하는지, 누가 신입을 가르치는지, 어떻게 평가하는지도 물어볼 수 있습니다.",
        "plan": "가장 급한 일이 무엇이라 먼저 처리할지, 누구와 상의하거나 도움을 청할지 말해 보세요.",
        "intro": "해 본 구체적인 일과 자랑할 만한 일 한두 가지를 말해 보세요.",
        "on_topic": "질문에 맞게 답해 주세요. 이 질문은 일하면서 겪은 경험이나 방법을 묻고 있습니다.",
        "focus": "질문이 묻는 상황에 대해 말해 주세요. 그런 상황을 겪었을 때 구체적으로 어떻게 했는지요.",
        "willing": "스스로 나서서 일을 잘 마무리하고 결과에 책임졌던 경험과 구체적으로 한 일을 말해 보세요.",
        "motivation": "이 일을 하고 싶은 이유와 이 일에서 중요하게 생각하는 점, 앞으로의 계획을 말해 보세요.",
        "motivation_detail": "조금 더 구체적으로 말해 보세요. 관련해서 해 본 일이 무엇인지, 앞으로 1~2년 동안 무엇을 배우고 이루고 싶은지요.",
        "answer_question": "이 답변은 질문이 묻는 것과 다른 이야기입니다. 질문을 다시 보고 그와 직접 관련된 경험, 방법이나 생각을 말해 주세요.",
    },
}


def feedback(analysis: Analysis, competencies: list[dict], question: dict, *, not_own: bool = False,
             not_answer: str | None = None, figures: bool = False, outline: bool = False) -> dict:
    """{"strengths": [...], "suggestions": [...]} for the candidate, at most 2 + 2, in the interview's
    language (zh, en, ko; Chinese for anything else). `not_own`: the answer was bounded as not the candidate's
    own experience (agency.py: a model answer, others' work, a hypothetical) — nothing in it is praised, and the
    candidate is asked for a story of their own. `not_answer` ("off_topic", "reluctant"): bounded by a detector
    (detectors.py) as talk about something other than work, or as unwillingness — nothing is praised, and the
    candidate is told what the question asks for; "missed": bounded as not answering the question asked (a story
    about something else, only questions of its own, no reason to a motivation question) — nothing is praised and
    the candidate is told so; "focus": bounded as a story about another situation than the one the question names
    (focus.py) — nothing is praised, and the candidate is asked for that situation. `figures`: bounded as figures in
    place of deeds (answer.figures_only) — its figures are not praised as concrete detail. `outline`: bounded as a bare
    outline of steps (answer.bare_outline) — its result is not praised, and the candidate is asked for a real story."""
    asked = "motivation" if motivation_question(question) else "closing" if question_type(question) == "closing" \
        else "willing"
    out = ({"strengths": [], "suggestions": [_SUGGEST["on_topic" if not_answer == "off_topic" else
                                                     "focus" if not_answer == "focus" else
                                                     "answer_question" if not_answer == "missed" and
                                                     asked != "motivation" else asked]]}
           if not_answer
           else {"strengths": [], "suggestions": [_SUGGEST["story"]]} if not_own
           else _feedback_zh(analysis, competencies, question))
    # misconduct told anywhere in the answer (contrary.py; not the anchor reading): nothing in it is praised — its
    # numbers, steps or plan are how the deed was done (breaker 19: 说清了你会先做什么 after covering a shortage with
    # the next shift's float)
    if contrary.tells_contrary(analysis):
        out = {"strengths": [], "suggestions": out["suggestions"]}
    if figures:
        out = {"strengths": [s for s in out["strengths"] if s != _STRENGTHS["concreteness"]],
               "suggestions": out["suggestions"]}
    if outline:
        out = {"strengths": [], "suggestions": [_SUGGEST["story"]] + [
            s for s in out["suggestions"] if s != _SUGGEST["story"]][:1]}
    language = analysis.seg.language
    if language not in _STRENGTHS_BY_LANGUAGE:
        return out
    strengths = {v: _STRENGTHS_BY_LANGUAGE[language][k] for k, v in _STRENGTHS.items()}
    suggest = {v: _SUGGEST_BY_LANGUAGE[language][k] for k, v in _SUGGEST.items()}
    return {"strengths": [strengths[s] for s in out["strengths"]],
            "suggestions": [suggest[s] for s in out["suggestions"]]}


def _feedback_zh(analysis: Analysis, competencies: list[dict], question: dict) -> dict:
    kind = question_type(question)
    a = analysis.answer
    evidence = max((v["evidence_specific"] for _, v, _ in analysis.competencies), default=0.0)
    overall = sum(c["score"] * (c.get("weight") or 1) for c in competencies) / max(
        sum(c.get("weight") or 1 for c in competencies), 1e-9) if competencies else 0.0
    if kind == "closing":
        # judged on the questions asked, never on a story
        asked = quotes.questions_asked(analysis)
        if asked["job"] and not asked["rude"]:
            # praise agrees with the score: a job question the scorer rated below the no-question bound is
            # neither praised nor told to ask one (it did); one that asked only the job's terms or its broad
            # sides (工资多少？包吃住吗？, 发展前景怎么样) is told what else it could ask
            return {"strengths": [_STRENGTHS["closing"]] if overall >= CLOSING_PRAISED else [],
                    "suggestions": [] if asked["work"] else [_SUGGEST["closing_work"]]}
        return {"strengths": [], "suggestions": [_SUGGEST["closing"]]}
    # a strength is only named when the answer has something to show for it (quotes.py) and the feature it
    # praises is high; a suggestion only when that feature is low. Answers that show the opposite of the
    # competency (reluctance, negated evidence) get no praise for their actions, result or practice, and
    # the practice is only praised when it is specific and the answer scored at least 合格 (50).
    concrete = bool(quotes.concrete_items(analysis)) and a["concreteness"] > 0
    loose = bool(quotes.uncounted_numbers(analysis))
    action = quotes.action_quote(analysis) if a["specific_actions"] > 0 else None
    result = quotes.result_quote(analysis) if a["outcome"] > 0 else None
    opposite = a["reluctance"] > 0 or any(v.get("negative_evidence", 0) > 0 or d["negated"] or d.get("contrary")
                                          for _, v, d in analysis.competencies)
    # suggestions read the features as they are; strengths also need something to show for them
    level = {"concreteness": a["concreteness"], "specific_actions": a["specific_actions"], "outcome": a["outcome"],
             "evidence": evidence}
    praised = {"concreteness": a["concreteness"] if concrete else 0.0,
               "specific_actions": a["specific_actions"] if action else 0.0,
               # a high outcome feature is praised only with a result to show for it, not a view (就能做完)
               "outcome": a["outcome"] if result or a["outcome"] >= HIGH and (
                   quotes.outcome_clause(analysis) or quotes.stated_result(analysis)) else 0.0,
               "evidence": evidence}
    if opposite:
        praised.update(specific_actions=0.0, outcome=0.0, evidence=0.0)
    if overall < 50:
        praised["evidence"] = 0.0
    told_story = (concrete and bool(action or result)) or (a["outcome"] >= HIGH and a["concreteness"] >= 0.5)
    if kind == "situational":
        plan = quotes.plan_parts(analysis)
        strengths = []
        if plan["steps"] and (plan["priority"] or plan["contact"]):
            strengths.append(_STRENGTHS["plan"])
        if praised["evidence"] >= 0.6:
            strengths.append(_STRENGTHS["evidence"])
        suggestions = []
        if len(plan["steps"]) < 2 or a["specific_actions"] < 0.4:
            suggestions.append(_SUGGEST["situational"])
        if not plan["priority"] or not plan["contact"]:
            suggestions.append(_SUGGEST["plan"])
        if evidence < 0.5 and len(suggestions) < 2 and not _scored_well(competencies) and not _shown(competencies):
            suggestions.append(_SUGGEST["evidence"])
        return {"strengths": strengths[:2], "suggestions": suggestions[:1 if overall >= 75 else 2]}
    strengths = [_STRENGTHS[f] for f, v in sorted(praised.items(), key=lambda kv: -kv[1]) if v >= 0.6][:2]
    suggestions = []
    if kind == "intro":
        if a["concreteness"] < 0.5 or a["specific_actions"] < 0.3:
            suggestions.append(_SUGGEST["intro"])
        return {"strengths": strengths, "suggestions": suggestions}
    if motivation_question(question):
        # reasons and plans are what it asks for: never story, result or "how many orders" advice
        given = quotes.motivation_reasons(analysis)["concrete"]
        if not reasons_given(analysis):
            suggestions.append(_SUGGEST["motivation"])
        elif overall < GOOD and (len(given) < MOTIVATION_PRAISED or not set(given) & {"experience", "certificate"}
                                 and not set(given) & {"learn", "aim"}):
            # only what they have not said: an answer naming its past job, what it wants to learn and the role it
            # aims for is not asked for them
            suggestions.append(_SUGGEST["motivation_detail"])
        strengths = [s for s in strengths if s != _STRENGTHS["outcome"]]
        if len(given) >= MOTIVATION_PRAISED:
            strengths = [_STRENGTHS["motivation"]] + strengths
        return {"strengths": strengths[:2], "suggestions": suggestions}
    limit = 1 if overall >= 75 else 2
    if a["relevance"] < 0.25 and not _scored_well(competencies) and not told_story:
        # small talk, not about work: it is told what the question asks for, not how to end a story it never told
        return {"strengths": [], "suggestions": [_SUGGEST["on_topic"]]}
    # at most one of a story's three parts told (situation, own steps, result): 2/3 — a situation and steps without
    # the result — is asked for the result below, not told to tell "a real event" (breaker 22: 豆浆机坏了…6点半准时开门)
    if kind == "story" and a["story_order"] < 0.6 and not told_story:
        suggestions.append(_SUGGEST["story"])
    for f, v in sorted(level.items(), key=lambda kv: kv[1]):
        if len(suggestions) >= limit:
            break
        if f == "outcome" and (kind not in ("story", "general") or result or quotes.stated_result(analysis)):
            continue
        if f == "concreteness" and (loose or concrete):
            continue                 # it has numbers or names; "加上具体的数字" would not be true advice
        # advice never contradicts the score: "多讲和这道题有关的做法" is not for an answer whose every
        # competency scored 良好 or better, and a strong answer (85+) is only told of what it truly lacks
        if f == "evidence" and (_scored_well(competencies) or _shown(competencies)):
            continue
        if overall >= STRONG and v >= LOW:
            continue
        if v < 0.5 and _SUGGEST[f] not in suggestions:
            suggestions.append(_SUGGEST[f])
    return {"strengths": strengths, "suggestions": suggestions[:limit]}


GOOD, STRONG = 75.0, 85.0
MOTIVATION_PRAISED = 2          # practical reasons (quotes.motivation_reasons) a motivation answer is praised for
CLOSING_PRAISED = 35.0          # a closing answer below it is not praised       # 良好 and strong answers: limits on the advice they are given


SHOWN = 0.5     # a competency's strength (model.competency_strength: its terms or closeness in meaning) that shows it


def _shown(competencies: list[dict]) -> bool:
    """Some competency is shown clearly, in HR's terms or in other words close in meaning
    (`competency_strength` ≥ SHOWN): the answer did tell the practice the question asks about, and "多讲和这道题直接有关的
    具体做法" would be false advice (breaker 41: a driver who pulled over, put on the hazard lights and set out the
    triangle was told it, as were 18 of its on-topic stories)."""
    return any(c.get("competency_strength", 0.0) >= SHOWN for c in competencies)


def _scored_well(competencies: list[dict]) -> bool:
    """Every competency scored at least GOOD: none of them lacks the practice the question asks about."""
    return bool(competencies) and min(c["score"] for c in competencies) >= GOOD
