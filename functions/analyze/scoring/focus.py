"""The situation a story or situational question asks about, and whether the answer tells one.

    asked(question_text) -> list[Focus]      the question's focus families (empty when none is clear)
    touched(answer_text, foci) -> bool       whether any part of the answer tells one of them
    situations(question_text) -> list[str]   the situation classes (SITUATIONS) the question asks about
    other_situation(answer, question) -> (asked, told) | None
                                             the answer tells clearly another situation than the one asked
                                             (models/scorer/situation-zh.json, fitted by models/scorer/situation.py)

A behavioural question asks for a story *about something*: a disagreement with a colleague, an upset or
complaining customer, an urgent job against the clock, a mistake, a fault not yet found, a safety risk. A rehearsed story written for
another question (the warehouse rush told on 讲一次你和同事意见不一致的经历) is concrete and first-person, so the
model rates it high; what it lacks is the situation asked about. Each family has the question's wording that
names it (`ask`) and the wide family of words an answer uses to tell it in its own words (`tell`: 我跟她想法不
一样, 他在收银台骂人, 当天下午就要, 我拿错了…) — wide on purpose: an honest answer, however vague, dialectal or
unpunctuated, says something of the situation it was asked about; a story from another question says none of
it. Only Chinese (the families are Chinese words); the bound is off when the question names no family.
Measured (sets a–g and the moved stories of bench.scoring): see docs/scoring.md.
"""
from __future__ import annotations

import functools
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Focus:
    key: str
    name: str          # what the question asked about, in the candidate's and HR's words
    ask: re.Pattern
    tell: re.Pattern


def _rx(*parts: str) -> re.Pattern:
    return re.compile("|".join(parts))


# Words that name an upset person only when the same clause of the question names a person (难缠的顾客, 客人在大堂
# 吵闹, 老人情绪激动): alone they describe a thing as well (一个难缠的bug, 机器吵, 情绪稳定的系统) — breaker H4.
_PERSON = r"(顾客|客户|客人|业主|车主|家长|学员|观众|访客|老人|病人|患者|住户|租客|买家|乘客|同事|领导|人|他|她|对方|阿姨|大爷|大姐)"
_PERSON_BOUND = (rf"{_PERSON}[^，。？！；,?!;]{{0,8}}(难缠|刁难|找麻烦|不讲理|闹|吵|大声|情绪)|"
                 rf"(难缠|刁难|找麻烦|不讲理|闹|吵|大声|情绪)[^，。？！；,?!;]{{0,4}}(的)?{_PERSON}")


