"""What the explanations may quote from an answer: whole jieba tokens, checked for what they claim.

A reason claims only what it can quote. Every function here returns text made of whole tokens of the
answer (never cut inside a token or inside a time expression such as 10:30 / 十点半), or None/[] when the
answer has nothing of that kind. Chinese (zh) is handled in detail; for en/ko the clause text is used.
"""
from __future__ import annotations

import re

from . import lexicon, meaning
from .features import LAPSE_ZH as _LAPSE_ZH, Analysis, concrete_kind, general_clause, result_start
from .text import Token, normalise_term

_NUM = "零〇一二两三四五六七八九十百千万亿半几"
# units after a Chinese numeral that make it a count, a duration or a clock time
_UNITS = ("个小时", "个钟头", "个月", "个星期", "分钟", "小时", "钟头", "星期", "礼拜", "公里", "公斤", "点半", "点钟",
          "点", "分", "秒", "天", "号", "日", "月", "年", "周", "岁", "人", "个", "位", "单", "箱", "件", "份", "次",
          "块", "元", "斤", "桌", "批", "趟", "遍", "盒", "瓶", "包", "袋", "台", "辆", "家", "张", "条", "本",
          "米", "成", "倍", "万", "千", "百", "十", "层", "楼", "道", "杯", "碗", "盘", "单子", "笔", "名", "项")
_QUANTITY = re.compile(r"^第?[%s]+(?:%s)?$" % (_NUM, "|".join(_UNITS)))
_INDEFINITE = re.compile(r"^[一]?(?:个|次|种|下|点|些|样|起|头|边|直|定|般|切)$")
_CLOCK_WORDS = ("上午", "下午", "晚上", "早上", "中午", "凌晨", "半夜", "傍晚", "夜里", "清晨", "早晨")
_TIME = re.compile(r"^(?:%s|第?[%s0-9]+(?:天|号|日|月|年|周|点半?|点钟)|[去今明前后]年|[上下这]个?(?:周|星期|月)|"
                   r"(?:周|星期|礼拜)[一二三四五六日天]|昨天|今天|明天|前天|后天|那天|当天|那晚|当晚|那年|那周|"
                   r"春节|国庆|中秋|双十一|双十二|元旦|周末|月底|月初|年底|年初|夜班|早班|晚班|高峰期?|饭点)$"
                   % ("|".join(_CLOCK_WORDS), _NUM))
_JOINERS = {":", "：", ".", "点", "半", "分", "号", "过"}
# words that open a clause with someone or something else as the agent (经理说…, 突然来了…)
_EVENT_VERBS = {"来", "来了", "有", "出现", "发生", "到", "下", "赶上", "碰到", "遇到", "遇上", "是"}
_FIRST_PERSON_ZH = {"我", "我们", "咱们", "咱", "俺", "自己", "我俩"}
_OPEN_OBJECT = {"把", "将", "给", "跟", "和", "对", "在", "从", "向", "到", "按", "替", "帮", "让", "叫", "请", "被", "用",
                "为", "往", "同", "与", "提前", "先", "再"}
_PRAISE = ("非常好", "很好", "挺好", "不错", "满意", "顺利", "成功", "圆满", "表扬", "夸", "认可", "好评", "开心",
           "高兴", "感谢", "还行", "还可以")
_BEFORE = ("原来", "以前", "之前", "本来", "过去", "平时", "以往", "开始")
_AFTER = ("现在", "后来", "结果", "最后", "改完", "之后", "这样", "只要", "只用", "缩短", "减少", "降到", "提高", "变成")
_RESULT_END = re.compile(r"(完|好|成|齐|掉|清|妥|通|出去|出来|回来|下来|到了|了)$")


def _zh(analysis: Analysis) -> bool:
    return analysis.seg.language == "zh"


def clause_tokens(analysis: Analysis, ci: int) -> list[Token]:
    """Clause ci's tokens, joined with its neighbours where a clock time was split at its colon (10:30)."""
    seg = analysis.seg
    idx = list(seg.clauses[ci])
    while idx and idx[0] >= 2 and seg.tokens[idx[0] - 1].text in (":", "：") and _is_num(seg.tokens[idx[0]]) \
            and _is_num(seg.tokens[idx[0] - 2]):
        prev = next((c for c in seg.clauses if idx[0] - 2 in c), None)
        if prev is None:
            break
        idx = [i for i in prev if i < idx[0] - 1] + [idx[0] - 1] + idx
    while idx and idx[-1] + 2 < len(seg.tokens) and seg.tokens[idx[-1] + 1].text in (":", "：") and \
            _is_num(seg.tokens[idx[-1]]) and _is_num(seg.tokens[idx[-1] + 2]):
        nxt = next((c for c in seg.clauses if idx[-1] + 2 in c), None)
        if nxt is None:
            break
        idx = idx + [idx[-1] + 1] + [i for i in nxt if i > idx[-1] + 1]
    return [seg.tokens[i] for i in idx]


def _is_num(tok: Token) -> bool:
    return bool(re.fullmatch(r"[0-9０-９]+", tok.text)) or (tok.pos in ("m", "mq") and
                                                        bool(re.fullmatch(r"[%s]+" % _NUM, tok.text)))


def phrase(toks: list[Token], language: str, n: int = 26) -> str:
    """The tokens as text, clipped to about n characters at a token boundary that does not split a
    number or time (10:30, 十点半), a preposition from its object (把毛肚…) or a verb from its complement."""
    toks = [t for t in toks if t.text.strip()]
    while toks and (toks[-1].pos == "x" and toks[-1].text not in _JOINERS or
                    language == "zh" and len(toks) > 1 and toks[-1].pos in ("p", "c")):
        toks = toks[:-1]
    sep = "" if language in ("zh",) else " "
    out, size = [], 0
    for k, t in enumerate(toks):
        if language == "zh" and out and re.match(r"[a-z0-9]", t.text, re.I) and re.search(r"[a-z]$", out[-1], re.I):
            out.append(" ")
        # the segmenter's ASCII comma between Chinese clauses reads as the Chinese one (十点半，三百箱…)
        wide = language == "zh" and t.text == "," and not (out and out[-1][-1:].isdigit())
        out.append("，" if wide else t.text)
        size += len(t.text)
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None:
            return sep.join(out).strip(" ，,")
        if size < n:
            continue
        # never stop inside a time/number (10 | : | 30, 十点 | 半) or before a verb complement
        if nxt.text in _JOINERS or _is_num(nxt) and (_is_num(t) or t.text in _JOINERS):
            continue
        if language == "zh" and (t.text in _OPEN_OBJECT or t.pos in ("p", "m", "q") or nxt.pos in ("ul", "uz", "u")
                                 or nxt.text in ("了", "过", "着", "完", "好", "掉")):
            continue
        return sep.join(out).strip(" ，,") + "…"
    return sep.join(out).strip(" ，,")


def _valid_item(text: str, kind: str) -> bool:
    if kind in ("place", "name"):
        return True
    if any(c.isdigit() for c in text):
        return True
    if _INDEFINITE.match(text.lstrip("一")) and text.startswith("一") or text in ("一个", "一次", "一下", "一些"):
        return False
    return bool(_QUANTITY.match(text) or _TIME.match(text) or text in lexicon.sets("zh")["time_words"]
                and len(text) >= 2 and not re.search(r"[前后][前后]", text))


def _unit(tok: Token) -> bool:
    """A unit after a number: 箱, 单, 小时, or jieba's fused unit+noun (箱货 in 三百箱货)."""
    if tok.text in ("十", "百", "千"):
        return False
    if tok.text in _UNITS or tok.text in lexicon.sets("zh")["measure_words"]:
        return True
    return len(tok.text) == 2 and tok.text[0] in _UNITS and tok.pos.startswith(("q", "n"))


_LOCALISERS = "上下里中内外前后旁边"


def _split_word(tok: Token, prev: Token | None, kind: str) -> bool:
    """Chinese: a "place" or "name" the segmenter made across two words — a localiser of the noun before it and
    the first character of the next word (货架|上同|一批 for 货架上 同一批): no word of the answer, never quoted."""
    return kind in ("place", "name") and len(tok.text) == 2 and tok.text[0] in _LOCALISERS and prev is not None \
        and tok.text not in ("上海", "中山", "中国", "上饶", "内江", "前门", "外滩", "下沙", "中关") \
        and prev.pos.startswith("n") and len(prev.text) >= 2


def concrete_items(analysis: Analysis, n: int = 4) -> list[str]:
    """Numbers, times, places and names the answer gave, each a whole phrase of its tokens (第二天上午10:30,
    十点半, 三百箱), without numeral idioms or mis-tagged words (一头, 后前, 一起盘, 一次一个)."""
    if not _zh(analysis):
        return [k for k in analysis.details["concrete"]][:n]
    toks = [t for t in analysis.seg.tokens if t.text.strip()]
    counted = analysis.details.get("concrete_ids", set())
    items, k = [], 0
    while k < len(toks):
        t = toks[k]
        kind = concrete_kind(t, "zh", toks[k + 1] if k + 1 < len(toks) else None)
        # only what the features counted: not padding, nonsense, or a number that decorates a keyword; nor
        # what the reasons must not repeat as a detail of the story (评分应为一百分; team, priority)
        if not kind or not _valid_item(t.text, kind) or id(t) not in counted or _not_a_detail(analysis, t, kind) \
                or _split_word(t, toks[k - 1] if k else None, kind):
            k += 1
            continue
        parts, j = [t.text], k + 1
        while j < len(toks):
            u = toks[j]
            if u.text in _JOINERS and j + 1 < len(toks) and _is_num(toks[j + 1]) and u.text in (":", "：", "."):
                parts += [u.text, toks[j + 1].text]
                j += 2
                continue
            if u.text in ("半", "分", "号", "点半") or u.text in ("点", "点钟") and _is_num(toks[j - 1]) or \
                    (_is_num(u) and (parts[-1].endswith("点") or parts[-1] in (":", "："))) or \
                    (_is_num(toks[j - 1]) and _unit(u)):
                parts.append(u.text)
                j += 1
                continue
            uk = concrete_kind(u, "zh", toks[j + 1] if j + 1 < len(toks) else None)
            if uk in ("number", "time") and kind in ("number", "time") and _valid_item(u.text, uk):
                parts.append(u.text)
                j += 1
                continue
            break
        text = "".join(parts)
        if text not in items:
            items.append(text)
        k = j
    return items[:n]


# a clause about the score itself (评分应为一百分): its numbers are no detail of the story
_ABOUT_SCORE = re.compile(r"评分|打分|分数|满分|得分|给分|score|rating|grade", re.I)
# ordinary English words said inside a Chinese answer: the features count them as names, the reasons don't
_COMMON_EN = {"priority", "team", "colleague", "colleagues", "sync", "order", "orders", "deadline", "task", "tasks",
              "split", "urgent", "tight", "deliver", "delivered", "box", "boxes", "on", "time", "plan", "meeting",
              "boss", "manager", "customer", "customers", "check", "list", "ok", "okay", "case", "job", "work"}


def _not_a_detail(analysis: Analysis, tok: Token, kind: str) -> bool:
    # HR's own terms (日志, SQL, Excel) are quoted as the competency's evidence, not as the story's named things
    # (breaker 39: 举了具体的数字、时间或名称：日志、SQL for a keyword brag)
    if kind not in ("number", "time") and normalise_term(tok.text, analysis.seg.language) in {
            term for comp, _, _ in analysis.competencies for term in comp.terms}:
        return True
    if kind == "name" and tok.pos == "eng":
        words = lexicon.sets("en")
        if tok.text.lower() in _COMMON_EN or any(tok.text.lower() in words[k] for k in
                                                 ("stopwords", "generic", "work_topic", "completion")):
            return True
    clause = "".join(t.text for t in analysis.seg.tokens if t.clause == tok.clause)
    return bool(_ABOUT_SCORE.search(clause))


def uncounted_numbers(analysis: Analysis, n: int = 3) -> list[str]:
    """Numbers the answer said that the features did not count as a concrete detail (三百箱 in a story with
    no event of its own), as whole tokens with their unit; [] for other languages."""
    if not _zh(analysis):
        return []
    toks = [t for t in analysis.seg.tokens if t.text.strip()]
    counted = analysis.details.get("concrete_ids", set())
    out = []
    for k, t in enumerate(toks):
        kind = concrete_kind(t, "zh", toks[k + 1] if k + 1 < len(toks) else None)
        if kind != "number" or not _valid_item(t.text, kind) or id(t) in counted or \
                _not_a_detail(analysis, t, kind) or k > 0 and (_is_num(toks[k - 1]) or _unit(toks[k - 1])):
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        text = t.text + (nxt.text if nxt is not None and _unit(nxt) and nxt.text not in ("万", "千", "百", "十") else "")
        if len(text) < 2:
            continue
        if text not in out:
            out.append(text)
    return out[:n]


def _first_verb(toks: list[Token]) -> int | None:
    for k, t in enumerate(toks):
        if t.pos.startswith("v") and t.text not in ("是", "觉得", "认为", "想"):
            return k
    return None


_NOT_NEGATIONS = {"不错", "不少", "不断", "不同", "不仅", "不但", "不过", "不管", "不论", "不久", "不停", "没事", "不然",
                  "不如", "未来", "别人", "别的", "不得不"}


def _negative(tok: Token, language: str) -> bool:
    """A negated token or a negator, including jieba's fused ones (不太会, 没怎么)."""
    if tok.negated or tok.text in lexicon.sets(language)["negators"]:
        return True
    return language == "zh" and tok.text not in _NOT_NEGATIONS and len(tok.text) <= 4 and \
        tok.text.startswith(("不", "没", "别", "从不", "很少", "未"))


