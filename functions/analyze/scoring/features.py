"""Content features of one answer, each a number in 0..1 that one Chinese sentence explains to HR.

Answer-level (shared by every competency of the answer):
  concreteness       numbers and quantities (incl. 三百箱, 十点半), times, places, named things — distinct
                     items, saturating: 1 − exp(−n/3); not numerals in set phrases (十分, 一百分, 三心二意:
                     numeral_idiom) nor everyday English words (ok, so, nice: latin_name)
  specific_actions   clauses where the candidate (我/我们…) does something with specific content (a
                     concrete item or a word that is neither generic nor taken from the question or the
                     competency lists): 1 − exp(−n/2.5)
  outcome            a result stated after the actions: 1 with a concrete item, 0.75 with specific content
                     said as done (…了), 0.5 when only generic (结果很好, 大家都很满意), 0 when none
  story_order        situation → action → result, in that order, each with specific content: parts/3
  relevance          clauses that touch the question's topic (its own words or the competencies' terms):
                     min(1, n/2); spans read back from the question count for nothing
  specificity        distinct specific content words: 1 − exp(−n/8) — length counts only through this
  generalities       share of content clauses that state a view, habit or intention (我觉得…, 一定要…,
                     平时都会…) rather than something that happened — lowers the score
  event_share        share of content clauses that say something specific happened or was done (a
                     concrete item or a specific first-person action, not a general view)
  reluctance         refusing or unwilling phrases (没办法, 无所谓, 先干着, 拖着…) the candidate says of
                     themselves (我忘了, not 同事忘了: clause_agent): 1 − exp(−n/1) — lowers the score
  topic_similarity   Chinese: mean cosine of the counted clauses' mean word vectors (meaning.py) with the
                     question's topic words (topic_words), 0.1 → 0, 0.6 → 1; 0.5 for en/ko
  wording            how the answer is worded: the rating (1–5) of a ridge on the character 1–3-grams of the
                     counted clauses' text (a closing question: the job questions asked, wording_text),
                     punctuation and spaces removed (wording.py), as (rating − 1)/4; 0.5 when no wording
                     model is installed

Competency-level (only that competency's terms):
  evidence           distinct non-negated terms said: HR's keywords, HR's and the curated synonyms and
                     behaviour phrases (models/lexicons/competencies.<lang>.json): 1 − exp(−n/2)
  evidence_specific  those of them said in a clause with specific or concrete content (or next to one):
                     1 − exp(−n/1.5)
  negative_evidence  terms said under negation (不/没有/很少…) or inside a deed contrary to the competency
                     (contrary.py): 1 − exp(−n/1.5) — lowers the score. Denying a fault is not negation
                     (一单都没超时, 我没有推给同事: text._denied_fault): the fault term (超时) counts as
                     evidence, the other terms in its scope (同事) count neither way
  anchor_match       similarity to the competency's strong anchor minus its weak one, 0..1 (0.5 when the
                     question has no anchors)
  evidence_relative  this competency's evidence_specific against the mean of the answer's competencies:
                     0.5 + (own − mean)/2 — which of the competencies the answer shows best

A mention inside a span copied from the question, or negated, is never evidence; nor is a mention that tells
the story's circumstances rather than the candidate's conduct (circumstance_sense: 客户取消了合作, 合作关系, 没有沟通渠道,
同事不配合 — neither evidence nor counter-evidence). When no clause touches the
question's topic, the answer-level content features are scaled by OFF_TOPIC_FACTOR; when clauses touch only
everyday work words, never the question's own words or the competencies' terms, by WORK_ONLY_FACTOR.

Every feature reads only the counted clauses (counted_clauses): nonsense (junk_tokens), clauses that mostly
read the question back, clauses that only list HR's terms (term_list_clauses), an unrelated stretch at the start or end (padding), and in Chinese a run of clauses
that read as an aside by meaning (semantic_padding) count for nothing. HR's Chinese keywords also match
through their Cilin synonyms (cilin_synonyms). A number
is concrete only when its clause or a neighbour names something specific (not 沟通了5次, 安排了3个人).
"""
from __future__ import annotations

import functools
import math
import unicodedata
import re
from collections import Counter
from dataclasses import dataclass, field

from . import contrary, focus, lexicon, time_saved, wording
from .text import Hit, Segmented, Token, affirmed, find, normalise, normalise_term, segment_words

ANSWER_FEATURES = ["concreteness", "specific_actions", "outcome", "story_order", "relevance", "specificity",
                   "generalities", "event_share", "reluctance", "topic_similarity", "wording"]
OFF_TOPIC_FACTOR = 0.25
TOPICAL_FEATURES = ("concreteness", "specific_actions", "outcome", "story_order", "specificity", "event_share")
WORK_TALK_P = 0.45          # the off-topic detector's reading below which an answer is about work (session 25: 0.3;
                            # session 29: 0.45, with the detector trained on family work — 我家两亩草莓… read 0.40)
WORK_ONLY_FACTOR = 0.75     # on topic only through everyday work words, never through the question's own
COMPETENCY_FEATURES = ["evidence", "evidence_specific", "negative_evidence", "anchor_match", "evidence_relative"]
FEATURES = ANSWER_FEATURES + COMPETENCY_FEATURES

# Chinese: tags of words that carry content, of function words, and numerals that are idioms.
_CONTENT_POS = ("n", "v", "a", "m", "q", "t", "s", "eng", "i", "l", "j", "b", "z", "vn", "an", "nz", "nr",
                "ns", "nt", "f")
_FUNCTION_POS = {"r", "p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "y", "e", "o"}
_NUM_IDIOMS = {"一下", "一些", "一起", "一直", "一定", "一般", "一点", "一样", "一切", "一边", "一旦", "一向",
               "一会儿", "一再", "一番", "一方面", "一下子", "单一", "统一", "唯一", "很少", "不少", "多少",
               "一个", "一次", "几乎", "一点儿", "一口气", "第一", "一种", "一遍", "某些", "有些", "好多",
               "许多", "一会", "万一", "一定要", "一是", "二是", "一心", "一时", "一面"}
# remembering (breaker 42's g45: 然后想起那天是我生日 was the candidate's step and its result): no deed, and 那天 after it
# no result marker (想到 too, which is often how a fix was found: a deed of thought, not a weak verb)
_SCENE_DAYS = frozenset({"那天", "当天"})
# the trouble happening (车坏了, 手机丢了, 汤洒了, 路上堵了): the scene's, never a result by its day
_TROUBLE_TOLD = re.compile(r"(坏|丢|洒|堵|破|爆|断|漏|没电|抛锚|下雨|下雪)(了|掉了)")
_REMEMBERED = frozenset({"想起", "想起来", "记起", "记起来", "记得", "回想", "回想起", "回忆", "回忆起", "想到"})
_WEAK_VERBS = {"是", "有", "觉得", "认为", "喜欢", "希望", "想", "会", "能", "可以", "要", "应该", "知道",
               "相信", "感觉", "愿意", "叫", "在", "像", "当", "算", "属于", "需要", "能够", "成为",
               "位于"} | (_REMEMBERED - {"想到"})    # (在我们酒店位于…的大堂: where, no deed — breaker 45's g33)
# times that place nothing: 当时 (then), 平时 (usually)…
_VAGUE_TIME = {"当时", "那时", "那时候", "平时", "现在", "以前", "之前", "之后", "以后", "后来", "最后", "最近",
               "有时候", "有时", "时候", "目前", "当下", "刚才", "一时", "同时", "随时", "及时", "按时", "准时",
               "下来", "以来", "将来", "未来", "过去", "当初", "今后", "从前", "早期", "后期", "每天", "平常",
               "今天", "日常", "当今", "如今", "最终", "一直", "往往", "总是"}
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺毛郝龚邵万钱严覃武"
                "戴莫孔向汤")
# habitual, hypothetical and opinion markers: a clause with one states a general view, not an event
_GENERAL = {"觉得", "认为", "相信", "应该", "一定", "一定要", "必须", "总是", "一直", "经常", "平时", "一般", "通常",
            "每次", "往往", "始终", "从来", "常常", "向来", "重要", "最重要", "关键", "需要", "希望", "尽量",
            "我会", "都会", "要", "能够", "可以", "保证", "确保", "态度", "原则", "理念", "认真", "负责任"}
_ONE_MEASURE = re.compile(r"^(第)?一[个位件笔把串种样点些下次回遍条张份项名家台]$")
_NOT_PLACES = {"东西", "南北", "左右", "上下", "前后", "内外", "中外", "东南西北"}
_NOT_NAMES = {"谢谢您", "谢谢你", "上进心", "责任心", "同理心", "平常心"}
_FEW_TIMES = {"天"}
# nouns that rate performance: with a number they make a claim (满意度100%, 效率提高了30%), they name nothing
_CLAIM_NOUNS = {"满意度", "效率", "业绩", "绩效", "好评", "口碑", "效益", "产能", "质量", "认可度", "满意"}


def claim_noun(tok: Token) -> bool:
    return tok.text in _CLAIM_NOUNS or (len(tok.text) >= 2 and tok.text.endswith(("率", "满意度", "认可度")))


def claimed_rate(words: list, k: int, text: str) -> bool:
    """words[k] is a percentage (or 百分之…) put on a claim noun a few words before it in its clause:
    客户满意度100%, 效率提高了30% — a claim, not a concrete detail."""
    t = words[k]
    end = t.start + len(t.text)
    rate = t.text.endswith("%") or text[end:end + 1] == "%" or (k > 0 and words[k - 1].text.startswith("百分")) \
        or t.text.startswith("百分")
    return rate and any(claim_noun(u) and u.clause == t.clause for u in words[max(0, k - 5):k])
# nouns that only count or point (3个人, 5次, 两个小时): a number next to them alone is not a specific item
_HOLLOW = {"个人", "人", "人员", "次", "次数", "小时", "分钟", "天", "遍", "回", "件", "个", "项", "种", "东西", "事",
           "事儿", "事情", "地方", "时间", "办法", "方法", "部分", "计划", "流程", "一下", "多次", "几次", "百分之",
           "百分百", "百分之百", "比例", "数量", "数字", "倍", "成", "点", "下", "内", "里", "外", "前", "后", "上",
           "中", "左右", "以内", "之内", "以上", "以下", "多", "率", "完成率"}
# off-topic stretches: a run of clauses that touch neither the question nor work is another story (padding)
# and counts for nothing when it is this long — at the start or the end of the answer, or inside it
OFF_TOPIC_RUN = {"edge": 3, "inner": 8}
# by meaning (Chinese, semantic_padding): how likely each clause of a run is an aside, and how long the run is
SEMANTIC_OFF = {"mean": 0.6, "each": 0.4, "edge": 2, "inner": 3, "goes_on": 3}
MIN_REST_CLAUSES = 4   # … and only next to an answer of its own (else the lexical topic test is too weak)
# … or, after a thinner answer (a weak line: 有一次订单比较急，我就尽力去做了), a story of its own this long (thin_padding):
# a long vivid story about something else must not lend a one-line answer its concreteness (breaker8 finding 1)
THIN_REST_RUN, THIN_ASIDE = 4, 0.3
# a story the speaker turns to (对了，说到这个… — digression_tail) that reads as an aside: its least length in
# clauses, its least mean aside probability and its least gap above the answer's own
DIGRESSION = {"clauses": 2, "aside": 0.35, "gap": 0.05}
# people and places every workplace has: a number on them (协调了3个同事, 检查了20个地方) counts nothing specific
_GENERIC_THINGS = {"同事", "工人", "家人", "客户", "顾客", "会员", "人", "员工", "师傅", "大家", "领导", "经理",
                   "地方", "问题", "方面", "环节", "步骤", "方案", "措施", "知识", "经验", "规范", "标准", "流程",
                   "效率", "质量", "满意度", "好评", "次数", "时间", "工作", "任务", "事情", "细节", "部位", "项目"}
# counters that count occasions, steps or time, not things: 沟通了5次, 分成4步, 学习了10个小时
_HOLLOW_COUNTERS = {"", "次", "遍", "回", "圈", "个", "项", "条", "步", "名", "位", "种", "趟", "下", "小时", "个小时",
                    "天", "分钟", "轮", "套", "处", "人", "个人"}


def _counter(number: str) -> str:
    """The counter written inside a number token (二十次 → 次, 3个 → 个), "" when none."""
    m = re.match(r"^[第]?[0-9零〇一二两三四五六七八九十百千万亿半几多余.]+(.*)$", number)
    return m.group(1) if m else number


# counters of a span of time (加班2小时, 干了10年) and of a share (提高了50%, 翻了两倍): _HOLLOW_COUNTERS has the rest
_SPAN_COUNTERS = {"小时", "个小时", "钟头", "个钟头", "分钟", "分", "秒", "秒钟", "天", "年", "个月", "月", "周", "个周",
                  "星期", "个星期"}
_SHARE_COUNTERS = {"%", "％", "倍", "成", "分之"}


def own_facts(words: list, counted, junk: set = frozenset()) -> set[str]:
    """Chinese: the candidate's own facts in the counted clauses (`counted(token)`: also not HR's terms nor the
    question's words, 高峰 of a rush-hour question) — what a terse story is made of
    besides HR's words, however few other words it has (那次订单特别急，我安排好优先级，和三个同事分工，晚上加班到十一点，
    按时发完四百单): a time (晚上, 凌晨, 周六, 当天), a point in time (十一点, 第二天), a number of things, the counter
    naming them (四百单, 三百箱, 八桌, 五十元: counted even when HR's words are all the clause says), or how long it took
    when the number comes before its clause's verb (二十分钟上齐, 半小时换好). Not a number of occasions, steps or
    people (沟通了5次, 3个优先级, 协调了3个同事), hours spent after the verb (加班2小时, 干了10年) nor a rate (100%): the
    numbers a keyword salad is dressed up with. Returned as the items said ("四百单", "十一点", "晚上"); read by
    gates.keyword_salad through counts["own_words"] and by the keyword_list gate through counts["own_facts"]."""
    facts = set()
    for k, t in enumerate(words):
        if not counted(t) or id(t) in junk:
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        kind = concrete_kind(t, "zh", nxt)
        if kind != "number":
            if kind in ("time", "place", "name"):
                facts.add(t.text)
            continue
        inside = _counter(t.text)
        unit = inside or (nxt.text if nxt is not None and nxt.clause == t.clause and nxt.pos in ("q", "n", "x")
                          and len(nxt.text) <= 2 else "")
        if not unit or unit in _SHARE_COUNTERS or "%" in t.text or unit[-1:] in _SHARE_COUNTERS:
            continue
        before = [u for u in words[max(0, k - 8):k] if u.clause == t.clause]
        if t.text.startswith("第") and _ORDINAL.match(t.text):
            pass                                 # 第二天, 第三周: when it happened
        elif unit in _SPAN_COUNTERS:
            if any(u.pos.startswith("v") for u in before):
                continue                         # 加班了2小时, 学习了10个小时: time spent, a template's number
        elif unit in _HOLLOW_COUNTERS:
            continue                             # 沟通了5次, 3个优先级, 3个同事
        facts.add(t.text + ("" if inside else unit))
    return facts


def _sat(n: float, k: float) -> float:
    return 1.0 - math.exp(-n / k)


CILIN_MIN_SIMILARITY = 0.55  # a Cilin group member counts as a keyword's synonym only this close in meaning


@functools.lru_cache(maxsize=4096)
def cilin_synonyms(keyword: str, language: str) -> tuple:
    """Chinese: the words of the keyword's narrow Cilin groups (models/scorer/lexicon-zh.npz) whose word
    vectors are at least CILIN_MIN_SIMILARITY close to the keyword's (a Cilin group mixes senses: 协调 sits
    with 和谐), never a stop, generic or refused word. () for other languages or without the artefact."""
    from . import meaning

    if language != "zh" or not meaning.available():
        return ()
    sets = lexicon.sets(language)
    own = meaning.vector(keyword)
    if own is None:
        return ()
    out = []
    for word in meaning.synonyms(keyword):
        if word in sets["stopwords"] or word in sets["generic"] or word in sets["refused"]:
            continue
        if meaning.similarity(own, meaning.vector(word)) >= CILIN_MIN_SIMILARITY:
            out.append(word)
    return tuple(out)


@dataclass
class Competency:
    """One competency of the question with every term that counts as its evidence."""
    name: str
    weight: float
    keywords: list          # HR's keywords (as given)
    terms: dict             # normalised term → "keyword" | "synonym" | "behaviour"
    anchors: dict           # {"weak"|"adequate"|"strong": text}
    not_topic: frozenset = frozenset()   # behaviours that are evidence but no topic word (跟主管说: topic_words)
    patterns: tuple = ()    # curated behaviours said in many words (是我订错了, 从我工资里扣): regexes, no topic words

    @classmethod
    def from_question(cls, comp: dict, language: str) -> "Competency":
        curated = lexicon.curated_for(language, normalise(comp.get("name"), language)) or \
            lexicon.curated_for(language, comp.get("name") or "")
        terms: dict[str, str] = {}
        for kw in comp.get("keywords") or []:
            n = normalise_term(kw, language)
            if n:
                terms.setdefault(n, "keyword")
                for v in lexicon.variants(language, n):
                    terms.setdefault(normalise_term(v, language), "synonym")
                for v in cilin_synonyms(n, language):
                    terms.setdefault(v, "synonym")
        quiet = set()
        for kind, extra in (("synonym", comp.get("synonyms") or []), ("synonym", curated.get("synonyms", [])),
                            ("behaviour", comp.get("behaviours") or []),
                            ("behaviour", curated.get("behaviours", [])),
                            ("quiet", curated.get("behaviours_not_topic", []))):
            for term in extra:
                n = normalise_term(term, language)
                if n:
                    if kind == "quiet" and n not in terms:
                        quiet.add(n)
                    terms.setdefault(n, "behaviour" if kind == "quiet" else kind)
        anchors = {}
        for level, value in (comp.get("anchors") or {}).items():
            if isinstance(value, list):
                value = "。".join(str(v) for v in value)
            if isinstance(value, str) and value.strip():
                anchors[level] = value
        return cls(comp.get("name") or "overall", float(comp.get("weight") or 1.0),
                   list(comp.get("keywords") or []), terms, anchors, frozenset(quiet),
                   tuple(curated.get("patterns", [])))


@dataclass
class Analysis:
    """Everything the gates, the model and the explanations read about one answer."""
    seg: Segmented
    answer: dict                    # answer-level feature values
    competencies: list              # [(Competency, {feature: value}, details dict)]
    counts: dict = field(default_factory=dict)       # raw counts the gates and reasons use
    details: dict = field(default_factory=dict)      # items to cite in reasons (numbers, actions…)


def is_content(tok: Token, language: str) -> bool:
    if tok.pos == "x":
        return False
    sets = lexicon.sets(language)
    t = tok.base or tok.text
    if t in sets["stopwords"] or tok.text in sets["stopwords"] or t in sets["fillers"] or t in sets["pronouns"] or t in sets["negators"]:
        return False
    if language == "zh":
        if tok.pos in _FUNCTION_POS or tok.pos == "d" and len(t) < 2:
            return False
        return tok.pos.startswith(_CONTENT_POS) or len(t) >= 2
    if language == "ko":
        return len(t) >= 2 and t not in sets["particles"]
    return len(t) >= 3 or any(c.isdigit() for c in t)


def is_function(tok: Token, language: str) -> bool:
    """Grammar words: pronouns, particles, prepositions, conjunctions, auxiliaries."""
    sets = lexicon.sets(language)
    if language == "zh":
        return tok.pos in _FUNCTION_POS or tok.text in sets["stopwords"]
    if language == "ko":
        return tok.base != tok.text or tok.text in sets["stopwords"] or tok.text in sets["pronouns"] or \
            tok.text.endswith(("니다", "어요", "아요", "해요", "고", "서", "는", "은", "을", "를"))
    return tok.text in sets["stopwords"] or tok.text in sets["pronouns"]


_HAN_NUM = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿半几]")


def concrete_kind(tok: Token, language: str, following: Token | None = None) -> str | None:
    """"number", "time", "place" or "name" when the token is a concrete item, else None.

    Read through a cache of the values it depends on (the two tokens' text, base and tag, the first's negated and copied
    flags, whether they share a clause): an answer's readers ask it about the same tokens about a thousand times."""
    if following is None:
        return _concrete_kind_of(language, tok.text, tok.base, tok.pos, tok.copied, tok.negated, None, None, None, False)
    return _concrete_kind_of(language, tok.text, tok.base, tok.pos, tok.copied, tok.negated, following.text,
                             following.base, following.pos, following.clause != tok.clause)


@functools.lru_cache(maxsize=65536)
def _concrete_kind_of(language, text, base, pos, copied, negated, f_text, f_base, f_pos, f_other_clause):
    tok = Token(text, pos, clause=0, negated=negated, copied=copied, base=base)
    following = None if f_text is None else Token(f_text, f_pos, clause=1 if f_other_clause else 0, base=f_base)
    return _concrete_kind(tok, language, following)


def _concrete_kind(tok: Token, language: str, following: Token | None = None) -> str | None:
    t = tok.text
    sets = lexicon.sets(language)
    if tok.pos == "x" or tok.copied or tok.negated or t in _VAGUE_TIME:
        return None
    if language == "zh":
        if numeral_idiom(tok, following):
            return None
        if t in _NUM_IDIOMS:
            # 一个小时, 一次三十单: a numeral idiom followed by a unit or a real number is a quantity (not 一下一点儿)
            if following is not None and (following.text in sets["measure_words"] or following.pos == "q"
                                          or following.pos == "m" and not numeral_idiom(following)
                                          and following.text not in _NUM_IDIOMS and _HAN_NUM.search(following.text)
                                          or following.text in ("小时", "钟头", "星期", "礼拜", "晚上", "上午", "下午")):
                return "number"
            return None
        if _ORDINAL.fullmatch(t) and (following is None or following.clause != tok.clause):
            return None     # 第一，…；第二，…: a list's step marker, not a count (第二天, 第二次 are counted)
        if any(c.isdigit() for c in t):
            return "number"
        if tok.pos in ("m", "mq") and _HAN_NUM.search(t):
            if _ONE_MEASURE.match(t) or t in ("一", "二", "两") or (t[:1] == "几" and t[1:] in _FEW_TIMES):
                # 一位顾客 = "a customer", not a count; 隔几天再说 = "a few days later", no number
                return None
            return "number"
        if t in sets["time_words"] or (tok.pos in ("t", "tg") and len(t) >= 2):
            return "time"
        if claim_noun(tok):
            return None
        if tok.pos == "ns" and len(t) >= 2 and t not in _NOT_PLACES and \
                not t.endswith(("上", "下", "里", "中", "内", "外")):
            return "place"
        if tok.pos == "eng" and len(t) >= 2 and latin_name(t):
            return "name"
        if t in _NOT_NAMES:
            return None
        if tok.pos in ("nr", "nrt") and 2 <= len(t) <= 3 and (t[0] in _SURNAMES or t[0] in "小老阿") and \
                _rare(t):
            return "name"
        if tok.pos in ("nt", "nz") and len(t) >= 2 and _rare(t) and not _verb_phrase(t):
            return "name"
        return None
    if language == "ko":
        return _concrete_kind_ko(tok, following, sets)
    if language == "en":
        return _concrete_kind_en(tok, following, sets)
    if any(c.isdigit() for c in t) or t in sets["numerals"] or t in sets["measure_words"]:
        return "number"
    if t in sets["time_words"]:
        return "time"
    return None


def _verb_phrase(word: str) -> bool:
    """Chinese: a dictionary entry that is a verb and its object (注意安全, tagged nz by jieba: breaker 26 had it cited as
    a concrete name) — its first part, as jieba splits it for search, is a verb in the dictionary."""
    import jieba.posseg

    from .text import _jieba
    parts = [p for p in _jieba().lcut_for_search(word) if p != word]
    if not parts or parts[0] != word[:len(parts[0])]:
        return False
    rest = word[len(parts[0]):]     # the object is a word of its own (安全), not a noun's suffix (登记表, 广播站, 释放器)
    tags = jieba.posseg.dt.word_tag_tab
    return (tags.get(parts[0]) or "").startswith("v") and len(rest) >= 2 and rest in tags


# English: number words and months (the measure_words list has one…thirty; twenty, forty, twice are as much a
# quantity as 20, 40); "one" only before a unit or a noun-counting word, never "no one", "one day"
_EN_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                    "million", "dozen", "half", "twice", "double", "triple", "quarter"}
_EN_UNITS = {"dollars", "dollar", "cents", "pounds", "euros", "minutes", "minute", "hours", "hour", "days", "day",
             "weeks", "seconds", "percent", "%", "items", "orders", "customers", "people", "boxes", "tables",
             "times", "calls", "shifts", "receipts", "drinks", "cups", "bucks", "quid", "yuan", "kilos", "kg",
             "meters", "metres", "miles", "km", "bags", "bottles", "pieces", "packages", "parcels", "dogs", "rooms"}
_EN_MONTHS = {"january", "february", "march", "april", "june", "july", "august", "september", "october",
              "november", "december"}


def _concrete_kind_en(tok: Token, following: Token | None, sets: dict) -> str | None:
    t = tok.text
    if any(c.isdigit() for c in t):
        return "number"
    if t == "one":
        return "number" if following is not None and following.text in _EN_UNITS else None
    if t in _EN_NUMBER_WORDS or t in sets["numerals"] or t in sets["measure_words"] and t not in _EN_UNITS:
        return "number"
    if t in sets["time_words"] or t in _EN_MONTHS:
        return "time"
    return None