FAMILIES = (
    Focus("disagreement", "和别人意见不一致",
          _rx(r"意见不(一致|同|合)", r"分歧", r"争执", r"争吵", r"吵架", r"矛盾", r"冲突", r"看法不(一样|同)",
              r"想法不(一样|同)", r"不同意(你|你的)", r"闹别扭"),
          _rx(r"意见", r"分歧", r"不一致", r"不一样", r"不同意", r"同意", r"争", r"吵", r"矛盾", r"冲突", r"看法",
              r"想法", r"主意", r"反对", r"认同", r"赞成", r"说服", r"别扭", r"不服", r"坚持", r"各(有|说|执)",
              r"觉得.{0,12}(不对|不行|不好|不合适|应该)", r"(说|讲)不到一(块|起)", r"不高兴", r"生气", r"红脸",
              r"顶", r"较劲", r"僵", r"商量", r"沟通", r"谈", r"妥协", r"让步", r"听(她|他|我)的", r"按(她|他|我)的")),
    Focus("upset", "顾客不满、投诉或情绪激动",
          _rx(r"不满", r"投诉", r"生气", r"发火", r"激动", r"抱怨", r"差评", r"骂", r"不高兴", r"火气", r"气愤",
              r"不耐烦", _PERSON_BOUND),
          _rx(r"不满", r"投诉", r"气", r"火", r"吵", r"闹", r"嚷", r"喊", r"激动", r"抱怨", r"埋怨", r"差评", r"骂",
              r"不(太|怎么|是很)?(高兴|满意|喜欢|对)", r"太", r"嗓门", r"冲", r"情绪", r"不耐烦", r"急", r"嫌", r"怪", r"麻烦", r"难缠", r"凶", r"哭", r"道(了个?)?歉", r"歉", r"对不起",
              r"不好意思", r"抱歉", r"安抚", r"消气", r"冷静", r"平静", r"别着急", r"理解", r"委屈", r"态度",
              r"不(满意|愿意|同意|接受|肯|干|行)", r"退(钱|款|货)", r"赔", r"补偿", r"说法", r"质问", r"拍桌",
              r"大声", r"脸色", r"等(了)?(太|很|好)?久", r"催")),
    Focus("urgent", "时间很紧、要赶时间",
          _rx(r"紧急", r"时间(很|特别|非常|比较)?紧", r"加急", r"急(单|活|件)", r"赶(工|活|进度|单)",
              r"很短(的)?时间", r"来不及", r"要超时", r"截止"),
          _rx(r"急", r"紧", r"赶", r"来不及", r"截止", r"期限", r"之前", r"以前", r"前(要|得|必须|发|送|交|完|做)",
              r"超时", r"(点|门|天|车)前", r"[0-9一二三四五六七八九十两半]+点", r"来了.{0,6}(单|件|箱|份|桌|位|个)",
              r"(做|干|赶|弄|忙|送|发)完", r"一早", r"早上", r"就要", r"准时", r"按时", r"及时", r"时间", r"小时", r"分钟", r"钟头", r"点(前|之前|以前|钟)",
              r"(当|今|明|第二)天", r"马上要", r"快(要)?(到|来|开)", r"催", r"加班", r"熬", r"通宵", r"凌晨",
              r"半夜", r"高峰", r"忙", r"突然", r"临时", r"一下子", r"多了", r"很多", r"大量", r"抓紧", r"尽快",
              r"速度", r"快", r"效率")),
    Focus("mistake", "出错或失误",
          _rx(r"出(了)?(错|差错)", r"差错", r"失误", r"(搞|弄|做|拿|算|记|发)错", r"疏忽"),
          _rx(r"错", r"失误", r"疏忽", r"漏", r"忘", r"问题", r"不对", r"坏", r"没(做|弄|搞)好", r"返工", r"补救",
              r"纠正", r"改正", r"弥补", r"重(新)?做", r"少(了)?", r"多(了)?", r"差(了)?", r"对不上", r"不一样",
              r"毛病", r"不小心", r"粗心", r"道歉", r"责任", r"发现", r"检查", r"核对")),
    Focus("fault", "一时找不到原因的故障",
          _rx(r"故障", r"找不到原因", r"排查", r"(?<![a-z])bug", r"报错", r"死机"),
          _rx(r"故障", r"毛病", r"原因", r"问题", r"坏", r"查", r"测", r"试", r"换", r"拆", r"修", r"不(亮|转|响|通|动|灵|行)",
              r"异响", r"漏", r"短路", r"接触", r"报错", r"死机", r"断",
              # a software fault told in its own words (breaker H4: 难缠的bug)
              r"复现", r"日志", r"定位", r"调试", r"断点", r"debug", r"(?<![a-z])log", r"(?<![a-z])bug", r"偶尔", r"重复")),
    Focus("safety", "安全问题或危险",
          _rx(r"安全", r"危险", r"事故", r"隐患", r"违反.{0,4}规定", r"违规", r"受伤"),
          _rx(r"安全", r"危险", r"险", r"伤", r"摔", r"滑", r"倒", r"碰", r"砸", r"掉", r"事故", r"隐患", r"规定", r"救", r"呛", r"溺", r"沉", r"抽筋", r"不动", r"晕", r"血", r"烫", r"割", r"扎", r"撞", r"跌", r"病",
              r"报警", r"120",
              r"违规", r"防护", r"(戴|系|穿|挂)", r"绳", r"扣", r"小心", r"提醒", r"制止", r"阻止", r"劝", r"禁止",
              r"不(能|准|许|让)", r"着火", r"火", r"电", r"烟", r"检查", r"稳", r"牢", r"固定", r"风险", r"出事")),
)