# refusing or handing a task away (安排优先级这种事交给别人, 懒得跟同事沟通): never the candidate's action
_REFUSAL_ZH = ("讨厌", "交给别人", "别人的事", "领导的事", "不归", "没管", "懒得", "无所谓", "推给", "不想", "不愿")
_EN_CLAUSE_OPENERS = {"so", "and", "then", "but", "after", "later", "when", "once", "first", "next", "finally", "also"}


def refused(analysis: Analysis, ci: int) -> bool:
    """Whether clause ci refuses, resents or hands away what it names (the reluctance lexicon and the like)."""
    lang = analysis.seg.language
    toks = [t for t in clause_tokens(analysis, ci) if t.pos != "x"]
    sep = "" if lang == "zh" else " "
    body = sep.join(t.text for t in toks)
    words = tuple(lexicon.sets(lang)["reluctance"]) + (_REFUSAL_ZH if lang == "zh" else ())
    if lang == "zh":
        return any(w in body for w in words)
    padded = f" {body} "
    return any(f" {w} " in padded for w in words)


def own_action(analysis: Analysis, ci: int, _depth: int = 0, inherit: bool = True) -> bool:
    """True when clause ci says something the candidate did: no negation or refusal, and the agent before
    the first verb is 我/我们 (I/we), or elided after a clause whose agent is the candidate — not 经理/顾客
    (经理说有1000单), not an event (突然来了500单急单, 还有六分钟超时), not 老板…，还请我们吃了饭.
    inherit=False (a plan: 如果来了很多单，先排序) takes an elided agent as the candidate."""
    toks = [t for t in clause_tokens(analysis, ci) if t.pos != "x"]
    if not toks:
        return False
    if any(_negative(t, analysis.seg.language) for t in toks) or refused(analysis, ci):
        return False
    if analysis.seg.language == "ko":
        # Korean drops the subject: the speaker's, unless another one is marked (손님이 줄을 섰어요)
        return not _other_subject_ko(toks) or any(t.text in lexicon.sets("ko")["first_person"] for t in toks)
    if analysis.seg.language != "zh" and analysis.seg.language != "en":
        return True
    if not _zh(analysis):
        words = [t.text.lower() for t in toks]
        while words and words[0] in _EN_CLAUSE_OPENERS:
            words = words[1:]
        if words and words[0] in ("i", "we"):
            return True
        if words and words[0] in lexicon.sets(analysis.seg.language)["pronouns"] | {"the", "a", "an", "my", "our",
                                                                                   "his", "her", "their", "last"}:
            return False
        # an elided subject (took photos, called the chef) continues the previous clause's agent
        return not inherit or ci > 0 and _depth < 3 and own_action(analysis, ci - 1, _depth + 1)
    v = _first_verb(toks)
    if v is None:
        return False
    # a time adjunct opens the clause (取蛋糕时客人当场发现了: breaker 46's h02 was told 说了自己具体做了什么 of it): its subject
    # comes after it
    adjunct = next((j for j in range(v + 1, len(toks)) if toks[j].text in _WHEN_ZH), None)
    if adjunct is not None:
        after = _first_verb(toks[adjunct + 1:])
        v = adjunct + 1 + after if after is not None else v
    before = toks[:v]
    if any(t.text in _FIRST_PERSON_ZH and not _first_person_modifies(toks, j) for j, t in enumerate(before)):
        return True
    if toks[v].text in _EVENT_VERBS or toks[v].text.startswith(("来", "出现", "发生", "有", "还有")):
        return False
    if before and before[0].text in ("最后", "结果", "最终", "后来"):
        return False
    time_words = lexicon.sets("zh")["time_words"]
    for t in before:
        if t.text in _OPEN_OBJECT or t.pos == "p":
            break                        # the rest is the preposition's object: 把单子…
        if t.pos.startswith(("n", "r")) and t.text not in time_words and t.pos not in ("nd",) \
                and not _TIME.match(t.text) and t.text not in ("这时", "那时", "当时", "这样", "那样"):
            return False                 # someone or something else is the subject
    # no agent of its own: the previous clause's (我先把单子分好，再打包 / 老板很满意，还请我们吃了饭)
    return not inherit or ci > 0 and _depth < 3 and _previous_agent_is_candidate(analysis, ci - 1, _depth + 1)


_WHEN_ZH = {"时", "时候", "的时候", "之时"}
# prepositions whose object is the candidate, not the doer (在我们酒店…的大堂, 让我, 帮我, 给我)
_PREP_OF_ME_ZH = {"在", "给", "对", "向", "替", "为", "让", "叫", "帮", "把", "跟着"}


def _first_person_modifies(toks: list[Token], j: int) -> bool:
    """Chinese: the first person at j owns or qualifies what follows, or is a preposition's object — not the clause's
    doer: 我的快递丢了, 我送的那单洒了, 我们店的冰箱坏了, 在我们酒店的大堂 (breaker 46's g24, breaker 45's g27 and g33)."""
    if j > 0 and toks[j - 1].text in _PREP_OF_ME_ZH:
        return True
    ahead = [t.text for t in toks[j + 1:j + 4]]
    # (我搬的时候数了一下: the candidate does both, the first dated by the second)
    return bool(ahead) and (ahead[0] == "的" or len(ahead) >= 2 and ahead[1] == "的" and toks[j + 1].text not in _ORDER_ZH
                            and ahead[2:3] != ["时候"])


def _previous_agent_is_candidate(analysis: Analysis, ci: int, depth: int) -> bool:
    toks = [t for t in clause_tokens(analysis, ci) if t.pos != "x"]
    v = _first_verb(toks)
    if v is not None and any(t.text in _FIRST_PERSON_ZH for t in toks[:v]):
        return own_action(analysis, ci, depth) and not _willing_only(analysis, ci)
    return own_action(analysis, ci, depth)


# willingness, traits and happenings are not actions (我愿意加班, 善于倾听, 我碰到过紧急的订单)
_NOT_ACTION_VERBS = ("愿意", "希望", "想", "要", "会", "能", "可以", "应该", "喜欢", "善于", "擅长", "相信", "觉得", "认为",
                     "是", "有", "碰到", "遇到", "遇上", "赶上", "看到", "知道", "打算", "准备",
                     # a belief is not a deed (我一开始以为是听筒坏了: quoted as what the candidate did, set c)
                     "以为", "估计", "感觉", "猜", "听说", "记得")
_NO_STEP_VERBS = _NOT_ACTION_VERBS + ("肯定", "一定", "确定", "必须")    # 我肯定是先管孩子: the step is 管
_NOT_ACTION_EN = {"would", "will", "want", "wanted", "like", "love", "believe", "think", "am", "was", "is", "can",
                  "could", "should", "always", "hope", "try"}


def _willing_only(analysis: Analysis, ci: int) -> bool:
    toks = [t for t in clause_tokens(analysis, ci) if t.pos != "x"]
    if not _zh(analysis):
        words = [t.text.lower() for t in toks]
        k = next((i for i, w in enumerate(words) if w in ("i", "we")), None)
        return k is not None and k + 1 < len(words) and words[k + 1] in _NOT_ACTION_EN
    for t in toks:
        if t.text.startswith(_NOT_ACTION_VERBS):
            return True
        if t.pos.startswith("v") and t.pos != "vn" and t.text not in ("开始", "继续"):   # (一开始以为…: a phase)
            return False
    return False


# words that order the candidate's steps (我先…, 就…, 把…): a clause with one is a deed, not the setting
_ORDER_ZH = {"先", "首先", "就", "马上", "立刻", "立马", "赶紧", "然后", "于是", "接着", "再", "把", "将", "随后"}
_ORDER_KO = ("먼저", "우선", "바로", "그래서", "그다음", "다음에", "곧바로")
_ORDER_EN = {"so", "then", "first", "immediately", "next", "quickly"}
_HOLDING_ZH = {"手上", "手里", "手头", "身上"}
_TIME_KO = re.compile(r"^(작년|지난|올해|어제|그날|그때|여름|겨울|봄|가을|[월화수목금토일]요일|오전|오후|아침|저녁|밤|새벽|"
                      r"주말|다음날|평일|점심)")
_TIME_EN = {"last", "yesterday", "one", "during", "on", "this", "that", "in"}


# a time counted from the trouble dates a step, not the scene (我第二天去税务那边作废重开: breaker 47's h25 had no deed quoted)
_STEP_TIMES_ZH = {"第二天", "次日", "当天", "当场", "随后", "接着", "马上", "立刻", "立马", "赶紧", "之后", "然后", "第二次",
                  "隔天", "当晚", "第三天"}


def setup_clause(analysis: Analysis, ci: int) -> bool:
    """Whether clause ci sets the scene rather than tells a step (晚高峰我手上压了六单; 작년 여름 토요일 오후에
    손님이…줄을 섰어요; last Saturday I had…): it opens on a time, or says what the candidate had on hand,
    before its verb, and orders no step (先, 就, 把…)."""
    lang = analysis.seg.language
    toks = [t for t in clause_tokens(analysis, ci) if t.pos != "x" and t.text.strip()]
    if not toks:
        return False
    if lang == "zh":
        if any(t.text in _ORDER_ZH for t in toks):
            return False
        v = _first_verb(toks)
        before = toks[:v] if v is not None else toks
        time_words = lexicon.sets("zh")["time_words"]
        return any((t.text in time_words or _TIME.match(t.text) or t.pos in ("t", "tg") or t.text in _HOLDING_ZH)
                   and t.text not in _STEP_TIMES_ZH for t in before)
    if lang == "ko":
        if any(t.text.startswith(_ORDER_KO) for t in toks):
            return False
        words = lexicon.sets("ko")["time_words"]
        return bool(_TIME_KO.match(toks[0].text)) or any(toks[0].text.startswith(w) for w in words)
    words = [t.text.lower() for t in toks]
    if any(w in _ORDER_EN for w in words):
        return False
    times = lexicon.sets("en")["time_words"]
    return words[0] in _TIME_EN and any(w in times or w in ("day", "week", "month", "year", "shift", "time")
                                        for w in words[1:4]) or words[0] in ("yesterday",)


_SUBJECT_KO_NOT = ("같이", "많이", "없이", "깊이", "높이", "굳이", "일찍이", "가까이", "멀리", "빨리")


def _other_subject_ko(toks: list[Token]) -> bool:
    """Korean: a noun marked as the subject or topic (손님이, 동료가, 결과는, 상황은) that is not the speaker
    nor a time (그날은, 오후에는)."""
    first = lexicon.sets("ko")["first_person"]
    times = lexicon.sets("ko")["time_words"]
    for t in toks:
        w = t.text
        if w in first or len(w) < 2 or w.endswith(_SUBJECT_KO_NOT) or not ("가" <= w[-2] <= "힣"):
            continue
        if _TIME_KO.match(w) or any(w.startswith(x) for x in times) or w.startswith(("그때", "이때", "당시")):
            continue
        final = (ord(w[-2]) - 0xAC00) % 28
        if w[-1] in "이은" and final or w[-1] in "가는" and not final:
            return True
    return False


def action_quote(analysis: Analysis) -> str | None:
    """The first counted clause that says what the candidate did, as a whole-token phrase (never a clause the
    features excluded: nonsense, padding, garbled recognition; never the scene-setting clause when a step
    follows: 晚高峰我手上压了六单 is the situation, 我先穿好雨衣 the action)."""
    excluded = set(analysis.details.get("excluded_clause_ids") or [])
    ids = [ci for ci in analysis.details.get("action_clause_ids") or [] if ci not in excluded]
    for k, ci in enumerate(ids):
        if ci == analysis.details.get("outcome_clause_id") and len(analysis.details["action_clause_ids"]) > 1:
            continue
        if k + 1 < len(ids) and (setup_clause(analysis, ci) or _job_opening(analysis, ci)):
            continue
        if lapse(analysis, ci) or _self_told(analysis, ci):
            continue
        if own_action(analysis, ci) and not _willing_only(analysis, ci) and not _feeling_only(analysis, ci):
            toks = clause_tokens(analysis, ci)
            # 我提前一小时把毛肚、鸭肠切好: the verb comes after the list, in the next clauses
            cj = ci
            while _zh(analysis) and any(t.text in ("把", "将") for t in toks) and cj + 1 < len(analysis.seg.clauses) \
                    and not any(t.pos.startswith("v") for t in toks[[t.text for t in toks].index(
                        next(t.text for t in toks if t.text in ("把", "将"))) + 1:]) and cj < ci + 3:
                cj += 1
                toks = toks + [Token("、", "x")] + clause_tokens(analysis, cj)
            return phrase(toks, analysis.seg.language, n=32)
    return None


# The candidate's job or workplace, told as the story's opening (我在五金店上班, 我做建材销售, 我在物流公司做打包员的时候,
# 我在咖啡店上班的第一个月: breaker 46's h07, h16, h19, h24): who the candidate was, not a step they took; and any clause
# ending in 的时候 (我赶到店里的时候), which dates the next one
_JOB_ZH = re.compile(r"在[^，。！？；,.!?;]{1,12}(上班|打工|工作|实习|兼职|做事|干活)|(上班|打工|实习|兼职)|"
                     # (我在仓库做入库登记, 我是做快递的, 我在咖啡店做barista: breaker 47's h24, h34, h27)
                     r"^我?在[^，。！？；,.!?;把]{1,8}(做|当)(?!了)|是(做|干|跑)[^，。！？；,.!?;]{1,8}的$|(做|当)[a-z]+$|"
                     r"(做|当|干)了?[^，。！？；,.!?;把]{0,6}?(员|工|师|生|手|销售|收银|服务|前台|客服|店长|主管|司机|骑手|保安|"
                     r"保洁|学徒|厨|配送|快递)(的时候|那会|期间|时|$)|的时候$|"
                     # (… or ending in 后: 我发现后, 到店以后 — breaker 47's h27, h34)
                     r"(?<![然最随落过])(以|之)?后$")


