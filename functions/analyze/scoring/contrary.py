"""Counter-evidence: behaviour the candidate tells as done that is the opposite of a competency — blaming
others (都是同事的错, 让新人背了锅), covering up (没告诉店长, 把账抹平), breaking rules (闯了两个红灯), taking what
is not theirs (小费我就自己留下了), cutting corners (直接跳过检查).

    families(name, keywords)          the contrary-behaviour families a competency belongs to
    find_phrases(seg, keep, keys, clauses, owned)  [(phrase as said, family label)] told as the candidate's
                                      own deed; adds the clauses they are in to `clauses` (their keywords are
                                      void); deeds then owned and fixed go to `owned` when it is given

Phrases are curated per family in models/scorer/contrary-zh.json (see docs/scoring.md): a competency belongs
to the families whose "names" share a word with its name or keywords, and always to "all" and to the families
marked "every" (misconduct: revenge on a customer, deceiving one, forging records, faking illness, taking money).
English answers read models/scorer/contrary-en.json, which has only such "every" families. A phrase is matched
like a keyword (normalised, on word boundaries, text.find); "A…B" is A then B in the same clause at most
GAP characters apart; "A……B" is A, then B in the same clause or one of the next CLAUSE_REACH clauses (a
deed told over two clauses: 炒饭掉在台子上了，我刮起来重新装盘; it is the speaker's when either part is). It
is not counter-evidence when negated (我没有闯红灯 — unless the phrase carries its own negator, 没告诉), said as a
supposition (要是瞒着客户, 瞒着客户的话, 瞒着签了以后也要扯皮: the speaker arguing against it, _supposed), read
back from the question, in a clause that does not count, or told of someone else
(顾客很不耐烦, 同事偷拿: the nearest person before it in its clause is not the speaker — or, when its clause names
nobody, the first person named in the clause before: 有个顾客快递丢了，第三次来电吼了五分钟; 我被骗了: passive).
A family's "attitudes" (只会添乱, 看不起) are contempt the speaker voices about others: they count when the
deed is the speaker's or when the speaker states it as their view (我觉得他们只会添乱). With the question's
anchors (Chinese, word vectors), a counted first-person clause much closer in meaning to the weak anchor than
to the strong one is counter-evidence too.

Misconduct in any wording (breaker 16, H4) is read by the deed's structure, not a listed phrase: the JSON's
"deeds" are regular expressions over word classes (find_deeds) — self-dealing (给自己 + a crediting verb + a
benefit: 给自己刷了五个好评, 给自己多记了三个小时加班; something of another's moved to one's own account: 从会员卡多扣
积分补到自己卡上), acting on the quiet (偷偷/悄悄/私自/趁她不注意 + taking, destroying or altering), destroying or
altering evidence and records (把监控删了, 把收银流水改了两笔; not a correction: 录错了…改了记录), blaming another to
save oneself (a self-protective motive before it or 其实是我 after it: 我怕被扣钱，就说是她自己弄坏的) and deceiving a
customer (忽悠她说…, 跟她说…其实根本没发货); breaker 17: a status marked done before the work (先在系统里点了已发货，
其实…), a record or count falsified to save oneself (我怕被扣钱，就把损耗改成了破损报废), money or goods taken (从找零里多留,
拿回家送礼了), a complaint's evidence removed and denied (趁他去厕所的时候把那盘菜端走倒了，回来说他看错了), the same dish
passed off as new, workers unpaid or threatened (不给加班费, 不干就别想转正); session 41: one's own error kept from the
supervisor with a motive or told hidden (没跟主管说，怕扣工资…主管后来也没发现), put right on the quiet (悄悄放回了货架，主管也
没发现), blamed on another after one's own slip (我找错了钱…跟主管说是小李找错的), goods of the workplace taken home
(从仓库拿了一箱饮料回家). They apply to every competency, in any clause (a confession is never an
aside), and are read like phrases: the speaker's (_deed_speaker), not negated, supposed, refused (这种事我从来不做)
or in someone else's speech.

A deed the speaker then owns and fixes (没按时完成…后来我每次接单都先点库存; 从那以后, 吸取教训, 我主动承认:
the JSON's "remediation", said after the deed by the speaker, not negated) is a lesson-learnt story, not
counter-evidence: find_phrases puts it in `owned` when that list is given (model.CONTRARY_OWNED_CAP) — unless
the deed is kept up after the marker (the JSON's "remediation_unless": 之后我每次拿都会及时做报损) or the marker is an
admission made once caught (被主管发现了，我主动承认了错误).
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from . import lexicon
from .text import Segmented, find, normalise_term

PATH = Path(__file__).resolve().parents[3] / "models" / "scorer" / "contrary-zh.json"
# English answers: the same shape of document (every-competency conduct families, English phrases)
PATHS = {"zh": PATH, "en": PATH.with_name("contrary-en.json"), "ko": PATH.with_name("contrary-ko.json")}
GAP = 8
GAP_BY_LANGUAGE = {"en": 24}      # characters between A and B of "A…B": English words are longer
CLAUSE_REACH = 2
_NEGATORS = ("不", "没", "别", "未", "莫")
_SELF = {"我", "我们", "咱们", "咱", "俺", "自己", "我俩", "i", "we", "me", "myself", "us"}
# a person right after these is the object, not the subject (我跟客户说…, 我让新人…)
# (also verbs whose object is the listener: 我骗客户说…, 我告诉顾客…, 我通知司机…)
_OBJECT_BEFORE = {"跟", "和", "给", "对", "向", "帮", "替", "把", "让", "叫", "同", "与", "找", "陪", "冲", "朝", "对着",
                  "骗", "哄", "告诉", "通知", "提醒", "答应", "劝", "问", "瞒着", "糊弄", "忽悠",
                  # perception before a person who does the next verb (我看他没发现就把钱揣进了兜里, 趁店长不在…)
                  "看", "看到", "看见", "见", "瞧", "趁", "趁着", "等",
                  # a place's owner after a preposition of place (我偷偷在他们汤里吐了口水: breaker 19)
                  "在", "往", "从", "到",
                  "to", "with", "for", "told", "asked", "let", "made", "gave", "helped", "tell", "ask"}
# English words that carry their own negation in a phrase (never found out, no one noticed)
_NEGATOR_WORDS_EN = {"not", "never", "no", "nobody", "without", "none"}
# a phrase carrying its own negator, itself negated: 我不是不愿意加班
_DOUBLE_NEGATORS = {"不是", "并不是", "并非", "不", "没有", "也不是"}
# a fault told as found, not done: 核对后发现确实多加了一道菜
_FOUND = {"发现", "查出", "核对出", "注意到", "found", "noticed", "discovered"}
_CROWD = {"多", "少", "很多", "不多", "太多", "特别多", "比较多"}     # after a person: a count, not an agent
_ADMIT = {"原来", "其实", "结果", "竟然", "才知道", "实际上"}     # 原来是我…: the speaker names themself the doer
_FOUND_NEGATORS = {"没", "没有", "未", "不", "都没", "也没", "并没有", "never", "not", "nobody"}
_POINT_BACK = {"他", "她", "他们", "她们", "人家"}
# a person right after a verb of fear or belief is the subject of what is feared or believed, not of the deed
# told after it (我怕他有刀就没管，把那段监控删了: the speaker deleted it)
_FEARED = {"怕", "害怕", "担心", "生怕", "怕是", "以为", "觉得", "感觉", "估计", "猜"}
_VIEW = {"觉得", "认为", "嫌", "感觉", "觉着", "看来", "想"}
_OTHERS = {"他", "她", "他们", "她们", "人家", "别人", "对方", "有人", "顾客", "客户", "客人", "同事", "老人", "家属", "店长",
           "领导", "经理", "主管", "老板", "新人", "师傅", "司机", "骑手", "病人", "患者", "学员", "孩子", "家长", "阿姨",
           "大爷", "爷爷", "奶奶", "老太太", "老爷子", "那人", "这人", "队友", "组长", "班长",
           "he", "she", "they", "him", "her", "them", "customer", "customers", "guest", "client", "colleague",
           "coworker", "co-worker", "manager", "boss", "supervisor", "someone", "somebody", "cashier", "driver"}
# reported speech: what someone else says or thinks (同事说“到点就下班”, 快递员说这不关我的事, she said "not my
# problem") is not the speaker's deed or attitude; the speaker's own (我跟他说“不关我的事”) is
_SAY = {"说", "说道", "骂", "骂道", "喊", "喊道", "大喊", "嚷", "嚷嚷", "吼", "吼道", "讲", "道", "表示", "觉得", "认为",
        "抱怨", "埋怨", "嘀咕", "嘟囔", "称", "回", "回答", "感觉",
        "said", "says", "say", "told", "tells", "shouted", "yelled", "screamed", "complained", "claimed", "thought",
        "thinks", "replied", "insisted", "snapped"}
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’"}
_SENTENCE_END = set("。！!？?；;.")
_CLAUSE_MARKS = set("，,、：:")
_PEOPLE_END = tuple("员长师姐哥姨叔客户")
# a clause this close in meaning to the weak anchor and this much closer to it than to the strong one
ANCHOR_MIN, ANCHOR_MARGIN = 0.75, 0.12


@functools.lru_cache(maxsize=None)
def _document(language: str = "zh") -> dict:
    """models/scorer/contrary-<language>.json, read once ({} when absent)."""
    path = PATHS.get(language)
    if path is None or not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _data(language: str = "zh") -> dict:
    return _document(language).get("families", {})


def families(name: str, keywords: tuple, language: str) -> tuple:
    """(family key, …) whose contrary phrases apply to the competency; () for a language without a document.
    "all" and the families marked "every" (misconduct: forging records, taking money, deceiving or taking
    revenge on a customer, faking illness) apply to every competency."""
    if language not in PATHS:
        return ()
    said = [normalise_term(w, language) for w in (name, *keywords) if w]
    out = []
    for key, fam in _data(language).items():
        names = fam.get("names") or []
        if key == "all" or fam.get("every") or any(n and any(n in w or (len(w) >= 2 and w in n) for w in said)
                                                   for n in names):
            out.append(key)
    return tuple(out)


# people named by a form of address or a role (大姐, 大妈, 姑娘, 厨师, 保安员, 老板娘): a noun of two or three characters
# ending in one of these is a person (breaker 16: 有位大姐…很不耐烦 was the speaker's impatience)
_PERSON_END = tuple("员师姐哥姨叔妈爷奶伯婶娘嫂")


# Korean people by the word's stem (저는 → 저, 손님께서 → 손님): the speaker, and others a deed may be told of
_SELF_KO = {"저", "제", "나", "내", "저희", "우리", "제가", "내가"}
_OTHERS_KO = {"손님", "고객", "고객님", "손님들", "사장", "사장님", "점장", "점장님", "매니저", "매니저님", "동료", "직원", "알바",
              "알바생", "선배", "후배", "친구", "그분", "그", "그녀", "그들", "아이", "아저씨", "아주머니", "할머니", "할아버지",
              "어머님", "아버님", "기사", "기사님", "팀장", "팀장님", "주인", "누군가", "다른"}


# a "name" jieba tags that ends in a word of place is a place (汤里/nr, 锅里/nr): not a person
_PLACE_END = tuple("里上下中边内外旁")


def _person(t) -> str | None:
    if t.base and t.base != t.text or t.text[:1] >= "\uac00" and t.text[:1] <= "\ud7a3":
        word = t.base or t.text
        return "self" if word in _SELF_KO or t.text in _SELF_KO else "other" if word in _OTHERS_KO else None
    if t.text in _SELF:
        return "self"
    if t.text in _OTHERS or t.pos in ("nr", "nrt") and len(t.text) > 1 and t.text[-1] not in _PLACE_END \
            or 2 <= len(t.text) <= 3 and t.pos[:1] == "n" and t.text.endswith(_PERSON_END) or _role_noun(t):
        return "other"
    return None


# words of people that include or are the speaker: never someone else
_NOT_OTHER = {"自己", "本人", "个人", "大家", "咱", "俺"}
PERSON_CLASS = 0.7


def _role_noun(t) -> bool:
    """A Chinese noun of two or more characters whose Cilin major class is A (people) with probability
    PERSON_CLASS or more (meaning.word_class): the roles and relations no list holds (工长, 主人, 业主, 房东, 邻居,
    包工头; breaker 28: 工长一开始嫌麻烦 was read as the speaker's own corner-cutting)."""
    if t.pos[:1] != "n" or len(t.text) < 2 or t.text in _NOT_OTHER or not "\u4e00" <= t.text[:1] <= "\u9fff":
        return False
    from . import meaning

    return meaning.word_class(t.text).get("A", 0.0) >= PERSON_CLASS


def _object(seg: Segmented, i: int, clause: int) -> bool:
    """The person at token i is an object: right after 跟/让/把…, or after 让/叫 and a count or a modifier ending
    in 的 (我让两个同事…, 我让两个新来的实习生…, I told the customer)."""
    for j in range(i - 1, max(i - 6, -1), -1):
        t = seg.tokens[j]
        if t.clause != clause:
            return False
        if t.text in _OBJECT_BEFORE:
            return True
        modifier = t.text == "的" or j + 1 < i and seg.tokens[j + 1].text == "的" and t.pos[:1] in ("v", "a", "b", "d")
        if t.pos not in ("m", "q", "mq") and not modifier and t.text not in ("the", "a", "my", "our", "this", "that"):
            return False
    return False


def _speaker(seg: Segmented, first: int) -> bool:
    """The deed at token `first` is the speaker's: the nearest person named before it in its clause is the
    speaker; when its clause names nobody, the subject carries over from the clause before (its first person
    named; 有个顾客快递丢了，第三次来电吼了…); none named at all: Chinese drops the subject."""
    clause = seg.tokens[first].clause
    if seg.language == "ko":
        return _speaker_ko(seg, first)
    if seg.tokens[first].text in _SELF and seg.language != "zh":
        return True                 # the phrase names its subject (we kept the money): the speaker's deed
    for i in range(first - 1, -1, -1):
        t = seg.tokens[i]
        if t.clause != clause:
            break
        if t.text == "被":          # 我被骗了: done to the speaker, not by them
            return False
        if t.text in _FOUND and not (t.negated or i > 0 and seg.tokens[i - 1].text in _FOUND_NEGATORS):
            return False    # 发现确实少找了五块: a fault found (and fixed), not a deed done (not 他没发现就…)
        if _person(t) and not _object(seg, i, clause):
            return _person(t) == "self"
    if 0 < clause < len(seg.clauses):
        for i in seg.clauses[clause - 1]:
            if i > 0 and seg.tokens[i - 1].text == "被":
                continue    # 被师傅说了一顿，从那以后…: the agent of a passive; its subject is the speaker, dropped
            if _person(seg.tokens[i]):
                return _person(seg.tokens[i]) == "self"
    return True


_KO_SUBJECT = ("이", "가", "께서", "은", "는", "도")
# predicates after which the subject may change (손님이 줄을 섰는데 귀찮아서…: the dropped speaker takes over). Not the
# same-subject connectives -고, -(아/어)서, -면서: 아저씨가 와서 막 소리 지르고 is the customer shouting (breaker 22)
_KO_PREDICATE_END = ("는데", "지만", "니까", "요", "다", "니다")
_KO_SAME_SUBJECT = re.compile(r"(?:[^는]고|서|면서)$")


def _speaker_ko(seg: Segmented, first: int) -> bool:
    """Korean: the deed at token `first` is the speaker's unless another person is the subject of its predicate —
    named before it, with a subject or topic particle (손님이, 동료는), and no other predicate ending between
    (손님이 줄을 섰는데 귀찮아서…: the customers queued; the speaker, dropped, was bored). Korean drops the subject
    far more than it names it, so nobody named is the speaker, and no subject carries over from the clause before
    unless that clause ends in a same-subject connective (-고, -(아/어)서, -면서: 아저씨가 들어오면서 욕하고 소리
    질렀는데 is the customer's shouting; breaker 22)."""
    clause = seg.tokens[first].clause
    for i in range(first - 1, -1, -1):
        t = seg.tokens[i]
        if t.pos == "x":
            continue
        if t.clause != clause:
            # a clause of its own ended by a same-subject connective (들어오면서, 와서, 욕하고) goes on with its subject
            if not _KO_SAME_SUBJECT.search(t.text):
                break
            clause = t.clause
        if t.text.endswith(_KO_PREDICATE_END) and _person(t) is None:
            break
        who = _person(t)
        if who == "self":
            return True
        if who == "other" and t.text.endswith(_KO_SUBJECT):
            return False
    return True


def _says_other(seg: Segmented, k: int) -> bool:
    """The speech verb at token k is someone else's (同事说, 他跟我说, 顾客冲我喊, my coworker said): the nearest
    person named before it in its clause, no object (features.clause_agent's rule; 我跟他说 is the speaker's),
    or a person noun jieba splits (快递/员说); none named: the subject of the clause before (as _speaker)."""
    from .features import person_of

    clause = seg.tokens[k].clause
    first_person = frozenset(_SELF)
    for i in range(k - 1, -1, -1):
        t = seg.tokens[i]
        if t.clause != clause:
            break
        if t.pos == "x":
            continue
        who = _person(t) or (person_of(t, first_person, (seg.tokens, i)) if seg.language == "zh" else None)
        if who is None and seg.language == "zh" and i == k - 1 and i > 0 and t.text.endswith(_PEOPLE_END) \
                and len(t.text) == 1 and seg.tokens[i - 1].pos not in ("x", "r", "m", "mq", "q", "d", "p"):
            who = "other"
        if who and not _object(seg, i, clause):
            return who == "other"
    for i in seg.clauses[clause - 1] if 0 < clause < len(seg.clauses) else ():
        who = _person(seg.tokens[i]) or (person_of(seg.tokens[i], first_person, (seg.tokens, i))
                                          if seg.language == "zh" else None)
        if who:
            return who == "other"
    return False


def _clause_opens(seg: Segmented, ci: int) -> bool:
    """Clause ci starts something new after reported speech: a connective, a step word or a person as its
    subject (…，我就打电话给站点主管)."""
    from .features import clause_agent

    sets_ = lexicon.sets(seg.language)
    toks = [seg.tokens[i] for i in seg.clauses[ci]]
    if toks[0].text in sets_["connectives"] or toks[0].text in ("先", "再", "马上", "立刻", "赶紧", "就"):
        return True
    if seg.language == "zh":
        return clause_agent(toks, sets_["first_person"]) is not None
    return any(_person(t) for t in toks[:3])


def others_speech(seg: Segmented) -> set:
    """Indexes of the tokens that are someone else's reported speech: after their speech verb (_says_other),
    within the quotation marks that follow it (“”「」『』""), or without quotation marks to the end of its
    clause and on over the next clause of the same sentence when it opens nothing new
    (_clause_opens: 快递员说这不关我的事，明天再来拿，| 我就打电话…)."""
    out: set = set()
    toks = seg.tokens
    for k, t in enumerate(toks):
        if t.text not in _SAY or k in out or k + 1 >= len(toks) or not _says_other(seg, k):
            continue
        j = k + 1
        while j < len(toks) and toks[j].pos == "x" and toks[j].text not in _QUOTE_PAIRS \
                and toks[j].text.strip() in ("", ":", "：", ",", "，"):
            j += 1
        if j < len(toks) and toks[j].text in _QUOTE_PAIRS:
            close = _QUOTE_PAIRS[toks[j].text]
            end = next((m for m in range(j + 1, len(toks)) if toks[m].text == close), None)
            if end is None:
                end = next((m for m in range(j + 1, len(toks)) if toks[m].text in _SENTENCE_END), len(toks))
            out.update(range(j, end + 1))
            continue
        # English without quotation marks: only a clause said (said that…, told me we…), not yelled at me
        if seg.language == "en" and not _en_clause_follows(toks, k):
            continue
        # punctuated text: the speech runs over the clause breaks the scorer infers (before 我: 急单关|我什么事)
        # to the written mark, then on over one written clause; unpunctuated (speech recognised without
        # marks: 这不关我的事明天再来拿我就打电话…), only its own clause
        written = any(u.pos == "x" and u.text.strip() in _CLAUSE_MARKS | _SENTENCE_END for u in toks)
        ci, last, marks, breaks = t.clause, k, 0, 0
        for m in range(k + 1, len(toks)):
            u = toks[m]
            if u.pos == "x":
                if u.text in _SENTENCE_END:
                    break
                marks += u.text.strip() in _CLAUSE_MARKS
                continue
            if u.clause != ci:
                breaks += marks > 0
                if not written or breaks > 1 or marks and _clause_opens(seg, u.clause):
                    break
                ci, marks = u.clause, 0
            last = m
        out.update(range(k + 1, last + 1))
    return out


def _en_clause_follows(toks: list, k: int) -> bool:
    """English: a reported clause follows the speech verb at token k (said that…, said we…, told me they…)."""
    nxt = [t.text for t in toks[k + 1:k + 3] if t.pos != "x"]
    if nxt and nxt[0] in ("me", "us", "him", "her", "them") and toks[k].text in ("told", "tells"):
        nxt = nxt[1:]
    return bool(nxt) and nxt[0] in ("that", "i", "we", "he", "she", "they", "it", "you")


def without_others_speech(seg: Segmented) -> str:
    """The answer's text with others' reported speech (others_speech) left out: what the speaker says of
    themselves (the reluctance detector reads this)."""
    speech = others_speech(seg)
    if not speech:
        return seg.text
    cut = sorted((seg.tokens[i].start, seg.tokens[i].start + len(seg.tokens[i].text)) for i in speech)
    out, pos = [], 0
    for a, b in cut:
        if a > pos:
            out.append(seg.text[pos:a])
        pos = max(pos, b)
    out.append(seg.text[pos:])
    return "".join(out)


def _speaker_view(seg: Segmented, first: int) -> bool:
    """The speaker states the attitude at token `first` as their own view: 我觉得他们只会添乱, 我嫌他们慢."""
    clause = seg.tokens[first].clause
    toks = [seg.tokens[i] for i in range(first) if seg.tokens[i].clause == clause]
    return any(t.text in _VIEW and any(u.text in _SELF for u in toks[:k]) for k, t in enumerate(toks))


@functools.lru_cache(maxsize=None)
def _parts(phrase: str) -> tuple:
    """The pieces of a phrase written with gaps (A…B), in order."""
    return tuple(p for p in phrase.split("…") if p)


def _hits(seg: Segmented, phrase: str):
    """Token spans (first, last, negated, copied, said) where the phrase occurs."""
    if "……" in phrase:
        head, tail = phrase.split("……", 1)
        if not (head.replace("…", "") and tail.replace("…", "")):
            return
        tails = list(_hits(seg, tail))
        for h in _hits(seg, head):
            hc = seg.tokens[h[0]].clause
            for t in tails:
                if t[0] > h[1] and 0 <= seg.tokens[t[0]].clause - hc <= CLAUSE_REACH:
                    yield h[0], t[1], h[2] or t[2], h[3] and t[3], h[4] + "…" + t[4]
                    break
        return
    parts = _parts(phrase)
    if not parts or not all(p in seg.text for p in parts):   # cheap test first: most phrases are not in the answer
        return
    sep = " " if seg.language in ("en", "ko") else ""
    said = lambda a, b: sep.join(t.text for t in seg.tokens[a:b + 1] if t.pos != "x" or not sep)
    if len(parts) == 1:
        for h in find(seg, parts[0]):
            yield h.first, h.last, h.negated, h.copied, said(h.first, h.last)
        return
    heads, tails = find(seg, parts[0]), find(seg, parts[-1])
    for h in heads:
        for t in tails:
            if t.first > h.last and _one_clause(seg, h.last, t.first) and \
                    seg.tokens[t.first].start - (seg.tokens[h.last].start + len(seg.tokens[h.last].text)) \
                    <= GAP_BY_LANGUAGE.get(seg.language, GAP):
                yield h.first, t.last, h.negated or t.negated, h.copied and t.copied, said(h.first, t.last)
                break


# a deed said as a supposition, not as done: a condition before it in its clause (要是瞒着客户, 万一漏报了), 的话 after
# it in its clause (瞒着客户的话), or a consequence it would bring right after it (瞒着签了以后也要扯皮: a time to come
# and a modal within CONSEQUENCE_REACH tokens) — the speaker arguing against the deed, not confessing it
_CONDITIONS = {"如果", "要是", "假如", "假设", "万一", "一旦", "倘若", "若是", "若", "要不然", "不然", "否则", "如若", "if"}
_SUPPOSED_END = {"的话"}
_TIME_TO_COME = {"以后", "之后", "到时候", "将来", "迟早", "早晚", "回头", "后面", "later", "eventually"}
_MODALS = {"会", "要", "得", "也要", "也会", "就会", "还会", "还要", "还得", "肯定", "一定", "总会", "will", "would"}
CONSEQUENCE_REACH = 3


def _supposed(seg: Segmented, first: int, last: int) -> bool:
    """The phrase at tokens first..last is said as a supposition (see _CONDITIONS), not as a deed; its clause is
    read between punctuation marks."""
    toks = seg.tokens
    stop = _SENTENCE_END | _CLAUSE_MARKS
    start = first
    while start > 0 and toks[start - 1].text not in stop:
        start -= 1
    end = last
    while end + 1 < len(toks) and toks[end + 1].text not in stop:
        end += 1
    if any(toks[i].text in _CONDITIONS for i in range(start, first)):
        return True
    after = list(range(last + 1, end + 1))
    if any(toks[i].text in _SUPPOSED_END for i in after):
        return True
    for k, i in enumerate(after):
        if toks[i].text in _TIME_TO_COME and any(toks[j].text in _MODALS
                                                 for j in after[k + 1:k + 1 + CONSEQUENCE_REACH]):
            return True
    return False


def _one_clause(seg: Segmented, a: int, b: int) -> bool:
    """Tokens a < b are in one clause, or in clauses the scorer cut without a written mark between them
    (recognised speech: 把钱揣进了 | 自己兜里)."""
    ca, cb = seg.tokens[a].clause, seg.tokens[b].clause
    return ca == cb or cb == ca + 1 and not any(t.pos == "x" and t.text.strip() for t in seg.tokens[a + 1:b])


def _tail_first(seg: Segmented, phrase: str, first: int, last: int) -> int:
    """The first token of the B part of an A……B hit spanning tokens first..last."""
    tail = phrase.split("……", 1)[1]
    return min((h[0] for h in _hits(seg, tail) if first < h[0] <= last), default=first)


# an admission made only once the deed was found out (从仓库拿了一箱饮料回家，被主管发现了，我主动承认了错误: breaker 42
# g53) is no owning of it: the marker of admitting, and being caught told between the deed and it
_ADMISSION = re.compile(r"承认|认错|认了错|道歉|坦白")
_CAUGHT = re.compile(r"被[^，。！？；,.!?;]{0,6}(?:发现|看到|看见|抓|查出|查到|撞见|逮|发觉|识破)|(?:查|调|看)了?监控(?:才|后|以后)?"
                     r"发现|(?:问|追问|查)(?:起来|我)的时候|"
                     # (… or only after the footage or the boss made them: 后来查了监控才承认, 店长问我，我才拿出来 — breaker 51's g54)
                     r"(?:查|调|看)了?监控[^。！？!?]{0,8}才|问我[^。！？!?]{0,4}才|才(?:承认|认|拿出来|交出来)")


def _marker_speaker(seg: Segmented, first: int, end: int) -> bool:
    """A remediation marker (tokens first..end) is the speaker's: the first person named after it in its clause (从那以后我
    每次…: the subject follows the marker at the clause's head — breaker 50's h60 read 他们 of the clause before), else as
    _speaker reads it (主动跟组长认错: the one owned to is inside the marker)."""
    clause = seg.tokens[first].clause
    for t in seg.tokens[end + 1:]:
        if t.clause != clause:
            break
        if _person(t):
            return _person(t) == "self"
    return _speaker(seg, first)


# a lapse (not a deed done on purpose: 少找了, 迟到了, 送错了) and, told after it, what was owed given back or the lapse
# apologised for (我马上追出去还给了她，跟她道了歉 — breaker 50's h59 and h36 were capped at 35 on a mistake question)
_LAPSE_DEED = re.compile(r"^(少找|多找|找错|算错|迟到|送错|拿错|发错|漏)")
_MADE_RIGHT = re.compile(r"还给|退给|退还|补给|补上|赔了|赔给|赔偿|道了?歉|赔礼")
MADE_RIGHT_REACH = 80     # characters after the lapse's clause: its story's next few sentences


def _remedied(seg: Segmented, last: int, said: str = "") -> bool:
    """After the deed ending at token `last`, the speaker tells owning or fixing it (the JSON's
    "remediation": 后来我每次…, 从那以后, 吸取教训, 主动承认), in a later clause and not negated unless the
    marker carries its own negator (再也没, 没再…过), and not followed in its sentence by the deed kept up
    (_kept_up: 之后我每次拿都会及时做报损); an admission (主动承认, 跟主管认了错) told after being caught (被主管发现了,
    _CAUGHT between the deed and it) is forced, not owned. A lapse (_LAPSE_DEED: 少找, 迟到…, not 故意/偷偷) is owned also by
    what was owed given back or the lapse apologised for right after it (_MADE_RIGHT within MADE_RIGHT_REACH), unless caught."""
    ci = seg.tokens[last].clause
    kept_up = _kept_up(seg.language)
    deed_end = seg.tokens[last].start + len(seg.tokens[last].text)
    if seg.language == "zh" and _LAPSE_DEED.match(said) and not re.search(r"故意|偷偷|自己留|装进|揣", said):
        later = seg.clauses[ci + 1][0] if ci + 1 < len(seg.clauses) and seg.clauses[ci + 1] else None
        if later is not None:       # (within the next few clauses: the same story's remedy, not a later one's)
            m = _MADE_RIGHT.search(seg.text, seg.tokens[later].start, seg.tokens[later].start + MADE_RIGHT_REACH)
            if m and not _CAUGHT.search(seg.text, deed_end, m.start()) and not (
                    kept_up is not None and kept_up.search(seg.text, deed_end)):
                return True
    for marker in _remediation(seg.language):
        own_negator = _own_negator(marker, seg.language)
        for first, end, negated, copied, _ in _hits(seg, marker):
            if first > last and seg.tokens[first].clause > ci and not copied \
                    and (own_negator or not negated) and _marker_speaker(seg, first, end):
                if seg.language == "zh" and _ADMISSION.search(marker) \
                        and _CAUGHT.search(seg.text, deed_end, seg.tokens[first].start):
                    continue
                # 之后我每次拿都会及时做报损: the deed kept up and covered, not a lesson (breaker 17)
                start = seg.tokens[first].start
                end = min([i for i in (seg.text.find(ch, start) for ch in _SENTENCE_MARKS) if i >= 0]
                          or [len(seg.text)])
                if kept_up is not None and kept_up.search(seg.text, start, end):
                    continue
                return True
    return False


@functools.lru_cache(maxsize=None)
def _remediation(language: str = "zh") -> tuple:
    return tuple(_norm_phrase(m, language) for m in _document(language).get("remediation", []))


@functools.lru_cache(maxsize=None)
def _kept_up(language: str = "zh"):
    """The JSON's "remediation_unless" as one pattern: said after a remediation marker in its sentence, the deed
    is kept up (之后我每次拿都会及时做报损, 后来都这么处理, 也没人发现), not owned and fixed."""
    pats = _document(language).get("remediation_unless") or []
    return re.compile("|".join("(?:%s)" % p for p in pats)) if pats else None


@functools.lru_cache(maxsize=None)
def _own_negator(phrase: str, language: str) -> bool:
    """The phrase carries its own negator (没告诉, never found out): said negated, it still counts."""
    if language == "en":
        return any(w in _NEGATOR_WORDS_EN or w.endswith("n't") for w in phrase.replace("…", " ").split())
    return any(c in phrase for c in _NEGATORS)


def _deed_clauses(seg: Segmented, ci: int) -> set:
    """The clauses a deed in clause `ci` is about: its own, and the one before when it points back to people
    named there (同事想来帮忙，我说不用他们帮) and the speaker is not in it."""
    out = {ci}
    if ci > 0 and any(seg.tokens[i].text in _POINT_BACK for i in seg.clauses[ci]) \
            and not any(seg.tokens[i].text in _SELF for i in seg.clauses[ci - 1]):
        out.add(ci - 1)
    return out


@functools.lru_cache(maxsize=None)
def _norm_phrase(phrase: str, language: str) -> str:
    return "……".join("…".join(normalise_term(p, language) for p in side.split("…") if p)
                     for side in phrase.split("……"))


@functools.lru_cache(maxsize=None)
def _listed(language: str, key: str) -> tuple:
    """((normalised phrase, is an attitude, carries its own negator, its pieces), …) of a family's phrases: built once,
    and the pieces let an answer skip a phrase none of whose parts it contains without reading it further."""
    fam = _data(language).get(key) or {}
    out = []
    for phrase, attitude in [(p, False) for p in fam.get("phrases", [])] + [(p, True) for p in fam.get("attitudes", [])]:
        norm = _norm_phrase(phrase, language)
        out.append((norm, attitude, _own_negator(norm, language), tuple(p for p in norm.split("…") if p)))
    return tuple(out)


def _attributive(seg: Segmented, last: int) -> bool:
    """Chinese: the phrase ending at token `last` qualifies a noun after 的 (遇到不配合的狗狗, 不守规矩的顾客: breaker 26 —
    the question's own dog read as the candidate's conduct): it describes someone the speaker meets, not a deed of theirs
    (not 不配合的时候, 不配合的话: when or if it happens)."""
    if seg.language != "zh" or last + 2 >= len(seg.tokens):
        return False
    after, head = seg.tokens[last + 1], seg.tokens[last + 2]
    return after.text == "的" and head.pos[:1] == "n" and head.text not in ("时候", "话", "事", "事情", "情况", "地方")


# a thing taken to keep it safe for its owner (先放进我的口袋里，怕别人拿走…马上拿出来给他: breaker 37 h35, capped at 35
# as professional misconduct): the motive, or the thing handed back, said in the deed's sentence or the next two
_SAFEKEEPING = re.compile(r"怕(?:别人|被人|有人|人家)?(?:拿走|拿错|偷|偷走|顺走|丢|弄丢|丢了|掉了|弄坏)|替(?:他|她|顾客|客人|客户)"
                          r"(?:保管|收着|收好)|帮(?:他|她|顾客|客人|客户)(?:保管|收着|收好)|(?:拿出来|还给|交还|物归原主)"
                          r"(?:给)?(?:他|她|顾客|客人|客户|失主)")


def _kept_safe(seg: Segmented, first: int, last: int) -> bool:
    """Whether a taking deed (放进…口袋, 收起来) is told as keeping the thing safe for its owner: _SAFEKEEPING in the text
    from the deed to the end of the second sentence after it (the rest of an unpunctuated transcript), and no motive to
    hide (瞒, 偷偷, 趁…, 没人发现), denial (说没看见) or return only when caught (才拿出来) in it."""
    start = seg.tokens[first].start
    rest = seg.text[start:]
    cut = [m.end() for m in re.finditer(r"[。！？!?]", rest)]
    span = rest[:cut[2]] if len(cut) > 2 else rest
    return bool(_SAFEKEEPING.search(span)) and \
        not re.search(r"瞒|偷偷|悄悄|趁|没人发现|不会被发现|据为己有|说没(看见|看到|见过)|才(拿出来|还给|交出)", span)


def find_phrases(seg: Segmented, keep: list, keys: tuple, clauses: set | None = None,
                 owned: list | None = None) -> list[tuple[str, str]]:
    """[(phrase as said, family label)] of the families' phrases told as the speaker's own deed (attitudes
    also when stated as the speaker's view); the clauses they are in are added to `clauses`. With `owned`
    given, deeds the speaker then owns and fixes (_remedied) go there instead of the result."""
    out, seen = [], set()
    data = _data(seg.language)
    speech = others_speech(seg)
    text = seg.text
    for key in keys:
        fam = data.get(key) or {}
        for norm, attitude, own_negator, pieces in _listed(seg.language, key):
            if not all(p in text for p in pieces):
                continue    # a phrase is found only where each of its pieces is (_hits, text.find)
            for first, last, negated, copied, said in _hits(seg, norm):
                ci = seg.tokens[first].clause
                # a deed told over clauses (A……B) counts when either part is in a counted clause and told by
                # the speaker: the victim may be named at A (同事累晕了……我让他接着干), the speaker at B
                parts = (first,) if "……" not in norm else (first, _tail_first(seg, norm, first, last))
                parts = tuple(p for p in parts if p not in speech)    # someone else's words: not a deed
                if copied or not parts or not any(0 <= seg.tokens[p].clause < len(keep) and keep[seg.tokens[p].clause]
                                     for p in parts) or (negated and not own_negator):
                    continue
                if own_negator and first > 0 and seg.tokens[first - 1].clause == ci \
                        and seg.tokens[first - 1].text in _DOUBLE_NEGATORS:
                    continue
                if _supposed(seg, first, last) or _attributive(seg, last) or _kept_safe(seg, first, last):
                    continue
                # one deed matched by two phrases (直接跳过, 跳过检查) is one piece of evidence
                if not (any(_speaker(seg, p) for p in parts) or (attitude and _speaker_view(seg, first))) \
                        or seen & set(range(first, last + 1)):
                    continue
                seen.update(range(first, last + 1))
                if clauses is not None:
                    for c in range(ci, seg.tokens[last].clause + 1):
                        clauses.update(_deed_clauses(seg, c))
                if owned is not None and _remedied(seg, last, said):
                    owned.append((said, fam.get("label", key)))
                else:
                    out.append((said, fam.get("label", key)))
                break
    if "all" in keys:     # misconduct in any wording applies to every competency, like the family "all"
        for first, last, said, label in find_deeds(seg, speech):
            if seen & set(range(first, last + 1)):
                continue
            seen.update(range(first, last + 1))
            if clauses is not None:
                for c in range(seg.tokens[first].clause, seg.tokens[last].clause + 1):
                    clauses.update(_deed_clauses(seg, c))
            (owned if owned is not None and _remedied(seg, last) else out).append((said, label))
    return out


# ---- misconduct read by its structure (the JSON's "deeds"): 给自己刷了五个好评, 从会员卡多扣积分补到自己卡上,
# 偷偷把监控删了, 我怕被扣钱，就说是她自己弄坏的 — the deed's shape, not a listed wording (breaker 16, H4)
_PUNCT = "，。！？；：,.!?;:、\\s“”\"'（）()"
_CLAUSE_PUNCT = "，。！？；：,.!?;:"
_SENTENCE_MARKS = "。！？!?；;"
# a deed named and refused after it: 虚报加班这种事我绝对不做, 给自己多记工时这种事我从来不干
_REFUSED = re.compile(r"^[^。！？!?]{0,6}(?:这种|这样的|这类|那种)(?:事|事情|做法)?[^。！？!?]{0,6}(?:不|没|从不|绝不|决不)")
# a negator right before the deed in its clause (我从来没有给自己…, 绝不私自…), read on the text: the deed's
# first word is not always in jieba's negation scope (没有 + 给自己 + 多记)
_NEG_BEFORE = re.compile(r"(?:不|没|没有|从没|从不|从来不|从来没|绝不|决不|别|不能|不会|不可以|不许|不准|不要|禁止|严禁|未|拒绝|不愿|不想|不肯)"
                         r"[^，。！？；：,.!?;:]{0,3}$")


@functools.lru_cache(maxsize=None)
def _deed_structures(language: str) -> tuple:
    """((compiled pattern, label, requires-before, requires-after, unless, unless-sentence, carries its own
    negator), …) of the JSON's "deeds"."""
    doc = _document(language).get("deeds") or {}
    classes = doc.get("classes") or {}
    gap = lambda n: "[^%s]{0,%s}" % (_PUNCT, n)

    def expand(template: str) -> str:
        template = re.sub(r"\{~(\d+)\}", lambda m: gap(m.group(1)), template)
        def cls(m):
            words = sorted(classes[m.group(1)], key=len, reverse=True)
            return "(?:" + "|".join(expand(w) if "{" in w or "[" in w else re.escape(w) for w in words) + ")"
        return re.sub(r"\{([A-Z_]+)\}", cls, template)
    out = []
    for st in doc.get("structures") or []:
        req = st.get("requires") or {}
        comp = lambda x: re.compile(expand(x)) if x else None
        out.append((re.compile(expand(st["pattern"])), st.get("label", "职业操守"), comp(req.get("before")),
                    comp(req.get("after")), comp(st.get("unless")), comp(st.get("unless_sentence")),
                    bool(st.get("negator")), comp(st.get("unless_after")), comp(st.get("unless_found")),
                    comp(st.get("found_but"))))
    return tuple(out)


def _token_at(seg: Segmented, offset: int) -> int | None:
    """Index of the word token covering character `offset` of seg.text (None on punctuation)."""
    for i, t in enumerate(seg.tokens):
        if t.pos != "x" and t.start <= offset < t.start + len(t.text):
            return i
    return None


def _deed_speaker(seg: Segmented, first: int) -> bool:
    """The deed starting at token `first` is the speaker's: the nearest subject named before it — in its clause,
    else back over up to CLAUSE_REACH + 1 clauses (我怕被扣钱，就说是她自己弄坏的，然后偷偷把监控删了: 她 after 说是
    and an object after 跟/让/把… are not subjects; 自己 right after a person is that person). None named:
    Chinese drops the subject, the speaker's. A person counted (顾客多的时候) is no subject; 发现是我/原来是我 names
    the speaker."""
    clause = seg.tokens[first].clause
    if _person(seg.tokens[first]) == "self":
        return True     # a deed that opens on 我 names its own speaker (我拿了五百 after 顾客把钱包落在店里了: breaker 50's g31)
    for i in range(first - 1, -1, -1):
        t = seg.tokens[i]
        if clause - t.clause > CLAUSE_REACH + 1:
            break
        if t.clause == clause and t.text == "被":
            return False
        if t.text in _FOUND and not (t.negated or i > 0 and seg.tokens[i - 1].text in _FOUND_NEGATORS):
            return False
        who = _person(t)
        nxt = seg.tokens[i + 1] if i + 1 < len(seg.tokens) else None
        # 业主来问我就说监控坏了: the person asked is the one who then answers (就/便 after them)
        pivot = nxt is not None and nxt.clause == t.clause and nxt.text in ("就", "便")
        if not who or _object(seg, i, t.clause) and not pivot:
            continue
        if nxt is not None and nxt.text in _CROWD:
            continue        # 顾客多的时候也不会乱: how many there are, not who acts
        prev = seg.tokens[i - 1] if i > 0 and seg.tokens[i - 1].clause == t.clause else None
        before = seg.tokens[i - 2] if i > 1 and seg.tokens[i - 2].clause == t.clause else None
        if who == "self" and prev is not None and prev.text == "是" and before is not None \
                and (before.text in _FOUND or before.text in _ADMIT):
            return True     # 发现是我自己拿回家送礼了: the speaker found their own deed
        if prev is not None and (prev.text in ("是", "说是", "说", "成") or t.text == "自己" and _person(prev)):
            continue
        if t.clause != clause and prev is not None and prev.text in _FEARED:
            continue        # 我怕他有刀就没管，把那段监控删了: 他 is whom the speaker feared, not who deleted it
        return who == "self"
    return True


def find_deeds(seg: Segmented, speech: set | None = None) -> list[tuple[int, int, str, str]]:
    """[(first token, last token, deed as said, label)] of the JSON's "deeds" structures told as the speaker's
    own deed — in any clause, counted or not (a confession is never an aside: 那天晚上我给自己多记了三个小时加班
    on a complaint question), but not read back from the question, not negated (a negator in jieba's scope or
    right before it), not a supposition (_supposed), not refused after it (这种事我绝对不做), not in someone
    else's reported speech, and the speaker's (_deed_speaker)."""
    structures = _deed_structures(seg.language)
    if not structures:
        return []
    speech = others_speech(seg) if speech is None else speech
    text, out, taken = seg.text, [], set()
    for pattern, label, before, after, unless, unless_sentence, own_negator, unless_after, unless_found, found_but in \
            structures:
        for m in pattern.finditer(text):
            a, b = m.span()
            first, last = _token_at(seg, a), _token_at(seg, b - 1)
            if first is None or last is None or first in taken:
                continue
            toks = seg.tokens[first:last + 1]
            ci = seg.tokens[first].clause
            if all(t.copied for t in toks if t.pos != "x") \
                    or first in speech or not own_negator and any(t.negated and not t.fault_denied for t in toks[:3]):
                continue
            c_start = max(text.rfind(ch, 0, a) for ch in _CLAUSE_PUNCT) + 1
            c_end = min([i for i in (text.find(ch, b) for ch in _CLAUSE_PUNCT) if i >= 0] or [len(text)])
            if unless is not None and unless.search(text, c_start, c_end):
                continue
            s_start = max(text.rfind(ch, 0, a) for ch in _SENTENCE_MARKS) + 1
            if unless_sentence is not None and unless_sentence.search(text, s_start, a):
                continue
            # … or after the error was found anywhere before it (确认是扫码枪重复扫了。改完以后数字就对上了: a correction;
            # breaker 25's best warehouse answer was capped at 35 as tampering)
            s_end = min([i for i in (text.find(ch, b) for ch in _SENTENCE_MARKS) if i >= 0] or [len(text)])
            if unless_found is not None and unless_found.search(text, 0, a) and not (
                    found_but is not None and found_but.search(text, s_start, s_end)):
                continue
            if _NEG_BEFORE.search(text, c_start, a) or _REFUSED.search(text[b:]) or _supposed(seg, first, last):
                continue
            if unless_after is not None and unless_after.search(text, b, s_end):
                continue        # … the deed undone or reported later in its sentence (…补上，马上写了说明报给主管)
            if (before or after) and not (before and before.search(text, s_start, a)
                                          or after and after.search(text, b, s_end)):
                continue
            if not _deed_speaker(seg, first):
                continue
            taken.add(first)
            said = text[seg.tokens[first].start:seg.tokens[last].start + len(seg.tokens[last].text)]
            out.append((first, last, said, label))
    return out


def find_by_meaning(sem: dict | None, seg: Segmented, keep: list, anchors: dict) -> list[str]:
    """Counted clauses of the speaker's own that read like the weak anchor, not the strong one (word vectors)."""
    from . import meaning

    if seg.language != "zh" or not anchors.get("weak") or not meaning.available():
        return []
    from .features import _topic_text_words

    weak = meaning.text_vector(_topic_text_words((anchors["weak"],), seg.language))
    strong_text = anchors.get("strong") or anchors.get("adequate")
    strong = meaning.text_vector(_topic_text_words((strong_text,), seg.language)) if strong_text else None
    if weak is None:
        return []
    out, speech = [], others_speech(seg)
    for ci, idx in enumerate(seg.clauses):
        if not (ci < len(keep) and keep[ci]) or sem is None or ci >= len(sem["vectors"]) or set(idx) <= speech:
            continue
        toks = [seg.tokens[i] for i in idx]
        if not any(t.text in _SELF for t in toks) or any(t.negated or t.copied for t in toks):
            continue
        vec = sem["vectors"][ci]
        sw = meaning.similarity(vec, weak)
        ss = meaning.similarity(vec, strong) if strong is not None else 0.0
        if vec is not None and sw >= ANCHOR_MIN and sw - ss >= ANCHOR_MARGIN:
            out.append("".join(t.text for t in toks))
    return out


# the families whose deeds are misconduct whoever the scorer reads as their doer: HR's reasons never quote them as
# something the candidate did well (breaker 15, M4: 说了自己具体做了什么：“把钱揣进了自己兜里”)
_MISCONDUCT = ("all", "integrity")


@functools.lru_cache(maxsize=None)
def _misconduct_pattern(language: str):
    phrases = []
    for key, fam in _data(language).items():
        if key in _MISCONDUCT or fam.get("every"):
            # 照样卖 alone is misconduct only after a fault told before it (过期……照样): the detector weighs that
            phrases += [p for p in fam.get("phrases") or [] if "…" in p or "照样" not in p]
    if not phrases:
        return None

    def side(p: str) -> str:
        gap = ".{0,%d}" % GAP_BY_LANGUAGE.get(language, GAP)
        return gap.join(re.escape(normalise_term(w, language)) for w in p.split("…") if w)
    alts = [".{0,30}".join(side(s) for s in p.split("……") if s.replace("…", "")) for p in phrases]
    # … and the deeds read by their structure (find_deeds) that need no context to be misconduct
    alts += [st[0].pattern for st in _deed_structures(language) if st[2] is None and st[3] is None]
    return re.compile("|".join(a for a in alts if a), re.IGNORECASE)


def _bare(text: str, language: str) -> str:
    """The text normalised, without punctuation and spaces (a reason's quote drops them)."""
    import unicodedata

    return "".join(c for c in normalise_term(text or "", language)
                   if not unicodedata.category(c).startswith(("P", "Z")))


_ASPECT = re.compile(r"[了过着]")


def _asked_of_candidate(core: str, question: str) -> bool:
    """Whether a Chinese question names `core` as an incident to tell (（迟到、地址错、餐洒了）), not as what describes
    someone else (给一只特别不配合、有攻击性的狗洗澡: the dog's, with 的 after it in its clause; 顾客不配合: the customer's)."""
    for m in re.finditer(re.escape(core), question):
        clause_start = max(question.rfind(ch, 0, m.start()) for ch in "，。？！；（）(),?!;") + 1
        ends = [i for i in (question.find(ch, m.end()) for ch in "，。？！；（）(),?!;") if i >= 0]
        clause_end = min(ends) if ends else len(question)
        before, after = question[clause_start:m.start()], question[m.end():clause_end]
        if "的" in after or re.search(r"顾客|客人|客户|对方|狗|猫|宠物|老人|孩子|学员|同事|他|她|它", before):
            continue
        return True
    return False


def asked_about(said: str, question: str, language: str) -> bool:
    """Whether the question names the lapse an answer tells (迟到了 on a question listing 迟到 among the incidents to
    tell; "late" on one asking about being late): the lapse's words, aspect particles aside, found in the question's
    normalised text. A phrase of two parts (瞒着…老板) is asked only when each part is."""
    if not said or not question:
        return False
    if language == "zh":
        core = [_ASPECT.sub("", part) for part in re.split(r"…+|\s+", said) if part]
        return bool(core) and all(len(c) >= 2 and _asked_of_candidate(c, question) for c in core)
    if language == "ko":
        core = [part for part in re.split(r"…+|\s+", said) if part]
        return bool(core) and all(len(c) >= 2 and c in question for c in core)
    words = re.findall(r"[a-z']+", said.lower())
    return bool(words) and all(w in question.lower().split() for w in words)


def tells_contrary(analysis) -> bool:
    """Whether the answer tells conduct contrary to any of its competencies in the detector's own reading (each
    competency's details["contrary"], read anywhere in the answer), not the anchors' weak example: then nothing in
    that story is praised — in HR's reasons (answer.py) or in the candidate's feedback (explain.feedback)."""
    return any(c[1] != "较弱回答示例" for _, _, d in analysis.competencies for c in (d.get("contrary") or []))


def misconduct_said(text: str, language: str) -> bool:
    """Whether a piece of text tells misconduct in the curated phrases of the misconduct families (taking money,
    deceiving or taking revenge on a customer, forging, faking illness, covering up), read as plain text:
    negation and the doer are not weighed — such words are never praise."""
    pattern = _misconduct_pattern(language)
    return bool(pattern and text and pattern.search(_bare(text, language)))


def quotes_misconduct(quote: str, answer: str, language: str) -> bool:
    """Whether a quote from the answer (a reason's “…”) overlaps misconduct the answer tells (misconduct_said):
    自己兜里下班后拿去买了烟 out of 就把钱揣进了自己兜里，下班后拿去买了烟 — not 马上告诉了店长 after it."""
    pattern = _misconduct_pattern(language)
    q, text = _bare(quote, language).replace("…", ""), _bare(answer, language)
    if not pattern or not q:
        return False
    spans = [m.span() for m in pattern.finditer(text)]
    start = text.find(q)
    while start >= 0:
        if any(a < start + len(q) and start < b for a, b in spans):
            return True
        start = text.find(q, start + 1)
    return False