# Korean numbers: digits (15분), Sino-Korean numerals (삼십 명, 십오 분, 칠 분), native numerals before a counter
# (다섯 잔, 두 명, 한 시간); a counter alone (명, 분) or 하나도 ("not even one") is no number
_KO_SINO = set("일이삼사오육칠팔구십백천만")
_KO_NATIVE = {"하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "스물", "서른", "마흔", "쉰", "한", "두",
              "세", "네", "스무", "열두", "열한", "열세", "열네"}
_KO_NATIVE_ALONE = {"다섯", "여섯", "일곱", "여덟", "아홉", "스물", "서른", "마흔", "쉰"}
_KO_COUNTERS = ("명", "잔", "개", "분", "시간", "시", "초", "일", "주", "주일", "달", "개월", "년", "원", "만원", "천원", "번",
                "박스", "상자", "건", "퍼센트", "%", "장", "병", "대", "층", "팀", "배", "통", "그릇", "접시", "테이블", "봉지",
                "팩", "줄", "가지", "곳", "군데", "킬로", "키로", "kg", "미터")
_KO_TIMES = {"어제", "오늘", "아침", "저녁", "밤", "새벽", "주말", "오전", "오후", "다음날", "그날", "작년", "재작년", "올해",
             "지난주", "지난달", "지난해", "봄", "여름", "가을", "겨울", "월요일", "화요일", "수요일", "목요일", "금요일",
             "토요일", "일요일", "점심", "점심시간", "퇴근", "마감", "오픈", "크리스마스", "명절", "연말", "설날", "추석",
             "날", "첫날"}     # 다음 날, 그 날 (breaker 36)


def _ko_counter(word: str) -> bool:
    """A Korean counter, also with 씩/째 (다섯 잔씩, 두 번째)."""
    return word in _KO_COUNTERS or (len(word) >= 2 and word.endswith(("씩", "째")) and word[:-1] in _KO_COUNTERS)


def _ko_number_word(b: str, following: Token | None) -> bool:
    """b (without its particle) says a number: 15분, 삼십, 십오분, 다섯, 두 (잔)."""
    nxt = (following.base or following.text) if following is not None else ""
    if any(c.isdigit() for c in b):
        return True
    for cut in range(len(b), 0, -1):      # 십오분 → 십오 + 분, 삼십명 → 삼십 + 명
        head, tail = b[:cut], b[cut:]
        if tail and not _ko_counter(tail):
            continue
        if all(c in _KO_SINO for c in head):
            if tail or _ko_counter(nxt):
                return head != "이" or tail not in ("", "분", "명")   # 이 분, 이 명: "this person"
            return len(head) >= 2 and any(c in "십백천만" for c in head)
        if head in _KO_NATIVE:
            return bool(tail) or _ko_counter(nxt) or head in _KO_NATIVE_ALONE
    return False


def _concrete_kind_ko(tok: Token, following: Token | None, sets: dict) -> str | None:
    b = tok.base or tok.text
    if tok.pos == "x":
        return None
    if _ko_number_word(b, following):
        return "number"
    if b in _KO_TIMES or b in sets["time_words"] or re.fullmatch(r"\d+(월|일|시|시간|분)", b):
        return "time"
    return None


# Korean template words: evaluative or scene-setting words every answer can say (바빴습니다, 좋았고, 만족했습니다,
# 정확하게, 처리했습니다, 그때 상황은) — no specific content, however they are inflected
_KO_TEMPLATE_STEMS = ("좋", "만족", "바쁘", "바빴", "바빠", "바쁜", "바쁠", "열심히", "최선", "상황", "결과", "모두", "다들",
                      "아주", "정말", "매우", "항상", "정확", "신속", "친절", "성공", "처리", "노력", "해결", "그때", "당시",
                      "문제", "원활", "완벽", "순조", "잘했", "잘됐", "잘되", "훌륭", "최고", "많았", "많은", "힘들", "열정",
                      "꼼꼼", "책임", "빠르게", "빨리", "대처", "대응", "마무리", "어려", "어렵", "힘든",
                      # praise received and "such situations, often, experienced" — a template's frame, as 表扬,
                      # 称赞 and 经历 are in Chinese (session 15: 점장님께 칭찬을 받았고 read as a specific result)
                      "칭찬", "인정받", "겪", "이런", "그런", "이러한", "그러한", "자주", "함께", "이전")


def ko_template_word(b: str, terms) -> bool:
    """A Korean word that is only a template word or HR's own term inflected (정확하게 for 정확, 순서대로)."""
    return b.startswith(_KO_TEMPLATE_STEMS) or b == "잘" or any(len(x) >= 2 and b.startswith(x) for x in terms)


# results said in English and Korean: a verb of something found, fixed or changed, a change from one number to
# another, or a fault that did not happen (no complaints, 잘못 나간 음료는 하나도 없었어요)
_EN_RESULT_VERBS = {"found", "corrected", "fixed", "solved", "resolved", "caught", "balanced", "matched", "recovered",
                    "repaired", "replaced", "cleared", "sorted", "dropped", "fell", "halved", "doubled", "shortened",
                    "lowered", "cut", "reduced", "increased", "improved", "saved", "finished", "completed",
                    "delivered", "shipped", "sold", "refunded", "reached", "closed", "won", "raised", "returned",
                    "tracked", "spotted", "traced", "located", "got", "went", "came"}
_EN_MOVE = {"got", "went", "came"}        # only with a change: went down, came back, got it fixed
_EN_FAULTS = ("complaint", "complaints", "mistake", "mistakes", "error", "errors", "problem", "problems", "wrong",
              "late", "missing", "delay", "delays", "shortage", "shortages", "returns", "short", "issues", "issue",
              "refunds")
_KO_RESULT_STEMS = ("줄었", "줄였", "줄어", "줄여", "늘었", "늘렸", "늘어", "올랐", "올렸", "떨어졌", "낮췄", "높였",
                    "해결했", "해결됐", "해결되", "고쳤", "바로잡", "찾았", "찾아냈", "찾아서", "발견했", "발견해", "맞췄",
                    "맞았", "맞춰졌", "끝냈", "끝났", "마쳤", "완료했", "완료됐", "달성했", "감소", "증가", "정정했",
                    "수정했", "돌려드렸", "환불해", "환불했", "교환해", "교환했", "받았", "나갔", "빨라졌", "단축")
# what the customer did after: thanked (고맙다고, 감사하다고), calmed down (화가 풀리셨), came back (다시 오셔서),
# left smiling (웃으면서 가셨), in time (제시간에)
_KO_THANKED = ("고맙다", "고마워", "감사하다", "감사하다며", "감사 인사", "풀리셨", "풀렸", "진정되", "진정하셨", "웃으면서",
               "웃으며", "제시간에", "단골")
_KO_RESULT_PHRASES = ("다시 오셔", "다시 오셨", "다시 찾아", "또 오셨", "또 오셔", "다시 방문", "화가 풀", "화를 푸", "웃으면서 가",
                      "웃으며 가", "시간 안에", "늦지 않게", "칭찬", "좋은 리뷰", "리뷰를 남", "민원을 취소", "항의를 취소")
_KO_FAULTS = ("잘못", "실수", "불만", "컴플레인", "항의", "오류", "누락", "클레임", "지연", "착오", "틀린", "틀리")
_KO_NONE = ("없었", "없어", "없습니다", "없이", "안 나왔", "않았")


def result_start(toks: list, language: str) -> int:
    """English: the index of the clause's result verb (found a refund…, in then went through… and found…),
    so the reason quotes the result, not the steps before it; 0 when there is none or in other languages."""
    if language != "en":
        return 0
    for k, t in enumerate(toks):
        if t.text in _EN_RESULT_VERBS and t.text not in _EN_MOVE and not t.negated and not t.copied:
            return max(0, k - 1) if k and toks[k - 1].text in ("we", "i", "it", "they", "she", "he") else k
    return 0


# English results said in everyday words: the customer left on time, calmed down, thanked us, ordered again
_EN_RESULT_PHRASES = re.compile(
    r" (on time|in time|in the end|as a result|at the end|calmed down|cooled down|thanked (me|us|him|her)"
    r"|left (happy|smiling|satisfied|pleased|with a smile)|made it|came (back|again)|went home happy"
    r"|(ordered|bought|booked|came in|visited|tipped)( \S+){0,3} (again|more|another|extra)"
    r"|(ordered|bought|booked)( \S+){0,4} from us|left (at|with)"
    r"|(wrote|left|gave) (us )?(a )?(good|great|nice|five star|positive) (review|rating|tip)"
    r"|tipped (me|us)|(left|gave) (me|us) (a )?(\S+ ){0,3}tip"      # a tip given (breaker 33: 21.7 for such a story)
    # a thing working again, people paying or staying (the reader connected again, they paid after, no customer
    # left: breaker 21's machine-subject and rough non-native stories)
    r"|(connected|worked|working|running|printing|back up|back on|came back on)( \S+){0,2} again|back to normal"
    r"|(they|he|she|everyone|everybody|all) (all )?paid|paid (after|later|in full)|nobody left|no (one|customer|customers) (left|leave)"
    r"|(it|everything|all) (was|were|is) (ok|okay|fine|good) (after|again|then|in the end)"
    # what a learning gained: a licence or a test passed, an audience, what one does now (got my forklift licence, got
    # 50,000 views, now i do the weekly stock report — breaker 50's h33, h34, h63)
    r"|(got|passed|earned|received|gained) (my |the |a |an )?(\S+ )?(licen[cs]e|certificate|certification|exam|test)"
    r"|(got|had|reached|gained) (over |more than |about |around )?[\d,.]+k? (\S+ )?(views|likes|followers|subscribers|"
    r"customers|orders|bookings)|now (i|we) (can|do|run|handle|make|use|take care of)"
    r") ")
# the trouble did not come back (It hasn't dropped since, never happened again: breaker 22) — read on the whole clause,
# negated words included
_EN_NO_RECURRENCE = re.compile(r" (hasn't|has not|haven't|have not|didn't|did not|never|hasnt|havent|didnt)( \S+){1,3} "
                               r"(since|again)|no (more|other) complaints ")
_EN_REACTION = re.compile(
    r" (thanked|calmed down|cooled down|came (back|again)|left (happy|smiling|satisfied|pleased|with a smile)"
    r"|(ordered|bought|booked|came in|visited|tipped)( \S+){0,4} (again|more|another|extra|from us)"
    r"|(wrote|left|gave) (us )?(a )?(good|great|nice|five star|positive) (review|rating|tip)"
    r"|tipped (me|us)|(left|gave) (me|us) (a )?(\S+ ){0,3}tip) ")
# a result verb on a hollow object (found a solution, solved the problem) names no result: a template's
_EN_HOLLOW_OBJECTS = {"solution", "solutions", "problem", "problems", "issue", "issues", "situation", "way",
                      "matter", "task", "everything", "things", "it"}
_EN_NOT_VERBS = {"and", "or", "but", "which", "that", "what", "while", "as", "with", "for", "to", "of", "in", "on",
                 "at", "by", "from", "about", "into", "if", "when", "because", "how", "where", "who", "whole"}
_EN_HOLLOW_NOUNS = {"solution", "solutions", "problem", "problems", "issue", "issues", "situation", "matter", "task",
                    "end", "outcome", "result", "results"}
_EN_PLAIN_ADJ = {"best", "right", "good", "great", "quick", "perfect", "proper", "suitable", "better", "whole",
                 "satisfying", "satisfactory", "effective", "reasonable", "appropriate", "fast", "new"}
_EN_MARKERS_ALONE = {"so", "by"}   # too common to say a result on their own (so i said sorry…)


_EN_MANNER = {"carefully", "patiently", "politely", "quickly", "immediately", "calmly", "properly", "actively",
              "seriously", "promptly", "kindly", "nicely", "professionally", "efficiently", "effectively"}
_EN_DET = {"a", "an", "the", "this", "that", "our", "my", "her", "his", "their", "all", "some", "any"}