def _job_opening(analysis: Analysis, ci: int) -> bool:
    """Chinese: clause ci tells the candidate's job or workplace, or only dates the next clause (see _JOB_ZH), and
    orders no step (先, 就, 把…)."""
    if not _zh(analysis):
        return False
    toks = [t for t in clause_tokens(analysis, ci) if t.pos != "x" and t.text.strip()]
    if not toks or any(t.text in _ORDER_ZH for t in toks):
        return False
    return bool(_JOB_ZH.search("".join(t.text for t in toks))) or _habit_opening(analysis, ci, toks)


# … or the trade told as a habit before the story's time or its lapse (我卖手机，有一次…; 闯过一次。我开货车送货，倒车没看清…:
# breaker 47's h25, breaker 46's h04): one of the first two clauses, a verb and its object with no aspect, number or time,
# the next clause opening the story or telling the lapse
_STORY_OPENS_ZH = re.compile(r"^(有一?次|有一天|有回|有一回|那一?次|那天|那回|一次|去年|前年|上个?月|上周|上星期|今年|刚来)")


def _habit_opening(analysis: Analysis, ci: int, toks: list) -> bool:
    if ci > 1 or ci + 1 >= len(analysis.seg.clauses) or len(toks) > 6:
        return False
    if any(t.text in ("了", "过", "着") or t.pos in ("m", "t") or concrete_kind(t, "zh") for t in toks):
        return False
    following = "".join(t.text for t in clause_tokens(analysis, ci + 1))
    return any(t.pos.startswith("v") for t in toks) and (bool(_STORY_OPENS_ZH.match(following)) or lapse(analysis, ci + 1))


def lapse(analysis: Analysis, ci: int) -> bool:
    """Chinese: clause ci tells the candidate's lapse or their waving the trouble away (see _LAPSE_ZH), or a mix-up of two
    things of one kind (gates.mixups: 把二十箱矿泉水订成了二十箱苏打水) — never a deed to quote, nor one of the deeds
    answer.figures_only weighs."""
    if not _zh(analysis):
        return False
    from . import gates

    text = "".join(t.text for t in clause_tokens(analysis, ci) if t.pos != "x")
    return bool(_LAPSE_ZH.search(text)) or bool(gates.mixups(text))


# a feeling or a first impression is no deed to quote (说实话我一开始也慌了: breaker 39's h28)
_FEELINGS = {"慌", "慌了", "害怕", "怕", "担心", "着急", "急", "愣", "愣住", "懵", "吓", "吓到", "紧张", "慌张", "开始",
             "以为", "觉得", "感觉", "说实话", "心里", "蒙"}


# what the candidate is, thinks or has been, no deed (breaker 48: 我做事认真负责 g12, 我做厨师很多年了 g46, 我非常认同 g58)
_SELF_TOLD_ZH = re.compile(r"^我(这个人|为人|做事情?|干活|工作|平时|一向|一直|向来|性格)?[^，。了过把]{0,2}(很|非常|特别|比较|挺|都|也)?"
                           r"(认真|负责$|细心|细致|踏实|靠谱|勤快|努力|上进|耐心|热情|能吃苦|吃苦耐劳|仔细|稳重|开朗|外向|效率)[^了过]*$|"
                           r"^我[^，。了过]{0,4}会(比较|很|更|挺)(快|好|熟练)的?$|"
                           r"^我[^，。了过]{0,8}(能力|意识|素质|经验)(也|都)?(很|比较|非常|特别|挺)?(强|好|不错|高|丰富)的?$|"
                           r"^我?(做|干|当|开|跑|学)[^，。]{0,8}(很多|好多|好几|十几|几十|多|[0-9一二两三四五六七八九十]+)年了?$|"
                           r"^我?(非常|很|特别|十分|也|一直)?(认同|认为|相信|喜欢|热爱|希望|赞同|向往|看好|欣赏|佩服)")


def _self_told(analysis: Analysis, ci: int) -> bool:
    """Chinese: clause ci tells what the candidate is, thinks or has been doing for years (_SELF_TOLD_ZH), not a deed."""
    if not _zh(analysis):
        return False
    toks = [t for t in clause_tokens(analysis, ci) if t.pos != "x"]
    if _SELF_TOLD_ZH.search("".join(t.text for t in toks)):
        return True
    # … or a quality of the work told as a noun and its adjective (出菜速度快, 上菜顺序清楚, 卫生干净: g46), not a result
    # made (把地面拖干净: a verb before the adjective)
    return len(toks) >= 2 and toks[-1].pos.startswith("a") and (toks[-2].pos.startswith("n") or toks[-2].pos in (
        "d", "zg")) and not any(t.text in ("了", "过", "把", "将") or t.pos.startswith("v") and k for k, t in enumerate(toks))


def _feeling_only(analysis: Analysis, ci: int) -> bool:
    """Chinese: every verb of clause ci tells a feeling or a first impression (慌了, 一开始以为…)."""
    if not _zh(analysis):
        return False
    verbs = [t for t in clause_tokens(analysis, ci) if t.pos.startswith(("v", "l")) and t.text not in ("是", "有")]
    return bool(verbs) and all(t.text in _FEELINGS for t in verbs)


def _says_result(toks: list[Token]) -> bool:
    completion = lexicon.sets("zh")["completion"]
    for t in toks:
        if t.negated:
            continue
        if t.text in completion or any(t.text.startswith(c) for c in completion if len(c) >= 2):
            return True
        if t.pos.startswith("v") and len(t.text) >= 2 and _RESULT_END.search(t.text):
            return True
        if t.text in ("完", "好", "了") and t is not toks[0]:
            return True
    return False


_NOT_DONE = {"要", "会", "需要", "得", "应该", "说", "让", "想", "打算", "准备", "必须", "计划", "希望", "要求", "如果",
             "假如", "要是"}


# what can or could be done is no result (一个人做不完的事情大家一起做就能做完, 再急的订单也都能完成) — unless it
# became so (后来在项目里就能正常提交代码了); what would happen never is (这样客户自然就会成交了)
_CAN = {"能", "可以", "能够", "就能", "才能", "都能", "总能"}
_WOULD = {"会", "都会", "就会", "可能", "自然"}


def platitude(toks: list[Token]) -> bool:
    """Chinese: a clause that states a view, a habit, an ability or a guess, not something that happened."""
    words = [t for t in toks if t.pos != "x"]
    if general_clause(words, "zh") or any(t.text in _WOULD for t in words):
        return True
    return any(t.text in _CAN for t in words) and not (words and words[-1].text == "了")


def _task_of(analysis: Analysis, ci: int) -> bool:
    """Clause ci finishes the task its previous clause set (店里临时多了三百箱货要 | 第二天发出去)."""
    if ci == 0:
        return False
    prev = [t for t in clause_tokens(analysis, ci - 1) if t.pos != "x"]
    return bool(prev) and prev[-1].text in _NOT_DONE


def _result_clause(analysis: Analysis, ci: int) -> list[Token] | None:
    """The outcome clause's tokens when it says a result; a bare time before it (第二天上午十点半 | 三百箱全部发完)
    is quoted with the clause that says what got done then."""
    toks = clause_tokens(analysis, ci)
    if _says_result(toks):
        return None if platitude(toks) else toks
    seg = analysis.seg
    if ci + 1 < len(seg.clauses) and any(concrete_kind(t, "zh") == "time" for t in toks):
        nxt = clause_tokens(analysis, ci + 1)
        between = seg.tokens[seg.clauses[ci][-1] + 1:seg.clauses[ci + 1][0]]
        done = any(t.text in lexicon.sets("zh")["completion"] or t.text.endswith(("完", "齐", "到")) for t in nxt)
        if done and not platitude(nxt) and not any(_negative(t, "zh") for t in nxt) and \
                not any(t.text in ("。", "！", "？", "!", "?", "；", ";") for t in between):
            # verbatim: with whatever stood between the two clauses, if anything
            return seg.tokens[seg.clauses[ci][0]:seg.clauses[ci + 1][-1] + 1]
    return None


# an ending that reports a loss, a penalty, a complaint or a mistake (结果只发出去100箱, 客户投诉了三次, 经理扣了我
# 500块, 有60箱发错了地址, 公司赔了客户两万块, 第二天还是晚了四个小时发货) is no result achieved: never quoted or
# praised as one — unless it reports the loss going down (投诉少了三成, 差评降到两条)…
_LOSS_ZH = re.compile(r"扣了?我|扣了.{0,6}(块|元|钱|工资|奖金)|被扣|罚了|被罚|罚款|投诉了.{0,3}[次回遍]|"
                      r"[发送贴装拿写填打]错了|晚了.{0,6}(小时|天|分钟)|延误|耽误了|只发出去|只发了|只完成了|只做了|"
                      r"损失了|赔了.{0,8}(块|元|万|千)|公司赔|赔偿了|差评|被开除|被辞退|炒了.{0,2}鱿鱼|"
                      r"丢了.{0,3}(客户|单子|订单)|取消了.{0,4}(订单|合作)|退了.{0,4}(单|货)")
# …nor one that says the loss went down or was kept small (只晚了两分钟, 最后只来了两个差评), a lateness with the
# goods still delivered (晚了两分钟送到), or a fault found rather than caused (发现是传感器装错了位置)
_NOT_LOSS_ZH = re.compile(r"少了|减少|降|没有|没再|再也没|不再|从来没|一次也没|只晚|只来了|只有|只剩|只差|仅|"
                          # … nor a loss denied with its verb (他后来没给差评, 也没打差评: breaker 37 h09)
                          r"没(?:给|打|留|写|发|点)|不(?:给|打)差评|"
                          r"发现|送到|送达|到货|完成|发完|送完|做完|"
                          # … nor one that undoes it (她撤回了差评, 把投诉撤了, 改成了好评, 退款追回来了: breaker 26)
                          r"撤回|撤销|撤了|撤掉|删了|删掉|删除|改成了?好评|改了好评|追回|挽回|免了|取消了(罚|扣)")


def loss(toks: list[Token]) -> bool:
    """Chinese: the clause reports a loss, a penalty, a complaint or a mistake, not that one went down."""
    body = "".join(t.text for t in toks if not t.copied)
    return bool(_LOSS_ZH.search(body)) and not _NOT_LOSS_ZH.search(body)


def loss_outcome(analysis: Analysis) -> str | None:
    """Chinese: the answer ends on a loss (loss, in one of its last two clauses): that clause, quoted; None
    otherwise (a mistake told early and then put right is no such ending)."""
    if not _zh(analysis):
        return None
    n = len(analysis.seg.clauses)
    for ci in reversed(range(max(0, n - 2), n)):
        toks = clause_tokens(analysis, ci)
        if loss(toks) and not any(t.negated for t in toks):
            return phrase(toks, "zh", n=26) or None
    return None


def _loss_from(analysis: Analysis, ci: int) -> bool:
    """Chinese: clause ci or a later one reports a loss: the story's ending is not clause ci's success (下午五点就
    全发出去了 | 后来有60箱发错了地址)."""
    return _zh(analysis) and any(loss(clause_tokens(analysis, cj)) for cj in range(ci, len(analysis.seg.clauses)))


def result_quote(analysis: Analysis) -> str | None:
    """A clause stating a concrete or specific result (三百箱全部发完; 原来要半天，现在十分钟), or None — never
    the task the story opened with (…三百箱货要第二天发出去) nor a view of what can be done (大家一起做就能做完)."""
    lang = analysis.seg.language
    ci = analysis.details.get("outcome_clause_id")
    if not _zh(analysis):
        if ci is None:
            return None
        toks = clause_tokens(analysis, ci)
        return phrase(toks[result_start(toks, lang):], lang, n=40)
    comparison = comparison_quote(analysis)
    if ci is not None and analysis.answer["outcome"] >= 0.75:
        toks = clause_tokens(analysis, ci)
        said = phrase(toks, lang)
        # the after half of a before/after comparison (现在十分钟就能分完) is quoted with its before half
        if comparison and _says_result(toks) and said.rstrip("…") in comparison:
            return comparison
        toks = _result_clause(analysis, ci)
        if toks is not None and not _loss_from(analysis, ci):
            return phrase(toks, lang, n=32)
    if comparison:
        return comparison
    # a concrete result said anywhere (第二天上午10:30全部发完), not only after the first action, the last one
    # first (the ending) — but not a task, a plan or someone's words (经理说有1000单要今天发完)
    # (after the ending the outcome feature counted, when there is one: 然后帮她换货 before 最后她满意地走了 is a step)
    after = ci if ci is not None and analysis.answer["outcome"] >= 0.75 else 0
    for cj in reversed(range(after, len(analysis.seg.clauses))):
        toks = clause_tokens(analysis, cj)
        if any(_negative(t, lang) for t in toks) or not any(concrete_kind(t, lang) for t in toks):
            continue
        if platitude(toks) or _task_of(analysis, cj) or any(t.text in _NOT_DONE for t in toks) \
                or _loss_from(analysis, cj) or lapse(analysis, cj):
            continue      # (… nor the lapse: 有次把三号桌的单下到了五号桌, breaker 48's h50)
        if _says_result(toks) and any(t.text in lexicon.sets("zh")["completion"] or
                                      t.text.endswith(("完", "齐", "到")) for t in toks):
            return phrase(toks, lang)
    return None