def asked(question_text: str | None) -> list[Focus]:
    """The focus families the question names (normalised Chinese text); [] when it names none."""
    text = question_text or ""
    if re.search(r"或|还是", text):
        return []    # one situation among others (不满意，或者临时改要求): the focus is not clear
    return [f for f in FAMILIES if f.ask.search(text)]


def touched(answer_text: str | None, foci: list[Focus]) -> bool:
    """Whether the answer says any word of any of the question's families (True when there is no focus)."""
    if not foci:
        return True
    text = answer_text or ""
    return any(f.tell.search(text) for f in foci)


# The situation a story or situational question asks about, as classes a fitted reader of the answer knows
# (models/scorer/situation.py labels each answer of the sets with its question's classes and learns the words
# that tell each). Wider than FAMILIES' `ask` (高峰, 很多, 犹豫, 突发…): the classes only say which situation an
# answer's words tell, never bound an answer alone.
SITUATIONS = (
    ("upset", "顾客不满、投诉或情绪激动",
     _rx(r"不满", r"投诉", r"生气", r"发火", r"激动", r"抱怨", r"差评", r"骂", r"纠纷", r"争议", r"找错钱", r"坚持说",
         r"怕被坑", r"担心", _PERSON_BOUND)),
    ("urgent", "时间很紧、活多要赶",
     _rx(r"紧急", r"时间(很|特别|非常|比较|又)?紧", r"加急", r"急(活|单|件)", r"赶(工|急|时间|进度)", r"来不及", r"超时",
         r"很短(的)?时间", r"高峰", r"特别多", r"很多", r"一下子", r"排长队", r"特别忙", r"同时", r"只有.{1,3}(个)?(小时|分钟)",
         r"[0-9一二三四五六七八九十]+点就要")),
    ("mistake", "出错或对不上",
     _rx(r"出(了)?(错|差错)", r"差错", r"失误", r"(搞|弄|做|拿|算|记|发|找|设)错", r"对不上", r"不对", r"没弄干净",
         r"没做到位", r"洗坏", r"少了", r"出了问题", r"有问题")),
    ("fault", "一时找不到原因的故障",
     _rx(r"故障", r"找不到原因", r"排查", r"不好判断", r"(?<![a-z])bug", r"报错", r"死机", r"充不进电")),
    ("safety", "安全问题或危险",
     _rx(r"安全", r"危险", r"事故", r"隐患", r"违反", r"违规", r"受伤", r"跳水", r"没有大人")),
    ("reluctant", "对方犹豫、拒绝或不配合",
     _rx(r"犹豫", r"拒绝", r"不配合", r"不愿意", r"不肯", r"拿不定主意", r"攻击性", r"说服")),
    ("sudden", "突发情况",
     _rx(r"突发", r"突然", r"停电", r"临时出状况", r"呕吐", r"摔伤", r"发烧")),
)
SITUATION_NAMES = {key: name for key, name, _ in SITUATIONS}
# classes whose stories share their words (a fault found and a mistake made: 发现, 原因, 查, 不对): one told on a
# question about the other is not "clearly another situation" (a software bug told as 缓存没清 reads as a mistake)
NEAR = {"fault": ("mistake",), "mistake": ("fault",)}
SITUATION_MODEL = Path(__file__).resolve().parents[3] / "models" / "scorer" / "situation-zh.json"
# the question's wording around its situation: the "how did you handle it" clauses and the frame
_HOW = re.compile(r"怎么|怎样|如何|结果|具体")
_FRAME = re.compile(r"^(请)?(你)?(讲|说|谈|分享)(一)?(次|个|下)|^(如果|假设)|的经历|经历")


def situations(question_text: str | None) -> list[str]:
    """The SITUATIONS classes the question (normalised Chinese text) asks about, in SITUATIONS' order."""
    text = question_text or ""
    return [key for key, _, ask in SITUATIONS if ask.search(text)]