def _en_stem(word: str) -> str:
    """English: a rough stem to compare word forms (apologized, apologizing, apologize → apolog)."""
    for end in ("izing", "ising", "ized", "ised", "ize", "ise", "ing", "ed", "es", "s", "e"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def _en_singular(word: str) -> str:
    """English: a plural read as its singular (cakes → cake), so one story's words link its clauses."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def customer_reaction(toks: list, language: str) -> bool:
    """English or Korean: the clause says how the customer took it — thanked, calmed down, came back,
    ordered again (see _EN_REACTION, _KO_THANKED, _KO_RESULT_PHRASES)."""
    said = [t for t in toks if not t.copied and not t.negated]
    body = " " + " ".join(t.text for t in said) + " "
    if language == "en":
        return _EN_REACTION.search(body) is not None
    if language == "ko":
        return any((t.base or t.text).startswith(_KO_THANKED) for t in said) or any(p in body for p in _KO_RESULT_PHRASES)
    return False


def en_result_said(toks: list, sets: dict) -> bool:
    """English: the clause states an outcome in words other than a result verb — a completion word, a
    result marker (finally, in the end; not so/by alone), or what the customer did after (left on time,
    thanked us, ordered two more)."""
    said = [t for t in toks if not t.copied and not t.negated]
    if not said:
        return False
    joined = " " + " ".join(t.text for t in said) + " "
    if _EN_RESULT_PHRASES.search(joined) or _EN_NO_RECURRENCE.search(" " + " ".join(t.text for t in toks) + " "):
        return True
    for k, t in enumerate(said):
        if t.text in sets["completion"] and not _en_hollow_after(said, k):
            return True
        if t.text in sets["result_markers"] and t.text not in _EN_MARKERS_ALONE and " " not in t.text:
            return True
    return False


def _en_hollow_after(toks: list, k: int) -> bool:
    """The verb at k takes only a hollow object (solved the problem, found the best solution)."""
    rest = [t.text for t in toks[k + 1:k + 6] if t.text not in _EN_DET and t.text not in _EN_PLAIN_ADJ]
    return bool(rest) and rest[0] in _EN_HOLLOW_OBJECTS and (
        len(rest) == 1 or rest[1] not in ("for", "with", "by", "in", "within", "of"))


def says_result_other(toks: list, language: str, concrete_ids: set = frozenset()) -> bool:
    """English or Korean: the clause states a result (see _EN_RESULT_VERBS, _KO_RESULT_STEMS)."""
    texts = [t.text for t in toks if not t.copied]
    if language == "en":
        for k, t in enumerate(toks):
            if t.copied:
                continue
            nxt = toks[k + 1].text if k + 1 < len(toks) else ""
            if t.text in _EN_RESULT_VERBS and not t.negated and not (
                    _en_hollow_after(toks, k) and not any(id(u) in concrete_ids for u in toks)):
                if t.text not in _EN_MOVE or nxt in ("down", "back", "up", "out", "it", "them", "everything", "all"):
                    return True
            # a fault that did not happen: no complaints, nothing was missing, zero errors
            if t.text in ("no", "zero", "nothing", "never", "not") and any(
                    u.text in _EN_FAULTS for u in toks[k + 1:k + 4]):
                return True
        joined = " " + " ".join(texts) + " "
        # from twenty minutes to seven, from 15 to 7
        m = re.search(r" from (\S+ ){1,3}to ", joined)
        return bool(m) and any(id(t) in concrete_ids for t in toks)
    if language == "ko":
        bases = [(t.base or t.text) for t in toks if not t.copied and not t.negated]
        if any(b.startswith(_KO_RESULT_STEMS + _KO_THANKED) for b in bases):
            return True
        body = " ".join(texts)
        if any(p in body for p in _KO_RESULT_PHRASES):
            return True
        return any(f in body for f in _KO_FAULTS) and any(n in body for n in _KO_NONE)
    return False


_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
# numerals that say "very", "absolutely" or "surely" before a description, not an amount (十分重要, 百分百放心)
_NUM_ADVERBS = {"十分", "万分", "千万", "万万", "百分百", "百分之百", "一百分", "一百个", "一万个", "一千个", "满分"}
# how many clauses after the asked situation told are its story whatever the aside reader makes of them (features.analyse)
TOLD_CARRY = 4
_STORY_GOES_ON = frozenset({"连夜", "当晚", "当天", "第二天", "次日", "隔天", "后来", "之后", "然后", "马上", "立刻", "赶紧",
                            "接着", "随后", "那天", "当时"})
_NOT_ONE_BIT = {"一分", "一点", "一丝", "一毫", "一分钱", "一点儿"}
_NUM_CHARS = set("零〇一二两三四五六七八九十百千万亿半几")


# what joins a list of terms into a "sentence" without saying anything (总之我…都做到了, 以及…等等)
_LIST_GLUE = {"都", "也", "全", "全部", "都是", "还有", "以及", "等", "等等", "做到", "做好", "到位", "具备", "总之", "总的来说",
              "所以", "反正", "就", "方面", "这些", "这几点", "几点", "能力"}


_COUNTED_TERM = re.compile(r"[一二两三四五六七八九十几\d]+[个批组人位趟班]")
# what a word may add to a term inside it and still be the term said (解释了 for 解释): aspect particles only
_OWN_PART = re.compile(r"[^了过着]")


def term_list_clauses(seg: Segmented, clauses: list, terms: set, junk: set) -> set:
    """Clauses that only list HR's terms (……总之我按时、安排、沟通都做到了; 按时，安排，沟通。): two or more terms,
    or one next to another such clause, and no word of their own beyond the terms, 我 and list glue (都, 等,
    做到, 总之…). They repeat what the story showed or claim what it did not, and count for nothing."""
    language = seg.language
    sets = lexicon.sets(language)
    glue = _LIST_GLUE | sets["connectives"] | sets["fillers"] | sets["stopwords"]
    in_term: dict = {}
    # longest first, then in a fixed order: a word inside a longer term said (解释 in 解释了) belongs to the
    # longer one whatever the set's iteration order (it once varied with PYTHONHASHSEED)
    for term in sorted(terms, key=lambda t: (-len(t), t)):
        if _COUNTED_TERM.search(term):
            continue    # 三个人, 分三批: a count of people or batches is a fact of the story, not a claimed term
        for hit in find(seg, term):
            if hit.copied or language == "zh" and _OWN_PART.search(
                    "".join(seg.tokens[i].text for i in range(hit.first, hit.last + 1)).replace(hit.term, "", 1)):
                continue    # 电话 in 打电话: a word of its own around the term (我就给顾客打电话 is a deed, not a list)
            if hit.last > hit.first and any(seg.tokens[i].pos.startswith(("p", "r")) or seg.tokens[i].text == "是"
                                            for i in range(hit.first, hit.last + 1)):
                continue    # 跟主管说了, 是我自己的错, 我就自己补上了: a deed told in a behaviour phrase, not a listed term
            for i in range(hit.first, hit.last + 1):
                in_term.setdefault(id(seg.tokens[i]), (hit.first, hit.last))
    n_terms = []
    for toks in clauses:
        # terms, not their words: one term of two words (said sorry, 重新/做) is no list of two
        said = list(dict.fromkeys(in_term[id(t)] for t in toks if id(t) in in_term))
        rest = [t for t in toks if id(t) not in in_term and not t.copied and id(t) not in junk
                and (t.base or t.text) not in glue and t.text not in sets["first_person"]
                and not (language == "zh" and t.pos.startswith(("u", "y", "e", "o", "c")))]
        # a preposition joining them is a sentence, not a list (我就给顾客打电话, 跟客户解释: breaker 41)
        joined = language == "zh" and any(t.pos == "p" and id(t) not in in_term for t in toks)
        n_terms.append(len(said) if said and not rest and not joined else 0)
    return {ci for ci, n in enumerate(n_terms)
            if n >= 2 or n and any(0 <= c < len(n_terms) and n_terms[c] for c in (ci - 1, ci + 1))}


# the abstract words a résumé's stock phrases are made of beside the terms (承认错误, 分析原因, 改进流程, 第一时间; set
# priorities, made a plan, did overtime): nothing a story happened to
_STOCK_WORDS = {
    "zh": {"错误", "原因", "流程", "问题", "方案", "措施", "经验", "教训", "责任", "细节", "第一", "时间", "第一时间", "分析",
           "总结", "反思", "到底", "全程", "彻底", "本职", "自身", "自我", "工作", "任务", "态度", "意识", "找出", "找到",
           "做到", "实现", "进行", "开展", "落实", "达成", "明确", "合理", "密切", "耐心", "换位思考", "换位", "思考", "客户", "顾客", "损失", "制定", "并", "措施", "改进措施"},
    "en": {"set", "made", "make", "did", "do", "took", "take", "kept", "keep", "work", "tasks", "things", "everything",
           "properly", "actively", "carefully", "quickly", "efficiently", "effectively", "proactively", "closely",
           "stayed", "was", "were", "is", "he", "she", "they", "we", "angry", "upset", "unhappy", "order", "orders",
           "issue", "issues", "solution", "options", "option", "client", "clients", "patiently",
           # (offered a solution, provided support, faced a challenge: breaker 51's g23)
           "offered", "provided", "gave", "found", "faced", "challenge", "support", "rate", "result", "results"},
}
# a run of such clauses names this many terms at least before it is read as a chain of stock phrases, with this many of a
# template's tells
STOCK_CHAIN_MIN, STOCK_TELLS_MIN = 4, 2
_TEMPLATE_TELLS = {
    "zh": {"第一时间", "第一", "明确", "密切", "耐心", "换位思考", "换位", "彻底", "合理", "高效", "全力", "认真负责", "积极",
           "主动", "认真", "及时", "妥善", "有效"},
    "en": {"properly", "actively", "carefully", "efficiently", "effectively", "proactively", "closely", "patiently",
           "calm", "successfully", "satisfaction", "satisfied",
           # (a light verb on HR's noun is résumé-speak: set priorities, made a plan, did overtime)
           "set", "made", "did"},
}
_NOT_TELLS = {"最后", "最终", "当时", "然后", "首先", "都", "也", "大家", "领导", "工作", "任务", "问题", "情况", "我的"}
# a figure on an abstract deed: a duration or a number of times (用了2个小时, 3天内, 20分钟, apologized 3 times, in 10 minutes)
_HOLLOW_FIGURE = {
    "zh": re.compile(r"[0-9一二两三四五六七八九十几半]+(个)?(小时|分钟|天内|天|次|遍|回)"),
    "en": re.compile(r"\b(\d+|one|two|three|four|five|ten) (minutes?|hours?|days?|times)\b|\btwice\b"),
}


# what hangs a figure on a stock phrase: a number, its unit or a time (用了2个小时找出原因, 3天内完成改进, 加班到晚上11点;
# listened for 5 minutes, apologized 3 times, made a plan in 10 minutes — breaker 50's g04, g14, g42, g60–g64 passed at
# 61–77 on the figures alone)
_DRESSING_ZH = {"了", "用", "花", "内", "以内", "之内", "到", "时"}
_DRESSING_EN = {"in", "for", "with", "within", "to", "by", "at", "before", "after", "of", "all", "times", "twice", "once",
                "thrice", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "tasks", "task",
                "options", "orders", "percent", "pm", "am", "them", "him", "her", "it", "his", "their", "the", "a", "an",
                "every", "each", "both", "satisfaction", "time"}
_UNIT_ZH = re.compile(r"^[0-9一二两三四五六七八九十百千万几半]*(个|天|小时|分钟|秒|周|月|年|点|日|号|次|遍|单|人|位|名)?(内|以内|之内)?$")


_GENERIC_PEOPLE = {"顾客", "客户", "客人", "同事", "领导", "店长", "大家", "对方", "上级", "团队"}
_MONTHS_EN = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$|^(mon|tues|wednes|thurs|fri|satur|sun)day$|"
                        r"^(last|next|this|yesterday|today|morning|afternoon|evening|night|year|month)$")


def _dressing(t: Token, language: str, sets: dict, nxt: Token | None = None) -> bool:
    """A token that only hangs a figure on a stock phrase: a number, a unit or a time word, 了/用/内, and 和/跟 before a
    number (和3个同事明确分工) (zh); a number, a preposition, a unit or a date (en)."""
    w = t.base or t.text
    if language == "zh":
        return t.pos in ("m", "mq", "q") or w in _DRESSING_ZH or w in sets["measure_words"] or \
            w in sets["time_words"] or bool(w) and bool(_UNIT_ZH.match(w)) or w == "%" or \
            w in ("和", "跟", "与", "同") and nxt is not None and nxt.pos in ("m", "mq") or \
            w in ("向", "给", "对") and nxt is not None and nxt.text in _GENERIC_PEOPLE   # 主动向顾客道歉 (和/跟: grammar)
    return t.pos == "m" or w in _DRESSING_EN or w in sets["time_words"] or bool(_MONTHS_EN.match(w)) or w == "%"


def stock_phrase_clauses(seg: Segmented, clauses: list, terms: set, junk: set) -> set:
    """Chinese and English: clauses that chain stock phrases of the competencies' terms (承认错误 主动道歉 积极弥补 认真负责
    分析原因 解决问题 改进流程 — breaker 49's g20, 55.2 as a deed; I set priorities, made a plan, split the work and did
    overtime — g37): a run of clauses, each of no word but a term, I/我, an evaluative or template word (lexicon
    "generic": 主动, 积极, 认真), a résumé's abstract word or light verb (_STOCK_WORDS), list glue or a figure hung on it
    (_dressing: 用了2个小时, 3天内, for 5 minutes) — no particle, preposition or word of its own — that names at least
    STOCK_CHAIN_MIN terms in all and shows at least STOCK_TELLS_MIN of a template's tells (_TEMPLATE_TELLS, claimed rates,
    _HOLLOW_FIGURE). A deed told has its own words and grammar (我赶紧道歉，重新上了一份; I drove the last 40 boxes over
    myself), a terse report its counts and hours and no tells; a list of claims has neither. Returns clause indexes."""
    language = seg.language
    if language not in _STOCK_WORDS:
        return set()
    sets = lexicon.sets(language)
    stock = _LIST_GLUE | sets["generic"] | sets["connectives"] | sets["fillers"] | sets["stopwords"] | \
        sets["completion"] | _STOCK_WORDS[language]
    in_term: dict = {}      # en: a term said over words (on time), singular or plural (priorities)
    for term in sorted(terms, key=lambda t: (-len(t), t)) if language == "en" else ():
        for hit in find(seg, term):
            for i in range(hit.first, hit.last + 1):
                in_term.setdefault(id(seg.tokens[i]), term)

    def inside(word: str) -> list | None:
        """zh: the terms a word is made of beside stock words (承认错误: 承认 + 错误), or None."""
        for term in sorted(terms, key=lambda t: (-len(t), t)):
            if len(term) >= 2 and term in word:
                rest = [p for p in word.split(term) if p]
                if all(p in stock or p in terms for p in rest):
                    return [term] + [p for p in rest if p in terms]
        return None

    per_clause, tells = [], []
    for toks in clauses:
        said, ok, told = set(), False, 0
        words = [t for t in toks if t.pos != "x"]
        joined = ("" if language == "zh" else " ").join(t.text for t in words)
        told += len(_HOLLOW_FIGURE[language].findall(joined)) + ("%" in joined or "百分" in joined or "percent" in joined)
        for j, t in enumerate(words):
            if t.copied or id(t) in junk:
                continue
            w = t.base or t.text
            if _dressing(t, language, sets, words[j + 1] if j + 1 < len(words) else None):
                continue    # a figure hung on the phrase (用了2个小时找出原因, apologized 3 times): no content of its own
            told += w in _TEMPLATE_TELLS[language] or w in sets["generic"] and w not in _NOT_TELLS or \
                language == "zh" and w not in _TEMPLATE_TELLS["zh"] and any(
                    len(tell) >= 2 and tell in w for tell in _TEMPLATE_TELLS["zh"])     # 合理安排, 密切配合
            # (a conjunction joining people is grammar: 其次我和同事沟通协调 is a sentence, a template's, scored as one)
            if language == "zh" and (t.pos.startswith(("u", "p", "y", "q")) or t.pos.startswith("m") and w not in stock
                                     or t.pos == "c" and w not in sets["connectives"]):
                ok = False
                break
            found = ([w] if w in terms else inside(w)) if language == "zh" else \
                [in_term[id(t)]] if id(t) in in_term else None
            if found:
                said.update(found)
                ok = True
            elif w not in stock and t.text not in stock and w not in sets["first_person"]:
                ok = False
                break
            else:
                ok = ok or bool(words)
        # (a clause of stock words and no term — 换位思考 — goes on with the chain, adding no term)
        per_clause.append(len(said) if ok and said else -1 if ok else 0)
        tells.append(told)
    out, run = set(), []
    for ci, n in enumerate(per_clause + [0]):
        if n:
            run.append(ci)
            continue
        # … told as a template tells it — manner words (主动, 积极, 合理, 密切, patiently), light verbs on HR's nouns (set
        # priorities, made a plan), claimed rates (满意度100%) or figures on abstract deeds (用了2个小时找出原因, apologized 3
        # times): a terse honest report in HR's words (我安排好优先级，和三个同事分工，晚上加班到十一点，按时发完四百单; 我耐心安抚，
        # 跟进处理，当天补发) names its counts, hours and steps and nothing else, and is a report, not a chain (session 17)
        if run and sum(max(per_clause[c], 0) for c in run) >= STOCK_CHAIN_MIN and \
                sum(tells[c] for c in run) >= STOCK_TELLS_MIN:
            out.update(run)
        run = []
    return out


def numeral_idiom(tok: Token, following: Token | None = None) -> bool:
    """Chinese: a numeral in a set phrase, not a quantity — a four-character dictionary idiom with a numeral
    after another character (三心二意, 七上八下, 接二连三; not 二十分钟) or a repeated one (一五一十), or
    a numeral adverb (十分, 百分百, 一百分) not followed by a noun, unit or number (十分重要, 做到一百分)."""
    from .gates import _jieba_freq

    t = tok.text
    if len(t) == 4 and any(c in _NUM_CHARS for c in t) and _jieba_freq().get(t) and \
            (t[0] == t[2] and t[1] not in "十百千万亿" or re.search(f"[^{''.join(_NUM_CHARS)}][{''.join(_NUM_CHARS)}]", t)):
        return True
    if t in _NOT_ONE_BIT and following is not None and following.clause == tok.clause and \
            following.text in ("不", "没", "没有", "都", "也"):
        return True     # 一分不差, 一点没错, 一丝都不敢马虎: "not the least", not an amount (breaker 49's h10)
    if t in _NUM_ADVERBS:
        return following is None or following.pos == "x" or following.clause != tok.clause or \
            not following.pos.startswith(("n", "q", "m"))
    return False


def latin_name(word: str) -> bool:
    """Chinese answers: a Latin-script word is a name (Excel, iPhone, SKU, A12) unless it is an everyday
    English word said in passing (ok, so, anyway, nice — the lexicon's common_latin and the English lists)."""
    if any(c.isdigit() for c in word):
        return True
    w = word.lower()
    if w in lexicon.sets("zh")["common_latin"]:
        return False
    en = lexicon.sets("en")
    return not any(w in en[k] for k in ("stopwords", "fillers", "generic", "refused", "completion", "connectives",
                                        "pronouns", "first_person", "negators", "time_words", "reluctance"))


# who does what (Chinese): people a clause can be about besides the candidate (同事忘了, 顾客骂了一句)
# the other side of a business: people who act (_OTHER_PEOPLE) and who put their own errors right (_OTHER_SIDE)
_BUSINESS = frozenset({"供应商", "厂家", "厂商", "商家", "物流", "银行"})
_OTHER_PEOPLE = {"同事", "顾客", "客户", "领导", "经理", "老板", "师傅", "员工", "大家", "别人", "对方", "人家", "他", "她",
                 "他们", "她们", "你", "你们", "您", "它", "它们", "同学", "朋友", "用户", "买家", "卖家", "家长", "老人",
                 "病人", "患者", "家属", "上级", "前台", "搭档", "新人", "徒弟", "团员", "团长", "司机", "骑手", "老师",
                 "孩子", "小朋友", "奶奶", "爷爷", "女儿", "儿子", "对面", "客人", "主管", "店长", "组长", "厨师",
                 # children and learners (set t's tutor: 有个八岁男孩…跟他玩五分钟 — the boy is who 他 points back at)
                 "男孩", "女孩", "小孩", "男生", "女生", "学生", "学员", "宝宝", "妈妈", "爸爸", "姑娘", "小伙子",
                 # the other side of a business (breaker 44's g33: 供应商自己重新开了一张发票 was quoted as the candidate's deed)
                 "快递员", "财务", "甲方"} | _BUSINESS
_PEOPLE_ENDS = tuple("员长师姐哥姨叔客户")
_NOT_AGENT = {"自己", "本人"}      # 同事自己忘了: a reflexive names no new agent


# the person a behaviour phrase names by a pronoun (跟他说, 告诉她, 帮他换): any person in that place says it (跟客人说,
# 告诉那位阿姨, 帮大爷换; breaker 37's h16, h17, h24 told "没有说到与沟通表达相关的具体做法" of 跟客人说马上好), the
# person last in a slot of SLOT_TOKENS words at most (那位大爷), the words before it only pointing or counting (那位, 两个)
SLOT_TOKENS = 3


def _term_hits(seg: Segmented, comp: Competency, first_person: frozenset):
    """(term, kind, hits) of each of a competency's terms (text.find; a behaviour also with another person in its
    pronoun's place, person_slot_hits), then of each of its curated patterns (pattern_hits, kind "behaviour")."""
    for term, kind in comp.terms.items():
        hits = find(seg, term)
        if kind == "behaviour" and seg.language == "zh":
            hits += person_slot_hits(seg, term, first_person)
        yield term, kind, hits
    for pattern in comp.patterns:
        hits = pattern_hits(seg, pattern)
        yield pattern, "behaviour", hits


@functools.lru_cache(maxsize=256)
def _pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def pattern_hits(seg: Segmented, pattern: str) -> list[Hit]:
    """Hits of a curated behaviour regex in the answer's text (models/lexicons/competencies.<lang>.json "patterns":
    是我[…]{0,2}错 for 是我订错了 and 是我看错了), each keyed by the words said (Hit.term = "是我订错"), on the
    tokens the match covers — a match starting or ending inside a token takes the whole token."""
    toks, text, out = seg.tokens, seg.text, []
    for m in _pattern(pattern).finditer(text):
        covered = [i for i, t in enumerate(toks) if t.pos != "x" and t.start < m.end() and t.start + len(t.text) > m.start()]
        if not covered:
            continue
        opened = max(text.rfind(p, 0, m.start()) for p in _CLAUSE_ENDS) + 1
        closed = min([e for e in (text.find(p, m.end()) for p in _CLAUSE_ENDS) if e >= 0] or [len(text)])
        before, after = text[opened:m.start()], text[m.end():closed]
        # another's words (老板说是我订错了, 老板说从我工资里扣), a protest (凭什么从我工资里扣？) or the truth told only to
        # the interviewer (其实是我找错了钱，但我跟主管说了是小李的错: breaker 42's g50) own nothing
        if _SAID_BY_OTHER.search(before) or _PROTEST.search(text[opened:closed]) or _CONFIDED.search(before):
            continue
        span = [toks[i] for i in range(covered[0], covered[-1] + 1) if toks[i].pos != "x"]
        # negated by the words right before or after it (又不是我订错了, 我才不自己赔, 我自己赔不了, 不是我的错): jieba's
        # 不是 is one token, so the negation is read on the text
        negated = any(t.negated for t in span) or bool(_PATTERN_NOT_BEFORE.search(before)) or \
            bool(_PATTERN_NOT_AFTER.match(after))
        out.append(Hit(m.group(0), covered[0], covered[-1], negated, all(t.copied for t in span)))
    return out


_CLAUSE_ENDS = "，,。！!？?；;：:"
_SAID_BY_OTHER = re.compile(r"(?<![跟对给向和找])(老板|领导|店长|主管|经理|组长|师傅|他|她|他们|她们|对方|顾客|客人|客户|同事|别人|人家)"
                            r"[^我]{0,3}(说|讲|怪|骂|认为|觉得|硬说|非说|要|让)")
_PROTEST = re.compile(r"凭什么|为什么要|为啥要|干嘛要|怎么能")
_CONFIDED = re.compile(r"其实|实际上|说实话|说白了")
_PATTERN_NOT_BEFORE = re.compile(r"(不|没|没有|别|未|并非|才不|又不|也不)$")
_PATTERN_NOT_AFTER = re.compile(r"^(不了|不起|不着|不过来)")


def person_slot_hits(seg: Segmented, term: str, first_person: frozenset) -> list[Hit]:
    """Chinese: hits of a behaviour phrase with 他/她 (跟他说) where another person stands in the pronoun's place
    (跟客人说, 跟那位大爷说), each keyed by the words said (Hit.term = "跟客人说"); [] for a phrase without a pronoun.
    The pronoun itself is found by text.find."""
    slot = next((p for p in ("他们", "她们", "他", "她") if p in term), None)
    if slot is None or seg.language != "zh":
        return []
    pre, post = term.split(slot, 1)
    toks, out = seg.tokens, []
    starts = {t.start: i for i, t in enumerate(toks) if t.pos != "x"}
    text = seg.text
    at = text.find(pre) if pre else -1
    while pre and at >= 0:
        i = starts.get(at + len(pre))
        if at in starts and i is not None:
            for j in range(i, min(i + SLOT_TOKENS, len(toks))):
                t = toks[j]
                if t.pos == "x" or person_of(t, first_person, (toks, j)) != "other":
                    if t.pos in ("m", "q", "mq", "r") and t.text not in first_person:
                        continue
                    break
                end = t.start + len(t.text)
                if t.text in (slot, "他", "她") or not text.startswith(post, end) or post and (
                        end + len(post) not in {x.start + len(x.text) for x in toks[j + 1:j + 4]}):
                    break
                last = next((k for k in range(j + 1, len(toks))
                             if toks[k].start + len(toks[k].text) >= end + len(post)), j) if post else j
                covered = toks[starts[at]:last + 1]
                out.append(Hit(text[at:end + len(post)], starts[at], last, any(x.negated for x in covered),
                               all(x.copied for x in covered if x.pos != "x")))
                break
        at = text.find(pre, at + 1)
    return out


def person_of(tok: Token, first_person: frozenset, context: tuple[list, int] | None = None) -> str | None:
    """Chinese: "self" for 我/我们…, "other" for someone else (同事, 顾客, 小王, 他), else None. context: (the tokens
    around, tok's index among them), for a word jieba tags a name that does not read as one by itself (_name_like):
    it is a person where a person stands (_stands_as_person: 秀英负责拆箱, 海燕做饭)."""
    t = tok.text
    if t in _NOT_AGENT:
        return None
    if t in first_person:
        return "self"
    if t in _OTHER_PEOPLE or tok.pos == "nrt" or tok.pos in ("nr", "nrfg") and (
            _name_like(t) or context is not None and _stands_as_person(*context)) or \
            tok.pos.startswith("n") and len(t) >= 2 and t.endswith(_PEOPLE_ENDS):
        return "other"
    return None


# words after which a name begins a part of the clause (我和秀英, 让德胜去, 叫春梅帮忙)
_BEFORE_PERSON = {"和", "跟", "与", "同", "让", "叫", "请", "找", "问", "给", "帮", "陪", "带", "被", "由", "对", "向", "喊", "交给"}


def _stands_as_person(toks: list, k: int) -> bool:
    """Chinese: toks[k] stands where a person's name does — it opens its clause (or follows 和/让/叫…) and a verb
    follows it, past adverbs (秀英负责拆箱, 海燕做饭, 让春梅去买菜); not inside a noun phrase (用阿维菌素加乙螨唑, 藿香
    蓟养捕食螨, 在布光) nor before a noun (叶子发灰)."""
    before = toks[k - 1] if k > 0 else None
    if before is not None and before.pos != "x" and before.text not in _BEFORE_PERSON:
        return False
    for u in toks[k + 1:k + 4]:
        if u.pos in ("d", "ad") or u.text in ("也", "都", "就", "又", "还", "先"):
            continue
        return u.pos.startswith("v") or u.text == "说"
    return False


@functools.lru_cache(maxsize=4096)
def _name_like(word: str) -> bool:
    """Chinese: a word jieba tags as a person's name reads as one — it starts with a common surname (lexicon
    "surnames": 小王's 王, 张伟, 李师傅), with 小/老/阿, or doubles a character (丽丽), and Cilin, where it knows the
    word, puts it among people (class A). jieba's tagger also calls fragments of words it does not know names: 沃 of
    沃柑, 加乙 of 加乙螨唑, 蓟养 of 藿香蓟养捕食螨, and 叶子 (Cilin: a leaf) — breaker 28's citrus story had every
    action of the candidate's given to those "people"."""
    from . import meaning

    codes = meaning._codes(word)
    if codes:
        return any(c.startswith("A") for c in codes)     # 红军: people; 叶子: a leaf
    return word[0] in _surnames() or word[0] in "小老阿" or len(word) == 2 and word[0] == word[1]


@functools.lru_cache(maxsize=1)
def _surnames() -> frozenset:
    return lexicon.sets("zh")["surnames"]


# verbs jieba tags as something else: a clause-initial 问 (问清楚她要三分糖: n) and a split 道…歉 (我道了歉: 道/q)
_MISTAGGED_VERBS = {"问"}


def verb_like(toks: list, k: int) -> bool:
    """Chinese: token k is a verb, also where jieba mis-tags it (see _MISTAGGED_VERBS; 道了歉, 道了个歉)."""
    t = toks[k]
    return t.pos.startswith("v") or t.text in _MISTAGGED_VERBS or (
        t.text == "道" and any(u.text.endswith("歉") for u in toks[k + 1:k + 4]))


def clause_agent(toks: list, first_person: frozenset, upto: int | None = None) -> str | None:
    """Chinese: who acts in the clause — the nearest person before position `upto` (default: the first
    verb) that is no preposition's object (把顾客…, 跟同事…): "self", "other" or None (subject elided)."""
    if upto is None:
        upto = next((k for k, t in enumerate(toks) if verb_like(toks, k) and t.text not in ("是",)
                     and not modifying_verb(toks, k)), len(toks))
    for k in range(min(upto, len(toks)) - 1, -1, -1):
        if k > 0 and (toks[k - 1].pos == "p" or _prepositions_object(toks, k, first_person)
                      or toks[k - 1].text in _THERE_WERE):
            continue    # (… or one of those there: 仓库只有我和2个同事)
        if owner_only(toks, k):
            continue    # 我的快递丢了, 我送的那单洒了: whose, not who acts
        who = person_of(toks[k], first_person, (toks, k))
        if who == "other" and _verb_tagged_name(toks, k, first_person):
            continue    # 我耐心安抚: jieba's dictionary tags 安抚 (明白, 文明…) as a name; after 我 or a manner word it is a verb
        # 我和同事分两组, 我跟同事小王一起: the candidate with someone else is the subject, the candidate acts
        if who == "other":
            j = k
            # back over the rest of the companions: 我和两个同事, 我跟同事小王, 我和小/李
            while j > 0 and (person_of(toks[j - 1], first_person, (toks, j - 1)) == "other"
                             or toks[j - 1].pos in ("m", "mq", "q") or toks[j - 1].text in ("小", "老", "阿", "的")):
                j -= 1
            if j >= 2 and toks[j - 1].text in _WITH and person_of(toks[j - 2], first_person) == "self" and \
                    not (j >= 3 and toks[j - 3].text in _THERE_WERE):
                return "self"
            # …，和三个同事分工, …，跟两个同事沟通: companions at the head of a clause go with its elided subject,
            # whoever did the clause before (我安排好优先级，和三个同事分工 — the candidate; 组长…，和三个同事分工 — not)
            # (not 和同事们的沟通: a noun phrase, no companion)
            after = next((t for t in toks[k + 1:] if t.text != "们"), None)
            if j == 1 and (toks[0].text in _WITH or toks[0].pos == "p") and not (after and after.text == "的"):
                return None
        if who:
            return who
    return None


_WITH = {"和", "跟", "与", "同", "及", "还有", "带着"}


_STORY_CLOCK = re.compile(r"(剩|晚|早|提前|差|超时|超了|迟到|要走|要开|要骑|只有|不到|还有)了?[零一二两三四五六七八九十百几半0-9]+"
                          r"(个)?(多)?(分钟|分|小时|钟头|秒|秒钟|天)")
_THERE_WERE = {"有", "只有", "就有", "还有", "就只有", "只剩", "剩"}
_SELF = frozenset({"我", "我们"})    # whom person_of reads as the candidate, where no lexicon is at hand
# words that open a phrase of whom the deed goes to or with (jieba tags 跟 a verb in 就跟带我的验光师说了)
_TOWARDS = {"跟", "和", "与", "同", "给", "对", "向", "替", "帮", "为", "把", "找", "问", "让", "叫", "请", "陪", "带"}


def modifying_verb(toks: list, k: int) -> bool:
    """Chinese: the verb at k qualifies a noun after 的 (住在1208房的客人来投诉, 我送的1单…洒了: breakers 45–46 read the guest's
    and the spilt order's clauses as the candidate's deeds) — not the clause's own verb. Not before 的时候 (我到店的时候发现…:
    a time, whose doer is the clause's)."""
    for j in range(k + 1, min(k + 6, len(toks))):
        if toks[j].text == "的":
            head = toks[j + 1] if j + 1 < len(toks) else None
            # (联系他的同事, 找了客人的单子: 的 of a person, whose the verb's object is)
            # … and the noun it qualifies is the subject of a verb after it (推荐他用专门的膨胀管: an object qualified)
            return head is not None and head.text not in ("时候", "时") and head.pos.startswith(("n", "m", "q", "r")) \
                and not (j - 1 > k and (toks[j - 1].pos == "r" or person_of(toks[j - 1], _SELF))) \
                and any(verb_like(toks, m) for m in range(j + 2, len(toks)))
        # (联系了他的同事: a verb with its aspect is the clause's own; 推荐他用…: so is one with a person as its object)
        if verb_like(toks, j) or toks[j].pos in ("x", "r") or toks[j].text in ("了", "过", "着") or \
                person_of(toks[j], _SELF):
            return False
    return False


def owner_only(toks: list, k: int) -> bool:
    """Chinese: the person at k owns or qualifies what follows (我的快递, 我们店的冰箱, 我送的那单), not the doer."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None:
        return False
    if nxt.text == "的":
        return True
    return verb_like(toks, k + 1) and modifying_verb(toks, k + 1)
_MODIFIERS = ("uj", "f", "m", "mq", "q", "a", "b", "r", "n", "ns", "s")


def _prepositions_object(toks: list, k: int, first_person: frozenset) -> bool:
    """Chinese: token k ends a preposition's object told with its modifiers (把周围的客人, 给那桌的客人): up to four
    modifying words back to the preposition (breaker 39's h35: 我先把周围的客人引开 was read as the guests acting)."""
    j = k - 1
    while j >= 0 and k - j <= 4 and toks[j].pos in _MODIFIERS and toks[j].text not in first_person and \
            toks[j].text not in _BACK_PRONOUNS:
        j -= 1
    return 0 <= j < k - 1 and toks[j].pos == "p" and toks[j].text in ("把", "将", "给", "替", "帮", "为", "对", "向", "跟", "和")


def _verb_tagged_name(toks: list, k: int, first_person: frozenset) -> bool:
    """Chinese: token k is tagged a person's name (nr) only by jieba's dictionary, which so tags some verbs and
    nouns (安抚, 明白, 文明), and stands where a name does not: right after 我/我们, an adverb or an adjective
    (我耐心安抚, 马上安抚). Role words and names of people (同事, 小王, 店长) are never read so."""
    t = toks[k]
    if not t.pos.startswith("nr") or t.text in _OTHER_PEOPLE or t.text.endswith(_PEOPLE_ENDS) or k == 0:
        return False
    before = toks[k - 1]
    return before.text in first_person or before.pos[:1] in ("a", "d")
# verbs whose object with a number is what came out of the work (找出了17条差异, 查出3处错误, 省下了两小时)
_OUTCOME_VERBS = {"找出", "查出", "找到", "查到", "核出", "对出", "发现", "省下", "省了", "多卖", "多赚", "挽回", "收回",
                  "拿下", "清完", "清空"}


@functools.lru_cache(maxsize=64)
def _long_words(words: frozenset) -> tuple:
    """The words of two or more characters of a lexicon set, as a tuple for str.startswith."""
    return tuple(sorted(w for w in words if len(w) >= 2))


# a result told as how few faults there were (零错发, 零投诉, 错单只有一单, 退回来的才两单: set s, session 22)
# a recovery said as done (叶子绿回来了, 苗长起来了, 鱼活过来了, 病情好转了): the trouble's own result
# what a learning or the work gained, said with its measure: a credential earned (第十二天考了证, 拿到了健康证), a skill's
# yield now (现在一天能卸四车货), an audience or customers gained (播放量有三千多, 店里那个月多了三十几个新顾客) — breaker
# 49's h13, h15, h57 were told 没有说到最后的结果
_NUM = "[一二两三四五六七八九十百千万几半\\d]"
_GAINED = re.compile(r"(考|拿|领)(了|到|下|过)了?[^，。！？；]{0,6}证|证[^，。！？；]{0,2}(考|拿)(到|下来)了|"
                     r"(现在|如今|目前)[^，。！？；]{0,6}(能|可以)[^，。！？；]{0,8}" + _NUM + "|"
                     r"(播放|浏览|阅读|点赞|粉丝|关注)量?[^，。！？；]{0,3}" + _NUM + "|" + _NUM + r"+[万千]?多?(播放|浏览|点赞|粉丝)|"
                     r"(多|涨|增)了" + _NUM + r"+[^，。！？；]{0,4}(顾客|客人|客户|会员|粉丝|订单|单)")
# to the cent: the books balanced, the pay in full (对账一分不差, 铜钿一分勿扣) — a result as exact as a count
_TO_THE_CENT = r"(一分|分毫|一分钱)(都|也)?(不|没|勿|冇)(差|扣|少)"
_RECOVERED = re.compile(r"(绿|长|活|好|缓|醒|站|立|挺|救)(回来|过来|起来)了|(恢复|好转)(正常|过来)?了|"
                        # the books balanced, the trouble gone (当晚账就平了, 修复发布后那类反馈就没有了: breaker 39)
                        r"账[^，。！？；]{0,3}(平|对上)了|" + _TO_THE_CENT + "|"
                        r"(反馈|报错|投诉|问题|故障|错误|差错)[^，。！？；]{0,3}(再也|就|也|都)没(有)?了|"
                        r"(救|保)(活|住)了|活下来了?|"      # the lives kept (救活了, 保住了, 活下来三头)
                        r"(?<![干做生])活了[一两二三四五六七八九十百几0-9]+[头只条匹窝]")   # … counted (十一头活了十头: breaker 33)
# what was someone else's given back, or the shortfall made good (我追出去还给他, 把手机归还给失主, 我自己补上了, 钱补回去了:
# breaker 49's h07, h21 — an integrity story's ending was read as no result). 还给 followed by a verb in its clause is
# "also … for him" (我还给他打了电话), not a return
_RESTORED = {"还给", "归还", "归还给", "退还", "退还给", "还回去", "还回来", "物归原主", "交还", "交还给"}
_MADE_GOOD = {"补上", "补回", "补回去", "补回来"}


def restored(toks: list) -> bool:
    """Chinese: the clause gives back what was someone else's or makes the shortfall good, as done."""
    for k, t in enumerate(toks):
        if t.negated or t.copied:
            continue
        if t.text in _RESTORED and not (t.text == "还给" and any(u.pos.startswith("v") for u in toks[k + 2:])):
            return True
        if (t.text in _MADE_GOOD or t.text == "补" and k + 1 < len(toks) and toks[k + 1].text in ("回去", "回来", "上")) \
                and any(u.text == "了" for u in toks[k + 1:k + 3]):
            return True
    return False


# words jieba tags a pronoun that name no one: a demonstrative or question word, and "once" or "that time" (有次, 那次,
# 有天: 有次送完餐下楼 was read as someone else's deed — breaker 49's h07)
_NOT_SOMEONE = {"这", "那", "什么", "怎么", "有次", "那次", "这次", "有回", "那回", "这回", "有天", "某次", "某天", "那天",
                "这天", "每天", "那时", "这时", "有时", "有时候"}


_FEW_FAULTS = re.compile(r"(?:再也没|再没|没再|没有再|冇再|都没再|之后就?没|以后就?没|后来就?没|一直没)[^，。！？；,.!?;]{0,8}"
                         r"(?:过|了)|"      # the trouble did not come back (到而家都冇再拎错过, 后来再没投诉过: breaker 22)
                         r"没有?(?:着凉|受凉|感冒|生病|受伤|摔着|摔倒|出错|出事|投诉|差评|退货|坏)|"   # … nor the harm (狗没有着凉)
                         r"没有?出(?:过|了)?(?:什么|啥|一点|一次|任何)?(?:事|问题|差错|岔子|事故)|"   # (一直没出什么事)
                         r"(?:差评|投诉|客诉|事故|差错)(?:都|也)没有?|"      # (一次差评都没有)
                         # … nor the complaint the customer could have made (顾客最后没给差评, 也没找店长投诉: breaker 46's h01)
                         r"没有?(?:给|打|留|写|发|找[^，。！？；,.!?;]{0,4})(?:我|我们|店里)?(?:个|一个)?(?:差评|投诉)|"
                         r"零(错|差错|失误|投诉|客诉|差评|破损|事故|漏|返工)|"
                         r"(错|差错|失误|投诉|客诉|差评|破损|坏|退|漏|返工)[^，。！？；,.!?;]{0,5}(只有|只|才|仅|就)"
                         r"([一两二三四五1-9]|几)[^\d]")
_STEP_OPENERS = ("先", "首先", "然后", "再", "接着", "其次", "之后")
# a clause that goes on from the one before it (然后…, 再…, 接着…): the next step of the same story
# (and the ordinals of a list of steps: 其次, 第二步… — breaker 45's g04 and g05 outlined with them)
_GOES_ON = frozenset({"然后", "再", "接着", "之后", "随后", "紧接着", "再然后", "又", "最后", "最终", "其次", "接下来",
                      "第二", "第三", "第四", "第五", "第二步", "第三步", "第四步", "第五步", "最后一步"})


# the words of a verbal tic: fillers, hedges and pointers that fill a pause (Chinese)
_TIC = re.compile(r"(?:然后|就是说|就是|这个|那个|这样子|这样|那样子|那样|这么说|怎么说|其实|反正|差不多|对吧|对不对|是吧|"
                  r"的话|意思|嗯|呃|额|啊|哦|呢|吧|嘛|啦|呀|哈|就|也|说|是|的|了|吗)+")


def disfluent_clause(toks: list, shortest: int = 2) -> bool:
    """Chinese: the clause is a verbal tic alone (怎么说呢, 反正就是这样子, 差不多就这样, 就是那个意思) — every word of it a
    filler, hedge or pointer (_TIC), at least `shortest` characters long (嗯 alone with shortest=1)."""
    text = "".join(t.text for t in toks if t.pos != "x")
    return bool(text) and _TIC.fullmatch(text) is not None and len(text) >= shortest


def _opens_with(toks: list, words, *, past_first_person: bool = True) -> bool:
    """Chinese: the clause's first word after fillers (and, with past_first_person, 我/我们) is one of `words`."""
    sets = lexicon.sets("zh")
    for t in toks:
        if t.pos == "x" or t.text in sets["fillers"] or past_first_person and t.text in sets["first_person"]:
            continue
        return t.text in words
    return False


# the first step of what the candidate did about a situation just told (我先把车靠边停好, 我赶紧…): what came before it is
# that story's situation
_FIRST_STEPS = frozenset({"先", "首先", "赶紧", "马上", "立刻", "立马", "当即", "连忙", "急忙", "赶快", "第一时间", "第一",
                          "第一步"})


def takes_first_step(toks: list) -> bool:
    """Chinese: the clause opens (after fillers and 我/我们) with the candidate's first step (先, 赶紧, 马上…)."""
    return _opens_with(toks, _FIRST_STEPS)


def goes_on_from(toks: list) -> bool:
    """Chinese: the clause opens (after fillers and the first person) with a word of the next step (然后, 再, 接着, 又)
    or of the story's end (最后)."""
    return _opens_with(toks, _GOES_ON)


# looking, listening or asking with nothing looked at, heard or asked (我先看了一下, 问了问): no deed of its own
_GLANCES = frozenset({"看", "看看", "瞅", "瞅瞅", "瞧", "瞧瞧", "瞄", "瞄了", "听", "听听", "问", "问问", "想", "想想", "望"})
_GLANCE_MEASURES = frozenset({"一下", "一眼", "一遍", "一下子", "两眼", "几眼"})


# … and telling the interviewer what the answer will be about (我先说一下那天的情况, 我先说说当时的情况吧: breaker 43's h30
# and h32 were told 说了自己具体做了什么：“我先说一下那天的情况”)
_TELLS = frozenset({"说", "说说", "讲", "讲讲", "聊", "聊聊", "介绍", "交代"})
_TOLD_ABOUT = frozenset({"那天", "当时", "那次", "这次", "情况", "背景", "经过", "事情", "事", "这件", "那件", "这个",
                         "的", "吧", "下", "一下"})


def _deed_verbs(toks: list) -> list[int]:
    """Indexes of a Chinese clause's verbs that may be a deed (not 是, 有, 觉得… nor remembering: _WEAK_VERBS)."""
    return [k for k, t in enumerate(toks) if t.pos.startswith("v") and t.text not in _WEAK_VERBS]


def narrates(toks: list) -> bool:
    """Chinese: the clause is the speaker telling the interviewer what the answer is about (我先说一下那天的情况, 我先说说
    当时的情况吧, 我先讲一下) — to no one in the story (我跟顾客说了一下情况 is a deed): no deed at all, and no first step
    after which the situation would read as the story's result (breaker 43's h32 was told 说到了最后的结果：“那天晚上九点多，
    一桌六个客人等了四十分钟菜还没上齐”)."""
    verbs = _deed_verbs(toks)
    return bool(verbs) and all(toks[k].text in _TELLS for k in verbs) and \
        not any(t.text in ("跟", "给", "和", "对", "向", "同") for t in toks[:verbs[0]]) and \
        all(t.pos == "x" or t.text in _TOLD_ABOUT or t.text in _TELLS or t.text in ("了", "我", "先", "来", "简单")
            for t in toks[verbs[0] + 1:])


def bare_glance(toks: list) -> bool:
    """Chinese: the clause's only deed is a look, a listen or a question with nothing after it but 了, 一下 or 一眼
    (我先看了一下, 就问了问: breaker 42's g45 told 我先看了一下 as its only step before 最后顾客很满意地走了), or the
    speaker's own telling of the story (narrates)."""
    if narrates(toks):
        return True
    verbs = _deed_verbs(toks)
    if not verbs or any(toks[k].text not in _GLANCES for k in verbs):
        return False
    verb = toks[verbs[-1]].text
    return all(t.pos == "x" or t.text in _GLANCE_MEASURES or t.pos in ("ul", "uz", "y") or t.text in ("了", "过", verb)
               for t in toks[verbs[-1] + 1:])     # (问了问: the verb said again)


def _next_step(toks: list) -> bool:
    """Chinese: the clause opens with a word of the next step (然后, 再, 接着, 又 — 然后 too, which goes_on_from passes over
    as a filler), after 我/我们."""
    words = [t.text for t in toks if t.pos != "x" and t.text not in ("我", "我们")]
    return bool(words) and words[0] in _GOES_ON - {"最后", "最终"}


def _last_step(clauses: list, ci: int, sets: dict) -> bool:
    """Chinese: clause ci says a result only through 最后 opening the last step of a routine (先扫面单…再…，最后看一眼
    件数对不对再封箱: set s, session 22) — 最后 then an act, the same clause or one of the three before it opening with a
    step word (先, 然后, 再…), and no other result word in the clause."""
    toks = [t for t in clauses[ci] if t.pos != "x"]
    if len(toks) < 2 or toks[0].text not in ("最后", "最后再") or not toks[1].pos.startswith(("v", "d")):
        return False
    if any(result_word(toks, k, sets) for k in range(1, len(toks))):
        return False
    before = [c for c in clauses[max(0, ci - 3):ci + 1]]
    return any(t.text in _STEP_OPENERS for c in before for t in c[:3])


_NOT_DONE_WAN = {"完全", "完整", "完美", "完善", "完好", "完蛋", "完毕了"}
# a measure that went from one number to another (从3秒降到80毫秒, 从两个小时缩短到半小时, 差错率从百分之五降到了一)
_MEASURED_CHANGE = re.compile(r"^从[^，。；]{0,4}" + _HAN_NUM.pattern +
                              r"[^，。；]{0,8}?(降|减|缩|提|升|涨|压|缩短|减少|降低|提高|提升|增加|变)"
                              r"(到|至|成)了?[^，。；]{0,4}" + _HAN_NUM.pattern)


_ENDING_MARKERS = ("最后", "最终", "结果", "后来", "终于", "到最后")


def marked_result(toks: list) -> bool:
    """Chinese: the clause opens (after fillers) with a marker of the story's ending (最后, 最终, 结果, 后来)."""
    return _opens_with(toks, _ENDING_MARKERS, past_first_person=False)


def result_word(toks: list, k: int, sets: dict, *, markers: bool = False) -> bool:
    """Chinese: token k of a clause says the work got done or had an outcome — a completion word (发出,
    解决, 减少), a verb completed with 完 (发完, 全发/完) or held with 住 (控制住了), an outcome verb with a number after it (找出了17条
    差异), and with `markers` a result marker (按时, 提前, 最后)."""
    t = toks[k]
    completion = sets["completion"]
    if t.text in completion or t.text.startswith(_long_words(completion)):
        return True
    if markers and t.text in sets["result_markers"] and not (k and toks[k - 1].text in _REMEMBERED) and \
            not (t.text in _SCENE_DAYS and _TROUBLE_TOLD.search("".join(u.text for u in toks))):
        return True     # (那天 remembered is no ending: 然后想起那天是我生日, breaker 42's g45; nor 那天 before the trouble:
        #                  那天他车坏了 — breaker 49's h42 was told 说了具体结果：“那天他车坏了”)
    if t.text.endswith("完") and t.pos.startswith("v"):
        return True
    # … or with 完 glued to the next word by jieba (登记|完发|了门禁卡: 登记完, breaker 39's h09)
    if t.pos.startswith("v") and k + 1 < len(toks) and toks[k + 1].text.startswith("完") and \
            len(toks[k + 1].text) == 2 and toks[k + 1].text not in _NOT_DONE_WAN:
        return True
    if len(t.text) >= 2 and t.text.endswith("齐") and (t.pos.startswith("v") or t.text in _DONE_IN_FULL) \
            and not t.negated:
        return True     # 交齐了十吨, 凑齐了: all of it done, as 完 (上齐, which jieba tags a time: breaker 43's h32)
    # … or held in place (控制住了, 保住了, 稳住了, 留住了: a resultative 住 said as done)
    if t.text.endswith("住") and t.pos.startswith("v") and not t.negated and \
            (len(t.text) >= 2 or k > 0 and toks[k - 1].pos.startswith("v")) and \
            any(u.text == "了" for u in toks[k + 1:k + 3]):
        return True
    if t.text in _OUTCOME_VERBS:
        return any(u.pos in ("m", "mq") or u.text[:1].isdigit() for u in toks[k + 1:k + 4])
    if t.text == "从" and _MEASURED_CHANGE.match("".join(u.text for u in toks[k:] if u.pos != "x")):
        return True     # 响应从3秒降到80毫秒: a measured change (breaker 39's h20 was told 没有说到最后的结果)
    if t.fault:
        return True     # a fault or harm denied (没人受伤, 一单都没超时, 没有一个投诉): the good outcome (text._denied_fault)
    return approval(toks, k, sets) or changed_after(toks, k, sets)


# a short completed change after the candidate's action is its result (finding M4, session 17): how fast the work
# got done (五分钟就出餐了, 十分钟就打出来了, 两点前就交给他了, 很快就消气了), how the other person changed
# (她满意了, 他消气了, 她也笑了, 他不生气了, 他的气就消了) and what they did later (第二天又来买了, 成了我们的会员,
# 后来再没投诉过, 每个月都来我们店). Not a result: the situation's own states (他已经等了半小时了, 顾客生气了 —
# no change of this list, and told before the first action), an intention (希望她满意: general_clause; 让他以后还来:
# nothing completed), a complaint repeated (十分钟他就又来催了) and everyone's approval (大家都满意了: a template's)
_CATEGORY_SUFFIXES = frozenset("品物辆类肴")    # 菜品, 货物, 车辆: the thing itself is the first character
_DONE_IN_FULL = {"上齐", "配齐", "备齐", "收齐", "交齐", "凑齐", "补齐", "点齐", "到齐"}
_QUICK = {"很快", "没多久", "不久", "不一会", "不一会儿", "一会儿", "一下子", "转眼", "立马"}
_DURATION = re.compile(r"(分钟|小时|钟头|秒|秒钟|天|星期|周|个月|会儿)$")
_BEFORE = {"前", "之前", "以前", "内", "之内", "以内"}
_CLOCK = re.compile(r"[点時时]")
_DONE_ENDINGS = ("出去", "出来", "上去", "上来", "好", "完", "走", "齐", "掉", "光")
# an approximate number before its duration (十来分钟, 二十多分钟, 半个多小时: jieba tags 来 as a verb)
_ABOUT = {"来", "多", "几", "个", "个多", "来个", "多个"}
_THEN = {"就", "便"}
_COMPLAINING = re.compile(r"催|骂|吵|闹|嚷|投诉|发火|生气|着急|急了|不耐烦|走掉|跑了|差评|退单|取消")
_MODAL = {"要", "会", "能", "能够", "可以", "想", "得", "该", "应该", "准备", "打算"}
_STATE = re.compile(r"^(满意|没事|消气|消了气|气消|气也消|气就消|笑|乐|高兴|开心|放心|理解|同意|接受|认可|原谅|谅解|冷静|平静|"
                    r"不好意思|难为情|服气|"   # the accuser saw they were wrong (他自己也不好意思了: breaker 37)
                    r"点头|点点头|没话说|没意见|不生气|不气|不急|不闹|不吵|不计较|不追究|不再(生气|计较|追究|闹|吵|投诉)|"
                    r"没(得|有)?(什么|啥|啥子)(好|可)?说(的|头)?|没(得|有)?(话|好|可)说|没得说|"
                    r"没(有)?再(说|讲|提|吭声|计较|追究|闹|吵|投诉)(什么|啥|别的)?)"
                    r"[^，。；]{0,6}了|"
                    # … or said as a state with its degree (他挺满意的, 顾客很满意; breaker 39's h15 was told 没有说到最后的结果)
                    r"^(也|还|倒)?(挺|很|特别|非常|蛮|还挺|还算|比较|十分|相当)(满意|高兴|开心|放心|认可|感激)(的|了)?$")
_LATER = re.compile(r"^((又|再|还)(来|回来|过来|找|订|买|下|光顾|点|约)[^，。；]{0,8}(了|过)|成了[^，。；]{0,6}"
                    r"(会员|老顾客|老客户|回头客|常客|熟客)|(办|加|充)了[^，。；]{0,6}(会员|会员卡|储值卡)|"
                    r"再(也)?没(有)?(投诉|来闹|闹|吵|找过麻烦|给过差评|差评|生过气|发过火)|"
                    r"每(个月|个星期|周|天|年)都(来|找|订|买|点)|回来[^，。；]{0,6}了|"
                    # paid without fuss (结账挺痛快的, 痛快地买了单: breaker 37)
                    r"(结账|结帐|买单|付钱|付款|签收)[^，。；]{0,3}(痛快|爽快|干脆)|(痛快|爽快|高高兴兴)地?(结|买|付|签)|(介绍|带)了?[^，。；]{0,6}(朋友|同事|家人|邻居|亲戚)[^，。；]{0,3}来)")
_NO_PIECE = frozenset({"t", "f", "r", "d"})     # jieba: time, direction, pronoun, adverb
_EVERYONE = {"大家", "所有人", "每个人", "人人", "都"}
_REDONE = re.compile(r"^(重新|马上|立刻|第二天|当天|很快|就)?(重新|补|另)(开|发|寄|做|出|送|打|换|签|印)[^，。；]{0,2}了")
_OTHER_SIDE = {"他们", "她们", "对方", "人家", "快递"} | _BUSINESS
_GREW = re.compile(r"^(开始(主动|自己|愿意|敢)[^，。；]{1,8}了|自己(就|也)?(能|会)?(写出|做出|做完|学会|解出|完成|搞定|拼出|画出|读完|"
                   r"背下|背会|算对|写对)[^，。；]{0,10}|能自己[^，。；]{1,8}了|学会了)")
_TROUBLE_AGAIN = re.compile(r"(又|再|还)(来|跑来|打电话|回来)?(投诉|催|骂|吵|闹|找麻烦|发火|生气|给了?差评)|更生气|"
                            # … or the trouble as the ending (骂骂咧咧地走了, 后来在网上给了个差评: breaker 45's g18, a refusal
                            # that passed at 63.0 with its bad review read as the result)
                            r"骂骂咧咧|(气呼呼|生气|不高兴|骂着)地?走了|(?<![没不])(?<!没有)给了?(个|一个)?差评|投诉到了?[^，。]{0,4}(平台|总部|12315)")


# The lapse itself (我把客人订的八寸蛋糕写成了六寸, 漏装了一份米饭, 那次我犯了两个错, 是我看错了: breaker 46's h02, h08, h33,
# g20): what went wrong, told or owned, is no deed to quote as what the candidate did about it
LAPSE_ZH = re.compile(r"[订算看写记拿发放报开输打填搞弄听抄配找装贴标收点数称按读念上]错|错成|[看听认记算]成了|(弄|搞|记|看|拿)混|"
                      r"[装弄放贴摆穿拿寄发]反了|多(找|收|算|扣)了?|少(找|收|算|装)了?|漏(了|掉|发|装|填|写|算|打|放|看)|"
                      r"忘(了|记)|没(看|听|问|数|核|对)(清|准|对)|出(了|过)?(错|差错|岔子|纰漏)|犯(了|过)?[^，。]{0,4}错|"
                      r"(搞|弄)砸|闯(了|过)?祸|失误|疏忽|粗心|马虎|"
                      # (any 把…写成了… — 把顾客的名字写成了电话号码, 把太阳写成了冰箱 — and 剪多了, 给多了: breaker 47)
                      r"[写记看听算打输填点按录订认抄念标]成了|[剪切放加倒算收找给拿发装]多了|"
                      # … and the candidate waving the trouble away (我说没事, 我跟他说算了: breaker 47's g08, g40)
                      r"^我(就|只)?(跟他|跟她|对他|对她|跟客人|跟顾客)?(说|讲)(了句|了)?(没事|没关系|不要紧|算了|无所谓)")
# … said denied (再也没出过错, 一单都没漏, 没怎么出过错), a lapse is the good result, not the lapse
_LAPSE_DENIED = re.compile(r"(没|不|未|别|无)[有再曾过也怎么太什]{0,3}$")
# … nor is the cause a search found or the error confirmed (后来发现是换轮胎的时候传感器装错了位置, 原来是标签贴反了, 对方确认开错后
# 重新开了一张): the fault found, a result
_FOUND = re.compile(r"(发现|原来|查出|查到|找到|才知道|一看|确认|承认)(了)?(是)?")


# The habit the candidate took up after the story (后来配完我都会对一遍单, 从那以后我每次都先核对): its lesson, not its result; not
# another's later behaviour (后来他每周都来: _ENDING_ZH's) nor a fault gone (再也没出过错)
_LESSON = re.compile(r"^(后来|以后|之后|从那以后|从那次以后|从此|此后|现在)[^，。他她客顾店老]{0,8}(都|每次|每单|每回|每张|总是|一定)(都)?"
                     r"(会|要|先)")


# … nor a harvest's loss (最后少收了三成左右: breaker 28's strawberry story, whose ending it is)
_HARVEST = re.compile(r"[多少]收了?[0-9零一二两三四五六七八九十百千几半]*(成|半|斤|吨|亩|公斤)")


def lapse_told(text: str) -> bool:
    """Chinese: the clause text tells a lapse of LAPSE_ZH (not said denied): what went wrong is the story's trouble, never
    its result (有一次拖完地忘了放小心地滑的牌子 was quoted as 说了具体结果: breaker 47's h37)."""
    return any(not _LAPSE_DENIED.search(text[:m.start()]) and not _FOUND.search(text[:m.start()])
               and not _HARVEST.match(text, m.start()) for m in LAPSE_ZH.finditer(text))


def changed_after(toks: list, k: int, sets: dict) -> bool:
    """Chinese: token k starts a short completed change — a duration or 很快 before 就 and a verb, the clause
    ending in 了 (五分钟就出餐了); another person's changed state (她满意了, 他不生气了); or their later
    behaviour (又来买了, 成了会员, 再没投诉过). Never the candidate's own (我很快就道歉了 is a step) nor everyone's
    (大家都满意了); see _QUICK, _STATE, _LATER."""
    t = toks[k]
    words = [u for u in toks if u.pos != "x"]
    if not words or any(u.text in _MODAL for u in toks):      # 五分钟就能好了: a promise, not a change
        return False
    first_person = sets["first_person"]
    rest = "".join(u.text for u in toks[k:] if u.pos != "x")
    # how fast it got done: 五分钟就出餐了, 不到半个小时就修好了, 两点前就交给他了, 很快(就)上齐了
    # … and by a clock time (十二点二十就弄好了: the time it was done by, with 就; breaker 17)
    clock = t.pos in ("m", "mq", "t") and _CLOCK.search(t.text) is not None
    quick = t.text in _QUICK or (t.pos in ("m", "mq", "b", "t", "n") and _DURATION.search(t.text)) or (
        t.pos in ("m", "mq", "t") and k + 1 < len(toks) and toks[k + 1].text in _BEFORE) or clock
    if not quick and t.pos in ("m", "mq") and k + 2 < len(toks) and toks[k + 1].text in _ABOUT and \
            _DURATION.search(toks[k + 2].text):
        quick, k = True, k + 2      # 十来分钟消防车就到了: read from the duration word on
    # completed: the clause ends in 了, or (recognised speech runs on: 十二点二十就弄好了骑手拿走了对就这样) a 了
    # follows within six words
    completed = words[-1].text == "了" or any(u.text == "了" for u in toks[k + 1:k + 7])
    if quick and completed and not _COMPLAINING.search(rest):
        after = toks[k + 1:]
        then = next((j for j, u in enumerate(after[:4]) if u.text in _THEN), None)
        # without 就, a duration right before a verb of completion (五十分钟送出去了, 半小时做好了) says how long the
        # job took (breaker 17); 等了五十分钟 puts the duration after its verb and is not read here
        done = then is None and not clock and bool(after) and (after[0].pos.startswith("v") or after[0].pos == "t" and
                                                              after[0].text.endswith(_DONE_ENDINGS)) and (
            after[0].text.endswith(_DONE_ENDINGS) or (len(after) > 1 and after[1].text in _DONE_ENDINGS))
        if then is None and t.text not in _QUICK and not done:
            return False
        tail = after[(then + 1) if then is not None else 0:]
        # the change itself, not the candidate's step (我很快就跟他道歉了); 上 (jieba: a direction) of a dish served (五分钟就
        # 上了: breaker 46's h35)
        if tail and tail[0].text not in ("又", "还", "再") and any(
                verb_like(tail, j) or u.text in ("消气", "冷静下来") or u.text == "上" and tail[j + 1:j + 2] and
                tail[j + 1].text == "了" for j, u in enumerate(tail)) and \
                clause_agent(toks, first_person, k + 1 + (then or 0) + 1) != "self":
            return True
        return False
    # a learner's progress (她自己写出了画彩虹的程序, 上课也开始主动举手了: set t's tutor, told 没有说到最后的结果) — only
    # with the other person named in the clause: an elided subject starting something is the candidate's next step
    if _GREW.match(rest):
        return clause_agent(toks, first_person, k) == "other" or any(u.text in ("他", "她", "他们", "她们") for u in toks[:k])
    # the other side of a business putting its own error right (对方确认开错后重新开了一张, 供应商第二天补发了两箱: breaker
    # 43's h22 was told 没有说到最后的结果) — only with them named in the clause: an elided 重新做了一份 is the candidate's
    # next step, and a coworker's redo (厨师重新做了一条) a step of the story before its ending
    if _REDONE.match(rest):
        return any(u.text in _OTHER_SIDE for u in toks[:k])
    # another person's changed state or later behaviour: someone other than the candidate, or elided after them
    if not (_STATE.match(rest) or _LATER.match(rest)):
        return False
    if _COMPLAINING.search(rest) and not re.match(r"^(不|没|再(也)?没)", rest):
        return False      # 她又来投诉了, 回来骂了一通: the trouble again, not its end
    if any(u.text in _EVERYONE for u in toks[:k]):
        return False
    return clause_agent(toks, first_person, k) != "self"


# a customer's approval after the candidate's action is its result (她喝完说可以了, 他尝了说行, 顾客说没问题,
# 满意地走了); the candidate's own words (我说可以) are not
_SAY = ("说", "表示", "讲", "回")
# … and praise of the service reported (客人后来说我们态度挺好的, 说你们服务真周到), thanks said to the candidate (跟我说
# 谢谢, 向我道谢) and a promise to come back (说下次还来): breaker 37's plain stories were told 没有说到最后的结果
_APPROVAL = re.compile(r"^(说|表示|讲|回)?(这次|这回|现在)?(可以了?|行了?|好了|没问题|没关系|没事(了|的|儿)?|没(得|啥|什么)事|不要紧|对了|这次对了|好喝|好吃|谢谢|满意|"
                       # … or said the candidate's trouble was seen (还说下雨辛苦了: breaker 39's h29)
                       r"(下雨|下雪|大热天|大冷天|这么晚|这么远)?(天)?辛苦(了|啦|你了|您了|你啦)|"
                       r"(连声|连连|一直)?(谢谢|感谢|道谢)|(下次|以后|下回)(还|再|还会|一定)(来|找|光顾)|"
                       r"(我们|你们|我|咱们|店里|这家店)?(的)?(服务|态度|菜|东西|手艺|味道|做事|人)?"
                       r"(挺|很|真|特别|非常|蛮|还|还挺|都|也挺|也很|确实|贼|超|巨|忒|老)(好|不错|周到|到位|热情|耐心|贴心|专业|靠谱|实在|用心|负责))")
_LEFT_HAPPY = re.compile(r"^(满意|高兴|开心|笑着|笑眯眯)(地|的)?(走|离开)")
_THANKED = ("谢谢", "感谢", "道谢", "道了谢")
_COMING_BACK = re.compile(r"^(说|表示|讲)(下次|以后|下回)(还|再|还会|一定)(来|光顾)")   # not 还找: that may be a threat


def approval(toks: list, k: int, sets: dict) -> bool:
    """Chinese: token k starts a customer's approval (see _APPROVAL), said by someone other than the
    candidate: the clause's agent is another person, or no one is named and the words go to the candidate
    (跟我说谢谢, 对我们说…, 向我道谢: said to me, so by someone else)."""
    t = toks[k]
    rest = "".join(u.text for u in toks[k:k + 8])
    if t.text.startswith(_SAY) and _APPROVAL.match(rest) and (t.text != "说" or _APPROVAL.match(rest[1:])):
        pass
    elif t.text.startswith(_THANKED) and _to_me(toks, k, sets, 2):
        pass            # 向我道谢, 跟我道了谢
    elif not _LEFT_HAPPY.match(rest):
        return False
    agent = clause_agent(toks, sets["first_person"], k)
    if agent is None:   # (他走的时候)说下次还来: only a customer promises to come back
        return bool(_COMING_BACK.search(rest)) or _to_me(toks, k, sets, 3)
    return agent == "other"


def _to_me(toks: list, k: int, sets: dict, within: int) -> bool:
    """A preposition with the candidate as its object (跟我, 向我, 对我们; not 把/被/将) in the `within` tokens before k."""
    return any(toks[j].pos == "p" and toks[j].text not in ("把", "被", "将") and
               person_of(toks[j + 1], sets["first_person"]) == "self" for j in range(max(0, k - within), k - 1))


def _rare(word: str, limit: int = 400) -> bool:
    """A word jieba's dictionary rarely sees (proper names), not a common word it mis-tags as one."""
    from .gates import _jieba_freq

    return _jieba_freq().get(word, 0) < limit


def general_clause(toks: list, language: str) -> bool:
    """A clause that states a view, a habit or an intention (我觉得…/一定要…/平时都会…), not an event."""
    if language == "zh":
        # 她喝完说可以了 reports someone's word, not the speaker's view; … and so does what another person said
        # (客人后来说我们态度挺好的: the customer's praise, not the candidate's view of attitude)
        said_at = next((k for k, t in enumerate(toks) if t.text in ("说", "夸", "表扬", "称赞")), None)
        if said_at is not None and clause_agent(toks, lexicon.sets("zh")["first_person"], said_at) != "other":
            said_at = None
        return any(t.text in _GENERAL and not (t.text == "可以" and k > 0 and toks[k - 1].text.endswith("说"))
                   for k, t in enumerate(toks[:said_at]))
    if language == "en":
        # … and a habit or a promise framed as such (when this happens I…, whenever…, I will…), as 平时都会 is
        return any(t.text in ("think", "believe", "always", "usually", "should", "must", "would", "important",
                              "try", "never", "often", "whenever", "generally", "normally", "typically", "happens",
                              "will") for t in toks)
    # … and an intention, an obligation or a condition (보고하겠습니다, 확인해야, 하려고, 생기면): not an event
    return any(t.text.startswith(("항상", "늘", "보통", "생각", "중요", "만약")) or "것 같" in t.text
               or "겠" in t.text or t.text.endswith(("해야", "려고", "려고요", "으면", "생기면")) for t in toks)


def _clause_tokens(seg: Segmented) -> list[list[Token]]:
    return [[seg.tokens[i] for i in c] for c in seg.clauses]


def _anchor_match(seg: Segmented, anchors: dict) -> float:
    if not anchors:
        return 0.5

    def grams(s: str) -> Counter:
        s = re.sub(r"[\W_]+", "", s)
        return Counter(s[i:i + 2] for i in range(len(s) - 1))

    def cos(a: Counter, b: Counter) -> float:
        if not a or not b:
            return 0.0
        dot = sum(v * b.get(k, 0) for k, v in a.items())
        return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))

    own = grams("".join(t.text for t in seg.tokens if t.pos != "x" and not t.copied and not t.negated))
    sims = {level: cos(own, grams(normalise(text, seg.language))) for level, text in anchors.items()}
    top = sims.get("strong", sims.get("adequate", 0.0))
    low = sims.get("weak", 0.0)
    return float(min(1.0, max(0.0, 0.5 + 1.5 * (top - low))))