def outcome_clause(analysis: Analysis) -> str | None:
    """The clause the outcome feature counted as the result (结果她第二天又来买了两袋米), or None."""
    ci = analysis.details.get("outcome_clause_id")
    if ci is None:
        return None
    toks = clause_tokens(analysis, ci)
    seg = analysis.seg
    if len("".join(t.text for t in toks)) < 8 and ci + 1 < len(seg.clauses) and not any(
            t.text in _SENTENCE_END + ("…", ".") for t in seg.tokens[seg.clauses[ci][-1] + 1:seg.clauses[ci + 1][0]]):
        # 结果她第二天 | 又来买了两袋米: the next clause, with what stood between — not past a sentence's end (她说没事。
        # 以后我拖地前…: breaker 47's h37 was quoted the next sentence's start)
        toks = seg.tokens[seg.clauses[ci][0]:seg.clauses[ci + 1][-1] + 1]
    if _zh(analysis) and (platitude(toks) or _loss_from(analysis, ci)):
        return None                   # 大家一起做就能做完: a view, not what happened; 客户投诉了三次: a loss
    return phrase(toks, analysis.seg.language, n=32) or None


_RESULT_WORDS_ZH = ("最后", "结果", "最终", "后来", "终于", "第二天", "之后")
_RESULT_WORDS_EN = ("finally", "in the end", "as a result", "turned out", "matched", "since then", "the next day",
                    "fixed", "solved", "resolved", "replaced", "came back")


# endings the outcome feature may not count but that are results all the same: time saved or work done early
# (比平时节省了一个小时, 提前四十分钟送完), a customer back (第二天又来下了单, 后来每周都在我们这订), a complaint
# withdrawn (她把投诉撤回了), a count after 最后/结果 (最后一共送了两百单)
_ENDING_ZH = re.compile(r"节省|省了|省下|缩短|提前.{0,8}(完|送|做|发|到|交)|快了|又来|再来|回头|回购|还来找|复购|"
                        r"每(周|个月|月|次|天)都(来|找|在|订|买)|一直(在我们|找我|来)|撤回|撤销|撤了|收回了?投诉|"
                        r"改成了?好评|(最后|结果|最终)(一共|总共|全部)?(是|有)?[0-9两二三四五六七八九十百千万半]|"
                        # … what the person helped achieved, counted, a stretch of time later (第六周他拉了五个, 两个月后
                        # 她瘦了八斤: breaker 26's short strong answer was told 没有说到最后的结果)
                        r"(第[0-9一二三四五六七八九十]+(周|个月|天|次|节课|堂课)|[0-9一二三四五六七八九十两几半]+个?"
                        r"(月|周|星期|礼拜|天)(后|以后|下来|之后))[^，。,；;]{0,8}了[0-9一二三四五六七八九十两百千万半]")
# … and a change of state told at the end (声音就正常了, 他每顿能吃大半碗了, 气色好多了; after 过了一个星期): the
# breaker's and set d's answers that state one were told 没有说到最后的结果 (sessions 24–25)
_STATE_CHANGE_ZH = re.compile(r"(正常|好|通|亮|干净|顺利|稳定|满意|放心|开心|高兴|愿意|配合|同意|接受|消气|平静|安静|"
                              r"不哭|不闹|会|对上|找到|修好|弄好|做好|装好|换好|搞定)了|好(多|很多|一些|些)了|"
                              r"能[^，。,]{1,8}了|(过了|没过)(一|两|三|几|半)?(个)?(天|周|星期|礼拜|月)")


def stated_result(analysis: Analysis) -> str | None:
    """A clause that reads like an ending (最后…, 后来…, …matched the next day), whether or not the outcome
    feature counted it — so that a reason never says the answer has no result when it states one."""
    lang = analysis.seg.language
    for ci in reversed(range(len(analysis.seg.clauses))):
        toks = [t for t in clause_tokens(analysis, ci) if not t.copied]
        body = ("" if lang == "zh" else " ").join(t.text.lower() for t in toks)
        if any(_negative(t, lang) for t in toks) or _ABOUT_SCORE.search(body):
            continue
        if lang == "zh" and lapse(analysis, ci):
            continue     # 有次把三号桌的单下到了五号桌: the lapse, not how it ended (breaker 48's h50)
        if lang == "zh":
            if loss(toks):
                continue                 # a loss is no ending achieved
            body_zh = "".join(t.text for t in toks)
            habit = any(t.text in ("一般", "通常", "往往", "总是") for t in toks)
            if _ENDING_ZH.search(body_zh) and not habit and not any(t.text in _WOULD for t in toks):
                return phrase(toks, lang, n=26) or None
            # (能…了 is a change that happened, not a would: 他每顿能吃大半碗了)
            if _STATE_CHANGE_ZH.search(body_zh) and not habit and not any(t.text in _WOULD for t in toks) and \
                    ci >= len(analysis.seg.clauses) // 2 and not own_action(analysis, ci, inherit=False):
                return phrase(toks, lang, n=26) or None
            if platitude(toks):
                continue                 # 结果一般都是比较好的: a habit, not this story's ending
            rest = [t for t in toks if t.text not in _RESULT_WORDS_ZH and t.pos != "x"]
            hit = any(t.text in _RESULT_WORDS_ZH for t in toks) and len("".join(t.text for t in rest)) >= 4 \
                and (_says_result(rest) or any(concrete_kind(t, lang) for t in rest))
        else:
            hit = any(f" {w} " in f" {body} " for w in _RESULT_WORDS_EN)
        if hit:
            return phrase(toks, lang, n=26 if lang == "zh" else 100) or None
    return None


def comparison_quote(analysis: Analysis) -> str | None:
    """A before/after comparison with a number (原来要半天，现在十分钟): a result even without 完成."""
    if not _zh(analysis):
        return None
    seg = analysis.seg
    n = len(seg.clauses)
    for ci in range(n):
        toks = clause_tokens(analysis, ci)
        texts = [t.text for t in toks]
        if not any(b in texts for b in _BEFORE):
            continue
        for cj in (ci, ci + 1):
            if cj >= n:
                break
            later = clause_tokens(analysis, cj)
            lt = "".join(t.text for t in later)
            if any(a in lt for a in _AFTER) and (cj != ci or lt.index(next(a for a in _AFTER if a in lt)) > 0):
                if any(concrete_kind(t, "zh") for t in toks + later):
                    body = toks + ([] if cj == ci else [Token("，", "x")] + later)
                    return phrase(body, "zh", n=40)
    return None


def praise_words(analysis: Analysis) -> list[str]:
    """Generic praise the answer itself used (很好, 满意…), not negated."""
    text = "".join(t.text for t in analysis.seg.tokens if not t.negated and not t.copied)
    found = [w for w in _PRAISE if w in text]
    return [w for w in found if not any(w != o and w in o for o in found)]


# --- question types -----------------------------------------------------------------------------------

_PRIORITY = ("先", "首先", "优先", "最急", "最重要", "马上", "立刻", "第一时间", "赶紧", "第一步")
_CONTACT = ("联系", "打电话", "告诉", "通知", "汇报", "上报", "反馈", "请示", "找", "叫", "问", "沟通", "商量",
            "协调", "解释", "道歉", "说明", "求助", "请")
# a request to be told is a question without a question mark (我想问一下…, 想了解一下…, 请问…)
_REQUEST = r"|想问|要问|问一下|问问|想了解|了解一下|想知道|请问|想咨询|咨询一下|想请教|请教一下"
# a verb or adjective asked in its A-not-A form (带不带, 管不管, 忙不忙) asks as much as 吗 does
_A_NOT_A = r"|(?P<a>[\u4e00-\u9fff])不(?P=a)"
_ASK_WORDS = r"[吗呢？?]|多少|多久|多长|什么|怎么|怎样|哪些|哪个|哪里|哪一|哪位|谁|有没有|是否|能不能|会不会|可不可以|是不是|几"
_ASK = re.compile(_ASK_WORDS + _A_NOT_A + _REQUEST)
_ASK_PLAIN = re.compile(_ASK_WORDS + _REQUEST)
_JOB = ("岗位", "工作", "培训", "排班", "上班", "下班", "团队", "同事", "晋升", "试用期",
        "店", "门店", "客人", "顾客", "客户", "考核", "要求", "职责", "加班", "休息", "轮班", "班次", "单", "负责",
        "业绩", "入职", "转正", "发展", "学习", "公司", "老板", "店长", "经理", "流程", "系统", "产品", "菜", "厨房",
        "仓库", "配送", "休", "收工", "几点", "小时", "夜班", "白班", "早班", "晚班", "师傅",
        "学", "手艺", "健康证", "试工", "带教", "上手", "上岗", "老人", "会员", "设备")
# pay and board (工资多少？包吃住吗？) are the terms of the job, not the work itself: a question only about them is
# a question, but not one about the job, team or work (docs/scoring.md §4: bounded at 50, not praised)
_PAY = ("工资", "薪资", "薪水", "底薪", "提成", "奖金", "待遇", "多少钱", "包吃", "包住", "吃住", "住宿", "宿舍", "伙食",
        "保险", "社保", "五险", "公积金", "补贴", "报销", "路费")
# … and its other terms, which a question asks as much as about pay (管饭吗, 宿舍几个人住, 周末双休吗, 工服要不要押金)
_TERMS = ("管饭", "包饭", "管吃", "管住", "员工餐", "工作餐", "饭补", "餐补", "吃饭怎么", "住的地方", "住哪", "双休", "单休",
          "休假", "请假", "年假", "工服", "制服", "工装", "押金", "体检", "合同", "日结", "月结", "周结", "发工资", "几号发",
          "加班费", "夜班费", "班车", "通勤", "停车", "上几天", "干几天", "几天班", "做几休几", "上班时间", "工作时间")
# words of the work a question names without one of _JOB's (以后有没有机会当领班, 双十一一天大概多少件, 会不会临时加人):
# about the job (the wording model's reading keeps _JOB alone)
_JOB_MORE = ("新人", "新员工", "新来的", "刚来", "刚入职", "领班", "主管", "组长", "班长", "多少件", "多少单", "单量",
             "加人", "人手", "任务", "指标", "提成", "岗前", "跟班", "带班", "机会当", "机会学", "机会升", "机会做", "升职",
             "当上", "独立", "看台", "区域", "收银", "出餐", "配送", "送货", "理货", "盘点", "交接", "干什么", "做什么", "准备什么", "带什么", "要准备", "需要准备",
             "干啥", "做啥", "做哪些", "干哪些", "主要做", "主要干", "具体做", "要做", "要干", "工作内容", "汇报", "对接",
             # the work's volume and tools (一天大概要接待多少访客, 需要会用哪些办公软件: breaker 48's h54, h62 were told
             # their questions were about pay and hours, or not about the job)
             "接待", "访客", "客流", "软件", "电脑")
# a question about the interview itself (这个面试是用什么软件做的, 是机器在打分吗) is not one about the job
_ABOUT_INTERVIEW = re.compile(r"面试|录视频|录像|打分|评分|机器人|\bai\b", re.I)
# English and Korean: a question about the job names its terms, its work or its people; the work itself is its
# tasks, training, team, tools, customers, assessment and growth (not only pay, hours and days off)
_JOB_FOREIGN = {
    "en": re.compile(r"\b(pay|paid|salary|wages?|hourly|tips?|overtime|bonus|shifts?|hours|schedule|rota|roster|"
                     r"weekends?|days? off|holidays?|vacation|leave|accommodation|housing|dorm\w*|board|meals?|food|"
                     r"lunch|uniforms?|train\w*|mentor\w*|probation|trial|team|staff|colleagues?|report to|"
                     r"co-?workers|manager|supervisor|boss|customers?|guests?|tasks?|duties|duty|responsib\w*|role|"
                     r"position|job|work|working|promot\w*|grow|growth|career|learn|learning|start|contract|"
                     r"insurance|benefits|store|shop|kitchen|restaurant|warehouse|equipment|menu|typical day)\b"),
    "ko": re.compile(r"월급|급여|시급|임금|연봉|수당|보너스|근무|교대|야간|주말|휴무|휴일|쉬는|휴가|숙소|기숙사|식사|밥|유니폼|교육|"
                     r"가르|배우|배울|수습|팀|직원|동료|매니저|사장|점장|손님|고객|업무|일은|일이|일을|담당|승진|출근|퇴근|"
                     r"시간|계약|보험|매장|가게|주방|메뉴|몇 ?명"),
}
_NEVER = re.compile(r"(?!)")
_WORK_FOREIGN = {
    "en": re.compile(r"\b(train\w*|mentor\w*|learn\w*|tasks?|duties|duty|responsib\w*|"
                     r"typical (day|shift|week)|day-to-day|look like|team|how many (people|staff|colleagues|workers)|"
                     r"who (would|will|do|does|is)|equipment|systems?|tools?|menu|products?|customers?|guests?|"
                     r"evaluat\w*|assess\w*|targets?|kpis?|performance|promot\w*|grow|growth|career|supervisor|"
                     r"manager|report to|first (week|day|month))\b"),
    "ko": re.compile(r"교육|가르|배우|배울|업무|담당|몇 ?명|누가|누구|손님|고객|메뉴|기계|장비|시스템|평가|승진|팀|동료|주방|"
                     r"하는 일|무슨 일|어떤 일"),
}


# a question that mocks or insults the employer or the interviewer, asks about the interviewer's private life or
# asks for the pay before the work (你们老板是不是很抠门, 这破店能撑几年, 你是不是也想跳槽, 工资能不能先发): rude or
# beside the point — never a question about the job, whatever job word it names (老板, 店, 工资)
_RUDE = re.compile(r"抠门|抠搜|小气|黑心|黑店|破店|破公司|破地方|垃圾|坑人|骗人|骗子|忽悠|压榨|剥削|傻|蠢|脑子|"
                   r"能撑|撑几|倒闭|跑路|关门大吉|混日子|摸鱼|偷懒|"
                   r"(先发|预支|提前发|借).{0,3}(工资|钱)|(工资|钱).{0,4}(先发|预支|提前发|借)|"
                   r"(面试官|你).{0,6}(结婚|对象|单身|多大|几岁|年纪|长得|漂亮|帅|跳槽|想走|工资多少|挣多少|赚多少)")