def situation_text(question_text: str | None) -> str:
    """The question's own description of its situation: its clauses without the ones asking how it was handled
    (你是怎么处理的，结果怎样) and without the frame (请讲一次…的经历)."""
    parts = [p for p in re.split(r"[，。？！；,.?!;]", question_text or "") if p.strip()]
    kept = [p for p in parts if not _HOW.search(p)] or parts[:1]
    return _FRAME.sub("", "".join(kept))


def situation_words(text: str | None) -> list[str]:
    """The words of a text that carry its meaning (features._meaning_words of its Chinese segmentation)."""
    from . import features
    from .text import normalise, segment

    return features._meaning_words(segment(normalise(text, "zh"), "zh").words, "zh")


def closeness(question_words: list[str], answer_words: list[str]) -> float:
    """How closely the answer's words follow the question's situation: for each word of the situation the
    cosine of the answer's nearest word (meaning.word_vector), averaged; 1.0 without word vectors or words."""
    import numpy as np

    from . import meaning

    q = [v for v in (meaning.word_vector(w) for w in question_words) if v is not None]
    a = [v for v in (meaning.word_vector(w) for w in dict.fromkeys(answer_words)) if v is not None]
    if not q or not a:
        return 1.0
    said = np.stack(a)
    return float(np.mean([np.max(said @ v) for v in q]))


@functools.lru_cache(maxsize=1)
def _model() -> dict | None:
    """The fitted reader (SITUATION_MODEL), loaded once; None when absent or MIAOMIAN_SITUATION=off."""
    if os.environ.get("MIAOMIAN_SITUATION", "").lower() in ("off", "0", "false") or not SITUATION_MODEL.is_file():
        return None
    return json.loads(SITUATION_MODEL.read_text(encoding="utf-8"))


def warm_up() -> None:
    _model()


def told(answer_words: list[str], model: dict) -> dict:
    """Probability, per situation class, that an answer with these words tells that situation (one logistic
    regression per class on which words are said)."""
    said = set(answer_words)
    out = {}
    for k, key in enumerate(model["classes"]):
        z = model["intercept"][k] + sum(model["words"][w][k] for w in said if w in model["words"])
        out[key] = 1.0 / (1.0 + math.exp(-z))
    return out


def signals(answer_text: str | None, question_text: str | None, model: dict | None = None) -> dict | None:
    """What the bound reads: the question's classes, the answer's class probabilities, the gap between the best
    class not asked and the best asked, and the closeness of the answer's words to the question's situation.
    None when the question asks no class or the model is absent."""
    model = model or _model()
    asked_ = situations(question_text)
    if model is None or not asked_:
        return None
    words = situation_words(answer_text)
    gap_, other = gap(told(words, model), asked_)
    if other is None:
        return None
    return {"asked": asked_, "told": other, "gap": gap_,
            "closeness": closeness(situation_words(situation_text(question_text)), words)}


def gap(p: dict, asked_: list[str]) -> tuple[float, str | None]:
    """(best probability of a class neither asked nor NEAR one asked − best of the asked ones, that class);
    (0.0, None) when every class is asked or near."""
    near = set(asked_) | {n for k in asked_ for n in NEAR.get(k, ())}
    others = [(p[k], k) for k in p if k not in near]
    if not others:
        return 0.0, None
    best = max(others)
    return best[0] - max(p[k] for k in asked_), best[1]


def other_situation(answer_text: str | None, question_text: str | None, model: dict | None = None) \
        -> tuple[str, str] | None:
    """(what the question asks about, what the answer tells) when the answer's words clearly tell another
    situation than the question's (the fitted gap above model["gap"]) and follow the question's own description
    of it loosely (closeness below model["closeness"]); None otherwise."""
    model = model or _model()
    sig = signals(answer_text, question_text, model)
    if sig is None or sig["gap"] <= model["gap"] or sig["closeness"] >= model["closeness"]:
        return None
    return "、".join(SITUATION_NAMES[k] for k in sig["asked"]), SITUATION_NAMES[sig["told"]]