def in_dictionary(tok: Token) -> bool:
    """Chinese: the token is a dictionary word, a common single character, a number or a time — not a
    string of characters that form no word (乱码). Tokens without Han characters are True."""
    from . import meaning
    from .gates import _jieba_freq

    t = tok.text
    if not any("\u4e00" <= c <= "\u9fff" for c in t):
        return True
    if tok.pos == "o":          # onomatopoeia (咕噜, 噼里啪啦): sounds, not words, in an interview answer
        return False
    sets = lexicon.sets("zh")
    freq = _jieba_freq()
    if t in sets["stopwords"] or t in sets["pronouns"] or t in sets["fillers"] or t in sets["negators"] \
            or t in sets["measure_words"] or tok.pos in ("m", "mq", "t", "q"):
        return True
    if len(t) >= 2 and freq.get(t):
        return True
    # a word in the word vectors' vocabulary (the 30,000 most used words of a large corpus: meaning.py) or a
    # kitchen or craft character (lexicon "trade_characters") is in everyday use, however rare in jieba's counts
    # (set y: 炖 262, 煸 24, 焯 80 in a recipe were noted as 乱码)
    if t in sets["trade_characters"] or meaning.vector(t) is not None:
        return True
    # a word jieba does not know (箱货, 小王, 顺丰, 申通) is still made of characters in everyday use;
    # random text is not (昃, 闰, 鑫, 龘: see REAL_CHAR_FREQ)
    # … or, in a word of two or more, a less common character beside an everyday one (橘猫: 橘 127 beside 猫 1908;
    # breaker 26 had 一只橘猫 noted as 乱码)
    # … and a trade's character counts as everyday inside a word too: chemical names of any trade (farm chemicals
    # 乙螨唑, 吡虫啉, 嘧菌酯; medicines 头孢克肟; breaker 28 had 阿维菌素, 乙螨唑, 螺螨酯 noted as 乱码)
    trade = sets["trade_characters"]
    return all(freq.get(c, 0) >= REAL_CHAR_FREQ or c in trade for c in t) or len(t) >= 2 and \
        all(freq.get(c, 0) >= PAIRED_CHAR_FREQ or c in trade for c in t) and any(freq.get(c, 0) >= 1000 for c in t)