# insults (breaker 15 M2: 你们老板是不是有毛病 was called a job question): names that insult whoever they are said of,
# and sickness words only when said of a person or the employer (机器有毛病, 老人有病怎么办 are questions about the work)
_INSULT = re.compile(r"弱智|智障|白痴|废物|混蛋|王八|他妈|妈的|尼玛|滚蛋|放屁|狗屁|扯淡|废话|什么玩意|搞什么鬼|脑残|去死|"
                   r"奇葩|鬼地方|破(活|工作|岗位|单位|厂|玩意)|"
                   r"(老板|老总|经理|店长|主管|领导|面试官|你们|你|您|公司|店|厂)(是不是|是|真是?|就是|怕不是|肯定是?|"
                   r"有点|都|也)?(有毛病|有病|神经病|精神病|变态|缺德|不要脸|没素质|没良心|不是人|脑子进水)")
# the same in English and Korean: insults, prying into the interviewer's life, pay before the work
_RUDE_EN = re.compile(r"\b(crazy|stupid|idiots?|dumb|moron|cheapskates?|scam|rip-?off|sucks?|crap|crappy|shit\w*|damn|"
                      r"fuck\w*|wtf|pathetic|losers?|jerks?|greedy|the hell)\b|\b(so|that|this|too) cheap\b|"
                      r"\bare you (single|married)\b|\bhow old are you\b|\bhow much do you (make|earn)\b|"
                      r"\b(pay|salary|wages?)\b.{0,12}\b(in advance|up ?front)\b|\badvance on\b")
_RUDE_KO = re.compile(r"미쳤|미친|바보|멍청|또라이|쓰레기|개같|병신|꺼져|짠돌이|구두쇠|사기꾼|망할|가불|"
                      r"(월급|급여|시급|돈)[^.?!]{0,6}(짜요|짜네|짠가|미리)")
# what makes a job question one about the work itself — its content, training, assessment, staffing, tools and
# growth in it (转正考核标准是什么, 新人有没有人带, 夜班几个人, 有没有机会学烤) — rather than its terms alone (几点上班,
# 一个月休几天, 试用期多久, 工资多少: on the labelled sets raters put those at 2–2.5 of 5) or a template's generic
# 发展前景/企业文化/定位
_WORK = ("考核", "标准", "转正", "培训", "带教", "带我", "有人带", "人带", "老员工带", "师傅", "上手", "独立", "学",
         "负责", "职责", "工作内容", "主要做", "具体做", "做哪些", "要做", "干什么", "做什么",
         "几个人", "几位", "多少人", "人手", "指标", "业绩", "任务", "流程", "系统", "设备", "工具", "软件",
         "机器", "扫码", "盘点", "分区", "品类", "区域", "哪一层", "哪个区", "平台", "店铺", "顾客", "客人", "客户",
         "会员", "老人", "病人", "产品", "菜", "后厨", "仓库", "配送", "班长", "组长", "证", "值班",
         "两班倒", "三班倒", "倒班", "夜班", "高峰", "单量", "多少件", "多少单", "每天的工作",
         "领班", "主管", "升职", "当上", "机会当", "机会升", "机会做", "汇报", "对接", "接手", "交接", "哪一块",
         "接待", "访客", "客流", "电脑", "多少访客", "多少客")
# the self-promotion a template closing answer wraps around its questions (非常感谢给我这次机会, 我一定会好好努力,
# 希望能加入, 我是一个有上进心的人): on the labelled sets raters put such answers at 2 of 5 whatever they ask
_PROMOTION = re.compile(r"感谢|谢谢|机会难得|一定会|好好(干|努力|学|表现)|希望(能|可以|有机会)|上进心|很感兴趣|非常感兴趣|"
                        r"很有兴趣|有兴趣|意愿|加入(咱们|贵|你们|这个)|大家庭|坚定|长期(稳定)?发展|充分的准备|做好准备")


# the terms of the job named in a question: pay, board, hours, days off, probation (English and Korean too)
_TERMS_ASKED = re.compile("|".join(_PAY + _TERMS) + r"|上班|下班|几点|休息|休几|加班|试用期|周末|\b(pay|salary|wages?|hours|"
                          r"overtime|weekends?|days? off|accommodation|meals?|probation|uniforms?)\b|월급|급여|시급|근무|출근|퇴근|몇 시|휴무|"
                          r"숙소|식사|유니폼")


def terms_asked(asked: dict) -> bool:
    """Whether the job questions of questions_asked name the job's terms (pay, board, hours, days off)."""
    return bool(_TERMS_ASKED.search(" ".join(asked["job"]).casefold()))


def self_promotion(analysis: Analysis) -> int:
    """Chinese: how many clauses of the answer promote the candidate or thank, rather than ask."""
    if not _zh(analysis):
        return 0
    return sum(1 for ci in range(len(analysis.seg.clauses))
               if _PROMOTION.search("".join(t.text for t in clause_tokens(analysis, ci) if not t.copied)))


def rude(body: str, language: str = "zh", wording: bool = False) -> bool:
    """The question mocks or insults, pries into the interviewer's life, or asks for pay up front (Chinese;
    English and Korean by their own words). wording: as the wording model was fitted on (Chinese _RUDE only)."""
    if wording:
        return language == "zh" and bool(_RUDE.search(body))
    if language == "en":
        return bool(_RUDE_EN.search(body.casefold()))
    if language == "ko":
        return bool(_RUDE_KO.search(body))
    return bool(_RUDE.search(body) or _INSULT.search(body))


_GENERIC_ASK = re.compile(r"学习(提升|成长)?的?(机会|空间|平台)|学习和发展|发展(前景|规划|方向|空间|机会)|企业文化|"
                          r"公司(文化|理念|氛围)|(岗位|职位)的?(定位|规划)")


# the parts of the work a question can ask about by its structure, whatever the trade's nouns are (店长平时带新人吗,
# 电动车坏了公司管不管修, 一个班几个收银员, 新人第一周主要做什么): who trains or supervises (a teaching verb with the
# newcomer as object, or 谁 before a verb of teaching, managing or judging); staffing (几/多少 counting a person: a
# noun ending in a role suffix 员/师/工/手/长/生/傅); the first days (the newcomer or the first day/week/month with a
# verb of doing or learning); equipment and who keeps it (something broken or maintained; provided by the company or
# bought by oneself); how the work is done (主要/具体/平时/一般/每天 before a verb of doing, selling, serving; 怎么 before
# one of handling, dividing or handing over); how performance is judged (做得好不好, 怎么评, 看什么指标); the team
# (跟谁对接, 和谁配合, 归谁管). Pay (提成怎么算) and hours (几点上班) have none of these structures.
_NEWCOMER = r"(新人|新员工|新手|新来的|刚来|刚入职|刚进来|刚上岗|刚开始|入职(后|以后|的时候)?|第一(天|周|个?星期|个?礼拜|个?月)|头(几|一|两|三)(天|周|个?星期|个?月))"
_DOING = r"(做|干|负责|学|练|熟悉|上手|跟|安排|接触|管|卖|接待|处理|操作|值|站|看)"
_WORK_ASKED = re.compile(
    r"(带|教|指导|培训|手把手)(不带|不教)?(一下|一段时间)?(新人|新员工|新手|新来的|徒弟|我|我们)|"
    r"谁.{0,4}(带|教|管|负责|安排|指导|评|考核|检查|验收|对接|培训|分配|派)|(归|由|听)谁|"
    r"(几|多少)(个|位|名)?[\u4e00-\u9fff]{0,3}(?<!工作)(?<!工资)(员|师|工|手|长|生|傅)(?!作|资|时|日|天)|"
    + _NEWCOMER + r".{0,6}" + _DOING + r"|"
    r"坏了|损坏|维修|修理|保养|管不管修|(谁|公司|店里).{0,2}修|"
    r"(自己|自个)(买|带|准备|配|出)|(公司|店里|站里|统一|单位)(配|发|提供|给配|出)|"
    r"(主要|具体|平时|一般|每天|日常)(是)?" + _DOING + r"|"
    r"怎么(处理|分工|分配|配合|交接|操作|对接|分|打包|摆|补)|"
    r"(做|干)得(好不好|好坏|怎么样)|怎么(评|考核|评价|打分|衡量)|看(什么|哪些)(指标|数据|标准)|"
    r"(跟|和|向|找)谁")


# staffing asked with a trade's own word for the staff (几个保安, 几名店员, 多少个司机): a count word followed by a noun
# whose word vector is at least STAFF_SIMILARITY close to those of 员工/工人/职员 (保安 0.68, 服务员 0.58, 收银员 0.52,
# 司机 0.46, 护士 0.45; 股东 0.42, 家属 0.41, 学生 0.39, 孩子 0.12). A bare 人 counted (几个人吃饭, 面试官一天面几个人)
# is no staffing by itself: 夜班几个人 needs a word of the job (_JOB) to be a job question
_COUNT = re.compile(r"^(几|多少)(个|位|名)?$")
_STAFF, STAFF_SIMILARITY = ("员工", "工人", "职员"), 0.44


def _counts_staff(toks: list[Token]) -> bool:
    """Chinese: the clause counts people of a trade by its own word for them (夜班有几个保安)."""
    staff = meaning.anchor_vector(_STAFF)
    if staff is None:
        return False
    for i, t in enumerate(toks):
        if _COUNT.match(t.text):
            nxt = [u for u in toks[i + 1:i + 3] if u.pos != "x"]
            if nxt and nxt[0].text in ("个", "位", "名"):
                nxt = nxt[1:]
            if nxt and nxt[0].pos.startswith("n") and \
                    meaning.similarity(staff, meaning.vector(nxt[0].text)) >= STAFF_SIMILARITY:
                return True
    return False


_BOARD = re.compile(r"宿舍|住宿|几个人住|住几个人|住一间|一间住")


# 学 as learning the trade (有没有机会学烤), not inside a school word (小学, 上学, 同学, 学校)
_SCHOOL = re.compile(r"[小中大上放同]学|学[校生费期]")


def work_question(body: str, toks: list[Token] | None = None) -> bool:
    """Chinese: a job question that asks about the work itself, not only its hours, days off, probation length or
    pay, nor a template's 发展前景/学习提升的机会: one of the work's words (_WORK), one of its structures
    (_WORK_ASKED) or a count of its staff (_counts_staff, when the clause's tokens are given)."""
    body = _SCHOOL.sub("", _GENERIC_ASK.sub("", body))
    if _BOARD.search(body):
        return False    # 宿舍几个人住一间: how many share a room is board, not the staffing of the work
    return any(w in body for w in _WORK) or bool(_WORK_ASKED.search(body)) or bool(toks and _counts_staff(toks))


def _clause_with(analysis: Analysis, words) -> list[str]:
    out = []
    for ci in range(len(analysis.seg.clauses)):
        toks = [t for t in clause_tokens(analysis, ci) if not t.copied]
        if any(t.text in words or any(t.text.startswith(w) for w in words if len(w) >= 2) for t in toks
               if not t.negated):
            out.append(phrase(toks, analysis.seg.language))
    return [o for o in out if o]


def plan_parts(analysis: Analysis) -> dict:
    """For a situational question: the steps, the priority and who they would contact, each quoted."""
    steps = []
    for ci in range(len(analysis.seg.clauses)):
        toks = clause_tokens(analysis, ci)
        # a step does something: a verb other than being, having, willing or thinking (我肯定是…, 这个我有经验 are
        # no steps; set v)
        acts = any(t.pos.startswith("v") and not (analysis.seg.language == "zh" and t.text.startswith(_NO_STEP_VERBS))
                   for t in toks)
        if acts and own_action(analysis, ci, inherit=False):
            steps.append(phrase(toks, analysis.seg.language))
    return {"steps": [s for s in steps if s], "priority": _clause_with(analysis, _PRIORITY),
            "contact": _clause_with(analysis, _CONTACT)}


# "nothing to ask" (没有什么问题了, 没什么想问的, 暂时没有): 什么 after a negation asks nothing
_DECLINE = re.compile(r"(?<!有)(没有|没|木有|无|不)(什么|啥|其他|别的)?(问题|疑问|想问|要问|想了解|要了解|补充)|"
                      r"(?<!有)(没有|没)(什么|啥)了?$|^(暂时)?(没有|没)了?$")
_THANKS_END = re.compile(r"(?:谢谢|感谢|多谢)(?:您|你们|你|老师|面试官)?(?:了|啦|哈|啊)?$")
_FILLER_START = re.compile(r"^(?:嗯|呃|额|啊|哦|那个|就是|这个)+")
_REAL_ASK_WORDS = r"[吗呢？?]|多少|多久|多长|怎么|怎样|哪些|哪个|哪里|哪一|哪位|谁|有没有|是否|能不能|会不会|可不可以|是不是|几"
_REAL_ASK = re.compile(_REAL_ASK_WORDS + _A_NOT_A + _REQUEST)
_REAL_ASK_PLAIN = re.compile(_REAL_ASK_WORDS + _REQUEST)


# A question word inside a statement asks nothing (breaker 15 M2: 不和客人争是不是我们的头发 was quoted as a question
# about the work). Without a question mark, these spans of a clause are cut before its question words are looked
# for: words that hold a question word (几乎, 好几天, 十几个, 多少有点, 不怎么, 没什么, 什么的, 哪怕, 我们几个); "whatever"
# (不管几点到货…, 什么都干, 有什么问题我都会…, 怎么说我就怎么改); someone else asking or told (老板问我们累不累, 回去问一下
# 客人还满不满意, 跟顾客说一下要等多久); and what the candidate checks, argues, knows or did not know (不和客人争是不是
# 我们的头发, 看看是谁没戴帽子, 确认顾客给的是多少钱, 当时也不知道该怎么办) — each to the clause's end. The question
# words before such a verb still ask (新人多久能学会…), and so does a request to the interviewer (想问一下…, 想确认一下…)
# or a polite 不知道 about the employer (不知道咱们这边包不包住).
_THIRD = (r"(?:他们|她们|(?<!其)他|她|客人|顾客|客户|老人|病人|家属|厨房|师傅|领班|店长|经理|主管|老板|同事|对方|人家|"
          r"大家|别人|用户|买家|司机|组长|班长|老师|家长|孩子|小孩|骑手|前台|后厨)")