# … and the count of a less common character in a word with an everyday one (random text pairs rare characters: 鬲龠,
# 爨籥; 淼 147 and 鑫 141 alone stay 乱码)
PAIRED_CHAR_FREQ = 100

# jieba's dictionary count above which a character is in everyday use: names and rare-but-real words are
# made of such characters (丰 784, 申 715, 韵 764, 碟 692, 陕 625, 厢 462, 邮 402);
# characters seen in random or archaic text are rarer (昃 12, 鑫 141, 淼 147, 闰 159). 1000 called 顺丰 乱码.
REAL_CHAR_FREQ = 300


def _jieba_freq_char(c: str) -> bool:
    """A single Han character that is itself a noun-like word of the story (货, 箱, 单), not a function or
    very common character that every sentence shares (的, 了, 人, 天)."""
    return "\u4e00" <= c <= "\u9fff" and c not in _COMMON_CHARS


_COMMON_CHARS = set("的了是在我你他她它们有和就不也都要会这那个人天上下大小多少一二三四五六七八九十百千万点时分"
                    "年月日去来到说看做把被给让对从跟着过得地很最更还再又才只几家里外前后中高新老好事")


ENGLISH_P = 0.5


def _english_words(latin: str) -> bool:
    """The Latin words of a Chinese answer are English said in passing (next day ship, shipped zero error:
    code-switching), not typed or recognised syllables (ba la ka) or pinyin: the language identifier
    reads them as English with probability ENGLISH_P or more. The reasons then name the uncounted Latin
    runs as English words, not as 乱码."""
    from .language import identify, looks_like_pinyin

    if looks_like_pinyin(latin):
        return False
    ranked = identify(latin)
    return bool(ranked) and ranked[0][0] == "en" and ranked[0][1] >= ENGLISH_P


def _english_junk_chars(words: list, junk: set) -> int:
    latin = [t for t in words if id(t) in junk and t.text.isascii() and t.text.isalpha()]
    if not latin or not _english_words(" ".join(t.text for t in words if t.text.isascii() and t.text.isalpha())):
        return 0
    return sum(len(t.text) for t in latin)


def junk_tokens(seg: Segmented) -> set:
    """ids of tokens that carry no content however they are counted: in Chinese, characters that form no
    dictionary word, and runs of three or more Latin words (syllables typed or recognised as nonsense, or
    a stretch in another language). Single Latin terms (POS, Excel, WiFi, SKU) stay content."""
    if seg.language != "zh":
        return set()
    out = set()
    words = seg.words
    run: list = []

    def flush():
        if len(run) >= 3:
            out.update(id(t) for t in run)
        run.clear()

    for t in words:
        if t.pos == "eng" or (t.text.isascii() and t.text.isalpha()):
            run.append(t)
            continue
        flush()
        if not in_dictionary(t):
            out.add(id(t))
    flush()
    return out


def _linked(words: set, others: set) -> bool:
    """The clause's specific words meet the rest of the answer: a shared word, or a shared uncommon
    character (货 in 急货 and 这批货)."""
    if words & others:
        return True
    chars = {c for w in others for c in w if _jieba_freq_char(c)}
    return any(c in chars for w in words for c in w if _jieba_freq_char(c))


def _own_phrase(phrase: str, clauses: list, first_person: frozenset) -> bool:
    """Chinese: the phrase is said on word boundaries (as _on_boundaries) in a clause whose agent is the
    candidate — 我忘了, 忘了 after 我…, not 同事忘了 or 顾客骂我: the nearest person before the phrase, else
    the last clause's agent (the candidate when none was named)."""
    agent = "self"
    for toks in clauses:
        if any((clause_agent(toks, first_person, k) or agent) == "self" for k in _boundary_hits(phrase, toks)
               # 我不是不愿意加班 is not unwilling; nor is a phrase said under a negator (没人骂, 从不拖着)
               if not affirmed(toks, k) and not toks[k].negated and not _supposed_in(toks, k)
               and not _thing_subject(toks, k, first_person) and not _no_bother(phrase, toks, k)
               and not _other_sense(phrase, toks, k, clauses)):
            return True
        # a clause naming only someone else passes them on even when jieba tags a word before them as its
        # first verb (一个外卖/v 小哥等了半小时，特别不耐烦: the rider is impatient, not the candidate)
        agent = clause_agent(toks, first_person) or (
            clause_agent(toks, first_person, len(toks)) if not any(t.text in first_person for t in toks) else None
        ) or agent
    return False


# 麻烦 is the candidate's reluctance only as an attitude (嫌麻烦, 太麻烦了, 麻烦死了); a request (麻烦您说下咋走, 麻烦帮我看
#一下) or trouble met (遇到点麻烦, 给同事添麻烦) is not (breaker 41's h14: a rider asking the way read as unwilling)
_BOTHER_BEFORE = {"嫌", "怕", "太", "好", "很", "真", "挺", "多", "觉得", "特别", "非常", "比较", "有点", "有些", "怪", "够"}


def _no_bother(phrase: str, toks: list, k: int) -> bool:
    """Chinese: 麻烦 at toks[k] said as a request or as trouble met, not as finding the work a bother."""
    if phrase != "麻烦":
        return False
    before = toks[k - 1].text if k > 0 else ""
    after = toks[k + 1].text if k + 1 < len(toks) else ""
    return before not in _BOTHER_BEFORE and not after.startswith("死")


# Two reluctance words have an everyday sense (breaker 47's h37, an office cleaner's owned lapse, read as unwilling twice,
# 55.9): 拖 is mopping or dragging where the clause names a floor or a mop (拖完地, 把地面用拖把拖了一遍, 拖地前), not
# putting off (一直拖着, 拖了三天); 忘了 before a deed (忘了放牌子, 忘了把单子…, 忘了告诉厨房) is a lapse told — the
# mistake a question may ask about, counter-evidence's to read — not the candidate not remembering (我忘了是哪天, 忘了具体怎么弄的)
_FLOOR = {"地", "地面", "地板", "拖把", "拖地", "楼道", "走廊", "瓷砖", "台阶", "拖完", "拖干净"}
_NOT_A_DEED = {"是", "有", "叫", "记得", "什么", "怎么"}


def _other_sense(phrase: str, toks: list, k: int, clauses: list) -> bool:
    """Chinese: the reluctance phrase at toks[k] said in its everyday sense — 拖 where the answer (clauses) names a floor
    or a mop (the clause may be only 再拖), 忘了 before a deed."""
    if phrase == "拖":
        return any(t.text in _FLOOR for c in clauses for t in c)
    if phrase == "忘了":
        after = toks[k + 2] if k + 2 < len(toks) and toks[k].text == "忘" else toks[k + 1] if k + 1 < len(toks) else None
        return after is not None and after.text not in _NOT_A_DEED and (
            after.pos.startswith("v") or after.text in ("把", "给", "跟", "和", "在", "带"))
    return False


def _thing_subject(toks: list, k: int, first_person: frozenset) -> bool:
    """Chinese: the phrase at toks[k] says what a thing did or became — a noun that names no person stands right
    before it, past adverbs only (后来香蕉基本就不怎么扔了: the bananas, not the candidate's attitude). A person, a
    verb, 了 or anything else first: no (订单太多了就拖着 is the candidate's)."""
    for j in range(k - 1, -1, -1):
        t = toks[j]
        if t.pos in ("d", "ad") and not t.negated:
            continue
        if person_of(t, first_person, (toks, j)) is not None:
            return False
        return t.pos.startswith("n") and t.pos not in ("nr", "nrt", "nrfg", "ns", "nt") and t.text not in _PLACES_TIMES
    return False


_PLACES_TIMES = {"时候", "时间", "那时", "当时", "现在", "以后", "之后"}


def _supposed_in(toks: list, k: int) -> bool:
    """The phrase at toks[k] is said as a supposition in its clause — a condition before it (要是不管, 如果拖着) or
    的话 after it (不管的话): what would have happened, not the candidate's attitude (breaker 28: 最后少收了三成，
    要是不管估计要少一大半 read as unwilling). The conditions are contrary.py's (_CONDITIONS, _SUPPOSED_END)."""
    return any(t.text in contrary._CONDITIONS for t in toks[:k]) or \
        any(t.text in contrary._SUPPOSED_END for t in toks[k + 1:])


# A concession: a preference or habit said negated (平时不太喜欢加班, 虽然我不想当组长, 本来不愿意去) and then
# turned by a contrast (但那次不一样, 但是我还是留下来了, 后来…) into the opposite deed. The negated clause is neither
# counter-evidence nor reluctance (breaker 14, M3); the turn must not be negated itself (但是我还是没去) nor unwilling.
_CONCEDE_OPENERS = ("虽然", "虽说", "尽管", "平时", "平常", "平日", "一般", "本来", "原本", "原来", "一开始", "刚开始", "起初",
                    "以前", "之前", "向来", "一向", "通常", "说实话", "其实", "老实说", "说实在的")
_CONCEDE_TURNS = ("但", "但是", "可是", "可", "不过", "然而", "后来", "可那次", "但那次")
_TURN_DENIAL_OK = ("不一样", "不同", "不例外", "二话不说", "不得不")


def _nobodys(toks: list, k: int) -> bool:
    """Chinese: toks[k] is negated as what nobody did (好几天没人弄, 没有人管, 谁也不管), not as the candidate's denial —
    the turn of 本来不归我管，但我看仓库漏水好几天没人弄 turns all the same (breaker 29: capped at 35)."""
    return any(toks[j].text == "谁" or toks[j].text.startswith(("人", "谁")) and j > 0
               and toks[j - 1].text in ("没", "没有", "无") for j in range(max(0, k - 2), k + 1))


def conceded_clauses(seg: Segmented, reluctance=()) -> set:
    """Chinese: the clauses of a concession (虽然/平时/本来…不…，但/但是/可是/不过/后来 + the opposite) whose negation
    or unwilling phrase is turned by what follows: their negated terms and unwilling phrases count neither way."""
    if seg.language != "zh":
        return set()
    clauses = [[seg.tokens[i] for i in c if seg.tokens[i].pos != "x"] for c in seg.clauses]
    text = ["".join(t.text for t in toks) for toks in clauses]
    first_person = lexicon.sets("zh")["first_person"]

    def negative(ci: int) -> int:
        """Where clause ci's first negated word or unwilling phrase starts (-1: none)."""
        at = [text[ci].find(p) for p in reluctance if p in text[ci]]
        k, pos = 0, None
        for t in clauses[ci]:
            if t.negated:
                pos = k
                break
            k += len(t.text)
        return min(at + ([pos] if pos is not None else []), default=-1)

    out: set = set()
    for ci in range(len(clauses)):
        # a short clause of its own (平时不太喜欢加班), not a run-on stretch of recognised speech
        neg = negative(ci) if clauses[ci] and len(text[ci]) <= 16 else -1
        # the candidate's own preference (我平时不太喜欢…, subject elided), not others' (他们一开始不太高兴)
        if neg < 0 or clause_agent(clauses[ci], first_person) == "other":
            continue
        # the opener stands before the negation (平时不…, 虽然我不…; not 有没有空房…原来那间)
        opener = ci if any(0 <= text[ci].find(o) < neg for o in _CONCEDE_OPENERS) else \
            ci - 1 if ci > 0 and any(text[ci - 1].endswith(o) or text[ci - 1] == o for o in _CONCEDE_OPENERS) else None
        if opener is None:
            continue
        for cj in (ci + 1, ci + 2):
            if cj >= len(clauses) or not clauses[cj]:
                break
            if clauses[cj][0].text in _CONCEDE_TURNS or text[cj].startswith(("但", "可是", "不过")):
                turned = not any(p in text[cj] for p in reluctance) and (
                    not any(t.negated and not _nobodys(clauses[cj], k) for k, t in enumerate(clauses[cj]))
                    or any(w in text[cj] for w in _TURN_DENIAL_OK))
                if turned:
                    # a bare turn (但那次不一样) goes with it: it tells nothing of the story itself
                    bare = len(text[cj]) <= 8 and any(w in text[cj] for w in _TURN_DENIAL_OK[:3])
                    out.update(range(opener, cj + bare))
                break
            if negative(cj) < 0:
                break
    return out


def _boundary_hits(phrase: str, words: list):
    """Indexes of the words where the phrase starts in the words' text at a word's start (a one-character
    phrase also ends at a word's end)."""
    text = "".join(t.text for t in words)
    starts, ends, at = {}, set(), 0
    for i, t in enumerate(words):
        starts[at] = i
        at += len(t.text)
        ends.add(at)
    k = text.find(phrase)
    while k >= 0:
        if k in starts and (len(phrase) > 1 or k + 1 in ends):
            yield starts[k]
        k = text.find(phrase, k + 1)


def _on_boundaries(phrase: str, words: list) -> bool:
    """The phrase occurs in the words' text starting at a word's start (a one-character phrase also
    ends at a word's end)."""
    return next(_boundary_hits(phrase, words), None) is not None


_SCENE_OPENERS = {"最近", "前几天", "前阵子", "前段时间", "这两天", "今年", "上次", "上周", "暑假", "寒假", "小时候"}
# what a speaker says when turning to something else (对了，…; 说到这个，我想起来…; 另外我还想说一下…): said at
# the start of a sentence, the speaker marks what follows as a digression (digression_tail)
_DIGRESSION = ("对了", "说到这个", "说到这儿", "说到这里", "说起来", "说起这个", "顺便说", "顺便提", "顺带说", "另外我还想",
               "另外还想", "我还想说", "我想起来", "题外话", "扯远了", "插一句", "跟您讲个事", "跟你讲个事",
               "跟您说个事", "跟你说个事",
               # a turn announced as a topic of its own (然后我想说一下我做红烧肉的方法: set y)
               "我想说一下", "我想说说", "我想讲一下", "我想讲讲", "再说一下我", "再讲一下我", "分享一下我")
# times that set a scene at work (高峰期一天大概多少件), not a private one
_WORK_TIMES = {"高峰", "旺季", "促销", "开业", "双十一", "节前", "节后", "月初", "月底", "年底"}
# times told relative to what was just said (后来, 第二天, 过了一会儿): told of the people already in the story, the same
# story goes on (breaker 37's h35 lost its second half, the customer's return and thanks, as padding after 后来他回来找)
_RELATIVE_TIMES = ("后来", "之后", "随后", "过后", "事后", "第二天", "次日", "隔天", "当天", "当晚", "这时", "那时", "当时",
                   "过了一会", "没过多久", "不一会", "没一会", "一会儿")


def goes_on_with(toks: list, back: int | None) -> bool:
    """Chinese: a sentence told at a time relative to the story (后来, 第二天, 过了一会儿) about someone it already named (后来他
    回来找: his pronoun points back to a person named before, refers_back) goes on with that story; it opens no episode
    of its own. A private episode after 后来 (后来我去学了做烘焙) or a pronoun with no one named before it (沟通很重要。
    第二天他请我去看电影) still opens one."""
    head = [t for t in toks if not t.copied][:4]
    return back is not None and "".join(t.text for t in head).startswith(_RELATIVE_TIMES) and \
        any(t.text in _BACK_PRONOUNS for t in head)


def opens_scene(toks: list, language: str, time_words: set) -> bool:
    """Chinese: the clause starts by setting a time of its own (去年国庆, 上周末, 前几天, 我最近…) in its first
    four words, the way a new episode starts."""
    if language != "zh":
        return False
    head = [t for t in toks if not t.copied][:4]
    text = "".join(t.text for t in head)
    if any(w in text for w in _WORK_TIMES):
        return False
    return any(t.pos == "t" and len(t.text) >= 2 for t in head) or any(
        w in text for w in _SCENE_OPENERS | time_words if len(w) >= 2)


def digression(seg: Segmented, toks: list) -> bool:
    """Chinese: the sentence this clause starts opens with a turn to something else (对了，…; 说到这个，我想起来…;
    另外我还想说一下…) in its first eight characters; 对了 only on its own (对了，), not as a verb (对了四十分钟)."""
    if seg.language != "zh" or not toks:
        return False
    lead = seg.text[toks[0].start:toks[0].start + 12]
    if lead.startswith("对了"):
        return lead[2:3] in ("，", ",", "、", " ", "。", "！", "!")
    lead = "".join(c for c in lead if unicodedata.category(c)[0] in "LN")[:8]
    return any(m in lead for m in _DIGRESSION if m != "对了")


def sentence_start(seg: Segmented, toks: list) -> bool:
    """The clause starts a sentence: it is the first, or the mark before it ends one (。！？)."""
    if not toks:
        return False
    k = next((i for i, t in enumerate(seg.tokens) if t is toks[0]), 0)
    while k > 0 and seg.tokens[k - 1].pos == "x" and seg.tokens[k - 1].text.strip() == "":
        k -= 1
    return k == 0 or seg.tokens[k - 1].text.strip() in ("。", "！", "？", "!", "?", "…", "；", ";")


def thin_run_aside(run: list, asides: list | None) -> bool:
    """Whether a stretch next to a thin answer reads, by meaning, as being about something else: the mean
    aside probability (meaning.aside) of its clauses with a known word is at least THIN_ASIDE. Without word
    vectors (en, ko, or the artefact absent) the lexical test alone is too weak, and the stretch stays."""
    known = [asides[k] for k in run if asides is not None and k < len(asides) and asides[k] is not None]
    return bool(known) and sum(known) / len(known) >= THIN_ASIDE


def _within_story(i: int, j: int, goes_on: list | None) -> int:
    """The first clause of run [i, j) that does not go on from the clause before it (goes_on): those before it are the
    story's own (…晚上关棚，又喷了两次腐霉利)."""
    while goes_on and 0 < i < j and goes_on[i]:
        i += 1
    return i


def _within_story_end(i: int, j: int, n: int, goes_on: list | None) -> int:
    """The end of run [i, j) without the clauses the answer's own part after it goes on from (…我们十二点半才进场，
    我先check了一下venue，然后把backdrop装好，再做balloon arch: the whole opening sentence)."""
    while goes_on and i < j < n and goes_on[j]:
        j -= 1
    return j


def counted_clauses(on_topic: list, junk: list, has_content: list, words: list | None = None,
                    results: list | None = None, asides: list | None = None, opens: list | None = None,
                    touched: list | None = None, carried: list | None = None, goes_on: list | None = None) -> list:
    """Which clauses count for the content features: not nonsense, and not a stretch of OFF_TOPIC_RUN
    or more content clauses at the start or the end of the answer that touch neither the question nor
    work and share (almost) no word with the rest of the answer, when the rest has MIN_REST_CLAUSES
    content clauses of its own — another story appended or put in front as padding; after a thinner answer,
    a story of its own about something else (thin_padding). When no clause is on topic every clause counts
    (the answer as a whole is damped as off-topic instead). Clauses on the topic only because they point back at the
    story's people (`carried`: 给他两个选择, 他选了…) end a stretch but do not widen the answer's own part, so a story's
    opening is not cut for them. The clauses of a run that the answer's own part goes on from, or that go on from it
    (`goes_on`: the same sentence, or 然后/再/又/最后 — …我们十二点半才进场，我先check了一下venue，然后把backdrop装好，
    再做balloon arch; 前年夏天有天晚上十一点半，我巡到7号楼，闻到一股焦味; …晚上关棚，又喷了两次腐霉利) are that
    story's own, told in words HR did not foresee; only the rest of the run, from a sentence of its own, may be a story
    put in front or after (…都正常。说点别的，我最近在学做烘焙…)."""
    n = len(on_topic)
    keep = [not j for j in junk]
    own_topic = [on_topic[k] and not (carried and carried[k]) for k in range(n)]
    if not any(own_topic):
        own_topic = on_topic
    words = words or [set() for _ in range(n)]
    k_words_result = results or [False] * n
    if not any(on_topic):
        return keep
    i = 0
    while i < n:
        if on_topic[i]:
            i += 1
            continue
        j = i
        while j < n and not on_topic[j]:
            j += 1
        end, i = j, _within_story(i, j, goes_on)
        j = _within_story_end(i, j, n, goes_on)
        run = [k for k in range(i, j) if has_content[k] or junk[k]]
        if len(run) >= OFF_TOPIC_RUN["edge" if i == 0 or j == n else "inner"]:
            others = set().union(*(words[k] for k in range(n) if not i <= k < j and not junk[k]))
            linked = sum(1 for k in run if not junk[k] and _linked(words[k], others))
            first = own_topic.index(True)
            last = n - 1 - own_topic[::-1].index(True)
            rest = sum(1 for k in range(first, last + 1) if has_content[k] and not junk[k])
            # a result said in the run (交接完, 修好了, 一共成了三单) ends the answer's own story; at the end of the
            # answer, what follows that result is a stretch of its own (…没有一单发错。去年国庆节我和家人去了三亚…)
            ends = [k for k in run if k_words_result[k]]
            if ends and j == n:
                start = _within_story(ends[-1] + 1, j, goes_on)
                tail = [k for k in run if k >= start]
                if len(tail) >= OFF_TOPIC_RUN["edge"] and rest >= MIN_REST_CLAUSES and \
                        sum(1 for k in tail if not junk[k] and _linked(words[k], others)) <= 1:
                    for k in range(start, j):
                        keep[k] = False
            elif linked <= 1 and rest >= MIN_REST_CLAUSES and not ends:
                for k in range(i, j):
                    keep[k] = False
        i = end
    for k in thin_padding(on_topic, junk, has_content, words, asides, opens, touched):
        keep[k] = False
    return keep


def thin_padding(on_topic: list, junk: list, has_content: list, words: list, asides: list | None,
                 opens: list | None, touched: list | None = None) -> list[int]:
    """A story about something else told after a thin answer (Chinese): from a sentence that opens a scene
    of its own (去年国庆…, 上个月…, 我最近…) to the end, when what comes before has a clause on the question but
    fewer than MIN_REST_CLAUSES, the tail has THIN_REST_RUN content clauses or more, at most one of them
    touches the question or work by its own words (touched, before the story's words carry the topic on:
    电影讲的是… shares 讲 with 请讲一次), at most one shares a word with what came before, and by meaning it
    reads as an aside (thin_run_aside). An honest story whose words HR did not foresee (纸尿裤, 码数) goes on from
    its first line without a new scene, or shares its people and things with it, and stays."""
    n = len(on_topic)
    if opens is None:
        return []
    for s in range(1, n):
        if not opens[s]:
            continue
        head = [k for k in range(s) if on_topic[k] and has_content[k] and not junk[k]]
        tail = [k for k in range(s, n) if has_content[k] and not junk[k]]
        if not head or len(head) >= MIN_REST_CLAUSES or len(tail) < THIN_REST_RUN:
            continue
        before = set().union(*(words[k] for k in range(s) if not junk[k]))
        own = touched or on_topic
        if sum(own[k] for k in tail) <= 1 and sum(_linked(words[k], before) for k in tail) <= 1 and \
                thin_run_aside(tail, asides):
            return list(range(s, n))
    return []


def _meaning_words(toks: list, language: str, junk: set = frozenset()) -> list[str]:
    """The words of a stretch that carry its meaning: content words, not copied from the question, not
    nonsense, not a generic evaluative word."""
    sets = lexicon.sets(language)
    return [t.base or t.text for t in toks if is_content(t, language) and not t.copied and id(t) not in junk
            and (t.base or t.text) not in sets["generic"] and not concrete_kind(t, language)
            and t.pos not in ("m", "mq", "q", "d")]


def topic_words(question: dict, comps: list, q_words: set, language: str) -> list[str]:
    """The question's topic as words: its own content words, the competencies' names and terms (HR's
    keywords, synonyms, behaviours, split into words; not the curated behaviours_not_topic: 跟主管说 shows honesty
    but would bring every story that names a supervisor near an honesty question) and the words of their anchors."""
    texts = tuple([c.name for c in comps] + [t for c in comps for t in c.terms if t not in c.not_topic] +
                  [a for c in comps for a in c.anchors.values()])
    return sorted(q_words) + list(_topic_text_words(texts, language))


@functools.lru_cache(maxsize=256)
def _topic_text_words(texts: tuple, language: str) -> tuple:
    out = []
    for text in texts:
        out.extend(_meaning_words(segment_words([{"word": text}], language).words, language))
    return tuple(out)


def semantic_clauses(clauses: list, question: dict, comps: list, q_words: set, language: str,
                     junk: set) -> dict | None:
    """Per clause, the cosine of its mean word vector with the question's topic (topic_words) and its
    aside probability (meaning.aside, relative to the topic); None for a clause with no known word. None
    when the word-meaning artefact is absent or the language is not Chinese."""
    from . import meaning

    if language != "zh" or not meaning.available():
        return None
    topic = meaning.text_vector(topic_words(question, comps, q_words, language))
    vecs = [meaning.text_vector(_meaning_words(toks, language, junk)) for toks in clauses]
    sims = [None if v is None or topic is None else round(meaning.similarity(v, topic), 4) for v in vecs]
    return {"topic": sims, "vectors": vecs, "topic_vector": topic,
            "aside": [meaning.aside(v, topic) for v in vecs]}


def topic_similarity(sem: dict | None, keep: list, has_content: list) -> float:
    """0..1: how close in meaning the counted clauses are to the question's topic — the mean cosine of
    their word vectors with the topic's, 0.1 → 0, 0.6 → 1. 0.5 (neutral) without word vectors (en, ko)."""
    if sem is None:
        return 0.5
    sims = [s for k, s in enumerate(sem["topic"]) if s is not None and keep[k] and has_content[k]]
    if not sims:
        return 0.0
    return float(min(1.0, max(0.0, (sum(sims) / len(sims) - 0.1) / 0.5)))


def competency_closeness(sem: dict | None, keep: list, comp: "Competency", language: str) -> float | None:
    """Chinese: how close in meaning the answer comes to one competency — the mean cosine of its three
    closest counted clauses with the competency's own words (name, terms, anchors). None without vectors."""
    from . import meaning

    if sem is None:
        return None
    own = meaning.text_vector(_topic_text_words(tuple([comp.name, *comp.terms, *comp.anchors.values()]), language))
    sims = sorted((meaning.similarity(v, own) for k, v in enumerate(sem["vectors"])
                   if v is not None and k < len(keep) and keep[k]), reverse=True)[:3]
    return round(sum(sims) / len(sims), 4) if sims and own is not None else None


_NOT_SCENE = {"经历", "结果", "时候", "事情", "问题", "工作", "情况", "办法"}


def scene_closeness(q_seg: Segmented, seg: Segmented, keep: list) -> float | None:
    """Chinese: whether the answer is set where the question is — the highest cosine between a noun of the
    question (花束, 泳池, 顾客) and a word the answer says in a counted clause (深水区 for 泳池). A story from
    another job (奶茶店 for a question about a bouquet) stays near 0. None without vectors or question nouns."""
    from . import meaning

    if seg.language != "zh" or not meaning.available():
        return None
    nouns = [meaning.vector(t.text) for t in q_seg.tokens if t.pos.startswith("n") and len(t.text) >= 2
             and t.text not in _NOT_SCENE]
    nouns = [v for v in nouns if v is not None]
    said = {t.text for t in seg.tokens if len(t.text) >= 2 and not t.copied and 0 <= t.clause < len(keep)
            and keep[t.clause]}
    vecs = [v for v in (meaning.vector(w) for w in said) if v is not None]
    if not nouns or not vecs:
        return None
    return round(max(meaning.similarity(n, v) for n in nouns for v in vecs), 4)


def _question_fit(clauses: list, keep: list, junk: set, question: dict, language: str) -> float | None:
    """Chinese: question_fit.fit of the counted clauses' meaning words (None otherwise)."""
    from . import question_fit

    if language != "zh":
        return None
    words = [w for ci, toks in enumerate(clauses) if ci < len(keep) and keep[ci]
             for w in _meaning_words(toks, language, junk)]
    return question_fit.fit(words, question)


def meaning_aside_ready(sem: dict) -> bool:
    return any(p is not None for p in sem["aside"])


def semantic_padding(asides: list, on_question: list, keep: list, results: list | None = None,
                     refers_back: list | None = None, goes_on: list | None = None,
                     first_steps: list | None = None) -> list[int]:
    """Clauses of a stretch about something else, by meaning (Chinese): a run of counted clauses that do
    not say the question's own words or the competencies' terms, each with an aside probability
    (meaning.aside) ≥ SEMANTIC_OFF["each"] and on average ≥ SEMANTIC_OFF["mean"] (a clause with no known
    word continues the run), at least SEMANTIC_OFF["edge"] clauses long at the start or the end of the answer
    and SEMANTIC_OFF["inner"] inside it, next to at least two clauses of the answer's own. A holiday, a
    family meal or a hobby told before, inside or after the answer; an honest story that avoids HR's words
    reads as work and stays, and so does a stretch that ends in the story's result (`results`, as in
    counted_clauses: …又送了一杯豆浆，他笑着走了 read 0.90 and 0.65 as an aside). So does a stretch of at most
    SEMANTIC_OFF["goes_on"] clauses whose first goes on from one of the answer's own (`goes_on`: 又送她一瓶，下架查了一排 after
    当场退了钱 — breaker 33: a short complaint story lost its gift and its finding as an aside), a stretch as short in the
    middle that ends in the story's result, and an opening stretch followed by the candidate's first step (`first_steps`: 有回我拉
    一车菜去饭店，半道上车胎扎了。我先把车靠边停好 — breaker 41: the cargo read as a meal), and an opening stretch
    whose person the answer's own next clause points back at (一位老人家要买月饼送人…打开样品让他尝: its customer). A stretch
    that names a word of the story again is still an aside (说到苹果我就想起来，前年国庆…)."""
    n = len(asides)
    results = results or [False] * n
    cand = [keep[k] and not on_question[k] and (asides[k] is None or asides[k] >= SEMANTIC_OFF["each"])
            for k in range(n)]
    own = sum(1 for k in range(n) if keep[k] and not cand[k] and asides[k] is not None)
    out, i = [], 0
    while i < n:
        if not cand[i]:
            i += 1
            continue
        j = i
        while j < n and cand[j]:
            j += 1
        # … at the end, a result said in it ends the answer's own story (追施了尿素，叶面喷了磷酸二氢钾。十天后叶子绿
        #回来了: farm work read as private life): only what follows that result may be a stretch of its own
        ends = [k for k in range(i, j) if results[k]] if j == n else []
        if ends:
            i = ends[-1] + 1
            if i >= j:
                continue
        if goes_on and goes_on[i] and i and keep[i - 1] and not cand[i - 1] and j - i <= SEMANTIC_OFF["goes_on"]:
            i = j     # a few clauses going on from the story's own (又送她一瓶，下架查了一排…): its next steps
            continue
        if j < n and i and keep[i - 1] and not cand[i - 1] and results[j - 1] and j - i <= SEMANTIC_OFF["goes_on"]:
            i = j     # … or told between the story's own clauses and ending in its result (补好胎我就接着送过去了，菜都没坏，
            continue  # 老板也没说啥: the cargo read as a meal, breaker 41's h38)
        if i == 0 and first_steps and any(first_steps[k] for k in range(1, min(j + 1, n))):
            i = j     # the situation of the story whose first step follows (or, run on, is told in it: 我先没解释给她…)
            continue
        stretch = [k for k in range(i, j) if asides[k] is not None]
        need = SEMANTIC_OFF["edge" if i == 0 or j == n else "inner"]
        # most of its clauses point back at people named before it (跟他玩五分钟, 跟他妈妈说了 after 有个八岁男孩…): the
        # story's own steps with its own people, not a story about something else
        back = sum(1 for k in range(i, j) if refers_back and refers_back[k] is not None and refers_back[k] < i)
        # … or, opening the answer, the answer's own clause right after it points back at someone it named (一位老人家要买
        # 月饼送人…打开样品让他尝: breaker 43's h20 lost its customer, the sold-out cake and its first step as a holiday told
        # aside); not later, where an aside's own people go on (一家是一个阿姨开的，她家是按碗算钱)
        if i == 0 and j < n and refers_back and keep[j] and refers_back[j] is not None and refers_back[j] < j:
            i = j
            continue
        if len(stretch) >= need and own >= 2 and not (j == n and results[j - 1]) and 2 * back <= j - i and \
                sum(asides[k] for k in stretch) / len(stretch) >= SEMANTIC_OFF["mean"]:
            out.extend(stretch)
        i = j
    return out


_BACK_PRONOUNS = frozenset({"他", "她", "他们", "她们", "对方", "人家"})


def refers_back(clauses: list, first_person: frozenset) -> list[int | None]:
    """Chinese: per clause, the clause it points back to — the last one before it that named a person or used a
    third-person pronoun, followed back to where that chain began — when it has such a pronoun (他, 她, 对方) before
    any person it names itself; else None.
    The same story goes on (给他两个选择 after 客户还车说…); a story about something else names its own people
    first (我有个朋友，他…)."""
    out, last = [], None
    for ci, toks in enumerate(clauses):
        # the clause's first mention of someone else: a pronoun points back, a person named starts anew
        first = next((t for i, t in enumerate(toks)
                      if t.text in _BACK_PRONOUNS or person_of(t, first_person, (toks, i)) == "other"), None)
        out.append(None if first is None or first.text not in _BACK_PRONOUNS else
                   last if last is None or out[last] is None else out[last])    # the first naming of a chain
        if first is not None:
            last = ci
    return out


def digression_tail(asides: list, marked: list, keep: list, has_content: list, on_topic: list,
                    touched: list) -> list[int]:
    """Clauses of a story the speaker marks as a digression (Chinese): from a sentence that turns away
    (对了，…; 说到这个，我想起来…; 另外我还想说一下…) up to the next sentence that speaks of the question or work
    again (touched: a sentence start whose clause does), or the end. It counts for nothing when the answer
    before it has a clause on the question and, by meaning, the stretch reads as an aside: at least
    DIGRESSION["clauses"] counted clauses with a known word, mean aside probability (meaning.aside) at least
    DIGRESSION["aside"] and DIGRESSION["gap"] above the answer's own before it. A holiday or a wedding told
    after a thin answer must not lend it its concreteness; a second work example (另外还有一次…) reads as work
    and stays. A new scene without a turn-away phrase is left to thin_padding and semantic_padding: on the
    labelled sets the aside probability alone took honest stories' own results and steps (走过去蹲下…)."""
    n = len(asides)
    for s in range(1, n):
        if not marked[s]:
            continue
        end = next((k for k in range(s + 1, n) if touched[k]), n)
        head = [k for k in range(s) if keep[k] and has_content[k]]
        tail = [k for k in range(s, end) if keep[k] and has_content[k] and asides[k] is not None]
        if not any(on_topic[k] for k in head) or len(tail) < DIGRESSION["clauses"]:
            continue
        t = sum(asides[k] for k in tail) / len(tail)
        known = [asides[k] for k in head if asides[k] is not None]
        h = sum(known) / len(known) if known else 0.0
        if t >= DIGRESSION["aside"] and t - h >= DIGRESSION["gap"]:
            return [k for k in range(s, end) if keep[k]]
    return []


# Word sense of a term (breaker round 14: 客户取消了合作 counted as 团队协作 for an overslept story): a mention
# that names a business relation, a relation or channel that ended or is missing, or someone else's refusal is
# a circumstance of the story, not the candidate showing the competency — it counts neither for nor against.
_ENDING_VERBS = frozenset({"取消", "终止", "停止", "中断", "中止", "结束", "解除", "断绝", "断了", "失去", "丢掉", "丢了",
                           "暂停", "撤销", "退出", "切断", "断掉", "停掉", "叫停", "毁约", "违约"})
_OTHERS_ENDING_VERBS = frozenset({"放弃", "拒绝", "不想", "不愿", "不愿意", "不肯"})
_ENDED_AFTER = frozenset({"取消", "终止", "结束", "中断", "中止", "告吹", "破裂", "失败", "黄", "黄了", "断", "断了", "没了",
                          "停", "停了", "暂停", "不畅", "不顺", "受阻", "泡汤", "吹", "吹了"})
_SENSE_GLUE = frozenset({"了", "的", "也", "都", "就", "已经", "彻底", "全", "全部", "直接", "被", "双方", "彼此", "和", "与",
                         "跟", "我们", "他们", "对方", "这个", "这次", "那次", "所有", "之间", "长期", "一切", "掉"})
_RELATION_HEADS = ("合作", "协作", "合伙", "对接")
_RELATION_NOUNS = ("关系", "协议", "合同", "伙伴", "方", "单位", "公司", "客户", "商家", "厂家", "厂商", "意向", "项目", "机构",
                   "企业", "门店", "品牌", "平台", "事宜", "商", "社")
_CHANNEL_NOUNS = frozenset({"渠道", "途径", "机会", "条件", "方式", "窗口", "平台", "机制"})
_ABSENT = frozenset({"没有", "没", "缺少", "缺乏", "无", "缺", "少了", "没了"})


def circumstance_sense(seg: Segmented, hit, first_person: frozenset) -> bool:
    """Chinese: the mention `hit` of a competency term is said of the story's circumstances, not of the candidate's
    conduct — a business relation (合作关系, 合作方, 合作伙伴), a relation or channel that ended or is missing (客户取消了
    合作, 合作终止了, 没有沟通渠道), or someone else's refusal (同事不配合, 对方不愿意沟通). Such a mention is neither
    evidence nor counter-evidence of the competency."""
    if seg.language != "zh":
        return False
    toks = seg.tokens
    first, last = hit.first, hit.last
    ci = toks[first].clause
    word = "".join(t.text for t in toks[first:last + 1])
    # a relation noun: 合作关系, 合作方, 合作伙伴 (one token or two)
    heads = [h for h in _RELATION_HEADS if h in word]
    nxt = toks[last + 1] if last + 1 < len(toks) and toks[last + 1].clause == ci else None
    for h in heads:
        rest = word[word.index(h) + len(h):]
        if rest in _RELATION_NOUNS or (not rest and nxt is not None and nxt.text in _RELATION_NOUNS):
            return True
    # ended before: 取消了合作, 终止了双方的合作, 客户放弃了合作
    k = first - 1
    while k >= 0 and toks[k].clause == ci and toks[k].text in _SENSE_GLUE and k >= first - 4:
        k -= 1
    if k >= 0 and toks[k].clause == ci:
        if toks[k].text in _ENDING_VERBS:
            return True
        if toks[k].text in _OTHERS_ENDING_VERBS and clause_agent(toks[:k + 1], first_person, k) == "other":
            return True
    # ended after: 合作取消了, 沟通失败, 合作就黄了
    k = last + 1
    while k < len(toks) and toks[k].clause == ci and toks[k].text in _SENSE_GLUE and k <= last + 3:
        k += 1
    if k < len(toks) and toks[k].clause == ci and toks[k].text in _ENDED_AFTER:
        return True
    # a missing channel: 没有沟通渠道, 缺少交流的机会
    j = last + 1
    if j < len(toks) and toks[j].text == "的":
        j += 1
    if j < len(toks) and toks[j].clause == ci and toks[j].text in _CHANNEL_NOUNS and (
            hit.negated or (first > 0 and toks[first - 1].text in _ABSENT)):
        return True
    # someone else's refusal: 同事不配合, 客户不愿意沟通 (the candidate's own refusal stays counter-evidence)
    # — the negator right before the term (up to two words between: 不太愿意), and the person before the negator
    # (老板不在我也一样自觉: the negation is 老板's, 自觉 is the candidate's and stays evidence)
    if hit.negated:
        negators = lexicon.sets("zh")["negators"]
        neg = next((k for k in range(first - 1, max(first - 4, -1), -1)
                    if toks[k].clause == ci and (toks[k].text in negators or toks[k].text.startswith(("不", "没")))), None)
        if neg is not None:
            clause_start = neg
            while clause_start > 0 and toks[clause_start - 1].clause == ci:
                clause_start -= 1
            if clause_agent(toks[clause_start:neg], first_person, neg - clause_start) == "other":
                return True
    return False


def _joined(toks: list, language: str, keep) -> str:
    """English: the clause's words with a space around each, to find a term of several words (said sorry),
    which the words run together (saidsorry) never show."""
    return " " + " ".join(t.text for t in toks if keep(t)) + " "


def _has_term(text: str, term: str, language: str) -> bool:
    # as text.find matches English: whole words, the last one with an ending (greet in greeted)
    return re.search(" " + re.escape(term) + ("[a-z']{0,3} " if len(term.split()[-1]) >= 4 else " "), text) is not None


NEAR_QUESTION = 0.8     # a word this close in meaning to one of the question's own says it (下雨 for 下大雨: 0.86; 0.7 let
                        # 知道 ~ 怎么 (0.77) put a padded baking story on topic, set k)


def _question_vectors(q_words: set, generic: set) -> list:
    """Chinese: the word vectors of the question's own content words of two characters or more (not generic)."""
    from . import meaning
    out = []
    sets = lexicon.sets("zh")
    skip = sets["stopwords"] | sets["pronouns"] | sets["fillers"]
    for w in sorted(q_words):
        if len(w) >= 2 and w not in generic and w not in skip:
            v = meaning.vector(w)
            if v is not None:
                out.append(v)
    return out


def _near_question(tok: Token, q_vectors: list) -> bool:
    """The token (a noun or verb of two characters or more, known to the word vectors) means what one of the
    question's words means (下雨 ~ 大雨, 刮风 ~ 大风): it touches the question as the word itself would
    (breaker 17: 下雨就慢慢骑呗 was read as off the topic of a question about heavy rain)."""
    if not q_vectors or len(tok.text) < 2 or not tok.pos.startswith(("n", "v", "i", "l")) or tok.negated:
        return False
    from . import meaning
    v = meaning.word_vector(tok.text)     # an idiom the vectors lack (刮风下雨) is read through its parts
    return v is not None and any(float(v @ q) >= NEAR_QUESTION for q in q_vectors)