_EMPLOYER = r"(?:咱们|你们|您|贵|这边|这里|店里|公司|院里|站里|厂里|我们这|我们店|我们公司|这家)"
# nothing to ask, said with more words than _DECLINE reads (没什么特别想问的, 没有太多要问的)
_DECLINED = r"(?<!有)(?:没有|没|木有|无)(?:什么|啥)?(?:特别|太多|其他|别的)?的?(?:问题|疑问|想问|要问|想了解|要了解|补充)[的了]?"
_UNASKED = re.compile(
    _DECLINED + r"|几乎|[十好这那前头没]几|几[十百千万]|或多或少|多少(?:有点|有些|会|也|都|带点)|不怎么|没什么|不是什么|什么的|"
    r"哪怕|(?<![有要是会能可用])[不没][\u4e00-\u9fff]{1,2}什么|"
    r"(?:我们|他们|她们)几(?:个|位)|"
    r"(?:不管|无论|不论|管他)[^，,。]*|"
    r"(?:什么|谁|哪[里儿个些]?|怎么|多少|几[点个天次位]?)[^，,。吗？?]{0,8}?[都也](?!想|要问)|"
    r"(什么|怎么|哪里|谁)[^，,。]{0,8}?就[^，,。]{0,4}?\1|有(?:什么|啥)[^，,。吗？?]{0,6}?(?:就|的话)|"
    + _THIRD + r"(?:问|说|讲|想知道)[^，,。]*|"
    r"(?:(?<=[会先去再就都也])(?:问|告诉|提醒|通知)(?:了|过)?(?:一下|问|清楚)?|(?:问|告诉|提醒|通知)(?:了|过))"
    + _THIRD + r"[^，,。]*|"
    r"(?:跟|和|给|向|对)" + _THIRD + r"(?:说|讲|解释|确认|核对)[^，,。]*|"
    r"(?<![想要能您])(?<!你们)(?<!咱们)(?:争|吵|确认|核对|核实|检查|查(?:一下|查|看|清|了)|看(?:看|一下|一看|清楚?|准)|看(?=是|有没有|有无)|"
    r"数(?:一下|数|清)|试试|尝尝|摸摸|闻闻|听听|找找|算算|想想|想一想|记得|记不清|忘了|(?<![想不])知道|学会了|教会|"
    r"判断|决定|商量|讨论|分清|弄清楚?|搞清楚?)[^，,。]*|"
    r"(?:当时|那时候?|那会儿?|一开始)[也都还]?(?:不知道|不清楚|不确定|不晓得)[^，,。]*|"
    r"(?:也|都|还|根本|完全|并)(?:不知道|不清楚|不确定|不晓得)(?![^，,。]{0,6}" + _EMPLOYER + r")[^，,。]*|"
    r"(?<![也都还本全并时候儿始])(?:不知道|不清楚|不确定|不晓得)(?=该|怎么办|咋办|怎么回事|为什么|是谁|说什么)[^，,。]*")


def _unasked(body: str, around: tuple[str, str] = ("", "")) -> str:
    """Chinese: the clause with the spans where a question word asks nothing (_UNASKED) blanked out; `around`: the
    clauses the segmenter split from it before and after with no punctuation between (有什么问题 | 我都会…, 让我干
    什么 | 我就干什么), read with it."""
    before, after = around
    text = before + body + after
    keep = [True] * len(text)
    for m in _UNASKED.finditer(text):
        keep[m.start():m.end()] = [False] * (m.end() - m.start())
    return "".join(c if keep[len(before) + i] else " " for i, c in enumerate(body))


def _unpunctuated_around(analysis: Analysis, ci: int) -> tuple[str, str]:
    """The text of the clauses before and after clause ci up to a punctuation mark (at most two each); words
    joined as in the clause bodies (Chinese without spaces, English and Korean with)."""
    seg = analysis.seg
    sep = "" if _zh(analysis) else " "

    def joined(ca: int, cb: int) -> bool:   # no punctuation between clause ca and the next clause cb
        a, b = seg.clauses[ca], seg.clauses[cb]
        return bool(a and b) and not any(seg.tokens[i].pos == "x" for i in range(a[-1] + 1, b[0]))

    def body(cj: int) -> str:
        return sep.join(seg.tokens[i].text for i in seg.clauses[cj] if seg.tokens[i].pos != "x")

    after = []
    for cj in range(ci + 1, min(ci + 3, len(seg.clauses))):
        if not joined(cj - 1, cj):
            break
        after.append(body(cj))
    before = []
    for cj in range(ci - 1, max(ci - 3, -1), -1):
        if not joined(cj, cj + 1):
            break
        before.insert(0, body(cj))
    return sep.join(before), sep.join(after)


# English: a clause asks when it opens with a question word before a verb or quantity (what does…, how many…,
# who would…), with an auxiliary before its subject (is there…, do you…, will i…), or with a request to be told
# (i'd like to know…, i was wondering…, could you tell me…); speech recognised without a question mark asks too
_EN_LEAD = re.compile(r"^(?:(?:and|so|also|then|but|plus|um+|uh+|er+|well|oh|ok|okay|and also|another|one more|"
                      r"second|secondly|first|firstly|finally|lastly)\b[ ,]*)*")
_EN_ASK = re.compile(
    r"^(?:what|how|when|where|who|which|whose|why)(?:'s|'re|\s+(?:is|are|do|does|will|would|can|could|should|shall|"
    r"much|many|long|often|soon|big|far|early|late|kind|sort|type|time|hours|days|shifts?|training|happens))\b|"
    r"^who \w+s\b|"
    r"^(?:is|are|was|were|do|does|did|will|would|can|could|should|shall|may|am|have|has)\s+(?:there|it|i|we|you|they|"
    r"the|this|that|these|those|a|an|my|your|our|staff|new|anyone|someone|training|overtime|uniforms?|meals?|"
    r"accommodation|housing|pay)\b|"
    r"\b(?:i'?d like to|i would like to|i want to|i wanted to|i'd love to|i would love to|let me|may i|can i|could i)"
    r" (?:know|ask|check|understand|find out)\b|\bi (?:was|am|'m) (?:wondering|curious)\b|\bi wonder\b|"
    r"\b(?:could|can|would) you (?:tell|let) me\b|\bmy (?:first |second |last |other )?question (?:is|was)\b")
# Korean: a question ending (…나요, …까요, …습니까, …인가요, …죠), a request to be told (궁금합니다, 알고 싶어요, 여쭤보고
# 싶어요), or a question word (몇, 누가, 언제, 어디, 무엇, 얼마, 어떻게, 어떤) with a polite ending (…해요, …돼요)
_KO_ASK = re.compile(r"(?:나요|까요|니까|가요|는지요|은지요|던가요|데요\?|죠\?)$|궁금|알고 싶|여쭤|여쭙|물어보고 싶|질문")
_KO_ASK_WORD = re.compile(r"(?:^| )(?:몇|누가|누구|언제|어디|무엇|뭐|뭘|무슨|얼마|어떻게|어떤|어떻|왜)"
                          r"(?!\S*(?:든지?|라도)(?: |$))(?! \S*(?:든지?|라도)(?: |$))")


def _foreign_asks(text: str, language: str) -> bool:
    """English or Korean: whether the clause (its words joined by spaces) asks the interviewer something."""
    if language == "en":
        return bool(_EN_ASK.search(_EN_LEAD.sub("", text.casefold().strip())))
    if language == "ko":
        text = text.strip()
        return bool(_KO_ASK.search(text)) or bool(_KO_ASK_WORD.search(text) and re.search(r"요$|죠$", text)
                                                   and not re.search(r"(?:는지|은지|ㄴ지|던지)\b", text))
    return False


# an alternative question (刚来主要是洗菜切菜还是也能上灶) asks without a question word
_ALTERNATIVE = re.compile(r"是[^，,。]{1,12}还是")
# a step of the candidate's own plan or story (我会先跟客人说一声稍等，问一下电话那边是什么事，再决定…): a clause after
# one with these words, in the same sentence, that neither asks outright (吗, 想问, 请问…) nor names the employer
# (咱们, 你们, 店里…) tells what the candidate does, whatever question word it holds
_SEQUENCE = re.compile(r"会先|就先|我先|先跟|先把|先给|先去|当时我|我当时|接着")
_ASKS_OUTRIGHT = re.compile(r"[吗呢]|想问|请问|想了解|想知道|想咨询|想请教|麻烦问|冒昧问|顺便问|我问一下|想确认|关心")


def _narrated(analysis: Analysis, ci: int, body: str) -> bool:
    """Chinese: clause ci is a step of the candidate's own plan or story (_SEQUENCE in the clause before it, in
    the same sentence, that is no lead-in to a question: 我先问一个，…) and does not ask outright or name the employer."""
    seg = analysis.seg
    if ci == 0 or _ASKS_OUTRIGHT.search(body) or re.search(_EMPLOYER, body):
        return False
    prev, idx = seg.clauses[ci - 1], seg.clauses[ci]
    if not prev or not idx or any(seg.tokens[i].text in _SENTENCE_END for i in range(prev[-1] + 1, idx[0])):
        return False
    before = "".join(seg.tokens[i].text for i in prev)
    return bool(_SEQUENCE.search(before)) and "问" not in before


def _asks(analysis: Analysis, ci: int, body: str, wording: bool = False) -> bool:
    """Whether clause ci asks something: an interrogative word, an A-not-A form (带不带) or a question mark after
    it (…是向总经理还是人事经理汇报？), not 什么 in a declined question (没有什么问题了), nor a question word inside a
    statement (不和客人争是不是我们的头发: _UNASKED); in English and Korean also a question's own form without its
    mark (what does…, 누가 가르쳐 주시나요). wording: as the wording model was fitted on (questions_asked) — without
    the A-not-A form, reading every question word as asking and English and Korean only by their mark."""
    last = analysis.seg.clauses[ci][-1] + 1 if analysis.seg.clauses[ci] else len(analysis.seg.tokens)
    marked = last < len(analysis.seg.tokens) and analysis.seg.tokens[last].text in ("？", "?")
    if marked:
        return True
    if not wording and not _zh(analysis):
        text = " ".join(t.text for t in clause_tokens(analysis, ci) if not t.copied and t.pos != "x")
        return _foreign_asks(text, analysis.seg.language)
    if wording:
        if not _DECLINE.search(body):
            return bool(_ASK_PLAIN.search(body))
        return bool(_REAL_ASK_PLAIN.search(_DECLINE.sub("", body)))
    if _narrated(analysis, ci, body):
        return False
    around = _unpunctuated_around(analysis, ci)
    if not _DECLINE.search(body):
        rest = _unasked(body, around)
        return bool(_ASK.search(rest) or _ALTERNATIVE.search(rest))
    # 没有什么问题了 asks nothing; 没有什么问题，想问一下培训多久？ still asks in its other words
    rest = _unasked(_DECLINE.sub("", body), around)
    return bool(_REAL_ASK.search(rest) or _ALTERNATIVE.search(rest))


_REQUEST_RE = re.compile(_REQUEST[1:])
# a request told about a side of the job in general (我想了解一下发展、培训方面的情况) asks broadly; one that names the
# terms it wants told (我想知道咱们这边的工作时间和休息安排; breaker 39's h34 was called 笼统) asks as a question does
_VAGUE_ASKED = re.compile(r"(方面|情况|之类|这些|那些|相关|什么的|等等|一些|一切|全部|整体|总体)[的了]?$")


# this job named as whose side is asked about (这个岗位的, 咱们这边的, 公司的)
OF_THE_JOB = re.compile(r"(这个|咱们|你们|贵|我们|公司|店|岗位|职位|工作|这边)[^，。、]{0,6}的")
# … the job itself named is whose terms they are, not a term asked about (公司的发展方向 asks one thing, broadly)
_JOB_ITSELF = frozenset({"岗位", "公司", "工作", "职位", "店", "店里", "这边", "门店"})


def _named_terms(body: str) -> bool:
    """A request that names two or three terms of this job it asks about (咱们这边的工作时间和休息安排, 这个岗位的发展
    空间和培训机会) — of the job (OF_THE_JOB), not a dump of terms (岗位、发展、培训、薪资、排班…) nor someone else's."""
    said = _REQUEST_RE.sub("", body)
    named = {w for w in set(_JOB + _PAY + _TERMS + _JOB_MORE) if w in said} - _JOB_ITSELF
    return 2 <= len({w for w in named if not any(w != o and w in o for o in named)}) <= 3 and \
        bool(OF_THE_JOB.search(said)) and said.count("、") < 2


def _lead_in_only(analysis: Analysis, ci: int, wording: bool) -> bool:
    """The request clause ci (我想了解一下) only leads in: its sentence ends there, or the clause after it asks on its own
    (我想了解一下，培训多久？). Otherwise what follows in the sentence is what it asks to be told (我想了解一下 | 这个岗位的
    发展空间和培训机会: breaker 39's f02 was told "没有提出任何问题")."""
    seg = analysis.seg
    if ci + 1 >= len(seg.clauses) or not seg.clauses[ci] or not seg.clauses[ci + 1]:
        return True
    if any(seg.tokens[i].text in _SENTENCE_END for i in range(seg.clauses[ci][-1] + 1, seg.clauses[ci + 1][0])):
        return True
    nxt = "".join(t.text for t in clause_tokens(analysis, ci + 1) if not t.copied and t.pos != "x")
    return _asks(analysis, ci + 1, nxt, wording)


def asks_about_the_job(text: str) -> bool:
    """Chinese: the text asks or requests to be told (想了解, 请问, …吗, a question mark) about this job (OF_THE_JOB)."""
    return bool((_REQUEST_RE.search(text) or _ASKS_OUTRIGHT.search(text) or re.search(r"[？?]", text))
                and OF_THE_JOB.search(text))


_SENTENCE_END = ("。", "！", "!", "？", "?", "；", ";")


def questions_asked(analysis: Analysis, wording: bool = False) -> dict:
    """For a closing question: the candidate's questions, split into job-specific, "broad" (a request to be
    told about the job with no question in it: 我想问一下发展、培训方面的情况), and other (only about pay and
    board, or not about the job); "declined": the clauses that say there is nothing to ask (没有什么问题了); "rude":
    questions that mock, insult, pry or ask for pay up front (never counted as job questions); "work": the job
    questions about the work itself (quotes.work_question; every job question in other languages). A job
    question is recognised by its job words (_JOB) or, in Chinese, by a structure of the work (_WORK_ASKED,
    _counts_staff: 新人第一周主要做什么). wording: the split the wording model was fitted on (features.wording_text),
    before A-not-A questions (带不带新人) and the work's structures were recognised — its input, and so its
    rating of every answer, stays what it was. Otherwise (breaker 15 M2) a question word inside a statement asks
    nothing (_asks: 不和客人争是不是我们的头发), questions about pay, board and the job's other terms are job questions
    (_PAY, _TERMS: 工资多少？包吃住吗？), English and Korean are read by their own words (_JOB_FOREIGN, _WORK_FOREIGN)
    and insults are rude (_INSULT, _RUDE_EN, _RUDE_KO). "clauses": the clause indexes of the job questions and
    their lead-ins (features: an answer made only of them shows no attitude to the work)."""
    seg = analysis.seg
    job, broad, other, declined, rude_, about_work = [], [], [], [], [], []
    asking = set()      # the clauses of the job questions (and their lead-ins: 想问一下，…)
    ci, n = 0, len(seg.clauses)
    while ci < n:
        toks = [t for t in clause_tokens(analysis, ci) if not t.copied]
        body = "".join(t.text for t in toks if t.pos != "x")
        if not body:
            ci += 1
            continue
        if not _asks(analysis, ci, body, wording):
            # declining echoes the question's own words (还有什么想问 → 没有什么想问的) and ends in thanks: 没有了，谢谢
            whole = clause_tokens(analysis, ci)
            said = _THANKS_END.sub("", _FILLER_START.sub("", "".join(t.text for t in whole if t.pos != "x")))
            if _zh(analysis) and (_DECLINE.search(body) or _DECLINE.search(said)
                                  or not wording and re.search(_DECLINED, body)):
                declined.append(phrase(whole, seg.language))
            ci += 1
            continue
        request_only = False
        # a request word that asks nothing of the interviewer (回去问一下客人…) is no request (_UNASKED)
        requested = _REQUEST_RE.search(body if wording else _unasked(body))
        if _zh(analysis) and requested and not _asks(analysis, ci, _REQUEST_RE.sub("", body), wording):
            if len(re.sub(r"[我想要就还有那个一下请]", "", _REQUEST_RE.sub("", body))) == 0 and (
                    wording or _lead_in_only(analysis, ci, wording)):
                asking.add(ci)
                ci += 1
                continue    # 想问一下，…？ / 我想了解一下，…: only the lead-in of the question that follows
            # 我想问一下 | 发展、培训、晋升方面的情况: the request and what it asks about, to the sentence's end
            request_only = True
            first = ci
            while ci + 1 < n:
                last = seg.clauses[ci][-1] + 1 if seg.clauses[ci] else len(seg.tokens)
                if last < len(seg.tokens) and seg.tokens[last].text in _SENTENCE_END:
                    break
                more = [t for t in clause_tokens(analysis, ci + 1) if not t.copied]
                nxt = "".join(t.text for t in more if t.pos != "x")
                if _asks(analysis, ci + 1, nxt, wording):
                    break
                toks, body, ci = toks + [Token("、", "x")] + more, body + nxt, ci + 1
        clause_ids = set(range(first, ci + 1)) if request_only else {ci}
        shown = toks
        if not wording and not request_only and ci + 1 < n and seg.clauses[ci] and seg.clauses[ci + 1] and \
                not any(seg.tokens[i].pos == "x" for i in range(seg.clauses[ci][-1] + 1, seg.clauses[ci + 1][0])):
            # a short question the segmenter cut before its object (之前有没有人做 | 这个岗位, who would | i report to)
            # is quoted whole, when what follows does not ask on its own
            more = [t for t in clause_tokens(analysis, ci + 1) if not t.copied]
            if len(toks) <= 6 and not _asks(analysis, ci + 1, "".join(t.text for t in more if t.pos != "x")):
                shown = toks + more
        q = phrase(shown, seg.language, n=40 if request_only else 26)
        # pay and board alone are no question about the work (工资多少, 包吃住吗)
        school_free = body if wording else _SCHOOL.sub("", body)   # 小学, 上学: no 学 of the trade
        work = [w for w in _JOB if w in school_free and not any(w in p for p in _PAY if p in body)]
        if not work and not wording and _zh(analysis) and not any(p in body for p in _PAY) and \
                (_WORK_ASKED.search(_GENERIC_ASK.sub("", school_free)) or _counts_staff(toks)):
            work = ["work"]     # 新人第一周主要做什么: about the work by its structure, with no job word in it
        spaced = " ".join(t.text for t in toks if t.pos != "x").casefold()
        # the question as said: with the clauses the segmenter split from it and no mark between (之前有没有人做 |
        # 这个岗位, who would | i report to)
        after = "" if wording else _unpunctuated_around(analysis, ci)[1].casefold()
        scope, spaced_scope = school_free + _SCHOOL.sub("", after), (spaced + " " + after).strip()
        if not work and not wording:
            # the terms of a small business's job are questions about the job (breaker 15 M2: 工资是多少？包吃住吗？
            # was called unrelated to it): pay, board, hours, days off, probation — and the work's other words
            # (新人, 领班, 多少件); not a question about the interview itself (这个面试是用什么软件做的)
            work = [] if _ABOUT_INTERVIEW.search(body + after) else \
                [w for w in _JOB + _PAY + _TERMS + _JOB_MORE if w in scope] if _zh(analysis) else \
                ["job"] if _JOB_FOREIGN.get(seg.language, _NEVER).search(spaced_scope) or \
                _WORK_FOREIGN.get(seg.language, _NEVER).search(spaced_scope) else []
        if rude(body if _zh(analysis) else spaced, seg.language, wording):
            rude_.append(q)
        elif not work:
            other.append(q)
        elif request_only and (wording or _VAGUE_ASKED.search(body) or not _named_terms(body)):
            broad.append(q)
            asking |= clause_ids
        else:
            asking |= clause_ids
            job.append(q)
            if work_question(body if wording else scope, toks) if _zh(analysis) else \
                    wording or bool(_WORK_FOREIGN.get(seg.language, _NEVER).search(spaced_scope)):
                about_work.append(q)
        ci += 1
    if _zh(analysis) and not rude_:
        # a rude question the segmenter split in two (工资能不能 | 先预支一半给我): read whole sentences too
        for piece in re.findall(r"[^。！!？?；;]+[？?]?", seg.text or ""):
            if rude(piece, "zh", wording) and (piece.endswith(("？", "?")) or
                                               _ASK.search(piece if wording else _unasked(piece))):
                rude_.append(piece.strip("，, ")[:26])
    return {"job": job, "broad": broad, "other": other, "declined": declined, "rude": rude_, "work": about_work,
            "clauses": sorted(asking)}


# A motivation question (为什么想来我们店工作) is answered by reasons. What makes a reason practical and credible is
# something that can be checked or pictured: where the candidate lives (走路十分钟), when they can work (孩子上小学了
# 白天有时间, 能上夜班), a related job they did and for how long (在超市做过两年收银), a certificate, what they want to
# learn in the job (学学怎么管库存和排班), a role they aim for (以后做到领班), what they know of the shop itself (常来
# 买, 开了三家分店) or of the work through someone who does it (表哥在加油站干过). Praise of the employer or the
# trade without content (贵公司稳定, 有很好的发展前景, 和公司一起成长, 很有意义) is generic: it is what a template says.
_DURATION = r"(?:[%s0-9]+|半)(?:个多|多个|个)?(?:年|个月|月|暑假|寒假|季)|[%s]年多|[%s]年半" % (_NUM, _NUM, _NUM)
_MOTIVE_REASONS = {
    "distance": re.compile(r"离(?:我?家|我住的地方|住的地方|我住的|住处)[^，。]{0,4}(?:近|不远)|(?:住|家|住处)[^，。]{0,6}"
                           r"(?:附近|旁边|隔壁|楼下|对面|边上|这一片|这片)|(?:走路|步行|骑车|骑电动车|骑电瓶车|坐公交|坐地铁|"
                           r"开车)[^，。]{0,6}(?:[%s0-9]+|几)(?:分钟|站|公里)|(?:[%s0-9]+|几)分钟就(?:到|能到)|通勤"
                           % (_NUM, _NUM)),
    "schedule": re.compile(r"(?:孩子|小孩|娃|儿子|女儿)[^，。]{0,8}(?:上学|上小学|上幼儿园|上初中|上中学|大了|放学|接送|住校)|"
                           r"(?:白天|晚上|周末|下午|上午)[^，。]{0,3}(?:有空|有时间|都能|都可以|能上班|可以上班)|"
                           r"(?:能|可以|愿意|不怕)(?:上|值|倒)?(?:夜班|晚班|早班|倒班|两班倒|三班倒)|"
                           r"(?:夜班|晚班|早班|倒班|两班倒|三班倒)[^，。]{0,4}(?:没问题|可以|能接受|不怕|我能|我可以)|"
                           r"(?:时间|班次|上班时间|排班)[^，。]{0,4}(?:合适|对得上|正好|方便|灵活)"),
    "certificate": re.compile(r"(?:拿了|拿到|考了|考到|考过|有|持有|取得)[^，。]{0,8}证"),
    "learn": re.compile(r"学(?:学|会|一下|点|着)?[^，。]{0,3}(?:怎么|如何)[^，。]{2,}|想学(?!习)[^，。]{2,}|学会[^，。]{2,}|"
                        r"学(?:一门|门)(?:手艺|技术)"),
    "aim": re.compile(r"(?:做到|当上|升到|升成|成为|争取|想当|当个|考个|转成|做成)[^，。]{0,4}(?:领班|店长|组长|主管|班长|经理|"
                      r"技师|护士长|大厨|师傅|面点师|站长|正式工|熟手)|(?:领班|店长|组长|主管|班长|站长)[^，。]{0,4}(?:的机会|这个位置)|"
                      r"(?:以后|将来|几年后|两年后|一两年)[^，。]{0,8}(?:开(?:一家|个)|自己开)"),
    "shop": re.compile(r"(?:你们|咱们|这家|贵)(?:店|站|家|院|超市|这边|这里)?[^，。]{0,10}(?:常来|经常来|来过|买过|去过|干净|"
                       r"态度|口碑|开了|分店|生意|评价|新开|招牌|排队|人气)|(?:常|经常|老)(?:来|去)(?:这|你们|咱们)?[^，。]{0,4}"
                       r"(?:买|吃|逛|加油|消费)|我(?:常|经常)来"),
    # a concrete circumstance that ends the last job or brings them here (合同到期了, 店关门了, 搬到这边, 护工太累了)
    "change": re.compile(r"合同到期|(?:店|厂|公司|站|单位|那边)[^，。]{0,4}(?:关了|关门|倒闭|搬走|不开了|裁员)|"
                         r"搬(?:家|到|过来|来)|回(?:老家|来了|到老家)|(?:以前|之前|原来|那边|上一份)[^，。]{0,8}(?:太累|太远|"
                         r"太晚|下班太晚|工资太低|夜班太多)|(?:护工|工地|厂里|快递|外卖)[^，。]{0,4}(?:太累|太远|太辛苦)"),
    "insider": re.compile(r"(?:表哥|表姐|表弟|表妹|亲戚|朋友|老乡|姐姐|哥哥|妹妹|弟弟|妈妈|我妈|爸爸|我爸|姑姑|舅舅|阿姨|同学|邻居)"
                          r"[^，。]{0,6}(?:在(?:这|你们|加油站|养老院|超市|店|医院|站)|干过|做过|当过)"),
}
_LIFE_REASONS = ("distance", "schedule")
# a move or a return home is the candidate's reason only when no one else moves (后来主人搬家了, 邻居回老家了: the
# cat's owner or a neighbour, session 16): the nearest of these people before 搬/回 in the clause, not 我/我们/我家
_OTHER_MOVERS = {"主人", "房东", "邻居", "朋友", "同事", "老板", "店长", "他", "她", "他们", "她们", "别人", "人家", "亲戚",
                 "同学", "顾客", "客人", "老人", "对方"}
_SELF_MOVERS = {"我", "我们", "咱们", "咱", "俺", "我家", "家里", "全家", "一家", "老公", "爱人", "孩子"}


def _someone_else_moves(toks: list, body: str) -> bool:
    """Chinese: the "change" reason of this clause body is a move or return (搬…/回…) told of someone else."""
    m = _MOTIVE_REASONS["change"].search(body)
    if not m or body[m.start()] not in "搬回":
        return False
    before, seen = [], 0
    for t in toks:
        if t.pos == "x":
            continue
        if seen >= m.start():
            break
        before.append(t)
        seen += len(t.text)
    # the nearest person before the verb moves (我邻居搬到…: the neighbour; 我们家搬到…: the speaker's family)
    people = [t for t in before if t.text in _OTHER_MOVERS or t.text in _SELF_MOVERS or t.pos in ("nr", "nrt")]
    return bool(people) and people[-1].text not in _SELF_MOVERS