def _step(toks: list, language: str) -> bool:
    """A clause that reads as one step of a plan: at least two content words, and a grammar word among them or
    at most STEP_WORDS content words (叫保安守住路口; not 诚实 责任心 主动 赔偿 处理 联系…, a list in one clause)."""
    content = sum(is_content(t, language) for t in toks)
    return content >= 2 and (content <= STEP_WORDS or any(is_function(t, language) for t in toks))


STEP_WORDS = 6


def _plan_question(question: dict) -> bool:
    """A situational question (假如…你会怎么做): its answer is a plan in the candidate's voice."""
    from .explain import question_type

    return question_type(question) == "situational"


def analyse(words: list[dict], language: str, question: dict) -> Analysis:
    """Segment the answer and compute every feature (see the module docstring)."""
    seg = segment_words(words, language, question=question.get("text"))
    sets = lexicon.sets(language)
    comps = [Competency.from_question(c, language) for c in (question.get("competencies") or [])]
    all_terms = set()
    for c in comps:
        all_terms.update(c.terms)
    q_seg = segment_words([{"word": question.get("text") or ""}], language)
    q_words = {t.base or t.text for t in q_seg.tokens if is_content(t, language)}
    generic = sets["generic"] | sets["result_markers"] | sets["connectives"] | sets["completion"]
    for cues in lexicon.load(language)["star"].values():
        generic = generic | set(cues)

    words_ = seg.words
    content = [t for t in words_ if is_content(t, language) and not t.copied]
    distinct_content = {t.base or t.text for t in content}
    fillers = [t for t in words_ if t.text in sets["fillers"]]

    junk = junk_tokens(seg)

    # English: a word form of HR's terms (listened, apologizing), a manner adverb (carefully) or a verb whose
    # object is only HR's term or a hollow word (offered a refund, informed my manager, found a solution) is
    # a template's wording, no content of the story's own
    # — the last only when the answer names almost nothing else of its own (a template; a short honest answer
    # that names the vegetables and the supplier keeps its "gave her a refund")
    en_hollow = set()
    if language == "en":
        # HR's keywords and their common synonyms (not the curated behaviour phrases: redid is a story's own)
        term_stems = {_en_stem(v) for c in comps for kw in c.keywords
                      for v in lexicon.variants(language, normalise_term(kw, language)) if " " not in v}
        on_terms = set()
        for k, t in enumerate(words_):
            if _en_stem(t.text) in term_stems or t.text in _EN_MANNER or t.text in _EN_HOLLOW_NOUNS:
                en_hollow.add(id(t))
                continue
            if t.text in _EN_NOT_VERBS or t.text in sets["connectives"] or t.pos != "w":
                continue
            rest = [u for u in words_[k + 1:k + 5] if u.text not in _EN_DET and u.text not in _EN_PLAIN_ADJ]
            if rest and rest[0].clause == t.clause and rest[0].text in _EN_HOLLOW_OBJECTS:
                en_hollow.add(id(t))
            elif rest and rest[0].clause == t.clause and _en_stem(rest[0].text) in term_stems:
                on_terms.add(id(t))
        own = {t.text for t in words_ if is_content(t, language) and not t.copied and t.text not in generic
               and t.text not in q_words and t.text not in all_terms and id(t) not in junk
               and id(t) not in en_hollow and id(t) not in on_terms}
        if len(own) < 3:
            en_hollow |= on_terms

    def specific(t: Token) -> bool:
        b = t.base or t.text
        return (is_content(t, language) and not t.copied and not t.negated and b not in generic
                and id(t) not in en_hollow
                and b not in q_words and b not in all_terms and b not in sets["fillers"]
                and id(t) not in junk and not (language == "zh" and (b in _HOLLOW or t.pos in ("m", "mq")
                                                                    or b in sets["measure_words"]))
                and not (language == "ko" and ko_template_word(b, all_terms)))

    clauses = _clause_tokens(seg)
    # which clauses count: not nonsense, and not part of a long stretch about something else (padding)
    topic = q_words | all_terms | sets["work_topic"]
    long_terms = [term for term in all_terms | sets["work_topic"] if len(term) >= 2]

    q_near = _question_vectors(q_words, generic) if language == "zh" else []
    # the instances of a category the question names (病虫害 → 红蜘蛛, 褐斑病; 天气灾害 → 冰雹): the question's own
    # topic, told as people tell it (lexicon.named_instances)
    inst_words, inst_endings = lexicon.named_instances(language, question.get("text") or "")
    inst_long = [w for w in inst_words if len(w) >= 2]

    def instance(t) -> bool:
        return t.text in inst_words or len(t.text) >= 2 and t.text[-1] in inst_endings and t.pos.startswith("n")

    def names_instance(toks: list, denied: bool = False) -> bool:
        said = [t for t in toks if not t.copied and (denied or not t.negated) and id(t) not in junk]
        text = "".join(t.text for t in said)
        return any(instance(t) for t in said) or any(w in text for w in inst_long)

    def denied_instance(toks: list) -> bool:
        """The trouble asked about, gone (新叶上没病斑了, 再没见红蜘蛛): the good outcome, as a fault denied."""
        return any(t.negated and not t.copied and instance(t) for t in toks)

    # the situation the question asks about, told as happening in the candidate's own words (是我配错的, 把八号桌的宫保鸡丁配成了
    # 鱼香肉丝 on 讲一次你在工作中犯错的经历: focus.tells_happened, gates.mixups) touches the question itself, whatever trade's
    # words tell it — breaker 46's honest kitchen mistake story read as touching no clause of the question (relevance 0)
    foci = focus.asked(normalise(question.get("text") or "", language)) if language == "zh" else []

    def tells_asked(toks: list) -> bool:
        return bool(foci) and focus.tells_happened("".join(t.text for t in toks if not t.copied and id(t) not in junk), foci)

    def touches(toks: list) -> bool:
        keep_ = lambda t: not t.copied and id(t) not in junk     # noqa: E731
        text = "".join(t.text for t in toks if keep_(t))
        # English terms on word boundaries (app is not in happy, plan not in explained): the words run together
        # (text) show only Chinese and Korean terms
        return any((t.base or t.text) in topic and keep_(t) for t in toks) or (language != "en" and any(
            term in text for term in long_terms)) or (language == "en" and any(
                _has_term(_joined(toks, language, keep_), term, language) for term in long_terms)) or any(
            keep_(t) and _near_question(t, q_near) for t in toks) or names_instance(toks) or tells_asked(toks)

    # a clause of speech's tics alone (怎么说呢, 反正就是这样子, 差不多就这样, 就是那个意思) says nothing: no content, and no
    # attitude (breaker 39's g08: a strong story with a tail of them fell from 75.8 to 48.7, 反正 read as reluctance)
    disfluent = [language == "zh" and disfluent_clause(toks) for toks in clauses]
    has_content = [any(is_content(t, language) and not t.copied and id(t) not in junk for t in toks)
                   and not disfluent[ci] for ci, toks in enumerate(clauses)]
    junk_clause = [bool(toks) and any(id(t) in junk for t in toks) and
                   2 * sum(id(t) in junk for t in toks) >= sum(is_content(t, language) or id(t) in junk for t in toks)
                   for toks in clauses]
    on_topic_clause = [has_content[ci] and not junk_clause[ci] and touches(toks) for ci, toks in enumerate(clauses)]
    lists = term_list_clauses(seg, clauses, all_terms, junk)
    stock_chains = stock_phrase_clauses(seg, clauses, all_terms, junk)
    lists |= stock_chains
    for ci in lists:        # a list of HR's terms neither puts the story on topic nor counts as its content
        on_topic_clause[ci] = has_content[ci] = False
    sem = semantic_clauses(clauses, question, comps, q_words, language, junk)
    touched = list(on_topic_clause)   # before the story's own words carry the topic on (thin_padding)
    # the story's own words carry the topic on: a clause that names what an on-topic clause named (the
    # 货 of 这批货, the 扫描枪) belongs to the same story; an appended holiday or recipe shares nothing
    for _ in range(2):
        story = {t.base or t.text for ci, toks in enumerate(clauses) if on_topic_clause[ci] for t in toks
                 if specific(t) and not concrete_kind(t, language) and not t.pos.startswith(("d", "a"))
                 and (len(t.text) >= 2 or language != "zh" or t.pos.startswith("n"))}
        story |= {c for w in story if language == "zh" and len(w) <= 3 for c in w if _jieba_freq_char(c)}
        for ci, toks in enumerate(clauses):
            if not on_topic_clause[ci] and has_content[ci] and not junk_clause[ci] and any(
                    specific(t) and ((t.base or t.text) in story or (
                        language == "zh" and t.pos.startswith("n") and any(c in story for c in t.text)
                        and any(on_topic_clause[c] for c in (ci - 1, ci + 1) if 0 <= c < len(clauses))))
                    for t in toks):
                on_topic_clause[ci] = True
    # … and so does a clause that points back at someone the answer named (给他两个选择, 他选了三百二 after 客户还车说…;
    # set t: a short strong answer lost its second half, its prices and its result, as padding), after an on-topic one
    back = refers_back(clauses, sets["first_person"]) if language == "zh" else [None] * len(clauses)
    carried = [False] * len(clauses)
    for ci in range(1, len(clauses)):
        # … on topic where the chain began or anywhere along it before (请他别急 … 拿着他的阀芯去货架上找 … 记下他的电话:
        # the customer of the on-topic middle, though the chain began in a clause of no topic words)
        if back[ci] is not None and has_content[ci] and not junk_clause[ci] and not on_topic_clause[ci] and any(
                on_topic_clause[c] for c in range(back[ci], ci) if c == back[ci] or back[c] == back[ci]):
            on_topic_clause[ci] = carried[ci] = True
    spec_words = [{_en_singular(t.base or t.text) if language == "en" else t.base or t.text for t in toks
                   if specific(t) and not concrete_kind(t, language)
                   and (len(t.text) >= 2 or language != "zh" or t.pos.startswith("n"))} for toks in clauses]
    results = [any(result_word(toks, k, sets) for k in range(len(toks))) or denied_instance(toks) or
               bool(_RECOVERED.search("".join(t.text for t in toks))) or bool(_GAINED.search("".join(t.text for t in toks))) or
               bool(_FEW_FAULTS.search("".join(t.text for t in toks))) if language == "zh"
               else says_result_other(toks, language) or (language == "en" and en_result_said(toks, sets))
               for toks in clauses]
    if language == "zh":
        # a job done faster (以前要两个小时，后来半小时就好了) ends the story with its result: not an aside
        for sv in time_saved.savings(clauses, [True] * len(clauses)):
            results[sv.clauses[-1]] = True
    starts = [sentence_start(seg, toks) for toks in clauses]
    opens = [starts[ci] and opens_scene(toks, language, sets["time_words"]) and not goes_on_with(toks, back[ci])
             for ci, toks in enumerate(clauses)]
    punctuated = any(starts[1:])     # sentences told apart (a recogniser's run-on text has one)
    keep = counted_clauses(on_topic_clause, junk_clause, has_content, spec_words, results,
                           sem["aside"] if sem is not None else None, opens, touched, carried,
                           [language == "zh" and (goes_on_from(toks) or punctuated and not starts[ci])
                            for ci, toks in enumerate(clauses)])
    for ci in lists:
        keep[ci] = False
    if sem is not None and meaning_aside_ready(sem):
        opening_on_topic = next((ci for ci, on in enumerate(on_topic_clause) if not on), len(clauses))
        # … or an instance of the category it names (褐斑病 for 病虫害: the aside reader takes an orchard for private life)
        # … or the one-character thing a question word names by its category (菜 of 菜品, 货 of 货物, 车 of 车辆, 药 of 药品:
        # breaker 43's g22 lost 我跟他说我们的菜一直就是这个味道，爱吃不吃 as a meal told aside, so its retort to the guest
        # was not read; any character of any question word let holidays through as the question's)
        # … or the asked situation told as happening (菜上桌客人说点错了, 是我配错的: breaker 46's h35, a kitchen mistake in dish
        # names read as a meal told aside — its mistake, the customer's complaint and the report to the chef not counted)
        things = {w[0] for w in q_words if len(w) == 2 and w[1] in _CATEGORY_SUFFIXES and language == "zh"}
        said_question = [any((t.base or t.text) in q_words | all_terms and not t.copied for t in toks)
                         or any(len(t.text) == 1 and t.pos == "n" and t.text in things and not t.copied for t in toks)
                         or names_instance(toks, denied=True) or tells_asked(toks) for toks in clauses]
        # … and so are the TOLD_CARRY clauses after the asked situation told, unless a digression starts (送错了地址…我马上
        # 跑过去拿回来，再送过去，晚了十五分钟，我自己贴了一瓶饮料: breaker 49's h47 lost its remedy as a drink told aside)
        # (a new scene opened by a time of its own — 我最近在考驾照 after a plan for a hair in the soup — ends it, the
        # story's own next hours and days do not: 连夜, 第二天, 后来)
        told = 0
        for ci, toks in enumerate(clauses):
            told = 0 if digression(seg, toks) or opens_scene(toks, language, sets["time_words"]) and not any(
                t.text in _STORY_GOES_ON for t in toks[:3]) else told
            if said_question[ci] and tells_asked(toks):
                told = TOLD_CARRY
            elif told:
                said_question[ci] = True
                told -= 1
        for ci in semantic_padding(sem["aside"], said_question, keep, results, back,
                                   [goes_on_from(toks) for toks in clauses],
                                   # (an opening on the work, not a holiday: 去年国庆我去了三亚…我先把单子…) — on the question's
                                   # words, or with no clause before it that reads as told aside (国庆那天中午十二点，一下子进了
                                   # 四十多张单，我是炒锅。我先把单子按桌号排开: breaker 45's h19 lost its situation and steps
                                   # in a kitchen's words, 0.46–0.80, as a holiday)
                                   [takes_first_step(toks) and (ci <= opening_on_topic or all(
                                       a is None or a < SEMANTIC_OFF["mean"] for a in sem["aside"][:ci]))
                                    for ci, toks in enumerate(clauses)]):
            keep[ci] = False
        marked = [starts[ci] and digression(seg, toks) for ci, toks in enumerate(clauses)]
        # the digression ends where a sentence says the question's own words or HR's terms again: a word merely
        # near one in meaning (下锅 near 喝酒) does not bring a recipe back to the question (set y)
        # (nor does a one-character word of it: 做 of 你会怎么做 in 我做的比饭店的还好吃)
        sentence_said = [starts[ci] and any(len(t.base or t.text) >= 2 and (t.base or t.text) in q_words | all_terms
                                            and not t.copied for t in clauses[ci]) for ci in range(len(clauses))]
        for ci in digression_tail(sem["aside"], marked, keep, has_content, on_topic_clause, sentence_said):
            keep[ci] = False
    # a clause that mostly reads the question back (你问我遇到紧急订单…) says nothing of the candidate's own
    for ci, toks in enumerate(clauses):
        said = [t for t in toks if is_content(t, language) or t.copied]
        if said and 2 * sum(t.copied for t in said) >= len(said):
            keep[ci] = False
    # a preference conceded and then turned (说实话我平时不太喜欢加班，但那次不一样。…): an aside, not the story, and
    # neither counter-evidence nor reluctance (conceded_clauses)
    conceded = conceded_clauses(seg, tuple(sets["reluctance"]))
    for ci in conceded:
        keep[ci] = False
    # … nor does a verbal tic's clause (怎么说呢，就是那个意思): the wording read without it, as a listener hears past it
    if any(disfluent) and not all(disfluent[ci] or not keep[ci] for ci in range(len(clauses))):
        for ci in range(len(clauses)):
            keep[ci] = keep[ci] and not disfluent[ci]
    words_c = [t for t in words_ if 0 <= t.clause < len(keep) and keep[t.clause] and id(t) not in junk]
    # a job done faster after the candidate's change (以前要两个小时，后来半小时就好了): its durations are facts
    # of the story, and the saving is evidence for an efficiency competency (time_saved.py)
    savings = time_saved.savings(clauses, keep) if language == "zh" else []
    saved_ids = set().union(*(sv.token_ids for sv in savings)) if savings else set()
    clause_has_specific = [keep[ci] and any(specific(t) for t in toks) for ci, toks in enumerate(clauses)]
    # a thing or a deed a number can quantify (货, 扫描枪, 打包), not a description (很急)
    clause_has_thing = [keep[ci] and any(specific(t) and (language != "zh" or t.pos.startswith(("n", "v", "eng")))
                                         for t in toks) for ci, toks in enumerate(clauses)]

    def grounded(ci: int) -> bool:
        # a number counts when it quantifies something specific said in its clause or next to it
        # (三百箱货, 两百多个SKU), not when it only decorates a keyword (沟通了5次, 安排了3个人)
        return language != "zh" or any(clause_has_thing[c] for c in (ci - 1, ci, ci + 1)
                                       if 0 <= c < len(clauses))

    concrete, concrete_ids = {}, set()
    for k, t in enumerate(words_):
        if not (0 <= t.clause < len(keep) and keep[t.clause]) or id(t) in junk:
            continue
        kind = concrete_kind(t, language, words_[k + 1] if k + 1 < len(words_) else None)
        if kind is None and id(t) in saved_ids and _HAN_NUM.search(t.text):
            kind = "number"     # 半小时 (jieba: a distinguishing word) as a duration of a time saving
        if kind == "number" and id(t) not in saved_ids and (not grounded(t.clause)
                                                           or claimed_rate(words_, k, seg.text)):
            continue
        if kind:
            concrete_ids.add(id(t))
            text_ = t.text + (words_[k + 1].text if t.text in _NUM_IDIOMS else "")
            if language != "zh" and kind == "number" and k + 1 < len(words_) and \
                    words_[k + 1].clause == t.clause and (_ko_counter(words_[k + 1].base or words_[k + 1].text)
                                                          or words_[k + 1].text in _EN_UNITS):
                unit = (words_[k + 1].base or words_[k + 1].text)
                text_ = (t.base or t.text) + " " + (unit[:-1] if unit.endswith(("씩", "째")) else unit)  # 삼십 명
            concrete.setdefault(text_, kind)
    specific_words = {t.base or t.text for t in words_c if specific(t)}
    # the shape of a template with invented numbers: (almost) every clause puts a number on a generic work
    # verb (沟通了5次, 检查了20个地方, 学习了10个小时) or claims a rate (满意度100%, 效率提高了200%) and names no
    # specific thing the number could count — a real story's numbers count things it names (三百箱货)
    index = {id(t): k for k, t in enumerate(words_)}
    number_clauses = hollow_clauses = rate_clauses = hollow_any = figure_clauses = clock_clauses = 0
    rate_ids = set()     # clauses that claim a rate (效率提高了百分之四十, 准确率百分之百): a figure, not a deed
    for ci, toks in enumerate(clauses):
        if ci in stock_chains and any(t.pos in ("m", "mq") or t.text[:1].isdigit() for t in toks):
            # a stock phrase with a figure hung on it (沟通了八次, 3天内完成改进): no content, but the template's number
            number_clauses += 1
            hollow_clauses += 1
            hollow_any += 1
            continue
        if not (keep[ci] and has_content[ci]) or not toks:
            continue
        nums, after_verb = [], False
        for j, t in enumerate(toks):
            k = index.get(id(t))
            nxt = words_[k + 1] if k is not None and k + 1 < len(words_) else None
            if k is not None and concrete_kind(t, language, nxt) == "number" and id(t) not in saved_ids:
                nums.append(_counter(t.text) or (nxt.text if nxt is not None and nxt.clause == ci else ""))
                after_verb = after_verb or any(u.pos.startswith("v") for u in toks[:j])
        span = seg.text[toks[0].start:toks[-1].start + len(toks[-1].text) + 1]
        rate = "%" in span or any(t.text.endswith("率") or t.text.startswith("百分") or t.text in ("倍", "翻倍", "翻番")
                                  or language == "en" and t.text in ("percent", "percentage") for t in toks)
        if not nums and not rate:
            continue
        number_clauses += 1
        rate_clauses += rate
        claimed = rate and bool(nums or "%" in span or "百分" in span)
        if claimed:
            rate_ids.add(ci)     # (a rate with its figure: 注重效率 is an attitude, 效率提高了百分之四十 a claim)
        # a figure with no verb (2022年8月8日下午3点15分, 同事3人, 满意度100%), not a step's number alone (1. / 第一，),
        # or a rate claimed with one (效率提高了百分之四十, 节省了百分之二十的成本: breaker 42's g05 passed at 69.9 on
        # figures and rates alone)
        figure_clauses += claimed or not any(t.pos.startswith("v") and t.pos != "vn" for t in toks) and \
            not all(t.pos in ("m", "mq", "x") for t in toks)
        # (… and what a count counts, whatever jieba tags it: 收到三个投诉 counts complaints — breaker 51's h38, an honest
        # report gated as a template of numbers)
        things = [t for j, t in enumerate(toks) if specific(t) and (t.pos.startswith(("n", "eng")) or j and toks[j - 1].pos in (
                      "m", "mq") and t.pos in ("v", "vn")) and t.text not in _GENERIC_THINGS and t.text[-2:] not in _GENERIC_THINGS]
        on_verb = any(t.pos.startswith("v") for t in toks)
        # (the story's clock — time left, late or early by, how long the way takes: 还剩8分钟, 导航说要走12分钟, 可能晚3分钟,
        # 提前了一分钟 — counted apart: a fact of the story beside deeds of its own, gates.template_numbers)
        hollow = not things and all(c in _HOLLOW_COUNTERS for c in nums)
        clock_clauses += hollow and bool(_STORY_CLOCK.search(span))
        # what a verb did N times (沟通了5次, 协调了3个同事) follows its verb; a number before every verb tells
        # who or when (另外两位按时上课, 第二天又来了, 二十分钟后家长来接走了) — a short real story dense with
        # headcounts and days. Only an answer that also claims rates (满意度100%) reads those as counts too
        # (5次我都耐心沟通，3个同事一起协调): the template turned around
        hollow_clauses += rate or (after_verb and hollow)
        hollow_any += rate or (on_verb and hollow)
    if rate_clauses:
        hollow_clauses = hollow_any

    first_person = sets["first_person"]
    # Korean drops the subject: a clause with no other subject is the speaker's own (봤어요, 샀어요)
    # … and so does Chinese in a plan: the bare steps answering 你会怎么做 (先拉警戒带…，马上报物业…) are the
    # candidate's own until someone else is named (set m, session 18: such a plan had no action at all, 44.7)
    # — a step, that is (_step): a verb with something it acts on (拉警戒带, 报物业), not a list (处理 联系 解决)
    implied = language == "zh" and _plan_question(question)
    subject_first = language == "ko" or implied
    actions, specific_actions, action_idx, others_actions = [], [], [], []
    implied_actions = []    # counted as the plan's steps, not as deeds in counts["actions"] (the gates read those)
    clause_specific = []
    for ci, toks in enumerate(clauses):
        has_spec = keep[ci] and (clause_has_specific[ci] or any(id(t) in concrete_ids for t in toks))
        clause_specific.append(has_spec)
        # (the candidate only among those there — 当时值班的只有我和1个保安 — tells no voice the story goes on in: breaker 47's
        # g13, 订单有三百箱，第二天上午十点前都发走了 after it, was read as the candidate's deed and passed at 80.3)
        own = any(t.text in first_person and not (j and toks[j - 1].text in _THERE_WERE) for j, t in enumerate(toks))
        # the candidate named only as whose, at the head of the clause, or as one of those who were there (我的快递丢了,
        # 我送的那单洒了, 当时值班的只有我和1个保安: breakers 45–46): the clause is no deed of the candidate's, though the story
        # goes on in their voice (我的处理：稳住声音…). Not inside a preposition's phrase (就跟带我的验光师说了: the candidate
        # speaks to their trainer)
        # (我的任务是按时完成订单, 我的做法是先…: what is the candidate's, said to be their doing, is theirs)
        mentioned_only = language == "zh" and any(t.text in first_person for t in toks) and \
            not any(t.text == "是" for t in toks) and all(
            owner_only(toks, j) and not any(u.pos == "p" or u.text in _TOWARDS for u in toks[:j])
            or j and toks[j - 1].text in _THERE_WERE
            for j, t in enumerate(toks) if t.text in first_person)
        # someone else named first (他说…, 她又来了), not a preposition's object (给她换了一个新的: the candidate's step)
        other = any(t.pos == "r" and t.text not in first_person and t.text not in _NOT_SOMEONE
                    and not (j and toks[j - 1].pos == "p")
                    for j, t in enumerate(toks[:2])) if language == "zh" else False
        agent = clause_agent(toks, first_person) if language == "zh" else None
        if agent or own or other:
            implied = False
        if agent:   # 同事忘了贴标签, 第二天客户收到了: someone else acts, not the candidate
            subject_first = agent == "self"
        elif own:
            subject_first = True
        elif other:
            subject_first = False
        if not keep[ci]:
            continue
        if language == "zh":
            # (a verb that only qualifies a noun is no deed of anyone's: 当时值班的只有我和1个保安)
            verbs = [t for k, t in enumerate(toks) if verb_like(toks, k) and t.text not in _WEAK_VERBS
                     and not t.negated and not t.copied and not modifying_verb(toks, k)]
        else:
            verbs = [t for t in toks if is_content(t, language) and not t.negated and not t.copied]
        if ci in rate_ids or language == "zh" and narrates(toks):
            continue      # a rate claimed (效率提高了百分之四十) is nobody's deed, nor is telling the interviewer a story
        if agent is None and mentioned_only:
            continue
        if subject_first and verbs and not (implied and not _step(toks, language)):
            actions.append(ci)
            if implied:
                implied_actions.append(ci)
            if has_spec and not general_clause(toks, language) and not (language == "zh" and bare_glance(toks)):
                specific_actions.append(ci)
                action_idx.append(ci)
        elif verbs and has_spec and not general_clause(toks, language):
            others_actions.append(ci)     # 小李贴面单, 老周把货分成三批: someone else does the work (agency.py)

    # the outcome: a result clause after the first action
    first_action = actions[0] if actions else None
    outcome, outcome_clause = 0.0, None

    def marked(ci: int) -> bool:
        # … or the marker and the subject alone before it (后来他们公司 | 又来我这买了五台: breaker 47's h25, whose
        # step 我第二天去税务那边作废重开 was quoted as the result)
        return marked_result(clauses[ci]) or ci > 0 and marked_result(clauses[ci - 1]) and not any(
            t.pos.startswith("v") for t in clauses[ci - 1])
    if first_action is not None:
        for ci in range(first_action, len(clauses)):
            toks = clauses[ci]
            said = "".join(t.text for t in toks)
            # (a fault denied over the whole stretch is the story's ending however habitual it sounds: 那个月…每天都干到晚上
            # 九点多，但是一直没出什么事)
            if not keep[ci] or general_clause(toks, language) and not (language == "zh" and _FEW_FAULTS.search(said)):
                continue
            few = _FEW_FAULTS.search(said) if language == "zh" else None
            if language == "zh":
                says_result = any(result_word(toks, k, sets, markers=True) and (not t.negated or t.fault) and not t.copied
                                  for k, t in enumerate(toks)) or bool(few) or denied_instance(toks) \
                    or bool(_RECOVERED.search(said)) or restored(toks) or bool(_GAINED.search(said)) \
                    or ci > first_action and bool(_FEW_FAULTS.search("".join(t.text for t in clauses[ci - 1]) + said))
            else:
                says_result = says_result_other(toks, language, concrete_ids) or (
                    language == "en" and en_result_said(toks, sets))
            if not says_result:
                continue
            if language == "zh" and lapse_told(said):
                continue     # 有一次拖完地忘了放小心地滑的牌子: the lapse told, whatever read as done in it
            if language == "zh" and _LESSON.search(said):
                continue     # 后来配完我都会对一遍单: the lesson taken up, not how the story ended (breaker 46's h35)
            if language == "zh" and _last_step(clauses, ci, sets):
                continue     # 先扫面单，再扫商品，最后看一眼件数再封箱: the last step of a routine, not its result
            if language == "zh" and _TROUBLE_AGAIN.search(said):
                continue     # 她第二天又来投诉了: the trouble again, whatever its time marker
            if ci == first_action and len(actions) > 1 and ci != actions[-1]:
                continue
            # 1: a result with a concrete item (十点半全部发完); 0.75: a specific result said as done
            # (给她换了一件); 0.5: only generic (结果很好, 大家都很满意)
            if any(id(t) in concrete_ids for t in toks) or few and few.group(4) or \
                    language == "zh" and re.search(_TO_THE_CENT, said):
                level = 1.0      # … or how few faults, counted (错单只有一单), or to the cent (一分不差)
            elif few or language == "zh" and (restored(toks) or _RECOVERED.search(said)):
                level = 0.75     # 零错发, 还给他, 下班对账一分不差: a specific result said as done
            elif clause_specific[ci] and (language != "zh" or any(t.text in ("了", "过") for t in toks)):
                level = 0.75
            elif language == "zh" and any(approval(toks, k, sets) for k in range(len(toks))):
                level = 0.75     # a customer's approval of what was done (她满意地走了) is a result said as done
            elif language == "zh" and bool(specific_actions) and specific_actions[0] < ci and any(
                    changed_after(toks, k, sets) and not t.negated and not t.copied for k, t in enumerate(toks)):
                level = 0.75     # … and so is their changed state or return (她满意了, 第二天又来了) after a specific
                #                  step of the candidate's: a template's 最后顾客满意了 follows no such step
            elif language == "ko":
                continue    # 결과는 아주 좋았고 모두 만족했습니다: a template's result is no result
            else:
                level = 0.5
            # Korean: of two results as strong, the later is the ending (교환해 드렸습니다 is a step;
            # 다음 날 다시 오셔서 고맙다고 하셨습니다 is how it ended)
            # … and how the customer took it (고맙다고 하셨습니다) is the ending, quoted
            # before the step that led to it (삼천 원을 돌려드렸습니다), at the stronger step's level
            # Chinese: of two results as strong, a later one opened by a result marker (最后平均出菜时间从二十五分钟降到
            # 十五分钟) is the ending, not an earlier step's count (把…料提前配好三十份: breaker 39's h03 quoted it)
            # … and a later ending opened by its marker (最后她满意地走了) is the story's result, not a step before it
            # that names a thing (然后帮她换货: breaker 42's g39 was told 说了具体结果：“然后帮她换货”); the value stays
            # the stronger one's, only what is quoted moves; so does a later ending after a return or a shortfall made good
            # (手动帮她补上了积分，她很快就不生气了: the step, then how the customer took it)
            if level > outcome or (language == "ko" and outcome_clause is not None and (
                    level == outcome or (level >= 0.75 and customer_reaction(toks, language)))) or (
                    language == "zh" and level == outcome >= 0.75 and (marked(ci) or _RECOVERED.search(said) or
                                                                       restored(clauses[outcome_clause]))) or (
                    language == "zh" and level >= 0.75 and marked(ci) and outcome_clause is not None
                    and _next_step(clauses[outcome_clause]) and not marked(outcome_clause)):
                outcome, outcome_clause = max(level, outcome), ci
    situation = False
    if specific_actions:
        situation = any(clause_specific[ci] for ci in range(0, specific_actions[0])) or \
            any(id(t) in concrete_ids and concrete_kind(t, language) in ("time", "place")
                for t in clauses[specific_actions[0]])
    story = (situation + bool(specific_actions) + (outcome >= 0.75 and outcome_clause is not None and
                                                 (not specific_actions or outcome_clause >= specific_actions[0]))) / 3

    # relevance: the question's words, the competencies' terms, and the words of everyday work (a story
    # about an 阿姨's bank card answers "helping a customer" without saying 顾客)
    content_clauses = [toks for ci, toks in enumerate(clauses) if keep[ci] and has_content[ci]]
    on_topic = sum(1 for ci in range(len(clauses)) if keep[ci] and on_topic_clause[ci])
    relevance = min(1.0, on_topic / 2)
    general = sum(1 for toks in content_clauses if general_clause(toks, language))
    generalities = general / len(content_clauses) if content_clauses else 0.0
    spec_set = set(specific_actions)
    events = sum(1 for ci, toks in enumerate(clauses)
                 if keep[ci] and has_content[ci] and not general_clause(toks, language)
                 and (ci in spec_set or any(id(t) in concrete_ids for t in toks)))
    event_share = events / len(content_clauses) if content_clauses else 0.0
    joined = ("" if language == "zh" else " ").join(t.text for t in words_)
    # Korean and English: a phrase starts at a word (별로 "not really", not 색깔별로 "by colour")
    # Chinese: on jieba word boundaries (走了 "left", not 发走了 "sent off")
    # (a phrase absent from the whole text is absent from every clause: only the others are traced to a clause)
    whole = "".join(t.text for t in seg.tokens)
    # someone else's reported speech (同事说“关我什么事”) is not the candidate's attitude (contrary.others_speech)
    speech = {id(seg.tokens[i]) for i in contrary.others_speech(seg)}
    # … nor is a preference conceded and then turned (平时不太喜欢加班，但那次不一样: conceded, above)
    said = [[t for t in toks if id(t) not in speech] if ci not in conceded and not disfluent[ci] else []
            for ci, toks in enumerate(clauses)]
    said_en = " ".join(t.text for t in words_ if id(t) not in speech)
    reluctant = [p for p in sets["reluctance"] if (p in whole and _own_phrase(p, said, first_person)
                                                   if language == "zh" else (" " + p) in (" " + said_en))]
    reluctant = [p for p in reluctant if not any(p != o and p in o for o in reluctant)]

    # content only counts when the answer touches the question at all: a fluent, detailed story about
    # something else (holidays, a new scooter) is off-topic, not strong
    # … and fully only when some clause touches the question itself (its words, the competencies' terms):
    # an answer that only talks about work in general (外卖平台抽成太高…) answers another question
    q_terms = q_words | all_terms
    q_long = [term for term in all_terms if len(term) >= 2]
    # a word made of the question's own characters says it in other words (急单 for 紧急订单)
    q_chars = {c for w in q_words for c in w if _jieba_freq_char(c)} if language == "zh" else set()
    on_question = sum(1 for ci, toks in enumerate(clauses) if keep[ci] and on_topic_clause[ci] and (
        any((t.base or t.text) in q_terms and not t.copied for t in toks)
        or (language != "en" and any(term in "".join(t.text for t in toks if not t.copied) for term in q_long))
        or (language == "en" and any(_has_term(_joined(toks, language, lambda t: not t.copied), term, language)
                                     for term in q_long))
        or any(len(t.text) >= 2 and not t.copied and all(c in q_chars for c in t.text) for t in toks)
        or names_instance(toks) or tells_asked(toks)))
    topical = 1.0 if on_question else WORK_ONLY_FACTOR if on_topic else OFF_TOPIC_FACTOR
    answer = {
        "concreteness": topical * _sat(len(concrete), 3),
        "specific_actions": topical * _sat(len(specific_actions), 2.5),
        "outcome": topical * outcome,
        "story_order": topical * story,
        "relevance": relevance,
        "specificity": topical * _sat(len(specific_words), 8),
        "generalities": generalities,
        "event_share": topical * event_share,
        "reluctance": _sat(len(reluctant), 1),
        "topic_similarity": topic_similarity(sem, keep, has_content),
        "wording": wording.NEUTRAL,   # set below, from the finished analysis (wording_text)
    }
    per_comp = []
    for comp in comps:
        said, negated, voided, in_specific, kw_said = {}, set(), set(), set(), set()
        negated_at = {}
        # a clause telling a deed contrary to the competency voids its terms and counts them against it
        # (同事来帮忙我都让他们走开: 同事, 帮忙 said while refusing help)
        contrary_clauses: set = set()
        families = contrary.families(comp.name, tuple(comp.keywords), language)
        contrary_owned: list = []
        contrary_found = contrary.find_phrases(seg, keep, families, contrary_clauses, contrary_owned)
        # a lapse the question itself asks about (送外卖时遇到过什么意外情况（迟到、地址错、餐洒了）？你是怎么处理的？ →
        # 我迟到了十二分钟, breaker 36): the story the question wants, owned as a lesson is, not counter-evidence
        asked = [found for found in contrary_found if contrary.asked_about(found[0], q_seg.text, language)]
        if asked:
            contrary_owned += asked
            contrary_found = [found for found in contrary_found if found not in asked]
        for term, kind, hits in _term_hits(seg, comp, first_person):
            for hit in hits:
                if hit.term != term and hit.term in said:
                    continue
                # a curated pattern is named by the words said (是我订错), never by its regex
                label = term if term in comp.terms else hit.term
                ci = seg.tokens[hit.first].clause
                if hit.copied or not (0 <= ci < len(keep) and keep[ci]):
                    continue
                if circumstance_sense(seg, hit, first_person):
                    continue    # 客户取消了合作, 没有沟通渠道, 同事不配合: the story's circumstances, not conduct
                if ci in contrary_clauses:
                    voided.add(label)
                    continue
                if hit.negated and contrary._attributive(seg, hit.last):
                    continue    # 遇到不配合的狗狗: who is met, not the candidate's conduct (breaker 26)
                if any(seg.tokens[i].nobody for i in range(hit.first, hit.last + 1)):
                    continue    # 没有一个访客等超过五分钟, 没有一个同事愿意加班: who did not act, neither way
                if hit.negated:
                    toks = [seg.tokens[i] for i in range(hit.first, hit.last + 1) if seg.tokens[i].negated]
                    if not all(t.fault_denied for t in toks):
                        negated.add(label)
                        negated_at.setdefault(label, hit)
                        continue
                    if not any(t.fault for t in toks):
                        continue    # 没有推给同事: 同事 is neither evidence nor counter-evidence
                    # 一单都没超时: the fault term denied is the good outcome, evidence like any term said
                said.setdefault(hit.term, hit)
                if kind == "keyword":
                    kw_said.add(term)
                near = [c for c in (ci - 1, ci, ci + 1) if 0 <= c < len(clause_specific)]
                if any(clause_specific[c] for c in near):
                    in_specific.add(hit.term)
        # a time saving told in the candidate's own numbers shows an efficiency competency (time_saved.py)
        if savings and time_saved.efficiency_competency(comp.name, comp.keywords):
            for sv in savings:
                if sv.quote not in said:
                    first = min(i for i, tok in enumerate(seg.tokens) if id(tok) in sv.token_ids)
                    last = max(i for i, tok in enumerate(seg.tokens) if id(tok) in sv.token_ids)
                    said[sv.quote] = Hit(sv.quote, first, last, False, False)
                    in_specific.add(sv.quote)
        # a tool competency (its terms name software in Latin letters: excel, vlookup, ppt) is shown by any
        # software or function the candidate names in Latin letters (wps, sumif, erp, cad; honest17), used in a
        # counted clause of their own — not an everyday English word (ok, app: latin_name)
        latin_terms = [term for term in comp.terms if re.fullmatch(r"[a-z][a-z0-9]+", term)]
        if language == "zh" and latin_terms:
            for k, tok in enumerate(seg.tokens):
                ci = tok.clause
                if tok.pos != "eng" or len(tok.text) < 2 or not tok.text.isascii() or tok.copied or tok.negated \
                        or id(tok) in junk or tok.text in said or not (0 <= ci < len(keep) and keep[ci]) \
                        or ci in contrary_clauses or not latin_name(tok.text):
                    continue
                if any(term in tok.text for term in latin_terms):
                    continue    # a word made from the tool's name (Excellent of excel) is not another tool
                said[tok.text] = Hit(tok.text, k, k, False, False)
                if any(clause_specific[c] for c in (ci - 1, ci, ci + 1) if 0 <= c < len(clause_specific)):
                    in_specific.add(tok.text)
        # a term inside a longer term said (分成 in 分成三批) is one piece of evidence
        distinct = [t for t in said if not any(t != o and t in o for o in said)]
        kw_norm = [normalise_term(k, language) for k in comp.keywords if normalise_term(k, language)]
        values = {
            "evidence": _sat(len(distinct), 2),
            "evidence_specific": _sat(len([t for t in distinct if t in in_specific]), 1.5),
            "negative_evidence": _sat(len((negated | voided) - set(said)), 1.5),
            "anchor_match": _anchor_match(seg, comp.anchors),
            # not a model input: what model.competency_strength reads besides the terms
            "closeness": competency_closeness(sem, keep, comp, language),
        }
        details = {"said": {t: said[t] for t in distinct},
                   "kinds": {t: comp.terms.get(t, "behaviour") for t in distinct},
                   "negated": sorted(negated - set(said)),
                   # where each negated term was said (explain quotes the clause: 我不太喜欢跟同事沟通)
                   "negated_at": {t: negated_at[t] for t in sorted(negated - set(said)) if t in negated_at},
                   "voided": sorted(voided - negated - set(said)),   # said inside a contrary deed
                   "keyword_coverage": (len({k for k in kw_norm if k in said}) / len(kw_norm)) if kw_norm else None,
                   "keywords_said": sorted({k for k in kw_norm if k in said}),
                   "contrary": contrary_found
                   + [(c, "较弱回答示例") for c in contrary.find_by_meaning(sem, seg, keep, comp.anchors)],
                   "contrary_owned": contrary_owned}
        per_comp.append((comp, values, details))

    if per_comp:
        mean_ev = sum(v["evidence_specific"] for _, v, _ in per_comp) / len(per_comp)
        for _, v, _ in per_comp:
            v["evidence_relative"] = 0.5 + (v["evidence_specific"] - mean_ev) / 2
    # the answer's own words: content words that are none of HR's terms (nor part of a longer term said in
    # the answer, 生熟/分开 of 生熟分开), the question's words, generic or STAR words, or bare numbers/counters
    # — what a keyword salad lacks and a real story, however short, is made of (gates.keyword_salad)
    said_terms = [term for term in all_terms if len(term) >= 2 and term in seg.text]
    # … and the pieces of HR's phrases said apart (检查了枪头 of 检查枪头, 解释 of 耐心解释: set r's unpunctuated jumble of
    # the question's work words, session 21), two characters or more (not 车 of 车主)
    long_terms = [term for term in all_terms if len(term) >= 3]

    def keyword_like(t: Token) -> bool:
        b = t.base or t.text
        # a word of time, direction or reference, or an adverb, is no piece of a phrase (以后 of 以后每次: session 43 —
        # 总结经验，以后更加细心 was made a keyword salad by the curated 改进 behaviours)
        return b in all_terms or (language == "zh" and t.pos not in _NO_PIECE and (
            any(t.text in term and t.text != term for term in said_terms) or
            len(t.text) >= 2 and any(t.text in term for term in long_terms)))

    own_words = {t.base or t.text for t in content
                 if not keyword_like(t) and (t.base or t.text) not in q_words | generic
                 and not (language == "zh" and (t.text in _HOLLOW or t.pos in ("m", "mq")))}
    facts = own_facts(words_, lambda t: 0 <= t.clause < len(keep) and keep[t.clause] and not t.copied
                      and not keyword_like(t) and (t.base or t.text) not in q_words | generic, junk) \
        if language == "zh" else set()
    own_words |= facts
    counts = {
        "words": len(words_), "content": len(content), "distinct_content": len(distinct_content),
        "own_words": len(own_words), "own_facts": len(facts), "keyword_tokens": sum(1 for t in content if keyword_like(t)),
        "fillers": len(fillers), "copied": sum(1 for t in words_ if t.copied),
        # a Korean noun that ends like a grammar ending (재고, 보고, 창고, 순서) is no grammar word when it is one of
        # HR's terms: a list of them read as grammar (breaker 20: 유통기한, 확인, 정리, 재고, 해결, 보고 — scored 1.4)
        "function": sum(1 for t in words_ if is_function(t, language)
                        and not (language == "ko" and ((t.base or t.text) in all_terms or t.text in all_terms))),
        "clauses": len(clauses), "content_clauses": len(content_clauses), "on_topic_clauses": on_topic,
        "actions": len(actions) - len(implied_actions), "specific_actions": len(specific_actions), "others_actions": len(others_actions),
        "concrete": len(concrete), "specific_words": len(specific_words),
        "term_tokens": sum(1 for t in words_ if (t.base or t.text) in all_terms and not t.copied),
        "junk_tokens": len(junk), "excluded_clauses": sum(1 for ci in range(len(clauses)) if not keep[ci]),
        "junk_chars": sum(len(t.text) for t in words_ if id(t) in junk),
        # the uncounted Latin runs when they are English (code-switching), so the note does not call them 乱码
        "junk_english_chars": _english_junk_chars(words_, junk),
        "chars": sum(len(t.text) for t in words_),
        "number_clauses": number_clauses, "hollow_number_clauses": hollow_clauses, "rate_clauses": rate_clauses,
        "clock_clauses": clock_clauses,
        "figure_clauses": figure_clauses,
        # the clauses that only list HR's terms (安排了优先级，沟通了同事，分工了: term_list_clauses), not counted as content
        "term_list_clauses": len(lists), "stock_phrase_clauses": len(stock_chains),
    }
    details = {
        "concrete": concrete,
        "concrete_ids": concrete_ids,
        "on_topic_clause_ids": [ci for ci in range(len(clauses)) if on_topic_clause[ci]],
        "excluded_clause_ids": [ci for ci in range(len(clauses)) if not keep[ci]],
        "action_clauses": ["".join(t.text if language == "zh" else t.text + " " for t in clauses[ci]).strip()
                           for ci in specific_actions[:3]],
        "outcome_clause": None if outcome_clause is None else
        ("" if language == "zh" else " ").join(t.text for t in clauses[outcome_clause]),
        "action_clause_ids": list(specific_actions),
        "own_action_clause_ids": [ci for ci in actions if ci not in implied_actions],
        "outcome_clause_id": outcome_clause,
        "situation": situation,
        "on_question_clauses": on_question,
        "scene": scene_closeness(q_seg, seg, keep),
        "question_fit": _question_fit(clauses, keep, junk, question, language),
        "reluctance": reluctant,
        "conceded": sorted(conceded),
        "semantic": sem,
        "question_words": frozenset(q_words),
        "question_text": q_seg.text,
        "competency_terms": frozenset(all_terms),      # every competency's keywords and behaviour phrases
        "topical": topical,
    }
    analysis = Analysis(seg, answer, per_comp, counts, details)
    details["wording_text"] = wording_text(analysis, question)
    answer["wording"] = wording_value(details["wording_text"], language)
    from . import detectors

    texts = {"said": _without_clauses(contrary.without_others_speech(seg), seg, details.get("conceded") or ()),
             # the answer as said, others' reported speech and a conceded preference (平时不太喜欢加班，但…) left out
             "counted": details["wording_text"]}            # the counted clauses: padding judged as padding
    for name in detectors.FILES:
        details[name] = detectors.probability(name, detectors.reads(name, texts), language)
    # No clause touches the question's words, the competencies' terms or everyday work words, yet the learnt
    # off-topic detector reads the answer as plainly about work (below WORK_TALK_P): a terse story in its own trade
    # words (稳压电源, 开机电流卡在零点一安, 电容短路; 降压药, 掰成两半) is work told in other words, scaled as work-only
    # talk, not as talk about something else (session 25: short strong answers scored 26 below adequate ones)
    # (Chinese, and with words of its own: a STAR template says no trade's words, and English reads lower to the
    # detector — model.OFF_TOPIC_P_LANGUAGE)
    details["work_talk"] = language == "zh" and topical == OFF_TOPIC_FACTOR and answer["specificity"] > 0 and \
        details.get("off_topic") is not None and details["off_topic"] < WORK_TALK_P and bool(counts.get("content_clauses"))
    if details["work_talk"]:
        for k in TOPICAL_FEATURES:
            answer[k] *= WORK_ONLY_FACTOR / OFF_TOPIC_FACTOR
    from .explain import question_type
    if question_type(question or {}) == "closing":
        # a closing answer that asks about the job answers the question, whatever the off-topic detector, fitted on
        # stories, reads in its questions (How much does it pay? Is accommodation included?: breaker 15 M2)
        from .quotes import questions_asked
        asked = questions_asked(analysis)
        details["asks_about_job"] = bool((asked["job"] or asked["broad"]) and not asked["rude"])
        # … and an answer made only of such questions shows no attitude to the work: the reluctance detector,
        # fitted on stories, read 新人来了一般谁带 as unwilling (0.67)
        padding = set(details["excluded_clause_ids"]) | set(asked["clauses"])
        if details["asks_about_job"] and all(ci in padding or all(seg.tokens[i].pos == "x" for i in idx)
                                             for ci, idx in enumerate(seg.clauses)):
            details["reluctant"] = None
    return analysis