_MOTIVE_EXPERIENCE = re.compile(r"以前|之前|原来|上一份|做过|干过|当过|帮过|待过|照顾过|照顾了|跟过|学过|在[^，。]{1,12}"
                                r"(?:做|干|当|帮|待|上班|打工|实习)")
_MOTIVE_GENERIC = re.compile(r"贵(?:公司|店|单位|司|院|站)|(?:非常|很|特别|一直|比较)?(?:喜欢|热爱|认可|向往|看好)(?:贵|这个行业|"
                             r"这个工作|这份工作|这个岗位|这个职位|你们公司|这一行|这个企业)|稳定|(?:发展)?前景|(?:有|好的|很好的|"
                             r"广阔的|长期)发展|发展空间|平台|一起成长|共同成长|自我价值|有意义|企业文化|氛围|挑战自己|锻炼自己|"
                             r"提升自己|积累经验|学到(?:很多|更多)?(?:东西|知识|经验)|学习(?:的)?机会|实现.{0,4}价值|热情|"
                             r"吃苦耐劳|责任心|上进心|踏实肯干")


# The same kinds of practical reason said in English and Korean (session 15: an English or Korean answer naming its
# past job and for how long, where the candidate lives and when they can work had no floor, and a Korean strong
# motivation answer scored 56). Read on the lower-cased clause text, words separated by spaces.
_EN_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|half an?)"
_EN_DURATION = _EN_NUM + r"(?: and a half)? (?:years?|months?|summers?|seasons?|winters?|semesters?)\b"
_KO_NUM = r"(?:\d+|[한두세네]|다섯|여섯|일곱|여덟|아홉|열|[일이삼사오육칠팔구십]+|반)"
_KO_DURATION = _KO_NUM + r" ?(?:년|개월|달|학기|시즌|년간|년 ?동안|개월 ?동안)"
_MOTIVE_REASONS_OTHER = {
    "en": {
        "distance": re.compile(r"\b(?:i|we) (?:live|am living|stay|moved)\b[^.;]{0,30}\b(?:near|nearby|close|next door|"
                               r"around the corner|down the road|in the area|across the street|\w+ minutes?)|"
                               r"\b" + _EN_NUM + r" minutes? (?:walk|away|by bike|by bus|on foot|from here|from my)|"
                               r"\b(?:walk|cycle|bike|ride) (?:here|to work) in\b|\bcommute\b"),
        "schedule": re.compile(r"\b(?:kids?|children|son|daughter)\b[^.;]{0,30}\b(?:school|kindergarten|nursery|grown up|"
                               r"older now)|\b(?:free|available)\b[^.;]{0,20}\b(?:evenings?|weekends?|mornings?|nights?|"
                               r"afternoons?|daytime|weekdays?)|\b(?:evenings?|weekends?|nights?|night shifts?|early shifts?|"
                               r"late shifts?|shifts?|the hours)\b[^.;]{0,15}\b(?:are fine|is fine|are no problem|is no problem|"
                               r"suit me|fit my|work for me|are ok|is ok)|\b(?:can|happy to|willing to|don't mind|do not mind)\b "
                               r"(?:work(?:ing)? |do(?:ing)? )?[^.;]{0,15}\b(?:nights?|night shifts?|weekends?|early shifts?|"
                               r"late shifts?|shifts)\b"),
        "certificate": re.compile(r"\b(?:have|got|hold|passed|earned|obtained|finished)\b[^.;]{0,30}\b(?:certificate|"
                                  r"certification|licen[cs]e|diploma|qualification|course)\b"),
        "learn": re.compile(r"\b(?:want|hope|like|keen|eager|would like|plan)\b[^.;]{0,8}\bto learn\b[^.;]{3,}|"
                            r"\blearn (?:how|to)\b[^.;]{3,}"),
        "aim": re.compile(r"\b(?:become|be promoted to|work my way up to|move up to|aim to be|grow into)\b[^.;]{0,20}"
                          r"\b(?:supervisor|manager|shift lead|shift leader|team lead|team leader|head|chef|technician|"
                          r"full[- ]time)\b|\b(?:open|run|start) (?:my|a) own\b"),
        "shop": re.compile(r"\b(?:your|this)\b (?:shop|store|café|cafe|restaurant|station|hotel|clinic|pharmacy|place|"
                           r"branch|bakery|salon|guesthouse|hostel)\b[^.;]{0,30}\b(?:regular|reviews?|reputation|busy|opened|"
                           r"branches|clean|queue|known|friendly)\b|\bi(?:'m| am) a regular\b|\b(?:often|always) "
                           r"(?:come|shop|eat|buy|stay)\b"),
        "change": re.compile(r"\bcontract (?:ended|finished|ran out|is ending)|\b(?:shop|store|company|factory|restaurant|"
                             r"hotel|café|cafe)\b[^.;]{0,15}\b(?:closed|shut down|moved away|went bankrupt)|\b(?:moved|"
                             r"moving|relocated|came back) (?:here|to this|to the area|back|home)|\b(?:last|previous|old) "
                             r"job\b[^.;]{0,20}\b(?:too far|too tiring|too late|too long)"),
        "insider": re.compile(r"\b(?:cousin|brother|sister|uncle|aunt|friend|neighbour|neighbor|mother|mum|mom|father|"
                              r"dad)\b[^.;]{0,25}\b(?:works?|worked|working) (?:here|at|in|as)\b"),
    },
    "ko": {
        "distance": re.compile(r"(?:집|사는 곳|숙소|자취방)[^.,]{0,8}(?:가깝|가까|근처|앞|옆|바로|걸어서)|"
                               r"(?:걸어서|도보로|버스로|자전거로|차로) ?[^.,]{0,4}" + _KO_NUM + r" ?분|출퇴근"),
        "schedule": re.compile(r"(?:아이|애|아들|딸)[^.,]{0,12}(?:학교|유치원|어린이집|컸|커서)|(?:주말|평일|저녁|야간|오전|"
                               r"오후|밤|새벽)[^.,]{0,8}(?:가능|할 수 있|괜찮|문제없|시간이 있|시간이 돼)|(?:야간|새벽|주말|교대) ?"
                               r"근무[^.,]{0,6}(?:가능|괜찮|할 수 있|문제없)|(?:시간|근무 시간|스케줄)[^.,]{0,6}(?:맞|자유로|여유)"),
        "certificate": re.compile(r"(?:자격증|면허증?|수료증|급)[^.,]{0,10}(?:있|땄|취득|가지고|보유|받았)|(?:취득|땄습|땄어)"),
        "learn": re.compile(r"배우고 싶|배워 보고 싶|배우려고|익히고 싶|배워서"),
        "aim": re.compile(r"(?:매니저|점장|실장|팀장|관리자|주임|정직원|정규직|매니저님)[^.,]{0,8}(?:되고 싶|까지|목표|되는 것)|"
                          r"(?:제|내|직접) ?(?:가게|숙소|매장|게스트하우스|카페|식당)[^.,]{0,8}(?:열|차리|운영)|(?:창업|오픈)"
                          r"[^.,]{0,6}(?:하고 싶|목표|계획)"),
        "shop": re.compile(r"(?:이 |여기|이곳|이 가게|이 매장|이 숙소|이 게스트하우스|사장님)[^.,]{0,15}(?:자주 와|자주 가|자주 묵|"
                           r"자주 들|단골|후기|평점|리뷰|깨끗|유명|인기|손님이 많)|단골"),
        "change": re.compile(r"계약[^.,]{0,4}(?:끝|만료)|(?:가게|매장|회사|공장|호텔|식당)[^.,]{0,6}(?:문을 닫|폐업|이전|없어)|"
                             r"이사|정착|내려와|이주|옮겨 왔|옮겨왔"),
        "insider": re.compile(r"(?:사촌|형|오빠|누나|언니|동생|친구|이모|삼촌|고모|엄마|아빠|어머니|아버지|지인|선배)[^.,]{0,10}"
                              r"(?:일하|일했|하고 있|했었|일하고)"),
    },
}
_MOTIVE_EXPERIENCE_OTHER = {
    "en": re.compile(r"\b(?:worked|work|working|was|did|spent|have been|helped|volunteered|ran|served)\b"),
    "ko": re.compile(r"일했|일하면서|일하며|일한|근무했|근무하|했었|해 봤|해봤|알바|아르바이트|스태프|맡았|다녔"),
}
_DURATION_OTHER = {"en": re.compile(_EN_DURATION), "ko": re.compile(_KO_DURATION)}
_MOTIVE_GENERIC_OTHER = {
    "en": re.compile(r"\byour company\b|\bstable\b|\bstability\b|\bprospects?\b|\bdevelopment\b|\bplatform\b|"
                     r"\bgrow (?:together|with)\b|\bmeaningful\b|\bpassion(?:ate)?\b|\bchallenge myself\b|"
                     r"\bimprove myself\b|\bgain (?:more )?experience\b|\blearning opportunit|\bcompany culture\b|"
                     r"\batmosphere\b|\bhard[- ]working\b|\bresponsible\b|\bi (?:really )?(?:love|like|enjoy) (?:this|the) "
                     r"(?:job|work|industry|field|position)\b|\bdo my best\b|\bwork hard\b"),
    "ko": re.compile(r"귀사|안정|비전|발전|성장|보람|자기계발|열정|성실|책임감|최선을 다|열심히 하|열심히 일|경험을 쌓|배우는 자세|"
                     r"분위기|의미 있|잘 맞을 것|적성에 맞"),
}
_MOTIVE_REFUSAL_OTHER = {"en": re.compile(r"\b(?:don't|do not|never) (?:really )?want\b|\bnot (?:really )?interested\b"),
                         "ko": re.compile(r"싫|원하지 않|하고 싶지 않|관심 없")}

def motivation_reasons(analysis: Analysis) -> dict:
    """Chinese, for a motivation question: {"concrete": {kind: the clause that says it}, "generic": [clauses]} —
    the distinct practical reasons the answer gives (distance, schedule, experience with its duration, a
    certificate, what they want to learn, a role they aim for, the shop itself, someone who does the job), each
    quoted from its own counted clause, and the clauses that only praise the employer or the trade. Padding,
    negated words and words read from the question are not counted. English and Korean read the same kinds
    through their own phrases (_MOTIVE_REASONS_OTHER); empty for other languages."""
    out: dict = {"concrete": {}, "generic": []}
    lang = analysis.seg.language
    if lang == "zh":
        reasons, experience, duration, generic = _MOTIVE_REASONS, _MOTIVE_EXPERIENCE, re.compile(_DURATION), _MOTIVE_GENERIC
        refusal = re.compile(r"不想|不太想|没想|不愿|不是很想")
    elif lang in _MOTIVE_REASONS_OTHER:
        reasons, experience, duration = _MOTIVE_REASONS_OTHER[lang], _MOTIVE_EXPERIENCE_OTHER[lang], _DURATION_OTHER[lang]
        generic, refusal = _MOTIVE_GENERIC_OTHER[lang], _MOTIVE_REFUSAL_OTHER[lang]
    else:
        return out
    sep = "" if lang == "zh" else " "
    excluded = set(analysis.details.get("excluded_clause_ids", []))
    for ci in range(len(analysis.seg.clauses)):
        toks = [t for t in clause_tokens(analysis, ci) if not t.copied and not t.negated]
        body = sep.join(t.text for t in toks if t.pos != "x")
        if not body or refusal.search(body):
            continue
        # a refusal is no reason to come, but the last job's burden is a reason to change (医院护工太累了)
        unwilling = refused(analysis, ci)
        kinds = [k for k, rx in reasons.items() if rx.search(body) and (k == "change" or not unwilling)
                 # where they live and when they can work are life facts the content features leave out as
                 # padding (我家就住在附近, 孩子上小学了白天有时间); to this question they are reasons
                 and (ci not in excluded or k in _LIFE_REASONS)]
        if lang == "zh" and "change" in kinds and _someone_else_moves(toks, body):
            kinds.remove("change")
        if ci in excluded and not kinds:
            continue
        if ci not in excluded and not unwilling and experience.search(body) and duration.search(body):
            kinds.append("experience")
        shown = phrase(toks, lang)
        for k in kinds:
            out["concrete"].setdefault(k, shown)
        if not kinds and generic.search(body):
            out["generic"].append(shown)
    return out


# how the candidate arranged the work, told in their own words rather than the competency's terms (按楼层分三趟送,
# 分成两组, 先送最远的再…, 最急的先做): the reasons quote it instead of saying nothing of the arranging was said
_ARRANGE = re.compile(r"按[^，。]{1,6}(?:分|排)|分(?:成|为)?[两三四五六七八九十几0-9]+(?:趟|批|组|波|拨|轮|班|路|次|份)|"
                      r"先[^，。]{1,12}(?:再|然后|后)|最(?:急|要紧|远|近)的先|优先|轮流|排了?(?:个|一下)?(?:顺序|先后)")
ARRANGING_TERMS = ("安排", "优先级", "分批", "计划", "先后", "排序", "规划")


def arrangement_quote(analysis: Analysis) -> str | None:
    """Chinese: the first clause of the candidate's own action that says how they arranged the work, quoted."""
    if not _zh(analysis):
        return None
    for ci in range(len(analysis.seg.clauses)):
        toks = [t for t in clause_tokens(analysis, ci) if not t.copied and not t.negated]
        body = "".join(t.text for t in toks if t.pos != "x")
        if _ARRANGE.search(body) and own_action(analysis, ci) and not refused(analysis, ci):
            return phrase(toks, analysis.seg.language)
    return None