def _without_clauses(text: str, seg: Segmented, drop) -> str:
    """`text` (the answer, maybe with others' speech left out) without the clauses `drop` of `seg`: each clause's
    own characters (from its first token to its last) are cut where they still stand in the text."""
    for ci in drop:
        toks = [seg.tokens[i] for i in seg.clauses[ci] if seg.tokens[i].pos != "x"]
        piece = "".join(t.text for t in toks)
        if piece and piece in text:
            text = text.replace(piece, "", 1)
    return text


def wording_text(analysis: Analysis, question: dict) -> str:
    """The text the wording model reads (also in training, models/scorer/train.py): the counted clauses, as
    for every other feature (padding, asides, nonsense, read-back question and keyword lists left out); for a
    closing question (你有什么想问的) only the questions the candidate asked, when they asked one about the job — such a
    question is answered by questions, and story-like words around them (先把…十点半…) say nothing about it."""
    from .explain import question_type
    from .quotes import questions_asked

    if question_type(question or {}) == "closing":
        asked = questions_asked(analysis, wording=True)
        if asked["job"]:      # a refusal (没有，没什么想问的) is read whole, as its transcript would be
            return " ".join(asked["job"] + asked["other"])
    seg, excluded = analysis.seg, set(analysis.details.get("excluded_clause_ids", []))
    # others' reported speech stays in (the wording model was fitted on it, and where such speech ends differs
    # between a typed answer and its unpunctuated transcript: the wording ratings parted by 0.1)
    kept = [seg.tokens[i].text for ci, idx in enumerate(seg.clauses) if ci not in excluded for i in idx]
    return " ".join(kept)


def wording_value(text: str, language: str) -> float:
    """The wording feature, 0..1: (wording.rate − 1)/4, wording.NEUTRAL when no wording model is installed."""
    rating = wording.rate(text, language)
    return ((wording.NEUTRAL if rating is None else rating) - 1.0) / 4.0


def competency_row(analysis: Analysis, index: int) -> dict:
    """The model's input row for competency `index`: answer-level plus that competency's features."""
    _, values, _ = analysis.competencies[index]
    return {**{f: round(analysis.answer[f], 4) for f in ANSWER_FEATURES},
            **{f: round(values[f], 4) for f in COMPETENCY_FEATURES}}
